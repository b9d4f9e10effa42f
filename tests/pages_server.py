"""A local stand-in for GitHub Pages: a built site served under a subpath.

Like Pages, it serves `site/` at `/<prefix>/`, redirects a folder without its
trailing slash, answers a folder with its index.html, and answers anything missing
with the site's 404.html and status 404. Tests crawl it and point Chromium at it.
"""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True)
class Served:
    url: str  # the site's address, ending in "/": http://127.0.0.1:PORT/prefix/
    site: Path


def _handler(site: Path, prefix: str) -> type[BaseHTTPRequestHandler]:
    root = site.resolve()

    class PagesHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._answer(body=True)

        def do_HEAD(self) -> None:
            self._answer(body=False)

        def _answer(self, body: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            if path == prefix.rstrip("/"):
                return self._redirect(prefix)
            if not path.startswith(prefix):
                return self._send(HTTPStatus.NOT_FOUND, b"outside the site", ".txt", body)
            target = (root / path[len(prefix) :]).resolve()
            if not target.is_relative_to(root):
                return self._send(HTTPStatus.FORBIDDEN, b"", ".txt", body)
            if target.is_dir() and not path.endswith("/"):
                return self._redirect(path + "/")
            if target.is_dir():
                target = target / "index.html"
            if target.is_file():
                return self._send(HTTPStatus.OK, target.read_bytes(), target.suffix, body)
            missing = root / "404.html"
            return self._send(HTTPStatus.NOT_FOUND, missing.read_bytes(), ".html", body)

        def _redirect(self, location: str) -> None:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _send(self, status: HTTPStatus, data: bytes, suffix: str, body: bool) -> None:
            self.send_response(status)
            kind = TYPES.get(suffix) or mimetypes.guess_type(f"x{suffix}")[0]
            self.send_header("Content-Type", kind or "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if body:
                self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output quiet

    return PagesHandler


@contextmanager
def serve(site: Path, prefix: str = "/project-name/") -> Iterator[Served]:
    """Serve `site` at http://127.0.0.1:<ephemeral port><prefix> in a thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, prefix))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield Served(f"http://{host}:{port}{prefix}", site)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
