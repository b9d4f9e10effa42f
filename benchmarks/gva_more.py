"""More shooting stories nobody has read, for first-run figures: clusters of the Gun
Violence Archive's incidents from the SemEval-2018 task 5 repository.

`../shared/corpora/gva-dev.jsonl` holds 70 incidents, all read by now. The repository it
came from (cltl/LongTailQATask) holds thousands more, each with the articles the archive
cites and the archive's killed and injured counts. This writes a corpus folder of fresh
clusters in gva-dev's shape, so that every benchmark runs on it unchanged:

    SITEGEN_CORPORA=/tmp/more .venv/bin/python -m benchmarks.merge_eval --gva-figures
    SITEGEN_CORPORA=/tmp/more .venv/bin/python -m benchmarks.web_eval --corpus gva-dev

    .venv/bin/python -m benchmarks.gva_more --repo /path/to/LongTailQATask --out /tmp/more \\
        [--batch 1] [--size 80]

`--repo` is a clone (or a bare mirror) of the repository: read with `git show`, nothing
is checked out. Incidents with 3 to 8 articles from at least 3 outlets qualify (as in
gva-dev), minus gva-dev's own; they are ordered by a hash of their id and cut into
batches of `--size`, so batch 1 is always the same clusters. Use a batch once: its
held-out part (`Cluster.part`) gives first-run figures only until someone reads it.
NOTES.md says which batches have been used. The texts stay outside the project.

The repository stores articles and tables as Python pickles (`NewsItem` objects, old
pandas frames). They are read by an unpickler that builds only inert stand-ins of the
classes named here and refuses every other, so no code in them can run.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import hashlib
import io
import json
import pickle
import struct
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from benchmarks.corpus import CORPORA

ARCHIVE = "EventRegistries/GunViolenceArchive/"
ARTICLES = ARCHIVE + "the_violent_corpus/"  # one folder per incident, one pickle per article
TABLES = ARCHIVE + "frames/"  # pandas frames of incidents, by the archive's categories
ARTICLES_PER_STORY = (3, 8)  # gva-dev's range
LEAST_OUTLETS = 3


class _Stub:
    """An inert stand-in for a pickled object: it keeps its arguments and state."""

    def __init__(self, *args: Any) -> None:
        self.args = args
        self.state: Any = None

    def __setstate__(self, state: Any) -> None:
        self.state = state


def _reconstructed(*args: Any) -> _Stub:
    return _Stub(*args)


def _new_index(cls: Any, state: Any) -> _Stub:
    stub = _Stub(cls)
    stub.state = state
    return stub


_ALLOWED: dict[tuple[str, str], Any] = {
    ("numpy.core.multiarray", "_reconstruct"): _reconstructed,
    ("numpy", "ndarray"): "ndarray",
    ("numpy", "dtype"): _Stub,
    ("pandas.core.frame", "DataFrame"): _Stub,
    ("pandas.core.internals", "BlockManager"): _Stub,
    ("pandas.indexes.base", "_new_Index"): _new_index,
    ("pandas.indexes.base", "Index"): _Stub,
    ("pandas.indexes.numeric", "Int64Index"): _Stub,
    ("builtins", "slice"): slice,
    ("classes", "NewsItem"): _Stub,
    ("datetime", "date"): datetime.date,
    ("datetime", "datetime"): datetime.datetime,
}


class _InertUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        try:
            return _ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"refused: {module}.{name}") from None


def _load(data: bytes) -> Any:
    return _InertUnpickler(io.BytesIO(data), encoding="latin1").load()


def _array(stub: _Stub) -> tuple[tuple[int, ...], list[Any], bool]:
    """(shape, values in storage order, Fortran order) of a pickled numpy array."""
    _version, shape, dtype, fortran, raw = stub.state
    if isinstance(raw, list):  # an object array pickles its items
        return shape, raw, fortran
    data = raw.encode("latin1") if isinstance(raw, str) else raw
    code = {"f8": "d"}.get(dtype.args[0] if dtype.args else "", "q")
    return shape, list(struct.unpack(f"<{len(data) // 8}{code}", data)), fortran


def _rows(frame: _Stub) -> list[dict[str, Any]]:
    """The rows of a pickled (pandas 0.19) DataFrame, as dicts."""
    manager = frame.state["_data"].state[3]["0.14.1"]
    columns = _array(manager["axes"][0].state["data"])[1]
    count = len(_array(manager["axes"][1].state["data"])[1])
    rows: list[dict[str, Any]] = [{} for _ in range(count)]
    for block in manager["blocks"]:
        (width, height), values, fortran = _array(block["values"])
        where = block["mgr_locs"]
        places = (
            range(*where.indices(len(columns))) if isinstance(where, slice) else _array(where)[1]
        )
        for b, column in enumerate(places):
            for r in range(height):
                rows[r][columns[column]] = values[r * width + b if fortran else b * height + r]
    return rows


class _Repository:
    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self, name: str) -> bytes:
        command = ["git", "-C", str(self.path), "show", f"HEAD:{name}"]
        return subprocess.run(command, capture_output=True, check=True).stdout

    def files(self, folder: str) -> Iterator[tuple[str, int | None]]:
        """(path, size) of the files under `folder`; size None for a file left out of a
        partial copy."""
        command = ["git", "-C", str(self.path), "ls-tree", "-r", "-l", "HEAD", folder]
        listing = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        for line in listing.splitlines():
            meta, path = line.split("\t", 1)
            size = meta.split()[3]
            yield path, int(size) if size.isdigit() else None


def _incidents(repo: _Repository) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path, size in repo.files(TABLES):
        if not size or path.endswith(".json"):
            continue
        for row in _rows(_load(repo.read(path))):
            found.setdefault(str(row["incident_uri"]), row | {"category": path.rsplit("/")[-1]})
    return found


def _article(item: dict[str, Any]) -> dict[str, str]:
    url = item.get("uri", "")
    original = "http" + url.split("/http", 1)[1] if "web.archive.org/" in url else url
    published = item.get("dct")
    return {
        "title": item.get("title", ""),
        "url": url,
        "date": published.isoformat() if isinstance(published, datetime.date) else "",
        "text": item.get("content", ""),
        "source": urlparse(original).netloc.removeprefix("www.") or "unknown",
    }


def _gold(row: dict[str, Any], articles: list[dict[str, str]]) -> dict[str, Any]:
    listed = row["participants"] or []  # some tables hold the list, some its text
    participants = [
        {key.strip().lower().replace(" ", "_"): value.strip() for key, value in p.items()}
        for p in (ast.literal_eval(listed) if isinstance(listed, str) else listed)
    ]
    names = [p["name"] for p in participants if p.get("name")]
    text = " ".join(a["title"] + " " + a["text"] for a in articles)
    return {
        "dataset": "SemEval-2018 Task 5 / Gun Violence Archive (cltl/LongTailQATask)",
        "incident_id": str(row["incident_uri"]),
        "categories": [row["category"]],
        "date": row["date"],
        "figures": {"killed": int(row["num_killed"]), "injured": int(row["num_injured"])},
        "people": names,
        # as gva-dev's: the names whose first and last words both occur in the articles
        "people_in_text": [n for n in names if n.split()[0] in text and n.split()[-1] in text],
        "participants": participants,
    }


def stories(repo: _Repository, seen: set[str]) -> list[dict[str, Any]]:
    """Every qualifying incident not in `seen`, in the fixed order batches cut."""
    incidents = _incidents(repo)
    folders: dict[str, list[str]] = {}
    for path, size in repo.files(ARTICLES):
        if size:
            folders.setdefault(path.split("/")[3], []).append(path)
    least, most = ARTICLES_PER_STORY
    found = []
    for incident, paths in folders.items():
        row = incidents.get(incident)
        if incident in seen or row is None or not least <= len(paths) <= most:
            continue
        articles = [_article(_load(repo.read(p)).state) for p in sorted(paths)]
        articles = [a for a in articles if a["text"].strip()]
        if not least <= len(articles) or len({a["source"] for a in articles}) < LEAST_OUTLETS:
            continue
        if not (str(row["num_killed"]).isdigit() and str(row["num_injured"]).isdigit()):
            continue
        summary = f"{row['city_or_county']}, {row['state']}"
        found.append(
            {
                "cluster_id": f"gvx-{incident}",
                "summary": summary,
                "articles": articles,
                "gold": _gold(row, articles),
            }
        )
    return sorted(found, key=lambda s: hashlib.sha256(f"pick{s['cluster_id']}".encode()).digest())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, required=True, help="cltl/LongTailQATask")
    parser.add_argument("--out", type=Path, required=True, help="a corpus folder to write")
    parser.add_argument("--batch", type=int, default=1, help="which batch (from 1)")
    parser.add_argument("--size", type=int, default=80, help="clusters per batch")
    args = parser.parse_args()
    dev = CORPORA / "gva-dev.jsonl"
    seen = {json.loads(line)["gold"]["incident_id"] for line in dev.open(encoding="utf-8")}
    every = stories(_Repository(args.repo), seen)
    batch = every[(args.batch - 1) * args.size : args.batch * args.size]
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "gva-dev.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(story) + "\n" for story in batch)
    (args.out / "basil-dev.jsonl").touch()  # the benchmarks read both corpora
    print(f"{len(every)} fresh stories; batch {args.batch}: {len(batch)} in {args.out}")


if __name__ == "__main__":
    main()
