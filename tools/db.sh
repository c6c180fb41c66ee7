#!/usr/bin/env bash
# Database helpers shared by tools/run.sh and tools/test.sh (source .run/env first).
#   create_db NAME DEMO(yes|no) MODULES   French company and language, MODULES installed
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
    if grep -qE ' (ERROR|CRITICAL) ' "$log"; then
        echo "---- errors logged in $log ----" >&2
        grep -E ' (ERROR|CRITICAL) ' -A15 "$log" | head -n 80 >&2
        return 1
    fi
}

create_db() {
    local name="$1" demo="$2" modules="$3" log="$ROOT/.run/logs/$1.log" demo_opt=()
    [ "$demo" = yes ] || demo_opt=(--without-demo=all)
    rm -f "$log"
    dropdb --if-exists "$name" 2>/dev/null
    rm -rf "$ROOT/.run/data/filestore/$name"
    echo "[db] $name: base + French language" >&2
    odoo_step "$log" -d "$name" -i base "${demo_opt[@]}" --load-language=fr_FR --stop-after-init --no-http
    echo "[db] $name: French company and admin" >&2
    # Local demo and test databases only: admin / admin (the Docker path requires a secret).
    TL_ADMIN_PASSWORD="${TL_ADMIN_PASSWORD:-admin}" odoo_cmd shell -d "$name" --no-http --log-level=warn <"$ROOT/tools/configure_db.py" >>"$log" 2>&1 ||
        { tail -n 40 "$log" >&2; return 1; }
    echo "[db] $name: installing $modules" >&2
    odoo_step "$log" -d "$name" -i "$modules" "${demo_opt[@]}" --stop-after-init --no-http
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
        psql -X -w -q -d postgres -c "ALTER DATABASE \"${template}_build\" RENAME TO \"$template\""
        rm -rf "${filestore:?}/$template"
        [ ! -d "$filestore/${template}_build" ] || mv "$filestore/${template}_build" "$filestore/$template"
        echo "[db] built in $(($(date +%s) - started)) s" >&2
        # Keep the two newest templates of earlier states, drop the rest.
        psql -X -w -d postgres -tAc "select datname from pg_database where datname like 'tl\_tmpl\_%'
            and datname <> '$template' order by oid desc offset 2" | while read -r old; do
            dropdb --if-exists "$old" && rm -rf "${filestore:?}/$old"
        done
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
