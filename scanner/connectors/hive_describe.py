"""Parsing HiveServer2 answers that carry catalog and grant metadata.

`DESCRIBE FORMATTED` has two layouts: Hive's (sections `# Detailed Table Information` and
`# Storage Information`, labels such as `Owner:` padded with spaces, `Table Parameters:` followed by
`('', key, value)` rows) and Spark's (labels without colons, `Table Properties` packed into one
`[k=v, k=v]` cell). Both put the columns first and repeat partition keys under
`# Partition Information`. `SHOW GRANT` rows follow Hive's fixed column order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from scanner.catalog import storage_format
from scanner.errors import SourceError
from scanner.models import Column, Grant, Principal, PrincipalType, SourceLocation, Table, frozen_mapping

Row = Sequence[Any]


def _cell(row: Row, index: int) -> str:
    if index >= len(row) or row[index] is None:
        return ""
    return str(row[index]).strip()


@dataclass
class DescribedTable:
    columns: list[Column] = field(default_factory=list)
    partition_keys: list[str] = field(default_factory=list)
    owner: str | None = None
    location: str | None = None
    table_type: str = "MANAGED_TABLE"
    created_at: str | None = None
    comment: str | None = None
    properties: dict[str, str] = field(default_factory=dict)
    serde_properties: dict[str, str] = field(default_factory=dict)
    format_hints: list[str] = field(default_factory=list)  # InputFormat, Provider, SerDe Library


_SPARK_PROPS = re.compile(r"\[(.*)\]", re.DOTALL)


def _spark_properties(cell: str) -> dict[str, str]:
    """`[k=v, k2=v2]` → dict. Values may contain commas, so split only before `, key=`."""
    match = _SPARK_PROPS.fullmatch(cell.strip())
    if not match:
        return {}
    body = match.group(1)
    parts = re.split(r", (?=[^,=\s]+=)", body) if body else []
    out = {}
    for part in parts:
        key, sep, value = part.partition("=")
        if sep:
            out[key.strip()] = value.strip()
    return out


# Spark's short type names, spelled as Hive's metastore spells them
_SPARK_TYPES = {"MANAGED": "MANAGED_TABLE", "EXTERNAL": "EXTERNAL_TABLE", "VIEW": "VIRTUAL_VIEW"}


def parse_describe_formatted(rows: Iterable[Row]) -> DescribedTable:
    """Columns, partition keys, owner, location, type and parameters from either layout."""
    out = DescribedTable()
    section = "columns"
    params_target: dict[str, str] | None = None
    seen_columns: set[str] = set()
    for row in rows:
        name, value, extra = _cell(row, 0), _cell(row, 1), _cell(row, 2)
        if name.startswith("#"):
            lowered = name.lower()
            params_target = None
            if "partition information" in lowered:
                section = "partitions"
            elif "detailed table information" in lowered or "storage information" in lowered:
                section = "details"
            elif lowered in ("# col_name", "# col_name data_type comment"):
                continue
            elif section == "columns" and lowered.startswith("# "):
                section = "other"
            continue
        if section in ("columns", "partitions"):
            if not name:
                # a blank row ends the column list; a continued multi-line comment has no name
                if not value and not extra:
                    section = "between"
                continue
            if section == "partitions":
                if name not in out.partition_keys:
                    out.partition_keys.append(name)
                if name not in seen_columns:
                    seen_columns.add(name)
                    out.columns.append(Column(name, value.lower(), extra or None, len(out.columns), True))
                else:
                    out.columns = [
                        Column(c.name, c.data_type, c.comment, c.position, True) if c.name == name else c
                        for c in out.columns
                    ]
                continue
            if name not in seen_columns:
                seen_columns.add(name)
                out.columns.append(Column(name, value.lower(), extra or None, len(out.columns)))
            continue
        if section != "details":
            continue
        label = name.rstrip(":").strip().lower()
        if not name and params_target is not None:
            # Hive: ('', key, value) rows under "Table Parameters:" / "Storage Desc Params:"
            if value:
                params_target[value] = extra
            continue
        if label in ("owner",):
            out.owner = value or None
        elif label == "location":
            out.location = value or None
        elif label in ("inputformat", "provider", "serde library"):
            out.format_hints.append(value)
        elif label in ("table type", "type"):
            out.table_type = _SPARK_TYPES.get(value.upper(), value.upper() or out.table_type)
        elif label in ("createtime", "created time"):
            out.created_at = value or None
        elif label == "comment":
            out.comment = value or None
        elif label == "table parameters":
            params_target = out.properties
        elif label == "storage desc params":
            params_target = out.serde_properties
        elif label == "table properties":
            out.properties.update(_spark_properties(value))
        elif label == "storage properties":
            out.serde_properties.update(_spark_properties(value))
        else:
            params_target = None
    if "comment" in out.properties and out.comment is None:
        out.comment = out.properties["comment"]
    return out


# SHOW GRANT: database, table, partition, column, principal_name, principal_type, privilege,
# grant_option, grant_time (ms), grantor
def parse_show_grant(rows: Iterable[Row], origin: str) -> list[Grant]:
    grants = []
    for row in rows:
        database, table, column = _cell(row, 0), _cell(row, 1), _cell(row, 3)
        principal, kind, privilege = _cell(row, 4), _cell(row, 5).upper(), _cell(row, 6).upper()
        if not (database and principal and privilege) or kind not in PrincipalType.__members__:
            continue
        # Ranger-backed answers look like "SELECT (ACCESS_CONDITIONAL)"
        privilege = privilege.split("(")[0].strip()
        granted_at = None
        millis = _cell(row, 8)
        if millis.isdigit() and int(millis) > 0:
            granted_at = datetime.fromtimestamp(int(millis) / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        grants.append(
            Grant(
                principal=Principal(PrincipalType[kind], principal),
                privilege=privilege,
                database=database,
                table=table or None,
                columns=(column,) if column else (),
                grant_option=_cell(row, 7).lower() == "true",
                grantor=_cell(row, 9) or None,
                granted_at=granted_at,
                source=SourceLocation(origin, None),
            )
        )
    return grants


class DescribedCatalog:
    """The catalog walk of engines that answer SHOW DATABASES, SHOW TABLES and DESCRIBE FORMATTED
    (HiveServer2, Spark): a table that cannot be described is listed with its error, never dropped.
    The engine supplies how to run a statement and quote a name."""

    def _rows(self, sql: str, what: str) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _q(self, *parts: str) -> str:
        raise NotImplementedError

    def databases(self) -> list[str]:
        raise NotImplementedError

    def table_names(self, database: str) -> list[str]:
        raise NotImplementedError

    def describe(self, database: str, name: str) -> Table:
        rows = self._rows(
            f"DESCRIBE FORMATTED {self._q(database, name)}", f"cannot describe {database}.{name}"
        )
        described = parse_describe_formatted(rows)
        return Table(
            database=database,
            name=name,
            columns=tuple(described.columns),
            owner=described.owner,
            table_type=described.table_type,
            comment=described.comment,
            location=described.location,
            created_at=described.created_at,
            row_estimate=_row_estimate(described.properties),
            properties=frozen_mapping(described.properties),
            serde_properties=frozen_mapping(described.serde_properties),
            storage_format=storage_format(described.properties.get("table_type"), *described.format_hints),
        )

    def list_tables(self) -> Iterator[Table]:
        for database in self.databases():
            try:
                names = self.table_names(database)
            except SourceError as exc:
                yield Table(database=database, name="*", columns=(), catalog_error=exc.message)
                continue
            for name in names:
                try:
                    yield self.describe(database, name)
                except SourceError as exc:
                    yield Table(database=database, name=name, columns=(), catalog_error=exc.message)


def _row_estimate(properties: dict[str, str]) -> int | None:
    for key in ("numRows", "spark.sql.statistics.numRows"):
        value = properties.get(key, "")
        if value.lstrip("-").isdigit() and int(value) >= 0:
            return int(value)
    return None
