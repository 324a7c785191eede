#!/usr/bin/env bash
# `make demo`: install the packaged plugin into a throw-away QGIS profile and run the shipped
# model (validate -> candidates -> routes -> exchanges -> benefits -> diagram -> map) on the
# bundled Kuzbass sample data with qgis_process, then the policy scenarios; results in out/.
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
DB="$OUT/symbiosis_demo.gpkg"
rm -f "$DB" "$OUT"/*.json
table() { echo "ogr:dbname='$DB' table=$1 (geom)"; }
SAMPLE_SOURCES="Global Energy Monitor trackers (CC BY 4.0); derived flows and schematic road and rail network of the symbiosis_qgis sample data"
SAMPLE_SOURCES_RU="трекеры Global Energy Monitor (CC BY 4.0); производные потоки и схематичная сеть дорог и железных дорог демонстрационных данных symbiosis_qgis"

run() {  # run ALG PARAM=VALUE...: results as JSON; the log goes to out/qgis_process.log
  $QP --json run "$@" 2>>"$OUT/qgis_process.log" | /usr/bin/python3 -c \
    'import json,sys; d=json.load(sys.stdin); print(json.dumps(d["results"], ensure_ascii=False))'
}

echo "== symbiosis:symbiosis_full_analysis (the shipped model) on $GPKG"
run symbiosis:symbiosis_full_analysis -- \
  "ENTERPRISES=$GPKG|layername=enterprises" "FLOWS=$GPKG|layername=flows" \
  "ROADS=$GPKG|layername=roads" "RAILS=$GPKG|layername=rails" \
  "TERMINALS=$GPKG|layername=terminals" NODE=Novokuznetsk \
  "SOURCES=$SAMPLE_SOURCES" \
  "validate:validation=$(table validation)" "candidates:candidates=$(table candidates)" \
  "links:links=$(table links)" "exchanges:exchanges=$(table exchanges)" \
  "benefits:benefits_enterprises=$(table benefits_enterprises)" \
  "benefits:benefits_nodes=$(table benefits_nodes)" \
  "benefits:material_balance=$(table material_balance)" \
  "benefits:report=$OUT/symbiosis_report.html" \
  "diagram:diagram_arrows=$(table diagram_arrows)" \
  "diagram:diagram_enterprises=$(table diagram_enterprises)" \
  "map:map_pdf=$OUT/novokuznetsk_symbiosis_map.pdf" \
  "map:map_png=$OUT/novokuznetsk_symbiosis_map.png" > "$OUT/model.json"

echo "== symbiosis:exportmap: the same map in Russian (one language per page)"
run symbiosis:exportmap -- "ARROWS=$DB|layername=diagram_arrows" \
  "NODES=$DB|layername=diagram_enterprises" "ENTERPRISES=$GPKG|layername=enterprises" \
  LANGUAGE=2 "SOURCES=$SAMPLE_SOURCES_RU" \
  "OUTPUT_PDF=$OUT/novokuznetsk_symbiosis_map_ru.pdf" \
  "OUTPUT_PNG=$OUT/novokuznetsk_symbiosis_map_ru.png" > "$OUT/map_ru.json"

echo "== symbiosis:policyscenarios on the routed links"
run symbiosis:policyscenarios -- "LINKS=$DB|layername=links" "FLOWS=$GPKG|layername=flows" \
  "OUTPUT=ogr:dbname='$DB' table=policy_scenarios" > "$OUT/scenarios.json"

echo "== symbiosis:siteparks on the sample candidate sites"
PARKS_DB="$OUT/parks.gpkg"
rm -f "$PARKS_DB"
run symbiosis:siteparks -- "SITES=$GPKG|layername=sites" \
  "ENTERPRISES=$GPKG|layername=enterprises" "FLOWS=$GPKG|layername=flows" \
  "ROADS=$GPKG|layername=roads" "RAILS=$GPKG|layername=rails" \
  "TERMINALS=$GPKG|layername=terminals" SNAP_TOLERANCE=15000 \
  "PARKS=ogr:dbname='$PARKS_DB' table=parks (geom)" \
  "TENANT_ROWS=ogr:dbname='$PARKS_DB' table=tenants (geom)" \
  "SUPPLY_LINKS=ogr:dbname='$PARKS_DB' table=supply_links (geom)" > "$OUT/parks.json"
run symbiosis:drawdiagram -- "ENTERPRISES=$GPKG|layername=enterprises" \
  "PARKS=$PARKS_DB|layername=parks" "SUPPLY_LINKS=$PARKS_DB|layername=supply_links" \
  MODE=0 BUNDLE=true LANGUAGE=1 \
  "OUTPUT=ogr:dbname='$PARKS_DB' table=park_diagram_arrows (geom)" \
  "OUTPUT_NODES=ogr:dbname='$PARKS_DB' table=park_diagram_nodes (geom)" > "$OUT/parks_diagram.json"
run symbiosis:exportmap -- "ARROWS=$PARKS_DB|layername=park_diagram_arrows" \
  "NODES=$PARKS_DB|layername=park_diagram_nodes" "BACKGROUND=$GPKG|layername=sites" \
  "ENTERPRISES=$GPKG|layername=enterprises" LANGUAGE=1 \
  "SOURCES=$SAMPLE_SOURCES; candidate sites placed by hand, areas estimated" \
  "OUTPUT_PDF=$OUT/parks_map.pdf" "OUTPUT_PNG=$OUT/parks_map.png" > "$OUT/parks_map.json"

echo "== symbiosis:diagnosebarriers on the routed links and the chosen exchanges"
run symbiosis:diagnosebarriers -- "LINKS=$DB|layername=links" "FLOWS=$GPKG|layername=flows" \
  "EXCHANGES=$DB|layername=exchanges" "TERMINALS=$GPKG|layername=terminals" \
  "OUTPUT=ogr:dbname='$DB' table=barriers (geom)" \
  "SUMMARY=ogr:dbname='$DB' table=barrier_summary" \
  "REPORT=$OUT/barriers_report.html" > "$OUT/barriers.json"

/usr/bin/python3 tools/demo_summary.py "$OUT"
