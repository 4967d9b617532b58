"""The gazetteer: the library's own region and country data, and its look-ups."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

import pytest

from osce_thb import Document, Paragraph, extract, gazetteer

UKRAINE = {
    "UA-05": "Vinnytsia Oblast",
    "UA-07": "Volyn Oblast",
    "UA-09": "Luhansk Oblast",
    "UA-12": "Dnipropetrovsk Oblast",
    "UA-14": "Donetsk Oblast",
    "UA-18": "Zhytomyr Oblast",
    "UA-21": "Zakarpattia Oblast",
    "UA-23": "Zaporizhzhia Oblast",
    "UA-26": "Ivano-Frankivsk Oblast",
    "UA-30": "Kyiv",
    "UA-32": "Kyiv Oblast",
    "UA-35": "Kirovohrad Oblast",
    "UA-40": "Sevastopol",
    "UA-43": "Autonomous Republic of Crimea",
    "UA-46": "Lviv Oblast",
    "UA-48": "Mykolaiv Oblast",
    "UA-51": "Odesa Oblast",
    "UA-53": "Poltava Oblast",
    "UA-56": "Rivne Oblast",
    "UA-59": "Sumy Oblast",
    "UA-61": "Ternopil Oblast",
    "UA-63": "Kharkiv Oblast",
    "UA-65": "Kherson Oblast",
    "UA-68": "Khmelnytskyi Oblast",
    "UA-71": "Cherkasy Oblast",
    "UA-74": "Chernihiv Oblast",
    "UA-77": "Chernivtsi Oblast",
}

NOT_OBLASTS = {"UA-30": "city", "UA-40": "city", "UA-43": "republic"}

SHARED_NAMES = {
    # Kyiv is a city with the status of a region and the seat of the oblast around it.
    "Kyiv": {"UA-30", "UA-32"},
    "Kiev": {"UA-30", "UA-32"},
    "Kyyiv": {"UA-30", "UA-32"},
    "Kiew": {"UA-30", "UA-32"},  # German
}
"""Names that stand for more than one region, on purpose."""

PARTICIPATING_STATES = {
    "AD": "Andorra",
    "AL": "Albania",
    "AM": "Armenia",
    "AT": "Austria",
    "AZ": "Azerbaijan",
    "BA": "Bosnia and Herzegovina",
    "BE": "Belgium",
    "BG": "Bulgaria",
    "BY": "Belarus",
    "CA": "Canada",
    "CH": "Switzerland",
    "CY": "Cyprus",
    "CZ": "Czechia",
    "DE": "Germany",
    "DK": "Denmark",
    "EE": "Estonia",
    "ES": "Spain",
    "FI": "Finland",
    "FR": "France",
    "GB": "United Kingdom",
    "GE": "Georgia",
    "GR": "Greece",
    "HR": "Croatia",
    "HU": "Hungary",
    "IE": "Ireland",
    "IS": "Iceland",
    "IT": "Italy",
    "KG": "Kyrgyzstan",
    "KZ": "Kazakhstan",
    "LI": "Liechtenstein",
    "LT": "Lithuania",
    "LU": "Luxembourg",
    "LV": "Latvia",
    "MC": "Monaco",
    "MD": "Moldova",
    "ME": "Montenegro",
    "MK": "North Macedonia",
    "MN": "Mongolia",
    "MT": "Malta",
    "NL": "Netherlands",
    "NO": "Norway",
    "PL": "Poland",
    "PT": "Portugal",
    "RO": "Romania",
    "RS": "Serbia",
    "RU": "Russian Federation",
    "SE": "Sweden",
    "SI": "Slovenia",
    "SK": "Slovakia",
    "SM": "San Marino",
    "TJ": "Tajikistan",
    "TM": "Turkmenistan",
    "TR": "Türkiye",
    "UA": "Ukraine",
    "US": "United States",
    "UZ": "Uzbekistan",
    "VA": "Holy See",
}

PARTNERS = {
    "AF": "Afghanistan",
    "AU": "Australia",
    "DZ": "Algeria",
    "EG": "Egypt",
    "IL": "Israel",
    "JO": "Jordan",
    "JP": "Japan",
    "KR": "Republic of Korea",
    "MA": "Morocco",
    "TH": "Thailand",
    "TN": "Tunisia",
}

NAME_FORMS = [
    ("Czech Republic", "CZ"),
    ("Czechia", "CZ"),
    ("Turkey", "TR"),
    ("Türkiye", "TR"),
    ("the Netherlands", "NL"),
    ("The Netherlands", "NL"),
    ("Holland", "NL"),
    ("UK", "GB"),
    ("Great Britain", "GB"),
    ("Britain", "GB"),
    ("United States of America", "US"),
    ("USA", "US"),
    ("US", "US"),
    ("U.S.", "US"),
    ("Russia", "RU"),
    ("Republic of Moldova", "MD"),
    ("Kyrgyz Republic", "KG"),
    ("South Korea", "KR"),
    ("Korea", "KR"),
    ("Macedonia", "MK"),
    ("Georgia", "GE"),
]

ADJECTIVES = [
    ("Danish", "DK"),
    ("Swiss", "CH"),
    ("British", "GB"),
    ("American", "US"),
    ("Dutch", "NL"),
    ("Czech", "CZ"),
    ("Turkish", "TR"),
    ("German", "DE"),
    ("Irish", "IE"),
    ("Norwegian", "NO"),
    ("Swedish", "SE"),
    ("Finnish", "FI"),
    ("Austrian", "AT"),
    ("Ukrainian", "UA"),
    ("Georgian", "GE"),
    ("Japanese", "JP"),
]


class TestRegions:
    def test_ukraine_has_its_27_subdivisions(self) -> None:
        """The gazetteer holds exactly the 27 first-level subdivisions of Ukraine."""
        codes = {code for code, entry in gazetteer.regions().items() if entry.country == "UA"}
        assert codes == set(UKRAINE)

    @pytest.mark.parametrize(("code", "name"), sorted(UKRAINE.items()))
    def test_region_is_well_formed(self, code: str, name: str) -> None:
        """Each region has its English name, its type, names and no blank or repeated spelling."""
        entry = gazetteer.region(code)
        assert entry.code == code
        assert entry.name == name
        assert entry.country == "UA"
        assert entry.type == NOT_OBLASTS.get(code, "oblast")
        assert entry.names, "a region needs at least one name"
        for spellings in (entry.names, entry.cities):
            assert all(s == s.strip() and s for s in spellings)
            assert len(set(spellings)) == len(spellings)

    def test_codes_are_in_order(self) -> None:
        """Regions come in code order."""
        assert list(gazetteer.regions()) == sorted(gazetteer.regions())

    def test_every_alias_names_one_region(self) -> None:
        """In Ukraine, every spelling names one region, but for the shared names of Kyiv."""
        owners: defaultdict[str, set[str]] = defaultdict(set)
        for entry in gazetteer.regions().values():
            if entry.country == "UA":
                for alias in (*entry.names, *entry.cities):
                    owners[alias].add(entry.code)
        shared = {alias: codes for alias, codes in owners.items() if len(codes) > 1}
        assert shared == SHARED_NAMES

    def test_is_region_code(self) -> None:
        """Known codes are region codes; unknown ones, and country codes, are not."""
        assert gazetteer.is_region_code("UA-14")
        assert not gazetteer.is_region_code("UA-99")
        assert not gazetteer.is_region_code("UA")

    def test_unknown_region_raises_key_error(self) -> None:
        """Asking for an unknown region code raises KeyError."""
        with pytest.raises(KeyError):
            gazetteer.region("UA-99")


class TestCountries:
    @pytest.mark.parametrize(("code", "name"), sorted(PARTICIPATING_STATES.items()))
    def test_participating_state(self, code: str, name: str) -> None:
        """Every OSCE participating State is present, with its alpha-2 code and status."""
        entry = gazetteer.country(code)
        assert (entry.name, entry.status) == (name, "participating")

    def test_exactly_57_participating_states(self) -> None:
        """There are 57 participating States, no more."""
        found = {c for c, e in gazetteer.countries().items() if e.status == "participating"}
        assert found == set(PARTICIPATING_STATES)
        assert len(found) == 57

    @pytest.mark.parametrize(("code", "name"), sorted(PARTNERS.items()))
    def test_partner(self, code: str, name: str) -> None:
        """Every Partner for Co-operation is present, with its alpha-2 code and status."""
        entry = gazetteer.country(code)
        assert (entry.name, entry.status) == (name, "partner")

    def test_exactly_11_partners(self) -> None:
        """There are 11 Partners for Co-operation."""
        found = {c for c, e in gazetteer.countries().items() if e.status == "partner"}
        assert found == set(PARTNERS)

    def test_other_states_are_few_and_marked(self) -> None:
        """States outside the OSCE are marked "other", and there are only a few."""
        others = [e for e in gazetteer.countries().values() if e.status == "other"]
        assert all(e.code not in PARTICIPATING_STATES | PARTNERS for e in others)
        assert len(others) <= 10

    def test_every_state_has_an_adjective(self) -> None:
        """Every state has at least one adjective."""
        assert all(entry.adjectives for entry in gazetteer.countries().values())

    def test_adjectives_are_unique(self) -> None:
        """No adjective belongs to two states."""
        owners: defaultdict[str, set[str]] = defaultdict(set)
        for entry in gazetteer.countries().values():
            for adjective in entry.adjectives:
                owners[adjective].add(entry.code)
        assert {a: c for a, c in owners.items() if len(c) > 1} == {}

    def test_names_are_unique(self) -> None:
        """No name or form of a name belongs to two states."""
        owners: defaultdict[str, set[str]] = defaultdict(set)
        for entry in gazetteer.countries().values():
            for name in (entry.name, *entry.names):
                owners[name].add(entry.code)
        assert {n: c for n, c in owners.items() if len(c) > 1} == {}

    def test_codes_are_alpha_2(self) -> None:
        """Codes are two capital letters."""
        assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in gazetteer.countries())

    @pytest.mark.parametrize(("name", "code"), NAME_FORMS)
    def test_country_by_name(self, name: str, code: str) -> None:
        """Every common form of a state's name finds the state."""
        entry = gazetteer.country_by_name(name)
        assert entry is not None
        assert entry.code == code

    @pytest.mark.parametrize(("adjective", "code"), ADJECTIVES)
    def test_country_by_adjective(self, adjective: str, code: str) -> None:
        """Adjectives and demonyms find their state."""
        entry = gazetteer.country_by_adjective(adjective)
        assert entry is not None
        assert entry.code == code

    @pytest.mark.parametrize("name", ["Texas", "Europe", "Kosovo", "danish", ""])
    def test_unknown_name_finds_nothing(self, name: str) -> None:
        """A word that names no state finds none."""
        assert gazetteer.country_by_name(name) is None
        assert gazetteer.country_by_adjective(name) is None

    def test_is_country_code(self) -> None:
        """Known codes are country codes; unknown ones are not."""
        assert gazetteer.is_country_code("DK")
        assert not gazetteer.is_country_code("XX")


