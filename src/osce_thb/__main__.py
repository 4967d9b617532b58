"""``python -m osce_thb``: the command line (see `osce_thb.cli`)."""

from __future__ import annotations

import sys

from osce_thb.cli import main

if __name__ == "__main__":
    sys.exit(main())
