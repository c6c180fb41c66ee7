import base64
import csv
import io
import re
from datetime import datetime

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import file_open

from ..access import check_treasurer

# Column names of the platforms' exports (HelloAsso first), by field of a pool line.
COLUMNS = {
    "reference": ("Référence commande", "Numéro de commande", "Référence", "Reference"),
    "date": ("Date de la commande", "Date du paiement", "Date"),
    "payment_status": ("Statut de la commande", "Statut du paiement", "Statut"),
    "amount": ("Montant du don", "Montant", "Montant tarif"),
    "last_name": ("Nom donateur", "Nom payeur", "Nom"),
    "first_name": ("Prénom donateur", "Prénom payeur", "Prénom"),
    "company_name": ("Raison sociale", "Société", "Entreprise"),
    "siren": ("SIREN", "Numéro SIREN"),
    "email": ("Email donateur", "Email payeur", "Email", "E-mail"),
    "street": ("Adresse donateur", "Adresse payeur", "Adresse"),
    "zip": ("Code postal donateur", "Code Postal payeur", "Code postal"),
    "city": ("Ville donateur", "Ville payeur", "Ville"),
    "country": ("Pays donateur", "Pays payeur", "Pays"),
    "anonymous": ("Don anonyme", "Anonyme"),
}
REQUIRED = ("reference", "date", "amount")
RECEIVED_STATUSES = {"validé", "valide", "payé", "paye", "autorisé", "autorise", "succeeded"}
YES = {"oui", "yes", "vrai", "true", "1", "x"}


def _key(name):
    return re.sub(r"\s+", " ", (name or "").strip().lower())


