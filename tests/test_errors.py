"""Bad input: exit 2, one clear message with file:line where there is one, a hint, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_exposure


def _assert_usage_error(args: list[str], where: str | None, text: str) -> str:
    run = run_exposure(args)
    assert run.code == 2, run.output
    assert "Traceback" not in run.output
    assert run.stdout == ""
    first = run.stderr.strip().splitlines()[0]
    assert first.startswith("error: ")
    if where is not None:
        assert where in first, first
    assert text in run.stderr
    return run.stderr


def test_malformed_yaml_config(planted: dict[str, Path], tmp_path: Path) -> None:
    config = tmp_path / "exposure.yaml"
    config.write_text("version: 1\naccess:\n  everyone: [group all\n  broad: []\n")
    err = _assert_usage_error(["scan", "--config", str(config)], f"{config}:", "invalid YAML")
    assert re.search(rf"{re.escape(str(config))}:\d+:", err)
    assert "hint:" in err


def test_unknown_config_key_with_did_you_mean(tmp_path: Path) -> None:
    config = tmp_path / "exposure.yaml"
    config.write_text("version: 1\nsource: duckdb:///x.duckdb\nfail_onn: SEV2\n")
    err = _assert_usage_error(["scan", "--config", str(config)], f"{config}:3:", "unknown key")
    assert "did you mean 'fail_on'?" in err


def test_config_value_of_wrong_kind(tmp_path: Path) -> None:
    config = tmp_path / "exposure.yaml"
    config.write_text("version: 1\nsampling:\n  rows: many\n")
    _assert_usage_error(["scan", "--config", str(config)], f"{config}:3:", "sampling.rows")


def test_unknown_source_scheme(planted: dict[str, Path]) -> None:
    err = _assert_usage_error(
        ["scan", "--source", f"duckbd://{planted['db']}"], None, "unknown source scheme"
    )
    assert "did you mean 'duckdb://'?" in err


def test_missing_duckdb_file(tmp_path: Path) -> None:
    _assert_usage_error(["scan", "--source", f"duckdb://{tmp_path}/absent.duckdb"], None, "not found")


def test_missing_config_file(tmp_path: Path) -> None:
    _assert_usage_error(
        ["scan", "--config", str(tmp_path / "nope.yaml")], str(tmp_path / "nope.yaml"), "not found"
    )


def test_missing_grants_file(planted: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "nope.sql"
    _assert_usage_error(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(missing)], str(missing), "not found"
    )


@pytest.mark.parametrize(
    ("sql", "line", "text"),
    [
        (
            "GRANT SELECT ON TABLE a.b TO ROLE public;\nGRANT SELECT ON TABLE a.b TO;\n",
            2,
            "cannot parse GRANT",
        ),
        ("\nGRANT SELEKT ON TABLE a.b TO ROLE public;\n", 2, "unknown privilege SELEKT"),
    ],
)
def test_unparsable_grant(planted: dict[str, Path], sql: str, line: int, text: str) -> None:
    planted["grants"].write_text(sql)
    _assert_usage_error(
        ["scan", "--source", f"duckdb://{planted['db']}", "--grants", str(planted["grants"])],
        f"{planted['grants']}:{line}:",
        text,
    )


def test_bad_rule_pack_regex(planted: dict[str, Path], tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: custom\nversion: 1\nclasses:\n  - id: employee_badge\n    sensitivity: internal\n"
        "    value:\n      pattern: '(B)\\1-\\d+'\n"
    )
    err = _assert_usage_error(
        ["scan", "--source", f"duckdb://{planted['db']}", "--rules", str(pack)], f"{pack}:7:", "not valid RE2"
    )
    assert "back-references" in err


def test_bad_rule_pack_validator(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: custom\nversion: 1\nclasses:\n  - id: badge\n    sensitivity: internal\n"
        "    value:\n      pattern: 'B\\d+'\n      validator: luhn\n"
    )
    err = _assert_usage_error(["rules", "validate", str(pack)], f"{pack}:8:", "unknown validator 'luhn'")
    assert "did you mean 'luhn_card'?" in err


def test_duplicate_class_across_packs(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: custom\nversion: 1\nclasses:\n  - id: us_ssn\n    sensitivity: restricted\n    names: [x]\n"
    )
    _assert_usage_error(["rules", "list", "--rules", str(pack)], f"{pack}:4:", "already defined")


def test_no_source_at_all() -> None:
    _assert_usage_error(["scan"], None, "no source given")


def test_bad_principal_option(planted: dict[str, Path]) -> None:
    run = run_exposure(["scan", "--source", f"duckdb://{planted['db']}", "--everyone", "all_employees"])
    assert run.code == 2 and "Traceback" not in run.output
    assert "group NAME" in run.stderr


def test_show_config_masks_secrets() -> None:
    run = run_exposure(
        ["scan", "--source", "hive://bob:hunter2@hs2.example:10000/?auth=LDAP&password_file=/run/pw",
         "--sample-source", "hive://x@h:1/?token=abc123", "--show-config"]
    )  # fmt: skip
    assert run.code == 0, run.output
    assert "hunter2" not in run.output and "abc123" not in run.output
    assert "source: hive://bob@hs2.example:10000/" in run.output


def test_password_in_a_hive_url_is_refused() -> None:
    run = run_exposure(["scan", "--source", "hive://bob@127.0.0.1:1/?auth=LDAP&password=hunter2"])
    assert run.code == 2
    assert "would be logged" in run.output and "hunter2" not in run.output
