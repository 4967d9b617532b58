"""The README opens with the two set-up commands, and CI runs exactly those two."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _readme_commands() -> list[str]:
    """The commands of the README's first shell block, comments dropped."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.DOTALL)
    assert block is not None, "the README has no shell block"
    return [
        line.strip()
        for line in block.group(1).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def test_the_readme_opens_with_two_commands() -> None:
    main_job, tests = _readme_commands()
    assert "osce-thb parse --samples" in main_job
    assert "python -m pytest" in tests
    for command in (main_job, tests):
        assert command.startswith("python3 -m venv .venv && "), command


def test_ci_runs_the_readme_commands_word_for_word() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines()]
    for command in _readme_commands():
        assert command in lines, f".ci/run does not run the README's command: {command}"
