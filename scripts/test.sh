#!/usr/bin/env bash
# Installs everything the tests need into .venv, then runs every check: lint, format, types, the
# layering contract and the whole test suite. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

echo "== ruff"
.venv/bin/ruff check scanner tests examples bench
.venv/bin/ruff format --check scanner tests examples bench
echo "== mypy (strict, scanner/)"
.venv/bin/mypy
echo "== import contracts"
.venv/bin/lint-imports
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing Chromium for the HTML report test"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if command -v chromium >/dev/null 2>&1; then
  export EXPOSURE_REQUIRE_BROWSER=1
fi
if [ "${EXPOSURE_NO_RIG:-0}" != 1 ]; then
  # The integration tests run against a real HiveServer2 (Spark Thrift Server), a Spark Connect
  # server and Hive's own metastore schema on PostgreSQL; with the rig started they must not skip.
  echo "== Hive rig"
  RIG_PYTHON=.venv/bin/python bash scripts/hive-rig.sh start >/dev/null
  export EXPOSURE_REQUIRE_RIG=1
fi
echo "== pytest"
.venv/bin/pytest "$@"
