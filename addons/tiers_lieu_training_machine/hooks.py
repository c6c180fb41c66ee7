def post_init_hook(env):
    """Give the records made before the install their place in the chain: the validated
    skills on a machine kind get their authorisations, the print jobs the trainees
    operated their production hours."""
    evaluations = env["tiers_lieu.skill.evaluation"].search(
        [("is_validated", "=", True), ("machine_kind", "!=", False)], order="date, id"
    )
    if evaluations._grant_machine_authorizations():
        # Old validations give authorisations that may have expired or lapsed since.
        env["tiers_lieu.machine.authorization"]._cron_update_states()
    trainees = env["tiers_lieu.trainee"].with_context(active_test=False).search([])
    trainees._sync_print_job_hours()
