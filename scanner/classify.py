"""Column classification: values → counts (profile) → decision (assessment).

The seam that matters: `profile_values` turns raw values into a `ColumnProfile` holding only
counts, hashes of distinct hits and masked forms. `assess_column` decides from the profile and the
column's metadata alone, so a profile computed inside the engine (SQL pushdown returning counts)
plugs in without touching anything downstream.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

import re2

from scanner.freetext import FreeTextModel, TextKind, builtin_model
from scanner.models import Classification, Column, ColumnAssessment, Protection, Unconfirmed
from scanner.rules import (
    NEGATING_TOKENS,
    ClassSpec,
    FreeTextRule,
    ModelRule,
    re2_options,
    tokenize_name,
)
from scanner.textmodel import builtin_text_model

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
_MASKED_EMAIL = re.compile(r"[^@\s*]{0,2}\*{2,}[^@\s]{0,2}@\S+")
_HASH_LENGTHS = {32, 40, 56, 64, 96, 128}
# Identifiers that look random but are plaintext: UUIDs and prefixed object ids (ch_…, req_…).
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_UUID_LEN = 36
_ENVELOPE_MAX = max(map(len, _ENVELOPES))
_HEX_MIN = min(_HASH_LENGTHS)  # no hash or ciphertext is shorter in hex
_PREFIXED_ID = re.compile(r"[a-z]{2,8}_[A-Za-z0-9]{8,40}")


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


def _is_path(text: str) -> bool:
    """A URL path or file path (/api/v1/items/42): slashes between word-like segments."""
    segments = text.strip("/").split("/")
    return text.startswith("/") and len(segments) >= 2 and all(0 < len(seg) <= 32 for seg in segments)


def value_protection(value: str | bytes) -> Protection:
    """How a single stored value is protected, judged from its shape alone. Each shape is tried
    only where its first character or length allows it: most values are none of them."""
    if isinstance(value, bytes | bytearray | memoryview):
        return Protection.CIPHERTEXT
    text = value.strip()
    if not text:
        return Protection.PLAINTEXT
    first, size = text[0], len(text)
    if text[:_ENVELOPE_MAX].lower().startswith(_ENVELOPES):
        return Protection.CIPHERTEXT
    if first == "t" and _TOKEN.fullmatch(text):
        return Protection.TOKENIZED
    if (size == _UUID_LEN and _UUID.fullmatch(text)) or ("_" in text and _PREFIXED_ID.fullmatch(text)):
        return Protection.PLAINTEXT
    if first == "/" and _is_path(text):
        return Protection.PLAINTEXT
    if (first == "$" and _BCRYPT.fullmatch(text)) or (first in "smSM" and _DIGEST_PREFIX.match(text)):
        return Protection.HASHED
    if "*" in text and "@" in text and _MASKED_EMAIL.fullmatch(text):
        return Protection.MASKED
    if _MASK_RUN.search(text) and sum(ch.isalnum() and ch not in "xX" for ch in text) <= max(4, size // 3):
        return Protection.MASKED
    if size >= _HEX_MIN and _HEX.fullmatch(text):
        return Protection.HASHED if size in _HASH_LENGTHS else Protection.CIPHERTEXT
    if size >= 20 and _BASE64.fullmatch(text) and _looks_random(text.rstrip("=")):
        return Protection.CIPHERTEXT
    return Protection.PLAINTEXT


# --- masking for evidence -------------------------------------------------------------------


# Characters a masked form may keep as they are: separators show a value's format, not its content.
MASK_SEPARATORS = frozenset(" -./:@")
MASK_REVEALED = 4  # never more than this many characters of a value are shown
_MASK_MAX_LEN = 24  # longer values are shown as *** and their last characters only
_SHORT_TLD = 3


def mask_value(value: str, style: str) -> str | None:
    """A redacted form safe to print. Whatever the value, at most MASK_REVEALED of its characters
    appear in it; everything else is `*` or a separator."""
    if style == "none":
        return None
    if style == "email":
        local, _, domain = value.rpartition("@")
        if not local or not local[0].isalnum():
            return None
        tld = domain.rsplit(".", 1)[-1]
        shown = tld if len(tld) <= _SHORT_TLD and tld.isalpha() else "***"
        return f"{local[0]}***@***.{shown}"
    alnum = [i for i, ch in enumerate(value) if ch.isalnum()]
    # The last four only when they are at most half the value: a short value keeps nothing.
    keep = set(alnum[-MASK_REVEALED:]) if len(alnum) >= 2 * MASK_REVEALED else set()
    if len(value) > _MASK_MAX_LEN:
        return "***" + "".join(value[i] for i in sorted(keep))
    return "".join(
        ch if i in keep else ch if ch in MASK_SEPARATORS and not ch.isalnum() else "*"
        for i, ch in enumerate(value)
    )


def stable_hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# --- type families ----------------------------------------------------------------------------


def type_family(data_type: str) -> str:
    """The family a column's values belong to; an array of scalars has its elements' family."""
    t = data_type.strip().lower()
    if t.endswith("[]") and not t.startswith(("struct", "map", "union")):
        return type_family(t[:-2])
    if t.startswith("array<") and t.endswith(">"):
        inner = t[len("array<") : -1]
        if not inner.startswith(("struct", "map", "array", "uniontype")):
            return type_family(inner)
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
    present = set(tokens)
    for phrase in phrases:
        if phrase[0] not in present:
            continue  # most phrases of most classes: no run can start here
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


# Warehouses repeat their column names across thousands of tables: what a name and comment say
# about a class is worked out once. The spec is kept with its answer: while the cache holds it, its
# id cannot be reused by another.
_CACHE_LIMIT = 200_000
_NAME_EVIDENCE: dict[tuple[int, str, str | None], tuple[ClassSpec, tuple[str, ...], tuple[str, ...]]] = {}
_TABLE_RULES_OUT: dict[tuple[int, str], tuple[ClassSpec, bool]] = {}


def name_evidence(column: Column, spec: ClassSpec, table: str | None = None) -> tuple[list[str], list[str]]:
    """Whole-token hits in the column name and comment; none under a table the class rules out."""
    if table and spec.exclude_table_tokens and _table_rules_out(spec, table):
        return [], []
    key = (id(spec), column.name, column.comment)
    found = _NAME_EVIDENCE.get(key)
    if found is None or found[0] is not spec:
        if len(_NAME_EVIDENCE) > _CACHE_LIMIT:
            _NAME_EVIDENCE.clear()
        found = _NAME_EVIDENCE[key] = (spec, *_column_evidence(column, spec))
    return list(found[1]), list(found[2])


def _table_rules_out(spec: ClassSpec, table: str) -> bool:
    """A `message` in a server log is a log field; in a chat or DM log (chat.dm_log) it is a message."""
    key = (id(spec), table)
    found = _TABLE_RULES_OUT.get(key)
    if found is None or found[0] is not spec:
        if len(_TABLE_RULES_OUT) > _CACHE_LIMIT:
            _TABLE_RULES_OUT.clear()
        tokens = tokenize_name(table)
        excluded = bool(spec.exclude_table_tokens & set(tokens))
        ruled_out = excluded and not phrase_hits(tokens, spec.name_phrases)
        found = _TABLE_RULES_OUT[key] = (spec, ruled_out)
    return found[1]


def _column_evidence(column: Column, spec: ClassSpec) -> tuple[tuple[str, ...], tuple[str, ...]]:
    tokens = tokenize_name(column.name)
    name_hits = phrase_hits(tokens, spec.name_phrases, negate=True)
    if " ".join(tokens) in spec.exact_names:
        name_hits.append(" ".join(tokens))
    comment_hits = phrase_hits(tokenize_name(column.comment or ""), spec.comment_phrases)
    return tuple(name_hits), tuple(comment_hits)


# --- profile: the only thing that ever sees values ------------------------------------------

_WORD = re.compile(r"[^\W\d_]{2,}")
# Cells are read up to this many characters: a 100 MB cell costs no more than a 64 KiB one.
MAX_CELL_CHARS = 64 * 1024
# Cells that say no more than NULL does.
FILLER = frozenset({"n/a", "na", "null", "none", "nil", "-", "--", "?", "unknown", "tbd", "(null)", "#n/a"})
_FILLER_MAX_LEN = max(map(len, FILLER))
# A decimal or scientific number (0.4111111111111111, 1.5e-07): its digits are a measurement, never
# an identifier, however long the run after the point.
_DECIMAL = re.compile(r"[+-]?(?:\d+\.\d+|\.\d+|\d+(?:\.\d+)?[eE][+-]?\d+)")
_NUMBER_START = frozenset("+-.0123456789")


@dataclass
class ClassCounts:
    matched: int = 0  # whole value matches the pattern
    validated: int = 0  # ... and passes the validator
    bare_validated: int = 0  # bare form (counts only with a name/comment signal)
    regrouped: int = 0  # values holding the class in another grouping (counts like bare values)
    contains_values: int = 0  # free-text values holding at least one validated hit
    contains_cued: int = 0  # ... of which only with a cue word beside the hit
    cue_values: int = 0  # free-text values with enough cues
    text_values: int = 0  # values long enough to judge by cues
    distinct: set[str] = field(default_factory=set)
    contains_distinct: set[str] = field(default_factory=set)
    bare_prefixes: set[str] = field(default_factory=set)  # first three digits of bare values
    masked_example: str | None = None


@dataclass(frozen=True)
class ClassEvidence:
    """Counts for one class in one column; holds no value (hashes were reduced to counts)."""

    matched: int = 0
    validated: int = 0
    bare_validated: int = 0
    distinct: int = 0
    contains_values: int = 0
    contains_distinct: int = 0
    cue_values: int = 0
    text_values: int = 0
    masked_example: str | None = None
    contains_cued: int = 0
    bare_prefixes: int = 0
    regrouped: int = 0


@dataclass(frozen=True)
class ColumnProfile:
    """Counts from sampled values; holds no value."""

    sampled: int
    protection_counts: Mapping[Protection, int]
    classes: Mapping[str, ClassEvidence]
    text_judged: int = 0  # plaintext values long enough to judge as free text or not
    human_text: int = 0  # ... that read as human-written
    machine_text: int = 0  # ... that read as written by a program (logs, SQL, alerts, commits)
    human_distinct: int = 0  # distinct values among the human-looking ones
    human_templates: int = 0  # ... and distinct once their digits are blanked out
    model_candidates: int = 0  # plaintext text values the text model could score
    model_scored: int = 0  # ... of which it scored before every decision was settled
    model_judged: int = 0  # ... and judged (long enough)
    model_votes: Mapping[str, int] = field(default_factory=dict)  # judged values each head claims
    model_distinct: Mapping[str, int] = field(default_factory=dict)  # ... distinct ones
    identified: int = 0  # values that validated in full as some class (formatted, not bare)


EMPTY_PROFILE = ColumnProfile(0, {}, {})


_DELIMITERS = (";", ",", "|")


def _delimited(text: str) -> list[str] | None:
    """Parts of `a, b, c` / `a;b` / `a|b` when every part is a single token (X-Forwarded-For)."""
    for delimiter in _DELIMITERS:
        if delimiter in text:
            parts = [p.strip() for p in text.split(delimiter)]
            if 2 <= len(parts) <= 64 and all(p and not any(ch.isspace() for ch in p) for p in parts):
                return parts
            return None
    return None


def _scalar_list(text: str) -> list[str] | None:
    """Elements of a JSON list of strings or numbers, or of a delimited list of tokens; None when
    the value is neither."""
    if not (text.startswith("[") and text.endswith("]")):
        return _delimited(text)
    if text.startswith("[{"):
        return None
    try:
        parsed = json.loads(text)
    except ValueError:
        return None
    if not isinstance(parsed, list) or not parsed:
        return None
    if not all(isinstance(e, str | int | float) and not isinstance(e, bool) for e in parsed):
        return None
    return [str(e).strip() for e in parsed]


def _first_element(text: str) -> str:
    elements = _scalar_list(text)
    return elements[0] if elements else text


def _inside_decimal(text: str, start: int, end: int) -> bool:
    """A digit run cut out of a decimal number (`0.4111111111111111`, `1234.5`)."""
    before = start >= 2 and text[start - 1] in ".," and text[start - 2].isdigit()
    after = end + 1 < len(text) and text[end] in ".," and text[end + 1].isdigit()
    return before or after


_DOTTED_TAIL = re.compile(r"(?:\.\d+){2,}")


def _inside_dotted_run(text: str, start: int, end: int) -> bool:
    """A dotted number inside a longer one (an OID: 1.3.6.1.4.1.2231) or after a product name
    (Chrome/120.0.0.0): a version or an object id, not an address."""
    if _DOTTED_TAIL.match(text, end):
        return True
    if start < 2:
        return False
    before, glue = text[start - 2], text[start - 1]
    return (glue == "." and before.isdigit()) or (glue == "/" and before.isalnum())


def _inside_colon_run(text: str, hit: str, start: int, end: int) -> bool:
    """Part of a longer colon-separated run (`:::`, `12345:db8::1`): not an address of its own.
    A bracketed address may be followed by its port."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return before == ":" or (after == ":" and not hit.endswith("]"))


