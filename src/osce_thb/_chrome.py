"""Site chrome: the lines that copies on other sites carry above the headline.

A copy found on another site rarely starts at the headline. Above it stand the
site's own lines: a link to skip the menu, a section label ("Local", "Crime and
JusticeNews"), the site's name in capitals, the office that owns the page, a
bar of links or counters, today's date. Which line is the headline is told by
the shape of the lines, not by a list of sites::

    shape     what it is                                             a headline?
    CHROME    "Skip to main content", "...", a date or time stamp    never
    LABEL     the site's name in capitals, "OSCE Office in Sylvansk",
              "Home | News", a line in lower case                    only if nothing better follows
    SHORT     four words or fewer: "Local", "Researches about Sylvania"  only if no HEADLINE follows
    HEADLINE  five words or more, capitalised, without closing punctuation
    TEXT      a line that ends like a sentence, or runs over several:
              the article (or a caption) has begun

`is_prose` is the one test of running text: a line of several sentences, or
longer than any headline, is a paragraph, never a title.
"""

from __future__ import annotations

import enum
import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from osce_thb import _dates, _sentences

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "MachineDate",
    "Shape",
    "is_chrome",
    "is_prose",
    "is_repost",
    "shape",
    "split_machine_date",
]


class Shape(enum.Enum):
    """What a line above the article looks like (see the module's table)."""

    CHROME = "chrome"
    LABEL = "label"
    SHORT = "short"
    HEADLINE = "headline"
    TEXT = "text"


# Lines of site chrome, whole: the site's links and buttons.
_KNOWN = r"""(?ix)
    (?: newsroom | share | print | home | back | menu | search | log\ ?in | sign\ in | close
      | follow\ us | latest\ news | news\ and\ press\ releases | exit\ mobile\ version
      | skip\ to\ (?:main\ )?content | toggle\ navigation | main\ menu | go\ back
      | subscribe(?:\ to)?(?:\ (?:our|the))?\ newsletters? )
    """

# Reposting notes, copyright lines and other chrome that is not the article's text.
_REPOST = r"""(?ix)
    (?: compiled\ from | published\ in | cited\ in | source | originally\ published
      | reprinted\ from | copyright | photo(?:s|\ credit)? ) \s*:
    | © | \(c\)\s+\d{4}
    | this\ (?:article|text|story)\ (?:has\ been|was)\ (?:translated|reproduced|republished)
    """

# The name of an OSCE office alone: the owner of the page, not its headline.
_OFFICE = r"""(?x)
    (?:the\ )?OSCE\ (?:Special\ Monitoring\ )?
    (?: Mission | Office | Centre | Center | Presence | Secretariat | Programme\ Office
      | Project\ Co-?ordinator | Co-?ordinator )
    (?:\ (?:in|to|for|at)\ (?:the\ )?[^\W\d_a-z][\w'’-]*(?:\ (?:and\ )?[^\W\d_a-z][\w'’-]*){0,3})?
    """
_SEPARATORS = r"\s[·|•»›>]\s"  # "Home | News", "Home › Local", "Monday · 814 Articles"
_LETTER = re.compile(r"[^\W\d_]")
_CLOSING = tuple('.,;:!?…"”’»)]')
_SHORT_WORDS = 4
_HEADLINE_MAX_CHARS = 300  # the longest headlines run to some 230 characters

_SENTENCE_MIN_WORDS = 3  # a sentence that ends inside a line: "Questions? Call" is none

# " date 2023-05-09 On 8 May 2023, ...": a stamp a site printed before the first line.
_MACHINE_DATE = r"(?i:date)\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?=\S)"


class _Regexes(NamedTuple):
    known: re.Pattern[str]
    repost: re.Pattern[str]
    office: re.Pattern[str]
    separators: re.Pattern[str]
    machine_date: re.Pattern[str]


@functools.cache
def _regexes() -> _Regexes:
    """The patterns, compiled on first use: `import osce_thb` stays cheap."""
    return _Regexes(*map(re.compile, (_KNOWN, _REPOST, _OFFICE, _SEPARATORS, _MACHINE_DATE)))


def is_repost(text: str) -> bool:
    """A reposting note, a credit or a copyright line: "Source: ...", "Photo: ...", "© ..."."""
    return _regexes().repost.match(text) is not None


def is_chrome(text: str) -> bool:
    """A line that is never part of the article: a site's link, a note, no letters at all."""
    return (
        _LETTER.search(text) is None
        or _regexes().known.fullmatch(text) is not None
        or is_repost(text)
    )


def is_prose(text: str) -> bool:
    """Running text: several sentences, or a line longer than any headline.

    Sentences end where `osce_thb._sentences` says ("Dr. Kovac" and "U.S." do
    not end one); the first must have three words at least.
    """
    if len(text) > _HEADLINE_MAX_CHARS:
        return True
    size = len(text.rstrip())
    return any(
        end < size and len(text[:end].split()) >= _SENTENCE_MIN_WORDS
        for end in _sentences.sentence_ends(text)
    )


def _is_short(text: str) -> bool:
    """Four words or fewer, counting only words with a letter ("Trusted News Since 1995")."""
    words = 0
    for word in text.split():
        if _LETTER.search(word):
            words += 1
            if words > _SHORT_WORDS:
                return False
    return True


def shape(text: str) -> Shape:
    """The shape of a line above the article (see the module's table)."""
    if len(text) > _HEADLINE_MAX_CHARS:
        return Shape.TEXT  # a paragraph, at a glance
    if is_chrome(text) or _dates.parse_date_line(text) is not None:
        return Shape.CHROME
    if text.endswith(_CLOSING) or is_prose(text):
        return Shape.TEXT
    first = _LETTER.search(text)
    if (
        text.upper() == text  # the site's name in capitals
        or (first is not None and first.group().islower())
        or _regexes().office.fullmatch(text)
        or _regexes().separators.search(text)
    ):
        return Shape.LABEL
    if _is_short(text):
        return Shape.SHORT
    return Shape.HEADLINE


class MachineDate(NamedTuple):
    """A machine date that leads a line, and where the text after it starts."""

    stamp: str  # "date 2023-05-09"
    date: dt.date
    end: int  # the offset of the text after the stamp


def split_machine_date(text: str, start: int = 0) -> MachineDate | None:
    """The stamp of "date 2023-05-09 Text" at `start` in `text`, its date and its end, if any.

    The stamp must hold a real date: "date 2023-13-45 Text" is not split. The
    offset lets a caller read stamp after stamp without copying the line.
    """
    match = _regexes().machine_date.match(text, start)
    date = _dates.parse_date(match["date"]) if match else None
    if match is None or date is None:
        return None
    return MachineDate(match.group().strip(), date, match.end())
