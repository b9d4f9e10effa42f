"""The preview HTTP server: site/ under the configured base path, plus live reload.

Only this server injects the live-reload script, into the HTML it sends; the files in
site/ never contain it. Reload events are sent over server-sent events, and only after
a build succeeded; a failed build sends its error, which the script shows as an overlay
over the last good page.
"""

from __future__ import annotations

import json
import mimetypes
import os
import posixpath
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitegen.errors import ConfigError

EVENTS = "/__sitegen/events"
SCRIPT = "/__sitegen/livereload.js"
KEEPALIVE_SECONDS = 15.0

LIVERELOAD_JS = """\
(() => {
  const me = document.currentScript;
  const served = Number(me && me.dataset.version);
  let overlay = null;
  const source = new EventSource("/__sitegen/events");
  source.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    if (state.error) { show(state.error); return; }
    hide();
    if (state.version !== served) location.reload();
  });
  function hide() { if (overlay) { overlay.remove(); overlay = null; } }
  function show(message) {
    hide();
    overlay = document.createElement("div");
    overlay.setAttribute("role", "alert");
    overlay.id = "sitegen-error-overlay";
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;" +
      "padding:2rem;white-space:pre-wrap";
    const title = document.createElement("strong");
    title.textContent = "sitegen: the build failed. The last good site is shown below.\\n\\n";
    overlay.append(title, document.createTextNode(message));
    document.body.append(overlay);
  }
})();
"""


@dataclass
class BuildState:
    version: int = 0  # incremented after every successful build
    error: str | None = None  # the last build's error, until a build succeeds

    def as_json(self) -> str:
        return json.dumps({"version": self.version, "error": self.error})


class LiveState:
    """The build state shared between the builder thread and the request threads."""

    def __init__(self) -> None:
        self._state = BuildState()
        self._changed = threading.Condition()
        self.closing = False

    @property
    def current(self) -> BuildState:
        with self._changed:
            return BuildState(self._state.version, self._state.error)

    def succeeded(self) -> None:
        with self._changed:
            self._state = BuildState(self._state.version + 1, None)
            self._changed.notify_all()

    def failed(self, message: str) -> None:
        with self._changed:
            self._state = BuildState(self._state.version, message)
            self._changed.notify_all()

    def wait(self, seen: BuildState, timeout: float) -> BuildState:
        with self._changed:
            self._changed.wait_for(lambda: self.closing or self._state != seen, timeout=timeout)
            return BuildState(self._state.version, self._state.error)

    def close(self) -> None:
        with self._changed:
            self.closing = True
            self._changed.notify_all()


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 256  # a page load opens many connections at once
    server_address: tuple[str, int]  # bound to an IPv4 host name or address

    def __init__(self, host: str, port: int, site: Path, base_path: str, live: LiveState) -> None:
        self.site = site
        self.base_path = base_path
        self.live = live
        try:
            super().__init__((host, port), _Handler)
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {host}:{port}: {exc.strerror}; "
                "choose another with --port or --host"
            ) from None


def base_path_of(base_url: str) -> str:
    """`https://x.github.io/story/` -> `/story/`; the site is served under that path."""
    path = urlsplit(base_url).path if base_url else "/"
    path = "/" + path.strip("/") + "/"
    return "/" if path == "//" else path


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass  # requests are not news; the builder reports what matters

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        path = urlsplit(self.path).path
        if path == EVENTS and not head:
            self._events()
        elif path == SCRIPT:
            self._send(HTTPStatus.OK, LIVERELOAD_JS.encode(), "text/javascript", head)
        elif not path.startswith(self.server.base_path):
            if path in ("/", ""):
                self._redirect(self.server.base_path)
            else:
                self._not_found(head)
        else:
            self._file(path[len(self.server.base_path) :], head)

    def _file(self, relative: str, head: bool) -> None:
        target = _resolve(self.server.site, relative)
        if target is None:
            self._not_found(head)
            return
        if target.is_dir():
            if relative and not relative.endswith("/"):
                self._redirect(self.server.base_path + relative + "/")
                return
            target = target / "index.html"
            if not target.is_file():
                self._not_found(head)
                return
        self._send_file(HTTPStatus.OK, target, head)

    def _send_file(self, status: HTTPStatus, target: Path, head: bool) -> None:
        try:
            body = target.read_bytes()
        except OSError:
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain", head)
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            body = _inject(body, self.server.live.current.version)
        self._send(status, body, kind, head)

    def _not_found(self, head: bool) -> None:
        page = self.server.site / "404.html"
        if page.is_file():
            self._send_file(HTTPStatus.NOT_FOUND, page, head)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain", head)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, body: bytes, kind: str, head: bool) -> None:
        self.send_response(status)
        charset = "; charset=utf-8" if kind.startswith("text/") or "javascript" in kind else ""
        self.send_header("Content-Type", kind + charset)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        live = self.server.live
        state = live.current
        try:
            self._event(state)
            while not live.closing:
                new = live.wait(state, KEEPALIVE_SECONDS)
                if new != state:
                    state = new
                    self._event(state)
                else:
                    self.wfile.write(b": keepalive\n\n")
                    self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away
        self.close_connection = True

    def _event(self, state: BuildState) -> None:
        self.wfile.write(f"event: state\ndata: {state.as_json()}\n\n".encode())
        self.wfile.flush()


def _resolve(site: Path, relative: str) -> Path | None:
    """The file a URL path names inside `site`, or None when it would leave it
    (`..`, encoded forms, absolute paths, symlinks pointing out)."""
    decoded = unquote(relative)
    if "\0" in decoded or "\\" in decoded:
        return None
    normal = posixpath.normpath("/" + decoded).lstrip("/")
    if normal.split("/")[:1] == [".."]:
        return None
    root = os.path.realpath(site)
    target = os.path.realpath(os.path.join(root, normal))
    if target != root and not target.startswith(root + os.sep):
        return None
    path = Path(target)
    try:
        return path if path.exists() else None
    except OSError:  # a name too long for the file system, say
        return None


def _inject(html: bytes, version: int) -> bytes:
    tag = f'<script src="{SCRIPT}" data-version="{version}"></script>'.encode()
    index = html.rfind(b"</body>")
    return html[:index] + tag + html[index:] if index != -1 else html + tag
