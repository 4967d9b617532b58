"""Measure osce_thb against its performance targets and print a table.

Each row is a median over repeated runs. Run from the project root::

    .venv/bin/python benchmarks/run.py                   # everything (100,000-page CLI run)
    .venv/bin/python benchmarks/run.py --pages 20000     # a shorter CLI run
    .venv/bin/python benchmarks/run.py --save base.json  # keep the figures as a baseline
    .venv/bin/python benchmarks/run.py --compare base.json

The figures depend on the machine: compare runs on the same one, with nothing
else busy. The docs' performance page shows the latest figures.
"""

from __future__ import annotations

import argparse
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
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

import osce_thb

SAMPLE = "press-release-donetsk-2013.txt"


class Row(NamedTuple):
    """One measured figure, its target and whether it is met."""

    name: str
    value: float
    unit: str
    target: str
    ok: bool


def _sample(name: str = SAMPLE) -> str:
    return resources.files("osce_thb").joinpath("samples", name).read_text(encoding="utf-8")


def _median_time(func: Callable[[], object], *, number: int, repeat: int) -> float:
    """The median over `repeat` runs of the time of one call, in seconds."""
    func()  # warm up: lazy imports, regex compilation, gazetteer
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        runs.append((time.perf_counter() - start) / number)
    return statistics.median(runs)


def bench_import(repeat: int) -> Row:
    """`python -c "import osce_thb"`, less a bare interpreter, median of `repeat` runs.

    As a user's install has it: the package's bytecode compiled and cached (an
    editable install under PYTHONDONTWRITEBYTECODE would recompile every module
    at every start, which measures the compiler, not the library).
    """
    package = Path(osce_thb.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        return time.perf_counter() - start

    bare = statistics.median(run("pass") for _ in range(repeat))
    full = statistics.median(run("import osce_thb") for _ in range(repeat))
    extra = (full - bare) * 1000
    return Row("import osce_thb (extra over bare python)", extra, "ms", "< 60 ms", extra < 60)


def bench_parse(repeat: int) -> Row:
    text = _sample()
    seconds = _median_time(lambda: osce_thb.parse(text), number=200, repeat=repeat)
    ms = seconds * 1000
    return Row("parse, first sample page, all extraction", ms, "ms", "< 0.5 ms", ms < 0.5)


def bench_json(repeat: int) -> Row:
    document = osce_thb.parse(_sample())

    def round_trip() -> None:
        osce_thb.from_json(osce_thb.to_json(document))

    ms = _median_time(round_trip, number=200, repeat=repeat) * 1000
    return Row("to_json + from_json of that document", ms, "ms", "< 0.2 ms", ms < 0.2)


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
    command += ["-o", str(out), "--no-progress", "--jobs", str(jobs)]
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


def bench_cli(pages: int, jobs: int) -> list[Row]:
    """`osce-thb parse FOLDER --format jsonl` over generated pages: speed and peak memory.

    Once with one job (the rate per core), once with `jobs` worker processes
    (the speed-up, and that the output is the same).
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "pages")
        folder.mkdir()
        _write_pages(folder, pages)
        one_out, many_out = Path(tmp, "one.jsonl"), Path(tmp, "many.jsonl")
        seconds, cpu, peak_mb = _run_cli(folder, one_out, pages, 1)
        rows = [
            Row(
                f"osce-thb parse, {pages:,} pages to JSON Lines",
                pages / cpu,
                "pages/s per core",
                ">= 2,000",
                pages / cpu >= 2000,
            ),
            Row("  wall clock of that run", pages / seconds, "pages/s", "", True),
            Row("  peak memory of that run", peak_mb, "MB", "< 150 MB", peak_mb < 150),
        ]
        if jobs > 1:
            many_seconds, _, many_peak = _run_cli(folder, many_out, pages, jobs)
            if many_out.read_bytes() != one_out.read_bytes():
                msg = f"--jobs {jobs} wrote other records than --jobs 1"
                raise SystemExit(msg)
            speedup = seconds / many_seconds
            rows += [
                Row(f"  --jobs {jobs}: wall clock", pages / many_seconds, "pages/s", "", True),
                Row(f"  --jobs {jobs} over --jobs 1", speedup, "x", ">= 1.8x", speedup >= 1.8),
                Row(
                    f"  --jobs {jobs}: peak memory of a process",
                    many_peak,
                    "MB",
                    "< 150 MB",
                    many_peak < 150,
                ),
            ]
    return rows


def _print(rows: list[Row], baseline: dict[str, float] | None) -> None:
    width = max(len(row.name) for row in rows)
    print(f"{'what':<{width}}  {'median':>12}  {'target':<10}  ok  {'vs baseline':>11}")
    for row in rows:
        change = ""
        if baseline and row.name in baseline and baseline[row.name]:
            change = f"{row.value / baseline[row.name]:>10.2f}x"
        value = f"{row.value:,.3f}" if row.value < 100 else f"{row.value:,.0f}"
        mark = "yes" if row.ok else "NO"
        print(
            f"{row.name:<{width}}  {value:>8} {row.unit:<10} {row.target:<10}  {mark:<3} {change}"
        )
    print(
        f"\nPython {platform.python_version()}, osce_thb {osce_thb.__version__},"
        f" {platform.machine()} with {os.cpu_count()} cores"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per median (default 7)")
    parser.add_argument("--pages", type=int, default=100_000, help="pages for the CLI run")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes for the second CLI run"
    )
    parser.add_argument("--save", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--compare", type=Path, help="a JSON file written by --save")
    args = parser.parse_args()
    rows = [bench_import(args.repeat * 3), bench_parse(args.repeat), bench_json(args.repeat)]
    rows += bench_scaling(args.repeat)
    if args.pages:
        rows += bench_cli(args.pages, args.jobs)
    baseline = json.loads(args.compare.read_text()) if args.compare else None
    _print(rows, baseline)
    if args.save:
        args.save.write_text(json.dumps({row.name: row.value for row in rows}, indent=2))
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
