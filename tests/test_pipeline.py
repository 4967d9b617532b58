"""read, then extract: the two public steps of parse, and what each leaves to the other."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import osce_thb
from osce_thb import Abbreviation, Document, Paragraph, ParseError
from osce_thb import strategies as ost

FIXTURES = Path(__file__).parent / "fixtures"
# The real pages beside the project, when the checkout has them (not in the package).
SHARED = Path(__file__).parents[2] / "shared"
REAL_PAGES = sorted(
    [
        *FIXTURES.glob("*.txt"),
        *(SHARED / "seeds").glob("*.txt"),
        *(SHARED / "dev" / "pages").glob("*.txt"),
    ]
)

DERIVED = ("quotes", "figures", "regions", "donors", "programmes", "nrm_phases")

PAGE = """Lviv judges learn to spot trafficking
LVIV, 4 March 2015 – Thirty judges from Lviv and Odesa regions met today at a course
funded by Denmark, on the National Referral Mechanism (NRM).
“Victims must be heard,” said Anna Koval, a judge in Lviv.
The NRM was piloted in Lviv region in 2014."""


def _parse_or_none(text: str) -> Document | None:
    try:
        return osce_thb.parse(text)
    except ParseError:
        return None


class TestRead:
    def test_reads_the_page_and_derives_nothing(self) -> None:
        document = osce_thb.read(PAGE)
        assert document.title == "Lviv judges learn to spot trafficking"
        assert document.dateline is not None and document.dateline.place == "Lviv"
        assert all(getattr(document, name) == () for name in DERIVED)
        assert document.abbreviations == ()

    def test_keeps_the_glossary_tooltips(self) -> None:
        """A tooltip's definition leaves the text: read keeps it, and extract keeps it first."""
        text = (
            "Title\nWe met the NGONGO\n"
            "non-governmental organization activists and the Dune Relief Council (DRC)."
        )
        document = osce_thb.read(text)
        tooltip = Abbreviation(short="NGO", long="non-governmental organization")
        assert document.abbreviations == (tooltip,)
        assert osce_thb.extract(document).abbreviations == (
            tooltip,
            Abbreviation(short="DRC", long="Dune Relief Council"),
        )

    def test_errors_are_those_of_parse(self) -> None:
        with pytest.raises(ParseError, match="empty text"):
            osce_thb.read("  \n ")


class TestExtract:
    def test_parse_is_extract_after_read(self) -> None:
        document = osce_thb.parse(PAGE)
        assert document == osce_thb.extract(osce_thb.read(PAGE))
        assert [r.code for r in document.regions] == ["UA-46", "UA-51"]
        assert [d.country for d in document.donors] == ["DK"]
        assert [q.speaker.name for q in document.quotes] == ["Anna Koval"]
        assert [(p.stage.value, p.start) for p in document.nrm_phases] == [("pilot", 2014)]

    def test_replaces_what_an_older_extraction_found(self) -> None:
        """Stale derived fields (a stored document from an older version) are recomputed."""
        fresh = osce_thb.parse(PAGE)
        stale = attrs.evolve(
            fresh,
            regions=(),
            quotes=(),
            abbreviations=(Abbreviation(short="NRM", long="Referral Mechanism"),),
        )
        assert osce_thb.extract(stale) == fresh

    def test_works_on_a_document_read_back_from_json(self) -> None:
        document = osce_thb.parse(PAGE)
        stored = osce_thb.from_json(osce_thb.to_json(osce_thb.read(PAGE)))
        assert osce_thb.extract(stored) == document

    def test_works_on_a_document_built_by_hand(self) -> None:
        document = Document(
            title="Hotline opens",
            body=(Paragraph(text="The hotline was funded by the Government of Norway."),),
        )
        assert [d.country for d in osce_thb.extract(document).donors] == ["NO"]

    def test_is_idempotent(self) -> None:
        document = osce_thb.parse(PAGE)
        assert osce_thb.extract(document) == document

    def test_is_idempotent_on_definitions_outside_the_body(self) -> None:
        """Definitions in a note, in the title and in the possessive are read again alike."""
        text = (
            "Vorlan Press Agency (VPA) reports\n\n"
            "The Organization for Rural Development’s (ORD) plan was read out.\n"
            'Compiled from: "Judges meet," Tamber Legal Council (TLC), 19 June 2007.\n'
        )
        document = osce_thb.parse(text)
        assert [a.short for a in document.abbreviations] == ["TLC", "VPA", "ORD"]
        assert osce_thb.extract(document) == document
        assert osce_thb.extract(osce_thb.from_json(osce_thb.to_json(document))) == document


@pytest.mark.skipif(not REAL_PAGES, reason="no real pages in this checkout")
@pytest.mark.parametrize("path", REAL_PAGES, ids=lambda path: path.name)
def test_real_pages(path: Path) -> None:
    """On every real page: parse is extract after read, and extraction is idempotent."""
    text = path.read_text(encoding="utf-8")
    document = _parse_or_none(text)
    if document is None:
        pytest.skip("the page does not parse")
    assert osce_thb.extract(osce_thb.read(text)) == document
    assert osce_thb.extract(document) == document
    assert osce_thb.extract(osce_thb.from_json(osce_thb.to_json(document))) == document


@given(st.one_of(ost.raw_pages(), st.text(max_size=400)))
def test_parse_is_extract_after_read_for_any_text(text: str) -> None:
    try:
        read = osce_thb.read(text)
    except ParseError as error:
        with pytest.raises(ParseError) as raised:
            osce_thb.parse(text)
        assert str(raised.value) == str(error)
        return
    document = osce_thb.parse(text)
    assert osce_thb.extract(read) == document
    assert osce_thb.extract(document) == document


@given(ost.documents())
def test_extract_never_fails_on_a_valid_document(document: Document) -> None:
    extracted = osce_thb.extract(document)
    assert extracted.body == document.body
    assert osce_thb.extract(extracted) == extracted
