"""The scanner cannot be turned against its host: untrusted DuckDB files read no local files,
secrets never reach a message, git gets no options from --git-diff, the state store's lock and
integrity hold, and no sampled cell reaches Python whole."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import duckdb
import pytest

from scanner.connect import open_source
from scanner.connectors.duckdb import DuckDBConnector
from scanner.errors import ExposureError
from scanner.models import Column, Table
from scanner.state import StateLocked, StateStore
from tests.conftest import finding_keys, load_findings, run_exposure

SECRET = "S3cretPW-zq81"


def test_a_view_over_a_local_file_does_not_make_the_scanner_read_it(tmp_path: Path) -> None:
    private = tmp_path / "private.txt"
    private.write_text("\n".join(f"{512 + i:03d}-37-88{i:02d}" for i in range(60)))
    warehouse = tmp_path / "hostile.duckdb"
    con = duckdb.connect(str(warehouse))
    con.execute("CREATE SCHEMA people")
    con.execute(f"CREATE VIEW people.ssn AS SELECT content AS ssn FROM read_text('{private}')")
    con.execute(f"CREATE VIEW people.lines AS SELECT * FROM read_csv('{private}', header=false)")
    con.close()
    grants = tmp_path / "g.sql"
    grants.write_text("GRANT SELECT ON DATABASE people TO ROLE public;\n")
    out = tmp_path / "out"
    run = run_exposure(
        ["scan", "--source", f"duckdb://{warehouse}", "--grants", str(grants), "--out", str(out)]
    )
    assert run.code == 3, run.output  # unreadable, never classified from the host's file
    doc = load_findings(out)
    assert {t["status"] for t in doc["tables"]} == {"unreadable"}
    assert all(c["protection"] != "plaintext" for t in doc["tables"] for c in t["sensitive_columns"])
    assert "512-37-8800" not in (out / "findings.json").read_text()


def test_duckdb_sources_are_opened_read_only_with_external_access_off(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    duckdb.connect(str(warehouse)).close()
    connector = open_source(f"duckdb://{warehouse}")
    assert isinstance(connector, DuckDBConnector)
    try:
        settings = dict(
            connector._conn.execute(
                "SELECT name, value FROM duckdb_settings() WHERE name IN "
                "('enable_external_access', 'access_mode', 'lock_configuration')"
            ).fetchall()
        )
        assert settings == {
            "enable_external_access": "false",
            "access_mode": "read_only",
            "lock_configuration": "true",
        }
        with pytest.raises(duckdb.Error):
            connector._conn.execute("SET enable_external_access = true")
    finally:
        connector.close()


@pytest.mark.parametrize(
    "ddl",
    [
        "CREATE TABLE exposure_meta.tables (database INTEGER)",
        "CREATE TABLE exposure_meta.table_params (database VARCHAR, table_name VARCHAR, scope VARCHAR, "
        "param_key VARCHAR, param_value VARCHAR); INSERT INTO exposure_meta.table_params VALUES "
        "('hr', 'people', 'bogus', 'k', 'v')",
        "CREATE TABLE exposure_meta.table_params (x VARCHAR)",
    ],
)
def test_malformed_exposure_meta_is_reported_not_a_crash(tmp_path: Path, ddl: str) -> None:
    warehouse = tmp_path / "w.duckdb"
    con = duckdb.connect(str(warehouse))
    con.execute("CREATE SCHEMA exposure_meta; CREATE SCHEMA hr; CREATE TABLE hr.people (ssn VARCHAR)")
    con.execute(ddl)
    con.close()
    run = run_exposure(["scan", "--source", f"duckdb://{warehouse}", "--out", str(tmp_path / "o")])
    assert run.code == 2, run.output
    assert "exposure_meta." in run.stderr and "hint:" in run.stderr and "Traceback" not in run.output


def test_sampled_cells_are_cut_in_the_engine(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    con = duckdb.connect(str(warehouse))
    con.execute("CREATE SCHEMA s; CREATE TABLE s.big (t VARCHAR, b BLOB, l VARCHAR[], n BIGINT)")
    con.execute(
        "INSERT INTO s.big VALUES "
        "(repeat('é', 3000000), repeat('x', 3000000)::BLOB, [repeat('y', 100000)], 7)"
    )
    con.execute("INSERT INTO s.big VALUES ('short', 'ab'::BLOB, ['z'], 8)")
    con.close()
    connector = DuckDBConnector(open_source(f"duckdb://{warehouse}").url)
    table = Table(
        "s",
        "big",
        (Column("t", "varchar"), Column("b", "blob"), Column("l", "varchar[]"), Column("n", "bigint")),
    )
    try:
        values = connector.sample(table, ["t", "b", "l", "n"], 10, max_cell_bytes=1000)
    finally:
        connector.close()
    for name in "tbl":
        assert all(len(v.encode() if isinstance(v, str) else v) <= 1000 for v in values[name]), name
    assert sorted(values["t"], key=len)[0] == "short" and len(values["t"][0]) == 500
    assert b"ab" in values["b"] and '["z"]' in values["l"]
    assert sorted(values["n"]) == ["7", "8"]


def test_max_cell_bytes_is_configurable(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("version: 1\nsource: duckdb:///x.duckdb\nsampling:\n  max_cell_bytes: 1024\n")
    run = run_exposure(["scan", "--config", str(config), "--show-config"])
    assert run.code == 0 and "max_cell_bytes: 1024" in run.stdout
    config.write_text("version: 1\nsampling:\n  max_cell_bytes: 1\n")
    bad = run_exposure(["scan", "--config", str(config)])
    assert bad.code == 2 and f"{config}:3:" in bad.stderr


# --- secrets -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"hive://alice:{SECRET}@host:abc/",
        f"hive://alice:{SECRET}@127.0.0.1:1/",
        f"hive://alice@127.0.0.1:1/?password={SECRET}",
        f"hive://alice@127.0.0.1:1/?auth=NONE&token={SECRET}",
        f"metastore+postgresql://hive:{SECRET}@127.0.0.1:1/metastore",
        f"hive://alice:{SECRET}@[::1/",
    ],
)
def test_no_message_echoes_a_password(tmp_path: Path, url: str) -> None:
    run = run_exposure(["scan", "--source", url, "--out", str(tmp_path / "o")])
    assert run.code == 2, run.output
    assert SECRET not in run.output and "Traceback" not in run.output
    assert "hint:" in run.stderr


def test_ranger_url_with_credentials_is_refused_unechoed(planted: dict[str, Path], tmp_path: Path) -> None:
    run = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--ranger-url", f"http://admin:{SECRET}@127.0.0.1:1",
         "--out", str(tmp_path / "o")]
    )  # fmt: skip
    assert run.code == 2 and SECRET not in run.output and "would be logged" in run.output


@pytest.mark.parametrize("url", ["hive://h:99999/", "x" * 120_000, "hive://[::1/", "duckdb://\x1b[31m/x"])
def test_malformed_and_overlong_urls_are_exit_2(url: str) -> None:
    run = run_exposure(["scan", "--source", url])
    assert run.code == 2 and "Traceback" not in run.output and "hint:" in run.stderr
    assert len(run.stderr) < 2000


def test_unknown_dialect_is_exit_2_with_a_suggestion(planted: dict[str, Path]) -> None:
    for args in (
        [
            "scan",
            "--source",
            f"duckdb://{planted['db']}",
            "--grants",
            str(planted["grants"]),
            "--dialect",
            "klingon",
        ],
        [
            "scan",
            "--source",
            f"duckdb://{planted['db']}",
            "--grants",
            str(planted["grants"]),
            "--dialect",
            "hivee",
        ],
        ["gate", "--dialect", "klingon", str(planted["grants"])],
    ):
        run = run_exposure(args)
        assert run.code == 2, run.output
        assert "unknown SQL dialect" in run.stderr and "Traceback" not in run.output and "hint:" in run.stderr
    assert "did you mean hive?" in run_exposure([*args[:-3], "--dialect", "hivee", args[-1]]).stderr


# --- git ---------------------------------------------------------------------------------------


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    for args in (
        ["init", "-q", "-b", "main"],
        ["config", "user.email", "ci@x"],
        ["config", "user.name", "ci"],
    ):
        subprocess.run(["git", *args], cwd=repo, check=True)
    (repo / "a.sql").write_text("CREATE TABLE hr.x (ssn STRING);\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "x"], cwd=repo, check=True)
    return repo


@pytest.mark.parametrize(
    "spec", ["--output={target}..HEAD", "HEAD..--output={target}", "-p..HEAD", "HEAD..HEAD~1 -p"]
)
def test_git_diff_passes_no_option_to_git(tmp_path: Path, spec: str) -> None:
    repo = _repo(tmp_path)
    target = tmp_path / "victim.txt"
    target.write_text("keep me")
    run = run_exposure(["gate", "--git-diff", spec.format(target=target)], cwd=repo)
    assert run.code == 2, run.output
    assert target.read_text() == "keep me"
    assert "is not a revision" in run.stderr and "Traceback" not in run.output


def test_git_diff_still_takes_ordinary_revisions(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    with (repo / "a.sql").open("a") as f:
        f.write("CREATE TABLE hr.y (tax_ssn STRING);\n")
    subprocess.run(["git", "commit", "-q", "-am", "y"], cwd=repo, check=True)
    for spec in ("HEAD~1..HEAD", "main~1...main", "HEAD^..HEAD"):
        run = run_exposure(["gate", "--git-diff", spec, "--format", "json"], cwd=repo)
        assert run.code == 1, (spec, run.output)
    unknown = run_exposure(["gate", "--git-diff", "nope..HEAD"], cwd=repo)
    assert unknown.code == 2 and "does not know 'nope'" in unknown.stderr


# --- the state store ---------------------------------------------------------------------------


def test_a_symlinked_state_path_takes_the_same_lock(tmp_path: Path) -> None:
    real = tmp_path / "state.db"
    link = tmp_path / "elsewhere" / "link.db"
    link.parent.mkdir()
    holder = StateStore(real, "w")
    try:
        link.symlink_to(real)
        with pytest.raises(StateLocked):
            StateStore(link, "w")
    finally:
        holder.close()
    StateStore(link, "w").close()  # free again once the holder is gone


def test_an_empty_state_store_is_refused_not_silently_reset(planted: dict[str, Path]) -> None:
    state = planted["dir"] / "state.db"
    state.write_bytes(b"")
    args = ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]),
            "--out", str(planted["out"]), "--state", str(state), "-q"]  # fmt: skip
    run = run_exposure(args)
    assert run.code == 2, run.output
    assert f"{state}:" in run.stderr and "--reset-state" in run.stderr and "Traceback" not in run.output
    assert state.stat().st_size == 0  # untouched
    fresh = run_exposure([*args, "--reset-state"])
    assert fresh.code == 1, fresh.output
    assert ("people.tax_records", ("EXP001", "EXP002")) in finding_keys(load_findings(planted["out"]))
    assert sqlite3.connect(state).execute("SELECT count(*) FROM runs").fetchone() == (1,)


def test_a_corrupt_state_store_is_refused(planted: dict[str, Path]) -> None:
    state = planted["dir"] / "state.db"
    args = ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]),
            "--out", str(planted["out"]), "--state", str(state), "-q"]  # fmt: skip
    assert run_exposure(args).code == 1
    data = bytearray(state.read_bytes())
    page = 4096
    assert len(data) > 2 * page
    data[page + 8 : 2 * page] = os.urandom(page - 8)  # garble a b-tree page, keep the header
    state.write_bytes(bytes(data))
    run = run_exposure(args)
    assert run.code == 2, run.output
    assert "corrupt" in run.stderr or "not a state store" in run.stderr
    assert "--reset-state" in run.stderr and "Traceback" not in run.output


def test_a_new_store_is_never_left_empty(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "s.db", "w")
    store.close()
    assert (tmp_path / "s.db").stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".new")] == []


def test_state_on_a_directory_is_exit_2(tmp_path: Path) -> None:
    with pytest.raises(ExposureError):
        StateStore(tmp_path, "w")


def test_state_under_a_file_is_exit_2_not_a_traceback(planted: dict[str, Path]) -> None:
    blocker = planted["dir"] / "not-a-dir"
    blocker.write_text("x")
    run = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]),
         "--out", str(planted["out"]), "--state", str(blocker / "state.db")]
    )  # fmt: skip
    assert run.code == 2, run.output
    assert "cannot use the state store" in run.stderr and "Traceback" not in run.output
