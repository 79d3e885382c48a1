"""The CI gate: checks table DDL before any data exists.

Reads CREATE TABLE / CREATE TABLE AS / CREATE VIEW / ALTER TABLE ADD|REPLACE COLUMNS / SET
TBLPROPERTIES / GRANT / REVOKE / USE with sqlglot in any dialect it reads, builds the schema the files
leave behind, and applies the rules in rules/gate.yaml with the scanner's own classifier packs (names,
comments and types only: there are no values yet). Nothing stops on bad input: a statement that
cannot be parsed becomes a warning with its file:line:column, and the run exits 3 (not checked)
instead of 0 (clean) or 1 (violations).
"""

from __future__ import annotations

import bisect
import logging
import re
import subprocess
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokenizer_core import Token

from scanner import __version__
from scanner.catalog import column_encryption, columns_named
from scanner.classify import EMPTY_PROFILE, classify_column
from scanner.config import ScanConfig
from scanner.connect import open_source
from scanner.errors import ConfigError, ExitCode, ExposureError
from scanner.evaluate import AccessModel, AccessPolicy, path_covers, stored_state
from scanner.findings import BROAD, Collateral, FindingBuilder, fingerprint, matrix_cell, sort_findings, worst
from scanner.grants import Statement, _GrantReader, statements_from_tokens
from scanner.models import (
    AccessPath,
    Column,
    ColumnAssessment,
    Facet,
    Finding,
    Grant,
    GrantSet,
    Principal,
    Protection,
    Sensitivity,
    SourceLocation,
    Suppression,
    Table,
    TableAccess,
    display_name,
    frozen_mapping,
    normalise_identifier,
    severity_rank,
)
from scanner.rules import ClassSpec, ExposureRules, load_rulebook, tokenize_name
from scanner.scan import access_policy
from scanner.suppress import apply_suppressions, load_suppressions
from scanner.yamlio import load_schema, parse_yaml, read_text, validate

SQL_SUFFIXES = (".sql", ".hql", ".q", ".ddl")
# sqlglot logs every statement it keeps as an opaque command; the gate reports what matters itself.
logging.getLogger("sqlglot").setLevel(logging.ERROR)
# Hive CLI commands that are not SQL: skipped without a warning.
CLI_COMMANDS = ("set ", "reset", "dfs ", "add ", "delete ", "list ", "compile ", "source ", "!", "reload")
IGNORE = re.compile(r"exposure:ignore\s+([A-Z]+\d+)(?:\s+(.*))?")
MASK_PROPERTIES = ("orc.mask",)


Location = SourceLocation  # file:line:column in a DDL file


@dataclass(frozen=True)
class GateResult:
    findings: tuple[Finding, ...]  # one per table or view the files define, every facet in it
    unparsed: tuple[tuple[SourceLocation, str], ...]  # statements the gate could not read
    files: tuple[str, ...]
    statements: int
    notes: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()  # every object the files define
    run_id: str = ""
    started_at: str = ""
    finished_at: str = ""
    version: str = ""
    warehouse: str = "gate"
    rulepack_version: str = ""
    rules: Mapping[str, tuple[str, str, str]] = field(default_factory=frozen_mapping)

    @property
    def exit_code(self) -> ExitCode:
        # Like the scanner: what could not be checked must never read as a verdict.
        if self.unparsed:
            return ExitCode.PARTIAL
        if any(f.open_level == "error" for f in self.findings if not f.suppressed):
            return ExitCode.FINDINGS
        return ExitCode.OK


@dataclass(frozen=True)
class GateRule:
    id: str
    name: str
    severity: Mapping[str, str]  # sensitivity → error | warning | none
    message: str
    hint: str
    description: str = ""
    label: str = ""


def load_gate_rules() -> dict[str, GateRule]:
    source = resources.files("scanner.rulepacks").joinpath("gate.yaml")
    data, lines = parse_yaml(source.read_text(encoding="utf-8"), Path("rules/gate.yaml"), ConfigError)
    validate(data, load_schema("gate-rules.schema.json"), lines, Path("rules/gate.yaml"), ConfigError)
    return {
        r["id"]: GateRule(
            r["id"],
            r["name"],
            frozen_mapping(r["severity"]),
            " ".join(r["message"].split()),
            " ".join(r["hint"].split()),
            " ".join(str(r.get("description", "")).split()),
            r.get("label", r["name"].replace("-", " ")),
        )
        for r in data["rules"]
    }


# --- reading DDL ------------------------------------------------------------------------------------


@dataclass
class DefinedTable:
    database: str
    name: str
    kind: str  # TABLE | VIEW
    defined_at: Location
    columns: dict[str, tuple[Column, Location]] = field(default_factory=dict)
    properties: dict[str, str] = field(default_factory=dict)
    serde: dict[str, str] = field(default_factory=dict)

    @property
    def fqn(self) -> str:
        return display_name(self.database, self.name)

    def as_table(self) -> Table:
        return Table(
            self.database,
            self.name,
            tuple(c for c, _ in self.columns.values()),
            table_type="VIRTUAL_VIEW" if self.kind == "VIEW" else "MANAGED_TABLE",
            properties=frozen_mapping(self.properties),
            serde_properties=frozen_mapping(self.serde),
        )


