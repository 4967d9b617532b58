"""Abbreviations: glossary tooltips spilled over two lines, and inline definitions."""

from __future__ import annotations

import pytest

from osce_thb import Abbreviation
from osce_thb._abbreviations import find_inline, merge
from osce_thb._acronyms import expansion_length, restore_tooltip

TOOLTIPS = [
    # (line, following line, joined line, short, long)
    (
        "with lawyers and NGONGO",
        "non-governmental organization staff, he said.",
        "with lawyers and NGO staff, he said.",
        "NGO",
        "non-governmental organization",
    ),
    (
        "NGONGO",
        "non-governmental organization voices",
        "NGO voices",
        "NGO",
        "non-governmental organization",
    ),
    (
        "the “OSCEOSCE",
        "Organization for Security and Co-operation in Europe’s mandate",
        "the “OSCE’s mandate",
        "OSCE",
        "Organization for Security and Co-operation in Europe",
    ),
    (
        "experts of ODIHRODIHR",
        "OSCE Office for Democratic Institutions and Human Rights.",
        "experts of ODIHR.",
        "ODIHR",
        "OSCE Office for Democratic Institutions and Human Rights",
    ),
    ("THBTHB", "trafficking in human beings", "THB", "THB", "trafficking in human beings"),
]

NOT_TOOLTIPS = [
    ("with lawyers and NGONGO", "people who met on Monday."),  # definition does not spell it
    ("the word COCOA", "comes from elsewhere"),  # not a doubled term
    ("AA", "Alcoholics Anonymous"),  # a one-letter term doubled is too short to tell
    ("ends with a normal word", "next line"),
]

INLINE = [
    (
        "with the help of the Freedonian Anti-Trafficking Council (FATC) today",
        [Abbreviation(short="FATC", long="Freedonian Anti-Trafficking Council")],
    ),
    (
        "by civil society organizations (CSOs) in two towns",
        [Abbreviation(short="CSOs", long="civil society organizations")],
    ),
    (
        "the Office for Democratic Institutions and Human Rights (ODIHR) said",
        [Abbreviation(short="ODIHR", long="Office for Democratic Institutions and Human Rights")],
    ),
    ("the office (closed) in 2014 (see below)", []),
    ("a list: (NRM) stands alone", []),
    ("Lviv (UA) hosted", []),
]


class TestTooltips:
    @pytest.mark.parametrize(("line", "following", "joined", "short", "long"), TOOLTIPS)
    def test_restored(self, line: str, following: str, joined: str, short: str, long: str) -> None:
        """The doubled term is written once, its definition recorded and removed."""
        tooltip = restore_tooltip(line, following)
        assert tooltip is not None
        assert tooltip.line == joined
        assert tooltip.abbreviation == Abbreviation(short=short, long=long)

    @pytest.mark.parametrize(("line", "following"), NOT_TOOLTIPS)
    def test_not_restored(self, line: str, following: str) -> None:
        """Lines that only look like a tooltip are left alone."""
        assert restore_tooltip(line, following) is None

    def test_expansion_gives_up_after_too_many_skips(self) -> None:
        """Spelling out a term may pass over a few words, not many."""
        words = ["Alpha", "one", "two", "three", "four", "five", "Beta"]
        assert expansion_length("ab", words) is None
        assert expansion_length("ab", ["Alpha", "one", "Beta"]) == 3


class TestInline:
    @pytest.mark.parametrize(("text", "expected"), INLINE)
    def test_definitions(self, text: str, expected: list[Abbreviation]) -> None:
        """A bracketed abbreviation after its capitalised or spelled-out long form is defined."""
        assert find_inline([text]) == expected

    def test_long_input_is_linear(self) -> None:
        """Many brackets in a row finish and define nothing."""
        assert find_inline(["(AB) " * 20_000]) == []


class TestMerge:
    def test_first_definition_wins(self) -> None:
        """One abbreviation per short form, the first definition kept."""
        first = Abbreviation(short="NGO", long="non-governmental organization")
        second = Abbreviation(short="NGO", long="non-government organisation")
        assert merge([first], [second]) == (first,)
