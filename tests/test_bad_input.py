"""Hostile inputs for every algorithm (issue 12): a message naming the layer and field, or the
right result; never a traceback, a silent drop or a misleading count; inputs never modified.

Each case writes its input as a real GeoPackage (a shapefile without .prj for "no CRS") in
tmp_path, derived from the sample data or from the sample's own candidates, links and
exchanges (computed once per module), runs ``processing.run`` and checks either the
QgsProcessingException's text or the result, then that every input file is byte-identical.

NaN cannot be stored in a GeoPackage Real field (SQLite turns it into NULL), so a NaN arrives
as the text 'NaN' in a text field, as it does from a CSV import; infinity is stored as a Real.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import processing
import pytest
from osgeo import ogr, osr
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from .conftest import SAMPLE_GPKG, file_digest

ogr.UseExceptions()

FLOWS = "Flows"  # start of the flow layer's label, "Flows (supplies and demands)"
NO_CRS = "no coordinate reference system"
TRACEBACK_MARKS = ("Traceback", "KeyError", "ValueError:", "TypeError:", 'File "')
BIG = 9_000_000_000_000  # ids that need Integer64 (the 9000000000000)
SAMPLE_LAYERS = ("enterprises", "flows", "roads", "rails", "terminals")
SCENARIOS_CSV = Path(__file__).resolve().parents[1] / "resources" / "policy_scenarios.csv"


# ---------------------------------------------------------------------------------------------
# Tables read with OGR, changed in Python, written back as GeoPackage or shapefile layers


@dataclass
class Table:
    fields: dict  # name -> OGR field type, in order
    rows: list  # one dict per feature
    geoms: list  # WKB or None per feature
    geom_type: int
    srs_wkt: str | None

    def set_type(self, name, kind, convert=lambda v: v):
        """Field ``name`` becomes OGR type ``kind``, each value passed through ``convert``."""
        self.fields[name] = kind
        for row in self.rows:
            row[name] = convert(row.get(name))
        return self

    def drop(self, name):
        del self.fields[name]
        for row in self.rows:
            row.pop(name, None)
        return self

    def column(self, name):
        return [row[name] for row in self.rows]


def read_table(gpkg, layer_name) -> Table:
    ds = ogr.Open(str(gpkg))
    layer = ds.GetLayerByName(layer_name)
    definition = layer.GetLayerDefn()
    fields = {
        definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).GetType()
        for i in range(definition.GetFieldCount())
    }
    rows, geoms = [], []
    for feature in layer:
        rows.append({name: feature.GetField(name) for name in fields})
        geom = feature.GetGeometryRef()
        geoms.append(None if geom is None else geom.ExportToWkb())
    srs = layer.GetSpatialRef()
    table = Table(fields, rows, geoms, layer.GetGeomType(), srs.ExportToWkt() if srs else None)
    ds = None
    return table


def write_table(table, path, layer_name, driver="GPKG", with_crs=True):
    """Write ``table`` as layer ``layer_name`` of ``path`` (added to an existing GeoPackage)."""
    path = Path(path)
    if driver == "GPKG" and path.exists():
        ds = ogr.Open(str(path), update=1)
    else:
        ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = None
    if with_crs and table.srs_wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(table.srs_wkt)
    layer = ds.CreateLayer(layer_name, srs=srs, geom_type=table.geom_type)
    for name, kind in table.fields.items():
        layer.CreateField(ogr.FieldDefn(name, kind))
    layer.StartTransaction()
    for row, wkb in zip(table.rows, table.geoms):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name in table.fields:
            value = row.get(name)
            if value is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, value)
        if wkb is not None and table.geom_type != ogr.wkbNone:
            feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None


def rows_of(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def output_layer(value):
    """processing.run hands a temporary output back as a layer, a file output as its path."""
    if isinstance(value, QgsVectorLayer):
        return value
    layer = QgsVectorLayer(value, "out", "ogr")
    assert layer.isValid(), value
    return layer


class LogFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.log = []

    def pushWarning(self, text):
        self.log.append(text)
        super().pushWarning(text)

    def reportError(self, text, fatal_error=False):
        self.log.append(text)
        super().reportError(text, fatal_error)

    def pushInfo(self, text):
        self.log.append(text)
        super().pushInfo(text)


# ---------------------------------------------------------------------------------------------
# The sample's own candidates, links and exchanges, and the results the hostile cases match


@dataclass
class Base:
    gpkg: Path  # sample layers and the derived candidates, links, exchanges, arrows, nodes
    candidate_keys: set
    routed: int
    exchanges: int
    net_benefit: float
    net_money: float
    clusters: int
    arrows: int


def _provider():
    from symbiosis_qgis.processing.provider import SymbiosisProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("symbiosis") is None:
        provider = SymbiosisProvider()
        assert registry.addProvider(provider)
        _KEEP.append(provider)


_KEEP = []


def candidate_keys(layer):
    return {(r["supply_flow"], r["demand_flow"], r["rule_id"]) for r in rows_of(layer)}


@pytest.fixture(scope="module")
def base(qgis_processing, tmp_path_factory):
    _provider()
    folder = tmp_path_factory.mktemp("base")
    gpkg = folder / "base.gpkg"
    shutil.copy(SAMPLE_GPKG, gpkg)

    def src(name):
        return f"{gpkg}|layername={name}"

    def dst(name):
        return f"ogr:dbname='{gpkg}' table={name} (geom)"

    ents, flows = src("enterprises"), src("flows")
    cands = processing.run(
        "symbiosis:findcandidates", {"ENTERPRISES": ents, "FLOWS": flows, "OUTPUT": dst("cand")}
    )
    links = processing.run(
        "symbiosis:networklinks",
        {
            "CANDIDATES": src("cand"),
            "ENTERPRISES": ents,
            "ROADS": src("roads"),
            "RAILS": src("rails"),
            "TERMINALS": src("terminals"),
            "SNAP_TOLERANCE": 15000,
            "OUTPUT": dst("links"),
        },
    )
    chosen = processing.run(
        "symbiosis:optimizeexchanges",
        {"LINKS": src("links"), "FLOWS": flows, "OUTPUT": dst("exchanges")},
    )
    assessed = processing.run("symbiosis:assessbenefits", assess_params(src, folder))
    drawn = processing.run(
        "symbiosis:drawdiagram",
        {
            "LINKS": src("exchanges"),
            "ENTERPRISES": ents,
            "OUTPUT": dst("arrows"),
            "OUTPUT_NODES": dst("nodes"),
        },
    )
    assert chosen["EXCHANGES"] > 10 and links["ROUTED"] > 50
    return Base(
        gpkg=gpkg,
        candidate_keys=candidate_keys(output_layer(cands["OUTPUT"])),
        routed=links["ROUTED"],
        exchanges=chosen["EXCHANGES"],
        net_benefit=chosen["NET_BENEFIT"],
        net_money=assessed["NET_MONEY_RUB"],
        clusters=assessed["CLUSTERS"],
        arrows=output_layer(drawn["OUTPUT"]).featureCount(),
    )


def assess_params(src, folder, report=None):
    return {
        "EXCHANGES": src("exchanges"),
        "ENTERPRISES": src("enterprises"),
        "FLOWS": src("flows"),
        "OUTPUT_ENTERPRISES": "TEMPORARY_OUTPUT",
        "OUTPUT_NODES": "TEMPORARY_OUTPUT",
        "OUTPUT_BALANCE": "TEMPORARY_OUTPUT",
        "REPORT": str(report or Path(folder) / "report.html"),
    }


# ---------------------------------------------------------------------------------------------
# One case's input files


class Inputs:
    """Builds a case's layers in tmp_path; every file written is digested before the run."""

    def __init__(self, tmp_path, base):
        self.dir = tmp_path
        self.base = base
        self.gpkg = tmp_path / "input.gpkg"
        self.files = []

    def table(self, name) -> Table:
        return copy.deepcopy(_read_cached(self.base.gpkg, name))

    def layer(self, name, table=None) -> str:
        """The base layer ``name`` (or ``table``) in this case's GeoPackage, as a source."""
        write_table(table if table is not None else self.table(name), self.gpkg, name)
        if self.gpkg not in self.files:
            self.files.append(self.gpkg)
        return f"{self.gpkg}|layername={name}"

    def shapefile_without_prj(self, name, table=None) -> str:
        table = table if table is not None else self.table(name)
        for long_name in [n for n in table.fields if len(n) > 10]:  # dBase: 10 characters
            table.drop(long_name)
        path = self.dir / f"{name}.shp"
        write_table(table, path, name, driver="ESRI Shapefile", with_crs=False)
        parts = sorted(self.dir.glob(f"{name}.*"))
        assert not (self.dir / f"{name}.prj").exists()
        self.files.extend(parts)
        return str(path)

    def sample(self, *names):
        return {name.upper(): self.layer(name) for name in names}

    def digests(self):
        digests = {}
        for path in self.files:
            digests[str(path)] = file_digest(path)
        return digests


