"""The library's own place and country data: regions (ISO 3166-2) and states (ISO 3166-1).

The data lives in JSON files shipped with the package (``osce_thb/data``), one
file per country for regions, so that adding another country's regions is a
matter of data, not code. Files are read once, on first use, so that
``import osce_thb`` stays cheap.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "CountryEntry",
    "OrganisationEntry",
    "RegionEntry",
    "countries",
    "country",
    "country_by_adjective",
    "country_by_name",
    "is_country_code",
    "is_region_code",
    "organisations",
    "region",
    "regions",
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
    """

    code: str
    name: str
    country: str
    type: str
    names: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()


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


def _data_text(*parts: str) -> str:
    from importlib import resources  # slow to import; needed only when data is read

    return resources.files("osce_thb").joinpath("data", *parts).read_text(encoding="utf-8")


def _data_files(folder: str) -> list[str]:
    from importlib import resources

    root = resources.files("osce_thb").joinpath("data", folder)
    return sorted(
        entry.read_text(encoding="utf-8")
        for entry in root.iterdir()
        if entry.name.endswith(".json")
    )


@functools.cache
def regions() -> Mapping[str, RegionEntry]:
    """Every region the library knows, by ISO 3166-2 code, in code order."""
    found: dict[str, RegionEntry] = {}
    for text in _data_files("regions"):
        data = _json_loads(text)
        for item in data["regions"]:
            entry = RegionEntry(
                code=item["code"],
                name=item["name"],
                country=data["country"],
                type=item["type"],
                names=tuple(item.get("names", ())),
                cities=tuple(item.get("cities", ())),
            )
            found[entry.code] = entry
    return dict(sorted(found.items()))


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
    return code in regions()


def is_country_code(code: str) -> bool:
    """Whether `code` is an ISO 3166-1 alpha-2 code the gazetteer knows."""
    return code in countries()


def region(code: str) -> RegionEntry:
    """The region with ISO 3166-2 `code`; `KeyError` if unknown."""
    return regions()[code]


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
