"""Why `osce_thb._json` writes its own per-class functions: the measurement.

`osce_thb` reads and writes valid JSON with functions it generates per model
class (`_FastReader`, `_Writer`), and uses cattrs for the converter, its hook
registry and its error types. This script builds the alternative, a converter
whose attrs hooks are cattrs' own generated ones (`cattrs.gen.
make_dict_structure_fn` / `make_dict_unstructure_fn`, `forbid_extra_keys`,
the same strict scalar hooks), checks that it writes the same bytes and reads
the same document, and times both in the same process::

    .venv/bin/python benchmarks/json_hooks.py

The figures are in docs/performance.md ("JSON: why not cattrs.gen alone").
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import json
import sys
import timeit
from importlib import metadata, resources
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, get_args, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

import osce_thb
from osce_thb.model import FieldOfWork, Heading, ListItem, Paragraph

if TYPE_CHECKING:
    from collections.abc import Callable

SAMPLE = "press-release-donetsk-2013.txt"
_TAGS = {Paragraph: "paragraph", Heading: "heading", ListItem: "list_item"}
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _strict(type_: type) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is type_:
            return value
        msg = f"expected {type_.__name__}"
        raise ValueError(msg)

    return structure


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _is_optional(type_: Any) -> bool:
    args = get_args(type_)
    return isinstance(type_, UnionType) and len(args) == 2 and NoneType in args


def _is_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def cattrs_gen_converter() -> tuple[Callable[[osce_thb.Document], str], Callable[[str], Any]]:
    """`to_json` and `from_json` on a converter with cattrs' generated attrs hooks."""
    converter = cattrs.Converter(
        detailed_validation=False, forbid_extra_keys=True, omit_if_default=False
    )
    converter.register_structure_hook(str, _strict(str))
    converter.register_structure_hook(int, _strict(int))
    converter.register_structure_hook(bool, _strict(bool))
    converter.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)

    def enum_hook(type_: type[enum.Enum]) -> Callable[[Any, Any], Any]:
        members = {member.value: member for member in type_}
        return lambda value, _: members[value]

    converter.register_structure_hook_factory(_is_enum, enum_hook)
    converter.register_unstructure_hook_factory(_is_enum, lambda _: lambda member: member.value)
    converter.register_structure_hook(
        FieldOfWork | str, lambda value, _: FieldOfWork.lookup(value) or value
    )
    converter.register_unstructure_hook(
        FieldOfWork | str, lambda value: value.value if isinstance(value, FieldOfWork) else value
    )

    def optional(type_: Any) -> Callable[[Any, Any], Any]:
        inner = next(arg for arg in get_args(type_) if arg is not NoneType)
        hook = converter.get_structure_hook(inner)
        return lambda value, _: None if value is None else hook(value, inner)

    converter.register_structure_hook_factory(_is_optional, optional)

    def structure_tuple(type_: Any) -> Callable[[Any, Any], Any]:
        item_type = get_args(type_)[0]
        hook = converter.get_structure_hook(item_type)

        def structure(value: Any, _: Any) -> Any:
            if type(value) is not list:
                msg = "expected an array"
                raise ValueError(msg)
            return tuple([hook(item, item_type) for item in value])

        return structure

    def unstructure_tuple(type_: Any) -> Callable[[Any], Any]:
        hook = converter.get_unstructure_hook(get_args(type_)[0])
        return lambda value: [hook(item) for item in value]

    converter.register_structure_hook_factory(_is_tuple, structure_tuple)
    converter.register_unstructure_hook_factory(_is_tuple, unstructure_tuple)
    converter.register_structure_hook_factory(
        attrs.has, lambda cls: make_dict_structure_fn(cls, converter)
    )
    converter.register_unstructure_hook_factory(
        attrs.has, lambda cls: make_dict_unstructure_fn(cls, converter)
    )
    blocks = {tag: (cls, make_dict_structure_fn(cls, converter)) for cls, tag in _TAGS.items()}

    def structure_block(value: Any, _: Any) -> Any:
        rest = value.copy()
        cls, structure = blocks[rest.pop("type")]
        return structure(rest, cls)

    writers = {cls: make_dict_unstructure_fn(cls, converter) for cls in _TAGS}

    def unstructure_block(block: Any) -> Any:
        return {"type": _TAGS[block.__class__], **writers[block.__class__](block)}

    converter.register_structure_hook(Paragraph | Heading | ListItem, structure_block)
    converter.register_unstructure_hook(Paragraph | Heading | ListItem, unstructure_block)
    unstructure = converter.get_unstructure_hook(osce_thb.Document)
    structure = converter.get_structure_hook(osce_thb.Document)

    def to_json(document: osce_thb.Document) -> str:
        return _COMPACT.encode({"schema_version": 2, **unstructure(document)})

    def from_json(text: str) -> Any:
        data = json.loads(text)
        if data.pop("schema_version") != 2:
            msg = "unsupported schema version"
            raise ValueError(msg)
        return structure(data, osce_thb.Document)

    return to_json, from_json


def _best_us(func: Callable[[], object], number: int, repeat: int) -> float:
    """The fastest of `repeat` runs of `number` calls, per call, in µs (the least disturbed run)."""
    func()
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="runs per median (default 9)")
    parser.add_argument("--number", type=int, default=300, help="calls per run (default 300)")
    args = parser.parse_args()
    text = resources.files("osce_thb").joinpath("samples", SAMPLE).read_text(encoding="utf-8")
    document = osce_thb.parse(text)
    written = osce_thb.to_json(document)
    gen_to_json, gen_from_json = cattrs_gen_converter()
    if gen_to_json(document) != written or gen_from_json(written) != document:
        print("the cattrs.gen converter does not give the same JSON and document")
        return 1
    rows = [
        ("to_json", osce_thb.to_json, gen_to_json, document),
        ("from_json", osce_thb.from_json, gen_from_json, written),
    ]
    total = {"osce_thb": 0.0, "cattrs.gen": 0.0}
    print(f"{'what (µs, best run)':<20} {'osce_thb':>9} {'cattrs.gen':>11}")
    for name, ours, theirs, value in rows:
        mine = _best_us(lambda f=ours, v=value: f(v), args.number, args.repeat)
        gen = _best_us(lambda f=theirs, v=value: f(v), args.number, args.repeat)
        total["osce_thb"] += mine
        total["cattrs.gen"] += gen
        print(f"{name:<20} {mine:>9.1f} {gen:>11.1f}")
    print(f"{'round trip':<20} {total['osce_thb']:>9.1f} {total['cattrs.gen']:>11.1f}")
    print(f"\nPython {sys.version.split()[0]}, cattrs {metadata.version('cattrs')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
