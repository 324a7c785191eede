"""Print what `make demo` produced: the exchanges, their totals and the files in out/."""

import sqlite3
import sys
from pathlib import Path

out = Path(sys.argv[1])
gpkg = out / "symbiosis_demo.gpkg"
with sqlite3.connect(gpkg) as db:
    errors = db.execute("select count(*) from validation where severity = 'error'").fetchone()
    candidates = db.execute("select count(*) from candidates").fetchone()[0]
    reachable = db.execute("select count(*) from links where reachable").fetchone()[0]
    n, tonnes, benefit, co2, transport = db.execute(
        "select count(*), sum(case when unit = 't/yr' then tonnage else 0 end), sum(benefit), "
        "sum(co2_avoided), sum(transport_co2) from exchanges"
    ).fetchone()
    print(
        f"validation errors: {errors[0]}; partner candidates: {candidates} "
        f"({reachable} routed or by pipeline)"
    )
    print(
        f"exchanges chosen: {n}; {tonnes / 1e6:,.2f} Mt/yr of materials in t/yr; net benefit "
        f"{benefit / 1e9:,.2f} bn RUB/yr; CO2 avoided {co2 / 1e3:,.0f} kt/yr before "
        f"{transport / 1e3:,.0f} kt/yr of transport CO2"
    )
    print("policy scenarios (net benefit, change against the baseline):")
    for name, value, delta, count in db.execute(
        "select name, net_benefit, d_net_benefit, exchanges from policy_scenarios"
    ):
        print(f"  {name}: {count} exchanges, {value / 1e9:,.2f} bn RUB/yr ({delta / 1e9:+,.2f})")
    print("barriers (binding barrier: links held back, Mt/yr, net benefit held back):")
    for shows_as, links, tonnes, held in db.execute(
        "select shows_as, links_binding, tonnes_binding, benefit_held from barrier_summary "
        "where links_binding > 0"
    ):
        print(
            f"  {shows_as}: {links} links, {(tonnes or 0) / 1e6:,.2f} Mt/yr, "
            f"{(held or 0) / 1e9:,.2f} bn RUB/yr"
        )
    tables = [
        row[0] for row in db.execute("select table_name from gpkg_contents order by table_name")
    ]
with sqlite3.connect(out / "parks.gpkg") as db:
    parks = db.execute(
        "select name, tenant_names, tonnes, net_benefit from parks order by net_benefit desc"
    ).fetchall()
    print(f"eco-industrial parks chosen: {len(parks)}")
    for name, tenants, tonnes, benefit in parks:
        print(f"  {name}: {tonnes / 1e6:,.2f} Mt/yr, {benefit / 1e6:,.0f} mln RUB/yr; {tenants}")
print(f"layers: {gpkg} ({', '.join(tables)})")
for name in (
    "symbiosis_report.html",
    "barriers_report.html",
    "parks_map.pdf",
    "novokuznetsk_symbiosis_map.pdf",
    "novokuznetsk_symbiosis_map.png",
    "novokuznetsk_symbiosis_map_ru.pdf",
):
    path = out / name
    print(f"{path}: {path.stat().st_size:,} bytes" if path.exists() else f"{path}: MISSING")
