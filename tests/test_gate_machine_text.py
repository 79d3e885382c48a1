"""The gate does not read log-message fields or job-title abbreviations as conversations."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import run_exposure

ROOT = Path(__file__).resolve().parents[1]
HIVE_CORPUS = ROOT.parent / "shared" / "data" / "hive-ddl"
FIXTURE = Path(__file__).parent / "gate" / "machine_text.sql"
# Table-name tokens of log tables, and abbreviations that are job titles far more often than messages.
LOG_TOKENS = ("log", "logs", "event", "events", "audit", "trace", "alert", "error", "server")
JOB_TITLES = ("DM", "CM", "BDM", "BD")


def _conversations(*paths: Path) -> list[dict[str, str]]:
    run = run_exposure(["gate", *map(str, paths), "--format", "json"], cwd=ROOT)
    assert "Traceback" not in run.output, run.output
    doc = json.loads(run.stdout)
    return [f for f in doc["findings"] if f["rule"] == "GATE001" and "conversation" in f["message"]]


def _log_or_job_title(finding: dict[str, str]) -> bool:
    table = finding["table"].lower().replace("_", " ").replace(".", " ").split()
    return bool(set(table) & set(LOG_TOKENS)) or any(f"{t} /" in finding["message"] for t in JOB_TITLES)


def test_log_fields_and_job_titles_are_not_conversations() -> None:
    found = _conversations(FIXTURE)
    assert {f["table"] for f in found} == {"chat.direct_messages"}, found


def test_hive_ddl_has_no_conversation_from_log_fields_or_job_titles() -> None:
    if not HIVE_CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the Hive DDL corpus is missing at {HIVE_CORPUS}")
        pytest.skip(f"the Hive DDL corpus is not beside the repository ({HIVE_CORPUS})")
    found = _conversations(HIVE_CORPUS)
    assert [f for f in found if _log_or_job_title(f)] == []
    # every conversation the gate reports there comes from a name or comment that says so
    for finding in found:
        assert finding["column_name"], finding
