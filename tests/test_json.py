"""The JSON form of a document: layout, round trips, strict reading, errors and JSON Lines."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given

import osce_thb
from osce_thb import (
    Document,
    FieldOfWork,
    JsonError,
    Mention,
    Paragraph,
    Person,
    Region,
    dump_jsonl,
    from_dict,
    from_json,
    load_jsonl,
    to_dict,
    to_json,
)
from osce_thb._json import configure_converter, make_converter
from osce_thb.strategies import documents
from tests._documents import (
    UNKNOWN_FIELD,
    Mutation,
    drop,
    full_document,
    full_json,
    minimal_document,
    put,
)

if TYPE_CHECKING:
    from collections.abc import Callable

# --------------------------------------------------------------------------- tables

# The issue's top-level keys, in order: stable from now on.
TOP_LEVEL_KEYS = [
    "schema_version",
    "kind",
    "title",
    "published",
    "source",
    "fields_of_work",
    "dateline",
    "body",
    "abbreviations",
    "quotes",
    "people",
    "figures",
    "regions",
    "other_places",
    "donors",
    "programmes",
    "nrm_phases",
    "related",
    "unparsed",
]

# The keys of each nested object of `full_document()`, exactly and in order. The issue
# lists these (some with "..."); the model adds `dateline.text`, `quotes.block`, `people`,
# `figures.counted`/`block`, and the `mentions` of regions, donors, programmes, phases.
NESTED_KEYS = [
    (("source",), ["name", "closed"]),
    (("dateline",), ["place", "country", "date", "text"]),
    (("body", 0), ["type", "text"]),
    (("body", 1), ["type", "text"]),
    (("body", 2), ["type", "text"]),
    (("abbreviations", 0), ["short", "long"]),
    (("quotes", 0), ["text", "speaker", "block"]),
    (("quotes", 0, "speaker"), ["name", "title", "role"]),
    (("people", 0), ["name", "titles", "roles", "mentions"]),
    (("people", 0, "mentions", 0), ["text", "block", "start"]),
    (("figures", 0), ["value", "qualifier", "counted", "text", "block"]),
    (("regions", 0), ["code", "country", "name", "mentions"]),
    (("regions", 0, "mentions", 0), ["text", "block", "start"]),
    (("donors", 0), ["name", "country", "mentions"]),
    (("programmes", 0), ["name", "acronym", "mentions"]),
    (("nrm_phases", 0), ["stage", "status", "start", "end", "regions", "donors", "mentions"]),
    (("related", 0), ["kind", "title", "published", "source"]),
    (("related", 0, "source"), ["name", "closed"]),
    (("unparsed", 0), ["line", "text"]),
]

# The keys the issue names for nested objects; each list must appear in order.
ISSUE_NESTED_KEYS = [
    (("source",), ["name", "closed"]),
    (("dateline",), ["place", "country", "date"]),
    (("body", 0), ["type", "text"]),
    (("abbreviations", 0), ["short", "long"]),
    (("quotes", 0), ["text", "speaker"]),
    (("quotes", 0, "speaker"), ["name", "title", "role"]),
    (("figures", 0), ["value", "qualifier", "text"]),
    (("regions", 0), ["code", "name"]),
    (("donors", 0), ["name", "country"]),
    (("programmes", 0), ["name", "acronym"]),
    (("nrm_phases", 0), ["stage", "status", "start", "end", "regions", "donors"]),
    (("related", 0), ["kind", "title", "published", "source"]),
]

# `to_dict(minimal_document())`, whole: absent values are null, empty tuples [].
MINIMAL_DICT: dict[str, Any] = {
    "schema_version": 2,
    "kind": "other",
    "title": None,
    "published": None,
    "source": None,
    "fields_of_work": [],
    "dateline": {"place": None, "country": None, "date": None, "text": "–"},
    "body": [{"type": "paragraph", "text": "– Text."}],
    "abbreviations": [],
    "quotes": [
        {"text": "Yes", "speaker": {"name": "A. Person", "title": None, "role": None}, "block": 0}
    ],
    "people": [{"name": "A. Person", "titles": [], "roles": [], "mentions": []}],
    "figures": [{"value": 0, "qualifier": None, "counted": None, "text": "none", "block": 0}],
    "regions": [],
    "other_places": [],
    "donors": [{"name": "European Union", "country": None, "mentions": []}],
    "programmes": [{"name": "Hotline", "acronym": None, "mentions": []}],
    "nrm_phases": [
        {
            "stage": "national",
            "status": "planned",
            "start": None,
            "end": None,
            "regions": [],
            "donors": [],
            "mentions": [],
        }
    ],
    "related": [{"kind": "other", "title": "Elsewhere", "published": None, "source": None}],
    "unparsed": [],
}

KINDS = (
    "'event', 'feature', 'interview', 'news_item', 'op_ed', 'other', 'press_release',"
    " 'publication', 'speech', 'statement', 'story'"
)
TAGS = "'heading', 'list_item', 'paragraph'"


# (id, change to the JSON of full_document(), the one problem it must report)
BAD_DOCUMENTS = [
    # wrong types, nothing coerced
    ("str-given-int", put(("title",), 1), "$.title: expected a string or null, got 1"),
    (
        "required-str-given-int",
        put(("source", "name"), 1),
        "$.source.name: expected a string, got 1",
    ),
    (
        "str-given-list",
        put(("body", 0, "text"), ["a"]),
        "$.body[0].text: expected a string, got list",
    ),
    (
        "str-given-null",
        put(("related", 0, "title"), None),
        "$.related[0].title: expected a string, got null",
    ),
    (
        "int-given-str",
        put(("figures", 0, "value"), "200"),
        "$.figures[0].value: expected an integer, got '200'",
    ),
    (
        "int-given-bool",
        put(("figures", 0, "value"), True),
        "$.figures[0].value: expected an integer, got true",
    ),
    (
        "int-given-float",
        put(("figures", 0, "value"), 200.0),
        "$.figures[0].value: expected an integer, got 200.0",
    ),
    (
        "optional-int-given-bool",
        put(("nrm_phases", 0, "start"), False),
        "$.nrm_phases[0].start: expected an integer or null, got false",
    ),
    (
        "bool-given-int",
        put(("source", "closed"), 1),
        "$.source.closed: expected true or false, got 1",
    ),
    (
        "bool-given-str",
        put(("source", "closed"), "true"),
        "$.source.closed: expected true or false, got 'true'",
    ),
    (
        "array-given-str",
        put(("fields_of_work",), "Migration"),
        "$.fields_of_work: expected an array, got 'Migration'",
    ),
    (
        "array-given-object",
        put(("body",), {"type": "paragraph", "text": "x"}),
        "$.body: expected an array, got dict",
    ),
    (
        "array-item-given-int",
        put(("fields_of_work",), ["Migration", 1]),
        "$.fields_of_work[1]: expected a string, got 1",
    ),
    (
        "object-given-str",
        put(("source",), "OSCE"),
        "$.source: expected an object or null, got 'OSCE'",
    ),
    (
        "object-given-list",
        put(("quotes", 0, "speaker"), []),
        "$.quotes[0].speaker: expected an object, got list",
    ),
    (
        "block-given-str",
        put(("body", 1), "A heading"),
        "$.body[1]: expected an object, got 'A heading'",
    ),
    # people
    (
        "speaker-not-among-people",
        put(("people",), []),
        "$.quotes: the speaker 'Madina Jarbussynova' is not one of the document's people",
    ),
    (
        "person-twice",
        lambda data: data["people"].append({"name": "Madina Jarbussynova"}),
        "$.people: names 'Madina Jarbussynova' twice",
    ),
    (
        "title-twice",
        put(("people", 0, "titles"), ["Dr", "Dr"]),
        "$.people[0].titles: 'Dr' is listed twice",
    ),
    (
        "blank-role",
        put(("people", 0, "roles"), [" "]),
        "$.people[0].roles[0]: an item must not be blank, got ' '",
    ),
    # enums
    (
        "unknown-kind",
        put(("kind",), "blog"),
        f"$.kind: unknown value 'blog' (expected one of {KINDS})",
    ),
    ("kind-given-int", put(("kind",), 3), "$.kind: expected a string, got 3"),
    (
        "enum-name-not-value",
        put(("nrm_phases", 0, "stage"), "PILOT"),
        "$.nrm_phases[0].stage: unknown value 'PILOT'"
        " (expected one of 'expansion', 'national', 'pilot')",
    ),
    # unknown keys
    ("unknown-key-top", put(("foo",), 1), "$.foo: unknown key"),
    ("unknown-key-nested", put(("source", "url"), "x"), "$.source.url: unknown key"),
    (
        "unknown-key-deep",
        put(("regions", 0, "mentions", 1, "end"), 3),
        "$.regions[0].mentions[1].end: unknown key",
    ),
    ("unknown-key-in-block", put(("body", 2, "level"), 2), "$.body[2].level: unknown key"),
    ("unknown-odd-key", put(("foo bar",), 1), "$['foo bar']: unknown key"),
    # missing keys
    ("missing-key", drop(("source", "name")), "$.source.name: required key missing"),
    (
        "missing-object-key",
        drop(("quotes", 0, "speaker")),
        "$.quotes[0].speaker: required key missing",
    ),
    (
        "missing-key-in-list",
        drop(("related", 0, "title")),
        "$.related[0].title: required key missing",
    ),
    ("missing-block-text", drop(("body", 1, "text")), "$.body[1].text: required key missing"),
    # block tags
    (
        "unknown-block-tag",
        put(("body", 3, "type"), "figure"),
        f"$.body[3].type: unknown block type 'figure' (expected one of {TAGS})",
    ),
    (
        "missing-block-tag",
        drop(("body", 3, "type")),
        f"$.body[3].type: missing block type (expected one of {TAGS})",
    ),
    (
        "class-name-as-tag",
        put(("body", 0, "type"), "Paragraph"),
        f"$.body[0].type: unknown block type 'Paragraph' (expected one of {TAGS})",
    ),
    (
        "null-block-tag",
        put(("body", 0, "type"), None),
        f"$.body[0].type: unknown block type null (expected one of {TAGS})",
    ),
    # dates
    (
        "bad-month",
        put(("published",), "2013-13-01"),
        "$.published: invalid date '2013-13-01' (expected YYYY-MM-DD)",
    ),
    (
        "bad-day",
        put(("dateline", "date"), "2013-02-30"),
        "$.dateline.date: invalid date '2013-02-30' (expected YYYY-MM-DD)",
    ),
    (
        "datetime",
        put(("published",), "2013-12-01T10:00:00"),
        "$.published: invalid date '2013-12-01T10:00:00' (expected YYYY-MM-DD)",
    ),
    (
        "basic-format",
        put(("published",), "20131201"),
        "$.published: invalid date '20131201' (expected YYYY-MM-DD)",
    ),
    (
        "unpadded",
        put(("related", 0, "published"), "2014-2-3"),
        "$.related[0].published: invalid date '2014-2-3' (expected YYYY-MM-DD)",
    ),
    (
        "words",
        put(("published",), "1 December 2013"),
        "$.published: invalid date '1 December 2013' (expected YYYY-MM-DD)",
    ),
    (
        "date-given-int",
        put(("published",), 20131201),
        "$.published: expected a date string (YYYY-MM-DD) or null, got 20131201",
    ),
    # the schema version
    (
        "other-version",
        put(("schema_version",), 3),
        "$.schema_version: unsupported schema version 3 (this library reads 1 and 2)",
    ),
    (
        "version-as-str",
        put(("schema_version",), "2"),
        "$.schema_version: unsupported schema version '2' (this library reads 1 and 2)",
    ),
    (
        "version-as-bool",
        put(("schema_version",), True),
        "$.schema_version: unsupported schema version true (this library reads 1 and 2)",
    ),
    (
        "version-as-float",
        put(("schema_version",), 2.0),
        "$.schema_version: unsupported schema version 2.0 (this library reads 1 and 2)",
    ),
    ("missing-version", drop(("schema_version",)), "$.schema_version: required key missing"),
    # the model's own rules, at the field they concern
    (
        "unknown-region-code",
        put(("regions", 2, "code"), "UA-99"),
        "$.regions[2].code: unknown region code 'UA-99'",
    ),
    (
        "unknown-region-code-in-phase",
        put(("nrm_phases", 0, "regions", 1, "code"), "UA-99"),
        "$.nrm_phases[0].regions[1].code: unknown region code 'UA-99'",
    ),
    (
        "phase-region-given-by-code",
        put(("nrm_phases", 0, "regions", 1), "UA-30"),
        "$.nrm_phases[0].regions[1]: expected an object, got 'UA-30'",
    ),
    (
        "phase-region-with-mentions",
        put(("nrm_phases", 0, "regions", 1, "mentions"), [{"text": "Kyiv", "block": 0}]),
        "$.nrm_phases[0].regions[1]: has mentions: a phase names the regions of the"
        " document, and its own mentions say where",
    ),
    (
        "phase-region-without-code",
        put(("nrm_phases", 0, "regions", 1), {"country": "XK", "name": "Prizren"}),
        "$.nrm_phases[0].regions[1]: must have an ISO 3166-2 code",
    ),
    (
        "unknown-country-code",
        put(("donors", 0, "country"), "XX"),
        "$.donors[0].country: unknown ISO 3166-1 alpha-2 country code 'XX'",
    ),
    (
        "lower-case-country-code",
        put(("donors", 0, "country"), "dk"),
        "$.donors[0].country: unknown ISO 3166-1 alpha-2 country code 'dk'",
    ),
    (
        "phase-ends-before-start",
        put(("nrm_phases", 0, "start"), 2014),
        "$.nrm_phases[0].end: must not be before start (2014), got 2013",
    ),
    (
        "year-out-of-range",
        put(("nrm_phases", 0, "start"), 1899),
        "$.nrm_phases[0].start: must be a year between 1900 and 2200, got 1899",
    ),
    (
        "blank-text",
        put(("body", 0, "text"), "   "),
        "$.body[0].text: must not be blank, got '   '",
    ),
    (
        "negative-index",
        put(("figures", 0, "block"), -1),
        "$.figures[0].block: must not be negative, got -1",
    ),
    (
        "blank-field-of-work",
        put(("fields_of_work",), ["  "]),
        "$.fields_of_work[0]: a field of work must not be blank, got '  '",
    ),
]

# (id, text that is not a JSON object, the one problem it must report)
NOT_A_DOCUMENT = [
    ("empty", "", "$: not valid JSON: Expecting value (line 1, column 1)"),
    ("prose", "not json", "$: not valid JSON: Expecting value (line 1, column 1)"),
    (
        "unclosed",
        "{",
        "$: not valid JSON: Expecting property name enclosed in double quotes (line 1, column 2)",
    ),
    (
        "second-line",
        '{\n  "title": nope\n}',
        "$: not valid JSON: Expecting value (line 2, column 12)",
    ),
    (
        "two-values",
        '{"kind": "story"} {}',
        "$: not valid JSON: Extra data (line 1, column 19)",
    ),
    (
        "bad-utf-8",
        b'{"title": "\xff"}',
        "$: not valid JSON: not utf-8 text: invalid start byte (byte offset 11)",
    ),
    ("too-deep", "[" * 100_000, "$: not valid JSON: nested too deeply"),
    ("array", "[1, 2]", "$: expected an object, got list"),
    ("null", "null", "$: expected an object, got null"),
    ("string", '"a document"', "$: expected an object, got 'a document'"),
    ("number", "3", "$: expected an object, got 3"),
]


# A value of another JSON type, for a value of each type.
WRONG_TYPE: dict[type, object] = {str: 1, int: "1", bool: 0, list: "x", dict: [], type(None): 1}


def leaves_and_branches(data: Any, path: tuple[str | int, ...] = ()) -> Any:
    """Every (path, value) below `data`, objects and arrays included."""
    items = enumerate(data) if isinstance(data, list) else data.items()
    for key, value in items:
        yield (*path, key), value
        if isinstance(value, list | dict):
            yield from leaves_and_branches(value, (*path, key))


def json_path(path: tuple[str | int, ...]) -> str:
    return "$" + "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path)


def message(*problems: str) -> str:
    """The whole message of a `JsonError` with these problems."""
    count = len(problems)
    head = f"invalid document: {count} problem{'' if count == 1 else 's'}"
    return head + "".join(f"\n  {problem}" for problem in problems)


def at(data: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


# --------------------------------------------------------------------------- tests


class TestRoundTrip:
    @pytest.mark.parametrize("build", [full_document, minimal_document, Document])
    def test_json(self, build: Callable[[], Document]) -> None:
        """A document read back from its JSON equals the original."""
        document = build()
        assert from_json(to_json(document)) == document

    @pytest.mark.parametrize("build", [full_document, minimal_document, Document])
    def test_dict(self, build: Callable[[], Document]) -> None:
        """A document read back from its dict equals the original."""
        document = build()
        assert from_dict(to_dict(document)) == document

    @pytest.mark.parametrize("indent", [None, 0, 2, 4])
    def test_indented_json(self, indent: int | None) -> None:
        """Indentation changes the layout of the text, not what it says."""
        text = to_json(full_document(), indent=indent)
        assert from_json(text) == full_document()
        assert json.loads(text) == to_dict(full_document())

    def test_bytes(self) -> None:
        """JSON given as UTF-8 bytes reads like text."""
        assert from_json(to_json(full_document()).encode()) == full_document()

    def test_text_is_stable(self) -> None:
        """Writing a document read from JSON gives the same JSON text."""
        text = to_json(full_document())
        assert to_json(from_json(text)) == text

    def test_through_the_json_module(self) -> None:
        """The dict survives a trip through any JSON library: only JSON types inside."""
        data = to_dict(full_document())
        assert json.loads(json.dumps(data)) == data
        assert from_dict(json.loads(json.dumps(data))) == full_document()


class TestLayout:
    def test_top_level_keys(self) -> None:
        """The top level has the issue's keys in the issue's order, schema_version first."""
        assert list(to_dict(full_document())) == TOP_LEVEL_KEYS
        assert list(to_dict(Document())) == TOP_LEVEL_KEYS

    def test_top_level_keys_follow_the_model(self) -> None:
        """After schema_version, the keys are the Document's fields, in declaration order."""
        assert TOP_LEVEL_KEYS[1:] == [field.name for field in attrs.fields(Document)]

    @pytest.mark.parametrize(("path", "keys"), NESTED_KEYS, ids=lambda v: str(v))
    def test_nested_keys(self, path: tuple[str | int, ...], keys: list[str]) -> None:
        """Every nested object has exactly its keys, in order."""
        assert list(at(to_dict(full_document()), path)) == keys

    @pytest.mark.parametrize(("path", "keys"), ISSUE_NESTED_KEYS, ids=lambda v: str(v))
    def test_issue_keys_in_order(self, path: tuple[str | int, ...], keys: list[str]) -> None:
        """The keys the issue names for a nested object appear in the issue's order."""
        written = list(at(to_dict(full_document()), path))
        assert [key for key in written if key in keys] == keys

    def test_absent_values_are_null(self) -> None:
        """Every key is written; absent values are null and empty tuples []."""
        assert to_dict(minimal_document()) == MINIMAL_DICT

    def test_empty_document(self) -> None:
        """Even an empty document writes every key."""
        assert to_dict(Document()) == {
            "schema_version": 2,
            "kind": "other",
            "title": None,
            "published": None,
            "source": None,
            "fields_of_work": [],
            "dateline": None,
            **{key: [] for key in TOP_LEVEL_KEYS[7:]},
        }

    def test_scalars(self) -> None:
        """Dates are YYYY-MM-DD, enums their values, fields of work their names."""
        data = to_dict(full_document())
        assert data["kind"] == "story"
        assert data["published"] == "2013-12-01"
        assert data["dateline"]["date"] == "2013-11-29"
        assert data["nrm_phases"][0]["stage"] == "pilot"
        assert data["nrm_phases"][0]["status"] == "completed"
        assert data["related"][0]["kind"] == "press_release"
        assert data["fields_of_work"] == [
            "Combating trafficking in human beings",
            UNKNOWN_FIELD,
            "Migration",
        ]

    def test_body_blocks_are_tagged(self) -> None:
        """Each body block is an object with its type first."""
        assert [block["type"] for block in to_dict(full_document())["body"]] == [
            "paragraph",
            "heading",
            "list_item",
            "paragraph",
        ]

    def test_tuples_are_lists(self) -> None:
        """Tuples of the model are lists of the dict."""
        data = to_dict(full_document())
        assert isinstance(data["body"], list)
        assert isinstance(data["nrm_phases"][0]["regions"], list)

    def test_compact_text(self) -> None:
        """Without indent, JSON text has no spaces between tokens and no ASCII escapes."""
        text = to_json(full_document())
        assert text.startswith('{"schema_version":2,"kind":"story","title":"Ukraine’s')
        assert "Київ café" in text
        assert "\\u" not in text
        assert "\n" not in text

    def test_indented_text(self) -> None:
        """With indent, JSON text has one key a line."""
        text = to_json(minimal_document(), indent=2)
        assert text.startswith('{\n  "schema_version": 2,\n  "kind": "other",\n')

    def test_new_dict_each_time(self) -> None:
        """`to_dict` returns a fresh dict: changing it changes nothing else."""
        document = full_document()
        first = to_dict(document)
        first["body"].clear()
        assert to_dict(document)["body"]