class TestLoading:
    def test_import_does_not_read_the_data(self) -> None:
        """Importing the package reads no data file; the first look-up does."""
        code = (
            "import osce_thb, sys\n"
            "g = sys.modules.get('osce_thb.gazetteer')\n"
            "print(0 if g is None else g.regions.cache_info().currsize"
            " + g.countries.cache_info().currsize)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "0"

    def test_data_is_read_once(self) -> None:
        """Look-ups return the same cached mapping each time."""
        assert gazetteer.regions() is gazetteer.regions()
        assert gazetteer.countries() is gazetteer.countries()


class TestOrganisations:
    def test_each_has_names_and_a_known_state_or_none(self) -> None:
        found = gazetteer.organisations()
        assert found
        for entry in found:
            assert entry.names, entry
            assert entry.country is None or gazetteer.is_country_code(entry.country), entry

    def test_no_name_belongs_to_two_organisations(self) -> None:
        names = [name for entry in gazetteer.organisations() for name in entry.names]
        assert len(names) == len(set(names))

    def test_a_state_agency_funds_as_its_state(self) -> None:
        """The data drives the donors: an agency in the file gives its state's code."""
        agency = next(e for e in gazetteer.organisations() if e.country is not None)
        written = agency.names[-1]
        document = Document(body=(Paragraph(text=f"The shelter is funded by {written}."),))
        assert [d.country for d in extract(document).donors] == [agency.country]
