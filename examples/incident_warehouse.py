"""A small synthetic warehouse modelled on an employee-monitoring exposure incident.

An internal monitoring program ("mci") recorded employees' keystrokes, screen content,
AI-assistant prompts and private chats. Next to it, HR kept performance reviews, tax and medical
records. All of it sat unencrypted in Hive tables that everyone in the company could read. The
warehouse also holds tables that are harmless, tables readable only by a small team, and tables
whose sensitive columns are encrypted, hashed or tokenized.

DuckDB schemas play Hive databases. Owners and table/serde properties live in the
`exposure_meta` schema; grants live in `incident_grants.sql` beside this file. Every value is
synthetic and generated from a fixed seed, so two builds hold identical data.

    python incident_warehouse.py /tmp/incident.duckdb
"""

from __future__ import annotations

import argparse
import base64
import calendar
import hashlib
import json
import random
import string
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Final

import duckdb

SEED: Final = 2026
BATCH: Final = 250
# Length of the random ciphertext blobs in hr.payroll_encrypted (base64, no envelope prefix).
PAYROLL_CIPHERTEXT_BYTES: Final = 32

# The intended outcome of a scan with incident_grants.sql and exposure.yaml, per table:
#   exposed   - sensitive, readable by everyone (directly, through a role chain or a company-wide
#               group) and stored as plaintext;
#   team-only - sensitive but readable only by a small team;
#   protected - sensitive columns encrypted, hashed or tokenized, even if everyone can read them;
#   harmless  - nothing sensitive, whoever reads it.
EXPECTED: Final[dict[str, str]] = {
    "mci.keystroke_events": "exposed",
    "mci.screen_captures": "exposed",
    "mci.assistant_prompts": "exposed",
    "mci.chat_transcripts": "exposed",
    "hr.performance_reviews": "exposed",
    "hr.employee_tax": "exposed",
    "hr.medical_accommodations": "exposed",
    "payments.cardholders": "exposed",
    "eng.oncall_chat": "team-only",
    "hr.employee_directory": "team-only",
    "payments.cards_vault": "protected",
    "hr.payroll_encrypted": "protected",
    "analytics.daily_active_users": "harmless",
    "analytics.feature_flags": "harmless",
    "eng.build_metrics": "harmless",
}

SCHEMAS: Final = ("mci", "hr", "payments", "analytics", "eng")

DDL: Final[dict[str, str]] = {
    "mci.keystroke_events": "event_id BIGINT, employee_id BIGINT, device_id VARCHAR, "
    "captured_at TIMESTAMP, keystrokes VARCHAR, app_name VARCHAR",
    "mci.screen_captures": "capture_id BIGINT, employee_id BIGINT, captured_at TIMESTAMP, "
    "window_title VARCHAR, screen_text VARCHAR",
    "mci.assistant_prompts": "prompt_id BIGINT, employee_id BIGINT, created_at TIMESTAMP, "
    "prompt VARCHAR, model_completion VARCHAR",
    "mci.chat_transcripts": "message_id BIGINT, conversation_id BIGINT, sender_id BIGINT, "
    "sent_at TIMESTAMP, message_text VARCHAR",
    "hr.performance_reviews": "review_id BIGINT, employee_id BIGINT, cycle VARCHAR, rating VARCHAR, "
    "review_text VARCHAR, manager_feedback VARCHAR",
    "hr.employee_tax": "employee_id BIGINT, ssn VARCHAR, tax_id_masked VARCHAR, filing_status VARCHAR, "
    "taxable_income DECIMAL(12,2), federal_withholding DECIMAL(12,2)",
    "hr.medical_accommodations": "case_id BIGINT, employee_id BIGINT, diagnosis VARCHAR, "
    "medication VARCHAR, accommodation_reason VARCHAR, opened_at DATE",
    "hr.employee_directory": "employee_id BIGINT, full_name VARCHAR, work_email VARCHAR, "
    "department VARCHAR, office VARCHAR",
    "payments.cardholders": "account_id BIGINT, card_number VARCHAR, card_token VARCHAR, iban VARCHAR, "
    "phone VARCHAR, email VARCHAR",
    "payments.cards_vault": "account_id BIGINT, card_number_enc VARCHAR, ssn_hash VARCHAR, "
    "email_hash VARCHAR",
    "hr.payroll_encrypted": "employee_id BIGINT, ssn VARCHAR, bank_iban VARCHAR",
    "analytics.daily_active_users": "day DATE, product VARCHAR, dau BIGINT, region VARCHAR",
    "analytics.feature_flags": "flag_name VARCHAR, enabled BOOLEAN, rollout_pct DOUBLE, owner_team VARCHAR",
    "eng.build_metrics": "build_id BIGINT, repo VARCHAR, duration_s DOUBLE, status VARCHAR, "
    "commit_sha VARCHAR",
    "eng.oncall_chat": "message_id BIGINT, channel VARCHAR, sent_at TIMESTAMP, message_text VARCHAR",
}

