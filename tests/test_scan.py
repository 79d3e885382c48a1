"""End-to-end scans of a warehouse the tests build from scratch: exact findings, exit codes, coverage."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.conftest import PLANTED_FINDINGS, finding_keys, load_findings, run_exposure


def _scan(planted: dict[str, Path], *extra: str) -> tuple[int, dict[str, object]]:
    run = run_exposure(
        [
            "scan",
            "--source",
            f"duckdb://{planted['db']}",
            "--grants",
            str(planted["grants"]),
            "--out",
            str(planted["out"]),
            "--everyone",
            "group everyone_at_acme",
            *extra,
        ]
    )
    assert "Traceback" not in run.output, run.output
    return run.code, load_findings(planted["out"])


def test_finds_exactly_the_planted_exposures(planted: dict[str, Path]) -> None:
    code, doc = _scan(planted)
    assert finding_keys(doc) == PLANTED_FINDINGS
    assert code == 1
    by_key = {(f["rule"], f["table"]): f for f in doc["findings"]}
    tax = by_key[("EXP001", "people.tax_records")]
    assert tax["severity"] in ("SEV0", "SEV1", "SEV2")
    assert {c["name"]: c["classes"] for c in tax["columns"]} == {"ssn": ["us_ssn"], "filing_status": ["tax"]}
    assert {c["protection"] for c in tax["columns"]} == {"plaintext"}
    assert tax["readers"]["breadth"] == "everyone"
    assert tax["remediation"][0] == "REVOKE SELECT ON TABLE `people`.`tax_records` FROM ROLE `public`;"
    chat = by_key[("EXP001", "chat.dm_log")]
    assert chat["readers"]["paths"][0]["via_roles"][0]["member"] == {"type": "ROLE", "name": "public"}
    assert "-- or: REVOKE ROLE `readers` FROM ROLE `public`;" in chat["remediation"]
    assert chat["remediation"][0] == "REVOKE SELECT ON DATABASE `chat` FROM ROLE `readers`;"
    # Team-only plaintext cards are a hygiene finding, never an exposure.
    assert by_key[("EXP002", "vault.cards_plain")]["kind"] == "hygiene"
    tables = {t["table"]: t for t in doc["tables"]}
    assert tables["vault.cards"]["breadth"] == "everyone"
    assert {c["protection"] for c in tables["vault.cards"]["sensitive_columns"]} == {"ciphertext", "hashed"}
    assert tables["metrics.page_views"]["sensitive_columns"] == []
    assert tables["vault.cards_plain"]["breadth"] == "team"


def test_ids_are_stable_across_runs(planted: dict[str, Path]) -> None:
    _, first = _scan(planted)
    _, second = _scan(planted)
    assert [f["id"] for f in first["findings"]] == [f["id"] for f in second["findings"]]
    assert first["run"]["id"] != second["run"]["id"]


def test_fail_on_threshold(planted: dict[str, Path]) -> None:
    code, doc = _scan(planted, "--fail-on", "SEV0")
    assert code == 0 and doc["findings"]
    assert doc["run"]["exit_code"] == 0


def test_without_grants_access_is_unknown_and_exit_is_partial(planted: dict[str, Path]) -> None:
    run = run_exposure(["scan", "--source", f"duckdb://{planted['db']}", "--out", str(planted["out"])])
    assert run.code == 3, run.output
    doc = load_findings(planted["out"])
    assert doc["coverage"]["complete"] is False
    assert {t["breadth"] for t in doc["tables"]} == {"unknown"}
    assert {f["rule"] for f in doc["findings"]} == {"EXP002", "EXP003"}
    assert "Partial coverage" in run.stdout


def test_unreadable_table_is_unknown_not_clean(planted: dict[str, Path]) -> None:
    con = duckdb.connect(str(planted["db"]))
    con.execute(
        "CREATE TABLE people.gone (ssn VARCHAR); CREATE VIEW people.ssn_view AS SELECT ssn FROM people.gone"
    )
    con.execute("DROP TABLE people.gone")
    con.close()
    with planted["grants"].open("a") as grants:
        grants.write("GRANT SELECT ON TABLE people.ssn_view TO ROLE public;\n")
    code, doc = _scan(planted)
    assert code == 3
    view = next(t for t in doc["tables"] if t["table"] == "people.ssn_view")
    assert view["status"] == "unreadable" and view["error"]
    assert view["sensitive_columns"][0]["protection"] == "unknown"
    assert doc["coverage"]["tables_unreadable"] == 1
    # Unknown values count as plaintext: a broadly readable view of SSNs is still an exposure.
    assert ("EXP001", "people.ssn_view") in {(f["rule"], f["table"]) for f in doc["findings"]}


def test_include_and_exclude(planted: dict[str, Path]) -> None:
    _, doc = _scan(planted, "--include", "people.*", "--exclude", "*.contacts")
    assert [t["table"] for t in doc["tables"]] == ["people.tax_records"]


def test_no_tables_fails_closed(planted: dict[str, Path]) -> None:
    code, doc = _scan(planted, "--include", "nothing.*")
    assert code == 3 and doc["coverage"]["tables_total"] == 0


def test_formats_select_outputs(planted: dict[str, Path]) -> None:
    _scan(planted, "--format", "json")
    assert sorted(p.name for p in planted["out"].iterdir()) == ["findings.json"]


def test_severity_matrix_is_configurable(planted: dict[str, Path], tmp_path: Path) -> None:
    from importlib import resources

    text = resources.files("scanner.rulepacks").joinpath("exposure.yaml").read_text()
    custom = tmp_path / "exposure-rules.yaml"
    custom.write_text(
        text.replace(
            "everyone: {plaintext: SEV1, protected: none}", "everyone: {plaintext: SEV0, protected: SEV4}"
        )
    )
    config = tmp_path / "exposure.yaml"
    config.write_text(
        f"version: 1\nrules:\n  exposure: {custom}\naccess:\n  everyone: ['group everyone_at_acme']\n"
    )
    run = run_exposure(
        [
            "scan",
            "--config",
            str(config),
            "--source",
            f"duckdb://{planted['db']}",
            "--grants",
            str(planted["grants"]),
            "--out",
            str(planted["out"]),
        ]
    )
    assert run.code == 1, run.output
    doc = load_findings(planted["out"])
    sev = {(f["rule"], f["table"]): f["severity"] for f in doc["findings"]}
    assert sev[("EXP001", "people.tax_records")] == "SEV0"
    assert sev[("EXP001", "vault.cards")] == "SEV4"  # protected but readable by everyone, now tracked
