"""Monthly summaries: materialised views of the closed months, kept honest by triggers.

A summary is a PostgreSQL MATERIALIZED VIEW of aggregates per month over the rows dated
before ``covered_until`` (the first day of the month when it was last rebuilt, stored with
the time zone of its months in ``tiers_lieu_summary_state``). Readers take the months before
``covered_until`` from the view and compute the later ones live over an index on the date,
so the figures are always those of the data:

- a row written, inserted or deleted with a date before ``covered_until`` (a weighing on
  paper dated last month, a job of last month corrected...) marks the summary *stale*
  through statement-level triggers (transition tables, one EXISTS per statement); a stale
  summary is not read (the readers compute everything live, slower but exact) until it is
  rebuilt by its cron, which the readers wake up;
- the view is rebuilt (dropped and created, not refreshed) because its SQL may resolve
  records (locations) that change between rebuilds.

Plain functions on a cursor: the summaries themselves are defined by the addons that need
them (the dashboard, the recycling mass balance).
"""

from collections import namedtuple
from datetime import datetime

import pytz

from odoo.tools import SQL

STATE_TABLE = "tiers_lieu_summary_state"

# A table whose rows feed a summary: ``condition`` over the row ``r`` ($1 is covered_until)
# says whether the row was counted in the view; ``columns`` are those the view reads (an
# update that changes none of them cannot change the view); ``operations`` among INSERT,
# UPDATE, DELETE.
Watch = namedtuple("Watch", "table condition columns operations", defaults=(None,))

Status = namedtuple("Status", "usable covered_until tz")

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION tiers_lieu_summary_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    covered timestamp;
    hit boolean := false;
    cond text := TG_ARGV[1];
    cols text := TG_ARGV[2];
BEGIN
    SELECT covered_until INTO covered FROM {STATE_TABLE}
     WHERE name = TG_ARGV[0] AND NOT stale;
    IF covered IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM new_rows r WHERE %s)', cond)
           INTO hit USING covered;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM old_rows r WHERE %s)', cond)
           INTO hit USING covered;
    ELSE
        EXECUTE format(
            'SELECT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id'
            ' WHERE (%s) IS DISTINCT FROM (%s) AND ((%s) OR (%s)))',
            replace(cols, 'r.', 'o.'), replace(cols, 'r.', 'n.'),
            replace(cond, 'r.', 'o.'), replace(cond, 'r.', 'n.'))
           INTO hit USING covered;
    END IF;
    IF hit THEN
        UPDATE {STATE_TABLE} SET stale = true WHERE name = TG_ARGV[0];
    END IF;
    RETURN NULL;
END
$$;
"""


def install(cr, name, watches):
    """Create the state of summary ``name`` and its triggers; an existing summary is marked
    stale (an installed or updated addon may change what it holds) until rebuilt."""
    cr.execute(
        SQL(
            """
            CREATE TABLE IF NOT EXISTS %s (
                name varchar PRIMARY KEY,
                covered_until timestamp,
                tz varchar NOT NULL DEFAULT 'UTC',
                stale boolean NOT NULL DEFAULT false,
                built_at timestamp
            )
            """,
            SQL.identifier(STATE_TABLE),
        )
    )
    cr.execute(_FUNCTION)
    cr.execute(
        SQL(
            "INSERT INTO %s (name) VALUES (%s) ON CONFLICT (name) DO UPDATE SET stale = true",
            SQL.identifier(STATE_TABLE),
            name,
        )
    )
    # The summary's triggers are all rebuilt: a watch may have changed or gone.
    cr.execute(
        "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE t.tgname LIKE %s",
        [f"{name}__%"],
    )
    for trigger, table in cr.fetchall():
        cr.execute(SQL("DROP TRIGGER %s ON %s", SQL.identifier(trigger), SQL.identifier(table)))
    referencing = {
        "INSERT": "NEW TABLE AS new_rows",
        "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "DELETE": "OLD TABLE AS old_rows",
    }
    for index, watch in enumerate(watches):
        columns = ", ".join(f"r.{column}" for column in watch.columns)
        for operation in watch.operations or ("INSERT", "UPDATE", "DELETE"):
            trigger = f"{name}__{index}_{operation.lower()}"
            assert len(trigger) < 64, trigger
            cr.execute(
                SQL(
                    f"""CREATE TRIGGER %s AFTER {operation} ON %s
                        REFERENCING {referencing[operation]} FOR EACH STATEMENT
                        EXECUTE FUNCTION tiers_lieu_summary_touch(%s, %s, %s)""",
                    SQL.identifier(trigger),
                    SQL.identifier(watch.table),
                    SQL(_literal(name)),
                    SQL(_literal(watch.condition)),
                    SQL(_literal(f"ROW({columns})")),
                )
            )


def _literal(text):
    """A string literal for CREATE TRIGGER's arguments (which take no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def month_start(tz, now=None):
    """Naive UTC datetime of the first day of the current month at midnight in ``tz``."""
    zone = pytz.timezone(tz)
    local = (now or datetime.utcnow()).replace(tzinfo=pytz.utc).astimezone(zone)
    first = zone.localize(datetime(local.year, local.month, 1))
    return first.astimezone(pytz.utc).replace(tzinfo=None)


def build(cr, name, select, tz="UTC", now=None):
    """(Re)build the view ``name`` from ``select``: a query of the rows dated before
    ``covered_until(name)``, which it reads from the state table (updated first)."""
    cr.execute(
        SQL(
            "UPDATE %s SET covered_until = %s, tz = %s, stale = false, "
            "built_at = now() at time zone 'UTC' WHERE name = %s",
            SQL.identifier(STATE_TABLE),
            month_start(tz, now),
            tz,
            name,
        )
    )
    cr.execute(SQL("DROP MATERIALIZED VIEW IF EXISTS %s", SQL.identifier(name)))
    cr.execute(SQL("CREATE MATERIALIZED VIEW %s AS (%s)", SQL.identifier(name), select))
    cr.execute(SQL("ANALYZE %s", SQL.identifier(name)))


def covered_until(name):
    """SQL of the summary's covered_until, to use in its view's query."""
    return SQL("(SELECT covered_until FROM %s WHERE name = %s)", SQL.identifier(STATE_TABLE), name)


def summary_tz(name):
    """SQL of the time zone of the summary's months, to use in its view's query."""
    return SQL("(SELECT tz FROM %s WHERE name = %s)", SQL.identifier(STATE_TABLE), name)


def status(cr, name):
    """Whether the view can be read (built, not stale, present), its covered_until and tz."""
    cr.execute(
        SQL(
            """SELECT covered_until IS NOT NULL AND NOT stale AND to_regclass(%s) IS NOT NULL,
                      covered_until, tz
                 FROM %s WHERE name = %s""",
            name,
            SQL.identifier(STATE_TABLE),
            name,
        )
    )
    row = cr.fetchone()
    if not row:
        return Status(False, None, "UTC")
    return Status(*row)
