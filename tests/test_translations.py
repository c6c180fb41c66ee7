"""Every addon ships a complete French translation (the users work in French)."""

import io
import re
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

ADDONS = Path(__file__).resolve().parents[1] / "addons"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def our_addons():
    return sorted(path.parent.name for path in ADDONS.glob("*/__manifest__.py"))


@tagged("post_install", "-at_install")
class TestFrenchTranslations(TransactionCase):
    def test_every_term_of_every_addon_is_translated(self):
        self.assertTrue(our_addons())
        for addon in our_addons():
            with self.subTest(addon=addon):
                # The terms as the code and views define them now, not as the .pot says.
                buffer = io.BytesIO()
                trans_export(None, [addon], buffer, "po", self.env.cr)
                terms = polib.pofile(buffer.getvalue().decode())
                po_path = ADDONS / addon / "i18n" / "fr.po"
                self.assertTrue(po_path.exists(), f"{addon} has no i18n/fr.po")
                french = {
                    entry.msgid: entry.msgstr
                    for entry in polib.pofile(str(po_path))
                    if entry.msgstr and "fuzzy" not in entry.flags and not entry.obsolete
                }
                missing = [entry.msgid for entry in terms if entry.msgid not in french]
                self.assertFalse(
                    missing,
                    f"{addon}: {len(missing)} term(s) without French translation "
                    f"(run tools/i18n.sh {addon}): {missing[:10]}",
                )

    def test_translations_keep_their_placeholders(self):
        for addon in our_addons():
            po_path = ADDONS / addon / "i18n" / "fr.po"
            for entry in polib.pofile(str(po_path)):
                if entry.msgstr:
                    with self.subTest(addon=addon, msgid=entry.msgid[:60]):
                        self.assertEqual(
                            sorted(PLACEHOLDER.findall(entry.msgid)),
                            sorted(PLACEHOLDER.findall(entry.msgstr)),
                        )
