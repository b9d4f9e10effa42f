"""Extraction from one article: people mentioned, quotations with speakers, figures, events.

The article's prose blocks are parsed by spaCy one block at a time (offsets are block
start + token offset, so every span indexes the article text). Sentences are read in
order, keeping a small discourse state so that "he said" resolves to the person the
article was just talking about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sitegen.extract.names import TITLES, clean_name
from sitegen.extract.numbers import currency_of, parse_number, qualifier_of
from sitegen.extract.quotes import QuoteSpan, find_quotes
from sitegen.extract.records import ArticleFacts, FactCandidate, NameMention, Speaker
from sitegen.ingest import Article, Block
from sitegen.model import Figure

# Verbs that attribute words to a speaker (lemmas).
SPEECH_VERBS = {
    "say", "tell", "add", "state", "write", "mention", "explain", "note", "ask", "announce",
    "declare", "insist", "argue", "claim", "acknowledge", "confirm", "warn", "reply",
    "respond", "recall", "comment", "tweet", "post", "describe", "admit", "deny", "testify",
    "urge", "stress", "emphasize", "emphasise", "suggest", "conclude", "predict", "indicate",
    "inform", "remark", "reiterate", "assert", "maintain", "contend", "observe", "shout",
    "joke", "quip", "vow", "promise", "concede", "boast", "complain", "lament", "scream",
    "cry", "whisper", "yell", "continue", "begin", "report", "wonder", "caution", "plead",
    "counter", "retort", "exclaim", "thank", "agree", "disagree", "charge", "allege",
}
# Words that, as the head of a subject, point to a human being ("the man said").
HUMAN_HEADS = {
    "man", "woman", "men", "women", "boy", "girl", "person", "people", "child", "father",
    "mother", "son", "daughter", "husband", "wife", "volunteer", "soldier", "student",
    "worker", "official", "spokesperson", "spokesman", "spokeswoman", "officer", "resident",
    "witness", "victim", "survivor", "teacher", "doctor", "lawyer", "judge", "interviewee",
    "veteran", "activist", "protester", "voter", "friend", "neighbor", "neighbour", "leader",
    "minister", "president", "senator", "governor", "mayor", "candidate", "lawmaker",
    "analyst", "expert", "researcher", "professor", "author", "reporter", "journalist",
}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they", "them"}
FIRST_SECOND_PERSON = {"i", "we", "you", "me", "us"}
INDEFINITE = {"something", "someone", "somebody", "anything", "anyone", "anybody",
              "everything", "everyone", "everybody", "nothing", "nobody", "this", "that"}
ENTITY_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
STRONG_LABELS = {"ORG", "GPE", "NORP", "LOC", "DATE", "TIME", "MONEY", "CARDINAL", "PERCENT"}
NUMBER_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
DISCOURSE_OPENERS = re.compile(
    r"^(?:however|meanwhile|but|and|also|still|yet|moreover|furthermore|in addition|"
    r"additionally|earlier|later|then|now|separately|instead|nonetheless|nevertheless|"
    r"as a result|in fact|indeed|similarly|likewise)\b,?\s+",
    re.I,
)
_AGE = re.compile(r"\b(\d{1,3})-year-old\b|,\s(\d{1,3}),", re.I)
MIN_QUOTE_WORDS = 4
DATE_PREFIX = "date:"
_VAGUE_COUNTS = {"one", "a", "an"}


@dataclass
class _Referent:
    """Something a later pronoun may point back to."""

    text: str
    kind: str  # "person" (named), "human" (unnamed person), "group" (organisation, place)


@dataclass
class _State:
    """Discourse state carried from sentence to sentence within one article."""

    recent: list[list[tuple[_Referent, bool]]] = field(default_factory=list)  # per sentence
    known_people: set[str] = field(default_factory=set)  # names tagged PERSON so far
    intro_speaker: Speaker | None = None  # "X told reporters:" ending the previous block
    block_speaker: Speaker | None = None  # who was quoted in the previous block

    def push(self, referents: list[tuple[_Referent, bool]]) -> None:
        self.recent.append(referents)
        del self.recent[:-4]


def extract_article(article: Article, docs: Iterable[Doc]) -> ArticleFacts:
    """Facts of `article`, given one parsed Doc per prose block (in `article.prose` order)."""
    result = ArticleFacts(source=article.id)
    state = _State()
    for block, doc in zip(article.prose, docs, strict=True):
        _read_block(article, block, doc, state, result)
    return result


def _read_block(article: Article, block: Block, doc: Doc, state: _State,
                result: ArticleFacts) -> None:
    text, offset = article.text, block.start
    quotes = [q for q in find_quotes(text, block.start, block.end) if _is_quotation(q.words(text))]
    sentences = list(doc.sents)
    intro_speaker, state.intro_speaker = state.intro_speaker, None
    previous_speaker, state.block_speaker = state.block_speaker, None
    handled: set[int] = set()
    if intro_speaker is not None and not find_quotes(text, block.start, block.end):
        # a paragraph without quotation marks after "X wrote:" is a block quote by X
        span = _trimmed(text, block.start, block.end)
        result.facts.append(_quote_fact(article, doc, offset, span, None, intro_speaker))
        state.block_speaker = intro_speaker
        handled.update(range(len(sentences)))
    for number, sentence in enumerate(sentences):
        start, end = offset + sentence.start_char, offset + sentence.end_char
        mentions = _name_mentions(sentence, offset, state)
        result.mentions.extend(mentions)
        referents = _sentence_referents(sentence, state)
        inside = [q for q in quotes if q.start < end and q.end > start]
        if number in handled:
            pass
        elif inside:
            group = _quote_group(inside[0], quotes, text)
            covered = [i for i, s in enumerate(sentences)
                       if offset + s.start_char < group[-1].end
                       and offset + s.end_char > group[0].start]
            speaker = _attribute([sentences[i] for i in covered], group, offset, state)
            if speaker is None and covered[0] == 0:
                speaker = intro_speaker or previous_speaker
            span = _trimmed(text, offset + sentences[covered[0]].start_char,
                            offset + sentences[covered[-1]].end_char)
            words = " ".join(q.words(text) for q in group)
            result.facts.append(_quote_fact(article, doc, offset, span, words, speaker))
            state.block_speaker = speaker or state.block_speaker
            handled.update(covered)
        else:
            fact = _statement_fact(article, sentence, offset, mentions, state)
            if fact is not None:
                result.facts.append(fact)
        state.push(referents)
    if sentences and text[block.start:block.end].rstrip().endswith((":", ",")):
        state.intro_speaker = _speaker_of(sentences[-1], quotes, offset, state) or _subject_person(
            state
        )


def _subject_person(state: _State) -> Speaker | None:
    """The person the sentence just read was about ("As for X, he is adamant that …:")."""
    for referent, is_subject in reversed(state.recent[-1] if state.recent else []):
        if is_subject and referent.kind in ("person", "human"):
            return Speaker(referent.text, referent.kind == "person")
    return None


# --- people -----------------------------------------------------------------------------

def _name_mentions(sentence: Span, offset: int, state: _State) -> list[NameMention]:
    """Every name-like entity, whatever its label: whether a name is a person is voted on
    story-wide, from all its occurrences and the contexts they stand in."""
    mentions = []
    for ent in sentence.ents:
        if ent.label_ != "PERSON" and ent.label_ not in ENTITY_LABELS:
            continue
        name = clean_name(ent.text)
        if name is None:
            continue
        local = ent.text.find(name.split()[0])
        start = offset + ent.start_char + max(local, 0)
        mention = NameMention(name=name, start=start, end=start + len(name), label=ent.label_)
        _add_evidence(ent, mention)
        if ent.label_ == "PERSON":
            state.known_people.add(name)
            state.known_people.add(name.split()[-1])
        mentions.append(mention)
    return mentions


def _add_evidence(ent: Span, mention: NameMention) -> None:
    """Roles (titles, appositives, ages) and signs that the name is a person's."""
    head = ent.root
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in SPEECH_VERBS:
        mention.evidence.append("speaker")
    title = _title_before(ent)
    if title:
        mention.evidence.append("title")
        mention.roles.append(title)
    if ent.text.split()[0].lower().strip(".") in TITLES and len(ent) > 1:
        mention.evidence.append("title")
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i:
            role = _appositive(child)
            if role:
                mention.evidence.append("appos")
                mention.roles.append(role)
    if any(c.dep_ == "relcl" and any(t.lower_ == "who" for t in c.children)
           for c in head.children):
        mention.evidence.append("who")
    after = ent.doc.text[ent.end_char:ent.end_char + 8]
    age = re.match(r",\s(\d{1,3}),", after)
    if age:
        mention.evidence.append("age")
        mention.roles.append(f"aged {age.group(1)}")