@dataclass
class _Facts:
    """What one distinct value says, worked out once per column scan; kept in memory only."""

    whole: set[str]
    validated: set[str]
    bare: set[str]
    digest: str  # stable hash of a value that validated as a class, else ""
    state: Protection
    inside: list[tuple[ClassSpec, list[str], bool]] = field(default_factory=list)  # hashes of hits
    regrouped: list[tuple[ClassSpec, list[str]]] = field(default_factory=list)  # ... other groupings
    inside_examples: dict[str, str | None] = field(default_factory=dict)
    kind: TextKind = TextKind.UNJUDGED
    identifiers: float = 0.0  # share of tokens that are identifiers (ids, paths, hex, key=value)
    words: int = 0
    cue_hits: dict[str, int] | None = None  # cues found, by class


# Values whose tokens are mostly identifiers (`Bearer eyJ…`, `path=/a/b id=42`) are no one's prose:
# the text model does not score them.
MAX_IDENTIFIER_SHARE_FOR_MODEL = 0.5
# The text model checks whether every decision is settled after this many values.
_SETTLE_EVERY = 8
_UNSCORED: Any = object()

# How a class's pattern is searched inside a value: on its own, only beside a cue word, or as another
# grouping of the value that counts only under the class's name.
_Search = Literal["plain", "cued", "regrouped"]

