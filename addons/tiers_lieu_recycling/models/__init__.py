from . import (
    maintenance_equipment,
    mrp_workcenter,
    product_template,
    stock_move,
    tiers_lieu_material,
    tiers_lieu_material_co2_factor,
    tiers_lieu_offcut_weighing,
    tiers_lieu_recycling_batch,
    tiers_lieu_waste_shipment,
    tiers_lieu_dashboard,
)
