"""Programmes and mechanisms the body names: referral mechanisms, hotlines, plans...

`find_programmes` reads the body for the
programmes in `_KINDS`, a table of named patterns, and returns one
`Programme` per kind found, with every mention of it.

The rules:

* Each kind has one canonical name: proper names capitalised ("National Referral
  Mechanism", "National Action Plan"), generic ones in lower case ("hotline",
  "training programme"). Every spelling variant maps to it: programme or program,
  singular or plural, any capitalisation, "hotline", "hot line" or "helpline",
  with or without modifiers ("the national, toll-free hotline service").
* A mention's text is the words as written, from the first modifier to the head
  noun; an article ("the") is not part of it.
* A kind's acronym is the `short` of an abbreviation whose `long` is a name of that
  kind (Abbreviation(short="NRM", long="National Referral Mechanism")); failing
  that, an acronym in brackets right after a mention ("... Mechanism (NRM)").
  Every later use of the acronym ("the NRM", "NRMs") is a mention too; the
  bracketed definition itself is part of the mention before it.
* An abbreviation whose `long` ends in a programme word ("... Programme", "...
  Strategy") but matches no kind becomes a programme of its own, named by its
  `long`, mentioned by its long form and its acronym.
* Programmes come in the order of their first mention; mentions in text order.

Deliberate choices: "training seminars" and "training courses" are mentions of
the training programme (they are how releases name it); "referral mechanism"
without "national" is the National Referral Mechanism, but "transnational
referral mechanism" is its own kind; "national programme" is the National
Anti-trafficking Programme unless it names a post ("National Programme Officer").

How: one scan finds the head nouns of the kinds' names ("mechanism", "hotline",
"programme"...); from each head, one anchored match reads back at most
`_REACH_BACK` characters for the longest name of a kind with that head. Acronyms
are found by substring search. All of it is linear in the length of the text: the
scan's first character is a literal space, the read-back window is bounded, and no
pattern nests unbounded repetition.
"""

from __future__ import annotations

import functools
import re
from operator import attrgetter
from typing import TYPE_CHECKING, Final, NamedTuple

from osce_thb._body import group_mentions
from osce_thb._text import alternation, lazy
from osce_thb.model import Programme

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from osce_thb._body import Body
    from osce_thb.model import Abbreviation

__all__ = ["find_programmes"]


class _Kind(NamedTuple):
    """A kind of programme: its canonical name, its head nouns, the pattern of its names."""

    name: str
    """The canonical name every spelling of the kind maps to."""
    heads: tuple[str, ...]
    """The nouns its names turn on, singular and lower-case, as they start in the text
    ("program" also starts "programme"): every name of the kind contains one."""
    pattern: str
    """A `re.VERBOSE` pattern of its names in lower-cased text, without capturing
    groups."""


_PROGRAMME: Final = r"program(?:me)?s?"
"""Programme, program, programmes, programs."""

_ANTI_TRAFFICKING: Final = r"(?:(?:anti|counter)(?:-|\s)?trafficking\s+)"
"""The optional "anti-trafficking" of a national programme or plan."""

_ABOUT_TRAFFICKING: Final = r"""
    (?:\s+(?:on|against|for|to\s+combat|to\s+counter)    # ... on combating
       \s+(?:combating\s+|countering\s+|preventing\s+)?  # trafficking in
       (?:human\s+)?trafficking                          # human beings
       (?:\s+in\s+(?:human\s+beings|persons))?
    )?
"""
"""An optional "on combating trafficking in human beings" after a plan's name."""

_HOTLINE_HEADS: Final = ("hotline", "hot line", "hot-line", "helpline", "help line", "help-line")

