"""Abbreviations defined inline: "the National Referral Mechanism (NRM)".

Glossary tooltips are restored by the reader (`osce_thb._acronyms`); this
extractor adds the definitions written out in the body, and `merge` keeps one
definition per short form, the tooltip's first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from osce_thb._acronyms import MAX_SKIPS, MINOR_WORDS, expansion_length, initials_of, letters_of
from osce_thb.model import Abbreviation

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from osce_thb._body import Body

# "the National Referral Mechanism (NRM)", "non-governmental organizations (NGOs)"
_INLINE = re.compile(r"\((?P<short>[A-Z][A-Za-z0-9&/-]{0,11}?)\)")
_WORD_BEFORE = re.compile(r"[^\s()]+")
_CAPITALISED = re.compile(r"[A-Z0-9]")
_LOOKBACK = 12  # words
_ARTICLES = frozenset({"a", "an", "the"})  # a capitalised run stops at an article


def _capitalised_run(words: Sequence[str]) -> list[str]:
    """The run of capitalised words (with minor words inside) that ends `words`."""
    run: list[str] = []
    for word in reversed(words):
        bare = word.strip("“”\"'‘’,")
        inner_minor = run and bare.casefold() in MINOR_WORDS - _ARTICLES
        if _CAPITALISED.match(bare) or inner_minor:
            run.append(bare)
        else:
            break
    while run and run[-1].casefold() in MINOR_WORDS:  # never start on "of", "and"...
        run.pop()
    return run[::-1]


def _definition_before(short: str, before: str) -> str | None:
    words = _WORD_BEFORE.findall(before)[-_LOOKBACK:]
    if not words or words[-1].endswith((",", ";", ":", ".")):
        return None
    letters = letters_of(short)
    if len(letters) < 2:
        return None
    run = _capitalised_run(words)
    initials = {i for word in run for i in initials_of(word)}
    if run and set(letters) <= initials and run != [short]:
        return " ".join(run)
    if letters[-1] not in initials_of(words[-1].strip("“”\"'‘’,")):
        return None  # the last word must supply the last letter
    for start in range(len(words) - 1, -1, -1):  # lower-case: spell it out exactly
        if words[start][:1].casefold() != letters[0]:
            continue
        length = expansion_length(letters, words[start:])
        if length == len(words) - start:
            return " ".join(words[start:])
        if len(words) - start > len(letters) + MAX_SKIPS:
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


def find_abbreviations(body: Body, tooltips: Sequence[Abbreviation]) -> tuple[Abbreviation, ...]:
    """The abbreviations of a body: those of `tooltips` first, then those defined inline.

    Args:
        body: The document's body.
        tooltips: The definitions of the glossary tooltips the reader restored.
    """
    return merge(tooltips, find_inline(body.texts))


def merge(*groups: Iterable[Abbreviation]) -> tuple[Abbreviation, ...]:
    """One abbreviation per short form: the first definition wins."""
    seen: dict[str, Abbreviation] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item.short, item)
    return tuple(seen.values())
