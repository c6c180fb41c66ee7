import { registry } from "@web/core/registry";

function isoDaysAhead(days) {
    const day = new Date(Date.now() + days * 24 * 3600 * 1000);
    return day.toISOString().slice(0, 10);
}

registry.category("web_tour.tours").add("tiers_lieu_order_request_public", {
    url: "/tiers-lieu/demande",
    steps: () => [
        { trigger: "select[name=beneficiary_type]", run: "select school" },
        { trigger: "input[name=organisation]", run: "edit Collège Jean Moulin" },
        { trigger: "input[name=contact_name]", run: "edit Paul Techno" },
        { trigger: "input[name=email]", run: "edit paul.techno@college.example" },
        { trigger: "select[name=part_id]", run: "selectByIndex 1" },
        { trigger: "input[name=quantity]", run: "edit 40" },
        {
            trigger: "input[name=date_needed]",
            run() {
                this.anchor.value = isoDaysAhead(7);
            },
        },
        { trigger: "textarea[name=message]", run: "edit Pour l'atelier de technologie." },
        { trigger: "button[type=submit]", run: "click" },
        { trigger: ".o_tl_order_request_thanks strong:contains(paul.techno@college.example)" },
    ],
});

registry.category("web_tour.tours").add("tiers_lieu_order_request_review", {
    url: "/odoo/action-tiers_lieu_order_request.sale_order_action_requests",
    steps: () => [
        { trigger: ".o_data_row td:contains(Collège Jean Moulin)", run: "click" },
        { trigger: ".o_form_view .ribbon" },
        { trigger: "button[name=action_accept_request]", run: "click" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current[data-value=sale]" },
        { trigger: ".o_form_view:not(:has(button[name=action_accept_request]))" },
    ],
});
