"""JSON form of the model: one cattrs converter, and the functions built on it.

A document becomes a JSON object whose keys are the model's field names, in
declaration order, after a leading ``"schema_version": 2``. Reading is strict:
every problem is reported, with its JSON path, in one
`JsonError`; nothing is dropped or coerced. Beyond the
types and the model's own rules, reading refuses what JSON text can say but a
document cannot hold: a key given twice, an integer too long to read, a lone
surrogate (an escape ``\ud800`` alone), and references that point nowhere (a quote in block
999 of a five-block body).

cattrs is imported only when a converter is first needed, so that
``import osce_thb`` stays cheap.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import itertools
import json
import linecache
import os
import re
import sys
from types import MappingProxyType, NoneType, UnionType
from typing import IO, TYPE_CHECKING, Any, Final, cast, get_args, get_origin

import attrs

from osce_thb.errors import JsonError, ModelError
from osce_thb.model import (
    Document,
    Donor,
    FieldOfWork,
    Figure,
    Heading,
    ListItem,
    NrmPhase,
    Paragraph,
    Person,
    Programme,
    Quote,
    Region,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

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

SCHEMA_VERSION: Final = 2
"""The version of the JSON layout, written first in every document.

Version 2 names a phase's regions and donors as objects; version 1 named them
by code and key. The reader reads both, upgrading version 1 as it reads.
"""

_READ_VERSIONS: Final = (1, SCHEMA_VERSION)

BLOCK_TAG_KEY: Final = "type"
"""The key that tells body blocks apart."""

BLOCK_TAGS: Final[Mapping[type, str]] = MappingProxyType(
    {Paragraph: "paragraph", Heading: "heading", ListItem: "list_item"}
)
"""The tag of each kind of body block."""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_QUOTED: Final = 40
"""The most characters of a value, or of a key, that a problem quotes."""
_LONGEST_PROBLEM: Final = 300
_MISSING: Final = object()
_NO_ITEMS: Final[Mapping[str, str | int]] = MappingProxyType({})
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
_encode_str = json.encoder.encode_basestring
"""A string as JSON text, as `_COMPACT` writes it (``ensure_ascii`` off)."""


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
    if isinstance(value, _HugeInt):
        return f"an integer of {value.digits} digits"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return repr(value) if len(value) <= _QUOTED else repr(value[:_QUOTED]) + "…"
    return "dict" if isinstance(value, dict) else type(value).__name__


def _shorten(reason: str, value: object) -> str:
    """`reason`, a model's message, with the value it quotes cut (see `_describe`)."""
    if isinstance(value, str) and len(value) > _QUOTED:
        reason = reason.replace(repr(value), _describe(value))
    if len(reason) > _LONGEST_PROBLEM:
        reason = reason[:_LONGEST_PROBLEM] + "…"
    return reason


class _HugeInt:
    """A JSON integer with more digits than Python reads (`sys.get_int_max_str_digits`)."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits


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
        where = _key_path(path, exc.field.rpartition(".")[2])
        return [f"{where}: {_shorten(exc.reason, exc.value)}"]
    if isinstance(exc, _InvalidError):
        return [f"{path}: {exc}"]
    if isinstance(exc, KeyError):
        return [f"{path}: required key missing"]
    return [f"{path}: {type(exc).__name__}: {exc}"]  # a bug, shown rather than hidden


def _key_path(path: str, key: object) -> str:
    if isinstance(key, str) and key.isidentifier() and len(key) <= _QUOTED:
        return f"{path}.{key}"
    return f"{path}[{_describe(key)}]"


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

    For speed, each attrs class is written (and, without detailed validation,
    read) by a function generated for it that does in line what its fields' hooks
    would do, rather than call them: the results are the same.

    Args:
        converter: A `cattrs.Converter` (not a `BaseConverter`) with no hooks for
            the model yet; its `detailed_validation` setting is kept.
    """
    _configure(converter)


