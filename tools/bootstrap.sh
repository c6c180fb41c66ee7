#!/usr/bin/env bash
# Sets up what a run or a test needs and is missing, then writes .run/env and
# .run/odoo.conf. Re-running it reuses everything that is still valid.
#
#   tools/bootstrap.sh          # everything
#   . .run/env                  # afterwards: ODOO_SRC, PG*, VENV, ODOO_CONF
#
# Parts and where they come from:
#   Odoo 18.0 source  $ODOO_SRC, else $TL_CACHE/odoo-18.0, else Odoo's nightly tarball
#   Python            .venv with Odoo's requirements, ours, and Odoo itself (pip -e)
#   PostgreSQL        PG* variables, else 127.0.0.1:5432, else an embedded cluster in .run/pg
#   System packages   Debian packages, installed with apt-get when missing and possible
#   OctoPrint         its own venv in $TL_CACHE/octoprint-<version> (test peer), path in TL_OCTOPRINT
#
# TL_VENV (default .venv) and TL_HTTP_PORT (default 8069, the tests' HTTP server too) let
# several checkouts of the project share one virtualenv and test side by side.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN="$ROOT/.run"
VENV="${TL_VENV:-$ROOT/.venv}"
TL_CACHE="${TL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tiers-lieu-erp}"
ODOO_NIGHTLY_URL="${ODOO_NIGHTLY_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}"
PYTHON="${PYTHON:-python3}"
mkdir -p "$RUN"

say() { printf '[bootstrap] %s\n' "$*" >&2; }
die() {
    printf '[bootstrap] ERROR: %s\n' "$*" >&2
    exit 1
}

# --- Odoo 18.0 source -------------------------------------------------------
is_odoo18() {
    [ -f "$1/odoo/release.py" ] && [ -f "$1/setup.py" ] && [ -f "$1/requirements.txt" ] &&
        grep -qE '^version_info = \(18, 0,' "$1/odoo/release.py"
}

find_odoo() {
    if [ -n "${ODOO_SRC:-}" ]; then
        is_odoo18 "$ODOO_SRC" || die "ODOO_SRC=$ODOO_SRC is not an Odoo 18.0 source tree
(expected setup.py, requirements.txt and odoo/release.py with version_info = (18, 0, ...))."
        return
    fi
    if is_odoo18 "$TL_CACHE/odoo-18.0"; then
        ODOO_SRC="$TL_CACHE/odoo-18.0"
        return
    fi
    say "No Odoo source in \$ODOO_SRC or $TL_CACHE/odoo-18.0: downloading $ODOO_NIGHTLY_URL"
    mkdir -p "$TL_CACHE"
    local tmp="$TL_CACHE/odoo-18.0.part"
    rm -rf "$tmp" && mkdir -p "$tmp"
    if curl -fsSL --retry 2 --connect-timeout 20 "$ODOO_NIGHTLY_URL" -o "$TL_CACHE/odoo_18.0.tar.gz" &&
        tar -xzf "$TL_CACHE/odoo_18.0.tar.gz" -C "$tmp" --strip-components=1 &&
        is_odoo18 "$tmp"; then
        rm -rf "$TL_CACHE/odoo-18.0" && mv "$tmp" "$TL_CACHE/odoo-18.0"
        rm -f "$TL_CACHE/odoo_18.0.tar.gz"
        ODOO_SRC="$TL_CACHE/odoo-18.0"
        return
    fi
    rm -rf "$tmp"
    die "Odoo 18.0 Community source not found and not downloadable.
Provide it in one of these ways, then run the command again:
  - export ODOO_SRC=/path/to/odoo-18.0   (a source tree: setup.py, requirements.txt, odoo/)
  - unpack Odoo's 18.0 source tarball into $TL_CACHE/odoo-18.0
    (https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz, top folder stripped)"
}

# --- Debian packages ----------------------------------------------------------
can_apt() { command -v apt-get >/dev/null && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

ensure_debs() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v dpkg-query >/dev/null; then
        say "Not a Debian system: make sure these (or their equivalents) are installed: ${missing[*]}"
        return 0
    fi
    can_apt || die "Missing Debian packages: ${missing[*]}.
Install them (sudo apt-get install ${missing[*]}) and run the command again."
    say "Installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
        { as_root apt-get update -q >/dev/null &&
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; } ||
        die "apt-get could not install: ${missing[*]}"
}

