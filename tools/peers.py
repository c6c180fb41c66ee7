"""The peer gate's bookkeeping (called by tools/test_peers.sh).

    peers.py key MODULES_FILE SUITE...        cache key of the baseline's results
    peers.py compare OURS BASE DIFFS SUITE...  table per suite; exit 1 on a regression
             (with TL_PEERS_NEW=FILE: the unlisted regressions' ids written to FILE)
    peers.py nodeids FILE                      pytest node ids (absolute paths) of those ids
    peers.py merge OURS RERUN                  a regression that passes when re-run is flaky

A regression is a test of a peer suite that fails (or errors, or is skipped) with our
addons installed and passes on the baseline. Each one must be listed in DIFFS
(tests/peer_differences.yaml): under `deliberate` (kept on purpose, with the rule that
makes it so) or `pending` (a failure we cause and must fix). A listed test that no longer
regresses fails the gate too, so the file never claims more than is true.
"""

import hashlib
import json
import os
import sys
import sysconfig
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def module_dirs(name):
    src = Path(os.environ["ODOO_SRC"])
    site = Path(sysconfig.get_paths()["purelib"])
    candidates = (src / "odoo" / "addons" / name, site / "odoo" / "addons" / name)
    return [d for d in candidates if d.is_dir()]


def tree_stamp(digest, top, skip=None, content=False):
    """Adds every file's path, size and mtime under `top` (stat only: fast on Odoo's 1 GB
    source, unpacked once in the shared cache), or with `content` its bytes: a module
    installed from a wheel into each checkout's virtualenv gets the time of that install."""
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and Path(dirpath, d) != skip)
        for name in sorted(filenames):
            if name.endswith(".pyc"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, top)
            if content:
                digest.update(
                    f"{rel} {hashlib.sha256(Path(path).read_bytes()).hexdigest()}\n".encode()
                )
            else:
                stat = os.stat(path)
                digest.update(f"{rel} {stat.st_size} {int(stat.st_mtime)}\n".encode())


def key(modules_file, suites):
    """The baseline depends on Odoo's framework, the installed modules' sources and
    versions, the French set-up and database scripts and the suites run: nothing of our addons."""
    digest = hashlib.sha256(b"demo data\n")
    modules = Path(modules_file).read_text().split()
    digest.update(" ".join(modules).encode() + b"\n" + " ".join(sorted(suites)).encode())
    src = Path(os.environ["ODOO_SRC"])
    tree_stamp(digest, src / "odoo", skip=src / "odoo" / "addons")
    site = Path(sysconfig.get_paths()["purelib"])
    for module in modules:
        for directory in module_dirs(module.split("=")[0]):
            digest.update(f"== {module}\n".encode())
            tree_stamp(digest, directory, content=site in directory.parents)
    for name in ("configure_db.py", "db.sh", "pytest_peers.py", "test_peers.sh"):
        digest.update((ROOT / "tools" / name).read_bytes())
    print(digest.hexdigest()[:16])


def load(path):
    return json.loads(Path(path).read_text()) if path and Path(path).exists() else {}


def compare(ours_file, base_file, diffs_file, suites):
    ours, base = load(ours_file), load(base_file)
    listed = yaml.safe_load(Path(diffs_file).read_text()) or {}
    sections = {name: listed.get(name) or {} for name in ("deliberate", "pending")}
    known = {test: name for name, entries in sections.items() for test in entries}
    in_scope = {test for test in known if test.split("/", 1)[0] in suites}

    rows, regressions, unexplained = [], set(), []
    for suite in suites:
        tests = {t: r for t, r in ours.items() if r["suite"] == suite}
        base_tests = {t: r for t, r in base.items() if r["suite"] == suite}
        failing = {t for t, r in tests.items() if r["outcome"] != "passed"}
        base_failing = {t for t, r in base_tests.items() if r["outcome"] in ("failed", "error")}
        regressed = {t for t in failing if base_tests.get(t, {}).get("outcome") == "passed"}
        regressions |= regressed
        rows.append(
            (
                suite,
                len(tests),
                len({t for t in failing if tests[t]["outcome"] != "skipped"}),
                len(base_failing),
                len(regressed),
                len(regressed & known.keys()),
                sum(r["time"] for r in tests.values()),
                sum(r.get("cpu", 0.0) for r in tests.values()),
                sum(r["time"] for r in base_tests.values()),
            )
        )
        if not tests:
            unexplained.append(f"{suite}: no test ran with our addons (module path or collection?)")
        if not base_tests:
            unexplained.append(f"{suite}: no test ran on the baseline")

    # Times: wall-clock seconds of the tests with our addons (cpu: of the test process alone,
    # a figure the machine's load does not inflate) and on the baseline (when it was cached).
    header = ("suite", "tests", "fail ours", "fail base", "only ours", "listed")
    header += ("time ours", "cpu ours", "time base")
    rows.append(("total", *(sum(r[i] for r in rows) for i in range(1, 9))))
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        cells = [str(c) for c in row[:6]] + [f"{c:.0f} s" for c in row[6:]]
        print("| " + " | ".join(cells) + " |")

    new_failures = sorted(regressions - known.keys())
    if os.environ.get("TL_PEERS_NEW"):
        Path(os.environ["TL_PEERS_NEW"]).write_text("".join(f"{t}\n" for t in new_failures))
    for test in sorted(t for t, r in ours.items() if r.get("flaky")):
        print(f"[peers] flaky: failed, then passed when re-run: {test}")
    for test in new_failures:
        result = ours[test]
        unexplained.append(
            f"NEW FAILURE with our addons (passes without them): {test}\n"
            f"    {result['outcome']}: {result.get('message', '')}"
        )
    for test in sorted(in_scope - regressions):
        outcome = ours.get(test, {}).get("outcome", "not run")
        unexplained.append(
            f"LISTED under {known[test]} but no longer fails only with our addons "
            f"({outcome} with us): {test}\n    remove it from {Path(diffs_file).name}"
        )
    for test in sorted(regressions & known.keys()):
        print(f"[peers] expected ({known[test]}): {test}")
    if unexplained:
        print("\n".join(["", *unexplained]))
        print(f"\n[peers] FAILED: {len(unexplained)} problem(s); see above ({diffs_file}).")
        return 1
    print(f"[peers] ok: no peer test fails because of our addons beyond {diffs_file}")
    return 0


def nodeids(ids_file):
    for test in Path(ids_file).read_text().split():
        path, tail = test.split("::", 1)
        module, rel = path.split("/", 1)
        print(f"{module_dirs(module)[0] / rel}::{tail}")


def merge(ours_file, rerun_file):
    ours, rerun = load(ours_file), load(rerun_file)
    for test, result in rerun.items():
        if test in ours and result["outcome"] == "passed":
            ours[test].update(outcome="passed", flaky=True)
    Path(ours_file).write_text(json.dumps(ours, indent=0, sort_keys=True))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "key":
        key(args[0], args[1:])
    elif command == "compare":
        sys.exit(compare(args[0], args[1], args[2], args[3:]))
    elif command == "nodeids":
        nodeids(args[0])
    elif command == "merge":
        merge(args[0], args[1])
    else:
        sys.exit(f"unknown command {command}")
