#!/usr/bin/env bash
# Database helpers shared by tools/run.sh and tools/test.sh (source .run/env first).
#   create_db NAME DEMO(yes|no|all) MODULES   French company and language, MODULES installed
#                                         (DEMO=yes: demo data of our addons only; all: every
#                                         module's, as Odoo's and OCA's own CI, for the peer gate)
#   install_theirs NAME MODULES           Odoo's/OCA's modules MODULES need, without demo
#   our_addons                            comma-separated list of every addon in addons/

# odoo_cmd [SUBCOMMAND] OPTIONS...: Odoo from the venv with our configuration.
odoo_cmd() {
    local sub=()
    if [ $# -gt 0 ] && [[ $1 != -* ]]; then
        sub=("$1")
        shift
    fi
    "$VENV/bin/python" -m odoo "${sub[@]}" -c "$ODOO_CONF" "$@"
}

db_exists() { [ "$(psql -X -w -d postgres -tAc "select 1 from pg_database where datname='$1'")" = 1 ]; }

our_addons() {
    (cd "$ROOT/addons" && ls -d */__manifest__.py 2>/dev/null | cut -d/ -f1 | paste -sd, -)
}

# Runs an Odoo step, its log in .run/logs; shows the log's end and fails when the step fails.
odoo_step() {
    local log="$1"
    shift
    mkdir -p "$(dirname "$log")"
    if ! odoo_cmd --logfile="$log" "$@"; then
        echo "---- last lines of $log ----" >&2
        tail -n 60 "$log" >&2
        return 1
    fi
    # Odoo only warns when a module's demo data fails, and installs it without.
    local errors=' (ERROR|CRITICAL) |demo data failed to install'
    if grep -qE "$errors" "$log"; then
        echo "---- errors logged in $log ----" >&2
        grep -E "$errors" -A15 "$log" | head -n 80 >&2
        return 1
    fi
}

# their_dependencies MODULES: comma-separated modules that are not ours (Odoo's, OCA's) and
# that MODULES need, directly or through our other addons.
their_dependencies() {
    "$VENV/bin/python" - "$ROOT/addons" "$1" <<'PY'
import ast, sys
from pathlib import Path

addons = Path(sys.argv[1])
ours = {p.parent.name: p for p in addons.glob("*/__manifest__.py")}
todo, seen, theirs = sys.argv[2].split(","), set(), set()
while todo:
    name = todo.pop()
    if name in seen:
        continue
    seen.add(name)
    if name in ours:
        todo += ast.literal_eval(ours[name].read_text()).get("depends", [])
    else:
        theirs.add(name)
print(",".join(sorted(theirs)))
PY
}

# install_theirs NAME MODULES: on a demo database, the modules that are not ours and that
# MODULES need, without their demo data.
install_theirs() {
    local name="$1" theirs missing
    theirs=$(their_dependencies "$2")
    missing=$(psql -X -w -d "$name" -tAc "SELECT string_agg(name, ',') FROM ir_module_module
        WHERE state <> 'installed' AND name = ANY(string_to_array('$theirs', ','))")
    if [ -n "$missing" ]; then
        echo "[db] $name: installing $missing without demo data" >&2
        odoo_step "$ROOT/.run/logs/$name.log" -d "$name" -i "$missing" --without-demo=all \
            --stop-after-init --no-http
    fi
    # Odoo loads a module's demo data only when its dependencies have theirs
    # (ir_module_module.demo): flag the installed modules so that ours load their demo.
    # Theirs are not reloaded: Odoo loads demo data at install, and at an update only of
    # the modules updated (tools/run.sh updates ours only).
    psql -X -w -q -d "$name" -c "UPDATE ir_module_module SET demo = true WHERE state = 'installed'"
}

create_db() {
    local name="$1" demo="$2" modules="$3" log="$ROOT/.run/logs/$1.log"
    rm -f "$log"
    dropdb --if-exists "$name" 2>/dev/null
    rm -rf "$ROOT/.run/data/filestore/$name"
    # Odoo's and OCA's modules never get their demo data: it would fill our lists with
    # American companies, furniture orders and donors (README, "Demo data").
    echo "[db] $name: base + French language" >&2
    local base_demo=(--without-demo=all)
    [ "$demo" != all ] || base_demo=()
    odoo_step "$log" -d "$name" -i base "${base_demo[@]}" --load-language=fr_FR --stop-after-init --no-http
    echo "[db] $name: French company and admin" >&2
    # Local demo and test databases only: admin / admin (the Docker path requires a secret).
    TL_ADMIN_PASSWORD="${TL_ADMIN_PASSWORD:-admin}" odoo_cmd shell -d "$name" --no-http --log-level=warn <"$ROOT/tools/configure_db.py" >>"$log" 2>&1 ||
        { tail -n 40 "$log" >&2; return 1; }
    if [ "$demo" = no ]; then
        echo "[db] $name: installing $modules" >&2
        odoo_step "$log" -d "$name" -i "$modules" --without-demo=all --stop-after-init --no-http
        return
    fi
    if [ "$demo" = all ]; then
        # The first step installed base and its auto-installed modules: only the others
        # are installed (named again, installed modules would be updated).
        modules=$(psql -X -w -d "$name" -tAc "SELECT string_agg(m, ',') FROM
            unnest(string_to_array('$modules', ',')) AS m WHERE m NOT IN
            (SELECT name FROM ir_module_module WHERE state = 'installed')")
    else
        install_theirs "$name" "$modules"
    fi
    echo "[db] $name: installing $modules with demo data" >&2
    odoo_step "$log" -d "$name" -i "$modules" --stop-after-init --no-http
}

# Prints the name of a database with every addon of addons/ installed, without demo data,
# building it when the addons, Odoo or requirements changed (tl_tmpl_<hash>). Callers copy
# it with copy_db rather than use it.
ensure_template() {
    local modules hash template started filestore="$ROOT/.run/data/filestore"
    modules=$(our_addons)
    [ -n "$modules" ] || { echo "No addon found in addons/" >&2; return 1; }
    # Tests are not part of the installed state: changing them does not rebuild. The
    # checkout path is: its filestore lives in its own .run/.
    hash=$( (cd "$ROOT" && find addons tools/configure_db.py tools/db.sh requirements.txt -type f \
        ! -path '*/__pycache__/*' ! -path '*/tests/*' ! -name '*.pyc' -print0 | sort -z |
        xargs -0 sha256sum; echo "$ODOO_SRC $ROOT") | sha256sum | cut -c1-12)
    template="tl_tmpl_$hash"
    if ! db_exists "$template"; then
        started=$(date +%s)
        echo "[db] building the installed database $template ($modules)" >&2
        create_db "${template}_build" no "$modules" || return 1
        # A warning about our models at registry set-up (a field overriding a selection,
        # a model without access rules...) is logged at every start: fail on it here.
        local ours_warned=' WARNING [^ ]+ odoo\.[a-z_.]+: .*tiers_lieu'
        if grep -E "$ours_warned" "$ROOT/.run/logs/${template}_build.log" | sort -u | head -n 20 | grep . >&2; then
            echo "[db] warnings about our addons in $ROOT/.run/logs/${template}_build.log" >&2
            return 1
        fi
        psql -X -w -q -d postgres -c "ALTER DATABASE \"${template}_build\" RENAME TO \"$template\""
        rm -rf "${filestore:?}/$template"
        [ ! -d "$filestore/${template}_build" ] || mv "$filestore/${template}_build" "$filestore/$template"
        echo "[db] built in $(($(date +%s) - started)) s" >&2
        # Keep this checkout's two newest templates of earlier states, drop its older ones
        # (other checkouts on the same server keep theirs: they may be testing right now).
        local built="$ROOT/.run/templates"
        echo "$template" >>"$built"
        head -n -3 "$built" | while read -r old; do
            dropdb --if-exists "$old" && rm -rf "${filestore:?}/$old"
        done
        tail -n 3 "$built" >"$built.tmp" && mv "$built.tmp" "$built"
    fi
    echo "$template"
}

# copy_db SOURCE TARGET: database and filestore (createdb -T takes < 1 s).
copy_db() {
    local filestore="$ROOT/.run/data/filestore"
    dropdb --if-exists "$2" 2>/dev/null
    createdb -T "$1" "$2"
    rm -rf "${filestore:?}/$2"
    [ ! -d "$filestore/$1" ] || cp -a "$filestore/$1" "$filestore/$2"
}

# drop_db NAME: database and filestore.
drop_db() {
    dropdb --if-exists "$1" 2>/dev/null || true
    rm -rf "$ROOT/.run/data/filestore/${1:?}"
}
