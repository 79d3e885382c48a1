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
echo "== pytest"
.venv/bin/pytest "$@"
