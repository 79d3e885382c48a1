"""Scan and gate results → plain data: the one versioned document every reporter renders from.

A scan's document and the gate's share the finding schema (scanner/schemas/findings.schema.json):
one finding per table, its facets, one severity, remediation with containment and rollback.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanner.findings import FINGERPRINT_VERSION
from scanner.incident import build_incident, utc
from scanner.models import (
    SEVERITIES,
    AccessPath,
    Classification,
    ColumnAssessment,
    ContainmentStep,
    Facet,
    Finding,
    Grant,
    Principal,
    ScanResult,
    SourceLocation,
    Suppression,
    TableAccess,
    TableScan,
)

if TYPE_CHECKING:
    from scanner.gate import GateResult
    from scanner.scan import AccessAnswer

SCHEMA_VERSION = "2.0"
SCHEMA_ID = "https://exposure-scanner.dev/schemas/findings-2.0.json"
TOOL_URI = "https://github.com/exposure-scanner/exposure"


def _principal(p: Principal) -> dict[str, str]:
    return {"type": p.type.value, "name": p.name}


def _location(location: SourceLocation | None) -> dict[str, Any] | None:
    if location is None or location.line is None:
        return None
    return {"file": location.origin, "line": location.line, "column": location.column or 1}


def _grant(g: Grant) -> dict[str, Any]:
    return {
        "principal": _principal(g.principal),
        "privilege": g.privilege,
        "object": g.object_name,
        "level": "database" if g.table is None else ("column" if g.columns else "table"),
        "columns": list(g.columns),
        "grant_option": g.grant_option,
        "grantor": g.grantor,
        "granted_at": g.granted_at,
        "source": str(g.source) if g.source else None,
        "ranger": (
            {
                "policy_id": g.ranger.policy_id,
                "policy_name": g.ranger.policy_name,
                "service": g.ranger.service,
                "allow_item": g.ranger.item,
                "resource": g.ranger.resource,
            }
            if g.ranger
            else None
        ),
        "notes": list(g.notes),
    }


def _path(p: AccessPath) -> dict[str, Any]:
    return {
        "reader": _principal(p.reader),
        "breadth": p.breadth.value,
        "via_roles": [
            {"role": m.role, "member": _principal(m.member), "source": str(m.source) if m.source else None}
            for m in p.via_roles
        ],
        "grant": _grant(p.grant),
        "reach": p.reach,
        "masked_columns": list(p.masked_columns),
        "description": p.describe(),
    }


def _access(a: TableAccess) -> dict[str, Any]:
    return {
        "breadth": a.breadth.value,
        "known": a.known,
        "reason": a.reason or None,
        "principals": sorted({str(p.reader) for p in a.paths}),
        "people": a.reader_count,
        "paths": [_path(p) for p in a.paths],
    }


def _classification(c: Classification) -> dict[str, Any]:
    return {
        "class": c.class_id,
        "sensitivity": c.sensitivity.value,
        "confidence": c.confidence,
        "interval": [c.interval[0], c.interval[1]],
        "matched": c.matched,
        "sampled": c.sampled,
        "signals": list(c.signals),
        "masked_example": c.masked_example,
    }


def _column(c: ColumnAssessment) -> dict[str, Any]:
    return {
        "name": c.column.name,
        "data_type": c.column.data_type,
        "classes": [x.class_id for x in c.classes],
        "sensitivity": c.sensitivity.value if c.sensitivity else None,
        "protection": c.protection.value,
        "encrypted_by": c.encrypted_by,
        "sampled": c.sampled,
        "evidence": [_classification(x) for x in c.classes],
        "notes": list(c.notes),
    }


def column_json(c: ColumnAssessment) -> dict[str, Any]:
    """The `exposure classify` form of one column."""
    return {
        "classes": [
            {
                "class": x.class_id,
                "sensitivity": x.sensitivity.value,
                "confidence": x.confidence,
                "interval": [x.interval[0], x.interval[1]],
                "matched": x.matched,
                "sampled": x.sampled,
                "signals": list(x.signals),
            }
            for x in c.classes
        ],
        "unconfirmed": [
            {"class": u.class_id, "matched": u.matched, "sampled": u.sampled, "reason": u.reason}
            for u in c.unconfirmed
        ],
        "protection": c.protection.value,
        "sampled": c.sampled,
    }


def _suppression(s: Suppression | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"owner": s.owner, "reason": s.reason, "expires": s.expires, "origin": s.origin}


def _facet(f: Facet) -> dict[str, Any]:
    return {
        "rule": f.rule_id,
        "rule_name": f.rule_name,
        "rule_version": f.rule_version,
        "kind": f.kind,
        "severity": f.severity,
        "level": f.level,
        "message": f.message,
        "hint": f.hint or None,
        "columns": list(f.columns),
        "principals": [str(p) for p in f.principals],
        "location": _location(f.location),
        "suppressed": _suppression(f.suppressed),
    }


def _step(s: ContainmentStep) -> dict[str, Any]:
    return {
        "statement": s.statement,
        "rollback": s.rollback,
        "engine": s.engine,
        "cause": s.cause,
        "closes": list(s.closes),
        "collateral": {"tables": list(s.collateral_tables), "readers": list(s.collateral_readers)},
        "ranger": (
            {
                "policy_id": s.ranger.policy_id,
                "policy_name": s.ranger.policy_name,
                "service": s.ranger.service,
                "allow_item": s.ranger.item,
                "principal": _principal(s.ranger.principal),
            }
            if s.ranger
            else None
        ),
    }


def finding_dict(f: Finding, result: ScanResult | None = None) -> dict[str, Any]:
    baseline = result.baseline.get(f.fingerprint) if result else None
    whole = f.facets[0].suppressed if f.suppressed else None
    return {
        "id": f.id,
        "fingerprint": {FINGERPRINT_VERSION: f.fingerprint},
        "origin": f.origin,
        "object": {
            "warehouse": f.ref.warehouse,
            "database": f.ref.database,
            "table": f.ref.table,
            "name": f.table.fqn,
            "type": f.table.table_type,
            "uri": f.uri,
            "storage_format": f.table.storage_format,
        },
        "location": _location(f.location),
        "table": f.table.fqn,
        "severity": f.severity,
        "open_severity": f.open_severity,
        "level": f.level,
        "title": f.title,
        "summary": f.summary,
        "rationale": f.rationale,
        "rules": list(f.rule_ids),
        "facets": [_facet(x) for x in f.facets],
        "owner": f.table.owner,
        "table_created_at": utc(f.table.created_at) or f.table.created_at,
        "row_estimate": f.table.row_estimate,
        "columns": [_column(c) for c in f.columns],
        "readers": _access(f.access),
        "remediation": {
            "containment": [_step(s) for s in f.remediation.containment],
            "rollback": list(f.remediation.rollback),
            "long_term": list(f.remediation.long_term),
        },
        "baseline_state": baseline.state if baseline else None,
        "previous_severity": baseline.previous_severity if baseline else None,
        "first_seen": baseline.first_seen if baseline else None,
        "last_seen": baseline.last_seen if baseline else None,
        "suppressed": _suppression(whole),
    }


def _table(t: TableScan, finding_id: str | None) -> dict[str, Any]:
    return {
        "table": t.table.fqn,
        "database": t.table.database,
        "name": t.table.name,
        "status": t.status.value,
        "error": t.error,
        "owner": t.table.owner,
        "breadth": t.access.breadth.value,
        "columns": len(t.table.columns),
        "sensitive_columns": [_column(c) for c in t.sensitive_columns],
        "finding": finding_id,
    }


def _summary(findings: list[Finding], result: ScanResult | None) -> dict[str, Any]:
    counts = Counter(f.severity for f in findings)
    facets = Counter(rule for f in findings for rule in f.rule_ids)
    states = Counter(b.state for b in result.baseline.values()) if result else Counter()
    return {
        "findings": len(findings),
        "tables": len({f.table.key for f in findings}),
        "by_severity": {s: counts.get(s, 0) for s in SEVERITIES},
        "by_facet": dict(sorted(facets.items())),
        "new": states.get("new", 0),
        "unchanged": states.get("unchanged", 0),
        "updated": states.get("updated", 0),
        "fixed": len(result.fixed) if result else 0,
        "suppressed": sum(f.suppressed for f in findings),
    }


def result_dict(result: ScanResult, exit_code: int | None = None) -> dict[str, Any]:
    findings = list(result.findings)
    by_table = {f.table.key: f.id for f in findings}
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "exposure", "version": result.scanner_version, "information_uri": TOOL_URI},
        "run": {
            "kind": "scan",
            "id": result.run_id,
            "started_at": result.started_at,
            "finished_at": result.finished_at,
            "mode": result.mode,
            "source": result.source,
            "warehouse": result.warehouse,
            "rulepacks": result.rulepack_version,
            "exit_code": exit_code,
            "resumed": result.resumed_from is not None,
        },
        "coverage": {
            "complete": result.coverage.complete,
            "tables_total": result.coverage.tables_total,
            "tables_scanned": result.coverage.tables_scanned,
            "tables_unreadable": result.coverage.tables_unreadable,
            "tables_access_unknown": result.coverage.tables_access_unknown,
            "tables_sampled": result.coverage.tables_sampled,
            "tables_reused": result.coverage.tables_reused,
        },
        "summary": _summary(findings, result),
        "incident": build_incident(result),
        "findings": [finding_dict(f, result) for f in findings],
        "fixed": [
            {
                "id": x.id,
                "fingerprint": {FINGERPRINT_VERSION: x.fingerprint},
                "table": x.display,
                "database": x.database,
                "name": x.table,
                "rules": list(x.rules),
                "severity": x.severity,
                "title": x.title,
                "first_seen": x.first_seen,
                "last_seen": x.last_seen,
            }
            for x in result.fixed
        ],
        "not_checked": [],
        "suppression_problems": list(result.suppression_problems),
        "rules": [
            {"id": rule_id, "name": name, "kind": kind, "description": description}
            for rule_id, (name, kind, description) in sorted(result.rules.items())
        ],
        "tables": [_table(t, by_table.get(t.table.key)) for t in result.tables],
        "warnings": list(result.warnings),
    }


def _relative(path: str, root: Path | None) -> str:
    if root is None:
        return path
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return path


def _relocate(value: Any, root: Path | None) -> Any:
    """DDL file paths relative to the repository root, as code review tools expect."""
    if isinstance(value, dict):
        return {
            k: _relative(v, root) if k == "file" and isinstance(v, str) else _relocate(v, root)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_relocate(v, root) for v in value]
    return value


def gate_dict(result: GateResult, exit_code: int | None = None, root: Path | None = None) -> dict[str, Any]:
    """The gate's findings in the scan's document: same finding schema, same reporters. With a root,
    file paths are relative to it (SARIF's SRCROOT, GitHub's annotations)."""
    findings = _relocate([finding_dict(f) for f in result.findings], root)
    unparsed = _relocate(
        [{**(_location(loc) or {}), "message": message} for loc, message in result.unparsed], root
    )
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "exposure", "version": result.version, "information_uri": TOOL_URI},
        "run": {
            "kind": "gate",
            "id": result.run_id,
            "started_at": result.started_at,
            "finished_at": result.finished_at,
            "mode": "ci",
            "source": ", ".join(result.files),
            "warehouse": result.warehouse,
            "rulepacks": result.rulepack_version,
            "exit_code": exit_code,
            "resumed": False,
            "files": [_relative(f, root) for f in result.files],
            "statements": result.statements,
            "root_uri": root.resolve().as_uri() + "/" if root else None,
        },
        "coverage": {
            "complete": not result.unparsed,
            "tables_total": len(result.tables),
            "tables_scanned": len(result.tables),
            "tables_unreadable": 0,
            "tables_access_unknown": 0,
            "tables_sampled": 0,
            "tables_reused": 0,
            "statements": result.statements,
            "statements_not_checked": len(result.unparsed),
        },
        "summary": _summary(list(result.findings), None),
        "incident": None,
        "findings": findings,
        "fixed": [],
        "not_checked": unparsed,
        "suppression_problems": [],
        "rules": [
            {"id": rule_id, "name": name, "kind": kind, "description": description}
            for rule_id, (name, kind, description) in sorted(result.rules.items())
        ],
        "tables": [],
        "warnings": [*list(result.notes)],
    }


def access_json(answer: AccessAnswer) -> dict[str, Any]:
    """`exposure access` as data: the table's readers, each column's, and the user's verdict."""
    doc: dict[str, Any] = {
        "table": answer.table.fqn,
        "owner": answer.table.owner,
        "readers": _access(answer.access),
        "columns": {
            name: [
                {"reader": str(p.reader), "breadth": p.breadth.value, "reach": p.reach, "path": p.describe()}
                for p in paths
            ]
            for name, paths in answer.column_readers.items()
        },
    }
    if answer.warnings:
        doc["warnings"] = list(answer.warnings)
    person = answer.user
    if person is not None:
        doc["user"] = {
            "user": person.user,
            "groups": list(person.groups),
            "roles": list(person.roles),
            "known": person.unknown is None,
            "reason": person.unknown,
            "can_read": person.can_read,
            "row_filter": (
                {
                    "expression": person.row_filter.expression,
                    "policy_id": person.row_filter.policy.id,
                    "policy_name": person.row_filter.policy.name,
                }
                if person.row_filter
                else None
            ),
            "columns": {
                c.column: {
                    "readable": c.readable,
                    "raw": c.raw,
                    "mask_type": c.mask.mask_type if c.mask else None,
                    "mask_policy_id": c.mask.policy.id if c.mask else None,
                    "mask_policy_name": c.mask.policy.name if c.mask else None,
                    "paths": list(c.paths),
                    "denied_by": c.denied_by,
                }
                for c in person.columns
            },
        }
    return doc
