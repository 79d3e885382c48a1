"""The real Hive rig: PostgreSQL with Hive's own metastore schema and a Spark Thrift Server
(HiveServer2 protocol), started by scripts/hive-rig.sh.

`scripts/test.sh` starts the rig and sets EXPOSURE_REQUIRE_RIG=1, so in CI these tests fail instead
of skipping when the rig is missing. Elsewhere they skip with the reason.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RIG_DIR = Path(os.environ.get("EXPOSURE_RIG_DIR", "/tmp/exposure-hive-rig"))


@dataclass(frozen=True)
class Rig:
    hive_port: int
    metastore_port: int
    metastore_user: str
    metastore_db: str
    password_file: Path

    @property
    def hive_url(self) -> str:
        return f"hive://alice@127.0.0.1:{self.hive_port}/?connect_timeout=10&query_timeout=120"

    @property
    def metastore_url(self) -> str:
        return (
            f"metastore+postgresql://{self.metastore_user}@127.0.0.1:{self.metastore_port}/"
            f"{self.metastore_db}?password_file={self.password_file}"
        )

    def metastore(self) -> Any:
        import psycopg

        return psycopg.connect(
            host="127.0.0.1",
            port=self.metastore_port,
            user=self.metastore_user,
            password=self.password_file.read_text().strip(),
            dbname=self.metastore_db,
            autocommit=True,
        )

    def hive(self) -> Any:
        from pyhive import hive

        return hive.connect(host="127.0.0.1", port=self.hive_port, username="alice", auth="NONE")


def _read_env(path: Path) -> dict[str, str]:
    env = {}
    for line in path.read_text().splitlines():
        key, sep, value = line.partition("=")
        if sep:
            env[key.strip()] = value.strip()
    return env


@pytest.fixture(scope="session")
def rig() -> Iterator[Rig]:
    env_file = RIG_DIR / "rig.env"
    required = os.environ.get("EXPOSURE_REQUIRE_RIG") == "1"
    if not env_file.is_file():
        if os.environ.get("EXPOSURE_START_RIG") == "1":
            subprocess.run(["bash", str(ROOT / "scripts" / "hive-rig.sh"), "start", str(RIG_DIR)], check=True)
        else:
            reason = f"no Hive rig at {RIG_DIR} (start it with scripts/hive-rig.sh start)"
            if required:
                pytest.fail(reason)
            pytest.skip(reason)
    env = _read_env(env_file)
    yield Rig(
        hive_port=int(env["EXPOSURE_HIVE_PORT"]),
        metastore_port=int(env["EXPOSURE_METASTORE_PORT"]),
        metastore_user=env["EXPOSURE_METASTORE_USER"],
        metastore_db=env["EXPOSURE_METASTORE_DB"],
        password_file=Path(env["EXPOSURE_METASTORE_PASSWORD_FILE"]),
    )