@dataclass
class _FileState:
    path: str
    source: str
    database: str = "default"
    line_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        # One pass over the file: every later position lookup is a bisection, so the gate stays
        # linear in the size of the DDL instead of recounting newlines per statement.
        if not self.line_starts:
            self.line_starts = [0, *(m.end() for m in re.finditer("\n", self.source))]

    def location(self, offset: int) -> Location:
        line = bisect.bisect_right(self.line_starts, offset)
        return Location(self.path, line, offset - self.line_starts[line - 1] + 1)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)


def _offset_location(path: str, source: str, offset: int) -> Location:
    return _FileState(path, source).location(offset)


def _statements(state: _FileState, dialect: str) -> tuple[list[Statement], list[tuple[Location, str]]]:
    """Statements with their tokens, from one pass of the tokenizer; a file the tokenizer cannot read
    is split on semicolons at line ends, and each piece that still cannot be read becomes a warning."""
    try:
        tokens = sqlglot.Dialect.get_or_raise(dialect).tokenize(state.source)
    except TokenError:
        return _statements_by_lines(state, dialect)
    return statements_from_tokens(state.source, tokens), []


def _statements_by_lines(
    state: _FileState, dialect: str
) -> tuple[list[Statement], list[tuple[Location, str]]]:
    path, source = state.path, state.source
    statements: list[Statement] = []
    problems: list[tuple[Location, str]] = []
    offset = 0
    for chunk in re.split(r"(?<=;)[ \t]*\n", source):
        start = offset
        offset += len(chunk) + 1
        body = chunk.strip().rstrip(";")
        if not body or all(line.strip().startswith("--") or not line.strip() for line in body.splitlines()):
            continue
        lead = len(chunk) - len(chunk.lstrip())
        try:
            tokens = sqlglot.Dialect.get_or_raise(dialect).tokenize(body)
        except TokenError as exc:
            problems.append((state.location(start + lead), f"cannot tokenize: {_first(exc)}"))
            continue
        if not tokens:
            continue
        line_shift = state.line_of(start + lead) - 1
        shifted = tuple(
            Token(t.token_type, t.text, t.line + line_shift, t.col, t.start + start + lead,
                  t.end + start + lead, t.comments)
            for t in tokens
        )  # fmt: skip
        statements.append(Statement(body, shifted[0].line, shifted))
    del path
    return statements, problems


TABLE_WORDS = frozenset(
    {"TABLE", "EXTERNAL", "TEMPORARY", "TRANSACTIONAL", "MANAGED", "VIEW", "MATERIALIZED"}
)


def _defines_table(stmt: Statement) -> bool:
    words = [t.text.upper() for t in stmt.tokens[:3]]
    if not words or words[0] not in ("CREATE", "ALTER"):
        return False
    if words[0] == "ALTER":
        # only ALTERs that add, replace or rename columns, or set properties, change what the gate checks
        text = " ".join(t.text.upper() for t in stmt.tokens)
        return any(k in text for k in ("COLUMNS", " CHANGE ", "SET TBLPROPERTIES", "SET SERDEPROPERTIES"))
    return bool(TABLE_WORDS & set(words[1:]))


def _first(exc: BaseException) -> str:
    text = str(exc).strip()
    return " ".join(text.splitlines()[0].split())[:200] if text else type(exc).__name__


def _literal(node: exp.Expression | None) -> str:
    if node is None:
        return ""
    if isinstance(node, exp.Literal):
        return str(node.this)
    return node.name or node.sql()


_VARIABLE = re.compile(r"\$\{(?:(hivevar|hiveconf|define|env|system):)?([A-Za-z_][\w.-]*)\}")
_SET = re.compile(r"\s*set\s+(?:(hivevar|hiveconf):)?([A-Za-z_][\w.-]*)\s*=\s*(.*?)\s*;?\s*$", re.I | re.S)


