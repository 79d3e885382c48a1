"""Helpers every connector shares."""

from __future__ import annotations

import json
from typing import Any


def as_text(value: Any) -> str | bytes:
    """A sampled cell as the classifier sees it: bytes stay bytes, nested values become JSON."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, default=str, sort_keys=True)
    return str(value)
