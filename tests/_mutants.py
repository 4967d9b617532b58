"""Mutated real pages, and the checks run on them (see `tests.test_mutants`).

A mutant is a real page with a few of its lines deleted, duplicated, swapped,
moved, cut, glued, re-cased or re-bulleted, or with lines of the format put
between them: kind labels, metadata bullets, site chrome, date lines. The real
pages are the two in ``tests/fixtures`` and, when the shared data is there, the
development pages in ``../shared/dev/pages``.

`lost_lines` is the "nothing lost" oracle: it accounts for each input line
outside the navigation menu with a part of the document, and returns the lines
it cannot account for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from osce_thb import (
    Block,
    Document,
    DocumentKind,
    FieldOfWork,
    ListItem,
    ParseError,
    Source,
    _acronyms,
    _dates,
    _parser,
)
from osce_thb._vocabulary import KIND_BY_LABEL

if TYPE_CHECKING:
    from collections.abc import Hashable

FIXTURES = Path(__file__).parent / "fixtures"
DEV_PAGES = Path(__file__).parents[2] / "shared" / "dev" / "pages"


def _read_pages(folder: Path) -> tuple[str, ...]:
    if not folder.is_dir():
        return ()
    return tuple(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt")))


FIXTURE_PAGES = _read_pages(FIXTURES)
DEV = _read_pages(DEV_PAGES)


# --------------------------------------------------------------------------- lines to insert

_KIND_LABELS = sorted(KIND_BY_LABEL)
_DATES = (
    "1 May 2013",
    "May 1, 2013",
    "2013-05-01",
    "13.12.2013",
    "3 May",
    "soon",
    "31 February 2013",
)
_NAMES = (
    "OSCE Office in Tarvik",
    "OSCE Mission to Zelmar (closed)",
    "(closed)",
    "Date: 1 May 2013",
    "Posted: 1 May 2013",
    "Policing",
    "Migration, Policing",
    "Space diplomacy",
    "Press release",
    ",,",
)
_CHROME = (
    "Newsroom",
    "Share",
    "Skip to main content",
    "...",
    "•",
    "13:31 | 22.09.2014",
    "date 2024-10-07",
    "Published on: 3 May 2021",
    "Photo: Zelmar Quill",
    "© Vorlan 2014",
    "Source: OSCE",
    "Related content",
    "OSCE Impact",
    "3 May 2014",
    "ZELMAR 3 May 2014",
    "ZELMAR, 3 May 2014 – Thirty judges met.",
    "NGONGO",
    "non-governmental organization activists met.",
)


_TRICKY_VALUES = ("Date: 1 May 2013", "Posted: 1 May 2013", "Fields of work: Policing", "-")


@st.composite
def _metadata_lines(draw: st.DrawFn, key: str | None = None) -> list[str]:
    """A metadata bullet, its value on its line or the next, or (for any key) a value alone."""
    layout = draw(st.integers(0, 3 if key is None else 2))
    if key is None:
        key = draw(st.sampled_from(("Date", "Source", "Fields of work", "Author", "Posted")))
    value = draw(st.sampled_from(_DATES + _NAMES) | st.sampled_from(_TRICKY_VALUES))
    if layout == 0:
        return [f"- {key}: {value}"]
    if layout == 1:
        return [f"- {key}:", f"- {value}"]
    if layout == 2:
        return [f"- {key}:"]
    return [f"- {value}"]


_INSERTS = st.one_of(
    st.sampled_from(_KIND_LABELS).map(lambda label: [label.title()]),
    st.sampled_from(_KIND_LABELS).map(lambda label: [label.upper()]),
    _metadata_lines(),
    st.sampled_from(_CHROME).map(lambda line: [line]),
)


# --------------------------------------------------------------------------- mutations


def _article_start(lines: Sequence[str]) -> int:
    """Where the article starts: after the navigation menu, if any."""
    return _parser._parse_menu([line.strip() for line in lines])


def _index(draw: st.DrawFn, lines: list[str], *, header: bool = False) -> int:
    """A line index: most often in the article, near its head when `header`."""
    try:
        start = min(_article_start(lines), len(lines) - 1)
    except ParseError:
        start = 0
    near = st.integers(start, min(start + 8, len(lines) - 1))
    anywhere = st.integers(start, len(lines) - 1) | st.integers(0, len(lines) - 1)
    return draw(near | anywhere if header else anywhere | near)


def _delete(draw: st.DrawFn, lines: list[str]) -> list[str]:
    at = _index(draw, lines)
    return lines[:at] + lines[at + draw(st.integers(1, 3)) :]


def _duplicate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    at = _index(draw, lines)
    to = draw(st.sampled_from((at, at + 1))) if draw(st.booleans()) else _index(draw, lines)
    return [*lines[:to], lines[at], *lines[to:]]


def _swap(draw: st.DrawFn, lines: list[str]) -> list[str]:
    a, b = _index(draw, lines), _index(draw, lines)
    lines = list(lines)
    lines[a], lines[b] = lines[b], lines[a]
    return lines


def _move(draw: st.DrawFn, lines: list[str]) -> list[str]:
    at = _index(draw, lines)
    rest = [*lines[:at], *lines[at + 1 :]]
    to = _index(draw, rest) if rest else 0
    return [*rest[:to], lines[at], *rest[to:]]


def _case(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """A line, or a copy of it, in capitals, lower case, title case or swapped case."""
    at = _index(draw, lines)
    change: Callable[[str], str] = draw(
        st.sampled_from((str.upper, str.lower, str.title, str.swapcase))
    )
    changed = change(lines[at])
    if draw(st.booleans()):
        return [*lines[: at + 1], changed, *lines[at + 1 :]]
    return [*lines[:at], changed, *lines[at + 1 :]]


def _rebullet(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """A line, or a copy of it, with a bullet put before it or changed."""
    at = _index(draw, lines)
    bullet = draw(st.sampled_from(("• ", "* ", "- ", "· ", "–", "▪", "")))
    text = lines[at].strip()
    bare = text[1:].lstrip() if text[:1] in "•·▪●◦‣*-–—" else text
    changed = bullet + bare
    if draw(st.booleans()):
        return [*lines[: at + 1], changed, *lines[at + 1 :]]
    return [*lines[:at], changed, *lines[at + 1 :]]


def inserts(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """Lines of the format put in: kind labels, metadata bullets, chrome."""
    at = _index(draw, lines, header=True)
    return [*lines[:at], *draw(_INSERTS), *lines[at:]]


def revalues(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """The value of one of the page's metadata bullets replaced by another."""
    keys = [at for at, line in enumerate(lines) if _parser._METADATA.fullmatch(line.strip())]
    if not keys:
        return lines
    at = draw(st.sampled_from(keys))
    key = _parser._METADATA.fullmatch(lines[at].strip())["key"]  # type: ignore[index]
    end = at + 1
    if end < len(lines) and lines[end].startswith("- ") and ":" not in lines[end]:
        end += 1  # the value on the next line
    return [*lines[:at], *draw(_metadata_lines(key)), *lines[end:]]


