"""Grants sources: SQL files of GRANT/REVOKE statements and a YAML form, recognised by kind.

SQL is parsed with sqlglot, statement by statement, so every grant keeps its file:line. sqlglot
parses `GRANT ... TO ROLE|GROUP` into expressions but falls back to an opaque Command for
`TO USER`, `GRANT ROLE ...` and `REVOKE ... FROM USER`; those are read here from sqlglot's tokens so
no user grant vanishes silently.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokenizer_core import Token, TokenType

from scanner.errors import GrantsError, did_you_mean
from scanner.models import Grant, GrantSet, Principal, PrincipalType, RoleMembership, SourceLocation
from scanner.ranger import looks_like_ranger, read_ranger_file
from scanner.yamlio import load_validated

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
# Securables that hold no table data (Hive URIs, Impala servers, functions): warned about, skipped.
NON_TABLE_SECURABLES = frozenset({"URI", "SERVER", "FUNCTION", "UDF", "URL"})
# Statements a grants file may hold that say nothing about who reads what.
IGNORED_COMMANDS = frozenset({"CREATE", "DROP", "SET", "SHOW", "ALTER", "DESCRIBE", "DESC", "ADD", "DFS"})


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
        raise GrantsError(
            f"cannot tokenize SQL: {exc}", file=path, hint="look for an unclosed quote or comment"
        ) from None
    return statements_from_tokens(sql, tokens)


def statements_from_tokens(sql: str, tokens: Sequence[Token]) -> list[Statement]:
    """Group tokens into statements at top-level semicolons."""
    statements: list[Statement] = []
    current: list[Token] = []
    for token in [*tokens, None]:
        if token is None or token.token_type == TokenType.SEMICOLON:
            if current:
                start, end = current[0].start, current[-1].end
                statements.append(Statement(sql[start : end + 1], current[0].line, tuple(current)))
            current = []
        else:
            current.append(token)
    return statements


def _privilege_name(priv: exp.Expression) -> str:
    name = priv.this.name if isinstance(priv.this, exp.Expression) else str(priv.this)
    name = " ".join(name.upper().split())
    return PRIVILEGE_ALIASES.get(name, name)


class _GrantReader:
    def __init__(self, path: str, dialect: str, default_database: str) -> None:
        self.path = path
        self.dialect = dialect
        self.database = default_database
        self.grants: list[Grant] = []
        self.memberships: list[RoleMembership] = []
        self.warnings: list[str] = []

    def error(self, stmt: Statement, message: str, hint: str) -> GrantsError:
        return GrantsError(message, file=self.path, line=stmt.line, hint=hint)

    # -- statements --------------------------------------------------------------------------

    def read(self, stmt: Statement) -> None:
        keyword = stmt.tokens[0].text.upper()
        if keyword == "USE":
            if len(stmt.tokens) < 2:
                raise self.error(stmt, "USE needs a database name", "write USE <database>;")
            self.database = stmt.tokens[-1].text
            return
        if keyword in ("GRANT", "REVOKE"):
            self._read_grant_or_revoke(stmt, revoke=keyword == "REVOKE")
            return
        if keyword in IGNORED_COMMANDS:
            return
        self.warnings.append(f"{self.path}:{stmt.line}: ignored {keyword} statement (not a grant)")

    def _read_grant_or_revoke(self, stmt: Statement, revoke: bool) -> None:
        if len(stmt.tokens) > 1 and stmt.tokens[1].text.upper() == "ROLE":
            self._read_role_grant(stmt, revoke)
            return
        securable_kind = _securable_kind(stmt)
        if securable_kind in NON_TABLE_SECURABLES:
            self.warnings.append(f"{self.path}:{stmt.line}: ignored grant on {securable_kind} (not a table)")
            return
        text, user_positions = _users_as_roles(stmt, "FROM" if revoke else "TO")
        try:
            parsed = sqlglot.parse_one(text, read=self.dialect)
        except (ParseError, TokenError) as exc:
            detail = str(exc).splitlines()[0]
            raise self.error(
                stmt,
                f"cannot parse {'REVOKE' if revoke else 'GRANT'} statement: {detail}",
                "expected GRANT <privileges> ON [TABLE|DATABASE] <name> TO USER|GROUP|ROLE <principal>",
            ) from None
        if not isinstance(parsed, exp.Grant | exp.Revoke):
            raise self.error(
                stmt,
                "cannot read this statement as a grant",
                "expected GRANT <privileges> ON [TABLE|DATABASE] <name> TO USER|GROUP|ROLE <principal>",
            )
        kind = (parsed.args.get("kind") or "TABLE").upper()
        securable = parsed.args.get("securable")
        if not isinstance(securable, exp.Table):
            raise self.error(stmt, "grant names no object", "add ON TABLE <db.table>")
        if kind == "DATABASE" or kind == "SCHEMA":
            database, table = securable.name, None
        elif kind == "TABLE" or kind == "VIEW":
            database, table = securable.db or self.database, securable.name
        else:
            self.warnings.append(
                f"{self.path}:{stmt.line}: ignored grant on {kind} (not a table or database)"
            )
            return
        principals: list[Principal] = []
        for index, p in enumerate(parsed.args.get("principals") or []):
            p_kind = (p.args.get("kind") or "USER").upper()
            if index in user_positions:
                p_kind = "USER"
            if p_kind not in PrincipalType.__members__:
                raise self.error(stmt, f"unknown principal kind {p_kind}", "use USER, GROUP or ROLE")
            principals.append(Principal(PrincipalType(p_kind), p.name))
        location = SourceLocation(self.path, stmt.line)
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
            columns = tuple(c.name for c in priv.expressions)
            for principal in principals:
                grant = Grant(
                    principal=principal,
                    privilege=name,
                    database=database,
                    table=table,
                    columns=columns,
                    grant_option=grant_option,
                    source=location,
                )
                if revoke:
                    self._revoke(grant)
                else:
                    self.grants.append(grant)

    def _revoke(self, revoked: Grant) -> None:
        def same(g: Grant) -> bool:
            return (
                g.principal == revoked.principal
                and g.database.lower() == revoked.database.lower()
                and (g.table or "").lower() == (revoked.table or "").lower()
                and (g.privilege == revoked.privilege or revoked.privilege == "ALL")
                and (not revoked.columns or set(g.columns) <= set(revoked.columns))
            )

        self.grants = [g for g in self.grants if not same(g)]

    def _read_role_grant(self, stmt: Statement, revoke: bool) -> None:
        # GRANT ROLE r1[, r2] TO USER|GROUP|ROLE p[, ...] [WITH ADMIN OPTION]
        words = [t for t in stmt.tokens[2:]]
        pivot = "FROM" if revoke else "TO"
        split = next((i for i, t in enumerate(words) if t.text.upper() == pivot), None)
        if split is None or split == 0:
            raise self.error(
                stmt,
                f"cannot read role {'revocation' if revoke else 'grant'}",
                f"expected {'REVOKE' if revoke else 'GRANT'} ROLE <role> {pivot} USER|GROUP|ROLE <principal>",
            )
        roles = [t.text for t in words[:split] if t.token_type != TokenType.COMMA]
        rest = list(words[split + 1 :])
        while rest and rest[-1].text.upper() in ("WITH", "ADMIN", "OPTION"):
            rest.pop()
        members = _principal_list(rest)
        if not members:
            raise self.error(stmt, "role grant names no principal", "add USER|GROUP|ROLE <name>")
        location = SourceLocation(self.path, stmt.line)
        for role in roles:
            for member in members:
                if revoke:
                    self.memberships = [
                        m for m in self.memberships if not (m.role == role and m.member == member)
                    ]
                else:
                    self.memberships.append(RoleMembership(role, member, location))


def _securable_kind(stmt: Statement) -> str | None:
    words = [t.text.upper() for t in stmt.tokens]
    if "ON" in words and words.index("ON") + 1 < len(words):
        return words[words.index("ON") + 1]
    return None


def _principal_list(tokens: Sequence[Token]) -> list[Principal]:
    out: list[Principal] = []
    kind = PrincipalType.USER  # Hive defaults a bare principal to USER
    for token in tokens:
        word = token.text.upper()
        if token.token_type == TokenType.COMMA:
            continue
        if word in PrincipalType.__members__ and token.token_type != TokenType.IDENTIFIER:
            kind = PrincipalType(word)
            continue
        out.append(Principal(kind, token.text))
    return out


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
        word = token.text.upper()
        if word == pivot and token.token_type != TokenType.IDENTIFIER:
            after_pivot = True
            continue
        if not after_pivot:
            continue
        if word == "USER" and token.token_type != TokenType.IDENTIFIER and i + 1 < len(tokens):
            users.add(principal_index)
            replacements.append((token.start - base, token.end - base + 1))
        elif token.token_type == TokenType.COMMA:
            principal_index += 1
    for start, end in reversed(replacements):
        text = text[:start] + "ROLE" + text[end:]
    return text, users


# --- sources ----------------------------------------------------------------------------------


def read_sql_grants(path: Path, dialect: str = "hive", default_database: str = "default") -> GrantSet:
    try:
        sql = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GrantsError(
            "grants file not found", file=path, hint="check the path given to --grants"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GrantsError(f"cannot read grants file: {exc}", file=path) from None
    reader = _GrantReader(str(path), dialect, default_database)
    # sqlglot logs a warning for each Command fallback; those statements are handled above.
    sqlglot_logger = logging.getLogger("sqlglot")
    previous = sqlglot_logger.level
    sqlglot_logger.setLevel(logging.ERROR)
    try:
        for stmt in split_statements(sql, str(path), dialect):
            reader.read(stmt)
    finally:
        sqlglot_logger.setLevel(previous)
    return GrantSet(
        tuple(reader.grants), tuple(reader.memberships), (str(path),), dialect, tuple(reader.warnings)
    )


def read_yaml_grants(path: Path, dialect: str = "hive", default_database: str = "default") -> GrantSet:
    data, lines = load_validated(path, "grants.schema.json", GrantsError)
    grants: list[Grant] = []
    memberships: list[RoleMembership] = []
    for index, raw in enumerate(data.get("grants") or []):
        location = SourceLocation(str(path), lines.line(("grants", index)))
        if "database" in raw:
            # names with dots in them cannot be written as `object: db.table`
            database, table = str(raw["database"]), str(raw.get("table") or "")
        else:
            database, _, table = str(raw["object"]).partition(".")
        principal = _yaml_principal(raw["to"])
        privileges = raw.get("privileges", ["SELECT"])
        for privilege in privileges:
            grants.append(
                Grant(
                    principal=principal,
                    privilege=PRIVILEGE_ALIASES.get(privilege.upper(), privilege.upper()),
                    database=database,
                    table=table or None,
                    columns=tuple(raw.get("columns", [])),
                    grant_option=bool(raw.get("grant_option", False)),
                    grantor=raw.get("grantor"),
                    granted_at=str(raw["granted_at"]) if "granted_at" in raw else None,
                    source=location,
                )
            )
    for index, raw in enumerate(data.get("roles") or []):
        location = SourceLocation(str(path), lines.line(("roles", index)))
        for member in raw.get("members", []):
            memberships.append(RoleMembership(raw["role"], _yaml_principal(member), location))
    return GrantSet(tuple(grants), tuple(memberships), (str(path),), data.get("dialect", dialect))


def _yaml_principal(raw: dict[str, Any] | str) -> Principal:
    if isinstance(raw, str):
        kind, _, name = raw.partition(" ")
        return Principal(PrincipalType(kind.upper()), name.strip())
    return Principal(PrincipalType(raw["type"].upper()), raw["name"])


GrantsReader = Callable[[Path, str, str], GrantSet]
GRANT_SOURCES: dict[str, GrantsReader] = {
    "sql": read_sql_grants,
    "yaml": read_yaml_grants,
    "ranger": read_ranger_file,
}


def grants_kind(path: Path) -> str:
    """sql, yaml or ranger: by extension, else by content."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix in (".sql", ".hql", ".q"):
        return "sql"
    if suffix == ".json":
        return "ranger"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "sql"
    if looks_like_ranger(text):
        return "ranger"
    head = text[:4096].lstrip().upper()
    return "sql" if head.startswith(("GRANT", "REVOKE", "USE", "--", "/*")) else "yaml"


def read_grants(paths: Iterable[Path], dialect: str = "hive") -> GrantSet:
    """Merge every grants file; the result is `known` as soon as one file was read."""
    return merge_grant_sets(
        [GRANT_SOURCES[grants_kind(path)](path, dialect, "default") for path in paths], dialect
    )


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