# Punctuation a value may be wrapped in without changing what it is: `(192.168.1.1)`, `'2001:db8::1'`.
_WRAPPING = "()[]<>'\"`,;.!?"


class ClassifierEngine:
    """All class patterns compiled into a few RE2 sets: one pass per value finds every candidate
    class, and validators run only for candidates."""

    def __init__(self, specs: Sequence[ClassSpec]) -> None:
        self.specs = tuple(specs)
        self._by_id = {spec.id: spec for spec in self.specs}
        self._full = re2.Set.FullMatchSet(re2_options())
        self._full_ids: list[ClassSpec] = []
        self._bare = re2.Set.FullMatchSet(re2_options())
        self._bare_ids: list[ClassSpec] = []
        self._search = re2.Set.SearchSet(re2_options())
        self._search_ids: list[tuple[ClassSpec, _Search]] = []
        self._searchers: dict[tuple[str, _Search], list[Any]] = {}
        self._context_cues: dict[str, Any] = {}
        self._cues = re2.Set.SearchSet(re2_options(case_sensitive=False))
        self._cue_ids: list[ClassSpec] = []
        self._text_specs = tuple(s for s in self.specs if s.text is not None)
        self._judges_text = any(
            s.text is not None or s.free_text is not None or s.model is not None for s in self.specs
        )
        # Every rule a head of the text model is judged against, by head.
        self._model_points: dict[str, list[ModelRule]] = {}
        for spec in self.specs:
            if spec.model is not None:
                self._model_points.setdefault(spec.model.head, []).append(spec.model)
        # The free-text class's head also refutes names that promise text.
        self._refuting_head = next(
            (s.model.head for s in self.specs if s.free_text is not None and s.model is not None), None
        )
        for spec in self.specs:
            if spec.value is not None:
                self._full.Add(spec.value.pattern)
                self._full_ids.append(spec)
                if spec.value.bare_pattern:
                    self._bare.Add(spec.value.bare_pattern)
                    self._bare_ids.append(spec)
                left = "(?:^|[^A-Za-z0-9])"
                searches: list[tuple[str, _Search, str]] = []
                if spec.value.contains:
                    searches.append((spec.value.contains, "plain", left))
                if spec.value.contains_glued:
                    searches.append((spec.value.contains_glued, "plain", "(?:^|[^0-9A-Fa-f:.])"))
                if spec.value.other_groupings:
                    searches.append((spec.value.other_groupings, "regrouped", left))
                if spec.value.context is not None:
                    searches.append((spec.value.context.pattern, "cued", left))
                    cues = "|".join(re.escape(c) for c in spec.value.context.cues)
                    self._context_cues[spec.id] = re2.compile(
                        rf"(?:^|[^a-z0-9])(?:{cues})(?:$|[^a-z0-9])", re2_options(case_sensitive=False)
                    )
                for pattern, kind, boundary in searches:
                    # Hits inside text must stand alone: not glued to letters or digits.
                    bounded = rf"{boundary}({pattern})(?:$|[^A-Za-z0-9])"
                    self._search.Add(bounded)
                    self._search_ids.append((spec, kind))
                    self._searchers.setdefault((spec.id, kind), []).append(
                        re2.compile(bounded, re2_options())
                    )
            if spec.text is not None:
                for cue in spec.text.cues:
                    self._cues.Add(cue)
                    self._cue_ids.append(spec)
        for compiled_set, ids in (
            (self._full, self._full_ids),
            (self._bare, self._bare_ids),
            (self._search, self._search_ids),
            (self._cues, self._cue_ids),
        ):
            if ids:
                compiled_set.Compile()

    def _match(self, compiled_set: Any, ids: Sequence[object], text: str | bytes) -> list[int]:
        if not ids:
            return []
        found = compiled_set.Match(text)  # UTF-8 bytes are matched as they are, text is encoded
        return list(found) if found else []

    def _identify_scalar(
        self, text: str, excluded: frozenset[str], no_bare: frozenset[str] = frozenset()
    ) -> tuple[set[str], set[str], set[str]]:
        matched: set[str] = set()
        validated: set[str] = set()
        bare: set[str] = set()
        data = text.encode("utf-8")
        for index in self._match(self._full, self._full_ids, data):
            spec = self._full_ids[index]
            if spec.id in excluded or text in spec.allow:
                continue
            assert spec.value is not None
            matched.add(spec.id)
            if spec.value.validates(text):
                validated.add(spec.id)
        for index in self._match(self._bare, self._bare_ids, data):
            spec = self._bare_ids[index]
            assert spec.value is not None
            if spec.id in excluded or spec.id in no_bare or spec.id in matched or text in spec.allow:
                continue
            if spec.value.validates(text):
                bare.add(spec.id)
        return matched, validated, bare

    def _identify(
        self, text: str, excluded: frozenset[str], no_bare: frozenset[str] = frozenset()
    ) -> tuple[set[str], set[str], set[str]]:
        """Classes the whole value matches, validates as, and validates as only in bare form.

        A JSON list of scalars (an array column) is identified element by element: it belongs to a
        class when every element does. A value wrapped in brackets, quotes or trailing punctuation
        is the value inside."""
        whole = self._identify_scalar(text, excluded, no_bare)
        if not (whole[1] or whole[2]):
            unwrapped = text.strip(_WRAPPING)
            if unwrapped and unwrapped != text and not text.startswith(("[", "{")):
                inner = self._identify_scalar(unwrapped, excluded, no_bare)
                if inner[1] or inner[2]:
                    return inner
        elements = None if whole[1] or whole[2] else _scalar_list(text)
        if elements is None:
            return whole
        matched, validated, bare = self._identify_scalar(elements[0], excluded, no_bare)
        for element in elements[1:]:
            m, v, b = self._identify_scalar(element, excluded, no_bare)
            matched &= m
            either = (validated | bare) & (v | b)
            bare = (bare | b) & either
            validated = either - bare
        return matched, validated, bare

    def _hits_inside(self, spec: ClassSpec, kind: _Search, text: str) -> list[str]:
        """Validated hits of one class inside a text; for a "cued" search, only hits near a cue word."""
        rule = spec.value
        assert rule is not None
        hits = []
        cued = kind == "cued"
        matches = [m for searcher in self._searchers[(spec.id, kind)] for m in searcher.finditer(text)]
        for m in matches:
            hit = m.group(1)
            start, end = m.span(1)
            if hit in spec.allow or ("." not in hit and _inside_decimal(text, start, end)):
                continue
            if "." in hit and _inside_dotted_run(text, start, end):
                continue
            if ":" in hit and _inside_colon_run(text, hit, start, end):
                continue
            if rule.validator == "email" and "://" in text[text.rfind(" ", 0, start) + 1 : start]:
                continue  # user:password@host inside a URL is a credential, not an address
            if not rule.validates(hit):
                # a spaced identifier followed by a stray word (`VG96 VPVG 0000 0123 4567 8901 X`)
                shorter = hit.rsplit(" ", 1)[0] if " " in hit else ""
                if not shorter or not rule.validates(shorter):
                    continue
                hit, end = shorter, start + len(shorter)
            if cued:
                assert rule.context is not None
                window = text[max(0, start - rule.context.window) : end + rule.context.window]
                if self._context_cues[spec.id].search(window) is None:
                    continue
            hits.append(hit)
        return hits

    def _facts(
        self, text: str, excluded: frozenset[str], no_bare: frozenset[str], judge: FreeTextModel | None
    ) -> _Facts:
        """Everything one distinct value says; worked out once per column scan."""
        whole, validated, bare = self._identify(text, excluded, no_bare)
        identified = bool(validated or bare)
        state = Protection.PLAINTEXT if identified else value_protection(text)
        facts = _Facts(whole, validated, bare, stable_hash(text) if identified else "", state)
        if state is not Protection.PLAINTEXT:
            return facts
        data = text.encode("utf-8")
        # "Contains" is about identifiers inside free text; a value that is itself an identifier
        # (a spaced IBAN holds card-like digit groups) is not free text.
        if not identified:
            for index in sorted(set(self._match(self._search, self._search_ids, data))):
                spec, kind = self._search_ids[index]
                if spec.id in excluded:
                    continue
                if kind == "regrouped":
                    hits = self._hits_inside(spec, kind, text)
                    if hits:
                        facts.regrouped.append((spec, [stable_hash(h) for h in hits]))
                        if spec.value is not None and spec.id not in facts.inside_examples:
                            facts.inside_examples[spec.id] = mask_value(hits[0], spec.value.mask)
                    continue
                if any(spec is s for s, _, _ in facts.inside):
                    continue
                cued = kind == "cued"
                if cued and self._context_cues[spec.id].search(text) is None:
                    continue  # no cue word anywhere (an epoch, a SKU): no hit can be cued
                hits = self._hits_inside(spec, kind, text)
                if hits:
                    facts.inside.append((spec, [stable_hash(h) for h in hits], cued))
                    if spec.value is not None:
                        facts.inside_examples[spec.id] = mask_value(hits[0], spec.value.mask)
        if judge is not None and " " in text:
            facts.kind, facts.identifiers = judge.assess(text)
        if self._text_specs:
            facts.words = len(_WORD.findall(text))
            found = self._match(self._cues, self._cue_ids, data)
            if found:
                cue_hits: dict[str, int] = {}
                for index in found:
                    class_id = self._cue_ids[index].id
                    cue_hits[class_id] = cue_hits.get(class_id, 0) + 1
                facts.cue_hits = cue_hits
        return facts

    @staticmethod
    def _count_only(values: Iterable[str | bytes], max_cell_chars: int) -> ColumnProfile:
        sampled = 0
        protection: Counter[Protection] = Counter()
        for raw in values:
            if isinstance(raw, bytes | bytearray | memoryview):
                sampled += 1
                protection[Protection.CIPHERTEXT] += 1
                continue
            text = (raw if isinstance(raw, str) else str(raw))[:max_cell_chars].strip()
            if not text or (len(text) <= _FILLER_MAX_LEN and text.lower() in FILLER):
                continue
            sampled += 1
            protection[Protection.PLAINTEXT] += 1
        return ColumnProfile(sampled, dict(protection), {})

    def profile(
        self,
        values: Iterable[str | bytes],
        excluded: frozenset[str] = frozenset(),
        max_cell_chars: int = MAX_CELL_CHARS,
        no_bare: frozenset[str] = frozenset(),
        integer_column: bool = False,
    ) -> ColumnProfile:
        """Count, per class, how many values match, validate, contain hits or carry cues.

        `excluded` names classes whose value signals do not apply to this column (its type or name
        rules them out); `no_bare` those whose unformatted form cannot count here, so their
        validators never run on it. Only the first `max_cell_chars` characters of a cell are read.
        Each distinct value is examined once; repeats only add to the counts. In an
        `integer_column`, identifiers stored as numbers get back the leading zeros storage dropped."""
        if excluded and excluded.issuperset(self._by_id):
            # No class can come from these values (a double, a timestamp, a boolean column): they
            # are counted, not read.
            return self._count_only(values, max_cell_chars)
        sampled = 0
        protection: Counter[Protection] = Counter()
        counts: dict[str, ClassCounts] = {}
        judged = human = machine = identified_values = 0
        human_values: set[int] = set()  # in-process hashes, never stored
        human_templates: set[int] = set()
        judge = builtin_model() if self._judges_text else None
        for_model: list[str] = []

        def entry(spec: ClassSpec) -> ClassCounts:
            found = counts.get(spec.id)
            if found is None:
                found = counts[spec.id] = ClassCounts()
            return found

        # First the cells: blank and filler cells drop out, decimals are measurements, and every
        # other value is counted by its distinct text, in the order it first appeared.
        sequence: list[str] = []
        for raw in values:
            if isinstance(raw, bytes | bytearray | memoryview):
                sampled += 1
                protection[Protection.CIPHERTEXT] += 1
                continue
            text = raw if isinstance(raw, str) else str(raw)
            if len(text) > max_cell_chars:
                text = text[:max_cell_chars]
            text = text.strip()
            if not text or (len(text) <= _FILLER_MAX_LEN and text.lower() in FILLER):
                continue  # blank cells and N/A say no more than NULLs
            sampled += 1
            if text[0] in _NUMBER_START and _DECIMAL.fullmatch(text):
                protection[Protection.PLAINTEXT] += 1
                continue
            sequence.append(text)
        if integer_column:
            sequence = _restore_zeros(sequence)
        candidates: set[str] = set()
        text_rules = [
            (spec, spec.text.min_words, spec.text.human_only, spec.text.min_cues)
            for spec in self._text_specs
            if spec.text is not None and spec.id not in excluded
        ]
        for text, times in Counter(sequence).items():
            facts = self._facts(text, excluded, no_bare, judge)
            for class_id in facts.whole:
                entry(self._by_id[class_id]).matched += times
            identified = (
                [(c, False) for c in facts.validated] + [(c, True) for c in facts.bare]
                if facts.digest
                else ()
            )
            for class_id, is_bare in identified:
                spec = self._by_id[class_id]
                counted = entry(spec)
                if is_bare:
                    counted.bare_validated += times
                    counted.bare_prefixes.add(_digits_of(text)[:3])
                else:
                    counted.validated += times
                counted.distinct.add(facts.digest)
                if counted.masked_example is None:
                    rule = spec.value
                    assert rule is not None
                    counted.masked_example = mask_value(_first_element(text), rule.mask)
            protection[facts.state] += times
            identified_values += times * bool(facts.digest and facts.validated)
            if facts.state is not Protection.PLAINTEXT:
                continue
            for spec, digests in facts.regrouped:
                counted = entry(spec)
                counted.regrouped += times
                counted.distinct.update(digests)
                if counted.masked_example is None:
                    counted.masked_example = facts.inside_examples.get(spec.id)
            for spec, digests, cued in facts.inside:
                counted = entry(spec)
                counted.contains_values += times
                counted.contains_cued += cued * times
                counted.contains_distinct.update(digests)
                if counted.masked_example is None:
                    counted.masked_example = facts.inside_examples.get(spec.id)
            kind = facts.kind
            if kind is not TextKind.UNJUDGED:
                judged += times
                if kind is TextKind.HUMAN:
                    human += times
                    if len(human_values) < _TEMPLATE_SAMPLE:
                        # A time or date before a note says when it was written; it is no filled-in
                        # template field ("07:12 Pt with fever x2 days" logged call after call).
                        note = text[stamp.end() :] if (stamp := _STAMP.match(text)) else text
                        human_values.add(hash(note))
                        human_templates.add(hash(_DIGIT_RUN.sub("#", note)))
                machine += times * (kind is TextKind.MACHINE)
            if (
                self._model_points
                and kind is not TextKind.MACHINE
                and facts.identifiers < MAX_IDENTIFIER_SHARE_FOR_MODEL
                and _mostly_letters(text)
                and not facts.digest
                and " " in text
            ):
                candidates.add(text)
            for spec, min_words, human_only, min_cues in text_rules:
                if facts.words < min_words:
                    continue
                counted = entry(spec)
                counted.text_values += times
                if human_only and kind is TextKind.MACHINE:
                    continue
                if facts.cue_hits is not None and facts.cue_hits.get(spec.id, 0) >= min_cues:
                    counted.cue_values += times
        # The model reads values in their sampled order, repeats included, so stopping early
        # stops at the same place whatever the order of distinct values above.
        for_model = [text for text in sequence if text in candidates] if candidates else []
        scored, model_judged, model_votes, model_distinct = self._score(for_model)
        return ColumnProfile(
            sampled=sampled,
            protection_counts=dict(protection),
            classes={
                k: ClassEvidence(
                    matched=v.matched,
                    validated=v.validated,
                    bare_validated=v.bare_validated,
                    distinct=len(v.distinct),
                    contains_values=v.contains_values,
                    contains_distinct=len(v.contains_distinct),
                    cue_values=v.cue_values,
                    text_values=v.text_values,
                    masked_example=v.masked_example,
                    contains_cued=v.contains_cued,
                    bare_prefixes=len(v.bare_prefixes),
                    regrouped=v.regrouped,
                )
                for k, v in counts.items()
            },
            text_judged=judged,
            human_text=human,
            machine_text=machine,
            human_distinct=len(human_values),
            human_templates=len(human_templates),
            model_candidates=len(for_model),
            model_scored=scored,
            model_judged=model_judged,
            model_votes=model_votes,
            model_distinct=model_distinct,
            identified=identified_values,
        )

    def _score(self, texts: Sequence[str]) -> tuple[int, int, dict[str, int], dict[str, int]]:
        """Score values with the text model until no head's decision can change.

        Returns (values scored, values the model judged, votes per head, distinct values voted
        for per head). A decision rises with every yes and falls with every no: once the decision
        with every remaining value a no equals the one with every remaining value a new yes, it is
        settled, and so is the column once all are."""
        if not texts:
            return 0, 0, {}, {}
        model = builtin_text_model()
        points = self._model_points
        votes = dict.fromkeys(points, 0)  # every head named by a rule, the refuting one among them
        distinct = dict.fromkeys(points, 0)
        index_of = {head: model.heads.index(head) for head in points}
        judged = scored = 0
        memo: dict[str, tuple[bool, ...] | None] = {}
        total = len(texts)
        for text in texts:
            scored += 1
            said = memo.get(text, _UNSCORED)
            if said is _UNSCORED:
                said = memo[text] = model.votes(text)
                if said is not None:
                    for head, index in index_of.items():
                        distinct[head] += said[index]
            if said is not None:
                judged += 1
                for head, index in index_of.items():
                    votes[head] += said[index]
            left = total - scored
            if left and scored % _SETTLE_EVERY == 0 and self._settled(votes, distinct, judged, left):
                break
        return scored, judged, votes, distinct

    def _settled(self, votes: dict[str, int], distinct: dict[str, int], judged: int, left: int) -> bool:
        """No decision the model takes part in can change, whatever the `left` values say: each
        rule and the refutation of text names give the same answer if they all say no and if they
        all say yes, and the model already has the values it needs to decide a column at all."""
        if judged < MODEL_DECIDES_AT:
            return False
        for head, rules in self._model_points.items():
            for rule in rules:
                none = rule.holds(votes[head], judged + left, distinct[head])
                every = rule.holds(votes[head] + left, judged + left, distinct[head] + left)
                if none != every:
                    return False
        refuting = self._refuting_head
        if refuting is not None:
            none = votes[refuting] / (judged + left) <= MAX_MODEL_HUMAN_SHARE_TO_REFUTE
            every = (votes[refuting] + left) / (judged + left) <= MAX_MODEL_HUMAN_SHARE_TO_REFUTE
            if none != every:
                return False
        return True


