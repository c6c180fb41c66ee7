"""The yearly report of the general assembly and the members' signing list."""

from odoo.addons.tiers_lieu_donation.french import NBSP, format_amount, format_date
from odoo.addons.tiers_lieu_donation.pdf.sheet import Sheet

SECTIONS = {
    "Activité": "Activité de l'année",
    "Ressources": "Ressources de l'année (€)",
    "Déclaration 222 bis": "Dons ouvrant droit à réduction d'impôt (art. 222 bis CGI)",
}


def french_figure(value):
    """An activity figure of the CSV (decimal point) as French prints it: '26.50' -> '26,50',
    '1234.00 €' -> '1 234,00 €'; any other text as it is."""
    number, space, unit = value.partition(" ")
    whole, point, decimals = number.partition(".")
    if not whole.lstrip("-").isdigit() or (point and not decimals.isdigit()):
        return value
    grouped = f"{int(whole):,}".replace(",", NBSP)
    return grouped + ("," + decimals if point else "") + space + unit


def render_yearly_report(wizard, rows, printed_on):
    company = wizard.company_id
    name = company.association_legal_name or company.name
    sheet = Sheet(title=f"Rapport annuel {wizard.year} – {name}", author=name)
    sheet.text(f"Rapport annuel {wizard.year}", size=14, font="Helvetica-Bold")
    sheet.text(f"{name} – assemblée générale et financeurs", size=10)
    sheet.space(6)
    for section, title in SECTIONS.items():
        body = []
        for row_section, label, value in rows:
            if row_section != section:
                continue
            if section == "Ressources":
                value = format_amount(float(value))
            elif section == "Activité":
                value = french_figure(value)
            body.append((label, value))
        sheet.section(title)
        if body:
            sheet.table(["Rubrique", "Valeur"], body, [0.75, 0.25], align_right=(1,))
        else:
            sheet.text("Aucune donnée pour cette année.", size=8.5, font="Helvetica-Oblique")
    sheet.section("Annexe : contributions volontaires en nature")
    in_kind = [
        (label, format_amount(float(value)))
        for section, label, value in rows
        if section == "Ressources" and " / 87" in label
    ]
    if in_kind:
        header = ["Contribution (comptes)", "Valeur (€)"]
        sheet.table(header, in_kind, [0.75, 0.25], align_right=(1,))
    sheet.text(
        "Le bénévolat et les mises à disposition gratuites sont valorisés au taux de leur "
        "nature de travail et comptabilisés en classe 8 (comptes 86 et 87) au 31 décembre. "
        "Ils ne donnent lieu à aucun reçu fiscal : le temps donné n'ouvre pas droit à "
        "réduction d'impôt.",
        size=8.5,
    )
    sheet.end_section()
    sheet.space(10)
    sheet.text(f"Édité le {format_date(printed_on)} depuis Tiers-Lieu ERP.", size=8)
    return sheet.finish()


def render_members(company, members, printed_on):
    name = company.association_legal_name or company.name
    sheet = Sheet(title=f"Liste des membres – {name}", author=name)
    sheet.text("Liste des membres à jour de cotisation", size=13, font="Helvetica-Bold")
    sheet.text(f"{name} – assemblée générale, le {format_date(printed_on)}", size=10)
    sheet.space(6)
    kinds = {
        "individual": "Individuel",
        "reduced": "Tarif réduit",
        "organisation": "Personne morale",
    }
    sheet.section(f"{len(members)} membre(s)")
    sheet.table(
        ["N° de membre", "Nom", "Formule", "Fin d'adhésion", "Signature"],
        [
            (
                member.tl_member_number or "",
                member.name,
                kinds.get(member.tl_membership_kind, ""),
                format_date(member.membership_stop) if member.membership_stop else "",
                "",
            )
            for member in members
        ],
        [0.16, 0.34, 0.16, 0.14, 0.20],
    )
    sheet.end_section()
    return sheet.finish()
