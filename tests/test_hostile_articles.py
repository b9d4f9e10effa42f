"""Hostile and broken articles through the real build: nothing crashes, citations stay
verbatim, and the files that cannot be articles are reported, not fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.cli import main
from sitegen.config import load_config
from sitegen.factbase.check import check_project
from sitegen.factbase.store import read_factbase
from sitegen.textio import decode

SENTENCE = (
    "Mayor Anna Berg said on Monday that the city had hired 40 workers to repair "
    "the Elm Street bridge, which will reopen in May."
)

ARTICLES: dict[str, bytes] = {
    "invalid-utf8.txt": SENTENCE.encode() + b"\n\nThe \xff\xfe council \xc3 voted 7-2.\n",
    "nul-bytes.txt": SENTENCE.encode() + b"\n\nThe\x00council voted\x00 7-2 on Tuesday.\n",
    "bom-crlf.txt": (
        "\ufeffBridge reopens\r\n\r\n" + SENTENCE + "\r\n\r\n"
        "“We are proud,” Berg said on Monday.\r\n"
    ).encode(),
    "lone-cr.txt": (
        "Bridge reopens\r\r" + SENTENCE + "\r\rBerg said 40 workers fixed it.\r"
    ).encode(),
    "nbsp-rtl-emoji.txt": (
        "Mayor\u00a0Anna\u00a0Berg said the bridge 🌉 will reopen. "
        "\u202bשלום עולם\u202c The council agreed 7-2 on "
        "Tuesday.\n"
    ).encode(),
    "scripts.txt": (
        "Prime Minister 岸田文雄 met Владимир Зеленский in Kyiv on Tuesday, "
        "officials said. " + SENTENCE + "\n"
    ).encode(),
    "empty.txt": b"",
    "whitespace.txt": b"\n\n   \n\t\n",
    "binary.txt": bytes(range(256)) * 40,
    "front-matter-only.md": b"---\ntitle: Nothing here\n---\n",
}


def verbatim(project: Path) -> int:
    """Assert every citation indexes its article; return how many there are."""
    base = read_factbase(project / "content")
    count = 0
    for claim in base.claims.values():
        for citation in claim.citations:
            text = decode((project / base.sources[citation.source].file).read_bytes())
            assert text[citation.start : citation.end] == citation.quote
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


@pytest.mark.slow
def test_a_five_megabyte_article_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two 5 MB articles, one a single line with no paragraph break at all: each is read
    up to `extract_limit` (set low here to keep the test short; the default's figures
    are in docs/reliability.md), the build says so, and every citation is verbatim."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    size, limit = 5 * 1024 * 1024, 5_000
    (tmp_path / "sitegen.yaml").write_text(f"extract_limit: {limit}\n", encoding="utf-8")
    paragraph = (SENTENCE + " ") * 40
    files = {
        "huge-block.txt": (paragraph * (size // len(paragraph) + 1)).encode()[:size],
        "huge.txt": "\n\n".join([paragraph] * (size // len(paragraph) + 1)).encode()[:size],
    }
    for name, raw in files.items():
        (seeds / name).write_bytes(raw)
    assert main(["build", "--project", str(tmp_path), "-q"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "warning:" in line]
    for name in files:
        assert [
            w
            for w in warnings
            if w.startswith(f"seeds/{name}:")
            and f"first {limit:,} only" in w
            and "'extract_limit'" in w
        ], warnings
    assert verbatim(tmp_path) > 0
    base = read_factbase(tmp_path / "content")
    cited = {c.source for claim in base.claims.values() for c in claim.citations}
    assert cited == {"huge-block", "huge"}
    assert all(c.end <= limit for claim in base.claims.values() for c in claim.citations)
    for name, raw in files.items():  # the unread rest is still shown on the source page
        page = tmp_path / "site" / "sources" / name.removesuffix(".txt") / "index.html"
        assert raw.decode()[-60:].strip() in page.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("count", [2000])
def test_two_thousand_tiny_articles_build(count: int, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for number in range(count):
        (seeds / f"n{number:04d}.txt").write_text(
            f"Mayor Anna Berg said {number + 2} workers repaired bridge number {number}.\n",
            encoding="utf-8",
        )
    assert main(["build", "--project", str(tmp_path), "-q"]) == 0
    base = read_factbase(tmp_path / "content")
    assert len(base.sources) == count
    assert len({p.id for p in base.people.values()}) == len(base.people)
