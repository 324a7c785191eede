#!/usr/bin/env bash
# `make demo`: install the packaged plugin into a throw-away QGIS profile and run the
# symbiosis algorithms on the bundled Kuzbass sample data with qgis_process, writing to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=out
PROFILE_ROOT=$(mktemp -d /tmp/symbiosis-demo-XXXXXX)
trap 'rm -rf "$PROFILE_ROOT"' EXIT
mkdir -p "$PROFILE_ROOT/profiles/default/python/plugins" "$OUT"
cp -r build/symbiosis_qgis "$PROFILE_ROOT/profiles/default/python/plugins/"
export QGIS_CUSTOM_CONFIG_PATH="$PROFILE_ROOT" QT_QPA_PLATFORM=offscreen
# Debian's /usr/bin/qgis_process passes an option 3.22 rejects: call the binary itself.
QP=qgis_process.bin
$QP plugins enable symbiosis_qgis >/dev/null 2>&1
GPKG=sample_layers/kuzbass.gpkg
rm -f "$OUT/symbiosis_demo.gpkg"

run() {  # run ALG PARAM=VALUE...; prints the result values as JSON
  $QP --json run "$@" 2>"$OUT/qgis_process.log" | /usr/bin/python3 -c \
    'import json,sys; d=json.load(sys.stdin); print(json.dumps(d["results"], ensure_ascii=False))'
}

echo "== symbiosis:validatedata"
run symbiosis:validatedata -- \
  "ENTERPRISES=$GPKG|layername=enterprises" "FLOWS=$GPKG|layername=flows" \
  "OUTPUT=ogr:dbname='$OUT/symbiosis_demo.gpkg' table=validation (geom)" | tee "$OUT/validation.json"

echo "== symbiosis:findcandidates"
run symbiosis:findcandidates -- \
  "ENTERPRISES=$GPKG|layername=enterprises" "FLOWS=$GPKG|layername=flows" \
  "OUTPUT=ogr:dbname='$OUT/symbiosis_demo.gpkg' table=candidates (geom)" \
  "BUFFERS=ogr:dbname='$OUT/symbiosis_demo.gpkg' table=reach (geom)" | tee "$OUT/candidates.json"

echo "== symbiosis:networklinks"
run symbiosis:networklinks -- \
  "CANDIDATES=$OUT/symbiosis_demo.gpkg|layername=candidates" \
  "ENTERPRISES=$GPKG|layername=enterprises" "ROADS=$GPKG|layername=roads" \
  "RAILS=$GPKG|layername=rails" "TERMINALS=$GPKG|layername=terminals" SNAP_TOLERANCE=15000 \
  "OUTPUT=ogr:dbname='$OUT/symbiosis_demo.gpkg' table=links (geom)" | tee "$OUT/links.json"

echo "== symbiosis:optimizeexchanges"
run symbiosis:optimizeexchanges -- \
  "LINKS=$OUT/symbiosis_demo.gpkg|layername=links" "FLOWS=$GPKG|layername=flows" \
  "OUTPUT=ogr:dbname='$OUT/symbiosis_demo.gpkg' table=exchanges (geom)" | tee "$OUT/exchanges.json"

echo "== symbiosis:assessbenefits"
run symbiosis:assessbenefits -- \
  "EXCHANGES=$OUT/symbiosis_demo.gpkg|layername=exchanges" \
  "ENTERPRISES=$GPKG|layername=enterprises" "FLOWS=$GPKG|layername=flows" \
  "OUTPUT_ENTERPRISES=ogr:dbname='$OUT/symbiosis_demo.gpkg' table=benefits_enterprises (geom)" \
  "OUTPUT_NODES=ogr:dbname='$OUT/symbiosis_demo.gpkg' table=benefits_nodes" \
  "OUTPUT_BALANCE=ogr:dbname='$OUT/symbiosis_demo.gpkg' table=material_balance" \
  "REPORT=$OUT/symbiosis_report.html" > "$OUT/benefits.json"

echo "== symbiosis:policyscenarios"
run symbiosis:policyscenarios -- \
  "LINKS=$OUT/symbiosis_demo.gpkg|layername=links" "FLOWS=$GPKG|layername=flows" \
  "OUTPUT=ogr:dbname='$OUT/symbiosis_demo.gpkg' table=policy_scenarios" > "$OUT/scenarios.json"

/usr/bin/python3 tools/demo_summary.py "$OUT"
