"""Reporters: one class per output format behind a registry, all rendering one scan result."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from scanner.models import ScanResult


class Reporter:
    """Writes one output format from the serialized scan result."""

    name: ClassVar[str]

    def write(self, doc: dict[str, Any], result: ScanResult, out_dir: Path) -> list[Path]:
        raise NotImplementedError


REPORTERS: dict[str, type[Reporter]] = {}


def register(cls: type[Reporter]) -> type[Reporter]:
    REPORTERS[cls.name] = cls
    return cls


def _load_builtin() -> None:
    from scanner.report import html, json_report, markdown  # noqa: F401


def write_reports(
    result: ScanResult, formats: Sequence[str], out_dir: Path, exit_code: int | None = None
) -> list[Path]:
    from scanner.files import private_dir
    from scanner.report.serialize import result_dict

    _load_builtin()
    private_dir(out_dir)
    doc = result_dict(result, exit_code)
    written: list[Path] = []
    for name in formats:
        written.extend(REPORTERS[name]().write(doc, result, out_dir))
    return written
