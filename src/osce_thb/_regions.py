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
from bisect import bisect_left
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

from osce_thb import gazetteer
from osce_thb._body import Body, group_mentions
from osce_thb._text import alternation, lazy
from osce_thb.model import Region

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    from osce_thb.model import Mention

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
    """What a spelling in the trie stands for: places, a state, or a phrase that is neither.

    A spelling of places is made by `_places_form`, which works out once what every
    mention of the spelling shares (a text may name one place thousands of times).
    """

    units: tuple[_Unit, ...] = ()
    country: str | None = None  # the spelling names (or qualifies) a state
    blocked: bool = False
    shouted: bool = False  # only the capitals of a spelling ("NIS" of "Nis"), not one itself
    countries: tuple[str, ...] = ()  # the countries of `units`, each once, in order
    evidence: str | None = None  # the one country of `units`, none of them weak


def _places_form(units: tuple[_Unit, ...], *, shouted: bool) -> _Form:
    """The form of a spelling of `units`, with the countries they are in."""
    countries = tuple(dict.fromkeys(unit.country for unit in units))
    sure = len(countries) == 1 and not any(unit.weak for unit in units)
    return _Form(
        units=units,
        shouted=shouted,
        countries=countries,
        evidence=countries[0] if sure else None,
    )


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


def _built_table() -> dict[str, _Form]:
    """Every spelling of every place, state and non-place phrase, to what it stands for.

    Built from the gazetteer's data: what `_index_text` writes to the shipped index,
    and what the scan reads when that index is missing or older than the data.
    """
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
        form: _places_form(tuple(units), shouted=form not in spoken)
        for form, units in found.items()
    }
    for form, state in gazetteer.state_names().items():
        table[form] = _Form(country=state)  # a state is never a place
    for coverage in gazetteer.coverage().values():
        for phrase in coverage.not_places:
            table[phrase] = _Form(blocked=True)
    return table


_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-žȘȚΑ-ΩЀ-Я](?<!\w.)\w*")
"""A word that starts with a capital letter (a few lower-case letters of the Latin
Extended-A block slip in; the index lookup sorts them out). The capital comes
first, and the look-behind ("no letter before it") after it: a pattern that opens
with a set of characters lets `re` skip from one of them to the next in C."""

# --------------------------------------------------------------------------- the index

_INDEX_FILE = "places-index.txt"
_INDEX_FORMAT = "osce_thb places index 1"
_INDEX_NOTE = (
    "# Every spelling of the gazetteer's places, states and non-place phrases, by first word."
    "\n# Generated from data/regions/*.json and data/countries.json by"
    " `python scripts/places_index.py`: do not edit."
)
_Entry: TypeAlias = tuple[tuple[str, _Form], ...]
"""The spellings that start with one word, longest first, each with what it stands for."""


