"""Helpers every connector shares."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from scanner.connect import SourceURL
from scanner.errors import SourceError


def as_text(value: Any) -> str | bytes:
    """A sampled cell as the classifier sees it: bytes stay bytes, nested values become JSON."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, default=str, sort_keys=True)
    return str(value)


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
        try:
            return path.read_text().strip()
        except OSError as exc:
            raise SourceError(
                f"cannot read password_file {path}: {exc.strerror}", hint="check the path"
            ) from None
    return os.environ.get(params.get("password_env", default_env)) or None
