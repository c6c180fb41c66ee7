"""Who may do what with donations and receipts, beyond the access rights of the models."""

from odoo.exceptions import AccessError

TREASURER = "tiers_lieu.group_treasurer"

# Only server code of this addon holds this object: a context coming from a client (JSON)
# cannot carry it, so writes guarded by it stay out of reach of RPC, imports and scripts.
ISSUED_RECEIPT_WRITE = object()


def check_treasurer(env, message):
    """Raise ``message`` (an AccessError) unless the user is a Treasurer."""
    if not env.su and not env.user.has_group(TREASURER):
        raise AccessError(message)


def internal(env):
    """True when the current call holds the internal write token."""
    return env.context.get("tl_receipt_write") is ISSUED_RECEIPT_WRITE
