"""Closing the loop: a finding's containment, applied as written, leaves no broad path to the table.

The statements are appended to the grants file the scan read and the Ranger edits applied to the
policy export; a second scan must find no table with sensitive data readable by everyone or a broad
group. Rollback statements undo each step."""

from __future__ import annotations

import importlib
import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import CANARY_SSNS, by_table, load_findings, run_exposure

incident = importlib.import_module("scanner.examples.incident_warehouse")
BROAD = {"everyone", "broad"}


def _apply(doc: dict[str, Any], grants: Path, ranger: Path | None = None) -> int:
    """Appends every SQL containment statement to the grants file, applies every Ranger edit to the
    export; returns how many distinct steps were applied."""
    statements: dict[str, None] = {}
    edits = []
    for finding in doc["findings"]:
        for step in finding["remediation"]["containment"]:
            if step["ranger"]:
                edits.append(step["ranger"])
            else:
                statements[step["statement"]] = None
    with grants.open("a") as out:
        out.write("\n-- containment\n" + "\n".join(statements) + "\n")
    if edits:
        assert ranger is not None
        export = json.loads(ranger.read_text())
        for edit in edits:
            [policy] = [p for p in export["policies"] if p["id"] == edit["policy_id"]]
            item = policy["policyItems"][edit["allow_item"] - 1]
            field = {"USER": "users", "GROUP": "groups", "ROLE": "roles"}[edit["principal"]["type"]]
            if edit["principal"]["name"] in item.get(field, []):
                item[field].remove(edit["principal"]["name"])
        ranger.write_text(json.dumps(export))
    return len(statements) + len(edits)


def _build(path: Path) -> None:
    """Sensitive tables behind every kind of broad path: a direct table grant, a database grant, a
    role chain two roles deep, a company-wide group, a column grant."""
    con = duckdb.connect(str(path))
    for schema in ("hr", "ops", "chat", "wide"):
        con.execute(f"CREATE SCHEMA {schema}")
    tables = {
        "hr.tax": "employee_id BIGINT, ssn VARCHAR",
        "hr.payroll": "employee_id BIGINT, ssn VARCHAR",
        "ops.metrics": "day DATE, views BIGINT",
        "chat.dms": "id BIGINT, ssn VARCHAR",
        "wide.people": "id BIGINT, ssn VARCHAR, team VARCHAR",
    }
    for name, ddl in tables.items():
        con.execute(f"CREATE TABLE {name} ({ddl})")
    for i in range(60):
        ssn = CANARY_SSNS[i % len(CANARY_SSNS)]
        con.execute("INSERT INTO hr.tax VALUES (?, ?)", [i, ssn])
        con.execute("INSERT INTO hr.payroll VALUES (?, ?)", [i, ssn])
        con.execute("INSERT INTO ops.metrics VALUES (DATE '2026-01-01' + ?, ?)", [i, i])
        con.execute("INSERT INTO chat.dms VALUES (?, ?)", [i, ssn])
        con.execute("INSERT INTO wide.people VALUES (?, ?, 'infra')", [i, ssn])
    con.close()


GRANTS = """\
CREATE ROLE analysts;
CREATE ROLE readers;
GRANT SELECT ON DATABASE hr TO ROLE public;
GRANT SELECT ON DATABASE ops TO ROLE public;
GRANT ROLE readers TO ROLE analysts;
GRANT ROLE analysts TO ROLE public;
GRANT SELECT ON DATABASE chat TO ROLE readers;
GRANT SELECT ON TABLE chat.dms TO GROUP payments_team;
GRANT SELECT ON TABLE wide.people TO GROUP all_staff;
GRANT SELECT (ssn) ON TABLE wide.people TO ROLE public;
"""