def _title_before(ent: Span) -> str | None:
    """Title-case words right before a name and attached to it: "Chief Cabinet Secretary"."""
    doc = ent.doc
    i = ent.start - 1
    words: list[Token] = []
    while i >= 0:
        token = doc[i]
        attached = (token.head.i >= ent.start and token.head.i < ent.end) or (
            words and token.head.i in {w.i for w in words}
        )
        if token.tag_ == "POS" and i > 0:
            words.insert(0, token)
            i -= 1
            continue
        if not attached or token.is_punct or token.pos_ in ("DET", "ADP", "PRON", "VERB"):
            break
        if not (token.text[:1].isupper() or token.lower_ in TITLES):
            break
        words.insert(0, token)
        i -= 1
    while words and words[0].tag_ == "POS":
        words.pop(0)
    if not words or not any(w.lower_ in TITLES or w.pos_ == "NOUN" for w in words):
        return None
    return doc[words[0].i:words[-1].i + 1].text


def _appositive(token: Token) -> str | None:
    """The appositive phrase after a name: ", a 23-year-old student in Osaka,"."""
    subtree = list(token.subtree)
    span = token.doc[subtree[0].i:subtree[-1].i + 1]
    text = span.text.strip(" ,;")
    words = text.split()
    if not words or len(words) > 25 or not any(ch.isalpha() for ch in text):
        return None
    if span[0].pos_ == "PRON" or span[0].tag_ == "PRP$":
        return None  # "his entire month's wages": a misparse, not a role
    if span.root.ent_type_ in ("PERSON", "GPE", "ORG") and len(words) <= 3:
        return None  # "Donald Trump, Mike Pence" is a list, not a role
    return text