_DIGIT_RUN = re.compile(r"\d+")


# An identifier stored as a number loses its leading zeros (SSN 012-34-5678 becomes 12345678).
# Where most of an integer column's values have one width, shorter ones by up to this many digits are
# that width with zeros dropped.
MAX_DROPPED_ZEROS = 2


def _restore_zeros(values: list[str]) -> list[str]:
    widths = Counter(len(v) for v in values if v.isdigit())
    if not widths:
        return values
    width, count = widths.most_common(1)[0]
    if 2 * count < sum(widths.values()):
        return values
    return [
        v.zfill(width) if width - MAX_DROPPED_ZEROS <= len(v) < width and v.isdigit() else v for v in values
    ]


def _mostly_letters(text: str, head: int = 200) -> bool:
    """Letters make at least a third of the value's visible characters: what the text model reads
    is words (a regex in a question still is). Runs of numbers with a letter here and there
    (`m 225 666 8;m 203 659 31`) are not."""
    part = text[:head]
    visible = len(part) - part.count(" ")
    return visible > 0 and 3 * sum(map(str.isalpha, part)) >= visible


_STAMP = re.compile(
    r"\s*\[?(?:(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?)(?:\s?[AaPp][Mm])?\]?\s*[-–:|]?\s+"
)
_TEMPLATE_SAMPLE = 400


