"""The embedded default: a DuckDB file as the warehouse.

DuckDB schemas play Hive databases. DuckDB has no table properties, owners or grants, so a
warehouse may carry them in an optional `exposure_meta` schema (see docs/sources.md):
`exposure_meta.tables(database, table_name, owner, created_at)` and
`exposure_meta.table_params(database, table_name, scope, param_key, param_value)` with scope
`table` (TBLPROPERTIES) or `serde` (SERDEPROPERTIES). Grants come from a grants file.

A warehouse file is untrusted input: it is opened read-only with external access disabled and the
configuration locked, so a view over `read_text('/etc/...')` or an extension cannot make the scanner
read the host's files or the network; such a view is reported unreadable.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
from sqlglot import exp

from scanner.connectors.base import ConnectorBase, SourceURL, register
from scanner.connectors.common import as_text, cap_cell
from scanner.errors import SourceError
from scanner.models import Column, GrantSet, Table, frozen_mapping
from scanner.sample import DEFAULT_MAX_CELL_BYTES

# Untrusted warehouse files: no host files, no network, no extensions, and no SET that undoes this.
SAFE_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}
DEFAULT_MEMORY_LIMIT = "256MB"  # per connection, and so per worker (duckdb:///w.duckdb?memory_limit=1GB)
META_SCHEMA = "exposure_meta"
META_SCOPES = ("table", "serde")
SKIPPED_SCHEMAS = frozenset({META_SCHEMA, "information_schema", "pg_catalog"})


class DuckDBConnector(ConnectorBase):
    dialect = "duckdb"
    remediation_dialect: str | None = None  # DuckDB has no grants: the grants files' dialect applies

    def __init__(self, url: SourceURL) -> None:
        self.url = url
        if url.host:
            # urlsplit reads duckdb://data/w.duckdb as host "data", path "/w.duckdb": say so instead
            # of opening a file nobody meant.
            raise SourceError(
                f"{url.redacted} names a host ({url.host}); a DuckDB source is a file path",
                hint=f"use three slashes for an absolute path (duckdb:///abs/path.duckdb) or "
                f"duckdb:{url.host}{url.path} for a path relative to the current directory",
            )
        path = Path(url.path)
        if not url.path or url.path in ("/", ""):
            raise SourceError(
                f"no database file in {url.redacted}", hint="use duckdb:///absolute/path/warehouse.duckdb"
            )
        if not path.is_file():
            raise SourceError(f"DuckDB file not found: {path}", hint="check the path in --source")
        params = dict(url.params)
        self._memory_limit = params.get("memory_limit", DEFAULT_MEMORY_LIMIT)
        config = {
            **SAFE_CONFIG,
            # DuckDB's buffer cache grows to 80 % of the machine unless told otherwise: a scan of
            # 45,000 tables would keep them all. A small cache reads just as fast for sampling.
            "memory_limit": self._memory_limit,
            "threads": int(params.get("threads", "1")) if params.get("threads", "1").isdigit() else 1,
        }
        try:
            unlocked = {k: v for k, v in config.items() if k != "lock_configuration"}
            self._conn = duckdb.connect(str(path), read_only=True, config=unlocked)
            # a long catalog query must not draw DuckDB's progress bar over the scan's own output;
            # then nothing a warehouse file holds may change the settings
            self._conn.execute("SET enable_progress_bar = false")
            self._conn.execute("SET lock_configuration = true")
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
            raise SourceError(
                f"cannot open DuckDB file {path}: {first}", hint="is it a DuckDB database?"
            ) from None

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, list(params)).fetchall()

    def _has_meta(self, table: str) -> bool:
        rows = self._rows(
            "SELECT 1 FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?", (META_SCHEMA, table)
        )
        return bool(rows)

    def _meta(self, table: str, columns: Sequence[str]) -> list[tuple[str | None, ...]]:
        """Rows of an exposure_meta table, every cell as text; a table of the wrong shape is a
        usage error naming it, not a crash."""
        if not self._has_meta(table):
            return []
        cells = ", ".join(
            f"CAST({exp.to_identifier(c, quoted=True).sql('duckdb')} AS VARCHAR)" for c in columns
        )
        try:
            return self._rows(f"SELECT {cells} FROM {META_SCHEMA}.{table}")
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0][:200]
            raise SourceError(
                f"{META_SCHEMA}.{table} in {self.url.redacted} is malformed: {first}",
                hint=f"it needs the columns {', '.join(columns)} (docs/sources.md)",
            ) from None

    def list_tables(self) -> Iterator[Table]:
        owners: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        params: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(
            lambda: {"table": {}, "serde": {}}
        )
        for db, name, owner, created in self._meta(
            "tables", ("database", "table_name", "owner", "created_at")
        ):
            if db is not None and name is not None:
                owners[(db, name)] = (owner, created)
        for row in self._meta(
            "table_params", ("database", "table_name", "scope", "param_key", "param_value")
        ):
            db, name, scope, key, value = row
            if scope not in META_SCOPES or None in (db, name, key):
                raise SourceError(
                    f"{META_SCHEMA}.table_params in {self.url.redacted} has a row with scope "
                    f"{str(scope)[:20]!r} or an empty name",
                    hint="scope is 'table' or 'serde'; database, table_name and param_key are required",
                )
            assert db is not None and name is not None and key is not None
            params[(db, name)][str(scope)][key] = value or ""
        columns: dict[tuple[str, str], list[Column]] = defaultdict(list)
        for schema, table, col, dtype, comment, index in self._rows(
            "SELECT schema_name, table_name, column_name, data_type, comment, column_index "
            "FROM duckdb_columns() WHERE NOT internal ORDER BY schema_name, table_name, column_index"
        ):
            columns[(schema, table)].append(Column(col, dtype.lower(), comment, int(index)))
        for schema, table, comment, kind, size in self._rows(
            "SELECT schema_name, table_name, comment, 'TABLE', estimated_size FROM duckdb_tables() "
            "WHERE NOT internal UNION ALL SELECT schema_name, view_name, comment, 'VIEW', NULL "
            "FROM duckdb_views() WHERE NOT internal ORDER BY 1, 2"
        ):
            if schema in SKIPPED_SCHEMAS:
                continue
            owner, created = owners.get((schema, table), (None, None))
            props = params.get((schema, table), {"table": {}, "serde": {}})
            yield Table(
                database=schema,
                name=table,
                columns=tuple(columns.get((schema, table), [])),
                owner=owner,
                table_type="VIRTUAL_VIEW" if kind == "VIEW" else "MANAGED_TABLE",
                comment=comment,
                created_at=created,
                row_estimate=int(size) if size is not None else None,
                properties=frozen_mapping(props["table"]),
                serde_properties=frozen_mapping(props["serde"]),
            )

    def sample(
        self, table: Table, columns: Sequence[str], limit: int, max_cell_bytes: int = DEFAULT_MAX_CELL_BYTES
    ) -> dict[str, list[str | bytes]]:
        """One bounded query per table: every column at once, LIMIT rows, no COUNT(*), each cell cut
        to `max_cell_bytes` inside the engine."""
        if not columns:
            return {}
        types = {c.name: c.data_type for c in table.columns}
        selected: list[str] = []
        spans: list[tuple[str, int, int]] = []  # column → its slice of the row
        for name in columns:
            parts = _capped_sql(_quote(name), types.get(name, ""), max_cell_bytes)
            spans.append((name, len(selected), len(selected) + len(parts)))
            selected.extend(parts)
        source = f"{_quote(table.database)}.{_quote(table.name)}"
        query = f"SELECT {', '.join(selected)} FROM {source} LIMIT {int(limit)}"
        try:
            rows = self._conn.execute(query).fetchall()
        except duckdb.OutOfMemoryException:
            # DuckDB decompresses a whole vector of cells before left() cuts them
            raise SourceError(
                f"cannot sample {table.fqn}: its cells do not fit DuckDB's memory_limit "
                f"({self._memory_limit}); raise it with ?memory_limit= in the source URL"
            ) from None
        except duckdb.Error as exc:
            raise SourceError(f"cannot sample {table.fqn}: {type(exc).__name__}") from None
        out: dict[str, list[str | bytes]] = {name: [] for name in columns}
        for row in rows:
            for name, start, stop in spans:
                value = (
                    row[start]
                    if stop == start + 1
                    else next((v for v in row[start:stop] if v is not None), None)
                )
                if value is not None:
                    out[name].append(cap_cell(as_text(value), max_cell_bytes))
        rows.clear()
        return out

    def read_grants(self, tables: Sequence[Table]) -> GrantSet | None:
        return None

    def uri(self, table: Table) -> str:
        # the file is the warehouse; the table is a fragment of it
        base = self.url.redacted.split("?", 1)[0]
        return f"{base}#{quote(table.database, safe='')}/{quote(table.name, safe='')}"

    def close(self) -> None:
        self._conn.close()


@functools.lru_cache(maxsize=65536)
def _quote(identifier: str) -> str:
    # sqlglot quotes (doubling embedded quotes); cached, as 45,000 tables repeat column names
    return exp.to_identifier(identifier, quoted=True).sql(dialect="duckdb")


def _capped_sql(quoted: str, data_type: str, limit: int) -> list[str]:
    """The SQL of `_capped` for an already quoted column: built once per (type, limit) from
    sqlglot's own output with a placeholder, then filled in, so a 30-column table costs no parse."""
    template = _capped_template(data_type.lower(), limit)
    return [part.replace(_PLACEHOLDER, quoted) for part in template]


