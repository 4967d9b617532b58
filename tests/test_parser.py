"""The page grammar: menu, header, metadata, body, footer, errors (made-up pages)."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Any

import pytest

import osce_thb
from osce_thb import (
    Abbreviation,
    DocumentKind,
    FieldOfWork,
    Heading,
    ListItem,
    Paragraph,
    ParseError,
    RelatedItem,
    Source,
    UnparsedLine,
)

FIXTURES = Path(__file__).parent / "fixtures"

MENU = """\
-
Our work
-
Fields of work
- Arms control
- Youth
-
Countries
- All
-
Participating States
- Freedonia – OSCE Chairpersonship 2031
- Sylvania
-
Structures and institutions
- Secretariat
- About us"""

OTHER_MENU = """\
-
What we do
- Topics
- Regions
-
Where we work
- Field missions
- Partners
-
Newsroom
- Latest
- Media contacts"""

BODY = """\
LVIV, Ukraine, 4 March 2015 – Thirty judges met today in Lviv to discuss the rights of victims.
The seminar covered the identification of victims and their access to compensation."""


def page(
    *,
    menu: str = MENU,
    kind: str | None = "Press release",
    title: str | None = "Judges discuss the rights of trafficking victims",
    meta: str = "- Date:\n- Source:\n- OSCE Project Co-ordinator in Ukraine (closed)\n"
    "- Fields of work:\n- Combating trafficking in human beings",
    body: str = BODY,
) -> str:
    parts = [menu, kind, title, meta, body]
    return "\n".join(part for part in parts if part)


class TestFullPage:
    def test_menu_is_dropped_and_header_read(self) -> None:
        """The menu goes; kind, title, source, fields of work and body are read."""
        doc = osce_thb.parse(page())
        assert doc.kind is DocumentKind.PRESS_RELEASE
        assert doc.title == "Judges discuss the rights of trafficking victims"
        assert doc.source == Source(name="OSCE Project Co-ordinator in Ukraine", closed=True)
        assert doc.fields_of_work == (FieldOfWork.COMBATING_TRAFFICKING,)
        assert [b.text for b in doc.body] == BODY.splitlines()
        assert "Arms control" not in doc.text
        assert doc.unparsed == ()

    def test_a_different_menu_is_recognised_by_its_shape(self) -> None:
        """A menu with other headings and items still ends before the kind line."""
        doc = osce_thb.parse(page(menu=OTHER_MENU))
        assert doc.title == "Judges discuss the rights of trafficking victims"
        assert len(doc.body) == 2

    def test_menu_heading_named_like_a_kind_does_not_swallow_the_article(self) -> None:
        """A kind label inside the menu ends it only when a title follows, not items."""
        menu = MENU + "\n-\nStory\n- Older stories"
        doc = osce_thb.parse(page(menu=menu, kind="Story"))
        assert doc.kind is DocumentKind.STORY
        assert doc.title == "Judges discuss the rights of trafficking victims"

    def test_empty_date_falls_back_to_the_dateline(self) -> None:
        """An empty `- Date:` bullet leaves the date to the dateline."""
        doc = osce_thb.parse(page())
        assert doc.published == dt.date(2015, 3, 4)

    @pytest.mark.parametrize(
        ("meta", "expected"),
        [
            ("- Date: 5 March 2015", dt.date(2015, 3, 5)),
            ("- Date:\n- 5 March 2015", dt.date(2015, 3, 5)),
            ("- Date:\n- March 5, 2015", dt.date(2015, 3, 5)),
            ("- Date: 2015-03-05", dt.date(2015, 3, 5)),
        ],
    )
    def test_metadata_date_on_same_or_next_line(self, meta: str, expected: dt.date) -> None:
        """The date value may stand on the bullet's line or the next one, and wins."""
        assert osce_thb.parse(page(meta=meta)).published == expected

    def test_unreadable_date_is_kept_unparsed(self) -> None:
        """A date value that is not a date is kept, never guessed."""
        doc = osce_thb.parse(page(meta="- Date: sometime in spring"))
        assert doc.published == dt.date(2015, 3, 4)
        assert doc.unparsed == (UnparsedLine(line=20, text="- Date: sometime in spring"),)

    def test_fields_of_work_comma_separated_and_unknown_kept(self) -> None:
        """Fields are split on commas; a field this library does not know stays a string."""
        meta = "- Fields of work:\n- Human rights, Space diplomacy, Youth"
        doc = osce_thb.parse(page(meta=meta))
        assert doc.fields_of_work == (
            FieldOfWork.HUMAN_RIGHTS,
            "Space diplomacy",
            FieldOfWork.YOUTH,
        )

    def test_source_without_closed_marker(self) -> None:
        """A source not marked "(closed)" is an open office."""
        doc = osce_thb.parse(page(meta="- Source: OSCE Mission to Freedonia"))
        assert doc.source == Source(name="OSCE Mission to Freedonia", closed=False)

    def test_unknown_metadata_key_is_kept(self) -> None:
        """A metadata bullet this library does not know goes to unparsed."""
        doc = osce_thb.parse(page(meta="- Location: Lviv\n- Source: OSCE"))
        assert doc.unparsed == (UnparsedLine(line=20, text="- Location: Lviv"),)
        assert doc.source == Source(name="OSCE")

    def test_no_kind_line(self) -> None:
        """Without a kind line, a page with a dateline is taken for a press release."""
        doc = osce_thb.parse(page(kind=None))
        assert doc.kind is DocumentKind.PRESS_RELEASE
        assert doc.title == "Judges discuss the rights of trafficking victims"

    def test_crlf_and_bom(self) -> None:
        """CRLF line ends and a BOM read as plain newlines."""
        doc = osce_thb.parse("\ufeff" + page().replace("\n", "\r\n"))
        assert doc == osce_thb.parse(page())


