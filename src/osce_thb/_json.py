"""JSON form of the model: one cattrs converter, and the functions built on it.

A document becomes a JSON object whose keys are the model's field names, in
declaration order, after a leading ``"schema_version": 1``. Reading is strict:
every problem is reported, with its JSON path, in one
[`JsonError`][osce_thb.JsonError]; nothing is dropped or coerced.

cattrs is imported only when a converter is first needed, so that
``import osce_thb`` stays cheap.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import json
import re
from types import MappingProxyType, NoneType, UnionType
from typing import IO, TYPE_CHECKING, Any, Final, cast, get_args, get_origin

import attrs

from osce_thb.errors import JsonError, ModelError
from osce_thb.model import Document, FieldOfWork, Heading, ListItem, Paragraph

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    import cattrs

__all__ = [
    "BLOCK_TAGS",
    "BLOCK_TAG_KEY",
    "SCHEMA_VERSION",
    "configure_converter",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "load_jsonl",
    "make_converter",
    "to_dict",
    "to_json",
]

SCHEMA_VERSION: Final = 1
"""The version of the JSON layout, written first in every document."""

BLOCK_TAG_KEY: Final = "type"
"""The key that tells body blocks apart."""

BLOCK_TAGS: Final[Mapping[type, str]] = MappingProxyType(
    {Paragraph: "paragraph", Heading: "heading", ListItem: "list_item"}
)
"""The tag of each kind of body block."""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_MISSING: Final = object()
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


# --------------------------------------------------------------------------- problems


class _InvalidError(ValueError):
    """A JSON value the converter rejects; its message is the problem, without the path."""


class _WrongTypeError(_InvalidError):
    """A JSON value of the wrong type: "expected a string, got 1"."""

    def __init__(self, value: object, *, expected: str) -> None:
        self.expected = expected
        self.value = value
        super().__init__(f"expected {expected}, got {_describe(value)}")


def _describe(value: object) -> str:
    """A JSON value as a problem shows it: ``1``, ``true``, ``null``, ``'text'``, ``list``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:40]) + "…"
    return type(value).__name__


def _problems(exc: BaseException, path: str) -> list[str]:
    """Every problem in `exc` (a cattrs exception group or a single error) as ``path: what``.

    cattrs' own `transform_error` walks the same groups; this walker also places a
    model validator's `ModelError` at the field it names, gives each unknown key its
    own path, and words the messages for JSON.
    """
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        IterableValidationNote,
    )

    if isinstance(exc, ClassValidationError | IterableValidationError):
        found = []
        for sub in exc.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path = _key_path(path, note.name)
                    break
                if isinstance(note, IterableValidationNote):
                    sub_path = f"{path}[{note.index!r}]"
                    break
            found.extend(_problems(sub, sub_path))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        return [f"{_key_path(path, key)}: unknown key" for key in sorted(exc.extra_fields, key=str)]
    if isinstance(exc, ModelError):
        return [f"{_key_path(path, exc.field.rpartition('.')[2])}: {exc.reason}"]
    if isinstance(exc, _InvalidError):
        return [f"{path}: {exc}"]
    if isinstance(exc, KeyError):
        return [f"{path}: required key missing"]
    return [f"{path}: {type(exc).__name__}: {exc}"]  # a bug, shown rather than hidden


def _key_path(path: str, key: object) -> str:
    if isinstance(key, str) and key.isidentifier():
        return f"{path}.{key}"
    return f"{path}[{key!r}]"


