"""NRM rollout phases read from made-up sentences, and the merged rollout timeline."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import osce_thb
from osce_thb import NrmPhase, PhaseStage, PhaseStatus, _chart, _export
from osce_thb._body import Body
from osce_thb._donors import find_donors
from osce_thb._phases import find_phases as _find_phases
from osce_thb._regions import find_regions

DATE = dt.date(2016, 11, 2)

# (sentence(s) of one paragraph, expected (stage, status, start, end, regions, donors) per phase)
PHASES = [
    (
        "The referral mechanism (NRM) was introduced after piloting in Poltava and Sumy regions.",
        [(PhaseStage.PILOT, PhaseStatus.COMPLETED, None, None, ("UA-53", "UA-59"), ())],
    ),
    (
        "From 2014 to 2015, the NRM was set up in Lviv, Ternopil and Rivne oblasts,"
        " with funding from Norway and Switzerland.",
        [
            (
                PhaseStage.EXPANSION,
                PhaseStatus.COMPLETED,
                2014,
                2015,
                ("UA-46", "UA-61", "UA-56"),
                ("NO", "CH"),
            )
        ],
    ),
    (
        "The National Referral Mechanism now operates in Odesa region. The 2017 efforts are"
        " expected to cover Kherson and Mykolaiv regions.",
        [
            (PhaseStage.EXPANSION, PhaseStatus.COMPLETED, None, None, ("UA-51",), ()),
            (PhaseStage.EXPANSION, PhaseStatus.PLANNED, 2017, 2017, ("UA-65", "UA-48"), ()),
        ],
    ),
    (
        "Since 2015 the NRM is being extended to Cherkasy region, funded by the European Union.",
        [
            (
                PhaseStage.EXPANSION,
                PhaseStatus.ONGOING,
                2015,
                None,
                ("UA-71",),
                ("European Union",),
            )
        ],
    ),
    (
        "Next year the NRM will be rolled out in Chernihiv region.",
        [(PhaseStage.EXPANSION, PhaseStatus.PLANNED, 2017, 2017, ("UA-74",), ())],
    ),
    (
        "By 2018 the NRM is to function nationwide.",
        [(PhaseStage.NATIONAL, PhaseStatus.PLANNED, None, 2018, (), ())],
    ),
    # Other countries, and other names of the mechanism.
    (
        "The National Referral System was piloted in Cahul district in 2006.",
        [(PhaseStage.PILOT, PhaseStatus.COMPLETED, 2006, 2006, ("MD-CA",), ())],
    ),
    (
        "The NRM was introduced in Republika Srpska and Brčko District in 2014.",
        [(PhaseStage.EXPANSION, PhaseStatus.COMPLETED, 2014, 2014, ("BA-SRP", "BA-BRC"), ())],
    ),
    (
        "In 2015 the NRS was extended to Bălți and Ungheni, funded by Sweden.",
        [(PhaseStage.EXPANSION, PhaseStatus.COMPLETED, 2015, 2015, ("MD-BA", "MD-UN"), ("SE",))],
    ),
    (
        "Next year the referral mechanism will be piloted in Osh and Jalal-Abad provinces.",
        [(PhaseStage.PILOT, PhaseStatus.PLANNED, 2017, 2017, ("KG-O", "KG-J"), ())],
    ),
    (
        # A place without a code is no region of a phase.
        "The NRM was piloted in Prizren, Kosovo, and in Tetovo in 2012.",
        [(PhaseStage.PILOT, PhaseStatus.COMPLETED, 2012, 2012, ("MK-609",), ())],
    ),
]

NO_PHASES = [
    # Regions, but no mechanism in sight.
    "Training seminars were held in Lviv and Rivne regions in 2015.",
    # The mechanism, but no region and no national scope.
    "The NRM is an inter-agency model for assisting victims.",
    # A follow-up sentence without regions does not continue a phase.
    "The NRM was piloted in Sumy region. Since then 40 people have received help.",
]


def find_phases(texts: list[str], published: dt.date) -> tuple[NrmPhase, ...]:
    body = Body(texts, published=published)
    return _find_phases(body, find_regions(body), find_donors(body))


def _codes(phase: NrmPhase) -> tuple[str | None, ...]:
    return tuple(region.code for region in phase.regions)


def _summary(phase: NrmPhase) -> tuple[object, ...]:
    keys = tuple(donor.key for donor in phase.donors)
    return (phase.stage, phase.status, phase.start, phase.end, _codes(phase), keys)


class TestFindPhases:
    @pytest.mark.parametrize(("text", "expected"), PHASES)
    def test_phrasings(self, text: str, expected: list[tuple[object, ...]]) -> None:
        """Each phrasing gives its stage, status, years, regions and donors."""
        assert [_summary(p) for p in find_phases([text], DATE)] == expected

    @pytest.mark.parametrize("text", NO_PHASES)
    def test_no_phase(self, text: str) -> None:
        """Sentences without both the mechanism and a scope give only what they say."""
        phases = find_phases([text], DATE)
        assert [_codes(p) for p in phases] in ([], [("UA-59",)])

    def test_status_from_years_without_tense_words(self) -> None:
        """A phase that ends before the document's year is completed; one after is planned."""
        early = find_phases(["In 2010-2011 the NRM covered Sumy region."], DATE)
        late = find_phases(["In 2019-2020 the NRM covers Sumy region."], DATE)
        assert (early[0].status, late[0].status) == (PhaseStatus.COMPLETED, PhaseStatus.PLANNED)

    def test_mentions_point_at_the_sentence(self) -> None:
        """A phase's mention is its sentence, with block index and offset."""
        texts = ["Intro.", "First. The NRM was piloted in Sumy region."]
        (phase,) = find_phases(texts, DATE)
        mention = phase.mentions[0]
        assert (mention.block, mention.start) == (1, 7)
        assert texts[1][mention.start :].startswith(mention.text)


