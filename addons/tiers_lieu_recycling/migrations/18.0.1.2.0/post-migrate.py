def migrate(cr, version):
    """Give every offcut weighed before weighings were recorded (the moves with a source)
    its weighing, in the bin, so the Weighings list holds the whole history."""
    if not version:
        return
    cr.execute(
        """
        INSERT INTO tiers_lieu_offcut_weighing
               (material_id, source, grams, print_job_id, machine_id, partner_id, spool_id,
                weighed_at, company_id, state, move_id,
                create_uid, create_date, write_uid, write_date)
        SELECT COALESCE(pt.offcut_material_id, pt.material_id), sm.offcut_source,
               sm.quantity, sm.print_job_id, sm.offcut_machine_id, sm.partner_id,
               CASE WHEN sm.offcut_source = 'spool_end'
                    THEN (SELECT ml.lot_id FROM stock_move_line ml
                           WHERE ml.move_id = sm.id ORDER BY ml.id LIMIT 1) END,
               sm.date, sm.company_id, 'posted', sm.id,
               sm.create_uid, sm.create_date, sm.write_uid, sm.write_date
          FROM stock_move sm
          JOIN product_product pp ON pp.id = sm.product_id
          JOIN product_template pt ON pt.id = pp.product_tmpl_id
         WHERE sm.offcut_source IS NOT NULL
           AND sm.state = 'done'
           AND COALESCE(pt.offcut_material_id, pt.material_id) IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM tiers_lieu_offcut_weighing w WHERE w.move_id = sm.id)
        """
    )
