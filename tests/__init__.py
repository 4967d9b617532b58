"""Tests of osce_thb (a package, so that test modules can share `tests._documents`)."""