def _digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


@cache
def engine_for(specs: tuple[ClassSpec, ...]) -> ClassifierEngine:
    return ClassifierEngine(specs)


def excluded_classes(column: Column, specs: Sequence[ClassSpec]) -> frozenset[str]:
    """Classes whose value signals cannot apply: wrong type family, or a name token rules them out."""
    family = type_family(column.data_type)
    tokens = set(tokenize_name(column.name))
    return frozenset(s.id for s in specs if family not in s.types or s.exclude_tokens & tokens)


def profile_values(
    values: Iterable[str | bytes],
    specs: Sequence[ClassSpec],
    column: Column | None = None,
    max_cell_chars: int = MAX_CELL_CHARS,
) -> ColumnProfile:
    if column is None:
        return engine_for(tuple(specs)).profile(values, max_cell_chars=max_cell_chars)
    excluded = excluded_classes(column, specs)
    integer = type_family(column.data_type) == "integer"
    return engine_for(tuple(specs)).profile(
        values, excluded, max_cell_chars, unnamed_bare(column, specs), integer_column=integer
    )


def unnamed_bare(column: Column, specs: Sequence[ClassSpec]) -> frozenset[str]:
    """Classes whose unformatted form (a bare 10-digit phone number, an ICD code) counts only under a
    name or comment that says so, and that this column's name and comment do not name: a cheap
    gate that keeps their validators off every long numeric id."""
    out = set()
    for spec in specs:
        rule = spec.value
        if rule is None or rule.bare_pattern is None or rule.bare_random_pass is not None:
            continue
        name_hits, comment_hits = name_evidence(column, spec)
        if not (name_hits or comment_hits):
            out.add(spec.id)
    return frozenset(out)


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