_CACHE = {}


def _read_cached(gpkg, name):
    key = (str(gpkg), name)
    if key not in _CACHE:
        _CACHE[key] = read_table(gpkg, name)
    return _CACHE[key]


# hostile edits of tables -----------------------------------------------------------------------


def as_text(table, name, values):
    """``name`` becomes a text field; {row index: value} replaces some values."""
    table.set_type(name, ogr.OFTString, lambda v: None if v is None else str(v))
    for k, value in values.items():
        table.rows[k][name] = value
    return table


def as_real(table, name, values):
    table.set_type(name, ogr.OFTReal, lambda v: None if v is None else float(v))
    for k, value in values.items():
        table.rows[k][name] = value
    return table


def first_supply(flows):
    return next(k for k, row in enumerate(flows.rows) if row["direction"] == "supply")


def big_ids(values, start=BIG):
    """{old text id: a number needing 64 bits}, in order of appearance."""
    out = {}
    for value in values:
        if value not in out:
            out[value] = start + len(out)
    return out


def renumber(table, columns, mapping, kind=ogr.OFTInteger64):
    """``columns`` of ``table`` as numbers of OGR ``kind`` (Integer64 or Real) via mapping."""
    cast = float if kind == ogr.OFTReal else int
    for name in columns:
        table.set_type(name, kind, lambda v: None if v is None else cast(mapping[v]))
    return table


def duplicate_row(table, k, **changes):
    row = dict(table.rows[k], **changes)
    table.rows.append(row)
    table.geoms.append(table.geoms[k])
    return table


def as_lines(inputs):
    """Roads carrying the enterprises' attributes: a line layer given as enterprises."""
    ents, roads = inputs.table("enterprises"), inputs.table("roads")
    n = len(roads.rows)
    roads.fields = dict(ents.fields)
    roads.rows = copy.deepcopy(ents.rows[:n])
    return roads


def as_points(inputs, name):
    """Terminals with the fields of layer ``name``: a point layer where lines are expected."""
    table, terminals = inputs.table(name), inputs.table("terminals")
    n = len(terminals.rows)
    terminals.fields = dict(table.fields)
    terminals.rows = copy.deepcopy((table.rows * n)[:n])
    return terminals


# ---------------------------------------------------------------------------------------------
# The cases


@dataclass
class Case:
    id: str
    alg: str
    build: Callable  # Inputs -> processing parameters
    error: tuple = ()  # substrings the QgsProcessingException must hold
    check: Callable | None = None  # (result, inputs, feedback) -> None: the right result
    log: tuple = ()  # substrings of one message of the log (what the Processing dialog shows)


CASES = []


def case(id, alg, error=(), check=None, log=()):
    def register(build):
        CASES.append(Case(id, f"symbiosis:{alg}", build, tuple(error), check, tuple(log)))
        return build

    return register


# validatedata: findings, never a traceback -----------------------------------------------------


def findings(result):
    return rows_of(output_layer(result["OUTPUT"]))


def finding(code, field_name, severity="error", record=None):
    def check(result, inputs, feedback):
        rows = findings(result)
        hits = [r for r in rows if r["code"] == code and r["field"] == field_name]
        assert hits, f"no {code} finding on {field_name}: {[r['code'] for r in rows]}"
        assert {r["severity"] for r in hits} == {severity}
        if record is not None:
            assert record(inputs) in {r["record_id"] for r in hits}
        if severity == "error":
            assert result["ERRORS"] >= len(hits)

    return check


