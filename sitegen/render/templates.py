"""The Jinja2 environment: the project's templates over the built-in theme.

A project overrides the theme file by file: its `templates/person.html` wins over
the theme's, and its `templates/static/style.css` over the theme's stylesheet.
Whatever goes wrong inside a template surfaces as a `TemplateError` naming the
template file and line, never as a Python traceback.
"""

from __future__ import annotations

import marshal
import os
import re
import select
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import jinja2
import jinja2.bccache
import jinja2.runtime

from sitegen.config import Config
from sitegen.errors import Location, TemplateError
from sitegen.render.links import is_web_url
from sitegen.render.markdown import inline_markdown, markdown, plain_text
from sitegen.render.story import long_date
from sitegen.render.structured import json_script
from sitegen.theme import theme_dir

STATUS_LABELS = {
    "corroborated": "Corroborated",
    "single-source": "Single source",
    "disputed": "Disputed",
}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


# Outputs parsed as XML: one character XML 1.0 forbids (a form feed from a PDF-to-text
# tool) makes a feed reader reject the whole file.
XML_SUFFIXES = (".xml", ".svg")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (each becomes a space)."""
    return _NOT_XML.sub(" ", text)


def format_number(value: float) -> str:
    """60000.0 -> "60,000"; 2.5 -> "2.5"."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


# seconds to wait for the templates compiled in a child (the built-in theme: ~0.2 s)
APART_WAIT = 60

