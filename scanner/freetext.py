"""Is a value human-written free text, machine text, or neither? Judged from structure alone.

Structure generalises where vocabulary does not: people write function words (the, of, to, it),
pronouns, contractions, chat shorthand and sentence punctuation; programs write timestamps, levels,
identifiers, key=value pairs, stack frames and SQL. The features and their weights are data in
rules/free_text_model.yaml. A value is judged at most once per column scan and only its first
`max_chars` characters are read, so the cost per value is bounded.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import re2

from scanner.errors import RulePackError
from scanner.rules import re2_options
from scanner.yamlio import load_schema, parse_yaml, validate


class TextKind(Enum):
    HUMAN = "human"
    MACHINE = "machine"  # a machine-text pattern: log line, alert, stack trace, SQL, commit message
    PLAIN = "plain"  # long enough to judge, but not written like a person writes
    UNJUDGED = "unjudged"  # too short, or not text at all


_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Identifiers: snake_case, dotted.names, CamelCase, /paths, hex runs, key=value, ids with digits.
_IDENTIFIER = re.compile(
    r"[A-Za-z]\w*_\w+|\w+\.\w+\.\w+|[a-z]+[A-Z]\w*|\w*/\w+/\S*|[0-9a-fA-F]{8,}|\S+=\S+|[A-Za-z]+\d+\w*|\d+[A-Za-z]+\w*"
)
_HEX_LETTERS = frozenset("abcdefABCDEF")


def _is_identifier(token: str) -> bool:
    core = token.strip(".,;:!?()\"'")
    # A plain word (lower, UPPER or Title case letters only) is no identifier unless it could be a
    # hex run; the regex is only needed for the rest.
    plain = core.isalpha() and (core.islower() or core.isupper() or core.istitle())
    if plain and (len(core) < 8 or not _HEX_LETTERS.issuperset(core)):
        return False
    return bool(_IDENTIFIER.fullmatch(core)) and not _ORDINAL_OR_UNIT.fullmatch(token.lower())


_ORDINAL_OR_UNIT = re.compile(r"\d+(?:st|nd|rd|th|am|pm|mg|ml|kg|lb|lbs|yo|h|hr|hrs|min|mins|s|k|x)")
_SENTENCE_END = re.compile(r"[.!?…][\"')\]]*\s*$|[?!]")


@dataclass(frozen=True)
class FreeTextModel:
    version: int
    min_words: int
    max_chars: int
    threshold: float
    weights: dict[str, float]
    machine: Any  # re2.Set
    function_words: frozenset[str]
    lexicon: frozenset[str]
    known: frozenset[str]  # lexicon and function words together
    informal: frozenset[str]
    shorthand: frozenset[str]
    emoticon: Any  # re2 pattern

    def _enough_words(self, raw_words: list[str]) -> bool:
        """At least min_words words of two or more letters."""
        if len(raw_words) < self.min_words:
            return False
        found = 0
        for word in raw_words:
            found += len(word) >= 2
            if found >= self.min_words:
                return True
        return False

    def features(self, text: str, raw_words: list[str] | None = None) -> dict[str, float] | None:
        """Feature values of one value, or None when it has too few words to judge."""
        if raw_words is None:
            raw_words = _WORD.findall(text)
            if not self._enough_words(raw_words):
                return None
        words = [w.lower() for w in raw_words]
        tokens = _TOKEN.findall(text)
        n = len(words)
        lowered = [t.lower().strip(".,;:!?()\"'") for t in tokens]
        function = self.function_words
        capitalised = [w for w in raw_words if len(w) > 3]
        return {
            "bias": 1.0,
            "function_share": sum(map(function.__contains__, words)) / n,
            "lexicon_share": sum(map(self.known.__contains__, words)) / n,
            "personal": float(
                not _PERSONAL.isdisjoint(words) or any("'" in w and w in function for w in words)
            ),
            "informal": float(
                not self.informal.isdisjoint(lowered) or self.emoticon.search(text) is not None
            ),
            "shorthand": min(1.0, sum(map(self.shorthand.__contains__, lowered)) / 2),
            "sentence_punct": float(bool(_SENTENCE_END.search(text))),
            "title_case": (
                sum(w[0].isupper() for w in capitalised) / len(capitalised) if len(capitalised) >= 3 else 0.0
            ),
            "identifier_share": sum(map(_is_identifier, tokens)) / max(len(tokens), 1),
        }

    def score(self, text: str) -> float | None:
        """Probability-like score that the value is human-written text; None when not judged."""
        feats = self.features(text[: self.max_chars])
        if feats is None:
            return None
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1 / (1 + math.exp(-z))

    def is_machine(self, text: str) -> bool:
        return bool(self.machine.Match(text[: self.max_chars]))

    def judge(self, text: str) -> TextKind:
        return self.assess(text)[0]

    def assess(self, text: str) -> tuple[TextKind, float]:
        """The value's kind, and the share of its tokens that are identifiers (0 when unjudged)."""
        head = text[: self.max_chars]
        raw_words = _WORD.findall(head)
        if not self._enough_words(raw_words):
            return TextKind.UNJUDGED, 0.0
        if self.is_machine(head):
            return TextKind.MACHINE, 0.0
        feats = self.features(head, raw_words)
        assert feats is not None
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        kind = TextKind.HUMAN if 1 / (1 + math.exp(-z)) >= self.threshold else TextKind.PLAIN
        return kind, feats["identifier_share"]


# First and second person: someone writing to someone.
_PERSONAL = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "you",
        "your",
        "yours",
        "yourself",
        "we",
        "us",
        "our",
        "ours",
        "u",
        "ur",
        "ya",
    ]
)


def _word_set(items: list[str]) -> frozenset[str]:
    return frozenset(str(item).lower() for item in items)


def parse_model(data: dict[str, Any], origin: str) -> FreeTextModel:
    machine = re2.Set.SearchSet(re2_options())
    for index, pattern in enumerate(data["machine_patterns"]):
        if machine.Add(pattern) < 0:  # pragma: no cover - re2 raises instead on most versions
            raise RulePackError(f"machine pattern {index} is not valid RE2", file=origin)
    machine.Compile()
    return FreeTextModel(
        version=int(data["version"]),
        min_words=int(data["min_words"]),
        max_chars=int(data["max_chars"]),
        threshold=float(data["threshold"]),
        weights={k: float(v) for k, v in data["weights"].items()},
        machine=machine,
        function_words=_word_set(data["function_words"]),
        lexicon=_word_set(data["lexicon"]),
        known=_word_set(data["lexicon"]) | _word_set(data["function_words"]),
        informal=_word_set(data["informal"]),
        shorthand=_word_set(data["shorthand"]),
        emoticon=re2.compile(data["emoticon_pattern"], re2_options()),
    )


@cache
def builtin_model() -> FreeTextModel:
    source = resources.files("scanner.rulepacks").joinpath("free_text_model.yaml")
    origin = "rules/free_text_model.yaml"
    data, lines = parse_yaml(source.read_text(encoding="utf-8"), Path(origin), RulePackError)
    validate(data, load_schema("free-text.schema.json"), lines, Path(origin), RulePackError)
    try:
        return parse_model(data, origin)
    except re2.error as exc:
        raise RulePackError(f"a pattern is not valid RE2: {exc}", file=origin) from None
