"""The library's own place and country data: regions (ISO 3166-2) and states (ISO 3166-1).

The data lives in JSON files shipped with the package (``osce_thb/data``), one
file per country for places (``data/regions/XX.json``), so that adding another
country's places is a matter of data, not code. Files are read once, on first
use, so that ``import osce_thb`` stays cheap.

A country's file holds its first-level subdivisions of ISO 3166-2 (`RegionEntry`),
each with the towns it contains today, and the places that have no code of
their own (`PlaceEntry`: Kosovo's municipalities, the City of Skopje).
"""

from __future__ import annotations

import functools
import os
import unicodedata
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = [
    "CountryEntry",
    "Coverage",
    "OrganisationEntry",
    "PlaceEntry",
    "RegionEntry",
    "countries",
    "country",
    "country_by_adjective",
    "country_by_name",
    "coverage",
    "institutions",
    "is_country_code",
    "is_place_country",
    "is_region_code",
    "organisations",
    "places",
    "region",
    "regions",
    "spellings",
    "state_names",
]


@attrs.frozen(kw_only=True)
class RegionEntry:
    """A first-level subdivision as the gazetteer knows it.

    Attributes:
        code: ISO 3166-2 code ("UA-14").
        name: English name ("Donetsk Oblast").
        country: ISO 3166-1 alpha-2 code of the country it belongs to ("UA").
        type: What kind of subdivision it is ("oblast", "city", "republic").
        names: Names of the region itself, in every spelling the press uses,
            adjective forms included ("Donetsk", "Donetska").
        cities: Cities and towns in the region; a mention of one counts for the region.
        weak: Those of `names` and `cities` that are also common English words or
            first names ("Bar", "Mary"): they count only where the text makes them
            a place.
    """

    code: str
    name: str
    country: str
    type: str
    names: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class PlaceEntry:
    """A place that has no ISO 3166-2 code of its own, kept by its country and name.

    Kosovo's municipalities have no codes; the City of Skopje spans ten
    municipalities of North Macedonia, each with its own code. Such a place is
    never forced into a code that would be wrong.

    Attributes:
        name: English name ("Pristina").
        country: The country it belongs to ("XK" for Kosovo, "MK").
        type: What kind of place it is ("municipality", "city").
        names: Its names, in every spelling the press uses.
        cities: Towns and villages in it.
        weak: Those of `names` and `cities` that need the text to make them a place.
    """

    name: str
    country: str
    type: str
    names: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Coverage:
    """What the gazetteer holds for one country: the level of its data file.

    Attributes:
        country: The country's code: ISO 3166-1 alpha-2, or "XK" for Kosovo.
        level: The first-level units of ISO 3166-2 the country has, in words
            ("24 oblasts, the cities of Kyiv and Sevastopol, ...").
        name: The country's name when it is not one of the states
            (`countries`): "Kosovo"; ``None`` otherwise.
        adjectives: Adjectives of such a country ("Kosovar").
        not_places: Phrases that contain one of the country's place names but
            are no place ("New England" holds "England").
    """

    country: str
    level: str
    name: str | None = None
    adjectives: tuple[str, ...] = ()
    not_places: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class CountryEntry:
    """A state as the gazetteer knows it.

    Attributes:
        code: ISO 3166-1 alpha-2 code ("DK").
        name: Short English name ("Denmark").
        names: Other names and forms ("Kingdom of Denmark").
        adjectives: Adjectives and demonyms ("Danish").
        status: "participating" (an OSCE participating State), "partner"
            (a Partner for Co-operation) or "other".
    """

    code: str
    name: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    status: str = "other"


def _json_loads(text: str) -> Any:
    import json  # only when data is read: keeps `import osce_thb` cheap

    return json.loads(text)


_DATA = os.path.join(os.path.dirname(__file__), "data")  # noqa: PTH118, PTH120
"""The data folder, where the package is installed as files (it nearly always is)."""


def _data_text(*parts: str) -> str:
    """The text of a data file: from the folder, else (a zipped package) through its loader.

    `importlib.resources` takes milliseconds to import and to read a file; plain
    file access is read first, on the first parse.
    """
    try:
        with open(os.path.join(_DATA, *parts), "rb") as handle:  # noqa: PTH118, PTH123
            return handle.read().decode()  # bytes, then decode: faster than a text file
    except OSError:
        from importlib import resources

        return resources.files("osce_thb").joinpath("data", *parts).read_text(encoding="utf-8")


def _data_files(folder: str) -> list[str]:
    """The texts of the JSON files in a data folder, in the order of their names."""
    try:
        names = os.listdir(os.path.join(_DATA, folder))  # noqa: PTH118, PTH208
    except OSError:
        from importlib import resources

        root = resources.files("osce_thb").joinpath("data", folder)
        names = [entry.name for entry in root.iterdir()]
    return [_data_text(folder, name) for name in sorted(names) if name.endswith(".json")]


