import { registry } from "@web/core/registry";

/** A trainee opens their training on the portal, on a phone: the session of the day, their
 * signed half-day, then the session's page. Selectors do not depend on the language. */
registry.category("web_tour.tours").add("tiers_lieu_training_portal_trainee", {
    url: "/my",
    steps: () => [
        {
            content: "Open my training from the portal home",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/training']",
            run: "click",
        },
        {
            content: "My training hours are shown",
            trigger: ".o_training_totals .o_training_hours:contains(03:30)",
        },
        {
            content: "Open the session of the day",
            trigger: ".o_training_session:contains(Tour portail)",
            run: "click",
        },
        {
            content: "My morning is signed",
            trigger: ".o_training_session_page .o_training_line .o_training_present",
        },
        {
            content: "Back to my training",
            trigger: ".o_training_session_page a[href='/my/training']",
            run: "click",
        },
        {
            content: "My attestation can be downloaded",
            trigger: ".o_training_documents a.o_training_attestation[href='/my/training/attestation']",
        },
    ],
});
