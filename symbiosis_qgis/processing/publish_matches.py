"""symbiosis:publishmatches — write partner candidates into the registry's match table."""

import re

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterProviderConnection,
)

from ..i18n import tr
from ..registry.migrations import sql_literal
from ..registry.qgis_connection import QgisDatabase, RegistryError
from .base import SymbiosisAlgorithm
from .layer_io import features_with_progress, plain_value, require_fields

REGISTRY_FLOW_ID = re.compile(r"^L([0-9]+)$")  # registry.flows: flow_id = 'L' || listing_id
BATCH = 500


def _number(value):
    value = plain_value(value)
    if value is None or value != value:  # NULL or NaN
        return None
    return float(value)


class PublishMatchesAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "publishmatches"
    GROUP_ID = "data"
    DATABASE = "DATABASE"
    CANDIDATES = "CANDIDATES"

    def displayName(self):
        return tr("Publish matches to the resource registry")

    def help_text(self):
        return tr(
            "Writes the partner candidates found on the registry's views (output of 'Find "
            "partner candidates' run on registry.enterprises and registry.flows) into the "
            "registry's match table, with status 'proposed', for the enterprises concerned "
            "to see. Only the regional operator's login may do this.\n\n"
            "A pair already published (same supply and demand listing and rule) keeps its "
            "status and is counted as already present. Candidates whose flows are not "
            "registry listings (flow ids L<number>) are refused with their feature ids."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                self.DATABASE, tr("PostgreSQL connection (regional operator)"), "postgres"
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CANDIDATES, tr("Partner candidates"), [QgsProcessing.TypeVector]
            )
        )
        self.addOutput(QgsProcessingOutputNumber("PUBLISHED", tr("Matches published")))
        self.addOutput(QgsProcessingOutputNumber("ALREADY_PRESENT", tr("Already published")))

    def processAlgorithm(self, parameters, context, feedback):
        name = self.parameterAsConnectionName(parameters, self.DATABASE, context)
        source = self.source(parameters, self.CANDIDATES, context)
        label = tr("Partner candidates")
        require_fields(source, ["supply_flow", "demand_flow", "rule_id"], label)
        rows = self._rows(source, label, feedback)
        if feedback.isCanceled():
            return {}
        try:
            db = QgisDatabase.named(name)
            if not db.is_operator():
                raise QgsProcessingException(
                    tr(
                        "Login '{0}' is not the regional operator: only the operator publishes "
                        "matches"
                    ).format(db.login())
                )
            published = self._insert(db, rows, feedback)
        except RegistryError as err:
            raise QgsProcessingException(
                tr("The registry refused the matches: {0}").format(err)
            ) from err
        feedback.pushInfo(
            tr("{0} matches published, {1} already present").format(
                published, len(rows) - published
            )
        )
        return {"PUBLISHED": published, "ALREADY_PRESENT": len(rows) - published}

    def _rows(self, source, label, feedback):
        names = source.fields().names()
        rows, bad = [], []
        for feature in features_with_progress(source, feedback, (0, 30)):
            ids = [REGISTRY_FLOW_ID.match(str(plain_value(feature[f]) or "")) for f in
                   ("supply_flow", "demand_flow")]  # fmt: skip
            if None in ids:
                bad.append(feature.id())
                continue
            rows.append(
                (
                    int(ids[0][1]),
                    int(ids[1][1]),
                    str(plain_value(feature["rule_id"])),
                    _number(feature["dist_km"]) if "dist_km" in names else None,
                    _number(feature["potential"]) if "potential" in names else None,
                    plain_value(feature["unit"]) if "unit" in names else None,
                )
            )
        if bad:
            raise QgsProcessingException(
                tr(
                    "Layer '{layer}', fields supply_flow/demand_flow: {count} candidates do not "
                    "refer to registry listings (L<number>), first feature ids: {ids}"
                ).format(layer=label, count=len(bad), ids=", ".join(map(str, bad[:10])))
            )
        return rows

    def _insert(self, db, rows, feedback):
        published = 0
        for start in range(0, len(rows), BATCH):
            if feedback.isCanceled():
                break
            values = ",\n".join(
                "(" + ", ".join(sql_literal(v) for v in row) + ")"
                for row in rows[start : start + BATCH]
            )
            inserted = db.execute(
                "INSERT INTO registry.match (supply_listing, demand_listing, rule_id, dist_km, "
                f"potential, unit) VALUES\n{values}\n"
                "ON CONFLICT (supply_listing, demand_listing, rule_id) DO NOTHING "
                "RETURNING match_id"
            )
            published += len(inserted)
            feedback.setProgress(30 + 70 * min(start + BATCH, len(rows)) / max(len(rows), 1))
        return published
