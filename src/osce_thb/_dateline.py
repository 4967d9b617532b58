"""Datelines: the "DONETSK, Ukraine, 13 December 2013 –" that leads a release.

Styles seen in real copies (each with a hyphen, an en dash or an em dash, with
or without spaces around it)::

    DONETSK, Ukraine, 13 December 2013 – ...   place, country, date
    KYIV, 19 June 2015 - ...                   place, date
    TBILISI/BATUMI, 9 July 2012 - ...          two places
    Skopje, 3 April 2022 (MIA) – ...           an agency tag after the date
    KYIV 18 November 2002 - ...                no comma
    12 October 2021, Chisinau – ...            date first
    (OSCE KYIV) - ...                          place only, in brackets
    VIENNA - Thirty experts ...                place only, in capitals

Every pattern is anchored and its repetitions bounded, so matching takes time
linear in the length of the paragraph.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import attrs

from osce_thb._dates import DATE_WORDS, parse_date
from osce_thb.model import Dateline

# A place: one to four words, each capitalised (or all capitals), joined by
# spaces, hyphens or a slash for two places ("TBILISI/BATUMI").
_WORD = r"[^\W\d_][\w'’.]{0,30}"
_PLACE = rf"(?:{_WORD}(?:[ /\-]{_WORD}){{0,3}})"
_UPPER_WORD = r"[^\W\d_a-z][^\W\da-z]{1,30}"  # letters with no lower case: "KYIV", "ODESA"
_UPPER_PLACE = rf"(?:{_UPPER_WORD}(?:[ /\-]{_UPPER_WORD}){{0,3}})"
_DASH = r"\s*[-–—]{1,2}(?:\s+|(?=\S))"
_TAG = r"(?:\s\((?P<tag>[^()\n]{1,40})\))?"

_SOURCES = (
    # Place, [Country,] date [(tag)] –
    rf"""(?P<place>{_PLACE}),\s(?:(?P<country>{_PLACE}),\s)?
         (?P<date>{DATE_WORDS}){_TAG}{_DASH}""",
    # PLACE [Country,] date –   (no comma after the place: capitals only)
    rf"""(?P<place>{_UPPER_PLACE})\s(?:(?P<country>{_PLACE}),\s)?
         (?P<date>{DATE_WORDS}){_TAG}{_DASH}""",
    # date, Place –
    rf"""(?P<date>{DATE_WORDS}),\s(?P<place>{_PLACE}){_TAG}{_DASH}""",
    # (OSCE PLACE) –   or   (PLACE) –
    rf"""\((?:OSCE\s)?(?P<place>{_PLACE})\){_DASH}""",
    # PLACE –   (capitals only, so that "Training - a summary" is no dateline)
    rf"""(?P<place>{_UPPER_PLACE}){_DASH}""",
)
_PLACE_ONLY = len(_SOURCES) - 1
_CAPITALS_ONLY = (1, _PLACE_ONLY)  # the patterns whose place is `_UPPER_PLACE`
# Capitals that lead a sentence without being a place.
_NOT_PLACES = frozenset({"OSCE", "ODIHR", "NGO", "NGOS", "UN", "EU", "UNDP", "IOM", "NRM", "THB"})

# A dateline with no dash, standing alone on a line: "KYIV 18 November 2002".
_STANDALONE = (
    rf"(?:(?P<place>{_UPPER_PLACE}),?\s(?:(?P<country>{_PLACE}),\s)?)?(?P<date>{DATE_WORDS})"
)

# Inside a paragraph, a capitals-first dateline glued to a photo caption:
# "...Tirana, 7 June 2016TIRANA, 7 June 2016 – The training...".
_GLUED = (
    rf"(?P<place>{_UPPER_PLACE}),\s(?:(?P<country>{_PLACE}),\s)?(?P<date>{DATE_WORDS}){_TAG}{_DASH}"
)


class _Regexes(NamedTuple):
    leads: tuple[re.Pattern[str], ...]
    standalone: re.Pattern[str]
    glued: re.Pattern[str]


@functools.cache
def _regexes() -> _Regexes:
    """The patterns, compiled on first use: compiling them costs milliseconds at import."""
    return _Regexes(
        tuple(re.compile(source, re.VERBOSE) for source in _SOURCES),
        re.compile(_STANDALONE),
        re.compile(_GLUED),
    )


_GLUE_HINT = re.compile(r"\d[^\W\d_a-z]")  # "...7 June 2016TIRANA": a date runs into capitals
_GLUED_WINDOW = 600  # captions are short; look no further into the paragraph


def _in_capitals(place: str | None) -> bool:
    """Whether `place` has no lower-case letter in any script (`_UPPER_WORD` checks ASCII only).

    "Громада" is a Cyrillic word in lower case, not a place in capitals.
    """
    return place is None or place == place.upper()


@attrs.frozen
class DatelineMatch:
    """A dateline found in a paragraph, and where it ends."""

    dateline: Dateline
    end: int


def _place_name(raw: str) -> str:
    """Turn capitals into a name ("DONETSK" → "Donetsk"); keep mixed case as written."""
    if raw.upper() != raw:
        return raw
    return re.sub(r"[^\W\d_]+", lambda word: word[0].capitalize(), raw.lower())


def _build(match: re.Match[str], text: str) -> DatelineMatch | None:
    groups = match.groupdict()
    place = groups.get("place")
    country = groups.get("country")
    date_text = groups.get("date")
    date = parse_date(date_text) if date_text else None
    if date_text and date is None:
        return None  # "31 February 2013" is not a date, so this is not a dateline
    raw = text[match.start() : match.end()].strip()
    return DatelineMatch(
        Dateline(
            place=_place_name(place) if place else None,
            country=country or None,
            date=date,
            text=raw,
        ),
        match.end(),
    )


def match_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline that leads `paragraph`, if it has one."""
    for index, pattern in enumerate(_regexes().leads):
        match = pattern.match(paragraph)
        if match is None or match.end() >= len(paragraph):  # a dateline leads into text
            continue
        if index == _PLACE_ONLY and match["place"].upper() in _NOT_PLACES:
            continue
        if index in _CAPITALS_ONLY and not _in_capitals(match["place"]):
            continue
        return _build(match, paragraph)
    return None


def match_standalone(line: str) -> DatelineMatch | None:
    """A line that is nothing but a date or place-and-date ("KYIV 18 November 2002")."""
    match = _regexes().standalone.fullmatch(line.strip())
    if match is None or not _in_capitals(match["place"]):
        return None
    return _build(match, line.strip())


def find_glued(paragraph: str) -> tuple[int, DatelineMatch] | None:
    """A dateline glued after a caption: its start offset and match, if found."""
    if _GLUE_HINT.search(paragraph, 0, _GLUED_WINDOW) is None:
        return None  # no digit runs into a capital: nothing is glued (a cheap scan first)
    match = next(
        (
            m
            for m in _regexes().glued.finditer(paragraph, 1, _GLUED_WINDOW)
            if _in_capitals(m["place"])
        ),
        None,
    )
    if match is None:
        return None
    found = _build(match, paragraph)
    if found is None:
        return None
    return match.start(), DatelineMatch(found.dateline, found.end - match.start())