class TestReading:
    def test_fields_of_work(self) -> None:
        """Known names of fields become FieldOfWork members; other names stay strings."""
        document = from_dict(
            {"schema_version": 2, "fields_of_work": ["Human rights", "Basket weaving"]}
        )
        assert document.fields_of_work == (FieldOfWork.HUMAN_RIGHTS, "Basket weaving")

    def test_dates(self) -> None:
        """Dates are read into datetime.date."""
        document = from_dict({"schema_version": 2, "published": "2016-02-29"})
        assert document.published == dt.date(2016, 2, 29)

    def test_keys_with_defaults_may_be_left_out(self) -> None:
        """Keys whose fields have defaults may be missing: the default is used."""
        assert from_dict({"schema_version": 2}) == Document()
        document = from_dict(
            {"schema_version": 2, "regions": [{"code": "UA-14", "name": "Donetsk Oblast"}]}
        )
        assert document.regions[0].mentions == ()

    def test_json_without_people(self) -> None:
        """JSON written before `people` existed reads with the speakers of its quotes as people."""
        data = full_json(drop(("people",)))
        data["quotes"].append(copy.deepcopy(data["quotes"][0]))
        data["quotes"][1]["speaker"].update(title="Dr", role=None)
        document = from_dict(data)
        assert document.people == (
            Person(
                name="Madina Jarbussynova",
                titles=("Ambassador", "Dr"),
                roles=("OSCE Project Co-ordinator in Ukraine",),
            ),
        )

    def test_json_without_people_or_quotes(self) -> None:
        """JSON without people and without quotes reads with no people."""
        data = full_json(drop(("people",)), drop(("quotes",)))
        assert from_dict(data).people == ()

    def test_regions_of_earlier_documents_take_the_country_of_their_code(self) -> None:
        """Documents written before places had a country (UA codes only) still read."""
        document = from_dict(
            {"schema_version": 2, "regions": [{"code": "UA-30", "name": "Kyiv", "mentions": []}]}
        )
        (kyiv,) = document.regions
        assert (kyiv.code, kyiv.country, kyiv.name) == ("UA-30", "UA", "Kyiv")
        assert document == from_json(to_json(document))
        assert to_dict(document)["regions"] == [
            {"code": "UA-30", "country": "UA", "name": "Kyiv", "mentions": []}
        ]

    def test_a_place_without_a_code(self) -> None:
        """A place with no ISO 3166-2 code is written with a null code, and read back."""
        mention = Mention(text="Prishtina", block=0)
        place = Region(country="XK", name="Pristina", mentions=(mention,))
        body = (Paragraph(text="Prishtina hosts a meeting."),)  # where the mention points
        data = to_dict(Document(body=body, other_places=(place,)))
        assert data["other_places"][0] == {
            "code": None,
            "country": "XK",
            "name": "Pristina",
            "mentions": [{"text": "Prishtina", "block": 0, "start": 0}],
        }
        assert from_dict(data).other_places == (place,)
        data["regions"], data["other_places"] = data["other_places"], []
        with pytest.raises(JsonError, match=r"\$\.regions.*must have an ISO 3166-2 code"):
            from_dict(data)

    def test_a_place_needs_a_known_country_of_its_code(self) -> None:
        """A country not the code's, or none for a place without a code, is refused."""
        cases = [
            ({"code": "UA-30", "country": "MD", "name": "Kyiv"}, "region UA-30 is in 'UA'"),
            ({"code": None, "name": "Pristina"}, "a place without a code needs its country"),
            ({"code": None, "country": "XX", "name": "Nowhere"}, "unknown country code 'XX'"),
        ]
        for region, problem in cases:
            with pytest.raises(JsonError) as caught:
                from_dict({"schema_version": 2, "regions": [region]})
            (found,) = caught.value.problems
            assert found.startswith("$.regions[0].country: ") and problem in found, found

    def test_input_left_unchanged(self) -> None:
        """Reading a dict does not change it."""
        data = full_json()
        kept = copy.deepcopy(data)
        from_dict(data)
        assert data == kept

    def test_all_converters_agree(self) -> None:
        """The fast and the detailed converter read a document the same."""
        data = full_json()
        del data["schema_version"]
        fast = make_converter(detailed_validation=False)
        detailed = make_converter(detailed_validation=True)
        assert fast.structure(data, Document) == detailed.structure(data, Document)
        assert fast.structure(data, Document) == full_document()


