from . import spool_label
