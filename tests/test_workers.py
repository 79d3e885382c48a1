"""Worker processes: a table that overruns its time is unknown, its worker is replaced, and the
tables that worker held but had not started are scanned by the next one — none is lost, none clean."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import CANARY_SSNS, load_findings, run_exposure

# A view whose first row takes minutes to compute: sampling it overruns any short timeout.
SLOW_VIEW = (
    "CREATE VIEW hr.a_slow AS SELECT (SELECT count(*) FROM range(100000000000) t(x) "
    "WHERE x % 7 = 3)::VARCHAR AS note"
)


@pytest.fixture
def warehouse(tmp_path: Path) -> dict[str, Path]:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE SCHEMA hr")
    con.execute(SLOW_VIEW)
    for name in ("b_tax", "c_tax", "d_tax"):
        con.execute(f"CREATE TABLE hr.{name} (employee_ssn VARCHAR, note VARCHAR)")
        con.executemany(f"INSERT INTO hr.{name} VALUES (?, 'ok')", [[s] for s in CANARY_SSNS])
    con.close()
    grants = tmp_path / "grants.sql"
    grants.write_text("GRANT SELECT ON DATABASE hr TO ROLE public;\n")
    return {"db": db, "grants": grants, "dir": tmp_path}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_stuck_table_is_unknown_and_the_tables_queued_behind_it_are_scanned(
    warehouse: dict[str, Path], workers: str
) -> None:
    out = warehouse["dir"] / f"out{workers}"
    run = run_exposure(
        ["scan", "--source", f"duckdb://{warehouse['db']}", "--grants", str(warehouse["grants"]),
         "--out", str(out), "--format", "json", "--workers", workers, "--table-timeout", "2"]
    )  # fmt: skip
    assert run.code == 3, run.output  # coverage is partial: one table could not be read
    doc = load_findings(out)
    status = {t["table"]: t["status"] for t in doc["tables"]}
    assert status == {
        "hr.a_slow": "unreadable",
        "hr.b_tax": "scanned",
        "hr.c_tax": "scanned",
        "hr.d_tax": "scanned",
    }
    slow = next(t for t in doc["tables"] if t["table"] == "hr.a_slow")
    assert "timed out" in (slow["error"] or "")
    assert {f["table"] for f in doc["findings"]} >= {"hr.b_tax", "hr.c_tax", "hr.d_tax"}
    assert doc["coverage"]["complete"] is False
    assert doc["coverage"]["tables_unreadable"] == 1
    for secret in CANARY_SSNS:
        assert secret not in run.output


def test_an_embedded_engine_is_listed_in_a_child_process(warehouse: dict[str, Path]) -> None:
    """The scan keeps DuckDB's table list, not its catalog: the file is opened by a child that ends."""
    from scanner.connect import open_source
    from scanner.workers import ChildCatalog, open_catalog

    url = f"duckdb://{warehouse['db']}"
    catalog = open_catalog(url)
    assert isinstance(catalog, ChildCatalog)
    listed = catalog.list_tables()
    direct = open_source(url)
    try:
        expected = list(direct.list_tables())
        assert listed == expected
        assert [catalog.uri(t) for t in listed] == [direct.uri(t) for t in expected]
        assert catalog.read_grants(listed) == direct.read_grants(expected)
    finally:
        direct.close()


def test_a_missing_embedded_file_is_still_a_usage_error(tmp_path: Path) -> None:
    from scanner.errors import SourceError
    from scanner.workers import open_catalog

    with pytest.raises(SourceError, match="not found"):
        open_catalog(f"duckdb://{tmp_path / 'nope.duckdb'}").list_tables()


def test_a_scanner_folder_in_the_current_directory_is_not_what_workers_run(
    warehouse: dict[str, Path], tmp_path: Path
) -> None:
    """Run from a source checkout, or from a folder someone planted a `scanner/` package in: the
    worker processes still import the installed scanner, never that folder."""
    here = tmp_path / "cwd"
    planted = here / "scanner"
    planted.mkdir(parents=True)
    marker = tmp_path / "planted-code-ran"
    (planted / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\nraise SystemExit(7)\n")
    (planted / "workers.py").write_text("")
    out = tmp_path / "out-cwd"
    run = run_exposure(
        ["scan", "--source", f"duckdb://{warehouse['db']}", "--grants", str(warehouse["grants"]),
         "--out", str(out), "--format", "json", "--workers", "2", "--table-timeout", "2"],
        cwd=here,
    )  # fmt: skip
    assert not marker.exists()
    assert run.code == 3, run.output  # only the slow view is unknown
    doc = load_findings(out)
    assert {t["table"]: t["status"] for t in doc["tables"]}["hr.b_tax"] == "scanned"
