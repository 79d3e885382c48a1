"""Who can read a table through Apache Ranger policies, Hive grants and role chains.

tests/ranger/hive-export.json follows Ranger's export format (`/service/plugins/policies/exportJson`):
empty fields omitted, wildcards, `isExcludes`, deny items with exceptions, an override priority,
`isDenyAllElse`, a disabled policy, a data mask, a row filter and the stock audit policy that lists
`public` with no accesses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scanner.errors import GrantsError
from scanner.evaluate import AccessModel, AccessPolicy, path_covers
from scanner.grants import grants_kind, merge_grant_sets, read_grants
from scanner.models import Breadth, Column, GrantSet, Principal, PrincipalType, Table
from scanner.ranger import Identity, RangerEvaluator, parse_policies
from scanner.rules import load_rulebook

EXPORT = Path(__file__).parent / "ranger" / "hive-export.json"
ALL_EMPLOYEES = Principal(PrincipalType.GROUP, "all_employees")


def _table(fqn: str, *columns: str, owner: str | None = "etl") -> Table:
    db, name = fqn.split(".")
    return Table(db, name, tuple(Column(c, "string", None, i) for i, c in enumerate(columns)), owner=owner)


def _model(grant_set: GrantSet) -> AccessModel:
    policy = AccessPolicy.from_rules(load_rulebook().exposure, everyone=[ALL_EMPLOYEES])
    return AccessModel(grant_set, policy)


@pytest.fixture(scope="module")
def ranger() -> AccessModel:
    return _model(read_grants([EXPORT]))


def _readers(model: AccessModel, table: Table) -> dict[str, list[str]]:
    access = model.table_access(table)
    out: dict[str, list[str]] = {}
    for path in access.paths:
        out.setdefault(str(path.reader), []).append(path.describe())
    return out


def test_export_file_is_recognised_and_read() -> None:
    assert grants_kind(EXPORT) == "ranger"
    grant_set = read_grants([EXPORT])
    assert grant_set.known
    assert {p.id for p in grant_set.ranger_policies} >= {1, 2, 17, 21, 30, 31, 41, 42}


# --- acceptance: readable only through ... is reported with the correct path -------------------


def test_wildcard_policy_path(ranger: AccessModel) -> None:
    table = _table("mci.keystroke_events", "user_id", "keystrokes")
    access = ranger.table_access(table)
    assert access.breadth is Breadth.EVERYONE
    [path] = [p for p in access.paths if p.reader == ALL_EMPLOYEES]
    assert path.describe().startswith(
        'group all_employees ← Ranger policy 17 "analytics-read" on db=mci, table=*, column=* allow item 1'
    )


def test_deny_excepted_group_is_the_only_reader(ranger: AccessModel) -> None:
    table = _table("hr.salaries", "employee", "salary")
    readers = _readers(ranger, table)
    # the deny on public reaches policy 1's admin users too: only the excepted analysts remain
    assert set(readers) == {"group comp_analysts"}
    assert 'Ranger policy 21 "hr-salaries-lockdown"' in readers["group comp_analysts"][0]
    assert ranger.table_access(table).breadth is Breadth.TEAM


def test_database_level_grant_path() -> None:
    model = _model(_sql_grants("GRANT SELECT ON DATABASE hr TO GROUP all_employees;"))
    [path] = model.table_access(_table("hr.people", "ssn")).paths
    assert path.describe().startswith("group all_employees ← GRANT SELECT ON DATABASE hr")
    assert path.breadth is Breadth.EVERYONE


def test_role_granted_to_role_granted_to_public() -> None:
    model = _model(
        _sql_grants(
            "CREATE ROLE analysts; CREATE ROLE readers;\n"
            "GRANT SELECT ON TABLE hr.people TO ROLE analysts;\n"
            "GRANT ROLE analysts TO ROLE readers;\n"
            "GRANT ROLE readers TO ROLE public;\n"
        )
    )
    access = model.table_access(_table("hr.people", "ssn"))
    assert access.breadth is Breadth.EVERYONE
    broad = [p for p in access.paths if p.breadth is Breadth.EVERYONE]
    assert [p.describe().split(" ← GRANT")[0] for p in broad] == [
        "role public ← role readers ← role analysts"
    ]


def test_column_level_grant_covers_only_its_columns() -> None:
    model = _model(_sql_grants("GRANT SELECT (ssn) ON TABLE hr.people TO ROLE public;"))
    [path] = model.table_access(_table("hr.people", "ssn", "team")).paths
    assert path_covers(path, "ssn") and not path_covers(path, "team")
    assert "GRANT SELECT(ssn) ON TABLE hr.people" in path.describe()


# --- acceptance: not broadly readable when the broad policy is ... -----------------------------


def test_disabled_policy_grants_nothing(ranger: AccessModel) -> None:
    access = ranger.table_access(_table("finance.ledger", "iban"))
    assert access.breadth is not Breadth.EVERYONE
    assert set(_readers(ranger, _table("finance.ledger", "iban"))) == {"user hive", "user admin"}


def test_excluded_table_is_not_covered(ranger: AccessModel) -> None:
    assert ranger.table_access(_table("people.contacts", "email")).breadth is Breadth.EVERYONE
    excluded = ranger.table_access(_table("people.medical_notes", "note"))
    assert excluded.breadth is not Breadth.EVERYONE


def test_deny_beats_allow(ranger: AccessModel) -> None:
    assert ranger.table_access(_table("chat.dm_log", "message_text")).breadth is Breadth.EVERYONE
    held = ranger.table_access(_table("chat.dm_legal_hold", "message_text"))
    assert held.breadth is not Breadth.EVERYONE


def test_mask_protects_the_column_from_everyone_it_covers(ranger: AccessModel) -> None:
    table = _table("tax.returns", "ssn", "filing_status")
    access = ranger.table_access(table)
    everyone = [p for p in access.paths if p.breadth is Breadth.EVERYONE]
    assert everyone and all(not path_covers(p, "ssn") for p in everyone)
    assert all(path_covers(p, "filing_status") for p in everyone)
    text = everyone[0].describe()
    assert "masked by Ranger: ssn" in text and "rows filtered by Ranger policy 42" in text


def test_override_allow_beats_normal_deny_and_deny_all_else(ranger: AccessModel) -> None:
    assert "group sre" in _readers(ranger, _table("ops.oncall", "message_text"))
    assert ranger.table_access(_table("ops.oncall", "message_text")).breadth is not Breadth.EVERYONE
    reviews = _readers(ranger, _table("hr.reviews", "review_text"))
    assert "group managers" in reviews and "group public" not in reviews


def test_mask_applies_to_hive_grant_paths_too() -> None:
    # A Hive GRANT to role public reads through Ranger's masks like any other query.
    policies = read_grants([EXPORT]).ranger_policies
    grant_set = merge_grant_sets(
        [_sql_grants("GRANT SELECT ON TABLE tax.returns TO ROLE public;"), GrantSet(ranger_policies=policies)]
    )
    access = _model(grant_set).table_access(_table("tax.returns", "ssn", "filing_status"))
    hive_path = next(p for p in access.paths if p.grant.ranger is None)
    assert hive_path.masked_columns == ("ssn",)
    assert not path_covers(hive_path, "ssn")


def test_audit_policy_with_no_accesses_grants_nothing() -> None:
    [audit] = [p for p in read_grants([EXPORT]).ranger_policies if p.id == 2]
    model = _model(GrantSet(sources=("x",), ranger_policies=(audit,)))
    assert model.table_access(_table("any.table", "ssn")).paths == ()


def test_a_user_decision_honours_deny_and_exceptions() -> None:
    evaluator = RangerEvaluator(read_grants([EXPORT]).ranger_policies)
    table = _table("hr.salaries", "salary")
    assert evaluator.can_read(table, Identity(user="dana", groups=frozenset({"comp_analysts"})))
    assert not evaluator.can_read(table, Identity(user="eve", groups=frozenset({"all_employees"})))
    # hive is in public: the deny applies to it as well (deny beats allow at one priority)
    assert not evaluator.can_read(table, Identity(user="hive"))


# --- malformed input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('{"policies": [\n  {"id": 1, "name": "x",\n', "malformed Ranger JSON", 3),
        ('{"policies": {"id": 1}}', "expected a list of policies", 1),
        (
            '{"policies": [\n {"id": 7,\n  "resources": {"database": "hr"}}]}',
            "policy 7: resources.database",
            2,
        ),
        (
            '{"policies": [\n {"id": 8, "policyItems": [{"accesses": "select"}]}]}',
            "policy 8: policyItems[0]",
            2,
        ),
    ],
)
def test_malformed_ranger_json_is_a_clear_error(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = tmp_path / "ranger.json"
    path.write_text(text)
    with pytest.raises(GrantsError) as err:
        read_grants([path])
    assert message in err.value.message
    assert err.value.line == line


def test_rest_page_shape_parses_like_the_export() -> None:
    data = json.loads(EXPORT.read_text())
    assert [p.id for p in parse_policies(data["policies"], "rest")] == [p["id"] for p in data["policies"]]


def _sql_grants(sql: str) -> GrantSet:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "grants.sql"
        path.write_text(sql)
        return merge_grant_sets([read_grants([path])])