class TestErrors:
    @pytest.mark.parametrize(
        ("mutate", "problem"),
        [case[1:] for case in BAD_DOCUMENTS],
        ids=[case[0] for case in BAD_DOCUMENTS],
    )
    def test_bad_document(self, mutate: Mutation, problem: str) -> None:
        """Each kind of bad JSON gives one problem, with its path, in a JsonError."""
        text = json.dumps(full_json(mutate))
        with pytest.raises(JsonError) as caught:
            from_json(text)
        assert str(caught.value) == message(problem)
        assert caught.value.problems == (problem,)

    @pytest.mark.parametrize(
        ("text", "problem"),
        [case[1:] for case in NOT_A_DOCUMENT],
        ids=[case[0] for case in NOT_A_DOCUMENT],
    )
    def test_not_a_document(self, text: str | bytes, problem: str) -> None:
        """Text that is not JSON, or not a JSON object, gives one problem at `$`."""
        with pytest.raises(JsonError) as caught:
            from_json(text)
        assert str(caught.value) == message(problem)

    def test_from_dict_given_a_list(self) -> None:
        """`from_dict` wants a dict."""
        with pytest.raises(JsonError, match=r"^invalid document: 1 problem\n  \$: expected an"):
            from_dict([])

    def test_every_value_checked(self) -> None:
        """Any value of the wrong JSON type, anywhere, is a problem at its own path."""
        checked = 0
        for path, value in leaves_and_branches(full_json()):
            wrong = WRONG_TYPE[type(value)]
            with pytest.raises(JsonError) as caught:
                from_dict(full_json(put(path, wrong)))
            [problem] = caught.value.problems
            assert problem.startswith(json_path(path) + ": "), problem
            checked += 1
        assert checked > 100

    def test_every_problem_listed(self) -> None:
        """Problems anywhere in the document are listed together, in document order."""
        data = full_json(
            put(("schema_version",), 3),
            put(("title",), 1),
            put(("published",), "2013-13-01"),
            drop(("source", "name")),
            put(("source", "closed"), 1),
            put(("source", "url"), "x"),
            put(("body", 1, "type"), "figure"),
            put(("figures", 0, "value"), True),
            put(("regions", 2, "code"), "UA-99"),
            put(("regions", 0, "mentions", 0, "start"), "0"),
            put(("nrm_phases", 0, "start"), 2014),
            put(("foo",), 1),
        )
        with pytest.raises(JsonError) as caught:
            from_json(json.dumps(data))
        assert str(caught.value) == message(
            "$.schema_version: unsupported schema version 3 (this library reads 1 and 2)",
            "$.title: expected a string or null, got 1",
            "$.published: invalid date '2013-13-01' (expected YYYY-MM-DD)",
            "$.source.name: required key missing",
            "$.source.closed: expected true or false, got 1",
            "$.source.url: unknown key",
            f"$.body[1].type: unknown block type 'figure' (expected one of {TAGS})",
            "$.figures[0].value: expected an integer, got true",
            "$.regions[0].mentions[0].start: expected an integer, got '0'",
            "$.regions[2].code: unknown region code 'UA-99'",
            "$.nrm_phases[0].end: must not be before start (2014), got 2013",
            "$.foo: unknown key",
        )

    def test_every_item_of_a_list(self) -> None:
        """Problems in several items of one list are each listed with their index."""
        data = full_json(
            put(("body", 0, "text"), 0), put(("body", 2, "type"), "x"), put(("body", 3, "x"), 1)
        )
        with pytest.raises(JsonError) as caught:
            from_dict(data)
        assert caught.value.problems == (
            "$.body[0].text: expected a string, got 0",
            f"$.body[2].type: unknown block type 'x' (expected one of {TAGS})",
            "$.body[3].x: unknown key",
        )

    def test_unknown_keys_each_listed(self) -> None:
        """Each unknown key of an object is its own problem, in sorted order."""
        with pytest.raises(JsonError) as caught:
            from_dict({"schema_version": 2, "zeta": 1, "alpha": 2})
        assert caught.value.problems == ("$.alpha: unknown key", "$.zeta: unknown key")

    def test_long_values_shortened(self) -> None:
        """A long string in a problem is cut to 40 characters."""
        with pytest.raises(JsonError) as caught:
            from_dict(full_json(put(("figures", 0, "value"), "x" * 100)))
        assert caught.value.problems == (
            f"$.figures[0].value: expected an integer, got '{'x' * 40}'…",
        )

    def test_is_a_value_error(self) -> None:
        """JsonError is a ValueError, so callers may catch either."""
        with pytest.raises(ValueError, match="not valid JSON"):
            from_json("{")