# --- Python virtualenv --------------------------------------------------------
# Two stamps: Odoo's part (its requirements, the Python, the source path) rebuilds the venv;
# our requirements only add to it.
ensure_venv() {
    local odoo_stamp="$VENV/.tiers-lieu-odoo" our_stamp="$VENV/.tiers-lieu-ours" want_odoo want_ours
    local log="$RUN/logs/pip.log"
    mkdir -p "$RUN/logs"
    want_odoo="compat $(sha256sum <"$ODOO_SRC/requirements.txt" | cut -c1-16) $ODOO_SRC $("$PYTHON" -V 2>&1)"
    want_ours=$(cat "$ROOT/requirements.txt" "$ROOT/requirements-test.txt" | sha256sum | cut -c1-16)
    if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$odoo_stamp" 2>/dev/null)" != "$want_odoo" ]; then
        say "Creating the virtualenv in $VENV with Odoo's requirements and Odoo itself (log: $log)"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV"
        pip_install --upgrade pip 'setuptools<81' wheel setuptools-scm packaging
        # cbor2 has no wheel for this Python and its isolated build fails: build it in place.
        local cbor
        cbor=$("$VENV/bin/python" - "$ODOO_SRC/requirements.txt" <<'PY'
import sys
from packaging.requirements import Requirement
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if line.startswith("cbor2"):
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate():
            print(f"{req.name}{req.specifier}")
PY
)
        [ -z "$cbor" ] || pip_install --no-build-isolation "$cbor"
        pip_install -r "$ODOO_SRC/requirements.txt"
        # compat mode puts the source on sys.path (a .pth file): with the default finder, the
        # odoo/addons/ folder that OCA wheels create in site-packages would shadow Odoo.
        pip_install --no-build-isolation -e "$ODOO_SRC" --config-settings editable_mode=compat
        "$VENV/bin/python" -c 'import odoo.release as r; assert r.version_info[0] == 18, r.version'
        echo "$want_odoo" >"$odoo_stamp"
        rm -f "$our_stamp"
    fi
    if [ "$(cat "$our_stamp" 2>/dev/null)" != "$want_ours" ]; then
        say "Installing our requirements into $VENV"
        pip_install -r "$ROOT/requirements.txt" -r "$ROOT/requirements-test.txt"
        echo "$want_ours" >"$our_stamp"
    fi
}

pip_install() {
    "$VENV/bin/python" -m pip install --disable-pip-version-check "$@" >>"$RUN/logs/pip.log" 2>&1 || {
        tail -n 30 "$RUN/logs/pip.log" >&2
        die "pip install $* failed (full log: $RUN/logs/pip.log)"
    }
}

# --- PostgreSQL ---------------------------------------------------------------
pg_answers() { psql -X -q -w -d postgres -tAc 'select 1' >/dev/null 2>&1; }

ensure_pg() {
    if [ -n "${PGHOST:-}${PGPORT:-}" ] && [ "${TL_PG:-}" != embedded ]; then
        export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-$(id -un)}"
        pg_answers || die "PostgreSQL at $PGHOST:$PGPORT (from PG* variables) does not answer for role $PGUSER."
    elif [ "${TL_PG:-}" != embedded ] && PGHOST=127.0.0.1 PGPORT=5432 PGUSER="${PGUSER:-$(id -un)}" pg_answers; then
        export PGHOST=127.0.0.1 PGPORT=5432 PGUSER="${PGUSER:-$(id -un)}"
    else
        start_embedded_pg
    fi
    [ "$PGUSER" != postgres ] || die "Odoo refuses to run as the 'postgres' role: set PGUSER to another role."
}

