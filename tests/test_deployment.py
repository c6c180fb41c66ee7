"""The Docker deployment stays consistent with the addons (no Docker engine runs in CI)."""

import configparser
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_uses_the_official_images_and_named_volumes():
    services = compose()["services"]
    assert services["db"]["image"].startswith("postgres:")
    assert "db-data:/var/lib/postgresql/data" in services["db"]["volumes"]
    odoo = services["odoo"]
    assert odoo["build"] == "."
    assert "odoo-filestore:/var/lib/odoo" in odoo["volumes"]
    assert set(compose()["volumes"]) == {"db-data", "odoo-filestore"}
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM odoo:18\.0$", dockerfile, re.M)


def test_compose_mounts_the_addons_and_the_configuration():
    volumes = compose()["services"]["odoo"]["volumes"]
    assert "./addons:/mnt/extra-addons:ro" in volumes
    assert "./config/odoo.conf:/etc/odoo/odoo.conf:ro" in volumes
    config = configparser.ConfigParser()
    config.read(ROOT / "config" / "odoo.conf")
    assert config["options"]["addons_path"].split(",")[0] == "/mnt/extra-addons"


def test_image_installs_our_requirements_and_the_init_script():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "requirements.txt" in dockerfile
    for name in ("configure_db.py", "docker_init_db.sh"):
        assert f"tools/{name}" in dockerfile
        assert (ROOT / "tools" / name).exists()
    init = (ROOT / "tools" / "docker_init_db.sh").read_text()
    assert "-i tiers_lieu_farm" in init
