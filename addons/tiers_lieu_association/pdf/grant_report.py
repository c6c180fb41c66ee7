"""The compte rendu financier of a grant, in the layout of the Cerfa 15059*02: the charges
and income of the funded action, planned against actual, by nature of account."""

from odoo.addons.tiers_lieu_donation.french import format_amount, format_date
from odoo.addons.tiers_lieu_donation.pdf.sheet import Sheet


def _table(sheet, rows):
    total_planned = sum(row[3] for row in rows)
    total_actual = sum(row[4] for row in rows)
    body = [
        (label, format_amount(planned), format_amount(actual), format_amount(actual - planned))
        for _kind, _code, label, planned, actual in rows
    ]
    body.append(
        (
            "Total",
            format_amount(total_planned),
            format_amount(total_actual),
            format_amount(total_actual - total_planned),
        )
    )
    sheet.table(
        ["Nature", "Prévision (€)", "Réalisation (€)", "Écart (€)"],
        body,
        [0.52, 0.16, 0.16, 0.16],
        align_right=(1, 2, 3),
    )
    return total_planned, total_actual


def render_grant_report(grant, rows, printed_on):
    company = grant.company_id
    name = company.association_legal_name or company.name
    sheet = Sheet(title=f"Compte rendu financier – {grant.name}", author=name)
    sheet.text("Compte rendu financier de l'action subventionnée", size=13, font="Helvetica-Bold")
    sheet.text("Cerfa n° 15059*02 – article 10 de la loi n° 2000-321 du 12 avril 2000", size=9)
    sheet.space(6)
    sheet.section("Identification")
    sheet.field("Association", name)
    sheet.field("Financeur", grant.funder_id.display_name)
    sheet.field("Action", grant.name)
    if grant.reference:
        sheet.field("Référence de la décision", grant.reference)
    period = " – ".join(format_date(d) for d in (grant.date_start, grant.date_end) if d)
    sheet.field("Période de réalisation", period or "-")
    sheet.field("Montant accordé", f"{format_amount(grant.amount)} €")
    sheet.field("Montant perçu", f"{format_amount(grant.amount_received)} €")
    sheet.field("Reste à percevoir", f"{format_amount(grant.amount_remaining)} €")
    sheet.section("Tableau de synthèse : charges de l'action")
    charges = _table(sheet, [row for row in rows if row[0] == "charge"])
    sheet.section("Tableau de synthèse : produits de l'action")
    income = _table(sheet, [row for row in rows if row[0] == "income"])
    sheet.section("Données chiffrées et écarts")
    sheet.field("Résultat prévu", f"{format_amount(income[0] - charges[0])} €")
    sheet.field("Résultat réalisé", f"{format_amount(income[1] - charges[1])} €")
    sheet.text(
        "Réalisation : écritures de la comptabilité portant le compte analytique de l'action "
        f"« {grant.analytic_account_id.display_name} », regroupées par nature de compte. "
        "Les contributions volontaires en nature (classes 86 et 87) ne sont pas des "
        "ressources financières de l'action.",
        size=8,
        font="Helvetica-Oblique",
    )
    sheet.end_section()
    sheet.space(10)
    sheet.text(f"Édité le {format_date(printed_on)} depuis Tiers-Lieu ERP.", size=8)
    return sheet.finish()
