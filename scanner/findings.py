"""Findings: rules applied to scanned tables, with stable identities and exact remediation.

A finding's fingerprint is sha256 over (fingerprint version, rule, warehouse, db.table, principal):
no positions, no values, so it survives re-scans, column reordering and report changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from sqlglot import exp

from scanner.evaluate import (
    NO_FINDING,
    AccessPolicy,
    SeverityDecision,
    matrix_severity,
    path_covers,
    sensitivity_severity,
)
from scanner.models import (
    AccessPath,
    Breadth,
    ColumnAssessment,
    Finding,
    Grant,
    Principal,
    Protection,
    RoleMembership,
    Sensitivity,
    TableAccess,
    TableScan,
)
from scanner.rules import ExposureRule, ExposureRules

FINGERPRINT_VERSION = "exposure/v1"


def fingerprint(rule_id: str, warehouse: str, object_name: str, principal: Principal | None) -> str:
    who = f"{principal.type.value}:{principal.name}" if principal else ""
    material = "\0".join((FINGERPRINT_VERSION, rule_id, warehouse.lower(), object_name.lower(), who))
    return hashlib.sha256(material.encode()).hexdigest()


# --- remediation statements, always through sqlglot -------------------------------------------


def _grant_expression(grant: Grant, revoke: bool) -> exp.Expression:
    privilege = exp.GrantPrivilege(
        this=exp.Var(this=grant.privilege),
        expressions=[exp.column(c, quoted=True) for c in grant.columns] or None,
    )
    if grant.table is None:
        securable: exp.Expression = exp.Table(this=exp.to_identifier(grant.database, quoted=True))
        kind = "DATABASE"
    else:
        securable = exp.table_(grant.table, db=grant.database, quoted=True)
        kind = "TABLE"
    principal = exp.GrantPrincipal(
        this=exp.to_identifier(grant.principal.name, quoted=True), kind=grant.principal.type.value
    )
    node = exp.Revoke if revoke else exp.Grant
    return node(privileges=[privilege], kind=kind, securable=securable, principals=[principal])


def ranger_remediation(grant: Grant) -> str:
    """Which Ranger policy item to change: Ranger has no REVOKE for a policy's grant."""
    ref = grant.ranger
    assert ref is not None
    service = f" (service {ref.service})" if ref.service else ""
    return (
        f'-- Ranger: in policy {ref.policy_id} "{ref.policy_name}"{service}, remove {grant.principal} '
        f"from allow item {ref.item}, or narrow its resources ({ref.resource}), or add a data mask for "
        "the sensitive columns."
    )


def revoke_statement(grant: Grant, dialect: str) -> str:
    return _grant_expression(grant, revoke=True).sql(dialect=dialect, identify=True) + ";"


def grant_statement(grant: Grant, dialect: str) -> str:
    return _grant_expression(grant, revoke=False).sql(dialect=dialect, identify=True) + ";"


def _ident(name: str, dialect: str) -> str:
    return exp.to_identifier(name, quoted=True).sql(dialect=dialect)


def revoke_role_statement(membership: RoleMembership, dialect: str) -> str:
    # sqlglot has no expression for role membership; identifiers are still quoted by it.
    member = membership.member
    return (
        f"REVOKE ROLE {_ident(membership.role, dialect)} FROM {member.type.value} "
        f"{_ident(member.name, dialect)};"
    )


def grant_role_statement(membership: RoleMembership, dialect: str) -> str:
    member = membership.member
    role = _ident(membership.role, dialect)
    return f"GRANT ROLE {role} TO {member.type.value} {_ident(member.name, dialect)};"


def encrypt_statement(scan: TableScan, columns: Sequence[ColumnAssessment], dialect: str) -> str:
    table = exp.table_(scan.table.name, db=scan.table.database, quoted=True)
    value = "pii:" + ",".join(c.column.name for c in columns)
    return (
        f"ALTER TABLE {table.sql(dialect=dialect)} SET TBLPROPERTIES "
        f"({exp.Literal.string('orc.encrypt').sql(dialect=dialect)}={exp.Literal.string(value).sql(dialect=dialect)});"
    )


