"""Counted quantities in the body: "some 200 social service providers".

`find_figures` reads every block for numbers
that count something, and turns each into a `Figure`: its
value, the hedge before it ("some", "almost", "more than"), what it counts and
the words as written. The rules, each chosen so that a reader of an OSCE release
would agree with the result:

What is a number:
    * Digits, with commas between thousands ("1,072", "22,000"). Spaces do not
      separate thousands: digit groups split by spaces are telephone numbers.
    * A decimal only before a scale word, when the product is whole ("1.5
      million" is 1,500,000); "2.5 per cent" is not a whole count and is skipped.
    * Words from "zero" to "ninety-nine" ("six", "Forty", "twenty-five"),
      optionally times "hundred", then "thousand", "million" or "billion". Words
      must be followed by what they count: "the two of them" is no figure.
    * "one" also needs a following noun and no determiner before it, so that
      "one of the ways", "no one" and "the one that" are not figures.

What is not a figure:
    * Years: four digits from 1900 to 2099 without a comma ("in 2002", "From 2000
      to 2003", "the 2014 efforts"). With a qualifier and a plural noun after it
      ("some 2000 people") the number is a count again; a bare "2000 people" is
      read as a year, since OSCE house style writes "2,000 people".
    * Dates: a day before or after a month name ("13 December", "December 13",
      "13 and 14 May"), days glued to a range ("13-14 May") and digit dates
      ("13.12.2013", "2013-12-13").
    * Ordinals ("21st"; "first" is no number word) and times ("10:30", "9 am").
    * Names and codes: a number after a label word ("Article 149", "Resolution
      1325", "No. 5", "Phase 2", "tel. 527"), after an acronym ("UNSCR 1325") or
      glued to letters or a hyphen ("UA-14", "G20").
    * Telephone numbers: digit groups split by spaces ("0 800 500 225").
    * Compounds and ranges: "three-day", "24/7", "10-15".
    * List numbers: "1." or "1)" opening a block, and "(3)" or "[3]" alone.

What is kept although it is no head count:
    * Percentages, as figures counting "per cent" ("over 30%" is 30, "per cent").
    * Money, as figures counting the currency: "EUR 50,000" counts "EUR" (a
      symbol is named by its ISO code: "€" is "EUR", "$" is "USD"); "50,000 euros"
      counts "euros".

What a figure counts (`Figure.counted`): the noun phrase right after the number.
It starts after a leading "more" or "further" ("six more regions" counts
"regions"), runs over at most four words and stops at punctuation, at a number
and at a function word (article, preposition, pronoun, auxiliary...). Its head is
the first plural-looking word (ending in "s", or "people", "staff"...), extended
over plural words right after it ("police officers"); what follows the head is
dropped ("people phoned" counts "people"). Two heads joined by "and" or "or"
stay together ("hotline consultants and volunteers"). Without any plural word,
and always after a one, the phrase is a singular or mass noun, cut before the
first later word that ends in "-ed" or "-ing" or looks plural ("one shelter
exists" counts "shelter"); a phrase that starts with an "-ed" word is a verb, not
a noun ("100 attended" counts nothing).

The qualifier (`Figure.qualifier`) is one of a fixed list of hedges directly
before the number, lower-cased and single-spaced; `Figure.text` is the slice of
the block from the qualifier (or the currency, or the number) to the end of the
number and its scale word, as written ("Some 200", "EUR 1.5 million").

All matching is linear in the length of the text: the scan is one regular
expression whose first character is a literal space, every later step reads a
few words next to a number (never past the next number), and no pattern nests
unbounded repetition.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final, NamedTuple

from osce_thb._body import BLOCK_SEPARATOR
from osce_thb._dates import MONTH_NAMES
from osce_thb._text import alternation, lazy
from osce_thb.model import Figure

if TYPE_CHECKING:
    from collections.abc import Iterable

    from osce_thb._body import Body

__all__ = ["find_figures"]


# --------------------------------------------------------------------------- data

_UNITS: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES: Final = {
    "thousand": 1_000, "million": 1_000_000, "mln": 1_000_000,
    "billion": 1_000_000_000, "bn": 1_000_000_000,
}  # fmt: skip

_CURRENCIES: Final = {
    "eur": "EUR", "€": "EUR", "usd": "USD", "us$": "USD", "$": "USD",
    "gbp": "GBP", "£": "GBP", "chf": "CHF", "uah": "UAH", "rub": "RUB",
}  # fmt: skip
"""Currencies written before an amount, by the ISO 4217 code that names them."""

_QUALIFIERS: Final = frozenset({
    "about", "above", "almost", "approx.", "approximately", "around", "below",
    "close to", "estimated", "an estimated", "exactly", "fewer than", "less than",
    "more than", "nearly", "no fewer than", "no less than", "no more than",
    "not less than", "not more than", "over", "roughly", "some", "under", "up to",
    "at least", "at most", "as many as", "in excess of", "just over", "just under",
    "well over", "well above", "upwards of",
})  # fmt: skip
"""Hedges before a number, lower-cased, words separated by one space."""

_QUALIFIER_WORDS: Final = max(len(q.split()) for q in _QUALIFIERS)
_QUALIFIER_ENDS: Final = frozenset(
    " ".join(words[start:]) for words in map(str.split, _QUALIFIERS) for start in range(len(words))
)
"""The last words of the hedges ("than", "more than"): a hedge is looked for only after
one of them, and reading back stops at the first word that no hedge ends with."""

_LABELS: Final = frozenset({
    "act", "age", "aged", "ages", "annex", "appendix", "art", "article", "articles",
    "box", "case", "chapter", "class", "clause", "code", "decision", "decisions",
    "dial", "ext", "extension", "fax", "flight", "grade", "group", "helpline",
    "hotline", "item", "law", "level", "line", "mobile", "module", "no", "nos", "nr",
    "number", "p", "page", "pages", "para", "paragraph", "paragraphs", "paras",
    "phase", "phone", "point", "pp", "protocol", "resolution", "resolutions", "room",
    "round", "route", "section", "session", "stage", "step", "tel", "telephone",
    "version", "volume", "vol", "week", "year",
})  # fmt: skip
"""Words that make the number after them a name or a code ("Article 149")."""

_ONE_BLOCKERS: Final = frozenset({
    "any", "at", "each", "every", "no", "that", "the", "this", "which",
})  # fmt: skip
"""Words before "one" that make it a pronoun or an article, not a count."""

_STOP_WORDS: Final = frozenset({
    # articles, determiners and pronouns
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "our", "his",
    "her", "my", "your", "them", "they", "we", "he", "she", "it", "i", "you", "us",
    "who", "whom", "whose", "which", "what", "where", "when", "while", "why", "how",
    "each", "every", "all", "any", "some", "such", "another", "many", "much", "few",
    "most", "less", "least", "both", "either", "neither", "no", "not",
    # prepositions
    "of", "in", "on", "at", "to", "from", "for", "with", "by", "about", "above",
    "across", "after", "against", "along", "among", "amongst", "around", "as",
    "before", "behind", "below", "beside", "besides", "between", "beyond", "despite",
    "down", "during", "except", "inside", "into", "like", "near", "off", "onto",
    "out", "outside", "over", "past", "per", "since", "than", "through",
    "throughout", "till", "toward", "towards", "under", "until", "up", "upon", "via",
    "within", "without", "including",
    # conjunctions
    "and", "or", "nor", "but", "so", "yet", "if", "because", "though", "although",
    "unless", "whereas", "whether",
    # auxiliaries and the commonest reporting verbs
    "is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had",
    "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must", "said", "say", "says", "told",
    # adverbs
    "also", "already", "again", "ago", "always", "even", "ever", "just", "only",
    "still", "then", "there", "here", "now", "today", "yesterday", "tomorrow", "too",
    "very", "well", "perhaps", "sometimes",
    # numbers: "persons and twenty women" are two figures
    *_UNITS, *_TENS, "hundred", *_SCALES,
})  # fmt: skip
"""Function words and numbers: a counted noun phrase ends before any of them."""

_SKIPPED_FIRST: Final = frozenset({"more", "further"})
"""Words after a number that compare it rather than name what it counts."""

_IRREGULAR_PLURALS: Final = frozenset({
    "people", "children", "men", "women", "police", "staff", "personnel", "youth",
    "media", "data", "cattle", "alumni", "criteria", "feet", "militia",
})  # fmt: skip
"""Plural nouns without a final "s", and collective nouns counted like plurals."""

_MAX_PHRASE_WORDS: Final = 4
"""How many words a counted noun phrase may have before "and" ("social service
providers" has three)."""

_LOOKBACK: Final = 48
"""How far before a number to look for its qualifier or label, in characters."""

_MONTH_NAMES: Final = frozenset(
    form
    for month in (*MONTH_NAMES, "Sept")
    for form in (month, month.upper(), month[:3], month[:3].upper())
)
"""Month names as a date writes them: full, upper-case and abbreviated ("Dec", "Sept")."""


# --------------------------------------------------------------------------- patterns


def _cased(words: Iterable[str]) -> list[str]:
    """Each word as written in running text, at the start of a sentence and in capitals."""
    return [form for word in words for form in (word, word.capitalize(), word.upper())]


_NUMBER_WORDS: Final = _cased(_UNITS)
_TENS_WORDS: Final = _cased(_TENS)
_DIGIT_WORDS: Final = _cased(list(_UNITS)[1:10])  # one to nine, after "twenty-"
_FIRST_LETTERS: Final = "".join(sorted({word[0] for word in _NUMBER_WORDS + _TENS_WORDS}))

_SCAN: Final = re.compile(
    rf"""
    [ ]                             # every candidate follows a space (the scan text
                                    # starts with one): a literal first character lets
                                    # `re` jump from space to space
    (?=[0-9(\[“"«‘'€$£{_FIRST_LETTERS}])
                                    # and one test of the next character drops most
                                    # spaces before the costlier branches below;
    (?=[0-9(\[“"«‘'€$£]|(?:{alternation(_TENS_WORDS + _NUMBER_WORDS)})(?!\w))
                                    # a second one drops the words that merely start
                                    # like a number word ("the", "seventh"): it sets
                                    # no group, so it fails faster than the branches
    (?P<open>[(\[“"«‘']|)           # an opening bracket or quote, not part of the figure
    (?P<figure>
      (?P<symbol>[€$£]|)            # €50,000 (a code such as "EUR" is read as the word
                                    # before the number)
      (?:
          (?P<digits>                                       # bounded, so that int()
              [0-9]{{1,3}}(?:,[0-9]{{3}}){{1,4}}            # stays cheap on junk:
            | [0-9]{{1,15}}                                 # 1,072 / 22,000 / 51
          )
          (?:\.(?P<fraction>[0-9]{{1,6}})|)                 # 1.5, kept before a scale only
        | (?P<words>
              {alternation(_TENS_WORDS)}                   # forty
              (?:[- ]{alternation(_DIGIT_WORDS)})?         # forty-five / forty five
            | {alternation(_NUMBER_WORDS)}                 # six / Seventeen
          )(?!\w)                                           # not "tension", "ones"
      )
      (?:[ ](?P<hundred>(?i:hundred))(?!\w)|)               # two hundred
      (?:[ ](?P<scale>(?i:{alternation(_SCALES)}))(?!\w)|) # 1.5 million
    )
    """,
    re.VERBOSE,
)
"""A number; the checks below decide whether it counts something.

Optional parts are written as alternations with an empty branch ("(?:x|)"), which
`re` runs faster than "(?:x)?": the scan is the hot loop of the module. The text is
not lower-cased first (that copy costs more than the scan on non-ASCII text), so
number words are listed as written: "six", "Six", "SIX".
"""

_FIGURE, _OPEN, _SYMBOL, _DIGITS, _FRACTION, _WORDS, _HUNDRED, _SCALE = (
    _SCAN.groupindex[name]
    for name in ("figure", "open", "symbol", "digits", "fraction", "words", "hundred", "scale")
)  # a group's number is found faster than its name: these are read for every number

_NOT_A_COUNT_AFTER: Final = re.compile(
    r"""
      \w                            # glued to letters or digits: 21st, 10km, 1990s
    | [-–—/]\w                      # a compound or a range: three-day, 2012-2013, 24/7
    | [.,:][0-9]                    # a date, a decimal comma, a time: 13.12.2013, 10:30
    | [ ]+[0-9]                     # more digit groups: a telephone number
    | [ ]?(?i:a\.m\.|p\.m\.|am|pm|hrs|h)(?!\w)    # a time of day: 9 am
    """,
    re.VERBOSE,
)
"""What, right after a number, shows that it is no count."""

_MONTH_AFTER: Final = re.compile(
    rf"""
    (?:[ ]*(?:[-–—]|and|to|&)[ ]*[0-9]{{1,2}})?   # the end of a range of days: 13 and 14 May
    [ ]+(?:of[ ]+)?                               # 13 of May
    (?:{alternation(_MONTH_NAMES)})(?!\w)        # case as written: "may" is a verb
    """,
    re.VERBOSE,
)
"""A month name after a day ("13 December")."""

_PERCENT: Final = re.compile(
    r"""
      [ ]?%                                     # 30% / 30 %
    | [ ]+(?i:per[ ]?cent|percent|pct)(?!\w)    # 30 per cent
    """,
    re.VERBOSE,
)
"""A percentage sign or word after a number: the figure counts "per cent"."""

_FOLLOWING_WORDS: Final = re.compile(
    r"""
    (?:[ ]+[^\W\d_][\w'’-]*){1,9}   # up to nine words, separated by spaces only:
                                    # punctuation or a number ends the phrase
    """,
    re.VERBOSE,
)
"""The words after a number, from which `_noun_phrase` takes what it counts."""

_PHONE_GROUP: Final = lazy(r"[+(]*[0-9][0-9()+./-]*")
"""A digit group before a number: both are part of a telephone number."""

_ODD_SPACES: Final = (
    "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character `str.isspace` knows but the space itself; none is printable."""

_TO_SPACE: Final = str.maketrans(dict.fromkeys(_ODD_SPACES, " "))

_PILCROW: Final = BLOCK_SEPARATOR.strip()


# --------------------------------------------------------------------------- reading


def find_figures(body: Body) -> tuple[Figure, ...]:
    """Find every counted quantity in the body, in document order.

    Args:
        body: The document's body; a figure's `block` is a block's index in it.

    Returns:
        The figures, block by block and left to right within a block.
    """
    if not body.texts:
        return ()
    text = body.scan
    scan = _plain_spaces(text)
    figures: list[Figure] = []
    for match in _SCAN.finditer(scan):
        figure = _read_figure(text, scan, match, body)
        if figure is not None:
            figures.append(figure)
    return tuple(figures)


def _plain_spaces(text: str) -> str:
    """The text with every space a plain space, so that patterns can write " ".

    Every other space is unprintable, so a printable text (most are: one test in
    C) has none; the others are searched for each, and most texts are spared the
    translation.
    """
    if not text.isprintable() and any(space in text for space in _ODD_SPACES):
        return text.translate(_TO_SPACE)
    return text


def _read_figure(text: str, scan: str, match: re.Match[str], body: Body) -> Figure | None:
    """The figure a scanned number stands for, or None when it counts nothing.

    `text` is the joined body, `scan` the same with plain spaces.

    The rule: a number counts unless the text right after or before it shows a
    date, a year, a code, a telephone number or a list number (see the module
    docstring); words need a counted noun after them.
    """
    end = match.end(_FIGURE)
    if _NOT_A_COUNT_AFTER.match(scan, end):
        return None
    value = _value(match)
    if value is None:
        return None
    left = _left_context(scan, match)
    year = left.currency is None and _is_year(match, value)
    if left.qualifier is None and (
        year or _names_or_dates(scan, match, left) or _is_list_number(scan, match)
    ):
        return None
    counted: str | None
    if left.currency is not None:
        counted, plural = left.currency, True
    else:
        counted, plural = _counted(scan, end, value)
    if year and not plural:
        return None
    words = match[_WORDS]
    if words is not None and (
        counted is None or (words.lower() == "one" and left.word.lower() in _ONE_BLOCKERS)
    ):
        return None
    return Figure(
        value=value,
        qualifier=left.qualifier,
        counted=counted,
        text=text[left.start : end],
        block=body.locate(left.start)[0],
    )


def _value(match: re.Match[str]) -> int | None:
    """The number's value, or None when it is not a whole number ("2.5")."""
    digits, words, scale, hundred, fraction = match.group(
        _DIGITS, _WORDS, _SCALE, _HUNDRED, _FRACTION
    )
    if digits is not None:
        whole = int(digits.replace(",", ""))
    else:
        head, _, unit = words.lower().replace("-", " ").partition(" ")
        whole = _TENS.get(head, 0) + _UNITS.get(head, 0) + _UNITS.get(unit, 0)
    factor = (100 if hundred else 1) * (_SCALES[scale.lower()] if scale else 1)
    if not fraction:
        return whole * factor
    # 1.5 million = 15 * 1,000,000 / 10, in exact integer arithmetic
    quotient, rest = divmod(int(f"{whole}{fraction}") * factor, 10 ** len(fraction))
    return None if rest else quotient


class _Left(NamedTuple):
    """What stands before a number: its hedge, its currency, the word before them."""

    qualifier: str | None
    """The hedge, lower-cased and single-spaced ("more than"), if any."""
    currency: str | None
    """The ISO code of a currency before the amount, if any."""
    start: int
    """Where the figure as written starts: at the hedge, the currency or the number."""
    word: str
    """The token right before the number (or its currency), as written; "" if none."""
    word_start: int
    """Where that token starts."""


# `tuple.__new__` makes a `_Left` without the Python-level `__new__` of a NamedTuple:
# one is made for every number read.
_new_left: Final = functools.partial(tuple.__new__, _Left)


def _left_context(scan: str, match: re.Match[str]) -> _Left:
    """Read back from a number over its currency code and its hedge.

    The rule: a currency code ("EUR") or symbol right before the number is its
    currency; the longest hedge from `_QUALIFIERS` right before the number or the
    currency is its qualifier. Nothing is read back across an opening bracket.
    """
    start = match.start(_FIGURE)
    symbol = match[_SYMBOL]
    currency = _CURRENCIES[symbol] if symbol else None
    if match[_OPEN]:
        return _new_left((None, currency, start, "", start))
    word_start, word = _token_before(scan, match.start())
    phrase = word.lower()
    if currency is None and phrase in _CURRENCIES:
        currency, start = _CURRENCIES[phrase], word_start
        word_start, word = _token_before(scan, word_start)
        phrase = word.lower()
    if phrase not in _QUALIFIER_ENDS:
        return _new_left((None, currency, start, word, word_start))
    # Word by word back, keeping the longest hedge, while the words read end some hedge:
    # most numbers follow a word like "of" or "to", and need no more than one look back.
    qualifier, qualifier_start = (phrase, word_start) if phrase in _QUALIFIERS else (None, start)
    token_start = word_start
    for _ in range(_QUALIFIER_WORDS - 1):
        token_start, token = _token_before(scan, token_start)
        if not token:
            break
        phrase = f"{token.lower()} {phrase}"
        if phrase not in _QUALIFIER_ENDS:
            break
        if phrase in _QUALIFIERS:
            qualifier, qualifier_start = phrase, token_start
    return _new_left((qualifier, currency, qualifier_start, word, word_start))


def _token_before(scan: str, end: int) -> tuple[int, str]:
    """Where the space-separated token before `end` starts, and the token.

    Looks back at most `_LOOKBACK` characters, so that the work per number is
    bounded; a token cut by the window's edge counts as none ("", `end`), lest
    "handsome" read as "some".
    """
    lowest = max(0, end - _LOOKBACK)
    stop = end
    while stop > lowest and scan[stop - 1] == " ":
        stop -= 1
    space = scan.rfind(" ", max(0, lowest - 1), stop)
    if space < 0 or stop <= lowest:
        return end, ""
    return space + 1, scan[space + 1 : stop]


def _names_or_dates(scan: str, match: re.Match[str], left: _Left) -> bool:
    """Whether the number names or dates something rather than counting it.

    The rule: the number follows a label word ("Article 149"), an acronym ("UNSCR
    1325"), a month ("December 13") or another digit group (a telephone number), or,
    when a day of the month, a month follows it ("13 December").
    """
    if left.currency is not None:
        return False
    word = left.word
    if word:
        bare = word.rstrip(".,")
        if (
            word.rstrip(".").lower() in _LABELS
            or bare in _MONTH_NAMES
            or (bare.isupper() and bare.isalnum() and len(bare) > 1)
            or (word[-1].isdigit() and _PHONE_GROUP().fullmatch(word))
        ):
            return True
    digits = match["digits"]
    return (
        digits is not None
        and len(digits) <= 2
        and _MONTH_AFTER.match(scan, match.end("figure")) is not None
    )


def _is_list_number(scan: str, match: re.Match[str]) -> bool:
    """Whether the number numbers a list: "1." opening a block, or "(3)" alone."""
    after = scan[match.end("figure") : match.end("figure") + 1]
    opener = match["open"]
    if opener:
        return opener in "([" and after in (")", "]")
    opens_block = match.start() == 0 or scan[match.start() - 1] == _PILCROW
    return opens_block and after in (".", ")")


def _is_year(match: re.Match[str], value: int) -> bool:
    """Whether the number reads as a year: four digits from 1900 to 2099, bare."""
    digits = match["digits"]
    return (
        digits is not None
        and len(digits) == 4
        and 1900 <= value <= 2099
        and not (match["fraction"] or match["hundred"] or match["scale"])
    )


def _counted(scan: str, end: int, value: int) -> tuple[str | None, bool]:
    """What the number ending at `end` counts, and whether that has a plural head.

    A percent sign or "per cent" after the number counts "per cent"; else the noun
    phrase after the number (see `_noun_phrase`), singular after a one.
    """
    if _PERCENT.match(scan, end):
        return "per cent", True
    following = _FOLLOWING_WORDS.match(scan, end)
    if following is None:
        return None, False
    lower = following.group().lower().split()  # one call, not one per word
    first = 1 if lower[0] in _SKIPPED_FIRST else 0
    size, plural = _noun_phrase(lower, first, singular=value == 1)
    if size and plural:
        size += _coordinated(lower, first + size)
    if not size:
        return None, False
    return " ".join(following.group().split()[first : first + size]), plural


def _noun_phrase(words: list[str], first: int, *, singular: bool = False) -> tuple[int, bool]:
    """How many words from `first` make the counted noun phrase, and if it is plural.

    The rule: take up to `_MAX_PHRASE_WORDS` words before any function word or
    number; end after the first plural-looking word and the plural words right
    after it. Without a plural word, or after "one", keep a singular or mass noun:
    cut before the first later word that ends in "-ed" or "-ing" or looks plural
    (a verb: "one shelter exists"), and keep nothing when the first word ends in
    "-ed" (a verb too: "100 attended").
    """
    run: list[str] = []
    for word in words[first : first + _MAX_PHRASE_WORDS]:
        if word in _STOP_WORDS:
            break
        run.append(word)
    if not singular:
        for head, word in enumerate(run):
            if _looks_plural(word):
                while head + 1 < len(run) and _looks_plural(run[head + 1]):
                    head += 1
                return head + 1, True
    if not run or run[0].endswith("ed"):
        return 0, False
    for size, word in enumerate(run[1:], start=1):
        if word.endswith(("ed", "ing")) or _looks_plural(word):
            return size, False
    return len(run), False


def _coordinated(words: list[str], at: int) -> int:
    """How many more words "and volunteers" adds to a plural phrase ending at `at`."""
    if at + 1 < len(words) and words[at] in ("and", "or"):
        size, plural = _noun_phrase(words, at + 1)
        if size and plural:
            return size + 1
    return 0


def _looks_plural(word: str) -> bool:
    """Whether a lower-cased word looks like a plural noun ("providers", "people")."""
    word = word.rstrip("'’")
    if word in _IRREGULAR_PLURALS:
        return True
    return (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
    )
