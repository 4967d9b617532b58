"""The page grammar: raw text → lines → menu, header, body, footer → `Document`.

A full page, as scraped from osce.org, reads::

    page      = [menu] [prelude] [kind] [title] {metadata} body [footer]
    menu      = lines "-", "- item", and headings each followed by items
    kind      = "Press release" | "Story" | "News item" | ...
    metadata  = "- Date:" | "- Source:" | "- Fields of work:", the value on the
                same line or on the next "- " line
    body      = one block per line: paragraphs, headings, list items
    footer    = [footer headings] {related item: kind, title, date, [source]}

A bare copy has no menu and no metadata; it may carry site chrome before the
title ("Newsroom", "13:31 | 22.09.2014") and may start at the dateline, with no
title at all. Every line outside the menu ends up in the document: in a field,
in a block, or, when not understood, in `Document.unparsed` with its number.
Each ``_parse_x`` function reads one rule of this grammar.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, NamedTuple

from osce_thb import _abbreviations, _dateline, _dates
from osce_thb._extract import extract
from osce_thb.errors import ParseError
from osce_thb.model import (
    Abbreviation,
    Block,
    Dateline,
    Document,
    DocumentKind,
    FieldOfWork,
    Heading,
    ListItem,
    Paragraph,
    RelatedItem,
    Source,
    UnparsedLine,
)

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["parse", "parse_bytes", "parse_file"]


class _Line(NamedTuple):
    number: int  # 1-based, in the input
    text: str  # stripped


_KIND_LABELS = {
    "press release": DocumentKind.PRESS_RELEASE,
    "press releases": DocumentKind.PRESS_RELEASE,
    "story": DocumentKind.STORY,
    "stories": DocumentKind.STORY,
    "news item": DocumentKind.NEWS_ITEM,
    "news items": DocumentKind.NEWS_ITEM,
    "news": DocumentKind.NEWS_ITEM,
    "event": DocumentKind.EVENT,
    "events": DocumentKind.EVENT,
    "feature": DocumentKind.FEATURE,
    "features": DocumentKind.FEATURE,
    "speech": DocumentKind.SPEECH,
    "speeches": DocumentKind.SPEECH,
    "statement": DocumentKind.STATEMENT,
    "statements": DocumentKind.STATEMENT,
    "interview": DocumentKind.INTERVIEW,
    "op-ed": DocumentKind.OP_ED,
    "publication": DocumentKind.PUBLICATION,
}

# "- Date: 13 December 2013", "- Source:", "- Fields of work:"; other keys are kept unparsed.
_METADATA = re.compile(r"-\s*(?P<key>[A-Z][A-Za-z ]{1,30}):(?:\s+(?P<value>.*))?")
_KNOWN_KEYS = ("date", "source", "fields of work")
_CLOSED = re.compile(r"\s*\(closed\)\s*$", re.IGNORECASE)

# Site chrome that real copies carry before the title.
_PRELUDE_CHROME = re.compile(
    r"""(?ix)
    (?: newsroom | subscribe\ to\ our\ newsletter | share | print | home | back
      | follow\ us | latest\ news | news\ and\ press\ releases )
    """
)
_TIMESTAMP = re.compile(
    r"(?:\d{1,2}:\d{2}\s*\|\s*(?P<a>[\d./-]{8,10}))"  # 13:31 | 22.09.2014
    r"|(?:date\s+(?P<b>\d{4}-\d{2}-\d{2}))"  # date 2024-10-07
    r"|(?:(?:published|posted|updated)(?:\s+on)?:?\s+(?P<c>.{6,40}))",
    re.IGNORECASE,
)

# Reposting notes, copyright lines and other chrome that is not the article's text.
_REPOST = re.compile(
    r"""(?ix)
    (?: compiled\ from | published\ in | cited\ in | source | originally\ published
      | reprinted\ from | copyright | photo(?:s|\ credit)? ) \s*:
    | © | \(c\)\s+\d{4}
    | this\ (?:article|text|story)\ (?:has\ been|was)\ (?:translated|reproduced|republished)
    """
)

# The related-content footer: its headings, before the items.
_FOOTER_HEADING = re.compile(
    r"(?i)(?:osce\ impact|discover\ more\b.*|related(?:\ content|\ stories|\ news)?|see\ also"
    r"|more\ stories|read\ more|you\ may\ also\ be\ interested\ in.*)",
)

_BULLET_CHARS = frozenset("•·▪●◦‣*-–—")
_BULLET = re.compile(r"(?:[•·▪●◦‣*]|[-–—](?=\s))\s*(?P<text>.+)")
_STANDALONE_MAX_CHARS = 80  # "TBILISI/BATUMI, Georgia, 13 December 2013" and the like
_CLOSING = tuple('.,;:!?…"”’»)]')
_HEADING_MAX_CHARS = 120
_HEADING_MAX_WORDS = 14
_DATELINE_SEARCH = 3  # the dateline leads one of the first paragraphs


# --------------------------------------------------------------------------- input


def _split_lines(text: str) -> list[str]:
    """Check the input and cut it into stripped lines (line N is at index N - 1)."""
    given: object = text  # checked at run time too: callers may be untyped
    if not isinstance(given, str):
        msg = f"parse() takes a str, not {type(given).__name__}; use parse_file() for files"
        raise TypeError(msg)
    text = text.removeprefix("\ufeff")
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if "\x00" in text:
        number = next(i for i, line in enumerate(raw, start=1) if "\x00" in line)
        line = raw[number - 1]
        msg = f"NUL byte in the text (line {number}): this looks like binary data, not a page"
        raise ParseError(msg, line=number, column=line.index("\x00") + 1, snippet=line)
    if not text.strip():
        msg = "empty text: there is nothing to parse"
        raise ParseError(msg, line=1, column=1)
    return [line.strip() for line in raw]


# --------------------------------------------------------------------------- menu


def _is_menu_item(text: str) -> bool:
    if text == "-":
        return True
    return text.startswith("- ") and not (":" in text and _METADATA.fullmatch(text))


def _next_text(texts: list[str], index: int) -> str | None:
    """The next non-blank line at or after `index`, if any."""
    for position in range(index, len(texts)):  # no slice: that would copy the rest each time
        if texts[position]:
            return texts[position]
    return None


def _parse_menu(texts: list[str]) -> int:
    """Skip the navigation menu, if the page starts with one; return where it ends.

    Rule: menu = { "-" | "- item" | heading }, where a heading is a line of its
    own followed by menu items. The kind line, by contrast, is followed by the
    title, and the title by metadata: the menu is told by its shape, not its words.
    A metadata bullet ("- Date:") is never a menu heading, even with "- value" after it.
    """
    first = _next_text(texts, 0)
    if first is None or not _is_menu_item(first):
        return 0
    last_item = 0
    for index, text in enumerate(texts):
        if not text:
            continue
        if not _is_menu_item(text):
            following = _next_text(texts, index + 1)
            if following is None or not _is_menu_item(following) or _METADATA.fullmatch(text):
                return index
        last_item = index
    number = last_item + 1
    msg = f"no title found: the text ends inside the navigation menu (line {number})"
    raise ParseError(msg, line=number, column=1, snippet=texts[last_item])


# --------------------------------------------------------------------------- header


class _Header(NamedTuple):
    kind: DocumentKind | None
    title: str | None
    published: dt.date | None
    source: Source | None
    fields_of_work: tuple[FieldOfWork | str, ...]


class _Page:
    """The state of one parse: the lines, the position, and what was kept aside."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.index = 0
        self.unparsed: list[UnparsedLine] = []
        self.tooltips: list[Abbreviation] = []
        self.extra_dates: list[dt.date] = []  # from chrome and standalone date lines

    def keep(self, line: _Line) -> None:
        """Keep a line that was not understood."""
        self.unparsed.append(UnparsedLine(line=line.number, text=line.text))

    def skip_blank(self) -> None:
        while self.index < len(self.lines) and not self.lines[self.index].text:
            self.index += 1

    def peek(self) -> _Line | None:
        self.skip_blank()
        return self.lines[self.index] if self.index < len(self.lines) else None


