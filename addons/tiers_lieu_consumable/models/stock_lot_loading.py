from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.tiers_lieu.lang import company_lang_env

from .stock_lot import SPOOL_MACHINE_KINDS


class StockLot(models.Model):
    """Spools on machines: which spool suits which machine and job, loading, unloading."""

    _inherit = "stock.lot"

    def action_open_load(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Load on a Machine"),
            "res_model": "tiers_lieu.spool.load",
            "view_mode": "form",
            "target": "new",
            "context": {"default_spool_id": self.id},
        }

    def action_unload(self):
        self._unload()

    def _suits(self, job):
        """Whether this spool holds the material (and colour) that ``job`` asks for."""
        self.ensure_one()
        return (not job.material_id or job.material_id == self.material_id) and (
            not job.filament_color_id or job.filament_color_id == self.filament_color_id
        )

    def _describe(self):
        self.ensure_one()
        parts = [self.material_id.display_name or self.product_id.display_name]
        if self.filament_color_id:
            parts.append(self.filament_color_id.name)
        return " ".join(parts)

    def _loading_problem(self, machine, tool=1):
        """Why this spool cannot go on slot ``tool`` of ``machine`` (translated), or None."""
        self.ensure_one()
        _ = self.env._
        if not self.is_spool:
            return _(
                "Lot %(lot)s is not a filament spool: its product %(product)s has no filament "
                "material.",
                lot=self.name,
                product=self.product_id.display_name,
            )
        if machine.machine_kind not in SPOOL_MACHINE_KINDS:
            return _(
                "%(machine)s is not a 3D printer: it takes no spool.",
                machine=machine.display_name,
            )
        if self.company_id and machine.company_id and self.company_id != machine.company_id:
            return _(
                "Spool %(spool)s and machine %(machine)s belong to different companies.",
                spool=self.name,
                machine=machine.display_name,
            )
        if self.material_id not in machine.material_ids:
            return _(
                "%(machine)s does not take %(material)s (spool %(spool)s): add the material "
                "to the machine's compatible materials or choose another machine.",
                machine=machine.display_name,
                material=self.material_id.display_name,
                spool=self.name,
            )
        if (
            machine.machine_kind == "fdm_printer"
            and machine.filament_diameter_mm
            and float_compare(
                self.filament_diameter_mm, machine.filament_diameter_mm, precision_digits=2
            )
        ):
            return _(
                "Spool %(spool)s holds %(spool_diameter)s mm filament but %(machine)s takes "
                "%(machine_diameter)s mm.",
                spool=self.name,
                spool_diameter=self.filament_diameter_mm,
                machine=machine.display_name,
                machine_diameter=machine.filament_diameter_mm,
            )
        if not 1 <= tool <= machine.tool_count:
            return _(
                "%(machine)s has %(count)s spool slot(s): there is no slot %(slot)s.",
                machine=machine.display_name,
                count=machine.tool_count,
                slot=tool,
            )
        if float_compare(self.remaining_grams, 0.0, precision_digits=2) <= 0:
            return _(
                "Spool %(spool)s is empty in stock: weigh it first if filament is left on it.",
                spool=self.name,
            )
        job = machine._current_or_next_job()
        if job and not self._suits(job):
            others = machine.loaded_spool_ids.filtered(
                lambda s: s != self and s.machine_tool != tool
            )
            free_slot_left = len(others) + 1 < machine.tool_count
            if not free_slot_left and not any(other._suits(job) for other in others):
                wanted = job.material_id.display_name or ""
                if job.filament_color_id:
                    wanted = f"{wanted} {job.filament_color_id.name}"
                return _(
                    "Job %(job)s on %(machine)s needs %(wanted)s but spool %(spool)s is "
                    "%(have)s.",
                    job=job.name,
                    machine=machine.display_name,
                    wanted=wanted,
                    spool=self.name,
                    have=self._describe(),
                )
        return None

    def _load_on_machine(self, machine, tool=1):
        """Load this spool on slot ``tool`` of ``machine``, taking off the spool that was
        there. Raises a translated UserError when the spool does not suit the machine."""
        self.ensure_one()
        problem = self._loading_problem(machine, tool)
        if problem:
            raise UserError(problem)
        previous = self.search(
            [("machine_id", "=", machine.id), ("machine_tool", "=", tool), ("id", "!=", self.id)]
        )
        previous._unload()
        if self.machine_id and self.machine_id != machine:
            self._unload()
        self.write(
            {
                "machine_id": machine.id,
                "machine_tool": tool,
                "opened_date": self.opened_date or fields.Date.context_today(self),
            }
        )
        lang_env = company_lang_env(self.env, self.company_id or None)
        self.with_env(lang_env).message_post(
            body=lang_env._(
                "Loaded on %(machine)s (slot %(slot)s).", machine=machine.display_name, slot=tool
            )
        )
        return True

    def _unload(self):
        for lot in self.filtered("machine_id"):
            lang_env = company_lang_env(self.env, lot.company_id or None)
            lot.with_env(lang_env).message_post(
                body=lang_env._("Taken off %(machine)s.", machine=lot.machine_id.display_name)
            )
        self.filtered("machine_id").write({"machine_id": False, "machine_tool": 1})
