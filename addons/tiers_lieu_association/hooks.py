def post_init_hook(env):
    """Set up the association accounts of the companies that already have a chart of
    accounts; companies getting one later are set up when it loads."""
    env["res.company"].search([("chart_template", "!=", False)])._tl_association_setup()
