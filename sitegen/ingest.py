"""Reading seed articles: decoding, front matter, title, and which blocks are prose.

Only prose blocks are ever cited. Captions, file names, teasers, promos, bylines and
headings are recognised by their shape (punctuation, length, capitalisation, typical
cue words of web boilerplate), never by the words of a particular story.

Hostile sizes are bounded here, so extraction never sees them: no block is longer than
`MAX_BLOCK` (spaCy's memory grows with the characters of a batch), and prose past the
configured `extract_limit` is kept as `SKIPPED` blocks, not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sitegen.config import DEFAULT_EXTRACT_LIMIT
from sitegen.errors import InputError, Location
from sitegen.frontmatter import split_front_matter
from sitegen.furniture import kind_of
from sitegen.paths import find_articles
from sitegen.slug import slugify, unique_slug
from sitegen.textio import read_article
from sitegen.yamlio import parse_yaml

META_FIELDS = ("title", "publisher", "url", "date", "author")

PROSE = "prose"
ITEM = "item"  # a line of a list of people ("Vashon Dukes, 19, of Little Rock"): read for
# the people it names, never a fact
TITLE = "title"
PROMO = "promo"  # a prompt or label of the page, not the article's
SKIPPED = "skipped"  # prose past the extraction limit: shown on the site, never read
# >2x the longest of 1,788 real news paragraphs (937 characters). spaCy's memory grows
# with the characters of a batch (16 blocks): ~270 MB peak for 2,000-character blocks,
# ~410 MB for 5,000, ~680 MB for 10,000 (measured); spaCy refuses a text over its
# max_length (1,000,000 characters) and its docs reckon ~1 GB per 100,000 characters
MAX_BLOCK = 2_000


@dataclass(frozen=True)
class Block:
    """A paragraph of the article, or a piece of a long one: `text[start:end]`, trimmed."""

    start: int
    end: int
    kind: str  # "prose", "title", "heading", "caption", "filename", "teaser", "promo",
    # "embed", "byline", "skipped"


@dataclass
class Article:
    id: str
    path: Path
    file: str  # relative to the project root, "/" separators
    sha256: str
    text: str
    title: str
    blocks: list[Block]
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    warnings: list[str] = field(default_factory=list)
    cut: int | None = None  # the limit that left prose unread; None: all prose is read
    headline: Block | None = None  # where the title stands verbatim in the file, to cite

    @property
    def prose(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == PROSE]

    @property
    def items(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == ITEM]


def read_articles(
    seeds: Path,
    root: Path,
    limit: int = DEFAULT_EXTRACT_LIMIT,
    known_ids: dict[str, str] | None = None,
) -> list[Article]:
    """Every article under `seeds`. One whose file a source already names keeps that
    source's id (`known_ids`: file -> id); a new one gets its slug, made unique against
    every id in use, so an existing source never changes article."""
    known_ids = known_ids or {}
    paths = find_articles(seeds)
    files = {path: path.resolve().relative_to(root.resolve()).as_posix() for path in paths}
    ids = {path: known_ids[file] for path, file in files.items() if file in known_ids}
    taken = set(known_ids.values())
    for path in paths:
        if path not in ids:
            stem = path.relative_to(seeds).with_suffix("").as_posix()
            ids[path] = unique_slug(slugify(stem, 80), taken)
    return [read_one(path, root, ids[path], limit) for path in paths]


def read_one(
    path: Path, root: Path, article_id: str, limit: int = DEFAULT_EXTRACT_LIMIT
) -> Article:
    """One article; facts are read from its first `limit` characters only."""
    text, digest = read_article(path)
    meta: dict[str, str] = {}
    body_start = 0
    if path.suffix.lower() == ".md":
        meta, body_start = _front_matter(text, path)
    blocks = split_blocks(text, body_start, limit)
    title = _title_block(text, blocks, meta)
    blocks = _title_set_apart(text, blocks, title)
    blocks = _set_apart(text, blocks, _AD_SLOT, PROMO)
    prose = [i for i, b in enumerate(blocks) if b.kind == PROSE]
    for number in prose:  # the lead is not always the first prose a web page holds
        blocks[number] = _without_dateline(text, blocks[number], first=number == prose[0])
    headline = _headline(text, blocks, title, body_start)
    if not title:
        first = blocks[prose[0]] if prose else None
        title = _shorten(text[first.start : first.end]) if first else path.stem
    article = Article(
        id=article_id,
        path=path,
        file=path.resolve().relative_to(root.resolve()).as_posix(),
        sha256=digest,
        text=text,
        title=" ".join(title.split()),
        blocks=blocks,
        publisher=meta.get("publisher"),
        url=meta.get("url"),
        author=meta.get("author"),
        headline=headline,
    )
    article.date = _iso_date(meta.get("date"), article)
    unread = sum(b.end - b.start for b in blocks if b.kind == SKIPPED)
    if unread:
        article.cut = limit
        article.warnings.append(
            f"article is {len(text):,} characters: facts are read from its first "
            f"{limit:,} only, {unread:,} characters of prose after them are skipped; "
            f"raise 'extract_limit' in sitegen.yaml to read more"
        )
    return article


def _title_block(text: str, blocks: list[Block], meta: dict[str, str]) -> str:
    """The title from the front matter, else from a first block that is a header line
    ("date | title": its date goes to `meta` too) or a heading; such a block is marked
    as the title."""
    title = meta.get("title") or ""
    if not blocks:
        return title
    first = text[blocks[0].start : blocks[0].end]
    header = _header_line(first)
    if header:
        meta.setdefault("date", header[0])
        title = title or header[1]
        blocks[0] = Block(blocks[0].start, blocks[0].end, TITLE)
    elif not title and _is_heading(first):
        title = first
        blocks[0] = Block(blocks[0].start, blocks[0].end, TITLE)
    return title


def _headline(text: str, blocks: list[Block], title: str, body_start: int) -> Block | None:
    """The title's span in the file: in its block, else in the front matter; None when
    it is not written there verbatim (a YAML escape or a folded line): a citation must
    point at the very words."""
    if not title:
        return None
    bounds = [(b.start, b.end) for b in blocks if b.kind == TITLE][:1] or [(0, body_start)]
    at = text.find(title, *bounds[0])
    return Block(at, at + len(title), TITLE) if at >= 0 else None


TITLE_WORDS = 4  # a shorter title may well be words of a sentence ("Two men shot")


def _title_set_apart(text: str, blocks: list[Block], title: str) -> list[Block]:
    """Prose blocks with the article's own title cut out where a web page runs it into
    a paragraph ("News Baby, 20-year-old man killed in south Minneapolis shooting An
    eight-month-old baby and a man were shot …"): the headline is no part of the
    sentence after it. The title stays a block of its own kind, shown, never cited."""
    words = title.split()
    if len(words) < TITLE_WORDS:
        return blocks
    # followed by no lower-case word or comma: a sentence beginning with the title's
    # words goes on ("… killed in a shooting, police said")
    pattern = re.compile(r"\s+".join(map(re.escape, words)) + r"(?!\s*[a-z,;:])")
    return _set_apart(text, blocks, pattern, TITLE)


# An ad slot's label a crawl ran in between two sentences ("… has died. Advertisement
# Orlando police said …"): it would open the next sentence's parse and citation.
_AD_SLOT = re.compile(
    r"(?<=[.!?”\"'’]\s)\s*(?:Advertisement|ADVERTISEMENT"
    r"|(?i:(?:story|article) continues below(?: advertisement)?|continue reading below))"
    r"(?=\s+[A-Z“\"‘])"
)


def _set_apart(text: str, blocks: list[Block], pattern: re.Pattern[str], kind: str) -> list[Block]:
    """Prose blocks with what `pattern` finds cut out as blocks of `kind` (a block that
    is all of it stays as it is)."""
    kept: list[Block] = []
    for block in blocks:
        found = list(pattern.finditer(text, block.start, block.end)) if block.kind == PROSE else []
        if not found or (found[0].start() == block.start and found[0].end() == block.end):
            kept.append(block)
            continue
        at = block.start
        for match in found:
            kept += _trimmed(text, at, match.start(), PROSE)
            kept += _trimmed(text, match.start(), match.end(), kind)
            at = match.end()
        kept += _trimmed(text, at, block.end, PROSE)
    return kept


def _trimmed(text: str, start: int, end: int, kind: str) -> list[Block]:
    """The block of `text[start:end]` without its outer spaces, if anything is left."""
    piece = text[start:end]
    if not piece.strip():
        return []
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    return [Block(start, end, kind)]


def _front_matter(text: str, path: Path) -> tuple[dict[str, str], int]:
    front = split_front_matter(text)
    if not front.yaml_text:
        return {}, 0
    doc = parse_yaml(front.yaml_text, path, front.yaml_line)
    if doc.data is None:
        return {}, front.body_start
    if not isinstance(doc.data, dict):
        raise InputError("front matter must be a mapping", Location(path, front.yaml_line))
    meta = {
        k: str(v).strip()
        for k, v in doc.data.items()
        if k in META_FIELDS and v is not None and str(v).strip()
    }
    return meta, front.body_start


_BLOCK_BREAK = re.compile(r"\n[ \t\r\u00a0]*\n|\r[ \t\u00a0]*\r(?!\n)")


def split_blocks(text: str, offset: int = 0, limit: int | None = None) -> list[Block]:
    """Paragraphs separated by blank lines, classified; a paragraph longer than
    `MAX_BLOCK` becomes several blocks of its kind (`split_long`), and prose past the
    first `limit` characters is `SKIPPED` (`bound`) before the costlier promo scan."""
    blocks = []
    position = offset
    for match in [*_BLOCK_BREAK.finditer(text, offset), None]:
        end = match.start() if match else len(text)
        for start, stop in _paragraphs(text, position, end):
            blocks.append(_classified(text, start, stop))
        position = match.end() if match else len(text)
    blocks = [piece for block in blocks for piece in split_long(text, block)]
    blocks = _mark_promos(text, blocks if limit is None else bound(text, blocks, limit))
    return _named_in_a_list(text, blocks)


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The trimmed paragraphs of `text[start:end]`: one, or one per line when its lines
    are paragraphs (pages that break paragraphs with single line breaks: most lines end
    a sentence, where hard-wrapped prose breaks lines mid-sentence)."""
    lines = [
        (start + m.start(), start + m.end())
        for m in re.finditer(r"[^\n\r]*\S[^\n\r]*", text[start:end])
    ]
    if not lines:
        return []
    ends = sum(text[a:b].rstrip().endswith(_TERMINAL) for a, b in lines[:-1])
    if len(lines) < 2 or ends * 2 < len(lines) - 1:
        chunk = text[start:end]
        first = start + len(chunk) - len(chunk.lstrip())
        return [(first, first + len(chunk.strip()))]
    return [
        (a + len(text[a:b]) - len(text[a:b].lstrip()), a + len(text[a:b].rstrip()))
        for a, b in lines
    ]


# where a long block may be cut, best first: a line break, a sentence end, a space
_BREAKS = (
    re.compile(r"[\n\r\u2028\u2029]"),
    re.compile(r"[.!?…。！？][\"'”’»)\]]*(?=\s)"),
    re.compile(r"\s"),
)
_SPACES = re.compile(r"\s*")


def split_long(text: str, block: Block, size: int = MAX_BLOCK) -> list[Block]:
    """`block` as consecutive trimmed blocks of at most `size` characters, each cut after
    a line break, else a sentence end, else a space in the second half of its window;
    mid-word only where the window has none of these (binary, unspaced scripts).
    Every piece is still a slice of `text`, so citations stay verbatim."""
    pieces = []
    start = block.start
    while block.end - start > size:
        head, start = _split(text, start, _cut(text, start, start + size), block.kind)
        pieces.append(head)
    pieces.append(Block(start, block.end, block.kind))
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    """The best place to end a piece of `text` that begins at `start`, at most `stop`."""
    low = start + (stop - start) // 2
    for pattern in _BREAKS:
        matches = list(pattern.finditer(text, low, stop))
        if matches:
            return matches[-1].end()
    return stop


def _split(text: str, start: int, cut: int, kind: str) -> tuple[Block, int]:
    """The trimmed piece `text[start:cut]` and where the rest begins. `start` is not
    whitespace and `cut` lies inside a trimmed block, so piece and rest are non-empty."""
    head = text[start:cut].rstrip()
    rest = _SPACES.match(text, cut)
    assert rest is not None  # `\s*` matches everywhere
    return Block(start, start + len(head), kind), rest.end()


def bound(text: str, blocks: list[Block], limit: int) -> list[Block]:
    """Prose after the first `limit` characters marked `SKIPPED`; a block across the
    limit is cut as `split_long` cuts."""
    bounded = []
    for block in blocks:
        if block.kind != PROSE or block.end <= limit:
            bounded.append(block)
        elif block.start >= limit:
            bounded.append(Block(block.start, block.end, SKIPPED))
        else:
            head, rest = _split(text, block.start, _cut(text, block.start, limit), PROSE)
            bounded += [head, Block(rest, block.end, SKIPPED)]
    return bounded


_TERMINAL = tuple(".!?…\"'”’»)]:;,")
_FILENAME = re.compile(
    r"^(?:\S+\.(?:jpe?g|png|gif|webp|svg|tiff?|bmp|mp4|mov|pdf)\b"
    r"|(?=\S*\d)[\w.]*(?:[-_][\w.]+){3,}(?=\s|$))",
    re.I,
)
_CAPTION_START = re.compile(
    r"^(?:photo|image|picture|video|illustration|graphic|credit|caption|"
    r"pictured|file photo|photograph)s?\b\s*[:/|(-]?",
    re.I,
)
_CREDIT_END = re.compile(
    r"\((?:[^()]*\b(?:photo|image|provided by|courtesy|credit|getty|file|handout)\b[^()]*)\)\s*$",
    re.I,
)
_TEASER = re.compile(r"^[A-Z][A-Z0-9&' -]{1,30}:\s+\S")
_NAME_WORDS = r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4}"
_BYLINE = re.compile(
    rf"^(?:[Bb]y|[Ww]ritten by|[Rr]eporting by|[Ee]diting by)\s+{_NAME_WORDS}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME_WORDS})*\s*$"
)
_HEADER = re.compile(r"^\s*(?:date:?\s*)?(\d{4}-\d{2}-\d{2})\s+(\S.*)$", re.I)


