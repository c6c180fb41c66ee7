from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    is_printable_part = fields.Boolean(
        help="A part the farm prints to order: confirming an order of it creates print jobs "
        "from its validated design version."
    )
    design_version_ids = fields.One2many(
        "tiers_lieu.design.version", "product_tmpl_id", string="Design Versions"
    )
    design_version_id = fields.Many2one(
        "tiers_lieu.design.version",
        string="Current Design Version",
        compute="_compute_design_version_id",
        store=True,
        index="btree_not_null",
        help="The validated version new orders reference.",
    )
    design_version_count = fields.Integer(compute="_compute_design_version_count")

    @api.depends("design_version_ids.state")
    def _compute_design_version_id(self):
        for template in self:
            validated = template.design_version_ids.filtered(lambda v: v.state == "validated")
            template.design_version_id = validated.sorted("id")[-1:]

    def _compute_design_version_count(self):
        # On the product form of every Inventory and Sales user: a count only.
        self.check_access("read")
        counts = dict(
            self.env["tiers_lieu.design.version"]
            .sudo()
            ._read_group([("product_tmpl_id", "in", self.ids)], ["product_tmpl_id"], ["__count"])
        )
        for template in self:
            template.design_version_count = counts.get(template, 0)

    @api.onchange("is_printable_part")
    def _onchange_is_printable_part(self):
        if self.is_printable_part:
            self.update(self._printable_part_defaults())

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("is_printable_part"):
                for key, value in self._printable_part_defaults().items():
                    vals.setdefault(key, value)
        return super().create(vals_list)

    @api.model
    def _printable_part_defaults(self):
        """A printable part is stocked by lots (one per order line) and invoiced on
        delivered quantities."""
        return {
            "type": "consu",
            "is_storable": True,
            "tracking": "lot",
            "sale_ok": True,
            "invoice_policy": "delivery",
        }

    def action_view_design_versions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_order.tiers_lieu_design_version_action"
        )
        action["domain"] = [("product_tmpl_id", "=", self.id)]
        action["context"] = {"default_product_tmpl_id": self.id}
        return action
