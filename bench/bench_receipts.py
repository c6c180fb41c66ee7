"""Issues and renders annual tax receipts (reportlab) and compares the rendering with OCA's
QWeb PDF report (wkhtmltopdf) on the same receipts, in the same run.

    tools/bench.sh bench/bench_receipts.py [--count 10000] [--qweb-sample 50]

Each donor gives twice (a transfer and a card payment); the donations are recorded as
validated without their journal entries, which are not what is measured. The QWeb path is
timed one receipt per call (as a treasurer prints one) on a sample of the issued receipts
and extrapolated linearly: each call is a wkhtmltopdf process, so the cost per receipt does
not fall with volume. Debian's (unpatched) wkhtmltopdf cannot render several receipts in
one call; the bench tries and says so. Without wkhtmltopdf, the comparison is skipped.
"""

import base64
import logging
import shutil
import time

from common import bench_env, measure, parse_args

from odoo import Command
from odoo.tools.misc import file_open

YEAR = 2025


def prepare(env, count):
    with file_open("tiers_lieu/demo/signature.png", "rb") as image:
        signature = base64.b64encode(image.read())
    env.company.write(
        {
            "association_legal_name": "Association Val Solidaire",
            "association_rna": "W913004217",
            "street": "12 rue des Makers",
            "zip": "91860",
            "city": "Épinay-sous-Sénart",
            "association_category": "general_interest",
            "association_object": "Fabrication numérique solidaire et insertion.",
            "signatory_name": "Camille Martin",
            "signatory_title": "Trésorière",
            "signatory_signature": signature,
        }
    )
    partners = env["res.partner"].create(
        [
            {
                "name": f"Donatrice {i:05d}",
                "street": f"{i % 200 + 1} rue des Donateurs",
                "zip": "91000",
                "city": "Évry-Courcouronnes",
                "tax_receipt_option": "annual",
            }
            for i in range(count)
        ]
    )
    product = env.ref("tiers_lieu_donation.product_donation_cash")
    Company = env["res.company"]
    methods = [Company._tl_payment_method_line("transfer"), Company._tl_payment_method_line("card")]
    donations = env["donation.donation"].create(
        [
            {
                "partner_id": partner.id,
                "donation_date": f"{YEAR}-{3 + 6 * n:02d}-{1 + i % 28:02d}",
                "payment_method_line_id": methods[n].id,
                "line_ids": [
                    Command.create({"product_id": product.id, "unit_price": 20 + (i % 50) + n})
                ],
            }
            for i, partner in enumerate(partners)
            for n in (0, 1)
        ]
    )
    donations.write({"state": "done"})
    return donations


def main():
    args = parse_args(__doc__, count=10000, qweb_sample=50)
    # OCA's wizard logs each receipt it generates
    logging.getLogger("odoo.addons.donation_base").setLevel(logging.WARNING)
    results = []
    with bench_env(args) as env:
        with measure(env, f"prepare {args.count} donors, {2 * args.count} donations", results):
            prepare(env, args.count)

        wizard = env["tax.receipt.annual.create"].create(
            {"start_date": f"{YEAR}-01-01", "end_date": f"{YEAR}-12-31"}
        )
        label = f"issue {args.count} annual receipts (number, PDF, attachment)"
        with measure(env, label, results):
            wizard.generate_annual_receipts()
        receipts = env["donation.tax.receipt"].search([("fiscal_year", "=", YEAR)])
        assert len(receipts) == args.count, len(receipts)
        numbers = sorted(int(n.rsplit("-", 1)[1]) for n in receipts.mapped("number"))
        assert numbers == list(range(1, args.count + 1)), "numbering has a gap"

        # importable once bench_env has set the addons path
        from odoo.addons.tiers_lieu_donation.pdf.receipt import ReceiptRenderer

        renderer = ReceiptRenderer(env)
        receipts.mapped("line_ids.amount")  # prefetch what the PDF reads
        started = time.perf_counter()
        size = sum(len(renderer.render(receipt)) for receipt in receipts)
        ours = time.perf_counter() - started
        print(
            f"{'render ' + str(args.count) + ' receipts with reportlab':<50} {ours:8.3f} s "
            f"({ours / args.count * 1000:.2f} ms each, {size / args.count / 1024:.1f} KiB each)",
            flush=True,
        )

        if not shutil.which("wkhtmltopdf"):
            print("QWeb PDF comparison skipped: wkhtmltopdf is not installed.")
            return
        report = env["ir.actions.report"]._get_report("donation_base.report_donation_tax_receipt")
        sample = receipts[: args.qweb_sample]
        ours_each = ours / args.count
        Param = env["ir.config_parameter"]
        # Odoo's default: wkhtmltopdf waits report.print_delay (1000 ms) for scripts; also
        # timed without the wait, the lower bound of the QWeb path.
        for delay in (Param.get_param("report.print_delay", "1000"), "0"):
            Param.set_param("report.print_delay", delay)
            started = time.perf_counter()
            for receipt in sample:
                pdf, _kind = report._render_qweb_pdf(report, receipt.ids)
                assert pdf.startswith(b"%PDF"), pdf[:20]
            each = (time.perf_counter() - started) / len(sample)
            print(
                f"QWeb PDF (wkhtmltopdf, print delay {delay} ms), {len(sample)} receipts one "
                f"by one: {each * 1000:.0f} ms each -> {args.count} receipts: "
                f"{each * args.count:.0f} s (extrapolated); ratio QWeb / reportlab: "
                f"{each / ours_each:.0f}x",
                flush=True,
            )
        try:
            report._render_qweb_pdf(report, sample[:10].ids)
            print("QWeb PDF of 10 receipts in one wkhtmltopdf call: ok")
        except Exception as error:  # noqa: BLE001 - reported, it is the finding
            print(f"QWeb PDF of 10 receipts in one wkhtmltopdf call fails: {error}")


if __name__ == "__main__":
    main()
