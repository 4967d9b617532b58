"""JSON Schema (draft 2020-12) of the document's JSON form, generated from the model.

The schema is not written by hand: it is made by walking `attrs.fields` of the
model's classes and their types, with the JSON converter's own decisions (key
names, the block tags, enum values, dates, `null` for absent values, unknown
keys forbidden, defaulted keys optional), and the model's docstrings for
descriptions. Where a model validator states a rule JSON Schema can express (no
blank strings, no negative counts, years from 1900 to 2200, region and country
codes the gazetteer knows, real calendar dates), the schema states it too, in
regular expressions that mean the same under Python's `re` and ECMAScript
(the dialect JSON Schema specifies), without the classes of white space,
whose meanings differ.

The schema and `from_json` agree on every document but
for what JSON Schema cannot say, which only the reader checks: a key given
twice, a lone surrogate, an integer written with a fraction or an exponent
(``1.0``), a phase that ends before it starts, a place whose country is not
its region code's, a speaker who is not one of the document's people, a person
named twice, and references that point nowhere
(see `osce_thb._json`). `tests/test_contract.py` checks the agreement on
generated documents, good and bad, with node's regular expressions.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import inspect
import json
import typing
from types import NoneType, UnionType
from typing import Any, Final

import attrs

from osce_thb import model
from osce_thb._json import BLOCK_TAG_KEY, BLOCK_TAGS, SCHEMA_VERSION

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID: Final = f"https://osce-thb.invalid/schema/document-{SCHEMA_VERSION}.json"
"""The schema's ``$id``; it names the layout version, not the library version."""

_DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
_LEAP_YEAR: Final = (
    r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
)
_DATE_PATTERN: Final = (
    r"^(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-"
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    rf"|02-(?:0[1-9]|1[0-9]|2[0-8]))|{_LEAP_YEAR}-02-29)$"
)
"""A calendar date, YYYY-MM-DD, that exists: year 0001 to 9999, 29 February in leap years."""

