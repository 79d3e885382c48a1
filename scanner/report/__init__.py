"""Reporters: one class per output format behind a registry, all rendering one scan result."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from scanner.models import ScanResult


class Reporter:
    """Writes one output format from the serialized scan result."""

    name: ClassVar[str]

    def write(self, doc: dict[str, Any], out_dir: Path) -> list[Path]:
        raise NotImplementedError


REPORTERS: dict[str, type[Reporter]] = {}


def register(cls: type[Reporter]) -> type[Reporter]:
    REPORTERS[cls.name] = cls
    return cls


def _load_builtin() -> None:
    from scanner.report import html, json_report, junit, markdown, sarif  # noqa: F401


def write_reports(
    result: ScanResult, formats: Sequence[str], out_dir: Path, exit_code: int | None = None
) -> list[Path]:
    from scanner.serialize import result_dict

    return write_documents(result_dict(result, exit_code), formats, out_dir)


def write_documents(doc: dict[str, Any], formats: Sequence[str], out_dir: Path) -> list[Path]:
    """Render a findings document (a fresh scan's, or one read back from JSON or the state store)."""
    from scanner.files import private_dir

    _load_builtin()
    private_dir(out_dir)
    written: list[Path] = []
    for name in formats:
        written.extend(REPORTERS[name]().write(doc, out_dir))
    return written
