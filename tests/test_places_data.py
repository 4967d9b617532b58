"""The place data of every country: codes checked against ISO 3166-2, spellings unambiguous.

pycountry's copy of ISO 3166-2 is the reference: every code of the data exists
and is first level (no parent), and every covered country has all of its
first-level units, no more.
"""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

import pycountry
import pytest

from osce_thb import gazetteer

ISSUE_COUNTRIES = {
    # Participating States with OSCE field operations, now or before, and Kosovo.
    *("AL", "AM", "AZ", "BY", "BA", "HR", "GE", "KZ", "KG", "MD", "ME", "MK", "RS", "TJ"),
    *("TM", "UA", "UZ", "XK"),
    # Countries of transit and destination the releases name.
    *("AT", "BE", "BG", "CZ", "DK", "FR", "DE", "GR", "HU", "IT", "LT", "NL", "PL", "RO"),
    *("RU", "SK", "ES", "SE", "CH", "TR", "GB", "US"),
}

NO_CODES = {"XK"}
"""Covered countries whose places have no ISO 3166-2 codes."""


def _first_level(country: str) -> set[str]:
    found = pycountry.subdivisions.get(country_code=country) or ()
    return {unit.code for unit in found if unit.parent_code is None}


def _regions_of(country: str) -> set[str]:
    return {code for code, entry in gazetteer.regions().items() if entry.country == country}


def test_every_country_of_the_issue_is_covered() -> None:
    assert set(gazetteer.coverage()) >= ISSUE_COUNTRIES


@pytest.mark.parametrize("code", sorted(gazetteer.regions()))
def test_every_code_is_a_first_level_iso_3166_2_code(code: str) -> None:
    unit = pycountry.subdivisions.get(code=code)
    assert unit is not None, f"{code} is not in ISO 3166-2"
    assert unit.parent_code is None, f"{code} is not first level (parent {unit.parent_code})"
    assert unit.country_code == gazetteer.region(code).country


@pytest.mark.parametrize("country", sorted(set(gazetteer.coverage()) - NO_CODES))
def test_every_first_level_unit_of_a_covered_country_is_there(country: str) -> None:
    assert _regions_of(country) == _first_level(country)


def test_kosovo_has_places_without_codes() -> None:
    assert _regions_of("XK") == set()
    kosovo = [place for place in gazetteer.places() if place.country == "XK"]
    assert len(kosovo) >= 30
    assert {"Pristina", "Prizren", "Ferizaj", "Mitrovica"} <= {place.name for place in kosovo}


def test_skopje_has_no_code_of_its_own() -> None:
    (skopje,) = [place for place in gazetteer.places() if place.name == "Skopje"]
    assert skopje.country == "MK"


@pytest.mark.parametrize("country", sorted(gazetteer.coverage()))
def test_the_level_is_described(country: str) -> None:
    assert gazetteer.coverage()[country].level.strip()
    assert gazetteer.is_place_country(country)


def _entries() -> list[gazetteer.RegionEntry | gazetteer.PlaceEntry]:
    return [*gazetteer.regions().values(), *gazetteer.places()]


def test_every_place_has_a_spelling_and_no_blank_or_repeated_one() -> None:
    for entry in _entries():
        spellings = (*entry.names, *entry.cities)
        assert spellings, entry
        assert all(s and s == s.strip() for s in spellings), entry
        assert len(set(entry.names)) == len(entry.names), entry
        assert len(set(entry.cities)) == len(entry.cities), entry


def test_weak_spellings_are_spellings_of_the_place() -> None:
    for entry in _entries():
        assert set(entry.weak) <= {*entry.names, *entry.cities}, entry


def test_a_spelling_names_one_place_per_country_unless_city_and_region() -> None:
    """Within a country, a spelling names one place, or exactly a city and its region.

    The city with its own code and the region around it (Kyiv UA-30 and UA-32,
    Osh KG-GO and KG-O) share their name on purpose: the matcher tells them apart
    by the words around the name. Anything else shared within a country is an
    ambiguity the data has to resolve.
    """
    owners: defaultdict[tuple[str, str], set[tuple[str, bool, bool]]] = defaultdict(set)
    for entry in _entries():
        key = entry.code if isinstance(entry, gazetteer.RegionEntry) else entry.name
        for spelled, own in ((entry.names, True), (entry.cities, False)):
            for written in spelled:
                for form in gazetteer.spellings(written):
                    owners[entry.country, form].add((key, entry.type == "city", own))
    problems = {}
    for (country, form), units in owners.items():
        if len({key for key, _, _ in units}) == 1:
            continue
        kinds = sorted((city, own) for _, city, own in units)
        if kinds != [(False, True), (True, True)]:
            problems[country, form] = units
    assert problems == {}


def test_no_place_is_spelled_like_a_state() -> None:
    """A state's name or adjective is never a place's spelling: a country as a whole is no place."""
    states = gazetteer.state_names()
    clashes = {
        (form, entry.country)
        for entry in _entries()
        for written in (*entry.names, *entry.cities)
        for form in gazetteer.spellings(written)
        if form in states
    }
    assert clashes == set()


def test_spellings_fold_diacritics_and_hyphens() -> None:
    assert set(gazetteer.spellings("Bălți")) >= {"Bălți", "Balti", "Bălţi", "BĂLȚI", "BALTI"}
    assert "Herceg Novi" in set(gazetteer.spellings("Herceg-Novi"))
    assert "Ganca" in set(gazetteer.spellings("Gəncə"))
    assert "Ismayilli" in set(gazetteer.spellings("İsmayıllı"))


def test_import_reads_no_place_file() -> None:
    code = (
        "import osce_thb, sys\n"
        "g = sys.modules.get('osce_thb.gazetteer')\n"
        "print(0 if g is None else g._place_files.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0"
