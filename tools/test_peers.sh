#!/usr/bin/env bash
# The peer gate (`make test-peers`, run by CI): the own test suites of the Odoo and OCA
# modules our addons extend, run with pytest-odoo
#   - on a database with every addon of addons/ installed (a fully loaded registry, so
#     at_install tests run as they should), and
#   - on a baseline: the same Odoo modules, the same French company and language, none of
#     our addons. Its results are cached in $TL_CACHE/peer-baseline/ keyed by Odoo's source,
#     the modules' sources and versions and the suites, so CI rebuilds it only when those change.
# Both databases have demo data, as on Odoo's and OCA's own CI: OCA donation's tests use
# demo records (base.res_partner_1, donation_base.product_product_donation).
# It fails on any test failing with our addons that passes on the baseline, unless
# tests/peer_differences.yaml lists it (deliberate, or pending a fix).
#   tools/test_peers.sh [MODULE...]     default: every suite of PEER_SUITES below
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/tools/bootstrap.sh"
. "$ROOT/.run/env"
. "$ROOT/tools/db.sh"

# Odoo/OCA modules our addons extend. Add one when an addon starts extending it (mrp,
# membership, stock_picking_batch, queue_job...): a module that none of our addons
# installs is installed on both databases first.
PEER_SUITES="sale_stock purchase_stock stock maintenance hr_skills donation_base donation queue_job membership stock_picking_batch"
suites=("$@")
[ ${#suites[@]} -gt 0 ] || read -ra suites <<<"$PEER_SUITES"

out="$ROOT/.run/peers"
cache="$TL_CACHE/peer-baseline"
mkdir -p "$out" "$cache"
ours="tl_peers_ours_$$"
base="tl_peers_base_$$"
trap 'drop_db "$ours"; drop_db "${ours}_kept"; drop_db "$base"' EXIT
started=$(date +%s)

# run_suites DB RESULT_JSON LOG [NODEID...]: one pytest session (one registry load) for
# every suite, or for the tests given.
run_suites() {
    local db="$1" result="$2" log="$3" paths=() suite dir rc=0 t0
    shift 3
    paths=("$@")
    if [ ${#paths[@]} -eq 0 ]; then
        for suite in "${suites[@]}"; do
            for dir in $("$VENV/bin/python" -c "import sys; sys.path.insert(0, '$ROOT/tools')
from peers import module_dirs
print(*module_dirs('$suite'))"); do
                [ ! -d "$dir/tests" ] || paths+=("$dir/tests")
            done
        done
    fi
    set -- "$db" "$result" "$log"
    t0=$(date +%s)
    # --noconftest: our suite-wide guards (conftest.py) are not the peers'.
    TL_PEERS_RESULT="$2" PYTHONPATH="$ROOT/tools${PYTHONPATH:+:$PYTHONPATH}" \
        "$VENV/bin/python" -m pytest -c "$ROOT/pyproject.toml" --rootdir="$ROOT" --noconftest \
        -p pytest_peers -q --continue-on-collection-errors \
        --odoo-config="$ODOO_CONF" --odoo-database="$1" --odoo-http \
        --odoo-log-level="${TL_TEST_LOG_LEVEL:-critical}" "${paths[@]}" >"$3" 2>&1 || rc=$?
    if [ "$rc" -gt 1 ] || [ ! -s "$2" ]; then
        tail -n 60 "$3" >&2
        echo "[peers] pytest did not complete on $1 (exit $rc, log $3)" >&2
        return 1
    fi
    echo "[peers] $1: $(tail -n 1 "$3" | tr -d '=') in $(($(date +%s) - t0)) s (log $3)" >&2
}

# 1. With our addons (and the suites' modules, for one none of ours installs).
t0=$(date +%s)
echo "[peers] building the database with our addons" >&2
create_db "$ours" all "$(our_addons),$(IFS=,; echo "${suites[*]}")"
echo "[peers] built in $(($(date +%s) - t0)) s" >&2
psql -X -w -d "$ours" -tAc "select name || '=' || coalesce(latest_version, '') from
    ir_module_module where state = 'installed' and name <> all(string_to_array('$(our_addons)', ','))
    order by name" >"$out/modules.txt"
# 2. The baseline: cached by Odoo's and the modules' sources, module list and suites. When
# it is not cached, it is built and run in the background while our suites run (each is
# mostly one process: on 2 cores the two overlap).
key=$(ODOO_SRC="$ODOO_SRC" "$VENV/bin/python" "$ROOT/tools/peers.py" key "$out/modules.txt" "${suites[@]}")
baseline="$cache/$key.json"
baseline_job=
if [ -s "$baseline" ]; then
    echo "[peers] baseline results from the cache ($baseline)" >&2
else
    (
        t0=$(date +%s)
        echo "[peers] building the baseline database (same Odoo modules, no Tiers-Lieu addon)" >&2
        create_db "$base" all "$(cut -d= -f1 "$out/modules.txt" | paste -sd, -)"
        echo "[peers] baseline built in $(($(date +%s) - t0)) s" >&2
        run_suites "$base" "$out/base.json" "$out/base.log"
        drop_db "$base"
        cp "$out/base.json" "$baseline.part" && mv "$baseline.part" "$baseline"
    ) &
    baseline_job=$!
fi

# 1b. Our suites, on the database with our addons; a pristine copy is kept for re-runs
# (createdb -T: seconds).
ours_kept="${ours}_kept"
copy_db "$ours" "$ours_kept"
ours_rc=0
run_suites "$ours" "$out/ours.json" "$out/ours.log" || ours_rc=$?
drop_db "$ours"
if [ -n "$baseline_job" ] && ! wait "$baseline_job"; then
    echo "[peers] the baseline could not be built or run (log $ROOT/.run/logs/$base.log, $out/base.log)" >&2
    exit 1
fi
[ "$ours_rc" = 0 ] || exit "$ours_rc"

# 3. The gate. A new failure is re-run once on a fresh copy before it counts: on a loaded
# machine a tour step can time out (a failure that passes when re-run is reported as flaky).
gate() {
    TL_PEERS_NEW="$out/new.txt" "$VENV/bin/python" "$ROOT/tools/peers.py" compare \
        "$out/ours.json" "$baseline" "$ROOT/tests/peer_differences.yaml" "${suites[@]}"
}
rc=0
: >"$out/new.txt"
gate >"$out/gate.txt" || rc=$?
new=$(wc -l <"$out/new.txt")
if [ "$rc" != 0 ] && [ "$new" -gt 0 ] && [ "$new" -le 100 ]; then
    echo "[peers] re-running $new new failure(s) once" >&2
    mapfile -t ids < <("$VENV/bin/python" "$ROOT/tools/peers.py" nodeids "$out/new.txt")
    copy_db "$ours_kept" "$ours"
    run_suites "$ours" "$out/rerun.json" "$out/rerun.log" "${ids[@]}"
    drop_db "$ours"
    "$VENV/bin/python" "$ROOT/tools/peers.py" merge "$out/ours.json" "$out/rerun.json"
    rc=0
    gate >"$out/gate.txt" || rc=$?
fi
cat "$out/gate.txt"
echo "[peers] done in $(($(date +%s) - started)) s" >&2
exit "$rc"
