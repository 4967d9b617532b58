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
title ("Newsroom", "13:31 | 22.09.2014", a section's label, the site's name:
`osce_thb._chrome` tells them by their shape) and may start at the dateline,
with no title at all. Every line outside the menu ends up in the document: in a field,
in a block, or, when not understood, in `Document.unparsed` with its number.
Each ``_parse_x`` function reads one rule of this grammar.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from osce_thb import _acronyms, _chrome, _dateline, _dates
from osce_thb._vocabulary import BULLETS, DATELINE_BLOCKS, KIND_BY_LABEL, METADATA, words
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

__all__ = ["decode", "read"]


class _Line(NamedTuple):
    """A line handed on: to `Document.unparsed`, to a block, to a related item.

    The page holds its lines as strings (`_Page.texts`) and makes a `_Line` only
    for a line it hands on: an object per input line, alive for the whole parse,
    would have Python's garbage collector walk them all again and again on a long
    input (several full passes for a few hundred thousand lines).
    """

    number: int  # 1-based, in the input
    text: str  # stripped


# "- Date: 13 December 2013", "- Source:", "- Fields of work:"; other keys are kept unparsed.
_METADATA = METADATA
_KNOWN_KEYS = ("date", "source", "fields of work")
_CLOSED = re.compile(r"\s*\(closed\)\s*$", re.IGNORECASE)

# A time stamp that dateutil reads: "Published on Friday, 13 Dec. 2013" and the like.
_TIMESTAMP = re.compile(
    r"(?:\d{1,2}:\d{2}\s*\|\s*(?P<a>[\d./-]{8,10}))"  # 13:31 | 22.09.2014
    r"|(?:date\s+(?P<b>\d{4}-\d{2}-\d{2}))"  # date 2024-10-07
    r"|(?:(?:published|posted|updated)(?:\s+on)?:?\s+(?P<c>.{6,40}))",
    re.IGNORECASE,
)

# The related-content footer: its headings, before the items.
_FOOTER_HEADING = re.compile(
    r"(?i)(?:osce\ impact|discover\ more\b.*|related(?:\ content|\ stories|\ news)?|see\ also"
    r"|more\ stories|read\ more|you\ may\ also\ be\ interested\ in.*)",
)

_BULLET_CHARS = frozenset(BULLETS + "-–—")
_BULLET = re.compile(rf"(?:[{BULLETS}]|[-–—](?=\s))\s*(?P<text>.+)")
_STANDALONE_MAX_CHARS = 80  # "TBILISI/BATUMI, Georgia, 13 December 2013" and the like
_CLOSING = tuple('.,;:!?…"”’»)]')
_HEADING_MAX_CHARS = 120
_HEADING_MAX_WORDS = 14
_STAMP_MAX_CHARS = 120  # the longest date or time stamp a site prints, and then some
_LABEL_LOOKAHEAD = 8  # labels above a headline: a few lines of chrome at most


# --------------------------------------------------------------------------- input


def _split_lines(text: str) -> list[str]:
    """Check the input and cut it into stripped lines (line N is at index N - 1)."""
    given: object = text  # checked at run time too: callers may be untyped
    if not isinstance(given, str):
        msg = (
            f"expected a str, not {type(given).__name__}:"
            " use parse_bytes() for bytes and parse_file() for a file"
        )
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
    if "<" in text:
        _refuse_markup("\n".join(raw), raw)
    return [line.strip() for line in raw]