class Variables:
    """Hive's variable substitution, as the Hive CLI does it before a statement is parsed:
    `${name}` and `${hivevar:name}` from --define/--hivevar and `SET hivevar:name=…`, `${hiveconf:name}`
    from `SET name=…`. Environment and system variables are never read: they are unresolved unless
    defined explicitly."""

    def __init__(self, hivevar: Mapping[str, str] | None = None) -> None:
        self.hivevar = dict(hivevar or {})
        self.hiveconf: dict[str, str] = {}

    def define_from(self, text: str) -> None:
        match = _SET.match(text)
        if match is None or "\n" in match.group(3):
            return
        namespace, name, value = match.groups()
        (self.hivevar if namespace == "hivevar" else self.hiveconf)[name] = value

    def value(self, namespace: str | None, name: str) -> str | None:
        if namespace in (None, "hivevar", "define"):
            found = self.hivevar.get(name)
            return found if found is not None or namespace else self.hiveconf.get(name)
        if namespace == "hiveconf":
            return self.hiveconf.get(name)
        return None

    def substitute(self, stmt: Statement, dialect: str) -> Statement | str:
        """The statement with its variables replaced and re-tokenized at the same place in the file,
        or why it cannot be checked."""
        missing: list[str] = []

        def replace_one(match: re.Match[str]) -> str:
            found = self.value(match.group(1), match.group(2))
            if found is None or "\n" in found or "${" in found:
                missing.append(match.group(0))
                return match.group(0)
            return found

        text = _VARIABLE.sub(replace_one, stmt.text)
        if missing:
            names = ", ".join(dict.fromkeys(missing))
            return f"unresolved variable {names}: give its value with --define NAME=VALUE (or --hivevar)"
        try:
            tokens = sqlglot.Dialect.get_or_raise(dialect).tokenize(text)
        except TokenError as exc:
            return f"cannot tokenize after substitution: {_first(exc)}"
        first, last = stmt.tokens[0].start, len(stmt.text) - 1
        shifted = tuple(
            # positions stay inside the original statement, so locations point at the file's lines
            Token(t.token_type, t.text, t.line + stmt.tokens[0].line - 1, t.col, first + min(t.start, last),
                  first + min(t.end, last), t.comments)
            for t in tokens
        )  # fmt: skip
        return Statement(text, stmt.line, shifted)


def _properties(node: exp.Expression | None) -> tuple[dict[str, str], dict[str, str]]:
    table: dict[str, str] = {}
    serde: dict[str, str] = {}
    if node is None:
        return table, serde
    for prop in node.find_all(exp.Property):
        key = _literal(prop.this)
        value = _literal(prop.args.get("value"))
        if not key:
            continue
        target = serde if prop.find_ancestor(exp.SerdeProperties) else table
        target[key] = value
    return table, serde


def _column_type(kind: exp.Expression | None, dialect: str) -> str:
    return kind.sql(dialect=dialect).lower() if kind is not None else "string"


def _comment(column_def: exp.ColumnDef) -> str | None:
    for constraint in column_def.args.get("constraints") or []:
        if isinstance(constraint.kind, exp.CommentColumnConstraint):
            return _literal(constraint.kind.this)
    return None


