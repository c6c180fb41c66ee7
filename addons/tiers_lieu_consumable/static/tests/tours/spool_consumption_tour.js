import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("tiers_lieu_consumable_spool", {
    url: "/odoo",
    steps: () => [
        ...openTiersLieuMenu("tiers_lieu_consumable.menu_consumables", "tiers_lieu_consumable.spool_menu"),
        {
            content: "The shelf shows the full spool, in green",
            trigger: ".o_kanban_record:contains('TOUR-SPOOL-1') .o_tl_spool_bar .bg-success",
        },
        {
            content: "Open the spool",
            trigger: ".o_kanban_record:contains('TOUR-SPOOL-1')",
            run: "click",
        },
        {
            content: "Load it on a machine",
            trigger: ".o_form_view button[name='action_open_load']",
            run: "click",
        },
        {
            content: "Choose the machine",
            trigger: ".modal .o_field_widget[name='machine_id'] input",
            run: "edit Tour MK4",
        },
        {
            content: "Pick it",
            trigger:
                ".modal .o_field_widget[name='machine_id'] .o-autocomplete--dropdown-item > a:contains('Tour MK4')",
            run: "click",
        },
        {
            content: "Load",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The spool is on the machine",
            trigger: ".o_form_view .o_field_widget[name='machine_id']:contains('Tour MK4')",
        },
        {
            content: "Open the machine park menu",
            trigger:
                ".o_main_navbar button[data-menu-xmlid='tiers_lieu_machine.menu_machine_park']",
            run: "click",
        },
        {
            content: "Open the print jobs",
            trigger: ".dropdown-item[data-menu-xmlid='tiers_lieu_machine.print_job_menu']",
            run: "click",
        },
        {
            content: "Open the printing job",
            trigger: ".o_data_row td[name='part_name']:contains('Tour visor')",
            run: "click",
        },
        {
            content: "Mark it done",
            trigger: ".o_form_view button[name='action_done']",
            run: "click",
        },
        {
            content: "Done",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='done']",
        },
        {
            content: "Its grams are posted",
            trigger: ".o_stat_info:contains('42')",
        },
        {
            content: "Open the consumables menu again",
            trigger:
                ".o_main_navbar button[data-menu-xmlid='tiers_lieu_consumable.menu_consumables']",
            run: "click",
        },
        {
            content: "Open the spools again",
            trigger: ".dropdown-item[data-menu-xmlid='tiers_lieu_consumable.spool_menu']",
            run: "click",
        },
        {
            content: "The spool lost the job's grams",
            trigger: ".o_kanban_record:contains('TOUR-SPOOL-1'):contains('958')",
        },
    ],
});