@functools.cache
def _place_texts() -> tuple[str, ...]:
    """The text of every country's place file, in file-name (country-code) order."""
    return tuple(_data_files("regions"))


@functools.cache
def _place_files() -> tuple[Any, ...]:
    """The parsed data file of every country with places, in country-code order."""
    return tuple(sorted((_json_loads(text) for text in _place_texts()), key=lambda d: d["country"]))


def _places_stamp() -> str:
    """A checksum of the data that place names are read from: the places and the states.

    An index built from the data records it, so that an index older than the data
    is never used.
    """
    import zlib

    checksum = 0
    for text in (_data_text("countries.json"), *_place_texts()):
        # Line ends as written: a checkout that turns them into CRLF holds the same data.
        plain = text.replace("\r\n", "\n") if "\r" in text else text
        checksum = zlib.crc32(plain.encode(), checksum)
    return f"{checksum:08x}"


@functools.cache
def regions() -> Mapping[str, RegionEntry]:
    """Every region the library knows, by ISO 3166-2 code, in code order."""
    found: dict[str, RegionEntry] = {}
    for data in _place_files():
        found.update(_region_entries(data))
    return dict(sorted(found.items()))


def _region_entries(data: Any) -> dict[str, RegionEntry]:
    """The regions of one country's parsed data file, by code."""
    return {
        item["code"]: RegionEntry(
            code=item["code"],
            name=item["name"],
            country=data["country"],
            type=item["type"],
            names=tuple(item.get("names", ())),
            cities=tuple(item.get("cities", ())),
            weak=tuple(item.get("weak", ())),
        )
        for item in data["regions"]
    }


@functools.cache
def _country_regions(country: str) -> Mapping[str, RegionEntry]:
    """The regions in the data file of `country` (a code of two capitals), by code; {} if none."""
    try:
        text = _data_text("regions", f"{country}.json")
    except OSError:
        return {}
    return _region_entries(_json_loads(text))


def _known_region(code: str) -> RegionEntry | None:
    """The region with ISO 3166-2 `code`, or None.

    Read from the file of the code's country first: a model's check of a code
    then reads one small file, not every country's (a region's code starts with
    its country's, and each country's file holds its own regions: a test checks
    it); from all of them when that file does not hold the code.
    """
    entry = _regions_seen.get(code)
    if entry is not None:
        return entry
    country = code.partition("-")[0]
    if len(country) == 2 and country.isascii() and country.isalpha() and country.isupper():
        entry = _country_regions(country).get(code)
    if entry is None:
        entry = regions().get(code)
    if entry is not None:
        _regions_seen[code] = entry
    return entry


_regions_seen: dict[str, RegionEntry] = {}
"""The regions `_known_region` has found, by code: a model checks the same codes again and again."""


@functools.cache
def places() -> tuple[PlaceEntry, ...]:
    """Every place the library knows that has no ISO 3166-2 code, by country, then name."""
    return tuple(
        PlaceEntry(
            name=item["name"],
            country=data["country"],
            type=item["type"],
            names=tuple(item.get("names", ())),
            cities=tuple(item.get("cities", ())),
            weak=tuple(item.get("weak", ())),
        )
        for data in _place_files()
        for item in sorted(data.get("places", ()), key=lambda item: item["name"])
    )


@functools.cache
def coverage() -> Mapping[str, Coverage]:
    """Every country whose places the library knows, by code, in code order."""
    return {
        data["country"]: Coverage(
            country=data["country"],
            level=data["level"],
            name=data.get("name"),
            adjectives=tuple(data.get("adjectives", ())),
            not_places=tuple(data.get("not", ())),
        )
        for data in _place_files()
    }


@functools.cache
def countries() -> Mapping[str, CountryEntry]:
    """Every state the library knows, by ISO 3166-1 alpha-2 code, in code order."""
    data = _json_loads(_data_text("countries.json"))
    found = {
        item["code"]: CountryEntry(
            code=item["code"],
            name=item["name"],
            names=tuple(item.get("names", ())),
            adjectives=tuple(item.get("adjectives", ())),
            status=item.get("status", "other"),
        )
        for item in data["countries"]
    }
    return dict(sorted(found.items()))


def is_region_code(code: str) -> bool:
    """Whether `code` is an ISO 3166-2 code the gazetteer knows."""
    return _known_region(code) is not None


def is_country_code(code: str) -> bool:
    """Whether `code` is an ISO 3166-1 alpha-2 code the gazetteer knows."""
    return code in countries()


