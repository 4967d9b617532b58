"""The package's own namespace: every public name is there, the heavy ones import on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import osce_thb

LAZY_MODULES = (
    "osce_thb._json",
    "osce_thb._json_reader",
    "osce_thb._inputs",
    "osce_thb._render",
    "osce_thb._rollout",
    "osce_thb.export",
)


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_import_leaves_the_writers_unimported() -> None:
    """JSON, rendering, the rollout and the tables are not needed to parse: imported on use."""
    code = f"import sys, osce_thb; print([m for m in {LAZY_MODULES!r} if m in sys.modules])"
    assert _run(code) == "[]"


def test_parse_needs_none_of_them() -> None:
    code = (
        "import sys, osce_thb\n"
        "osce_thb.parse('A title\\nKYIV, 1 May 2020 - Judges from Lviv met today.')\n"
        f"print([m for m in {LAZY_MODULES!r} if m in sys.modules])"
    )
    assert _run(code) == "[]"


@pytest.mark.parametrize("name", osce_thb.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(osce_thb, name) is not None
    assert name in dir(osce_thb)


def test_a_lazy_name_is_the_object_of_its_module() -> None:
    from osce_thb import _json, export

    assert osce_thb.to_json is _json.to_json
    assert osce_thb.rollout_svg is export.rollout_svg
    assert osce_thb.export is export


def test_names_resolve_in_a_fresh_process() -> None:
    code = (
        "import osce_thb\n"
        "from osce_thb import json_schema, RegionTimeline\n"
        "print(osce_thb.export.__name__, osce_thb.schema.json_schema is json_schema,"
        " RegionTimeline.__module__)"
    )
    assert _run(code) == "osce_thb.export True osce_thb._rollout"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = osce_thb.nothing_here  # type: ignore[attr-defined]
