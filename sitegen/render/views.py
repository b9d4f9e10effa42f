"""What the templates show: the fact base with its references resolved and ordered.

Content that was not validated may hold dangling ids, stale citations or a missing
article; each is reported as a warning and left out, so the site still renders.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import TypeVar

from sitegen.config import Config, normalize_base_url
from sitegen.errors import ConfigError, InputError, Location
from sitegen.factbase.model import Citation, Claim, FactBase, Page, Person, Source
from sitegen.frontmatter import split_front_matter
from sitegen.origins import SHARED_LABEL, Lines
from sitegen.paths import Articles, article_path
from sitegen.render import corrections
from sitegen.render.corrections import Correction
from sitegen.render.links import is_safe_id, passage_anchor
from sitegen.render.passages import (
    Article,
    Excerpt,
    Passage,
    citation_matches,
    excerpt,
    segment,
)
from sitegen.render.provenance import (
    Kind,
    Origin,
    claim_origins,
    outlet,
    shared_origins,
    short_names,
    source_kind,
)
from sitegen.reporter import Reporter
from sitegen.textio import read_article

T = TypeVar("T")
TITLE_PARAGRAPHS = 4  # paragraphs searched for a title taken from the first sentence


@dataclass
class SiteInfo:
    title: str
    description: str
    language: str
    base_url: str  # "" or an absolute URL ending in "/"
    per_page: int  # items on each page of a list
    feed_limit: int  # entries in the feed, 0 for all


@dataclass(slots=True)  # slots: one per citation, 250,000 at 10,000 articles
class CitationView:
    citation: Citation
    source: Source
    anchor: str | None  # None when the passage is not highlighted on the source page
    article: Article[ClaimRef] | None = field(default=None, repr=False)  # when it matches
    about: SourceView | None = field(default=None, repr=False)  # its outlet, kind, ...

    @property
    def headline(self) -> bool:
        """The passage is its article's headline (a count read from it): a reader
        weighs a headline's few words apart from the story's sentences."""
        return " ".join(self.citation.quote.split()) == self.source.title

    @property
    def excerpt(self) -> Excerpt | None:
        """The quote within its paragraph, when the text matches: cut each time a page
        shows it, never kept (kept, they add up with every page a large site renders)."""
        if self.article is None:
            return None
        citation = self.citation
        return excerpt(self.article.text, citation.start, citation.end, self.article.spans)


@dataclass(slots=True)
class ClaimView:
    claim: Claim
    citations: list[CitationView]
    people: list[Person]
    speaker: Person | None  # set when `claim.speaker` is a known person's id
    conflicts: list[ClaimView] = field(init=False, default_factory=list)  # the rival claims
    speaker_name: str | None = field(init=False)
    source_count: int = field(init=False)
    independent: int | None = field(init=False)  # independent origins, when computed
    origin_names: list[str] = field(default_factory=list)  # the named ones: ["Reuters"]
    strength: int = field(init=False)  # what "strongest first" sorts by
    figure_fields: list[str] = field(init=False)  # optional Figure fields some figure fills
    by_source: dict[str, CitationView] = field(init=False)  # each source's first citation
    origins: list[Origin] = field(init=False, default_factory=list)  # independent origins
    _shows: frozenset[str] | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.speaker_name = self.speaker.name if self.speaker else self.claim.speaker
        self.by_source = {}
        for cite in self.citations:
            self.by_source.setdefault(cite.source.id, cite)
        self.source_count = len(self.by_source)
        self.independent = self.claim.independent_sources
        self.strength = self.source_count if self.independent is None else self.independent
        self.figure_fields = [
            name
            for name in ("unit", "counts", "qualifier")
            if any(getattr(f, name) for f in self.claim.figures)
        ]

    @property
    def shows(self) -> frozenset[str]:
        """The keys of what its pages show of it: asked by the dev server only."""
        if self._shows is None:
            self._shows = self._shown_keys()
        return self._shows

    def _shown_keys(self) -> frozenset[str]:
        claim = self.claim
        return frozenset(
            [
                f"claims/{claim.id}",
                *(f"people/{p}" for p in claim.people),
                *([f"people/{claim.speaker}"] if claim.speaker else []),
                *(f"sources/{s}" for s in claim.source_ids),  # unknown ones too
                # the originals its sources copy: named in "copy of …" beside them
                *(
                    f"sources/{o.id}"
                    for c in self.citations
                    if c.about
                    for o in c.about.derived_from
                ),
                *(f"claims/{c}" for c in claim.conflicts),
            ]
        )


@dataclass(eq=False, slots=True)
class ClaimRef:
    """A claim citing a source, numbered in reading order on that source's page."""

    number: int
    claim: Claim
    anchors: list[str] = field(default_factory=list)  # its passages shown on the page