def _sentence_referents(sentence: Span, state: _State) -> list[tuple[_Referent, bool]]:
    """Who or what this sentence is about, in text order, with a subject flag."""
    people = {ent.root.i: ent for ent in sentence.ents if _names_person(ent, state)}
    in_names = {t.i for ent in people.values() for t in ent}
    referents: list[tuple[_Referent, bool]] = []
    for token in sentence:
        is_subject = token.dep_ in ("nsubj", "nsubjpass") and token.head == sentence.root
        if token.i in people:
            name = clean_name(people[token.i].text)
            if name:
                referents.append((_Referent(name, "person"), is_subject))
        elif is_subject and token.lower_ in PERSON_PRONOUNS:
            resolved = _resolve_pronoun(referents, state)
            if resolved is not None:
                referents.append((resolved, True))
        elif is_subject and token.pos_ in ("NOUN", "PROPN", "ADJ") and token.i not in in_names:
            name = _untagged_name(token)
            if name:
                referents.append((_Referent(name, "person"), True))
            else:
                kind = "human" if _is_human(token) else "group"
                referents.append((_Referent(_noun_phrase(token), kind), True))
    return referents


def _untagged_name(token: Token) -> str | None:
    """A subject that NER missed but that reads as a full name ("Another volunteer Ryoga
    Seki"): two or more title-case proper nouns with no label, or only a weak one
    (an unfamiliar name is often tagged as a product or facility)."""
    if token.pos_ != "PROPN" or token.ent_type_ in STRONG_LABELS:
        return None
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    words.append(token)
    if len(words) < 2 or any(t.ent_type_ in STRONG_LABELS for t in words):
        return None
    return clean_name(" ".join(t.text for t in words))


