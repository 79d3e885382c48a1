"""Apache Ranger hive policies: reading them (export JSON, REST API) and deciding who can read.

Decisions follow Ranger's policy engine:
- a policy applies to a request only when it names every level the request names (database,
  table, column), each level matching with `*`/`?` wildcards, case-insensitively, `isExcludes`
  flipping the match; disabled policies are ignored;
- within a policy: a deny item (unless a deny exception covers the user) denies, else an allow item
  (unless an allow exception covers the user) allows, else `isDenyAllElse` denies;
- across policies the highest priority (override before normal) that reaches a decision wins, and
  within one priority deny beats allow; no decision at all is a deny;
- `{USER}` is any user, group `public` is everyone, `{OWNER}` the table's owner; `all` implies
  `select`; an item with no accesses grants nothing (the stock audit policies list `public` so);
- a data mask other than MASK_NONE hides a column from the principals its item covers, and only
  from them.
"""

from __future__ import annotations

import base64
import fnmatch
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scanner.connectors.base import redact_url
from scanner.errors import GrantsError, SourceError, SourceUnavailable
from scanner.models import (
    Grant,
    GrantSet,
    Principal,
    PrincipalType,
    RangerItem,
    RangerPolicy,
    RangerRef,
    RangerResource,
    SourceLocation,
    Table,
)
from scanner.yamlio import MAX_INPUT_BYTES, decode_utf8, json_brackets, parse_json, read_text

ANY_USER = "{USER}"
OWNER = "{OWNER}"
PUBLIC_GROUP = "public"
READ_ACCESSES = frozenset({"select", "all"})
LEVELS = ("database", "table", "column")
NO_MASK = "MASK_NONE"


# --- reading ------------------------------------------------------------------------------------


def _policy_lines(text: str) -> list[int]:
    """The line each policy object starts on, in a bare list or the export's `policies` array.
    Run only when a policy is malformed."""
    lines: list[int] = []
    array_depth = 1 if text.lstrip().startswith("[") else 0
    for char, line, depth, last_string in json_brackets(text):
        if char == "[" and depth == 1 and last_string == "policies" and not array_depth:
            array_depth = 2
        elif char == "{" and array_depth and depth == array_depth:
            lines.append(line)
        elif char in "]}" and array_depth == 2 and depth - 1 < array_depth:
            array_depth = -1  # the policies array closed: nothing after it is a policy
    return lines