class TestCattrsTraps:
    """The two default behaviours of cattrs that the issue names are closed."""

    def test_str_field_rejects_int(self) -> None:
        """A str field given 1 is an error, not the string "1"."""
        with pytest.raises(JsonError) as caught:
            from_dict({"schema_version": 2, "title": 1})
        assert caught.value.problems == ("$.title: expected a string or null, got 1",)

    def test_unknown_tag_is_named(self) -> None:
        """An unknown block tag says so, not "required field missing"."""
        with pytest.raises(JsonError) as caught:
            from_dict({"schema_version": 2, "body": [{"type": "figure", "text": "x"}]})
        assert "required" not in str(caught.value)
        assert caught.value.problems == (
            f"$.body[0].type: unknown block type 'figure' (expected one of {TAGS})",
        )

    def test_global_converter_untouched(self) -> None:
        """Hooks go on the library's converters, never on cattrs' global converter."""
        import cattrs

        to_json(full_document())
        assert cattrs.global_converter.structure(1, str) == "1"  # cattrs' own default

    def test_configure_a_fresh_converter(self) -> None:
        """`configure_converter` makes any cattrs.Converter read and write the JSON form."""
        import cattrs

        converter = cattrs.Converter()
        configure_converter(converter)
        data = to_dict(full_document())
        del data["schema_version"]
        assert converter.unstructure(full_document()) == data
        assert converter.structure(data, Document) == full_document()