_FOLD = str.maketrans(
    {"ı": "i", "ə": "a", "Ə": "A", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"}
    | {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "ŋ": "n", "ħ": "h"}
)
_CEDILLA = str.maketrans({"ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ"})
_COMMA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})


def _folded(name: str) -> str:
    """`name` without diacritics: "Bălți" → "Balti", "Gəncə" → "Ganca"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def spellings(name: str) -> Iterator[str]:
    """Every form of a name the text may use, as the trie holds them.

    The name as written, without diacritics, with the other Romanian s and t
    (comma or cedilla), with spaces for hyphens; each also with a typographic
    apostrophe, and in capitals.
    """
    forms = dict.fromkeys([name, _folded(name), name.translate(_CEDILLA), name.translate(_COMMA)])
    for form in list(forms):
        if "-" in form:
            forms[form.replace("-", " ")] = None
    for form in list(forms):
        if "'" in form:
            forms[form.replace("'", "\u2019")] = None
    for form in list(forms):
        forms[form.upper()] = None
    yield from forms


@functools.cache
def state_names() -> Mapping[str, str]:
    """Every name and adjective of every state (and of Kosovo), to its code.

    Each as written and in capitals; names of two letters only in capitals ("US").
    """
    found: dict[str, str] = {}
    entries = [(e.code, (e.name, *e.names, *e.adjectives)) for e in countries().values()]
    entries += [
        (c.country, (c.name, *c.adjectives)) for c in coverage().values() if c.name is not None
    ]
    for code, names in entries:
        for name in names:
            if len(name) > 2 or name.isupper():  # "US", "UK"; not "of" and the like
                for form in (name, name.upper()):
                    found.setdefault(form, code)
    return found


def is_place_country(code: str) -> bool:
    """Whether a place may belong to `code`: a state the gazetteer knows, or a covered country.

    Kosovo ("XK") is no state of `countries`, but its places are known.
    """
    return code in countries() or code in coverage()


def region(code: str) -> RegionEntry:
    """The region with ISO 3166-2 `code`; `KeyError` if unknown."""
    entry = _known_region(code)
    if entry is None:
        raise KeyError(code)
    return entry


def country(code: str) -> CountryEntry:
    """The state with ISO 3166-1 alpha-2 `code`; `KeyError` if unknown."""
    return countries()[code]


@functools.cache
def _country_names() -> Mapping[str, str]:
    """Every name and other form of every state (its code included), to its code."""
    found: dict[str, str] = {}
    for entry in countries().values():
        for name in (entry.name, *entry.names):
            found.setdefault(name, entry.code)
    return found


@functools.cache
def _country_adjectives() -> Mapping[str, str]:
    """Every adjective and demonym of every state, to its code."""
    found: dict[str, str] = {}
    for entry in countries().values():
        for adjective in entry.adjectives:
            found.setdefault(adjective, entry.code)
    return found


def _strip_article(text: str) -> str:
    text = " ".join(text.split())
    for article in ("the ", "The "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def country_by_name(name: str) -> CountryEntry | None:
    """The state called `name` in any of its forms ("Czech Republic", "the Netherlands").

    The match is exact but for a leading "the" and runs of white space; ``None``
    when no state has that name.
    """
    found = _country_names()
    code = found.get(" ".join(name.split())) or found.get(_strip_article(name))
    return countries()[code] if code else None


def country_by_adjective(adjective: str) -> CountryEntry | None:
    """The state that `adjective` ("Danish", "Swiss") refers to; ``None`` if none does."""
    code = _country_adjectives().get(adjective.strip())
    return countries()[code] if code else None


@attrs.frozen(kw_only=True)
class OrganisationEntry:
    """An organisation that funds work, as the gazetteer knows it.

    Attributes:
        name: The usual name ("European Union", "UNICEF").
        country: ISO 3166-1 alpha-2 code of the state that owns it ("US" for
            USAID), or ``None`` for an international organisation.
        names: Every name and acronym the press writes for it ("EU").
    """

    name: str
    country: str | None = None
    names: tuple[str, ...] = ()


@functools.cache
def organisations() -> tuple[OrganisationEntry, ...]:
    """Every organisation the library knows, in the order of its data file."""
    data = _json_loads(_data_text("organisations.json"))
    return tuple(
        OrganisationEntry(
            name=item["name"], country=item.get("country"), names=tuple(item.get("names", ()))
        )
        for item in data["organisations"]
    )


@functools.cache
def institutions() -> tuple[str, ...]:
    """Names of parliaments, agencies and NGOs that read like people's names ("La Strada").

    From ``data/institutions.txt``: one name a line, ``#`` starts a comment.
    """
    names = (line.partition("#")[0].strip() for line in _data_text("institutions.txt").splitlines())
    return tuple(name for name in names if name)