class TestRollout:
    def _doc(self, title: str, text: str, published: dt.date) -> osce_thb.Document:
        return osce_thb.parse(f"{title}\nKYIV, {published:%d %B %Y} – {text}")

    def test_merges_and_keeps_disagreements(self) -> None:
        """Two documents that disagree on a region's year both stand in its timeline."""
        first = self._doc("One", "The NRM was piloted in Sumy region in 2012.", dt.date(2013, 1, 5))
        second = self._doc(
            "Two",
            "In 2013 the NRM was set up in Sumy and Poltava regions, with funding from Norway.",
            dt.date(2014, 2, 1),
        )
        timelines = osce_thb.rollout([first, second])
        sumy = next(t for t in timelines if t.code == "UA-59")
        assert [(c.document, c.year, c.stage) for c in sumy.claims] == [
            (0, 2012, PhaseStage.PILOT),
            (1, 2013, PhaseStage.EXPANSION),
        ]
        assert (sumy.joined, sumy.stage, sumy.disputed) == (2012, PhaseStage.PILOT, True)
        poltava = next(t for t in timelines if t.code == "UA-53")
        assert (poltava.joined, poltava.documents) == (2013, (1,))
        assert poltava.donors == (osce_thb.Donor(name="Norway", country="NO"),)
        assert [t.code for t in timelines] == ["UA-59", "UA-53"]

    def test_a_pilot_without_a_year_is_how_a_region_joined(self) -> None:
        """A yearless pilot and a dated expansion: joined in that year, as a pilot."""
        text = (
            "The NRM was piloted in Sumy region. From 2012 to 2013 the NRM was set up in"
            " Sumy and Poltava regions."
        )
        timelines = osce_thb.rollout([self._doc("Both", text, dt.date(2014, 1, 1))])
        poltava, sumy = timelines  # same year: in code order
        assert (sumy.code, sumy.joined, sumy.stage) == ("UA-59", 2012, PhaseStage.PILOT)
        assert (poltava.code, poltava.joined, poltava.stage) == (
            "UA-53",
            2012,
            PhaseStage.EXPANSION,
        )

    def test_regions_of_several_countries_are_grouped_by_country(self) -> None:
        """A corpus about several countries: the rows of each country come together."""
        moldova = self._doc(
            "MD",
            "In 2008 the National Referral System was piloted in Cahul district. In 2016"
            " the NRS was extended to Bălți.",
            dt.date(2017, 1, 1),
        )
        sumy = "The NRM was piloted in Sumy region in 2012."
        ukraine = self._doc("UA", sumy, dt.date(2013, 1, 5))
        srpska = self._doc(
            "Srpska", "In 2014 the NRM was set up in Republika Srpska.", dt.date(2015, 1, 5)
        )
        timelines = osce_thb.rollout([ukraine, moldova, srpska])
        assert {t.code for t in timelines} == {"MD-CA", "MD-BA", "UA-59", "BA-SRP"}
        ordered = [t.code for t in _export.rollout_order(timelines)]
        assert ordered == ["MD-CA", "MD-BA", "UA-59", "BA-SRP"]
        svg = _chart.rollout_svg(timelines, ["a", "b", "c"])
        assert "Moldova" in svg and "Bosnia and Herzegovina" in svg

    def test_planned_regions_have_no_join_year(self) -> None:
        """A region known only from plans has not joined yet."""
        doc = self._doc("Plan", "Next year the NRM will cover Sumy region.", dt.date(2015, 3, 3))
        (sumy,) = osce_thb.rollout([doc])
        assert (sumy.joined, sumy.stage, sumy.claims[0].year) == (None, None, 2016)


def test_mechanism_found_as_the_pattern_finds_it() -> None:
    """`_mechanism_at` tries the pattern only where it can start, and finds what a scan finds."""
    from osce_thb import _phases
    from osce_thb._body import starts_word

    texts = [
        "NRM NRMs NRSs xNRM national referral mechanism National\treferral systems",
        "Referral Mechanism; national Referral mechanisms, nationalreferral mechanism",
        "the national  referral mechanism, Anational referral mechanism, referral mechanismX",
        "NRMNRM, a referral, eferral, national referral, a National Referral System (NRS).",
        "",
    ]
    for text in texts:
        scanned = [m.start() for m in _phases._NRM().finditer(text) if starts_word(text, m.start())]
        assert _phases._mechanism_at(text) == scanned, text


