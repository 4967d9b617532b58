"""Places across the OSCE area: the rules of the place finder, on made-up sentences.

Each case is a sentence written for the test (the names are real places, the
events are not) and the codes of the places it names, in order. A code of None
is a place without an ISO 3166-2 code, named in the third column.
"""

from __future__ import annotations

import pytest

from osce_thb._body import Body
from osce_thb._regions import find_regions, match_regions


def _codes(text: str) -> list[str | None]:
    return [match.code for match in match_regions(text)]


# Cities with a code of their own, and towns counted for the unit around them.
CITIES_AND_TOWNS = [
    ("A shelter opened in Chisinau and another in Balti.", ["MD-CU", "MD-BA"]),
    ("Judges from Chișinău, Bălți and Kishinev met.", ["MD-CU", "MD-BA", "MD-CU"]),
    ("Police officers from Comrat and Tiraspol attended.", ["MD-GA", "MD-SN"]),
    ("The training took place in Khujand.", ["TJ-SU"]),
    ("Teachers from Khudjand and Leninabad took part.", ["TJ-SU", "TJ-SU"]),
    ("The OSCE Programme Office in Dushanbe organised it.", ["TJ-DU"]),
    ("The OSCE Centre in Ashgabat hosted a round table.", ["TM-S"]),
    ("The Programme Office in Bishkek and its Field Office in Osh", ["KG-GB", "KG-GO"]),
    ("A seminar in Nur-Sultan, then one in Alma-Ata and Chimkent.", ["KZ-71", "KZ-75", "KZ-79"]),
    ("Officers from Ust-Kamenogorsk and Kokshetau joined.", ["KZ-63", "KZ-11"]),
    ("Prosecutors met in Tashkent.", ["UZ-TK"]),
    ("Shelters in Yerevan and Gyumri were visited.", ["AM-ER", "AM-SH"]),
    ("NGOs from Baku and Ganja signed the memorandum.", ["AZ-BA", "AZ-GA"]),
    ("A hotline opened in Tbilisi and Batumi.", ["GE-TB", "GE-AJ"]),
    ("The conference in Belgrade heard experts from Novi Sad.", ["RS-00", "RS-VO"]),
    ("Trainers travelled from Sarajevo to Banja Luka and Brcko.", ["BA-BIH", "BA-SRP", "BA-BRC"]),
    ("The workshop in Tirana and the one in Tiranë", ["AL-11", "AL-11"]),
    ("Migrants landed on Lampedusa and were taken to Palermo.", ["IT-82", "IT-82"]),
    ("Border guards met in Thessaloniki.", ["GR-B"]),
    ("The OSCE's Warsaw-based Office sent an expert.", ["PL-14"]),
    ("The Ministerial Council in Bucharest adopted a decision.", ["RO-B"]),
    ("Experts from the OSCE Secretariat in Vienna took part.", ["AT-9"]),
    ("A court in Tetovo sentenced two traffickers.", ["MK-609"]),
    ("Officials from Minsk and Gomel met in Brest.", ["BY-HM", "BY-HO", "BY-BR"]),
]

# Kind words: a region and the city of the same name.
KIND_WORDS = [
    ("Participants came from Osh, Jalal-Abad and Batken provinces.", ["KG-O", "KG-J", "KG-B"]),
    ("Social workers from Osh oblast and Osh city met.", ["KG-O", "KG-GO"]),
    ("Courses were held in Sughd region and Khatlon province.", ["TJ-SU", "TJ-KT"]),
    ("The Tashkent and Syrdarya oblasts joined.", ["UZ-TO", "UZ-SI"]),
    ("The NRS was piloted in Cahul district.", ["MD-CA"]),
    ("Police from Almaty region and the city of Almaty", ["KZ-19", "KZ-75"]),
    ("The Minsk region and Minsk", ["BY-MI", "BY-HM"]),
    ("in Sheki district and the city of Sheki", ["AZ-SAK", "AZ-SA"]),
    ("The Issyk-Kul region and Ysyk-Köl", ["KG-Y", "KG-Y"]),
    ("Trainings in the Gorno-Badakhshan Autonomous Region (GBAO)", ["TJ-GB", "TJ-GB"]),
    ("Trainings in the Districts of Republican Subordination", ["TJ-RA"]),
    ("The mechanism covers Republika Srpska and Brčko District.", ["BA-SRP", "BA-BRC"]),
    ("Victims from the Left Bank of the Dniester were assisted.", ["MD-SN"]),
    ("Victims from Transdniestria and Gagauz Yeri were assisted.", ["MD-SN", "MD-GA"]),
]

# Places with no ISO 3166-2 code: kept with their country and name.
UNCODED = [
    (
        "A workshop in Prizren, Kosovo, and one in Prishtinë",
        [("XK", "Prizren"), ("XK", "Pristina")],
    ),
    ("The OSCE Mission to Skopje met officials in Skopje.", [("MK", "Skopje"), ("MK", "Skopje")]),
]

# Weak names: English words and first names, places only where the text makes them so.
WEAK = [
    ("The OSCE Mission to Montenegro held seminars in Bar and Budva.", ["ME-02", "ME-05"]),
    ("BAR, Montenegro, 3 May 2015 – Police officers met.", ["ME-02"]),
    ("Officials of Bar municipality in Montenegro signed.", ["ME-02"]),
    ("The town of Bar, in Montenegro, hosted the camp.", ["ME-02"]),
    ("A shelter in Mary, Turkmenistan, opened.", ["TM-M"]),
    ("Officials from Ashgabat and Mary region met.", ["TM-S", "TM-M"]),
    ("A conference in Nice, France, on trafficking", ["FR-PAC"]),
]

