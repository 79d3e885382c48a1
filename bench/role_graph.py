"""How long resolving readers through role graphs takes: diamonds, long chains, wide fan-outs and a
cycle. Prints one line per graph; tests assert correctness, this script only measures.

    python bench/role_graph.py [--layers 30] [--chain 10000] [--repeat 3]

A diamond of N layers has two roles per layer, each a member of both roles above, the last layer in
`public`: 2^N distinct chains lead from the granted roles to public. Enumerating chains (the naive
recursive walk) is exponential in N; a walk that visits each role once is linear in memberships.
`read` is parsing the grants script, `evaluate` is AccessModel.table_access for the granted table
(the best of --repeat runs, each on a fresh model so nothing is cached between runs).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scanner.evaluate import AccessModel, AccessPolicy  # noqa: E402
from scanner.grants import read_grants  # noqa: E402
from scanner.models import Column, GrantSet, Table  # noqa: E402
from scanner.rules import load_rulebook  # noqa: E402

TABLE = Table("hr", "people", (Column("ssn", "string"),))


def diamond(layers: int) -> str:
    lines = ["GRANT SELECT ON TABLE hr.people TO ROLE l0a;", "GRANT SELECT ON TABLE hr.people TO ROLE l0b;"]
    for layer in range(layers):
        for upper in "ab":
            lines.append(f"GRANT ROLE l{layer}{upper} TO ROLE l{layer + 1}a, ROLE l{layer + 1}b;")
    lines.append(f"GRANT ROLE l{layers}a TO ROLE public;")
    return "\n".join(lines) + "\n"


def chain(depth: int) -> str:
    lines = ["GRANT SELECT ON TABLE hr.people TO ROLE r0;"]
    lines += [f"GRANT ROLE r{i} TO ROLE r{i + 1};" for i in range(depth)]
    lines.append(f"GRANT ROLE r{depth} TO ROLE public;")
    return "\n".join(lines) + "\n"


def fan_out(width: int) -> str:
    lines = ["GRANT SELECT ON TABLE hr.people TO ROLE wide;"]
    lines += [f"GRANT ROLE wide TO USER u{i};" for i in range(width)]
    return "\n".join(lines) + "\n"


def cycle(size: int) -> str:
    lines = ["GRANT SELECT ON TABLE hr.people TO ROLE c0;"]
    lines += [f"GRANT ROLE c{i} TO ROLE c{(i + 1) % size};" for i in range(size)]
    return "\n".join(lines) + "\n"


def best_of(repeat: int, action: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def measure(name: str, script: str, repeat: int, policy: AccessPolicy) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "grants.sql"
        path.write_text(script)
        read_seconds, grant_set = best_of(repeat, lambda: read_grants([path]))
    assert isinstance(grant_set, GrantSet)
    evaluate_seconds, _ = best_of(repeat, lambda: AccessModel(grant_set, policy).table_access(TABLE))
    model = AccessModel(grant_set, policy)
    access = model.table_access(TABLE)
    paths = access.paths
    print(
        f"{name:<28} {len(grant_set.memberships):>7} memberships  read {read_seconds:7.3f} s  "
        f"evaluate {evaluate_seconds:7.4f} s  breadth {access.breadth.value:<8} "
        f"{len(paths)} paths, longest chain {max((len(p.via_roles) for p in paths), default=0)}, "
        f"{len(model.warnings)} cycle warning(s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=30)
    parser.add_argument("--chain", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    policy = AccessPolicy.from_rules(load_rulebook().exposure)
    measure(f"diamond, {args.layers} layers", diamond(args.layers), args.repeat, policy)
    measure(f"chain, {args.chain} roles", chain(args.chain), args.repeat, policy)
    measure(f"fan-out, {args.chain} users", fan_out(args.chain), args.repeat, policy)
    measure(f"cycle, {args.chain} roles", cycle(args.chain), args.repeat, policy)


if __name__ == "__main__":
    main()
