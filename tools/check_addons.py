"""Packaging checks of our addons, run by tools/lint.sh (and so by pre-commit and CI).

    check_addons.py [--renames]     --renames prints the `git mv` commands of PENDING_RENAMES

- every addon has its icon (static/description/icon.png, a PNG of 128 to 256 px square);
- external_dependencies name PyPI distributions (`python-stdnum`, not the import name
  `stdnum`): Odoo 18 logs a WARNING at install for an import name;
- one naming rule for model files (Odoo's and OCA's): a file of models/ or wizards/ is named
  after the model it defines or extends, dots as underscores, our own models with their
  `tiers_lieu_` prefix (`tiers_lieu.print.job` -> tiers_lieu_print_job.py,
  `stock.lot` -> stock_lot.py); a model split by concern adds a suffix
  (tiers_lieu_trainee_gdpr.py). PENDING_RENAMES lists the files still named otherwise.
"""

import ast
import importlib.metadata
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Files named without the prefix of their model, to rename (`check_addons.py --renames`):
# none left since issue 14; a new entry needs a reason.
PENDING_RENAMES: set[str] = set()


def addons():
    return sorted(p.parent for p in (ROOT / "addons").glob("*/__manifest__.py"))


def png_size(path):
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def check_icon(addon):
    icon = addon / "static" / "description" / "icon.png"
    if not icon.is_file():
        return [f"{addon.name}: no static/description/icon.png"]
    size = png_size(icon)
    if not size or size[0] != size[1] or not 128 <= size[0] <= 256:
        return [f"{addon.name}: icon.png must be a square PNG of 128 to 256 px (got {size})"]
    return []


def check_external_dependencies(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    problems = []
    for name in manifest.get("external_dependencies", {}).get("python", []):
        try:
            importlib.metadata.version(re.split(r"[<>=!~; ]", name)[0])
        except importlib.metadata.PackageNotFoundError:
            problems.append(
                f"{addon.name}: external dependency {name!r} is not an installed PyPI "
                "distribution name (Odoo logs a WARNING for an import name: use e.g. python-stdnum)"
            )
    return problems


def model_of(path):
    """The model a file defines (_name) or, failing that, extends (_inherit)."""
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.ClassDef):
            continue
        attrs = {}
        for stmt in node.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target = stmt.targets[0]
                if isinstance(target, ast.Name) and target.id in ("_name", "_inherit"):
                    attrs[target.id] = ast.literal_eval(stmt.value)
        inherit = attrs.get("_inherit")
        model = attrs.get("_name") or (inherit[0] if isinstance(inherit, list) else inherit)
        if model:
            return model
    return None


def file_names():
    wrong, stale = [], []
    for addon in addons():
        for folder in ("models", "wizards"):
            for path in sorted((addon / folder).glob("*.py")):
                if path.name == "__init__.py":
                    continue
                rel = path.relative_to(ROOT / "addons").as_posix()
                model = model_of(path)
                expected = model.replace(".", "_") if model else None
                ok = not expected or path.stem == expected or path.stem.startswith(expected + "_")
                if not ok and rel not in PENDING_RENAMES:
                    wrong.append(f"{rel}: name it {expected}.py (model {model})")
                elif ok and rel in PENDING_RENAMES:
                    stale.append(f"{rel}: follows the rule now, remove it from PENDING_RENAMES")
                elif not ok:
                    yield rel, f"{path.parent.relative_to(ROOT).as_posix()}/{expected}.py"
    if wrong or stale:
        raise SystemExit("\n".join(["[addons] model file names:", *wrong, *stale]))


def main(argv):
    if "--renames" in argv:
        for old, new in file_names():
            print(f"git mv addons/{old} {new}")
        return 0
    problems = []
    for addon in addons():
        problems += check_icon(addon) + check_external_dependencies(addon)
    list(file_names())
    if problems:
        print("\n".join(["[addons] packaging:", *problems]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
