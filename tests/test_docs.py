"""The docs cannot rot: their examples run, and their generated parts cover the library.

Every ```python block of `docs/**/*.md` and `README.md` runs, page by page: the
blocks of one page run in order, in one namespace, in a fresh working folder that
holds the files of `docs/examples/`. Every ```console block runs too: each
``$ osce-thb ...`` line goes through `osce_thb.cli.main`, and the lines after it
must match its output (``...`` matches anything, as in doctest). A test is named
after its page, its block number and its line, so a failure names the place.

Blocks in any other language (```text, ```sh, ```json) are illustrations and do
not run. A page or a block can carry a directive in an HTML comment:

* ``<!-- docs-test: requires MODULE -->`` anywhere on a page: skip the page's
  blocks while MODULE cannot be imported (an API still being built, or an
  optional dependency that is not installed).
* ``<!-- docs-test: xfail REASON -->`` on the line before a block: the block is
  expected to fail (strictly: once it passes, the test fails, so that the
  directive is removed). Later blocks must not depend on an xfail block.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import importlib.util
import io
import re
import shlex
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs
import pytest

import osce_thb
from osce_thb import model
from osce_thb.cli import main

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
RUNNABLE = ("python", "console")

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_DIRECTIVE = re.compile(r"^\s*<!-- docs-test: (?P<verb>[a-z]+)(?: (?P<arg>.*?))? -->\s*$")


class Example(NamedTuple):
    """A runnable fenced block."""

    page: Path
    index: int  # among the page's runnable blocks, from 0
    line: int  # the 1-based line of its first line of code
    language: str
    source: str
    xfail: str | None
    requires: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}-{self.index}-L{self.line}"


def _blocks(page: Path) -> list[Example]:
    """The runnable fenced blocks of a page, in order."""
    lines = page.read_text(encoding="utf-8").splitlines()
    requires = tuple(
        match["arg"]
        for line in lines
        if (match := _DIRECTIVE.match(line)) and match["verb"] == "requires"
    )
    found: list[Example] = []
    xfail = None
    position = 0
    while position < len(lines):
        line = lines[position]
        position += 1
        directive = _DIRECTIVE.match(line)
        if directive and directive["verb"] == "xfail":
            xfail = directive["arg"] or "expected to fail"
            continue
        fence = _FENCE.match(line)
        if not fence:
            if line.strip():
                xfail = None  # a directive applies to the very next block only
            continue
        indent, mark = fence["indent"], fence["fence"]
        language = (fence["info"].split() or [""])[0].strip("{}.")
        start = position
        body: list[str] = []
        while position < len(lines):
            text = lines[position]
            position += 1
            closing = text.strip()
            if closing.startswith(mark) and not closing.strip(mark[0]):
                break
            body.append(text.removeprefix(indent))
        if language in RUNNABLE:
            source = "\n".join(body) + "\n"
            found.append(Example(page, len(found), start + 1, language, source, xfail, requires))
        xfail = None
    return found


EXAMPLES = [example for page in PAGES for example in _blocks(page)]


def _param(example: Example) -> Any:
    marks = []
    if example.xfail:
        marks.append(pytest.mark.xfail(reason=example.xfail, strict=True))
    return pytest.param(example, id=example.name, marks=marks)


# --------------------------------------------------------------------------- running


@attrs.define
class _PageRun:
    """The state of one page's run: its namespace, its folder, how far it got."""

    folder: Path
    namespace: dict[str, Any]
    done: int = 0
    failed: str | None = None


_RUNS: dict[Path, _PageRun] = {}


def _run_python(example: Example, run: _PageRun) -> None:
    # Pad with blank lines so that a traceback gives the line in the Markdown file.
    code = compile("\n" * (example.line - 1) + example.source, str(example.page), "exec")
    exec(code, run.namespace)


def _run_console(example: Example, run: _PageRun) -> None:
    """Run each ``$ osce-thb ...`` line and compare its output with the lines after it."""
    sessions: list[tuple[str, list[str]]] = []
    for line in example.source.splitlines():
        if line.startswith("$ "):
            sessions.append((line[2:].strip(), []))
        elif sessions:
            sessions[-1][1].append(line)
        elif line.strip():
            pytest.fail(f"console block at line {example.line}: output before any command")
    status = 0
    checker = doctest.OutputChecker()
    for command, expected in sessions:
        argv = shlex.split(command)
        if argv == ["echo", "$?"]:
            output = f"{status}\n"
        elif argv[:1] == ["osce-thb"] or argv[:3] == ["python", "-m", "osce_thb"]:
            args = argv[1:] if argv[0] == "osce-thb" else argv[3:]
            buffer = io.StringIO()
            # argparse writes --version and usage errors to sys.stdout and sys.stderr itself
            with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
                status = main(args, stdout=buffer, stderr=buffer)
            output = buffer.getvalue()
        else:
            pytest.fail(f"console block at line {example.line}: cannot run {command!r}")
        want = "".join(f"{line.rstrip()}\n" for line in expected).rstrip("\n")
        got = "".join(f"{line.rstrip()}\n" for line in output.splitlines()).rstrip("\n")
        if not checker.check_output(want + "\n", got + "\n", doctest.ELLIPSIS):
            pytest.fail(f"$ {command}\n--- the docs show:\n{want}\n--- it printed:\n{got}")


