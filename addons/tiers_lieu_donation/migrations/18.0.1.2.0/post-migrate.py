def migrate(cr, version):
    """Receipt PDFs move from a plain attachment (pdf_attachment_id) to the field of their
    own original record (issue 14): one original per receipt, its attachment rebound to
    that record's field, content untouched (its SHA-256 stays valid)."""
    cr.execute(
        """
        SELECT 1 FROM information_schema.columns
         WHERE table_name = 'donation_tax_receipt' AND column_name = 'pdf_attachment_id'
        """
    )
    if not cr.fetchone():
        return
    cr.execute(
        """
        WITH moved AS (
            INSERT INTO tiers_lieu_donation_receipt_original
                   (receipt_id, create_uid, create_date, write_uid, write_date)
            SELECT r.id, r.create_uid, r.create_date, r.write_uid, r.write_date
              FROM donation_tax_receipt r
             WHERE r.pdf_attachment_id IS NOT NULL AND r.pdf_original_id IS NULL
         RETURNING id, receipt_id
        )
        UPDATE donation_tax_receipt r SET pdf_original_id = moved.id
          FROM moved WHERE moved.receipt_id = r.id
        """
    )
    cr.execute(
        """
        UPDATE ir_attachment a
           SET res_model = 'tiers_lieu.donation.receipt.original', res_id = r.pdf_original_id,
               res_field = 'pdf_file'
          FROM donation_tax_receipt r
         WHERE r.pdf_attachment_id = a.id AND r.pdf_original_id IS NOT NULL
        """
    )