TABLE_COMMENTS: Final[dict[str, str]] = {
    "mci.keystroke_events": "Key events captured from employee devices by the monitoring agent.",
    "mci.screen_captures": "Periodic screen captures of employee devices, stored as OCR text.",
    "mci.assistant_prompts": "Prompts employees sent to the internal AI assistant and its answers.",
    "mci.chat_transcripts": "Private chat messages between employees captured by the agent.",
    "hr.performance_reviews": "Performance review ratings and written feedback per review cycle.",
    "hr.employee_tax": "Employee tax identifiers, filing status and withholding.",
    "hr.medical_accommodations": "Medical accommodation cases with diagnosis and medication.",
    "hr.employee_directory": "Employee names, work email, department and office.",
    "payments.cardholders": "Customer payment cards, bank accounts and contact details.",
    "payments.cards_vault": "Vault-encrypted card numbers with hashed identifiers.",
    "hr.payroll_encrypted": "Payroll identifiers stored with Parquet column encryption.",
    "analytics.daily_active_users": "Daily active users per product and region.",
    "analytics.feature_flags": "Feature flag state and rollout percentage.",
    "eng.build_metrics": "CI build durations and outcomes per commit.",
    "eng.oncall_chat": "On-call channel messages for the SRE rotation.",
}

COLUMN_COMMENTS: Final[dict[str, str]] = {
    "mci.keystroke_events.keystrokes": "Key events as a JSON array of key and time offset",
    "mci.screen_captures.screen_text": "OCR text of the employee screen",
    "mci.assistant_prompts.prompt": "Prompt text as typed by the employee",
    "hr.employee_tax.filing_status": "IRS filing status",
    "hr.employee_tax.tax_id_masked": "Masked taxpayer id, last four digits only",
    "hr.medical_accommodations.diagnosis": "Diagnosis with ICD-10 code",
    "payments.cardholders.card_token": "Token issued by the card vault",
    "payments.cards_vault.card_number_enc": "Card number encrypted by the vault transit key",
    "analytics.daily_active_users.dau": "Distinct active users that day",
}

# Owner and creation time per table, as the Hive metastore would report them.
TABLE_META: Final[dict[str, tuple[str, datetime]]] = {
    "mci.keystroke_events": ("mci-platform", datetime(2025, 3, 4, 9, 12, 0)),
    "mci.screen_captures": ("mci-platform", datetime(2025, 3, 4, 9, 14, 30)),
    "mci.assistant_prompts": ("mci-platform", datetime(2025, 6, 18, 16, 2, 11)),
    "mci.chat_transcripts": ("mci-platform", datetime(2025, 4, 22, 11, 40, 5)),
    "hr.performance_reviews": ("people-analytics", datetime(2025, 1, 15, 8, 30, 0)),
    "hr.employee_tax": ("people-analytics", datetime(2025, 2, 2, 10, 0, 0)),
    "hr.medical_accommodations": ("people-analytics", datetime(2025, 2, 9, 14, 25, 45)),
    "hr.employee_directory": ("people-analytics", datetime(2025, 1, 6, 7, 55, 0)),
    "hr.payroll_encrypted": ("people-analytics", datetime(2025, 11, 3, 13, 5, 0)),
    "payments.cardholders": ("payments-core", datetime(2025, 5, 12, 12, 0, 0)),
    "payments.cards_vault": ("payments-core", datetime(2025, 9, 29, 17, 45, 20)),
    "analytics.daily_active_users": ("data-eng", datetime(2025, 7, 1, 6, 0, 0)),
    "analytics.feature_flags": ("data-eng", datetime(2025, 8, 14, 15, 30, 0)),
    "eng.build_metrics": ("data-eng", datetime(2026, 1, 8, 10, 10, 10)),
    "eng.oncall_chat": ("data-eng", datetime(2026, 1, 20, 19, 0, 0)),
}