# --- rules -------------------------------------------------------------------------------------


def _sensitive(columns: Sequence[ColumnAssessment], minimum: Sensitivity) -> list[ColumnAssessment]:
    return [c for c in columns if c.sensitivity is not None and c.sensitivity.rank >= minimum.rank]


def _decide(
    rule: ExposureRule, rules: ExposureRules, columns: Sequence[ColumnAssessment], breadth: Breadth, why: str
) -> SeverityDecision:
    if rule.severity == "matrix":
        return matrix_severity(rules, columns, breadth)
    assert isinstance(rule.severity, dict)
    return sensitivity_severity(rule.severity, columns, why)


def _classes(columns: Sequence[ColumnAssessment]) -> str:
    ids = sorted({c.class_id for col in columns for c in col.classes})
    return ", ".join(ids)


def _title(
    rule: ExposureRule, scan: TableScan, columns: Sequence[ColumnAssessment], principal: str, reach: Breadth
) -> str:
    top = max((c.sensitivity for c in columns if c.sensitivity), key=lambda s: s.rank, default=None)
    words = {Breadth.EVERYONE: "everyone", Breadth.BROAD: "a broad group"}.get(reach, reach.value)
    return rule.title.format(
        table=scan.table.fqn,
        principal=principal,
        reach=words,
        sensitivity=(top.value if top else "sensitive").capitalize(),
        classes=_classes(columns),
    )


def _state_words(columns: Sequence[ColumnAssessment]) -> str:
    plain = [c.column.name for c in columns if c.protection.exposes_values]
    if not plain:
        return "All of these columns are stored protected (encrypted, hashed, masked or tokenized)."
    return f"Stored as plaintext: {', '.join(plain)}."


