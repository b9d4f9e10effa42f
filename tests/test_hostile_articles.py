"""Hostile and broken articles through the real build: nothing crashes, citations stay
verbatim, and the files that cannot be articles are reported, not fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.check import check_project
from sitegen.cli import main
from sitegen.config import load_config
from sitegen.content import read_content, to_factbase
from sitegen.textio import decode

SENTENCE = ("Mayor Anna Berg said on Monday that the city had hired 40 workers to repair "
            "the Elm Street bridge, which will reopen in May.")

ARTICLES: dict[str, bytes] = {
    "invalid-utf8.txt": SENTENCE.encode() + b"\n\nThe \xff\xfe council \xc3 voted 7-2.\n",
    "nul-bytes.txt": SENTENCE.encode() + b"\n\nThe\x00council voted\x00 7-2 on Tuesday.\n",
    "bom-crlf.txt": ("\ufeffBridge reopens\r\n\r\n" + SENTENCE + "\r\n\r\n"
                     "“We are proud,” Berg said on Monday.\r\n").encode(),
    "lone-cr.txt": ("Bridge reopens\r\r" + SENTENCE + "\r\rBerg said 40 workers "
                    "fixed it.\r").encode(),
    "nbsp-rtl-emoji.txt": ("Mayor\u00a0Anna\u00a0Berg said the bridge 🌉 will reopen. "
                           "\u202bשלום עולם\u202c The council agreed 7-2 on "
                           "Tuesday.\n").encode(),
    "scripts.txt": ("Prime Minister 岸田文雄 met Владимир Зеленский in Kyiv on Tuesday, "
                    "officials said. " + SENTENCE + "\n").encode(),
    "empty.txt": b"",
    "whitespace.txt": b"\n\n   \n\t\n",
    "binary.txt": bytes(range(256)) * 40,
    "front-matter-only.md": b"---\ntitle: Nothing here\n---\n",
}


def verbatim(project: Path) -> int:
    """Assert every citation indexes its article; return how many there are."""
    base = to_factbase(read_content(project / "content"))
    count = 0
    for claim in base.claims.values():
        for citation in claim.citations:
            text = decode((project / base.sources[citation.source].file).read_bytes())
            assert text[citation.start:citation.end] == citation.quote
            count += 1
    return count


def test_hostile_articles_build(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, raw in ARTICLES.items():
        (seeds / name).write_bytes(raw)
    assert main(["build", "--project", str(tmp_path), "-q"]) == 0
    assert verbatim(tmp_path) > 0
    problems = check_project(load_config(tmp_path))
    assert [str(p) for p in problems if p.level == "error"] == []


@pytest.mark.xfail(run=False, reason="extraction reads all 5 MB with the full spaCy pipeline "
                   "(minutes); to be bounded to a prefix with a warning (docs/reliability.md)")
def test_a_five_megabyte_article_builds(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    paragraph = (SENTENCE + " ") * 40
    one_line = (paragraph * 40).encode()  # no paragraph breaks at all: one huge block
    body = "\n\n".join([paragraph] * 800).encode()
    (seeds / "huge-block.txt").write_bytes(one_line[: 5 * 1024 * 1024])
    (seeds / "huge.txt").write_bytes(body[: 5 * 1024 * 1024])
    assert main(["build", "--project", str(tmp_path), "-q"]) == 0
    verbatim(tmp_path)


@pytest.mark.parametrize("count", [2000])
def test_two_thousand_tiny_articles_build(count: int, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for number in range(count):
        (seeds / f"n{number:04d}.txt").write_text(
            f"Mayor Anna Berg said {number + 2} workers repaired bridge number {number}.\n",
            encoding="utf-8")
    assert main(["build", "--project", str(tmp_path), "-q"]) == 0
    base = to_factbase(read_content(tmp_path / "content"))
    assert len(base.sources) == count
    assert len({p.id for p in base.people.values()}) == len(base.people)