def _combine(confidence: float, weight: float) -> float:
    return 1 - (1 - confidence) * (1 - weight)


@dataclass(frozen=True)
class _Decision:
    confidence: float
    interval: tuple[float, float]
    matched: int
    signals: tuple[str, ...]
    masked_example: str | None
    whole_values: bool = False  # established by whole values, not by hits inside text
    by_likelihood: bool = False  # established only by the likelihood test on unformatted values


# A class that is one of several kinds of identifier in a column needs at least this share itself,
# other classes at least as much, and identifiers together at least half the column (a key/value
# table's value column).
MIN_MIXED_SHARE = 0.2
MIN_IDENTIFIED_SHARE = 0.5
# A column of unformatted values stands without a name when every value passes the class's rules
# and values of that shape drawn at random would all pass with at most this chance.
LIKELIHOOD_ALPHA = 0.01
# ... and the values spread over many leading digits, as people's numbers do (sequential ids do not).
MIN_PREFIX_SPREAD = 0.5
# Text classes: with at least this many judged values, a column that hardly reads as human text
# refutes a name such as `message` (a server log's message field is no conversation).
MIN_JUDGED_TO_REFUTE = 20
MAX_HUMAN_SHARE_TO_REFUTE = 0.2
MIN_MACHINE_SHARE_TO_REFUTE = 0.6


def free_text_share(profile: ColumnProfile) -> tuple[int, int]:
    """(values that read as human text, values judged)."""
    return profile.human_text, profile.text_judged


# Many different values that are one sentence with other numbers in it ("restock shelf 42 in
# aisle 7") were filled in by a program: a template, not free text.
MIN_DISTINCT_FOR_TEMPLATE = 10
MAX_TEMPLATE_SHARE = 0.2


def _templated(profile: ColumnProfile) -> bool:
    distinct, templates = profile.human_distinct, profile.human_templates
    return distinct >= MIN_DISTINCT_FOR_TEMPLATE and templates <= MAX_TEMPLATE_SHARE * distinct


def _reads_as_free_text(profile: ColumnProfile, rule: FreeTextRule) -> bool:
    human, judged = free_text_share(profile)
    n = profile.sampled
    if not n or not judged or judged / n < rule.min_judged or _templated(profile):
        return False
    return wilson_interval(human, judged)[0] >= rule.min_share


def _model_claims(profile: ColumnProfile, rule: ModelRule | None) -> bool:
    """The text model's head claims enough of the values it scored."""
    if rule is None or not profile.model_judged:
        return False
    votes, distinct = profile.model_votes.get(rule.head, 0), profile.model_distinct.get(rule.head, 0)
    return rule.holds(votes, profile.model_judged, distinct)


def _model_signal(profile: ColumnProfile, rule: ModelRule, what: str) -> str:
    votes, judged = profile.model_votes.get(rule.head, 0), profile.model_judged
    low = wilson_interval(votes, judged)[0]
    settled = (
        f"; scoring stopped after {profile.model_scored} of {profile.model_candidates} values, "
        "the decision settled"
        if profile.model_scored < profile.model_candidates
        else ""
    )
    return (
        f"text model: {votes}/{judged} scored values read as {what} "
        f"(at least {low:.0%}, 95 % lower bound){settled}"
    )


# With this many values judged by the text model, its heads decide a free-text column's classes;
# below it the structural judge and the cue words do. Structure and cues read published copy and
# help articles ("you'll love…", "you can reset your password…") as a person writing to someone.
MODEL_DECIDES_AT = 20


def _model_decides(profile: ColumnProfile, rule: ModelRule | None) -> bool:
    return rule is not None and profile.model_judged >= MODEL_DECIDES_AT


