"""The embedded default: a DuckDB file as the warehouse.

DuckDB schemas play Hive databases. DuckDB has no table properties, owners or grants, so a
warehouse may carry them in an optional `exposure_meta` schema (see docs/sources.md):
`exposure_meta.tables(database, table_name, owner, created_at)` and
`exposure_meta.table_params(database, table_name, scope, param_key, param_value)` with scope
`table` (TBLPROPERTIES) or `serde` (SERDEPROPERTIES). Grants come from a grants file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
from sqlglot import exp

from scanner.connect import SourceURL, register
from scanner.connectors.common import as_text
from scanner.errors import SourceError
from scanner.models import Column, GrantSet, Table, frozen_mapping

META_SCHEMA = "exposure_meta"
SKIPPED_SCHEMAS = frozenset({META_SCHEMA, "information_schema", "pg_catalog"})


class DuckDBConnector:
    dialect = "duckdb"

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
        try:
            self._conn = duckdb.connect(str(path), read_only=True)
        except duckdb.Error as exc:
            raise SourceError(
                f"cannot open DuckDB file {path}: {exc}", hint="is it a DuckDB database?"
            ) from None

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, list(params)).fetchall()

    def _has_meta(self, table: str) -> bool:
        rows = self._rows(
            "SELECT 1 FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?", (META_SCHEMA, table)
        )
        return bool(rows)

    def list_tables(self) -> Iterator[Table]:
        owners: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        params: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(
            lambda: {"table": {}, "serde": {}}
        )
        if self._has_meta("tables"):
            for db, name, owner, created in self._rows(
                f"SELECT database, table_name, owner, CAST(created_at AS VARCHAR) FROM {META_SCHEMA}.tables"
            ):
                owners[(db, name)] = (owner, created)
        if self._has_meta("table_params"):
            for db, name, scope, key, value in self._rows(
                f"SELECT database, table_name, scope, param_key, param_value FROM {META_SCHEMA}.table_params"
            ):
                params[(db, name)][scope][key] = value
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

    def sample(self, table: Table, columns: Sequence[str], limit: int) -> dict[str, list[str | bytes]]:
        out: dict[str, list[str | bytes]] = {}
        source = exp.table_(table.name, db=table.database, quoted=True)
        for name in columns:
            column = exp.column(name, quoted=True)
            query = (
                exp.select(column)
                .from_(source)
                .where(exp.Not(this=exp.Is(this=column.copy(), expression=exp.Null())))
                .limit(limit)
            )
            try:
                rows = self._conn.execute(query.sql(dialect="duckdb")).fetchall()
            except duckdb.Error as exc:
                raise SourceError(f"cannot sample {table.fqn}.{name}: {type(exc).__name__}") from None
            out[name] = [as_text(row[0]) for row in rows]
        return out

    def read_grants(self, tables: Sequence[Table]) -> GrantSet | None:
        return None

    def close(self) -> None:
        self._conn.close()


@register("duckdb")
def open_duckdb(url: SourceURL) -> DuckDBConnector:
    return DuckDBConnector(url)
