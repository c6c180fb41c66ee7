"""Suite-wide guard: a run that skipped tests did not test them, so it fails.

Odoo skips browser tours without a Chromium or websocket-client, and pytest-odoo skips
HttpCase without --odoo-http: both would otherwise end green having tested nothing.
"""

import os


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped and not os.environ.get("TL_ALLOW_SKIPS") and exitstatus == 0:
        reporter.write_line(
            f"{skipped} test(s) skipped: failing the run (set TL_ALLOW_SKIPS=1 to allow).",
            red=True,
        )
        session.exitstatus = 1
