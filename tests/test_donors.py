"""Finding donors in body text: funding cues, lists of funders, state organs, non-donors."""

from __future__ import annotations

from typing import Any

import pytest

from osce_thb._body import Body
from osce_thb._donors import find_donors as _find_donors
from osce_thb._donors import match_donors
from osce_thb.model import Donor, Mention

FUNDED = [
    # (sentence, [(name, country, surface), ...])
    (
        "The shelter opened in 2015 with funding from Austria, Belgium, Finland and Luxembourg.",
        [
            ("Austria", "AT", "Austria"),
            ("Belgium", "BE", "Belgium"),
            ("Finland", "FI", "Finland"),
            ("Luxembourg", "LU", "Luxembourg"),
        ],
    ),
    (
        "The handbook was funded by Canada, Iceland, Norway, and Sweden.",
        [
            ("Canada", "CA", "Canada"),
            ("Iceland", "IS", "Iceland"),
            ("Norway", "NO", "Norway"),
            ("Sweden", "SE", "Sweden"),
        ],
    ),
    (
        "The survey was printed with financial assistance from the Danish Foreign Ministry.",
        [("Denmark", "DK", "the Danish Foreign Ministry")],
    ),
    (
        "The mobile team is supported by the Government of Canada.",
        [("Canada", "CA", "the Government of Canada")],
    ),
    (
        "Their study tour was financed by the US State Department.",
        [("United States", "US", "the US State Department")],
    ),
    (
        "The guidebook appeared with the support of the European Union.",
        [("European Union", None, "the European Union")],
    ),
    (
        "The campaign ran thanks to the generous contribution of Norway.",
        [("Norway", "NO", "Norway")],
    ),
    (
        "It is implemented with extra-budgetary contributions from Poland and the Netherlands.",
        [("Poland", "PL", "Poland"), ("Netherlands", "NL", "the Netherlands")],
    ),
    (
        "The essay contest is sponsored by the Czech Republic.",
        [("Czechia", "CZ", "the Czech Republic")],
    ),
    (
        "Training was financed by the US Agency for International Development (USAID) and Japan.",
        [
            ("United States", "US", "the US Agency for International Development"),
            ("Japan", "JP", "Japan"),
        ],
    ),
    (
        "The hotline is supported by USAID and UNICEF.",
        [("United States", "US", "USAID"), ("UNICEF", None, "UNICEF")],
    ),
    (
        "Leaflets were printed with support from UNDP, IOM and UN Women.",
        [("UNDP", None, "UNDP"), ("IOM", None, "IOM"), ("UN Women", None, "UN Women")],
    ),
    (
        "The workshop was supported by the Embassy of Switzerland in Ukraine.",
        [("Switzerland", "CH", "the Embassy of Switzerland in Ukraine")],
    ),
    (
        "It was co-funded by the Governments of Canada and the United States of America.",
        [
            ("Canada", "CA", "the Governments of Canada"),
            ("United States", "US", "the United States of America"),
        ],
    ),
    (
        "The centre opened thanks to a grant from the Open Horizons Foundation.",
        [("Open Horizons Foundation", None, "the Open Horizons Foundation")],
    ),
    (
        "Funding was provided by the Ministry of Foreign Affairs of Finland and Türkiye.",
        [
            ("Finland", "FI", "the Ministry of Foreign Affairs of Finland"),
            ("Türkiye", "TR", "Türkiye"),
        ],
    ),
    (
        "An EU-funded project met a Swiss-financed one.",
        [("European Union", None, "EU"), ("Switzerland", "CH", "Swiss")],
    ),
    (
        "Germany and Japan funded the new hotline.",
        [("Germany", "DE", "Germany"), ("Japan", "JP", "Japan")],
    ),
    (
        "Since 2010 Ireland has provided funding for the programme.",
        [("Ireland", "IE", "Ireland")],
    ),
    (
        "The film was made possible by the Norwegian government.",
        [("Norway", "NO", "the Norwegian government")],
    ),
    (
        "The round table was funded by the Ministry of Social Policy of Georgia.",
        [("Georgia", "GE", "the Ministry of Social Policy of Georgia")],
    ),
    (
        "The meeting was held with the support of the US Mission to the OSCE.",
        [("United States", "US", "the US Mission to the OSCE")],
    ),
    (
        "The project received support from the EU.",
        [("European Union", None, "the EU")],
    ),
    (
        "Donors include Estonia and the Slovak Republic.",
        [("Estonia", "EE", "Estonia"), ("Slovakia", "SK", "the Slovak Republic")],
    ),
    (
        "The handbook is financially supported by Malta.",
        [("Malta", "MT", "Malta")],
    ),
    (
        "The camp, supported by Sweden's Sida, hosted 30 teenagers.",
        [("Sweden", "SE", "Sweden's Sida")],
    ),
    (
        "The shelter was equipped with assistance from the people of Japan.",
        [("Japan", "JP", "the people of Japan")],
    ),
    (
        "Co-financed by Spain, the study covers five regions.",
        [("Spain", "ES", "Spain")],
    ),
    (
        "Funded by the British Embassy in Kyiv, the course trained 40 judges.",
        [("United Kingdom", "GB", "the British Embassy in Kyiv")],
    ),
]

