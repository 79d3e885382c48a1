"""Grants sources: SQL scripts of GRANT/REVOKE statements, a YAML form and Ranger exports.

The kind of a file is decided by its content, never its name. Statements apply in order across all
grants files, to one model of Hive's privilege tables (`GrantLedger`): table privileges (TBL_PRIVS),
column privileges (TBL_COL_PRIVS), database privileges (DB_PRIVS) and role memberships (ROLE_MAP)
are kept apart, as the metastore keeps them. docs/grants.md gives the Hive source of each rule.

SQL is parsed with sqlglot, statement by statement, so every grant keeps its file:line. sqlglot
parses `GRANT ... TO ROLE|GROUP` into expressions but falls back to an opaque Command for
`TO USER`, `GRANT ROLE ...` and `REVOKE ... FROM USER`; those are read here from sqlglot's tokens so
no user grant vanishes silently. A statement that is not a grant, revoke, role statement or `USE` is
an error: a typo such as `GRANTT` must not leave a table looking owner-only.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokenizer_core import Token, TokenType

from scanner.errors import GrantsError, did_you_mean
from scanner.models import (
    Grant,
    GrantSet,
    Principal,
    PrincipalKey,
    PrincipalType,
    RangerPolicy,
    RoleMembership,
    SourceLocation,
    principal_key,
)
from scanner.ranger import read_ranger_text
from scanner.yamlio import LineMap, load_schema, parse_yaml, read_text, validate

PRIVILEGE_ALIASES = {"ALL PRIVILEGES": "ALL"}
KNOWN_PRIVILEGES = frozenset(
    {
        "SELECT",
        "INSERT",
        "UPDATE",
        "DELETE",
        "ALL",
        "ALTER",
        "CREATE",
        "DROP",
        "INDEX",
        "LOCK",
        "READ",
        "WRITE",
        "SHOW_DATABASE",
        "REFRESH",
        "USAGE",
        "REFERENCES",
        "TRUNCATE",
        "EXECUTE",
    }
)
# SQL-standard authorization expands ALL into these when granting, so revoking one keeps the others.
HIVE_ALL = ("SELECT", "INSERT", "UPDATE", "DELETE")
# Securables that hold no table data (Hive URIs, Impala servers, functions): warned about, skipped.
NON_TABLE_SECURABLES = frozenset({"URI", "SERVER", "FUNCTION", "UDF", "URL"})
# SHOW statements about roles and grants change nothing and may stand in a grants script.
SHOW_WORDS = frozenset({"GRANT", "ROLE", "ROLES", "CURRENT", "PRINCIPALS"})
STATEMENT_HINT = (
    "a grants file holds GRANT, REVOKE, CREATE/DROP/SET ROLE, SHOW GRANT/ROLES and USE statements"
)
GRANT_SHAPE = "expected GRANT <privileges> ON [TABLE|DATABASE] <name> TO USER|GROUP|ROLE <principal>"


@dataclass(frozen=True)
class Statement:
    text: str
    line: int
    tokens: tuple[Token, ...]


def split_statements(sql: str, path: str, dialect: str) -> list[Statement]:
    """Split on top-level semicolons using sqlglot's tokenizer, keeping each statement's first line."""
    try:
        tokens = sqlglot.Dialect.get_or_raise(dialect).tokenize(sql)
    except TokenError as exc:
        line = _token_error_line(exc) or _first_untokenizable_line(sql, dialect)
        raise GrantsError(
            f"cannot tokenize SQL: {_first_line(exc)}",
            file=path,
            line=line,
            hint="look for an unclosed quote or comment",
        ) from None
    return statements_from_tokens(sql, tokens)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return " ".join(text.splitlines()[0].split())[:200] if text else type(exc).__name__


def _first_untokenizable_line(sql: str, dialect: str) -> int:
    """Where tokenizing starts to fail: the shortest prefix of lines that no longer tokenizes
    (an unclosed quote or comment begins on its last line). Binary search; error path only."""
    lines = sql.splitlines(keepends=True)
    low, high = 1, len(lines)
    while low < high:
        middle = (low + high) // 2
        try:
            sqlglot.Dialect.get_or_raise(dialect).tokenize("".join(lines[:middle]))
        except TokenError:
            high = middle
        else:
            low = middle + 1
    return max(low, 1)


def _token_error_line(exc: TokenError) -> int | None:
    match = re.search(r"[Ll]ine (\d+)", str(exc))
    return int(match.group(1)) if match else None


def statements_from_tokens(sql: str, tokens: Sequence[Token]) -> list[Statement]:
    """Group tokens into statements at top-level semicolons."""
    statements: list[Statement] = []
    current: list[Token] = []
    counted, line = 0, 1  # a token's own line is where it ends; a statement starts where its first begins
    for token in [*tokens, None]:
        if token is None or token.token_type == TokenType.SEMICOLON:
            if current:
                start, end = current[0].start, current[-1].end
                line += sql.count("\n", counted, start)
                counted = start
                statements.append(Statement(sql[start : end + 1], line, tuple(current)))
            current = []
        else:
            current.append(token)
    return statements


def _privilege_name(priv: exp.Expression) -> str:
    name = priv.this.name if isinstance(priv.this, exp.Expression) else str(priv.this)
    name = " ".join(name.upper().split())
    return PRIVILEGE_ALIASES.get(name, name)


# --- the privilege tables ----------------------------------------------------------------------

# (level, principal, privilege, database, table, column), names folded as Hive folds them
PrivilegeKey = tuple[str, PrincipalKey, str, str, str, str]
MembershipKey = tuple[str, PrincipalKey]


def _object_text(grant: Grant) -> str:
    on = "DATABASE" if grant.table is None else "TABLE"
    return f"{on} {grant.object_name}"


class GrantLedger:
    """Hive's privilege tables as a sequence of statements leaves them.

    A column grant is kept per column (TBL_COL_PRIVS), apart from table grants (TBL_PRIVS) and
    database grants (DB_PRIVS), so a REVOKE at one level never touches another. Revoking what was
    never granted leaves everything as it was and adds a warning, as Hive refuses such a REVOKE."""

    def __init__(self) -> None:
        self._privileges: dict[PrivilegeKey, Grant] = {}  # insertion order is statement order
        self._memberships: dict[MembershipKey, RoleMembership] = {}
        self.warnings: list[str] = []
        self._grants_cache: list[Grant] | None = None

    # -- grants -----------------------------------------------------------------------------------

    @staticmethod
    def _keys(grant: Grant) -> list[PrivilegeKey]:
        principal = principal_key(grant.principal)
        priv = grant.privilege
        database = grant.database.lower()
        if grant.table is None:
            return [("database", principal, priv, database, "", "")]
        table = grant.table.lower()
        if grant.columns:
            return [("column", principal, priv, database, table, c.lower()) for c in grant.columns]
        return [("table", principal, priv, database, table, "")]

    def grant(self, grant: Grant) -> None:
        self._grants_cache = None
        for key in self._keys(grant):
            held = self._privileges.get(key)
            # Granting again only ever adds the grant option; the first grant's origin stays.
            if held is None or (grant.grant_option and not held.grant_option):
                self._privileges[key] = grant if held is None else replace(held, grant_option=True)

    def revoke(self, revoked: Grant, where: str, grant_option_only: bool = False) -> None:
        """REVOKE [GRANT OPTION FOR] <privilege> [(columns)] ON <object> FROM <principal>."""
        self._grants_cache = None
        if revoked.privilege == "ALL":
            privileges: Iterable[str] = sorted(KNOWN_PRIVILEGES)
        else:
            privileges = (revoked.privilege, "ALL")  # a holder of ALL loses just this privilege
        missing: list[str] = []
        for wanted in self._keys(revoked):
            outcomes = [
                self._revoke_key((*wanted[:2], p, *wanted[3:]), revoked.privilege, grant_option_only)
                for p in privileges
            ]
            if not any(outcomes):
                missing.append(wanted[5])
        if missing:
            what = "GRANT OPTION FOR " if grant_option_only else ""
            columns = [c for c in missing if c]
            cols = f"({', '.join(columns)})" if columns else ""
            self.warnings.append(
                f"{where}: REVOKE {what}{revoked.privilege}{cols} ON {_object_text(revoked)} FROM "
                f"{revoked.principal}: no such {'grant option' if grant_option_only else 'grant'} "
                "(Hive would refuse this REVOKE); every other grant is kept"
            )

    def _revoke_key(self, key: PrivilegeKey, privilege: str, grant_option_only: bool) -> bool:
        held = self._privileges.get(key)
        if held is None:
            return False
        if grant_option_only:
            if not held.grant_option:
                return False
            self._privileges[key] = replace(held, grant_option=False)
            return True
        del self._privileges[key]
        if key[2] == "ALL" and privilege != "ALL":
            # REVOKE SELECT from a holder of ALL leaves INSERT, UPDATE and DELETE.
            for rest in HIVE_ALL:
                if rest != privilege:
                    self._privileges.setdefault((*key[:2], rest, *key[3:]), replace(held, privilege=rest))
        return True

    # -- roles ------------------------------------------------------------------------------------

    def grant_role(self, membership: RoleMembership) -> None:
        key = (membership.role.lower(), principal_key(membership.member))
        held = self._memberships.get(key)
        if held is None:
            self._memberships[key] = membership
        elif membership.admin_option and not held.admin_option:
            self._memberships[key] = replace(held, admin_option=True)

    def revoke_role(self, role: str, member: Principal, where: str, admin_option_only: bool = False) -> None:
        key = (role.lower(), principal_key(member))
        held = self._memberships.get(key)
        if held is None or (admin_option_only and not held.admin_option):
            what = "ADMIN OPTION FOR " if admin_option_only else ""
            self.warnings.append(
                f"{where}: REVOKE {what}ROLE {role} FROM {member}: no such "
                f"{'admin option' if admin_option_only else 'membership'} (Hive would refuse this "
                "REVOKE); every other membership is kept"
            )
            return
        if admin_option_only:
            self._memberships[key] = replace(held, admin_option=False)  # the member keeps the role
        else:
            del self._memberships[key]

    def drop_role(self, role: str) -> None:
        """DROP ROLE removes the role's grants and memberships with it."""
        self._grants_cache = None
        name = role.lower()
        as_member = (PrincipalType.ROLE, name)
        self._memberships = {k: m for k, m in self._memberships.items() if k[0] != name and k[1] != as_member}
        self._privileges = {k: g for k, g in self._privileges.items() if k[1] != as_member}

    # -- results ----------------------------------------------------------------------------------

    @property
    def grants(self) -> list[Grant]:
        """Every grant held, in statement order; a column grant lists the columns still held."""
        if self._grants_cache is None:
            held_columns: dict[Grant, list[str]] = {}
            order: list[tuple[bool, Grant]] = []  # (is a column grant, grant)
            for key, grant in self._privileges.items():
                if key[0] != "column":
                    order.append((False, grant))
                    continue
                group = replace(grant, columns=())
                if group not in held_columns:
                    held_columns[group] = []
                    order.append((True, group))
                spelled = next((c for c in grant.columns if c.lower() == key[5]), key[5])
                held_columns[group].append(spelled)
            self._grants_cache = [
                replace(g, columns=tuple(held_columns[g])) if by_column else g for by_column, g in order
            ]
        return list(self._grants_cache)

    @property
    def memberships(self) -> list[RoleMembership]:
        return list(self._memberships.values())


