"""The art. 222 bis CGI declaration figures as a one-page PDF the treasurer files from."""

from ..french import format_date
from .sheet import Sheet


def render_declaration(company, year, rows, cancelled_count, printed_on):
    name = company.association_legal_name or company.name
    sheet = Sheet(title=f"Déclaration des dons {year} (art. 222 bis CGI)", author=name)
    sheet.text(
        f"Déclaration annuelle des dons ouvrant droit à réduction d'impôt — dons reçus en {year}",
        size=13,
        font="Helvetica-Bold",
    )
    sheet.text("Article 222 bis du code général des impôts", size=10)
    sheet.space(6)
    sheet.section("Organisme bénéficiaire")
    sheet.field("Dénomination", name)
    identifiers = [f"SIREN {company.siren}" if company.siren else ""]
    identifiers.append(f"RNA {company.association_rna}" if company.association_rna else "")
    sheet.field("SIREN ou RNA", " – ".join(i for i in identifiers if i))
    sheet.field("Adresse", ", ".join(company.partner_id._tl_address_lines()))
    sheet.section("Montants et nombre de reçus à déclarer")
    sheet.table(["Rubrique", "Valeur"], rows, [0.78, 0.22], align_right=(1,))
    sheet.text(
        f"Les reçus annulés ({cancelled_count}) sont exclus ; un reçu annulé et remplacé est "
        "compté une fois, par son reçu de remplacement. Aucune donnée nominative des "
        "donateurs n'est transmise.",
        size=8,
        font="Helvetica-Oblique",
    )
    sheet.section("Où et quand déclarer")
    sheet.text(
        "Organismes déposant une déclaration n° 2065-SD : tableau 2065-bis-SD, cadre L. "
        "Organismes déposant une déclaration n° 2070-SD : cadre prévu à cet effet. Autres "
        "organismes : démarche en ligne demarches-simplifiees.fr/commencer/declaration-des-dons.",
        size=8.5,
    )
    sheet.text(
        "Délai : dans les trois mois de la clôture de l'exercice ; pour un exercice clos le "
        "31 décembre ou sans clôture dans l'année, au plus tard le deuxième jour ouvré suivant "
        "le 1er mai (art. 223 CGI).",
        size=8.5,
    )
    sheet.end_section()
    sheet.space(10)
    sheet.text(f"Édité le {format_date(printed_on)} depuis Tiers-Lieu ERP.", size=8)
    return sheet.finish()
