import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

// Opening the Tiers-Lieu app shows a screen of the user's role, without an error dialog.
function landsOn(tourName, breadcrumb) {
    registry.category("web_tour.tours").add(tourName, {
        url: "/odoo",
        steps: () => [
            ...openTiersLieuMenu(),
            {
                content: `The app opens on “${breadcrumb}”`,
                trigger: `.o_breadcrumb .active:contains(${breadcrumb})`,
            },
            {
                content: "The records show, without an error",
                trigger: "body:not(:has(.o_error_dialog, .o_dialog .modal-body:contains(autorisé))) .o_view_controller:not(.o_form_view)",
            },
        ],
    });
}

landsOn("tiers_lieu_farm_home_trainer", "Apprenants");
landsOn("tiers_lieu_farm_home_treasurer", "Dons");
