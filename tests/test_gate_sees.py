"""The gate sees what it checks or says it cannot: Hive variables, CTAS and views over SELECT *, and
statements with nothing in them are either resolved onto the right tables or listed as not checked
(exit 3) — never invented objects, never silently clean."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from tests.conftest import run_exposure

DDL_WITH_VARIABLES = """\
SET hivevar:stage=raw;
CREATE TABLE ${DB}.customer (
  id BIGINT,
  ssn STRING COMMENT 'tax id for payroll'
);
CREATE TABLE ${hivevar:DB}.customer_copy AS SELECT * FROM ${DB}.customer;
CREATE TABLE ${stage}.events (id BIGINT, contact_email STRING);
GRANT SELECT ON TABLE ${DB}.customer TO ROLE public;
"""


def _gate(tmp_path: Path, text: str, *args: str) -> tuple[int, dict[str, Any]]:
    ddl = tmp_path / "ddl.sql"
    ddl.write_text(text)
    run = run_exposure(["gate", str(ddl), "--format", "json", *args], cwd=tmp_path)
    assert "Traceback" not in run.output, run.output
    return run.code, json.loads(run.stdout)


def _tables(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["table"]: f for f in doc["findings"]}


def test_variables_defined_on_the_command_line_land_on_the_right_tables(tmp_path: Path) -> None:
    code, doc = _gate(tmp_path, DDL_WITH_VARIABLES, "--define", "DB=sales")
    tables = _tables(doc)
    assert set(tables) == {"sales.customer", "sales.customer_copy", "raw.events"}
    customer = tables["sales.customer"]
    assert {x["rule"] for x in customer["facets"]} >= {"GATE001", "GATE002"}
    ssn = next(x for x in customer["facets"] if x["rule"] == "GATE001")
    assert ssn["location"]["line"] == 4  # the column's own line in the file
    # the CTAS copies the SSN column from the table defined above
    assert "ssn" in {c["name"] for c in tables["sales.customer_copy"]["columns"]}
    assert doc["not_checked"] == [] and code == 1


def test_without_definitions_each_such_statement_is_not_checked(tmp_path: Path) -> None:
    code, doc = _gate(tmp_path, DDL_WITH_VARIABLES)
    assert code == 3
    unresolved = [n for n in doc["not_checked"] if "unresolved variable" in n["message"]]
    assert [n["line"] for n in unresolved] == [2, 6, 8]
    assert "${DB}" in unresolved[0]["message"]
    # no table named after a broken variable; the SET-defined one still resolves
    assert set(_tables(doc)) == {"raw.events"}
    assert not any("}" in f["object"]["database"] for f in doc["findings"])


def test_a_later_ctas_over_an_unknown_source_does_not_wipe_an_earlier_definition(tmp_path: Path) -> None:
    text = (
        "CREATE TABLE hr.people (id BIGINT, ssn STRING);\n"
        "CREATE TABLE hr.people AS SELECT * FROM ${SOURCE}.people;\n"
        "CREATE TABLE hr.people_copy AS SELECT * FROM elsewhere.unknown;\n"
    )
    code, doc = _gate(tmp_path, text)
    assert code == 3
    assert "hr.people" in _tables(doc)  # still checked, with its SSN column
    messages = [n["message"] for n in doc["not_checked"]]
    assert any("unresolved variable ${SOURCE}" in m for m in messages)
    assert any("SELECT * from elsewhere.unknown" in m and "--source" in m for m in messages)
    assert "hr.people_copy" not in _tables(doc)


def test_select_star_reads_columns_from_the_warehouse_with_source(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    con = duckdb.connect(str(warehouse))
    con.execute("CREATE SCHEMA elsewhere; CREATE TABLE elsewhere.unknown (id BIGINT, personal_email VARCHAR)")
    con.close()
    text = "CREATE TABLE hr.people_copy AS SELECT * FROM elsewhere.unknown;\n"
    code, doc = _gate(tmp_path, text, "--source", f"duckdb://{warehouse}")
    assert doc["not_checked"] == []
    copy = _tables(doc)["hr.people_copy"]
    assert "personal_email" in {c["name"] for c in copy["columns"]}
    assert code in (0, 1)


def test_an_empty_view_is_not_checked_rather_than_clean(tmp_path: Path) -> None:
    code, doc = _gate(tmp_path, "CREATE VIEW v AS;\n")
    assert code == 3
    assert doc["run"]["statements"] == 1 and doc["not_checked"][0]["line"] == 1


def test_a_qualified_star_takes_only_its_own_table(tmp_path: Path) -> None:
    text = (
        "CREATE TABLE a.people (id BIGINT, ssn STRING);\n"
        "CREATE TABLE a.teams (team_id BIGINT, name STRING);\n"
        "CREATE VIEW a.v AS SELECT t.* FROM a.teams t JOIN a.people p ON p.id = t.team_id;\n"
    )
    _, doc = _gate(tmp_path, text)
    assert "a.v" not in _tables(doc)  # the view exposes only the teams' columns
    assert doc["not_checked"] == []
