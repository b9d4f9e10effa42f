"""The story's origins as a picture: which sources copy, share or credit which.

Drawn at build time as inline SVG (no script): origins outside the folder on the
left, then the sources that stand on their own, then their copies, each copy one
column right of what it copies; arrows point from a source to where its text comes
from. The same relations are listed in words beside the picture, with links.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sitegen.origins import outlet_key, same_outlet
from sitegen.render.provenance import is_outlet_label
from sitegen.render.views import SourceView

NODE_WIDTH = 190
NODE_HEIGHT = 46
COLUMN_GAP = 56  # three columns fit the page's measure
ROW_GAP = 14
MARGIN = 8
HALF_ROW = (NODE_HEIGHT + ROW_GAP) // 2
LABEL_CHARACTERS = 25
MAX_SOURCES = 40  # sources drawn; a larger story draws those with relations first
MAX_COLUMNS = 4  # deeper chains of copies stay in the last column
CREDITS_DRAWN = 3  # outlets credited in passages, per source


@dataclass
class Node:
    key: str
    label: str  # cut to fit
    full: str
    kind: str  # "external" or a source kind
    column: int
    row: int = 0
    alone: bool = False  # a source with no arrow to or from it

    width = NODE_WIDTH
    height = NODE_HEIGHT

    @property
    def x(self) -> int:
        return MARGIN + self.column * (NODE_WIDTH + COLUMN_GAP)

    @property
    def y(self) -> int:
        """Odd columns sit half a row lower, so an arrow skipping a column passes
        between its boxes rather than behind one."""
        return MARGIN + self.row * (NODE_HEIGHT + ROW_GAP) + (self.column % 2) * HALF_ROW


@dataclass
class Edge:
    start: Node  # the source that takes
    end: Node  # where its text comes from
    style: str  # "copy", "shared", "credit"
    text: str  # in words, for the list beside the picture

    @property
    def path(self) -> str:
        """A curve from the left side of `start` to the right side of `end`."""
        x1, y1 = self.start.x, self.start.y + NODE_HEIGHT // 2
        x2, y2 = self.end.x + NODE_WIDTH, self.end.y + NODE_HEIGHT // 2
        bend = max(30, (x1 - x2) // 2)
        return f"M{x1},{y1} C{x1 - bend},{y1} {x2 + bend},{y2} {x2 + 6},{y2}"


@dataclass
class OriginsPicture:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    width: int = 0
    height: int = 0
    standalone: list[SourceView] = field(default_factory=list)  # drawn with no arrow
    left_out: int = 0  # sources not drawn (large story)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1] + "…"


def _credits(view: SourceView) -> list[tuple[str, int]]:
    counts = Counter(
        c.origin
        for ref in view.claims
        for c in ref.claim.citations
        if c.source == view.source.id and c.origin and is_outlet_label(c.origin)
    )
    return counts.most_common(CREDITS_DRAWN)


def _edges(view: SourceView, nodes: dict[str, Node], outside: Callable[[str], Node]) -> list[Edge]:
    """The arrows from one source: to what it copies, its shared origin, what it credits."""
    node = nodes[view.source.id]
    edges = []
    for original in view.derived_from:
        if original.id in nodes:
            target = nodes[original.id]
            edges.append(Edge(node, target, "copy", f"copies or rewrites {target.full}"))
    for label in view.source.origins:
        target = outside(label)
        edges.append(Edge(node, target, "shared", f"takes its text from {target.full}"))
    for label, count in _credits(view):
        target = outside(label)
        passages = f"{count} passage{'s' * (count != 1)}"
        edges.append(Edge(node, target, "credit", f"credits {label} for {passages}"))
    return edges


def picture(views: list[SourceView]) -> OriginsPicture:
    related = [v for v in views if v.derived_from or v.copied_by or v.source.origins or _credits(v)]
    alone = [v for v in views if v not in related]
    drawn = (related + alone)[:MAX_SOURCES]
    result = OriginsPicture(left_out=len(views) - len(drawn))
    columns = _columns(drawn, {view.source.id: view for view in views})
    outside = _Outside()
    nodes: dict[str, Node] = {}
    for view in drawn:
        nodes[view.source.id] = Node(
            view.source.id, _cut(view.name), view.name, view.kind.key, columns[view.source.id]
        )
    for view in drawn:
        if view in related:
            result.edges += _edges(view, nodes, outside.node)
        else:
            nodes[view.source.id].alone = True
            result.standalone.append(view)
    _lay_out(result, list(outside.external.values()), list(nodes.values()))
    return result


def _columns(drawn: list[SourceView], by_id: dict[str, SourceView]) -> dict[str, int]:
    """Source id -> its column: one right of the furthest original drawn, capped."""
    shown = {v.source.id for v in drawn}
    depth: dict[str, int] = {}

    def column(source_id: str, seen: frozenset[str] = frozenset()) -> int:
        if source_id not in depth:
            originals = [
                o.id for o in by_id[source_id].derived_from if o.id in shown and o.id not in seen
            ]
            depth[source_id] = min(
                MAX_COLUMNS - 1,
                1 + max((column(o, seen | {source_id}) for o in originals), default=0),
            )
        return depth[source_id]

    return {view.source.id: column(view.source.id) for view in drawn}


class _Outside:
    """The boxes of origins outside the folder, in the order first drawn."""

    def __init__(self) -> None:
        self.external: dict[str, Node] = {}

    def node(self, label: str) -> Node:
        """One box per outlet however it is written ("The Asahi Shimbun", "Asahi
        Shimbun"; "the Mainichi", "the Mainichi Shimbun newspaper"), as counted."""
        key = outlet_key(label)
        known = next((k for k in self.external if same_outlet(k, key)), None)
        if known is None:
            text = label if is_outlet_label(label) else f"Shared original ({label})"
            self.external[key] = Node(f"origin:{key}", _cut(text), text, "external", 0)
            known = key
        return self.external[known]


def _lay_out(result: OriginsPicture, external: list[Node], sources: list[Node]) -> None:
    """Rows within columns, and the picture's size; no empty first column when no
    origin is outside the folder."""
    all_nodes = external + sources
    if not external:
        for node in all_nodes:
            node.column -= 1
    rows: Counter[int] = Counter()
    for node in all_nodes:
        node.row = rows[node.column]
        rows[node.column] += 1
    result.nodes = all_nodes
    if all_nodes:
        columns = max(node.column for node in all_nodes) + 1
        result.width = 2 * MARGIN + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP
        result.height = max(node.y for node in all_nodes) + NODE_HEIGHT + MARGIN