_KINDS: Final = (
    _Kind(
        "Transnational Referral Mechanism",
        ("mechanism",),
        r"transnational\s+referral\s+mechanisms?",
    ),
    _Kind(
        "National Referral Mechanism",
        ("mechanism",),
        r"""
        (?:national\s+)?referral\s+mechanisms?      # also the bare "referral mechanism"
        """,
    ),
    _Kind(
        "hotline",
        _HOTLINE_HEADS,
        r"""
        (?:                                         # any modifiers, commas between:
            (?:national|regional|local|municipal|city|toll-free|toll\s+free|free
              |free-of-charge|24-hour|round-the-clock|anti-trafficking|counsel{1,2}ing
              |telephone|emergency|child|confidential
            ),?\s+                                  # "national, toll-free hotline"
        )*
        (?:hot|help)(?:-|\s)?lines?                 # hotline, hot line, help-line
        (?:\s+services?)?                           # hotline service
        """,
    ),
    _Kind(
        "training programme",
        ("program", "course", "seminar"),
        rf"""
        (?:vocational\s+)?training\s+
        (?:{_PROGRAMME}|courses?|seminars?)         # how releases name the programme
        """,
    ),
    _Kind(
        "economic empowerment programme",
        ("program",),
        rf"economic\s+empowerment\s+{_PROGRAMME}",
    ),
    _Kind(
        "National Anti-trafficking Programme",
        ("program",),
        rf"""
        (?:comprehensive\s+)?(?:national|state)\s+{_ANTI_TRAFFICKING}?
        {_PROGRAMME}
        (?!\s+(?:officers?|managers?|co-?ordinators?|assistants?|offices?)\b)  # a post
        {_ABOUT_TRAFFICKING}
        """,
    ),
    _Kind(
        "National Action Plan",
        ("plan",),
        rf"""
        national\s+{_ANTI_TRAFFICKING}?
        (?:action\s+plans?|plans?\s+of\s+action)
        {_ABOUT_TRAFFICKING}
        """,
    ),
    _Kind(
        "OSCE Action Plan to Combat Trafficking in Human Beings",
        ("plan",),
        r"osce\s+action\s+plan(?:\s+to\s+combat\s+trafficking\s+in\s+human\s+beings)?",
    ),
    _Kind(
        "rehabilitation programme",
        ("program",),
        rf"rehabilitation(?:\s+and\s+(?:re)?integration)?\s+{_PROGRAMME}",
    ),
    _Kind(
        "reintegration programme",
        ("program",),
        rf"reintegration\s+{_PROGRAMME}",
    ),
    _Kind(
        "victim assistance programme",
        ("program",),
        rf"(?:victims?['’]?\s+)?assistance\s+{_PROGRAMME}",
    ),
    _Kind(
        "witness protection programme",
        ("program",),
        rf"witness\s+protection\s+{_PROGRAMME}",
    ),
    _Kind(
        "awareness-raising campaign",
        ("campaign",),
        r"""
        (?:public\s+)?
        (?:awareness(?:(?:-|\s+)raising)?|information)\s+campaigns?
        """,
    ),
    _Kind(
        "prevention campaign",
        ("campaign",),
        r"prevention\s+campaigns?",
    ),
    _Kind(
        "educational programme",
        ("program",),
        rf"(?:youth\s+)?education(?:al)?\s+{_PROGRAMME}",
    ),
)
"""The kinds of programme this module knows, as data: add a row to add a kind."""

_HEAD_WORDS: Final = frozenset({
    "campaign", "helpline", "hotline", "initiative", "mechanism", "plan", "program",
    "programme", "strategy",
})  # fmt: skip
"""Last words that make an abbreviation's long form a programme of its own."""

_REACH_BACK: Final = 64
"""How far before its head a name may start, in characters ("comprehensive national
anti-trafficking programme" starts 41 characters before "programme")."""

_REACH_AHEAD: Final = 96
"""How far after its head a name may end, in characters ("plan to combat trafficking
in human beings" ends 42 characters after "plan")."""

_HEADS: Final = sorted({head for kind in _KINDS for head in kind.heads})

_HEAD: Final = re.compile(
    rf"""
    [ ]                 # every head follows a space (the scan text starts with one): a
                        # literal first character lets `re` jump from space to space,
    (?=[(“"«‘'{"".join(sorted({head[0] for head in _HEADS}))}])
                        # and one test of the next character drops most spaces
    [(“"«‘']?           # an opening bracket or quote
    (?P<head>{alternation(_HEADS)})    # factored on shared prefixes
    (?:me)?s?(?![\w-])  # a whole word: "programmes", "plans", not "planning"
    """,
    re.VERBOSE,
)
"""A head noun, in the lower-cased text."""


def _names_pattern(kinds: Iterable[int]) -> str:
    """An alternation of the names of `kinds`, the group `k<i>` around kind `i`'s."""
    return "|".join(f"(?P<k{index}>{_KINDS[index].pattern}\n)" for index in kinds)


def _name_from(kinds: tuple[int, ...]) -> Callable[[], re.Pattern[str]]:
    """The first name of one of `kinds` from a word start on, skipping words to it.

    Compiled when a text first holds one of their heads: most texts name few kinds.
    """
    return lazy(
        rf"""
        (?:[^ ]+[ ]+){{0,16}}?  # skip as few words as needed (16 is more than fit in
                                # `_REACH_BACK`), so that the name found is the longest
        [ ]*                    # the spaces after a name that stopped short
        [(“"«‘']?               # an opening bracket or quote, not part of the name
        (?:{_names_pattern(kinds)})
        (?![\w-])               # whole words only: not "hotlines-to-be", "programmed"
        """,
        re.VERBOSE,
    )


