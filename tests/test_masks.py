"""A masked example never shows more than a few characters of the value, whatever the value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scanner.classify import MASK_REVEALED, MASK_SEPARATORS, mask_value
from scanner.rules import load_rulebook

STYLES = sorted({spec.value.mask for spec in load_rulebook().classes if spec.value is not None})
CLASSES = sorted(spec.id for spec in load_rulebook().classes if spec.value is not None)
MASK_OF = {spec.id: spec.value.mask for spec in load_rulebook().classes if spec.value is not None}


def _revealed(masked: str) -> int:
    return sum(ch != "*" and ch not in MASK_SEPARATORS for ch in masked)


@pytest.mark.parametrize("class_id", CLASSES)
@settings(max_examples=200, deadline=None)
@given(value=st.text(min_size=0, max_size=300))
def test_mask_reveals_a_bounded_number_of_characters(class_id: str, value: str) -> None:
    masked = mask_value(value, MASK_OF[class_id])
    if masked is None:
        return
    assert _revealed(masked) <= MASK_REVEALED
    assert len(masked) <= max(len(value), 3 + MASK_REVEALED, len("x***@***.com"))


def test_known_forms() -> None:
    assert mask_value("536-22-6789", "last4") == "***-**-6789"
    assert mask_value("bob@rfvbpwrprdkwhg.example.rfvbpwrprdkwhg", "email") == "b***@***.***"
    assert mask_value("dana@example.com", "email") == "d***@***.com"
    assert mask_value("4111 1111 1111 1111", "last4") == "**** **** **** 1111"
    assert mask_value("1234", "last4") == "****"  # too short to show any of it
    assert mask_value("GB82WEST12345698765432", "last4") == "******************5432"
    long = mask_value("-----BEGIN RSA PRIVATE KEY-----" + "A" * 500, "last4")
    assert long is not None and len(long) <= 3 + MASK_REVEALED
    assert "none" in STYLES or STYLES