# Extra table (TBLPROPERTIES) and serde (SERDEPROPERTIES) parameters beyond the common ones.
EXTRA_PARAMS: Final[dict[str, list[tuple[str, str, str]]]] = {
    "payments.cards_vault": [
        ("table", "orc.encrypt", "pii:card_number_enc,ssn_hash,email_hash"),
        ("table", "orc.key.provider", "kms"),
    ],
    "hr.payroll_encrypted": [
        ("serde", "parquet.encryption.column.keys", "k1:ssn,bank_iban"),
        (
            "serde",
            "parquet.crypto.factory.class",
            "org.apache.parquet.crypto.keytools.PropertiesDrivenCryptoFactory",
        ),
    ],
}

EPOCH: Final = datetime(2026, 1, 5, 8, 0, 0)

FIRST_NAMES: Final = (
    "dana", "miguel", "priya", "tom", "aisha", "kenji", "laura", "omar", "sofia", "ben",
    "chloe", "ravi", "nina", "jamal", "elena", "marcus", "yuki", "hannah", "diego", "grace",
    "ivan", "leila", "noah", "zoe", "samir", "ruth", "felix", "maya", "owen", "tara",
)  # fmt: skip
LAST_NAMES: Final = (
    "okafor", "reyes", "natarajan", "becker", "khan", "tanaka", "schmidt", "haddad", "rossi", "cohen",
    "dubois", "iyer", "petrova", "brooks", "garcia", "lindqvist", "mori", "novak", "alvarez", "chen",
    "sokolov", "farah", "walsh", "kim", "mansour", "levy", "weber", "santos", "doyle", "singh",
)  # fmt: skip
DEPARTMENTS: Final = ("Engineering", "Payments", "People", "Sales", "Finance", "Legal", "Support", "Design")
OFFICES: Final = ("Seattle", "New York", "Austin", "Dublin", "Berlin", "Remote - US", "San Francisco")
APPS: Final = ("Slack", "Chrome", "VS Code", "Outlook", "Zoom", "Terminal", "Notion", "Workday")
WORDS: Final = (
    "hi", "ok", "sure", "thanks", "sorry", "lunch", "doctor", "review", "quit", "deploy", "password",
    "salary", "tired", "meeting", "later", "merge", "offer", "leave", "help", "call",
)  # fmt: skip

SCREENS: Final = (
    ("Outlook - Inbox", "Inbox - {n} unread | Re: Q3 offsite | From: {first} {last} | Hi team, attaching "
     "the agenda for Thursday, please confirm dietary needs"),
    ("Slack", "Slack | #team-payments | {First}: can someone review my PR before standup? | {Other}: on it"),
    ("Benefits portal", "Benefits portal - Claim #{claim} | Provider: Bayview Physical Therapy | "
     "Status: Approved | Patient responsibility: ${amount}.00"),
    ("Workday - Compensation", "Workday | Compensation | {First} {Last} | Base salary: ${salary},000 | "
     "Bonus target: 15% | Equity refresh pending"),
    ("Google Docs", "Google Docs - {First} self-review draft | I struggled this half because of things "
     "at home and I want to be honest about it"),
    ("Zoom - 1:1", "Zoom | 1:1 {First} / {Other} | Notes: discuss improvement plan timeline, "
     "follow up with HR partner"),
    ("Chrome - Job search", "Chrome | Senior Data Engineer jobs near Austin, TX | {n} results | "
     "Easy apply | Salary estimate ${salary}K"),
    ("Chrome - Bank", "Online banking | Checking ending {last4} | Available balance ${amount}.{cents} | "
     "Recent: pharmacy, rent, payroll deposit"),
    ("Slack - DM", "Slack | Direct message with {Other} | {First}: please don't tell anyone yet but "
     "I'm pregnant | {Other}: congrats!! your secret is safe"),
)  # fmt: skip

