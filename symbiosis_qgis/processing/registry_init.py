"""symbiosis:registryinit — create or upgrade the registry schema; optionally load the sample."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterProviderConnection,
)

from ..i18n import tr
from ..paths import sample_data_path
from ..registry.migrations import (
    MigrationError,
    load_migrations,
    load_sample,
    schema_version,
    sync_materials,
    upgrade,
)
from ..registry.qgis_connection import QgisDatabase, RegistryError
from .base import SymbiosisAlgorithm


class RegistryInitAlgorithm(SymbiosisAlgorithm):
    ALG_ID = "registryinit"
    GROUP_ID = "data"
    DATABASE = "DATABASE"
    LOAD_SAMPLE = "LOAD_SAMPLE"
    OPAQUE_LOGINS = "OPAQUE_LOGINS"

    def displayName(self):
        return tr("Create or upgrade the resource registry")

    def help_text(self):
        return tr(
            "Creates the regional registry of secondary resources in a PostgreSQL database "
            "with PostGIS, or brings an existing one up to the plugin's schema version: "
            "tables of enterprises, listings (offers and needs) and matches, the roles of "
            "enterprises, the regional operator and anonymous readers with row-level "
            "security, and the views registry.enterprises and registry.flows that every "
            "algorithm reads like the Enterprises and Flows layers. Migrations already "
            "applied are skipped; each migration is applied whole or not at all. The material "
            "catalogue is copied into the registry.\n\n"
            "The connection's login must own the database (or be a superuser): it creates "
            "the PostGIS extension and the roles. Load the Kuzbass sample only into an empty "
            "registry: its enterprises are owned by logins ent_<id> (ent_pp04 for PP04), "
            "made with SELECT registry.create_login('ent_pp04', 'password', 'enterprise').\n\n"
            "Every login, the anonymous one included, can list the names of all logins of the "
            "server. With opaque login names the sample's enterprises are owned by logins "
            "named reg_ and 16 random hex digits, which say nothing about the enterprise; "
            "registry.enterprise.owner_login tells the owner which is which."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                self.DATABASE, tr("PostgreSQL connection (database owner)"), "postgres"
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.LOAD_SAMPLE, tr("Load the Kuzbass sample data"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.OPAQUE_LOGINS,
                tr("Sample enterprises owned by logins with opaque names"),
                defaultValue=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("VERSION", tr("Schema version")))
        self.addOutput(QgsProcessingOutputString("APPLIED", tr("Migrations applied")))
        self.addOutput(QgsProcessingOutputNumber("ENTERPRISES", tr("Enterprises loaded")))
        self.addOutput(QgsProcessingOutputNumber("LISTINGS", tr("Listings loaded")))

    def processAlgorithm(self, parameters, context, feedback):
        name = self.parameterAsConnectionName(parameters, self.DATABASE, context)
        load = self.parameterAsBool(parameters, self.LOAD_SAMPLE, context)
        opaque = self.parameterAsBool(parameters, self.OPAQUE_LOGINS, context)
        try:
            db = QgisDatabase.named(name)
            migrations = load_migrations()
            applied = upgrade(
                db,
                migrations=migrations,
                progress=lambda m: feedback.pushInfo(
                    tr("Applying migration {0} ({1})").format(m.version, m.name)
                ),
            )
            feedback.setProgress(60)
            sync_materials(db)
            loaded = {"enterprises": 0, "listings": 0}
            if load:
                loaded = self._load_sample(db, feedback, opaque)
            version = schema_version(db)
        except (MigrationError, RegistryError) as err:
            raise QgsProcessingException(
                tr("The registry in connection '{0}' could not be set up: {1}").format(name, err)
            ) from err
        if applied:
            feedback.pushInfo(tr("Schema upgraded to version {0}").format(version))
        else:
            feedback.pushInfo(tr("Schema already at version {0}: nothing to do").format(version))
        feedback.setProgress(100)
        return {
            "VERSION": version,
            "APPLIED": ",".join(str(v) for v in applied),
            "ENTERPRISES": loaded["enterprises"],
            "LISTINGS": loaded["listings"],
        }

    def _load_sample(self, db, feedback, opaque_logins):
        present = int(db.execute("SELECT count(*) FROM registry.enterprise")[0][0])
        if present:
            raise QgsProcessingException(
                tr(
                    "The registry already holds {0} enterprises: the sample is loaded only "
                    "into an empty registry"
                ).format(present)
            )
        feedback.pushInfo(tr("Loading the Kuzbass sample"))
        loaded = load_sample(db, sample_data_path("kuzbass.gpkg"), opaque_logins=opaque_logins)
        feedback.pushInfo(
            tr("{0} enterprises and {1} listings loaded").format(
                loaded["enterprises"], loaded["listings"]
            )
        )
        return loaded
