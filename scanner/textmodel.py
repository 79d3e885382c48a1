"""A small linear text model, shipped as data: what kind of text a value is.

One logistic head per text class (`free_text`, `conversation`, `performance_review`, `medical`,
`tax`) over hashed features of a value: character 3–5-grams of every word, word unigrams and
bigrams, and a few shape tokens (length, casing, line breaks). Vocabulary carries what structure
cannot: "bp 128/82, pt resting" is clinical and "strong quarter, owns the roadmap" is a review in any
column, under any name. The weights are a versioned file, rules/text_model.json, written by
bench/train_text_model.py from the corpus in bench/data/text/; scoring is pure Python.

Cost: a word's n-gram weights are summed once and kept (words repeat across values and columns),
so a value costs one regex pass, a dictionary look-up per word and one hash per bigram.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
import re
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from scanner.errors import RulePackError

FORMAT = "exposure-text-model"
FORMAT_VERSION = 1
MODEL_FILE = "text_model.json"

# Words, digit runs and single other characters (punctuation, emoji) are tokens.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\w\s]")
_DIGITS = ("0", "00", "000", "0000")
# Token-count buckets: a chat line, a sentence, a paragraph, a document.
_LENGTH_EDGES = (1, 2, 3, 5, 8, 12, 20, 40)
_WORD_CACHE_LIMIT = 200_000


def _length_bucket(n: int) -> str:
    for edge in _LENGTH_EDGES:
        if n <= edge:
            return f"n:{edge}"
    return "n:more"


def tokenize(text: str, max_chars: int) -> tuple[list[str], list[str], int]:
    """Lower-cased tokens of a value's head, its shape tokens, and how many tokens are words."""
    head = text[:max_chars]
    raw = _TOKEN.findall(head)
    tokens = []
    letters = upper_initial = long_words = 0
    for tok in raw:
        first = tok[0]
        if first.isdigit():
            tokens.append(_DIGITS[min(len(tok), 4) - 1])
            continue
        if first.isalpha():
            letters += 1
            if len(tok) > 3:
                long_words += 1
                upper_initial += first.isupper()
        tokens.append(tok.lower())
    shape = [_length_bucket(len(tokens))]
    if letters:
        if head == head.lower():
            shape.append("s:lower")
        elif head[:1].isupper():
            shape.append("s:initial")
    if long_words >= 3 and upper_initial >= 0.6 * long_words:
        shape.append("s:title")
    if "\n" in head:
        shape.append("s:lines")
    return tokens, shape, letters