@dataclass
class SourceView:
    source: Source
    claims: list[ClaimRef]
    article: Article[ClaimRef] | None  # None when the article file cannot be read
    derived_from: list[Source] = field(default_factory=list)  # the sources it copies
    copied_by: list[Source] = field(default_factory=list)  # the sources that copy it
    name: str = ""  # short and unique in the story: the outlet, else the title's start
    outlet: str | None = None  # publisher, else the host of its URL
    kind: Kind = field(default_factory=lambda: Kind("original", "Original reporting"))
    title_is_cut: bool = False  # no headline known: the title is its first sentence


@dataclass(slots=True)
class PersonSource:
    """A source that names a person, or that backs a claim about them."""

    source: Source
    mentions: int  # times the name or an alias occurs in the article text
    claims: int  # the person's claims and quotes citing it


@dataclass
class PersonView:
    person: Person
    quotes: list[ClaimView]  # quotes spoken by the person
    claims: list[ClaimView]  # other claims about the person
    # `sources`, or what makes them the first time they are asked for
    _sources: list[PersonSource] | Callable[[], list[PersonSource]] = field(
        repr=False, compare=False
    )

    @property
    def sources(self) -> list[PersonSource]:
        """The sources that name the person or back a claim about them, most mentions
        first. Worked out when first asked for: counting the mentions scans every
        article for every name, which a theme that never shows them (a minimal one)
        should not pay for before its first page is drawn."""
        if callable(self._sources):
            self._sources = self._sources()
        return self._sources


@dataclass
class SiteViews:
    site: SiteInfo
    claims: list[ClaimView]  # strongest first (independent sources, else sources)
    people: list[PersonView]  # by name
    sources: list[SourceView]  # by date, undated last
    pages: list[Page]  # by slug
    corrections: list[Correction] = field(default_factory=list)  # hand edits, newest first


def build_views(
    config: Config,
    base: FactBase,
    reporter: Reporter,
    read: Callable[[Path], tuple[str, str]] = read_article,
) -> SiteViews:
    """`read` gives an article's (text, sha256): the dev server's keeps them parsed."""
    return _ViewBuilder(config, base, reporter, read).build()


def story_title(config: Config, base: FactBase, cut: frozenset[str] = frozenset()) -> str:
    """The configured title, else the headline most sources share (the first on a tie),
    a real headline rather than a title cut from a first sentence (source ids `cut`)."""
    if config.title:
        return config.title
    titles = Counter(
        base.sources[sid].title
        for sid in sorted(base.sources, key=lambda sid: (sid in cut, sid))
        if base.sources[sid].title
    )
    return titles.most_common(1)[0][0] if titles else config.root.name  # ties: first seen


