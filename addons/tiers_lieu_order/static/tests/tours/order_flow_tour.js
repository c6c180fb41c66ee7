import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("tiers_lieu_order_quotation", {
    url: "/odoo",
    steps: () => [
        ...openTiersLieuMenu("tiers_lieu_order.menu_orders", "tiers_lieu_order.quotation_menu"),
        {
            content: "New quotation",
            trigger: ".o_control_panel .o-kanban-button-new, .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the hospital",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit Tour Hospital",
        },
        {
            content: "Pick it",
            trigger:
                ".o_field_widget[name='partner_id'] .o-autocomplete--dropdown-item > a:contains('Tour Hospital')",
            run: "click",
        },
        {
            content: "A free solidarity order",
            trigger: ".o_field_widget[name='order_kind'] select",
            run: "select \"solidarity\"",
        },
        {
            content: "Add a line",
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the printable part",
            trigger: ".o_data_row .o_field_widget[name='product_template_id'] input",
            run: "edit Tour shield",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item > a:contains('Tour shield')",
            run: "click",
        },
        {
            content: "Eight parts",
            trigger: ".o_data_row .o_field_widget[name='product_uom_qty'] input",
            run: "edit 8",
        },
        {
            content: "Confirm the order",
            trigger: ".o_form_view button[name='action_confirm']:not(.o_invisible_modifier)",
            run: "click",
        },
        {
            content: "Two print jobs (4 parts per plate) were queued",
            trigger: ".o_form_view button[name='action_view_print_jobs'] .o_stat_value:contains('2')",
        },
        {
            content: "The line keeps the design version it was ordered with",
            trigger: ".o_data_row td[name='design_version_id']:contains('v30')",
        },
    ],
});

registry.category("web_tour.tours").add("tiers_lieu_order_delivery", {
    steps: () => [
        {
            content: "The order is fully produced",
            trigger: ".o_form_view .o_field_widget[name='production_progress'] .o_progressbar_value:contains('100')",
        },
        {
            content: "Open its delivery",
            trigger: ".o_form_view button[name='action_view_delivery']",
            run: "click",
        },
        {
            content: "Validate it",
            trigger: ".o_form_view button[name='button_validate']",
            run: "click",
        },
        {
            content: "The delivery is done",
            trigger: ".o_form_view .o_statusbar_status button[data-value='done'].o_arrow_button_current",
        },
        {
            content: "Its slip can be printed",
            trigger: ".o_form_view button[name='action_delivery_slip']",
        },
    ],
});