class _Reader:
    """Applies one file's statements to the schema being built."""

    def __init__(
        self, dialect: str, tables: dict[tuple[str, str], DefinedTable], grants: _GrantReader
    ) -> None:
        self.dialect = dialect
        self.tables = tables
        self.grants = grants
        self.unparsed: list[tuple[Location, str]] = []
        self.statement_of: dict[int, Statement] = {}
        self.parser = sqlglot.Dialect.get_or_raise(dialect).parser()
        self.variables = Variables()
        self.catalog: Callable[[str, str], Table | None] = lambda database, name: None

    def locate(self, state: _FileState, stmt: Statement, name: str | None = None) -> Location:
        """Where a name (a column, say) first appears in the statement, else where it starts."""
        if name is not None:
            lowered = name.lower()
            for token in stmt.tokens:
                if token.text == name or token.text.lower() == lowered:
                    return state.location(token.start)
        return state.location(stmt.tokens[0].start)

    def table_key(self, state: _FileState, table: exp.Table) -> tuple[str, str]:
        return (table.db or state.database, table.name)

    def read(self, state: _FileState, stmt: Statement) -> None:
        head = stmt.text.lstrip().lower()
        if head.startswith("set "):
            self.variables.define_from(stmt.text)
            return
        if head.startswith(CLI_COMMANDS) or not stmt.tokens:
            return
        if "${" in stmt.text:
            substituted = self.variables.substitute(stmt, self.dialect)
            if isinstance(substituted, str):
                self.unparsed.append((self.locate(state, stmt), substituted))
                return
            stmt = substituted
        keyword = stmt.tokens[0].text.upper()
        if keyword in ("USE", "GRANT", "REVOKE"):
            before = len(self.grants.grants)
            try:
                self.grants.read(stmt)
            except ExposureError as exc:
                self.unparsed.append((self.locate(state, stmt), exc.message))
                return
            for grant in self.grants.grants[before:]:
                self.statement_of[id(grant)] = stmt
            if keyword == "USE":
                state.database = self.grants.database
            return
        try:
            # parsed from the tokens the file's single tokenizer pass already made
            expressions = self.parser.parse(
                list(stmt.tokens), state.source if stmt.text in state.source else stmt.text
            )
            parsed = expressions[0] if expressions else None
        except (ParseError, TokenError) as exc:
            self.unparsed.append((self.locate(state, stmt), f"cannot parse: {_first(exc)}"))
            return
        except Exception as exc:
            self.unparsed.append((self.locate(state, stmt), f"cannot parse: {type(exc).__name__}"))
            return
        if isinstance(parsed, exp.Create):
            self._create(state, stmt, parsed)
        elif isinstance(parsed, exp.Alter):
            self._alter(state, stmt, parsed)
        elif isinstance(parsed, exp.Command) and _defines_table(stmt):
            # sqlglot kept a table definition as an opaque command: its columns are unknown
            self.unparsed.append(
                (self.locate(state, stmt), f"cannot read this {keyword} statement's columns")
            )

    def _create(self, state: _FileState, stmt: Statement, create: exp.Create) -> None:
        kind = str(create.args.get("kind") or "").upper()
        if kind not in ("TABLE", "VIEW"):
            return
        target = create.this
        table = target.this if isinstance(target, exp.Schema) else target
        if not isinstance(table, exp.Table):
            return
        database, name = self.table_key(state, table)
        defined = DefinedTable(database, name, kind, self.locate(state, stmt))
        definitions: list[exp.ColumnDef] = list(target.expressions) if isinstance(target, exp.Schema) else []
        properties = create.args.get("properties")
        if properties is not None:
            for partitioned in properties.find_all(exp.PartitionedByProperty):
                definitions += [d for d in partitioned.find_all(exp.ColumnDef)]
            defined.properties, defined.serde = _properties(properties)
        for definition in definitions:
            self._add_column(state, stmt, defined, definition)
        select = create.expression
        if kind == "VIEW" or select is not None:
            if not isinstance(select, exp.Query):
                # CREATE VIEW v AS; — nothing to check is not the same as nothing wrong
                where = self.locate(state, stmt)
                self.unparsed.append((where, f"{kind.lower()} {defined.fqn} has no query"))
                return
            unknown = self._projections(state, stmt, defined, select)
            if unknown:
                why = f"{unknown}: its columns are unknown; define it earlier in the checked files or give "
                self.unparsed.append(
                    (self.locate(state, stmt), why + "--source to read them from the warehouse")
                )
                return
        self.tables[(defined.database.lower(), defined.name.lower())] = defined

    def _projections(
        self, state: _FileState, stmt: Statement, defined: DefinedTable, select: exp.Query
    ) -> str:
        """Adds a CTAS's or view's columns; a star takes the columns of its source table, from an
        earlier definition or the catalog. Returns the star source that could not be resolved."""
        sources: dict[str, exp.Table] = {}
        for table in select.find_all(exp.Table):
            sources.setdefault((table.alias_or_name or table.name).lower(), table)
            sources.setdefault(table.name.lower(), table)
        for projection in select.selects:
            star = isinstance(projection, exp.Star) or (
                isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star)
            )
            if star:
                qualifier = projection.table.lower() if isinstance(projection, exp.Column) else ""
                targets = (
                    [sources[qualifier]] if qualifier in sources else list(dict.fromkeys(sources.values()))
                )
                if not targets:
                    return "SELECT * with no table"
                for target in targets:
                    columns = self._columns_of(state, target)
                    if columns is None:
                        return f"SELECT * from {display_name(target.db or state.database, target.name)}"
                    for column in columns:
                        defined.columns.setdefault(
                            column.name.lower(),
                            (Column(column.name, column.data_type, column.comment, len(defined.columns)),
                             self.locate(state, stmt)),
                        )  # fmt: skip
                continue
            column_name = projection.alias_or_name
            if column_name:
                location = self.locate(state, stmt, column_name)
                defined.columns[column_name.lower()] = (
                    Column(column_name, "string", None, len(defined.columns)),
                    location,
                )
        return ""

    def _columns_of(self, state: _FileState, table: exp.Table) -> list[Column] | None:
        database = table.db or state.database
        known = self.tables.get((database.lower(), table.name.lower()))
        if known is not None:
            return [column for column, _ in known.columns.values()]
        found = self.catalog(database, table.name)
        return list(found.columns) if found is not None else None

    def _add_column(
        self, state: _FileState, stmt: Statement, table: DefinedTable, definition: exp.ColumnDef
    ) -> None:
        name = definition.name
        column = Column(name, _column_type(definition.args.get("kind"), self.dialect), _comment(definition),
                        len(table.columns))  # fmt: skip
        table.columns[name.lower()] = (column, self.locate(state, stmt, name))

    def _alter(self, state: _FileState, stmt: Statement, alter: exp.Alter) -> None:
        if not isinstance(alter.this, exp.Table):
            return
        database, name = self.table_key(state, alter.this)
        key = (database.lower(), name.lower())
        table = self.tables.get(key)
        if table is None:
            # ALTER of a table defined elsewhere: its other columns are unknown, the new ones are not
            table = self.tables[key] = DefinedTable(database, name, "TABLE", self.locate(state, stmt))
        for action in alter.args.get("actions") or []:
            if isinstance(action, exp.ReplaceColumns):
                table.columns.clear()
            if isinstance(action, exp.Schema | exp.ReplaceColumns | exp.ColumnDef):
                definitions = [action] if isinstance(action, exp.ColumnDef) else list(action.expressions)
                for definition in definitions:
                    if isinstance(definition, exp.ColumnDef):
                        self._add_column(state, stmt, table, definition)
            elif isinstance(action, exp.AlterSet):
                props, serde = _properties(action)
                table.properties.update(props)
                table.serde.update(serde)


