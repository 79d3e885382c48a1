"""The safe loader, case by case: each crash or silent acceptance the issue lists is now exit 2 with
file:line and a hint, or reads as the person wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.directory import load_directory
from scanner.errors import ExitCode, ExposureError
from scanner.grants import read_grants
from scanner.rules import load_classifier_pack, load_exposure_rules
from scanner.scan import load_document
from scanner.suppress import load_suppressions
from scanner.yamlio import MAX_DEPTH, parse_yaml
from tests.conftest import REPO, run_exposure

SUPPRESSION = "version: 1\nsuppressions:\n  - rule: EXP001\n    object: a.*\n    owner: o\n"
SUPPRESSION += "    reason: a long enough reason\n"


def _error(load: object, path: Path) -> ExposureError:
    with pytest.raises(ExposureError) as info:
        load(path)  # type: ignore[operator]
    error = info.value
    assert error.exit_code is ExitCode.USAGE and error.file == str(path) and error.hint
    return error


def test_directory_group_names_stay_the_strings_written(tmp_path: Path) -> None:
    path = tmp_path / "directory.yaml"
    path.write_text("version: 1\ngroups:\n  yes: 10\n  null: 5\n  010: 3\n  on: 2\n  1e3: 1\n")
    assert load_directory(path).groups == {"yes": 10, "null": 5, "010": 3, "on": 2, "1e3": 1}


def test_duplicate_keys_are_an_error_at_the_second(tmp_path: Path) -> None:
    path = tmp_path / "directory.yaml"
    path.write_text("version: 1\ngroups:\n  hr: 10\n  hr: 11\n")
    error = _error(load_directory, path)
    assert error.line == 4 and "duplicate key 'hr' (first on line 3)" in error.message


def test_an_anchor_bomb_is_refused_at_once(tmp_path: Path) -> None:
    lines = ["version: 1", "a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(9)
    ]
    path = tmp_path / "config.yaml"
    path.write_text("\n".join(lines) + "\n")
    error = _error(load_directory, path)
    assert error.line == 2 and "anchors" in error.message


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5000])
def test_deep_yaml_is_an_error_not_a_recursion_error(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "directory.yaml"
    path.write_text("version: 1\ngroups: " + "[" * depth + "]" * depth + "\n")
    assert "nest" in _error(load_directory, path).message  # libyaml stops at its own depth first


def test_deep_ranger_json_and_report_json_are_errors(tmp_path: Path) -> None:
    ranger = tmp_path / "ranger.json"
    ranger.write_text('{"policies": [\n' + "[" * 5000 + "]" * 5000 + "]}")
    assert "nested" in _error(lambda p: read_grants([p]), ranger).message
    report = tmp_path / "findings.json"
    report.write_text('{"findings":\n' + "[" * 100 + "]" * 100 + "}")
    assert _error(load_document, report).line == 2


def test_a_5000_digit_id_is_an_error_with_its_line(tmp_path: Path) -> None:
    ranger = tmp_path / "ranger.json"
    ranger.write_text('{"policies": [\n  {"id": ' + "7" * 5000 + "}\n]}")
    error = _error(lambda p: read_grants([p]), ranger)
    assert error.line == 2 and "5000 digits" in error.message


def test_non_utf8_ranger_json_names_the_line(tmp_path: Path) -> None:
    ranger = tmp_path / "ranger.json"
    ranger.write_bytes(b'{"policies": [\n  {"id": 1, "name": "caf\xe9"}\n]}')
    error = _error(lambda p: read_grants([p]), ranger)
    assert error.line == 2 and "not UTF-8" in error.message


@pytest.mark.parametrize(
    ("expires", "message"),
    [("2027-02-30", "not a date on the calendar"), ("2027-01-31T10:00:00", "is not a date"),
     ("'2027-01-31 10:00'", "is not a date"), ("20270131", "is not a date"), ("2027-W05-1", "is not a date")],
)  # fmt: skip
def test_suppression_expiry_is_a_calendar_day(tmp_path: Path, expires: str, message: str) -> None:
    path = tmp_path / "suppressions.yaml"
    path.write_text(SUPPRESSION + f"    expires: {expires}\n")
    error = _error(load_suppressions, path)
    assert error.line == 7 and message in error.message


def test_a_valid_expiry_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "suppressions.yaml"
    path.write_text(SUPPRESSION + "    expires: 2027-01-31\n")
    [entry] = load_suppressions(path)
    assert entry.expires == "2027-01-31"


@pytest.mark.parametrize("field", ["{nope}", "{table.__class__}", "{table!r}", "{table:>99999}", "{", "}"])
def test_rule_titles_may_name_only_known_fields(tmp_path: Path, field: str) -> None:
    seed = (REPO / "rules" / "exposure.yaml").read_text()
    text = seed.replace("in {table}", f"in {field}", 1)
    path = tmp_path / "exposure.yaml"
    path.write_text(text)
    error = _error(load_exposure_rules, path)
    assert error.line == seed.split("in {table}", 1)[0].count("\n") + 1 and "title" in error.message


def test_re2_set_failures_are_caught_when_the_pack_loads(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(
        "pack: big\nversion: 1\nclasses:\n  - id: fine\n    sensitivity: internal\n    names: [x]\n"
        "  - id: huge\n    sensitivity: internal\n    value:\n      pattern: '\\pL{200}'\n"
    )
    error = _error(load_classifier_pack, path)
    assert error.line == 7 and "class 'huge'" in error.message and "RE2 set" in error.message
    run = run_exposure(["rules", "validate", str(path)])
    assert run.code == 2 and f"{path}:7:" in run.stderr and "Traceback" not in run.output


def test_yaml_tags_and_multiple_documents_are_refused() -> None:
    from scanner.errors import ConfigError

    for text, what in (("a: !!python/object:os.system x\n", "tag"), ("a: 1\n---\nb: 2\n", "more than one")):
        with pytest.raises(ConfigError) as info:
            parse_yaml(text, Path("x.yaml"), ConfigError)
        assert what in info.value.message and info.value.line is not None
