"""One OctoPrint poll cycle of 100 printers, 20 of them unreachable (10 refusing
connections, 10 answering after the timeout), the 80 others on a real OctoPrint 1.11.8
(target: under 10 s; issue 15). For comparison, the same printers polled one after the
other, as the cron did before the poll became a background job polling printers at once.

    tools/bench.sh bench/bench_octoprint_poll.py [--printers 100] [--timeout 5]
"""

import time

from common import bench_env, parse_args, report


def main():
    args = parse_args(__doc__, printers=100, timeout=5.0)
    with bench_env(args) as env:
        # Importable once Odoo's addons path is set up (bench_env).
        from odoo.addons.tiers_lieu_machine_octoprint.tests.octoprint_server import (
            FaultyServer,
            OctoPrintServer,
            free_port,
        )

        octoprint = OctoPrintServer().start()
        slow = [FaultyServer("slow", delay=args.timeout + 3).start() for _ in range(10)]
        try:
            env["ir.config_parameter"].set_param(
                "tiers_lieu_machine_octoprint.timeout", str(args.timeout)
            )
            urls = [f"http://127.0.0.1:{free_port()}" for _ in range(10)]
            urls += [server.url for server in slow]
            urls += [octoprint.url] * (args.printers - len(urls))
            machines = env["maintenance.equipment"].create(
                [
                    {
                        "name": f"Printer {index:03d}",
                        "machine_kind": "fdm_printer",
                        "octoprint_url": url,
                        "octoprint_api_key": octoprint.api_key,
                    }
                    for index, url in enumerate(urls)
                ]
            )
            started = time.perf_counter()
            machines._octoprint_poll()
            at_once = time.perf_counter() - started
            report(
                f"OctoPrint poll of {args.printers} printers",
                f"{at_once:.1f} s",
                "< 10 s",
                at_once < 10,
            )
            statuses = machines.mapped("octoprint_status")
            print(
                f"{'poll cycle, printers at once (background job)':<50} {at_once:8.3f} s"
                f"   ok/offline {statuses.count('ok') + statuses.count('offline')}, "
                f"error {statuses.count('error')}",
                flush=True,
            )
            started = time.perf_counter()
            for machine in machines:
                machine._octoprint_poll()
            one_by_one = time.perf_counter() - started
            print(f"{'poll cycle, one printer after the other':<50} {one_by_one:8.3f} s")
        finally:
            for server in slow:
                server.stop()
            octoprint.stop()


if __name__ == "__main__":
    main()
