"""Train the text model shipped in rules/text_model.json, and report it on a held-out split.

    pip install -e '.[bench]'                 # numpy, for training only
    python bench/train_text_model.py          # report the held-out split, then write the model
    python bench/train_text_model.py --check  # fail if the committed model is not what training gives

Corpus: bench/data/text/*.txt (hand-written, one value per line, in author blocks `@a`, `@b`, …;
a file's `# labels:` line gives its labels) and bench/text_templates.py (slot-filled templates).
Held out: the last author block of every file and every fourth template of every kind — whole
authors and templates, never single lines, so the split measures whether a kind of text was learned
rather than a sentence. The held-out figures come from a model trained without them; the shipped
model is then trained on everything with the same settings.

Model: one logistic head per label over hashed features (scanner/textmodel.py: character 3–5-grams
of words, word unigrams and bigrams, shape tokens), each value's features scaled by 1/sqrt(count).
Full-batch Adam with L2, a fixed number of steps and no randomness, so the same corpus gives the
same bytes. Weights are pruned to the strongest buckets and quantised to int8 per head.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.text_templates import generate  # noqa: E402
from scanner.rules import holds  # noqa: E402
from scanner.textmodel import (  # noqa: E402
    FORMAT,
    FORMAT_VERSION,
    TextModel,
    bucket,
    encode_weights,
    features,
    parse_model,
    tokenize,
)

CORPUS = ROOT / "bench" / "data" / "text"
OUTPUT = ROOT / "rules" / "text_model.json"
HEADS = ("free_text", "conversation", "performance_review", "medical", "tax")
MODEL_VERSION = 1
BUCKETS = 1 << 18
MAX_CHARS = 1000
MIN_WORDS = 2
STEPS = 400
LEARNING_RATE = 0.05
L2 = 3e-5
MAX_ENTRIES = 24_000
THRESHOLD = 0.5
# The column decision the packs use (rules/classifiers/*.yaml, `model:`), for the column-level report.
COLUMN_SHARE, COLUMN_LOWER = 0.5, 0.3
MAX_STYLE_RATIO = 5.0
# Heads whose negatives are reweighted to the positives' styles. Not free_text: how text is written
# (Title Case, full punctuation) is part of what tells published copy from a person's writing.
STYLE_BALANCED = ("conversation", "performance_review", "medical", "tax")


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]
    genre: str
    group: str
    heldout: bool


def read_corpus(folder: Path = CORPUS) -> list[Example]:
    examples = []
    for path in sorted(folder.glob("*.txt")):
        labels: frozenset[str] | None = None
        blocks: list[tuple[str, list[str]]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# labels:"):
                labels = frozenset(line.split(":", 1)[1].split())
            elif line.startswith("#") or not line.strip():
                continue
            elif line.startswith("@"):
                blocks.append((line[1:].strip(), []))
            else:
                if not blocks:
                    raise SystemExit(f"{path.name}: a line before the first @author block")
                blocks[-1][1].append(line.replace("\\n", "\n"))
        if labels is None or len(blocks) < 2:
            raise SystemExit(f"{path.name}: needs a '# labels:' line and at least two author blocks")
        unknown = labels - set(HEADS)
        if unknown:
            raise SystemExit(f"{path.name}: unknown labels {sorted(unknown)}")
        for index, (author, lines) in enumerate(blocks):
            for text in lines:
                examples.append(
                    Example(text, labels, path.stem, f"{path.stem}@{author}", index == len(blocks) - 1)
                )
    for t in generate():
        examples.append(Example(t.text, frozenset(t.labels), t.genre, t.group, t.heldout))
    # Values the model never judges (fewer than MIN_WORDS words) teach it nothing.
    return [e for e in examples if tokenize(e.text, MAX_CHARS)[2] >= MIN_WORDS]


@dataclass
class Matrix:
    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    rows: np.ndarray  # row of every stored entry

    @property
    def n(self) -> int:
        return len(self.indptr) - 1


def featurise(texts: Sequence[str]) -> Matrix:
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for text in texts:
        feats = features(text, MAX_CHARS)
        counts = Counter(bucket(f, BUCKETS) for f in feats)
        scale = 1 / np.sqrt(len(feats))
        for index in sorted(counts):
            indices.append(index)
            data.append(counts[index] * scale)
        indptr.append(len(indices))
    ip = np.array(indptr, dtype=np.int64)
    return Matrix(
        ip,
        np.array(indices, dtype=np.int64),
        np.array(data, dtype=np.float64),
        np.repeat(np.arange(len(texts)), np.diff(ip)),
    )


def _margins(x: Matrix, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    contributions = weights[x.indices] * x.data[:, None]
    return np.add.reduceat(contributions, x.indptr[:-1], axis=0) + bias


def style(text: str) -> tuple[str, bool, bool]:
    """A value's style apart from its words: length, sentence punctuation, capitalisation."""
    tokens, shape, _ = tokenize(text, MAX_CHARS)
    n = len(tokens)
    size = "short" if n <= 5 else "line" if n <= 12 else "sentences" if n <= 30 else "paragraph"
    return size, "." in tokens, "s:lower" not in shape


