"""The one sentence splitter every extractor uses.

A run of ``.``, ``!``, ``?`` or ``…`` ends a sentence when what follows starts
one: a space and then anything but a lower-case word, a closing quotation mark
or bracket, the end of the text, or a capitalised word glued to the period
("in Baku.The project"). A period does not end a sentence after an initial
("A. B. Surname") or after a word that is abbreviated with a period ("Dr.",
"Amb.", "St.", "No. 5", "e.g."): those are listed in `ABBREVIATED`.

Every function here is linear in the length of the text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["ABBREVIATED", "ends_sentence", "first_end", "last_start", "sentence_ends", "spans"]

ABBREVIATED: Final = frozenset(
    (
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "prof",
        "rev",
        "st",
        "no",
        "nos",
        "nr",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "capt",
        "maj",
        "cpt",
        "sgt",
        "gov",
        "sen",
        "hon",
        "amb",
        "mt",
        "vs",
        "approx",
        "dept",
        "co",
        "inc",
        "ltd",
        "fr",
        "art",
        "arts",
        "para",
        "ch",
        "pp",
        "vol",
        "fig",
        "cf",
        "ca",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    )
)
"""Words whose period does not end a sentence ("Dr. Anna Koval", "No. 5", "Art. 3")."""

_STOP: Final = re.compile(r"[.!?…][.!?…]*")
"""A run of final punctuation. Written as one class and then a repeat, not "[.!?…]+":
`re` skips to the first character of a pattern that opens with one class in C, twice as
fast as it tries a repeat at every position."""

_PERIODS: Final = re.compile(r"\.\.*")
"""`_STOP` for a text with no "!", "?" nor "…" in it, as most are: a pattern that opens
with one character is found faster still."""


def _stops(text: str, start: int, stop: int) -> re.Pattern[str]:
    """The pattern of runs of final punctuation in `text[start:stop]`: `_PERIODS` if it can be.

    Only that span is searched: a caller may read a window of a long text.
    """
    periods_only = (
        text.find("!", start, stop) < 0
        and text.find("?", start, stop) < 0
        and text.find("…", start, stop) < 0
    )
    return _PERIODS if periods_only else _STOP


_CLOSERS: Final = "”\"»“’')]"
"""What may follow the final punctuation inside the sentence: closing marks and brackets."""
_OPENERS: Final = "«„("
_WORD_REACH: Final = 8  # letters read back for the abbreviated word before a period


def ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether the punctuation run `text[start:end]` ends a sentence."""
    size = len(text)
    if end < size:
        following = text[end]
        if following.isspace():
            ahead = end
            while ahead < size and ahead < end + 4 and text[ahead].isspace():
                ahead += 1
            if ahead < size and text[ahead].islower():
                return False
        elif following.isupper():
            if not (end + 1 < size and text[end + 1].islower()):
                return False
        elif following not in _CLOSERS and following not in _OPENERS:
            return False
    if end - start == 1 and text[start] == ".":
        word_start = start
        reach = max(0, start - _WORD_REACH)
        while word_start > reach and text[word_start - 1].isalpha():
            word_start -= 1
        word = text[word_start:start]
        if len(word) == 1 and word.isupper():
            return False  # an initial: "A. Koval"
        if word.casefold() in ABBREVIATED:
            return False
        if len(word) == 1 and word_start >= 2 and text[word_start - 1] == ".":
            return False  # "e.g.", "i.e.", "U.S."
    return True


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """The offsets just past each sentence end in `text[start:end]`, closing marks included."""
    stop = len(text) if end is None else end
    for match in _stops(text, start, stop).finditer(text, start, stop):
        if ends_sentence(text, match.start(), match.end()):
            after = match.end()
            while after < stop and text[after] in _CLOSERS:
                after += 1
            yield after


def spans(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` as (start, end) offsets, without the spaces between them.

    Together they cover every non-space character of `text`.
    """
    found: list[tuple[int, int]] = []
    size = len(text)
    start = size - len(text.lstrip())
    # `sentence_ends`, inlined: this runs for every block
    for match in _stops(text, 0, size).finditer(text):
        end = match.end()
        if not ends_sentence(text, match.start(), end):
            continue
        while end < size and text[end] in _CLOSERS:
            end += 1
        if end > start:
            found.append((start, end))
        start = end
        while start < size and text[start].isspace():
            start += 1
    tail = len(text.rstrip())
    if tail > start:
        found.append((start, tail))
    return found


def first_end(text: str, start: int = 0, end: int | None = None) -> int | None:
    """Where the first sentence end in `text[start:end]` is (the punctuation's start), if any."""
    stop = len(text) if end is None else end
    for match in _stops(text, start, stop).finditer(text, start, stop):
        if ends_sentence(text, match.start(), match.end()):
            return match.start()
    return None


def last_start(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the last sentence in `text[start:end]` starts (`start` when none ends before)."""
    found = start
    for after in sentence_ends(text, start, end):
        found = after
    return found