NOT_FUNDED = [
    "Material was also sent to regional NGOs in Ukraine, Moldova and Belarus.",
    "The conference started with the support of the OSCE Project Co-ordinator in Ukraine.",
    "Training is supported by the OSCE Mission to Moldova and ODIHR, and is run by NGOs.",
    "The Office for Democratic Institutions and Human Rights sponsored the debate.",
    "An OSCE-supported seminar took place.",
    "The OSCE funded the study.",
    "The round table was supported by the Ministry of Social Policy.",
    "The plan was adopted in support of Ukraine's efforts to identify victims.",
    "Victims received assistance from social workers in Odesa.",
    "Police officers from Germany and Austria shared their experience.",
    "The raid succeeded with the help of Ukrainian police.",
    "The shelters are funded by the state budget.",
    "The law passed thanks to the efforts of Georgia.",
    "Denmark, Germany and Ireland took part in the meeting.",
    "Experts were supported by local authorities.",
    "The donor conference took place in Vienna.",
    "Victims received assistance from IOM and the Red Cross.",
    "Support from Norway is discussed in the annex.",
    "The Danish expert was supported by colleagues.",
]


def find_donors(texts: list[str], *args: Any) -> Any:
    """`find_donors` over a body of these block texts."""
    return _find_donors(Body(texts), *args)


def _matches(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.name, m.country, m.surface) for m in match_donors(text)]


class TestFundingCues:
    @pytest.mark.parametrize(("text", "expected"), FUNDED)
    def test_funders_are_donors(
        self, text: str, expected: list[tuple[str, str | None, str]]
    ) -> None:
        """Every name in the list after (or before) a funding cue is a donor."""
        assert _matches(text) == expected

    @pytest.mark.parametrize(("text", "expected"), FUNDED)
    def test_offsets_point_at_the_surface(
        self, text: str, expected: list[tuple[str, str | None, str]]
    ) -> None:
        """A match's start and end delimit its surface in the text."""
        for match in match_donors(text):
            assert text[match.start : match.end] == match.surface


class TestNonDonors:
    @pytest.mark.parametrize("text", NOT_FUNDED)
    def test_no_donor(self, text: str) -> None:
        """States named for other reasons, the OSCE and domestic partners are not donors."""
        assert match_donors(text) == []

    def test_osce_in_a_list_is_skipped(self) -> None:
        """The OSCE in a list of supporters is skipped; the others remain donors."""
        text = "The forum was supported by the OSCE Project Co-ordinator and the Embassy of Italy."
        assert _matches(text) == [("Italy", "IT", "the Embassy of Italy")]

    def test_empty_text(self) -> None:
        """An empty text names no donor."""
        assert match_donors("") == []
        assert find_donors([]) == ()


class TestFindDonors:
    BLOCKS = (
        "The hotline, funded by Denmark and the European Union, opened in 2012.",
        "Ukraine, Moldova and Belarus took part.",
        "Its second year was paid for by the Danish Foreign Ministry.",
    )

    def test_one_donor_per_key_in_order_of_first_mention(self) -> None:
        """A state named in two ways is one donor; donors come in order of first mention."""
        assert find_donors(self.BLOCKS) == (
            Donor(
                name="Denmark",
                country="DK",
                mentions=(
                    Mention(text="Denmark", block=0, start=23),
                    Mention(text="the Danish Foreign Ministry", block=2, start=32),
                ),
            ),
            Donor(
                name="European Union",
                mentions=(Mention(text="the European Union", block=0, start=35),),
            ),
        )

    def test_keys(self) -> None:
        """A state's key is its code; an organisation's, its name."""
        assert [d.key for d in find_donors(self.BLOCKS)] == ["DK", "European Union"]


@pytest.mark.parametrize(
    ("agency", "country"),
    [
        ("the Canadian International Development Agency", "CA"),
        ("the Swiss Agency for Development and Cooperation", "CH"),
        ("the Austrian Development Agency", "AT"),
        ("the Norwegian Agency for Development Cooperation", "NO"),
        ("the United States Agency for International Development", "US"),
    ],
)
def test_a_development_agency_by_its_full_name_is_its_state(agency: str, country: str) -> None:
    """The agencies of the organisation data count for their states, written in full too."""
    (donor,) = find_donors([f"The Vorsk shelter was funded by {agency}."])
    assert donor.country == country


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("The Vorsk Foreign Ministry of Norway is funding the courses.", ["NO"]),
        ("The Swedish government was financing the shelter until 2015.", ["SE"]),
        ("Denmark and the EU have paid for the hotline.", ["DK", "European Union"]),
        # Negatives: a gerund with no auxiliary names no funder, nor does a passive "paid for by"
        # name its subject.
        ("Funding the shelter was hard for Norway.", []),
        ("Officials discussed financing the hotline with Sweden.", []),
        ("The trainers were paid for by Denmark.", ["DK"]),
    ],
)
def test_funders_before_a_verb_in_ing_or_paid_for(text: str, keys: list[str]) -> None:
    assert [donor.key for donor in find_donors([text])] == keys
