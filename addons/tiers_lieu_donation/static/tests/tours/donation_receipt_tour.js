import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("tiers_lieu_donation_receipt", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Tiers-Lieu app",
            trigger: ".o_app[data-menu-xmlid='tiers_lieu.menu_root']",
            run: "click",
        },
        {
            content: "Open the Donations menu",
            trigger: ".o_main_navbar button[data-menu-xmlid='tiers_lieu_donation.menu_donation']",
            run: "click",
        },
        {
            content: "List the donations",
            trigger: ".dropdown-item[data-menu-xmlid='tiers_lieu_donation.menu_donation_donations']",
            run: "click",
        },
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
    ],
});