def sample_weights(examples: Sequence[Example], y: np.ndarray) -> np.ndarray:
    """Per head, positives and negatives weigh half each; inside each, every kind of text weighs the
    same. Negatives are then reweighted so their styles (length, punctuation, casing) occur as often
    as among the positives: style alone then says nothing, and the model must learn what the text
    is about. Otherwise "long, punctuated prose" would mean a review only because most negatives
    are chat lines."""
    sizes = Counter(e.genre for e in examples)
    base = np.array([1.0 / sizes[e.genre] for e in examples])
    styles = [style(e.text) for e in examples]
    out = np.zeros_like(y)
    for h in range(y.shape[1]):
        pos = y[:, h] == 1
        weights = base.copy()
        if HEADS[h] not in STYLE_BALANCED:
            out[pos, h] = 0.5 * weights[pos] / weights[pos].sum()
            out[~pos, h] = 0.5 * weights[~pos] / weights[~pos].sum()
            continue
        pos_style: Counter[tuple[str, bool, bool]] = Counter()
        neg_style: Counter[tuple[str, bool, bool]] = Counter()
        for i, s in enumerate(styles):
            (pos_style if pos[i] else neg_style)[s] += base[i]
        pos_total, neg_total = sum(pos_style.values()), sum(neg_style.values())
        for i, s in enumerate(styles):
            if not pos[i]:
                ratio = (pos_style[s] / pos_total) / (neg_style[s] / neg_total)
                weights[i] *= min(MAX_STYLE_RATIO, max(1 / MAX_STYLE_RATIO, ratio))
        out[pos, h] = 0.5 * weights[pos] / weights[pos].sum()
        out[~pos, h] = 0.5 * weights[~pos] / weights[~pos].sum()
    return out


def train(
    x: Matrix,
    y: np.ndarray,
    weights: np.ndarray,
    mask: np.ndarray | None = None,
    start: tuple[np.ndarray, np.ndarray] | None = None,
    steps: int = STEPS,
) -> tuple[np.ndarray, np.ndarray]:
    heads = y.shape[1]
    w = np.zeros((BUCKETS, heads)) if start is None else start[0].copy()
    b = np.zeros(heads) if start is None else start[1].copy()
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        p = 1 / (1 + np.exp(-_margins(x, w, b)))
        err = (p - y) * weights
        grad_w = np.stack(
            [
                np.bincount(x.indices, weights=x.data * err[x.rows, h], minlength=BUCKETS)
                for h in range(heads)
            ],
            axis=1,
        )
        grad_w += L2 * w
        grad_b = err.sum(axis=0)
        if mask is not None:
            grad_w *= mask[:, None]
        m_w = beta1 * m_w + (1 - beta1) * grad_w
        v_w = beta2 * v_w + (1 - beta2) * grad_w * grad_w
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b * grad_b
        lr = LEARNING_RATE * np.sqrt(1 - beta2**step) / (1 - beta1**step)
        w -= lr * m_w / (np.sqrt(v_w) + eps)
        b -= lr * m_b / (np.sqrt(v_b) + eps)
        if mask is not None:
            w *= mask[:, None]
    return w, b


