"""pytest plugin of `tools/test_peers.sh`: writes each peer test's outcome and time as JSON.

Loaded with `-p pytest_peers` (tools/ on PYTHONPATH) when pytest-odoo runs the own test
suites of the Odoo/OCA modules we extend. A test is named `<module>/<path in the module>::
<class>::<method>`, the same wherever Odoo's source lives, so results of two databases and
of two machines compare. The file is written to $TL_PEERS_RESULT.
"""

import json
import os
import time
from pathlib import Path

import pytest

_results = {}
_paths = {}
_cpu = {}


def _test_id(path, nodeid):
    path = Path(path).resolve()
    for parent in path.parents:
        if (parent / "__manifest__.py").is_file():
            rel = path.relative_to(parent.parent).as_posix()
            break
    else:
        rel = path.name
    tail = nodeid.split("::", 1)[1] if "::" in nodeid else "<collection>"
    return rel.split("/", 1)[0], f"{rel}::{tail}"


def _record(path, nodeid, when, report):
    suite, test = _test_id(path, nodeid)
    entry = _results.setdefault(test, {"suite": suite, "outcome": "passed", "time": 0.0})
    entry["time"] += getattr(report, "duration", 0.0) or 0.0
    if report.failed:
        # An error outside the test body (class set-up, collection) fails the test too.
        entry["outcome"] = "failed" if when == "call" else "error"
        lines = (report.longreprtext or "").strip().splitlines() or [""]
        errors = [line[1:].strip() for line in lines if line.startswith("E ")]
        entry["message"] = (errors or lines)[-1][:300]
    elif report.skipped and entry["outcome"] == "passed":
        entry["outcome"] = "skipped"
    return entry


def pytest_itemcollected(item):
    # Node ids of files outside the rootdir are relative to the argument: keep the real path.
    _paths[item.nodeid] = item.path


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    report = outcome.get_result()
    if report.failed and getattr(collector, "path", None):
        _record(collector.path, report.nodeid, "collect", report)


def pytest_runtest_logstart(nodeid, location):
    _cpu[nodeid] = time.process_time()


def pytest_runtest_logreport(report):
    entry = _record(_paths[report.nodeid], report.nodeid, report.when, report)
    if report.when == "teardown":
        # CPU seconds of the test process: a figure that does not grow with the machine's
        # load (PostgreSQL's and the browser's share are not in it).
        entry["cpu"] = time.process_time() - _cpu.pop(report.nodeid, time.process_time())


def pytest_sessionfinish(session, exitstatus):
    target = os.environ.get("TL_PEERS_RESULT")
    if target:
        Path(target).write_text(json.dumps(_results, indent=0, sort_keys=True))
