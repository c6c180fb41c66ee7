# The two commands of README.md, plus the gates that CI runs (.ci/run).
.PHONY: run test lint test-peers bench docs

run:   ## serve Odoo with every Tiers-Lieu addon on a French demo database (admin / admin)
	tools/run.sh

test:  ## fresh database with every addon installed, then the whole suite (pytest-odoo)
	tools/test.sh $(ARGS)

lint:  ## ruff, every pylint-odoo check, README.rst freshness, packaging checks
	tools/lint.sh

test-peers:  ## the own test suites of the Odoo/OCA modules we extend, with vs. without us
	tools/test_peers.sh $(PEERS)

bench:  ## install time with demo, then every bench/ script on a fresh database: one table
	tools/bench_all.sh $(SCRIPTS)

docs:  ## refresh the user guides' screenshots (docs/screenshots) by running the tours that take them
	TL_SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots tools/test.sh \
		addons/tiers_lieu_farm/tests/test_dashboard.py -k "open_the_dashboard or training_figures"
