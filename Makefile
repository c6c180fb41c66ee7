# The two commands of README.md, plus the gates that CI runs (.ci/run).
.PHONY: run test lint test-peers

run:   ## serve Odoo with every Tiers-Lieu addon on a French demo database (admin / admin)
	tools/run.sh

test:  ## fresh database with every addon installed, then the whole suite (pytest-odoo)
	tools/test.sh $(ARGS)

lint:  ## ruff, every pylint-odoo check, README.rst freshness, packaging checks
	tools/lint.sh

test-peers:  ## the own test suites of the Odoo/OCA modules we extend, with vs. without us
	tools/test_peers.sh $(PEERS)
