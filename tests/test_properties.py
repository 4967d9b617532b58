"""Properties of the parser, the renderer and JSON, over generated documents and real pages.

Each property is a plain ``check_*`` function, run by a hypothesis test over its
inputs; `TestThePropertiesCatchBugs` breaks the code on purpose and shows that
each check then fails, so that a property that cannot fail is itself a failure.

The render/parse round trip compares what the raw text carries
(`osce_thb.strategies.carried`: everything but the derived fields and
`Document.unparsed`, and in the bare layout but kind, date, source, fields of
work and related items); idempotence compares everything but
`Document.unparsed`, whose line numbers belong to the input.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, reject, settings
from hypothesis import strategies as st

import osce_thb
from osce_thb import Document, ParseError, _json, _parser, _render
from osce_thb import strategies as ost

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

FIXTURES = Path(__file__).parent / "fixtures"
BENCHMARK = Path(__file__).parent.parent / "benchmarks" / "adversarial.py"
SEEDS = {path.name: path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))}
SEED_LINES = sorted({line for text in SEEDS.values() for line in text.splitlines()})

Layout = Literal["page", "bare"]
LAYOUTS: st.SearchStrategy[Layout] = st.sampled_from(("page", "bare"))


def without_unparsed(document: Document) -> Document:
    """`document` but for its unparsed lines, whose numbers depend on the input's layout."""
    return attrs.evolve(document, unparsed=())


# --------------------------------------------------------------------------- the checks


def check_json(document: Document) -> None:
    """JSON gives back the document, every field of it."""
    assert osce_thb.from_json(osce_thb.to_json(document)) == document
    assert osce_thb.from_json(osce_thb.to_json(document, indent=2)) == document


def check_jsonl(documents: list[Document]) -> None:
    """A JSON Lines stream gives back the documents, in order."""
    stream = io.StringIO()
    assert osce_thb.dump_jsonl(documents, stream) == len(documents)
    assert stream.getvalue().count("\n") == len(documents)
    stream.seek(0)
    assert list(osce_thb.load_jsonl(stream)) == documents


def check_round_trip(document: Document, layout: Layout) -> None:
    """Parsing the rendered text gives back what the text carries."""
    text = osce_thb.render(document, layout)
    assert ost.carried(osce_thb.parse(text)) == ost.carried(document, layout=layout)


def check_idempotent(text: str) -> None:
    """Rendering a parsed page and parsing it again changes nothing but unparsed lines."""
    try:
        first = osce_thb.parse(text)
    except ParseError:
        reject()
    second = osce_thb.parse(osce_thb.render(first))
    # The same definitions, but their order may change: a definition read from a line
    # left unparsed comes back from the tooltip render writes for it, and tooltips come
    # first.
    assert {a.short: a.long for a in second.abbreviations} == {
        a.short: a.long for a in first.abbreviations
    }
    assert without_unparsed(attrs.evolve(second, abbreviations=())) == without_unparsed(
        attrs.evolve(first, abbreviations=())
    )


def check_total(text: str) -> None:
    """`parse` returns a Document or raises ParseError; any other exception fails."""
    try:
        result = osce_thb.parse(text)
    except ParseError as error:
        assert error.message
        return
    assert isinstance(result, Document)


def check_nothing_lost(text: str, expected: list[str]) -> None:
    """Every body line of the input (noise included) is a block, the title, or unparsed."""
    document = osce_thb.parse(text)
    found = {block.text for block in document.body}
    found.update(line.text for line in document.unparsed)
    if document.title is not None:
        found.add(document.title)
    missing = [line for line in expected if line not in found]
    assert not missing, f"lost: {missing}"


# --------------------------------------------------------------------------- inputs


def _article_start(lines: list[str]) -> int:
    """The index after the menu's last item (0 when the menu is gone)."""
    ends = [i for i, line in enumerate(lines) if line == "- About us"]
    return ends[-1] + 1 if ends else 0


def _index(draw: st.DrawFn, lines: list[str]) -> int:
    """A line index, most often in the article rather than the long menu."""
    start = min(_article_start(lines), len(lines) - 1)
    return draw(st.integers(start, len(lines) - 1) | st.integers(0, len(lines) - 1))


def _delete(draw: st.DrawFn, lines: list[str]) -> list[str]:
    at = _index(draw, lines)
    return lines[:at] + lines[at + draw(st.integers(1, 3)) :]


def _duplicate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    line = lines[_index(draw, lines)]
    at = _index(draw, lines)
    return [*lines[:at], line, *lines[at:]]