class _ViewBuilder:
    def __init__(
        self,
        config: Config,
        base: FactBase,
        reporter: Reporter,
        read: Callable[[Path], tuple[str, str]],
    ) -> None:
        self.config = config
        self.reporter = reporter
        self.read = read
        self.inside = Articles(config.root, config.seeds)  # one resolve per folder
        self.base = base
        try:
            self.base_url = normalize_base_url(config.base_url)
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        self.texts: dict[str, tuple[str, int]] = {}  # source id -> (text, body start)
        self.citing: dict[str, list[Claim]] = defaultdict(list)  # source id -> claims
        self.sources = self._safe("source", base.sources)
        self.people = self._safe("person", base.people)
        self.claims = self._safe("claim", base.claims)
        self.pages = self._safe("page", base.pages)
        self.lines = Lines.of_sources(self.sources.values())

    def build(self) -> SiteViews:
        for claim in self.claims.values():
            for source_id in claim.source_ids:
                self.citing[source_id].append(claim)
        sources = {sid: self._source_view(source) for sid, source in self.sources.items()}
        claims = self._claim_views(sources)
        self._link_copies(sources)
        self._identify(sources, claims)
        cut = frozenset(sid for sid, view in sources.items() if view.title_is_cut)
        self.title = story_title(self.config, self.base, cut)
        people = self._person_views(claims)
        return SiteViews(
            site=SiteInfo(
                self.title,
                self.config.description,
                self.config.language,
                self.base_url,
                self.config.per_page,
                self.config.feed_limit,
            ),
            claims=claims,
            people=people,
            sources=sorted(
                sources.values(),
                key=lambda view: (view.source.date is None, view.source.date or "", view.source.id),
            ),
            pages=[self.pages[slug] for slug in sorted(self.pages)],
            corrections=corrections.load(self.config.content, self.base),
        )

    def _claim_views(self, sources: dict[str, SourceView]) -> list[ClaimView]:
        """Every claim's view, strongest first, each linked to its rivals' views."""
        claims = [self._claim_view(claim, sources) for claim in self.claims.values()]
        by_id = {view.claim.id: view for view in claims}
        for view in claims:  # linked once all exist: a claim page shows its rivals' evidence
            view.conflicts = self._resolve(
                view.claim,
                "conflicting claim",
                [c for c in view.claim.conflicts if c != view.claim.id],
                by_id,
            )
        claims.sort(key=lambda view: (-view.strength, -view.source_count, view.claim.id))
        return claims

    def _person_views(self, claims: list[ClaimView]) -> list[PersonView]:
        """Every person's view, by name: the quotations they said, the claims about them."""
        mentions = _Mentions(self.people, self.sources, self.texts)
        quotes_by: dict[str, list[ClaimView]] = defaultdict(list)
        about: dict[str, list[ClaimView]] = defaultdict(list)
        for view in claims:
            speaker = view.claim.speaker if view.claim.kind == "quote" else None
            if speaker:
                quotes_by[speaker].append(view)
            for person_id in dict.fromkeys(view.claim.people):
                if person_id != speaker:
                    about[person_id].append(view)
        people = [
            PersonView(
                person,
                quotes_by[person.id],
                about[person.id],
                partial(
                    _person_sources,
                    self.sources,
                    quotes_by[person.id],
                    about[person.id],
                    partial(mentions.of, person.id),
                ),
            )
            for person in self.people.values()
        ]
        people.sort(key=lambda view: (view.person.name.casefold(), view.person.id))
        return people

    def _safe(self, kind: str, objects: dict[str, T]) -> dict[str, T]:
        """The objects whose id can name a folder of the site, sorted by id."""
        kept = {}
        for object_id in sorted(objects):
            if is_safe_id(object_id):
                kept[object_id] = objects[object_id]
            else:
                self.reporter.warning(f"{kind} id {object_id!r} cannot be a page name; skipped")
        return kept

    def _claim_file(self, claim: Claim) -> Location:
        return Location(self.config.content / "claims" / f"{claim.id}.yaml")

    def _source_view(self, source: Source) -> SourceView:
        citing = sorted(
            self.citing[source.id],
            key=lambda claim: (
                min(c.start for c in claim.citations if c.source == source.id),
                claim.id,
            ),
        )
        refs = {claim.id: ClaimRef(number, claim) for number, claim in enumerate(citing, 1)}
        try:
            path = article_path(
                self.config.root, self.config.seeds, source.file, within=self.inside
            )
            text, _digest = self.read(path)
        except InputError as exc:
            self.reporter.warning(
                f"{exc.message}; source '{source.id}' is shown without its text", exc.location
            )
            return SourceView(source, list(refs.values()), None)
        body_start = split_front_matter(text).body_start
        self.texts[source.id] = (text, body_start)
        passages = self._passages(source, text, citing, refs)
        article = segment(text, passages, body_start)
        shown = article.anchors
        for passage in passages:
            if passage.anchor in shown:
                for ref in passage.refs:
                    ref.anchors.append(passage.anchor)
            else:
                cited_by = ", ".join(f"'{ref.claim.id}'" for ref in passage.refs)
                self.reporter.warning(
                    f"{source.file} at {passage.start}-{passage.end}, cited by claim "
                    f"{cited_by}, is not part of the article text shown; not highlighted",
                    Location(self.config.root / source.file),
                )
        return SourceView(source, list(refs.values()), article)

    def _passages(
        self, source: Source, text: str, citing: list[Claim], refs: dict[str, ClaimRef]
    ) -> list[Passage[ClaimRef]]:
        """One passage per cited span that still matches the text; warns about the rest."""
        by_span: defaultdict[tuple[int, int], dict[str, ClaimRef]] = defaultdict(dict)
        for claim in citing:
            for citation in claim.citations:
                if citation.source != source.id:
                    continue
                if not citation_matches(text, citation):
                    self.reporter.warning(
                        f"claim '{claim.id}': the quote at {citation.start}-{citation.end} "
                        f"no longer matches the text of {source.file}; shown without highlight",
                        self._claim_file(claim),
                    )
                else:
                    by_span[(citation.start, citation.end)][claim.id] = refs[claim.id]
        return [
            Passage(start, end, tuple(span_refs.values()))
            for (start, end), span_refs in sorted(by_span.items())
        ]

    def _claim_view(self, claim: Claim, sources: dict[str, SourceView]) -> ClaimView:
        citations = []
        for citation in claim.citations:
            view = sources.get(citation.source)
            if view is None:
                self.reporter.warning(
                    f"claim '{claim.id}' cites unknown source '{citation.source}'",
                    self._claim_file(claim),
                )
                continue
            anchor = passage_anchor(citation.start, citation.end)
            article = view.article
            shown = article is not None and anchor in article.anchors
            matches = article is not None and citation_matches(article.text, citation)
            citations.append(
                CitationView(
                    citation,
                    view.source,
                    anchor if shown else None,
                    article if matches else None,
                    view,
                )
            )
        return ClaimView(
            claim=claim,
            citations=citations,
            people=self._resolve(claim, "person", claim.people, self.people),
            speaker=self.people.get(claim.speaker) if claim.speaker else None,
            origin_names=self._origin_names(claim),
        )

    def _origin_names(self, claim: Claim) -> list[str]:
        """A name for each independent origin the claim traces to that has one: the
        outlet a passage credits, else its source's publisher."""
        names = []
        pairs = [(c.source, c.origin) for c in claim.citations]
        for group in self.lines.groups(pairs):
            credited = [claim.citations[i].origin for i in group]
            named = [o for o in credited if o and not o.startswith(SHARED_LABEL)]
            publishers = [
                s.publisher or s.id
                for sid in dict.fromkeys(claim.citations[i].source for i in group)
                if (s := self.sources.get(sid))
            ]
            if named:
                names.append(named[0])
            elif len(publishers) > 1 and any(credited):  # one text several outlets print
                names.append(f"text shared by {', '.join(publishers[:-1])} and {publishers[-1]}")
            elif publishers and self.sources[claim.citations[group[0]].source].publisher:
                names.append(publishers[0])
        return list(dict.fromkeys(names))

    def _link_copies(self, sources: dict[str, SourceView]) -> None:
        """Resolve `derived_from` both ways; an unknown id is reported and left out."""
        for view in sources.values():
            for original in dict.fromkeys(view.source.derived_from):
                if original in sources and original != view.source.id:
                    view.derived_from.append(sources[original].source)
                    sources[original].copied_by.append(view.source)
                else:
                    self.reporter.warning(
                        f"source '{view.source.id}' is derived from unknown source '{original}'",
                        Location(self.config.content / "sources" / f"{view.source.id}.yaml"),
                    )

    def _identify(self, sources: dict[str, SourceView], claims: list[ClaimView]) -> None:
        """Each source's outlet, short name and kind; each claim's independent origins."""
        known = {sid: view.source for sid, view in sources.items()}
        names = short_names(known.values())
        shared = shared_origins(known.values())
        for view in sources.values():
            source = view.source
            citations = [
                c for ref in view.claims for c in ref.claim.citations if c.source == source.id
            ]
            view.name, view.outlet = names[source.id], outlet(source)
            view.kind = source_kind(source, names, shared, citations)
            view.title_is_cut = source.title_from == "first-sentence" or (
                source.title_from is None
                and _title_is_cut(source.title, *self.texts.get(source.id, ("", 0)))
            )
        for claim in claims:
            claim.origins = claim_origins(claim.claim.citations, known, names, self.lines)

    def _resolve(self, claim: Claim, kind: str, ids: list[str], known: dict[str, T]) -> list[T]:
        found = []
        for object_id in dict.fromkeys(ids):
            if object_id in known:
                found.append(known[object_id])
            else:
                self.reporter.warning(
                    f"claim '{claim.id}' names unknown {kind} '{object_id}'",
                    self._claim_file(claim),
                )
        return found


