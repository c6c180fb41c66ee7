def migrate(cr, version):
    """Dated parameters share the base's mixin, whose reference field is legal_reference."""
    cr.execute(
        """
        SELECT 1 FROM information_schema.columns
         WHERE table_name = 'tiers_lieu_donation_parameter' AND column_name = 'source'
        """
    )
    if cr.fetchone():
        cr.execute(
            "ALTER TABLE tiers_lieu_donation_parameter RENAME COLUMN source TO legal_reference"
        )
