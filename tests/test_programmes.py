"""Tests for `find_programmes`: kinds, spelling variants, acronyms and mentions."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osce_thb._body import Body
from osce_thb._programmes import find_programmes as _find_programmes
from osce_thb.model import Abbreviation, Mention, Programme

NRM = "National Referral Mechanism"


def find_programmes(texts: list[str], *args: Any) -> Any:
    """`find_programmes` over a body of these block texts."""
    return _find_programmes(Body(texts), *args)


def at(text: str, sentence: str, block: int = 0) -> Mention:
    """The mention of `text` at its first place in `sentence`."""
    return Mention(text=text, block=block, start=sentence.index(text))


# --------------------------------------------------------------------------- tables

VARIANTS = [
    # (sentence, canonical name, the mention's words as written)
    ("The ministry set up a national referral mechanism.", NRM, "national referral mechanism"),
    ("Both National Referral Mechanisms were reviewed.", NRM, "National Referral Mechanisms"),
    ("The referral mechanism now works.", NRM, "referral mechanism"),
    (
        "A transnational referral mechanism links the states.",
        "Transnational Referral Mechanism",
        "transnational referral mechanism",
    ),
    ("Victims may call the hotline.", "hotline", "hotline"),
    ("Victims may call the hot line.", "hotline", "hot line"),
    ("Victims may call the Hot-Line.", "hotline", "Hot-Line"),
    ("A helpline for children opened.", "hotline", "helpline"),
    ("The help line was busy.", "hotline", "help line"),
    (
        "It runs a national, toll-free hotline service.",
        "hotline",
        "national, toll-free hotline service",
    ),
    ("Two counselling hotlines opened.", "hotline", "counselling hotlines"),
    ("Two counseling hotlines opened.", "hotline", "counseling hotlines"),
    ("A 24-hour hotline answers.", "hotline", "24-hour hotline"),
    ("The HOTLINE SERVICES grew.", "hotline", "HOTLINE SERVICES"),
    ("A training programme for judges began.", "training programme", "training programme"),
    ("The Training Programs ended.", "training programme", "Training Programs"),
    ("Police attended training seminars.", "training programme", "training seminars"),
    ("They took vocational training courses.", "training programme", "vocational training courses"),
    (
        "Women joined an economic empowerment programme.",
        "economic empowerment programme",
        "economic empowerment programme",
    ),
    (
        "The state drafted a comprehensive national programme.",
        "National Anti-trafficking Programme",
        "comprehensive national programme",
    ),
    (
        "It implements the National Anti-trafficking Program.",
        "National Anti-trafficking Programme",
        "National Anti-trafficking Program",
    ),
    (
        "The state programme on combating trafficking in human beings ends soon.",
        "National Anti-trafficking Programme",
        "state programme on combating trafficking in human beings",
    ),
    ("The National Action Plan was adopted.", "National Action Plan", "National Action Plan"),
    ("A national plan of action exists.", "National Action Plan", "national plan of action"),
    (
        "The National Action Plan against Trafficking in Persons was adopted.",
        "National Action Plan",
        "National Action Plan against Trafficking in Persons",
    ),
    (
        "The OSCE Action Plan to Combat Trafficking in Human Beings guides us.",
        "OSCE Action Plan to Combat Trafficking in Human Beings",
        "OSCE Action Plan to Combat Trafficking in Human Beings",
    ),
    (
        "Shelters run rehabilitation and reintegration programmes.",
        "rehabilitation programme",
        "rehabilitation and reintegration programmes",
    ),
    ("A reintegration programme started.", "reintegration programme", "reintegration programme"),
    (
        "A victims’ assistance program started.",
        "victim assistance programme",
        "victims’ assistance program",
    ),
    (
        "A witness protection programme started.",
        "witness protection programme",
        "witness protection programme",
    ),
    (
        "They ran a public awareness campaign.",
        "awareness-raising campaign",
        "public awareness campaign",
    ),
    (
        "They ran awareness raising campaigns.",
        "awareness-raising campaign",
        "awareness raising campaigns",
    ),
    ("They ran information campaigns.", "awareness-raising campaign", "information campaigns"),
    ("They ran prevention campaigns.", "prevention campaign", "prevention campaigns"),
    ("Youth educational programmes help.", "educational programme", "Youth educational programmes"),
    ("(national referral mechanism) was cited", NRM, "national referral mechanism"),
]

NOT_PROGRAMMES = [
    "The plan was good and the programme of the visit was long.",
    "She is the National Programme Officer.",
    "A seminar on ethics and a course in law.",
    "The mechanism works; planning went on; nothing was programmed.",
    "An online form and a hotline-based service.",
    "The campaign ended.",
    "",
]


TOKENS = [
    "national", "National", "referral", "mechanism", "(NRM)", "NRM", "NRMs", "hotline",
    "hot", "line", "toll-free", "training", "programme", "seminars", "plan", "of", "action",
    "the", "(", ")", ",", ".", "-", "İ", "\u00a0", "campaign", "awareness-raising",
]  # fmt: skip

blocks_of_tokens = st.lists(st.lists(st.sampled_from(TOKENS)).map(" ".join) | st.text(), max_size=4)


# --------------------------------------------------------------------------- tests


class TestKinds:
    @pytest.mark.parametrize(("sentence", "name", "words"), VARIANTS)
    def test_variant(self, sentence: str, name: str, words: str) -> None:
        """Every spelling of a kind maps to its canonical name; the mention keeps the words."""
        assert find_programmes([sentence], []) == (
            Programme(name=name, mentions=(at(words, sentence),)),
        )

    @pytest.mark.parametrize("sentence", NOT_PROGRAMMES)
    def test_not_a_programme(self, sentence: str) -> None:
        """Heads without a programme's name, posts and compounds are no programmes."""
        assert find_programmes([sentence], []) == ()

    def test_no_blocks(self) -> None:
        """An empty body names no programme."""
        assert find_programmes([], []) == ()

    def test_variants_merge(self) -> None:
        """Spellings of one kind make one programme, its mentions in text order."""
        blocks = ["A hotline opened.", "Regional hotlines and the national help line grew."]
        assert find_programmes(blocks, []) == (
            Programme(
                name="hotline",
                mentions=(
                    at("hotline", blocks[0]),
                    at("Regional hotlines", blocks[1], block=1),
                    at("national help line", blocks[1], block=1),
                ),
            ),
        )

    def test_order_of_first_mention(self) -> None:
        """Programmes come in the order of their first mention."""
        sentence = "The training programme, the hotline and another training course."
        assert find_programmes([sentence], []) == (
            Programme(
                name="training programme",
                mentions=(at("training programme", sentence), at("training course", sentence)),
            ),
            Programme(name="hotline", mentions=(at("hotline", sentence),)),
        )

    def test_longest_name(self) -> None:
        """Of two names around one head, the longer is the mention."""
        sentence = "A transnational referral mechanism."
        assert find_programmes([sentence], []) == (
            Programme(
                name="Transnational Referral Mechanism",
                mentions=(at("transnational referral mechanism", sentence),),
            ),
        )


