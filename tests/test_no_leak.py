"""The scanner must not become the leak: planted canary values never reach any output."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.conftest import CANARY_CARDS, CANARY_EMAILS, CANARY_SSNS, CANARY_TEXT, run_exposure


def _canaries() -> list[bytes]:
    values: list[str] = []
    for ssn in CANARY_SSNS:
        values += [ssn, ssn.replace("-", ""), ssn[:7]]  # whole, digits only, area+group
    for card in CANARY_CARDS:
        digits = card.replace(" ", "")
        values += [card, digits, digits[:12]]
    for email in CANARY_EMAILS:
        values += [email, email.split("@")[0]]
    values += [CANARY_TEXT, CANARY_TEXT.split(":")[0], "therapy appointment"]
    return [v.encode() for v in values]


def test_no_canary_in_any_output_file_or_log(planted: dict[str, Path]) -> None:
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
    files = [p for p in planted["out"].rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"findings.json", "report.html", "README.md", "INCIDENT.md"}
    assert len([p for p in files if p.parent.name == "sev"]) == 5  # four tables and the index
    leaks = [
        (str(path), canary.decode())
        for path in files
        for canary in _canaries()
        if canary in path.read_bytes()
    ]
    leaks += [("stdout/stderr", c.decode()) for c in _canaries() if c in run.output.encode()]
    assert leaks == []
    # The evidence is there, in masked form only.
    assert b"***-**-" in (planted["out"] / "findings.json").read_bytes()


def test_outputs_are_private(planted: dict[str, Path]) -> None:
    run = run_exposure(
        [
            "scan",
            "--source",
            f"duckdb://{planted['db']}",
            "--grants",
            str(planted["grants"]),
            "--out",
            str(planted["out"]),
        ]
    )
    assert run.code in (1, 3), run.output
    assert stat.S_IMODE(planted["out"].stat().st_mode) == 0o700
    for path in planted["out"].rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
        assert not path.name.endswith(".tmp")
