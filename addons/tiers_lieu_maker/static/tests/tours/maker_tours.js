import { registry } from "@web/core/registry";

// A maker on a phone: open a batch, download link, declare, back to the list, ask for
// filament.
registry.category("web_tour.tours").add("tiers_lieu_maker_portal", {
    url: "/my/maker",
    steps: () => [
        {
            content: "My totals, in French",
            trigger: ".o_maker_totals:contains('Pièces déclarées')",
        },
        {
            content: "Open the batch to print",
            trigger: ".o_maker_group_to_print .o_maker_batch",
            run: "click",
        },
        {
            content: "The validated file can be downloaded",
            trigger: ".o_maker_download",
        },
        {
            content: "Twelve good parts",
            trigger: ".o_maker_declare_form input[name='qty_produced']",
            run: "edit 12",
        },
        {
            content: "One failed part",
            trigger: ".o_maker_declare_form input[name='qty_failed']",
            run: "edit 1",
        },
        {
            content: "It weighed 14 g",
            trigger: ".o_maker_declare_form input[name='failed_weight_grams']",
            run: "edit 14",
        },
        {
            content: "Declare",
            trigger: ".o_maker_declare_form button[type='submit']",
            run: "click",
        },
        {
            content: "Counted",
            trigger: ".o_maker_declared",
        },
        {
            content: "Twelve declared on the batch",
            trigger: ".o_maker_declared_qty:contains('12')",
        },
        {
            content: "Back to my batches",
            trigger: ".o_maker_batch_page a[href='/my/maker']",
            run: "click",
        },
        {
            content: "The batch is being printed",
            trigger: ".o_maker_group_printing .o_maker_batch",
        },
        {
            content: "Ask for filament",
            trigger: ".o_maker_filament_form textarea[name='note']",
            run: "edit 2 bobines PLA noir",
        },
        {
            content: "Send",
            trigger: ".o_maker_filament_form button[type='submit']",
            run: "click",
        },
        {
            content: "Sent to the team",
            trigger: ".o_maker_filament_sent",
        },
    ],
});

// Staff split an order between makers from the order form.
registry.category("web_tour.tours").add("tiers_lieu_maker_allocate", {
    steps: () => [
        {
            content: "Allocate to makers",
            trigger: ".o_form_view button[name='action_allocate_makers']",
            run: "click",
        },
        {
            content: "Thirty parts",
            trigger: ".modal .o_field_widget[name='quantity'] input",
            run: "edit 30",
        },
        {
            content: "Makers suggested, the nearest first",
            trigger: ".modal .o_data_row:first td[name='maker_id']:contains('Léa')",
        },
        {
            content: "Allocate",
            trigger: ".modal button[name='action_allocate']",
            run: "click",
        },
        {
            content: "Two maker batches on the order",
            trigger: ".o_form_view button[name='action_view_maker_batches'] .o_stat_value:contains('2')",
        },
    ],
});

// Staff run the round: boxes collected, quality control, reception.
registry.category("web_tour.tours").add("tiers_lieu_maker_round", {
    steps: () => [
        {
            content: "Boxes collected",
            trigger: ".o_form_view button[name='action_collect_makers']",
            run: "click",
        },
        {
            content: "Count the accepted parts of the first batch",
            trigger: ".o_data_row:first td[name='qty_accepted']",
            run: "click",
        },
        {
            content: "All of them",
            trigger: ".o_data_row:first .o_field_widget[name='qty_accepted'] input",
            run: "edit 20",
        },
        {
            content: "Second batch",
            trigger: ".o_data_row:eq(1) td[name='qty_accepted']",
            run: "click",
        },
        {
            content: "Eight accepted",
            trigger: ".o_data_row:eq(1) .o_field_widget[name='qty_accepted'] input",
            run: "edit 8",
        },
        {
            content: "Two rejected",
            trigger: ".o_data_row:eq(1) .o_field_widget[name='qty_rejected'] input",
            run: "edit 2",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Receive",
            trigger: ".o_form_view button[name='action_receive_makers']",
            run: "click",
        },
        {
            content: "Received",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Reçue')",
        },
    ],
});
