<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="23" />
        <source>Required field '{field}' is missing</source>
        <translation>Отсутствует обязательное поле «{field}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="24" />
        <source>Field '{field}' is missing (recommended: names in Russian)</source>
        <translation>Отсутствует поле «{field}» (рекомендуется: названия на русском)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="26" />
        <source>Empty identifier in '{field}'</source>
        <translation>Пустой идентификатор в поле «{field}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="27" />
        <source>Identifier '{value}' is used by {count} features</source>
        <translation>Идентификатор «{value}» встречается у {count} объектов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="29" />
        <source>Feature has no geometry</source>
        <translation>У объекта нет геометрии</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="30" />
        <source>Feature has an empty geometry</source>
        <translation>У объекта пустая геометрия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="31" />
        <source>Layer CRS {crs} is geographic: distances will be computed on the ellipsoid or after reprojection to a metric CRS</source>
        <translation>СК слоя {crs} географическая: расстояния будут вычисляться на эллипсоиде или после перепроецирования в метрическую СК</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="35" />
        <source>Flow refers to unknown enterprise '{value}'</source>
        <translation>Поток ссылается на неизвестное предприятие «{value}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="37" />
        <source>Direction '{value}' is neither 'supply' nor 'demand'</source>
        <translation>Направление «{value}» не равно ни «supply» (предложение), ни «demand» (спрос)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="39" />
        <source>Material '{value}' is not in the material catalogue</source>
        <translation>Материала «{value}» нет в каталоге материалов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="41" />
        <source>Unit '{value}' is unknown (known units: {known})</source>
        <translation>Неизвестная единица «{value}» (известные единицы: {known})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="43" />
        <source>Unit '{value}' cannot be converted to the catalogue unit '{expected}' of material '{material}'</source>
        <translation>Единицу «{value}» нельзя привести к единице каталога «{expected}» для материала «{material}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="47" />
        <source>Quantity '{value}' is not a number</source>
        <translation>Количество «{value}» не является числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="48" />
        <source>Quantity {value} is negative</source>
        <translation>Количество {value} отрицательно</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="49" />
        <source>Quantity is zero</source>
        <translation>Количество равно нулю</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="50" />
        <source>Price '{value}' is not a number</source>
        <translation>Цена «{value}» не является числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="51" />
        <source>Sector '{value}' is not one of the catalogue sectors</source>
        <translation>Отрасль «{value}» не входит в список отраслей каталога</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="53" />
        <source>No catalogue rule lets another enterprise in the data use supply of '{value}'</source>
        <translation>Ни одно правило каталога не позволяет другому предприятию из данных использовать предложение «{value}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="56" />
        <source>No catalogue rule lets a supply of another enterprise in the data serve demand for '{value}'</source>
        <translation>Ни одно правило каталога не позволяет покрыть спрос на «{value}» предложением другого предприятия из данных</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="60" />
        <source>Substitution ratio '{value}' must be a positive number</source>
        <translation>Коэффициент замещения «{value}» должен быть положительным числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="62" />
        <source>Rule refers to material '{value}' that is not in the material catalogue</source>
        <translation>Правило ссылается на материал «{value}», которого нет в каталоге материалов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="34" />
        <source>&amp;Industrial symbiosis</source>
        <translation>&amp;Промышленный симбиоз</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="37" />
        <source>Validate symbiosis data…</source>
        <translation>Проверить данные симбиоза…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="38" />
        <source>Load Kuzbass sample data</source>
        <translation>Загрузить пример данных по Кузбассу</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="20" />
        <source>Could not read the input layer</source>
        <translation>Не удалось прочитать входной слой</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/provider.py" line="19" />
        <source>Industrial symbiosis</source>
        <translation>Промышленный симбиоз</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="41" />
        <source>Validate symbiosis data</source>
        <translation>Проверить данные симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="44" />
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="47" />
        <source>Checks an enterprise layer and a flow table against the symbiosis data model and the material and synergy catalogues before any analysis.

Errors: missing required fields, empty or duplicate identifiers, flows of unknown enterprises, unknown materials or units, negative or non-numeric quantities, enterprises without geometry.
Warnings: zero quantities, a geographic CRS, unknown sectors, supplies or demands that no catalogue rule can match with another enterprise in the data.

The output table lists every finding (severity, layer, feature id, field, message); ERRORS and WARNINGS give their counts. Warnings never make the algorithm fail, and the inputs are not modified.</source>
        <translation>Проверяет слой предприятий и таблицу потоков на соответствие модели данных симбиоза и каталогам материалов и синергий перед любым анализом.

Ошибки: нет обязательных полей, пустые или повторяющиеся идентификаторы, потоки неизвестных предприятий, неизвестные материалы или единицы, отрицательные или нечисловые количества, предприятия без геометрии.
Предупреждения: нулевые количества, географическая СК, неизвестные отрасли, предложение или спрос, которым ни одно правило каталога не находит пары среди других предприятий в данных.

Выходная таблица перечисляет все находки (серьёзность, слой, идентификатор объекта, поле, сообщение); ERRORS и WARNINGS дают их число. Предупреждения никогда не приводят к сбою алгоритма, входные данные не изменяются.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="60" />
        <source>Enterprises</source>
        <translation>Предприятия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="63" />
        <source>Flows (supplies and demands)</source>
        <translation>Потоки (предложение и спрос)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="65" />
        <source>Synergy rules (default: bundled catalogue)</source>
        <translation>Правила синергии (по умолчанию: встроенный каталог)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="68" />
        <source>Validation report</source>
        <translation>Отчёт о проверке</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="70" />
        <source>Number of errors</source>
        <translation>Число ошибок</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="71" />
        <source>Number of warnings</source>
        <translation>Число предупреждений</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="93" />
        <source>Synergy catalogue is unusable: {}</source>
        <translation>Каталог синергий непригоден: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="113" />
        <source>{0} errors, {1} warnings</source>
        <translation>Ошибок: {0}, предупреждений: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="14" />
        <source>Kuzbass sample data</source>
        <translation>Пример данных: Кузбасс</translation>
    </message>
</context>
</TS>