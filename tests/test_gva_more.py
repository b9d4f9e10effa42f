"""The fresh-story builder reads the task repository's pickles without running them."""

from __future__ import annotations

import datetime
import os
import pickle
import sys
import types

import pytest

from benchmarks.gva_more import _article, _load


class _Exploit:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("echo pwned",))


def test_a_pickle_naming_any_other_callable_is_refused() -> None:
    with pytest.raises(pickle.UnpicklingError, match=r"refused: (posix|os|nt)\.system"):
        _load(pickle.dumps(_Exploit()))


def test_an_article_pickle_becomes_its_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    """A `classes.NewsItem` as the repository pickles them (a class of its own module)."""
    module = types.ModuleType("classes")

    class NewsItem:
        def __init__(self) -> None:
            self.title = "Two hurt"
            self.content = "Two people were hurt."
            self.dct = datetime.date(2016, 4, 4)
            self.uri = "http://web.archive.org/web/2016/http://www.example.com/a"

    NewsItem.__module__ = "classes"
    NewsItem.__qualname__ = "NewsItem"
    module.NewsItem = NewsItem  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "classes", module)
    item = _load(pickle.dumps(NewsItem())).state
    article = _article(item)
    assert article == {
        "title": "Two hurt",
        "url": "http://web.archive.org/web/2016/http://www.example.com/a",
        "date": "2016-04-04",
        "text": "Two people were hurt.",
        "source": "example.com",
    }
