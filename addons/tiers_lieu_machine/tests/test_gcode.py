from odoo.tests import TransactionCase, tagged

from odoo.addons.tiers_lieu_machine.gcode import parse_duration, parse_slicer_header

from .common import GCODE_DIR


def parse(name):
    return parse_slicer_header((GCODE_DIR / name).read_bytes(), name)


@tagged("post_install", "-at_install")
class TestSlicerHeader(TransactionCase):
    def test_durations(self):
        self.assertEqual(parse_duration("1h 24m 36s"), 5076)
        self.assertEqual(parse_duration("1d 2h 3m 4s"), 93784)
        self.assertEqual(parse_duration("47m 12s"), 2832)
        self.assertIsNone(parse_duration("soon"))

    def test_prusaslicer_summary_at_the_end(self):
        result = parse("prusaslicer_headband.gcode")
        self.assertEqual(result["slicer"], "PrusaSlicer")
        # normal mode, not silent mode
        self.assertAlmostEqual(result["duration_hours"], 5076 / 3600)
        self.assertAlmostEqual(result["grams"], 29.33)

    def test_cura_time_length_and_bounding_box(self):
        result = parse("cura_clip.gcode")
        self.assertEqual(result["slicer"], "Cura")
        self.assertAlmostEqual(result["duration_hours"], 2712 / 3600)
        self.assertNotIn("grams", result)
        # 3.41502 m of 1.75 mm filament
        self.assertAlmostEqual(result["volume_mm3"], 8214.1, places=0)
        self.assertAlmostEqual(result["size_x"], 65.8)
        self.assertAlmostEqual(result["size_y"], 23.2)
        self.assertAlmostEqual(result["size_z"], 12.4)

    def test_orcaslicer_header_block(self):
        result = parse("orcaslicer_gear.gcode")
        self.assertEqual(result["slicer"], "OrcaSlicer")
        self.assertAlmostEqual(result["duration_hours"], 2832 / 3600)
        self.assertAlmostEqual(result["grams"], 12.58)
        self.assertAlmostEqual(result["size_z"], 19.2)

    def test_bambu_total_time_and_two_filaments(self):
        result = parse("bambu_visor.gcode")
        self.assertEqual(result["slicer"], "Bambu Studio")
        # the total estimated time, not the model printing time
        self.assertAlmostEqual(result["duration_hours"], 7781 / 3600)
        self.assertAlmostEqual(result["grams"], 49.03)

    def test_sliced_3mf(self):
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("3D/3dmodel.model", "<model/>")
            archive.writestr(
                "Metadata/plate_1.gcode", (GCODE_DIR / "bambu_visor.gcode").read_bytes()
            )
        result = parse_slicer_header(buffer.getvalue(), "visor.gcode.3mf")
        self.assertAlmostEqual(result["grams"], 49.03)

    def test_no_header_and_garbage(self):
        self.assertEqual(parse("no_header.gcode"), {})
        self.assertEqual(parse_slicer_header(b"\x00\xff\xfe garbage", "x.gcode"), {})
        self.assertEqual(parse_slicer_header(b"PK\x03\x04 not a zip", "x.3mf"), {})
        self.assertEqual(parse_slicer_header(b"", "x.gcode"), {})

    def test_large_file_reads_head_and_tail(self):
        data = (GCODE_DIR / "prusaslicer_headband.gcode").read_bytes()
        head, tail = data.split(b"M73 P100 R0", 1)
        big = head + b"G1 X1 Y1 E0.1\n" * 50000 + b"M73 P100 R0" + tail
        self.assertGreater(len(big), 500000)
        self.assertAlmostEqual(parse_slicer_header(big, "big.gcode")["grams"], 29.33)

    def test_huge_numbers_give_no_overflow(self):
        header = (
            b";TIME:" + b"9" * 400 + b"\n;Filament used: " + b"9" * 400 + b"m\n"
            b";PRINT.TIME:1e999\n;MAXZ:" + b"9" * 400 + b"\n"
        )
        result = parse_slicer_header(header, "huge.gcode")
        self.assertNotIn("duration_hours", result)
        self.assertNotIn("volume_mm3", result)
        self.assertEqual(set(result["ignored"]), {"duration_hours", "volume_mm3"})
