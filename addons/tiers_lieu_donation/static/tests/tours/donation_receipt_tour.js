import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("tiers_lieu_donation_receipt", {
    url: "/odoo",
    steps: () => [
        ...openTiersLieuMenu("tiers_lieu_donation.menu_donation", "tiers_lieu_donation.menu_donation_donations"),
        {
            content: "Open the draft donation of the tour donor",
            trigger: ".o_data_row td[name='partner_id']:contains(Tour Donor)",
            run: "click",
        },
        {
            content: "Validate it",
            trigger: ".o_form_view button[name='validate']",
            run: "click",
        },
        {
            content: "The donation is done and its receipt issued",
            trigger: ".o_form_view .o_field_widget[name='tax_receipt_id'] a:contains(RF-)",
            run: "click",
        },
        {
            content: "Download the receipt",
            trigger: ".o_form_view button[name='action_tl_download']",
            run: "click",
        },
        {
            content: "Still on the issued receipt",
            trigger: ".o_form_view .o_field_widget[name='number']:contains(RF-)",
        },
        {
            // The download runs in the background: wait for the server to have handed the
            // original over (the report renderer sets the print date) before the tour ends.
            content: "The original is downloaded",
            trigger: ".o_form_view",
            run: async () => {
                for (let attempt = 0; attempt < 150; attempt++) {
                    const count = await rpc("/web/dataset/call_kw/donation.tax.receipt/search_count", {
                        model: "donation.tax.receipt",
                        method: "search_count",
                        args: [[["partner_id.name", "=", "Tour Donor"], ["print_date", "!=", false]]],
                        kwargs: {},
                    });
                    if (count) {
                        return;
                    }
                    await new Promise((resolve) => setTimeout(resolve, 200));
                }
                throw new Error("The receipt PDF was not downloaded");
            },
        },
    ],
});
