"""The algorithms read the registry views through QGIS's PostgreSQL provider exactly as they
read a GeoPackage export of the same data; registryinit and publishmatches through Processing."""

import re

import pytest
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from symbiosis_qgis.registry.migrations import load_migrations
from symbiosis_qgis.registry.qgis_connection import QgisDatabase, postgres_metadata

from .conftest import gpkg_layer, rows_of
from .registry_server import (
    LOGIN_A,
    OPERATOR,
    SUPERUSER,
    password,
    sample_registry,
)

DB = "parity"


def qgis_uri(server, dbname, login, secret=None):
    uri = QgsDataSourceUri()
    uri.setConnection(
        "127.0.0.1", str(server.port), dbname, login, password(login) if secret is None else secret
    )
    return uri.uri(False)


@pytest.fixture()
def saved_connection():
    """Save QGIS PostgreSQL connections by name for a test; delete them afterwards."""
    names = []

    def save(uri, name):
        metadata = postgres_metadata()
        connection = metadata.createConnection(uri, {"saveUsername": True, "savePassword": True})
        metadata.saveConnection(connection, name)
        names.append(name)
        return name

    yield save
    for name in names:
        postgres_metadata().deleteConnection(name)


@pytest.fixture(scope="module")
def registry(registry_server):
    owner = sample_registry(registry_server, DB)
    yield registry_server
    owner.close()


def export(layer, gpkg, name):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    if gpkg.exists():
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(gpkg), QgsCoordinateTransformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.NoError, error


