"""The demo database as `make run` builds it, seen by each role through the web client's calls.

The class loads every addon's demo data into the test database, as `tools/db.sh create_db`
does (Odoo's own demo data stays out), then:

- opens every menu of the Tiers-Lieu app as each role, with the JSON-RPC calls the web client
  makes (load the action, its views, the records of the default view, the first record in
  its form) and fails on any error;
- reads what installing the demo and a first run of our scheduled actions wrote in the
  chatter and the activities, and fails on the messages our code writes in English in a
  French company.

Known failures are listed, each with the helper who fixes it; a listed failure that no longer
fails fails the test too, so that the lists only shrink.
"""

import ast
import datetime as pydatetime
import html
import io
import json
import re
from pathlib import Path

import polib
from dateutil.relativedelta import relativedelta
from lxml import etree
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.convert import convert_file
from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time
from odoo.tools.translate import trans_export

ADDONS = Path(__file__).resolve().parents[1] / "addons"

# Roles of the walk: login -> groups (admin is Odoo's administrator, holding every role).
ROLES = {
    "staff": "tiers_lieu.group_staff",
    "manager": "tiers_lieu.group_manager",
    "trainer": "tiers_lieu.group_trainer",
    "treasurer": "tiers_lieu.group_treasurer",
    "insertion_manager": "tiers_lieu_training.group_insertion_manager",
    "admin": None,
}

# (role, menu xmlid) -> why it fails and who fixes it. The lead empties this as fixes merge.
KNOWN_BROKEN = {}

# English message our code writes (msgid, as in the addon's .pot) -> addon that writes it.
KNOWN_ENGLISH = {}

# Fields Odoo writes on every record.
models_log_fields = {"create_date", "write_date"}
# Demo dates older than this make the demo look stale: dates are relative to today.
DEMO_MAX_AGE = relativedelta(months=13)
# Dates that are history by nature, written as such in the demo files: a birth date, the
# publication date of a reference CO2 factor (field names).
FIXED_DATE_FIELDS = {"birth_date", "date_from"}
# (model, field) -> why its demo dates, computed from today, go further back.
OLD_DATES = {
    ("tiers_lieu.trainee", "birth_date"): "a birth date",
    ("tiers_lieu.material.co2.factor", "date_from"): "the publication date of a factor",
    ("tiers_lieu.trainee", "entry_date"): "trainees up to 30 months into their path",
    ("tiers_lieu.trainee.path", "date_start"): "trainees up to 30 months into their path",
    ("tiers_lieu.trainee.path", "pass_date_start"): "a PASS IAE ending within months",
    ("tiers_lieu.machine.authorization", "granted_date"): "an authorisation that lapsed",
}

# Scheduled actions that need the network (OctoPrint's printers): the test does not run them.
NETWORK_CRONS = {"tiers_lieu_machine_octoprint.ir_cron_octoprint_poll"}

# Views the walk reads records of, and how the web client reads them.
MULTI_RECORD_VIEWS = ("list", "kanban", "calendar", "activity", "hierarchy", "gantt", "map")
# Widgets of relational fields that load every choice of the comodel (name_search).
CHOICE_WIDGETS = ("selection", "radio", "selection_badge", "many2many_checkboxes", "statusbar")


def our_addons():
    return {path.parent.name: path for path in ADDONS.glob("*/__manifest__.py")}


def manifest(path):
    return ast.literal_eval(path.read_text())


def load_our_demo(env):
    """Load our installed addons' demo files in dependency order, as an installation does."""
    installed = set(
        env["ir.module.module"]
        .search([("state", "=", "installed"), ("name", "in", list(our_addons()))])
        .mapped("name")
    )
    manifests = {name: manifest(path) for name, path in our_addons().items() if name in installed}
    done = []
    while len(done) < len(manifests):
        ready = sorted(
            name
            for name, data in manifests.items()
            if name not in done and set(data.get("depends", [])) & installed <= set(done)
        )
        assert ready, f"dependency cycle among {set(manifests) - set(done)}"
        for name in ready:
            for filename in manifests[name].get("demo", []):
                convert_file(env, name, filename, {}, mode="init", noupdate=True, kind="demo")
            done.append(name)


