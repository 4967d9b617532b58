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