NOT_PLACES = [
    # A country as a whole, and direction phrases.
    "Victims from eastern Ukraine and the south of Kyrgyzstan",
    "Officers from northern Kazakhstan and western Georgia",
    "Georgia and Moldova signed; Kosovo and Serbia attended.",
    "Experts from Central Asia and the Western Balkans",
    # Rivers, seas and valleys.
    "the Ferghana Valley and the Fergana valley",
    "along the Dniester River and the Aral Sea",
    "a boat on Lake Ohrid",
    # Documents, agreements and groups named after places.
    "The Palermo Protocol and the Istanbul Convention",
    "the Minsk agreements and the OSCE Minsk Group",
    "the 2010 Astana Commemorative Declaration",
    "the Rome Statute and the Vienna Convention on Consular Relations",
    # Weak names without evidence.
    "The Bar Association of Montenegro met in a bar.",
    "Mary Smith went to Turkmenistan.",
    "Nice to see the campaign work.",
    "Mobile teams visited the United States.",
    "Mr Kant of Kyrgyzstan spoke.",
    # A place of one country named as another's.
    "Traders from Afghan Badakhshan crossed.",
    "Refugees from Jalalabad, Afghanistan, arrived.",
    # Acronyms and peoples that look like places.
    "The NIS countries and the Roma community",
    # A name shared by two countries that the text does not tell apart.
    "A hotline in Călărași opened.",
]


class TestCitiesAndTowns:
    @pytest.mark.parametrize(("text", "codes"), CITIES_AND_TOWNS)
    def test_place(self, text: str, codes: list[str]) -> None:
        assert _codes(text) == codes


class TestKindWords:
    @pytest.mark.parametrize(("text", "codes"), KIND_WORDS)
    def test_place(self, text: str, codes: list[str]) -> None:
        assert _codes(text) == codes


class TestUncoded:
    @pytest.mark.parametrize(("text", "places"), UNCODED)
    def test_kept_without_a_code(self, text: str, places: list[tuple[str, str]]) -> None:
        found = match_regions(text)
        assert [(m.code, m.country, m.name) for m in found] == [(None, c, n) for c, n in places]

    def test_one_region_per_uncoded_place(self) -> None:
        (pristina,) = find_regions(Body(["Offices in Pristina and Prishtina"]))
        assert (pristina.code, pristina.country, pristina.name) == (None, "XK", "Pristina")
        assert pristina.surface_forms == ("Pristina", "Prishtina")


class TestWeak:
    @pytest.mark.parametrize(("text", "codes"), WEAK)
    def test_a_place_where_the_text_makes_it_one(self, text: str, codes: list[str]) -> None:
        assert _codes(text) == codes

    def test_the_country_may_be_named_in_another_block(self) -> None:
        body = Body(["PODGORICA, 3 May 2015 – The OSCE Mission to Montenegro", "A camp in Bar."])
        assert [r.code for r in find_regions(body)] == ["ME-16", "ME-02"]

    def test_no_evidence_in_any_block(self) -> None:
        body = Body(["A workshop was held.", "A camp in Bar."])
        assert find_regions(body) == ()


class TestNotPlaces:
    @pytest.mark.parametrize("text", NOT_PLACES)
    def test_no_place(self, text: str) -> None:
        assert match_regions(text) == []


class TestCountryOfSharedNames:
    @pytest.mark.parametrize(
        ("text", "codes"),
        [
            ("A hotline in Călărași, Moldova, opened.", ["MD-CL"]),
            ("The Moldovan police visited Călărași.", ["MD-CL"]),
            ("Romania: a shelter in Calarasi county.", ["RO-CL"]),
            ("Perth, Australia", ["AU-WA"]),
        ],
    )
    def test_the_text_names_the_country(self, text: str, codes: list[str]) -> None:
        assert _codes(text) == codes


class TestCapitals:
    @pytest.mark.parametrize(
        ("text", "codes"),
        [
            ("OSH, 12 May 2016 – Community leaders", ["KG-GO"]),
            ("(OSCE KYIV) - Ten officials", ["UA-30"]),
            ("DUSHANBE, 3 March 2019 – A course", ["TJ-DU"]),
            ("The OSH project and NIS states", []),
        ],
    )
    def test_a_short_name_in_capitals_only_heads_a_dateline(
        self, text: str, codes: list[str]
    ) -> None:
        assert _codes(text) == codes


class TestOneSpellingManyTimes:
    """What depends on a spelling alone is worked out once; each mention keeps its own context."""

    @pytest.mark.parametrize(
        ("text", "codes"),
        [
            (
                "A hotline in Călărași, Moldova, and a shelter in Călărași, Romania, opened.",
                ["MD-CL", "RO-CL"],
            ),
            (
                "Officials of Kyiv region met in Kyiv and toured Kyiv city, then Kyiv oblast.",
                ["UA-32", "UA-30", "UA-30", "UA-32"],
            ),
            (
                "Camps in Bar and Budva, Montenegro; a bar in Bar; the Bar Association.",
                ["ME-02", "ME-05", "ME-02"],
            ),
        ],
    )
    def test_each_mention_read_in_its_context(self, text: str, codes: list[str]) -> None:
        assert _codes(text) == codes

    def test_a_dateline_place_repeated(self) -> None:
        found = match_regions("KYIV, " * 1_000)
        assert [m.code for m in found] == ["UA-30"] * 1_000
        assert [m.start for m in found] == list(range(0, 6_000, 6))


def test_a_long_text_is_read_in_one_pass() -> None:
    """A megabyte of text with places in it is read quickly (no quadratic work)."""
    import time

    text = "Trainers from Osh and Bishkek met officials of Bar in Montenegro. " * 15_000
    match_regions("warm up")
    started = time.perf_counter()
    found = match_regions(text)
    assert time.perf_counter() - started < 10
    assert len(found) == 3 * 15_000