def _classified(text: str, start: int, end: int) -> Block:
    return Block(start, end, classify(text[start:end]))


def classify(block: str) -> str:
    """What kind of paragraph this is, from its shape alone."""
    first_line = block.split("\n", 1)[0]
    if _FILENAME.match(block):
        return "filename"
    if _caption_start(block) or _CREDIT_END.search(block):
        return "caption"
    if _BYLINE.match(block):
        return "byline"
    if _TEASER.match(first_line) and not _ends_sentence(block):
        return "teaser"
    furniture = kind_of(block)
    if furniture is not None:
        return furniture
    if _is_heading(block):
        return "heading"
    return PROSE


def _caption_start(block: str) -> bool:
    """ "Photo: …", "Video shows …": a caption label, unless a long paragraph of
    sentences merely opens with the word ("Videos posted on Facebook appeared to …")."""
    match = _CAPTION_START.match(block)
    if match is None:
        return False
    labelled = match.group().rstrip()[-1:] in ":/|(-"
    return labelled or not _ends_sentence(block) or len(block.split(maxsplit=25)) <= 25


def _ends_sentence(block: str) -> bool:
    return block.rstrip().endswith(_TERMINAL)


def _is_heading(block: str) -> bool:
    """A single short line with no closing punctuation reads as a heading or label."""
    # split at most 15 times: a huge paragraph is not copied word by word to say no
    return (
        len(block.split(maxsplit=15)) <= 15
        and "\n" not in block.strip()
        and not _ends_sentence(block)
    )


