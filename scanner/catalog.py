"""Catalog: which tables to scan, and what their metadata says about encryption."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence

from scanner.models import Table

# Table or serde properties that name encrypted columns: value is "key:col,col;key2:col".
COLUMN_ENCRYPTION_PROPERTIES = ("orc.encrypt", "parquet.encryption.column.keys")
# Properties that encrypt every column of a table.
TABLE_ENCRYPTION_PROPERTIES = ("encryption.key-id",)


def select_tables(
    tables: Iterable[Table], include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[Table]:
    """Tables whose `db.table` matches an include glob (all when none) and no exclude glob."""
    chosen = []
    for table in tables:
        name = table.fqn.lower()
        if include and not any(fnmatch.fnmatchcase(name, p.lower()) for p in include):
            continue
        if any(fnmatch.fnmatchcase(name, p.lower()) for p in exclude):
            continue
        chosen.append(table)
    return chosen


def column_encryption(table: Table) -> dict[str, str]:
    """Lower-cased column name → the property that claims it is encrypted."""
    covered: dict[str, str] = {}
    for scope, props in (("TBLPROPERTIES", table.properties), ("SERDEPROPERTIES", table.serde_properties)):
        lowered = {k.lower(): v for k, v in props.items()}
        for key in TABLE_ENCRYPTION_PROPERTIES:
            if lowered.get(key):
                for column in table.columns:
                    covered.setdefault(column.name.lower(), f"{scope} {key}")
        for key in COLUMN_ENCRYPTION_PROPERTIES:
            for name in columns_named(lowered.get(key, "")):
                covered.setdefault(name, f"{scope} {key}")
    return covered


def columns_named(value: str) -> list[str]:
    """Lower-cased columns of a `key:col,col;key2:col` property value (orc.encrypt, orc.mask, ...)."""
    names = []
    for group in value.split(";"):
        _, _, columns = group.rpartition(":")
        names += [name.strip().lower() for name in columns.split(",") if name.strip()]
    return names


_FORMATS = (
    ("iceberg", ("iceberg",)),
    ("delta", ("delta",)),
    ("hudi", ("hudi",)),
    ("parquet", ("parquet",)),
    ("orc", ("orc",)),
    ("avro", ("avro",)),
    ("text", ("textinputformat", "lazysimpleserde", "text", "csv", "opencsvserde")),
    ("json", ("json",)),
)


def storage_format(*hints: str | None) -> str | None:
    """The table's file format from what the catalog says (a metastore's InputFormat, a DESCRIBE's
    InputFormat or Provider, a `table_type=ICEBERG` parameter): it decides which column encryption
    the table can declare."""
    text = " ".join(h.lower() for h in hints if h)
    for name, needles in _FORMATS:
        if any(needle in text for needle in needles):
            return name
    return None