def _parse_prelude(page: _Page) -> DocumentKind | None:
    """Rule: prelude = { chrome line }: "Newsroom", "Stories", "13:31 | 22.09.2014", ...

    Kind labels among them give the kind; dates give a publication date.
    """
    kind = None
    while (line := page.peek()) is not None:
        label = _KIND_LABELS.get(line.text.casefold())
        if label is not None:
            kind = label
        elif _PRELUDE_CHROME.fullmatch(line.text):
            page.keep(line)
        elif stamp := _TIMESTAMP.fullmatch(line.text):
            date = _dates.parse_loose_date(stamp["a"] or stamp["b"] or stamp["c"])
            if date is None:
                break
            page.extra_dates.append(date)
            page.keep(line)
        else:
            break
        page.index += 1
    return kind


def _is_title(text: str) -> bool:
    """A title: not a metadata bullet or menu item, not a paragraph that opens with a dateline."""
    return (
        not _METADATA.fullmatch(text)
        and not _is_menu_item(text)
        and _dateline.match_dateline(text) is None
    )


def _parse_title(page: _Page) -> str | None:
    """Rule: title = a line of its own before the metadata or the dateline paragraph.

    A copy may repeat its headline two or three times; the repeats are dropped.
    """
    line = page.peek()
    if line is None or not _is_title(line.text):
        return None
    if page.index + 1 < len(page.lines) and (joined := _join_tooltip(page, page.index)):
        title = joined
    else:
        title = line.text
    page.index += 1
    while (repeat := page.peek()) is not None and _fold(repeat.text) == _fold(title):
        page.index += 1
    return title


