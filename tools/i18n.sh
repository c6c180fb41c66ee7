#!/usr/bin/env bash
# Regenerates addons/ADDON/i18n/ADDON.pot from the code and views, and merges it into
# fr.po (new terms arrive with an empty msgstr, to translate by hand).
#   tools/i18n.sh ADDON [ADDON...]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -gt 0 ] || { echo "usage: tools/i18n.sh ADDON [ADDON...]" >&2; exit 2; }
"$ROOT/tools/bootstrap.sh"
. "$ROOT/.run/env"
. "$ROOT/tools/db.sh"

template=$(ensure_template)
db="tl_i18n_$$"
trap 'drop_db "$db"' EXIT
copy_db "$template" "$db"
for addon in "$@"; do
    dir="$ROOT/addons/$addon/i18n"
    mkdir -p "$dir"
    odoo_step "$ROOT/.run/logs/$db.log" -d "$db" --i18n-export="$dir/$addon.pot" \
        --modules="$addon" --stop-after-init --no-http
    if [ -f "$dir/fr.po" ]; then
        msgmerge --quiet --update --no-fuzzy-matching --backup=none "$dir/fr.po" "$dir/$addon.pot"
    else
        sed -e 's/^"Language: \\n"/"Language: fr\\n"/' \
            -e 's/^"Plural-Forms: \\n"/"Plural-Forms: nplurals=2; plural=(n > 1);\\n"/' \
            "$dir/$addon.pot" >"$dir/fr.po"
    fi
    untranslated=$(msgattrib --untranslated --no-obsolete "$dir/fr.po" | grep -c '^msgid ' || true)
    echo "[i18n] $addon: $dir/$addon.pot written; fr.po has $((untranslated > 0 ? untranslated - 1 : 0)) untranslated term(s)"
done
