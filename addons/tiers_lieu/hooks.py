def post_init_hook(env):
    """Give French companies the closing sequence l10n_fr creates on company writes.

    A company made French before l10n_fr was installed lacks it, and l10n_fr would then
    create it on the next write of the company, which a Manager (no ir.sequence rights)
    cannot do.
    """
    companies = env["res.company"].search([])
    french = companies.filtered(lambda c: c._is_accounting_unalterable())
    french._create_secure_sequence(["l10n_fr_closing_sequence_id"])
