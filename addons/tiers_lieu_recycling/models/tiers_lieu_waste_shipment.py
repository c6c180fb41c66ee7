import csv
import io

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from odoo.addons.tiers_lieu.identifiers import check_siret

# Annex II of art. R541-8 of the code de l'environnement: the codes plastic offcuts take.
WASTE_CODES = [
    ("07 02 13", "07 02 13 – Plastic waste (plastics manufacture and use)"),
    ("12 01 05", "12 01 05 – Plastic shavings and turnings"),
    ("15 01 02", "15 01 02 – Plastic packaging"),
    ("19 12 04", "19 12 04 – Plastic and rubber (mechanical treatment of waste)"),
    ("20 01 39", "20 01 39 – Plastics (separately collected fractions)"),
]
# Annexes I and II of directive 2008/98/EC.
TREATMENT_CODES = [
    ("R3", "R3 – Recycling of organic substances"),
    ("R12", "R12 – Exchange of waste for recovery"),
    ("R13", "R13 – Storage pending recovery"),
    ("R1", "R1 – Use as a fuel (energy recovery)"),
    ("D10", "D10 – Incineration on land"),
    ("D13", "D13 – Blending prior to disposal"),
    ("D15", "D15 – Storage pending disposal"),
    ("D5", "D5 – Specially engineered landfill"),
]
# Column names of the register of outgoing waste (arrêté du 31 mai 2021, art. 1),
# in French as the regulation writes them.
REGISTER_COLUMNS = [
    "Date d'expédition du déchet",
    "Dénomination usuelle du déchet",
    "Code du déchet (article R. 541-8)",
    "Déchet contenant des polluants organiques persistants (POP)",
    "Quantité du déchet sortant (t)",
    "Raison sociale de l'installation de destination",
    "Adresse de l'installation de destination",
    "Numéro SIRET de l'installation de destination",
    "Code du traitement opéré dans l'installation de destination",
    "Raison sociale du transporteur",
    "Adresse du transporteur",
    "Numéro SIRET du transporteur",
    "Numéro de récépissé du transporteur",
    "Numéro du document de traçabilité",
]


class TiersLieuWasteShipment(models.Model):
    _name = "tiers_lieu.waste.shipment"
    _description = "Waste Shipment"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Shipped")], default="draft", required=True, tracking=True
    )
    date = fields.Date(
        string="Shipment Date", required=True, default=fields.Date.context_today, tracking=True
    )
    material_id = fields.Many2one("tiers_lieu.material", required=True)
    bin_location_id = fields.Many2one(
        "stock.location",
        string="Bin",
        required=True,
        domain=lambda self: [
            ("id", "child_of", self.env.ref("tiers_lieu_consumable.stock_location_offcut").id)
        ],
    )
    grams = fields.Float(string="Quantity (g)", digits=(16, 0), tracking=True)
    quantity_tonnes = fields.Float(
        string="Quantity (t)", digits=(16, 3), compute="_compute_quantity_tonnes", store=True
    )
    waste_name = fields.Char(
        string="Common Name", required=True, default=lambda self: self.env._("Plastic offcuts")
    )
    waste_code = fields.Selection(WASTE_CODES, required=True, default="07 02 13")
    pop = fields.Boolean(
        string="Contains POP", help="Persistent organic pollutants (regulation 2019/1021)."
    )
    treatment_code = fields.Selection(TREATMENT_CODES, required=True, default="R3")
    destination_id = fields.Many2one("res.partner", string="Destination", required=True)
    destination_siret = fields.Char(string="Destination SIRET")
    carrier_id = fields.Many2one("res.partner", string="Carrier")
    carrier_siret = fields.Char(string="Carrier SIRET")
    carrier_receipt = fields.Char(
        string="Carrier Receipt Number", help="Récépissé de déclaration de transporteur."
    )
    document_ref = fields.Char(
        string="Traceability Document", help="Number of the waste tracking slip (bordereau)."
    )
    move_ids = fields.One2many("stock.move", "waste_shipment_id", readonly=True)

    @api.depends("grams")
    def _compute_quantity_tonnes(self):
        for shipment in self:
            shipment.quantity_tonnes = shipment.grams / 1_000_000

    @api.onchange("material_id")
    def _onchange_material_id(self):
        if self.material_id:
            self.bin_location_id = self.material_id._offcut_bin()

    @api.onchange("destination_id")
    def _onchange_destination_id(self):
        self.destination_siret = self.destination_id.siret

    @api.onchange("carrier_id")
    def _onchange_carrier_id(self):
        self.carrier_siret = self.carrier_id.siret

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("tiers_lieu.waste.shipment") or "/"
                )
        return super().create(vals_list)

    def _label(self, fname):
        return self._fields[fname]._description_string(self.env)

    def _check_before_shipping(self):
        self.ensure_one()
        if self.state != "draft":
            raise ValidationError(
                self.env._("%(field)s: already shipped.", field=self._label("state"))
            )
        if float_compare(self.grams, 0.0, precision_digits=1) <= 0:
            raise ValidationError(
                self.env._(
                    "%(field)s: weigh what leaves (more than 0 g).", field=self._label("grams")
                )
            )
        for fname in ("carrier_id", "carrier_siret", "destination_siret"):
            if not self[fname]:
                raise ValidationError(
                    self.env._("%(field)s: the waste register needs it.", field=self._label(fname))
                )
        return {
            fname: check_siret(self.env, self[fname], self._label(fname))
            for fname in ("carrier_siret", "destination_siret")
        }

    def action_ship(self):
        checked = {shipment: shipment._check_before_shipping() for shipment in self}
        for shipment in self:
            shipment.write(checked[shipment])
            moves = shipment.material_id.with_company(shipment.company_id)._send_offcuts_away(
                shipment.grams, shipment.bin_location_id
            )
            moves.write({"waste_shipment_id": shipment.id, "date": shipment.date})
            moves.move_line_ids.write({"date": shipment.date})
            shipment.state = "done"
        return True

    # ------------------------------------------------------------------ register

    def _register_rows(self):
        rows = []
        for shipment in self.sorted(lambda s: (s.date, s.id)):
            destination, carrier = shipment.destination_id, shipment.carrier_id
            rows.append(
                [
                    shipment.date.isoformat(),
                    shipment.waste_name,
                    shipment.waste_code,
                    "Oui" if shipment.pop else "Non",
                    f"{shipment.quantity_tonnes:.3f}",
                    destination.name or "",
                    destination._display_address(without_company=True).replace("\n", ", "),
                    shipment.destination_siret or "",
                    shipment.treatment_code,
                    carrier.name or "",
                    carrier._display_address(without_company=True).replace("\n", ", "),
                    shipment.carrier_siret or "",
                    shipment.carrier_receipt or "",
                    shipment.document_ref or "",
                ]
            )
        return rows

    def _register_csv(self):
        """The register of these shipments as CSV (semicolons, UTF-8 with BOM for
        spreadsheets), with the regulation's column names."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(REGISTER_COLUMNS)
        writer.writerows(self.filtered(lambda s: s.state == "done")._register_rows())
        return ("\ufeff" + buffer.getvalue()).encode()

    def action_export_csv(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "registre_dechets_sortants.csv",
                "raw": self._register_csv(),
                "mimetype": "text/csv",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def _render_register_pdf(self, data=None):
        """One PDF: the register of these shipments, drawn with reportlab."""
        from ..pdf import register_pdf

        shipped = self.filtered(lambda s: s.state == "done")
        return {False: register_pdf(self.env, REGISTER_COLUMNS, shipped._register_rows())}
