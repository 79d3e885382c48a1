"""`exposure classify FILE.csv`: every class id comes out of a suitable column; no values come out."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import run_exposure

ROWS = 40
JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0{i:02d}In0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)


def _luhn_digit(body: str) -> str:
    from stdnum import luhn

    return str(luhn.calc_check_digit(body))


def _npi(i: int) -> str:
    body = f"1{i:08d}"
    return body + _luhn_digit("80840" + body)


def _dea(i: int) -> str:
    d = [int(c) for c in f"{123456 + i * 7:06d}"]
    return "AB" + "".join(map(str, d)) + str((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10)


def _card(i: int) -> str:
    body = f"4{539148803436 + i * 97:014d}"[:15]
    return body + _luhn_digit(body)


def _iban(i: int) -> str:
    from stdnum import iban

    bban = f"3704004405320130{i:02d}"
    check = 98 - int("".join(str(int(c, 36)) for c in bban + "DE00")) % 97
    value = f"DE{check:02d}{bban}"
    assert iban.is_valid(value)
    return value


def _routing(i: int) -> str:
    from stdnum.us import rtn

    body = f"0210{i:04d}"
    return body + str(rtn.calc_check_digit(body))


# column name → (expected class, value maker)
COLUMNS = {
    "ssn": ("us_ssn", lambda i: f"{512 + i:03d}-{37 + i % 50:02d}-{1000 + i * 13:04d}"),
    "itin": ("us_itin", lambda i: f"9{12 + i % 80:02d}-{70 + i % 18:02d}-{2000 + i:04d}"),
    "employer_ein": ("us_ein", lambda i: f"{(12, 20, 27, 33, 45)[i % 5]}-{3456789 + i * 11:07d}"),
    "card_number": ("credit_card", _card),
    "iban": ("iban", _iban),
    "routing_number": ("us_bank_routing", _routing),
    "email": ("email", lambda i: f"person{i}@example.com"),
    "phone": ("phone_number", lambda i: f"+1 650-253-{1000 + i:04d}"),
    "client_ip": ("ip_address", lambda i: f"10.{i}.{i * 3 % 250}.{i + 1}"),
    "full_name": ("person_name", lambda i: ("Dana Lee", "Sam Ortiz", "Ana Silva", "Kim Park")[i % 4]),
    "dob": ("date_of_birth", lambda i: f"19{60 + i:02d}-0{1 + i % 9}-1{i % 10}"),
    "icd10_code": ("icd10_code", lambda i: ("E11.9", "I10", "F32.A", "J45.909", "M54.5")[i % 5]),
    "npi": ("us_npi", _npi),
    "dea_number": ("us_dea", _dea),
    "aws_access_key_id": ("aws_access_key", lambda i: f"AKIAZ3MQW7RT5LXN{i:04d}"),
    "github_token": ("github_token", lambda i: f"ghp_16C7e42F292c6912E7710c838347Ae17{i:04d}"),
    "slack_token": ("slack_token", lambda i: f"xoxb-1234567890-1234567890{i:03d}-AbCdEf0123456789AbCdEf01"),
    "access_token": ("jwt", lambda i: JWT.format(i=i)),
    "private_key": (
        "private_key",
        lambda i: f"-----BEGIN RSA PRIVATE KEY-----\nMIIEow{i}\n-----END RSA PRIVATE KEY-----",
    ),
    "message_text": ("conversation", lambda i: f"hey, can you cover my shift on day {i}? thanks!"),
    "keystrokes": ("keystrokes", lambda i: f'[{{"key":"h","t":{i}}},{{"key":"i","t":{i + 80}}}]'),
    "mouse_events": ("mouse_telemetry", lambda i: f'[{{"x":{i},"y":{i * 2},"t":{i * 5}}}]'),
    "screen_text": ("screen_content", lambda i: f"Inbox ({i}) | Re: offsite | Slack #team-{i}"),
    "review_text": (
        "performance_review",
        lambda i: f"She exceeds expectations; growth area {i} is delegation.",
    ),
    "diagnosis": ("medical", lambda i: ("Type 2 diabetes (E11.9)", "Asthma", "Migraine")[i % 3]),
    "entry": (
        "free_text",
        lambda i: (
            "Long day again, but the walk by the river helped me think.",
            "We argued about money at dinner and I could not sleep after.",
            "Finally finished the book my sister lent me last spring.",
            "Not sure the new job is the right fit, I feel out of place.",
        )[i % 4],
    ),
    "filing_status": ("tax", lambda i: ("Single", "Married filing jointly", "Head of household")[i % 3]),
}


def _write_csv(path: Path) -> dict[str, list[str]]:
    values = {name: [make(i) for i in range(ROWS)] for name, (_, make) in COLUMNS.items()}
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for i in range(ROWS):
            writer.writerow([values[name][i] for name in COLUMNS])
    return values


def test_every_class_id_is_produced(tmp_path: Path) -> None:
    path = tmp_path / "all.csv"
    values = _write_csv(path)
    run = run_exposure(["classify", str(path), "--format", "json"])
    assert run.code == 0, run.output
    doc = json.loads(run.stdout)
    produced = {name: [c["class"] for c in col["classes"]] for name, col in doc["columns"].items()}
    for name, (expected, _) in COLUMNS.items():
        assert expected in produced[name], (name, produced[name])
    from scanner.rules import load_rulebook

    assert {cls for cls, _ in COLUMNS.values()} == {spec.id for spec in load_rulebook().classes}
    for col in doc["columns"].values():
        assert col["protection"] == "plaintext"
        for c in col["classes"]:
            assert 0 <= c["interval"][0] <= c["confidence"] <= 1 and c["sampled"] == ROWS and c["signals"]
    # No raw value comes back, not even in the table form.
    table = run_exposure(["classify", str(path)])
    for column_values in values.values():
        for value in column_values[:5]:
            if len(value) > 6:
                assert value not in run.stdout and value not in table.stdout


def test_malformed_csv_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\n1,2\n\xff\xfe,3\n")
    run = run_exposure(["classify", str(path)])
    assert run.code == 2 and "Traceback" not in run.output
    assert f"{path}:3:" in run.stderr and "not UTF-8" in run.stderr


def test_pathological_user_regex_cannot_hang_a_scan(tmp_path: Path) -> None:
    """`(a+)+$`-style patterns backtrack exponentially in Python's re; RE2 runs them in linear time."""
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: evil\nversion: 1\nclasses:\n  - id: evil\n    sensitivity: internal\n"
        "    value:\n      pattern: '(a+)+(b+)+c'\n      min_share: 0.5\n"
    )
    data = tmp_path / "evil.csv"
    data.write_text("payload\n" + "\n".join("a" * 60 + "b" * 30 + "!" for _ in range(385)) + "\n")
    # Python's own engine would need ~2^60 steps for a single value of this column.
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "scanner.cli.main",
            "classify",
            str(data),
            "--rules",
            str(pack),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["columns"]["payload"]["classes"] == []


def test_unconfirmed_classes_are_explained_not_counted(tmp_path: Path) -> None:
    """Bare SSN digits under a neutral name: no class, an unconfirmed one with its figures, and still
    no value printed."""
    path = tmp_path / "refs.csv"
    refs = ["536221234", "601112222", "145927316"]
    path.write_text("ref_no,ssn\n" + "".join(f"{r},{r}\n" for r in refs))
    run = run_exposure(["classify", str(path), "--format", "json"])
    assert run.code == 0, run.output
    columns = json.loads(run.stdout)["columns"]
    assert columns["ref_no"]["classes"] == []
    (maybe,) = columns["ref_no"]["unconfirmed"]
    assert (maybe["class"], maybe["matched"], maybe["sampled"]) == ("us_ssn", 3, 3)
    assert "88.9%" in maybe["reason"]
    assert [c["class"] for c in columns["ssn"]["classes"]] == ["us_ssn"]
    assert columns["ssn"]["unconfirmed"] == []
    table = run_exposure(["classify", str(path)])
    assert "us_ssn (unconfirmed)" in table.stdout
    for value in refs:
        assert value not in run.stdout and value not in table.stdout