# --- SQL statements ------------------------------------------------------------------------------


def _word(token: Token) -> str:
    """A keyword as upper-case text; quoted names and strings are never keywords."""
    if token.token_type in (TokenType.IDENTIFIER, TokenType.STRING):
        return ""
    return token.text.upper()


class _GrantReader:
    """Reads one SQL script's statements into a ledger shared by every grants file."""

    def __init__(
        self, path: str, dialect: str, default_database: str, ledger: GrantLedger | None = None
    ) -> None:
        self.path = path
        self.dialect = dialect
        self.database = default_database
        self.ledger = ledger or GrantLedger()

    @property
    def grants(self) -> list[Grant]:
        return self.ledger.grants

    @property
    def memberships(self) -> list[RoleMembership]:
        return self.ledger.memberships

    @property
    def warnings(self) -> list[str]:
        return self.ledger.warnings

    def error(self, stmt: Statement, message: str, hint: str) -> GrantsError:
        return GrantsError(message, file=self.path, line=stmt.line, hint=hint)

    def where(self, stmt: Statement) -> str:
        return f"{self.path}:{stmt.line}"

    def read_script(self, sql: str) -> None:
        # sqlglot logs a warning for each Command fallback; those statements are handled here.
        sqlglot_logger = logging.getLogger("sqlglot")
        previous = sqlglot_logger.level
        sqlglot_logger.setLevel(logging.ERROR)
        try:
            statements = split_statements(sql, self.path, self.dialect)
            if not statements:
                self.warnings.append(f"{self.path}: holds no statements")
            for stmt in statements:
                self.read(stmt)
        finally:
            sqlglot_logger.setLevel(previous)

    def read(self, stmt: Statement) -> None:
        words = [_word(t) for t in stmt.tokens]
        keyword = words[0]
        if keyword == "USE":
            if len(stmt.tokens) != 2:
                raise self.error(stmt, "USE needs one database name", "write USE <database>;")
            self.database = stmt.tokens[1].text
        elif keyword == "GRANT":
            self._read_grant_or_revoke(stmt, words, revoke=False)
        elif keyword == "REVOKE":
            self._read_grant_or_revoke(stmt, words, revoke=True)
        elif keyword in ("CREATE", "DROP") and words[1:2] == ["ROLE"]:
            if len(stmt.tokens) != 3:
                raise self.error(stmt, f"{keyword} ROLE needs one role name", f"write {keyword} ROLE <name>;")
            if keyword == "DROP":
                self.ledger.drop_role(stmt.tokens[2].text)
        elif (keyword == "SET" and words[1:2] == ["ROLE"]) or (
            keyword == "SHOW" and words[1:2] and words[1] in SHOW_WORDS
        ):
            pass  # session and read-only statements: nothing changes
        else:
            shown = " ".join(" ".join(t.text for t in stmt.tokens[:2]).split())[:60]
            close = did_you_mean(keyword, ["GRANT", "REVOKE", "USE", "CREATE", "DROP"], "did you mean {}? ")
            raise self.error(stmt, f"'{shown}' is not a grant statement", (close or "") + STATEMENT_HINT)

    def _read_grant_or_revoke(self, stmt: Statement, words: list[str], revoke: bool) -> None:
        if len(words) < 3:
            raise self.error(stmt, f"incomplete {words[0]} statement", GRANT_SHAPE)
        if revoke and words[1:4] == ["ADMIN", "OPTION", "FOR"]:
            self._read_role_grant(stmt, 4, revoke, option_only=True)
            return
        if words[1:2] == ["ROLE"]:
            self._read_role_grant(stmt, 2, revoke)
            return
        if "ON" not in words:
            # Hive's SQL-standard form names the roles without the ROLE keyword: GRANT r TO USER u
            if words[1] in KNOWN_PRIVILEGES or words[1] in PRIVILEGE_ALIASES:
                raise self.error(stmt, "grant names no object", "add ON TABLE <db.table>")
            self._read_role_grant(stmt, 1, revoke)
            return
        securable_kind = words[words.index("ON") + 1] if words.index("ON") + 1 < len(words) else None
        if securable_kind in NON_TABLE_SECURABLES:
            self.warnings.append(f"{self.where(stmt)}: ignored grant on {securable_kind} (not a table)")
            return
        text, user_positions = _users_as_roles(stmt, "FROM" if revoke else "TO")
        verb = "REVOKE" if revoke else "GRANT"
        try:
            parsed = sqlglot.parse_one(text, read=self.dialect)
        except (ParseError, TokenError) as exc:
            raise self.error(
                stmt, f"cannot parse {verb} statement: {_first_line(exc)}", GRANT_SHAPE
            ) from None
        if not isinstance(parsed, exp.Grant | exp.Revoke):
            raise self.error(stmt, f"cannot read this statement as a {verb}", GRANT_SHAPE)
        kind = (parsed.args.get("kind") or "TABLE").upper()
        securable = parsed.args.get("securable")
        if not isinstance(securable, exp.Table) or not securable.name:
            raise self.error(stmt, "grant names no object", "add ON TABLE <db.table>")
        if securable.catalog:
            raise self.error(stmt, f"{securable.sql()} has three parts", "name a table as db.table")
        if kind in ("DATABASE", "SCHEMA"):
            if securable.db:
                raise self.error(stmt, f"database {securable.sql()} has two parts", "name a database alone")
            database, table = securable.name, None
        elif kind in ("TABLE", "VIEW"):
            database, table = securable.db or self.database, securable.name
        else:
            self.warnings.append(f"{self.where(stmt)}: ignored grant on {kind} (not a table or database)")
            return
        principals: list[Principal] = []
        for index, p in enumerate(parsed.args.get("principals") or []):
            p_kind = "USER" if index in user_positions else (p.args.get("kind") or "USER").upper()
            if p_kind not in PrincipalType.__members__:
                raise self.error(stmt, f"unknown principal kind {p_kind}", "use USER, GROUP or ROLE")
            if not p.name:
                raise self.error(stmt, "a principal has no name", "write USER|GROUP|ROLE <name>")
            principals.append(Principal(PrincipalType(p_kind), p.name))
        if not principals:
            raise self.error(stmt, f"{verb} names no principal", "add USER|GROUP|ROLE <name>")
        location = SourceLocation(self.path, stmt.line)
        # On a GRANT: WITH GRANT OPTION. On a REVOKE: GRANT OPTION FOR, which keeps the privilege.
        grant_option = bool(parsed.args.get("grant_option"))
        for priv in parsed.args.get("privileges") or []:
            name = _privilege_name(priv)
            if name not in KNOWN_PRIVILEGES:
                raise self.error(
                    stmt,
                    f"unknown privilege {name}",
                    did_you_mean(name, KNOWN_PRIVILEGES, "did you mean {}?")
                    or "use SELECT, INSERT, UPDATE, DELETE or ALL",
                )
            columns = tuple(dict.fromkeys(c.name for c in priv.expressions))
            if any(not c for c in columns):
                raise self.error(stmt, "a column has no name", "list columns as (a, b)")
            if columns and table is None:
                raise self.error(stmt, "column privileges need a table", "write ON TABLE <db.table>")
            for principal in principals:
                grant = Grant(
                    principal=principal,
                    privilege=name,
                    database=database,
                    table=table,
                    columns=columns,
                    grant_option=grant_option and not revoke,
                    source=location,
                )
                if revoke:
                    self.ledger.revoke(grant, self.where(stmt), grant_option_only=grant_option)
                else:
                    self.ledger.grant(grant)

    def _read_role_grant(self, stmt: Statement, start: int, revoke: bool, option_only: bool = False) -> None:
        # [GRANT|REVOKE] [ADMIN OPTION FOR] [ROLE] r1[, r2] TO|FROM <principals> [WITH ADMIN OPTION]
        verb = "REVOKE" if revoke else "GRANT"
        pivot = "FROM" if revoke else "TO"
        shape = f"expected {verb} ROLE <role> {pivot} USER|GROUP|ROLE <principal>"
        words = list(stmt.tokens[start:])
        split = next((i for i, t in enumerate(words) if _word(t) == pivot), None)
        if split is None or split == 0:
            raise self.error(stmt, f"cannot read role {'revocation' if revoke else 'grant'}", shape)
        roles = _name_list(words[:split])
        rest = words[split + 1 :]
        admin_option = False
        if [_word(t) for t in rest[-3:]] == ["WITH", "ADMIN", "OPTION"] and not revoke:
            admin_option, rest = True, rest[:-3]
        members = _principal_list(rest)
        if roles is None or members is None:
            raise self.error(stmt, f"cannot read role {'revocation' if revoke else 'grant'}", shape)
        location = SourceLocation(self.path, stmt.line)
        for role in roles:
            for member in members:
                if revoke:
                    self.ledger.revoke_role(role, member, self.where(stmt), admin_option_only=option_only)
                else:
                    self.ledger.grant_role(RoleMembership(role, member, location, admin_option))


