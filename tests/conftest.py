"""Shared fixtures: warehouses built from scratch in DuckDB, and the real `exposure` command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared(*parts: str) -> Path:
    """Reference data that lives beside the repository in CI (../shared), never copied into it. A
    user's fresh clone has none: those tests skip and say why. With CI set they must run."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing, and CI is set: the reference data must be beside the clone")
        pytest.skip(f"{path} is not here (reference data beside the repository, present in CI)")
    return path


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def exposure_command() -> list[str]:
    found = shutil.which("exposure", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "scanner.cli.main"]


def run_exposure(args: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    full_env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", **(env or {})}
    proc = subprocess.run(
        [*exposure_command(), *args], capture_output=True, text=True, cwd=cwd, env=full_env, timeout=300
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def load_findings(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "findings.json").read_text())
    return data


# --- a warehouse with planted exposures, built without the example -----------------------------

# Values a leak test greps for: they must never appear in any output file.
CANARY_SSNS = [
    f"{area:03d}-{group:02d}-{serial:04d}"
    for area, group, serial in [
        (512, 37, 8841),
        (287, 65, 1903),
        (633, 18, 4420),
        (145, 92, 7316),
        (401, 11, 2958),
    ]
]
CANARY_CARDS = ["4539 1488 0343 6467", "4556 7375 8689 9855", "4916 3386 2114 7700"]
CANARY_EMAILS = ["zq.canary.alpha@example.net", "zq.canary.beta@example.net", "zq.canary.gamma@example.net"]
CANARY_TEXT = "canary-zebra-quartz: please keep my therapy appointment private"


def _luhn_ok(number: str) -> bool:
    digits = [int(d) for d in number if d.isdigit()][::-1]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    return total % 10 == 0


assert all(_luhn_ok(c) for c in CANARY_CARDS)


def build_planted_warehouse(path: Path, rows: int = 60) -> None:
    """Tables with exactly known exposure, written from scratch (no example code)."""
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA people; CREATE SCHEMA chat; CREATE SCHEMA metrics; CREATE SCHEMA vault")
    con.execute("CREATE TABLE people.tax_records (employee_id BIGINT, ssn VARCHAR, filing_status VARCHAR)")
    con.executemany(
        "INSERT INTO people.tax_records VALUES (?, ?, ?)",
        [(i, CANARY_SSNS[i % len(CANARY_SSNS)], "single") for i in range(rows)],
    )
    con.execute("CREATE TABLE people.contacts (employee_id BIGINT, personal_email VARCHAR, team VARCHAR)")
    con.executemany(
        "INSERT INTO people.contacts VALUES (?, ?, ?)",
        [(i, CANARY_EMAILS[i % len(CANARY_EMAILS)], "infra") for i in range(rows)],
    )
    con.execute("CREATE TABLE chat.dm_log (message_id BIGINT, sender BIGINT, message_text VARCHAR)")
    con.executemany(
        "INSERT INTO chat.dm_log VALUES (?, ?, ?)", [(i, i % 7, f"{CANARY_TEXT} #{i}") for i in range(rows)]
    )
    con.execute("CREATE TABLE metrics.page_views (day DATE, views BIGINT, page VARCHAR)")
    con.executemany(
        "INSERT INTO metrics.page_views VALUES (DATE '2026-01-01' + ?, ?, ?)",
        [(i, i * 10, f"/page/{i}") for i in range(rows)],
    )
    con.execute("CREATE TABLE vault.cards (account BIGINT, card_number VARCHAR, ssn VARCHAR)")
    con.executemany(
        "INSERT INTO vault.cards VALUES (?, ?, ?)",
        [(i, f"vault:v1:Zm9vYmFy{i:04d}QUJDREVGR0hJSktMTU5PUA==", f"{(i * 7919):064x}") for i in range(rows)],
    )
    con.execute("CREATE TABLE vault.cards_plain (account BIGINT, card_number VARCHAR)")
    con.executemany(
        "INSERT INTO vault.cards_plain VALUES (?, ?)",
        [(i, CANARY_CARDS[i % len(CANARY_CARDS)]) for i in range(rows)],
    )
    con.close()


PLANTED_GRANTS = """\
-- Planted grants: each line's effect is asserted by the tests.
CREATE ROLE readers;
GRANT SELECT ON TABLE people.tax_records TO ROLE public;
GRANT SELECT ON TABLE people.contacts TO GROUP everyone_at_acme;
GRANT ROLE readers TO ROLE public;
GRANT SELECT ON DATABASE chat TO ROLE readers;
GRANT SELECT ON TABLE metrics.page_views TO ROLE public;
GRANT SELECT ON TABLE vault.cards TO ROLE public;
GRANT SELECT ON TABLE vault.cards_plain TO USER alice;
GRANT SELECT ON TABLE vault.cards_plain TO GROUP payments_team;
GRANT INSERT ON TABLE people.tax_records TO GROUP etl;
"""

# (table, facets) of every finding the planted warehouse must produce — one per table — and nothing else.
PLANTED_FINDINGS = {
    ("people.tax_records", ("EXP001", "EXP002")),
    ("people.contacts", ("EXP001", "EXP002")),
    ("chat.dm_log", ("EXP001", "EXP002")),
    ("vault.cards_plain", ("EXP002",)),
}


@pytest.fixture
def planted(tmp_path: Path) -> dict[str, Path]:
    db = tmp_path / "planted.duckdb"
    build_planted_warehouse(db)
    grants = tmp_path / "grants.sql"
    grants.write_text(PLANTED_GRANTS)
    return {"db": db, "grants": grants, "out": tmp_path / "out", "dir": tmp_path}


def finding_keys(doc: dict[str, Any]) -> set[tuple[str, tuple[str, ...]]]:
    return {(f["table"], tuple(sorted(x["rule"] for x in f["facets"]))) for f in doc["findings"]}


def by_table(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Findings by table name; one finding per table, so the map loses nothing."""
    found = {f["table"]: f for f in doc["findings"]}
    assert len(found) == len(doc["findings"]), "two findings for one table"
    return found


def facet(finding: dict[str, Any], rule: str) -> dict[str, Any]:
    [found] = [x for x in finding["facets"] if x["rule"] == rule]
    return found
