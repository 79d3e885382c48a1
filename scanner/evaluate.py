"""Exposure evaluation: who can read each table, and how bad that is.

Access resolves grants through the role graph to the principals that end up reading, each with a
breadth (everyone / broad / team / owner / unknown). Severity comes from the configurable matrix
sensitivity × breadth × stored state (scanner/findings.py applies it per facet).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from scanner.directory import Directory
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
    Table,
    TableAccess,
)
from scanner.ranger import Identity, RangerEvaluator, identity_of
from scanner.rules import ExposureRules

DEFAULT_EVERYONE_SHARE = 0.9  # a group holding 90 % of the company is everyone
DEFAULT_BROAD_MEMBERS = 500  # a group this large is a broad part of the company


def _folded(principals: Iterable[Principal]) -> frozenset[Principal]:
    return frozenset(Principal(p.type, p.name.lower()) for p in principals)


@dataclass(frozen=True)
class AccessPolicy:
    """Which principals count as everyone, which as a broad part of the company, and how many
    people a group holds (from the directory file, when there is one)."""

    everyone: frozenset[Principal]
    broad: frozenset[Principal]
    directory: Directory = field(default_factory=Directory)
    everyone_share: float = DEFAULT_EVERYONE_SHARE
    broad_members: int = DEFAULT_BROAD_MEMBERS

    @classmethod
    def from_rules(
        cls,
        rules: ExposureRules,
        everyone: Iterable[Principal] = (),
        broad: Iterable[Principal] = (),
        directory: Directory | None = None,
        everyone_share: float = DEFAULT_EVERYONE_SHARE,
        broad_members: int = DEFAULT_BROAD_MEMBERS,
    ) -> AccessPolicy:
        return cls(
            _folded(rules.everyone | frozenset(everyone)),
            _folded(rules.broad | frozenset(broad)),
            directory or Directory(),
            everyone_share,
            broad_members,
        )

    def breadth_of(self, principal: Principal) -> Breadth:
        key = Principal(principal.type, principal.name.lower())
        if key in self.everyone:
            return Breadth.EVERYONE
        if key in self.broad:
            return Breadth.BROAD
        size = self.directory.group_size(principal.name) if principal.type is PrincipalType.GROUP else None
        company = self.directory.company_size
        if size is not None and company and size >= self.everyone_share * company:
            return Breadth.EVERYONE
        if size is not None and size >= self.broad_members:
            return Breadth.BROAD
        return Breadth.TEAM

    def reach(self, principal: Principal) -> int | None:
        """How many people this principal is, when the directory says."""
        if principal.type is PrincipalType.USER and not principal.name.startswith("{"):
            return 1
        if principal.type is PrincipalType.GROUP:
            size = self.directory.group_size(principal.name)
            if size is not None:
                return size
        if (
            self.breadth_of(principal) is Breadth.EVERYONE
            and Principal(principal.type, principal.name.lower()) in self.everyone
        ):
            return self.directory.company_size
        return None


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
        self.ranger = RangerEvaluator(grant_set.ranger_policies) if grant_set.ranger_policies else None

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
            *(self.ranger.grants_for(table) if self.ranger else []),
        ]
        paths: list[AccessPath] = []
        masks: dict[Principal, tuple[str, ...]] = {}  # one Ranger mask lookup per reader, not per path
        for grant in grants:
            for reader, breadth, chain in self._readers(grant.principal, (), frozenset()):
                if (
                    table.owner
                    and reader.type is PrincipalType.USER
                    and reader.name == table.owner
                    and breadth is Breadth.TEAM
                ):
                    breadth = Breadth.OWNER
                if reader not in masks:
                    masks[reader] = (
                        self.ranger.masked_columns(table, identity_of(reader)) if self.ranger else ()
                    )
                masked = masks[reader]
                paths.append(AccessPath(reader, breadth, grant, chain, self.policy.reach(reader), masked))
        paths.sort(key=lambda p: (-p.breadth.rank, str(p.reader)))
        if not paths:
            owner = f" ({table.owner})" if table.owner else ""
            return TableAccess(Breadth.OWNER, (), f"no read grants: only the owner{owner} and admins")
        return TableAccess(paths[0].breadth, tuple(paths), "")


@dataclass(frozen=True)
class UserAccess:
    """Whether one user, with their groups, can read a table, and through what."""

    user: str
    groups: tuple[str, ...]
    columns: dict[str, list[str]]  # readable column → descriptions of the paths that allow it

    @property
    def can_read(self) -> bool:
        return bool(self.columns)


def user_access(model: AccessModel, table: Table, user: str, groups: Sequence[str]) -> UserAccess:
    """Hive grants reach the user through their user name, groups, everyone-principals and role
    chains; Ranger decides for the user directly, so its deny items and exceptions apply."""
    own = {Principal(PrincipalType.USER, user.lower())} | {
        Principal(PrincipalType.GROUP, g.lower()) for g in groups
    }
    access = model.table_access(table)
    who = Identity(user=user, groups=frozenset(groups))
    masked = set(model.ranger.masked_columns(table, who)) if model.ranger else set()
    columns: dict[str, list[str]] = {}
    for path in access.paths:
        if path.grant.ranger is not None:
            continue  # decided below, for this user
        reader = Principal(path.reader.type, path.reader.name.lower())
        if reader not in own and path.breadth is not Breadth.EVERYONE:
            continue
        for column in table.columns:
            covered = not path.grant.columns or column.name.lower() in {c.lower() for c in path.grant.columns}
            if covered and column.name not in masked:
                columns.setdefault(column.name, []).append(path.describe())
    if model.ranger is not None:
        for name, decision in model.ranger.can_read(table, who):
            if name not in masked and decision.policy is not None:
                policy = decision.policy
                columns.setdefault(name, []).append(
                    f'Ranger policy {policy.id} "{policy.name}" on {policy.resource_text()} '
                    f"allow item {decision.item}"
                )
    return UserAccess(user, tuple(groups), columns)


def path_covers(path: AccessPath, column: str) -> bool:
    """The path lets its reader see this column's values (a Ranger mask hides them)."""
    name = column.lower()
    if name in {c.lower() for c in path.masked_columns}:
        return False
    return not path.grant.columns or name in {c.lower() for c in path.grant.columns}


def stored_state(column: ColumnAssessment) -> str:
    """'plaintext' or 'protected' for the matrix; unknown values count as plaintext."""
    at_risk = column.protection.exposes_values or column.protection is Protection.UNKNOWN
    return "plaintext" if at_risk else "protected"
