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
    Mostar (Agency) – ...                      place and agency, no date
    ASTANA. NEWSWIRE – ...                     place and agency in capitals, after a full stop
    ORAL. NEWSWIRE 16 officials met ...        the same without a dash
    VIENNA - Thirty experts ...                place only, in capitals
    TIRANA, 2 MARCH 2015 – ...                 the month in capitals (any style)

A hyphen glued to the words on both sides ("OSZE-Koordinatorin") joins a
compound, so it is no dateline's dash. News agencies put the dateline on a line
of its own, without the year ("Baku, Azerbaijan, Dec. 16"): `match_agency_line`
reads it, the year coming from the page's date.

Every pattern is anchored and its repetitions bounded, so matching takes time
linear in the length of the paragraph.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

import attrs

from osce_thb._dates import DATE_WORDS, MONTH_WORDS, WEEKDAY_WORDS, month_day, parse_date
from osce_thb.model import Dateline

if TYPE_CHECKING:
    import datetime as dt

# A place: one to four words, each capitalised (or all capitals), joined by
# spaces, hyphens or a slash for two places ("TBILISI/BATUMI").
_WORD = r"[^\W\d_][\w'’.]{0,30}"
_PLACE = rf"(?:{_WORD}(?:[ /\-]{_WORD}){{0,3}})"
_UPPER_WORD = r"[^\W\d_a-z][^\W\da-z]{1,30}"  # letters with no lower case: "KYIV", "ODESA"
_UPPER_PLACE = rf"(?:{_UPPER_WORD}(?:[ /\-]{_UPPER_WORD}){{0,3}})"
# A dash: an en or em dash, spaced or not; a hyphen with a space on one side at least
# ("KYIV -The", "KYIV- The"), or doubled. "OSZE-Koordinatorin" is one word, not a dateline.
_DASH = r"(?:\s*[–—]{1,2}|\s+-{1,2}|-{1,2}(?=\s)|--)\s*"
_TAG = r"(?:\s\((?P<tag>[^()\n]{1,40})\))?"
# A place written as a name: one or two capitalised words ("Mostar", "Banja Luka").
_CAP_WORD = r"[^\W\d_a-z][\w'’.]{0,30}"
_CAP_PLACE = rf"(?:{_CAP_WORD}(?:[ \-]{_CAP_WORD})?)"
_AGENCY = r"[^\W\d_][\w&.'’-]{0,20}(?:\s[^\W\d_][\w&.'’-]{0,20}){0,2}"

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
    # Place (Agency) –   (no date: the agency's brackets and a spaced dash make it a dateline;
    # one word, as a person's name in a list, "Ana Kovac (Freedonia) – Chair", is not)
    rf"""(?P<place>{_CAP_WORD}(?:-{_CAP_WORD})?)\s\((?P<tag>{_AGENCY})\)\s[-–—]{{1,2}}\s""",
    # PLACE. AGENCY –   or   PLACE. AGENCY Text   (capitals only)
    rf"""(?P<place>{_UPPER_PLACE})\.\s(?P<tag>{_UPPER_WORD}(?:\s{_UPPER_WORD})?)
         (?:{_DASH}|\s+(?=\S))""",
    # PLACE –   (capitals only, so that "Training - a summary" is no dateline)
    rf"""(?P<place>{_UPPER_PLACE}){_DASH}""",
)
_PLACE_ONLY = len(_SOURCES) - 1
_FULL_STOP_AGENCY = _PLACE_ONLY - 1
_BRACKETED_AGENCY = _PLACE_ONLY - 2
_CAPITALS_ONLY = (1, _FULL_STOP_AGENCY, _PLACE_ONLY)  # the patterns whose place is `_UPPER_PLACE`
# Capitals that lead a sentence without being a place.
_NOT_PLACES = frozenset({"OSCE", "ODIHR", "NGO", "NGOS", "UN", "EU", "UNDP", "IOM", "NRM", "THB"})
# Words that open a sentence in capitals without naming a place: "The Mission (OMiK) – ...".
_NOT_PLACE_WORDS = frozenset({"the", "a", "an", "this", "these", "its", "our", "in", "on", "at"})
_AGENCY_LEAD_MIN_WORDS = 5  # "Mostar (Agency) – " leads a sentence, not a role in a list

# A dateline with no dash, standing alone on a line: "KYIV 18 November 2002".
_STANDALONE = (
    rf"(?:(?P<place>{_UPPER_PLACE}),?\s(?:(?P<country>{_PLACE}),\s)?)?(?P<date>{DATE_WORDS})"
)

# Inside a paragraph, a capitals-first dateline glued to a photo caption:
# "...Tirana, 7 June 2016TIRANA, 7 June 2016 – The training...".
_GLUED = (
    rf"(?P<place>{_UPPER_PLACE}),\s(?:(?P<country>{_PLACE}),\s)?(?P<date>{DATE_WORDS}){_TAG}{_DASH}"
)


