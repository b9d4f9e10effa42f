"""The single channel for progress, warnings and errors, so the CLI and the dev server
can decide how they are shown (terminal, plain CI lines, browser overlay)."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

from sitegen.errors import Location


@dataclass
class Message:
    level: str  # "error" | "warning" | "info"
    text: str
    location: Location | None = None

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        tag = "" if self.level == "info" else f"{self.level}: "
        return f"{prefix}{tag}{self.text}"


@dataclass
class Reporter:
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    quiet: bool = False
    messages: list[Message] = field(default_factory=list)
    progress_interval: float = 5.0  # seconds between plain progress lines (not a terminal)
    _bar: Progress | None = field(default=None, init=False, repr=False)

    def info(self, text: str) -> None:
        self._emit(Message("info", text))

    def warning(self, text: str, location: Location | None = None) -> None:
        self._emit(Message("warning", text, location))

    def error(self, text: str, location: Location | None = None) -> None:
        self._emit(Message("error", text, location))

    def progress(self, label: str, total: int, unit: str) -> Progress:
        """A counter for a long loop: redrawn in place on a terminal, a plain line every
        5% (and `progress_interval` seconds) elsewhere, so CI logs stay short; nothing
        when quiet. Use as a context manager."""
        return Progress(self, label, total, unit, live=not self.quiet and _is_terminal(self.stream))

    @property
    def errors(self) -> list[Message]:
        return [m for m in self.messages if m.level == "error"]

    @property
    def warnings(self) -> list[Message]:
        return [m for m in self.messages if m.level == "warning"]

    def _emit(self, message: Message) -> None:
        self.messages.append(message)
        if self.quiet and message.level == "info":
            return
        if self._bar is not None:
            self._bar.clear()  # a warning during a long loop goes above the bar
        print(message, file=self.stream, flush=True)

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


PLAIN_STEPS = 20  # plain progress lines at most every 1/20 (5%) of the total
REDRAW_SECONDS = 0.1  # a terminal line is redrawn at most this often
BAR_WIDTH = 24


@dataclass
class Progress:
    """How far a loop over `total` items has come, and how long the rest should take.
    Every form ends with one plain line giving the count and the rate."""

    reporter: Reporter
    label: str
    total: int
    unit: str
    live: bool  # redraw one line in place (a terminal) rather than print plain lines
    done: int = 0
    started: float = field(default_factory=time.perf_counter)
    _shown: float = field(default=0.0, init=False)  # when a line was last drawn or printed
    _step: int = field(default=0, init=False)  # the last of PLAIN_STEPS printed

    def __post_init__(self) -> None:
        self._shown = self.started

    def __enter__(self) -> Progress:
        if self.live:
            self.reporter._bar = self
            self._draw()
        return self

    def __exit__(self, error: type[BaseException] | None, *_: object) -> None:
        if not self.live:
            return
        self.reporter._bar = None
        self.clear()
        if error is None and self.done:
            self.reporter._write(f"{self.line()}\n")

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.reporter.quiet or not self.total:
            return
        now = time.perf_counter()
        if self.live:
            if now - self._shown >= REDRAW_SECONDS:
                self._draw()
            return
        step = self.done * PLAIN_STEPS // self.total
        finished = self.done >= self.total
        if step > self._step and (finished or now - self._shown >= self.reporter.progress_interval):
            self._step, self._shown = step, now
            self.reporter._write(f"{self.line()}\n")

    def line(self) -> str:
        """`extracting: 340/1000 articles (34%), 5.2 articles/s, 2m 07s left`."""
        text = (
            f"{self.label}: {self.done}/{self.total} {self.unit} "
            f"({100 * self.done // max(self.total, 1)}%)"
        )
        elapsed = time.perf_counter() - self.started
        if self.done and elapsed > 0:
            rate = self.done / elapsed
            text += f", {rate:.1f} {self.unit}/s"
            if self.done < self.total:
                text += f", {_duration((self.total - self.done) / rate)} left"
        return text

    def clear(self) -> None:
        self.reporter._write("\r\x1b[K")

    def _draw(self) -> None:
        self._shown = time.perf_counter()
        filled = BAR_WIDTH * min(self.done, self.total) // max(self.total, 1)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.reporter._write(f"\r\x1b[K[{bar}] {self.line()}")


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}m {seconds:02d}s" if minutes else f"{seconds}s"