class DonationPoolImport(models.TransientModel):
    _name = "tiers_lieu.donation.pool.import"
    _description = "Import a Crowdfunding Pool"

    file = fields.Binary(string="Export File", required=True)
    filename = fields.Char()
    name = fields.Char(string="Pool", required=True, help="E.g. HelloAsso – Campagne 2025")
    platform = fields.Char(required=True, default="HelloAsso")
    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)
    campaign_id = fields.Many2one("donation.campaign")
    payment_method_line_id = fields.Many2one(
        "account.payment.method.line",
        string="Payment Method",
        required=True,
        domain="[('company_id', '=', company_id), ('donation', '=', True)]",
        default=lambda self: self.env["res.company"]._tl_payment_method_line("platform"),
    )
    receipt_option = fields.Selection(
        [("each", "For Each Donation"), ("annual", "Annual Tax Receipt")],
        string="Tax Receipts",
        required=True,
        default="each",
    )

    def action_import(self):
        self.ensure_one()
        check_treasurer(self.env, self.env._("Only Treasurers may import crowdfunding pools."))
        rows = self._parse(base64.b64decode(self.file or b""))
        known = self.env["tiers_lieu.donation.pool.line"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("reference", "in", [row["reference"] for row in rows]),
            ]
        )
        if known:
            raise UserError(
                self.env._(
                    "These orders were already imported (pool %(pool)s): %(references)s. "
                    "Import only the new payments.",
                    pool=known[0].pool_id.display_name,
                    references=", ".join(known.mapped("reference")[:20]),
                )
            )
        product = self.env.ref("tiers_lieu_donation.product_donation_cash")
        pool = self.env["tiers_lieu.donation.pool"].create(
            {
                "name": self.name,
                "platform": self.platform,
                "company_id": self.company_id.id,
                "campaign_id": self.campaign_id.id,
                "payment_method_line_id": self.payment_method_line_id.id,
                "product_id": product.id,
                "receipt_option": self.receipt_option,
                "source_filename": self.filename,
                "line_ids": [Command.create(row) for row in rows],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": pool._name,
            "res_id": pool.id,
            "view_mode": "form",
        }

    @api.model
    def _import_sample(self, name, validate=True):
        """Import (and validate) the HelloAsso-like sample export shipped in data/."""
        with file_open("tiers_lieu_donation/data/helloasso_sample.csv", "rb") as sample:
            data = sample.read()
        wizard = self.create(
            {"file": base64.b64encode(data), "filename": "helloasso_sample.csv", "name": name}
        )
        pool = self.env["tiers_lieu.donation.pool"].browse(wizard.action_import()["res_id"])
        if validate:
            pool.action_validate()
        return pool

    @api.model
    def _parse(self, data):
        """Pool line values of every row of the export; any unreadable row stops the import
        with its line number, so that nothing is silently left out."""
        text = self._decode(data)
        header = text.split("\n", 1)[0]
        delimiter = max(";,\t", key=header.count)
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        columns = self._map_columns(reader.fieldnames or [])
        countries = {
            _key(c.name): c.id
            for c in self.env["res.country"].with_context(lang="fr_FR").search([])
        }
        countries.update({_key(c.code): c.id for c in self.env["res.country"].search([])})
        rows = []
        for number, raw in enumerate(reader, start=2):
            if not any((value or "").strip() for value in raw.values()):
                continue
            values = {field: (raw.get(column) or "").strip() for field, column in columns.items()}
            rows.append(self._row_vals(number, values, countries))
        if not rows:
            raise UserError(self.env._("The file has no gift to import."))
        return rows

    @api.model
    def _decode(self, data):
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise UserError(self.env._("The file is neither UTF-8 nor Windows-1252 text."))

    @api.model
    def _map_columns(self, fieldnames):
        present = {_key(name): name for name in fieldnames}
        columns = {}
        for field, names in COLUMNS.items():
            for name in names:
                if _key(name) in present:
                    columns[field] = present[_key(name)]
                    break
        missing = [COLUMNS[field][0] for field in REQUIRED if field not in columns]
        if missing:
            raise UserError(
                self.env._(
                    "The file lacks the column(s) %(columns)s. Export the payments of the "
                    "campaign as CSV from the platform (e.g. HelloAsso: Paiements > "
                    "Exporter).",
                    columns=", ".join(f"“{name}”" for name in missing),
                )
            )
        return columns

    @api.model
    def _row_vals(self, number, values, countries):
        amount = self._amount(number, values["amount"])
        status = values.get("payment_status", "")
        vals = {
            "reference": values["reference"],
            "date": self._date(number, values["date"]),
            "amount": amount,
            "payment_status": status or False,
            "excluded": bool(status) and _key(status) not in RECEIVED_STATUSES,
            "anonymous": _key(values.get("anonymous")) in YES,
        }
        if not vals["reference"]:
            raise UserError(self.env._("Line %(line)s: the order reference is empty.", line=number))
        for field in ("last_name", "first_name", "company_name", "siren", "email", "street"):
            vals[field] = values.get(field) or False
        vals["zip"] = values.get("zip") or False
        vals["city"] = values.get("city") or False
        country = values.get("country")
        if country:
            if _key(country) not in countries:
                raise UserError(
                    self.env._(
                        "Line %(line)s: unknown country “%(country)s”.",
                        line=number,
                        country=country,
                    )
                )
            vals["country_id"] = countries[_key(country)]
        return vals

    @api.model
    def _amount(self, number, text):
        cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text or "").replace(",", ".")
        try:
            amount = float(cleaned)
        except ValueError:
            amount = None
        if amount is None or amount <= 0:
            raise UserError(
                self.env._(
                    "Line %(line)s: the amount “%(amount)s” is not a positive amount.",
                    line=number,
                    amount=text,
                )
            )
        return amount

    @api.model
    def _date(self, number, text):
        for pattern in ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"):
            try:
                return datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        try:
            return datetime.fromisoformat(text).date()
        except ValueError as err:
            raise UserError(
                self.env._(
                    "Line %(line)s: the date “%(date)s” is not a date (expected " "DD/MM/YYYY).",
                    line=number,
                    date=text,
                )
            ) from err
