from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    order_material_cost_basis = fields.Selection(
        [
            ("cost_model", "Cost model (€/kg of the material)"),
            ("spools", "Value of the spools used"),
        ],
        string="Cost Material At",
        default="cost_model",
        required=True,
        help="The real cost of a print job values its grams at the material's cost per kg "
        "of the cost model, or at the stock value of the spools it printed from (a donated "
        "or recycled spool at its own value) once its consumption is posted.",
    )
    order_machine_hour_cost = fields.Monetary(
        string="Machine Cost per Hour",
        currency_field="currency_id",
        help="Energy and wear of a printer for one hour of printing.",
    )
    order_labour_hour_cost = fields.Monetary(
        string="Labour Cost per Hour",
        currency_field="currency_id",
        help="Cost of one hour of work on the plates (launching, removing, checking).",
    )
    order_margin_percent = fields.Float(
        string="Margin (%)",
        digits=(5, 2),
        help="Added to the cost to propose the price of commercial orders.",
    )

    _sql_constraints = [
        (
            "order_cost_model_not_negative",
            "CHECK(order_machine_hour_cost >= 0 AND order_labour_hour_cost >= 0 "
            "AND order_margin_percent >= 0)",
            "The rates and the margin of the cost model cannot be negative.",
        ),
    ]
