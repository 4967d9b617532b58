"""The JSON Schema of the document: valid, generated from the model, and it fits what we write."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import jsonschema
import pytest

import osce_thb
from osce_thb import (
    Document,
    DocumentKind,
    FieldOfWork,
    PhaseStage,
    PhaseStatus,
    json_schema,
    to_dict,
)
from osce_thb._json import BLOCK_TAGS
from tests._documents import Mutation, drop, full_document, full_json, minimal_document, put

if TYPE_CHECKING:
    import enum
    from collections.abc import Callable

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))

# Every class of the model that appears in a document, by its $defs name.
MODEL_CLASSES = [
    osce_thb.Abbreviation,
    osce_thb.Dateline,
    osce_thb.Donor,
    osce_thb.Figure,
    osce_thb.Heading,
    osce_thb.ListItem,
    osce_thb.Mention,
    osce_thb.NrmPhase,
    osce_thb.Paragraph,
    osce_thb.Person,
    osce_thb.Programme,
    osce_thb.Quote,
    osce_thb.Region,
    osce_thb.RelatedItem,
    osce_thb.Source,
    osce_thb.Speaker,
    osce_thb.UnparsedLine,
]
MODEL_ENUMS = [DocumentKind, FieldOfWork, PhaseStage, PhaseStatus]

EXAMPLES = [
    ("full", full_document),
    ("minimal", minimal_document),
    ("empty", Document),
    ("fields-of-work-only", lambda: Document(fields_of_work=(FieldOfWork.YOUTH, "Other"))),
]

# (id, change to the JSON of full_document() that the schema must reject)
REJECTED = [
    ("unknown-key-top", put(("foo",), 1)),
    ("unknown-key-nested", put(("source", "url"), "x")),
    ("unknown-key-deep", put(("regions", 0, "mentions", 0, "end"), 1)),
    ("unknown-key-in-block", put(("body", 0, "level"), 1)),
    ("missing-key", drop(("source", "name"))),
    ("missing-required-key-of-item", drop(("figures", 0, "text"))),
    ("missing-version", drop(("schema_version",))),
    ("other-version", put(("schema_version",), 3)),
    ("version-one", put(("schema_version",), 1)),  # read, and upgraded: not the schema's layout
    ("str-given-int", put(("title",), 1)),
    ("int-given-str", put(("figures", 0, "value"), "200")),
    ("int-given-bool", put(("figures", 0, "value"), True)),
    ("int-given-float", put(("figures", 0, "value"), 200.5)),
    ("bool-given-int", put(("source", "closed"), 1)),
    ("null-not-allowed", put(("related", 0, "title"), None)),
    ("array-given-str", put(("fields_of_work",), "Migration")),
    ("object-given-str", put(("source",), "OSCE")),
    ("unknown-block-tag", put(("body", 1, "type"), "figure")),
    ("missing-block-tag", drop(("body", 1, "type"))),
    ("unknown-kind", put(("kind",), "blog")),
    ("unknown-stage", put(("nrm_phases", 0, "stage"), "PILOT")),
    ("datetime", put(("published",), "2013-12-01T10:00:00")),
    ("basic-date", put(("published",), "20131201")),
    ("bad-month", put(("published",), "2013-13-01")),
    ("region-code-shape", put(("regions", 0, "code"), "Donetsk")),
    ("region-code-unknown", put(("regions", 0, "code"), "UA-99")),
    ("country-code-unknown", put(("donors", 0, "country"), "XX")),
    ("no-such-day", put(("published",), "2013-02-29")),
    ("year-zero", put(("published",), "0000-01-01")),
    ("blank-to-python", put(("title",), "\x1c\x85")),
    ("phase-region-code-shape", put(("nrm_phases", 0, "regions"), ["ua-14"])),
    ("country-code-shape", put(("donors", 0, "country"), "DNK")),
    ("blank-text", put(("body", 0, "text"), "  ")),
    ("blank-field-of-work", put(("fields_of_work",), [" "])),
    ("negative-index", put(("figures", 0, "block"), -1)),
    ("year-out-of-range", put(("nrm_phases", 0, "end"), 2500)),
    ("title-listed-twice", put(("people", 0, "titles"), ["Dr", "Dr"])),
    ("blank-role", put(("people", 0, "roles"), [" "])),
    ("person-without-name", drop(("people", 0, "name"))),
]


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json_schema()
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


class TestSchema:
    def test_valid_draft_2020_12(self) -> None:
        """The schema is a valid draft 2020-12 schema."""
        schema = json_schema()
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)

    def test_identity(self) -> None:
        """The schema names itself by the layout version, and has a title."""
        schema = json_schema()
        assert schema["$id"] == "https://osce-thb.invalid/schema/document-2.json"
        assert schema["title"]

    def test_fresh_copy(self) -> None:
        """Each call returns a new dict: changing one changes no other."""
        first = json_schema()
        first["$defs"].clear()
        assert json_schema()["$defs"]

    def test_a_definition_per_class(self) -> None:
        """$defs has one definition per model class and enum, by class name, and the codes."""
        names = {cls.__name__ for cls in [*MODEL_CLASSES, *MODEL_ENUMS]}
        assert set(json_schema()["$defs"]) == {*names, "RegionCode", "CountryCode", "PlaceCountry"}

    def test_top_level(self) -> None:
        """The root object has the keys `to_dict` writes, no others; only the version required."""
        schema = json_schema()
        keys = list(to_dict(Document()))
        assert schema["type"] == "object"
        assert list(schema["properties"]) == keys
        assert schema["required"] == ["schema_version"]  # every field of Document has a default
        assert schema["additionalProperties"] is False
        assert schema["properties"]["schema_version"]["const"] == 2

    @pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
    def test_objects_follow_the_model(self, cls: type) -> None:
        """Each object's properties are its class's fields, in order (block tag first)."""
        definition = json_schema()["$defs"][cls.__name__]
        keys = [field.name for field in attrs.fields(cls)]
        if cls in BLOCK_TAGS:
            keys = ["type", *keys]
            assert definition["properties"]["type"] == {
                "const": BLOCK_TAGS[cls],
                "description": "The kind of block.",
            }
        assert list(definition["properties"]) == keys
        required = [field.name for field in attrs.fields(cls) if field.default is attrs.NOTHING]
        assert definition["required"] == (["type"] if cls in BLOCK_TAGS else []) + required
        assert definition["additionalProperties"] is False

    @pytest.mark.parametrize("enum_type", MODEL_ENUMS, ids=lambda cls: cls.__name__)
    def test_enums_are_their_values(self, enum_type: type[enum.Enum]) -> None:
        """Each enum is the list of its values."""
        definition = json_schema()["$defs"][enum_type.__name__]
        assert definition["enum"] == [member.value for member in enum_type]

    def test_body_is_a_tagged_union(self) -> None:
        """Body items are one of the three block definitions."""
        items = json_schema()["properties"]["body"]["items"]
        assert items == {
            "oneOf": [
                {"$ref": "#/$defs/Paragraph"},
                {"$ref": "#/$defs/Heading"},
                {"$ref": "#/$defs/ListItem"},
            ]
        }

    def test_scalars(self) -> None:
        """Dates, nullable strings and region codes are described as the converter writes them."""
        schema = json_schema()
        published = schema["properties"]["published"]
        assert published["type"] == ["string", "null"]
        assert published["format"] == "date"
        assert published["pattern"].startswith("^") and published["pattern"].endswith("$")
        assert schema["properties"]["title"]["type"] == ["string", "null"]
        code = schema["$defs"]["Region"]["properties"]["code"]
        assert code["anyOf"] == [{"$ref": "#/$defs/RegionCode"}, {"type": "null"}]
        assert "ISO 3166-2" in code["description"]
        assert schema["$defs"]["RegionCode"]["enum"] == sorted(osce_thb.gazetteer.regions())
        assert schema["$defs"]["CountryCode"]["enum"] == sorted(osce_thb.gazetteer.countries())
        assert schema["properties"]["source"]["anyOf"] == [
            {"$ref": "#/$defs/Source"},
            {"type": "null"},
        ]

    def test_descriptions_from_docstrings(self) -> None:
        """Descriptions come from the model's docstrings, with null for None."""
        donor = json_schema()["$defs"]["Donor"]
        assert donor["description"].startswith("Who funded the work")
        assert donor["properties"]["country"]["description"].endswith("`null` for organisations.")