def _parse_metadata(page: _Page) -> tuple[dt.date | None, Source | None, tuple[str, ...]]:
    """Rule: metadata = { "- Key:" [value] { "- value" } }, for Date, Source and Fields of work."""
    published = None
    source = None
    fields: list[str] = []
    while (line := page.peek()) is not None and (match := _METADATA.fullmatch(line.text)):
        page.index += 1
        key = match["key"].casefold()
        values = [match["value"].strip()] if match["value"] and match["value"].strip() else []
        if key not in _KNOWN_KEYS:
            page.keep(line)
            continue
        values_lines = [line] if values else []
        while (nxt := page.peek()) is not None and _is_menu_item(nxt.text) and nxt.text != "-":
            value = nxt.text[2:].strip()
            if values and not (key == "fields of work" and _all_known_fields(value)):
                break
            values.append(value)
            values_lines.append(nxt)
            page.index += 1
        if key == "date":
            published = _read_date_values(page, values, values_lines)
        elif key == "source" and values:
            name = _CLOSED.sub("", values[0])
            source = Source(name=name, closed=name != values[0]) if name.strip() else None
            for extra_line in values_lines[1:] if source else values_lines:  # "(closed)" alone
                page.keep(extra_line)
        else:
            fields.extend(part.strip() for value in values for part in value.split(","))
    return published, source, tuple(field for field in fields if field)


def _all_known_fields(value: str) -> bool:
    return all(FieldOfWork.lookup(part) for part in value.split(","))


def _read_date_values(page: _Page, values: list[str], lines: list[_Line]) -> dt.date | None:
    published = None
    for value, line in zip(values, lines, strict=True):
        date = _dates.parse_loose_date(value) if value else None
        if date is not None and published is None:
            published = date
        elif value:
            page.keep(line)
    return published


def _parse_header(page: _Page) -> _Header:
    """Rule: header = [prelude] [kind] [title] {metadata}."""
    kind = _parse_prelude(page)
    title = _parse_title(page)
    published, source, fields = _parse_metadata(page)
    return _Header(kind, title, published, source, tuple(fields))


# --------------------------------------------------------------------------- footer


def _is_related_start(lines: list[_Line], index: int) -> bool:
    """A kind label, a title, then a date within the next two lines."""
    if lines[index].text.casefold() not in _KIND_LABELS:
        return False
    following = []
    for line in lines[index + 1 : index + 4]:  # the item's lines, as `_parse_footer` groups them
        if not line.text or line.text.casefold() in _KIND_LABELS:
            break
        following.append(line.text)
    return len(following) >= 2 and any(_dates.parse_date(text) for text in following[1:3])


def _find_footer(lines: list[_Line], start: int) -> int:
    """Where the related-content footer starts (its headings included), or len(lines)."""
    for index in range(start, len(lines)):
        if lines[index].text and _is_related_start(lines, index):
            head = index
            probe = index - 1
            taken = 0
            while probe >= start and taken < 3:
                text = lines[probe].text
                if not text:
                    probe -= 1
                    continue
                if not (_FOOTER_HEADING.fullmatch(text.rstrip(".")) or _headingish(text)):
                    break
                head = probe
                taken += 1
                if text.casefold() in _KIND_LABELS:  # an undated item: its headings come before
                    taken = 0
                probe -= 1
            return head
    return len(lines)


