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
            *(f"--format={name}" for name in ("json", "html", "markdown", "sarif", "csv", "junit", "text")),
        ]
    )
    assert run.code == 1, run.output
    out = planted["out"]
    doc = load_findings(out)
    chat = next(f for f in doc["findings"] if f["table"] == "chat.dm_log")
    single = ("findings.json", "report.html", "INCIDENT.md", "findings.sarif", "findings.csv", "junit.xml")
    files = {name: out / name for name in (*single, "findings.txt")}  # fmt: skip
    files["sev-chat.dm_log.md"] = out / "sev" / f"{chat['id']}.md"
    files["sev-index.md"] = out / "sev" / "README.md"
    return {name: _mask(path.read_text(), planted["dir"]) for name, path in files.items()}


NAMES = [
    "findings.json", "report.html", "INCIDENT.md", "findings.sarif", "findings.csv", "junit.xml",
    "findings.txt", "sev-chat.dm_log.md", "sev-index.md",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_output_matches_golden(outputs: dict[str, str], name: str) -> None:
    expected = GOLDEN / f"{name}.expected"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.write_text(outputs[name])
    assert expected.is_file(), f"{expected} is missing: run with UPDATE_GOLDEN=1 once and review it"
    assert outputs[name] == expected.read_text()