class TestImport:
    def test_cattrs_not_imported(self) -> None:
        """`import osce_thb` does not import cattrs: it loads on first use."""
        code = "import sys, osce_thb; print(sorted(m for m in sys.modules if 'cattrs' in m))"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "[]"

    def test_exported(self) -> None:
        """The JSON functions are part of the package's API."""
        for name in ("to_dict", "from_dict", "to_json", "from_json", "dump_jsonl", "load_jsonl"):
            assert name in osce_thb.__all__


class LineCountingFile(io.StringIO):
    """A text file that counts the lines read from it (iterating calls `readline`)."""

    lines_read = 0

    def readline(self, size: int = -1, /) -> str:  # type: ignore[override]  # typeshed's bytes
        line = super().readline(size)
        self.lines_read += 1
        return line


class FlushRecordingFile(io.StringIO):
    """A text file that records its writes and flushes, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []

    def write(self, text: str) -> int:
        self.events.append(f"write {text.count(chr(10))} newline(s), ends {text[-1:]!r}")
        return super().write(text)

    def flush(self) -> None:
        self.events.append("flush")
        super().flush()


def many_documents(count: int) -> list[Document]:
    full = full_document()
    return [
        attrs.evolve(full, title=f"Document {number} – №{number}")
        if number % 3
        else minimal_document()
        for number in range(count)
    ]


class TestJsonLines:
    def test_round_trip(self) -> None:
        """Many documents written as JSON Lines read back equal, in order."""
        documents = many_documents(250)
        file = io.StringIO()
        assert dump_jsonl(documents, file) == 250
        file.seek(0)
        assert list(load_jsonl(file)) == documents

    def test_one_compact_object_a_line(self) -> None:
        """Each document is one line: its compact JSON, then a newline."""
        documents = many_documents(4)
        file = io.StringIO()
        dump_jsonl(documents, file)
        assert file.getvalue() == "".join(to_json(document) + "\n" for document in documents)

    def test_each_line_flushed(self) -> None:
        """Each complete line is flushed, so a reader never sees half a document."""
        file = FlushRecordingFile()
        dump_jsonl(many_documents(3), file)
        assert file.events == ["write 1 newline(s), ends '\\n'", "flush"] * 3

    def test_generator_input(self) -> None:
        """Documents may come from a generator; the count is returned."""
        file = io.StringIO()
        assert dump_jsonl((document for document in many_documents(5)), file) == 5

    def test_nothing(self) -> None:
        """No documents make an empty file, and an empty file yields nothing."""
        file = io.StringIO()
        assert dump_jsonl([], file) == 0
        assert file.getvalue() == ""
        assert list(load_jsonl(io.StringIO(""))) == []

    def test_lazy(self) -> None:
        """Reading yields each document as soon as its line is read, not the file first."""
        file = io.StringIO()
        dump_jsonl(many_documents(100), file)
        counting = LineCountingFile(file.getvalue())
        documents = load_jsonl(counting)
        assert counting.lines_read == 0
        first = next(documents)
        assert counting.lines_read == 1
        assert first == minimal_document()
        next(documents)
        assert counting.lines_read == 2

    def test_files_on_disk(self, tmp_path: Any) -> None:
        """JSON Lines go through real UTF-8 files."""
        path = tmp_path / "documents.jsonl"
        documents = many_documents(20)
        with path.open("w", encoding="utf-8") as file:
            dump_jsonl(documents, file)
        with path.open(encoding="utf-8") as file:
            assert list(load_jsonl(file)) == documents

    def test_paths(self, tmp_path: Any) -> None:
        """A path will do for a file: written as UTF-8, read back lazily, then closed."""
        path = tmp_path / "documents.jsonl"
        documents = many_documents(7)
        assert dump_jsonl(documents, path) == 7
        assert dump_jsonl(documents[:2], str(path)) == 2  # replaced, not appended
        assert list(load_jsonl(path)) == documents[:2]
        assert list(load_jsonl(str(path))) == documents[:2]
        assert path.read_bytes().count(b"\n") == 2

    def test_missing_path(self, tmp_path: Any) -> None:
        """A path that cannot be read raises when reading starts, not a JsonError."""
        documents = load_jsonl(tmp_path / "missing.jsonl")
        with pytest.raises(FileNotFoundError):
            next(documents)

    def test_blank_lines_skipped(self) -> None:
        """Blank lines are skipped."""
        line = to_json(full_document())
        file = io.StringIO(f"\n{line}\n   \n\n{line}\n\n")
        assert list(load_jsonl(file)) == [full_document(), full_document()]

    def test_bad_line_numbered(self) -> None:
        """A bad line's problems start with its line number, blank lines counted."""
        good = to_json(minimal_document())
        bad = json.dumps(full_json(put(("kind",), "blog"), put(("title",), 1)))
        documents = load_jsonl(io.StringIO(f"{good}\n\n{good}\n{bad}\n{good}\n"))
        assert next(documents) == minimal_document()
        assert next(documents) == minimal_document()
        with pytest.raises(JsonError) as caught:
            next(documents)
        assert str(caught.value) == message(
            f"line 4: $.kind: unknown value 'blog' (expected one of {KINDS})",
            "line 4: $.title: expected a string or null, got 1",
        )

    def test_line_not_json(self) -> None:
        """A line that is not JSON gives the column within the line."""
        good = to_json(minimal_document())
        with pytest.raises(JsonError) as caught:
            list(load_jsonl(io.StringIO(f"{good}\n{{oops}}\n")))
        assert str(caught.value) == message(
            "line 2: $: not valid JSON: Expecting property name enclosed in double quotes"
            " (column 2)"
        )


