"""Golden files per output format, volatile fields masked. Regenerate with UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from scanner import __version__
from tests.conftest import load_findings, run_exposure

GOLDEN = Path(__file__).parent / "golden"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _mask(text: str, tmp: Path) -> str:
    text = text.replace(str(tmp), "<TMP>")
    text = UUID.sub("<RUN-ID>", text)
    text = TIME.sub("<TIME>", text)
    return text.replace(f"exposure {__version__}", "exposure <VERSION>").replace(
        f'"version": "{__version__}"', '"version": "<VERSION>"'
    )


@pytest.fixture
def outputs(planted: dict[str, Path]) -> dict[str, str]:
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
        ]
    )
    assert run.code == 1, run.output
    out = planted["out"]
    doc = load_findings(out)
    chat = next(f for f in doc["findings"] if f["rule"] == "EXP001" and f["table"] == "chat.dm_log")
    return {
        "findings.json": _mask((out / "findings.json").read_text(), planted["dir"]),
        "report.html": _mask((out / "report.html").read_text(), planted["dir"]),
        "sev-chat.dm_log.md": _mask((out / "sev" / f"{chat['id']}.md").read_text(), planted["dir"]),
        "sev-index.md": _mask((out / "sev" / "README.md").read_text(), planted["dir"]),
    }


@pytest.mark.parametrize("name", ["findings.json", "report.html", "sev-chat.dm_log.md", "sev-index.md"])
def test_output_matches_golden(outputs: dict[str, str], name: str) -> None:
    expected = GOLDEN / f"{name}.expected"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.write_text(outputs[name])
    assert expected.is_file(), f"{expected} is missing: run with UPDATE_GOLDEN=1 once and review it"
    assert outputs[name] == expected.read_text()
