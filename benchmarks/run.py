"""Measure osce_thb against its performance targets and print a table.

Each row is a median over repeated runs. Run from the project root::

    .venv/bin/python benchmarks/run.py                   # everything (100,000-page CLI run)
    .venv/bin/python benchmarks/run.py --pages 20000     # a shorter CLI run (0: none)
    .venv/bin/python benchmarks/run.py --save base.json  # keep the figures as a baseline
    .venv/bin/python benchmarks/run.py --compare base.json
    .venv-peer/bin/python benchmarks/run.py --peer       # and spaCy on the same pages

The median `parse` over real pages reads the pages in `../shared/dev/pages`
(beside the clone; `--dev-pages DIR` for another folder) and is left out, with
a note, where there is no such folder. `--peer` times spaCy's `en_core_web_sm`
on the same pages in the same run; it needs the optional extra `peer`, best
in a virtual environment of its own (the script says how when it is missing).

The figures depend on the machine: compare runs on the same one. Times are the
CPU time of the measuring process (of the child, for the rows that start one),
which a busy machine inflates far less than the wall clock; `--clock wall`
times by the wall clock, for a machine with nothing else busy. The load average
is printed. The docs' performance page shows the latest figures.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

import peer

import osce_thb

SAMPLE = "press-release-donetsk-2013.txt"
ROOT = Path(__file__).resolve().parent.parent
DEV_PAGES = ROOT.parent / "shared" / "dev" / "pages"
FORMAT = 2  # of the files --save writes: 1 was a flat {row name: value}

CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}
_clock: Callable[[], float] = time.perf_counter
_clock_name = "perf_counter"

# A fresh process: import osce_thb, then time the first parse (lazy loads included).
# Arguments: the clock's name in `time`, the page's path.
_FIRST_PARSE = (
    "import sys, time\n"
    "clock = getattr(time, sys.argv[1])\n"
    "text = open(sys.argv[2], encoding='utf-8').read()\n"
    "import osce_thb\n"
    "start = clock()\n"
    "osce_thb.parse(text)\n"
    "print(clock() - start)\n"
)


class Row(NamedTuple):
    """One measured figure, its target and whether it is met."""

    key: str
    name: str
    value: float
    unit: str
    target: str
    ok: bool


class PeerRow(NamedTuple):
    """One task timed for osce_thb and for spaCy, in milliseconds."""

    key: str
    what: str
    ours: float | None
    theirs: float


def _sample_path(name: str = SAMPLE) -> Path:
    return Path(str(resources.files("osce_thb").joinpath("samples", name)))


def _sample(name: str = SAMPLE) -> str:
    return _sample_path(name).read_text(encoding="utf-8")


def _median_time(
    func: Callable[[], object], *, number: int, repeat: int, warm: bool = True
) -> float:
    """The median over `repeat` runs of the time of one call, in seconds."""
    if warm:
        func()  # warm up: lazy imports, regex compilation, gazetteer
    runs = []
    for _ in range(repeat):
        start = _clock()
        for _ in range(number):
            func()
        runs.append((_clock() - start) / number)
    return statistics.median(runs)


def _per_page_median(
    func: Callable[[str], object], texts: list[str], *, number: int, repeat: int
) -> float:
    """The median over pages of each page's median time, in seconds (one warm-up in all)."""
    func(texts[0])
    return statistics.median(
        _median_time(lambda: func(text), number=number, repeat=repeat, warm=False)  # noqa: B023
        for text in texts
    )


def _child_env() -> dict[str, str]:
    """The environment of timed child processes: bytecode cached, as an installed package has it.

    An editable install under PYTHONDONTWRITEBYTECODE would recompile every
    module at every start, which measures the compiler, not the library.
    """
    package = Path(osce_thb.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _run_child(arguments: list[str], env: dict[str, str]) -> float:
    """Seconds that one child process takes, start to end, on the chosen clock."""
    if _clock_name == "process_time":
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, *arguments], check=True, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    start = time.perf_counter()
    subprocess.run([sys.executable, *arguments], check=True, env=env)
    return time.perf_counter() - start


