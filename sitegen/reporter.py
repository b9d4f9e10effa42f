"""The single channel for progress, warnings and errors, so the CLI and the dev server
can decide how they are shown (terminal, plain CI lines, browser overlay)."""

from __future__ import annotations

import sys
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

    def info(self, text: str) -> None:
        self._emit(Message("info", text))

    def warning(self, text: str, location: Location | None = None) -> None:
        self._emit(Message("warning", text, location))

    def error(self, text: str, location: Location | None = None) -> None:
        self._emit(Message("error", text, location))

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
        print(message, file=self.stream, flush=True)
