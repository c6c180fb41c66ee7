from . import test_donated_filament
