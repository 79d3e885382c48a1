"""Hive's privilege model, rule by rule (docs/grants.md gives the Hive source of each): table and
column privileges apart, GRANT OPTION and ADMIN OPTION revocation, case rules, statement order
across files, revokes of what was never granted, DROP ROLE, and the role graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.errors import GrantsError
from scanner.evaluate import AccessModel, AccessPolicy, path_covers, role_cycle_warnings
from scanner.grants import read_grants
from scanner.models import (
    Breadth,
    Column,
    GrantSet,
    Principal,
    PrincipalType,
    RoleMembership,
    Table,
    table_key,
)
from scanner.rules import load_rulebook
from tests.conftest import finding_keys, load_findings, run_exposure

PUBLIC = Principal(PrincipalType.ROLE, "public")


def _grants(tmp_path: Path, *scripts: str) -> GrantSet:
    paths = []
    for number, text in enumerate(scripts, 1):
        path = tmp_path / f"g{number}.sql"
        path.write_text(text)
        paths.append(path)
    return read_grants(paths)


def _held(gs: GrantSet) -> set[tuple[str, str, str, tuple[str, ...], bool]]:
    return {(str(g.principal), g.privilege, g.object_name, g.columns, g.grant_option) for g in gs.grants}


def _model(gs: GrantSet) -> AccessModel:
    return AccessModel(gs, AccessPolicy.from_rules(load_rulebook().exposure))


def _table(fqn: str, *columns: str) -> Table:
    db, name = fqn.split(".")
    return Table(db, name, tuple(Column(c, "string", None, i) for i, c in enumerate(columns)))


def test_revoke_grant_option_keeps_the_privilege(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT SELECT ON TABLE hr.people TO ROLE analysts WITH GRANT OPTION;\n"
        "REVOKE GRANT OPTION FOR SELECT ON TABLE hr.people FROM ROLE analysts;\n",
    )
    assert _held(gs) == {("role analysts", "SELECT", "hr.people", (), False)}
    assert _model(gs).table_access(_table("hr.people", "ssn")).breadth is Breadth.TEAM


def test_revoke_grant_option_of_a_grant_without_it_is_a_warning(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT SELECT ON TABLE hr.people TO ROLE analysts;\n"
        "REVOKE GRANT OPTION FOR SELECT ON TABLE hr.people FROM ROLE analysts;\n",
    )
    assert _held(gs) == {("role analysts", "SELECT", "hr.people", (), False)}
    assert any(":2: REVOKE GRANT OPTION FOR SELECT" in w and "no such grant option" in w for w in gs.warnings)


def test_revoke_admin_option_keeps_the_membership(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT ROLE readers TO USER dana WITH ADMIN OPTION;\n"
        "REVOKE ADMIN OPTION FOR readers FROM USER dana;\n",
    )
    [membership] = gs.memberships
    assert (membership.role, str(membership.member), membership.admin_option) == (
        "readers",
        "user dana",
        False,
    )


def test_column_revoke_does_not_touch_a_table_grant(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT SELECT ON TABLE hr.people TO ROLE public;\n"
        "REVOKE SELECT (ssn) ON TABLE hr.people FROM ROLE public;\n",
    )
    assert _held(gs) == {("role public", "SELECT", "hr.people", (), False)}
    assert any(":2:" in w and "no such grant" in w for w in gs.warnings)
    [path] = _model(gs).table_access(_table("hr.people", "ssn", "team")).paths
    assert path_covers(path, "ssn") and path.breadth is Breadth.EVERYONE


def test_table_revoke_does_not_touch_column_grants(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT SELECT (ssn, name) ON TABLE hr.people TO ROLE public;\n"
        "GRANT SELECT ON TABLE hr.people TO ROLE public;\n"
        "REVOKE SELECT ON TABLE hr.people FROM ROLE public;\n",
    )
    assert _held(gs) == {("role public", "SELECT", "hr.people", ("ssn", "name"), False)}
    [path] = _model(gs).table_access(_table("hr.people", "ssn", "name", "team")).paths
    assert path_covers(path, "ssn") and not path_covers(path, "team")


def test_column_revoke_removes_only_its_columns(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT SELECT (ssn, name) ON TABLE hr.people TO ROLE public;\n"
        "REVOKE SELECT (SSN) ON TABLE HR.People FROM ROLE Public;\n",
    )
    assert _held(gs) == {("role public", "SELECT", "hr.people", ("name",), False)}


@pytest.mark.parametrize(
    "revoke",
    [
        "REVOKE SELECT ON TABLE HR.PEOPLE FROM ROLE ANALYSTS;",
        "REVOKE SELECT ON hr.People FROM ROLE Analysts;",
        "USE HR;\nREVOKE SELECT ON TABLE people FROM ROLE analysts;",
    ],
)
def test_revoke_matches_roles_and_tables_case_insensitively(tmp_path: Path, revoke: str) -> None:
    gs = _grants(tmp_path, f"GRANT SELECT ON TABLE hr.people TO ROLE Analysts;\n{revoke}\n")
    assert gs.grants == () and gs.warnings == ()


def test_revoke_role_matches_role_names_case_insensitively(tmp_path: Path) -> None:
    gs = _grants(tmp_path, "GRANT ROLE Readers TO ROLE PUBLIC;\nREVOKE ROLE READERS FROM ROLE public;\n")
    assert gs.memberships == () and gs.warnings == ()


def test_user_names_stay_case_sensitive(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT SELECT ON TABLE hr.people TO USER Alice;\nREVOKE SELECT ON TABLE hr.people FROM USER alice;\n",
    )
    assert _held(gs) == {("user Alice", "SELECT", "hr.people", (), False)}
    assert any("FROM user alice: no such grant" in w for w in gs.warnings)


def test_a_revoke_in_a_second_file_applies_to_the_first(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT SELECT ON TABLE hr.people TO ROLE public;\nGRANT ROLE readers TO ROLE public;\n",
        "REVOKE SELECT ON TABLE hr.people FROM ROLE public;\nREVOKE ROLE readers FROM ROLE public;\n",
    )
    assert gs.grants == () and gs.memberships == ()
    assert _model(gs).table_access(_table("hr.people", "ssn")).breadth is Breadth.OWNER


def test_revoking_what_was_never_granted_warns_and_keeps_every_other_grant(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT SELECT ON TABLE hr.people TO ROLE public;\n"
        "GRANT SELECT ON DATABASE hr TO GROUP hr_team;\n"
        "REVOKE SELECT ON TABLE hr.reviews FROM ROLE public;\n"
        "REVOKE SELECT ON TABLE hr.people FROM GROUP hr_team;\n"
        "REVOKE ROLE ghosts FROM USER bob;\n",
    )
    assert _held(gs) == {
        ("role public", "SELECT", "hr.people", (), False),
        ("group hr_team", "SELECT", "hr", (), False),
    }
    assert [w.split(": ", 1)[0].rsplit(":", 1)[1] for w in gs.warnings] == ["3", "4", "5"]
    assert all("kept" in w for w in gs.warnings)


def test_revoking_one_privilege_of_all_keeps_the_others(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT ALL ON TABLE hr.people TO ROLE public;\nREVOKE SELECT ON TABLE hr.people FROM ROLE public;\n",
    )
    assert {g.privilege for g in gs.grants} == {"INSERT", "UPDATE", "DELETE"}
    assert _model(gs).table_access(_table("hr.people", "ssn")).breadth is Breadth.OWNER
    everything = _grants(
        tmp_path,
        "GRANT SELECT, INSERT ON TABLE hr.people TO ROLE public;\n"
        "REVOKE ALL ON hr.people FROM ROLE public;\n",
    )
    assert everything.grants == () and everything.warnings == ()


def test_drop_role_takes_its_grants_and_memberships(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "CREATE ROLE readers;\nGRANT SELECT ON DATABASE hr TO ROLE readers;\n"
        "GRANT ROLE readers TO ROLE public;\n"
        "DROP ROLE Readers;\nGRANT SELECT ON TABLE hr.x TO ROLE other;\n",
    )
    assert _held(gs) == {("role other", "SELECT", "hr.x", (), False)} and gs.memberships == ()


def test_role_grant_without_the_role_keyword(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path, "GRANT analysts, viewers TO USER bob, GROUP ops;\nREVOKE viewers FROM GROUP ops;\n"
    )
    assert {(m.role, str(m.member)) for m in gs.memberships} == {
        ("analysts", "user bob"),
        ("viewers", "user bob"),
        ("analysts", "group ops"),
    }


def test_unknown_tables_are_keyed_by_parts_not_dotted_names() -> None:
    # `a."b.c"` and `"a.b".c` share the spelling a.b.c; only the first is unknown.
    gs = GrantSet(sources=("metastore",), unknown_tables=frozenset({table_key("a", "B.c")}))
    model = _model(gs)
    assert model.table_access(Table("a", "b.C", ())).breadth is Breadth.UNKNOWN
    assert model.table_access(Table("a.b", "c", ())).breadth is Breadth.OWNER


# --- the role graph ----------------------------------------------------------------------------


def _diamond(layers: int) -> str:
    """Two roles per layer, each a member of both roles of the layer above; the last layer is in
    public. Every one of the 2^layers chains leads to public."""
    lines = ["GRANT SELECT ON TABLE hr.people TO ROLE l0a;", "GRANT SELECT ON TABLE hr.people TO ROLE l0b;"]
    for layer in range(layers):
        for upper in "ab":
            lines.append(f"GRANT ROLE l{layer}{upper} TO ROLE l{layer + 1}a, ROLE l{layer + 1}b;")
    lines.append(f"GRANT ROLE l{layers}a TO ROLE public;")
    return "\n".join(lines) + "\n"


def test_a_diamond_role_graph_reaches_public(tmp_path: Path) -> None:
    gs = _grants(tmp_path, _diamond(30))
    access = _model(gs).table_access(_table("hr.people", "ssn"))
    assert access.breadth is Breadth.EVERYONE
    everyone = [p for p in access.paths if p.reader == PUBLIC]
    assert len(everyone) == 2  # one path per grant, not one per chain
    assert all(len(p.via_roles) == 31 for p in everyone)


def test_a_chain_of_ten_thousand_roles_reaches_public_without_recursion(tmp_path: Path) -> None:
    depth = 10_000
    script = ["GRANT SELECT ON TABLE hr.people TO ROLE r0;"]
    script += [f"GRANT ROLE r{i} TO ROLE r{i + 1};" for i in range(depth)]
    script.append(f"GRANT ROLE r{depth} TO USER zoe;")
    script.append(f"GRANT ROLE r{depth} TO ROLE public;")
    gs = _grants(tmp_path, "\n".join(script) + "\n")
    access = _model(gs).table_access(_table("hr.people", "ssn"))
    assert access.breadth is Breadth.EVERYONE
    readers = {str(p.reader): p for p in access.paths}
    assert set(readers) == {"role r0", "user zoe", "role public"}
    assert len(readers["role public"].via_roles) == depth + 1
    assert readers["role public"].describe().startswith(f"role public ← role r{depth} ← role r{depth - 1}")


def test_a_role_cycle_is_reported_and_evaluation_ends(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT SELECT ON TABLE hr.people TO ROLE a;\nGRANT ROLE a TO ROLE b;\nGRANT ROLE b TO ROLE c;\n"
        "GRANT ROLE c TO ROLE a;\nGRANT ROLE c TO USER carl;\n",
    )
    model = _model(gs)
    [warning] = model.warnings
    assert (
        "cycle" in warning and "role a → role b" in warning and "role c" in warning and "g1.sql:4" in warning
    )
    readers = {str(p.reader) for p in model.table_access(_table("hr.people", "ssn")).paths}
    assert readers == {"role a", "user carl"}


def test_a_role_granted_to_itself_is_a_cycle() -> None:
    loop = RoleMembership("a", Principal(PrincipalType.ROLE, "A"))
    [warning] = role_cycle_warnings([loop])
    assert "role a → role A" in warning or "role a → role a" in warning


def test_intermediate_roles_are_represented_by_their_members(tmp_path: Path) -> None:
    gs = _grants(
        tmp_path,
        "GRANT SELECT ON TABLE hr.people TO ROLE analysts;\nGRANT ROLE analysts TO ROLE readers;\n"
        "GRANT ROLE readers TO GROUP ops, ROLE lonely;\n",
    )
    readers = {str(p.reader): p.describe() for p in _model(gs).table_access(_table("hr.people", "x")).paths}
    assert set(readers) == {"role analysts", "group ops", "role lonely"}
    assert readers["group ops"].startswith("group ops ← role readers ← role analysts ← GRANT SELECT")


# --- through the command line ----------------------------------------------------------------


def test_yaml_grants_named_sql_are_read_as_yaml(planted: dict[str, Path]) -> None:
    planted["grants"].write_text(
        "version: 1\ngrants:\n  - {object: people.tax_records, to: role public}\n"
        "  - {object: people.contacts, to: group hr}\n"
    )
    run = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]),
         "--out", str(planted["out"]), "--fail-on", "SEV4", "-q"]
    )  # fmt: skip
    assert run.code in (1, 3), run.output
    assert ("people.tax_records", ("EXP001", "EXP002")) in finding_keys(load_findings(planted["out"]))


def test_json_grants_named_sql_are_read_too(planted: dict[str, Path]) -> None:
    planted["grants"].write_text(
        '{"version": 1, "grants": [{"object": "people.tax_records", "to": "role public"}]}'
    )
    gs = read_grants([planted["grants"]])
    assert _held(gs) == {("role public", "SELECT", "people.tax_records", (), False)}


def test_a_grantt_typo_is_exit_2_with_file_and_line(planted: dict[str, Path]) -> None:
    planted["grants"].write_text(
        "GRANT SELECT ON TABLE people.tax_records TO ROLE public;\nGRANTT SELECT ON x TO ROLE y;\n"
    )
    run = run_exposure(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"]), "--out",
         str(planted["out"]), "--fail-on", "SEV1"]
    )  # fmt: skip
    assert run.code == 2, run.output
    assert f"{planted['grants']}:2:" in run.stderr and "did you mean GRANT?" in run.stderr
    assert "Traceback" not in run.output


@pytest.mark.parametrize(
    ("yaml_text", "message", "line"),
    [
        ("version: 1\ngrants:\n  - object: hr.x\n    to: role r\n    privileges: [SELEKT]\n", "SELEKT", 5),
        ("version: 1\ngrants:\n  - {object: 'hr.', to: role r}\n", "is not a database or db.table", 3),
        ("version: 1\ngrants:\n  - {object: 'a.b.c', to: role r}\n", "is not a database or db.table", 3),
        (
            "version: 1\ngrants:\n  - {object: hr.x, to: role r, granted_at: '2027-02-30'}\n",
            "not a real date",
            3,
        ),
    ],
)
def test_yaml_grants_are_checked(tmp_path: Path, yaml_text: str, message: str, line: int) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(yaml_text)
    with pytest.raises(GrantsError) as info:
        read_grants([path])
    assert message in info.value.message and info.value.line == line and info.value.hint