class TestHostileJson:
    """What JSON text can say but a document cannot hold: refused, each at its path."""

    def test_integer_too_long_to_read(self) -> None:
        """A 5,000-digit integer is a problem at its path, not a bare ValueError."""
        text = json.dumps(full_json()).replace('"value": 200', '"value": ' + "9" * 5000, 1)
        with pytest.raises(JsonError) as caught:
            from_json(text)
        assert caught.value.problems == ("$.figures[0].value: integer too large: 5000 digits",)

    def test_integer_too_long_where_a_string_goes(self) -> None:
        """Where a string goes, the problem names the long integer without printing it."""
        text = '{"schema_version": 2, "title": -' + "1" * 5000 + "}"
        with pytest.raises(JsonError) as caught:
            from_json(text)
        assert caught.value.problems == (
            "$.title: expected a string or null, got an integer of 5000 digits",
        )

    def test_integer_too_long_in_json_lines(self) -> None:
        """JSON Lines report it with the line number."""
        line = '{"schema_version": 2, "unparsed": [{"line": ' + "7" * 4400 + ', "text": "x"}]}'
        with pytest.raises(JsonError) as caught:
            list(load_jsonl(io.StringIO(line + "\n")))
        assert caught.value.problems == (
            "line 1: $.unparsed[0].line: integer too large: 4400 digits",
        )

    @pytest.mark.parametrize(
        ("text", "problems"),
        [
            ('{"schema_version": 2, "title": "A", "title": "B"}', ("$.title: duplicate key",)),
            (
                '{"schema_version": 2, "schema_version": 2}',
                ("$.schema_version: duplicate key",),
            ),
            (
                '{"schema_version": 2, "source": {"name": "A", "name": "B", "closed": true}}',
                ("$.source.name: duplicate key",),
            ),
            (
                '{"schema_version": 2, "body": [{"type": "paragraph", "type": "heading",'
                ' "text": "A"}]}',
                ("$.body[0].type: duplicate key",),
            ),
            (
                '{"schema_version": 2, "zz": 1, "zz": 2}',
                ("$.zz: duplicate key", "$.zz: unknown key"),
            ),
        ],
        ids=["top", "schema-version", "nested", "block-tag", "unknown-key"],
    )
    def test_duplicate_keys(self, text: str, problems: tuple[str, ...]) -> None:
        """A key given twice is a problem at its path: neither value silently wins."""
        with pytest.raises(JsonError) as caught:
            from_json(text)
        assert caught.value.problems == problems

    def test_duplicate_key_in_a_valid_document(self) -> None:
        """A key given twice in what `to_json` wrote (a repeated mention's text) is found."""
        text = to_json(full_document()).replace(
            '{"text":"Mariupol","block":0,', '{"text":"Mariupol","text":"Mariupol","block":0,', 1
        )
        with pytest.raises(JsonError) as caught:
            from_json(text)
        assert caught.value.problems == ("$.regions[0].mentions[0].text: duplicate key",)

    @pytest.mark.parametrize(
        "text",
        [
            '{"schema_version": 2, "title": "caf\\ud800e"}',
            '{"schema_version": 2, "title": "caf\\uDFFFe"}',
            '{"schema_version": 2, "title": "caf\ud800e"}',
        ],
        ids=["escaped-high", "escaped-low", "raw"],
    )
    def test_lone_surrogates(self, text: str) -> None:
        """A lone surrogate is no Unicode text: refused at its path."""
        with pytest.raises(JsonError) as caught:
            from_json(text)
        [problem] = caught.value.problems
        assert problem.startswith("$.title: lone surrogate U+D")
        assert "at character 3" in problem

    def test_surrogate_pairs_are_text(self) -> None:
        """A pair of escapes is one character, as JSON means it."""
        document = from_json('{"schema_version": 2, "title": "Smile \\ud83d\\ude00"}')
        assert document.title == "Smile \U0001f600"

    def test_lone_surrogates_in_lists_and_fields_of_work(self) -> None:
        """Every string is checked: in arrays, in fields of work, as bytes."""
        data = full_json(
            put(("fields_of_work",), ["Migration", "Sp\ud800ce"]),
            put(("body", 1, "text"), "\udc00"),
        )
        with pytest.raises(JsonError) as caught:
            from_json(json.dumps(data).encode())
        assert [problem.split(":")[0] for problem in caught.value.problems] == [
            "$.fields_of_work[1]",
            "$.body[1].text",
        ]

    def test_lone_surrogates_in_a_dict(self) -> None:
        """`from_dict` refuses them too."""
        with pytest.raises(JsonError, match=r"\$\.unparsed\[0\]\.text: lone surrogate"):
            from_dict(full_json(put(("unparsed", 0, "text"), "a\udfffb")))

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_not_json_constants(self, constant: str) -> None:
        """Python's json reads NaN and Infinity; JSON has no such values."""
        with pytest.raises(JsonError) as caught:
            from_json('{"schema_version": 2, "figures": [{"value": ' + constant + "}]}")
        assert caught.value.problems == (f"$: not valid JSON: {constant} is not a JSON value",)

    def test_bytes_must_be_utf8(self) -> None:
        """UTF-8 bytes with a byte order mark read; other encodings do not."""
        text = to_json(minimal_document())
        assert from_json(b"\xef\xbb\xbf" + text.encode()) == minimal_document()
        with pytest.raises(JsonError, match="not utf-8 text"):
            from_json(text.encode("utf-16"))