start_embedded_pg() {
    ensure_debs postgresql
    local bindir data="$RUN/pg/data" sock="$RUN/pg" owner
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$bindir" ] || die "No PostgreSQL server binaries found (Debian package postgresql)."
    owner=$(id -un)
    # initdb and postgres refuse to run as root: run the cluster as the postgres system user.
    local run_as=()
    if [ "$(id -u)" = 0 ]; then
        owner=postgres
        run_as=(runuser -u postgres --)
    fi
    mkdir -p "$sock"
    chown "$owner" "$sock" 2>/dev/null || true
    export PGHOST="$sock" PGPORT="${TL_PG_PORT:-5439}" PGUSER=odoo
    if [ ! -f "$data/PG_VERSION" ]; then
        say "Creating an embedded PostgreSQL cluster in $data"
        "${run_as[@]}" "$bindir/initdb" -D "$data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! pg_answers; then
        say "Starting the embedded PostgreSQL on socket $sock, port $PGPORT"
        "${run_as[@]}" "$bindir/pg_ctl" -D "$data" -l "$RUN/pg/server.log" -w \
            -o "-k $sock -p $PGPORT -c listen_addresses=''" start >/dev/null ||
            die "The embedded PostgreSQL did not start; see $RUN/pg/server.log"
    fi
}

# --- OctoPrint (test peer of tiers_lieu_machine_octoprint) ---------------------
# Its own virtualenv in the cache, shared by every checkout: it pins flask/werkzeug 3.0,
# which must never meet Odoo's. Built once (flock: checkouts may bootstrap at the same time).
OCTOPRINT_VERSION=1.11.8
ensure_octoprint() {
    local dir="$TL_CACHE/octoprint-$OCTOPRINT_VERSION" want
    want="$OCTOPRINT_VERSION $("$PYTHON" -V 2>&1)"
    TL_OCTOPRINT="$dir/bin/octoprint"
    [ "$(cat "$dir/.tiers-lieu" 2>/dev/null)" != "$want" ] || return 0
    mkdir -p "$TL_CACHE" "$RUN/logs"
    (
        flock 9
        [ "$(cat "$dir/.tiers-lieu" 2>/dev/null)" != "$want" ] || exit 0
        say "Installing OctoPrint $OCTOPRINT_VERSION into $dir (log: $RUN/logs/octoprint-pip.log)"
        rm -rf "$dir"
        "$PYTHON" -m venv "$dir" &&
            "$dir/bin/python" -m pip install --disable-pip-version-check -q \
                "OctoPrint==$OCTOPRINT_VERSION" >"$RUN/logs/octoprint-pip.log" 2>&1 &&
            "$dir/bin/octoprint" --version >/dev/null || {
            tail -n 30 "$RUN/logs/octoprint-pip.log" >&2
            rm -rf "$dir"
            die "OctoPrint $OCTOPRINT_VERSION could not be installed (log: $RUN/logs/octoprint-pip.log)"
        }
        echo "$want" >"$dir/.tiers-lieu"
    ) 9>"$TL_CACHE/octoprint.lock"
}

# --- Files for the other tools ------------------------------------------------
write_env() {
    local addons_paths="$ROOT/addons,$ODOO_SRC/odoo/addons"
    cat >"$RUN/env" <<EOF
export ODOO_SRC='$ODOO_SRC'
export VENV='$VENV'
export PGHOST='$PGHOST' PGPORT='$PGPORT' PGUSER='$PGUSER'
export ODOO_CONF='$RUN/odoo.conf'
export TL_OCTOPRINT='$TL_OCTOPRINT'
export TL_CACHE='$TL_CACHE'
EOF
    sed -e "s#@ADDONS_PATH@#$addons_paths#" -e "s#@DATA_DIR@#$RUN/data#" \
        -e "s#@HTTP_PORT@#${TL_HTTP_PORT:-8069}#" -e "s#@DB_HOST@#$PGHOST#" -e "s#@DB_PORT@#$PGPORT#" -e "s#@DB_USER@#$PGUSER#" \
        "$ROOT/config/odoo.local.conf.in" >"$RUN/odoo.conf"
}

find_odoo
# Build headers for psycopg2 and python-ldap (python3-dev: OctoPrint's netifaces); chromium
# runs the tours (tests); DejaVu Sans is the font embedded in every PDF we draw.
ensure_debs libpq-dev libldap2-dev libsasl2-dev python3-dev chromium fonts-dejavu-core
ensure_venv
ensure_octoprint
ensure_pg
write_env
say "Odoo $ODOO_SRC | venv $VENV | PostgreSQL ${PGHOST}:${PGPORT} as $PGUSER"
