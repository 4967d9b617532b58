"""Writing a document back to the raw text format: the inverse of `parse`, for what text carries.

Two layouts:

* ``"page"``, the full osce.org page::

      menu      a small navigation menu: "-", headings, "- item" lines
      kind      "Press release", "Story", ... (no line for `DocumentKind.OTHER`)
      title     (no line when the title is ``None``)
      - Date:   then "- 13 December 2013" when the date is known
      - Source: then "- name", with " (closed)" for a closed office
      - Fields of work:  then "- a, b" when there are any
      body      one block a line; list items with a "• " bullet
      footer    three heading lines ("Related content", "OSCE Impact",
                "Discover more stories like this."), a blank line, then one
                group a related item: kind, title, [date], [source], the groups
                separated by blank lines

* ``"bare"``, a bare copy: the title, a blank line, the body.

The dateline is not written on its own: it is part of the first paragraph's
text, where the parser reads it (a caption split off it is glued back to it
when it must be: see `_lines`). A list item takes another bullet than "• "
when that line would repeat another or read as a date line; a metadata value
that would read as a bullet of its own stands on its key's line. What no line
can carry (a repeated paragraph, a line break, a comma in a field of work) is
refused with a `ValueError`. Blocks are written one a line, but for a block
that ends in a doubled term ("NGONGO") before one that spells it out: a blank
line keeps them apart, or the parser would join them as a tooltip. An
abbreviation that the title and body do not define inline is written back as the
glossary tooltip it was read from ("NGONGO", the definition on the next line),
in the first block of the body that holds the abbreviation as a word (never in
the title, which cut in two could read as a label above a headline).

What the text does not carry, in either layout: the fields derived from the
body (`abbreviations`, other than as inline definitions and tooltips;
`quotes`, `people`, `figures`, `regions`, `donors`, `programmes`,
`nrm_phases`: the parser recomputes them from the body), `unparsed` (chrome is not written), and
related items of kind `DocumentKind.OTHER` (they have no label to write). The
bare layout carries neither kind, nor publication date (but the dateline's),
nor source, fields of work or related items. See `osce_thb.strategies.carried`
for the exact comparison, and `osce_thb.strategies.documents` for the
documents that the text renders unambiguously.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Literal, NamedTuple

from osce_thb import _acronyms
from osce_thb._dates import MONTH_NAMES, parse_date_line
from osce_thb._vocabulary import (
    BULLETS,
    DATELINE_BLOCKS,
    KIND_BY_LABEL,
    KIND_LABELS,
    METADATA,
    words,
)
from osce_thb.model import FieldOfWork, ListItem, Source

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from osce_thb.model import Abbreviation, Block, Document, RelatedItem

__all__ = ["FOOTER_HEADINGS", "KIND_LABELS", "format_date", "render"]


# The navigation menu: its shape is what the parser recognises, not its words.
_MENU = (
    "-",
    "Our work",
    "-",
    "Fields of work",
    "- Combating trafficking in human beings",
    "- Migration",
    "-",
    "Countries",
    "- All",
    "-",
    "Structures and institutions",
    "- Secretariat",
    "- About us",
)
# The parser takes up to three lines before the first related item for footer headings,
# body lines included if they look like headings: three of them leave it no body line.
FOOTER_HEADINGS = ("Related content", "OSCE Impact", "Discover more stories like this.")
_BULLET = "• "
_CLOSED = re.compile(r"\(closed\)\s*$", re.IGNORECASE)  # the parser's marker of a closed office
# Bullets for a list item whose line with "• " would not read back as itself: the
# same text again, or a text that reads as a date line after a bullet ("• 3 May 2013").
# A dash needs its space; a hyphen ("- ") is left out: under the metadata, it is a value.
_OTHER_BULLETS = (*(bullet + " " for bullet in BULLETS if bullet + " " != _BULLET), "– ", "— ")


def format_date(date: dt.date) -> str:
    """A date as osce.org prints it: "13 December 2013".

    Example:
        >>> import datetime
        >>> format_date(datetime.date(2013, 12, 3))
        '3 December 2013'
    """
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year:04d}"


def render(document: Document, layout: Literal["page", "bare"] = "page") -> str:
    r"""Write `document` as the raw text of a page, which `parse` reads back.

    For the documents of `osce_thb.strategies.documents`, ``parse(render(d))``
    gives `d` back for everything the layout carries (see the module's notes and
    `osce_thb.strategies.carried`), and so for a document that `parse`
    produced, whatever page it was read from. Such a document comes back
    whole but for `Document.unparsed` and the abbreviations defined outside
    the body's text (in lines left unparsed, or in a tooltip in the title):
    the text carries those as tooltips in the body, where a block uses them
    as a word, and in the body's order.

    Args:
        document: The document to write.
        layout: ``"page"`` for the full osce.org page (menu, kind line, title,
            metadata bullets, body, related footer); ``"bare"`` for a bare copy
            (the title, a blank line, the body).

    Returns:
        The text, lines separated by ``"\n"``, ending with a newline.

    Raises:
        ValueError: `layout` is neither ``"page"`` nor ``"bare"``, or the text
            cannot carry the document: a line of the body repeats the title
            or an earlier line (ignoring case and spacing; list items are
            written with other bullets rather than refused, while there are
            bullets left), a text holds a line break, a field of work a comma,
            or a source's name ends in "(closed)". The parser would read such a
            text back otherwise: it drops or sets aside repeats, and cuts lines.

    Example:
        >>> from osce_thb import Document, Paragraph, parse
        >>> doc = Document(title="Shelters open", body=(Paragraph(text="The shelters opened."),))
        >>> print(render(doc, "bare"), end="")
        Shelters open
        <BLANKLINE>
        The shelters opened.
        >>> parse(render(doc)).body == doc.body
        True
    """
    head, body, foot = _layout(document, layout)
    return "\n".join([*head, *(line for lines in body for line in lines), *foot]) + "\n"


class _Parts(NamedTuple):
    head: list[str]  # menu, kind, title, metadata; or the title and a blank line
    body: list[list[str]]  # the lines of each block: one, or two for a tooltip
    foot: list[str]  # the related footer


def _layout(document: Document, layout: str) -> _Parts:
    """The lines of the page, in three parts (the tests insert noise between blocks)."""
    if layout not in ("page", "bare"):
        msg = f"unknown layout {layout!r} (expected 'page' or 'bare')"
        raise ValueError(msg)
    title_lines, body = _render_text(document)
    if layout == "bare":
        return _Parts([*title_lines, ""] if title_lines else [], body, [])
    head = [*_MENU]
    if document.kind in KIND_LABELS:
        head.append(KIND_LABELS[document.kind])
    head.extend(title_lines)
    head.extend(_metadata(document))
    return _Parts(head, body, _footer(document.related))


def _metadata(document: Document) -> list[str]:
    published = format_date(document.published) if document.published else None
    source = _source(document.source) if document.source else None
    names = [f.value if isinstance(f, FieldOfWork) else f for f in document.fields_of_work]
    for name in names:
        _check_line(name, "a field of work")
        if "," in name:
            _refuse(f"the field of work {name!r} holds a comma: it would read as two")
    return [
        *_bullet("Date", published),
        *_bullet("Source", source),
        *_bullet("Fields of work", ", ".join(names) if names else None),
    ]


def _bullet(key: str, value: str | None) -> list[str]:
    """A metadata bullet, its value on the next line as osce.org prints it.

    A value that would read as a bullet of its own there ("- Posted: 1 May
    2013") stands on the key's line instead.
    """
    if value is None:
        return [f"- {key}:"]
    if METADATA.fullmatch("- " + value):
        return [f"- {key}: {value}"]
    return [f"- {key}:", "- " + value]


def _source(source: Source) -> str:
    _check_line(source.name, "a source's name")
    if _CLOSED.search(source.name):
        _refuse(f"the source's name {source.name!r} ends in '(closed)': it would read as closed")
    return source.name + (" (closed)" if source.closed else "")


def _check_line(text: str, what: str) -> None:
    """Refuse a text that the parser would read as several lines."""
    if "\n" in text or "\r" in text:
        _refuse(f"{what} holds a line break: {_short(text)}")


def _refuse(reason: str) -> None:
    msg = f"cannot render this document: {reason}"
    raise ValueError(msg)


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _footer(related: Sequence[RelatedItem]) -> list[str]:
    """The related-content footer; items of kind OTHER have no label, and are left out."""
    items = [item for item in related if item.kind in KIND_LABELS]
    if not items:
        return []
    lines = ["", *FOOTER_HEADINGS]
    for item in items:
        _check_line(item.title, "a related item's title")
        lines.extend(["", KIND_LABELS[item.kind], item.title])
        if item.published is not None:
            lines.append(format_date(item.published))
        if item.source is not None:
            lines.append(_source(item.source))
    return lines


# --------------------------------------------------------------------------- title and body


def _block_line(block: Block) -> str:
    return _BULLET + block.text if isinstance(block, ListItem) else block.text


def _fold(text: str) -> str:
    return words(text).casefold()


def _lines(document: Document) -> list[str | None]:
    """The title's line and each block's line, as the parser will read them back.

    A list item whose line would repeat an earlier one, or read as a date line,
    takes another bullet. A caption that the parser split off the dateline's
    paragraph is glued back to it (its own line is ``None``) when, on a line of
    its own, it would push the dateline's paragraph past the blocks where the
    parser looks for it. Any other repeat is refused.
    """
    title = document.title
    if title is not None:
        _check_line(title, "the title")
    written = {_fold(title)} if title is not None else set()
    caption = _caption_to_glue(document)
    lines: list[str | None] = [title]
    for position, block in enumerate(document.body):
        _check_line(block.text, f"block {position}")
        if position == caption:
            lines.append(None)
            continue
        line = _block_line(block)
        if caption is not None and position == caption + 1:
            line = document.body[caption].text + line
        if isinstance(block, ListItem):
            lines_of_item = (line, *(bullet + block.text for bullet in _OTHER_BULLETS))
            line = next(
                (x for x in lines_of_item if _fold(x) not in written and not _reads_as_date(x)),
                "",
            )
            if not line:
                _refuse(
                    f"block {position} (list item {_short(block.text)}): no bullet left that"
                    " reads back as this item (it repeats an earlier one, or reads as a date)"
                )
        elif _fold(line) in written:
            what = "the title" if _fold(line) == _fold(title or "") else "an earlier line"
            _refuse(f"block {position} ({_short(line)}) repeats {what}: the parser drops repeats")
        written.add(_fold(line))
        lines.append(line)
    return lines


def _reads_as_date(line: str) -> bool:
    """Whether the parser would set `line` aside as a date line ("• 3 May 2013")."""
    return line[:1] in BULLETS and parse_date_line(line) is not None


def _caption_to_glue(document: Document) -> int | None:
    """The block of a caption to write glued to the dateline's paragraph, if it must be.

    The parser splits a caption off the dateline's paragraph in the fourth
    block; on two lines, the dateline's paragraph would be the fifth block.
    """
    dateline = document.dateline
    if dateline is None:
        return None
    body = document.body
    lead = next(
        (
            position
            for position, block in enumerate(body)
            if not isinstance(block, ListItem) and block.text.startswith(dateline.text)
        ),
        None,
    )
    if not lead or isinstance(body[lead - 1], ListItem):
        return None
    return lead - 1 if lead >= DATELINE_BLOCKS else None


def _render_text(document: Document) -> tuple[list[str], list[list[str]]]:
    """The title's lines and each block's lines, with tooltips where abbreviations need them."""
    texts = _lines(document)
    rendered: list[list[str]] = [[text] if text is not None else [] for text in texts]
    # Tooltips go into the body, never the title: cut in two, a title can read as a
    # label above a headline ("Press release: OSCEOSCE" above "Organization for ...").
    position = 1
    for abbreviation in _tooltips(document):
        while position < len(texts):
            text = texts[position]
            position += 1
            split = _place_tooltip(text, abbreviation) if text is not None else None
            if split is not None:
                rendered[position - 1] = list(split)
                break
        else:
            break  # no line left for this one: the rest stay plain
    body = rendered[1:]
    for lines, following in itertools.pairwise(group for group in body if group):
        if _would_join(lines[-1], following[0]):
            lines.append("")  # kept apart, as the text they were read from kept them
    return rendered[0], body


def _would_join(line: str, following: str) -> bool:
    """Whether the parser would read `line` and `following` as one line and its tooltip."""
    return line[-1:].isalnum() and _acronyms.restore_tooltip(line, following) is not None


def _tooltips(document: Document) -> list[Abbreviation]:
    """The abbreviations to write as tooltips: those the title and body do not spell out."""
    if not document.abbreviations:
        return []
    title = [document.title] if document.title else []
    texts = [*title, *(block.text for block in document.body)]
    return list(_acronyms.glossary(document.abbreviations, texts))


def _place_tooltip(text: str, abbreviation: Abbreviation) -> tuple[str, str] | None:
    """`text` cut after a doubled term, the definition leading the next line, if it reads back.

    The glossary tooltip as scraped reads ``...journalists and NGONGO`` then
    ``non-governmental organization activists...``; the split is used only when
    the parser's own reading gives back `text` and `abbreviation` exactly.
    """
    short = abbreviation.short
    pattern = re.compile(
        rf"(?<![^\s{re.escape(_acronyms.LEAD_PUNCTUATION)}])"
        rf"{re.escape(short)}(?!\w)"
    )
    for match in pattern.finditer(text):
        line = text[: match.end()] + short
        following = abbreviation.long + text[match.end() :]
        if not line[-1:].isalnum() or following.casefold() in KIND_BY_LABEL:
            continue
        restored = _acronyms.restore_tooltip(line, following)
        if restored is not None and (restored.line, restored.abbreviation) == (text, abbreviation):
            return line, following
    return None
