"""Checksum and structure validators that a classifier's value pattern can name.

A pattern says a value *looks like* a class; a validator says it *is* one. Columns are scored by the
share of values that validate. python-stdnum carries the checksum rules (kept current with the
issuing bodies), phonenumbers carries libphonenumber's numbering plans.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import json
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.us import ein as stdnum_ein
from stdnum.us import rtn as stdnum_rtn
from stdnum.us import ssn as stdnum_ssn

Validator = Callable[[str], bool]

VALIDATORS: dict[str, Validator] = {}

# Published example SSNs (wallet cards, advertising, documentation) that are never real people's.
_SAMPLE_SSNS = frozenset({"078051120", "219099999", "457555462", "123456789"})


def register(name: str) -> Callable[[Validator], Validator]:
    def add(func: Validator) -> Validator:
        VALIDATORS[name] = func
        return func

    return add


_NOT_DIGIT = re.compile(r"\D")


def _digits(value: str) -> str:
    return _NOT_DIGIT.sub("", value)


@register("us_ssn")
def us_ssn(value: str) -> bool:
    digits = _digits(value)
    if len(digits) != 9 or len(set(digits)) == 1 or digits in _SAMPLE_SSNS:
        return False
    separators = {ch for ch in value if not ch.isdigit()}
    if len(separators) > 1:
        return False
    return bool(stdnum_ssn.is_valid(digits))


@register("luhn_card")
def luhn_card(value: str) -> bool:
    digits = _digits(value)
    if not 12 <= len(digits) <= 19 or len(set(digits)) == 1:
        return False
    if {ch for ch in value if not ch.isdigit()} - {" ", "-"}:
        return False
    return bool(luhn.is_valid(digits))


@register("iban")
def iban(value: str) -> bool:
    # Country length and mod-97 only: stdnum's per-country checks consult bank registries that lag
    # behind (it rejects BE68 5390 0754 7034, the Belgian example IBAN, for an unlisted bank code).
    compact = value.replace("-", "").replace(" ", "")
    return _one_separator_style(value) and bool(stdnum_iban.is_valid(compact, check_country=False))


@register("email")
def email(value: str) -> bool:
    local, _, domain = value.rpartition("@")
    if not local or "." not in domain or domain.startswith(".") or ".." in domain:
        return False
    return domain.rsplit(".", 1)[-1].isalpha()


# National formats start with a trunk prefix 0 in these regions; a number that is valid in one of
# them is a phone number even without its country code.
NATIONAL_REGIONS = (
    "GB", "DE", "FR", "IT", "ES", "NL", "IN", "AU", "BR", "JP", "ZA", "IE", "AT", "CH", "SE", "IL",
)  # fmt: skip


def _valid_in(value: str, region: str | None) -> bool:
    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(parsed))


_SPANISH_NATIONAL = re.compile(r"[6-9]\d{2}(?: \d{2}){3}|[89]\d(?: \d{3})(?: \d{2}){2}")
# Day.month.year and year-month-day dates have phone-like digit groups.
_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}")


@register("phone_number")
def phone_number(value: str) -> bool:
    digits = _digits(value)
    if len(digits) < 7 or _DATE.fullmatch(value.strip()):
        return False
    stripped = value.strip()
    # Parsed as US, a number is valid only with 10 digits (11 with the 1) or with a + country code:
    # a cheap gate that spares libphonenumber every SSN-shaped and 9-digit value.
    if (stripped.startswith("+") or len(digits) in (10, 11)) and _valid_in(value, "US"):
        return True
    if stripped.isdigit() and 10 <= len(digits) <= 15 and not stripped.startswith("0"):
        # international number stored without its + (MSISDN)
        return _valid_in("+" + stripped, None)
    if stripped.startswith("0") and not stripped.startswith("00"):
        return any(_valid_in(value, region) for region in NATIONAL_REGIONS)
    if _SPANISH_NATIONAL.fullmatch(stripped):
        return _valid_in(value, "ES")  # Spain dials national numbers with no trunk prefix
    return False


def _ip_text(value: str) -> str:
    """The address in `[2001:db8::1]:8080`, `fe80::1%eth0`, `192.168.1.0/24` or `::1/128`."""
    text = value.strip()
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    text = text.split("/", 1)[0]
    return text.split("%", 1)[0]


@register("ip_address")
def ip_address(value: str) -> bool:
    text = value.strip().rstrip(".,;")
    if "/" in text and not text.rsplit("/", 1)[1].isdigit():
        return False
    try:
        ipaddress.ip_address(_ip_text(text))
    except ValueError:
        return False
    return True


def _one_separator_style(value: str) -> bool:
    return len({ch for ch in value if not ch.isalnum()}) <= 1


# The IRS issues ITINs with fourth and fifth digits in 50-65, 70-88, 90-92 and 94-99 (the 50-65 block
# since 2011, IRS Publication 1915). python-stdnum still accepts only 70-88, 90-92 and 94-99, so the
# group check is written here.
_ITIN_GROUPS = frozenset([*range(50, 66), *range(70, 89), *range(90, 93), *range(94, 100)])


@register("us_itin")
def us_itin(value: str) -> bool:
    digits = _digits(value)
    if len(digits) != 9 or digits[0] != "9" or not _one_separator_style(value):
        return False
    return int(digits[3:5]) in _ITIN_GROUPS


@register("us_ein")
def us_ein(value: str) -> bool:
    return _one_separator_style(value) and bool(stdnum_ein.is_valid(value))


@register("aba_routing")
def aba_routing(value: str) -> bool:
    digits = _digits(value)
    # The first two digits name a Federal Reserve district or a thrift/electronic range.
    prefix = int(digits[:2]) if len(digits) == 9 else -1
    valid_prefix = 0 <= prefix <= 12 or 21 <= prefix <= 32 or 61 <= prefix <= 72 or prefix == 80
    return valid_prefix and len(set(digits)) > 1 and bool(stdnum_rtn.is_valid(digits))


@register("us_npi")
def us_npi(value: str) -> bool:
    digits = _digits(value)
    if len(digits) != 10 or digits[0] not in "12" or len(set(digits[:9])) == 1:
        return False  # one digit repeated (1111111112) is filler that happens to pass the checksum
    return _one_separator_style(value) and bool(luhn.is_valid("80840" + digits))


# First letter: the registrant type (A, B, F, G: practitioners; M: mid-level; P-U, X: distributors,
# researchers, narcotic treatment). Second: the registrant's initial, or 9 for a business name.
_DEA_TYPES = frozenset("ABCDEFGHJKLMPRSTUX")


@register("us_dea")
def us_dea(value: str) -> bool:
    text = value.strip().upper()
    if len(text) != 9 or text[0] not in _DEA_TYPES or not (text[1].isalpha() or text[1] == "9"):
        return False
    if not text[2:].isdigit():
        return False
    d = [int(c) for c in text[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


@register("jwt")
def jwt(value: str) -> bool:
    header = value.split(".", 1)[0]
    try:
        decoded = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return False
    return isinstance(decoded, dict) and "alg" in decoded


@cache
def _person_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames), casefolded: rules/person_names.json, built from Faker's lists."""
    source = resources.files("scanner.rulepacks").joinpath("person_names.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    return frozenset(data["first"]), frozenset(data["last"])


_INITIAL = re.compile(r"[^\W\d_]\.?")
# Titles and suffixes around a name say nothing about which words are the name.
_NAME_AFFIXES = frozenset(
    ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "fr", "sr", "jr", "ii", "iii", "iv",
     "md", "phd", "dds", "rn", "esq", "herr", "frau", "sra")
)  # fmt: skip


