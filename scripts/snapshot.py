"""Snapshot the JSON that `parse` writes for a set of pages, and compare two snapshots.

Used to show that a refactoring keeps the output: take a snapshot before, one
after, and compare; every difference is printed as page, JSON key, before and after.

    python scripts/snapshot.py take OUT.jsonl [PAGES...]   # default: ../shared pages
    python scripts/snapshot.py diff BEFORE.jsonl AFTER.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

_DEFAULT = ("../shared/seeds", "../shared/dev/pages")


def _pages(arguments: list[str]) -> list[Path]:
    found: list[Path] = []
    for argument in arguments or _DEFAULT:
        path = Path(argument)
        found.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return found


def take(out: str, arguments: list[str]) -> None:
    """Write one line per page to `out`: the page's path and its document as JSON."""
    import osce_thb

    with Path(out).open("w", encoding="utf-8") as handle:
        for path in _pages(arguments):
            try:
                record = osce_thb.to_dict(osce_thb.parse_file(path))
            except osce_thb.ParseError as error:
                record = {"error": str(error)}
            handle.write(json.dumps({"page": str(path), "doc": record}, ensure_ascii=False) + "\n")


def diff(before: str, after: str) -> int:
    """Print every field that differs between two snapshots; 1 if any does."""

    def load(name: str) -> dict[str, dict[str, object]]:
        with Path(name).open(encoding="utf-8") as handle:
            return {r["page"]: r["doc"] for r in map(json.loads, handle)}

    old, new = load(before), load(after)
    changed = 0
    for page in sorted(old.keys() | new.keys()):
        a, b = old.get(page, {}), new.get(page, {})
        for key in sorted(a.keys() | b.keys()):
            if a.get(key) != b.get(key):
                changed += 1
                print(f"{page}: {key}\n  before: {a.get(key)}\n  after:  {b.get(key)}")
    print(f"{len(old)} pages before, {len(new)} after, {changed} differing fields")
    return 1 if changed else 0


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["help"]
    if command == "take" and rest:
        take(rest[0], rest[1:])
    elif command == "diff" and len(rest) == 2:
        sys.exit(diff(*rest))
    else:
        print(__doc__)
        sys.exit(2)
