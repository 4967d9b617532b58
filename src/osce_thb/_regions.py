"""Finding places in body text: the first-level subdivisions of any country, and their towns.

The names come from the gazetteer's data files (``osce_thb/data/regions``, one
per country), so that another country needs data, not code. Every spelling of
every place, and the names and adjectives of the states, go into one table,
indexed by first word and built on first use: one scan of the body's
capitalised words finds them all, and the rules below read the words around
each find.

What a place is:

- A name matches as a whole word, case-sensitively as written in the data,
  without its diacritics ("Balti" for "Bălți"), with either Romanian comma or
  cedilla, with a space for a hyphen ("Herceg Novi"), or in capitals
  ("BISHKEK, 2 May" in a dateline; a name of four letters or fewer only before
  a comma, so that acronyms are not read as towns); never inside another word,
  but before a possessive ("Kyiv's") or a hyphen ("Kyiv-based").
- A town counts for the first-level unit that contains it: "Mariupol" is a
  mention of UA-14, "Khujand" of TJ-SU. A place inside an office's name counts
  ("the OSCE Centre in Ashgabat"), and so does the dateline's.
- A name shared by a city with its own code and the region around it (Kyiv,
  Osh, Tashkent, Minsk) takes the *city* sense unless the text says region: a
  following kind word ("Osh oblast", "Tashkent region", "Sughd province"), or
  a preceding "region(s) of". A plural ("Osh, Jalal-Abad and Batken
  provinces", "the oblasts of Kyiv and Sumy") gives the region sense to every
  name of the list it closes or opens. "city" after the name, or "city of"
  before it, keeps the city sense whatever the list says.
- A name two countries share (Călărași) is the place of the country the text
  names; when the text names neither, or both, it is left out.

What is not a place:

- A country as a whole, and direction phrases ("eastern Ukraine", "the south
  of Kyrgyzstan"): the names of states are in the same trie, so that they are
  read as states, never as places ("Georgia" is never the US state).
- Rivers, seas and valleys: a name before "River", "Sea", "Valley" or "Basin",
  or after "Lake" (unless the data has the lake, as Lake Issyk-Kul).
- Names of documents and groups: a name before "Protocol", "Convention",
  "Declaration", "Agreement", "Process", "Group" and the like, with at most two
  capitalised words between ("the Palermo Protocol", "the Astana Commemorative
  Declaration", "the Minsk Group").
- A name right after a title ("Mr", "Ms", "Dr") is a person.
- A place of one country right after another country's name or adjective
  ("Afghan Badakhshan"), or before ", <another country>", is not this place.
- Weak names, which are also English words or first names ("Bar", "Mary",
  "Nice"): only where a careful reader would take them for a place. The text
  must name the place's country (or one of its other places), and put the
  name where a place stands: after "in", "from", "to", "near", "of" and the
  like, before or after a kind word ("Bar municipality", "the town of Bar"),
  in a list with another place of the country, before ", <its country>", or
  at the head of the dateline. A capitalised word right before or after it
  makes it part of another name ("Bar Association").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from osce_thb import gazetteer
from osce_thb._body import Body, group_mentions
from osce_thb._text import alternation
from osce_thb.model import Region

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

__all__ = ["RegionMatch", "find_regions", "match_regions", "regions_from"]


class RegionMatch(NamedTuple):
    """A place name found in a text, resolved to its place.

    Attributes:
        code: The ISO 3166-2 code of the first-level unit ("UA-14"); ``None`` for a
            place that has no code (a municipality of Kosovo, the City of Skopje).
        start: The offset of the name in the text.
        end: The offset just past the name.
        surface: The name as written ("Mariupol", "DONETSK").
        country: The place's country ("UA", "XK").
        name: The place's English name ("Donetsk Oblast", "Pristina").
    """

    code: str | None
    start: int
    end: int
    surface: str
    country: str = ""
    name: str = ""


class _Unit(NamedTuple):
    """One place a spelling may stand for."""

    code: str | None
    country: str
    name: str
    city: bool  # the place is a city with its own code (Kyiv, Osh, Tashkent)
    own: bool  # the spelling is the place's own name, not one of its towns
    weak: bool  # the spelling is also an English word or a first name


class _Form(NamedTuple):
    """What a spelling in the trie stands for: places, a state, or a phrase that is neither."""

    units: tuple[_Unit, ...] = ()
    country: str | None = None  # the spelling names (or qualifies) a state
    blocked: bool = False
    shouted: bool = False  # only the capitals of a spelling ("NIS" of "Nis"), not one itself


# --------------------------------------------------------------------------- the table


def _add(found: dict[str, list[_Unit]], form: str, unit: _Unit) -> None:
    units = found.setdefault(form, [])
    for index, other in enumerate(units):
        if (other.code, other.country, other.name) == (unit.code, unit.country, unit.name):
            if unit.own and not other.own:  # a place's own name outranks its town's
                units[index] = unit
            return
    units.append(unit)


def _places() -> Iterator[tuple[str | None, str, str, str, Iterable[str], Iterable[str], set[str]]]:
    for entry in gazetteer.regions().values():
        yield (
            entry.code,
            entry.country,
            entry.name,
            entry.type,
            entry.names,
            entry.cities,
            set(entry.weak),
        )
    for place in gazetteer.places():
        yield (
            None,
            place.country,
            place.name,
            place.type,
            place.names,
            place.cities,
            set(place.weak),
        )


@functools.cache
def _table() -> Mapping[str, _Form]:
    """Every spelling of every place, state and non-place phrase, to what it stands for."""
    found: dict[str, list[_Unit]] = {}
    spoken: set[str] = set()
    for code, country, name, kind, names, cities, weak in _places():
        for spelled, own in ((names, True), (cities, False)):
            for written in spelled:
                unit = _Unit(code, country, name, kind == "city", own, written in weak)
                forms = list(gazetteer.spellings(written))
                spoken.update(form for form in forms if form == written or not form.isupper())
                for form in forms:
                    _add(found, form, unit)
    table = {
        form: _Form(units=tuple(units), shouted=form not in spoken) for form, units in found.items()
    }
    for form, state in gazetteer.state_names().items():
        table[form] = _Form(country=state)  # a state is never a place
    for coverage in gazetteer.coverage().values():
        for phrase in coverage.not_places:
            table[phrase] = _Form(blocked=True)
    return table


_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-ÞĀ-žȘȚΑ-ΩЀ-Я]\w*")
"""A word that starts with a capital letter (a few lower-case letters of the Latin
Extended-A block slip in; the index lookup sorts them out)."""


class _Index(NamedTuple):
    by_first: Mapping[str, tuple[str, ...]]  # first word of a spelling → spellings, longest first
    other: re.Pattern[str]  # the few spellings that start in lower case ("left bank of ...")
    hints: tuple[str, ...]  # the heads of the others: no head in a text, no need to scan


@functools.cache
def _index() -> _Index:
    """Every spelling of the table by its first word; the few lower-case ones as a regex.

    A dictionary of first words is built in milliseconds, where one regular
    expression of every spelling took a large part of a second to compile on
    the first parse; the scan reads the capitalised words of a text with one
    small regex and looks each up.
    """
    grouped: dict[str, list[str]] = {}
    other: list[str] = []
    for form in _table():
        if form[0].isupper():
            first = _WORD.match(form)
            if first is not None:
                grouped.setdefault(first.group(), []).append(form)
        else:
            other.append(form)
    by_first = {
        first: tuple(sorted(forms, key=len, reverse=True)) for first, forms in grouped.items()
    }
    return _Index(
        by_first,
        re.compile(rf"(?:{alternation(sorted(other))})(?!\w)"),
        tuple(sorted({form[:12] for form in other})),
    )


def _ends_word(text: str, end: int) -> bool:
    return end == len(text) or not (text[end].isalnum() or text[end] == "_")


def _spelled(text: str, index: _Index) -> list[tuple[int, int]]:
    """(start, end) of the longest spelling at each capitalised word that starts one."""
    by_first = index.by_first
    found: list[tuple[int, int]] = []
    for word in _CAPITALISED.finditer(text):
        forms = by_first.get(word.group())
        if forms is None:
            continue
        start = word.start()
        for form in forms:
            end = start + len(form)
            if text.startswith(form, start) and _ends_word(text, end):
                found.append((start, end))
                break
    return found


# --------------------------------------------------------------------------- context

_KIND = r"""(?:oblasts?|regions?|provinces?|districts?|count(?:y|ies)|rayons?|raions?
    |voivodeships?|cantons?|velayats?|welayats?|viloyats?|marzes|marz|krai|kray|okrug
    |municipality|municipalities|governorates?|prefectures?|autonomous\ republic)"""
_PLURAL_KINDS = re.compile(r".*(?:s|ies|marzes)\Z", re.DOTALL)

_REGION_AFTER = re.compile(rf"[ \t]+(?i:(?P<kind>{_KIND})|regional)\b", re.VERBOSE)
"""A kind word after a name: "Osh oblast", "Donetsk and Kyiv regions"."""

_REGION_BEFORE = re.compile(
    rf"(?i:(?P<kind>{_KIND}))[ \t]+of[ \t]+(?:the[ \t]+)?\Z",
    re.VERBOSE,
)
"""A kind word before a name: "the regions of Kyiv and Sumy"."""

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
"""How far before a name `_REGION_BEFORE`, `_CITY_BEFORE` and `_SLOT_BEFORE` look."""

_NOT_A_PLACE_AFTER = re.compile(r"[ \t]+(?:[Rr]iver|[Ss]ea|[Vv]alley|[Bb]asin)\b")
"""A river, a sea, a valley across borders: "Dniester River", "Ferghana Valley"."""

_LAKE_BEFORE = re.compile(r"\b[Ll]ake[ \t]+\Z")

_DOCUMENT_AFTER = re.compile(
    r"""(?:[ \t]+[A-Z][\w\u2019'-]*){0,2}[ \t]+(?:
        [Pp]rotocols?|[Cc]onventions?|[Dd]eclarations?|[Aa]greements?|[Aa]ccords?
      | [Pp]rocess|Final[ \t]Act|Document|Charter|Statute|[Tt]reaty|Principles|Group
      | [Ff]ormat|Action[ \t]Plan|Plan[ \t]of[ \t]Action|Recommendations|Consensus
      | Commitments?|Memorandum|Guidelines
    )\b""",
    re.VERBOSE,
)
"""A document, agreement or group named after a place: "the Palermo Protocol"."""

_TITLE_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Sir|Madam)\.?[ \t]+\Z")

_SLOT_BEFORE = re.compile(
    r"""(?:\b(?:in|at|from|to|near|outside|around|across|throughout|via|of|between|into
        |towards?|visited|visiting|visit|reached|left|leaving)
      | \b(?i:towns?|city|cities|villages?|municipality|municipalities|settlements?|port)
        [ \t]+(?:of|in)
    )[ \t]+\Z""",
    re.VERBOSE,
)
"""Words after which a weak name stands where a place stands: "in Bar", "the town of Bar"."""

_SLOT_AFTER = re.compile(
    rf"(?:[ \t]+(?i:{_KIND}|town|city|village|port|area)\b|-based\b|[\u2019']s\b)",
    re.VERBOSE,
)

_CAPITAL_BEFORE = re.compile(r"\b(?P<word>[A-Z][\w\u2019'-]*)[ \t]+\Z")
_CAPITAL_AFTER = re.compile(r"[ \t]+(?P<word>[A-Z][\w-]*)")
_FUNCTION_WORDS = frozenset(
    {"In", "At", "From", "To", "Near", "Of", "The", "And", "Or", "Outside", "Around"}
    | {"Across", "Throughout", "Via", "Between", "Into", "Toward", "Towards"}
)

_COUNTRY_AFTER = re.compile(r"(?:,|[ \t]*\()[ \t]*(?:the[ \t]+)?")
"""What stands between a place and its country: "Bar, Montenegro", "Bar (Montenegro)"."""


_DATELINE_AFTER = re.compile(r"[ \t]*[,)\-\u2013\u2014:]")
"""What follows a place in capitals at the head of a dateline: "OSH, 3 May", "(OSCE KYIV) -"."""


class _Find(NamedTuple):
    start: int
    end: int
    surface: str
    form: _Form


def _finds(text: str) -> list[_Find]:
    """Every spelling of the table in `text` that stands as a word, in order, none overlapping."""
    table = _table()
    found: list[_Find] = []
    index = _index()
    matches = _spelled(text, index)
    if any(hint in text for hint in index.hints):
        more = [match.span() for match in index.other.finditer(text)]
        if more:  # rare: merge, the earlier (then longer) of two overlapping matches wins
            matches = sorted([*matches, *more], key=lambda span: (span[0], -span[1]))
    last_end = -1
    for start, end in matches:
        if start < last_end or (start and (text[start - 1].isalnum() or text[start - 1] == "_")):
            continue
        surface = text[start:end]
        form = table[surface]
        if form.shouted and len(surface) <= 4 and not _DATELINE_AFTER.match(text, end):
            continue  # "NIS", "OSH": an acronym unless it heads a dateline
        found.append(_Find(start, end, surface, form))
        last_end = end
    return found


def _before(text: str, start: int) -> str:
    return text[max(0, start - _LOOKBACK) : start]


def _of_before(text: str, start: int) -> str:
    """The text before `start` if it ends in "of" or "of the" (a cue may stand there), else ""."""
    before = _before(text, start)
    return before if before.rstrip(" \t").endswith(("of", "the")) else ""


# --------------------------------------------------------------------------- resolving


class _Reader:
    """Resolves the finds of one text: states named, places kept, senses and countries chosen."""

    def __init__(self, text: str, finds: list[_Find], block_starts: Sequence[int]) -> None:
        self.text = text
        self.block_starts = frozenset(block_starts)
        self.states = {find.start: find.form.country for find in finds if find.form.country}
        self.places = [find for find in finds if find.form.units and self._may_be_place(find)]
        self.evidence = set(self.states.values()) | {
            units[0].country
            for units in (find.form.units for find in self.places)
            if len({unit.country for unit in units}) == 1 and not any(u.weak for u in units)
        }

    def _may_be_place(self, find: _Find) -> bool:
        text, start, end = self.text, find.start, find.end
        if _NOT_A_PLACE_AFTER.match(text, end) or _DOCUMENT_AFTER.match(text, end):
            return False
        before = _before(text, start)
        if _TITLE_BEFORE.search(before):
            return False
        return not (_LAKE_BEFORE.search(before) and not find.surface.lower().startswith("lake"))

    # -- the country

    def _state_after(self, find: _Find) -> str | None:
        """The state named right after the place: "Bar, Montenegro", "Bar (Montenegro)"."""
        gap = _COUNTRY_AFTER.match(self.text, find.end)
        return self.states.get(gap.end()) if gap else None

    def _state_before(self, find: _Find) -> str | None:
        """The state whose name or adjective stands right before the place: "Afghan Badakhshan"."""
        before = _before(self.text, find.start)
        capital = _CAPITAL_BEFORE.search(before)
        if capital is None:
            return None
        return self.states.get(find.start - len(before) + capital.start("word"))

    def country(self, find: _Find) -> str | None:
        """The country `find` is a place of, or None when the text does not say which."""
        countries = list(dict.fromkeys(unit.country for unit in find.form.units))
        named = self._state_after(find) or self._state_before(find)
        if named is not None:
            return named if named in countries else None
        if len(countries) == 1:
            return countries[0]
        evidenced = [country for country in countries if country in self.evidence]
        return evidenced[0] if len(evidenced) == 1 else None

    # -- weak names

    def weak_is_place(self, find: _Find, country: str, listed_with_strong: bool) -> bool:
        text, start, end = self.text, find.start, find.end
        if self._state_after(find) == country:
            return True
        if country not in self.evidence:
            return False
        before = _before(text, start)
        capital = _CAPITAL_BEFORE.search(before)
        if (
            capital
            and capital.group("word") not in _FUNCTION_WORDS
            and not self._sentence_start(start - len(before) + capital.start("word"))
        ):
            return False  # "Alisher Navoi", "Hannah Montana"
        after = _CAPITAL_AFTER.match(text, end)
        if after and not _SLOT_AFTER.match(text, end):
            return False  # "Bar Association", "Mary Smith"
        return bool(
            listed_with_strong
            or _SLOT_BEFORE.search(before)
            or _SLOT_AFTER.match(text, end)
            or (start in self.block_starts and text.startswith(",", end))
        )

    def _sentence_start(self, at: int) -> bool:
        head = self.text[max(0, at - 3) : at].rstrip(" \t")
        return at in self.block_starts or not head or head[-1] in '.!?\xb6"“'


def _pick(units: Sequence[_Unit], *, region: bool) -> _Unit:
    """The place a spelling shared within one country stands for, in the city or region sense.

    City sense: a city with its own code named so, else a place that has a town
    of that name, else the first. Region sense: a place that is not a city and is
    named so itself, else the city sense.
    """
    if region:
        for unit in units:
            if unit.own and not unit.city:
                return unit
    for unit in units:
        if unit.own and unit.city:
            return unit
    for unit in units:
        if not unit.own:
            return unit
    return units[0]


def _lists(text: str, finds: Sequence[_Find]) -> list[tuple[int, int]]:
    """The runs of names that stand in one list, as (first, stop) index ranges."""
    runs: list[tuple[int, int]] = []
    first = 0
    for index in range(1, len(finds) + 1):
        if index == len(finds) or not _SEPARATOR.fullmatch(
            text, finds[index - 1].end, finds[index].start
        ):
            runs.append((first, index))
            first = index
    return runs


def _plural_cue(text: str, start: int, end: int) -> bool:
    """Whether a plural kind word opens (before `start`) or closes (at `end`) a list."""
    after = _REGION_AFTER.match(text, end)
    if after and after.group("kind") and _PLURAL_KINDS.match(after.group("kind")):
        return True
    before = _REGION_BEFORE.search(_of_before(text, start))
    return bool(before and _PLURAL_KINDS.match(before.group("kind")))


def _resolve(text: str, block_starts: Sequence[int]) -> list[RegionMatch]:
    """Every place `text` names, resolved, in order."""
    finds = _finds(text)
    if not finds:
        return []
    reader = _Reader(text, finds, block_starts)
    places = reader.places
    chosen: list[list[_Unit]] = []
    for find in places:
        country = reader.country(find)
        chosen.append([unit for unit in find.form.units if unit.country == country])
    shared = [len({(u.code, u.name) for u in units}) > 1 for units in chosen]
    region_sense = [False] * len(places)
    city_sense = [False] * len(places)
    for index, find in enumerate(places):
        if shared[index]:
            before = _of_before(text, find.start)
            if _CITY_AFTER.match(text, find.end) or _CITY_BEFORE.search(before):
                city_sense[index] = True
            elif _REGION_AFTER.match(text, find.end) or _REGION_BEFORE.search(before):
                region_sense[index] = True
    lists = _lists(text, places)
    for first, stop in lists:
        if any(shared[first:stop]) and _plural_cue(text, places[first].start, places[stop - 1].end):
            region_sense[first:stop] = [True] * (stop - first)
    strong_in_list = [False] * len(places)
    for first, stop in lists:
        if stop - first > 1:
            strong = [i for i in range(first, stop) if chosen[i] and not chosen[i][0].weak]
            for index in range(first, stop):
                strong_in_list[index] = any(other != index for other in strong)
    found: list[RegionMatch] = []
    for index, find in enumerate(places):
        units = chosen[index]
        if not units:
            continue
        unit = _pick(units, region=region_sense[index] and not city_sense[index])
        if unit.weak and not reader.weak_is_place(find, unit.country, strong_in_list[index]):
            continue
        found.append(
            RegionMatch(unit.code, find.start, find.end, find.surface, unit.country, unit.name)
        )
    return found


# --------------------------------------------------------------------------- the API


def match_regions(text: str) -> list[RegionMatch]:
    """Every place name in `text`, resolved to its place, in order.

    `text` is read as a body of one block: the states it names decide between
    places of several countries, and make weak names places.
    """
    return _resolve(text, (0,))


def find_regions(body: Body) -> tuple[Region, ...]:
    """The places the body names, in order of first mention.

    One scan of the whole body: a state named in one block decides for a place
    named in another.

    Args:
        body: The document's body.

    Returns:
        One `Region` per place (per code, or per country and name for a place with
        no code), named as in the gazetteer, with a `Mention` for every name found
        (the surface as written, the block and the offset).
    """
    if not body.texts:
        return ()
    matches = _resolve(body.scan, body.starts)
    per_block: list[list[RegionMatch]] = [[] for _ in body.texts]
    for match in matches:
        block, offset = body.locate(match.start)
        per_block[block].append(match._replace(start=offset, end=offset + len(match.surface)))
    return regions_from(per_block)


def regions_from(matches: Sequence[Sequence[RegionMatch]]) -> tuple[Region, ...]:
    """`Region`s from the matches of each block (`matches[i]` for block i).

    One `Region` per code, or per country and name for a place with no code.
    """
    mentions = group_mentions(
        (_identity(match), index, match.start, match.surface)
        for index, found in enumerate(matches)
        for match in found
    )
    return tuple(
        Region(code=code, country=country, name=name, mentions=tuple(found))
        for (code, country, name), found in mentions.items()
    )


def _identity(match: RegionMatch) -> tuple[str | None, str, str]:
    """The code, country and name of a match's place (the gazetteer's, if the match lacks them)."""
    if match.code is not None and not (match.country and match.name):
        entry = gazetteer.region(match.code)
        return entry.code, entry.country, entry.name
    return match.code, match.country, match.name
