import { registry } from "@web/core/registry";
import { openTiersLieuMenu, screenshot } from "@tiers_lieu/../tests/tours/tour_utils";

// Staff open the app on the dashboard, then the list behind a figure.
registry.category("web_tour.tours").add("tiers_lieu_farm_dashboard", {
    url: "/odoo",
    steps: () => [
        ...openTiersLieuMenu(),
        {
            content: "The app opens on the dashboard, this month's parts produced shown",
            trigger: ".o_tl_dashboard .o_tl_tile[data-tile='parts_produced'] .o_tl_tile_value:contains(8)",
        },
        {
            content: "Every section of the workshop shows",
            trigger: ".o_tl_dashboard:has(section[data-section='machines']):has(section[data-section='material']):has(section[data-section='donations'])",
        },
        screenshot("dashboard_staff", ".o_tl_dashboard .o_tl_trend"),
        {
            content: "Open the jobs behind the parts produced",
            trigger: ".o_tl_tile[data-tile='parts_produced'] .o_tl_tile_value",
            run: "click",
        },
        {
            content: "The list of the jobs of the month that produced them",
            trigger: ".o_breadcrumb .active:contains(Pièces produites)",
        },
        {
            content: "Its two jobs",
            trigger: ".o_list_view:has(.o_data_row:nth-child(2)):not(:has(.o_data_row:nth-child(3)))",
        },
        screenshot("dashboard_staff_list", ".o_list_view .o_data_row"),
    ],
});

// A trainer sees the training figures only, and opens the hours behind them.
registry.category("web_tour.tours").add("tiers_lieu_farm_dashboard_trainer", {
    url: "/odoo/action-tiers_lieu.dashboard_action",
    steps: () => [
        {
            content: "The trainer's dashboard: training only",
            trigger: ".o_tl_dashboard:has(section[data-section='training']):not(:has(section[data-section='machines'])):not(:has(section[data-section='donations']))",
        },
        screenshot("dashboard_trainer", ".o_tl_dashboard .o_tl_tile"),
        {
            content: "Open the production hours",
            trigger: ".o_tl_tile[data-tile='trainee_production_hours'] .o_tl_tile_value",
            run: "click",
        },
        {
            content: "The hours list",
            trigger: ".o_breadcrumb .active:contains(Heures de production)",
        },
    ],
});