class _Index:
    """Every spelling of the table by its first word, read on demand from the index's text.

    The text (`_index_text`) holds the first words, one a line, their spellings,
    one line per word, and one line per place ("unit") a spelling may stand for.
    Loading splits it into lines and zips words and spellings into one dictionary,
    all in C; a line of spellings is read into `_Form`s the first time a text
    holds its word. Building the table from the
    data takes some 70 ms on the first parse; this, about one.

    Attributes:
        by_first: First word of a spelling → its spellings (`_Entry`), or the raw
            line that holds them until a text first holds the word.
        hint_words: For the spellings that start in lower case ("left bank of
            the Dniester"), a capitalised word each holds as a whole word: the
            scan of capitalised words sees whether a text holds one.
        hints: For the others, a word or their head: looked for as substrings.
            Neither a hint word nor a hint in a text: no need to look for those
            spellings.
    """

    def __init__(self, text: str) -> None:
        _, units, words, spellings, others = text.split("\n\n")
        self._units: list[str | _Unit] = list(units.split("\n"))
        self.by_first: dict[str, str | _Entry] = dict(
            zip(words.split("\n"), spellings.split("\n"), strict=True)
        )
        self._others = [line for line in others.split("\n") if line]
        hints = {_hint(line.rpartition("=")[0]) for line in self._others}
        self.hint_words = frozenset(hint for hint in hints if _CAPITALISED.fullmatch(hint))
        self.hints = tuple(sorted(hints - self.hint_words))

    def entry(self, word: str) -> _Entry | None:
        """The spellings that start with `word`, longest first; None if none does."""
        found = self.by_first.get(word)
        if found is None or isinstance(found, tuple):
            return found
        entry = self.by_first[word] = tuple(
            self._spelling(word + field) for field in found.split("\t")
        )
        return entry

    @functools.cached_property
    def other_forms(self) -> dict[str, _Form]:
        """The spellings that start in lower case, to what they stand for."""
        return dict(map(self._spelling, self._others))

    @functools.cached_property
    def other(self) -> re.Pattern[str]:
        """The spellings that start in lower case, as one regex (compiled on first need)."""
        return re.compile(rf"(?:{alternation(sorted(self.other_forms))})(?!\w)")

    def _spelling(self, field: str) -> tuple[str, _Form]:
        form, _, means = field.rpartition("=")
        if means == "!":
            return form, _Form(blocked=True)
        if means.startswith("@"):
            return form, _Form(country=means[1:])
        shouted = means.startswith("^")
        units = tuple(self._unit(int(number)) for number in means.lstrip("^").split(","))
        return form, _places_form(units, shouted=shouted)

    def _unit(self, number: int) -> _Unit:
        unit = self._units[number]
        if isinstance(unit, str):
            code, country, name, flags = unit.split("\t")
            unit = self._units[number] = _Unit(
                code or None, country, name, "c" in flags, "o" in flags, "w" in flags
            )
        return unit


def _hint(form: str) -> str:
    """The longest word of `form` but its first, else its head: what a text that holds it holds.

    Any word but the first stands as a whole word wherever the form does; the
    first may be glued to the letters before it, where the match is dropped.
    """
    words = [word.group() for word in _WORD.finditer(form) if word.start()]
    return max(words, key=len) if words else form[:12]


def _index_text() -> str:
    """The shipped index of `_built_table`, as text (see `_Index`).

    Sections, between blank lines: a header (the format, and the checksum of the
    data it was built from: `gazetteer._places_stamp`); the places, one a line
    (code, country, name, flags: c a city with its own code, o the place's own
    name, w weak), numbered from 0 in order; the first words of the spellings
    that start in capitals, one a line; for each of those words, on the line of
    the same number, its spellings, longest first, between tabs and without the
    word itself; the spellings that start in lower case, one a line. A spelling
    is written `form=what`: the places' numbers, after a "^" for one that is only
    the capitals of another; "@" and a state's code; "!" for a phrase that is no
    place.
    """
    table = _built_table()
    numbers: dict[_Unit, int] = {}
    for means in table.values():
        for unit in means.units:
            numbers.setdefault(unit, len(numbers))

    def spelling(form: str) -> str:
        if "\t" in form or "\n" in form:
            msg = f"a spelling with a tab or a line break: {form!r}"
            raise ValueError(msg)
        means = table[form]
        if means.blocked:
            return f"{form}=!"
        if means.country is not None:
            return f"{form}=@{means.country}"
        units = ",".join(str(numbers[unit]) for unit in means.units)
        return f"{form}={'^' if means.shouted else ''}{units}"

    grouped: dict[str, list[str]] = {}
    other: list[str] = []
    for form in table:
        if form[0].isupper():
            first = _WORD.match(form)
            if first is not None:
                grouped.setdefault(first.group(), []).append(form)
        else:
            other.append(form)
    words = list(grouped)
    spellings = [
        "\t".join(spelling(form)[len(first) :] for form in sorted(forms, key=len, reverse=True))
        for first, forms in grouped.items()
    ]
    others = [spelling(form) for form in sorted(other)]
    units = [
        "\t".join([unit.code or "", unit.country, unit.name, _flags(unit)]) for unit in numbers
    ]
    header = f"{_INDEX_FORMAT} {gazetteer._places_stamp()}\n{_INDEX_NOTE}"
    sections = [header, *("\n".join(lines) for lines in (units, words, spellings, others))]
    return "\n\n".join(sections) + "\n"


def _flags(unit: _Unit) -> str:
    return "".join(flag for flag, on in (("c", unit.city), ("o", unit.own), ("w", unit.weak)) if on)


