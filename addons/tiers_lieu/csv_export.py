"""CSV files our users open in a spreadsheet (funder statements, 222 bis declaration).

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by spreadsheets (OWASP "CSV Injection"): such a text is prefixed with a quote.
Numbers are written as numbers, never neutralised (a negative amount stays a number).
"""

import csv
import io
from numbers import Number

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_cell(value):
    """Return ``value`` safe to write in a CSV cell opened by a spreadsheet."""
    if value is None or value is False:
        return ""
    if isinstance(value, Number):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def write_rows(rows, header=None):
    """French spreadsheet CSV (``;``, CRLF) of ``rows``, every cell neutralised; returns str."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    if header:
        writer.writerow([neutralize_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralize_cell(cell) for cell in row])
    return buffer.getvalue()