# An element of HTML or XML markup: a tag of a known HTML element, a declaration,
# a processing instruction or a comment.
_MARKUP = re.compile(
    r"""<(?:
        /?(?:html|head|body|div|p|span|h[1-6]|br|hr|a|b|i|em|strong|article|section|header
          |footer|nav|main|ul|ol|li|table|tr|td|th|script|style|meta|link|title|img|figure)
          \b[^<>\n]{0,200}>
      | ![Dd][Oo][Cc][Tt][Yy][Pp][Ee]\b | \?xml\b | !--
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_MARKUP_TAGS = 3  # tags that make a text markup, unless it opens with one


def _refuse_markup(text: str, raw: list[str]) -> None:
    """Raise `ParseError` for HTML or XML: a text that opens with markup or holds several tags."""
    tags = []
    for match in _MARKUP.finditer(text):
        tags.append(match)
        opens = not text[: match.start()].strip()
        if opens or len(tags) >= _MARKUP_TAGS:
            first = tags[0]
            number = text.count("\n", 0, first.start()) + 1
            column = first.start() - (text.rfind("\n", 0, first.start()) + 1) + 1
            msg = (
                f"this is markup (HTML or XML), not the text of a page: {first.group()[:40]!r};"
                " extract the page's text first (a browser's copy, or an HTML-to-text tool),"
                " then parse that"
            )
            raise ParseError(msg, line=number, column=column, snippet=raw[number - 1])
        if len(tags) > _MARKUP_TAGS:
            break


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
    """The state of one parse: the lines, the position, and what was kept aside.

    Attributes:
        texts: The stripped lines after the menu; `texts[i]` is line `first + i`.
        first: The number of the first line of `texts` in the input (1-based).
        index: The position of the current line in `texts`.
    """

    def __init__(self, texts: list[str], first: int) -> None:
        self.texts = texts
        self.first = first
        self.index = 0
        self.unparsed: list[UnparsedLine] = []
        self.tooltips: list[Abbreviation] = []
        self.extra_dates: list[dt.date] = []  # from chrome and standalone date lines
        self._shapes: dict[int, _chrome.Shape | None] = {}  # header lines, by index

    def shape(self, index: int) -> _chrome.Shape | None:
        """The header shape of line `index` (see `_header_shape`), computed once."""
        if index not in self._shapes:
            self._shapes[index] = _header_shape(self.texts[index])
        return self._shapes[index]

    def line(self, index: int) -> _Line:
        """Line `index` of `texts`, with its number."""
        return _Line(self.first + index, self.texts[index])

    def replace(self, text: str) -> None:
        """Put `text` in place of the current line (what is left of it)."""
        self.texts[self.index] = text
        self._shapes.pop(self.index, None)

    def keep(self, *lines: _Line) -> None:
        """Keep lines that were not understood."""
        self.unparsed.extend(UnparsedLine(line=line.number, text=line.text) for line in lines)

    def skip_blank(self) -> None:
        while self.index < len(self.texts) and not self.texts[self.index]:
            self.index += 1

    def peek(self) -> _Line | None:
        self.skip_blank()
        return self.line(self.index) if self.index < len(self.texts) else None


def _parse_prelude(page: _Page) -> DocumentKind | None:
    """Rule: prelude = { chrome line | kind | label above the headline }.

    Chrome: "Newsroom", "Skip to main content", "...", a date or time stamp
    ("13:31 | 22.09.2014", "• Saturday, 9 February 2013"), a machine date before
    the first line (" date 2023-05-09 Title": the stamp is chrome, the rest of
    the line is read on). A label ("Local", the site's name in capitals, an
    office's name) is chrome when a headline follows it before the article
    starts (see `_is_label_above_headline`). The first kind label gives the
    kind (a second one is kept in `Document.unparsed`); dates give a
    publication date.
    """
    kind = None
    while (line := page.peek()) is not None:
        line = _split_machine_date(page, line)
        label = KIND_BY_LABEL.get(line.text.casefold())
        shape = page.shape(page.index) if label is None else None
        if label is not None and kind is None:
            kind = label
        elif label is not None:
            page.keep(line)
        elif shape is _chrome.Shape.CHROME:
            if (date := _stamp_date(line.text)) is not None:
                page.extra_dates.append(date)
            page.keep(line)
        elif shape is not None and _is_label_above_headline(page, shape):
            page.keep(line)
        else:
            break
        page.index += 1
    return kind


def _split_machine_date(page: _Page, line: _Line) -> _Line:
    """Keep leading " date 2023-05-09 " stamps aside, and read the rest of their line on."""
    start = 0
    while (split := _chrome.split_machine_date(line.text, start)) is not None:
        page.keep(_Line(line.number, split.stamp))
        page.extra_dates.append(split.date)
        start = split.end
    if not start:
        return line
    page.replace(line.text[start:])
    return page.line(page.index)


def _stamp_date(text: str) -> dt.date | None:
    """The date of a line that is only a date or time stamp, if it is one."""
    if len(text) > _STAMP_MAX_CHARS:
        return None  # a paragraph, at a glance
    date = _dates.parse_date_line(text)
    if date is None and (stamp := _TIMESTAMP.fullmatch(text)):
        date = _dates.parse_loose_date(stamp["a"] or stamp["b"] or stamp["c"])
    return date


def _header_shape(text: str) -> _chrome.Shape | None:
    """The shape of a header line, or None for one the article starts with.

    Kind labels count as chrome here; metadata bullets, menu items, list items and
    dateline paragraphs start the article, as `_chrome.Shape.TEXT` lines do.
    """
    if text.casefold() in KIND_BY_LABEL:
        return _chrome.Shape.CHROME
    if _METADATA.fullmatch(text) or _is_menu_item(text):
        return None
    shape = _chrome.shape(text)  # dates and time stamps first: "• Monday, 03 June 2024"
    if shape is _chrome.Shape.CHROME or (
        shape is not _chrome.Shape.TEXT and _stamp_date(text) is not None
    ):
        return _chrome.Shape.CHROME
    if (
        shape is _chrome.Shape.TEXT
        or text[0] in _BULLET_CHARS
        or _dateline.match_dateline(text) is not None
    ):
        return None
    return shape


def _is_label_above_headline(page: _Page, first: _chrome.Shape) -> bool:
    """Whether the current line is a label above the headline, not the headline itself.

    Rule, over the header lines below it, up to the article's start: a SHORT line
    ("Local") is chrome when a HEADLINE follows; a LABEL (the site's name, an
    office's name, a bar of links) also when a SHORT line follows. Any line is
    chrome when a line below it is printed twice (copies repeat the headline),
    unless it is repeated itself. A lone line before the article stays the
    title, whatever its shape.
    """
    if first is _chrome.Shape.CHROME:
        return False
    wanted = set()
    if first in (_chrome.Shape.LABEL, _chrome.Shape.SHORT):
        wanted.add(_chrome.Shape.HEADLINE)
    if first is _chrome.Shape.LABEL:
        wanted.add(_chrome.Shape.SHORT)
    own = _fold(page.texts[page.index])
    below: set[str] = set()
    seen = 0
    for position in range(page.index + 1, len(page.texts)):
        text = page.texts[position]
        if not text:
            continue
        seen += 1
        shape = page.shape(position) if seen <= _LABEL_LOOKAHEAD else None
        if shape is None:
            return False
        key = _fold(text)
        if key == own:
            return False  # the line is printed twice: it is the headline
        if shape in wanted:
            return True
        if shape is not _chrome.Shape.CHROME:
            if key in below:
                return True
            below.add(key)
    return False


def _is_title(text: str, *, above_metadata: bool = False) -> bool:
    """A title: not a metadata bullet or menu item, not a paragraph.

    A paragraph: one that opens with a dateline, prose (several sentences, or a
    line longer than any headline), or a sentence that ends in a full stop, which
    headlines do not. The line above the metadata bullets of a full page is the
    title whatever it ends with.
    """
    if _METADATA.fullmatch(text) or _is_menu_item(text) or _dateline.match_dateline(text):
        return False
    if above_metadata:
        return True
    return not _chrome.is_prose(text) and not (text.endswith(".") and not text.endswith(".."))


def _parse_title(page: _Page) -> str | None:
    """Rule: title = a line of its own before the metadata or the dateline paragraph.

    A copy may repeat its headline two or three times: a word-for-word repeat
    is dropped, one in other case ("HOTLINE OPENS") is kept in `Document.unparsed`.
    """
    line = page.peek()
    if line is None:
        return None
    following = next(
        (page.texts[at] for at in range(page.index + 1, len(page.texts)) if page.texts[at]), ""
    )
    above_metadata = _METADATA.fullmatch(following) is not None
    if not _is_title(line.text, above_metadata=above_metadata):
        return None
    if page.index + 1 < len(page.texts) and (joined := _join_tooltip(page, page.index)):
        title = joined.line
        page.tooltips.append(joined.abbreviation)
    else:
        title = line.text
    page.index += 1
    while (repeat := page.peek()) is not None and _fold(repeat.text) == _fold(title):
        if words(repeat.text) != words(title):
            page.keep(repeat)
        page.index += 1
    return title


def _parse_metadata(page: _Page) -> tuple[dt.date | None, Source | None, tuple[str, ...]]:
    """Rule: metadata = { "- Key:" [value] { "- value" } }, for Date, Source and Fields of work.

    The first bullet of each key is read; a key given again is kept in
    `Document.unparsed` with its values, as are unknown keys, values that are
    no date, a "(closed)" without a name and a field value without names.
    """
    published = None
    source = None
    fields: list[str] = []
    read: set[str] = set()
    while (line := page.peek()) is not None and (match := _METADATA.fullmatch(line.text)):
        page.index += 1
        key = match["key"].casefold()
        values = [match["value"].strip()] if match["value"] and match["value"].strip() else []
        if key not in _KNOWN_KEYS:
            page.keep(line)
            continue
        again = key in read
        read.add(key)
        values_lines = [line] if values else []
        while (nxt := page.peek()) is not None and _is_menu_item(nxt.text) and nxt.text != "-":
            value = nxt.text[2:].strip()
            if values and not (key == "fields of work" and _all_known_fields(value)):
                break
            values.append(value)
            values_lines.append(nxt)
            page.index += 1
        if again:
            page.keep(line)
            for value_line in values_lines:
                if value_line is not line:
                    page.keep(value_line)
        elif key == "date":
            published = _read_date_values(page, values, values_lines)
        elif key == "source" and values:
            name = _CLOSED.sub("", values[0])
            source = Source(name=name, closed=name != values[0]) if name.strip() else None
            for extra_line in values_lines[1:] if source else values_lines:  # "(closed)" alone
                page.keep(extra_line)
        else:
            for value, value_line in zip(values, values_lines, strict=True):
                names = [part.strip() for part in value.split(",") if part.strip()]
                fields.extend(names)
                if not names:  # "- ,,": no name to read
                    page.keep(value_line)
    return published, source, tuple(fields)


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


def _is_related_start(texts: list[str], index: int) -> bool:
    """A kind label, a title, then a date within the next two lines."""
    if texts[index].casefold() not in KIND_BY_LABEL:
        return False
    following = []
    for text in texts[index + 1 : index + 4]:  # the item's lines, as `_parse_footer` groups them
        if not text or text.casefold() in KIND_BY_LABEL:
            break
        following.append(text)
    return len(following) >= 2 and any(_dates.parse_date(text) for text in following[1:3])


def _find_footer(texts: list[str], start: int) -> int:
    """Where the related-content footer starts (its headings included), or len(texts)."""
    for index in range(start, len(texts)):
        if texts[index] and _is_related_start(texts, index):
            head = index
            probe = index - 1
            taken = 0
            while probe >= start and taken < 3:
                text = texts[probe]
                if not text:
                    probe -= 1
                    continue
                if not (_FOOTER_HEADING.fullmatch(text.rstrip(".")) or _headingish(text)):
                    break
                head = probe
                taken += 1
                if text.casefold() in KIND_BY_LABEL:  # an undated item: its headings come before
                    taken = 0
                probe -= 1
            return head
    return len(texts)


def _parse_footer(page: _Page, end: int) -> tuple[RelatedItem, ...]:
    """Rule: footer = {footer heading} {kind title [date] [source]}."""
    items: list[RelatedItem] = []
    texts = page.texts
    index = page.index
    while index < end:
        text = texts[index]
        if not text:
            index += 1
            continue
        kind = KIND_BY_LABEL.get(text.casefold())
        group: list[_Line] = []
        probe = index + 1
        while probe < end and texts[probe] and len(group) < 3:
            if texts[probe].casefold() in KIND_BY_LABEL:
                break
            group.append(page.line(probe))
            probe += 1
        if kind is None or not group:
            page.keep(page.line(index))
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
    return words(text).casefold()


def _headingish(text: str) -> bool:
    """Short, capitalised, without closing punctuation: a heading if a paragraph follows."""
    return (
        len(text) <= _HEADING_MAX_CHARS
        and not text.endswith(_CLOSING)
        and (text[0].isupper() or text[0].isdigit())
        and len(text.split()) <= _HEADING_MAX_WORDS
        and not _chrome.is_prose(text)
    )


def _join_tooltip(page: _Page, index: int) -> _acronyms.Tooltip | None:
    """Restore a glossary tooltip spilled over lines `index` and `index + 1`.

    The caller records the abbreviation if it keeps the line: a tooltip in a
    line set aside or dropped defines nothing the document holds.
    """
    line = page.texts[index]
    following = page.texts[index + 1] if index + 1 < len(page.texts) else ""
    last = line[line.rfind(" ") + 1 :]
    half = len(last) // 2
    if not following or last[-half:] != last[-2 * half : -half] or half < 2:
        return None  # a quick look: the line does not end in a doubled term ("NGONGO")
    tooltip = _acronyms.restore_tooltip(line, following)
    if tooltip is None:
        return None
    page.index = index + 1  # the definition line is used up with this one
    return tooltip


class _Candidate(NamedTuple):
    line: _Line
    text: str
    bullet: bool
    tooltip: _Line | None = None  # the definition line of a tooltip joined to `line`


def _parse_body(page: _Page, end: int, title: str | None) -> list[_Candidate]:
    """Rule: body = { paragraph | heading | list item }, one per line.

    Chrome (reposting notes, copyright lines) and standalone date lines are kept
    aside; a line that repeats the title or an earlier line word for word is
    dropped, since copies sometimes carry the whole body twice; a repeat in
    other case ("IT IS FREE." after "It is free.") is kept aside. Returns the
    lines of the blocks, for `_blocks` to tell headings from paragraphs.
    """
    candidates: list[_Candidate] = []
    seen: set[str] = set()  # the lines so far, word for word
    folded: set[str] = set()  # the same, case-folded
    if title:
        seen.add(words(title))
        folded.add(_fold(title))
    while page.index < end:
        if not page.texts[page.index]:
            page.index += 1
            continue
        line = page.line(page.index)
        joined = _join_tooltip(page, page.index) if page.index + 1 < end else None
        # the lines this block is read from: two for a tooltip, kept aside together
        used = [line, page.line(page.index)] if joined else [line]
        text = joined.line if joined else line.text
        page.index += 1
        if _set_aside(page, text, used):
            continue
        key = words(text)
        if key in seen:
            continue
        folded_key = key.casefold()
        if folded_key in folded:
            page.keep(*used)
            continue
        seen.add(key)
        folded.add(folded_key)
        if joined:
            page.tooltips.append(joined.abbreviation)
        bullet = _BULLET.fullmatch(text) if text[0] in _BULLET_CHARS else None
        tooltip = used[1] if joined else None
        if bullet:
            candidates.append(_Candidate(line, bullet["text"].strip(), True, tooltip))
        else:
            candidates.append(_Candidate(line, text, False, tooltip))
    return candidates


def _set_aside(page: _Page, text: str, used: list[_Line]) -> bool:
    """Keep `used` aside if `text` is no text of the article: a reposting note, a date line.

    Chrome (reposting notes, copyright lines), standalone datelines and date or
    time stamps; the dates give the page's date when nothing better does.
    """
    if _chrome.is_repost(text):
        page.keep(*used)
        return True
    standalone = _dateline.match_standalone(text) if len(text) <= _STANDALONE_MAX_CHARS else None
    if standalone is not None:
        if standalone.dateline.date is not None:
            page.extra_dates.append(standalone.dateline.date)
        page.keep(*used)
        return True
    if (date := _stamp_date(text)) is not None:  # "29 July 2019 09:09 (UTC+04:00)"
        page.extra_dates.append(date)
        page.keep(*used)
        return True
    return False


def _blocks(candidates: list[_Candidate]) -> list[Block]:
    """Decide, line by line, between heading, paragraph and list item.

    A line that opens with a dateline is a paragraph, never a heading.
    """
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
            and _dateline.match_dateline(candidate.text) is None
        ):
            blocks.append(Heading(text=candidate.text))
        else:
            blocks.append(Paragraph(text=candidate.text))
    return blocks


def _find_dateline(
    page: _Page, candidates: list[_Candidate], title: str | None, reference: dt.date | None
) -> tuple[Dateline | None, list[Block]]:
    """The blocks, and the dateline leading one of the first paragraphs.

    A news agency's dateline on a line of its own ("Baku, Azerbaijan, Dec. 16",
    read as a heading if a byline follows) counts too: it takes its year from
    `reference`, the page's date, and the block becomes a paragraph. A caption
    glued to the dateline is split off (see `_split_caption`).
    """
    blocks = _blocks(candidates)
    for position, block in enumerate(blocks[:DATELINE_BLOCKS]):
        if isinstance(block, ListItem):
            continue
        agency = _dateline.match_agency_line(block.text, reference)
        if agency is not None:
            rest = [Paragraph(text=block.text), *blocks[position + 1 :]]
            return agency.dateline, [*blocks[:position], *rest]
        if not isinstance(block, Paragraph):
            continue
        found = _dateline.match_dateline(block.text)
        if found is not None:
            return found.dateline, blocks
        glued = _dateline.find_glued(block.text)
        if glued is not None:
            offset, match = glued
            split = _split_caption(page, candidates, position, offset, title)
            return match.dateline, _blocks(split)
    return None, blocks


def _split_caption(
    page: _Page, candidates: list[_Candidate], position: int, offset: int, title: str | None
) -> list[_Candidate]:
    """The lines with a caption cut off the dateline glued to it, at `offset` in line `position`.

    The two parts are read as two lines would be. The caption is kept aside if
    it is chrome or a date line, dropped if it repeats the title or an earlier
    line word for word, kept aside if it repeats one in other case, a heading
    if it reads as one. A later line that repeats either part is dropped, or
    kept aside if in other case.
    """
    glued = candidates[position]
    caption = glued.text[:offset].strip()
    rest = glued._replace(text=glued.text[offset:])
    earlier = [title] if title else []
    earlier += [c.text for c in candidates[:position] if not c.bullet]
    part = _Line(glued.line.number, caption)
    parts = [rest]
    if words(caption) in {words(text) for text in earlier}:
        pass  # a word-for-word repeat: dropped, as a line would be
    elif _fold(caption) in {_fold(text) for text in earlier}:
        page.keep(part)
    elif not _set_aside(page, caption, [part]):
        parts.insert(0, _Candidate(glued.line, caption, bullet=False))
    later = []
    for candidate in candidates[position + 1 :]:
        if not candidate.bullet and _fold(candidate.text) in {_fold(p.text) for p in parts}:
            if words(candidate.text) not in {words(p.text) for p in parts}:
                page.keep(candidate.line, *filter(None, [candidate.tooltip]))
            continue
        later.append(candidate)
    return [*candidates[:position], *parts, *later]


# --------------------------------------------------------------------------- the page


def read(text: str) -> Document:
    """Read the raw text of an OSCE page into a `Document`, without extraction.

    Reads the full osce.org page (navigation menu, kind line, title, metadata
    bullets, body, related-content footer), bare copies (title, then the
    dateline paragraph) and truncated texts, which read as far as they go.
    The fields that extraction derives from the body are left empty, but for
    `Document.abbreviations`, which holds the definitions of glossary tooltips
    (the text keeps only their short forms).

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
    page = _Page(texts[start:], start + 1)
    header = _parse_header(page)
    footer_start = _find_footer(page.texts, page.index)
    body = _parse_body(page, footer_start, header.title)
    related = _parse_footer(page, len(page.texts))
    if header.title is None and not body:
        _fail_empty(page)
    reference = header.published or (page.extra_dates[0] if page.extra_dates else None)
    dateline, blocks = _find_dateline(page, body, header.title, reference)
    published = header.published
    if published is None and dateline is not None:
        published = dateline.date
    if published is None and page.extra_dates:
        published = page.extra_dates[0]
    kind = header.kind
    if kind is None:
        kind = DocumentKind.PRESS_RELEASE if dateline is not None else DocumentKind.OTHER
    return Document(
        kind=kind,
        title=header.title,
        published=published,
        source=header.source,
        fields_of_work=header.fields_of_work,
        dateline=dateline,
        body=tuple(blocks),
        abbreviations=_acronyms.merge(page.tooltips),
        related=related,
        unparsed=tuple(sorted(page.unparsed, key=lambda item: item.line)),
    )


def _fail_empty(page: _Page) -> None:
    last = page.line(next(at for at in reversed(range(len(page.texts))) if page.texts[at]))
    if last.text.casefold() in KIND_BY_LABEL:
        msg = (
            f"no title found: the text ends after the kind line {last.text!r} (line {last.number})"
        )
    elif page.unparsed:
        msg = f"no article found: the text holds only site chrome and metadata (line {last.number})"
    else:
        msg = f"no article found: nothing after the header (line {last.number})"
    raise ParseError(msg, line=last.number, column=1, snippet=last.text)


def decode(data: bytes, *, name: str | None = None) -> str:
    """Decode UTF-8 bytes (a BOM is dropped) into text.

    Args:
        data: The page's bytes.
        name: What to call the input in error messages (a path, "<stdin>").

    Raises:
        ParseError: The bytes are not UTF-8; the message gives the byte offset,
            line and column.
    """
    try:
        return data.decode("utf-8-sig")
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
