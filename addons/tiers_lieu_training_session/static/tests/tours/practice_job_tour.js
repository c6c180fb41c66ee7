import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

/** The trainer opens a session and creates a practice print job for one of its trainees
 * (a machine of the session and the trainer as supervisor come from the session). */
registry.category("web_tour.tours").add("tiers_lieu_training_session_practice_job", {
    url: "/odoo",
    steps: () => [
        ...openTiersLieuMenu(
            "tiers_lieu_training.menu_trainees",
            "tiers_lieu_training_session.training_session_menu"
        ),
        {
            content: "Open the session",
            trigger: ".o_data_row td:contains(Tour practice)",
            run: "click",
        },
        {
            content: "Open the practice jobs of the session",
            trigger: ".o_notebook .nav-link[name='practice_jobs']",
            run: "click",
        },
        {
            content: "New practice job",
            trigger: "button[name='action_new_practice_job']",
            run: "click",
        },
        {
            content: "Name the part",
            trigger: ".o_field_widget[name='part_name'] input",
            run: "edit Tour calibration cube",
        },
        {
            content: "Choose the trainee who runs it",
            trigger: ".o_field_widget[name='operator_id'] input",
            run: "edit Tour Chloé",
        },
        {
            content: "Pick the trainee",
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour Chloé)",
            run: "click",
        },
        {
            content: "Choose the material",
            trigger: ".o_field_widget[name='material_id'] input",
            run: "edit Tour PLA",
        },
        {
            content: "Pick the material",
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour PLA)",
            run: "click",
        },
        {
            content: "Save the job",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The job is saved",
            trigger: ".o_form_saved",
        },
    ],
});
