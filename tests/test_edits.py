"""Hand edits are the truth: rebuilds keep them and merge new evidence into them.

Every scenario edits content/ the way a person would (text edits of the YAML files),
then runs `sitegen build` through the CLI entry point.
"""

from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path

import pytest
import yaml

from sitegen.cli import main
from sitegen.factbase.model import Claim, FactBase
from sitegen.factbase.store import read_factbase
from sitegen.yamlio import read_yaml

ARTICLE_A = """Bridge to reopen in May

Mayor Anna Berg said on Monday that the Elm Street bridge would reopen in May.

The city hired 40 workers to repair the bridge, Berg told reporters.

“We are proud of the workers who fixed it so quickly,” Berg said at the town hall.

Engineer Tom Reed said the repairs cost $2 million.
"""

ARTICLE_B = """Elm Street bridge reopening set

The Elm Street bridge will reopen in May, Mayor Anna Berg said on Monday.

“We are proud of the workers who fixed it so quickly,” Berg said.

Tom Reed, the city engineer, said the repairs cost $2 million.
"""

ARTICLE_C = """Council hears bridge update

Mayor Anna Berg said on Monday that the Elm Street bridge would reopen in May.

Mayor Anna Bergh thanked the 40 workers who repaired the bridge.
"""


def build(project: Path) -> int:
    return main(["build", "--project", str(project), "-q"])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("edits") / "story"
    (project / "seeds").mkdir(parents=True)
    (project / "seeds" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (project / "seeds" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    assert build(project) == 0
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "story"
    shutil.copytree(built, copy)
    return copy


def facts(project: Path) -> FactBase:
    return read_factbase(project / "content")


def claim_citing(base: FactBase, words: str) -> Claim:
    found = [c for c in base.claims.values() if any(words in q.quote for q in c.citations)]
    assert len(found) == 1, [c.id for c in found]
    return found[0]


def claim_path(project: Path, claim: Claim) -> Path:
    return project / "content" / "claims" / f"{claim.id}.yaml"


def replace_line(path: Path, startswith: str, new_line: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(startswith))
    lines[index] = new_line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def content_bytes(project: Path) -> dict[str, bytes]:
    return {
        p.relative_to(project).as_posix(): p.read_bytes()
        for p in sorted((project / "content").rglob("*"))
        if p.is_file()
    }


def test_rebuild_with_no_change_writes_nothing(project: Path) -> None:
    before = content_bytes(project)
    assert build(project) == 0
    assert content_bytes(project) == before


def test_edited_fields_survive_and_new_evidence_merges_in(project: Path) -> None:
    base = facts(project)
    bridge = claim_citing(base, "would reopen in May")
    assert len(bridge.source_ids) == 2
    path = claim_path(project, bridge)
    replace_line(path, "statement:", "statement: The Elm Street bridge reopens in May 2024.")
    replace_line(path, "status:", "status: disputed")
    berg = next(p for p in base.people.values() if p.name == "Anna Berg")
    person = project / "content" / "people" / f"{berg.id}.yaml"
    replace_line(person, "description:", "description: Mayor of Springfield since 2019")
    (project / "seeds" / "c.txt").write_text(ARTICLE_C, encoding="utf-8")

    assert build(project) == 0
    after = facts(project)
    edited = after.claims[bridge.id]
    assert edited.statement == "The Elm Street bridge reopens in May 2024."
    assert edited.status == "disputed"
    assert set(edited.source_ids) == {"a", "b", "c"}, "the new article's citation merges in"
    mayor = after.people[berg.id]
    assert mayor.description == "Mayor of Springfield since 2019"
    assert "Anna Bergh" in mayor.aliases, "a new spelling adds an alias"


def test_reordered_or_reformatted_file_is_no_hand_edit(project: Path) -> None:
    """A file differing from the snapshot only in the order of its citations, people or
    aliases, or in YAML style, is still the machine's: when the articles stop stating
    the fact, the claim goes (a hand-edited one would be kept)."""
    bridge = claim_citing(facts(project), "would reopen in May")
    path = claim_path(project, bridge)
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(record["citations"]) == 2
    record["citations"].reverse()
    reordered = dict(reversed(list(record.items())))  # key order, and a different style
    path.write_text(
        yaml.safe_dump(reordered, default_flow_style=True, allow_unicode=True), encoding="utf-8"
    )
    for name in ("a.txt", "b.txt"):
        article = project / "seeds" / name
        lines = article.read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if not ("reopen in May" in line and "Mayor" in line)]
        article.write_text("\n".join(kept) + "\n", encoding="utf-8")

    assert build(project) == 0
    assert not path.exists(), "an untouched machine claim no longer stated is removed"


def test_a_publisher_filled_in_by_hand_recounts_independent_origins(project: Path) -> None:
    """Two articles of one publisher are one origin: filling in the publisher makes a
    claim both state single-source on the next build, and `check` agrees."""
    bridge = claim_citing(facts(project), "would reopen in May")
    assert bridge.status == "corroborated" and bridge.independent_sources == 2
    for source in ("a", "b"):
        path = project / "content" / "sources" / f"{source}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "publisher: City Wire\n")

    assert build(project) == 0
    after = facts(project).claims[bridge.id]
    assert after.independent_sources == 1
    assert after.status == "single-source"
    assert main(["check", "--project", str(project), "-q"]) == 0


def test_comments_blank_lines_and_key_order_survive(project: Path) -> None:
    bridge = claim_citing(facts(project), "would reopen in May")
    path = claim_path(project, bridge)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    status = next(line for line in lines if line.startswith("status:"))
    lines.remove(status)
    lines.insert(1, status)  # the person moved status up
    lines.insert(0, "# checked against the city's press release")
    lines.insert(3, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (project / "seeds" / "c.txt").write_text(ARTICLE_C, encoding="utf-8")

    assert build(project) == 0
    rewritten = path.read_text(encoding="utf-8")
    assert rewritten != "\n".join(lines) + "\n", "the new citation was written"
    new_lines = rewritten.splitlines()
    assert new_lines[0] == "# checked against the city's press release"
    assert new_lines[2].startswith("status:") and new_lines[3] == ""
    assert "source: c" in rewritten


def test_deleted_claim_and_person_do_not_come_back(project: Path) -> None:
    base = facts(project)
    quote = claim_citing(base, "We are proud")
    claim_path(project, quote).unlink()
    reed = next(p for p in base.people.values() if p.name == "Tom Reed")
    (project / "content" / "people" / f"{reed.id}.yaml").unlink()

    assert build(project) == 0
    after = facts(project)
    assert quote.id not in after.claims
    assert not any(
        "We are proud" in c.quote for claim in after.claims.values() for c in claim.citations
    )
    assert reed.id not in after.people
    assert all(reed.id not in c.people for c in after.claims.values())


def test_merging_two_people_by_hand_sticks(project: Path) -> None:
    base = facts(project)
    berg = next(p for p in base.people.values() if p.name == "Anna Berg")
    reed = next(p for p in base.people.values() if p.name == "Tom Reed")
    about_reed = [c.id for c in base.claims.values() if reed.id in c.people]
    assert about_reed
    person = project / "content" / "people" / f"{berg.id}.yaml"
    text = person.read_text(encoding="utf-8").replace("aliases:\n", "aliases:\n- Tom Reed\n")
    text = text.replace("aliases: []\n", "aliases:\n- Tom Reed\n")
    person.write_text(text, encoding="utf-8")
    (project / "content" / "people" / f"{reed.id}.yaml").unlink()

    assert build(project) == 0
    after = facts(project)
    assert reed.id not in after.people
    assert "Tom Reed" in after.people[berg.id].aliases
    for claim_id in about_reed:
        assert berg.id in after.claims[claim_id].people
        assert reed.id not in after.claims[claim_id].people


def test_moved_citation_and_split_claim_stick(project: Path) -> None:
    base = facts(project)
    bridge = claim_citing(base, "would reopen in May")
    moved = next(c for c in bridge.citations if c.source == "b")
    target = claim_citing(base, "40 workers")
    # move B's passage from the bridge claim to the workers claim
    bridge_path, target_path = claim_path(project, bridge), claim_path(project, target)
    bridge_doc, target_doc = read_yaml(bridge_path).data, read_yaml(target_path).data
    bridge_doc["citations"] = [c for c in bridge_doc["citations"] if c["source"] != "b"]
    target_doc["citations"].append(asdict(moved))
    from sitegen.yamlio import dump_yaml

    bridge_path.write_text(dump_yaml(bridge_doc), encoding="utf-8")
    target_path.write_text(dump_yaml(target_doc), encoding="utf-8")
    # split the quote claim: its passage from A goes into a new file of its own
    quote = claim_citing(base, "We are proud")
    quote_path = claim_path(project, quote)
    quote_doc = read_yaml(quote_path).data
    split_off = [c for c in quote_doc["citations"] if c["source"] == "a"]
    quote_doc["citations"] = [c for c in quote_doc["citations"] if c["source"] != "a"]
    quote_doc["status"] = "single-source"
    quote_path.write_text(dump_yaml(quote_doc), encoding="utf-8")
    new_doc = {
        "id": "berg-praises-workers-at-town-hall",
        "statement": "Berg praised the workers at the town hall.",
        "status": "single-source",
        "people": [],
        "citations": split_off,
    }
    (project / "content" / "claims" / "berg-praises-workers-at-town-hall.yaml").write_text(
        dump_yaml(new_doc), encoding="utf-8"
    )

    assert build(project) == 0
    after = facts(project)
    assert {c.source for c in after.claims[bridge.id].citations} == {"a"}
    assert any(c.quote == moved.quote for c in after.claims[target.id].citations)
    assert {c.source for c in after.claims[quote.id].citations} == {"b"}
    split = after.claims["berg-praises-workers-at-town-hall"]
    assert [c.source for c in split.citations] == ["a"]
    owners = [
        c.id
        for c in after.claims.values()
        for q in c.citations
        if q.source == "a" and "We are proud" in q.quote
    ]
    assert owners == ["berg-praises-workers-at-town-hall"]


def test_changed_article_relocates_and_drops_citations(project: Path) -> None:
    base = facts(project)
    bridge = claim_citing(base, "would reopen in May")
    reed_claim = claim_citing(base, "the repairs cost $2 million.\n".strip())
    hand = claim_citing(base, "40 workers")
    replace_line(claim_path(project, hand), "statement:", "statement: Forty workers fixed it.")
    seed = project / "seeds" / "a.txt"
    text = seed.read_text(encoding="utf-8")
    text = text.replace("Bridge to reopen in May\n", "Bridge to reopen in May\n\nUpdated.\n")
    text = text.replace(
        "\nThe city hired 40 workers to repair the bridge, Berg told reporters.\n", ""
    )
    text = text.replace("\nEngineer Tom Reed said the repairs cost $2 million.\n", "")
    seed.write_text(text, encoding="utf-8")
    (project / "seeds" / "b.txt").unlink()

    # the hand-edited claim left without citations is kept, so the fact base now breaks
    # the contract: the build says where, and renders nothing until a person decides
    assert build(project) == 1
    after = facts(project)
    new_text = seed.read_text(encoding="utf-8")
    for claim in after.claims.values():
        for citation in claim.citations:
            assert citation.source == "a", "the deleted article's citations are gone"
            assert new_text[citation.start : citation.end] == citation.quote
    assert "b" not in after.sources
    moved = after.claims[bridge.id].citations[0]
    old = next(c for c in bridge.citations if c.source == "a")
    assert moved.start > old.start, "offsets follow the inserted paragraph"
    assert reed_claim.id not in after.claims, "a machine claim with no citation is removed"
    assert hand.id in after.claims and after.claims[hand.id].citations == []
    assert main(["check", "--project", str(project), "-q"]) == 1


def test_unparseable_file_stops_the_build_and_nothing_changes(project: Path) -> None:
    claim = sorted((project / "content" / "claims").glob("*.yaml"))[0]
    claim.write_text(claim.read_text(encoding="utf-8") + "citations: [unclosed\n", encoding="utf-8")
    (project / "seeds" / "c.txt").write_text(ARTICLE_C, encoding="utf-8")
    before = content_bytes(project)
    assert build(project) != 0
    assert content_bytes(project) == before


@pytest.mark.slow
def test_a_killed_build_leaves_whole_files_and_the_next_build_completes(tmp_path: Path) -> None:
    import random
    import signal
    import subprocess
    import sys
    import time

    from sitegen.yamlio import read_yaml as parse

    def fresh(name: str) -> Path:
        project = tmp_path / name
        (project / "seeds").mkdir(parents=True)
        for seed, text in (("a", ARTICLE_A), ("b", ARTICLE_B), ("c", ARTICLE_C)):
            (project / "seeds" / f"{seed}.txt").write_text(text, encoding="utf-8")
        return project

    command = [sys.executable, "-m", "sitegen", "build", "-q", "--project"]
    reference = fresh("reference")
    started = time.perf_counter()
    subprocess.run([*command, str(reference)], check=True, capture_output=True)
    duration = time.perf_counter() - started

    victim = fresh("victim")
    rng = random.Random(20261122)
    for fraction in sorted(rng.uniform(0.5, 1.0) for _ in range(3)):
        process = subprocess.Popen(
            [*command, str(victim)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(duration * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for path in (victim / "content").rglob("*.yaml"):
            parse(path)  # every file is whole: old or new, never half-written
        site = victim / "site"
        if site.exists():
            assert (site / "index.html").is_file()

    subprocess.run([*command, str(victim)], check=True, capture_output=True)
    assert content_bytes(victim) == content_bytes(reference)
    pages = sorted(p.relative_to(victim / "site") for p in (victim / "site").rglob("*.html"))
    assert pages == sorted(
        p.relative_to(reference / "site") for p in (reference / "site").rglob("*.html")
    )