# A news agency's dateline, on a line of its own and without the year: "Baku, Azerbaijan, Dec. 16".
_AGENCY_LINE = (
    rf"(?P<place>{_CAP_PLACE}),\s(?:(?P<country>{_CAP_PLACE}),\s)?"
    rf"(?P<month>{MONTH_WORDS})\s(?P<day>\d{{1,2}})(?:,?\s(?P<year>\d{{4}}))?"
)


class _Regexes(NamedTuple):
    leads: tuple[re.Pattern[str], ...]
    standalone: re.Pattern[str]
    glued: re.Pattern[str]
    agency_line: re.Pattern[str]
    weekday: re.Pattern[str]


@functools.cache
def _regexes() -> _Regexes:
    """The patterns, compiled on first use: compiling them costs milliseconds at import."""
    return _Regexes(
        tuple(re.compile(source, re.VERBOSE) for source in _SOURCES),
        re.compile(_STANDALONE),
        re.compile(_GLUED),
        re.compile(_AGENCY_LINE),
        re.compile(WEEKDAY_WORDS),
    )


# "...7 June 2016TIRANA", "...in JulyVILNIUS": a caption runs into a place in capitals.
_GLUE_HINT = re.compile(r"[\da-z.,;:)\]][^\W\d_a-z]{2}")
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


def _capitalised(place: str) -> bool:
    """Every word of `place` starts with a capital ("Banja Luka"), and no article leads it."""
    words = place.replace("-", " ").split()
    return all(word[0].isupper() for word in words) and words[0].casefold() not in _NOT_PLACE_WORDS


def _agency_lead(match: re.Match[str], paragraph: str) -> bool:
    """Whether "Place (Agency) – " leads a sentence, as a dateline does.

    "Ana (OSCE) – Chair" is a line of a list of people: an organisation in the
    brackets, or too few words after the dash, tell it.
    """
    place, tag = match["place"], match["tag"]
    return (
        _capitalised(place)
        and place.upper() not in _NOT_PLACES
        and tag.upper() not in _NOT_PLACES
        and len(paragraph[match.end() : match.end() + 200].split()) >= _AGENCY_LEAD_MIN_WORDS
    )


def _accepted(index: int, match: re.Match[str], paragraph: str) -> bool:
    place = match["place"]
    if index in _CAPITALS_ONLY and not _in_capitals(place):
        return False
    if index in (_PLACE_ONLY, _FULL_STOP_AGENCY) and place.upper() in _NOT_PLACES:
        return False
    if index == _FULL_STOP_AGENCY:
        return _in_capitals(match["tag"]) and not set(match["tag"].split()) & _NOT_PLACES
    if index == _BRACKETED_AGENCY:
        return _agency_lead(match, paragraph)
    return True


def match_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline that leads `paragraph`, if it has one."""
    for index, pattern in enumerate(_regexes().leads):
        match = pattern.match(paragraph)
        if match is None or match.end() >= len(paragraph):  # a dateline leads into text
            continue
        if not _accepted(index, match, paragraph):
            continue
        return _build(match, paragraph)
    return None


def match_agency_line(line: str, reference: dt.date | None) -> DatelineMatch | None:
    """A news agency's dateline standing alone: "Baku, Azerbaijan, Dec. 16".

    The year, when the line does not give it, is that of `reference` (the page's
    date: its time stamp or metadata), or the year before if the day would fall
    after it. Without a reference the dateline has no date.
    """
    regexes = _regexes()
    match = regexes.agency_line.fullmatch(line)
    if (
        match is None
        or not _capitalised(match["place"])
        or regexes.weekday.fullmatch(match["place"])
    ):
        return None  # "Tuesday, June 19" is a day, not a place
    country = match["country"]
    if country is not None and not _capitalised(country):
        return None
    day = int(match["day"])
    date = None
    if match["year"]:
        date = month_day(match["month"], day, int(match["year"]))
    elif reference is not None:
        date = month_day(match["month"], day, reference.year)
        if date is not None and date > reference:
            date = month_day(match["month"], day, reference.year - 1)
    if date is None and (match["year"] or reference is not None):
        return None  # "Feb. 30": not a date, so not a dateline
    dateline = Dateline(place=_place_name(match["place"]), country=country, date=date, text=line)
    return DatelineMatch(dateline, len(line))


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
            if _in_capitals(m["place"]) and not paragraph[m.start() - 1].isspace()
        ),
        None,
    )
    if match is None:
        return None
    found = _build(match, paragraph)
    if found is None:
        return None
    return match.start(), DatelineMatch(found.dateline, found.end - match.start())