@functools.cache
def _index() -> _Index:
    """The shipped index of every spelling; one built from the data if it is missing or stale."""
    try:
        text = gazetteer._data_text(_INDEX_FILE)
    except OSError:
        text = ""
    if "\r" in text:  # a checkout that wrote CRLF line ends
        text = text.replace("\r\n", "\n")
    if text.partition("\n")[0] != f"{_INDEX_FORMAT} {gazetteer._places_stamp()}":
        text = _index_text()
    return _Index(text.removesuffix("\n"))


def _spelled(text: str, index: _Index) -> tuple[list[tuple[int, int, _Form]], bool]:
    """The longest spelling at each capitalised word that starts one: (start, end, its form).

    And whether the text holds one of the index's hint words.
    """
    by_first = index.by_first
    hint_words = index.hint_words
    hinted = False
    size = len(text)
    found: list[tuple[int, int, _Form]] = []
    for word in _CAPITALISED.finditer(text):
        group = word.group()
        if group in hint_words:
            hinted = True
        forms = by_first.get(group)
        if forms is None:
            continue
        if isinstance(forms, str):
            forms = index.entry(group)
            assert forms is not None  # the word has a line
        start = word.start()
        for form, means in forms:
            end = start + len(form)
            if text.startswith(form, start) and (  # and the word ends there
                end == size or not (text[end].isalnum() or text[end] == "_")
            ):
                found.append((start, end, means))
                break
    return found, hinted


# --------------------------------------------------------------------------- context

# The patterns of rarer contexts (a name two places share, a weak name, a title or a
# lake before a name) are compiled when a text first needs them (`lazy`).

_KIND = r"""(?:oblasts?|regions?|provinces?|districts?|count(?:y|ies)|rayons?|raions?
    |voivodeships?|cantons?|velayats?|welayats?|viloyats?|marzes|marz|krai|kray|okrug
    |municipality|municipalities|governorates?|prefectures?|autonomous\ republic)"""
_PLURAL_KINDS = lazy(r".*(?:s|ies|marzes)\Z", re.DOTALL)

_REGION_AFTER = lazy(rf"[ \t]+(?i:(?P<kind>{_KIND})|regional)\b", re.VERBOSE)
"""A kind word after a name: "Osh oblast", "Donetsk and Kyiv regions"."""

_REGION_BEFORE = lazy(
    rf"(?i:(?P<kind>{_KIND}))[ \t]+of[ \t]+(?:the[ \t]+)?\Z",
    re.VERBOSE,
)
"""A kind word before a name: "the regions of Kyiv and Sumy"."""

_CITY_AFTER = lazy(r"[ \t]+(?i:city)\b")
_CITY_BEFORE = lazy(r"\b(?i:city)[ \t]+of[ \t]+(?:the[ \t]+)?\Z")

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

_LAKE_BEFORE = lazy(r"\b[Ll]ake[ \t]+\Z")

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

_TITLES = ("Mr", "Ms", "Mrs", "Miss", "Dr", "Prof", "Sir", "Madam")
_TITLE_BEFORE = lazy(rf"\b(?:{'|'.join(_TITLES)})\.?[ \t]+\Z")

_SLOT_BEFORE = lazy(
    r"""(?:\b(?:in|at|from|to|near|outside|around|across|throughout|via|of|between|into
        |towards?|visited|visiting|visit|reached|left|leaving)
      | \b(?i:towns?|city|cities|villages?|municipality|municipalities|settlements?|port)
        [ \t]+(?:of|in)
    )[ \t]+\Z""",
    re.VERBOSE,
)
"""Words after which a weak name stands where a place stands: "in Bar", "the town of Bar"."""

_SLOT_AFTER = lazy(
    rf"(?:[ \t]+(?i:{_KIND}|town|city|village|port|area)\b|-based\b|[\u2019']s\b)",
    re.VERBOSE,
)