# a template another one names in a tag (`{% extends "base.html" %}`, include, import)
_NAMED = re.compile(r"""\{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")


class Later:
    """A page's variable worked out the first time a template looks it up: the built-in
    claim page shows each outlet's wording against the first report, which a minimal
    theme does not, and should not pay for on every claim page."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make: Callable[[], Any] | None = make
        self._value: Any = None

    def value(self) -> Any:
        if self._make is not None:
            self._value, self._make = self._make(), None
        return self._value


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates kept in memory, by Jinja's key of a template (its name and
    file): filled by the process that compiled them, read by this one. Jinja loads a
    template's code only if the template's source has the checksum it was compiled
    from. Nothing is read from disk: code in `.sitegen-cache/` would run whatever a
    pull request put there."""

    def __init__(self, code: dict[str, bytes] | None = None) -> None:
        self.code = {} if code is None else code

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (data := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class _Context(jinja2.runtime.Context):
    """Jinja's context, with the `Later` variables worked out when looked up (Jinja's
    documented way to change how names are looked up)."""

    def resolve_or_missing(self, key: str) -> Any:
        value = super().resolve_or_missing(key)
        return value.value() if type(value) is Later else value


@dataclass
class Templates:
    dirs: list[Path]  # searched first to last
    env: jinja2.Environment
    # a child compiling templates meanwhile (`compile_apart`): its id, our end of its pipe
    _apart: tuple[int, int] | None = field(default=None, repr=False)

    @classmethod
    def for_project(cls, config: Config) -> Templates:
        dirs = [theme_dir().resolve()]
        if config.templates.is_dir() and config.templates.resolve() != dirs[0]:
            dirs.insert(0, config.templates.resolve())
        env = jinja2.Environment(
            loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(d) for d in dirs]),
            # Escape HTML and XML; robots.txt is plain text, where &amp; would be wrong.
            autoescape=jinja2.select_autoescape(
                disabled_extensions=("txt",), default_for_string=True, default=True
            ),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        env.filters.update(
            markdown=markdown,
            inline_markdown=inline_markdown,
            plain=plain_text,
            number=format_number,
            json_script=json_script,
            status_label=status_label,
            long_date=long_date,
        )
        env.tests["web_url"] = is_web_url
        env.context_class = _Context
        return cls(dirs, env)

    @property
    def static_dirs(self) -> list[Path]:
        """Folders of static assets, lowest priority first (later files win)."""
        return [d / "static" for d in reversed(self.dirs) if (d / "static").is_dir()]

    def compile_ahead(self, names: Iterable[str]) -> None:
        """Compile the templates `names` and those they extend, include or import (when
        named as text) now, before render processes fork: each would compile its own
        copy. A theme's templates no page uses are left alone (a minimal theme leaves the
        built-in `macros.html` unused: 29 ms). A broken one is left for the page that
        uses it to report. What `compile_apart` compiled meanwhile is taken, not
        compiled again."""
        self._take_apart()
        waiting, seen = list(names), set()
        while waiting:
            name = waiting.pop()
            if name in seen:
                continue
            seen.add(name)
            with suppress(jinja2.TemplateError):
                self.env.get_template(name)
                source = cast(jinja2.BaseLoader, self.env.loader).get_source(self.env, name)[0]
                waiting.extend(_NAMED.findall(source))

    def compile_apart(self, names: Iterable[str]) -> None:
        """Start compiling what `compile_ahead(names)` would, in a child process, on
        another core while this one reads content/ and builds the views; the next
        `compile_ahead` takes its code (the built-in theme costs ~0.15-0.25 s of CPU to
        compile, as much as the views of 2,000 claims). Where processes cannot fork,
        nothing happens and `compile_ahead` compiles here."""
        if self._apart is not None or not hasattr(os, "fork"):
            return
        names = tuple(names)
        read, write = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover (the child leaves by os._exit)
            status = 1
            try:
                os.close(read)
                compiled = _Compiled()
                self.env.bytecode_cache = compiled
                self.compile_ahead(names)
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(marshal.dumps(compiled.code))
                status = 0
            finally:
                os._exit(status)  # nothing of this process's exit runs twice
        os.close(write)
        self._apart = (child, read)

    def _take_apart(self) -> None:
        """The code the child of `compile_apart` compiled, as this environment's
        bytecode cache (nothing when the child failed: the templates compile here)."""
        if self._apart is None:
            return
        child, read = self._apart
        self._apart = None
        with os.fdopen(read, "rb") as pipe:
            # the child writes its code at once, then ends; one stuck (a lock some
            # thread held when it forked) is given up on
            ready, _, _ = select.select([pipe], [], [], APART_WAIT)
            data = pipe.read() if ready else b""
        if not ready:
            os.kill(child, signal.SIGKILL)
        _, status = os.waitpid(child, 0)
        if status != 0:
            return
        code = marshal.loads(data)
        if isinstance(code, dict):
            self.env.bytecode_cache = _Compiled(code)

    def close(self) -> None:
        """Stop waiting for a child of `compile_apart` whose code is not needed."""
        if self._apart is not None:
            child, read = self._apart
            self._apart = None
            os.close(read)  # a child still writing stops on the broken pipe
            os.waitpid(child, 0)

    def render(self, name: str, context: dict[str, Any]) -> str:
        with self._errors(name):
            text = self.env.get_template(name).render(context)
        return xml_safe(text) if name.endswith(XML_SUFFIXES) else text

    def stream(self, name: str, context: dict[str, Any]) -> Iterator[str]:
        """The file in pieces, to be written as they come: the sitemap of a
        10,000-article story (220,000 pages) is never one string in memory."""
        with self._errors(name):
            pieces = self.env.get_template(name).generate(context)
            yield from map(xml_safe, pieces) if name.endswith(XML_SUFFIXES) else pieces

    @contextmanager
    def _errors(self, name: str) -> Iterator[None]:
        """Template errors as TemplateError, naming the template file and line."""
        try:
            yield
        except jinja2.TemplateSyntaxError as exc:
            path = exc.filename or exc.name or name
            raise TemplateError(exc.message or "syntax error", Location(path, exc.lineno)) from None
        except jinja2.TemplateNotFound as exc:
            where = self._location(exc)
            searched = ", ".join(str(d) for d in self.dirs)
            raise TemplateError(
                f"template '{exc.name}' not found (searched {searched})", where
            ) from None
        except jinja2.TemplateError as exc:
            raise TemplateError(
                f"{exc.message or type(exc).__name__} (while rendering {name})", self._location(exc)
            ) from None
        except Exception as exc:
            # Template code gone wrong, such as `{{ 1 + "a" }}` or `url(42)`: point at the
            # template line. An error with no template in its traceback is ours: re-raise.
            where = self._location(exc)
            if where is None:
                raise
            raise TemplateError(
                f"{type(exc).__name__}: {exc} (while rendering {name})", where
            ) from None

    def _location(self, exc: BaseException) -> Location | None:
        """The innermost template line in the traceback: where the error happened."""
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if any(Path(frame.filename).is_relative_to(d) for d in self.dirs):
                return Location(frame.filename, frame.lineno)
        return None
