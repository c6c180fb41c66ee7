import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("tiers_lieu_association_identity", {
    url: "/odoo",
    steps: () => [
        ...openTiersLieuMenu("tiers_lieu.menu_configuration", "tiers_lieu.menu_association"),
        {
            content: "Type the RNA number with spaces",
            trigger: ".o_field_widget[name='association_rna'] input",
            run: "edit W913 004 217",
        },
        {
            content: "Name the signatory",
            trigger: ".o_field_widget[name='signatory_name'] input",
            run: "edit Camille Martin",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, RNA stored without spaces",
            trigger: ".o_form_saved .o_field_widget[name='association_rna'] input:value(W913004217)",
        },
    ],
});