def _name_list(tokens: Sequence[Token]) -> list[str] | None:
    """`a, b, c`: names separated by commas, or None when that is not what the tokens are."""
    names = [t.text for t in tokens[0::2]]
    commas = tokens[1::2]
    if not tokens or any(t.token_type != TokenType.COMMA for t in commas):
        return None
    if any(t.token_type == TokenType.COMMA or not t.text for t in tokens[0::2]):
        return None
    return names


def _principal_list(tokens: Sequence[Token]) -> list[Principal] | None:
    """`USER a, GROUP b, ROLE c`; a bare name is a user, as Hive's grammar reads it."""
    out: list[Principal] = []
    index = 0
    while index < len(tokens):
        kind = PrincipalType.USER
        word = _word(tokens[index])
        if word in PrincipalType.__members__:
            if index + 1 >= len(tokens) or tokens[index + 1].token_type == TokenType.COMMA:
                return None
            kind = PrincipalType(word)
            index += 1
        name = tokens[index]
        if name.token_type == TokenType.COMMA or not name.text:
            return None
        out.append(Principal(kind, name.text))
        index += 1
        if index < len(tokens):
            if tokens[index].token_type != TokenType.COMMA or index + 1 == len(tokens):
                return None
            index += 1
    return out or None


def _users_as_roles(stmt: Statement, pivot: str) -> tuple[str, set[int]]:
    """Rewrite `TO USER x` as `TO ROLE x` so sqlglot parses it; remember which principals were users."""
    text = stmt.text
    base = stmt.tokens[0].start
    after_pivot = False
    principal_index = 0
    users: set[int] = set()
    replacements: list[tuple[int, int]] = []
    tokens = stmt.tokens
    for i, token in enumerate(tokens):
        word = _word(token)
        if word == pivot:
            after_pivot = True
            continue
        if not after_pivot:
            continue
        if word == "USER" and i + 1 < len(tokens):
            users.add(principal_index)
            replacements.append((token.start - base, token.end - base + 1))
        elif token.token_type == TokenType.COMMA:
            principal_index += 1
    for start, end in reversed(replacements):
        text = text[:start] + "ROLE" + text[end:]
    return text, users