def _scan(db: Path, grants: Path, out: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    run = run_exposure(
        ["scan", "--source", f"duckdb://{db}", "--grants", str(grants), "--out", str(out),
         "--everyone", "group all_staff", *extra]
    )  # fmt: skip
    assert "Traceback" not in run.output, run.output
    return run.code, load_findings(out)


def test_containment_closes_every_broad_path_on_a_warehouse_built_here(tmp_path: Path) -> None:
    db, grants = tmp_path / "w.duckdb", tmp_path / "grants.sql"
    _build(db)
    grants.write_text(GRANTS)
    code, before = _scan(db, grants, tmp_path / "before")
    assert code == 1
    found = by_table(before)
    assert {t for t, f in found.items() if f["readers"]["breadth"] in BROAD} == {
        "hr.tax", "hr.payroll", "chat.dms", "wide.people"
    }  # fmt: skip
    # a database-level REVOKE names what else it changes: ops.metrics loses its public read too
    [hr_step] = found["hr.tax"]["remediation"]["containment"]
    assert hr_step["statement"] == "REVOKE SELECT ON DATABASE `hr` FROM ROLE `public`;"
    assert "ops.metrics" not in hr_step["collateral"]["tables"]  # another database
    assert hr_step["collateral"]["tables"] == ["hr.payroll"]
    # the role chain is cut where the broad reader joins it, not at the team's grant
    [chat_step] = found["chat.dms"]["remediation"]["containment"]
    assert chat_step["statement"] == "REVOKE ROLE `analysts` FROM ROLE `public`;"
    # every step has one executable rollback, no comment lines
    for f in before["findings"]:
        remediation = f["remediation"]
        assert len(remediation["rollback"]) == len(remediation["containment"])
        assert all(r and not r.lstrip().startswith("--") for r in remediation["rollback"])
        assert all(s["statement"].endswith(";") for s in remediation["containment"])
    # the shared database grant is said once, with both tables under it
    [cause] = [c for c in before["incident"]["causes"] if "DATABASE hr" in c["cause"]]
    assert sorted(cause["tables"]) == ["hr.payroll", "hr.tax"]

    assert _apply(before, grants) >= 4
    code, after = _scan(db, grants, tmp_path / "after")
    tables = {t["table"]: t for t in after["tables"]}
    for name in found:
        assert tables[name]["breadth"] not in BROAD, (name, tables[name]["breadth"])
    assert not [f for f in after["findings"] if "EXP001" in f["rules"]]
    # team grants survive containment
    assert tables["chat.dms"]["breadth"] == "team"


def test_rollback_restores_the_access_it_removed(tmp_path: Path) -> None:
    db, grants = tmp_path / "w.duckdb", tmp_path / "grants.sql"
    _build(db)
    grants.write_text(GRANTS)
    _, before = _scan(db, grants, tmp_path / "before")
    _apply(before, grants)
    rollback = [r for f in before["findings"] for r in f["remediation"]["rollback"]]
    with grants.open("a") as out:
        out.write("\n".join(dict.fromkeys(rollback)) + "\n")
    _, restored = _scan(db, grants, tmp_path / "restored")
    assert {f["table"]: f["readers"]["breadth"] for f in restored["findings"]} == {
        f["table"]: f["readers"]["breadth"] for f in before["findings"]
    }


def test_containment_closes_the_demo(tmp_path: Path) -> None:
    examples = resources.files("scanner.examples")
    for name in ("exposure.yaml", "incident_grants.sql", "incident_ranger.json", "directory.yaml"):
        with resources.as_file(examples.joinpath(name)) as source:
            shutil.copy(source, tmp_path / name)
    db = tmp_path / "incident.duckdb"
    incident.build(db)
    config = ["--config", str(tmp_path / "exposure.yaml"), "--source", f"duckdb://{db}"]
    run = run_exposure(["scan", *config, "--out", str(tmp_path / "before")])
    assert run.code == 1, run.output
    before = load_findings(tmp_path / "before")
    exposed = {f["table"] for f in before["findings"] if f["readers"]["breadth"] in BROAD}
    assert len(exposed) == 8
    engines = {s["engine"] for f in before["findings"] for s in f["remediation"]["containment"]}
    assert engines == {"hive", "ranger"}
    _apply(before, tmp_path / "incident_grants.sql", tmp_path / "incident_ranger.json")
    run = run_exposure(["scan", *config, "--out", str(tmp_path / "after")])
    after = load_findings(tmp_path / "after")
    tables = {t["table"]: t["breadth"] for t in after["tables"]}
    assert {t: tables[t] for t in exposed if tables[t] in BROAD} == {}
    assert not [f for f in after["findings"] if "EXP001" in f["rules"]]


@pytest.mark.parametrize("spelling", ["sev1", "Sev1", "SEV1"])
def test_fail_on_accepts_any_case(tmp_path: Path, spelling: str) -> None:
    db, grants = tmp_path / "w.duckdb", tmp_path / "grants.sql"
    _build(db)
    grants.write_text(GRANTS)
    code, doc = _scan(db, grants, tmp_path / "out", "--fail-on", spelling)
    assert code == 1 and doc["run"]["exit_code"] == 1
