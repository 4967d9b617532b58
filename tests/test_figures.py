"""Tests for `find_figures`: what counts as a figure, its value, hedge and noun."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osce_thb._body import Body
from osce_thb._figures import find_figures as _find_figures
from osce_thb.model import Figure


def find_figures(texts: list[str], *args: Any) -> Any:
    """`find_figures` over a body of these block texts."""
    return _find_figures(Body(texts), *args)


def fig(
    value: int, text: str, counted: str | None = None, qualifier: str | None = None, block: int = 0
) -> Figure:
    return Figure(value=value, qualifier=qualifier, counted=counted, text=text, block=block)


# --------------------------------------------------------------------------- tables

QUALIFIED = [
    ("Some 350 border guards took part.", fig(350, "Some 350", "border guards", "some")),
    ("The unit trained almost 2,500 teachers.", fig(2500, "almost 2,500", "teachers", "almost")),
    ("over 80 lawyers and volunteers signed", fig(80, "over 80", "lawyers and volunteers", "over")),
    ("It held more than 900 meetings.", fig(900, "more than 900", "meetings", "more than")),
    ("nearly 1,800 calls were logged", fig(1800, "nearly 1,800", "calls", "nearly")),
    ("about 45 mayors came", fig(45, "about 45", "mayors", "about")),
    ("around 70 inspectors came", fig(70, "around 70", "inspectors", "around")),
    ("at least 15 shelters opened", fig(15, "at least 15", "shelters", "at least")),
    ("up to 35 trainees per group", fig(35, "up to 35", "trainees", "up to")),
    ("fewer than 20 convictions", fig(20, "fewer than 20", "convictions", "fewer than")),
    ("approximately 640 nurses", fig(640, "approximately 640", "nurses", "approximately")),
    ("less than 9 prosecutors", fig(9, "less than 9", "prosecutors", "less than")),
    ("no fewer than 11 judges", fig(11, "no fewer than 11", "judges", "no fewer than")),
    ("in excess of 3,000 leaflets", fig(3000, "in excess of 3,000", "leaflets", "in excess of")),
    ("As many as 60 villages", fig(60, "As many as 60", "villages", "as many as")),
    ("exactly 14 shelters", fig(14, "exactly 14", "shelters", "exactly")),
    ("roughly 400 students", fig(400, "roughly 400", "students", "roughly")),
]

NUMBERS = [
    ("The helpline logged 1,250,000 calls.", fig(1_250_000, "1,250,000", "calls")),
    ("They printed 4500 brochures.", fig(4500, "4500", "brochures")),
    ("Six more districts will follow.", fig(6, "Six", "districts")),
    ("Forty customs officers graduated.", fig(40, "Forty", "customs officers")),
    ("eleven mobile teams were formed", fig(11, "eleven", "mobile teams")),
    ("Twenty-five labour inspectors met.", fig(25, "Twenty-five", "labour inspectors")),
    ("twenty five inspectors met", fig(25, "twenty five", "inspectors")),
    ("NINETEEN cases were opened", fig(19, "NINETEEN", "cases")),
    ("two hundred volunteers signed up", fig(200, "two hundred", "volunteers")),
    ("three thousand posters were hung", fig(3000, "three thousand", "posters")),
    ("The fund holds 1.5 million tonnes.", fig(1_500_000, "1.5 million", "tonnes")),
    ("Some 2 million residents live there.", fig(2_000_000, "Some 2 million", "residents", "some")),
    ("A reserve of 3 billion litres.", fig(3_000_000_000, "3 billion", "litres")),
    ("It serves 2.25 million people.", fig(2_250_000, "2.25 million", "people")),
    ("two hundred thousand leaflets", fig(200_000, "two hundred thousand", "leaflets")),
    ("Only one shelter exists in the town.", fig(1, "one", "shelter")),
    ("At least one NGO joined.", fig(1, "At least one", "NGO", "at least")),
    ("One mobile clinic answered.", fig(1, "One", "mobile clinic")),
]

COUNTED = [
    ("They reached 70 people who needed help.", "people"),
    ("Here 12 staff members work.", "staff members"),
    ("Some 30 police officers joined.", "police officers"),
    ("Officials met 8 trafficked persons.", "trafficked persons"),
    ("It has 5 NGOs, and more.", "NGOs"),
    ("The 57 participating States agreed.", "participating States"),
    ("They trained 40 judges and helped them.", "judges"),
    ("He met 40 judges and prosecutors there.", "judges and prosecutors"),
    ("He met 40 judges and twenty clerks.", "judges"),
    ("There were 90 participants from Moldova.", "participants"),
    ("They saw 90 participants discuss it.", "participants"),
    ("It took 3 days.", "days"),
    ("The region has 25 social workers’ unions.", "social workers’ unions"),
    ("A total of 14 girls returned.", "girls"),
    ("A sum of 12,000 UAH was paid.", "UAH"),
    ("Four new shelters opened.", "new shelters"),
    ("one victim received aid", "victim"),
]

NO_NOUN = [
    "Since then, 22,500 have phoned.",
    "Of the group, 30 were women.",
    "100 attended the event.",
    "The count reached 615.",
]

MONEY_AND_PERCENT = [
    ("It cost EUR 50,000 in total.", fig(50_000, "EUR 50,000", "EUR")),
    ("some EUR 1.2 million was spent", fig(1_200_000, "some EUR 1.2 million", "EUR", "some")),
    ("A grant of €75,000 came.", fig(75_000, "€75,000", "EUR")),
    ("They raised $2 million.", fig(2_000_000, "$2 million", "USD")),
    ("Fees of £300 apply.", fig(300, "£300", "GBP")),
    ("A loan of US$ 40,000 followed.", fig(40_000, "US$ 40,000", "USD")),
    ("The budget was 80,000 euros.", fig(80_000, "80,000", "euros")),
    ("About 30% of victims were men.", fig(30, "About 30", "per cent", "about")),
    ("Some 45 per cent were minors.", fig(45, "Some 45", "per cent", "some")),
    ("Only 12 percent returned.", fig(12, "12", "per cent")),
]

NOT_FIGURES = [
    # years
    "In 2011 the law changed.",
    "Work went on from 2004 to 2007.",
    "The 2015 campaign and the 2016-2017 plans.",
    "It ran since 1999, until 2001 and by 2020.",
    "They met in June 2012.",
    "In 2013 there were 2013 reports.",
    "around 2010, the law changed",
    # dates
    "The talks on 21 November went well.",
    "The course ran on 3-4 April.",
    "It opened on 5 and 6 March in Lviv.",
    "The report of October 14 was late.",
    "The deadline is 1 OCT and 13.12.2013 and 2013-12-13.",
    "ODESA, 2 March – the day began.",
    # ordinals and times
    "The first meeting was the 21st one.",
    "It starts at 10:30 or at 9 am or 6 p.m.",
    # telephone numbers
    "Call 0 800 500 225 today.",
    "Dial +380 44 123 45 67 now.",
    "Ring (044) 123-4567 now.",
    # names and codes
    "Resolution 1325 was cited.",
    "Under Article 149 of the Code.",
    "In region UA-14 and zone G20.",
    "The UNSCR 1325 agenda.",
    "Decision No. 557 applies.",
    "See paragraph 12 and page 4 and Chapter 3.",
    "Phase 2 starts soon.",
    "Ring tel. 527 at once.",
    # list numbers
    "1. Introduction",
    "2) Scope of the work",
    "See (3) and [4] below.",
    # compounds and ranges
    "A three-day seminar took place.",
    "The 24/7 service and a 10-day course.",
    "Between 10-15 participants came.",
    "Kyiv.40 people",
    # words that count nothing
    "This is one of the ways to help.",
    "No one was hurt; the one that left came back.",
    "one by one, one another, one such case",
    "The two of them agreed; all three signed.",
    "Hundreds of people and thousands of leaflets.",
    # not whole numbers
    "The rate rose by 2.5 per cent.",
    "It weighs 1.25 tonnes.",
    "It weighs 1.2345 thousand tonnes.",
]


TOKENS = [
    "some", "over", "more", "than", "200", "1,000", "1,1", "2013", "13", "May", "one", "One",
    "of", "the", "people", "and", "twenty", "-five", "hundred", "1.5", "million", "per",
    "cent", "%", "€", "EUR", "No.", "(", ")", "-", "–", "/", ".", ",", "İ", "\u00a0", "\t",
]  # fmt: skip

blocks_of_tokens = st.lists(st.lists(st.sampled_from(TOKENS)).map(" ".join) | st.text(), max_size=4)


# --------------------------------------------------------------------------- tests


class TestQualifiers:
    @pytest.mark.parametrize(("sentence", "expected"), QUALIFIED)
    def test_hedge(self, sentence: str, expected: Figure) -> None:
        """A hedge right before the number is its qualifier, lower-cased, and part of its text."""
        assert find_figures([sentence]) == (expected,)

    def test_spacing_of_hedge(self) -> None:
        """A hedge split by several spaces is still found, and single-spaced."""
        assert find_figures(["more  than  600 interviews"]) == (
            fig(600, "more  than  600", "interviews", "more than"),
        )

    def test_no_hedge_across_a_bracket(self) -> None:
        """A hedge before an opening bracket does not qualify the number inside it."""
        assert find_figures(["some (40 participants)"]) == (fig(40, "40", "participants"),)

    def test_word_ending_like_a_hedge(self) -> None:
        """Only whole words are hedges: "handsome 40" has none."""
        assert find_figures(["a handsome 40 prizes"]) == (fig(40, "40", "prizes"),)


class TestNumbers:
    @pytest.mark.parametrize(("sentence", "expected"), NUMBERS)
    def test_value(self, sentence: str, expected: Figure) -> None:
        """Digits, thousands commas, words, compounds and scale words give the value."""
        assert find_figures([sentence]) == (expected,)

    def test_year_with_hedge_and_noun_counts(self) -> None:
        """A year-like number with a hedge and a plural noun is a count."""
        assert find_figures(["Some 2000 people came."]) == (
            fig(2000, "Some 2000", "people", "some"),
        )

    def test_bare_year_like_number_is_a_year(self) -> None:
        """Without a hedge, four digits from 1900 to 2099 read as a year."""
        assert find_figures(["2000 people came."]) == ()

    def test_comma_makes_it_a_count(self) -> None:
        """With a thousands comma, 2,000 is a count, not a year."""
        assert find_figures(["2,000 people came."]) == (fig(2000, "2,000", "people"),)

    def test_year_as_money(self) -> None:
        """A year-like amount of money is a count."""
        assert find_figures(["It cost EUR 2000."]) == (fig(2000, "EUR 2000", "EUR"),)

    def test_nonbreaking_space(self) -> None:
        """A non-breaking space counts as a space, and the text keeps it as written."""
        assert find_figures(["up to\u00a030 volunteers"]) == (
            fig(30, "up to\u00a030", "volunteers", "up to"),
        )

    @pytest.mark.parametrize(
        "space", [chr(code) for code in range(0x3001) if chr(code).isspace() and code != 0x20]
    )
    def test_every_other_space(self, space: str) -> None:
        """Any space that `str.isspace` knows separates a hedge, a number and its noun."""
        assert find_figures([f"up to{space}30{space}volunteers"]) == (
            fig(30, f"up to{space}30", "volunteers", "up to"),
        )


class TestCounted:
    @pytest.mark.parametrize(("sentence", "counted"), COUNTED)
    def test_noun_phrase(self, sentence: str, counted: str) -> None:
        """What a figure counts is the noun phrase right after the number."""
        assert find_figures([sentence])[0].counted == counted

    @pytest.mark.parametrize("sentence", NO_NOUN)
    def test_digits_without_noun(self, sentence: str) -> None:
        """A number in digits is a figure even when no noun follows it."""
        (figure,) = find_figures([sentence])
        assert figure.counted is None

    def test_phrase_stops_at_block_end(self) -> None:
        """A noun phrase never runs into the next block."""
        assert find_figures(["They trained 45", "judges in Lviv."]) == (fig(45, "45"),)


class TestMoneyAndPercent:
    @pytest.mark.parametrize(("sentence", "expected"), MONEY_AND_PERCENT)
    def test_unit(self, sentence: str, expected: Figure) -> None:
        """Money counts its currency, by ISO code; a percentage counts "per cent"."""
        assert find_figures([sentence]) == (expected,)


class TestNotFigures:
    @pytest.mark.parametrize("sentence", NOT_FIGURES)
    def test_not_a_figure(self, sentence: str) -> None:
        """Years, dates, ordinals, times, phone numbers, codes and list numbers are no figures."""
        assert find_figures([sentence]) == ()

    def test_dateline_before_a_count(self) -> None:
        """The date of a dateline is skipped, the count after it kept."""
        assert find_figures(["VILNIUS, 4 May 2011 - Thirty experts met."]) == (
            fig(30, "Thirty", "experts"),
        )


class TestBlocks:
    def test_no_blocks(self) -> None:
        """An empty body has no figures."""
        assert find_figures([]) == ()

    def test_block_index_and_order(self) -> None:
        """Figures come in document order, each with the index of its block."""
        blocks = ["Nearly 90 mayors met.", "", "No numbers here.", "Then 7 towns and 12 villages."]
        assert find_figures(blocks) == (
            fig(90, "Nearly 90", "mayors", "nearly", block=0),
            fig(7, "7", "towns", block=3),
            fig(12, "12", "villages", block=3),
        )

    def test_number_opening_a_block(self) -> None:
        """A number at the start of any block is found."""
        assert find_figures(["Intro.", "51 people came."]) == (fig(51, "51", "people", block=1),)

    def test_no_hedge_across_blocks(self) -> None:
        """A hedge at the end of one block does not qualify a number in the next."""
        assert find_figures(["They counted some", "40 cases."]) == (
            fig(40, "40", "cases", block=1),
        )

    def test_list_number_opening_a_later_block(self) -> None:
        """A list number opening a block after the first is skipped too."""
        assert find_figures(["Intro.", "3. Findings"]) == ()


class TestAdversarial:
    @pytest.mark.parametrize(
        "text",
        [
            "1" * 100_000,
            "1," * 50_000,
            "1,111" * 20_000,
            "some " * 20_000,
            "1 " * 50_000,
            " ,1" * 30_000,
            "more than " * 10_000,
            "13" + " " * 100_000 + "May",
            "9-" * 50_000,
        ],
    )
    def test_long_junk_gives_nothing(self, text: str) -> None:
        """Long runs of digits, commas, hedges or spaces are no figures (and end promptly)."""
        assert find_figures([text]) == ()

    def test_long_word_after_number(self) -> None:
        """A 100,000-letter word after a number is read once, as what it counts."""
        word = "a" * 100_000
        assert find_figures(["4 " + word]) == (fig(4, "4", word),)

    def test_many_figures(self) -> None:
        """Ten thousand figures in one block are all found."""
        figures = find_figures(["some 5 cats, " * 10_000])
        assert len(figures) == 10_000
        assert set(figures) == {fig(5, "some 5", "cats", "some")}


class TestInvariants:
    @given(blocks_of_tokens)
    def test_text_stands_in_its_block(self, blocks: list[str]) -> None:
        """Every figure's text is a slice of the block it names, hedge first."""
        for figure in find_figures(blocks):
            assert figure.text in blocks[figure.block]
            assert figure.qualifier is None or figure.text.lower().startswith(
                figure.qualifier.split()[0]
            )
