import { registry } from "@web/core/registry";

// Started on the form of a user, as an administrator outside developer mode.
registry.category("web_tour.tours").add("tiers_lieu_user_roles", {
    steps: () => [
        {
            content: "Not in developer mode",
            trigger: ".o_form_view .o_notebook",
            run() {
                if (odoo.debug) {
                    throw new Error("the tour must run outside developer mode");
                }
            },
        },
        {
            content: "The Tiers-Lieu section: make the user a manager of the workshop",
            trigger:
                ".o_inner_group:contains(Tiers-Lieu) .o_field_widget select:has(option:contains(Équipe))",
            run: "selectByLabel Responsable",
        },
        {
            content: "And treasurer",
            trigger:
                ".o_inner_group:contains(Tiers-Lieu) .o_field_widget select:has(option:contains(Trésorier))",
            run: "selectByLabel Trésorier",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});