def _named_in_a_list(text: str, blocks: list[Block]) -> list[Block]:
    """People listed one a line after a paragraph ending in a colon ("The victims were
    identified as:" / "Vashon Dukes, 19, of Little Rock" / …) are items of a list, not
    headings: read for the people they name, never as facts (the line states none, and
    the colon's paragraph is no one's speech)."""
    listed = []
    after_colon = False
    for block in blocks:
        words = text[block.start : block.end]
        if block.kind == "heading" and after_colon and _LISTED_PERSON.match(words):
            block = Block(block.start, block.end, ITEM)
        else:
            after_colon = block.kind == PROSE and words.rstrip().endswith(":")
        listed.append(block)
    return listed


# a name of two to four capitalised words, then an age: "Vashon Dukes, 19, of Little Rock"
_LISTED_PERSON = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}, \d{1,3}\b")


def _header_line(block: str) -> tuple[str, str] | None:
    """`date 2022-03-02 Some Title` style header lines: (date, title)."""
    match = _HEADER.match(block)
    if match and "\n" not in block.strip() and not _ends_sentence(block):
        return match.group(1), match.group(2).strip()
    return None


_PROMO_CUES = re.compile(
    r"\b(?:follow (?:him|her|them|us|me) on|find (?:him|her|them|us|me)(?: here)? on|"
    r"subscribe|newsletter|sign up|click here|all rights reserved|copyright|"
    r"(?:his|her|their|my) (?:new )?(?:\w+ )?(?:book|novel|podcast|memoir)|"
    r"available (?:now )?(?:on|at) |writes for|is the author of|contributed to this report|"
    r"contributing(?=:))\b|©",
    re.I,
)