# --- YAML (and JSON) grants ------------------------------------------------------------------------


def _yaml_principal(raw: dict[str, Any] | str) -> Principal:
    if isinstance(raw, str):
        kind, _, name = raw.partition(" ")
        return Principal(PrincipalType(kind.upper()), name.strip())
    return Principal(PrincipalType(raw["type"].upper()), raw["name"])


def _checked_time(value: Any, path: Path, line: int | None) -> str:
    """granted_at: an ISO date or date-time that exists on the calendar, or epoch seconds."""
    text = str(value)
    try:
        if isinstance(value, int):
            datetime.fromtimestamp(value)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            date.fromisoformat(text)
        else:
            datetime.fromisoformat(text)
    except (ValueError, OverflowError, OSError):
        raise GrantsError(
            f"granted_at {text[:40]!r} is not a real date", file=path, line=line, hint="write YYYY-MM-DD"
        ) from None
    return text


def _apply_yaml(data: dict[str, Any], lines: LineMap, path: Path, ledger: GrantLedger) -> None:
    for index, raw in enumerate(data.get("grants") or []):
        location = SourceLocation(str(path), lines.line(("grants", index)))
        if "database" in raw:
            # names with dots in them cannot be written as `object: db.table`
            database, table = str(raw["database"]), raw.get("table")
        else:
            parts = str(raw["object"]).split(".")
            if len(parts) > 2 or not all(p.strip() for p in parts):
                raise GrantsError(
                    f"object {raw['object']!r} is not a database or db.table",
                    file=path,
                    line=lines.line(("grants", index, "object")),
                    hint="give database: and table: apart when a name holds a dot",
                )
            database, table = parts[0], parts[1] if len(parts) == 2 else None
        principal = _yaml_principal(raw["to"])
        granted_at = raw.get("granted_at")
        if granted_at is not None:
            granted_at = _checked_time(granted_at, path, lines.line(("grants", index, "granted_at")))
        for p_index, privilege in enumerate(raw.get("privileges", ["SELECT"])):
            name = PRIVILEGE_ALIASES.get(" ".join(privilege.upper().split()), privilege.upper())
            if name not in KNOWN_PRIVILEGES:
                raise GrantsError(
                    f"unknown privilege {privilege!r}",
                    file=path,
                    line=lines.line(("grants", index, "privileges", p_index)),
                    hint=did_you_mean(name, KNOWN_PRIVILEGES, "did you mean {}?")
                    or "use SELECT, INSERT, UPDATE, DELETE or ALL",
                )
            ledger.grant(
                Grant(
                    principal=principal,
                    privilege=name,
                    database=database,
                    table=table or None,
                    columns=tuple(dict.fromkeys(raw.get("columns", []))),
                    grant_option=bool(raw.get("grant_option", False)),
                    grantor=raw.get("grantor"),
                    granted_at=granted_at,
                    source=location,
                )
            )
    for index, raw in enumerate(data.get("roles") or []):
        location = SourceLocation(str(path), lines.line(("roles", index)))
        for member in raw.get("members", []):
            ledger.grant_role(RoleMembership(raw["role"], _yaml_principal(member), location))


