"""Reporters: one class per output format behind one registry, all rendering one findings document
(a scan's or the gate's; scanner/serialize.py). The command line offers exactly the registry's keys."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from scanner.errors import ConfigError, did_you_mean
from scanner.files import private_dir, record_outputs, write_private

FINDING_ID = re.compile(r"EXP-[0-9a-f]{12}")


class Reporter:
    """Renders one output format. `render` gives the text of its main file (what `exposure gate`
    prints); `write` puts everything it produces into an output folder."""

    name: ClassVar[str]
    filename: ClassVar[str]
    description: ClassVar[str]

    def render(self, doc: dict[str, Any]) -> str:
        raise NotImplementedError

    def write(self, doc: dict[str, Any], out_dir: Path) -> list[Path]:
        return [write_private(out_dir / self.filename, self.render(doc))]


REPORTERS: dict[str, type[Reporter]] = {}


def register(cls: type[Reporter]) -> type[Reporter]:
    REPORTERS[cls.name] = cls
    return cls


def _load_builtin() -> None:
    from scanner.report import csv_report, html, json_report, junit, markdown, sarif, text  # noqa: F401


def reporter_names() -> list[str]:
    _load_builtin()
    return list(REPORTERS)


def get_reporter(name: str) -> Reporter:
    _load_builtin()
    cls = REPORTERS.get(name)
    if cls is None:
        hint = did_you_mean(name, REPORTERS) or f"choose from {', '.join(REPORTERS)}"
        raise ConfigError(f"unknown output format {name!r}", hint=hint)
    return cls()


def safe_id(finding: dict[str, Any]) -> str:
    """A finding id about to become a file name: from a stored document it is input, not ours."""
    ident = str(finding.get("id", ""))
    if not FINDING_ID.fullmatch(ident):
        raise ConfigError(
            f"finding id {ident[:40]!r} is not of the form EXP-<12 hex digits>",
            hint="re-render from a findings document this version wrote",
        )
    return ident


def render_document(doc: dict[str, Any], name: str) -> str:
    return get_reporter(name).render(doc)


def write_documents(doc: dict[str, Any], formats: Sequence[str], out_dir: Path) -> list[Path]:
    """Render a findings document (a fresh scan's, or one read back from JSON or the state store)."""
    reporters = [get_reporter(name) for name in dict.fromkeys(formats)]
    private_dir(out_dir)
    written: list[Path] = []
    for reporter in reporters:
        written.extend(reporter.write(doc, out_dir))
    record_outputs(out_dir, written)
    return written


def write_reports(
    result: Any, formats: Sequence[str], out_dir: Path, exit_code: int | None = None
) -> list[Path]:
    from scanner.serialize import result_dict

    return write_documents(result_dict(result, exit_code), formats, out_dir)
