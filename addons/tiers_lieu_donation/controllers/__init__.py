from . import receipts