# --- sources ----------------------------------------------------------------------------------------

_YAML_START = re.compile(r"(---|%YAML|[A-Za-z_][\w.-]*\s*:(\s|$))")


def kind_of_text(text: str) -> str:
    """sql, yaml or ranger, from what the file holds: a name says nothing about content."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")):
        try:
            data = json.loads(head)
        except (ValueError, RecursionError):
            return "ranger"  # malformed JSON: the Ranger reader reports where
        if isinstance(data, dict) and "policies" not in data and {"version", "grants", "roles"} & set(data):
            return "yaml"  # the YAML form written as JSON
        return "ranger"
    for line in head.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "--")):
            continue
        return "yaml" if _YAML_START.match(stripped) else "sql"
    return "sql"


def grants_kind(path: Path) -> str:
    return kind_of_text(_read_grants_text(path))


def _read_grants_text(path: Path) -> str:
    return read_text(path, GrantsError, "grants file")


def check_dialect(dialect: str) -> str:
    """The dialect's name, or a usage error that suggests the closest one sqlglot knows."""
    known = sorted(d.value for d in sqlglot.Dialects if d.value)
    if dialect.lower() in known:
        return dialect.lower()
    raise GrantsError(
        f"unknown SQL dialect {dialect!r}",
        hint=did_you_mean(dialect.lower(), known, "did you mean {}?") or f"one of {', '.join(known)}",
    )


