"""Validation of French identifiers, shared by every Tiers-Lieu addon.

Each ``check_*`` function returns the compact form of a valid value and raises a
translated ValidationError naming the field and the expected form otherwise.
"""

import re

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import nir, siren, siret

from odoo.exceptions import ValidationError

# "W" + 9 characters; the département part may hold a letter (W2A… in Corsica, W9M… overseas).
RNA_PATTERN = re.compile(r"^W\d[\dA-Z]\d{7}$")


def compact(value):
    """Strip the spaces, dots and dashes people type in identifiers."""
    return re.sub(r"[\s.\-]", "", value or "").upper()


def check_siren(env, value, label):
    value = compact(value)
    try:
        return siren.validate(value)
    except StdnumError as err:
        raise ValidationError(
            env._(
                "%(label)s: the SIREN “%(value)s” is not valid. A SIREN has 9 digits "
                "with a valid check digit, e.g. 732 829 320.",
                label=label,
                value=value,
            )
        ) from err


def check_siret(env, value, label):
    value = compact(value)
    try:
        return siret.validate(value)
    except StdnumError as err:
        raise ValidationError(
            env._(
                "%(label)s: the SIRET “%(value)s” is not valid. A SIRET has 14 digits "
                "(the 9-digit SIREN then a 5-digit establishment number) with a valid "
                "check digit, e.g. 732 829 320 00074.",
                label=label,
                value=value,
            )
        ) from err


def check_rna(env, value, label):
    value = compact(value)
    if not RNA_PATTERN.match(value):
        raise ValidationError(
            env._(
                "%(label)s: the RNA number “%(value)s” is not valid. It is the letter W "
                "followed by 9 characters, e.g. W912345678.",
                label=label,
                value=value,
            )
        )
    return value


def check_nir(env, value, label):
    value = compact(value)
    try:
        return nir.validate(value)
    except StdnumError as err:
        raise ValidationError(
            env._(
                "%(label)s: the social security number (NIR) “%(value)s” is not valid. "
                "A NIR has 15 characters: 13 digits (2A or 2B for Corsica) then a 2-digit key, "
                "e.g. 2 95 10 99 126 111 93.",
                label=label,
                value=value,
            )
        ) from err
