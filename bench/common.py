"""Shared harness of the benchmarks: an Odoo environment on the bench database and a
timer that counts SQL queries. Run a benchmark with `tools/bench.sh bench/<name>.py`."""

import argparse
import contextlib
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.sql_db import db_connect  # noqa: F401  (ensures odoo.sql_db is loaded)


def parse_args(description, **extra):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    for name, default in extra.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(default), default=default)
    return parser.parse_args()


@contextlib.contextmanager
def bench_env(args):
    """Environment as superuser in one transaction, rolled back at the end."""
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--no-http"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        try:
            yield env
        finally:
            cr.rollback()


@contextlib.contextmanager
def measure(env, label, results):
    """Time a block and count its SQL queries; appends (label, seconds, queries)."""
    env.flush_all()
    env.invalidate_all()
    queries_before = env.cr.sql_log_count
    started = time.perf_counter()
    yield
    env.flush_all()
    seconds = time.perf_counter() - started
    queries = env.cr.sql_log_count - queries_before
    results.append((label, seconds, queries))
    print(f"{label:<50} {seconds:8.3f} s {queries:8d} queries", flush=True)


# Prefix of the lines `make bench` (tools/bench_all.sh) gathers into its table.
REPORT_PREFIX = "@@bench"


def report(figure, value, target, passed):
    """One row of `make bench`'s table: a figure, its value, its target, whether it passes."""
    verdict = "pass" if passed else "FAIL"
    print(f"{REPORT_PREFIX}\t{figure}\t{value}\t{target}\t{verdict}", flush=True)


def explain_slowest(env, function, top=3):
    """Run ``function()`` recording each SQL query's time, then print the EXPLAIN ANALYZE
    of its ``top`` slowest SELECTs (plans do not depend on the machine's load)."""
    import odoo.sql_db  # noqa: PLC0415

    timed = []
    execute = odoo.sql_db.Cursor.execute

    def timed_execute(cr, query, params=None, log_exceptions=True):
        started = time.perf_counter()
        try:
            return execute(cr, query, params, log_exceptions)
        finally:
            timed.append((time.perf_counter() - started, query, params))

    odoo.sql_db.Cursor.execute = timed_execute
    try:
        function()
    finally:
        odoo.sql_db.Cursor.execute = execute
    selects = [
        (seconds, query, params)
        for seconds, query, params in timed
        if str(getattr(query, "code", query)).lstrip().upper().startswith(("SELECT", "WITH"))
    ]
    for seconds, query, params in sorted(selects, key=lambda row: row[0], reverse=True)[:top]:
        if hasattr(query, "code"):
            query, params = query.code, query.params
        env.cr.execute("EXPLAIN (ANALYZE, BUFFERS) " + query, params)
        print(f"--- {seconds * 1000:.0f} ms: {' '.join(query.split())[:300]}")
        print("\n".join(row[0] for row in env.cr.fetchall()))