def _mark_promos(text: str, blocks: list[Block]) -> list[Block]:
    """Author promos and boilerplate: two cue phrases, or one in the last two blocks."""
    marked = []
    for index, block in enumerate(blocks):
        cues = len(_PROMO_CUES.findall(text, block.start, block.end)) if block.kind == PROSE else 0
        near_end = index >= len(blocks) - 2
        if cues >= 2 or (cues and near_end):
            block = Block(block.start, block.end, PROMO)
        marked.append(block)
    return marked


_DATELINE = re.compile(
    r"^[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)*)?"
    r"(?: \([^)]{1,40}\))?\s*(?P<mark>:|—|–|--| -|(?<=\))-)\s+(?=\S)"
)


def _without_dateline(text: str, block: Block, first: bool) -> Block:
    """`WASHINGTON — ...`, `TOKYO, Japan: ...`, `BLOOMFIELD (KDKA/AP)- ...`: the place tag
    is not part of the fact after it (the parser would make it the sentence's root).
    Past the first paragraph, only a dash marks one ("UPDATE: …" is not a place)."""
    match = _DATELINE.match(text[block.start : block.end])  # `^` never matches at pos > 0
    if match is None or (not first and match.group("mark") == ":"):
        return block
    return Block(block.start + match.end(), block.end, block.kind)


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


_DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


def _iso_date(value: str | None, article: Article) -> str | None:
    if not value:
        return None
    value = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    article.warnings.append(f"date '{value}' is not a recognisable date; left out")
    return None