def _strings(raw: Any, what: str, fail: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        fail(f"{what} must be a list of strings")
    return tuple(raw)


def _items(raw: Any, what: str, fail: Any) -> tuple[RangerItem, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        fail(f"{what} must be a list")
    items = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            fail(f"{what}[{index}] must be an object")
        accesses = item.get("accesses") or []
        if not isinstance(accesses, list) or not all(isinstance(a, dict) for a in accesses):
            fail(f"{what}[{index}].accesses must be a list of {{type, isAllowed}} objects")
        mask = item.get("dataMaskInfo") or {}
        row_filter = item.get("rowFilterInfo") or {}
        if not isinstance(mask, dict) or not isinstance(row_filter, dict):
            fail(f"{what}[{index}]: dataMaskInfo and rowFilterInfo must be objects")
        items.append(
            RangerItem(
                accesses=frozenset(
                    str(a.get("type", "")).lower() for a in accesses if a.get("isAllowed", True) is not False
                ),
                users=_strings(item.get("users"), f"{what}[{index}].users", fail),
                groups=_strings(item.get("groups"), f"{what}[{index}].groups", fail),
                roles=_strings(item.get("roles"), f"{what}[{index}].roles", fail),
                mask_type=str(mask["dataMaskType"])
                if isinstance(mask, dict) and "dataMaskType" in mask
                else None,
                row_filter=str(row_filter["filterExpr"])
                if isinstance(row_filter, dict) and row_filter.get("filterExpr") is not None
                else None,
            )
        )
    return tuple(items)


def parse_policies(data: Any, origin: str, text: str = "") -> list[RangerPolicy]:
    """Policies from an export file (`{"policies": [...]}`), a REST page or a bare list."""
    policies_raw = data.get("policies") if isinstance(data, dict) else data
    if not isinstance(policies_raw, list):
        raise GrantsError(
            'not a Ranger policy export: expected a list of policies or {"policies": [...]}',
            file=origin,
            line=1,
            hint="export with /service/plugins/policies/exportJson?serviceName=<hive service>",
        )
    policies = []
    for index, raw in enumerate(policies_raw):
        ident = raw.get("id") if isinstance(raw, dict) else None

        def fail(message: str, ident: Any = ident, index: int = index) -> None:
            where = f"policy {str(ident)[:40]}" if ident is not None else f"policy #{index + 1}"
            starts = _policy_lines(text) if text else []
            line = starts[index] if index < len(starts) else 1
            raise GrantsError(f"{where}: {message}", file=origin, line=line, hint="see docs/grants.md#ranger")

        if not isinstance(raw, dict):
            fail("must be an object")
            continue
        if not isinstance(ident, int):
            fail("needs a numeric id")
        resources_raw = raw.get("resources") or {}
        if not isinstance(resources_raw, dict):
            fail("resources must be an object")
        resources = {}
        for level, res in resources_raw.items():
            if not isinstance(res, dict) or not isinstance(res.get("values", []), list):
                fail(f"resources.{level} must be {{values: [...], isExcludes: bool}}")
            resources[str(level)] = RangerResource(
                tuple(str(v) for v in res.get("values", [])), bool(res.get("isExcludes", False))
            )
        policy_type = raw.get("policyType", 0)
        priority = raw.get("policyPriority", 0)
        if not isinstance(policy_type, int) or not isinstance(priority, int):
            fail("policyType and policyPriority must be numbers")
        policies.append(
            RangerPolicy(
                id=int(raw["id"]),
                name=str(raw.get("name", f"policy {raw['id']}")),
                service=str(raw.get("service", "")),
                enabled=raw.get("isEnabled", True) is not False,
                policy_type=policy_type,
                priority=priority,
                resources=resources,
                allow=_items(raw.get("policyItems"), "policyItems", fail),
                deny=_items(raw.get("denyPolicyItems"), "denyPolicyItems", fail),
                allow_exceptions=_items(raw.get("allowExceptions"), "allowExceptions", fail),
                deny_exceptions=_items(raw.get("denyExceptions"), "denyExceptions", fail),
                masks=_items(raw.get("dataMaskPolicyItems"), "dataMaskPolicyItems", fail),
                row_filters=_items(raw.get("rowFilterPolicyItems"), "rowFilterPolicyItems", fail),
                deny_all_else=bool(raw.get("isDenyAllElse", False)),
                origin=origin,
            )
        )
    return policies


def read_ranger_text(text: str, path: Path | str, dialect: str = "hive") -> GrantSet:
    data = parse_json(text, path, GrantsError, "Ranger JSON")
    policies = parse_policies(data, str(path), text)
    return GrantSet(sources=(str(path),), dialect=dialect, ranger_policies=tuple(policies))


def read_ranger_file(path: Path, dialect: str = "hive", default_database: str = "default") -> GrantSet:
    return read_ranger_text(read_text(path, GrantsError, "Ranger export"), path, dialect)


def fetch_ranger_policies(
    base_url: str, service: str, page_size: int = 200, timeout: float = 30.0
) -> GrantSet:
    """Every policy of `service` through Ranger's public REST API v2, page by page. Credentials
    come from $EXPOSURE_RANGER_USER and $EXPOSURE_RANGER_PASSWORD (or _PASSWORD_FILE)."""
    user = os.environ.get("EXPOSURE_RANGER_USER")
    password = os.environ.get("EXPOSURE_RANGER_PASSWORD")
    password_file = os.environ.get("EXPOSURE_RANGER_PASSWORD_FILE")
    if password is None and password_file:
        password = read_text(Path(password_file), SourceError, "$EXPOSURE_RANGER_PASSWORD_FILE").strip()
    headers = {"Accept": "application/json"}
    if user and password is not None:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    shown = redact_url(base_url)
    try:
        parts = urllib.parse.urlsplit(base_url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise SourceError(
            f"--ranger-url {shown} is not a valid URL", hint="e.g. https://ranger.corp:6182"
        ) from None
    if parts.scheme not in ("http", "https") or not host:
        raise SourceError(
            f"--ranger-url must be http(s)://host: {shown}", hint="e.g. https://ranger.corp:6182"
        )
    if parts.password or parts.username:
        raise SourceError(
            f"credentials in --ranger-url would be logged ({shown})",
            hint="set $EXPOSURE_RANGER_USER and $EXPOSURE_RANGER_PASSWORD instead",
        )
    shown = urllib.parse.urlunsplit((parts.scheme, host, parts.path, "", ""))
    policies: list[RangerPolicy] = []
    start = 0
    while True:
        query = urllib.parse.urlencode({"serviceName": service, "startIndex": start, "pageSize": page_size})
        url = f"{base_url.rstrip('/')}/service/public/v2/api/policy?{query}"
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 - scheme checked above
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                raw = response.read(MAX_INPUT_BYTES + 1)
        except urllib.error.HTTPError as exc:
            hint = (
                "check $EXPOSURE_RANGER_USER / $EXPOSURE_RANGER_PASSWORD" if exc.code in (401, 403) else None
            )
            raise SourceUnavailable(f"Ranger at {shown} answered HTTP {exc.code}", hint=hint) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SourceUnavailable(f"cannot reach Ranger at {shown}: {reason}") from None
        if len(raw) > MAX_INPUT_BYTES:
            raise SourceUnavailable(f"Ranger at {shown} answered more than {MAX_INPUT_BYTES} bytes")
        body = decode_utf8(raw, Path(shown), GrantsError, "Ranger's answer")
        page = parse_json(body, shown, GrantsError, "Ranger answer")
        batch = parse_policies(page, f"{shown} (service {service})", body)
        policies.extend(batch)
        if len(batch) < page_size:
            break
        start += page_size
    return GrantSet(sources=(f"Ranger {shown} service {service}",), ranger_policies=tuple(policies))


# --- deciding -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """Who asks. `user=None` is a hypothetical user known only by groups and roles."""

    user: str | None = None
    groups: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()

    def covered_by(self, item: RangerItem, owner: str | None) -> bool:
        if ANY_USER in item.users or (self.user is not None and self.user in item.users):
            return True
        if OWNER in item.users and owner is not None and self.user == owner:
            return True
        groups = {g.lower() for g in self.groups} | {PUBLIC_GROUP}
        if any(g.lower() in groups for g in item.groups):
            return True
        return bool(self.roles & set(item.roles))


def _value_matches(pattern: str, value: str) -> bool:
    return fnmatch.fnmatchcase(value.lower(), pattern.lower())


def _resource_matches(policy: RangerPolicy, request: Mapping[str, str]) -> bool:
    if set(policy.resources) - set(LEVELS):
        return False  # url, udf, ... policies are about something else
    for level in LEVELS:
        res = policy.resources.get(level)
        if level not in request:
            if res is not None and not (set(res.values) == {"*"} and not res.excludes):
                return False
            continue
        if res is None:
            return False
        hit = any(_value_matches(v, request[level]) for v in res.values)
        if hit == res.excludes:
            return False
    return True


def policy_covers_table(policy: RangerPolicy, table: Table) -> bool:
    """Whether an access policy names this table (any of its columns): what editing one of its
    items changes."""
    if not policy.enabled or policy.policy_type != 0:
        return False
    columns = [c.name for c in table.columns] or ["*"]
    return any(_resource_matches(policy, _request(table, column)) for column in columns)


def _request(table: Table, column: str) -> dict[str, str]:
    return {"database": table.database, "table": table.name, "column": column}


def _grants_read(item: RangerItem) -> bool:
    return bool(item.accesses & READ_ACCESSES)


EVERYONE = Identity()  # a user known only as a user: public, {USER}


@dataclass(frozen=True)
class Decision:
    allowed: bool
    policy: RangerPolicy | None = None
    item: int = 0  # 1-based index of the deciding allow (or deny) item
    reason: str = ""  # what decided a denial: a deny item, isDenyAllElse, or that nothing matched

    def describe(self) -> str:
        if self.policy is None:
            return "no Ranger policy allows it" if self.allowed is False else ""
        head = f'Ranger policy {self.policy.id} "{self.policy.name}" on {self.policy.resource_text()}'
        return f"{head} {self.reason}" if self.reason else f"{head} allow item {self.item}"


@dataclass(frozen=True)
class Mask:
    """A data mask that applies to one reader of one column."""

    mask_type: str
    policy: RangerPolicy
    item: int

    def describe(self) -> str:
        return f'{self.mask_type} by Ranger policy {self.policy.id} "{self.policy.name}" item {self.item}'


@dataclass(frozen=True)
class RowFilter:
    """The row-filter expression Ranger adds to one reader's queries of a table."""

    expression: str
    policy: RangerPolicy
    item: int

    def describe(self) -> str:
        return f'rows filtered by Ranger policy {self.policy.id} "{self.policy.name}": {self.expression}'


def identity_of(principal: Principal) -> Identity:
    """The hypothetical user a principal stands for: a member of that group or role only."""
    if principal.type is PrincipalType.USER:
        return EVERYONE if principal.name == ANY_USER else Identity(user=principal.name)
    if principal.type is PrincipalType.GROUP:
        return (
            EVERYONE
            if principal.name.lower() == PUBLIC_GROUP
            else Identity(groups=frozenset({principal.name}))
        )
    return EVERYONE if principal.name.lower() == "public" else Identity(roles=frozenset({principal.name}))


class RangerEvaluator:
    def __init__(self, policies: Iterable[RangerPolicy]) -> None:
        enabled = [p for p in policies if p.enabled]
        self.access = sorted((p for p in enabled if p.policy_type == 0), key=lambda p: -p.priority)
        self.masks = sorted((p for p in enabled if p.policy_type == 1), key=lambda p: -p.priority)
        self.row_filters = sorted((p for p in enabled if p.policy_type == 2), key=lambda p: -p.priority)

    def decide(self, request: Mapping[str, str], who: Identity, owner: str | None) -> Decision:
        for priority in sorted({p.priority for p in self.access}, reverse=True):
            allowed: Decision | None = None
            denied: Decision | None = None
            for policy in self.access:
                if policy.priority != priority or not _resource_matches(policy, request):
                    continue
                verdict = self._policy_verdict(policy, who, owner)
                if verdict is None:
                    continue
                if not verdict.allowed:
                    denied = denied or verdict
                elif allowed is None:
                    allowed = verdict
            if denied is not None:
                return denied  # within one priority, deny beats allow
            if allowed is not None:
                return allowed
        return Decision(False, reason="no policy matched")

    @staticmethod
    def _policy_verdict(policy: RangerPolicy, who: Identity, owner: str | None) -> Decision | None:
        """The policy's own decision for this identity, or None when it decides nothing."""

        def covering(items: Iterable[RangerItem]) -> int:
            return next(
                (i for i, item in enumerate(items, 1) if _grants_read(item) and who.covered_by(item, owner)),
                0,
            )

        deny_item = covering(policy.deny)
        if deny_item and not covering(policy.deny_exceptions):
            return Decision(False, policy, deny_item, f"deny item {deny_item}")
        allow_item = covering(policy.allow)
        if allow_item and not covering(policy.allow_exceptions):
            return Decision(True, policy, allow_item)
        if policy.deny_all_else:
            return Decision(False, policy, 0, "isDenyAllElse (denies everyone it does not allow)")
        return None

    def column_mask(self, request: Mapping[str, str], who: Identity, owner: str | None) -> Mask | None:
        """The first mask item covering this identity decides, as in Ranger; MASK_NONE shows raw values."""
        for policy in self.masks:
            if not _resource_matches(policy, request):
                continue
            for index, item in enumerate(policy.masks, 1):
                if _grants_read(item) and who.covered_by(item, owner):
                    if item.mask_type in (None, NO_MASK):
                        return None
                    return Mask(str(item.mask_type), policy, index)
        return None

    def mask(
        self, request: Mapping[str, str], who: Identity, owner: str | None
    ) -> tuple[str, RangerPolicy] | None:
        found = self.column_mask(request, who, owner)
        return (found.mask_type, found.policy) if found else None

    def masked_columns(self, table: Table, who: Identity) -> tuple[str, ...]:
        return tuple(c.name for c in table.columns if self.mask(_request(table, c.name), who, table.owner))

    def row_filter(self, table: Table, who: Identity) -> RowFilter | None:
        """The one row filter Ranger applies for this identity: the first covering item decides, and
        an item with no expression means no filter."""
        request = {"database": table.database, "table": table.name}
        for policy in self.row_filters:
            if not _resource_matches(policy, request):
                continue
            for index, item in enumerate(policy.row_filters, 1):
                if (_grants_read(item) or not item.accesses) and who.covered_by(item, table.owner):
                    return RowFilter(item.row_filter, policy, index) if item.row_filter else None
        return None

    def row_filters_for(self, table: Table, who: Identity) -> list[str]:
        found = self.row_filter(table, who)
        return [found.describe()] if found else []

    # --- readers of a table -------------------------------------------------------------------

    def candidates(self, table: Table) -> list[tuple[Principal, Identity]]:
        """Every principal some allow item names for this table, plus everyone."""
        seen: dict[Principal, Identity] = {}
        for policy in self.access:
            if not _resource_matches(
                policy, {"database": table.database, "table": table.name, "column": "*"}
            ) and not any(
                _resource_matches(policy, {"database": table.database, "table": table.name, "column": c.name})
                for c in table.columns
            ):
                continue
            for item in policy.allow:
                if not _grants_read(item):
                    continue
                for user in item.users:
                    if user == ANY_USER:
                        seen.setdefault(Principal(PrincipalType.USER, ANY_USER), Identity())
                    elif user == OWNER:
                        if table.owner:
                            seen.setdefault(
                                Principal(PrincipalType.USER, table.owner), Identity(user=table.owner)
                            )
                    else:
                        seen.setdefault(Principal(PrincipalType.USER, user), Identity(user=user))
                for group in item.groups:
                    if group.lower() == PUBLIC_GROUP:
                        seen.setdefault(Principal(PrincipalType.GROUP, PUBLIC_GROUP), Identity())
                    else:
                        seen.setdefault(
                            Principal(PrincipalType.GROUP, group), Identity(groups=frozenset({group}))
                        )
                for role in item.roles:
                    seen.setdefault(Principal(PrincipalType.ROLE, role), Identity(roles=frozenset({role})))
        return list(seen.items())

    def grants_for(self, table: Table) -> list[Grant]:
        """What Ranger lets each named principal read of this table, as grants with their path."""
        out: list[Grant] = []
        columns = [c.name for c in table.columns] or ["*"]
        for principal, who in self.candidates(table):
            by_item: dict[tuple[int, int], list[str]] = {}
            policies: dict[tuple[int, int], RangerPolicy] = {}
            for column in columns:
                request = _request(table, column)
                decision = self.decide(request, who, table.owner)
                if decision.allowed and decision.policy is not None:
                    item = decision.policy.allow[decision.item - 1]
                    if who != EVERYONE and EVERYONE.covered_by(item, table.owner):
                        continue  # that item reaches everyone: the path belongs to everyone
                    key = (decision.policy.id, decision.item)
                    by_item.setdefault(key, []).append(column)
                    policies[key] = decision.policy
            notes = tuple(self.row_filters_for(table, who))
            for key, allowed_columns in by_item.items():
                policy = policies[key]
                whole = len(allowed_columns) == len(columns)
                ref = RangerRef(policy.id, policy.name, policy.service, key[1], policy.resource_text())
                out.append(
                    Grant(
                        principal=principal,
                        privilege="SELECT",
                        database=table.database,
                        table=table.name,
                        columns=() if whole else tuple(allowed_columns),
                        grantor="ranger",
                        source=SourceLocation(f"{ref} allow item {key[1]} [{policy.origin}]", None),
                        ranger=ref,
                        notes=notes,
                    )
                )
        return out

    def can_read(self, table: Table, who: Identity) -> list[tuple[str, Decision]]:
        """(column, decision) for every column this identity may read."""
        return [(column, d) for column, d in self.decisions(table, who) if d.allowed]

    def decisions(self, table: Table, who: Identity) -> list[tuple[str, Decision]]:
        """(column, decision) for every column (`*` when the columns are unknown), denials included."""
        return [
            (column, self.decide(_request(table, column), who, table.owner))
            for column in [c.name for c in table.columns] or ["*"]
        ]

    def mask_of(self, table: Table, column: str, who: Identity) -> Mask | None:
        return self.column_mask(_request(table, column), who, table.owner)
