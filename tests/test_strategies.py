"""The public strategies: valid by construction, narrowed by their arguments, registered."""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import osce_thb
from osce_thb import (
    Document,
    DocumentKind,
    FieldOfWork,
    Heading,
    ListItem,
    Paragraph,
    PhaseStatus,
    _dateline,
    _render,
    gazetteer,
    model,
)
from osce_thb import strategies as ost
from osce_thb._hypothesis_plugin import _STRATEGIES

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

MODEL_CLASSES = [getattr(model, name) for name in sorted(_STRATEGIES)]


def _mentions_point_into_the_body(document: Document) -> None:
    texts = [block.text for block in document.body]
    mentions = [m for region in document.regions for m in region.mentions]
    mentions += [m for donor in document.donors for m in donor.mentions]
    mentions += [m for phase in document.nrm_phases for m in phase.mentions]
    mentions += [m for person in document.people for m in person.mentions]
    for mention in mentions:
        assert texts[mention.block][mention.start :].startswith(mention.text)
    for quote in document.quotes:
        assert quote.text in texts[quote.block]
    for figure in document.figures:
        assert figure.block < len(texts)


def _follows_the_format(document: Document) -> None:
    """The rules the strategies' docstring lays down for every generated document."""
    body = document.body
    for block, following in zip(body, (*body[1:], None), strict=False):
        assert block.text == block.text.strip() and "\n" not in block.text
        if isinstance(block, Heading):
            assert isinstance(following, Paragraph | ListItem)
            assert not block.text.endswith(tuple('.,;:!?…"”’»)]'))
        if isinstance(block, Paragraph):
            assert block.text.endswith((".", "!", "?"))
    lines = [b.text if not isinstance(b, ListItem) else "• " + b.text for b in body]
    if document.title is not None:
        lines.append(document.title)
    folded = [" ".join(line.split()).casefold() for line in lines]
    assert len(set(folded)) == len(folded), lines
    if document.dateline is not None:
        assert body[0].text.startswith(document.dateline.text)
        assert document.kind is not DocumentKind.OTHER
        if document.dateline.date is not None:
            assert document.published is not None
    else:
        assert document.title is not None
    if document.related:
        assert document.related[0].published is not None
    assert all(item.kind is not DocumentKind.OTHER for item in document.related)
    for field in document.fields_of_work:
        assert isinstance(field, FieldOfWork) or "," not in field


class TestDocuments:
    @given(ost.documents())
    def test_follow_the_format(self, document: Document) -> None:
        """Every generated document keeps the format's rules."""
        _follows_the_format(document)

    @given(ost.documents())
    def test_derived_fields_are_consistent(self, document: Document) -> None:
        """Mentions point into the body; codes are real; speakers are people; phases agree."""
        _mentions_point_into_the_body(document)
        codes = {region.code for region in document.regions if region.code is not None}
        keys = {donor.key for donor in document.donors}
        assert all(gazetteer.is_region_code(code) for code in codes)
        assert all(gazetteer.is_place_country(region.country) for region in document.regions)
        assert all(
            d.country is None or gazetteer.is_country_code(d.country) for d in document.donors
        )
        people = {person.name: person for person in document.people}
        for quote in document.quotes:
            person = people[quote.speaker.name]
            assert quote.speaker.title is None or quote.speaker.title in person.titles
            assert quote.speaker.role is None or quote.speaker.role in person.roles
        year = document.published.year if document.published else None
        bare_regions = {attrs.evolve(region, mentions=()) for region in document.regions}
        bare_donors = {attrs.evolve(donor, mentions=()) for donor in document.donors}
        for phase in document.nrm_phases:
            assert set(phase.regions) <= bare_regions  # the document's, without mentions
            assert set(phase.donors) <= bare_donors
            assert {region.code for region in phase.regions} <= codes
            assert {donor.key for donor in phase.donors} <= keys
            if year is not None and phase.status is PhaseStatus.COMPLETED:
                assert (phase.end or phase.start or year) <= year
            if year is not None and phase.status is PhaseStatus.PLANNED:
                assert (phase.start or phase.end or year) >= year

    @given(ost.documents(kind=DocumentKind.STORY, with_dateline=True, with_related=True))
    def test_narrowed(self, document: Document) -> None:
        """kind, with_dateline and with_related narrow what is generated."""
        assert document.kind is DocumentKind.STORY
        assert document.dateline is not None
        assert document.related

    @given(ost.documents(with_title=False))
    def test_without_title(self, document: Document) -> None:
        """A document without a title starts at its dateline."""
        assert document.title is None
        assert document.dateline is not None

    @given(ost.documents(with_dateline=False, with_related=False, with_derived=False))
    def test_without_dateline_related_or_derived(self, document: Document) -> None:
        """with_dateline=False, with_related=False and with_derived=False leave those empty."""
        assert document.dateline is None
        assert document.related == ()
        assert ost.carried(document) == document

    @given(ost.documents(min_blocks=2, max_blocks=3))
    def test_block_count(self, document: Document) -> None:
        """min_blocks and max_blocks bound the body."""
        assert 2 <= len(document.body) <= 3

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"kind": DocumentKind.OTHER, "with_dateline": True}, "no kind line"),
            ({"with_title": False, "with_dateline": False}, "starts at its dateline"),
            ({"with_title": False, "kind": DocumentKind.OTHER}, "starts at its dateline"),
            ({"min_blocks": 3, "max_blocks": 2}, "min_blocks <= max_blocks"),
            ({"with_dateline": True, "max_blocks": 0}, "at least one block"),
        ],
    )
    def test_contradictions(self, kwargs: dict[str, Any], message: str) -> None:
        """Arguments that contradict each other or the format are refused at once."""
        with pytest.raises(InvalidArgument, match=message):
            ost.documents(**kwargs)


