"""Datelines in every style real copies use, and lines that only look like one."""

from __future__ import annotations

import datetime as dt

import pytest

import osce_thb
from osce_thb import Dateline

STYLES = [
    (
        "ODESA, Ukraine, 2 March 2010 – Forty police officers met.",
        Dateline(
            place="Odesa",
            country="Ukraine",
            date=dt.date(2010, 3, 2),
            text="ODESA, Ukraine, 2 March 2010 –",
        ),
    ),
    (
        "VILNIUS, 4 May 2011 - An OSCE-supported seminar opened.",
        Dateline(place="Vilnius", date=dt.date(2011, 5, 4), text="VILNIUS, 4 May 2011 -"),
    ),
    (
        "VIENNA, 3 May 2012 — Experts met.",
        Dateline(place="Vienna", date=dt.date(2012, 5, 3), text="VIENNA, 3 May 2012 —"),
    ),
    (
        "TIRANA, 7 June 2016 –The training began.",
        Dateline(place="Tirana", date=dt.date(2016, 6, 7), text="TIRANA, 7 June 2016 –"),
    ),
    (
        "TBILISI/BATUMI, 9 July 2012 - Two seminars ended.",
        Dateline(
            place="Tbilisi/Batumi", date=dt.date(2012, 7, 9), text="TBILISI/BATUMI, 9 July 2012 -"
        ),
    ),
    (
        "12 October 2021, Chisinau – Judges met.",
        Dateline(place="Chisinau", date=dt.date(2021, 10, 12), text="12 October 2021, Chisinau –"),
    ),
    (
        "Skopje, 3 April 2022 (MIA) – Police met.",
        Dateline(place="Skopje", date=dt.date(2022, 4, 3), text="Skopje, 3 April 2022 (MIA) –"),
    ),
    ("(OSCE KYIV) - Lawyers met.", Dateline(place="Kyiv", text="(OSCE KYIV) -")),
    ("VIENNA - Thirty experts met.", Dateline(place="Vienna", text="VIENNA -")),
    (
        "KYIV 18 November 2002 - Officials met.",
        Dateline(place="Kyiv", date=dt.date(2002, 11, 18), text="KYIV 18 November 2002 -"),
    ),
    (
        "SYLVANSK, 2 MARCH 2015 –The training began.",
        Dateline(place="Sylvansk", date=dt.date(2015, 3, 2), text="SYLVANSK, 2 MARCH 2015 –"),
    ),
    (
        "Ostrov (Agency) – Officials of the city met the police today.",
        Dateline(place="Ostrov", text="Ostrov (Agency) –"),
    ),
    (
        "SYLVANSK. NEWSWIRE – Officials of the city met the police today.",
        Dateline(place="Sylvansk", text="SYLVANSK. NEWSWIRE –"),
    ),
    (
        "SYLVANSK. NEWSWIRE 16 officials met the police today.",
        Dateline(place="Sylvansk", text="SYLVANSK. NEWSWIRE"),
    ),
    (
        "KYIV- Officials met.",
        Dateline(place="Kyiv", text="KYIV-"),
    ),
    (
        "IVANO-FRANKIVSK, Ukraine, May 3, 2012 -- Teachers met.",
        Dateline(
            place="Ivano-Frankivsk",
            country="Ukraine",
            date=dt.date(2012, 5, 3),
            text="IVANO-FRANKIVSK, Ukraine, May 3, 2012 --",
        ),
    ),
]

NOT_DATELINES = [
    "On 12 May 2014 - the day of the vote - judges met.",
    "OSCE - a security organization - held a seminar.",
    "Training – the first step – was discussed.",
    "KYIV, 31 February 2013 – No such day.",
    "Tackling trafficking is a priority.",
    "OSZE-Koordinatorin besucht die Ukraine.",  # a hyphen inside a word is no dash
    "NGO-run shelters opened in Sylvansk.",
    "Ana Kovac (Sweden) – Chair of the committee on trafficking issues.",  # a list of people
    "Ana (OSCE) – Chair of the committee on trafficking issues in the region.",  # an acronym
    "The Mission (OMiK) – which opened in 1999 – trains the police.",
    "Sylvansk (FNA) – Police met.",  # too short a sentence for a lead
    "KYIV. OSCE experts met today.",  # an acronym is no agency
]


