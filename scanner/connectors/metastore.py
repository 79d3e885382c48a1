"""The Hive metastore's own database, read in bulk: catalog and grants for every table in a few
streaming queries instead of several HiveServer2 round trips per table.

URL: `metastore+postgresql://user@host:5432/metastore` (psycopg) or `metastore+mysql://...`
(PyMySQL). Password from `$EXPOSURE_METASTORE_PASSWORD`, `password_env=` or `password_file=`.
The metastore holds no values: pair it with `sample_source: hive://...` to sample them.

Column sets differ between Hive versions (OWNER_TYPE and CTLG_NAME arrived in 3.0, AUTHORIZER
later), so the connector asks information_schema which columns exist before it selects them.
"""

from __future__ import annotations

import contextlib
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlglot import exp

from scanner.catalog import storage_format
from scanner.connectors.base import ConnectorBase, SourceURL, register
from scanner.connectors.common import url_password
from scanner.errors import SourceError, SourceUnavailable
from scanner.models import (
    Column,
    Grant,
    GrantSet,
    Principal,
    PrincipalType,
    RoleMembership,
    SourceLocation,
    Table,
    frozen_mapping,
    table_key,
)

DEFAULT_PASSWORD_ENV = "EXPOSURE_METASTORE_PASSWORD"  # noqa: S105 - a variable name
METASTORE_TABLES = (
    "DBS",
    "TBLS",
    "SDS",
    "COLUMNS_V2",
    "PARTITION_KEYS",
    "TABLE_PARAMS",
    "SERDE_PARAMS",
    "TBL_PRIVS",
    "DB_PRIVS",
    "TBL_COL_PRIVS",
    "GLOBAL_PRIVS",
    "ROLES",
    "ROLE_MAP",
)
REQUIRED = ("DBS", "TBLS", "SDS", "COLUMNS_V2")
BATCH = 20_000