class TestAcronyms:
    def test_from_abbreviations(self) -> None:
        """An abbreviation of a kind's name gives the acronym; the bare acronym is a mention."""
        blocks = ["The ministry set up a national referral mechanism.", "The NRM covers Lviv."]
        abbreviations = [Abbreviation(short="NRM", long="national referral mechanism")]
        assert find_programmes(blocks, abbreviations) == (
            Programme(
                name=NRM,
                acronym="NRM",
                mentions=(
                    at("national referral mechanism", blocks[0]),
                    at("NRM", blocks[1], block=1),
                ),
            ),
        )

    def test_inline_definition(self) -> None:
        """An acronym in brackets after a name is the acronym; the definition is no mention."""
        blocks = ["The National Action Plan (NAP) was adopted.", "The NAP was revised."]
        assert find_programmes(blocks, []) == (
            Programme(
                name="National Action Plan",
                acronym="NAP",
                mentions=(at("National Action Plan", blocks[0]), at("NAP", blocks[1], block=1)),
            ),
        )

    def test_acronym_forms(self) -> None:
        """Plurals and compounds of the acronym are mentions; words containing it are not."""
        sentence = "Two NRMs, an NRM-based plan, PNRM, NRMX and nrm."
        abbreviations = [Abbreviation(short="NRM", long=NRM)]
        assert find_programmes([sentence], abbreviations) == (
            Programme(
                name=NRM,
                acronym="NRM",
                mentions=(
                    at("NRMs", sentence),
                    Mention(text="NRM", block=0, start=sentence.index("NRM-")),
                ),
            ),
        )

    def test_acronym_alone(self) -> None:
        """A text that only uses the acronym still names the programme."""
        assert find_programmes(["The NRM works."], [Abbreviation(short="NRM", long=NRM)]) == (
            Programme(name=NRM, acronym="NRM", mentions=(Mention(text="NRM", block=0, start=4),)),
        )

    def test_abbreviation_wins_over_inline(self) -> None:
        """The abbreviations' acronym wins over one in brackets in the text."""
        sentence = "The National Referral Mechanism (NaRM) works."
        assert find_programmes([sentence], [Abbreviation(short="NRM", long=NRM)]) == (
            Programme(name=NRM, acronym="NRM", mentions=(at(NRM, sentence),)),
        )

    def test_unrelated_abbreviation(self) -> None:
        """An abbreviation of something that is no programme names none."""
        abbreviations = [Abbreviation(short="NGO", long="non-governmental organization")]
        assert find_programmes(["Two NGOs met."], abbreviations) == ()

    def test_programme_of_its_own(self) -> None:
        """An abbreviation whose long form ends in a programme word is a programme of its own."""
        sentence = "The Comprehensive Anti-Trafficking Strategy (CATS) passed; CATS works."
        long = "Comprehensive Anti-Trafficking Strategy"
        assert find_programmes([sentence], [Abbreviation(short="CATS", long=long)]) == (
            Programme(
                name=long,
                acronym="CATS",
                mentions=(
                    at(long, sentence),
                    Mention(text="CATS", block=0, start=sentence.rindex("CATS")),
                ),
            ),
        )

    def test_long_form_wins_over_name_inside(self) -> None:
        """A kind's name inside an abbreviation's long form is part of that mention."""
        sentence = "The Child Hotline Initiative grew."
        long = "Child Hotline Initiative"
        assert find_programmes([sentence], [Abbreviation(short="CHI", long=long)]) == (
            Programme(name=long, acronym="CHI", mentions=(at(long, sentence),)),
        )