def _swap(draw: st.DrawFn, lines: list[str]) -> list[str]:
    a, b = _index(draw, lines), _index(draw, lines)
    lines = list(lines)
    lines[a], lines[b] = lines[b], lines[a]
    return lines


def _truncate(draw: st.DrawFn, lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    start = len("\n".join(lines[: _article_start(lines)]))
    cut = draw(st.integers(start, len(text)) | st.integers(0, len(text)))
    return text[:cut].split("\n")


def _cut_line(draw: st.DrawFn, lines: list[str]) -> list[str]:
    at = _index(draw, lines)
    line = lines[at]
    split = draw(st.integers(0, len(line)))
    piece = line[:split] if draw(st.booleans()) else line[split:]
    return [*lines[:at], piece, *lines[at + 1 :]]


def _blank(draw: st.DrawFn, lines: list[str]) -> list[str]:
    at = _index(draw, lines)
    return [*lines[:at], draw(st.sampled_from(("", "  ", "\t"))), *lines[at:]]


_MENU_WORDS = st.sampled_from(("Our work", "What we do", "Newsroom", "Countries", "Regions"))


@st.composite
def _menus(draw: st.DrawFn) -> list[str]:
    """Another navigation menu: headings, each followed by "- item" lines."""
    menu: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        menu.extend(["-", draw(_MENU_WORDS)])
        items = draw(st.lists(_MENU_WORDS, min_size=1, max_size=3))
        menu.extend(f"- {item}" for item in items)
    return menu


def _change_menu(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """The menu removed, replaced by another, or with some of its lines dropped."""
    start = _article_start(lines)
    menu, article = lines[:start], lines[start:]
    choice = draw(st.integers(0, 2))
    if choice == 0:
        return article
    if choice == 1:
        return [*draw(_menus()), *article]
    keep = draw(st.lists(st.booleans(), min_size=len(menu), max_size=len(menu)))
    return [line for line, kept in zip(menu, keep, strict=True) if kept] + article


_MUTATIONS = (_delete, _duplicate, _swap, _truncate, _cut_line, _blank, _change_menu)


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    """A real page with a few lines deleted, duplicated, swapped, cut, or its menu changed."""
    lines = SEEDS[draw(st.sampled_from(sorted(SEEDS)))].split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        lines = draw(st.sampled_from(_MUTATIONS))(draw, lines)
    return "\n".join(lines)


TRICKY_LINES = (
    "-",
    "- ",
    "- Date:",
    "- Date: 31 February 2013",
    "- Source:",
    "- Source: (closed)",
    "(closed)",
    "- Fields of work:",
    "- Fields of work: ,,",
    "Press release",
    "Story",
    "Newsroom",
    "13:31 | 22.09.2014",
    "13:31 | 99.99.9999",
    "Published on: Friday",
    "date 2024-13-45",
    "KYIV 18 November 2002",
    "KYIV, 31 February 2013 – Text.",
    "(OSCE KYIV) - Text.",
    "NGONGO",
    "non-governmental organization activists",
    "The Vorlan Tamber (VT) met.",
    "Discover more stories like this.",
    "OSCE Impact",
    "•",
    "* ",
    "© 2013",
    "Source:",
    "Caption, Tirana, 7 June 2016TIRANA, 7 June 2016 –The training.",
    "Громада – vorlan.",
    "КИЇВ 18 November 2002",
    "\x00",
    "Title with a \x00 inside",
)

_RUNS = st.builds(
    lambda unit, count: unit * count,
    st.sampled_from(("-", "–", "“", '"', "(", "[", "1", "a", "A ", "KYIV, ", "NGO", " ", "\t")),
    st.integers(100, 20_000),
)
_LINES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(SEED_LINES),
    st.sampled_from(TRICKY_LINES),
    _RUNS,
)


@st.composite
def arbitrary_texts(draw: st.DrawFn) -> str:
    """Any text: unicode, control characters, NUL, long lines, CR/CRLF, a BOM, page lines."""
    if draw(st.booleans()):
        return draw(st.text())
    lines = draw(st.lists(_LINES, max_size=30))
    end = draw(st.sampled_from(("\n", "\r\n", "\r")))
    bom = draw(st.sampled_from(("", "\ufeff")))
    return bom + end.join(lines)


_NOISE = (
    "Photo: Zelmar Quill",
    "© Vorlan 2014",
    "Compiled from: “Tamber olvik,” Drenna Weekly, 19 June 2007.",
    "Published in: Drenna Weekly",
    "Source: OSCE",
    "This article has been translated by volunteers.",
    "ZELMAR 3 May 2014",
    "3 May 2014",
)


@st.composite
def noisy_pages(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A generated page with noise between its body lines, and the lines to find again.

    The noise: reposting notes, standalone dates, repeats of earlier body lines,
    blank lines, and lines padded with white space. The lines to find are the
    body blocks' texts and the noise lines, stripped.
    """
    document = draw(ost.documents(with_derived=False))
    head, groups, foot = _render._layout(document, draw(LAYOUTS))
    body: list[str] = []
    expected: list[str] = []
    earlier: list[tuple[str, str]] = []  # single-line blocks so far: (line, block text)
    for block, lines in zip(document.body, groups, strict=True):
        if draw(st.integers(0, 2)) == 0:
            noise = draw(st.sampled_from(_NOISE))
            text = noise
            repeat: bool = draw(st.booleans())
            if earlier and repeat:  # a repeat of an earlier block
                noise, text = draw(st.sampled_from(earlier))
            pad = draw(st.sampled_from(("", " ", "\t")))
            body.extend([pad + noise + pad, draw(st.sampled_from(("", "", " ")))])
            expected.append(text)
        body.extend(lines)
        expected.append(block.text)
        if len(lines) == 1:
            earlier.append((lines[0], block.text))
    return "\n".join([*head, *body, *foot]), expected


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("adversarial", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ADVERSARIAL = _load_benchmark()


# --------------------------------------------------------------------------- the properties


class TestJson:
    @given(ost.documents())
    def test_json_round_trip(self, document: Document) -> None:
        """from_json(to_json(d)) == d for every generated document."""
        check_json(document)

    @given(st.lists(ost.documents(max_blocks=4), max_size=5))
    def test_jsonl_stream_round_trip(self, documents: list[Document]) -> None:
        """A JSON Lines stream of many documents reads back as the same documents."""
        check_jsonl(documents)

    @given(st.from_type(Document))
    def test_from_type_documents_round_trip(self, document: Document) -> None:
        """st.from_type(Document) draws from the registered strategy."""
        check_json(document)


class TestRenderParse:
    @given(ost.documents(), LAYOUTS)
    def test_round_trip(self, document: Document, layout: Layout) -> None:
        """parse(render(d)) gives back what the layout carries, in both layouts."""
        check_round_trip(document, layout)

    @given(ost.documents(with_dateline=True, with_related=True, min_blocks=3))
    def test_round_trip_of_full_pages(self, document: Document) -> None:
        """Pages with a dateline, a footer and several blocks read back whole."""
        check_round_trip(document, "page")

    @given(ost.raw_pages(of=ost.documents(with_derived=False)))
    def test_generated_pages_have_nothing_unparsed_but_footer_headings(self, text: str) -> None:
        """A rendered page leaves nothing unparsed but the footer's heading lines."""
        unparsed = {line.text for line in osce_thb.parse(text).unparsed}
        assert unparsed <= set(_render.FOOTER_HEADINGS)


class TestIdempotence:
    @pytest.mark.parametrize("name", sorted(SEEDS))
    def test_seed_pages(self, name: str) -> None:
        """parse(render(parse(p))) == parse(p) for the real pages, derived fields included."""
        check_idempotent(SEEDS[name])

    @settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
    @given(mutated_pages())
    def test_mutated_pages(self, text: str) -> None:
        """parse(render(parse(p))) == parse(p) for mutated copies of the real pages."""
        check_idempotent(text)

    @given(ost.raw_pages())
    def test_generated_pages(self, text: str) -> None:
        """parse(render(parse(p))) == parse(p) for generated pages, in both layouts."""
        check_idempotent(text)


class TestTotality:
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(arbitrary_texts())
    def test_any_text(self, text: str) -> None:
        """Any str gives a Document or a ParseError, nothing else."""
        check_total(text)

    @given(mutated_pages())
    def test_mutated_pages(self, text: str) -> None:
        """Mutated real pages give a Document or a ParseError, nothing else."""
        check_total(text)

    @pytest.mark.parametrize(
        "text",
        ["", "\x00", "\ufeff", "\r\n", "\ufeff\r\n\x00", "-", "- Date:", "Story", "(closed)"],
    )
    def test_edge_cases(self, text: str) -> None:
        """Tiny and degenerate texts give a Document or a ParseError."""
        check_total(text)


class TestNothingLost:
    @given(noisy_pages())
    def test_every_body_line_is_kept(self, page: tuple[str, list[str]]) -> None:
        """Every body line of a generated page, noise included, is found in the document."""
        check_nothing_lost(*page)


class TestLinearTime:
    """The inputs of benchmarks/adversarial.py parse (they are timed there, not here)."""

    @pytest.mark.parametrize("size", [1_000_000, 4_000_000], ids=["1MB", "4MB"])
    def test_adversarial_inputs_parse(self, size: int) -> None:
        """1 MB and 4 MB of every adversarial pattern in long runs give a Document or ParseError.

        The runs (dashes, quote marks, brackets, dateline-like prefixes, digits,
        menu lines, tooltips...) are some 30,000 characters each in 1 MB: long
        enough that a quadratic step would hang the test.
        """
        text = ADVERSARIAL.mixed(size)
        assert len(text) == size
        check_total(text)


# --------------------------------------------------------------------------- the checks can fail

_QUICK = settings(
    max_examples=200,
    database=None,
    phases=[Phase.generate],
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def _falsified(check: Callable[..., None], *strategies: st.SearchStrategy[Any]) -> BaseException:
    """Run `check` over `strategies` until it fails; the error it failed with."""

    @_QUICK
    @given(st.tuples(*strategies))
    def run(args: tuple[Any, ...]) -> None:
        check(*args)

    with pytest.raises(Exception) as caught:  # each test checks the type
        run()
    return caught.value


class TestThePropertiesCatchBugs:
    """Each property fails when the invariant is broken on purpose."""

    def test_json_catches_a_lost_field(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """JSON that forgets the title fails the JSON round trip."""
        to_dict = _json.to_dict
        monkeypatch.setattr(_json, "to_dict", lambda doc: {**to_dict(doc), "title": None})
        error = _falsified(check_json, ost.documents())
        assert isinstance(error, AssertionError)

    def test_jsonl_catches_a_dropped_document(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A JSON Lines reader that skips the first line fails the stream round trip."""
        load = _json.load_jsonl
        monkeypatch.setattr(osce_thb, "load_jsonl", lambda file: list(load(file))[1:])
        error = _falsified(check_jsonl, st.lists(ost.documents(max_blocks=2), max_size=3))
        assert isinstance(error, AssertionError)

    def test_round_trip_catches_a_renderer_without_bullets(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """List items written without their bullet fail the round trip."""
        monkeypatch.setattr(_render, "_block_line", lambda block: block.text)
        error = _falsified(check_round_trip, ost.documents(), LAYOUTS)
        assert isinstance(error, AssertionError)

    def test_round_trip_catches_a_parser_that_misreads_headings(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A parser that takes every short line for a heading fails the round trip."""
        monkeypatch.setattr(_parser, "_headingish", lambda text: len(text) < 40)
        error = _falsified(check_round_trip, ost.documents(), LAYOUTS)
        assert isinstance(error, AssertionError)

    def test_idempotence_catches_a_renderer_without_tooltips(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without tooltips, the real pages lose their glossary abbreviations on a second pass."""
        monkeypatch.setattr(_render, "_tooltips", lambda document: [])
        error = _falsified(check_idempotent, st.sampled_from(sorted(SEEDS.values())))
        assert isinstance(error, AssertionError)

    def test_idempotence_catches_a_renderer_that_forgets_closed_offices(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A renderer that drops the "(closed)" marker fails idempotence on mutated pages."""
        monkeypatch.setattr(_render, "_source", lambda source: source.name)
        error = _falsified(check_idempotent, mutated_pages())
        assert isinstance(error, AssertionError)

    def test_totality_catches_an_exception_other_than_parse_error(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A parser that lets a KeyError out on some metadata fails totality."""

        def broken(page: Any) -> Any:
            if any(text.startswith("- Source") for text in page.texts):
                raise KeyError("source")
            return metadata(page)

        metadata = _parser._parse_metadata
        monkeypatch.setattr(_parser, "_parse_metadata", broken)
        error = _falsified(check_total, mutated_pages())
        assert isinstance(error, KeyError)

    def test_nothing_lost_catches_a_parser_that_forgets_unparsed_lines(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A parser that drops the lines it does not understand fails 'nothing lost'."""
        monkeypatch.setattr(_parser._Page, "keep", lambda self, *lines: None)
        error = _falsified(check_nothing_lost, *_unpack(noisy_pages()))
        assert isinstance(error, AssertionError)


def _unpack(
    pages: st.SearchStrategy[tuple[str, list[str]]],
) -> tuple[st.SearchStrategy[str], st.SearchStrategy[list[str]]]:
    """Two strategies for the two halves of one drawn pair (drawn once, shared)."""
    shared = st.shared(pages, key="noisy page")
    return shared.map(lambda page: page[0]), shared.map(lambda page: page[1])