def _prefix(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """A line led by a metadata key, a kind label, a machine date or a chrome word."""
    at = _index(draw, lines, header=True)
    lead = draw(st.sampled_from(("- Date: ", "- Source: ", "- ", "date 2023-05-09 ", "Source: ")))
    return [*lines[:at], lead + lines[at], *lines[at + 1 :]]


def _glue(draw: st.DrawFn, lines: list[str]) -> list[str]:
    at = _index(draw, lines)
    if at + 1 >= len(lines):
        return lines
    joint = draw(st.sampled_from(("", " ")))
    return [*lines[:at], lines[at] + joint + lines[at + 1], *lines[at + 2 :]]


def _cut(draw: st.DrawFn, lines: list[str]) -> list[str]:
    at = _index(draw, lines)
    line = lines[at]
    split = draw(st.integers(0, len(line)))
    pieces = [line[:split], line[split:]] if draw(st.booleans()) else [line[:split]]
    return [*lines[:at], *pieces, *lines[at + 1 :]]


def _truncate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    cut = draw(st.integers(len(text) // 4, len(text)))
    return text[:cut].split("\n")


def _drop_menu(draw: st.DrawFn, lines: list[str]) -> list[str]:
    try:
        return lines[_article_start(lines) :]
    except ParseError:
        return lines


MUTATIONS = (
    _delete,
    _duplicate,
    _swap,
    _move,
    _case,
    _rebullet,
    inserts,
    revalues,
    _prefix,
    _glue,
    _cut,
    _truncate,
    _drop_menu,
)


Mutation = Callable[[st.DrawFn, list[str]], list[str]]


@st.composite
def mutants(
    draw: st.DrawFn,
    pages: Sequence[str],
    max_mutations: int = 5,
    mutations: Sequence[Mutation] = MUTATIONS,
) -> str:
    """One of `pages` with one to `max_mutations` of `mutations`."""
    lines = draw(st.sampled_from(pages)).split("\n")
    for _ in range(draw(st.integers(1, max_mutations))):
        if not any(line.strip() for line in lines):
            break
        lines = draw(st.sampled_from(mutations))(draw, lines)
    return "\n".join(lines)


# --------------------------------------------------------------------------- the checks


def input_lines(text: str) -> list[str]:
    """The lines of `text` as the reader numbers them (line N at index N - 1), unstripped."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def error_is_inside(error: ParseError, text: str) -> bool:
    """Whether the error's line and column point into `text` (a column may be one past the end)."""
    lines = input_lines(text)
    if error.line is None:
        return error.column is None
    if not 1 <= error.line <= len(lines):
        return False
    return error.column is None or 1 <= error.column <= len(lines[error.line - 1]) + 1


def _normal(text: str) -> str:
    return " ".join(text.split())


def _source_of(text: str) -> Source | None:
    name = _parser._CLOSED.sub("", text)
    return Source(name=name, closed=name != text) if name.strip() else None


_KEYS = ("date", "source", "fields of work")


def _value_tokens(key: str, value: str) -> list[Hashable] | None:
    """What a metadata value is in the document: its date, its source, its fields of work."""
    if key == "date":
        date = _dates.parse_loose_date(value)
        return None if date is None else [("published", date)]
    if key == "source":
        source = _source_of(value)
        return None if source is None else [("source", source)]
    parts = [part.strip() for part in value.split(",") if part.strip()]
    return [("field", FieldOfWork.lookup(part) or part) for part in parts] or None


def _block_token(block: Block) -> Hashable:
    return ("item" if isinstance(block, ListItem) else "text", block.text)


class _Accounts:
    """What the document holds, token by token; each input line uses some tokens up.

    The header's tokens (kind, title, metadata) are told apart from the body's
    (blocks) and the footer's (related items), since a line is read by the
    part of the page it stands in.
    """

    def __init__(self, document: Document) -> None:
        tokens: Counter[Hashable] = Counter()
        if document.kind is not DocumentKind.OTHER:
            tokens[("kind", document.kind)] += 1
        if document.title is not None:
            tokens[("title", document.title)] += 1
        tokens.update(("key", key) for key in _KEYS)
        if document.published is not None:
            tokens[("published", document.published)] += 1
        if document.source is not None:
            tokens[("source", document.source)] += 1
        tokens.update(("field", field) for field in document.fields_of_work)
        tokens.update(_block_token(block) for block in document.body)
        for item in document.related:
            tokens.update([("related kind", item.kind), ("related", item.title)])
            if item.published is not None:
                tokens[("related date", item.published)] += 1
            if item.source is not None:
                tokens[("related source", item.source)] += 1
        self.tokens = tokens
        self.blocks = list(document.body)
        self.unparsed: dict[int, list[str]] = {}
        for line in document.unparsed:
            self.unparsed.setdefault(line.line, []).append(line.text)

    def take(self, wanted: Sequence[Hashable] | None) -> bool:
        """Use up `wanted`, if the document holds every token of it."""
        if not wanted:
            return False
        need = Counter(wanted)
        if any(self.tokens[token] < count for token, count in need.items()):
            return False
        self.tokens.subtract(need)
        return True

    def give(self, tokens: Sequence[Hashable]) -> None:
        """Give back tokens taken."""
        self.tokens.update(tokens)

    def take_first(self, readings: list[list[Hashable]], choices: list[_Choice]) -> bool:
        """Use up the first reading the document holds; else take one from an earlier line.

        An earlier line gives its reading up when it can take another one.
        """
        for index, reading in enumerate(readings):
            if self.take(reading):
                choices.append(_Choice(readings, index))
                return True
        for index, reading in enumerate(readings):
            for choice in choices:
                chosen = choice.readings[choice.index]
                if not set(chosen) & set(reading):
                    continue
                self.give(chosen)
                if self.take(reading):
                    for other, alternative in enumerate(choice.readings):
                        if other != choice.index and self.take(alternative):
                            choice.index = other
                            choices.append(_Choice(readings, index))
                            return True
                    self.give(reading)
                self.take(chosen)
        return False


class _Choice:
    """The readings of a line and the one it took."""

    def __init__(self, readings: list[list[Hashable]], index: int) -> None:
        self.readings = readings
        self.index = index


def _readings(text: str, key: str | None, *, header: bool) -> list[list[Hashable]]:
    """The ways the document can hold a line, in the header or further down.

    In the header: metadata (a key, or a value under its key), the kind, the
    title, a block (the body may start at once). Further down: a block, or a
    related item's kind, title, date or source.
    """
    readings: list[list[Hashable] | None] = []
    kind = KIND_BY_LABEL.get(text.casefold())
    if header:
        metadata = _parser._METADATA.fullmatch(text)
        if metadata and metadata["key"].casefold() in _KEYS:
            known = metadata["key"].casefold()
            value = (metadata["value"] or "").strip()
            readings.append([("key", known), *(_value_tokens(known, value) or [("none",)])])
            readings.append([("key", known)] if not value else None)
        elif key is not None and text.startswith("- "):  # under a metadata bullet: its value
            readings.append(_value_tokens(key, text[2:].strip()))
        readings.append([("kind", kind)] if kind is not None else None)
        readings.append([("title", text)])
    readings.append([("text", text)])
    bullet = _parser._BULLET.fullmatch(text)
    readings.append([("item", bullet["text"].strip())] if bullet else None)
    readings.append([("related kind", kind)] if kind is not None else None)
    readings.append([("related", text)])
    date = _dates.parse_date(text)
    readings.append([("related date", date)] if date is not None else None)
    readings.append([("related source", source)] if (source := _source_of(text)) else None)
    return [reading for reading in readings if reading]


def _block_tokens(line: str) -> list[Hashable]:
    """What a block read from `line` may be: the line, or a list item's text."""
    bullet = _parser._BULLET.fullmatch(line)
    tokens: list[Hashable] = [("title", line), ("text", line)]
    return [*tokens, ("item", bullet["text"].strip())] if bullet else tokens


def lost_lines(text: str, document: Document) -> list[tuple[int, str]]:
    """The input lines outside the menu that `document` does not hold, with their numbers.

    A line is held as a part of the document (title, block, kind, metadata key
    or value, related item's line), in `Document.unparsed` under its number (a
    machine date that leads a line there, the rest of the line held on), as the
    two halves of a glossary tooltip, as a caption glued to a dateline (two
    blocks), or is a word-for-word repeat of the title or of an earlier block's
    line, which the format drops.

    Lines are matched to the document's parts in order, each to its first
    reading the document holds: in the header (until a line is read as a
    block), metadata, a kind, the title, a block; further down a block, then
    a related item's line. A line left without a reading may take one from an
    earlier line that can take another.
    """
    texts = [line.strip() for line in input_lines(text)]
    accounts = _Accounts(document)
    choices: list[_Choice] = []
    seen: set[str] = set()  # the lines read as the title or a block, normalised
    lost: list[tuple[int, str]] = []
    key: str | None = None  # the metadata key whose values may follow
    header = True
    number = _parser._parse_menu(texts)
    while number < len(texts):
        number += 1
        line = original = texts[number - 1]
        if not line:
            continue
        after, key = key, None  # values follow their key, or fields of work their value
        kept = accounts.unparsed.get(number, [])
        if line in kept:
            kept.remove(line)
            if line.startswith("- "):
                key = after  # a value kept aside ("- ,,"): more values may follow
            continue
        while stamp := next((s for s in kept if s and line.startswith(s)), ""):
            kept.remove(stamp)  # " date 2023-05-09 Title": the stamp kept, the rest read on
            line = line[len(stamp) :].strip()
        if not line or line in kept:
            continue
        following = texts[number] if number < len(texts) else ""
        tooltip = _acronyms.restore_tooltip(line, following) if following else None
        tokens = _block_tokens(tooltip.line) if tooltip is not None else []
        joined = next((token for token in tokens if accounts.take([token])), None)
        if tooltip is not None and joined is not None:
            seen.add(_normal(tooltip.line))
            header = header and joined[0] == "title"  # type: ignore[index]
            number += 1
            continue
        if _normal(line) in seen:
            continue  # a word-for-word repeat of the title or of an earlier block's line
        if accounts.take_first(_readings(line, after, header=header), choices):
            kind, value = choices[-1].readings[choices[-1].index][0]  # type: ignore[misc]
            if kind in ("title", "text", "item"):
                seen.update({_normal(line), _normal(original)})
            if kind in ("text", "item"):
                header = False
            elif kind == "key":
                key = value
            elif kind == "field" and line.startswith("- "):
                key = after
            continue
        if _glued(line, accounts, seen):
            seen.add(_normal(original))
            header = False
            continue
        lost.append((number, line))
    return lost


def _glued(line: str, accounts: _Accounts, seen: set[str]) -> bool:
    """A line split into two blocks: a photo caption glued to the dateline.

    The caption may be a block, or a word-for-word repeat of an earlier line
    (dropped); when it is kept aside, the caller has taken it off the line.
    """
    for block in accounts.blocks:
        if not line.endswith(block.text) or len(block.text) == len(line):
            continue
        caption = line[: len(line) - len(block.text)].strip()
        if (_normal(caption) in seen and accounts.take([_block_token(block)])) or accounts.take(
            [("text", caption), _block_token(block)]
        ):
            seen.update({_normal(caption), _normal(block.text)})  # two lines now, for repeats
            return True
    return False


def parse_or_none(text: str) -> tuple[Document | None, ParseError | None]:
    """The document `text` parses to, or the `ParseError` it raises."""
    import osce_thb

    try:
        return osce_thb.parse(text), None
    except ParseError as error:
        return None, error


def describe(value: Any) -> str:
    """A short repr for assertion messages."""
    text = repr(value)
    return text if len(text) < 2_000 else text[:2_000] + "…"