def _extra_over_bare(code: str, repeat: int, env: dict[str, str]) -> float:
    """Milliseconds that `python -c code` takes over `python -c pass`, medians of `repeat` runs."""
    bare = statistics.median(_run_child(["-c", "pass"], env) for _ in range(repeat))
    full = statistics.median(_run_child(["-c", code], env) for _ in range(repeat))
    return (full - bare) * 1000


def _reported_by_child(arguments: list[str], repeat: int, env: dict[str, str]) -> float:
    """Milliseconds that a fresh process prints it took, median of `repeat` processes."""
    runs = []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, *arguments], check=True, env=env, capture_output=True, text=True
        )
        runs.append(float(result.stdout.split()[-1]))
    return statistics.median(runs) * 1000


def bench_import(repeat: int, env: dict[str, str]) -> Row:
    """`python -c "import osce_thb"`, less a bare interpreter, medians of `repeat` runs."""
    extra = _extra_over_bare("import osce_thb", repeat, env)
    return Row(
        "import",
        "import osce_thb (extra over bare python)",
        extra,
        "ms",
        "<= 50 ms",
        extra <= 50,
    )


def bench_first_parse(repeat: int, env: dict[str, str]) -> Row:
    """The first `parse` of the sample page in a fresh process, after the import."""
    code = ["-c", _FIRST_PARSE, _clock_name, str(_sample_path())]
    ms = _reported_by_child(code, repeat, env)
    return Row(
        "first_parse",
        "first parse in a fresh process (lazy loads)",
        ms,
        "ms",
        "<= 40 ms",
        ms <= 40,
    )


def bench_parse(repeat: int) -> Row:
    text = _sample()
    ms = _median_time(lambda: osce_thb.parse(text), number=200, repeat=repeat) * 1000
    return Row(
        "parse",
        "parse, first sample page, all extraction",
        ms,
        "ms",
        "<= 0.5 ms",
        ms <= 0.5,
    )


def bench_dev_pages(texts: list[str], repeat: int) -> Row:
    ms = _per_page_median(osce_thb.parse, texts, number=10, repeat=repeat) * 1000
    return Row(
        "parse_dev",
        "parse, median over the real dev pages",
        ms,
        "ms",
        "<= 0.2 ms",
        ms <= 0.2,
    )


def bench_read(repeat: int) -> Row:
    text = _sample()
    ms = _median_time(lambda: osce_thb.read(text), number=200, repeat=repeat) * 1000
    return Row(
        "read",
        "read alone, first sample page",
        ms,
        "ms",
        "<= 0.08 ms",
        ms <= 0.08,
    )


def bench_json(repeat: int) -> Row:
    document = osce_thb.parse(_sample())

    def round_trip() -> None:
        osce_thb.from_json(osce_thb.to_json(document))

    ms = _median_time(round_trip, number=200, repeat=repeat) * 1000
    return Row(
        "json",
        "to_json + from_json of that document",
        ms,
        "ms",
        "<= 0.2 ms",
        ms <= 0.2,
    )


def _longer(factor: int) -> str:
    """The sample page with its body repeated `factor` times, each copy distinct.

    Copies must differ: the parser drops a paragraph that repeats an earlier one.
    """
    text = _sample()
    head, _, body = text.partition("\nDONETSK")
    body = "DONETSK" + body
    copies = [re.sub(r"(?m)$", f" Copy {k}.", body) if k else body for k in range(factor)]
    return head + "\n" + "\n".join(copies)


def bench_scaling(repeat: int) -> list[Row]:
    base = _longer(1)
    one = _median_time(lambda: osce_thb.parse(base), number=50, repeat=repeat)
    rows = []
    for factor, limit in ((10, 11.0), (100, 110.0)):
        text = _longer(factor)
        seconds = _median_time(lambda: osce_thb.parse(text), number=1, repeat=repeat)  # noqa: B023
        ratio = seconds / one
        rows.append(
            Row(
                f"scaling_{factor}",
                f"parse of a {factor}x longer page: time ratio",
                ratio,
                "x",
                f"<= {limit:g}x",
                ratio <= limit,
            )
        )
    return rows