def _epoch(seconds: Any) -> str | None:
    if seconds is None or int(seconds) <= 0:
        return None
    return datetime.fromtimestamp(int(seconds), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class MetastoreConnector(ConnectorBase):
    dialect = "hive"

    def __init__(self, url: SourceURL) -> None:
        self.url = url
        self.flavor = url.scheme.split("+", 1)[1]
        self.sql_dialect = "postgres" if self.flavor in ("postgresql", "postgres") else "mysql"
        self._conn = self._connect()
        self._columns = self._discover()
        self._strings: dict[str, str] = {}

    # --- connection ---------------------------------------------------------------------------

    def _password(self) -> str | None:
        return url_password(self.url, DEFAULT_PASSWORD_ENV)

    def _connect(self) -> Any:
        params = dict(self.url.params)
        timeout = int(float(params.get("connect_timeout", "10")))
        database = self.url.path.strip("/") or "metastore"
        try:
            if self.sql_dialect == "postgres":
                import psycopg

                extra: dict[str, Any] = {
                    k: v for k, v in params.items() if k in ("sslmode", "sslrootcert", "options")
                }
                return psycopg.connect(
                    host=self.url.host or "127.0.0.1",
                    port=self.url.port or 5432,
                    user=self.url.user,
                    password=self._password(),
                    dbname=database,
                    connect_timeout=timeout,
                    autocommit=False,
                    **extra,
                )
            import pymysql

            return pymysql.connect(
                host=self.url.host or "127.0.0.1",
                port=self.url.port or 3306,
                user=self.url.user or "hive",
                password=self._password() or "",
                database=database,
                connect_timeout=timeout,
                cursorclass=pymysql.cursors.SSCursor,
            )
        except ImportError as exc:
            raise SourceError(
                f"the metastore connector needs {exc.name}", hint="pip install 'exposure-scanner[hive]'"
            ) from None
        except SourceError:
            raise
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise SourceUnavailable(
                f"cannot connect to the metastore at {self.url.redacted}: {first}",
                hint="check host, port, database, user and the password variable or file",
            ) from None

    def _q(self, name: str) -> str:
        return exp.to_identifier(name, quoted=True).sql(dialect=self.sql_dialect)

    def _stream(self, sql: str, what: str) -> Iterator[tuple[Any, ...]]:
        try:
            if self.sql_dialect == "postgres":
                # A named (server-side) cursor streams rows instead of materialising millions.
                with self._conn.cursor(name=f"exposure_{abs(hash(sql))}") as cursor:
                    cursor.itersize = BATCH
                    cursor.execute(sql)
                    yield from cursor
                return
            with self._conn.cursor() as cursor:
                cursor.execute(sql)
                while rows := cursor.fetchmany(BATCH):
                    yield from rows
        except SourceError:
            raise
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise SourceUnavailable(f"metastore query for {what} failed: {first}") from None

    def _discover(self) -> dict[str, set[str]]:
        names = ", ".join(f"'{t}'" for t in METASTORE_TABLES)
        if self.sql_dialect == "postgres":
            sql = (
                "SELECT table_name, column_name FROM information_schema.columns "
                f"WHERE table_schema = current_schema() AND table_name IN ({names})"
            )
        else:
            sql = (
                "SELECT table_name, column_name FROM information_schema.columns "
                f"WHERE table_schema = DATABASE() AND table_name IN ({names})"
            )
        found: dict[str, set[str]] = defaultdict(set)
        for table, column in self._stream(sql, "the schema"):
            found[str(table)].add(str(column))
        self._conn.commit()
        missing = [t for t in REQUIRED if t not in found]
        if missing:
            raise SourceError(
                f"{self.url.redacted} does not look like a Hive metastore: no {', '.join(missing)}",
                hint="point the URL at the metastore's database (often called metastore or hive)",
            )
        return found

    def _select(self, table: str, wanted: Sequence[str], order: Sequence[str] = ()) -> str | None:
        """SELECT of the wanted columns that exist (absent ones read as NULL)."""
        present = self._columns.get(table)
        if not present:
            return None
        cols = ", ".join(self._q(c) if c in present else "NULL" for c in wanted)
        sql = f"SELECT {cols} FROM {self._q(table)}"
        if order:
            sql += " ORDER BY " + ", ".join(self._q(c) for c in order)
        return sql

    def _rows(
        self, table: str, wanted: Sequence[str], order: Sequence[str] = ()
    ) -> Iterable[tuple[Any, ...]]:
        sql = self._select(table, wanted, order)
        return self._stream(sql, table) if sql else ()

    def _intern(self, text: Any) -> str:
        # 45,000 tables × 50 columns repeat the same names and types: store each string once.
        value = "" if text is None else str(text)
        return self._strings.setdefault(value, sys.intern(value) if len(value) < 64 else value)

    # --- catalog ------------------------------------------------------------------------------

    def list_tables(self) -> Iterator[Table]:
        databases = {int(r[0]): str(r[1]) for r in self._rows("DBS", ("DB_ID", "NAME"))}
        params: dict[int, dict[str, str]] = defaultdict(dict)
        for tbl_id, key, value in self._rows("TABLE_PARAMS", ("TBL_ID", "PARAM_KEY", "PARAM_VALUE")):
            params[int(tbl_id)][self._intern(key)] = "" if value is None else str(value)
        serde: dict[int, dict[str, str]] = defaultdict(dict)
        for serde_id, key, value in self._rows("SERDE_PARAMS", ("SERDE_ID", "PARAM_KEY", "PARAM_VALUE")):
            serde[int(serde_id)][self._intern(key)] = "" if value is None else str(value)
        partition_keys: dict[int, list[Column]] = defaultdict(list)
        for tbl_id, name, type_name, comment, idx in self._rows(
            "PARTITION_KEYS",
            ("TBL_ID", "PKEY_NAME", "PKEY_TYPE", "PKEY_COMMENT", "INTEGER_IDX"),
            ("TBL_ID", "INTEGER_IDX"),
        ):
            partition_keys[int(tbl_id)].append(
                Column(self._intern(name), self._intern(type_name).lower(), comment or None, int(idx), True)
            )
        tables_sql = (
            f"SELECT t.{self._q('TBL_ID')}, t.{self._q('DB_ID')}, t.{self._q('TBL_NAME')}, "
            f"t.{self._q('OWNER')}, t.{self._q('TBL_TYPE')}, t.{self._q('CREATE_TIME')}, "
            f"s.{self._q('CD_ID')}, s.{self._q('LOCATION')}, s.{self._q('SERDE_ID')}, "
            f"s.{self._q('INPUT_FORMAT')} "
            f"FROM {self._q('TBLS')} t LEFT JOIN {self._q('SDS')} s "
            f"ON t.{self._q('SD_ID')} = s.{self._q('SD_ID')}"
        )
        # Tables are few enough to hold; columns (millions) are merged in by CD_ID as they stream.
        by_cd: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        without_cd: list[tuple[Any, ...]] = []
        for row in self._stream(tables_sql, "TBLS"):
            if row[6] is None:
                without_cd.append(row)
            else:
                by_cd[int(row[6])].append(row)
        current_cd: int | None = None
        current: list[Column] = []

        def emit(cd_id: int, columns: list[Column]) -> Iterator[Table]:
            for row in by_cd.pop(cd_id, []):
                yield self._table(row, columns, databases, params, serde, partition_keys)

        for cd_id, name, type_name, comment, idx in self._rows(
            "COLUMNS_V2",
            ("CD_ID", "COLUMN_NAME", "TYPE_NAME", "COMMENT", "INTEGER_IDX"),
            ("CD_ID", "INTEGER_IDX"),
        ):
            cd = int(cd_id)
            if cd != current_cd:
                if current_cd is not None:
                    yield from emit(current_cd, current)
                current_cd, current = cd, []
            current.append(
                Column(self._intern(name), self._intern(type_name).lower(), comment or None, int(idx))
            )
        if current_cd is not None:
            yield from emit(current_cd, current)
        for rows in [*by_cd.values(), without_cd]:
            for row in rows:
                yield self._table(row, [], databases, params, serde, partition_keys)
        self._conn.commit()

    def _table(
        self,
        row: tuple[Any, ...],
        columns: list[Column],
        databases: dict[int, str],
        params: dict[int, dict[str, str]],
        serde: dict[int, dict[str, str]],
        partition_keys: dict[int, list[Column]],
    ) -> Table:
        tbl_id, db_id, name, owner, tbl_type, created, _cd, location, serde_id, input_format = row
        props = params.pop(int(tbl_id), {})
        keys = partition_keys.pop(int(tbl_id), [])
        offset = len(columns)
        all_columns = columns + [
            Column(c.name, c.data_type, c.comment, offset + i, True) for i, c in enumerate(keys)
        ]
        num_rows = props.get("numRows", "")
        return Table(
            database=databases.get(int(db_id), str(db_id)),
            name=str(name),
            columns=tuple(all_columns),
            owner=owner or None,
            table_type=str(tbl_type or "MANAGED_TABLE"),
            comment=props.get("comment"),
            location=location or None,
            created_at=_epoch(created),
            row_estimate=int(num_rows) if num_rows.isdigit() else None,
            properties=frozen_mapping(props),
            serde_properties=frozen_mapping(serde.get(int(serde_id), {}) if serde_id is not None else {}),
            storage_format=storage_format(props.get("table_type"), input_format),
        )

    def sample(
        self, table: Table, columns: Sequence[str], limit: int, max_cell_bytes: int = 0
    ) -> dict[str, list[str | bytes]]:
        raise SourceError("the metastore holds no values (metadata only); set sample_source to HiveServer2")

    # --- grants -------------------------------------------------------------------------------

    def read_grants(self, tables: Sequence[Table]) -> GrantSet | None:
        try:
            return self._read_grants()
        except SourceError as exc:
            with contextlib.suppress(Exception):
                self._conn.rollback()
            return GrantSet(
                dialect="hive",
                warnings=(f"{exc.message}; every table's readers are unknown",),
                unknown_tables=frozenset(table_key(t.database, t.name) for t in tables),
            )

    def _read_grants(self) -> GrantSet:
        origin = self.url.redacted
        databases = {int(r[0]): str(r[1]) for r in self._rows("DBS", ("DB_ID", "NAME"))}
        names = {
            int(r[0]): (databases.get(int(r[1]), str(r[1])), str(r[2]))
            for r in self._rows("TBLS", ("TBL_ID", "DB_ID", "TBL_NAME"))
        }
        grants: list[Grant] = []
        # shared, not one per row: 180,000 grants would otherwise carry 180,000 copies
        locations = {
            where: SourceLocation(f"{origin} {where}", None)
            for where in ("TBL_PRIVS", "TBL_COL_PRIVS", "DB_PRIVS", "GLOBAL_PRIVS")
        }
        principals: dict[tuple[str, str], Principal] = {}
        common = ("PRINCIPAL_NAME", "PRINCIPAL_TYPE", "GRANT_OPTION", "GRANTOR", "CREATE_TIME")

        def grant(
            where: str,
            row: Sequence[Any],
            privilege: Any,
            database: str,
            table: str | None,
            cols: tuple[str, ...],
        ) -> None:
            principal, kind, option, grantor, created = row
            kind = str(kind or "").upper()
            if kind not in PrincipalType.__members__ or not principal or not privilege:
                return
            grants.append(
                Grant(
                    principal=principals.setdefault(
                        (kind, str(principal)), Principal(PrincipalType[kind], str(principal))
                    ),
                    privilege=str(privilege).upper(),
                    database=database,
                    table=table,
                    columns=cols,
                    grant_option=bool(option),
                    grantor=grantor or None,
                    granted_at=_epoch(created),
                    source=locations[where],
                )
            )

        for row in self._rows("TBL_PRIVS", ("TBL_ID", "TBL_PRIV", *common)):
            if int(row[0]) in names:
                db, tbl = names[int(row[0])]
                grant("TBL_PRIVS", row[2:], row[1], db, tbl, ())
        for row in self._rows("TBL_COL_PRIVS", ("TBL_ID", "TBL_COL_PRIV", "COLUMN_NAME", *common)):
            if int(row[0]) in names:
                db, tbl = names[int(row[0])]
                grant("TBL_COL_PRIVS", row[3:], row[1], db, tbl, (str(row[2]),))
        for row in self._rows("DB_PRIVS", ("DB_ID", "DB_PRIV", *common)):
            if int(row[0]) in databases:
                grant("DB_PRIVS", row[2:], row[1], databases[int(row[0])], None, ())
        for row in self._rows("GLOBAL_PRIVS", ("USER_PRIV", *common)):
            # A server-wide grant reaches every database.
            for database in sorted(set(databases.values())):
                grant("GLOBAL_PRIVS", row[1:], row[0], database, None, ())
        roles = {int(r[0]): str(r[1]) for r in self._rows("ROLES", ("ROLE_ID", "ROLE_NAME"))}
        memberships = []
        for role_id, member, kind in self._rows("ROLE_MAP", ("ROLE_ID", "PRINCIPAL_NAME", "PRINCIPAL_TYPE")):
            kind = str(kind or "").upper()
            if int(role_id) in roles and kind in PrincipalType.__members__ and member:
                memberships.append(
                    RoleMembership(
                        roles[int(role_id)],
                        Principal(PrincipalType[kind], str(member)),
                        SourceLocation(f"{origin} ROLE_MAP", None),
                    )
                )
        self._conn.commit()
        return GrantSet(
            grants=tuple(grants),
            memberships=tuple(memberships),
            sources=(f"metastore {origin}",),
            dialect="hive",
        )

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a broken connection
            self._conn.close()


@register("metastore+postgresql", "metastore+postgres", "metastore+mysql")
def open_metastore(url: SourceURL) -> MetastoreConnector:
    return MetastoreConnector(url)
