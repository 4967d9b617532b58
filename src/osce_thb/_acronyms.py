"""Acronyms spelled out by words, and the glossary tooltips of scraped pages.

osce.org marks glossary terms with a tooltip. Scraped, the term appears twice
and its definition spills onto the next line::

    ...journalists and NGONGO
    non-governmental organization activists,” said ...

which stands for "journalists and NGO activists" with NGO defined as
"non-governmental organization". The reader undoes that with `restore_tooltip`;
`expansion_length` (how many words spell a short form out) is shared with the
inline-definition extractor, and `glossary` tells, for any document, which of
its abbreviations came from tooltips, so that extraction can be run again on a
stored document and the writer can write the tooltips back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from osce_thb.model import Abbreviation

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "CLOSING_PUNCTUATION",
    "LEAD_PUNCTUATION",
    "MAX_SKIPS",
    "MINOR_WORDS",
    "Tooltip",
    "expansion_length",
    "glossary",
    "initials_of",
    "letters_of",
    "merge",
    "restore_tooltip",
]

# Words an expansion may contain without contributing a letter to the abbreviation.
MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "de",
        "des",
        "du",
        "for",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "und",
        "with",
        "within",
        "&",
    ]
)
MAX_SKIPS = 3
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&]{0,11}")
LEAD_PUNCTUATION = "(“\"'‘«["
CLOSING_PUNCTUATION = ',.;:!?”"’»)]'


@attrs.frozen
class Tooltip:
    """A restored tooltip: the joined line and the abbreviation it defined."""

    line: str
    abbreviation: Abbreviation


def letters_of(short: str) -> str:
    """The letters an expansion must supply: capitals and digits, without a plural "s"."""
    core = short[:-1] if len(short) > 2 and short.endswith("s") and short[-2].isupper() else short
    return "".join(ch for ch in core if ch.isupper() or ch.isdigit()).casefold()


def initials_of(word: str) -> list[str]:
    """First letters of a word and of each hyphenated part: "non-governmental" → n, g."""
    return [part[0].casefold() for part in word.replace("/", "-").split("-") if part]


def expansion_length(letters: str, words: Sequence[str]) -> int | None:
    """How many of `words` spell out `letters` by their initials, or None.

    The first word must supply the first letter; a later word may supply the
    next letter (a hyphenated word one per part), or be passed over when it is
    a minor word ("of", "and"), or, a few times, any word ("OSCE Office for
    Democratic Institutions..." for ODIHR).
    """
    position = 0
    skips = 0
    for count, raw in enumerate(words, start=1):
        word = raw.strip(",.;:()“”\"'‘’")
        if not word:
            return None
        initials = initials_of(word)
        if initials and position < len(letters) and initials[0] == letters[position]:
            position += 1
            for extra in initials[1:]:
                if position < len(letters) and extra == letters[position]:
                    position += 1
            if position == len(letters):
                return count
        elif count == 1:
            return None
        elif word.casefold() not in MINOR_WORDS:
            skips += 1
            if skips > MAX_SKIPS:
                return None
    return None


def _split_trailing(word: str) -> tuple[str, str]:
    """Split what belongs to the sentence off a word's end: "Europe’s," → "Europe", "’s,"."""
    core = word.rstrip(CLOSING_PUNCTUATION)
    if core.endswith(("'s", "’s")):
        core = core[:-2]
    return core, word[len(core) :]


def restore_tooltip(line: str, following: str) -> Tooltip | None:
    """Join `line`, ending in a doubled term ("NGONGO"), with its spilled definition.

    Returns None when `line` does not end in a doubled term, or when
    `following` does not begin with words that spell the term out.
    """
    head, _, token = line.rpartition(" ")
    lead = len(token) - len(token.lstrip(LEAD_PUNCTUATION))
    term2 = token[lead:]
    half = len(term2) // 2
    if half < 2 or len(term2) % 2 or term2[:half] != term2[half:]:
        return None
    short = term2[:half]
    if not _ACRONYM.fullmatch(short) or sum(ch.isupper() for ch in short) < 2:
        return None
    words = following.split()
    letters = letters_of(short)
    length = expansion_length(letters, words) if letters else None
    if length is None:
        return None
    last, trailing = _split_trailing(words[length - 1])
    long = " ".join([*words[: length - 1], last])
    rest = following.split(None, length)[length:]  # the text after the definition
    prefix = (head + " " if head else "") + token[:lead]
    joined = prefix + short + trailing + (" " + rest[0] if rest else "")
    return Tooltip(joined, Abbreviation(short=short, long=long))


_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans("", "", "“”\"'‘’«»")


def _fold(text: str) -> str:
    """`text` for comparison: no quotation marks, single spaces, case-folded."""
    return _SPACES.sub(" ", text.translate(_QUOTES)).casefold()


def _defined_in(abbreviation: Abbreviation, text: str) -> bool:
    """Whether `text` writes `abbreviation` out inline: its long form beside its short form.

    Both as whole words, the long form maybe in the possessive ("... in
    Europe’s (OSCE)", folded to "europes"). The reader takes a tooltip's
    definition out of the text, so a definition still in the text was written
    inline.
    """
    short = re.compile(rf"(?<!\w){re.escape(abbreviation.short)}(?!\w)")
    long = re.compile(rf"(?<!\w){re.escape(_fold(abbreviation.long))}s?(?!\w)")
    reach = 2 * len(abbreviation.long) + 40
    for match in short.finditer(text):
        at = match.start()
        if long.search(_fold(text[max(0, at - reach) : match.end() + reach])):
            return True
    return False


def glossary(
    abbreviations: Iterable[Abbreviation], texts: Sequence[str]
) -> tuple[Abbreviation, ...]:
    """The abbreviations that glossary tooltips defined: those the body does not write out.

    Args:
        abbreviations: A document's abbreviations (tooltips and inline definitions).
        texts: The texts of its body blocks.
    """
    return tuple(
        item
        for item in abbreviations
        if not any(item.short in text and _defined_in(item, text) for text in texts)
    )


def merge(*groups: Iterable[Abbreviation]) -> tuple[Abbreviation, ...]:
    """One abbreviation per short form: the first definition wins."""
    seen: dict[str, Abbreviation] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item.short, item)
    return tuple(seen.values())