# --------------------------------------------------------------------------- the converter


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A new cattrs converter configured for the JSON form (see `configure_converter`).

    Args:
        detailed_validation: Collect every problem with its path (slower), rather
            than stop at the first.
    """
    import cattrs

    converter = cattrs.Converter(detailed_validation=detailed_validation)
    configure_converter(converter)
    return converter


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach `converter` the JSON form of the model.

    The encoding decisions, all of them:

    * Objects: an attrs class is a JSON object whose keys are its field names, in
      declaration order. Every key is always written (`omit_if_default` off), so
      the shape of the JSON is stable; an absent value is ``null``. On reading, a
      key whose field has a default may be left out; any other missing key is an
      error, and so is any unknown key (`forbid_extra_keys` on). A value that is
      not an object where one is expected is an error.
    * Scalars are strict, never coerced: a `str` field takes only a string (not
      ``1``), an `int` field only an integer (not ``true``, ``1.0`` or ``"1"``), a
      `bool` field only ``true`` or ``false`` (not ``1``). ``null`` only where the
      field is optional (``X | None``).
    * Dates (`datetime.date`) are ISO 8601 calendar dates, ``"YYYY-MM-DD"``;
      anything else (a datetime, ``"2013-13-01"``, ``"20130101"``) is an error.
    * Enums are their `.value`; an unknown value is an error naming the known ones.
    * Fields of work (``FieldOfWork | str``) are strings: known names become
      `FieldOfWork` members, other names stay strings (the model's converter).
    * Tuples are JSON arrays (a string or an object is not an array).
    * Body blocks are a tagged union: ``{"type": "paragraph" | "heading" |
      "list_item", ...}``, the tag first (`BLOCK_TAGS`). An unknown or missing
      tag is an error at ``.type`` naming the known tags.
    * Attribute converters of the model are not preferred over the field types
      (`prefer_attrib_converters` off): values are checked by type, then the
      model's own converters and validators run as usual; a validator's
      `ModelError` is reported at the field it names.

    Args:
        converter: A `cattrs.Converter` (not a `BaseConverter`) with no hooks for
            the model yet; its `detailed_validation` setting is kept.
    """
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        IterableValidationError,
        IterableValidationNote,
    )
    from cattrs.fns import identity
    from cattrs.gen import make_dict_structure_fn

    converter.forbid_extra_keys = True
    converter.omit_if_default = False
    detailed = converter.detailed_validation

    # Scalars: strict type checks instead of cattrs' str(x), int(x), bool(x).
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(_dt.date, _structure_date)
    converter.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    converter.register_structure_hook_factory(_is_enum, _enum_structure_hook)
    converter.register_unstructure_hook_factory(_is_enum, lambda _: _enum_value)
    converter.register_structure_hook(FieldOfWork | str, _structure_field_of_work)
    converter.register_unstructure_hook(FieldOfWork | str, _unstructure_field_of_work)

    # X | None: null, or whatever X takes.
    def structure_optional(type_: Any) -> Callable[[Any, Any], Any]:
        inner = next(arg for arg in get_args(type_) if arg is not NoneType)
        hook = converter.get_structure_hook(inner)

        def structure(value: Any, _: Any) -> Any:
            if value is None:
                return None
            try:
                return hook(value, inner)
            except _WrongTypeError as exc:
                raise _WrongTypeError(value, expected=f"{exc.expected} or null") from None

        return structure

    def unstructure_optional(type_: Any) -> Callable[[Any], Any]:
        inner = next(arg for arg in get_args(type_) if arg is not NoneType)
        hook = converter.get_unstructure_hook(inner)
        if hook is identity:
            return identity
        return lambda value: None if value is None else hook(value)

    converter.register_structure_hook_factory(_is_optional, structure_optional)
    converter.register_unstructure_hook_factory(_is_optional, unstructure_optional)

    # tuple[X, ...]: a JSON array.
    def structure_tuple(type_: Any) -> Callable[[Any, Any], Any]:
        item_type = get_args(type_)[0]
        hook = converter.get_structure_hook(item_type)

        if not detailed:

            def structure_fast(value: Any, _: Any) -> Any:
                if type(value) is not list:
                    raise _WrongTypeError(value, expected="an array")
                return tuple([hook(item, item_type) for item in value])

            return structure_fast

        def structure(value: Any, _: Any) -> Any:
            if type(value) is not list:
                raise _WrongTypeError(value, expected="an array")
            items = []
            errors = []
            for index, item in enumerate(value):
                try:
                    items.append(hook(item, item_type))
                except Exception as exc:
                    exc.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
                    errors.append(exc)
            if errors:
                msg = f"While structuring {type_!r}"
                raise IterableValidationError(msg, errors, type_)
            return tuple(items)

        return structure

    def unstructure_tuple(type_: Any) -> Callable[[Any], Any]:
        hook = converter.get_unstructure_hook(get_args(type_)[0])
        if hook is identity:
            return list
        return lambda value: [hook(item) for item in value]

    converter.register_structure_hook_factory(_is_homogeneous_tuple, structure_tuple)
    converter.register_unstructure_hook_factory(_is_homogeneous_tuple, unstructure_tuple)

    # attrs classes: cattrs' generated functions; the detailed converter first checks
    # that the value is an object (the fast one fails anyway, on `o.keys()` at the latest).
    def structure_attrs(cls: Any) -> Callable[[Any, Any], Any]:
        generated = make_dict_structure_fn(cls, converter)
        if not detailed:
            return generated

        def structure(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                raise _WrongTypeError(value, expected="an object")
            return generated(value, cls)

        return structure

    converter.register_structure_hook_factory(attrs.has, structure_attrs)

    # Body blocks: a union tagged by "type", the tag first.
    block_union = Paragraph | Heading | ListItem
    by_tag = {tag: (cls, converter.get_structure_hook(cls)) for cls, tag in BLOCK_TAGS.items()}
    unstructure_by_class = {
        cls: (tag, converter.get_unstructure_hook(cls)) for cls, tag in BLOCK_TAGS.items()
    }
    known = ", ".join(repr(tag) for tag in sorted(by_tag))

    def structure_block(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _WrongTypeError(value, expected="an object")
        rest = value.copy()
        tag = rest.pop(BLOCK_TAG_KEY, _MISSING)
        found = by_tag.get(tag) if type(tag) is str else None
        if found is not None:
            return found[1](rest, found[0])
        what = "missing block type" if tag is _MISSING else f"unknown block type {_describe(tag)}"
        problem = _InvalidError(f"{what} (expected one of {known})")
        if not detailed:
            raise problem
        problem.add_note(AttributeValidationNote("@ block type", BLOCK_TAG_KEY, str))
        msg = "While structuring a body block"
        raise ClassValidationError(msg, [problem], cast("type", block_union))

    def unstructure_block(block: Any) -> dict[str, Any]:
        tag, hook = unstructure_by_class[block.__class__]
        return {BLOCK_TAG_KEY: tag, **hook(block)}

    converter.register_structure_hook(block_union, structure_block)
    converter.register_unstructure_hook(block_union, unstructure_block)


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is str:
        return value
    raise _WrongTypeError(value, expected="a string")


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise _WrongTypeError(value, expected="an integer")


def _structure_bool(value: Any, _: Any) -> bool:
    if value is True or value is False:
        return value
    raise _WrongTypeError(value, expected="true or false")


def _structure_date(value: Any, _: Any) -> _dt.date:
    if type(value) is not str:
        raise _WrongTypeError(value, expected="a date string (YYYY-MM-DD)")
    if _DATE.match(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    msg = f"invalid date {_describe(value)} (expected YYYY-MM-DD)"
    raise _InvalidError(msg)


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


def _enum_structure_hook(type_: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    members = {member.value: member for member in type_}
    known = ", ".join(repr(value) for value in sorted(members))

    def structure(value: Any, _: Any) -> enum.Enum:
        if type(value) is not str:
            raise _WrongTypeError(value, expected="a string")
        member = members.get(value)
        if member is None:
            msg = f"unknown value {_describe(value)} (expected one of {known})"
            raise _InvalidError(msg)
        return member

    return structure


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _structure_field_of_work(value: Any, _: Any) -> FieldOfWork | str:
    if type(value) is str:
        return FieldOfWork.lookup(value) or value
    raise _WrongTypeError(value, expected="a string")


def _unstructure_field_of_work(value: FieldOfWork | str) -> str:
    return value.value if isinstance(value, FieldOfWork) else value


def _is_optional(type_: Any) -> bool:
    if not isinstance(type_, UnionType):
        return False
    args = get_args(type_)
    return len(args) == 2 and NoneType in args


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


@functools.cache
def _converters() -> tuple[cattrs.Converter, cattrs.Converter]:
    """The shared converters: a fast one, and a detailed one to explain failures.

    `from_dict` reads with the fast one; only when that fails does it read again
    with the detailed one, which either lists every problem or (should the fast
    one ever be stricter) returns the same document.
    """
    return make_converter(detailed_validation=False), make_converter(detailed_validation=True)


@functools.cache
def _hooks() -> tuple[Callable[[Any], dict[str, Any]], Callable[[Any, Any], Document]]:
    """The document's unstructure hook and its fast structure hook."""
    fast, _ = _converters()
    return fast.get_unstructure_hook(Document), fast.get_structure_hook(Document)


# --------------------------------------------------------------------------- the API


def to_dict(document: Document) -> dict[str, Any]:
    """The document as a JSON-ready dict: ``schema_version`` first, then its fields.

    Dates are ``"YYYY-MM-DD"`` strings, enums their values, tuples lists, absent
    values ``None``; every key is present.
    """
    unstructure, _ = _hooks()
    return {"schema_version": SCHEMA_VERSION, **unstructure(document)}


def from_dict(data: Any) -> Document:
    """The document a dict of its JSON form describes (the inverse of `to_dict`).

    Raises:
        JsonError: `data` does not describe a valid document; the error lists
            every problem with its JSON path (``$.regions[2].code: unknown region
            code 'UA-99'``).
    """
    if not isinstance(data, dict):
        raise JsonError([f"$: expected an object, got {_describe(data)}"])
    fields = data.copy()
    version = fields.pop("schema_version", _MISSING)
    version_ok = type(version) is int and version == SCHEMA_VERSION
    if version_ok:
        try:
            return _hooks()[1](fields, Document)
        except Exception:  # explained below, by the detailed converter
            pass
    problems = []
    if version is _MISSING:
        problems.append("$.schema_version: required key missing")
    elif not version_ok:
        problems.append(
            f"$.schema_version: unsupported schema version {_describe(version)}"
            f" (expected {SCHEMA_VERSION})"
        )
    _, detailed = _converters()
    try:
        document: Document = detailed.structure(fields, Document)
    except Exception as exc:
        problems.extend(_problems(exc, "$"))
        raise JsonError(problems) from exc
    if problems:
        raise JsonError(problems)
    return document


def to_json(document: Document, *, indent: int | None = None) -> str:
    """The document as JSON text (see `to_dict`), compact unless `indent` is given.

    Non-ASCII characters are written as they are, not escaped.
    """
    data = to_dict(document)
    if indent is None:
        return _COMPACT.encode(data)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Document:
    """The document JSON text describes (the inverse of `to_json`).

    Raises:
        JsonError: The text is not JSON (``$: not valid JSON: ... (line 1, column
            5)``), or does not describe a valid document (see `from_dict`).
    """
    return from_dict(_loads(text, single_line=False))


def _loads(text: str | bytes, *, single_line: bool) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if single_line else f"line {exc.lineno}, column {exc.colno}"
        problem = f"$: not valid JSON: {exc.msg} ({where})"
    except UnicodeDecodeError as exc:
        what = f"not {exc.encoding} text: {exc.reason}"
        problem = f"$: not valid JSON: {what} (byte offset {exc.start})"
    except RecursionError:
        problem = "$: not valid JSON: nested too deeply"
    raise JsonError([problem])


def dump_jsonl(documents: Iterable[Document], file: IO[str]) -> int:
    """Write documents as JSON Lines: one compact object a line, each flushed when complete.

    Returns:
        How many documents were written.
    """
    count = 0
    for document in documents:
        file.write(to_json(document) + "\n")
        file.flush()
        count += 1
    return count


def load_jsonl(file: IO[str]) -> Iterator[Document]:
    """Read JSON Lines lazily: yield each document as soon as its line is read.

    Memory stays constant however long the file. Blank lines are skipped. Any
    iterable of lines will do in place of a file.

    Raises:
        JsonError: A line is not a valid document; each problem starts with the
            1-based line number (``line 3: $.kind: ...``).
    """
    for number, line in enumerate(file, start=1):
        if not line.strip():
            continue
        try:
            document = from_dict(_loads(line, single_line=True))
        except JsonError as exc:
            raise JsonError([f"line {number}: {problem}" for problem in exc.problems]) from exc
        yield document
