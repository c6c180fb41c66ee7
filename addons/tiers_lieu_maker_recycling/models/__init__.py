from . import stock_picking_batch, tiers_lieu_maker_batch
