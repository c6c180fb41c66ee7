"""The shipped Docker deployment is safe by default and consistent with the addons.

No Docker engine runs in CI: these tests read docker-compose.yml, the Dockerfile and the
configurations, and run the image's entry point and init script with fake secrets.
"""

import configparser
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GIB = 1024**3


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def odoo_conf(name="odoo.conf"):
    config = configparser.RawConfigParser()
    config.read(ROOT / "config" / name)
    return config["options"]


def enabled(value):
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def run_entrypoint(tmp_path, master, db_password="db-secret-1", command=("true",)):
    secrets = tmp_path / "secrets"
    secrets.mkdir(exist_ok=True)
    env = dict(
        os.environ,
        PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        TL_RUNTIME_DIR=str(tmp_path / "run"),
        TL_BASE_CONF=str(ROOT / "config" / "odoo.conf"),
        ODOO_MASTER_PASSWORD_FILE=str(secrets / "master"),
        POSTGRES_PASSWORD_FILE=str(secrets / "db"),
    )
    for name, value in (("master", master), ("db", db_password)):
        (secrets / name).unlink(missing_ok=True)
        if value is not None:
            (secrets / name).write_text(value + "\n")
    return subprocess.run(
        ["sh", str(ROOT / "tools" / "docker_entrypoint.sh"), *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


# --- Issue 11, point 1: the database manager, secrets, proxy, limits -----------------------


def test_database_manager_is_off():
    assert not enabled(odoo_conf().get("list_db", "True")), "list_db must be False"


def test_no_secret_in_the_shipped_files():
    options = odoo_conf()
    for key in ("admin_passwd", "db_password"):
        assert key not in options, f"{key} must come from a Docker secret, not config/odoo.conf"
    text = (ROOT / "docker-compose.yml").read_text()
    # No password in the compose file, not even as a default of a variable.
    assert not re.search(r"PASSWORD\s*:", text), "a password is set in docker-compose.yml"
    assert not re.search(r"\$\{[A-Z_]*PASSWORD[A-Z_]*:-", text), "a password has a default"
    services = compose()["services"]
    db_secret = services["db"]["environment"]["POSTGRES_PASSWORD_FILE"]
    assert db_secret == "/run/secrets/postgres_password"
    assert {"postgres_password", "odoo_master_password"} <= set(services["odoo"]["secrets"])
    for name, secret in compose()["secrets"].items():
        assert secret["file"].startswith("./secrets/"), name
    assert "/secrets/" in (ROOT / ".gitignore").read_text().split()


def test_odoo_is_reached_only_through_an_https_proxy():
    services = compose()["services"]
    assert "ports" not in services["odoo"], "Odoo's own port must not be published"
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    proxy = services["proxy"]
    assert re.match(r"(caddy|nginx):", proxy["image"]), "use the official caddy or nginx image"
    assert {port.split(":")[-1] for port in proxy["ports"]} >= {"80", "443"}
    # proxy_mode trusts X-Forwarded-*: only valid because this proxy sets them.
    assert enabled(odoo_conf()["proxy_mode"])
    assert "./config/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    caddyfile = (ROOT / "config" / "Caddyfile").read_text()
    assert re.search(r"^\{\$TL_DOMAIN\} \{$", caddyfile, re.M), "one HTTPS site: $TL_DOMAIN"
    assert re.search(r"^\s+tls \{\$TL_TLS\}$", caddyfile, re.M)
    assert re.search(r"^\s+reverse_proxy /websocket odoo:8072$", caddyfile, re.M)
    assert re.search(r"^\s+reverse_proxy odoo:8069$", caddyfile, re.M)
    # Caddy sets X-Forwarded-For from the client's address unless told to trust a hop.
    assert "trusted_proxies" not in caddyfile
    blocked = r"@database path /web/database /web/database/\*\n\s+respond @database 404"
    assert re.search(blocked, caddyfile), "the proxy hides the database manager"


def test_workers_websocket_and_limits_sized():
    options = odoo_conf()
    assert int(options["workers"]) >= 2
    assert int(options["gevent_port"]) == 8072
    soft, hard = int(options["limit_memory_soft"]), int(options["limit_memory_hard"])
    assert GIB // 2 <= soft < hard <= 4 * GIB
    cpu, real = int(options["limit_time_cpu"]), int(options["limit_time_real"])
    # a job of 200 annual receipts (a worker's request) takes a few seconds: room for it,
    # not for a runaway request.
    assert 60 <= cpu <= real <= 600
    assert int(options["max_cron_threads"]) >= 1
    assert odoo_conf()["addons_path"].split(",")[0] == "/mnt/extra-addons"


def test_background_jobs_run_beside_the_users_requests():
    """Issue 15: one queue_job runner, fewer job slots than workers, printers apart."""
    options = odoo_conf()
    assert "queue_job" in options["server_wide_modules"].split(",")
    config = configparser.RawConfigParser()
    config.read(ROOT / "config" / "odoo.conf")
    channels = dict(
        item.strip().split(":")[:2] for item in config["queue_job"]["channels"].split(",")
    )
    assert 1 <= int(channels["root"]) < int(options["workers"])
    assert int(channels["root.octoprint"]) >= 1
    # The local run has the runner too (tools/run.sh): batches never run in a request there.
    local = (ROOT / "config" / "odoo.local.conf.in").read_text()
    assert re.search(r"^server_wide_modules = .*queue_job", local, re.M)
    assert "odoo-addon-queue_job==18.0." in (ROOT / "requirements.txt").read_text()


def test_entrypoint_refuses_to_start_without_a_strong_master_password(tmp_path):
    for master in (None, "", "admin", "change-me", "short-1234"):
        result = run_entrypoint(tmp_path, master)
        assert result.returncode != 0, master
        assert "refusing to start" in result.stderr
    result = run_entrypoint(tmp_path, "a-long-enough-master-pw", db_password=None)
    assert result.returncode != 0 and "postgres_password" in result.stderr


def test_entrypoint_writes_secrets_only_to_a_private_file(tmp_path):
    master = "correct horse battery staple"
    result = run_entrypoint(tmp_path, master, command=("sh", "-c", 'echo "$ODOO_RC"'))
    assert result.returncode == 0, result.stderr
    rc = Path(result.stdout.strip())
    assert stat.S_IMODE(rc.stat().st_mode) == 0o600
    config = configparser.RawConfigParser()
    config.read(rc)
    options = config["options"]
    assert options["admin_passwd"].startswith("$pbkdf2-sha512$"), "stored as a hash only"
    assert master not in rc.read_text()
    assert options["db_password"] == "db-secret-1"
    assert options["dbfilter"] == "^tiers_lieu$" and not enabled(options["list_db"])
    # Odoo reads that file and accepts the master password (fresh process: global config).
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from odoo.tools import config; config.parse_config(['-c', sys.argv[1]]);"
            "assert config.verify_admin_password(sys.argv[2]);"
            "assert not config.verify_admin_password('admin');"
            "assert config['workers'] >= 2 and not config['list_db']",
            str(rc),
            master,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stderr[-2000:]


def test_no_password_on_a_command_line():
    dockerfile = (ROOT / "Dockerfile").read_text()
    # The official image's entry point passes --db_password to odoo: ours replaces it.
    assert 'ENTRYPOINT ["/opt/tiers-lieu/docker_entrypoint.sh"]' in dockerfile
    for script in ("docker_init_db.sh", "docker_entrypoint.sh"):
        text = (ROOT / "tools" / script).read_text()
        assert not re.search(r"--db[_-]password|PASSWORD:-", text), script
    command = compose()["services"]["init"]["command"]
    assert not any("password" in part.lower() for part in command)


def test_admin_password_is_required_outside_the_local_demo(tmp_path):
    services = compose()["services"]
    assert not any("TL_ADMIN_PASSWORD" in str(s.get("environment")) for s in services.values())
    assert "odoo_admin_password" in services["init"]["secrets"]
    assert "odoo_admin_password" not in services["odoo"]["secrets"]
    configure = (ROOT / "tools" / "configure_db.py").read_text()
    assert not re.search(r"TL_ADMIN_PASSWORD[\"'],\s*[\"']", configure), "no default password"
    # The init script refuses to start without the administrator's password.
    rc = tmp_path / "odoo.conf"
    rc.write_text("[options]\nadmin_passwd = $pbkdf2-sha512$x\n")
    env = dict(os.environ, ODOO_RC=str(rc), ODOO_ADMIN_PASSWORD_FILE=str(tmp_path / "missing"))
    result = subprocess.run(
        ["sh", str(ROOT / "tools" / "docker_init_db.sh")], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1 and "refusing to start" in result.stderr
    # admin / admin exists only in the local demo, which listens on the loopback only.
    local = odoo_conf("odoo.local.conf.in")
    assert local["http_interface"] == "127.0.0.1"


@pytest.mark.parametrize("master", ["", "admin"])
def test_init_script_refuses_without_master_password(tmp_path, master):
    rc = tmp_path / "odoo.conf"
    rc.write_text(f"[options]\nadmin_passwd = {master}\n" if master else "[options]\n")
    (tmp_path / "admin").write_text("a-strong-admin-password\n")
    env = dict(os.environ, ODOO_RC=str(rc), ODOO_ADMIN_PASSWORD_FILE=str(tmp_path / "admin"))
    result = subprocess.run(
        ["sh", str(ROOT / "tools" / "docker_init_db.sh")], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1 and "refusing to start" in result.stderr


# --- Consistency of the image with the addons -----------------------------------------------


def test_compose_uses_the_official_images_and_named_volumes():
    services = compose()["services"]
    assert services["db"]["image"].startswith("postgres:")
    assert "db-data:/var/lib/postgresql/data" in services["db"]["volumes"]
    odoo = services["odoo"]
    assert odoo["build"] == "."
    assert "odoo-filestore:/var/lib/odoo" in odoo["volumes"]
    assert {"db-data", "odoo-filestore"} <= set(compose()["volumes"])
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM odoo:18\.0$", dockerfile, re.M)


def test_compose_mounts_the_addons_and_the_configuration():
    for service in ("odoo", "init"):
        volumes = compose()["services"][service]["volumes"]
        assert "./addons:/mnt/extra-addons:ro" in volumes
        assert "./config/odoo.conf:/etc/odoo/odoo.conf:ro" in volumes


def test_image_installs_our_requirements_and_the_scripts():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "requirements.txt" in dockerfile
    for name in ("configure_db.py", "docker_init_db.sh", "docker_entrypoint.sh"):
        assert f"tools/{name}" in dockerfile
        assert (ROOT / "tools" / name).exists()
    init = (ROOT / "tools" / "docker_init_db.sh").read_text()
    assert "-i tiers_lieu_farm" in init
