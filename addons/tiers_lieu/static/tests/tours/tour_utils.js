import { stepUtils } from "@web_tour/tour_service/tour_utils";

/**
 * Steps opening the Tiers-Lieu app from the home menu, then, when given, a menu of its
 * navbar and one of that menu's items (by xmlid). Tours of every Tiers-Lieu addon start so:
 *
 *     import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";
 *     steps: () => [...openTiersLieuMenu("tiers_lieu_x.menu_x", "tiers_lieu_x.x_menu"), ...]
 */
export function openTiersLieuMenu(menuXmlid, itemXmlid) {
    const steps = [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Tiers-Lieu app",
            trigger: ".o_app[data-menu-xmlid='tiers_lieu.menu_root']",
            run: "click",
        },
    ];
    if (menuXmlid) {
        steps.push({
            content: `Open the menu ${menuXmlid}`,
            trigger: ".o_main_navbar .o_menu_sections",
            async run() {
                // With every addon installed the navbar overflows: the menus that do not
                // fit are in its "More" dropdown, their items listed under their name. The
                // navbar sorts them out after its first rendering (later on a loaded
                // machine): wait until the menu or "More" shows, up to 10 s.
                const more = ".o_main_navbar .o_menu_sections_more button";
                for (let waited = 0; waited < 10000; waited += 100) {
                    await new Promise((resolve) => setTimeout(resolve, 100));
                    const button = document.querySelector(
                        `.o_main_navbar button[data-menu-xmlid='${menuXmlid}']`
                    );
                    if (waited >= 300 && button && button.checkVisibility()) {
                        button.click();
                        return;
                    }
                    if (waited >= 300 && document.querySelector(more)?.checkVisibility()) {
                        document.querySelector(more).click();
                        return;
                    }
                }
                throw new Error(`No menu ${menuXmlid} nor "More" in the navbar`);
            },
        });
    }
    if (itemXmlid) {
        steps.push({
            content: `Open ${itemXmlid}`,
            trigger: `.dropdown-item[data-menu-xmlid='${itemXmlid}']`,
            run: "click",
        });
    }
    return steps;
}

/**
 * A step saving a screenshot of the page as `<name>.png` (lower case, digits, underscores),
 * when the test runs the tour inside `saving_screenshots()` (tiers_lieu/tests/common.py):
 * the user guides of docs/ show these.
 */
export function screenshot(name, trigger = "body") {
    return {
        content: `Screenshot ${name}`,
        trigger,
        async run() {
            console.log(`tl-screenshot:${name}`);
            // Chrome captures the page while the tour waits.
            await new Promise((resolve) => setTimeout(resolve, 1000));
        },
    };
}
