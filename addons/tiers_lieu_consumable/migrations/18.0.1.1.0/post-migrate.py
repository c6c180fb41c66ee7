from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Version 18.0.1.0.0 raised Odoo's global "Product Price" precision to 4 digits for
    filament: give it back Odoo's 2 (filament now has its own precision record)."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    price = env.ref("product.decimal_price", raise_if_not_found=False)
    if price and price.digits == 4:
        price.digits = 2
