"""ScanResult → plain data: the versioned JSON document every reporter renders from."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from scanner.evaluate import SEVERITIES
from scanner.findings import FINGERPRINT_VERSION
from scanner.models import (
    AccessPath,
    Classification,
    ColumnAssessment,
    Finding,
    Grant,
    Principal,
    ScanResult,
    TableAccess,
    TableScan,
)

if TYPE_CHECKING:
    from scanner.scan import AccessAnswer

SCHEMA_VERSION = "1.0"
SCHEMA_ID = "https://exposure-scanner.dev/schemas/findings-1.0.json"
TOOL_URI = "https://github.com/exposure-scanner/exposure"


def _principal(p: Principal) -> dict[str, str]:
    return {"type": p.type.value, "name": p.name}


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
        "protection": c.protection.value,
        "sampled": c.sampled,
    }


def finding_dict(f: Finding, result: ScanResult | None = None) -> dict[str, Any]:
    baseline = result.baseline.get(f.fingerprint) if result else None
    suppression = result.suppressed.get(f.fingerprint) if result else None
    return {
        "id": f.id,
        "fingerprint": {FINGERPRINT_VERSION: f.fingerprint},
        "rule": f.rule_id,
        "rule_name": f.rule_name,
        "rule_version": f.rule_version,
        "kind": f.kind,
        "severity": f.severity,
        "title": f.title,
        "summary": f.summary,
        "rationale": f.rationale,
        "table": f.table.fqn,
        "owner": f.table.owner,
        "table_created_at": f.table.created_at,
        "row_estimate": f.table.row_estimate,
        "principal": _principal(f.principal) if f.principal else None,
        "columns": [_column(c) for c in f.columns],
        "readers": _access(f.access),
        "remediation": list(f.remediation),
        "rollback": list(f.rollback),
        "baseline_state": baseline.state if baseline else None,
        "first_seen": baseline.first_seen if baseline else None,
        "last_seen": baseline.last_seen if baseline else None,
        "suppressed": (
            {
                "owner": suppression.owner,
                "reason": suppression.reason,
                "expires": suppression.expires,
                "origin": suppression.origin,
            }
            if suppression
            else None
        ),
    }


def _table(t: TableScan, finding_ids: list[str]) -> dict[str, Any]:
    return {
        "table": t.table.fqn,
        "status": t.status.value,
        "error": t.error,
        "owner": t.table.owner,
        "breadth": t.access.breadth.value,
        "columns": len(t.table.columns),
        "sensitive_columns": [_column(c) for c in t.sensitive_columns],
        "findings": finding_ids,
    }


def result_dict(result: ScanResult, exit_code: int | None = None) -> dict[str, Any]:
    counts = Counter(f.severity for f in result.findings)
    by_table: dict[str, list[str]] = {}
    for f in result.findings:
        by_table.setdefault(f.table.fqn, []).append(f.id)
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "exposure", "version": result.scanner_version, "information_uri": TOOL_URI},
        "run": {
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
        "summary": {
            "findings": len(result.findings),
            "by_severity": {s: counts.get(s, 0) for s in SEVERITIES},
            "by_kind": dict(sorted(Counter(f.kind for f in result.findings).items())),
            "new": sum(b.state == "new" for b in result.baseline.values()),
            "unchanged": sum(b.state == "unchanged" for b in result.baseline.values()),
            "fixed": len(result.fixed),
            "suppressed": len(result.suppressed),
        },
        "findings": [finding_dict(f, result) for f in result.findings],
        "fixed": [
            {
                "id": x.id,
                "fingerprint": {FINGERPRINT_VERSION: x.fingerprint},
                "rule": x.rule_id,
                "table": x.table,
                "principal": x.principal,
                "severity": x.severity,
                "title": x.title,
                "first_seen": x.first_seen,
                "last_seen": x.last_seen,
            }
            for x in result.fixed
        ],
        "suppression_problems": list(result.suppression_problems),
        "rules": [
            {"id": rule_id, "name": name, "kind": kind, "description": description}
            for rule_id, (name, kind, description) in sorted(result.rules.items())
        ],
        "tables": [_table(t, by_table.get(t.table.fqn, [])) for t in result.tables],
        "warnings": list(result.warnings),
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