# A name that promises text (`notes`, `message`) is refuted when the model, having judged enough
# values, finds at most this share of them written by people.
MAX_MODEL_HUMAN_SHARE_TO_REFUTE = 0.35


def _model_refutes_free_text(profile: ColumnProfile, spec: ClassSpec | None) -> bool:
    rule = spec.model if spec is not None else None
    if rule is None or not _model_decides(profile, rule):
        return False
    return profile.model_votes.get(rule.head, 0) / profile.model_judged <= MAX_MODEL_HUMAN_SHARE_TO_REFUTE


def is_free_text(profile: ColumnProfile, spec: ClassSpec | None) -> bool:
    """The column reads as human-written free text: by the text model's free-text head when it
    judged enough values, else by the structure of its values or that head."""
    if spec is None or spec.free_text is None:
        return False
    if _templated(profile):
        return False
    if _model_decides(profile, spec.model):
        return _model_claims(profile, spec.model)
    return _reads_as_free_text(profile, spec.free_text) or _model_claims(profile, spec.model)


def _spread(evidence: ClassEvidence, n: int) -> bool:
    """Unformatted values spread over many leading digits and are mostly distinct."""
    return evidence.bare_prefixes >= MIN_PREFIX_SPREAD * min(n, 20) and evidence.distinct >= min(n, 20) // 2


def _likelihood(spec: ClassSpec, evidence: ClassEvidence, n: int) -> float | None:
    """Chance that n random values of the bare shape would all pass the rules, when they all did."""
    rule = spec.value
    if rule is None or rule.bare_random_pass is None or not n or evidence.bare_validated != n:
        return None
    if not _spread(evidence, n):
        return None
    chance = rule.bare_random_pass**n
    return chance if chance <= LIKELIHOOD_ALPHA else None


def _loose(evidence: ClassEvidence) -> int:
    """Values that carry the class only in a form a name must confirm."""
    return evidence.bare_validated + evidence.regrouped


def _loose_forms(evidence: ClassEvidence) -> str:
    """`3 as bare digits, 1 regrouped`: how many values carry the class in each loose form."""
    forms = []
    if evidence.bare_validated:
        forms.append(f"{evidence.bare_validated} as bare digits")
    if evidence.regrouped:
        forms.append(f"{evidence.regrouped} regrouped")
    return ", ".join(forms)


def unconfirmed(spec: ClassSpec, profile: ColumnProfile) -> Unconfirmed | None:
    """The class a column's values would carry if its name or comment said so: every sampled value
    passes the class's rules, some only in a form a name must confirm (bare or regrouped digits).
    One value that fails is evidence against the class (random 9-digit ids fail SSN rules one time in
    nine), so a partial share is no maybe. Presidio reports such shapes at a low score; here they are
    explained, never counted."""
    rule = spec.value
    evidence = profile.classes.get(spec.id)
    n = profile.sampled
    if rule is None or evidence is None or not n or not _loose(evidence):
        return None
    hits = evidence.validated + _loose(evidence)
    if hits != n or evidence.distinct < min(rule.min_distinct, n):
        return None
    if evidence.bare_validated and not _spread(evidence, n):
        return None  # sequential ids share their leading digits; people's numbers do not
    chance = (
        f"; random numbers of that shape pass {rule.bare_random_pass:.1%} of the time"
        if rule.bare_random_pass is not None and evidence.bare_validated
        else ""
    )
    reason = (
        f"{hits}/{n} values pass the {rule.validator or spec.id} rules ({_loose_forms(evidence)})"
        f"{chance}: a column name or comment saying {spec.name} would decide it"
    )
    return Unconfirmed(spec.id, hits, n, reason)