_CAPITAL_BEFORE = lazy(r"\b(?P<word>[A-Z][\w\u2019'-]*)[ \t]+\Z")
_CAPITAL_AFTER = lazy(r"[ \t]+(?P<word>[A-Z][\w-]*)")
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
    found: list[_Find] = []
    index = _index()
    matches, hinted = _spelled(text, index)
    if hinted or any(hint in text for hint in index.hints):
        forms = index.other_forms
        more = [(*match.span(), forms[match.group()]) for match in index.other.finditer(text)]
        if more:  # rare: merge, the earlier (then longer) of two overlapping matches wins
            matches = sorted([*matches, *more], key=lambda span: (span[0], -span[1]))
    last_end = -1
    for start, end, form in matches:
        if start < last_end or (start and (text[start - 1].isalnum() or text[start - 1] == "_")):
            continue
        surface = text[start:end]
        if form.shouted and len(surface) <= 4 and not _DATELINE_AFTER.match(text, end):
            continue  # "NIS", "OSH": an acronym unless it heads a dateline
        found.append(_Find(start, end, surface, form))
        last_end = end
    return found


def _before(text: str, start: int) -> str:
    return text[max(0, start - _LOOKBACK) : start]


def _of_before(text: str, start: int) -> str:
    """The text before `start` if it ends in "of" or "of the" (a cue may stand there), else ""."""
    if not start or text[start - 1] not in " \t":
        return ""  # every cue before a name ends in a space
    before = _before(text, start)
    return before if before.rstrip(" \t").endswith(("of", "the")) else ""


# --------------------------------------------------------------------------- resolving