# --- rules --------------------------------------------------------------------------------------


Sensitive = dict[str, tuple[Column, Location, list[str], ColumnAssessment]]


class _ColumnClasses:
    """Classifies DDL columns by name, comment and type. DDL repeats the same columns across tables,
    and the table matters only through the tokens some classes rule out (a `message` in a log
    table): one classification per distinct column and such tokens."""

    def __init__(self, specs: Sequence[ClassSpec]) -> None:
        self.specs = specs
        self.excluding = frozenset().union(*(spec.exclude_table_tokens for spec in specs))
        self.cache: dict[tuple[str, str, str | None, frozenset[str]], ColumnAssessment] = {}

    def __call__(self, table: DefinedTable) -> Sensitive:
        context = self.excluding & frozenset(tokenize_name(table.fqn))
        out: Sensitive = {}
        for key, (column, location) in table.columns.items():
            cache_key = (column.name, column.data_type, column.comment, context)
            assessment = self.cache.get(cache_key)
            if assessment is None:
                assessment = classify_column(column, EMPTY_PROFILE, self.specs, table=table.fqn)
                self.cache[cache_key] = assessment
            if assessment.classes and assessment.sensitivity is not None:
                assessment = replace(assessment, column=column)
                out[key] = (column, location, [c.class_id for c in assessment.classes], assessment)
        return out


def _covered(table: DefinedTable, extra_properties: Sequence[str]) -> dict[str, str]:
    """Lower-cased column → the property that encrypts or masks it."""
    covered = column_encryption(table.as_table())
    lowered = {k.lower(): v for k, v in {**table.serde, **table.properties}.items()}
    for key in (*MASK_PROPERTIES, *extra_properties):
        for name in columns_named(lowered.get(key.lower(), "")):
            covered.setdefault(name, key)
    return covered


def _fill(template: str, **values: Any) -> str:
    return template.format_map({k: v for k, v in values.items()})


@dataclass(frozen=True)
class GateOptions:
    dialect: str = "hive"
    required_properties: tuple[str, ...] = ("owner", "sensitivity")
    encryption_properties: tuple[str, ...] = ()
    changed: Mapping[str, frozenset[int]] | None = None  # file → changed lines (--git-diff)
    variables: Mapping[str, str] = field(default_factory=dict)  # --define / --hivevar
    catalog: Callable[[str, str], Table | None] | None = None  # (database, table) → its columns (--source)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_catalog(url: str) -> Callable[[str, str], Table | None]:
    """Columns of existing tables, read from a warehouse on first need (one listing, then lookups)."""
    known: dict[tuple[str, str], Table] | None = None

    def lookup(database: str, name: str) -> Table | None:
        nonlocal known
        if known is None:
            connector = open_source(url)
            try:
                known = {table.key: table for table in connector.list_tables()}
            finally:
                connector.close()
        return known.get((normalise_identifier(database), normalise_identifier(name)))

    return lookup


def run_gate(paths: Sequence[Path], config: ScanConfig, options: GateOptions) -> GateResult:
    started = _now()
    rulebook = load_rulebook(config.rule_packs, config.exposure_rules, config.builtin_rules)
    rules = load_gate_rules()
    specs = rulebook.classes
    policy = access_policy(config, rulebook)
    tables: dict[tuple[str, str], DefinedTable] = {}
    grant_reader = _GrantReader("", options.dialect, "default")
    reader = _Reader(options.dialect, tables, grant_reader)
    reader.variables = Variables(options.variables)
    if options.catalog is not None:
        reader.catalog = options.catalog
    ignores: dict[str, list[tuple[int, int, str, str | None]]] = {}  # file → (start, end line, rule, reason)
    spans: dict[str, list[tuple[int, int]]] = {}  # file → statement line spans
    statements = 0
    files: list[str] = []
    for path in _sql_files(paths):
        name = str(path)
        files.append(name)
        source = read_text(path, ConfigError, "SQL file")
        grant_reader.path = name
        state = _FileState(name, source)
        found, problems = _statements(state, options.dialect)
        reader.unparsed.extend(problems)
        previous_end = 0
        for stmt in found:
            statements += 1
            first = stmt.tokens[0].line
            last = stmt.tokens[-1].line
            spans.setdefault(name, []).append((first, last))
            # inline suppressions: comments from the end of the previous statement to this one's end
            region = source[previous_end : stmt.tokens[-1].end + 1]
            base_line = state.line_of(previous_end)
            for offset, text in enumerate(region.splitlines()):
                match = IGNORE.search(text)
                if match:
                    ignores.setdefault(name, []).append(
                        (base_line + offset, last, match.group(1), match.group(2))
                    )
            previous_end = stmt.tokens[-1].end + 1
            reader.read(state, stmt)

    warehouse = config.warehouse or "gate"
    grant_set = GrantSet(
        tuple(grant_reader.grants), tuple(grant_reader.memberships), ("gate",), options.dialect
    )
    model = AccessModel(grant_set, policy)
    defined = [t.as_table() for t in tables.values()]
    collateral = Collateral(grant_set, defined)
    findings: list[Finding] = []
    classes_of = _ColumnClasses(specs)
    for table, as_table in zip(tables.values(), defined, strict=True):
        sensitive = classes_of(table)
        if not sensitive:
            continue
        finding = _gate_finding(
            table,
            as_table,
            sensitive,
            rules,
            rulebook.exposure,
            model.table_access(as_table),
            _covered(table, options.encryption_properties),
            options,
            reader,
            warehouse,
            collateral,
        )
        if finding is not None:
            findings.append(finding)

    findings = _apply_ignores(findings, ignores)
    if config.suppressions:
        findings = list(apply_suppressions(load_suppressions(config.suppressions), findings).findings)
    if options.changed is not None:
        findings = _only_changed(findings, spans, options.changed)
        unparsed = [u for u in reader.unparsed if _in_changed(u[0], spans, options.changed)]
    else:
        unparsed = reader.unparsed
    notes = inline_ignores_without_reason([Path(f) for f in files])
    described = {r.id: (r.name, "gate", r.description or r.name.replace("-", " ")) for r in rules.values()}
    return GateResult(
        tuple(sort_findings(findings)),
        tuple(unparsed),
        tuple(files),
        statements,
        tuple(notes),
        tuple(t.fqn for t in defined),
        str(uuid.uuid4()),
        started,
        _now(),
        __version__,
        warehouse,
        rulebook.version,
        frozen_mapping(described),
    )