ANGRY: Final = (
    "I have asked three times for this and nobody on this team reads anything",
    "this reorg is a joke and my manager clearly doesn't care",
    "why am I the only one fixing prod at 2am again",
    "stop scheduling meetings over my lunch, I have a medical appointment every tuesday",
)
PROMPTS: Final = (
    "Can you help me write a message to my manager about my medical leave",
    "rewrite this so it sounds less angry: {angry}",
    "summarize my performance review and tell me if I should be worried: {review}",
    "draft a resignation letter, I'm leaving for a competitor at the end of {month}",
    "what are the side effects of {medication}? my doctor just started me on it",
    "help me explain a gap in my resume, I was in treatment for {condition}",
    "how do I report my manager {Other} to HR without them finding out it was me",
    "is it better for me to file as {filing} if my partner earns more than me",
    "write a polite note asking {Other} to stop commenting on my weight",
)
COMPLETIONS: Final = (
    "Here is a draft you could adapt: Hi, I wanted to let you know ahead of time that...",
    "Sure. A calmer version: I've raised this a few times and would like to agree on next steps.",
    "Based on what you shared, the feedback is mixed but not alarming. The main theme is...",
    "Common side effects include nausea and headaches; talk to your doctor if they persist.",
    "You could say: I took time away to focus on my health and I am ready to return.",
    "Most companies offer a confidential channel; you can also contact the ethics hotline.",
    "It depends on your combined income and deductions; here is how the two options compare...",
)
CHATS: Final = (
    "hey, are you free for a coffee? I need to vent",
    "my review came back as meets most and I honestly think I'm getting pushed out",
    "did you hear back from the doctor about your results?",
    "yeah, it's not great. they want to start me on {medication}",
    "can you cover for me tomorrow morning, I have a therapy appointment",
    "of course. don't worry about it, I'll handle standup",
    "I'm interviewing at another company next week, please keep it between us",
    "your secret is safe with me. good luck!!",
    "I think {Other} is going through a divorce, they've been really off lately",
    "I didn't get the promotion again. I'm so tired of this place",
    "I'm sorry, you deserved it more than anyone on the team",
    "can I borrow some money until payday? rent is due and I'm short",
    "thanks for listening yesterday, I really needed that",
)
ONCALL: Final = (
    "paging you on the checkout latency alert, p99 is over 2s",
    "ack, looking now. I'm at my kid's recital so give me ten minutes",
    "rolled back the deploy, error rate is recovering",
    "can you take the pager tonight? I'm not feeling well, think I have the flu",
    "sure, feel better. I'll swap with you next week",
    "db failover done, writing up the incident timeline",
    "sorry I missed the page, I was at the hospital with my dad",
    "no worries, hope he's ok. I handled it",
)
RATINGS: Final = ("Greatly Exceeds", "Exceeds", "Meets All", "Meets Most", "Does Not Meet")
CYCLES: Final = ("2024-H2", "2025-H1", "2025-H2")
REVIEW_SENTENCES: Final = (
    "{First} consistently delivers high quality work and unblocks the team.",
    "{First} missed several deadlines this half and needs closer supervision.",
    "Peers describe {First} as dependable but hard to reach after a period of personal leave.",
    "{First} led the migration of the ledger service with minimal downtime.",
    "Communication in design reviews was at times dismissive of junior colleagues.",
    "{First} should focus on estimating work and escalating risks earlier.",
    "Output dropped noticeably during the second quarter; we discussed the reasons in private.",
    "{First} mentored two new hires and improved on-call documentation.",
)
FEEDBACK_SENTENCES: Final = (
    "I would like to see more ownership of cross-team projects.",
    "Let's revisit the improvement plan in six weeks.",
    "Strong candidate for promotion next cycle.",
    "I know the last months were difficult at home; let's agree on a lighter scope.",
    "Please take the feedback on meeting conduct seriously.",
    "Keep doing what you are doing.",
)
MONTHS: Final = ("March", "April", "May", "June")
FILING_STATUSES: Final = (
    "Single",
    "Married filing jointly",
    "Married filing separately",
    "Head of household",
    "Qualifying surviving spouse",
)
CONDITIONS: Final = (
    ("Type 2 diabetes (E11.9)", "Metformin 500 mg", "Flexible breaks to monitor blood glucose"),
    ("Major depressive disorder, single episode (F32.9)", "Sertraline 50 mg", "Reduced hours for six weeks"),
    ("Generalized anxiety disorder (F41.1)", "Escitalopram 10 mg", "Remote work and a quiet workspace"),
    ("Migraine without aura (G43.009)", "Sumatriptan 50 mg", "Screen filters and low-light desk"),
    ("Asthma, mild persistent (J45.30)", "Albuterol inhaler", "Exemption from travel to air-quality alerts"),
    ("Lumbar disc herniation (M51.26)", "Naproxen 500 mg", "Standing desk and ergonomic chair"),
    ("Crohn disease, unspecified (K50.90)", "Adalimumab 40 mg", "Remote work during flare-ups"),
    ("ADHD, combined type (F90.2)", "Methylphenidate 20 mg", "Written meeting notes, fewer interruptions"),
    ("Post-traumatic stress disorder (F43.10)", "Prazosin 1 mg", "Advance notice of schedule changes"),
    ("Carpal tunnel syndrome (G56.00)", "Ibuprofen 400 mg", "Ergonomic keyboard and dictation software"),
    ("Multiple sclerosis (G35)", "Ocrelizumab infusion", "Leave for infusion days twice a year"),
    ("Supervision of normal pregnancy (Z34.90)", "Prenatal vitamins", "Flexible schedule for appointments"),
)  # fmt: skip
PRODUCTS: Final = ("checkout", "wallet", "merchant-portal")
REGIONS: Final = ("us-east", "us-west", "eu-central", "apac")
FLAGS: Final = (
    ("new_checkout_flow", "growth"), ("dark_mode", "design-systems"), ("instant_payouts", "payments-core"),
    ("smart_retry", "payments-core"), ("batch_exports", "data-eng"), ("search_v2", "search"),
    ("merchant_insights", "growth"), ("fast_refunds", "payments-core"), ("audit_log_v2", "platform"),
    ("multi_currency", "payments-core"), ("onboarding_tour", "growth"), ("async_webhooks", "platform"),
)  # fmt: skip
REPOS: Final = ("ledger-service", "checkout-web", "risk-engine", "data-pipelines", "mobile-app", "infra")
BUILD_STATUSES: Final = ("success", "success", "success", "failed", "cancelled")
ONCALL_CHANNELS: Final = ("#oncall-payments", "#sre-incidents")

