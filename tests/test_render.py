"""The renderer: the raw text it writes for each part of a document, in both layouts.

Whole documents are compared with `carried`, which leaves out the derived fields
(regions, figures...): the parser finds those in the body on its own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import osce_thb
from osce_thb import (
    Abbreviation,
    Dateline,
    Document,
    DocumentKind,
    FieldOfWork,
    Heading,
    ListItem,
    Paragraph,
    RelatedItem,
    Source,
)
from osce_thb._render import FOOTER_HEADINGS, KIND_LABELS, format_date
from osce_thb.strategies import carried

FIXTURES = Path(__file__).parent / "fixtures"

MENU = """\
-
Our work
-
Fields of work
- Combating trafficking in human beings
- Migration
-
Countries
- All
-
Structures and institutions
- Secretariat
- About us
"""

DOCUMENT = Document(
    kind=DocumentKind.STORY,
    title="Shelters open in Zelmar",
    published=dt.date(2013, 12, 3),
    source=Source(name="OSCE Mission to Zelmar", closed=True),
    fields_of_work=(FieldOfWork.COMBATING_TRAFFICKING, "Space diplomacy"),
    body=(
        Paragraph(text="Two shelters opened."),
        Heading(text="What comes next"),
        ListItem(text="More beds"),
    ),
    related=(
        RelatedItem(
            kind=DocumentKind.NEWS_ITEM,
            title="A hotline turns ten",
            published=dt.date(2020, 1, 12),
            source=Source(name="OSCE Office in Tarvik"),
        ),
        RelatedItem(title="Unlabelled items have no kind line"),
    ),
)

PAGE = (
    MENU
    + """\
Story
Shelters open in Zelmar
- Date:
- 3 December 2013
- Source:
- OSCE Mission to Zelmar (closed)
- Fields of work:
- Combating trafficking in human beings, Space diplomacy
Two shelters opened.
What comes next
• More beds

Related content
OSCE Impact
Discover more stories like this.

News item
A hotline turns ten
12 January 2020
OSCE Office in Tarvik
"""
)

BARE = """\
Shelters open in Zelmar

