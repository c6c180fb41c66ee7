import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

const ADOPT = ".modal .modal-footer button.btn-primary:enabled:contains(Adopt)";

/** The trainer opens today's session on a tablet: one trainee signs, one is absent, the
 * trainer signs the sheet and closes the session. */
registry.category("web_tour.tours").add("tiers_lieu_training_session_attendance", {
    url: "/odoo",
    steps: () => [
        ...openTiersLieuMenu(
            "tiers_lieu_training.menu_trainees",
            "tiers_lieu_training_session.training_session_menu"
        ),
        {
            content: "Open the session of the day",
            trigger: ".o_data_row td:contains(Tour slicing)",
            run: "click",
        },
        {
            content: "Hand the tablet to the group",
            trigger: "button[name='action_open_tablet']",
            run: "click",
        },
        {
            content: "The trainee taps their card",
            trigger: ".o_kanban_record:contains(Tour Alice)",
            run: "click",
        },
        {
            content: "Tap the signature frame",
            trigger: ".modal .o_field_widget[name='signature'] .o_signature_empty",
            run: "click",
        },
        {
            content: "Adopt the signature (drawn from the name)",
            trigger: ADOPT,
            run: "click",
        },
        {
            content: "Sign",
            trigger: ".modal .o_field_widget[name='signature'] img.o_signature",
        },
        {
            content: "Confirm the signature",
            trigger: ".modal button[name='action_sign']",
            run: "click",
        },
        {
            content: "Alice is present",
            trigger: ".o_kanban_record:contains(Tour Alice) .badge.text-bg-success",
        },
        {
            content: "Bruno is not there: open his card",
            trigger: ".o_kanban_record:contains(Tour Bruno)",
            run: "click",
        },
        {
            content: "Sick",
            trigger: ".modal .o_field_widget[name='absence_reason'] select",
            run: "select \"sick\"",
        },
        {
            content: "Mark him absent",
            trigger: ".modal button[name='action_mark_absent']",
            run: "click",
        },
        {
            content: "Bruno is absent",
            trigger: ".o_kanban_record:contains(Tour Bruno) .badge.text-bg-300",
        },
        {
            content: "Back to the session",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Tour slicing)",
            run: "click",
        },
        {
            content: "The trainer signs the sheet",
            trigger: ".o_field_widget[name='trainer_signature'] .o_signature_empty",
            run: "click",
        },
        {
            content: "Adopt the trainer's signature",
            trigger: ADOPT,
            run: "click",
        },
        {
            content: "Close the session",
            trigger: "button[name='action_close']",
            run: "click",
        },
        {
            content: "The session is closed",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='done']",
        },
    ],
});
