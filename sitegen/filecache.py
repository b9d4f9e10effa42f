"""Files read again and again by a long-running process (the dev server), kept parsed
while their size and modification time stay the same."""

from __future__ import annotations

from pathlib import Path

from sitegen.textio import read_article
from sitegen.yamlio import YamlDocument, read_yaml


class FileCache:
    def __init__(self) -> None:
        self._yaml: dict[Path, tuple[tuple[int, int], YamlDocument]] = {}
        self._articles: dict[Path, tuple[tuple[int, int], tuple[str, str]]] = {}

    def yaml(self, path: Path) -> YamlDocument:
        stamp = _stamp(path)
        cached = self._yaml.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        doc = read_yaml(path)  # raises on a broken file: nothing is cached for it
        self._yaml[path] = (stamp, doc)
        return doc

    def article(self, path: Path) -> tuple[str, str]:
        stamp = _stamp(path)
        cached = self._articles.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        result = read_article(path)
        self._articles[path] = (stamp, result)
        return result


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)
