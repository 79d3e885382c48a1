"""Helpers every connector shares."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from scanner.connectors.base import SourceURL
from scanner.errors import SourceError
from scanner.yamlio import read_text


def as_text(value: Any) -> str | bytes:
    """A sampled cell as the classifier sees it: bytes stay bytes, nested values become JSON."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, default=str, sort_keys=True)
    return str(value)


def cap_cell(value: str | bytes, max_bytes: int) -> str | bytes:
    """At most `max_bytes` bytes of a sampled value (a cut character is dropped, not mangled)."""
    if isinstance(value, bytes):
        return value[:max_bytes]
    if len(value) * 4 <= max_bytes:
        return value  # short enough in any encoding
    return value.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")


def url_password(url: SourceURL, default_env: str) -> str | None:
    """A source's password: from `password_file=`, else the variable named by `password_env=`
    (default `default_env`). Never from the URL itself, which gets logged."""
    params = dict(url.params)
    if "password" in params:
        raise SourceError(
            f"a password in the source URL would be logged ({url.redacted})",
            hint=f"put it in ${default_env}, or name a file with password_file=",
        )
    if "password_file" in params:
        path = Path(params["password_file"]).expanduser()
        return read_text(path, SourceError, "password_file", 64 * 1024).strip()
    return os.environ.get(params.get("password_env", default_env)) or None
