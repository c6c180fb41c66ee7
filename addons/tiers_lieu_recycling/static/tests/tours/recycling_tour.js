import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

function pickMany2one(selector, text) {
    return [
        {
            content: `Type ${text}`,
            trigger: `${selector} input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick ${text}`,
            trigger: `${selector} .o-autocomplete--dropdown-item > a:contains('${text}')`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("tiers_lieu_recycling", {
    url: "/odoo",
    steps: () => [
        // Weigh a bin: material, source, grams.
        ...openTiersLieuMenu("tiers_lieu_recycling.menu_recycling", "tiers_lieu_recycling.offcut_weigh_menu"),
        ...pickMany2one(".modal .o_field_widget[name='material_id']", "Tour PLA"),
        {
            content: "Rejected at quality control",
            trigger: ".modal .o_field_widget[name='source'] input[data-value='rejected']",
            run: "click",
        },
        {
            content: "The grams on the scale",
            trigger: ".modal .o_field_widget[name='grams'] input",
            run: "edit 85",
        },
        {
            content: "Weigh",
            trigger: ".modal button[name='action_weigh']",
            run: "click",
        },
        {
            content: "The dialog closes",
            trigger: "body:not(:has(.modal))",
        },
        // Run a batch of the offcut lot prepared by the test.
        ...openTiersLieuMenu(
            "tiers_lieu_recycling.menu_recycling",
            "tiers_lieu_recycling.recycling_batch_menu"
        ),
        {
            content: "New batch",
            trigger: ".o_list_button_add",
            run: "click",
        },
        ...pickMany2one(".o_form_view .o_field_widget[name='material_id']", "Tour PLA"),
        ...pickMany2one(".o_form_view .o_field_widget[name='output_product_id']", "Tour recycled PLA"),
        {
            content: "Grams of filament wound",
            trigger: ".o_form_view .o_field_widget[name='output_grams'] input",
            run: "edit 400",
        },
        {
            content: "Add an offcut lot",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pickMany2one(".o_field_widget[name='line_ids'] .o_field_widget[name='lot_id']", "TOUR-OFFCUT-1"),
        {
            content: "Its grams",
            trigger: ".o_field_widget[name='line_ids'] .o_field_widget[name='grams'] input",
            run: "edit 450",
        },
        {
            content: "Record the batch",
            trigger: ".o_form_view button[name='action_done']",
            run: "click",
        },
        {
            content: "The batch is done, with its recycled spool",
            trigger: ".o_form_view .o_field_widget[name='output_lot_id'] a, .o_form_view .o_field_widget[name='output_lot_id'] span:not(:empty)",
        },
        // Open the balance of the month.
        ...openTiersLieuMenu("tiers_lieu_recycling.menu_recycling", "tiers_lieu_recycling.mass_balance_menu"),
        {
            content: "Show the balance",
            trigger: ".modal button[name='action_compute']",
            run: "click",
        },
        {
            content: "The recycled filament is a line of the balance (Filament recyclé / Recycled filament)",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('ecycl'):contains('400')",
        },
    ],
});
