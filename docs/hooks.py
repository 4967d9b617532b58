"""MkDocs hooks: fill in the parts of pages generated from the library itself.

A page asks for a generated part with a marker on a line of its own::

    <!-- osce-thb: regions -->

and `on_page_markdown` replaces the marker with Markdown made from the
library's own data and code at build time: the gazetteer's tables, the model's
class diagrams, the JSON Schema and its keys. What the docs show therefore
cannot drift from what the library does. An unknown marker fails the build.

`tests/test_docs.py` renders every page through `render_markers` as well, so a
broken generator fails the tests too, not only the docs build.
"""

from __future__ import annotations

import enum
import importlib
import importlib.util
import json
import re
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

import osce_thb
from osce_thb import export, gazetteer, model

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

MARKER = re.compile(
    r"^(?P<indent>[ ]*)<!-- osce-thb: (?P<name>[a-z-]+) -->$", re.MULTILINE
)

_STATUS = {
    "participating": "participating State",
    "partner": "Partner for Co-operation",
    "other": "other",
}


def on_page_markdown(markdown: str, **_: Any) -> str:
    """The MkDocs hook: replace every marker in a page's Markdown."""
    return render_markers(markdown)


def render_markers(markdown: str) -> str:
    """Replace every ``<!-- osce-thb: NAME -->`` marker with its Markdown."""

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in GENERATORS:
            known = ", ".join(sorted(GENERATORS))
            msg = f"unknown docs marker {name!r} (known: {known})"
            raise ValueError(msg)
        indent = match[
            "indent"
        ]  # inside an admonition, say: indent what is generated too
        lines = GENERATORS[name]().splitlines()
        return "\n".join(f"{indent}{line}" if line else "" for line in lines)

    return MARKER.sub(replace, markdown)


# ---------------------------------------------------------------------- tables


def _cell(value: object) -> str:
    """A value as a Markdown table cell: pipes escaped, empty as an en dash."""
    if isinstance(value, tuple | list):
        value = ", ".join(str(item) for item in value)
    text = str(value).replace("|", "\\|").replace("\n", " ")
    return text or "–"


