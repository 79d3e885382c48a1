"""Frozen, typed records that flow through the pipeline.

Nothing here ever holds a raw sampled value: samples live only inside the sampler/classifier call
and leave it as counts, class names and masked forms.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def frozen_mapping(items: Mapping[K, V] | None = None) -> Mapping[K, V]:
    return MappingProxyType(dict(items or {}))


class Sensitivity(StrEnum):
    RESTRICTED = "restricted"
    CONFIDENTIAL = "confidential"
    INTERNAL = "internal"
    PUBLIC = "public"

    @property
    def rank(self) -> int:
        """Higher is more sensitive."""
        return {"restricted": 3, "confidential": 2, "internal": 1, "public": 0}[self.value]


class Breadth(StrEnum):
    """How many people can read an object, broadest first."""

    EVERYONE = "everyone"
    BROAD = "broad"
    TEAM = "team"
    OWNER = "owner"
    UNKNOWN = "unknown"

    @property
    def rank(self) -> int:
        return {"everyone": 4, "broad": 3, "team": 2, "owner": 1, "unknown": 0}[self.value]


class Protection(StrEnum):
    PLAINTEXT = "plaintext"
    CIPHERTEXT = "ciphertext"
    HASHED = "hashed"
    MASKED = "masked"
    TOKENIZED = "tokenized"
    MIXED = "mixed"  # some values plaintext, some protected: counts as plaintext for risk
    EMPTY = "empty"  # nothing non-null was sampled
    UNKNOWN = "unknown"  # values could not be read

    @property
    def exposes_values(self) -> bool:
        return self in (Protection.PLAINTEXT, Protection.MIXED)


class PrincipalType(StrEnum):
    USER = "USER"
    GROUP = "GROUP"
    ROLE = "ROLE"


class TableStatus(StrEnum):
    SCANNED = "scanned"
    UNREADABLE = "unreadable"  # reported as unknown, never as clean


@dataclass(frozen=True, order=True)
class Principal:
    type: PrincipalType
    name: str

    def __str__(self) -> str:
        return f"{self.type.value.lower()} {self.name}"


# Keys by typed, normalised parts, never by dotted strings (`a."b.c"` and `"a.b".c` would collide).
TableKey = tuple[str, str]
PrincipalKey = tuple[PrincipalType, str]


def table_key(database: str, table: str) -> TableKey:
    """Hive folds database and table names to lower case; the metastore stores them so."""
    return (database.lower(), table.lower())


def principal_key(principal: Principal) -> PrincipalKey:
    """Role names are case-insensitive in Hive; user and group names are case-sensitive, since Hive
    does not manage them (Hive wiki, SQL Standard Based Hive Authorization, "Names of Users and Roles")."""
    name = principal.name.lower() if principal.type is PrincipalType.ROLE else principal.name
    return (principal.type, name)


@dataclass(frozen=True)
class SourceLocation:
    """Where a grant, rule or statement came from (file:line, a URL, a metastore row)."""

    origin: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.origin}:{self.line}" if self.line is not None else self.origin


@dataclass(frozen=True, slots=True)  # millions of these at warehouse scale
class Column:
    name: str
    data_type: str
    comment: str | None = None
    position: int = 0
    is_partition_key: bool = False


@dataclass(frozen=True)
class Table:
    database: str
    name: str
    columns: tuple[Column, ...]
    owner: str | None = None
    table_type: str = "TABLE"
    comment: str | None = None
    location: str | None = None
    created_at: str | None = None
    row_estimate: int | None = None
    properties: Mapping[str, str] = field(default_factory=frozen_mapping, compare=False, hash=False)
    serde_properties: Mapping[str, str] = field(default_factory=frozen_mapping, compare=False, hash=False)
    catalog_error: str | None = None  # the catalog could not describe it: everything is unknown

    @property
    def fqn(self) -> str:
        return f"{self.database}.{self.name}"


@dataclass(frozen=True)
class RangerRef:
    """The Ranger policy item behind a grant derived from policies."""

    policy_id: int
    policy_name: str
    service: str
    item: int  # 1-based index among the policy's allow items
    resource: str  # e.g. "db=mci, table=*, column=*"

    def __str__(self) -> str:
        return f'Ranger policy {self.policy_id} "{self.policy_name}" on {self.resource}'


@dataclass(frozen=True)
class Grant:
    """A privilege on a database, table or column list, held by a principal."""

    principal: Principal
    privilege: str  # upper case: SELECT, INSERT, ALL, ...
    database: str
    table: str | None = None  # None: every table of the database
    columns: tuple[str, ...] = ()  # empty: the whole table
    grant_option: bool = False
    grantor: str | None = None
    granted_at: str | None = None
    source: SourceLocation | None = None
    ranger: RangerRef | None = None  # set when a Ranger policy, not a GRANT, gives this access
    notes: tuple[str, ...] = ()  # e.g. a Ranger row filter that limits the rows

    @property
    def object_name(self) -> str:
        return f"{self.database}.{self.table}" if self.table else self.database

    @property
    def allows_read(self) -> bool:
        return self.privilege in ("SELECT", "ALL")


@dataclass(frozen=True)
class RoleMembership:
    """`member` holds every privilege of `role`."""

    role: str
    member: Principal
    source: SourceLocation | None = None
    admin_option: bool = False  # WITH ADMIN OPTION: the member may grant the role on


@dataclass(frozen=True)
class RangerResource:
    values: tuple[str, ...]
    excludes: bool = False


@dataclass(frozen=True)
class RangerItem:
    accesses: frozenset[str]  # lower case: select, update, all, ...
    users: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mask_type: str | None = None  # data-mask items
    row_filter: str | None = None  # row-filter items


@dataclass(frozen=True)
class RangerPolicy:
    """A Ranger policy of the hive service, as its export JSON or REST API gives it."""

    id: int
    name: str
    service: str
    enabled: bool
    policy_type: int  # 0 access, 1 data mask, 2 row filter
    priority: int  # 0 normal, 1 override
    resources: Mapping[str, RangerResource]
    allow: tuple[RangerItem, ...] = ()
    deny: tuple[RangerItem, ...] = ()
    allow_exceptions: tuple[RangerItem, ...] = ()
    deny_exceptions: tuple[RangerItem, ...] = ()
    masks: tuple[RangerItem, ...] = ()
    row_filters: tuple[RangerItem, ...] = ()
    deny_all_else: bool = False
    origin: str = ""  # file or URL it was read from

    def resource_text(self) -> str:
        parts = []
        for level in ("database", "table", "column"):
            if level in self.resources:
                res = self.resources[level]
                values = ",".join(res.values)
                parts.append(
                    f"{'db' if level == 'database' else level}{'!=' if res.excludes else '='}{values}"
                )
        return ", ".join(parts)


@dataclass(frozen=True)
class GrantSet:
    """Everything a grants source said. `known` is False when no source was read."""

    grants: tuple[Grant, ...] = ()
    memberships: tuple[RoleMembership, ...] = ()
    sources: tuple[str, ...] = ()
    dialect: str = "hive"
    warnings: tuple[str, ...] = ()
    # tables (table_key) whose grants could not be read: their readers are unknown, not none
    unknown_tables: frozenset[TableKey] = frozenset()
    ranger_policies: tuple[RangerPolicy, ...] = ()

    @property
    def known(self) -> bool:
        return bool(self.sources)


@dataclass(frozen=True)
class Classification:
    """One sensitivity class found in a column, with the evidence for it."""

    class_id: str
    sensitivity: Sensitivity
    confidence: float
    interval: tuple[float, float]
    matched: int
    sampled: int
    signals: tuple[str, ...]
    masked_example: str | None = None


@dataclass(frozen=True)
class ColumnAssessment:
    column: Column
    classes: tuple[Classification, ...]
    protection: Protection
    sampled: int
    encrypted_by: str | None = None  # the table/serde property that claims column encryption
    notes: tuple[str, ...] = ()

    @property
    def sensitivity(self) -> Sensitivity | None:
        if not self.classes:
            return None
        return max((c.sensitivity for c in self.classes), key=lambda s: s.rank)

    @property
    def stored_plaintext(self) -> bool:
        """Sensitive values that read as plaintext; a property claiming encryption does not hide them."""
        return bool(self.classes) and self.protection.exposes_values


@dataclass(frozen=True)
class AccessPath:
    """One way a principal reaches a table: the grant plus any role chain leading to it."""

    reader: Principal  # who ends up reading (e.g. role public, group all_employees)
    breadth: Breadth
    grant: Grant
    via_roles: tuple[RoleMembership, ...] = ()
    reach: int | None = None  # how many people the reader is, when a directory says
    masked_columns: tuple[str, ...] = ()  # a Ranger data mask hides these from this reader

    def describe(self) -> str:
        parts = [str(self.reader)]
        for membership in reversed(self.via_roles):
            parts.append(f"role {membership.role}")
        grant = self.grant
        cols = f"({', '.join(grant.columns)})" if grant.columns else ""
        if grant.ranger is not None:
            text = f"{grant.source}" if grant.source else str(grant.ranger)
            if grant.columns:
                text += f" for columns {', '.join(grant.columns)}"
            parts.append(text)
        else:
            where = f" [{grant.source}]" if grant.source else ""
            on = "DATABASE" if grant.table is None else "TABLE"
            parts.append(f"GRANT {grant.privilege}{cols} ON {on} {grant.object_name}{where}")
        description = " ← ".join(parts)
        notes = list(grant.notes)
        if self.masked_columns:
            notes.insert(0, f"masked by Ranger: {', '.join(self.masked_columns)}")
        if notes:
            description += f" ({'; '.join(notes)})"
        return description


@dataclass(frozen=True)
class TableAccess:
    breadth: Breadth
    paths: tuple[AccessPath, ...]
    reason: str = ""

    @property
    def reader_count(self) -> int | None:
        """At least this many people can read (the largest single path; groups may overlap)."""
        counts = [p.reach for p in self.paths if p.reach is not None]
        return max(counts) if counts else None

    @property
    def known(self) -> bool:
        return self.breadth is not Breadth.UNKNOWN


@dataclass(frozen=True)
class TableScan:
    table: Table
    status: TableStatus
    columns: tuple[ColumnAssessment, ...]
    access: TableAccess
    error: str | None = None

    @property
    def sensitive_columns(self) -> tuple[ColumnAssessment, ...]:
        return tuple(c for c in self.columns if c.classes)


@dataclass(frozen=True)
class Finding:
    rule_id: str
    rule_name: str
    rule_version: int
    kind: str  # exposure | hygiene | coverage
    severity: str  # SEV0 (most severe) .. SEV4
    fingerprint: str
    title: str
    summary: str
    rationale: str
    table: Table
    columns: tuple[ColumnAssessment, ...]
    access: TableAccess
    principal: Principal | None
    remediation: tuple[str, ...]
    rollback: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.rule_id}-{self.fingerprint[:12]}"


@dataclass(frozen=True)
class Baseline:
    state: str  # new | unchanged
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class FixedFinding:
    """Open in an earlier run, gone now (on a table this run did scan)."""

    id: str
    fingerprint: str
    rule_id: str
    table: str
    principal: str | None
    severity: str
    title: str
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class Suppression:
    """An accepted finding: who accepted it, why, and until when."""

    owner: str
    reason: str
    expires: str  # YYYY-MM-DD
    origin: str  # file:line
    fingerprint: str | None = None
    rule: str | None = None
    object: str | None = None


@dataclass(frozen=True)
class Coverage:
    tables_total: int
    tables_scanned: int
    tables_unreadable: int
    tables_access_unknown: int
    tables_sampled: int = 0  # values read in this run
    tables_reused: int = 0  # unchanged since a fresh earlier scan: its classification was reused

    @property
    def complete(self) -> bool:
        return self.tables_total > 0 and self.tables_unreadable == 0 and self.tables_access_unknown == 0


@dataclass(frozen=True)
class ScanResult:
    run_id: str
    started_at: str
    finished_at: str
    mode: str
    source: str  # credentials removed
    warehouse: str
    scanner_version: str
    rulepack_version: str
    tables: tuple[TableScan, ...]
    findings: tuple[Finding, ...]
    coverage: Coverage
    warnings: tuple[str, ...] = ()
    # with a state store: new/unchanged per finding fingerprint, and what was fixed since
    baseline: Mapping[str, Baseline] = field(default_factory=frozen_mapping)
    fixed: tuple[FixedFinding, ...] = ()
    suppressed: Mapping[str, Suppression] = field(default_factory=frozen_mapping)
    suppression_problems: tuple[str, ...] = ()
    resumed_from: str | None = None
    # rule id → (name, kind, description): what SARIF and JUnit readers show as the rule's help
    rules: Mapping[str, tuple[str, str, str]] = field(default_factory=frozen_mapping)

    def open_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.fingerprint not in self.suppressed)
