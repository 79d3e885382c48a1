"""Exposure evaluation: who can read each table, and how bad that is.

Access resolves grants through the role graph to the principals that end up reading, each with a
breadth (everyone / broad / team / owner / unknown). Severity comes from the configurable matrix
sensitivity × breadth × stored state (scanner/findings.py applies it per facet).
"""

from __future__ import annotations

from collections import defaultdict, deque
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
    PrincipalKey,
    PrincipalType,
    Protection,
    RoleMembership,
    Table,
    TableAccess,
    TableKey,
    principal_key,
    table_key,
)
from scanner.ranger import Identity, Mask, RangerEvaluator, RowFilter, identity_of
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


Reached = tuple[Principal, Breadth, tuple[RoleMembership, ...]]
MAX_CYCLE_SHOWN = 12


class AccessModel:
    """Grants indexed for lookups per table, with the role graph resolved once per role.

    Role memberships form a graph (role → its members). Who holds a role is found by one
    breadth-first walk per role, remembered for every later table, so evaluation is linear in the
    memberships however the roles are shaped (diamonds, chains of thousands) and never recursive.
    A role that has members is represented by them: paths end at users, groups, roles without
    members, the grantee itself, and any role that counts as everyone or broad. Cycles (which Hive
    refuses to create) are walked once and reported in `warnings`."""

    def __init__(self, grant_set: GrantSet, policy: AccessPolicy) -> None:
        self.grant_set = grant_set
        self.policy = policy
        self._by_db: dict[str, list[Grant]] = defaultdict(list)
        self._by_table: dict[TableKey, list[Grant]] = defaultdict(list)
        for grant in grant_set.grants:
            if not grant.allows_read:
                continue
            if grant.table is None:
                self._by_db[grant.database.lower()].append(grant)
            else:
                self._by_table[table_key(grant.database, grant.table)].append(grant)
        self._members: dict[str, list[RoleMembership]] = defaultdict(list)
        self._roles_of: dict[PrincipalKey, list[RoleMembership]] = defaultdict(list)
        for membership in grant_set.memberships:
            self._members[membership.role.lower()].append(membership)
            self._roles_of[principal_key(membership.member)].append(membership)
        self._reached: dict[str, tuple[Reached, ...]] = {}
        self.ranger = RangerEvaluator(grant_set.ranger_policies) if grant_set.ranger_policies else None
        self.warnings = tuple(role_cycle_warnings(grant_set.memberships))

    def _readers(self, principal: Principal) -> tuple[Reached, ...]:
        if principal.type is not PrincipalType.ROLE:
            return ((principal, self.policy.breadth_of(principal), ()),)
        role = principal.name.lower()
        found = self._reached.get(role)
        if found is None:
            found = self._reached[role] = self._walk_members(principal)
        return found

    def _walk_members(self, grantee: Principal) -> tuple[Reached, ...]:
        start = principal_key(grantee)
        # parent pointers instead of chains per node: a 10,000-role chain stays linear
        parent: dict[PrincipalKey, RoleMembership | None] = {start: None}
        holders: dict[PrincipalKey, Principal] = {start: grantee}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            if current[0] is not PrincipalType.ROLE:
                continue
            for membership in self._members.get(current[1], ()):
                key = principal_key(membership.member)
                if key not in parent:
                    parent[key] = membership
                    holders[key] = membership.member
                    queue.append(key)
        out: list[Reached] = []
        for key, holder in holders.items():
            breadth = self.policy.breadth_of(holder)
            expanded = key[0] is PrincipalType.ROLE and bool(self._members.get(key[1]))
            if key != start and expanded and breadth is Breadth.TEAM:
                continue  # an intermediate role: its members carry the path on
            out.append((holder, breadth, self._chain(parent, key)))
        return tuple(out)

    @staticmethod
    def _chain(
        parent: dict[PrincipalKey, RoleMembership | None], key: PrincipalKey
    ) -> tuple[RoleMembership, ...]:
        """Memberships from the grantee out to `key`."""
        chain: list[RoleMembership] = []
        step = parent[key]
        while step is not None:
            chain.append(step)
            step = parent[(PrincipalType.ROLE, step.role.lower())]
        chain.reverse()
        return tuple(chain)

    def grants_on(self, table: Table) -> list[Grant]:
        """Read grants from grants files and the metastore on this table or its database."""
        return [
            *self._by_db.get(table.database.lower(), []),
            *self._by_table.get(table_key(table.database, table.name), []),
        ]

    def unknown_reason(self, table: Table) -> str | None:
        if not self.grant_set.known:
            return "no grants source was read"
        if table_key(table.database, table.name) in self.grant_set.unknown_tables:
            return "its grants could not be read"
        return None

    def table_access(self, table: Table) -> TableAccess:
        reason = self.unknown_reason(table)
        if reason is not None:
            return TableAccess(Breadth.UNKNOWN, (), reason)
        grants = [*self.grants_on(table), *(self.ranger.grants_for(table) if self.ranger else [])]
        paths: list[AccessPath] = []
        masks: dict[Principal, tuple[str, ...]] = {}  # one Ranger mask lookup per reader, not per path
        for grant in grants:
            for reader, breadth, chain in self._readers(grant.principal):
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
                paths.append(
                    AccessPath(reader, breadth, grant, chain, self.policy.reach(reader), masks[reader])
                )
        paths.sort(key=lambda p: (-p.breadth.rank, str(p.reader)))
        if not paths:
            owner = f" ({table.owner})" if table.owner else ""
            return TableAccess(Breadth.OWNER, (), f"no read grants: only the owner{owner} and admins")
        return TableAccess(paths[0].breadth, tuple(paths), "")

    def roles_held(
        self, principals: Iterable[Principal]
    ) -> dict[PrincipalKey, tuple[Principal, tuple[RoleMembership, ...]]]:
        """Every principal these hold, directly or through roles granted to them (and roles granted
        to those), each with the person's own principal it starts from and the memberships from
        the held role back down to it."""
        held: dict[PrincipalKey, tuple[Principal, tuple[RoleMembership, ...]]] = {}
        parent: dict[PrincipalKey, tuple[PrincipalKey, RoleMembership] | None] = {}
        origin: dict[PrincipalKey, Principal] = {}
        queue: deque[PrincipalKey] = deque()
        for principal in principals:
            key = principal_key(principal)
            if key not in parent:
                parent[key] = None
                origin[key] = principal
                queue.append(key)
        while queue:
            current = queue.popleft()
            for membership in self._roles_of.get(current, ()):
                key = (PrincipalType.ROLE, membership.role.lower())
                if key not in parent:
                    parent[key] = (current, membership)
                    origin[key] = origin[current]
                    queue.append(key)
        for key in parent:
            chain: list[RoleMembership] = []
            step = parent[key]
            while step is not None:
                chain.append(step[1])
                step = parent[step[0]]
            held[key] = (origin[key], tuple(chain))  # grantee first, as AccessPath.via_roles
        return held


