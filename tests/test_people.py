"""People: who a document names, full names with titles and roles, short references resolved."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import osce_thb
from osce_thb import Mention, Person
from osce_thb._body import Body
from osce_thb._people import People
from osce_thb._people import find_people as _find_people


def find_people(blocks: list[str]) -> People:
    """The index of the people of a body made of `blocks`."""
    return _find_people(Body(blocks))


def people(*blocks: str) -> tuple[Person, ...]:
    """The people of a body made of `blocks`."""
    return find_people(list(blocks)).persons()


def names(*blocks: str) -> list[str]:
    """The names of the people of a body made of `blocks`, in order of first mention."""
    return [person.name for person in people(*blocks)]


# (sentence, the person it names, with a title and a role)
FULL_NAMES = [
    pytest.param(
        "Ambassador Irena Voskova opened the course.",
        ("Irena Voskova", "Ambassador", None),
        id="title-before",
    ),
    pytest.param(
        "The course was opened by Tarek Bellami, Head of the OSCE Office in Sylvansk.",
        ("Tarek Bellami", None, "Head of the OSCE Office in Sylvansk"),
        id="opened-by-name-role",
    ),
    pytest.param(
        "Also present was Oksana Rudyk, a consultant on the national hotline.",
        ("Oksana Rudyk", None, "consultant on the national hotline"),
        id="role-after-a-comma",
    ),
    pytest.param(
        "The Head of the Anti-Trafficking Unit, Jonas Pelt, thanked the donors.",
        ("Jonas Pelt", None, "Head of the Anti-Trafficking Unit"),
        id="role-before-a-comma",
    ),
    pytest.param(
        "Deputy Interior Minister Emil Sandor welcomed the participants.",
        ("Emil Sandor", None, "Deputy Interior Minister"),
        id="office-before",
    ),
    pytest.param(
        "The trainers included police lieutenant Dara Quill from the border unit.",
        ("Dara Quill", None, "police lieutenant"),
        id="lowercase-rank-before",
    ),
    pytest.param(
        "Jonas Pelt stressed the role of social workers.",
        ("Jonas Pelt", None, None),
        id="verb-of-saying-after",
    ),
    pytest.param(
        "Participants were welcomed by Dr. Irena Voskova.",
        ("Irena Voskova", "Dr.", None),
        id="honorific-with-period",
    ),
    pytest.param(
        "The Mission’s Dara Quill showed the new guide.",
        ("Dara Quill", None, None),
        id="institution-possessive-before",
    ),
    pytest.param(
        "Emil Sandor, who led the course, noted that it was full.",
        ("Emil Sandor", None, None),
        id="verb-after-a-relative-clause",
    ),
    pytest.param(
        "Among the speakers was Oksana Rudyk, former judge of the Supreme Court.",
        ("Oksana Rudyk", None, "former judge of the Supreme Court"),
        id="adjective-opens-the-role",
    ),
]

# Sentences that name no person at all, though a verb of saying or a role stands beside
# capitalised words.
NOBODY = [
    pytest.param("The Velika Skupnost said the law was adopted.", id="institution-after-the"),
    pytest.param("Winrock Partners said the shelter opened.", id="organisation-in-data"),
    pytest.param("Participants said: the Ministry of Labour attended.", id="ministry-and-group"),
    pytest.param("Participants visited Novi Grad, the second largest city.", id="place-apposition"),
    pytest.param("She said that Novi Grad, the host city, was ready.", id="pronoun"),
    pytest.param("Emil Sandor, who led the course, left early.", id="no-verb-of-saying"),
    pytest.param("Koval’s Dara Quill showed the new guide.", id="person-possessive-before"),
    pytest.param(
        "Staff of the National Referral Mechanism met the Head of Mission.",
        id="programme-after-an-office-word",
    ),
    pytest.param(
        "Representatives of the Prosecutor's Office and Happy Childhood, the General"
        " Prosecutor’s Office, attended.",
        id="office-set-off-by-commas",
    ),
]

# Sentences that name one person, and capitalised words beside them that are no person.
ONLY = [
    pytest.param(
        "Jonas Pelt, Head of the Department for Combating Cyber Crimes, said it works.",
        id="office-after-a-preposition",
    ),
    pytest.param(
        "Jonas Pelt, Chair of the OSCE Ad Hoc Committee on Migration, said it works.",
        id="words-before-an-office",
    ),
    pytest.param(
        "Jonas Pelt, Director of the Public Safety Directorate, said it works.",
        id="words-before-an-institution",
    ),
]


class TestFullNames:
    @pytest.mark.parametrize(("sentence", "expected"), FULL_NAMES)
    def test_full_names(self, sentence: str, expected: tuple[str, str | None, str | None]) -> None:
        """A full name is a person's when a title, a role or a verb of saying says so."""
        (person,) = people(sentence)
        name, title, role = expected
        assert person.name == name
        assert person.titles == ((title,) if title else ())
        assert person.roles == ((role,) if role else ())

    @pytest.mark.parametrize("sentence", NOBODY)
    def test_not_people(self, sentence: str) -> None:
        """Institutions, organisations, places and pronouns are not people."""
        assert people(sentence) == ()

    @pytest.mark.parametrize("sentence", ONLY)
    def test_only_the_person(self, sentence: str) -> None:
        """Capitalised words inside a person's role are not people of their own."""
        assert names(sentence) == ["Jonas Pelt"]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Mirela, 19, was promised a job abroad.",
            "Mirela (not her real name) was promised a job abroad.",
            "Mirela (name changed) was promised a job abroad.",
        ],
    )
    def test_a_first_name_with_an_age(self, sentence: str) -> None:
        """A story may name a survivor by first name, with an age or a note on the name."""
        assert names(sentence) == ["Mirela"]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Sylvansk, 2019, was the first city to open a shelter.",
            "Mirela was promised a job abroad.",
            "Mirela (Sylvansk) was promised a job abroad.",
        ],
    )
    def test_a_lone_word_with_no_age(self, sentence: str) -> None:
        """A lone capitalised word with a year, a place or nothing after it is nobody."""
        assert names(sentence) == []

    def test_a_bare_name_is_nobody_yet(self) -> None:
        """Two capitalised words with nothing to say they name a person are no person."""
        assert people("Tarek Bellami visited the shelter.") == ()

    def test_list_of_participants(self) -> None:
        """In a list of roles and names, each name takes the role before it."""
        found = people(
            "The meeting was attended by the President of the Assembly, Irena Voskova, the"
            " Special Representative, Tarek Bellami, and the Head of Office, Jonas Pelt."
        )
        assert [(person.name, person.roles) for person in found] == [
            ("Irena Voskova", ("President of the Assembly",)),
            ("Tarek Bellami", ("Special Representative",)),
            ("Jonas Pelt", ("Head of Office",)),
        ]


