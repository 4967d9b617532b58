"""Abbreviations: glossary tooltips that leak into scraped text, and inline definitions.

osce.org marks glossary terms with a tooltip. Scraped, the term appears twice
and its definition spills onto the next line::

    ...journalists and NGONGO
    non-governmental organization activists,” said ...

which stands for "journalists and NGO activists" with NGO defined as
"non-governmental organization". `restore_tooltip` undoes that; `find_inline`
reads definitions written out in the text: "the National Referral Mechanism (NRM)".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from osce_thb.model import Abbreviation

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

# Words an expansion may contain without contributing a letter to the abbreviation.
_MINOR = frozenset(
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
_ARTICLES = frozenset({"a", "an", "the"})  # a capitalised run stops at an article
_MAX_SKIPS = 3
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&]{0,11}")
_LEAD_PUNCTUATION = "(“\"'‘«["
_CLOSING_PUNCTUATION = ',.;:!?”"’»)]'


@attrs.frozen
class Tooltip:
    """A restored tooltip: the joined line and the abbreviation it defined."""

    line: str
    abbreviation: Abbreviation


def _letters(short: str) -> str:
    """The letters an expansion must supply: capitals and digits, without a plural "s"."""
    core = short[:-1] if len(short) > 2 and short.endswith("s") and short[-2].isupper() else short
    return "".join(ch for ch in core if ch.isupper() or ch.isdigit()).casefold()


def _initials(word: str) -> list[str]:
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
        initials = _initials(word)
        if initials and position < len(letters) and initials[0] == letters[position]:
            position += 1
            for extra in initials[1:]:
                if position < len(letters) and extra == letters[position]:
                    position += 1
            if position == len(letters):
                return count
        elif count == 1:
            return None
        elif word.casefold() not in _MINOR:
            skips += 1
            if skips > _MAX_SKIPS:
                return None
    return None


def _split_trailing(word: str) -> tuple[str, str]:
    """Split what belongs to the sentence off a word's end: "Europe’s," → "Europe", "’s,"."""
    core = word.rstrip(_CLOSING_PUNCTUATION)
    if core.endswith(("'s", "’s")):
        core = core[:-2]
    return core, word[len(core) :]


def restore_tooltip(line: str, following: str) -> Tooltip | None:
    """Join `line`, ending in a doubled term ("NGONGO"), with its spilled definition.

    Returns None when `line` does not end in a doubled term, or when
    `following` does not begin with words that spell the term out.
    """
    head, _, token = line.rpartition(" ")
    lead = len(token) - len(token.lstrip(_LEAD_PUNCTUATION))
    term2 = token[lead:]
    half = len(term2) // 2
    if half < 2 or len(term2) % 2 or term2[:half] != term2[half:]:
        return None
    short = term2[:half]
    if not _ACRONYM.fullmatch(short) or sum(ch.isupper() for ch in short) < 2:
        return None
    words = following.split()
    letters = _letters(short)
    length = expansion_length(letters, words) if letters else None
    if length is None:
        return None
    last, trailing = _split_trailing(words[length - 1])
    long = " ".join([*words[: length - 1], last])
    rest = following.split(None, length)[length:]  # the text after the definition
    prefix = (head + " " if head else "") + token[:lead]
    joined = prefix + short + trailing + (" " + rest[0] if rest else "")
    return Tooltip(joined, Abbreviation(short=short, long=long))


# "the National Referral Mechanism (NRM)", "non-governmental organizations (NGOs)"
_INLINE = re.compile(r"\((?P<short>[A-Z][A-Za-z0-9&/-]{0,11}?)\)")
_WORD_BEFORE = re.compile(r"[^\s()]+")
_CAPITALISED = re.compile(r"[A-Z0-9]")
_LOOKBACK = 12  # words


def _capitalised_run(words: Sequence[str]) -> list[str]:
    """The run of capitalised words (with minor words inside) that ends `words`."""
    run: list[str] = []
    for word in reversed(words):
        bare = word.strip("“”\"'‘’,")
        inner_minor = run and bare.casefold() in _MINOR - _ARTICLES
        if _CAPITALISED.match(bare) or inner_minor:
            run.append(bare)
        else:
            break
    while run and run[-1].casefold() in _MINOR:  # never start on "of", "and"...
        run.pop()
    return run[::-1]


def _definition_before(short: str, before: str) -> str | None:
    words = _WORD_BEFORE.findall(before)[-_LOOKBACK:]
    if not words or words[-1].endswith((",", ";", ":", ".")):
        return None
    letters = _letters(short)
    if len(letters) < 2:
        return None
    run = _capitalised_run(words)
    initials = {i for word in run for i in _initials(word)}
    if run and set(letters) <= initials and run != [short]:
        return " ".join(run)
    if letters[-1] not in _initials(words[-1].strip("“”\"'‘’,")):
        return None  # the last word must supply the last letter
    for start in range(len(words) - 1, -1, -1):  # lower-case: spell it out exactly
        if words[start][:1].casefold() != letters[0]:
            continue
        length = expansion_length(letters, words[start:])
        if length == len(words) - start:
            return " ".join(words[start:])
        if len(words) - start > len(letters) + _MAX_SKIPS:
            break
    return None


def find_inline(texts: Iterable[str]) -> list[Abbreviation]:
    """Abbreviations defined in brackets after their long form, in order."""
    found: list[Abbreviation] = []
    for text in texts:
        if "(" not in text:
            continue
        for match in _INLINE.finditer(text):
            short = match["short"]
            if sum(ch.isupper() for ch in short) < 2:
                continue
            long = _definition_before(short, text[max(0, match.start() - 200) : match.start()])
            if long:
                found.append(Abbreviation(short=short, long=long))
    return found


def merge(*groups: Iterable[Abbreviation]) -> tuple[Abbreviation, ...]:
    """One abbreviation per short form: the first definition wins."""
    seen: dict[str, Abbreviation] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item.short, item)
    return tuple(seen.values())
