"""Quotes: every attribution style and quotation mark, speakers' titles and roles, continuations."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osce_thb import Quote, Speaker
from osce_thb._body import Body
from osce_thb._quotes import find_quotes as _find_quotes


def find_quotes(texts: list[str], *args: Any) -> Any:
    """`find_quotes` over a body of these block texts."""
    return _find_quotes(Body(texts), *args)


def speaker(name: str, title: str | None = None, role: str | None = None) -> Speaker:
    return Speaker(name=name, title=title, role=role)


LENA = speaker("Lena Marković", "Ambassador", "Head of the OSCE Office in Dushanbe")
TOMAS = speaker("Tomas Brandt")
AIGERIM = speaker("Aigerim Sultanova", role="psychologist at a shelter in Osh")

# (paragraph, the quotes it holds, each as (text, speaker))
STYLES = [
    pytest.param(
        "“Shelters save lives,” said Ambassador Lena Marković, Head of the OSCE Office in"
        " Dushanbe.",
        [("Shelters save lives", LENA)],
        id="said-title-name-role",
    ),
    pytest.param(
        "“Shelters save lives,” Ambassador Lena Marković, Head of the OSCE Office in Dushanbe,"
        " said.",
        [("Shelters save lives", LENA)],
        id="title-name-role-said",
    ),
    pytest.param(
        "“Shelters save lives,” Tomas Brandt said.",
        [("Shelters save lives", TOMAS)],
        id="name-said",
    ),
    pytest.param(
        "“Shelters save lives,” said Tomas Brandt.",
        [("Shelters save lives", TOMAS)],
        id="said-name",
    ),
    pytest.param(
        "“Shelters save lives,” says Aigerim Sultanova, a psychologist at a shelter in Osh.",
        [("Shelters save lives", AIGERIM)],
        id="says-name-a-role",
    ),
    pytest.param(
        "“Shelters save lives,” according to Aigerim Sultanova, a psychologist at a shelter in"
        " Osh.",
        [("Shelters save lives", AIGERIM)],
        id="according-to",
    ),
    pytest.param(
        "Aigerim Sultanova, a psychologist at a shelter in Osh, said: “Shelters save lives.”",
        [("Shelters save lives.", AIGERIM)],
        id="name-role-said-colon",
    ),
    pytest.param(
        "Tomas Brandt said: “Shelters save lives.”",
        [("Shelters save lives.", TOMAS)],
        id="name-said-colon",
    ),
    pytest.param(
        "OSCE Project Manager Tomas Brandt said: “Shelters save lives.”",
        [("Shelters save lives.", speaker("Tomas Brandt", role="OSCE Project Manager"))],
        id="role-name-said-colon",
    ),
    pytest.param(
        "The Head of the OSCE Office in Dushanbe, Ambassador Lena Marković, said: “Shelters"
        " save lives.”",
        [("Shelters save lives.", LENA)],
        id="role-comma-title-name-said-colon",
    ),
    pytest.param(
        "In her closing remarks, Aigerim Sultanova stressed: “We listen first.”",
        [("We listen first.", speaker("Aigerim Sultanova"))],
        id="adverbial-before-speaker",
    ),
    pytest.param(
        "According to Tomas Brandt, “every call to the hotline matters.”",
        [("every call to the hotline matters.", TOMAS)],
        id="according-to-before",
    ),
    pytest.param(
        "Tomas Brandt said that “every call to the hotline matters.”",
        [("every call to the hotline matters.", TOMAS)],
        id="said-that",
    ),
    pytest.param(
        "Tomas Brandt said the new plan “will work in every region”.",
        [("will work in every region", TOMAS)],
        id="fragment-in-reported-speech",
    ),
    pytest.param(
        "The course was opened by Tomas Brandt, who said: “Listen first.”",
        [("Listen first.", TOMAS)],
        id="who-said",
    ),
    pytest.param(
        "Dilnoza, now 25, says: “Listen first.”",
        [("Listen first.", speaker("Dilnoza"))],
        id="first-name-set-off-by-commas",
    ),
    pytest.param(
        "Tomas Brandt told the trainees at the opening session: “Listen first.”",
        [("Listen first.", TOMAS)],
        id="told-someone-colon",
    ),
    pytest.param(
        "“Shelters save lives,” Tomas Brandt also said in Kyiv.",
        [("Shelters save lives", TOMAS)],
        id="adverb-between-name-and-verb",
    ),
    pytest.param(
        "“Shelters save lives,” Tomas Brandt, who runs the project, said.",
        [("Shelters save lives", TOMAS)],
        id="relative-clause-is-no-role",
    ),
    pytest.param(
        "“Shelters save lives,” said Tomas Brandt, adding that funding was secured.",
        [("Shelters save lives", TOMAS)],
        id="participle-is-no-role",
    ),
    pytest.param(
        "“Why do victims stay silent?” asked Tomas Brandt.",
        [("Why do victims stay silent?", TOMAS)],
        id="question-asked",
    ),
    pytest.param(
        "“Shelters save lives”, said Tomas Brandt.",
        [("Shelters save lives", TOMAS)],
        id="comma-outside-the-marks",
    ),
]

VERBS = [
    "said",
    "says",
    "added",
    "noted",
    "stressed",
    "emphasized",
    "emphasised",
    "explained",
    "stated",
    "underlined",
    "commented",
    "pointed out",
    "concluded",
    "highlighted",
    "remarked",
    "observed",
    "declared",
    "urged",
    "warned",
    "recalled",
    "acknowledged",
    "affirmed",
    "notes",
    "stresses",
]

# Each way of marking "“Prevention works,” said Tomas Brandt."
MARKS = [
    pytest.param("“Prevention works,” said Tomas Brandt.", id="curly"),
    pytest.param('"Prevention works," said Tomas Brandt.', id="straight"),
    pytest.param("«Prevention works,» said Tomas Brandt.", id="guillemets"),
    pytest.param('"Prevention works,” said Tomas Brandt.', id="straight-open-curly-close"),
    pytest.param('“Prevention works," said Tomas Brandt.', id="curly-open-straight-close"),
    pytest.param("„Prevention works,“ said Tomas Brandt.", id="low-nine-open"),
    pytest.param("“Prevention works,“ said Tomas Brandt.", id="two-opening-marks"),
    pytest.param("”Prevention works,” said Tomas Brandt.", id="two-closing-marks"),
    pytest.param("“Prevention works,”said Tomas Brandt.", id="no-space-after-the-mark"),
    pytest.param("“Prevention works, ” said Tomas Brandt.", id="space-before-the-mark"),
]

# (attribution after “Prevention works,” , the speaker it names)
SPEAKERS = [
    ("said Ambassador Lena Marković", speaker("Lena Marković", "Ambassador")),
    ("said Dr Lena Marković", speaker("Lena Marković", "Dr")),
    ("said Dr. Lena Marković", speaker("Lena Marković", "Dr.")),
    ("said Doctor Lena Marković", speaker("Lena Marković", "Doctor")),
    ("said Prof. Lena Marković", speaker("Lena Marković", "Prof.")),
    ("said Professor Lena Marković", speaker("Lena Marković", "Professor")),
    ("said Prof. Dr. Lena Marković", speaker("Lena Marković", "Prof. Dr.")),
    ("said Ms Marković", speaker("Marković", "Ms")),
    ("said Mr. Brandt", speaker("Brandt", "Mr.")),
    ("said Mrs Marković", speaker("Marković", "Mrs")),
    ("said Minister Lena Marković", speaker("Lena Marković", "Minister")),
    ("said Deputy Minister Lena Marković", speaker("Lena Marković", "Deputy Minister")),
    ("said Judge Lena Marković", speaker("Lena Marković", "Judge")),
    ("said Colonel Tomas Brandt", speaker("Tomas Brandt", "Colonel")),
    ("said Lieutenant Colonel Tomas Brandt", speaker("Tomas Brandt", "Lieutenant Colonel")),
    ("said Captain Tomas Brandt", speaker("Tomas Brandt", "Captain")),
    ("said General Tomas Brandt", speaker("Tomas Brandt", "General")),
    ("said Sir Tomas Brandt", speaker("Tomas Brandt", "Sir")),
    ("said Dame Lena Marković", speaker("Lena Marković", "Dame")),
    ("said Rev. Tomas Brandt", speaker("Tomas Brandt", "Rev.")),
    ("said Father Tomas Brandt", speaker("Tomas Brandt", "Father")),
    ("said His Excellency Tomas Brandt", speaker("Tomas Brandt", "His Excellency")),
    ("said Her Excellency Lena Marković", speaker("Lena Marković", "Her Excellency")),
    ("said Senator Lena Marković", speaker("Lena Marković", "Senator")),
    ("said Mayor Lena Marković", speaker("Lena Marković", "Mayor")),
    ("said Governor Lena Marković", speaker("Lena Marković", "Governor")),
    ("said President Lena Marković", speaker("Lena Marković", "President")),
    ("said Chairperson Lena Marković", speaker("Lena Marković", "Chairperson")),
    (
        "said Lena Marković, OSCE Project Coordinator in Tajikistan",
        speaker("Lena Marković", role="OSCE Project Coordinator in Tajikistan"),
    ),
    (
        "said Lena Marković, the Head of the Anti-Trafficking Unit",
        speaker("Lena Marković", role="Head of the Anti-Trafficking Unit"),
    ),
    (
        "said Lena Marković, an expert on labour exploitation",
        speaker("Lena Marković", role="expert on labour exploitation"),
    ),
    (
        "said Lena Marković, head of the regional police unit",
        speaker("Lena Marković", role="head of the regional police unit"),
    ),
    (
        "said Lena Marković, Head of Section, Ministry of Labour",
        speaker("Lena Marković", role="Head of Section, Ministry of Labour"),
    ),
    (
        "said Lena Marković – Head of the Unit – at the forum",
        speaker("Lena Marković", role="Head of the Unit"),
    ),
    (
        "said OSCE Secretary General Tomas Brandt",
        speaker("Tomas Brandt", role="OSCE Secretary General"),
    ),
    (
        "said Interior Minister Tomas Brandt",
        speaker("Tomas Brandt", role="Interior Minister"),
    ),
    (
        "said Deputy Minister of Social Policy Tomas Brandt",
        speaker("Tomas Brandt", role="Deputy Minister of Social Policy"),
    ),
    (
        "said Mayor of Khujand Tomas Brandt",
        speaker("Tomas Brandt", role="Mayor of Khujand"),
    ),
    (
        "said the Head of the OSCE Office in Dushanbe, Ambassador Lena Marković",
        speaker("Lena Marković", "Ambassador", "Head of the OSCE Office in Dushanbe"),
    ),
    (
        "said Lena Marković, 34, a survivor from Khujand",
        speaker("Lena Marković", role="survivor from Khujand"),
    ),
    ("said Pieter van der Meer", speaker("Pieter van der Meer")),
    ("said Anna-Maria O’Neill", speaker("Anna-Maria O’Neill")),
    ("said Anna-Maria O`Neill", speaker("Anna-Maria O`Neill")),
    ("said J. R. Dalton", speaker("J. R. Dalton")),
    ("said Lena Ana María Marković", speaker("Lena Ana María Marković")),
    ("said Nadia al-Rashid", speaker("Nadia al-Rashid")),
    ("says Dilnoza, a survivor", speaker("Dilnoza", role="survivor")),
]

# Names in other scripts, or with a letter of another script inside a Latin name.
NAMES = [
    "Gӧran Lindqvist",  # a Cyrillic ӧ (U+04E7) in a Latin name
    "Jürgen Weiß",
    "Şule Yıldız",
    "Žarko Đorđević",
    "Олена Коваль",
    "Olеna Kоval",  # Cyrillic е and о inside Latin words
    "Ἀλέξανδρος Παππᾶς",
]

# Quoted words that nobody says.
NOT_QUOTES = [
    pytest.param("The so-called “safe harbour” clause was debated.", id="scare-quote"),
    pytest.param("Posters of the “Know Your Rights” campaign were printed.", id="campaign"),
    pytest.param("Volunteers handed out “Be Safe Abroad” leaflets, Tomas Brandt said.", id="title"),
    pytest.param("“Prevention works,” participants agreed.", id="no-name"),
    pytest.param("“Prevention works,” the report said.", id="a-document"),
    pytest.param("“Prevention works,” she said.", id="pronoun-with-nobody-before"),
    pytest.param("“Prevention works,” said one of the trainees.", id="unnamed-verb-first"),
    pytest.param("Participants said: “Prevention works.”", id="capitalised-plural"),
    pytest.param("“Prevention works,” Tajikistan said.", id="a-country"),
    pytest.param("“Prevention works,” the OSCE said.", id="an-organisation"),
    pytest.param("The trainers thanked Tomas Brandt for “a great week”.", id="object-of-verb"),
    pytest.param("Tomas Brandt said the “safe harbour” clause is gone.", id="label-in-speech"),
    pytest.param("Tomas Brandt praised Tajikistan’s “Safe Home” project.", id="title-cased"),
    pytest.param("Tomas Brandt said Tajikistan’s “Safe Home” project works.", id="title-in-speech"),
    pytest.param("The report said the plan “will work”.", id="fragment-of-no-one"),
    pytest.param(
        "The handbook “Protecting Victims of Trafficking,” which, Tomas Brandt said, is free.",
        id="title-case",
    ),
    pytest.param("“Prevention works,” says Europol.", id="an-agency"),
    pytest.param("“Prevention works,” the Velika Skupnost said.", id="an-institution"),
    pytest.param("“Prevention works,” said the Ministry of Labour.", id="a-ministry"),
    pytest.param("“Prevention works,” La Strada Sylvania said.", id="an-organisation-in-data"),
    pytest.param("“Prevention works,” trainers from Sylvansk said.", id="a-group"),
    pytest.param("“Prevention works,” they said.", id="a-plural-pronoun"),
    pytest.param(
        "Tomas Brandt opened the course. “Be safe abroad” leaflets were handed out.",
        id="label-after-a-sentence",
    ),
    pytest.param(
        "Tomas Brandt said it was a success. “Be safe abroad” leaflets were handed out.",
        id="label-after-a-report",
    ),
    pytest.param(
        "«Prevention starts at school and at home,» Tomas Brandt and Lena Marković.",
        id="names-without-a-verb-or-role",
    ),
    pytest.param(
        "Lena Marković praised the «Prevention starts at school» campaign.", id="guillemet-label"
    ),
    pytest.param(
        "«Prevention starts at school», Lena Marković, head of the unit, presented it.",
        id="a-title-presented-by-someone",
    ),
    pytest.param("“Prevention works.”", id="no-attribution"),
    pytest.param("Prevention works,” said Tomas Brandt.", id="closing-mark-only"),
]


def quotes(*items: tuple[str, Speaker, int]) -> tuple[Quote, ...]:
    return tuple(Quote(text=text, speaker=who, block=block) for text, who, block in items)


class TestStyles:
    @pytest.mark.parametrize(("paragraph", "expected"), STYLES)
    def test_attribution_styles(self, paragraph: str, expected: list[tuple[str, Speaker]]) -> None:
        """Each attribution style names the speaker, with title and role split off."""
        assert find_quotes([paragraph]) == quotes(*((text, who, 0) for text, who in expected))

    @pytest.mark.parametrize("verb", VERBS)
    def test_verbs_after_the_name(self, verb: str) -> None:
        """Every verb of saying attributes a quote when it follows the speaker."""
        paragraph = f"“Prevention works,” Tomas Brandt {verb}."
        assert find_quotes([paragraph]) == quotes(("Prevention works", TOMAS, 0))

    @pytest.mark.parametrize("verb", VERBS)
    def test_verbs_before_the_name(self, verb: str) -> None:
        """Every verb of saying attributes a quote when it precedes the speaker."""
        paragraph = f"“Prevention works,” {verb} Tomas Brandt."
        assert find_quotes([paragraph]) == quotes(("Prevention works", TOMAS, 0))

    @pytest.mark.parametrize("verb", VERBS)
    def test_verbs_with_a_colon(self, verb: str) -> None:
        """Every verb of saying attributes a quote that follows it after a colon."""
        paragraph = f"Tomas Brandt {verb}: “Prevention works.”"
        assert find_quotes([paragraph]) == quotes(("Prevention works.", TOMAS, 0))

    def test_final_punctuation_is_kept(self) -> None:
        """Only the comma that leads into the attribution is dropped from the quoted words."""
        paragraph = "“Act now!” said Tomas Brandt. “Really?” “Yes, now.”"
        assert find_quotes([paragraph]) == quotes(("Act now!", TOMAS, 0), ("Yes, now.", TOMAS, 0))

    def test_block_indices(self) -> None:
        """Each quote points to the block it stands in, in document order."""
        blocks = [
            "Training opened on Monday.",
            "Prevention",
            "“Prevention works,” said Tomas Brandt.",
            "“Shelters save lives,” Ambassador Lena Marković, Head of the OSCE Office in"
            " Dushanbe, said.",
        ]
        assert find_quotes(blocks) == quotes(
            ("Prevention works", TOMAS, 2), ("Shelters save lives", LENA, 3)
        )

    def test_empty_body(self) -> None:
        """A body without blocks has no quotes."""
        assert find_quotes([]) == ()


class TestMarks:
    @pytest.mark.parametrize("paragraph", MARKS)
    def test_quotation_marks(self, paragraph: str) -> None:
        """Straight, curly, guillemet and low-9 marks, in any mix, delimit a quote."""
        assert find_quotes([paragraph]) == quotes(("Prevention works", TOMAS, 0))

    def test_quote_within_a_quote(self) -> None:
        """A quote inside a quote stays part of it, in whichever marks."""
        paragraph = "“We call it the “safe harbour” rule,” said Tomas Brandt."
        second = '"We call it the “safe harbour” rule," said Tomas Brandt.'
        third = '«We call it the "safe harbour" rule», said Tomas Brandt.'
        assert find_quotes([paragraph, second, third]) == quotes(
            ("We call it the “safe harbour” rule", TOMAS, 0),
            ("We call it the “safe harbour” rule", TOMAS, 1),
            ('We call it the "safe harbour" rule', TOMAS, 2),
        )

    def test_backtick_apostrophe_inside_a_quote(self) -> None:
        """A backtick used as an apostrophe neither opens nor closes a quote."""
        paragraph = "“The Prosecutor`s Office will act,” said Tomas Brandt."
        assert find_quotes([paragraph]) == quotes(("The Prosecutor`s Office will act", TOMAS, 0))


class TestSentences:
    def test_missing_space_ends_the_role(self) -> None:
        """A sentence glued to the next ("in Baku.The") still ends the role."""
        paragraph = (
            "“We train judges,” said Lena Marković, Head of the Office in Baku.The course"
            " lasts a week."
        )
        assert find_quotes([paragraph]) == quotes(
            ("We train judges", speaker("Lena Marković", role="Head of the Office in Baku"), 0)
        )

    def test_missing_space_before_the_speaker(self) -> None:
        """A sentence glued to the previous one still starts with its speaker."""
        paragraph = "The course ended in Baku.Tomas Brandt said: “We train judges.”"
        assert find_quotes([paragraph]) == quotes(("We train judges.", TOMAS, 0))

    def test_abbreviations_do_not_end_the_attribution(self) -> None:
        """The period of "Dr." or of an initial does not end the sentence of attribution."""
        paragraph = "“We train judges,” said Dr. J. Dalton, Adviser to the U.S. Embassy."
        assert find_quotes([paragraph]) == quotes(
            ("We train judges", speaker("J. Dalton", "Dr.", "Adviser to the U.S. Embassy"), 0)
        )


class TestSpeakers:
    @pytest.mark.parametrize(("attribution", "expected"), SPEAKERS)
    def test_titles_and_roles(self, attribution: str, expected: Speaker) -> None:
        """Titles are split off the front of the name, roles off its back or front."""
        paragraph = f"“Prevention works,” {attribution}."
        assert find_quotes([paragraph]) == quotes(("Prevention works", expected, 0))

    @pytest.mark.parametrize("name", NAMES)
    def test_names_in_other_scripts(self, name: str) -> None:
        """Names in any script, or mixing scripts, are names."""
        paragraph = f"“Prevention works,” said {name}, a trainer."
        assert find_quotes([paragraph]) == quotes(
            ("Prevention works", speaker(name, role="trainer"), 0)
        )

    @pytest.mark.parametrize("name", NAMES)
    def test_names_in_other_scripts_before_the_verb(self, name: str) -> None:
        """Names in any script stand before the verb, too."""
        paragraph = f"“Prevention works,” {name} said."
        assert find_quotes([paragraph]) == quotes(("Prevention works", speaker(name), 0))

    def test_surname_refers_to_an_earlier_speaker(self) -> None:
        """A surname alone, or with a title, is the earlier speaker of that name."""
        blocks = [
            "“Shelters save lives,” said Ambassador Lena Marković, Head of the OSCE Office in"
            " Dushanbe.",
            "“Prevention works,” Marković added.",
            "“Both matter,” said Ambassador Marković.",
        ]
        assert find_quotes(blocks) == quotes(
            ("Shelters save lives", LENA, 0),
            ("Prevention works", LENA, 1),
            ("Both matter", LENA, 2),
        )

    def test_repeated_name_keeps_title_and_role(self) -> None:
        """A full name repeated bare keeps the title and role of its first attribution."""
        blocks = [
            "“Shelters save lives,” said Ambassador Lena Marković, Head of the OSCE Office in"
            " Dushanbe.",
            "“Prevention works,” said Lena Marković.",
        ]
        assert find_quotes(blocks) == quotes(
            ("Shelters save lives", LENA, 0), ("Prevention works", LENA, 1)
        )

    def test_the_title_refers_to_the_latest_speaker(self) -> None:
        """A reference to "the Ambassador" gives the latest speaker with that title or role."""
        paragraph = (
            "“Shelters save lives,” said Ambassador Lena Marković, Head of the OSCE Office in"
            " Dushanbe. “Prevention works,” the Ambassador added."
        )
        assert find_quotes([paragraph]) == quotes(
            ("Shelters save lives", LENA, 0), ("Prevention works", LENA, 0)
        )

    def test_either_spelling_of_co_ordinator(self) -> None:
        """A reference to "the Coordinator" gives an "OSCE Project Co-ordinator", and back."""
        coordinator = speaker("Lena Marković", role="OSCE Project Co-ordinator in Tajikistan")
        paragraph = (
            "“Shelters save lives,” said Lena Marković, OSCE Project Co-ordinator in"
            " Tajikistan. “Prevention works,” the Coordinator added."
        )
        assert find_quotes([paragraph]) == quotes(
            ("Shelters save lives", coordinator, 0), ("Prevention works", coordinator, 0)
        )

    def test_a_role_of_several_words(self) -> None:
        """A reference of several words ("the Head of Office") names whose role holds them."""
        paragraph = (
            "“Shelters save lives,” said Ambassador Lena Marković, Head of the OSCE Office in"
            " Dushanbe. “Prevention works,” the Head of Office added."
        )
        assert find_quotes([paragraph]) == quotes(
            ("Shelters save lives", LENA, 0), ("Prevention works", LENA, 0)
        )

    def test_a_reference_to_the_subject(self) -> None:
        """A reference may name the person the previous sentence is about."""
        blocks = [
            "Head of the Border Unit Jonas Pelt opened the course.",
            "“Prevention works,” the Head of Unit said.",
        ]
        assert find_quotes(blocks) == quotes(
            ("Prevention works", speaker("Jonas Pelt", role="Head of the Border Unit"), 1)
        )

    def test_the_title_of_someone_else(self) -> None:
        """A reference to "the Minister" after an ambassador names nobody: no quote."""
        paragraph = (
            "“Shelters save lives,” said Ambassador Lena Marković. “Prevention works,” the"
            " Minister added."
        )
        assert find_quotes([paragraph]) == quotes(
            ("Shelters save lives", speaker("Lena Marković", "Ambassador"), 0)
        )


class TestPronouns:
    def test_pronoun_refers_to_the_latest_speaker(self) -> None:
        """Pronouns ("he said", "she added") give the most recent speaker of the document."""
        blocks = [
            "“Shelters save lives,” said Tomas Brandt.",
            "Aigerim Sultanova, a psychologist at a shelter in Osh, said: “Listen first.”",
            "“Believe them,” she added.",
            "“Then act,” she later stressed.",
        ]
        assert find_quotes(blocks) == quotes(
            ("Shelters save lives", TOMAS, 0),
            ("Listen first.", AIGERIM, 1),
            ("Believe them", AIGERIM, 2),
            ("Then act", AIGERIM, 3),
        )

    def test_pronoun_before_the_quote(self) -> None:
        """A pronoun before the quote ("He added:") gives the most recent speaker too."""
        blocks = ["“Shelters save lives,” said Tomas Brandt.", "He added: “Prevention works.”"]
        assert find_quotes(blocks) == quotes(
            ("Shelters save lives", TOMAS, 0), ("Prevention works.", TOMAS, 1)
        )

    def test_name_wins_over_pronoun(self) -> None:
        """A name before the quote wins over a pronoun after it."""
        blocks = [
            "“Shelters save lives,” said Tomas Brandt.",
            "Aigerim Sultanova disagreed: “Prevention works,” she said.",
        ]
        assert find_quotes(blocks) == quotes(
            ("Shelters save lives", TOMAS, 0),
            ("Prevention works", speaker("Aigerim Sultanova"), 1),
        )

    def test_pronoun_without_a_speaker(self) -> None:
        """A pronoun with no named speaker before it leaves the quote out."""
        blocks = ["Tomas Brandt opened the course.", "“Prevention works,” he said."]
        assert find_quotes(blocks) == ()


class TestContinuations:
    def test_same_paragraph(self) -> None:
        """A quote after an attributed one in the same paragraph has the same speaker."""
        paragraph = "“Shelters save lives,” said Tomas Brandt. “They also give hope.”"
        assert find_quotes([paragraph]) == quotes(
            ("Shelters save lives", TOMAS, 0), ("They also give hope.", TOMAS, 0)
        )

    def test_split_sentence(self) -> None:
        """A sentence split by its attribution gives two quotes by one speaker."""
        paragraph = "“Shelters,” said Tomas Brandt, “save lives every single day.”"
        assert find_quotes([paragraph]) == quotes(
            ("Shelters", TOMAS, 0), ("save lives every single day.", TOMAS, 0)
        )

    def test_and_added(self) -> None:
        """An attribution without a subject (", and added:") keeps the paragraph's speaker."""
        paragraph = "Tomas Brandt said: “Shelters save lives,” and added: “They give hope.”"
        assert find_quotes([paragraph]) == quotes(
            ("Shelters save lives", TOMAS, 0), ("They give hope.", TOMAS, 0)
        )

    def test_new_speaker_in_the_same_paragraph(self) -> None:
        """A new attribution in the paragraph takes over from the previous speaker."""
        paragraph = (
            "“Shelters save lives,” said Tomas Brandt. “Prevention works,” said Aigerim"
            " Sultanova. “Both matter.”"
        )
        sultanova = speaker("Aigerim Sultanova")
        assert find_quotes([paragraph]) == quotes(
            ("Shelters save lives", TOMAS, 0),
            ("Prevention works", sultanova, 0),
            ("Both matter.", sultanova, 0),
        )

    def test_scare_quote_after_an_attribution(self) -> None:
        """A scare quote after an attributed quote is not a continuation."""
        paragraph = (
            "“Shelters save lives,” said Tomas Brandt, praising the “safe harbour” clause."
            " The “Be Safe” leaflets were printed."
        )
        assert find_quotes([paragraph]) == quotes(("Shelters save lives", TOMAS, 0))

    def test_unnamed_attribution_breaks_the_chain(self) -> None:
        """After an attribution that names nobody, no quote continues the earlier speaker."""
        paragraph = (
            "“Shelters save lives,” said Tomas Brandt. “Prevention works,” participants"
            " agreed. “Both matter.”"
        )
        assert find_quotes([paragraph]) == quotes(("Shelters save lives", TOMAS, 0))

    def test_other_verb_between_quotes(self) -> None:
        """A verb of saying with no name between two quotes stops the continuation."""
        paragraph = (
            "“Shelters save lives,” said Tomas Brandt. Participants agreed: “We need more of them.”"
        )
        assert find_quotes([paragraph]) == quotes(("Shelters save lives", TOMAS, 0))

    def test_quote_left_open_across_paragraphs(self) -> None:
        """A quote left open at a paragraph's end goes on in the next paragraph."""
        blocks = [
            "“Shelters save lives,” said Tomas Brandt. “They give hope",
            "“and a way back to ordinary life.”",
        ]
        assert find_quotes(blocks) == quotes(
            ("Shelters save lives", TOMAS, 0),
            ("They give hope", TOMAS, 0),
            ("and a way back to ordinary life.", TOMAS, 1),
        )

    def test_paragraph_that_is_only_a_quote(self) -> None:
        """A paragraph that is nothing but a quote continues the previous paragraph's speaker."""
        blocks = ["“Shelters save lives,” said Tomas Brandt.", "“Prevention works too.”"]
        assert find_quotes(blocks) == quotes(
            ("Shelters save lives", TOMAS, 0), ("Prevention works too.", TOMAS, 1)
        )

    def test_paragraph_with_more_than_a_quote(self) -> None:
        """A later paragraph that quotes without attribution among other words is left out."""
        blocks = [
            "“Shelters save lives,” said Tomas Brandt.",
            "“Prevention works” is the motto of the campaign.",
        ]
        assert find_quotes(blocks) == quotes(("Shelters save lives", TOMAS, 0))

    def test_not_after_an_unrelated_paragraph(self) -> None:
        """A quote-only paragraph after a paragraph without a quote is left out."""
        blocks = [
            "“Shelters save lives,” said Tomas Brandt.",
            "The course ends on Friday.",
            "“Prevention works too.”",
        ]
        assert find_quotes(blocks) == quotes(("Shelters save lives", TOMAS, 0))

    def test_paragraph_that_introduces_a_quote(self) -> None:
        """A paragraph ending in "X said:" gives its speaker to the next paragraph's quote."""
        blocks = ["Closing the course, Tomas Brandt said:", "“Prevention works.”"]
        assert find_quotes(blocks) == quotes(("Prevention works.", TOMAS, 1))


