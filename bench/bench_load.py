"""Load test over HTTP: simulated staff users doing the main screens as the web client does
(JSON-RPC), against a multi-process Odoo (workers), 1 worker then 2 workers in the same run.

Each user logs in, then, after --warmup seconds not measured, loops for --duration seconds
over: the print jobs list, an order form, the spool list, the machines list and, one time
in ten, the dispatch of queued jobs.
Prints requests/s, p50/p95 latency and errors per configuration. Loopback only.

    tools/bench.sh bench/bench_load.py [--users 20] [--duration 60] [--warmup 15] [--port 8179]
"""

import itertools
import os
import signal
import statistics
import subprocess
import sys
import threading
import time

import requests
from common import parse_args, report

import odoo
from odoo import SUPERUSER_ID, Command, api

PASSWORD = "load-test-password"


def prepare(args):
    """Commit the users and the records the screens show (the bench database is a copy)."""
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database, "--no-http"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        staff = env.ref("tiers_lieu.group_staff")
        logins = [f"load{index:02d}" for index in range(args.users)]
        env["res.users"].create(
            [
                {
                    "name": f"Load Test {login}",
                    "login": login,
                    "password": PASSWORD,
                    "groups_id": [Command.set([staff.id, env.ref("base.group_user").id])],
                }
                for login in logins
            ]
        )
        pla = env["tiers_lieu.material"].create(
            {"name": "PLA load", "code": "PLA-LOAD", "family": "pla"}
        )
        env["maintenance.equipment"].create(
            [
                {
                    "name": f"Load printer {index:02d}",
                    "machine_kind": "fdm_printer",
                    "build_x_mm": 250,
                    "build_y_mm": 210,
                    "build_z_mm": 220,
                    "material_ids": [Command.set(pla.ids)],
                }
                for index in range(20)
            ]
        )
        jobs = env["tiers_lieu.print.job"].create(
            [
                {
                    "part_name": f"Load part {index}",
                    "machine_kind": "fdm_printer",
                    "material_id": pla.id,
                    "estimated_grams": 12,
                    "estimated_duration_hours": 1.5,
                }
                for index in range(400)
            ]
        )
        jobs.action_queue()
        partner = env["res.partner"].create({"name": "Load client"})
        product = env["product.product"].create({"name": "Load part", "type": "consu"})
        order = env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 1})
                    for _ in range(10)
                ],
            }
        )
        cr.commit()
        return logins, order.id


def call_kw(session, url, model, method, args, kwargs):
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
    }
    endpoint = f"{url}/web/dataset/call_kw/{model}/{method}"
    response = session.post(endpoint, json=payload, timeout=60)
    response.raise_for_status()
    body = response.json()
    if "error" in body:
        raise RuntimeError(body["error"]["data"]["message"])
    return body["result"]


def screens(order_id):
    name = {"display_name": {}}
    return [
        (
            "tiers_lieu.print.job",
            "web_search_read",
            [[]],
            {
                "specification": {
                    "name": {},
                    "state": {},
                    "part_name": {},
                    "machine_id": {"fields": name},
                },
                "limit": 80,
            },
        ),
        (
            "sale.order",
            "web_read",
            [[order_id]],
            {
                "specification": {
                    "name": {},
                    "partner_id": {"fields": name},
                    "amount_total": {},
                    "order_line": {
                        "fields": {"product_id": {"fields": name}, "product_uom_qty": {}}
                    },
                }
            },
        ),
        (
            "stock.lot",
            "web_search_read",
            [[]],
            {"specification": {"name": {}, "product_id": {"fields": name}}, "limit": 80},
        ),
        (
            "maintenance.equipment",
            "web_search_read",
            [[("machine_kind", "!=", False)]],
            {"specification": {"name": {}, "machine_kind": {}}, "limit": 80},
        ),
    ]


def log_in(url, database, login, resets):
    """A session for ``login``. Odoo's prefork server listens with a backlog of 8
    connections per worker: 20 users logging in at once on 1 worker overflow it and some
    connections are reset; as a browser reloading the page, a user tries again (counted)."""
    session = requests.Session()
    payload = {"jsonrpc": "2.0", "params": {"db": database, "login": login, "password": PASSWORD}}
    for attempt in range(10):
        try:
            response = session.post(f"{url}/web/session/authenticate", json=payload, timeout=60)
            break
        except requests.ConnectionError:
            resets.append(login)
            time.sleep(0.5 * (attempt + 1))
    else:
        raise RuntimeError(f"login {login}: connection reset 10 times")
    if "error" in response.json():
        raise RuntimeError(f"login {login}: {response.json()['error']['data']['message']}")
    return session


