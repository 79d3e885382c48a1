"""End-to-end scans of a warehouse the tests build from scratch: exact findings, exit codes, coverage."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.conftest import PLANTED_FINDINGS, by_table, facet, finding_keys, load_findings, run_exposure


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
    found = by_table(doc)
    tax = found["people.tax_records"]
    assert tax["severity"] in ("SEV0", "SEV1", "SEV2")
    # the plaintext facet of a table everyone can read never rates below the broad read
    assert facet(tax, "EXP002")["severity"] == facet(tax, "EXP001")["severity"] == tax["severity"]
    assert {c["name"]: c["classes"] for c in tax["columns"]} == {"ssn": ["us_ssn"], "filing_status": ["tax"]}
    assert {c["protection"] for c in tax["columns"]} == {"plaintext"}
    assert tax["readers"]["breadth"] == "everyone"
    [step] = tax["remediation"]["containment"]
    assert step["statement"] == "REVOKE SELECT ON TABLE `people`.`tax_records` FROM ROLE `public`;"
    assert tax["remediation"]["rollback"] == [
        "GRANT SELECT ON TABLE `people`.`tax_records` TO ROLE `public`;"
    ]
    chat = found["chat.dm_log"]
    assert chat["readers"]["paths"][0]["via_roles"][0]["member"] == {"type": "ROLE", "name": "public"}
    # the broad reader is cut out of the role chain; the role keeps its database grant
    assert [s["statement"] for s in chat["remediation"]["containment"]] == [
        "REVOKE ROLE `readers` FROM ROLE `public`;"
    ]
    assert chat["remediation"]["rollback"] == ["GRANT ROLE `readers` TO ROLE `public`;"]
    # Team-only plaintext cards are a hygiene facet, never an exposure, and nothing to revoke.
    cards = found["vault.cards_plain"]
    assert [x["kind"] for x in cards["facets"]] == ["hygiene"]
    assert cards["remediation"]["containment"] == [] and cards["remediation"]["long_term"]
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
    assert {x["rule"] for f in doc["findings"] for x in f["facets"]} == {"EXP002", "EXP003"}
    # every table with sensitive data, protected or not: nobody knows who reads it
    assert set(by_table(doc)) == {
        "people.tax_records",
        "people.contacts",
        "chat.dm_log",
        "vault.cards_plain",
        "vault.cards",
    }
    assert "Partial coverage" in run.stdout
    assert "pass --grants FILE" in run.stdout  # the run says how to make readers known


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
    assert "EXP001" in by_table(doc)["people.ssn_view"]["rules"]


def test_include_and_exclude(planted: dict[str, Path]) -> None:
    _, doc = _scan(planted, "--include", "people.*", "--exclude", "*.contacts")
    assert [t["table"] for t in doc["tables"]] == ["people.tax_records"]


def test_no_tables_fails_closed(planted: dict[str, Path]) -> None:
    code, doc = _scan(planted, "--include", "nothing.*")
    assert code == 3 and doc["coverage"]["tables_total"] == 0


def test_formats_select_outputs(planted: dict[str, Path]) -> None:
    _scan(planted, "--format", "json")
    # the manifest records what the run wrote, so a later run removes only its own stale files
    assert sorted(p.name for p in planted["out"].iterdir()) == [".exposure-manifest.json", "findings.json"]


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
    found = by_table(doc)
    assert found["people.tax_records"]["severity"] == "SEV0"
    cards = found["vault.cards"]  # protected but readable by everyone, now tracked
    assert cards["severity"] == "SEV4" and cards["rules"] == ["EXP001"]