Two shelters opened.
What comes next
• More beds
"""


class TestPageLayout:
    def test_whole_page(self) -> None:
        """Menu, kind, title, metadata, body and footer, each as osce.org prints it."""
        assert osce_thb.render(DOCUMENT) == PAGE

    def test_reads_back(self) -> None:
        """The page parses back to the document, but for the unlabelled related item."""
        parsed = osce_thb.parse(osce_thb.render(DOCUMENT))
        expected = attrs.evolve(DOCUMENT, related=DOCUMENT.related[:1])
        assert carried(parsed) == expected
        assert [line.text for line in parsed.unparsed] == list(FOOTER_HEADINGS)

    def test_empty_metadata(self) -> None:
        """Unknown date, source and fields leave their bullets empty."""
        doc = Document(title="Shelters open", body=(Paragraph(text="Two opened."),))
        assert osce_thb.render(doc) == MENU + (
            "Shelters open\n- Date:\n- Source:\n- Fields of work:\nTwo opened.\n"
        )

    def test_no_kind_line_for_other(self) -> None:
        """DocumentKind.OTHER has no label: the title follows the menu."""
        doc = Document(title="Shelters open")
        assert osce_thb.render(doc).startswith(MENU + "Shelters open\n- Date:\n")

    def test_no_title(self) -> None:
        """A document without a title goes from its kind line to its metadata."""
        doc = Document(
            kind=DocumentKind.PRESS_RELEASE,
            dateline=Dateline(place="Zelmar", text="ZELMAR –"),
            body=(Paragraph(text="ZELMAR – Two shelters opened."),),
        )
        text = osce_thb.render(doc)
        assert text.startswith(MENU + "Press release\n- Date:\n")
        assert carried(osce_thb.parse(text)) == doc

    @pytest.mark.parametrize("kind", list(KIND_LABELS))
    def test_kind_labels(self, kind: DocumentKind) -> None:
        """Each kind is written with the label osce.org prints, and read back."""
        doc = Document(kind=kind, title="Shelters open")
        text = osce_thb.render(doc)
        assert text.startswith(MENU + KIND_LABELS[kind] + "\nShelters open\n")
        assert osce_thb.parse(text).kind is kind

    def test_every_kind_but_other_has_a_label(self) -> None:
        """Only DocumentKind.OTHER goes without a label."""
        assert set(DocumentKind) - set(KIND_LABELS) == {DocumentKind.OTHER}

    def test_open_office(self) -> None:
        """An open office is written without the "(closed)" marker."""
        doc = Document(title="Shelters open", source=Source(name="OSCE Office in Tarvik"))
        assert "- Source:\n- OSCE Office in Tarvik\n- Fields of work:" in osce_thb.render(doc)

    def test_related_item_without_date_or_source(self) -> None:
        """A related item is its kind and title, with a date and source when known."""
        related = (
            RelatedItem(kind=DocumentKind.STORY, title="First", published=dt.date(2021, 5, 3)),
            RelatedItem(kind=DocumentKind.EVENT, title="Second"),
        )
        text = osce_thb.render(Document(title="Shelters open", related=related))
        assert text.endswith("\nStory\nFirst\n3 May 2021\n\nEvent\nSecond\n")
        assert osce_thb.parse(text).related == related


class TestBareLayout:
    def test_whole_copy(self) -> None:
        """The title, a blank line, then the body: nothing else."""
        assert osce_thb.render(DOCUMENT, "bare") == BARE

    def test_no_title(self) -> None:
        """A copy without a title starts at its dateline paragraph."""
        doc = Document(
            dateline=Dateline(
                place="Zelmar", date=dt.date(2013, 12, 3), text="ZELMAR, 3 Dec 2013 -"
            ),
            body=(Paragraph(text="ZELMAR, 3 Dec 2013 - Two shelters opened."),),
        )
        text = osce_thb.render(doc, "bare")
        assert text == "ZELMAR, 3 Dec 2013 - Two shelters opened.\n"
        parsed = osce_thb.parse(text)
        assert parsed.dateline == doc.dateline
        assert (parsed.kind, parsed.published) == (DocumentKind.PRESS_RELEASE, dt.date(2013, 12, 3))

    def test_unknown_layout(self) -> None:
        """Only "page" and "bare" are layouts."""
        with pytest.raises(
            ValueError, match=r"unknown layout 'html' \(expected 'page' or 'bare'\)"
        ):
            osce_thb.render(DOCUMENT, "html")  # type: ignore[arg-type]


class TestTooltips:
    def test_glossary_abbreviation_is_written_as_a_tooltip(self) -> None:
        """An abbreviation the body does not define inline is written back as its tooltip."""
        doc = Document(
            title="Voices",
            body=(Paragraph(text="They met NGO activists."),),
            abbreviations=(Abbreviation(short="NGO", long="non-governmental organization"),),
        )
        text = osce_thb.render(doc, "bare")
        assert text == "Voices\n\nThey met NGONGO\nnon-governmental organization activists.\n"
        assert osce_thb.parse(text) == doc

    def test_inline_definitions_need_no_tooltip(self) -> None:
        """An abbreviation the body defines in brackets is left as the body writes it."""
        doc = Document(
            title="Voices",
            body=(Paragraph(text="The National Referral Mechanism (NRM) met."),),
            abbreviations=(Abbreviation(short="NRM", long="National Referral Mechanism"),),
        )
        assert osce_thb.render(doc, "bare") == f"Voices\n\n{doc.body[0].text}\n"

    def test_definitions_in_the_title_need_no_tooltip(self) -> None:
        """An abbreviation the title defines in brackets is left as the title writes it."""
        doc = Document(
            title="The Vorlan Referral Desk (VRD) opens",
            body=(Paragraph(text="The Tamber Legal Council (TLC) met."),),
            abbreviations=(
                Abbreviation(short="VRD", long="Vorlan Referral Desk"),
                Abbreviation(short="TLC", long="Tamber Legal Council"),
            ),
        )
        text = osce_thb.render(doc, "bare")
        assert text == f"{doc.title}\n\n{doc.body[0].text}\n"
        assert osce_thb.parse(text) == doc

    def test_definition_in_a_note_becomes_the_only_tooltip(self) -> None:
        """An abbreviation defined in a line left unparsed is written as a tooltip, alone."""
        page = (
            "Voices\n\nThe Tamber Legal Council (TLC) met VPA reporters."
            '\nCompiled from: "Judges meet," Vorlan Press Agency (VPA), 19 June 2007.\n'
        )
        doc = osce_thb.parse(page)
        assert [a.short for a in doc.abbreviations] == ["VPA", "TLC"]
        text = osce_thb.render(doc, "bare")
        assert "(TLC)" in text
        assert "VPAVPA\nVorlan Press Agency reporters." in text
        assert osce_thb.parse(text).abbreviations == doc.abbreviations

    def test_abbreviation_not_in_the_text_is_not_carried(self) -> None:
        """An abbreviation whose short form the body never uses cannot be written."""
        doc = Document(
            title="Voices",
            body=(Paragraph(text="They met activists."),),
            abbreviations=(Abbreviation(short="NGO", long="non-governmental organization"),),
        )
        assert osce_thb.render(doc, "bare") == "Voices\n\nThey met activists.\n"

    def test_lines_that_would_join_are_kept_apart(self) -> None:
        """A block ending in a doubled term before one that spells it out gets a blank line."""
        doc = Document(
            title="Voices",
            body=(Heading(text="NGONGO"), Paragraph(text="non-governmental organization views.")),
        )
        text = osce_thb.render(doc, "bare")
        assert text == "Voices\n\nNGONGO\n\nnon-governmental organization views.\n"
        assert osce_thb.parse(text).body == doc.body

    @pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
    def test_real_pages_keep_their_tooltips(self, name: str) -> None:
        """The real pages' glossary tooltips are written back as tooltips."""
        doc = osce_thb.parse_file(FIXTURES / name)
        text = osce_thb.render(doc)
        assert "NGONGO\nnon-governmental organization " in text
        assert osce_thb.parse(text).abbreviations == doc.abbreviations


class TestFormatDate:
    @pytest.mark.parametrize(
        ("date", "text"),
        [
            (dt.date(2013, 12, 3), "3 December 2013"),
            (dt.date(2022, 5, 16), "16 May 2022"),
            (dt.date(999, 1, 1), "1 January 0999"),
        ],
    )
    def test_day_month_year(self, date: dt.date, text: str) -> None:
        """Dates are day, month name and four-digit year, as osce.org prints them."""
        assert format_date(date) == text
