"""Frozen, typed records that flow through the pipeline.

Nothing here ever holds a raw sampled value: samples live only inside the sampler/classifier call
and leave it as counts, class names and masked forms.
"""

from __future__ import annotations

import re
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


@dataclass(frozen=True)
class Suppression:
    """An accepted finding or facet: who accepted it, why, and until when."""

    owner: str
    reason: str
    expires: str  # YYYY-MM-DD
    origin: str  # file:line
    fingerprint: str | None = None  # a finding id or fingerprint (prefix)
    rule: str | None = None  # a facet; with neither fingerprint nor object it matches nothing
    object: str | None = None  # a db.table glob
    principal: str | None = None  # only broad reading through this principal is accepted


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
    """Where a grant, rule or statement came from (file:line[:column], a URL, a metastore row)."""

    origin: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.origin
        return f"{self.origin}:{self.line}" + (f":{self.column}" if self.column is not None else "")


_PLAIN_IDENTIFIER = re.compile(r"[A-Za-z0-9_$]+")


def normalise_identifier(name: str, case_sensitive: bool = False) -> str:
    """Hive, Spark and DuckDB resolve database and table names case-insensitively."""
    return name if case_sensitive else name.lower()


def display_name(*parts: str) -> str:
    """`db.table` for people; a part that holds a dot, a space or a quote is back-quoted, so the
    two tables a."b.c" and "a.b".c never read alike. Never used as an identity."""
    return ".".join(
        part if _PLAIN_IDENTIFIER.fullmatch(part) else "`" + part.replace("`", "``") + "`" for part in parts
    )


@dataclass(frozen=True, order=True)
class ObjectRef:
    """A warehouse object by its typed parts. Identity (fingerprints, state, grants) goes through
    `key`, never through a dotted string."""

    warehouse: str
    database: str
    table: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (
            normalise_identifier(self.warehouse),
            normalise_identifier(self.database),
            normalise_identifier(self.table),
        )

    @property
    def display(self) -> str:
        return display_name(self.database, self.table)


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
    storage_format: str | None = None  # orc, parquet, iceberg, delta, avro, text, … when the catalog says

    @property
    def fqn(self) -> str:
        """The name people read; not an identity (see `key`)."""
        return display_name(self.database, self.name)

    @property
    def key(self) -> tuple[str, str]:
        return (normalise_identifier(self.database), normalise_identifier(self.name))

    def ref(self, warehouse: str) -> ObjectRef:
        return ObjectRef(warehouse, self.database, self.name)


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


@dataclass(frozen=True, slots=True)  # one per class found, per column, kept for every scanned table
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
class Unconfirmed:
    """A class the values would carry if the column's name or comment said so (unformatted SSNs under
    `ref_no`): shown where one column is explained, never a class and never a finding."""

    class_id: str
    matched: int
    sampled: int
    reason: str


@dataclass(frozen=True, slots=True)  # one per column of every scanned table: 2 M at warehouse scale
class ColumnAssessment:
    column: Column
    classes: tuple[Classification, ...]
    protection: Protection
    sampled: int
    encrypted_by: str | None = None  # the table/serde property that claims column encryption
    notes: tuple[str, ...] = ()
    unconfirmed: tuple[Unconfirmed, ...] = ()

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


SEVERITIES = ("SEV0", "SEV1", "SEV2", "SEV3", "SEV4")
NO_SEVERITY = "none"
LEVELS = ("error", "warning", "note")