# Real US area codes; exchanges avoid N11 service codes and the 555 fictional range.
AREA_CODES: Final = ("212", "415", "650", "312", "617", "206", "512", "303")
# SSNs that were published or used as examples, never issued to a person.
RETIRED_SSNS: Final = frozenset({"078-05-1120", "219-09-9999", "457-55-5462", "123-45-6789"})
ALNUM: Final = string.ascii_letters + string.digits

Row = tuple[object, ...]


# --- value generators --------------------------------------------------------------------------


def ssn(rng: random.Random) -> str:
    """A US SSN in a valid range: area 001-899 without 666, group 01-99, serial 0001-9999."""
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        value = f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"
        if value not in RETIRED_SSNS:
            return value


def luhn_check_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:  # doubled: the check digit will sit to the right of this one
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def visa_number(rng: random.Random, grouped: bool) -> str:
    body = "4" + "".join(rng.choice(string.digits) for _ in range(14))
    number = body + luhn_check_digit(body)
    return " ".join(number[i : i + 4] for i in range(0, 16, 4)) if grouped else number


def iban_de(rng: random.Random) -> str:
    """A German IBAN: DE, two mod-97 check digits, 8-digit bank code and 10-digit account."""
    bban = "".join(rng.choice(string.digits) for _ in range(18))
    rearranged = bban + "DE00"
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    check = 98 - int(numeric) % 97
    return f"DE{check:02d}{bban}"


def us_phone(rng: random.Random) -> str:
    while True:
        exchange = rng.randint(200, 999)
        if exchange % 100 != 11 and exchange != 555:
            break
    return f"+1 {rng.choice(AREA_CODES)}-{exchange}-{rng.randint(0, 9999):04d}"


