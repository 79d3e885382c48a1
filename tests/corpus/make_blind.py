#!/usr/bin/env python3
"""Generate tests/corpus/blind.jsonl, the blind labelled column corpus.

Deterministic: a single random.Random(4242) drives every choice, in a fixed order.
Dependencies: the standard library, python-stdnum and phonenumbers.

    python tests/corpus/make_blind.py

writes blind.jsonl next to this file and prints per-label counts. The script asserts that every
positive structured identifier validates (stdnum / Luhn / phonenumbers / ipaddress) and that columns
not labelled with an identifier class do not carry that identifier by accident.
"""
import base64
import hashlib
import ipaddress
import json
import os
import re
import string
import sys
import uuid
from collections import Counter
import random

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.us import ein as std_ein
from stdnum.us import itin as std_itin
from stdnum.us import rtn as std_rtn
from stdnum.us import ssn as std_ssn

rng = random.Random(4242)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "blind.jsonl")

ALLOWED = [
    "us_ssn", "us_itin", "us_ein", "credit_card", "iban", "us_bank_routing", "email", "phone_number",
    "ip_address", "person_name", "date_of_birth", "icd10_code", "us_npi", "us_dea", "aws_access_key",
    "github_token", "slack_token", "jwt", "private_key", "conversation", "keystrokes", "mouse_telemetry",
    "screen_content", "performance_review", "medical", "tax", "free_text",
]
PROTECTIONS = ["plaintext", "ciphertext", "hashed", "masked", "tokenized", "mixed", "empty"]
# identifier classes that can be found inside arbitrary text by the scan below
SCANNED = ["us_ssn", "credit_card", "iban", "email", "phone_number", "ip_address"]

ROWS = []
_CAT = ["?"]


def cat(name):
    _CAT[0] = name


# --------------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------------

def n_rows(lo=60, hi=160):
    return rng.randint(lo, hi)


def pick(seq):
    return seq[rng.randrange(len(seq))]


FIRST = [
    "Maya", "Jonah", "Priya", "Tomás", "Aiko", "Dev", "Lena", "Marcus", "Ifeoma", "Sasha", "Rahul",
    "Carmen", "Owen", "Zoe", "Kwame", "Hana", "Felix", "Nadia", "Elif", "Bruno", "Grace", "Yusuf",
    "Ingrid", "Leo", "Mei", "Dario", "Ruth", "Sven", "Amara", "Theo", "Lucía", "Bilal", "Keiko",
    "Wes", "Farah", "Colm", "Anouk", "Jasper", "Tamsin", "Rosa", "Idris", "Petra", "Gabe", "Niamh",
]
LAST = [
    "Okafor", "Lindqvist", "Petrov", "Nakamura", "Alvarez", "Brennan", "Haddad", "Kowalski", "Moreau",
    "Chen", "Osei", "Fischer", "Rao", "Delgado", "Whitfield", "Sato", "Novak", "Abara", "Reyes", "Holm",
    "Quintero", "Mbeki", "Ferreira", "Castellano", "Dunleavy", "Varga", "Iyer", "Sorensen", "Achterberg",
]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAYS_CAP = [d.capitalize() for d in DAYS]
TIMES = ["7", "7:30", "8", "8:15", "9", "10", "11:30", "noon", "1", "2:45", "3", "4", "5:30", "6", "6:30", "8pm", "9pm"]
PLACES = ["the taco place", "Rosie's", "the usual spot", "that ramen bar", "Luigi's", "the brewery",
          "the park", "the food hall", "Kim's", "the diner on 5th", "the rooftop bar", "Sal's"]

SLOTS = {
    "first": lambda: pick(FIRST),
    "first2": lambda: pick(FIRST),
    "first3": lambda: pick(FIRST),
    "last": lambda: pick(LAST),
    "last2": lambda: pick(LAST),
    "day": lambda: pick(DAYS),
    "Day": lambda: pick(DAYS_CAP),
    "time": lambda: pick(TIMES),
    "place": lambda: pick(PLACES),
    "n": lambda: str(rng.randint(2, 9)),
    "nn": lambda: str(rng.randint(10, 60)),
    "money": lambda: "%d" % rng.choice([12, 18, 25, 40, 45, 60, 75, 120, 140, 230, 310, 480]),
    "date": lambda: "%d/%d" % (rng.randint(1, 12), rng.randint(1, 28)),
}

_SLOT_RE = re.compile(r"\{(\w+)\}")


def fill(template, **extra):
    """Replace {slot}s; the same slot name gets the same value within one template."""
    memo = {}

    def rep(m):
        k = m.group(1)
        if k not in memo:
            src = extra.get(k, SLOTS.get(k))
            if src is None:
                raise KeyError(k)
            if callable(src):
                memo[k] = src()
                # keep numbered variants ({first2}, {first3}) distinct from earlier ones
                base = k.rstrip("0123456789")
                taken = [memo.get(base)] + [memo.get(base + str(i)) for i in range(2, 10) if base + str(i) != k]
                while base != k and memo[k] in taken:
                    memo[k] = src()
            elif isinstance(src, (list, tuple)):
                memo[k] = pick(src)
            else:
                memo[k] = str(src)
        return memo[k]

    return _SLOT_RE.sub(rep, template)


def s(pool, **extra):
    return fill(pick(pool), **extra)


def join_some(pool, lo, hi, sep=" ", **extra):
    k = rng.randint(lo, hi)
    idx = rng.sample(range(len(pool)), min(k, len(pool)))
    return sep.join(fill(pool[i], **extra) for i in idx)


def sprinkle(values, p_null=0.0, p_empty=0.0, fillers=("",)):
    out = []
    for v in values:
        r = rng.random()
        if r < p_null:
            out.append(None)
        elif r < p_null + p_empty:
            out.append(pick(fillers))
        else:
            out.append(v)
    return out


def gen(fn, n=None, lo=60, hi=160):
    n = n if n is not None else n_rows(lo, hi)
    return [fn() for _ in range(n)]


def add(table, column, type_, values, labels, note, comment=None, protection="plaintext",
        validate=None, min_valid=1.0, allow_shapes=(), expect_in_text=(), numeric_checks=False):
    """Register one column.

    validate       -- callable(value) -> bool for structured positives; every non-null, non-filler
                      value must pass (min_valid=1.0).
    allow_shapes   -- identifier classes whose shape is knowingly present in a column that is not
                      labelled with them (hard negatives such as IPv4-looking build numbers).
    expect_in_text -- identifier classes that must be found inside at least 10% of a free-text column.
    numeric_checks -- run the accidental-checksum checks for numeric id columns.
    """
    ROWS.append(dict(table=table, column=column, type=type_, comment=comment, values=values,
                     labels=sorted(labels), protection=protection, note=note,
                     _validate=validate, _min_valid=min_valid, _allow=tuple(allow_shapes),
                     _expect=tuple(expect_in_text), _numeric=numeric_checks, _cat=_CAT[0]))


# --------------------------------------------------------------------------------------------
# identifier generators (all validated)
# --------------------------------------------------------------------------------------------

SSN_BLACKLIST = {"078051120", "219099999", "123456789", "111111111", "333333333", "987654320"}


def gen_ssn():
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        v = "%03d%02d%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))
        if v not in SSN_BLACKLIST and std_ssn.is_valid(v):
            return v


def is_ssn(v):
    c = re.sub(r"[ .\-]", "", v)
    return len(c) == 9 and c.isdigit() and c not in SSN_BLACKLIST and std_ssn.is_valid(c)


def gen_itin():
    groups = list(range(50, 66)) + list(range(70, 89)) + [90, 91, 92] + list(range(94, 100))
    while True:
        v = "9%02d%02d%04d" % (rng.randint(0, 99), pick(groups), rng.randint(1, 9999))
        if std_itin.is_valid(v):
            return v


def gen_ein():
    while True:
        v = "%02d%07d" % (rng.randint(1, 99), rng.randint(0, 9999999))
        if std_ein.is_valid(v):
            return v


CARD_BRANDS = {
    "visa": (lambda: "4", 16),
    "mc": (lambda: str(rng.randint(51, 55)) if rng.random() < 0.8 else str(rng.randint(2221, 2720)), 16),
    "amex": (lambda: pick(["34", "37"]), 15),
    "disc": (lambda: pick(["6011", "65", str(rng.randint(644, 649))]), 16),
}


def gen_card(brand):
    pre, length = CARD_BRANDS[brand]
    p = pre()
    body = p + "".join(str(rng.randint(0, 9)) for _ in range(length - len(p) - 1))
    return body + luhn.calc_check_digit(body)


def fmt_card(num, sep=" "):
    if len(num) == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, len(num), 4))


def card_brand_ok(d):
    if not (13 <= len(d) <= 19 and d.isdigit() and luhn.is_valid(d)):
        return False
    if d[0] == "4":
        return len(d) in (13, 16, 19)
    if d[:2] in ("34", "37"):
        return len(d) == 15
    if 51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720:
        return len(d) == 16
    if d[:4] == "6011" or d[:2] == "65" or 644 <= int(d[:3]) <= 649:
        return len(d) in (16, 19)
    return False


def is_card(v):
    return card_brand_ok(re.sub(r"[ \-]", "", v))


IBAN_SPECS = {  # country: BBAN pattern, n = digit, a = upper letter, c = alnum
    "DE": "n" * 18, "GB": "aaaa" + "n" * 14, "FR": "n" * 10 + "c" * 11 + "nn", "ES": "n" * 20,
    "IT": "a" + "n" * 10 + "c" * 12, "NL": "aaaa" + "n" * 10, "BE": "n" * 12, "AT": "n" * 16,
    "CH": "n" * 5 + "c" * 12, "PL": "n" * 24, "SE": "n" * 20, "IE": "aaaa" + "n" * 14, "PT": "n" * 21,
}
GB_BANKS = ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "SRLG", "BUKB", "ABBY"]
IE_BANKS = ["AIBK", "BOFI", "IPBS", "ULSB"]


def gen_iban(cc):
    spec = IBAN_SPECS[cc]
    for _ in range(20000):
        chars = []
        for k in spec:
            if k == "n":
                chars.append(pick(string.digits))
            elif k == "a":
                chars.append(pick(string.ascii_uppercase))
            else:
                chars.append(pick(string.digits) if rng.random() < 0.8 else pick(string.ascii_uppercase))
        bban = "".join(chars)
        if cc == "GB":
            bban = pick(GB_BANKS) + bban[4:]
        if cc == "IE":
            bban = pick(IE_BANKS) + bban[4:]
        if cc == "NL":
            bban = pick(["ABNA", "INGB", "RABO", "SNSB", "TRIO"]) + bban[4:]
        cand = cc + "00" + bban
        cand = cc + std_iban.calc_check_digits(cand) + bban
        if std_iban.is_valid(cand):
            return cand
    raise RuntimeError("could not make IBAN for " + cc)


def fmt_iban(v):
    return " ".join(v[i:i + 4] for i in range(0, len(v), 4))


def is_iban(v):
    return std_iban.is_valid(v)


def gen_routing():
    prefixes = list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73))
    while True:
        body = "%02d%06d" % (pick(prefixes), rng.randint(0, 999999))
        v = body + std_rtn.calc_check_digit(body)
        if std_rtn.is_valid(v):
            return v


def gen_npi():
    base = pick("12") + "".join(pick(string.digits) for _ in range(8))
    return base + luhn.calc_check_digit("80840" + base)


def is_npi(v):
    return len(v) == 10 and v.isdigit() and v[0] in "12" and luhn.is_valid("80840" + v)


def gen_dea(last_name):
    first = pick("ABFGM")
    digits = [rng.randint(0, 9) for _ in range(6)]
    chk = (digits[0] + digits[2] + digits[4] + 2 * (digits[1] + digits[3] + digits[5])) % 10
    return first + last_name[0].upper() + "".join(map(str, digits)) + str(chk)


def is_dea(v):
    if not re.fullmatch(r"[A-Z]{2}\d{7}", v):
        return False
    d = [int(c) for c in v[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def _example_nsn(region, ntype):
    ex = phonenumbers.example_number_for_type(region, ntype)
    return None if ex is None else phonenumbers.national_significant_number(ex)


def gen_phone(region, mobile=None):
    if mobile is None:
        mobile = rng.random() < 0.6
    ntype = phonenumbers.PhoneNumberType.MOBILE if mobile else phonenumbers.PhoneNumberType.FIXED_LINE
    ex = _example_nsn(region, ntype) or _example_nsn(region, phonenumbers.PhoneNumberType.FIXED_LINE)
    cc = phonenumbers.country_code_for_region(region)
    keep = 2 if len(ex) > 8 else 1
    for _ in range(5000):
        nsn = ex[:keep] + "".join(pick(string.digits) for _ in range(len(ex) - keep))
        if region in ("US", "CA") and nsn[3:6] == "555":
            continue
        num = phonenumbers.parse("+%d%s" % (cc, nsn), None)
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            return num
    raise RuntimeError("no phone for " + region)


def gen_us_phone():
    while True:
        area = "%d%d%d" % (rng.randint(2, 9), rng.randint(0, 8), rng.randint(0, 9))
        exch = "%d%02d" % (rng.randint(2, 9), rng.randint(0, 99))
        if exch == "555" or area[1:] == "11" or exch[1:] == "11":
            continue
        nsn = area + exch + "%04d" % rng.randint(0, 9999)
        num = phonenumbers.PhoneNumber(country_code=1, national_number=int(nsn))
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == "US":
            return num


PNF = phonenumbers.PhoneNumberFormat


def fmt_phone(num, style):
    if style == "intl":
        return phonenumbers.format_number(num, PNF.INTERNATIONAL)
    if style == "natl":
        return phonenumbers.format_number(num, PNF.NATIONAL)
    if style == "e164":
        return phonenumbers.format_number(num, PNF.E164)
    nsn = str(num.national_number)
    if style == "us_dots":
        return "%s.%s.%s" % (nsn[:3], nsn[3:6], nsn[6:])
    if style == "us_dash1":
        return "1-%s-%s-%s" % (nsn[:3], nsn[3:6], nsn[6:])
    if style == "us_plain":
        return "%s-%s-%s" % (nsn[:3], nsn[3:6], nsn[6:])
    raise KeyError(style)


def phone_valid_in(region):
    def check(v):
        try:
            return phonenumbers.is_valid_number(phonenumbers.parse(v, region))
        except phonenumbers.NumberParseException:
            return False
    return check


def gen_public_ipv4():
    while True:
        a = ipaddress.IPv4Address(rng.getrandbits(32))
        if a.is_global and not a.is_multicast:
            return str(a)


def gen_private_ipv4():
    kind = rng.random()
    if kind < 0.5:
        return "10.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    if kind < 0.8:
        return "192.168.%d.%d" % (rng.randint(0, 20), rng.randint(2, 254))
    return "172.%d.%d.%d" % (rng.randint(16, 31), rng.randint(0, 255), rng.randint(1, 254))


def gen_ipv6(compressible=True):
    if compressible and rng.random() < 0.7:
        prefix = pick(["2001:db8", "2a02:%x" % rng.randint(0x1000, 0xffff), "2600:%x" % rng.randint(0x1000, 0x1fff),
                       "2a01:4f8", "2c0f:%x" % rng.randint(0xf000, 0xffff), "fe80:0"])
        host = rng.getrandbits(64) if rng.random() < 0.5 else rng.getrandbits(16)
        groups = prefix.split(":") + ["0"] * (4 - len(prefix.split(":")))
        full = ":".join(groups[:4]) + ":" + ":".join("%x" % ((host >> (16 * i)) & 0xffff) for i in (3, 2, 1, 0))
        return str(ipaddress.IPv6Address(full))
    return str(ipaddress.IPv6Address(rng.getrandbits(128) | (0x2 << 124)))


def is_ip(v):
    try:
        ipaddress.ip_address(v)
        return True
    except ValueError:
        return False


EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.co.uk", "icloud.com", "proton.me",
                 "gmx.de", "web.de", "orange.fr", "aol.com", "fastmail.com", "comcast.net"]
WORK_DOMAINS = ["northwind-logistics.com", "brightpath.io", "kestrel-health.org", "acmeparts.com",
                "lumen-analytics.co", "harborview.edu", "tessellate.dev"]


def gen_email(work=False):
    f, l = pick(FIRST), pick(LAST)
    f = f.replace("á", "a").replace("í", "i").replace("ú", "u").replace("ó", "o").replace("é", "e")
    style = rng.randrange(7)
    if style == 0:
        local = "%s.%s" % (f, l)
    elif style == 1:
        local = "%s%s%d" % (f[0], l, rng.randint(1, 99))
    elif style == 2:
        local = "%s_%s" % (f, l[:3])
    elif style == 3:
        local = "%s%d" % (f, rng.randint(1960, 2005))
    elif style == 4:
        local = "%s.%s+%s" % (f, l, pick(["shop", "news", "bills", "work"]))
    elif style == 5:
        local = "%s%s" % (l, f[0])
    else:
        local = pick(["sunnyday", "bookworm", "trailrunner", "nightowl", "coffeeaddict", "tinkerer"]) + str(rng.randint(1, 999))
    if rng.random() < 0.75:
        local = local.lower()
    dom = pick(WORK_DOMAINS) if work else pick(EMAIL_DOMAINS)
    return "%s@%s" % (local, dom)


EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")


def is_email(v):
    return bool(EMAIL_RE.match(v))


# --------------------------------------------------------------------------------------------
# scanning text for identifiers (used by the self-checks)
# --------------------------------------------------------------------------------------------

_EMAIL_IN = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_IPV4_IN = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)")
_IPV6_IN = re.compile(r"(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Za-z:])")
_CARD_IN = re.compile(r"(?<!\d)\d(?:[ \-]?\d){12,18}(?!\d)")
_IBAN_IN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
_SSN_IN = re.compile(r"(?<![\d\-])\d{3}[\-. ]\d{2}[\-. ]\d{4}(?![\d\-])")
PHONE_REGIONS = ["US", "GB", "DE", "FR", "ES", "IT", "MX", "IN", "AU", "NL"]


def scan_text(v):
    found = set()
    spans = []  # spans already explained by another identifier; phone matches inside them are ignored
    for m in _EMAIL_IN.finditer(v):
        found.add("email")
        spans.append(m.span())
    for m in _IPV4_IN.finditer(v):
        if is_ip(m.group(0)):
            found.add("ip_address")
            spans.append(m.span())
    for m in _IPV6_IN.finditer(v):
        if m.group(0).count(":") >= 2 and is_ip(m.group(0)):
            found.add("ip_address")
            spans.append(m.span())
    for m in _CARD_IN.finditer(v):
        if card_brand_ok(re.sub(r"[ \-]", "", m.group(0))):
            found.add("credit_card")
            spans.append(m.span())
    for m in _IBAN_IN.finditer(v):
        if std_iban.is_valid(m.group(0).replace(" ", "")):
            found.add("iban")
            spans.append(m.span())
    for m in _SSN_IN.finditer(v):
        if is_ssn(m.group(0)):
            found.add("us_ssn")
            spans.append(m.span())
    if re.search(r"\d{3}", v):
        for region in PHONE_REGIONS:
            for m in phonenumbers.PhoneNumberMatcher(v, region, leniency=phonenumbers.Leniency.VALID):
                if sum(ch.isdigit() for ch in m.raw_string) >= 8 and _standalone(v, m.start, m.end) and not any(a < m.end and m.start < b for a, b in spans):
                    found.add("phone_number")
                    break
            if "phone_number" in found:
                break
    return found