def _configure(converter: cattrs.Converter) -> tuple[_FastReader, _Writer]:
    """Do `configure_converter`'s work; return the reader and writer of its hooks.

    Their functions serve `from_json` and `to_json`.
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
    # Speed: attrs classes get functions written by these two, which do in line
    # what the hooks registered below (and recorded in them) would do.
    reader = _FastReader(converter)
    writer = _Writer(converter)

    # Scalars: strict type checks instead of cattrs' str(x), int(x), bool(x).
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    reader.checks[_structure_str] = "type({v}) is str"
    reader.checks[_structure_int] = "type({v}) is int"
    reader.checks[_structure_bool] = "{v} is True or {v} is False"
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

        if hook in reader.checks:
            reader.checks[structure] = "{v} is None or " + reader.checks[hook]
        return structure

    def unstructure_optional(type_: Any) -> Callable[[Any], Any]:
        inner = next(arg for arg in get_args(type_) if arg is not NoneType)
        hook = converter.get_unstructure_hook(inner)
        if hook is identity:
            return identity

        def unstructure(value: Any) -> Any:
            return None if value is None else hook(value)

        writer.optionals[unstructure] = inner
        return unstructure

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

            reader.tuples[structure_fast] = item_type
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
        item_type = get_args(type_)[0]
        hook = converter.get_unstructure_hook(item_type)
        if hook is identity:
            return list

        def unstructure(value: Any) -> list[Any]:
            return [hook(item) for item in value]

        writer.tuples[unstructure] = item_type
        return unstructure

    converter.register_structure_hook_factory(_is_homogeneous_tuple, structure_tuple)
    converter.register_unstructure_hook_factory(_is_homogeneous_tuple, unstructure_tuple)

    # attrs classes: the fast converter reads with `_FastReader`'s functions, the
    # detailed one with `_careful_structure_fn`'s, which report every problem of an
    # object; both write with `_Writer`'s.
    def structure_attrs(cls: Any) -> Callable[[Any, Any], Any]:
        if not detailed:
            return reader.structure_fn(cls) or make_dict_structure_fn(cls, converter)
        return _careful_structure_fn(converter, cls)

    converter.register_structure_hook_factory(attrs.has, structure_attrs)
    converter.register_unstructure_hook_factory(attrs.has, writer.unstructure_fn)

    # Body blocks: a union tagged by "type", the tag first.
    block_union = Paragraph | Heading | ListItem
    by_tag = {tag: (cls, converter.get_structure_hook(cls)) for cls, tag in BLOCK_TAGS.items()}
    careful_by_tag = {
        tag: _careful_structure_fn(converter, cls, read=(BLOCK_TAG_KEY,))
        for cls, tag in BLOCK_TAGS.items()
    }
    known = ", ".join(repr(tag) for tag in sorted(by_tag))

    def structure_block(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _WrongTypeError(value, expected="an object")
        tag = value.get(BLOCK_TAG_KEY, _MISSING)
        if detailed and type(tag) is str and tag in careful_by_tag:
            return careful_by_tag[tag](value, None)  # the tag read, as a known key
        found = by_tag.get(tag) if type(tag) is str else None
        if found is not None:
            rest = value.copy()
            del rest[BLOCK_TAG_KEY]
            return found[1](rest, found[0])
        what = "missing block type" if tag is _MISSING else f"unknown block type {_describe(tag)}"
        problem = _InvalidError(f"{what} (expected one of {known})")
        if not detailed:
            raise problem
        problem.add_note(AttributeValidationNote("@ block type", BLOCK_TAG_KEY, str))
        msg = "While structuring a body block"
        raise ClassValidationError(msg, [problem], cast("type", block_union))

    # The fast converter reads a block with a known tag in one call, to a function
    # that skips the tag, rather than pop the tag from a copy.
    fast_by_tag = {}
    for cls, tag in BLOCK_TAGS.items():
        structure = None if detailed else reader.structure_fn(cls, read=(BLOCK_TAG_KEY,))
        if structure is not None:
            fast_by_tag[tag] = structure

    def structure_block_fast(value: Any, _: Any) -> Any:
        if type(value) is tuple:  # pairs (see `_FastReader`), the tag first
            first = value[0] if value else None
            tag = first[1] if type(first) is tuple and first[0] == BLOCK_TAG_KEY else None
        else:
            tag = value.get(BLOCK_TAG_KEY) if type(value) is dict else None
        structure = fast_by_tag.get(tag) if type(tag) is str else None
        if structure is not None:
            return structure(value, None)
        return structure_block(value, _)  # the error

    # Writing, each block's functions put its tag first.
    unstructure_by_class: dict[type, Callable[[Any], dict[str, Any]]] = {
        cls: writer.unstructure_fn(cls, first={BLOCK_TAG_KEY: tag})
        for cls, tag in BLOCK_TAGS.items()
    }

    def unstructure_block(block: Any) -> dict[str, Any]:
        return unstructure_by_class[block.__class__](block)

    writer.unions[unstructure_block] = {
        cls: writer.json_fn(cls, first={BLOCK_TAG_KEY: tag}) for cls, tag in BLOCK_TAGS.items()
    }

    converter.register_structure_hook(
        block_union, structure_block_fast if fast_by_tag else structure_block
    )
    converter.register_unstructure_hook(block_union, unstructure_block)
    return reader, writer


def _careful_structure_fn(
    converter: cattrs.Converter, cls: type, read: tuple[str, ...] = ()
) -> Callable[[Any, Any], Any]:
    """The detailed converter's function that reads an object into `cls`, or lists all it lacks.

    Every field is read on its own, and the model's validator of every field that
    was read runs on its own too, so that one object reports all its problems
    (``{"name": " ", "closed": "yes"}`` both), not only the first that the class
    would raise; a validator of a tuple field that fails is run on each item, to
    name the items (``$.nrm_phases[0].regions[1]``). Keys the JSON gave twice
    (see `_Object`) and unknown keys are problems too. The problems go up as a
    cattrs `ClassValidationError`, each with the note of its attribute.

    Args:
        converter: The detailed converter, for the fields' hooks.
        cls: An attrs class.
        read: Keys the caller has read already (a body block's tag): known, not unknown.
    """
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
    )

    fields = [a for a in attrs.fields(attrs.resolve_types(cls)) if a.init]  # as cattrs
    known = frozenset([a.name for a in fields] + list(read))

    def noted(exc: Exception, name: str, type_: Any) -> Exception:
        where = f"Structuring class {cls.__qualname__} @ attribute {name}"
        exc.add_note(AttributeValidationNote(where, name, type_))
        return exc

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _WrongTypeError(value, expected="an object")
        errors: list[Exception] = []
        values: dict[str, Any] = {}
        for a in fields:
            if a.name not in value:
                if a.default is attrs.NOTHING:
                    errors.append(noted(KeyError(a.name), a.name, a.type))
                continue
            try:
                item = converter.get_structure_hook(a.type)(value[a.name], a.type)
            except Exception as exc:  # reported with the others
                errors.append(noted(exc, a.name, a.type))
                continue
            if a.converter is not None:
                item = a.converter(item)
            values[a.name] = item
            problem = _validation_problem(a, item, values)
            if problem is not None:
                errors.append(noted(problem, a.name, a.type))
        errors.extend(
            noted(_InvalidError("duplicate key"), key, None)
            for key in getattr(value, "duplicates", ())
        )
        extra = value.keys() - known
        if extra:
            errors.append(ForbiddenExtraKeysError("", cls, set(extra)))
        if errors:
            msg = f"While structuring {cls.__name__}"
            raise ClassValidationError(msg, errors, cls)
        return cls(**{a.alias: values[a.name] for a in fields if a.name in values})

    return structure


class _Partial:
    """What a model validator sees of an object being read: the fields read so far.

    A field not read (missing, or of the wrong type) is ``None``, so that a rule
    across fields (a phase's end after its start) holds when one side is unknown.
    """

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        return self._values.get(name)


def _validation_problem(
    field: attrs.Attribute[Any], value: Any, values: Mapping[str, Any]
) -> Exception | None:
    """What the model's validator of `field` says of `value`; None if it accepts it.

    A tuple that fails is checked item by item: each bad item is its own problem,
    at its index; a tuple whose items all pass alone fails as a whole.
    """
    from cattrs.errors import IterableValidationError, IterableValidationNote

    validator = field.validator
    if validator is None:
        return None
    instance = _Partial(values)
    try:
        validator(instance, field, value)
    except ModelError as exc:
        if isinstance(value, tuple):
            items: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    validator(instance, field, (item,))
                except ModelError as item_exc:  # at its index: "item 0" says nothing more
                    reason = item_exc.reason.removeprefix("item 0 ")
                    problem = _InvalidError(_shorten(reason, item_exc.value))
                    problem.add_note(IterableValidationNote(f"@ index {index}", index, Any))
                    items.append(problem)
            if items:
                return IterableValidationError("While validating items", items, tuple)
        return _InvalidError(_shorten(exc.reason, exc.value))
    except Exception as exc:  # a validator that is not the model's own: its words
        return _InvalidError(_shorten(str(exc), value))
    return None


class _FastReader:
    """Writes the fast converter's structure functions for attrs classes.

    cattrs' generated function (`make_dict_structure_fn`) calls a hook for every
    field, some 70 ns a call, and a document has some 300 strings, integers and
    arrays. The functions written here read an object the same way (``o[key]`` for
    a required key, unknown keys refused, the class called with keywords), but test
    a value in line when its hook is one of `checks`, build a tuple in line when its
    hook is one of `tuples`, and call the hook only for a value the test turns
    down: the hook still decides, and words the error.

    They read an object given as a dict, or as the tuple of its (key, value) pairs
    in the order of the text (``json.loads(text, object_pairs_hook=tuple)``, which
    keeps a key given twice, where a dict would keep the last silently). Pairs in
    the order `to_json` writes them are read by position; others become a dict
    first, unless a key comes twice (`_DuplicateKeyError`).
    """

    def __init__(self, converter: cattrs.Converter) -> None:
        self.converter = converter
        self.checks: dict[Any, str] = {}
        """Hooks that return the value itself when a test, on ``{v}``, is true."""
        self.tuples: dict[Any, Any] = {}
        """Hooks that make a tuple of a list, each with the type of its items."""

    def structure_fn(self, cls: type, read: tuple[str, ...] = ()) -> Any:
        """The function that reads an object into `cls`, or None if it cannot be written.

        Args:
            cls: An attrs class. One with a field this does not write (``init=False``,
                a factory default, no type) gets None: cattrs' own function serves it.
            read: Keys that the caller has read already and knows are there (a body
                block's tag), ignored rather than refused as unknown.
        """
        fields = attrs.fields(attrs.resolve_types(cls))
        for a in fields:
            if not a.init or a.type is None or isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                return None
        from cattrs.errors import ForbiddenExtraKeysError

        keys = frozenset([a.name for a in fields] + list(read))
        namespace: dict[str, Any] = {
            "cls": cls,
            "keys": keys,
            "error": ForbiddenExtraKeysError,
            "pairs_dict": _pairs_dict,
        }
        name = f"structure_{cls.__name__}"
        lines = [f"def {name}(o, _=None):", *self._pairs_lines(fields, read, namespace)]
        count = f"{len(keys)}"
        if any(a.default is not attrs.NOTHING for a in fields):
            lines.append("  missing = 0")
            count += " - missing"
        arguments = []
        for i, a in enumerate(fields):
            value = self.expression(a.type, "v", f"_{i}", namespace)
            if a.default is attrs.NOTHING:
                lines += [f"  v = o[{a.name!r}]", f"  a{i} = {value}"]
            else:
                namespace[f"_{i}d"] = a.default
                lines += [
                    f"  if {a.name!r} in o:",
                    f"    v = o[{a.name!r}]",
                    f"    a{i} = {value}",
                    "  else:",
                    f"    a{i} = _{i}d",
                    "    missing += 1",
                ]
            arguments.append(f"{a.alias}=a{i}")
        # All the keys but the missing ones are there: any more are unknown (cheaper
        # than a set operation on each object).
        lines += [
            f"  if len(o) != {count}:",
            "    raise error('', cls, set(o.keys()) - keys)",
            f"  return cls({', '.join(arguments)})",
        ]
        return _compile(name, lines, namespace, f"<osce_thb fast {name} {sorted(keys)}>")

    def _pairs_lines(
        self,
        fields: Sequence[attrs.Attribute[Any]],
        read: tuple[str, ...],
        namespace: dict[str, Any],
    ) -> list[str]:
        """The lines that read an object given as pairs: by position, else as a dict."""
        order = [*read, *(a.name for a in fields)]
        lines = ["  if type(o) is tuple:"]
        if order:
            targets = ", ".join(f"(k{j}, p{j})" for j in range(len(order)))
            tests = " and ".join(f"k{j} == {key!r}" for j, key in enumerate(order))
            lines += [
                f"    if len(o) == {len(order)}:",
                f"      {targets}, = o",
                f"      if {tests}:",
            ]
            arguments = []
            for i, a in enumerate(fields):
                position = len(read) + i
                value = self.expression(a.type, f"p{position}", f"_{i}", namespace)
                lines.append(f"        a{i} = {value}")
                arguments.append(f"{a.alias}=a{i}")
            lines.append(f"        return cls({', '.join(arguments)})")
        lines.append("    o = pairs_dict(o)")
        return lines

    def expression(self, type_: Any, value: str, name: str, namespace: dict[str, Any]) -> str:
        """Code that reads the variable `value` as `type_`; its globals go in `namespace`."""
        try:
            hook = self.converter.get_structure_hook(type_)
        except RecursionError:  # a class within itself: find its hook when it is read
            hook = self.converter.structure
        namespace[f"{name}h"], namespace[f"{name}t"] = hook, type_
        call = f"{name}h({value}, {name}t)"
        if hook in self.checks:
            return f"{value} if {self.checks[hook].format(v=value)} else {call}"
        if hook in self.tuples:
            item = f"{value}_"
            read = self.expression(self.tuples[hook], item, f"{name}i", namespace)
            return f"tuple([{read} for {item} in {value}]) if type({value}) is list else {call}"
        return call


class _Writer:
    """Writes the functions that write attrs classes: as dicts, and as JSON text.

    The dict functions are the converter's unstructure hooks. cattrs' generated
    function calls a hook for each field not written as it is (an enum, a tuple, a
    nested object...), and a tuple's hook calls its items' hook for each item. Here
    the hooks this module registers are written in line (``v.value``, ``[... for x
    in v]``, ``None if v is None else ...``, a nested object as its own dict
    display), so that a region and its mentions are one expression; other hooks
    are called.

    The text functions (for `to_json`) write what `_COMPACT` makes of the dict,
    without the dict: an object is one %-format of its keys, encoded in advance, and
    of its values, each string through `encode_basestring`, the C encoder's own
    function. A value written as it is has its type tested in line, and any value
    not of the expected type goes to `_encode`, so the text is the dict's whatever
    the values. This saves the encoder's walk over the dict: `to_json` takes half
    the time.
    """

    def __init__(self, converter: cattrs.Converter) -> None:
        from cattrs.fns import identity

        self.converter = converter
        self.identity = identity
        self.optionals: dict[Any, Any] = {}
        """Hooks that keep None and write anything else as a type, with the type."""
        self.tuples: dict[Any, Any] = {}
        """Hooks that write each item of a tuple, with the type of the items."""
        self.unions: dict[Any, Mapping[type, Any]] = {}
        """Hooks that write each class of a union its own way: its text function."""
        self.classes: dict[Any, type] = {}
        """The dict functions written here, with their classes."""
        self.names = itertools.count()
        """Numbers for the names of globals and loop variables, each new."""

    def unstructure_fn(self, cls: type, first: Mapping[str, str | int] = _NO_ITEMS) -> Any:
        """The function that writes `cls` as a dict, with the items `first` first."""
        namespace: dict[str, Any] = {}
        code = self.object(cls, "instance", namespace, (cls,), first, text=False)
        name = f"unstructure_{cls.__name__}"
        lines = [f"def {name}(instance):", f"  return {code}"]
        function = _compile(name, lines, namespace, f"<osce_thb {name} {dict(first)}>")
        if not first:
            self.classes[function] = cls
        return function

    def json_fn(self, cls: type, first: Mapping[str, str | int] = _NO_ITEMS) -> Any:
        """The function that writes `cls` as compact JSON text, with the items `first` first."""
        namespace: dict[str, Any] = {"_encode": _encode, "_encode_str": _encode_str}
        code = self.object(cls, "instance", namespace, (cls,), first, text=True)
        name = f"json_{cls.__name__}"
        lines = [f"def {name}(instance):", f"  return {code}"]
        return _compile(name, lines, namespace, f"<osce_thb {name} {dict(first)}>")

    def object(
        self,
        cls: type,
        value: str,
        namespace: dict[str, Any],
        within: tuple[type, ...],
        first: Mapping[str, str | int] = _NO_ITEMS,
        *,
        text: bool,
    ) -> str:
        """Code that writes `value`, an instance of `cls`, as a dict or a JSON object.

        Args:
            cls: An attrs class.
            value: The code of the value: a name, or a name's attribute.
            namespace: The globals of the function, where hooks go.
            within: The classes written in line around the value, `cls` included.
            first: Items to write before the fields: JSON strings or integers.
            text: Write JSON text rather than a dict.
        """
        fields = [a for a in attrs.fields(attrs.resolve_types(cls)) if a.init]  # as cattrs
        values = [
            self.expression(a.type, f"{value}.{a.name}", namespace, within, text=text)
            for a in fields
        ]
        if not text:
            items = [f"{key!r}: {item!r}" for key, item in first.items()]
            items += [f"{a.name!r}: {code}" for a, code in zip(fields, values, strict=True)]
            return f"{{{', '.join(items)}}}"
        pieces = [f"{_encode(key)}:{_encode(item)}" for key, item in first.items()]
        pieces = [piece.replace("%", "%%") for piece in pieces]
        pieces += [f"{_encode(a.name).replace('%', '%%')}:%s" for a in fields]
        template = "{" + ",".join(pieces) + "}"
        if not values:
            return repr(template % ())
        return f"{template!r} % ({', '.join(values)},)"

    def expression(
        self,
        type_: Any,
        value: str,
        namespace: dict[str, Any],
        within: tuple[type, ...],
        *,
        text: bool,
    ) -> str:
        """Code that writes `value`, of type `type_`, as a JSON-ready value or as text.

        Nested objects are written in line, unless their class is `within` (a class
        that contains itself): then their function is called.
        """
        hook = self.hook(type_)
        if hook is self.identity:
            return _as_is_text(type_, value) if text else value
        if hook is _enum_value:
            if not text:
                return f"{value}.value"
            members = self.add(namespace, _enum_texts(type_))
            return f"{members}.get({value}) or _encode({value}.value)"
        if hook in self.optionals:
            inner = self.expression(self.optionals[hook], value, namespace, within, text=text)
            return f"{'null' if text else None!r} if {value} is None else {inner}"
        if hook in self.tuples or (hook is list and _is_homogeneous_tuple(type_)):
            item = f"x{next(self.names)}"
            item_type = self.tuples.get(hook, get_args(type_)[0])
            if hook is not list:
                inner = self.expression(item_type, item, namespace, within, text=text)
            elif text:
                inner = _as_is_text(item_type, item)
            else:
                return f"list({value})"
            if not text:
                return f"[{inner} for {item} in {value}]"
            return f"'[' + ','.join([{inner} for {item} in {value}]) + ']'"
        cls = self.classes.get(hook)
        if cls is not None and cls not in within:
            return self.object(cls, value, namespace, (*within, cls), text=text)
        function = self.add(namespace, hook)
        if not text:
            return f"{function}({value})"
        if hook in self.unions:  # each class's text function, else the text of the dict
            by_class = self.add(namespace, self.unions[hook])
            other = self.add(namespace, lambda value: _encode(hook(value)))
            return f"{by_class}.get({value}.__class__, {other})({value})"
        return f"_encode({function}({value}))"

    def hook(self, type_: Any) -> Any:
        """The converter's unstructure hook for `type_`."""
        if type_ is None:  # not annotated: look the hook up by the value's class
            return self.converter.unstructure
        try:
            return self.converter.get_unstructure_hook(type_)
        except RecursionError:  # a class within itself: find its hook when it is written
            return self.converter.unstructure

    def add(self, namespace: dict[str, Any], value: Any) -> str:
        """Put `value` in `namespace` under a new name, and return the name."""
        name = f"_{next(self.names)}"
        namespace[name] = value
        return name


def _as_is_text(type_: Any, value: str) -> str:
    """Code that writes `value`, a value written as it is, as JSON text.

    A string, an integer or a boolean (or null, if `type_` allows it) is written in
    line; anything else, whatever `type_` says, by `_encode`.
    """
    inner = next((arg for arg in get_args(type_) if arg is not NoneType), None)
    if _is_optional(type_):
        return f"'null' if {value} is None else {_as_is_text(inner, value)}"
    if type_ is str:
        return f"_encode_str({value}) if type({value}) is str else _encode({value})"
    if type_ is int:
        return f"str({value}) if type({value}) is int else _encode({value})"
    if type_ is bool:
        return f"'true' if {value} is True else 'false' if {value} is False else _encode({value})"
    return f"_encode({value})"


def _enum_texts(type_: Any) -> dict[Any, str]:
    """The JSON text of each member's value, if `type_` is an enum."""
    return {member: _encode(member.value) for member in type_} if _is_enum(type_) else {}


def _encode(value: Any) -> str:
    """`value` as compact JSON text, as `_COMPACT` writes it (a string directly)."""
    if type(value) is str:
        return _encode_str(value)
    return _COMPACT.encode(value)


def _compile(name: str, lines: list[str], namespace: dict[str, Any], filename: str) -> Any:
    """The function `name` that `lines` define, with `namespace` as its globals.

    The lines go in `linecache`, so that tracebacks and debuggers show them.
    """
    script = "\n".join(lines) + "\n"
    linecache.cache[filename] = (len(script), None, script.splitlines(True), filename)
    exec(compile(script, filename, "exec"), namespace)  # code written here
    return namespace[name]


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is str:
        _check_text(value)
        return value
    raise _WrongTypeError(value, expected="a string")


def _check_text(value: str) -> None:
    """Refuse a string with a lone surrogate: JSON can escape one, UTF-8 cannot hold it."""
    if value.isascii():
        return
    found = _SURROGATE.search(value)
    if found is not None:
        msg = (
            f"lone surrogate U+{ord(found[0]):04X} at character {found.start()}:"
            " not Unicode text (\\ud800-\\udfff escapes come in pairs)"
        )
        raise _InvalidError(msg)


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, _HugeInt):
        msg = f"integer too large: {value.digits} digits"
        raise _InvalidError(msg)
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
        _check_text(value)
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
def _detailed() -> cattrs.Converter:
    """The detailed converter: it explains why the fast one failed.

    `from_dict` reads with the fast one (`_fast`); only when that fails does it
    read again with this one, which either lists every problem or (should the fast
    one ever be stricter) returns the same document.
    """
    return make_converter(detailed_validation=True)


@functools.cache
def _fast() -> tuple[
    Callable[[Document], dict[str, Any]], Callable[[Document], str], Callable[[Any, Any], Document]
]:
    """The fast converter's functions for a document: to a dict, to JSON text, from JSON.

    The first two write ``schema_version`` first; the third reads a dict, or the
    pairs of the fast pass (`_decode`), with ``schema_version`` first, and leaves
    its value to the caller to check.
    """
    import cattrs

    converter = cattrs.Converter(detailed_validation=False)
    reader, writer = _configure(converter)
    first = {"schema_version": SCHEMA_VERSION}
    structure = reader.structure_fn(Document, read=("schema_version",))
    return writer.unstructure_fn(Document, first), writer.json_fn(Document, first), structure


# --------------------------------------------------------------------------- the API


def to_dict(document: Document) -> dict[str, Any]:
    """The document as a JSON-ready dict: ``schema_version`` first, then its fields.

    Dates are ``"YYYY-MM-DD"`` strings, enums their values, tuples lists, absent
    values ``None``; every key is present.
    """
    unstructure, _, _ = _fast()
    return unstructure(document)


def from_dict(data: Any) -> Document:
    """The document a dict of its JSON form describes (the inverse of `to_dict`).

    A document without a ``people`` key (written before the library had
    `Document.people`) gets the speakers of its quotes as its people. A document
    of layout version 1, whose phases name regions and donors by code and key,
    is read as version 2 has it: each code or key becomes the document's region
    or donor, without mentions.

    Raises:
        JsonError: `data` does not describe a valid document; the error lists
            every problem with its JSON path (``$.regions[2].code: unknown region
            code 'UA-99'``).
    """
    return _from_value(data, fast=not _has_lone_surrogates(data))


def _from_value(data: Any, *, fast: bool) -> Document:
    """The document `data` describes; `fast` if the fast reader may read it.

    The fast reader reads valid documents; when it fails, or may not read the
    value (see `_decode`), the detailed one lists every problem.
    """
    if fast and (document := _read_checked(data)) is not None:
        return document
    return _read_carefully(data)


def _read_checked(data: Any) -> Document | None:
    """The fast reader's document, its references checked; None if it cannot read `data`.

    Raises:
        JsonError: The document's references point nowhere.
    """
    document = _read_fast(data)
    if document is not None:
        references = _reference_problems(document)
        if references:
            raise JsonError(references)
    return document


def _read_fast(data: Any) -> Document | None:
    """The document `data` describes, read by the fast reader; None if it fails.

    `data` is a dict, or the pairs of `_decode`'s fast pass.
    """
    if type(data) is tuple:
        version = data[0][1] if data and data[0][0] == "schema_version" else None
    else:
        version = data.get("schema_version") if type(data) is dict else None
    if type(version) is not int or version != SCHEMA_VERSION:
        return None
    try:
        return _fast()[2](data, None)
    except Exception:  # explained by the detailed converter
        return None


def _read_carefully(data: Any) -> Document:
    """The document `data` describes, read by the detailed converter; else every problem."""
    if not isinstance(data, dict):
        raise JsonError([f"$: expected an object, got {_describe(data)}"])
    fields = data.copy()
    if "people" not in fields and "quotes" in fields:
        fields["people"] = _speakers_as_people(fields["quotes"])
    version = fields.pop("schema_version", _MISSING)
    version_ok = type(version) is int and version in _READ_VERSIONS
    problems = []
    unknown: dict[str, str] = {}  # a version 1 code or key the document lacks: path, problem
    if version is _MISSING:
        problems.append("$.schema_version: required key missing")
    elif not version_ok:
        problems.append(
            f"$.schema_version: unsupported schema version {_describe(version)}"
            f" (this library reads {' and '.join(map(str, _READ_VERSIONS))})"
        )
    elif version != SCHEMA_VERSION:
        fields["nrm_phases"] = _phases_named(fields.get("nrm_phases", []), fields, unknown)
    duplicates = getattr(data, "duplicates", ())
    if duplicates:
        if "schema_version" in duplicates:
            problems.append("$.schema_version: duplicate key")
        fields = _Object(fields)
        fields.duplicates = tuple(key for key in duplicates if key != "schema_version")
    try:
        document: Document = _detailed().structure(fields, Document)
    except Exception as exc:
        found = _problems(exc, "$")
        problems.extend(unknown.get(problem.partition(": ")[0], problem) for problem in found)
        raise JsonError(problems) from exc
    problems.extend(_reference_problems(document))
    if problems:
        raise JsonError(problems)
    return document


def _phases_named(phases: Any, fields: Mapping[str, Any], unknown: dict[str, str]) -> Any:
    """Version 1's phases as version 2 writes them: regions and donors as objects.

    Version 1 named them by code and `Donor.key`; each becomes the document's
    region or donor of that code or key, without its mentions. A code or key
    the document does not hold stays, for the converter to refuse where it
    stands, and `unknown` gets the problem to report there instead.
    """
    if not isinstance(phases, list):
        return phases
    regions = {
        region["code"]: region
        for region in _as_list(fields.get("regions"))
        if isinstance(region, dict) and isinstance(region.get("code"), str)
    }
    donors = {
        donor.get("country") or donor.get("name"): donor
        for donor in _as_list(fields.get("donors"))
        if isinstance(donor, dict)
    }
    upgraded = []
    for index, phase in enumerate(phases):
        if isinstance(phase, dict):
            phase = _copied(phase)
            for key, found, noun in (
                ("regions", regions, "code of a region"),
                ("donors", donors, "key of a donor"),
            ):
                named = phase.get(key)
                if not isinstance(named, list):
                    continue
                items = []
                for number, item in enumerate(named):
                    if isinstance(item, str) and item in found:
                        items.append({**found[item], "mentions": []})
                        continue
                    items.append(item)
                    if isinstance(item, str):
                        where = f"$.nrm_phases[{index}].{key}[{number}]"
                        unknown[where] = f"{where}: {_describe(item)} is not the {noun} in $.{key}"
                phase[key] = items
        upgraded.append(phase)
    return upgraded


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _copied(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of a JSON object, which knows its keys given twice as `data` does."""
    copy = _Object(data)
    copy.duplicates = getattr(data, "duplicates", ())
    return copy


def _speakers_as_people(quotes: Any) -> list[dict[str, Any]]:
    """The people of JSON written before `Document.people`: the speakers of its quotes.

    Each name once, with the titles and roles its quotes give it; no mentions.
    Whatever is not a well-formed speaker is skipped here, and reported by the
    converter where it stands.
    """
    people: dict[str, dict[str, Any]] = {}
    for quote in quotes if isinstance(quotes, list) else ():
        speaker = quote.get("speaker") if isinstance(quote, dict) else None
        name = speaker.get("name") if isinstance(speaker, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue
        person = people.setdefault(name, {"name": name, "titles": [], "roles": []})
        for key, field in (("title", "titles"), ("role", "roles")):
            value = speaker.get(key)  # type: ignore[union-attr]
            if isinstance(value, str) and value.strip() and value not in person[field]:
                person[field].append(value)
    return list(people.values())


def _mentioning(
    document: Document,
) -> tuple[tuple[str, tuple[Person | Region | Donor | Programme | NrmPhase, ...]], ...]:
    """The fields of `document` whose items carry mentions, each with its key."""
    return (
        ("people", document.people),
        ("regions", document.regions),
        ("other_places", document.other_places),
        ("donors", document.donors),
        ("programmes", document.programmes),
        ("nrm_phases", document.nrm_phases),
    )


def _reference_problems(document: Document) -> list[str]:
    """Where `document` points at what it does not hold: as problems, with their paths.

    Quotes, figures and mentions name a block of the body (and mentions a span
    of its text); phases name regions and donors of the document (as the
    document has them, without mentions); the dateline stands at the start of
    a block. `parse` never writes a document that breaks these; JSON that does
    describes no page.
    """
    if _references_hold(document):
        return []
    body = document.body
    count = len(body)
    problems = []
    dateline = document.dateline
    if dateline is not None and not any(block.text.startswith(dateline.text) for block in body):
        problems.append(
            f"$.dateline.text: {_describe(dateline.text)} does not start any block of the body"
        )
    placed: tuple[tuple[str, tuple[Quote | Figure, ...]], ...] = (
        ("quotes", document.quotes),
        ("figures", document.figures),
    )
    for name, items in placed:
        for index, item in enumerate(items):
            if item.block >= count:
                problems.append(f"$.{name}[{index}].block: {_no_block(item.block, count)}")
    for name, things in _mentioning(document):
        for index, thing in enumerate(things):
            for number, mention in enumerate(thing.mentions):
                if mention.block >= count:
                    where = f"$.{name}[{index}].mentions[{number}].block"
                    problems.append(f"{where}: {_no_block(mention.block, count)}")
                    continue
                end = mention.start + len(mention.text)
                size = len(body[mention.block].text)
                if end > size:
                    problems.append(
                        f"$.{name}[{index}].mentions[{number}].start: the mention ends at"
                        f" {end}, past the end of block {mention.block} ({size} characters)"
                    )
    if document.nrm_phases:
        names = {region.code: region.name for region in document.regions}
        donors = {(donor.name, donor.country) for donor in document.donors}
        for index, phase in enumerate(document.nrm_phases):
            for number, region in enumerate(phase.regions):
                where = f"$.nrm_phases[{index}].regions[{number}]"
                known = names.get(region.code)
                if known is None:
                    problems.append(
                        f"{where}.code: {region.code!r} is not the code of a region in $.regions"
                    )
                elif known != region.name:
                    problems.append(
                        f"{where}.name: {_describe(region.name)} is not the name of"
                        f" {region.code} in $.regions ({_describe(known)})"
                    )
            for number, donor in enumerate(phase.donors):
                if (donor.name, donor.country) not in donors:
                    problems.append(
                        f"$.nrm_phases[{index}].donors[{number}]: {_describe(donor.name)}"
                        f" ({_describe(donor.country)}) is not a donor in $.donors"
                    )
    return problems


def _references_hold(document: Document) -> bool:
    """Whether every reference of `document` holds (`_reference_problems` finds none), soon."""
    body = document.body
    dateline = document.dateline
    if dateline is not None and not (
        (body and body[0].text.startswith(dateline.text))
        or any(block.text.startswith(dateline.text) for block in body)
    ):
        return False
    sizes = [len(block.text) for block in body]
    count = len(sizes)
    for quote in document.quotes:
        if quote.block >= count:
            return False
    for figure in document.figures:
        if figure.block >= count:
            return False
    for _, things in _mentioning(document):
        for thing in things:
            for mention in thing.mentions:
                block = mention.block
                if block >= count or mention.start + len(mention.text) > sizes[block]:
                    return False
    if document.nrm_phases:
        names = {region.code: region.name for region in document.regions}
        donors = {(donor.name, donor.country) for donor in document.donors}
        for phase in document.nrm_phases:
            for region in phase.regions:
                if names.get(region.code) != region.name:
                    return False
            for donor in phase.donors:
                if (donor.name, donor.country) not in donors:
                    return False
    return True


def _no_block(block: int, count: int) -> str:
    blocks = f"{count} block{'' if count == 1 else 's'}"
    return f"no block {block} in the body, which has {blocks}"


def _has_lone_surrogates(value: Any) -> bool:
    """Whether a string anywhere in `value` (a dict of the JSON form) holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is str:
            if not item.isascii() and _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def to_json(document: Document, *, indent: int | None = None) -> str:
    """The document as JSON text (see `to_dict`), compact unless `indent` is given.

    Non-ASCII characters are written as they are, not escaped.
    """
    if indent is None:
        _, write, _ = _fast()
        return write(document)  # what `_COMPACT.encode(to_dict(document))` gives, sooner
    return json.dumps(to_dict(document), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Document:
    """The document JSON text describes (the inverse of `to_json`).

    Bytes must be UTF-8 (a byte order mark is fine).

    Raises:
        JsonError: The text is not JSON (``$: not valid JSON: ... (line 1, column
            5)``), or does not describe a valid document (see `from_dict`). Keys
            given twice, integers too long to read and lone surrogates
            (an escape ``\ud800`` alone) are problems too, each at its path.
    """
    return _from_text(text, single_line=False)


def _from_text(text: str | bytes, *, single_line: bool) -> Document:
    """The document JSON `text` describes (see `from_json`); `single_line` for positions."""
    data, fast = _decode(text, single_line=single_line)
    if fast:
        document = _read_checked(data)
        if document is not None:
            return document
        data, _ = _decode(text, single_line=single_line, careful=True)
    return _read_carefully(data)


class _Object(dict[str, Any]):
    """A JSON object read by `_decode`'s careful pass: it knows the keys given twice."""

    __slots__ = ("duplicates",)
    duplicates: tuple[str, ...]


class _DuplicateKeyError(ValueError):
    """A JSON object gives a key twice (the fast pass stops there)."""


class _ConstantError(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity``: Python's json reads them, JSON has none."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(name)


def _pairs_dict(pairs: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    """The object whose (key, value) `pairs` the fast pass read (see `_FastReader`)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKeyError
    return result


def _careful_object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object(pairs)
    result.duplicates = ()
    if len(result) != len(pairs):
        seen: set[str] = set()
        twice: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                twice[key] = None
            seen.add(key)
        result.duplicates = tuple(twice)
    return result


def _careful_int(text: str) -> int | _HugeInt:
    limit = sys.get_int_max_str_digits()
    digits = len(text.lstrip("-"))
    return _HugeInt(digits) if limit and digits > limit else int(text)


def _no_constant(name: str) -> Any:
    raise _ConstantError(name)


def _decode(text: str | bytes, *, single_line: bool, careful: bool = False) -> tuple[Any, bool]:
    """The JSON value of `text`, and whether it is the fast pass's, for the fast reader.

    The fast pass keeps each object as the tuple of its (key, value) pairs, for
    the fast reader (see `_FastReader`), and stops at an integer too long for
    `int`. The careful pass (`careful`, or when the fast one stops) makes dicts
    that know the keys given twice (`_Object`) and keeps long integers as
    `_HugeInt`, for the detailed reader to report at their paths. Text that may
    hold a lone surrogate gets the careful pass, and the detailed reader checks
    every string.

    Raises:
        JsonError: `text` is not JSON, or bytes that are not UTF-8.
    """
    try:
        careful = careful or _may_hold_surrogates(text)
        if isinstance(text, bytes | bytearray):
            text = text.decode("utf-8-sig")
        if not careful:
            try:
                value = json.loads(text, object_pairs_hook=tuple, parse_constant=_no_constant)
            except (json.JSONDecodeError, _ConstantError):
                raise
            except ValueError:  # an integer too long for int()
                pass
            else:
                return value, True
        value = json.loads(
            text,
            object_pairs_hook=_careful_object,
            parse_int=_careful_int,
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as exc:
        where = f"column {exc.colno}" if single_line else f"line {exc.lineno}, column {exc.colno}"
        raise _NotJsonError(exc.msg, where, exc.lineno, exc.colno) from None
    except _ConstantError as exc:
        reason = f"{exc.name} is not a JSON value"
        raise _NotJsonError(reason) from None
    except UnicodeDecodeError as exc:
        what = f"not {exc.encoding} text: {exc.reason}"
        raise _NotJsonError(what, f"byte offset {exc.start}") from None
    except RecursionError:
        reason = "nested too deeply"
        raise _NotJsonError(reason) from None
    return value, False


class _NotJsonError(JsonError):
    """Text that is not JSON: why, and where (1-based line and column, when known).

    Its one problem is ``$: not valid JSON: REASON (WHERE)``.
    """

    def __init__(self, reason: str, where: str = "", line: int = 1, column: int = 1) -> None:
        self.reason = reason
        self.line = line
        self.column = column
        super().__init__([f"$: not valid JSON: {reason}" + (f" ({where})" if where else "")])


def _may_hold_surrogates(text: str | bytes) -> bool:
    """Whether JSON `text` may hold a lone surrogate, as itself or as an escape.

    Bytes are UTF-8, which cannot hold a surrogate itself.
    """
    if isinstance(text, str):
        try:
            text = text.encode("utf-8")  # far sooner than a search, and fails on a surrogate
        except UnicodeEncodeError:
            return True
    return _SURROGATE_ESCAPE.search(text) is not None  # sooner than `b"\\u" in text`


def dump_jsonl(documents: Iterable[Document], file: IO[str] | str | os.PathLike[str]) -> int:
    """Write documents as JSON Lines: one compact object a line, each flushed when complete.

    Args:
        documents: Any iterable of documents, written as they come.
        file: A text file open for writing, or a path: the file is written as
            UTF-8 (and replaced if it exists).

    Returns:
        How many documents were written.
    """
    if isinstance(file, str | os.PathLike):
        with open(file, "w", encoding="utf-8", newline="\n") as opened:  # noqa: PTH123
            return dump_jsonl(documents, opened)
    count = 0
    for document in documents:
        file.write(to_json(document) + "\n")
        file.flush()
        count += 1
    return count


def load_jsonl(file: Iterable[str] | str | os.PathLike[str]) -> Iterator[Document]:
    """Read JSON Lines lazily: yield each document as soon as its line is read.

    Memory stays constant however long the file. Blank lines are skipped.

    Args:
        file: A text file open for reading (any iterable of lines will do), or
            a path: the file is read as UTF-8 (a byte order mark is fine), and
            closed when the last document is read.

    Raises:
        JsonError: A line is not a valid document; each problem starts with the
            1-based line number (``line 3: $.kind: ...``).
        OSError: The path cannot be read (when reading starts).
    """
    if isinstance(file, str | os.PathLike):
        return _load_jsonl_path(os.fspath(file))
    return _load_jsonl(file)


def _load_jsonl_path(path: str) -> Iterator[Document]:
    with open(path, encoding="utf-8-sig") as opened:  # noqa: PTH123  # as the caller gave it
        yield from _load_jsonl(opened)


def _load_jsonl(file: Iterable[str]) -> Iterator[Document]:
    for number, line in enumerate(file, start=1):
        if not line.strip():
            continue
        try:
            document = _from_text(line, single_line=True)
        except JsonError as exc:
            raise JsonError([f"line {number}: {problem}" for problem in exc.problems]) from exc
        yield document
