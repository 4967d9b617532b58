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

    def test_tooltips_go_into_the_body_not_the_title(self) -> None:
        """Cut in two, a title could read as a label above a headline: the body takes it."""
        doc = Document(
            kind=DocumentKind.STORY,
            title="VRD opens its doors in Zelmar",
            body=(Paragraph(text="The VRD answers calls."),),
            abbreviations=(Abbreviation(short="VRD", long="Vorlan Referral Desk"),),
        )
        text = osce_thb.render(doc)
        assert "\nVRD opens its doors in Zelmar\n" in text
        assert "\nThe VRDVRD\nVorlan Referral Desk answers calls.\n" in text
        assert osce_thb.parse(text) == doc

    def test_an_abbreviation_only_the_title_uses_is_not_carried(self) -> None:
        """Without a block to hold its tooltip, the abbreviation is left out, the title kept."""
        doc = Document(
            kind=DocumentKind.STORY,
            title="VRD opens its doors in Zelmar",
            body=(Paragraph(text="The desk answers calls."),),
            abbreviations=(Abbreviation(short="VRD", long="Vorlan Referral Desk"),),
        )
        again = osce_thb.parse(osce_thb.render(doc))
        assert again.title == doc.title
        assert again.abbreviations == ()

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


class TestWhatWouldReadBackOtherwise:
    """Lines the parser would read otherwise are written another way, or refused."""

    def test_repeated_list_item_takes_another_bullet(self) -> None:
        """The same item twice: the second with another bullet, or the parser would drop it."""
        doc = Document(
            title="Shelters open",
            body=(
                Paragraph(text="Call:"),
                ListItem(text="the police"),
                ListItem(text="the police"),
            ),
        )
        text = osce_thb.render(doc, "bare")
        assert text.endswith("Call:\n• the police\n· the police\n")
        assert osce_thb.parse(text).body == doc.body

    def test_list_item_that_reads_as_a_date(self) -> None:
        """A date after a bullet reads as a date line, set aside: a dash keeps the item."""
        doc = Document(
            title="Shelters open",
            body=(Paragraph(text="Open days:"), ListItem(text="3 May 2021")),
        )
        text = osce_thb.render(doc, "bare")
        assert text.endswith("Open days:\n– 3 May 2021\n")
        assert osce_thb.parse(text).body == doc.body

    def test_the_same_date_item_twice(self) -> None:
        """Date-like items have two bullets left: a dash and a long dash."""
        doc = Document(
            title="Shelters open",
            body=(Paragraph(text="Open days:"), *[ListItem(text="3 May 2021")] * 2),
        )
        text = osce_thb.render(doc, "bare")
        assert text.endswith("– 3 May 2021\n— 3 May 2021\n")
        assert osce_thb.parse(text).body == doc.body

    def test_no_bullet_left(self) -> None:
        """An item repeated more often than there are bullets is refused."""
        doc = Document(
            title="Shelters open",
            body=(Paragraph(text="Open days:"), *[ListItem(text="3 May 2021")] * 3),
        )
        with pytest.raises(ValueError, match=r"block 3 \(list item '3 May 2021'\): no bullet left"):
            osce_thb.render(doc)

    @pytest.mark.parametrize(
        "source", ["Date: 1 May 2013", "Posted: 1 May 2013", "Fields of work: Policing"]
    )
    def test_source_that_reads_as_a_bullet(self, source: str) -> None:
        """A source named like a metadata bullet is written on the key's line."""
        doc = Document(title="Shelters open", source=Source(name=source))
        text = osce_thb.render(doc)
        assert f"\n- Source: {source}\n- Fields of work:\n" in text
        assert osce_thb.parse(text).source == doc.source

    def test_field_that_reads_as_a_bullet(self) -> None:
        """A field of work named like a metadata bullet is written on the key's line."""
        doc = Document(title="Shelters open", fields_of_work=("Posted: 1 May 2013", "Policing"))
        text = osce_thb.render(doc)
        assert text.endswith("\n- Fields of work: Posted: 1 May 2013, Policing\n")
        assert osce_thb.parse(text).fields_of_work == doc.fields_of_work

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ((Paragraph(text="It is free."), Paragraph(text="It is free.")), "an earlier line"),
            ((Paragraph(text="It is free."), Paragraph(text="IT IS FREE.")), "an earlier line"),
            ((Heading(text="Shelters Open"), Paragraph(text="It is free.")), "the title"),
        ],
    )
    def test_repeats_are_refused(self, body: tuple[Paragraph, ...], message: str) -> None:
        """A paragraph or heading that repeats the title or another line cannot be written."""
        doc = Document(title="Shelters open", body=body)
        with pytest.raises(ValueError, match=f"cannot render this document: .* repeats {message}"):
            osce_thb.render(doc)

    @pytest.mark.parametrize(
        ("doc", "message"),
        [
            (Document(title="Shelters\nopen"), "the title holds a line break"),
            (Document(body=(Paragraph(text="It is\rfree."),)), "block 0 holds a line break"),
            (Document(title="Shelters", fields_of_work=("A, B",)), "holds a comma"),
            (Document(title="Shelters", source=Source(name="Office (Closed)")), "ends in"),
            (
                Document(
                    title="Shelters",
                    related=(RelatedItem(kind=DocumentKind.STORY, title="A\nB"),),
                ),
                "a related item's title holds a line break",
            ),
        ],
    )
    def test_what_cannot_be_written(self, doc: Document, message: str) -> None:
        """Line breaks, commas in fields of work, a source named "... (closed)" are refused."""
        with pytest.raises(ValueError, match=message):
            osce_thb.render(doc)

    def test_caption_past_the_dateline_blocks_is_glued_back(self) -> None:
        """A caption split off the dateline in the fourth block is written glued to it again.

        On lines of their own, the dateline's paragraph would be the fifth
        block, where the parser no longer looks for a dateline.
        """
        lead = "ZELMAR, 4 May 2021 – Thirty judges met today in Zelmar to talk about victims."
        page = (
            "Judges meet\nFirst line.\nSecond line.\nThird line.\n"
            f"The judges at work in Zelmar, 4 May 2021{lead}\nThey met for two days."
        )
        doc = osce_thb.parse(page)
        assert doc.dateline is not None and doc.body[4].text == lead
        text = osce_thb.render(doc)
        assert f"\nThe judges at work in Zelmar, 4 May 2021{lead}\n" in text
        assert attrs.evolve(osce_thb.parse(text), unparsed=()) == attrs.evolve(doc, unparsed=())
