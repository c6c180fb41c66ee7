from . import test_donated_filament
from . import test_donated_spools
