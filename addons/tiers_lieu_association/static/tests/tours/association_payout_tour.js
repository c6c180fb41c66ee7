import { registry } from "@web/core/registry";
import { openTiersLieuMenu } from "@tiers_lieu/../tests/tours/tour_utils";

// The Leetchi export of the tour's kitty: 3 gifts paid (170 €), 6,80 € of fees, 1 refunded.
const LEETCHI_EXPORT = [
    "Date de participation;Prénom;Nom;E-mail;Adresse;Code postal;Ville;Pays;Montant de la participation (€);Frais Leetchi (€);Statut;Participation anonyme;Message",
    "05/05/2026 19:40;Inès;Tournesol;ines.tournesol@example.fr;27 rue Victor Hugo;91800;Brunoy;France;50,00;2,00;Payé;Non;Bravo !",
    "06/05/2026 09:12;Tom;Tournesol;tom.tournesol@example.net;27 rue Victor Hugo;91800;Brunoy;France;20,00;0,80;Payé;Non;",
    "06/05/2026 22:03;Ama;Tournesol;ama.tournesol@example.com;2 bis rue des Écoles;91210;Draveil;France;100,00;4,00;Payé;Oui;",
    "07/05/2026 14:55;Luc;Tournesol;luc.tournesol@example.org;9 rue du Moulin;91860;Épinay-sous-Sénart;France;15,00;0,60;Remboursé;Non;",
].join("\n");

registry.category("web_tour.tours").add("tiers_lieu_association_payout", {
    url: "/odoo",
    steps: () => [
        ...openTiersLieuMenu(
            "tiers_lieu_donation.menu_donation",
            "tiers_lieu_donation.menu_donation_pool_import"
        ),
        {
            content: "Name the kitty",
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Cagnotte Leetchi du tour",
        },
        {
            content: "It is a Leetchi export",
            trigger: ".modal .o_field_widget[name='layout'] select",
            run: 'select "leetchi"',
        },
        {
            content: "Upload the export",
            trigger: ".modal .o_field_widget[name='file'] input[type='file']:not(:visible)",
            run: async function () {
                const input = document.querySelector(
                    ".modal .o_field_widget[name='file'] input[type='file']"
                );
                const transfer = new DataTransfer();
                transfer.items.add(new File([LEETCHI_EXPORT], "leetchi.csv", { type: "text/csv" }));
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The file is loaded",
            trigger: ".modal .o_field_widget[name='file'] .o_clear_file_button",
        },
        {
            content: "Import",
            trigger: ".modal button[name='action_import']",
            run: "click",
        },
        {
            content: "Validate the gifts",
            trigger: ".o_form_view button[name='action_validate']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The gifts are validated (donations, receipts and their PDFs)",
            trigger: ".o_form_view button[name='action_reconcile_payout']",
            timeout: 60000,
        },
        {
            content: "Enter the payout received on the bank",
            trigger: ".o_form_view .o_field_widget[name='payout_amount'] input",
            run: "edit 163.20",
        },
        {
            content: "Reconcile the payout",
            trigger: ".o_form_view button[name='action_reconcile_payout']",
            run: "click",
        },
        {
            content: "The payout is booked",
            trigger: ".o_form_view .o_field_widget[name='payout_move_id'] a",
            timeout: 30000,
        },
    ],
});