def run_chain(ents, flows, network_gpkg):
    import processing

    cands = processing.run(
        "symbiosis:findcandidates",
        {"ENTERPRISES": ents, "FLOWS": flows, "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    links = processing.run(
        "symbiosis:networklinks",
        {
            "CANDIDATES": cands,
            "ENTERPRISES": ents,
            "ROADS": gpkg_layer(network_gpkg, "roads"),
            "RAILS": gpkg_layer(network_gpkg, "rails"),
            "TERMINALS": gpkg_layer(network_gpkg, "terminals"),
            "SNAP_TOLERANCE": 15000,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    result = processing.run(
        "symbiosis:optimizeexchanges",
        {"LINKS": links, "FLOWS": flows, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    return cands, links, result


def table(layer, fields, digits=6):
    out = []
    for row in rows_of(layer):
        out.append(
            tuple(round(row[f], digits) if isinstance(row[f], float) else row[f] for f in fields)
        )
    return sorted(out, key=repr)


def test_algorithms_on_registry_views_match_a_geopackage_export(
    registry, symbiosis_provider, sample_gpkg, tmp_path
):
    operator = QgisDatabase.from_uri(qgis_uri(registry, DB, OPERATOR))
    ents_pg = operator.layer("enterprises", "enterprises")
    flows_pg = operator.layer("flows", "flows", geometry_column=None)
    assert ents_pg.isValid() and flows_pg.isValid()
    assert ents_pg.providerType() == "postgres"
    assert (ents_pg.featureCount(), flows_pg.featureCount()) == (113, 254)
    QgsProject.instance().addMapLayers([ents_pg, flows_pg], False)
    export_gpkg = tmp_path / "registry_export.gpkg"
    export(ents_pg, export_gpkg, "enterprises")
    export(flows_pg, export_gpkg, "flows")

    on_pg = run_chain(ents_pg, flows_pg, sample_gpkg)
    on_gpkg = run_chain(
        gpkg_layer(export_gpkg, "enterprises"), gpkg_layer(export_gpkg, "flows"), sample_gpkg
    )

    cand_fields = ["supply_flow", "demand_flow", "rule_id", "dist_km", "potential", "unit"]
    candidates = table(on_pg[0], cand_fields)
    assert len(candidates) > 100
    assert candidates == table(on_gpkg[0], cand_fields)
    link_fields = ["supply_flow", "demand_flow", "mode", "net_km", "cost_t", "reachable"]
    assert table(on_pg[1], link_fields) == table(on_gpkg[1], link_fields)
    exchange_fields = ["supply_flow", "demand_flow", "tonnage", "delivered", "benefit"]
    exchanges = table(on_pg[2]["OUTPUT"], exchange_fields, digits=3)
    assert len(exchanges) > 10
    assert exchanges == table(on_gpkg[2]["OUTPUT"], exchange_fields, digits=3)
    for total in ("EXCHANGES", "TONNES", "NET_BENEFIT", "CO2_AVOIDED"):
        assert on_pg[2][total] == pytest.approx(on_gpkg[2][total], rel=1e-9)
    # the registry's flows are the sample's: same candidates count as on the sample itself
    import processing

    sample = processing.run(
        "symbiosis:findcandidates",
        {
            "ENTERPRISES": gpkg_layer(sample_gpkg, "enterprises"),
            "FLOWS": gpkg_layer(sample_gpkg, "flows"),
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    assert sample["CANDIDATES"] == len(candidates)


def test_registryinit_creates_upgrades_and_loads(registry, symbiosis_provider, saved_connection):
    import processing

    registry.create_database("init_alg")
    name = saved_connection(qgis_uri(registry, "init_alg", SUPERUSER, registry.password), "init")
    latest = len(load_migrations())
    first = processing.run("symbiosis:registryinit", {"DATABASE": name, "LOAD_SAMPLE": True})
    assert (first["VERSION"], first["APPLIED"]) == (
        latest,
        ",".join(str(v) for v in range(1, latest + 1)),
    )
    assert (first["ENTERPRISES"], first["LISTINGS"]) == (113, 254)
    again = processing.run("symbiosis:registryinit", {"DATABASE": name, "LOAD_SAMPLE": False})
    assert (again["VERSION"], again["APPLIED"], again["LISTINGS"]) == (latest, "", 0)
    with pytest.raises(QgsProcessingException, match="already holds 113 enterprises"):
        processing.run("symbiosis:registryinit", {"DATABASE": name, "LOAD_SAMPLE": True})
    db = QgisDatabase.named(name)
    assert db.execute("SELECT count(*) FROM registry.listing") == [[254]]
    assert db.execute("SELECT owner_login FROM registry.enterprise WHERE ent_id = 'PP02'") == [
        ["ent_pp02"]
    ]


def test_registryinit_loads_the_sample_with_opaque_logins(
    registry, symbiosis_provider, saved_connection
):
    import processing

    registry.create_database("init_opaque")
    name = saved_connection(
        qgis_uri(registry, "init_opaque", SUPERUSER, registry.password), "init opaque"
    )
    result = processing.run(
        "symbiosis:registryinit", {"DATABASE": name, "LOAD_SAMPLE": True, "OPAQUE_LOGINS": True}
    )
    assert result["ENTERPRISES"] == 113
    owners = QgisDatabase.named(name).execute(
        "SELECT ent_id, owner_login FROM registry.enterprise"
    )
    assert len(owners) == 113 == len({login for _, login in owners})
    assert all(re.fullmatch("reg_[0-9a-f]{16}", login) for _, login in owners)


def test_publishmatches_writes_candidates_for_the_operator_only(
    registry, symbiosis_provider, saved_connection
):
    import processing

    operator = QgisDatabase.from_uri(qgis_uri(registry, DB, OPERATOR))
    ents = operator.layer("enterprises", "enterprises")
    flows = operator.layer("flows", "flows", geometry_column=None)
    QgsProject.instance().addMapLayers([ents, flows], False)
    cands = processing.run(
        "symbiosis:findcandidates",
        {
            "ENTERPRISES": ents,
            "FLOWS": flows,
            "NODES": "Novokuznetsk",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    count = cands["CANDIDATES"]
    assert count > 10
    as_operator = saved_connection(qgis_uri(registry, DB, OPERATOR), "registry operator")
    result = processing.run(
        "symbiosis:publishmatches", {"DATABASE": as_operator, "CANDIDATES": cands["OUTPUT"]}
    )
    assert (result["PUBLISHED"], result["ALREADY_PRESENT"]) == (count, 0)
    stored = operator.execute(
        "SELECT 'L' || supply_listing, 'L' || demand_listing, rule_id, status, changed_by "
        "FROM registry.match"
    )
    expected = {
        (r["supply_flow"], r["demand_flow"], r["rule_id"], "proposed", OPERATOR)
        for r in rows_of(cands["OUTPUT"])
    }
    assert {tuple(row) for row in stored} == expected
    again = processing.run(
        "symbiosis:publishmatches", {"DATABASE": as_operator, "CANDIDATES": cands["OUTPUT"]}
    )
    assert (again["PUBLISHED"], again["ALREADY_PRESENT"]) == (0, count)

    as_enterprise = saved_connection(qgis_uri(registry, DB, LOGIN_A), "registry A")
    with pytest.raises(QgsProcessingException, match="not the regional operator"):
        processing.run(
            "symbiosis:publishmatches", {"DATABASE": as_enterprise, "CANDIDATES": cands["OUTPUT"]}
        )


def test_publishmatches_refuses_candidates_of_other_data(
    registry, symbiosis_provider, saved_connection, sample_gpkg
):
    import processing

    cands = processing.run(
        "symbiosis:findcandidates",
        {
            "ENTERPRISES": gpkg_layer(sample_gpkg, "enterprises"),
            "FLOWS": gpkg_layer(sample_gpkg, "flows"),
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    name = saved_connection(qgis_uri(registry, DB, OPERATOR), "registry operator 2")
    with pytest.raises(QgsProcessingException, match="do not refer to registry listings"):
        processing.run("symbiosis:publishmatches", {"DATABASE": name, "CANDIDATES": cands})


def test_registry_views_open_for_each_login(registry):
    """What each login's layer shows: A all visible listings, the guest nothing."""
    a = QgisDatabase.from_uri(qgis_uri(registry, DB, LOGIN_A))
    assert a.layer("listings_map", "listings").featureCount() == 254
    guest = QgsVectorLayer(
        QgisDatabase.from_uri(qgis_uri(registry, DB, "registry_guest")).layer_uri("flows", None),
        "flows",
        "postgres",
    )
    assert not guest.isValid()
