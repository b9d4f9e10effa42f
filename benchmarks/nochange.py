"""`sitegen build` with nothing changed, against a cold build, in one run.

Issue 7's target: a build with nothing changed takes at most 10% of a cold build
(issue 21's: 5%). Both are the real command in a fresh interpreter, timed from outside
(wall clock, the interpreter's start and imports included), on a copy of the sample
story:

- cold: a project holding only seeds/ (no content/, no cache, no site/), built once;
- no change: `sitegen build` again, `--runs` times (median), with nothing touched;

both once per round (`--rounds`, each in a fresh copy), the ratio the median of the
rounds' ratios: a cold build and its no-change builds run close in time, under the same
load.

After the no-change runs it makes a hand edit to a claim and builds again, to show
the edit is picked up (the content phase runs, the site is rendered).

    .venv/bin/python -m benchmarks.nochange [--runs 5] [--rounds 3]
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
TARGETS = {"issue 7": 0.10, "issue 21": 0.05}


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
    parser.add_argument("--runs", type=int, default=5, help="no-change builds per round")
    parser.add_argument("--rounds", type=int, default=1, help="cold build, then the runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        ratios, colds, medians = [], [], []
        for number in range(args.rounds):  # each round's ratio from builds close in time
            project = Path(folder) / f"story-{number}"
            shutil.copytree(REPO / "seeds", project / "seeds")
            cold, _ = build(project)
            times = [build(project)[0] for _ in range(args.runs)]
            median = statistics.median(times)
            colds.append(cold)
            medians.append(median)
            ratios.append(median / cold)
            print(
                f"round {number + 1}: cold {cold:5.2f} s, no change {median:5.2f} s "
                f"(runs: {', '.join(f'{t:.2f}' for t in times)}): {median / cold:.1%}"
            )
        ratio = statistics.median(ratios)
        print(f"cold build       {statistics.median(colds):6.2f} s")
        print(f"no-change build  {statistics.median(medians):6.2f} s")
        verdicts = ", ".join(
            f"{name} <= {target:.0%}: {'meets' if ratio <= target else 'misses'}"
            for name, target in TARGETS.items()
        )
        print(f"ratio {ratio:.1%} of cold (median of the rounds' ratios; {verdicts})")
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
