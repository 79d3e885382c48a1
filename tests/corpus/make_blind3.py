#!/usr/bin/env python3
"""Generate blind3.jsonl: a labelled evaluation corpus of warehouse columns.

Deterministic: all randomness comes from random.Random(31337); no set is
iterated without sorting; output is written with a fixed key order.

Usage:  python make_blind3.py        (needs python-stdnum and phonenumbers)
Writes blind3.jsonl next to this file and prints per-label counts.
"""
import base64
import datetime
import hashlib
import ipaddress
import json
import os
import re
import sys
import unicodedata
import uuid
import zlib
import random

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.us import ein as std_ein
from stdnum.us import itin as std_itin
from stdnum.us import rtn as std_rtn
from stdnum.us import ssn as std_ssn

SEED = 31337
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "blind3.jsonl")

LABELS = [
    "aws_access_key", "conversation", "credit_card", "date_of_birth", "email",
    "free_text", "github_token", "iban", "icd10_code", "ip_address", "jwt",
    "keystrokes", "medical", "mouse_telemetry", "performance_review",
    "person_name", "phone_number", "private_key", "screen_content",
    "slack_token", "tax", "us_bank_routing", "us_dea", "us_ein", "us_itin",
    "us_npi", "us_ssn",
]
PROTECTIONS = ["plaintext", "hashed", "masked", "mixed", "empty"]

# ---------------------------------------------------------------- basics
DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = "abcdefghijklmnopqrstuvwxyz"
ALNUM = DIGITS + UPPER + LOWER
HEX = "0123456789abcdef"
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def rs(alphabet, k):
    return "".join(R.choice(alphabet) for _ in range(k))


def rdigits(k):
    return rs(DIGITS, k)


def chance(p):
    return R.random() < p


def pick(seq):
    return R.choice(seq)


def nrows(lo=60, hi=140):
    return R.randint(lo, hi)


def nullify(values, p):
    return [None if (v is not None and chance(p)) else v for v in values]


def rand_date(y0, y1):
    a = datetime.date(y0, 1, 1).toordinal()
    b = datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(R.randint(a, b))


def rand_ts(y0=2022, y1=2024):
    d = rand_date(y0, y1)
    return datetime.datetime(d.year, d.month, d.day, R.randint(0, 23), R.randint(0, 59), R.randint(0, 59))


def epoch_s(y0=2022, y1=2024):
    return int(rand_ts(y0, y1).replace(tzinfo=datetime.timezone.utc).timestamp())


def uuid4():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def sha256(s):
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def b64url(b):
    return base64.urlsafe_b64encode(b).decode("ascii").rstrip("=")


def rbytes(k):
    return bytes(R.getrandbits(8) for _ in range(k))


def fmt_money(x):
    return f"{x:.2f}"


# ---------------------------------------------------------------- names
FIRST = {
    "us": ["James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "Emily", "Daniel",
           "Sarah", "Kevin", "Ashley", "Brian", "Megan", "Tyler", "Hannah", "Brandon", "Courtney", "Dustin",
           "Heather", "Kyle", "Amber", "Travis", "Lauren", "Jordan", "Melissa", "Cody", "Brittany", "Gregory"],
    "es": ["José", "María", "Juan", "Guadalupe", "Luis", "Ana", "Carlos", "Sofía", "Alejandro", "Valentina",
           "Miguel", "Lucía", "Javier", "Camila", "Diego", "Ximena"],
    "zh": ["Wei", "Fang", "Jing", "Lei", "Xiuying", "Hao", "Yan", "Jun", "Mei", "Zhiwei"],
    "in": ["Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Deepika", "Arjun", "Kavya", "Rahul", "Sneha",
           "Lakshmi", "Siddharth"],
    "ar": ["Mohammed", "Fatima", "Omar", "Aisha", "Youssef", "Layla", "Karim", "Noor", "Hassan", "Mariam"],
    "ng": ["Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo", "Tunde", "Chiamaka"],
    "vn": ["Minh", "Linh", "Huong", "Tuan", "Thao", "Quang"],
    "kr": ["Ji-woo", "Min-jun", "Seo-yeon", "Do-hyun", "Ha-eun", "Joon-ho"],
    "jp": ["Haruto", "Yui", "Sota", "Aoi", "Ren", "Sakura", "Kenji", "Yuki"],
    "de": ["Lukas", "Anna", "Jonas", "Lea", "Felix", "Katrin", "Jürgen", "Sabine"],
    "pl": ["Jakub", "Zofia", "Kacper", "Agnieszka", "Tomasz", "Małgorzata"],
    "ru": ["Dmitri", "Olga", "Sergei", "Anastasia", "Nikolai", "Yekaterina"],
    "ie": ["Siobhán", "Niamh", "Ciarán", "Aoife", "Seán", "Eoin"],
}
LAST = {
    "us": ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
           "Thomas", "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
           "Hall", "Young", "King", "Wright", "Hill", "Scott", "Green", "Baker", "Nelson", "Mitchell"],
    "es": ["García", "Martínez", "Rodríguez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez",
           "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Ortiz"],
    "zh": ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"],
    "in": ["Sharma", "Patel", "Singh", "Gupta", "Iyer", "Reddy", "Nair", "Kumar", "Das", "Mehta", "Chatterjee"],
    "ar": ["Al-Sayed", "Haddad", "Khalil", "Nasser", "Mansour", "Farouk", "Saleh", "Abdullah", "Hamdan"],
    "ng": ["Okafor", "Adeyemi", "Nwosu", "Balogun", "Eze", "Okonkwo", "Adebayo"],
    "vn": ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"],
    "kr": ["Kim", "Lee", "Park", "Choi", "Jung", "Kang"],
    "jp": ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann"],
    "pl": ["Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski"],
    "ru": ["Ivanov", "Petrova", "Smirnov", "Volkova", "Kuznetsov", "Sokolova"],
    "ie": ["O'Brien", "MacLeod", "Ó Súilleabháin", "Kavanagh", "Byrne", "McCarthy"],
}
CULTURES = sorted(FIRST)
CULTURE_W = {"us": 8, "es": 4, "zh": 2, "in": 3, "ar": 2, "ng": 1, "vn": 1, "kr": 1, "jp": 1, "de": 1,
             "pl": 1, "ru": 1, "ie": 1}


def culture():
    return R.choices(CULTURES, weights=[CULTURE_W[c] for c in CULTURES])[0]


def first_name(c=None):
    return pick(FIRST[c or culture()])


def last_name(c=None):
    return pick(LAST[c or culture()])


def full_name():
    c = culture()
    f, l = pick(FIRST[c]), pick(LAST[c])
    if c == "es" and chance(0.4):
        l = l + " " + pick(LAST["es"])
    if c in ("us",) and chance(0.25):
        return f"{f} {pick(UPPER)}. {l}"
    return f"{f} {l}"


FNAMES_ALL = sorted({n for c in CULTURES for n in FIRST[c]})


# ---------------------------------------------------------------- identifiers
def gen_ssn():
    while True:
        v = f"{R.randint(1, 899):03d}{R.randint(1, 99):02d}{R.randint(1, 9999):04d}"
        if std_ssn.is_valid(v):
            return v


ITIN_GROUPS = list(range(50, 66)) + list(range(70, 89)) + [90, 91, 92] + list(range(94, 100))


def gen_itin():
    while True:
        v = f"9{R.randint(0, 99):02d}{pick(ITIN_GROUPS):02d}{R.randint(1, 9999):04d}"
        if std_itin.is_valid(v):
            return v


def gen_ein():
    while True:
        v = rdigits(9)
        if std_ein.is_valid(v):
            return v


def fmt_ssn(v, style="dash"):
    if style == "dash":
        return f"{v[:3]}-{v[3:5]}-{v[5:]}"
    if style == "space":
        return f"{v[:3]} {v[3:5]} {v[5:]}"
    if style == "dot":
        return f"{v[:3]}.{v[3:5]}.{v[5:]}"
    return v


def fmt_ein(v):
    return f"{v[:2]}-{v[2:]}"


RTN_PREFIXES = list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73)) + [80]


def gen_rtn():
    d = f"{pick(RTN_PREFIXES):02d}" + rdigits(6)
    s = sum(int(c) * w for c, w in zip(d, [3, 7, 1, 3, 7, 1, 3, 7]))
    v = d + str((10 - s % 10) % 10)
    assert std_rtn.is_valid(v), v
    return v


CARD_BRANDS = {
    "visa": (["4"], [16, 16, 16, 16, 13, 19]),
    "mastercard": (["51", "52", "53", "54", "55", "2221", "2300", "2500", "2720"], [16]),
    "amex": (["34", "37"], [15]),
    "discover": (["6011", "644", "645", "649", "65"], [16]),
    "jcb": (["3528", "3530", "3566", "3589"], [16]),
    "diners": (["300", "305", "36", "38"], [14]),
    "unionpay": (["62"], [16, 17, 19]),
    "maestro": (["6759", "5018", "5020", "6304"], [16, 18, 19]),
}
CARD_BRAND_NAMES = sorted(CARD_BRANDS)
CARD_RE = re.compile(r"^(4\d{12}(\d{3}){0,2}|5[1-5]\d{14}|2(22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)\d{12}|3[47]\d{13}"
                     r"|(6011|64[4-9]\d|65\d\d)\d{12,15}|35(2[89]|[3-8]\d)\d{12,15}|3(0[0-5]|[68]\d)\d{11,16}"
                     r"|62\d{14,17}|(5018|5020|5038|6304|6759|676[1-3])\d{8,15})$")


def gen_card(brand=None):
    brand = brand or R.choices(CARD_BRAND_NAMES, weights=[3, 1, 1, 1, 4, 2, 1, 6])[0]
    prefs, lens = CARD_BRANDS[brand]
    p = pick(prefs)
    L = pick(lens)
    body = p + rdigits(L - len(p) - 1)
    v = body + luhn.calc_check_digit(body)
    assert card_valid(v), (brand, v)
    return v


def card_valid(digits):
    return 13 <= len(digits) <= 19 and luhn.is_valid(digits) and bool(CARD_RE.match(digits))


def fmt_card(v, sep=" "):
    if len(v) == 15:
        parts = [v[:4], v[4:10], v[10:]]
    elif len(v) == 14:
        parts = [v[:4], v[4:10], v[10:]]
    else:
        parts = [v[i:i + 4] for i in range(0, len(v), 4)]
    return sep.join(parts)


IBAN_SPECS = {
    "DE": "18n", "GB": "4a14n", "NL": "4a10n", "FR": "10n11c2n", "ES": "20n", "IT": "1a10n12c",
    "BE": "12n", "CH": "5n12c", "AT": "16n", "PL": "24n", "SE": "20n", "NO": "11n", "DK": "14n",
    "FI": "14n", "IE": "4a14n", "PT": "21n", "LU": "3n13c", "GR": "7n16c",
}
IBAN_BANKS = {"GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL"], "NL": ["ABNA", "INGB", "RABO", "TRIO", "SNSB"],
              "IE": ["AIBK", "BOFI"]}


def _bban(cc):
    spec = IBAN_SPECS[cc]
    out = []
    for cnt, kind in re.findall(r"(\d+)([anc])", spec):
        cnt = int(cnt)
        if kind == "n":
            out.append(rdigits(cnt))
        elif kind == "a":
            if cc in IBAN_BANKS and cnt == 4:
                out.append(pick(IBAN_BANKS[cc]))
            else:
                out.append(rs(UPPER, cnt))
        else:
            out.append("".join(pick(UPPER) if chance(0.15) else pick(DIGITS) for _ in range(cnt)))
    return "".join(out)


def gen_iban(cc=None):
    cc = cc or pick(sorted(IBAN_SPECS))
    for _ in range(5000):
        bban = _bban(cc)
        chk = std_iban.calc_check_digits(cc + "00" + bban)
        v = cc + chk + bban
        if std_iban.is_valid(v):
            return v
    raise RuntimeError(cc)


def fmt_iban(v, spaced=True):
    return " ".join(v[i:i + 4] for i in range(0, len(v), 4)) if spaced else v


def gen_npi():
    base = pick("1111112") + rdigits(8)
    v = base + luhn.calc_check_digit("80840" + base)
    assert npi_valid(v)
    return v


def npi_valid(v):
    return len(v) == 10 and v[0] in "12" and luhn.is_valid("80840" + v)


