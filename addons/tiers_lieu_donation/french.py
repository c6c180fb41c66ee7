"""French formatting of amounts and dates as printed on tax receipts."""

from num2words import num2words

NBSP = "\u00a0"


def cents(amount):
    """Amount in euros as an integer number of cents (half-up rounding)."""
    return int(round(amount * 100 + (1e-9 if amount >= 0 else -1e-9)))


def format_amount(amount):
    """1234.5 -> '1 234,50' (no-break space between thousands, decimal comma)."""
    euros, rest = divmod(cents(amount), 100)
    return f"{euros:,}".replace(",", NBSP) + f",{rest:02d}"


def framed_amount(amount):
    """Amount framed by asterisks, the form computer-printed receipts may use."""
    return f"***{format_amount(amount)}***"


def amount_in_words(amount):
    """150 -> 'cent cinquante euros'; 1000000 -> 'un million d'euros'; 0.5 -> 'cinquante centimes'.

    Written here rather than with num2words' currency mode, which reads integers as cents
    and prints "zéro centimes".
    """
    euros, rest = divmod(cents(amount), 100)
    parts = []
    if euros or not rest:
        words = num2words(euros, lang="fr")
        if euros >= 1_000_000 and euros % 1_000_000 == 0:
            # "un million d'euros", like "un million de personnes"
            parts.append(f"{words} d'euros")
        else:
            parts.append(f"{words} euro{'s' if euros > 1 else ''}")
    if rest:
        parts.append(f"{num2words(rest, lang='fr')} centime{'s' if rest > 1 else ''}")
    return " et ".join(parts)


def format_date(date):
    return date.strftime("%d/%m/%Y") if date else ""
