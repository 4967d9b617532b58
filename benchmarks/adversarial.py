"""Time `osce_thb.parse` on adversarial inputs of 1 MB and 4 MB: it must grow linearly.

Each input repeats one troublesome pattern (runs of dashes, quote marks,
brackets, dateline-like prefixes, digits, menu-like lines...) up to the size.
For each, the script prints the time at 1 MB and at 4 MB, their ratio (a
parser linear in its input gives about 4; anything above 5 is flagged) and the
seconds per MB at the larger size (above 2 s/MB is flagged). Run it
with::

    .venv/bin/python benchmarks/adversarial.py [--sizes 1 4] [--repeat 3] [--only NAME]

`tests/test_properties.py` parses the same inputs (without timing them), so
that a parser that hangs on one of them fails the test suite too.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import time
from typing import TYPE_CHECKING

import osce_thb
from osce_thb import ParseError

if TYPE_CHECKING:
    from collections.abc import Callable

MB = 1_000_000

# name → the unit repeated to make the input; a unit may hold several lines. The input
# starts with a title line, but for the menu patterns: a menu must start the page.
PATTERNS: dict[str, str] = {
    "dashes": "-",
    "dash lines": "-\n",
    "menu headings": "-\nA\n",
    "menu with blank lines": "-\nA\n\n\n",
    "blank-separated headings": "A\n\n\n",
    "metadata bullets": "- Date:\n",
    "machine dates": "date 2023-05-09 ",
    "dash words": "- a -- b — c – ",
    "quote marks": "“",
    "straight quotes": '"',
    "quoted speech": "“a,” said ",
    "brackets": "(",
    "bracket pairs": "([",
    "inline abbreviations": "Vorlan Tamber (VT) ",
    "dateline prefixes": "KYIV, ",
    "capital places": "KYIV ",
    "dateline dates": "KYIV, 13 December 2013 ",
    "dateline lines": "KYIV, Ukraine, 13 December 2013 – ",
    "digits": "1",
    "spaced digits": "1 ",
    "figures": "some 4,500 ",
    "years": "2013 to ",
    "dotted dates": "13.12.2013 ",
    "kind labels": "Story\n",
    "related items": "Story\nA title\n13 December 2013\n",
    "tooltips": "NGONGO\n",
    "tooltip words": "NGONGO ",
    "long word": "a",
    "capitalised words": "Aa ",
    "sentences": "A b. ",
    "bullets": "• ",
    "tag-like brackets": "<p a ",
    "region names": "Donetsk Kharkiv ",
    # One paragraph of many sentences for each extractor: work per sentence must not
    # depend on how many sentences (or matches) the paragraph holds.
    "nrm phase sentences": "In 2013 the NRM pilot phase covered Donetsk and Kharkiv regions. ",
    "donor sentences": "The project was funded by Denmark, Norway and the EU. ",
    "quote sentences": "“We act now,” said Ambassador Anna Koval, Head of Office. ",
    "figure sentences": "Some 200 social workers and 4,500 people met. ",
    "programme sentences": "The anti-trafficking programme and the national hotline helped. ",
    "abbreviation sentences": "The National Referral Mechanism (NRM) works. ",
    "place sentences": "Judges from Lviv, Osh and Chisinau met in Sughd region. ",
    "people sentences": "Dr. A. B. Koval, Head of the Unit, spoke. Koval’s team left. ",
    "names and commas": "Anna Koval, ",
    "reported speech": "Anna Koval, a trainer, said it works. “We act now.” She nodded. ",
}


_MAX_SECONDS_PER_MB = 2.0

_AT_THE_TOP = frozenset({"dash lines", "menu headings", "menu with blank lines", "machine dates"})


def adversarial(name: str, size: int) -> str:
    """The input `name` of PATTERNS, `size` characters long (after a short title line)."""
    unit = PATTERNS[name]
    head = "" if name in _AT_THE_TOP else "A title\n"
    body = unit * ((size - len(head)) // len(unit) + 1)
    return head + body[: size - len(head)]


def mixed(size: int) -> str:
    """Every pattern in turn, in runs of equal length (a menu first), `size` characters long.

    Each run is long enough (some 30,000 characters in 1 MB) that a quadratic
    step on any one pattern would show.
    """
    chunk = size // len(PATTERNS)
    names = ["menu headings", *(name for name in PATTERNS if name != "menu headings")]
    text = "\n".join(adversarial(name, chunk) for name in names)
    return text[:size]


def _time(texts: tuple[str, str], repeat: int) -> tuple[float, float]:
    """The best of `repeat` parse times of each text, after a garbage collection each.

    The texts take turns, so that a machine that gets busy slows both alike.
    """
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for which, text in enumerate(texts):
            gc.collect()
            start = time.perf_counter()
            _parse(text)
            best[which] = min(best[which], time.perf_counter() - start)
    return best[0], best[1]


def _parse(text: str) -> None:
    with contextlib.suppress(ParseError):
        osce_thb.parse(text)


def main(argv: list[str] | None = None) -> int:
    """Print the timings; exit with 1 if some input grows faster than about linearly."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", nargs=2, type=float, default=[1, 4], metavar=("SMALL", "LARGE"))
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--only", action="append", help="time only these patterns")
    args = parser.parse_args(argv)
    small, large = (int(size * MB) for size in args.sizes)
    factor = large / small
    limit = factor * 1.25
    _parse("A title\nThe extractors load on the first parse; not in the timings.")
    inputs: dict[str, Callable[[int], str]] = {
        name: functools.partial(adversarial, name) for name in args.only or PATTERNS
    }
    if not args.only:
        inputs["all of them, mixed"] = mixed
    print(
        f"{'input':<26} {small / MB:>6g} MB {large / MB:>6g} MB   ratio (linear: {factor:g})   s/MB"
    )
    slow = []
    for name, make in inputs.items():
        small_time, large_time = _time((make(small), make(large)), args.repeat)
        ratio = large_time / small_time if small_time else float("inf")
        per_mb = large_time / (large / MB)
        flag = "  <-- not linear" if ratio > limit else ""
        flag += "  <-- too slow" if per_mb > _MAX_SECONDS_PER_MB else ""
        print(
            f"{name:<26} {small_time:>8.3f}s {large_time:>8.3f}s   {ratio:5.2f}"
            f"{'':14} {per_mb:6.2f}{flag}"
        )
        if flag:
            slow.append(name)
    if slow:
        print(
            f"\nslower than linear (ratio above {limit:g}) or above"
            f" {_MAX_SECONDS_PER_MB:g} s/MB: {', '.join(slow)}"
        )
        return 1
    print(f"\nevery input within {limit:g}x the time for {factor:g}x the size")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