def _run(example: Example, run: _PageRun) -> None:
    if example.language == "python":
        _run_python(example, run)
    else:
        _run_console(example, run)


@pytest.mark.parametrize("example", [_param(e) for e in EXAMPLES])
def test_example(
    example: Example, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The block runs, after the blocks before it on its page."""
    for module in example.requires:
        try:
            importlib.import_module(module)
        except ImportError as error:
            pytest.skip(f"{module} cannot be imported: {error}")
    run = _RUNS.get(example.page)
    if run is None:
        folder = tmp_path_factory.mktemp(example.page.stem)
        for file in (DOCS / "examples").glob("*"):
            shutil.copy(file, folder / file.name)
        run = _RUNS[example.page] = _PageRun(folder, {"__name__": "__docs__"})
    monkeypatch.chdir(run.folder)
    monkeypatch.setattr(sys, "argv", ["docs"])
    page_examples = [e for e in EXAMPLES if e.page == example.page]
    for earlier in page_examples[run.done : example.index]:  # when run alone, with -k
        if run.failed is None and not earlier.xfail:
            try:
                _run(earlier, run)
            except BaseException:
                run.failed = earlier.name
        run.done = earlier.index + 1
    if run.failed is not None:
        pytest.skip(f"an earlier block on this page failed: {run.failed}")
    run.done = example.index + 1
    try:
        _run(example, run)
    except BaseException:
        if not example.xfail:
            run.failed = example.name
        raise


def test_examples_were_found() -> None:
    """The collector sees the blocks (a broken fence pattern would silently test nothing)."""
    pages = {example.page.name for example in EXAMPLES}
    assert {"README.md", "tutorial.md", "format.md", "cli.md"} <= pages


# --------------------------------------------------------------------------- generated parts


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    return hooks


HOOKS = _hooks()


def _rendered(name: str) -> str:
    result: str = HOOKS.render_markers((DOCS / name).read_text(encoding="utf-8"))
    return result


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: p.name)
def test_markers_render(page: Path) -> None:
    """Every generated part of every page renders, and no marker is left over."""
    text = _rendered(str(page.relative_to(DOCS)))
    assert "<!-- osce-thb:" not in text


def test_unknown_marker_fails() -> None:
    """A misspelt marker fails the build instead of vanishing."""
    with pytest.raises(ValueError, match="unknown docs marker 'region'"):
        HOOKS.render_markers("<!-- osce-thb: region -->\n")


def _resolve(identifier: str) -> object:
    """What a ``::: a.b.c`` identifier names: the longest importable module, then attributes."""
    parts = identifier.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:]:
            target = getattr(target, part)
        return target
    raise ImportError(identifier)


def test_api_reference_covers_all() -> None:
    """The API page documents every name in `osce_thb.__all__`, each as that very object."""
    identifiers = re.findall(r"^::: ([\w.]+)", _rendered("api.md"), re.MULTILINE)
    documented = {id(_resolve(identifier)) for identifier in identifiers}
    missing = [name for name in osce_thb.__all__ if id(getattr(osce_thb, name)) not in documented]
    assert missing == []
    private = [i for i in identifiers if any(p.startswith("_") for p in i.split(".")[1:-1])]
    assert private == []


def _sections(markdown: str) -> dict[str, str]:
    """The ``### `Name` `` sections of a page, by name."""
    found: dict[str, str] = {}
    for chunk in re.split(r"^### ", markdown, flags=re.MULTILINE)[1:]:
        heading, _, body = chunk.partition("\n")
        found[heading.strip().strip("`")] = body
    return found


def test_model_page_describes_every_field() -> None:
    """The domain model page has a section per model class naming each of its fields."""
    sections = _sections(_rendered("model.md"))
    for name in model.__all__:
        cls = getattr(model, name)
        if not isinstance(cls, type):
            continue
        assert name in sections, f"model.md has no section ### `{name}`"
        if attrs.has(cls):
            for field in attrs.fields(cls):
                assert f"`{field.name}`" in sections[name], f"model.md: {name}.{field.name}"
        else:
            for member in cls:
                assert member.value in sections[name], f"model.md: {name}.{member.name}"


def test_readme_shows_the_tested_example() -> None:
    """The README's Python example is collected (it is the first thing users copy)."""
    assert any(e.page.name == "README.md" and e.language == "python" for e in EXAMPLES)