class TestBody:
    def test_heading_is_short_unpunctuated_and_followed_by_a_paragraph(self) -> None:
        """A short line without closing punctuation before a paragraph is a heading."""
        body = BODY + "\nWhat comes next\nThe judges will meet again in the autumn."
        doc = osce_thb.parse(page(body=body))
        assert doc.body[2] == Heading(text="What comes next")
        assert doc.headings == ("What comes next",)

    @pytest.mark.parametrize(
        "line",
        [
            "The judges will meet again.",  # closing punctuation
            "what comes next",  # starts in lower case
            "A line that goes on and on for far too many words to be any kind of heading here",
        ],
    )
    def test_not_headings(self, line: str) -> None:
        """Punctuated, lower-case or long lines before a paragraph stay paragraphs."""
        doc = osce_thb.parse(page(body=BODY + f"\n{line}\nThe judges will meet again."))
        assert doc.body[2] == Paragraph(text=line)

    def test_short_last_line_is_a_paragraph(self) -> None:
        """A heading needs a paragraph after it: a truncated last line is a paragraph."""
        doc = osce_thb.parse(page(body=BODY + "\nThe judges also discussed the"))
        assert doc.body[-1] == Paragraph(text="The judges also discussed the")

    def test_bullets_are_list_items(self) -> None:
        """Bulleted and dashed lines are list items without their bullet."""
        body = BODY + "\nThe plan includes:\n  • Providing shelter\n- Legal aid\n* Hotlines"
        doc = osce_thb.parse(page(body=body))
        assert doc.body[3:] == (
            ListItem(text="Providing shelter"),
            ListItem(text="Legal aid"),
            ListItem(text="Hotlines"),
        )

    def test_glossary_tooltip_is_restored(self) -> None:
        """'NGONGO' + newline + definition is 'NGO' in the text, and an abbreviation."""
        body = BODY + (
            "\nThey met lawyers and NGONGO\nnon-governmental organization staff from five towns."
        )
        doc = osce_thb.parse(page(body=body))
        assert doc.body[2] == Paragraph(text="They met lawyers and NGO staff from five towns.")
        assert Abbreviation(short="NGO", long="non-governmental organization") in (
            doc.abbreviations
        )

    def test_tooltip_in_a_heading(self) -> None:
        """A tooltip may make up a whole heading line."""
        body = BODY + "\nNGONGO\nnon-governmental organization voices\nThey spoke next."
        doc = osce_thb.parse(page(body=body))
        assert doc.body[2] == Heading(text="NGO voices")

    def test_inline_abbreviations(self) -> None:
        """Definitions in brackets are recorded, the first definition of each winning."""
        body = BODY + (
            "\nThe Freedonian Anti-Trafficking Council (FATC) and local"
            " civil society organizations (CSOs) agreed. The FATC (Council) met."
        )
        doc = osce_thb.parse(page(body=body))
        assert doc.abbreviations == (
            Abbreviation(short="FATC", long="Freedonian Anti-Trafficking Council"),
            Abbreviation(short="CSOs", long="civil society organizations"),
        )

    def test_abbreviations_in_the_title_and_notes(self) -> None:
        """The lines kept aside and the title define abbreviations too, before the body."""
        body = BODY + (
            "\nThe Tamber Legal Council (TLC) met."
            '\nCompiled from: "Judges meet," Vorlan Press Agency (VPA), 19 June 2007.'
        )
        doc = osce_thb.parse(page(title="Freedonian Judges Network (FJN) meets", body=body))
        assert doc.abbreviations == (
            Abbreviation(short="VPA", long="Vorlan Press Agency"),
            Abbreviation(short="FJN", long="Freedonian Judges Network"),
            Abbreviation(short="TLC", long="Tamber Legal Council"),
        )

    def test_repeated_body_is_dropped_once(self) -> None:
        """A copy that carries the body twice after a second header keeps it once."""
        body = BODY + "\nLVIV 4 March 2015\n" + BODY
        doc = osce_thb.parse(page(body=body))
        assert [b.text for b in doc.body] == BODY.splitlines()
        assert doc.unparsed == (UnparsedLine(line=27, text="LVIV 4 March 2015"),)

    @pytest.mark.parametrize(
        "line",
        [
            "Compiled from: “Judges meet,” Freedonia Times, 19 June 2007.",
            "Published in: Freedonia Weekly",
            "Source: OSCE",
            "© OSCE 2015",
            "This article has been translated by volunteers.",
        ],
    )
    def test_reposting_notes_are_not_body(self, line: str) -> None:
        """Reposting notes and copyright lines are kept aside, not in the body."""
        doc = osce_thb.parse(page(body=BODY + "\n" + line))
        assert line not in doc.text
        assert doc.unparsed == (UnparsedLine(line=27, text=line),)