def severity_rank(severity: str) -> int:
    """0 for SEV0 (most severe) … 4 for SEV4; anything else ranks below SEV4."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def level_of(severity: str) -> str:
    """SARIF's and code review's word for a SEV: SEV0–SEV2 fail a build, SEV3 warns."""
    rank = severity_rank(severity)
    return "error" if rank <= 2 else "warning" if rank == 3 else "note"


def level_rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


@dataclass(frozen=True)
class Facet:
    """One reason a table is in a finding, named by its rule id (EXP001 broadly readable, EXP002
    stored as plaintext, GATE001 …). A finding holds every facet of its table; SARIF rules and
    suppressions still address facets by rule id."""

    rule_id: str
    rule_name: str
    rule_version: int
    kind: str  # exposure | hygiene | coverage
    severity: str  # what this facet alone rates; the finding takes the worst of its facets
    level: str  # error | warning | note
    message: str
    columns: tuple[str, ...] = ()
    principals: tuple[Principal, ...] = ()  # the broad readers, for a broad-read facet
    location: SourceLocation | None = None  # where in a DDL file (the gate)
    hint: str = ""
    suppressed: Suppression | None = None


@dataclass(frozen=True)
class RangerEdit:
    """A Ranger policy change: Ranger has no REVOKE, so containment names the item to edit."""

    policy_id: int
    policy_name: str
    service: str
    item: int  # 1-based allow item
    principal: Principal  # to remove from the item (containment) or put back (rollback)


@dataclass(frozen=True)
class ContainmentStep:
    """One change that closes broad access paths, with the statement that undoes it."""

    statement: str  # executable: SQL in the warehouse's dialect, or a Ranger policy edit
    rollback: str  # executable, one per step
    engine: str  # the SQL dialect, or "ranger"
    closes: tuple[str, ...]  # the access paths it removes
    cause: str  # the grant or policy item that opened them
    collateral_tables: tuple[str, ...] = ()  # other tables whose access the step also changes
    collateral_readers: tuple[str, ...] = ()  # who loses access to those
    ranger: RangerEdit | None = None


@dataclass(frozen=True)
class Remediation:
    containment: tuple[ContainmentStep, ...] = ()
    long_term: tuple[str, ...] = ()

    @property
    def rollback(self) -> tuple[str, ...]:
        return tuple(step.rollback for step in self.containment)


@dataclass(frozen=True)
class Finding:
    """One exposed object — a table for the scan, a table or view defined in DDL for the gate — with
    every facet of its exposure, one severity, and the containment that closes it. Its identity is a
    versioned fingerprint of the object's typed parts (warehouse, database, table), nothing else."""

    ref: ObjectRef
    fingerprint: str
    severity: str  # SEV0 (most severe) .. SEV4: the worst of the facets
    title: str
    summary: str
    rationale: str
    facets: tuple[Facet, ...]
    table: Table
    columns: tuple[ColumnAssessment, ...]  # the sensitive columns, all facets together
    access: TableAccess  # the broad paths (or, with none, the table's access)
    remediation: Remediation
    origin: str = "scan"  # scan | gate
    location: SourceLocation | None = None  # where the object is defined, when a file says
    uri: str | None = None  # the table as its connector names it (SARIF's artifact location)

    @property
    def id(self) -> str:
        return f"EXP-{self.fingerprint[:12]}"

    @property
    def level(self) -> str:
        return min((f.level for f in self.facets), key=level_rank, default="note")

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.rule_id for f in self.facets))

    @property
    def suppressed(self) -> bool:
        return bool(self.facets) and all(f.suppressed is not None for f in self.facets)

    @property
    def open_facets(self) -> tuple[Facet, ...]:
        return tuple(f for f in self.facets if f.suppressed is None)

    @property
    def open_severity(self) -> str:
        """The severity that still counts once accepted facets are set aside."""
        return min((f.severity for f in self.open_facets), key=severity_rank, default=NO_SEVERITY)

    @property
    def open_level(self) -> str:
        return min((f.level for f in self.open_facets), key=level_rank, default="note")


@dataclass(frozen=True)
class Baseline:
    state: str  # new | unchanged | updated (same table, other facets or severity)
    first_seen: str
    last_seen: str
    previous_severity: str | None = None


@dataclass(frozen=True)
class FixedFinding:
    """Open in an earlier run, gone now (on a table this run did scan)."""

    id: str
    fingerprint: str
    database: str
    table: str
    rules: tuple[str, ...]
    severity: str
    title: str
    first_seen: str
    last_seen: str

    @property
    def display(self) -> str:
        return display_name(self.database, self.table)


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
    # with a state store: new/unchanged/updated per finding fingerprint, and what was fixed since
    baseline: Mapping[str, Baseline] = field(default_factory=frozen_mapping)
    fixed: tuple[FixedFinding, ...] = ()
    suppression_problems: tuple[str, ...] = ()
    resumed_from: str | None = None
    # rule id → (name, kind, description): what SARIF and JUnit readers show as the rule's help
    rules: Mapping[str, tuple[str, str, str]] = field(default_factory=frozen_mapping)

    def open_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.suppressed)