class FindingBuilder:
    def __init__(self, rules: ExposureRules, policy: AccessPolicy, warehouse: str, dialect: str) -> None:
        self.rules = rules
        self.policy = policy
        self.warehouse = warehouse
        self.dialect = dialect

    def _finding(
        self,
        rule: ExposureRule,
        scan: TableScan,
        columns: Sequence[ColumnAssessment],
        access: TableAccess,
        principal: Principal | None,
        decision: SeverityDecision,
        summary: str,
        remediation: Sequence[str],
        rollback: Sequence[str],
    ) -> Finding:
        return Finding(
            rule_id=rule.id,
            rule_name=rule.name,
            rule_version=rule.version,
            kind=rule.kind,
            severity=decision.severity,
            fingerprint=fingerprint(rule.id, self.warehouse, scan.table.fqn, principal),
            title=_title(rule, scan, columns, str(principal) if principal else "", access.breadth),
            summary=summary,
            rationale=decision.rationale,
            table=scan.table,
            columns=tuple(columns),
            access=access,
            principal=principal,
            remediation=tuple(remediation),
            rollback=tuple(rollback),
        )

    def build(self, scan: TableScan) -> list[Finding]:
        out: list[Finding] = []
        for rule in self.rules.rules:
            sensitive = _sensitive(scan.columns, rule.min_sensitivity)
            if not sensitive:
                continue
            if rule.breadth is not None and rule.breadth & {Breadth.EVERYONE, Breadth.BROAD}:
                out.extend(self._broad_read(rule, scan, sensitive))
            elif rule.breadth is not None and Breadth.UNKNOWN in rule.breadth:
                out.extend(self._unknown_access(rule, scan, sensitive))
            elif rule.plaintext_only:
                out.extend(self._plaintext(rule, scan, sensitive))
        return out

    def _broad_read(
        self, rule: ExposureRule, scan: TableScan, sensitive: Sequence[ColumnAssessment]
    ) -> list[Finding]:
        assert rule.breadth is not None
        by_grantee: dict[Principal, list[AccessPath]] = {}
        for path in scan.access.paths:
            if path.breadth in rule.breadth:
                by_grantee.setdefault(path.grant.principal, []).append(path)
        findings = []
        for grantee, paths in by_grantee.items():
            covered = [c for c in sensitive if any(path_covers(p, c.column.name) for p in paths)]
            if not covered:
                continue
            breadth = max((p.breadth for p in paths), key=lambda b: b.rank)
            decision = _decide(rule, self.rules, covered, breadth, "")
            if decision.severity == NO_FINDING:
                continue
            readers = sorted({str(p.reader) for p in paths})
            summary = (
                f"{scan.table.fqn} holds {_classes(covered)} in {len(covered)} column(s) "
                f"({', '.join(c.column.name for c in covered)}). {str(grantee).capitalize()} can read it, "
                f"which reaches {breadth.value} ({', '.join(readers)}). {_state_words(covered)}"
            )
            remediation: list[str] = []
            rollback: list[str] = []
            for grant in dict.fromkeys(p.grant for p in paths):
                if grant.ranger is not None:
                    remediation.append(ranger_remediation(grant))
                    rollback.append(
                        f"-- Ranger: put {grant.principal} back into allow item {grant.ranger.item} of "
                        f"policy {grant.ranger.policy_id}."
                    )
                    continue
                remediation.append(revoke_statement(grant, self.dialect))
                rollback.append(grant_statement(grant, self.dialect))
            for path in paths:
                for membership in path.via_roles:
                    statement = revoke_role_statement(membership, self.dialect)
                    if f"-- or: {statement}" not in remediation:
                        remediation.append(f"-- or: {statement}")
                        rollback.append(f"-- or: {grant_role_statement(membership, self.dialect)}")
            access = TableAccess(breadth, tuple(paths), scan.access.reason)
            findings.append(
                self._finding(rule, scan, covered, access, grantee, decision, summary, remediation, rollback)
            )
        return findings

    def _unknown_access(
        self, rule: ExposureRule, scan: TableScan, sensitive: Sequence[ColumnAssessment]
    ) -> list[Finding]:
        if scan.access.breadth is not Breadth.UNKNOWN:
            return []
        decision = _decide(rule, self.rules, sensitive, Breadth.UNKNOWN, "with unknown readers")
        if decision.severity == NO_FINDING:
            return []
        summary = (
            f"{scan.table.fqn} holds {_classes(sensitive)} but its readers are unknown: "
            f"{scan.access.reason or 'grants could not be read'}. {_state_words(sensitive)}"
        )
        remediation = ["-- Provide a grants source (--grants FILE or a metastore/Ranger source) and re-scan."]
        return [self._finding(rule, scan, sensitive, scan.access, None, decision, summary, remediation, [])]

    def _plaintext(
        self, rule: ExposureRule, scan: TableScan, sensitive: Sequence[ColumnAssessment]
    ) -> list[Finding]:
        # Values that could not be read count as plaintext unless an encryption property covers
        # them: unknown is not safe, and a metadata-only scan still sees what nothing encrypts.
        read = [c for c in sensitive if c.stored_plaintext]
        unread = [c for c in sensitive if c.protection is Protection.UNKNOWN and not c.encrypted_by]
        plain = read + unread
        if not plain:
            return []
        decision = _decide(rule, self.rules, plain, scan.access.breadth, "stored as plaintext")
        if decision.severity == NO_FINDING:
            return []
        contradictions = [n for c in plain for n in c.notes if n != "values could not be read"]
        parts = []
        if read:
            parts.append(f"stores {_classes(read)} as plaintext in {', '.join(c.column.name for c in read)}")
        if unread:
            parts.append(
                f"holds {_classes(unread)} in {', '.join(c.column.name for c in unread)}, whose values "
                "were not read"
            )
        summary = (
            f"{scan.table.fqn} {' and '.join(parts)}; no column encryption covers "
            f"{'them' if len(plain) > 1 else 'it'}."
        )
        if contradictions:
            summary += " " + " ".join(contradictions) + "."
        remediation = [
            encrypt_statement(scan, plain, self.dialect),
            "-- Files written before the property was set stay plaintext: rewrite the table "
            "(INSERT OVERWRITE ... SELECT ...) after setting it.",
        ]
        rollback = ["-- Unset the property only after re-checking that readers hold the decryption key."]
        return [self._finding(rule, scan, plain, scan.access, None, decision, summary, remediation, rollback)]
