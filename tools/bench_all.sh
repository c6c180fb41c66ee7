#!/usr/bin/env bash
# `make bench`: the time to install the whole product with its demo data, then every
# bench/bench_*.py on a fresh copy of the installed database (tools/bench.sh), and one
# table of their figures (the `@@bench` lines of bench/common.py's report()).
#   tools/bench_all.sh [bench/bench_x.py ...]     (default: every script)
# Logs: .run/bench/<script>.log. Exits non-zero when a figure fails or a script breaks.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/tools/bootstrap.sh" || exit 1
. "$ROOT/.run/env"
. "$ROOT/tools/db.sh"

INSTALL_TARGET=180 # seconds, issue 20
logs="$ROOT/.run/bench"
mkdir -p "$logs"
rows="$logs/rows.tsv"
: >"$rows"
failed=0

# 1. The whole product with demo data, as `make run` builds it.
if [ -z "${TL_BENCH_SKIP_INSTALL:-}" ]; then
    demo_db="tl_bench_demo_$$"
    started=$(date +%s)
    if create_db "$demo_db" yes tiers_lieu_farm >"$logs/install.log" 2>&1; then
        seconds=$(($(date +%s) - started))
        verdict=pass
        [ "$seconds" -lt "$INSTALL_TARGET" ] || { verdict=FAIL; failed=1; }
        printf 'install of the product with demo\t%s s\t< %s s\t%s\n' "$seconds" "$INSTALL_TARGET" "$verdict" >>"$rows"
    else
        printf 'install of the product with demo\terror (see %s)\t< %s s\tFAIL\n' "$logs/install.log" "$INSTALL_TARGET" >>"$rows"
        failed=1
    fi
    drop_db "$demo_db"
fi

# 2. Every benchmark, each on its own fresh database.
scripts=("$@")
[ ${#scripts[@]} -gt 0 ] || mapfile -t scripts < <(cd "$ROOT" && ls bench/bench_*.py)
for script in "${scripts[@]}"; do
    name=$(basename "$script" .py)
    echo "[bench] $name" >&2
    if "$ROOT/tools/bench.sh" "$script" >"$logs/$name.log" 2>&1; then
        if grep -q $'^@@bench\t' "$logs/$name.log"; then
            grep $'^@@bench\t' "$logs/$name.log" | cut -f2- >>"$rows"
        else
            printf '%s\tran (figures in %s)\t-\tpass\n' "$name" ".run/bench/$name.log" >>"$rows"
        fi
    else
        printf '%s\terror (see %s)\t-\tFAIL\n' "$name" ".run/bench/$name.log" >>"$rows"
    fi
done
grep -q $'\tFAIL$' "$rows" && failed=1

# 3. The table.
"$VENV/bin/python" - "$rows" <<'PY'
import sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
header = ["Figure", "Value", "Target", "Result"]
widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
line = "+-" + "-+-".join("-" * w for w in widths) + "-+"
print(line)
print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
print(line)
for row in rows:
    print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")
print(line)
PY
exit $failed