def _write_pages(folder: Path, count: int) -> None:
    """`count` distinct pages made from the two samples, varied so none repeats."""
    samples = [_sample(), _sample("story-prevention-hotlines.txt")]
    for number in range(count):
        text = samples[number % 2].replace(
            "human trafficking", f"human trafficking (case {number})", 1
        )
        (folder / f"page-{number:06d}.txt").write_text(text, encoding="utf-8")


def _run_cli(folder: Path, out: Path, pages: int, jobs: int) -> tuple[float, float, float]:
    """One `osce-thb parse FOLDER --jobs N` run: wall seconds, CPU seconds, peak MB."""
    command = [sys.executable, "-m", "osce_thb", "parse", str(folder), "--format", "jsonl"]
    command += ["-o", str(out), "--no-progress", "--quiet", "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    with out.open(encoding="utf-8") as handle:
        written = sum(1 for _ in handle)
    if written != pages:
        msg = f"the CLI wrote {written} records for {pages} pages"
        raise SystemExit(msg)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, after.ru_maxrss / 1024  # kilobytes on Linux


# How many cores' worth of pure-Python work N processes get now (N when the
# machine is idle): a speed-up of `--jobs N` can be no better, measured beside it.
# In a process of its own, so that its workers do not count in the CLI runs'
# peak memory (the peak of any child). Arguments: N, the loop's length.
_CAPACITY = """
import multiprocessing, sys, time
def spin(count):
    total = 0
    for number in range(count):
        total += number
    return total
if __name__ == "__main__":
    jobs, count = int(sys.argv[1]), int(sys.argv[2])
    start = time.perf_counter()
    spin(count)
    one = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        start = time.perf_counter()
        pool.map(spin, [count] * jobs)
        many = time.perf_counter() - start
    print(jobs * one / many)
"""


def _parallel_capacity(jobs: int, count: int = 5_000_000) -> float:
    """How many cores' worth of work `jobs` processes get now: `jobs` on an idle machine."""
    done = subprocess.run(
        [sys.executable, "-c", _CAPACITY, str(jobs), str(count)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(done.stdout)


def bench_cli(pages: int, jobs: int, pairs: int = 3) -> list[Row]:
    """`osce-thb parse FOLDER --format jsonl` over generated pages: speed and peak memory.

    With one job (the rate per core), and with `jobs` worker processes (the
    speed-up over one, and that the output is the same, byte for byte): `pairs`
    pairs of runs, in alternating order, each after a measure of how much
    parallel work the machine allows at that moment (`_parallel_capacity`); the
    speed-up is the median of the pairs'.
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "pages")
        folder.mkdir()
        _write_pages(folder, pages)
        one_out, many_out = Path(tmp, "one.jsonl"), Path(tmp, "many.jsonl")
        ones, manys, capacities = [], [], []
        for pair in range(pairs if jobs > 1 else 1):
            if jobs > 1:
                capacities.append(_parallel_capacity(jobs))
            for run_jobs in (1, jobs) if pair % 2 == 0 else (jobs, 1):
                if run_jobs == 1:
                    ones.append(_run_cli(folder, one_out, pages, 1))
                elif jobs > 1:
                    manys.append(_run_cli(folder, many_out, pages, jobs))
            if jobs > 1 and many_out.read_bytes() != one_out.read_bytes():
                msg = f"--jobs {jobs} wrote other records than --jobs 1"
                raise SystemExit(msg)
        seconds = statistics.median(run[0] for run in ones)
        cpu = statistics.median(run[1] for run in ones)
        peak_mb = max(run[2] for run in ones)
        per_core = pages / cpu
        rows = [
            Row(
                "cli_per_core",
                f"osce-thb parse, {pages:,} pages to JSON Lines",
                per_core,
                "pages/s per core",
                ">= 2,000",
                per_core >= 2000,
            ),
            Row("cli_wall", "  wall clock of that run", pages / seconds, "pages/s", "", True),
            Row(
                "cli_peak_mb",
                "  peak memory of that run",
                peak_mb,
                "MB",
                "< 150 MB",
                peak_mb < 150,
            ),
        ]
        if jobs > 1:
            many_seconds = statistics.median(run[0] for run in manys)
            many_cpu = statistics.median(run[1] for run in manys)
            many_peak = max(run[2] for run in manys)
            speedup = statistics.median(
                one[0] / many[0] for one, many in zip(ones, manys, strict=True)
            )
            capacity = statistics.median(capacities)
            rows += [
                Row(
                    "cli_jobs_capacity",
                    f"  parallel work the machine allowed {jobs} processes (of {jobs}),"
                    f" median of {pairs}",
                    capacity,
                    "x",
                    "",
                    True,
                ),
                Row(
                    "cli_jobs_wall",
                    f"  --jobs {jobs}: wall clock",
                    pages / many_seconds,
                    "pages/s",
                    "",
                    True,
                ),
                Row(
                    "cli_jobs_speedup",
                    f"  --jobs {jobs} over --jobs 1, wall clock, median of {pairs} pairs",
                    speedup,
                    "x",
                    ">= 1.8x",
                    speedup >= 1.8,
                ),
                Row(
                    "cli_jobs_cpu",
                    f"  --jobs {jobs}: CPU time over --jobs 1 (the cost of the workers)",
                    many_cpu / cpu,
                    "x",
                    "",
                    True,
                ),
                Row(
                    "cli_jobs_peak_mb",
                    f"  --jobs {jobs}: peak memory of a process",
                    many_peak,
                    "MB",
                    "< 150 MB",
                    many_peak < 150,
                ),
            ]
    return rows


def _dev_texts(folder: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]


def bench_peer(
    model: str, ours: dict[str, float], texts: list[str], peer_repeat: int, env: dict[str, str]
) -> list[PeerRow]:
    """Time spaCy on the same tasks; `ours` holds osce_thb's figures of this run by key."""
    nlp = peer.load(model)
    trimmed = peer.load(model, trimmed=True)
    text = _sample()

    def ms(func: Callable[[], object], number: int = 1) -> float:
        return _median_time(func, number=number, repeat=peer_repeat) * 1000

    rows = [PeerRow("parse", "one page (first sample)", ours.get("parse"), ms(lambda: nlp(text)))]
    if texts:
        rows += [
            PeerRow(
                "parse_dev",
                "one page, median over the dev pages",
                ours.get("parse_dev"),
                _per_page_median(nlp, texts, number=1, repeat=peer_repeat) * 1000,
            ),
            PeerRow(
                "speakers_dev",
                "speakers of a page, median over the dev pages",
                ours.get("parse_dev"),
                _per_page_median(
                    lambda page: peer.speakers(nlp, page), texts, number=1, repeat=peer_repeat
                )
                * 1000,
            ),
            PeerRow(
                "speakers_trimmed_dev",
                "  the same, spaCy trimmed to senter + ner",
                ours.get("parse_dev"),
                _per_page_median(
                    lambda page: peer.speakers(trimmed, page), texts, number=1, repeat=peer_repeat
                )
                * 1000,
            ),
        ]
    rows.append(
        PeerRow(
            "read",
            "cheapest step: read / spaCy's tokenizer",
            ours.get("read"),
            ms(lambda: nlp.make_doc(text), number=20),
        )
    )
    code = ["-c", peer.child_code(), _clock_name, str(_sample_path()), model]
    rows.append(
        PeerRow(
            "first_parse",
            "first page in a fresh process (after loading)",
            ours.get("first_parse"),
            _reported_by_child(code, max(3, peer_repeat), env),
        )
    )
    load = f"import spacy; spacy.load({model!r})"
    rows.append(
        PeerRow(
            "import",
            "import (spaCy: and load the model)",
            ours.get("import"),
            _extra_over_bare(load, max(3, peer_repeat), env),
        )
    )
    document = nlp(text)
    rows.append(
        PeerRow(
            "json",
            "store and reload one page's analysis",
            ours.get("json"),
            ms(lambda: peer.round_trip(nlp, document), number=20),
        )
    )
    return rows


def speaker_scores(model: str, gold: Path) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 of speaker names against the dev gold, summed over pages."""
    nlp = peer.load(model)
    trimmed = peer.load(model, trimmed=True)
    finders: dict[str, Callable[[str], set[str]]] = {
        "osce_thb": lambda text: {quote.speaker.name for quote in osce_thb.parse(text).quotes},
        "spaCy": lambda text: peer.speakers(nlp, text),
        "spaCy trimmed": lambda text: peer.speakers(trimmed, text),
    }
    counts = dict.fromkeys(finders, (0, 0, 0))
    for path in sorted(gold.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if "speakers" not in record:
            continue
        text = (gold.parent / record["file"]).read_text(encoding="utf-8")
        want = peer.names(record["speakers"])
        for label, find in finders.items():
            got = peer.names(find(text))
            hit, found, expected = counts[label]
            counts[label] = (hit + len(got & want), found + len(got), expected + len(want))
    scores = {}
    for label, (hit, found, expected) in counts.items():
        precision = hit / found if found else 0.0
        recall = hit / expected if expected else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = (precision, recall, f1)
    return scores


def _figure(value: float) -> str:
    return f"{value:,.3f}" if value < 100 else f"{value:,.0f}"


def _ratio(value: float) -> str:
    return f"{value:,.0f}x" if value >= 10 else f"{value:.1f}x"


def _print(rows: list[Row], baseline: dict[str, float] | None) -> None:
    width = max(len(row.name) for row in rows)
    print(f"{'what':<{width}}  {'median':>12}  {'target':<10}  ok  {'vs baseline':>11}")
    for row in rows:
        change = ""
        if baseline and baseline.get(row.key):
            change = f"{row.value / baseline[row.key]:>10.2f}x"
        mark = "yes" if row.ok else "NO"
        print(
            f"{row.name:<{width}}  {_figure(row.value):>8} {row.unit:<10} {row.target:<10}"
            f"  {mark:<3} {change}"
        )


def _print_peer(rows: list[PeerRow], label: str) -> None:
    width = max(len(row.what) for row in rows)
    print(f"\nThe peer, {label} (milliseconds, medians)")
    print(f"{'what':<{width}}  {'osce_thb':>9}  {'spaCy':>9}  {'ratio':>8}")
    for row in rows:
        ours = "--" if row.ours is None else _figure(row.ours)
        ratio = "--" if not row.ours else _ratio(row.theirs / row.ours)
        print(f"{row.what:<{width}}  {ours:>9}  {_figure(row.theirs):>9}  {ratio:>8}")


def _baseline(path: Path) -> dict[str, float]:
    """A saved baseline's figures by key; reads both formats --save has written."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") == FORMAT:
        return dict(data["figures"])
    names = {  # format 1: the rows' names as they were then
        "import osce_thb (extra over bare python)": "import",
        "parse, first sample page, all extraction": "parse",
        "to_json + from_json of that document": "json",
        "parse of a 10x longer page: time ratio": "scaling_10",
        "parse of a 100x longer page: time ratio": "scaling_100",
        "  wall clock of that run": "cli_wall",
        "  peak memory of that run": "cli_peak_mb",
    }
    figures = {names[name]: value for name, value in data.items() if name in names}
    figures.update(
        ("cli_per_core", value) for name, value in data.items() if name.startswith("osce-thb parse")
    )
    return figures


def main() -> int:
    global _clock, _clock_name
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per median (default 7)")
    parser.add_argument("--pages", type=int, default=100_000, help="pages for the CLI run")
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="processes for the second CLI run (default: the cores; 1: no second run)",
    )
    parser.add_argument(
        "--cli-pairs",
        type=int,
        default=3,
        help="pairs of --jobs 1 and --jobs N CLI runs, alternating (default 3)",
    )
    parser.add_argument("--dev-pages", type=Path, default=DEV_PAGES, help="real pages (*.txt)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu", help="default: cpu")
    parser.add_argument("--peer", action="store_true", help="time spaCy on the same pages")
    parser.add_argument("--peer-repeat", type=int, default=3, help="runs per spaCy median")
    parser.add_argument("--save", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--compare", type=Path, help="a JSON file written by --save")
    args = parser.parse_args()
    _clock = CLOCKS[args.clock]
    _clock_name = _clock.__name__
    model = peer.model_name() if args.peer else None
    if args.peer and model is None:
        print(peer.INSTALL, file=sys.stderr)
        return 2
    load_before = os.getloadavg()
    started = datetime.datetime.now(datetime.UTC)
    env = _child_env()
    notes = []

    rows = [bench_parse(args.repeat)]
    texts = _dev_texts(args.dev_pages) if args.dev_pages.is_dir() else []
    if texts:
        rows.append(bench_dev_pages(texts, args.repeat))
        sizes = sorted(len(text.encode()) for text in texts)
        notes.append(
            f"dev pages: {len(texts)} in {args.dev_pages},"
            f" {statistics.median(sizes):,.0f} bytes median ({sizes[0]:,}-{sizes[-1]:,})"
        )
    else:
        notes.append(
            f"parse over real pages: skipped, no pages in {args.dev_pages}"
            " (it needs ../shared beside the clone, or --dev-pages DIR)"
        )
    rows += [
        bench_read(args.repeat),
        bench_first_parse(args.repeat, env),
        bench_import(args.repeat * 3, env),
        bench_json(args.repeat),
    ]
    rows += bench_scaling(args.repeat)
    if args.pages:
        rows += bench_cli(args.pages, args.jobs, max(args.cli_pairs, 1))
    ours = {row.key: row.value for row in rows}

    peer_rows: list[PeerRow] = []
    scores: dict[str, tuple[float, float, float]] = {}
    if model is not None:
        peer_rows = bench_peer(model, ours, texts, args.peer_repeat, env)
        gold = args.dev_pages.parent / "gold"
        if gold.is_dir():
            scores = speaker_scores(model, gold)
    load_after = os.getloadavg()

    baseline = _baseline(args.compare) if args.compare else None
    if args.compare:
        clock = json.loads(args.compare.read_text(encoding="utf-8")).get("clock", "wall")
        if clock != args.clock:
            notes.append(f"the baseline was measured with the {clock} clock, this run the other")
    _print(rows, baseline)
    if model is not None:
        _print_peer(peer_rows, peer.describe(model))
        for label, (precision, recall, f1) in scores.items():
            print(
                f"  speakers against the dev gold, {label}: P {precision:.2f} R {recall:.2f}"
                f" F1 {f1:.2f}"
            )
    machine = (
        f"Python {platform.python_version()}, osce_thb {osce_thb.__version__},"
        f" {platform.machine()} with {os.cpu_count()} cores"
    )
    load = f"load average {load_before[0]:.2f} at the start, {load_after[0]:.2f} at the end"
    print(f"\n{machine}; {args.clock} clock; {load}")
    for note in notes:
        print(note)
    if args.save:
        saved: dict[str, Any] = {
            "format": FORMAT,
            "measured": started.isoformat(timespec="seconds"),
            "machine": machine,
            "clock": args.clock,
            "load": [round(load_before[0], 2), round(load_after[0], 2)],
            "figures": ours,
        }
        if model is not None:
            saved["peer"] = {
                "model": peer.describe(model),
                "figures": {row.key: row.theirs for row in peer_rows},
                "speakers": {label: list(score) for label, score in scores.items()},
            }
        args.save.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
