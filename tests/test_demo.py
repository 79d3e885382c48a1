"""`exposure demo`: the example incident warehouse, scanned, with the expected verdict per table."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import by_table, facet, load_findings, run_exposure

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
    assert (
        "scanned" in run.stdout and "mci.keystroke_events" in run.stdout and "exposure-report" in run.stdout
    )
    assert doc["coverage"]["complete"] is True


def test_one_finding_per_table_and_totals_count_tables(demo: tuple[Any, dict[str, Any], Path]) -> None:
    _, doc, cwd = demo
    at_risk = {t for t, verdict in incident.EXPECTED.items() if verdict in ("exposed", "team-only")}
    assert {f["table"] for f in doc["findings"]} == at_risk
    assert len(doc["findings"]) == len(at_risk) == 10
    assert sum(doc["summary"]["by_severity"].values()) == doc["summary"]["tables"] == 10
    # one SEV file per table, nothing else left in sev/ but the index
    sev_files = sorted(p.name for p in (cwd / "exposure-report" / "sev").iterdir())
    assert sev_files == sorted([f"{f['id']}.md" for f in doc["findings"]] + ["README.md"])
    # one reader count per table, the same wherever the table appears
    for f in doc["findings"]:
        people = f["readers"]["people"]
        assert people == max((p["reach"] or 0 for p in f["readers"]["paths"]), default=0) or people is None


def test_incident_tables_are_severe_exposures(demo: tuple[Any, dict[str, Any], Path]) -> None:
    _, doc, _ = demo
    exposed = sorted(t for t, verdict in incident.EXPECTED.items() if verdict == "exposed")
    assert len(exposed) >= 6
    found = by_table(doc)
    for table in exposed:
        assert found[table]["severity"] in SEVERE, table
        assert "EXP001" in found[table]["rules"], table
        # one severity per table: no facet contradicts it
        assert {x["severity"] for x in found[table]["facets"]} == {found[table]["severity"]}, table


def test_safe_tables_are_not_exposures(demo: tuple[Any, dict[str, Any], Path]) -> None:
    _, doc, _ = demo
    exposures = {f["table"] for f in doc["findings"] if "EXP001" in f["rules"]}
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
    assert "everyone 51,800" in run.stdout and "everyone 52,000" in run.stdout
    # JSON: people per finding, and the Ranger policy that opened mci to all employees
    keystrokes = by_table(doc)["mci.keystroke_events"]
    # everyone is 52,000 people (role public); the Ranger path reaches the 51,800 of all_employees
    assert keystrokes["readers"]["people"] == 52000
    [path] = [p for p in keystrokes["readers"]["paths"] if p["grant"]["ranger"]]
    assert path["reach"] == 51800 and path["grant"]["ranger"]["policy_id"] == 17
    assert path["description"].startswith(
        'group all_employees ← Ranger policy 17 "mci-analytics-read" on db=mci, table=*, column=*'
    )
    [edit] = [s for s in keystrokes["remediation"]["containment"] if s["engine"] == "ranger"]
    assert "remove group all_employees from allow item 1" in edit["statement"]
    assert edit["ranger"] == {
        "policy_id": 17, "policy_name": "mci-analytics-read", "service": "corp_hive", "allow_item": 1,
        "principal": {"type": "GROUP", "name": "all_employees"},
    }  # fmt: skip
    # SEV report: count and path
    sev = (cwd / "exposure-report" / "sev" / f"{keystrokes['id']}.md").read_text()
    assert "at least 52,000 people" in sev and 'Ranger policy 17 "mci-analytics-read"' in sev


def test_masked_column_is_not_reported_as_readable(demo: tuple[Any, dict[str, Any], Path]) -> None:
    _, doc, _ = demo
    cardholders = by_table(doc)["payments.cardholders"]
    # everyone reads the row, but Ranger masks the card number: the broad read does not cover it,
    # while the plaintext facet still names it
    assert "card_number" not in facet(cardholders, "EXP001")["columns"]
    assert "card_number" in facet(cardholders, "EXP002")["columns"]
    assert cardholders["readers"]["paths"][0]["masked_columns"] == ["card_number"]
