# The two commands of README.md, plus the lint gate that CI runs first.
.PHONY: run test lint

run:   ## serve Odoo with every Tiers-Lieu addon on a French demo database
	tools/run.sh

test:  ## fresh database with every addon installed, then the whole suite (pytest-odoo)
	tools/test.sh $(ARGS)

lint:  ## ruff (lint + format) and pylint-odoo's mandatory checks
	tools/lint.sh
