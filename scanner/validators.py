"""Checksum and structure validators that a classifier's value pattern can name.

A pattern says a value *looks like* a class; a validator says it *is* one. Columns are scored by the
share of values that validate. python-stdnum carries the checksum rules (kept current with the
issuing bodies), phonenumbers carries libphonenumber's numbering plans.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn
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


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


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
    return bool(stdnum_iban.is_valid(value))


@register("email")
def email(value: str) -> bool:
    local, _, domain = value.rpartition("@")
    if not local or "." not in domain or domain.startswith(".") or ".." in domain:
        return False
    return domain.rsplit(".", 1)[-1].isalpha()


@register("phone_number")
def phone_number(value: str) -> bool:
    if len(_digits(value)) < 7:
        return False
    try:
        parsed = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(parsed))


@register("ip_address")
def ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def names() -> list[str]:
    return sorted(VALIDATORS)
