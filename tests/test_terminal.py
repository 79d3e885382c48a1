"""The terminal summary a person reads, on a real pseudo-terminal: one row per table, worst first, 80
columns without a broken word; plus identity by parts and the usage errors a new user meets first."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import CANARY_SSNS, exposure_command, load_findings, run_exposure
from tests.test_golden import GOLDEN

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def _on_a_tty(args: list[str], cwd: Path, columns: int) -> tuple[int, str]:
    """Runs the command with stdout on a pseudo-terminal of the given width (stderr piped)."""
    main, child = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [*exposure_command(), *args], stdout=child, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=cwd,
        env=env,
    )  # fmt: skip
    os.close(child)
    chunks = []
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        if not ready:
            proc.kill()
            raise AssertionError("no output for 120 s")
        try:
            data = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    code = proc.wait(timeout=120)
    text = ANSI.sub("", b"".join(chunks).decode()).replace("\r\n", "\n")
    return code, text


def test_demo_summary_fits_80_columns_on_a_terminal(tmp_path: Path) -> None:
    code, text = _on_a_tty(["demo", "--out", str(tmp_path / "out")], tmp_path, 80)
    assert code == 0, text
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    rows = [line for line in lines if re.match(r"SEV[0-4]\s", line)]
    assert len(rows) == 10  # one row per table
    assert [r[:4] for r in rows] == sorted(r[:4] for r in rows)  # worst first
    # no cell is cut inside a word: a cut cell ends with an ellipsis, never a bare fragment
    doc = load_findings(tmp_path / "out")
    for row, finding in zip(rows, doc["findings"], strict=True):
        cell = row[5:].split()[0]
        assert cell == finding["table"] or (cell.endswith("…") and finding["table"].startswith(cell[:-1]))
    masked = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "<TIME>", text.replace(str(tmp_path), "<TMP>"))
    masked = re.sub(r"/tmp/exposure-demo-[^ )]+", "<WAREHOUSE>", masked)
    golden = GOLDEN / "terminal-80.txt.expected"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(masked)
    assert masked == golden.read_text()


def test_piped_output_honours_columns(tmp_path: Path) -> None:
    narrow = run_exposure(["demo", "--out", str(tmp_path / "a")], cwd=tmp_path, env={"COLUMNS": "72"})
    wide = run_exposure(["demo", "--out", str(tmp_path / "b")], cwd=tmp_path, env={"COLUMNS": "160"})
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 72
    assert "Facets" not in narrow.stdout and "Facets" in wide.stdout


def test_top_twenty_then_a_count(tmp_path: Path) -> None:
    from tests.generated import build

    generated = build(tmp_path / "w.duckdb", 120)
    (tmp_path / "grants.sql").write_text("\n".join(generated.grants) + "\n")
    run = run_exposure(
        ["scan", "--source", f"duckdb://{tmp_path / 'w.duckdb'}", "--grants", str(tmp_path / "grants.sql"),
         "--sample-rows", "20", "--out", str(tmp_path / "out")]
    )  # fmt: skip
    doc = load_findings(tmp_path / "out")
    assert len(doc["findings"]) > 20
    rows = [line for line in run.stdout.splitlines() if re.match(r"SEV[0-4]\s", line)]
    assert len(rows) == 20
    assert f"… and {len(doc['findings']) - 20} more (see report.html)" in run.stdout


def test_two_tables_whose_dotted_names_collide_are_both_scanned(tmp_path: Path) -> None:
    """a."b.c" and "a.b".c print alike as a.b.c; identity by parts keeps them apart."""
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute('CREATE SCHEMA a; CREATE SCHEMA "a.b"')
    con.execute('CREATE TABLE a."b.c" (visits BIGINT)')
    con.execute('INSERT INTO a."b.c" VALUES (3), (5)')
    con.execute('CREATE TABLE "a.b".c (ssn VARCHAR)')
    con.executemany('INSERT INTO "a.b".c VALUES (?)', [[s] for s in CANARY_SSNS * 8])
    con.close()
    grants = tmp_path / "grants.yaml"
    grants.write_text(
        "version: 1\ngrants:\n"
        "  - {database: 'a.b', table: c, privileges: [SELECT], to: role public}\n"
        "  - {database: a, table: 'b.c', privileges: [SELECT], to: role public}\n"
    )
    run = run_exposure(
        ["scan", "--source", f"duckdb://{db}", "--grants", str(grants), "--out", str(tmp_path / "o")]
    )
    assert run.code == 1, run.output
    doc = load_findings(tmp_path / "o")
    assert len(doc["tables"]) == 2
    [finding] = doc["findings"]
    assert (finding["object"]["database"], finding["object"]["table"]) == ("a.b", "c")
    assert finding["table"] == "`a.b`.c"  # the name people read is unambiguous too
    assert finding["readers"]["breadth"] == "everyone"


def test_out_on_an_existing_file_is_a_usage_error(tmp_path: Path, planted: dict[str, Path]) -> None:
    target = tmp_path / "report.txt"
    target.write_text("mine")
    run = run_exposure(["scan", "--source", f"duckdb://{planted['db']}", "--out", str(target)])
    assert run.code == 2 and "Traceback" not in run.output
    assert "is a file, not a folder" in run.output and target.read_text() == "mine"


def test_relative_duckdb_url_is_explained(tmp_path: Path, planted: dict[str, Path]) -> None:
    run = run_exposure(["scan", "--source", "duckdb://data/warehouse.duckdb", "--out", str(tmp_path / "o")])
    assert run.code == 2 and "Traceback" not in run.output
    assert "three slashes" in run.output and "duckdb:data/warehouse.duckdb" in run.output
    relative = planted["db"].relative_to(planted["dir"])
    run = run_exposure(
        ["scan", "--source", f"duckdb:{relative}", "--grants", str(planted["grants"]), "--out", "o"],
        cwd=planted["dir"],
    )
    assert run.code in (0, 1), run.output


def test_format_choices_are_the_reporters(tmp_path: Path) -> None:
    from scanner.report import reporter_names

    run = run_exposure(["scan", "--help"])
    for name in reporter_names():
        assert name in run.stdout
    bad = run_exposure(["scan", "--source", "duckdb:///x.duckdb", "--format", "pdf"])
    assert bad.code == 2 and "pdf" in bad.output


def test_python_module_entry_point_matches() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "scanner.cli.main", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and "exposure" in proc.stdout
