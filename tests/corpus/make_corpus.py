"""Generate the labelled column corpus, ``columns.jsonl``, next to this file.

Each line of the output is one whole warehouse column: its table, name, type, optional comment,
40-120 cell values and the sensitivity classes a correct column classifier must assign. The corpus
is used to measure a column classifier's precision and recall. Every value is synthetic; check
digits (Luhn, mod-97, ABA, ISBN) are computed so that identifiers are structurally valid.

Run: python tests/corpus/make_corpus.py
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import random
import string
import uuid
import zlib
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.us import rtn

rng = random.Random(7)
OUT = Path(__file__).with_name("columns.jsonl")

ALNUM = string.ascii_letters + string.digits
UPPER_DIGITS = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"

FIRST = [
    "Dana",
    "Marcus",
    "Priya",
    "Wei",
    "Sofia",
    "Jamal",
    "Elena",
    "Tomas",
    "Aisha",
    "Kenji",
    "Olivia",
    "Mateo",
    "Hannah",
    "Ravi",
    "Chloe",
    "Diego",
    "Fatima",
    "Liam",
    "Mei",
    "Noah",
    "Grace",
    "Omar",
    "Isabel",
    "Ethan",
    "Zara",
    "Lucas",
    "Nadia",
    "Samuel",
    "Yuki",
    "Amara",
    "Caleb",
    "Ingrid",
    "Jonah",
    "Leila",
    "Felix",
    "Maya",
    "Andre",
    "Rosa",
    "Victor",
    "Hana",
    "Theo",
    "Camila",
    "Arjun",
    "Nora",
    "Malik",
    "Greta",
    "Julian",
    "Anika",
    "Desmond",
    "Lucia",
]
LAST = [
    "Whitfield",
    "Okafor",
    "Raman",
    "Zhang",
    "Moreno",
    "Hughes",
    "Petrova",
    "Novak",
    "Bello",
    "Tanaka",
    "Brennan",
    "Alvarez",
    "Schmidt",
    "Iyer",
    "Dubois",
    "Castillo",
    "Haddad",
    "O'Connor",
    "Lin",
    "Fischer",
    "Kim",
    "Nasser",
    "Ferreira",
    "Walsh",
    "Ahmed",
    "Silva",
    "Kowalski",
    "Adeyemi",
    "Sato",
    "Mensah",
    "Lindqvist",
    "Park",
    "Rossi",
    "Cohen",
    "Nguyen",
    "Murphy",
    "Garcia",
    "Johansson",
    "Patel",
    "Reyes",
    "Bauer",
    "Okonkwo",
    "Larsen",
    "Duarte",
    "Yamamoto",
    "Grant",
    "Abbott",
    "Vasquez",
    "Holm",
    "Mbeki",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
PROJECTS = [
    "billing migration",
    "checkout redesign",
    "search relevance",
    "data retention",
    "onboarding flow",
    "Q3 roadmap",
    "vendor audit",
    "mobile release",
    "pricing page",
    "warehouse cleanup",
]
COMPANIES = ["Acme", "Globex", "Initech", "Northwind", "Umbrella", "Hooli", "Vandelay", "Soylent"]

ROWS: list[dict] = []


# ---------------------------------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------------------------------


def pick(seq: Sequence):
    return seq[rng.randrange(len(seq))]


def digits(n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def chars(n: int, alphabet: str = ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def b64(n: int) -> str:
    return base64.b64encode(rng.randbytes(n)).decode()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def size(lo: int = 40, hi: int = 120) -> int:
    return rng.randint(lo, hi)


def fill(
    gen: Callable[[], str],
    n: int | None = None,
    nulls: float = 0.0,
    other: float = 0.0,
    others: Sequence[str] = ("", "N/A"),
) -> list[str | None]:
    """n generated values; exactly round(n*nulls) become NULL and round(n*other) become filler."""
    n = size() if n is None else n
    values: list[str | None] = [gen() for _ in range(n)]
    idx = list(range(n))
    rng.shuffle(idx)
    k_null, k_other = round(n * nulls), round(n * other)
    for i in idx[:k_null]:
        values[i] = None
    for i in idx[k_null : k_null + k_other]:
        values[i] = pick(others)
    return values


def add(
    table: str,
    column: str,
    type_: str,
    values: list[str | None],
    labels: list[str],
    note: str,
    protection: str = "plaintext",
    comment: str | None = None,
) -> None:
    assert 40 <= len(values) <= 120, (table, column, len(values))
    assert all(v is None or isinstance(v, str) for v in values), (table, column)
    ROWS.append(
        {
            "table": table,
            "column": column,
            "type": type_,
            "comment": comment,
            "values": values,
            "labels": sorted(labels),
            "protection": protection,
            "note": note,
        }
    )


def slots() -> dict[str, str]:
    """Fresh slot values for the free-text templates."""
    first, last = pick(FIRST), pick(LAST)
    return {
        "first": first,
        "first2": pick(FIRST),
        "name": f"{first} {last}",
        "n": str(rng.randint(2, 48)),
        "m": str(rng.randint(1, 80)),
        "time": f"{rng.randint(8, 17)}:{pick(['00', '15', '30', '45'])}",
        "day": pick(DAYS),
        "project": pick(PROJECTS),
        "company": pick(COMPANIES),
        "amount": f"${rng.randint(10, 990)}.{rng.randint(0, 99):02d}",
        "big": f"{rng.randint(10, 990)},{rng.randint(0, 999):03d}",
        "ticket": f"PLAT-{rng.randint(100, 9999)}",
        "channel": pick(["eng-platform", "random", "design-crit", "sales-west", "incident-42", "team-data"]),
        "repo": pick(["billing-service", "web-app", "etl-jobs", "infra", "mobile-ios"]),
        "file": pick(["main.py", "handlers.ts", "schema.sql", "README.md", "deploy.yaml", "utils.go"]),
        "branch": pick(["main", "fix/retry-backoff", "feat/new-checkout", "release/2.4"]),
        "subject": pick(
            ["offsite", "Q3 planning", "contract renewal", "your expense report", "interview loop"]
        ),
        "weeks": str(rng.randint(2, 12)),
        "mg": str(pick([5, 10, 20, 25, 50, 100, 200, 500])),
        "snippet": pick(
            [
                "sounds good, shipping after lunch",
                "can someone look at the failing build?",
                "deploy is done",
                "who has the notes from yesterday?",
                "brb, grabbing coffee",
                "PR is up for review",
            ]
        ),
    }


def render(templates: Sequence[str]) -> str:
    return pick(templates).format(**slots())


def ts(start: datetime = datetime(2023, 1, 1), days: int = 500) -> datetime:
    return start + timedelta(seconds=rng.randint(0, days * 86400))


def rand_date(lo: date, hi: date) -> date:
    return date.fromordinal(rng.randint(lo.toordinal(), hi.toordinal()))


# ---------------------------------------------------------------------------------------------------
# identifier generators
# ---------------------------------------------------------------------------------------------------

BAD_SSN = {"078051120", "219099999", "123456789"}


def ssn_digits(min_area: int = 1) -> str:
    while True:
        area = rng.randint(min_area, 899)
        if area == 666:
            continue
        s = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
        if s in BAD_SSN or len(set(s)) == 1 or s.startswith("98765432"):
            continue
        return s


def ssn(sep: str = "-") -> str:
    s = ssn_digits()
    return f"{s[:3]}{sep}{s[3:5]}{sep}{s[5:]}"


ITIN_GROUPS = [g for g in range(70, 100) if g not in (89, 93)]


def itin(sep: str = "-") -> str:
    return f"9{digits(2)}{sep}{pick(ITIN_GROUPS)}{sep}{rng.randint(1, 9999):04d}"


EIN_PREFIXES = [
    f"{p:02d}"
    for p in [
        *range(1, 7),
        *range(10, 17),
        *range(20, 28),
        *range(30, 49),
        *range(50, 69),
        *range(71, 78),
        *range(80, 89),
        *range(90, 96),
        98,
        99,
    ]
]


def ein() -> str:
    return f"{pick(EIN_PREFIXES)}-{digits(7)}"


def card_digits(brand: str | None = None) -> str:
    brand = brand or pick(["visa", "visa", "visa", "mc", "mc", "mc2", "amex", "amex", "visa13", "visa19"])
    if brand == "visa":
        body = "4" + digits(14)
    elif brand == "visa13":
        body = "4" + digits(11)
    elif brand == "visa19":
        body = "4" + digits(17)
    elif brand == "mc":
        body = str(rng.randint(51, 55)) + digits(13)
    elif brand == "mc2":
        body = str(rng.randint(2221, 2720)) + digits(11)
    else:
        body = pick(["34", "37"]) + digits(12)
    return body + luhn.calc_check_digit(body)


def group_card(d: str, sep: str) -> str:
    if len(d) == 15:
        parts = [d[:4], d[4:10], d[10:]]
    elif len(d) == 16:
        parts = [d[i : i + 4] for i in range(0, 16, 4)]
    else:
        return d
    return sep.join(parts)


def card(style: str = "plain") -> str:
    d = card_digits()
    if style == "mixed":
        style = pick(["plain", "space", "dash"])
    return {"plain": d, "space": group_card(d, " "), "dash": group_card(d, "-")}[style]


IBAN_BBAN = {
    "DE": lambda: digits(8) + digits(10),
    "GB": lambda: pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + digits(6) + digits(8),
    "NL": lambda: pick(["ABNA", "INGB", "RABO", "TRIO", "SNSB"]) + digits(10),
    "FR": lambda: digits(5) + digits(5) + chars(11, string.digits + string.ascii_uppercase[:6]) + digits(2),
    "IT": lambda: pick(string.ascii_uppercase) + digits(5) + digits(5) + digits(12),
    "CH": lambda: digits(5) + digits(12),
    "AT": lambda: digits(5) + digits(11),
    "IE": lambda: pick(["AIBK", "BOFI"]) + digits(6) + digits(8),
}


def iban(pretty: bool = False) -> str:
    cc = pick(list(IBAN_BBAN))
    bban = IBAN_BBAN[cc]()
    number = cc + stdnum_iban.calc_check_digits(cc + "00" + bban) + bban
    if pretty:
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    return number


RTN_PREFIXES = [f"{i:02d}" for i in [*range(1, 13), *range(21, 33), *range(61, 73), 80]]


def routing() -> str:
    return routing_from(RTN_PREFIXES)


def routing_from(prefixes: Sequence[str]) -> str:
    body = pick(prefixes) + digits(6)
    return body + rtn.calc_check_digit(body)


EMAIL_DOMAINS = [
    "example.com",
    "example.org",
    "acme-corp.com",
    "globex.io",
    "initech.net",
    "northwind.co",
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "proton.me",
    "mail.example.net",
]


def email(domain: str | None = None) -> str:
    first, last = pick(FIRST).lower(), pick(LAST).lower().replace("'", "")
    local = pick(
        [
            f"{first}.{last}",
            f"{first[0]}{last}",
            f"{first}{digits(2)}",
            f"{last}.{first[0]}",
            f"{first}_{last}",
            f"{first}",
        ]
    )
    return f"{local}@{domain or pick(EMAIL_DOMAINS)}"


US_AREAS = [
    "212",
    "415",
    "312",
    "617",
    "206",
    "512",
    "303",
    "404",
    "713",
    "646",
    "202",
    "305",
    "503",
    "612",
    "702",
    "919",
    "720",
    "480",
    "615",
    "858",
    "510",
    "971",
    "347",
    "773",
]


def us_phone(style: str | None = None) -> str:
    area = pick(US_AREAS)
    while True:
        exch = str(rng.randint(200, 999))
        if exch[1:] != "11" and exch != "555":
            break
    line = digits(4)
    style = style or pick(["paren", "dash", "dot", "plus_space", "plus_dash", "e164", "bare"])
    return {
        "paren": f"({area}) {exch}-{line}",
        "dash": f"{area}-{exch}-{line}",
        "dot": f"{area}.{exch}.{line}",
        "plus_space": f"+1 {area} {exch} {line}",
        "plus_dash": f"+1-{area}-{exch}-{line}",
        "e164": f"+1{area}{exch}{line}",
        "bare": f"{area}{exch}{line}",
    }[style]


def intl_phone() -> str:
    kind = pick(["uk", "uk_mobile", "de", "de_mobile", "fr", "fr_mobile", "in", "au", "jp", "br"])
    if kind == "uk":
        return f"+44 20 7{digits(3)} {digits(4)}"
    if kind == "uk_mobile":
        return f"+44 7{pick(['400', '500'])} {digits(6)}"
    if kind == "de":
        return f"+49 30 {rng.randint(2, 9)}{digits(7)}"
    if kind == "de_mobile":
        return f"+49 15{pick('1257')} {digits(8)}"
    if kind == "fr":
        return f"+33 1 {rng.randint(40, 79)} {digits(2)} {digits(2)} {digits(2)}"
    if kind == "fr_mobile":
        return f"+33 7 5{digits(1)} {digits(2)} {digits(2)} {digits(2)}"
    if kind == "in":
        return f"+91 {pick('9876')}{digits(4)} {digits(5)}"
    if kind == "au":
        return f"+61 4{rng.randint(0, 3)}{digits(1)} {digits(3)} {digits(3)}"
    if kind == "jp":
        return f"+81 3-{rng.randint(3, 6)}{digits(3)}-{digits(4)}"
    return f"+55 11 9{rng.randint(6, 9)}{digits(3)}-{digits(4)}"


def phone() -> str:
    return intl_phone() if rng.random() < 0.25 else us_phone()


def ipv4() -> str:
    kind = rng.random()
    if kind < 0.3:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind < 0.45:
        return f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind < 0.55:
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    first = pick([23, 34, 35, 44, 52, 54, 64, 66, 73, 81, 98, 104, 142, 151, 185, 203, 216])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6() -> str:
    prefix = pick([0x2001_0DB8, 0x2600_1F14, 0x2A02_0C7F, 0x2607_F8B0, 0xFE80_0000])
    if prefix == 0xFE80_0000:
        addr = ipaddress.IPv6Address((0xFE80 << 112) | rng.getrandbits(64))
    else:
        low = rng.getrandbits(rng.choice([16, 64]))
        addr = ipaddress.IPv6Address((prefix << 96) | (rng.getrandbits(32) << 64) | low)
    return addr.exploded if rng.random() < 0.2 else str(addr)


def ip() -> str:
    return ipv6() if rng.random() < 0.25 else ipv4()


def full_name() -> str:
    return f"{pick(FIRST)} {pick(LAST)}"


def display_name() -> str:
    pronouns = pick(["she/her", "he/him", "they/them"])
    return pick([full_name(), f"{pick(FIRST)} {pick(LAST)[0]}.", f"{full_name()} ({pronouns})"])


def dob(fmt: str = "%Y-%m-%d") -> str:
    return rand_date(date(1948, 1, 1), date(2005, 12, 31)).strftime(fmt)


ICD10 = [
    "E11.9",
    "I10",
    "F32.A",
    "J45.909",
    "E78.5",
    "M54.50",
    "K21.9",
    "F41.1",
    "G43.909",
    "N39.0",
    "J06.9",
    "R51.9",
    "Z00.00",
    "E66.9",
    "M25.561",
    "F90.0",
    "G47.33",
    "K58.9",
    "L40.0",
    "H52.13",
    "E03.9",
    "I25.10",
    "J44.9",
    "N18.30",
    "R10.9",
    "S93.401A",
    "Z34.90",
    "O80",
    "F43.10",
    "M79.7",
    "E55.9",
    "D64.9",
    "R53.83",
    "B34.9",
    "U07.1",
    "J02.9",
    "H10.9",
    "L20.9",
    "K52.9",
    "R05.9",
    "M17.11",
    "G56.01",
    "F33.1",
    "Z79.4",
    "E10.9",
    "I48.91",
    "J30.9",
    "K29.70",
    "M62.830",
    "R42",
    "F41.9",
    "Z30.011",
    "S83.511A",
    "M51.26",
]


def npi() -> str:
    body = pick("12") + digits(8)
    return body + luhn.calc_check_digit("80840" + body)


def dea(initial: str | None = None) -> str:
    d = [rng.randint(0, 9) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    second = initial or pick(string.ascii_uppercase)
    return pick("ABFGMPRX") + second + "".join(map(str, d)) + str(check)


def aws_key() -> str:
    return pick(["AKIA", "AKIA", "AKIA", "ASIA"]) + chars(16, string.ascii_uppercase + "234567")


BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def github_token() -> str:
    body = chars(30)
    crc = zlib.crc32(body.encode())
    enc = ""
    while crc:
        crc, r = divmod(crc, 62)
        enc = BASE62[r] + enc
    return pick(["ghp_", "ghp_", "ghp_", "gho_", "ghs_", "ghu_", "ghr_"]) + body + enc.rjust(6, "0")


def slack_token() -> str:
    kind = pick(["xoxb", "xoxb", "xoxp", "xoxa"])
    if kind == "xoxb":
        return f"xoxb-{digits(rng.randint(10, 12))}-{digits(13)}-{chars(24)}"
    if kind == "xoxp":
        team, user = digits(rng.randint(10, 12)), digits(rng.randint(10, 12))
        return f"xoxp-{team}-{user}-{digits(13)}-{chars(32, HEX)}"
    return f"xoxa-2-{digits(11)}-{digits(12)}-{digits(13)}-{chars(64, HEX)}"


def jwt() -> str:
    alg = pick(["HS256", "HS256", "RS256", "ES256"])
    header: dict[str, str] = {"alg": alg, "typ": "JWT"}
    if alg != "HS256":
        header["kid"] = chars(16, HEX)
    iat = rng.randint(1_700_000_000, 1_730_000_000)
    payload = {
        "sub": f"usr_{chars(12)}",
        "iss": pick(["https://auth.example.com", "https://login.acme-corp.com/oauth2", "accounts.globex.io"]),
        "aud": pick(["web", "mobile", "api://billing", "internal-tools"]),
        "iat": iat,
        "exp": iat + pick([900, 3600, 86400]),
        "scope": pick(["read", "read write", "openid profile", "admin:read"]),
    }
    sig_len = {"HS256": 32, "RS256": 256, "ES256": 64}[alg]
    return ".".join(
        [
            b64url(json.dumps(header, separators=(",", ":")).encode()),
            b64url(json.dumps(payload, separators=(",", ":")).encode()),
            b64url(rng.randbytes(sig_len)),
        ]
    )


def pem_lines(data: bytes) -> str:
    text = base64.b64encode(data).decode()
    return "\n".join(text[i : i + 64] for i in range(0, len(text), 64))


def private_key(kind: str | None = None) -> str:
    kind = kind or pick(["rsa", "rsa", "pkcs8", "openssh"])
    if kind == "rsa":
        body = rng.randbytes(rng.randint(560, 640))
        der = b"\x30\x82" + len(body).to_bytes(2, "big") + b"\x02\x01\x00\x02\x81\x81\x00" + body
        return f"-----BEGIN RSA PRIVATE KEY-----\n{pem_lines(der)}\n-----END RSA PRIVATE KEY-----"
    if kind == "pkcs8":
        body = rng.randbytes(rng.randint(580, 660))
        der = b"\x30\x82" + len(body).to_bytes(2, "big") + b"\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48" + body
        return f"-----BEGIN PRIVATE KEY-----\n{pem_lines(der)}\n-----END PRIVATE KEY-----"
    header = b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none"
    blob = header + rng.randbytes(rng.randint(300, 380))
    return f"-----BEGIN OPENSSH PRIVATE KEY-----\n{pem_lines(blob)}\n-----END OPENSSH PRIVATE KEY-----"


# ---------------------------------------------------------------------------------------------------
# behavioural telemetry
# ---------------------------------------------------------------------------------------------------

TYPED = [
    "see you at standup",
    "lgtm, merging now",
    "quarterly planning notes",
    "hello team",
    "thanks!",
    "select * from orders",
    "running late",
    "draft v2",
    "ok sounds good",
    "ship it",
    "can we sync later",
    "budget review",
    "meeting notes",
    "fixed the typo",
    "deploy checklist",
    "happy friday",
]


def key_events() -> list[tuple[int, str]]:
    t = rng.randint(400, 60000)
    out: list[tuple[int, str]] = []
    text = pick(TYPED)
    if rng.random() < 0.5:
        text = text.capitalize()
    for ch in text:
        if rng.random() < 0.06:
            t += rng.randint(60, 220)
            out.append((t, pick(string.ascii_lowercase)))
            t += rng.randint(90, 300)
            out.append((t, "Backspace"))
        if ch.isupper():
            t += rng.randint(40, 150)
            out.append((t, "Shift"))
        t += rng.randint(55, 260)
        out.append((t, ch))
    if rng.random() < 0.4:
        t += rng.randint(200, 900)
        out.append((t, "Enter"))
    return out


def keystrokes_json(style: str = "key") -> str:
    if style == "key":
        events = [{"key": k, "t": t} for t, k in key_events()]
    else:
        events = []
        for t, k in key_events():
            events.append({"t": t, "type": "keydown", "key": k})
            events.append({"t": t + rng.randint(30, 110), "type": "keyup", "key": k})
    return json.dumps(events, separators=(",", ":"))


def keystrokes_seq() -> str:
    return " ".join(f"{t}:{'Space' if k == ' ' else k}" for t, k in key_events())


def mouse_json(with_button: bool = False) -> str:
    t = rng.randint(400, 90000)
    x, y = rng.randint(0, 1919), rng.randint(0, 1079)
    events = []
    for _ in range(rng.randint(5, 14)):
        t += rng.randint(8, 120)
        x = min(1919, max(0, x + rng.randint(-90, 90)))
        y = min(1079, max(0, y + rng.randint(-60, 60)))
        kind = pick(["move", "move", "move", "move", "down", "up", "click", "wheel"])
        ev: dict[str, int | str] = {"x": x, "y": y, "t": t, "type": kind}
        if with_button and kind in ("down", "up", "click"):
            ev["button"] = pick([0, 0, 0, 2])
        events.append(ev)
    return json.dumps(events, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------------
# free text
# ---------------------------------------------------------------------------------------------------

CHAT = [
    "hey {first2}, are you joining the {time} sync or should I take notes?",
    "can you review my PR when you get a sec? it's the one for the {project}",
    "I'm running about 10 min late, start without me",
    "did you see what {first2} said in the all-hands? I'm kind of worried about my team",
    "honestly I'm burned out, thinking about asking {first2} for a few days off",
    "can we move our 1:1 to {day}? something came up with my kid",
    "thanks for covering for me yesterday, I owe you one",
    "lol yes exactly what I was thinking",
    "I told {first2} I'd have the deck ready by {day} but I'm not going to make it",
    "are you interviewing anywhere else? asking for a friend \U0001f605",
    "my manager just told me the reorg is happening next month, keep it quiet ok?",
    "want to grab lunch? I'm starving",
    "I think I broke the deploy, can you hop on a call with me?",
    "ugh my doctor's appointment ran long, I'll be back in 20",
    "we should tell {first2} before the client call, not after",
    "ok sending it now, let me know if you can open it",
    "sorry, I missed your message - yes, {day} works for me",
    "you were right about the {project}, I should have listened",
    "can you keep this between us? I'm not sure I'm staying past Q3",
    "haha no worries, see you tomorrow",
    "did I do something to upset you in the meeting? you seemed off",
    "I'll ping {first2} and get back to you",
]
PROMPTS = [
    "Rewrite this email to my manager so it sounds less defensive: "
    "'I already told you the {project} was blocked.'",
    "Summarize my notes from today's 1:1 with {first2} into three bullet points.",
    "I have my performance review next week. How do I ask for a promotion without sounding entitled?",
    "Help me write a polite message declining {first2}'s meeting invite for {day}.",
    "Explain this Python error to me: KeyError: 'customer_id'",
    "Draft a reply to a customer who is upset that their order arrived {n} days late.",
    "I've been feeling anxious every Sunday night before work. Any tips?",
    "Can you turn these bullet points into a short status update for my team about the {project}?",
    "What should I say to {first2} about missing the deadline again?",
    "Write a SQL query that counts orders per day for the last 30 days.",
    "My coworker keeps taking credit for my work. How should I handle it?",
    "Translate this into Spanish for my landlord: I will pay the rent on {day}.",
    "I need to tell my team that {first2} is leaving. Can you help me word it kindly?",
    "Give me a plan to finish the {project} in {weeks} weeks when I'm already behind.",
]
COMPLETIONS = [
    "Sure! Here's a more neutral version of your email: "
    '"Just a heads-up that the {project} is still blocked. Can we find 15 minutes to unblock it together?"',
    "Of course. Here are three bullet points from your 1:1 with {first2}: 1) Priorities for the {project}. "
    "2) Feedback on last sprint. 3) Next steps before {day}.",
    "It's completely understandable to feel that way. You might try writing down your top three tasks on "
    "Sunday afternoon so Monday feels less uncertain.",
    "I'd suggest framing it around impact. For example, you could say: "
    "\"Over the last two quarters I led the {project}, and I'd like to talk about "
    'what the next level looks like for me."',
    "Here's a friendly way to decline: \"Thanks for the invite, {first2}! "
    "I can't make it on {day}, but I'd love to catch up async - could you share the notes?\"",
    "That error means the dictionary you're reading from doesn't have a 'customer_id' key. You can use "
    ".get('customer_id') or check that the upstream data includes it.",
    "I'm sorry you're dealing with that. It may help to document your contributions "
    "and bring them up directly in your next 1:1, focusing on facts rather than blame.",
    "Here's a draft you can adapt: \"Hi, I'm really sorry your order was {n} days late. I've refunded the "
    'shipping and added a credit to your account."',
    "Good question! Let's break the {project} into weekly milestones so you can see what slips first.",
]
TRANSCRIPT = [
    "Agent: Thanks for calling {company}, this is {first}. How can I help?\n"
    "Customer: Hi, I was charged twice for my order.\nAgent: I'm sorry about that, let me take a look.",
    "Interviewer: Tell me about a time you disagreed with your manager.\nCandidate: Sure. On the {project} I "
    "thought we were shipping too early, so I asked for a meeting.",
    "{first}: Can everyone see my screen?\n{first2}: Yep, looks good.\n{first}: Great, so this week we're "
    "behind on the {project}.",
    "Agent: Can you confirm the last thing you tried?\nCustomer: I restarted the app twice and it still logs "
    "me out.\nAgent: Okay, I'll escalate this for you.",
    "{first}: I don't think I can hit {day}.\n{first2}: What do you need from me?\n{first}: Honestly just "
    "someone to take the QA pass.",
]
CONVERSATION = CHAT + PROMPTS + COMPLETIONS

SCREENS = [
    "Inbox ({n}) | Re: {subject} | From: {name} | Today {time} | Reply  Forward  Archive",
    "Slack | #{channel} | {name}  {time} | {snippet} | {n} new messages",
    "Q3 Budget.xlsx - Excel | Sheet1 | A1 Revenue | B1 {amount} | Sum: {big}",
    "Zoom Meeting | {name} is speaking | Mute  Stop Video  Share Screen  Participants ({n})",
    "Visual Studio Code | {file} - {repo} | Ln {m}, Col {n} | Spaces: 4 | UTF-8 | Python 3.11",
    "Google Chrome | {ticket} Fix retry backoff in {repo} - Jira | Assignee: {name} | Status: In Progress",
    "Calendar | {day} | 10:00 Standup | {time} 1:1 with {name} | 16:00 {subject}",
    "Outlook | Drafts | To: {name} | Subject: {subject} | Hi {first2}, attaching the latest numbers",
    "Terminal | ~/src/{repo} | $ git status | On branch {branch} | nothing to commit, working tree clean",
    "Figma | Checkout v{n} - Page 1 | Comments ({m}) | {name}: can we try a lighter header?",
    "Notion | {project} - weekly notes | Last edited by {name} {m} min ago",
    "Workday | My Pay | Pay Period ending {day} | Net Pay {amount} | View Payslip",
    "LinkedIn | Jobs | Senior Engineer - {company} | Easy Apply | {n} applicants",
    "Teams | Chat | {name} | Are you free at {time}? | Type a new message",
]
REVIEW_TEXT = [
    "{first} consistently delivered on the {project} and raised the bar for code review quality. "
    "Rating: Exceeds.",
    "{first} meets expectations on execution but needs to communicate risks earlier. Overall: Meets All.",
    "Strong quarter. {first} took ownership of the {project} and mentored two new hires. "
    "Exceeds expectations.",
    "{first} struggled with prioritization this cycle; missed {n} commitments. Rating: Meets Most. "
    "Development area: planning.",
    "Exceptional impact on the {project}; {first} is operating at the next level. Strongly Exceeds.",
    "Growth area: {first} should seek feedback more proactively. Strengths: reliability, customer empathy. "
    "Meets All.",
    "Performance did not meet the bar for this level. {first} is on a {weeks}-week improvement plan. "
    "Rating: Does Not Meet.",
]
MANAGER_FEEDBACK = [
    "{first}, your work on the {project} was excellent - keep pushing on cross-team communication.",
    "I'd like to see {first} take more initiative in design reviews next half.",
    "{first} is a go-to person for on-call issues; the team trusts their judgment.",
    "Needs improvement: deadlines slipped several times this quarter without early warning.",
    "{first} handled a difficult stakeholder on the {project} with maturity. Ready for promotion discussion.",
    "Calibration: tracking at Meets All; {first} should broaden scope beyond their own tickets.",
    "Feedback from peers is mixed - {first} is technically strong but can be dismissive in meetings.",
]
SELF_ASSESSMENT = [
    "This half I led the {project} and reduced incident volume by {m}%. I want to grow as a tech lead.",
    "I fell behind on the {project} because of shifting priorities; I'd rate myself Meets Most.",
    "My biggest accomplishment was onboarding {n} new customers. Goal for next cycle: improve my planning.",
    "I think I exceeded expectations: shipped the {project} ahead of schedule and mentored {first2}.",
]
CALIBRATION = [
    "Calibrated from Exceeds to Meets All - scope below level. Manager agrees.",
    "{first}: holding at Strongly Exceeds; promo packet to be submitted next cycle.",
    "Moved to Meets Most after peer feedback on collaboration. Revisit in {weeks} weeks.",
    "No change - Meets All. Comp adjustment standard.",
    "Flagged for PIP; rating Does Not Meet. HRBP {first2} to follow up.",
]
RATINGS = [
    "Meets All",
    "Meets All",
    "Meets All",
    "Exceeds",
    "Exceeds",
    "Meets Most",
    "Strongly Exceeds",
    "Does Not Meet",
    "Meets All",
    "Exceeds",
]

DIAGNOSES = [
    "Type 2 diabetes mellitus without complications",
    "Essential (primary) hypertension",
    "Major depressive disorder, single episode",
    "Generalized anxiety disorder",
    "Asthma, mild persistent",
    "Migraine without aura",
    "Chronic low back pain",
    "Obstructive sleep apnea",
    "Hypothyroidism",
    "Attention-deficit hyperactivity disorder, combined type",
    "Gastro-esophageal reflux disease",
    "Post-traumatic stress disorder",
    "Rheumatoid arthritis",
    "Carpal tunnel syndrome, right wrist",
    "Pregnancy, second trimester, uncomplicated",
    "Iron deficiency anemia",
    "Long COVID, fatigue",
    "Tear of ACL, left knee",
    "Celiac disease",
    "Multiple sclerosis, relapsing-remitting",
    "Crohn's disease",
    "Bipolar II disorder",
    "Fibromyalgia",
    "Hyperlipidemia",
    "Atrial fibrillation",
]
MEDS = [
    "Metformin {mg} mg twice daily",
    "Lisinopril {mg} mg once daily",
    "Sertraline {mg} mg daily",
    "Escitalopram {mg} mg daily",
    "Albuterol inhaler 90 mcg as needed",
    "Levothyroxine 75 mcg daily",
    "Adderall XR {mg} mg every morning",
    "Atorvastatin {mg} mg at bedtime",
    "Omeprazole 20 mg before breakfast",
    "Sumatriptan 50 mg as needed for migraine",
    "Insulin glargine 20 units nightly",
    "Prednisone 10 mg taper over 10 days",
    "Bupropion XL 150 mg daily",
    "Lamotrigine {mg} mg twice daily",
    "Apixaban 5 mg twice daily",
    "Methotrexate 15 mg weekly",
    "Ibuprofen 600 mg every 8 hours as needed",
    "Gabapentin 300 mg three times daily",
    "Prenatal vitamin daily",
    "CPAP nightly",
]
ACCOMMODATIONS = [
    "Ergonomic chair and sit-stand desk due to chronic lower back pain",
    "Flexible schedule for weekly physical therapy after ACL surgery",
    "Remote work {n} days a week during chemotherapy treatment",
    "Noise-cancelling headphones and a quiet workspace for ADHD",
    "Extra breaks to manage blood sugar (type 1 diabetes)",
    "Reduced hours for {weeks} weeks while recovering from long COVID fatigue",
    "Screen reader software for low vision",
    "No overnight on-call rotation due to epilepsy medication schedule",
    "Private room for breastfeeding / pumping",
    "Time off for weekly therapy appointments (anxiety and depression)",
    "Ground-floor desk due to multiple sclerosis mobility limits",
    "Ability to work from home during pregnancy-related nausea",
]
MEDICAL_NOTES = [
    "Pt reports {weeks} weeks of persistent cough; prescribed albuterol, follow up if no improvement.",
    "Follow-up for hypertension: BP 142/91, increase lisinopril to {mg} mg.",
    "Return to work cleared after knee surgery; restrict lifting >20 lb for {weeks} weeks.",
    "Employee disclosed diagnosis of generalized anxiety disorder; started sertraline.",
    "Migraine frequency {n}/month; trial of sumatriptan as needed.",
    "A1c 7.9, adjust metformin; referred to nutritionist.",
    "Occupational health: carpal tunnel symptoms right wrist, splint at night.",
]
LEAVE_REASONS = [
    "FMLA - recovery from surgery",
    "Medical leave: major depressive episode",
    "Maternity leave (C-section recovery)",
    "Short-term disability - herniated disc",
    "Intermittent FMLA for migraines",
    "Cancer treatment",
    "Medical leave: pneumonia, hospitalized {n} days",
    "Inpatient treatment for alcohol use disorder",
]

TICKETS = [
    "Login fails with error 403 after password reset. Browser: Chrome 121 on macOS.",
    "Payroll portal shows the wrong pay date for the {day} run.",
    "Export to CSV times out for reports larger than {n} MB.",
    "Customer cannot update shipping address on order #{m}{n}.",
    "Direct deposit change request submitted twice; please dedupe.",
    "W-2 download link returns 404 for tax year 2023.",
    "Benefits enrollment page spins forever on Safari.",
    "Refund for duplicate charge not visible after {n} days.",
]
TICKETS_WITH_SSN = [
    "Employee cannot verify identity in benefits portal; SSN on file {ssn} does not match HR record.",
    "Please correct the W-2 for {name}: SSN should be {ssn}, not the one printed.",
    "Background check vendor rejected candidate - SSN {ssn} flagged as mismatch.",
    "Onboarding form stuck. New hire entered SSN {ssn} and DOB; form will not submit.",
]
DISPUTES = [
    "Cardholder disputes charge of {amount} on {day}; says merchandise never arrived.",
    "Duplicate authorization for {amount}; second hold should drop in {n} days.",
    "Chargeback received, reason code 13.1. Evidence due in {n} days.",
    "Customer claims subscription was cancelled before renewal. Requesting refund of {amount}.",
    "Partial refund issued for damaged item, {amount}.",
]
DISPUTES_WITH_CARD = [
    "Customer reported card {card} stolen; disputes all charges after {day}.",
    "Two charges of {amount} posted to card {card}. Customer wants one reversed.",
    "Card {card} was declined at checkout but still shows a pending hold of {amount}.",
]
CHAT_WITH_SSN = [
    "hey can you update my direct deposit? my ssn is {ssn} if you need it",
    "HR asked for my social again lol, it's {ssn}, can you forward it to {first2}?",
    "the benefits form keeps rejecting {ssn}, is that the right format?",
]
PROMPT_WITH_CARD = [
    "Is this a valid card number? {card}",
    "My card {card} got declined at checkout, write a complaint email to the store for me.",
    "Format this card number with spaces for my expense form: {card}",
]

TAX_FILING = [
    "Single",
    "Married Filing Jointly",
    "Married Filing Separately",
    "Head of Household",
    "Qualifying Surviving Spouse",
]


def money(lo: int, hi: int) -> str:
    return f"{rng.randint(lo, hi)}.{rng.randint(0, 99):02d}"


def tax_return() -> str:
    wages = rng.randint(32000, 310000)
    agi = wages + rng.randint(0, 8000)
    taxable = max(0, agi - pick([13850, 27700, 20800]))
    withheld = round(taxable * rng.uniform(0.08, 0.24), 2)
    ret = {
        "tax_year": pick([2022, 2023]),
        "filing_status": pick(["single", "mfj", "mfs", "hoh"]),
        "wages": wages,
        "agi": agi,
        "taxable_income": taxable,
        "federal_withholding": withheld,
        "refund": round(rng.uniform(-3000, 4000), 2),
        "dependents": rng.randint(0, 3),
    }
    return json.dumps(ret, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------------
# positive columns, one block per class
# ---------------------------------------------------------------------------------------------------


def positives() -> None:
    # us_ssn
    add("hr.people", "ssn", "varchar", fill(ssn), ["us_ssn"], "Conventional name, dashed SSNs.")
    add(
        "hr.people",
        "employee_ssn",
        "varchar",
        fill(ssn, nulls=0.12),
        ["us_ssn"],
        "Prefixed name with ~12% NULLs.",
    )
    add(
        "payroll.w2_2023",
        "SSN_Number",
        "varchar",
        fill(lambda: ssn(" "), other=0.2),
        ["us_ssn"],
        "Upper-case suffixed name, space-separated SSNs, ~20% empty or N/A.",
    )
    add(
        "benefits.enrollments",
        "socialSecurityNumber",
        "varchar",
        fill(lambda: ssn("")),
        ["us_ssn"],
        "camelCase name; bare 9-digit SSNs are only acceptable because the name says SSN.",
    )
    add(
        "legacy.applicants",
        "applicant_ssn",
        "bigint",
        fill(lambda: ssn_digits(min_area=100)),
        ["us_ssn"],
        "SSNs stored as bigint (digits only) in a column whose name says SSN.",
    )
    add(
        "ext.import_2023_q4",
        "col_17",
        "varchar",
        fill(ssn, other=0.15),
        ["us_ssn"],
        "Unrevealing name; dashed valid SSNs identify the class from values alone.",
    )
    add(
        "crm.kyc_checks",
        "attr_text",
        "string",
        fill(ssn, nulls=0.1),
        ["us_ssn"],
        "Unrevealing Hive string column of dashed SSNs with NULLs.",
    )

    # us_itin
    add("tax.filers", "itin", "varchar", fill(itin), ["us_itin"], "Conventional name, dashed ITINs.")
    add(
        "tax.filers",
        "taxpayer_itin",
        "varchar",
        fill(itin, nulls=0.08),
        ["us_itin"],
        "Prefixed name with NULLs.",
    )
    add(
        "payroll.contractors",
        "ITIN_Number",
        "varchar",
        fill(lambda: itin(""), other=0.2),
        ["us_itin"],
        "Upper-case name, bare 9-digit ITINs, ~20% filler.",
    )
    add("payroll.contractors", "individualTaxpayerId", "varchar", fill(itin), ["us_itin"], "camelCase name.")
    add("ext.vendor_dump", "col_9", "varchar", fill(itin), ["us_itin"], "Unrevealing name; dashed ITINs.")
    add(
        "crm.kyc_checks",
        "ref_value",
        "varchar",
        fill(itin, other=0.1),
        ["us_itin"],
        "Unrevealing name; dashed ITINs with a few N/A.",
    )

    # us_ein
    add("vendors.master", "ein", "varchar", fill(ein), ["us_ein"], "Conventional column name.")
    add(
        "vendors.master", "employer_ein", "varchar", fill(ein, nulls=0.15), ["us_ein"], "Prefixed, 15% NULLs."
    )
    add("payroll.w2_2023", "FEIN", "varchar", fill(ein), ["us_ein"], "Upper-case abbreviation (federal EIN).")
    add(
        "tax.form_1099",
        "payerEmployerIdNumber",
        "varchar",
        fill(ein, other=0.2),
        ["us_ein"],
        "camelCase name; ~20% filler.",
    )
    add("ext.vendor_dump", "col_22", "varchar", fill(ein), ["us_ein"], "Unrevealing name; NN-NNNNNNN values.")
    add(
        "procurement.suppliers",
        "attr_text",
        "string",
        fill(ein, nulls=0.05),
        ["us_ein"],
        "Unrevealing name; EINs with a few NULLs.",
    )

    # credit_card
    add(
        "payments.cards", "card_number", "varchar", fill(card), ["credit_card"], "Plain digits, mixed brands."
    )
    add(
        "payments.legacy_orders",
        "cc_num",
        "varchar",
        fill(lambda: card("dash"), nulls=0.1),
        ["credit_card"],
        "Dash-grouped PANs with NULLs.",
    )
    add(
        "payments.cards",
        "pan",
        "varchar",
        fill(lambda: card("space")),
        ["credit_card"],
        "Abbreviated name PAN; space-grouped.",
    )
    add(
        "checkout.sessions",
        "creditCardNumber",
        "varchar",
        fill(lambda: card("mixed"), other=0.25),
        ["credit_card"],
        "camelCase name, mixed formats, ~25% empty or N/A.",
    )
    add(
        "legacy.pos_transactions",
        "card_number",
        "bigint",
        fill(lambda: card_digits(pick(["visa", "mc"]))),
        ["credit_card"],
        "PANs stored as bigint.",
    )
    add(
        "support.escalations",
        "notes",
        "varchar",
        fill(lambda: card("mixed")),
        ["credit_card"],
        "Unrevealing name; every value is a Luhn-valid card number.",
    )
    add(
        "ext.partner_feed",
        "value",
        "varchar",
        fill(card, nulls=0.1),
        ["credit_card"],
        "Unrevealing name; plain PANs.",
    )

    # iban
    add("treasury.payees", "iban", "varchar", fill(iban), ["iban"], "Conventional name, several countries.")
    add(
        "treasury.payouts", "beneficiary_iban", "varchar", fill(iban, nulls=0.1), ["iban"], "Prefixed, NULLs."
    )
    add(
        "hr.eu_payroll",
        "IBAN_Number",
        "varchar",
        fill(lambda: iban(pretty=True)),
        ["iban"],
        "Upper-case suffixed name, print format with spaces.",
    )
    add(
        "marketplace.sellers",
        "payoutIban",
        "varchar",
        fill(iban, other=0.2),
        ["iban"],
        "camelCase, ~20% filler.",
    )
    add("ext.sepa_import", "col_14", "varchar", fill(iban), ["iban"], "Unrevealing name; compact IBANs.")
    add(
        "finance.reconciliation",
        "attr_text",
        "string",
        fill(lambda: iban(pretty=rng.random() < 0.5)),
        ["iban"],
        "Unrevealing name; compact and spaced IBANs mixed.",
    )

    # us_bank_routing
    add(
        "treasury.us_payees",
        "routing_number",
        "varchar",
        fill(routing),
        ["us_bank_routing"],
        "Conventional column name.",
    )
    add(
        "payroll.direct_deposit",
        "aba",
        "varchar",
        fill(routing, nulls=0.1),
        ["us_bank_routing"],
        "Short name ABA with NULLs.",
    )
    add("payroll.direct_deposit", "rtn", "varchar", fill(routing), ["us_bank_routing"], "Short name RTN.")
    add(
        "marketplace.sellers",
        "bankRoutingNumber",
        "varchar",
        fill(routing, other=0.15),
        ["us_bank_routing"],
        "camelCase, some filler.",
    )
    add(
        "legacy.ach_batches",
        "aba_routing",
        "bigint",
        fill(lambda: routing_from(RTN_PREFIXES[12:])),
        ["us_bank_routing"],
        "Routing numbers stored as bigint; only prefixes 21-80 so no leading zero is lost.",
    )
    add(
        "finance.vendors_us",
        "ach_routing_no",
        "varchar",
        fill(routing, nulls=0.2),
        ["us_bank_routing"],
        "Suffix abbreviation, 20% NULLs.",
    )

    # email
    add("crm.contacts", "email", "varchar", fill(email), ["email"], "Conventional column name.")
    add(
        "hr.people",
        "work_email",
        "varchar",
        fill(lambda: email("acme-corp.com"), nulls=0.05),
        ["email"],
        "Single corporate domain.",
    )
    add(
        "marketing.leads", "EmailAddress", "varchar", fill(email, other=0.2), ["email"], "PascalCase, filler."
    )
    add(
        "support.tickets",
        "contactEmail",
        "varchar",
        fill(email, nulls=0.15),
        ["email"],
        "camelCase with NULLs.",
    )
    add("mail.outbound", "reply_to", "varchar", fill(email), ["email"], "Name only implies email.")
    add("ext.partner_feed", "col_3", "varchar", fill(email), ["email"], "Unrevealing name.")
    add("app.user_settings", "value", "varchar", fill(email, other=0.1), ["email"], "Unrevealing name.")

    # phone_number
    add(
        "crm.contacts", "phone", "varchar", fill(phone), ["phone_number"], "US formats plus some +CC numbers."
    )
    add(
        "hr.people",
        "mobile_phone",
        "varchar",
        fill(lambda: us_phone(), nulls=0.1),
        ["phone_number"],
        "US mobile numbers with NULLs.",
    )
    add(
        "marketing.leads",
        "PhoneNumber",
        "varchar",
        fill(intl_phone),
        ["phone_number"],
        "International +CC numbers only.",
    )
    add(
        "hr.emergency_contacts",
        "emergencyContactPhone",
        "varchar",
        fill(phone, other=0.2),
        ["phone_number"],
        "camelCase with filler.",
    )
    add(
        "legacy.customers",
        "phone",
        "bigint",
        fill(lambda: us_phone("bare")),
        ["phone_number"],
        "10-digit US numbers stored as bigint.",
    )
    add(
        "ext.partner_feed",
        "attr_text",
        "varchar",
        fill(lambda: us_phone(pick(["paren", "dash", "plus_space"]))),
        ["phone_number"],
        "Unrevealing name; formatted US numbers.",
    )
    add(
        "app.user_settings",
        "value_2",
        "varchar",
        fill(phone, nulls=0.1),
        ["phone_number"],
        "Unrevealing name.",
    )

    # ip_address
    add("web.access_log", "ip_address", "varchar", fill(ip), ["ip_address"], "IPv4 and IPv6.")
    add("auth.logins", "client_ip", "varchar", fill(ipv4, nulls=0.05), ["ip_address"], "IPv4 only.")
    add("web.access_log", "remote_addr", "varchar", fill(ip), ["ip_address"], "Server log naming.")
    add(
        "security.events",
        "sourceIp",
        "varchar",
        fill(ip, other=0.15),
        ["ip_address"],
        "camelCase with filler.",
    )
    add("net.flows", "ip_v6", "varchar", fill(ipv6), ["ip_address"], "IPv6 only, compressed and exploded.")
    add("ext.partner_feed", "field_2", "varchar", fill(ipv4), ["ip_address"], "Unrevealing name.")
    add("analytics.raw_hits", "value", "string", fill(ip, nulls=0.1), ["ip_address"], "Unrevealing name.")

    # person_name
    add("hr.people", "full_name", "varchar", fill(full_name), ["person_name"], "Full names.")
    add("hr.people", "first_name", "varchar", fill(lambda: pick(FIRST)), ["person_name"], "Given names.")
    add(
        "hr.people",
        "last_name",
        "varchar",
        fill(lambda: pick(LAST), nulls=0.05),
        ["person_name"],
        "Surnames.",
    )
    add(
        "payroll.runs",
        "employee_name",
        "varchar",
        fill(lambda: f"{pick(LAST)}, {pick(FIRST)}"),
        ["person_name"],
        "Last, First format.",
    )
    add(
        "sales.orders",
        "customer_name",
        "varchar",
        fill(full_name, other=0.1),
        ["person_name"],
        "Some filler.",
    )
    add(
        "chat.users",
        "display_name",
        "varchar",
        fill(display_name),
        ["person_name"],
        "Display names with initials and pronouns.",
    )

    # date_of_birth
    add("hr.people", "dob", "date", fill(dob), ["date_of_birth"], "Date type.")
    add(
        "patients.demographics",
        "birth_date",
        "date",
        fill(dob, nulls=0.1),
        ["date_of_birth"],
        "Date with NULLs.",
    )
    add(
        "crm.customers",
        "date_of_birth",
        "varchar",
        fill(lambda: dob("%m/%d/%Y")),
        ["date_of_birth"],
        "US-style varchar dates.",
    )
    add(
        "insurance.members", "DOB", "varchar", fill(dob, other=0.15), ["date_of_birth"], "Upper-case, filler."
    )
    add(
        "eu.customers",
        "birthDate",
        "varchar",
        fill(lambda: dob("%d.%m.%Y")),
        ["date_of_birth"],
        "European dd.mm.yyyy format.",
    )
    add(
        "patients.encounters",
        "patient_dob",
        "timestamp",
        fill(lambda: dob("%Y-%m-%d 00:00:00")),
        ["date_of_birth"],
        "Timestamp with midnight times.",
    )

    # icd10_code
    add(
        "claims.lines",
        "icd10",
        "varchar",
        fill(lambda: pick(ICD10)),
        ["icd10_code"],
        "Conventional column name.",
    )
    add(
        "patients.encounters",
        "diagnosis_code",
        "varchar",
        fill(lambda: pick(ICD10), nulls=0.1),
        ["icd10_code"],
        "With NULLs.",
    )
    add(
        "claims.lines",
        "dx_code",
        "varchar",
        fill(lambda: pick(ICD10).replace(".", "")),
        ["icd10_code"],
        "Codes without the dot.",
    )
    add(
        "claims.headers",
        "primary_icd10_code",
        "varchar",
        fill(lambda: pick(ICD10), other=0.15),
        ["icd10_code"],
        "Filler values.",
    )
    add(
        "claims.headers",
        "icd10_codes",
        "varchar[]",
        fill(lambda: json.dumps(rng.sample(ICD10, rng.randint(1, 4)))),
        ["icd10_code"],
        "Lists of codes.",
    )
    add(
        "pharmacy.claims",
        "claimDiagnosisCode",
        "varchar",
        fill(lambda: pick(ICD10)),
        ["icd10_code"],
        "camelCase.",
    )

    # us_npi
    add("providers.directory", "npi", "bigint", fill(npi), ["us_npi"], "Conventional name, bigint.")
    add("claims.lines", "provider_npi", "varchar", fill(npi, nulls=0.1), ["us_npi"], "Prefixed, NULLs.")
    add("claims.lines", "rendering_npi", "varchar", fill(npi), ["us_npi"], "Prefixed.")
    add("pharmacy.claims", "NPI_Number", "varchar", fill(npi, other=0.2), ["us_npi"], "Upper-case, filler.")
    add("referrals.orders", "referringProviderNpi", "varchar", fill(npi), ["us_npi"], "camelCase.")
    add("claims.headers", "billing_npi", "bigint", fill(npi, nulls=0.15), ["us_npi"], "bigint with NULLs.")

    # us_dea
    add("pharmacy.prescribers", "dea_number", "varchar", fill(dea), ["us_dea"], "Conventional column name.")
    add("pharmacy.prescriptions", "prescriber_dea", "varchar", fill(dea, nulls=0.1), ["us_dea"], "NULLs.")
    add(
        "providers.directory",
        "DEA_Reg_No",
        "varchar",
        fill(dea, other=0.2),
        ["us_dea"],
        "Upper-case, filler.",
    )
    add("pharmacy.controlled_rx", "deaNumber", "varchar", fill(dea), ["us_dea"], "camelCase.")
    add("ext.rx_feed", "col_4", "varchar", fill(dea), ["us_dea"], "Unrevealing name.")
    add(
        "providers.credentials", "ref_code", "varchar", fill(dea, nulls=0.05), ["us_dea"], "Unrevealing name."
    )

    # aws_access_key
    add(
        "infra.iam_keys",
        "aws_access_key_id",
        "varchar",
        fill(aws_key),
        ["aws_access_key"],
        "Conventional column name.",
    )
    add(
        "ci.secrets",
        "access_key",
        "varchar",
        fill(aws_key, nulls=0.1),
        ["aws_access_key"],
        "Generic-ish name.",
    )
    add(
        "config.env_vars",
        "AWS_KEY",
        "varchar",
        fill(aws_key, other=0.15),
        ["aws_access_key"],
        "Env-var style.",
    )
    add(
        "integrations.s3_exports",
        "awsAccessKeyId",
        "varchar",
        fill(aws_key),
        ["aws_access_key"],
        "camelCase.",
    )
    add("config.kv", "attr_value", "varchar", fill(aws_key), ["aws_access_key"], "Unrevealing name.")
    add(
        "ext.leaked_scan",
        "col_12",
        "string",
        fill(aws_key, nulls=0.05),
        ["aws_access_key"],
        "Unrevealing name.",
    )

    # github_token
    add(
        "integrations.github",
        "github_token",
        "varchar",
        fill(github_token),
        ["github_token"],
        "Conventional column name.",
    )
    add(
        "ci.secrets",
        "gh_pat",
        "varchar",
        fill(github_token, nulls=0.1),
        ["github_token"],
        "Abbreviated name.",
    )
    add(
        "config.env_vars",
        "GITHUB_TOKEN",
        "varchar",
        fill(github_token, other=0.2),
        ["github_token"],
        "Env-var style, filler.",
    )
    add(
        "devtools.users", "personalAccessToken", "varchar", fill(github_token), ["github_token"], "camelCase."
    )
    add("config.kv", "value", "varchar", fill(github_token), ["github_token"], "Unrevealing name.")
    add("ext.leaked_scan", "col_8", "string", fill(github_token, nulls=0.1), ["github_token"], "Unrevealing.")

    # slack_token
    add(
        "integrations.slack",
        "slack_token",
        "varchar",
        fill(slack_token),
        ["slack_token"],
        "Conventional column name.",
    )
    add(
        "integrations.slack",
        "slack_bot_token",
        "varchar",
        fill(slack_token, nulls=0.1),
        ["slack_token"],
        "NULLs.",
    )
    add(
        "config.env_vars",
        "SLACK_API_TOKEN",
        "varchar",
        fill(slack_token, other=0.2),
        ["slack_token"],
        "Env-var style, filler.",
    )
    add(
        "integrations.chatops",
        "oauthAccessToken",
        "varchar",
        fill(slack_token),
        ["slack_token"],
        "Generic OAuth name; values are Slack tokens.",
    )
    add("config.kv", "attr_text", "varchar", fill(slack_token), ["slack_token"], "Unrevealing name.")
    add("ext.leaked_scan", "col_21", "string", fill(slack_token, nulls=0.05), ["slack_token"], "Unrevealing.")

    # jwt
    add("auth.sessions", "id_token", "varchar", fill(jwt), ["jwt"], "OIDC id tokens.")
    add("auth.sessions", "access_token", "varchar", fill(jwt, nulls=0.1), ["jwt"], "Access tokens, NULLs.")
    add("api.request_log", "jwt", "varchar", fill(jwt, other=0.15), ["jwt"], "Short name, filler.")
    add(
        "api.request_log",
        "authHeader",
        "varchar",
        fill(lambda: f"Bearer {jwt()}"),
        ["jwt"],
        "Authorization header values with Bearer prefix.",
    )
    add("app.cache", "session_blob", "varchar", fill(jwt), ["jwt"], "Unrevealing name.")
    add("ext.leaked_scan", "col_3", "string", fill(jwt, nulls=0.05), ["jwt"], "Unrevealing name.")

    # private_key
    add(
        "infra.tls_certs",
        "private_key",
        "varchar",
        fill(private_key, n=size(40, 48)),
        ["private_key"],
        "PEM keys of all three kinds.",
    )
    add(
        "infra.bastion_users",
        "ssh_private_key",
        "varchar",
        fill(lambda: private_key("openssh"), n=size(40, 48)),
        ["private_key"],
        "OpenSSH keys.",
    )
    add(
        "infra.tls_certs",
        "tls_key_pem",
        "blob",
        fill(lambda: private_key("pkcs8"), n=size(40, 46), nulls=0.1),
        ["private_key"],
        "PKCS#8 keys in a blob column with NULLs.",
    )
    add(
        "integrations.signing",
        "signingKey",
        "varchar",
        fill(lambda: private_key("rsa"), n=size(40, 46)),
        ["private_key"],
        "camelCase; RSA keys.",
    )
    add(
        "config.kv",
        "blob_text",
        "varchar",
        fill(private_key, n=size(40, 46)),
        ["private_key"],
        "Unrevealing.",
    )
    add(
        "ext.leaked_scan",
        "col_30",
        "string",
        fill(private_key, n=size(40, 46), other=0.1),
        ["private_key"],
        "Unrevealing name; some filler.",
    )

    # conversation
    add(
        "chat.messages",
        "message_text",
        "varchar",
        fill(lambda: render(CHAT)),
        ["conversation"],
        "Chat messages.",
    )
    add(
        "ai.assistant_logs",
        "prompt",
        "varchar",
        fill(lambda: render(PROMPTS)),
        ["conversation"],
        "AI assistant prompts.",
    )
    add(
        "ai.assistant_logs",
        "model_completion",
        "varchar",
        fill(lambda: render(COMPLETIONS), nulls=0.05),
        ["conversation"],
        "AI assistant completions.",
    )
    add(
        "chat.direct_messages",
        "body",
        "varchar",
        fill(lambda: render(CHAT)),
        ["conversation"],
        "Generic name; comment says it is a DM body.",
        comment="Direct message body",
    )
    add(
        "support.calls",
        "transcript",
        "varchar",
        fill(lambda: render(TRANSCRIPT)),
        ["conversation"],
        "Multi-speaker transcripts.",
    )
    add(
        "chat.channel_history",
        "chat_message",
        "varchar",
        fill(lambda: render(CHAT), nulls=0.15),
        ["conversation"],
        "NULLs.",
    )
    add(
        "ext.vendor_export_07",
        "text",
        "varchar",
        fill(lambda: render(CONVERSATION)),
        ["conversation"],
        "Unrevealing name; comment reveals class.",
        comment="Employee chat and assistant messages",
    )
    add(
        "ext.vendor_export_07",
        "col_5",
        "string",
        fill(lambda: render(CHAT), other=0.1),
        ["conversation"],
        "Unrevealing name, no comment; values are clearly conversational.",
    )

    # keystrokes
    add(
        "telemetry.typing",
        "keystrokes",
        "json",
        fill(keystrokes_json, n=size(40, 80)),
        ["keystrokes"],
        "JSON key events.",
    )
    add(
        "telemetry.typing",
        "keystroke_events",
        "json",
        fill(lambda: keystrokes_json("updown"), n=size(40, 60)),
        ["keystrokes"],
        "keydown/keyup JSON events.",
    )
    add(
        "telemetry.typing",
        "key_log",
        "varchar",
        fill(keystrokes_seq, nulls=0.1),
        ["keystrokes"],
        "t:key sequences.",
    )
    add(
        "monitoring.agent_events",
        "typingEvents",
        "struct(key varchar, t bigint)[]",
        fill(keystrokes_json, n=size(40, 70)),
        ["keystrokes"],
        "Struct-array type rendered as JSON text.",
    )
    add(
        "ext.agent_upload",
        "payload",
        "json",
        fill(keystrokes_json, n=size(40, 70), nulls=0.05),
        ["keystrokes"],
        "Unrevealing name.",
    )
    add(
        "ext.agent_upload",
        "data",
        "varchar",
        fill(keystrokes_seq, other=0.15),
        ["keystrokes"],
        "Unrevealing name; t:key sequences with filler.",
    )

    # mouse_telemetry
    add(
        "telemetry.pointer",
        "mouse_events",
        "json",
        fill(mouse_json, n=size(40, 80)),
        ["mouse_telemetry"],
        "JSON pointer events.",
    )
    add(
        "telemetry.pointer",
        "pointer_trail",
        "json",
        fill(lambda: mouse_json(True), nulls=0.1),
        ["mouse_telemetry"],
        "With button field, NULLs.",
    )
    add(
        "monitoring.agent_events",
        "cursor_positions",
        "struct(x int, y int, t bigint, type varchar)[]",
        fill(mouse_json, n=size(40, 70)),
        ["mouse_telemetry"],
        "Struct-array type rendered as JSON text.",
    )
    add(
        "monitoring.agent_events",
        "mouseTelemetry",
        "varchar",
        fill(mouse_json, other=0.15),
        ["mouse_telemetry"],
        "camelCase with filler.",
    )
    add(
        "ext.agent_upload",
        "payload_2",
        "json",
        fill(mouse_json, n=size(40, 70)),
        ["mouse_telemetry"],
        "Unrevealing name.",
    )
    add(
        "ext.session_replay",
        "col_44",
        "varchar",
        fill(lambda: mouse_json(True), nulls=0.05),
        ["mouse_telemetry"],
        "Unrevealing name.",
    )

    # screen_content
    add(
        "monitoring.screenshots",
        "ocr_text",
        "varchar",
        fill(lambda: render(SCREENS)),
        ["screen_content"],
        "OCR of screenshots.",
    )
    add(
        "monitoring.screenshots",
        "screen_text",
        "varchar",
        fill(lambda: render(SCREENS), nulls=0.1),
        ["screen_content"],
        "NULLs.",
    )
    add(
        "monitoring.activity",
        "window_text",
        "varchar",
        fill(lambda: render(SCREENS)),
        ["screen_content"],
        "Window text capture.",
    )
    add(
        "monitoring.activity",
        "screenOcr",
        "varchar",
        fill(lambda: render(SCREENS), other=0.15),
        ["screen_content"],
        "camelCase with filler.",
    )
    add(
        "ext.vendor_export_09",
        "text",
        "varchar",
        fill(lambda: render(SCREENS)),
        ["screen_content"],
        "Unrevealing name; comment reveals class.",
        comment="OCR text of the employee screen",
    )
    add(
        "ext.vendor_export_09",
        "col_2",
        "string",
        fill(lambda: render(SCREENS)),
        ["screen_content"],
        "Unrevealing name, no comment; UI text values.",
    )

    # performance_review
    add(
        "hr.reviews",
        "review_text",
        "varchar",
        fill(lambda: render(REVIEW_TEXT)),
        ["performance_review"],
        "Written reviews with ratings.",
    )
    add(
        "hr.reviews",
        "manager_feedback",
        "varchar",
        fill(lambda: render(MANAGER_FEEDBACK), nulls=0.1),
        ["performance_review"],
        "Manager feedback.",
    )
    add(
        "hr.reviews",
        "perf_rating",
        "varchar",
        fill(lambda: pick(RATINGS)),
        ["performance_review"],
        "Rating labels only.",
    )
    add(
        "hr.reviews",
        "self_assessment",
        "varchar",
        fill(lambda: render(SELF_ASSESSMENT), other=0.15),
        ["performance_review"],
        "Self reviews with filler.",
    )
    add(
        "hr.calibration",
        "calibration_notes",
        "varchar",
        fill(lambda: render(CALIBRATION)),
        ["performance_review"],
        "Calibration notes.",
    )
    add(
        "ext.hr_export",
        "body",
        "varchar",
        fill(lambda: render(REVIEW_TEXT + MANAGER_FEEDBACK)),
        ["performance_review"],
        "Unrevealing name; comment reveals class.",
        comment="Manager's written review for the cycle",
    )

    # medical
    add("hr.health_records", "diagnosis", "varchar", fill(lambda: pick(DIAGNOSES)), ["medical"], "Diagnoses.")
    add(
        "hr.health_records",
        "medication",
        "varchar",
        fill(lambda: render(MEDS), nulls=0.1),
        ["medical"],
        "Medications with dosage.",
    )
    add(
        "hr.accommodations",
        "accommodation_reason",
        "varchar",
        fill(lambda: render(ACCOMMODATIONS)),
        ["medical"],
        "Accommodation reasons.",
    )
    add(
        "occhealth.visits",
        "medical_notes",
        "varchar",
        fill(lambda: render(MEDICAL_NOTES), other=0.15),
        ["medical"],
        "Clinical notes with filler.",
    )
    add(
        "hr.leave_requests",
        "leave_reason",
        "varchar",
        fill(lambda: render(LEAVE_REASONS)),
        ["medical"],
        "Medical leave reasons.",
    )
    add(
        "ext.hr_export",
        "text",
        "varchar",
        fill(lambda: pick([*DIAGNOSES, *ACCOMMODATIONS])),
        ["medical"],
        "Unrevealing name; comment reveals class.",
        comment="Employee-reported medical condition",
    )

    # tax
    add("payroll.w4", "filing_status", "varchar", fill(lambda: pick(TAX_FILING)), ["tax"], "Filing status.")
    add(
        "tax.returns",
        "taxable_income",
        "decimal(12,2)",
        fill(lambda: money(18000, 400000)),
        ["tax"],
        "Amounts; class comes from the name.",
    )
    add(
        "payroll.w2_2023",
        "federal_income_tax_withheld",
        "decimal(12,2)",
        fill(lambda: money(900, 90000)),
        ["tax"],
        "W-2 box 2 amounts.",
    )
    add("tax.returns", "tax_return", "json", fill(tax_return, nulls=0.05), ["tax"], "Tax return JSON.")
    add(
        "payroll.stubs",
        "state_withholding",
        "decimal(10,2)",
        fill(lambda: money(20, 2400)),
        ["tax"],
        "Per-period state withholding.",
    )
    add(
        "ext.payroll_feed",
        "amount",
        "decimal(12,2)",
        fill(lambda: money(100, 9000)),
        ["tax"],
        "Unrevealing name; comment reveals class.",
        comment="Federal income tax withheld (W-2 box 2)",
    )


def contains_cases() -> None:
    def mixed(base: Sequence[str], special: Sequence[str], frac: float, key: str, gen: Callable[[], str]):
        def one() -> str:
            if rng.random() < frac:
                return pick(special).format(**{**slots(), key: gen()})
            return render(base)

        return one

    add(
        "support.tickets",
        "description",
        "varchar",
        fill(mixed(TICKETS, TICKETS_WITH_SSN, 0.15, "ssn", ssn)),
        ["us_ssn"],
        "Support ticket text where a minority of tickets quote an SSN; not conversational chat.",
    )
    add(
        "billing.disputes",
        "details",
        "varchar",
        fill(mixed(DISPUTES, DISPUTES_WITH_CARD, 0.15, "card", lambda: card("mixed"))),
        ["credit_card"],
        "Dispute notes where a minority contain a full card number.",
    )
    add(
        "chat.direct_messages",
        "message",
        "varchar",
        fill(mixed(CHAT, CHAT_WITH_SSN, 0.12, "ssn", ssn)),
        ["conversation", "us_ssn"],
        "DM chat where a minority of messages contain an SSN.",
    )
    add(
        "ai.assistant_logs",
        "user_prompt",
        "varchar",
        fill(mixed(PROMPTS, PROMPT_WITH_CARD, 0.12, "card", lambda: card("mixed"))),
        ["conversation", "credit_card"],
        "Assistant prompts where a minority paste a card number.",
    )


def sha256(s: str) -> str:
    return hashlib.sha256(s.encode()).hexdigest()


def bcrypt_like() -> str:
    return "$2b$12$" + chars(53, "./" + string.ascii_letters + string.digits)


def vault() -> str:
    return "vault:v1:" + b64(rng.randint(28, 64))


def tok() -> str:
    return "tok_" + chars(16)


def mask_email() -> str:
    local, domain = email().split("@")
    return f"{local[0]}***@***.{domain.rsplit('.', 1)[1]}"


def protected() -> None:
    add(
        "hr.people_secure",
        "ssn_sha256",
        "varchar",
        fill(lambda: sha256(ssn())),
        ["us_ssn"],
        "Hex SHA-256 digests; the name keeps the class.",
        protection="hashed",
    )
    add(
        "crm.contacts_hashed",
        "email_md5",
        "varchar",
        fill(lambda: hashlib.md5(email().encode()).hexdigest()),
        ["email"],
        "Hex MD5 of emails.",
        protection="hashed",
    )
    add(
        "crm.contacts_hashed",
        "phone_sha1",
        "varchar",
        fill(lambda: hashlib.sha1(us_phone("e164").encode()).hexdigest()),
        ["phone_number"],
        "Hex SHA-1 of phone numbers.",
        protection="hashed",
    )
    add(
        "patients.demographics_secure",
        "dob_sha256",
        "varchar",
        fill(lambda: sha256(dob())),
        ["date_of_birth"],
        "Hashed dates of birth.",
        protection="hashed",
    )
    add(
        "auth.users",
        "password_hash",
        "varchar",
        fill(bcrypt_like),
        [],
        "bcrypt hashes; passwords are not one of the classes.",
        protection="hashed",
    )
    add(
        "analytics.sessions",
        "user_key",
        "varchar",
        fill(lambda: sha256(chars(12))),
        [],
        "Unrevealing name of SHA-256 digests.",
        protection="hashed",
    )
    add(
        "payments.cards_vault",
        "card_token",
        "varchar",
        fill(tok),
        ["credit_card"],
        "Tokenized cards.",
        protection="tokenized",
    )
    add(
        "treasury.payees",
        "routing_number_token",
        "varchar",
        fill(tok, nulls=0.1),
        ["us_bank_routing"],
        "Tokenized routing numbers.",
        protection="tokenized",
    )
    add("ext.partner_feed", "col_7", "varchar", fill(tok), [], "Unrevealing tokens.", protection="tokenized")
    add(
        "payments.cards_vault",
        "card_number_masked",
        "varchar",
        fill(lambda: (lambda d: "*" * (len(d) - 4) + d[-4:])(card_digits())),
        ["credit_card"],
        "Masked PANs.",
        protection="masked",
    )
    add(
        "hr.people_secure",
        "ssn_masked",
        "varchar",
        fill(lambda: f"***-**-{ssn()[-4:]}"),
        ["us_ssn"],
        "Masked SSNs.",
        protection="masked",
    )
    add(
        "crm.contacts_masked",
        "email_masked",
        "varchar",
        fill(mask_email),
        ["email"],
        "Masked emails.",
        protection="masked",
    )
    add(
        "crm.contacts_masked",
        "phone_masked",
        "varchar",
        fill(lambda: f"(***) ***-{digits(4)}"),
        ["phone_number"],
        "Masked phones.",
        protection="masked",
    )
    add(
        "treasury.payees",
        "iban_encrypted",
        "varchar",
        fill(vault),
        ["iban"],
        "Vault ciphertext.",
        protection="ciphertext",
    )
    add(
        "payroll.employees_secure",
        "ssn_encrypted",
        "varchar",
        fill(lambda: f"ENC({b64(rng.randint(24, 48))})"),
        ["us_ssn"],
        "ENC(...) wrapped ciphertext.",
        protection="ciphertext",
    )
    add(
        "chat.direct_messages_secure",
        "message_body_enc",
        "varchar",
        fill(vault),
        ["conversation"],
        "Encrypted DM bodies; name reveals class.",
        protection="ciphertext",
    )
    add(
        "events.raw_ingest",
        "payload",
        "varchar",
        fill(lambda: b64(rng.randint(24, 64))),
        [],
        "Opaque base64 blobs.",
        protection="ciphertext",
    )
    add(
        "integrations.webhooks",
        "secret_blob",
        "varchar",
        fill(vault),
        [],
        "Unrevealing vault ciphertext.",
        protection="ciphertext",
    )
    add(
        "hr.people_legacy",
        "ssn",
        "varchar",
        fill(lambda: ssn() if rng.random() < 0.5 else f"***-**-{ssn()[-4:]}"),
        ["us_ssn"],
        "Half plaintext, half masked.",
        protection="mixed",
    )
    add(
        "hr.people_legacy",
        "ssn_old",
        "varchar",
        [None] * size(40, 60),
        ["us_ssn"],
        "All NULL; label from name.",
        protection="empty",
    )
    add(
        "crm.legacy",
        "legacy_notes",
        "varchar",
        fill(lambda: "", nulls=0.3),
        [],
        "All empty or NULL.",
        protection="empty",
    )


# ---------------------------------------------------------------------------------------------------
# hard negatives: labels [] for every column below
# ---------------------------------------------------------------------------------------------------

PRODUCTS = [
    "Trail Runner 2",
    "AeroPress Go",
    "Summit 40L Pack",
    "Nimbus Desk Lamp",
    "Harbor Rain Shell",
    "Pocket Tripod",
    "Ridge Wool Socks",
    "Atlas Standing Desk",
    "Echo Mini Speaker",
    "Cobalt Mug",
]
CITIES = [
    "San Francisco",
    "Austin",
    "Berlin",
    "Dublin",
    "Toronto",
    "Singapore",
    "Sydney",
    "Chicago",
    "Lisbon",
    "Bangalore",
    "Denver",
    "Tokyo",
]
USER_AGENTS = [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.3 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/121.0.0.0 Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:122.0) Gecko/20100101 Firefox/122.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148",
    "curl/8.4.0",
    "python-requests/2.31.0",
    "Go-http-client/2.0",
]
LOG_LINES = [
    "{ts} INFO  order-service processed batch={n} orders={m} duration_ms={dur}",
    "{ts} WARN  inventory-sync retrying request attempt={n} backoff_ms={dur}",
    "{ts} ERROR payment-worker upstream timeout after {dur} ms (job={n})",
    "{ts} DEBUG cache hit ratio=0.{m} keys={n}",
    "{ts} INFO  scheduler started job nightly_rollup run={n}",
]
SQL = [
    "SELECT order_id, total_amount FROM sales.orders WHERE created_at >= DATE '2024-01-01'",
    "SELECT count(*) FROM web.access_log WHERE status = 500",
    "INSERT INTO analytics.daily_rollup SELECT dt, sum(revenue) FROM sales.orders GROUP BY dt",
    "UPDATE catalog.products SET price = price * 1.05 WHERE category = 'outdoor'",
    "DELETE FROM staging.tmp_events WHERE load_id = {n}",
    "SELECT product_name, avg(rating) FROM catalog.reviews GROUP BY 1 ORDER BY 2 DESC LIMIT {m}",
]
ERRORS = [
    "TimeoutError: upstream inventory-service did not respond within {dur} ms",
    "ValueError: invalid literal for int() with base 10: 'abc'",
    "ConnectionResetError: [Errno 104] Connection reset by peer",
    "HTTP 429 Too Many Requests: rate limit exceeded, retry after {n}s",
    "NullPointerException at com.acme.checkout.CartService.total(CartService.java:{m})",
    "Disk usage above 90% on volume /data",
    "Schema mismatch: expected 12 columns, got {n}",
]
MARKETING = [
    "Meet the all-new Trail Runner 2 - lighter, faster, and built for every commute.",
    "Save 20% on your first order when you sign up for our newsletter.",
    "Free shipping on orders over $50. Returns are always free.",
    "Designed in Portland. Tested on the trails. Loved by thousands of customers.",
    "Upgrade your workspace with the Atlas Standing Desk, now in three new finishes.",
    "Limited edition colors available while supplies last.",
    "Our most comfortable socks yet, made from responsibly sourced merino wool.",
]
LOREM = [
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
    "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.",
    "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore.",
    "Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia.",
]
DOCS = [
    "To configure the exporter, set EXPORT_BUCKET and restart the service.",
    "The nightly job compacts small files into 512 MB parquet files.",
    "Retries use exponential backoff with a maximum of five attempts.",
    "Run make test before opening a pull request.",
    "This table is partitioned by dt and retained for 400 days.",
]
PRODUCT_DESCRIPTIONS = [
    "Water-resistant shell with taped seams and a packable hood.",
    "Stainless steel mug, 350 ml, keeps drinks hot for 6 hours.",
    "Compact tripod with ball head, folds to 20 cm.",
    "Adjustable LED desk lamp with three color temperatures.",
    "Lightweight running shoe with a rock plate and 6 mm drop.",
]


def fmt_text(templates: Sequence[str]) -> str:
    return pick(templates).format(
        ts=ts().strftime("%Y-%m-%dT%H:%M:%SZ"),
        n=rng.randint(1, 9999),
        m=rng.randint(1, 99),
        dur=rng.randint(5, 30000),
    )


def isbn13() -> str:
    body = "978" + digits(9)
    check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(body)) % 10) % 10
    return f"{body[:3]}-{body[3]}-{body[4:7]}-{body[7:]}-{check}"


def isbn10() -> str:
    body = digits(9)
    check = (11 - sum((10 - i) * int(d) for i, d in enumerate(body)) % 11) % 11
    return f"{body[0]}-{body[1:4]}-{body[4:]}-{'X' if check == 10 else check}"


def uuid4() -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def thumbnail() -> str:
    head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    return base64.b64encode(head + rng.randbytes(rng.randint(60, 140))).decode()


def negatives() -> None:
    def neg(
        table: str,
        column: str,
        type_: str,
        gen: Callable[[], str],
        note: str,
        nulls: float = 0.0,
        comment: str | None = None,
        protection: str = "plaintext",
    ) -> None:
        add(
            table,
            column,
            type_,
            fill(gen, nulls=nulls),
            [],
            f"Hard negative: {note}",
            protection=protection,
            comment=comment,
        )

    neg(
        "sales.orders",
        "order_id",
        "bigint",
        lambda: str(rng.randint(100_000_000, 999_999_999)),
        "Bare 9-digit ids as bigint; not SSNs or routing numbers.",
    )
    neg(
        "sales.orders",
        "order_number",
        "varchar",
        lambda: str(rng.randint(1_000_000_000, 9_999_999_999)),
        "Bare 10-digit ids as varchar; not NPIs or phone numbers.",
    )
    neg(
        "logistics.shipments",
        "shipment_number",
        "varchar",
        lambda: "1" + digits(15),
        "16-digit ids; not card numbers.",
    )
    neg("finance.ledger", "account_ref", "varchar", lambda: digits(9), "9-digit varchar references.")
    neg(
        "finance.ledger",
        "account_ref_long",
        "bigint",
        lambda: str(rng.randint(10**15, 10**16 - 1)),
        "16-digit bigint ids; some pass Luhn by chance.",
    )
    neg("events.raw", "event_id", "uuid", uuid4, "UUIDs.")
    neg("crm.accounts", "account_id", "varchar", uuid4, "UUIDs as varchar.")
    neg("catalog.books", "isbn13", "varchar", isbn13, "Dashed ISBN-13s.")
    neg("catalog.books", "isbn10", "varchar", isbn10, "Dashed ISBN-10s.")
    neg(
        "mobile.installs",
        "app_version",
        "varchar",
        lambda: f"{rng.randint(1, 12)}.{rng.randint(0, 30)}.{rng.randint(0, 99)}",
        "Three-part versions.",
    )
    neg(
        "ci.builds",
        "build_version",
        "varchar",
        lambda: f"{rng.randint(1, 20)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 250)}",
        "Four-part versions that look like IPv4 addresses.",
    )
    neg(
        "pkg.releases",
        "semver",
        "varchar",
        lambda: (
            f"{rng.randint(0, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
            + pick(["", "", "-rc.1", "-beta.2", "+build.17", "-alpha"])
        ),
        "Semantic versions.",
    )
    neg(
        "sales.orders",
        "created_at",
        "timestamp",
        lambda: ts().strftime("%Y-%m-%d %H:%M:%S"),
        "Timestamps; not dates of birth.",
    )
    neg("logistics.shipments", "shipped_date", "date", lambda: ts().strftime("%Y-%m-%d"), "Dates.", nulls=0.1)
    neg("analytics.daily", "dt", "varchar", lambda: ts().strftime("%Y-%m-%d"), "Partition date strings.")
    neg(
        "hr.people",
        "hire_date",
        "date",
        lambda: rand_date(date(2005, 1, 1), date(2024, 6, 1)).isoformat(),
        "Employment dates next to person data; not dates of birth.",
    )
    neg("sales.orders", "total_amount", "decimal(12,2)", lambda: money(5, 2500), "Order amounts.")
    neg("marketing.campaigns", "ctr_pct", "double", lambda: f"{rng.uniform(0.1, 12):.3f}", "Percentages.")
    neg(
        "sales.orders",
        "discount_pct",
        "decimal(5,2)",
        lambda: f"{pick([0, 5, 10, 15, 20, 25])}.00",
        "Discount percentages.",
    )
    neg(
        "chat.channels",
        "message_count",
        "bigint",
        lambda: str(rng.randint(0, 250000)),
        "Counts in a chat table; not conversation.",
    )
    neg(
        "telemetry.sessions",
        "keystroke_count",
        "bigint",
        lambda: str(rng.randint(0, 90000)),
        "Aggregate count; not keystroke data.",
    )
    neg(
        "telemetry.sessions",
        "mouse_distance_px",
        "bigint",
        lambda: str(rng.randint(0, 5_000_000)),
        "Aggregate distance; not mouse telemetry.",
    )
    neg("auth.users", "email_verified", "boolean", lambda: pick(["true", "false"]), "Boolean named email.")
    neg(
        "auth.users",
        "email_opt_in",
        "boolean",
        lambda: pick(["true", "false"]),
        "Boolean named email.",
        nulls=0.1,
    )
    neg(
        "hr.people",
        "ssn_verified",
        "boolean",
        lambda: pick(["true", "true", "false"]),
        "Boolean named ssn; no SSN data.",
    )
    neg("crm.contacts", "phone_verified", "boolean", lambda: pick(["true", "false"]), "Boolean named phone.")
    neg(
        "chat.threads",
        "chat_id",
        "bigint",
        lambda: str(rng.randint(10**11, 10**12)),
        "Chat ids, with a chat-ish comment.",
        comment="Identifier of the chat thread",
    )
    neg(
        "crm.contacts",
        "phone_type",
        "varchar",
        lambda: pick(["mobile", "home", "work", "fax"]),
        "Phone category enum.",
    )
    neg(
        "crm.contacts",
        "phone_country_code",
        "varchar",
        lambda: pick(["US", "GB", "DE", "IN", "BR", "FR"]),
        "Country codes named phone.",
    )
    neg("ci.builds", "commit_sha", "varchar", lambda: chars(40, HEX), "40-hex commit SHAs; not hashed PII.")
    neg("storage.files", "file_md5", "varchar", lambda: chars(32, HEX), "MD5 checksums of files.")
    neg(
        "catalog.products",
        "product_name",
        "varchar",
        lambda: pick(PRODUCTS),
        "Product names; not person names.",
    )
    neg("catalog.products", "description", "varchar", lambda: pick(PRODUCT_DESCRIPTIONS), "Product copy.")
    neg("geo.offices", "city", "varchar", lambda: pick(CITIES), "City names.")
    neg(
        "geo.offices",
        "country_code",
        "varchar",
        lambda: pick(["US", "DE", "IE", "CA", "SG", "AU", "JP"]),
        "ISO country codes.",
    )
    neg(
        "finance.fx_rates",
        "currency_code",
        "varchar",
        lambda: pick(["USD", "EUR", "GBP", "JPY", "CAD", "INR"]),
        "ISO currency codes.",
    )
    neg(
        "sales.orders",
        "status",
        "varchar",
        lambda: pick(["pending", "paid", "shipped", "delivered", "cancelled", "refunded"]),
        "Status enum.",
    )
    neg("web.requests", "user_agent", "varchar", lambda: pick(USER_AGENTS), "HTTP user agents.")
    neg(
        "web.pages",
        "url",
        "varchar",
        lambda: (
            f"https://shop.example.com/products/{pick(PRODUCTS).lower().replace(' ', '-')}"
            + pick(["", "?utm_source=newsletter", "?ref=home", "#reviews"])
        ),
        "URLs.",
    )
    neg(
        "web.requests",
        "path",
        "varchar",
        lambda: pick(["/api/v1/orders/", "/api/v1/products/", "/cart/", "/static/js/app."]) + digits(5),
        "Request paths.",
    )
    neg(
        "storage.files",
        "file_path",
        "varchar",
        lambda: pick(
            [
                f"/var/data/exports/2024/{rng.randint(1, 12):02d}/orders_{digits(4)}.parquet",
                f"s3://acme-data-lake/raw/events/dt=2024-03-{rng.randint(1, 28):02d}/"
                f"part-{digits(5)}.parquet",
                f"C:\\Reports\\Q{rng.randint(1, 4)}\\summary_{digits(3)}.xlsx",
            ]
        ),
        "File paths.",
    )
    neg(
        "storage.files",
        "file_name",
        "varchar",
        lambda: (
            pick(["report", "export", "invoice_batch", "inventory", "backup"])
            + f"_{digits(4)}."
            + pick(["csv", "pdf", "parquet", "zip"])
        ),
        "File names.",
    )
    neg("ops.app_logs", "log_line", "varchar", lambda: fmt_text(LOG_LINES), "Log lines without PII.")
    neg("ops.errors", "error_message", "varchar", lambda: fmt_text(ERRORS), "Error messages.")
    neg("analytics.saved_queries", "sql_text", "varchar", lambda: fmt_text(SQL), "SQL snippets.")
    neg(
        "config.services",
        "config_json",
        "json",
        lambda: json.dumps(
            {
                "retries": rng.randint(0, 5),
                "timeout_ms": rng.randint(100, 10000),
                "feature": pick(["new_checkout", "dark_mode", "fast_search"]),
                "regions": rng.sample(["us-east-1", "eu-west-1", "ap-south-1"], 2),
            },
            separators=(",", ":"),
        ),
        "Config JSON without secrets.",
    )
    neg(
        "catalog.products",
        "thumbnail_png",
        "blob",
        thumbnail,
        "Base64 PNG thumbnails; opaque but not sensitive.",
        protection="ciphertext",
    )
    neg(
        "flags.features",
        "flag_name",
        "varchar",
        lambda: pick(["enable_new_checkout", "search_v2", "dark_mode", "beta_dashboard", "ai_summaries"]),
        "Feature flag names.",
    )
    neg(
        "meta.tables",
        "table_name",
        "varchar",
        lambda: pick(["orders", "order_items", "customers", "products", "shipments", "events_raw"]),
        "Table names.",
    )
    neg(
        "infra.hosts",
        "hostname",
        "varchar",
        lambda: (
            f"{pick(['web', 'api', 'db-replica', 'worker', 'cache'])}-{rng.randint(1, 40):02d}."
            + pick(["prod.internal", "staging.internal", "us-east-1.internal"])
        ),
        "Hostnames.",
    )
    neg(
        "infra.hosts",
        "mac_address",
        "varchar",
        lambda: ":".join(chars(2, HEX) for _ in range(6)),
        "MAC addresses; not IP addresses.",
    )
    neg(
        "geo.store_locations",
        "zip_code",
        "varchar",
        lambda: pick([digits(5), f"{digits(5)}-{digits(4)}"]),
        "ZIP codes of stores.",
    )
    neg(
        "marketing.pages",
        "hero_copy",
        "varchar",
        lambda: pick(MARKETING),
        "Second-person marketing copy; not conversational.",
    )
    neg("cms.placeholders", "body_placeholder", "varchar", lambda: pick(LOREM), "Lorem ipsum.")
    neg("docs.articles", "body_markdown", "varchar", lambda: pick(DOCS), "Technical documentation text.")
    neg("iot.readings", "temperature_c", "double", lambda: f"{rng.uniform(-10, 40):.2f}", "Sensor readings.")
    neg(
        "iot.devices",
        "device_serial",
        "varchar",
        lambda: f"SN-{chars(4, '0123456789ABCDEF')}-{digits(2)}",
        "Device serials.",
    )
    neg(
        "geo.stores",
        "lat_lng",
        "varchar",
        lambda: f"{rng.uniform(25, 48):.2f},{rng.uniform(-123, -71):.2f}",
        "Coordinates like 37.77,-122.41.",
    )
    neg(
        "catalog.products",
        "review_count",
        "bigint",
        lambda: str(rng.randint(0, 12000)),
        "Counts named review.",
    )
    neg(
        "catalog.products",
        "code",
        "varchar",
        lambda: pick(string.ascii_uppercase) + digits(2),
        "Short codes.",
    )
    neg("catalog.reviews", "rating", "int", lambda: str(rng.randint(1, 5)), "Product star ratings.")
    neg(
        "training.courses",
        "completion_rate",
        "double",
        lambda: f"{rng.uniform(0, 1):.3f}",
        "Rate named completion.",
    )
    neg("ai.ab_tests", "prompted", "boolean", lambda: pick(["true", "false"]), "Boolean named prompted.")
    neg(
        "ai.runs", "prompt_tokens", "bigint", lambda: str(rng.randint(20, 8000)), "Token counts named prompt."
    )
    neg(
        "ai.runs",
        "model_name",
        "varchar",
        lambda: pick(["summarizer-v3", "classifier-small", "embed-768", "rerank-2"]),
        "Model identifiers.",
    )
    neg(
        "ai.prompt_catalog",
        "template_id",
        "varchar",
        lambda: pick(["tmpl_summarize_v2", "tmpl_translate_v1", "tmpl_classify_v4", "tmpl_extract_v3"]),
        "Template ids named like prompts.",
    )
    neg("sales.invoices", "invoice_number", "varchar", lambda: f"INV-2024-{digits(6)}", "Invoice numbers.")
    neg(
        "catalog.products",
        "sku",
        "varchar",
        lambda: f"SKU-{digits(5)}-{pick(['BLU', 'BLK', 'RED', 'GRN'])}",
        "SKUs.",
    )
    neg(
        "logistics.shipments",
        "tracking_number",
        "varchar",
        lambda: f"1Z{chars(6, UPPER_DIGITS)}{digits(10)}",
        "Carrier tracking numbers.",
    )
    neg(
        "hr.departments",
        "department_name",
        "varchar",
        lambda: pick(["Engineering", "Finance", "People", "Sales", "Legal", "Support"]),
        "Department names.",
    )
    neg(
        "hr.jobs",
        "job_title",
        "varchar",
        lambda: pick(["Software Engineer II", "Account Executive", "Data Analyst", "HR Business Partner"]),
        "Job titles; not person names.",
    )
    neg(
        "hr.teams",
        "team_name",
        "varchar",
        lambda: pick(["Platform Infra", "Growth", "Payments Core", "Data Eng", "Mobile"]),
        "Team names.",
    )
    neg(
        "infra.queues",
        "queue_name",
        "varchar",
        lambda: pick(["orders.created", "emails.outbound", "billing.retry", "search.reindex"]),
        "Queue names.",
    )
    neg(
        "storage.buckets",
        "bucket_name",
        "varchar",
        lambda: pick(["acme-data-lake", "acme-logs-prod", "acme-backups", "acme-static"]),
        "Bucket names.",
    )
    neg(
        "web.requests",
        "http_status",
        "int",
        lambda: str(pick([200, 200, 200, 201, 301, 404, 500])),
        "Statuses.",
    )
    neg("web.requests", "latency_ms", "double", lambda: f"{rng.uniform(1, 900):.1f}", "Latencies.")
    neg("web.requests", "request_id", "varchar", lambda: f"req_{chars(24, HEX)}", "Request ids.")
    neg("payments.charges", "charge_id", "varchar", lambda: f"ch_{chars(24)}", "Charge ids; not card tokens.")
    neg(
        "payments.charges",
        "card_brand",
        "varchar",
        lambda: pick(["visa", "mastercard", "amex", "discover"]),
        "Card brand enum.",
    )
    neg(
        "payments.charges",
        "card_last4",
        "varchar",
        lambda: digits(4),
        "Last four digits alone are not a PAN.",
    )
    neg(
        "ci.builds",
        "branch_name",
        "varchar",
        lambda: pick(["main", "fix/retry-backoff", "feat/new-checkout", "release/2.4", "chore/deps"]),
        "Branch names.",
    )
    neg(
        "calendar.rooms",
        "room_name",
        "varchar",
        lambda: f"Conf {rng.randint(1, 9)}{pick('ABCD')} - " + pick(["Everest", "Denali", "Fuji"]),
        "Meeting room names.",
    )
    neg(
        "finance.gl",
        "gl_account",
        "varchar",
        lambda: f"{rng.randint(1000, 9999)}-{digits(3)}",
        "GL accounts.",
    )
    neg(
        "i18n.locales",
        "timezone",
        "varchar",
        lambda: pick(["America/Los_Angeles", "America/New_York", "Europe/Berlin", "Asia/Tokyo"]),
        "Timezones.",
    )
    neg(
        "i18n.locales",
        "locale",
        "varchar",
        lambda: pick(["en-US", "en-GB", "de-DE", "fr-FR", "ja-JP"]),
        "Locale tags.",
    )
    neg("web.sessions", "session_duration_s", "bigint", lambda: str(rng.randint(1, 7200)), "Durations.")
    neg("catalog.colors", "hex_color", "varchar", lambda: "#" + chars(6, "0123456789ABCDEF"), "Hex colors.")
    neg(
        "ml.embeddings",
        "embedding",
        "double[]",
        lambda: json.dumps([round(rng.uniform(-1, 1), 4) for _ in range(8)]),
        "Embedding vectors.",
    )
    neg("support.tickets", "priority", "varchar", lambda: pick(["P1", "P2", "P3", "P4"]), "Priority enum.")
    neg(
        "support.tickets",
        "category",
        "varchar",
        lambda: pick(["billing", "login", "shipping", "bug", "feature request"]),
        "Category enum.",
    )
    neg(
        "marketing.campaigns",
        "email_subject",
        "varchar",
        lambda: pick(
            [
                "Your March savings are here",
                "New arrivals just dropped",
                "Last chance: 20% off",
                "We think you'll love these",
            ]
        ),
        "Marketing subject lines in an email-named column.",
    )
    neg("marketing.campaigns", "email_template_id", "varchar", lambda: f"tmpl_{digits(5)}", "Template ids.")
    neg(
        "telemetry.screens",
        "screen_resolution",
        "varchar",
        lambda: pick(["1920x1080", "2560x1440", "1440x900", "3840x2160"]),
        "Resolutions named screen.",
    )
    neg(
        "telemetry.screens",
        "screen_name",
        "varchar",
        lambda: pick(["CheckoutScreen", "HomeScreen", "SettingsScreen", "OrderDetailScreen"]),
        "App screen identifiers; not screen content.",
    )
    neg(
        "hr.review_cycles",
        "review_period",
        "varchar",
        lambda: f"{rng.randint(2021, 2024)}-H{rng.randint(1, 2)}",
        "Review cycle labels; no review content.",
    )
    neg(
        "tax.jurisdictions",
        "sales_tax_rate",
        "double",
        lambda: f"{rng.uniform(0, 0.1):.4f}",
        "Jurisdiction sales-tax rates; not personal tax data.",
    )


# ---------------------------------------------------------------------------------------------------


def main() -> None:
    positives()
    contains_cases()
    protected()
    negatives()
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for i, row in enumerate(ROWS, start=1):
            fh.write(json.dumps({"id": f"c{i:03d}", **row}, ensure_ascii=False) + "\n")
    print(f"wrote {len(ROWS)} columns to {OUT}")


if __name__ == "__main__":
    main()