_KINDS_OF_HEAD: Final = {
    head: tuple(index for index, kind in enumerate(_KINDS) if head in kind.heads) for head in _HEADS
}
_PATTERNS: Final = {kinds: _name_from(kinds) for kinds in set(_KINDS_OF_HEAD.values())}
_NAME_FROM: Final = {head: _PATTERNS[kinds] for head, kinds in _KINDS_OF_HEAD.items()}
"""For each head, the first name from a word start on of a kind with that head, in
the lower-cased text; the named group `k<i>` that matched tells the kind. Trying
only the kinds of the head, and skipping words inside the pattern, keeps the
read-back cheap: `re` enters every branch of an alternation of named groups."""

_WHOLE_NAME: Final = lazy(rf"(?:the\s+)?(?:{_names_pattern(range(len(_KINDS)))})", re.VERBOSE)
"""A whole long form of an abbreviation, lower-cased, that names a kind (each holds one
of `_HEADS`: compiled when a long form first does)."""

_INLINE_ACRONYM: Final = re.compile(
    r"""
    [ ]*\([ ]*
    (?P<acronym>[A-Z][A-Za-z]{0,8}[A-Z])    # NRM, NAP, CoE: capitals at both ends
    [ ]*\)
    """,
    re.VERBOSE,
)
"""An acronym in brackets right after a name: "National Referral Mechanism (NRM)"."""


class _Found(NamedTuple):
    """A mention found in the joined text, before it is mapped to its block."""

    key: str
    """The kind's canonical name, or the long form of an abbreviation."""
    start: int
    end: int


# `tuple.__new__` makes a `_Found` without the Python-level `__new__` of a NamedTuple,
# for less: one is made for every mention.
_new_found: Final = functools.partial(tuple.__new__, _Found)

_KIND_OF_GROUP: Final = {f"k{index}": kind.name for index, kind in enumerate(_KINDS)}
"""The canonical name of the kind each named group `k<i>` of the name patterns stands for."""

_START: Final = attrgetter("start")
_END: Final = attrgetter("end")

_HEAD_GROUP: Final = _HEAD.groupindex["head"]  # a group's number is found faster than its name


def find_programmes(body: Body, abbreviations: Sequence[Abbreviation]) -> tuple[Programme, ...]:
    """Find the programmes and mechanisms the body names, with every mention.

    Args:
        body: The document's body; a mention's `block` is a block's index in it.
        abbreviations: The abbreviations the text defines; they give programmes
            their acronyms, and make the bare acronym a mention.

    Returns:
        One programme per kind named, in the order of first mention.
    """
    if not body.texts:
        return ()
    text = body.scan
    # Lower-cased, so that the patterns need no `re.IGNORECASE`, which makes `re`
    # enter every branch of an alternation instead of testing its first letter.
    lower = body.lower
    found = _names(lower)
    acronyms, extra = _from_abbreviations(abbreviations)
    for long in extra:
        found.extend(_Found(long, *span) for span in _long_forms(lower, long))
    definitions: dict[int, tuple[str, str]] = {}  # where a bracketed acronym stands
    for key, _, end in found:
        defined = _INLINE_ACRONYM.match(text, end)
        if defined is not None:
            definitions[defined.start("acronym")] = (defined["acronym"], key)
    for acronym, key in definitions.values():
        if acronym not in acronyms and key not in acronyms.values():
            acronyms[acronym] = key
    for acronym, key in acronyms.items():
        found.extend(
            _Found(key, start, end)
            for start, end in _acronym_uses(text, acronym)
            if start not in definitions
        )
    return _programmes(body, found, acronyms)


def _names(lower: str) -> list[_Found]:
    """Every name of a kind in the lower-cased text, in text order.

    The rule: find each head noun; read back up to `_REACH_BACK` characters (never
    into the name found before) for the longest name that runs past the head.
    """
    found: list[_Found] = []
    reached = 0
    for head in _HEAD.finditer(lower):
        start = head.start(_HEAD_GROUP)
        if start < reached:
            continue
        name = _name_around(lower, start, reached, _NAME_FROM[head[_HEAD_GROUP]]())
        if name is not None:
            found.append(name)
            reached = name.end
    return found