class TestNotQuotes:
    @pytest.mark.parametrize("paragraph", NOT_QUOTES)
    def test_unattributed_quoted_words(self, paragraph: str) -> None:
        """Quoted words that no attribution gives to a person are no quotes."""
        assert find_quotes([paragraph]) == ()


class TestAdversarial:
    @pytest.mark.parametrize(
        "paragraph",
        [
            pytest.param('"' * 100_000, id="straight-marks"),
            pytest.param("“," * 50_000, id="curly-and-commas"),
            pytest.param("“" * 100_000, id="opening-marks"),
            pytest.param("”" * 100_000, id="closing-marks"),
            pytest.param("«" * 50_000 + "»" * 50_000, id="guillemets"),
            pytest.param("“Act,” said " + "Brandt " * 15_000, id="capitalised-words"),
            pytest.param(
                "“Act,” said " + "Brandt Brandt Brandt Brandt Brandt, " * 3_000,
                id="capitalised-and-commas",
            ),
            pytest.param("Brandt " * 15_000 + "said: “Act.”", id="capitalised-before"),
            pytest.param("“Act,” " + "said " * 20_000, id="verbs"),
            pytest.param("“Act,” said " + "A." * 50_000, id="initials"),
            pytest.param("“Act,” said" + " " * 100_000 + "Tomas Brandt.", id="spaces"),
            pytest.param("“A,”" * 25_000, id="empty-quotes"),
        ],
    )
    def test_long_runs(self, paragraph: str) -> None:
        """Long runs of marks, commas, capitals or verbs are read (quickly) to no quote."""
        assert find_quotes([paragraph]) == ()

    def test_many_reports_then_quotes(self) -> None:
        """A paragraph of thousands of reports, each followed by a quote, gives each quote."""
        paragraph = "Dara Quill, a trainer, said it works. “We act now.” " * 3_000
        found = find_quotes([paragraph])
        assert len(found) == 3_000
        assert {quote.speaker.name for quote in found} == {"Dara Quill"}

    def test_many_quotes(self) -> None:
        """A paragraph of thousands of attributed quotes gives each of them."""
        paragraph = "“Act now,” said Tomas Brandt. " * 3_000
        assert find_quotes([paragraph]) == quotes(*[("Act now", TOMAS, 0)] * 3_000)