def _parse_footer(page: _Page, end: int) -> tuple[RelatedItem, ...]:
    """Rule: footer = {footer heading} {kind title [date] [source]}."""
    items: list[RelatedItem] = []
    lines = page.lines
    index = page.index
    while index < end:
        line = lines[index]
        if not line.text:
            index += 1
            continue
        kind = _KIND_LABELS.get(line.text.casefold())
        group: list[_Line] = []
        probe = index + 1
        while probe < end and lines[probe].text and len(group) < 3:
            if lines[probe].text.casefold() in _KIND_LABELS:
                break
            group.append(lines[probe])
            probe += 1
        if kind is None or not group:
            page.keep(line)
            index += 1
            continue
        items.append(_related_item(page, kind, group))
        index = probe
    page.index = end
    return tuple(items)


def _related_item(page: _Page, kind: DocumentKind, group: list[_Line]) -> RelatedItem:
    title, *rest = group
    published = None
    source = None
    for line in rest:
        date = _dates.parse_date(line.text) if published is None else None
        if date is not None:
            published = date
        elif source is None and (name := _CLOSED.sub("", line.text)):  # not "(closed)" alone
            source = Source(name=name, closed=name != line.text)
        else:
            page.keep(line)
    return RelatedItem(kind=kind, title=title.text, published=published, source=source)


# --------------------------------------------------------------------------- body


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _headingish(text: str) -> bool:
    """Short, capitalised, without closing punctuation: a heading if a paragraph follows."""
    return (
        len(text) <= _HEADING_MAX_CHARS
        and not text.endswith(_CLOSING)
        and (text[0].isupper() or text[0].isdigit())
        and len(text.split()) <= _HEADING_MAX_WORDS
    )


def _join_tooltip(page: _Page, index: int) -> str | None:
    """Restore a glossary tooltip spilled over lines `index` and `index + 1`."""
    line = page.lines[index].text
    following = page.lines[index + 1].text if index + 1 < len(page.lines) else ""
    last = line[line.rfind(" ") + 1 :]
    half = len(last) // 2
    if not following or last[-half:] != last[-2 * half : -half] or half < 2:
        return None  # a quick look: the line does not end in a doubled term ("NGONGO")
    tooltip = _abbreviations.restore_tooltip(line, following)
    if tooltip is None:
        return None
    page.tooltips.append(tooltip.abbreviation)
    page.index = index + 1  # the definition line is used up with this one
    return tooltip.line


class _Candidate(NamedTuple):
    line: _Line
    text: str
    bullet: bool


def _parse_body(page: _Page, end: int, title: str | None) -> list[Block]:
    """Rule: body = { paragraph | heading | list item }, one per line.

    Chrome (reposting notes, copyright lines) and standalone date lines are kept
    aside; a paragraph that repeats an earlier one word for word is dropped,
    since copies sometimes carry the whole body twice.
    """
    candidates: list[_Candidate] = []
    seen: set[str] = set()
    if title:
        seen.add(title.casefold())
    while page.index < end:
        line = page.lines[page.index]
        if not line.text:
            page.index += 1
            continue
        text = _join_tooltip(page, page.index) if page.index + 1 < end else None
        text = text or line.text
        page.index += 1
        if _REPOST.match(text):
            page.keep(line)
            continue
        standalone = (
            _dateline.match_standalone(text) if len(text) <= _STANDALONE_MAX_CHARS else None
        )
        if standalone is not None:
            if standalone.dateline.date is not None:
                page.extra_dates.append(standalone.dateline.date)
            page.keep(line)
            continue
        key = text.casefold()
        if key in seen:
            continue
        seen.add(key)
        bullet = _BULLET.fullmatch(text) if text[0] in _BULLET_CHARS else None
        if bullet:
            candidates.append(_Candidate(line, bullet["text"].strip(), bullet=True))
        else:
            candidates.append(_Candidate(line, text, bullet=False))
    return _blocks(candidates)


def _blocks(candidates: list[_Candidate]) -> list[Block]:
    """Decide, line by line, between heading, paragraph and list item."""
    blocks: list[Block] = []
    for position, candidate in enumerate(candidates):
        if candidate.bullet:
            blocks.append(ListItem(text=candidate.text))
            continue
        following = candidates[position + 1] if position + 1 < len(candidates) else None
        if (
            following is not None
            and _headingish(candidate.text)
            and (following.bullet or not _headingish(following.text))
        ):
            blocks.append(Heading(text=candidate.text))
        else:
            blocks.append(Paragraph(text=candidate.text))
    return blocks