def validate_params(inputs, ents=None, flows=None):
    return {
        "ENTERPRISES": ents or inputs.layer("enterprises"),
        "FLOWS": flows or inputs.layer("flows"),
        "OUTPUT": "TEMPORARY_OUTPUT",
    }


def first_supply_id(inputs):
    flows = inputs.table("flows")
    return flows.rows[first_supply(flows)]["flow_id"]


def _hostile_flows(inputs, edit):
    flows = inputs.table("flows")
    edit(flows, first_supply(flows))
    return inputs.layer("flows", flows)


@case("validate-nan-quantity", "validatedata", check=finding("non_finite", "quantity"))
def _(inputs):
    return validate_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: as_text(t, "quantity", {k: "NaN"}))
    )


@case(
    "validate-inf-quantity",
    "validatedata",
    check=finding("non_finite", "quantity", record=first_supply_id),
)
def _(inputs):
    return validate_params(
        inputs,
        flows=_hostile_flows(inputs, lambda t, k: as_real(t, "quantity", {k: float("inf")})),
    )


@case("validate-negative-quantity", "validatedata", check=finding("negative_quantity", "quantity"))
def _(inputs):
    return validate_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: t.rows[k].update(quantity=-5))
    )


@case("validate-text-quantity", "validatedata", check=finding("non_numeric", "quantity"))
def _(inputs):
    return validate_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: as_text(t, "quantity", {k: "a lot"}))
    )


@case("validate-inf-price", "validatedata", check=finding("non_finite", "price"))
def _(inputs):
    return validate_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: as_real(t, "price", {k: -float("inf")}))
    )


@case("validate-no-crs", "validatedata", check=finding("missing_crs", ""))
def _(inputs):
    return validate_params(inputs, ents=inputs.shapefile_without_prj("enterprises"))


def _polygon_enterprises(inputs):
    """Enterprises as 300 m squares, the first one a self-intersecting bow tie."""
    ents = inputs.table("enterprises")
    ents.geom_type = ogr.wkbPolygon
    polygons = []
    for k, wkb in enumerate(ents.geoms):
        x, y = ogr.CreateGeometryFromWkb(wkb).GetPoint_2D()
        ring = [(x, y), (x + 300, y), (x + 300, y + 300), (x, y + 300)]
        if k == 0:
            ring = [(x, y), (x + 300, y + 300), (x + 300, y), (x, y + 300)]  # bow tie
        text = ", ".join(f"{a} {b}" for a, b in ring + ring[:1])
        polygons.append(ogr.CreateGeometryFromWkt(f"POLYGON(({text}))").ExportToWkb())
    ents.geoms = polygons
    return ents


@case(
    "validate-invalid-polygon",
    "validatedata",
    check=finding(
        "invalid_geometry",
        "geometry",
        severity="warning",
        record=lambda i: i.table("enterprises").rows[0]["ent_id"],
    ),
)
def _(inputs):
    return validate_params(inputs, ents=inputs.layer("enterprises", _polygon_enterprises(inputs)))


@case(
    "validate-duplicate-ent-id",
    "validatedata",
    check=finding(
        "duplicate_id", "ent_id", record=lambda i: i.table("enterprises").rows[0]["ent_id"]
    ),
)
def _(inputs):
    ents = inputs.table("enterprises")
    ents.rows[1]["ent_id"] = ents.rows[0]["ent_id"]
    return validate_params(inputs, ents=inputs.layer("enterprises", ents))


@case("validate-duplicate-flow-id", "validatedata", check=finding("duplicate_id", "flow_id"))
def _(inputs):
    flows = inputs.table("flows")
    duplicate_row(flows, 0, quantity=flows.rows[0]["quantity"] * 10)
    return validate_params(inputs, flows=inputs.layer("flows", flows))


def geometry_type_finding(result, inputs, feedback):
    rows = [r for r in findings(result) if r["field"] == "geometry" and r["severity"] == "error"]
    assert rows, "a line layer as enterprises passed without a word"


@case(
    "validate-enterprises-are-lines",
    "validatedata",
    error=("Enterprises", "Line"),
    check=geometry_type_finding,
)
def _(inputs):
    return validate_params(inputs, ents=inputs.layer("enterprises", as_lines(inputs)))


@case("validate-missing-direction", "validatedata", check=finding("missing_field", "direction"))
def _(inputs):
    return validate_params(
        inputs, flows=inputs.layer("flows", inputs.table("flows").drop("direction"))
    )


def no_unknown_enterprise(result, inputs, feedback):
    codes = [r["code"] for r in findings(result)]
    assert "unknown_enterprise" not in codes
    assert result["ERRORS"] == 0, codes  # the sample is clean: big ids change nothing


@case("validate-integer64-vs-real-ids", "validatedata", check=no_unknown_enterprise)
def _(inputs):
    ents, flows = inputs.table("enterprises"), inputs.table("flows")
    mapping = big_ids(ents.column("ent_id"))
    renumber(ents, ["ent_id"], mapping)
    renumber(flows, ["ent_id"], mapping, ogr.OFTReal)  # 9000000000000.0 in the flows
    return validate_params(inputs, inputs.layer("enterprises", ents), inputs.layer("flows", flows))


def _validation_twice(inputs):
    out = inputs.dir / "out.gpkg"
    params = validate_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: t.rows[k].update(quantity=-5))
    )
    params["OUTPUT"] = f"ogr:dbname='{out}' table=validation (geom)"
    processing.run("symbiosis:validatedata", params)  # the first time creates the table
    return params


def severity_kept(result, inputs, feedback):
    ds = ogr.Open(str(inputs.dir / "out.gpkg"))
    severities = {f.GetField("severity") for f in ds.GetLayerByName("validation")}
    ds = None
    assert "error" in severities and severities <= {"error", "warning"}, severities


@case("validate-twice-into-geopackage", "validatedata", check=severity_kept)
def _(inputs):
    return _validation_twice(inputs)