_NOT_BLANK: Final = {
    "pattern": (r"[^\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
}
"""A character `str.strip` keeps: the model's "not blank" (ECMAScript's "\\S" differs)."""

_YEAR: Final = {"minimum": 1900, "maximum": 2200}

# What the model's validators require, where JSON Schema can say it: the keywords
# for the field's value ("value") or for each item of a tuple field ("items"); a
# name of `_CODES` is a reference to that definition.
_VALIDATOR_KEYWORDS: Final[dict[Any, tuple[str, dict[str, Any] | str]]] = {
    model._text: ("value", _NOT_BLANK),
    model._optional_text: ("value", _NOT_BLANK),
    model._index: ("value", {"minimum": 0}),
    model._optional_year: ("value", _YEAR),
    model._years_in_order: ("value", _YEAR),
    model._check_region_code: ("value", "RegionCode"),
    model._optional_region_code: ("value", "RegionCode"),
    model._place_country: ("value", "PlaceCountry"),
    model._optional_country_code: ("value", "CountryCode"),
    model._coded_regions: ("items", {"properties": {"code": {"type": "string"}}}),
    model._uncoded_places: ("items", {"properties": {"code": {"type": "null"}}}),
    model._phase_regions: (
        "items",
        {"properties": {"code": {"type": "string"}, "mentions": {"maxItems": 0}}},
    ),
    model._phase_donors: ("items", {"properties": {"mentions": {"maxItems": 0}}}),
    model._field_names: ("items", _NOT_BLANK),
    model._texts: ("value", {"uniqueItems": True, "items": {"type": "string", **_NOT_BLANK}}),
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document as `to_json` writes it.

    Returns:
        A new dict each call (the schema is generated once, then copied).
    """
    result: dict[str, Any] = json.loads(_schema_text())
    return result


@functools.cache
def _schema_text() -> str:
    from osce_thb._json import make_converter

    return json.dumps(_Generator(make_converter()).document())


class _Generator:
    """Walks the model's classes and types, collecting a definition per class in `defs`."""

    def __init__(self, converter: Any) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.forbid_extra_keys: bool = converter.forbid_extra_keys

    def code_ref(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        """`schema` (of a string, maybe null) as a reference to the codes `name`, made on use."""
        if name not in self.defs:
            self.defs[name] = _codes(name)
        ref: dict[str, Any] = {"$ref": f"#/$defs/{name}"}
        return {"anyOf": [ref, {"type": "null"}]} if "null" in schema["type"] else ref

    def document(self) -> dict[str, Any]:
        """The root schema: a `Document` object with its leading ``schema_version``."""
        body = self.object_schema(model.Document)
        properties = {
            "schema_version": {
                "const": SCHEMA_VERSION,
                "description": "The version of the JSON layout.",
            },
            **body["properties"],
        }
        return {
            "$schema": _DRAFT,
            "$id": SCHEMA_ID,
            "title": "OSCE document on combating trafficking in human beings",
            **body,
            "properties": properties,
            "required": ["schema_version", *body["required"]],
            "$defs": dict(sorted(self.defs.items())),
        }

    def ref(self, cls: type) -> dict[str, Any]:
        """A reference to the definition of `cls`, made on first use."""
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: a class may refer back to itself
            if issubclass(cls, enum.Enum):
                self.defs[name] = {
                    "description": _summary(cls),
                    "enum": [member.value for member in cls],
                }
            else:
                self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type) -> dict[str, Any]:
        """An attrs class as a JSON object: its fields, in order, as keys."""
        hints = typing.get_type_hints(cls)
        docs = _attribute_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        tag = BLOCK_TAGS.get(cls)
        if tag is not None:
            properties[BLOCK_TAG_KEY] = {"const": tag, "description": "The kind of block."}
            required.append(BLOCK_TAG_KEY)
        for field in attrs.fields(cls):
            value = self.type_schema(hints[field.name])
            where, keywords = _VALIDATOR_KEYWORDS.get(field.validator, ("value", {}))
            if isinstance(keywords, str):  # a reference to the codes the gazetteer knows
                if where == "items":
                    value["items"] = self.code_ref(keywords, value["items"])
                else:
                    value = self.code_ref(keywords, value)
            else:
                (value["items"] if where == "items" else value).update(keywords)
            if field.name in docs:  # the field's own words
                value = {"description": docs[field.name], **value}
            properties[field.name] = value
            if field.default is attrs.NOTHING:  # the reader fills in defaults
                required.append(field.name)
        schema: dict[str, Any] = {"description": _summary(cls), "type": "object"}
        schema["properties"] = properties
        schema["required"] = required
        if self.forbid_extra_keys:
            schema["additionalProperties"] = False
        return schema

    def type_schema(self, type_: Any) -> dict[str, Any]:
        """The schema of a value of `type_`, as the converter writes it."""
        if type_ is str:
            return {"type": "string"}
        if type_ is bool:
            return {"type": "boolean"}
        if type_ is int:
            return {"type": "integer"}
        if type_ is _dt.date:
            return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}
        if isinstance(type_, type) and (issubclass(type_, enum.Enum) or attrs.has(type_)):
            return self.ref(type_)
        args = typing.get_args(type_)
        if typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if isinstance(type_, UnionType):
            members = [arg for arg in args if arg is not NoneType]
            if set(members) == set(BLOCK_TAGS):  # tagged by BLOCK_TAG_KEY
                one_of = {"oneOf": [self.ref(member) for member in members]}
                return _nullable(one_of) if NoneType in args else one_of
            if len(members) == 1:
                inner = self.type_schema(members[0])
                return _nullable(inner) if NoneType in args else inner
            return {"anyOf": [self.type_schema(member) for member in members]}
        msg = f"no JSON Schema for type {type_!r}"
        raise TypeError(msg)


def _codes(name: str) -> dict[str, Any]:
    """The definition of the region or country codes the gazetteer knows."""
    from osce_thb import gazetteer

    if name == "RegionCode":
        return {
            "description": "An ISO 3166-2 code the library's gazetteer knows (e.g. 'UA-14').",
            "type": "string",
            "enum": sorted(gazetteer.regions()),
        }
    if name == "PlaceCountry":
        return {
            "description": (
                "The ISO 3166-1 alpha-2 code of a country whose places the library's gazetteer"
                " knows (e.g. 'UA'); empty when the place's region code says it."
            ),
            "type": "string",
            "enum": ["", *sorted(set(gazetteer.countries()) | set(gazetteer.coverage()))],
        }
    return {
        "description": "An ISO 3166-1 alpha-2 code the library's gazetteer knows (e.g. 'DK').",
        "type": "string",
        "enum": sorted(gazetteer.countries()),
    }


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema`, or ``null``."""
    if isinstance(schema.get("type"), str):
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _summary(obj: object) -> str:
    """The first paragraph of `obj`'s docstring, on one line."""
    doc = inspect.getdoc(obj) or ""
    return _plain(" ".join(doc.split("\n\n", 1)[0].split()))


def _attribute_docs(cls: type) -> dict[str, str]:
    """The descriptions of the ``Attributes:`` section of a Google-style class docstring."""
    found: dict[str, str] = {}
    lines = (inspect.getdoc(cls) or "").splitlines()
    if "Attributes:" not in lines:
        return found
    name = None
    for line in lines[lines.index("Attributes:") + 1 :]:
        if line and not line.startswith(" "):  # the next section
            break
        text = line.strip()
        head, colon, rest = text.partition(": ")
        starts_entry = line.startswith("    ") and not line.startswith("     ")
        if starts_entry and colon and head.isidentifier():
            name = head
            found[name] = rest.strip()
        elif name is not None and text:
            found[name] = f"{found[name]} {text}"
    return {name: _plain(text) for name, text in found.items()}


def _plain(text: str) -> str:
    """Docstring markup as a JSON reader would have it: ``None`` is null."""
    return text.replace("``None``", "`null`").replace("``", "`")