def random_bytes(rng: random.Random, n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def ciphertext_b64(rng: random.Random, n: int) -> str:
    return base64.b64encode(random_bytes(rng, n)).decode()


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def moment(rng: random.Random, days: int = 60) -> datetime:
    return EPOCH + timedelta(seconds=rng.randint(0, days * 86400))


def keystroke_json(rng: random.Random) -> str:
    length = rng.randint(3, 12)
    text = rng.choice(WORDS)
    while len(text) < length:
        text += " " + rng.choice(WORDS)
    text = text[:length]
    t = rng.randint(100, 5000)
    events = []
    for ch in text:
        events.append({"key": ch, "t": t})
        t += rng.randint(40, 260)
    return json.dumps(events, separators=(",", ":"))


# --- tables ------------------------------------------------------------------------------------


class Roster:
    """Synthetic employees shared by the HR and monitoring tables."""

    def __init__(self, rng: random.Random, size: int) -> None:
        self.ids = [100001 + i for i in range(size)]
        self.names: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for _ in range(size):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            while (first, last) in seen and len(seen) < len(FIRST_NAMES) * len(LAST_NAMES):
                first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            seen.add((first, last))
            self.names.append((first, last))

    def pick(self, rng: random.Random) -> tuple[int, str, str]:
        i = rng.randrange(len(self.ids))
        return self.ids[i], *self.names[i]


def fill(template: str, rng: random.Random, staff: Roster) -> str:
    _, first, last = staff.pick(rng)
    _, other, _ = staff.pick(rng)
    medication = rng.choice(CONDITIONS)[1]
    return template.format(
        first=first,
        last=last,
        First=first.title(),
        Last=last.title(),
        Other=other.title(),
        n=rng.randint(2, 1400),
        claim=rng.randint(100000, 999999),
        amount=rng.randint(20, 9000),
        cents=f"{rng.randint(0, 99):02d}",
        salary=rng.randint(95, 260),
        last4=f"{rng.randint(0, 9999):04d}",
        angry=rng.choice(ANGRY),
        review=rng.choice(REVIEW_SENTENCES).format(First=first.title()),
        month=rng.choice(MONTHS),
        medication=medication,
        condition=rng.choice(CONDITIONS)[0].split(" (")[0].lower(),
        filing=rng.choice(FILING_STATUSES).lower(),
    )


def keystroke_events(rng: random.Random, staff: Roster, rows: int) -> list[Row]:
    devices = [f"LT-{rng.getrandbits(24):06X}" for _ in range(max(1, rows // 8))]
    out: list[Row] = []
    for i in range(rows):
        employee, _, _ = staff.pick(rng)
        device, at = rng.choice(devices), moment(rng)
        out.append((9000000 + i, employee, device, at, keystroke_json(rng), rng.choice(APPS)))
    return out


def screen_captures(rng: random.Random, staff: Roster, rows: int) -> list[Row]:
    out: list[Row] = []
    for i in range(rows):
        employee, _, _ = staff.pick(rng)
        title, template = rng.choice(SCREENS)
        out.append((7000000 + i, employee, moment(rng), title, fill(template, rng, staff)))
    return out


def assistant_prompts(rng: random.Random, staff: Roster, rows: int) -> list[Row]:
    out: list[Row] = []
    for i in range(rows):
        employee, _, _ = staff.pick(rng)
        prompt = fill(rng.choice(PROMPTS), rng, staff)
        out.append((5000000 + i, employee, moment(rng), prompt, rng.choice(COMPLETIONS)))
    return out


def chat_transcripts(rng: random.Random, staff: Roster, rows: int) -> list[Row]:
    out: list[Row] = []
    conversation = 300000
    while len(out) < rows:
        conversation += 1
        people = (staff.pick(rng)[0], staff.pick(rng)[0])
        sent = moment(rng)
        for turn in range(min(rng.randint(3, 8), rows - len(out))):
            sent += timedelta(seconds=rng.randint(5, 900))
            text = fill(rng.choice(CHATS), rng, staff)
            out.append((6000000 + len(out), conversation, people[turn % 2], sent, text))
    return out


def performance_reviews(rng: random.Random, staff: Roster, rows: int) -> list[Row]:
    out: list[Row] = []
    for i in range(rows):
        employee, first, _ = staff.pick(rng)
        sentences = rng.sample(REVIEW_SENTENCES, rng.randint(2, 3))
        review = " ".join(s.format(First=first.title()) for s in sentences)
        feedback = " ".join(rng.sample(FEEDBACK_SENTENCES, rng.randint(1, 2)))
        out.append((40000 + i, employee, rng.choice(CYCLES), rng.choice(RATINGS), review, feedback))
    return out


def employee_tax(rng: random.Random, staff: Roster) -> list[Row]:
    out: list[Row] = []
    used: set[str] = set()
    for employee in staff.ids:
        number = ssn(rng)
        while number in used:
            number = ssn(rng)
        used.add(number)
        income = Decimal(rng.randint(4_500_000, 38_000_000)) / 100
        withholding = (income * Decimal(rng.randint(12, 28)) / 100).quantize(Decimal("0.01"))
        masked = "***-**-" + number[-4:]
        out.append((employee, number, masked, rng.choice(FILING_STATUSES), income, withholding))
    return out


def medical_accommodations(rng: random.Random, staff: Roster, rows: int) -> list[Row]:
    out: list[Row] = []
    for i in range(rows):
        employee, _, _ = staff.pick(rng)
        diagnosis, medication, reason = rng.choice(CONDITIONS)
        opened = date(2024, 1, 1) + timedelta(days=rng.randint(0, 760))
        out.append((20000 + i, employee, diagnosis, medication, reason, opened))
    return out


def employee_directory(rng: random.Random, staff: Roster) -> list[Row]:
    out: list[Row] = []
    emails: set[str] = set()
    for employee, (first, last) in zip(staff.ids, staff.names, strict=True):
        local, n = f"{first}.{last}", 1
        while local in emails:
            n += 1
            local = f"{first}.{last}{n}"
        emails.add(local)
        out.append((employee, f"{first.title()} {last.title()}", f"{local}@example.com",
                    rng.choice(DEPARTMENTS), rng.choice(OFFICES)))  # fmt: skip
    return out


def cardholders(rng: random.Random, rows: int) -> list[Row]:
    out: list[Row] = []
    for i in range(rows):
        token = "tok_" + "".join(rng.choice(ALNUM) for _ in range(16))
        email = f"{rng.choice(FIRST_NAMES)}{rng.randint(1, 999)}@example.org"
        card = visa_number(rng, grouped=i % 2 == 0)
        out.append((800000 + i, card, token, iban_de(rng), us_phone(rng), email))
    return out


def cards_vault(rng: random.Random, rows: int) -> list[Row]:
    out: list[Row] = []
    for i in range(rows):
        enc = "vault:v1:" + ciphertext_b64(rng, 48)
        email = f"{rng.choice(FIRST_NAMES)}{rng.randint(1, 999)}@example.org"
        out.append((810000 + i, enc, sha256_hex(ssn(rng)), sha256_hex(email)))
    return out


def payroll_encrypted(rng: random.Random, staff: Roster) -> list[Row]:
    size = PAYROLL_CIPHERTEXT_BYTES
    return [(employee, ciphertext_b64(rng, size), ciphertext_b64(rng, size)) for employee in staff.ids]


def daily_active_users(rng: random.Random) -> list[Row]:
    return [
        (date(2026, 1, 1) + timedelta(days=d), product, rng.randint(20_000, 250_000), rng.choice(REGIONS))
        for d in range(10)
        for product in PRODUCTS
    ]


def feature_flags(rng: random.Random) -> list[Row]:
    out: list[Row] = []
    for name, team in FLAGS:
        enabled = rng.random() < 0.7
        out.append((name, enabled, float(rng.choice((5, 10, 25, 50, 100))) if enabled else 0.0, team))
    return out


def build_metrics(rng: random.Random, rows: int) -> list[Row]:
    return [
        (150000 + i, rng.choice(REPOS), round(rng.uniform(40, 1800), 1), rng.choice(BUILD_STATUSES),
         f"{rng.getrandbits(160):040x}")
        for i in range(rows)
    ]  # fmt: skip


def oncall_chat(rng: random.Random, rows: int) -> list[Row]:
    sent = EPOCH
    out: list[Row] = []
    for i in range(rows):
        sent += timedelta(seconds=rng.randint(30, 7200))
        out.append((3000000 + i, rng.choice(ONCALL_CHANNELS), sent, rng.choice(ONCALL)))
    return out


# --- writing -----------------------------------------------------------------------------------


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Row]) -> None:
    if not rows:
        return
    width = len(rows[0])
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        placeholders = ", ".join(["(" + ", ".join(["?"] * width) + ")"] * len(batch))
        con.execute(f"INSERT INTO {table} VALUES {placeholders}", [v for row in batch for v in row])


def _params(table: str, rows: int) -> list[Row]:
    database, name = table.split(".")
    created = TABLE_META[table][1]
    params: list[tuple[str, str, str]] = [
        ("table", "transient_lastDdlTime", str(calendar.timegm(created.timetuple()))),
        ("table", "numRows", str(rows)),
        ("table", "bucketing_version", "2"),
        ("serde", "serialization.format", "1"),
        *EXTRA_PARAMS.get(table, []),
    ]
    return [(database, name, scope, key, value) for scope, key, value in params]


def build(path: Path, rows: int = 400) -> Path:
    """Create (or overwrite) the incident warehouse as a DuckDB file at `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)

    rng = random.Random(SEED)
    staff = Roster(rng, rows)
    generators: dict[str, Callable[[], list[Row]]] = {
        "mci.keystroke_events": lambda: keystroke_events(rng, staff, rows),
        "mci.screen_captures": lambda: screen_captures(rng, staff, rows),
        "mci.assistant_prompts": lambda: assistant_prompts(rng, staff, rows),
        "mci.chat_transcripts": lambda: chat_transcripts(rng, staff, rows),
        "hr.performance_reviews": lambda: performance_reviews(rng, staff, rows),
        "hr.employee_tax": lambda: employee_tax(rng, staff),
        "hr.medical_accommodations": lambda: medical_accommodations(rng, staff, rows),
        "hr.employee_directory": lambda: employee_directory(rng, staff),
        "payments.cardholders": lambda: cardholders(rng, rows),
        "payments.cards_vault": lambda: cards_vault(rng, rows),
        "hr.payroll_encrypted": lambda: payroll_encrypted(rng, staff),
        "analytics.daily_active_users": lambda: daily_active_users(rng),
        "analytics.feature_flags": lambda: feature_flags(rng),
        "eng.build_metrics": lambda: build_metrics(rng, rows),
        "eng.oncall_chat": lambda: oncall_chat(rng, rows),
    }

    con = duckdb.connect(str(path))
    try:
        con.execute("BEGIN TRANSACTION")
        for schema in (*SCHEMAS, "exposure_meta"):
            con.execute(f"CREATE SCHEMA {schema}")
        meta_params: list[Row] = []
        for table, make in generators.items():
            data = make()
            con.execute(f"CREATE TABLE {table} ({DDL[table]})")
            _insert(con, table, data)
            con.execute(f"COMMENT ON TABLE {table} IS {_quote(TABLE_COMMENTS[table])}")
            meta_params.extend(_params(table, len(data)))
        for column, comment in COLUMN_COMMENTS.items():
            con.execute(f"COMMENT ON COLUMN {column} IS {_quote(comment)}")

        con.execute(
            "CREATE TABLE exposure_meta.tables "
            "(database VARCHAR, table_name VARCHAR, owner VARCHAR, created_at TIMESTAMP)"
        )
        owners: list[Row] = [(*t.split("."), owner, at) for t, (owner, at) in TABLE_META.items()]
        _insert(con, "exposure_meta.tables", owners)
        con.execute(
            "CREATE TABLE exposure_meta.table_params (database VARCHAR, table_name VARCHAR, "
            "scope VARCHAR, param_key VARCHAR, param_value VARCHAR)"
        )
        _insert(con, "exposure_meta.table_params", meta_params)
        con.execute(
            "COMMENT ON TABLE exposure_meta.tables IS 'Hive metastore owner and creation time per table.'"
        )
        con.execute(
            "COMMENT ON TABLE exposure_meta.table_params IS "
            "'Hive TBLPROPERTIES (scope table) and SERDEPROPERTIES (scope serde) per table.'"
        )
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the synthetic incident warehouse as a DuckDB file.")
    parser.add_argument("output", type=Path, help="DuckDB file to create (overwritten if present)")
    parser.add_argument("--rows", type=int, default=400, help="rows per table (default: 400)")
    args = parser.parse_args(argv)
    built = build(args.output, args.rows)
    print(f"wrote {built}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
