"""`sitegen build` with nothing changed, against a cold build, in one run.

Issue 7's target: a build with nothing changed takes at most 10% of a cold build. Both
are the real command in a fresh interpreter, timed from outside (wall clock, the
interpreter's start and imports included), on a copy of the sample story:

- cold: a project holding only seeds/ (no content/, no cache, no site/), built once;
- no change: `sitegen build` again, `--runs` times (median), with nothing touched.

After the no-change runs it makes a hand edit to a claim and builds again, to show
the edit is picked up (the content phase runs, the site is rendered).

    .venv/bin/python -m benchmarks.nochange [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from sitegen.factbase.yamledit import update_text

REPO = Path(__file__).resolve().parent.parent
TARGET = 0.10


def build(project: Path) -> tuple[float, str]:
    """Wall seconds of `sitegen build`, and what it reported."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "sitegen", "build", "--project", str(project)],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - started, done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "story"
        shutil.copytree(REPO / "seeds", project / "seeds")
        cold, _ = build(project)
        unchanged = [build(project) for _ in range(args.runs)]
        times = [seconds for seconds, _ in unchanged]
        median = statistics.median(times)
        ratio = median / cold
        print(f"cold build       {cold:6.2f} s")
        print(f"no-change build  {median:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})")
        verdict = "meets" if ratio <= TARGET else "misses"
        print(f"ratio {ratio:.1%} of cold  (target <= {TARGET:.0%}: {verdict})")
        claim = sorted((project / "content" / "claims").glob("*.yaml"))[0]
        text = claim.read_text(encoding="utf-8")
        record = yaml.safe_load(text)
        record["statement"] = f"Checked. {record['statement']}"
        claim.write_text(update_text(text, record), encoding="utf-8")
        seconds, report = build(project)
        page = project / "site" / "claims" / claim.stem / "index.html"
        seen = "Checked." in page.read_text(encoding="utf-8")
        print(f"after a hand edit {seconds:5.2f} s; edit on its page: {'yes' if seen else 'NO'}")
        print(
            "  "
            + "\n  ".join(
                line for line in report.splitlines() if line.startswith(("content:", "site:"))
            )
        )


if __name__ == "__main__":
    main()