class TestEveryProblemNamed:
    """Each problem at the item it concerns; every problem of an object, not the first."""

    def test_each_bad_item_of_a_list(self) -> None:
        """Bad region codes of a phase are each named by index."""
        regions = [{"code": code, "name": "A place"} for code in ("UA-99", "UA-14", "XX-1")]
        with pytest.raises(JsonError) as caught:
            from_dict(full_json(put(("nrm_phases", 0, "regions"), regions)))
        assert caught.value.problems == (
            "$.nrm_phases[0].regions[0].code: unknown region code 'UA-99'",
            "$.nrm_phases[0].regions[2].code: unknown region code 'XX-1'",
        )

    def test_blank_second_field_of_work(self) -> None:
        """A blank second field of work is at `[1]`, not at the list."""
        with pytest.raises(JsonError) as caught:
            from_dict(full_json(put(("fields_of_work",), ["Migration", " "])))
        assert caught.value.problems == (
            "$.fields_of_work[1]: a field of work must not be blank, got ' '",
        )

    def test_every_problem_of_one_object(self) -> None:
        """A blank name and a wrong type in one object: both, in field order."""
        with pytest.raises(JsonError) as caught:
            from_dict(full_json(put(("source",), {"name": " ", "closed": "yes"})))
        assert caught.value.problems == (
            "$.source.name: must not be blank, got ' '",
            "$.source.closed: expected true or false, got 'yes'",
        )

    def test_every_rule_of_one_object(self) -> None:
        """Several model rules broken in one object are all named, across objects too."""
        data = full_json(
            put(("quotes", 0, "speaker"), {"name": "", "title": " ", "role": "\t"}),
            put(("figures", 0, "block"), -1),
            put(("figures", 0, "text"), ""),
        )
        with pytest.raises(JsonError) as caught:
            from_dict(data)
        assert caught.value.problems == (
            "$.quotes[0].speaker.name: must not be blank, got ''",
            "$.quotes[0].speaker.title: must not be blank, got ' '",
            "$.quotes[0].speaker.role: must not be blank, got '\\t'",
            "$.figures[0].text: must not be blank, got ''",
            "$.figures[0].block: must not be negative, got -1",
        )

    def test_long_values_cut_in_model_rules(self) -> None:
        """A 10 MB blank title gives a short problem, not a 10 MB one."""
        with pytest.raises(JsonError) as caught:
            from_dict(full_json(put(("title",), " " * 10_000_000)))
        [problem] = caught.value.problems
        assert problem == f"$.title: must not be blank, got '{' ' * 40}'…"

    def test_long_keys_cut(self) -> None:
        """An unknown key of a megabyte is named by its first characters."""
        with pytest.raises(JsonError) as caught:
            from_dict({"schema_version": 2, "k" * 1_000_000: 1})
        assert caught.value.problems == (f"$['{'k' * 40}'…]: unknown key",)
        assert len(str(caught.value)) < 200


