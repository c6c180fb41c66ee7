import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

registry.category("web_tour.tours").add("tiers_lieu_training_evaluation", {
    url: "/odoo",
    steps: () => [
        ...openTiersLieuMenu("tiers_lieu_training.menu_trainees", "tiers_lieu_training.trainee_menu"),
        {
            content: "Open the file of the trainee followed",
            trigger: ".o_kanban_record:contains(Tour Trainee)",
            run: "click",
        },
        {
            content: "Go to the skills",
            trigger: ".o_notebook a[name='skills']",
            run: "click",
        },
        {
            content: "The FDM block is not started",
            trigger:
                ".o_field_widget[name='block_progress_ids'] .o_data_row:contains(Produce) .o_progressbar_value:contains(0)",
        },
        {
            content: "Add an evaluation",
            trigger: ".o_field_widget[name='evaluation_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the skill",
            trigger: ".o_field_widget[name='evaluation_ids'] .o_data_row .o_field_widget[name='skill_id'] input",
            run: "edit Run an FDM",
        },
        {
            content: "Pick it in the grid",
            trigger: ".o-autocomplete--dropdown-item:contains(Run an FDM printer)",
            run: "click",
        },
        {
            content: "Choose the level",
            trigger: ".o_field_widget[name='evaluation_ids'] .o_data_row .o_field_widget[name='level_id'] input",
            run: "edit Acq",
        },
        {
            content: "Pick Acquired",
            trigger: ".o-autocomplete--dropdown-item:contains(Acquired)",
            run: "click",
        },
        {
            content: "Write the evidence",
            trigger: ".o_field_widget[name='evaluation_ids'] .o_data_row .o_field_widget[name='comment'] textarea, .o_field_widget[name='evaluation_ids'] .o_data_row .o_field_widget[name='comment'] input",
            run: "edit Printed a batch of face shields alone",
        },
        {
            content: "Save the file",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The block progress shows the validated skill",
            trigger:
                ".o_form_saved .o_field_widget[name='block_progress_ids'] .o_data_row:contains(Produce) .o_progressbar_value:contains(100)",
        },
    ],
});
