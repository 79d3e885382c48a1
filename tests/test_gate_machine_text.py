"""The gate does not read log-message fields or job-title abbreviations as conversations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import run_exposure, shared

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "gate" / "machine_text.sql"
# Table-name tokens of log tables, and abbreviations that are job titles far more often than messages.
LOG_TOKENS = ("log", "logs", "event", "events", "audit", "trace", "alert", "error", "server")
JOB_TITLES = ("DM", "CM", "BDM", "BD")


def _conversations(*paths: Path) -> list[dict[str, Any]]:
    """GATE001 facets that say a column will hold conversations, with their table."""
    run = run_exposure(["gate", *map(str, paths), "--format", "json"], cwd=ROOT)
    assert "Traceback" not in run.output, run.output
    doc = json.loads(run.stdout)
    return [
        {**x, "table": f["table"]}
        for f in doc["findings"]
        for x in f["facets"]
        if x["rule"] == "GATE001" and "conversation" in x["message"]
    ]


def _log_or_job_title(finding: dict[str, Any]) -> bool:
    table = finding["table"].lower().replace("_", " ").replace(".", " ").split()
    return bool(set(table) & set(LOG_TOKENS)) or any(f"{t} /" in finding["message"] for t in JOB_TITLES)


def test_log_fields_and_job_titles_are_not_conversations() -> None:
    found = _conversations(FIXTURE)
    assert {f["table"] for f in found} == {"chat.direct_messages"}, found


def test_hive_ddl_has_no_conversation_from_log_fields_or_job_titles() -> None:
    found = _conversations(shared("data", "hive-ddl"))
    assert [f for f in found if _log_or_job_title(f)] == []
    # every conversation the gate reports there names its column
    for finding in found:
        assert finding["columns"], finding
