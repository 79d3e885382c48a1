"""`exposure access --user U --group G --role R`: what one person sees of each column (raw, masked
and by which policy, or denied and by what) and which row filter applies to them.

tests/ranger/mask-filter-export.json renders, in Ranger's export format, the policies of Apache
Ranger's own engine test (agents-common/src/test/resources/policyengine/
test_policyengine_hive_mask_filter.json): user1 and user2 are named in an allow item together
with group public, and Ranger expects `location='US'` as user1's row filter from policy 201 and a
MASK on ssn from policy 101.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from scanner.evaluate import AccessModel, AccessPolicy, user_access
from scanner.grants import merge_grant_sets, read_grants
from scanner.models import Column, Table
from scanner.rules import load_rulebook
from tests.conftest import run_exposure

EXPORT = Path(__file__).parent / "ranger" / "mask-filter-export.json"
PERSONAL = Table(
    "employee",
    "personal",
    tuple(Column(c, "string", None, i) for i, c in enumerate(("ssn", "name", "location"))),
)


def _model(*extra: Path) -> AccessModel:
    grant_set = merge_grant_sets([read_grants([EXPORT, *extra])])
    return AccessModel(grant_set, AccessPolicy.from_rules(load_rulebook().exposure))


def test_a_user_named_with_group_public_gets_their_own_filter_and_mask() -> None:
    person = user_access(_model(), PERSONAL, "user1", [])
    assert person.can_read
    assert person.row_filter is not None
    assert (person.row_filter.expression, person.row_filter.policy.id) == ("location='US'", 201)
    columns = {c.column: c for c in person.columns}
    ssn = columns["ssn"]
    assert ssn.readable and not ssn.raw and ssn.mask is not None
    assert (ssn.mask.mask_type, ssn.mask.policy.id) == ("MASK", 101)
    assert columns["name"].raw and columns["location"].raw
    assert any("Ranger policy 1 " in why for why in ssn.paths)


def test_another_user_in_the_same_item_gets_theirs() -> None:
    person = user_access(_model(), PERSONAL, "user2", [])
    assert person.row_filter is not None and person.row_filter.expression == "location='CA'"
    ssn = next(c for c in person.columns if c.column == "ssn")
    assert ssn.mask is not None and ssn.mask.mask_type == "MASK_HASH"


@pytest.mark.parametrize(("user", "groups"), [("user3", []), ("user5", ["group3"])])
def test_everyone_else_reads_through_public_unfiltered_and_unmasked(user: str, groups: list[str]) -> None:
    person = user_access(_model(), PERSONAL, user, groups)
    assert person.can_read and person.row_filter is None
    assert all(c.raw for c in person.columns)


def test_user_names_are_case_sensitive_for_ranger_items() -> None:
    person = user_access(_model(), PERSONAL, "User1", [])
    assert person.row_filter is None and all(c.raw for c in person.columns)


def test_a_denial_names_the_deciding_policy() -> None:
    payroll = Table("payroll", "salaries", (Column("salary", "string"),))
    person = user_access(_model(), payroll, "user2", [])
    assert not person.can_read
    [column] = person.columns
    assert column.denied_by is not None
    assert 'Ranger policy 300 "payroll lockdown"' in column.denied_by and "deny item 1" in column.denied_by


def test_a_denial_says_when_no_policy_matched(tmp_path: Path) -> None:
    only_hive = tmp_path / "g.sql"
    only_hive.write_text("GRANT SELECT (name) ON TABLE hr.people TO GROUP hr;\n")
    model = AccessModel(read_grants([only_hive]), AccessPolicy.from_rules(load_rulebook().exposure))
    table = Table("hr", "people", (Column("ssn", "string"), Column("name", "string", position=1)))
    person = user_access(model, table, "bob", ["hr"])
    columns = {c.column: c for c in person.columns}
    assert columns["name"].readable and not columns["ssn"].readable
    assert columns["ssn"].denied_by == "no grant covers it"


def test_roles_given_with_role_are_followed_up_the_graph(tmp_path: Path) -> None:
    grants = tmp_path / "g.sql"
    grants.write_text(
        "GRANT SELECT ON TABLE hr.people TO ROLE analysts;\nGRANT ROLE analysts TO ROLE Team_Leads;\n"
    )
    model = AccessModel(read_grants([grants]), AccessPolicy.from_rules(load_rulebook().exposure))
    table = Table("hr", "people", (Column("ssn", "string"),))
    assert not user_access(model, table, "bob", []).can_read
    person = user_access(model, table, "bob", [], ["team_leads"])
    [column] = person.columns
    assert column.readable
    assert column.paths[0].startswith("role team_leads ← role analysts ← GRANT SELECT ON TABLE hr.people")


def test_access_json_reports_mask_policy_and_row_filter_per_user(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    con = duckdb.connect(str(warehouse))
    con.execute(
        "CREATE SCHEMA employee; CREATE TABLE employee.personal (ssn VARCHAR, name VARCHAR, location VARCHAR)"
    )
    con.close()
    common = ["access", "employee.personal", "--source", f"duckdb://{warehouse}", "--grants", str(EXPORT)]
    run = run_exposure([*common, "--user", "user1", "--format", "json"])
    assert run.code == 0, run.output
    person = json.loads(run.stdout)["user"]
    assert person["row_filter"] == {
        "expression": "location='US'",
        "policy_id": 201,
        "policy_name": "filter employee.personal",
    }
    assert (
        person["columns"]["ssn"]["mask_type"] == "MASK" and person["columns"]["ssn"]["mask_policy_id"] == 101
    )
    assert person["columns"]["name"]["raw"] is True and person["columns"]["name"]["mask_type"] is None
    text = run_exposure([*common, "--user", "user1", "--role", "auditors"])
    assert text.code == 0, text.output
    assert "rows filtered by Ranger policy 201" in text.stdout and "location='US'" in text.stdout
    assert "ssn: masked MASK by Ranger policy 101" in text.stdout
    assert "roles auditors" in text.stdout


def test_role_without_user_is_a_usage_error() -> None:
    run = run_exposure(["access", "a.b", "--role", "x"])
    assert run.code == 2 and "--role need --user" in run.output


def test_tables_whose_dotted_names_collide_are_told_apart(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    con = duckdb.connect(str(warehouse))
    con.execute('CREATE SCHEMA a; CREATE TABLE a."b.c" (ssn VARCHAR)')
    con.execute('CREATE SCHEMA "a.b"; CREATE TABLE "a.b".c (note VARCHAR)')
    con.close()
    grants = tmp_path / "g.yaml"
    grants.write_text("version: 1\ngrants:\n  - {database: a, table: b.c, to: role public}\n")
    common = ["--source", f"duckdb://{warehouse}", "--grants", str(grants), "--format", "json"]
    ambiguous = run_exposure(["access", "a.b.c", *common])
    assert ambiguous.code == 2 and "names 2 tables" in ambiguous.stderr
    exposed = run_exposure(["access", "a.`b.c`", *common])
    assert exposed.code == 0, exposed.output
    assert json.loads(exposed.stdout)["readers"]["breadth"] == "everyone"
    other = run_exposure(["access", "`a.b`.c", *common])
    assert other.code == 0, other.output
    assert json.loads(other.stdout)["readers"]["breadth"] == "owner"