def _find_dateline(blocks: list[Block]) -> tuple[Dateline | None, list[Block]]:
    """The dateline leading one of the first paragraphs, splitting off a glued caption."""
    for position, block in enumerate(blocks[: _DATELINE_SEARCH + 1]):
        if not isinstance(block, Paragraph):
            continue
        found = _dateline.match_dateline(block.text)
        if found is not None:
            return found.dateline, blocks
        glued = _dateline.find_glued(block.text)
        if glued is not None:
            offset, match = glued
            caption = Paragraph(text=block.text[:offset].strip())
            rest = Paragraph(text=block.text[offset:])
            return match.dateline, [*blocks[:position], caption, rest, *blocks[position + 1 :]]
    return None, blocks


# --------------------------------------------------------------------------- the page


def parse(text: str) -> Document:
    """Parse the raw text of an OSCE page into a `Document`.

    Reads the full osce.org page (navigation menu, kind line, title, metadata
    bullets, body, related-content footer), bare copies (title, then the
    dateline paragraph) and truncated texts, which parse as far as they go.

    Args:
        text: The page's text.

    Returns:
        The document, with every non-menu line kept somewhere in it.

    Raises:
        ParseError: The text is empty, holds NUL bytes, ends inside the
            navigation menu, or holds nothing but a kind line or chrome.
        TypeError: `text` is not a `str`.
    """
    texts = _split_lines(text)
    start = _parse_menu(texts)
    lines = [_Line(number, texts[number - 1]) for number in range(start + 1, len(texts) + 1)]
    page = _Page(lines)
    header = _parse_header(page)
    footer_start = _find_footer(lines, page.index)
    body = _parse_body(page, footer_start, header.title)
    related = _parse_footer(page, len(lines))
    if header.title is None and not body:
        _fail_empty(lines, page)
    dateline, body = _find_dateline(body)
    published = header.published
    if published is None and dateline is not None:
        published = dateline.date
    if published is None and page.extra_dates:
        published = page.extra_dates[0]
    kind = header.kind
    if kind is None:
        kind = DocumentKind.PRESS_RELEASE if dateline is not None else DocumentKind.OTHER
    texts = [block.text for block in body]
    found = extract(texts, page.tooltips, published, dateline)
    return Document(
        kind=kind,
        title=header.title,
        published=published,
        source=header.source,
        fields_of_work=header.fields_of_work,
        dateline=dateline,
        body=tuple(body),
        abbreviations=found.abbreviations,
        quotes=found.quotes,
        people=found.people,
        figures=found.figures,
        regions=found.regions,
        donors=found.donors,
        programmes=found.programmes,
        nrm_phases=found.nrm_phases,
        related=related,
        unparsed=tuple(sorted(page.unparsed, key=lambda item: item.line)),
    )


def _fail_empty(lines: list[_Line], page: _Page) -> None:
    last = next(line for line in reversed(lines) if line.text)
    if last.text.casefold() in _KIND_LABELS:
        msg = (
            f"no title found: the text ends after the kind line {last.text!r} (line {last.number})"
        )
    elif page.unparsed:
        msg = f"no article found: the text holds only site chrome and metadata (line {last.number})"
    else:
        msg = f"no article found: nothing after the header (line {last.number})"
    raise ParseError(msg, line=last.number, column=1, snippet=last.text)


def parse_bytes(data: bytes, *, name: str | None = None) -> Document:
    """Decode UTF-8 bytes (a BOM and CRLF line ends are fine) and parse them.

    Args:
        data: The page's bytes.
        name: What to call the input in error messages (a path, "<stdin>").

    Raises:
        ParseError: The bytes are not UTF-8 (the message gives the byte offset,
            line and column), or the text cannot be parsed (see `parse`).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start
        line_start = data.rfind(b"\n", 0, offset) + 1
        line = data.count(b"\n", 0, offset) + 1
        column = offset - line_start + 1
        msg = (
            f"{name + ': ' if name else ''}not UTF-8 text: byte 0x{data[offset : offset + 1].hex()}"
            f" at offset {offset} (line {line}, column {column}) cannot be decoded"
        )
        snippet = data[line_start:].split(b"\n", 1)[0].decode("utf-8", "replace")
        raise ParseError(msg, line=line, column=column, snippet=snippet, offset=offset) from None
    return parse(text)


def parse_file(path: str | os.PathLike[str]) -> Document:
    """Read a page from a UTF-8 file (a BOM and CRLF line ends are fine) and parse it.

    Raises:
        ParseError: The bytes are not UTF-8 (the message gives the byte offset,
            line and column), or the text cannot be parsed (see `parse`).
        OSError: The file cannot be read.
    """
    with open(path, "rb") as handle:  # noqa: PTH123  # a str or PathLike, as the caller gave it
        data = handle.read()
    return parse_bytes(data, name=os.fspath(path))
