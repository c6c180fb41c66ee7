import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("tiers_lieu_machine_print_job", {
    url: "/odoo",
    steps: () => [
        ...openTiersLieuMenu("tiers_lieu_machine.menu_machine_park", "tiers_lieu_machine.machine_park_menu"),
        {
            content: "The park shows the machine, available",
            trigger: ".o_kanban_group .o_kanban_record:contains('Tour MK4') .badge:not(:empty)",
        },
        {
            content: "Open the machine park menu again",
            trigger: ".o_main_navbar button[data-menu-xmlid='tiers_lieu_machine.menu_machine_park']",
            run: "click",
        },
        {
            content: "Open the print jobs",
            trigger: ".dropdown-item[data-menu-xmlid='tiers_lieu_machine.print_job_menu']",
            run: "click",
        },
        {
            content: "Create a job",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name the part",
            trigger: ".o_field_widget[name='part_name'] input",
            run: "edit Tour visor",
        },
        {
            content: "Choose the material",
            trigger: ".o_field_widget[name='material_id'] input",
            run: "edit Tour PLA",
        },
        {
            content: "Pick it",
            trigger: ".o_field_widget[name='material_id'] .o-autocomplete--dropdown-item > a:contains('Tour PLA')",
            run: "click",
        },
        {
            content: "Estimated duration",
            trigger: ".o_field_widget[name='estimated_duration_hours'] input",
            run: "edit 1:30",
        },
        {
            content: "Estimated material",
            trigger: ".o_field_widget[name='estimated_grams'] input",
            run: "edit 42",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Queue the job",
            trigger: ".o_form_saved button[name='action_queue']",
            run: "click",
        },
        {
            content: "Queued",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='queued']",
        },
        {
            content: "Back to the list",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            content: "Dispatch the queue",
            trigger: ".o_control_panel button[name='action_open_dispatch']",
            run: "click",
        },
        {
            content: "Confirm the dispatch",
            trigger: ".modal button[name='action_dispatch']",
            run: "click",
        },
        {
            content: "Open the dispatched job",
            trigger: ".o_data_row td[name='part_name']:contains('Tour visor')",
            run: "click",
        },
        {
            content: "It has a machine",
            trigger: ".o_field_widget[name='machine_id'] input:value('Tour MK4')",
        },
        {
            content: "Open the machine park menu for the board",
            trigger: ".o_main_navbar button[data-menu-xmlid='tiers_lieu_machine.menu_machine_park']",
            run: "click",
        },
        {
            content: "Open the machine board",
            trigger: ".dropdown-item[data-menu-xmlid='tiers_lieu_machine.print_job_board_menu']",
            run: "click",
        },
        {
            content: "The job waits in its machine's column: start it from its card",
            trigger: ".o_kanban_group:has(.o_column_title:contains('Tour MK4')) .o_kanban_record:contains('Tour visor') button[name='action_start']",
            run: "click",
        },
        {
            content: "Printing: mark it done from its card",
            trigger: ".o_kanban_record:contains('Tour visor') button[name='action_done']",
            run: "click",
        },
        {
            content: "The ended job leaves the board",
            trigger: ".o_kanban_renderer:not(:has(.o_kanban_record:contains('Tour visor')))",
        },
        {
            content: "Open the machine park menu for the utilisation",
            trigger: ".o_main_navbar button[data-menu-xmlid='tiers_lieu_machine.menu_machine_park']",
            run: "click",
        },
        {
            content: "Open the utilisation",
            trigger: ".dropdown-item[data-menu-xmlid='tiers_lieu_machine.print_job_utilisation_menu']",
            run: "click",
        },
        {
            content: "The utilisation graph is drawn",
            trigger: ".o_graph_renderer canvas",
        },
    ],
});
