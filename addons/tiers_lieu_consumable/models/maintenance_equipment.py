from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    filament_diameter_mm = fields.Float(
        string="Filament Diameter (mm)",
        digits=(4, 2),
        default=1.75,
        help="Diameter of the filament the extruder takes: spools of another diameter are "
        "refused.",
    )
    tool_count = fields.Integer(
        string="Spool Slots",
        default=1,
        help="Spools the machine holds at once (tool changer, multi-material unit).",
    )
    loaded_spool_ids = fields.One2many("stock.lot", "machine_id", string="Loaded Spools")
    material_move_line_count = fields.Integer(compute="_compute_material_move_line_count")
    loaded_spools_html = fields.Html(
        string="Spools on the Machine",
        compute="_compute_loaded_spools_html",
        sanitize=False,
        help="Each loaded spool with the share of filament left, in red when nearly empty.",
    )

    _sql_constraints = [
        ("tool_count_positive", "CHECK(tool_count >= 1)", "A machine holds at least one spool."),
    ]

    @api.depends(
        "loaded_spool_ids.name",
        "loaded_spool_ids.machine_tool",
        "loaded_spool_ids.remaining_percent",
        "loaded_spool_ids.remaining_grams",
    )
    def _compute_loaded_spools_html(self):
        for machine in self:
            rows = []
            for spool in machine.loaded_spool_ids.sorted("machine_tool"):
                percent = max(0.0, min(spool.remaining_percent, 100.0))
                rows.append(
                    Markup(
                        '<div class="o_tl_spool mt-1" title="%(name)s">'
                        '<div class="d-flex small"><span>%(label)s</span>'
                        '<span class="ms-auto">%(grams)s g · %(percent)s %%</span></div>'
                        '<div class="progress" style="height: 6px;">'
                        '<div class="progress-bar %(bar)s" role="progressbar" '
                        'style="width: %(width)s%%;"></div></div></div>'
                    )
                    % {
                        "name": spool.name,
                        "label": spool._describe(),
                        "grams": round(spool.remaining_grams),
                        "percent": round(spool.remaining_percent),
                        "bar": "bg-danger" if spool.is_nearly_empty else "bg-success",
                        "width": round(percent, 1),
                    }
                )
            machine.loaded_spools_html = Markup().join(rows) or False

    def _compute_material_move_line_count(self):
        # On the equipment form of users without Inventory rights: a count only.
        self.check_access("read")
        counts = dict(
            self.env["stock.move.line"]
            .sudo()
            ._read_group(
                [("print_machine_id", "in", self.ids), ("state", "=", "done")],
                ["print_machine_id"],
                ["__count"],
            )
        )
        for machine in self:
            machine.material_move_line_count = counts.get(machine, 0)

    @api.constrains("tool_count")
    def _check_loaded_slots(self):
        for machine in self:
            # Equipment managers without Inventory rights edit machines too.
            beyond = machine.sudo().loaded_spool_ids.filtered(
                lambda s, count=machine.tool_count: s.machine_tool > count
            )
            if beyond:
                raise ValidationError(
                    self.env._(
                        "Unload spool %(spool)s from slot %(slot)s before giving %(machine)s "
                        "only %(count)s slots.",
                        spool=beyond[0].name,
                        slot=beyond[0].machine_tool,
                        machine=machine.display_name,
                        count=machine.tool_count,
                    )
                )

    def action_load_spool(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Load a Spool"),
            "res_model": "tiers_lieu.spool.load",
            "view_mode": "form",
            "target": "new",
            "context": {"default_machine_id": self.id},
        }

    def action_view_material_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "tiers_lieu_consumable.material_move_line_action"
        )
        action["domain"] = [("print_machine_id", "=", self.id)]
        action["context"] = {}
        return action

    def _current_or_next_job(self):
        """The job the loaded spools must suit: the printing one, else the next queued."""
        self.ensure_one()
        Job = self.env["tiers_lieu.print.job"]
        return Job.search(
            [("machine_id", "=", self.id), ("state", "=", "printing")], limit=1
        ) or Job.search(
            [("machine_id", "=", self.id), ("state", "=", "queued")],
            order="priority desc, date_due, date_queued, id",
            limit=1,
        )
