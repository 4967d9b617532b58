"""Shared test set-up: hypothesis profiles and fixtures."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# "ci" keeps the whole suite quick on CI's two cores; "thorough" is for a long local run:
#   OSCE_THB_HYPOTHESIS=thorough pytest
settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "thorough", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    os.environ.get("OSCE_THB_HYPOTHESIS") or ("ci" if os.environ.get("CI") else "dev")
)
