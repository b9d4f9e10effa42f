"""Hand edits are the truth: a three-way merge of the fact base on every build.

For each object there are three versions: `base`, what the machine produced last time
(the committed snapshot); `current`, the file as it is now (maybe edited by hand); and
`new`, what the machine produces now. A field a person changed (current != base) keeps
their value; an untouched field takes the new machine value. Lists that collect evidence
(citations, aliases, people) merge as sets: what a person removed stays removed, what
they added stays, what the machine newly found is added. An object in the snapshot with
no file was deleted by hand and is not recreated.

Machine objects are matched to snapshot objects by what they contain (citations for
claims, names for people), not by id, so ids stay stable when a statement's wording or
a person's canonical spelling changes with new evidence.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sitegen.factbase.model import status_for
from sitegen.factbase.records import TYPES, Record, Records
from sitegen.factbase.schema import KINDS, Merge, policies
from sitegen.origins import Lines, citation_pairs, links_of
from sitegen.slug import unique_slug


@dataclass
class Outcome:
    """The merged fact base, the snapshot to store with it, and what happened."""

    records: Records = field(default_factory=lambda: {k: {} for k in KINDS})
    snapshot: Records = field(default_factory=lambda: {k: {} for k in KINDS})
    kept_edits: list[str] = field(default_factory=list)  # "claims/x": hand edits kept
    # "claims/x" -> field -> (the machine's value now, the person's): for corrections/
    corrections: dict[str, dict[str, tuple[Any, Any]]] = field(default_factory=dict)
    dropped_citations: int = 0
    emptied_hand_claims: list[str] = field(default_factory=list)


def reconcile(new: Records, current: Records, base: Records, texts: dict[str, str]) -> Outcome:
    """Merge the machine's `new` output into the `current` files, given the `base`
    snapshot and the current article texts (source id -> text) for re-locating quotes."""
    outcome = Outcome()
    _merge_sources(new["sources"], current.get("sources", {}), base.get("sources", {}), outcome)
    person_ids = _merge_people(
        new["people"], current.get("people", {}), base.get("people", {}), outcome
    )
    _merge_claims(
        new["claims"], current.get("claims", {}), base.get("claims", {}), person_ids, texts, outcome
    )
    return outcome


# -- generic three-way merge ---------------------------------------------------------------


def _merge_record(
    kind: str,
    current: Record | None,
    base: Record | None,
    new: Record,
    keys: dict[str, Callable[[Any], Hashable]] | None = None,
    skip: Callable[[str, Any], bool] | None = None,
) -> Record:
    """One object's fields merged by policy; `current` None means no file yet."""
    if current is None:
        return dict(new)
    base = base or {}
    merged = {
        name: _merge_field(kind, name, current, base, new, keys, skip)
        for name in [*current, *(n for n in new if n not in current)]
    }
    return {
        name: value
        for name, value in merged.items()
        if value is not None or _policy(kind, name) is Merge.HAND
    }


def _merge_field(
    kind: str,
    name: str,
    current: Record,
    base: Record,
    new: Record,
    keys: dict[str, Callable[[Any], Hashable]] | None,
    skip: Callable[[str, Any], bool] | None,
) -> Any:
    """One field's value after the merge, by its policy."""
    policy = _policy(kind, name)
    if policy is Merge.HAND:
        return current[name] if name in current else new[name]
    if policy is Merge.MACHINE:
        return new.get(name, current.get(name))
    if policy is Merge.SCALAR:
        return current.get(name) if _edited(current, base, name, kind) else new.get(name)
    return _merge_set(
        current.get(name) or [],
        base.get(name) or [],
        new.get(name) or [],
        (keys or {}).get(name, _identity),
        partial(skip, name) if skip else None,
    )


def _policy(kind: str, name: str) -> Merge:
    """How a field merges, as the model declares it (`schema.Merge`); a field a person
    added (undeclared) is theirs, like a `Merge.HAND` one."""
    return policies(TYPES[kind]).get(name, Merge.HAND)


def _edited(current: Record, base: Record, name: str, kind: str) -> bool:
    return _canonical(kind, name, current.get(name)) != _canonical(kind, name, base.get(name))


def _differs(kind: str, current: Record, base: Record | None) -> bool:
    """True when a person changed the object: the order of a set-like list (citations,
    aliases, people) and the YAML formatting (quoting, folding, key order, a block
    scalar's closing newline) are not edits."""
    base = base or {}
    return any(_edited(current, base, name, kind) for name in {*current, *base})


