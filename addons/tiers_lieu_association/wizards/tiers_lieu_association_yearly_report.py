import base64
import csv
import io
from datetime import date

from odoo import api, fields, models
from odoo.tools import SQL

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
        """(label, value) of the activity of the year, from the addons installed.

        Each figure is a ``_read_group`` or one SQL query on a model looked up in the
        registry (``in self.env``), so the report never imports an addon that may be absent.
        """
        rows = []
        for figures in (
            self._activity_production(),
            self._activity_aid(),
            self._activity_people(),
            self._activity_training(),
            self._activity_recycling(),
        ):
            rows += figures
        return rows

    def _year_domain(self, field, datetime_field=False):
        start, end = self._bounds()
        stop = date(self.year + 1, 1, 1)
        if datetime_field:
            return [(field, ">=", fields.Datetime.to_datetime(start)), (field, "<", stop)]
        return [(field, ">=", start), (field, "<=", end)]

    def _company_domain(self, model):
        if "company_id" in self.env[model]._fields:
            return [("company_id", "=", self.company_id.id)]
        return []

    def _activity_production(self):
        """Parts produced: the good parts of the print jobs done in the year."""
        model = "tiers_lieu.print.job"
        if model not in self.env:
            return []
        ((parts, jobs),) = (
            self.env[model]
            .sudo()
            ._read_group(
                [
                    *self._company_domain(model),
                    ("state", "=", "done"),
                    *self._year_domain("date_end", datetime_field=True),
                ],
                [],
                ["good_quantity:sum", "__count"],
            )
        )
        return [("Pièces produites", str(parts or 0)), ("Impressions terminées", str(jobs))]

    def _activity_aid(self):
        """Aid given: the value of the solidarity orders confirmed in the year, by type of
        beneficiary."""
        order = self.env.get("sale.order")
        if (
            order is None
            or "aid_value" not in order._fields
            or not order._fields["aid_value"].store
        ):
            return []
        french = self.env(context=dict(self.env.context, lang="fr_FR"))  # a French report
        labels = dict(order._fields["beneficiary_type"]._description_selection(french))
        rows = []
        for kind, aid, count in order.sudo()._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("order_kind", "=", "solidarity"),
                ("state", "=", "sale"),
                *self._year_domain("date_order", datetime_field=True),
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
        return rows

    def _activity_people(self):
        """Volunteers (hours logged here) and volunteer makers (parts they declared)."""
        ((volunteers, hours),) = (
            self.env["tiers_lieu.volunteer.work"]
            .sudo()
            ._read_group(
                [("company_id", "=", self.company_id.id), *self._year_domain("date")],
                [],
                ["partner_id:count_distinct", "hours:sum"],
            )
        )
        rows = [
            ("Bénévoles et makers actifs", str(volunteers)),
            ("Heures de bénévolat", f"{hours or 0.0:.2f}"),
        ]
        model = "tiers_lieu.maker.declaration"
        if model in self.env:
            ((parts, makers),) = (
                self.env[model]
                .sudo()
                ._read_group(
                    [*self._company_domain(model), *self._year_domain("date")],
                    [],
                    ["qty_produced:sum", "maker_id:count_distinct"],
                )
            )
            rows += [
                ("Makers bénévoles ayant déclaré des pièces", str(makers)),
                ("Pièces fabriquées par les makers", str(parts or 0)),
            ]
        return rows

    def _activity_training(self):
        """Trainees who entered and who left in the year."""
        model = "tiers_lieu.trainee"
        if model not in self.env:
            return []
        Trainee = self.env[model].sudo()
        company = self._company_domain(model)
        return [
            (
                "Stagiaires entrés",
                str(Trainee.search_count([*company, *self._year_domain("entry_date")])),
            ),
            (
                "Sorties de stagiaires",
                str(Trainee.search_count([*company, *self._year_domain("exit_date")])),
            ),
        ]

    def _activity_recycling(self):
        """Recycling batches done in the year: offcuts recycled, filament wound, and the CO₂
        (printed "CO2": the PDF fonts have no subscript two)
        avoided (each kilogram of filament with the virgin minus the recycled factor of its
        material in force on the batch's date; batches without both factors are left out of
        the CO₂ and counted apart)."""
        if "tiers_lieu.recycling.batch" not in self.env:
            return []
        self.env["tiers_lieu.recycling.batch"].flush_model()
        self.env["tiers_lieu.material.co2.factor"].flush_model()
        start, _end = self._bounds()
        self.env.cr.execute(
            SQL(
                """
                SELECT COALESCE(SUM(b.input_grams), 0),
                       COALESCE(SUM(b.output_grams), 0),
                       COALESCE(SUM(b.output_grams / 1000 * (virgin.value - recycled.value)), 0),
                       COALESCE(SUM(b.output_grams) FILTER (WHERE virgin.value IS NULL
                                                             OR recycled.value IS NULL), 0)
                  FROM tiers_lieu_recycling_batch b
                  LEFT JOIN LATERAL (
                      SELECT value FROM tiers_lieu_material_co2_factor f
                       WHERE f.material_id = b.material_id AND f.kind = 'virgin'
                         AND f.date_from <= b.date::date
                       ORDER BY f.date_from DESC, f.id DESC LIMIT 1
                  ) virgin ON TRUE
                  LEFT JOIN LATERAL (
                      SELECT value FROM tiers_lieu_material_co2_factor f
                       WHERE f.material_id = b.material_id AND f.kind = 'recycled'
                         AND f.date_from <= b.date::date
                       ORDER BY f.date_from DESC, f.id DESC LIMIT 1
                  ) recycled ON TRUE
                 WHERE b.state = 'done' AND b.company_id = %(company)s
                   AND b.date >= %(start)s AND b.date < %(stop)s
                """,
                company=self.company_id.id,
                start=fields.Datetime.to_datetime(start),
                stop=date(self.year + 1, 1, 1),
            )
        )
        offcuts, filament, co2, without_factor = self.env.cr.fetchone()
        rows = [
            ("Chutes recyclées (kg)", f"{offcuts / 1000:.3f}"),
            ("Filament recyclé (kg)", f"{filament / 1000:.3f}"),
            ("CO2 évité (kg CO2e)", f"{co2:.2f}"),
        ]
        if without_factor:
            rows.append(("Filament recyclé sans facteur CO2 (kg)", f"{without_factor / 1000:.3f}"))
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
