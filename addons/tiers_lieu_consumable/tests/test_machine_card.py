from lxml import etree

from odoo.tests import tagged

from .common import ConsumableCase


@tagged("post_install", "-at_install")
class TestMachineCard(ConsumableCase):
    """The cards of the machine park name their figures and show nearly empty spools in
    red (issue 12)."""

    def test_nearly_empty_spool_shows_red_on_its_machine(self):
        full = self.receive(self.pla_black)
        low = self.receive(self.pla_red)
        self.mk4.tool_count = 2
        full._load_on_machine(self.mk4, 1)
        low._load_on_machine(self.mk4, 2)
        low._set_remaining_grams(150.0, "count")
        self.assertTrue(low.is_nearly_empty)
        self.assertFalse(full.is_nearly_empty)
        html = etree.fromstring(f"<div>{self.mk4.loaded_spools_html}</div>")
        bars = {
            spool.get("title"): spool.xpath(".//div[contains(@class, 'progress-bar')]")[0]
            for spool in html.xpath("//div[contains(@class, 'o_tl_spool')]")
        }
        self.assertIn("bg-danger", bars[low.name].get("class"))
        self.assertIn("width: 15.0%", bars[low.name].get("style"))
        self.assertIn("bg-success", bars[full.name].get("class"))
        empty = self.receive(self.pla_black)
        empty._set_remaining_grams(0.0, "count")
        self.assertFalse(empty.is_nearly_empty, "an empty spool is empty, not nearly")

    def test_machine_card_names_its_figures(self):
        kanban = self.env.ref("tiers_lieu_machine.maintenance_equipment_view_kanban_park")
        arch = self.env["maintenance.equipment"].get_views([(kanban.id, "kanban")])
        footer = etree.fromstring(arch["views"]["kanban"]["arch"]).xpath("//footer")[0]
        text = " ".join(" ".join(footer.itertext()).split())
        for label in ("h printed", "% success", "h since maintenance"):
            self.assertIn(label, text)