def word_features(token: str) -> list[str]:
    """The unigram and, for a word, its character 3–5-grams with boundary marks."""
    features = ["w:" + token]
    if token[0].isalpha():
        padded = f"<{token}>"
        for n in (3, 4, 5):
            features.extend("c:" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return features


def bigrams(tokens: Sequence[str]) -> list[str]:
    seq = ["<s>", *tokens, "</s>"]
    return [f"b:{a} {b}" for a, b in itertools.pairwise(seq)]


def features(text: str, max_chars: int) -> list[str]:
    """Every feature of a value, one entry per occurrence (the training script's view)."""
    tokens, shape, _ = tokenize(text, max_chars)
    out = [f for tok in tokens for f in word_features(tok)]
    out.extend(bigrams(tokens))
    out.extend(shape)
    return out


def bucket(feature: str, buckets: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (buckets - 1)


@dataclass
class TextModel:
    heads: tuple[str, ...]
    buckets: int
    max_chars: int
    min_words: int
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]
    weights: dict[int, tuple[float, ...]]
    version: int
    digest: str  # of the weights, so retrained weights never pass for the same model
    _words: dict[str, tuple[tuple[float, ...], int]] = field(default_factory=dict, repr=False)

    def _word(self, token: str) -> tuple[tuple[float, ...], int]:
        found = self._words.get(token)
        if found is None:
            feats = word_features(token)
            vectors = [v for v in (self.weights.get(bucket(f, self.buckets)) for f in feats) if v]
            total = tuple(map(sum, zip(*vectors, strict=True))) if vectors else (0.0,) * len(self.heads)
            if len(self._words) >= _WORD_CACHE_LIMIT:
                self._words.clear()
            found = self._words[token] = (total, len(feats))
        return found

    def margins(self, text: str) -> tuple[float, ...] | None:
        """Each head's log-odds for a value; None when it has too few words to judge (a number
        array or a single word says nothing about who wrote it)."""
        tokens, shape, words = tokenize(text, self.max_chars)
        if words < self.min_words:
            return None
        vectors = []
        count = 0
        for tok in tokens:
            vector, n = self._word(tok)
            vectors.append(vector)
            count += n
        get, size = self.weights.get, self.buckets
        pairs = bigrams(tokens)
        count += len(pairs) + len(shape)
        for feature in pairs:
            found = get(bucket(feature, size))
            if found:
                vectors.append(found)
        for feature in shape:
            found = get(bucket(feature, size))
            if found:
                vectors.append(found)
        scale = 1 / math.sqrt(count)
        return tuple(
            b + s * scale for b, s in zip(self.bias, map(sum, zip(*vectors, strict=True)), strict=True)
        )

    def votes(self, text: str) -> tuple[bool, ...] | None:
        """Which heads claim the value (probability at or above the head's threshold)."""
        margins = self.margins(text)
        if margins is None:
            return None
        return tuple(m >= t for m, t in zip(margins, self.thresholds, strict=True))

    def probabilities(self, text: str) -> dict[str, float] | None:
        margins = self.margins(text)
        if margins is None:
            return None
        return {h: 1 / (1 + math.exp(-m)) for h, m in zip(self.heads, margins, strict=True)}


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def encode_weights(entries: Sequence[tuple[int, Sequence[int]]], heads: int) -> str:
    """Sparse quantised weights as base64(zlib(varint bucket deltas ‖ int8 weights, entry-major))."""
    out = bytearray()
    previous = 0
    for index, _ in entries:
        delta = index - previous
        previous = index
        while True:
            byte = delta & 0x7F
            delta >>= 7
            out.append(byte | (0x80 if delta else 0))
            if not delta:
                break
    packed = array("b", [w for _, row in entries for w in row])
    assert all(len(row) == heads for _, row in entries)
    out.extend(packed.tobytes())
    return base64.b64encode(zlib.compress(bytes(out), 9)).decode("ascii")


def decode_weights(blob: str, count: int, heads: int, scale: Sequence[float]) -> dict[int, tuple[float, ...]]:
    raw = zlib.decompress(base64.b64decode(blob))
    indices = []
    position = previous = 0
    for _ in range(count):
        value = shift = 0
        while True:
            byte = raw[position]
            position += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        previous += value
        indices.append(previous)
    weights = array("b")
    weights.frombytes(raw[position:])
    if len(weights) != count * heads:
        raise ValueError("weight block has the wrong length")
    return {
        index: tuple(weights[i * heads + h] * scale[h] for h in range(heads))
        for i, index in enumerate(indices)
    }


def parse_model(data: dict[str, Any], origin: str) -> TextModel:
    try:
        if data.get("format") != FORMAT or int(data["format_version"]) != FORMAT_VERSION:
            raise ValueError(f"not a {FORMAT} file of format version {FORMAT_VERSION}")
        heads = tuple(str(h) for h in data["heads"])
        buckets = int(data["buckets"])
        if buckets & (buckets - 1):
            raise ValueError("buckets must be a power of two")
        scale = [float(s) for s in data["scale"]]
        bias = tuple(float(b) for b in data["bias"])
        thresholds = tuple(_logit(float(t)) for t in data["thresholds"])
        if not len(scale) == len(bias) == len(thresholds) == len(heads):
            raise ValueError("heads, bias, scale and thresholds differ in length")
        weights = decode_weights(data["weights"], int(data["entries"]), len(heads), scale)
        return TextModel(
            heads=heads,
            buckets=buckets,
            max_chars=int(data["max_chars"]),
            min_words=int(data["min_words"]),
            bias=bias,
            thresholds=thresholds,
            weights=weights,
            version=int(data["version"]),
            digest=hashlib.sha256(str(data["weights"]).encode("ascii")).hexdigest()[:8],
        )
    except (KeyError, TypeError, ValueError, zlib.error) as exc:
        raise RulePackError(f"text model cannot be read: {exc}", file=origin) from None


@cache
def builtin_text_model() -> TextModel:
    source = resources.files("scanner.rulepacks").joinpath(MODEL_FILE)
    origin = f"rules/{MODEL_FILE}"
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RulePackError(f"text model cannot be read: {exc}", file=origin) from None
    return parse_model(data, origin)
