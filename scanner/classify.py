"""Column classification: values → counts (profile) → decision (assessment).

The seam that matters: `profile_values` turns raw values into a `ColumnProfile` holding only
counts, hashes of distinct hits and masked forms. `assess_column` decides from the profile and the
column's metadata alone, so a profile computed inside the engine (SQL pushdown returning counts)
plugs in without touching anything downstream.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from scanner.models import Classification, Column, ColumnAssessment, Protection
from scanner.rules import NEGATING_TOKENS, ClassSpec, tokenize_name

Z_95 = 1.96
NAME_CONFIDENCE = 0.8
COMMENT_CONFIDENCE = 0.6


# --- protection state of single values -------------------------------------------------------

_ENVELOPES = ("vault:v", "enc(", "enc:", "aqicah", "-----begin pgp message", "kms:", "aes256:", "gcm:")
_HEX = re.compile(r"[0-9a-fA-F]+")
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")
_BCRYPT = re.compile(r"\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{53}")
_DIGEST_PREFIX = re.compile(r"(sha1|sha256|sha512|md5)[:$]", re.IGNORECASE)
_TOKEN = re.compile(r"(tok|tkn|token)_[A-Za-z0-9]{6,}")
_MASK_RUN = re.compile(r"[*xX#•]{3,}")
_HASH_LENGTHS = {32, 40, 56, 64, 96, 128}


def shannon_entropy(text: str) -> float:
    counts = Counter(text)
    total = len(text)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def _char_class(ch: str) -> int:
    return 0 if ch.islower() else 1 if ch.isupper() else 2 if ch.isdigit() else 3


def _looks_random(text: str) -> bool:
    """Base64 of random bytes switches between lower, upper and digits at ~65 % of positions;
    identifiers and CamelCase words switch only at word boundaries."""
    switches = sum(_char_class(a) != _char_class(b) for a, b in itertools.pairwise(text))
    ceiling = math.log2(min(len(text), 64))
    return switches / (len(text) - 1) >= 0.35 and shannon_entropy(text) >= 0.7 * ceiling


def value_protection(value: str | bytes) -> Protection:
    """How a single stored value is protected, judged from its shape alone."""
    if isinstance(value, bytes | bytearray | memoryview):
        return Protection.CIPHERTEXT
    text = value.strip()
    lowered = text.lower()
    if lowered.startswith(_ENVELOPES):
        return Protection.CIPHERTEXT
    if _TOKEN.fullmatch(text):
        return Protection.TOKENIZED
    if _BCRYPT.fullmatch(text) or _DIGEST_PREFIX.match(text):
        return Protection.HASHED
    if _MASK_RUN.search(text) and sum(ch.isalnum() and ch not in "xX" for ch in text) <= max(
        4, len(text) // 3
    ):
        return Protection.MASKED
    if len(text) in _HASH_LENGTHS and _HEX.fullmatch(text):
        return Protection.HASHED
    if len(text) >= 32 and _HEX.fullmatch(text):
        return Protection.CIPHERTEXT
    if len(text) >= 20 and _BASE64.fullmatch(text) and _looks_random(text.rstrip("=")):
        return Protection.CIPHERTEXT
    return Protection.PLAINTEXT


# --- masking for evidence -------------------------------------------------------------------


def mask_value(value: str, style: str) -> str | None:
    """A redacted form safe to print: never more than the last four characters of an identifier."""
    if style == "none":
        return None
    if style == "email":
        local, _, domain = value.rpartition("@")
        if not local:
            return None
        tld = domain.rsplit(".", 1)[-1]
        return f"{local[0]}***@***.{tld}"
    digits_seen = 0
    out: list[str] = []
    total_alnum = sum(ch.isalnum() for ch in value)
    for ch in value:
        if ch.isalnum():
            digits_seen += 1
            out.append(ch if digits_seen > total_alnum - 4 else "*")
        else:
            out.append(ch)
    return "".join(out)


def stable_hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# --- type families ----------------------------------------------------------------------------


def type_family(data_type: str) -> str:
    t = data_type.strip().lower()
    if t.startswith(("array", "map", "struct", "uniontype", "json", "list", "union")) or t.endswith("[]"):
        return "complex"
    if t.startswith(("binary", "blob", "bytea", "varbinary")):
        return "binary"
    if t.startswith(("bool",)):
        return "boolean"
    if t.startswith(("decimal", "numeric", "double", "float", "real")):
        return "decimal"
    if t.startswith(
        ("tinyint", "smallint", "int", "bigint", "hugeint", "integer", "ubigint", "uinteger", "long")
    ):
        return "integer"
    if t.startswith(("date", "timestamp", "time", "interval")):
        return "temporal"
    return "string"


# --- names and comments -----------------------------------------------------------------------


PREFIX_NEGATIONS = frozenset({"is", "has"})


def phrase_hits(tokens: Sequence[str], phrases: Iterable[tuple[str, ...]], negate: bool = False) -> list[str]:
    """Phrases found as whole-token runs. With `negate`, a run followed by a negating token
    (chat_id, email_verified, keystroke_count) or led by is/has does not count."""
    hits = []
    for phrase in phrases:
        n = len(phrase)
        for start in range(len(tokens) - n + 1):
            if tuple(tokens[start : start + n]) != phrase:
                continue
            if negate and (
                NEGATING_TOKENS & set(tokens[start + n :]) or PREFIX_NEGATIONS & set(tokens[:start])
            ):
                continue
            hits.append(" ".join(phrase))
            break
    # "message text" says all that "message" does.
    return [h for h in hits if not any(h != o and f" {h} " in f" {o} " for o in hits)]


def name_evidence(column: Column, spec: ClassSpec) -> tuple[list[str], list[str]]:
    """Whole-token hits in the column name and comment."""
    name_hits = phrase_hits(tokenize_name(column.name), spec.name_phrases, negate=True)
    comment_hits = phrase_hits(tokenize_name(column.comment or ""), spec.comment_phrases)
    return name_hits, comment_hits


# --- profile: the only thing that ever sees values ------------------------------------------


@dataclass
class ClassCounts:
    matched: int = 0
    validated: int = 0
    distinct_hashes: set[str] = field(default_factory=set)
    masked_example: str | None = None


@dataclass(frozen=True)
class ColumnProfile:
    """Counts from sampled values; holds no value."""

    sampled: int
    protection_counts: Mapping[Protection, int]
    classes: Mapping[str, tuple[int, int, int, str | None]]  # id → matched, validated, distinct, mask


def profile_values(values: Iterable[str | bytes], specs: Sequence[ClassSpec]) -> ColumnProfile:
    sampled = 0
    protection: Counter[Protection] = Counter()
    counts = {spec.id: ClassCounts() for spec in specs if spec.value is not None}
    for raw in values:
        sampled += 1
        state = value_protection(raw)
        protection[state] += 1
        if state is not Protection.PLAINTEXT or isinstance(raw, bytes):
            continue
        text = str(raw).strip()
        for spec in specs:
            rule = spec.value
            if rule is None or text in spec.allow or not rule.matches(text):
                continue
            entry = counts[spec.id]
            entry.matched += 1
            if rule.validates(text):
                entry.validated += 1
                entry.distinct_hashes.add(stable_hash(text))
                if entry.masked_example is None:
                    entry.masked_example = mask_value(text, rule.mask)
    return ColumnProfile(
        sampled=sampled,
        protection_counts=dict(protection),
        classes={
            k: (v.matched, v.validated, len(v.distinct_hashes), v.masked_example)
            for k, v in counts.items()
            if v.matched
        },
    )


# --- decision -----------------------------------------------------------------------------------


def wilson_interval(successes: int, n: int, z: float = Z_95) -> tuple[float, float]:
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4))


def column_protection(profile: ColumnProfile) -> Protection:
    if profile.sampled == 0:
        return Protection.EMPTY
    plaintext = profile.protection_counts.get(Protection.PLAINTEXT, 0)
    protected = profile.sampled - plaintext
    if plaintext and protected and min(plaintext, protected) / profile.sampled >= 0.1:
        return Protection.MIXED
    if plaintext >= protected:
        return Protection.PLAINTEXT
    states = {k: v for k, v in profile.protection_counts.items() if k is not Protection.PLAINTEXT}
    return max(states, key=lambda k: states[k])


def classify_column(
    column: Column,
    profile: ColumnProfile,
    specs: Sequence[ClassSpec],
    encrypted_by: str | None = None,
) -> ColumnAssessment:
    family = type_family(column.data_type)
    found: list[Classification] = []
    for spec in specs:
        if family not in spec.types:
            continue
        name_hits, comment_hits = name_evidence(column, spec)
        signals: list[str] = []
        confidence = 0.0
        interval = (0.0, 1.0)
        validated = 0
        masked_example = None
        hit = profile.classes.get(spec.id)
        if hit is not None and spec.value is not None:
            _matched, validated, distinct, masked_example = hit
            share = validated / profile.sampled
            interval = wilson_interval(validated, profile.sampled)
            enough_distinct = distinct >= min(spec.value.min_distinct, profile.sampled)
            if share >= spec.value.min_share and enough_distinct:
                check = f" ({spec.value.validator} check)" if spec.value.validator else ""
                signals.append(f"values: {validated}/{profile.sampled} validated{check}, {distinct} distinct")
                confidence = share
        if name_hits:
            signals.append(f"column name: {', '.join(name_hits)}")
            confidence = 1 - (1 - confidence) * (1 - NAME_CONFIDENCE)
        if comment_hits:
            signals.append(f"column comment: {', '.join(comment_hits)}")
            confidence = 1 - (1 - confidence) * (1 - COMMENT_CONFIDENCE)
        if not signals:
            continue
        if (name_hits or comment_hits) and confidence <= NAME_CONFIDENCE and spec.value is None:
            signals.append("name only: this class is never inferred from values")
        found.append(
            Classification(
                class_id=spec.id,
                sensitivity=spec.sensitivity,
                confidence=round(confidence, 4),
                interval=interval,
                matched=validated,
                sampled=profile.sampled,
                signals=tuple(signals),
                masked_example=masked_example if validated else None,
            )
        )
    found.sort(key=lambda c: (-c.sensitivity.rank, -c.confidence, c.class_id))
    protection = column_protection(profile)
    notes: list[str] = []
    if encrypted_by and found:
        if protection.exposes_values:
            notes.append(
                f"{encrypted_by} claims this column is encrypted, but sampled values read as plaintext"
            )
        elif protection is Protection.EMPTY:
            protection = Protection.CIPHERTEXT
    return ColumnAssessment(
        column=column,
        classes=tuple(found),
        protection=protection,
        sampled=profile.sampled,
        encrypted_by=encrypted_by,
        notes=tuple(notes),
    )
