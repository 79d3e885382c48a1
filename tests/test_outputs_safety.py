"""What the outputs do to the host and to the people who read them: ids from stored documents never
become paths outside --out, existing folders keep their permissions, only the tool's own files are
removed, names from a hostile warehouse are inert in the terminal, in Markdown and in XML."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
from pathlib import Path
from xml.etree import ElementTree as ET

import duckdb

from tests.conftest import CANARY_SSNS, load_findings, run_exposure

# A table whose name tries terminal escapes, rich markup, Markdown tables and HTML.
HOSTILE_TABLE = "\x1b[2J[/]x|<img src=y>`z\x07"


def _hostile_warehouse(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE SCHEMA hr")
    name = '"' + HOSTILE_TABLE.replace('"', '""') + '"'
    con.execute(f"CREATE TABLE hr.{name} (ssn VARCHAR)")
    con.executemany(f"INSERT INTO hr.{name} VALUES (?)", [[s] for s in CANARY_SSNS * 8])
    con.close()
    grants = tmp_path / "grants.sql"
    grants.write_text("GRANT SELECT ON DATABASE hr TO ROLE public;\n")
    return db, grants


def test_hostile_names_are_inert_in_terminal_markdown_and_xml(tmp_path: Path) -> None:
    db, grants = _hostile_warehouse(tmp_path)
    out = tmp_path / "out"
    run = run_exposure(
        ["scan", "--source", f"duckdb://{db}", "--grants", str(grants), "--out", str(out),
         "--format", "json", "--format", "markdown", "--format", "junit", "--format", "html"]
    )  # fmt: skip
    assert run.code == 1 and "Traceback" not in run.output, run.output
    # terminal: no escape sequence, no bell, and rich's markup did not eat or choke on [/]
    assert "\x1b[2J" not in run.stdout and "\x07" not in run.stdout
    assert "[/]x" in run.stdout
    # Markdown: the name cannot open HTML, break a table row or close a code span
    [finding] = load_findings(out)["findings"]
    sev = (out / "sev" / f"{finding['id']}.md").read_text()
    incident = (out / "INCIDENT.md").read_text()
    for text in (sev, incident):
        assert "\x1b" not in text and "\x07" not in text
        # HTML would only be live outside code: fences and code spans show it as text
        prose = re.sub(r"```.*?```", "", text, flags=re.S)
        prose = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", prose)
        assert not re.search(r"(?<!\\)<img", prose), prose
        for line in text.splitlines():
            if line.startswith("|") and "[/]x" in line:
                assert line.count("|") - line.count("\\|") == line.strip().count("|") - line.count("\\|")
                assert "\\|" in line  # the name's pipe is escaped inside the cell
    # XML: well formed whatever the name held
    root = ET.parse(out / "junit.xml").getroot()
    assert root.get("failures") == "1"
    # HTML: escaped, never markup
    assert "<img src=y>" not in (out / "report.html").read_text()


def test_ids_from_a_stored_document_never_become_paths_outside_out(
    tmp_path: Path, planted: dict[str, Path]
) -> None:
    state = planted["dir"] / "state.db"
    run = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]), "--state",
         str(state), "--out", str(planted["out"])]
    )  # fmt: skip
    assert run.code == 1, run.output
    with sqlite3.connect(state) as con:
        [(doc_text,)] = con.execute("SELECT doc FROM runs WHERE doc IS NOT NULL").fetchall()
        doc = json.loads(doc_text)
        target = tmp_path / "escaped"
        doc["findings"][0]["id"] = f"../../../../../../{target}"
        con.execute("UPDATE runs SET doc = ?", (json.dumps(doc),))
    rendered = run_exposure(["report", str(state), "--format", "md", "--out", str(tmp_path / "again")])
    assert rendered.code == 2 and "Traceback" not in rendered.output, rendered.output
    assert not target.exists() and not Path(f"{target}.md").exists()


def test_an_existing_output_folder_keeps_its_permissions(tmp_path: Path, planted: dict[str, Path]) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    run = run_exposure(["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]),
                        "--out", str(shared)])  # fmt: skip
    assert run.code == 1, run.output
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE((shared / "findings.json").stat().st_mode) == 0o600
    created = tmp_path / "new" / "reports"
    run_exposure(["scan", "--source", f"duckdb://{planted['db']}", "--out", str(created)])
    assert stat.S_IMODE(created.stat().st_mode) == 0o700


def test_cleanup_never_follows_a_symlink_out_of_the_folder(tmp_path: Path, planted: dict[str, Path]) -> None:
    out = planted["out"]
    args = [
        "scan",
        "--source",
        f"duckdb://{planted['db']}",
        "--grants",
        str(planted["grants"]),
        "--out",
        str(out),
    ]
    assert run_exposure(args).code == 1
    precious = tmp_path / "precious.md"
    precious.write_text("mine")
    stale = out / "sev" / "EXP-000000000000.md"
    os.symlink(precious, stale)
    manifest = out / ".exposure-manifest.json"
    manifest.write_text(
        json.dumps([*json.loads(manifest.read_text()), "sev/EXP-000000000000.md", "../precious.md"])
    )
    assert run_exposure(args).code == 1
    assert precious.read_text() == "mine"  # neither the link's target nor a path outside --out was removed


def test_a_full_disk_for_outputs_is_a_usage_error(tmp_path: Path, planted: dict[str, Path]) -> None:
    if not Path("/dev/full").exists():  # a device that answers every write with ENOSPC
        return
    out = tmp_path / "out"
    out.mkdir()
    os.symlink("/dev/full", out / "findings.json")
    run = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--out", str(out), "--format", "json"]
    )
    assert run.code == 2 and "Traceback" not in run.output and "findings.json" in run.output


def test_an_unwritable_output_folder_is_a_usage_error(tmp_path: Path, planted: dict[str, Path]) -> None:
    # a path under a file cannot be created by anyone, root included
    target = tmp_path / "file"
    target.write_text("x")
    run = run_exposure(["scan", "--source", f"duckdb://{planted['db']}", "--out", str(target / "sub")])
    assert run.code == 2 and "Traceback" not in run.output and "cannot write" in run.output, run.output
    if os.geteuid() != 0:  # root writes through a read-only mode
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        run = run_exposure(["scan", "--source", f"duckdb://{planted['db']}", "--out", str(locked / "sub")])
        assert run.code == 2 and "Traceback" not in run.output, run.output