class TestDateline:
    @pytest.mark.parametrize(("paragraph", "expected"), STYLES)
    def test_styles(self, paragraph: str, expected: Dateline) -> None:
        """Each dateline style gives place, country and date; the paragraph stays whole."""
        doc = osce_thb.parse("A title\n" + paragraph)
        assert doc.dateline == expected
        assert doc.body[0].text == paragraph
        assert doc.published == expected.date

    @pytest.mark.parametrize("paragraph", NOT_DATELINES)
    def test_not_datelines(self, paragraph: str) -> None:
        """Sentences that open with a date, an acronym or a dash are not datelines."""
        assert osce_thb.parse("A title\n" + paragraph).dateline is None

    def test_dateline_in_a_later_paragraph(self) -> None:
        """A summary paragraph may come first; the dateline leads the next one."""
        text = "A title\nA short summary of the news.\nKYIV, 19 June 2015 - Officials met."
        doc = osce_thb.parse(text)
        assert doc.dateline is not None
        assert doc.dateline.place == "Kyiv"


class TestCopiesDatelines:
    def test_glued_after_a_word(self) -> None:
        """A caption that ends in a word runs into the dateline: it is split off."""
        doc = osce_thb.parse(
            "Training in Sylvansk\n"
            "Officers at the shelter in JulyVILNIUS, 8 July 2019 – The training began."
        )
        assert [block.text for block in doc.body] == [
            "Officers at the shelter in July",
            "VILNIUS, 8 July 2019 – The training began.",
        ]
        assert doc.dateline is not None and doc.dateline.place == "Vilnius"

    def test_a_place_after_a_space_is_not_glued(self) -> None:
        """A place in capitals inside a sentence is no glued dateline."""
        doc = osce_thb.parse(
            "Training in Sylvansk\nThe officers met in 2019 in SYLVANSK, 8 July 2019 - and left."
        )
        assert doc.dateline is None

    def test_agency_layout(self) -> None:
        """An agency's dateline on a line of its own takes its year from the stamp above."""
        doc = osce_thb.parse(
            "Freedonia ready to co-operate with the OSCE on trafficking\n"
            "Politics Materials 16 December 2017 12:33 (UTC +04:00)\n"
            "Sylvansk, Freedonia, Dec. 16\n"
            "By A Reporter – Newswire:\n"
            "Freedonia stands ready to continue its co-operation with the OSCE."
        )
        assert doc.dateline == Dateline(
            place="Sylvansk",
            country="Freedonia",
            date=dt.date(2017, 12, 16),
            text="Sylvansk, Freedonia, Dec. 16",
        )
        assert doc.published == dt.date(2017, 12, 16)
        assert doc.kind is osce_thb.DocumentKind.PRESS_RELEASE
        assert [block.text for block in doc.body][:2] == [
            "Sylvansk, Freedonia, Dec. 16",
            "By A Reporter – Newswire:",
        ]
        assert [line.text for line in doc.unparsed] == [
            "Politics Materials 16 December 2017 12:33 (UTC +04:00)"
        ]

    def test_agency_layout_across_the_new_year(self) -> None:
        """A day after the stamp's date is last year's."""
        doc = osce_thb.parse(
            "Freedonia ready to co-operate with the OSCE on trafficking\n"
            "2 January 2018 09:00\n"
            "Sylvansk, Dec. 30\n"
            "Freedonia stands ready to continue its co-operation with the OSCE."
        )
        assert doc.dateline is not None and doc.dateline.date == dt.date(2017, 12, 30)

    def test_agency_layout_without_a_year(self) -> None:
        """With no date on the page, the agency's dateline has a place and no date."""
        doc = osce_thb.parse(
            "Freedonia ready to co-operate with the OSCE on trafficking\n"
            "Sylvansk, Freedonia, Dec. 16\n"
            "Freedonia stands ready to continue its co-operation with the OSCE."
        )
        assert doc.dateline == Dateline(
            place="Sylvansk", country="Freedonia", text="Sylvansk, Freedonia, Dec. 16"
        )
        assert doc.published is None

    def test_a_day_is_no_agency_dateline(self) -> None:
        """A weekday and a month on a line of their own are a day of a programme, not a place."""
        doc = osce_thb.parse(
            "Freedonia hosts a conference on trafficking in Sylvansk\n"
            "2 January 2018 09:00\n"
            "Tuesday, June 19\n"
            "The conference opens in the morning and closes at night."
        )
        assert doc.dateline is None

    def test_agency_layout_reads_back(self) -> None:
        """The page written back gives the same dateline: the year comes from the date bullet."""
        doc = osce_thb.parse(
            "Freedonia ready to co-operate with the OSCE on trafficking\n"
            "16 December 2017 12:33 (UTC +04:00)\n"
            "Sylvansk, Freedonia, Dec. 16\n"
            "Freedonia stands ready to continue its co-operation with the OSCE."
        )
        again = osce_thb.parse(osce_thb.render(doc))
        assert (again.dateline, again.published, again.body) == (
            doc.dateline,
            doc.published,
            doc.body,
        )