def _name_around(lower: str, head: int, reached: int, pattern: re.Pattern[str]) -> _Found | None:
    """The longest name `pattern` finds that starts at or before `head` and runs past it.

    The search starts at the first whole word `_REACH_BACK` characters before the
    head, and stops `_REACH_AHEAD` characters after it.
    """
    lowest = max(reached, head - _REACH_BACK)
    start = lower.find(" ", lowest, head) + 1 or head  # the first whole word
    stop = head + _REACH_AHEAD
    match = pattern.match(lower, start, stop)
    while match is not None:
        group = match.lastgroup  # `_kind`, inlined: this runs for every head
        assert group is not None  # every branch of `_names_pattern` is a named group
        name_start, name_end = match.span(group)
        if name_start > head:
            return None  # a name further on: its own head will find it
        if name_end > head:
            return _new_found((_KIND_OF_GROUP[group], name_start, name_end))
        match = pattern.match(lower, name_end, stop)  # a name that stops short of the head
    return None


def _kind(match: re.Match[str]) -> tuple[str, tuple[int, int]]:
    """The canonical name of the kind whose names a match found, and the name's span."""
    group = match.lastgroup
    assert group is not None  # every branch of `_names_pattern` is a named group
    return _KIND_OF_GROUP[group], match.span(group)


def _from_abbreviations(
    abbreviations: Sequence[Abbreviation],
) -> tuple[dict[str, str], list[str]]:
    """Acronyms of known kinds, and the long forms that are programmes of their own.

    The rule: an abbreviation whose whole long form is a name of a kind gives that
    kind its acronym; one whose long form ends in a word of `_HEAD_WORDS` is a
    programme of its own, keyed by its long form.

    Returns:
        The acronyms, each with the key of its programme, and the long forms that
        are programmes of their own.
    """
    acronyms: dict[str, str] = {}
    extra: list[str] = []
    for abbreviation in abbreviations:
        long = " ".join(abbreviation.long.split())
        lowered = long.lower()
        match = None
        if any(head in lowered for head in _HEADS):
            match = _WHOLE_NAME().fullmatch(lowered)
        if match is not None:
            key = _kind(match)[0]
        elif long.rpartition(" ")[2].lower() in _HEAD_WORDS:
            key = long
            extra.append(long)
        else:
            continue
        acronyms.setdefault(abbreviation.short, key)
    return acronyms, extra


def _long_forms(lower: str, long: str) -> Iterator[tuple[int, int]]:
    """Where `long` stands in the lower-cased text, whatever its spacing."""
    for match in _long_form_pattern(long.lower()).finditer(lower):
        yield match.span()


@functools.lru_cache(maxsize=64)
def _long_form_pattern(long: str) -> re.Pattern[str]:
    """A pattern of the lower-cased long form, cached: the same glossary recurs."""
    words = r"\s+".join(re.escape(word) for word in long.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])")


def _acronym_uses(text: str, acronym: str) -> Iterator[tuple[int, int]]:
    """Where the acronym stands as a word, or with a plural "s" or a suffix ("NRM-based").

    Substring search rather than a pattern: it costs next to nothing on a text
    that does not use the acronym, which is most texts for most acronyms.
    """
    start = text.find(acronym)
    while start >= 0:
        end = start + len(acronym)
        if text.startswith("s", end):
            end += 1
        if not _joins_word(text, start - 1) and not text[end : end + 1].isalnum():
            yield start, end
        start = text.find(acronym, start + 1)


def _joins_word(text: str, index: int) -> bool:
    """Whether the character at `index` would join a word (letters, digits, "-")."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] in "-_")


def _programmes(body: Body, found: list[_Found], acronyms: dict[str, str]) -> tuple[Programme, ...]:
    """Group the mentions by programme, in the order of first mention.

    Mentions are taken by start, the longest first; one that overlaps a mention kept
    before it is dropped, so that an abbreviation's long form wins over a kind's
    name inside it.
    """
    acronym_of: dict[str, str] = {}
    for acronym, key in acronyms.items():
        acronym_of.setdefault(key, acronym)
    text = body.scan
    # Two stable sorts with C-level keys cost less than one with a tuple made per item:
    # by start, and at one start the longest first.
    by_start = sorted(found, key=_END, reverse=True)
    by_start.sort(key=_START)

    def kept() -> Iterator[tuple[str, int, int, str]]:
        reached = 0
        for item in by_start:
            if item.start < reached:
                continue
            reached = item.end
            block, start = body.locate(item.start)
            yield item.key, block, start, text[item.start : item.end]

    mentions = group_mentions(kept())
    return tuple(
        Programme(name=key, acronym=acronym_of.get(key), mentions=tuple(found_here))
        for key, found_here in mentions.items()
    )
