# symbiosis_qgis — see README.md. Every target that needs tools runs `setup` first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PLUGIN := symbiosis_qgis
BUILD := build/$(PLUGIN)
ZIP := dist/$(PLUGIN).zip
TS := i18n/$(PLUGIN)_ru.ts
QM := i18n/$(PLUGIN)_ru.qm
PY_SOURCES := $(shell find $(PLUGIN) -name '*.py' -not -path '*/__pycache__/*' | sort)
QGIS_PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
XVFB := xvfb-run -a -s "-screen 0 1600x1000x24"
PYTEST_ARGS ?=

.PHONY: setup test demo package deploy transup transcompile bench clean lint format registry resources

setup:
	@bash tools/setup.sh

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

transup: setup
	pylupdate5 -noobsolete $(PY_SOURCES) -ts $(TS)

transcompile: setup
	lrelease -silent $(TS) -qm $(QM)

test: setup transcompile
	$(XVFB) $(PY) -m pytest tests $(PYTEST_ARGS)

package: setup transcompile
	rm -rf $(BUILD) $(ZIP)
	mkdir -p $(BUILD)/i18n dist
	cp -r $(PLUGIN)/. $(BUILD)/
	cp metadata.txt LICENSE $(BUILD)/
	cp -r resources sample_layers $(BUILD)/
	cp $(QM) $(BUILD)/i18n/
	find $(BUILD) -name __pycache__ -prune -exec rm -rf {} +
	find $(BUILD) -name '*.pyc' -delete
	cd build && zip -qr ../$(ZIP) $(PLUGIN)
	@echo "$(ZIP): $$(stat -c %s $(ZIP)) bytes"

deploy: package
	mkdir -p $(QGIS_PROFILE_DIR)/python/plugins
	rm -rf $(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN)
	cp -r $(BUILD) $(QGIS_PROFILE_DIR)/python/plugins/
	@echo "installed into $(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN)"

demo: package
	bash tools/demo.sh

registry: setup
	bash tools/registry.sh

# styles, layouts and the model from tools/ (tests/test_resources.py checks the committed ones)
resources: setup
	for tool in make_output_styles style_sample_data make_layouts make_model make_park_model; do \
	  QT_QPA_PLATFORM=offscreen $(PY) tools/$$tool.py || exit 1; done

bench: setup
	$(PY) bench/run_all.py $(BENCH)

clean:
	rm -rf build dist out .pytest_cache tests/artifacts