class TestReferences:
    def test_surname_title_and_possessive(self) -> None:
        """A surname, a title and surname, and a possessive all name the person named in full."""
        found = people(
            "Ambassador Irena Voskova, the OSCE Project Co-ordinator, opened the course.",
            "Voskova thanked the trainers. Ambassador Voskova’s office funded it.",
            "Ms. Voskova said the course would go on.",
        )
        assert found == (
            Person(
                name="Irena Voskova",
                titles=("Ambassador", "Ms."),
                roles=("OSCE Project Co-ordinator",),
                mentions=(
                    Mention(text="Ambassador Irena Voskova", block=0, start=0),
                    Mention(text="Voskova", block=1, start=0),
                    Mention(text="Ambassador Voskova’s", block=1, start=30),
                    Mention(text="Ms. Voskova", block=2, start=0),
                ),
            ),
        )

    def test_reference_before_the_full_name(self) -> None:
        """A surname before the full name names the same person."""
        assert names("Pelt opened the course.", "Jonas Pelt, Head of Unit, said it works.") == [
            "Jonas Pelt"
        ]

    def test_title_and_surname_alone(self) -> None:
        """A title and a surname that no full name explains is a person of its own."""
        (person,) = people("Mr. Bellami opened the course.", "Bellami thanked the donors.")
        assert person.name == "Bellami"
        assert person.titles == ("Mr.",)
        assert len(person.mentions) == 2

    def test_spelling_variants(self) -> None:
        """Names differing in accents or in lookalike letters of another script are one person."""
        found = people(
            "Minister Emil Šandor opened the course.",
            "Sandor thanked the donors.",
            "Ambassador Оksana Rudyk (with a Cyrillic O) spoke.",
            "Oksana Rudyk stressed the point.",
        )
        assert [(person.name, len(person.mentions)) for person in found] == [
            ("Emil Šandor", 2),
            ("Оksana Rudyk", 2),
        ]

    def test_middle_name(self) -> None:
        """A name with and without a middle name is one person, named in its longest form."""
        assert names(
            "Ambassador Irena Voskova opened it.", "Ambassador Irena Maria Voskova said so."
        ) == ["Irena Maria Voskova"]

    def test_two_people_one_surname(self) -> None:
        """A surname two people share names the one named last before it."""
        found = people(
            "Ambassador Irena Voskova opened the course. Voskova thanked the donors.",
            "Later, Dr. Petra Voskova presented a study. Voskova found that few victims sue.",
        )
        assert [[m.text for m in person.mentions] for person in found] == [
            ["Ambassador Irena Voskova", "Voskova"],
            ["Dr. Petra Voskova", "Voskova"],
        ]

    def test_first_name(self) -> None:
        """A first name alone names the person whose first name it is."""
        found = find_people(["Ambassador Irena Voskova opened the course."])
        entry = found.match("Irena")
        assert entry is not None
        assert entry.name == "Irena Voskova"
        assert found.match("Ambassador") is None


