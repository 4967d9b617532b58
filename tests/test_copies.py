"""Copies from other sites: their chrome, headlines, dates and datelines (made-up pages)."""

from __future__ import annotations

import datetime as dt

import pytest

import osce_thb
from osce_thb import DocumentKind, Paragraph
from osce_thb._chrome import Shape, is_prose, shape
from osce_thb._dates import parse_date_line

HEADLINE = "Freedonian police learn to spot victims of trafficking"
LEAD = "SYLVANSK, 4 May 2011 – Forty police officers from Freedonia met today."
TEXT = "The officers met in Sylvansk. They spoke with social workers."


def unparsed(doc: osce_thb.Document) -> list[str]:
    return [line.text for line in doc.unparsed]


# --------------------------------------------------------------------------- above the headline

CHROME_ABOVE = [
    ["Skip to main content"],
    ["Subscribe newsletter"],
    ["Research about the region"],
    ["Local"],
    ["Crime and JusticeNews"],
    ["FREEDONIA DAILY"],
    ["..."],
    ["OSCE Mission to Freedonia"],
    ["Saturday, 9 February 2013"],
    ["• Monday, 03 June 2024"],
    ["May 4, 2021 – May 6, 2021 all-day"],
    ["Politics Materials 12 March 2018 10:15 (UTC +04:00)"],
    ["News", "Local"],
    ["Skip to main content", "SYLVANSK DAILY", "• Saturday, 9 February 2013", "Local"],
    [
        "Questions? Call +1 (555) 010-0100 Login",
        "Trusted News Since 1999",
        "A service for readers · Monday, May 19, 2025 · 8,072 Articles · 3+ Million Readers",
    ],
]


class TestChromeAboveTheHeadline:
    @pytest.mark.parametrize("chrome", CHROME_ABOVE, ids=lambda lines: lines[-1][:30])
    def test_the_headline_is_found_below_the_chrome(self, chrome: list[str]) -> None:
        """Labels, links, stamps and site names above the headline are kept unparsed."""
        doc = osce_thb.parse("\n".join([*chrome, HEADLINE, LEAD, TEXT]))
        assert doc.title == HEADLINE
        assert doc.body[0].text == LEAD
        kept = [line for line in chrome if line.casefold() not in {"news"}]
        assert unparsed(doc) == kept

    def test_headline_repeated_under_a_label(self) -> None:
        """A headline printed twice or three times under a label is the title once."""
        doc = osce_thb.parse(f"Local\n{HEADLINE}\n\n{HEADLINE}\n{HEADLINE}\n{TEXT}")
        assert doc.title == HEADLINE
        assert [block.text for block in doc.body] == [TEXT]
        assert unparsed(doc) == ["Local"]

    def test_a_headline_printed_twice_below_another_line(self) -> None:
        """A line above a headline that is printed twice is chrome, whatever its shape."""
        doc = osce_thb.parse(
            f"A project of the Freedonian Legal Aid Network\n{HEADLINE}\n{HEADLINE}\n{TEXT}"
        )
        assert doc.title == HEADLINE
        assert unparsed(doc) == ["A project of the Freedonian Legal Aid Network"]

    def test_office_name_above_a_short_headline(self) -> None:
        """An office's name is a label even above a short headline, and a caption below."""
        doc = osce_thb.parse(
            "OSCE Office in Sylvansk\n"
            "Combating human trafficking\n"
            "Police officers at a training. (OSCE/Groucho)\n"
            f"{TEXT}"
        )
        assert doc.title == "Combating human trafficking"
        assert doc.body[0].text == "Police officers at a training. (OSCE/Groucho)"
        assert unparsed(doc) == ["OSCE Office in Sylvansk"]

    def test_a_day_and_date_gives_the_date_when_nothing_better_does(self) -> None:
        """A date line above the headline gives the publication date of an undated text."""
        doc = osce_thb.parse(f"• Monday, 03 June 2024\n{HEADLINE}\n{TEXT}")
        assert doc.published == dt.date(2024, 6, 3)

    def test_the_dateline_beats_a_date_above_the_headline(self) -> None:
        """The site's date line (often today's date) gives way to the dateline's date."""
        doc = osce_thb.parse(f"Saturday, 9 February 2013\n{HEADLINE}\n{LEAD}")
        assert doc.published == dt.date(2011, 5, 4)

    def test_kind_label_among_the_chrome(self) -> None:
        """A kind label above the headline still gives the kind."""
        doc = osce_thb.parse(f"Skip to main content\nStories\nLocal\n{HEADLINE}\n{TEXT}")
        assert doc.kind is DocumentKind.STORY
        assert doc.title == HEADLINE