def _name_key(token: str) -> str:
    folded = unicodedata.normalize("NFKD", token.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


@register("person_name")
def person_name(value: str) -> bool:
    """`Ana María Ferreira`, `FERREIRA, ANA M`, `nguyen thi lan`: two to four name words and
    initials, where a known given name and a known surname stand at the two ends (either order, as
    family-name-first cultures write them). A product (`Kate Spade Tote`) or a place (`Grand Rapids`)
    rarely has both."""
    surname_first = "," in value
    if surname_first:
        family, _, given = value.partition(",")
        if "," in given:
            return False
        tokens = given.split() + family.split()
    else:
        tokens = value.split()
    words = [t for t in tokens if not _INITIAL.fullmatch(t) and _name_key(t).strip(".,") not in _NAME_AFFIXES]
    if not 2 <= len(words) <= 4 or len(tokens) > 6:
        return False
    first_names, surnames = _person_names()
    head, tail = _name_key(words[0]), _name_key(words[-1])
    return (_known(head, first_names) and _known(tail, surnames)) or (
        _known(head, surnames) and _known(tail, first_names)
    )


def _known(key: str, names: frozenset[str]) -> bool:
    """A name in the list, or a double name whose first part is (`Mary-Jane`, `García-Lorca`)."""
    return key in names or ("-" in key and key.split("-", 1)[0] in names)


def names() -> list[str]:
    return sorted(VALIDATORS)
