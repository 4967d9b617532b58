"""Finding regions in body text: spellings, cities, Kyiv city or oblast, lists, negatives."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from osce_thb import _regions, gazetteer
from osce_thb._body import Body
from osce_thb._regions import find_regions as _find_regions
from osce_thb._regions import match_regions
from osce_thb.model import Mention

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

# Every spelling the press uses for each region itself; written out here, not read
# from the data, so that a spelling missing from the data fails a test.
REGION_SPELLINGS: dict[str, tuple[str, ...]] = {
    "UA-05": ("Vinnytsia", "Vinnytsya", "Vinnitsa", "Vinnytska"),
    "UA-07": ("Volyn", "Volhynia", "Volynska"),
    "UA-09": ("Luhansk", "Lugansk", "Luhanska"),
    "UA-12": ("Dnipropetrovsk", "Dnepropetrovsk", "Dnipropetrovska", "Dnipro"),
    "UA-14": ("Donetsk", "Donetska"),
    "UA-18": ("Zhytomyr", "Zhitomir", "Zhytomyrska"),
    "UA-21": ("Zakarpattia", "Transcarpathia", "Zakarpatska"),
    "UA-23": ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporizka"),
    "UA-26": ("Ivano-Frankivsk", "Ivano-Frankovsk", "Ivano-Frankivska"),
    "UA-32": ("Kyivska", "Kyivshchyna"),
    "UA-35": ("Kirovohrad", "Kirovograd", "Kropyvnytskyi", "Kirovohradska"),
    "UA-40": ("Sevastopol", "Sebastopol"),
    "UA-43": ("Crimea", "Autonomous Republic of Crimea"),
    "UA-46": ("Lviv", "Lvov", "Lvivska"),
    "UA-48": ("Mykolaiv", "Nikolaev", "Nikolayev", "Mykolaivska"),
    "UA-51": ("Odesa", "Odessa", "Odeska"),
    "UA-53": ("Poltava", "Poltavska"),
    "UA-56": ("Rivne", "Rovno", "Rivnenska"),
    "UA-59": ("Sumy", "Sumska"),
    "UA-61": ("Ternopil", "Ternopol", "Ternopilska"),
    "UA-63": ("Kharkiv", "Kharkov", "Kharkivska"),
    "UA-65": ("Kherson", "Khersonska"),
    "UA-68": ("Khmelnytskyi", "Khmelnytsky", "Khmelnitsky", "Khmelnytska"),
    "UA-71": ("Cherkasy", "Cherkassy", "Cherkaska"),
    "UA-74": ("Chernihiv", "Chernigov", "Chernihivska"),
    "UA-77": ("Chernivtsi", "Chernovtsy", "Chernivetska"),
}

CITIES: dict[str, tuple[str, ...]] = {
    "UA-05": ("Zhmerynka", "Mohyliv-Podilskyi"),
    "UA-07": ("Lutsk", "Kovel"),
    "UA-09": ("Sievierodonetsk", "Severodonetsk", "Lysychansk", "Alchevsk"),
    "UA-12": ("Kryvyi Rih", "Krivoy Rog", "Kamianske", "Nikopol", "Pavlohrad"),
    "UA-14": ("Mariupol", "Kramatorsk", "Sloviansk", "Slavyansk", "Horlivka", "Bakhmut"),
    "UA-18": ("Berdychiv", "Korosten"),
    "UA-21": ("Uzhhorod", "Uzhgorod", "Mukachevo", "Khust", "Chop"),
    "UA-23": ("Melitopol", "Berdyansk", "Berdiansk", "Enerhodar"),
    "UA-26": ("Kolomyia", "Kalush"),
    "UA-32": ("Bila Tserkva", "Brovary", "Boryspil", "Irpin", "Bucha"),
    "UA-35": ("Oleksandriia", "Svitlovodsk"),
    "UA-40": ("Balaklava",),
    "UA-43": ("Simferopol", "Kerch", "Yalta", "Yevpatoria", "Feodosia"),
    "UA-46": ("Drohobych", "Truskavets", "Shehyni"),
    "UA-48": ("Voznesensk", "Ochakiv"),
    "UA-51": ("Izmail", "Bilhorod-Dnistrovskyi", "Chornomorsk", "Reni"),
    "UA-53": ("Kremenchuk", "Kremenchug", "Lubny", "Myrhorod"),
    "UA-56": ("Dubno", "Varash", "Sarny"),
    "UA-59": ("Konotop", "Shostka", "Okhtyrka"),
    "UA-61": ("Chortkiv", "Kremenets"),
    "UA-63": ("Lozova", "Izium", "Chuhuiv", "Kupiansk"),
    "UA-65": ("Nova Kakhovka", "Henichesk", "Skadovsk"),
    "UA-68": ("Kamianets-Podilskyi", "Shepetivka", "Netishyn"),
    "UA-71": ("Uman", "Smila"),
    "UA-74": ("Nizhyn", "Pryluky"),
    "UA-77": ("Khotyn", "Storozhynets"),
}

KYIV_CASES = [
    # (sentence, codes of every match in order)
    ("The NGO is based in Kyiv.", ["UA-30"]),
    ("The NGO is based in Kiev.", ["UA-30"]),
    ("Experts came to the city of Kyiv.", ["UA-30"]),
    ("Kyiv City State Administration took part.", ["UA-30"]),
    ("Shelters in Kyiv region were visited.", ["UA-32"]),
    ("Shelters in Kyiv oblast were visited.", ["UA-32"]),
    ("Shelters in Kyiv Oblast were visited.", ["UA-32"]),
    ("Shelters in Kiev Region were visited.", ["UA-32"]),
    ("Shelters in Kyivska oblast were visited.", ["UA-32"]),
    ("Shelters in the Kyiv Province were visited.", ["UA-32"]),
    ("Kyiv regional police attended.", ["UA-32"]),
    ("Both Kyiv and Kyiv region joined.", ["UA-30", "UA-32"]),
    ("the regions of Kyiv and Sumy", ["UA-32", "UA-59"]),
    ("the oblasts of Sumy, Kyiv and Poltava", ["UA-59", "UA-32", "UA-53"]),
    ("in Kyiv and Donetsk region", ["UA-30", "UA-14"]),
    ("KYIV, 18 November 2002 - Forty police officers", ["UA-30"]),
    ("Kyiv's mayor opened the conference.", ["UA-30"]),
    ("A Kyiv-based NGO ran the hotline.", ["UA-30"]),
]

LIST_CASES = [
    (
        "Training will cover Poltava, Kyiv, Rivne, Sumy, Volyn and Zhytomyr regions.",
        ["UA-53", "UA-32", "UA-56", "UA-59", "UA-07", "UA-18"],
    ),
    ("Pilots ran in Kherson and Kiev oblasts.", ["UA-65", "UA-32"]),
    ("Pilots ran in Kherson, Kiev, and Lviv regions.", ["UA-65", "UA-32", "UA-46"]),
    ("in the Kyiv, Chernihiv and Sumy oblasts", ["UA-32", "UA-74", "UA-59"]),
    ("in Kyiv & Zhytomyr provinces", ["UA-32", "UA-18"]),
    ("in Kyiv/Chernihiv regions", ["UA-32", "UA-74"]),
    (
        "Sumy, Kyiv and Rivne regions as well as the city of Kyiv itself",
        ["UA-59", "UA-32", "UA-56", "UA-30"],
    ),
    ("hotlines in Lviv, Kyiv and Odesa", ["UA-46", "UA-30", "UA-51"]),
    ("Donetska and Luhanska oblasts", ["UA-14", "UA-09"]),
]

NEGATIVES = [
    "Kyivstar, a mobile operator, sponsored the campaign.",
    "The Sumyna family testified.",
    "a sumy of money",
    "Georgia and Moldova signed the agreement.",
    "Ukraine adopted a national programme.",
    "Victims were found in the Dnipro River basin.",
    "UKRAINE, 3 May 2010",
    "Lesya Ukrainka Boulevard",
    "Uzhgorodian",
    "Simferopolis",
    "kyiv odesa lviv",
]

DATELINES = [
    ("DONETSK, Ukraine, 13 May 2013 – Twenty officers", "UA-14", "DONETSK"),
    ("IVANO-FRANKIVSK, 2 March 2010 – A seminar", "UA-26", "IVANO-FRANKIVSK"),
    ("ODESA, Ukraine, 2 March 2010 – Forty police officers", "UA-51", "ODESA"),
    ("UZHHOROD, 5 June 2008 - Border guards", "UA-21", "UZHHOROD"),
    ("Kharkiv, 9 July 2012 – A round table", "UA-63", "Kharkiv"),
    ("12 October 2021, Chernivtsi – Social workers", "UA-77", "Chernivtsi"),
]


def find_regions(texts: list[str], *args: Any) -> Any:
    """`find_regions` over a body of these block texts."""
    return _find_regions(Body(texts), *args)


def _cases(table: Mapping[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    return [(name, code) for code, names in table.items() for name in names]


def _codes(text: str) -> list[str]:
    return [match.code for match in match_regions(text)]


class TestSpellings:
    @pytest.mark.parametrize(("name", "code"), _cases(REGION_SPELLINGS))
    def test_region_spelling(self, name: str, code: str) -> None:
        """Every spelling of a region's name, alone in a sentence, names that region."""
        assert _codes(f"A round table was held in {name} on Monday.") == [code]

    @pytest.mark.parametrize(
        ("name", "code"),
        [
            *[(n, c) for n, c in _cases(REGION_SPELLINGS) if c not in {"UA-40", "UA-43"}],
            ("Kyiv", "UA-32"),
            ("Kiev", "UA-32"),
        ],
    )
    def test_region_spelling_before_oblast(self, name: str, code: str) -> None:
        """Every spelling of an oblast's name before "oblast" names that oblast."""
        assert _codes(f"Social workers from {name} oblast were trained.") == [code]

    @pytest.mark.parametrize(("name", "code"), _cases(CITIES))
    def test_city_counts_for_its_region(self, name: str, code: str) -> None:
        """A city or town names the region it lies in."""
        assert _codes(f"A shelter opened in {name} last year.") == [code]

    @pytest.mark.parametrize(("name", "code"), _cases(REGION_SPELLINGS)[::3] + _cases(CITIES)[::4])
    def test_capitals(self, name: str, code: str) -> None:
        """A name in capitals, as in a dateline, names the same region."""
        assert _codes(f"{name.upper()}, 4 May 2011 – A seminar") == [code]

    @pytest.mark.parametrize(("text", "code", "surface"), DATELINES)
    def test_dateline(self, text: str, code: str, surface: str) -> None:
        """The place of a dateline is a mention of its region."""
        (match,) = match_regions(text)
        assert (match.code, match.surface) == (code, surface)

    def test_longest_name_wins(self) -> None:
        """A longer name is preferred to a name it starts with."""
        found = match_regions("She lives in the Autonomous Republic of Crimea.")
        assert [(m.code, m.surface) for m in found] == [("UA-43", "Autonomous Republic of Crimea")]

    def test_typographic_apostrophe(self) -> None:
        """A spelling with an apostrophe also matches with a curly one."""
        assert _codes("Officials from Kharkivs’ka oblast") == ["UA-63"]


