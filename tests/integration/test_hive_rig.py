"""Scans against a real HiveServer2 (Spark Thrift Server) and Hive's own metastore on PostgreSQL.

The warehouse is created through PyHive; grants are written the way the metastore stores them
(TBL_PRIVS / DB_PRIVS rows, as Hive's SQL-standard authorizer writes them: role public, a group,
a user, a database-level grant). The same grants as SQL GRANT statements feed the HiveServer2-only
scan, because Spark refuses SHOW GRANT.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scanner.config import ScanConfig
from scanner.examples.incident_warehouse import ssn, visa_number
from scanner.models import ScanResult
from scanner.scan import exit_code_for, run_scan
from tests.conftest import load_findings, run_exposure
from tests.integration.conftest import Rig

pytestmark = pytest.mark.integration

DB = "exposure_it"
DB_OPEN = "exposure_it_open"  # readable by everyone through a database-level grant
HOSTILE = "we`ird; col ü名 x"  # backtick, semicolon, space, unicode: the metastore accepts it in columns
ROWS = 40

TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    # name: (database, [(column, type)])
    "people": (DB, [("id", "int"), ("ssn", "string"), ("email", "string"), (HOSTILE, "string")]),
    "payroll": (DB, [("id", "int"), ("card_number", "string"), ("amount", "double")]),
    "notes": (DB, [("id", "int"), ("body", "string")]),
    "team_only": (DB, [("id", "int"), ("employee_ssn", "string")]),
    "chats": (DB_OPEN, [("id", "int"), ("message_text", "string")]),
}
# (database, table or None, principal type, principal) — every one grants SELECT
GRANTS = [
    (DB, "people", "ROLE", "public"),
    (DB, "payroll", "GROUP", "all_staff"),
    (DB, "notes", "ROLE", "public"),
    (DB, "team_only", "USER", "bob"),
    (DB_OPEN, None, "ROLE", "public"),
]
GRANTS_SQL = "\n".join(
    f"GRANT SELECT ON {'TABLE ' + db + '.' + t if t else 'DATABASE ' + db} TO {kind} {who};"
    for db, t, kind, who in GRANTS
)
MESSAGES = [
    "hey, can you cover my on-call shift tomorrow? thanks!",
    "sorry I missed the standup, my kid is sick. can you take notes?",
    "could you help me write a message to my manager about my leave?",
    "thanks! I'll send it over tonight, ok?",
]


def _literal(value: object) -> str:
    if isinstance(value, int | float):
        return str(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def _rows(table: str, rng: random.Random) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for i in range(ROWS):
        if table == "people":
            out.append((i, ssn(rng), f"person{i}@example.com", ssn(rng)))
        elif table == "payroll":
            out.append((i, visa_number(rng, grouped=True), round(rng.uniform(1000, 9000), 2)))
        elif table == "notes":
            out.append((i, f"restock shelf {rng.randint(1, 90)} in aisle {rng.randint(1, 20)}"))
        elif table == "team_only":
            out.append((i, ssn(rng)))
        else:
            out.append((i, rng.choice(MESSAGES)))
    return out


@pytest.fixture(scope="module")
def warehouse(rig: Rig) -> Iterator[Rig]:
    from sqlglot import exp

    rng = random.Random(42)
    conn = rig.hive()
    cursor = conn.cursor()
    for db in (DB, DB_OPEN):
        cursor.execute(f"DROP DATABASE IF EXISTS {db} CASCADE")
        cursor.execute(f"CREATE DATABASE {db}")
    for name, (db, columns) in TABLES.items():
        cols = ", ".join(f"{exp.to_identifier(c, quoted=True).sql('hive')} {t}" for c, t in columns)
        cursor.execute(f"CREATE TABLE {db}.{name} ({cols}) STORED AS PARQUET")
        values = ", ".join("(" + ", ".join(_literal(v) for v in row) + ")" for row in _rows(name, rng))
        cursor.execute(f"INSERT INTO {db}.{name} VALUES {values}")
    cursor.close()
    conn.close()
    _write_metastore_grants(rig)
    yield rig


def _write_metastore_grants(rig: Rig) -> None:
    now = int(time.time())
    with rig.metastore() as pg:
        ids = {
            (db, name): tbl_id
            for tbl_id, db, name in pg.execute(
                'SELECT t."TBL_ID", d."NAME", t."TBL_NAME" FROM "TBLS" t '
                'JOIN "DBS" d ON t."DB_ID" = d."DB_ID"'
            )
        }
        db_ids = dict(pg.execute('SELECT "NAME", "DB_ID" FROM "DBS"').fetchall())
        for db, table, kind, who in GRANTS:
            if table is None:
                pg.execute(
                    'INSERT INTO "DB_PRIVS" ("DB_GRANT_ID", "CREATE_TIME", "DB_ID", "GRANT_OPTION", '
                    '"GRANTOR", "GRANTOR_TYPE", "PRINCIPAL_NAME", "PRINCIPAL_TYPE", "DB_PRIV") '
                    'SELECT COALESCE(MAX("DB_GRANT_ID"), 0) + 1, %s, %s, 0, %s, %s, %s, %s, %s '
                    'FROM "DB_PRIVS"',
                    (now, db_ids[db], "admin", "ROLE", who, kind, "SELECT"),
                )
            else:
                pg.execute(
                    'INSERT INTO "TBL_PRIVS" ("TBL_GRANT_ID", "CREATE_TIME", "GRANT_OPTION", "GRANTOR", '
                    '"GRANTOR_TYPE", "PRINCIPAL_NAME", "PRINCIPAL_TYPE", "TBL_PRIV", "TBL_ID") '
                    'SELECT COALESCE(MAX("TBL_GRANT_ID"), 0) + 1, %s, 0, %s, %s, %s, %s, %s, %s '
                    'FROM "TBL_PRIVS"',
                    (now, "admin", "ROLE", who, kind, "SELECT", ids[(db, table)]),
                )


def _config(**overrides: Any) -> ScanConfig:
    base = ScanConfig(
        include=(f"{DB}.*", f"{DB_OPEN}.*"),
        warehouse="it",
        everyone=(),
        sample_rows=50,
    )
    return base.with_options(**overrides)


def _keys(result: ScanResult) -> set[tuple[str, ...]]:
    """Per table: its facets, the broad readers of its broad-read facet, its severity and its id."""
    return {
        (
            f.table.fqn,
            " ".join(sorted(f.rule_ids)),
            " ".join(sorted(str(p) for x in f.facets if x.rule_id == "EXP001" for p in x.principals)),
            f.severity,
            f.fingerprint,
        )
        for f in result.findings
    }


def _broad_readers(result: ScanResult) -> set[tuple[str, str]]:
    return {
        (f.table.fqn, str(p))
        for f in result.findings
        for x in f.facets
        if x.rule_id == "EXP001"
        for p in x.principals
    }


@pytest.fixture(scope="module")
def scans(warehouse: Rig, tmp_path_factory: pytest.TempPathFactory) -> dict[str, ScanResult]:
    from scanner.models import Principal, PrincipalType

    grants = tmp_path_factory.mktemp("grants") / "grants.sql"
    grants.write_text(GRANTS_SQL + "\n")
    everyone = (Principal(PrincipalType.GROUP, "all_staff"),)
    return {
        "hiveserver2": run_scan(_config(source=warehouse.hive_url, grants=(grants,), everyone=everyone)),
        "metastore": run_scan(_config(source=warehouse.metastore_url, everyone=everyone)),
        "combined": run_scan(
            _config(source=warehouse.metastore_url, sample_source=warehouse.hive_url, everyone=everyone)
        ),
    }


def test_combined_scan_finds_every_planted_exposure(scans: dict[str, ScanResult]) -> None:
    result = scans["combined"]
    assert result.coverage.complete, result.warnings
    assert _broad_readers(result) == {
        (f"{DB}.people", "role public"),
        (f"{DB}.payroll", "group all_staff"),
        (f"{DB_OPEN}.chats", "role public"),
    }
    # notes is public but harmless; team_only is sensitive but only bob reads it
    assert not any(f.table.name in ("notes",) for f in result.findings)
    assert not any(f.table.name == "team_only" and "EXP001" in f.rule_ids for f in result.findings)
    assert exit_code_for(result, "SEV3") == 1


def test_three_modes_give_identical_findings(scans: dict[str, ScanResult]) -> None:
    combined = _keys(scans["combined"])
    assert {rule for k in combined for rule in k[1].split()} == {"EXP001", "EXP002"}
    assert _keys(scans["hiveserver2"]) == combined
    assert _keys(scans["metastore"]) == combined


def test_metastore_alone_says_values_were_not_read(scans: dict[str, ScanResult]) -> None:
    # The same findings, but from names and metadata: values are unknown and coverage partial.
    metastore = scans["metastore"]
    assert metastore.coverage.tables_unreadable == metastore.coverage.tables_total == len(TABLES)
    assert exit_code_for(metastore, "SEV3") == 3
    people = next(f for f in metastore.findings if f.table.name == "people")
    [hygiene] = [x for x in people.facets if x.rule_id == "EXP002"]
    assert "were not read" in hygiene.message


def test_hostile_column_name_is_sampled_and_classified(scans: dict[str, ScanResult]) -> None:
    for mode in ("hiveserver2", "combined"):
        people = next(s for s in scans[mode].tables if s.table.name == "people")
        column = next(c for c in people.columns if c.column.name == HOSTILE)
        assert column.sampled == ROWS
        assert [c.class_id for c in column.classes] == ["us_ssn"], mode


def test_describe_formatted_gives_owner_location_and_types(warehouse: Rig) -> None:
    from scanner.connect import open_source

    connector = open_source(warehouse.hive_url)
    try:
        table = connector.describe(DB, "people")  # type: ignore[attr-defined]
    finally:
        connector.close()
    assert table.owner
    assert table.location and table.location.endswith(f"{DB}.db/people")
    assert [(c.name, c.data_type) for c in table.columns] == TABLES["people"][1]


def test_spark_refuses_show_grant_so_access_is_unknown_and_exit_3(warehouse: Rig, tmp_path: Path) -> None:
    run = run_exposure(
        ["scan", "--source", warehouse.hive_url, "--include", f"{DB}.*", "--out", str(tmp_path / "o"), "-q"]
    )
    assert run.code == 3, run.output
    doc = load_findings(tmp_path / "o")
    assert doc["coverage"]["tables_access_unknown"] == 4
    assert "EXP003" in next(f["rules"] for f in doc["findings"] if f["table"] == f"{DB}.people")
    assert not any("EXP001" in f["rules"] for f in doc["findings"])


def test_wrong_port_is_partial_coverage_with_a_report(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    run = run_exposure(
        [
            "scan",
            "--source",
            f"hive://alice@127.0.0.1:{port}/?connect_timeout=2&retries=1",
            "--out",
            str(tmp_path / "o"),
        ]
    )
    assert run.code == 3, run.output
    assert "cannot connect to HiveServer2" in run.output
    assert "Traceback" not in run.output
    assert (tmp_path / "o" / "findings.json").is_file()
    assert time.monotonic() - started < 60


def test_wrong_metastore_password_is_partial_coverage(warehouse: Rig, tmp_path: Path) -> None:
    wrong = tmp_path / "pw"
    wrong.write_text("not-the-password\n")
    url = warehouse.metastore_url.replace(str(warehouse.password_file), str(wrong))
    run = run_exposure(["scan", "--source", url, "--out", str(tmp_path / "o")])
    assert run.code == 3, run.output
    assert "cannot connect to the metastore" in run.output
    written = "".join(p.read_text() for p in (tmp_path / "o").rglob("*") if p.is_file())
    assert "not-the-password" not in run.output + written
    assert "cannot connect to the metastore" in load_findings(tmp_path / "o")["warnings"][0]


class _Proxy:
    """A TCP relay to HiveServer2 that the test can cut (server gone) or freeze (server hung)."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.mode = "relay"  # relay | refuse | freeze
        self.connections: list[socket.socket] = []
        self.relayed_sessions = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.mode == "refuse":
                client.close()
                continue
            self.connections.append(client)
            if self.mode == "freeze":
                continue  # accept and never answer
            upstream = socket.create_connection(("127.0.0.1", self.target))
            self.connections.append(upstream)
            self.relayed_sessions += 1
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                if self.mode != "relay":
                    break
                sink.sendall(data)
        except OSError:
            pass
        for s in (source, sink):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def cut(self, mode: str) -> None:
        self.mode = mode
        for s in self.connections:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
        self.connections.clear()

    def close(self) -> None:
        self.listener.close()
        self.cut("refuse")


