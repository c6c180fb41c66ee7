import base64
import csv
import io
from datetime import date

from odoo import api, fields, models

from odoo.addons.tiers_lieu_donation.access import check_treasurer

from ..models.tiers_lieu_grant import FUNDER_TYPES
from ..pdf.yearly_report import render_members, render_yearly_report


class TiersLieuAssociationYearlyReport(models.TransientModel):
    """The year in figures for the general assembly and the funders (PDF and CSV), and
    the members' list to sign at the assembly."""

    _name = "tiers_lieu.association.yearly.report"
    _description = "Yearly Report of the Association"

    def _default_year(self):
        return fields.Date.context_today(self).year - 1

    year = fields.Integer(required=True, default=_default_year)
    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)
    pdf_file = fields.Binary(string="Report (PDF)", readonly=True)
    pdf_filename = fields.Char()
    csv_file = fields.Binary(string="Report (CSV)", readonly=True)
    csv_filename = fields.Char()

    def _bounds(self):
        return date(self.year, 1, 1), date(self.year, 12, 31)

    def _balance(self, accounts):
        """Income (credit positive) booked on ``accounts`` in the year, posted entries."""
        start, end = self._bounds()
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("parent_state", "=", "posted"),
                    ("account_id", "in", accounts.ids),
                    ("date", ">=", start),
                    ("date", "<=", end),
                ],
                [],
                ["balance:sum"],
            )
        )
        return -(groups[0][0] or 0.0) or 0.0  # never "-0.00"

    def _activity(self):
        """(label, value) of the activity of the year, from the addons installed."""
        start, end = self._bounds()
        rows = []
        env = self.env
        if "tiers_lieu.print.job" in env:
            ((parts, jobs),) = (
                env["tiers_lieu.print.job"]
                .sudo()
                ._read_group(
                    [
                        ("state", "=", "done"),
                        ("date_end", ">=", start),
                        ("date_end", "<", date(self.year + 1, 1, 1)),
                    ],
                    [],
                    ["good_quantity:sum", "__count"],
                )
            )
            rows += [("Pièces produites", str(parts or 0)), ("Impressions terminées", str(jobs))]
        order = env.get("sale.order")
        if order is not None and "aid_value" in order._fields and order._fields["aid_value"].store:
            labels = dict(order._fields["beneficiary_type"]._description_selection(env))
            for kind, aid, count in order.sudo()._read_group(
                [
                    ("order_kind", "=", "solidarity"),
                    ("state", "=", "sale"),
                    ("date_order", ">=", start),
                    ("date_order", "<", date(self.year + 1, 1, 1)),
                ],
                ["beneficiary_type"],
                ["aid_value:sum", "__count"],
            ):
                rows.append(
                    (
                        f"Aide donnée : {labels.get(kind, 'autre')} ({count} commande(s))",
                        f"{aid or 0.0:.2f} €",
                    )
                )
        if "tiers_lieu.trainee" in env:
            Trainee = env["tiers_lieu.trainee"].sudo()
            rows.append(
                (
                    "Stagiaires entrés",
                    str(
                        Trainee.search_count(
                            [("entry_date", ">=", start), ("entry_date", "<=", end)]
                        )
                    ),
                )
            )
            rows.append(
                (
                    "Sorties de stagiaires",
                    str(
                        Trainee.search_count([("exit_date", ">=", start), ("exit_date", "<=", end)])
                    ),
                )
            )
        ((volunteers, hours),) = (
            env["tiers_lieu.volunteer.work"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("date", ">=", start),
                    ("date", "<=", end),
                ],
                [],
                ["partner_id:count_distinct", "hours:sum"],
            )
        )
        rows += [
            ("Bénévoles et makers actifs", str(volunteers)),
            ("Heures de bénévolat", f"{hours or 0.0:.2f}"),
        ]
        return rows

    def _resources(self):
        """(label, amount) of the year's resources."""
        company = self.company_id
        start, end = self._bounds()
        rows = [("Cotisations (756)", self._balance(company.tl_dues_account_id))]
        gifts = company.donation_individual_account_id | company.donation_sponsorship_account_id
        rows.append(("Dons en numéraire et mécénat (754)", self._balance(gifts)))
        in_kind = (
            self.env["donation.line"]
            .sudo()
            ._read_group(
                [
                    ("donation_id.company_id", "=", company.id),
                    ("donation_id.state", "=", "done"),
                    ("donation_id.donation_date", ">=", start),
                    ("donation_id.donation_date", "<=", end),
                    ("product_id.donation_type", "=", "donation_in_kind"),
                ],
                [],
                ["amount_company_currency:sum"],
            )
        )
        rows.append(("Dons en nature (valorisés)", in_kind[0][0] or 0.0))
        funder_labels = dict(FUNDER_TYPES)
        labels = {
            "state": "État",
            "region": "Région",
            "department": "Département",
            "municipality": "Communes",
            "eu": "Union européenne",
            "foundation": "Fondations",
            "other": "Autres financeurs",
        }
        for funder_type, amount in (
            self.env["tiers_lieu.grant.instalment"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("date", ">=", start),
                    ("date", "<=", end),
                ],
                ["funder_type"],
                ["amount:sum"],
            )
        ):
            label = labels.get(funder_type, funder_labels.get(funder_type, funder_type))
            rows.append((f"Subventions perçues : {label} (74)", amount))
        sales = (
            self.env["account.account"]
            .sudo()
            .search(
                [
                    *self.env["account.account"]._check_company_domain(company),
                    ("code", "=like", "70%"),
                ]
            )
        )
        rows.append(("Ventes et prestations (70)", self._balance(sales)))
        volunteer = (
            self.env["tiers_lieu.volunteer.work"]
            .sudo()
            ._read_group(
                [("company_id", "=", company.id), ("date", ">=", start), ("date", "<=", end)],
                ["contribution"],
                ["amount:sum"],
            )
        )
        contribution_labels = {
            "volunteer": "Bénévolat valorisé (864 / 875)",
            "goods": "Mise à disposition gratuite de locaux et de biens (861 / 871)",
            "service": "Prestations en nature (862 / 871)",
            "gifts": "Dons en nature consommés ou redistribués (860 / 870)",
        }
        for contribution, amount in volunteer:
            rows.append((contribution_labels[contribution], amount))
        return rows

    def _declaration(self):
        declaration = self.env["tiers_lieu.donation.declaration"].create(
            {"year": self.year, "company_id": self.company_id.id}
        )
        declaration.action_compute()
        return declaration._declaration_rows()

    def _rows(self):
        """(section, label, value) of the whole report, as in the CSV."""
        rows = [("Activité", label, value) for label, value in self._activity()]
        rows += [("Ressources", label, f"{amount:.2f}") for label, amount in self._resources()]
        rows += [("Déclaration 222 bis", label, value) for label, value in self._declaration()]
        return rows

    def action_generate(self):
        self.ensure_one()
        check_treasurer(self.env, self.env._("Only Treasurers may prepare the yearly report."))
        rows = self._rows()
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Rubrique", "Libellé", "Valeur"])
        writer.writerows(rows)
        today = fields.Date.context_today(self)
        self.write(
            {
                "csv_file": base64.b64encode(out.getvalue().encode("utf-8-sig")),
                "csv_filename": f"rapport_annuel_{self.year}.csv",
                "pdf_file": base64.b64encode(render_yearly_report(self, rows, today)),
                "pdf_filename": f"rapport_annuel_{self.year}.pdf",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_book_volunteer_time(self):
        """Book the year's volunteer contributions in class 8 (864/875, 861/871, 862/871,
        860/870)."""
        self.ensure_one()
        move = self.env["tiers_lieu.volunteer.work"]._tl_book_year(self.year, self.company_id)
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": move.id,
            "view_mode": "form",
        }

    @api.model
    def _tl_members(self, company):
        return (
            self.env["res.partner"]
            .sudo()
            .search(
                [("membership_state", "in", ("paid", "invoiced", "free"))],
                order="name",
            )
        )

    def _render_members_pdf(self, data=None):
        """Renderer of the report action_report_members (the assembly's signing list)."""
        check_treasurer(self.env, self.env._("Only Treasurers may print the members' list."))
        today = fields.Date.context_today(self)
        return {
            wizard.id: render_members(
                wizard.company_id, wizard._tl_members(wizard.company_id), today
            )
            for wizard in self
        }
