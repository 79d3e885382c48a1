"""Names that break hand-built SQL: every identifier is quoted through sqlglot, so they scan
correctly and cannot inject. DuckDB accepts them in schema, table and column names alike."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from sqlglot import exp

from scanner.config import ScanConfig
from scanner.scan import run_scan
from tests.conftest import CANARY_SSNS

HOSTILE_SCHEMA = 'hr"; DROP TABLE keep.alive; --'
HOSTILE_TABLE = "pay`roll; SELECT 1 ü 名"
HOSTILE_COLUMN = "s`s\"n'; DELETE FROM keep.alive; -- ü"


def _q(*parts: str) -> str:
    return ".".join(exp.to_identifier(p, quoted=True).sql("duckdb") for p in parts)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA keep")
    con.execute("CREATE TABLE keep.alive (id INTEGER)")
    con.execute("INSERT INTO keep.alive VALUES (1), (2), (3)")
    con.execute(f"CREATE SCHEMA {_q(HOSTILE_SCHEMA)}")
    table = _q(HOSTILE_SCHEMA, HOSTILE_TABLE)
    con.execute(f"CREATE TABLE {table} (id INTEGER, {_q(HOSTILE_COLUMN)} VARCHAR)")
    con.executemany(f"INSERT INTO {table} VALUES (?, ?)", [(i, CANARY_SSNS[i % 5]) for i in range(40)])
    con.close()
    return path


def test_hostile_names_are_scanned_and_cannot_inject(hostile: Path, tmp_path: Path) -> None:
    grants = tmp_path / "grants.yaml"
    # the YAML form names objects verbatim, so any character can appear (even a dot)
    grants.write_text(
        "version: 1\ngrants:\n"
        f"  - database: {HOSTILE_SCHEMA!r}\n"
        f"    table: {HOSTILE_TABLE!r}\n"
        "    privileges: [SELECT]\n"
        "    to: role public\n"
    )
    result = run_scan(ScanConfig(source=f"duckdb://{hostile}", grants=(grants,), sample_rows=50))
    scan = next(s for s in result.tables if s.table.name == HOSTILE_TABLE)
    assert scan.table.database == HOSTILE_SCHEMA
    assert scan.status.value == "scanned", scan.error
    column = next(c for c in scan.columns if c.column.name == HOSTILE_COLUMN)
    assert column.sampled == 40
    assert [c.class_id for c in column.classes] == ["us_ssn"]
    exposed = [f for f in result.findings if "EXP001" in f.rule_ids]
    assert [(f.table.database, f.table.name) for f in exposed] == [(HOSTILE_SCHEMA, HOSTILE_TABLE)]
    # nothing was dropped or deleted
    con = duckdb.connect(str(hostile), read_only=True)
    assert con.execute("SELECT count(*) FROM keep.alive").fetchone() == (3,)
    con.close()
