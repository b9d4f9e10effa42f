"""`sitegen serve`: the real server, real file changes, a real SSE client."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from sitegen.errors import ConfigError
from sitegen.factbase.yamledit import update_text
from sitegen.reporter import Reporter
from sitegen.serve import ServeOptions, serve
from sitegen.serve.http import PreviewServer


class Running:
    def __init__(self, project: Path, server: PreviewServer, stop: threading.Event) -> None:
        self.project = project
        self.server = server
        self.stop = stop
        self.port = server.server_address[1]

    def request(self, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request(method, path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), body


class Events:
    """A server-sent events client reading `state` events in the background."""

    def __init__(self, port: int) -> None:
        self.states: list[dict] = []
        self._connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self._connection.request("GET", "/__sitegen/events")
        self._response = self._connection.getresponse()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            for raw in self._response:
                line = raw.decode().strip()
                if line.startswith("data: "):
                    self.states.append(json.loads(line[6:]))
        except (OSError, ValueError):
            pass

    def wait_for(self, predicate, timeout: float = 30.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for state in self.states:
                if predicate(state):
                    return state
            time.sleep(0.05)
        raise AssertionError(f"no matching event; got {self.states}")

    def close(self) -> None:
        self._connection.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def running(sample_project: Path, tmp_path: Path) -> Iterator[Running]:
    project = tmp_path / "story"
    shutil.copytree(sample_project, project, ignore=shutil.ignore_patterns("site"))
    (project / "sitegen.yaml").write_text(
        "base_url: https://example.org/story/\n", encoding="utf-8"
    )
    stop = threading.Event()
    started: list[PreviewServer] = []
    ready = threading.Event()

    def on_ready(server: PreviewServer) -> None:
        started.append(server)
        ready.set()

    thread = threading.Thread(
        target=serve,
        daemon=True,
        args=(project, ServeOptions(port=free_port()), Reporter(quiet=True), on_ready, stop),
    )
    thread.start()
    assert ready.wait(120), "the server did not start"
    yield Running(project, started[0], stop)
    stop.set()
    thread.join(timeout=30)


def save_by_rename(path: Path, text: str) -> None:
    """Save the way vim and JetBrains do: write a temp file, rename it over the original."""
    temp = path.with_name(path.name + ".tmp-save")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def test_serves_the_site_under_its_base_path(running: Running) -> None:
    status, headers, body = running.request("/story/")
    assert status == 200 and b"<html" in body
    assert b"/__sitegen/livereload.js" in body, "live reload is injected while serving"
    assert b"livereload" not in (running.project / "site" / "index.html").read_bytes()
    status, headers, _ = running.request("/")
    assert status == 302 and headers["Location"] == "/story/"
    status, headers, _ = running.request("/story/claims")
    assert status == 302 and headers["Location"] == "/story/claims/"
    status, headers, body = running.request("/story/claims/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
    assert running.request("/other/")[0] == 404


@pytest.mark.parametrize(
    "path",
    [
        "/story/../../../../etc/passwd",
        "/story/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/story/..%2f..%2f..%2fetc%2fpasswd",
        "/story/%00",
        "/story/" + "a/" * 3000,
        "/story/outside/secret.txt",
    ],
)
def test_nothing_outside_site_is_served(running: Running, path: str) -> None:
    secret = running.project / "secret.txt"
    secret.write_text("do not serve", encoding="utf-8")
    (running.project / "site" / "outside").symlink_to(running.project, target_is_directory=True)
    status, _, body = running.request(path)
    assert status in (404, 414)
    assert b"do not serve" not in body and b"root:" not in body


def test_edit_reloads_and_a_broken_save_shows_its_error(running: Running) -> None:
    events = Events(running.port)
    first = events.wait_for(lambda s: True)
    assert first["error"] is None
    claim = sorted((running.project / "content" / "claims").glob("*.yaml"))[0]
    original = claim.read_text(encoding="utf-8")

    record = yaml.safe_load(original)
    record["statement"] = "Checked - " + record["statement"]
    save_by_rename(claim, update_text(original, record))
    reloaded = events.wait_for(lambda s: s["version"] > first["version"] and not s["error"])
    page = running.project / "site" / "claims" / claim.stem / "index.html"
    assert "Checked -" in page.read_text(encoding="utf-8")

    claim.write_text(original.replace("statement: ", "statement: [unclosed ", 1), encoding="utf-8")
    failed = events.wait_for(lambda s: s["error"] is not None)
    assert f"content/claims/{claim.name}:" in failed["error"]
    assert failed["version"] == reloaded["version"], "no reload after a failed build"
    assert running.request(f"/story/claims/{claim.stem}/")[0] == 200, "last good site served"

    save_by_rename(claim, original)
    events.wait_for(lambda s: s["version"] > reloaded["version"] and s["error"] is None)
    events.close()


def test_deleted_claim_removes_its_page(running: Running) -> None:
    events = Events(running.port)
    first = events.wait_for(lambda s: True)
    claim = sorted((running.project / "content" / "claims").glob("*.yaml"))[-1]
    claim.unlink()
    events.wait_for(lambda s: s["version"] > first["version"])
    assert not (running.project / "site" / "claims" / claim.stem).exists()
    events.close()


def test_a_taken_port_is_a_clear_error(running: Running) -> None:
    with pytest.raises(ConfigError, match="choose another with --port"):
        PreviewServer("127.0.0.1", running.port, running.project / "site", "/", running.server.live)


@pytest.mark.slow
def test_ctrl_c_stops_cleanly(sample_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "story"
    shutil.copytree(sample_project, project, ignore=shutil.ignore_patterns("site"))
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "serve", "--project", str(project), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode in (0, 130), stderr
    assert "Traceback" not in stderr


def test_200_concurrent_requests_all_answered_and_none_escape(running: Running) -> None:
    from concurrent.futures import ThreadPoolExecutor

    pages = [
        f"/story/{p.relative_to(running.project / 'site').as_posix()}"
        for p in sorted((running.project / "site").rglob("*.html"))
    ][:40]
    attacks = ["/story/../sitegen.yaml", "/story/%2e%2e/sitegen.yaml", "/story/..%2fseeds/"]
    paths = [(pages + attacks)[i % (len(pages) + len(attacks))] for i in range(400)]
    outside = (running.project / "sitegen.yaml").read_bytes()

    def fetch(path: str) -> tuple[str, int, bytes]:
        status, _, body = running.request(path)
        return path, status, body

    with ThreadPoolExecutor(max_workers=200) as pool:
        results = list(pool.map(fetch, paths, timeout=120))
    assert len(results) == 400
    for path, status, body in results:
        if path in attacks:
            assert status == 404 and outside not in body
        else:
            assert status == 200, path


def test_an_edit_rerenders_the_pages_that_show_it_and_only_those(running: Running) -> None:
    events = Events(running.port)
    first = events.wait_for(lambda s: True)
    site = running.project / "site"
    person = sorted((running.project / "content" / "people").glob("*.yaml"))[0]
    original = person.read_text(encoding="utf-8")
    record = yaml.safe_load(original)
    claims = [
        p
        for p in (running.project / "content" / "claims").glob("*.yaml")
        if record["id"] in yaml.safe_load(p.read_text(encoding="utf-8"))["people"]
    ]
    assert claims
    unrelated = [
        p
        for p in sorted((site / "claims").glob("*/index.html"))
        if p.parent.name not in {c.stem for c in claims}
    ]
    stamps = {p: p.stat().st_mtime_ns for p in unrelated}
    record["name"] = "Renamed Person"
    save_by_rename(person, update_text(original, record))
    events.wait_for(lambda s: s["version"] > first["version"] and s["error"] is None)
    for claim in claims:
        page = site / "claims" / claim.stem / "index.html"
        assert "Renamed Person" in page.read_text(encoding="utf-8")
    assert "Renamed Person" in (site / "people" / person.stem / "index.html").read_text(
        encoding="utf-8"
    )
    assert {p: p.stat().st_mtime_ns for p in unrelated} == stamps, "unrelated pages untouched"
    events.close()


def test_a_cli_render_while_serving_leaves_the_site_whole(running: Running) -> None:
    """The dev server and a CLI run take turns (the project lock): neither deletes the
    other's work, and the server keeps answering."""
    events = Events(running.port)
    first = events.wait_for(lambda s: True)
    claim = sorted((running.project / "content" / "claims").glob("*.yaml"))[0]
    original = claim.read_text(encoding="utf-8")
    record = yaml.safe_load(original)
    record["statement"] = "Served - " + record["statement"]
    cli = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "render", "--project", str(running.project), "-q"],
        stderr=subprocess.PIPE,
        text=True,
    )
    save_by_rename(claim, update_text(original, record))
    _, err = cli.communicate(timeout=120)
    assert cli.returncode == 0, err
    events.wait_for(lambda s: s["version"] > first["version"] and s["error"] is None)
    assert running.request("/story/")[0] == 200
    assert (running.project / "site" / "index.html").is_file()
    page = running.project / "site" / "claims" / claim.stem / "index.html"
    assert "Served -" in page.read_text(encoding="utf-8")
    events.close()