class TestParts:
    @given(ost.datelines())
    def test_datelines_read_back(self, dateline: model.Dateline) -> None:
        """The parser reads each generated dateline as exactly that dateline."""
        found = _dateline.match_dateline(dateline.text + " Vorlan tamber.")
        assert found is not None
        assert found.dateline == dateline

    @given(ost.datelines(with_date=False))
    def test_undated_datelines(self, dateline: model.Dateline) -> None:
        """with_date=False gives place-only datelines."""
        assert dateline.date is None and dateline.country is None

    def test_an_undated_dateline_names_no_country(self) -> None:
        """A place-only dateline with a country is no style real copies use."""
        with pytest.raises(InvalidArgument, match="names no country"):
            ost.datelines(with_date=False, with_country=True)

    @given(ost.datelines(with_country=True))
    def test_datelines_with_a_country_are_dated(self, dateline: model.Dateline) -> None:
        """with_country=True gives dated datelines that name a country."""
        assert dateline.date is not None and dateline.country is not None

    @given(ost.related_items(with_date=False, with_source=True))
    def test_related_items_narrowed(self, item: model.RelatedItem) -> None:
        """with_date and with_source narrow related items."""
        assert item.published is None and item.source is not None

    def test_related_items_of_kind_other(self) -> None:
        """A related item of kind OTHER has no label to start it."""
        with pytest.raises(InvalidArgument, match="no label"):
            ost.related_items(kind=DocumentKind.OTHER)

    @given(ost.sources(closed=False))
    def test_sources(self, source: model.Source) -> None:
        """Source names never carry the closed marker themselves."""
        assert not source.closed and not source.name.endswith("(closed)")

    @given(ost.regions())
    def test_regions(self, region: model.Region) -> None:
        """Region codes, countries and names come from the gazetteer."""
        if region.code is None:
            assert (region.country, region.name) in {
                (place.country, place.name) for place in gazetteer.places()
            }
        else:
            entry = gazetteer.region(region.code)
            assert (entry.country, entry.name) == (region.country, region.name)

    @given(ost.regions(country="XK"))
    def test_places_without_codes(self, region: model.Region) -> None:
        """Kosovo's places have no code, only their country and name."""
        assert region.code is None
        assert region.country == "XK"

    def test_regions_of_an_unknown_country(self) -> None:
        """A country with no places in the gazetteer is refused."""
        with pytest.raises(InvalidArgument, match="no places of country 'XX'"):
            ost.regions(country="XX")

    @given(ost.donors(states=False))
    def test_organisations(self, donor: model.Donor) -> None:
        """states=False gives organisations, without a country code."""
        assert donor.country is None

    @given(ost.nrm_phases(year=1995))
    def test_phases_agree_with_an_early_year(self, phase: model.NrmPhase) -> None:
        """A year before the usual range still gives consistent phases."""
        if phase.status is PhaseStatus.PLANNED:
            assert (phase.start or 1995) >= 1995

    @given(ost.headings(), ost.list_items(), ost.paragraphs())
    def test_blocks_read_back_alone(
        self, heading: Heading, item: ListItem, paragraph: Paragraph
    ) -> None:
        """A heading, a list item and a paragraph, rendered, parse back as themselves."""
        doc = Document(title="A title above the blocks #0", body=(heading, item, paragraph))
        assert osce_thb.parse(osce_thb.render(doc, "bare")).body == doc.body


