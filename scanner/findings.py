"""Findings: one per exposed table, with every facet of its exposure, one severity, and the
containment that closes every broad path to it.

A finding's fingerprint is sha256 over the fingerprint version and the table's typed, normalised
parts (warehouse, database, table): no rule, no principal, no position, no value. A table keeps its
id while its facets come and go, and two tables can never share one because of how their names
happen to contain dots.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlglot import exp

from scanner.evaluate import AccessPolicy, path_covers, stored_state
from scanner.models import (
    NO_SEVERITY,
    AccessPath,
    Breadth,
    ColumnAssessment,
    ContainmentStep,
    Facet,
    Finding,
    Grant,
    GrantSet,
    ObjectRef,
    Principal,
    PrincipalType,
    Protection,
    RangerEdit,
    Remediation,
    RoleMembership,
    Sensitivity,
    Table,
    TableAccess,
    TableScan,
    level_of,
    severity_rank,
)
from scanner.ranger import policy_covers_table
from scanner.rules import ExposureRule, ExposureRules

FINGERPRINT_VERSION = "exposure/v2"
BROAD = frozenset({Breadth.EVERYONE, Breadth.BROAD})
COLLATERAL_LIMIT = 50  # names listed per containment step; the count is always exact


def fingerprint(ref: ObjectRef) -> str:
    """JSON-encoding the parts keeps them apart: no separator a name could contain can merge two."""
    material = json.dumps([FINGERPRINT_VERSION, *ref.key], ensure_ascii=False)
    return hashlib.sha256(material.encode()).hexdigest()


def worst(severities: Iterable[str]) -> str:
    return min(severities, key=severity_rank, default=NO_SEVERITY)


def priority(finding: Finding) -> tuple[int, int, int, int, str, str]:
    """Worst first: severity, then reach (breadth, then people), then sensitivity, then name."""
    top = max((c.sensitivity.rank for c in finding.columns if c.sensitivity), default=0)
    return (
        severity_rank(finding.severity),
        -finding.access.breadth.rank,
        -(finding.access.reader_count or 0),
        -top,
        finding.table.fqn.lower(),
        finding.fingerprint,
    )


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=priority)


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


def ranger_statement(edit: RangerEdit, remove: bool) -> str:
    service = f" (service {edit.service})" if edit.service else ""
    verb = "remove" if remove else "add"
    direction = "from" if remove else "to"
    return (
        f'Ranger policy {edit.policy_id} "{edit.policy_name}"{service}: {verb} {edit.principal} '
        f"{direction} allow item {edit.item}"
    )


def _set_properties(table: Table, properties: Sequence[tuple[str, str]], dialect: str) -> str:
    target = exp.table_(table.name, db=table.database, quoted=True).sql(dialect=dialect)
    pairs = ", ".join(
        f"{exp.Literal.string(k).sql(dialect=dialect)}={exp.Literal.string(v).sql(dialect=dialect)}"
        for k, v in properties
    )
    return f"ALTER TABLE {target} SET TBLPROPERTIES ({pairs});"


def encrypt_statement(table: Table, columns: Sequence[ColumnAssessment], dialect: str) -> str:
    """Column encryption as the table's storage format declares it: ORC's `orc.encrypt`, Parquet
    modular encryption's column keys, Iceberg's table key. Other formats (and engines with no
    column encryption) get the instruction to rewrite into one that has it."""
    names = ",".join(c.column.name for c in columns)
    storage = (table.storage_format or "orc").lower()
    if storage == "parquet":
        return _set_properties(
            table,
            [("parquet.encryption.column.keys", f"pii:{names}"), ("parquet.encryption.footer.key", "footer")],
            dialect,
        )
    if storage == "iceberg":
        return _set_properties(table, [("encryption.key-id", "pii")], dialect)
    if storage in ("orc", "hive"):
        return _set_properties(table, [("orc.encrypt", f"pii:{names}")], dialect)
    return (
        f"Rewrite {table.fqn} ({storage}) as ORC or Parquet with column encryption for {names}: "
        f"{storage} has no column encryption of its own."
    )


# --- containment ---------------------------------------------------------------------------------


def containment_for(path: AccessPath, dialect: str) -> ContainmentStep:
    """The narrowest change that closes one broad path: cut the broad reader out of the role chain
    (its other privileges through that role go too, which is what a broad reader should lose), or
    revoke the grant the broad reader holds directly, or edit the Ranger policy item."""
    grant = path.grant
    cause = _cause(grant)
    closes = (path.describe(),)
    if grant.ranger is not None:
        edit = RangerEdit(
            grant.ranger.policy_id,
            grant.ranger.policy_name,
            grant.ranger.service,
            grant.ranger.item,
            grant.principal,
        )
        return ContainmentStep(
            ranger_statement(edit, remove=True),
            ranger_statement(edit, remove=False),
            "ranger",
            closes,
            cause,
            ranger=edit,
        )
    if path.via_roles:
        edge = path.via_roles[-1]  # the membership whose member is the broad reader
        return ContainmentStep(
            revoke_role_statement(edge, dialect), grant_role_statement(edge, dialect), dialect, closes, cause
        )
    return ContainmentStep(
        revoke_statement(grant, dialect), grant_statement(grant, dialect), dialect, closes, cause
    )


def _cause(grant: Grant) -> str:
    if grant.ranger is not None:
        ref = grant.ranger
        return f'Ranger policy {ref.policy_id} "{ref.policy_name}" allow item {ref.item} on {ref.resource}'
    cols = f"({', '.join(grant.columns)})" if grant.columns else ""
    on = "DATABASE" if grant.table is None else "TABLE"
    where = f" [{grant.source}]" if grant.source else ""
    return f"GRANT {grant.privilege}{cols} ON {on} {grant.object_name} TO {grant.principal}{where}"


def merge_steps(steps: Iterable[ContainmentStep]) -> tuple[ContainmentStep, ...]:
    """One step per statement, in first-seen order, with every path it closes."""
    merged: dict[str, ContainmentStep] = {}
    for step in steps:
        seen = merged.get(step.statement)
        if seen is None:
            merged[step.statement] = step
        else:
            merged[step.statement] = ContainmentStep(
                seen.statement,
                seen.rollback,
                seen.engine,
                tuple(dict.fromkeys(seen.closes + step.closes)),
                seen.cause if step.cause in seen.cause else f"{seen.cause}; {step.cause}",
                seen.collateral_tables,
                seen.collateral_readers,
                seen.ranger,
            )
    return tuple(merged.values())


class Collateral:
    """What else a containment step changes: a database-level REVOKE takes every table of the
    database from that principal, a cut role membership takes every privilege that flows through the
    role, a Ranger item edit takes every resource of the policy. Built once per scan from the grants
    and the table list (names only), so it costs nothing per table."""

    def __init__(self, grant_set: GrantSet, tables: Sequence[Table]) -> None:
        self.by_database: dict[str, list[Table]] = defaultdict(list)
        for table in tables:
            self.by_database[table.key[0]].append(table)
        self.tables = tables
        self.role_grants: dict[str, list[Grant]] = defaultdict(list)
        for grant in grant_set.grants:
            if grant.allows_read and grant.principal.type is PrincipalType.ROLE:
                self.role_grants[grant.principal.name.lower()].append(grant)
        self.parents: dict[str, set[str]] = defaultdict(set)  # role → roles it is a member of
        for membership in grant_set.memberships:
            if membership.member.type is PrincipalType.ROLE:
                self.parents[membership.member.name.lower()].add(membership.role.lower())
        self.policies = {p.id: p for p in grant_set.ranger_policies}
        self._cache: dict[
            tuple[str, ...],
            tuple[list[tuple[str, frozenset[tuple[str, str]]]], dict[str, frozenset[tuple[str, str]]]],
        ] = {}

    def _grant_tables(self, grant: Grant) -> list[Table]:
        if grant.table is None:
            return self.by_database.get(grant.database.lower(), [])
        key = (grant.database.lower(), grant.table.lower())
        return [t for t in self.by_database.get(key[0], []) if t.key == key]

    def _role_tables(self, role: str) -> list[Table]:
        """Tables readable through a role: its grants and those of every role it belongs to."""
        seen, todo, out = {role.lower()}, [role.lower()], []
        while todo:  # iterative: role graphs can be deep and cyclic
            current = todo.pop()
            for grant in self.role_grants.get(current, []):
                out.extend(self._grant_tables(grant))
            for parent in self.parents.get(current, ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return out

    def _affected(
        self, cause: tuple[str, ...], compute: Callable[[], Sequence[Table]]
    ) -> tuple[list[tuple[str, frozenset[tuple[str, str]]]], dict[str, frozenset[tuple[str, str]]]]:
        """The tables one cause reaches, by name in order, worked out once per cause: a role that
        reads a thousand databases is the cause behind thousands of findings."""
        found = self._cache.get(cause)
        if found is None:
            keys: dict[str, set[tuple[str, str]]] = defaultdict(set)
            for affected in compute():
                keys[affected.fqn].add(affected.key)
            index = {name: frozenset(k) for name, k in keys.items()}
            found = self._cache[cause] = (sorted(index.items()), index)
        return found

    def of(self, step: ContainmentStep, path: AccessPath, table: Table) -> ContainmentStep:
        grant = path.grant
        if step.ranger is not None:
            policy_id = step.ranger.policy_id
            policy = self.policies.get(policy_id)
            ordered, index = self._affected(
                ("ranger", str(policy_id)),
                lambda: [t for t in self.tables if policy is not None and policy_covers_table(policy, t)],
            )
            readers = (str(step.ranger.principal),)
        elif path.via_roles:
            edge = path.via_roles[-1]
            ordered, index = self._affected(("role", edge.role.lower()), lambda: self._role_tables(edge.role))
            readers = (f"{edge.member} (through role {edge.role})",)
        elif grant.table is None:
            ordered, index = self._affected(
                ("database", grant.database.lower()), lambda: self._grant_tables(grant)
            )
            readers = (str(grant.principal),)
        else:
            return step
        # every name but this table's own (another table may print the same: it stays listed)
        alone = index.get(table.fqn) == frozenset({table.key})
        total = len(ordered) - alone
        if not total:
            return step
        shown = [name for name, keys in itertools.islice(
            ((n, k) for n, k in ordered if not (n == table.fqn and alone)), COLLATERAL_LIMIT
        )]  # fmt: skip
        if total > COLLATERAL_LIMIT:
            shown.append(f"… and {total - COLLATERAL_LIMIT} more")
        return ContainmentStep(
            step.statement,
            step.rollback,
            step.engine,
            step.closes,
            step.cause,
            tuple(shown),
            readers,
            step.ranger,
        )


# --- facets ----------------------------------------------------------------------------------------


def _sensitive(columns: Sequence[ColumnAssessment], minimum: Sensitivity) -> list[ColumnAssessment]:
    return [c for c in columns if c.sensitivity is not None and c.sensitivity.rank >= minimum.rank]


def _classes(columns: Sequence[ColumnAssessment]) -> str:
    return ", ".join(sorted({c.class_id for col in columns for c in col.classes}))


def _names(columns: Sequence[ColumnAssessment]) -> tuple[str, ...]:
    return tuple(c.column.name for c in columns)


def _column_breadth(column: ColumnAssessment, paths: Sequence[AccessPath]) -> Breadth | None:
    reaching = [p.breadth for p in paths if path_covers(p, column.column.name)]
    return max(reaching, key=lambda b: b.rank) if reaching else None


@dataclass(frozen=True)
class _Rated:
    severity: str
    why: str


def _matrix(rules: ExposureRules, column: ColumnAssessment, breadth: Breadth, state: str) -> _Rated:
    sensitivity = column.sensitivity
    if sensitivity is None:
        return _Rated(NO_SEVERITY, "")
    cell = rules.matrix.get(sensitivity, {}).get(breadth, {}).get(state, NO_SEVERITY)
    return _Rated(
        cell, f"{sensitivity.value} × {breadth.value} × {state} → {cell} (column {column.column.name})"
    )


def matrix_cell(rules: ExposureRules, column: ColumnAssessment, breadth: Breadth, state: str) -> str:
    return _matrix(rules, column, breadth, state).severity


def _by_sensitivity(mapping: dict[Sensitivity, str], column: ColumnAssessment, why: str) -> _Rated:
    sensitivity = column.sensitivity
    if sensitivity is None:
        return _Rated(NO_SEVERITY, "")
    cell = mapping.get(sensitivity, NO_SEVERITY)
    return _Rated(cell, f"{sensitivity.value} data {why} → {cell} (column {column.column.name})")


def _worst(rated: Iterable[_Rated]) -> _Rated:
    return min(rated, key=lambda r: severity_rank(r.severity), default=_Rated(NO_SEVERITY, ""))


def _rule_severity(
    rule: ExposureRule, rules: ExposureRules, column: ColumnAssessment, breadth: Breadth, why: str
) -> _Rated:
    if rule.severity == "matrix":
        return _matrix(rules, column, breadth, stored_state(column))
    assert isinstance(rule.severity, dict)
    return _by_sensitivity(rule.severity, column, why)


def _reach_words(breadth: Breadth) -> str:
    return {Breadth.EVERYONE: "everyone", Breadth.BROAD: "a broad group"}.get(breadth, breadth.value)


def _fill(template: str, **fields: str) -> str:
    return template.format_map(fields)


class FindingBuilder:
    """Turns one scanned table into at most one finding."""

    def __init__(
        self,
        rules: ExposureRules,
        policy: AccessPolicy,
        warehouse: str,
        dialect: str,
        collateral: Collateral | None = None,
        uri: Callable[[Table], str] | None = None,
    ) -> None:
        self.rules = rules
        self.policy = policy
        self.warehouse = warehouse
        self.dialect = dialect
        self.collateral = collateral
        self.uri = uri

    def build(self, scan: TableScan) -> Finding | None:
        table = scan.table
        broad_paths = tuple(p for p in scan.access.paths if p.breadth in BROAD)
        facets: list[tuple[Facet, _Rated, ExposureRule, tuple[ColumnAssessment, ...]]] = []
        for rule in self.rules.rules:
            sensitive = _sensitive(scan.columns, rule.min_sensitivity)
            if not sensitive:
                continue
            made = None
            if rule.breadth is not None and rule.breadth & BROAD:
                made = self._broad_read(rule, sensitive, broad_paths)
            elif rule.breadth is not None and Breadth.UNKNOWN in rule.breadth:
                made = self._unknown_access(rule, scan, sensitive)
            elif rule.plaintext_only:
                made = self._plaintext(rule, sensitive, broad_paths)
            if made is not None:
                facets.append((*made, rule, self._involved(made[0], sensitive)))
        if not facets:
            return None
        lead_facet, lead, lead_rule, _ = min(facets, key=lambda f: severity_rank(f[1].severity))
        involved = {name for facet, *_ in facets for name in facet.columns}
        columns = tuple(c for c in scan.columns if c.column.name in involved)
        access = (
            TableAccess(scan.access.breadth, broad_paths, scan.access.reason) if broad_paths else scan.access
        )
        ref = table.ref(self.warehouse)
        fields = self._title_fields(table, columns, access)
        title = _fill(lead_rule.title, **fields)
        others = [_fill(rule.label, **fields) for facet, _, rule, _ in facets if facet is not lead_facet]
        if others:
            title += "; also " + " and ".join(others)
        rationale = f"{lead.severity}: {lead.why}."
        if len(facets) > 1:
            rationale += (
                " The table's severity is the worst of its facets: "
                + ", ".join(
                    f"{facet.rule_id} {rule.label.format_map(fields)} ({facet.severity})"
                    for facet, _, rule, _ in facets
                )
                + "."
            )
        return Finding(
            ref=ref,
            fingerprint=fingerprint(ref),
            severity=lead.severity,
            title=title,
            summary=self._summary(scan, columns, access, [f for f, *_ in facets]),
            rationale=rationale,
            facets=tuple(f for f, *_ in facets),
            table=table,
            columns=columns,
            access=access,
            remediation=self.remediation(table, broad_paths, columns, scan.access),
            uri=self.uri(table) if self.uri else None,
        )

    @staticmethod
    def _involved(facet: Facet, sensitive: Sequence[ColumnAssessment]) -> tuple[ColumnAssessment, ...]:
        return tuple(c for c in sensitive if c.column.name in facet.columns)

    def _title_fields(
        self, table: Table, columns: Sequence[ColumnAssessment], access: TableAccess
    ) -> dict[str, str]:
        top = max((c.sensitivity for c in columns if c.sensitivity), key=lambda s: s.rank, default=None)
        readers = sorted({str(p.reader) for p in access.paths})
        return {
            "table": table.fqn,
            "sensitivity": (top.value if top else "sensitive").capitalize(),
            "classes": _classes(columns),
            "reach": _reach_words(access.breadth),
            "principal": ", ".join(readers),
        }

    def _facet(
        self,
        rule: ExposureRule,
        rated: _Rated,
        message: str,
        columns: Sequence[ColumnAssessment],
        principals: Iterable[Principal] = (),
    ) -> Facet:
        return Facet(
            rule_id=rule.id,
            rule_name=rule.name,
            rule_version=rule.version,
            kind=rule.kind,
            severity=rated.severity,
            level=level_of(rated.severity),
            message=message,
            columns=_names(columns),
            principals=tuple(sorted(set(principals))),
        )

    def _broad_read(
        self, rule: ExposureRule, sensitive: Sequence[ColumnAssessment], broad_paths: Sequence[AccessPath]
    ) -> tuple[Facet, _Rated] | None:
        assert rule.breadth is not None
        paths = [p for p in broad_paths if p.breadth in rule.breadth]
        rated: list[_Rated] = []
        covered: list[ColumnAssessment] = []
        for column in sensitive:
            breadth = _column_breadth(column, paths)
            if breadth is None:
                continue
            covered.append(column)
            rated.append(_rule_severity(rule, self.rules, column, breadth, f"readable by {breadth.value}"))
        decision = _worst(rated)
        if decision.severity == NO_SEVERITY:
            return None
        readers = {p.reader for p in paths if any(path_covers(p, c.column.name) for c in covered)}
        breadth = max((p.breadth for p in paths), key=lambda b: b.rank)
        message = (
            f"{', '.join(sorted(str(r) for r in readers))} can read {_classes(covered)} in "
            f"{', '.join(_names(covered))}, which reaches {breadth.value}"
        )
        return self._facet(rule, decision, message, covered, readers), decision

    def _plaintext(
        self, rule: ExposureRule, sensitive: Sequence[ColumnAssessment], broad_paths: Sequence[AccessPath]
    ) -> tuple[Facet, _Rated] | None:
        # Values that could not be read count as plaintext unless an encryption property covers
        # them: unknown is not safe, and a metadata-only scan still sees what nothing encrypts.
        plain = [
            c
            for c in sensitive
            if c.stored_plaintext or (c.protection is Protection.UNKNOWN and not c.encrypted_by)
        ]
        if not plain:
            return None
        rated = []
        for column in plain:
            rated.append(_rule_severity(rule, self.rules, column, Breadth.UNKNOWN, "stored as plaintext"))
            breadth = _column_breadth(column, broad_paths)
            if breadth is not None:
                # plaintext that everyone can read is never rated below the broad read itself
                rated.append(_matrix(self.rules, column, breadth, "plaintext"))
        decision = _worst(rated)
        if decision.severity == NO_SEVERITY:
            return None
        unread = [c.column.name for c in plain if c.protection is Protection.UNKNOWN]
        message = f"{_classes(plain)} stored as plaintext in {', '.join(_names(plain))}"
        if unread:
            message += f" (values of {', '.join(unread)} were not read; no encryption property covers them)"
        return self._facet(rule, decision, message, plain), decision

    def _unknown_access(
        self, rule: ExposureRule, scan: TableScan, sensitive: Sequence[ColumnAssessment]
    ) -> tuple[Facet, _Rated] | None:
        if scan.access.breadth is not Breadth.UNKNOWN:
            return None
        decision = _worst(
            _rule_severity(rule, self.rules, c, Breadth.UNKNOWN, "with unknown readers") for c in sensitive
        )
        if decision.severity == NO_SEVERITY:
            return None
        message = f"readers unknown: {scan.access.reason or 'grants could not be read'}"
        return self._facet(rule, decision, message, sensitive), decision

    def _summary(
        self, scan: TableScan, columns: Sequence[ColumnAssessment], access: TableAccess, facets: list[Facet]
    ) -> str:
        table = scan.table
        names = ", ".join(_names(columns))
        parts = [f"{table.fqn} holds {_classes(columns)} in {len(columns)} column(s) ({names})."]
        if access.breadth in BROAD:
            people = f" (at least {access.reader_count:,} people)" if access.reader_count else ""
            readers = sorted({str(p.reader) for p in access.paths})
            parts.append(
                f"{_reach_words(access.breadth).capitalize()}{people} can read it through "
                f"{len(access.paths)} access path(s), as {', '.join(readers)}."
            )
        elif access.breadth is Breadth.UNKNOWN:
            parts.append(f"Its readers are unknown: {access.reason or 'grants could not be read'}.")
        else:
            parts.append(f"It is readable by {access.breadth.value} only.")
        plain = [c.column.name for c in columns if stored_state(c) == "plaintext"]
        if plain:
            parts.append(f"Stored as plaintext: {', '.join(plain)}.")
        else:
            parts.append(
                "Its sensitive columns are stored protected (encrypted, hashed, masked or tokenized)."
            )
        contradictions = [n for c in columns for n in c.notes if n != "values could not be read"]
        parts.extend(f"{n}." for n in dict.fromkeys(contradictions))
        return " ".join(parts)

    def remediation(
        self,
        table: Table,
        broad_paths: Sequence[AccessPath],
        columns: Sequence[ColumnAssessment],
        access: TableAccess,
    ) -> Remediation:
        steps = []
        for path in broad_paths:
            step = containment_for(path, self.dialect)
            if self.collateral is not None:
                step = self.collateral.of(step, path, table)
            steps.append(step)
        plain = [c for c in columns if stored_state(c) == "plaintext"]
        long_term: list[str] = []
        if plain:
            long_term.append(encrypt_statement(table, plain, self.dialect))
            long_term.append(
                "Files written before the property was set stay plaintext: rewrite the table "
                "(INSERT OVERWRITE … SELECT …) after setting it."
            )
            long_term.append(
                f"Mask or tokenize {', '.join(c.column.name for c in plain)} for readers who need the rows "
                "but not the values (a Ranger data-mask policy, or a masked view)."
            )
        if broad_paths:
            long_term.append(
                f"Grant {table.fqn} to the team role that needs it, through a reviewed access request."
            )
        if access.breadth is Breadth.UNKNOWN:
            long_term.append(
                "Find out who can read it: give a grants source (--grants FILE, a metastore or Ranger) "
                "and re-scan; unknown is not safe."
            )
        return Remediation(merge_steps(steps), tuple(long_term))
