import base64
import io
import tracemalloc
import zipfile

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import GCODE_DIR, MachineCase

MB = 1024 * 1024


def big_gcode(megabytes):
    """A PrusaSlicer file (summary at the end) padded with moves to ``megabytes``."""
    data = (GCODE_DIR / "prusaslicer_headband.gcode").read_bytes()
    head, tail = data.split(b"M73 P100 R0", 1)
    moves = b"G1 X1 Y1 E0.1\n" * (megabytes * MB // 14)
    return head + moves + b"M73 P100 R0" + tail


def archive(member, compression=zipfile.ZIP_STORED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zipped:
        zipped.writestr("3D/3dmodel.model", "<model/>")
        with zipped.open("Metadata/plate_1.gcode", "w") as plate:
            for start in range(0, len(member), MB):
                plate.write(member[start : start + MB])
    return buffer.getvalue()


def zip_bomb(megabytes):
    """A sliced 3MF of a few kB whose G-code declares ``megabytes`` of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        with zipped.open("Metadata/plate_1.gcode", "w") as plate:
            zeros = bytes(MB)
            for _i in range(megabytes):
                plate.write(zeros)
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestUploadLimits(MachineCase):
    """Print files are read within bounded memory, and refused beyond a size (issue 11)."""

    def peak_memory(self, function, *args):
        """(result, peak bytes allocated by Python while ``function`` ran)."""
        tracemalloc.start()
        try:
            result = function(*args)
            return result, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def test_zip_bomb_is_refused_before_decompressing(self):
        bomb = zip_bomb(12)
        self.assertLess(len(bomb), 64 * 1024)
        self.env["ir.config_parameter"].set_param("tiers_lieu_machine.print_file_max_mb", "10")
        with self.assertRaisesRegex(UserError, r"12\.0 MB of G-code: print files above 10\.0 MB"):
            self.make_job(print_file=base64.b64encode(bomb), print_filename="bomb.gcode.3mf")
        # within the size limit, the compression ratio gives it away
        self.env["ir.config_parameter"].set_param("tiers_lieu_machine.print_file_max_mb", "200")
        Job = self.env["tiers_lieu.print.job"]
        with self.assertRaisesRegex(UserError, "possible zip bomb"):
            self.peak_memory(Job._slicer_values, base64.b64encode(bomb), "bomb.gcode.3mf")
        self.assertFalse(Job.search([("print_filename", "=", "bomb.gcode.3mf")]))

    def test_large_gcode_is_read_without_decoding_it(self):
        data = base64.b64encode(big_gcode(24))
        Job = self.env["tiers_lieu.print.job"]
        values, peak = self.peak_memory(Job._slicer_values, data, "big.gcode")
        self.assertAlmostEqual(values["estimated_grams"], 29.33)
        self.assertLess(peak, 4 * MB)  # not the 24 MB of the file

    def test_large_3mf_is_streamed(self):
        data = base64.b64encode(archive(big_gcode(24)))
        Job = self.env["tiers_lieu.print.job"]
        values, peak = self.peak_memory(Job._slicer_values, data, "big.gcode.3mf")
        self.assertAlmostEqual(values["estimated_grams"], 29.33)
        self.assertLess(peak, 4 * MB)

    def test_file_above_the_configured_size_is_refused(self):
        data = base64.b64encode(big_gcode(3))
        job = self.make_job()
        self.env["ir.config_parameter"].set_param("tiers_lieu_machine.print_file_max_mb", "2")
        with self.assertRaisesRegex(UserError, "print files above 2.0 MB are refused"):
            job.write({"print_file": data, "print_filename": "big.gcode"})
        with self.assertRaisesRegex(UserError, "above 2.0 MB"):
            (job | self.make_job()).write({"print_file": data, "print_filename": "big.gcode"})
        self.assertFalse(job.print_file)
        self.env["ir.config_parameter"].set_param("tiers_lieu_machine.print_file_max_mb", "4")
        job.write({"print_file": data, "print_filename": "big.gcode"})
        self.assertAlmostEqual(job.estimated_grams, 29.33)


@tagged("post_install", "-at_install")
class TestAbsurdValues(MachineCase):
    """Huge numbers in a slicer header or a form: a clear error or an ignored value, never
    an OverflowError (issue 11)."""

    HUGE_HEADER = (
        b";FLAVOR:Marlin\n;Generated with Cura_SteamEngine 5.7.1\n;TIME:" + b"9" * 400 + b"\n"
        b";Filament used: " + b"9" * 400 + b"m\n;MINX:0\n;MINY:0\n;MINZ:0.2\n"
        b";MAXX:2000000000\n;MAXY:20\n;MAXZ:12.4\nG28\n"
    )

    def test_huge_header_values_are_ignored_with_a_note(self):
        job = self.make_job(
            print_file=base64.b64encode(self.HUGE_HEADER), print_filename="huge.gcode"
        )
        # the values of the form stay; the plausible ones of the header are taken
        self.assertEqual(job.slicer, "Cura")
        self.assertEqual(job.estimated_duration_hours, 1.5)
        self.assertEqual(job.estimated_grams, 30.0)
        self.assertEqual(job.size_x_mm, 100)
        self.assertEqual(job.size_y_mm, 50)
        self.assertIn("Width (mm): 2e+09", job.slicer_note)
        self.assertIn("Estimated Duration (h): inf", job.slicer_note)
        self.assertIn("Estimated Material (g): inf", job.slicer_note)

    def test_absurd_job_figures_are_refused(self):
        job = self.make_job()
        for fname, value in (
            ("estimated_duration_hours", 2.4e21),
            ("estimated_grams", 1e9),
            ("size_x_mm", 2_000_000_000),
            ("grams_actual", float("inf")),
            ("size_z_mm", float("nan")),
        ):
            with (
                self.subTest(fname=fname),
                self.assertRaisesRegex(ValidationError, "is not plausible"),
                self.env.cr.savepoint(),
            ):
                job.write({fname: value})
        self.assertEqual(job.estimated_duration_hours, 1.5)

    def test_absurd_build_volume_is_refused(self):
        for fname, value in (
            ("build_x_mm", 2_000_000_000),
            ("build_z_mm", -5),
            ("nozzle_diameter_mm", float("inf")),
        ):
            with (
                self.subTest(fname=fname),
                self.assertRaisesRegex(ValidationError, "is not plausible"),
                self.env.cr.savepoint(),
            ):
                self.mk4.write({fname: value})
        self.assertEqual(self.mk4.build_x_mm, 250)