PIECES = ['"', "“", "”", "«", "»", "„", ",", ".", ":", " ", "said ", "she ", "Tomas ", "Brandt"]
PIECES += ["Dr. ", "Head ", "of ", "the ", "Unit", "A"]


class TestProperties:
    @given(st.lists(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), max_size=5))
    def test_total(self, blocks: list[str]) -> None:
        """Any text gives quotes whose words stand in their block, in order."""
        found = find_quotes(blocks)
        assert all(quote.text in blocks[quote.block] for quote in found)
        assert [quote.block for quote in found] == sorted(quote.block for quote in found)


# Made-up people of the index tests: the full name stands anywhere, the quote names them short.
VOSKOVA_INTRO = "Ambassador Irena Voskova, the OSCE Project Co-ordinator, opened the course."
VOSKOVA = speaker("Irena Voskova", "Ambassador", "OSCE Project Co-ordinator")
BORDER = "Head of the Border Unit"


class TestReferencesToPeople:
    @pytest.mark.parametrize(
        ("attribution", "title"),
        [
            ("said Voskova", "Ambassador"),
            ("Voskova added", "Ambassador"),
            ("said Ambassador Voskova", "Ambassador"),
            ("said Ms. Voskova", "Ms."),
            ("said Dr Voskova", "Dr"),
            ("Ms Voskova stressed", "Ms"),
        ],
    )
    def test_surname_after_the_full_name(self, attribution: str, title: str) -> None:
        """A surname, with or without a title, names the person named in full before."""
        blocks = [VOSKOVA_INTRO, f"“We must act now,” {attribution}."]
        assert find_quotes(blocks) == quotes(
            ("We must act now", speaker("Irena Voskova", title, "OSCE Project Co-ordinator"), 1)
        )

    def test_surname_before_the_full_name(self) -> None:
        """A surname names the person whose full name the text gives only later."""
        blocks = [
            "“We must act now,” said Pelt.",
            "The course was led by Jonas Pelt, Head of the Border Unit.",
        ]
        assert find_quotes(blocks) == quotes(
            ("We must act now", speaker("Jonas Pelt", role="Head of the Border Unit"), 0)
        )

    def test_full_name_in_a_list_of_participants(self) -> None:
        """The full name may come from a list of participants, with the role before it."""
        blocks = [
            "Speakers included the Head of the Border Unit, Jonas Pelt, and the Mayor of"
            " Sylvansk, Dara Quill.",
            "“We must act now,” Quill said.",
        ]
        assert find_quotes(blocks) == quotes(
            ("We must act now", speaker("Dara Quill", role="Mayor of Sylvansk"), 1)
        )

    def test_full_name_without_a_cue(self) -> None:
        """A surname quoted names the full name the text gives without any title or role."""
        blocks = [
            "The trainers, Pavel Dunaj and Elif Ozturk, presented real cases.",
            "“Every case is different,” Ozturk explained.",
        ]
        assert find_quotes(blocks) == quotes(("Every case is different", speaker("Elif Ozturk"), 1))

    def test_two_people_one_surname(self) -> None:
        """A surname two people share names the one the text named last before the quote."""
        blocks = [
            "Ambassador Irena Voskova opened the course.",
            "“We must act now,” said Voskova.",
            "Dr. Petra Voskova presented a study.",
            "“Few victims go to court,” said Voskova.",
        ]
        assert [quote.speaker.name for quote in find_quotes(blocks)] == [
            "Irena Voskova",
            "Petra Voskova",
        ]

    def test_spelling_variant(self) -> None:
        """A surname without its accents names the person named with them."""
        blocks = ["Minister Emil Šandor opened the course.", "“We must act now,” said Sandor."]
        assert find_quotes(blocks) == quotes(
            ("We must act now", speaker("Emil Šandor", "Minister"), 1)
        )

    def test_one_person_quoted_twice_keeps_each_role(self) -> None:
        """One person quoted twice is one speaker name; each quote keeps the role given there."""
        blocks = [
            "“We must act now,” said Irena Voskova, Head of the OSCE Office.",
            "“Schools matter most,” said Voskova, chair of the expert panel.",
        ]
        assert find_quotes(blocks) == quotes(
            ("We must act now", speaker("Irena Voskova", role="Head of the OSCE Office"), 0),
            ("Schools matter most", speaker("Irena Voskova", role="chair of the expert panel"), 1),
        )

    def test_a_lone_word_nobody_is_named_by(self) -> None:
        """A capitalised word opening the attribution that names nobody of the text is no one."""
        assert (
            find_quotes(["Voskova opened the course.", "“We must act now,” Trainers said."]) == ()
        )