class TestTheRolloutGoesOn:
    """Sentences that carry a paragraph's rollout on, and pilot areas named on their own."""

    def test_a_later_sentence_with_a_rollout_word_continues_the_paragraph(self) -> None:
        text = (
            "In 2009-2011 the NRM was piloted in Sumy and Poltava regions."
            " The work focused on training judges and social workers."
            " The experience will be replicated at the national level starting 2015 onwards."
        )
        found = [_summary(p) for p in find_phases([text], dt.date(2011, 6, 1))]
        assert found == [
            (PhaseStage.PILOT, PhaseStatus.COMPLETED, 2009, 2011, ("UA-59", "UA-53"), ()),
            (PhaseStage.NATIONAL, PhaseStatus.PLANNED, 2015, None, (), ()),
        ]

    def test_a_later_sentence_without_a_rollout_word_does_not(self) -> None:
        text = (
            "The NRM was piloted in Sumy region in 2010."
            " Judges talked to students."
            " Participants came from Lviv and Rivne regions."
        )
        found = find_phases([text], dt.date(2011, 6, 1))
        assert [_codes(p) for p in found] == [("UA-59",)]

    def test_pilot_areas_named_on_their_own_in_a_document_about_the_mechanism(self) -> None:
        texts = [
            "Officials discussed a National Referral Mechanism (NRM) for the country.",
            "Work will follow in two pilot regions, Sumy and Poltava, as well as nationally.",
        ]
        found = [_summary(p) for p in find_phases(texts, dt.date(2011, 6, 1))]
        assert found == [
            (PhaseStage.PILOT, PhaseStatus.PLANNED, None, None, ("UA-59", "UA-53"), ())
        ]

    def test_pilot_areas_in_a_document_that_never_names_the_mechanism_are_no_phase(self) -> None:
        texts = ["Work will follow in two pilot regions, Sumy and Poltava."]
        assert find_phases(texts, dt.date(2011, 6, 1)) == ()

    def test_past_support_of_a_pilot_is_completed_in_its_last_year(self) -> None:
        text = "In 2009-2011 the Mission supported piloting of the NRM in Sumy region."
        (phase,) = find_phases([text], dt.date(2011, 11, 1))
        assert phase.status is PhaseStatus.COMPLETED


class TestWhatAPhaseNames:
    """A phase names the document's own regions and donors, as objects without mentions."""

    TEXT = (
        "Referral work goes on\nKYIV, 1 May 2015 – In 2014 the NRM was set up in Sumy and"
        " Poltava regions with funding from Norway. Officials welcomed it."
    )

    def test_the_documents_regions_and_donors_without_mentions(self) -> None:
        document = osce_thb.parse(self.TEXT)
        (phase,) = document.nrm_phases
        regions = {region.code: region for region in document.regions}
        assert [region.code for region in phase.regions] == ["UA-59", "UA-53"]
        for region in phase.regions:
            assert region == attrs.evolve(regions[region.code], mentions=())
        assert phase.donors == tuple(attrs.evolve(d, mentions=()) for d in document.donors)
        assert [donor.name for donor in phase.donors] == ["Norway"]

    def test_from_code_and_from_country_name_as_the_gazetteer(self) -> None:
        assert osce_thb.Region.from_code("UA-59") == osce_thb.Region(
            code="UA-59", country="UA", name=osce_thb.gazetteer.region("UA-59").name
        )
        assert osce_thb.Donor.from_country("NO") == osce_thb.Donor(name="Norway", country="NO")
        with pytest.raises(osce_thb.ModelError, match="unknown region code 'UA-99'"):
            osce_thb.Region.from_code("UA-99")
        with pytest.raises(osce_thb.ModelError, match="country code 'XX'"):
            osce_thb.Donor.from_country("XX")

    def test_a_phase_refuses_mentions_of_its_regions_and_donors(self) -> None:
        mention = (osce_thb.Mention(text="Sumy", block=0),)
        region = osce_thb.Region(code="UA-59", name="Sumy Oblast", mentions=mention)
        donor = osce_thb.Donor(name="Norway", country="NO", mentions=mention)
        expansion, done = PhaseStage.EXPANSION, PhaseStatus.COMPLETED
        with pytest.raises(osce_thb.ModelError, match="item 0 has mentions"):
            NrmPhase(stage=expansion, status=done, regions=(region,))
        with pytest.raises(osce_thb.ModelError, match="item 0 has mentions"):
            NrmPhase(stage=expansion, status=done, donors=(donor,))
        with pytest.raises(osce_thb.ModelError, match="must have an ISO 3166-2 code"):
            NrmPhase(
                stage=expansion, status=done, regions=(osce_thb.Region(country="XK", name="Peja"),)
            )