def _names_person(ent: Span, state: _State) -> bool:
    return ent.label_ == "PERSON" or (
        ent.label_ in ENTITY_LABELS and clean_name(ent.text) in state.known_people
    )


def _is_human(token: Token) -> bool:
    """An unnamed person: "the man", "a spokesperson", "the 23-year-old", "a student who"."""
    if token.pos_ == "PROPN" or token.ent_type_ in ENTITY_LABELS:
        return False  # countries and organisations speak too, but are not "he" or "she"
    if token.lemma_.lower() in HUMAN_HEADS or token.lower_ in HUMAN_HEADS:
        return True
    if token.lower_ == "old" and token.i >= 2 and token.doc[token.i - 2].lower_ == "year":
        return True  # "the 23-year-old" (tokenised as 23 - year - old)
    return any(child.dep_ == "relcl" and any(t.lower_ == "who" for t in child.children)
               for child in token.children)


def _noun_phrase(token: Token) -> str:
    """A subject's words: its modifiers and an "of"/"for" phrase, not a relative clause."""
    end = token.i
    for child in token.rights:
        attached = child.dep_ in ("compound", "amod", "nummod")
        if attached or (child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "from")):
            end = max(end, child.right_edge.i)
        else:
            break
    return token.doc[token.left_edge.i:end + 1].text.strip(" ,")


def _resolve_pronoun(earlier: list[tuple[_Referent, bool]], state: _State) -> _Referent | None:
    """He/she: a person named earlier in the sentence, else the previous sentences'
    person subject, else the last person they mention."""
    people = [r for r, _ in earlier if r.kind in ("person", "human")]
    if people:
        return people[-1]
    for referents in reversed(state.recent):
        subjects = [r for r, subject in referents if subject and r.kind in ("person", "human")]
        if subjects:
            return subjects[0]
        persons = [r for r, _ in referents if r.kind in ("person", "human")]
        if persons:
            return persons[-1]
    return None


# --- quotations ---------------------------------------------------------------------------

def _is_quotation(words: str) -> bool:
    """Quoted words that someone said: long enough, and not a title-case name in quote
    marks ("International Legion for the Territorial Defence of Ukraine")."""
    tokens = re.findall(r"[^\W\d_][\w'’-]*", words)
    if len(tokens) < MIN_QUOTE_WORDS:
        return False
    capitalised = sum(1 for t in tokens if t[0].isupper())
    return capitalised / len(tokens) < 0.6


def _quote_group(first: QuoteSpan, quotes: list[QuoteSpan], text: str) -> list[QuoteSpan]:
    """A quotation plus its continuation after an attribution ("…,” he said. “…”):
    later quotes of the block separated from it only by a short attribution."""
    group = [first]
    for quote in quotes:
        if quote.start <= group[-1].start:
            continue
        gap = text[group[-1].end:quote.start]
        if len(gap.split()) <= 6 and not re.search(r"[“\"‘]", gap):
            group.append(quote)
        else:
            break
    return group


def _attribute(sentences: list[Span], quotes: list[QuoteSpan], offset: int,
               state: _State) -> Speaker | None:
    """The subject of a speech verb outside the quotation marks, if the sentences have one."""
    for sentence in sentences:
        speaker = _speaker_of(sentence, quotes, offset, state)
        if speaker is not None:
            return speaker
    return None


def _speaker_of(sentence: Span, quotes: Iterable[QuoteSpan], offset: int,
                state: _State) -> Speaker | None:
    quoted = [(q.start - offset, q.end - offset) for q in quotes]

    def outside(token: Token) -> bool:
        return not any(a <= token.idx < b for a, b in quoted)

    for token in sentence:
        if not outside(token):
            continue
        if token.lower_ == "according" and token.nbor().lower_ == "to":
            objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
            if objects:
                return _speaker_from(objects[0], sentence, state)
        if token.pos_ in ("VERB", "AUX") and token.lemma_ in SPEECH_VERBS:
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
                        and outside(c)]
            if subjects:
                return _speaker_from(subjects[0], sentence, state)
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children]
            if agents:
                return _speaker_from(agents[0], sentence, state)
            if token.dep_ in ("ROOT", "conj") and token.tag_ != "VBG":
                # "..., told The Japan Times:" with its subject left out
                resolved = _resolve_pronoun([], state)
                if resolved is not None:
                    return Speaker(resolved.text, resolved.kind == "person")
    return None


