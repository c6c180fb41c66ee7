import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/**
 * The first screen of the Tiers-Lieu app: the tiles of tiers_lieu.dashboard that the
 * user's roles may see, by section. A click on a figure (or on one of its details) opens
 * the list behind it, filtered.
 */
export class TiersLieuDashboard extends Component {
    static template = "tiers_lieu.Dashboard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ data: null });
        onWillStart(() => this.load());
    }

    async load() {
        this.state.data = await this.orm.call("tiers_lieu.dashboard", "get_dashboard", []);
    }

    /** Bars of the 12-month trend, as heights in percent of the largest month. */
    bars(tile) {
        const max = Math.max(...tile.trend.map((value) => Math.abs(value)), 0);
        return tile.trend.map((value, index) => ({
            height: max ? Math.max(2, Math.round((Math.abs(value) / max) * 100)) : 2,
            label: `${this.state.data.months[index]} : ${Math.round(value * 10) / 10}`,
            current: index === tile.trend.length - 1,
        }));
    }

    async open(tile, detail) {
        if (!tile.action) {
            return;
        }
        const domain = detail && detail.domain ? [...tile.action.domain, ...detail.domain] : tile.action.domain;
        const name = detail ? `${tile.title} – ${detail.label}` : tile.action.name || tile.title;
        const action = await this.orm.call("tiers_lieu.dashboard", "open_tile", [
            tile.action.xmlid,
            domain,
            name,
        ]);
        await this.action.doAction(action);
    }
}

registry.category("actions").add("tiers_lieu_dashboard", TiersLieuDashboard);