class _Reader:
    """Resolves the finds of one text: states named, places kept, senses and countries chosen."""

    def __init__(self, text: str, finds: list[_Find], block_starts: Sequence[int]) -> None:
        self.text = text
        self.block_starts = frozenset(block_starts)
        self.states = {find.start: find.form.country for find in finds if find.form.country}
        self._state_starts = sorted(self.states)
        self.places = [find for find in finds if find.form.units and self._may_be_place(find)]
        self.evidence = set(self.states.values())
        self.evidence.update(find.form.evidence for find in self.places if find.form.evidence)

    def _may_be_place(self, find: _Find) -> bool:
        text, start, end = self.text, find.start, find.end
        # The patterns after a name start with a space, those before it end with one.
        if text.startswith((" ", "\t"), end) and (
            _NOT_A_PLACE_AFTER.match(text, end) or _DOCUMENT_AFTER.match(text, end)
        ):
            return False
        if not start or text[start - 1] not in " \t":
            return True
        # The patterns before a name end in spaces after a word: test the word first.
        word = text[max(0, start - _LOOKBACK) : start].rstrip(" \t")
        if word.removesuffix(".").endswith(_TITLES) and _TITLE_BEFORE().search(
            _before(text, start)
        ):
            return False
        return not (
            word.endswith(("Lake", "lake"))
            and _LAKE_BEFORE().search(_before(text, start))
            and not find.surface.lower().startswith("lake")
        )

    # -- the country

    def _state_after(self, find: _Find) -> str | None:
        """The state named right after the place: "Bar, Montenegro", "Bar (Montenegro)"."""
        gap = _COUNTRY_AFTER.match(self.text, find.end)
        return self.states.get(gap.end()) if gap else None

    def _state_before(self, find: _Find) -> str | None:
        """The state whose name or adjective stands right before the place: "Afghan Badakhshan"."""
        starts = self._state_starts
        at = bisect_left(starts, find.start - _LOOKBACK)
        if at == len(starts) or starts[at] >= find.start:
            return None  # no state starts in the window before the place
        before = _before(self.text, find.start)
        capital = _CAPITAL_BEFORE().search(before)
        if capital is None:
            return None
        return self.states.get(find.start - len(before) + capital.start("word"))

    def country(self, find: _Find) -> str | None:
        """The country `find` is a place of, or None when the text does not say which."""
        countries = find.form.countries
        if self.states:
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
        capital = _CAPITAL_BEFORE().search(before)
        if (
            capital
            and capital.group("word") not in _FUNCTION_WORDS
            and not self._sentence_start(start - len(before) + capital.start("word"))
        ):
            return False  # "Alisher Navoi", "Hannah Montana"
        after = _CAPITAL_AFTER().match(text, end)
        if after and not _SLOT_AFTER().match(text, end):
            return False  # "Bar Association", "Mary Smith"
        return bool(
            listed_with_strong
            or _SLOT_BEFORE().search(before)
            or _SLOT_AFTER().match(text, end)
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
    after = _REGION_AFTER().match(text, end)
    if after and after.group("kind") and _PLURAL_KINDS().match(after.group("kind")):
        return True
    before = _REGION_BEFORE().search(_of_before(text, start))
    return bool(before and _PLURAL_KINDS().match(before.group("kind")))


def _resolve(text: str, block_starts: Sequence[int]) -> list[RegionMatch]:
    """Every place `text` names, resolved, in order."""
    finds = _finds(text)
    if not finds:
        return []
    reader = _Reader(text, finds, block_starts)
    places = reader.places
    # A text may name one place thousands of times: for a spelling of several places,
    # those of one country, whether they differ and the one picked are worked out once
    # per spelling and country, keyed by the `id`s of the tuples (which stay alive).
    several: dict[tuple[int, str | None], tuple[_Unit, ...]] = {}
    chosen: list[tuple[_Unit, ...]] = []
    for find in places:
        country = reader.country(find)
        spelled = find.form.units
        if len(spelled) == 1:  # most spellings stand for one place
            chosen.append(spelled if spelled[0].country == country else ())
            continue
        units = several.get((id(spelled), country))
        if units is None:
            units = several[id(spelled), country] = tuple(
                unit for unit in spelled if unit.country == country
            )
        chosen.append(units)
    differ = {
        id(units): len(units) > 1 and len({(u.code, u.name) for u in units}) > 1
        for units in several.values()
    }
    shared = [len(units) > 1 and differ[id(units)] for units in chosen]
    region_sense = [False] * len(places)
    city_sense = [False] * len(places)
    for index, find in enumerate(places):
        if shared[index]:
            before = _of_before(text, find.start)
            # The cues after a name start with a space; `before` is empty without one.
            if not (before or text.startswith((" ", "\t"), find.end)):
                continue
            if _CITY_AFTER().match(text, find.end) or _CITY_BEFORE().search(before):
                city_sense[index] = True
            elif _REGION_AFTER().match(text, find.end) or _REGION_BEFORE().search(before):
                region_sense[index] = True
    lists = _lists(text, places)
    for first, stop in lists:
        if any(shared[first:stop]) and _plural_cue(text, places[first].start, places[stop - 1].end):
            region_sense[first:stop] = [True] * (stop - first)
    strong_in_list = [False] * len(places)
    for first, stop in lists:
        if stop - first > 1:
            strong = [i for i in range(first, stop) if chosen[i] and not chosen[i][0].weak]
            # Every name of the list has a strong one beside it, but a strong name alone.
            if strong:
                strong_in_list[first:stop] = [True] * (stop - first)
            if len(strong) == 1:
                strong_in_list[strong[0]] = False
    picked: dict[tuple[int, bool], _Unit] = {}
    found: list[RegionMatch] = []
    for index, find in enumerate(places):
        units = chosen[index]
        if not units:
            continue
        if len(units) == 1:
            unit = units[0]
        else:
            region = region_sense[index] and not city_sense[index]
            key = (id(units), region)
            if key not in picked:
                picked[key] = _pick(units, region=region)
            unit = picked[key]
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
    locate = body.locate
    mentions = group_mentions(
        (_identity(match), *locate(match.start), match.surface)
        for match in _resolve(body.scan, body.starts)
    )
    return _regions_of(mentions)


def regions_from(matches: Sequence[Sequence[RegionMatch]]) -> tuple[Region, ...]:
    """`Region`s from the matches of each block (`matches[i]` for block i).

    One `Region` per code, or per country and name for a place with no code.
    """
    mentions = group_mentions(
        (_identity(match), index, match.start, match.surface)
        for index, found in enumerate(matches)
        for match in found
    )
    return _regions_of(mentions)


def _regions_of(mentions: Mapping[_Identity, list[Mention]]) -> tuple[Region, ...]:
    return tuple(
        Region(code=code, country=country, name=name, mentions=tuple(found))
        for (code, country, name), found in mentions.items()
    )


_Identity: TypeAlias = tuple[str | None, str, str]
"""A place's code, country and name."""


def _identity(match: RegionMatch) -> _Identity:
    """The code, country and name of a match's place (the gazetteer's, if the match lacks them)."""
    if match.code is not None and not (match.country and match.name):
        entry = gazetteer.region(match.code)
        return entry.code, entry.country, entry.name
    return match.code, match.country, match.name
