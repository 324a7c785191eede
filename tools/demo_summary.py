"""Print what `make demo` produced: result values and the layers written to out/."""
import json
import sqlite3
import sys
from pathlib import Path

out = Path(sys.argv[1])
validation = json.loads((out / "validation.json").read_text())
print(f"validation: {validation['ERRORS']} errors, {validation['WARNINGS']} warnings")
candidates = json.loads((out / "candidates.json").read_text())
print(f"partner candidates: {candidates['CANDIDATES']}")
links = json.loads((out / "links.json").read_text())
print(f"routed over road/rail or marked as pipeline: {links['ROUTED']}, "
      f"unreachable: {links['UNREACHABLE']}")
totals = json.loads((out / "exchanges.json").read_text())
print(f"chosen exchanges: {totals['EXCHANGES']}, {totals['TONNES'] / 1e6:,.2f} Mt/yr of "
      f"t-flows, net benefit {totals['NET_BENEFIT'] / 1e9:,.2f} bn RUB/yr, CO2 avoided "
      f"{totals['CO2_AVOIDED'] / 1e3:,.0f} kt/yr (transport emits "
      f"{totals['TRANSPORT_CO2'] / 1e3:,.0f} kt/yr)")
gpkg = out / "symbiosis_demo.gpkg"
with sqlite3.connect(gpkg) as db:
    print("policy scenarios (net benefit, change against the baseline):")
    for name, benefit, delta, exchanges in db.execute(
            "select name, net_benefit, d_net_benefit, exchanges from policy_scenarios"):
        print(f"  {name}: {exchanges} exchanges, {benefit / 1e9:,.2f} bn RUB/yr "
              f"({delta / 1e9:+,.2f})")
print(f"report: {out / 'symbiosis_report.html'}")
with sqlite3.connect(gpkg) as db:
    for (table,) in db.execute("select table_name from gpkg_contents order by table_name"):
        count = db.execute(f'select count(*) from "{table}"').fetchone()[0]
        print(f"  {gpkg}: {table} ({count} rows)")