def run_our_crons(env):
    """Run our scheduled actions once, as the server does after `make run` starts it."""
    data = env["ir.model.data"].search(
        [("model", "=", "ir.cron"), ("module", "in", list(our_addons()))]
    )
    for entry in data:
        cron = env["ir.cron"].browse(entry.res_id)
        if cron.active and f"{entry.module}.{entry.name}" not in NETWORK_CRONS:
            cron.method_direct_trigger()


def plain_text(markup):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup or ""))).strip()


class ClientError(Exception):
    """An error the web client would show in a dialog."""


class WebClient:
    """The calls the web client makes to open a menu, for the user of the case's session."""

    def __init__(self, case, uid):
        self.case = case
        self.context = {
            "lang": "fr_FR",
            "tz": "Europe/Paris",
            "uid": uid,
            "allowed_company_ids": [case.env.company.id],
        }

    def rpc(self, route, params):
        response = self.case.url_open(
            route,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "id": 0, "params": params}),
            headers={"Content-Type": "application/json"},
        )
        response.raise_for_status()
        answer = response.json()
        if "error" in answer:
            data = answer["error"]["data"]
            raise ClientError(f"{data['name']}: {data['message']}")
        return answer["result"]

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.context)
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def eval(self, expression, context=None):
        if not isinstance(expression, str):
            return expression or {}
        today = datetime.date.today()
        return safe_eval(
            expression,
            {
                **self.context,
                **(context or {}),
                "context": {**self.context, **(context or {})},
                "allowed_company_ids": self.context["allowed_company_ids"],
                "current_company_id": self.context["allowed_company_ids"][0],
                "time": time,
                "datetime": datetime,
                "relativedelta": dateutil.relativedelta.relativedelta,
                "context_today": lambda: today,
                "current_date": today.strftime("%Y-%m-%d"),
                "active_id": False,
                "active_ids": [],
            },
        )

    def app_menus(self):
        """Menus of the Tiers-Lieu app the user sees, with their action, in display order."""
        response = self.case.url_open("/web/webclient/load_menus/walk?lang=fr_FR")
        response.raise_for_status()
        menus = response.json()
        root = next(m for m in menus.values() if m["xmlid"] == "tiers_lieu.menu_root")
        found = []

        def walk(menu):
            if menu["actionID"]:
                found.append(menu)
            for child in menu["children"]:
                walk(menus[str(child)])

        walk(root)
        return found

    def open_menu(self, menu):
        action = self.rpc(
            "/web/action/load", {"action_id": menu["actionID"], "context": self.context}
        )
        self.run_action(action)

    def run_action(self, action):
        if not action:
            return
        if action["type"] == "ir.actions.server":
            action = self.rpc(
                "/web/action/run", {"action_id": action["id"], "context": self.context}
            )
            return self.run_action(action)
        if action["type"] == "ir.actions.act_window":
            self.open_window(action)

    def open_window(self, action):
        context = {**self.context, **self.eval(action.get("context") or "{}")}
        domain = self.eval(action.get("domain") or "[]", context)
        model = action["res_model"]
        views = [list(view) for view in action["views"]]
        if action.get("target") != "new" and not any(v[1] == "form" for v in views):
            views.append([False, "form"])
        views.append([action.get("search_view_id") and action["search_view_id"][0], "search"])
        result = self.call(
            model,
            "get_views",
            views=views,
            options={"action_id": action.get("id"), "load_filters": True, "toolbar": True},
            context=context,
        )
        fields = result["models"]
        search = etree.fromstring(result["views"]["search"]["arch"])
        groupby = self.default_groupby(search, context)
        domain += self.default_filters(search, context)
        first = views[0][1]
        if action.get("res_id") or first == "form":
            self.open_form(result, model, action.get("res_id"), context)
            return
        arch = etree.fromstring(result["views"][first]["arch"])
        if first in MULTI_RECORD_VIEWS:
            spec = self.specification(arch, model, fields)
            groupby = groupby or [g for g in [arch.get("default_group_by")] if g]
            if groupby:
                self.call(
                    model, "web_read_group", domain, [], groupby[:1], lazy=True, context=context
                )
                for bar in arch.iter("progressbar"):
                    self.call(
                        model,
                        "read_progress_bar",
                        domain,
                        groupby[0],
                        {"field": bar.get("field"), "colors": self.eval(bar.get("colors"))},
                        context=context,
                    )
            records = self.call(model, "web_search_read", domain, spec, limit=80, context=context)[
                "records"
            ]
            for panel in search.iter("searchpanel"):
                for field in panel.iter("field"):
                    method = (
                        "search_panel_select_multi_range"
                        if field.get("select") == "multi"
                        else "search_panel_select_range"
                    )
                    self.call(model, method, field.get("name"), context=context)
            self.load_choices(arch, model, fields, context)
            if records and "form" in result["views"]:
                self.open_form(result, model, records[0]["id"], context)
        elif first in ("pivot", "graph"):
            rows = [f.get("name") for f in arch.iter("field") if f.get("type") in ("row", None)]
            measures = [f.get("name") for f in arch.iter("field") if f.get("type") == "measure"]
            self.call(
                model,
                "read_group",
                domain,
                [f"{m}:sum" for m in measures] + ["__count"],
                groupby[:1] or rows[:1],
                lazy=False,
                context=context,
            )

    def open_form(self, views, model, res_id, context):
        """Open a record in the form view, or a new one (onchange) without res_id."""
        arch = etree.fromstring(views["views"]["form"]["arch"])
        spec = self.specification(arch, model, views["models"])
        if res_id:
            self.call(model, "web_read", [res_id], specification=spec, context=context)
        else:
            self.call(model, "onchange", [], {}, [], spec, context=context)
        self.load_choices(arch, model, views["models"], context)

    def load_choices(self, arch, model, fields, context):
        for node in arch.iter("field"):
            info = fields.get(model, {}).get("fields", {}).get(node.get("name"), {})
            if node.get("widget") in CHOICE_WIDGETS and info.get("relation"):
                self.call(info["relation"], "name_search", "", [], context=context)

    def default_filters(self, search, context):
        domain = []
        for node in search.iter("filter"):
            if context.get(f"search_default_{node.get('name')}") and node.get("domain"):
                domain += self.eval(node.get("domain"), context)
        return domain

    def default_groupby(self, search, context):
        groupby = []
        for node in search.iter("filter"):
            if context.get(f"search_default_{node.get('name')}") and node.get("context"):
                value = self.eval(node.get("context"), context).get("group_by")
                if value:
                    groupby += value if isinstance(value, list) else [value]
        return groupby

    def specification(self, arch, model, fields):
        """What the web client reads for the fields of a view (relational: their names)."""
        spec = {}
        model_fields = fields[model]["fields"]
        for node in arch.iter("field"):
            # Fields of a sub-view belong to its comodel, read through the x2many below.
            parent = node.getparent()
            nested = False
            while parent is not None and parent is not arch:
                if parent.tag == "field":
                    nested = True
                    break
                parent = parent.getparent()
            name = node.get("name")
            if nested or name not in model_fields:
                continue
            info = model_fields[name]
            if info["type"] in ("many2one", "one2many", "many2many"):
                sub = {"display_name": {}}
                comodel = info.get("relation")
                subviews = [child for child in node if child.tag in ("list", "kanban")]
                if subviews and comodel in fields:
                    sub.update(self.specification(subviews[0], comodel, fields))
                spec[name] = {"fields": sub}
            else:
                spec[name] = {}
        return spec