def _speaker_from(token: Token, sentence: Span, state: _State) -> Speaker | None:
    if token.lower_ in FIRST_SECOND_PERSON:
        return None
    if token.lower_ in PERSON_PRONOUNS:
        resolved = _resolve_pronoun(_names_before(sentence, token, state), state)
        if resolved is None:
            return None
        return Speaker(resolved.text, resolved.kind == "person")
    if token.lower_ in GROUP_PRONOUNS:
        for referents in reversed(state.recent):
            groups = [r for r, subject in referents if subject and r.kind == "group"]
            if groups:
                return Speaker(groups[0].text, False)
        return None
    if token.ent_type_ == "PERSON" or clean_name(token.text) in state.known_people:
        ent = next((e for e in sentence.ents if e.start <= token.i < e.end), None)
        name = clean_name(ent.text if ent is not None else token.text)
        if name:
            return Speaker(name, True)
    return Speaker(_noun_phrase(token), False)


def _names_before(sentence: Span, token: Token, state: _State) -> list[tuple[_Referent, bool]]:
    """People named in `sentence` before `token`, as pronoun antecedents."""
    names = []
    for ent in sentence.ents:
        name = clean_name(ent.text)
        if ent.end <= token.i and name and _names_person(ent, state):
            names.append((_Referent(name, "person"), False))
    return names


def _quote_fact(article: Article, doc: Doc, offset: int, span: tuple[int, int],
                words: str | None, speaker: Speaker | None) -> FactCandidate:
    """A quotation fact citing `span`; `words` are the quoted words (None: the whole span)."""
    start, end = span
    passage = article.text[start:end]
    fact = FactCandidate(
        source=article.id, start=start, end=end, text=passage, kind="quote",
        quote=" ".join((passage if words is None else words).split()), speaker=speaker,
    )
    local = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    if local is not None:
        _add_features(local, fact)
    if speaker is not None and speaker.is_person and speaker.text not in fact.names:
        fact.names.insert(0, speaker.text)
    return fact


# --- statements and figures ---------------------------------------------------------------

def _statement_fact(article: Article, sentence: Span, offset: int,
                    mentions: list[NameMention], state: _State) -> FactCandidate | None:
    """A sentence with checkable content (who did what, how many, when), or None."""
    if not _is_checkable(sentence):
        return None
    start, end = _trimmed(article.text, offset + sentence.start_char, offset + sentence.end_char)
    fact = FactCandidate(source=article.id, start=start, end=end,
                         text=article.text[start:end], kind="event")
    _add_features(sentence, fact)
    for mention in mentions:
        if mention.name not in fact.names:
            fact.names.append(mention.name)
    fact.figures = list(_figures(sentence))
    if sentence.root.lemma_ == "be" and not (fact.names or fact.figures):
        return None  # "the crisis has been of great concern": a description, not a fact
    subject = _root_subject(sentence)
    if subject is not None and subject.lower_ in PERSON_PRONOUNS:
        resolved = _resolve_pronoun(_names_before(sentence, subject, state), state)
        if resolved is not None and resolved.kind == "person" and resolved.text not in fact.names:
            fact.names.insert(0, resolved.text)
    if fact.figures:
        fact.kind = "figure"
    things = [e for e in fact.entities if not e.startswith(DATE_PREFIX)]
    if not (fact.names or things or fact.figures):
        return None  # nothing a reader could check: no one, nothing named, no number
    return fact


