"""osce_thb: OSCE press releases and stories on combating trafficking, as typed data.

Parse the raw text of a page into a `Document`, walk its
typed model, and write it to JSON and back without loss. Parsing is two steps,
each public: `read` takes the page apart (title, metadata, dateline, body) and
`extract` fills in what the body says (regions, donors, quotes, phases...);
``parse(text) == extract(read(text))``::

    import osce_thb

    doc = osce_thb.parse_file("page.txt")
    print(doc.title, doc.published, [r.code for r in doc.regions])
    assert osce_thb.from_json(osce_thb.to_json(doc)) == doc

Flat tables (CSV, pandas), JSON-LD and the rollout chart are in
``osce_thb.export``; the chart is ``osce_thb.rollout_svg`` too.

Importing the package is cheap: cattrs, the gazetteer and hypothesis load only
when first needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from osce_thb._extract import extract
from osce_thb._parser import read
from osce_thb._pipeline import parse, parse_bytes, parse_file
from osce_thb._version import __version__
from osce_thb.errors import JsonError, ModelError, ParseError
from osce_thb.model import (
    Abbreviation,
    Block,
    Dateline,
    Document,
    DocumentKind,
    Donor,
    FieldOfWork,
    Figure,
    Heading,
    ListItem,
    Mention,
    NrmPhase,
    Paragraph,
    Person,
    PhaseStage,
    PhaseStatus,
    Programme,
    Quote,
    Region,
    RelatedItem,
    Source,
    Speaker,
    UnparsedLine,
)

if TYPE_CHECKING:  # imported on first use, by `__getattr__` below
    from osce_thb import export
    from osce_thb._inputs import MAX_PAGE_BYTES, page_paths, parse_files
    from osce_thb._json import dump_jsonl, from_dict, from_json, load_jsonl, to_dict, to_json
    from osce_thb._json_reader import JsonRecord, load_documents
    from osce_thb._render import render
    from osce_thb._rollout import RegionTimeline, RolloutClaim, rollout
    from osce_thb.export import rollout_svg
    from osce_thb.schema import json_schema

_LAZY = {
    **dict.fromkeys(
        ("dump_jsonl", "from_dict", "from_json", "load_jsonl", "to_dict", "to_json"), "_json"
    ),
    **dict.fromkeys(("MAX_PAGE_BYTES", "page_paths", "parse_files"), "_inputs"),
    **dict.fromkeys(("JsonRecord", "load_documents"), "_json_reader"),
    "render": "_render",
    **dict.fromkeys(("RegionTimeline", "RolloutClaim", "rollout"), "_rollout"),
    "rollout_svg": "export",
    "json_schema": "schema",
    "export": "",  # the submodules themselves
    "schema": "",
}
"""Names that `parse` does not need, by the module that defines them: imported on
first use, so that `import osce_thb` stays cheap (the JSON writers and readers, the
folder and file inputs, the chart and the tables import modules of their own)."""


def __getattr__(name: str) -> Any:
    """Import a name of `_LAZY` on first use (PEP 562), and keep it."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    from importlib import import_module

    value = import_module(f"{__name__}.{module or name}")
    if module:
        value = getattr(value, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "MAX_PAGE_BYTES",
    "Abbreviation",
    "Block",
    "Dateline",
    "Document",
    "DocumentKind",
    "Donor",
    "FieldOfWork",
    "Figure",
    "Heading",
    "JsonError",
    "JsonRecord",
    "ListItem",
    "Mention",
    "ModelError",
    "NrmPhase",
    "Paragraph",
    "ParseError",
    "Person",
    "PhaseStage",
    "PhaseStatus",
    "Programme",
    "Quote",
    "Region",
    "RegionTimeline",
    "RelatedItem",
    "RolloutClaim",
    "Source",
    "Speaker",
    "UnparsedLine",
    "__version__",
    "dump_jsonl",
    "export",
    "extract",
    "from_dict",
    "from_json",
    "json_schema",
    "load_documents",
    "load_jsonl",
    "page_paths",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_files",
    "read",
    "render",
    "rollout",
    "rollout_svg",
    "to_dict",
    "to_json",
]
