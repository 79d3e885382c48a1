"""Exposure evaluation: who can read each table, and how bad that is.

Access resolves grants through the role graph to the principals that end up reading, each with a
breadth (everyone / broad / team / owner / unknown). Severity comes from the configurable matrix
sensitivity × breadth × stored state.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scanner.models import (
    AccessPath,
    Breadth,
    ColumnAssessment,
    Grant,
    GrantSet,
    Principal,
    PrincipalType,
    Protection,
    RoleMembership,
    Sensitivity,
    Table,
    TableAccess,
)
from scanner.rules import ExposureRules

SEVERITIES = ("SEV0", "SEV1", "SEV2", "SEV3", "SEV4")
NO_FINDING = "none"


def severity_rank(severity: str) -> int:
    """0 for SEV0 (most severe) … 4 for SEV4; anything else ranks below SEV4."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


@dataclass(frozen=True)
class AccessPolicy:
    """Which principals count as everyone, and which as a broad part of the company."""

    everyone: frozenset[Principal]
    broad: frozenset[Principal]

    @classmethod
    def from_rules(
        cls, rules: ExposureRules, everyone: Iterable[Principal] = (), broad: Iterable[Principal] = ()
    ) -> AccessPolicy:
        return cls(rules.everyone | frozenset(everyone), rules.broad | frozenset(broad))

    def breadth_of(self, principal: Principal) -> Breadth:
        key = Principal(principal.type, principal.name.lower())
        if key in {Principal(p.type, p.name.lower()) for p in self.everyone}:
            return Breadth.EVERYONE
        if key in {Principal(p.type, p.name.lower()) for p in self.broad}:
            return Breadth.BROAD
        return Breadth.TEAM


class AccessModel:
    """Grants indexed for lookups per table, with the role graph resolved on demand."""

    def __init__(self, grant_set: GrantSet, policy: AccessPolicy) -> None:
        self.grant_set = grant_set
        self.policy = policy
        self._by_db: dict[str, list[Grant]] = defaultdict(list)
        self._by_table: dict[tuple[str, str], list[Grant]] = defaultdict(list)
        for grant in grant_set.grants:
            if not grant.allows_read:
                continue
            if grant.table is None:
                self._by_db[grant.database.lower()].append(grant)
            else:
                self._by_table[(grant.database.lower(), grant.table.lower())].append(grant)
        self._members: dict[str, list[RoleMembership]] = defaultdict(list)
        for membership in grant_set.memberships:
            self._members[membership.role.lower()].append(membership)

    def _readers(
        self, principal: Principal, chain: tuple[RoleMembership, ...], seen: frozenset[str]
    ) -> list[tuple[Principal, Breadth, tuple[RoleMembership, ...]]]:
        found = [(principal, self.policy.breadth_of(principal), chain)]
        if principal.type is PrincipalType.ROLE and principal.name.lower() not in seen:
            for membership in self._members.get(principal.name.lower(), []):
                found.extend(
                    self._readers(membership.member, (*chain, membership), seen | {principal.name.lower()})
                )
        return found

    def table_access(self, table: Table) -> TableAccess:
        if not self.grant_set.known:
            return TableAccess(Breadth.UNKNOWN, (), "no grants source was read")
        if table.fqn.lower() in self.grant_set.unknown_tables:
            return TableAccess(Breadth.UNKNOWN, (), "its grants could not be read")
        grants = [
            *self._by_db.get(table.database.lower(), []),
            *self._by_table.get((table.database.lower(), table.name.lower()), []),
        ]
        paths: list[AccessPath] = []
        for grant in grants:
            for reader, breadth, chain in self._readers(grant.principal, (), frozenset()):
                if (
                    table.owner
                    and reader.type is PrincipalType.USER
                    and reader.name == table.owner
                    and breadth is Breadth.TEAM
                ):
                    breadth = Breadth.OWNER
                paths.append(AccessPath(reader, breadth, grant, chain))
        paths.sort(key=lambda p: (-p.breadth.rank, str(p.reader)))
        if not paths:
            owner = f" ({table.owner})" if table.owner else ""
            return TableAccess(Breadth.OWNER, (), f"no read grants: only the owner{owner} and admins")
        return TableAccess(paths[0].breadth, tuple(paths), "")


def path_covers(path: AccessPath, column: str) -> bool:
    return not path.grant.columns or column.lower() in {c.lower() for c in path.grant.columns}


def stored_state(column: ColumnAssessment) -> str:
    """'plaintext' or 'protected' for the matrix; unknown values count as plaintext."""
    at_risk = column.protection.exposes_values or column.protection is Protection.UNKNOWN
    return "plaintext" if at_risk else "protected"


@dataclass(frozen=True)
class SeverityDecision:
    severity: str
    rationale: str


def matrix_severity(
    rules: ExposureRules, columns: Sequence[ColumnAssessment], breadth: Breadth
) -> SeverityDecision:
    best = SeverityDecision(NO_FINDING, "")
    for column in columns:
        sensitivity = column.sensitivity
        if sensitivity is None:
            continue
        state = stored_state(column)
        cell = rules.matrix.get(sensitivity, {}).get(breadth, {}).get(state, NO_FINDING)
        if severity_rank(cell) < severity_rank(best.severity):
            best = SeverityDecision(
                cell,
                f"{sensitivity.value} × {breadth.value} × {state} → {cell} "
                f"(severity_matrix, driven by column {column.column.name})",
            )
    return best


def sensitivity_severity(
    mapping: dict[Sensitivity, str], columns: Sequence[ColumnAssessment], why: str
) -> SeverityDecision:
    best = SeverityDecision(NO_FINDING, "")
    for column in columns:
        sensitivity = column.sensitivity
        if sensitivity is None:
            continue
        cell = mapping.get(sensitivity, NO_FINDING)
        if severity_rank(cell) < severity_rank(best.severity):
            best = SeverityDecision(cell, f"{sensitivity.value} data {why} → {cell}")
    return best