class TestTheHeadlineStays:
    """What is not chrome: the first line stays the title."""

    @pytest.mark.parametrize(
        "page",
        [
            "Hotline opens\nIt is free.",  # a short headline, then the text
            "Hotline opens\nWho calls\nConsultants answer the calls.",  # then a short heading
            f"{HEADLINE}\nA handbook for officers in five regions\n{TEXT}",  # then a subtitle
            "FREEDONIA HOTLINE OPENS\nIt is free.",  # in capitals, alone
            "Local\nIs the hotline free?\nIt is.",  # a short line above a question
        ],
    )
    def test_first_line_is_the_title(self, page: str) -> None:
        """A line is a label only when a headline follows it before the text."""
        doc = osce_thb.parse(page)
        assert doc.title == page.split("\n", 1)[0]
        assert doc.unparsed == ()

    def test_a_label_between_the_headline_and_the_text_is_body(self) -> None:
        """Only lines above the headline are chrome; a line below it is the body's."""
        doc = osce_thb.parse(
            f"Skip to main content\n{HEADLINE}\nPolicing and migration-related crime\n{TEXT}"
        )
        assert doc.title == HEADLINE
        assert doc.body[0].text == "Policing and migration-related crime"


class TestParagraphIsNotTheTitle:
    @pytest.mark.parametrize(
        "first",
        [
            "OSCE experts met in Sylvansk on Monday. They discussed the new hotline",
            "Dr. Kovac met the police in Sylvansk. Twenty officers came.",
            "Forty police officers from every region of Freedonia, social workers and"
            " prosecutors took part in a week-long training course that the OSCE"
            " Mission to Freedonia organized in Sylvansk to help them identify victims"
            " of trafficking and refer them to the services that assist them, the"
            " Mission said in a statement published on its website on Friday",
            "Forty police officers, social workers and prosecutors from all over"
            " Freedonia took part in a training course on identifying victims.",
        ],
    )
    def test_a_paragraph_first_is_body(self, first: str) -> None:
        """Several sentences, or one long one, are the body's first paragraph."""
        doc = osce_thb.parse(f"{first}\n{TEXT}")
        assert doc.title is None
        assert doc.body[0] == Paragraph(text=first)

    def test_a_full_page_title_may_end_in_a_full_stop(self) -> None:
        """Above the metadata bullets, the line is the title whatever it ends with."""
        doc = osce_thb.parse("Press release\nHotline opens.\n- Date: 3 May 2011\nIt is free.")
        assert doc.title == "Hotline opens."
        assert doc.published == dt.date(2011, 5, 3)

    def test_a_sentence_first_is_body(self) -> None:
        """Without metadata below it, a sentence with a full stop is the first paragraph."""
        doc = osce_thb.parse("Hotline opens.\nIt is free.")
        assert doc.title is None
        assert [block.text for block in doc.body] == ["Hotline opens.", "It is free."]


class TestMachineDate:
    def test_before_the_first_paragraph(self) -> None:
        """A machine date before the text: the stamp is the date, the rest a paragraph."""
        doc = osce_thb.parse(
            " date 2023-05-09 On 8 May 2023, the OSCE Office in Sylvansk trained judges.\n"
            "They met for two days."
        )
        assert doc.title is None
        assert doc.published == dt.date(2023, 5, 9)
        assert doc.body[0].text.startswith("On 8 May 2023, the OSCE")
        assert [(line.line, line.text) for line in doc.unparsed] == [(1, "date 2023-05-09")]

    def test_before_the_title(self) -> None:
        """A machine date before the headline: the rest of the line is the title."""
        doc = osce_thb.parse(" date 2021-10-04 OSCE trains judges in Sylvansk\nJudges met.")
        assert doc.title == "OSCE trains judges in Sylvansk"
        assert doc.published == dt.date(2021, 10, 4)

    def test_before_the_dateline(self) -> None:
        """A machine date, then the dateline on the same line: both are read."""
        doc = osce_thb.parse(" date 2011-05-05 " + LEAD)
        assert doc.dateline is not None and doc.dateline.date == dt.date(2011, 5, 4)
        assert doc.published == dt.date(2011, 5, 4)  # the dateline's date comes first
        assert doc.body[0].text == LEAD

    def test_not_a_date(self) -> None:
        """A stamp that is no real date is not split off."""
        doc = osce_thb.parse("date 2023-13-45 OSCE trains judges\nJudges met.")
        assert doc.title == "date 2023-13-45 OSCE trains judges"


