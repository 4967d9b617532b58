"""Abbreviations: glossary tooltips spilled over two lines, and inline definitions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osce_thb import Abbreviation
from osce_thb._abbreviations import find_inline
from osce_thb._acronyms import expansion_length, merge, restore_tooltip

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


def defined(short: str, long: str) -> list[Abbreviation]:
    return [Abbreviation(short=short, long=long)]


INLINE = [
    # (text, what it defines)
    (
        "with the help of the Freedonian Anti-Trafficking Council (FATC) today",
        defined("FATC", "Freedonian Anti-Trafficking Council"),
    ),
    (
        "by civil society organizations (CSOs) in two towns",
        defined("CSOs", "civil society organizations"),
    ),
    (
        "the Office for Rural Schools and Public Libraries (ORSPL) said",
        defined("ORSPL", "Office for Rural Schools and Public Libraries"),
    ),
]

# The long form is the shortest span before the bracket that spells the short form.
TOO_EARLY = [
    (  # not over "and" into the name before
        "the Board of Wardens and Coastal Anti-Trafficking Forum (CATF) met",
        defined("CATF", "Coastal Anti-Trafficking Forum"),
    ),
    (  # not over a comma into a list
        "the Ministry of Fisheries and Forests, the Bureau for Missing Persons (BMP) and",
        defined("BMP", "Bureau for Missing Persons"),
    ),
    (  # not the possessive of the parent body
        "the VU’s Office for Rural Schools and Public Libraries (ORSPL) said",
        defined("ORSPL", "Office for Rural Schools and Public Libraries"),
    ),
    (  # not a hyphenated modifier
        "a UN-backed rapid response unit (RRU) arrived",
        defined("RRU", "rapid response unit"),
    ),
    (  # not the words that govern it
        "a unit for fighting smuggling of migrants (SOM) opened",
        defined("SOM", "smuggling of migrants"),
    ),
    (  # not the lower-case words that lead a capitalised name
        "the anti-fraud Vorlan Referral Desk (VRD) took calls",
        defined("VRD", "Vorlan Referral Desk"),
    ),
]

NOT_FOUND_BEFORE = [
    (  # mixed case
        "the Republic of Tamberland (RoT) and",
        defined("RoT", "Republic of Tamberland"),
    ),
    (  # a lower-case letter from a minor word
        "the Department for International Cooperation (DfIC)",
        defined("DfIC", "Department for International Cooperation"),
    ),
    (  # hyphen, and a possessive inside the long form
        "the Freedonian Health Agency’s Rural Outreach Programme (FHA-ROP) began",
        defined("FHA-ROP", "Freedonian Health Agency’s Rural Outreach Programme"),
    ),
    (  # a space, and a word in capitals giving all its letters
        "the OSCE Field Office in Vorland (OSCE FOV) helped",
        defined("OSCE FOV", "OSCE Field Office in Vorland"),
    ),
    (  # a plural
        "mobile legal clinics (MLCs) travelled",
        defined("MLCs", "mobile legal clinics"),
    ),
    (  # a full stop inside the bracket
        "the Office for Rural Schools (ORS.) said",
        defined("ORS", "Office for Rural Schools"),
    ),
    (  # "the" inside the bracket
        "officers of the National Police of Vorland (the NPV) met",
        defined("NPV", "National Police of Vorland"),
    ),
    (  # right after a closing quote mark
        "the so-called “Vorlan Safe Homes Network” (VSHN) grew",
        defined("VSHN", "Vorlan Safe Homes Network"),
    ),
    (  # right after a comma: a source note
        'Compiled from: "Judges meet," Vorlan Press Agency (VPA), 19 June 2007.',
        defined("VPA", "Vorlan Press Agency"),
    ),
    (  # a possessive before the bracket
        "the Organization for Rural Development’s (ORD) plan",
        defined("ORD", "Organization for Rural Development"),
    ),
    (  # a hyphenated word gives two letters
        "the Vorlan-Tamber Joint Commission (VTJC) met",
        defined("VTJC", "Vorlan-Tamber Joint Commission"),
    ),
    (  # letters from inside words
        "the Vorlan Nations International Children’s Fund (VNICF)",
        defined("VNICF", "Vorlan Nations International Children’s Fund"),
    ),
    (
        "remote sensing intelligence (RSINT) courses",
        defined("RSINT", "remote sensing intelligence"),
    ),
    ("the Transnational Fraud Bureau (TNFB) and", defined("TNFB", "Transnational Fraud Bureau")),
    (  # a letter from a minor word
        "the annual Trafficking in Persons (TIP) report",
        defined("TIP", "Trafficking in Persons"),
    ),
    (  # a stand-alone hyphen inside the long form
        "Association of Northern Nations - Vorland Counter Fraud (ANN-VCF)",
        defined("ANN-VCF", "Association of Northern Nations - Vorland Counter Fraud"),
    ),
    (  # minor words of another language
        "the Verband für Opferhilfe und Beratung (VOB) in",
        defined("VOB", "Verband für Opferhilfe und Beratung"),
    ),
    (  # a dotted abbreviation is no sentence end
        "the U.S. Agency for Rural Affairs (USARA) gave",
        defined("USARA", "U.S. Agency for Rural Affairs"),
    ),
    (  # nor is the period of "St."
        "the St. Petersburg Support Centre (SPSC) and",
        defined("SPSC", "St. Petersburg Support Centre"),
    ),
    (  # a parent organisation's acronym belongs to the name
        "the OSCE Field Office in Vorland (FOV) helped",
        defined("FOV", "OSCE Field Office in Vorland"),
    ),
    (  # two neighbouring letters swapped: a typo
        "the Office for Rural Schools and Public Libraries (ORSLP) said",
        defined("ORSLP", "Office for Rural Schools and Public Libraries"),
    ),
]

REVERSE_ORDER = [
    ("VCF (Vorlan Children’s Fund) and", defined("VCF", "Vorlan Children’s Fund")),
    (  # letters from inside words
        "the VNICF (the Vorlan Nations International Children’s Fund) gave",
        defined("VNICF", "Vorlan Nations International Children’s Fund"),
    ),
    ("the VCF (Vorlan Fund for Children) gave", []),  # the bracket spells something else
    ("the VCF (Freedonian Vorlan Children’s Fund) gave", []),  # more than the short form
    ("the VCF (Vorlan, Children and Fund) gave", []),  # a list
]

NEGATIVE = [
    "Delegates came from Vorland. New rules (VN) apply.",  # across a sentence end
    "Vorland, Tamberland and Freedonia (VTF) met",  # across a list
    "a year of change (2013) in Vorland",
    "the office in Vorland (Vorland) and",
    "the office (closed) in 2014 (see below)",
    "Read the full report (PDF)",
    "Ivan Petrenko (left) and Anna Kovacs (MP, Freedonia) spoke",
    "the project manager (Anna Kovacs) said",  # a name, not an abbreviation
    "Against Slavery (Anti-Slavery) spoke",  # a word, not an abbreviation
    "Lviv (UA) hosted",
    "in Vorland (UA) and",  # one word is no long form
    "the OSCE Office (OSCE) met",  # the short form is a word of the long form
    "a list: (NRM) stands alone",
    "the Vorlan Council, (VC) met",  # a comma before the bracket
    "an aside (Vorlan. mobile unit (VMU) met",  # across an opening bracket
    "the Office of the Vorlan Ombudsman and two Rural Safety Teams (OVORST)",  # too many gaps
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
    @pytest.mark.parametrize(("text", "expected"), INLINE + TOO_EARLY)
    def test_shortest_span(self, text: str, expected: list[Abbreviation]) -> None:
        """The long form is the shortest span right before the bracket that spells it."""
        assert find_inline([text]) == expected

    @pytest.mark.parametrize(("text", "expected"), NOT_FOUND_BEFORE)
    def test_shapes(self, text: str, expected: list[Abbreviation]) -> None:
        """Mixed case, hyphens, plurals, quotes, possessives and inner letters are read."""
        assert find_inline([text]) == expected

    @pytest.mark.parametrize(("text", "expected"), REVERSE_ORDER)
    def test_reverse_order(self, text: str, expected: list[Abbreviation]) -> None:
        """A short form followed by its long form in brackets, the whole bracket spelling it."""
        assert find_inline([text]) == expected

    @pytest.mark.parametrize("text", NEGATIVE)
    def test_not_abbreviations(self, text: str) -> None:
        """Years, places, asides, names and loose letters define nothing."""
        assert find_inline([text]) == []

    def test_in_the_order_of_the_text(self) -> None:
        """Definitions come in the order of the blocks and of the text in each."""
        texts = [
            "the Rural Safety Board (RSB) and mobile legal clinics (MLCs)",
            "VF (Vorlan Fund)",
        ]
        assert [a.short for a in find_inline(texts)] == ["RSB", "MLCs", "VF"]

    def test_long_input_is_linear(self) -> None:
        """Many brackets in a row finish and define nothing."""
        assert find_inline(["(AB) " * 20_000]) == []

    def test_many_definitions(self) -> None:
        """A long block of definitions is read in one pass, every one found."""
        text = "the Alpha Beta Gamma Office (ABGO) and " * 5_000
        assert len(find_inline([text])) == 5_000


class TestMerge:
    def test_glossary_wins(self) -> None:
        """A glossary tooltip wins over an inline definition of the same short form."""
        tooltip = Abbreviation(short="VPA", long="Vorlan Press Agency")
        inline = find_inline(["the Vorlan Public Archive (VPA) opened"])
        assert merge([tooltip], inline) == (tooltip,)

    def test_first_definition_wins(self) -> None:
        """One abbreviation per short form, the first definition kept."""
        first = Abbreviation(short="NGO", long="non-governmental organization")
        second = Abbreviation(short="NGO", long="non-government organisation")
        assert merge([first], [second]) == (first,)


# Pieces of made-up text for the property tests: names, lower-case words, minor
# words, punctuation that ends or opens spans, and brackets.
NAMES = ["Vorlan", "Tamber", "Rural", "Safety", "Council", "Office", "Fund", "Board", "Union"]
LOWER = ["mobile", "legal", "clinics", "rapid", "response", "teams", "support", "two"]
MINOR = ["of", "for", "and", "the", "in", "on"]
WORDS = st.sampled_from([*NAMES, *LOWER, *MINOR, "OSCE", "Vorlan-Tamber", "non-legal"])
GLUE = st.sampled_from(["", "", "", "", "", "", "", "", ",", ".", ";", "’s", "”", "s"])
OPENING = st.sampled_from(["", "", "", "", "", "", "", "", "“", "("])
CLOSING_QUOTES = "”\"'’»"


@st.composite
def messy_texts(draw: st.DrawFn) -> str:
    """Words with punctuation, brackets of short forms made up or spelled by the words before."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        words = [draw(OPENING) + draw(WORDS) + draw(GLUE) for _ in range(draw(st.integers(1, 8)))]
        pieces.extend(words)
        spelled = [word.lstrip("“(") for word in words[-draw(st.integers(1, 5)) :]]
        initials = "".join(word[:1] for word in spelled if word.casefold() not in MINOR)
        short = draw(
            st.one_of(
                st.just(initials.upper() or "NONE"),
                st.just(initials.upper() + "s"),
                st.text(alphabet="ABCDEFORSTUVWbiox-", min_size=1, max_size=6),
            )
        )
        if draw(st.integers(0, 3)):
            pieces.append("(" + draw(st.sampled_from(["", "", "the "])) + short + ")")
        else:  # reverse order, or an aside
            pieces.append(short + " (" + " ".join(draw(st.lists(WORDS, max_size=4))) + ")")
    return " ".join(pieces)