# findcandidates -------------------------------------------------------------------------------


def cand_params(inputs, ents=None, flows=None):
    return {
        "ENTERPRISES": ents or inputs.layer("enterprises"),
        "FLOWS": flows or inputs.layer("flows"),
        "OUTPUT": "TEMPORARY_OUTPUT",
    }


def same_candidates(result, inputs, feedback):
    keys = candidate_keys(output_layer(result["OUTPUT"]))
    assert result["CANDIDATES"] == len(keys) == len(inputs.base.candidate_keys)
    assert keys == inputs.base.candidate_keys


@case("candidates-integer64-ids", "findcandidates", check=same_candidates)
def _(inputs):
    ents, flows = inputs.table("enterprises"), inputs.table("flows")
    mapping = big_ids(ents.column("ent_id"))
    renumber(ents, ["ent_id"], mapping)
    renumber(flows, ["ent_id"], mapping)
    return cand_params(inputs, inputs.layer("enterprises", ents), inputs.layer("flows", flows))


@case("candidates-real-ids", "findcandidates", check=same_candidates)
def _(inputs):
    ents, flows = inputs.table("enterprises"), inputs.table("flows")
    mapping = big_ids(ents.column("ent_id"))
    renumber(ents, ["ent_id"], mapping, ogr.OFTReal)
    renumber(flows, ["ent_id"], mapping, ogr.OFTInteger64)
    return cand_params(inputs, inputs.layer("enterprises", ents), inputs.layer("flows", flows))


@case("candidates-duplicate-ent-id", "findcandidates", error=("Enterprises", "ent_id"))
def _(inputs):
    ents = inputs.table("enterprises")
    duplicate_row(ents, 0)  # the same enterprise at a second place
    ents.geoms[-1] = ents.geoms[5]
    return cand_params(inputs, ents=inputs.layer("enterprises", ents))


@case("candidates-duplicate-flow-id", "findcandidates", error=(FLOWS, "flow_id"))
def _(inputs):
    flows = inputs.table("flows")
    k = first_supply(flows)
    duplicate_row(flows, k, quantity=flows.rows[k]["quantity"] * 10)
    return cand_params(inputs, flows=inputs.layer("flows", flows))


@case("candidates-enterprises-no-crs", "findcandidates", error=("Enterprises", NO_CRS))
def _(inputs):
    return cand_params(inputs, ents=inputs.shapefile_without_prj("enterprises"))


@case("candidates-enterprises-are-lines", "findcandidates", error=("Enterprises", "Line"))
def _(inputs):
    return cand_params(inputs, ents=inputs.layer("enterprises", as_lines(inputs)))


@case("candidates-missing-direction", "findcandidates", error=(FLOWS, "direction"))
def _(inputs):
    return cand_params(
        inputs, flows=inputs.layer("flows", inputs.table("flows").drop("direction"))
    )


@case("candidates-missing-ent-id", "findcandidates", error=("Enterprises", "ent_id"))
def _(inputs):
    return cand_params(
        inputs, ents=inputs.layer("enterprises", inputs.table("enterprises").drop("ent_id"))
    )


@case("candidates-text-quantity", "findcandidates", error=(FLOWS, "quantity", "lots"))
def _(inputs):
    return cand_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: as_text(t, "quantity", {k: "lots"}))
    )


@case("candidates-nan-quantity", "findcandidates", error=(FLOWS, "quantity"))
def _(inputs):
    return cand_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: as_text(t, "quantity", {k: "NaN"}))
    )


@case("candidates-inf-quantity", "findcandidates", error=(FLOWS, "quantity"))
def _(inputs):
    return cand_params(
        inputs,
        flows=_hostile_flows(inputs, lambda t, k: as_real(t, "quantity", {k: float("inf")})),
    )


@case("candidates-negative-quantity", "findcandidates", error=(FLOWS, "quantity"))
def _(inputs):
    return cand_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: t.rows[k].update(quantity=-100))
    )


@case("candidates-inf-price", "findcandidates", error=(FLOWS, "price"))
def _(inputs):
    return cand_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: as_real(t, "price", {k: float("inf")}))
    )


@case("candidates-nan-price", "findcandidates", error=(FLOWS, "price"))
def _(inputs):
    return cand_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: as_text(t, "price", {k: "nan"}))
    )


@case("candidates-bad-direction", "findcandidates", error=(FLOWS, "direction", "export"))
def _(inputs):
    return cand_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: t.rows[k].update(direction="export"))
    )


# networklinks --------------------------------------------------------------------------------