def fit(examples: Sequence[Example]) -> dict[str, object]:
    """Train, prune to the strongest buckets, train again on those, quantise: the model file's data."""
    x = featurise([e.text for e in examples])
    y = np.array([[1.0 if h in e.labels else 0.0 for h in HEADS] for e in examples])
    weights = sample_weights(examples, y)
    w, b = train(x, y, weights)
    strength = np.abs(w).max(axis=1)
    order = np.argsort(-strength, kind="stable")[:MAX_ENTRIES]
    mask = np.zeros(BUCKETS)
    mask[order[strength[order] > 0]] = 1.0
    w, b = train(x, y, weights, mask=mask, start=(w * mask[:, None], b), steps=STEPS // 2)
    scale = np.abs(w).max(axis=0) / 127
    scale = np.where(scale > 0, scale, 1.0)
    scale = np.array([float(f"{s:.6g}") for s in scale])
    q = np.clip(np.rint(w / scale), -127, 127).astype(np.int64)
    entries = [(int(i), [int(v) for v in q[i]]) for i in np.flatnonzero(np.abs(q).sum(axis=1))]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "version": MODEL_VERSION,
        "trained_by": "bench/train_text_model.py",
        "corpus": "bench/data/text/*.txt and bench/text_templates.py",
        "examples": len(examples),
        "heads": list(HEADS),
        "buckets": BUCKETS,
        "max_chars": MAX_CHARS,
        "min_words": MIN_WORDS,
        "thresholds": [THRESHOLD] * len(HEADS),
        "bias": [round(float(v), 6) for v in b],
        "scale": [float(s) for s in scale],
        "entries": len(entries),
        "weights": encode_weights(entries, len(HEADS)),
    }


def evaluate(model: TextModel, examples: Sequence[Example]) -> None:
    print(f"{'head':<20} {'pos':>5} {'TP':>5} {'FP':>5} {'FN':>5} {'precision':>10} {'recall':>8}")
    wrong: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    results = []
    for e in examples:
        votes = model.votes(e.text)
        results.append(votes)
        totals[e.genre] += 1
    for h, head in enumerate(HEADS):
        tp = fp = fn = pos = 0
        for e, votes in zip(examples, results, strict=True):
            want = head in e.labels
            got = bool(votes and votes[h])
            pos += want
            tp += want and got
            fp += got and not want
            fn += want and not got
            if got != want:
                wrong[e.genre][head] += 1
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"{head:<20} {pos:>5} {tp:>5} {fp:>5} {fn:>5} {precision:>10.3f} {recall:>8.3f}")
    # Column level, as a scan decides: each held-out author block or template is one column.
    groups: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(examples):
        groups[e.group].append(i)
    print("\nheld-out columns (one per author block or template; share >= 0.5, 95 % lower bound >= 0.3):")
    print(f"{'head':<20} {'columns':>7} {'TP':>5} {'FP':>5} {'FN':>5}")
    missed: list[str] = []
    for h, head in enumerate(HEADS):
        tp = fp = fn = pos = 0
        for group, rows in sorted(groups.items()):
            judged = [results[i] for i in rows if results[i] is not None]
            votes = sum(bool(v[h]) for v in judged if v)
            got = holds(votes, len(judged), COLUMN_SHARE, COLUMN_LOWER)
            want = head in examples[rows[0]].labels
            pos += want
            tp += got and want
            fp += got and not want
            fn += want and not got
            if got != want:
                missed.append(f"{'FP' if got else 'FN'} {head} {group} ({votes}/{len(judged)})")
        print(f"{head:<20} {pos:>7} {tp:>5} {fp:>5} {fn:>5}")
    for line in missed:
        print(f"  {line}")
    print("\nheld-out errors by kind of text (values wrong per head / values):")
    for genre in sorted(wrong):
        detail = ", ".join(f"{h} {n}" for h, n in sorted(wrong[genre].items()))
        print(f"  {genre:<26} {detail}  (of {totals[genre]})")


def render(data: dict[str, object]) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed model, write nothing"
    )
    parser.add_argument("--no-heldout", action="store_true", help="skip the held-out report")
    args = parser.parse_args()
    examples = read_corpus()
    train_set = [e for e in examples if not e.heldout]
    heldout = [e for e in examples if e.heldout]
    groups = len({e.group for e in examples})
    print(f"corpus: {len(examples)} values in {groups} authors/templates; held out {len(heldout)}")
    if not args.no_heldout:
        print(f"\n== held-out split (model trained on the other {len(train_set)} values)")
        evaluate(parse_model(fit(train_set), "held-out model"), heldout)
    text = render(fit(examples))
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            raise SystemExit(f"{OUTPUT.relative_to(ROOT)} differs from what training gives")
        print(f"\n{OUTPUT.relative_to(ROOT)} is what training gives")
        return
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"\nwrote {OUTPUT.relative_to(ROOT)} ({len(text.encode()) // 1024} KiB)")


if __name__ == "__main__":
    main()
