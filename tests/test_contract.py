"""One contract: the JSON Schema and the reader say the same of every document.

The schema is for other languages too, so its regular expressions are run by an
ECMAScript engine (node, as a JSON Schema validator in JavaScript would run
them), not by Python's `re`. Documents good and bad are generated from real and
hand-made ones by seeded random changes; for each, `from_dict` and the schema
must agree, but for what the schema cannot say and the docs list as checked by
the reader alone (`READER_ONLY`).
"""

from __future__ import annotations

import copy
import json
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import osce_thb
from osce_thb import Document, JsonError, from_dict, gazetteer, json_schema, to_dict
from tests._documents import full_json, minimal_document

NODE = shutil.which("node")
SAMPLES = sorted((Path(osce_thb.__file__).parent / "samples").glob("*.txt"))

# The problems only the reader finds: JSON Schema cannot compare two values (a
# phase's years, a place's country and its region's), nor follow a reference
# (docs/json.md says so). A case whose only problems are these
# is valid to the schema.
READER_ONLY = re.compile(
    r"must not be before start|no block \d+ in the body|past the end of block"
    r"|is not the (?:name of \S+|code of a region) in|is not a donor in|does not start any block"
    r"|region \S+ is in '\w+', not|a place without a code needs its country"
    r"|is not one of the document's people|names '.*' twice"
)

