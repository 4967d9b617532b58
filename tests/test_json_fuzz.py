"""Hostile JSON, generated: the readers raise `JsonError` or return a document that holds.

Valid documents (from `osce_thb.strategies`) are written as JSON, then the text
is damaged in the ways issue 16 lists: a key given twice, a lone surrogate, an
integer too long to read, a reference moved past the body, ``NaN``, a cut, a
stray byte. `from_json`, `load_jsonl` and `load_documents` must answer each
with a document or a `JsonError` (a record's), never another exception; and a
document they return must write back to UTF-8 JSON that reads back equal.
Bounded by the hypothesis profile (``OSCE_THB_HYPOTHESIS=thorough`` for a long run).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import osce_thb
from osce_thb import Document, JsonError, from_json, load_documents, load_jsonl, to_json
from osce_thb import strategies as ost

_KEY = re.compile(r'"([a-z_]+)":')
_NUMBER = re.compile(r"(?<=:)-?[0-9]+")


@st.composite
def damaged(draw: st.DrawFn) -> str:
    """The JSON of a generated document, damaged one to three times."""
    text = to_json(draw(ost.documents(max_blocks=4)))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                ["duplicate", "surrogate", "huge", "reference", "constant", "cut", "byte", "swap"]
            )
        )
        keys = list(_KEY.finditer(text))
        numbers = list(_NUMBER.finditer(text))
        if kind == "duplicate" and keys:
            key = draw(st.sampled_from(keys))
            text = f"{text[: key.start()]}{key[0]}null,{text[key.start() :]}"
        elif kind == "surrogate":
            where = draw(st.integers(0, len(text)))
            text = (
                text[:where]
                + draw(st.sampled_from(["\\ud800", "\\udfff", "\ud800"]))
                + text[where:]
            )
        elif kind in ("huge", "reference", "constant") and numbers:
            number = draw(st.sampled_from(numbers))
            value = {"huge": "9" * 4400, "reference": "99999", "constant": "NaN"}[kind]
            text = text[: number.start()] + value + text[number.end() :]
        elif kind == "cut":
            text = text[: draw(st.integers(0, len(text)))]
        elif kind == "byte":
            where = draw(st.integers(0, len(text)))
            text = (
                text[:where]
                + draw(st.sampled_from(['"', "{", "]", ",", "\\", "\x00"]))
                + text[where:]
            )
        elif kind == "swap" and len(keys) > 1:
            first, second = draw(st.sampled_from(keys)), draw(st.sampled_from(keys))
            text = text.replace(first[0], second[0], 1)
    return text


def _holds(document: Document) -> None:
    written = to_json(document)
    written.encode("utf-8")  # no lone surrogate got in
    assert from_json(written) == document


@given(damaged())
def test_from_json(text: str) -> None:
    try:
        document = from_json(text)
    except JsonError as error:
        assert error.problems
        assert all(problem.startswith("$") for problem in error.problems)
        assert len(str(error)) < 2000 * len(error.problems)  # quoted values are cut
        return
    _holds(document)


@given(st.lists(damaged(), min_size=1, max_size=4))
def test_json_lines_and_arrays(texts: list[str]) -> None:
    lines = "".join(text.replace("\n", " ") + "\n" for text in texts)
    for record in load_documents(io.BytesIO(lines.encode("utf-8", "surrogatepass")), lines=True):
        if isinstance(record.result, Document):
            _holds(record.result)
        else:
            assert record.result.problems and record.line >= 1 and record.column >= 1
    array = "[" + ",\n".join(texts) + "]"
    for record in load_documents(io.BytesIO(array.encode("utf-8", "surrogatepass")), lines=False):
        if isinstance(record.result, Document):
            _holds(record.result)
    try:
        for document in load_jsonl(io.StringIO(lines)):
            _holds(document)
    except JsonError:
        pass


def test_the_damage_is_found() -> None:
    """Each kind of damage, alone on a valid document, is refused (the fuzz can fail)."""
    sample = sorted((Path(osce_thb.__file__).parent / "samples").glob("*.txt"))[0]
    text = to_json(osce_thb.parse_file(sample))
    for bad in (
        text.replace('"kind":', '"kind":"story","kind":', 1),
        text.replace('"title":"', '"title":"\\ud800', 1),
        re.sub(r'"block":[0-9]+', '"block":99999', text, count=1),
        re.sub(r'"block":[0-9]+', '"block":' + "9" * 4400, text, count=1),
        re.sub(r'"block":[0-9]+', '"block":NaN', text, count=1),
    ):
        try:
            from_json(bad)
        except JsonError:
            continue
        raise AssertionError(bad[:200])
    assert json.loads(text)["schema_version"] == osce_thb.schema.SCHEMA_VERSION