def dea_valid(v):
    if not re.fullmatch(r"[A-Z][A-Z9]\d{7}", v):
        return False
    d = [int(c) for c in v[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def gen_dea(surname=None):
    l1 = R.choices("ABFGMP", weights=[3, 4, 5, 2, 2, 1])[0]
    l2 = (surname or last_name())[0].upper()
    if l2 not in UPPER:
        l2 = pick(UPPER)
    if chance(0.05):
        l2 = "9"
    d = [R.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    v = l1 + l2 + "".join(map(str, d)) + str(chk)
    assert dea_valid(v)
    return v


ICD10 = {
    "E11.9": "Type 2 diabetes mellitus without complications",
    "E11.65": "Type 2 diabetes mellitus with hyperglycemia",
    "E78.5": "Hyperlipidemia, unspecified",
    "I10": "Essential (primary) hypertension",
    "I25.10": "Atherosclerotic heart disease of native coronary artery without angina pectoris",
    "I48.91": "Unspecified atrial fibrillation",
    "I50.9": "Heart failure, unspecified",
    "J45.909": "Unspecified asthma, uncomplicated",
    "J06.9": "Acute upper respiratory infection, unspecified",
    "J20.9": "Acute bronchitis, unspecified",
    "J18.9": "Pneumonia, unspecified organism",
    "J44.9": "Chronic obstructive pulmonary disease, unspecified",
    "K21.9": "Gastro-esophageal reflux disease without esophagitis",
    "K52.9": "Noninfective gastroenteritis and colitis, unspecified",
    "K57.30": "Diverticulosis of large intestine without perforation or abscess without bleeding",
    "M54.50": "Low back pain, unspecified",
    "M25.561": "Pain in right knee",
    "M17.11": "Unilateral primary osteoarthritis, right knee",
    "M79.1": "Myalgia",
    "F32.9": "Major depressive disorder, single episode, unspecified",
    "F33.1": "Major depressive disorder, recurrent, moderate",
    "F41.1": "Generalized anxiety disorder",
    "F43.10": "Post-traumatic stress disorder, unspecified",
    "F90.0": "Attention-deficit hyperactivity disorder, predominantly inattentive type",
    "F10.20": "Alcohol dependence, uncomplicated",
    "G43.909": "Migraine, unspecified, not intractable, without status migrainosus",
    "G47.33": "Obstructive sleep apnea (adult) (pediatric)",
    "G40.909": "Epilepsy, unspecified, not intractable, without status epilepticus",
    "N39.0": "Urinary tract infection, site not specified",
    "N40.0": "Benign prostatic hyperplasia without lower urinary tract symptoms",
    "R51.9": "Headache, unspecified",
    "R10.9": "Unspecified abdominal pain",
    "R05.9": "Cough, unspecified",
    "R07.9": "Chest pain, unspecified",
    "R42": "Dizziness and giddiness",
    "R73.03": "Prediabetes",
    "Z00.00": "Encounter for general adult medical examination without abnormal findings",
    "Z23": "Encounter for immunization",
    "Z79.4": "Long term (current) use of insulin",
    "Z12.31": "Encounter for screening mammogram for malignant neoplasm of breast",
    "Z71.3": "Dietary counseling and surveillance",
    "E66.9": "Obesity, unspecified",
    "E03.9": "Hypothyroidism, unspecified",
    "E55.9": "Vitamin D deficiency, unspecified",
    "D64.9": "Anemia, unspecified",
    "L30.9": "Dermatitis, unspecified",
    "H66.90": "Otitis media, unspecified, unspecified ear",
    "B34.9": "Viral infection, unspecified",
    "U07.1": "COVID-19",
    "O24.419": "Gestational diabetes mellitus in pregnancy, unspecified control",
    "S72.001A": "Fracture of unspecified part of neck of right femur, initial encounter",
    "S93.401A": "Sprain of unspecified ligament of right ankle, initial encounter",
    "S06.0X0A": "Concussion without loss of consciousness, initial encounter",
    "C50.911": "Malignant neoplasm of unspecified site of right female breast",
    "C61": "Malignant neoplasm of prostate",
    "I63.9": "Cerebral infarction, unspecified",
    "A09": "Infectious gastroenteritis and colitis, unspecified",
}
ICD_CODES = sorted(ICD10)
ICD_NODOT = {c.replace(".", ""): c for c in ICD_CODES}


def gen_icd(dot=True):
    c = pick(ICD_CODES)
    return c if dot else c.replace(".", "")


# phones ------------------------------------------------------------------
US_AREAS = ["201", "202", "206", "212", "213", "214", "305", "312", "404", "415", "503", "512", "602", "617",
            "646", "702", "713", "718", "720", "773", "808", "919", "971"]


def gen_us_phone():
    # 555-01xx is the fictitious range; libphonenumber treats it as valid
    v = pick(US_AREAS) + "55501" + rdigits(2)
    n = phonenumbers.parse("+1" + v)
    assert phonenumbers.is_valid_number(n)
    return n


PHONE_REGIONS = ["GB", "DE", "FR", "IN", "BR", "JP", "AU", "MX", "NG", "ES", "IT", "NL", "CA", "KR", "ZA",
                 "SE", "PL", "AE", "SG", "IE", "PH"]


def gen_intl_phone(region):
    if region in ("US",):
        return gen_us_phone()
    t = pick([phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE])
    ex = phonenumbers.example_number_for_type(region, t) or phonenumbers.example_number(region)
    nsn = phonenumbers.national_significant_number(ex)
    keep = min(3, len(nsn) - 4)
    for _ in range(2000):
        cand = nsn[:keep] + rdigits(len(nsn) - keep)
        n = phonenumbers.parse("+" + str(ex.country_code) + cand)
        if phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == region:
            return n
    raise RuntimeError(region)


PNF = phonenumbers.PhoneNumberFormat


def fmt_phone(n, style):
    if style == "e164":
        return phonenumbers.format_number(n, PNF.E164)
    if style == "intl":
        return phonenumbers.format_number(n, PNF.INTERNATIONAL)
    if style == "natl":
        return phonenumbers.format_number(n, PNF.NATIONAL)
    nsn = phonenumbers.national_significant_number(n)
    if style == "dots":
        return f"{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}"
    if style == "dashes":
        return f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"
    if style == "plus1dash":
        return f"+1-{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"
    if style == "bare":
        return nsn
    if style == "one":
        return "1" + nsn
    raise ValueError(style)


def phone_valid(s, region="US"):
    s2 = re.split(r"\s*(?:x|ext\.?|;ext=|extension)\s*\d+$", s)[0]
    try:
        n = phonenumbers.parse(s2, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(n)


# IPs -----------------------------------------------------------------------
def gen_ipv4(kind=None):
    kind = kind or pick(["doc", "doc", "doc", "p10", "p172", "p192", "cgn"])
    if kind == "doc":
        net = pick(["192.0.2", "198.51.100", "203.0.113"])
        return f"{net}.{R.randint(1, 254)}"
    if kind == "p10":
        return f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
    if kind == "p172":
        return f"172.{R.randint(16, 31)}.{R.randint(0, 255)}.{R.randint(1, 254)}"
    if kind == "p192":
        return f"192.168.{R.randint(0, 255)}.{R.randint(1, 254)}"
    return f"100.{R.randint(64, 127)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def gen_ipv6(kind=None):
    kind = kind or pick(["doc", "doc", "ula"])
    if kind == "doc":
        groups = ["2001", "db8"] + [f"{R.getrandbits(16):x}" for _ in range(6)]
    else:
        groups = ["fd" + f"{R.getrandbits(8):02x}"] + [f"{R.getrandbits(16):x}" for _ in range(7)]
    if chance(0.5):
        for i in range(R.randint(3, 5), R.randint(5, 7)):
            groups[i] = "0"
    a = ipaddress.IPv6Address(":".join(groups))
    return a.compressed if chance(0.8) else a.exploded


def ip_valid(s):
    s = s.strip()
    m = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\](?::\d+)?", s)
    if m:
        s = m.group(1)
    else:
        m = re.fullmatch(r"(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?", s)
        if m:
            s = m.group(1)
    s = s.split("/")[0]
    try:
        ipaddress.ip_address(s)
        return True
    except ValueError:
        return False


# emails ---------------------------------------------------------------------
EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "contoso.com", "fabrikam.com", "mail.example.com",
                 "corp.contoso.com", "northwind.example", "eu.fabrikam.com", "students.example.edu"]


def _ascii(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    out = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return re.sub(r"[^A-Za-z0-9]", "", out)


def gen_email(fn=None, ln=None, style=None):
    c = culture()
    fn = fn or pick(FIRST[c])
    ln = ln or pick(LAST[c])
    f, l = _ascii(fn).lower() or "user", _ascii(ln).lower() or "x"
    style = style or pick(["f.l", "fl", "f_l", "fl99", "f", "initl", "plus", "mixed", "handle"])
    if style == "f.l":
        local = f"{f}.{l}"
    elif style == "fl":
        local = f"{f}{l}"
    elif style == "f_l":
        local = f"{f}_{l}"
    elif style == "fl99":
        local = f"{f}{l}{R.randint(1, 99)}"
    elif style == "f":
        local = f"{f}{R.randint(70, 2005)}"
    elif style == "initl":
        local = f"{f[0]}{l}"
    elif style == "plus":
        local = f"{f}.{l}+{pick(['shop', 'news', 'work', 'bills', 'test', 'spam', 'promo'])}"
    elif style == "mixed":
        local = f"{fn[:1].upper()}{f[1:]}.{l.capitalize()}"
    else:
        local = pick(["sunny", "blue", "tiny", "mad", "quiet", "rapid"]) + pick(["fox", "otter", "pixel", "maple", "koala"]) + str(R.randint(1, 999))
    dom = pick(EMAIL_DOMAINS)
    if style == "mixed" and chance(0.5):
        dom = dom.upper() if chance(0.3) else dom.capitalize()
    return f"{local}@{dom}"


EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


# secrets ------------------------------------------------------------------------
def gen_aws_key():
    return pick(["AKIA", "AKIA", "AKIA", "ASIA"]) + rs(B32, 16)


B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _b62(n):
    s = ""
    while n:
        n, r = divmod(n, 62)
        s = B62[r] + s
    return s.rjust(6, "0")


def gen_github_token(kind=None):
    kind = kind or R.choices(["ghp", "gho", "ghs", "ghu", "pat"], weights=[5, 2, 1, 1, 3])[0]
    if kind == "pat":
        return "github_pat_" + rs(ALNUM, 22) + "_" + rs(ALNUM, 59)
    body = rs(ALNUM, 30)
    return f"{kind}_{body}{_b62(zlib.crc32(body.encode()) & 0xFFFFFFFF)}"


def gen_slack_token(kind=None):
    kind = kind or pick(["xoxb", "xoxb", "xoxp"])
    if kind == "xoxb":
        return f"xoxb-{rdigits(R.randint(11, 13))}-{rdigits(13)}-{rs(ALNUM, 24)}"
    return f"xoxp-{rdigits(R.randint(11, 12))}-{rdigits(12)}-{rdigits(13)}-{rs(HEX, 32)}"


def gen_jwt():
    alg = pick(["HS256", "RS256", "ES256"])
    hdr = {"alg": alg, "typ": "JWT"}
    if alg != "HS256" and chance(0.7):
        hdr["kid"] = rs(HEX, 16)
    iat = epoch_s(2023, 2024)
    pl = {"sub": pick([uuid4(), "usr_" + rs(ALNUM, 14), str(R.randint(10 ** 6, 10 ** 9))]), "iat": iat,
          "exp": iat + pick([900, 3600, 86400])}
    if chance(0.6):
        pl["iss"] = pick(["https://auth.example.com", "https://login.contoso.com/v2", "api-gateway"])
    if chance(0.5):
        pl["scope"] = pick(["read:orders", "openid profile", "admin", "read write", "billing:read"])
    if chance(0.3):
        pl["aud"] = pick(["web", "mobile-ios", "internal-api"])
    siglen = {"HS256": 32, "RS256": 256, "ES256": 64}[alg]
    return ".".join([b64url(json.dumps(hdr, separators=(",", ":")).encode()),
                     b64url(json.dumps(pl, separators=(",", ":")).encode()), b64url(rbytes(siglen))])


def _pem(label, der):
    b = base64.b64encode(der).decode()
    return f"-----BEGIN {label}-----\n" + "\n".join(b[i:i + 64] for i in range(0, len(b), 64)) + f"\n-----END {label}-----"


def gen_private_key(kind=None):
    kind = kind or pick(["ec", "ec", "pkcs8", "rsa", "openssh"])
    if kind == "ec":
        der = bytes.fromhex("307702010104") + b"\x20" + rbytes(32) + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + rbytes(64)
        return _pem("EC PRIVATE KEY", der)
    if kind == "pkcs8":
        der = bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420") + rbytes(32) + bytes.fromhex("a14403420004") + rbytes(64)
        return _pem("PRIVATE KEY", der)
    if kind == "rsa":
        der = bytes.fromhex("308204a40201000282010100") + rbytes(1180)
        return _pem("RSA PRIVATE KEY", der)
    der = b"openssh-key-v1\x00" + bytes.fromhex("000000046e6f6e65000000046e6f6e650000000000000001000000330000000b7373682d65643235353139000000") + b"\x20" + rbytes(180)
    return _pem("OPENSSH PRIVATE KEY", der)


# ======================================================================
# column registry
# ======================================================================
BUILDERS = []


def col(fn):
    BUILDERS.append(fn)
    return fn


def C(table, column, type_, values, labels, note, comment=None, protection="plaintext", check=None, allow=None,
      category=None):
    return {"table": table, "column": column, "type": type_, "comment": comment, "values": values,
            "labels": sorted(labels), "protection": protection, "note": note,
            "_check": check, "_allow": allow or {}, "_category": category}


def many(fn, n=None, p_null=0.0):
    n = n or nrows()
    return nullify([fn() for _ in range(n)], p_null)


# ======================================================================
# NEGATIVES
# ======================================================================
NEG = "negative"


@col
def n_doubles():
    def f():
        x = R.gauss(0.1, 0.8)
        return repr(x)
    return C("ads.ctr_features_v3", "f_017", "double", many(f), [],
             "Hard negative: full-precision model feature values, positive and negative.", category=NEG)


@col
def n_sci():
    def f():
        r = R.random()
        if r < 0.6:
            return repr(R.lognormvariate(-10, 1.8))
        if r < 0.8:
            return repr(-R.lognormvariate(-9, 1.5))
        return repr(R.random() / 1000)
    return C("ads.bid_landscape", "pred_cvr", "double", many(f, p_null=0.03), [],
             "Hard negative: tiny predicted conversion rates printed in scientific notation.", category=NEG)


@col
def n_embeddings():
    def f():
        d = pick([16, 24, 32])
        return "[" + ", ".join(f"{R.gauss(0, 0.2):.6f}" for _ in range(d)) + "]"
    return C("ml.user_emb_v2", "emb", "varchar", many(f, nrows(60, 80)), [],
             "Hard negative: embedding vectors serialised as text.", category=NEG)


@col
def n_epoch_ms():
    return C("events.clickstream", "ts_ms", "bigint", many(lambda: str(epoch_s() * 1000 + R.randint(0, 999))), [],
             "Hard negative: epoch milliseconds (13 digits).", category=NEG)


@col
def n_epoch_s():
    return C("app.sessions", "started", "bigint", many(lambda: str(epoch_s())), [],
             "Hard negative: epoch seconds (10 digits starting with 1); some pass the NPI check digit by chance.",
             allow={"us_npi": "10-digit epoch seconds beginning with 1 pass the NPI Luhn check about one time in ten"},
             category=NEG)


@col
def n_epoch_us():
    return C("tracing.spans", "start_time_unix_us", "bigint",
             many(lambda: str(epoch_s() * 1000000 + R.randint(0, 999999))), [],
             "Hard negative: epoch microseconds (16 digits).", category=NEG)


@col
def n_snowflake():
    def f():
        ms = epoch_s() * 1000 + R.randint(0, 999) - 1288834974657
        return str((ms << 22) | (R.randint(0, 1023) << 12) | R.randint(0, 4095))
    return C("oms.orders", "order_id", "bigint", many(f), [],
             "Hard negative: snowflake ids (19 digits).", category=NEG)


@col
def n_seq_ids():
    start = R.randint(104000000, 109000000)
    vals = []
    cur = start
    for _ in range(nrows(80, 120)):
        cur += R.randint(1, 3)
        vals.append(str(cur))
    return C("crm.accounts", "acct_id", "integer", vals, [],
             "Hard negative: sequential 9-digit account ids; structurally these are also valid SSNs/EINs and some pass the ABA check.",
             allow={"bare9": "any 9-digit number with a valid area/group/serial is SSN-shaped; intentional"},
             category=NEG)


@col
def n_refno_luhn():
    def f():
        return str(R.randint(1, 9)) + rdigits(15)
    return C("ledger.postings", "ref_no", "varchar", many(f, nrows(100, 140)), [],
             "Hard negative: random 16-digit posting references; a few happen to pass Luhn with a card-brand prefix.",
             allow={"credit_card": "random 16-digit references; ~10% pass Luhn and some of those start with a card IIN"},
             category=NEG)


@col
def n_sha256():
    return C("artifacts.builds", "sha256", "char(64)", many(lambda: sha256(rs(ALNUM, 20))), [],
             "Hard negative: SHA-256 digests of build artifacts (not of personal data).", category=NEG)


@col
def n_uuid():
    return C("auth.sessions", "session_id", "uuid", many(uuid4), [], "Hard negative: random UUIDv4 values.",
             category=NEG)


@col
def n_ulid():
    def f():
        t = epoch_s() * 1000 + R.randint(0, 999)
        ts = ""
        for _ in range(10):
            t, r = divmod(t, 32)
            ts = CROCKFORD[r] + ts
        return ts + rs(CROCKFORD, 16)
    return C("events.raw", "event_ulid", "varchar", many(f), [], "Hard negative: ULIDs.", category=NEG)


@col
def n_urls():
    paths = ["/p/merino-crew-sweater", "/c/womens/running", "/checkout/cart", "/blog/how-to-choose-a-tent",
             "/search", "/help/returns", "/account/orders", "/deals/spring", "/p/usb-c-hub-7-in-1", "/s/kitchen"]
    hosts = ["https://www.example.com", "https://shop.example.net", "https://m.example.com", "https://example.org"]

    def f():
        u = pick(hosts) + pick(paths)
        if chance(0.5):
            u += f"?utm_source={pick(['google', 'newsletter', 'fb', 'tiktok'])}&utm_medium={pick(['cpc', 'email', 'social'])}&utm_campaign={pick(['spring24', 'bf_2023', 'retarget_q2'])}"
        elif chance(0.3):
            u += f"?q={pick(['tent', 'running+shoes', 'usb+c', 'rain+jacket'])}&page={R.randint(1, 9)}"
        return u
    return C("web.pageviews", "page_url", "varchar", many(f), [], "Hard negative: URLs with tracking parameters.",
             category=NEG)


@col
def n_ua():
    uas = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{m} Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_{m} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:12{m}.0) Gecko/20100101 Firefox/12{m}.0",
        "okhttp/4.{m}.0", "curl/8.{m}.1", "python-requests/2.31.0", "ExampleApp/5.{m}.2 (iOS 17.{m}; iPhone15,2)",
    ]

    def f():
        return pick(uas).replace("{v}", str(R.randint(116, 124))).replace("{m}", str(R.randint(0, 5)))
    return C("web.requests", "ua", "varchar", many(f, p_null=0.02), [],
             "Hard negative: user agent strings; Chrome's reduced versions (e.g. 120.0.0.0) are syntactically IPv4.",
             allow={"ip_address": "Chrome/NNN.0.0.0 version tokens parse as IPv4; intentional"}, category=NEG)


@col
def n_versions():
    def f():
        v = f"{R.randint(3, 7)}.{R.randint(0, 20)}.{R.randint(0, 12)}"
        if chance(0.15):
            v += pick(["-beta.1", "-rc.2", "-beta.3", "+build." + str(R.randint(100, 999))])
        return v
    return C("mobile.installs", "app_version", "varchar", many(f), [], "Hard negative: semantic versions.",
             category=NEG)


@col
def n_sku():
    def f():
        r = R.random()
        if r < 0.4:
            return f"{pick(['TSH', 'HOD', 'JKT', 'SNK', 'BAG'])}-{pick(['CRW', 'VNK', 'ZIP', 'LOW'])}-{pick(['NVY', 'BLK', 'WHT', 'OLV', 'RED'])}-{pick(['XS', 'S', 'M', 'L', 'XL'])}"
        if r < 0.7:
            return f"{R.randint(10000, 99999)}-{pick(['BLK', 'GRY', 'BLU'])}-{R.randint(5, 13)}"
        return f"SKU{R.randint(1000000, 9999999)}"
    return C("catalog.items", "sku", "varchar", many(f), [], "Hard negative: SKUs.", category=NEG)


@col
def n_latlon():
    def f():
        return f"{R.uniform(25, 49):.6f},{R.uniform(-124, -67):.6f}"
    return C("geo.stores", "latlon", "varchar", many(f), [],
             "Hard negative: store coordinates as 'lat,lon' text.", category=NEG)


@col
def n_b64():
    return C("media.thumbs", "thumb_b64", "varchar",
             many(lambda: base64.b64encode(b"\x89PNG\r\n\x1a\n" + rbytes(R.randint(40, 90))).decode(), nrows(60, 70)),
             [], "Hard negative: base64 thumbnail bytes.", category=NEG)


@col
def n_cfg_json():
    def f():
        d = {"retries": R.randint(0, 5), "timeout_ms": pick([500, 1000, 2500, 5000, 30000]),
             "pool_size": pick([4, 8, 16, 32]), "region": pick(["us-east-1", "eu-west-1", "ap-southeast-2"]),
             "feature_x": pick([True, False])}
        if chance(0.4):
            d["endpoint"] = pick(["https://api.example.com/v2", "https://queue.internal.example.net"])
        if chance(0.3):
            d["log_level"] = pick(["INFO", "WARN", "DEBUG"])
        return json.dumps(d)
    return C("svc.config_snapshots", "cfg", "json", many(f), [], "Hard negative: JSON service configs.",
             category=NEG)


@col
def n_event_json():
    evs = ["add_to_cart", "view_item", "begin_checkout", "purchase", "remove_from_cart", "search"]

    def f():
        e = pick(evs)
        d = {"event": e, "ts": epoch_s() * 1000 + R.randint(0, 999), "platform": pick(["web", "ios", "android"])}
        if e != "search":
            d["sku"] = f"SKU{R.randint(1000000, 9999999)}"
            d["qty"] = R.randint(1, 4)
            d["price"] = round(R.uniform(3, 250), 2)
            d["currency"] = pick(["USD", "EUR", "GBP"])
        else:
            d["results"] = R.randint(0, 480)
        d["session"] = uuid4()
        return json.dumps(d)
    return C("analytics.events", "payload", "json", many(f), [],
             "Hard negative: event payloads with no personal data.", category=NEG)


@col
def n_product_copy():
    a = ["Lightweight merino crew with flatlock seams for all-day comfort.",
         "A roomy 30L daypack with a padded laptop sleeve and water-resistant base.",
         "Our best-selling chef's knife, forged from high-carbon stainless steel.",
         "Stretch denim in a relaxed taper. Machine washable.",
         "Noise-cancelling over-ear headphones with up to 40 hours of battery life.",
         "Set of four stoneware bowls, dishwasher and microwave safe.",
         "This 7-in-1 USB-C hub adds HDMI, SD and three USB-A ports to any laptop.",
         "Breathable mesh upper and a responsive foam midsole built for tempo runs.",
         "Organic cotton sheets with a crisp percale weave.",
         "Compact air fryer with six presets and a nonstick basket.",
         "Insulated stainless bottle keeps drinks cold for 24 hours.",
         "Classic trench in a water-repellent cotton blend.",
         "A cordless drill/driver kit with two batteries and a fast charger.",
         "Hypoallergenic down-alternative pillow, medium support."]
    b = ["Imported.", "Available in five colours.", "Free returns within 30 days.", "Care: cold wash, line dry.",
         "Fits true to size.", "Ships in recyclable packaging.", "1-year limited warranty.", ""]

    def f():
        return (pick(a) + " " + pick(b)).strip()
    return C("catalog.products", "long_desc", "text", many(f), [],
             "Hard negative: published product copy (editorial, not free text).", category=NEG)


@col
def n_headlines():
    h = ["Central bank holds rates steady, signals cuts later this year", "Storm knocks out power to 200,000 homes",
         "Local team clinches playoff spot with late goal", "City council approves new bike lane plan",
         "Tech shares slide as chipmakers warn on demand", "Museum reopens after two-year renovation",
         "Heat wave expected to break by the weekend", "Airline adds nonstop routes to Lisbon and Porto",
         "School board delays vote on later start times", "Housing starts rise for third straight month",
         "Researchers map coral recovery after bleaching event", "Rail strike called off after late-night deal",
         "Election officials certify results in three counties", "Grocery prices ease for first time in a year",
         "Wildfire smoke prompts air quality alerts across the region", "New stadium project clears final hurdle"]
    return C("news.articles", "headline", "varchar", many(lambda: pick(h)), [],
             "Hard negative: news headlines (editorial copy).", category=NEG)


@col
def n_help():
    h = ["To reset your password, open Settings > Security and choose Reset password. A link is sent to the address on file.",
         "Returns are accepted within 30 days of delivery. Items must be unused and in original packaging.",
         "You can export your data as CSV from the Reports page. Large exports are emailed when ready.",
         "Two-factor authentication adds a second step when you sign in. We recommend using an authenticator app.",
         "If a payment fails, we retry automatically after 3 days. You can also update your payment method at any time.",
         "Shared workspaces let up to 50 members collaborate. Admins can change roles from the Members tab.",
         "## Connecting a bank account\n1. Go to Wallet.\n2. Select Add account.\n3. Follow the prompts from your bank.",
         "Delivery windows are estimates. Tracking updates may take up to 24 hours to appear.",
         "Use keyboard shortcuts to work faster: press ? anywhere to see the full list.",
         "Your plan renews automatically on the billing date shown in Subscription settings."]
    return C("help.articles", "body_md", "text", many(lambda: pick(h), nrows(60, 80)), [],
             "Hard negative: help-centre article text (editorial).", category=NEG)


@col
def n_bot_commits():
    pk = ["lodash", "axios", "requests", "urllib3", "golang.org/x/net", "serde", "react-dom", "pyyaml", "jackson-databind", "eslint"]

    def f():
        r = R.random()
        a, b, c = R.randint(1, 9), R.randint(0, 30), R.randint(0, 20)
        if r < 0.4:
            return f"chore(deps): bump {pick(pk)} from {a}.{b}.{c} to {a}.{b}.{c + 1}"
        if r < 0.6:
            return f"chore(main): release {a}.{b}.{c}"
        if r < 0.8:
            return f"Update dependency {pick(pk)} to v{a}.{b}.{c}"
        return f"Merge pull request #{R.randint(100, 9999)} from org/renovate/{pick(pk).replace('/', '-')}-{a}.x"
    return C("scm.bot_commits", "message", "varchar", many(f), [],
             "Hard negative: commit messages generated by dependency/release bots.", category=NEG)


@col
def n_alerts():
    def f():
        r = R.random()
        host = f"{pick(['db', 'api', 'web', 'kafka', 'redis'])}-prod-{R.randint(1, 40):02d}"
        if r < 0.25:
            return f"CRITICAL: disk usage {R.randint(90, 99)}% on {host} (/var/lib/data)"
        if r < 0.5:
            return f"WARNING: p99 latency {R.randint(800, 4000)}ms > 750ms for service checkout-api (5m)"
        if r < 0.7:
            return f"RESOLVED: {host} CPU above 85% for 10 minutes"
        if r < 0.85:
            return f"[FIRING:{R.randint(1, 6)}] KubePodCrashLooping payments/{pick(['worker', 'api', 'scheduler'])}-{rs('abcdef0123456789', 5)}"
        return f"Error budget burn rate {R.uniform(2, 14):.1f}x for SLO availability-{pick(['search', 'cart', 'login'])}"
    return C("ops.alerts", "summary", "varchar", many(f), [], "Hard negative: machine-generated alert text.",
             category=NEG)


@col
def n_logs():
    def f():
        ts = rand_ts().strftime("%Y-%m-%dT%H:%M:%S") + f".{R.randint(0, 999):03d}Z"
        r = R.random()
        if r < 0.3:
            return f"{ts} INFO worker-{R.randint(1, 12)} processed batch={R.randint(1000, 99999)} rows={R.randint(100, 5000)} in {R.randint(20, 2000)}ms"
        if r < 0.5:
            return f"{ts} WARN http retrying request_id={uuid4()} attempt={R.randint(2, 5)} status=503"
        if r < 0.7:
            return f"{ts} ERROR db connection pool exhausted (max={pick([20, 50, 100])}) waiting={R.randint(1, 40)}"
        if r < 0.85:
            return f"{ts} DEBUG cache miss key=sku:{R.randint(1000000, 9999999)} ttl=300"
        return f"{ts} INFO GET /api/v2/orders/{R.randint(10000, 99999)} 200 {R.randint(3, 400)}ms"
    return C("logs.app_logs", "line", "varchar", many(f), [],
             "Hard negative: application log lines without client addresses or user data.", category=NEG)


@col
def n_sql():
    q = ["SELECT user_id, email, created_at FROM users WHERE created_at >= DATE '2024-01-01'",
         "SELECT sku, SUM(qty) AS units FROM order_lines GROUP BY sku ORDER BY units DESC LIMIT 100",
         "UPDATE subscriptions SET status = 'cancelled' WHERE renew_at < now() AND auto_renew = false",
         "INSERT INTO dim_date SELECT * FROM staging.dim_date_load",
         "select count(*) from events where event_name = 'purchase' and dt = '2024-03-11'",
         "WITH x AS (SELECT account_id, max(ts) AS last_seen FROM logins GROUP BY 1) SELECT * FROM x WHERE last_seen < current_date - 90",
         "DELETE FROM tmp_sessions WHERE expires_at < now()",
         "SELECT ssn_hash, dob_year FROM kyc_features LIMIT 10",
         "CREATE TABLE IF NOT EXISTS audit.phone_changes (user_id bigint, changed_at timestamp)",
         "SELECT patient_id, COUNT(*) FROM encounters GROUP BY patient_id HAVING COUNT(*) > 3"]
    return C("bi.query_history", "query_text", "text", many(lambda: pick(q)), [],
             "Hard negative: SQL text mentioning sensitive column names but no sensitive values.", category=NEG)


@col
def n_templates():
    t = ["Hi {{first_name}}, your order {{order_id}} has shipped! Track it here: {{tracking_url}}",
         "Hello {{name}}, your appointment is confirmed for {{date}} at {{time}}.",
         "{{first_name}}, you left something in your cart 👀",
         "Your verification code is {{code}}. It expires in 10 minutes.",
         "Dear {{customer.full_name}},\n\nThank you for contacting us. Ticket {{ticket_id}} has been created.",
         "Reminder: your {{plan_name}} plan renews on {{renewal_date}}.",
         "%s, your payment of %s was received.",
         "Hi ${firstName}, we miss you! Here's {{discount}}% off your next order."]
    return C("mkt.templates", "body", "text", many(lambda: pick(t), nrows(60, 70)), [],
             "Hard negative: message templates with placeholders.", category=NEG)


@col
def n_status():
    return C("oms.shipments", "status", "varchar",
             many(lambda: pick(["PENDING", "LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "EXCEPTION", "RETURNED"])),
             [], "Hard negative: status enum.", category=NEG)


@col
def n_zip5():
    return C("geo.addresses", "zip5", "varchar", many(lambda: f"{R.randint(501, 99950):05d}", p_null=0.04), [],
             "Hard negative: 5-digit ZIP codes (some with leading zeros).", category=NEG)


@col
def n_zip4():
    return C("geo.addresses", "zip_plus4", "varchar", many(lambda: f"{R.randint(1001, 99950):05d}-{R.randint(1, 9999):04d}"),
             [], "Hard negative: ZIP+4 codes.", category=NEG)


@col
def n_invoice():
    return C("ap.invoices", "invoice_no", "varchar", many(lambda: f"{R.randint(100, 999)}-{R.randint(100000, 999999)}"),
             [], "Hard negative: invoice numbers shaped like 123-456789.", category=NEG)


@col
def n_partno():
    def f():
        while True:
            r = R.random()
            if r < 0.5:
                v = f"{R.randint(0, 199):03d}-{R.randint(100, 999)}-{R.randint(0, 9999):04d}"
            elif r < 0.8:
                v = f"{R.randint(10, 99)}-{R.randint(1000, 9999)}-{R.randint(100, 999)}"
            else:
                v = f"{R.randint(0, 1)}{rdigits(9)}"
            if not phone_valid(v):
                return v
    return C("mfg.parts", "part_no", "varchar", many(f), [],
             "Hard negative: part numbers in phone-like dash groups (none dialable).", category=NEG)


@col
def n_founded():
    return C("crm.companies", "founded_on", "date", many(lambda: rand_date(1948, 2004).isoformat(), p_null=0.1), [],
             "Hard negative: company founding dates in the same range as birth dates.", category=NEG)


@col
def n_has_medical():
    return C("benefits.enrollment", "has_medical_plan", "boolean", many(lambda: pick(["true", "false", "true"])), [],
             "Hard negative: sensitive-sounding name, boolean flag.", category=NEG)


@col
def n_review_count():
    return C("shop.products", "review_count", "integer", many(lambda: str(int(R.expovariate(1 / 40)))), [],
             "Hard negative: sensitive-sounding name, counts.", category=NEG)


@col
def n_chat_enabled():
    return C("social.settings", "chat_enabled", "boolean", many(lambda: pick(["true", "false"])), [],
             "Hard negative: sensitive-sounding name, boolean flag.", category=NEG)


@col
def n_ssn_verified_at():
    return C("kyc.checks", "ssn_last_verified_at", "timestamp",
             many(lambda: rand_ts().strftime("%Y-%m-%d %H:%M:%S"), p_null=0.2), [],
             "Hard negative: sensitive-sounding name, verification timestamps.", category=NEG)


@col
def n_tax_rate():
    return C("pos.sales", "tax_rate", "decimal(6,4)",
             many(lambda: pick(["0.0000", "0.0625", "0.0725", "0.0825", "0.0888", "0.0950", "0.1025", "0.0600"])), [],
             "Hard negative: sales tax rates are not personal tax information.", category=NEG)


@col
def n_card_brand():
    return C("payments.cards", "card_brand", "varchar",
             many(lambda: pick(["VISA", "MASTERCARD", "AMEX", "DISCOVER", "JCB", "UNIONPAY"])), [],
             "Hard negative: card brand names, not card numbers.", category=NEG)


@col
def n_card_exp():
    return C("payments.cards", "exp", "varchar", many(lambda: f"{R.randint(1, 12):02d}/{R.randint(24, 31)}"), [],
             "Hard negative: card expiry MM/YY without the card number.", category=NEG)


@col
def n_mac():
    return C("iot.devices", "mac", "varchar", many(lambda: ":".join(f"{R.getrandbits(8):02x}" for _ in range(6))), [],
             "Hard negative: MAC addresses (colon-separated hex, not IPv6).", category=NEG)


@col
def n_fw_version():
    def f():
        return f"{R.randint(1, 4)}.{R.randint(0, 12)}.{R.randint(0, 30)}.{R.randint(0, 200)}"
    return C("iot.devices", "fw", "varchar", many(f), [],
             "Hard negative: four-part firmware versions; every value also parses as an IPv4 address.",
             allow={"ip_address": "four-part version numbers are syntactically valid IPv4; intentional"}, category=NEG)


@col
def n_season():
    return C("gaming.season_stats", "ssn", "smallint", many(lambda: str(R.randint(1, 14))), [],
             "Hard negative: 'ssn' means season number here.", category=NEG)


@col
def n_dob_booking():
    return C("travel.bookings", "dob", "date", many(lambda: rand_date(2023, 2024).isoformat()), [],
             "Hard negative: 'dob' is date of booking in this source (recent dates).",
             comment="Date of booking (UTC), legacy name from the GDS feed", category=NEG)


@col
def n_ip_flag():
    return C("ops.jobs", "ip", "boolean", many(lambda: pick(["true", "false", "false"])), [],
             "Hard negative: 'ip' = in-progress flag.", category=NEG)


@col
def n_tracking():
    def f():
        r = R.random()
        if r < 0.4:
            return "1Z" + rs(UPPER + DIGITS, 6) + rdigits(10)
        if r < 0.7:
            return rdigits(12)
        return pick(["9400", "9205", "9361"]) + rdigits(18)
    return C("ship.tracking", "tracking_no", "varchar", many(f), [],
             "Hard negative: carrier tracking numbers (UPS, FedEx, USPS).", category=NEG)


VIN_MAP = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
           "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


@col
def n_vin():
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"

    def f():
        v = list(pick(["1HG", "1FT", "5YJ", "WBA", "JTD", "3VW", "KMH"]) + rs(chars, 14))
        s = sum(VIN_MAP[c] * w for c, w in zip(v, VIN_W)) % 11
        v[8] = "X" if s == 10 else str(s)
        return "".join(v)
    return C("fleet.vehicles", "vin", "char(17)", many(f), [], "Hard negative: VINs with valid check digit.",
             category=NEG)


@col
def n_imei():
    def f():
        body = pick(["35", "86", "01", "35"]) + rdigits(12)
        return body + luhn.calc_check_digit(body)
    return C("telco.devices", "imei", "varchar", many(f), [],
             "Hard negative: IMEIs are Luhn-valid by design but are not card numbers (15 digits, no card IIN).",
             category=NEG)


@col
def n_stack():
    t = ["Traceback (most recent call last):\n  File \"/app/worker.py\", line {l}, in run\n    result = handler(msg)\n  File \"/app/handlers/orders.py\", line {l2}, in handle\n    total = sum(i['price'] for i in items)\nKeyError: 'price'",
         "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null\n\tat com.example.billing.InvoiceFormatter.format(InvoiceFormatter.java:{l})\n\tat com.example.billing.InvoiceService.render(InvoiceService.java:{l2})",
         "TypeError: Cannot read properties of undefined (reading 'map')\n    at CartList (webpack-internal:///./src/CartList.tsx:{l}:23)",
         "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.parse(...)\n\t/src/cmd/ingest/main.go:{l} +0x1d8",
         "psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"orders_pkey\"\nDETAIL:  Key (id)=({id}) already exists."]

    def f():
        return pick(t).replace("{l}", str(R.randint(10, 400))).replace("{l2}", str(R.randint(10, 400))).replace("{id}", str(R.randint(10000, 999999)))
    return C("it.errors", "stack_trace", "text", many(f, nrows(60, 80)), [], "Hard negative: stack traces.",
             category=NEG)


GAMERTAGS = ["xXsn1perXx", "NoScopeNacho", "pixel_pirate", "LagLord99", "quietstorm", "tofu_tank", "GG_EZ_bro",
             "frostbyte", "captain_crit", "mossyrock", "bananaslug42", "zer0cool", "turbo_turtle", "ninjacat_7",
             "DrPepperoni", "voidwalker", "clutchgod", "sleepy_sloth", "H3adsh0t", "BrickWall", "kaiju_kid",
             "salt_mine", "rngesus", "Overclocked", "meme_machine", "n00bslayer", "WaffleIron", "lucky_duck"]


@col
def n_gamertag():
    return C("gaming.players", "gamertag", "varchar", many(lambda: pick(GAMERTAGS) + (str(R.randint(1, 999)) if chance(0.4) else "")),
             [], "Hard negative: gamer handles are usernames, not people's names.", category=NEG)


@col
def n_merchant_names():
    m = ["Smith & Sons Plumbing", "Johnson Family Dental", "Garcia's Taqueria", "Wang Brothers Trading Co.",
         "Patel Pharmacy", "Murphy's Pub", "Walker Hardware", "Nguyen Nail Spa", "King's Bakery", "Dr. Martens",
         "Morgan Stanley", "Wells Fargo", "Ben & Jerry's", "Trader Joe's", "Ford Motor Company", "Baker Street Books",
         "Thompson Auto Repair", "Kowalski Deli", "Ramirez Landscaping LLC", "Hill Country BBQ"]
    return C("crm.merchants", "merchant_name", "varchar", many(lambda: pick(m)), [],
             "Hard negative: business names that contain surnames.", category=NEG)


@col
def n_city():
    c = ["Washington", "Lincoln", "Jackson", "Madison", "Austin", "Charlotte", "Florence", "Georgetown", "Franklin",
         "Clinton", "Houston", "Eugene", "Tyler", "Marion", "Santa Clara", "St. Louis", "Victoria", "Adelaide"]
    return C("geo.places", "city", "varchar", many(lambda: pick(c)), [],
             "Hard negative: place names that are also personal names.", category=NEG)


@col
def n_specialty():
    s = ["Cardiology", "Family Medicine", "Dermatology", "Psychiatry", "Oncology", "Pediatrics", "Orthopedic Surgery",
         "Obstetrics & Gynecology", "Endocrinology", "Nephrology", "Emergency Medicine", "Physical Therapy"]
    return C("provider.directory", "specialty", "varchar", many(lambda: pick(s)), [],
             "Hard negative: provider specialties; says nothing about a patient.", category=NEG)


@col
def n_icd_chapters():
    ch = ["Certain infectious and parasitic diseases", "Neoplasms", "Endocrine, nutritional and metabolic diseases",
          "Mental, Behavioral and Neurodevelopmental disorders", "Diseases of the nervous system",
          "Diseases of the circulatory system", "Diseases of the respiratory system", "Diseases of the digestive system",
          "Diseases of the musculoskeletal system and connective tissue", "Pregnancy, childbirth and the puerperium",
          "Injury, poisoning and certain other consequences of external causes",
          "Factors influencing health status and contact with health services"]
    return C("ref.icd_chapters", "title", "varchar", [ch[i % len(ch)] for i in range(60)], [],
             "Hard negative: reference-data chapter titles, not about any person.", category=NEG)


@col
def n_monographs():
    m = ["Metformin is a biguanide that lowers hepatic glucose production. Common adverse effects include GI upset.",
         "Lisinopril is an ACE inhibitor used for hypertension and heart failure. Monitor potassium and renal function.",
         "Atorvastatin inhibits HMG-CoA reductase. Report unexplained muscle pain.",
         "Amoxicillin is a penicillin-class antibiotic. Contraindicated in patients with penicillin allergy.",
         "Sertraline is a selective serotonin reuptake inhibitor. Full effect may take several weeks.",
         "Levothyroxine is a synthetic thyroid hormone. Take on an empty stomach.",
         "Albuterol is a short-acting beta agonist used for acute bronchospasm.",
         "Omeprazole is a proton pump inhibitor for GERD and ulcer disease."]
    return C("pharma.drug_monographs", "summary", "text", many(lambda: pick(m), nrows(60, 70)), [],
             "Hard negative: published drug reference text, not about a patient.", category=NEG)


@col
def n_tax_form_lines():
    t = ["Enter the amount from Schedule 1, line 10.", "Add lines 1z, 2b, 3b, 4b, 5b, 6b, 7, and 8.",
         "If you checked the box on line 12, see instructions.", "Subtract line 14 from line 11. If zero or less, enter -0-.",
         "Attach Form W-2 here. Also attach Forms W-2G and 1099-R if tax was withheld.",
         "Qualified business income deduction from Form 8995 or 8995-A.", "Standard deduction or itemized deductions (from Schedule A).",
         "Enter the smaller of line 5 or line 6."]
    return C("tax_ref.form_lines", "instruction", "varchar", many(lambda: pick(t)), [],
             "Hard negative: generic tax-form instructions, nobody's tax information.", category=NEG)


@col
def n_plan_names():
    return C("benefits.plans", "plan_name", "varchar",
             many(lambda: pick(["Aetna Choice POS II 1500", "BlueCross PPO 500", "Kaiser HMO 20", "UHC HDHP 3000 + HSA",
                                "Delta Dental PPO", "VSP Vision Choice", "Cigna OAP 1000", "Waive coverage"])), [],
             "Hard negative: benefit plan catalogue names.", category=NEG)


@col
def n_review_state():
    return C("scm.pull_requests", "review_state", "varchar",
             many(lambda: pick(["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"])), [],
             "Hard negative: code review states are not performance reviews.", category=NEG)


@col
def n_star_rating():
    return C("shop.reviews", "star_rating", "smallint", many(lambda: str(R.choices([1, 2, 3, 4, 5], [1, 1, 2, 4, 7])[0])),
             [], "Hard negative: product star ratings, not employee ratings.", category=NEG)


@col
def n_kbd_layout():
    return C("devices.inputs", "kbd_layout", "varchar",
             many(lambda: pick(["en-US", "en-GB", "de-DE", "fr-FR-azerty", "es-ES", "ja-JP", "pt-BR-abnt2", "en-US-dvorak"])),
             [], "Hard negative: keyboard layout ids, not keystrokes.", category=NEG)


@col
def n_resolution():
    return C("devices.display", "resolution", "varchar",
             many(lambda: pick(["1920x1080", "2560x1440", "1366x768", "3840x2160", "1440x900", "2880x1800", "390x844"])),
             [], "Hard negative: screen resolutions, not screen content.", category=NEG)


@col
def n_mouse_dpi():
    return C("devices.peripherals", "mouse_dpi", "integer", many(lambda: str(pick([400, 800, 1200, 1600, 3200, 6400]))),
             [], "Hard negative: mouse DPI setting, not telemetry.", category=NEG)


@col
def n_typing_wpm():
    return C("edu.typing_tests", "wpm", "double", many(lambda: f"{R.gauss(52, 14):.1f}"), [],
             "Hard negative: words-per-minute scores; no key events.", category=NEG)


@col
def n_arn():
    def f():
        acct = rdigits(12)
        return f"arn:aws:iam::{acct}:role/{pick(['etl-reader', 'ci-deployer', 'lambda-exec', 'analytics-ro'])}"
    return C("cloud.iam_roles", "role_arn", "varchar", many(f), [],
             "Hard negative: IAM role ARNs with account ids, no access keys.", category=NEG)


@col
def n_git_sha():
    return C("scm.commits", "sha", "char(40)", many(lambda: rs(HEX, 40)), [], "Hard negative: git commit SHAs.",
             category=NEG)


@col
def n_pubkeys():
    def f():
        if chance(0.5):
            return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + base64.b64encode(rbytes(32)).decode().rstrip("=") + f" ci@build-runner-{R.randint(1, 20)}"
        if chance(0.5):
            return _pem("PUBLIC KEY", bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d03010703420004") + rbytes(64))
        return _pem("CERTIFICATE", bytes.fromhex("308201") + rbytes(300))
    return C("pki.keys", "material", "text", many(f, nrows(60, 70)), [],
             "Hard negative: SSH public keys, PEM public keys and certificates; no private keys.", category=NEG)


@col
def n_jwks():
    def f():
        return json.dumps({"keys": [{"kty": "RSA", "kid": rs(HEX, 16), "use": "sig", "alg": "RS256", "e": "AQAB",
                                     "n": b64url(rbytes(128))}]})
    return C("auth.jwks_cache", "jwks", "json", many(f, nrows(60, 70)), [],
             "Hard negative: JWKS public key sets (base64url, but not JWTs).", category=NEG)


@col
def n_slack_ids():
    return C("collab.channels", "channel_id", "varchar", many(lambda: pick("CGD") + rs(UPPER + DIGITS, R.randint(8, 10))),
             [], "Hard negative: Slack channel ids, not tokens.", category=NEG)


@col
def n_taxonomy():
    return C("provider.taxonomy", "code", "char(10)",
             many(lambda: pick(["207Q00000X", "207R00000X", "208D00000X", "363L00000X", "2084P0800X", "261QP2300X", "225100000X"])),
             [], "Hard negative: provider taxonomy codes (10 chars, not NPIs).", category=NEG)


@col
def n_dea_schedule():
    return C("rx.catalog", "dea_schedule", "varchar", many(lambda: pick(["CII", "CIII", "CIV", "CV", "N/A", "C-II"])), [],
             "Hard negative: controlled-substance schedules, not DEA numbers.", category=NEG)


@col
def n_ndc():
    def f():
        while True:
            v = f"{R.randint(0, 99999):05d}-{R.randint(0, 9999):04d}-{R.randint(0, 99):02d}" if chance(0.5) else f"{R.randint(0, 9999):04d}-{R.randint(0, 9999):04d}-{R.randint(0, 99):02d}"
            if not phone_valid(v):
                return v
    return C("rx.catalog", "ndc", "varchar", many(f), [], "Hard negative: National Drug Codes.", category=NEG)


@col
def n_bic():
    return C("ref.banks", "swift_bic", "varchar",
             many(lambda: pick(["DEUTDEFF", "BNPAFRPP", "NWBKGB2L", "INGBNL2A", "CHASUS33", "BOFAUS3N", "COBADEFFXXX", "UBSWCHZH80A"])),
             [], "Hard negative: BIC codes identify banks, not accounts.", category=NEG)


@col
def n_duns():
    return C("vendors.master", "duns", "varchar", many(lambda: rdigits(9)), [],
             "Hard negative: D-U-N-S numbers (9 digits) — structurally indistinguishable from bare SSNs/EINs.",
             allow={"bare9": "D-U-N-S numbers are 9 digits; intentional"}, category=NEG)


@col
def n_po():
    return C("ap.purchase_orders", "po_number", "varchar", many(lambda: f"PO-{R.randint(2019, 2024)}-{R.randint(1, 999999):06d}"),
             [], "Hard negative: purchase order numbers.", category=NEG)


@col
def n_email_domain():
    return C("mkt.email_domains", "domain", "varchar",
             many(lambda: pick(["example.com", "example.org", "contoso.com", "fabrikam.com", "gmail.com", "outlook.com", "yahoo.co.jp"])),
             [], "Hard negative: email domains without local parts.", category=NEG)


@col
def n_job_postings():
    p = ["We are looking for a Senior Backend Engineer to join our Payments team. You will design and operate high-throughput services. Requirements: 5+ years of experience with Go or Java.",
         "Our warehouse in Reno is hiring Associates for all shifts. Responsibilities include picking, packing and loading. Must be able to lift 50 lbs.",
         "As a Customer Success Manager you will own a portfolio of mid-market accounts and drive adoption. Competitive salary and equity.",
         "The Data Analyst will build dashboards, define metrics and partner with product managers. SQL and Python required.",
         "Join our nursing team! Full-time RN positions available in the cardiac step-down unit. Sign-on bonus available."]
    return C("recruiting.postings", "description", "text", many(lambda: pick(p), nrows(60, 70)), [],
             "Hard negative: published job postings (editorial copy).", category=NEG)


@col
def n_street():
    def f():
        return f"{R.randint(1, 9999)} {pick(['Main', 'Oak', 'Maple', 'Cedar', 'Elm', 'Pine', 'Lake', 'Hill', 'Park'])} {pick(['St', 'Ave', 'Blvd', 'Rd', 'Dr', 'Ln'])}" + (f" Apt {R.randint(1, 40)}" if chance(0.2) else "")
    return C("crm.addresses", "line1", "varchar", many(f), [],
             "Hard negative (by scheme): street addresses are not one of the classes.", category=NEG)


@col
def n_age():
    return C("crm.contacts", "age", "smallint", many(lambda: str(R.randint(18, 88)), p_null=0.1), [],
             "Hard negative: age in years, not a date of birth.", category=NEG)


@col
def n_push_rendered():
    def f():
        r = R.random()
        if r < 0.3:
            return f"Your driver {pick(FIRST['us'] + FIRST['es'])} is {R.randint(2, 9)} minutes away"
        if r < 0.55:
            return f"Your order #{R.randint(10000, 99999)} has shipped"
        if r < 0.75:
            return f"Price drop! An item in your wishlist is now {R.randint(10, 40)}% off"
        return f"Your table for {R.randint(2, 6)} is confirmed for {R.randint(5, 9)}:{pick(['00', '15', '30', '45'])} PM"
    return C("notif.push_log", "rendered_text", "varchar", many(f), [],
             "Hard negative: rendered push notifications (machine text, a first name appears in some but values are not names).",
             category=NEG)


@col
def n_system_events():
    def f():
        u = f"user_{R.randint(1000, 99999)}"
        return pick([f"{u} joined the channel", f"{u} left the chat", "Message deleted", "This conversation is end-to-end encrypted",
                     f"{u} changed the group name", "Missed voice call", f"{u} pinned a message", "Call ended · 4:12"])
    return C("chat.system_events", "event_text", "varchar", many(f), [],
             "Hard negative: system messages in a chat product (machine-generated, no conversation).", category=NEG)


@col
def n_empty_neutral():
    return C("staging.tmp_load", "col_12", "varchar", [None] * 80, [],
             "Hard negative: an all-null scratch column.", protection="empty", category=NEG)


@col
def n_ocr_conf():
    return C("docs.ocr_pages", "ocr_confidence", "double", many(lambda: repr(round(R.uniform(0.55, 0.999), 4))), [],
             "Hard negative: OCR confidence scores; no captured text.", category=NEG)


@col
def n_crc():
    return C("db.schema_migrations", "checksum", "bigint", many(lambda: str(R.randint(-2 ** 31, 2 ** 31 - 1))), [],
             "Hard negative: signed CRC32 checksums (9-10 digit integers, some SSN-shaped, NPI-valid or NANP-dialable by chance).",
             allow={"bare9": "9-digit checksums are SSN/EIN-shaped; intentional",
                    "us_npi": "10-digit values beginning 1/2 pass the NPI check about one time in ten",
                    "phone_number": "10-digit values beginning 2-9 can be valid NANP numbers"}, category=NEG)

# ======================================================================
# STRUCTURED IDENTIFIER COLUMNS
# ======================================================================
STRUCT = "structured"
D9 = lambda s: re.sub(r"\D", "", s)


def chk_ssn(s):
    return std_ssn.is_valid(D9(s).zfill(9)) and not std_itin.is_valid(D9(s).zfill(9))


def chk_itin(s):
    return std_itin.is_valid(D9(s))


def chk_ein(s):
    return std_ein.is_valid(D9(s).zfill(9))


def chk_card(s):
    return card_valid(D9(s))


def chk_iban(s):
    return std_iban.is_valid(s)


def chk_rtn(s):
    return std_rtn.is_valid(D9(s)) and int(D9(s)[:2]) in RTN_PREFIXES


def chk_email(s):
    return bool(EMAIL_RE.fullmatch(s.strip()))


def chk_npi(s):
    return npi_valid(s)


def chk_icd(s):
    return s in ICD10 or s in ICD_NODOT


@col
def s_ssn_dash():
    return C("hr.employees", "ssn", "varchar", many(lambda: fmt_ssn(gen_ssn()), p_null=0.03), ["us_ssn"],
             "SSNs, dashed.", check=(("us_ssn",), chk_ssn), category=STRUCT)


@col
def s_ssn_bigint():
    vals = many(lambda: str(int(gen_ssn())), nrows(90, 130), p_null=0.05)
    return C("benefits.dependents", "c4", "bigint", vals, ["us_ssn"],
             "SSNs stored as bigint: no separators and leading zeros lost for areas 001-099 (8-digit values).",
             check=(("us_ssn",), chk_ssn), category=STRUCT)


@col
def s_ssn_space():
    return C("claims.member_xref", "tin_nbr", "varchar", many(lambda: fmt_ssn(gen_ssn(), "space")), ["us_ssn"],
             "SSNs separated by spaces.", check=(("us_ssn",), chk_ssn),
             comment="Member TIN as received from payer 834 file", category=STRUCT)


@col
def s_ssn_dot():
    return C("legacy.cust_master", "fld_ss", "varchar", many(lambda: fmt_ssn(gen_ssn(), pick(["dot", "dot", "bare"])), p_null=0.1),
             ["us_ssn"], "SSNs, dotted or bare, in a legacy mainframe extract.", check=(("us_ssn",), chk_ssn),
             category=STRUCT)


@col
def s_tin_mixed():
    def f():
        return fmt_ssn(gen_itin() if chance(0.3) else gen_ssn())
    return C("taxsvc.filers", "tin", "char(11)", many(f, nrows(100, 140)), ["us_itin", "us_ssn"],
             "Taxpayer ids: mostly SSNs, about 30% ITINs, all dashed.",
             check=(("us_itin", "us_ssn"), lambda s: chk_ssn(s) or chk_itin(s)), category=STRUCT)


@col
def s_itin():
    def f():
        v = gen_itin()
        return fmt_ssn(v) if chance(0.8) else v
    return C("payroll.contractors", "itin", "varchar", many(f, p_null=0.05), ["us_itin"], "ITINs, dashed or bare.",
             check=(("us_itin",), chk_itin), category=STRUCT)


@col
def s_ein():
    return C("ap.vendors", "fed_tax_id", "varchar", many(lambda: fmt_ein(gen_ein()), p_null=0.05), ["us_ein"],
             "EINs in XX-XXXXXXX form.", check=(("us_ein",), chk_ein), category=STRUCT)


@col
def s_ein_bigint():
    return C("lending.biz_applicants", "ein_nbr", "bigint", many(lambda: str(int(gen_ein()))), ["us_ein"],
             "EINs as bigint (prefixes 01-06 lose their leading zero).", check=(("us_ein",), chk_ein), category=STRUCT)


@col
def s_card_mixed():
    def f():
        v = gen_card()
        st = pick(["dash", "bare", "bare", "space"])
        return fmt_card(v, "-") if st == "dash" else (fmt_card(v, " ") if st == "space" else v)
    return C("orders.checkout_raw", "cc_num", "varchar", many(f, nrows(100, 150), p_null=0.05), ["credit_card"],
             "Card numbers in mixed formats (dashed, bare, spaced).", check=(("credit_card",), chk_card),
             category=STRUCT)


@col
def s_card_bare():
    return C("pos.offline_txn", "col_3", "varchar", many(lambda: gen_card()), ["credit_card"],
             "Bare card numbers under a neutral name, including 14-digit Diners, 15-digit Amex and 19-digit cards.",
             check=(("credit_card",), chk_card), category=STRUCT)


@col
def s_iban_spaced():
    return C("treasury.payees", "iban", "varchar", many(lambda: fmt_iban(gen_iban(), True)), ["iban"],
             "IBANs from many countries, grouped by four.", check=(("iban",), chk_iban), category=STRUCT)


@col
def s_iban_compact():
    return C("payouts.eu_sellers", "acct", "varchar", many(lambda: fmt_iban(gen_iban(pick(["DE", "FR", "NL", "ES", "IT", "BE", "AT", "PL", "IE", "PT"])), False), p_null=0.05),
             ["iban"], "Compact IBANs under a neutral name.", check=(("iban",), chk_iban), category=STRUCT)


@col
def s_rtn():
    return C("ach.originations", "rdfi_rtn", "char(9)", many(gen_rtn), ["us_bank_routing"], "ABA routing numbers.",
             check=(("us_bank_routing",), chk_rtn), category=STRUCT)


@col
def s_rtn2():
    return C("payroll.direct_deposit", "c_bank", "varchar", many(gen_rtn, p_null=0.15), ["us_bank_routing"],
             "ABA routing numbers under a neutral name, with nulls.", check=(("us_bank_routing",), chk_rtn),
             comment="bank id (9)", category=STRUCT)


@col
def s_email():
    return C("crm.contacts", "email_addr", "varchar", many(gen_email, nrows(100, 150), p_null=0.04), ["email"],
             "Email addresses: mixed case, plus addressing, subdomains.", check=(("email",), chk_email),
             category=STRUCT)


@col
def s_from_hdr():
    def f():
        c = culture()
        fn, ln = pick(FIRST[c]), pick(LAST[c])
        e = gen_email(fn, ln)
        r = R.random()
        if r < 0.5:
            return f"{fn} {ln} <{e}>"
        if r < 0.7:
            return f"\"{ln}, {fn}\" <{e}>"
        return e
    return C("mail.headers", "from_hdr", "varchar", many(f), ["email", "person_name"],
             "From headers: display name plus address, or bare address.", category=STRUCT)


@col
def s_login():
    def f():
        if chance(0.65):
            return gen_email()
        return pick(GAMERTAGS).lower() + str(R.randint(1, 99))
    return C("auth.users", "login", "varchar", many(f), ["email"],
             "Logins: about two thirds are email addresses, the rest handles.", category=STRUCT)


@col
def s_msisdn():
    def f():
        reg = pick(["US", "US", "GB", "DE", "IN", "BR", "MX", "NG", "PH", "FR", "JP", "ZA"])
        return fmt_phone(gen_intl_phone(reg), "e164")
    return C("telco.subscribers", "msisdn", "varchar", many(f), ["phone_number"], "Phone numbers in E.164.",
             check=(("phone_number",), lambda s: phone_valid(s)), category=STRUCT)


@col
def s_telefone():
    def f():
        reg = pick(PHONE_REGIONS)
        n = gen_intl_phone(reg)
        v = fmt_phone(n, pick(["intl", "intl", "natl"]))
        if chance(0.15):
            v += pick([" ext. ", " x", " ext "]) + str(R.randint(10, 9999))
        return v
    vals = many(f, nrows(100, 140), p_null=0.05)
    return C("crm_intl.kontakte", "telefone", "varchar", vals, ["phone_number"],
             "Phone numbers from 21 countries (no US) in international or national format, some with extensions.",
             check=(("phone_number",), lambda s: any(phone_valid(s, r) for r in ["US"] + PHONE_REGIONS)),
             category=STRUCT)


@col
def s_us_phone():
    def f():
        n = gen_us_phone()
        return fmt_phone(n, pick(["natl", "natl", "dots", "dashes", "plus1dash", "bare", "one"]))
    return C("dispatch.jobs", "cb_num", "varchar", many(f, p_null=0.05), ["phone_number"],
             "US callback numbers in many formats (bare 10 digits included).",
             check=(("phone_number",), lambda s: phone_valid(s)),
             allow={"us_npi": "bare 10-digit numbers beginning with 2 pass the NPI check about one time in ten"},
             category=STRUCT)


@col
def s_ipv4_port():
    def f():
        ip = gen_ipv4()
        return f"{ip}:{R.randint(1024, 65535)}" if chance(0.4) else ip
    return C("web.access_log", "client_ip", "varchar", many(f, nrows(100, 150)), ["ip_address"],
             "IPv4 (documentation and private ranges), some with ports.", check=(("ip_address",), ip_valid),
             category=STRUCT)


@col
def s_ipv6():
    def f():
        ip = gen_ipv6()
        r = R.random()
        if r < 0.25:
            return f"[{ip}]:{pick([443, 8080, 8443, 51820])}"
        if r < 0.35:
            return gen_ipv4()
        return ip
    return C("net.flows", "src_addr", "varchar", many(f), ["ip_address"],
             "Mostly IPv6 (compressed, expanded, bracketed with port) plus some IPv4.", check=(("ip_address",), ip_valid),
             category=STRUCT)


@col
def s_cidr():
    def f():
        if chance(0.6):
            ip = ipaddress.ip_network(f"{gen_ipv4()}/{pick([16, 20, 24, 28, 32])}", strict=False)
        else:
            ip = ipaddress.ip_network(f"{gen_ipv6('doc')}/{pick([32, 48, 56, 64])}", strict=False)
        return str(ip)
    return C("sec.allowlist", "cidr", "varchar", many(f), ["ip_address"], "CIDR blocks, IPv4 and IPv6.",
             check=(("ip_address",), ip_valid), category=STRUCT)


@col
def s_xff():
    def f():
        k = R.randint(1, 3)
        return ", ".join(gen_ipv4("doc" if i == 0 else pick(["p10", "p172"])) for i in range(k))
    return C("edge.requests", "xff", "varchar", many(f), ["ip_address"],
             "X-Forwarded-For chains of one to three IPv4 addresses.",
             check=(("ip_address",), lambda s: all(ip_valid(x) for x in s.split(", "))), category=STRUCT)


@col
def s_npi():
    return C("provider.roster", "npi", "bigint", many(gen_npi), ["us_npi"], "NPIs (10 digits, valid check digit).",
             check=(("us_npi",), chk_npi),
             allow={"phone_number": "NPIs beginning with 2 can also be dialable US numbers"}, category=STRUCT)


@col
def s_dea():
    return C("rx.prescribers", "dea_no", "char(9)", many(gen_dea, p_null=0.05), ["us_dea"],
             "DEA registration numbers with valid check digit.", check=(("us_dea",), dea_valid), category=STRUCT)


@col
def s_icd_dot():
    return C("claims.lines", "dx1", "varchar", many(lambda: gen_icd(True), nrows(100, 150)), ["icd10_code"],
             "ICD-10-CM codes with dots.", check=(("icd10_code",), chk_icd), category=STRUCT)


@col
def s_icd_nodot():
    return C("claims.edi837_raw", "hi_02", "varchar", many(lambda: gen_icd(False), p_null=0.2), ["icd10_code"],
             "ICD-10-CM codes without dots (as in X12 837).", check=(("icd10_code",), chk_icd), category=STRUCT)


@col
def s_icd_list():
    def f():
        return "[" + ", ".join(R.sample(ICD_CODES, R.randint(1, 4))) + "]"
    return C("ehr.problem_list", "codes", "varchar[]", many(f), ["icd10_code"], "Lists of ICD-10 codes (DuckDB list type).",
             check=(("icd10_code",), lambda s: all(chk_icd(x) for x in s.strip("[]").split(", "))), category=STRUCT)


@col
def s_names_lastfirst():
    def f():
        c = culture()
        fn, ln = pick(FIRST[c]), pick(LAST[c])
        v = f"{ln.upper()}, {fn.upper()}"
        if chance(0.3):
            v += " " + pick(UPPER)
        return v
    return C("policy.insureds", "insured_nm", "varchar", many(f), ["person_name"], "Names as 'LAST, FIRST M'.",
             category=STRUCT)


@col
def s_names_full():
    return C("crm.leads", "nombre_completo", "varchar", many(full_name, nrows(80, 120), p_null=0.03), ["person_name"],
             "Full names across cultures, Spanish column name.", category=STRUCT)


@col
def s_fname():
    return C("loyalty.members", "fname", "varchar", many(lambda: first_name()), ["person_name"],
             "Given names only.", category=STRUCT)


@col
def s_names_local():
    n = ["王伟", "李娜", "张敏", "刘洋", "陈静", "田中 翔太", "佐藤 美咲", "鈴木 一郎", "高橋 陽菜", "김민준", "이서연",
         "박지훈", "최수아", "Дмитрий Иванов", "Ольга Петрова", "Сергей Смирнов", "محمد علي", "فاطمة حسن",
         "Nguyễn Văn An", "Trần Thị Mai", "Αλέξανδρος Παπαδόπουλος", "Μαρία Γεωργίου", "דוד כהן", "Zoë Ångström"]
    return C("apac.customers", "name_local", "varchar", many(lambda: pick(n)), ["person_name"],
             "Names in native scripts (Chinese, Japanese, Korean, Cyrillic, Arabic, Greek, Hebrew, Vietnamese).",
             category=STRUCT)


@col
def s_display_name():
    def f():
        if chance(0.8):
            c = culture()
            fn, ln = pick(FIRST[c]), pick(LAST[c])
            return pick([f"{fn} {ln}", f"{fn} {ln[0]}.", f"{fn}", f"{fn} {ln}"])
        return pick(GAMERTAGS)
    return C("social.users", "display_name", "varchar", many(f), ["person_name"],
             "Display names: ~80% real names (full, first + initial, first only), the rest handles.", category=STRUCT)


def gen_dob():
    return rand_date(1938, 2006)


@col
def s_dob_date():
    return C("hr.employees", "birth_dt", "date", many(lambda: gen_dob().isoformat(), p_null=0.02), ["date_of_birth"],
             "Dates of birth, DATE type.", category=STRUCT)


@col
def s_dob_us():
    return C("kyc.applicants", "dob", "varchar", many(lambda: gen_dob().strftime("%m/%d/%Y")), ["date_of_birth"],
             "Dates of birth as MM/DD/YYYY text.", category=STRUCT)


@col
def s_dob_de():
    return C("de_kunden.stamm", "gebdat", "varchar", many(lambda: gen_dob().strftime("%d.%m.%Y"), p_null=0.05),
             ["date_of_birth"], "Dates of birth as DD.MM.YYYY under a German abbreviation.", category=STRUCT)


@col
def s_dob_int():
    return C("ins.members", "mbr_bd", "integer", many(lambda: gen_dob().strftime("%Y%m%d")), ["date_of_birth"],
             "Dates of birth as yyyymmdd integers.", comment="member birth date (CCYYMMDD)", category=STRUCT)


AWS_RE = re.compile(r"\b(?:AKIA|ASIA)[A-Z2-7]{16}\b")
GH_RE = re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b")
SLACK_RE = re.compile(r"\bxox[bp]-\d+-\d+(?:-\d+)?-[A-Za-z0-9]+\b")
JWT_RE = re.compile(r"\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
PK_RE = re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |DSA |ENCRYPTED )?PRIVATE KEY-----")


@col
def s_aws():
    return C("cloud.iam_keys", "access_key_id", "varchar", many(gen_aws_key), ["aws_access_key"],
             "AWS access key ids (AKIA long-term, ASIA temporary).", check=(("aws_access_key",), lambda s: bool(AWS_RE.fullmatch(s))),
             category=STRUCT)


@col
def s_github():
    return C("ci.secrets_inventory", "value", "varchar", many(gen_github_token), ["github_token"],
             "GitHub tokens: classic (ghp_/gho_/ghs_/ghu_, checksummed) and fine-grained (github_pat_).",
             check=(("github_token",), lambda s: bool(GH_RE.fullmatch(s))), category=STRUCT)


@col
def s_slack():
    return C("integrations.slack_apps", "tok", "varchar", many(gen_slack_token, p_null=0.1), ["slack_token"],
             "Slack bot and user tokens.", check=(("slack_token",), lambda s: bool(SLACK_RE.fullmatch(s))),
             category=STRUCT)


@col
def s_jwt():
    def f():
        t = gen_jwt()
        return pick(["Bearer ", "Bearer ", "bearer ", ""]) + t
    return C("gateway.req_headers", "authorization", "varchar", many(f), ["jwt"],
             "Authorization header values carrying JWTs.", check=(("jwt",), lambda s: bool(JWT_RE.search(s))),
             category=STRUCT)


@col
def s_pem():
    return C("vault_export.items", "secret_blob", "text", many(gen_private_key, 60), ["private_key"],
             "PEM private keys (EC, PKCS#8, RSA, OpenSSH).", check=(("private_key",), lambda s: bool(PK_RE.search(s))),
             category=STRUCT)


@col
def s_env():
    def f():
        lines = [f"APP_ENV={pick(['production', 'staging'])}", f"LOG_LEVEL={pick(['info', 'debug'])}",
                 f"PORT={pick([3000, 8080, 8000])}"]
        if chance(0.6):
            lines.append(f"AWS_ACCESS_KEY_ID={gen_aws_key()}")
            lines.append(f"AWS_DEFAULT_REGION={pick(['us-east-1', 'eu-west-1'])}")
        if chance(0.4):
            lines.append(f"GITHUB_TOKEN={gen_github_token()}")
        if chance(0.35):
            lines.append(f"SLACK_BOT_TOKEN={gen_slack_token('xoxb')}")
        if chance(0.3):
            lines.append("DATABASE_URL=postgres://app@db.internal.example.net:5432/app")
        R.shuffle(lines)
        return "\n".join(lines)
    return C("deploy.env_snapshots", "env_text", "text", many(f), ["aws_access_key", "github_token", "slack_token"],
             "Captured .env files; each secret kind appears in a fraction of rows.", category=STRUCT)


@col
def s_eav():
    def f():
        r = R.random()
        if r < 0.3:
            return gen_email()
        if r < 0.55:
            return fmt_phone(gen_intl_phone(pick(["US", "US", "GB", "CA", "AU"])), pick(["e164", "intl", "natl"]))
        return pick(["gold", "silver", "en-US", "de-DE", "true", "false", "2023-04-01", "newsletter", "sms", "42", "dark"])
    return C("crm.eav_attrs", "attr_value", "varchar", many(f, nrows(120, 160)), ["email", "phone_number"],
             "Entity-attribute-value column: about a quarter emails, a quarter phone numbers, rest harmless attributes.",
             category=STRUCT)

@col
def s_npi_varchar():
    def f():
        return gen_npi() if chance(0.85) else None
    return C("claims.lines", "rend_prov_id", "varchar", many(f, nrows(90, 130)), ["us_npi"],
             "Rendering-provider NPIs as text under a neutral name, ~15% null.", check=(("us_npi",), chk_npi),
             allow={"phone_number": "NPIs beginning with 2 can also be dialable US numbers"}, category=STRUCT)


@col
def s_jwt_in_logs():
    def f():
        ts = rand_ts().strftime("%Y-%m-%dT%H:%M:%SZ")
        r = R.random()
        if r < 0.45:
            return f"{ts} GET /oauth/callback?state={rs(ALNUM, 12)}&id_token={gen_jwt()} 302 {R.randint(5, 90)}ms"
        if r < 0.6:
            return f"{ts} WARN auth: token expired for sub={R.randint(10 ** 6, 10 ** 8)} token={gen_jwt()}"
        return f"{ts} GET /api/v2/orders?page={R.randint(1, 40)} 200 {R.randint(5, 300)}ms"
    return C("logs.edge_access", "line", "varchar", many(f), ["jwt"],
             "Machine-written access logs where ~60% of lines leak a JWT in a query string or warning.", category=STRUCT)


@col
def s_k8s_secret():
    def f():
        d = {"apiVersion": "v1", "kind": "Secret", "type": pick(["kubernetes.io/tls", "Opaque"]),
             "metadata": {"name": pick(["ingress-tls", "api-signing", "sftp-deploy"]) + "-" + rs(HEX, 5),
                          "namespace": pick(["payments", "web", "batch"])}}
        if chance(0.7):
            d["stringData"] = {"tls.key": gen_private_key(pick(["ec", "pkcs8", "rsa"])), "tls.crt": "<redacted>"}
        else:
            d["stringData"] = {"retries": "3", "endpoint": "https://api.example.com"}
        return json.dumps(d)
    return C("k8s.manifests_audit", "obj", "json", many(f, 60), ["private_key"],
             "Kubernetes Secret manifests captured by an audit job; ~70% embed a PEM private key (JSON-escaped newlines).",
             category=STRUCT)


# ======================================================================
# SPECIFIC CLASSES WITHOUT PROSE
# ======================================================================
SPEC = "specific"
WORDS_TYPED = ["hello", "thanks", "meeting", "report", "password", "tomorrow", "invoice", "sounds good", "ok",
               "quarterly numbers", "see attached", "lunch?", "deploy", "fix"]
KEYCODES = {c: "Key" + c.upper() for c in LOWER}
KEYCODES.update({" ": "Space", "?": "Slash", ",": "Comma", ".": "Period"})


@col
def p_keys_json():
    def f():
        w = pick(WORDS_TYPED)
        t = R.randint(0, 500)
        ev = []
        for ch in w:
            code = KEYCODES.get(ch, "Unidentified")
            ev.append({"t": t, "type": "keydown", "code": code, "key": ch})
            t += R.randint(40, 110)
            ev.append({"t": t, "type": "keyup", "code": code})
            t += R.randint(30, 260)
            if chance(0.06):
                ev.append({"t": t, "type": "keydown", "code": "Backspace", "key": "Backspace"})
                t += R.randint(60, 140)
        return json.dumps(ev, separators=(",", ":"))
    return C("ux_rec.key_events", "events", "json", many(f, nrows(60, 80)), ["keystrokes"],
             "Keystroke event streams (keydown/keyup with timings) from a session-replay SDK.", category=SPEC)


@col
def p_keys_compact():
    def f():
        w = pick(WORDS_TYPED)
        t = 0
        parts = []
        for ch in w:
            parts.append(f"{t}:d:{KEYCODES.get(ch, 'Unidentified')}")
            t += R.randint(50, 120)
            parts.append(f"{t}:u:{KEYCODES.get(ch, 'Unidentified')}")
            t += R.randint(20, 300)
        return "|".join(parts)
    return C("proctor.kbd_log", "k", "varchar", many(f, nrows(60, 80)), ["keystrokes"],
             "Compact keystroke log 'ms:d|u:code' from exam-proctoring software.",
             comment="raw capture, see vendor spec v3", category=SPEC)


@col
def p_mouse_compact():
    def f():
        x, y, t = R.randint(0, 1900), R.randint(0, 1000), 0
        parts = []
        for _ in range(R.randint(6, 18)):
            x = max(0, min(1919, x + R.randint(-60, 60)))
            y = max(0, min(1079, y + R.randint(-40, 40)))
            t += R.randint(8, 34)
            parts.append(f"m {x} {y} {t}")
        if chance(0.6):
            parts.append(f"c {x} {y} {t + R.randint(40, 200)} {pick(['L', 'L', 'R'])}")
        return ";".join(parts)
    return C("ux_rec.pointer", "trace", "varchar", many(f, nrows(60, 90)), ["mouse_telemetry"],
             "Pointer movement traces 'm x y t' with clicks 'c x y t button'.", category=SPEC)


@col
def p_mouse_json():
    def f():
        return json.dumps({"dx": R.randint(-40, 40), "dy": R.randint(-40, 40), "btn": pick([0, 0, 0, 1, 2]),
                           "wheel": pick([0, 0, 0, -120, 120]), "ts_us": epoch_s() * 1000000 + R.randint(0, 999999),
                           "poll_hz": pick([125, 500, 1000])})
    return C("game_ac.input_samples", "payload", "json", many(f), ["mouse_telemetry"],
             "Raw mouse input samples collected by an anti-cheat client.", category=SPEC)


@col
def p_window_titles():
    def f():
        r = R.random()
        if r < 0.18:
            return f"Inbox ({R.randint(1, 300)}) - {gen_email()} - Outlook"
        t = [f"Q{R.randint(1, 4)} forecast v{R.randint(2, 9)}.xlsx - Excel", "Pull request #%d · octo-org/web - Google Chrome" % R.randint(100, 9999),
             "Slack | #incident-%d | Contoso" % R.randint(100, 999), "Zoom Meeting", "untitled - Notepad",
             f"Offer letter - {pick(FIRST['us'])} - Google Docs", "YouTube - Mozilla Firefox",
             "Payroll_March_final.pdf - Adobe Acrobat Reader", "Terminal — ssh prod-bastion", "Spotify Premium",
             "Jira - PAY-%d: Refund flow broken" % R.randint(100, 9999), "LinkedIn Jobs - Google Chrome",
             "Bank of Example - Accounts Summary - Microsoft Edge"]
        return pick(t)
    return C("endpoint_dlp.active_window", "title", "varchar", many(f, nrows(100, 140)), ["email", "screen_content"],
             "Foreground window titles captured by endpoint monitoring; ~18% show the user's mailbox address.",
             category=SPEC)


@col
def p_screen_ocr():
    def f():
        blocks = [
            "File Edit View Insert Format Tools Help\nQuarterly business review\nRevenue grew 12% QoQ",
            "Search mail\nCompose\nInbox 1,204\nStarred\nSnoozed\nSent\nDrafts 3",
            "Question 7 of 20\nWhich of the following is a prime number?\nA) 21 B) 27 C) 29 D) 33\nNext >",
            "Cart (2)\nSubtotal $84.97\nProceed to checkout",
            "Dashboard  Orders  Customers  Reports\nOpen tickets 37  Avg response 2h 14m",
            "def main():\n    args = parse_args()\n    run(args)\nTerminal  Problems  Output",
            "Meeting notes - sprint planning\n- carry over PAY-311\n- estimate refund API",
            "Accounts Summary\nChecking ....4410  Available balance $2,318.55",
            "Settings > Privacy > Location Services  On",
            "Time remaining 00:42:17\nSection B - Reading comprehension",
        ]
        return "\n".join(R.sample(blocks, R.randint(1, 2)))
    return C("proctor.screen_ocr", "ocr_text", "text", many(f, nrows(60, 80)), ["screen_content"],
             "OCR text extracted from periodic screenshots of a candidate's screen.", category=SPEC)


@col
def p_rating():
    return C("hr_perf.ratings", "rating", "varchar",
             many(lambda: R.choices(["Exceeds Expectations", "Meets Expectations", "Partially Meets", "Does Not Meet", "Outstanding"], [3, 8, 2, 1, 1])[0], nrows(90, 130)),
             ["performance_review"], "Employee performance rating labels.", category=SPEC)


@col
def p_calibration():
    return C("hr_perf.calibration", "c2", "varchar",
             many(lambda: R.choices(["5 - Exceptional", "4 - Strong", "3 - Solid", "2 - Inconsistent", "1 - Unsatisfactory", "NR - too new"], [1, 4, 8, 2, 1, 1])[0]),
             ["performance_review"], "Calibrated rating buckets under a neutral name.",
             comment="post-calibration outcome", category=SPEC)


@col
def p_pip_status():
    return C("hr.case_flags", "pip_state", "varchar",
             many(lambda: pick(["PIP_ACTIVE", "PIP_EXTENDED", "PIP_COMPLETED_SUCCESS", "PIP_COMPLETED_EXIT", "NONE", "NONE", "NONE"])),
             ["performance_review"], "Performance-improvement-plan status per employee.", category=SPEC)


@col
def p_filing_status():
    return C("taxsvc.returns", "fs", "varchar",
             many(lambda: R.choices(["S", "MFJ", "MFS", "HOH", "QSS", "Single", "Married filing jointly", "Head of household"], [6, 5, 1, 2, 1, 3, 3, 1])[0]),
             ["tax"], "Filing status codes and words.", category=SPEC)


@col
def p_agi():
    return C("taxsvc.returns", "agi", "decimal(12,2)", many(lambda: fmt_money(max(0, R.lognormvariate(11.0, 0.7))), p_null=0.04),
             ["tax"], "Adjusted gross income amounts from individual returns.",
             comment="AGI (Form 1040 line 11)", category=SPEC)


@col
def p_refund():
    return C("taxsvc.returns", "bal_due_or_refund", "decimal(10,2)", many(lambda: fmt_money(R.gauss(1200, 2400))),
             ["tax"], "Refund (positive) or balance due (negative) on individual returns.", category=SPEC)


@col
def p_dx_text():
    def f():
        return "; ".join(ICD10[c] for c in R.sample(ICD_CODES, R.randint(1, 3)))
    return C("ehr.problem_list", "dx_desc", "varchar", many(f), ["medical"],
             "A patient's diagnoses in words (code descriptions).", category=SPEC)


@col
def p_sig():
    s = ["1 tab PO BID x 10d", "1 tab PO daily", "2 puffs q4-6h PRN SOB", "1 cap PO TID w/ meals", "0.5 tab PO qHS",
         "Apply thin layer BID to affected area", "10 units SC qHS", "1 tab SL q5min PRN CP, max 3", "1 gtt OU BID",
         "Take 1 tablet by mouth every 6 hours as needed for pain", "1 tab PO qAM on empty stomach", "15 mL PO q8h x 7d"]
    return C("rx.orders", "sig", "varchar", many(lambda: pick(s)), ["medical"],
             "Prescription sigs (abbreviated directions), part of a patient's prescription.", category=SPEC)


@col
def p_med_list():
    m = ["metformin 500 mg tab", "lisinopril 10 mg tab", "atorvastatin 40 mg tab", "sertraline 50 mg tab",
         "levothyroxine 75 mcg tab", "albuterol HFA 90 mcg/act", "omeprazole 20 mg cap", "insulin glargine 100 u/mL",
         "amlodipine 5 mg tab", "gabapentin 300 mg cap", "escitalopram 10 mg tab", "adderall XR 20 mg cap"]
    return C("ehr.med_rec", "active_meds", "array<string>", many(lambda: json.dumps(R.sample(m, R.randint(1, 4)), separators=(",", ":"))), ["medical"],
             "A patient's active medication list.", category=SPEC)


@col
def p_vitals():
    def f():
        return json.dumps({"bp": f"{R.randint(100, 165)}/{R.randint(60, 100)}", "hr": R.randint(52, 118),
                           "spo2": R.randint(90, 100), "temp_f": round(R.uniform(97.0, 102.4), 1),
                           "wt_kg": round(R.uniform(45, 140), 1)})
    return C("ehr.vitals", "obs", "json", many(f), ["medical"], "Vital signs per patient encounter.", category=SPEC)


@col
def p_allergies():
    a = ["Penicillin (rash)", "Sulfa drugs", "Peanuts - anaphylaxis", "Latex", "NKDA", "Codeine (nausea)", "Shellfish",
         "Iodinated contrast", "Bee stings", "Amoxicillin (hives)"]
    return C("clinic.patients", "allergy_txt", "varchar", many(lambda: ", ".join(R.sample(a, R.randint(1, 2))), p_null=0.1),
             ["medical"], "Patient allergy lists.", category=SPEC)


# ======================================================================
# PROTECTED / MIXED / EMPTY
# ======================================================================
PROT = "protected"


@col
def m_ssn_masked():
    def f():
        v = gen_ssn()
        return pick([f"***-**-{v[5:]}", f"XXX-XX-{v[5:]}", f"*****{v[5:]}"])
    return C("kyc.applicants", "ssn_masked", "varchar", many(f), ["us_ssn"], "Masked SSNs showing last four.",
             protection="masked", category=PROT)


@col
def m_card_masked():
    def f():
        v = gen_card()
        return pick([v[:6] + "*" * (len(v) - 10) + v[-4:], "**** **** **** " + v[-4:], "XXXXXXXXXXXX" + v[-4:]])
    return C("payments.cards", "pan_display", "varchar", many(f), ["credit_card"],
             "Masked card numbers (first six/last four or last four).", protection="masked", category=PROT)


@col
def m_email_hash():
    return C("mkt.audiences", "em", "char(64)", many(lambda: sha256(gen_email().lower())), ["email"],
             "SHA-256 of normalised email addresses (ad-platform audience upload).", protection="hashed",
             comment="sha256(lower(trim(email)))", category=PROT)


@col
def m_phone_hash():
    return C("ads.matched_users", "ph", "char(64)",
             many(lambda: sha256(fmt_phone(gen_intl_phone(pick(["US", "US", "GB", "DE"])), "e164"))), ["phone_number"],
             "SHA-256 of E.164 phone numbers.", protection="hashed", category=PROT)


@col
def m_ssn_mixed():
    def f():
        v = gen_ssn()
        return fmt_ssn(v) if chance(0.5) else f"***-**-{v[5:]}"
    return C("support.customer_ids", "ssn_any", "varchar", many(f, nrows(80, 120)), ["us_ssn"],
             "Half full SSNs, half masked (migration only partly applied).", protection="mixed", category=PROT)


@col
def m_email_mixed():
    def f():
        e = gen_email()
        return e if chance(0.4) else sha256(e.lower())
    return C("crm.contacts_v1", "email_key", "varchar", many(f), ["email"],
             "Mix of plaintext emails and SHA-256 digests of emails.", protection="mixed", category=PROT)


@col
def m_ssn_empty():
    return C("hr.employees_ext", "ssn_enc", "varchar", [None] * 70, ["us_ssn"],
             "Designated SSN column, currently all null (labelled by what it is meant to hold).", protection="empty",
             category=PROT)


@col
def m_email_masked():
    def f():
        e = gen_email()
        local, dom = e.split("@")
        return local[0] + "***@" + dom
    return C("support.users", "email_masked", "varchar", many(f), ["email"], "Masked email addresses (j***@domain).",
             protection="masked", category=PROT)


@col
def m_dob_masked():
    return C("hr.employees", "dob_display", "varchar", many(lambda: f"{gen_dob().year}-**-**"), ["date_of_birth"],
             "Dates of birth masked to year only.", protection="masked", category=PROT)


@col
def m_iban_masked():
    def f():
        v = gen_iban(pick(["DE", "FR", "NL", "GB", "ES"]))
        return v[:4] + " **** **** " + v[-4:]
    return C("bank.payees", "iban_masked", "varchar", many(f), ["iban"], "Masked IBANs (country+check and last four).",
             protection="masked", category=PROT)


@col
def m_dea_hash():
    return C("rx.prescriber_xref", "dea_hash", "char(64)", many(lambda: sha256(gen_dea())), ["us_dea"],
             "SHA-256 of DEA numbers used as a join key.", protection="hashed", category=PROT)


@col
def p_keys_biometric():
    def f():
        w = pick(WORDS_TYPED)
        return " ".join(f"{ch if ch != ' ' else '␣'}:{R.randint(60, 140)}/{R.randint(40, 320)}" for ch in w)
    return C("fraud.typing_samples", "dwell_flight", "varchar", many(f, nrows(60, 90)), ["keystrokes"],
             "Keystroke-dynamics samples: per key 'char:dwell_ms/flight_ms'.", category=SPEC)


@col
def p_dom_text():
    def f():
        blocks = ["Welcome back\nYour orders\nBuy again\nAccount settings",
                  "Step 2 of 3 - Shipping\nStandard (5-7 days) Free\nExpress (2 days) $12.99\nContinue",
                  "Your statement is ready\nView PDF\nMinimum payment due\nAutopay: Off",
                  "Compose\nTo\nSubject\nSend\nDiscard draft",
                  "Notifications (4)\nJordan liked your photo\nNew follower\nSee all",
                  "Error: session expired\nSign in again",
                  "Search results for \"standing desk\"\nSort by: Price low to high\n214 results"]
        return "\n".join(R.sample(blocks, R.randint(1, 2)))
    return C("ux_rec.dom_snapshots", "visible_text", "text", many(f, nrows(60, 80)), ["screen_content"],
             "Visible text of the user's screen reconstructed by a session-replay SDK.", category=SPEC)


# ======================================================================
# FREE TEXT
# ======================================================================
FT = "free_text"
EMOJI = ["😂", "😭", "🙏", "❤️", "👍", "🔥", "😅", "🙄", "🎉", "😬", "🥲", "💀", "✨", "😡", "🤷", "👀"]
PRODUCTS = ["headphones", "air fryer", "blue hoodie", "running shoes", "phone case", "desk lamp", "blender",
            "backpack", "rain jacket", "coffee grinder", "yoga mat", "monitor", "kettle", "duvet cover"]
CITIES = ["Lisbon", "Denver", "Austin", "Toronto", "Berlin", "Osaka", "Chicago", "Mexico City", "Seattle", "Dublin"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SHOWS = ["Severance", "The Bear", "Succession", "Bluey", "Shogun", "Love Island"]
TEAMS = ["Payments", "Growth", "Platform", "Search", "Data Eng", "Mobile", "Support Ops"]
PROJECTS = ["the Atlas migration", "the Q3 launch", "the billing rewrite", "the data contracts work", "SSO rollout",
            "the warehouse cutover", "the onboarding redesign"]

SLOTS = {
    "fn": lambda: first_name(),
    "fn2": lambda: first_name(),
    "ln": lambda: last_name(),
    "day": lambda: pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "tomorrow",
                         "tonight", "this weekend"]),
    "wday": lambda: pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
    "time": lambda: pick(["7", "7:30", "8", "noon", "3pm", "6:15", "9ish", "10", "half 5"]),
    "n": lambda: str(R.randint(2, 12)),
    "amt": lambda: "$" + str(R.randint(5, 400)),
    "bigamt": lambda: "$" + f"{R.randint(2, 95) * 1000 + pick([0, 250, 500, 750]):,}",
    "prod": lambda: pick(PRODUCTS),
    "city": lambda: pick(CITIES),
    "month": lambda: pick(MONTHS),
    "emoji": lambda: pick(EMOJI),
    "ord": lambda: "#" + str(R.randint(10000, 999999)),
    "team": lambda: pick(TEAMS),
    "proj": lambda: pick(PROJECTS),
    "gtag": lambda: pick(GAMERTAGS),
    "show": lambda: pick(SHOWS),
    "pct": lambda: str(R.randint(5, 60)) + "%",
    "yr": lambda: str(R.randint(2019, 2023)),
}


def fill(s):
    return re.sub(r"\{(\w+)\}", lambda m: SLOTS[m.group(1)](), s)


def compose(pool, ks=(1, 1, 2), sep=" "):
    k = min(pick(ks), len(pool))
    return sep.join(fill(p) for p in R.sample(pool, k))


def text_col(pool, n=None, ks=(1, 1, 2), sep=" ", p_null=0.03, post=None):
    vals = []
    for _ in range(n or nrows()):
        v = compose(pool, ks, sep)
        if post:
            v = post(v)
        vals.append(v)
    return nullify(vals, p_null)


def casual(v):
    if chance(0.3):
        v = v.lower()
    if chance(0.2):
        v = v.rstrip(".!")
    if chance(0.15):
        v += " " + pick(EMOJI)
    return v


def ph_us(style=None):
    return fmt_phone(gen_us_phone(), style or pick(["natl", "natl", "dashes", "dots"]))


def ph_any():
    if chance(0.6):
        return ph_us()
    return fmt_phone(gen_intl_phone(pick(["GB", "DE", "MX", "IN", "CA", "FR", "AU", "BR"])), pick(["intl", "e164"]))


def embed(values, p, makers, where="end"):
    out = []
    for v in values:
        if v is not None and chance(p):
            s = pick(makers)()
            w = where if where != "any" else pick(["start", "end"])
            v = (s + " " + v) if w == "start" else (v + " " + s)
        out.append(v)
    return out


def typo(w):
    if len(w) < 4:
        return w
    i = R.randrange(1, len(w) - 2)
    return w[:i] + w[i + 1] + w[i] + w[i + 2:]


def vary(v, level=0.3):
    """Small human variations: an occasional typo, lower-case start, dropped final period."""
    if not v:
        return v
    if chance(level * 0.4):
        words = v.split(" ")
        j = R.randrange(len(words))
        if words[j].isalpha():
            words[j] = typo(words[j])
        v = " ".join(words)
    if chance(level * 0.5):
        v = v[0].lower() + v[1:]
    if chance(level * 0.5):
        v = v.rstrip(".")
    return v


def grouped(groups, ks=(1, 1, 2), sep=" "):
    g = R.choices(groups, weights=[len(x) for x in groups])[0]
    return compose(g, ks, sep)


SLOTS.update({
    "temp": lambda: f"{R.uniform(100.2, 104.0):.1f}",
    "dur": lambda: pick(["x 1 day", "x 2 days", "x 3 days", "x 36 hrs", "since this morning", "since last night", "x 4 days"]),
    "kid": lambda: pick(["2 yo", "8 mo old", "5 yo", "11 yo", "3 yo", "14 mo old", "7 yo"]),
    "side": lambda: pick(["left", "right"]),
    "pain": lambda: str(R.randint(3, 9)),
    "mins": lambda: str(R.randint(15, 45)),
    "pod": lambda: str(R.randint(1, 5)),
    "age": lambda: str(R.randint(22, 81)),
    "wk": lambda: str(R.randint(28, 38)),
    "h": lambda: str(R.randint(1, 3)),
    "sex": lambda: pick(["female", "male"]),
    "inv": lambda: str(R.randint(1000, 99999)),
    "q": lambda: str(R.randint(1, 4)),
    "tkt": lambda: f"{pick(['PAY', 'WEB', 'DATA', 'OPS'])}-{R.randint(100, 4999)}",
    "pr": lambda: "#" + str(R.randint(100, 9999)),
    "room": lambda: pick(["kitchen", "living room", "bedroom", "office", "hallway", "porch"]),
    "artist": lambda: pick(["taylor swift", "miles davis", "bad bunny", "the beatles", "lofi beats", "beyonce", "radiohead", "some jazz"]),
    "grocery": lambda: pick(["eggs", "oat milk", "bananas", "coffee filters", "dish soap", "bread", "tortillas", "cat food"]),
    "size": lambda: pick(["size 8", "size 10", "size 11", "xl", "medium", "queen", "king"]),
    "color": lambda: pick(["black", "navy", "red", "white", "green", "beige"]),
    "eta": lambda: pick(["around 11pm", "after midnight", "at 6am", "late afternoon", "around 9pm"]),
})


# --- 1 ------------------------------------------------------------------
@col
def f_dm():
    pool = ["lol", "omw", "u up?", "brb 5 min", "where r u", "haha no way 😂", "did u see what {fn} posted",
            "ok cool", "kk see u at {time}", "im so done with this week", "wanna grab food later?", "ya sounds good",
            "nah im good", "omg stoppp 😭", "send me the pic", "that's wild", "can't tonight, maybe {day}?",
            "text me when ur home", "happy bday!!! 🎉🎉", "ugh my phone died", "who's driving", "lmk", "idk tbh",
            "thx!!", "np", "🔥🔥🔥", "bruh", "the new {show} episode tho", "ok but why did he say that", "i'm outside",
            "running late sorry!!", "did you finish the hw", "call me when u can", "miss u", "same lol",
            "we still on for {day}?", "k", "wait what", "hahaha", "gonna be like 10 min late", "bring chargers pls",
            "love that for u", "nooo", "ok fine 🙄", "fr fr", "can u venmo me for the tickets", "yessss",
            "good luck today!!", "how'd it go?", "ttyl", "just landed in {city} ✈️", "did {fn} ever text u back",
            "parking is a nightmare here", "leaving now", "omg i forgot", "u coming to {fn}'s thing?"]
    return C("social.dm_msgs", "body", "varchar", text_col(pool, nrows(100, 150), ks=(1, 1, 1, 2), p_null=0.01),
             ["conversation", "free_text"], "Direct messages: terse, slangy, emoji.", category=FT)


# --- 2 ------------------------------------------------------------------
@col
def f_lobby():
    pool = ["gg", "gg wp", "ez", "noob team", "who's rotating B", "need heals", "anyone got a spare medkit",
            "report {gtag} hes griefing", "lag is insane rn", "push mid!!", "wp", "ff at 15?", "no ff we can win this",
            "jungle diff", "nice shot", "drop me some ammo", "can someone rez me", "ty", "gl hf",
            "why did u ult there lmao", "rematch?", "bro stop stealing kills", "follow me", "sniper on the roof",
            "watch left", "my bad", "one more game then im off", "who wants to duo later", "is anyone on mic",
            "lol that was so close", "stop camping", "@{gtag} nice clutch", "bruh the spawn", "wait for me",
            "omw", "2 left at A", "cmon guys", "carry me pls", "dude what was that", "xD", "afk 2 min"]
    return C("game_telemetry.lobby_chat", "msg", "varchar", text_col(pool, nrows(100, 150), ks=(1, 1, 1, 2)),
             ["conversation", "free_text"], "In-game chat between players: very short, typos, gamer slang.",
             category=FT)


# --- 3 ------------------------------------------------------------------
@col
def f_support_transcript():
    scen = [
        (["hi, my order {ord} still says processing and it's been {n} days", "where is my order?? it's been over a week"],
         ["I can see the order here. It looks like it's held up at the warehouse, I've escalated it.",
          "I'm sorry for the wait! It ships tomorrow and I've upgraded the shipping for free."],
         ["ok thanks", "how long will that take?", "can I just cancel it instead?"]),
        (["Hello I was charged twice for the same order", "there are two charges on my card for one order"],
         ["I see the duplicate authorisation. The second one is a pending hold and will drop off in 3-5 business days.",
          "I've gone ahead and refunded the duplicate charge of {amt}."],
         ["ok as long as it goes away", "perfect, thank you so much!"]),
        (["i can't log in, it keeps saying my password is wrong even after resetting it", "why was my account locked??"],
         ["I've sent a password reset link, it's valid for 30 minutes.",
          "Your account was locked after several failed attempts. I've unlocked it, please try again now."],
         ["ok trying now", "it's still not working", "that worked!"]),
        (["Hi there, the {prod} I received is broken, there's a crack across the front", "my {prod} arrived damaged"],
         ["Could you send me a photo of the damage? You can attach it right here in the chat.",
          "I'm so sorry! I've opened a claim with the carrier and we'll ship a replacement today."],
         ["ok I just sent it", "great, appreciate it"]),
        (["how do i cancel my subscription? i don't see the option anywhere", "I want to cancel my plan"],
         ["To cancel, go to Account > Subscription > Cancel plan. I can also do it for you if you'd like.",
          "I can help with that. May I ask why you're cancelling?"],
         ["can you do it for me please", "too expensive honestly", "ok done, thanks"]),
        (["hey, promo code SPRING20 isn't working at checkout"],
         ["That code expired at the end of {month}, but I can apply a 15% discount manually."],
         ["that works", "ugh ok"]),
        (["Is it possible to return something without the original box?", "Hi, I'd like a refund for the {prod}, it doesn't fit"],
         ["Yes, any sturdy box is fine. I've emailed you a prepaid label.", "No problem, I've started the return. The refund goes back to your original payment method."],
         ["it was a gift so I don't have the receipt", "perfect"]),
    ]
    ask = ["Could you confirm the email address on the account?", "Can I get a good number to reach you in case we get disconnected?"]
    ids = [lambda: f"sure, it's {gen_email()}", lambda: f"the email is {gen_email()}",
           lambda: f"you can call me on {ph_us()} if that's easier", lambda: f"my number is {ph_us()}",
           lambda: f"it might be under my work email {gen_email()}"]
    closing = ["Is there anything else I can help you with today?", "Thanks for your patience! Have a great day.",
               "Glad I could help. Take care!"]

    def f():
        opens, agent, follow = pick(scen)
        turns = [("c", fill(pick(opens))), ("a", pick(["Thanks for reaching out! ", "Hi there! ", "", "I'm sorry about that. "]) + "Let me take a look.")]
        if chance(0.35):
            turns += [("a", pick(ask)), ("c", pick(ids)())]
        for a in R.sample(agent, R.randint(1, len(agent))):
            turns.append(("a", fill(a)))
            if chance(0.7):
                turns.append(("c", fill(pick(follow))))
        if chance(0.6):
            turns.append(("a", pick(closing)))
            if chance(0.5):
                turns.append(("c", pick(["no that's all, have a good one", "nope, thanks!", "that's it"])))
        agent_name = first_name("us")
        if chance(0.5):
            return "\n".join(("Customer: " if w == "c" else "Agent: ") + t for w, t in turns)
        h, m = R.randint(8, 21), R.randint(0, 45)
        return "\n".join(f"[{h:02d}:{m + i:02d}] " + ("visitor: " if w == "c" else f"{agent_name} (support): ") + t
                         for i, (w, t) in enumerate(turns))
    return C("support.conv_export", "content", "text", many(f, nrows(70, 100)),
             ["conversation", "email", "free_text", "phone_number"],
             "Support chat transcripts (customer and agent); ~1/3 contain the customer's email or phone.", category=FT)


# --- 4 ------------------------------------------------------------------
@col
def f_webform():
    pool = ["The checkout button doesn't do anything when I click it.",
            "I ordered the wrong size and want to exchange it for a medium.",
            "Got an email saying my account details were changed but I didn't change anything.",
            "Item arrived damaged, box was crushed and the lid is cracked.",
            "Please stop sending me texts, I already unsubscribed twice.", "The tracking link gives a 404.",
            "I was promised a callback yesterday and nobody called.",
            "Charged for shipping even though the order was over $50.", "The instructions are missing from the box.",
            "Can't upload my profile photo, it just spins forever.", "Coupon applied but the total didn't change.",
            "I'd like to close my account.", "The colour is completely different from the pictures.",
            "My gift card balance shows $0 but I haven't used it.", "Delivery driver left the package in the rain.",
            "App logs me out every few minutes on Android.",
            "Wrong item in the box - I got a kettle instead of a toaster.",
            "Refund still hasn't shown up after two weeks.",
            "Need an invoice with our company name on it for reimbursement.", "Website is really slow today.",
            "why is there a restocking fee?? nobody told me about that",
            "I tried calling but the line was busy for an hour.", "order {ord} never arrived",
            "This is the third time I'm reporting this."]
    return C("support.intake_form", "c3", "varchar", text_col(pool, nrows(80, 120), ks=(1, 1, 2, 3), p_null=0.05),
             ["free_text"], "Issue descriptions typed into a web form (one-way, not a conversation).",
             comment="free text from contact form", category=FT)


# --- 5 ------------------------------------------------------------------
@col
def f_emails():
    opens = ["Hi {fn},", "Hello {fn},", "{fn} -", "Hey {fn},", "Dear {fn},", "Good morning {fn},", "Hi all,"]
    bodies = ["Thanks for the call earlier. As discussed, I'll send over the revised proposal by {wday}.",
              "Just following up on the invoice from last month. Could you let me know when we can expect payment?",
              "Attached is the contract with the changes we talked about. Let me know if anything looks off.",
              "Can we push our meeting to {wday} afternoon? Something came up on my end.",
              "Great to meet you at the conference last week. I'd love to continue the conversation about your rollout plans.",
              "We've reviewed the quote and would like to move forward with the 200-seat option.",
              "Quick question about the renewal: does the price include the onboarding sessions?",
              "Looping in {fn2}, who can help with the technical questions.",
              "Sorry for the slow reply, it's been a hectic week.",
              "Following our conversation, next steps are: 1) legal review, 2) security questionnaire, 3) kickoff.",
              "The shipment arrived but two of the pallets were damaged. Photos attached.",
              "Could you resend the login details? The link in your last email expired.",
              "I wanted to flag that we're over our usage limit this month.",
              "Happy to jump on a call if that's easier.",
              "Let me check with finance and get back to you.",
              "We're still waiting on the signed SOW before we can schedule the kickoff.",
              "No rush on this, but it would be good to have an answer before the end of the quarter."]
    closes = ["Thanks,", "Best,", "Cheers,", "Regards,", "Talk soon,", "Best regards,", "Thank you,"]
    titles = ["Account Manager | Fabrikam", "Procurement Lead", "Sr. Solutions Engineer, Contoso", "Operations",
              "Head of Partnerships", ""]

    def f():
        body = " ".join(fill(b) for b in R.sample(bodies, R.randint(1, 3)))
        if chance(0.1):
            body += f" You can also reach {first_name()} directly at {gen_email()}."
        fn, ln = first_name(), last_name()
        sig = [fn if chance(0.5) else f"{fn} {ln}"]
        t = pick(titles)
        if t and chance(0.5):
            sig.append(t)
        if chance(0.3):
            sig.append(pick(["M: ", "Tel ", "Direct: ", "", "mobile "]) + ph_any())
        if chance(0.1):
            sig.append(gen_email(fn, ln))
        return fill(pick(opens)) + "\n\n" + body + "\n\n" + pick(closes) + "\n" + "\n".join(sig)
    return C("crm.activity_email", "body_txt", "text", many(f, nrows(70, 100), p_null=0.02),
             ["conversation", "email", "free_text", "phone_number"],
             "Business emails between people with signatures; some signatures/bodies include phone numbers or email addresses.",
             category=FT)


# --- 6 ------------------------------------------------------------------
@col
def f_ai_prompts():
    general = ["write a cover letter for a marketing coordinator job, I have 2 years experience at a small agency",
               "explain the difference between TCP and UDP like I'm 12",
               "can you make this email sound more polite: 'I still haven't got the report, send it today'",
               "what's a good 3 day itinerary for {city}? we like food and walking, not museums",
               "give me 10 names for a bakery that sells mostly sourdough",
               "summarize the plot of Middlemarch in 5 bullet points",
               "how do I convert a column of dates from text to real dates in Excel",
               "I'm hosting {n} people on {day}, one is vegan. Suggest a menu that works for everyone",
               "what should I ask in a second-round interview for a product manager role?",
               "rewrite this so it sounds less robotic: We appreciate your patience while we resolve the issue.",
               "is it rude to leave a wedding before the cake is cut",
               "help me write a toast for my brother's wedding, he loves fishing and bad puns",
               "compare renting vs buying in {city} for someone who might move in 3 years",
               "translate 'where is the nearest train station' into Japanese and Portuguese",
               "my landlord hasn't returned my deposit after 45 days, what can I say in a letter",
               "what's the best way to learn SQL in a month if I only have evenings",
               "Can you explain what an index fund is and why people recommend them?",
               "write a haiku about a cat who hates Mondays", "how many cups of flour are in a kilogram",
               "plan a {n} week beginner running schedule, 3 days a week",
               "¿me ayudas a escribir un correo para pedir un aumento de sueldo?",
               "traduis ce paragraphe en anglais s'il te plaît : nous avons bien reçu votre commande",
               "why does my sourdough come out flat",
               "pretend you are a tour guide in ancient Rome and tell me about the forum",
               "ok shorter please", "can you do that again but more formal", "thanks! now make it rhyme",
               "no, I meant the other one", "give me three options instead of one",
               "what's a polite way to decline a meeting invite from my skip-level",
               "explain inflation using pizza slices", "draft a LinkedIn post about finishing my certification, not cringe",
               "what board games work for {n} players and take under an hour",
               "my cat keeps scratching the couch, how do I get her to stop",
               "write a bedtime story about a dragon who is afraid of the dark, for a {n} year old",
               "what are some good questions to ask on a first date that aren't boring",
               "help me plan a budget, I make about $4,200 a month after tax and rent is $1,650",
               "how do I tell my roommate to clean up without starting a fight"]
    med = ["my {n} year old has had a fever of {temp} for two days and isn't eating much, when should I take her in",
           "I was diagnosed with hypothyroidism last month and take levothyroxine every morning, can I still have coffee right after",
           "I've had a headache behind my right eye for a week and ibuprofen isn't helping, what could it be",
           "my doctor put me on sertraline 50mg and I feel more anxious the first week, is that normal",
           "my dad has type 2 diabetes and his morning sugar readings are around 180, what should he ask his doctor",
           "I'm 34 weeks pregnant and my feet are really swollen tonight, should I be worried",
           "I have ADHD and my adderall makes it hard to sleep, any tips besides stopping it"]
    tax = ["I freelanced last year and made about 38k on 1099s, do I need to pay quarterly estimated taxes",
           "my wife and I are deciding between married filing jointly and separately, she has a lot of student loan debt",
           "I got a 1099-B showing a loss of $6,200 on crypto, how much can I deduct against my salary",
           "can I claim my mom as a dependent if she lives with us and gets social security",
           "I forgot to report a W-2 from a summer job on my {yr} return, how do I fix it",
           "my AGI was around 92k, am I still eligible to contribute to a Roth IRA"]

    def f():
        r = R.random()
        if r < 0.1:
            return vary(fill(pick(med)), 0.3)
        if r < 0.2:
            return vary(fill(pick(tax)), 0.3)
        return vary(fill(pick(general)), 0.3)
    return C("ai_logs.turns", "input_text", "text", many(f, nrows(110, 150), p_null=0.01),
             ["conversation", "free_text", "medical", "tax"],
             "User prompts to a general AI assistant; ~10% ask about the user's or a relative's health, ~10% about their own taxes.",
             category=FT)


# --- 7 ------------------------------------------------------------------
@col
def f_ai_replies():
    pool = ["Sure! Here's a draft you can adapt:\n\nDear Hiring Manager,\n\nI'm excited to apply for the Marketing Coordinator position...",
            "Great question. TCP is like sending a letter with tracking: every piece is confirmed. UDP is like shouting across a room: fast, but nobody checks it arrived.",
            "Here's a more polite version:\n\n\"Hi, just checking in on the report. Would it be possible to send it over today? Thanks so much!\"",
            "Here are 10 name ideas:\n1. Rise & Crumb\n2. The Starter Club\n3. Wild Yeast Bakehouse\n4. Crust Theory\n5. Slow Loaf\n...",
            "To convert text to dates in Excel, select the column, go to Data > Text to Columns, choose Delimited, then pick Date (MDY) in step 3.",
            "Here's a menu that works for everyone:\n- Starter: roasted tomato soup\n- Main: mushroom and lentil ragu over polenta\n- Dessert: olive oil cake",
            "Here's a 3-day plan:\n\nDay 1: Start in the old town, lunch at the market, sunset at a viewpoint.\nDay 2: Day trip by train.\nDay 3: Neighbourhood food crawl.",
            "An index fund is a type of fund that tracks a market index, such as the S&P 500. Because it doesn't rely on active stock picking, fees tend to be low.",
            "Monday again, / the cat glares at the alarm clock - / coffee cannot help",
            "There are roughly 8 cups of all-purpose flour in a kilogram, though it depends on how you scoop it.",
            "Week 1: run 1 min / walk 2 min x 8, three days. Week 2: run 2 / walk 2 x 6. Week 3: run 4 / walk 1 x 5. Week 4: run 8 / walk 1 x 3.",
            "Sure, here's a shorter version:", "Of course. Here are three options:",
            "Apologies for the confusion! Here's the other version:",
            "Claro. Aquí tienes un borrador:\n\nEstimado/a [Nombre]:\n\nMe gustaría solicitar una reunión para hablar sobre mi salario...",
            "Here's the translation: \"Nous avons bien reçu votre commande\" -> \"We have received your order.\"",
            "Flat sourdough usually means the dough is over-proofed or the starter is weak. Try a shorter bulk ferment and a tighter shape.",
            "Here are some questions you could ask: What does success look like in the first 90 days? How are priorities set between teams?",
            "Generally, leaving before the cake is cut is considered a little early, but it's fine if you let the hosts know in advance.",
            "In a letter to your landlord, state the move-out date, the amount of the deposit, and the legal deadline for returning it.",
            "Here's a toast you could use:\n\n\"For those who don't know me, I'm the groom's brother. He's been fishing for compliments his whole life...\"",
            "Middlemarch in five bullets:\n- Dorothea marries Casaubon\n- Lydgate arrives with big plans\n- Money and gossip shape everyone's choices\n- Casaubon dies\n- Dorothea chooses love over fortune",
            "Renting is usually more flexible if you may move within three years, because buying carries transaction costs of several percent.",
            "\"Where is the nearest train station?\"\nJapanese: 一番近い駅はどこですか？\nPortuguese: Onde fica a estação de trem mais próxima?",
            "A good plan for learning SQL in a month: week 1 SELECT and WHERE, week 2 JOINs, week 3 GROUP BY and window functions, week 4 a small project.",
            "Salve, traveller! Before you stands the Forum Romanum, heart of the city, where senators debate and merchants shout their prices...",
            "I'm sorry, I can't help with that request.", "Here's the rhyming version:\n\nRoses are red, the deadline is near..."]
    return C("ai_logs.turns", "output_text", "text", many(lambda: pick(pool), nrows(60, 75)), ["conversation"],
             "Assistant replies to user prompts: part of the conversation, but machine-written, so not free_text.",
             category=FT)


# --- 8 ------------------------------------------------------------------
@col
def f_ide_chat():
    pool = ["why does this throw KeyError: 'id'\n\nfor row in rows:\n    ids.append(row['id'])",
            "refactor this function to use async/await instead of callbacks",
            "write unit tests for the parse_invoice function, use pytest",
            "what's the difference between useEffect and useLayoutEffect",
            "explain this regex: ^(?=.*\\d)(?=.*[a-z]).{8,}$",
            "my docker build is slow, every change reinstalls all the npm packages. how do i cache that layer",
            "convert this SQL to a pandas groupby: SELECT region, SUM(amount) FROM sales GROUP BY region",
            "fix the type error on line {n}, it says Argument of type 'string | undefined' is not assignable",
            "how do I make this query faster, it does a full scan on orders",
            "add retries with exponential backoff to this http client",
            "can you add docstrings to all public methods in this file",
            "generate a migration that adds a nullable column archived_at to projects",
            "this works locally but fails in CI with 'module not found', any idea?",
            "rename all occurrences of userId to accountId in this file but not in comments",
            "what does `git rebase --onto` actually do", "that didn't work, same error", "ok now make it handle empty lists",
            "use a dataclass instead", "thanks, can you explain the second part", "why is this O(n^2)?",
            "write a bash one-liner to find the {n} largest files in a directory", "is there a race condition here?",
            "how do i mock datetime.now in pytest", "make this component accessible, it's a custom dropdown",
            "port this from Java to Kotlin", "what's wrong with my Dockerfile, the container exits immediately",
            "explain what this terraform plan is going to change", "can you make the error messages friendlier",
            "add pagination to this endpoint, {n}0 items per page", "no, keep the old function signature"]
    return C("devx.ide_chat", "user_turn", "text", text_col(pool, nrows(70, 100), ks=(1,), post=lambda v: vary(v, 0.3)),
             ["conversation", "free_text"], "Developers' messages to a coding assistant, some with code.", category=FT)


# --- 9 ------------------------------------------------------------------
@col
def f_call_asr():
    scen = [
        ("yeah hi um I'm calling because my bill went up like twenty dollars and I didn't change anything",
         ["okay I see what happened the promotional credit ended last month", "I can add a loyalty discount of ten dollars for twelve months"],
         ["oh okay", "yeah that'd be great", "why didn't anybody tell me"]),
        ("hi I wanna add a line for my daughter",
         ["sure I can help with that are you bringing your own phone or buying one from us", "okay the new line is thirty dollars a month with autopay"],
         ["she has her own phone", "okay that's fine", "does she keep her number"]),
        ("the internet keeps dropping every evening around eight",
         ["let me go ahead and reset the line from our end", "so the technician can come out on {wday} between eight and twelve"],
         ["okay", "can it be in the afternoon", "it happened again last night"]),
        ("I'm traveling to Mexico next week do I need an international plan",
         ["alright I've added the travel pass it'll be ten dollars a day only on days you use it"],
         ["perfect", "does that include data"]),
        ("I got a text saying my payment failed but the money came out of my account",
         ["I'm going to put you on a brief hold while I check that", "I see two attempts, one declined and one that went through, so you're all set"],
         ["okay good", "can I update the card on file while I have you"]),
        ("uh I think somebody ordered a phone on my account that wasn't me",
         ["I'm sorry to hear that I'm going to transfer you to our fraud team", "can you verify the account holder's date of birth for me"],
         ["yeah sure", "this is really stressing me out"]),
    ]
    filler = ["mm-hm", "okay", "yeah", "[inaudible]", "sorry can you repeat that", "right", "uh huh", "sure"]
    ids = [lambda: f"the number on the account is {ph_us(pick(['natl', 'dashes']))}",
           lambda: f"you can call me back at {ph_us()}",
           lambda: f"sure it's {fmt_card(gen_card(pick(['visa', 'mastercard', 'discover'])), ' ')} expiration oh four twenty seven",
           lambda: f"yeah the card is {fmt_card(gen_card(pick(['visa', 'amex', 'mastercard'])), ' ')}"]

    def f():
        opener, agent, caller = pick(scen)
        lines = ["Agent: " + fill("thanks for calling Example Wireless this is {fn} " + pick(["how can I help", "can I get your name please", "who do I have the pleasure of speaking with"])),
                 "Caller: " + opener]
        if chance(0.3):
            lines += ["Agent: " + pick(["can I get the phone number on the account", "what card would you like to use today"]),
                      "Caller: " + pick(ids)()]
        for a in agent:
            lines.append("Agent: " + fill(a))
            lines.append("Caller: " + (pick(filler) if chance(0.4) else pick(caller)))
        if chance(0.5):
            lines += ["Agent: is there anything else I can help with today", "Caller: " + pick(["no that's it thanks", "nope", "no thank you bye"])]
        return "\n".join(lines)
    return C("cc.call_asr", "transcript", "text", many(f, nrows(60, 90)),
             ["conversation", "credit_card", "free_text", "phone_number"],
             "ASR call-centre transcripts; callers sometimes read out a phone or card number.", category=FT)


# --- 10 -----------------------------------------------------------------
@col
def f_sms():
    en = ["Dad can you pick me up at {time}?", "Don't forget to buy milk", "Running 10 min late, start without me",
          "Love you, drive safe", "Landed! Will call when I get to the hotel", "Who has the spare key?",
          "The plumber is coming between 1 and 3", "Can you feed the cat tonight?", "ok", "👍", "Thanks so much for dinner last night!",
          "Did you see the game??", "I left the charger at your place", "Call grandma, it's her birthday",
          "Mom said dinner is at 6 on Sunday", "Traffic is crazy, 20 more min", "The kids are asleep, come in quietly",
          "Got the tickets!! 🎉", "Sorry missed your call, what's up?", "Can you grab {grocery} on the way home?"]
    es = ["Ya llegué, estoy afuera", "¿A qué hora sales del trabajo?", "Te quiero mucho, cuídate", "¿Me traes pan?", "Ok, nos vemos a las {time}"]
    pt = ["Mãe, vou chegar tarde hoje", "Tá bom, te ligo depois", "Já comprei o presente", "Saudades!"]
    hi = ["kal milte hain, 5 baje theek hai?", "haan bhai, done", "ghar pahunch gaya", "khana kha liya?"]
    fr = ["T'es où ? On t'attend", "J'arrive dans 10 min", "Bisous, à demain"]
    de = ["Bin gleich da!", "Kannst du Brot mitbringen?", "Alles gut bei dir?"]
    it = ["Tutto bene? Non rispondi al telefono", "Ci vediamo alle 8 davanti al cinema", "Grazie mille!"]
    return C("msg.sms_store", "txt", "varchar",
             [vary(grouped([en, es, pt, hi, fr, de, it], ks=(1, 1, 1, 2)), 0.3) for _ in range(nrows(90, 130))],
             ["conversation", "free_text"],
             "Personal SMS between family and friends in English, Spanish, Portuguese, Hindi (romanised), French, German, Italian.",
             category=FT)


# --- 11 -----------------------------------------------------------------
@col
def f_comments():
    pool = ["This is so true", "Where did you get that jacket?", "Congrats!! well deserved", "Source?",
            "I laughed way too hard at this", "Not sure I agree, the numbers say otherwise",
            "Can you share the recipe?", "Beautiful shot 😍", "First!", "This aged well lol",
            "Take my upvote and leave", "Tried this and it actually works", "Who else is watching in {yr}?",
            "The lighting in the second photo is perfect", "Unpopular opinion but the sequel was better",
            "Please do a tutorial on this", "I've been to {city}, the food is incredible",
            "This comment section is wholesome", "Honestly the best thing I've seen all week",
            "Are you still selling these?", "Where is this? Looks amazing", "me every monday morning",
            "ok but the dog in the background 😂", "Can't believe it's been 10 years"]
    return C("ugc.comments", "c_text", "varchar", text_col(pool, nrows(80, 120), ks=(1, 1, 2)), ["free_text"],
             "Public comments on posts (public, so not a private conversation).", category=FT)


# --- 12 -----------------------------------------------------------------
@col
def f_forum():
    cars = ["Has anyone had transmission issues with the {yr} model? Mine started slipping at around 60k miles.",
            "I replaced the fuel filter myself and it took about an hour, mostly because of one stubborn clamp.",
            "Update: the dealer says it's covered under the extended warranty, so fingers crossed.",
            "Check the TSB first, there's a software update for the shifting that fixed mine.",
            "Mine did the same thing at 55k. New valve body and it's been fine since."]
    garden = ["My tomatoes keep splitting right before they ripen. I water every morning. What am I doing wrong?",
              "Try mulching heavily and watering less often but deeper. Made a huge difference for me.",
              "Splitting is usually uneven watering. A soaker hose on a timer helped us a lot.",
              "Also pick them at first blush and let them finish on the counter."]
    tech = ["Looking for a budget mechanical keyboard under $80, mostly for coding. Any recommendations?",
            "I've been running Linux on my old ThinkPad for two years and honestly it feels faster than new.",
            "Is it worth upgrading from the 3060 if I mostly play at 1080p?",
            "I've read the FAQ but still can't figure out why my router drops 5GHz devices.",
            "Thanks everyone, marking this as solved. It was the power supply after all.",
            "Have you tried changing the channel width to 40MHz? Fixed drops on mine."]
    outdoors = ["Does anyone know if the trail to the upper lake is open this early in the season?",
                "We went last weekend, there was still snow above 8000 ft so bring microspikes.",
                "Parking lot fills up by 7 on weekends, go early.", "Selling my old road bike, 54cm frame, DM if interested."]
    misc = ["Mods, can we get a pinned thread for beginner questions?", "Hot take: most productivity apps just add more things to manage.",
            "Quick tip: if your sourdough is too sour, refresh the starter twice before baking."]
    return C("community.posts", "body", "text",
             [vary(grouped([cars, garden, tech, outdoors, misc], ks=(1, 2, 2, 3)), 0.2) for _ in range(nrows(70, 100))],
             ["free_text"], "Public forum posts, multi-sentence.", category=FT)


# --- 13 -----------------------------------------------------------------
@col
def f_product_reviews():
    pos = ["Love it. Bought a second one for my sister.", "Great value for the price, does exactly what it says.",
           "Honestly better than the expensive brand I had before.", "Super comfy, I wear them every day now.",
           "Arrived a day early!", "Five stars, no notes.", "My kids love it.", "Really well made, feels solid.",
           "Exactly as pictured.", "Easy to set up, took five minutes."]
    neg = ["Stopped working after two weeks. Very disappointed.", "Battery life is not what they advertise.",
           "Assembly took forever and two screws were missing.", "Would give 0 stars if I could.",
           "Returned it, the stitching came apart in the wash.", "It's loud. Like, really loud.",
           "Quality has gone down compared to the one I bought in {yr}.", "The handle gets hot, be careful.",
           "Cheap plastic, broke the first time I used it."]
    mid = ["Runs a size small, order up.", "The colour is more grey than blue in person.",
           "Packaging was damaged but the {prod} itself was fine.", "Meh. It's okay.",
           "Works fine but the app you need to use it is terrible.", "Smaller than expected but cute.", "Does the job, nothing special."]
    return C("shop.product_reviews", "review_txt", "text",
             [vary(grouped([pos, neg, mid], ks=(1, 1, 2, 3)), 0.3) for _ in range(nrows(90, 130))],
             ["free_text"], "Customer-written product reviews.", category=FT)


# --- 14 -----------------------------------------------------------------
@col
def f_hotel_reviews():
    en = ["Great location, walking distance to everything. The room was small but spotless.",
          "Staff at reception were incredibly helpful with restaurant tips.",
          "The walls are thin, we could hear the neighbours' TV until midnight.", "Breakfast was average, same options every day.",
          "Check-in took 40 minutes because the system was down.", "Would stay again. The rooftop bar is worth it alone.",
          "Parking was expensive and not mentioned when booking.", "The shower pressure was weak and the towels were thin.",
          "Beds were really comfortable and the blackout curtains actually work."]
    de = ["Sehr sauberes Zimmer und freundliches Personal.", "Das Frühstück war ausgezeichnet.",
          "Leider war die Klimaanlage kaputt und niemand hat sich darum gekümmert.", "Lage top, Preis etwas hoch."]
    es = ["El hotel está muy bien ubicado, pero la cama era incómoda.", "Nos encantó la piscina y el desayuno.", "Volveremos seguro.",
          "El personal fue muy amable."]
    fr = ["Chambre propre mais un peu bruyante côté rue.", "Personnel très accueillant, je recommande !", "Petit-déjeuner copieux."]
    it = ["Posizione perfetta, camera pulita, colazione abbondante.", "Personale gentilissimo.", "Bagno un po' piccolo."]
    ja = ["部屋は清潔で、スタッフもとても親切でした。", "駅から近くて便利です。", "朝食の種類がもう少し多いと嬉しいです。"]
    return C("stays.guest_reviews", "kommentar", "text",
             [grouped([en, de, es, fr, it, ja], ks=(1, 2, 2, 3)) for _ in range(nrows(80, 110))],
             ["free_text"], "Guest reviews in English, German, Spanish, French, Italian, Japanese; German column name.",
             category=FT)

# --- 15 -----------------------------------------------------------------
@col
def f_mgr_comments():
    pool = ["{fn} consistently delivered on the commitments for {proj} and was the go-to person for on-call escalations.",
            "Needs to improve written communication; design docs often lack context for reviewers outside the team.",
            "Strong technical judgment. I'd like to see more proactive mentoring of the newer engineers.",
            "Missed two quarterly goals, partly due to shifting priorities, but also due to late escalation of risks.",
            "Exceeded expectations this cycle. Drove the reduction in checkout latency by {pct} almost single-handedly.",
            "Has been reluctant to take feedback in 1:1s; we agreed on a development plan for next half.",
            "A steady, reliable performer. Ready for more scope in the next cycle.",
            "Customer escalations were handled with real empathy; two customers wrote in to praise her by name.",
            "Output was below the bar for the level, particularly in the first quarter.",
            "Rating: Meets. Promotion not recommended this cycle; revisit in six months.",
            "Great collaborator across {team} and Finance, but tends to overcommit and then miss dates.",
            "Ownership of the incident review process has been excellent.",
            "I'd like {fn} to focus on prioritisation: too many parallel threads, not enough finished.",
            "Top performer on the team. Recommended for promotion to Senior."]
    return C("hr_perf.cycle_2024h1", "mgr_comment", "text", text_col(pool, nrows(70, 100), ks=(1, 2, 2, 3)),
             ["free_text", "performance_review"], "Managers' written review comments about employees.", category=FT)


# --- 16 -----------------------------------------------------------------
@col
def f_self_review():
    pool = ["This half I focused mainly on {proj}, which shipped two weeks late but with zero rollbacks.",
            "I think I underestimated how much time the hiring loops would take.",
            "My biggest win was automating the monthly close reconciliation, saving the team about two days a month.",
            "I want to grow in public speaking and plan to present at the next all-hands.",
            "I struggled with context switching after the reorg and would like clearer priorities.",
            "I mentored two interns, both of whom received return offers.",
            "Looking back, I should have raised the vendor delays earlier.",
            "I believe my performance this cycle meets or exceeds the expectations for my level.",
            "Goals for next half: finish the certification, own the roadmap for {team}, and reduce ticket backlog by half.",
            "Honestly it was a rough quarter, but I'm proud of how the team pulled together.",
            "I took on the on-call rotation lead role in addition to my normal work."]
    return C("hr_perf.cycle_2024h1", "col_9", "text", text_col(pool, nrows(60, 90), ks=(2, 2, 3)),
             ["free_text", "performance_review"], "Employee self-assessments under a neutral column name.",
             category=FT)


# --- 17 -----------------------------------------------------------------
@col
def f_one_on_ones():
    pool = ["- talked about promo timeline, not this cycle", "- {fn} feeling stretched thin w/ oncall + {proj}",
            "- feedback: great job on the postmortem writeup", "- action: {fn} to own sprint demo",
            "- raised concern re: missed deadlines x2, agreed to weekly check-ins",
            "- career: interested in moving toward mgmt track", "- perf: trending below expectations on delivery",
            "- kudos from {team} for the migration support", "- discussed comp questions, will follow up w/ HR",
            "- next 1:1 focus on estimation", "- wants more design work, less ops",
            "- I flagged communication issues in standups", "- goals for Q3 drafted, review next week",
            "- good progress on PIP item #2"]
    return C("people.meeting_notes", "notes", "text", text_col(pool, nrows(60, 90), ks=(2, 3, 4), sep="\n"),
             ["free_text", "performance_review"], "Manager's 1:1 notes, bulleted, about performance and growth.",
             category=FT)


# --- 18 -----------------------------------------------------------------
@col
def f_er_cases():
    general = ["Employee reported that a coworker repeatedly made comments about her accent in team meetings.",
               "Interviewed both parties and two witnesses. Accounts largely consistent.",
               "Complaint regarding scheduling favouritism on the night shift.",
               "Manager requested guidance on documenting repeated tardiness.",
               "Case closed: no policy violation found; coaching provided to the team lead.",
               "Employee alleges retaliation after filing an expense dispute.",
               "Follow-up meeting scheduled with the employee and HRBP."]
    med = ["Employee requested an accommodation for a back injury: sit/stand desk and no lifting over 20 lbs per physician's note.",
           "Intermittent FMLA approved for migraines, up to 2 days per month.",
           "Employee disclosed a depression diagnosis and asked for a modified schedule during treatment.",
           "Return-to-work after knee surgery; cleared for light duty only for six weeks."]
    perf = ["Written warning issued for missed production targets three weeks running.",
            "Manager wants to start a performance improvement plan; reviewed prior feedback, which supports it.",
            "Employee disputes the Partially Meets rating and says the goals were changed mid-cycle."]

    def f():
        parts = R.sample(general, R.randint(1, 2))
        r = R.random()
        if r < 0.25:
            parts.insert(0, pick(med))
        elif r < 0.45:
            parts.insert(0, pick(perf))
        return " ".join(parts)
    return C("er.cases", "detail", "text", many(f, nrows(70, 100)), ["free_text", "medical", "performance_review"],
             "Employee-relations case notes; ~25% describe medical accommodations/leave, ~20% performance actions.",
             category=FT)


# --- 19 -----------------------------------------------------------------
@col
def f_pip():
    pool = ["Objective 1: Close all assigned P2 tickets within SLA for the next 30 days.",
            "Objective 2: Submit design docs for review at least 48 hours before the review meeting.",
            "Attend all standups and communicate blockers the same day.",
            "Complete the SQL fundamentals course by the end of week 3.",
            "Reduce error rate on order entry to below 2%.",
            "Weekly check-ins with manager every Thursday to review progress.",
            "Failure to meet these expectations may result in further action up to and including termination.",
            "Day 30 review: objectives 1 and 3 met; objective 2 partially met.",
            "Extended by 30 days at the manager's request.", "Outcome: successfully completed."]
    return C("hr.pip_tracker", "objectives_txt", "text", text_col(pool, nrows(60, 80), ks=(2, 3, 4), sep="\n"),
             ["free_text", "performance_review"], "Performance improvement plan objectives and outcomes.",
             category=FT)


# --- 20 -----------------------------------------------------------------
@col
def f_360():
    pool = ["{fn} is incredibly generous with their time; I always leave our pairing sessions having learned something.",
            "Sometimes dominates meetings and doesn't leave room for quieter folks.",
            "Could be more decisive when the data is ambiguous.", "One of the best PMs I've worked with.",
            "Their code reviews are thorough but can come across as harsh.",
            "Keep doing: the weekly written updates, they're really useful.",
            "Start doing: involve design earlier.", "Stop doing: committing to dates before engineering has estimated.",
            "Reliable, calm under pressure, and great during incidents.",
            "I'd like to see more ownership of the roadmap rather than waiting for direction."]
    return C("talent.feedback_360", "resp_text", "text", text_col(pool, nrows(60, 90), ks=(1, 2, 3)),
             ["free_text", "performance_review"], "Peer (360) feedback about colleagues.", category=FT)


# --- 21 -----------------------------------------------------------------
@col
def f_scorecards():
    pool = ["Strong system design; talked through sharding trade-offs clearly.",
            "Struggled with the coding exercise, needed hints for the edge cases.",
            "Great culture add, asked thoughtful questions about on-call.", "Lean no hire: communication was unclear.",
            "Hire. Would be a strong fit for {team}.", "Has only worked on small teams; unsure how they'd handle ambiguity.",
            "Solved the problem optimally in 25 minutes and wrote tests without prompting.",
            "Salary expectations are above band.", "Candidate was 15 minutes late but apologised.",
            "Good examples of stakeholder management from the last role."]
    return C("ats.scorecards", "remarks", "text", text_col(pool, nrows(60, 90), ks=(1, 2, 3)), ["free_text"],
             "Interviewers' notes about candidates (not employee performance reviews).", category=FT)


# --- 22 -----------------------------------------------------------------
@col
def f_recruiter():
    pool = ["Left voicemail, will try again {day}.", "Candidate interested but wants remote only.",
            "Moved to onsite loop.", "Declined offer, accepted counter from current employer.",
            "Referred by {fn} on the {team} team.", "Available to start in {month}.",
            "Asked about visa sponsorship - yes, H-1B transfer.", "Great phone screen, strong Python background.",
            "Not a fit for this req, keep warm for senior roles.", "Rescheduled twice, low engagement."]
    ids = [lambda: f"Prefers personal email {gen_email()}.", lambda: f"Cell: {ph_any()}",
           lambda: f"Best reached at {ph_us()} after 5pm.", lambda: f"Sent follow-up to {gen_email()}."]
    vals = text_col(pool, nrows(70, 100), ks=(1, 2))
    return C("ats.candidate_activity", "note", "varchar", embed(vals, 0.25, ids), ["email", "free_text", "phone_number"],
             "Recruiter notes; about a quarter contain the candidate's email or phone.", category=FT)


# --- 23 -----------------------------------------------------------------
@col
def f_clinical():
    cases = [
        ("Pt is a {age}yo presenting with {d} of productive cough and low-grade fever.",
         "BP {bp}, HR {hr}, T {t}. Lungs with scattered rhonchi, no focal consolidation.", "Acute bronchitis", "J20.9",
         "Supportive care, fluids, return if SOB."),
        ("Pt reports worsening low back pain x {d} after lifting boxes, no radiation, no bowel/bladder changes.",
         "Lumbar paraspinal tenderness, SLR negative. BP {bp}.", "Mechanical low back pain", "M54.50", "PT referral, NSAIDs PRN, heat."),
        ("F/u for T2DM. Reports good adherence to metformin. Home glucose 120s-140s.", "A1c {a1c} (was {a1c2}). BP {bp}.",
         "T2DM, improving", "E11.9", "Continue metformin, recheck A1c in 3 mo."),
        ("Presents with intermittent chest tightness on exertion x {d}, resolves with rest.", "ECG NSR, no acute ST changes. BP {bp}, HR {hr}.",
         "Stable angina, r/o CAD", "I25.10", "Stress test ordered, start ASA 81."),
        ("Mother reports child pulling at {side} ear and fussy overnight.", "TM {side} erythematous and bulging. T {t}.",
         "Acute otitis media", "H66.90", "Amoxicillin x10d."),
        ("C/o fatigue, weight gain and cold intolerance for several months.", "TSH {tsh}. HR {hr}.", "Hypothyroidism", "E03.9",
         "Start levothyroxine 50 mcg, recheck TSH 6 wks."),
        ("Pt anxious, reports poor sleep and racing thoughts since job loss.", "PHQ-9 {phq}, GAD-7 {gad}.", "Moderate depression", "F32.9",
         "Start sertraline 50 mg, therapy referral, f/u 4 wks."),
        ("Here for annual physical. No complaints.", "BP {bp}, BMI {bmi}. Exam unremarkable.", "Healthy adult", "Z00.00",
         "Age-appropriate screening discussed."),
        ("Headaches 3-4x/wk, throbbing, with photophobia, x {d}.", "Neuro exam nonfocal. BP {bp}.", "Migraine", "G43.909",
         "Start sumatriptan PRN, headache diary."),
        ("Burning epigastric pain after meals, worse lying down.", "Abdomen soft, mild epigastric TTP.", "GERD", "K21.9",
         "Omeprazole 20 mg daily x 8 wks, diet changes."),
    ]
    nums = {"bp": lambda: f"{R.randint(104, 168)}/{R.randint(62, 102)}", "hr": lambda: str(R.randint(56, 112)),
            "t": lambda: f"{R.uniform(97.6, 101.8):.1f}", "a1c": lambda: f"{R.uniform(6.4, 7.8):.1f}",
            "a1c2": lambda: f"{R.uniform(7.9, 9.6):.1f}", "tsh": lambda: f"{R.uniform(6.0, 14.0):.1f}",
            "phq": lambda: str(R.randint(10, 19)), "gad": lambda: str(R.randint(8, 17)), "bmi": lambda: f"{R.uniform(19, 36):.1f}",
            "d": lambda: pick(["3 days", "1 week", "2 weeks", "5 days", "a month"]), "side": lambda: pick(["R", "L"]),
            "age": lambda: str(R.randint(19, 84))}

    def sub(s):
        return re.sub(r"\{(\w+)\}", lambda m: nums[m.group(1)](), s)

    def f():
        s, o, a, code, p = pick(cases)
        s, o = sub(s), sub(o)
        if chance(0.35):
            a += f" ({code})"
        if chance(0.5):
            return f"S: {s}\nO: {o}\nA: {a}\nP: {p}"
        return f"{s} {o} Assessment: {a}. Plan: {p}"
    return C("clinical.encounter_notes", "note_text", "text", many(f, nrows(70, 100)),
             ["free_text", "icd10_code", "medical"],
             "Clinician-written encounter notes (SOAP and narrative); ~35% cite an ICD-10 code in the assessment.",
             category=FT)


# --- 24 -----------------------------------------------------------------
@col
def f_portal_msgs():
    pool = ["Hi Dr. {ln}, my blood pressure readings at home have been around 150/95 this week. Should I increase the lisinopril?",
            "The rash on my arm is spreading even with the cream. Can I send a photo?",
            "Thank you for seeing me yesterday. I forgot to ask whether I can still take ibuprofen with the new medication.",
            "Could you please refill my inhaler? I'm down to the last one.",
            "My son's fever broke last night, is he okay to go back to school?",
            "I'm having side effects from the statin, muscle aches in both legs.",
            "Your lab results are normal. Your cholesterol has improved since last year. - Nurse {fn}",
            "Please call the office to schedule your follow-up colonoscopy.",
            "I've been feeling more depressed since stopping the medication and would like to talk about restarting.",
            "Is it normal to still have spotting 3 weeks after the procedure?"]
    return C("portal.inbox", "msg", "text", text_col(pool, nrows(60, 90), ks=(1, 1, 2)),
             ["conversation", "free_text", "medical"], "Secure messages between patients and their care team.",
             category=FT)


# --- 25 -----------------------------------------------------------------
@col
def f_triage():
    cases = [
        ("{kid} with fever {temp} {dur}", ["drinking fluids, alert", "wet diapers normal", "no rash", "no difficulty breathing", "tugging at ears"],
         ["Advised acetaminophen dosing by weight, call back if lethargic.", "Home care advice given, f/u with PCP if fever persists > 3 days."]),
        ("adult {sex} with dysuria and frequency {dur}", ["no fever", "no flank pain", "hx of UTI last year"],
         ["Scheduled same-day visit.", "E-visit arranged, UA at lab."]),
        ("pt with known asthma using rescue inhaler q{h}h", ["speaking in short sentences", "no fever", "peak flow not available"],
         ["Advised ED evaluation.", "Advised urgent care now, call 911 if worse."]),
        ("fell on ice, {side} wrist swollen", ["able to move fingers", "no numbness", "pain {pain}/10"],
         ["Referred to urgent care for x-ray.", "RICE advice, x-ray tomorrow."]),
        ("pt on warfarin with nosebleed > {mins} min", ["pressure applied", "no dizziness", "INR last week 3.1"], ["Advised ED."]),
        ("post-op day {pod} after lap chole, incision red and warm", ["temp {temp}", "some drainage", "pain controlled"],
         ["Appointment tomorrow AM.", "Surgeon on call paged."]),
        ("asking about vaccine side effects, sore arm and mild fatigue", ["no facial swelling", "day {pod} after dose"],
         ["Reassured, OTC analgesic PRN."]),
        ("chest pain radiating to {side} arm", ["diaphoretic", "age {age}", "hx HTN"], ["Advised to call 911 immediately."]),
        ("{kid} vomiting {dur}", ["unable to keep fluids down", "last void 8 hrs ago", "no blood"],
         ["Advised ED for dehydration eval.", "Oral rehydration advice, callback in 2 hrs."]),
        ("pregnant pt {wk} wks with decreased fetal movement", ["no bleeding", "no contractions"], ["Sent to L&D triage."]),
        ("adult {sex} with sudden severe headache, worst of life", ["neck stiff", "vomited once"], ["Advised 911."]),
        ("sore throat and fever {dur}", ["no drooling", "able to swallow", "sibling strep positive"],
         ["Strep test appointment booked.", "Home care, f/u if no improvement."]),
        ("{age} yo {sex} with low back pain after lifting", ["no saddle numbness", "pain {pain}/10", "no leg weakness"],
         ["Self-care advice, PCP appt this week."]),
    ]

    def f():
        c, det, disp = pick(cases)
        if "{kid}" in c:
            lead = pick(["Mother calling re: ", "Father reports ", "Parent calling, ", ""])
        else:
            lead = pick(["Caller reports ", "Pt reports ", "Spouse calling, pt has ", ""]) if not c.startswith(("pt ", "adult", "pregnant", "{age}")) else pick(["", "Caller: "])
        d = ", ".join(R.sample(det, R.randint(1, min(2, len(det)))))
        t = f"{lead}{c}"
        return fill(f"{t[0].upper() + t[1:]}. {d[0].upper() + d[1:]}. {pick(disp)}")
    return C("triage.call_summaries", "summary", "text", many(f, nrows(60, 80)), ["free_text", "medical"],
             "Nurse advice line call summaries.", category=FT)


# --- 26 -----------------------------------------------------------------
@col
def f_therapy():
    pool = ["Client reports panic attacks twice weekly, mostly on the commute. Practised box breathing in session.",
            "Discussed grief related to father's death; client tearful but engaged.",
            "Sleep improving with CBT-I techniques, averaging 6 hrs.",
            "Client denies SI/HI. Safety plan reviewed.", "Homework: thought record for three triggering situations.",
            "Explored conflict with partner around household responsibilities.",
            "Client disclosed increased drinking on weekends; will monitor.",
            "Progress toward goal 2 (return to work) - started part-time this week.",
            "PTSD symptoms reduced; nightmares down from nightly to once a week."]
    return C("bh.notes", "txt", "text", text_col(pool, nrows(60, 90), ks=(1, 2, 3)), ["free_text", "medical"],
             "Behavioural-health therapy session notes.", comment="progress notes", category=FT)


# --- 27 -----------------------------------------------------------------
@col
def f_pharm_notes():
    pool = ["Called prescriber to clarify dose; changed to 5 mg BID per Dr. {ln}.",
            "Pt counselled on taking with food, verbalised understanding.", "Early refill request denied, too soon by 9 days.",
            "Insurance requires prior auth, faxed form to clinic.", "Pt reports GI upset on brand, switched to generic.",
            "Drug interaction alert (warfarin + fluconazole) - prescriber notified.",
            "Partial fill, remaining 30 tabs owed.", "Pt picked up by spouse, ID checked."]
    ids = [lambda: f"Verified prescriber DEA {gen_dea()} against registry.",
           lambda: f"DEA# {gen_dea()} confirmed by phone with the office.",
           lambda: f"CII script, prescriber DEA {gen_dea()}."]
    vals = text_col(pool, nrows(70, 100), ks=(1, 2))
    return C("rx.fill_events", "remark", "varchar", embed(vals, 0.2, ids), ["free_text", "medical", "us_dea"],
             "Pharmacist notes on fills; ~20% cite the prescriber's DEA number.", category=FT)


# --- 28 -----------------------------------------------------------------
@col
def f_auto_claims():
    pool = ["Spoke with insured, vehicle was rear-ended at a stop light on {wday}.",
            "Claimant reports neck pain and was seen at urgent care; diagnosed with whiplash.",
            "Driver of other vehicle admitted fault at scene per police report.",
            "Passenger complained of a headache and dizziness, went to the ER, CT negative.",
            "Estimate received from body shop: {bigamt}.", "Rental authorised for 10 days.",
            "Insured has a fractured wrist from the airbag deployment, in a cast for 6 weeks.",
            "Photos show damage to rear bumper and trunk lid.", "Recorded statement obtained from witness.",
            "Total loss evaluation requested."]
    return C("claims_auto.adj_log", "entry", "text", text_col(pool, nrows(70, 100), ks=(1, 2, 3)),
             ["free_text", "medical"], "Auto-claim adjuster log entries; many describe injuries.", category=FT)


# --- 29 -----------------------------------------------------------------
@col
def f_property_claims():
    pool = ["Water leaked through the ceiling from the upstairs unit while we were away for {n} days.",
            "Tree branch fell on the garage roof during the storm last night.",
            "Someone broke the back window and took a laptop and a TV.",
            "Basement flooded after heavy rain, carpet and drywall are soaked.",
            "Hail dented the siding on the north side of the house.",
            "Kitchen fire started on the stove, smoke damage to cabinets and ceiling.",
            "Pipe burst under the sink, floor is warped.", "Fence blown down by wind, about {n}0 feet of it.",
            "Dishwasher leaked overnight and the water went into the downstairs neighbour's ceiling.",
            "Our bikes were stolen from the locked garage on {day}.", "Power surge fried the fridge and the TV.",
            "Ice dam caused water to come in around the skylight.", "A delivery truck backed into our mailbox and porch railing.",
            "Roof is missing shingles after the windstorm, now leaking in the attic.",
            "Sewer backed up into the basement bathroom.", "Raccoons tore through the soffit and got into the attic.",
            "We noticed mould behind the washing machine, not sure how long it has been leaking."]
    return C("claims_prop.fnol", "loss_desc", "text", text_col(pool, nrows(60, 90), ks=(1, 1, 2), post=lambda v: vary(v, 0.3)),
             ["free_text"], "Policyholders' descriptions of property losses (no injuries).", category=FT)


# --- 30 -----------------------------------------------------------------
@col
def f_tax_notes():
    pool = ["Client received a 1099-NEC for freelance design work; Schedule C prepared with home office deduction.",
            "Filing MFJ this year; spouse had W-2 income only.", "AGI increased to ~{bigamt}, now phased out of the child tax credit.",
            "Client sold rental property in {month}; depreciation recapture calculated.",
            "Missing 1098 for mortgage interest - requested from client.",
            "Estimated payments for Q1-Q3 confirmed, Q4 missed.", "Client owes {bigamt}; set up installment agreement.",
            "Refund of {amt} direct deposited.", "HSA contributions exceeded limit, excess withdrawn.",
            "Dependent care FSA reconciled with Form 2441."]
    ids = [lambda: f"Dependent SSN {fmt_ssn(gen_ssn())} added.", lambda: f"Employer EIN {fmt_ein(gen_ein())} per W-2.",
           lambda: f"Spouse SSN {fmt_ssn(gen_ssn())} verified.", lambda: f"1099 payer EIN {fmt_ein(gen_ein())}."]
    vals = text_col(pool, nrows(70, 100), ks=(1, 2, 3))
    return C("taxsvc.return_workpapers", "notes", "text", embed(vals, 0.3, ids), ["free_text", "tax", "us_ein", "us_ssn"],
             "Tax preparer notes about clients' returns; ~30% include an SSN or EIN.", category=FT)


# --- 31 -----------------------------------------------------------------
@col
def f_tax_msgs():
    pool = ["Hi, I just got a letter from the IRS saying I owe more for {yr}. Can you look at it?",
            "We had a baby in {month}, does that change our return?",
            "Attached are my 1099s from the brokerage. There's also a corrected one coming.",
            "Your return has been e-filed and accepted. Expect your refund in about 3 weeks.",
            "Please sign the 8879 so we can file.", "Do I need to report the money my parents gave us for the down payment?",
            "I moved from California to Texas mid-year, how does that work for state taxes?",
            "We still need your property tax statement before we can finish Schedule A.",
            "Thanks! Is there anything I should do differently next year to owe less?",
            "My employer sent a corrected W-2, the box 1 wages were wrong.", "Can we file an extension? I'm still missing a K-1.",
            "You'll owe about {amt} to the state; federal refund is {amt}.", "I started a side business selling candles, do I need to file anything extra?",
            "Did you include the student loan interest? I uploaded the 1098-E.", "We're getting divorced this year, should we still file jointly?",
            "Your estimated payment for Q{q} is due on the 15th.", "I sold some stock at a loss in {month}, can that offset my bonus?"]
    return C("taxsvc.secure_msgs", "body", "text", text_col(pool, nrows(60, 90), ks=(1, 1, 2), post=lambda v: vary(v, 0.2)),
             ["conversation", "free_text", "tax"], "Messages between tax clients and their preparer.", category=FT)


# --- 32 -----------------------------------------------------------------
@col
def f_disputes():
    pool = ["Cardholder says the charge from the gym continued after cancellation; has cancellation email.",
            "Merchant provided signed delivery receipt; dispute denied.", "Provisional credit of {amt} issued.",
            "Cust does not recognise transaction in {city}, card was in possession. Flagged as fraud.",
            "Duplicate charge confirmed, merchant refunded.", "Customer called back, upset about the timeline.",
            "Chargeback filed under reason code 13.1 (merchandise not received)."]
    ids = [lambda: f"Card {fmt_card(gen_card(), pick([' ', '-']))} blocked and reissued.",
           lambda: f"Old card {gen_card()} closed.", lambda: f"Replacement sent; compromised PAN {fmt_card(gen_card(), ' ')}."]
    vals = text_col(pool, nrows(70, 100), ks=(1, 2))
    return C("cards.dispute_cases", "agent_notes", "text", embed(vals, 0.2, ids), ["credit_card", "free_text"],
             "Card dispute notes by agents; ~20% contain a full card number.", category=FT)


# --- 33 -----------------------------------------------------------------
@col
def f_wire_memo():
    pool = ["rent {month}", "Invoice {inv}", "INV {inv} and {inv}", "school fees for {fn}", "loan repayment, thanks!",
            "deposit for the apartment", "consulting fee Q{q}", "for mum", "wedding gift 💍", "car", "reimbursement for flights",
            "Happy birthday!", "settlement as agreed", "balance of the order", "payment {q} of 4", "tuition fall semester",
            "freight charges {month}", "salary {month}", "refund order {ord}", "support for {fn}", "down payment",
            "per our contract", "Miete {month}", "alquiler", "loyer"]
    ids = [lambda: f"pls send to {fmt_iban(gen_iban(), pick([True, False]))}",
           lambda: f"beneficiary acct {fmt_iban(gen_iban(), False)}", lambda: f"new IBAN {fmt_iban(gen_iban(), True)}"]
    vals = text_col(pool, nrows(80, 120), ks=(1,), p_null=0.1)
    return C("wires.outbound", "memo", "varchar", embed(vals, 0.18, ids, where="any"), ["free_text", "iban"],
             "Customer-typed wire memos; ~18% include an IBAN.", category=FT)


# --- 34 -----------------------------------------------------------------
@col
def f_p2p():
    pool = ["🍕", "pizza", "rent", "rent {month}", "utilities 💡", "uber home", "beers 🍻", "for the tickets", "thx for lunch",
            "groceries", "concert!!", "🏠", "half of dinner", "birthday gift for {fn}", "gas money ⛽", "cleaning lady",
            "dog sitting 🐶", "fantasy league buy-in", "wifi", "sushi 🍣", "ski trip", "book club wine", "lol",
            "you know what this is for", "coffee ☕", "brunch", "haircut", "{fn}'s bday dinner", "power bill {month}",
            "tacos 🌮", "airbnb {city}", "parking", "babysitting", "🎟️🎟️", "cabin deposit", "tutoring", "bar tab",
            "spotify family", "movie + popcorn 🍿", "moving truck", "yard work", "flowers for mom 💐"]
    return C("p2p.transfers", "note", "varchar", text_col(pool, nrows(100, 150), ks=(1,), p_null=0.05, post=lambda v: vary(v, 0.2)),
             ["free_text"], "Peer-to-peer payment notes: one to four words, often emoji.",
             category=FT)


# --- 35 -----------------------------------------------------------------
@col
def f_credentialing():
    pool = ["Application received, missing malpractice COI.", "Primary source verification of license complete.",
            "Board certification expires in {month}, reminder sent.", "Provider moving to the north clinic location.",
            "Committee approved, effective first of next month.", "Hospital privileges letter still outstanding."]
    ids = [lambda: f"NPI {gen_npi()} verified in NPPES.", lambda: f"Updated NPI to {gen_npi()} (was group NPI).",
           lambda: f"Type 2 NPI for the group: {gen_npi()}."]
    vals = text_col(pool, nrows(60, 90), ks=(1, 2))
    return C("prov_ops.credentialing", "notes", "text", embed(vals, 0.35, ids), ["free_text", "us_npi"],
             "Credentialing staff notes; ~35% cite an NPI.",
             allow={"phone_number": "NPIs beginning with 2 can also be dialable US numbers"}, category=FT)


# --- 36 -----------------------------------------------------------------
@col
def f_essays():
    topics = [
        ["The Industrial Revolution changed not only how goods were made but also how families lived.",
         "Before factories, most work happened at home or on farms.", "Children as young as eight worked long shifts in textile mills.",
         "Cities grew so fast that housing and sanitation could not keep up.",
         "In conclusion, the Industrial Revolution brought wealth but also new kinds of suffering."],
        ["In my opinion, social media has made teenagers more connected but also more anxious about how they look to others.",
         "Many of my friends check their phones the moment they wake up.", "Apps are designed to keep us scrolling.",
         "On the other hand, social media helped me find people who share my interests.",
         "Schools should teach students how to use these platforms in a healthy way."],
        ["The experiment tested whether the amount of light affects plant growth.", "We grew twelve bean plants under three light conditions.",
         "Plants given more light grew about 30 percent taller.", "One source of error was that the plants were not watered at exactly the same time.",
         "Next time we would measure the leaves as well as the height."],
        ["The narrator in the story is unreliable because he keeps changing his version of events.",
         "Firstly, the author uses imagery of the sea to show the character's loneliness.",
         "The repeated image of the locked door suggests he is hiding something from himself.",
         "By the end, the reader realises the narrator has been describing his own guilt."],
        ["My grandmother moved to this country when she was nineteen and didn't speak any English.",
         "She worked nights at a bakery and took classes during the day.", "She told me the hardest part was being far from her sisters.",
         "Her story taught me that courage often looks like doing small things every day."],
        ["One reason the Roman Republic collapsed was the growing power of individual generals.",
         "Soldiers became more loyal to their commanders than to the Senate.",
         "Julius Caesar crossing the Rubicon showed that the old rules no longer worked.",
         "Economic inequality also created anger among ordinary citizens."],
    ]

    def f():
        t = pick(topics)
        k = R.randint(3, len(t))
        sents = [t[0]] + R.sample(t[1:], k - 1)
        return vary(" ".join(sents), 0.2)
    return C("lms.submissions", "body", "text", many(f, nrows(60, 80)), ["free_text"], "Student essay submissions.",
             category=FT)


# --- 37 -----------------------------------------------------------------
@col
def f_teacher():
    pool = ["{fn} is a pleasure to have in class and always participates.", "Needs to complete homework on time.",
            "Shows strong reasoning in maths but rushes through word problems.", "Great improvement in reading this term!",
            "Is sometimes distracted by classmates during group work.", "Excellent science project on water filtration.",
            "Would benefit from reading at home 20 minutes a day.", "Kind to others and a natural leader."]
    return C("sis.term_reports", "cmt", "varchar", text_col(pool, nrows(70, 100), ks=(1, 2, 2)), ["free_text"],
             "Teachers' report-card comments about pupils (not employee performance reviews).", category=FT)


# --- 38 -----------------------------------------------------------------
@col
def f_survey():
    en = ["More flexibility on remote days would make a big difference.", "The new expense tool is confusing.",
          "I appreciate the transparency from leadership at the all-hands.", "Too many meetings, not enough focus time.",
          "Career paths for ICs are unclear.", "Love my team, that's why I stay.", "Onboarding was rushed.",
          "The office coffee is terrible, please fix 😅", "Salaries are not competitive with the market anymore.",
          "Nothing to add.", "N/A", "Benefits are great.", "Please stop changing priorities every quarter.",
          "The parental leave policy is generous, thank you.", "Decisions get made in DMs and nobody else knows about them.",
          "I'd like more training budget.", "Hybrid schedule works well for me.", "Hiring freeze is burning people out on my team.",
          "Good people, slow processes.", "The intranet search is useless."]
    es = ["Más comunicación entre los equipos de Madrid y Ciudad de México.", "Me gustaría tener más días de teletrabajo.",
          "El ambiente en el equipo es muy bueno."]
    de = ["Die Prozesse sind zu bürokratisch.", "Mehr Transparenz bei Beförderungen wäre gut.", "Ich fühle mich im Team wohl."]
    return C("survey.resp_2024q2", "q7", "varchar",
             nullify([vary(grouped([en, es, de], ks=(1, 1, 2)), 0.3) for _ in range(nrows(90, 130))], 0.25),
             ["free_text"], "Open-ended engagement-survey answers (English, Spanish, German), many nulls.",
             comment="Q7: Anything else you'd like to share?", category=FT)


# --- 39 -----------------------------------------------------------------
@col
def f_journal():
    general = ["Long day. Work was fine but I couldn't focus after lunch.", "Went for a walk by the river, felt good to be outside.",
               "Called mum, she sounds happier since she moved.", "I keep procrastinating on the application.",
               "Grateful for: coffee, the sun, {fn} texting me out of nowhere.",
               "Tried the new ramen place, overrated.", "Cleaned the whole flat. Small wins."]
    health = ["Anxiety was bad again this morning, heart racing before the meeting.",
              "Day 12 on the new antidepressant, still tired all the time.",
              "Migraine kept me in bed most of the afternoon.",
              "Blood sugar was 210 after dinner, I need to cut back on carbs.",
              "Therapist suggested journalling when the panic starts, so here I am."]

    def f():
        parts = R.sample(general, R.randint(1, 3))
        if chance(0.25):
            parts.insert(R.randint(0, len(parts)), pick(health))
        return fill(" ".join(parts))
    return C("wellness.entries", "body", "text", many(f, nrows(70, 100)), ["free_text", "medical"],
             "Private journal entries; ~25% mention the writer's health.", category=FT)


# --- 40 -----------------------------------------------------------------
@col
def f_bios():
    pool = ["Dog mom 🐕 | coffee snob | will beat you at Mario Kart", "Just moved to {city}, show me your favourite taco spot",
            "Engineer by day, amateur baker by night.", "Looking for someone to go on hikes with and argue about movies.",
            "6'1 because apparently that matters", "Fluent in sarcasm and Spanish.", "Ask me about my houseplants 🌿",
            "Not here for pen pals.", "Weekend climber, weekday spreadsheet nerd.", "I make a mean lasagna."]
    return C("dating.profiles", "about", "varchar", text_col(pool, nrows(70, 100), ks=(1, 2, 2, 3), sep=" · "),
             ["free_text"], "Dating profile bios.", category=FT)


# --- 41 -----------------------------------------------------------------
@col
def f_delivery():
    pool = ["Leave at back door, dog is friendly", "Gate code is 4412#", "Please ring the bell twice", "Do not leave on porch",
            "Call when here, buzzer broken", "Side entrance next to the garage", "Apt 3B, 2nd floor, no elevator",
            "Leave with the front desk", "Hide behind the planter please", "Don't knock, baby sleeping 🙏",
            "Deliver after 5pm only", "Blue house with the red door"]
    ids = [lambda: f"text me at {ph_us()}", lambda: f"call {ph_us()} when outside", lambda: f"alt contact {ph_us('dashes')}"]
    vals = text_col(pool, nrows(80, 120), ks=(1, 1, 2), sep=". ", p_null=0.2)
    return C("lastmile.stops", "instr", "varchar", embed(vals, 0.2, ids), ["free_text", "phone_number"],
             "Delivery instructions typed by customers; ~20% include a phone number.", category=FT)


# --- 42 -----------------------------------------------------------------
@col
def f_benefit_stmt():
    pool = ["I have been unable to work since my stroke in {month}. I cannot stand for more than 10 minutes.",
            "I was laid off in {month} and have been looking for work every week. I have two kids at home.",
            "My doctor says my COPD is getting worse and I need oxygen at night.",
            "I care for my mother full time, she has dementia and cannot be left alone.",
            "After the accident I have chronic pain in my back and legs and take medication that makes me drowsy.",
            "I am a veteran with PTSD and have trouble being around crowds.",
            "Our rent went up and my hours were cut to 20 a week.", "I am requesting a review of the denial I received."]
    return C("gov_benefits.applications", "stmt", "text", text_col(pool, nrows(60, 90), ks=(1, 2, 2)),
             ["free_text", "medical"], "Applicants' statements in benefit applications; many describe health conditions.",
             category=FT)


# --- 43 -----------------------------------------------------------------
@col
def f_records_req():
    pool = ["I am requesting copies of all inspection reports for the restaurant at the corner of 4th and Main from {yr} to present.",
            "Please provide any emails between the city manager's office and the parking vendor regarding the new meters.",
            "Requesting the police report for the incident on my street on {month} 14th.",
            "I would like the contract and invoices for the park renovation project.",
            "Please send electronic copies if possible."]
    ids = [lambda: f"Please reply to {gen_email()}.", lambda: f"Contact: {gen_email()}"]
    vals = text_col(pool, nrows(60, 80), ks=(1, 2))
    return C("gov_records.requests", "request_text", "text", embed(vals, 0.4, ids), ["email", "free_text"],
             "Public-records requests written by residents; ~40% include a reply-to email.", category=FT)


# --- 44 -----------------------------------------------------------------
@col
def f_pr_comments():
    pool = ["nit: can we rename this to something more descriptive?", "LGTM 🚀", "Why not reuse the helper in utils?",
            "This will N+1 on large accounts, let's batch the query.", "Good catch, fixed.", "Can you add a test for the empty case?",
            "I'm not sure this belongs in this PR, maybe split it out?", "+1 to what {fn} said",
            "Does this need a feature flag?", "Heads up, this conflicts with the migration in {pr}.", "Done.", "ship it",
            "I'd prefer we fail loudly here instead of returning None.", "Is this thread-safe?", "nit: trailing whitespace",
            "Could we log the request id here? It'd help with debugging.", "Why the sleep? Feels like it's papering over a race.",
            "Approving, but please follow up on the TODO.", "This is much cleaner, thanks!", "Let's not catch bare Exception.",
            "Magic number - can we make this a constant?", "We already have {tkt} for this, linking.", "fixed in the latest push",
            "I don't think this handles DST correctly.", "Can you add a short comment explaining why?"]
    return C("scm.review_comments", "body", "text", text_col(pool, nrows(90, 130), ks=(1, 1, 2), post=lambda v: vary(v, 0.2)),
             ["free_text"], "Code-review comments written by developers (treated as work artefacts, not private conversation).",
             category=FT)


# --- 45 -----------------------------------------------------------------
@col
def f_commits():
    pool = ["fix off-by-one in pagination", "Add retry to webhook sender", "wip", "refactor auth middleware, no behaviour change",
            "Revert \"Add retry to webhook sender\"", "bump timeout, flaky in CI", "typo", "handle null currency in invoice export",
            "make the linter happy", "Remove dead code from the old checkout flow", "Speed up dashboard query by adding index",
            "oops", "address review comments", "Fix crash when cart is empty", "update README with setup steps",
            "first pass at the CSV importer", "finally fix the timezone bug (for real this time)", "{tkt}: add audit log for refunds",
            "{tkt} guard against empty payload", "fix tests", "more logging to chase the {tkt} heisenbug",
            "Use UTC everywhere in the scheduler", "split OrderService into reader/writer", "drop python 3.8 support",
            "don't retry on 4xx", "Fix flaky test in test_payments (#{inv})", "rename userId -> accountId",
            "add feature flag for new onboarding", "cleanup", "Make migrations idempotent", "revert my revert",
            "tweak copy on the pricing page per design", "docs: clarify how to run locally", "fix race in cache warmup"]
    return C("scm.commits", "message", "varchar", text_col(pool, nrows(90, 130), ks=(1,), post=lambda v: vary(v, 0.15)),
             ["free_text"], "Human-written commit messages (contrast with the bot commit column).", category=FT)


# --- 46 -----------------------------------------------------------------
@col
def f_issues():
    pool = ["Steps to reproduce: open the settings page, click Save twice quickly. Expected one request, got two.",
            "After upgrading to 3.2 the CLI hangs on `init`.", "Feature request: support for YAML config files.",
            "This happens only on Windows, works fine on macOS.", "Any update on this? It's blocking our release.",
            "I can confirm this on the latest version too.", "Closing as duplicate of #1123."]
    ids = [lambda: f"Here's my config, maybe it helps:\n```\ntoken: {gen_github_token()}\nrepo: octo-org/web\n```",
           lambda: f"Server logs show the request from {gen_ipv4()} timing out after 30s.",
           lambda: f"connecting to {gen_ipv4('p10')}:5432 fails with ECONNREFUSED",
           lambda: f"ran `GITHUB_TOKEN={gen_github_token('ghp')} ./release.sh` and it errored"]
    vals = text_col(pool, nrows(70, 100), ks=(1, 2, 3))
    return C("tracker.issues", "body", "text", embed(vals, 0.35, ids), ["free_text", "github_token", "ip_address"],
             "Issue-tracker bodies; ~35% paste a config/command with a GitHub token or a log line with an IP.", category=FT)


# --- 47 -----------------------------------------------------------------
@col
def f_incident_notes():
    pool = ["Initial triage: looks like credential stuffing against the login endpoint.",
            "Blocked at the WAF, monitoring for recurrence.", "False positive, the scanner was our own pentest vendor.",
            "User confirmed they clicked the phishing link but did not enter credentials.",
            "Escalated to IR on-call.", "Rotated affected keys; no evidence of data access."]
    ids = [lambda: f"Source {gen_ipv4('doc')} made {R.randint(200, 9000)} attempts in 10 min.",
           lambda: f"Outbound beacon to {gen_ipv4('doc')} every 60s.", lambda: f"Lateral movement from {gen_ipv4('p10')}.",
           lambda: f"Seen from {gen_ipv6('doc')} as well."]
    vals = text_col(pool, nrows(60, 90), ks=(1, 2))
    return C("secops.incidents", "analyst_note", "text", embed(vals, 0.45, ids), ["free_text", "ip_address"],
             "Security analyst notes; ~45% cite IP addresses.", category=FT)


# --- 48 -----------------------------------------------------------------
@col
def f_helpdesk():
    scen = [
        ("hi, my laptop won't connect to the VPN since this morning", ["Hi! Can you try restarting the VPN client and signing in again?",
                                                                         "Looks like your certificate expired, I've pushed a new one. Reboot and try again."]),
        ("can I get access to the finance shared drive?", ["I've submitted the access request to your manager for approval."]),
        ("Outlook keeps asking for my password", ["That's usually a stale token. Sign out of all Office apps and sign back in.",
                                                  "Please don't share passwords in chat."]),
        ("the printer on 3 is jammed again", ["Facilities has been notified, someone will be up within the hour."]),
        ("need admin rights to install Docker", ["Docker Desktop is available in Self Service, no admin rights needed."]),
        ("my MFA phone was stolen, I can't log in", ["I've reset your MFA, you'll get a setup link on your backup email."]),
        ("I think I accidentally committed our AWS key to a public repo, what do I do", ["Thanks for flagging quickly. Which key id?"]),
    ]
    ids = [lambda: f"this one: {gen_aws_key()}", lambda: f"the key id was {gen_aws_key()} I think"]
    follow = ["ok trying now", "still nothing", "that worked, thanks!", "ok", "how long does that usually take?"]

    def f():
        opener, replies = pick(scen)
        lines = [f"user: {opener}"]
        if opener.startswith("I think I accidentally"):
            lines += [f"it: {replies[0]}", f"user: {pick(ids)()}", "it: I've deactivated that key and opened a security incident. Please rotate any credentials derived from it."]
        else:
            for rp in replies:
                lines.append(f"it: {rp}")
                lines.append(f"user: {pick(follow)}")
            if chance(0.15):
                lines += ["user: also our deploy script uses a key, is this it? " + gen_aws_key(),
                          "it: Please don't paste keys in chat - I've flagged it for rotation."]
        if chance(0.5):
            lines.append("it: " + pick(["Glad it's sorted! Closing this ticket.", "Anything else I can help with?"]))
        return "\n".join(lines)
    return C("it_support.chat_logs", "log", "text", many(f, nrows(60, 90)), ["aws_access_key", "conversation", "free_text"],
             "Employee <-> IT helpdesk chats; some contain a pasted AWS access key id.", category=FT)


# --- 49 -----------------------------------------------------------------
@col
def f_slack_export():
    pool = ["can someone review my PR before standup?", "deploy is green 🎉", "who owns the billing dashboard now?",
            "lunch?", "I'll be 10 min late to the sync", "anyone else seeing 502s on staging?",
            "thanks {fn}, that fixed it", "moving this to a thread", "+1", "we should write this down somewhere",
            "is the offsite still on for {wday}?", "can you share the slides from yesterday?", "heads down today, ping if urgent",
            "ugh the build cache is broken again", "happy friday all!"]
    ids = [lambda: f"loop in {gen_email()} from the vendor side", lambda: f"send the invoice to {gen_email()}"]
    vals = text_col(pool, nrows(100, 140), ks=(1, 1, 2))
    return C("collab.export_msgs", "text", "varchar", embed(vals, 0.1, ids), ["conversation", "email", "free_text"],
             "Workplace chat export; ~10% mention an email address.", category=FT)


# --- 50 -----------------------------------------------------------------
@col
def f_care_notes():
    pool = ["Cust called re: high bill, explained promo expiry, applied $10 courtesy credit.",
            "Port-out request, advised of early termination fee.", "Troubleshot no-service issue, reprovisioned SIM.",
            "Customer irate about dropped calls at home, opened network ticket.", "Added international pass for Mexico trip.",
            "Verified identity via last 4 and security question."]
    ids = [lambda: f"Callback number {ph_us()}.", lambda: f"Cust wants the line {ph_us('dashes')} moved to new plan.",
           lambda: f"Alt contact {ph_us()}."]
    vals = text_col(pool, nrows(70, 100), ks=(1, 2))
    return C("telco.care_interactions", "agent_note", "varchar", embed(vals, 0.3, ids), ["free_text", "phone_number"],
             "Care-agent notes; ~30% include a phone number.", category=FT)


# --- 51 -----------------------------------------------------------------
@col
def f_special_req():
    general = ["Late check-in {eta}", "Could we have a quiet room away from the elevator?", "Celebrating our anniversary 🥂",
               "Need a crib please", "Early check-in if possible, landing at 7am", "Two twin beds instead of a king",
               "High floor please", "We'll have a small dog with us", "Arriving by car, need parking", "Honeymoon!",
               "Can you store our bags after checkout?", "Please no feather pillows", "Connecting rooms if possible, travelling with {n} kids",
               "We'd like a room with a view if available", "Airport pickup for 2 people", "Birthday trip for my wife, anything special appreciated"]
    med = ["I use a wheelchair, need a roll-in shower", "Severe peanut allergy, please let the breakfast staff know",
           "Travelling with a CPAP machine, need an outlet near the bed", "I'm 7 months pregnant, a ground-floor room would help",
           "My son is autistic and sensitive to noise, a quiet corner room please", "Need a fridge in the room for insulin"]

    def f():
        v = fill(pick(general)) if chance(0.85) else pick(med)
        if chance(0.3):
            v += (" " if v[-1] in "!?.🥂" else ". ") + fill(pick(general))
        return vary(v, 0.3)
    return C("travel.reservations", "special_req", "varchar", nullify(many(f, nrows(80, 120)), 0.3),
             ["free_text", "medical"], "Guests' special requests; ~15% mention a health condition.", category=FT)


# --- 52 -----------------------------------------------------------------
@col
def f_marketplace():
    pool = ["Is this still available?", "Would you take $40 for it?", "Yes it's available, pickup only.",
            "Can you hold it until {day}?", "Does it come with the charger?", "Sorry, it's sold.", "Where are you located?",
            "Any scratches on the screen?", "I can meet at the Starbucks on Main at {time}.", "Still for sale?",
            "What's the lowest you'd go?", "I can do {amt}, cash.", "Can you send a pic of the back?", "Is the price negotiable?",
            "It's in great condition, barely used.", "Someone else is coming to look at it at {time}, first come first served.",
            "On my way, white Honda.", "Here, by the front entrance.", "Thanks! Enjoy it.", "Does it fit a {size}?",
            "Pending pickup, will let you know if it falls through."]
    ids = [lambda: f"text me at {ph_us()}, I don't check this app much", lambda: f"email me at {gen_email()} and I'll send more pics",
           lambda: f"my number's {ph_us('dashes')}", lambda: f"or email {gen_email()}"]
    vals = text_col(pool, nrows(80, 120), ks=(1, 1, 1, 2), post=casual)
    return C("market.threads", "body", "varchar", embed(vals, 0.3, ids),
             ["conversation", "email", "free_text", "phone_number"],
             "Buyer-seller messages; ~30% move the conversation off-platform with a phone or email.", category=FT)


# --- 53 -----------------------------------------------------------------
@col
def f_exit():
    pool = ["Got an offer with a {pct} raise.", "I'm moving to be closer to family.", "There was no clear path to promotion.",
            "The reorg changed my role into something I didn't sign up for.", "Loved the people, but the commute was too long.",
            "I'd come back in the future.", "The tools we use are outdated and slow everything down.", "Going back to school.",
            "I wanted to work on a smaller team where I can have more impact.", "Relocating to {city} with my partner.",
            "The return-to-office mandate didn't work for my family.", "Compensation hasn't kept up with the market.",
            "I want to try something completely different.", "Too much process for simple decisions.",
            "Leaving for a fully remote role.", "Honestly, I just needed a change after six years."]
    return C("hr.exit_survey", "resp", "text", text_col(pool, nrows(60, 90), ks=(1, 2), post=lambda v: vary(v, 0.2)), ["free_text"],
             "Exit-survey answers (reasons for leaving; not reviews of a person).", category=FT)


# --- 54 -----------------------------------------------------------------
@col
def f_voice():
    pool = ["set a timer for {n} minutes", "what's the weather tomorrow", "what's the weather in {city}", "play {artist}",
            "turn off the {room} lights", "turn on the {room} lights", "add {grocery} to the shopping list",
            "how tall is mount everest", "call mom", "what time is it in {city}", "remind me to take the bins out at eight",
            "volume up", "stop", "tell me a joke", "how do you spell necessary", "what's on my calendar today",
            "skip this song", "set an alarm for six thirty", "how long do I boil an egg", "who won the game last night",
            "dim the {room} lights to {n}0 percent", "what's {n} times {n}", "read me the news", "pause",
            "how many tablespoons in a cup", "is it going to rain on {day}", "play my discover weekly",
            "set the thermostat to sixty eight", "text {fn} I'm on my way", "translate thank you into korean"]
    return C("voice.utterances", "asr_text", "varchar", text_col(pool, nrows(90, 130), ks=(1,), p_null=0.01),
             ["conversation", "free_text"], "Voice-assistant requests (a person's prompts to an assistant), lowercase ASR.",
             category=FT)


# --- 55 -----------------------------------------------------------------
@col
def f_search():
    pool = ["red running shoes {size}", "cheap flights to {city}", "usb c hub", "how to unclog a drain", "best pizza near me",
            "iphone 15 case clear", "kids rain boots {size}", "birthday gift ideas for dad", "standing desk under 300",
            "what time does target close", "vegan lasagna recipe", "noise cancelling headphones sale", "wedding guest dress summer",
            "lego star wars", "weather {city}", "{color} {prod}", "{prod} under {amt}", "{prod} reviews", "{color} rain jacket women",
            "hotels in {city} with pool", "things to do in {city} this weekend", "how to fix squeaky door",
            "air fryer salmon time", "python list comprehension", "return policy", "track my order", "king size duvet cover {color}",
            "gift card", "{prod}", "is {prod} dishwasher safe"]
    return C("search.query_log", "q", "varchar", text_col(pool, nrows(100, 150), ks=(1,), post=lambda v: vary(v, 0.2)),
             ["free_text"], "Search queries typed by users (short human-written text).", category=FT)


# --- 56 -----------------------------------------------------------------
@col
def f_cjk():
    zh = ["你到了吗？我在门口等你", "今晚一起吃饭吧", "好的，没问题", "明天的会议改到下午三点了", "哈哈哈太好笑了", "收到",
          "我快到了，再等五分钟", "周末有空吗？去爬山吧", "记得带伞，今天会下雨", "妈妈说晚上回家吃饭", "这个价格有点贵啊"]
    ja = ["お疲れさまです！", "今から帰るね", "ありがとう、助かりました", "週末どこか行かない？", "了解です", "ちょっと遅れる、ごめん",
          "駅の改札で待ってるね", "明日のランチ、どこにする？", "写真送ってくれてありがとう！", "風邪ひかないようにね"]
    ko = ["지금 어디야?", "내일 봐!", "고마워 ㅎㅎ", "늦어서 미안해", "점심 뭐 먹을래?", "오늘 너무 피곤하다", "주말에 영화 보러 갈래?",
          "도착하면 연락해", "ㅋㅋㅋ 진짜 웃기다"]
    return C("intl_im.messages", "content", "varchar", [grouped([zh, ja, ko], ks=(1, 1, 1, 2)) for _ in range(nrows(90, 130))],
             ["conversation", "free_text"], "Instant messages in Chinese, Japanese and Korean.", category=FT)

# ======================================================================
# DETECTION (used only for self-checks)
# ======================================================================
DETECTABLE = ["aws_access_key", "credit_card", "email", "github_token", "iban", "icd10_code", "ip_address", "jwt",
              "phone_number", "private_key", "slack_token", "us_dea", "us_ein", "us_itin", "us_npi", "us_ssn"]
BARE9_OK = {"us_ssn", "us_itin", "us_ein", "us_bank_routing"}


PHONE_SHAPE = re.compile(r"^(?:\+\d[\d \-.()]{6,}\d|(?:1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-]?)\d{3}[ .-]?\d{4})$")


def detect(s):
    """Return {kind: [matches]} of checksum/structure-valid identifiers found in s.

    Text-like identifiers (keys, tokens, JWTs, emails, IBANs) are found first and
    blanked out, so digits inside them are not re-read as cards or phones."""
    found = {}

    def add(k, m):
        found.setdefault(k, []).append(m)

    spans = []
    st = s.strip()
    if re.fullmatch(r"\d{9}", st) and (std_ssn.is_valid(st) or std_ein.is_valid(st) or std_rtn.is_valid(st)):
        add("bare9", st)
    for rx, k in ((PK_RE, "private_key"), (JWT_RE, "jwt"), (AWS_RE, "aws_access_key"), (GH_RE, "github_token"),
                  (SLACK_RE, "slack_token")):
        for m in rx.finditer(s):
            add(k, m.group())
            spans.append(m.span())
    for m in EMAIL_RE.finditer(s):
        if m.start() > 0 and s[m.start() - 1] in ":/":
            continue  # URL userinfo (scheme://user@host), not an address
        add("email", m.group())
        spans.append(m.span())
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,30}){1,8}\b", s):
        parts = m.group().split(" ")
        for k in range(len(parts), 0, -1):
            cand = "".join(parts[:k])
            if len(cand) >= 15 and std_iban.is_valid(cand):
                add("iban", cand)
                spans.append((m.start(), m.start() + len(" ".join(parts[:k]))))
                break
    if spans:
        chars = list(s)
        for a, b in spans:
            for i in range(a, b):
                chars[i] = "#"
        s = "".join(chars)
    for m in re.finditer(r"(?<![\w.-])(\d{3})([- .])(\d{2})\2(\d{4})(?![\w-]|\.\d)", s):
        d = m.group(1) + m.group(3) + m.group(4)
        if std_itin.is_valid(d):
            add("us_itin", m.group())
        elif std_ssn.is_valid(d):
            add("us_ssn", m.group())
    for m in re.finditer(r"(?<![\w.-])\d{2}-\d{7}(?![\w-]|\.\d)", s):
        if std_ein.is_valid(m.group().replace("-", "")):
            add("us_ein", m.group())
    for m in re.finditer(r"(?<![\w.+-])\d(?:[ -]?\d){12,18}(?![\w-]|\.\d)", s):
        if card_valid(re.sub(r"\D", "", m.group())):
            add("credit_card", m.group())
    for m in phonenumbers.PhoneNumberMatcher(s, "US", leniency=phonenumbers.Leniency.VALID):
        if PHONE_SHAPE.match(m.raw_string):
            add("phone_number", m.raw_string)
    for m in re.finditer(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?![\w]|\.\d)", s):
        try:
            ipaddress.IPv4Address(m.group(1))
            add("ip_address", m.group(1))
        except ValueError:
            pass
    for tok in re.findall(r"[0-9A-Fa-f:]{3,}", s):
        if "::" in tok or tok.count(":") == 7:
            for cand in (tok, tok.rstrip(":")):
                try:
                    ipaddress.IPv6Address(cand)
                    add("ip_address", cand)
                    break
                except ValueError:
                    pass
    for m in re.finditer(r"(?<![\w.-])[12]\d{9}(?![\w-]|\.\d)", s):
        if npi_valid(m.group()):
            add("us_npi", m.group())
    for m in re.finditer(r"(?<!\w)[A-Z][A-Z9]\d{7}(?!\w)", s):
        if dea_valid(m.group()):
            add("us_dea", m.group())
    for m in re.finditer(r"(?<![\w.])([A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?![\w]|\.\w)", s):
        t = m.group(1)
        if "." in t or t in ICD_NODOT or t in ICD10:
            add("icd10_code", t)
    return found


# ======================================================================
# main
# ======================================================================
def validate(spec, incidental):
    where = f"{spec['table']}.{spec['column']}"
    vals = spec["values"]
    assert 60 <= len(vals) <= 200, (where, len(vals))
    assert all(v is None or isinstance(v, str) for v in vals), where
    assert spec["labels"] == sorted(set(spec["labels"])), where
    assert all(l in LABELS for l in spec["labels"]), where
    assert spec["protection"] in PROTECTIONS, where
    assert spec["type"] and spec["note"], where
    nonnull = [v for v in vals if v is not None]
    if spec["protection"] == "empty":
        assert not nonnull, where
        return
    assert len(nonnull) >= 40, (where, len(nonnull))
    if spec["_category"] == NEG:
        assert spec["labels"] == [] and spec["note"].startswith("Hard negative"), where
    else:
        assert not spec["note"].startswith("Hard negative"), where
    checked = set()
    if spec["_check"]:
        kinds, fn = spec["_check"]
        for v in nonnull:
            assert fn(v), (where, v)
        checked = set(kinds)
    allowed = set(spec["labels"]) | set(spec["_allow"])
    if set(spec["labels"]) & BARE9_OK:
        allowed.add("bare9")
    found = {}
    for v in nonnull:
        for k, ms in detect(v).items():
            found.setdefault(k, []).extend(ms)
    extra = sorted(set(found) - allowed)
    assert not extra, (where, extra, [found[k][:3] for k in extra])
    for k in sorted(set(found) & set(spec["_allow"])):
        incidental.append((where, k, len(found[k]), spec["_allow"][k]))
    if spec["protection"] in ("plaintext", "mixed"):
        for lab in spec["labels"]:
            if lab in DETECTABLE and lab not in checked:
                assert lab in found, (where, "no instance of", lab)
    spec["_found"] = {k: len(v) for k, v in found.items()}


# Catalogue comments for columns whose builder does not set one (as a DBA might
# have written them; mostly generic).
EXTRA_COMMENTS = {
    ("ledger.postings", "ref_no"): "source: core banking extract",
    ("crm.accounts", "acct_id"): "surrogate key",
    ("hr.employees", "ssn"): "RESTRICTED",
    ("social.dm_msgs", "body"): "message body",
    ("clinical.encounter_notes", "note_text"): "free text, max 32k chars",
    ("crm.activity_email", "body_txt"): "plain-text part",
    ("claims.lines", "dx1"): "principal diagnosis",
    ("crm.leads", "nombre_completo"): "nombre y apellidos",
    ("wires.outbound", "memo"): "remittance info (max 140)",
    ("p2p.transfers", "note"): "user supplied",
}


def main():
    specs = [b() for b in BUILDERS]
    for s in specs:
        key = (s["table"], s["column"])
        if key in EXTRA_COMMENTS:
            assert s["comment"] is None, key
            s["comment"] = EXTRA_COMMENTS.pop(key)
    assert not EXTRA_COMMENTS, sorted(EXTRA_COMMENTS)
    keys = [(s["table"], s["column"]) for s in specs]
    assert len(keys) == len(set(keys)), "duplicate table.column"
    incidental = []
    errors = []
    for s in specs:
        try:
            validate(s, incidental)
        except AssertionError as e:
            errors.append(str(e)[:300])
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    R.shuffle(specs)
    out_keys = ["id", "table", "column", "type", "comment", "values", "labels", "protection", "note"]
    lines = []
    for i, s in enumerate(specs, 1):
        s["id"] = f"t{i:03d}"
        lines.append(json.dumps({k: s[k] for k in out_keys}, ensure_ascii=False))
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")

    # ---- report
    cat_counts = {}
    for s in specs:
        cat_counts[s["_category"]] = cat_counts.get(s["_category"], 0) + 1
    label_counts = {l: 0 for l in LABELS}
    for s in specs:
        for l in s["labels"]:
            label_counts[l] += 1
    print(f"columns: {len(specs)}")
    print(f"negatives ([]): {sum(1 for s in specs if not s['labels'])}")
    print(f"free_text positives: {label_counts['free_text']}")
    print(f"with comment: {sum(1 for s in specs if s['comment'])}")
    print("by category: " + ", ".join(f"{k}={cat_counts[k]}" for k in sorted(cat_counts)))
    prot = {}
    for s in specs:
        prot[s["protection"]] = prot.get(s["protection"], 0) + 1
    print("by protection: " + ", ".join(f"{k}={prot[k]}" for k in sorted(prot)))
    print("per-label column counts:")
    for l in LABELS:
        print(f"  {l:20s} {label_counts[l]}")
    print("intentional incidental matches in documented columns:")
    for where, k, n, why in incidental:
        print(f"  {where}: {k} x{n} ({why})")
    if "--list" in sys.argv:
        for s in sorted(specs, key=lambda s: s["id"]):
            nn = sum(1 for v in s["values"] if v is not None)
            print("\t".join([s["id"], s["_category"], f"{s['table']}.{s['column']}", s["type"],
                             ",".join(s["labels"]) or "-", s["protection"], str(len(s["values"])), str(nn),
                             json.dumps(s.get("_found", {}), sort_keys=True), s["note"]]))


if __name__ == "__main__":
    main()
