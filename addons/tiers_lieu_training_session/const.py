"""Selections and limits shared by the session models."""

HALF_DAYS = [("morning", "Morning"), ("afternoon", "Afternoon")]

SESSION_SPANS = [
    ("morning", "Morning"),
    ("afternoon", "Afternoon"),
    ("day", "Full day"),
]

ABSENCE_REASONS = [
    ("sick", "Sick"),
    ("justified", "Justified absence"),
    ("unjustified", "Unjustified absence"),
]

# Code du travail L3121-18: 10 hours of work a day at most (trainees on a contract are
# employees; the limit is the same for the others, to keep one rule).
MAX_SESSION_HOURS = 10.0

# Context key of the actions that change an attendance line's state and signature.
ATTENDANCE_CONTEXT = "tiers_lieu_attendance_action"


def float_time(value):
    """09:30 for 9.5."""
    hours, minutes = divmod(round(value * 60), 60)
    return f"{int(hours):02d}:{int(minutes):02d}"


# Context key: (operator id, machine kind) pairs that a supervising trainer covers while
# practice jobs start (``_check_can_start``).
SUPERVISED_CONTEXT = "tiers_lieu_supervised_pairs"


# Barriers to employment ("freins périphériques") as les emplois de l'inclusion groups them
# in the diagnostic of a candidate.
BARRIER_CATEGORIES = [
    ("mobility", "Mobility"),
    ("housing", "Housing"),
    ("health", "Health"),
    ("childcare", "Childcare and family constraints"),
    ("language", "French language"),
    ("digital", "Digital skills"),
    ("justice", "Administrative and legal situation"),
    ("resources", "Financial resources"),
]

# The three objectives a PMSMP may have (Code du travail L5135-1).
PMSMP_OBJECTIVES = [
    ("discover", "Discover a trade or a business sector"),
    ("confirm", "Confirm a career plan"),
    ("hire", "Start a recruitment"),
]
