import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

const AUTHS = ".o_field_widget[name='machine_authorization_ids']";

/** Open the trainee file, validate the FDM skill and open the tab Machines. */
function evaluateSteps() {
    return [
        ...openTiersLieuMenu("tiers_lieu_training.menu_trainees", "tiers_lieu_training.trainee_menu"),
        {
            content: "Open the file of the trainee followed",
            trigger: ".o_kanban_record:contains(Tour Trainee)",
            run: "click",
        },
        {
            content: "No authorisation yet",
            trigger:
                ".oe_stat_button[name='action_view_machine_authorizations'] .o_stat_value:contains(0)",
        },
        {
            content: "Go to the skills",
            trigger: ".o_notebook a[name='skills']",
            run: "click",
        },
        {
            content: "Add an evaluation",
            trigger: ".o_field_widget[name='evaluation_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the skill on the FDM printers",
            trigger:
                ".o_field_widget[name='evaluation_ids'] .o_data_row .o_field_widget[name='skill_id'] input",
            run: "edit Run an FDM",
        },
        {
            content: "Pick it in the grid",
            trigger: ".o-autocomplete--dropdown-item:contains(Run an FDM printer)",
            run: "click",
        },
        {
            content: "Choose the level",
            trigger:
                ".o_field_widget[name='evaluation_ids'] .o_data_row .o_field_widget[name='level_id'] input",
            run: "edit Acq",
        },
        {
            content: "Pick Acquired",
            trigger: ".o-autocomplete--dropdown-item:contains(Acquired)",
            run: "click",
        },
        {
            content: "Save the file",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The file is saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Go to the machines of the trainee",
            trigger: ".o_notebook a[name='machines']",
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("tiers_lieu_training_machine_grant", {
    url: "/odoo",
    steps: () => [
        ...evaluateSteps(),
        {
            content: "The FDM authorisation appears, valid",
            trigger: `${AUTHS} .o_data_row:has(td[name='machine_kind']:contains(FDM)) td[name='state']:contains(Valid)`,
        },
        {
            content: "The smart button counts it",
            trigger:
                ".oe_stat_button[name='action_view_machine_authorizations'] .o_stat_value:contains(1)",
            run: "click",
        },
        {
            content: "The authorisations list shows it",
            trigger: ".o_list_view .o_data_row td[name='partner_id']:contains(Tour Trainee)",
        },
    ],
});

registry.category("web_tour.tours").add("tiers_lieu_training_machine_propose", {
    url: "/odoo",
    steps: () => [
        ...evaluateSteps(),
        {
            content: "The FDM authorisation is proposed: grant it in one click",
            trigger: `${AUTHS} .o_data_row:has(td[name='machine_kind']:contains(FDM)) button[name='action_grant']`,
            run: "click",
        },
        {
            content: "It is valid",
            trigger: `${AUTHS} .o_data_row:has(td[name='machine_kind']:contains(FDM)) td[name='state']:contains(Valid):not(:has(button[name='action_grant']))`,
        },
        {
            content: "The grant button is gone",
            trigger: `${AUTHS}:not(:has(button[name='action_grant']))`,
        },
    ],
});