def _gate_finding(
    table: DefinedTable,
    as_table: Table,
    sensitive: Sensitive,
    rules: Mapping[str, GateRule],
    exposure: ExposureRules,
    access: TableAccess,
    covered: Mapping[str, str],
    options: GateOptions,
    reader: _Reader,
    warehouse: str,
    collateral: Collateral,
) -> Finding | None:
    """One finding per object defined in the files; its facets are the gate's rules. Severity is
    projected with the scan's matrix: what the table will be once data lands as declared."""
    facets: list[Facet] = []
    projected: list[ColumnAssessment] = []
    rule = rules["GATE001"]
    for col_key, (column, location, class_ids, assessment) in sensitive.items():
        protected = col_key in covered
        projected.append(
            replace(
                assessment,
                protection=Protection.CIPHERTEXT if protected else Protection.PLAINTEXT,
                encrypted_by=covered.get(col_key),
            )
        )
        sensitivity = assessment.sensitivity
        assert sensitivity is not None
        level = rule.severity.get(sensitivity.value, "none")
        if table.kind != "TABLE" or protected or level == "none":
            continue
        facets.append(
            _gate_facet(
                rule,
                level,
                _fill(
                    rule.message,
                    column=column.name,
                    table=table.fqn,
                    classes=", ".join(class_ids),
                    sensitivity=sensitivity.value,
                ),
                _fill(rule.hint, column=column.name, table=table.fqn),
                location,
                columns=(column.name,),
            )
        )
    broad_paths = tuple(p for p in access.paths if p.breadth in BROAD)
    rule = rules["GATE002"]
    for path in broad_paths:
        grant = path.grant
        reached = [a for a in projected if path_covers(path, a.column.name)]
        if not reached:
            continue
        top = max((a.sensitivity for a in reached if a.sensitivity), key=lambda s: s.rank)
        level = rule.severity.get(top.value, "none")
        if level == "none":
            continue
        facets.append(
            _gate_facet(
                rule,
                level,
                _fill(
                    rule.message,
                    principal=str(path.reader),
                    reach=path.breadth.value,
                    privilege=grant.privilege,
                    table=table.fqn,
                    classes=", ".join(sorted({c.class_id for a in reached for c in a.classes})),
                    via=path.describe(),
                    chain=_chain(path),
                ),
                _fill(rule.hint, principal=str(grant.principal), privilege=grant.privilege, table=table.fqn),
                _grant_location(grant, reader.statement_of.get(id(grant))),
                columns=tuple(a.column.name for a in reached),
                principals=(path.reader,),
            )
        )
    rule = rules["GATE003"]
    if table.kind == "TABLE":
        missing = [
            p for p in options.required_properties if p.lower() not in {k.lower() for k in table.properties}
        ]
        top = max((a.sensitivity for a in projected if a.sensitivity), key=lambda s: s.rank)
        level = rule.severity.get(top.value, "none")
        if missing and level != "none":
            all_classes = sorted({c for _, _, ids, _ in sensitive.values() for c in ids})
            facets.append(
                _gate_facet(
                    rule,
                    level,
                    _fill(
                        rule.message,
                        table=table.fqn,
                        classes=", ".join(all_classes),
                        missing=", ".join(missing),
                    ),
                    _fill(rule.hint, table=table.fqn, example=", ".join(f"'{m}'='...'" for m in missing)),
                    table.defined_at,
                )
            )
    if not facets:
        return None
    severity = _projected_severity(exposure, projected, broad_paths, facets)
    facets = sorted(
        (replace(f, severity=severity) for f in facets),
        key=lambda f: ((f.location.origin, f.location.line or 0) if f.location else ("", 0), f.rule_id),
    )
    ref = as_table.ref(warehouse)
    counts: dict[str, int] = {}
    for facet in facets:
        counts[facet.rule_id] = counts.get(facet.rule_id, 0) + 1
    reach = max((p.breadth for p in broad_paths), key=lambda b: b.rank).value if broad_paths else "a team"
    labels = [_fill(rules[rule_id].label, count=n, reach=reach) for rule_id, n in sorted(counts.items())]
    held = ", ".join(sorted({c.class_id for a in projected for c in a.classes}))
    title = f"{table.fqn} will hold {held}: {', '.join(labels)}"
    builder = FindingBuilder(
        exposure, AccessPolicy(frozenset(), frozenset()), warehouse, options.dialect, collateral
    )
    remediation = builder.remediation(
        as_table, broad_paths, [a for a in projected if a.protection is Protection.PLAINTEXT], access
    )
    classes = sorted({c.class_id for a in projected for c in a.classes})
    return Finding(
        ref=ref,
        fingerprint=fingerprint(ref),
        severity=severity,
        title=title,
        summary=(
            f"{table.fqn} ({table.kind.lower()}, defined at {table.defined_at}) will hold "
            f"{', '.join(classes)}; "
            + "; ".join(
                f"{f.rule_id} at line {f.location.line if f.location else '?'}: {f.message}" for f in facets
            )
            + "."
        ),
        rationale=(
            f"Projected {severity} once data lands as declared (the scan's severity matrix over "
            "sensitivity × who can read it × whether encryption covers it)."
        ),
        facets=tuple(facets),
        table=as_table,
        columns=tuple(projected),
        access=TableAccess(access.breadth, broad_paths, access.reason) if broad_paths else access,
        remediation=remediation,
        origin="gate",
        location=table.defined_at,
    )


