"""Selections shared by several models of the addon (and by the glue addons)."""


def number_text(value, digits=None):
    """A number for a message: 20 rather than 20.0, or with ``digits`` decimals."""
    return f"{value:.{digits}f}" if digits is not None else f"{value:g}"


PATH_KINDS = [
    ("apprenticeship", "Apprenticeship"),
    ("cddi", "Insertion contract (CDDI)"),
    ("pec", "Parcours emploi compétences (PEC)"),
    ("internship", "Internship"),
    ("civic_service", "Civic service"),
    ("volunteer", "Volunteering"),
]

# A person holds at most one of these at a time with the tiers-lieu: each is a contract or
# an agreement (employment, internship, civic service). Volunteering may overlap anything.
EXCLUSIVE_PATH_KINDS = {"apprenticeship", "cddi", "pec", "internship", "civic_service"}

# Contracts for which weekly hours are part of the contract and must be given.
EMPLOYMENT_PATH_KINDS = {"apprenticeship", "cddi", "pec"}

FUNDER_KINDS = [
    ("opco", "OPCO"),
    ("france_travail", "France Travail"),
    ("departement", "Département"),
    ("asp", "ASP (State aid)"),
    ("region", "Région"),
    ("other", "Other funder"),
    ("none", "No funder"),
]

# Who usually funds each kind of path; the trainer may change it.
DEFAULT_FUNDER_KIND = {
    "apprenticeship": "opco",
    "cddi": "asp",
    "pec": "asp",
    "civic_service": "asp",
    "internship": "none",
    "volunteer": "none",
}

HOURS_KINDS = [
    ("production", "Production"),
    ("training", "Training"),
    ("support", "Support (accompagnement)"),
]

# "Sorties dynamiques" of insertion reporting: three dynamic categories and the rest.
EXIT_CATEGORIES = [
    ("durable", "Sustainable employment"),
    ("transition", "Transition employment"),
    ("positive", "Positive exit"),
    ("other", "Other exit"),
]
DYNAMIC_EXIT_CATEGORIES = {"durable", "transition", "positive"}

EXIT_DETAILS = [
    ("cdi", "Permanent contract (CDI)"),
    ("long_fixed_term", "Fixed-term or temporary work of 6 months or more"),
    ("civil_service", "Tenure in the civil service"),
    ("business_creation", "Business creation"),
    ("short_fixed_term", "Fixed-term or temporary work under 6 months"),
    ("subsidised_contract", "Subsidised contract with an ordinary employer"),
    ("qualifying_training", "Qualifying or pre-qualifying training"),
    ("other_siae", "Hired by another insertion structure (SIAE)"),
    ("job_seeker", "Job seeker"),
    ("inactive", "Inactive"),
    ("other", "Other situation"),
]
EXIT_CATEGORY_OF_DETAIL = {
    "cdi": "durable",
    "long_fixed_term": "durable",
    "civil_service": "durable",
    "business_creation": "durable",
    "short_fixed_term": "transition",
    "subsidised_contract": "transition",
    "qualifying_training": "positive",
    "other_siae": "positive",
    "job_seeker": "other",
    "inactive": "other",
    "other": "other",
}

INSERTION_MANAGER = "tiers_lieu_training.group_insertion_manager"

# Levels of the national certification framework (décret 2019-14), as the Cerfa FA13 asks
# for the diploma prepared and the apprentice master's highest diploma.
CERTIFICATION_LEVELS = [
    ("3", "Level 3 (CAP, BEP)"),
    ("4", "Level 4 (baccalauréat)"),
    ("5", "Level 5 (bac + 2)"),
    ("6", "Level 6 (bac + 3 or 4)"),
    ("7", "Level 7 (bac + 5)"),
    ("8", "Level 8 (doctorate)"),
]

# Code du travail R6223-6: two apprentices at a time per apprentice master, plus one whose
# training is extended after failing the exam (L6222-11).
MAX_APPRENTICES_PER_MASTER = 2