@tagged("post_install", "-at_install")
class TestDemoDatabase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.first_message = cls.env["mail.message"].search([], order="id desc", limit=1).id
        cls.first_activity = cls.env["mail.activity"].search([], order="id desc", limit=1).id
        load_our_demo(cls.env)
        run_our_crons(cls.env)
        cls.users = {}
        for role, group in ROLES.items():
            if group is None:
                cls.users[role] = cls.env.ref("base.user_admin")
            else:
                cls.users[role] = new_test_user(
                    cls.env, f"tl_walk_{role}", groups=group, lang="fr_FR"
                )

    def login(self, role):
        user = self.users[role]
        self.authenticate(user.login, "admin" if role == "admin" else user.login)
        return WebClient(self, user.id)

    def test_every_role_opens_every_menu(self):
        failures, opened = {}, {}
        for role in ROLES:
            client = self.login(role)
            menus = client.app_menus()
            opened[role] = len(menus)
            for menu in menus:
                try:
                    with mute_logger("odoo.http", "odoo.addons.base.models.ir_actions"):
                        client.open_menu(menu)
                except ClientError as error:
                    failures[(role, menu["xmlid"])] = str(error).splitlines()[0][:300]
        unexpected = {key: error for key, error in failures.items() if key not in KNOWN_BROKEN}
        self.assertFalse(
            unexpected,
            "Menus failing to open:\n"
            + "\n".join(f"{role} {xmlid}: {error}" for (role, xmlid), error in unexpected.items()),
        )
        fixed = set(KNOWN_BROKEN) - set(failures)
        self.assertFalse(fixed, f"Fixed: remove them from KNOWN_BROKEN: {sorted(fixed)}")
        # Each role sees its part of the app: the walk is not vacuous.
        for role in ROLES:
            self.assertGreater(opened[role], 3, role)
        self.assertGreater(opened["admin"], 40)

    def test_each_demo_person_appears_once(self):
        # The operator and trainee pickers list each person once (issue 12).
        data = self.env["ir.model.data"].search(
            [("model", "=", "res.partner"), ("module", "=like", "tiers_lieu%")]
        )
        partners = self.env["res.partner"].browse(data.mapped("res_id")).exists()
        names = [p.name for p in partners.filtered("active") if not p.is_company]
        self.assertTrue(names)
        twice = sorted({name for name in names if names.count(name) > 1})
        self.assertFalse(twice, "demo people recorded twice")

    def test_demo_parts_have_french_names(self):
        # Searching "visière" finds the face shield; no English part, material or category.
        env = self.env(user=self.users["staff"], context={"lang": "fr_FR"})
        # The kits addon adds the visor kit and its laser-cut screen.
        self.assertIn(
            self.env.ref("tiers_lieu_order.product_face_shield_demo"),
            env["product.product"].search([("name", "ilike", "visière")]),
        )
        self.assertTrue(env["product.product"].search([("name", "ilike", "ouvre-porte")]))
        for xmlid, english in (
            ("tiers_lieu_order.product_face_shield_demo", "Face shield"),
            ("tiers_lieu_order.product_door_opener_demo", "door opener"),
            ("tiers_lieu_machine.equipment_category_printers_demo", "3D printers"),
            ("tiers_lieu_machine.material_plywood_demo", "Plywood"),
            ("tiers_lieu_machine.material_acrylic_demo", "Acrylic"),
        ):
            self.assertNotIn(english, env.ref(xmlid).sudo().display_name, xmlid)

    def test_install_writes_the_chatter_in_french(self):
        english = self.english_terms()
        found = {}
        messages = self.env["mail.message"].search([("id", ">", self.first_message)])
        activities = self.env["mail.activity"].search([("id", ">", self.first_activity)])
        self.assertTrue(messages, "the demo data wrote no message: nothing tested")
        texts = [plain_text(m.body) for m in messages]
        texts += [a.summary or "" for a in activities] + [plain_text(a.note) for a in activities]
        for text in texts:
            for (addon, msgid), pattern in english.items():
                if pattern.search(text):
                    found[msgid] = addon
        unexpected = {msgid: addon for msgid, addon in found.items() if msgid not in KNOWN_ENGLISH}
        self.assertFalse(
            unexpected,
            "Messages written in English in a French company (use tiers_lieu.lang."
            "company_lang_env):\n" + "\n".join(f"{a}: {m}" for m, a in unexpected.items()),
        )
        fixed = set(KNOWN_ENGLISH) - set(found)
        self.assertFalse(fixed, f"Now in French: remove them from KNOWN_ENGLISH: {sorted(fixed)}")

    def english_terms(self):
        """Patterns of the English messages our Python code writes, that fr.po translates."""
        placeholder = re.compile(r"%\(\w+\)[sdf]|%[sdf]|\{\w*\}")
        patterns = {}
        for addon in sorted(our_addons()):
            buffer = io.BytesIO()
            trans_export(None, [addon], buffer, "po", self.env.cr)
            french = {
                entry.msgid: entry.msgstr
                for entry in polib.pofile(str(ADDONS / addon / "i18n" / "fr.po"))
                if entry.msgstr
            }
            for entry in polib.pofile(buffer.getvalue().decode()):
                code = any(place.startswith("code:") for place, _line in entry.occurrences)
                words = placeholder.sub(" ", entry.msgid).split()
                if not code or len(words) < 3 or french.get(entry.msgid) == entry.msgid:
                    continue
                parts = [re.escape(part) for part in placeholder.split(plain_text(entry.msgid))]
                patterns[(addon, entry.msgid)] = re.compile(r".+?".join(parts))
        return patterns

    # ------------------------------------------------------------------ living demo

    def demo_records(self):
        """{model: records} created or changed by our addons' demo files."""
        names = {}
        for module, path in our_addons().items():
            for filename in manifest(path).get("demo", []):
                for node in etree.parse(str(path.parent / filename)).iter("record"):
                    xmlid = node.get("id")
                    module_name, name = xmlid.split(".", 1) if "." in xmlid else (module, xmlid)
                    names.setdefault(module_name, set()).add(name)
        by_model = {}
        for module, module_names in names.items():
            for entry in self.env["ir.model.data"].search(
                [("module", "=", module), ("name", "in", list(module_names))]
            ):
                if entry.model in self.env:
                    by_model.setdefault(entry.model, []).append(entry.res_id)
        return {model: self.env[model].browse(ids).exists() for model, ids in by_model.items()}

    def test_demo_files_write_no_fixed_date(self):
        # A literal date ages: the demo computes its dates from today.
        literal = re.compile(r"^'?\d{4}-\d{2}-\d{2}")
        found = []
        for module, path in sorted(our_addons().items()):
            for filename in manifest(path).get("demo", []):
                for node in etree.parse(str(path.parent / filename)).iter("field"):
                    value = (node.get("eval") or node.text or "").strip()
                    if literal.match(value) and node.get("name") not in FIXED_DATE_FIELDS:
                        found.append(f"{module}/{filename}:{node.sourceline} {node.get('name')}")
        self.assertFalse(found, "Fixed dates in demo files:\n" + "\n".join(found))

    def test_no_demo_date_older_than_13_months(self):
        oldest = pydatetime.date.today() - DEMO_MAX_AGE
        stale = {}
        checked = 0
        for model, records in self.demo_records().items():
            for name, field in records._fields.items():
                if (
                    field.type not in ("date", "datetime")
                    or not field.store
                    or name in models_log_fields
                    or (model, name) in OLD_DATES
                ):
                    continue
                for record in records.sudo():
                    value = record[name]
                    if not value:
                        continue
                    checked += 1
                    day = value.date() if isinstance(value, pydatetime.datetime) else value
                    if day < oldest:
                        stale.setdefault((model, name), []).append(str(day))
        self.assertGreater(checked, 50, "no demo date read: nothing tested")
        self.assertFalse(
            stale,
            f"Demo dates before {oldest} (use relativedelta from DateTime.today()):\n"
            + "\n".join(f"{m}.{f}: {sorted(d)[:3]}" for (m, f), d in sorted(stale.items())),
        )

    def test_demo_identifiers_are_valid(self):
        company = self.env.ref("base.main_company")
        self.assertTrue(stdnum_siret.is_valid(company.siret), company.siret)
        self.assertRegex(company.association_rna, r"^W\d{9}$")
        partners = self.demo_records().get("res.partner", self.env["res.partner"])
        with_siret = partners.filtered("siret")
        self.assertTrue(with_siret, "no demo organisation with a SIRET: nothing tested")
        for partner in with_siret:
            self.assertTrue(stdnum_siret.is_valid(partner.siret), (partner.name, partner.siret))
        for partner in partners.filtered("siren"):
            self.assertTrue(stdnum_siren.is_valid(partner.siren), (partner.name, partner.siren))

    def test_demo_sells_a_kit(self):
        order = self.env.ref("tiers_lieu_kit.sale_order_kit_demo")
        self.assertEqual(order.state, "sale")
        self.assertEqual(
            set(order.print_job_ids.mapped("machine_kind")),
            {"fdm_printer", "laser_cutter", "sewing_machine"},
        )
        elastic = self.env.ref("tiers_lieu_kit.product_elastic_demo")
        move = order.picking_ids.move_ids.filtered(lambda m: m.product_id == elastic)
        self.assertEqual(move.product_uom_qty, 80)
        self.assertEqual(move.quantity, 60)  # all the elastics in stock, reserved
        forecast = self.env["tiers_lieu.supply.forecast"].search([("product_id", "=", elastic.id)])
        self.assertEqual(forecast.shortage_quantity, 20)
        self.assertEqual(forecast.state, "short")