def link_params(inputs, **layers):
    params = {
        "CANDIDATES": layers.pop("CANDIDATES", None) or inputs.layer("cand"),
        "ENTERPRISES": layers.pop("ENTERPRISES", None) or inputs.layer("enterprises"),
        "ROADS": layers.pop("ROADS", None) or inputs.layer("roads"),
        "RAILS": layers.pop("RAILS", None) or inputs.layer("rails"),
        "TERMINALS": layers.pop("TERMINALS", None) or inputs.layer("terminals"),
        "SNAP_TOLERANCE": 15000,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    params.update(layers)
    return params


@case("links-points-as-roads", "networklinks", error=("Roads", "Point"))
def _(inputs):
    return link_params(inputs, ROADS=inputs.layer("roads", as_points(inputs, "roads")))


@case("links-points-as-rails", "networklinks", error=("Railways", "Point"))
def _(inputs):
    return link_params(inputs, RAILS=inputs.layer("rails", as_points(inputs, "rails")))


@case("links-lines-as-terminals", "networklinks", error=("terminals", "Line"))
def _(inputs):
    rails = inputs.table("rails")
    return link_params(inputs, TERMINALS=inputs.layer("terminals", rails))


@case("links-roads-no-crs", "networklinks", error=("Roads", NO_CRS))
def _(inputs):
    return link_params(inputs, ROADS=inputs.shapefile_without_prj("roads"))


@case("links-enterprises-no-crs", "networklinks", error=("Enterprises", NO_CRS))
def _(inputs):
    return link_params(inputs, ENTERPRISES=inputs.shapefile_without_prj("enterprises"))


@case("links-duplicate-ent-id", "networklinks", error=("Enterprises", "ent_id"))
def _(inputs):
    ents = inputs.table("enterprises")
    duplicate_row(ents, 0)
    ents.geoms[-1] = ents.geoms[7]
    return link_params(inputs, ENTERPRISES=inputs.layer("enterprises", ents))


@case("links-missing-demand-ent", "networklinks", error=("Candidates", "demand_ent"))
def _(inputs):
    return link_params(
        inputs, CANDIDATES=inputs.layer("cand", inputs.table("cand").drop("demand_ent"))
    )


def every_candidate_written_or_refused(result, inputs, feedback):
    # reached only when the run succeeded: then no candidate may be missing from the output
    out = output_layer(result["OUTPUT"])
    assert out.featureCount() == len(inputs.table("cand").rows)
    cand_ids = {r["cand_id"] for r in rows_of(out)}
    assert "c-0" in {str(v) for v in cand_ids}, "the text cand_id was lost"


@case(
    "links-text-cand-id",
    "networklinks",
    error=("Routed links", "c-0"),
    check=every_candidate_written_or_refused,
)
def _(inputs):
    cands = as_text(inputs.table("cand"), "cand_id", {})
    for k, row in enumerate(cands.rows):
        row["cand_id"] = f"c-{k}"
    return link_params(inputs, CANDIDATES=inputs.layer("cand", cands))


def same_routes(result, inputs, feedback):
    assert result["ROUTED"] == inputs.base.routed
    assert output_layer(result["OUTPUT"]).featureCount() == len(inputs.table("cand").rows)


@case("links-integer64-ids", "networklinks", check=same_routes)
def _(inputs):
    ents, cands = inputs.table("enterprises"), inputs.table("cand")
    mapping = big_ids(ents.column("ent_id"))
    renumber(ents, ["ent_id"], mapping)
    renumber(cands, ["supply_ent", "demand_ent"], mapping, ogr.OFTReal)
    return link_params(
        inputs,
        ENTERPRISES=inputs.layer("enterprises", ents),
        CANDIDATES=inputs.layer("cand", cands),
    )


for _tariff in ["trunk=-5", "trunk=nan", "trunk=inf", "trunk=cheap"]:

    @case(f"links-class-costs-{_tariff.split('=')[1]}", "networklinks", error=(_tariff,))
    def _(inputs, tariff=_tariff):
        return link_params(inputs, ROAD_CLASS_FIELD="class", CLASS_COSTS=tariff)


# optimizeexchanges ---------------------------------------------------------------------------


def opt_params(inputs, links=None, flows=None, **extra):
    return {
        "LINKS": links or inputs.layer("links"),
        "FLOWS": flows or inputs.layer("flows"),
        "OUTPUT": "TEMPORARY_OUTPUT",
        **extra,
    }


def _flows_renamed(inputs, keep=lambda k: False):
    """Flows whose ids no longer match the links' (all but those where keep(k))."""
    flows = inputs.table("flows")
    for k, row in enumerate(flows.rows):
        if not keep(k):
            row["flow_id"] = "X" + row["flow_id"]
    return inputs.layer("flows", flows)


@case("optimise-links-not-in-flows", "optimizeexchanges", error=("flow", "links"))
def _(inputs):
    return opt_params(inputs, flows=_flows_renamed(inputs))


def partial_links_said(result, inputs, feedback):
    assert 0 < result["EXCHANGES"] < inputs.base.exchanges
    assert any("missing from the flow table" in text for text in feedback.log), feedback.log


@case("optimise-some-links-not-in-flows", "optimizeexchanges", check=partial_links_said)
def _(inputs):
    return opt_params(inputs, flows=_flows_renamed(inputs, keep=lambda k: k % 2 == 0))


@case("optimise-duplicate-flow-id", "optimizeexchanges", error=(FLOWS, "flow_id"))
def _(inputs):
    flows = inputs.table("flows")
    k = first_supply(flows)
    duplicate_row(flows, k, quantity=flows.rows[k]["quantity"] * 10)
    return opt_params(inputs, flows=inputs.layer("flows", flows))


def _links_supply(inputs):
    """Index of the first supply flow that a link uses."""
    flows = inputs.table("flows")
    used = set(inputs.table("links").column("supply_flow"))
    return next(k for k, row in enumerate(flows.rows) if row["flow_id"] in used)


def _used_flow_edited(inputs, edit):
    flows = inputs.table("flows")
    edit(flows, _links_supply(inputs))
    return inputs.layer("flows", flows)


@case("optimise-text-quantity", "optimizeexchanges", error=(FLOWS, "quantity"))
def _(inputs):
    return opt_params(
        inputs, flows=_used_flow_edited(inputs, lambda t, k: as_text(t, "quantity", {k: "x"}))
    )


@case("optimise-nan-quantity", "optimizeexchanges", error=(FLOWS, "quantity"))
def _(inputs):
    return opt_params(
        inputs, flows=_used_flow_edited(inputs, lambda t, k: as_text(t, "quantity", {k: "NaN"}))
    )


@case("optimise-inf-quantity", "optimizeexchanges", error=(FLOWS, "quantity"))
def _(inputs):
    edit = lambda t, k: as_real(t, "quantity", {k: float("inf")})  # noqa: E731
    return opt_params(inputs, flows=_used_flow_edited(inputs, edit))


@case("optimise-negative-quantity", "optimizeexchanges", error=(FLOWS, "quantity"))
def _(inputs):
    edit = lambda t, k: t.rows[k].update(quantity=-1000)  # noqa: E731
    return opt_params(inputs, flows=_used_flow_edited(inputs, edit))


@case("optimise-nan-price", "optimizeexchanges", error=(FLOWS, "price"))
def _(inputs):
    edit = lambda t, k: as_text(t, "price", {k: "NaN"})  # noqa: E731
    return opt_params(inputs, flows=_used_flow_edited(inputs, edit))


@case("optimise-inf-price", "optimizeexchanges", error=(FLOWS, "price"))
def _(inputs):
    edit = lambda t, k: as_real(t, "price", {k: float("inf")})  # noqa: E731
    return opt_params(inputs, flows=_used_flow_edited(inputs, edit))


@case("optimise-missing-rule-id", "optimizeexchanges", error=("Links", "rule_id"))
def _(inputs):
    return opt_params(inputs, links=inputs.layer("links", inputs.table("links").drop("rule_id")))


@case("optimise-missing-direction", "optimizeexchanges", error=(FLOWS, "direction"))
def _(inputs):
    return opt_params(inputs, flows=inputs.layer("flows", inputs.table("flows").drop("direction")))


@case("optimise-text-cost", "optimizeexchanges", error=("Links", "cost_t"))
def _(inputs):
    links = as_text(inputs.table("links"), "cost_t", {})
    k = next(k for k, row in enumerate(links.rows) if row["reachable"])
    links.rows[k]["cost_t"] = "expensive"
    return opt_params(inputs, links=inputs.layer("links", links))


@case("optimise-inf-cost", "optimizeexchanges", error=("Links", "cost_t"))
def _(inputs):
    links = inputs.table("links")
    k = next(k for k, row in enumerate(links.rows) if row["reachable"])
    links.rows[k]["cost_t"] = float("inf")
    return opt_params(inputs, links=inputs.layer("links", links))


def same_allocation(result, inputs, feedback):
    assert result["EXCHANGES"] == inputs.base.exchanges
    assert result["NET_BENEFIT"] == pytest.approx(inputs.base.net_benefit, rel=1e-6)


@case("optimise-integer64-flow-ids", "optimizeexchanges", check=same_allocation)
def _(inputs):
    flows, links = inputs.table("flows"), inputs.table("links")
    mapping = big_ids(flows.column("flow_id"))
    renumber(flows, ["flow_id"], mapping)
    renumber(links, ["supply_flow", "demand_flow"], mapping, ogr.OFTReal)
    return opt_params(inputs, inputs.layer("links", links), inputs.layer("flows", flows))


# assessbenefits ------------------------------------------------------------------------------


def ass_params(inputs, report=None, **layers):
    return assess_params(lambda name: layers.get(name) or inputs.layer(name), inputs.dir, report)


def report_written(result, inputs, feedback):
    report = Path(result["REPORT"])
    assert report == inputs.dir / "new" / "folder" / "r.html"
    assert "<html" in report.read_text(encoding="utf-8").lower()
    assert result["NET_MONEY_RUB"] == pytest.approx(inputs.base.net_money, rel=1e-9)


@case("assess-report-missing-folder", "assessbenefits", check=report_written)
def _(inputs):
    return ass_params(inputs, report=inputs.dir / "new" / "folder" / "r.html")


@case("assess-report-unwritable", "assessbenefits", error=("folder", "afile"))
def _(inputs):
    (inputs.dir / "afile").write_text("a file, not a folder")
    return ass_params(inputs, report=inputs.dir / "afile" / "r.html")


@case("assess-without-supply-mat", "assessbenefits", error=("exchanges", "supply_mat"))
def _(inputs):
    return ass_params(
        inputs, exchanges=inputs.layer("exchanges", inputs.table("exchanges").drop("supply_mat"))
    )


def _exchanges_tonnage(inputs, value, text=False):
    table = inputs.table("exchanges")
    (as_text if text else as_real)(table, "tonnage", {0: value})
    return inputs.layer("exchanges", table)


@case("assess-tonnage-text", "assessbenefits", error=("exchanges", "tonnage", "much"))
def _(inputs):
    return ass_params(inputs, exchanges=_exchanges_tonnage(inputs, "much", text=True))


@case("assess-tonnage-nan", "assessbenefits", error=("exchanges", "tonnage"))
def _(inputs):
    return ass_params(inputs, exchanges=_exchanges_tonnage(inputs, "NaN", text=True))


@case("assess-tonnage-inf", "assessbenefits", error=("exchanges", "tonnage"))
def _(inputs):
    return ass_params(inputs, exchanges=_exchanges_tonnage(inputs, float("inf")))


@case("assess-tonnage-negative", "assessbenefits", error=("exchanges", "tonnage"))
def _(inputs):
    return ass_params(inputs, exchanges=_exchanges_tonnage(inputs, -500.0))


@case("assess-enterprises-no-crs", "assessbenefits", error=("Enterprises", NO_CRS))
def _(inputs):
    return ass_params(inputs, enterprises=inputs.shapefile_without_prj("enterprises"))


@case("assess-enterprises-are-lines", "assessbenefits", error=("Enterprises", "Line"))
def _(inputs):
    return ass_params(inputs, enterprises=inputs.layer("enterprises", as_lines(inputs)))


@case("assess-duplicate-ent-id", "assessbenefits", error=("Enterprises", "ent_id"))
def _(inputs):
    ents = inputs.table("enterprises")
    duplicate_row(ents, 0)
    return ass_params(inputs, enterprises=inputs.layer("enterprises", ents))


@case("assess-duplicate-flow-id", "assessbenefits", error=(FLOWS, "flow_id"))
def _(inputs):
    flows = inputs.table("flows")
    duplicate_row(flows, 0)
    return ass_params(inputs, flows=inputs.layer("flows", flows))


@case("assess-inf-price", "assessbenefits", error=(FLOWS, "price"))
def _(inputs):
    return ass_params(
        inputs, flows=_hostile_flows(inputs, lambda t, k: as_real(t, "price", {k: float("inf")}))
    )


def same_assessment(result, inputs, feedback):
    assert result["NET_MONEY_RUB"] == pytest.approx(inputs.base.net_money, rel=1e-9)
    assert result["CLUSTERS"] == inputs.base.clusters


@case("assess-integer64-ids", "assessbenefits", check=same_assessment)
def _(inputs):
    ents, flows, ex = inputs.table("enterprises"), inputs.table("flows"), inputs.table("exchanges")
    mapping = big_ids(ents.column("ent_id"))
    renumber(ents, ["ent_id"], mapping)
    renumber(flows, ["ent_id"], mapping)
    renumber(ex, ["supply_ent", "demand_ent"], mapping, ogr.OFTReal)
    return ass_params(
        inputs,
        enterprises=inputs.layer("enterprises", ents),
        flows=inputs.layer("flows", flows),
        exchanges=inputs.layer("exchanges", ex),
    )


# policyscenarios -----------------------------------------------------------------------------


def _scenario_table():
    import csv

    with open(SCENARIOS_CSV, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return Table(
        dict.fromkeys(rows[0], ogr.OFTString), rows, [None] * len(rows), ogr.wkbNone, None
    )


def scen_params(inputs, scenarios=None, links=None, flows=None):
    table = scenarios if scenarios is not None else _scenario_table()
    return {
        "LINKS": links or inputs.layer("links"),
        "FLOWS": flows or inputs.layer("flows"),
        "SCENARIOS": inputs.layer("scenarios", table),
        "OUTPUT": "TEMPORARY_OUTPUT",
    }


for _column, _value in [
    ("quota_share", "1.5"),
    ("processing_cofinance", "2"),
    ("rail_discount", "-0.2"),
    ("quota_share", "NaN"),
    ("rail_discount", "inf"),
]:

    @case(
        f"scenarios-{_column}-{_value}",
        "policyscenarios",
        error=(_column, "infrastructure"),
    )
    def _(inputs, column=_column, value=_value):
        table = _scenario_table()
        table.rows[2][column] = value  # scenario 'infrastructure': the message names it
        return scen_params(inputs, scenarios=table)


@case("scenarios-missing-column", "policyscenarios", error=("rail_discount",))
def _(inputs):
    return scen_params(inputs, scenarios=_scenario_table().drop("rail_discount"))


@case("scenarios-links-not-in-flows", "policyscenarios", error=("flow", "links"))
def _(inputs):
    return scen_params(inputs, flows=_flows_renamed(inputs))


@case("scenarios-duplicate-flow-id", "policyscenarios", error=(FLOWS, "flow_id"))
def _(inputs):
    flows = inputs.table("flows")
    k = first_supply(flows)
    duplicate_row(flows, k, quantity=flows.rows[k]["quantity"] * 10)
    return scen_params(inputs, flows=inputs.layer("flows", flows))


@case("scenarios-nan-quantity", "policyscenarios", error=(FLOWS, "quantity"))
def _(inputs):
    edit = lambda t, k: as_text(t, "quantity", {k: "NaN"})  # noqa: E731
    return scen_params(inputs, flows=_used_flow_edited(inputs, edit))


@case("scenarios-inf-price", "policyscenarios", error=(FLOWS, "price"))
def _(inputs):
    edit = lambda t, k: as_real(t, "price", {k: float("inf")})  # noqa: E731
    return scen_params(inputs, flows=_used_flow_edited(inputs, edit))


def same_baseline_scenario(result, inputs, feedback):
    rows = rows_of(output_layer(result["OUTPUT"]))
    assert rows[0]["scenario_id"] == "baseline"
    assert rows[0]["exchanges"] == inputs.base.exchanges
    assert rows[0]["net_benefit"] == pytest.approx(inputs.base.net_benefit, rel=1e-6)


@case("scenarios-integer64-flow-ids", "policyscenarios", check=same_baseline_scenario)
def _(inputs):
    flows, links = inputs.table("flows"), inputs.table("links")
    mapping = big_ids(flows.column("flow_id"))
    renumber(flows, ["flow_id"], mapping)
    renumber(links, ["supply_flow", "demand_flow"], mapping, ogr.OFTReal)
    return scen_params(
        inputs, links=inputs.layer("links", links), flows=inputs.layer("flows", flows)
    )


# drawdiagram ---------------------------------------------------------------------------------


def draw_params(inputs, links=None, ents=None, **extra):
    return {
        "LINKS": links or inputs.layer("exchanges"),
        "ENTERPRISES": ents or inputs.layer("enterprises"),
        "OUTPUT": "TEMPORARY_OUTPUT",
        "OUTPUT_NODES": "TEMPORARY_OUTPUT",
        **extra,
    }


for _value, _text in [("many", True), ("NaN", True), (float("inf"), False), (-3.0, False)]:

    @case(f"diagram-tonnage-{_value}", "drawdiagram", error=("Links", "tonnage"))
    def _(inputs, value=_value, text=_text):
        return draw_params(inputs, links=_exchanges_tonnage(inputs, value, text))


@case("diagram-tonnage-text-schematic", "drawdiagram", error=("Links", "tonnage", "tons"))
def _(inputs):
    return draw_params(inputs, links=_exchanges_tonnage(inputs, "tons", True), MODE=1)


@case("diagram-negative-potential", "drawdiagram", error=("Links", "potential"))
def _(inputs):
    cands = inputs.table("cand")
    cands.rows[0]["potential"] = -10.0
    return draw_params(inputs, links=inputs.layer("cand", cands))


@case("diagram-enterprises-no-crs", "drawdiagram", error=("Enterprises", NO_CRS))
def _(inputs):
    return draw_params(inputs, ents=inputs.shapefile_without_prj("enterprises"))


@case("diagram-enterprises-are-lines", "drawdiagram", error=("Enterprises", "Line"))
def _(inputs):
    return draw_params(inputs, ents=inputs.layer("enterprises", as_lines(inputs)))


@case("diagram-duplicate-ent-id", "drawdiagram", error=("Enterprises", "ent_id"))
def _(inputs):
    ents = inputs.table("enterprises")
    duplicate_row(ents, 3)
    ents.geoms[-1] = ents.geoms[9]
    return draw_params(inputs, ents=inputs.layer("enterprises", ents))


@case("diagram-missing-demand-ent", "drawdiagram", error=("Links", "demand_ent"))
def _(inputs):
    return draw_params(
        inputs, links=inputs.layer("exchanges", inputs.table("exchanges").drop("demand_ent"))
    )


def same_arrows(result, inputs, feedback):
    assert output_layer(result["OUTPUT"]).featureCount() == inputs.base.arrows


@case("diagram-without-supply-mat", "drawdiagram", check=same_arrows)
def _(inputs):
    return draw_params(
        inputs, links=inputs.layer("exchanges", inputs.table("exchanges").drop("supply_mat"))
    )


@case("diagram-integer64-ids", "drawdiagram", check=same_arrows)
def _(inputs):
    ents, ex = inputs.table("enterprises"), inputs.table("exchanges")
    mapping = big_ids(ents.column("ent_id"))
    renumber(ents, ["ent_id"], mapping)
    renumber(ex, ["supply_ent", "demand_ent"], mapping, ogr.OFTReal)
    return draw_params(inputs, inputs.layer("exchanges", ex), inputs.layer("enterprises", ents))


# exportmap -----------------------------------------------------------------------------------


def map_params(inputs, arrows=None, nodes=None, pdf=None, png=None):
    params = {
        "ARROWS": arrows or inputs.layer("arrows"),
        "NODES": nodes or inputs.layer("nodes"),
        "OUTPUT_PDF": str(pdf or inputs.dir / "map.pdf"),
    }
    if png:
        params["OUTPUT_PNG"] = str(png)
    return params


@case("map-arrows-no-crs", "exportmap", error=("arrows", NO_CRS))
def _(inputs):
    return map_params(inputs, arrows=inputs.shapefile_without_prj("arrows"))


@case("map-nodes-no-crs", "exportmap", error=("nodes", NO_CRS))
def _(inputs):
    return map_params(inputs, nodes=inputs.shapefile_without_prj("nodes"))


@case("map-arrows-are-points", "exportmap", error=("arrows", "Point"))
def _(inputs):
    return map_params(inputs, arrows=inputs.layer("arrows", as_points(inputs, "arrows")))


def pdf_in_new_folder(result, inputs, feedback):
    pdf = inputs.dir / "new" / "maps" / "m.pdf"
    assert result["OUTPUT_PDF"] == str(pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


@case("map-pdf-missing-folder", "exportmap", check=pdf_in_new_folder)
def _(inputs):
    return map_params(inputs, pdf=inputs.dir / "new" / "maps" / "m.pdf")


@case("map-pdf-unwritable", "exportmap", error=("folder", "afile"))
def _(inputs):
    (inputs.dir / "afile").write_text("a file, not a folder")
    return map_params(inputs, pdf=inputs.dir / "afile" / "m.pdf")


@case("map-png-unwritable", "exportmap", error=("folder", "afile"))
def _(inputs):
    (inputs.dir / "afile").write_text("a file, not a folder")
    return map_params(inputs, png=inputs.dir / "afile" / "m.png")


# the shipped model ---------------------------------------------------------------------------

MODEL_OUTPUTS = [
    "validate:validation",
    "candidates:candidates",
    "links:links",
    "exchanges:exchanges",
    "benefits:benefits_enterprises",
    "benefits:benefits_nodes",
    "benefits:material_balance",
    "diagram:diagram_arrows",
    "diagram:diagram_enterprises",
]


@case(
    "model-flows-without-direction",
    "symbiosis_full_analysis",
    error=("candidates",),
    log=(FLOWS, "direction"),
)
def _(inputs):
    params = inputs.sample("enterprises", "roads", "rails", "terminals")
    params["FLOWS"] = inputs.layer("flows", inputs.table("flows").drop("direction"))
    params.update(
        {
            "NODE": "Novokuznetsk",
            "benefits:report": str(inputs.dir / "r.html"),
            "map:map_pdf": str(inputs.dir / "m.pdf"),
            "map:map_png": str(inputs.dir / "m.png"),
        }
    )
    params.update(dict.fromkeys(MODEL_OUTPUTS, "TEMPORARY_OUTPUT"))
    return params


# ---------------------------------------------------------------------------------------------

# Today Processing's invalid-geometry check throws out of validatedata's feature loop, through
# Python frames, and later Python code fails with "SystemError: unknown opcode": run that case
# last, so that it cannot disturb the others.
CASES.sort(key=lambda c: c.id == "validate-invalid-polygon")


def test_the_matrix_covers_every_algorithm():
    algorithms = {c.alg.split(":")[1] for c in CASES}
    assert algorithms == {
        "validatedata",
        "findcandidates",
        "networklinks",
        "optimizeexchanges",
        "assessbenefits",
        "policyscenarios",
        "drawdiagram",
        "exportmap",
        "symbiosis_full_analysis",
    }
    assert len(CASES) >= 60 and len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("bad", CASES, ids=[c.id for c in CASES])
def test_bad_input(bad, base, tmp_path):
    inputs = Inputs(tmp_path, base)
    params = bad.build(inputs)
    before = inputs.digests()
    assert before, "every case reads files of its own"
    failure = None
    try:
        run_and_judge(bad, params, inputs)
    except (AssertionError, pytest.fail.Exception, QgsProcessingException) as err:
        failure = err  # judged after the digests: a modified input is the worse news
    assert inputs.digests() == before, "an input file was modified"
    if failure is not None:
        raise failure


def run_and_judge(bad, params, inputs):
    """The exception's text, or the result when there was none (either may be right for a
    case that has both an error and a check: a value refused, or every feature written)."""
    feedback = LogFeedback()
    try:
        result = processing.run(bad.alg, params, feedback=feedback)
    except QgsProcessingException as err:
        if not bad.error:
            raise
        assert_message(str(err), bad.error)
        if bad.log:
            said = [text for text in feedback.log if all(p in text for p in bad.log)]
            assert said, f"no message in the log holds {bad.log}: {feedback.log}"
            assert_message(said[0], bad.log)
        return
    if bad.check is None:
        pytest.fail(
            f"no error naming {bad.error}; the run gave {summary(result)}, "
            f"its last messages: {feedback.log[-3:]}"
        )
    bad.check(result, inputs, feedback)


def summary(result):
    """Numbers and output feature counts of a Processing result, for a failure report."""
    out = {}
    for name, value in result.items():
        if isinstance(value, (int, float)):
            out[name] = value
        elif isinstance(value, QgsVectorLayer):
            out[name] = f"{value.featureCount()} features"
    return out


def assert_message(text, expected):
    missing = [part for part in expected if part.lower() not in text.lower()]
    assert not missing, f"message lacks {missing}: {text!r}"
    assert not any(mark in text for mark in TRACEBACK_MARKS), text
