"""Outputs of `exposure gate`: human text, GitHub Actions annotations, SARIF with physical
locations in the DDL files, and JSON. One formatter per format behind a registry."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scanner import __version__
from scanner.gate import GateFinding, GateResult

Formatter = Callable[[GateResult, Path], str]
GATE_FORMATTERS: dict[str, Formatter] = {}


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    def add(func: Formatter) -> Formatter:
        GATE_FORMATTERS[name] = func
        return func

    return add


def _rel(path: str, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return path


@formatter("text")
def text(result: GateResult, root: Path) -> str:
    lines = []
    for f in result.findings:
        where = f"{_rel(f.location.file, root)}:{f.location.line}:{f.location.column}"
        status = f" [suppressed: {f.suppressed}]" if f.suppressed else ""
        lines.append(f"{where}: {f.level} {f.rule_id} {f.message}{status}\n    fix: {f.hint}")
    for location, message in result.unparsed:
        lines.append(
            f"{_rel(location.file, root)}:{location.line}:{location.column}: could not check: {message}"
        )
    lines.extend(result.notes)
    open_errors = sum(f.level == "error" and not f.suppressed for f in result.findings)
    lines.append(
        f"{len(result.files)} file(s), {result.statements} statement(s): {open_errors} error(s), "
        f"{sum(f.level == 'warning' and not f.suppressed for f in result.findings)} warning(s), "
        f"{sum(bool(f.suppressed) for f in result.findings)} suppressed, {len(result.unparsed)} not checked"
    )
    return "\n".join(lines) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


@formatter("github")
def github(result: GateResult, root: Path) -> str:
    """Workflow commands: GitHub shows each as an annotation on the pull request's diff."""
    lines = []
    for f in result.findings:
        if f.suppressed:
            continue
        props = (
            f"file={_escape_property(_rel(f.location.file, root))},line={f.location.line},"
            f"col={f.location.column},title={_escape_property(f.rule_id + ' ' + f.name)}"
        )
        lines.append(f"::{f.level} {props}::{_escape_data(f.message + '. Fix: ' + f.hint)}")
    for location, message in result.unparsed:
        props = (
            f"file={_escape_property(_rel(location.file, root))},line={location.line},col={location.column}"
        )
        lines.append(f"::warning {props},title=not checked::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _sarif_result(f: GateFinding, root: Path, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": index[f.rule_id],
        "level": f.level,
        "message": {"text": f"{f.message}. Fix: {f.hint}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _rel(f.location.file, root), "uriBaseId": "SRCROOT"},
                    "region": {"startLine": f.location.line, "startColumn": f.location.column},
                },
                "logicalLocations": [
                    {
                        "fullyQualifiedName": f.table + (f".{f.column}" if f.column else ""),
                        "kind": "resource",
                    }
                ],
            }
        ],
        "partialFingerprints": {"exposureFinding/exposure/v1": f.fingerprint},
    }
    if f.suppressed:
        result["suppressions"] = [{"kind": "inSource" if f.suppressed.startswith("inline") else "external",
                                   "justification": f.suppressed}]  # fmt: skip
    return result


@formatter("sarif")
def sarif(result: GateResult, root: Path) -> str:
    from scanner.gate import load_gate_rules

    rules = list(load_gate_rules().values())
    index = {r.id: i for i, r in enumerate(rules)}
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "exposure-gate",
                        "version": __version__,
                        "informationUri": "https://github.com/exposure-scanner/exposure",
                        "rules": [
                            {
                                "id": r.id,
                                "name": r.name,
                                "shortDescription": {"text": r.name.replace("-", " ")},
                                "help": {"text": r.hint},
                                "defaultConfiguration": {"level": r.severity.get("restricted", "warning")},
                            }
                            for r in rules
                        ],
                    }
                },
                "originalUriBaseIds": {"SRCROOT": {"uri": root.resolve().as_uri() + "/"}},
                "invocations": [
                    {
                        "executionSuccessful": not result.unparsed,
                        "toolExecutionNotifications": [
                            {
                                "level": "warning",
                                "message": {"text": f"not checked: {message}"},
                                "locations": [
                                    {
                                        "physicalLocation": {
                                            "artifactLocation": {
                                                "uri": _rel(location.file, root),
                                                "uriBaseId": "SRCROOT",
                                            },
                                            "region": {
                                                "startLine": location.line,
                                                "startColumn": location.column,
                                            },
                                        }
                                    }
                                ],
                            }
                            for location, message in result.unparsed
                        ],
                    }
                ],
                "results": [_sarif_result(f, root, index) for f in result.findings],
            }
        ],
    }
    return json.dumps(doc, indent=2) + "\n"


@formatter("json")
def as_json(result: GateResult, root: Path) -> str:
    doc = {
        "files": [_rel(f, root) for f in result.files],
        "statements": result.statements,
        "exit_code": int(result.exit_code),
        "findings": [
            {
                "id": f.id,
                "rule": f.rule_id,
                "name": f.name,
                "level": f.level,
                "message": f.message,
                "hint": f.hint,
                "file": _rel(f.location.file, root),
                "line": f.location.line,
                "column": f.location.column,
                "table": f.table,
                "column_name": f.column,
                "principal": f.principal,
                "suppressed": f.suppressed,
            }
            for f in result.findings
        ],
        "not_checked": [
            {"file": _rel(loc.file, root), "line": loc.line, "column": loc.column, "message": message}
            for loc, message in result.unparsed
        ],
        "notes": list(result.notes),
    }
    return json.dumps(doc, indent=2) + "\n"
