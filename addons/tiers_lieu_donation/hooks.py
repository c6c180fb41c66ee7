def post_init_hook(env):
    """Set up the donation accounts, journals and receipt sequences of the companies that
    already have a chart of accounts; companies getting one later are set up when it loads."""
    companies = env["res.company"].search([("chart_template", "!=", False)])
    companies._tl_donation_setup()
