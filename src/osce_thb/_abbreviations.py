"""Abbreviations defined inline: "the National Referral Mechanism (NRM)".

Glossary tooltips are restored by the reader (`osce_thb._acronyms`); this
extractor adds the definitions written out in the text, and `merge` keeps one
definition per short form, the tooltip's first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from osce_thb import _sentences
from osce_thb._acronyms import MINOR_WORDS, merge
from osce_thb._text import lazy
from osce_thb.model import Abbreviation

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from osce_thb._body import Body


# Inline definitions: "the National Referral Mechanism (NRM)", "UNICEF (United
# Nations Children's Fund)". The rules start from Schwartz & Hearst (2003), "A
# simple algorithm for identifying abbreviation definitions in biomedical text"
# (letters matched from the end, the first one starting a word), and are
# stricter where that takes too much or too little:
#
# * The short form is what a bracket holds when it looks like one: one or two
#   tokens ("BiH", "ILO-IPEC", "OSCE PCU"), each with two capitals or more; a
#   leading "the" and a full stop inside the bracket are dropped.
# * The letters to spell are its first character, its capitals and its digits:
#   "CoE" is C, E and "NGOs" is N, G, O; its other letters may be spelled or not.
# * The long form ends right before the bracket (quote marks and a possessive
#   "’s" trimmed off) and is the SHORTEST span whose words spell the letters in
#   order. The first letter starts the first word, which is no minor word
#   ("the", "of"). Word starts are preferred: each word, and each part of a
#   hyphenated word ("non-governmental" gives N and G), gives its first letter
#   or none, a word in capitals all its letters ("OSCE" in "OSCE PCU"). Only
#   when that fails may a few letters come from inside a word that gives its
#   first letter too (the I of "Nations" in UNICEF). Minor words may give no
#   letter; one other word at most may give none ("... of Child Labour" for
#   ILO-IPEC), and in a capitalised name only a capitalised one. The span has
#   at most min(n + 5, 2n) words for n letters.
# * The span never crosses a sentence end, a comma, colon or semicolon, a dash,
#   a bracket or a closing quote mark: it cannot run back over a list or into
#   the sentence before.
# * A parent organisation's acronym right before a capitalised long form is part
#   of the name: "OSCE Project Co-ordinator in Ukraine (PCU)".
# * Reverse order: a short form, then a bracket that spells it out in full.
# * A typo: a capitalised name whose initials are the letters with two
#   neighbours swapped ("Office for Democratic Institutions and Human Rights
#   (ODHIR)").
#
# Each bracket is read once, with a look back of a bounded number of words:
# linear in the length of the text.

_BRACKET = re.compile(r"\(([^()\n]{1,100})\)")
_SHORT_FORM = re.compile(r"[A-Za-z0-9][A-Za-z0-9&]*(?:[-/ ][A-Za-z0-9&]+)?")
_TOKEN_OF_SHORT = re.compile(r"[-/ ]")
_LEADING_ARTICLE = re.compile(r"(?:the|The|THE)\s+")
_SHORT_BEFORE = lazy(r"(?<!\S)[“\"'‘«„]?(?P<short>[A-Za-z0-9][A-Za-z0-9&/-]{1,11}) ?\Z")
_PARTS = re.compile(r"[^-/–—]+")  # the parts of a hyphenated word
_NOT_ALNUM = re.compile(r"[\W_]+")
_TOKEN = lazy(r"\S+")
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9]+")
_CLAUSE_END = ",;:.!?…"
_SENTENCE_END = ".!?…"
_OPENING_QUOTES = "“\"'‘«„"
_CLOSING_QUOTES = "”\"'’»"
_MID_CLOSING_QUOTES = '”"»'  # not ’ and ', which may end a plural possessive
_ENDS_CLAUSE = frozenset(",;:!?" + _MID_CLOSING_QUOTES)
_BRACKETS = re.compile(r"[()\[\]]")
_DASHES = frozenset({"–", "—", "--"})
_WINDOW_PER_WORD = 25  # characters looked back from a bracket, per word wanted
_MAX_SHORT = 12
_MAX_UNSPELLED = 1  # words in a long form that give no letter, minor words aside
# Minor words, which may stand in a long form without giving a letter: "Office
# for Democratic Institutions and Human Rights" (ODIHR), and the German and
# French ones of names written in those languages.
_STOP_WORDS = MINOR_WORDS | frozenset(
    {
        *("against", "between", "from", "into", "under"),
        *("das", "dem", "den", "der", "die", "für", "im", "und", "von", "zum", "zur"),
        *("et", "la", "le", "les", "pour"),
    }
)


class _Word(NamedTuple):
    """A word of a long form, as the speller sees it."""

    start: int  # where the word's text begins and ends in the block
    end: int
    parts: tuple[str, ...]  # the casefolded letters and digits of each hyphenated part
    capitals: tuple[bool, ...]  # per part: written in capitals ("OSCE")
    stop: bool  # a minor word: "of", "and", "the"
    capitalised: bool


class _Limits(NamedTuple):
    words: int  # in a long form
    inner: int  # letters that come from inside a word


def _short_form(content: str) -> str | None:
    """The abbreviation a bracket holds, or None: "the NPU" → "NPU", "ODIHR." → "ODIHR"."""
    short = content.strip()
    article = _LEADING_ARTICLE.match(short)
    if article:
        short = short[article.end() :]
    short = short.removesuffix(".")
    if len(short) > _MAX_SHORT or not _SHORT_FORM.fullmatch(short):
        return None
    if any(sum(ch.isupper() for ch in token) < 2 for token in _TOKEN_OF_SHORT.split(short)):
        return None  # "(Anna Kovacs)", "(Anti-Slavery)": words, not abbreviations
    return short


def _spelled(short: str) -> str:
    """The letters a long form spells: the first character, the capitals and the digits."""
    rest = "".join(ch for ch in short[1:] if ch.isupper() or ch.isdigit())
    return (short[0] + rest).casefold()


def _limits(letters: str) -> _Limits:
    count = len(letters)
    return _Limits(words=min(count + 5, 2 * count), inner=(count - 1) // 2)


def _word(text: str, start: int, end: int) -> _Word:
    """The word `text[start:end]`, its quote marks (and a final possessive) trimmed."""
    core = text[start:end]
    capitalised = core[0].isupper() or core[0].isdigit()
    if core.isalpha():  # most words: a shortcut
        folded = core.casefold()
        capital = capitalised and len(core) > 1 and core.isupper()
        return _Word(start, end, (folded,), (capital,), folded in _STOP_WORDS, capitalised)
    parts: list[str] = []
    capitals: list[bool] = []
    for piece in _PARTS.findall(core):
        letters = _NOT_ALNUM.sub("", piece).casefold()
        if letters:
            parts.append(letters)
            capitals.append(len(letters) > 1 and piece.isupper())
    return _Word(
        start, end, tuple(parts), tuple(capitals), core.casefold() in _STOP_WORDS, capitalised
    )


def _is_acronym(text: str, word: _Word) -> bool:
    """Whether `word` is one word in capitals, not a possessive: "OSCE"."""
    return bool(_ACRONYM_WORD.fullmatch(text, word.start, word.end))


def _trimmed(text: str, start: int, end: int, *, last: bool) -> tuple[int, int]:
    """The span of a word without quote marks around it; the `last` one without "’s" too.

    The possessive belongs to the sentence when it ends the long form ("the
    Organization for Security and Co-operation in Europe’s (OSCE) plan"), to the
    name inside it ("International Labour Organization’s International Programme").
    """
    word = text[start:end]
    start += len(word) - len(word.lstrip(_OPENING_QUOTES))
    word = text[start:end]
    if last:
        word = word.rstrip(_CLOSING_QUOTES).removesuffix("'s").removesuffix("’s")
    return start, start + len(word.rstrip(_CLOSING_QUOTES))


def _is_boundary(text: str, start: int, token: str) -> bool:
    """Whether a long form may not reach back over `token`, at `start` in `text`, or into it.

    A sentence end is one for the shared sentence splitter: not the period of
    "U.S." or "St.".
    """
    tail = token[-1]
    if tail in _ENDS_CLAUSE or token in _DASHES or _BRACKETS.search(token):
        return True
    if tail in _SENTENCE_END:
        end = start + len(token)
        return _sentences.ends_sentence(text, start + len(token.rstrip(_SENTENCE_END)), end)
    return False


def _words_before(text: str, at: int, short: str, limit: int) -> list[_Word]:
    """Up to `limit` words a long form ending at `at` may hold, nearest first.

    They stop at a boundary (see `_is_boundary`), at the short form written out
    as a word, and after a word that opens a quotation.
    """
    low = max(0, at - _WINDOW_PER_WORD * limit)
    window = text[low:at]
    tokens = window.split()
    if low and tokens and not window[0].isspace() and not text[low - 1].isspace():
        del tokens[0]  # cut by the window
    del tokens[:-limit]
    if not tokens:
        return []
    start = low + window.rfind(tokens[-1])
    first, stop = _trimmed(text, start, start + len(tokens[-1]), last=True)
    core = text[first:stop]
    if not core or core == short or core[-1] in _CLAUSE_END or _BRACKETS.search(core):
        return []  # "...Europe, (OSCE)": the bracket is not attached to a name
    words = [_word(text, first, stop)]
    if first > start:
        return words  # the word opens a quotation
    end = start - low
    for token in reversed(tokens[:-1]):
        start = low + window.rfind(token, 0, end)
        end = start - low
        if _is_boundary(text, start, token) or token == short:
            break
        if token[0] in _OPENING_QUOTES or token[-1] in _CLOSING_QUOTES:
            first, stop = _trimmed(text, start, start + len(token), last=False)
            if first == stop:
                break
            words.append(_word(text, first, stop))
            if first > start:
                break  # the word opens a quotation
        else:
            words.append(_word(text, start, start + len(token)))
    return words


def _by_initials(
    words: Iterable[_Word], letters: str, *, whole: bool = False, minor: bool = False
) -> int | None:
    """How many of `words` (nearest first) the shortest long form spelled by word starts takes.

    Each part of a word gives its first letter, or all its letters when written
    in capitals ("OSCE"), or none; a minor word gives none, unless `minor`
    ("Trafficking in Persons" for TIP). Matching greedily from the end leaves
    the most room for the first letters. With `whole`, the long form must take
    all `words`. None when no span within the limits spells `letters`.
    """
    left = len(letters)  # letters[:left] are still to spell
    unspelled = 0
    lower_gap = False  # a lower-case word gave no letter: the name is lower case
    parts = 0
    found = None
    count = 0
    for count, word in enumerate(words, start=1):
        parts += len(word.parts)
        gave = starts = False
        for at in range(len(word.parts) - 1, -1, -1):
            part = word.parts[at]
            if not left or (word.stop and not minor):
                break
            if word.capitals[at] and letters.endswith(part, 0, left):
                left -= len(part)
            elif part[0] == letters[left - 1]:
                left -= 1
            else:
                continue
            gave = True
            starts = not left and not at and not word.stop
        if not gave and not left and word.parts and not word.stop:
            starts = word.parts[0][0] == letters[0]  # an earlier start than the one matched
        if not gave and not starts and word.parts and not word.stop:
            unspelled += 1
            lower_gap = lower_gap or not word.capitalised
            if unspelled > _MAX_UNSPELLED:
                return None
        if starts and parts > 1 and not (lower_gap and word.capitalised):
            if not whole:
                return count
            found = count
    return found if found == count else None


def _could_spell(words: Sequence[_Word], letters: str) -> bool:
    """A quick test: `letters` occur in `words` in order, the first starting a word."""
    first = letters[0]
    if not any(word.parts and word.parts[0][0] == first and not word.stop for word in words):
        return False
    spelled = "".join(part for word in reversed(words) for part in word.parts)
    return _is_subsequence(letters, spelled)


def _is_subsequence(needle: str, haystack: str) -> bool:
    rest = iter(haystack)
    return all(ch in rest for ch in needle)


def _part_cost(word: _Word, index: int, letters: str) -> int | None:
    """How many of `letters` (not empty) part `index` of `word` gives from inside itself.

    A part gives its first letter and then, in order, letters from inside it
    ("Nations" gives N, I in UNICEF), or, in capitals, all its letters; a minor
    word gives its first letter only. None when the part cannot give `letters`.
    """
    part = word.parts[index]
    if word.capitals[index] and part == letters:
        return 0  # "OSCE" in "OSCE Project Co-ordinator in Ukraine" for "OSCE PCU"
    if part[0] != letters[0]:
        return None
    inner = letters[1:]
    if inner and (word.stop or not _is_subsequence(inner, part[1:])):
        return None
    return len(inner)


def _word_cost(word: _Word, letters: str, *, anchored: bool, index: int = 0) -> int | None:
    """The fewest letters from inside words for parts `index`... to give `letters` in order."""
    if not letters:
        return None if anchored else 0
    if index == len(word.parts):
        return None
    best: int | None = None
    for cut in range(1 if anchored else 0, len(letters) + 1):
        here = _part_cost(word, index, letters[:cut]) if cut else 0
        if here is None:
            continue
        rest = _word_cost(word, letters[cut:], anchored=False, index=index + 1)
        if rest is not None and (best is None or here + rest < best):
            best = here + rest
    return best


def _spelling(
    words: Sequence[_Word], letters: str, limits: _Limits, *, whole: bool = False
) -> int | None:
    """How many of `words` (nearest first) the shortest long form of `letters` takes.

    Letters may come from inside words here (see `_part_cost`). With `whole`,
    the long form must take all `words`. None when no span within the limits
    spells `letters`.
    """
    # best[j, gap]: the fewest (words giving no letter, letters from inside
    # words) with which the words read so far give letters[j:]; `gap` when a
    # lower-case word gave none, which only a lower-case long form may hold
    best: dict[tuple[int, bool], tuple[int, int]] = {(len(letters), False): (0, 0)}
    parts = 0
    for index, word in enumerate(words[: limits.words]):
        parts += len(word.parts)
        most = limits.inner + sum(
            len(part) if capital else 1
            for part, capital in zip(word.parts, word.capitals, strict=True)
        )
        if parts > 1 and not word.stop and (not whole or index == len(words) - 1):
            for (end, gap), (_, inner) in best.items():
                if end > most or (gap and word.capitalised):
                    continue
                cost = _word_cost(word, letters[:end], anchored=True)
                if cost is not None and inner + cost <= limits.inner:
                    return index + 1
        content = bool(word.parts) and not word.stop
        spelled: dict[tuple[int, bool], tuple[int, int]] = {}
        for (end, gap), (unspelled, inner) in best.items():
            options = [
                ((end, gap or (content and not word.capitalised)), (unspelled + content, inner))
            ]
            for begin in range(max(1, end - most), end):
                cost = _word_cost(word, letters[begin:end], anchored=False)
                if cost is not None:
                    options.append(((begin, gap), (unspelled, inner + cost)))
            for key, option in options:
                within = option[0] <= _MAX_UNSPELLED and option[1] <= limits.inner
                if within and (key not in spelled or option < spelled[key]):
                    spelled[key] = option
        if not spelled:
            return None
        best = spelled
    return None


def _spelled_by(
    words: Sequence[_Word], letters: str, limits: _Limits, *, whole: bool = False
) -> int | None:
    """How many of `words` (nearest first) spell `letters`: by word starts if they can."""
    count = _by_initials(words, letters, whole=whole) or _by_initials(
        words, letters, whole=whole, minor=True
    )
    if count is None and _could_spell(words, letters):
        count = _spelling(words, letters, limits, whole=whole)
    return count


def _transposed(words: Sequence[_Word], letters: str) -> int | None:
    """How many of `words` make a capitalised name whose initials are `letters` with a typo.

    The typo is two neighbouring letters swapped: "Office for Democratic
    Institutions and Human Rights (ODHIR)". Minor words give no initial.
    """
    initials = ""
    for index, word in enumerate(words):
        if word.stop:
            continue
        if not word.capitalised or not word.parts or len(initials) == len(letters):
            return None
        initials = word.parts[0][0] + initials
        if len(initials) == len(letters) and _swapped(initials, letters):
            return index + 1
    return None


def _swapped(initials: str, letters: str) -> bool:
    """Whether `letters` is `initials` with two different neighbouring letters swapped."""
    at = next((i for i, (a, b) in enumerate(zip(initials, letters, strict=True)) if a != b), None)
    return (
        at is not None
        and at + 1 < len(letters)
        and letters[:at] + letters[at + 1] + letters[at] + letters[at + 2 :] == initials
    )


def _defined_before(text: str, at: int, short: str) -> Abbreviation | None:
    """The definition of `short`, in a bracket at `at`, by the words before it."""
    letters = _spelled(short)
    limits = _limits(letters)
    words = _words_before(text, at, short, limits.words + 1)
    if not words:
        return None
    count = _spelled_by(words[: limits.words], letters, limits) or _transposed(
        words[: limits.words], letters
    )
    if count is None:
        return None
    if count < len(words) and words[count - 1].capitalised and _is_acronym(text, words[count]):
        count += 1  # "OSCE Project Co-ordinator in Ukraine (PCU)"
    return Abbreviation(short=short, long=text[words[count - 1].start : words[0].end])


def _defined_inside(text: str, bracket: re.Match[str]) -> Abbreviation | None:
    """A definition in reverse order: "UNICEF (United Nations Children’s Fund)"."""
    at = bracket.start()
    written = _SHORT_BEFORE().search(text, max(0, at - _MAX_SHORT - 2), at)
    short = _short_form(written["short"]) if written else None
    if short is None:
        return None
    start, end = bracket.span(1)
    article = _LEADING_ARTICLE.match(text, start)
    if article:
        start = article.end()
    if any(ch in text[start:end] for ch in _CLAUSE_END + _MID_CLOSING_QUOTES):
        return None
    words = [_word(text, m.start(), m.end()) for m in _TOKEN().finditer(text, start, end)]
    letters = _spelled(short)
    limits = _limits(letters)
    if not words or len(words) > limits.words:
        return None
    if _spelled_by(words[::-1], letters, limits, whole=True) is None:
        return None
    return Abbreviation(short=short, long=text[words[0].start : words[-1].end])


def find_inline(texts: Iterable[str]) -> list[Abbreviation]:
    """Abbreviations defined in brackets in `texts`, in the order of the text.

    "the National Referral Mechanism (NRM)" defines NRM; "UNICEF (United Nations
    Children's Fund)" defines UNICEF. The rules are in the comment above.
    """
    found: list[Abbreviation] = []
    for text in texts:
        if "(" not in text:
            continue
        for bracket in _BRACKET.finditer(text):
            short = _short_form(bracket[1])
            if short is not None:
                definition = _defined_before(text, bracket.start(), short)
            else:
                definition = _defined_inside(text, bracket)
            if definition is not None:
                found.append(definition)
    return found


def find_abbreviations(
    body: Body, tooltips: Sequence[Abbreviation], elsewhere: Sequence[str] = ()
) -> tuple[Abbreviation, ...]:
    """The abbreviations of a document: those of `tooltips` first, then those defined inline.

    Definitions in `elsewhere` come before the body's: those lines are the
    ones outside the body, the lines left unparsed (a source note: 'Compiled
    from: "...", Organization for Security and Co-operation in Europe (OSCE)')
    and the title.

    Args:
        body: The document's body.
        tooltips: The definitions of the glossary tooltips the reader restored.
        elsewhere: The document's other lines that may define abbreviations.
    """
    return merge(tooltips, find_inline(elsewhere), find_inline(body.texts))