class TestValidation:
    @pytest.mark.parametrize(
        "build", [build for _, build in EXAMPLES], ids=[name for name, _ in EXAMPLES]
    )
    def test_examples_valid(self, validator: Any, build: Callable[[], Document]) -> None:
        """Every serialised example is valid against the schema."""
        validator.validate(to_dict(build()))

    @pytest.mark.parametrize(
        "mutate", [mutate for _, mutate in REJECTED], ids=[name for name, _ in REJECTED]
    )
    def test_bad_examples_rejected(self, validator: Any, mutate: Mutation) -> None:
        """JSON that does not describe a document fails validation."""
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(full_json(mutate))

    def test_a_place_without_a_code(self, validator: Any) -> None:
        """A place with no ISO 3166-2 code has a null code and its country."""
        place = osce_thb.Region(country="XK", name="Pristina")
        validator.validate(to_dict(Document(other_places=(place,))))
        with pytest.raises(jsonschema.ValidationError):
            validator.validate(full_json(put(("regions", 0, "country"), "Kosovo")))
        with pytest.raises(jsonschema.ValidationError):  # in regions, a place needs a code
            validator.validate(
                to_dict(Document())
                | {"regions": [to_dict(Document(other_places=(place,)))["other_places"][0]]}
            )

    def test_every_block_type(self, validator: Any) -> None:
        """Each kind of block is valid."""
        for tag in BLOCK_TAGS.values():
            validator.validate(full_json(put(("body",), [{"type": tag, "text": "x"}])))

    @pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
    def test_parsed_pages_valid(self, validator: Any, path: Path) -> None:
        """The JSON of every page the parser reads is valid, and reads back equal."""
        try:
            document = osce_thb.parse_file(path)
        except osce_thb.ParseError:
            pytest.skip("the parser rejects this page: there is no JSON to check")
        validator.validate(to_dict(document))
        assert osce_thb.from_json(osce_thb.to_json(document)) == document
