"""Every line ends up in the document or in `Document.unparsed` (made-up pages).

The reader drops only word-for-word repeats of the title or of an earlier line;
a second kind label, a metadata key given twice, a repeat in other case, and
the parts of a line cut in two are kept, each where the format says.
"""

from __future__ import annotations

import datetime as dt

import osce_thb
from osce_thb import DocumentKind, FieldOfWork, Heading, ListItem, Paragraph, Source


def unparsed(text: str) -> list[tuple[int, str]]:
    return [(line.line, line.text) for line in osce_thb.parse(text).unparsed]


class TestKindLabels:
    def test_second_label_is_kept(self) -> None:
        """The first kind label gives the kind; a second one is kept in unparsed."""
        doc = osce_thb.parse("Story\nNews\nHotline opens in Zelmar\nIt is free.")
        assert doc.kind is DocumentKind.STORY
        assert doc.title == "Hotline opens in Zelmar"
        assert unparsed("Story\nNews\nHotline opens in Zelmar\nIt is free.") == [(2, "News")]

    def test_same_label_twice(self) -> None:
        """A label printed twice is kept too: only repeats of the title and the body are dropped."""
        text = "Press release\nPRESS RELEASE\nHotline opens in Zelmar\nIt is free."
        assert osce_thb.parse(text).kind is DocumentKind.PRESS_RELEASE
        assert unparsed(text) == [(2, "PRESS RELEASE")]


class TestMetadataGivenTwice:
    def test_second_date(self) -> None:
        """The first date bullet is read; the second is kept, on its line or with its value."""
        text = (
            "Story\nHotline opens\n- Date: 3 May 2021\n- Date:\n- 4 May 2021\n"
            "- Source: OSCE Office in Tarvik\nIt is free."
        )
        doc = osce_thb.parse(text)
        assert doc.published == dt.date(2021, 5, 3)
        assert doc.source == Source(name="OSCE Office in Tarvik")
        assert unparsed(text) == [(4, "- Date:"), (5, "- 4 May 2021")]

    def test_second_source(self) -> None:
        """A second source does not replace the first."""
        text = (
            "Story\nHotline opens\n- Source:\n- OSCE Office in Tarvik\n"
            "- Source: OSCE Mission to Zelmar (closed)\nIt is free."
        )
        assert osce_thb.parse(text).source == Source(name="OSCE Office in Tarvik")
        assert unparsed(text) == [(5, "- Source: OSCE Mission to Zelmar (closed)")]

    def test_second_fields_of_work(self) -> None:
        """A second fields-of-work bullet is kept with its values, like the others."""
        text = (
            "Story\nHotline opens\n- Fields of work: Policing\n- Fields of work:\n"
            "- Migration\nIt is free."
        )
        assert osce_thb.parse(text).fields_of_work == (FieldOfWork.POLICING,)
        assert unparsed(text) == [(4, "- Fields of work:"), (5, "- Migration")]

    def test_fields_value_without_names(self) -> None:
        """A value that names no field ("- ,,") is kept, not read as nothing."""
        text = "Story\nHotline opens\n- Fields of work:\n- ,,\nIt is free."
        assert osce_thb.parse(text).fields_of_work == ()
        assert unparsed(text) == [(4, "- ,,")]


class TestRepeats:
    def test_word_for_word_repeat_is_dropped(self) -> None:
        """The same words again, spacing aside, are dropped."""
        doc = osce_thb.parse("Hotline opens\nIt is free.\nIt  is   free.")
        assert doc.body == (Paragraph(text="It is free."),)
        assert doc.unparsed == ()

    def test_repeat_in_other_case_is_kept(self) -> None:
        """A repeat in capitals is not the same line: it is kept in unparsed."""
        text = "Hotline opens\nIt is free.\nIT IS FREE."
        assert osce_thb.parse(text).body == (Paragraph(text="It is free."),)
        assert unparsed(text) == [(3, "IT IS FREE.")]

    def test_title_repeated_in_other_case(self) -> None:
        """The headline printed again in capitals is kept; printed again as it is, dropped."""
        text = "Hotline opens\nHOTLINE OPENS\nHotline opens\nIt is free."
        doc = osce_thb.parse(text)
        assert doc.title == "Hotline opens"
        assert doc.body == (Paragraph(text="It is free."),)
        assert unparsed(text) == [(2, "HOTLINE OPENS")]

    def test_body_line_repeating_the_title_in_other_case(self) -> None:
        """Further down, a line that repeats the title in other case is kept too."""
        text = "Story\nHotline opens\n- Date:\nIt is free.\nHOTLINE OPENS"
        assert unparsed(text) == [(5, "HOTLINE OPENS")]

    def test_list_item_with_another_bullet_is_kept(self) -> None:
        """The same item with another bullet is another line: both items stay."""
        doc = osce_thb.parse("Hotline opens\nCall:\n• the police\n* the police")
        assert doc.body[1:] == (ListItem(text="the police"), ListItem(text="the police"))


