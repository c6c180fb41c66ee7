import base64
import contextlib
import os
import pathlib
import re
from unittest.mock import patch

import odoo
from odoo.tests import TransactionCase, new_test_user
from odoo.tests.common import ChromeBrowser


class TiersLieuCase(TransactionCase):
    """One user per Tiers-Lieu role, with tracking off."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.staff = new_test_user(cls.env, "tl_staff", groups="tiers_lieu.group_staff")
        cls.manager = new_test_user(cls.env, "tl_manager", groups="tiers_lieu.group_manager")
        cls.trainer = new_test_user(cls.env, "tl_trainer", groups="tiers_lieu.group_trainer")
        cls.treasurer = new_test_user(cls.env, "tl_treasurer", groups="tiers_lieu.group_treasurer")


# Tours save screenshots with the step of tour_utils.js `screenshot(name)`: it logs this
# prefix and the name; the test's browser captures the page into SCREENSHOT_DIR_ENV (the
# user guides' folder for `make docs`), else into Odoo's screenshots folder.
SCREENSHOT_PREFIX = "tl-screenshot:"
SCREENSHOT_DIR_ENV = "TL_SCREENSHOTS_DIR"
SCREENSHOT_NAME = re.compile(r"^[a-z0-9_]+$")


def screenshot_dir():
    folder = os.environ.get(SCREENSHOT_DIR_ENV) or os.path.join(
        odoo.tools.config["screenshots"], "tiers_lieu"
    )
    return pathlib.Path(folder)


@contextlib.contextmanager
def saving_screenshots():
    """While active, tours' `screenshot(name)` steps save ``<name>.png`` in screenshot_dir();
    yields the list of the paths saved."""
    saved = []
    handle_console = ChromeBrowser._handle_console

    def _handle_console(browser, type, args=None, stackTrace=None, **kw):  # noqa: A002 pylint: disable=redefined-builtin
        first = args and browser._from_remoteobject(args[0])
        if isinstance(first, str) and first.startswith(SCREENSHOT_PREFIX):
            name = first[len(SCREENSHOT_PREFIX) :]
            if SCREENSHOT_NAME.match(name):
                path = screenshot_dir() / f"{name}.png"
                path.parent.mkdir(parents=True, exist_ok=True)
                future = browser._websocket_send("Page.captureScreenshot", with_future=True)

                def write(done, path=path):
                    data = done.result(timeout=0)["data"]
                    path.write_bytes(base64.b64decode(data))
                    saved.append(path)

                future.add_done_callback(write)
        return handle_console(browser, type, args=args, stackTrace=stackTrace, **kw)

    with patch.object(ChromeBrowser, "_handle_console", _handle_console):
        yield saved