class _Mentions:
    """How often each person's name or alias occurs in each source, counted for every
    person at once the first time one is asked for (`PersonView.sources`)."""

    def __init__(
        self,
        people: dict[str, Person],
        sources: dict[str, Source],
        texts: dict[str, tuple[str, int]],
    ) -> None:
        self._people = people
        self._sources = sources
        self._texts = texts  # source id -> (text, body start), filled by the views
        self._found: dict[str, Counter[str]] | None = None

    def of(self, person_id: str) -> Counter[str]:
        """Source id -> mentions of the person; shared: never change it."""
        if self._found is None:
            self._found = self._count()
        return self._found.get(person_id) or Counter()

    def _count(self) -> dict[str, Counter[str]]:
        """One scan of each article for all the names at once, the longest name
        winning at a position."""
        owners: dict[str, list[str]] = defaultdict(list)
        for person in self._people.values():
            for name in {n for n in (person.name, *person.aliases) if n.strip()}:
                owners[name].append(person.id)
        texts = tuple(
            (source_id, *self._texts.get(source_id, ("", 0))) for source_id in self._sources
        )
        return _mentions(tuple((name, tuple(ids)) for name, ids in owners.items()), texts)


def _person_sources(
    sources: dict[str, Source],
    quotes: list[ClaimView],
    about: list[ClaimView],
    mentions: Callable[[], Counter[str]],
) -> list[PersonSource]:
    """A person's sources (`PersonView.sources`): those their quotes and the claims
    about them cite, and those that name them."""
    named = mentions()
    citing = Counter(source_id for view in (*quotes, *about) for source_id in view.claim.source_ids)
    found = [
        PersonSource(sources[source_id], named[source_id], citing[source_id])
        for source_id in named.keys() | citing.keys()
        if source_id in sources
    ]
    found.sort(key=lambda ps: (-ps.mentions, -ps.claims, ps.source.id))
    return found