class TestMoreForms:
    def test_title_and_role_before_the_name(self) -> None:
        """A rank in lowercase and a role may stand before the name, a role after it."""
        paragraph = (
            "“Victims rarely ask for help,” explained police lieutenant Dara Quill, head of the"
            " border unit, during the visit."
        )
        assert find_quotes([paragraph]) == quotes(
            (
                "Victims rarely ask for help",
                speaker("Dara Quill", role="head of the border unit"),
                0,
            )
        )

    def test_after_a_speech_noun(self) -> None:
        """An opening phrase ending in a speech noun may stand before the speaker."""
        paragraph = (
            "In her opening speech Ambassador Irena Voskova underlined “prevention starts at"
            " school”."
        )
        assert find_quotes([paragraph]) == quotes(
            ("prevention starts at school", speaker("Irena Voskova", "Ambassador"), 0)
        )

    def test_name_role_verb_that(self) -> None:
        """The name may come first, with its role, and "that" before the quote."""
        paragraph = (
            "Irena Voskova, the Co-ordinator, emphasized that “every call to the hotline matters.”"
        )
        assert find_quotes([paragraph]) == quotes(
            ("every call to the hotline matters.", speaker("Irena Voskova", role="Co-ordinator"), 0)
        )

    def test_as_the_speaker_explains(self) -> None:
        """An attribution "as A B explains, “...”" gives the quote to A B."""
        paragraph = (
            "This works because, as Jonas Pelt, Head of the Border Unit, explains, “the"
            " police and the social workers talk every day.”"
        )
        assert find_quotes([paragraph]) == quotes(
            (
                "the police and the social workers talk every day.",
                speaker("Jonas Pelt", role="Head of the Border Unit"),
                0,
            )
        )

    def test_report_then_quote(self) -> None:
        """A quote after a sentence reporting what a named person said is theirs."""
        paragraph = (
            "Jonas Pelt, Head of the Border Unit, said the Mission monitors the situation."
            " “We work with every partner.”"
        )
        assert find_quotes([paragraph]) == quotes(
            (
                "We work with every partner.",
                speaker("Jonas Pelt", role="Head of the Border Unit"),
                0,
            )
        )

    def test_report_by_someone_else_after_a_quote(self) -> None:
        """A report by a new speaker between two quotes gives the second quote to them."""
        paragraph = (
            "“Shelters save lives,” said Tomas Brandt. Jonas Pelt, Head of the Border Unit,"
            " said the police would help. “We work with every partner.”"
        )
        assert find_quotes([paragraph]) == quotes(
            ("Shelters save lives", TOMAS, 0),
            ("We work with every partner.", speaker("Jonas Pelt", role=BORDER), 0),
        )

    def test_report_then_quote_in_the_next_paragraph(self) -> None:
        """A paragraph that is only a quote, after a reported one, is the reporter's."""
        blocks = [
            "Head of the Border Unit Jonas Pelt said the Mission monitors the situation.",
            "“We work with every partner.”",
        ]
        assert find_quotes(blocks) == quotes(
            (
                "We work with every partner.",
                speaker("Jonas Pelt", role="Head of the Border Unit"),
                1,
            )
        )

    def test_report_by_nobody_named(self) -> None:
        """After a report by a group, a quote of its own is nobody's."""
        assert find_quotes(["Participants said the course was useful. “We learned a lot.”"]) == ()

    def test_pronoun_after_a_named_subject(self) -> None:
        """A pronoun refers to the person the previous sentence is about, even without a quote."""
        blocks = [
            "Dara Quill, a psychologist at the Sylvansk shelter, described the first weeks.",
            "“Most of them do not trust anyone,” she said.",
        ]
        assert find_quotes(blocks) == quotes(
            (
                "Most of them do not trust anyone",
                speaker("Dara Quill", role="psychologist at the Sylvansk shelter"),
                1,
            )
        )

    def test_pronoun_after_a_first_name_with_an_age(self) -> None:
        """A survivor named by first name and age is whom a later "she" refers to."""
        paragraph = (
            "Mirela, 19, was promised a job abroad. “They took my passport at the border,”"
            " she recalls."
        )
        assert find_quotes([paragraph]) == quotes(
            ("They took my passport at the border", speaker("Mirela"), 0)
        )

    def test_pronoun_after_an_object(self) -> None:
        """A person named as an object is not what a later pronoun refers to."""
        blocks = [
            "The trainers thanked Dara Quill, a psychologist at the Sylvansk shelter.",
            "“Most of them do not trust anyone,” she said.",
        ]
        assert find_quotes(blocks) == ()

    def test_pronoun_prefers_the_later_subject(self) -> None:
        """A subject named after the latest speaker is whom a pronoun refers to."""
        blocks = [
            "“We must act now,” said Tomas Brandt.",
            "Dara Quill, a psychologist at the Sylvansk shelter, described the first weeks.",
            "“Most of them do not trust anyone,” she said.",
        ]
        assert [quote.speaker.name for quote in find_quotes(blocks)] == [
            "Tomas Brandt",
            "Dara Quill",
        ]

    def test_straight_marks_without_a_comma(self) -> None:
        """A verb right after a closing mark attributes a quote that ends in a word."""
        paragraph = '"Prevention starts at school and at home" said Tomas Brandt.'
        assert find_quotes([paragraph]) == quotes(
            ("Prevention starts at school and at home", TOMAS, 0)
        )

    def test_apposition_without_a_verb(self) -> None:
        """A name and a role after a quote, with no verb, attribute it."""
        paragraph = (
            "«Prevention starts at school and at home,» Dara Quill, co-founder of the Safe Road"
            " NGO."
        )
        assert find_quotes([paragraph]) == quotes(
            (
                "Prevention starts at school and at home",
                speaker("Dara Quill", role="co-founder of the Safe Road NGO"),
                0,
            )
        )

    def test_quote_over_several_paragraphs(self) -> None:
        """A quote run over several paragraphs keeps its speaker in each."""
        blocks = [
            "“Shelters save lives,” said Tomas Brandt. “They give hope",
            "“and a way back to ordinary life,",
            "“and no one should be left without one.”",
        ]
        assert [quote.speaker for quote in find_quotes(blocks)] == [TOMAS] * 4