PYTHON_SPACE = [chr(c) for c in range(0x110000) if chr(c).isspace()]
ECMASCRIPT_SPACE = list(
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
ODD_TEXT = [*dict.fromkeys(PYTHON_SPACE + ECMASCRIPT_SPACE), "\u200b", "\u180e", "x", "É", "."]
DATES = [
    "2013-12-01",
    "2016-02-29",
    "2015-02-29",
    "2000-02-29",
    "1900-02-29",
    "2400-02-29",
    "0004-02-29",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "2013-13-01",
    "2013-00-10",
    "2013-04-31",
    "2013-04-30",
    "2013-12-00",
    "2013-1-01",
    "20131201",
    "2013-12-01T00:00",
    "2013-12-01\n",
    " 2013-12-01",
]
REGION_CODES = [*sorted(gazetteer.regions())[:5], "UA-99", "UA-1", "ua-14", "XX-14", "UA-14 "]
COUNTRY_CODES = [*sorted(gazetteer.countries())[:5], "XX", "dk", "DNK", "D", "AA"]
NUMBERS = [-1, 0, 1, 3, 1899, 1900, 2013, 2200, 2201, 1.5, True, False]
OTHER_TYPES: list[Any] = [None, "1", 1, 1.5, True, [], {}]


def base_documents() -> list[dict[str, Any]]:
    """The JSON of hand-made documents and of the parsed sample pages."""
    documents = [full_json(), to_dict(minimal_document()), to_dict(Document())]
    documents += [to_dict(osce_thb.parse_file(path)) for path in SAMPLES]
    return documents


def paths(data: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every path below `data`, objects and arrays included."""
    found = []
    items = enumerate(data) if isinstance(data, list) else data.items()
    for key, value in items:
        found.append((*path, key))
        if isinstance(value, list | dict):
            found += paths(value, (*path, key))
    return found


def value_for(path: tuple[str | int, ...], old: Any, rng: random.Random) -> Any:
    """A new value for the one at `path`, of the kind that tests the rule there."""
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    if rng.random() < 0.15:
        return rng.choice(OTHER_TYPES)
    if key in ("published", "date"):
        return rng.choice([*DATES, None])
    if key == "code" or (key == "regions" and isinstance(path[-1], int)):
        return rng.choice(REGION_CODES)
    if key == "country" and path[0] == "donors":
        return rng.choice([*COUNTRY_CODES, None])
    if isinstance(old, bool):
        return not old
    if isinstance(old, int) and key not in ("block", "start"):  # no dangling references
        return rng.choice(NUMBERS)
    if isinstance(old, int):
        return rng.choice([-1, old])
    if isinstance(old, str) or key in ("title", "place", "country", "qualifier"):
        size = rng.randint(1, 3)
        text = "".join(rng.choice(ODD_TEXT) for _ in range(size))
        return text if rng.random() < 0.8 else f"{old}{text}"
    return rng.choice(OTHER_TYPES)


def mutated(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """`data` with one to three random changes: a value replaced, a key dropped or added."""
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(paths(data))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        roll = rng.random()
        if roll < 0.1 and isinstance(parent, dict):
            del parent[path[-1]]
        elif roll < 0.15 and isinstance(parent, dict):
            parent[rng.choice(["extra", "Title", "type"])] = 1
        elif not isinstance(parent[path[-1]], list | dict) or roll < 0.2:
            parent[path[-1]] = value_for(path, parent[path[-1]], rng)
        if not paths(data):
            break
    return data


def cases(count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    bases = base_documents()
    found = list(bases)
    while len(found) < count:
        found.append(mutated(rng.choice(bases), rng))
    return found


def strings(data: Any) -> set[str]:
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set(data).union(*(strings(value) for value in data.values()))
    if isinstance(data, list):
        return set().union(*(strings(value) for value in data))
    return set()


def patterns(schema: Any) -> set[str]:
    if isinstance(schema, dict):
        found = {schema["pattern"]} if isinstance(schema.get("pattern"), str) else set()
        return found.union(*(patterns(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*(patterns(value) for value in schema))
    return set()


def ecmascript_matches(regexes: list[str], texts: list[str]) -> dict[tuple[str, str], bool]:
    """Whether each regex matches each text, as node's RegExp (with the "u" flag) says."""
    script = (
        "const i = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(i.p.map("
        "p => { const r = new RegExp(p, 'u'); return i.t.map(t => r.test(t)); })));"
    )
    assert NODE is not None
    result = subprocess.run(
        [NODE, "-e", script],
        input=json.dumps({"p": regexes, "t": texts}),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=60,
    )
    table = json.loads(result.stdout)
    return {
        (regex, text): found
        for regex, row in zip(regexes, table, strict=True)
        for text, found in zip(texts, row, strict=True)
    }


def ecmascript_validator(documents: list[Any]) -> Any:
    """A draft 2020-12 validator of the schema whose "pattern" is node's, for `documents`."""
    schema = json_schema()
    regexes = sorted(patterns(schema))
    texts = sorted(set().union(*(strings(document) for document in documents)))
    matches = ecmascript_matches(regexes, texts)

    def pattern(validator: Any, regex: str, instance: Any, _schema: Any) -> Any:
        if validator.is_type(instance, "string") and not matches[regex, instance]:
            yield jsonschema.ValidationError(f"{instance!r} does not match {regex!r}")

    validator_class = jsonschema.validators.extend(
        jsonschema.Draft202012Validator, {"pattern": pattern}
    )
    return validator_class(schema)


def reader_verdict(data: Any) -> tuple[bool, list[str]]:
    """Whether the reader accepts `data`, and its problems (none if it does)."""
    try:
        from_dict(data)
    except JsonError as error:
        return False, list(error.problems)
    return True, []


needs_node = pytest.mark.skipif(NODE is None, reason="node (an ECMAScript engine) is missing")


@needs_node
def test_reader_and_schema_agree_on_generated_documents() -> None:
    """Good and bad documents: the reader accepts exactly those the schema accepts."""
    documents = cases(400, seed=20261122)
    validator = ecmascript_validator(documents)
    disagreements = []
    kinds = {"valid": 0, "invalid": 0, "reader only": 0}
    for document in documents:
        if document.get("schema_version") == 1:
            continue  # read and upgraded (docs/json.md); the schema describes version 2
        accepted, problems = reader_verdict(document)
        schema_errors = [error.message for error in validator.iter_errors(document)]
        only_reader = bool(problems) and all(READER_ONLY.search(p) for p in problems)
        expected_schema_valid = accepted or only_reader
        kinds["reader only" if only_reader else "valid" if accepted else "invalid"] += 1
        if expected_schema_valid != (not schema_errors):
            disagreements.append((problems, schema_errors[:3], json.dumps(document)[:300]))
    assert disagreements == []
    assert kinds["valid"] >= 20 and kinds["invalid"] >= 200, kinds  # both kinds, many of each


@needs_node
@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ({"body": [{"type": "paragraph", "text": "\ufeff"}]}, True),
        ({"title": "\x1c"}, False),
        ({"title": "\x85\u3000"}, False),
        ({"title": "\u200b"}, True),
        ({"regions": [{"code": "UA-99", "name": "Nowhere"}]}, False),
        ({"regions": [{"code": "UA-14", "name": "Donetsk Oblast"}]}, True),
        ({"kind": "story"}, True),
        ({"published": "2016-02-29"}, True),
        ({"published": "2015-02-29"}, False),
        ({"published": "2013-12-01\n"}, False),
    ],
    ids=[
        "bom-paragraph",
        "file-separator",
        "next-line",
        "zero-width-space",
        "unknown-region",
        "known-region",
        "keys-left-out",
        "leap-day",
        "no-leap-day",
        "trailing-newline",
    ],
)
def test_the_issue_cases(change: dict[str, Any], valid: bool) -> None:
    """The cases that disagreed once: U+FEFF, Python-only white space, UA-99, left-out keys."""
    document = {"schema_version": 2, **change}
    validator = ecmascript_validator([document])
    assert reader_verdict(document)[0] is valid
    assert (not list(validator.iter_errors(document))) is valid


def test_not_blank_means_what_strip_means() -> None:
    """The schema's "not blank" class leaves out exactly the characters `str.strip` removes."""
    pattern = json_schema()["$defs"]["Paragraph"]["properties"]["text"]["pattern"]
    assert "\\s" not in pattern.lower()  # \s and \S differ between Python and ECMAScript
    regex = re.compile(pattern)
    blank = [chr(c) for c in range(0x110000) if not regex.search(chr(c))]
    assert blank == PYTHON_SPACE


def test_dates_mean_what_the_reader_means() -> None:
    """The date pattern accepts exactly the dates the reader reads, 0001 to 9999."""
    import datetime as dt

    regex = re.compile(json_schema()["properties"]["published"]["pattern"].rstrip("$") + r"\Z")
    start = dt.date(1, 1, 1).toordinal()
    for ordinal in range(start, dt.date(9999, 12, 31).toordinal() + 1, 97):
        assert regex.match(dt.date.fromordinal(ordinal).isoformat())
    for year in range(1, 10_000):
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        assert bool(regex.match(f"{year:04d}-02-29")) is leap, year
    for bad in ("0000-01-01", "2013-02-30", "2013-06-31", "2013-00-01", "2013-01-32"):
        assert not regex.match(bad)