def role_cycle_warnings(memberships: Sequence[RoleMembership]) -> list[str]:
    """One warning per cycle of roles granted to each other (Hive's metastore refuses such a
    GRANT ROLE; a merged or hand-written source may still hold one). Tarjan's algorithm, iterative."""
    graph: dict[str, list[tuple[str, RoleMembership]]] = defaultdict(list)
    for m in memberships:
        if m.member.type is PrincipalType.ROLE:
            graph[m.role.lower()].append((m.member.name.lower(), m))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in list(graph):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, edge = work.pop()
            if edge == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            edges = graph.get(node, [])
            if edge < len(edges):
                work.append((node, edge + 1))
                child = edges[edge][0]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if work and work[-1][0] != node:
                parent_node = work[-1][0]
                low[parent_node] = min(low[parent_node], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                components.append(component)
    warnings = []
    for component in components:
        members = set(component)
        start = min(component)
        if len(component) == 1 and not any(child == start for child, _ in graph.get(start, [])):
            continue
        cycle = _cycle_through(start, members, graph)
        shown = [f"role {child} [{m.source}]" if m and m.source else f"role {child}" for child, m in cycle]
        if len(shown) > MAX_CYCLE_SHOWN:
            # a cycle of thousands of roles is named by its ends, not spelled out
            hidden = len(shown) - MAX_CYCLE_SHOWN + 1
            shown = [*shown[: MAX_CYCLE_SHOWN - 2], f"… {hidden} more roles", shown[-1]]
        steps = " → ".join(shown)
        warnings.append(
            f"roles granted in a cycle: {steps} (each role is granted to the next; Hive refuses such a "
            "GRANT ROLE); its memberships are followed once"
        )
    return warnings


def _cycle_through(
    start: str, members: set[str], graph: dict[str, list[tuple[str, RoleMembership]]]
) -> list[tuple[str, RoleMembership | None]]:
    """The shortest cycle from `start` back to itself inside one strongly connected component."""
    parent: dict[str, tuple[str, RoleMembership]] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child, membership in graph.get(node, []):
            if child not in members:
                continue
            if child == start:
                path: list[tuple[str, RoleMembership | None]] = [(start, membership)]
                while node != start:
                    previous, step = parent[node]
                    path.append((node, step))
                    node = previous
                path.append((start, None))
                path.reverse()
                return path
            if child not in parent:
                parent[child] = (node, membership)
                queue.append(child)
    return [(start, None)]


@dataclass(frozen=True)
class ColumnAccess:
    """What one user gets from one column: the paths that let them query it, the mask on what they
    see, or what denied them."""

    column: str
    paths: tuple[str, ...]
    mask: Mask | None = None
    denied_by: str | None = None

    @property
    def readable(self) -> bool:
        return bool(self.paths)

    @property
    def raw(self) -> bool:
        """Readable, and the values are shown as stored."""
        return self.readable and self.mask is None


@dataclass(frozen=True)
class UserAccess:
    """Whether one person (a user, their groups and roles) can read a table, and through what."""

    user: str
    groups: tuple[str, ...]
    columns: tuple[ColumnAccess, ...]
    roles: tuple[str, ...] = ()
    row_filter: RowFilter | None = None
    unknown: str | None = None  # why nobody can say (no grants source, unreadable grants)

    @property
    def can_read(self) -> bool:
        return any(c.readable for c in self.columns)


def user_access(
    model: AccessModel, table: Table, user: str, groups: Sequence[str], roles: Sequence[str] = ()
) -> UserAccess:
    """Hive grants reach the person through their user name, groups, the roles given and every
    role granted to those (and `public`, which every user holds); Ranger decides for the person
    directly, so its deny items, exceptions, masks and row filters that name them apply."""
    unknown = model.unknown_reason(table)
    if unknown is not None:
        return UserAccess(user, tuple(groups), (), tuple(roles), None, unknown)
    mine = [
        Principal(PrincipalType.USER, user),
        *(Principal(PrincipalType.GROUP, g) for g in groups),
        *(Principal(PrincipalType.ROLE, r) for r in roles),
        Principal(PrincipalType.ROLE, "public"),
        *sorted(model.policy.everyone),  # every employee is in these, by definition
    ]
    held = model.roles_held(mine)
    names = [c.name for c in table.columns] or ["*"]
    paths: dict[str, list[str]] = {name: [] for name in names}
    if table.owner is not None and table.owner == user:
        for name in names:
            paths[name].append(f"user {user} owns {table.fqn}: owners hold every privilege")
    for grant in model.grants_on(table):
        reach = held.get(principal_key(grant.principal))
        if reach is None:
            continue
        start, chain = reach
        described = AccessPath(start, model.policy.breadth_of(start), grant, chain).describe()
        for name in names:
            if not grant.columns or name.lower() in {c.lower() for c in grant.columns}:
                paths[name].append(described)
    who = Identity(user=user, groups=frozenset(groups), roles=frozenset(roles))
    decisions = dict(model.ranger.decisions(table, who)) if model.ranger else {}
    columns = []
    for name in names:
        decision = decisions.get(name)
        if decision is not None and decision.allowed:
            paths[name].append(decision.describe())
        denied = None
        if not paths[name]:
            denied = decision.describe() if decision is not None else "no grant covers it"
        mask = model.ranger.mask_of(table, name, who) if model.ranger and paths[name] else None
        columns.append(ColumnAccess(name, tuple(paths[name]), mask, denied))
    row_filter = model.ranger.row_filter(table, who) if model.ranger else None
    return UserAccess(user, tuple(groups), tuple(columns), tuple(roles), row_filter)


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
