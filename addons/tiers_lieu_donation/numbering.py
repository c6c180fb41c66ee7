"""Gapless receipt numbers drawn so that a concurrent issuer waits instead of failing.

Odoo runs every transaction in REPEATABLE READ: a transaction that waits for the row of a
sequence locked by another one, then writes it, fails with a serialisation error once the
other commits (its snapshot predates that commit), and Odoo retries it; a long issuance on
one side made the other fail after 5 attempts (issue 15). Waiting, then reading the number
the other committed, needs a snapshot taken *after* the wait, which a transaction that has
already run queries cannot have.

So numbers are drawn on a second connection, in READ COMMITTED, that belongs to the
issuing transaction: it locks the year's range of the sequence (a concurrent issuer waits
there, then reads the latest committed number), advances it by the count of receipts, and
commits just before the issuing transaction commits (its precommit hook); when the issuing
transaction rolls back, so does it, and the numbers are given back: no gap, no duplicate,
no retry. The lock is held from the first draw to the commit: issue in short transactions
(a batch of receipts, a job of the annual run), as the annual run does.

The draw falls back to the issuing transaction itself (its row lock; a concurrent issuer
is then retried as before) when the second connection cannot see the range: the first
receipt of a year (its range is created in the issuing transaction) or a sequence created
in it (module installation), and in unit tests, whose transaction is never committed
(a second connection would wait on its locks until the end of the test class). A test
that commits its data asks for the second connection with the context key
``tl_numbering_connection``.
"""

import logging
import threading

from odoo import fields
from odoo.modules import module as odoo_module
from odoo.sql_db import db_connect

_logger = logging.getLogger(__name__)

# How long a draw waits for a concurrent issuer before giving up (an error, not a hang).
LOCK_TIMEOUT = "120s"
CURSOR_KEY = "tl_numbering_cursor"


def draw_numbers(env, sequence, date, count):
    """``count`` consecutive numbers of the gapless, yearly ``sequence`` for ``date``."""
    sequence = sequence.sudo()
    date = fields.Date.to_date(date)
    if not sequence.use_date_range or sequence.implementation != "no_gap":
        return [sequence._next(sequence_date=date) for _i in range(count)]
    if _use_connection(env):
        drawn = _draw_on_connection(env, sequence, date, count)
        if drawn is not None:
            return drawn
    return _draw_in_transaction(env, sequence, date, count)


def _use_connection(env):
    if env.context.get("tl_numbering_connection"):
        return True
    # pytest-odoo and Odoo's test loader flag the thread, also during a class's set-up.
    testing = getattr(threading.current_thread(), "testing", False)
    return not (
        testing or getattr(odoo_module, "current_test", None) or env.registry.in_test_mode()
    )


def _format(sequence, range_date_from, date, numbers):
    prefix, suffix = sequence._get_prefix_suffix(date=date, date_range=range_date_from)
    return [f"{prefix}{number:0{sequence.padding}d}{suffix}" for number in numbers]


def _numbering_cursor(env):
    """The second connection of the current transaction, opened at its first draw."""
    data = env.cr.precommit.data
    cursor = data.get(CURSOR_KEY)
    if cursor is not None:
        return cursor
    cursor = db_connect(env.cr.dbname).cursor()
    cursor.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
    cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")

    def commit():
        try:
            cursor.commit()
        finally:
            cursor.close()

    def rollback():
        if not cursor.closed:
            try:
                cursor.rollback()
            finally:
                cursor.close()

    env.cr.precommit.add(commit)
    env.cr.postrollback.add(rollback)
    data[CURSOR_KEY] = cursor
    return cursor


def _draw_on_connection(env, sequence, date, count):
    cursor = _numbering_cursor(env)
    cursor.execute(
        "SELECT id, date_from, number_next FROM ir_sequence_date_range "
        "WHERE sequence_id = %s AND date_from <= %s AND date_to >= %s "
        "ORDER BY date_from DESC LIMIT 1 FOR UPDATE",
        [sequence.id, date, date],
    )
    row = cursor.fetchone()
    if not row:
        return None
    range_id, date_from, number_next = row
    step = sequence.number_increment
    cursor.execute(
        "UPDATE ir_sequence_date_range SET number_next = %s WHERE id = %s",
        [number_next + step * count, range_id],
    )
    # this transaction's cache must not keep the number it may have read before
    env["ir.sequence.date_range"].browse(range_id).invalidate_recordset(["number_next"])
    numbers = [number_next + step * i for i in range(count)]
    return _format(sequence, date_from, date, numbers)


def _draw_in_transaction(env, sequence, date, count):
    cr = env.cr
    # Issuers take turns on the sequence row (a concurrent one fails with a serialisation
    # error and is retried on fresh data), so a year's range is created once.
    cr.execute(
        "UPDATE ir_sequence SET number_next = number_next WHERE id = %s",
        [sequence.id],
        log_exceptions=False,  # an expected conflict, retried: not an error to log
    )
    date_range = env["ir.sequence.date_range"].search(
        [("sequence_id", "=", sequence.id), ("date_from", "<=", date), ("date_to", ">=", date)],
        limit=1,
    )
    if not date_range:
        date_range = sequence._create_date_range_seq(date)
    date_range.flush_recordset()
    step = sequence.number_increment
    cr.execute(
        "UPDATE ir_sequence_date_range SET number_next = number_next + %s WHERE id = %s "
        "RETURNING number_next - %s",
        [step * count, date_range.id, step * count],
        log_exceptions=False,
    )
    first = cr.fetchone()[0]
    date_range.invalidate_recordset(["number_next"])
    numbers = [first + step * i for i in range(count)]
    return _format(sequence, date_range.date_from, date, numbers)
