"""`exposure gate`: table DDL checked at code review, before any data exists."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from scanner import __version__
from tests.conftest import run_exposure, shared

GATE = Path(__file__).parent / "gate"
GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).resolve().parents[1]


def _facets(doc: dict[str, Any], *, suppressed: bool | None = None) -> set[tuple[str, int, str]]:
    """(rule, line, column or principal) of every facet; one finding per table holds them."""
    out = set()
    for f in doc["findings"]:
        for x in f["facets"]:
            if suppressed is not None and bool(x["suppressed"]) != suppressed:
                continue
            what = x["columns"][0] if x["rule"] == "GATE001" else (x["principals"] or [""])[0]
            out.add((x["rule"], x["location"]["line"], what))
    return out


def _gate(*args: str, cwd: Path = ROOT) -> tuple[int, str]:
    run = run_exposure(["gate", *args], cwd=cwd)
    assert "Traceback" not in run.output, run.output
    return run.code, run.stdout


def test_flags_sensitive_columns_and_a_public_grant_at_their_lines() -> None:
    code, out = _gate("tests/gate/incident.sql", "--format", "json")
    assert code == 1
    doc = json.loads(out)
    # one finding per table the file defines, every facet at its own line
    assert sorted(f["table"] for f in doc["findings"]) == ["mci.agent_feedback", "mci.agent_sessions"]
    found = _facets(doc, suppressed=False)
    assert ("GATE001", 6, "employee_ssn") in found
    assert ("GATE001", 7, "keystrokes") in found
    assert ("GATE001", 8, "prompt") in found
    assert ("GATE002", 17, "role public") in found  # GRANT SELECT ... TO ROLE public
    # a database grant to a role that public holds reaches everyone too
    assert ("GATE002", 22, "role public") in found
    # a user grant is not broad
    assert not any(line == 18 for _, line, _ in _facets(doc))
    sessions = next(f for f in doc["findings"] if f["table"] == "mci.agent_sessions")
    assert sessions["location"]["line"] == 4  # where the table is defined
    assert sessions["severity"] == "SEV1"  # projected: restricted, plaintext, readable by everyone
    # the fix closes both broad paths: the direct grant and public's membership of the role
    assert sorted(s["statement"] for s in sessions["remediation"]["containment"]) == [
        "REVOKE ROLE `mci_analysts` FROM ROLE `public`;",
        "REVOKE SELECT ON TABLE `mci`.`agent_sessions` FROM ROLE `public`;",
    ]


def test_the_same_table_encrypted_and_granted_to_a_team_passes() -> None:
    code, out = _gate("tests/gate/compliant.sql")
    assert code == 0, out
    assert "0 error(s), 0 warning(s)" in out


def test_inline_suppression_needs_a_reason(tmp_path: Path) -> None:
    sql = tmp_path / "t.sql"
    sql.write_text(
        "-- exposure:ignore GATE001 hashed upstream by the ingestion job\n"
        "CREATE TABLE hr.a (ssn STRING) TBLPROPERTIES ('owner'='hr', 'sensitivity'='restricted');\n"
        "-- exposure:ignore GATE001\n"
        "CREATE TABLE hr.b (ssn STRING) TBLPROPERTIES ('owner'='hr', 'sensitivity'='restricted');\n"
    )
    code, out = _gate(str(sql), "--format", "json", cwd=tmp_path)
    doc = json.loads(out)
    by_table = {f["table"]: f for f in doc["findings"]}
    assert by_table["hr.a"]["suppressed"]["reason"] == "inline: hashed upstream by the ingestion job"
    assert by_table["hr.b"]["suppressed"] is None
    assert code == 1
    assert any("needs a reason" in n for n in doc["warnings"])


def test_suppressions_file_applies_to_the_gate(tmp_path: Path) -> None:
    suppressions = tmp_path / "s.yaml"
    suppressions.write_text(
        "version: 1\nsuppressions:\n  - rule: GATE001\n    object: mci.*\n    owner: sec@example.com\n"
        "    reason: encryption lands with the storage migration\n    expires: 2999-01-01\n"
    )
    _, out = _gate("tests/gate/incident.sql", "--format", "json", "--suppressions", str(suppressions))
    doc = json.loads(out)
    gate001 = [x for f in doc["findings"] for x in f["facets"] if x["rule"] == "GATE001"]
    assert gate001 and all(x["suppressed"] for x in gate001)
    # the other facets stay open: a suppression names one facet, not the table
    assert any(not x["suppressed"] for f in doc["findings"] for x in f["facets"])


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_annotations_and_sarif_match_golden_files(fmt: str) -> None:
    code, out = _gate("tests/gate/incident.sql", "--format", fmt)
    assert code == 1
    if fmt == "sarif":
        out = re.sub(r'"uri": "file://[^"]*"', '"uri": "<ROOT>"', out)
        out = out.replace(f'"version": "{__version__}"', '"version": "<VERSION>"')
        out = re.sub(r'"id": "exposure/gate/gate/[0-9a-f-]+"', '"id": "exposure/gate/gate/<RUN-ID>"', out)
        out = re.sub(r'"(start|end)TimeUtc": "[^"]+"', r'"\1TimeUtc": "<TIME>"', out)
    golden = GOLDEN / f"gate.{fmt}.expected"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(out)
    assert out == golden.read_text()


def test_gate_sarif_is_valid_and_points_at_ddl_lines() -> None:
    _, out = _gate("tests/gate/incident.sql", "--format", "sarif")
    sarif = json.loads(out)
    schema = json.loads(shared("data", "sarif-schema-2.1.0.json").read_text())
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert len(results) == 2  # one per table
    related = {
        (m["message"]["text"].split(":")[0], m["physicalLocation"]["region"]["startLine"])
        for r in results
        for m in r.get("relatedLocations", [])
    }
    assert {("GATE001", 6), ("GATE001", 7), ("GATE001", 8), ("GATE002", 17)} <= related
    assert all(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "tests/gate/incident.sql"
        for r in results
    )


def test_github_annotations_point_at_lines() -> None:
    _, out = _gate("tests/gate/incident.sql", "--format", "github")
    lines = out.splitlines()
    assert len(lines) == 2  # one annotation per table, its facets inside
    sessions = next(line for line in lines if "mci.agent_sessions" in line)
    assert sessions.startswith("::error file=tests/gate/incident.sql,line=6,col=3,")
    assert "line 17: GATE002" in sessions and "line 22: GATE002" in sessions
    feedback = next(line for line in lines if "agent_feedback" in line)
    assert ": GATE003" not in feedback  # the suppressed facet is not annotated


def test_hive_corpus_never_crashes_and_says_what_it_could_not_read() -> None:
    corpus = shared("data", "hive-ddl")
    code, out = _gate(str(corpus), "--format", "json")
    doc = json.loads(out)
    assert len(doc["run"]["files"]) >= 140
    assert doc["run"]["statements"] > 2000
    assert doc["not_checked"], "Hive's own tests include statements sqlglot cannot read"
    assert all(item["line"] >= 1 and item["file"].endswith(".q") for item in doc["not_checked"])
    # one finding per object the files define, never two for one
    assert len({f["object"]["database"] + "\0" + f["object"]["table"] for f in doc["findings"]}) == len(
        doc["findings"]
    )
    # could-not-parse is its own exit code, distinct from violations (1)
    assert code == 3 == doc["run"]["exit_code"]


def test_could_not_parse_is_distinct_from_violations(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sql"
    broken.write_text("CREATE TABLE t (a STRING\n;\nCREATE TABLE ok (b INT);\n")
    code, out = _gate(str(broken), cwd=tmp_path)
    assert code == 3 and "broken.sql:1:1: could not check" in out
    clean = tmp_path / "clean.sql"
    clean.write_text("CREATE TABLE ok (b INT);\n")
    assert _gate(str(clean), cwd=tmp_path)[0] == 0


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_git_diff_checks_only_changed_statements(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "ci@example.com")
    _git(repo, "config", "user.name", "ci")
    ddl = repo / "ddl"
    ddl.mkdir()
    # an old, already-accepted violation: not the change's fault
    (ddl / "people.sql").write_text("CREATE TABLE hr.people (id BIGINT, ssn STRING);\n")
    (ddl / "untouched.sql").write_text("CREATE TABLE hr.old (email STRING);\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    added = "\nCREATE TABLE hr.reviews (review_text STRING, rating INT);\n"
    added += "GRANT SELECT ON TABLE hr.people TO ROLE public;\n"
    with (ddl / "people.sql").open("a") as f:
        f.write(added)
    (ddl / "notes.txt").write_text("not sql")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "change")
    code, out = _gate("--git-diff", "HEAD~1..HEAD", "--format", "json", cwd=repo)
    doc = json.loads(out)
    assert doc["run"]["files"] == ["ddl/people.sql"]
    lines = {(rule, line) for rule, line, _ in _facets(doc)}
    assert ("GATE002", 4) in lines  # the new grant, on the old table with an SSN
    assert ("GATE001", 3) in lines  # the new review_text column
    assert all(line != 1 for _, line in lines)  # the old CREATE was not changed
    assert code == 1
    same = subprocess.run(["git", "diff", "HEAD..HEAD"], cwd=repo, capture_output=True, text=True)
    assert same.returncode == 0
    code, out = _gate("--git-diff", "HEAD..HEAD", cwd=repo)
    assert code == 0 and "no SQL files changed" in out


def test_example_hook_and_workflow_run_the_gate() -> None:
    import shlex

    import yaml

    [hook] = yaml.safe_load((ROOT / "examples" / "ci" / "pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "exposure-gate" and hook["pass_filenames"] is True
    entry = shlex.split(hook["entry"])
    assert entry[0] == "exposure"
    assert re.search(hook["files"], "ddl/people.sql") and not re.search(hook["files"], "README.md")
    bad = run_exposure([*entry[1:], "tests/gate/incident.sql"], cwd=ROOT)
    good = run_exposure([*entry[1:], "tests/gate/compliant.sql"], cwd=ROOT)
    assert (bad.code, good.code) == (1, 0)
    workflow = yaml.safe_load((ROOT / "examples" / "ci" / "github-exposure-gate.yml").read_text())
    steps = " ".join(str(s.get("run", "")) for s in workflow["jobs"]["gate"]["steps"])
    assert "exposure gate --git-diff" in steps and "--format github" in steps and "--format sarif" in steps
