"""Nightly use: the state store, new / unchanged / fixed, incremental scans, resume, suppressions,
exit codes, SARIF and JUnit."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import duckdb
import jsonschema
import pytest

from scanner.state import StateLocked, StateStore
from tests.conftest import (
    CANARY_CARDS,
    CANARY_EMAILS,
    CANARY_SSNS,
    CANARY_TEXT,
    PLANTED_GRANTS,
    exposure_command,
    load_findings,
    run_exposure,
    shared,
)


def _scan(planted: dict[str, Path], out: str, *extra: str) -> tuple[Any, dict[str, Any]]:
    run = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]),
         "--state", str(planted["dir"] / "state.db"), "--out", str(planted["dir"] / out),
         "--format", "json", "--format", "sarif", "--format", "junit", "--everyone", "group everyone_at_acme",
         *extra]
    )  # fmt: skip
    assert run.code in (0, 1), run.output
    return run, load_findings(planted["dir"] / out)


def _by_state(doc: dict[str, Any]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {"new": set(), "unchanged": set(), "updated": set(), "fixed": set()}
    for f in doc["findings"]:
        out[f["baseline_state"]].add(f["table"])
    for x in doc["fixed"]:
        out["fixed"].add(x["table"])
    return out


def _sarif_states(out: Path) -> dict[str, set[str]]:
    sarif = json.loads((out / "findings.sarif").read_text())
    states: dict[str, set[str]] = {}
    for r in sarif["runs"][0]["results"]:
        table = r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        states.setdefault(r["baselineState"], set()).add(table)
    return states


def test_three_scans_report_new_unchanged_updated_and_fixed(planted: dict[str, Path]) -> None:
    _, first = _scan(planted, "run1")
    assert _by_state(first)["new"] == {f["table"] for f in first["findings"]} and first["findings"]
    assert not (_by_state(first)["unchanged"] | _by_state(first)["fixed"])

    # A table added and granted to everyone; a team table granted to everyone; a table whose emails
    # are now stored hashed (and which gained a column, so its metadata changed).
    con = duckdb.connect(str(planted["db"]))
    con.execute("CREATE TABLE people.new_hires (employee_id BIGINT, ssn VARCHAR)")
    con.executemany(
        "INSERT INTO people.new_hires VALUES (?, ?)", [(i, CANARY_SSNS[i % 5]) for i in range(40)]
    )
    con.execute("UPDATE people.contacts SET personal_email = sha256(personal_email)")
    con.execute("ALTER TABLE people.contacts ADD COLUMN note VARCHAR")
    con.close()
    grants = PLANTED_GRANTS + "GRANT SELECT ON TABLE vault.cards_plain TO ROLE public;\n"
    grants += "GRANT SELECT ON TABLE people.new_hires TO ROLE public;\n"
    planted["grants"].write_text(grants)

    _, second = _scan(planted, "run2")
    states = _by_state(second)
    assert states["new"] == {"people.new_hires"}
    assert states["fixed"] == {"people.contacts"}
    assert states["updated"] == {"vault.cards_plain"}  # same table, now also readable by everyone
    assert states["unchanged"] == {"people.tax_records", "chat.dm_log"}
    cards = next(f for f in second["findings"] if f["table"] == "vault.cards_plain")
    assert cards["previous_severity"] == "SEV3" and cards["severity"] == "SEV1"
    sarif = _sarif_states(planted["dir"] / "run2")
    assert sarif == {
        "new": states["new"], "absent": states["fixed"], "updated": states["updated"],
        "unchanged": states["unchanged"],
    }  # fmt: skip

    third_run, third = _scan(planted, "run3")
    assert ": 0 sampled, 7 reused" in " ".join(third_run.stdout.split())
    assert _by_state(third)["new"] == set() and _by_state(third)["fixed"] == set()
    assert _by_state(third)["unchanged"] == {f["table"] for f in second["findings"]}
    # nothing changed: no table is sampled again
    assert third["coverage"]["tables_sampled"] == 0
    assert third["coverage"]["tables_reused"] == third["coverage"]["tables_total"]
    first_seen = {f["id"]: f["first_seen"] for f in first["findings"]}
    assert all(f["first_seen"] == first_seen[f["id"]] for f in third["findings"] if f["id"] in first_seen)


def test_full_resamples_everything(planted: dict[str, Path]) -> None:
    _scan(planted, "a")
    _, again = _scan(planted, "b", "--full")
    assert again["coverage"]["tables_sampled"] == again["coverage"]["tables_total"]


def test_sarif_validates_against_the_official_schema(planted: dict[str, Path]) -> None:
    suppressions = planted["dir"] / "suppressions.yaml"
    suppressions.write_text(
        "version: 1\nsuppressions:\n"
        "  - rule: EXP002\n    object: vault.*\n    owner: sec-team@example.com\n"
        "    reason: vault tables are migrated this quarter\n    expires: 2999-01-01\n"
    )
    _scan(planted, "s1")
    _scan(planted, "s2", "--suppressions", str(suppressions))
    schema = json.loads(shared("data", "sarif-schema-2.1.0.json").read_text())
    for out in ("s1", "s2"):
        sarif = json.loads((planted["dir"] / out / "findings.sarif").read_text())
        jsonschema.validators.validator_for(schema)(schema).validate(sarif)
        results = sarif["runs"][0]["results"]
        assert results and all(
            r["partialFingerprints"] and r["locations"][0]["logicalLocations"] for r in results
        )
        assert all("provenance" in r for r in results)
    suppressed = [
        r
        for r in json.loads((planted["dir"] / "s2" / "findings.sarif").read_text())["runs"][0]["results"]
        if r.get("suppressions")
    ]
    # vault.cards_plain's only facet is EXP002: accepting it suppresses the table
    assert [r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in suppressed] == [
        "vault.cards_plain"
    ]
    junit = ET.parse(planted["dir"] / "s2" / "junit.xml").getroot()
    assert int(junit.get("skipped", "0")) == 1 and int(junit.get("failures", "0")) >= 1
    # tables with other facets stay open, the EXP002 facet marked accepted
    doc = load_findings(planted["dir"] / "s2")
    tax = next(f for f in doc["findings"] if f["table"] == "people.tax_records")
    assert tax["suppressed"] is None and all(x["suppressed"] is None for x in tax["facets"])


def test_expired_suppression_is_reported_and_strict_fails(planted: dict[str, Path]) -> None:
    suppressions = planted["dir"] / "suppressions.yaml"
    suppressions.write_text(
        "version: 1\nsuppressions:\n"
        "  - fingerprint: EXP-000000000000\n    owner: alice@example.com\n"
        "    reason: accepted during the 2025 migration\n    expires: 2025-01-31\n"
    )
    base = ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]),
            "--suppressions", str(suppressions), "--fail-on", "SEV0",
            "--out", str(planted["out"])]  # fmt: skip
    relaxed = run_exposure(base)
    assert relaxed.code == 0, relaxed.output
    assert "expired on 2025-01-31" in relaxed.output
    assert any("expired on 2025-01-31" in p for p in load_findings(planted["out"])["suppression_problems"])
    strict = run_exposure([*base, "--strict-suppressions"])
    assert strict.code == 1, strict.output


def test_suppressed_findings_stay_in_outputs_and_do_not_fail(planted: dict[str, Path]) -> None:
    first = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]), "--out",
         str(planted["out"])]
    )  # fmt: skip
    doc = load_findings(planted["out"])
    severe = [f for f in doc["findings"] if f["severity"] in ("SEV0", "SEV1", "SEV2", "SEV3")]
    suppressions = planted["dir"] / "s.yaml"
    entries = "".join(
        f"  - fingerprint: {f['id']}\n    owner: risk@example.com\n"
        "    reason: compensating control in place\n    expires: 2999-12-31\n"
        for f in severe
    )
    suppressions.write_text("version: 1\nsuppressions:\n" + entries)
    second = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]), "--out",
         str(planted["out"]), "--suppressions", str(suppressions)]
    )  # fmt: skip
    assert first.code == 1 and second.code == 0, second.output
    doc = load_findings(planted["out"])
    assert {f["id"] for f in doc["findings"] if f["suppressed"]} == {f["id"] for f in severe}


def test_malformed_suppressions_file_is_exit_2(planted: dict[str, Path]) -> None:
    bad = planted["dir"] / "s.yaml"
    bad.write_text("version: 1\nsuppressions:\n  - rule: EXP001\n    object: hr.*\n    owner: x\n")
    run = run_exposure(["scan", "--source", f"duckdb://{planted['db']}", "--suppressions", str(bad)])
    assert run.code == 2 and f"{bad}:3" in run.output and "reason" in run.output


def test_fail_on_new_counts_only_new_findings(planted: dict[str, Path]) -> None:
    run, _ = _scan(planted, "n1", "--fail-on-new")
    assert run.code == 1  # everything is new the first time
    run, _ = _scan(planted, "n2", "--fail-on-new")
    assert run.code == 0, run.output


def test_two_runs_cannot_share_a_state_store(planted: dict[str, Path]) -> None:
    holder = StateStore(planted["dir"] / "state.db", "planted")
    try:
        with pytest.raises(StateLocked):
            StateStore(planted["dir"] / "state.db", "planted")
        run = run_exposure(
            ["scan", "--source", f"duckdb://{planted['db']}", "--state", str(planted["dir"] / "state.db")]
        )
        assert run.code == 2 and "another scan is using the state store" in run.output
    finally:
        holder.close()


def test_state_file_and_logs_hold_no_canary(planted: dict[str, Path]) -> None:
    run, _ = _scan(planted, "leak1")
    _scan(planted, "leak2", "--full")
    state = planted["dir"] / "state.db"
    assert oct(state.stat().st_mode & 0o777) == "0o600"
    stored = state.read_bytes()
    logs = run.stderr
    assert '"event": "table_done"' in logs
    canaries = [*CANARY_SSNS, *CANARY_CARDS, *CANARY_EMAILS, CANARY_TEXT]
    canaries += [c.replace("-", "") for c in CANARY_SSNS] + [c.replace(" ", "") for c in CANARY_CARDS]
    for canary in canaries:
        assert canary.encode() not in stored, canary
        assert canary not in logs, canary
    # not even the masked examples the reports show
    assert b"***-**-" not in stored


def test_workers_give_the_same_findings(planted: dict[str, Path]) -> None:
    _, one = _scan(planted, "w1", "--full")
    _, four = _scan(planted, "w4", "--full", "--workers", "4")
    assert {f["id"] for f in one["findings"]} == {f["id"] for f in four["findings"]}


def test_report_rerenders_without_the_warehouse(planted: dict[str, Path]) -> None:
    _scan(planted, "r1")
    planted["db"].unlink()
    for stored in (planted["dir"] / "state.db", planted["dir"] / "r1" / "findings.json"):
        out = planted["dir"] / f"rendered-{stored.suffix.strip('.')}"
        run = run_exposure(["report", str(stored), "--format", "html", "--format", "sarif", "--format", "md",
                            "--out", str(out)])  # fmt: skip
        assert run.code == 0, run.output
        assert (out / "report.html").is_file() and (out / "findings.sarif").is_file()
        assert list((out / "sev").glob("EXP*.md"))
    broken = planted["dir"] / "broken.json"
    broken.write_text('{"schema_version": "1.0"}')
    run = run_exposure(["report", str(broken)])
    assert run.code == 2 and "Traceback" not in run.output


# --- resume ---------------------------------------------------------------------------------------


def _many_tables(path: Path, tables: int = 240) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA bulk")
    for i in range(tables):
        con.execute(f"CREATE TABLE bulk.t{i:03d} AS SELECT range AS id, "
                    f"printf('%03d-%02d-%04d', 100 + (range * 7 + {i}) % 500, 1 + range % 90, 1 + range) "
                    "AS ssn, "
                    f"'note ' || range AS note FROM range(300)")  # fmt: skip
    con.close()
    (path.parent / "grants.sql").write_text("GRANT SELECT ON DATABASE bulk TO ROLE public;\n")


def test_killed_scan_resumes_without_redoing_or_duplicating(tmp_path: Path) -> None:
    db = tmp_path / "many.duckdb"
    _many_tables(db)
    common = [
        "scan",
        "--source",
        f"duckdb://{db}",
        "--grants",
        str(tmp_path / "grants.sql"),
        "--format",
        "json",
    ]
    run_exposure([*common, "--out", str(tmp_path / "ref")])
    expected = {f["id"] for f in load_findings(tmp_path / "ref")["findings"]}

    state = tmp_path / "state.db"
    proc = subprocess.Popen(
        [*exposure_command(), *common, "--state", str(state), "--out", str(tmp_path / "killed")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ},
    )
    done = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if state.exists():
            try:
                with sqlite3.connect(f"file:{state}?mode=ro", uri=True, timeout=1) as ro:
                    done = ro.execute("SELECT count(*) FROM run_tables").fetchone()[0]
            except sqlite3.Error:
                done = 0
        if done >= 40:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the scan finished before it could be interrupted"
    assert not (tmp_path / "killed" / "findings.json").exists()

    resumed = run_exposure([*common, "--state", str(state), "--out", str(tmp_path / "resumed"), "--resume"])
    assert resumed.code == 1, resumed.output
    doc = load_findings(tmp_path / "resumed")
    ids = [f["id"] for f in doc["findings"]]
    assert len(ids) == len(set(ids))
    assert set(ids) == expected
    assert doc["run"]["resumed"] is True
    # finished tables were not redone
    assert doc["coverage"]["tables_sampled"] <= doc["coverage"]["tables_total"] - done
    with sqlite3.connect(state) as con:
        statuses = [s for (s,) in con.execute("SELECT status FROM runs")]
    assert statuses == ["complete"]


def test_resume_needs_a_state_store() -> None:
    run = run_exposure(["scan", "--source", "duckdb:///nonexistent.duckdb", "--resume"])
    assert run.code == 2 and "--resume needs a state store" in run.output


if sys.platform == "win32":  # pragma: no cover - fcntl locks
    pytest.skip("POSIX only", allow_module_level=True)


def test_reuse_does_not_make_an_old_classification_fresh(planted: dict[str, Path]) -> None:
    from scanner.config import ScanConfig
    from scanner.scan import run_scan

    state = planted["dir"] / "state.db"
    config = ScanConfig(source=f"duckdb://{planted['db']}", grants=(planted["grants"],), state=state)

    def scanned_at() -> dict[str, str]:
        with sqlite3.connect(state) as con:
            return {
                f"{db}.{tbl}": at for db, tbl, at in con.execute("SELECT db, tbl, scanned_at FROM tables")
            }

    first = run_scan(config)
    stamps = scanned_at()
    time.sleep(1.1)
    second = run_scan(config)
    assert second.coverage.tables_reused == first.coverage.tables_total
    assert scanned_at() == stamps  # reusing a classification is not classifying again
    # once older than the limit, every table is sampled again
    third = run_scan(config.with_options(max_age_days=1 / 86400))
    assert third.coverage.tables_sampled == third.coverage.tables_total


FIXTURES = Path(__file__).parent / "fixtures"


def test_a_store_of_the_previous_version_is_migrated_without_spurious_changes(
    planted: dict[str, Path],
) -> None:
    """state-v1.sqlite was written by the release before one-finding-per-table (schema 1), by
    `exposure scan --warehouse planted --everyone 'group everyone_at_acme' --state …` over this very
    planted warehouse: seven findings, one per (rule, table, principal)."""
    import shutil

    state = planted["dir"] / "state.db"
    shutil.copy(FIXTURES / "state-v1.sqlite", state)
    with sqlite3.connect(state) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() == ("1",)
        before = con.execute(
            "SELECT count(*), min(first_seen) FROM findings WHERE status = 'open'"
        ).fetchone()
    assert before[0] == 7
    run = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]),
         "--warehouse", "planted", "--everyone", "group everyone_at_acme", "--state", str(state),
         "--out", str(planted["out"])]
    )  # fmt: skip
    assert run.code == 1, run.output
    doc = load_findings(planted["out"])
    assert doc["summary"]["new"] == 0 and doc["summary"]["fixed"] == 0, doc["summary"]
    assert doc["summary"]["unchanged"] + doc["summary"]["updated"] == len(doc["findings"]) == 4
    # first seen is carried over from the old store, not reset to today
    assert {f["first_seen"] for f in doc["findings"]} == {before[1]}
    with sqlite3.connect(state) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone() == ("2",)
        legacy = con.execute("SELECT count(*) FROM legacy_ids").fetchone()[0]
    assert legacy == 14  # each old id and fingerprint, for suppression files that name them
    # a suppression written against an old id still finds its table
    with sqlite3.connect(FIXTURES / "state-v1.sqlite") as con:
        old_id = con.execute(
            "SELECT id FROM findings WHERE rule_id = 'EXP002' AND table_fqn = 'vault.cards_plain'"
        ).fetchone()[0]
    suppressions = planted["dir"] / "s.yaml"
    suppressions.write_text(
        f"version: 1\nsuppressions:\n  - fingerprint: {old_id}\n    owner: risk@example.com\n"
        "    reason: vault migration accepted last quarter\n    expires: 2999-01-01\n"
    )
    again = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]),
         "--warehouse", "planted", "--everyone", "group everyone_at_acme", "--state", str(state),
         "--suppressions", str(suppressions), "--out", str(planted["out"])]
    )  # fmt: skip
    doc = load_findings(planted["out"])
    cards = next(f for f in doc["findings"] if f["table"] == "vault.cards_plain")
    assert cards["suppressed"] is not None, again.output
    assert doc["summary"]["new"] == 0 and doc["summary"]["fixed"] == 0


def test_the_store_does_not_grow_with_every_nightly_run(planted: dict[str, Path]) -> None:
    """Per-table rows of a finished run only served to resume it; documents are kept for the newest
    runs only. Nightly runs must not add a row per table, or a findings document, forever."""
    from scanner.state import KEPT_DOCUMENTS

    for night in range(KEPT_DOCUMENTS + 2):
        _scan(planted, f"night{night}")
    with sqlite3.connect(planted["dir"] / "state.db") as db:
        runs = db.execute("SELECT count(*) FROM runs").fetchone()[0]
        per_table = db.execute("SELECT count(*) FROM run_tables").fetchone()[0]
        documents = db.execute("SELECT count(*) FROM runs WHERE doc IS NOT NULL").fetchone()[0]
    assert runs == KEPT_DOCUMENTS + 2
    assert per_table == 0
    assert documents == KEPT_DOCUMENTS
    # the newest document is still the one `exposure report` renders
    again = run_exposure(["report", str(planted["dir"] / "state.db"), "--out",
                          str(planted["dir"] / "rerendered"), "--format", "json"])  # fmt: skip
    assert again.code == 0, again.output
    assert load_findings(planted["dir"] / "rerendered")["findings"]
