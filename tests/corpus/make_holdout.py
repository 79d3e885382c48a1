#!/usr/bin/env python3
"""Generate ``holdout.jsonl``: a second, independently written labelled corpus of warehouse columns.

The format, class list and labelling conventions are the ones in ``README.md`` next to this file.
Column names, table names, value generators and hard negatives are deliberately different from
``columns.jsonl`` so that accuracy on the holdout shows whether accuracy on the main corpus carries over.

Deterministic: one ``random.Random(2026)`` drives every choice. Standard library plus python-stdnum and
phonenumbers (check digits and number validity). Every value is synthetic. Every positive structured
identifier is validated before it is written (``assert``), and the script prints per-class counts.

    python tests/corpus/make_holdout.py
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import ipaddress
import json
import random
import re
import string
import uuid
import zlib
from collections import Counter
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum import ean as std_ean
from stdnum import iban as std_iban
from stdnum import isbn as std_isbn
from stdnum import luhn
from stdnum.us import ein as std_ein
from stdnum.us import itin as std_itin
from stdnum.us import rtn as std_rtn
from stdnum.us import ssn as std_ssn

R = random.Random(2026)
OUT = Path(__file__).resolve().parent / "holdout.jsonl"

CLASSES = [
    "us_ssn",
    "us_itin",
    "us_ein",
    "credit_card",
    "iban",
    "us_bank_routing",
    "email",
    "phone_number",
    "ip_address",
    "person_name",
    "date_of_birth",
    "icd10_code",
    "us_npi",
    "us_dea",
    "aws_access_key",
    "github_token",
    "slack_token",
    "jwt",
    "private_key",
    "conversation",
    "keystrokes",
    "mouse_telemetry",
    "screen_content",
    "performance_review",
    "medical",
    "tax",
]
PROTECTIONS = {"plaintext", "ciphertext", "hashed", "masked", "tokenized", "mixed", "empty"}
FILLER = {None, "", "N/A", "n/a", "unknown", "UNKNOWN", "-", "none", "NULL", "null"}

DIGITS = string.digits
UPPER = string.ascii_uppercase
ALNUM = string.ascii_letters + string.digits
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
BCRYPT_ALPHA = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


# ----------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------


def rs(alphabet: str, n: int) -> str:
    return "".join(R.choice(alphabet) for _ in range(n))


def rdigits(n: int) -> str:
    return rs(DIGITS, n)


def n_values(lo: int = 40, hi: int = 90) -> int:
    return R.randint(lo, hi)


def sprinkle(values: list, rate: float, fillers=(None,)) -> list:
    """Replace about `rate` of the cells with filler (SQL NULL or filler strings)."""
    out = list(values)
    k = round(len(out) * rate)
    for i in R.sample(range(len(out)), k):
        out[i] = R.choice(fillers)
    return out


def many(fn, n: int | None = None, distinct: bool = True) -> list:
    n = n or n_values()
    seen, out = set(), []
    guard = 0
    while len(out) < n:
        v = fn()
        guard += 1
        if distinct and v in seen and guard < n * 50:
            continue
        seen.add(v)
        out.append(v)
    return out


def sha256_hex(s: str, salt: str = "") -> str:
    return hashlib.sha256((salt + s).encode()).hexdigest()


def b64(n_bytes: int) -> str:
    return base64.b64encode(R.randbytes(n_bytes)).decode()


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def ciphertext_b64(plain_len: int) -> str:
    # IV/nonce + block-padded body + tag, base64
    blocks = (plain_len // 16 + 1) * 16
    return b64(12 + blocks + 16)


def vault_env(plain_len: int, version: int = 1) -> str:
    return f"vault:v{version}:" + ciphertext_b64(plain_len)


def kms_blob(plain_len: int) -> str:
    raw = bytes([0x01, 0x02, 0x02, 0x00, 0x78]) + R.randbytes(150 + plain_len)
    return base64.b64encode(raw).decode()


def bcrypt_like() -> str:
    return f"$2b$12${rs(BCRYPT_ALPHA, 53)}"


def token(prefix: str = "tok_", n: int = 24) -> str:
    return prefix + rs(ALNUM, n)


# ----------------------------------------------------------------------------------------------
# synthetic people
# ----------------------------------------------------------------------------------------------

FIRST = [
    "Adaeze",
    "Bjorn",
    "Chiara",
    "Dmitri",
    "Esperanza",
    "Farrukh",
    "Giulia",
    "Haruto",
    "Ingrid",
    "Jamal",
    "Kavya",
    "Lucian",
    "Mariana",
    "Nnamdi",
    "Oksana",
    "Pradeep",
    "Quentin",
    "Rosalind",
    "Santiago",
    "Thandiwe",
    "Ulrich",
    "Valentina",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Amara",
    "Benedikt",
    "Catalina",
    "Desmond",
    "Emeka",
    "Fiorella",
    "Gautam",
    "Hyejin",
    "Isidro",
    "Jorunn",
    "Kwabena",
    "Leilani",
    "Mateusz",
    "Noor",
    "Orla",
    "Paulo",
    "Rahel",
    "Siddharth",
    "Tomasz",
    "Uchenna",
    "Vikram",
    "Wilhelmina",
    "Yara",
    "Zeynep",
    "Aurelio",
    "Brigid",
    "Cormac",
    "Dalia",
    "Eero",
    "Florin",
    "Greta",
    "Hamza",
    "Inés",
    "Joaquim",
]
LAST = [
    "Okonkwo",
    "Lindqvist",
    "Ferraro",
    "Volkov",
    "Bustamante",
    "Karimov",
    "Marchetti",
    "Takahashi",
    "Halvorsen",
    "Whitfield",
    "Raghunathan",
    "Petrescu",
    "Albuquerque",
    "Eze",
    "Shevchenko",
    "Venkatesan",
    "Delacroix",
    "Ashworth",
    "Quintero",
    "Mthembu",
    "Brandauer",
    "Moreno-Ruiz",
    "Zhao",
    "Cárdenas",
    "Demir",
    "Wiśniewska",
    "Nakamura-Park",
    "O'Sullivan",
    "Haddad",
    "Kowalczyk",
    "Abernathy",
    "Nwosu",
    "Sandoval",
    "Fitzgerald",
    "Van der Berg",
    "Achterberg",
    "Mbeki",
    "Castellanos",
    "Lindgren",
    "Oyelaran",
    "Pellegrini",
    "Tanaka",
    "Richter",
    "Sørensen",
    "Baptiste",
    "Kaur",
    "Iyer",
    "Gallagher",
    "Yilmaz",
    "Novak",
    "Duarte",
    "Ekström",
]
NICK = ["ace", "moonpie", "kit", "dj", "bean", "toast", "sunny", "pixel", "otter", "mango", "rook", "juno"]

ASCII_MAP = str.maketrans(
    {
        "é": "e",
        "á": "a",
        "ś": "s",
        "ø": "o",
        "ö": "o",
        "ä": "a",
        "ü": "u",
        "ñ": "n",
        "'": "",
        " ": "",
        "-": "",
    }
)


def first() -> str:
    return R.choice(FIRST)


def last() -> str:
    return R.choice(LAST)


def full_name() -> str:
    given, family = first(), last()
    if R.random() < 0.12:
        return f"{given} {R.choice(UPPER)}. {family}"
    return f"{given} {family}"


def ascii_lower(s: str) -> str:
    return s.translate(ASCII_MAP).lower()


# ----------------------------------------------------------------------------------------------
# structured identifiers, each validated
# ----------------------------------------------------------------------------------------------


def v_ssn(s: str) -> bool:
    d = re.sub(r"\D", "", s)
    return std_ssn.is_valid(s.replace(" ", "-")) and len(set(d)) > 1


def gen_ssn(fmt: str = "dash") -> str:
    while True:
        area = R.randint(1, 899)
        if area == 666:
            continue
        s = f"{area:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"
        if not v_ssn(s):
            continue
        if fmt == "bare":
            s = s.replace("-", "")
        elif fmt == "space":
            s = s.replace("-", " ")
        assert v_ssn(s), s
        return s


ITIN_GROUPS = [*range(70, 89), 90, 91, 92, *range(94, 100)]


def v_itin(s: str) -> bool:
    return std_itin.is_valid(s)


def gen_itin(fmt: str = "dash") -> str:
    s = f"9{R.randint(0, 99):02d}-{R.choice(ITIN_GROUPS)}-{R.randint(1, 9999):04d}"
    if fmt == "bare":
        s = s.replace("-", "")
    assert v_itin(s), s
    return s


def v_ein(s: str) -> bool:
    return std_ein.is_valid(s)


def gen_ein(fmt: str = "dash") -> str:
    while True:
        s = f"{R.randint(1, 99):02d}-{rdigits(7)}"
        if v_ein(s):
            break
    if fmt == "bare":
        s = s.replace("-", "")
    assert v_ein(s), s
    return s


RTN_PREFIXES = list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73))


def v_rtn(s: str) -> bool:
    return std_rtn.is_valid(s)


def gen_rtn() -> str:
    body = f"{R.choice(RTN_PREFIXES):02d}" + rdigits(6)
    s = body + std_rtn.calc_check_digit(body)
    assert v_rtn(s), s
    return s


CARD_BRANDS = {
    "visa": (lambda: "4", 16),
    "mastercard": (lambda: R.choice([str(R.randint(51, 55)), str(R.randint(2221, 2720))]), 16),
    "amex": (lambda: R.choice(["34", "37"]), 15),
    "discover": (lambda: R.choice(["6011", "65", str(R.randint(644, 649))]), 16),
    "jcb": (lambda: str(R.randint(3528, 3589)), 16),
    "diners": (lambda: R.choice(["36", "38"]), 14),
    "unionpay": (lambda: "62" + str(R.randint(2126, 2925)), 16),
}


def v_card(s: str) -> bool:
    d = re.sub(r"[ -]", "", s)
    return d.isdigit() and 12 <= len(d) <= 19 and luhn.is_valid(d)


def gen_card(brand: str | None = None, sep: str = "") -> str:
    brand = brand or R.choice(list(CARD_BRANDS))
    pfx_fn, length = CARD_BRANDS[brand]
    pfx = pfx_fn()
    body = pfx + rdigits(length - 1 - len(pfx))
    d = body + luhn.calc_check_digit(body)
    if sep:
        if length == 15 or length == 14:
            groups = [d[:4], d[4:10], d[10:]]
        else:
            groups = [d[i : i + 4] for i in range(0, length, 4)]
        d = sep.join(groups)
    assert v_card(d), d
    return d


IBAN_BBAN = {  # country: list of (count, kind) with kind n=digit, a=upper letter, c=alnum upper
    "DE": [(8, "n"), (10, "n")],
    "GB": [(4, "a"), (6, "n"), (8, "n")],
    "FR": [(5, "n"), (5, "n"), (11, "c"), (2, "n")],
    "NL": [(4, "a"), (10, "n")],
    "ES": [(4, "n"), (4, "n"), (1, "n"), (1, "n"), (10, "n")],
    "IT": [(1, "a"), (5, "n"), (5, "n"), (12, "c")],
    "CH": [(5, "n"), (12, "c")],
    "AT": [(5, "n"), (11, "n")],
    "BE": [(3, "n"), (7, "n"), (2, "n")],
    "PL": [(8, "n"), (16, "n")],
    "IE": [(4, "a"), (6, "n"), (8, "n")],
    "PT": [(4, "n"), (4, "n"), (11, "n"), (2, "n")],
    "NO": [(4, "n"), (6, "n"), (1, "n")],
    "FI": [(3, "n"), (11, "n")],
    "LU": [(3, "n"), (13, "c")],
    "SE": [(3, "n"), (16, "n"), (1, "n")],
    "DK": [(4, "n"), (9, "n"), (1, "n")],
    "IS": [(4, "n"), (2, "n"), (6, "n"), (10, "n")],
}
IBAN_BANK_HINTS = {
    "GB": ["NWBK", "BARC", "MIDL", "LOYD", "HBUK"],
    "IE": ["AIBK", "BOFI"],
    "NL": ["ABNA", "INGB", "RABO", "TRIO"],
}


def v_iban(s: str) -> bool:
    return std_iban.is_valid(s)


def gen_iban(cc: str | None = None, fmt: str = "compact") -> str:
    cc = cc or R.choice(list(IBAN_BBAN))
    for _ in range(20000):
        parts = []
        for i, (count, kind) in enumerate(IBAN_BBAN[cc]):
            if i == 0 and kind == "a" and cc in IBAN_BANK_HINTS:
                parts.append(R.choice(IBAN_BANK_HINTS[cc]))
                continue
            alpha = {"n": DIGITS, "a": UPPER, "c": DIGITS + UPPER}[kind]
            if kind == "c":  # national account parts are mostly digits in practice
                alpha = DIGITS * 4 + UPPER
            parts.append(rs(alpha, count))
        bban = "".join(parts)
        check = std_iban.calc_check_digits(cc + "00" + bban)
        s = cc + check + bban
        if v_iban(s):
            break
    else:  # pragma: no cover
        raise AssertionError(f"could not build an IBAN for {cc}")
    if fmt == "print":
        s = std_iban.format(s)
    assert v_iban(s), s
    return s


def v_npi(s: str) -> bool:
    return bool(re.fullmatch(r"[12]\d{9}", s)) and luhn.is_valid("80840" + s)


def gen_npi() -> str:
    body = R.choice("12") + rdigits(8)
    s = body + luhn.calc_check_digit("80840" + body)
    assert v_npi(s), s
    return s


def v_dea(s: str) -> bool:
    m = re.fullmatch(r"[A-Z][A-Z9](\d{7})", s)
    if not m:
        return False
    d = [int(c) for c in m.group(1)]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def gen_dea() -> str:
    d = [R.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    s = R.choice("ABFGMPR") + R.choice(UPPER + "9") + "".join(map(str, d)) + str(chk)
    assert v_dea(s), s
    return s


# phone numbers: fictional ranges where a country has one, otherwise random numbers that
# libphonenumber accepts
US_AREAS = ["212", "415", "312", "617", "206", "303", "512", "404", "702", "919", "503", "614", "808", "971"]
CA_AREAS = ["416", "604", "514", "403", "613", "902"]


def _parse_ok(num) -> bool:
    return phonenumbers.is_valid_number(num)


def gen_phone_obj(region: str):
    if region in ("US", "CA"):
        area = R.choice(US_AREAS if region == "US" else CA_AREAS)
        num = phonenumbers.parse(f"+1{area}555{R.randint(100, 199):04d}")
        assert _parse_ok(num), num
        return num
    if region == "GB" and R.random() < 0.6:
        num = phonenumbers.parse(f"+4420794{R.randint(60000, 60999)}")
        assert _parse_ok(num), num
        return num
    if region == "AU" and R.random() < 0.6:
        num = phonenumbers.parse(f"+61491570{R.randint(0, 999):03d}")
        if _parse_ok(num):
            return num
    kind = R.choice([PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
    ex = phonenumbers.example_number_for_type(region, kind)
    nsn = phonenumbers.national_significant_number(ex)
    for attempt in range(2000):
        keep = 2 if attempt < 1500 else max(2, len(nsn) - 5)
        cand = nsn[:keep] + rdigits(len(nsn) - keep)
        num = phonenumbers.parse(f"+{ex.country_code}{cand}")
        if _parse_ok(num):
            return num
    raise AssertionError(f"no valid phone number for {region}")  # pragma: no cover


def gen_phone(region: str, fmt: str) -> str:
    num = gen_phone_obj(region)
    if fmt == "e164":
        s = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    elif fmt == "intl":
        s = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    elif fmt == "national":
        s = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    elif fmt == "msisdn":
        s = phonenumbers.format_number(num, PhoneNumberFormat.E164)[1:]
    else:
        raise ValueError(fmt)
    assert v_phone(s, region), s
    return s


def v_phone(s: str, region: str | None = None) -> bool:
    if s.isdigit():  # MSISDN: international digits without the plus
        s = "+" + s
    try:
        num = phonenumbers.parse(s, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(num)


EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "mail.example.net",
    "eu.hollowbrook-mail.com",
    "student.uni-halden.edu",
    "corp.kestrelapps.co.uk",
    "inbox.lantern-post.de",
    "mx.quillfeather.io",
    "users.brightharbor.app",
    "fastmailbox.example",
    "research.tarnwood.ac.uk",
    "alumni.velmora.edu",
]
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def v_email(s: str) -> bool:
    return bool(EMAIL_RE.fullmatch(s))


def gen_email(plus_rate: float = 0.25, upper_rate: float = 0.0) -> str:
    f, sn = ascii_lower(first()), ascii_lower(last())
    style = R.random()
    if style < 0.3:
        local = f"{f}.{sn}"
    elif style < 0.5:
        local = f"{f[0]}{sn}"
    elif style < 0.65:
        local = f"{f}_{sn}{R.randint(1, 99)}"
    elif style < 0.8:
        local = f"{R.choice(NICK)}.{f}{R.randint(70, 2005)}"
    else:
        local = f"{sn}.{f[0]}"
    if R.random() < plus_rate:
        local += "+" + R.choice(["news", "shop", "work", "github", "bank", "2024", "promo", "travel"])
    s = f"{local}@{R.choice(EMAIL_DOMAINS)}"
    if R.random() < upper_rate:
        s = s[0].upper() + s[1:]
    assert v_email(s), s
    return s


def v_ip(s: str) -> bool:
    try:
        ipaddress.ip_address(s)
        return True
    except ValueError:
        return False


def gen_ipv4(kind: str = "any") -> str:
    k = kind if kind != "any" else R.choice(["public", "public", "private", "doc"])
    if k == "private":
        s = R.choice(
            [
                f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}",
                f"172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(1, 254)}",
                f"192.168.{R.randint(0, 255)}.{R.randint(1, 254)}",
            ]
        )
    elif k == "doc":
        s = R.choice(["192.0.2", "198.51.100", "203.0.113"]) + f".{R.randint(1, 254)}"
    else:
        while True:
            s = f"{R.randint(1, 223)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
            if ipaddress.ip_address(s).is_global:
                break
    assert v_ip(s), s
    return s


def gen_ipv6() -> str:
    style = R.random()
    if style < 0.4:
        raw = "2001:db8:" + ":".join(f"{R.randint(0, 0xFFFF):x}" for _ in range(6))
    elif style < 0.7:
        raw = (
            R.choice(["2a02", "2600", "2a01", "2804", "240e"])
            + ":"
            + ":".join(f"{R.randint(0, 0xFFFF):x}" for _ in range(3))
            + "::"
            + f"{R.randint(1, 0xFFFF):x}"
        )
    elif style < 0.85:
        raw = "fe80::" + ":".join(f"{R.randint(0, 0xFFFF):x}" for _ in range(4))
    else:
        raw = f"2001:db8::{R.randint(1, 0xFFFF):x}"
    s = str(ipaddress.ip_address(raw))
    if R.random() < 0.1:
        s = s.upper()
    assert v_ip(s), s
    return s


def gen_date(lo_year: int, hi_year: int) -> dt.date:
    start = dt.date(lo_year, 1, 1).toordinal()
    end = dt.date(hi_year, 12, 31).toordinal()
    return dt.date.fromordinal(R.randint(start, end))


ICD10 = [
    "E11.9",
    "E11.65",
    "I10",
    "J45.909",
    "J06.9",
    "M54.50",
    "M54.2",
    "K21.9",
    "F32.9",
    "F41.1",
    "Z00.00",
    "Z23",
    "N39.0",
    "R51.9",
    "R10.9",
    "E78.5",
    "E66.9",
    "G43.909",
    "L03.115",
    "S93.401A",
    "O24.419",
    "C50.911",
    "I25.10",
    "J18.9",
    "B34.9",
    "H66.90",
    "R05.9",
    "Z79.4",
    "E03.9",
    "D64.9",
    "K58.9",
    "M17.11",
    "S52.501A",
    "T78.40XA",
    "Z34.90",
    "F90.0",
    "G47.33",
    "I48.91",
    "N18.30",
    "J44.1",
    "E55.9",
    "F43.10",
    "K35.80",
    "R07.9",
    "Z01.419",
    "M79.7",
    "L40.0",
    "G35",
    "E10.9",
    "I50.9",
    "Z68.41",
    "F17.210",
    "R73.03",
]
ICD_RE = re.compile(r"[A-TV-Z][0-9][A-Z0-9](\.?[A-Z0-9]{1,4})?")


def v_icd(s: str) -> bool:
    return bool(ICD_RE.fullmatch(s))


AWS_RE = re.compile(r"(A3T[A-Z0-9]|ABIA|ACCA|AKIA|ASIA)[0-9A-Z]{16}")


def gen_aws_key(prefix: str = "AKIA") -> str:
    s = prefix + rs(B32, 16)
    assert AWS_RE.fullmatch(s) and "EXAMPLE" not in s, s
    return s


def gen_aws_secret() -> str:
    return rs(ALNUM + "/+", 40)


GH_RE = re.compile(r"gh[pousr]_[A-Za-z0-9]{36}")
GH_PAT_RE = re.compile(r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}")


def _b62(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")


def gen_gh_token(prefix: str = "ghp") -> str:
    if prefix == "github_pat":
        s = f"github_pat_{rs(ALNUM, 22)}_{rs(ALNUM, 59)}"
        assert GH_PAT_RE.fullmatch(s), s
        return s
    rnd = rs(ALNUM, 30)
    s = f"{prefix}_{rnd}{_b62(zlib.crc32(rnd.encode()), 6)}"
    assert GH_RE.fullmatch(s), s
    return s


SLACK_RE = re.compile(r"xox[abprs]-[0-9A-Za-z-]{20,}")


def gen_slack(kind: str = "b") -> str:
    team = rdigits(R.choice([10, 11, 12]))
    if kind == "b":
        s = f"xoxb-{team}-{rdigits(13)}-{rs(ALNUM, 24)}"
    elif kind == "p":
        s = f"xoxp-{team}-{rdigits(12)}-{rdigits(13)}-{rs('0123456789abcdef', 32)}"
    elif kind == "a":
        s = f"xoxa-2-{team}-{rdigits(13)}-{rs('0123456789abcdef', 64)}"
    else:
        raise ValueError(kind)
    assert SLACK_RE.fullmatch(s), s
    return s


def v_jwt(s: str) -> bool:
    parts = s.split(".")
    if len(parts) != 3:
        return False
    try:
        hdr = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
    except Exception:
        return False
    return isinstance(hdr, dict) and "alg" in hdr


def gen_jwt(alg: str = "HS256", issuer: str = "https://auth.hollowbrook.example") -> str:
    hdr = {"alg": alg, "typ": "JWT"}
    if alg != "HS256":
        hdr["kid"] = rs(ALNUM, 16)
    iat = R.randint(1_700_000_000, 1_735_000_000)
    payload = {
        "iss": issuer,
        "sub": rs("0123456789abcdef", 24),
        "aud": R.choice(["web", "mobile", "api", "partner-portal"]),
        "iat": iat,
        "exp": iat + R.choice([900, 3600, 86400]),
    }
    if R.random() < 0.5:
        payload["scope"] = R.choice(["read:orders", "openid profile email", "admin", "payments:write"])
    if R.random() < 0.3:
        payload["sid"] = rs(ALNUM, 20)
    sig_len = {"HS256": 32, "RS256": 256, "ES256": 64, "HS512": 64}[alg]
    s = ".".join(
        [
            b64url(json.dumps(hdr, separators=(",", ":")).encode()),
            b64url(json.dumps(payload, separators=(",", ":")).encode()),
            b64url(R.randbytes(sig_len)),
        ]
    )
    assert v_jwt(s), s
    return s


PEM_PRIV_RE = re.compile(
    r"-----BEGIN (RSA |EC |OPENSSH |DSA |ENCRYPTED )?PRIVATE KEY-----\n[\s\S]+\n"
    r"-----END (RSA |EC |OPENSSH |DSA |ENCRYPTED )?PRIVATE KEY-----"
)


def _pem(label: str, n_bytes: int, width: int = 64) -> str:
    body = base64.b64encode(R.randbytes(n_bytes)).decode()
    lines = [body[i : i + width] for i in range(0, len(body), width)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"


def gen_private_key(kind: str) -> str:
    if kind == "rsa":
        s = _pem("RSA PRIVATE KEY", R.choice([608, 1190]))
    elif kind == "ec":
        s = _pem("EC PRIVATE KEY", 121)
    elif kind == "openssh":
        raw = b"openssh-key-v1\x00" + R.randbytes(R.choice([384, 496]))
        body = base64.b64encode(raw).decode()
        s = (
            "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "\n".join(body[i : i + 70] for i in range(0, len(body), 70))
            + "\n-----END OPENSSH PRIVATE KEY-----"
        )
    elif kind == "pkcs8":
        s = _pem("PRIVATE KEY", R.choice([138, 1218]))
    else:
        raise ValueError(kind)
    assert PEM_PRIV_RE.fullmatch(s), s[:40]
    return s


# ----------------------------------------------------------------------------------------------
# free text
# ----------------------------------------------------------------------------------------------

DM_OPEN = [
    "",
    "",
    "",
    "hey",
    "hi",
    "ok so",
    "lol",
    "omg",
    "morning!",
    "quick q",
    "ugh",
    "sorry for the late reply,",
    "yo",
    "btw",
    "hiii",
    "so",
    "wait",
]
DM_BODY = [
    "are you still coming to dinner on friday?",
    "I can't make it tonight, the baby has a fever again",
    "did you see what {f} posted in the group chat",
    "can you send me the photos from the lake trip",
    "my rent went up again, I think I'm going to move",
    "don't tell anyone yet but I'm interviewing somewhere else",
    "the doctor thinks it's just a sprain, I'm fine",
    "I think I left my keys at your place",
    "running 10 min late, traffic is awful",
    "what time does your flight land?",
    "I still owe you for the concert tickets, is venmo ok?",
    "honestly I'm so burnt out on this project",
    "happy birthday!! hope you have the best day",
    "my mom wants to know if you're coming for the holidays",
    "can we talk later? it's kind of personal",
    "thanks for listening yesterday, it really helped",
    "he finally apologized",
    "I'm outside, door's locked",
    "did you get the lease paperwork?",
    "we broke up last night, I don't really want to talk about it",
    "just landed, I'll call you in 20",
    "can you cover my shift saturday? I'll take your sunday",
    "my therapist said I should set boundaries with {f}",
    "did you pay the electric bill or should I",
    "I got the job!!!",
    "are we still on for climbing at 6",
    "pls don't forward this to anyone",
    "I'm so nervous about the results tomorrow",
    "can you pick up oat milk on your way home",
    "he said what?? no way",
    "I miss you, come visit soon",
    "the landlord is coming at 2 to look at the sink",
    "sorry I snapped at you earlier",
    "I'm going to tell my manager I need the week off",
    "did {f} ever pay you back",
    "lmk when you're free to talk about the wedding budget",
    "I can't believe she said that in front of everyone",
]
DM_CLOSE = ["", "", "", "", " 😅", " lmk", " ❤️", " thx", "?", " talk soon", " 🙏", " haha", "!!"]


def dm_message() -> str:
    body = R.choice(DM_BODY).format(f=first())
    o = R.choice(DM_OPEN)
    s = f"{o} {body}{R.choice(DM_CLOSE)}".strip()
    if R.random() < 0.3:
        s = s.lower()
    return s


PROMPT_TEMPLATES = [
    'Rewrite this so it sounds more professional: "{dm}"',
    "I have a meeting with my boss tomorrow about {work}. Can you help me figure out what to say?",
    "My {rel} was just diagnosed with {cond}. What questions should I ask at the next appointment?",
    "write a text to my {rel} apologizing for {event}. keep it short, I don't want to sound fake",
    "Help me make a budget. I take home about ${pay} a month "
    "and rent is ${rent}. I keep running out before payday.",
    "act as a career coach. I've been at my company {yrs} years "
    "and got passed over for promotion again. what should I do?",
    "I'm really anxious about {event2} tomorrow, can you give me some ways to calm down tonight?",
    "Translate to Spanish: \"Hi, it's {f}. I'll be late picking up the kids today, sorry!\"",
    "Can you help me reply to my landlord? He wants to keep my deposit because of {event3}.",
    "I think my coworker {f} is taking credit for my work. How do I bring it up without making it weird?",
    "Summarize my journal entry and tell me if I'm being too hard on myself: {journal}",
    "how do I tell my partner I want to move to {city} for a job without starting a fight",
    "Draft a message to my doctor's office asking to move my "
    "appointment, I have {cond2} and can't drive this week",
    "you are my writing buddy. here's the breakup letter I never sent, help me finish it: {journal}",
]
WORK = [
    "my raise",
    "the reorg",
    "going part-time",
    "my performance plan",
    "a conflict with my team lead",
    "remote work",
]
REL = [
    "mom",
    "dad",
    "sister",
    "brother",
    "husband",
    "wife",
    "partner",
    "grandma",
    "best friend",
    "son",
    "daughter",
]
COND = [
    "type 2 diabetes",
    "early-stage breast cancer",
    "ADHD",
    "Parkinson's",
    "a heart arrhythmia",
    "celiac disease",
]
COND2 = ["a migraine flare", "a bad back", "vertigo", "an eye infection"]
EVENT = [
    "missing her birthday",
    "what I said at dinner",
    "forgetting to call",
    "being distant lately",
    "the fight on sunday",
]
EVENT2 = [
    "a job interview",
    "my court date",
    "my biopsy results",
    "a first date",
    "the custody hearing",
    "my driving test",
]
EVENT3 = [
    "a small stain on the carpet",
    "nail holes from my pictures",
    "a broken blind that was already broken",
]
JOURNAL = [
    "today I cried in the car again before work and I don't even know why",
    "I keep saying yes to everything and then resenting everyone",
    "we argued about money again and I said things I regret",
    "I felt invisible in the team meeting, nobody asked what I thought",
]
CITIES = ["Denver", "Lisbon", "Toronto", "Austin", "Berlin", "Melbourne", "Osaka"]


def ai_prompt() -> str:
    t = R.choice(PROMPT_TEMPLATES)
    return t.format(
        dm=dm_message(),
        work=R.choice(WORK),
        rel=R.choice(REL),
        cond=R.choice(COND),
        event=R.choice(EVENT),
        pay=R.randint(18, 62) * 100,
        rent=R.randint(9, 28) * 100,
        yrs=R.randint(2, 9),
        event2=R.choice(EVENT2),
        f=first(),
        event3=R.choice(EVENT3),
        journal=R.choice(JOURNAL),
        city=R.choice(CITIES),
        cond2=R.choice(COND2),
    )


ASSISTANT_REPLIES = [
    "I'm sorry you're dealing with this. Here are a few things you could try:",
    "That sounds really stressful. One approach is to start by acknowledging how you feel.",
    "Sure! Here's a shorter, more professional version:",
    "Here's a draft you can adapt:",
    "Good question. A few options to consider before you decide:",
    "Absolutely, here is a gentle way to phrase it:",
]

SUPPORT_ISSUES = [
    (
        "my package says delivered but it's not here",
        "I'm sorry about that. Could you check with neighbours or your building's mailroom?",
        "already did, nobody has it",
        "I've opened a carrier investigation and issued a replacement at no charge.",
    ),
    (
        "I was charged twice for my subscription this month",
        "Let me look into that for you. I can see two charges on the 3rd.",
        "yes that's the one, can you refund the second?",
        "Done, the duplicate charge has been reversed. It can take 3-5 business days.",
    ),
    (
        "I can't log in, it keeps saying my account is locked",
        "Sorry for the trouble! For security I'll send a reset link to the email on file.",
        "ok got it, thanks",
        "Great, let me know if it works.",
    ),
    (
        "I want to cancel, it's too expensive for me right now",
        "I understand. Before I do, would a pause for 2 months help?",
        "no just cancel please",
        "No problem, your plan is cancelled and you won't be billed again.",
    ),
    (
        "the blender I got arrived cracked",
        "Oh no, I'm sorry! Could you upload a photo of the damage?",
        "sent it just now",
        "Thanks, I've approved a replacement. No need to return the broken one.",
    ),
    (
        "my order from last week never shipped, I needed it for my daughter's birthday",
        "I'm really sorry, I see it's stuck at our warehouse.",
        "this is so frustrating",
        "I completely understand. I've upgraded it to overnight shipping for free.",
    ),
    (
        "hi, can I change the delivery address on my order?",
        "Happy to help! What's the new address?",
        "actually nevermind I'll just pick it up",
        "Sounds good, it's been switched to store pickup.",
    ),
]
AGENT_NAMES = ["Marco", "Aisha", "Lena", "Tomás", "Priya", "Ken", "Bot"]


def support_transcript() -> str:
    a, b, c, d = R.choice(SUPPORT_ISSUES)
    agent = R.choice(AGENT_NAMES)
    style = R.random()
    h, m = R.randint(8, 21), R.randint(0, 50)
    turns = [("Customer", a), (f"Agent ({agent})", b), ("Customer", c), (f"Agent ({agent})", d)]
    if R.random() < 0.5:
        turns.append(
            ("Customer", R.choice(["thank you!", "ok", "appreciate it", "thanks, have a good one", "👍"]))
        )
    if style < 0.4:
        return "\n".join(f"[{h:02d}:{m + i:02d}] {who}: {txt}" for i, (who, txt) in enumerate(turns))
    if style < 0.7:
        return " | ".join(f"{'visitor' if w == 'Customer' else 'operator'}> {t}" for w, t in turns)
    return "\n".join(f"{'CUST' if w == 'Customer' else 'AGT'}: {t}" for w, t in turns)


def llm_transcript_json() -> str:
    msgs = []
    if R.random() < 0.4:
        msgs.append({"role": "system", "content": "You are a helpful assistant."})
    msgs.append({"role": "user", "content": ai_prompt()})
    msgs.append({"role": "assistant", "content": R.choice(ASSISTANT_REPLIES)})
    if R.random() < 0.5:
        msgs.append(
            {
                "role": "user",
                "content": R.choice(
                    [
                        "thanks, can you make it shorter?",
                        "that helps a lot",
                        "no that's not what I meant",
                        "ok and what if she says no?",
                    ]
                ),
            }
        )
    return json.dumps(msgs, ensure_ascii=False)


# keystrokes
TYPED_PHRASES = [
    "hi mom",
    "sorry I can't make it",
    "dear hiring manager",
    "meeting notes q3",
    "pls call me back",
    "my password is",
    "love you too",
    "resignation letter draft",
    "where are you",
    "transfer 500 to savings",
    "can't sleep again",
    "doctor appt thursday",
    "i need a break",
    "happy anniversary",
    "fwd: offer letter",
    "order status",
    "new years resolutions",
    "hey its me",
    "dont forget the keys",
]
SPECIAL_KEYS = ["Backspace", "Shift", "Enter", "Tab", "ArrowLeft", "Control"]


def key_events_json(style: int) -> str:
    phrase = R.choice(TYPED_PHRASES)
    t = R.randint(1_709_000_000_000, 1_712_000_000_000)
    events = []
    for ch in phrase:
        t += R.randint(60, 320)
        k = "Space" if ch == " " else ch
        if style == 0:
            events.append({"key": k, "ts": t, "type": "keydown"})
        else:
            code = (
                "Space"
                if ch == " "
                else (f"Key{ch.upper()}" if ch.isalpha() else f"Digit{ch}" if ch.isdigit() else "Quote")
            )
            events.append(
                {"code": code, "down_ms": t % 10_000_000, "up_ms": t % 10_000_000 + R.randint(40, 130)}
            )
        if R.random() < 0.07:
            t += R.randint(80, 200)
            sk = R.choice(SPECIAL_KEYS)
            events.append(
                {"key": sk, "ts": t, "type": "keydown"}
                if style == 0
                else {"code": sk, "down_ms": t % 10_000_000, "up_ms": t % 10_000_000 + 70}
            )
    return json.dumps(events, separators=(",", ":"))


def key_seq(style: int) -> str:
    phrase = R.choice(TYPED_PHRASES)
    t = 0 if style == 0 else R.randint(1_709_000_000, 1_712_000_000) + R.random()
    parts = []
    for ch in phrase:
        t += R.randint(55, 300) if style == 0 else R.randint(55, 300) / 1000
        k = "SPACE" if ch == " " else ch
        parts.append(f"{t}:{k}" if style == 0 else f"{t:.3f}:{k}")
        if R.random() < 0.06:
            parts.append(f"{t + 90}:BKSP" if style == 0 else f"{t + 0.09:.3f}:BKSP")
    return (" " if style == 0 else "|").join(parts)


def typed_stream() -> str:
    phrase = R.choice(
        [
            *TYPED_PHRASES,
            "dear mr fischer i am writing to",
            "i dont think i can do this anymore",
            "username jkw password",
            "grocery list eggs spinach rice",
            "re: your application",
            "call the pharmacy about refill",
        ]
    )
    out = []
    for ch in phrase:
        if R.random() < 0.06:
            out.append(R.choice("qwertyuiop") + "[BKSP]")
        out.append(ch)
    s = "".join(out)
    if R.random() < 0.5:
        s += "[ENTER]"
    if R.random() < 0.3:
        s = "[SHIFT]" + s
    return s


# mouse
def mouse_path(keys=("x", "y", "t"), n=None, t_abs=True, with_type=None) -> list[dict]:
    n = n or R.randint(6, 18)
    x, y = R.randint(0, 1920), R.randint(0, 1080)
    t = R.randint(1_709_000_000_000, 1_712_000_000_000) if t_abs else 0
    out = []
    for i in range(n):
        x = max(0, min(2560, x + R.randint(-40, 40)))
        y = max(0, min(1440, y + R.randint(-30, 30)))
        t += R.randint(8, 34)
        ev = {keys[0]: x, keys[1]: y, keys[2]: t}
        if with_type:
            ev[with_type[0]] = R.choice(with_type[1]) if i == n - 1 else with_type[1][0]
        out.append(ev)
    return out


# screen content
SCREENS = [
    "Inbox (23) - Outlook\nFocused  Other\n{f} {l}   RE: Q3 forecast - can you resend the numbers before 4?\n"
    "HR Team   Your benefits enrollment closes Friday\n{f2}   lunch?",
    "Account Summary | Online Banking\nChecking ...4821   Available balance $2,{n3}.{n2}\n"
    "Savings ...0193   $14,{m3}.{m2}\nRecent activity  ZELLE TO {F} {L}  -$120.00",
    "budget_2024.xlsx - Excel\nA        B        C\nRent     2,150    paid\nDaycare  1,380    due 1st\n"
    "Credit card  4,{n3}  minimum only??",
    "#design-team | Slack\n{f} {l}  10:42 AM\nhonestly I think the client is going to cancel\n"
    "{f2}  10:44 AM\ndon't say that in the all-hands lol",
    "Google Calendar - Week of Mar 11\nTue 9:00  1:1 with {f}  (PIP check-in)\nWed 14:30  Dentist\n"
    "Thu 18:00  Couples therapy",
    "Indeed - Senior Analyst jobs in Denver, CO\nApplied 3 "
    "days ago\nYour application was viewed by the employer",
    "Document1 - Word\nTo whom it may concern,\nI am writing to formally resign from my position as",
    "WhatsApp\n{f} {l}\nare you telling him tonight or waiting till after the holidays\ntyping...",
    "Zoom Meeting\n{f} {l} (Host)   {f2} (muted)\nChat: can everyone see my screen?  Recording...",
    "Chrome - Cart (3) | shop\nPrenatal vitamins 90ct   "
    "$24.99\nPregnancy test 2-pack   $12.49\nProceed to checkout",
]
OCR_NOISE = [("m", "rn"), ("l", "1"), ("O", "0"), ("e", "c"), ("S", "5")]


def screen_ocr() -> str:
    s = R.choice(SCREENS).format(
        f=first(),
        l=last(),
        f2=first(),
        F=first().upper(),
        L=last().upper(),
        n3=f"{R.randint(0, 999):03d}",
        n2=f"{R.randint(0, 99):02d}",
        m3=f"{R.randint(0, 999):03d}",
        m2=f"{R.randint(0, 99):02d}",
    )
    if R.random() < 0.5:
        a, b = R.choice(OCR_NOISE)
        s = s.replace(a, b, 1)
    if R.random() < 0.3:
        s = s.replace("\n", " ")
    return s


WINDOW_TITLES = [
    "Q3_forecast_v7_FINAL.xlsx - Excel",
    "(3) WhatsApp - Google Chrome",
    "Inbox - {f}.{l}@work - Outlook",
    "Zoom Meeting",
    "PAY-1432 Fix refund rounding - Jira - Google Chrome",
    "resume_2024_final(2).docx - Word",
    "Indeed: Jobs near Austin, TX - Mozilla Firefox (Private Browsing)",
    "Untitled - Notepad",
    "Slack | DM with {f} {l}",
    "Online Banking - Transfer Funds - Microsoft Edge",
    "divorce_lawyer_questions.txt - TextEdit",
    "Messages - {f}",
    "salary_bands_2024_CONFIDENTIAL.pdf - Adobe Acrobat",
    "Spotify Premium",
    "My Chart - Test Results - Google Chrome",
    "Tinder | Match - Google Chrome",
    "Terminal - ssh prod-db-02",
    "Teams - 1:1 {f} / {f2}",
    "LinkedIn Messaging - Google Chrome",
    "Calculator",
]


def window_title() -> str:
    return R.choice(WINDOW_TITLES).format(f=first(), l=ascii_lower(last()), f2=first())


# performance reviews
RATINGS = ["Meets All", "Exceeds", "Partially Meets", "Strongly Exceeds", "Does Not Meet", "Meets Most"]
STRENGTHS = [
    "owned the billing migration end to end and kept stakeholders informed",
    "is the person the team goes to when prod breaks",
    "mentored two new hires and both are now shipping independently",
    "consistently delivers ahead of deadlines",
    "brought real rigor to our experiment reviews",
    "handled a difficult customer escalation with a lot of patience",
]
GROWTH = [
    "needs to delegate more instead of doing everything personally",
    "should speak up earlier when a project is at risk",
    "missed several sprint commitments in H2",
    "can come across as dismissive in design reviews",
    "has to improve written documentation",
    "struggled with prioritisation after the reorg",
]


def manager_feedback() -> str:
    f = first()
    s = f"{f} {R.choice(STRENGTHS)}. Area for growth: {f} {R.choice(GROWTH)}."
    if R.random() < 0.6:
        s += f" Overall rating: {R.choice(RATINGS)}."
    if R.random() < 0.3:
        s += " Recommend for promotion next cycle." if R.random() < 0.5 else " Not ready for promotion yet."
    return s


def peer_feedback() -> str:
    f = first()
    return R.choice(
        [
            f"Working with {f} on the data contracts project was great; "
            f"I'd love to see {f} push back more on scope creep.",
            f"{f} is super helpful in code review but sometimes the "
            "comments feel harsh. Keep doing the pairing sessions!",
            f"I rely on {f} a lot. One thing to work on: replying "
            "to pings outside of meetings, sometimes takes days.",
            "Start: sharing context earlier. Stop: rewriting other "
            "people's PRs. Continue: being the calm one in incidents.",
            f"Honestly {f} carried the Q2 launch. Only suggestion "
            f"is to take vacation, {f} looked exhausted in June.",
            f"{f} was hard to reach during the migration and "
            "missed two handoffs. Would like more predictability.",
        ]
    )


def self_assessment() -> str:
    return R.choice(
        [
            "This year I led the vendor consolidation and cut costs "
            "by {p}%. I struggled with work-life balance in Q3.",
            "I am proud of mentoring our interns. I fell short on "
            "the analytics roadmap and want to own that next half.",
            "My biggest win was the on-call redesign. I'd rate myself "
            "Meets All; I need to improve my presentation skills.",
            "I took on the team lead role mid-year without a "
            "title change. I believe my impact is at Exceeds.",
            "I missed my goals for H1 because of my medical leave, "
            "but delivered the pricing model after returning.",
        ]
    ).format(p=R.randint(5, 30))


# medical
SOAP_CASES = [  # (complaint, assessment, plan) kept clinically consistent
    ("chest tightness x2d, worse w/ exertion", "r/o ACS", "ECG, troponin x2, ASA 325"),
    ("productive cough and fever 101.4F x4d", "CAP likely", "CXR, start amoxicillin 1g TID"),
    ("low back pain radiating to L leg", "lumbar radiculopathy", "PT referral, naproxen 500 BID"),
    ("palpitations and dizziness since yesterday", "paroxysmal AF?", "Holter 48h, TSH, f/u cardiology"),
    ("burning on urination, frequency", "uncomplicated UTI", "UA/culture, nitrofurantoin 100 BID x5d"),
    (
        "worsening depressed mood, poor sleep",
        "MDD, recurrent, moderate",
        "increase sertraline to 100mg, safety plan reviewed",
    ),
    ("RLQ abd pain, nausea", "r/o appendicitis", "CT abd/pelvis w/ contrast, surgery consult"),
    ("polyuria, polydipsia, A1c 9.8", "T2DM, uncontrolled", "start metformin 500 BID, diabetes education"),
]


def soap_note() -> str:
    age, sex = R.randint(19, 88), R.choice("MF")
    cc, a, p = R.choice(SOAP_CASES)
    o = f"BP {R.randint(100, 170)}/{R.randint(60, 105)}, HR {R.randint(55, 120)}, SpO2 {R.randint(91, 100)}%"
    return f"S: {age}yo {sex} c/o {cc}. O: {o}. A: {a}. P: {p}."


ALLERGIES = [
    "NKDA",
    "Penicillin (hives)",
    "Sulfa drugs - rash",
    "Latex; shellfish",
    "Codeine (N/V)",
    "Peanuts - anaphylaxis, carries EpiPen",
    "Iodinated contrast",
    "Amoxicillin; cats",
    "Aspirin (angioedema)",
]
PMH = [
    "HTN, T2DM, s/p appendectomy 2009",
    "asthma since childhood, GERD",
    "hx of MI 2018, CABG x3",
    "bipolar II, hypothyroidism",
    "breast ca 2015 s/p lumpectomy + XRT, in remission",
    "HIV+ on ART, undetectable VL",
    "migraine w/ aura, PCOS",
    "CKD stage 3a, gout",
    "opioid use disorder in sustained remission on buprenorphine",
    "G2P1, gestational diabetes in prior pregnancy",
    "COPD, 40 pack-year smoker",
]
RX = [
    "Metformin 500 mg PO BID",
    "Lisinopril 10 mg PO daily",
    "Atorvastatin 40 mg PO qHS",
    "Sertraline 50 mg PO daily",
    "Levothyroxine 75 mcg PO qAM",
    "Albuterol HFA 2 puffs q4-6h PRN wheeze",
    "Apixaban 5 mg PO BID",
    "Insulin glargine 22 units SC qHS",
    "Buprenorphine/naloxone 8/2 mg SL daily",
    "Adalimumab 40 mg SC q2wk",
    "Quetiapine 100 mg PO qHS",
    "Oxycodone 5 mg PO q6h PRN pain, #20",
]


def triage_note() -> str:
    return R.choice(
        [
            "Pt called reporting {sym} since {when}. Advised to "
            "go to ED if symptoms worsen. Callback scheduled.",
            "Caller states her son has {sym}, no fever. Home care reviewed, seen in clinic tomorrow.",
            "Pt reports {sym}. Took ibuprofen without relief. Nurse recommended urgent care today.",
            "Post-op day 3 call: {sym}. Incision clean per pt. Reinforced wound care instructions.",
        ]
    ).format(
        sym=R.choice(
            [
                "severe headache and blurred vision",
                "vomiting x6",
                "shortness of breath at rest",
                "swelling in left calf",
                "rash after starting new antibiotic",
                "suicidal thoughts, no plan",
            ]
        ),
        when=R.choice(["last night", "this morning", "2 days ago", "Sunday"]),
    )


def discharge_summary() -> str:
    reason, med, advice = R.choice(
        [
            ("DKA", "Insulin glargine 22 units SC qHS", "Check glucose QID."),
            ("CHF exacerbation", "Furosemide 40 mg PO daily", "Diet: low sodium, daily weights."),
            ("community-acquired pneumonia", "Amoxicillin-clavulanate 875 mg PO BID x5d", ""),
            ("cellulitis of the L leg", "Cephalexin 500 mg PO QID x7d", "Elevate the leg."),
            (
                "alcohol withdrawal",
                "Thiamine 100 mg PO daily",
                "Avoid alcohol; referred to outpatient program.",
            ),
            ("new-onset AF", "Apixaban 5 mg PO BID", "Bleeding precautions reviewed."),
        ]
    )
    return (
        f"Admitted for {reason}. Hospital course uncomplicated. Discharged on {med}. "
        f"Follow up with PCP in {R.randint(3, 14)} days. {advice}"
    ).strip()


# tax
def w2_json() -> str:
    wages = R.randint(28_000, 240_000) + R.randint(0, 99) / 100
    d = {
        "tax_year": R.choice([2022, 2023, 2024]),
        "box1_wages": round(wages, 2),
        "box2_fed_income_tax_withheld": round(wages * R.uniform(0.08, 0.22), 2),
        "box3_ss_wages": round(min(wages, 160_200), 2),
        "box4_ss_tax": round(min(wages, 160_200) * 0.062, 2),
        "box5_medicare_wages": round(wages, 2),
        "box6_medicare_tax": round(wages * 0.0145, 2),
    }
    if R.random() < 0.5:
        d["box12"] = [{"code": R.choice(["D", "DD", "W"]), "amount": round(R.uniform(500, 22_000), 2)}]
    if R.random() < 0.7:
        st = R.choice(["CA", "NY", "IL", "GA", "OR", "NJ"])
        d["box15_state"] = st
        d["box17_state_income_tax"] = round(wages * R.uniform(0.02, 0.08), 2)
    return json.dumps(d)


def f1099_json(payer_ein: str) -> str:
    form = R.choice(["1099-NEC", "1099-MISC", "1099-INT", "1099-DIV"])
    amt_key = {
        "1099-NEC": "box1_nonemployee_comp",
        "1099-MISC": "box3_other_income",
        "1099-INT": "box1_interest_income",
        "1099-DIV": "box1a_ordinary_dividends",
    }[form]
    d = {
        "form": form,
        "tax_year": R.choice([2023, 2024]),
        "payer_tin": payer_ein,
        amt_key: round(R.uniform(40, 95_000), 2),
        "box4_fed_withheld": round(R.choice([0, 0, 0, R.uniform(10, 4000)]), 2),
    }
    return json.dumps(d)


# negatives: free text
PRODUCT_REVIEWS = [
    "I bought these for my commute and the noise cancelling is "
    "honestly better than my old pair. Battery lasts all week.",
    "I was skeptical but this pan heats evenly and nothing sticks. Four stars because the handle gets hot.",
    "My daughter loves this backpack, although the zipper "
    "broke after two months. Customer service replaced it.",
    "I've tried a dozen protein powders and this is the only "
    "one that mixes without clumps. Vanilla is the best flavour.",
    "I returned it. The size chart runs small and the fabric felt cheap to me.",
    "I use this tent every summer. It survived a thunderstorm in the Rockies with no leaks!",
    "I wanted to love this blender but it's so loud my dog hides. Works fine otherwise.",
    "Bought two for my office. I like the lumbar support; assembly took me about 20 minutes.",
    "I'd give zero stars if I could. Arrived scratched and the remote didn't pair.",
    "I am on my third bottle. My skin is less dry and I haven't had a breakout since I switched.",
]
MARKETING = [
    "You deserve a break. Book by Sunday and save 25% on your next getaway.",
    "Your kitchen, upgraded. Discover our new copper collection today.",
    "Don't miss out: your cart is waiting, and we saved it just for you.",
    "Ready to level up your workouts? Try Premium free for 30 days.",
    "You're invited! Members get early access to the spring sale.",
    "Treat yourself - free shipping on everything, this weekend only.",
    "Your next favourite read is one tap away. Start your free trial.",
]
RELEASE_NOTES = [
    "Fixed a crash when exporting reports with more than 10k rows.",
    "Added dark mode to the settings page.",
    "Improved sync performance on slow networks.",
    "Deprecated the v1 export endpoint; use /v2/exports.",
    "Keyboard shortcuts now work in the editor sidebar.",
    "Updated translations for pt-BR and ja-JP.",
    "Resolved an issue where the screen reader skipped table headers.",
]
JOB_POSTINGS = [
    "You will own our payments data pipeline and partner with "
    "finance. Performance expectations are set quarterly.",
    "We're looking for a nurse educator to design onboarding for new clinical staff. BSN required.",
    "As a tax associate you will prepare returns for small "
    "businesses during busy season. CPA track preferred.",
    "You'll build chat and messaging features used by millions. Experience with websockets a plus.",
    "Join our people team: you'll run the annual review cycle and calibrations across 12 departments.",
]
GLOSSARY = [
    "Hypertension: persistently elevated arterial blood pressure, commonly defined as 130/80 mmHg or higher.",
    "Anaphylaxis: a severe, potentially life-threatening systemic hypersensitivity reaction.",
    "Metformin: a biguanide used as first-line therapy for type 2 diabetes mellitus.",
    "Tachycardia: a resting heart rate above 100 beats per minute in adults.",
    "Cellulitis: a bacterial infection of the dermis and subcutaneous tissue.",
    "Triage: the process of sorting patients by the urgency of their need for care.",
    "Comorbidity: the simultaneous presence of two or more conditions in a patient.",
]
TAX_INSTRUCTIONS = [
    "Enter the amount from Schedule 1, line 10. If zero or less, enter -0-.",
    "If you received a Form 1099-INT, report taxable interest on line 2b.",
    "Attach Form W-2 here. Also attach Forms W-2G and 1099-R if tax was withheld.",
    "Married filing jointly: combine both spouses' income and deductions.",
    "The standard deduction for single filers is shown in the table below.",
    "Use the worksheet to figure the amount of your estimated tax penalty, if any.",
]
CANNED_REPLIES = [
    "Hi {{first_name}}, thanks for reaching out! An agent will be with you shortly.",
    "We're sorry to hear about your experience. Please reply with your order number so we can help.",
    "Our team is available Monday to Friday, 9am-6pm. We'll get back to you within 24 hours.",
    "Thanks {{first_name}}! Is there anything else I can help you with today?",
    "This chat has been closed due to inactivity. Start a new chat anytime.",
    "Hello! I'm the virtual assistant. Type 'agent' to talk to a person.",
]
COMMIT_MSGS = [
    "fix: handle null email in signup flow",
    "feat(auth): rotate signing keys every 24h",
    "chore: bump phonenumbers",
    "refactor: split SSN masking into its own module",
    "I think this finally fixes the flaky test",
    "revert: 'add chat widget'",
    "docs: explain how we store tokens",
    "perf: cache keyboard layout lookups",
    "wip: screen recorder spike",
    "test: add cases for card BIN detection",
    "fix typo in tax rate table",
    "feat: mouse heatmap aggregation (counts only)",
]


def log_line() -> str:
    ts = dt.datetime(2024, 3, 1) + dt.timedelta(seconds=R.randint(0, 86400 * 20))
    lvl = R.choice(["INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"])
    msg = R.choice(
        [
            f"job=nightly_rollup rows={R.randint(1000, 99999)} took={R.uniform(1, 90):.1f}s",
            f"cache miss key=sku:{R.randint(1000, 9999)} fallback=db",
            f"retrying request attempt={R.randint(2, 5)} backoff_ms={R.choice([200, 400, 800])}",
            f"GET /api/v2/catalog?page={R.randint(1, 40)} 200 {R.randint(3, 300)}ms",
            f"worker-{R.randint(1, 16)} heartbeat ok",
            f"schema drift detected table=stg.orders added_cols={R.randint(1, 4)}",
            f"POST /checkout 502 upstream timeout after {R.randint(5, 30)}s",
        ]
    )
    return f"{ts.isoformat()}Z {lvl:<5} {R.choice(['api', 'etl', 'scheduler', 'checkout'])}: {msg}"


SQL_TEXT = [
    "SELECT cust_id, SUM(amount) FROM sales.orders WHERE order_dt >= DATE '2024-01-01' GROUP BY 1",
    "select ssn, dob from hr.employees where 1=0 -- schema probe",
    "INSERT INTO mart.daily_kpi SELECT current_date, count(*) FROM web.sessions",
    "WITH t AS (SELECT * FROM stg.cards WHERE card_last4 IS NOT NULL) SELECT count(*) FROM t",
    "UPDATE crm.contacts SET email_opt_in = false WHERE unsubscribed_at IS NOT NULL",
    "CREATE TABLE tmp.x AS SELECT phone_verified, count(*) c FROM users GROUP BY 1",
    "DELETE FROM audit.login_events WHERE event_ts < now() - INTERVAL 400 DAY",
    "select iban_country, avg(amount) from payments.sepa group by iban_country",
]


# ----------------------------------------------------------------------------------------------
# rows
# ----------------------------------------------------------------------------------------------

ROWS: list[dict] = []
CHECKS: list[tuple[str, object]] = []  # (id, validator) applied to every non-filler cell


def add(table, column, type_, comment, values, labels, protection, note, check=None):
    rid = f"h{len(ROWS) + 1:03d}"
    assert 40 <= len(values) <= 120, (column, len(values))
    assert protection in PROTECTIONS, protection
    assert all(lab in CLASSES for lab in labels), labels
    vals = [None if v is None else str(v) for v in values]
    ROWS.append(
        {
            "id": rid,
            "table": table,
            "column": column,
            "type": type_,
            "comment": comment,
            "values": vals,
            "labels": sorted(labels),
            "protection": protection,
            "note": note,
        }
    )
    if check is not None:
        CHECKS.append((rid, check))
    return rid


FILL_STR = ("", "N/A", "unknown")

# ===== us_ssn ===================================================================================
add(
    "hr_core.emp_master",
    "emp_tin",
    "varchar",
    None,
    sprinkle(many(lambda: gen_ssn("dash"), 70), 0.1),
    ["us_ssn"],
    "plaintext",
    "Abbreviated 'employee TIN' name; every value is a dashed SSN, some NULL.",
    v_ssn,
)
add(
    "raw_payroll.w4_intake",
    "SOC_SEC_NO",
    "string",
    "as keyed from paper W-4",
    sprinkle(many(lambda: gen_ssn("bare"), 55), 0.08, FILL_STR),
    ["us_ssn"],
    "plaintext",
    "Upper-case abbreviated name, bare 9-digit SSNs (name reveals them) with N/A and empty filler.",
    v_ssn,
)
add(
    "crm.customerProfile",
    "socialSecurityNumber",
    "varchar",
    None,
    many(lambda: gen_ssn("space"), 48),
    ["us_ssn"],
    "plaintext",
    "camelCase name, SSNs written with spaces instead of dashes.",
    v_ssn,
)
add(
    "lending.app_fields",
    "attr_val_3",
    "varchar",
    None,
    sprinkle(many(lambda: gen_ssn("dash"), 64), 0.15, (None, "")),
    ["us_ssn"],
    "plaintext",
    "Unrevealing EAV-style name, no comment; dashed SSN values alone identify the class.",
    v_ssn,
)
add(
    "risk.kyc_checks",
    "hashed_ssn",
    "varchar",
    "salted",
    [sha256_hex(gen_ssn("bare"), "kyc$") for _ in range(60)],
    ["us_ssn"],
    "hashed",
    "Hashed SSNs; the name says what was hashed, so the label stays.",
)
add(
    "support.case_export",
    "ssn_masked",
    "varchar",
    None,
    sprinkle([f"***-**-{gen_ssn('bare')[-4:]}" for _ in range(52)], 0.1),
    ["us_ssn"],
    "masked",
    "Masked to the last four; protection masked, label kept because of the name.",
)

# ===== us_itin ==================================================================================
add(
    "tax_intake.nonres_filer",
    "itin",
    "varchar",
    None,
    many(lambda: gen_itin("dash"), 45),
    ["us_itin"],
    "plaintext",
    "Dashed ITINs across the allowed group ranges.",
    v_itin,
)
add(
    "src_tax.w7_applications",
    "itin_no",
    "string",
    "issued ITIN, no separators",
    sprinkle(many(lambda: gen_itin("bare"), 50), 0.12, (None, "", "pending")),
    ["us_itin"],
    "plaintext",
    "Bare 9-digit ITINs, some 'pending' placeholders.",
    v_itin,
)
add(
    "payroll.nra_contractors",
    "itin_enc",
    "varchar",
    None,
    [vault_env(11) for _ in range(44)],
    ["us_itin"],
    "ciphertext",
    "vault:v1 envelopes; the name keeps the ITIN label.",
)
add(
    "legacy_hr.foreign_emp",
    "ITIN_NUMBER",
    "varchar",
    "deprecated 2019",
    [None] * 60,
    ["us_itin"],
    "empty",
    "Column named for ITINs that is entirely NULL.",
)
add(
    "tax_prep.household_members",
    "taxpayer_id_num",
    "varchar",
    "SSN or ITIN of each household member",
    [gen_itin("dash") if R.random() < 0.4 else gen_ssn("dash") for _ in range(66)],
    ["us_itin", "us_ssn"],
    "plaintext",
    "Mixed SSNs and ITINs in one column; both classes really present.",
    lambda s: v_ssn(s) or v_itin(s),
)

# ===== us_ein ===================================================================================
add(
    "vendors.vendor_master",
    "fed_tax_id",
    "varchar",
    None,
    sprinkle(many(lambda: gen_ein("dash"), 58), 0.07, (None, "APPLIED FOR")),
    ["us_ein"],
    "plaintext",
    "Federal tax id of vendors (businesses): dashed EINs with a placeholder value.",
    v_ein,
)
add(
    "edw.dim_employer",
    "employer_ein_nbr",
    "varchar",
    None,
    many(lambda: gen_ein("bare"), 42),
    ["us_ein"],
    "plaintext",
    "Bare 9-digit EINs; the name reveals them.",
    v_ein,
)
add(
    "ap.payee_1099",
    "payerTin",
    "varchar",
    None,
    many(lambda: gen_ein("dash"), 47),
    ["us_ein"],
    "plaintext",
    "camelCase payer TIN, all businesses so all EINs.",
    v_ein,
)
add(
    "src_fein.registrations",
    "src_fein",
    "string",
    None,
    sprinkle(many(lambda: gen_ein("dash"), 50), 0.2, ("N/A", "unknown", None)),
    ["us_ein"],
    "plaintext",
    "FEIN abbreviation with src_ prefix and 20% filler.",
    v_ein,
)
add(
    "grants.applicant_org",
    "ein_hash",
    "char(64)",
    None,
    [sha256_hex(gen_ein("bare")) for _ in range(45)],
    ["us_ein"],
    "hashed",
    "sha256 of EINs; name keeps the label.",
)

# ===== credit_card ==============================================================================
add(
    "payments.card_vault_stage",
    "pan",
    "varchar",
    "primary account number (staging, pre-tokenisation)",
    many(lambda: gen_card(), 72),
    ["credit_card"],
    "plaintext",
    "PAN of several brands (Visa, MC incl. 2-series, Amex, Discover, JCB, Diners, UnionPay), no separators.",
    v_card,
)
add(
    "raw_pos.swipe_log",
    "cc_num",
    "string",
    None,
    sprinkle(many(lambda: gen_card(R.choice(["visa", "mastercard", "amex"]), " "), 60), 0.1, (None, "")),
    ["credit_card"],
    "plaintext",
    "Space-separated card numbers (Amex 4-6-5 grouping).",
    v_card,
)
add(
    "checkout.PaymentAttempt",
    "cardNumber",
    "varchar",
    None,
    many(lambda: gen_card(R.choice(["visa", "discover", "jcb", "mastercard"]), "-"), 50),
    ["credit_card"],
    "plaintext",
    "camelCase, dash-separated card numbers.",
    v_card,
)
add(
    "ops.chargeback_import",
    "col_22",
    "varchar",
    None,
    many(lambda: gen_card(R.choice(["visa", "mastercard"]), " "), 45),
    ["credit_card"],
    "plaintext",
    "Positional name from a CSV import; 16-digit Luhn-valid grouped numbers alone identify the class.",
    v_card,
)
add(
    "billing.subscriptions",
    "cc_num_masked",
    "varchar",
    None,
    [R.choice(["XXXX-XXXX-XXXX-", "************", "**** **** **** "]) + rdigits(4) for _ in range(58)],
    ["credit_card"],
    "masked",
    "Masked card numbers in three styles; name keeps the label.",
)
add(
    "billing.subscriptions",
    "card_tok",
    "varchar",
    None,
    [token("tok_", 24) for _ in range(58)],
    ["credit_card"],
    "tokenized",
    "Processor tokens; name says they stand for cards.",
)

# ===== iban =====================================================================================
add(
    "finance.sepa_mandates",
    "iban",
    "varchar",
    None,
    many(lambda: gen_iban(R.choice(["DE", "FR", "NL", "ES", "IT", "BE", "AT", "PT"])), 64),
    ["iban"],
    "plaintext",
    "Compact IBANs from eight SEPA countries.",
    v_iban,
)
add(
    "treasury.pain001_lines",
    "dbtr_acct_id",
    "varchar",
    "ISO 20022 DbtrAcct/Id",
    many(lambda: gen_iban(R.choice(["GB", "IE", "CH", "PL", "SE", "DK", "NO"]), "print"), 52),
    ["iban"],
    "plaintext",
    "ISO 20022 style name; IBANs in print format (groups of four) incl. non-euro countries.",
    v_iban,
)
add(
    "de_hr.Mitarbeiter_Bank",
    "IBAN_Nr",
    "varchar",
    "Gehaltskonto",
    sprinkle(many(lambda: gen_iban("DE", R.choice(["print", "compact"])), 48), 0.1, (None, "")),
    ["iban"],
    "plaintext",
    "German column name and comment; mixed compact and print formats.",
    v_iban,
)
add(
    "payouts.beneficiary",
    "benef_iban_enc",
    "varchar",
    None,
    [ciphertext_b64(22) for _ in range(50)],
    ["iban"],
    "ciphertext",
    "base64 ciphertext; name keeps the IBAN label.",
)
add(
    "payouts.beneficiary",
    "payout_iban_masked",
    "varchar",
    None,
    [
        (lambda i: i[:4] + " **** **** **** " + i[-4:])(
            gen_iban(R.choice(["DE", "FR", "NL"]), "print").replace(" ", "")
        )
        for _ in range(50)
    ],
    ["iban"],
    "masked",
    "Masked IBANs keeping country, check digits and last four.",
)
add(
    "ods.acct_xref",
    "bank_acct_ident",
    "string",
    None,
    many(lambda: gen_iban(R.choice(["LU", "FI", "IS", "BE"]), R.choice(["print", "compact"])), 41),
    ["iban"],
    "plaintext",
    "Neutral name; IBANs of less common countries (LU alphanumeric BBAN, IS 26 chars) in both formats.",
    v_iban,
)

# ===== us_bank_routing ==========================================================================
add(
    "ach.origination",
    "aba_rtn",
    "varchar",
    None,
    many(gen_rtn, 55),
    ["us_bank_routing"],
    "plaintext",
    "ABA routing transit numbers, bare 9 digits.",
    v_rtn,
)
add(
    "payroll.direct_deposit",
    "routing_number",
    "varchar",
    None,
    sprinkle(many(gen_rtn, 62), 0.1, (None, "")),
    ["us_bank_routing"],
    "plaintext",
    "Plain name, some NULL.",
    v_rtn,
)
add(
    "src_plaid.accounts",
    "bankRoutingNo",
    "string",
    None,
    sprinkle(many(gen_rtn, 50), 0.16, ("unknown", None, "N/A")),
    ["us_bank_routing"],
    "plaintext",
    "camelCase name with 'unknown' filler.",
    v_rtn,
)
add(
    "wires.outbound",
    "wire_aba",
    "varchar",
    "unused since fedwire migration",
    [None] * 45,
    ["us_bank_routing"],
    "empty",
    "Named for routing numbers, entirely NULL.",
)
add(
    "ach.returns",
    "rdfi_rtn_hash",
    "char(64)",
    "hash of RDFI routing number",
    [sha256_hex(gen_rtn()) for _ in range(44)],
    ["us_bank_routing"],
    "hashed",
    "Hashed routing numbers; name keeps the label.",
)

# ===== email ====================================================================================
add(
    "crm.contacts_v2",
    "email_addr",
    "varchar",
    None,
    sprinkle(many(lambda: gen_email(0.3), 85), 0.06, (None, "")),
    ["email"],
    "plaintext",
    "Emails with plus-addressing and multi-level subdomains.",
    v_email,
)
add(
    "stg_hubspot.Contact",
    "contactEmail",
    "varchar",
    None,
    many(lambda: gen_email(0.1, 0.15), 60),
    ["email"],
    "plaintext",
    "camelCase, a few capitalised local parts.",
    v_email,
)
add(
    "iam.access_log_agg",
    "principal",
    "varchar",
    None,
    many(lambda: gen_email(0.05), 48),
    ["email"],
    "plaintext",
    "Unrevealing name; values alone are email addresses (login principals).",
    v_email,
)
add(
    "mkt.usr_profile",
    "usr_eml_sha256",
    "varchar",
    None,
    [sha256_hex(gen_email().lower()) for _ in range(70)],
    ["email"],
    "hashed",
    "Hashed emails for ad matching; name keeps the label.",
)
add(
    "support.tickets_public",
    "eml_redacted",
    "varchar",
    None,
    [(lambda e: e[0] + "*" * R.randint(3, 7) + e[e.index("@") :])(gen_email(0)) for _ in range(54)],
    ["email"],
    "masked",
    "Masked local part, domain kept.",
)
add(
    "notify.outbox",
    "notify_to",
    "varchar",
    "recipient; hashed after 30 days",
    [gen_email(0.2) if R.random() < 0.6 else sha256_hex(gen_email()) for _ in range(66)],
    ["email"],
    "mixed",
    "Partly plaintext, partly hashed emails in one column: protection mixed.",
)

# ===== phone_number =============================================================================
add(
    "crm.cust_contact",
    "cust_ph_no",
    "varchar",
    None,
    sprinkle(many(lambda: gen_phone("US", "national"), 60), 0.1, (None, "", "N/A")),
    ["phone_number"],
    "plaintext",
    "US national format '(415) 555-0142' in an abbreviated column name.",
    lambda s: v_phone(s, "US"),
)
add(
    "app.users",
    "mobile_e164",
    "varchar",
    None,
    many(
        lambda: gen_phone(
            R.choice(["US", "GB", "DE", "FR", "IN", "BR", "JP", "AU", "MX", "NG", "ZA", "SG"]), "e164"
        ),
        80,
    ),
    ["phone_number"],
    "plaintext",
    "E.164 numbers from twelve countries.",
    v_phone,
)
add(
    "de_crm.Kunde",
    "telefonnummer",
    "varchar",
    None,
    many(lambda: gen_phone("DE", "national"), 45),
    ["phone_number"],
    "plaintext",
    "German column name, German national format.",
    lambda s: v_phone(s, "DE"),
)
add(
    "uk_retail.loyalty_member",
    "contact_tel",
    "string",
    None,
    sprinkle(many(lambda: gen_phone("GB", "national"), 50), 0.12, ("", "unknown")),
    ["phone_number"],
    "plaintext",
    "UK national format incl. fictional 020 7946 0xxx numbers.",
    lambda s: v_phone(s, "GB"),
)
add(
    "telco.cdr_daily",
    "msisdn",
    "string",
    "subscriber MSISDN",
    many(lambda: gen_phone(R.choice(["IN", "ZA", "MX", "ES", "IT", "NL"]), "msisdn"), 70),
    ["phone_number"],
    "plaintext",
    "Telco MSISDN: international digits without '+'.",
    v_phone,
)
add(
    "partners.reseller",
    "ph_intl",
    "varchar",
    None,
    many(lambda: gen_phone(R.choice(["FR", "JP", "CA", "SE", "AU", "DE"]), "intl"), 46),
    ["phone_number"],
    "plaintext",
    "International format with spaces/dashes ('+33 1 ...', '+81 3-...').",
    v_phone,
)
add(
    "crm.cust_contact",
    "alt_phone_masked",
    "varchar",
    None,
    [f"(***) ***-{rdigits(4)}" for _ in range(60)],
    ["phone_number"],
    "masked",
    "Masked phones; name keeps the label.",
)

# ===== ip_address ===============================================================================
add(
    "web.access_fact",
    "client_ip",
    "varchar",
    None,
    many(lambda: gen_ipv4("any"), 90),
    ["ip_address"],
    "plaintext",
    "IPv4 public, private and documentation ranges.",
    v_ip,
)
add(
    "cdn.edge_log",
    "src_ip_v6",
    "varchar",
    None,
    many(gen_ipv6, 70),
    ["ip_address"],
    "plaintext",
    "IPv6 in compressed form, some upper-case, link-local too.",
    v_ip,
)
add(
    "auth.sessions",
    "remoteAddr",
    "varchar",
    None,
    sprinkle(many(lambda: gen_ipv4() if R.random() < 0.6 else gen_ipv6(), 65), 0.05),
    ["ip_address"],
    "plaintext",
    "camelCase, IPv4 and IPv6 mixed.",
    v_ip,
)
add(
    "lb.http_requests",
    "x_forwarded_for",
    "string",
    None,
    [", ".join(gen_ipv4(R.choice(["public", "private"])) for _ in range(R.randint(1, 3))) for _ in range(55)],
    ["ip_address"],
    "plaintext",
    "Comma-separated proxy chains; each element is an IP.",
    lambda s: all(v_ip(p) for p in s.split(", ")),
)
add(
    "auth.sessions",
    "last_login_ip_hash",
    "char(64)",
    None,
    [sha256_hex(gen_ipv4()) for _ in range(45)],
    ["ip_address"],
    "hashed",
    "Hashed IPs; name keeps the label.",
)

# ===== person_name ==============================================================================
add(
    "crm.contacts_v2",
    "cust_full_nm",
    "varchar",
    None,
    sprinkle(many(full_name, 80), 0.05, (None, "")),
    ["person_name"],
    "plaintext",
    "Full names with diacritics, apostrophes, particles and middle initials.",
)
add(
    "hr_core.emp_master",
    "first_nm",
    "varchar",
    None,
    many(first, 50, distinct=False),
    ["person_name"],
    "plaintext",
    "Given names only.",
)
add(
    "ods_claims.member",
    "PATIENT_NAME",
    "varchar",
    None,
    [
        f"{last().upper()}, {first().upper()}" + (f" {R.choice(UPPER)}" if R.random() < 0.4 else "")
        for _ in range(62)
    ],
    ["person_name"],
    "plaintext",
    "'LAST, FIRST M' upper-case claims format.",
)
add(
    "contracts.signature_block",
    "signatory",
    "varchar",
    None,
    [f"{R.choice(['Dr. ', 'Ms. ', 'Mr. ', '', ''])}{full_name()}" for _ in range(44)],
    ["person_name"],
    "plaintext",
    "Signatory names with honorifics.",
)
add(
    "kyc.applicant",
    "legal_name_enc",
    "varchar",
    None,
    [vault_env(20) for _ in range(50)],
    ["person_name"],
    "ciphertext",
    "Encrypted names; name keeps the label.",
)
add(
    "payouts.beneficiary",
    "benef_nm_masked",
    "varchar",
    None,
    [f"{first()[0]}*** {last()[0]}***" for _ in range(50)],
    ["person_name"],
    "masked",
    "Masked to initials.",
)

# ===== date_of_birth ============================================================================
add(
    "ods_claims.member",
    "dob_dt",
    "date",
    None,
    [gen_date(1938, 2008).isoformat() for _ in range(62)],
    ["date_of_birth"],
    "plaintext",
    "Abbreviated name, ISO dates.",
)
add(
    "app.userProfile",
    "birthDate",
    "varchar",
    None,
    sprinkle([gen_date(1950, 2007).strftime("%m/%d/%Y") for _ in range(55)], 0.1, (None, "")),
    ["date_of_birth"],
    "plaintext",
    "camelCase, US MM/DD/YYYY.",
)
add(
    "de_hr.Mitarbeiter",
    "geburtsdatum",
    "varchar",
    None,
    [gen_date(1955, 2005).strftime("%d.%m.%Y") for _ in range(45)],
    ["date_of_birth"],
    "plaintext",
    "German name, DD.MM.YYYY.",
)
add(
    "src_epic.pat_demog",
    "birth_yyyymmdd",
    "int",
    None,
    [gen_date(1930, 2023).strftime("%Y%m%d") for _ in range(60)],
    ["date_of_birth"],
    "plaintext",
    "Integer-typed YYYYMMDD birth dates.",
)
add(
    "src_epic.pat_demog",
    "pt_dob_vault",
    "varchar",
    None,
    [vault_env(10, R.choice([1, 2])) for _ in range(60)],
    ["date_of_birth"],
    "ciphertext",
    "vault:v1/v2 envelopes; name keeps the label.",
)
add(
    "loyalty.member_legacy",
    "date_of_birth",
    "date",
    "dropped from signup in 2021",
    [None] * 50,
    ["date_of_birth"],
    "empty",
    "Entirely NULL, named for the class.",
)

# ===== icd10_code ===============================================================================
add(
    "ods_claims.claim_line",
    "pt_dx",
    "varchar",
    None,
    [R.choice(ICD10) for _ in range(80)],
    ["icd10_code"],
    "plaintext",
    "Abbreviated diagnosis column, dotted ICD-10-CM.",
    v_icd,
)
add(
    "ods_claims.claim_line",
    "dx_cd_2",
    "varchar",
    None,
    sprinkle([R.choice(ICD10).replace(".", "") for _ in range(70)], 0.25, (None, "")),
    ["icd10_code"],
    "plaintext",
    "Secondary diagnosis in X12 style, no dots, 25% empty.",
    v_icd,
)
add(
    "ehr.encounter",
    "icd10",
    "string",
    None,
    sprinkle([R.choice(ICD10) for _ in range(50)], 0.1, ("", "unknown")),
    ["icd10_code"],
    "plaintext",
    "Plain name with filler.",
    v_icd,
)
add(
    "ehr.admission",
    "admit_diag_list",
    "varchar",
    None,
    [";".join(R.sample(ICD10, R.randint(1, 4))) for _ in range(48)],
    ["icd10_code"],
    "plaintext",
    "Semicolon-separated lists of dotted codes.",
    lambda s: all(v_icd(c) for c in s.split(";")),
)
add(
    "raw_x12.hi_segment",
    "code_a",
    "varchar",
    "ICD-10-CM principal diagnosis (HI01-2)",
    [R.choice(ICD10).replace(".", "") for _ in range(55)],
    ["icd10_code"],
    "plaintext",
    "Unrevealing name; the comment reveals the class (values alone are weak).",
    v_icd,
)

# ===== us_npi ===================================================================================
add(
    "ods_claims.claim_line",
    "rendering_npi",
    "varchar",
    None,
    many(gen_npi, 60),
    ["us_npi"],
    "plaintext",
    "Rendering provider NPI.",
    v_npi,
)
add(
    "ref.provider_dir",
    "prov_npi_nbr",
    "bigint",
    None,
    many(gen_npi, 55),
    ["us_npi"],
    "plaintext",
    "bigint-typed NPIs.",
    v_npi,
)
add(
    "src_837.claim",
    "billingProviderNPI",
    "varchar",
    None,
    sprinkle(many(gen_npi, 50), 0.08, (None, "")),
    ["us_npi"],
    "plaintext",
    "camelCase name.",
    v_npi,
)
add(
    "ehr.referral",
    "ref_prov_id",
    "varchar",
    "referring provider NPI",
    many(gen_npi, 46),
    ["us_npi"],
    "plaintext",
    "Neutral id name; the comment reveals NPI.",
    v_npi,
)
add(
    "pharm.claims",
    "prscrbr_npi",
    "string",
    None,
    sprinkle(many(gen_npi, 66), 0.12, ("unknown", None)),
    ["us_npi"],
    "plaintext",
    "Vowel-dropped abbreviation.",
    v_npi,
)

# ===== us_dea ===================================================================================
add(
    "pharm.claims",
    "prscrbr_dea",
    "string",
    None,
    sprinkle(many(gen_dea, 66), 0.1, (None, "")),
    ["us_dea"],
    "plaintext",
    "Prescriber DEA numbers.",
    v_dea,
)
add(
    "ref.provider_dir",
    "dea_no",
    "varchar",
    None,
    many(gen_dea, 55),
    ["us_dea"],
    "plaintext",
    "Plain DEA number column.",
    v_dea,
)
add(
    "src_surescripts.prescriber",
    "deaRegistration",
    "varchar",
    None,
    many(gen_dea, 44),
    ["us_dea"],
    "plaintext",
    "camelCase name.",
    v_dea,
)
add(
    "ehr.rx_order",
    "reg_id",
    "varchar",
    "DEA registration of ordering prescriber",
    sprinkle(many(gen_dea, 50), 0.2, (None,)),
    ["us_dea"],
    "plaintext",
    "Unrevealing name, comment reveals the class; 20% NULL (non-controlled orders).",
    v_dea,
)
add(
    "pharm.pdmp_extract",
    "dea_no_bcrypt",
    "varchar",
    None,
    [bcrypt_like() for _ in range(42)],
    ["us_dea"],
    "hashed",
    "bcrypt-hashed DEA numbers; name keeps the label.",
)

# ===== aws_access_key ===========================================================================
add(
    "secops.iam_key_inventory",
    "aws_key_id",
    "varchar",
    None,
    many(lambda: gen_aws_key("AKIA"), 48),
    ["aws_access_key"],
    "plaintext",
    "Long-term access key ids.",
    lambda s: bool(AWS_RE.fullmatch(s)),
)
add(
    "secops.cloudtrail_flat",
    "sts_access_key",
    "varchar",
    None,
    many(lambda: gen_aws_key("ASIA"), 60),
    ["aws_access_key"],
    "plaintext",
    "Temporary STS key ids (ASIA).",
    lambda s: bool(AWS_RE.fullmatch(s)),
)
add(
    "ci.build_env_snapshot",
    "cred_dump",
    "string",
    "env captured on failed builds",
    [
        f"aws_access_key_id = {gen_aws_key(R.choice(['AKIA', 'ASIA']))}\naws_secret_access_key "
        f"= {gen_aws_secret()}"
        for _ in range(40)
    ],
    ["aws_access_key"],
    "plaintext",
    "Credentials-file snippets: key id embedded in text with a secret key.",
    lambda s: bool(AWS_RE.search(s)),
)
add(
    "vendor_mgmt.integrations",
    "accessKeyId",
    "varchar",
    None,
    sprinkle(many(lambda: gen_aws_key("AKIA"), 45), 0.1, ("", None)),
    ["aws_access_key"],
    "plaintext",
    "camelCase, some empty.",
    lambda s: bool(AWS_RE.fullmatch(s)),
)
add(
    "tmp.import_0412",
    "col_4",
    "varchar",
    None,
    many(lambda: gen_aws_key(R.choice(["AKIA", "AKIA", "ASIA"])), 40),
    ["aws_access_key"],
    "plaintext",
    "Positional name; AKIA/ASIA key ids alone identify the class.",
    lambda s: bool(AWS_RE.fullmatch(s)),
)

# ===== github_token =============================================================================
add(
    "devex.user_settings",
    "gh_pat",
    "varchar",
    None,
    many(lambda: gen_gh_token("ghp"), 45),
    ["github_token"],
    "plaintext",
    "Classic PATs with valid CRC32 tail.",
    lambda s: bool(GH_RE.fullmatch(s)),
)
add(
    "devex.oauth_grants",
    "oauth_token",
    "varchar",
    None,
    many(lambda: gen_gh_token("gho"), 50),
    ["github_token"],
    "plaintext",
    "GitHub OAuth tokens (gho_) under a generic name.",
    lambda s: bool(GH_RE.fullmatch(s)),
)
add(
    "devex.user_settings",
    "github_pat_fg",
    "varchar",
    "fine-grained personal access token",
    many(lambda: gen_gh_token("github_pat"), 42),
    ["github_token"],
    "plaintext",
    "Fine-grained github_pat_ tokens (not matched by the gh[pousr]_ pattern).",
    lambda s: bool(GH_PAT_RE.fullmatch(s)),
)
add(
    "ci.pipeline_vars",
    "secret_val",
    "varchar",
    None,
    many(lambda: gen_gh_token(R.choice(["ghs", "ghp", "ghu", "ghr"])), 40),
    ["github_token"],
    "plaintext",
    "Generic secret column holding server/user/refresh tokens.",
    lambda s: bool(GH_RE.fullmatch(s)),
)
add(
    "ci.repo_mirror",
    "remote_url",
    "varchar",
    None,
    [
        f"https://x-access-token:{gen_gh_token(R.choice(['ghs', 'ghp']))}@github.com/"
        f"{R.choice(['hollowbrook', 'kestrel-apps', 'tarnwood'])}/"
        f"{R.choice(['etl', 'web', 'infra', 'ml-platform'])}.git"
        for _ in range(44)
    ],
    ["github_token"],
    "plaintext",
    "Tokens embedded in git remote URLs.",
    lambda s: bool(GH_RE.search(s)),
)

# ===== slack_token ==============================================================================
add(
    "integrations.slack_app",
    "slack_bot_token",
    "varchar",
    None,
    many(lambda: gen_slack("b"), 45),
    ["slack_token"],
    "plaintext",
    "Bot tokens (xoxb-).",
    lambda s: bool(SLACK_RE.fullmatch(s)),
)
add(
    "integrations.slack_user",
    "slk_usr_tkn",
    "varchar",
    None,
    many(lambda: gen_slack("p"), 48),
    ["slack_token"],
    "plaintext",
    "User tokens (xoxp-) under an abbreviated name.",
    lambda s: bool(SLACK_RE.fullmatch(s)),
)
add(
    "alerts.notifier_cfg",
    "webhook_cfg",
    "json",
    None,
    [
        json.dumps(
            {
                "token": gen_slack(R.choice(["b", "b", "a"])),
                "channel": R.choice(["#ops-alerts", "#payments", "#oncall"]),
                "username": "alertbot",
            }
        )
        for _ in range(42)
    ],
    ["slack_token"],
    "plaintext",
    "Config JSON whose token field holds Slack tokens.",
    lambda s: bool(SLACK_RE.search(s)),
)
add(
    "integrations.connectors",
    "integration_secret",
    "varchar",
    None,
    many(lambda: gen_slack(R.choice(["b", "p"])), 50),
    ["slack_token"],
    "plaintext",
    "Generic secret name, Slack values.",
    lambda s: bool(SLACK_RE.fullmatch(s)),
)
add(
    "integrations.slack_app",
    "slack_tkn_enc",
    "varchar",
    None,
    [kms_blob(60) for _ in range(40)],
    ["slack_token"],
    "ciphertext",
    "AWS KMS (AQICAH...) ciphertext; name keeps the label.",
)

# ===== jwt ======================================================================================
add(
    "auth.oidc_sessions",
    "id_token",
    "varchar",
    None,
    many(lambda: gen_jwt("RS256"), 45),
    ["jwt"],
    "plaintext",
    "OIDC id tokens, RS256.",
    v_jwt,
)
add(
    "api.gateway_log",
    "authz_hdr",
    "string",
    None,
    [f"Bearer {gen_jwt(R.choice(['HS256', 'ES256']))}" for _ in range(50)],
    ["jwt"],
    "plaintext",
    "Authorization header values: 'Bearer ' prefix before the JWT.",
    lambda s: v_jwt(s.split(" ", 1)[1]),
)
add(
    "mobile.device_state",
    "sess_blob",
    "varchar",
    None,
    many(lambda: gen_jwt(R.choice(["HS256", "HS512"]), "mobile-auth"), 48),
    ["jwt"],
    "plaintext",
    "Unrevealing name; JWT structure alone identifies the class.",
    v_jwt,
)
add(
    "auth.refresh_store",
    "refreshJwt",
    "varchar",
    None,
    sprinkle(many(lambda: gen_jwt("ES256"), 44), 0.1),
    ["jwt"],
    "plaintext",
    "camelCase, ES256, some NULL.",
    v_jwt,
)
add(
    "partner.api_clients",
    "access_tok",
    "varchar",
    None,
    many(lambda: gen_jwt(R.choice(["RS256", "HS256"]), "https://sso.kestrelapps.example"), 40),
    ["jwt"],
    "plaintext",
    "Abbreviated access token column.",
    v_jwt,
)

# ===== private_key ==============================================================================
add(
    "pki.service_keys",
    "rsa_priv_pem",
    "text",
    None,
    [gen_private_key("rsa") for _ in range(40)],
    ["private_key"],
    "plaintext",
    "PKCS#1 RSA PEM.",
    lambda s: bool(PEM_PRIV_RE.fullmatch(s)),
)
add(
    "pki.service_keys",
    "ec_key",
    "text",
    None,
    [gen_private_key("ec") for _ in range(40)],
    ["private_key"],
    "plaintext",
    "SEC1 EC PEM.",
    lambda s: bool(PEM_PRIV_RE.fullmatch(s)),
)
add(
    "deploy.hosts",
    "ssh_deploy_key",
    "text",
    None,
    [gen_private_key("openssh") for _ in range(40)],
    ["private_key"],
    "plaintext",
    "OpenSSH private keys (70-char lines).",
    lambda s: bool(PEM_PRIV_RE.fullmatch(s)),
)
add(
    "edge.tls_bundle",
    "tls_key_pem",
    "text",
    None,
    sprinkle([gen_private_key("pkcs8") for _ in range(40)], 0.1),
    ["private_key"],
    "plaintext",
    "PKCS#8 'PRIVATE KEY', some NULL.",
    lambda s: bool(PEM_PRIV_RE.fullmatch(s)),
)
add(
    "sftp.partner_endpoints",
    "auth_material",
    "text",
    "client auth for partner SFTP",
    [gen_private_key(R.choice(["openssh", "rsa"])) for _ in range(40)],
    ["private_key"],
    "plaintext",
    "Generic name; PEM headers identify the class.",
    lambda s: bool(PEM_PRIV_RE.fullmatch(s)),
)

# ===== conversation =============================================================================
add(
    "msg.dm_events",
    "msg_body",
    "varchar",
    None,
    sprinkle([dm_message() for _ in range(90)], 0.04, ("",)),
    ["conversation"],
    "plaintext",
    "Private direct messages, informal, varied.",
)
add(
    "genai.playground_log",
    "prompt_text",
    "text",
    None,
    [ai_prompt() for _ in range(60)],
    ["conversation"],
    "plaintext",
    "Personal prompts users typed to an AI assistant.",
)
add(
    "cx.livechat_sessions",
    "transcript",
    "text",
    None,
    [support_transcript() for _ in range(48)],
    ["conversation"],
    "plaintext",
    "Support chat transcripts in three layouts; no identifiers quoted.",
)
add(
    "genai.conversation_store",
    "turns_json",
    "json",
    None,
    [llm_transcript_json() for _ in range(50)],
    ["conversation"],
    "plaintext",
    "Role/content JSON transcripts of AI chats.",
)
add(
    "social.t_evt_payload",
    "content",
    "varchar",
    "body of 1:1 direct messages between members",
    [dm_message() for _ in range(60)],
    ["conversation"],
    "plaintext",
    "Unrevealing name; the comment reveals the class.",
)
_fam = []
for _ in range(56):
    if R.random() < 0.25:
        _fam.append(
            R.choice(
                [
                    "here's dad's social for the insurance form: {s}",
                    "mom's ssn is {s} if the bank asks again",
                    "for the FAFSA thing, mine is {s}",
                    "{s} <- that's grandpa's, don't lose it",
                ]
            ).format(s=gen_ssn("dash"))
        )
    else:
        _fam.append(dm_message())
add(
    "msg.group_chat_msgs",
    "body_txt",
    "varchar",
    None,
    _fam,
    ["conversation", "us_ssn"],
    "plaintext",
    "Family group chat where about a quarter of the messages quote a valid SSN: both classes.",
)
assert sum(bool(re.search(r"\b\d{3}-\d{2}-\d{4}\b", m)) for m in _fam) >= 5
assert all(v_ssn(x) for m in _fam for x in re.findall(r"\b\d{3}-\d{2}-\d{4}\b", m))

# ===== keystrokes ===============================================================================
add(
    "endpoint.dlp_capture",
    "key_events",
    "json",
    None,
    [key_events_json(0) for _ in range(45)],
    ["keystrokes"],
    "plaintext",
    "JSON arrays of keydown events with key and ts.",
)
add(
    "ux.typing_replay",
    "ks_seq",
    "varchar",
    None,
    [key_seq(0) for _ in range(50)],
    ["keystrokes"],
    "plaintext",
    "'offset_ms:key' sequences separated by spaces.",
)
add(
    "endpoint.kbd_hook",
    "typed_text_raw",
    "text",
    None,
    [typed_stream() for _ in range(55)],
    ["keystrokes"],
    "plaintext",
    "Plain typed-text stream with [BKSP]/[ENTER] markers; the name reveals it is keystroke capture.",
)
add(
    "ux.form_analytics",
    "kbdCapture",
    "json",
    None,
    [key_events_json(1) for _ in range(44)],
    ["keystrokes"],
    "plaintext",
    "JSON events with KeyboardEvent.code names and down/up timings.",
)
add(
    "endpoint.agent_blob",
    "input_trace",
    "varchar",
    "raw keystroke capture from the endpoint agent",
    [key_seq(1) for _ in range(48)],
    ["keystrokes"],
    "plaintext",
    "Unrevealing name, comment reveals; 'epoch.ms:key' pipe-separated.",
)

# ===== mouse_telemetry ==========================================================================
add(
    "ux.session_replay",
    "mouse_path",
    "json",
    None,
    [json.dumps(mouse_path()) for _ in range(45)],
    ["mouse_telemetry"],
    "plaintext",
    "JSON arrays of {x,y,t}.",
)
add(
    "web.rum_events",
    "ptr_events",
    "json",
    None,
    [
        json.dumps(
            mouse_path(
                ("clientX", "clientY", "timeStamp"), with_type=("type", ["mousemove", "click", "wheel"])
            )
        )
        for _ in range(50)
    ],
    ["mouse_telemetry"],
    "plaintext",
    "DOM-style clientX/clientY/timeStamp/type keys.",
)
add(
    "ux.cursor_trails",
    "cursor_trail",
    "struct(x int, y int, t bigint, type varchar)[]",
    None,
    [
        "["
        + ", ".join(
            f"{{'x': {e['x']}, 'y': {e['y']}, 't': {e['t']}, 'type': '{e['type']}'}}"
            for e in mouse_path(with_type=("type", ["move", "down", "up"]), t_abs=False)
        )
        + "]"
        for _ in range(42)
    ],
    ["mouse_telemetry"],
    "plaintext",
    "DuckDB struct-list rendering.",
)
add(
    "bot_detect.signals",
    "mm_samples",
    "string",
    "pointer samples x,y,dt",
    [";".join(f"{e['x']},{e['y']},{e['t']}" for e in mouse_path(t_abs=False)) for _ in range(46)],
    ["mouse_telemetry"],
    "plaintext",
    "Compact 'x,y,t;...' strings under an abbreviated name with a hint in the comment.",
)
add(
    "raw_tel.events_hive",
    "raw_tel_blob",
    "array<struct<px:int,py:int,ms:bigint,btn:string>>",
    "pointer telemetry from desktop client",
    [
        json.dumps(mouse_path(("px", "py", "ms"), with_type=("btn", ["none", "left", "right"])))
        for _ in range(40)
    ],
    ["mouse_telemetry"],
    "plaintext",
    "Hive array<struct> with px/py/ms/btn keys.",
)

# ===== screen_content ===========================================================================
add(
    "endpoint.screen_ocr",
    "ocr_text",
    "text",
    None,
    [screen_ocr() for _ in range(45)],
    ["screen_content"],
    "plaintext",
    "OCR of screenshots, with OCR noise.",
)
add(
    "endpoint.activity",
    "active_window_title",
    "varchar",
    None,
    [window_title() for _ in range(80)],
    ["screen_content"],
    "plaintext",
    "Foreground window titles.",
)
add(
    "workforce.productivity",
    "windowTitle",
    "varchar",
    None,
    sprinkle([window_title() for _ in range(60)], 0.05, ("",)),
    ["screen_content"],
    "plaintext",
    "camelCase window titles.",
)
add(
    "endpoint.frames",
    "frame_text",
    "text",
    "text extracted from periodic screenshots",
    [screen_ocr() for _ in range(40)],
    ["screen_content"],
    "plaintext",
    "Generic name, comment reveals.",
)
add(
    "vdi.session_capture",
    "scr_txt",
    "string",
    None,
    [screen_ocr() for _ in range(42)],
    ["screen_content"],
    "plaintext",
    "Abbreviated 'screen text' name.",
)

# ===== performance_review =======================================================================
add(
    "hr_perf.annual_review",
    "mgr_feedback",
    "text",
    None,
    [manager_feedback() for _ in range(55)],
    ["performance_review"],
    "plaintext",
    "Manager narratives with ratings.",
)
add(
    "hr_perf.peer_360",
    "peer_fb_text",
    "text",
    None,
    [peer_feedback() for _ in range(60)],
    ["performance_review"],
    "plaintext",
    "Peer 360 feedback, start/stop/continue.",
)
add(
    "hr_perf.annual_review",
    "perf_rating",
    "varchar",
    None,
    [R.choice(RATINGS) for _ in range(90)],
    ["performance_review"],
    "plaintext",
    "Rating labels only.",
)
add(
    "hr_perf.calibration",
    "calib_score",
    "decimal(3,1)",
    "annual performance calibration score (1-5) set by manager",
    [f"{R.choice([1, 2, 2.5, 3, 3, 3, 3.5, 4, 4, 4.5, 5]):.1f}" for _ in range(70)],
    ["performance_review"],
    "plaintext",
    "Numeric scores; only the comment reveals the class.",
)
add(
    "workday_raw.self_eval",
    "self_assessment",
    "text",
    None,
    [self_assessment() for _ in range(44)],
    ["performance_review"],
    "plaintext",
    "First-person self-evaluations.",
)

# ===== medical ==================================================================================
add(
    "ehr.progress_note",
    "clin_note",
    "text",
    None,
    [soap_note() for _ in range(55)],
    ["medical"],
    "plaintext",
    "SOAP notes in clinical shorthand.",
)
add(
    "ehr.patient_summary",
    "allergy_list",
    "varchar",
    None,
    [R.choice(ALLERGIES) for _ in range(60)],
    ["medical"],
    "plaintext",
    "Allergies incl. NKDA.",
)
add(
    "ehr.patient_summary",
    "med_hx",
    "varchar",
    None,
    sprinkle([R.choice(PMH) for _ in range(58)], 0.1, ("", None)),
    ["medical"],
    "plaintext",
    "Past medical history.",
)
add(
    "pharm.rx_fill",
    "rx_sig",
    "varchar",
    None,
    [R.choice(RX) for _ in range(66)],
    ["medical"],
    "plaintext",
    "Medication and sig lines.",
)
add(
    "nurse_line.calls",
    "free_txt",
    "text",
    "nurse triage call notes",
    [triage_note() for _ in range(48)],
    ["medical"],
    "plaintext",
    "Unrevealing name, comment reveals.",
)
add(
    "ehr.inpatient",
    "dc_summary",
    "text",
    None,
    [discharge_summary() for _ in range(42)],
    ["medical"],
    "plaintext",
    "Discharge summaries.",
)

# ===== tax ======================================================================================
add(
    "tax_prep.return_1040",
    "agi_amt",
    "decimal(12,2)",
    None,
    [f"{R.uniform(9000, 420000):.2f}" for _ in range(70)],
    ["tax"],
    "plaintext",
    "Adjusted gross income amounts.",
)
add(
    "payroll.ytd_totals",
    "fed_withholding_ytd",
    "decimal(10,2)",
    None,
    [f"{R.uniform(0, 48000):.2f}" for _ in range(64)],
    ["tax"],
    "plaintext",
    "Federal income tax withheld, year to date.",
)
add(
    "tax_docs.w2_ingest",
    "w2_json",
    "json",
    None,
    [w2_json() for _ in range(48)],
    ["tax"],
    "plaintext",
    "W-2 box values as JSON, no identifiers.",
)
add(
    "tax_docs.info_returns",
    "form_1099_json",
    "json",
    None,
    [f1099_json(gen_ein("dash")) for _ in range(46)],
    ["tax", "us_ein"],
    "plaintext",
    "1099 JSON quoting the payer's EIN: both classes.",
    lambda s: v_ein(json.loads(s)["payer_tin"]),
)
add(
    "tax_prep.return_1040",
    "refund_or_owed",
    "decimal(12,2)",
    "negative = balance due to IRS",
    [f"{R.uniform(-18000, 9000):.2f}" for _ in range(60)],
    ["tax"],
    "plaintext",
    "Refund/balance due, signed amounts.",
)
add(
    "tax_prep.estimates",
    "est_tax_pmt_q",
    "varchar",
    None,
    [f"Q{R.randint(1, 4)} {R.choice([2023, 2024])}: ${R.randint(200, 12000):,}" for _ in range(45)],
    ["tax"],
    "plaintext",
    "Quarterly estimated tax payments as text.",
)

# ===== hard negatives ===========================================================================
HN = "Hard negative: "
add(
    "orders.order_header",
    "order_uuid",
    "uuid",
    None,
    [str(uuid.UUID(bytes=R.randbytes(16), version=4)) for _ in range(70)],
    [],
    "plaintext",
    HN + "UUIDv4.",
)


def gen_isbn13() -> str:
    body = R.choice(["978", "979"]) + rdigits(9)
    s = body + std_ean.calc_check_digit(body)
    assert std_isbn.is_valid(s)
    return s


add(
    "catalog.books",
    "isbn_13",
    "varchar",
    None,
    many(gen_isbn13, 60),
    [],
    "plaintext",
    HN + "ISBN-13s with valid check digits (13 digits, some Luhn-like shape).",
)
add(
    "fleet.devices",
    "fw_version",
    "varchar",
    None,
    [f"{R.randint(1, 12)}.{R.randint(0, 20)}.{R.randint(0, 9)}.{R.randint(0, 250)}" for _ in range(70)],
    [],
    "plaintext",
    HN + "four-part firmware versions that parse as IPv4.",
)
add(
    "pki.cert_policies",
    "policy_oid",
    "varchar",
    None,
    [
        R.choice(["1.3.6.1.4.1.", "2.16.840.1.", "1.2.840.113549.1."])
        + ".".join(str(R.randint(1, 9999)) for _ in range(R.randint(2, 4)))
        for _ in range(50)
    ],
    [],
    "plaintext",
    HN + "dotted OIDs.",
)
add(
    "geo.addresses",
    "zip_cd",
    "varchar",
    None,
    [
        f"{R.randint(501, 99950):05d}" + (f"-{R.randint(1, 9999):04d}" if R.random() < 0.3 else "")
        for _ in range(70)
    ],
    [],
    "plaintext",
    HN + "ZIP and ZIP+4.",
)
add(
    "orders.order_header",
    "order_nbr",
    "bigint",
    None,
    [str(R.randint(100_000_000, 899_999_999)) for _ in range(80)],
    [],
    "plaintext",
    HN + "9-digit order numbers; most pass SSN area/group rules.",
)
add(
    "logistics.parcels",
    "parcel_trk_no",
    "varchar",
    None,
    [gen_card("visa") if R.random() < 0.2 else rdigits(16) for _ in range(60)],
    [],
    "plaintext",
    HN + "16-digit parcel tracking numbers; a fifth happen to be Luhn-valid with a 4 prefix.",
)
add(
    "billing.accounts",
    "acct_ref_nbr",
    "varchar",
    None,
    [gen_npi() if R.random() < 0.3 else R.choice("12") + rdigits(9) for _ in range(55)],
    [],
    "plaintext",
    HN + "10-digit account refs starting 1/2; some pass the NPI check.",
)
add(
    "events.clickstream",
    "event_ts",
    "timestamp",
    None,
    [
        (dt.datetime(2024, 1, 1) + dt.timedelta(seconds=R.randint(0, 86400 * 300))).isoformat(sep=" ")
        for _ in range(80)
    ],
    [],
    "plaintext",
    HN + "timestamps.",
)
add(
    "hr_core.emp_master",
    "hire_dt",
    "date",
    None,
    [gen_date(1988, 2024).isoformat() for _ in range(70)],
    [],
    "plaintext",
    HN + "hire dates: person-linked dates that are not birth dates.",
)
add(
    "catalog.items",
    "sku",
    "varchar",
    None,
    [
        f"{R.choice(['SKU', 'HB', 'KX'])}-{R.randint(1000, 9999)}-"
        f"{R.choice(['BLK', 'WHT', 'RED', 'NAV'])}-{R.choice(['S', 'M', 'L', 'XL'])}"
        for _ in range(60)
    ],
    [],
    "plaintext",
    HN + "SKUs.",
)
add(
    "stores.locations",
    "geo_latlong",
    "varchar",
    None,
    [f"{R.uniform(-60, 70):.5f},{R.uniform(-170, 170):.5f}" for _ in range(55)],
    [],
    "plaintext",
    HN + "store lat/long pairs (dotted numbers).",
)
add(
    "cms.theme",
    "brand_hex",
    "varchar",
    None,
    [f"#{R.randint(0, 0xFFFFFF):06X}" for _ in range(45)],
    [],
    "plaintext",
    HN + "hex colours.",
)
add(
    "ci.builds",
    "commit_sha",
    "char(40)",
    None,
    [R.randbytes(20).hex() for _ in range(60)],
    [],
    "plaintext",
    HN + "git SHA-1 hashes (40 hex) that are not hashed PII.",
)
add(
    "obs.app_logs",
    "log_line",
    "text",
    None,
    [log_line() for _ in range(70)],
    [],
    "plaintext",
    HN + "application log lines without personal data.",
)
add(
    "bi.query_history",
    "query_text",
    "text",
    None,
    [R.choice(SQL_TEXT) for _ in range(55)],
    [],
    "plaintext",
    HN + "SQL that names sensitive columns but holds no values.",
)
add(
    "mkt.campaign_assets",
    "promo_copy",
    "text",
    None,
    [R.choice(MARKETING) for _ in range(50)],
    [],
    "plaintext",
    HN + "second-person marketing copy.",
)
add(
    "catalog.product_reviews",
    "review_body",
    "text",
    None,
    [R.choice(PRODUCT_REVIEWS) for _ in range(60)],
    [],
    "plaintext",
    HN + "first-person public product reviews; published content is not a private conversation.",
)
add(
    "crm.contacts_v2",
    "email_opt_in",
    "boolean",
    None,
    [R.choice(["true", "false"]) for _ in range(80)],
    [],
    "plaintext",
    HN + "'email' in the name, booleans.",
)
add(
    "app.users",
    "phone_verified",
    "boolean",
    None,
    [R.choice(["true", "false", None]) for _ in range(80)],
    [],
    "plaintext",
    HN + "'phone' in the name, booleans.",
)
add(
    "kyc.applicant",
    "ssn_last4_present",
    "varchar",
    None,
    [R.choice(["Y", "N"]) for _ in range(60)],
    [],
    "plaintext",
    HN + "'ssn' in the name, Y/N flags.",
)
add(
    "genai.playground_log",
    "prompt_version",
    "varchar",
    None,
    [f"v{R.randint(1, 4)}.{R.randint(0, 12)}.{R.randint(0, 9)}" for _ in range(60)],
    [],
    "plaintext",
    HN + "'prompt' in the name, template versions.",
)
add(
    "app.tenant_settings",
    "chat_enabled",
    "boolean",
    None,
    [R.choice(["true", "false"]) for _ in range(50)],
    [],
    "plaintext",
    HN + "'chat' in the name, feature flag.",
)
add(
    "web.rum_sessions",
    "screen_resolution",
    "varchar",
    None,
    [R.choice(["1920x1080", "2560x1440", "1366x768", "390x844", "1440x900", "3840x2160"]) for _ in range(70)],
    [],
    "plaintext",
    HN + "'screen' in the name, resolutions.",
)
add(
    "fleet.devices",
    "keyboard_layout",
    "varchar",
    None,
    [
        R.choice(["en-US", "de-DE", "fr-FR-azerty", "en-GB", "ja-JP", "es-ES", "pt-BR-abnt2"])
        for _ in range(55)
    ],
    [],
    "plaintext",
    HN + "'keyboard' in the name, layout codes.",
)
add(
    "peripherals.config",
    "mouse_dpi",
    "int",
    None,
    [str(R.choice([400, 800, 1200, 1600, 3200, 6400])) for _ in range(50)],
    [],
    "plaintext",
    HN + "'mouse' in the name, DPI.",
)
add(
    "catalog.items",
    "review_count",
    "int",
    None,
    [str(R.randint(0, 12000)) for _ in range(60)],
    [],
    "plaintext",
    HN + "'review' in the name, counts.",
)
add(
    "finance.jurisdictions",
    "tax_rate",
    "decimal(6,4)",
    None,
    [f"{R.uniform(0, 0.11):.4f}" for _ in range(55)],
    [],
    "plaintext",
    HN + "'tax' in the name, public rates.",
)
add(
    "bi.clinic_daily",
    "diagnosis_count",
    "int",
    None,
    [str(R.randint(0, 340)) for _ in range(50)],
    [],
    "plaintext",
    HN + "'diagnosis' in the name, aggregate counts.",
)
add(
    "pki.service_keys",
    "public_key_pem",
    "text",
    None,
    [_pem("PUBLIC KEY", R.choice([91, 294])) for _ in range(40)],
    [],
    "plaintext",
    HN + "PEM public keys (BEGIN PUBLIC KEY), not private.",
)
ED25519_HDR = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 "
add(
    "deploy.hosts",
    "authorized_key",
    "varchar",
    None,
    [
        f"ssh-ed25519 {base64.b64encode(ED25519_HDR + R.randbytes(32)).decode()} "
        f"{ascii_lower(first())}@{R.choice(['laptop', 'bastion', 'ci-runner'])}"
        for _ in range(45)
    ],
    [],
    "plaintext",
    HN + "OpenSSH public keys.",
)
add(
    "iam.roles",
    "role_arn",
    "varchar",
    None,
    [
        f"arn:aws:iam::{rdigits(12)}:role/{R.choice(['etl-reader', 'lambda-exec', 'ci-deployer', 'analyst'])}"
        for _ in range(50)
    ],
    [],
    "plaintext",
    HN + "AWS ARNs (AWS-looking, not access keys).",
)
add(
    "integrations.slack_app",
    "slack_channel_id",
    "varchar",
    None,
    [R.choice("CGD") + rs(UPPER + DIGITS, 10) for _ in range(45)],
    [],
    "plaintext",
    HN + "'slack' in the name, channel ids.",
)
add(
    "ci.builds",
    "gh_run_url",
    "varchar",
    None,
    [
        f"https://github.com/{R.choice(['hollowbrook', 'kestrel-apps'])}/"
        f"{R.choice(['etl', 'web'])}/actions/runs/{rdigits(10)}"
        for _ in range(50)
    ],
    [],
    "plaintext",
    HN + "GitHub URLs without tokens.",
)
add(
    "auth.signing_keys",
    "jwt_alg",
    "varchar",
    None,
    [R.choice(["RS256", "HS256", "ES256", "EdDSA"]) for _ in range(50)],
    [],
    "plaintext",
    HN + "'jwt' in the name, algorithm names.",
)
add(
    "payments.card_bins",
    "card_bin",
    "varchar",
    None,
    [
        (lambda p: p + rdigits(R.choice([6, 8]) - len(p)))(R.choice(["4", "5", "37", "6011"]))
        for _ in range(55)
    ],
    [],
    "plaintext",
    HN + "issuer BIN prefixes: card-like digits but not card numbers.",
)
add(
    "finance.sepa_mandates",
    "iban_country",
    "char(2)",
    None,
    [R.choice(list(IBAN_BBAN)) for _ in range(64)],
    [],
    "plaintext",
    HN + "'iban' in the name, country codes.",
)
add(
    "mq.bindings",
    "routing_key",
    "varchar",
    None,
    [
        f"{R.choice(['orders', 'payments', 'users'])}."
        f"{R.choice(['created', 'updated', 'deleted'])}.{R.choice(['eu', 'us', 'apac'])}"
        for _ in range(50)
    ],
    [],
    "plaintext",
    HN + "'routing' in the name, message-queue routing keys.",
)
add(
    "ref.provider_dir",
    "taxonomy_cd",
    "varchar",
    None,
    [R.choice(["207Q00000X", "208D00000X", "363L00000X", "2084P0800X", "261QP2300X"]) for _ in range(55)],
    [],
    "plaintext",
    HN + "public provider taxonomy codes next to NPIs.",
)
add(
    "ref.code_systems",
    "dx_code_system",
    "varchar",
    None,
    [R.choice(["ICD-10-CM", "ICD-9-CM", "SNOMED CT", "ICD-10-PCS"]) for _ in range(40)],
    [],
    "plaintext",
    HN + "names of code systems, not codes.",
)
add(
    "wms.inventory",
    "bin_location",
    "varchar",
    None,
    [f"{R.choice('ABCDEFGHKMR')}{R.randint(0, 9)}{R.randint(0, 9)}.{R.randint(1, 9)}" for _ in range(60)],
    [],
    "plaintext",
    HN + "warehouse bin locations that match the ICD-10 shape (A12.3) but have no medical context.",
)
add(
    "pharm.formulary",
    "dea_schedule",
    "varchar",
    None,
    [R.choice(["CII", "CIII", "CIV", "CV", "NC"]) for _ in range(55)],
    [],
    "plaintext",
    HN + "'dea' in the name, schedule classes.",
)
add(
    "vendors.vendor_master",
    "vendor_name",
    "varchar",
    None,
    [
        f"{R.choice(['Hollowbrook', 'Kestrel', 'Tarnwood', 'Velmora', 'Quillfeather', 'Brightharbor'])} "
        f"{R.choice(['Logistics', 'Holdings', 'Analytics', 'Supply Co.', 'Foods'])} "
        f"{R.choice(['LLC', 'Inc.', 'GmbH', 'Ltd'])}"
        for _ in range(50)
    ],
    [],
    "plaintext",
    HN + "company names (capitalised words, not people).",
)
add(
    "fleet.devices",
    "mac_address",
    "varchar",
    None,
    [":".join(f"{R.randint(0, 255):02x}" for _ in range(6)) for _ in range(55)],
    [],
    "plaintext",
    HN + "MAC addresses (hex with colons, like IPv6).",
)
add(
    "web.rum_sessions",
    "keypress_total",
    "int",
    None,
    [str(R.randint(0, 5000)) for _ in range(50)],
    [],
    "plaintext",
    HN + "keystroke counts, not keystrokes.",
)
add(
    "hr_perf.cycle_admin",
    "review_cycle_status",
    "varchar",
    None,
    [R.choice(["NOT_STARTED", "SELF_REVIEW", "CALIBRATION", "CLOSED"]) for _ in range(50)],
    [],
    "plaintext",
    HN + "review workflow states, no review content.",
)
add(
    "obs.synthetic_checks",
    "perf_p95_ms",
    "double",
    None,
    [f"{R.uniform(20, 900):.1f}" for _ in range(60)],
    [],
    "plaintext",
    HN + "'perf' means latency here.",
)
add(
    "hr_recruit.postings",
    "job_desc",
    "text",
    None,
    [R.choice(JOB_POSTINGS) for _ in range(40)],
    [],
    "plaintext",
    HN + "public job postings that mention reviews, chat, tax and clinical work.",
)
add(
    "ref.health_glossary",
    "term_definition",
    "text",
    None,
    [R.choice(GLOSSARY) for _ in range(45)],
    [],
    "plaintext",
    HN + "medical vocabulary in reference text about no one.",
)
add(
    "ref.form_help",
    "instruction_txt",
    "text",
    None,
    [R.choice(TAX_INSTRUCTIONS) for _ in range(45)],
    [],
    "plaintext",
    HN + "tax form instructions, no one's tax data.",
)
add(
    "cx.bot_templates",
    "canned_reply",
    "text",
    None,
    [R.choice(CANNED_REPLIES) for _ in range(40)],
    [],
    "plaintext",
    HN + "chat-bot reply templates with placeholders: chat-shaped but no one's conversation.",
)
add(
    "ci.builds",
    "commit_msg",
    "varchar",
    None,
    [R.choice(COMMIT_MSGS) for _ in range(60)],
    [],
    "plaintext",
    HN + "commit messages naming SSN, email, tokens, screen, tax.",
)
add(
    "web.rum_sessions",
    "typing_wpm",
    "int",
    None,
    [str(R.randint(18, 110)) for _ in range(55)],
    [],
    "plaintext",
    HN + "typing speed aggregate, not a key log.",
)
add(
    "ux.heatmap_tiles",
    "click_density",
    "json",
    None,
    [
        json.dumps(
            {
                "tile": f"{R.randint(0, 15)}x{R.randint(0, 9)}",
                "clicks": R.randint(0, 900),
                "page": R.choice(["/", "/pricing", "/cart"]),
            }
        )
        for _ in range(50)
    ],
    [],
    "plaintext",
    HN + "aggregated click counts per page tile: no per-user x/y events.",
)
add(
    "app.screens",
    "screen_id",
    "varchar",
    None,
    [
        R.choice(["checkout_step_2", "home_feed", "settings_privacy", "onboarding_3", "cart"])
        for _ in range(50)
    ],
    [],
    "plaintext",
    HN + "app screen identifiers in analytics, not screen content.",
)
add(
    "mkt.release_feed",
    "release_note",
    "text",
    None,
    [R.choice(RELEASE_NOTES) for _ in range(45)],
    [],
    "plaintext",
    HN + "release notes mentioning keyboards and screen readers.",
)

# ===== plain negatives ==========================================================================
add(
    "sales.order_line",
    "unit_price",
    "decimal(10,2)",
    None,
    [f"{R.uniform(1, 900):.2f}" for _ in range(80)],
    [],
    "plaintext",
    "Prices.",
)
add(
    "sales.order_line",
    "qty",
    "int",
    None,
    [str(R.randint(1, 12)) for _ in range(80)],
    [],
    "plaintext",
    "Quantities.",
)
add(
    "orders.order_header",
    "order_status",
    "varchar",
    None,
    [R.choice(["NEW", "PAID", "SHIPPED", "CANCELLED", "RETURNED"]) for _ in range(70)],
    [],
    "plaintext",
    "Status codes.",
)
add(
    "geo.addresses",
    "country_iso",
    "char(2)",
    None,
    [R.choice(["US", "DE", "FR", "GB", "JP", "BR", "IN", "CA"]) for _ in range(70)],
    [],
    "plaintext",
    "Country codes.",
)
add(
    "sales.order_line",
    "currency",
    "char(3)",
    None,
    [R.choice(["USD", "EUR", "GBP", "JPY"]) for _ in range(70)],
    [],
    "plaintext",
    "Currency codes.",
)
add(
    "catalog.items",
    "category_path",
    "varchar",
    None,
    [
        R.choice(
            ["Home > Kitchen > Pans", "Sports > Camping > Tents", "Electronics > Audio", "Beauty > Skin care"]
        )
        for _ in range(60)
    ],
    [],
    "plaintext",
    "Category breadcrumbs.",
)
add(
    "catalog.items",
    "product_title",
    "varchar",
    None,
    [
        f"{R.choice(['Trail', 'Nordic', 'Copper', 'Studio', 'Aero'])} "
        f"{R.choice(['Pan', 'Tent', 'Headphones', 'Chair', 'Blender'])} "
        f"{R.choice(['Pro', 'Lite', '2', 'XL', 'Max'])}"
        for _ in range(60)
    ],
    [],
    "plaintext",
    "Product titles.",
)
add(
    "web.rum_sessions",
    "user_agent",
    "varchar",
    None,
    [
        R.choice(
            [
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                "(KHTML, like Gecko) Chrome/122.0 Safari/537.36",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
                "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
            ]
        )
        for _ in range(60)
    ],
    [],
    "plaintext",
    "User-agent strings.",
)
add(
    "web.rum_sessions",
    "page_path",
    "varchar",
    None,
    [
        R.choice(["/", "/pricing", "/blog/how-we-ship", "/cart", "/help/returns", "/careers"])
        for _ in range(70)
    ],
    [],
    "plaintext",
    "URL paths.",
)
add(
    "obs.http_metrics",
    "status_code",
    "smallint",
    None,
    [str(R.choice([200, 200, 200, 201, 204, 301, 404, 500, 503])) for _ in range(80)],
    [],
    "plaintext",
    "HTTP statuses.",
)
add(
    "app.tenant_settings",
    "feature_flags",
    "json",
    None,
    [
        json.dumps(
            {
                "dark_mode": R.choice([True, False]),
                "beta_search": R.choice([True, False]),
                "session_ttl_s": R.choice([900, 3600]),
                "password_min_len": R.choice([10, 12, 14]),
            }
        )
        for _ in range(50)
    ],
    [],
    "plaintext",
    "Config JSON with security-sounding keys but no secrets.",
)
add(
    "iam.local_users",
    "pwd_hash",
    "varchar",
    None,
    [bcrypt_like() for _ in range(50)],
    [],
    "hashed",
    "bcrypt password hashes: protected, passwords are not a listed class.",
)
add(
    "catalog.items",
    "thumb_b64",
    "varchar",
    None,
    [b64(R.choice([96, 120, 144])) for _ in range(45)],
    [],
    "ciphertext",
    "Opaque base64 thumbnails (not sensitive).",
)
add(
    "app.sync_state",
    "rec_env",
    "varchar",
    None,
    [vault_env(R.randint(10, 60)) for _ in range(50)],
    [],
    "ciphertext",
    "vault:v1 envelopes under an unrevealing name: [].",
)
add(
    "mkt.match_keys",
    "audience_match_key",
    "char(64)",
    None,
    [sha256_hex(gen_email()) for _ in range(55)],
    [],
    "hashed",
    "sha256 hex under an unrevealing name: [].",
)
add(
    "billing.ledger",
    "ref_tok",
    "varchar",
    None,
    [token("tok_", 24) for _ in range(50)],
    [],
    "tokenized",
    "tok_ tokens under an unrevealing name: [].",
)
add(
    "legacy.misc_attrs",
    "legacy_col_9",
    "varchar",
    None,
    [None] * 45,
    [],
    "empty",
    "Entirely NULL with an unrevealing name.",
)
add(
    "app.sync_state",
    "kv_bytes",
    "blob",
    None,
    [ciphertext_b64(R.randint(30, 200)) for _ in range(45)],
    [],
    "ciphertext",
    "Binary ciphertext, unrevealing name: [].",
)
add(
    "sales.order_line",
    "discount_code",
    "varchar",
    None,
    sprinkle([R.choice(["SPRING25", "WELCOME10", "FREESHIP", "VIP-7"]) for _ in range(60)], 0.5),
    [],
    "plaintext",
    "Coupon codes, half NULL.",
)
add(
    "obs.app_logs",
    "request_id",
    "char(32)",
    None,
    [R.randbytes(16).hex() for _ in range(60)],
    [],
    "plaintext",
    "Request ids (32 hex).",
)


# ----------------------------------------------------------------------------------------------
# validation and output
# ----------------------------------------------------------------------------------------------


def _validate_rows() -> None:
    by_id = {r["id"]: r for r in ROWS}
    for rid, fn in CHECKS:
        row = by_id[rid]
        checked = 0
        for v in row["values"]:
            if v in FILLER or v.strip() in FILLER or v == "pending" or v == "APPLIED FOR":
                continue
            assert fn(v), (rid, row["column"], v)
            checked += 1
        assert checked >= 20, (rid, checked)
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    keys = [(r["table"], r["column"]) for r in ROWS]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
    for r in ROWS:
        assert r["note"]
        if r["protection"] == "empty":
            assert all(v is None for v in r["values"])
        if r["note"].startswith("Hard negative"):
            assert r["labels"] == []


def main() -> None:
    _validate_rows()
    with OUT.open("w", encoding="utf-8") as fh:
        for r in ROWS:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = Counter(lab for r in ROWS for lab in r["labels"])
    neg = [r for r in ROWS if not r["labels"]]
    hard = [r for r in neg if r["note"].startswith("Hard negative")]
    print(f"wrote {len(ROWS)} columns to {OUT.name}")
    for c in CLASSES:
        print(f"  {c:<20} {counts[c]}")
        assert counts[c] >= 5, c
    prot = Counter(r["protection"] for r in ROWS)
    print(f"  negatives            {len(neg)} (hard {len(hard)})")
    print(f"  multi-label          {sum(len(r['labels']) > 1 for r in ROWS)}")
    print("  protection           " + ", ".join(f"{k}={prot[k]}" for k in sorted(prot)))
    assert len(neg) >= 70 and len(hard) * 2 >= len(neg)


if __name__ == "__main__":
    main()