def _decide(
    spec: ClassSpec,
    column: Column,
    profile: ColumnProfile,
    protection: Protection,
    free_text_spec: ClassSpec | None = None,
    table: str | None = None,
) -> _Decision | None:
    name_hits, comment_hits = name_evidence(column, spec, table)
    named = bool(name_hits or comment_hits)
    evidence = profile.classes.get(spec.id, ClassEvidence())
    n = profile.sampled
    plaintext_n = profile.protection_counts.get(Protection.PLAINTEXT, 0)
    signals: list[str] = []
    confidence = 0.0
    matched = 0
    interval = (0.0, 1.0)
    example = None
    rule = spec.value
    human, judged = free_text_share(profile)
    if rule is not None and n:
        hits = evidence.validated + (evidence.bare_validated + evidence.regrouped if named else 0)
        # Masked, hashed or encrypted values are not read: the share is of the values that can be,
        # so SSNs half of which are masked are still SSNs (and the other half exposed).
        readable = plaintext_n or n
        enough_distinct = evidence.distinct >= min(rule.min_distinct, readable)
        low, high = wilson_interval(hits, readable)
        chance = None if named else _likelihood(spec, evidence, n)
        share = hits / readable
        # A key/value table's value column holds several kinds of identifier: a kind well supported
        # on its own counts when identifiers together make up the column.
        others = profile.identified - evidence.validated  # values only other classes validated
        mixed = (
            share < rule.min_share
            and profile.identified / readable >= MIN_IDENTIFIED_SHARE
            and evidence.validated / readable >= MIN_MIXED_SHARE
            and others / readable >= MIN_MIXED_SHARE
        )
        if hits and (share >= rule.min_share or mixed) and low >= rule.min_lower and enough_distinct:
            check = f" ({rule.validator} check)" if rule.validator else ""
            bare = f" incl. {_loose_forms(evidence)} (name-confirmed)" if named and _loose(evidence) else ""
            unread = f"; {n - readable} more masked, hashed or encrypted" if readable < n else ""
            beside = (
                f"; identifiers of several classes make up {profile.identified / readable:.0%} of the values"
                if mixed
                else ""
            )
            signals.append(
                f"values: {hits}/{readable} validated{check}{bare}, {evidence.distinct} distinct{unread}; "
                f"share {share:.0%}, at least {low:.0%} (95 % lower bound){beside}"
            )
            confidence, matched, interval = share, hits, (low, high)
            example = evidence.masked_example
        elif chance is not None:
            assert rule.bare_random_pass is not None
            signals.append(
                f"values: all {n} unformatted values pass the {rule.validator} rules, which accept "
                f"{rule.bare_random_pass:.1%} of random values of that shape: chance {chance:.2g} "
                f"(likelihood test, {evidence.bare_prefixes} distinct leading digits)"
            )
            confidence, matched = 1 - chance, n
            interval = wilson_interval(n, n)
            example = evidence.masked_example
        elif evidence.contains_values:
            uncued = evidence.contains_values - evidence.contains_cued
            how = (
                "shape and check alone"
                if uncued == evidence.contains_values
                else "next to a cue word"
                if not uncued
                else f"{uncued} by shape and check alone, {evidence.contains_cued} next to a cue word"
            )
            signals.append(
                f"contains: {evidence.contains_values}/{n} values hold a validated {spec.id} "
                f"({evidence.contains_distinct} distinct; {how})"
            )
            confidence, matched = 0.9, evidence.contains_values
            interval = wilson_interval(evidence.contains_values, n)
            example = evidence.masked_example
        elif (
            named
            and rule.refutes_name
            and plaintext_n >= 20
            and not (evidence.validated or _loose(evidence) or spec.text)
        ):
            # The name says this class but plenty of plaintext values say otherwise.
            return None
    text_rule = spec.text
    if (
        text_rule is not None
        and text_rule.human_only
        and named
        and judged >= MIN_JUDGED_TO_REFUTE
        and profile.machine_text / judged >= MIN_MACHINE_SHARE_TO_REFUTE
    ):
        return None  # machine text under a conversational name: a server log's `message`
    if (
        named
        and (spec.free_text is not None or (text_rule is not None and text_rule.needs_free_text))
        and _model_refutes_free_text(profile, free_text_spec)
    ):
        return None  # `notes` or `status_msg` holding what a program wrote, however worded
    if text_rule is not None and evidence.text_values:
        share = evidence.cue_values / evidence.text_values
        low, high = wilson_interval(evidence.cue_values, evidence.text_values)
        free = is_free_text(profile, free_text_spec)
        column_ok = (not text_rule.needs_free_text or free) and not (
            free and _model_decides(profile, spec.model)
        )
        if evidence.cue_values and share >= text_rule.min_share and low >= text_rule.min_lower and column_ok:
            signals.append(
                f"free-text cues in {evidence.cue_values}/{evidence.text_values} values "
                f"(at least {low:.0%}, 95 % lower bound)"
            )
            if share > confidence:
                confidence, matched, interval = share, evidence.cue_values, (low, high)
    model_rule = spec.model
    if (
        model_rule is not None
        and spec.free_text is None
        and _model_claims(profile, model_rule)
        and is_free_text(profile, free_text_spec)
    ):
        votes = profile.model_votes.get(model_rule.head, 0)
        signals.append(_model_signal(profile, model_rule, spec.id))
        if votes / profile.model_judged > confidence:
            confidence, matched = votes / profile.model_judged, votes
            interval = wilson_interval(votes, profile.model_judged)
    if spec.free_text is not None and n:
        if is_free_text(profile, spec):
            if _reads_as_free_text(profile, spec.free_text):
                low, high = wilson_interval(human, judged)
                signals.append(
                    f"free text: {human}/{judged} judged values read as human-written "
                    f"(at least {low:.0%}, 95 % lower bound), {profile.machine_text} as machine text"
                )
                confidence, matched, interval = human / judged, human, (low, high)
            if model_rule is not None and _model_claims(profile, model_rule):
                votes = profile.model_votes.get(model_rule.head, 0)
                signals.append(_model_signal(profile, model_rule, "human-written"))
                if votes / profile.model_judged > confidence:
                    confidence, matched = votes / profile.model_judged, votes
                    interval = wilson_interval(votes, profile.model_judged)
        elif named and judged >= MIN_JUDGED_TO_REFUTE and human / judged < MAX_HUMAN_SHARE_TO_REFUTE:
            return None

    if name_hits:
        signals.append(f"column name: {', '.join(name_hits)}")
        confidence = _combine(confidence, NAME_CONFIDENCE)
    if comment_hits:
        signals.append(f"column comment: {', '.join(comment_hits)}")
        confidence = _combine(confidence, COMMENT_CONFIDENCE)
    if not signals:
        return None
    if matched == 0:
        if spec.name_only:
            signals.append("name only: this class is never inferred from values")
        elif n and rule is not None and not rule.refutes_name:
            signals.append(f"the class comes from the name: 0/{n} values have its optional value shape")
        elif n and protection.exposes_values:
            signals.append(
                f"no value confirmed it: 0/{n} (true share below {min(1.0, 3 / n):.1%}, rule of three)"
            )
        elif n:
            signals.append(f"values are {protection.value}: the class comes from the name")
    whole_values = bool(signals) and signals[0].startswith("values:")
    by_likelihood = bool(signals) and "likelihood test" in signals[0] and not named
    return _Decision(
        round(confidence, 4), interval, matched, tuple(signals), example, whole_values, by_likelihood
    )


def classify_column(
    column: Column,
    profile: ColumnProfile,
    specs: Sequence[ClassSpec],
    encrypted_by: str | None = None,
    table: str | None = None,
) -> ColumnAssessment:
    """Decide a column's classes from its profile and metadata. `table` (the table's name, when
    known) lets a class rule out names that mean something else there (a log table's `message`)."""
    protection = column_protection(profile)
    found: list[Classification] = []
    by_whole_values: set[str] = set()
    by_likelihood: set[str] = set()
    excluded = excluded_classes(column, specs)
    free_text_spec = next((s for s in specs if s.free_text is not None), None)
    for spec in specs:
        if spec.id in excluded:
            continue
        decision = _decide(spec, column, profile, protection, free_text_spec, table)
        if decision is None:
            continue
        if decision.whole_values:
            by_whole_values.add(spec.id)
        if decision.by_likelihood:
            by_likelihood.add(spec.id)
        found.append(
            Classification(
                class_id=spec.id,
                sensitivity=spec.sensitivity,
                confidence=decision.confidence,
                interval=decision.interval,
                matched=decision.matched,
                sampled=profile.sampled,
                signals=decision.signals,
                masked_example=decision.masked_example,
            )
        )
    # The specific class replaces the broad one only when the values themselves are that class: an
    # EIN quoted inside a 1099 document does not make the document any less a tax record.
    broader = {spec.id for spec in specs if spec.subsumed_by & by_whole_values}
    # Unformatted values that another class recognises in full (a routing number's checksum, a
    # name that says what they are) are that class: the likelihood test only fills a silence.
    if by_whole_values - by_likelihood:
        broader |= by_likelihood
    found = [c for c in found if c.class_id not in broader]
    found.sort(key=lambda c: (-c.sensitivity.rank, -c.confidence, c.class_id))
    decided = {c.class_id for c in found}
    # Values another class already explains in full (a routing number's checksum) need no maybe.
    maybe: tuple[Unconfirmed, ...] = ()
    if not by_whole_values:
        candidates = (unconfirmed(s, profile) for s in specs if s.id not in excluded and s.id not in decided)
        maybe = tuple(u for u in candidates if u is not None)
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
        unconfirmed=maybe,
    )
