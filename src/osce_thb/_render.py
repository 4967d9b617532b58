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
text, where the parser reads it. Blocks are written one a line, but for a block
that ends in a doubled term ("NGONGO") before one that spells it out: a blank
line keeps them apart, or the parser would join them as a tooltip. An
abbreviation that the body does not define inline is written back as the
glossary tooltip it was read from ("NGONGO", the definition on the next line),
when the text holds the abbreviation as a word.

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
from osce_thb._dates import MONTH_NAMES
from osce_thb._vocabulary import KIND_BY_LABEL, KIND_LABELS
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
    `osce_thb.strategies.carried`), and for a document that `parse` produced,
    ``parse(render(d))`` equals `d` but for `Document.unparsed`.

    Args:
        document: The document to write.
        layout: ``"page"`` for the full osce.org page (menu, kind line, title,
            metadata bullets, body, related footer); ``"bare"`` for a bare copy
            (the title, a blank line, the body).

    Returns:
        The text, lines separated by ``"\n"``, ending with a newline.

    Raises:
        ValueError: `layout` is neither ``"page"`` nor ``"bare"``.

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
    lines = ["- Date:"]
    if document.published is not None:
        lines.append("- " + format_date(document.published))
    lines.append("- Source:")
    if document.source is not None:
        lines.append("- " + _source(document.source))
    lines.append("- Fields of work:")
    if document.fields_of_work:
        names = (f.value if isinstance(f, FieldOfWork) else f for f in document.fields_of_work)
        lines.append("- " + ", ".join(names))
    return lines


def _source(source: Source) -> str:
    return source.name + (" (closed)" if source.closed else "")


def _footer(related: Sequence[RelatedItem]) -> list[str]:
    """The related-content footer; items of kind OTHER have no label, and are left out."""
    items = [item for item in related if item.kind in KIND_LABELS]
    if not items:
        return []
    lines = ["", *FOOTER_HEADINGS]
    for item in items:
        lines.extend(["", KIND_LABELS[item.kind], item.title])
        if item.published is not None:
            lines.append(format_date(item.published))
        if item.source is not None:
            lines.append(_source(item.source))
    return lines


# --------------------------------------------------------------------------- title and body


def _block_line(block: Block) -> str:
    return _BULLET + block.text if isinstance(block, ListItem) else block.text


def _render_text(document: Document) -> tuple[list[str], list[list[str]]]:
    """The title's lines and each block's lines, with tooltips where abbreviations need them."""
    texts: list[str | None] = [document.title, *(_block_line(b) for b in document.body)]
    rendered: list[list[str]] = [[text] if text is not None else [] for text in texts]
    position = 0
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
    for lines, following in itertools.pairwise(body):
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
