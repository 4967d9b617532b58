"""The one sentence splitter: abbreviations, initials, quotes, numbers (made-up sentences)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from osce_thb._body import Body
from osce_thb._sentences import first_end, last_start, spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One here. Two there.", ["One here.", "Two there."]),
        (
            "It was piloted in Vorsk with Dr. Ilka Marn. It worked.",
            ["It was piloted in Vorsk with Dr. Ilka Marn.", "It worked."],
        ),
        (
            "Amb. Tor Veen opened it. Then St. Olav Street closed.",
            ["Amb. Tor Veen opened it.", "Then St. Olav Street closed."],
        ),
        ("Order No. 5 was signed. Done.", ["Order No. 5 was signed.", "Done."]),
        ("J. R. Talbot spoke. Then A. Brix.", ["J. R. Talbot spoke.", "Then A. Brix."]),
        ("“Act now.” She left.", ["“Act now.”", "She left."]),
        ("He asked why? Nobody knew!", ["He asked why?", "Nobody knew!"]),
        (
            "Costs rose 2.5 per cent. In 2014 they fell.",
            ["Costs rose 2.5 per cent.", "In 2014 they fell."],
        ),
        ("It ended in Baku.The next began.", ["It ended in Baku.", "The next began."]),
        ("Lower case follows. and it goes on.", ["Lower case follows. and it goes on."]),
        ("Goods, e.g. Shoes, were seized. Fine.", ["Goods, e.g. Shoes, were seized.", "Fine."]),
        ("No final stop", ["No final stop"]),
        ("   ", []),
    ],
)
def test_spans(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_first_end_and_last_start() -> None:
    text = "Dr. Ilka Marn came. She spoke. Then left"
    assert text[: first_end(text) or 0] == "Dr. Ilka Marn came"
    assert text[last_start(text) :].strip() == "Then left"
    assert first_end("no end here") is None
    assert last_start("no end here", 3) == 3


@given(st.text(alphabet="aB. !?”“\n1J", max_size=80))
def test_spans_cover_every_character_but_spaces(text: str) -> None:
    found = spans(text)
    covered = "".join(text[start:end] for start, end in found)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    assert all(start < end for start, end in found)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(found))


class TestBody:
    def test_locate_and_sentences(self) -> None:
        body = Body(["First block. Second sentence.", "Other block."])
        assert body.scan == " First block. Second sentence. \xb6 Other block."
        position = body.scan.index("Other")
        assert body.locate(position) == (1, 0)
        assert body.sentences(0) == [(0, 12), (13, 29)]

    def test_lower_keeps_offsets(self) -> None:
        body = Body(["İstanbul Office", "ÀB"])
        assert len(body.lower) == len(body.scan)
        assert body.lower.split(" \xb6 ")[0] == " istanbul office"
