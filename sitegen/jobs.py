"""How many processes `--jobs N` (the `jobs` setting) means, for extraction and render."""

from __future__ import annotations

import os


def job_count(jobs: int) -> int:
    """`jobs`, with 0 meaning one per CPU this process may use."""
    if jobs > 0:
        return jobs
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