class TestAdversarial:
    def test_long_run_of_modifiers(self) -> None:
        """A name is read back only so far: 20,000 modifiers cost no more than a few."""
        text = "national " * 20_000 + "hotline"
        (programme,) = find_programmes([text], [])
        assert programme == Programme(
            name="hotline",
            mentions=(Mention(text="national " * 7 + "hotline", block=0, start=len(text) - 70),),
        )

    def test_many_heads(self) -> None:
        """Twenty thousand hotlines are twenty thousand mentions."""
        (programme,) = find_programmes(["hotline " * 20_000], [])
        assert len(programme.mentions) == 20_000
        assert {mention.text for mention in programme.mentions} == {"hotline"}

    @pytest.mark.parametrize(
        "text",
        [
            "programme " * 20_000,
            "training " * 20_000,
            "( " * 50_000,
            "plan of " * 20_000,
            "national, " * 20_000,
            "x" * 100_000,
        ],
    )
    def test_junk_gives_nothing(self, text: str) -> None:
        """Long runs of heads, modifiers or brackets without a name give nothing (promptly)."""
        assert find_programmes([text], []) == ()

    def test_many_acronyms(self) -> None:
        """Every one of many acronyms is a mention."""
        (programme,) = find_programmes(["NRM " * 20_000], [Abbreviation(short="NRM", long=NRM)])
        assert len(programme.mentions) == 20_000


class TestInvariants:
    @given(blocks_of_tokens)
    def test_mentions_stand_where_they_say(self, blocks: list[str]) -> None:
        """Every mention's text stands in its block at its offset, and programmes are distinct."""
        programmes = find_programmes(blocks, [Abbreviation(short="NRM", long=NRM)])
        for programme in programmes:
            for mention in programme.mentions:
                written = blocks[mention.block][mention.start : mention.start + len(mention.text)]
                assert written == mention.text
        assert len({programme.name for programme in programmes}) == len(programmes)
