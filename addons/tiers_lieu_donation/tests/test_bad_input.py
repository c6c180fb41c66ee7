from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import TODAY, DonationCase


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestBadInput(DonationCase):
    def issue(self, donations, **vals):
        return (
            self.env["tiers_lieu.donation.receipt.issue"]
            .with_user(self.treasurer)
            .create({"donation_ids": [Command.set(donations.ids)], **vals})
            .action_issue()
        )

    def test_amount_must_be_positive(self):
        for amount in (0.0, -20.0):
            with self.subTest(amount=amount), self.assertRaises(ValidationError) as error:
                self.make_donation(self.claire, amount)
            self.assertIn("must be greater than zero", str(error.exception))
        with self.assertRaises(ValidationError):
            self.make_donation(self.claire, 10.0, line={"quantity": 0})

    def test_payment_date_in_the_future_is_refused(self):
        with self.assertRaises(ValidationError) as error:
            self.make_donation(self.claire, 50.0, when="2026-03-21")
        self.assertIn("is in the future", str(error.exception))

    def test_no_receipt_for_a_subsidy(self):
        subsidy = self.validated(self.town, 3000.0, product=self.subsidy)
        self.assertEqual(subsidy.nature, "subsidy")
        self.assertEqual(subsidy.tax_receipt_option, "none")
        self.assertFalse(subsidy.tax_receipt_id)
        with self.assertRaises(UserError) as error:
            self.issue(subsidy)
        self.assertIn("public subsidy", str(error.exception))
        with self.assertRaises(ValidationError):
            subsidy.tax_receipt_option = "each"
        with self.assertRaises(ValidationError):
            self.subsidy.tax_receipt_ok = True

    def test_no_receipt_for_an_anonymous_crowdfunding_gift(self):
        pool = (
            self.env["tiers_lieu.donation.pool.import"]
            .with_user(self.treasurer)
            ._import_sample("Collecte")
        )
        anonymous = pool.line_ids.filtered(lambda line: not line.identified and not line.excluded)
        donations = anonymous.donation_id
        self.assertEqual(len(donations), 2)
        self.assertTrue(all(donations.mapped("is_anonymous")))
        self.assertFalse(donations.tax_receipt_id)
        with self.assertRaises(UserError) as error:
            self.issue(donations[:1])
        self.assertIn("without the donor's identity", str(error.exception))
        with self.assertRaises(ValidationError):
            donations[:1].tax_receipt_option = "each"

    def test_gift_in_kind_needs_its_valuation(self):
        donation = self.make_donation(
            self.acme, 12.5, mode=None, product=self.goods, line={"quantity": 40}
        )
        with self.assertRaises(ValidationError) as error:
            donation.with_user(self.treasurer).validate()
        self.assertIn("valuation basis", str(error.exception))
        donation.line_ids.write(
            {"valuation_basis": "salary_cost", "in_kind_description": "40 bobines PLA"}
        )
        with self.assertRaises(ValidationError) as error:
            donation.with_user(self.treasurer).validate()
        self.assertIn("is not a valuation basis for this kind of gift", str(error.exception))
        donation.line_ids.valuation_basis = "stock_value"
        donation.with_user(self.treasurer).validate()
        self.assertEqual(donation.state, "done")

    def test_donor_without_address_gets_no_receipt(self):
        donation = self.make_donation(self.no_address, 50.0)
        with self.assertRaises(UserError) as error:
            donation.with_user(self.treasurer).validate()
        self.assertIn("full address", str(error.exception))
        self.assertEqual(donation.state, "draft")

    def test_company_receipt_refused_for_an_individual_and_vice_versa(self):
        individual = self.validated(self.claire, 50.0, tax_receipt_option="annual")
        with self.assertRaises(UserError) as error:
            self.issue(individual, receipt_form="company")
        self.assertIn("is an individual", str(error.exception))
        company = self.validated(self.acme, 500.0, tax_receipt_option="annual")
        with self.assertRaises(UserError) as error:
            self.issue(company, receipt_form="individual")
        self.assertIn("is a company", str(error.exception))
        self.assertFalse((individual | company).tax_receipt_id)

    def test_company_receipt_needs_siren_and_legal_form(self):
        self.acme.legal_form = False
        with self.assertRaises(UserError) as error:
            self.validated(self.acme, 500.0)
        self.assertIn("legal form", str(error.exception))

    def test_individual_counterparts_not_of_low_value_leave_the_net_receipted(self):
        """Issue 13 (BOI-IR-RICI-250-10-10): low-value counterparts (25 % of the gift, 65 €
        a year) leave the gift receipted in full; otherwise only the net amount is."""
        low = self.validated(self.claire, 200.0, counterpart_value=40.0)
        self.assertEqual(low.tax_receipt_id.amount, 200.0)
        # 25 % of 200 = 50 < 60: the 140 € net is receipted, the counterpart stays visible
        high = self.validated(self.claire, 200.0, counterpart_value=60.0)
        self.assertEqual(high.state, "done")
        self.assertEqual(high.tax_receipt_id.amount, 140.0)
        self.assertIn("not of low value", high.counterpart_warning)
        self.assertIn("BOI-IR-RICI-250-10-10", high.counterpart_warning)
        # within 25 % of 400, but 40 + 30 > 65 this year: 370 receipted
        yearly = self.validated(self.claire, 400.0, counterpart_value=30.0)
        self.assertEqual(yearly.tax_receipt_id.amount, 370.0)
        # without a receipt, counterparts are the association's business
        none = self.validated(self.claire, 400.0, counterpart_value=30.0, tax_receipt_option="none")
        self.assertFalse(none.counterpart_warning)

    def test_company_counterparts_above_a_quarter_only_warn(self):
        donation = self.make_donation(self.acme, 1000.0, counterpart_value=300.0)
        self.assertIn("exceed 25 % of the gift", donation.counterpart_warning)
        donation.with_user(self.treasurer).validate()
        self.assertEqual(donation.state, "done")
        self.assertTrue(donation.tax_receipt_id)
        self.assertIn("disproportionate", donation.message_ids[:3].mapped("body")[0] or "")

    def test_ceiling_comes_from_the_dated_parameters(self):
        self.env["tiers_lieu.donation.parameter"].create(
            {"code": "individual_counterpart_ceiling", "date_from": "2026-01-01", "value": 100}
        )
        donation = self.validated(self.claire, 400.0, counterpart_value=90.0)
        self.assertEqual(donation.state, "done")

    def test_cheque_needs_its_number_and_bank(self):
        donation = self.make_donation(self.claire, 50.0, mode="cheque", cheque_number=False)
        with self.assertRaises(ValidationError) as error:
            donation.with_user(self.treasurer).validate()
        self.assertIn("cheque number", str(error.exception))

    def test_natures_are_not_mixed_in_one_donation(self):
        with self.assertRaises(ValidationError) as error:
            self.make_donation(
                self.claire,
                50.0,
                line_ids=[
                    Command.create({"product_id": self.cash.id, "unit_price": 50.0}),
                    Command.create({"product_id": self.subsidy.id, "unit_price": 50.0}),
                ],
            )
        self.assertIn("mixes gifts that cannot share a donation", str(error.exception))

    def test_cash_and_in_kind_share_a_donation(self):
        """OCA's mixed donations keep working: each nature is receipted with its amount."""
        donation = self.validated(
            self.claire,
            50.0,
            line_ids=[
                Command.create({"product_id": self.cash.id, "unit_price": 50.0}),
                Command.create(
                    {
                        "product_id": self.goods.id,
                        "unit_price": 30.0,
                        "valuation_basis": "purchase_price",
                        "in_kind_description": "2 bobines de PLA",
                    }
                ),
            ],
        )
        self.assertEqual(donation.nature, "mixed")
        receipt = donation.tax_receipt_id
        self.assertEqual((receipt.amount_cash, receipt.amount_in_kind), (50.0, 30.0))
        self.assertEqual(donation.move_id.state, "posted")

    def test_volunteer_time_is_never_receipted(self):
        """Issue 13: an individual's "service" (volunteer hours) is not a receiptable gift."""
        line = {"valuation_basis": "service_cost", "in_kind_description": "20 h d'animation"}
        hours = self.make_donation(self.claire, 300.0, mode=None, product=self.service, line=line)
        with self.assertRaises(ValidationError) as error:
            hours.with_user(self.treasurer).validate()
        self.assertIn("BOI-IR-RICI-250-10-20-10", str(error.exception))
        self.assertFalse(hours.tax_receipt_id)
        # recorded without receipt, as a contribution volontaire en nature
        hours.tax_receipt_option = "none"
        hours.with_user(self.treasurer).validate()
        self.assertEqual(hours.state, "done")
        self.assertFalse(hours.tax_receipt_id)
        accounts = hours.in_kind_move_id.line_ids.account_id.mapped("code")
        # ANC 2018-06: volunteer staff 864 personnel bénévole / 875 bénévolat
        self.assertEqual(sorted(accounts), ["864000", "875000"])

    def test_unreceipted_gift_needs_no_payment_mode_nor_valuation_basis(self):
        """What only the receipt states is not asked of a gift without receipt."""
        donation = self.validated(
            self.town,
            300.0,
            mode=None,
            product=self.goods,
            line={"in_kind_description": "Tables"},
        )
        self.assertEqual(donation.state, "done")
        self.assertFalse(donation.tax_receipt_id)

    def test_staff_lent_by_companies_and_expenses_waived_by_individuals(self):
        staff = self.make_donation(
            self.claire,
            500.0,
            mode=None,
            product=self.staff_lent,
            line={
                "valuation_basis": "salary_cost",
                "staff_count": 1,
                "staff_hours": 7,
                "in_kind_description": "Une journée",
            },
        )
        with self.assertRaises(ValidationError):
            staff.with_user(self.treasurer).validate()
        waiver = self.make_donation(
            self.acme, 80.0, mode=None, product=self.waiver, line={"in_kind_description": "km"}
        )
        with self.assertRaises(ValidationError):
            waiver.with_user(self.treasurer).validate()

    def test_receipt_needs_the_association_identity(self):
        self.company.association_object = False
        with self.assertRaises(UserError) as error:
            self.validated(self.claire, 50.0)
        self.assertIn("association identity is complete", str(error.exception))

    def test_the_receipt_category_belongs_to_this_addon(self):
        """Issue 14: the Cerfa category moved from the base company to the donation addon."""
        for name in ("association_category", "association_public_utility_date"):
            field = self.env["ir.model.fields"]._get("res.company", name)
            self.assertEqual(field.modules, "tiers_lieu_donation", name)

    def test_other_category_needs_its_wording(self):
        with self.assertRaisesRegex(ValidationError, "wording of the organisation category"):
            self.company.association_category = "other"
        self.company.write(
            {"association_category": "other", "association_category_other": "Fonds de dotation"}
        )

    def test_public_utility_needs_its_decree(self):
        with self.assertRaisesRegex(ValidationError, "date of its decree"):
            self.company.association_category = "public_utility"
        self.company.write(
            {
                "association_category": "public_utility",
                "association_public_utility_date": "2004-03-12",
                "association_public_utility_journal_date": "2004-03-20",
            }
        )
        self.assertEqual(self.company.association_category, "public_utility")

    def test_other_category_needs_its_legal_basis_confirmed_by_a_manager(self):
        """Issue 13: free text under "Autre organisme" was printed as if eligible."""
        self.company.write(
            {"association_category": "other", "association_category_other": "Amicale"}
        )
        self.assertIn("article of the CGI", self.company.association_eligibility_warning)
        with self.assertRaises(UserError) as error:
            self.validated(self.claire, 50.0)
        self.assertIn("article of the CGI", str(error.exception))
        self.company.association_category_legal_basis = "art. 200-1-b CGI"
        with self.assertRaises(UserError) as error:
            self.validated(self.claire, 51.0)
        self.assertIn("Manager must confirm", str(error.exception))
        with self.assertRaises(AccessError):
            self.company.with_user(self.treasurer).action_tl_confirm_category()
        self.company.with_user(self.manager).action_tl_confirm_category()
        self.assertEqual(self.company.association_category_confirmed_uid, self.manager)
        self.assertTrue(self.validated(self.claire, 52.0).tax_receipt_id)
        # a changed basis is confirmed again
        self.company.with_user(self.manager).association_category_legal_basis = "art. 200 CGI"
        self.assertFalse(self.company.association_category_confirmed_uid)

    def test_settings_warn_until_the_eligibility_is_documented(self):
        self.assertIn("rescrit", self.company.association_eligibility_warning)
        self.company.write(
            {"association_rescrit_number": "2024-123", "association_rescrit_date": "2024-05-02"}
        )
        self.assertFalse(self.company.association_eligibility_warning)

    def test_unusual_amounts_ask_for_confirmation(self):
        """Issue 13: a receipt under 1 € or a gift above the threshold is confirmed first."""
        for amount in (0.5, 25000.0):
            with self.subTest(amount=amount):
                donation = self.make_donation(self.claire, amount).with_user(self.treasurer)
                action = donation.validate()
                self.assertEqual(donation.state, "draft")
                self.assertEqual(action["res_model"], "tiers_lieu.donation.plausibility")
                wizard = self.env[action["res_model"]].browse(action["res_id"])
                self.assertIn(donation.display_name, wizard.message)
                wizard.with_user(self.treasurer).action_confirm()
                self.assertEqual(donation.state, "done")
        self.assertEqual(self.validated(self.claire, 9000.0).state, "done")