FOOTER = """\
Impact in the field
Discover more stories like this.

Story
Shelters open in two towns
3 May 2021
OSCE Mission to Freedonia

News item
A hotline turns ten
12 January 2020
OSCE Programme Office in Sylvania (closed)"""


class TestFooter:
    def test_related_items(self) -> None:
        """Kind / title / date / source groups after the body are related items."""
        doc = osce_thb.parse(page(body=BODY + "\n" + FOOTER))
        assert doc.related == (
            RelatedItem(
                kind=DocumentKind.STORY,
                title="Shelters open in two towns",
                published=dt.date(2021, 5, 3),
                source=Source(name="OSCE Mission to Freedonia"),
            ),
            RelatedItem(
                kind=DocumentKind.NEWS_ITEM,
                title="A hotline turns ten",
                published=dt.date(2020, 1, 12),
                source=Source(name="OSCE Programme Office in Sylvania", closed=True),
            ),
        )
        assert [b.text for b in doc.body] == BODY.splitlines()
        assert [u.text for u in doc.unparsed] == [
            "Impact in the field",
            "Discover more stories like this.",
        ]


class TestLongInputs:
    def test_lines_are_not_kept_as_objects(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The page holds its lines as strings while it reads them (issue 16).

        An object per input line, alive for the whole parse, has Python's garbage
        collector walk all of them in each full pass: on a few hundred thousand
        short lines, several passes, and time that grows faster than the input.
        """
        from osce_thb import _parser

        lines = 20_000
        text = "A title\n" + "Story\nA title\n13 December 2013\n" * (lines // 3)
        tracked: list[int] = []
        parse_body = _parser._parse_body

        def counting(*args: Any, **kwargs: Any) -> Any:  # the page is built by now
            tracked.append(len(gc.get_objects()))
            return parse_body(*args, **kwargs)

        monkeypatch.setattr(_parser, "_parse_body", counting)
        gc.collect()
        before = len(gc.get_objects())
        doc = _parser.read(text)
        assert len(doc.related) == lines // 3
        assert tracked
        assert tracked[0] - before < lines // 10


class TestBare:
    def test_title_then_dateline(self) -> None:
        """A bare copy: the title line, then the dateline paragraph."""
        doc = osce_thb.parse("Judges meet in Lviv\n\n" + BODY)
        assert doc.title == "Judges meet in Lviv"
        assert doc.dateline is not None
        assert doc.dateline.place == "Lviv"
        assert doc.kind is DocumentKind.PRESS_RELEASE
        assert len(doc.body) == 2

    def test_no_title(self) -> None:
        """A copy that starts at the dateline has no title, and that is no error."""
        doc = osce_thb.parse(BODY)
        assert doc.title is None
        assert doc.published == dt.date(2015, 3, 4)

    def test_chrome_before_the_title(self) -> None:
        """Site chrome before the title is kept aside; kind and date are read from it."""
        text = "Newsroom\nStories\n13:31 | 22.09.2014\nShelters for all\n" + (
            "Shelters opened in three towns this year."
        )
        doc = osce_thb.parse(text)
        assert doc.kind is DocumentKind.STORY
        assert doc.title == "Shelters for all"
        assert doc.published == dt.date(2014, 9, 22)
        assert [u.text for u in doc.unparsed] == ["Newsroom", "13:31 | 22.09.2014"]

    def test_repeated_headline(self) -> None:
        """A headline repeated two or three times is one title."""
        doc = osce_thb.parse("Judges meet\nJudges meet\nJudges meet\n" + BODY)
        assert doc.title == "Judges meet"
        assert len(doc.body) == 2

    def test_standalone_date_after_title(self) -> None:
        """A date alone on the line after the title is the publication date."""
        doc = osce_thb.parse("Judges meet\n4 March 2015\nThirty judges met in Lviv today.")
        assert doc.published == dt.date(2015, 3, 4)
        assert doc.dateline is None

    def test_glued_caption(self) -> None:
        """A caption glued to the dateline is split off into a block of its own."""
        text = (
            "Judges meet\nJudges at the seminar in Lviv. Photo taken on 4 March 2015LVIV,"
            " 4 March 2015 – Thirty judges met today."
        )
        doc = osce_thb.parse(text)
        caption = "Judges at the seminar in Lviv. Photo taken on 4 March 2015"
        assert doc.body[0] == Paragraph(text=caption)
        assert doc.dateline is not None
        assert doc.dateline.text == "LVIV, 4 March 2015 –"

    def test_truncated_text(self) -> None:
        """A text cut mid-word parses as far as it goes."""
        text = "Judges meet\n" + BODY[:-40]
        doc = osce_thb.parse(text)
        assert doc.body[-1].text.endswith("identification of v")


ERRORS = [
    ("", "empty text: there is nothing to parse"),
    (" \n\t\n", "empty text: there is nothing to parse"),
    (
        "Title\nBody with a \x00 byte",
        "NUL byte in the text (line 2): this looks like binary data, not a page\n"
        "    Body with a \u2400 byte\n"
        "                ^",
    ),
    (
        MENU,
        "no title found: the text ends inside the navigation menu (line 17)\n    - About us\n    ^",
    ),
    (
        MENU + "\nPress release",
        "no title found: the text ends after the kind line 'Press release' (line 18)\n"
        "    Press release\n"
        "    ^",
    ),
    (
        "Newsroom\n13:31 | 22.09.2014",
        "no article found: the text holds only site chrome and metadata (line 2)\n"
        "    13:31 | 22.09.2014\n"
        "    ^",
    ),
]


class TestErrors:
    @pytest.mark.parametrize(("text", "message"), ERRORS)
    def test_message(self, text: str, message: str) -> None:
        """Each kind of bad input has its own message, with line and marker."""
        with pytest.raises(ParseError) as caught:
            osce_thb.parse(text)
        assert str(caught.value) == message

    def test_error_carries_position(self) -> None:
        """ParseError has line, column and snippet attributes."""
        with pytest.raises(ParseError) as caught:
            osce_thb.parse("a\nb\x00c")
        assert (caught.value.line, caught.value.column, caught.value.snippet) == (2, 2, "b\u2400c")

    def test_is_a_value_error(self) -> None:
        """ParseError is a ValueError, so generic handlers catch it."""
        assert issubclass(ParseError, ValueError)

    def test_not_a_string(self) -> None:
        """Bytes are a usage error, pointing to parse_bytes; a path points to parse_file."""
        with pytest.raises(TypeError, match=r"not bytes: use parse_bytes\(\) for bytes"):
            osce_thb.parse(b"bytes")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"parse_file\(\) for a file"):
            osce_thb.read(Path("page.txt"))  # type: ignore[arg-type]


class TestParseFile:
    def test_reads_utf8_with_bom_and_crlf(self, tmp_path: Path) -> None:
        """parse_file accepts a UTF-8 BOM and CRLF line ends."""
        path = tmp_path / "page.txt"
        path.write_bytes(b"\xef\xbb\xbf" + page().replace("\n", "\r\n").encode())
        assert osce_thb.parse_file(path) == osce_thb.parse(page())

    def test_undecodable_bytes(self, tmp_path: Path) -> None:
        """Bytes that are not UTF-8 give the byte offset, line and column."""
        path = tmp_path / "page.txt"
        path.write_bytes(b"Title\nAb\xffcd\n")
        with pytest.raises(ParseError) as caught:
            osce_thb.parse_file(path)
        assert caught.value.offset == 8
        assert str(caught.value) == (
            f"{path}: not UTF-8 text: byte 0xff at offset 8 (line 2, column 3) cannot be decoded\n"
            "    Ab\ufffdcd\n"
            "      ^"
        )

    def test_parse_bytes_names_the_input_only_when_told(self) -> None:
        """parse_bytes reads bytes like a file; the message names the input if given."""
        data = b"Title\nAb\xffcd\n"
        with pytest.raises(ParseError) as caught:
            osce_thb.parse_bytes(data)
        assert caught.value.message == (
            "not UTF-8 text: byte 0xff at offset 8 (line 2, column 3) cannot be decoded"
        )
        with pytest.raises(ParseError, match=r"^<stdin>: not UTF-8"):
            osce_thb.parse_bytes(data, name="<stdin>")
        assert osce_thb.parse_bytes(page().encode()) == osce_thb.parse(page())

    @pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
    def test_real_pages_parse(self, name: str) -> None:
        """The real pages parse, and no menu item reaches the body."""
        doc = osce_thb.parse_file(FIXTURES / name)
        assert doc.title
        assert "Participating States" not in doc.text


class TestMarkup:
    """HTML or XML is refused with a ParseError that says what to do, not read as text."""

    @pytest.mark.parametrize(
        ("text", "line", "column"),
        [
            ("<html><body><h1>Judges meet in Vorsk</h1><p>VORSK, 4 March 2015 – Met.", 1, 1),
            ("\n  <!DOCTYPE html>\n<title>x</title>", 2, 3),
            ('<?xml version="1.0"?>\n<page>Judges meet</page>', 1, 1),
            ("Judges meet\nThey met <b>today</b> in <a href='/x'>Vorsk</a>.", 2, 10),
            ("Judges meet\r\nSee <p>one</p>\r\nand <div>two</div>", 2, 5),
        ],
    )
    def test_markup_is_refused(self, text: str, line: int, column: int) -> None:
        with pytest.raises(
            ParseError, match=r"markup \(HTML or XML\).*extract the page's text"
        ) as e:
            osce_thb.parse(text)
        assert (e.value.line, e.value.column) == (line, column)

    @pytest.mark.parametrize(
        "text",
        [
            "Judges meet\nPrices rose <5% while a<b held and x > y.",
            "Judges meet\nThe <Vorsk> campaign and <<Hope>> spread.",
            "Judges meet\nOne <b>bold</b> word is quoted markup, not a page of it.",
        ],
    )
    def test_angle_brackets_in_text_are_text(self, text: str) -> None:
        assert osce_thb.parse(text).title == "Judges meet"
