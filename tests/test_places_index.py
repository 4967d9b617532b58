"""The shipped index of place spellings: up to date, the same as the table it stands for.

The scan for places reads `data/places-index.txt` instead of spelling out every
name of the data on the first parse. These tests keep it honest: the file is
what `scripts/places_index.py` would write today, every spelling reads back to
what the table built from the data says, and an index older than the data is
never used.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from osce_thb import _regions, gazetteer

if TYPE_CHECKING:
    import pytest

ROOT = Path(__file__).parents[1]


def _lookup(index: _regions._Index, form: str) -> object:
    """What `form` stands for in `index`, read as the scan reads it."""
    if not form[0].isupper():
        return index.other_forms[form]
    first = _regions._WORD.match(form)
    assert first is not None
    entry = index.entry(first.group())
    assert entry is not None, form
    return dict(entry)[form]


def test_the_shipped_index_is_up_to_date() -> None:
    """Run `python scripts/places_index.py` after changing the places or the states."""
    shipped = gazetteer._data_text(_regions._INDEX_FILE)
    assert shipped == _regions._index_text(), "run: python scripts/places_index.py"


def test_the_script_checks_the_index() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "places_index.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_spelling_reads_back_as_the_table_has_it() -> None:
    table = _regions._built_table()
    index = _regions._Index(_regions._index_text().removesuffix("\n"))
    assert {form: _lookup(index, form) for form in table} == table


def test_spellings_are_longest_first_under_their_first_word() -> None:
    index = _regions._Index(_regions._index_text().removesuffix("\n"))
    entry = index.entry("Kryvyi")
    assert entry is not None
    forms = [form for form, _ in entry]
    assert "Kryvyi Rih" in forms
    assert forms == sorted(forms, key=len, reverse=True)
    assert index.entry("Qwertyuiop") is None


def test_a_lower_case_spelling_is_found_by_its_hint() -> None:
    text = "Fighting trafficking on the left bank of the Dniester is hard."
    assert "Dniester" in _regions._index().hint_words
    assert [m.code for m in _regions.match_regions(text)] == ["MD-SN"]


def test_a_stale_index_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Data newer than the index: the index is built from the data, and finds the same."""
    text = "Trainers from Kryvyi Rih, Mariupol and Bălți met in Chisinau."
    before = _regions.match_regions(text)
    built: list[str] = []
    real = _regions._index_text

    def index_text() -> str:
        built.append("built")
        return real()

    monkeypatch.setattr(gazetteer, "_places_stamp", lambda: "changed")
    monkeypatch.setattr(_regions, "_index_text", index_text)
    _regions._index.cache_clear()
    try:
        assert _regions.match_regions(text) == before
        assert built == ["built"]
    finally:
        _regions._index.cache_clear()


def test_the_stamp_follows_the_data(monkeypatch: pytest.MonkeyPatch) -> None:
    stamp = gazetteer._places_stamp()
    texts = gazetteer._place_texts()
    monkeypatch.setattr(gazetteer, "_place_texts", lambda: (*texts[:-1], texts[-1] + " "))
    assert gazetteer._places_stamp() != stamp


def test_each_country_file_holds_its_own_regions() -> None:
    """A region's code starts with its country's, and its file is named so.

    A model's check of one code reads the file of the code's country only.
    """
    for text in gazetteer._place_texts():
        data = json.loads(text)
        for item in data["regions"]:
            assert item["code"].partition("-")[0] == data["country"], item["code"]
            entry = gazetteer._country_regions(data["country"])[item["code"]]
            assert entry == gazetteer.regions()[item["code"]]


def test_checking_a_code_reads_one_country() -> None:
    code = (
        "from osce_thb import gazetteer as g\n"
        "assert g.is_region_code('UA-14') and g.region('UA-14').country == 'UA'\n"
        "assert not g.is_region_code('UA-99') and not g.is_region_code('../x')\n"
        "print(g.regions.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "1"  # an unknown code reads them all


def test_a_region_check_reads_one_file() -> None:
    code = (
        "from osce_thb import gazetteer as g\n"
        "assert g.is_region_code('UA-14') and g.region('UA-14').country == 'UA'\n"
        "print(g.regions.cache_info().currsize, g._country_regions.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "1"]


def test_every_lower_case_spelling_is_found_through_its_hint() -> None:
    """A hint (a word of the spelling, or its head) never lets a spelling go unread."""
    index = _regions._index()
    for form in index.other_forms:
        for text in (f"They met in {form} today.", f"({form})", form):
            assert form in [find.surface for find in _regions._finds(text)], (form, text)


def test_capitalised_words_are_those_of_the_plain_pattern() -> None:
    """The scan's pattern (capital first, look-behind after) finds what the obvious one does."""
    plain = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-ÞĀ-žȘȚΑ-ΩЀ-Я]\w*")
    texts = [
        "Ab aB _B 1B  B éB ÉB",
        "Kyiv's KYIV-based (Lviv) «Odesa» x'Yalta Ţara Şerban ŞTEFAN ΑΘΗΝΑ Київ",
        "B",
        "",
        "ÀÀ àÀ _Ā ĀĀ",
    ]
    for text in texts:
        assert [m.span() for m in _regions._CAPITALISED.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_crlf_line_ends_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout that writes CRLF line ends keeps the stamp, and the index is still used."""
    stamp = gazetteer._places_stamp()
    texts = gazetteer._place_texts()
    read = gazetteer._data_text

    def crlf(*parts: str) -> str:
        return read(*parts).replace("\n", "\r\n")

    monkeypatch.setattr(
        gazetteer, "_place_texts", lambda: tuple(t.replace("\n", "\r\n") for t in texts)
    )
    monkeypatch.setattr(gazetteer, "_data_text", crlf)
    assert gazetteer._places_stamp() == stamp

    def not_built() -> str:
        raise AssertionError("the shipped index was not used")

    monkeypatch.setattr(_regions, "_index_text", not_built)
    _regions._index.cache_clear()
    try:
        assert [m.code for m in _regions.match_regions("Trainers from Mariupol")] == ["UA-14"]
    finally:
        _regions._index.cache_clear()