class TestKyiv:
    @pytest.mark.parametrize(("text", "codes"), KYIV_CASES)
    def test_city_or_oblast(self, text: str, codes: list[str]) -> None:
        """Kyiv alone is the city; with "region"/"oblast" or "regions of" it is the oblast."""
        assert _codes(text) == codes


class TestLists:
    @pytest.mark.parametrize(("text", "codes"), LIST_CASES)
    def test_plural_gives_every_name_the_region_sense(self, text: str, codes: list[str]) -> None:
        """A plural "regions"/"oblasts" after a list makes each of its names a region."""
        assert _codes(text) == codes


class TestNegatives:
    @pytest.mark.parametrize("text", NEGATIVES)
    def test_no_region(self, text: str) -> None:
        """Names inside words, lower-case words, other states and Ukraine name no region."""
        assert match_regions(text) == []

    def test_empty_text(self) -> None:
        """An empty text names no region."""
        assert match_regions("") == []
        assert find_regions([]) == ()


class TestFindRegions:
    BLOCKS = (
        "ODESSA, Ukraine, 2 May 2009 – Police from Odesa and Mykolaiv met.",
        "A hotline in Kiev serves callers from Izmail and the Mykolaiv region.",
        "",
    )

    def test_one_region_per_code_in_order_of_first_mention(self) -> None:
        """Each region appears once, in the order of its first mention."""
        found = find_regions(self.BLOCKS)
        assert [r.code for r in found] == ["UA-51", "UA-48", "UA-30"]

    def test_names_come_from_the_gazetteer(self) -> None:
        """A region's name is its English name, not its spelling in the text."""
        assert [r.name for r in find_regions(self.BLOCKS)] == [
            "Odesa Oblast",
            "Mykolaiv Oblast",
            "Kyiv",
        ]

    def test_mentions_keep_every_spelling(self) -> None:
        """Every mention keeps its surface, block and offset."""
        odesa = find_regions(self.BLOCKS)[0]
        assert odesa.mentions == (
            Mention(text="ODESSA", block=0, start=0),
            Mention(text="Odesa", block=0, start=42),
            Mention(text="Izmail", block=1, start=38),
        )
        assert odesa.surface_forms == ("ODESSA", "Odesa", "Izmail")

    def test_offsets_point_at_the_surface(self) -> None:
        """Every mention's offset points at its text in its block."""
        for region in find_regions(self.BLOCKS):
            for mention in region.mentions:
                block = self.BLOCKS[mention.block]
                assert block[mention.start : mention.start + len(mention.text)] == mention.text

    def test_match_offsets(self) -> None:
        """A match's start and end delimit its surface."""
        text = "Trainers from Kryvyi Rih and Lviv's NGOs"
        for match in match_regions(text):
            assert text[match.start : match.end] == match.surface
        assert [m.surface for m in match_regions(text)] == ["Kryvyi Rih", "Lviv"]


@pytest.fixture
def freedonia(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The gazetteer with a made-up country's regions, as another data file would add."""
    extra = {
        "FD-CY": gazetteer.RegionEntry(
            code="FD-CY", name="Freedonsk", country="FD", type="city", names=("Freedonsk",)
        ),
        "FD-01": gazetteer.RegionEntry(
            code="FD-01",
            name="Sylvansk Oblast",
            country="FD",
            type="oblast",
            names=("Sylvansk",),
            cities=("Ostrovetsk",),
        ),
    }
    regions = {**gazetteer.regions(), **extra}
    monkeypatch.setattr(gazetteer, "regions", lambda: regions)
    _regions._table.cache_clear()
    _regions._index.cache_clear()
    yield
    _regions._table.cache_clear()
    _regions._index.cache_clear()


class TestData:
    @pytest.mark.usefixtures("freedonia")
    def test_another_country_needs_only_data(self) -> None:
        """Regions added to the gazetteer are found without a change of code."""
        assert _codes("From Freedonsk, Ostrovetsk and Odesa") == ["FD-CY", "FD-01", "UA-51"]
