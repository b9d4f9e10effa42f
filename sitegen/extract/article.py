"""Extraction from one article: people mentioned, quotations with speakers, figures, events.

The article's prose blocks are parsed by spaCy one block at a time (offsets are block
start + token offset, so every span indexes the article text). Two passes: the first
collects name mentions and decides which names are people in this article (a vote over
all their occurrences); the second reads sentences in order through a discourse model,
so that "he said" and "the governor" resolve to the person meant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from sitegen.extract.attribution import Attribution, attribute, speaker_of
from sitegen.extract.credits import dateline_credit, resolved, sentence_credits
from sitegen.extract.discourse import Discourse, Entity
from sitegen.extract.figures import figures
from sitegen.extract.headlines import counted_part, headline_counts
from sitegen.extract.lexicon import DOCUMENT_NOUNS, ORG_NOUNS, PLACE_TAILS, SPEECH_VERBS
from sitegen.extract.mentions import (
    article_people,
    cut_common_plurals,
    join_given_titles,
    mark_common_words,
    sentence_mentions,
    surname_mentions,
    titles_used_as_names,
)
from sitegen.extract.names import fold, name_parts
from sitegen.extract.params import current
from sitegen.extract.quantities import of_another_time, with_quantities
from sitegen.extract.quotes import QuoteSpan, continued_quote, disjoint, find_quotes
from sitegen.extract.records import ArticleFacts, Credit, FactCandidate, NameMention
from sitegen.extract.statements import (
    DATE_PREFIX,
    DISCOURSE_OPENERS,
    add_features,
    clauses,
    clean_statement,
    is_checkable,
)
from sitegen.extract.syntax import is_subject, root_subject
from sitegen.extract.view import children_of, sharing, text_of, tokens_of
from sitegen.factbase.model import Figure
from sitegen.furniture import is_furniture
from sitegen.ingest import Article, Block

__all__ = ["DATE_PREFIX", "clean_statement", "extract_article"]

_PERSONAL = {"he", "she", "they", "him", "them", "his", "her", "their"}
_DEMONSTRATIVE = {"this", "that", "these", "those"}
_CLOSING = "”’\"' )"


@dataclass
class _Block:
    """One prose block, parsed, with its quotation marks and name mentions."""

    block: Block
    doc: Doc
    marks: list[QuoteSpan]
    mentions: list[list[tuple[Span, NameMention]]]  # per sentence
    sentences: list[Span]  # `doc.sents`, found once: each pass over them walks the doc

    @property
    def quoted(self) -> list[tuple[int, int]]:
        """Doc-relative character ranges inside quotation marks."""
        return [(q.start - self.block.start, q.end - self.block.start) for q in self.marks]


@dataclass
class _Carry:
    """What one block leaves for the next: an introduced quotation, the last speaker."""

    intro: Attribution | None = None  # "X told reporters:" ending the previous block
    speaker: Attribution | None = None  # who was quoted last in the previous block
    facts: list[FactCandidate] = field(default_factory=list)


class ParagraphError(Exception):
    """An unexpected error while reading the paragraph at article offset `start`."""

    def __init__(self, start: int) -> None:
        super().__init__(f"in the paragraph at offset {start}")
        self.start = start


@contextmanager
def _paragraph(block: Block) -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        raise ParagraphError(block.start) from exc


def extract_article(article: Article, docs: Iterable[Doc]) -> ArticleFacts:
    """Facts of `article`, given one parsed Doc per block of `parsed_blocks(article)`:
    its prose blocks in order, its list items, then its headline when that is parsed."""
    docs = list(docs)
    prose, items = len(article.prose), len(article.items)
    headline = docs.pop() if len(docs) > prose + items else None
    with sharing():  # the rules share one list of each Doc's tokens
        result = _article_facts(article, docs[:prose])
        for block, doc in zip(article.items, docs[prose:], strict=True):
            with _paragraph(block):
                result.mentions += [
                    m for s in doc.sents for _, m in sentence_mentions(s, block.start, [])
                ]
        if headline is not None and article.headline is not None:
            result.facts.extend(_headline_facts(article, article.headline, headline))
        return result


def _headline_facts(article: Article, block: Block, doc: Doc) -> list[FactCandidate]:
    """The headline's counts ("One dead, four hurt in …", `headline_counts`), each
    headline sentence that states one a fact citing the headline; nothing else of it
    (no one is quoted or named in a headline the way the prose does it)."""
    facts = []
    for sentence in doc.sents:
        counts = headline_counts(sentence)
        if counts:
            fact = _candidate(article, counted_part(sentence), block.start, {}, counts)
            fact.headline = True
            facts.append(fact)
    return facts


def _article_facts(article: Article, docs: Iterable[Doc]) -> ArticleFacts:
    blocks = _read_marks(article, docs)
    result = ArticleFacts(source=article.id)
    result.mentions = [m for b in blocks for sentence in b.mentions for _, m in sentence]
    prose = " ".join(text_of(b.doc) for b in blocks)
    cut_common_plurals(result.mentions, prose)
    given = titles_used_as_names(s for b in blocks for s in b.sentences)
    join_given_titles(result.mentions, article.text, given)
    mark_common_words(result.mentions, prose)
    people = article_people(result.mentions)
    surnames = {fold(name_parts(n)[0][-1]) for n in people if len(name_parts(n)[0]) >= 2}
    result.mentions += [
        m
        for b in blocks
        for s in b.sentences
        for m in surname_mentions(s, b.block.start, b.quoted, surnames)
        if not is_furniture(text_of(s))
    ]
    result.mentions.sort(key=lambda m: m.start)
    result.credits = article_credits(article.text, blocks)
    discourse = Discourse(people)
    carry = _Carry()
    for parsed in blocks:
        with _paragraph(parsed.block):
            carry = _read_block(article, parsed, discourse, carry)
        result.facts.extend(carry.facts)
    _other_events_uncounted(result.facts, blocks, article.date)
    result.facts = _said_once(result.facts)
    return result


def _said_once(facts: list[FactCandidate]) -> list[FactCandidate]:
    """The facts but a repeat of an earlier one's very words: a page that prints its
    opening paragraph twice (a summary above the story) says it once."""
    seen: set[str] = set()
    kept = []
    for fact in facts:
        words = " ".join(fact.text.split())
        if words not in seen:
            seen.add(words)
            kept.append(fact)
    return kept


def _other_events_uncounted(
    facts: list[FactCandidate], blocks: list[_Block], date: str | None
) -> None:
    """Counts in sentences dated to an earlier year count another event ("the worst
    shooting in city history was in 2015, when two people were killed") when the article
    counts the same quantity elsewhere too; alone, they are the story's own, told later
    ("a jury found him guilty in a 2014 shooting that left one person dead")."""
    earlier = [
        (parsed.block.start + s.start_char, parsed.block.start + s.end_char)
        for parsed in blocks
        for s in parsed.sentences
        if of_another_time(s, date)
    ]
    if not earlier:
        return
    dated = [f for f in facts if any(a <= f.start and f.end <= b for a, b in earlier)]
    apart = {id(f) for f in dated}
    counted_now = {g.quantity for f in facts if id(f) not in apart for g in f.figures}
    counted_now.discard(None)
    for fact in dated:
        fact.figures = [
            replace(g, quantity=None, increment=False) if g.quantity in counted_now else g
            for g in fact.figures
        ]


def _read_marks(article: Article, docs: Iterable[Doc]) -> list[_Block]:
    """Each prose block with its quotation marks (a quotation left open runs on into the
    next block) and the name mentions of each of its sentences."""
    blocks: list[_Block] = []
    for block, doc in zip(article.prose, docs, strict=True):
        with _paragraph(block):
            marks = find_quotes(article.text, block.start, block.end)
            if blocks and blocks[-1].marks and not blocks[-1].marks[-1].closed:
                marks = continued_quote(article.text, block.start, block.end) + marks
            marks = disjoint(marks, block.start, block.end)
            parsed = _Block(block, doc, marks, [], list(doc.sents))
            parsed.mentions = [
                [] if is_furniture(text_of(s)) else sentence_mentions(s, block.start, parsed.quoted)
                for s in parsed.sentences
            ]
        blocks.append(parsed)
    return blocks


def article_credits(text: str, blocks: list[_Block]) -> list[Credit]:
    """Every outlet credit in the article's prose, and its dateline's, in text order."""
    found = [c for b in blocks for s in b.sentences for c in sentence_credits(s, b.block.start)]
    dateline = dateline_credit(text)
    return resolved([dateline, *found] if dateline is not None else found)


def _read_block(article: Article, parsed: _Block, discourse: Discourse, carry: _Carry) -> _Carry:
    discourse.new_paragraph()
    reader = _BlockReader(article, parsed, discourse, parsed.sentences)
    opens_with_pronoun = bool(reader.sentences) and (
        _opening_reference(reader.sentences[0]) is not None
    )
    if (
        carry.intro is not None
        and not (parsed.marks and parsed.marks[0].start == parsed.block.start)
        and (parsed.marks or not opens_with_pronoun)  # "He was hit …": the narrative
    ):
        # a paragraph not opening with a quotation mark after "X wrote:" is a block quote
        # by X; its words are X's, not the narrative's, so they stay out of the discourse.
        # Without quotation marks it is X's statement, not a quotation: a quotation is
        # what the text quotes
        span = _trimmed(article.text, parsed.block.start, parsed.block.end)
        fact = _quote_fact(article, parsed, span, None, carry.intro)
        if not parsed.marks:
            fact.kind, fact.quote = "event", None
        return _Carry(speaker=carry.intro, facts=[fact])
    return reader.read(carry)


@dataclass
class _BlockReader:
    """Reads one block sentence by sentence: quotations with their speakers, then the
    checkable statements among the other sentences."""

    article: Article
    parsed: _Block
    discourse: Discourse
    sentences: list[Span]
    refs: dict[int, Entity] = field(default_factory=dict)  # token index -> entity
    done: int = 0  # sentences read into the discourse model
    spoke: int = -2  # the last sentence whose speaker is `out.speaker`
    out: _Carry = field(default_factory=_Carry)
    continued: set[int] = field(default_factory=set)  # starts of a quotation's later parts

    def read_upto(self, last: int) -> None:
        while self.done <= min(last, len(self.sentences) - 1):
            number = self.done
            self.refs.update(
                self.discourse.read(
                    self.sentences[number], self.parsed.mentions[number], self.parsed.quoted
                )
            )
            self.done += 1

    def read(self, carry: _Carry) -> _Carry:
        text, offset = self.article.text, self.parsed.block.start
        groups = _quote_groups(self.parsed.marks, text, self._attribution_gap)
        short = [g for g in groups if not _is_quotation(g, text)]
        groups = [g for g in groups if g not in short]
        self.continued = {q.start for g in groups for q in g[1:]}
        used: set[int] = set()
        for number, sentence in enumerate(self.sentences):
            self.read_upto(number)
            if number in used:
                continue
            group, covered = _cover(number, groups, self.sentences, offset)
            if group:
                used.update(self._quotation(group, covered, carry))
                continue
            if _cover(number, short, self.sentences, offset)[0]:
                # “He’s cool,” X said. — too short to cite, but X is who speaks next
                self._spoken(self._attribute([sentence]), number)
            self.out.facts.extend(
                _statement_facts(self.article, sentence, self.parsed, self.refs, self.discourse)
            )
        self.read_upto(len(self.sentences) - 1)
        if self.sentences and _introduces(text[self.parsed.block.start : self.parsed.block.end]):
            self.out.intro = _introduction(
                self.sentences[-1], self.parsed.quoted, self.refs, self.discourse
            )
        return self.out

    def _quotation(self, group: list[QuoteSpan], covered: list[int], carry: _Carry) -> list[int]:
        """Emit the quotation fact of `group`; returns the sentences it used."""
        text, offset = self.article.text, self.parsed.block.start
        self.read_upto(covered[-1])
        attribution = self._attribute([self.sentences[i] for i in covered])
        after = covered[-1] + 1
        if (
            attribution is None
            and after < len(self.sentences)
            and _follows(group, self.sentences[after], offset, text)
        ):
            self.read_upto(after)
            attribution = self._attribute([self.sentences[after]])
            if attribution is not None:
                covered = [*covered, after]
        if attribution is None:
            # a quotation without attribution continues the one just before it
            attribution = (
                self.out.speaker
                if covered[0] == self.spoke + 1
                else (carry.intro or carry.speaker if covered[0] == 0 else None)
            )
        span = _trimmed(
            text,
            offset + self.sentences[covered[0]].start_char,
            offset + self.sentences[covered[-1]].end_char,
        )
        words = _joined(group, text, self.continued)
        attribution = _not_named_within(attribution, words, self.discourse)
        fact = _quote_fact(self.article, self.parsed, span, words, attribution)
        fact.figures = _told_around([self.sentences[i] for i in covered], group, text, offset)
        self.out.facts.append(fact)
        self._spoken(attribution, covered[-1])
        return covered

    def _attribution_gap(self, start: int, end: int) -> bool:
        """The words between two quotations say who speaks ("he said", "she continued"),
        or hold no verb: a sentence of the narrative between them ("They were welcomed
        if they") makes the second quotation another one."""
        span = _local(self.parsed, start, end)
        verbs = [t.lemma_ for t in span or () if t.pos_ in ("VERB", "AUX")]
        return not verbs or any(verb in SPEECH_VERBS for verb in verbs)

    def _attribute(self, sentences: list[Span]) -> Attribution | None:
        return attribute(sentences, self.parsed.quoted, self.refs, self.discourse)

    def _spoken(self, attribution: Attribution | None, number: int) -> None:
        if attribution is not None:
            self.out.speaker, self.spoke = attribution, number


def _not_named_within(
    attribution: Attribution | None, words: str, discourse: Discourse
) -> Attribution | None:
    """No one names themselves in full in their own words: a quotation saying "I spoke
    with … Lee County Sheriff Mike Scott" is not the sheriff's, but the namesake's the
    surname stood for ("Scott released the following statement:" the governor, Rick
    Scott), or nobody's."""
    if attribution is None or not attribution.speaker.is_person:
        return attribution
    speaker = attribution.speaker
    if " " not in speaker.text:
        return attribution
    if not re.search(rf"(?<!\w){re.escape(speaker.text)}(?!\w)", words):
        return attribution
    other = discourse.namesake(speaker.text)
    return Attribution(speaker_of(other), attribution.via) if other is not None else None


def _cover(
    number: int, groups: list[list[QuoteSpan]], sentences: list[Span], offset: int
) -> tuple[list[QuoteSpan], list[int]]:
    """The quotations touching sentence `number` and the sentences they span, grown until
    no other quotation shares those sentences (two quotations in one sentence are one
    passage)."""
    covered = [number]
    taken: list[QuoteSpan] = []
    while True:
        start = offset + sentences[covered[0]].start_char
        end = offset + sentences[covered[-1]].end_char
        touching = [q for g in groups if g[0].start < end and g[-1].end > start for q in g]
        if len(touching) == len(taken):
            return taken, covered
        taken = touching
        covered = [
            i
            for i, s in enumerate(sentences)
            if offset + s.start_char < taken[-1].end and offset + s.end_char > taken[0].start
        ]


def _joined(spans: list[QuoteSpan], text: str, continued: set[int]) -> str:
    """The quoted words of a passage. A quotation's parts around its attribution run on
    ("…,” she said. “…”: "…. …"); two quotations in one sentence are kept apart by an ellipsis,
    since the narration between them is left out ("…,” Mr. Schumer said, citing
    concerns over …, adding, “…”)."""
    words = spans[0].words(text)
    for before, span in pairwise(spans):
        more = span.words(text)
        if span.start not in continued:
            words = words.rstrip(" ,;:") + " … " + more
            continue
        if words.endswith(",") and text[before.end : span.start].rstrip().endswith("."):
            words = words[:-1] + "."  # "…an agency,” he said. “That’s …": her sentence ended
        words += " " + more
    return words


def _quote_groups(
    marks: list[QuoteSpan], text: str, attribution: Callable[[int, int], bool]
) -> list[list[QuoteSpan]]:
    """Quotations, each with its continuations after a short attribution ("…,” he said.
    “…”): words between that `attribution` accepts, with no quotation mark or colon."""
    groups: list[list[QuoteSpan]] = []
    for mark in marks:
        if groups:
            gap = text[groups[-1][-1].end : mark.start]
            if (
                len(gap.split()) <= current().max_attribution_gap
                and not re.search(r"[“\"‘]", gap)
                and not gap.rstrip().endswith(":")
                and not _a_name_in_quotes(mark.words(text))
                and attribution(groups[-1][-1].end, mark.start)
            ):  # "” X responds: “": another; "” he told “The Mike Gallagher Show”": a name
                groups[-1].append(mark)
                continue
        groups.append([mark])
    return groups


def _is_quotation(group: list[QuoteSpan], text: str) -> bool:
    """Quoted words that someone said: long enough, and not a title-case name in quote
    marks ("International Legion for the Territorial Defence of Ukraine"); a quotation
    broken by an attribution, or ending in its own punctuation, is speech."""
    words = " ".join(q.words(text) for q in group)
    if len(_WORD.findall(words)) < current().min_quote_words:
        return False
    return len(group) > 1 or not _a_name_in_quotes(words)


def _a_name_in_quotes(words: str) -> bool:
    """Title-case words without a closing stop or comma of their own: the name of a
    show, a book or a unit in quote marks, not words someone said."""
    tokens = _WORD.findall(words)
    if not tokens or words.rstrip().endswith((",", ".", "!", "?")):
        return False
    capitalised = sum(1 for t in tokens if t[0].isupper())
    return capitalised / len(tokens) >= current().name_capitals


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _follows(group: list[QuoteSpan], sentence: Span, offset: int, text: str) -> bool:
    """The sentence right after a quotation that ends a sentence ("…?” Mr. Obama asked.)."""
    between = text[group[-1].end : offset + sentence.start_char]
    return not between.strip() and len(sentence) <= current().follow_tokens


def _introduces(block: str) -> bool:
    """A block ending with a colon (or a comma) introduces a quotation."""
    return block.rstrip().rstrip(_CLOSING).endswith((":", ","))


def _introduction(
    sentence: Span, quoted: list[tuple[int, int]], refs: dict[int, Entity], discourse: Discourse
) -> Attribution | None:
    """Who the next block quotes: the speaker of "X wrote:", else the person the
    sentence is about, else, when it speaks of words ("Read the full rant:"), the person
    the text is about."""
    attribution = attribute([sentence], quoted, refs, discourse)
    if attribution is not None:
        return attribution
    subject = discourse.last_subject
    if subject is not None and subject.personal:
        return Attribution(speaker_of(subject))  # "As for X, he is adamant that …:"
    speaks = any(
        t.lemma_ in SPEECH_VERBS or t.lemma_.lower() in DOCUMENT_NOUNS for t in tokens_of(sentence)
    )
    person = discourse.most_salient_person() if speaks else None
    return Attribution(speaker_of(person)) if person is not None else None


def _told_around(
    sentences: list[Span], group: list[QuoteSpan], text: str, offset: int
) -> list[Figure]:
    """The counts the outlet tells itself around a quotation ("after three people were
    killed … in what police said was “a drug deal gone bad”"): the quoted words are the
    speaker's, the rest the outlet's own."""
    counts: list[Figure] = []
    for sentence in sentences:
        start = offset + sentence.start_char
        own = list(text[start : offset + sentence.end_char])
        for quoted in group:
            for at in range(max(quoted.start, start), min(quoted.end, start + len(own))):
                own[at - start] = " "
        unquoted = "".join(own)
        counts += [
            figure
            for figure in with_quantities(sentence, list(figures(sentence)))
            if figure.quantity and re.search(rf"\b{re.escape(figure.text)}\b", unquoted)
        ]
    return counts


def _quote_fact(
    article: Article,
    parsed: _Block,
    span: tuple[int, int],
    words: str | None,
    attribution: Attribution | None,
) -> FactCandidate:
    """A quotation fact citing `span`; `words` are the quoted words (None: the whole span)."""
    start, end = span
    passage = article.text[start:end]
    fact = FactCandidate(
        source=article.id,
        start=start,
        end=end,
        text=passage,
        kind="quote",
        quote=" ".join((passage if words is None else words).split()),
        speaker=attribution.speaker if attribution else None,
        via=attribution.via if attribution else None,
    )
    local = _local(parsed, start, end)
    if local is not None:
        add_features(local, fact)
    speaker = fact.speaker
    if speaker is not None and speaker.is_person and speaker.text not in fact.names:
        fact.names.insert(0, speaker.text)
    return fact


def _statement_facts(
    article: Article, sentence: Span, parsed: _Block, refs: dict[int, Entity], discourse: Discourse
) -> list[FactCandidate]:
    """The sentence's checkable content: one fact per main clause when each clause has
    some, else the whole sentence, else nothing."""
    if not is_checkable(sentence) or is_furniture(text_of(sentence)):
        return []  # page furniture a crawl ran into the paragraph is no fact
    parts = clauses(sentence)
    if len(parts) > 1:
        facts = [_statement_fact(article, part, parsed, refs, discourse) for part in parts]
        if all(fact is not None for fact in facts):
            return [fact for fact in facts if fact is not None]
    whole = _statement_fact(article, sentence, parsed, refs, discourse)
    return [whole] if whole is not None else []


def _statement_fact(
    article: Article, sentence: Span, parsed: _Block, refs: dict[int, Entity], discourse: Discourse
) -> FactCandidate | None:
    """A sentence (or a main clause of one) with checkable content (who did what, how
    many, when), or None."""
    offset = parsed.block.start
    fact = _candidate(article, sentence, offset, refs)
    if sentence.root.lemma_ == "be" and not (fact.names or fact.figures):
        return None  # "the crisis has been of great concern": a description, not a fact
    things = [e for e in fact.entities if not e.startswith(DATE_PREFIX)]
    if not (fact.names or things or fact.figures) and not _names_someone(sentence, refs):
        return None  # nothing a reader could check: no one, nothing named, no number
    if not _stands_alone(fact, sentence, offset, refs, discourse):
        return None  # "He was released.": who? not a fact a reader can use alone
    attribution = attribute([sentence], parsed.quoted, refs, discourse, reporting=True)
    if attribution is not None:
        fact.speaker, fact.via = attribution.speaker, attribution.via
    return fact


def _candidate(
    article: Article,
    sentence: Span,
    offset: int,
    refs: dict[int, Entity],
    counts: list[Figure] | None = None,
) -> FactCandidate:
    """The sentence as a fact: its text, keys, the people it names, its figures (read
    by the prose rules unless `counts` gives them: a headline's)."""
    start, end = _trimmed(article.text, offset + sentence.start_char, offset + sentence.end_char)
    fact = FactCandidate(
        source=article.id, start=start, end=end, text=article.text[start:end], kind="event"
    )
    add_features(sentence, fact)
    people = [
        refs[t.i].name for t in tokens_of(sentence) if t.i in refs and refs[t.i].kind == "person"
    ]
    for name in reversed(list(dict.fromkeys(people))):
        if name not in fact.names:
            fact.names.insert(0, name)
    if counts is None:
        counts = with_quantities(sentence, list(figures(sentence)))
    fact.figures = counts
    if fact.figures:
        fact.kind = "figure"
    return fact


def _stands_alone(
    fact: FactCandidate,
    sentence: Span,
    offset: int,
    refs: dict[int, Entity],
    discourse: Discourse,
) -> bool:
    """Whether the fact reads on its own: an opening pronoun ("He said …") gets what it
    refers to in brackets (`fact.standalone`); False when that is unclear."""
    opening = _opening_reference(sentence)
    if opening is None:
        return True
    if _introduces_by_name(opening):
        return False  # "He is Jahaun Jones, 18": who "he" is, not someone named before
    entity = refs.get(opening.i)
    if entity is None and opening.lower_ == "his":
        entity = discourse.pronoun("he", refs.get(opening.head.i))  # not "His son Jim"
    elif entity is None and opening.lower_ == "their":
        entity = discourse.group_pronoun("they")
    referent = _referent(entity)
    if referent is None or _someone_else_before(sentence, entity, refs):
        return False
    at = offset + opening.idx - fact.start
    fill = f"[{_possessive(referent, opening)}]" if opening.tag_ == "PRP$" else f"[{referent}]"
    fact.standalone = fact.text[:at] + fill + fact.text[at + len(opening.text) :]
    return True


def _introduces_by_name(pronoun: Token) -> bool:
    """ "He is Jahaun Jones": the pronoun is the subject of "be" whose complement is a
    name; the sentence tells who the person is, so a bracketed name would clash."""
    verb = pronoun.head
    return (
        pronoun.dep_ == "nsubj"
        and verb.lemma_ == "be"
        and any(c.dep_ == "attr" and c.pos_ == "PROPN" for c in children_of(verb))
    )


def _possessive(referent: str, pronoun: Token) -> str:
    """ "his" → "Lee's"; "their" of a plural in -s → "Senate leaders'"."""
    plural = pronoun.lower_ == "their" and referent.endswith("s")
    return f"{referent}'" if plural else f"{referent}'s"


def _opening_reference(sentence: Span) -> Token | None:
    """The pronoun a passage opens with when it stands for someone named before ("He
    was …", "His son …", "They said …"), or a demonstrative of its subject ("These men
    …"); a demonstrative of time or place ("That night, …") names its own referent."""
    words = _without_openers([t for t in tokens_of(sentence) if not (t.is_punct or t.is_space)])
    if not words or words[0].i - sentence.start > current().opening_reach:
        return None
    first = words[0]
    lower = first.lower_
    if lower in _PERSONAL and first.pos_ == "PRON":
        subject = is_subject(first) or first.tag_ == "PRP$"
        return first if subject else None
    if lower in _DEMONSTRATIVE and (is_subject(first) or first.dep_ == "det"):
        head = first if first.dep_ != "det" else first.head
        return first if is_subject(head) else None
    return None


def _without_openers(words: list[Token]) -> list[Token]:
    """The words after the openers a statement drops: "But he …", "However, he …", and
    the "That" of a clause that is the subject ("That he is alive is a miracle")."""
    while len(words) > 1 and (
        words[0].dep_ == "cc"
        or (words[0].dep_ == "mark" and words[0].head.dep_ in ("csubj", "csubjpass"))
        or (words[0].pos_ == "ADV" and words[0].nbor().text == ",")
        or DISCOURSE_OPENERS.match(f"{words[0].text} {words[1].text}")
    ):
        words = words[1:]
    return words


def _someone_else_before(sentence: Span, entity: Entity | None, refs: dict[int, Entity]) -> bool:
    """True when the sentence before names, as its subject, someone the resolved
    `entity` is not ("Major was shot in the chest. He later died.": "he" is Major, even
    when "Major" was never taken for a name): a bracketed name there would be a guess."""
    whole = sentence.sent
    if whole.start == 0:
        return False
    before = whole.doc[whole.start - 1].sent
    return any(
        is_subject(token)
        and token.head == before.root
        and token.pos_ == "PROPN"
        and refs.get(token.i) is not entity
        for token in tokens_of(before)
    )


_THING_WORDS = ORG_NOUNS | PLACE_TAILS  # "News Channel", "Trauma Institute": no one


def _referent(entity: Entity | None) -> str | None:
    """How a statement names `entity` in brackets: a person's name, or the short phrase
    that introduced an unnamed person or a group ("the woman", "police")."""
    if entity is None:
        return None
    if entity.kind == "person":
        # "News Channel 11 was told …. He is being held …": a name of an organisation
        # or a place the article took for a person's is no one "he" stands for
        named = {w.lower() for w in entity.name.split()}
        return None if named & _THING_WORDS else entity.name
    words = entity.name.split()
    if not words or len(words) > current().referent_words:
        return None
    if words[0].lower() in ("a", "an"):
        words[0] = "the"
    return " ".join(words)


def _names_someone(sentence: Span, refs: dict[int, Entity]) -> bool:
    """The subject is someone the article has introduced ("He spent three months …")."""
    subject = root_subject(sentence)
    return subject is not None and subject.i in refs and refs[subject.i].personal


def _local(parsed: _Block, start: int, end: int) -> Span | None:
    """The tokens of article offsets `start:end` in the block's Doc, or None when the
    range is empty or leaves the block (spaCy raises E035 on a reversed range)."""
    start, end = start - parsed.block.start, end - parsed.block.start
    if not 0 <= start < end <= parsed.block.end - parsed.block.start:  # the Doc's text
        return None
    return parsed.doc.char_span(start, end, alignment_mode="expand")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