# --------------------------------------------------------------------------- the units

DATE_LINES = [
    ("03 July 2004", dt.date(2004, 7, 3)),
    ("• Saturday, 05 October 2024", dt.date(2024, 10, 5)),
    ("Tuesday, June 19, 2007 2:02 PM", dt.date(2007, 6, 19)),
    ("13:31 | 22.09.2014", dt.date(2014, 9, 22)),
    ("29 November 2011, 09:00 - 18:00", dt.date(2011, 11, 29)),
    ("2 December 2011 (All day)", dt.date(2011, 12, 2)),
    ("May 4, 2021 – May 6, 2021 all-day", dt.date(2021, 5, 4)),
    ("Published on: 4 May 2021", dt.date(2021, 5, 4)),
    ("Publishing date: 9 October 2023", dt.date(2023, 10, 9)),
    ("Posted by Jane Doe on May 3, 2011", dt.date(2011, 5, 3)),
    ("Last updated: 3 May 2011 10:00", dt.date(2011, 5, 3)),
    ("date 2024-10-07", dt.date(2024, 10, 7)),
    ("Politics Materials 12 March 2018 10:15 (UTC +04:00)", dt.date(2018, 3, 12)),
    ("29 July 2019 09:09 (UTC+04:00)", dt.date(2019, 7, 29)),
]
NOT_DATE_LINES = [
    "Hotline opens 12 May 2015",  # a label before a date needs a time of day
    "13:31 | 99.99.9999",
    "On 12 May 2015 the hotline opened.",
    "May 2015",
]


class TestDateLines:
    @pytest.mark.parametrize(("line", "date"), DATE_LINES)
    def test_date_lines(self, line: str, date: dt.date) -> None:
        """A line that is only a date or a time stamp gives its (first) date."""
        assert parse_date_line(line) == date

    @pytest.mark.parametrize("line", NOT_DATE_LINES)
    def test_not_date_lines(self, line: str) -> None:
        """Text around a date, or a date that is not one, is no date line."""
        assert parse_date_line(line) is None

    def test_date_line_below_the_title_is_kept_aside(self) -> None:
        """A stamp between the headline and the text is unparsed, and dates an undated text."""
        doc = osce_thb.parse(f"{HEADLINE}\n29 July 2019 09:09 (UTC+04:00)\n{TEXT}")
        assert unparsed(doc) == ["29 July 2019 09:09 (UTC+04:00)"]
        assert doc.published == dt.date(2019, 7, 29)


SHAPES = [
    ("Skip to main content", Shape.CHROME),
    ("***", Shape.CHROME),
    ("Photo: OSCE/Groucho", Shape.CHROME),
    ("3 May 2011", Shape.CHROME),
    ("SYLVANSK TIMES", Shape.LABEL),
    ("OSCE Programme Office in Sylvansk", Shape.LABEL),
    ("Home | News | Freedonia", Shape.LABEL),
    ("Home › News › Local", Shape.LABEL),
    ("go to the original language article", Shape.LABEL),
    ("Local", Shape.SHORT),
    ("Dr. Kovac visits Sylvansk", Shape.SHORT),
    (HEADLINE, Shape.HEADLINE),
    ("OSCE Mission to Freedonia supports a new hotline", Shape.HEADLINE),
    ("U.S. and Freedonia sign an agreement", Shape.HEADLINE),
    ("St. Sylvester hosts OSCE meeting on trafficking", Shape.HEADLINE),
    ("Recommendations include:", Shape.TEXT),
    ("A training. (OSCE/Groucho)", Shape.TEXT),
    (TEXT, Shape.TEXT),
]


class TestShapes:
    @pytest.mark.parametrize(("line", "expected"), SHAPES)
    def test_shape(self, line: str, expected: Shape) -> None:
        """Each line above the article has the shape of what it is."""
        assert shape(line) is expected

    def test_prose_is_linear(self) -> None:
        """A very long line is prose at once, and a long word costs no quadratic scan."""
        assert is_prose("a" * 1_000_000)
        assert not is_prose("A" + "b" * 250)
