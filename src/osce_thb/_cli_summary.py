"""A document in a few lines, for a person at a terminal: what ``osce-thb parse`` shows there.

JSON is for programs; a person who runs ``osce-thb parse --samples`` wants to
see what was found. `summary` gives, per document, the file, the title, one
line of kind, date, dateline place and source, then the regions, the other
places (when there are any), donors, speakers and NRM phases, each list cut
after a few items and wrapped to the terminal's width::

    samples/press-release.txt
      Freedonian social workers learn to spot victims of trafficking
      Press release · 3 May 2021 · Sylvansk, Freedonia · OSCE Mission to Freedonia
      Regions   none found
      Donors    none found
      Speakers  Ambassador Rufus T. Firefly (Head of the OSCE Mission to Freedonia)

Everything shown comes from the page, so control characters (a page could hold
escape sequences that drive the terminal) are shown as U+FFFD.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    import osce_thb

__all__ = ["summary"]

_SHOWN: Final = 8  # items of a list shown before "and N more"
_LABEL: Final = 10  # the width of "Speakers  "
_INDENT: Final = "  "
_NONE: Final = "none found"
_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_KINDS: Final = {"op_ed": "Op-ed"}
_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f]")


def summary(document: osce_thb.Document, path: str, *, width: int = 80) -> str:
    """A few lines that say what `document`, read from `path`, holds; they end with a newline.

    Args:
        document: The parsed page.
        path: Where it came from, the first line.
        width: The terminal's width: longer lines are wrapped (at least 40).
    """
    width = max(width, 40)
    lines = [_clean(path)]
    title = document.title or "(no title)"
    lines += _wrap(title, width, _INDENT, _INDENT)
    lines += _wrap(" · ".join(_facts(document)), width, _INDENT, _INDENT)
    regions = [region.name for region in document.regions]
    lines += _listed("Regions", regions, width)
    if document.other_places:
        places = [_place(place.name, place.country) for place in document.other_places]
        lines += _listed("Places", places, width)
    lines += _listed("Donors", [donor.name for donor in document.donors], width)
    lines += _listed("Speakers", _speakers(document), width)
    if document.nrm_phases:
        lines += _listed("NRM", _phases(document), width, separator="; ")
    return "\n".join(lines) + "\n"


def _clean(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        _clean(text),
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _facts(document: osce_thb.Document) -> list[str]:
    """Kind, date, where it was written, who published it: the ones known."""
    kind = document.kind.value
    facts = [_KINDS.get(kind, kind.replace("_", " ").capitalize())]
    date = document.published or (document.dateline.date if document.dateline else None)
    facts.append(_date(date) if date else "no date")
    dateline = document.dateline
    if dateline is not None and (dateline.place or dateline.country):
        facts.append(", ".join(part for part in (dateline.place, dateline.country) if part))
    if document.source is not None:
        facts.append(document.source.name)
    return facts


def _place(name: str, country: str) -> str:
    return f"{name} ({country})" if country else name


def _date(date: dt.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def _speakers(document: osce_thb.Document) -> list[str]:
    """Who is quoted, each once, in the order of their first quote."""
    found: dict[str, str] = {}
    for quote in document.quotes:
        speaker = quote.speaker
        if speaker.name in found:
            continue
        name = f"{speaker.title} {speaker.name}" if speaker.title else speaker.name
        found[speaker.name] = f"{name} ({speaker.role})" if speaker.role else name
    return list(found.values())


def _phases(document: osce_thb.Document) -> list[str]:
    """Each NRM phase: its stage, its years, and its status unless it is done."""
    found = []
    for phase in document.nrm_phases:
        words = [phase.stage.value]
        if phase.start is not None and phase.end is not None and phase.start != phase.end:
            words.append(f"{phase.start}–{phase.end}")
        elif phase.start is not None or phase.end is not None:
            words.append(str(phase.start if phase.start is not None else phase.end))
        if phase.status.value != "completed":
            words.append(f"({phase.status.value})")
        if phase.regions:
            count = len(phase.regions)
            words.append(f"in {count} region{'' if count == 1 else 's'}")
        found.append(" ".join(words))
    return found


def _listed(label: str, items: Sequence[str], width: int, *, separator: str = ", ") -> list[str]:
    """``Label     a, b, c and 4 more``, wrapped under its first item."""
    unique = list(dict.fromkeys(items))
    if not unique:
        text = _NONE
    else:
        text = separator.join(unique[:_SHOWN])
        if len(unique) > _SHOWN:
            text += f" and {len(unique) - _SHOWN} more"
    head = f"{_INDENT}{label:<{_LABEL}}"
    return _wrap(text, width, head, " " * len(head))
