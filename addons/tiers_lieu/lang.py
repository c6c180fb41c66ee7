"""The language our code writes in when nobody in particular reads it."""


def company_lang_env(env, company=None):
    """An environment whose ``_()`` speaks ``company``'s language (default: the current one).

    Chatter messages, activities and notes are read by the whole team, whoever's action
    wrote them: a cron, the installation of demo data, a user set to another language.
    Write them in the company's language, not the current user's::

        lang_env = company_lang_env(self.env)
        record.with_env(lang_env).message_post(body=lang_env._("Print job queued."))
    """
    company = company or env.company
    lang = company.partner_id.lang or env.lang
    if not lang or lang == env.lang:
        return env
    return env(context=dict(env.context, lang=lang))