def _gate_facet(
    rule: GateRule,
    level: str,
    message: str,
    hint: str,
    location: SourceLocation,
    columns: tuple[str, ...] = (),
    principals: tuple[Principal, ...] = (),
) -> Facet:
    return Facet(
        rule_id=rule.id,
        rule_name=rule.name,
        rule_version=1,
        kind="gate",
        severity="SEV4",
        level=level,
        message=message,
        columns=columns,
        principals=principals,
        location=location,
        hint=hint,
    )


def _projected_severity(
    exposure: ExposureRules,
    projected: Sequence[ColumnAssessment],
    broad_paths: Sequence[AccessPath],
    facets: Sequence[Facet],
) -> str:
    rated = []
    for column in projected:
        reaching = [p.breadth for p in broad_paths if path_covers(p, column.column.name)]
        if reaching:
            breadth = max(reaching, key=lambda b: b.rank)
            rated.append(matrix_cell(exposure, column, breadth, stored_state(column)))
        if column.protection is Protection.PLAINTEXT and column.sensitivity is not None:
            rated.append("SEV3" if column.sensitivity is Sensitivity.RESTRICTED else "SEV4")
    severity = worst(rated)
    if severity_rank(severity) > severity_rank("SEV4"):
        severity = "SEV4"  # labels or a protected broad grant: worth fixing, not an exposure
    if any(f.level == "error" for f in facets) and severity_rank(severity) > severity_rank("SEV3"):
        severity = "SEV3"
    return severity


def _chain(path: AccessPath) -> str:
    parts = [str(path.reader), *(f"role {m.role}" for m in reversed(path.via_roles))]
    grantee = str(path.grant.principal)
    if parts[-1] != grantee:
        parts.append(grantee)
    return " ← ".join(parts)


def _grant_location(grant: Grant, stmt: Statement | None) -> Location:
    assert grant.source is not None
    if stmt is not None:
        first = stmt.tokens[0]
        return Location(grant.source.origin, first.line, first.col - len(first.text) + 1)
    return Location(grant.source.origin, grant.source.line or 1, 1)


def _apply_ignores(
    findings: list[Finding], ignores: Mapping[str, list[tuple[int, int, str, str | None]]]
) -> list[Finding]:
    """`-- exposure:ignore RULE reason` accepts that rule's facets within the next statement."""
    out = []
    for finding in findings:
        facets = []
        for facet in finding.facets:
            location = facet.location
            why = None
            if location is not None and location.line is not None:
                for start, end, rule_id, reason in ignores.get(location.origin, []):
                    if rule_id == facet.rule_id and start <= location.line <= end and reason:
                        why = Suppression(
                            owner="inline",
                            reason=f"inline: {reason.strip()}",
                            expires="9999-12-31",
                            origin=f"{location.origin}:{start}",
                        )
                        break
            facets.append(replace(facet, suppressed=why) if why else facet)
        out.append(replace(finding, facets=tuple(facets)))
    return out


