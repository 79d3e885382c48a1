"""Templated training text for the text model: slot-filled sentences of each kind.

Hand-written lines (bench/data/text/) carry the variety of real writing; templates add volume and
the many shapes machines produce (logs, alerts, SQL, notifications, enum values). Every template
is a group of its own: the held-out split takes whole templates (every fourth of a kind), never
single lines, so it measures whether the model learned the kind of text rather than a sentence.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

FT, CONV, PERF, MED, TAX = "free_text", "conversation", "performance_review", "medical", "tax"


def _words(text: str) -> list[str]:
    return text.split()


POOLS: dict[str, list[str]] = {
    "name": _words(
        "Ana Ben Chloe Dev Elif Farid Greta Hiro Ines Jamal Keiko Luca Mara Nkechi Omar Pia Quinn Rafael "
        "Sana Tomasz Uma Viktor Wen Ximena Yusuf Zoe Aditya Bea Carlos Dana Emre Fern Gabe Hana Ivo Jess"
    ),
    "time": _words("7 7:30 8 8:15 9 10 noon 1 2:30 3 4 5 5:45 6 6:30 7pm 8pm 9pm"),
    "day": _words("monday tuesday wednesday thursday friday saturday sunday tomorrow tonight later"),
    "place": [
        "the station",
        "the usual place",
        "the café on the corner",
        "mum's",
        "the gym",
        "the park",
        "the office",
        "your place",
        "my place",
        "the pub",
        "the school gate",
        "the airport",
    ],
    "food": ["pizza", "sushi", "tacos", "curry", "burgers", "ramen", "pasta", "pho", "kebabs", "salad"],
    "feeling": ["exhausted", "so happy", "stressed", "nervous", "sick", "bored", "excited", "sad", "fine"],
    "emoji": ["😂", "❤️", "🙏", "😅", "👍", "🎉", "😭", "🥲", "", "", ""],
    "task": [
        "the quarterly report",
        "the migration",
        "the onboarding flow",
        "the pricing page",
        "the client deck",
        "the data pipeline",
        "the audit",
        "the hiring plan",
        "the mobile release",
        "the vendor contract",
        "the support backlog",
        "the search rewrite",
        "the budget",
        "the launch checklist",
    ],
    "strength": [
        "took ownership of",
        "drove",
        "quietly fixed",
        "led",
        "rescued",
        "carefully planned",
        "delivered",
        "simplified",
        "mentored the team through",
        "kept stakeholders aligned on",
    ],
    "growth": [
        "needs to delegate more",
        "should flag risks earlier",
        "could speak up more in planning",
        "needs to tighten estimates",
        "should document decisions",
        "has to protect focus time",
        "must follow through on action items",
        "should give more direct feedback",
        "needs to involve stakeholders sooner",
        "can push back more on scope",
    ],
    "med": [
        "metformin 500 mg",
        "lisinopril 10 mg",
        "amoxicillin 250 mg",
        "sertraline 50 mg",
        "atorvastatin 20 mg",
        "levothyroxine 75 mcg",
        "omeprazole 20 mg",
        "prednisolone 5 mg",
        "gabapentin 300 mg",
        "apixaban 5 mg",
        "salbutamol inhaler",
        "insulin glargine",
        "paracetamol 1 g",
        "ibuprofen 400 mg",
    ],
    "symptom": [
        "chest pain",
        "shortness of breath",
        "nausea",
        "dizziness",
        "a rash",
        "back pain",
        "a headache",
        "a cough",
        "fever",
        "abdominal pain",
        "swelling in the ankle",
        "blurred vision",
        "palpitations",
    ],
    "bp": ["118/76", "124/80", "132/84", "141/92", "150/95", "108/70", "127/83", "160/100"],
    "num": [str(n) for n in range(2, 99)],
    "amount": ["1,200", "4,500", "380", "12,000", "860", "2,750", "19,400", "640", "7,300"],
    "form": ["W-2", "1099-NEC", "1099-INT", "1099-B", "1098", "1098-T", "K-1", "W-2G", "1099-R"],
    "product": [
        "Nova",
        "Atlas",
        "Orbit",
        "Pulse",
        "Zen",
        "Vista",
        "Summit",
        "Echo",
        "Harbor",
        "Aero",
        "Lumen",
    ],
    "item": [
        "desk lamp",
        "backpack",
        "water bottle",
        "standing desk",
        "rain jacket",
        "coffee grinder",
        "yoga mat",
        "office chair",
        "blender",
        "sofa bed",
        "smartwatch",
        "sneakers",
    ],
    "service": [
        "payments-api",
        "auth-service",
        "billing-worker",
        "search-indexer",
        "etl-nightly",
        "web-frontend",
        "orders-db",
        "inventory-sync",
        "notification-svc",
        "gateway",
    ],
    "host": ["db-01", "web-07", "ip-10-0-3-17", "worker-3", "kafka-2", "cache-east-1", "node-42"],
    "level": ["INFO", "WARN", "ERROR", "DEBUG", "FATAL"],
    "status": ["started", "completed", "failed", "queued", "retrying", "succeeded", "skipped", "cancelled"],
    "city": ["Leeds", "Porto", "Austin", "Lyon", "Osaka", "Denver", "Kraków", "Nairobi", "Bergen", "Perth"],
    "role": [
        "Data Engineer",
        "Account Executive",
        "Staff Nurse",
        "Warehouse Associate",
        "Product Designer",
        "Financial Analyst",
        "Customer Success Manager",
        "Line Cook",
        "Software Engineer",
        "HR Coordinator",
    ],
    "enum": [
        "feature request",
        "billing issue",
        "password reset",
        "order status",
        "technical problem",
        "account access",
        "general inquiry",
        "high priority",
        "not started",
        "on hold",
        "closed resolved",
        "needs review",
        "awaiting customer",
        "in review",
        "ready to ship",
        "partially refunded",
        "cash on delivery",
        "credit card",
        "bank transfer",
        "standard shipping",
        "next day delivery",
        "returning customer",
        "new customer",
        "gold tier",
        "mobile app",
        "web checkout",
        "email campaign",
    ],
    "topic": [
        "Interest Rates",
        "Housing Market",
        "Heatwave",
        "Transport Strike",
        "Election",
        "Vaccine Trial",
        "Tech Layoffs",
        "Flood Defences",
        "Energy Prices",
        "World Cup",
    ],
}

_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, rng: random.Random) -> str:
    return _SLOT.sub(lambda m: rng.choice(POOLS[m.group(1)]), template).replace("\\n", "\n")


@dataclass(frozen=True)
class Kind:
    genre: str
    labels: tuple[str, ...]
    templates: tuple[str, ...]
    per_template: int = 12


KINDS = (
    Kind(
        "tpl_chat",
        (FT, CONV),
        (
            "hey {name}, still on for {food} {day}? {emoji}",
            "running late, be at {place} by {time} {emoji}",
            "can you grab me from {place} at {time}?",
            "omg {name} I'm {feeling} today, call me later?",
            "did you tell {name} about {day}? I don't want it to be weird",
            "thanks for {day}, I had the best time {emoji}",
            "ugh I forgot my keys at {place}, are you home?",
            "we're at {place}, come whenever {emoji}",
            "sorry I missed your call, I was at {place}. call you back at {time}",
            "{name} says hi! are you coming {day}?",
            "i'm {feeling}, not coming out {day} sorry",
            "can I borrow your charger {day}? mine died",
            "lol {name} just fell asleep at {place} {emoji}",
            "how did it go with {name}??",
            "wanna get {food} after work? my treat",
            "miss you {name}, call me {day} {emoji}",
        ),
    ),
    Kind(
        "tpl_work_chat",
        (FT, CONV),
        (
            "hey {name}, do you have time to look at {task} before {time}?",
            "can you cover for me {day}? I have a doctor's appointment",
            "I'm {feeling} about {task}, can we talk it through?",
            "thanks for jumping on {task} yesterday, you saved me",
            "quick q: who owns {task} now that {name} left?",
            "I'll be a bit late to our 1:1, stuck in another call",
            "are you ok with me sharing {task} with {name}'s team?",
            "I told {name} we'd have {task} done by {day}, hope that's fine",
        ),
    ),
    Kind(
        "tpl_review",
        (FT, PERF),
        (
            "{name} {strength} {task} this half and the team relies on her. She {growth}.",
            "Over the cycle {name} {strength} {task}. For the next period, {name} {growth}.",
            "{name} is dependable and {strength} {task} without much guidance; {name} {growth}.",
            "Strong half for {name}: {strength} {task}. Development area: {name} {growth}.",
            "{name} struggled with {task}; deadlines slipped twice. We agreed that {name} {growth}.",
            "Peers say {name} {strength} {task} and was generous with help. {name} {growth}.",
            "I {strength} {task} this year. Next year I want to improve because I {growth}.",
            "1:1 {name}: {task} on track, {feeling} about workload. agreed {name} {growth}.",
        ),
    ),
    Kind(
        "tpl_nurse",
        (FT, MED),
        (
            "BP {bp}, HR {num}, SpO2 9{num}% RA. Pt c/o {symptom}, {med} given as ordered.",
            "Pt reports {symptom} since last night. Vitals stable. MD notified, plan to continue {med}.",
            "{num}yo F admitted with {symptom}. Started on {med}. Family at bedside.",
            "Resting comfortably, pain {num}/10, tolerated {med} without nausea.",
            "Pt anxious re: results, c/o {symptom}. BP {bp}. Reassured, reviewed with charge nurse.",
            "Night: woke with {symptom}, {med} given, settled by 0300.",
            "Dressing changed, wound clean. Denies {symptom}. Continue {med}.",
            "Post-op day {num}: mobilising with physio, mild {symptom}, BP {bp}.",
        ),
    ),
    Kind(
        "tpl_pharmacy",
        (FT, MED),
        (
            "Counselled pt on {med}; advised to report {symptom}. Pt understood.",
            "Refill for {med} requested early; checked history, approved.",
            "Interaction check: {med} with {med}, prescriber contacted.",
            "Pt reports {symptom} after starting {med}; suggested GP review.",
            "Dose of {med} changed by Dr {name}; new label printed, patient informed.",
            "Patient unsure how to take {med}, reviewed schedule with carer.",
            "Allergy noted; {med} switched after call with prescriber.",
            "Delivered {med} to home, pt says {symptom} is better this week.",
        ),
    ),
    Kind(
        "tpl_patient_msg",
        (FT, CONV, MED),
        (
            "Hi Dr {name}, I've had {symptom} since {day}. Should I keep taking {med}?",
            "Can you renew my {med}? I only have a few days left",
            "Since the new {med} I get {symptom} in the mornings, is that normal?",
            "My son has {symptom} and a temperature, can we get an appointment {day}?",
            "Thank you Dr {name}, the {symptom} is much better since we changed to {med}",
            "Hello, my blood pressure was {bp} this morning, should I take an extra dose?",
            "I missed two doses of {med} while travelling, what should I do?",
            "The {symptom} is back again, can someone call me today?",
        ),
    ),
    Kind(
        "tpl_tax_notes",
        (FT, TAX),
        (
            "Client has {form} plus {form}; side income about {amount}. Needs Schedule C.",
            "Refund lower this year: withholding dropped after job change. {form} received.",
            "MFJ, two dependents. Missing {form} from bank, client to upload.",
            "Client owes {amount} after underpaying estimates; set up installment agreement.",
            "Amend prior return: unreported {form}, {amount} of income.",
            "Head of household now; dependent lives with client. {form} in file.",
            "Client asked whether to itemize; mortgage interest {amount}, charity {amount}.",
            "Sold shares at a loss of {amount}; carry forward remainder. {form} reviewed.",
        ),
    ),
    Kind(
        "tpl_tickets",
        (FT,),
        (
            "My {item} arrived broken, the box was crushed. I want a replacement.",
            "I was charged twice for my {product} order, please refund one payment.",
            "The {item} I ordered two weeks ago still hasn't arrived.",
            "Can't log in to my {product} account since the update, says my password is wrong.",
            "I returned the {item} on {day} but no refund yet.",
            "Wrong colour {item} delivered, I ordered black.",
            "Please cancel my {product} subscription, I don't use it anymore.",
            "The {product} app keeps crashing when I open my orders.",
        ),
    ),
    Kind(
        "tpl_logs",
        (),
        (
            "2024-0{num}-1{num}T0{num}:1{num}:22Z {level} {service} request failed "
            "status=50{num} duration_ms={amount}",
            "[{level}] {service}: connection reset by peer (host={host})",
            "{level} {host} {service} job {status} after {num}s",
            "Job {service}-export {status} in {num} seconds",
            "{service} deployment {status} on {host}",
            "user_id={num} action=login result=ok ip=10.0.{num}.{num}",
            "Retrying {service} in {num}s (attempt {num} of 5)",
            "Health check {status} for {service} on {host}",
            "Backup of orders-db {status}: {num} tables, {amount} rows",
            "Sync {status}: {num} records updated, {num} skipped",
            "{service} latency p99 above {num}0ms for 5 minutes",
            "Disk usage on {host} at 9{num}%",
        ),
    ),
    Kind(
        "tpl_alerts",
        (),
        (
            "[FIRING:1] High error rate on {service} ({num}%)",
            "RESOLVED: {service} is healthy again",
            "CRITICAL - {host} memory usage 9{num}%",
            "Alert: queue depth for {service} exceeded {amount}",
            "Warning: certificate for {service} expires in {num} days",
            "PagerDuty: {service} down, escalated to on-call",
            "Scheduled maintenance on {host} starts at {time}",
            "Your build #{num} of {service} failed on main",
        ),
    ),
    Kind(
        "tpl_commits",
        (),
        (
            "fix({service}): handle empty response from upstream",
            "feat: add {item} filter to search",
            "Refactor {service} config loading",
            "Merge pull request #{num} from team/{service}-cleanup",
            "Bump requests from 2.{num}.0 to 2.{num}.1",
            "docs: explain how {service} retries work",
            "Fix flaky test in {service}",
            "Remove dead code from {service}",
        ),
    ),
    Kind(
        "tpl_sql_json",
        (),
        (
            "SELECT customer_id, sum(amount) FROM orders WHERE created_at > '2024-0{num}-01' GROUP BY 1",
            'INSERT INTO events (user_id, kind) VALUES ({num}, "click")',
            '{"service": "{service}", "retries": {num}, "enabled": true}',
            '{"event": "page_view", "path": "/products/{num}", "ms": {amount}}',
            "UPDATE accounts SET status = 'active' WHERE id = {num}",
            "Traceback (most recent call last):\\n  File \"app.py\", line {num}, in main\\nKeyError: 'id'",
            "java.lang.NullPointerException at com.shop.{service}.Handler.run(Handler.java:{num})",
            "WITH t AS (SELECT * FROM sessions) SELECT count(*) FROM t",
            '{"auc": 0.{num}, "precision": 0.{num}, "recall": 0.{num}, "model": "{product}-v{num}"}',
            '{"feature_flags": {"new_checkout": true, "dark_mode": false}, "region": "{city}"}',
            '{"user": {"id": {amount}, "plan": "{enum}"}, "source": "{service}"}',
            "max_connections={num} timeout_ms={amount} retry_policy=exponential",
            '{"label": "{enum}", "score": 0.{num}, "threshold": 0.5}',
            "[{num}, {num}, {num}, {num}]",
            '{"title": "{item}", "price": {num}.99, "in_stock": true, "tags": ["{enum}", "{enum}"]}',
            "epochs={num} lr=0.00{num} batch_size={num} val_loss=0.{num}",
        ),
        per_template=10,
    ),
    Kind(
        "tpl_notifications",
        (),
        (
            "Your {item} has shipped and will arrive {day}.",
            "Hi {name}, your appointment is confirmed for {day} at {time}.",
            "Your {product} subscription renews in {num} days.",
            "{name} mentioned you in a comment.",
            "Your order #{amount} is ready for pickup.",
            "Reminder: your {product} trial ends {day}.",
            "We received your payment of {amount}. Thank you!",
            "New sign-in to your {product} account from {city}.",
            "Your table at {product} Kitchen is booked for {time}.",
            "Your verification code is {amount}.",
            "Your parcel was delivered to {place}.",
            "Rate your {item} and get 10% off your next order.",
        ),
    ),
    Kind(
        "tpl_product",
        (),
        (
            "Meet the {product} {item}: lightweight, durable and built for everyday use.",
            "You'll love the new {product} {item}, now in three colours.",
            "Upgrade your home office with the {product} {item}. Free delivery this week.",
            "The {product} {item} is designed to last, with a two-year warranty.",
            "Get 20% off the {product} {item} when you sign up today.",
            "Our best-selling {item} just got better.",
            "Shop the {product} collection: {item}s for every season.",
            "Discover the {item} that thousands of customers in {city} love.",
        ),
    ),
    Kind(
        "tpl_jobs",
        (),
        (
            "We are hiring a {role} in {city}. Competitive salary and hybrid working.",
            "As a {role}, you will work closely with our product and operations teams.",
            "{role} wanted: 3+ years of experience, strong communication skills.",
            "Join our {city} team as a {role}. Apply with your CV by {day}.",
            "The {role} will report to the head of department and manage a team of {num}.",
            "Requirements for the {role} position include a relevant degree and fluent English.",
            "Benefits for our {role} include 25 days holiday and a pension plan.",
            "Part-time {role} needed in {city}, flexible hours.",
        ),
    ),
    Kind(
        "tpl_headlines",
        (),
        (
            "{topic}: What Happens Next",
            "{city} Braces for {topic}",
            "Five Things to Know About the {topic}",
            "{topic} Hits {city} Harder Than Expected",
            "Live updates: {topic} in {city}",
            "How the {topic} Could Affect Your Bills",
            "Analysis: why the {topic} matters",
            "{city} mayor responds to {topic} criticism",
        ),
    ),
    Kind(
        "tpl_status",
        (),
        (
            "Sync complete",
            "Processing {num} of {amount} files",
            "Upload finished, {num} files",
            "Waiting for approval from {name}",
            "Last synced {num} minutes ago",
            "Export ready for download",
            "Connecting to {service}...",
            "Retrying in {num} seconds",
            "Scheduled for {day} at {time}",
            "No changes detected",
            "Task {status} by scheduler",
            "{num} items queued for processing",
            "Import {status} ({amount} rows)",
            "Payment {status}",
            "Order {status} and awaiting pickup",
            "Device offline since {time}",
        ),
    ),
    Kind(
        "tpl_short_values",
        (),
        (
            "{status}",
            "In Progress",
            "{product} {item}",
            "{role}",
            "{city}",
            "{name} {name}",
            "Out of stock",
            "{level}",
            "{item} - {product}",
            "Pending approval",
            "{city}, {city}",
            "North America / {city}",
            "{enum}",
            "{enum} - {enum}",
            "{enum} ({product})",
            "{enum}",
        ),
        per_template=10,
    ),
)


@dataclass(frozen=True)
class TemplateLine:
    text: str
    labels: tuple[str, ...]
    genre: str
    group: str
    heldout: bool


def generate(seed: int = 11) -> Iterator[TemplateLine]:
    rng = random.Random(seed)
    for kind in KINDS:
        for index, template in enumerate(kind.templates):
            seen: set[str] = set()
            for _ in range(kind.per_template * 3):
                if len(seen) >= kind.per_template:
                    break
                text = fill(template, rng)
                if text in seen:
                    continue
                seen.add(text)
                yield TemplateLine(text, kind.labels, kind.genre, f"{kind.genre}#{index}", index % 4 == 3)
