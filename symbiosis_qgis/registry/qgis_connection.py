"""The registry through QGIS's own PostgreSQL connections (no extra Python package needed).

A QGIS connection (Browser -> PostgreSQL -> New connection) names a real database login;
``QgisDatabase`` runs SQL on it and opens the registry views as QGIS layers.
"""

import re

from qgis.core import QgsDataSourceUri, QgsException, QgsProviderRegistry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from ..core.text import QT_TRANSLATE_NOOP
from ..i18n import tr

SCHEMA = "registry"

# The database's reasons, by the name it gives them, in words; the raw reason follows.
REASONS = {
    "row-level security": QT_TRANSLATE_NOOP(
        "@default", "This login may only write listings of its own enterprise."
    ),
    "permission denied": QT_TRANSLATE_NOOP(
        "@default", "This login has no right to make this change."
    ),
    "fkko_is_11_digits": QT_TRANSLATE_NOOP(
        "@default", "The FKKO code must have 11 digits, the last one the hazard class (1-5)."
    ),
    "material_in_catalogue": QT_TRANSLATE_NOOP(
        "@default", "The material is not in the registry's material catalogue."
    ),
    "quantity_positive": QT_TRANSLATE_NOOP("@default", "The quantity must be positive."),
    "unit_known": QT_TRANSLATE_NOOP("@default", "The unit is not one the registry knows."),
    "price_not_negative": QT_TRANSLATE_NOOP("@default", "The price cannot be negative."),
    "available_to_after_from": QT_TRANSLATE_NOOP(
        "@default", "'Available to' must not come before 'available from'."
    ),
    "password authentication failed": QT_TRANSLATE_NOOP(
        "@default", "The database refused the login name or password."
    ),
}


class RegistryError(Exception):
    """A refusal of the database, with its reason in words (``str``) and as the database
    gave it (``raw``)."""

    def __init__(self, raw: str):
        self.raw = database_reason(raw)
        known = [text for key, text in REASONS.items() if key in self.raw]
        words = tr(known[0]) if known else tr("The registry refused the change.")
        # a placeholder, not an f-string: pylupdate5 cannot see tr() inside an f-string
        super().__init__(tr("{0} (database: {1})").format(words, self.raw))


def database_reason(message: str) -> str:
    """The server's own words from a QGIS SQL error ("SQL error: <sql> returned 0 [ERROR:
    <reason>]"), without the statement, which may be long."""
    found = re.search(r"(?:ERROR|FATAL|ОШИБКА|ВАЖНО):\s*(.*?)\s*\]?\s*$", message, re.S)
    return (found[1] if found else message).strip()


def _plain(value):
    """SQL NULL may come back as a null QVariant: make it None."""
    return None if isinstance(value, QVariant) and value.isNull() else value


def postgres_metadata():
    return QgsProviderRegistry.instance().providerMetadata("postgres")


def connection_names() -> list:
    return sorted(postgres_metadata().connections().keys())


class QgisDatabase:
    """A registry database reached through a QGIS PostgreSQL connection."""

    def __init__(self, connection):
        self.connection = connection

    @classmethod
    def named(cls, name: str) -> "QgisDatabase":
        try:
            return cls(postgres_metadata().findConnection(name))
        except QgsException as err:
            raise RegistryError(str(err)) from err

    @classmethod
    def from_uri(cls, uri: str) -> "QgisDatabase":
        return cls(postgres_metadata().createConnection(uri, {}))

    def execute(self, sql: str) -> list:
        try:
            rows = self.connection.executeSql(sql)
        except QgsException as err:
            raise RegistryError(str(err)) from err
        return [[_plain(value) for value in row] for row in rows]

    def login(self) -> str:
        return self.execute("SELECT current_user")[0][0]

    def is_operator(self) -> bool:
        return bool(
            self.execute("SELECT pg_has_role(current_user, 'registry_operator', 'MEMBER')")[0][0]
        )

    def layer_uri(self, view: str, geometry_column="geom", key="fid", where="") -> str:
        uri = QgsDataSourceUri(self.connection.uri())
        uri.setDataSource(SCHEMA, view, geometry_column, where, key)
        return uri.uri(False)

    def layer(self, view: str, name: str, geometry_column="geom", where="") -> QgsVectorLayer:
        """A registry view as a QGIS layer (enterprises, flows, listings_map)."""
        return QgsVectorLayer(self.layer_uri(view, geometry_column, where=where), name, "postgres")