def _scan_through_proxy(rig: Rig, params: str, cut_at: int, mode: str) -> tuple[ScanResult, float]:
    """Scan through a relay that stops relaying (`refuse`: server gone; `freeze`: server hung)
    once `cut_at` tables are done."""
    proxy = _Proxy(rig.hive_port)

    def progress(index: int, total: int, name: str) -> None:
        if index == cut_at:
            proxy.cut(mode)

    url = f"hive://alice@127.0.0.1:{proxy.port}/?{params}"
    try:
        started = time.monotonic()
        # one worker: tables finish in order, so "every table after the cut" is well defined
        result = run_scan(_config(source=url, include=(f"{DB}.*",), workers=1), progress=progress)
        return result, time.monotonic() - started
    finally:
        proxy.close()


def test_server_going_away_mid_scan_reports_each_table_and_exits_3(warehouse: Rig) -> None:
    result, elapsed = _scan_through_proxy(
        warehouse, "connect_timeout=3&query_timeout=20&retries=1", 1, "refuse"
    )
    statuses = {s.table.name: s.status.value for s in result.tables}
    assert len(statuses) == 4
    unreadable = [s for s in result.tables if s.status.value == "unreadable"]
    # the table in flight when the server went away may still finish (the worker holds one more,
    # not yet started); every later one fails
    ordered = [s.status.value for s in result.tables]
    assert len(unreadable) >= 2, statuses
    assert ordered[ordered.index("unreadable") :] == ["unreadable"] * len(unreadable), statuses
    assert all("cannot" in (s.error or "") or "Error" in (s.error or "") for s in unreadable)
    assert exit_code_for(result, "SEV3") == 3
    assert elapsed < 120


def test_hung_server_times_out_instead_of_hanging(warehouse: Rig) -> None:
    result, elapsed = _scan_through_proxy(
        warehouse, "connect_timeout=3&query_timeout=4&retries=0", 1, "freeze"
    )
    statuses = [s.status.value for s in result.tables]
    # all but the tables finished (or in flight) before the hang
    assert statuses.count("unreadable") >= 2, statuses
    assert exit_code_for(result, "SEV3") == 3
    # three tables, each bounded by one query timeout or one connect timeout
    assert elapsed < 4 * (4 + 3) + 15
