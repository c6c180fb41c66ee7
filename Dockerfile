# Production image: the official Odoo 18.0 image plus the Python dependencies of our addons.
# The addons themselves are mounted by docker-compose.yml (./addons -> /mnt/extra-addons).
FROM odoo:18.0

USER root
# DejaVu Sans: the font embedded in every PDF our addons draw (tiers_lieu/pdf.py).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt /tmp/tiers-lieu-requirements.txt
# The image runs Ubuntu's Python with Odoo as a Debian package, so pip sees no `odoo`
# distribution: OCA odoo-addon-* wheels are installed without their `odoo` requirement.
RUN pip3 install --no-cache-dir --break-system-packages --no-deps \
        -r /tmp/tiers-lieu-requirements.txt \
    && rm /tmp/tiers-lieu-requirements.txt
COPY tools/configure_db.py tools/docker_init_db.sh tools/docker_entrypoint.sh /opt/tiers-lieu/
RUN chmod 755 /opt/tiers-lieu/docker_init_db.sh /opt/tiers-lieu/docker_entrypoint.sh
USER odoo
# Secrets in, configuration written with mode 600, then Odoo (see docker_entrypoint.sh).
ENTRYPOINT ["/opt/tiers-lieu/docker_entrypoint.sh"]
CMD ["odoo"]