def _table(head: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    head = list(head)
    lines = [
        "| " + " | ".join(head) + " |",
        "| " + " | ".join("---" for _ in head) + " |",
    ]
    lines.extend(
        "| " + " | ".join(_cell(value) for value in row) + " |" for row in rows
    )
    return "\n".join(lines)


def _country_name(code: str) -> str:
    known = gazetteer.countries().get(code)
    covered = gazetteer.coverage().get(code)
    if known is not None:
        return known.name
    return covered.name if covered is not None and covered.name else code


def _spelled(names: Iterable[str], weak: Iterable[str]) -> list[str]:
    """Spellings, the weak ones (a place only where the text says) marked."""
    marked = set(weak)
    return [f"{name} (weak)" if name in marked else name for name in names]


def coverage_table() -> str:
    """Every country the gazetteer covers, with its level of ISO 3166-2."""
    regions = list(gazetteer.regions().values())
    places = gazetteer.places()
    rows = []
    for code, covered in gazetteer.coverage().items():
        units = [e for e in regions if e.country == code]
        uncoded = [p for p in places if p.country == code]
        towns = sum(len(e.cities) for e in units) + sum(
            len(p.cities) for p in uncoded
        )
        rows.append(
            (
                _country_name(code),
                f"`{code}`",
                covered.level,
                len(units),
                len(uncoded) or "",
                towns,
            )
        )
    return (
        f"{len(rows)} countries, {len(regions)} first-level units,"
        f" {len(places)} places without a code.\n\n"
        + _table(
            [
                "Country",
                "Code",
                "Level used",
                "Units",
                "Without code",
                "Towns",
            ],
            rows,
        )
        + "\n"
    )


def regions_table() -> str:
    """Every place of the gazetteer, one table per country."""
    by_country: dict[str, list[gazetteer.RegionEntry]] = {}
    for entry in gazetteer.regions().values():
        by_country.setdefault(entry.country, []).append(entry)
    uncoded: dict[str, list[gazetteer.PlaceEntry]] = {}
    for place in gazetteer.places():
        uncoded.setdefault(place.country, []).append(place)
    parts = []
    for code in sorted(set(by_country) | set(uncoded)):
        entries = by_country.get(code, [])
        others = uncoded.get(code, [])
        count = f"{len(entries)} units" + (
            f", {len(others)} without a code" if others else ""
        )
        parts.append(f"### {_country_name(code)} ({code}): {count}\n")
        rows = [
            (
                f"`{e.code}`",
                e.name,
                e.type,
                _spelled(e.names, e.weak),
                _spelled(e.cities, e.weak),
            )
            for e in sorted(entries, key=lambda e: e.code)
        ]
        rows += [
            (
                "no code",
                p.name,
                p.type,
                _spelled(p.names, p.weak),
                _spelled(p.cities, p.weak),
            )
            for p in others
        ]
        parts.append(
            _table(["Code", "Name", "Type", "Also written", "Towns"], rows)
        )
        parts.append("")
    if not parts:
        return "*The gazetteer holds no places yet.*\n"
    return "\n".join(parts)


def countries_table() -> str:
    """Every state of the gazetteer."""
    entries = list(gazetteer.countries().values())
    counts = {
        status: sum(1 for e in entries if e.status == status)
        for status in _STATUS
    }
    summary = (
        f"{len(entries)} states: {counts['participating']} participating"
        f" States, {counts['partner']} Partners for Co-operation,"
        f" {counts['other']} others.\n"
    )
    return (
        summary
        + "\n"
        + _table(
            ["Code", "Name", "Also called", "Adjectives", "Status"],
            (
                (
                    f"`{e.code}`",
                    e.name,
                    e.names,
                    e.adjectives,
                    _STATUS.get(e.status, e.status),
                )
                for e in entries
            ),
        )
        + "\n"
    )


def organisations_table() -> str:
    """The organisations the donor finder knows, and the state of each."""
    if importlib.util.find_spec("osce_thb._donors") is None:
        return "*The donor finder is not part of this version.*\n"
    donors = importlib.import_module("osce_thb._donors")
    table: dict[str, tuple[str, str | None]] = dict(
        getattr(donors, "_ORGANISATIONS", {})
    )
    grouped: dict[tuple[str, str | None], list[str]] = {}
    for written, (name, state) in table.items():
        grouped.setdefault((name, state), []).append(written)
    rows = []
    for (name, state), spellings in sorted(
        grouped.items(), key=lambda item: item[0][0]
    ):
        counts_for = (
            f"`{state}` ({gazetteer.country(state).name})"
            if state
            else "itself"
        )
        rows.append((name, [f"“{s}”" for s in spellings], counts_for))
    if not rows:
        return "*The donor finder knows no organisations by name.*\n"
    return _table(["Donor", "Written as", "Counts as"], rows) + "\n"


def fields_of_work_table() -> str:
    """Every member of `FieldOfWork`, with its value."""
    return (
        _table(
            ["Member", "Value (the name on osce.org)"],
            (
                (f"`{member.name}`", member.value)
                for member in model.FieldOfWork
            ),
        )
        + "\n"
    )


# --------------------------------------------------------------- model diagram


def _model_classes() -> list[type]:
    return [
        getattr(model, name)
        for name in model.__all__
        if isinstance(getattr(model, name), type)
    ]


_BLOCKS = (model.Paragraph, model.Heading, model.ListItem)


def _type_name(type_: Any) -> str:
    """A field type as a diagram shows it: ``tuple~Mention~`` for tuples."""
    if type_ is type(None):
        return "None"
    origin = typing.get_origin(type_)
    args = typing.get_args(type_)
    if origin is tuple:
        return f"tuple~{_type_name(args[0])}~"
    if isinstance(type_, types.UnionType) or origin is typing.Union:
        members = [arg for arg in args if arg is not type(None)]
        inner = (
            "Block"
            if set(members) == set(_BLOCKS)
            else " | ".join(map(_type_name, members))
        )
        return f"{inner} | None" if len(members) < len(args) else inner
    if isinstance(type_, type):
        return "date" if type_.__name__ == "date" else type_.__name__
    return str(type_)


def _targets(type_: Any) -> list[type]:
    """The model classes (not enumerations) a field's type refers to."""
    if isinstance(type_, type) and attrs.has(type_):
        return [type_]
    args = typing.get_args(type_)
    if set(args) == set(_BLOCKS):
        return []  # drawn once, as the Block union
    return [found for arg in args for found in _targets(arg)]


_PAGE_PARTS = (
    model.Document,
    model.Source,
    model.Dateline,
    model.Paragraph,
    model.Heading,
    model.ListItem,
    model.RelatedItem,
    model.UnparsedLine,
)
"""The classes of the first diagram; every other class is in the second."""


def _diagram(
    classes: list[type], document_fields: list[str], *, direction: str = "TB"
) -> str:
    lines = ["```mermaid", "classDiagram", f"    direction {direction}"]
    relations: list[str] = []
    for cls in classes:
        name = cls.__name__
        hints = typing.get_type_hints(cls)
        fields = [
            f
            for f in attrs.fields(cls)
            if cls is not model.Document or f.name in document_fields
        ]
        lines.append(f"    class {name} {{")
        lines.extend(
            f"        {_type_name(hints[f.name])} {f.name}" for f in fields
        )
        lines.append("    }")
        for field in fields:
            type_ = hints[field.name]
            many = typing.get_origin(type_) is tuple
            if many and set(typing.get_args(typing.get_args(type_)[0])) == set(
                _BLOCKS
            ):
                relations.append(f'    {name} *-- "*" Block : {field.name}')
            for target in dict.fromkeys(_targets(type_)):
                label = (
                    "*"
                    if many
                    else ("0..1" if "None" in _type_name(type_) else "1")
                )
                target_name = target.__name__
                relations.append(
                    f'    {name} *-- "{label}" {target_name} : {field.name}'
                )
    if any(block in classes for block in _BLOCKS):
        lines.extend(["    class Block {", "        <<union>>", "    }"])
        relations.extend(
            f"    Block <|-- {block.__name__}" for block in _BLOCKS
        )
    lines.extend(relations)
    lines.append("```")
    return "\n".join(lines) + "\n"


def _split_document_fields() -> tuple[list[str], list[str]]:
    """The document's fields about the page, and about what its body says."""
    hints = typing.get_type_hints(model.Document)
    page: list[str] = []
    text: list[str] = []
    for field in attrs.fields(model.Document):
        targets = _targets(hints[field.name])
        about_text = any(target not in _PAGE_PARTS for target in targets)
        (text if about_text else page).append(field.name)
    return page, text


def model_diagram_page() -> str:
    """A mermaid class diagram of the document and the parts of the page."""
    page, _ = _split_document_fields()
    return _diagram(list(_PAGE_PARTS), page)


def model_diagram_text() -> str:
    """A mermaid class diagram of what the body says: the derived fields."""
    _, text = _split_document_fields()
    classes = [model.Document] + [
        cls
        for cls in _model_classes()
        if cls not in _PAGE_PARTS and not issubclass(cls, enum.Enum)
    ]
    return _diagram(
        classes, text, direction="LR"
    )  # seven children side by side: too wide


# ----------------------------------------------------------------- JSON Schema


def _schema_type(schema: dict[str, Any]) -> str:
    """A property's schema in a few words: ``string or null``."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return f"[`{name}`](#{name.lower()})"
    if "const" in schema:
        return f"`{json.dumps(schema['const'])}`"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " or ".join(_schema_type(option) for option in schema[key])
    kind = schema.get("type")
    if kind == "array":
        return f"array of {_schema_type(schema['items'])}"
    text = " or ".join(kind) if isinstance(kind, list) else str(kind)
    if schema.get("format") == "date":
        text = text.replace("string", "date string (`YYYY-MM-DD`)")
    return text


def _schema_rules(schema: dict[str, Any]) -> str:
    """What a property's schema requires beyond its type, in words."""
    rules = []
    target = schema.get("items", schema)
    if "pattern" in target and target.get("format") != "date":
        pattern = target["pattern"]
        rules.append(
            "not blank" if pattern == r"\S" else f"matches `{pattern}`"
        )
    if "minimum" in target and "maximum" in target:
        rules.append(f"{target['minimum']} to {target['maximum']}")
    elif "minimum" in target:
        rules.append(f"at least {target['minimum']}")
    text = "; ".join(rules)
    return f"each item: {text}" if text and "items" in schema else text


def _keys_table(schema: dict[str, Any]) -> str:
    return _table(
        ["Key", "Value", "Rules", "Meaning"],
        (
            (
                f"`{key}`",
                _schema_type(prop),
                _schema_rules(prop),
                prop.get("description", ""),
            )
            for key, prop in schema["properties"].items()
        ),
    )


def schema_keys() -> str:
    """Every key of every object of the JSON form, from the JSON Schema."""
    schema = osce_thb.json_schema()
    parts = [
        "#### The document\n",
        schema["description"] + "\n",
        _keys_table(schema),
        "",
    ]
    for name, definition in schema["$defs"].items():
        parts.append(f"#### {name}\n")
        parts.append(definition["description"] + "\n")
        if "enum" in definition:
            parts.append(
                "One of: "
                + ", ".join(f'`"{v}"`' for v in definition["enum"])
                + ".\n"
            )
        else:
            parts.append(_keys_table(definition))
            parts.append("")
    return "\n".join(parts)


JSON_EXAMPLE = """\
Story
Hotline opens in Vinnytsia
- Date: 3 May 2021
- Source: OSCE Mission to Freedonia (closed)
VINNYTSIA, Ukraine, 3 May 2021 – A hotline opened today, funded by Norway.
How to call
“Every call is answered,” said Rufus T. Firefly, a hotline consultant.
Photo: OSCE/Chicolini
"""
"""The page the JSON page shows, as text and as JSON."""


def json_example() -> str:
    """A small page, then its JSON as `to_json` writes it."""
    document = osce_thb.parse(JSON_EXAMPLE)
    return (
        "``` { .text .wrap }\n"
        + JSON_EXAMPLE
        + "```\n\nbecomes\n\n``` { .json .wrap }\n"
        + osce_thb.to_json(document, indent=2)
        + "\n```\n"
    )


def schema_full() -> str:
    """The JSON Schema itself, as a JSON code block."""
    return (
        "```json\n" + json.dumps(osce_thb.json_schema(), indent=2) + "\n```\n"
    )


# ------------------------------------------------------ tables and the chart

EXAMPLES = Path(__file__).parent / "examples"
ROLLOUT_PAGES = ("nrm-2013.txt", "nrm-2015.txt", "nrm-2019.txt")
"""Made-up pages in `docs/examples/`, read by the rollout and export pages."""


def _rollout_documents() -> list[osce_thb.Document]:
    return [osce_thb.parse_file(EXAMPLES / name) for name in ROLLOUT_PAGES]


def rollout_chart() -> str:
    """The rollout chart of the example pages, as inline SVG."""
    svg = osce_thb.rollout_svg(_rollout_documents(), paths=ROLLOUT_PAGES)
    return f'<div class="rollout-chart">\n{svg.strip()}\n</div>\n'


def phases_table() -> str:
    """The ``phases`` table of the example pages, as `export.rows` gives it."""
    shown = ("document", "path", "stage", "start", "end", "region", "country")
    rows = export.rows(_rollout_documents(), "phases", paths=ROLLOUT_PAGES)
    return _table(
        (f"`{name}`" for name in shown),
        ([row[name] for name in shown] for row in rows),
    )


# --------------------------------------------------------------- API reference


def strategies_reference() -> str:
    """The API reference of `osce_thb.strategies`, once that module exists."""
    if importlib.util.find_spec("osce_thb.strategies") is None:
        return "*`osce_thb.strategies` is not part of this version yet.*\n"
    return (
        "::: osce_thb.strategies\n"
        "    options:\n"
        "      show_root_heading: true\n"
    )


GENERATORS: dict[str, Callable[[], str]] = {
    "regions": regions_table,
    "coverage": coverage_table,
    "countries": countries_table,
    "organisations": organisations_table,
    "model-diagram-page": model_diagram_page,
    "model-diagram-text": model_diagram_text,
    "fields-of-work": fields_of_work_table,
    "schema-keys": schema_keys,
    "json-example": json_example,
    "schema-full": schema_full,
    "strategies-reference": strategies_reference,
    "rollout-chart": rollout_chart,
    "phases-table": phases_table,
}
"""The markers pages may use, and what each is replaced with."""
