"""Data-driven classifier cases: tests/classifiers/<class>.yaml holds values and column names that
must and must not classify, near-misses included."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from scanner.classify import (
    EMPTY_PROFILE,
    ClassEvidence,
    classify_column,
    engine_for,
    profile_values,
    value_protection,
)
from scanner.freetext import TextKind, builtin_model
from scanner.models import Column, Protection
from scanner.rules import load_rulebook
from scanner.textmodel import builtin_text_model

CASES = Path(__file__).parent / "classifiers"
BOOK = load_rulebook()
SPECS = {spec.id: spec for spec in BOOK.classes}


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text())
    return data


SECTIONS = {
    ("values", "match"): "alone",
    ("values", "match_with_name"): "named",
    ("values", "no_match"): "never",
    ("contains", "match"): "contains",
    ("contains", "no_match"): "not_contains",
    ("text", "match"): "text",
    ("text", "no_match"): "not_text",
}


def _value_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        data = _load(path)
        for (section, key), kind in SECTIONS.items():
            for value in (data.get(section) or {}).get(key, []):
                label = f"{path.stem}:{kind}:{value[:40]}"
                cases.append(pytest.param(data["class"], value, kind, id=label))
    return cases


def _evidence(class_id: str, value: str) -> ClassEvidence:
    profile = engine_for(tuple(SPECS.values())).profile([value])
    return profile.classes.get(class_id, ClassEvidence())


def _column_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        data = _load(path)
        for case in data.get("columns", []):
            label = f"{path.stem}:{case['name']}:{case['type']}:{case['expect']}"
            cases.append(pytest.param(data["class"], case, id=label))
    return cases


def test_every_builtin_class_has_a_case_file() -> None:
    assert {p.stem for p in CASES.glob("*.yaml")} == set(SPECS)


@pytest.mark.parametrize(("class_id", "value", "kind"), _value_cases())
def test_value_case(class_id: str, value: str, kind: str) -> None:
    found = _evidence(class_id, value)
    if kind == "alone":
        assert found.validated == 1
    elif kind == "named":
        assert found.validated == 0 and found.bare_validated + found.regrouped == 1
    elif kind == "never":
        assert found.validated == found.bare_validated == found.regrouped == found.contains_values == 0
    elif kind == "contains":
        assert found.contains_values == 1
    elif kind == "not_contains":
        assert found.contains_values == 0 and found.validated == 0
    elif kind == "text":
        assert found.cue_values == 1 or found.validated == 1
    else:
        assert found.cue_values == 0 and found.validated == 0


def _judge_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        for kind, values in (_load(path).get("judge") or {}).items():
            cases += [pytest.param(v, TextKind(kind), id=f"{path.stem}:{kind}:{v[:40]}") for v in values]
    return cases


@pytest.mark.parametrize(("value", "kind"), _judge_cases())
def test_free_text_judgement(value: str, kind: TextKind) -> None:
    assert builtin_model().judge(value) is kind


def _model_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        data = _load(path)
        for kind, values in (data.get("model") or {}).items():
            for value in values:
                label = f"{path.stem}:model:{kind}:{value[:40]}"
                cases.append(pytest.param(data["class"], value, kind == "match", id=label))
    return cases


@pytest.mark.parametrize(("class_id", "value", "claimed"), _model_cases())
def test_text_model_case(class_id: str, value: str, claimed: bool) -> None:
    """The text-model head a class names claims (or not) one value on its own."""
    spec = SPECS[class_id]
    assert spec.model is not None
    model = builtin_text_model()
    votes = model.votes(value)
    assert votes is not None, "too few words for the model to judge"
    assert votes[model.heads.index(spec.model.head)] is claimed, model.probabilities(value)


@pytest.mark.parametrize(("class_id", "case"), _column_cases())
def test_column_name_classifies(class_id: str, case: dict[str, Any]) -> None:
    column = Column(case["name"], case["type"], case.get("comment"))
    assessment = classify_column(column, profile_values([], list(SPECS.values())), list(SPECS.values()))
    found = {c.class_id for c in assessment.classes}
    assert (class_id in found) is case["expect"], found


def test_values_alone_classify_an_unnamed_column() -> None:
    values = ["536-22-1234", "601-11-2222", "145-92-7316", "287-65-1903"] * 10 + ["pending", "n/a"]
    specs = list(SPECS.values())
    assessment = classify_column(Column("notes", "varchar"), profile_values(values, specs), specs)
    ssn = next(c for c in assessment.classes if c.class_id == "us_ssn")
    assert ssn.matched == 40 and ssn.sampled == 41  # "n/a" says no more than NULL
    assert ssn.interval[0] < ssn.confidence < ssn.interval[1] <= 1.0
    assert ssn.masked_example is not None and ssn.masked_example.startswith("***-**-")


def test_repeated_single_value_is_not_corroborated() -> None:
    specs = list(SPECS.values())
    assessment = classify_column(
        Column("notes", "varchar"), profile_values(["536-22-1234"] * 50, specs), specs
    )
    assert "us_ssn" not in {c.class_id for c in assessment.classes}


def test_share_below_threshold_is_not_a_class() -> None:
    specs = list(SPECS.values())
    values = ["536-22-1234", "601-11-2222", "145-92-7316"] + [f"order {i}" for i in range(20)]
    assessment = classify_column(Column("notes", "varchar"), profile_values(values, specs), specs)
    assert "us_ssn" not in {c.class_id for c in assessment.classes}


PROTECTION = _load(Path(__file__).parent / "protection.yaml")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(v, Protection(state), id=f"{state}:{v[:24]}")
        for state, vs in PROTECTION.items()
        for v in vs
    ],
)
def test_value_protection(value: str, expected: Protection) -> None:
    assert value_protection(value) is expected


def test_binary_values_are_not_plaintext() -> None:
    assert value_protection(b"\x00\x01\x02") is Protection.CIPHERTEXT


def test_name_says_ssn_but_values_are_hashed() -> None:
    specs = list(SPECS.values())
    hashed = [f"{i * 7919:064x}" for i in range(30)]
    assessment = classify_column(Column("ssn", "varchar"), profile_values(hashed, specs), specs)
    assert [c.class_id for c in assessment.classes] == ["us_ssn"]
    assert assessment.protection is Protection.HASHED
    assert not assessment.stored_plaintext


def test_property_claiming_encryption_is_contradicted_by_plaintext_values() -> None:
    specs = list(SPECS.values())
    values = ["536-22-1234", "601-11-2222", "145-92-7316", "287-65-1903"]
    assessment = classify_column(
        Column("ssn", "varchar"),
        profile_values(values, specs),
        specs,
        encrypted_by="TBLPROPERTIES orc.encrypt",
    )
    assert assessment.stored_plaintext
    assert any("claims this column is encrypted" in n for n in assessment.notes)


def test_taxonomy_doc_lists_every_class() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "taxonomy.md").read_text()
    missing = [class_id for class_id in SPECS if f"`{class_id}`" not in doc]
    assert missing == []


def _classes(name: str, data_type: str, values: list[str], comment: str | None = None) -> set[str]:
    specs = list(SPECS.values())
    column = Column(name, data_type, comment)
    return {c.class_id for c in classify_column(column, profile_values(values, specs, column), specs).classes}


def test_array_column_is_classified_element_by_element() -> None:
    lists = ['["G56.01", "K21.9"]', '["S93.401A", "I10"]', '["Z79.4"]', '["E03.9", "R10.9"]'] * 8
    assert "icd10_code" in _classes("icd10_codes", "varchar[]", lists)
    ssns = ['["536-22-1234", "601-11-2222"]', '["145-92-7316"]', '["287-65-1903"]'] * 10
    assert "us_ssn" in _classes("previous_ids", "varchar[]", ssns)
    # with other elements beside them, the SSNs are found inside the list, not as its whole value
    mixed = ['["536-22-1234", "hello"]', '["145-92-7316", "x"]', '["287-65-1903", "y"]'] * 10
    column = Column("previous_ids", "varchar[]")
    specs = list(SPECS.values())
    ssn = next(
        c
        for c in classify_column(column, profile_values(mixed, specs, column), specs).classes
        if c.class_id == "us_ssn"
    )
    assert ssn.signals[0].startswith("contains: 30/30")


def test_identifier_values_are_not_searched_as_free_text() -> None:
    # Spaced IBANs hold card-like digit groups; they are IBANs, not text quoting a card number.
    ibans = ["CH22 0577 9272 9907 8597 4", "AT40 1208 5006 7291 9359", "NL05 RABO 4813 8636 82"] * 10
    assert _classes("account", "varchar", ibans) == {"iban"}


def test_specific_class_subsumes_the_broader_one() -> None:
    codes = ["Z00.00", "M25.561", "R53.83", "R10.9", "Z34.90", "R05.9"] * 5
    assert _classes("diagnosis_code", "varchar", codes) == {"icd10_code"}
    assert "medical" in _classes("diagnosis", "varchar", ["Type 2 diabetes, on metformin 500 mg daily"] * 25)


def test_amounts_do_not_refute_a_tax_column_name() -> None:
    amounts = [f"{1000 + i * 37.5:.2f}" for i in range(40)]
    assert _classes("taxable_income", "decimal(12,2)", amounts) == {"tax"}
    # ...but forty plaintext non-SSNs do refute an `ssn` name
    assert "us_ssn" not in _classes("ssn", "varchar", [f"order {i}" for i in range(40)])


def test_blank_cells_count_as_missing() -> None:
    specs = list(SPECS.values())
    column = Column("legacy_notes", "varchar")
    assessment = classify_column(column, profile_values(["", "  ", ""] * 10, specs, column), specs)
    assert assessment.sampled == 0 and assessment.protection is Protection.EMPTY


def test_unknown_subsumed_class_is_a_pack_error(tmp_path: Path) -> None:
    from scanner.errors import RulePackError

    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: extra\nversion: 1\nclasses:\n  - id: payroll_note\n    sensitivity: confidential\n"
        "    names: [payroll note]\n    subsumed_by: [us_sn]\n"
    )
    with pytest.raises(RulePackError) as err:
        load_rulebook([pack])
    assert err.value.line == 4 and "us_ssn" in (err.value.hint or "")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cust_ph_no", ("customer", "ph", "number")),
        ("pt_dx", ("patient", "diagnosis")),
        ("mgrFbTxt", ("manager", "feedback", "text")),
        ("allergies", ("allergy",)),
        ("status", ("status",)),
        ("address", ("address",)),
        ("SOC_SEC_NO", ("social", "security", "number")),
    ],
)
def test_names_are_normalised_before_matching(name: str, expected: tuple[str, ...]) -> None:
    from scanner.rules import tokenize_name

    assert tokenize_name(name) == expected


@pytest.mark.parametrize(
    ("name", "data_type", "values", "expected"),
    [
        # delimited lists are judged element by element
        (
            "x_forwarded_for",
            "string",
            ["192.168.200.75, 10.170.128.231", "157.79.234.87", "21.75.15.107, 8.8.8.8"],
            "ip_address",
        ),
        # national formats of other countries, and MSISDNs without their +
        (
            "telefonnummer",
            "string",
            ["030 194592", "01573 0895909", "030 610262", "089 1234567"],
            "phone_number",
        ),
        ("msisdn", "string", ["27713930885", "918113081917", "447911123456", "14155552671"], "phone_number"),
        # ICD-10-CM codes written without their dot
        ("dx_cd", "string", ["M542", "L400", "E119", "I10", "J45909"], "icd10_code"),
        # a secret inside a JSON column
        (
            "webhook_cfg",
            "json",
            ['{"token": "xoxb-6721777681-7041261709238-Volm42VVNoGobPP7XyvAxA61"}'] * 3,
            "slack_token",
        ),
    ],
)
def test_values_in_common_variants_classify(
    name: str, data_type: str, values: list[str], expected: str
) -> None:
    assert expected in _classes(name, data_type, values * 8)


def test_masked_emails_are_masked_not_plaintext() -> None:
    assert value_protection("a******@alumni.example.edu") is Protection.MASKED
    specs = list(SPECS.values())
    column = Column("eml_redacted", "varchar")
    masked = [f"{c}****@example.com" for c in "abcdefghij"] * 3
    assessment = classify_column(column, profile_values(masked, specs, column), specs)
    assert [c.class_id for c in assessment.classes] == ["email"]
    assert assessment.protection is Protection.MASKED


def test_reference_tables_are_not_medical_records() -> None:
    assert "medical" not in _classes("dx_code_system", "string", ["ICD-9-CM", "ICD-10-CM"] * 15)


def test_digits_of_decimals_never_make_a_card() -> None:
    # ~1 in 10 digit runs after a decimal point passes Luhn; none of them is a card.
    import random

    rng = random.Random(3)
    doubles = [repr(rng.random()) for _ in range(385)]
    assert _classes("score", "varchar", doubles) == set()
    assert _classes("features", "varchar", [f"[{a}, {b}]" for a, b in itertools.pairwise(doubles)]) == set()
    assert "credit_card" not in _classes("amount", "double", [f"4111111111111111.{i}" for i in range(40)])


def test_share_decides_with_its_lower_bound() -> None:
    cards = ["4111111111111111", "5500005555555559", "378282246310005"]
    # one card of one value: the whole sample agrees
    assert "credit_card" in _classes("field_a", "varchar", cards[:1])
    # a few validated cards among many other numbers decide nothing
    others = [f"{7_000_000_000_000 + i * 7919}" for i in range(200)]
    assert "credit_card" not in _classes("field_a", "varchar", cards * 2 + others)


def test_unformatted_ssns_stand_without_a_name_by_likelihood() -> None:
    import random

    from stdnum.us import ssn

    rng = random.Random(5)
    real: list[str] = []
    while len(real) < 60:
        value = f"{rng.randrange(10**9):09d}"
        if ssn.is_valid(value) and value[0] != "9":
            real.append(value)
    specs = list(SPECS.values())
    column = Column("c7", "varchar")
    found = classify_column(column, profile_values(real, specs, column), specs).classes
    ssn_class = next(c for c in found if c.class_id == "us_ssn")
    assert "likelihood test" in ssn_class.signals[0] and "chance" in ssn_class.signals[0]
    # random 9-digit ids: about one in nine fails the SSN rules, so they never all pass
    random_ids = [f"{rng.randrange(10**9):09d}" for _ in range(60)]
    assert "us_ssn" not in _classes("c7", "varchar", random_ids)
    # sequential ids all pass the rules but share their leading digits
    assert "us_ssn" not in _classes("c7", "varchar", [str(512_340_001 + i) for i in range(60)])
    # too few values to tell
    assert "us_ssn" not in _classes("c7", "varchar", real[:10])


def test_bare_random_pass_rates_in_the_packs_are_measured() -> None:
    import random

    rng = random.Random(11)
    for class_id, make in (
        ("us_ssn", lambda: f"{rng.randrange(10**9):09d}"),
        ("us_itin", lambda: f"9{rng.randrange(10**8):08d}"),
    ):
        rule = SPECS[class_id].value
        assert rule is not None and rule.bare_random_pass is not None
        values = [make() for _ in range(20000)]
        measured = sum(rule.validates(v) for v in values) / len(values)
        assert abs(measured - rule.bare_random_pass) < 0.02, (class_id, measured)


def test_huge_cells_are_read_only_up_to_the_cap() -> None:
    specs = list(SPECS.values())
    huge = "lorem ipsum " * (9 * 1024 * 1024) + " SSN 536-22-1234"  # 108 MB
    profile = profile_values([huge], specs)
    assert profile.sampled == 1 and "us_ssn" not in profile.classes
    near = "lorem ipsum " * 100 + " SSN 536-22-1234"
    assert profile_values([near], specs).classes["us_ssn"].contains_values == 1
    assert "us_ssn" not in profile_values([near], specs, max_cell_chars=1000).classes


def test_machine_text_under_a_conversational_name_is_not_conversation() -> None:
    logs = [f"2024-05-01T10:{i % 60:02d}:00Z INFO worker-{i % 4} you can retry batch {i}?" for i in range(40)]
    assert "conversation" not in _classes("message", "varchar", logs)
    chats = [
        "hey, can you cover my shift tomorrow? thanks!",
        "sorry I missed the standup, my kid is sick. can you take notes?",
        "could you help me write a message to my manager about my leave?",
        "thanks! I'll send it over tonight, ok?",
    ] * 10
    assert {"conversation", "free_text"} <= _classes("message", "varchar", chats)
    assert "free_text" in _classes("c3", "varchar", chats)


def test_dm_in_a_comment_listing_job_titles_is_not_a_direct_message() -> None:
    specs = list(SPECS.values())
    column = Column("role_code", "string", "Sales role (DM / CM / BDM / BD)")
    assert classify_column(column, EMPTY_PROFILE, specs).classes == ()
    logged = Column("message", "string")
    assert classify_column(logged, EMPTY_PROFILE, specs, table="ops.server_logs").classes == ()
    assert [c.class_id for c in classify_column(logged, EMPTY_PROFILE, specs, table="chat.dm").classes] == [
        "conversation"
    ]


def test_one_sentence_with_other_numbers_is_a_template_not_free_text() -> None:
    filled = [f"restock shelf {i % 90} in aisle {i % 20}" for i in range(60)]
    assert "free_text" not in _classes("body", "varchar", filled)
    notes = [f"sorry, running {i} min late, my kid is sick again" for i in range(3)] + [
        "can you take notes for me today?",
        "I will send the draft over tonight",
        "thanks for covering, I owe you one",
    ] * 10
    assert "free_text" in _classes("body", "varchar", notes)


def _name_confirmed_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        data = _load(path)
        named = next((c["name"] for c in data.get("columns", []) if c["expect"]), None)
        for value in (data.get("values") or {}).get("match_with_name", []):
            cases.append(pytest.param(data["class"], value, named, id=f"{path.stem}:{value}"))
    return cases


@pytest.mark.parametrize(("class_id", "value", "name"), _name_confirmed_cases())
def test_name_confirmed_value_needs_the_name(class_id: str, value: str, name: str) -> None:
    """A value in a form only a name confirms is the class under that name, never under a neutral
    one; where the pack weighs such forms (bare SSNs, regrouped digits) it is shown as unconfirmed."""
    spec = SPECS[class_id]
    assert spec.value is not None
    specs = list(SPECS.values())
    neutral = Column("ref_value", "varchar")
    alone = classify_column(neutral, profile_values([value], specs, neutral), specs)
    assert class_id not in {c.class_id for c in alone.classes}
    weighed = spec.value.bare_random_pass is not None or spec.value.other_groupings is not None
    assert (class_id in {u.class_id for u in alone.unconfirmed}) is weighed
    column = Column(name, "varchar")
    named = classify_column(column, profile_values([value], specs, column), specs)
    decided = next(c for c in named.classes if c.class_id == class_id)
    assert decided.matched == 1 and "name-confirmed" in decided.signals[0]
    assert class_id not in {u.class_id for u in named.unconfirmed}


def _regrouped_ssns(count: int) -> list[str]:
    values = [f"{101 + i * 17:03d}-{11 + i % 80:02d}{1000 + i * 37:04d}" for i in range(count // 2)]
    rest = range(count - len(values))
    return values + [f"{201 + i * 13:03d}{11 + i % 80:02d}-{2000 + i * 41:04d}" for i in rest]


def test_regrouped_ssns_under_an_ssn_name_are_ssns() -> None:
    # Forty values that are all SSN digits typed 3-6 or 5-4: without the grouping the name would be
    # refuted by forty plaintext values that fail the pattern, and the column would come out clean.
    values = _regrouped_ssns(40)
    specs = list(SPECS.values())
    column = Column("employee_ssn", "varchar")
    ssn = next(
        c
        for c in classify_column(column, profile_values(values, specs, column), specs).classes
        if c.class_id == "us_ssn"
    )
    assert ssn.matched == 40 and "40 regrouped (name-confirmed)" in ssn.signals[0]
    assert ssn.masked_example is not None and ssn.masked_example.endswith(values[0][-4:])
    assert values[0][:3] not in ssn.masked_example


def test_regrouped_digits_alone_are_unconfirmed_never_a_class() -> None:
    values = _regrouped_ssns(40)
    specs = list(SPECS.values())
    column = Column("ref_value", "varchar")
    assessment = classify_column(column, profile_values(values, specs, column), specs)
    assert "us_ssn" not in {c.class_id for c in assessment.classes}
    (maybe,) = [u for u in assessment.unconfirmed if u.class_id == "us_ssn"]
    assert (maybe.matched, maybe.sampled) == (40, 40) and "40 regrouped" in maybe.reason


def test_a_value_that_fails_the_rules_leaves_no_maybe() -> None:
    # Random 9-digit ids fail SSN rules one time in nine: a column where some fail is no SSN column.
    import random

    rng = random.Random(7)
    ids = [str(rng.randrange(100_000_000, 1_000_000_000)) for _ in range(40)]
    ssn_rule = SPECS["us_ssn"].value
    assert ssn_rule is not None
    passing = sum(ssn_rule.validates(v) for v in ids)
    assert 0 < passing < len(ids)
    specs = list(SPECS.values())
    column = Column("order_id", "varchar")
    assessment = classify_column(column, profile_values(ids, specs, column), specs)
    assert "us_ssn" not in {c.class_id for c in assessment.classes}
    assert "us_ssn" not in {u.class_id for u in assessment.unconfirmed}


def test_zip_plus_four_codes_are_no_ssns() -> None:
    zips = [f"{10001 + i * 397:05d}-{1000 + i * 77:04d}" for i in range(40)]
    specs = list(SPECS.values())
    for name in ("zip", "postal_code", "field_a"):
        column = Column(name, "varchar")
        assert "us_ssn" not in {
            c.class_id for c in classify_column(column, profile_values(zips, specs, column), specs).classes
        }


def test_masked_values_leave_the_rest_of_a_column_exposed() -> None:
    # Half the rows masked to the last four digits, half full SSNs: the share is of what can be read.
    full = [f"{140 + i * 13:03d}-{21 + i:02d}-{3000 + i * 71:04d}" for i in range(24)]
    masked = [f"***-**-{4000 + i * 53:04d}" for i in range(26)]
    specs = list(SPECS.values())
    column = Column("acct_holder_ref", "varchar")
    assessment = classify_column(column, profile_values(full + masked, specs, column), specs)
    (ssn,) = [c for c in assessment.classes if c.class_id == "us_ssn"]
    assert ssn.matched == 24 and "24/24 validated" in ssn.signals[0] and "26 more masked" in ssn.signals[0]
    assert assessment.protection is Protection.MIXED and assessment.stored_plaintext
    # All masked: nothing is read as an SSN, and nothing is stored in plaintext.
    only_masked = classify_column(column, profile_values(masked, specs, column), specs)
    assert "us_ssn" not in {c.class_id for c in only_masked.classes}


def test_key_value_column_carries_each_well_supported_identifier() -> None:
    emails = [f"user{i}.name@example.com" for i in range(20)]
    phones = [f"(212) 555-{1000 + i * 37:04d}" for i in range(18)]
    cards = ["4539 1488 0343 6467", "4111 1111 1111 1111", "5500 0000 0000 0004", "3400 0000 0000 009"]
    specs = list(SPECS.values())
    column = Column("attr_value", "varchar")
    profile = profile_values(emails + phones + cards, specs, column)
    found = {c.class_id: c for c in classify_column(column, profile, specs).classes}
    assert {"email", "phone_number"} <= set(found)
    assert "several classes make up" in found["email"].signals[0]
    # Four cards in 42 values (10 %) are too few to stand for a class of their own.
    assert "credit_card" not in found
    # Without the phones beside them, 20 emails among 22 words are not an email column's majority.
    words = [f"token{i}" for i in range(22)]
    alone = classify_column(column, profile_values(emails + words, specs, column), specs)
    assert "email" not in {c.class_id for c in alone.classes}


def test_time_stamped_notes_are_not_a_template() -> None:
    # Call notes logged with the time they were written; some notes recur word for word.
    notes = [
        "Caller's husband fell, small cut on his forehead, he is alert and talking.",
        "She says the rash has spread to both arms since yesterday and it itches a lot.",
        "Mother reports her son has had a fever since last night and is drinking well.",
        "He feels dizzy when standing up, no chest pain, advised to rest and call back.",
        "Patient is worried about the new tablets, I told her to keep taking them for now.",
        "They asked whether the cough needs a visit, I said yes if it lasts past Friday.",
        "Caller could not sleep because of the pain in her knee, booked an appointment.",
        "I explained how to clean the wound and when to come in if it gets worse.",
        "His daughter called for him, he sounds confused and we sent an ambulance.",
        "She is feeling much better today and just wanted to let us know, thanked us.",
        "We talked about her blood pressure readings, they are a bit high this week.",
        "Baby has been crying for hours and will not feed, parents are very upset.",
    ]
    values = [f"{(7 + i) % 24:02d}:{(i * 13) % 60:02d} {notes[i % len(notes)]}" for i in range(96)]
    assert "free_text" in _classes("summary", "varchar", values)
    # A program's message with a stamp in front is still a filled-in template.
    fills = [
        f"{(7 + i) % 24:02d}:{(i * 13) % 60:02d} Your parcel {10234 + i * 7} is waiting for you at "
        f"locker {i % 40 + 1}, please pick it up within {i % 3 + 2} days."
        for i in range(96)
    ]
    assert "free_text" not in _classes("summary", "varchar", fills)


def test_runs_of_numbers_are_not_read_as_text() -> None:
    # Sensor traces with a letter per record: the text model reads words, and these have none.
    import random

    rng = random.Random(3)
    traces = [
        ";".join(f"q {rng.randint(0, 1900)} {rng.randint(0, 1000)} {rng.randint(5, 400)}" for _ in range(8))
        for _ in range(60)
    ]
    found = _classes("trace", "varchar", traces)
    assert not found & {"free_text", "tax", "conversation", "medical", "performance_review"}, found


def test_ssns_stored_as_numbers_get_their_leading_zeros_back() -> None:
    import random

    rng = random.Random(11)
    ssn_rule = SPECS["us_ssn"].value
    assert ssn_rule is not None
    ssns: list[str] = []
    while len(ssns) < 60:
        area = rng.choice([rng.randint(1, 99), rng.randint(100, 665), rng.randint(667, 899)])
        value = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if ssn_rule.validates(value):
            ssns.append(value)
    stored = [str(int(v)) for v in ssns]  # what a bigint column holds
    assert any(len(v) < 9 for v in stored)
    assert "us_ssn" in _classes("c4", "bigint", stored)
    # As text the short values are no SSNs: the zeros were not lost, they were never there.
    assert "us_ssn" not in _classes("c4", "varchar", stored)
    # Eight-digit ids are not nine-digit numbers that lost a zero.
    ids = [str(rng.randint(10_000_000, 99_999_999)) for _ in range(60)]
    assert "us_ssn" not in _classes("c4", "bigint", ids)