class TestRawPages:
    @given(ost.raw_pages(layout="page"))
    def test_page_layout(self, text: str) -> None:
        """Full pages start with the menu and parse."""
        assert text.startswith("-\nOur work\n")
        assert isinstance(osce_thb.parse(text), Document)

    @given(ost.raw_pages(layout="bare", of=ost.documents(with_title=True)))
    def test_bare_layout(self, text: str) -> None:
        """Bare copies start with the title and a blank line."""
        title, blank, _ = text.split("\n", 2)
        assert title and not blank
        assert osce_thb.parse(text).title == title


class TestCarried:
    @given(ost.documents())
    def test_page_layout_empties_derived_fields(self, document: Document) -> None:
        """carried() empties the derived fields and unparsed lines, and keeps the rest."""
        kept = ost.carried(document)
        for name in ("abbreviations", "quotes", "figures", "regions", "donors", "programmes"):
            assert getattr(kept, name) == ()
        assert kept.nrm_phases == ()
        assert kept.unparsed == ()
        assert (kept.kind, kept.title, kept.body, kept.related) == (
            document.kind,
            document.title,
            document.body,
            document.related,
        )

    @given(ost.documents())
    def test_bare_layout_infers_kind_and_date(self, document: Document) -> None:
        """In the bare layout, kind and date are what the dateline implies; no metadata."""
        kept = ost.carried(document, layout="bare")
        dated = document.dateline is not None
        assert kept.kind is (DocumentKind.PRESS_RELEASE if dated else DocumentKind.OTHER)
        assert kept.published == (document.dateline.date if document.dateline else None)
        assert (kept.source, kept.fields_of_work, kept.related) == (None, (), ())


class TestRegistration:
    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    @settings(max_examples=10)
    @given(data=st.data())
    def test_from_type(self, cls: type[Any], data: st.DataObject) -> None:
        """st.from_type(cls) draws valid instances of every model class."""
        assert isinstance(data.draw(st.from_type(cls)), cls)

    def test_every_model_class_is_registered(self) -> None:
        """Every attrs class of the model has a strategy."""
        classes = {
            name for name in model.__all__ if hasattr(getattr(model, name), "__attrs_attrs__")
        }
        assert classes == set(_STRATEGIES)

    def test_importing_osce_thb_does_not_import_hypothesis(self) -> None:
        """Hypothesis is an optional extra: import osce_thb never loads it."""
        code = "import sys, osce_thb; print('hypothesis' in sys.modules)"
        assert _python(code).strip() == "False"

    def test_from_type_after_importing_osce_thb_only(self, tmp_path: Path) -> None:
        """A user's test gets documents from st.from_type through the entry point."""
        test = tmp_path / "test_user.py"
        test.write_text(
            textwrap.dedent(
                """
                import osce_thb
                from hypothesis import given, settings, strategies as st

                @settings(max_examples=5)
                @given(st.from_type(osce_thb.Document))
                def test_user(doc):
                    assert isinstance(doc, osce_thb.Document) and doc.title or doc.dateline
                """
            ),
            encoding="utf-8",
        )
        args = ["-q", "-p", "no:cacheprovider", str(test)]
        code = f"import pytest; raise SystemExit(pytest.main({args!r}))"
        output = _python(code, cwd=tmp_path)
        assert re.search(r"\b1 passed\b", output), output


def _python(code: str, cwd: Path | None = None) -> str:
    env = {key: value for key, value in os.environ.items() if key != "HYPOTHESIS_NO_PLUGINS"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def few_examples() -> Iterator[None]:
    """Run the docstring examples with few examples each; restore the profile after."""
    current = settings.default
    settings.register_profile("osce-thb-docstrings", max_examples=5, deadline=None)
    settings.load_profile("osce-thb-docstrings")
    try:
        yield
    finally:
        settings.register_profile("osce-thb-restored", parent=current)
        settings.load_profile("osce-thb-restored")


@pytest.mark.usefixtures("few_examples")
@pytest.mark.parametrize("module", [ost, _render], ids=lambda module: module.__name__)
def test_docstring_examples_run(module: Any) -> None:
    """The Example sections of the strategies and the renderer run as written."""
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True)
    assert tried > 0
    assert failures == 0
