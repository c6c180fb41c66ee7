import base64
import csv
import io
import re

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import file_open

from odoo.addons.tiers_lieu_donation.wizards.tiers_lieu_donation_pool_import import _key

# The exports of the platforms, column by column: {layout: {column: field of a pool line}}.
# A file of a named layout must have exactly these columns, no more, no fewer.
LAYOUTS = {
    "helloasso": {
        "Numéro de commande": "reference",
        "Date de la commande": "date",
        "Statut de la commande": "payment_status",
        "Nom payeur": "last_name",
        "Prénom payeur": "first_name",
        "Email payeur": "email",
        "Raison sociale": "company_name",
        "Adresse payeur": "street",
        "Code Postal payeur": "zip",
        "Ville payeur": "city",
        "Pays payeur": "country",
        "Montant du don": "amount",
        "Contribution volontaire HelloAsso": False,  # the donor's tip to HelloAsso, not ours
        "Moyen de paiement": False,
        "Don anonyme": "anonymous",
    },
    "leetchi": {
        "Date de participation": "date",
        "Prénom": "first_name",
        "Nom": "last_name",
        "E-mail": "email",
        "Adresse": "street",
        "Code postal": "zip",
        "Ville": "city",
        "Pays": "country",
        "Montant de la participation (€)": "amount",
        "Frais Leetchi (€)": "platform_fee",
        "Statut": "payment_status",
        "Participation anonyme": "anonymous",
        "Message": False,
    },
}
SAMPLES = {
    "helloasso": "tiers_lieu_association/data/helloasso_export_sample.csv",
    "leetchi": "tiers_lieu_association/data/leetchi_export_sample.csv",
}


class DonationPoolImport(models.TransientModel):
    _inherit = "tiers_lieu.donation.pool.import"

    layout = fields.Selection(
        [
            ("helloasso", "HelloAsso (payments export)"),
            ("leetchi", "Leetchi (participations export)"),
            ("other", "Other (columns recognised by name)"),
        ],
        string="Export Layout",
        required=True,
        default="other",
        help="HelloAsso and Leetchi exports must have exactly their columns: a file with a "
        "missing or an unknown column is refused before anything is imported.",
    )

    @api.onchange("layout")
    def _onchange_layout(self):
        if self.layout in LAYOUTS:
            self.platform = dict(self._fields["layout"].selection)[self.layout].split(" (")[0]

    def action_import(self):
        action = super().action_import()
        pool = self.env["tiers_lieu.donation.pool"].browse(action["res_id"])
        pool.platform_fee = sum(
            pool.line_ids.filtered(lambda line: not line.excluded).mapped("platform_fee")
        )
        return action

    @api.model
    def _parse(self, data):
        layout = self.layout if self else self.env.context.get("tl_pool_layout")
        if layout not in LAYOUTS:
            return super()._parse(data)
        text = self._decode(data)
        header = text.split("\n", 1)[0]
        delimiter = max(";,\t", key=header.count)
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        self._tl_check_columns(layout, reader.fieldnames or [])
        countries = {
            _key(c.name): c.id
            for c in self.env["res.country"].with_context(lang="fr_FR").search([])
        }
        countries.update({_key(c.code): c.id for c in self.env["res.country"].search([])})
        rows, errors = [], []
        for number, raw in enumerate(reader, start=2):
            if not any((value or "").strip() for value in raw.values()):
                continue
            values = {
                field: (raw.get(column) or "").strip()
                for column, field in LAYOUTS[layout].items()
                if field
            }
            if layout == "leetchi":
                values["reference"] = self._tl_leetchi_reference(values)
            try:
                row = self._row_vals(number, values, countries)
                if "platform_fee" in values:
                    row["platform_fee"] = self._tl_fee(number, values["platform_fee"])
                rows.append(row)
            except UserError as error:
                errors.append(str(error.args[0]))
        if errors:
            # All or nothing: every faulty line is listed, none is imported.
            raise UserError(
                self.env._(
                    "Nothing was imported: %(count)s line(s) to correct.\n%(lines)s",
                    count=len(errors),
                    lines="\n".join(errors),
                )
            )
        if not rows:
            raise UserError(self.env._("The file has no gift to import."))
        return rows

    @api.model
    def _tl_check_columns(self, layout, fieldnames):
        expected = {_key(name): name for name in LAYOUTS[layout]}
        present = {_key(name): name for name in fieldnames if name}
        missing = [expected[key] for key in expected if key not in present]
        extra = [present[key] for key in present if key not in expected]
        if missing or extra:
            problems = []
            if missing:
                problems.append(self.env._("missing: %(columns)s", columns=", ".join(missing)))
            if extra:
                problems.append(self.env._("unknown: %(columns)s", columns=", ".join(extra)))
            raise UserError(
                self.env._(
                    "This file is not a %(layout)s export (columns %(problems)s). Nothing "
                    "was imported.",
                    layout=dict(self._fields["layout"].selection)[layout],
                    problems="; ".join(problems),
                )
            )

    @api.model
    def _tl_leetchi_reference(self, values):
        """Leetchi's export has no order number: the date, time and participant make one."""
        stamp = re.sub(r"\D", "", values.get("date", ""))
        who = re.sub(r"\W", "", _key(values.get("email") or values.get("last_name") or ""))
        return f"LEETCHI-{stamp}-{who}"[:64]

    @api.model
    def _tl_fee(self, number, text):
        cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text or "").replace(",", ".") or "0"
        try:
            fee = float(cleaned)
        except ValueError:
            fee = -1
        if fee < 0:
            raise UserError(
                self.env._(
                    "Line %(line)s: the fee “%(fee)s” is not an amount.", line=number, fee=text
                )
            )
        return fee

    @api.model
    def _tl_import_layout_sample(self, layout, name, validate=True):
        """Import (and validate) the sample export of ``layout`` shipped in data/."""
        with file_open(SAMPLES[layout], "rb") as sample:
            data = sample.read()
        wizard = self.create(
            {
                "file": base64.b64encode(data),
                "filename": SAMPLES[layout].rsplit("/", 1)[-1],
                "name": name,
                "layout": layout,
                "platform": "Leetchi" if layout == "leetchi" else "HelloAsso",
            }
        )
        pool = self.env["tiers_lieu.donation.pool"].browse(wizard.action_import()["res_id"])
        if validate:
            pool.action_validate()
        return pool