def _is_checkable(sentence: Span) -> bool:
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if len(words) < 5 or len(words) > 90:
        return False
    text = sentence.text.strip()
    if text.endswith(("?", ":", ",")):
        return False
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    subject = _root_subject(sentence)
    if subject is None:
        return False
    # not the writer's own voice ("we hope that ..."), not "something changed"
    return subject.lower_ not in FIRST_SECOND_PERSON | INDEFINITE


def _root_subject(sentence: Span) -> Token | None:
    root = sentence.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl", "csubj"):
            return child
    return None


def _figures(sentence: Span) -> Iterator[Figure]:
    seen: set[tuple[int, int]] = set()
    for ent in sentence.ents:
        if ent.label_ not in NUMBER_LABELS:
            continue
        value = parse_number(ent.text)
        if value is None or ent.text.lower() in _VAGUE_COUNTS:
            continue  # "one of them" counts nothing
        unit = None
        if ent.label_ == "MONEY":
            around = ent.doc[max(ent.start - 1, 0):ent.end + 1].text
            unit = currency_of(ent.text) or currency_of(around)
        elif ent.label_ == "PERCENT":
            unit = "percent"
        elif ent.label_ == "QUANTITY":
            unit = ent[-1].lemma_.lower()
        qualifier = qualifier_of(ent.text) or qualifier_of(
            ent.doc[max(ent.start - 2, 0):ent.start].text
        )
        seen.add((ent.start_char, ent.end_char))
        yield Figure(value=value, text=" ".join(ent.text.split()), unit=unit,
                     counts=_counted(ent) if ent.label_ == "CARDINAL" else None,
                     qualifier=qualifier)
    for match in _AGE.finditer(sentence.text):
        age = match.group(1) or match.group(2)
        if match.group(2) and not _preceded_by_name(sentence, match.start()):
            continue
        char = sentence.start_char + match.start()
        if any(a <= char < b for a, b in seen):
            continue
        yield Figure(value=int(age), text=match.group(0).strip(" ,"), unit="years",
                     counts="age")


def _preceded_by_name(sentence: Span, position: int) -> bool:
    before = sentence.char_span(0, position, alignment_mode="contract")
    return before is not None and len(before) > 0 and before[-1].ent_type_ == "PERSON"


def _counted(ent: Span) -> str | None:
    """What a count counts: the noun the number modifies ("70 Japanese men" -> "men")."""
    root = ent.root
    if root.dep_ == "nummod" and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head.text.lower()
    if root.dep_ == "pobj" or root.dep_ == "nsubj":
        of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
        for prep in of:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].text.lower()
    return None


def _add_features(span: Span, fact: FactCandidate) -> None:
    """What the passage asserts, as comparable keys: names, entities, lemmas, frames."""
    for ent in span.ents:
        if ent.label_ == "PERSON":
            name = clean_name(ent.text)
            if name and name not in fact.names:
                fact.names.append(name)
        elif ent.label_ in ENTITY_LABELS or ent.label_ == "DATE":
            key = _entity_key(ent.text)
            key = DATE_PREFIX + key if ent.label_ == "DATE" else key
            if key and key not in fact.entities:
                fact.entities.append(key)
    for token in span:
        if token.is_stop or token.is_punct or token.is_space or token.like_num:
            continue
        if token.pos_ in ("NOUN", "VERB", "ADJ", "PROPN", "ADV") and token.lemma_ not in (
            "say", "tell", "be", "have", "mention"
        ):
            lemma = token.lemma_.lower()
            if lemma.isalpha() and lemma not in fact.lemmas:
                fact.lemmas.append(lemma)
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB":
            frame = f"{token.lemma_.lower()}|{token.head.lemma_.lower()}"
            if frame not in fact.frames:
                fact.frames.append(frame)


def _entity_key(text: str) -> str:
    text = " ".join(text.split()).lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"(?:['’]s|['’])$", "", text).strip(" ,.")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def clean_statement(text: str) -> str:
    """A passage as a standalone sentence: one line, without a leading "However,"."""
    text = " ".join(text.split())
    stripped = DISCOURSE_OPENERS.sub("", text)
    if stripped != text and stripped[:1].islower():
        stripped = stripped[0].upper() + stripped[1:]
    return stripped
