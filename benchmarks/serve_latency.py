"""Save -> reload latency of `sitegen serve`, measured on the real server.

Starts the server on a copy of a project, saves a file the way editors do (write a temp
file, rename it over the original), and times until the server-sent `state` event that
tells browsers to reload. Three cases, with the issue's targets beside them:

- a YAML edit on the sample site (target 100 ms),
- a YAML edit on a generated site of about 1,000 claims (target 300 ms),
- an article edit on the sample (target 2 s).

    .venv/bin/python -m benchmarks.serve_latency [--runs 5] [--big DIR]

The ~1,000-claim project is made here: 70 articles from `benchmarks.generate` (the
real corpora, replicated into made-up stories), built once with the real pipeline
(about 25 s, most of it spaCy); `--big DIR` reuses such a project instead. The baseline
printed beside each figure is a `sitegen build` after the same kind of save, in the
same run: what a watcher that rebuilds everything would cost.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

from sitegen.factbase.yamledit import update_text

REPO = Path(__file__).resolve().parent.parent
TARGETS = {"sample YAML edit": 0.100, "1,000-claim YAML edit": 0.300, "sample article edit": 2.0}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`sitegen serve` in a subprocess, with an SSE listener recording state events."""

    def __init__(self, project: Path) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sitegen",
                "serve",
                "-q",
                "--project",
                str(project),
                "--port",
                str(self.port),
            ],
            cwd=REPO,
            stderr=subprocess.DEVNULL,
        )
        self.events: list[tuple[float, dict]] = []
        self._wait_until_up()
        self._thread = threading.Thread(target=self._listen, daemon=True)
        self._thread.start()
        self.wait_for(lambda state: True, 60)

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("the server did not start")

    def _listen(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        connection.request("GET", "/__sitegen/events")
        for raw in connection.getresponse():
            line = raw.decode().strip()
            if line.startswith("data: "):
                self.events.append((time.perf_counter(), json.loads(line[6:])))

    def wait_for(self, predicate, timeout: float) -> tuple[float, dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for stamp, state in list(self.events):
                if predicate(state):
                    return stamp, state
            time.sleep(0.002)
        raise SystemExit("no reload event came")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def save_by_rename(path: Path, text: str) -> float:
    temp = path.with_name(f".{path.name}.bench")
    temp.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    os.replace(temp, path)
    return started


def time_edits(project: Path, target: Path, edit, runs: int) -> list[float]:
    server = Server(project)
    try:
        latencies = []
        for run in range(runs):
            version = server.events[-1][1]["version"]
            original = target.read_text(encoding="utf-8")
            started = save_by_rename(target, edit(original, run))
            stamp, state = server.wait_for(lambda s, v=version: s["version"] > v, 120)
            assert state["error"] is None, state["error"]
            latencies.append(stamp - started)
        return latencies
    finally:
        server.stop()


def build_after_save(project: Path, target: Path, edit) -> float:
    """Seconds of `sitegen build` after saving `edit` to `target` (then undone)."""
    original = target.read_text(encoding="utf-8")
    save_by_rename(target, edit(original, 99))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sitegen", "build", "-q", "--project", str(project)],
        cwd=REPO,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    save_by_rename(target, original)
    return seconds


def yaml_edit(text: str, run: int) -> str:
    """A person correcting the statement (a valid YAML edit, whatever the quoting)."""
    record = yaml.safe_load(text)
    record["statement"] = f"(checked {run}) {record['statement']}"
    return update_text(text, record)


def article_edit(text: str, run: int) -> str:
    return text + f"\n\nThe council met {run + 2} times on Tuesday, its clerk said.\n"


def report(name: str, latencies: list[float], baseline: float) -> None:
    median = statistics.median(latencies)
    target = TARGETS[name]
    verdict = "meets" if median <= target else "misses"
    print(
        f"{name:24} median {median * 1000:7.0f} ms  (runs: "
        f"{', '.join(f'{x * 1000:.0f}' for x in latencies)})  target {target * 1000:.0f} ms "
        f"{verdict}; build after the save {baseline:.2f} s"
    )


def project_copy(source: Path, into: Path) -> Path:
    shutil.copytree(source, into, ignore=shutil.ignore_patterns("site", ".sitegen-cache"))
    subprocess.run(
        [sys.executable, "-m", "sitegen", "build", "-q", "--project", str(into)],
        cwd=REPO,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big", type=Path, help="a generated project of ~1,000 claims")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sample = work / "sample"
        (sample / "seeds").mkdir(parents=True)
        for seed in sorted((REPO / "seeds").iterdir()):
            shutil.copy(seed, sample / "seeds" / seed.name)
        project_copy(sample, work / "sample-built")
        sample = work / "sample-built"
        claim = sorted((sample / "content" / "claims").glob("*.yaml"))[0]
        report(
            "sample YAML edit",
            time_edits(sample, claim, yaml_edit, args.runs),
            build_after_save(sample, claim, yaml_edit),
        )
        article = sorted((sample / "seeds").glob("*"))[0]
        report(
            "sample article edit",
            time_edits(sample, article, article_edit, args.runs),
            build_after_save(sample, article, article_edit),
        )
        if args.big is None:
            big = work / "big"
            subprocess.run(
                [sys.executable, "-m", "benchmarks.generate", str(big), "70"],
                cwd=REPO,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        else:
            big = args.big
        big = project_copy(big, work / "big-built")
        claims = sorted((big / "content" / "claims").glob("*.yaml"))
        print(f"generated site: {len(claims)} claims")
        report(
            "1,000-claim YAML edit",
            time_edits(big, claims[0], yaml_edit, args.runs),
            build_after_save(big, claims[0], yaml_edit),
        )


if __name__ == "__main__":
    main()