def _title_is_cut(title: str, text: str, body_start: int) -> bool:
    """Whether the title was taken from the article's first sentence rather than being
    a headline of its own: a paragraph near the top holds it and goes on after it, or
    it was shortened ("…") from one."""
    words = " ".join(title.split()).rstrip("…").strip()
    paragraphs = (" ".join(p.split()) for p in text[body_start:].split("\n\n"))
    for flat in [p for p in paragraphs if p][:TITLE_PARAGRAPHS]:
        at = flat.find(words)
        if at >= 0:
            return title.endswith("…") or bool(flat[at + len(words) :].strip())
    return False


@lru_cache(maxsize=2)  # the dev server asks again after every edit, mostly the same
def _mentions(
    owners: tuple[tuple[str, tuple[str, ...]], ...], texts: tuple[tuple[str, str, int], ...]
) -> dict[str, Counter[str]]:
    """Person id -> source id -> mentions, for names with their owners and the texts
    (source id, text, body start). The result is shared: never change it."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    if not owners:
        return counts
    by_name = dict(owners)
    pattern = _names_pattern(frozenset(by_name))
    for source_id, text, body_start in texts:
        for match in pattern.finditer(text, body_start):
            for person_id in by_name[match.group(0)]:
                counts[person_id][source_id] += 1
    return dict(counts)


@lru_cache(maxsize=4)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """Any of `names` as a whole word (not inside a longer word)."""
    return re.compile(r"(?<!\w)(?:" + _trie_pattern(names) + r")(?!\w)")


def forget() -> None:
    """Let go of what is kept for the dev server's next edit (the articles' texts with
    the names found in them): a one-shot render has no next edit."""
    _mentions.cache_clear()
    _names_pattern.cache_clear()


def _trie_pattern(names: Iterable[str]) -> str:
    """A regex for any of `names`, the longest matching one first. The names share
    their prefixes (a trie), so at each position the engine follows one branch instead
    of trying a thousand names in turn."""
    trie: dict[str, dict] = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [
        re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: a longer name wins
