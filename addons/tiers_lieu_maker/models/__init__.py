from . import (
    tiers_lieu_commune,
    res_partner,
    tiers_lieu_maker_skill,
    tiers_lieu_maker,
    tiers_lieu_maker_printer,
    tiers_lieu_maker_batch,
    tiers_lieu_maker_declaration,
    sale_order_line,
    sale_order,
    stock_move,
    stock_picking_batch,
    tiers_lieu_dashboard,
)
