"""Fuzzing the reader and the renderer with mutated real pages (see `tests._mutants`).

Three properties, on real pages with lines deleted, duplicated, swapped, moved,
cut, glued, re-cased and re-bulleted, and with kind labels, metadata bullets and
chrome put between them:

* parsing is total: a `Document`, or a `ParseError` that points into the input;
* nothing is lost: every line outside the menu is in the document or unparsed;
* the render round trip: ``parse(render(d)) == d`` for all the text carries
  (`osce_thb.strategies.carried`: all but `Document.unparsed` and the fields
  derived from the body).

The real pages are the two fixtures, always, and the development pages when
the shared data is there (the tests on them are skipped otherwise). Each test
draws twice the hypothesis profile's examples: 120 mutants with the profile
"ci" (a few seconds in all), 4,000 with ``OSCE_THB_HYPOTHESIS=thorough``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import osce_thb
from osce_thb import Document, ParseError, _parser, _pipeline, _render
from osce_thb.strategies import carried
from tests._mutants import (
    DEV,
    FIXTURE_PAGES,
    MUTATIONS,
    Mutation,
    describe,
    error_is_inside,
    inserts,
    lost_lines,
    mutants,
    parse_or_none,
    revalues,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

CORPORA = {"fixtures": FIXTURE_PAGES, "dev": DEV}
# Twice the profile's examples: a mutant takes milliseconds ("ci": 120, under a second a test).
_MUTANTS = settings(
    max_examples=2 * settings.default.max_examples,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _pages(corpus: str) -> Sequence[str]:
    pages = CORPORA[corpus]
    if not pages:
        pytest.skip(f"no {corpus} pages here (../shared/dev/pages is absent)")
    return pages


# --------------------------------------------------------------------------- the checks


def check_total(text: str) -> None:
    """A Document, or a ParseError whose line and column are in the input."""
    document, error = parse_or_none(text)
    if error is not None:
        assert error.message
        assert error_is_inside(error, text), f"{error.line}:{error.column} is not in the input"
    else:
        assert isinstance(document, Document)


def check_nothing_lost(text: str) -> None:
    """Every line outside the menu is in the document, or in unparsed with its number."""
    document, _ = parse_or_none(text)
    if document is not None:
        lost = lost_lines(text, document)
        assert not lost, f"lost: {describe(lost)}"


def check_round_trip(text: str) -> None:
    """parse(render(d)) == d for a parsed page, for all the text carries."""
    document, _ = parse_or_none(text)
    if document is None:
        return
    expected = carried(document)
    again = carried(osce_thb.parse(osce_thb.render(document)))
    if again != expected:
        changed = {
            field.name: (getattr(expected, field.name), getattr(again, field.name))
            for field in attrs.fields(Document)
            if getattr(expected, field.name) != getattr(again, field.name)
        }
        raise AssertionError(f"read back otherwise: {describe(changed)}")


# --------------------------------------------------------------------------- the properties


@pytest.mark.parametrize("corpus", sorted(CORPORA))
class TestMutatedRealPages:
    def test_parse_is_total(self, corpus: str) -> None:
        """Any mutant gives a Document or a ParseError inside the input, nothing else."""
        _run(check_total, _pages(corpus))

    def test_nothing_is_lost(self, corpus: str) -> None:
        """Every line of a mutant is in its document or in unparsed."""
        _run(check_nothing_lost, _pages(corpus))

    def test_render_round_trip(self, corpus: str) -> None:
        """A parsed mutant, rendered and parsed again, is the same document."""
        _run(check_round_trip, _pages(corpus))


def _run(check: Callable[[str], None], pages: Sequence[str]) -> None:
    @_MUTANTS
    @given(mutants(pages))
    def run(text: str) -> None:
        check(text)

    run()


# --------------------------------------------------------------------------- the checks can fail

_QUICK = settings(
    max_examples=300,
    database=None,
    phases=[Phase.generate],
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def _falsified(
    check: Callable[[str], None], mutations: Sequence[Mutation] = MUTATIONS
) -> BaseException:
    """Run `check` over mutants of the fixtures until it fails; the error it failed with."""

    @_QUICK
    @given(mutants(FIXTURE_PAGES, mutations=mutations))
    def run(text: str) -> None:
        check(text)

    with pytest.raises(Exception) as caught:  # each test checks the type
        run()
    return caught.value


class TestTheChecksCatchBugs:
    """Each check fails on mutated real pages when the code is broken on purpose."""

    def test_a_parser_that_forgets_what_it_sets_aside(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Dropping the lines kept for unparsed fails 'nothing lost'."""
        monkeypatch.setattr(_parser._Page, "keep", lambda self, *lines: None)
        assert isinstance(_falsified(check_nothing_lost), AssertionError)

    def test_a_renderer_that_writes_every_value_below_its_key(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A source named "Date: 1 May 2013" below "- Source:" reads as a date bullet."""
        monkeypatch.setattr(
            _render, "_bullet", lambda key, value: [f"- {key}:", *([f"- {value}"] if value else [])]
        )
        assert isinstance(_falsified(check_round_trip, [revalues]), AssertionError)

    def test_a_renderer_blind_to_date_lines(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A list item "1 May 2013" written "• 1 May 2013" reads as a date line, set aside."""
        monkeypatch.setattr(_render, "_reads_as_date", lambda line: False)
        assert isinstance(_falsified(check_round_trip, [inserts]), AssertionError)

    def test_a_parser_that_raises_something_else(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A KeyError out of the metadata fails totality."""
        metadata = _parser._parse_metadata

        def broken(page: Any) -> Any:
            if sum(text.startswith("- Date") for text in page.texts) > 1:
                raise KeyError("date")
            return metadata(page)

        monkeypatch.setattr(_parser, "_parse_metadata", broken)
        assert isinstance(_falsified(check_total, [inserts]), KeyError)

    def test_an_error_that_points_outside(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A ParseError whose line is past the end of the input fails totality."""

        def pointing_past_the_end(text: str) -> Document:
            if text.count("- Date") > 1:
                raise ParseError("past the end", line=text.count("\n") + 2, column=1)
            return read(text)

        read = _pipeline.read
        monkeypatch.setattr(_pipeline, "read", pointing_past_the_end)
        assert isinstance(_falsified(check_total, [inserts]), AssertionError)


def test_mutants_differ_from_their_pages() -> None:
    """The strategy mutates: most mutants are not the page they came from."""
    drawn: list[str] = []

    @settings(max_examples=50, database=None, phases=[Phase.generate], deadline=None)
    @given(st.data())
    def run(data: st.DataObject) -> None:
        drawn.append(data.draw(mutants(FIXTURE_PAGES)))

    run()
    assert sum(text not in FIXTURE_PAGES for text in drawn) > len(drawn) // 2
