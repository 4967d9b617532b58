"""Finding regions in body text: every spelling of a region or of one of its cities.

The names come from the gazetteer's data files (``osce_thb/data/regions``), so
that another country's regions need data, not code. All names go into one
regular expression, built on first use as a character trie (one branch per
first letter, so that the engine's fast scan for a first letter applies and no
name is tried twice) and cached.

The rules:

- A name matches as a whole word, case-sensitively as written in the data or
  in capitals ("DONETSK, Ukraine, ..." in a dateline); never inside another
  word ("Kyivstar", "Sumyna"), but before a possessive ("Kyiv's") or a hyphen
  ("Kyiv-based"). A name followed by "River" is a river, not a place.
- A city counts for its region: "Mariupol" is a mention of UA-14.
- A name shared by several regions (Kyiv: the city, UA-30, and the oblast
  around it, UA-32) takes the *city* sense unless the text says region: a
  following "region", "oblast", "province" or "regional" ("Kyiv oblast"), or
  a preceding "region(s) of". A plural ("Kirovograd, Kyiv and Sumy regions",
  "the oblasts of Kyiv and Sumy") gives the region sense to every name of the
  list it closes or opens. "city" after the name, or "city of" before it, keeps
  the city sense whatever the list says.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

import attrs

from osce_thb import gazetteer
from osce_thb._body import group_mentions
from osce_thb._text import alternation
from osce_thb.model import Region

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from osce_thb._body import Body

__all__ = ["RegionMatch", "find_regions", "match_regions"]


class RegionMatch(NamedTuple):
    """A place name found in a text, resolved to its region.

    Attributes:
        code: The ISO 3166-2 code of the region ("UA-14").
        start: The offset of the name in the text.
        end: The offset just past the name.
        surface: The name as written ("Mariupol", "DONETSK").
    """

    code: str
    start: int
    end: int
    surface: str


@attrs.frozen
class _Sense:
    """What a name stands for: by default (`city`) and when the text says region."""

    city: str
    region: str


# --------------------------------------------------------------------------- the table


def _spellings(name: str) -> Iterable[str]:
    """A name as written in the data, in capitals, and with typographic apostrophes."""
    for form in (name, name.upper()):
        yield form
        if "'" in form:
            yield form.replace("'", "\u2019")


def _pick(candidates: list[tuple[gazetteer.RegionEntry, bool]], *, region: bool) -> str:
    """The code a shared name takes in the city or the region sense.

    City sense: a city-status region named so, else a region that has a city of
    that name, else the first. Region sense: a region that is not a city and is
    named so itself, else the city sense.
    """
    if region:
        for entry, own_name in candidates:
            if own_name and entry.type != "city":
                return entry.code
    for entry, own_name in candidates:
        if own_name and entry.type == "city":
            return entry.code
    for entry, own_name in candidates:
        if not own_name:
            return entry.code
    return candidates[0][0].code


@functools.cache
def _senses() -> Mapping[str, _Sense]:
    """Every spelling of every region and city, to what it stands for."""
    found: dict[str, list[tuple[gazetteer.RegionEntry, bool]]] = {}
    for entry in gazetteer.regions().values():
        for names, own in ((entry.names, True), (entry.cities, False)):
            for name in names:
                for form in _spellings(name):
                    candidates = found.setdefault(form, [])
                    if all(other.code != entry.code for other, _ in candidates):
                        candidates.append((entry, own))
                    elif own:  # a region's own name outranks the same word as its city
                        candidates[:] = [(e, o or e.code == entry.code) for e, o in candidates]
    return {
        form: _Sense(city=_pick(cands, region=False), region=_pick(cands, region=True))
        for form, cands in found.items()
    }


@functools.cache
def _names_re() -> re.Pattern[str]:
    """Any known spelling, as a whole word, longest first."""
    # The trie comes first, so that the engine scans for its first letters; the
    # word boundary before a name is checked by the caller.
    return re.compile(rf"(?:{alternation(sorted(_senses()))})(?!\w)")


# --------------------------------------------------------------------------- context

_RIVER = re.compile(r"[ \t]+[Rr]iver\b")
"""A name followed by "River" is the river."""

_REGION_AFTER = re.compile(
    r"""[ \t]+(?:
        (?P<plural>(?i:oblasts|regions|provinces))
      | (?i:oblast|region|province|regional)
    )\b""",
    re.VERBOSE,
)
"""A region word after a name: "Kyiv oblast", "Donetsk and Kyiv regions"."""

_REGION_BEFORE = re.compile(
    r"""(?:
        (?P<plural>(?i:oblasts|regions|provinces))
      | (?i:oblast|region|province)
    )[ \t]+of[ \t]+(?:the[ \t]+)?\Z""",
    re.VERBOSE,
)
"""A region word before a name: "the regions of Kyiv and Sumy"."""

_CITY_AFTER = re.compile(r"[ \t]+(?i:city)\b")
_CITY_BEFORE = re.compile(r"\b(?i:city)[ \t]+of[ \t]+(?:the[ \t]+)?\Z")

_SEPARATOR = re.compile(
    r"""[ \t]*(?:
        [,/;][ \t]*(?:(?:and|or|&)[ \t]+)?   # a comma, perhaps with a conjunction
      | [ \t](?:and|or|&|as[ \t]+well[ \t]+as)[ \t]+
    )(?:the[ \t]+)?""",
    re.VERBOSE,
)
"""What may stand between two names of one list."""

_LOOKBACK = 40
"""How far before a name `_REGION_BEFORE` and `_CITY_BEFORE` look."""


class _Raw(NamedTuple):
    start: int
    end: int
    surface: str
    sense: _Sense


def _raw_matches(text: str) -> list[_Raw]:
    senses = _senses()
    found: list[_Raw] = []
    for match in _names_re().finditer(text):
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        if _RIVER.match(text, end):
            continue
        surface = match.group()
        found.append(_Raw(start, end, surface, senses[surface]))
    return found


def _resolve(text: str, raw: list[_Raw]) -> list[RegionMatch]:
    """Give each name its city or region sense from its context and its list."""
    shared = [item.sense.city != item.sense.region for item in raw]
    region_sense = [False] * len(raw)
    city_sense = [False] * len(raw)
    if any(shared):
        for index, item in enumerate(raw):
            if shared[index]:
                before = _of_before(text, item.start)
                if _CITY_AFTER.match(text, item.end) or _CITY_BEFORE.search(before):
                    city_sense[index] = True
                elif _REGION_AFTER.match(text, item.end) or _REGION_BEFORE.search(before):
                    region_sense[index] = True
        for first, stop in _lists(text, raw):
            if any(shared[first:stop]) and _plural_cue(text, raw[first].start, raw[stop - 1].end):
                region_sense[first:stop] = [True] * (stop - first)
    return [
        RegionMatch(
            item.sense.region if region_sense[i] and not city_sense[i] else item.sense.city,
            item.start,
            item.end,
            item.surface,
        )
        for i, item in enumerate(raw)
    ]


def _lists(text: str, raw: list[_Raw]) -> list[tuple[int, int]]:
    """The runs of names that stand in one list, as (first, stop) index ranges."""
    runs: list[tuple[int, int]] = []
    first = 0
    for index in range(1, len(raw) + 1):
        if index == len(raw) or not _SEPARATOR.fullmatch(
            text, raw[index - 1].end, raw[index].start
        ):
            runs.append((first, index))
            first = index
    return runs


def _plural_cue(text: str, start: int, end: int) -> bool:
    """Whether a plural region word opens (before `start`) or closes (at `end`) a list."""
    after = _REGION_AFTER.match(text, end)
    if after and after.group("plural"):
        return True
    before = _REGION_BEFORE.search(_of_before(text, start))
    return bool(before and before.group("plural"))


def _of_before(text: str, start: int) -> str:
    """The text before `start` if it ends in "of" or "of the" (a cue may stand there), else ""."""
    before = text[max(0, start - _LOOKBACK) : start]
    return before if before.rstrip(" \t").endswith(("of", "the")) else ""


# --------------------------------------------------------------------------- the API


def match_regions(text: str) -> list[RegionMatch]:
    """Every region or city name in `text`, resolved to its region, in order."""
    raw = _raw_matches(text)
    return _resolve(text, raw) if raw else []


def find_regions(body: Body) -> tuple[Region, ...]:
    """The regions the body names, in order of first mention.

    Args:
        body: The document's body.

    Returns:
        One `Region` per code, named as in the gazetteer, with a `Mention` for
        every name found (the surface as written, the block and the offset).
    """
    return regions_from([match_regions(text) for text in body.texts])


def regions_from(matches: Sequence[Sequence[RegionMatch]]) -> tuple[Region, ...]:
    """`Region`s from the matches of each block (`matches[i]` for block i)."""
    mentions = group_mentions(
        (match.code, index, match.start, match.surface)
        for index, found in enumerate(matches)
        for match in found
    )
    return tuple(
        Region(code=code, name=gazetteer.region(code).name, mentions=tuple(found))
        for code, found in mentions.items()
    )
