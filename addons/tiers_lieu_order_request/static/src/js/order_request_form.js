/** @odoo-module **/

import publicWidget from "@web/legacy/js/public/public_widget";
import { loadJS } from "@web/core/assets";

/**
 * Beyond the hourly limit, when the company chose Google reCAPTCHA, the form gets a
 * reCAPTCHA v3 token at submit time (Odoo's google_recaptcha checks it on the server).
 */
publicWidget.registry.TiersLieuOrderRequestRecaptcha = publicWidget.Widget.extend({
    selector: ".o_tl_order_request form",
    events: { submit: "_onSubmit" },

    start() {
        const box = this.el.querySelector(".o_tl_order_request_recaptcha[data-site-key]");
        this.siteKey = box ? box.dataset.siteKey : null;
        if (this.siteKey) {
            const url = "https://www.recaptcha.net/recaptcha/api.js?render=";
            this.ready = loadJS(url + encodeURIComponent(this.siteKey)).then(
                () => new Promise((resolve) => window.grecaptcha.ready(resolve))
            );
        }
        return this._super(...arguments);
    },

    async _onSubmit(ev) {
        if (!this.siteKey || this.el.querySelector("input[name='recaptcha_token_response']")) {
            return;
        }
        ev.preventDefault();
        await this.ready;
        const token = await window.grecaptcha.execute(this.siteKey, {
            action: "tiers_lieu_order_request",
        });
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = "recaptcha_token_response";
        input.value = token;
        this.el.appendChild(input);
        this.el.submit();
    },
});
