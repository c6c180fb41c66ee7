#!/usr/bin/env bash
# Quality gate run by CI before the tests: ruff (lint + format) and pylint-odoo's
# mandatory checks. `tools/lint.sh --fix` lets ruff fix and format in place.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/tools/bootstrap.sh"
. "$ROOT/.run/env"
cd "$ROOT"
paths=()
for path in addons tests bench tools conftest.py; do [ ! -e "$path" ] || paths+=("$path"); done
if [ "${1:-}" = --fix ]; then
    "$VENV/bin/ruff" check --fix "${paths[@]}"
    "$VENV/bin/ruff" format "${paths[@]}"
fi
echo "[lint] ruff check" >&2
"$VENV/bin/ruff" check "${paths[@]}"
echo "[lint] ruff format --check" >&2
"$VENV/bin/ruff" format --check "${paths[@]}"
echo "[lint] pylint-odoo (mandatory checks)" >&2
"$VENV/bin/pylint" --rcfile=.pylintrc-mandatory addons/*/
echo "[lint] ok" >&2