_PLACEHOLDER = '"__exposure_column__"'


@functools.lru_cache(maxsize=4096)
def _capped_template(data_type: str, limit: int) -> tuple[str, ...]:
    column = exp.column("__exposure_column__", quoted=True)
    return tuple(part.sql(dialect="duckdb") for part in _capped(column, data_type, limit))


def _capped(column: exp.Column, data_type: str, limit: int) -> list[exp.Expr]:
    """What to select so no cell larger than `limit` leaves the engine: strings cut with left(),
    blobs sliced; a nested value comes whole when its text is short, else as its first `limit`
    characters of text; fixed-size types as text."""
    kind = data_type.lower()
    size = exp.Literal.number(limit)
    as_text = exp.cast(column.copy(), "VARCHAR")
    nested = "[" in kind or kind.startswith(("struct", "map", "union", "list"))
    if nested:
        short = exp.func("strlen", as_text.copy()) <= size
        return [
            exp.If(this=short, true=column.copy()),
            exp.If(this=short.copy(), true=exp.Null(), false=exp.func("left", as_text.copy(), size.copy())),
        ]
    if kind.startswith(("varchar", "json", "text", "string", "char", "bpchar")):
        cut: exp.Expr = exp.func("left", as_text, size)
        return [cut]
    if kind.startswith(("blob", "bytea", "binary", "varbinary")):
        bounds = exp.Slice(this=exp.Literal.number(1), expression=size)
        return [exp.Bracket(this=column.copy(), expressions=[bounds])]
    # Numbers, dates and booleans as the engine prints them: text made in C, not a Python datetime
    # or Decimal built per cell only to be printed.
    return [as_text]


def describe_duckdb(url: SourceURL) -> DuckDBConnector:
    """The connector's description of the source (its URIs, its dialects), with no file opened."""
    described = DuckDBConnector.__new__(DuckDBConnector)
    described.url = url
    return described


@register("duckdb", describe=describe_duckdb)
def open_duckdb(url: SourceURL) -> DuckDBConnector:
    return DuckDBConnector(url)
