"""Writes one CSV per negative shape into this folder: columns that real warehouses hold and that
must come out of `exposure classify` with no class. Deterministic (`random.Random(12)`):

    python tests/negatives/make_negatives.py
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import random
import uuid
from collections.abc import Callable
from pathlib import Path

from stdnum import luhn

HERE = Path(__file__).parent
ROWS = 385
rng = random.Random(12)


def luhn_failing(digits: int) -> str:
    while True:
        value = str(rng.randrange(10 ** (digits - 1), 10**digits))
        if not luhn.is_valid(value):
            return value


WORDS = ["alpha", "beta", "gamma", "delta", "ingest", "retry", "shard", "replica", "cache", "queue"]

SHAPES: dict[str, Callable[[int], str]] = {
    "full_precision_doubles": lambda i: repr(rng.random()),
    "negative_logits": lambda i: repr(rng.gauss(0, 3)),
    "scientific_notation": lambda i: f"{rng.random() * 10 ** rng.randint(-12, -3):.15e}",
    "embedding_json": lambda i: json.dumps([rng.random() for _ in range(8)]),
    "epoch_seconds": lambda i: str(1_600_000_000 + rng.randrange(200_000_000)),
    "epoch_milliseconds": lambda i: str(1_600_000_000_000 + rng.randrange(200_000_000_000)),
    "epoch_microseconds": lambda i: str(1_600_000_000_000_000 + rng.randrange(200_000_000_000_000)),
    "ids_13_digits_failing_luhn": lambda i: luhn_failing(13),
    "ids_16_digits_failing_luhn": lambda i: luhn_failing(16),
    "ids_19_digits_failing_luhn": lambda i: luhn_failing(19),
    "ids_9_digits_random": lambda i: f"{rng.randrange(10**9):09d}",
    "ids_9_digits_sequential": lambda i: str(512_340_001 + i),
    "uuids": lambda i: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    "sha256_digests": lambda i: hashlib.sha256(str(i).encode()).hexdigest(),
    "urls": lambda i: f"https://shop.example.com/p/{rng.choice(WORDS)}-{i}?ref=home&utm_source=mail",
    "user_agents": lambda i: rng.choice(
        [
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/124.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.4 Safari/605.1.15",
            "python-requests/2.31.0",
        ]
    ),
    "build_versions": lambda i: (
        f"{rng.randint(1, 12)}.{rng.randint(0, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 250)}"
    ),
    "skus": lambda i: f"SKU-{rng.choice('ABCDEFGH')}{rng.randint(100, 999)}-{rng.randint(10, 99)}",
    "coordinates": lambda i: f"{rng.uniform(-90, 90):.6f},{rng.uniform(-180, 180):.6f}",
    "base64_blobs": lambda i: base64.b64encode(rng.randbytes(48)).decode(),
    "json_configs": lambda i: json.dumps(
        {
            "retries": rng.randint(1, 5),
            "timeout_ms": rng.randint(100, 5000),
            "region": rng.choice(["eu-west-1", "us-east-1"]),
            "enabled": True,
        }
    ),
    "commit_messages": lambda i: rng.choice(
        [
            "fix(api): retry on 503 from billing",
            "feat: add export to parquet",
            "chore: bump ruff to 0.6",
            f"Merge pull request #{i} from acme/retries",
            "refactor(etl): split loader into stages",
        ]
    ),
    "alerts": lambda i: f"[FIRING:1] HighLatency p99 latency above {rng.randint(2, 9)}s on checkout-{i % 7}",
    "log_lines": lambda i: (
        f"2024-05-0{1 + i % 9}T10:{i % 60:02d}:00Z INFO worker-{i % 8} processed batch {i} "
        f"in {rng.randint(5, 900)}ms"
    ),
    "stack_traces": lambda i: (
        "java.lang.IllegalStateException: queue closed\n"
        f"\tat com.acme.ingest.Worker.run(Worker.java:{i % 300})"
    ),
    "headlines": lambda i: rng.choice(
        [
            "Fed Holds Rates Steady as Inflation Cools",
            "Storm Knocks Out Power to 40,000 Homes",
            "Local Team Clinches Title in Overtime Thriller",
            "Chipmaker Shares Jump After Earnings Beat",
            "City Council Approves New Bike Lanes Downtown",
        ]
    ),
    "sql": lambda i: (
        f"SELECT order_id, total FROM sales.orders WHERE created_at > '2024-0{1 + i % 9}-01' LIMIT {i}"
    ),
}


# A neutral name unless the shape cannot be told from a sensitive one without its name: a four-part
# build number is an IPv4 address by shape.
NAMES = {"build_versions": "build_version"}


def main() -> None:
    for shape, make in SHAPES.items():
        with (HERE / f"{shape}.csv").open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([NAMES.get(shape, "value")])
            for i in range(ROWS):
                writer.writerow([make(i)])


if __name__ == "__main__":
    main()