def letters_of(short: str) -> str:
    return (short[0] + "".join(ch for ch in short[1:] if ch.isupper() or ch.isdigit())).casefold()


def spells(letters: str, long: str) -> bool:
    """Whether `letters` are in `long` in order, the first one starting a word."""
    words = re.split(r"[\s\-/]+", long.casefold())
    if not any(word.startswith(letters[0]) for word in words):
        return False
    rest = iter("".join(ch for ch in long.casefold() if ch.isalnum()))
    return all(ch in rest for ch in letters)


class TestProperties:
    @given(messy_texts())
    def test_definitions_stand_in_the_text(self, text: str) -> None:
        """Every long form is in the text right before (or after) its short form and spells it."""
        for found in find_inline([text]):
            short, long = re.escape(found.short), re.escape(found.long)
            quotes = f"[{CLOSING_QUOTES}]*"
            before = rf"{long}(?:{quotes}['’]s)?{quotes} ?\((?:the )?{short}\.?\)"
            after = rf"{short} ?\((?:the )?{long}\)"
            assert re.search(before, text) or re.search(after, text)
            letters = letters_of(found.short)
            swaps = [
                letters[:i] + letters[i + 1] + letters[i] + letters[i + 2 :]
                for i in range(len(letters) - 1)
            ]
            assert any(spells(option, found.long) for option in [letters, *swaps])
            assert not set(found.long) & set(",;:!?()")  # no span runs over a list or sentence
            assert found.long.split()[0].casefold() not in {"the", "of", "and"}

    @given(
        st.lists(st.sampled_from(NAMES), min_size=2, max_size=6),
        st.lists(st.sampled_from(["", "", "of", "for", "and"]), min_size=5, max_size=5),
        st.sampled_from(["", "the ", "Delegates met the "]),
    )
    def test_a_spelled_out_name_is_found(
        self, names: list[str], minor: list[str], lead: str
    ) -> None:
        """A capitalised name before its initials in brackets is found, all of it, exactly."""
        words = [names[0]]
        for name, between in zip(names[1:], minor, strict=False):
            words.extend([between, name] if between else [name])
        long = " ".join(words)
        short = "".join(name[0] for name in names).upper()
        text = f"They came. {lead}{long} ({short}) met."
        assert find_inline([text]) == [Abbreviation(short=short, long=long)]

    @given(st.text(max_size=200))
    def test_any_text(self, text: str) -> None:
        """Any text is read without an error, its definitions standing in it."""
        for found in find_inline([text]):
            assert found.short in text
            assert found.long in text