def _only_changed(
    findings: list[Finding], spans: Mapping[str, list[tuple[int, int]]], changed: Mapping[str, frozenset[int]]
) -> list[Finding]:
    """With --git-diff, facets outside the change are dropped, and a table left without one too."""
    out = []
    for finding in findings:
        facets = tuple(f for f in finding.facets if f.location and _in_changed(f.location, spans, changed))
        if facets:
            out.append(replace(finding, facets=facets))
    return out


def inline_ignores_without_reason(paths: Iterable[Path]) -> list[str]:
    """`exposure:ignore RULE` with no reason: listed, and never honoured."""
    problems = []
    for path in _sql_files(list(paths)):
        for number, line in enumerate(read_text(path, ConfigError, "SQL file").splitlines(), 1):
            match = IGNORE.search(line)
            if match and not (match.group(2) or "").strip():
                problems.append(
                    f"{path}:{number}: exposure:ignore {match.group(1)} needs a reason; it is ignored"
                )
    return problems


def _in_changed(
    location: Location, spans: Mapping[str, list[tuple[int, int]]], changed: Mapping[str, frozenset[int]]
) -> bool:
    lines = changed.get(location.origin)
    if not lines or location.line is None:
        return False
    for first, last in spans.get(location.origin, []):
        if first <= location.line <= last:
            return any(first <= n <= last for n in lines)
    return location.line in lines


def _sql_files(paths: Sequence[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.suffix.lower() in SQL_SUFFIXES and p.is_file())
        elif path.exists():
            out.append(path)
        else:
            raise ConfigError(f"no such file: {path}", hint="give SQL files or directories")
    return out


# --- git ----------------------------------------------------------------------------------------


# A revision as people write one (origin/main, HEAD~2, v1.4^, a sha, @{u}); never an option.
_REVISION = re.compile(r"[A-Za-z0-9_@][A-Za-z0-9._/@{}~^+-]*")


def _git(args: Sequence[str], repo: Path, what: str, check: bool = True) -> str:
    try:
        done = subprocess.run(  # noqa: S603 - fixed argv, no shell, revisions checked
            ["git", *args],  # noqa: S607 - git from PATH, as a developer runs it
            cwd=repo,
            capture_output=True,
            text=True,
        )
    except FileNotFoundError:
        raise ConfigError("git is not installed", hint="install git or list the files") from None
    if check and done.returncode != 0:
        raise ConfigError(f"{what} failed: {_first(RuntimeError(done.stderr))}", hint="check the revisions")
    return done.stdout if done.returncode == 0 else ""


def _revision(text: str, repo: Path, spec: str) -> str:
    """The commit a revision names, resolved by git with every argument after --end-of-options."""
    if not _REVISION.fullmatch(text) or ".." in text or text.endswith((".", "/", ".lock")):
        raise ConfigError(
            f"--git-diff {spec[:80]!r}: {text[:40]!r} is not a revision",
            hint="e.g. --git-diff origin/main..HEAD; revisions never start with '-'",
        )
    command = ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{text}^{{commit}}"]
    sha = _git(command, repo, f"git rev-parse {text}", check=False).strip()
    if not re.fullmatch(r"[0-9a-f]{40,64}", sha):
        raise ConfigError(f"--git-diff: git does not know {text!r}", hint="fetch it, or check the spelling")
    return sha


def git_changes(spec: str, repo: Path) -> dict[str, frozenset[int]]:
    """Files a change adds or modifies and, in each, the lines it adds (in the new version). Both
    revisions are checked and resolved to commits first, so nothing in --git-diff reaches git as
    an option (`--output=/path/f..HEAD` would make git write a file)."""
    three_dots = "..." in spec
    base_text, _, head_text = spec.partition("..." if three_dots else "..")
    if not base_text or not head_text or ".." not in spec:
        raise ConfigError(
            f"--git-diff {spec[:80]!r} is not BASE..HEAD", hint="e.g. --git-diff origin/main..HEAD"
        )
    base, head = _revision(base_text, repo, spec), _revision(head_text, repo, spec)
    if three_dots:
        base = _git(["merge-base", base, head], repo, "git merge-base").strip()
    diff = _git(
        ["diff", "--unified=0", "--no-color", "--diff-filter=AM", base, head, "--"], repo, f"git diff {spec}"
    )
    changed: dict[str, set[int]] = {}
    current: str | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:].strip()
            current = None if target == "/dev/null" else str(repo / target.removeprefix("b/"))
        elif line.startswith("@@") and current is not None:
            match = re.search(r"\+(\d+)(?:,(\d+))?", line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                changed.setdefault(current, set()).update(range(start, start + count))
    return {k: frozenset(v) for k, v in changed.items() if k.lower().endswith(SQL_SUFFIXES)}