def _canonical(kind: str, name: str, value: Any) -> Any:
    """A field's value with what a file's formatting or order can change taken out."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {k: _canonical(kind, "", v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(kind, "", v) for v in value]
        if _policy(kind, name) is Merge.SET:
            return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, default=str))
        return items
    return value


def _merge_set(
    current: list[Any],
    base: list[Any],
    new: list[Any],
    key: Callable[[Any], Hashable],
    skip: Callable[[Any], bool] | None,
) -> list[Any]:
    """(current - retracted by the machine) + newly found, in the file's order.
    Items a person removed (in base, not in current) are not added back."""
    base_by_key = {key(item): item for item in base}
    new_by_key = {key(item): item for item in new}
    merged = []
    for item in current:
        k = key(item)
        if k in base_by_key and k not in new_by_key:
            continue  # the machine no longer finds it
        untouched = k in base_by_key and item == base_by_key[k]
        merged.append(new_by_key.get(k, item) if untouched else item)
    present = {key(item) for item in merged}
    for k, item in new_by_key.items():
        if k not in base_by_key and k not in present and not (skip and skip(item)):
            merged.append(item)
            present.add(k)
    return merged


def _identity(item: Any) -> Hashable:
    return item if isinstance(item, Hashable) else repr(item)


def _match(
    new: dict[str, Record], old: dict[str, Record], features: Callable[[Record], set[Hashable]]
) -> dict[str, str]:
    """One-to-one matching of new to old objects by shared features (best overlap first)."""
    index: dict[Hashable, list[str]] = {}
    for old_id, record in old.items():
        for feature in features(record):
            index.setdefault(feature, []).append(old_id)
    candidates = []
    for new_id, record in new.items():
        mine = features(record)
        shared: dict[str, int] = {}
        for feature in mine:
            for old_id in index.get(feature, ()):
                shared[old_id] = shared.get(old_id, 0) + 1
        for old_id, count in shared.items():
            union = len(mine | features(old[old_id]))
            candidates.append((-count / union, new_id != old_id, new_id, old_id))
    matched: dict[str, str] = {}
    used: set[str] = set()
    for _, _, new_id, old_id in sorted(candidates):
        if new_id not in matched and old_id not in used:
            matched[new_id] = old_id
            used.add(old_id)
    return matched


def _retract(
    kind: str,
    current: dict[str, Record],
    base: dict[str, Record],
    matched_old: set[str],
    outcome: Outcome,
) -> None:
    """Snapshot objects the machine no longer produces: an untouched file goes, a
    hand-edited one is kept (and is the person's from now on)."""
    for old_id, record in base.items():
        if old_id in matched_old or old_id not in current:
            continue
        if _differs(kind, current[old_id], record):
            outcome.records[kind][old_id] = current[old_id]
            _note_edits(kind, old_id, current[old_id], record, outcome, {})


def _keep_hand_made(
    kind: str, current: dict[str, Record], base: dict[str, Record], outcome: Outcome
) -> None:
    """Files a person created (never in the snapshot) are theirs: kept as they are."""
    for object_id, record in current.items():
        if object_id not in base and object_id not in outcome.records[kind]:
            outcome.records[kind][object_id] = record


# -- sources -------------------------------------------------------------------------------


def _merge_sources(
    new: dict[str, Record], current: dict[str, Record], base: dict[str, Record], outcome: Outcome
) -> None:
    """Source ids come from file names, so they match by id. An article that is gone
    takes its source with it; a source file deleted by hand stays deleted."""
    for source_id, record in new.items():
        outcome.snapshot["sources"][source_id] = record
        if source_id in base and source_id not in current:
            continue
        merged = _merge_record("sources", current.get(source_id), base.get(source_id), record)
        _note_edits(
            "sources", source_id, current.get(source_id), base.get(source_id), outcome, record
        )
        outcome.records["sources"][source_id] = merged
    for source_id, record in current.items():
        if source_id not in base and source_id not in new:
            outcome.records["sources"][source_id] = record  # made by hand


# -- people --------------------------------------------------------------------------------


def _names(record: Record) -> set[Hashable]:
    return {
        _fold(n) for n in [record.get("name"), *(record.get("aliases") or [])] if isinstance(n, str)
    }


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(folded.lower().split()) or text


def _merge_people(
    new: dict[str, Record], current: dict[str, Record], base: dict[str, Record], outcome: Outcome
) -> dict[str, str | None]:
    """Returns machine person id -> final id (None: the person was deleted by hand)."""
    matched = _match(new, base, _names)
    hand_made = {i: r for i, r in current.items() if i not in base}
    matched.update(_match({i: r for i, r in new.items() if i not in matched}, hand_made, _names))
    taken = set(current) | set(base)
    final_ids: dict[str, str | None] = {}
    for machine_id in sorted(new):
        record = new[machine_id]
        person_id = matched.get(machine_id) or unique_slug(machine_id, taken)
        record = {**record, "id": person_id}
        outcome.snapshot["people"][person_id] = record
        if person_id in base and person_id not in current:
            final_ids[machine_id] = _merged_into(base[person_id], record, current)
            continue
        final_ids[machine_id] = person_id
        _note_edits(
            "people", person_id, current.get(person_id), base.get(person_id), outcome, record
        )
        outcome.records["people"][person_id] = _merge_record(
            "people", current.get(person_id), base.get(person_id), record
        )
    _retract("people", current, base, set(matched.values()), outcome)
    _keep_hand_made("people", current, base, outcome)
    return final_ids


def _merged_into(deleted: Record, record: Record, current: dict[str, Record]) -> str | None:
    """A person deleted by hand whose name another person now lists as an alias was
    merged into that person: references move there."""
    names = _names(deleted) | _names(record)
    for person_id, person in sorted(current.items()):
        if names & _names(person):
            return person_id
    return None


# -- claims --------------------------------------------------------------------------------


def _citation_key(citation: Any) -> Hashable:
    if isinstance(citation, dict):
        return (citation.get("source"), " ".join(str(citation.get("quote", "")).split()))
    return repr(citation)


def _citation_keys(record: Record) -> set[Hashable]:
    return {_citation_key(c) for c in record.get("citations") or []}


def _merge_claims(
    new: dict[str, Record],
    current: dict[str, Record],
    base: dict[str, Record],
    person_ids: dict[str, str | None],
    texts: dict[str, str],
    outcome: Outcome,
) -> None:
    matched = _match(new, base, _citation_keys)
    taken = set(current) | set(base)
    claim_ids = {
        machine_id: matched.get(machine_id) or unique_slug(machine_id, taken)
        for machine_id in sorted(new)
    }
    pinned = _hand_placed_citations(current, base)
    sources = set(outcome.records["sources"])
    lines = Lines.of({i: links_of(r) for i, r in outcome.records["sources"].items()})
    settled: set[str] = set()
    for machine_id in sorted(new):
        claim_id = claim_ids[machine_id]
        record = _renamed(new[machine_id], claim_id, person_ids, claim_ids)
        outcome.snapshot["claims"][claim_id] = record
        if claim_id in base and claim_id not in current:
            continue  # deleted by hand: stays deleted
        cur, old = current.get(claim_id), base.get(claim_id)
        merged = _merge_record(
            "claims",
            cur,
            old,
            record,
            keys={"citations": _citation_key},
            skip=partial(_pinned_elsewhere, pinned, claim_id),
        )
        if cur is None:  # a new claim does not take citations a person put elsewhere
            merged["citations"] = [
                c
                for c in merged.get("citations") or []
                if pinned.get(_citation_key(c), claim_id) == claim_id
            ]
        _note_edits("claims", claim_id, cur, old, outcome, record)
        owner = _Ownership(
            edited=cur is not None and _differs("claims", cur, old),
            status_edited=cur is not None and _edited(cur, old or {}, "status", "claims"),
            disputed=record.get("status") == "disputed",
        )
        _settle_claim(claim_id, merged, owner, texts, sources, lines, outcome)
        settled.add(claim_id)
    _retract("claims", current, base, set(matched.values()), outcome)
    _keep_hand_made("claims", current, base, outcome)
    for claim_id in sorted(set(outcome.records["claims"]) - settled):
        owner = _Ownership(edited=True, status_edited=True, disputed=False)
        _settle_claim(
            claim_id, outcome.records["claims"][claim_id], owner, texts, sources, lines, outcome
        )


@dataclass(frozen=True)
class _Ownership:
    edited: bool  # a person changed the claim (or made it)
    status_edited: bool  # ... its status in particular
    disputed: bool  # the machine found conflicting claims


def _hand_placed_citations(
    current: dict[str, Record], base: dict[str, Record]
) -> dict[Hashable, str]:
    """Citations a person put into a claim (moved there, or in a claim they split off):
    they stay in that claim and are not added to another one."""
    pinned = {}
    for claim_id, record in current.items():
        before = _citation_keys(base.get(claim_id, {}))
        for key in _citation_keys(record) - before:
            pinned[key] = claim_id
    return pinned


def _pinned_elsewhere(pinned: dict[Hashable, str], claim_id: str, name: str, item: Any) -> bool:
    """A citation a person placed in another claim: `claim_id` does not take it."""
    return name == "citations" and pinned.get(_citation_key(item), claim_id) != claim_id


def _renamed(
    record: Record, claim_id: str, person_ids: dict[str, str | None], claim_ids: dict[str, str]
) -> Record:
    """A machine claim with its ids replaced by the final person and claim ids."""
    renamed = dict(record)
    renamed["id"] = claim_id
    renamed["people"] = list(
        dict.fromkeys(pid for p in record.get("people") or [] if (pid := person_ids.get(p, p)))
    )
    speaker = record.get("speaker")
    if speaker in person_ids:
        renamed["speaker"] = person_ids[speaker]
    if record.get("conflicts"):
        renamed["conflicts"] = [claim_ids.get(c, c) for c in record["conflicts"]]
    if record.get("updates"):
        renamed["updates"] = [claim_ids.get(c, c) for c in record["updates"]]
    if record.get("differs"):
        renamed["differs"] = {claim_ids.get(c, c): what for c, what in record["differs"].items()}
    return renamed


def _settle_claim(
    claim_id: str,
    record: Record,
    owner: _Ownership,
    texts: dict[str, str],
    sources: set[str],
    lines: Lines,
    outcome: Outcome,
) -> None:
    """Re-locate citations in the current article texts; a machine claim left with no
    citation goes, a hand-edited one stays (and `sitegen check` reports it). Its
    independent origins are counted again from the files as they now are (a person
    may have moved a citation or filled in a source's publisher)."""
    citations = []
    for citation in record.get("citations") or []:
        located = _relocate(citation, texts, sources)
        if located is None:
            outcome.dropped_citations += 1
        else:
            citations.append(located)
    record = {**record, "citations": citations}
    outcome.records["claims"].pop(claim_id, None)
    if not citations:
        if owner.edited:
            outcome.records["claims"][claim_id] = record
            outcome.emptied_hand_claims.append(claim_id)
        return
    independent = max(lines.count(citation_pairs(citations)), 1)
    record["independent_sources"] = independent
    if not owner.status_edited:
        record["status"] = status_for(independent, owner.disputed)
    outcome.records["claims"][claim_id] = record


def _relocate(citation: Any, texts: dict[str, str], sources: set[str]) -> Any:
    """The citation with offsets that index its quote in the current text, or None when
    its source or its words are gone."""
    if not isinstance(citation, dict):
        return citation
    source, quote = citation.get("source"), citation.get("quote")
    if source not in sources:
        return None
    text = texts.get(source)
    if text is None or not isinstance(quote, str):
        return citation  # a hand-made source without an article: `check` reports it
    start = citation.get("start")
    if isinstance(start, int) and text[start : start + len(quote)] == quote:
        return citation
    positions = _occurrences(text, quote)
    if not positions:
        return None
    near = min(positions, key=lambda p: abs(p - start) if isinstance(start, int) else p)
    return {**citation, "start": near, "end": near + len(quote)}


def _occurrences(text: str, quote: str) -> list[int]:
    if not quote:
        return []
    found, position = [], text.find(quote)
    while position != -1:
        found.append(position)
        position = text.find(quote, position + 1)
    return found


def _note_edits(
    kind: str,
    object_id: str,
    current: Record | None,
    base: Record | None,
    outcome: Outcome,
    new: Record,
) -> None:
    """A kept edit, and each edited field with the machine's value now beside the
    person's (`new` is {} when the machine no longer makes the object)."""
    if current is not None and base is not None and _differs(kind, current, base):
        outcome.kept_edits.append(f"{kind}/{object_id}")
        outcome.corrections[f"{kind}/{object_id}"] = {
            name: (new.get(name), current.get(name))
            for name in dict.fromkeys([*current, *base])
            if name != "id" and _edited(current, base, name, kind)
        }
