"""Safe YAML reading with a source location for every value, and deterministic writing.

Reading composes the node tree with libyaml and converts it by hand, so that no tag can
construct an object, aliases (and with them "billion laughs" bombs) are refused,
duplicate keys are errors, dates stay strings, and every key keeps its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitegen.collector import shared
from sitegen.errors import InputError, Location
from sitegen.paths import read_regular

if TYPE_CHECKING:
    import yaml

MAX_NODES = 200_000
MAX_DEPTH = 64

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class _PyYaml:
    """PyYAML, imported when a file is first read or written, not with this module: a
    build with nothing to do reads no YAML, and the import is a tenth of its time."""

    loader: Any  # the C loader and dumper are ~9x faster; pure Python where libyaml is missing
    dumper: Any
    scalars: yaml.constructor.SafeConstructor


@cache
def _pyyaml() -> _PyYaml:
    import yaml

    return _PyYaml(
        getattr(yaml, "CSafeLoader", yaml.SafeLoader),
        getattr(yaml, "CSafeDumper", yaml.SafeDumper),
        yaml.constructor.SafeConstructor(),
    )


@dataclass
class YamlDocument:
    """A parsed file: plain Python data, and where each value came from.

    The locations are worked out again when a problem first asks for one: kept for
    every node of a 150,000-file content/ they took over half a gigabyte."""

    path: Path
    data: Any
    text: str | None = field(default=None, repr=False)  # None: read `path` again
    first_line: int = 1  # the line of `path` the YAML starts on (after front matter)

    @cached_property
    def locations(self) -> dict[Path_, Location]:
        import yaml

        try:
            text = self.text if self.text is not None else _decoded(self.path)
            node = yaml.compose(text, Loader=_pyyaml().loader)
            converter = _Converter(self.path, self.first_line, record=True)
            if node is not None:
                converter.convert(node)
            return converter.locations
        except (InputError, yaml.YAMLError):  # changed since it was read: no lines
            return {}

    def where(self, *keys: str | int) -> Location:
        """Location of the value at `keys`, or of its nearest located parent."""
        path: Path_ = tuple(keys)
        locations = self.locations
        while path:
            if path in locations:
                return locations[path]
            path = path[:-1]
        return locations.get((), Location(self.path, self.first_line, 1))


class _Converter:
    def __init__(self, path: Path, first_line: int = 1, record: bool = False) -> None:
        self.path = path
        self.first_line = first_line
        self.locations: dict[Path_, Location] = {}
        self.record = record
        self.seen: set[int] = set()
        import yaml

        self.nodes = (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode)
        self.scalars = _pyyaml().scalars

    def location(self, node: yaml.Node) -> Location:
        return Location(
            self.path, node.start_mark.line + self.first_line, node.start_mark.column + 1
        )

    def fail(self, node: yaml.Node, message: str) -> InputError:
        return InputError(message, self.location(node))

    def convert(self, node: yaml.Node, path: Path_ = ()) -> Any:
        self.count(node, path)
        if self.record:
            self.locations.setdefault(path, self.location(node))
        scalar, sequence, mapping = self.nodes
        if isinstance(node, scalar):
            return self.scalar(node)
        if isinstance(node, sequence):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, f"unsupported YAML tag {node.tag}")
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, mapping):
            return self.mapping(node, path)
        raise self.fail(node, "unsupported YAML node")  # pragma: no cover

    def count(self, node: yaml.Node, path: Path_) -> None:
        """Each node read once (no aliases), and no more of them, nor deeper, than allowed."""
        if id(node) in self.seen:
            raise self.fail(node, "YAML aliases (*name) are not allowed in sitegen files")
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise self.fail(node, f"file has more than {MAX_NODES} YAML nodes")
        if len(path) > MAX_DEPTH:
            raise self.fail(node, f"nesting deeper than {MAX_DEPTH} levels")

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            raise self.fail(node, f"unsupported YAML tag {node.tag}")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.convert(key_node, (*path, "<key>"))
            if isinstance(key, (dict, list)) or key is None:
                raise self.fail(key_node, "mapping keys must be plain scalars")
            key = shared(str(key))
            if key in result:
                raise self.fail(key_node, f"duplicate key '{key}'")
            if self.record:
                self.locations[(*path, key)] = self.location(key_node)
            result[key] = self.convert(value_node, (*path, key))
        if self.record:
            self.locations.pop((*path, "<key>"), None)
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(node, f"unsupported YAML tag {node.tag}")
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            return shared(node.value)  # dates stay the strings the person wrote
        try:  # the tag's own constructor: `construct_object` would keep every node
            return self.scalars.yaml_constructors[node.tag](self.scalars, node)
        except (ValueError, OverflowError) as exc:  # a 5,000-digit integer, say
            raise self.fail(node, f"unreadable value: {exc}") from None


def parse_yaml(text: str, path: Path, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; raise InputError with file:line:col on any problem.
    `first_line`: where `text` starts in `path` (front matter after its `---`)."""
    return _parsed(text, path, first_line, keep_text=True)


def _parsed(text: str, path: Path, first_line: int, keep_text: bool) -> YamlDocument:
    import yaml

    try:
        node = yaml.compose(text, Loader=_pyyaml().loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(path, mark.line + first_line, mark.column + 1) if mark else Location(path)
        raise InputError(f"YAML syntax error: {exc.problem or exc.context}", where) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML error: {exc}", Location(path)) from None
    kept = text if keep_text else None
    if node is None:
        return YamlDocument(path, None, kept, first_line)
    try:
        data = _Converter(path, first_line).convert(node)
    except InputError as exc:
        raise _at_first_alias(exc, text, path, first_line) from None
    return YamlDocument(path, data, kept, first_line)


def _at_first_alias(error: InputError, text: str, path: Path, first_line: int) -> InputError:
    """Point an alias error at the first `*alias`, not at its anchor."""
    if "aliases" not in error.message:
        return error
    import yaml

    for event in yaml.parse(text, Loader=_pyyaml().loader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            mark = event.start_mark
            return InputError(
                error.message, Location(path, mark.line + first_line, mark.column + 1)
            )
    return error


def _decoded(path: Path) -> str:
    raw = read_regular(path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("file is not valid UTF-8", Location(path, line)) from None


def read_yaml(path: Path) -> YamlDocument:
    """A file's document; its text is not kept (a problem's location reads it again)."""
    return _parsed(_decoded(path), path, 1, keep_text=False)


def dump_yaml(data: Any) -> str:
    """Block-style YAML in the given key order, Unicode kept, long lines unwrapped."""
    import yaml

    return yaml.dump(
        data,
        Dumper=_pyyaml().dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100_000,
    )