def _standalone(v, start, end):
    """A phone match counts only when it is not a fragment of a longer token (uuid, hash, path, version)."""
    def glued(i, step):
        if not 0 <= i < len(v):
            return False
        ch = v[i]
        if ch.isalnum() or ch in "_/:=@#":
            return True
        if ch in "-." and 0 <= i + step < len(v) and v[i + step].isalnum():
            return True
        return False
    return not glued(start - 1, -1) and not glued(end, 1)


# ============================================================================================
# A. NEGATIVES
# ============================================================================================

def hexstr(nbytes):
    return "%0*x" % (nbytes * 2, rng.getrandbits(nbytes * 8))


def rand_uuid4():
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def digest(algo):
    return hashlib.new(algo, ("%d:%s" % (rng.getrandbits(48), pick(FIRST))).encode()).hexdigest()


def build_negatives():
    # ---------------- ML features and model scores ----------------
    cat("ML features and model scores")
    add("ml.churn_scores_daily", "score", "double",
        gen(lambda: repr(rng.random())),
        [], "Model output probability at full double precision.")
    add("features.user_7d", "f_017", "double",
        gen(lambda: repr(rng.gauss(0, 1.7))),
        [], "Standardised feature with negative values, opaque feature name.")
    add("ml.fraud_v3_inference", "logit", "double",
        gen(lambda: repr(rng.uniform(-9.5, 6.0))),
        [], "Raw logits from a classifier, mostly negative.")
    add("ml.ctr_predictions", "p_click", "double",
        gen(lambda: repr(rng.random() * 10 ** rng.randint(-7, -3))),
        [], "Tiny probabilities rendered in scientific notation (e.g. 3.2e-05).")
    add("ml.item_embeddings", "embedding", "json",
        gen(lambda: json.dumps([round(rng.gauss(0, 0.25), 6) for _ in range(rng.choice([8, 12, 16]))]), lo=60, hi=90),
        [], "Dense embeddings serialised as JSON arrays of floats.")
    add("ml.user_vectors", "vec", "double[]",
        gen(lambda: "[" + ", ".join(repr(rng.uniform(-1, 1)) for _ in range(6)) + "]", lo=60, hi=80),
        [], "DuckDB list of doubles rendered as text.")
    add("features.session_agg", "value", "double",
        gen(lambda: repr(rng.lognormvariate(2, 1.1))),
        [], "Neutral name, skewed continuous feature.")
    add("ml.ranker_v12_output", "attr_3", "double",
        gen(lambda: repr(rng.uniform(-0.5, 0.5) * 10 ** rng.choice([0, 0, -1, -2, -4, -6]))),
        [], "Neutral name, ranking deltas of mixed magnitude including sci notation.")

    # ---------------- epoch timestamps ----------------
    cat("epoch timestamps")
    add("events.page_view", "ts", "bigint",
        gen(lambda: str(rng.randint(1672531200000, 1735689599999))),
        [], "Epoch milliseconds (13 digits).", numeric_checks=True)
    add("raw.kafka_ingest", "created_at", "bigint",
        gen(lambda: str(rng.randint(1600000000, 1735689599))),
        [], "Epoch seconds (10 digits).", numeric_checks=True)
    base = rng.randint(1704067200000, 1706745600000)
    add("ops.job_events", "c7", "bigint",
        [str(base + i * rng.randint(200, 90000)) for i in range(n_rows())],
        [], "Neutral name, increasing epoch-ms values.", numeric_checks=True)
    add("billing.subscriptions", "renewed_epoch", "bigint",
        sprinkle(gen(lambda: str(rng.randint(1650000000, 1730000000))), p_null=0.2),
        [], "Epoch seconds with NULLs for never-renewed rows.", numeric_checks=True)

    # ---------------- numeric ids ----------------
    cat("numeric ids")
    base = rng.randint(3100000000, 3200000000)
    add("orders.order_lines", "order_id", "bigint",
        [str(base + i * rng.randint(1, 40)) for i in range(n_rows())],
        [], "Sequential 10-digit order ids from a base.", numeric_checks=True)
    ts0 = 1700000000000 - 1288834974657
    add("events.click_stream", "event_id", "bigint",
        gen(lambda: str(((ts0 + rng.randint(0, 10 ** 10)) << 22) | rng.getrandbits(22))),
        [], "Snowflake-style 18-19 digit ids.", numeric_checks=True)
    vals = gen(lambda: str(rng.randint(10 ** 15, 10 ** 16 - 1)), n=140)
    add("payments.ledger_entries", "txn_ref", "bigint", vals, [],
        "Hard negative: random 16-digit transaction references; about a tenth pass Luhn by chance "
        "(%d of %d), as random ids do." % (sum(1 for v in vals if luhn.is_valid(v)), len(vals)),
        numeric_checks=True)
    vals = gen(lambda: str(rng.randint(4 * 10 ** 15, 5 * 10 ** 15 - 1)), n=90)
    add("loyalty.cards", "member_no", "varchar", vals, [],
        "Hard negative: 16-digit loyalty member numbers starting with 4 (Visa-like prefix); only the ~10%% "
        "that pass Luhn by chance could be mistaken for cards (%d of %d)."
        % (sum(1 for v in vals if luhn.is_valid(v)), len(vals)), numeric_checks=True)
    add("crm.accounts", "account_id", "bigint",
        gen(lambda: str(rng.randint(10 ** 9, 10 ** 10 - 1))),
        [], "Random 10-digit account ids (NPI-length).", numeric_checks=True)
    add("logistics.shipments", "tracking_no", "varchar",
        gen(lambda: "%012d" % rng.randint(0, 10 ** 12 - 1)),
        [], "12-digit carrier tracking numbers with leading zeros.", numeric_checks=True)
    add("inventory.stock_snapshot", "c4", "bigint",
        gen(lambda: str(rng.randint(0, 999999999))),
        [], "Hard negative: random ids up to 9 digits under a neutral name; shape of a bare SSN but with "
            "9xx/000 prefixes and dropped leading zeros as random ids have.", numeric_checks=True)
    base = rng.randint(900000000, 990000000)
    add("dw.fact_sales", "customer_key", "bigint",
        [str(base + i) for i in range(n_rows())],
        [], "Sequential 9-digit surrogate keys.", numeric_checks=True)
    add("ads.impressions", "request_id", "bigint",
        gen(lambda: str(rng.randint(10 ** 18, 9 * 10 ** 18))),
        [], "19-digit random request ids.", numeric_checks=True)
    add("catalog.books", "isbn13", "varchar",
        gen(lambda: (lambda b: b + str((10 - sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(b)) % 10) % 10))(
            pick(["978", "979"]) + "%09d" % rng.randint(0, 10 ** 9 - 1))),
        [], "Hard negative: ISBN-13 numbers (13 digits with a check digit).", numeric_checks=True)

    # ---------------- digests ----------------
    cat("digests")
    add("auth.sessions", "session_hash", "varchar", gen(lambda: digest("sha256")), [],
        "SHA-256 hex digests of session tokens.", protection="hashed")
    add("files.uploads", "md5", "varchar", gen(lambda: digest("md5")), [],
        "MD5 checksums of uploaded files.", protection="hashed")
    add("git.deploys", "commit_sha", "varchar", gen(lambda: digest("sha1")), [],
        "Hard negative: 40-hex git commit SHAs.", protection="hashed")
    add("cache.entries", "key", "varchar",
        gen(lambda: pick(["sha1:", "", ""]) + digest("sha1")), [],
        "Neutral name, SHA-1 cache keys, some with an algorithm prefix.", protection="hashed")

    # ---------------- UUIDs ----------------
    cat("UUIDs")
    add("events.checkout", "session_id", "uuid", gen(rand_uuid4), [], "UUIDv4 session ids.")
    add("core.devices", "device_uuid", "varchar", gen(lambda: rand_uuid4().upper()), [],
        "Upper-case UUIDs from iOS devices.")
    add("ops.requests", "trace_id", "varchar", gen(lambda: hexstr(16)), [],
        "W3C trace ids: 32 random hex chars, not a digest.")
    add("jobs.queue", "payload", "varchar", gen(lambda: rand_uuid4().replace("-", "")), [],
        "Hard negative: neutral name 'payload' holding dashless UUIDs.")

    # ---------------- URLs ----------------
    cat("URLs")
    paths = ["/", "/pricing", "/blog/how-we-ship", "/products/trail-runner-2", "/cart", "/checkout/shipping",
             "/account/orders", "/search?q=rain+jacket", "/help/returns", "/category/kitchen?page=3",
             "/products/ceramic-mug-set?color=sage", "/careers", "/about"]
    add("web.pageviews", "page_url", "varchar",
        gen(lambda: "https://www.%s%s" % (pick(["northwind-outdoor.com", "northwind-outdoor.co.uk"]), pick(paths))),
        [], "Site URLs without user data.")
    add("marketing.campaigns", "landing_url", "varchar",
        gen(lambda: "https://shop.example-retail.com/lp/%s?utm_source=%s&utm_medium=%s&utm_campaign=%s" % (
            pick(["spring-sale", "bf24", "new-arrivals", "clearance"]), pick(["google", "meta", "newsletter", "tiktok"]),
            pick(["cpc", "email", "social"]), pick(["q2_promo", "retarget_7d", "brand_search"]))),
        [], "Landing-page URLs with UTM parameters.")
    add("cdn.assets", "value", "varchar",
        gen(lambda: "https://cdn.assets-nw.net/img/%s/%s.%s" % (hexstr(2), hexstr(8), pick(["jpg", "webp", "png"]))),
        [], "Neutral name, CDN image URLs.")

    # ---------------- user agents ----------------
    cat("user agents")
    def ua():
        k = rng.randrange(5)
        if k == 0:
            return ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    "Chrome/%d.0.%d.%d Safari/537.36" % (rng.randint(110, 126), rng.randint(5000, 6500), rng.randint(50, 200)))
        if k == 1:
            return ("Mozilla/5.0 (iPhone; CPU iPhone OS %d_%d like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    "Version/%d.%d Mobile/15E148 Safari/604.1" % (rng.randint(15, 17), rng.randint(0, 6), rng.randint(15, 17), rng.randint(0, 6)))
        if k == 2:
            return ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    "Version/17.%d Safari/605.1.15" % rng.randint(0, 5))
        if k == 3:
            return "Mozilla/5.0 (X11; Linux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.0" % ((lambda x: (x, x))(rng.randint(115, 128)))
        return ("Mozilla/5.0 (Linux; Android %d; %s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Mobile Safari/537.36"
                % (rng.randint(11, 14), pick(["Pixel 7", "SM-G991B", "moto g(30)", "2201116SG"]), rng.randint(112, 126)))
    add("web.requests", "user_agent", "varchar", gen(ua), [],
        "Hard negative: browser user-agent strings; reduced Chrome versions such as Chrome/124.0.0.0 parse as IPv4.",
        allow_shapes=["ip_address"])
    add("mobile.sessions", "ua", "varchar",
        gen(lambda: "NorthwindApp/%d.%d.%d (%s; build %d) okhttp/4.%d.0" % (
            rng.randint(3, 5), rng.randint(0, 20), rng.randint(0, 9), pick(["Android 13", "Android 14", "iOS 17.4"]),
            rng.randint(1000, 9999), rng.randint(9, 12))),
        [], "App user agents with build numbers.")

    # ---------------- versions ----------------
    cat("versions")
    add("mobile.app_installs", "app_version", "varchar",
        gen(lambda: "%d.%d.%d" % (rng.randint(1, 6), rng.randint(0, 30), rng.randint(0, 12))),
        [], "Semantic versions.")
    add("infra.hosts", "build", "varchar",
        gen(lambda: "%d.%d.%d.%d" % (rng.randint(1, 12), rng.randint(0, 9), rng.randint(0, 20), rng.randint(0, 250))),
        [], "Hard negative: four-part build numbers that parse as IPv4 (e.g. 10.2.3.4).",
        allow_shapes=["ip_address"])
    add("devices.firmware", "fw_ver", "varchar",
        gen(lambda: "%d.%d.%d.%d" % (rng.choice([4, 5, 172, 192]), rng.randint(0, 168), rng.randint(0, 30), rng.randint(100, 254))),
        [], "Hard negative: four-part firmware versions that parse as IPv4 addresses, some starting 172. or 192.",
        allow_shapes=["ip_address"])
    add("deps.lockfile", "c2", "varchar",
        gen(lambda: pick(["^", "~", ">=", ""]) + "%d.%d.%d%s" % (rng.randint(0, 18), rng.randint(0, 40), rng.randint(0, 30),
                                                              pick(["", "", "-rc.1", "-beta.2", "+build.7"]))),
        [], "Neutral name, dependency version constraints.")

    # ---------------- SKUs ----------------
    cat("SKUs")
    add("catalog.products", "sku", "varchar",
        gen(lambda: "%s-%s-%03d-%s" % (pick(["TRL", "KTC", "OUT", "BTH", "APL"]), pick(["BLK", "SGE", "NVY", "RED", "WHT"]),
                                        rng.randint(1, 999), pick(["S", "M", "L", "XL", "OS"]))),
        [], "Structured SKUs.")
    add("orders.order_lines", "item_code", "varchar",
        gen(lambda: "%d%05d" % (rng.randint(10, 99), rng.randint(0, 99999))),
        [], "Seven-digit item codes.", numeric_checks=True)
    add("supply.po_lines", "ref", "varchar",
        gen(lambda: "PO-%d-%05d/%d" % (rng.randint(2021, 2025), rng.randint(1, 99999), rng.randint(1, 30))),
        [], "Neutral name 'ref', purchase-order line references.")

    # ---------------- lat / lon ----------------
    cat("lat / lon")
    lat0 = [(40.71, -74.0), (34.05, -118.24), (41.88, -87.63), (47.61, -122.33), (29.76, -95.37)]
    pts = [pick(lat0) for _ in range(120)]
    add("stores.locations", "lat", "double", [repr(p[0] + rng.uniform(-0.3, 0.3)) for p in pts], [],
        "Store latitudes.")
    add("stores.locations", "lon", "double", [repr(p[1] + rng.uniform(-0.3, 0.3)) for p in pts[:97]], [],
        "Store longitudes (negative).")
    add("fleet.depots", "geo", "varchar",
        gen(lambda: "%.5f,%.5f" % (rng.uniform(25, 49), rng.uniform(-124, -67))),
        [], "Depot coordinates as 'lat,lon' strings.")

    # ---------------- base64 blobs ----------------
    cat("base64 blobs")
    add("media.thumbnails", "thumb_b64", "varchar",
        gen(lambda: base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(rng.randint(60, 140)))).decode(), lo=60, hi=80),
        [], "Base64 PNG thumbnails.", protection="ciphertext")
    add("cache.blobs", "payload", "varchar",
        gen(lambda: base64.b64encode(bytes(rng.getrandbits(8) for _ in range(rng.choice([32, 48, 64, 96])))).decode()),
        [], "Opaque base64 blobs under a neutral name.", protection="ciphertext")

    # ---------------- JSON configs ----------------
    cat("JSON configs")
    def cfg():
        d = {"retries": rng.randint(0, 5), "timeout_ms": rng.choice([500, 1000, 2500, 5000]),
             "region": pick(["us-east-1", "eu-west-1", "ap-south-1"]), "cache": {"enabled": rng.random() < 0.7, "ttl_s": rng.choice([60, 300, 3600])}}
        if rng.random() < 0.5:
            d["flags"] = rng.sample(["new_checkout", "dark_mode", "fast_search", "batch_upload", "v2_pricing"], rng.randint(1, 3))
        return json.dumps(d)
    add("config.service_settings", "config", "json", gen(cfg), [], "Service configuration JSON.")

    def spec():
        return json.dumps({"image": "registry.internal/%s:%d.%d.%d" % (pick(["api", "worker", "ingest"]), rng.randint(1, 4), rng.randint(0, 30), rng.randint(0, 9)),
                           "replicas": rng.randint(1, 12), "resources": {"cpu": pick(["250m", "500m", "1", "2"]), "memory": pick(["256Mi", "1Gi", "4Gi"])},
                           "env": {"LOG_LEVEL": pick(["info", "debug", "warn"])}})
    add("deploy.manifests", "spec", "json", gen(spec, lo=60, hi=90), [], "Deployment manifests as JSON.")

    # ---------------- product copy / editorial ----------------
    cat("product copy / editorial")
    adj = ["lightweight", "water-resistant", "hand-glazed", "organic cotton", "recycled", "stackable", "insulated", "stretchy"]
    things = ["rain shell", "mug set", "tote", "running short", "blanket", "desk lamp", "water bottle", "trail shoe", "duvet cover"]
    copy = [
        "You'll love how this {adj} {thing} goes from the morning commute to weekend adventures.",
        "Meet your new favourite {thing}: {adj}, easy to care for, and built to last.",
        "Treat yourself to a {adj} {thing} that keeps up with everything you throw at it.",
        "Designed in our Portland studio, this {thing} is {adj} and machine washable.",
        "Whether you're hosting brunch or working late, this {adj} {thing} has you covered.",
        "Your feet will thank you. Cushioned, {adj}, and ready for {nn} miles a week.",
        "Pairs perfectly with the rest of the collection. Available in 5 colours.",
        "Back by popular demand: the {adj} {thing} you asked for, now with a roomier fit.",
        "Give it as a gift or keep it for yourself, we won't tell.",
        "Made from {adj} materials, because you care where your things come from.",
    ]
    add("catalog.products", "description", "varchar",
        gen(lambda: join_some(copy, 1, 3, adj=adj, thing=things)),
        [], "Hard negative: second-person marketing copy ('you'll love...').")
    add("catalog.products", "short_desc", "varchar",
        gen(lambda: "%s %s, %s" % (pick(adj).capitalize(), pick(things), pick(["one size", "pack of 2", "unisex", "22 oz", "queen", "EU 38-46"]))),
        [], "Short product titles.")
    banners = ["Free shipping on orders over $50 this weekend only!", "You deserve a break. Take 20% off sitewide with code RELAX20.",
               "New drop: the summer collection is here. Shop now before it's gone.", "Members get early access. Sign in to see your offer.",
               "Don't forget, your cart misses you. Complete checkout for a free tote.", "Last chance! Sale ends at midnight.",
               "Spring into savings: up to 40% off outdoor gear.", "Hey there, ready for your next adventure? We picked a few things for you."]
    add("cms.promo_banners", "body", "varchar", gen(lambda: pick(banners)), [],
        "Hard negative: neutral 'body' holding promotional banner copy in second person.")
    heads = ["City council approves {nn}-storey housing project near waterfront", "Storms to bring heavy rain to the coast through {Day}",
             "Local bakery wins regional award for third year running", "Tech shares slide as rate fears return",
             "School district delays start of term after water main break", "Transit authority unveils new night-bus routes",
             "Farmers report early harvest amid warm spring", "Museum reopens east wing after {n}-year renovation",
             "Minor league team clinches playoff spot with late rally", "Researchers map {nn} new species in deep-sea survey",
             "Airport expansion faces fresh opposition from residents", "Power restored to most homes after overnight outage"]
    add("content.news_feed", "headline", "varchar", gen(lambda: s(heads)), [], "News headlines.")
    add("content.articles", "text", "varchar",
        gen(lambda: join_some([
            "The council voted {votes} to 2 on Tuesday evening to approve the proposal.",
            "Officials said construction would begin next spring and take roughly {nn} months.",
            "Opponents argued the plan did not include enough affordable units.",
            "The project is expected to add about {nn}0 homes to the district.",
            "A spokesperson for the developer declined to comment on the timeline.",
            "Residents can submit comments through the city's planning portal until the end of the month.",
            "Forecasters expect conditions to improve by the weekend.",
            "The agency said it would publish a full report later this year.",
        ], 2, 4, votes=lambda: str(rng.randint(5, 9))), lo=60, hi=90),
        [], "Hard negative: published news article paragraphs under the neutral name 'text'.")
    kb = ["To reset your password, open Settings > Security and choose Reset password. A link is sent to the address on file.",
          "Returns are accepted within 30 days of delivery. Items must be unused and in their original packaging.",
          "If your order hasn't arrived within 7 business days, check the tracking page first. Carriers sometimes update late.",
          "You can change your plan at any time. Upgrades take effect immediately; downgrades apply at the next billing cycle.",
          "To export your data, go to Account > Privacy and select Download my data. The archive is ready within 48 hours.",
          "Two-factor authentication adds a second step when you sign in. We recommend using an authenticator app.",
          "Gift cards never expire and can be combined with most promotions.",
          "If the app crashes on launch, update to the latest version and restart your device."]
    add("support.kb_articles", "content", "varchar", gen(lambda: join_some(kb, 1, 3), lo=60, hi=80), [],
        "Hard negative: help-centre article text addressed to 'you'.")

    # ---------------- commit messages ----------------
    cat("commit messages")
    cm = ["fix: handle empty cart in checkout totals", "chore(deps): bump lodash from 4.17.20 to 4.17.21",
          "feat(search): add typo tolerance to product search", "Revert \"feat: enable v2 pricing\"",
          "refactor: extract retry policy into its own module", "docs: update README with local setup steps",
          "fix flaky test in test_order_sync", "Merge pull request #{nn}{n} from team/fix-timeouts",
          "perf: cache currency rates for 5 minutes", "ci: run integration tests on release branches only",
          "fix(api): return 404 instead of 500 for unknown sku", "wip", "address review comments",
          "bump version to {n}.{nn}.0", "feat: add dark mode toggle to settings page", "remove dead code in legacy importer"]
    add("git.commits", "message", "varchar", gen(lambda: s(cm)), [],
        "Hard negative: column named 'message' holding commit messages.")
    add("ci.builds", "msg", "varchar", gen(lambda: s(cm) + pick(["", "", " [skip ci]", "\n\nCloses #%d" % rng.randint(100, 999)])), [],
        "Hard negative: commit messages under 'msg'.")

    # ---------------- alerts / monitoring ----------------
    cat("alerts / monitoring")
    hosts = ["db-7", "db-12", "api-3", "worker-19", "cache-2", "ingest-5", "kafka-broker-4", "etl-runner-1"]
    alerts = ["disk usage on {host} above {pct}%", "CPU > {pct}% for 10m on {host}", "{host}: replication lag {nn}s",
              "5xx rate above threshold on checkout-service ({n}.{n}%)", "p99 latency {nn}0ms exceeds SLO on search-api",
              "certificate for api.internal expires in {n} days", "[RESOLVED] memory pressure on {host}",
              "consumer group billing-sync lagging by {nn}{n}00 messages", "{host} unreachable from 2 of 3 probes",
              "backup job nightly-pg failed on {host}", "queue depth {nn}{n}0 on email-outbound"]
    hp = dict(host=hosts, pct=lambda: str(rng.randint(80, 99)))
    add("monitoring.alerts", "alert_text", "varchar", gen(lambda: s(alerts, **hp)), [], "Monitoring alert texts.")
    add("ops.incidents", "description", "varchar",
        gen(lambda: s(alerts, **hp) + pick([". Auto-remediation triggered.", ". Paged on-call.", "", ". Runbook: RB-%d." % rng.randint(10, 99)])),
        [], "Hard negative: 'description' holding machine-generated incident text.")

    # ---------------- logs ----------------
    cat("logs")
    lvls = ["INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"]
    logs = ["GET /api/v2/orders/{oid} 200 {ms}ms", "POST /api/v2/cart/items 201 {ms}ms", "cache miss key=product:{oid}",
            "retrying request to payments-gw attempt={n}", "connection pool exhausted (max={nn})",
            "scheduled job reconcile_inventory started", "scheduled job reconcile_inventory finished in {ms}ms",
            "upstream timeout after 3000ms service=pricing", "user session refreshed sid={sid}",
            "feature flag new_checkout evaluated=true", "slow query detected duration={ms}ms table=orders",
            "worker {n} heartbeat ok", "config reloaded from /etc/app/config.yaml"]
    lp = dict(oid=lambda: str(rng.randint(100000, 999999)), ms=lambda: str(rng.randint(2, 2400)), sid=lambda: hexstr(6))
    add("logs.app_events", "message", "varchar",
        gen(lambda: "%s %s" % (pick(lvls), s(logs, **lp)), lo=150, hi=200), [],
        "Hard negative: 'message' holding server log messages.")
    add("logs.gateway", "line", "string",
        gen(lambda: "2024-%02d-%02dT%02d:%02d:%02d.%03dZ %s [%s] %s" % (
            rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999),
            pick(lvls), pick(["gateway", "auth", "router"]), s(logs, **lp))), [],
        "Full application log lines with timestamps.")

    # ---------------- short status messages ----------------
    cat("short status messages")
    st = ["OK", "ok", "job finished", "retrying in 5s", "retrying in 30s", "queued", "SUCCESS", "skipped: no new files",
          "timeout", "done", "partial: 3 files failed", "waiting for upstream", "FAILED (exit 1)", "cancelled by scheduler"]
    add("etl.job_runs", "notes", "varchar", sprinkle(gen(lambda: pick(st)), p_null=0.15), [],
        "Hard negative: 'notes' holding machine status strings.")
    add("sync.tasks", "status_msg", "varchar", gen(lambda: pick(st)), [], "Short machine status messages.")

    # ---------------- stack traces ----------------
    cat("stack traces")
    def trace():
        if rng.random() < 0.5:
            return ("Traceback (most recent call last):\n  File \"/app/worker/tasks.py\", line %d, in run\n    result = handler(payload)\n"
                    "  File \"/app/worker/handlers.py\", line %d, in handle_order\n    total = sum(l.price for l in lines)\n"
                    "%s" % (rng.randint(20, 300), rng.randint(20, 300),
                            pick(["TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'", "KeyError: 'sku'",
                                  "ValueError: invalid literal for int() with base 10: ''", "TimeoutError: read timed out"])))
        return ("java.lang.%s: %s\n\tat com.northwind.billing.InvoiceService.render(InvoiceService.java:%d)\n"
                "\tat com.northwind.billing.InvoiceController.get(InvoiceController.java:%d)\n\tat jdk.internal.reflect.GeneratedMethodAccessor%d.invoke(Unknown Source)"
                % (pick(["NullPointerException", "IllegalStateException", "IndexOutOfBoundsException"]),
                   pick(["Cannot invoke \"String.length()\" because \"currency\" is null", "Index 3 out of bounds for length 3", "invoice already finalized"]),
                   rng.randint(40, 400), rng.randint(20, 200), rng.randint(10, 99)))
    add("errors.exceptions", "trace", "varchar", gen(trace, lo=60, hi=80), [], "Stack traces.")
    add("errors.client_crashes", "content", "varchar", gen(trace, lo=60, hi=70), [],
        "Hard negative: neutral 'content' holding stack traces.")

    # ---------------- SQL ----------------
    cat("SQL")
    sql = ["select order_id, sum(amount) from orders where created_at >= date '2024-0{n}-01' group by 1",
           "SELECT * FROM dim_customer WHERE region = 'EMEA' LIMIT 100",
           "-- weekly revenue\nSELECT date_trunc('week', ts) AS wk, sum(total_usd) FROM fact_sales GROUP BY 1 ORDER BY 1",
           "with t as (select user_id, count(*) c from events group by 1) select c, count(*) from t group by 1",
           "UPDATE jobs SET status = 'done' WHERE id = {nn}{n}",
           "insert into tmp_rollup select * from staging.rollup_{nn}",
           "select sku, avg(price) from order_lines join products using (sku) group by sku having count(*) > {nn}"]
    add("bi.saved_queries", "comment", "varchar", gen(lambda: s(sql)), [],
        "Hard negative: 'comment' holding SQL text.")
    add("dw.query_log", "query_text", "varchar", gen(lambda: s(sql), lo=100, hi=200), [], "SQL from the query log.")

    # ---------------- amounts ----------------
    cat("amounts")
    add("billing.invoices", "amount", "decimal(12,2)",
        gen(lambda: "%.2f" % rng.lognormvariate(4.5, 1.2)), [], "Invoice amounts.")
    add("orders.orders", "total_usd", "decimal(10,2)",
        sprinkle(gen(lambda: "%.2f" % (rng.randint(5, 400) - rng.choice([0, 0.01, 0.05]))), p_null=0.05), [],
        "Order totals.")
    add("refunds.adjustments", "value", "double",
        gen(lambda: repr(-round(rng.uniform(1, 300), 2))), [], "Neutral name, negative refund amounts.")
    cat("amounts")
    add("orders.orders", "sales_tax_rate", "decimal(5,4)",
        gen(lambda: "%.4f" % pick([0.0, 0.0625, 0.0725, 0.08875, 0.0925, 0.06, 0.045])), [],
        "Hard negative: sales tax rates are not personal tax information.")

    # ---------------- zip, currency, http, counts, booleans, flags, buckets ----------------
    cat("zip, currency, http, counts, booleans, flags, buckets")
    cat("zip / postal codes")
    add("geo.stores", "zip", "varchar", gen(lambda: "%05d" % rng.randint(1001, 99950)), [], "US ZIP codes of stores.")
    add("shipping.rates", "postal_prefix", "varchar",
        gen(lambda: pick(["SW1", "EC2", "M1", "B3", "G2", "LS6", "10115", "75001", "28013", "080", "941", "100"])), [],
        "Postal prefixes for rate tables.")
    cat("currency codes")
    add("billing.invoices", "currency", "varchar", gen(lambda: pick(["USD", "USD", "EUR", "GBP", "CAD", "JPY", "AUD"])), [],
        "Currency codes.")
    cat("HTTP status codes")
    add("web.requests", "status", "smallint", gen(lambda: pick(["200"] * 8 + ["201", "204", "301", "304", "400", "401", "403", "404", "500", "502", "503"])), [],
        "HTTP status codes.")
    cat("counts")
    add("chat.daily_stats", "dm_count", "bigint", gen(lambda: str(int(rng.expovariate(1 / 14)))), [],
        "Hard negative: count of direct messages, not messages.")
    add("input.typing_daily", "keystroke_count", "bigint", gen(lambda: str(rng.randint(0, 42000))), [],
        "Hard negative: daily keystroke totals, not keystrokes.")
    add("reviews.product_summary", "review_count", "integer", gen(lambda: str(rng.randint(0, 3200))), [],
        "Hard negative: product review counts.")
    add("ml.prompt_stats", "prompt_tokens", "integer", gen(lambda: str(rng.randint(3, 4000))), [],
        "Hard negative: token counts of prompts, not the prompts.")
    cat("booleans")
    add("users.flags", "email_verified", "boolean", gen(lambda: pick(["true", "true", "false"])), [],
        "Hard negative: boolean named after email.")
    add("hr.onboarding", "ssn_verified", "boolean", sprinkle(gen(lambda: pick(["true", "false"])), p_null=0.1), [],
        "Hard negative: boolean named after SSN.")
    cat("feature flags")
    add("experiments.flags", "flag_name", "varchar",
        gen(lambda: pick(["new_checkout", "dark_mode", "search_v3", "reco_carousel", "one_click_reorder", "chat_widget", "sms_optin_banner"])), [],
        "Feature flag names.")
    add("releases.rollout_state", "value", "varchar",
        gen(lambda: "%s=%s" % (pick(["search_v3", "dark_mode", "reco_carousel", "one_click_reorder", "new_checkout"]),
                               pick(["on", "off", "10%", "50%", "100%", "internal_only"]))), [],
        "Neutral name, feature-flag rollout states.")
    cat("booleans")
    add("experiments.flags", "enabled", "boolean", gen(lambda: pick(["1", "0", "1"])), [], "Feature flag states as 0/1.")
    cat("A/B buckets")
    add("experiments.assignments", "bucket", "varchar",
        gen(lambda: pick(["control", "treatment_a", "treatment_b", "holdout"])), [], "A/B bucket names.")
    cat("A/B buckets")
    add("experiments.assignments", "attr_1", "varchar",
        gen(lambda: pick(["exp_241_ctrl", "exp_241_var1", "exp_259_ctrl", "exp_259_var2"])), [],
        "Neutral name, experiment variant codes.")
    cat("enums / codes")
    add("hr.review_cycles", "review_status", "varchar",
        gen(lambda: pick(["NOT_STARTED", "SELF_SUBMITTED", "MGR_DRAFT", "CALIBRATED", "RELEASED", "ACKNOWLEDGED"])), [],
        "Hard negative: review workflow status enum, not review content.")
    cat("enums / codes")
    add("chat.messages", "message_type", "varchar",
        gen(lambda: pick(["text", "text", "image", "sticker", "voice", "system", "reaction"])), [],
        "Hard negative: message type enum.")
    add("support.tickets", "priority", "varchar", gen(lambda: pick(["P1", "P2", "P3", "P3", "P4"])), [], "Ticket priorities.")
    cat("enums / codes")
    add("analytics.screen_views", "screen_name", "varchar",
        gen(lambda: pick(["HomeScreen", "CartScreen", "CheckoutScreen", "OrderDetail", "Settings", "SearchResults"])), [],
        "Hard negative: app screen identifiers, not screen content.")
    cat("templates")
    add("notifications.templates", "body", "varchar",
        gen(lambda: pick(["Hi {{first_name}}, your order {{order_id}} has shipped!", "{{first_name}}, your cart is waiting.",
                          "Your verification code is {{code}}. It expires in 10 minutes.", "Reminder: your appointment is on {{date}} at {{time}}.",
                          "We've updated our terms. Tap to review.", "Thanks for your payment of {{amount}}."])), [],
        "Hard negative: notification templates with placeholders, not messages by people.")
    cat("misc config / codes")
    add("locale.settings", "tz", "varchar",
        gen(lambda: pick(["America/New_York", "Europe/Berlin", "Asia/Tokyo", "UTC", "America/Los_Angeles", "Europe/London"])), [],
        "Time zone names.")
    cat("JSON configs")
    add("ml.model_registry", "metrics", "json",
        gen(lambda: json.dumps({"auc": round(rng.uniform(0.6, 0.95), 4), "logloss": round(rng.uniform(0.1, 0.7), 5),
                                "n_train": rng.randint(10 ** 5, 10 ** 7), "lr": pick([1e-3, 3e-4, 5e-05])})), [],
        "Model metrics JSON with scientific-notation learning rates.")
    cat("enums / codes")
    add("warehouse.bin_locations", "code", "varchar",
        gen(lambda: "%s%02d-%s-%d" % (pick("ABCDEFGH"), rng.randint(1, 40), pick(["L", "R"]), rng.randint(1, 6))), [],
        "Neutral name 'code': warehouse bin codes, shaped a little like ICD-10 codes.")
    cat("ML features and model scores")
    add("kpi.daily", "c9", "double", gen(lambda: repr(round(rng.uniform(0, 100), rng.choice([1, 2, 6])))), [],
        "Neutral name, percentages.")
    cat("enums / codes")
    add("crm.accounts", "attr_5", "varchar", gen(lambda: pick(["SMB", "MID", "ENT", "ENT", "GOV", "EDU"])), [],
        "Neutral name, segment codes.")
    cat("currency codes")
    add("fx.daily_rates", "c1", "varchar",
        gen(lambda: "%s/%s" % tuple(rng.sample(["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "MXN", "INR", "BRL", "SEK"], 2))), [],
        "Neutral name, currency pairs.")
    cat("HTTP status codes")
    add("cdn.edge_summary", "attr_4", "integer",
        gen(lambda: pick(["200", "200", "200", "206", "304", "304", "403", "404", "429", "499", "502", "504"])), [],
        "Neutral name, HTTP status codes from CDN logs.")
    cat("product copy / editorial")
    add("feeds.rss_items", "title", "varchar",
        gen(lambda: pick(["Five things to know before the market opens", "Opinion: the case for a four-day week",
                          "Recipe: one-pan lemon chicken", "Review: the new hatchback is quieter, and pricier",
                          "How to keep your houseplants alive this winter", "Election officials brace for record turnout",
                          "Live updates: storm makes landfall", "The week in pictures", "Podcast: what happened to the office?",
                          "Quiz: how well do you know this year's films?"])), [],
        "Editorial headlines from an RSS feed.")
    cat("enums / codes")
    add("mobile.devices", "phone_model", "varchar",
        gen(lambda: pick(["iPhone 14", "iPhone 15 Pro", "iPhone SE (3rd gen)", "Pixel 8", "Galaxy S23", "Galaxy A14 5G",
                          "moto g stylus", "OnePlus 11", "Redmi Note 12"])), [],
        "Hard negative: column named after phones holding device models.")
    add("payments.charges", "card_brand", "varchar",
        sprinkle(gen(lambda: pick(["VISA", "VISA", "MASTERCARD", "AMEX", "DISCOVER", "UNIONPAY"])), p_null=0.05), [],
        "Hard negative: card brand names, no card numbers.")


# ============================================================================================
# B. POSITIVE FREE TEXT
# ============================================================================================

def build_free_text():
    CONV = ["conversation", "free_text"]
    # 1 -- short chat lines, no pronouns
    cat("free text: short chat lines, no pronouns")
    short = ["lol ok", "running late, 5 min", "can u send the deck", "omw", "k", "sounds good", "lmk when free",
             "pizza or thai?", "haha no way", "still at the dentist", "call after {time}?", "send pic", "👍", "wait what",
             "on the train now", "got it thx", "ugh monday", "see u there", "parking is a nightmare", "did the package come",
             "running to the store, need anything", "brb", "what's the wifi pw again", "ok fine", "yesss", "cant tonight sorry",
             "tmrw works", "forgot charger again", "happy bday!!! 🎂", "cool cool", "nvm found it", "traffic on 101 is insane",
             "leaving now", "meeting ran over", "save a seat", "10 min", "idk maybe", "ha", "true", "ok see u at {time}",
             "back by {time}", "grab milk pls", "keys on the counter", "ready when u are", "deck looks good, typo on slide 4",
             "wanna split an uber", "text when home", "bus late again", "dinner at {place}?", "u up?", "congrats!!!",
             "that's wild", "sorry missed the call", "in a meeting, call back later", "ty ty", "no rush", "same", "lmao",
             "😂😂", "noted", "kk", "gym later?", "rain check?", "fr", "so tired", "almost there", "door code?",
             "left early, headache", "{place} has a 40 min wait ugh", "bring the charger pls", "good luck today!!"]
    add("app.chat_events", "body", "varchar", gen(lambda: s(short), lo=160, hi=200), CONV,
        "Short one-to-one chat lines, almost no pronouns or names; the only signal is chat register.")

    # 2 -- long DMs
    cat("free text: long DMs")
    op = ["hey {first}, sorry for the slow reply, this week has been a lot.", "ok so I finally talked to {first2} about the apartment thing.",
          "Not sure if you saw my last message but",  "so I've been thinking about what you said on {day}.",
          "random question but", "ugh I have to vent for a sec.", "Hi! Long time. Hope the new job is treating you well.",
          "hey, quick thing before I forget:"]
    mid = ["The landlord says we can break the lease if we find someone by the 1st, which honestly feels impossible.",
           "I told my mom we'd come for Thanksgiving but now {first2} wants to do Friendsgiving at their place and I'm stuck in the middle.",
           "I don't think I handled it well when we talked and I keep replaying it.",
           "The doctor's appointment got moved to {Day} so I can't make the trip anymore, I'm really bummed.",
           "I got the offer!! Still have to negotiate but it's like 20% more than now.",
           "My sister is staying with us for two weeks and the apartment is way too small for three people and a dog.",
           "I looked at the flights and the cheapest one leaves at 6am, are you ok with that?",
           "Honestly I'm just tired of being the one who always plans everything.",
           "I still have your blue jacket btw, I keep forgetting to bring it.",
           "Work has been rough, my manager keeps moving deadlines and then acts surprised when stuff slips.",
           "We should really do a proper catch-up, I miss our walks.",
           "I paid for the cabin already so just venmo me whenever, no stress."]
    cl = ["Anyway let me know what you think.", "Call me tonight if you can?", "No pressure, just wanted you to know.",
          "Love you, talk soon.", "Sorry for the essay 😅", "ok that's all, going to bed.", "Let's figure it out this weekend.", ""]
    add("msg.dm_threads", "text", "text",
        gen(lambda: " ".join(x for x in [s(op), join_some(mid, 1, 3), s(cl)] if x), lo=60, hi=110),
        CONV, "Long private direct messages between friends.")

    # 3 -- group chat banter
    cat("free text: group chat banter")
    gc = ["who's bringing the speaker 🔊", "nah {first} is def gonna be late lmaooo", "i call shotgun", "pls someone make a reservation",
          "bruh the group photo 💀", "i'm so full i cannot move", "wait is it saturday or sunday??", "{first} u owe me $12 for the tickets",
          "the vibes were immaculate", "ok but who ate my leftover pad thai", "not me 👀", "screaming", "👀👀", "brb crying",
          "new plan: beach instead", "{first2} said she's 'five mins away' 40 mins ago", "someone send the playlist",
          "my mom just joined facebook pray for me", "i'm ngl that movie was mid", "omg yes", "drop the address",
          "ok adults, who's driving", "i will bring snacks and nothing else", "no bc why did he say that 😭", "lowkey want tacos again",
          "happy friday losers ❤️", "fr fr", "this chat is unhinged", "@{first} wake up", "cabin is booked!!! 🏕️",
          "who's coming to {place} tonight", "me!!", "can't, babysitting my nephew 😩", "ok but that haircut tho 🔥", "lmaooo stop",
          "{first} and {first2} are def dating and nobody can convince me otherwise", "LIES", "it's giving main character",
          "rent is due and i'm broke lol", "gm ☀️", "the way i just tripped in front of my entire office", "iconic",
          "pls who has a phone charger at the party", "venmo me for the cabin by friday pls 🙏", "sent!", "brunch sunday??", "only if bottomless"]
    add("social.group_threads", "content", "varchar", gen(lambda: s(gc), lo=90, hi=180), CONV,
        "Group chat banter: lowercase, slang and emoji.")

    # 4 -- Spanish chat
    cat("free text: Spanish chat")
    es = [
          "¿a qué hora sales del trabajo?", "llego en 10 minutos", "mi mamá pregunta si vienes el domingo",
          "no puedo hoy, estoy muerta de cansancio", "¿me pasas la dirección?", "jajaja no puede ser", "te extraño mucho",
          "ya compré las entradas para el concierto", "¿viste lo que dijo {first} en el grupo?", "ok, nos vemos allí",
          "oye, ¿me puedes prestar el coche el sábado?", "perdón por no contestar, estaba en una reunión",
          "el niño tiene fiebre, hoy no voy a la oficina", "qué rico estuvo todo anoche, gracias", "¿cenamos juntos?",
          "acuérdate de sacar la basura", "estoy en el súper, ¿falta algo?", "feliz cumple, hermano 🎉",
          "no me gusta nada cómo me habló ayer", "vale, mañana lo hablamos con calma", "¿ya llegaste?", "sí, todo bien",
          "jaja qué oso", "me quedé dormido, perdón 😩", "¿quién va a recoger a la abuela?", "yo voy, salgo a las {time}",
          "no encuentro las llaves del depa", "están en el cajón de la cocina", "¿le dijiste a tu papá lo del trabajo?",
          "todavía no, me da miedo cómo va a reaccionar", "te mando la foto del recibo", "ánimo con el examen, tú puedes 💪",
          "gracias, estoy nerviosísima", "¿y si pedimos pizza?", "dale", "mañana paso por tu casa como a las {time}",
          "no me contestes si estás manejando", "ya pagué la luz", "¡qué buena noticia! me alegro mucho",
          "mi jefe otra vez con lo mismo, ya no aguanto", "¿te acordaste de la cita del dentista?", "buenas noches, que descanses"]
    add("messaging.events_mx", "msg", "varchar", sprinkle(gen(lambda: s(es), lo=60, hi=120), p_null=0.05), CONV,
        "Spanish private chat messages.")

    # 5 -- German chat
    cat("free text: German chat")
    de = ["bin gleich da", "kannst du die Kinder heute abholen?", "sorry, Bahn hat wieder Verspätung", "Hast du schon gegessen?",
          "Treffen wir uns um {time} am Bahnhof?", "Ich hab den Schlüssel vergessen, bist du zuhause?", "Alles Gute zum Geburtstag! 🎈",
          "Mama ruft heute Abend an, geh bitte ran", "Können wir morgen reden? Ich fand das gestern echt nicht okay.",
          "Danke dir, du bist die Beste", "Ich bring Wein mit", "Schaffe es heute leider nicht mehr",
          "Hast du die Rechnung vom Zahnarzt gesehen?", "Wie war das Vorstellungsgespräch?", "Gute Nacht, schlaf gut",
          "Kein Stress, meld dich einfach", "Der Hund muss noch raus", "Ich vermisse dich", "haha ja genau", "ok",
          "Bin beim Arzt, ruf dich danach an", "Papa geht's besser, er darf Freitag nach Hause", "Was kochen wir heute?",
          "Nudeln? 🍝", "Hab den Zug verpasst, komme eine Stunde später", "Kannst du mir 20 Euro leihen bis Montag?",
          "Na klar", "Mein Chef nervt heute extrem", "Oh nein 😬", "Vergiss nicht, Oma anzurufen", "Schon erledigt",
          "Ich hab die Wohnung!!!", "Wahnsinn, Glückwunsch!!", "Kommst du am Samstag mit zum Flohmarkt?",
          "Ich kann nicht schlafen", "Soll ich dich abholen?", "Ja bitte, bin um {time} am Ausgang"]
    add("kommunikation.nachrichten", "text", "string", gen(lambda: s(de), lo=60, hi=90), CONV,
        "German private chat messages.")

    # 6 -- French chat
    cat("free text: French chat")
    fr = [
          "je serai en retard ce soir", "t'es où ?", "on se retrouve devant le cinéma à {time}h ?", "merci pour hier soir, c'était top",
          "tu peux appeler ta sœur ? elle s'inquiète", "j'ai raté le train, désolée", "bisous, à demain", "c'est bon pour samedi",
          "je n'arrive pas à dormir, tu es réveillé ?", "ma mère a encore fait une remarque sur mon boulot...",
          "tu veux que je passe prendre du pain ?", "félicitations pour ton nouveau poste !!", "pas ce soir, je suis crevé",
          "on en parle demain au calme", "j'ai gardé les billets pour le match", "mdr", "ok ça marche", "tu as des nouvelles de {first} ?",
          "elle a eu son bébé !! une petite fille 💕", "je suis chez le médecin, je te rappelle", "n'oublie pas les clés",
          "t'as vu le match hier ?", "j'en peux plus de ce boulot", "courage, plus que deux jours", "je t'aime",
          "tu rentres à quelle heure ?", "vers {time}h je pense", "désolé pour tout à l'heure, j'étais énervé",
          "c'est pas grave", "on fait quoi pour l'anniv de maman ?", "je m'occupe du gâteau", "génial, merci !",
          "il pleut des cordes ici", "je viens te chercher à la gare ?", "oui stp 🙏"]
    add("app_fr.events", "payload", "varchar", gen(lambda: s(fr), lo=60, hi=90), CONV,
        "French private chat messages under a neutral name.")

    # 7 -- AI assistant prompts
    cat("free text: AI assistant prompts")
    angry = ["I've asked three times now for the invoice to be corrected and nobody has bothered to reply.",
             "Frankly I'm disappointed that the delivery was late AGAIN and no one warned us.",
             "This is the last time I'm covering for your team's mistakes.",
             "I don't understand why I had to find out about the schedule change from a customer."]
    prompts = [
               "rewrite this email so it sounds less angry: {angry}",
               "help me write a toast for my sister's wedding, she's a nurse and loves hiking, keep it under 2 minutes",
               "my landlord hasn't fixed the heater in 3 weeks, what can i say to him that's firm but polite",
               "why is my sourdough so flat? I feed the starter every day",
               "draft a text to {first} cancelling friday without sounding flaky",
               "I have a job interview at a bank tomorrow and I'm nervous. give me 5 questions to practice",
               "make this cover letter shorter and less desperate: Dear hiring manager, I would be so grateful for any opportunity...",
               "what should I get my dad for his 60th, he likes fishing and old jazz records",
               "summarize this for my boss in 3 bullets: {angry}",
               "I think my roommate is reading my mail. how do I bring it up?",
               "explain compound interest like I'm 12",
               "plan a 3 day trip to Lisbon for me and my partner, we don't like museums much",
               "is it normal to feel this exhausted after starting a new job? it's been 2 months",
               "translate to spanish: I'm sorry I missed your call, I'll be there by 7",
               "write a birthday poem for my grandma, she's turning 90 and still gardens",
               "what's a nice way to tell my friend I can't lend her money again",
               "fix the grammar: me and him was going to the store when it started raining",
               "my 4 year old won't sleep in his own bed, any tips that actually work?",
               "help me reply to this message from my ex: 'hey, can we talk?'",
               "write a resignation letter, I've been here 4 years and my manager is nice but I'm exhausted",
               "my wife and I can't agree on baby names, she likes old-fashioned ones, I like short ones. suggestions?",
               "how do I ask for a raise when my last review was just ok",
               "turn these notes into a LinkedIn post: finished my bootcamp, first dev job, grateful to my mentor {first}",
               "what do I say at my best friend's dad's funeral, I've never given a eulogy",
               "i have $3000 credit card debt and $500 saved, which should i do first",
               "give me a 20 minute workout I can do in a tiny apartment without waking the neighbours",
               "i'm 34 and thinking of going back to school for nursing. am I too old?",
               "write a polite note to my neighbour about their dog barking all day while they're at work",
               "help me make a packing list for a week in Iceland with two kids",
               "rewrite this so it doesn't sound passive aggressive: per my last email, the report was due friday",
               "my mom keeps sending me conspiracy videos, how do I talk to her about it without a fight",
               "what can i cook with rice, eggs, half an onion and some spinach",
               "reply to {first}: sorry I'm late with the rent, I get paid on the 15th, ok if I send it then?"]
    def typed(x):
        # how people actually type prompts: sometimes "pls", a trailing "thanks", no final punctuation
        r = rng.random()
        if r < 0.12:
            x = "pls " + x
        elif r < 0.22:
            x = x.rstrip("?.!") + " thanks"
        elif r < 0.3:
            x = x[0].upper() + x[1:]
        return x
    add("ai.turns", "c12", "varchar", gen(lambda: typed(s(prompts, angry=angry)), lo=70, hi=120), CONV,
        "Prompts typed by people into an AI assistant; neutral column name.")

    # 8 -- AI assistant responses
    cat("free text: AI assistant responses")
    resp_open = ["Sure! Here's a gentler version:", "I'm sorry you're dealing with that.", "Great question.",
                 "Here are a few options you could try:", "Of course. Here's a draft you can adapt:",
                 "That sounds really stressful, and it makes sense you'd feel that way."]
    resp_body = ["\"Hi, I wanted to follow up on the invoice. Could you let me know when the corrected version will be ready?\"",
                 "1. Tell me about a time you handled a difficult customer. 2. Why do you want to work here? 3. Where do you see yourself in five years?",
                 "Start by documenting each time you asked for the repair, with dates, then send a short written request referencing the lease.",
                 "It might help to pick a calm moment and describe what you noticed rather than accusing them.",
                 "A flat loaf usually means the dough over-proofed or the starter wasn't at its peak when you mixed it.",
                 "Consider a weekend trip that mixes a food tour, a day at the beach in Cascais, and an evening of fado.",
                 "You could say: \"I really care about you, but I'm not in a position to lend money right now.\"",
                 "Many people feel drained in the first few months of a new role; if it persists, talking to a doctor is a good idea.",
                 "Try a consistent bedtime routine and a small reward chart; most kids adjust within a couple of weeks."]
    resp_close = ["Would you like me to make it shorter?", "Let me know if you want a different tone.", "I hope that helps!",
                  "Want me to tailor this further?", ""]
    add("ai.turns", "value", "varchar",
        gen(lambda: " ".join(x for x in [pick(resp_open), pick(resp_body), pick(resp_close)] if x), lo=60, hi=120),
        CONV, "AI assistant responses addressed to a person; neutral column name.")

    # 9 -- support tickets written by customers (not a conversation between people)
    cat("free text: support tickets written by customers (not a conversation between people)")
    tk_open = ["Order arrived with the lid cracked.", "I can't log in since the last update.", "Charged twice for one order.",
               "The tracking page hasn't changed in 6 days.", "Your app keeps logging me out on my tablet.",
               "Wrong size delivered, I ordered a medium.", "My promo code didn't apply at checkout.",
               "The replacement blender makes the same grinding noise as the first one.", "I cancelled my subscription in March and was still billed."]
    tk_more = ["This is the second time this month.", "I need this sorted before Saturday, it's a gift.",
               "I already tried clearing the cache and reinstalling.", "Please refund to the original payment method.",
               "Nobody answered my email from last week.", "Photos attached.", "Very disappointed, I've been a customer for years.",
               "Can someone call me back? Mornings are best.", "Happy to send it back if you email a label."]
    add("support.ticket_intake", "description", "text",
        sprinkle(gen(lambda: s(tk_open) + " " + join_some(tk_more, 0, 3), lo=60, hi=130), p_empty=0.04),
        ["free_text"], "Support tickets written by customers: free text about an individual's problem, not a person-to-person "
                       "conversation, so free_text only. Neutral column name.")

    # 10 -- live chat transcripts between customer and agent
    cat("free text: live chat transcripts between customer and agent")
    def chat_transcript():
        agent = pick(FIRST)
        lines = ["Agent ({a}): Hi, thanks for reaching out! How can I help today?".format(a=agent),
                 "Customer: " + pick(["my order hasn't shipped and it's been a week", "i need to change the delivery address",
                                      "the jacket is too small, can I swap it", "why was I charged a restocking fee??"]),
                 "Agent ({a}): ".format(a=agent) + pick(["I'm sorry about that, let me take a look.", "Totally understand, one moment please.",
                                                          "Thanks for your patience, I'm checking now."]),
                 "Customer: " + pick(["ok", "thanks", "it's really frustrating tbh", "sure"]),
                 "Agent ({a}): ".format(a=agent) + pick(["I've issued a refund, you'll see it in 3-5 days.", "I've updated that for you.",
                                                          "I've sent a prepaid label to the email on your account."])]
        return "\n".join(lines[:rng.randint(2, 5)])
    add("cx.chat_sessions", "transcript_txt", "text", gen(chat_transcript, lo=60, hi=90), CONV,
        "Live-chat transcripts between a customer and a support agent: a private conversation between two people.")

    # 11 -- performance review prose, no stock rating words
    cat("free text: performance review prose, no stock rating words")
    pr = ["{first} took over the billing migration mid-quarter and kept the team calm when the cutover slipped twice.",
          "Written updates were clear and arrived before anyone had to ask.",
          "I'd like to see earlier escalation when blocked; twice this half a dependency sat for a week before it came up.",
          "{first} is the person new hires go to, and that mentoring has been visible in how fast the two juniors ramped.",
          "Code reviews can come across as curt. The substance is right but the delivery has discouraged people.",
          "Owned the vendor renegotiation end to end and saved roughly {nn}% on the contract.",
          "Still tends to take on too much alone instead of delegating; we've talked about this in our 1:1s.",
          "Customer calls have improved a lot since spring, {first} listens first now instead of jumping to solutions.",
          "Missed the Q2 launch date by three weeks, largely because scope kept growing without pushback.",
          "Next half: lead the on-call rotation redesign and present it at the eng all-hands.",
          "Has earned the trust of the warehouse leads, which nobody on this team had managed before.",
          "Attendance at standups has been spotty and teammates have noticed."]
    add("hr.review_docs", "content", "text", gen(lambda: join_some(pr, 2, 5), lo=60, hi=100),
        ["free_text", "performance_review"], "Manager-written review prose about an employee's work, with no stock rating words.")

    # 12 -- manager 1:1 notes
    cat("free text: manager 1:1 notes")
    oo = ["talked thru Q3 goals", "wants to move toward infra work", "pushing back on on-call load, fair",
          "action: pair w/ {first2} on terraform", "frustrated about being passed over for the lead role, acknowledged, no promises",
          "demo went well, VP noticed", "asked for feedback on presentation skills, gave 3 concrete examples",
          "still slow on ticket turnaround, agreed on 48h target", "mentioned burnout, suggested taking the week after launch off",
          "follow up: promo packet draft by {date}", "great job unblocking the data team last week",
          "needs to document decisions, third time this came up", "interested in managing, start with an intern this summer"]
    add("mgmt.one_on_ones", "note_txt", "varchar",
        sprinkle(gen(lambda: "; ".join(fill(x) for x in rng.sample(oo, rng.randint(2, 4))), lo=60, hi=110), p_null=0.08),
        ["free_text", "performance_review"], "Terse manager 1:1 notes about a report's work and growth.")

    # 13 -- peer 360 feedback
    cat("free text: peer 360 feedback")
    peer = ["Always willing to jump on a call when prod is on fire.", "I wish {first} would share context earlier; I often find out about changes in the PR.",
            "Really good at turning vague asks into concrete plans.", "Sometimes dominates design discussions and quieter folks stop contributing.",
            "The runbooks {first} wrote saved me during my first on-call.", "Could be more patient with people outside engineering.",
            "Reliable. If {first} says it'll be done Thursday it's done Wednesday.", "Would love to see more ownership of the flaky test problem.",
            "Gave me the most useful code review feedback I've had here.", "Hard to reach when working remotely, slack replies take a day."]
    add("talent.feedback_360", "text", "varchar", gen(lambda: join_some(peer, 1, 3), lo=60, hi=90),
        ["free_text", "performance_review"], "Peer feedback about a colleague's work (360 review).")

    # 14 -- self-assessment
    cat("free text: self-assessment")
    selfa = ["This half I focused mostly on stabilising the ingest pipeline, which had been paging us nightly.",
             "I'm proud of the onboarding guide; three new hires used it and said it cut their setup time in half.",
             "Where I fell short: I underestimated the search rewrite and it slipped a full sprint.",
             "I want to grow into tech lead work and would like support getting more design reviews.",
             "Honestly the reorg was hard on me and I think my output dropped in May and June.",
             "I took on the accessibility audit on top of my roadmap items.",
             "Goal for next cycle: speak at one internal tech talk and mentor an intern."]
    add("hr.self_eval", "entry", "text", gen(lambda: join_some(selfa, 2, 4), lo=60, hi=80),
        ["free_text", "performance_review"], "Employee self-assessments written in the first person.")

    # 15 -- PIP / coaching notes
    cat("free text: PIP / coaching notes")
    pip = ["Week {n} check-in: two of four agreed deliverables completed.", "Cash drawer discrepancies on {n} shifts this month, retraining scheduled.",
           "Reviewed expectations around customer greetings; observed improvement on {Day}.", "Late clock-ins on {n} occasions, documented.",
           "Employee disagrees with the plan and has asked for HR to attend next meeting.", "Sales calls reviewed: objection handling still weak, role-played pricing questions.",
           "Plan extended by 30 days at manager's discretion.", "Met all targets for the second week in a row, good momentum.",
           "Store audit score up from 71 to 88 on {first}'s section."]
    add("retail.coaching_log", "c3", "varchar", gen(lambda: join_some(pip, 1, 3), lo=60, hi=100),
        ["free_text", "performance_review"], "Improvement-plan and coaching entries about an employee's work.",
        comment="imported from legacy system")

    # 16 -- HR case notes (not a performance review)
    cat("free text: HR case notes (not a performance review)")
    hr = ["Employee reported that her shift lead made comments about her accent in front of customers on {date}.",
          "Two witnesses named, interviews scheduled for {Day}.", "Complainant asked that the matter stay confidential from the team.",
          "Spoke with {first} {last}; he denies the remarks but acknowledged 'joking around'.",
          "Requested a schedule change due to childcare; approved on a temporary basis.",
          "Employee disclosed they are going through a divorce and asked about EAP counselling.",
          "Accommodation request for a standing desk received, forwarded to facilities.",
          "Anonymous hotline report alleges the manager is pressuring staff to skip breaks.",
          "Case closed: insufficient evidence, both parties informed in writing."]
    add("peopleops.cases", "body", "text", gen(lambda: join_some(hr, 2, 4), lo=60, hi=90), ["free_text"],
        "HR case notes about individual employees (complaints, accommodations); personal free text but not a review of "
        "their work, so free_text only.")

    # 17 -- nurse notes with abbreviations
    cat("free text: nurse notes with abbreviations")
    nn_ = ["Pt c/o SOB x2d, O2 sat {sat}% RA, placed on 2L NC, MD notified.", "Pt A&Ox3, ambulating w/ walker, denies pain.",
           "BP {bp}, HR {hr}, afebrile. PRN Tylenol 650mg PO given for HA.", "Dressing to L foot changed, small amt serous drainage, no s/s infection.",
           "Pt refused breakfast, states nausea. Zofran 4mg IV given @ 0830.", "Fall risk, bed alarm on, call light in reach.",
           "Family at bedside, questions re: d/c plan answered.", "BG 238 before lunch, 4u insulin lispro per sliding scale.",
           "Foley removed 0600, pt voided x1 at 1015.", "Pt anxious overnight, slept approx 3h. Ativan 0.5mg given x1.",
           "Lung sounds diminished bilat bases, encouraged IS use q1h."]
    np_ = dict(sat=lambda: str(rng.randint(86, 94)), bp=lambda: "%d/%d" % (rng.randint(98, 168), rng.randint(58, 98)), hr=lambda: str(rng.randint(58, 118)))
    add("ehr.flowsheet_notes", "note_txt", "text", gen(lambda: join_some(nn_, 1, 3, **np_), lo=60, hi=120),
        ["free_text", "medical"], "Nurse notes with clinical abbreviations.")

    # 18 -- patient portal messages
    cat("free text: patient portal messages")
    pp = [
          "Hi Dr. {last}, the rash on my arm is spreading since starting the amoxicillin. Should I stop taking it?",
          "Quick question, can I take ibuprofen with my blood pressure meds?",
          "My son's fever is still 101.8 after two days of Tylenol, do we need to come in?",
          "Thank you for seeing me last week. The new inhaler is helping a lot at night.",
          "I need a refill of my sertraline, the pharmacy said the prescription expired.",
          "The physical therapy exercises are making my knee worse, not better. Is that normal?",
          "Can you send the lab results? I saw them in the app but don't understand what high LDL means for me.",
          "I've been getting dizzy when I stand up since the dose was increased.",
          "Hello, my mother missed her follow-up, can we reschedule for next week?",
          "The stitches on my hand look red around the edges and it's warm to the touch.",
          "Is it safe to get the flu shot while I'm on prednisone?",
          "I've had three migraines this week even with the new medication.",
          "My blood sugar readings have been between 180 and 220 every morning.",
          "Following up on the mammogram callback letter, I'm really anxious and nobody has called.",
          "I think I'm pregnant, do I need to stop the acne cream you prescribed?",
          "The CPAP mask is leaking and I'm barely sleeping.",
          "My daughter's eczema flared up again after we ran out of the steroid cream.",
          "Can I get a note for work? I was out Monday through Wednesday with the stomach bug.",
          "Since the surgery I can't feel the tip of my thumb, should I worry?",
          "Thanks for calling in the antibiotics so fast, I'm already feeling better.",
          "I forgot to ask at my visit, how long should I wait to exercise after the biopsy?",
          "The cough is gone but I'm still really short of breath going up stairs.",
          "Is it normal for the new antidepressant to make me this sleepy?",
          "My husband's ankle is still swollen a week after the fall. Do you want to see him?"]
    add("portal.messages", "msg_body", "text", gen(lambda: " ".join(x for x in [pick(["", "", "Hi,", "Hello,", "Good morning,", "Hi Dr. {last},".replace("{last}", pick(LAST))]),
                                            s(pp), pick(["", "", "Thanks.", "Thank you!", "Thanks, %s" % pick(FIRST),
                                                          "Please let me know.", "Sorry to bother you."])] if x), lo=60, hi=90),
        ["conversation", "free_text", "medical"],
        "Patient portal messages to a clinician: a private conversation about the patient's health.")

    # 19 -- therapy notes
    cat("free text: therapy notes")
    th = ["Client reports increased panic episodes before team meetings, 3-4 per week.", "Explored relationship with father; client tearful when discussing his illness.",
          "Sleep improved since starting CBT-I techniques, averaging 6h.", "Denies SI/HI. Safety plan reviewed.",
          "Homework: thought record for situations at work that trigger shame.", "Discussed grief around the miscarriage in spring; client says she hasn't told coworkers.",
          "Client attributes low mood to isolation after moving cities.", "Plan: continue weekly sessions, revisit medication with PCP.",
          "Practiced grounding (5-4-3-2-1), client able to use it in session."]
    add("clinic.session_records", "entry", "text", gen(lambda: join_some(th, 2, 4), lo=60, hi=80), ["free_text", "medical"],
        "Psychotherapy session notes: mental-health information about a person.")

    # 20 -- journal entries (not medical)
    cat("free text: journal entries (not medical)")
    jr = ["Couldn't sleep again. Kept thinking about what Dad said at dinner.", "Good day. Walked to the lake with {first} and we didn't talk about work once.",
          "I hate that I still check her profile.", "Finally finished the quilt for the baby! Took four months.",
          "Today I said no to something and the world didn't end.", "Money is tight this month. Skipping the trip, I think.",
          "Grateful for: coffee, the rain, the old man at the bus stop who says hi.", "Argued with {first2} about the dishes, which was obviously not about the dishes.",
          "First day at the new place. Everyone seems nice but I feel like a fraud.", "Miss Grandma today."]
    add("diary.entries", "body", "text", sprinkle(gen(lambda: join_some(jr, 1, 3), lo=60, hi=110), p_null=0.06, p_empty=0.03),
        ["free_text"], "Personal journal entries from a diary app; private but not a conversation or medical.")

    # 21 -- customer feedback comments (NPS)
    cat("free text: customer feedback comments (NPS)")
    fb = [
          "the app is fine but checkout makes me re-enter my address every time", "Delivery guy was super nice, left it inside the gate like I asked.",
          "Prices went up and portions went down. Not coming back.", "love it", "Would be 10/10 if the search understood typos.",
          "My order was missing the sauce AGAIN.", "customer service rep Tanya was amazing, fixed everything in 5 mins",
          "too many emails", "I use it every week for my mom's groceries, makes life easier.", "Why did you remove the dark mode??",
          "Fine.", "The subscription is hard to cancel, felt sneaky.", "n/a", "Best pizza in town, still.",
          "Driver called me three times instead of reading the note, the gate code was right there.",
          "I'm a nurse on night shifts and being able to order at 3am is a lifesaver.", "Food was cold when it arrived, 45 mins late.",
          "good", "meh", "Love the new loyalty points but I can't figure out how to redeem them.",
          "As a wheelchair user I appreciate the step-free pickup option, please keep it.", "The portion sizes for kids are perfect.",
          "I had a problem with a refund and it took 3 weeks and 4 emails. Not great.", "It's ok I guess",
          "Would recommend to my sister if the delivery fees were lower.", "The app crashed twice while I was paying and I got charged anyway.",
          "Thank you for the birthday coupon!! made my day", "Too expensive for students.", "Great!!!!!",
          "I'd give zero if I could. Nobody answered the phone.", "Replacement items are always weird, I asked for oat milk and got eggnog.",
          "My elderly dad finds the text too small to read.", "Quick, easy, no complaints.",
          "Please add an option to leave the order without contact, I'm immunocompromised.", "Stopped using it after moving, nothing wrong with it."]
    add("survey.nps_responses", "comment_txt", "varchar", sprinkle(gen(lambda: s(fb), lo=60, hi=110), p_null=0.25),
        ["free_text"], "Customer feedback comments from an NPS survey: free text by individuals, not a conversation.")

    # 22 -- dating bios
    cat("free text: dating bios")
    bio_a = ["Pediatric nurse by day, amateur baker by night.", "6'1 because apparently that matters.", "New to the city!",
             "Divorced, two great kids.", "Recovering lawyer, now I grow tomatoes.", "Sober 3 years, happier than ever.",
             "Teacher, so yes I have summers off and no I'm not sorry.", "Engineer who actually reads the manual.",
             "Originally from Cork, been here 6 years.", "Vet tech. My phone is 90% photos of other people's dogs.",
             "Night owl, line cook, hot sauce collector.", "Grad student who talks too much about soil.",
             "Widowed a few years ago and finally ready to meet people again.", "Half Korean, half Texan, fully obsessed with brisket."]
    bio_b = ["Looking for someone who'll eat my failed croissants.", "Show me your favourite bookshop?", "Not looking for anything complicated.",
             "Swipe left if you hate cilantro.", "I will judge you (lovingly) on your coffee order.", "Let's get tea.",
             "Looking for someone to do the crossword with on Sundays.", "Ideal first date: a long walk and a terrible movie.",
             "Must love hiking, or at least tolerate me talking about it.", "I make a mean lasagna and I'm not modest about it.",
             "Bonus points if you can beat me at Mario Kart.", "I'm here for something real, not a pen pal.",
             "My friends describe me as 'a lot, but in a good way'."]
    bio_c = ["", "", "", "Dog dad.", "Cat tax in pic 4.", "ENFP if that means anything to you.", "No hookups pls.", "🌮🎸📚",
             "Vaccinated, boosted, mildly anxious.", "Tall-ish.", "Just moved back to be near my mum."]
    add("dating.profiles", "about", "varchar", sprinkle(gen(lambda: " ".join(x for x in [pick(bio_a), pick(bio_b), pick(bio_c)] if x), lo=60, hi=90), p_empty=0.1), ["free_text"],
        "Dating-profile bios written by users about themselves.")

    # 23 -- meeting notes about named people
    cat("free text: meeting notes about named people")
    mn = ["{first} to own the vendor shortlist by {Day}.", "{first2} worried about timeline, wants legal review before signing.",
          "{first} and {first2} disagree on whether to hire a contractor; parked until budget is known.",
          "{first3} out next week (family), {first} covering.", "Decision: go with option B. {first2} to tell the client.",
          "{first} raised that the team is stretched thin; agreed to drop the Q4 dashboard.",
          "Action items: {first} draft comms, {first2} update roadmap, {first3} book the offsite."]
    add("wiki.meeting_notes", "description", "text", gen(lambda: join_some(mn, 2, 4), lo=60, hi=80), ["free_text"],
        "Meeting notes about named colleagues; names inside free text do not add person_name.")

    # 24 -- interview feedback
    cat("free text: interview feedback")
    iv = ["Strong on SQL, struggled to explain tradeoffs in the caching question.", "Would hire for L4, not L5.",
          "Candidate was late and seemed distracted, but recovered in the system design round.",
          "Great communicator; asked sharp questions about our on-call.", "Hesitant about the relocation; probe in next round.",
          "No hire: couldn't get past the brute-force solution even with hints.", "Culture add: ran a meetup for women in data in her city.",
          "References to check: previous manager at the logistics startup."]
    add("recruiting.scorecards", "attr_text", "varchar", gen(lambda: join_some(iv, 1, 3), lo=60, hi=90), ["free_text"],
        "Interview feedback about candidates: evaluation of a person, but not of an employee's work, so no performance_review.")

    # 25 -- expense justifications
    cat("free text: expense justifications")
    ex = [
          "Uber from airport, flight landed 1am and trains had stopped", "team dinner after offsite, {n} people", "client lunch w/ {first} {last}",
          "forgot my laptop charger in Denver, bought replacement", "hotel extra night, conference ran late", "gift for {first}'s farewell",
          "parking at hospital for customer site visit", "wifi on flight, needed to join the board call", "books for the team reading group",
          "train to Boston for the vendor workshop", "baggage fee, carrying demo equipment", "coffee with candidate before onsite",
          "replacement headset, old one broke mid-call", "rental car, client office is 40 min from any station",
          "tolls on the way to the warehouse audit", "dinner while traveling, no hotel restaurant", "printing contracts for signing day",
          "visa fee for the Singapore trip", "snacks for the hackathon", "late night taxi, worked until 11 on the release",
          "conference ticket, manager approved in 1:1", "flowers for {first} after her surgery, from the team",
          "mileage to the {place} offsite", "cake for {first}'s 10-year work anniversary", "laundry at hotel, trip extended by 3 days"]
    add("finance.expense_lines", "justification", "varchar", gen(lambda: s(ex), lo=60, hi=80), ["free_text"],
        "Expense justifications typed by employees.")

    # 26 -- email bodies between people
    cat("free text: email bodies between people")
    em_op = ["Hi {first},\n\n", "Dear {first},\n\n", "{first} —\n\n", "Hey {first},\n\n"]
    em_body = ["Thanks for sending over the draft. I left a few comments, mostly small wording things.",
               "Following up on our call: I think we should push the launch to the 14th so the team isn't working the weekend.",
               "I'm sorry I snapped at you in the meeting. That was about my week, not about you.",
               "Attached are the photos from Sunday. The one with Grandpa and the kids is my favourite.",
               "Can you let me know whether you're still able to cover my shift on {Day}? Totally fine if not.",
               "I spoke with the school and they'll let Noah start on Monday.",
               "I wanted to flag, privately, that I'm planning to hand in my notice next month."]
    em_cl = ["\n\nBest,\n{first2}", "\n\nThanks!\n{first2}", "\n\nTalk soon,\n{first2}", "\n\nx {first2}"]
    add("mail.archive", "c5", "text",
        gen(lambda: fill(pick(em_op) + join_some(em_body, 1, 3) + pick(em_cl)), lo=60, hi=80), CONV,
        "Email bodies between people (work and family), neutral column name.")

    # 27 -- mixed short and long messages with NULLs and empty strings
    cat("free text: mixed short and long messages with NULLs and empty strings")
    mix_short = ["ok", "yes", "no", "thanks!", "on it", "👍", "haha", "see you soon", "k", "love u", "ok ok", "yep", "sure", "❤️", "lol", "nope", "done", "np"]
    mix_long = [
                "I know this is last minute but could you take Mia to practice tomorrow? I've got a late meeting and nobody else can do it.",
                "Just landed. Phone is at 4% so if I go quiet that's why. Love you.",
                "I read your note three times. I'm not angry, I just need a few days to think.",
                "Reminder that we said we'd look at the budget together this weekend, I don't want to do it alone again.",
                "My dad's surgery went fine, he's groggy but making jokes already.", "Can you believe {first} is moving to Lisbon? I'm going to miss her so much.",
                "Sorry about last night, I was in a bad mood and took it out on you.", "The vet says Biscuit just ate something weird, he'll be fine.",
                "I'm at the hospital with Grandma, not an emergency but it'll be a long night.", "Did you ever hear back about the apartment on Oak St?",
                "I told my boss I'm leaving. She took it better than I thought.", "Honestly I think we should just skip the party and stay in.",
                "Happy anniversary. Five years and you still steal the blanket.", "I can't do another holiday at your parents', we need to talk about it.",
                "Picked up your prescription, it's on the kitchen table.", "I got the results back and it's nothing serious, just a vitamin thing.",
                "Your brother called, he wants to borrow the truck again.", "Please don't tell {first} I said anything, she asked me to keep it quiet."]
    add("im.raw_messages", "text", "varchar",
        sprinkle(gen(lambda: pick(mix_short) if rng.random() < 0.6 else s(mix_long), lo=80, hi=160), p_null=0.15, p_empty=0.1),
        CONV, "Instant messages mixing one-word replies and longer personal messages, with NULLs and empty strings.")

    # 28 -- pharmacy notes
    cat("free text: pharmacy notes")
    ph = [
          "Pt asked about taking lisinopril with ibuprofen, advised acetaminophen instead.", "Refill too soon for oxycodone, prescriber contacted.",
          "Switched to generic metformin ER per pt request (cost).", "Counselled on warfarin diet interactions, gave leaflet.",
          "Rx for amoxicillin 500mg TID x10d, pt reports PCN allergy in 2019, held and called office.",
          "Caregiver picking up insulin for pt, verified identity.", "Pt unsure about new sertraline dose, explained titration.",
          "Prior auth needed for Ozempic, faxed MD.", "Pt declined counselling.", "Interaction alert: clarithromycin + simvastatin, MD changed to azithro.",
          "Pt states levothyroxine makes her jittery, advised to discuss dose with endo.", "Partial fill of Adderall, rest on order.",
          "Pt pregnant, confirmed with OB that nitrofurantoin OK.", "Mom asked how to measure amoxicillin susp for 2yo, showed oral syringe.",
          "Pt using albuterol >3x/day, recommended f/u with PCP.", "Pt lost prednisone taper card, printed new one.",
          "Coupon applied, copay $15 instead of $90.", "Pt reports rash after starting lamotrigine, told to stop and call MD today.",
          "Transferred Rx from another pharmacy.", "Naloxone offered with opioid fill, pt accepted.",
          "Pt on dialysis, renal dose checked for gabapentin.", "Elderly pt confused about pill organizer, filled it with her."]
    add("pharmacy.dispense_log", "remarks", "varchar", gen(lambda: join_some(ph, 1, 2), lo=60, hi=100), ["free_text", "medical"],
        "Pharmacist notes about a patient's prescriptions.")

    # 29 -- triage symptom form
    cat("free text: triage symptom form")
    sy = ["headache behind left eye, worse in the morning", "sore throat and fever", "chest feels tight when i climb stairs",
          "my ankle is swollen after i twisted it playing soccer", "cant stop coughing at night, green stuff",
          "burning when peeing, need to pee all the time", "rash on both legs after hiking, very itchy",
          "feel dizzy and my heart races sometimes", "lower back pain shooting down right leg", "toddler pulling at ear and crying, 38.9 fever",
          "throwing up and diarrhea, can't keep water down", "my eye is red and crusty", "lump in my armpit, doesn't hurt",
          "period is 2 weeks late and cramping", "numbness in my left hand when i wake up", "stomach pain on the right side, lower",
          "I think my blood pressure meds are making me cough", "ringing in ears and muffled hearing", "panic attacks getting worse, can't sleep",
          "bad heartburn every night after dinner", "cut my finger cooking, still bleeding a bit", "joint pain in both hands, stiff in the morning",
          "my son has a barking cough and trouble breathing at night", "toothache and my jaw is swollen"]
    sy_dur = ["", "", "for 3 days", "since sunday", "since yesterday", "for about a week", "on and off for a month", "since this morning"]
    sy_tried = ["", "", "", "tried tylenol", "took ibuprofen, didn't help", "no meds yet", "used my inhaler twice", "tried ice and rest",
                "allergic to penicillin", "I'm 28 weeks pregnant", "I have asthma"]
    add("telehealth.intake", "payload", "varchar", sprinkle(gen(lambda: ", ".join(x for x in [pick(sy), pick(sy_dur), pick(sy_tried)] if x), lo=60, hi=100), p_null=0.05), ["free_text", "medical"],
        "Symptoms typed by patients into a telehealth intake form, neutral column name.")

    # 30 -- discharge summary snippets
    cat("free text: discharge summary snippets")
    ds = ["Admitted for community-acquired pneumonia, treated with ceftriaxone and azithromycin.", "Discharged home in stable condition.",
          "Follow up with cardiology in 2 weeks for Holter monitor results.", "New diagnosis of type 2 diabetes; diabetes education completed.",
          "Hospital course complicated by AKI, resolved with IV fluids.", "Continue apixaban 5mg BID, stop aspirin.",
          "Return precautions reviewed with patient and daughter."]
    add("ehr.encounters", "summary", "text", gen(lambda: join_some(ds, 2, 4), lo=60, hi=70), ["free_text", "medical"],
        "Hospital discharge summary text.", comment="see source system docs")

    # 31 -- call-centre agent notes about a customer
    cat("free text: call-centre agent notes about a customer")
    cn = [
          "cust called re: late delivery, offered 10% credit, accepted", "caller upset about fee, escalated to supervisor",
          "wife called on behalf of account holder, could not verify, advised to have him call", "elderly cust confused by new app, walked thru login",
          "cust moving abroad, wants to pause service for 6 months", "threatened to cancel, retention offer declined",
          "cust says technician never showed up on {Day}, rebooked", "repeat caller, 4th contact this week about same issue",
          "cust crying, recently widowed, needs to transfer account to her name, sent bereavement packet",
          "disputing charge from March, says never received the router", "very polite, just wanted to confirm the new price",
          "hung up before resolution", "cust hard of hearing, used relay service, confirmed appointment for {Day}",
          "cust lost job, requested payment plan, set up 3 installments", "complained rep on previous call was rude, apologised",
          "wants to speak to manager only, callback requested", "son helping dad set up autopay",
          "cust claims outage for 3 days, credit applied for {n} days", "asked to be removed from marketing calls, done",
          "cust says bill doubled, explained promo ended", "cust traveling, phone stolen, suspended line",
          "student, asked about discount, not eligible", "small business owner, needs invoice in company name",
          "cust angry, used profanity, warned once, continued, ended call per policy"]
    add("callcenter.interactions", "agent_notes", "varchar", gen(lambda: s(cn) + pick(["", "", "", ". cust satisfied", ". ticket left open", ". f/u in 48h", ". emailed summary",
                                   ". 2nd call today", ". noted on acct"]), lo=60, hi=90), ["free_text"],
        "Agent notes written about individual customers after calls: free text about people.")

    # 32 -- teacher comments about students
    cat("free text: teacher comments about students")
    tc = ["{first} has grown in confidence when reading aloud and now volunteers answers.", "Needs reminders to stay on task during independent work.",
          "A thoughtful contributor in class discussions; writing would benefit from more careful proofreading.",
          "{first} struggled with fractions this term; we are using extra practice at home.", "Kind to classmates and a great helper.",
          "Homework is often incomplete; please check the planner nightly.", "Excellent science project on local birds!"]
    add("school.report_cards", "c8", "varchar", gen(lambda: join_some(tc, 1, 3), lo=60, hi=90), ["free_text"],
        "Teacher comments about individual pupils; free text about a person, not an employee review.")

    # 33 -- tenant maintenance requests
    cat("free text: tenant maintenance requests")
    mr = [
          "Kitchen sink has been leaking under the cabinet since {Day}, there's a bucket under it now.",
          "Heat doesn't work in the back bedroom, baby sleeps there so it's urgent.", "Mice again. Saw two behind the stove last night.",
          "The front door lock sticks, I got locked out for an hour.", "Upstairs neighbour's washing machine is flooding our bathroom ceiling.",
          "Please fix the hallway light, I'm scared to come home late.", "Dishwasher makes a burning smell.",
          "Mold on the bathroom ceiling keeps coming back, my daughter has asthma.", "Window in living room won't close all the way, it's freezing.",
          "Toilet runs all night, I've jiggled the handle a million times.", "Smoke detector beeping every 30 seconds, can't reach it, I'm 5 foot nothing.",
          "Garbage disposal jammed after my roommate put potato peels in it, sorry!", "No hot water since this morning.",
          "The balcony railing is loose, not safe with the kids.", "Fridge stopped cooling, lost all our groceries.",
          "Neighbour's smoking comes through the vents, makes me sick.", "Ceiling fan wobbles like it's going to fall.",
          "Someone broke the mailbox lock, I'm worried about my checks.", "Water stain on the ceiling is getting bigger after every rain.",
          "Ants in the kitchen everywhere, tried everything.", "Dryer takes 3 cycles to dry anything.",
          "Front steps are icy and the salt bin is empty, my elderly mom almost fell."]
    add("property.work_orders", "request_text", "varchar", gen(lambda: " ".join(x for x in [s(mr), pick(["", "", "", "Available weekdays after 5.", "Please text before coming in.",
                                                      "Unit %d%s." % (rng.randint(1, 12), pick("ABCD")), "Second time reporting this.",
                                                      "I have a dog, she's friendly.", "Anytime Tuesday works.", "Thank you!"])] if x),
            lo=60, hi=100), ["free_text"],
        "Maintenance requests written by tenants.")

    # 34 -- buyer/seller marketplace messages
    cat("free text: buyer/seller marketplace messages")
    bs = [
          "is this still available?", "would you take 40?", "can I pick up tonight after 6?", "yes still available, cash only please",
          "sorry, sold it this morning", "does the stroller fold flat? want to fit it in a small car", "my husband can come get it sat morning",
          "any scratches on the screen?", "I'm at the door", "ok deal, see you at the library parking lot", "hi! interested in the desk",
          "lowest you'd go?", "price is firm sorry", "can you hold it till friday? get paid thursday", "does it come with the charger",
          "yes, original box too", "where are you located roughly?", "near the high school, will send exact address when you're on the way",
          "on my way, 15 min", "running late, so sorry", "still there?", "are the measurements in the post correct? need it to fit a 30 inch space",
          "it's 29.5, just measured", "perfect", "can you send more pics of the back", "no smoke or pets in the house",
          "can I pay with venmo", "sure", "is the bike good for a 10 year old?", "my daughter is 5'2 and it fit her fine",
          "thank you! my son loves it", "no-show, I waited 30 minutes", "so sorry, kid got sick, can we try tomorrow"]
    add("marketplace.inbox", "msg", "varchar", gen(lambda: s(bs), lo=60, hi=110), CONV,
        "Private buyer-seller messages on a classifieds site.")

    # 35 -- voicemail transcripts
    cat("free text: voicemail transcripts")
    vm = [
          "Hey it's me, just calling to see if you're still coming on Sunday. Call me back when you get a chance.",
          "Hi, this is {first} from Dr. {last}'s office calling to confirm your appointment tomorrow at {time}.",
          "Hi sweetie it's Mom, nothing important, just wanted to hear your voice.",
          "Yeah hi, I'm returning your call about the apartment, I'm still interested so give me a ring.",
          "Hey, uh, I think I left my wallet in your car? Let me know.", "It's {first}. Call me. It's about Dad.",
          "Hi, this message is for {first}, it's {first2} from the school, Ella's fine but she bumped her head at recess.",
          "Hey man, happy birthday! Sorry I'm late, hope you had a good one.", "Hi it's Grandma, I can't figure out the new phone, call me.",
          "Hey, sorry, running about twenty minutes late, traffic is terrible.", "This is {first} from the garage, your car is ready whenever.",
          "Hi, it's me again, I really think we should talk about what happened. Please call back.",
          "Yeah this is {first2}, I'm outside with the couch, nobody's answering the door.",
          "Hey, just wanted to say thank you for the flowers, they're gorgeous.", "It's me, I got the job!!! Call me!",
          "Hello, this is {first} {last}, we met at the fundraiser, I'd love to follow up about the volunteer role.",
          "Hi honey, your sister and I are driving up Friday, let us know if that's OK.",
          "Hey, it's {first}, I can't do dinner tonight, my kid's throwing up. Rain check?"]
    add("telecom.voicemail", "transcription", "text", gen(lambda: s(vm), lo=60, hi=80), CONV,
        "Voicemail transcripts: speech from one person to another.")

    # 36 -- workplace chat
    cat("free text: workplace chat")
    wk = [
          "can someone review my PR before lunch", "standup moved to 10:15 today", "@{first} do you have the Q3 numbers?",
          "heads up, I'm out tomorrow afternoon for a doctor's appt", "lol the demo gods were not kind", "who broke staging 😅",
          "thanks {first2}, that fixed it", "I'm honestly pretty burnt out, might take friday", "let's take this to DM",
          "nice work on the launch everyone 🎉", "does anyone know who owns the billing dashboard?",
          "sorry, kid's sick, working from home today", "{first} are you joining the 2pm or should I present?",
          "I can take it", "pushed a fix, can you re-run?", "brb lunch", "ugh, another reorg email",
          "did {first2} ever get back to you about the contract?", "I think we're overcomplicating this tbh",
          "can we talk after the meeting? something came up with my team", "congrats on the promo {first}!! 🥳",
          "anyone else's VPN dropping every 5 min", "👍 will do", "ok that was a brutal retro", "I disagree but happy to commit",
          "{first} I sent you the doc, it's rough", "my mic died, one sec", "can you cover my on-call sunday? I'll owe you",
          "happy to pair on it this afternoon", "I'm stuck on the migration, any ideas?", "coffee run, anyone?",
          "just a heads up the client is really unhappy about the delay", "lmk if you need anything from me before I go on leave",
          "my manager just asked me to redo the whole deck 🙃", "welcome to the team {first}!", "can't make it, dentist",
          "who's going to the offsite dinner?", "sorry for the late reply, was heads down"]
    add("workspace.messages", "txt", "varchar", gen(lambda: s(wk), lo=100, hi=200), CONV,
        "Workplace chat messages between colleagues.")

    # 37 -- delivery instructions
    cat("free text: delivery instructions")
    dl = [
          "gate code is the unit number backwards, leave by the blue door", "dog is friendly, just don't let her out",
          "please don't ring, baby sleeping", "leave with neighbour in 4B if nobody answers", "I'm in a wheelchair, please bring it up to the door",
          "side entrance, the front steps are broken", "call when outside, buzzer doesn't work", "behind the planter pls",
          "knock loud, grandma is hard of hearing", "hand to me only, packages keep getting stolen", "I work nights, leave it, don't knock",
          "yellow house with the broken fence, not the one next door", "third floor no elevator, sorry!!", "leave at front desk, ask for Luis",
          "text don't call", "put it in the cooler on the porch", "my son will be home after 3", "don't leave if raining, I'll pick up at depot",
          "park in the alley, there's never space in front", "ring twice", "cat will try to escape, be quick 😅",
          "I'm deaf, please text on arrival", "back door by the garage", "leave with the security guard in the lobby"]
    add("delivery.orders", "instructions", "varchar", sprinkle(gen(lambda: s(dl), lo=60, hi=130), p_null=0.4, p_empty=0.1),
        ["free_text"], "Delivery instructions typed by customers, sparse and personal.")

    # 38 -- exit interview comments
    cat("free text: exit interview comments")
    xi = [
          "The pay was fine but I never felt like my ideas were heard.", "My manager was great, her manager was the problem.",
          "I'm leaving to care for my father, not because of anything here.", "Too many reorgs. I've had four managers in two years.",
          "Would come back if remote work were an option.", "The night shift schedule ruined my sleep.",
          "I got an offer with 25% more and a real title. Hard to say no.", "Honestly the team is the only reason I stayed this long.",
          "I didn't feel safe reporting problems after what happened to {first}.", "Promotion criteria were never clear to me.",
          "The commute got impossible after we moved.", "I'm going back to school for nursing.", "Nothing to add.",
          "Training for new hires was basically nonexistent, I learned by making mistakes.", "I was burned out and nobody noticed until I quit.",
          "Benefits are good, especially the parental leave.", "My partner got a job in another state.",
          "I felt micromanaged every single day.", "Great place to start a career, hard place to grow one.",
          "HR took six weeks to respond to my complaint.", "I'll miss the people. Not the software.",
          "Please fix the scheduling app, it makes everyone's life harder."]
    add("hr.exit_surveys", "answer_3", "varchar", gen(lambda: join_some(xi, 1, 2), lo=60, hi=80), ["free_text"],
        "Exit interview answers from departing employees.")

    # 39 -- workplace incident reports
    cat("free text: workplace incident reports")
    ir_what = ["Slipped on wet floor in aisle {n}", "Cut right index finger on box cutter while breaking down cartons",
               "Lifted a 40 lb case without help", "Pallet jack rolled over left foot", "Burn on forearm from fryer splash",
               "Felt faint in the heat on the loading dock", "Tripped over a cable in the server room", "Struck head on open cabinet door",
               "Splash of cleaning chemical to the eyes", "Fell from second step of ladder while stocking", "Bitten by a customer's dog at the door",
               "Repetitive strain in right wrist after weeks on the scanner"]
    ir_injury = ["twisted left ankle", "3 cm laceration", "lower back strain", "bruised toes, possible fracture", "first-degree burn",
                 "dizziness and nausea", "scraped knee and sore wrist", "small bump, complained of headache", "eyes red and stinging",
                 "sprained wrist", "puncture wounds on calf", "tingling and pain in fingers"]
    ir_care = ["went to urgent care, X-ray negative.", "first aid on site, 3 stitches at clinic.", "sent home, to see own doctor.",
               "treated on site with cold water and burn gel.", "given water and rest, recovered after 30 min.", "eyewash for 15 min, seen at ER.",
               "referred to occupational health.", "ambulance called, admitted overnight for observation.", "declined medical treatment.",
               "on light duty for 2 weeks per doctor's note."]
    add("safety.incident_reports", "narrative", "text", gen(lambda: "%s, %s, %s" % (s(ir_what), pick(ir_injury), pick(ir_care)), lo=60, hi=90), ["free_text", "medical"],
        "Workplace incident narratives describing employees' injuries and treatment.")

    # 40 -- French survey answers
    cat("free text: French survey answers")
    fs = [
          "Le livreur était très aimable mais le colis était abîmé.", "Je trouve l'application compliquée pour ma mère.",
          "Rien à signaler, merci.", "Le service client ne m'a jamais rappelé.", "Très contente de mon achat, je recommande à mes amies.",
          "Les frais de port sont trop élevés pour la Corse.", "J'ai attendu trois semaines pour un remboursement, c'est trop long.",
          "Parfait comme d'habitude.", "Le colis a été laissé devant la porte alors que j'avais demandé le point relais.",
          "Je suis malvoyant et le site n'est pas facile à utiliser.", "Bonne qualité mais la taille est trop petite.",
          "Vendeuse très patiente avec mon fils, merci à elle.", "Je ne commanderai plus, trop de retards.",
          "Application plus rapide depuis la mise à jour, bravo.", "J'aurais aimé être prévenue du changement de date de livraison.",
          "Moyen.", "Les promotions ne marchent jamais avec ma carte fidélité.", "Super service, livraison le lendemain !",
          "Mon mari a eu un souci avec sa commande mais tout s'est arrangé au téléphone.", "Trop d'emballage plastique à mon goût.",
          "Je recommande, surtout pour les personnes âgées comme moi qui ne peuvent plus porter les courses.", "bof",
          "Le chat en ligne m'a bien aidé à changer mon adresse.", "Produit conforme à la description."]
    add("enquete.reponses", "valeur", "varchar", sprinkle(gen(lambda: join_some(fs, 1, 2), lo=60, hi=90), p_null=0.2), ["free_text"],
        "French customer survey answers.")

    # 41 -- German emails
    cat("free text: German emails")
    dm = ["Hallo {first},\n\ndanke für das nette Gespräch gestern. Ich schicke dir die Unterlagen bis Freitag.\n\nViele Grüße\n{first2}",
          "Liebe {first},\n\nich kann am Wochenende leider nicht kommen, Papa liegt im Krankenhaus. Ich melde mich.\n\nDeine {first2}",
          "Hi {first},\n\nkurze Frage: hast du schon mit dem Vermieter wegen der Heizung gesprochen?\n\nLG {first2}",
          "Sehr geehrter Herr {last},\n\nvielen Dank für Ihre Nachricht. Den Termin am {Day} bestätige ich gern.\n\nMit freundlichen Grüßen\n{first2} {last2}"]
    add("mail.de_postfach", "inhalt", "text", gen(lambda: s(dm, Day=["Montag", "Dienstag", "Donnerstag"]), lo=60, hi=70), CONV,
        "German email bodies between people.")

    # 42 -- AI prompts in Spanish and German
    cat("free text: AI prompts in Spanish and German")
    ap = [
          "ayúdame a escribir un mensaje para mi jefe pidiendo el viernes libre", "¿cómo le explico a mi hija de 8 años que nos vamos a mudar?",
          "resume este correo de mi casero en 2 frases", "Schreib mir eine Absage für eine Hochzeitseinladung, aber freundlich",
          "Was kann ich meiner Oma zum 85. schenken?", "Formuliere meine Kündigung höflich, ich war 6 Jahre dort",
          "corrige la ortografía: ayer fuimos ha la playa y hacia mucho calor", "dame ideas para una cena romántica barata en casa",
          "mi pareja y yo discutimos mucho por el dinero, ¿cómo puedo sacar el tema sin pelear?",
          "escribe un mensaje de pésame para una compañera que perdió a su madre",
          "¿qué le digo a mi vecino para que baje la música sin que se enoje?", "tengo una entrevista mañana en un hotel, ¿qué me pueden preguntar?",
          "hazme un plan de comidas para la semana, soy vegetariana y no tengo mucho tiempo",
          "Mein Sohn wird gemobbt, wie spreche ich das bei der Lehrerin an?", "Hilf mir, eine Mail an meinen Vermieter wegen Schimmel zu schreiben",
          "Ich bin total gestresst vor der Prüfung, hast du Tipps zum Lernen?", "Übersetze ins Englische: Ich komme morgen etwas später",
          "Wie sage ich meiner besten Freundin, dass ich nicht ihre Trauzeugin sein möchte?",
          "Erkläre mir meine Nebenkostenabrechnung, ich verstehe die Heizkosten nicht",
          "schreib einen lustigen Geburtstagsgruß für meinen Bruder, er wird 40",
          "¿es normal que mi perro no quiera comer desde ayer?", "reescribe esto para que suene más profesional: oye, ¿ya me pagan o qué?"]
    add("assistant.sessions", "user_input", "varchar", gen(lambda: s(ap) + pick(["", "", "", " por favor", " gracias", " bitte", " danke!", " 🙏"]), lo=60, hi=75), CONV,
        "AI-assistant prompts in Spanish and German.")

    # 43 -- AI responses with personal advice
    cat("free text: AI responses with personal advice")
    ar = [
          "It's completely understandable to feel nervous about telling your team. You might start with the people you trust most.",
          "Based on what you've shared, a budget of around 30% for rent would leave room for your savings goal.",
          "Here's a message you could send your brother: \"I've been thinking about what happened and I'd like to talk when you're ready.\"",
          "If the arguments mostly happen when you're both tired, it could help to agree to postpone hard conversations until the morning.",
          "For your daughter's birthday party with 10 kids, here's a simple 2-hour plan: arrival craft, treasure hunt, cake, and a short movie.",
          "Since you mentioned you're paying 24% APR on the card, it probably makes sense to pay that down before adding to savings.",
          "You don't owe your coworker an explanation for declining the weekend trip. A simple \"thanks, but I can't make it\" is enough.",
          "It sounds like you're carrying a lot right now with your mum's illness and work. Is there anyone who could take over the school runs for a week?",
          "For a first marathon at your current weekly mileage, a 20-week plan would be safer than the 12-week one you found.",
          "If your landlord keeps entering without notice, you can remind him in writing of the notice period in your lease.",
          "Based on your CV, I'd lead with the hospital volunteering; it shows exactly the patient-facing experience they want.",
          "Congratulations on the engagement! For a small budget, a weekday lunch reception is often half the cost.",
          "When your son says he hates school, try asking about specific parts of the day rather than \"how was school\".",
          "You mentioned feeling lonely since the move. Joining one recurring thing, like a weekly run club, tends to help more than one-off events.",
          "It might be worth telling your manager directly that the new schedule clashes with your evening classes."]
    ar_open = ["", "", "Thanks for sharing that.", "Got it.", "I hear you.", "Good question!"]
    ar_close = ["", "", "Would you like me to draft something?", "Does that help?", "Want a shorter version?",
                "Happy to go through it step by step."]
    add("assistant.sessions", "model_output", "varchar",
        gen(lambda: " ".join(x for x in [pick(ar_open), s(ar), pick(ar_close)] if x), lo=60, hi=80), CONV,
        "AI-assistant responses giving a person personal advice.")

    # 44 -- tax preparer notes
    cat("free text: tax preparer notes")
    tx = ["Client had ~$8k side income from Etsy, no 1099-K received, reporting on Sched C.", "Married filing separately this year due to pending divorce.",
          "Claiming dependent care credit for two kids in daycare.", "Owes ~$2,400; set up IRS installment agreement.",
          "HSA contributions exceeded limit by $600, corrective distribution needed.", "Moved from NY to NJ in July, part-year returns for both states.",
          "Client asked whether the crypto losses can offset wages, explained $3,000 cap."]
    add("taxprep.client_files", "prep_notes", "text", gen(lambda: join_some(tx, 1, 3), lo=60, hi=90), ["free_text", "tax"],
        "Tax preparer notes about a client's personal tax situation.")

    # 45 -- dating app chat with emoji
    cat("free text: dating app chat with emoji")
    dc = [
          "hiii 😊", "your dog is adorable", "haha thanks, he's a menace", "so what do you do when you're not hiking?",
          "coffee this weekend? ☕", "sure! saturday morning?", "ok i have to ask... pineapple on pizza?", "😂 absolutely yes",
          "had a really nice time tonight", "me too, text me when you get home", "home safe 🏠", "omg that photo at the lake",
          "is that a real saxophone in pic 3", "haha yes, badly played", "what's your go-to karaoke song", "don't judge me: total eclipse of the heart",
          "judging a little 😏", "how was the first week at the new job?", "exhausting but good", "ugh mondays",
          "i'm free thursday after 7", "thursday works!", "where do you want to go", "there's a dumpling place near the station",
          "i'm in 🥟", "sorry, been swamped, not ignoring you", "no worries!", "you have excellent taste in books btw",
          "ok but have you read the sequel", "not yet, no spoilers", "😇", "good morning ☀️", "night!", "🙈",
          "that was the funniest date i've been on in years", "same haha", "can i see you again?", "yes please",
          "running 10 min late sorry!!", "no rush, grabbed a table by the window", "lol my cat just knocked over my coffee",
          "rip coffee", "honestly i'm not feeling a spark, but you're great and i hope you find your person", "thanks for being honest 🙏"]
    add("matches.chat", "m", "string", gen(lambda: pick(dc), lo=60, hi=120), CONV,
        "Dating-app chat between matches, short and emoji-heavy; one-letter column name.")

    # 46 -- caregiver log
    cat("free text: caregiver log")
    cg = [
          "Mom ate half her lunch, BP {bp} at 2pm, seemed confused about the day.", "Took evening meds without fuss.",
          "Watched the cooking show, bed by 9.", "Fell in bathroom around 7am, no visible injury, called daughter.",
          "Refused shower again, very agitated around 4pm (sundowning?).", "Swelling in ankles worse today, elevated legs.",
          "Good day! Walked to the mailbox twice.", "Asked for her late husband several times this afternoon.",
          "Only drank one glass of water all morning, encouraged fluids.", "Bruise on left forearm, she doesn't remember how.",
          "Coughing after meals, mentioned to nurse.", "Blood sugar {bg} before dinner.", "Slept most of the afternoon, hard to wake.",
          "Home health PT came at 11, did the leg exercises.", "Wouldn't take the morning pill, hid it in the napkin.",
          "Talked on the phone with her granddaughter and was very cheerful after.", "Complained of pain in right hip, gave Tylenol per chart.",
          "Incontinent twice, changed bedding.", "Ate all of the soup and asked for more!", "Needed help getting out of the recliner.",
          "Weight this morning {wt} lb.", "Confused about where she was when waking from nap, calmed after 10 min.",
          "Podiatrist visit tomorrow, reminded son to bring the insurance card.", "Skin on heels looks red, repositioned every 2h."]
    add("homecare.visit_log", "entry_text", "text", gen(lambda: join_some(cg, 1, 2, bp=lambda: "%d/%d" % (rng.randint(110, 170), rng.randint(60, 100)),
                             bg=lambda: str(rng.randint(88, 260)), wt=lambda: str(rng.randint(104, 141))), lo=60, hi=100),
        ["free_text", "medical"], "Home caregiver log about an elderly client's health and behaviour.")

    # 47 -- insurance claim narratives (property, no injury)
    cat("free text: insurance claim narratives (property, no injury)")
    ic = ["Rear-ended at the light on Elm St, bumper and tailgate damaged, other driver admitted fault.",
          "Pipe burst in the upstairs bathroom while we were on vacation, ceiling collapsed in the kitchen.",
          "Bike stolen from locked garage overnight, lock was cut.", "Hail dented the hood and cracked the windshield.",
          "Tree from neighbour's yard fell on our fence during the storm.", "Backed into a pole in the grocery store lot, rear light smashed.",
          "Kitchen fire from a pan of oil, cabinets and microwave destroyed.", "Laptop stolen from my car at the trailhead, window smashed.",
          "Basement flooded after heavy rain, lost the washer and a lot of boxes.", "Deer ran out on Route {n}, front end damage, airbags did not deploy.",
          "Someone keyed both sides of the car in the office garage.", "Roof shingles blown off, water coming in over the bedroom.",
          "My teenage son scraped the side mirror on the garage door.", "Engagement ring lost at the beach, it was on the scheduled items list.",
          "Parked car hit by a delivery van, driver left a note with his details.", "Power surge fried the fridge and the TV.",
          "Our dog chewed through the neighbour's fence and they want us to pay.", "Water heater leaked into the hallway carpet overnight."]
    ic_more = ["", "", "", "Photos uploaded.", "Police report filed.", "Not sure if this is covered.", "We need a rental car asap.",
               "Contractor quote to follow.", "Nobody was hurt.", "Happened around {time} on {Day}."]
    add("claims.fnol", "loss_description", "varchar", gen(lambda: " ".join(x for x in [s(ic), s(ic_more)] if x), lo=60, hi=80), ["free_text"],
        "First-notice-of-loss descriptions written by policyholders.")

    # 48 -- sales call coaching
    cat("free text: sales call coaching")
    sc = ["Rep talked for 80% of the call, let the prospect speak more.", "{first} handled the pricing objection well this time, anchored on ROI.",
          "Forgot to confirm next steps at the end, second call in a row.", "Discovery questions were generic, research the account first.",
          "Great rapport with the CFO, keep that tone.", "Pushed the discount too early.",
          "Interrupted the customer twice while she was describing the problem.", "Nice recovery when the demo environment froze.",
          "Needs to stop reading from the script, it sounds robotic.", "Good use of the case study from the hospital deal.",
          "{first} is ready to take enterprise calls solo.", "Talk track on security was shaky, pair with SE next time.",
          "Asked about budget in the first minute, felt pushy.", "Followed up within the hour with a clear summary, exactly right.",
          "Let the champion go without getting intro to the economic buyer.", "Energy was low, sounded tired by the 4th call.",
          "Handled the angry renewal call with real patience."]
    add("sales.call_reviews", "coach_comment", "varchar", gen(lambda: join_some(sc, 1, 2), lo=60, hi=90),
        ["free_text", "performance_review"], "Sales-manager coaching comments on a rep's calls: feedback about an employee's work.")

    # 49 -- SMS between family members
    cat("free text: SMS between family members")
    sm = [
          "did you take your pills mom?", "yes dear, stop worrying", "flight lands 4:20, can you pick me up",
          "grandpa wants to know if you're coming for easter", "i'm outside", "can you call me, it's about dad",
          "love you, drive safe", "picked up the kids, all good", "don't forget aunt {first}'s birthday is tomorrow",
          "ok sending her a card", "dinner's in the oven", "can you pay me back for the groceries when u get a chance",
          "sorry, will do tonight", "how did the appointment go", "doctor says rest and fluids, nothing to worry about",
          "thank god", "is the wifi down at home or just me", "just you lol", "sam got an A on the science test!!",
          "proud of that kid", "what time is the recital", "6, front row seats saved", "mom's not answering her phone, is she with you?",
          "yes, she's asleep on the couch", "ok phew", "can you grab the dog from the groomer at 5", "on my way",
          "please text back, getting worried", "sorry phone died", "merry christmas from all of us 🎄", "miss you kiddo",
          "dad fell but he's ok, we're at urgent care", "omw", "who has the spare key"]
    add("carrier.sms_log", "body", "string", sprinkle(gen(lambda: pick(sm), lo=60, hi=120), p_null=0.1), CONV,
        "SMS text messages between family members.")

    # 50 -- support thread email replies between customer and agent
    cat("free text: support thread email replies between customer and agent")
    tr = ["> On {Day}, {first} wrote:\n> Any update on my refund?\n\nHi, yes! It was processed this morning.",
          "Thanks for getting back to me. Unfortunately the replacement also arrived broken.",
          "Hi {first}, I'm sorry to hear that. I've escalated to our warehouse team and will update you by {Day}.",
          "Still waiting... it's been two weeks.", "That worked, thank you so much for your help!",
          "Hi {first}, thanks for your patience. Could you send a photo of the damaged box?",
          "Photo attached. The corner was completely crushed.", "I've never been treated this badly by a company, I want to speak to a manager.",
          "Hi {first}, {first2} here, I'm a supervisor on the team. I've read the whole thread and I'm sorry. I've refunded the full amount.",
          "Can you please just cancel my account.", "Done, your account is closed. Let us know if you ever want to come back.",
          "It's a gift for my daughter's birthday on {Day}, is there any way to get it faster?",
          "I've upgraded the shipping at no charge, it should arrive {Day}.", "Wow, thank you, you saved the day.",
          "> On {Day}, {first2} wrote:\n> Can you confirm the address?\n\nYes, same as before, nothing has changed.",
          "Hello, I'm writing for my father who isn't great with computers, he was charged for a device he returned.",
          "Thanks {first}, I appreciate you taking the time. Have a good weekend.", "Any news? Nobody has replied in 5 days.",
          "Hi, we're still looking into this with the courier, I'll have an answer by end of day."]
    add("helpdesk.thread_messages", "body_plain", "text", gen(lambda: s(tr), lo=60, hi=100), CONV,
        "Email replies in a support thread between a customer and a named agent: a private conversation.")


# ============================================================================================
# C. POSITIVE STRUCTURED IDENTIFIERS
# ============================================================================================

def build_structured():
    cat("structured identifiers")
    cat("structured: SSN / ITIN / EIN")
    add("payroll_stage.w4_upload", "col_4", "varchar", gen(gen_ssn, lo=80, hi=150), ["us_ssn"],
        "Bare 9-digit SSNs (no separators) under a neutral name; areas spread over 001-899, never 000/666/9xx, "
        "group and serial never zero. Only the table name and the value distribution give it away.",
        validate=is_ssn)
    add("benefits.dependents_raw", "value", "string",
        sprinkle(gen(gen_ssn, lo=60, hi=100), p_null=0.12), ["us_ssn"],
        "Bare SSNs with NULLs under 'value'.", validate=is_ssn, comment="raw feed col 7")
    add("hr.i9_extract", "ref", "varchar",
        gen(lambda: (lambda v: "%s-%s-%s" % (v[:3], v[3:5], v[5:]))(gen_ssn()), lo=60, hi=120), ["us_ssn"],
        "Dashed SSNs under 'ref'.", validate=is_ssn)
    add("legacy.applicants", "attr", "string",
        sprinkle(gen(lambda: (lambda v, sep: sep.join([v[:3], v[3:5], v[5:]]))(gen_ssn(), pick([".", " ", " ", "-"])), lo=60, hi=90),
                 p_empty=0.08, fillers=("", "N/A")),
        ["us_ssn"], "SSNs separated by dots, spaces or dashes, with N/A filler.", validate=is_ssn)
    add("tax_intake.dependents", "code", "varchar",
        gen(lambda: (lambda v: "%s-%s-%s" % (v[:3], v[3:5], v[5:]))(gen_itin()), lo=60, hi=90), ["us_itin"],
        "Dashed ITINs (9xx with group 50-65/70-88/90-92/94-99).", validate=lambda v: std_itin.is_valid(v))
    add("vendors.master", "col_11", "varchar",
        gen(lambda: (lambda v: "%s-%s" % (v[:2], v[2:]))(gen_ein()), lo=60, hi=100), ["us_ein"],
        "EINs in XX-XXXXXXX format with valid campus prefixes.", validate=lambda v: std_ein.is_valid(v))

    cat("structured: credit cards")
    add("checkout.raw_pan", "attr", "varchar",
        gen(lambda: fmt_card(gen_card(pick(["visa", "visa", "mc"])), " "), lo=60, hi=120), ["credit_card"],
        "Visa and Mastercard (51-55 and 2221-2720) numbers grouped with spaces.", validate=is_card)
    add("pos.swipes", "col_9", "varchar",
        gen(lambda: fmt_card(gen_card(pick(["amex", "disc"])), "-"), lo=60, hi=90), ["credit_card"],
        "Amex (4-6-5) and Discover numbers with dashes.", validate=is_card)
    add("billing.migrated_wallet", "payload", "varchar",
        sprinkle(gen(lambda: gen_card(pick(list(CARD_BRANDS))), lo=60, hi=100), p_null=0.2), ["credit_card"],
        "Unformatted card numbers of all four brands, 20% NULL.", validate=is_card)

    cat("structured: IBAN")
    add("payouts.eu_beneficiaries", "code", "varchar",
        gen(lambda: fmt_iban(gen_iban(pick(["DE", "FR", "ES", "IT", "NL", "BE", "AT", "IE", "PT"]))), lo=60, hi=110), ["iban"],
        "Spaced IBANs from nine countries.", validate=lambda v: is_iban(v))
    add("sepa.mandates", "ref", "varchar",
        gen(lambda: gen_iban(pick(["DE", "DE", "GB", "CH", "PL", "SE", "NL"])), lo=60, hi=90), ["iban"],
        "Unspaced IBANs (DE, GB, CH, PL, SE, NL).", validate=lambda v: is_iban(v))

    cat("structured: email")
    add("crm.contacts_stage", "value", "varchar", gen(lambda: gen_email(), lo=60, hi=140), ["email"],
        "Personal email addresses under 'value'.", validate=is_email)
    add("events.signup", "attr_2", "varchar",
        sprinkle(gen(lambda: (lambda e: e.upper() if rng.random() < 0.15 else e)(gen_email(work=rng.random() < 0.4)), lo=60, hi=100),
                 p_null=0.1, p_empty=0.05),
        ["email"], "Work and personal emails, some upper-case, plus-addressing.", validate=is_email)

    def intl_phone():
        num = gen_phone(pick(["GB", "DE", "FR", "ES", "IN", "MX", "AU", "NL", "IT", "BR", "JP"]))
        return fmt_phone(num, "intl")
    cat("structured: phone numbers")
    add("sms.optins", "col_6", "varchar", gen(intl_phone, lo=60, hi=120), ["phone_number"],
        "International-format phone numbers from eleven countries.",
        validate=lambda v: phonenumbers.is_valid_number(phonenumbers.parse(v, None)))

    def us_phone_natl():
        num = gen_us_phone()
        return fmt_phone(num, pick(["natl", "natl", "us_dots", "us_dash1", "us_plain"]))
    add("leads.inbound", "value", "varchar", sprinkle(gen(us_phone_natl, lo=60, hi=110), p_null=0.1), ["phone_number"],
        "US phone numbers in national formats: (415) 234-5678, 415.234.5678, 1-415-234-5678, 415-234-5678.",
        validate=phone_valid_in("US"))

    regions = ["GB", "DE", "FR", "ES"]
    pairs = [(r, gen_phone(r)) for r in [pick(regions) for _ in range(n_rows(60, 90))]]
    add("eu_support.callbacks", "c3", "varchar", [fmt_phone(p, "natl") for _, p in pairs], ["phone_number"],
        "National-format numbers from GB, DE, FR and ES (e.g. 020 xxxx xxxx, 030 xxxxxxxx, 06 xx xx xx xx).",
        validate=lambda v: any(phone_valid_in(r)(v) for r in regions))
    add("notify.devices", "ref", "varchar",
        gen(lambda: fmt_phone(gen_phone(pick(["US", "CA", "GB", "IN", "DE"])) if rng.random() < 0.6 else gen_us_phone(), "e164"), lo=60, hi=100),
        ["phone_number"], "E.164 numbers (+14155552671 style).",
        validate=lambda v: phonenumbers.is_valid_number(phonenumbers.parse(v, None)))

    cat("structured: IP addresses")
    add("auth.login_audit", "attr", "varchar",
        gen(lambda: gen_public_ipv4() if rng.random() < 0.8 else gen_private_ipv4(), lo=80, hi=160), ["ip_address"],
        "IPv4 client addresses, mostly public, some RFC 1918.", validate=is_ip)
    add("edge.conn_log", "value", "varchar", gen(lambda: gen_ipv6(True), lo=60, hi=100), ["ip_address"],
        "IPv6 addresses in compressed form (::).", validate=is_ip)
    add("vpn.sessions", "c3", "varchar",
        sprinkle(gen(lambda: gen_ipv6(rng.random() < 0.5) if rng.random() < 0.4 else gen_public_ipv4(), lo=60, hi=120), p_null=0.1),
        ["ip_address"], "Mixed IPv4 and IPv6 (compressed and full).", validate=is_ip)

    cat("structured: routing / NPI / DEA / ICD-10 / names")
    add("treasury.ach_payees", "code", "varchar", gen(gen_routing, lo=60, hi=100), ["us_bank_routing"],
        "ABA routing numbers (valid Fed prefixes and checksum) under a neutral name.",
        validate=lambda v: std_rtn.is_valid(v))
    add("claims.rendering_providers", "ref", "varchar", gen(gen_npi, lo=60, hi=120), ["us_npi"],
        "NPIs (10 digits, Luhn with the 80840 prefix) under a neutral name.", validate=is_npi)
    add("rx.prescribers", "attr_7", "varchar", gen(lambda: gen_dea(pick(LAST)), lo=60, hi=80), ["us_dea"],
        "DEA registration numbers with valid checksum.", validate=is_dea)
    icd = ["E11.9", "I10", "J45.909", "M54.50", "F32.A", "Z00.00", "K21.9", "R51.9", "E78.5", "J06.9", "N39.0", "F41.1",
           "M25.561", "S93.401A", "Z23", "G43.909", "L30.9", "R10.9", "O09.90", "E66.9"]
    add("claims.claim_lines", "code", "varchar", gen(lambda: pick(icd), lo=60, hi=140), ["icd10_code"],
        "ICD-10-CM diagnosis codes under 'code'.", validate=lambda v: bool(re.fullmatch(r"[A-TV-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?", v)))
    add("crm.contacts_stage", "col_2", "varchar",
        gen(lambda: "%s %s" % (pick(FIRST), pick(LAST)) if rng.random() < 0.8 else "%s, %s" % (pick(LAST), pick(FIRST)), lo=60, hi=110),
        ["person_name"], "Full person names ('First Last' and 'Last, First') under a neutral name.")


# ============================================================================================
# C2. FREE TEXT QUOTING IDENTIFIERS
# ============================================================================================

def build_text_with_identifiers():
    cat("free text quoting identifiers")
    # card numbers in support tickets
    def tk():
        base = pick(["I was charged twice on my card, can you refund the second one?", "The payment failed but my bank shows a pending charge.",
                     "Please remove my old card from the account.", "Order never arrived and I want my money back.",
                     "Why is there a $4.99 charge I don't recognise?", "My husband used my card without asking, please cancel the order.",
                     "Card got declined three times at checkout even though there's money on it.",
                     "I ordered the wrong size and the refund went to a card I closed last month.",
                     "Subscription renewed even though I cancelled in the app, screenshot attached.",
                     "Got a fraud alert from my bank about your store, was that you?", "Need a receipt for my expense report please.",
                     "Can I split the payment between two cards?", "The gift card balance is wrong, should be $50.",
                     "Hi, new card came in the mail, how do I update it?", "Please stop charging me, I've asked twice now!!",
                     "The pre-order was charged but the item was never shipped."])
        if rng.random() < 0.35:
            c = fmt_card(gen_card(pick(["visa", "mc", "amex", "disc"])), pick([" ", "-", ""]))
            base += " " + pick(["The card is %s.", "card number %s exp 09/27", "It was on %s, the one ending differently from my profile.",
                                "use %s instead please"]) % c
        return base
    add("support.ticket_intake", "body", "text", gen(tk, lo=80, hi=120), ["credit_card", "free_text"],
        "Customer support tickets, about a third quoting a full card number in the sentence.", expect_in_text=["credit_card"])

    # SSN in DMs
    def dm():
        base = pick(["hey can you fill out the daycare form for me, I'm stuck at work", "mom needs the info for the insurance thing",
                     "ok I'm at the bank, what do they need", "did you do the FAFSA yet", "lol ok", "call me when you can",
                     "landlord wants a background check ugh", "the dentist office needs your info for the new plan",
                     "can you finish my part of the loan application tonight", "hr form for the new job asks for it, what do I put",
                     "babe I need yours for the joint account", "dad wants me to put you on the car insurance", "k thanks",
                     "you're the best", "doing taxes with grandma, she lost her card", "the school's emergency form again 🙄",
                     "omg remind me never to let mom do paperwork", "sent the form, fingers crossed", "can u double check what I wrote",
                     "the bank guy says it has to match exactly"])
        if rng.random() < 0.3:
            v = gen_ssn()
            base += pick([" ", ", ", "\n", ". "]) + pick(["my social is %s-%s-%s", "SSN: %s-%s-%s", "it's %s %s %s, don't share it lol",
                                "ssn %s-%s-%s and DOB is on the card"]) % (v[:3], v[3:5], v[5:])
        return base
    add("msg.dm_threads", "body", "text", gen(dm, lo=80, hi=130), ["conversation", "free_text", "us_ssn"],
        "Private messages where some people send their SSN to family.", expect_in_text=["us_ssn"])

    # phones and emails in emails between people
    def mail():
        f, g = rng.sample(FIRST, 2)
        body = pick(["Great meeting you at the conference!", "Following up about the volunteer schedule for Saturday.",
                     "Sorry I missed your call earlier.", "Here's the contact for the plumber I mentioned."])
        extra = pick(["My cell is %s if that's easier." % fmt_phone(gen_us_phone(), pick(["natl", "us_dots", "us_plain"])),
                      "You can reach her at %s." % gen_email(),
                      "Call me on %s or email %s." % (fmt_phone(gen_phone("GB"), "intl"), gen_email(work=True)),
                      "Let's find a time next week."])
        return "Hi %s,\n\n%s %s\n\nCheers,\n%s" % (f, body, extra, g)
    add("mail.archive", "body_txt", "text", gen(mail, lo=60, hi=100), ["conversation", "email", "free_text", "phone_number"],
        "Personal emails where many bodies quote a phone number or an email address.",
        expect_in_text=["phone_number", "email"])

    # emails in HR case notes
    def hrn():
        base = pick(["Employee requested copy of their personnel file.", "Manager asked for guidance on a leave request.",
                     "Complaint about schedule favouritism received.", "Follow-up on harassment training completion."])
        if rng.random() < 0.5:
            base += " Reply sent to %s." % gen_email(work=rng.random() < 0.5)
        return base
    add("peopleops.cases", "notes", "varchar", gen(hrn, lo=60, hi=100), ["email", "free_text"],
        "HR case notes that record the email address a reply was sent to.", expect_in_text=["email"])

    # IP addresses in tickets
    def ipt():
        base = pick(["I keep getting blocked when I try to sign in from home.", "Your site says my region isn't supported but I'm in Ohio.",
                     "Two-factor prompt never shows up.", "Getting 'too many requests' all morning."])
        if rng.random() < 0.5:
            base += " " + pick(["My IP is %s.", "whatismyip says %s", "from %s according to the router page"]) % (
                gen_public_ipv4() if rng.random() < 0.7 else gen_ipv6(True))
        return base
    add("support.access_issues", "details", "varchar", gen(ipt, lo=60, hi=90), ["free_text", "ip_address"],
        "Customer tickets about access problems quoting their IP address.", expect_in_text=["ip_address"])

    # IBAN in AI prompts
    def aip():
        base = pick(["write a polite payment reminder to a client who is 30 days late", "make this invoice email sound more professional",
                     "translate to German: please transfer the deposit by Friday", "help me ask my tenant to pay the rent on time"])
        if rng.random() < 0.45:
            base += ", include my bank details: IBAN " + pick([fmt_iban, lambda x: x])(gen_iban(pick(["DE", "NL", "FR", "ES", "GB", "IE"])))
        return base
    add("ai.turns", "input", "varchar", gen(aip, lo=60, hi=90), ["conversation", "free_text", "iban"],
        "AI-assistant prompts where people paste their own IBAN.", expect_in_text=["iban"])

    # phone numbers in patient portal messages
    def ppm():
        base = pick(["My prescription for metoprolol ran out and the pharmacy needs approval.",
                     "The swelling in my knee is back after the injection.", "Can the nurse call me about my biopsy results?",
                     "I'm having side effects from the new antidepressant, mostly nausea."])
        if rng.random() < 0.5:
            base += " " + pick(["Please call me at %s.", "Best number is %s after 5.", "my husband's cell is %s"]) % fmt_phone(
                gen_us_phone(), pick(["natl", "us_plain", "us_dash1"]))
        return base
    add("portal.messages", "text", "text", gen(ppm, lo=60, hi=90),
        ["conversation", "free_text", "medical", "phone_number"],
        "Patient portal messages, half of which leave a callback number.", expect_in_text=["phone_number"])

    # SSN + tax in a tax-help chat
    def tax():
        base = pick(["I got a W-2 from two jobs this year, do I file them both?", "my refund is still pending after 8 weeks",
                     "can I claim my mom as a dependent, she lives with us", "I made about 52k plus some DoorDash money",
                     "do I need to report the 1099-INT from my savings, it's only $40", "got married in November, do we file jointly for the whole year?",
                     "IRS sent me a letter saying I underreported income, what do I do", "I sold some stock at a loss, does that help me?",
                     "my ex claimed our son even though he lives with me", "I'm a nanny and the family paid me in cash, how do I report it",
                     "the refund amount is less than what the app showed me", "I paid $9k in daycare, is there a credit for that",
                     "moved from Ohio to Texas in June, do I file two state returns?", "I forgot to include a 1099-NEC, can I fix it",
                     "how much can I put in my IRA to lower what I owe", "my employer withheld way too little this year"])
        if rng.random() < 0.3:
            v = gen_ssn()
            base += pick([" - ", ", ", ". ", "\n"]) + pick(["my ssn is %s-%s-%s", "SSN %s-%s-%s if you need to look it up"]) % (v[:3], v[3:5], v[5:])
        return base
    add("taxhelp.chat", "msg", "varchar", gen(tax, lo=60, hi=100), ["conversation", "free_text", "tax", "us_ssn"],
        "Tax-help chat where customers describe their income and sometimes give their SSN.", expect_in_text=["us_ssn"])


# ============================================================================================
# assembly and self-checks
# ============================================================================================

NUMERIC_TYPES = ("bigint", "integer", "smallint", "double", "decimal", "boolean", "double[]")
FILLERS = ("", "N/A")


def check_row(r):
    rid = r["id"]
    vals = r["values"]
    assert 60 <= len(vals) <= 200, (rid, len(vals))
    assert all(v is None or isinstance(v, str) for v in vals), rid
    assert r["labels"] == sorted(set(r["labels"])) and all(l in ALLOWED for l in r["labels"]), rid
    assert r["protection"] in PROTECTIONS, rid
    assert r["note"], rid
    if "hard negative" in r["note"].lower():
        assert r["note"].startswith("Hard negative") and not r["labels"], rid
    present = [v for v in vals if v is not None and v not in FILLERS]
    assert present, rid

    if r["_validate"] is not None:
        ok = [v for v in present if r["_validate"](v)]
        assert len(ok) / len(present) >= r["_min_valid"], (rid, [v for v in present if not r["_validate"](v)][:5])

    if r["_numeric"]:
        digits = [v for v in present if v.isdigit()]
        assert len(digits) == len(present), rid
        long_ = [v for v in digits if 13 <= len(v) <= 19]
        if long_:
            card_rate = sum(1 for v in long_ if card_brand_ok(v)) / len(long_)
            assert card_rate < 0.3, (rid, "accidental credit_card", card_rate)
        ten = [v for v in digits if len(v) == 10]
        if ten:
            assert sum(1 for v in ten if is_npi(v)) / len(ten) < 0.3, (rid, "accidental us_npi")
        nine = [v for v in digits if len(v) <= 9]
        if len(nine) > len(digits) / 2:
            assert sum(1 for v in nine if len(v) == 9 and std_rtn.is_valid(v)) / len(nine) < 0.3, (rid, "accidental routing")
            assert sum(1 for v in nine if is_ssn(v.zfill(9)) and len(v) == 9) / len(nine) < 0.95, (rid, "accidental us_ssn")

    base_type = r["type"].split("(")[0]
    if base_type in NUMERIC_TYPES or r["_validate"] is not None or r["_numeric"]:
        # numbers and structured identifier columns are checked above, not by the text scan
        return
    hits = Counter()
    for v in present:
        for c in scan_text(v):
            hits[c] += 1
    stray = {c: n for c, n in hits.items() if c not in r["labels"] and c not in r["_allow"]}
    if stray:
        ex = [v for v in present if set(scan_text(v)) & set(stray)][:4]
        raise AssertionError((rid, r["table"], r["column"], "identifier found in a column not labelled with it", stray, ex))
    for c in r["_expect"]:
        assert hits[c] / len(present) >= 0.10, (rid, "too few embedded", c, hits[c])


def main():
    build_negatives()
    build_free_text()
    build_structured()
    build_text_with_identifiers()
    rng.shuffle(ROWS)
    seen = set()
    for i, r in enumerate(ROWS, 1):
        r["id"] = "b%03d" % i
        key = (r["table"], r["column"])
        assert key not in seen, key
        seen.add(key)
        check_row(r)

    neg = [r for r in ROWS if not r["labels"]]
    ident = set(SCANNED) | {"us_itin", "us_ein", "us_bank_routing", "us_npi", "us_dea", "icd10_code", "person_name"}
    ft = [r for r in ROWS if "free_text" in r["labels"] and not ident & set(r["labels"])]
    st = [r for r in ROWS if r["labels"] and "free_text" not in r["labels"]]
    ft_id = [r for r in ROWS if "free_text" in r["labels"] and ident & set(r["labels"])]
    assert len(neg) >= 70 and len(ft) >= 45 and len(st) >= 20 and len(ft_id) >= 5 and len(ROWS) >= 135, \
        (len(neg), len(ft), len(st), len(ft_id), len(ROWS))

    with open(OUT, "w", encoding="utf-8") as fh:
        for r in ROWS:
            out = {k: r[k] for k in ("id", "table", "column", "type", "comment", "values", "labels", "protection", "note")}
            fh.write(json.dumps(out, ensure_ascii=False) + "\n")

    counts = Counter(l for r in ROWS for l in r["labels"])
    print("wrote %s: %d columns (%d negative, %d free-text, %d structured, %d free-text quoting identifiers)"
          % (os.path.relpath(OUT), len(ROWS), len(neg), len(ft), len(st), len(ft_id)))
    print("  %-20s %d" % ("[] (negative)", len(neg)))
    for label in ALLOWED:
        if counts[label]:
            print("  %-20s %d" % (label, counts[label]))
    if "--categories" in sys.argv:
        bycat = {}
        for r in ROWS:
            bycat.setdefault(r["_cat"], []).append(r["id"])
        for c, ids in bycat.items():
            print("%s: %s" % (c, ", ".join(sorted(ids))))


if __name__ == "__main__":
    main()
