"""Write the index of place spellings that the package ships (``osce_thb/data/places-index.txt``).

Run it after changing the places or the states (``data/regions/*.json``,
``data/countries.json``); ``tests/test_places_index.py`` fails until you do:

    python scripts/places_index.py          # write the index
    python scripts/places_index.py --check  # exit 1 if it is out of date

The index is what the scan for places reads on the first parse, instead of
spelling out every name of the data (see `osce_thb._regions._Index`). An index
older than the data is never used: the library then builds one from the data,
which is correct but some 70 ms slower on the first parse.
"""

from __future__ import annotations

import sys
from pathlib import Path

from osce_thb import _regions


def main() -> int:
    """Write the index, or with --check say whether it is up to date (exit status 1 if not)."""
    path = Path(_regions.__file__).parent / "data" / _regions._INDEX_FILE
    text = _regions._index_text()
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if "--check" in sys.argv[1:]:
        if current != text:
            print(f"{path} is out of date: run python scripts/places_index.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