def read_grants(paths: Iterable[Path], dialect: str = "hive") -> GrantSet:
    """Every grants file, applied in order to one ledger: a REVOKE in a later file revokes a grant of
    an earlier one. The result is `known` as soon as one file was read."""
    dialect = check_dialect(dialect)
    ledger = GrantLedger()
    sources: list[str] = []
    policies: list[RangerPolicy] = []
    for path in paths:
        text = _read_grants_text(path)
        kind = kind_of_text(text)
        if kind == "ranger":
            policies.extend(read_ranger_text(text, path).ranger_policies)
        elif kind == "yaml":
            data, lines = parse_yaml(text, path, GrantsError)
            validate({} if data is None else data, _grants_schema(), lines, path, GrantsError)
            _apply_yaml(data or {}, lines, path, ledger)
        else:
            _GrantReader(str(path), dialect, "default", ledger).read_script(text)
        sources.append(str(path))
    return GrantSet(
        grants=tuple(ledger.grants),
        memberships=tuple(ledger.memberships),
        sources=tuple(sources),
        dialect=dialect,
        warnings=tuple(ledger.warnings),
        ranger_policies=tuple(policies),
    )


def _grants_schema() -> dict[str, Any]:
    return load_schema("grants.schema.json")


def merge_grant_sets(parts: Iterable[GrantSet], dialect: str = "hive") -> GrantSet:
    parts = list(parts)
    return GrantSet(
        grants=tuple(g for p in parts for g in p.grants),
        memberships=tuple(m for p in parts for m in p.memberships),
        sources=tuple(s for p in parts for s in p.sources),
        dialect=dialect,
        warnings=tuple(w for p in parts for w in p.warnings),
        unknown_tables=frozenset(t for p in parts for t in p.unknown_tables),
        ranger_policies=tuple(r for p in parts for r in p.ranger_policies),
    )
