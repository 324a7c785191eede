<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="23"/>
        <source>Required field &apos;{field}&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="24"/>
        <source>Field &apos;{field}&apos; is missing (recommended: names in Russian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="26"/>
        <source>Empty identifier in &apos;{field}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="27"/>
        <source>Identifier &apos;{value}&apos; is used by {count} features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="29"/>
        <source>Feature has no geometry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="30"/>
        <source>Feature has an empty geometry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="31"/>
        <source>Layer CRS {crs} is geographic: distances will be computed on the ellipsoid or after reprojection to a metric CRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="35"/>
        <source>Flow refers to unknown enterprise &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="37"/>
        <source>Direction &apos;{value}&apos; is neither &apos;supply&apos; nor &apos;demand&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="39"/>
        <source>Material &apos;{value}&apos; is not in the material catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="41"/>
        <source>Unit &apos;{value}&apos; is unknown (known units: {known})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="43"/>
        <source>Unit &apos;{value}&apos; cannot be converted to the catalogue unit &apos;{expected}&apos; of material &apos;{material}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="47"/>
        <source>Quantity &apos;{value}&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="48"/>
        <source>Quantity {value} is negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="49"/>
        <source>Quantity is zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="50"/>
        <source>Price &apos;{value}&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="51"/>
        <source>Sector &apos;{value}&apos; is not one of the catalogue sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="53"/>
        <source>No catalogue rule lets another enterprise in the data use supply of &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="56"/>
        <source>No catalogue rule lets a supply of another enterprise in the data serve demand for &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="60"/>
        <source>Substitution ratio &apos;{value}&apos; must be a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="62"/>
        <source>Rule refers to material &apos;{value}&apos; that is not in the material catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="34"/>
        <source>&amp;Industrial symbiosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="37"/>
        <source>Validate symbiosis data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="38"/>
        <source>Load Kuzbass sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="20"/>
        <source>Could not read the input layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/provider.py" line="19"/>
        <source>Industrial symbiosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="41"/>
        <source>Validate symbiosis data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="44"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="47"/>
        <source>Checks an enterprise layer and a flow table against the symbiosis data model and the material and synergy catalogues before any analysis.

Errors: missing required fields, empty or duplicate identifiers, flows of unknown enterprises, unknown materials or units, negative or non-numeric quantities, enterprises without geometry.
Warnings: zero quantities, a geographic CRS, unknown sectors, supplies or demands that no catalogue rule can match with another enterprise in the data.

The output table lists every finding (severity, layer, feature id, field, message); ERRORS and WARNINGS give their counts. Warnings never make the algorithm fail, and the inputs are not modified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="60"/>
        <source>Enterprises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="63"/>
        <source>Flows (supplies and demands)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="65"/>
        <source>Synergy rules (default: bundled catalogue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="68"/>
        <source>Validation report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="70"/>
        <source>Number of errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="71"/>
        <source>Number of warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="93"/>
        <source>Synergy catalogue is unusable: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="113"/>
        <source>{0} errors, {1} warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="14"/>
        <source>Kuzbass sample data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