# (id, change to the JSON of full_document(), the problem: a reference that points nowhere)
DANGLING = [
    (
        "quote-block",
        put(("quotes", 0, "block"), 999),
        "$.quotes[0].block: no block 999 in the body, which has 4 blocks",
    ),
    (
        "figure-block",
        put(("figures", 0, "block"), 4),
        "$.figures[0].block: no block 4 in the body, which has 4 blocks",
    ),
    (
        "mention-block",
        put(("donors", 0, "mentions", 0, "block"), 7),
        "$.donors[0].mentions[0].block: no block 7 in the body, which has 4 blocks",
    ),
    (
        "mention-past-the-end",
        put(("regions", 0, "mentions", 0, "start"), 60),
        "$.regions[0].mentions[0].start: the mention ends at 68,"
        " past the end of block 0 (62 characters)",
    ),
    (
        "phase-mention",
        put(("nrm_phases", 0, "mentions", 0, "start"), 1000),
        "$.nrm_phases[0].mentions[0].start: the mention ends at 1028,"
        " past the end of block 0 (62 characters)",
    ),
    (
        "phase-donor-renamed",
        put(("nrm_phases", 0, "donors", 0, "name"), "Danish MFA"),
        "$.nrm_phases[0].donors[0]: 'Danish MFA' ('DK') is not a donor in $.donors",
    ),
    (
        "unknown-phase-donor",
        put(("nrm_phases", 0, "donors"), [{"name": "Norway", "country": "NO"}]),
        "$.nrm_phases[0].donors[0]: 'Norway' ('NO') is not a donor in $.donors",
    ),
    (
        "phase-donor-without-country",
        put(("nrm_phases", 0, "donors", 0, "country"), None),
        "$.nrm_phases[0].donors[0]: 'Denmark' (null) is not a donor in $.donors",
    ),
    (
        "phase-region-not-found",
        put(("nrm_phases", 0, "regions", 1), {"code": "UA-63", "name": "Kharkiv Oblast"}),
        "$.nrm_phases[0].regions[1].code: 'UA-63' is not the code of a region in $.regions",
    ),
    (
        "phase-region-renamed",
        put(("nrm_phases", 0, "regions", 1, "name"), "Kiev"),
        "$.nrm_phases[0].regions[1].name: 'Kiev' is not the name of UA-30 in $.regions ('Kyiv')",
    ),
    (
        "dateline-not-in-body",
        put(("dateline", "text"), "LVIV, 1 May 2013 –"),
        "$.dateline.text: 'LVIV, 1 May 2013 –' does not start any block of the body",
    ),
    (
        "dateline-without-body",
        put(("body",), []),
        "$.dateline.text: 'KYIV, Ukraine, 29 November 2013 –' does not start any block of the body",
    ),
]


class TestReferences:
    @pytest.mark.parametrize(
        ("mutate", "problem"), [case[1:] for case in DANGLING], ids=[case[0] for case in DANGLING]
    )
    def test_dangling(self, mutate: Mutation, problem: str) -> None:
        """A reference that points nowhere is a problem at the reference."""
        with pytest.raises(JsonError) as caught:
            from_json(json.dumps(full_json(mutate)))
        assert problem in caught.value.problems

    def test_all_listed(self) -> None:
        """Every broken reference is listed, with the other problems of the document."""
        data = full_json(
            put(("schema_version",), 3),
            put(("quotes", 0, "block"), 9),
            put(("figures", 0, "block"), 9),
        )
        with pytest.raises(JsonError) as caught:
            from_dict(data)
        assert caught.value.problems == (
            "$.schema_version: unsupported schema version 3 (this library reads 1 and 2)",
            "$.quotes[0].block: no block 9 in the body, which has 4 blocks",
            "$.figures[0].block: no block 9 in the body, which has 4 blocks",
        )

    def test_parsed_pages_hold(self) -> None:
        """What `parse` writes always holds: the samples read back."""
        for path in sorted((Path(osce_thb.__file__).parent / "samples").glob("*.txt")):
            document = osce_thb.parse_file(path)
            assert from_json(to_json(document)) == document


class TestVersionOne:
    """Version 1 named a phase's regions and donors by code and key; it is read as version 2."""

    @staticmethod
    def version_one(document: Document) -> dict[str, Any]:
        """`document`'s JSON as version 1 wrote it."""
        data = to_dict(document)
        data["schema_version"] = 1
        for phase in data["nrm_phases"]:
            phase["regions"] = [region["code"] for region in phase["regions"]]
            phase["donors"] = [donor["country"] or donor["name"] for donor in phase["donors"]]
        return data

    def test_read_as_version_two(self) -> None:
        document = full_document()
        assert document.nrm_phases[0].regions and document.nrm_phases[0].donors
        assert from_dict(self.version_one(document)) == document
        assert from_json(json.dumps(self.version_one(document))) == document

    @given(documents())
    def test_every_document_reads_back_from_version_one(self, document: Document) -> None:
        assert from_dict(self.version_one(document)) == document

    def test_written_as_version_two(self) -> None:
        data = to_dict(from_dict(self.version_one(full_document())))
        assert data["schema_version"] == 2
        assert data["nrm_phases"][0]["regions"][0] == {
            "code": "UA-14",
            "country": "UA",
            "name": "Donetsk Oblast",
            "mentions": [],
        }

    def test_codes_and_keys_the_document_lacks(self) -> None:
        data = self.version_one(full_document())
        data["nrm_phases"][0]["regions"] = ["UA-14", "UA-63", 7]
        data["nrm_phases"][0]["donors"] = ["NO", "DK"]
        with pytest.raises(JsonError) as caught:
            from_dict(data)
        assert caught.value.problems == (
            "$.nrm_phases[0].regions[1]: 'UA-63' is not the code of a region in $.regions",
            "$.nrm_phases[0].regions[2]: expected an object, got 7",
            "$.nrm_phases[0].donors[0]: 'NO' is not the key of a donor in $.donors",
        )

    def test_version_two_refuses_codes(self) -> None:
        data = to_dict(full_document())
        data["nrm_phases"][0]["regions"] = ["UA-14"]
        with pytest.raises(JsonError, match=r"regions\[0\]: expected an object, got 'UA-14'"):
            from_dict(data)

    def test_input_left_unchanged(self) -> None:
        data = self.version_one(full_document())
        before = json.dumps(data)
        from_dict(data)
        assert json.dumps(data) == before
