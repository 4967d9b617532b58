"""Reading the dates that pages print: "13 December 2013", "December 13, 2013", "2013-12-13".

Hand-written rather than fuzzy: a date that cannot be read exactly is ``None``,
never a guess. `python-dateutil` is the fallback for the free-form metadata
values only, imported when first needed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
"""The months' English names, January first: for reading and writing dates alike."""

MONTHS = {
    form: number
    for number, name in enumerate(MONTH_NAMES, start=1)
    for form in {name.lower(), name[:3].lower()}
} | {"sept": 9}
"""Month number by lower-case name or abbreviation ("december", "dec", "sept")."""

MONTH_WORDS = r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
"""A month's name or abbreviation with an optional full stop ("Dec."), in any case:
"2 MARCH 2015" is how some copies print a dateline's month."""
_MONTH = MONTH_WORDS

# A date written in words, day first or month first; used inside larger patterns.
DATE_WORDS = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH},?\s\d{{4}}"  # 13 December 2013
    rf"|{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}})"  # December 13, 2013
)

_DAY_FIRST = re.compile(
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s(?P<month>{_MONTH}),?\s(?P<year>\d{{4}})", re.IGNORECASE
)
_MONTH_FIRST = re.compile(
    rf"(?P<month>{_MONTH})\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<year>\d{{4}})", re.IGNORECASE
)
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_DOTTED = re.compile(r"(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})")


def _make(year: str, month: str, day: str) -> dt.date | None:
    number = MONTHS.get(month.rstrip(".").casefold()) if not month.isdigit() else int(month)
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:  # 31 February and the like: not a date, so no date
        return None


def month_day(month: str, day: int, year: int) -> dt.date | None:
    """The date of `month` ("Dec.", "December") `day`, `year`, if it exists."""
    number = MONTHS.get(month.rstrip(".").casefold())
    if number is None:
        return None
    try:
        return dt.date(year, number, day)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The date `text` consists of, or None if it is not exactly one readable date."""
    text = text.strip()
    for pattern in (_DAY_FIRST, _MONTH_FIRST, _ISO, _DOTTED):
        match = pattern.fullmatch(text)
        if match:
            return _make(match["year"], match["month"], match["day"])
    return None


def parse_loose_date(text: str) -> dt.date | None:
    """Like `parse_date`, then dateutil for other complete dates ("Friday, 13 Dec. 2013").

    A value that lacks a day, month or year gives None: dateutil would fill the
    gap from a default and return a date the text never said.
    """
    exact = parse_date(text)
    if exact is not None or not re.search(r"\d{4}", text):
        return exact
    from dateutil import parser as dateutil_parser  # slow to import; rarely needed

    results = set()
    for default in (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2)):
        try:
            parsed = dateutil_parser.parse(text, dayfirst=True, default=default)
        except (ValueError, OverflowError):
            return None
        results.add(parsed.date())
    return results.pop() if len(results) == 1 else None


# --------------------------------------------------------------------------- date lines

WEEKDAY_WORDS = (
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
"""A weekday's name or abbreviation, in any case ("Saturday", "Sat.")."""
_WEEKDAY = WEEKDAY_WORDS
_ANY_DATE = rf"(?:{DATE_WORDS}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})"
_TIME = r"\d{1,2}[:.]\d{2}(?:\s?(?i:[ap]\.?m\.?))?"
_CLOCK = rf"{_TIME}(?:\s?[-–—]\s?{_TIME})?"  # "2:02 PM", "09:00 - 18:00"
_ZONE = r"\((?i:utc|gmt)\s?(?:[+\-−]\s?\d{1,2}(?::\d{2})?)?\)"  # "(UTC +04:00)"
_ALL_DAY = r"(?:\((?i:all[ -]day)\)|(?i:all[ -]day))"
_WHEN = rf"(?:{_WEEKDAY},?\s)?{_ANY_DATE}"


def _stamp(clock: str) -> str:
    """A date, then `clock` (a time of day, or nothing), a time zone, "all day", another day."""
    return rf"""
        (?:{_WEEKDAY},?\s)?(?P<date>{_ANY_DATE})
        {clock}
        (?:\s?{_ZONE})?
        (?:\s?{_ALL_DAY})?
        (?:\s?[-–—]\s?{_WHEN}(?:,?\s{_CLOCK})?(?:\s?{_ALL_DAY})?)?   # to another day: a span
    """


_STAMP = _stamp(rf"(?:,?\s{_CLOCK})?")
_TIMED_STAMP = _stamp(rf",?\s{_CLOCK}")
_DATE_LINE = rf"""
    (?:[•·▪●◦‣*]\s*)?                                  # a bullet
    (?:{_TIME}\s?\|\s?                                 # 13:31 | 22.09.2014
      | (?i:(?:last\s)?(?:publi\w*(?:\sdate)?|posted|updated|modified)|date)  # Published on: ...
        (?:\s(?i:by)\s[^\W\d_][\w.'’-]*(?:\s[^\W\d_][\w.'’-]*){{0,3}})?  # Posted by Jane Doe on
        (?:\s(?i:on))?:?\s
    )?
    {_STAMP}
"""
# A section's label before a stamp with a time of day: "Politics Materials 12 March 2018 10:15".
_LABELLED_STAMP = rf"(?:[A-Z][\w&'’-]*\s){{1,3}}{_TIMED_STAMP}"


@functools.cache
def _date_line_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The date line patterns, compiled on first use: compiling them costs milliseconds."""
    return re.compile(_DATE_LINE, re.VERBOSE), re.compile(_LABELLED_STAMP, re.VERBOSE)


_DATE_LINE_MAX_CHARS = 120


def parse_date_line(text: str) -> dt.date | None:
    """The date of a line that is nothing but a date or a time stamp, else None.

    Copies print the date above or below the headline in many shapes: "03 July
    2004", "• Saturday, 05 October 2024", "Tuesday, June 19, 2007 2:02 PM",
    "13:31 | 22.09.2014", "29 November 2011, 09:00 - 18:00", "2 December 2011
    (All day)", "May 4, 2021 – May 6, 2021 all-day", "Published on: 4 May 2021",
    "Politics Materials 12 March 2018 10:15 (UTC +04:00)" (a section's label is
    allowed before a stamp with a time of day, never before a bare date, so
    that "Hotline opens 12 May 2015" stays a line of text). An event's span
    gives its first day.
    """
    text = text.strip()
    if len(text) > _DATE_LINE_MAX_CHARS:
        return None
    plain, labelled = _date_line_patterns()
    match = plain.fullmatch(text) or labelled.fullmatch(text)
    if match is None:
        return None
    return parse_date(match["date"])