class TestSubjects:
    def test_subject_of_a_sentence(self) -> None:
        """The first person named, with only a title or role before, is the subject."""
        found = find_people(["Head of Office Jonas Pelt thanked Ambassador Irena Voskova."])
        focus = found.focus(0, 60)
        assert focus is not None
        assert focus[1].name == "Jonas Pelt"

    def test_after_an_introduction(self) -> None:
        """An introductory phrase may stand before the subject."""
        found = find_people(["Opening the course in Sylvansk, Ambassador Irena Voskova spoke."])
        assert found.focus(0, 70) is not None

    def test_object_is_no_subject(self) -> None:
        """A person named after a verb is not the subject of the sentence."""
        found = find_people(["The trainers thanked Ambassador Irena Voskova."])
        assert found.focus(0, 50) is None

    def test_pronoun_subject(self) -> None:
        """A sentence whose subject is a pronoun has no named subject."""
        found = find_people(["He thanked the Head of Office, Ambassador Irena Voskova."])
        assert found.focus(0, 60) is None


class TestDocument:
    def test_parse_gives_people(self) -> None:
        """A parsed document lists its people, and every speaker is one of them."""
        doc = osce_thb.parse(
            "Shelters open in Sylvansk\n\n"
            "Ambassador Irena Voskova, Head of the OSCE Office, opened the course with Tarek"
            " Bellami, a trainer from the Sylvansk Bar Association.\n"
            "“We must act now,” said Voskova.\n"
            "Bellami’s session covered victim identification.\n"
        )
        assert [person.name for person in doc.people] == ["Irena Voskova", "Tarek Bellami"]
        assert [quote.speaker.name for quote in doc.quotes] == ["Irena Voskova"]
        bellami = doc.people[1]
        assert [mention.text for mention in bellami.mentions] == ["Tarek Bellami", "Bellami’s"]


class TestAdversarial:
    @pytest.mark.parametrize(
        "block",
        [
            pytest.param("Anna Koval, " * 20_000, id="names-and-commas"),
            pytest.param("Ambassador " * 50_000, id="titles"),
            pytest.param("Head of the Office " * 20_000 + "Anna Koval said.", id="long-role"),
            pytest.param("Koval’s " * 30_000, id="possessives"),
            pytest.param("“,” " * 30_000, id="marks"),
        ],
    )
    def test_long_runs(self, block: str) -> None:
        """Long runs of names, titles, roles or marks are read quickly."""
        assert isinstance(people(block), tuple)


class TestProperties:
    @given(
        st.lists(
            st.lists(
                st.sampled_from(
                    ["Anna", "Koval", "Ms.", "Head", "of", "the", ",", ".", "said", "’s", " ", "-"]
                ),
                max_size=30,
            ).map(" ".join),
            max_size=4,
        )
    )
    def test_mentions_point_into_the_text(self, blocks: list[str]) -> None:
        """Every mention stands in its block at its offset."""
        for person in people(*blocks):
            for mention in person.mentions:
                text = blocks[mention.block]
                assert text[mention.start : mention.start + len(mention.text)] == mention.text
