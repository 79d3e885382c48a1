"""Grants files: every principal kind, role chains, REVOKE, USE, and errors with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.errors import GrantsError
from scanner.grants import grants_kind, read_grants
from scanner.models import Principal, PrincipalType
from tests.conftest import shared


def _read(tmp_path: Path, sql: str, name: str = "grants.sql") -> tuple[Path, object]:
    path = tmp_path / name
    path.write_text(sql)
    return path, read_grants([path])


def test_every_principal_kind_and_level(tmp_path: Path) -> None:
    sql = """-- header comment
GRANT SELECT ON TABLE mci.keystrokes TO ROLE public;
GRANT SELECT ON mci.screens TO GROUP all_employees;
GRANT SELECT, INSERT ON TABLE mci.prompts TO USER alice, GROUP analysts;
GRANT ALL ON DATABASE hr TO ROLE hr_admins WITH GRANT OPTION;
GRANT SELECT (ssn, name) ON TABLE hr.people TO USER bob;
"""
    path = tmp_path / "g.sql"
    path.write_text(sql)
    gs = read_grants([path])
    got = {
        (g.principal.type.value, g.principal.name, g.privilege, g.object_name, g.columns) for g in gs.grants
    }
    assert got == {
        ("ROLE", "public", "SELECT", "mci.keystrokes", ()),
        ("GROUP", "all_employees", "SELECT", "mci.screens", ()),
        ("USER", "alice", "SELECT", "mci.prompts", ()),
        ("USER", "alice", "INSERT", "mci.prompts", ()),
        ("GROUP", "analysts", "SELECT", "mci.prompts", ()),
        ("GROUP", "analysts", "INSERT", "mci.prompts", ()),
        ("ROLE", "hr_admins", "ALL", "hr", ()),
        ("USER", "bob", "SELECT", "hr.people", ("ssn", "name")),
    }
    lines = {(g.principal.name, g.source.line if g.source else None) for g in gs.grants}
    assert ("public", 2) in lines and ("alice", 4) in lines and ("bob", 6) in lines
    assert next(g for g in gs.grants if g.principal.name == "hr_admins").grant_option


def test_user_grant_is_not_lost_in_sqlglot_command_fallback(tmp_path: Path) -> None:
    path = tmp_path / "g.sql"
    path.write_text("GRANT SELECT ON TABLE `db`.`t` TO USER `carol`;\n")
    gs = read_grants([path])
    assert [(g.principal, g.database, g.table) for g in gs.grants] == [
        (Principal(PrincipalType.USER, "carol"), "db", "t")
    ]


def test_role_memberships_and_revokes(tmp_path: Path) -> None:
    path = tmp_path / "g.sql"
    path.write_text(
        "GRANT ROLE analysts, viewers TO ROLE public;\n"
        "GRANT ROLE analysts TO USER dana WITH ADMIN OPTION;\n"
        "REVOKE ROLE viewers FROM ROLE public;\n"
        "GRANT SELECT ON TABLE a.t TO ROLE analysts;\n"
        "GRANT SELECT ON TABLE a.u TO USER erin;\n"
        "REVOKE SELECT ON TABLE a.u FROM USER erin;\n"
    )
    gs = read_grants([path])
    assert {(m.role, str(m.member)) for m in gs.memberships} == {
        ("analysts", "role public"),
        ("analysts", "user dana"),
    }
    assert [g.object_name for g in gs.grants] == ["a.t"]


def test_use_sets_the_database_of_unqualified_tables(tmp_path: Path) -> None:
    path = tmp_path / "g.sql"
    path.write_text("USE payments;\nGRANT SELECT ON TABLE cards TO ROLE public;\n")
    assert [g.object_name for g in read_grants([path]).grants] == ["payments.cards"]


@pytest.mark.parametrize(
    ("statement", "hint"),
    [
        ("INSERT INTO a.t VALUES (1)", "a grants file holds"),
        ("GRANTT SELECT ON TABLE a.t TO ROLE public", "did you mean GRANT?"),
        ("REVOKEE SELECT ON TABLE a.t FROM ROLE public", "did you mean REVOKE?"),
        ("CREATE TABLE a.t (x INT)", "a grants file holds"),
        ("SET hive.security.authorization.enabled=true", "a grants file holds"),
    ],
)
def test_a_statement_that_is_not_a_grant_is_an_error(tmp_path: Path, statement: str, hint: str) -> None:
    path = tmp_path / "g.sql"
    path.write_text(f"CREATE ROLE x;\nSET ROLE admin;\n{statement};\nGRANT SELECT ON TABLE a.t TO ROLE x;\n")
    with pytest.raises(GrantsError) as info:
        read_grants([path])
    assert (info.value.file, info.value.line) == (str(path), 3)
    assert "is not a grant statement" in info.value.message
    assert hint in (info.value.hint or "")


@pytest.mark.parametrize(
    ("sql", "line"),
    [
        ("GRANT SELECT ON TABLE a.t TO ROLE public;\nGRANT SELECT ON TABLE a.t TO ROLE;\n", 2),
        ("\n\nGRANT SELEC ON TABLE a.t TO ROLE public\n", 3),
        ("GRANT ROLE r TO;\n", 1),
        ("GRANT SELECT ON TABLE a.t TO ROLE 'unterminated;\n", 1),
    ],
)
def test_unparsable_grant_names_file_and_line(tmp_path: Path, sql: str, line: int) -> None:
    path = tmp_path / "bad.sql"
    path.write_text(sql)
    with pytest.raises(GrantsError) as info:
        read_grants([path])
    assert info.value.file == str(path)
    assert info.value.line == line
    assert info.value.hint


def test_yaml_grants(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        "version: 1\n"
        "grants:\n"
        "  - {object: hr.reviews, to: group all_employees}\n"
        "  - object: hr\n"
        "    to: {type: ROLE, name: hr_team}\n"
        "    privileges: [SELECT, INSERT]\n"
        "roles:\n"
        "  - {role: hr_team, members: ['user frank']}\n"
    )
    gs = read_grants([path])
    assert {(str(g.principal), g.privilege, g.object_name) for g in gs.grants} == {
        ("group all_employees", "SELECT", "hr.reviews"),
        ("role hr_team", "SELECT", "hr"),
        ("role hr_team", "INSERT", "hr"),
    }
    assert [(m.role, str(m.member)) for m in gs.memberships] == [("hr_team", "user frank")]
    assert gs.grants[0].source is not None and gs.grants[0].source.line == 3


def test_yaml_grants_error_points_at_line(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("version: 1\ngrants:\n  - object: hr.reviews\n    too: group x\n")
    with pytest.raises(GrantsError) as info:
        read_grants([path])
    assert info.value.line == 4
    assert info.value.hint == "did you mean 'to'?"


def test_kind_is_recognised_by_content_not_name(tmp_path: Path) -> None:
    sql = tmp_path / "grants.yaml"
    sql.write_text("-- x\nGRANT SELECT ON TABLE a.b TO ROLE public;")
    yml = tmp_path / "grants.sql"
    yml.write_text("# our grants\nversion: 1\n")
    as_json = tmp_path / "grants.hql"
    as_json.write_text('{"version": 1, "grants": []}')
    ranger = tmp_path / "policies.sql"
    ranger.write_text('{"policies": []}')
    assert grants_kind(sql) == "sql" and grants_kind(yml) == "yaml"
    assert grants_kind(as_json) == "yaml" and grants_kind(ranger) == "ranger"


def test_hive_authorization_corpus_grants_are_read(tmp_path: Path) -> None:
    """Real GRANT statements from Apache Hive's own tests: TO USER grants must all survive."""
    corpus = shared("data", "hive-ddl")
    statements = []
    for q in sorted(corpus.glob("authorization_*.q")):
        for raw in q.read_text().split(";"):
            text = " ".join(line for line in raw.splitlines() if not line.strip().startswith("--")).strip()
            upper = text.upper()
            if upper.startswith("GRANT ") and " TO USER " in upper and " ON " in upper and "${" not in text:
                statements.append(text)
    assert len(statements) >= 50
    # Read one by one: together, a repeated grant is held once, as Hive holds it.
    for number, statement in enumerate(statements):
        path = tmp_path / f"corpus-{number}.sql"
        path.write_text(statement + ";\n")
        gs = read_grants([path])
        users = [g for g in gs.grants if g.principal.type is PrincipalType.USER]
        on_uri = [w for w in gs.warnings if "ignored grant on URI" in w]
        assert users or (on_uri and " ON URI " in statement.upper()), statement


def test_a_statement_quoted_across_lines_is_reported_on_one_line(tmp_path: Path) -> None:
    # found by the fuzz suite: a quoted name spanning lines leaked a newline into the message
    path = tmp_path / "g.sql"
    path.write_text("'&a version: 1\n'grants: x;\n")
    with pytest.raises(GrantsError) as info:
        read_grants([path])
    assert "\n" not in info.value.message and info.value.line == 1
