"""The incident across tables: what a responder pastes at the top of the incident document.

How many tables, databases and readers; which kinds of data; rows at risk (engine statistics,
labelled as estimates); since when; the containment steps in order, each once, with the tables it
closes; the causes several tables share; who must be told (rules/notifications.yaml, driven by the
classes found); roles; a timeline in UTC.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from scanner.errors import RulePackError
from scanner.findings import BROAD
from scanner.models import Breadth, Finding, ScanResult, severity_rank
from scanner.yamlio import load_schema, parse_yaml, validate

_FORMATS = (
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%a %b %d %H:%M:%S %Z %Y",
)


def utc(text: str | None) -> str | None:
    """A catalog timestamp in one UTC form (`2026-03-02T09:00:00Z`), or None when it is not one."""
    if not text:
        return None
    raw = text.strip()
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
        for form in _FORMATS:
            try:
                parsed = datetime.strptime(raw, form)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)  # catalogs record UTC unless they say otherwise
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Notification:
    id: str
    who: str
    action: str
    classes: frozenset[str]
    any_personal: bool
    deadline_hours: int | None


@dataclass(frozen=True)
class NotificationRules:
    not_personal: frozenset[str]
    notifications: tuple[Notification, ...]


def load_notification_rules() -> NotificationRules:
    name = "rules/notifications.yaml"
    text = resources.files("scanner.rulepacks").joinpath("notifications.yaml").read_text(encoding="utf-8")
    data, lines = parse_yaml(text, Path(name), RulePackError)
    validate(data, load_schema("notifications.schema.json"), lines, Path(name), RulePackError)
    return NotificationRules(
        frozenset(data.get("not_personal", [])),
        tuple(
            Notification(
                n["id"],
                n["who"],
                " ".join(n["action"].split()),
                frozenset(n.get("classes", [])),
                bool(n.get("any_personal", False)),
                n.get("deadline_hours"),
            )
            for n in data["notifications"]
        ),
    )


def _classes(finding: Finding) -> set[str]:
    return {c.class_id for col in finding.columns for c in col.classes}


def _exposure_start(findings: Sequence[Finding]) -> dict[str, Any]:
    """The earliest moment a broad path is known to have existed: a grant time, else the creation
    of a table that was readable broadly from the start. Unknown stays unknown."""
    candidates: list[tuple[str, str]] = []
    for finding in findings:
        grant_times = [utc(p.grant.granted_at) for p in finding.access.paths if p.breadth in BROAD]
        known = [t for t in grant_times if t]
        if known:
            candidates.append((min(known), f"grant to a broad reader of {finding.table.fqn}"))
        elif finding.access.breadth in BROAD and utc(finding.table.created_at):
            created = utc(finding.table.created_at)
            assert created is not None
            candidates.append((created, f"creation of {finding.table.fqn} (grant time not recorded)"))
    if not candidates:
        return {"at": None, "basis": "unknown: no grant or creation time is recorded for the exposed tables"}
    at, basis = min(candidates)
    return {"at": at, "basis": basis}


def _containment(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """Each statement once, with the tables it closes; the steps that close the worst tables come
    first, then the ones that close the most."""
    steps: dict[str, dict[str, Any]] = {}
    for finding in findings:
        if finding.suppressed:
            continue
        for step in finding.remediation.containment:
            entry = steps.setdefault(
                step.statement,
                {
                    "statement": step.statement,
                    "rollback": step.rollback,
                    "engine": step.engine,
                    "cause": step.cause,
                    "tables": [],
                    "worst": finding.severity,
                    "collateral_tables": list(step.collateral_tables),
                    "collateral_readers": list(step.collateral_readers),
                },
            )
            entry["tables"].append(finding.table.fqn)
            if severity_rank(finding.severity) < severity_rank(entry["worst"]):
                entry["worst"] = finding.severity
    ordered = sorted(
        steps.values(), key=lambda s: (severity_rank(s["worst"]), -len(s["tables"]), s["statement"])
    )
    for number, entry in enumerate(ordered, 1):
        entry["order"] = number
        # the other tables it changes are collateral only if no finding needed them closed too
        entry["collateral_tables"] = [t for t in entry["collateral_tables"] if t not in entry["tables"]]
    return ordered


def _causes(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """Grants and Ranger policy items that open more than one exposed table: said once."""
    tables: dict[str, list[str]] = defaultdict(list)
    for finding in findings:
        for cause in dict.fromkeys(s.cause for s in finding.remediation.containment):
            tables[cause].append(finding.table.fqn)
    shared = [{"cause": cause, "tables": names} for cause, names in tables.items() if len(names) > 1]
    return sorted(shared, key=lambda c: (-len(c["tables"]), c["cause"]))


def build_incident(result: ScanResult, rules: NotificationRules | None = None) -> dict[str, Any]:
    rules = rules or load_notification_rules()
    findings = [f for f in result.findings if not f.suppressed]
    exposed = [f for f in findings if f.access.breadth in BROAD]
    classes: dict[str, dict[str, Any]] = {}
    for finding in findings:
        for column in finding.columns:
            for c in column.classes:
                entry = classes.setdefault(
                    c.class_id, {"class": c.class_id, "sensitivity": c.sensitivity.value, "tables": set()}
                )
                entry["tables"].add(finding.table.fqn)
    class_rows = sorted(
        ({**v, "tables": len(v["tables"])} for v in classes.values()),
        key=lambda r: (-r["tables"], r["class"]),
    )
    readers = sorted({str(p.reader) for f in exposed for p in f.access.paths})
    people = max((f.access.reader_count or 0 for f in exposed), default=0)
    with_rows = [f for f in findings if f.table.row_estimate is not None]
    rows = sum(f.table.row_estimate or 0 for f in with_rows)
    first_seen = [
        result.baseline[f.fingerprint].first_seen for f in findings if f.fingerprint in result.baseline
    ]
    detected = min(first_seen, default=result.finished_at)
    found = set().union(*(_classes(f) for f in findings)) if findings else set()
    notifications = []
    for rule in rules.notifications:
        hit = sorted(found & rule.classes) if rule.classes else []
        if rule.any_personal:
            hit = sorted(found - rules.not_personal)
        if not hit:
            continue
        deadline = None
        if rule.deadline_hours:
            aware = datetime.strptime(detected, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            deadline = (aware + timedelta(hours=rule.deadline_hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
        notifications.append(
            {"id": rule.id, "who": rule.who, "action": rule.action, "classes": hit, "deadline": deadline}
        )
    exposure_start = _exposure_start(exposed)
    owners: dict[str, list[str]] = defaultdict(list)
    for finding in findings:
        owners[finding.table.owner or "unknown owner"].append(finding.table.fqn)
    timeline: list[dict[str, str]] = []
    roles: list[dict[str, Any]] = [
        {"role": "Incident commander", "who": "assign one person to run the response"},
        {"role": "Security lead", "who": "applies the containment steps and checks the audit logs"},
    ]
    roles.extend(
        {"role": "Table owner", "who": owner, "tables": sorted(names)}
        for owner, names in sorted(owners.items())
    )
    if exposure_start["at"]:
        timeline.append(
            {
                "at": exposure_start["at"],
                "what": f"Exposure started (earliest known): {exposure_start['basis']}",
            }
        )
    created = sorted((utc(f.table.created_at), f.table.fqn) for f in findings if utc(f.table.created_at))
    if created:
        first_at, first_table = created[0]
        assert first_at is not None
        timeline.append({"at": first_at, "what": f"Earliest exposed table created ({first_table})"})
    timeline.append({"at": detected, "what": "First detected by exposure"})
    timeline.append({"at": result.finished_at, "what": f"This scan finished (run {result.run_id})"})
    for note in notifications:
        if note["deadline"]:
            timeline.append({"at": str(note["deadline"]), "what": f"Deadline: {note['who']} ({note['id']})"})
    timeline.sort(key=lambda e: e["at"])
    everyone = sum(f.access.breadth is Breadth.EVERYONE for f in exposed)
    databases = sorted({f.table.database for f in findings})
    return {
        "headline": (
            f"{len(findings)} table(s) in {len(databases)} database(s) hold sensitive data at risk: "
            f"{everyone} readable by everyone, {len(exposed) - everyone} by a broad group"
            + (f" (at least {people:,} people)" if people else "")
            + (
                f", {len(findings) - len(exposed)} stored unprotected or with unknown readers"
                if len(findings) > len(exposed)
                else ""
            )
            + "."
        ),
        "tables": len(findings),
        "tables_broadly_readable": len(exposed),
        "databases": databases,
        "readers": {"principals": readers, "people_at_least": people or None},
        "classes": class_rows,
        "rows_at_risk": {
            "estimate": rows if with_rows else None,
            "tables_with_statistics": len(with_rows),
            "tables": len(findings),
            "note": "engine statistics, an estimate; tables without statistics are not counted",
        },
        "exposure_start": exposure_start,
        "detected_at": detected,
        "containment": _containment(findings),
        "causes": _causes(findings),
        "notifications": notifications,
        "roles": roles,
        "timeline": timeline,
    }