def user_loop(url, database, login, order_id, window, latencies, errors, resets):
    try:
        session = log_in(url, database, login, resets)
    except Exception as error:  # noqa: BLE001 - reported; the others must not wait for it
        errors.append(str(error)[:200])
        window["ready"].abort()
        return
    try:
        window["ready"].wait()  # every user logged in: the warm-up starts for all at once
    except threading.BrokenBarrierError:  # a user could not log in: reported
        return
    steps = screens(order_id)
    for count in itertools.count():
        now = time.monotonic()
        if now > window["end"]:
            return
        measured = now >= window["start"]
        started = time.monotonic()
        try:
            if count % 10 == 9:
                dispatch = "tiers_lieu.print.job.dispatch"
                wizard = call_kw(session, url, dispatch, "create", [{}], {})
                call_kw(session, url, dispatch, "action_dispatch", [[wizard]], {})
            else:
                model, method, args, kwargs = steps[count % len(steps)]
                call_kw(session, url, model, method, args, kwargs)
        except Exception as error:  # noqa: BLE001 - counted and reported
            errors.append(str(error)[:200])
        if measured:
            latencies.append(time.monotonic() - started)


def serve(args, workers):
    command = [
        os.path.join(os.path.dirname(sys.executable), "odoo"),
        "-c",
        args.config,
        "-d",
        args.database,
        f"--db-filter=^{args.database}$",
        f"--http-port={args.port}",
        f"--workers={workers}",
        "--max-cron-threads=0",
        "--log-level=warn",
        f"--logfile={args.config.rsplit('/', 1)[0]}/logs/bench_load_{workers}.log",
        "--limit-time-real=600",
    ]
    # A worker gives a client 2 s (ODOO_HTTP_SOCKET_TIMEOUT) to send its request once it
    # accepted the connection; in production the reverse proxy sends whole requests at
    # once. Here the 20 simulated users are threads of one Python process on a shared
    # 2-core machine: one may be descheduled for over 2 s between connecting and sending,
    # and the worker then drops the connection ("Request timed out" in its log, "Remote
    # end closed connection" here). The bench gives clients the time a proxy would.
    environ = dict(os.environ, ODOO_HTTP_SOCKET_TIMEOUT="30")
    process = subprocess.Popen(
        command,
        start_new_session=True,
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{args.port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/web/health", timeout=2).ok:
                warm_up(url, workers)
                return process, url
        except requests.RequestException:
            time.sleep(0.5)
    os.killpg(process.pid, signal.SIGTERM)
    raise SystemExit("Odoo did not start")


def warm_up(url, workers):
    """Each worker loads the database's registry at its first request (tens of seconds on
    a loaded machine): pages are asked from every worker until they answer fast, before
    any user starts, so that the measure is not of registries loading."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        durations = []

        def ask(durations=durations):
            started = time.monotonic()
            requests.get(f"{url}/web/login", timeout=600)
            durations.append(time.monotonic() - started)

        threads = [threading.Thread(target=ask) for _ in range(2 * workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if durations and max(durations) < 2:
            return


def main():
    args = parse_args(__doc__, users=20, duration=60, warmup=15, port=8179)
    logins, order_id = prepare(args)
    rows = []
    for workers in (1, 2):
        process, url = serve(args, workers)
        try:
            latencies, errors, resets = [], [], []
            window = {}

            def open_window(window=window):
                # Runs once every user has logged in: a warm-up (each worker loads the
                # registry on its first requests), then the measured window.
                window["start"] = time.monotonic() + args.warmup
                window["end"] = window["start"] + args.duration

            window["ready"] = threading.Barrier(len(logins), action=open_window)
            threads = [
                threading.Thread(
                    target=user_loop,
                    args=(
                        url,
                        args.database,
                        login,
                        order_id,
                        window,
                        latencies,
                        errors,
                        resets,
                    ),
                )
                for login in logins
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = args.duration
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
        quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
        rows.append(
            (
                workers,
                len(latencies) / elapsed,
                quantiles[49],
                quantiles[94],
                len(errors),
                len(resets),
            )
        )
        for error in sorted(set(errors))[:5]:
            print(f"  error ({workers} worker(s)): {error}")
    print(f"\n{args.users} users for {args.duration} s each")
    print(
        f"{'workers':>8} {'requests/s':>11} {'p50 (ms)':>9} {'p95 (ms)':>9} {'errors':>7} "
        f"{'login resets':>13}"
    )
    for workers, rate, p50, p95, error_count, reset_count in rows:
        print(
            f"{workers:>8} {rate:>11.1f} {p50 * 1000:>9.0f} {p95 * 1000:>9.0f} "
            f"{error_count:>7} {reset_count:>13}"
        )
        # The target is the multi-worker server's; one worker is the comparison (20 users
        # overflow its listen backlog of 8 connections).
        report(
            f"load, {args.users} users, {workers} worker(s)",
            f"{rate:.0f} req/s, p95 {p95 * 1000:.0f} ms, {error_count} errors",
            "no error" if workers > 1 else "(comparison)",
            error_count == 0 or workers == 1,
        )


if __name__ == "__main__":
    main()
