"""The connector contract: one module the connectors import (no cycle with scanner.connect), and what
each engine supplies — its remediation dialect, the URI that names a table, the column encryption
its tables can declare."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from scanner.catalog import storage_format
from scanner.config import ScanConfig
from scanner.connect import open_source
from scanner.findings import encrypt_statement
from scanner.models import Classification, Column, ColumnAssessment, Protection, Sensitivity, Table
from scanner.scan import remediation_dialect


def test_connectors_import_on_their_own_without_the_opener() -> None:
    for module in ("duckdb", "hive", "metastore", "spark"):
        code = (
            f"import sys; import scanner.connectors.{module}; "
            "assert 'scanner.connect' not in sys.modules, 'a connector imported the opener'"
        )
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert proc.returncode == 0, (module, proc.stderr)


def test_a_table_uri_keeps_its_parts_apart(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute('CREATE SCHEMA "a.b"; CREATE TABLE "a.b"."c/d" (x INT)')
    con.close()
    connector = open_source(f"duckdb://{db}")
    try:
        [table] = list(connector.list_tables())
        assert connector.uri(table) == f"duckdb://{db}#a.b/c%2Fd"
        assert connector.remediation_dialect is None  # DuckDB has no grants of its own
    finally:
        connector.close()


@pytest.mark.parametrize(
    ("hints", "expected"),
    [
        (("org.apache.hadoop.hive.ql.io.orc.OrcInputFormat",), "orc"),
        (("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",), "parquet"),
        (("parquet",), "parquet"),  # Spark's Provider
        (("ICEBERG", "org.apache.hadoop.mapred.FileInputFormat"), "iceberg"),
        (("org.apache.hadoop.mapred.TextInputFormat",), "text"),
        ((None, ""), None),
    ],
)
def test_storage_format_is_read_from_what_the_catalog_says(
    hints: tuple[str | None, ...], expected: str | None
) -> None:
    assert storage_format(*hints) == expected


def _assessed(name: str) -> ColumnAssessment:
    c = Classification("us_ssn", Sensitivity.RESTRICTED, 1.0, (0.9, 1.0), 10, 10, ())
    return ColumnAssessment(Column(name, "string"), (c,), Protection.PLAINTEXT, 10)


@pytest.mark.parametrize(
    ("storage", "needle"),
    [
        ("orc", "'orc.encrypt'='pii:ssn'"),
        (None, "'orc.encrypt'='pii:ssn'"),  # Hive's default format
        ("parquet", "'parquet.encryption.column.keys'='pii:ssn'"),
        ("iceberg", "'encryption.key-id'='pii'"),
        ("delta", "has no column encryption of its own"),
    ],
)
def test_encryption_remedy_follows_the_storage_format(storage: str | None, needle: str) -> None:
    table = Table("hr", "people", (Column("ssn", "string"),), storage_format=storage)
    assert needle in encrypt_statement(table, [_assessed("ssn")], "hive")


def test_remediation_goes_where_the_grants_live(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    connector = open_source(f"duckdb://{db}")
    try:
        assert remediation_dialect(ScanConfig(dialect="trino"), connector) == "trino"
        with_files = ScanConfig(dialect="spark", grants=(tmp_path / "grants.sql",))
        assert remediation_dialect(with_files, connector) == "spark"
    finally:
        connector.close()
