"""Long lists split into pages, as Hugo does: `claims/`, then `claims/page/2/`, ...

A 10,000-article story has 150,000 claims and 50,000 people; on one page each list
would be a hundred megabytes of HTML that no browser shows. The first page keeps the
list's own address, so links to `claims/` stay valid however long the list grows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

NEARBY = 2  # page links shown either side of the current one


@dataclass(frozen=True)
class Pager:
    """Page `number` (from 1) of a list of `total` items at site path `base`."""

    base: str  # the list's site path: "claims/"
    number: int
    size: int  # items per page
    total: int

    @property
    def count(self) -> int:
        """Pages in all; an empty list still has its first page."""
        return max(1, -(-self.total // self.size))

    @property
    def path(self) -> str:
        return self.path_of(self.number)

    def path_of(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}page/{number}/"

    @property
    def first(self) -> int:
        """The 1-based position of the page's first item in the whole list."""
        return (self.number - 1) * self.size + 1

    @property
    def last(self) -> int:
        return min(self.total, self.number * self.size)

    @property
    def previous(self) -> str | None:
        return self.path_of(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.path_of(self.number + 1) if self.number < self.count else None

    def links(self) -> list[int | None]:
        """Page numbers to link: the first, the last and those near this one; None
        where numbers are left out (shown as an ellipsis)."""
        shown = sorted(
            {
                1,
                self.count,
                *range(max(1, self.number - NEARBY), min(self.count, self.number + NEARBY) + 1),
            }
        )
        numbers: list[int | None] = []
        for number in shown:
            if numbers and number - (numbers[-1] or 0) > 1:
                numbers.append(None)
            numbers.append(number)
        return numbers

    def items(self, items: Sequence[T]) -> Sequence[T]:
        return items[self.first - 1 : self.last]


def pagers(base: str, total: int, size: int) -> list[Pager]:
    """One pager per page of a list of `total` items."""
    first = Pager(base, 1, size, total)
    return [Pager(base, number, size, total) for number in range(1, first.count + 1)]
