"""The arrows between the package's modules: which may import which (read from the source).

Data flows one way: text → reader → document → extraction → document → writers.
The rules checked here are those of the design, not a picture of today's code:
a new module is placed by the sets below, and a new arrow that breaks a rule fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "osce_thb"

READER = frozenset({"_parser", "_chrome", "_dateline"})
EXTRACTORS = frozenset(
    {"_abbreviations", "_quotes", "_figures", "_regions", "_donors", "_programmes", "_phases"}
)
# The body view and what it builds for every extractor: the people a body names, and the
# grammar of names that the people index and the quotes share.
EXTRACTION = EXTRACTORS | {"_extract", "_body", "_people", "_names"}
# Shared text helpers (the sentence splitter, word alternations, dates, acronyms) sit
# below both the reader and extraction: either may import them, they import neither.
SHARED = frozenset({"_sentences", "_text", "_dates", "_acronyms", "_vocabulary"})
WRITERS = frozenset({"_json", "schema", "_render", "_export", "_chart", "export"})
MODEL_MAY_IMPORT = frozenset({"errors", "gazetteer"})


def _modules() -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports (type-only ones too)."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "osce_thb":
                    imported.update(alias.name for alias in node.names)
                elif node.module.startswith("osce_thb."):
                    imported.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                imported.update(
                    alias.name.split(".")[1]
                    for alias in node.names
                    if alias.name.startswith("osce_thb.")
                )
        found[path.stem] = imported - {path.stem}
    return found


MODULES = _modules()


def _closure(module: str) -> set[str]:
    """Every package module `module` imports, directly or through others."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        for target in MODULES.get(todo.pop(), set()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _arrows(sources: frozenset[str] | set[str], targets: frozenset[str] | set[str]) -> list[str]:
    return sorted(
        f"{source} → {target}"
        for source in sources
        for target in MODULES.get(source, set()) & set(targets)
    )


def test_every_named_module_exists() -> None:
    """The sets name real modules, so that a rename cannot empty a rule silently."""
    named = READER | EXTRACTION | WRITERS | SHARED | {"model", "cli", "_pipeline"}
    assert named <= MODULES.keys()


def test_reader_imports_nothing_of_extraction() -> None:
    """Not directly, nor through another module."""
    reached = {module: _closure(module) & (EXTRACTION | {"_pipeline"}) for module in READER}
    assert reached == {module: set() for module in READER}


def test_shared_helpers_import_neither_reader_nor_extraction() -> None:
    assert _arrows(SHARED, READER | EXTRACTION | {"_pipeline"}) == []


def test_extractors_do_not_import_each_other() -> None:
    assert _arrows(EXTRACTORS, EXTRACTORS | {"_extract"}) == []


def test_model_imports_only_errors_and_gazetteer() -> None:
    assert MODULES["model"] <= MODEL_MAY_IMPORT


def test_writers_import_neither_reader_nor_extraction() -> None:
    """Not directly, nor through another module."""
    banned = READER | EXTRACTION | {"_pipeline"}
    reached = {module: _closure(module) & banned for module in WRITERS}
    assert reached == {module: set() for module in WRITERS}


@pytest.mark.parametrize("module", sorted(set(MODULES) - {"cli", "__main__"}))
def test_nothing_in_the_library_imports_the_cli(module: str) -> None:
    assert "cli" not in MODULES[module]


def test_the_checker_sees_arrows() -> None:
    """The reader does import the model, and the pipeline both halves: the parser sees them."""
    assert "model" in MODULES["_parser"]
    assert {"_parser", "_extract"} <= MODULES["_pipeline"]
