"""One exception hierarchy; each class carries the exit code the CLI returns for it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """A place in a file, 1-based, for messages of the form `path:line:col: problem`."""

    path: Path | str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = str(self.path)
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


class SitegenError(Exception):
    """Base class: an error the user can act on. Never shown with a traceback."""

    exit_code = 1

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class ConfigError(SitegenError):
    """sitegen.yaml or a command-line option is wrong."""

    exit_code = 2


class InputError(SitegenError):
    """A file the build reads (an article, a YAML file) cannot be used."""

    exit_code = 3


class ContentError(SitegenError):
    """The fact base breaks the data-format contract."""

    exit_code = 1


class TemplateError(SitegenError):
    """A Jinja2 template failed to load or render."""

    exit_code = 4


class ModelError(SitegenError):
    """The spaCy model is missing or cannot be loaded."""

    exit_code = 5


class WriteError(SitegenError):
    """A file could not be written: a full disk, a read-only folder."""

    exit_code = 7

    @classmethod
    def from_os_error(cls, exc: OSError) -> WriteError:
        where = Location(exc.filename) if exc.filename else None
        return cls(f"cannot write: {exc.strerror or exc}; nothing half-written was left", where)


class BusyError(SitegenError):
    """Another sitegen run holds the project's lock."""

    exit_code = 6
