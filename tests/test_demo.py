"""`exposure demo`: the example incident warehouse, scanned, with the expected verdict per table."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import load_findings, run_exposure

incident = importlib.import_module("scanner.examples.incident_warehouse")
SEVERE = {"SEV0", "SEV1", "SEV2"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, Any], Path]:
    cwd = tmp_path_factory.mktemp("demo")
    run = run_exposure(["demo", "--keep-warehouse", str(cwd / "kept.duckdb")], cwd=cwd)
    return run, load_findings(cwd / "exposure-report"), cwd


def test_demo_prints_a_summary_and_exits_zero(demo: tuple[Any, dict[str, Any], Path]) -> None:
    run, doc, _ = demo
    assert run.code == 0, run.output
    assert "scanned" in run.stdout and "EXP001" in run.stdout and "exposure-report" in run.stdout
    assert doc["coverage"]["complete"] is True


def test_incident_tables_are_severe_exposures(demo: tuple[Any, dict[str, Any], Path]) -> None:
    _, doc, _ = demo
    exposed = sorted(t for t, verdict in incident.EXPECTED.items() if verdict == "exposed")
    assert len(exposed) >= 6
    for table in exposed:
        severities = {
            f["severity"] for f in doc["findings"] if f["table"] == table and f["kind"] == "exposure"
        }
        assert severities & SEVERE, (table, severities)


def test_safe_tables_are_not_exposures(demo: tuple[Any, dict[str, Any], Path]) -> None:
    _, doc, _ = demo
    exposures = {f["table"] for f in doc["findings"] if f["kind"] == "exposure"}
    safe = {t for t, verdict in incident.EXPECTED.items() if verdict != "exposed"}
    assert safe and not (safe & exposures)
    harmless = {t for t, verdict in incident.EXPECTED.items() if verdict == "harmless"}
    assert not harmless & {f["table"] for f in doc["findings"]}
    tables = {t["table"]: t for t in doc["tables"]}
    for table, verdict in incident.EXPECTED.items():
        if verdict == "protected":
            assert tables[table]["sensitive_columns"], table
            assert all(c["protection"] != "plaintext" for c in tables[table]["sensitive_columns"]), table


def test_every_example_table_is_scanned(demo: tuple[Any, dict[str, Any], Path]) -> None:
    _, doc, _ = demo
    assert {t["table"] for t in doc["tables"]} == set(incident.EXPECTED)


def test_example_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    incident.build(first)
    incident.build(second)
    for table in incident.EXPECTED:
        query = f"SELECT * FROM {table} ORDER BY ALL"
        with (
            duckdb.connect(str(first), read_only=True) as a,
            duckdb.connect(str(second), read_only=True) as b,
        ):
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table


def test_demo_shows_reader_counts_and_access_paths(demo: tuple[Any, dict[str, Any], Path]) -> None:
    run, doc, cwd = demo
    # terminal: reach with the number of people
    assert "everyone (51,800)" in run.stdout and "everyone (52,000)" in run.stdout
    # JSON: people per finding, and the Ranger policy that opened mci to all employees
    keystrokes = [
        f for f in doc["findings"] if f["table"] == "mci.keystroke_events" and f["rule"] == "EXP001"
    ]
    via_ranger = [f for f in keystrokes if f["principal"] == {"type": "GROUP", "name": "all_employees"}]
    assert via_ranger and via_ranger[0]["readers"]["people"] == 51800
    [path] = via_ranger[0]["readers"]["paths"]
    assert path["grant"]["ranger"]["policy_id"] == 17
    assert path["description"].startswith(
        'group all_employees ← Ranger policy 17 "mci-analytics-read" on db=mci, table=*, column=*'
    )
    assert any("remove group all_employees from allow item 1" in r for r in via_ranger[0]["remediation"])
    # SEV report: count and path
    sev = (cwd / "exposure-report" / "sev" / f"{via_ranger[0]['id']}.md").read_text()
    assert "at least 51,800 people" in sev and 'Ranger policy 17 "mci-analytics-read"' in sev


def test_masked_column_is_not_reported_as_readable(demo: tuple[Any, dict[str, Any], Path]) -> None:
    _, doc, _ = demo
    [cardholders] = [
        f for f in doc["findings"] if f["table"] == "payments.cardholders" and f["rule"] == "EXP001"
    ]
    assert "card_number" not in {c["name"] for c in cardholders["columns"]}
    assert cardholders["readers"]["paths"][0]["masked_columns"] == ["card_number"]