class TestLinesReadInParts:
    def test_tooltip_set_aside_keeps_both_lines(self) -> None:
        """A credit spilled over two lines by a tooltip is kept whole: both lines."""
        text = "Hotline opens\nIt is free.\nPhoto: NGONGO\nnon-governmental organization Vorlan"
        assert unparsed(text) == [
            (3, "Photo: NGONGO"),
            (4, "non-governmental organization Vorlan"),
        ]

    def test_machine_dates_one_after_another(self) -> None:
        """Several machine dates before the first line are each kept; the rest is read on."""
        text = " date 2023-05-09 date 2023-05-10 Hotline opens in Zelmar\nIt is free."
        doc = osce_thb.parse(text)
        assert doc.title == "Hotline opens in Zelmar"
        assert doc.published == dt.date(2023, 5, 9)
        assert unparsed(text) == [(1, "date 2023-05-09"), (1, "date 2023-05-10")]


class TestGluedCaption:
    """A caption glued to the dateline is read as the line it would be on its own."""

    LEAD = "ZELMAR, 4 May 2021 – Thirty judges met today in Zelmar to talk about victims."

    def test_caption_that_reads_as_a_heading(self) -> None:
        """A short caption without a full stop, above the dateline's paragraph, is a heading."""
        doc = osce_thb.parse(f"Judges meet\nJudges at the seminar in Zelmar{self.LEAD}")
        assert doc.body == (
            Heading(text="Judges at the seminar in Zelmar"),
            Paragraph(text=self.LEAD),
        )
        assert doc.dateline is not None

    def test_caption_that_is_a_date(self) -> None:
        """A date glued to the dateline is kept aside, as a date line of its own would be."""
        text = f"Judges meet\n4 May 2021{self.LEAD}"
        doc = osce_thb.parse(text)
        assert doc.body == (Paragraph(text=self.LEAD),)
        assert doc.dateline is not None
        assert unparsed(text) == [(2, "4 May 2021")]

    def test_caption_that_repeats_a_line(self) -> None:
        """A caption that repeats an earlier line word for word is dropped, as a line would be."""
        text = f"Judges meet\nThe judges, 4 May 2021.\nThe judges, 4 May 2021.{self.LEAD}"
        doc = osce_thb.parse(text)
        assert doc.body == (Paragraph(text="The judges, 4 May 2021."), Paragraph(text=self.LEAD))
        assert doc.unparsed == ()


class TestDatelineParagraphs:
    def test_a_line_led_by_a_dateline_is_no_heading(self) -> None:
        """A short line that opens with a dateline is the dateline's paragraph, not a heading."""
        text = (
            "Hotline opens\nZELMAR, 4 May 2021 – A hotline opened\n"
            "It answers calls day and night, every day of the week, and it is free."
        )
        doc = osce_thb.parse(text)
        assert doc.body[0] == Paragraph(text="ZELMAR, 4 May 2021 – A hotline opened")
        assert doc.dateline is not None and doc.dateline.date == dt.date(2021, 5, 4)


class TestGluedCaptionRepeatedFurtherDown:
    LEAD = "ZELMAR, 4 May 2021 – Thirty judges met today in Zelmar to talk about victims."

    def test_later_repeat_of_the_caption(self) -> None:
        """A later line that repeats the caption word for word is dropped, in other case kept."""
        caption = "The judges at work in Zelmar, 4 May 2021"
        text = f"Judges meet\n{caption}{self.LEAD}\nThey met.\n{caption}\n{caption.upper()}"
        doc = osce_thb.parse(text)
        assert [block.text for block in doc.body] == [caption, self.LEAD, "They met."]
        assert unparsed(text) == [(5, caption.upper())]

    def test_later_repeat_of_the_dateline_paragraph(self) -> None:
        """The dateline's paragraph printed again on its own line is a repeat too."""
        text = f"Judges meet\n4 May 2021{self.LEAD}\n{self.LEAD}\nThey met."
        doc = osce_thb.parse(text)
        assert [block.text for block in doc.body] == [self.LEAD, "They met."]
        assert unparsed(text) == [(2, "4 May 2021")]
