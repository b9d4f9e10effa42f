"""What the dev server carries from one render to the next, so an edit redraws little.

Each page knows which objects it shows (`depends`, keys such as "claims/x"): after an
edit only the pages showing an edited object, before or after the edit, are drawn
again. The pages that list every claim (home, the claims list, the feed) always show
the edited claim, so they are drawn again from pieces (`Fragments`): only the edited
claim's list item, matrix row and feed entry are rendered, the rest are
reused. What every page shows (the site's title, which comes from a headline when none
is configured) changing redraws everything.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar, cast

from markupsafe import Markup

from sitegen.render.pagefind import Background
from sitegen.render.templates import Templates
from sitegen.render.views import ClaimView


def shows(claims: Iterable[ClaimView], more: Iterable[str] = ()) -> frozenset[str]:
    """The keys of what a page or piece shows: its claims, and their people and sources."""
    return frozenset().union(more, *(view.shows for view in claims))


Drawer = Callable[..., Markup]  # fragment(macro, view, *args) in templates
Piece = TypeVar("Piece", bound=str)  # HTML (Markup) or JSON text


class Fragments:
    """Rendered pieces of list pages, each kept until something it shows is edited.

    A piece is keyed by its page, the macro, the claim and the macro's other
    arguments, which must be hashable: anything else the macro shows must follow from
    the claim (its people, sources, conflicts) and those arguments.
    """

    def __init__(self) -> None:
        self._pieces: dict[Hashable, tuple[str, frozenset[str]]] = {}  # Markup for HTML
        self.drawn = 0  # pieces rendered so far (the others were reused)

    def forget(self, changed: set[str] | None) -> None:
        """Drop the pieces showing an edited object; all of them for `None`. A piece
        may show "<kind>/*": it shows something of every object of the kind."""
        if changed is None:
            self._pieces.clear()
            return
        changed = changed | {key.partition("/")[0] + "/*" for key in changed}
        stale = [key for key, (_, keys) in self._pieces.items() if not keys.isdisjoint(changed)]
        for key in stale:
            del self._pieces[key]

    def keep(
        self, key: Hashable, shows: Callable[[], frozenset[str]], make: Callable[[], Piece]
    ) -> Piece:
        """The piece under `key`, made now (with the keys it `shows`) if it is not kept
        or was forgotten."""
        piece = self._pieces.get(key)
        if piece is None:
            piece = self._pieces[key] = (make(), shows())
            self.drawn += 1
        return cast(Piece, piece[0])

    def drawer(self, page: Hashable) -> Drawer:
        """The `fragment` function of one page (links are relative to the page)."""

        def fragment(macro: Any, view: ClaimView, *args: Hashable) -> Markup:
            return self.keep(
                (page, macro.name, view.claim.id, args),
                partial(getattr, view, "shows"),
                partial(macro, view, *args),
            )

        return fragment


def draw(macro: Any, view: ClaimView, *args: Hashable) -> Markup:
    """`fragment` outside the dev server: every piece is drawn afresh."""
    return macro(view, *args)


@dataclass
class Incremental:
    """The dev server's state between renders."""

    changed: set[str] | None = None  # keys of edited objects; None: render everything
    depends: dict[str, frozenset[str] | None] = field(default_factory=dict)  # last render
    templates: Templates | None = None  # compiled once, until a template changes
    fragments: Fragments = field(default_factory=Fragments)
    site: tuple[str, ...] = ()  # the site's title, ... as last rendered: on every page
    indexer: Background = field(default_factory=Background)  # search, after each edit
