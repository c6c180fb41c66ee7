#!/usr/bin/env bash
# Quality gate run by CI before the tests (`make lint`), and by pre-commit (each step is a
# hook of .pre-commit-config.yaml):
#   ruff      ruff check
#   format    ruff format --check
#   pylint    pylint-odoo, every odoolint check (.pylintrc)
#   readme    every addon's README.rst is up to date with its readme/*.md fragments
#   addons    icons, external_dependencies spelled as PyPI names, model file names
#
#   tools/lint.sh [--fix] [STEP...]    default: every step; --fix lets ruff fix and format in
#                                      place and regenerates the README.rst files first
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STEPS=(ruff format pylint readme addons)
fix=
if [ "${1:-}" = --fix ]; then
    fix=1
    shift
fi
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=("${STEPS[@]}")
"$ROOT/tools/bootstrap.sh"
. "$ROOT/.run/env"
cd "$ROOT"
paths=()
for path in addons tests bench tools conftest.py; do [ ! -e "$path" ] || paths+=("$path"); done
if [ -n "$fix" ]; then
    "$VENV/bin/ruff" check --fix "${paths[@]}"
    "$VENV/bin/ruff" format "${paths[@]}"
    "$VENV/bin/python" tools/gen_addon_readme.py
fi
for step in "${steps[@]}"; do
    echo "[lint] $step" >&2
    case "$step" in
    ruff) "$VENV/bin/ruff" check "${paths[@]}" ;;
    format) "$VENV/bin/ruff" format --check "${paths[@]}" ;;
    pylint) "$VENV/bin/pylint" --rcfile=.pylintrc addons/*/ ;;
    readme) "$VENV/bin/python" tools/gen_addon_readme.py --check ;;
    addons) "$VENV/bin/python" tools/check_addons.py ;;
    *)
        echo "[lint] unknown step $step (steps: ${STEPS[*]})" >&2
        exit 2
        ;;
    esac
done
echo "[lint] ok" >&2
