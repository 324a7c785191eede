<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="24"/>
        <source>Required field &apos;{field}&apos; is missing</source>
        <translation>Отсутствует обязательное поле «{field}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="25"/>
        <source>Field &apos;{field}&apos; is missing (recommended: names in Russian)</source>
        <translation>Отсутствует поле «{field}» (рекомендуется: названия на русском)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="27"/>
        <source>Empty identifier in &apos;{field}&apos;</source>
        <translation>Пустой идентификатор в поле «{field}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="28"/>
        <source>Identifier &apos;{value}&apos; is used by {count} features</source>
        <translation>Идентификатор «{value}» встречается у {count} объектов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="30"/>
        <source>Feature has no geometry</source>
        <translation>У объекта нет геометрии</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="31"/>
        <source>Feature has an empty geometry</source>
        <translation>У объекта пустая геометрия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="32"/>
        <source>Layer CRS {crs} is geographic: distances will be computed on the ellipsoid or after reprojection to a metric CRS</source>
        <translation>СК слоя {crs} географическая: расстояния будут вычисляться на эллипсоиде или после перепроецирования в метрическую СК</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="36"/>
        <source>Flow refers to unknown enterprise &apos;{value}&apos;</source>
        <translation>Поток ссылается на неизвестное предприятие «{value}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="38"/>
        <source>Direction &apos;{value}&apos; is neither &apos;supply&apos; nor &apos;demand&apos;</source>
        <translation>Направление «{value}» не равно ни «supply» (предложение), ни «demand» (спрос)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="40"/>
        <source>Material &apos;{value}&apos; is not in the material catalogue</source>
        <translation>Материала «{value}» нет в каталоге материалов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="42"/>
        <source>Unit &apos;{value}&apos; is unknown (known units: {known})</source>
        <translation>Неизвестная единица «{value}» (известные единицы: {known})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="44"/>
        <source>Unit &apos;{value}&apos; cannot be converted to the catalogue unit &apos;{expected}&apos; of material &apos;{material}&apos;</source>
        <translation>Единицу «{value}» нельзя привести к единице каталога «{expected}» для материала «{material}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="48"/>
        <source>Quantity &apos;{value}&apos; is not a number</source>
        <translation>Количество «{value}» не является числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="49"/>
        <source>Quantity {value} is negative</source>
        <translation>Количество {value} отрицательно</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="50"/>
        <source>Quantity is zero</source>
        <translation>Количество равно нулю</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="51"/>
        <source>Price &apos;{value}&apos; is not a number</source>
        <translation>Цена «{value}» не является числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="52"/>
        <source>Sector &apos;{value}&apos; is not one of the catalogue sectors</source>
        <translation>Отрасль «{value}» не входит в список отраслей каталога</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="54"/>
        <source>No catalogue rule lets another enterprise in the data use supply of &apos;{value}&apos;</source>
        <translation>Ни одно правило каталога не позволяет другому предприятию из данных использовать предложение «{value}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="57"/>
        <source>No catalogue rule lets a supply of another enterprise in the data serve demand for &apos;{value}&apos;</source>
        <translation>Ни одно правило каталога не позволяет покрыть спрос на «{value}» предложением другого предприятия из данных</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="61"/>
        <source>Substitution ratio &apos;{value}&apos; must be a positive number</source>
        <translation>Коэффициент замещения «{value}» должен быть положительным числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="63"/>
        <source>Rule refers to material &apos;{value}&apos; that is not in the material catalogue</source>
        <translation>Правило ссылается на материал «{value}», которого нет в каталоге материалов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="35"/>
        <source>&amp;Industrial symbiosis</source>
        <translation>&amp;Промышленный симбиоз</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="40"/>
        <source>Validate symbiosis data…</source>
        <translation>Проверить данные симбиоза…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="41"/>
        <source>Load Kuzbass sample data</source>
        <translation>Загрузить пример данных по Кузбассу</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="57"/>
        <source>Could not read the input layer</source>
        <translation>Не удалось прочитать входной слой</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/provider.py" line="33"/>
        <source>Industrial symbiosis</source>
        <translation>Промышленный симбиоз</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="39"/>
        <source>Validate symbiosis data</source>
        <translation>Проверить данные симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="19"/>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="42"/>
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
        <location filename="../symbiosis_qgis/processing/network_links.py" line="162"/>
        <source>Enterprises</source>
        <translation>Предприятия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="73"/>
        <source>Flows (supplies and demands)</source>
        <translation>Потоки (предложение и спрос)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="80"/>
        <source>Synergy rules (default: bundled catalogue)</source>
        <translation>Правила синергии (по умолчанию: встроенный каталог)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="58"/>
        <source>Validation report</source>
        <translation>Отчёт о проверке</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="60"/>
        <source>Number of errors</source>
        <translation>Число ошибок</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="61"/>
        <source>Number of warnings</source>
        <translation>Число предупреждений</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="75"/>
        <source>Synergy catalogue is unusable: {}</source>
        <translation>Каталог синергий непригоден: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="95"/>
        <source>{0} errors, {1} warnings</source>
        <translation>Ошибок: {0}, предупреждений: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="35"/>
        <source>Kuzbass sample data</source>
        <translation>Пример данных: Кузбасс</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="57"/>
        <source>Ash and slag</source>
        <translation>Зола и шлаки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="57"/>
        <source>Metallurgical slag</source>
        <translation>Металлургические шлаки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="57"/>
        <source>Mining rock</source>
        <translation>Горные породы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="57"/>
        <source>Coal waste</source>
        <translation>Отходы углеобогащения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="58"/>
        <source>Fuel</source>
        <translation>Топливо</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="58"/>
        <source>Gas</source>
        <translation>Газ</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="58"/>
        <source>Heat</source>
        <translation>Тепло</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="58"/>
        <source>Water</source>
        <translation>Вода</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="75"/>
        <source>Find partner candidates</source>
        <translation>Найти возможных партнёров</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="19"/>
        <source>Analysis</source>
        <translation>Анализ</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="78"/>
        <source>For every supply flow (waste or by-product), finds the enterprises within reach whose demand a catalogue rule says it can serve, and draws a line from supplier to consumer for each candidate.

Reach: the rule&apos;s economic radius (max_distance_km), or Distance when set. A pair is a candidate when the geodesic distance on the WGS 84 ellipsoid between the two enterprises is at most the radius, whatever the layer CRS; a pair exactly at the radius is included. Distance is in the units of the enterprise layer&apos;s CRS; for a geographic CRS, degrees are converted as QGIS does (111.3 km per degree), so prefer a projected layer or the catalogue radii.

potential = min(supply x substitution ratio, demand), in the demand&apos;s unit.
Filters: supply material categories; industrial nodes (comma-separated: pairs with either end in these nodes). An enterprise is not its own partner unless internal reuse is allowed. Enterprises without geometry and flows of unknown enterprises are skipped and counted in the log. The optional reach layer shows each supplier&apos;s radius (for display only).</source>
        <translation>Для каждого потока предложения (отхода или побочного продукта) находит предприятия в пределах досягаемости, спрос которых, согласно правилу каталога, он может покрыть, и рисует линию от поставщика к потребителю для каждой пары.

Досягаемость: экономический радиус правила (max_distance_km) или «Расстояние», если оно задано. Пара считается кандидатом, если геодезическое расстояние на эллипсоиде WGS 84 между предприятиями не больше радиуса, в любой СК слоя; пара ровно на радиусе включается. «Расстояние» задаётся в единицах СК слоя предприятий; для географической СК градусы пересчитываются так же, как в QGIS (111,3 км на градус), поэтому лучше использовать слой в проекции или радиусы каталога.

potential = min(предложение x коэффициент замещения, спрос), в единицах спроса.
Фильтры: категории материалов предложения; промышленные узлы (через запятую: пары, у которых хотя бы один конец в этих узлах). Предприятие не считается собственным партнёром, если не разрешено внутреннее использование. Предприятия без геометрии и потоки неизвестных предприятий пропускаются, их число пишется в журнал. Необязательный слой досягаемости показывает радиус каждого поставщика (только для отображения).</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="99"/>
        <source>Distance (overrides every rule&apos;s radius)</source>
        <translation>Расстояние (заменяет радиус всех правил)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="104"/>
        <source>Supply material categories (all when none chosen)</source>
        <translation>Категории материалов предложения (все, если не выбраны)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="107"/>
        <source>Industrial nodes, comma-separated (all when empty)</source>
        <translation>Промышленные узлы через запятую (все, если пусто)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="110"/>
        <source>Allow internal reuse (an enterprise as its own partner)</source>
        <translation>Разрешить внутреннее использование (предприятие — собственный партнёр)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="113"/>
        <source>Partner candidates</source>
        <translation>Возможные партнёры</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="115"/>
        <source>Reach of suppliers</source>
        <translation>Досягаемость поставщиков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="118"/>
        <source>Number of candidates</source>
        <translation>Число пар-кандидатов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="126"/>
        <source>The enterprise layer has a geographic CRS: Distance is read in degrees. Use a projected layer to give it in metres.</source>
        <translation>У слоя предприятий географическая СК: «Расстояние» читается в градусах. Чтобы задать его в метрах, используйте слой в проекции.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="152"/>
        <source>Reading enterprises and flows</source>
        <translation>Чтение предприятий и потоков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="157"/>
        <source>Searching partners within reach</source>
        <translation>Поиск партнёров в пределах досягаемости</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="169"/>
        <source>Writing candidates</source>
        <translation>Запись пар-кандидатов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="177"/>
        <source>{0} partner candidates</source>
        <translation>Пар-кандидатов: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="182"/>
        <source>{0} enterprises without geometry were skipped</source>
        <translation>Пропущено предприятий без геометрии: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="185"/>
        <source>{0} flows of unknown enterprises were skipped</source>
        <translation>Пропущено потоков неизвестных предприятий: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="188"/>
        <source>{0} flows with a missing, zero or negative quantity were skipped</source>
        <translation>Пропущено потоков с отсутствующим, нулевым или отрицательным количеством: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="192"/>
        <source>{0} pairs were skipped: their units do not convert to the rule&apos;s</source>
        <translation>Пропущено пар: {0} — их единицы не приводятся к единицам правила</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="86"/>
        <source>Layer &apos;{layer}&apos; lacks the required field(s): {fields}</source>
        <translation>В слое «{layer}» нет обязательных полей: {fields}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="29"/>
        <source>too far from the network</source>
        <translation>слишком далеко от сети</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="30"/>
        <source>disconnected part of the network</source>
        <translation>несвязная часть сети</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="31"/>
        <source>beyond MAX_DISTANCE</source>
        <translation>дальше MAX_DISTANCE</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="32"/>
        <source>enterprise unknown or without location</source>
        <translation>предприятие неизвестно или без местоположения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="33"/>
        <source>canceled before it was routed</source>
        <translation>отменено до построения маршрута</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="34"/>
        <source>moves by pipeline or heat main: not routed over roads or rail</source>
        <translation>перемещается по трубопроводу или теплотрассе: маршрут по дорогам не строится</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="99"/>
        <source>Route candidates over road and rail</source>
        <translation>Построить маршруты по автодорогам и железной дороге</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="102"/>
        <source>Finds the cheapest route of every candidate exchange over the road network, the rail network, or road to a terminal, rail and road again, and draws it.

Cost per tonne = road km x road tariff (per class when a class field or OSM highway tags are present) + rail km x rail tariff + handling at each road-rail transfer. Lines are joined where they share a vertex; Merge tolerance also joins vertices closer than it. Enterprises attach to their nearest road vertex within the snap tolerance (the access leg counts as road). OSM data: pass the &apos;lines&apos; layer of a .osm/.osm.pbf file as roads (highway tags) and as rails (railway tags). Distances are geodesic on WGS 84 whatever the layer CRS.

Every candidate stays in the output: unreachable ones with reachable = false and a reason (too far from the network, disconnected part of the network, beyond the maximum distance). Flows moving by pipeline or heat main are not routed.</source>
        <translation>Находит самый дешёвый маршрут для каждой возможной пары обмена: по автодорогам, по железной дороге или автомобилем до терминала, по железной дороге и снова автомобилем, — и рисует его.

Стоимость на тонну = км автодорог x автомобильный тариф (по классу дороги, если задано поле класса или есть теги OSM highway) + км железной дороги x железнодорожный тариф + перевалка на каждом терминале. Линии соединяются в общих вершинах; «Допуск слияния» объединяет и вершины ближе заданного. Предприятия привязываются к ближайшей вершине автодороги в пределах допуска привязки (подъезд считается автодорогой). Данные OSM: укажите слой «lines» файла .osm/.osm.pbf как автодороги (теги highway) и как железные дороги (теги railway). Расстояния геодезические на WGS 84 в любой СК слоя.

Все пары остаются в результате: недостижимые — с reachable = false и причиной (слишком далеко от сети, несвязная часть сети, дальше максимального расстояния). Потоки, идущие по трубопроводу или теплотрассе, не маршрутизируются.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="117"/>
        <source>Candidates (supply_ent, demand_ent)</source>
        <translation>Пары-кандидаты (supply_ent, demand_ent)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="121"/>
        <source>Roads</source>
        <translation>Автодороги</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="123"/>
        <source>Railways</source>
        <translation>Железные дороги</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="125"/>
        <source>Road-rail terminals</source>
        <translation>Терминалы перевалки авто–ж/д</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="129"/>
        <source>Road tariff, RUB per t-km</source>
        <translation>Автомобильный тариф, руб. за т·км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="130"/>
        <source>Rail tariff, RUB per t-km</source>
        <translation>Железнодорожный тариф, руб. за т·км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="131"/>
        <source>Handling at each road-rail transfer, RUB per t</source>
        <translation>Перевалка на каждом терминале, руб. за т</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="135"/>
        <source>Road class field (OSM &apos;highway&apos; is used when present)</source>
        <translation>Поле класса дороги (если есть, используется OSM «highway»)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="138"/>
        <source>Road tariff per class, e.g. trunk=5.4, track=11</source>
        <translation>Тариф по классам дорог, например trunk=5.4, track=11</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="141"/>
        <source>Maximum network distance, km</source>
        <translation>Максимальное расстояние по сети, км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="144"/>
        <source>Snap tolerance: enterprise to road, m</source>
        <translation>Допуск привязки предприятия к дороге, м</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="147"/>
        <source>Merge vertices closer than, m (0: shared vertices only)</source>
        <translation>Объединять вершины ближе, м (0: только общие вершины)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="150"/>
        <source>Routed links</source>
        <translation>Маршруты связей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="152"/>
        <source>Candidates routed</source>
        <translation>Пар с маршрутом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="153"/>
        <source>Candidates unreachable</source>
        <translation>Недостижимых пар</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="161"/>
        <source>Candidates</source>
        <translation>Пары-кандидаты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="170"/>
        <source>Road tariff per class: {}</source>
        <translation>Тариф по классам дорог: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="172"/>
        <source>Reading the network</source>
        <translation>Чтение сети</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="175"/>
        <source>The road layer has no usable lines</source>
        <translation>В слое автодорог нет пригодных линий</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="187"/>
        <source>Building the graph</source>
        <translation>Построение графа</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="192"/>
        <source>Graph: {0} nodes, {1} edges, {2} terminals linked</source>
        <translation>Граф: узлов {0}, рёбер {1}, подключено терминалов {2}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="198"/>
        <source>Routing</source>
        <translation>Построение маршрутов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="253"/>
        <source>{0} candidates routed, {1} unreachable</source>
        <translation>Пар с маршрутом: {0}, недостижимых: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/allocation.py" line="30"/>
        <source>Links lack the column(s): {columns}</source>
        <translation>В связях нет столбцов: {columns}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/allocation.py" line="31"/>
        <source>Flow &apos;{flow}&apos; has no usable quantity: the capacity constraint of {kind} &apos;{flow}&apos; would be unbounded</source>
        <translation>У потока «{flow}» нет пригодного количества: ограничение ёмкости ({kind}) «{flow}» было бы неограниченным</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/allocation.py" line="34"/>
        <source>The allocation is infeasible: {detail}</source>
        <translation>Задача распределения несовместна: {detail}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/allocation.py" line="36"/>
        <source>The solver stopped: {detail}</source>
        <translation>Решатель остановился: {detail}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="39"/>
        <source>Number of exchanges chosen</source>
        <translation>Число выбранных обменов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="40"/>
        <source>Tonnes per year exchanged (flows in t/yr)</source>
        <translation>Тонн в год в обменах (потоки в т/год)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="41"/>
        <source>Net benefit, RUB per year</source>
        <translation>Чистая выгода, руб. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="42"/>
        <source>CO2 avoided, t per year (before transport)</source>
        <translation>Предотвращённые выбросы CO2, т в год (без учёта транспорта)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="43"/>
        <source>CO2 of transport, t per year</source>
        <translation>Выбросы CO2 транспорта, т в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="56"/>
        <source>Optimise exchanges</source>
        <translation>Оптимизировать обмены</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="59"/>
        <source>Chooses how much to move on each link so that the region&apos;s net benefit is largest: avoided disposal cost at the supplier + avoided purchase of primary material at the consumer (times the substitution ratio) - transport cost - pre-processing cost, without exceeding any supply or any demand. Solved as a linear programme (HiGHS).

Links: the output of &apos;Route candidates over road and rail&apos; (route cost cost_t per unit) or of &apos;Find partner candidates&apos; (then transport costs the straight distance times the default cost). Unreachable links are ignored; links that lose money are never chosen. Prices come from the flows&apos; price field (disposal cost of a supply, purchase price of a demand).

Output: the chosen links with their geometry, tonnage (in the supply&apos;s unit), delivered quantity (in the demand&apos;s unit), benefit, transport and processing costs, avoided disposal and purchase, CO2 avoided and CO2 of transport; result values give the totals.</source>
        <translation>Выбирает объём перевозки по каждой связи так, чтобы чистая выгода региона была наибольшей: предотвращённые затраты на размещение отходов у поставщика + предотвращённая закупка первичного сырья у потребителя (с учётом коэффициента замещения) − транспорт − предварительная переработка, не превышая ни одного предложения и ни одного спроса. Решается как задача линейного программирования (HiGHS).

Связи: результат «Построить маршруты по автодорогам и железной дороге» (стоимость маршрута cost_t на единицу) или «Найти возможных партнёров» (тогда транспорт стоит расстояние по прямой, умноженное на стоимость по умолчанию). Недостижимые связи не учитываются; убыточные связи никогда не выбираются. Цены берутся из поля price потоков (затраты на размещение для предложения, цена закупки для спроса).

Результат: выбранные связи с геометрией, объём (в единицах предложения), поставленное количество (в единицах спроса), выгода, затраты на транспорт и переработку, предотвращённые размещение и закупка, предотвращённые выбросы CO2 и выбросы транспорта; итоги — в выходных значениях.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="85"/>
        <source>Links (routed links or candidates)</source>
        <translation>Связи (маршруты или пары-кандидаты)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="89"/>
        <source>Transport cost of links without a route cost, RUB per unit-km</source>
        <translation>Стоимость транспорта для связей без стоимости маршрута, руб. за ед.·км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="80"/>
        <source>Chosen exchanges</source>
        <translation>Выбранные обмены</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="72"/>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="96"/>
        <source>Solving the allocation</source>
        <translation>Решение задачи распределения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="13"/>
        <source>Industrial symbiosis: benefits of the chosen exchanges</source>
        <translation>Промышленный симбиоз: выгоды выбранных обменов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="15"/>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="16"/>
        <source>Industrial nodes</source>
        <translation>Промышленные узлы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="76"/>
        <source>Material balance by node</source>
        <translation>Материальный баланс по узлам</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="19"/>
        <source>Symbiosis network</source>
        <translation>Сеть симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="20"/>
        <source>Net money by node, million RUB per year</source>
        <translation>Чистый денежный эффект по узлам, млн руб. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="24"/>
        <source>Clusters (connected groups of enterprises)</source>
        <translation>Кластеры (связанные группы предприятий)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="25"/>
        <source>Closed loops</source>
        <translation>Замкнутые циклы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="26"/>
        <source>Anchor tenants (exchanges broken if removed)</source>
        <translation>Якорные предприятия (сколько обменов прервётся без них)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="27"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="28"/>
        <source>Generated on {date} by symbiosis_qgis</source>
        <translation>Сформировано {date} модулем symbiosis_qgis</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="29"/>
        <source>exchanged</source>
        <translation>передано</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="30"/>
        <source>left for disposal</source>
        <translation>оставлено для размещения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="34"/>
        <source>Id</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="35"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="36"/>
        <source>Node</source>
        <translation>Узел</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="37"/>
        <source>Sector</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="39"/>
        <source>Exchanges</source>
        <translation>Обмены</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="40"/>
        <source>Diverted from dumps, t/yr</source>
        <translation>Не направлено в отвалы, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="41"/>
        <source>Primary material replaced, t/yr</source>
        <translation>Замещено первичного сырья, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="42"/>
        <source>Transport, t-km/yr</source>
        <translation>Транспортная работа, т·км/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="43"/>
        <source>CO2 avoided, t/yr</source>
        <translation>Предотвращено CO2, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="44"/>
        <source>CO2 of transport, t/yr</source>
        <translation>CO2 транспорта, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="45"/>
        <source>Net CO2 avoided, t/yr</source>
        <translation>Чистое предотвращение CO2, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="46"/>
        <source>Net money, RUB/yr</source>
        <translation>Чистый денежный эффект, руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="47"/>
        <source>Cluster</source>
        <translation>Кластер</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="48"/>
        <source>Anchor rank</source>
        <translation>Ранг якорного предприятия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="49"/>
        <source>Exchanges broken</source>
        <translation>Прерванных обменов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="153"/>
        <source>Material</source>
        <translation>Материал</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="150"/>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="52"/>
        <source>Generated</source>
        <translation>Образуется</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/sankey_widget.py" line="39"/>
        <source>Left for disposal</source>
        <translation>Остаётся для размещения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="51"/>
        <source>Assess benefits</source>
        <translation>Оценить выгоды</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="54"/>
        <source>From the chosen exchanges (the output of &apos;Optimise exchanges&apos;): per enterprise, per industrial node and for the region, tonnes diverted from dumps, primary raw material replaced, transport tonne-km, CO2 avoided net of transport CO2 and net money; a material balance per node (generated, exchanged, left for disposal); and the symbiosis network read as a graph: clusters of connected enterprises, closed loops, and the anchor tenants whose removal would break most exchanges.

Money is attributed as it arises: the supplier keeps the avoided disposal less pre-processing; the consumer keeps the avoided purchase less transport. Tonnes count flows in t/yr only. The HTML report holds the tables and charts, ready to print.</source>
        <translation>По выбранным обменам (результат «Оптимизировать обмены»): по предприятиям, промышленным узлам и региону — тонны, не направленные в отвалы, замещённое первичное сырьё, транспортная работа в т·км, предотвращённые выбросы CO2 за вычетом выбросов транспорта и чистый денежный эффект; материальный баланс по узлам (образуется, передаётся, остаётся для размещения); сеть симбиоза как граф: кластеры связанных предприятий, замкнутые циклы и якорные предприятия, без которых прервётся больше всего обменов.

Деньги распределяются там, где возникают: поставщику — предотвращённые затраты на размещение за вычетом переработки; потребителю — предотвращённая закупка за вычетом транспорта. Тонны считаются только для потоков в т/год. HTML-отчёт содержит таблицы и диаграммы, готовые к печати.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="71"/>
        <source>Benefits by enterprise</source>
        <translation>Выгоды по предприятиям</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="74"/>
        <source>Benefits by industrial node</source>
        <translation>Выгоды по промышленным узлам</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="78"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="78"/>
        <source>HTML files (*.html)</source>
        <translation>Файлы HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="82"/>
        <source>Clusters</source>
        <translation>Кластеры</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="95"/>
        <source>Assessing</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="120"/>
        <source>Net money {0:,.0f} RUB/yr, net CO2 avoided {1:,.0f} t/yr, {2} clusters</source>
        <translation>Чистый денежный эффект {0:,.0f} руб./год, чистое предотвращение CO2 {1:,.0f} т/год, кластеров: {2}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="43"/>
        <source>Compare policy scenarios</source>
        <translation>Сравнить сценарии политики</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="46"/>
        <source>Runs &apos;Optimise exchanges&apos; once per scenario and compares each with the first (the baseline): viable exchanges, tonnes, net benefit, CO2 avoided, and the deltas.

A scenario table (default: resources/policy_scenarios.csv; pass your own CSV with the same columns) describes the instruments: quota_share and quota_materials (green public procurement: a share of the demand for these materials must be secondary material, where supply allows); processing_cofinance (share of pre-processing facilities and pipelines paid by regional support); disposal_fee_delta (RUB per tonne added to the disposal fee); rail_discount (share off the rail part of route costs).</source>
        <translation>Выполняет «Оптимизировать обмены» для каждого сценария и сравнивает с первым (базовым): число выгодных обменов, тонны, чистая выгода, предотвращённые выбросы CO2 и их изменения.

Таблица сценариев (по умолчанию resources/policy_scenarios.csv; можно указать свой CSV с теми же столбцами) описывает инструменты: quota_share и quota_materials (зелёные госзакупки: доля спроса на эти материалы, покрываемая вторичным сырьём, где хватает предложения); processing_cofinance (доля затрат на установки переработки и трубопроводы, оплачиваемая региональной поддержкой); disposal_fee_delta (руб. за тонну к плате за размещение); rail_discount (скидка на железнодорожную часть стоимости маршрута).</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="62"/>
        <source>Scenario table (default: bundled scenarios)</source>
        <translation>Таблица сценариев (по умолчанию: встроенная)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="66"/>
        <source>Scenario comparison</source>
        <translation>Сравнение сценариев</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="84"/>
        <source>Scenario table: {}</source>
        <translation>Таблица сценариев: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="96"/>
        <source>{0}: {1} exchanges, net benefit {2:,.0f} RUB/yr ({3:+,.0f})</source>
        <translation>{0}: обменов {1}, чистая выгода {2:,.0f} руб./год ({3:+,.0f})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="21"/>
        <source>Share exchanged and left for disposal by material (t/yr flows), %; labels: generated, kt per year</source>
        <translation>Доля переданного и оставленного для размещения по материалам (потоки в т/год), %; подписи: образуется, тыс. т в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="53"/>
        <source>Exchanged</source>
        <translation>Передано</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/diagram.py" line="28"/>
        <source>less than 10 thousand per year</source>
        <translation>менее 10 тыс. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/diagram.py" line="29"/>
        <source>10 to 50 thousand per year</source>
        <translation>от 10 до 50 тыс. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/diagram.py" line="30"/>
        <source>50 to 200 thousand per year</source>
        <translation>от 50 до 200 тыс. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/diagram.py" line="31"/>
        <source>200 thousand to 1 million per year</source>
        <translation>от 200 тыс. до 1 млн в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/diagram.py" line="32"/>
        <source>over 1 million per year</source>
        <translation>более 1 млн в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/diagram.py" line="35"/>
        <source>Mines</source>
        <translation>Шахты, разрезы, рудники</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/diagram.py" line="35"/>
        <source>Power and heat plants</source>
        <translation>Электростанции и котельные</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="15"/>
        <source>Iron and steel</source>
        <translation>Чёрная металлургия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/diagram.py" line="37"/>
        <source>Chemicals and coke</source>
        <translation>Химия и коксохимия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/diagram.py" line="38"/>
        <source>Building materials</source>
        <translation>Стройматериалы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="21"/>
        <source>Road construction</source>
        <translation>Дорожное строительство</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="23"/>
        <source>Land reclamation</source>
        <translation>Рекультивация земель</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="24"/>
        <source>Greenhouses</source>
        <translation>Тепличные комбинаты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="24"/>
        <source>District heating</source>
        <translation>Теплоснабжение</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="25"/>
        <source>Other</source>
        <translation>Прочие</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="69"/>
        <source>Draw symbiosis diagram</source>
        <translation>Нарисовать схему симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="19"/>
        <source>Maps</source>
        <translation>Карты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="86"/>
        <source>Links (exchanges, routed links or candidates)</source>
        <translation>Связи (обмены, маршруты или пары-кандидаты)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="90"/>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="90"/>
        <source>Geographic</source>
        <translation>Географический</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="90"/>
        <source>Schematic</source>
        <translation>Схематический</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="92"/>
        <source>Label language</source>
        <translation>Язык подписей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="92"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="92"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="95"/>
        <source>Schematic spacing between enterprises, m</source>
        <translation>Интервал между предприятиями на схеме, м</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="128"/>
        <source>Symbiosis arrows</source>
        <translation>Стрелки симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="130"/>
        <source>Symbiosis enterprises</source>
        <translation>Предприятия симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="134"/>
        <source>{0} arrows between {1} enterprises</source>
        <translation>Стрелок: {0}, предприятий: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="72"/>
        <source>Draws the symbiosis network on the map: a curved arrow from each waste&apos;s source to its user (width by tonnage class, colour by material category, labelled with material and quantity) and a symbol for each enterprise (icon by sector, size by throughput, labelled with its name).

Links: chosen exchanges, routed links or candidates (tonnage, else potential, gives the width). Geographic mode draws between the real positions; schematic mode spreads the enterprises of a dense node at least Spacing apart, each as near its real position as it can, so every arrow is readable. Flows between the same two enterprises bend apart; opposite flows bend to opposite sides. Labels in Russian or English. Industrial nodes, when given, keep the exchanges with both ends in those nodes. Both outputs load styled, also inside a model.</source>
        <translation>Рисует сеть симбиоза на карте: изогнутую стрелку от источника каждого отхода к его потребителю (толщина по классу объёма, цвет по категории материала, подпись — материал и количество) и знак каждого предприятия (значок по отрасли, размер по обороту, подпись — название).

Связи: выбранные обмены, маршруты или пары-кандидаты (толщину задаёт tonnage, иначе potential). Географический режим рисует между реальными положениями; схематический раздвигает предприятия плотного узла не ближе «Интервала», каждое как можно ближе к реальному положению, чтобы все стрелки читались. Потоки между одними и теми же предприятиями изгибаются в разные стороны; встречные — по разные стороны. Подписи на русском или английском. Если заданы промышленные узлы, остаются обмены, оба конца которых в этих узлах. Оба результата загружаются со стилями, в том числе внутри модели.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="98"/>
        <source>Only exchanges within these industrial nodes (comma-separated)</source>
        <translation>Только обмены внутри этих промышленных узлов (через запятую)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="93"/>
        <source>The layout template has no item &apos;{}&apos;</source>
        <translation>В шаблоне макета нет элемента «{}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="114"/>
        <source>Export symbiosis map</source>
        <translation>Экспортировать карту симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="117"/>
        <source>Builds a print layout of the symbiosis diagram from a template (A4 or A3 landscape): the map, a title, a legend (material colours and tonnage width classes), a scale bar, a north arrow, a table of the exchanges, the data sources and the date; exports it to PDF and PNG. Runs headless (qgis_process). The layout is also added to the project, so it can be edited before printing.

Arrows and enterprises: the outputs of &apos;Draw symbiosis diagram&apos; (styled for print if they are not already). Background layers (roads, rails...) are drawn beneath.</source>
        <translation>Строит макет печати схемы симбиоза по шаблону (A4 или A3, альбомная): карта, заголовок, легенда (цвета материалов и классы толщины по объёму), масштабная линейка, стрелка севера, таблица обменов, источники данных и дата; экспортирует в PDF и PNG. Работает без интерфейса (qgis_process). Макет также добавляется в проект, чтобы его можно было отредактировать перед печатью.

Стрелки и предприятия: результаты «Нарисовать схему симбиоза» (оформляются для печати, если ещё не оформлены). Фоновые слои (дороги, железные дороги...) рисуются ниже.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="132"/>
        <source>Background layers</source>
        <translation>Фоновые слои</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="135"/>
        <source>Page</source>
        <translation>Лист</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="135"/>
        <source>A4 landscape</source>
        <translation>A4 альбомная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="135"/>
        <source>A3 landscape</source>
        <translation>A3 альбомная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="138"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="138"/>
        <source>Potential symbiosis links of the industrial node</source>
        <translation>Потенциальные связи симбиоза промышленного узла</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="141"/>
        <source>Add the layout to the project</source>
        <translation>Добавить макет в проект</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="143"/>
        <source>Map (PDF)</source>
        <translation>Карта (PDF)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="143"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="145"/>
        <source>Map (PNG)</source>
        <translation>Карта (PNG)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="145"/>
        <source>PNG files (*.png)</source>
        <translation>Файлы PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="170"/>
        <source>Could not write the PDF {}</source>
        <translation>Не удалось записать PDF {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="177"/>
        <source>Could not write the PNG {}</source>
        <translation>Не удалось записать PNG {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="196"/>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="208"/>
        <source>Data: Global Energy Monitor trackers (CC BY 4.0), derived flows and schematic network of the symbiosis_qgis sample data; exchanges computed by symbiosis_qgis. Date: {}</source>
        <translation>Данные: трекеры Global Energy Monitor (CC BY 4.0), расчётные потоки и схематическая сеть из примера данных symbiosis_qgis; обмены рассчитаны symbiosis_qgis. Дата: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="223"/>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="223"/>
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="224"/>
        <source>Material and quantity</source>
        <translation>Материал и количество</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="39"/>
        <source>Flow balance</source>
        <translation>Баланс потоков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="53"/>
        <source>Industrial node</source>
        <translation>Промышленный узел</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="62"/>
        <source>Export PNG…</source>
        <translation>Экспорт PNG…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="63"/>
        <source>Export SVG…</source>
        <translation>Экспорт SVG…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="95"/>
        <source>Whole region</source>
        <translation>Весь регион</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="115"/>
        <source>Choose an enterprise layer and a flow table (a layer may have been removed).</source>
        <translation>Выберите слой предприятий и таблицу потоков (слой мог быть удалён).</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="124"/>
        <source>The layers lack the field(s): {}</source>
        <translation>В слоях нет полей: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="134"/>
        <source>{0} thousand t/yr generated; hover a band for its tonnage.</source>
        <translation>Образуется {0} тыс. т/год; наведите курсор на полосу, чтобы увидеть объём.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="148"/>
        <source>Export the flow balance</source>
        <translation>Экспорт баланса потоков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="11"/>
        <source>Open-pit coal mines</source>
        <translation>Угольные разрезы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="12"/>
        <source>Underground coal mines</source>
        <translation>Угольные шахты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="13"/>
        <source>Coal power plants</source>
        <translation>Угольные электростанции</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="14"/>
        <source>Boiler houses</source>
        <translation>Котельные</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="16"/>
        <source>Iron ore mines</source>
        <translation>Железорудные рудники</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="17"/>
        <source>Cement</source>
        <translation>Цемент</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="18"/>
        <source>Chemicals</source>
        <translation>Химия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="19"/>
        <source>Concrete</source>
        <translation>Бетон</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="19"/>
        <source>Construction materials</source>
        <translation>Стройматериалы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="21"/>
        <source>Bricks and ceramics</source>
        <translation>Кирпич и керамика</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="38"/>
        <source>Symbiosis explorer</source>
        <translation>Обзор симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="123"/>
        <source>Pick on map</source>
        <translation>Выбрать на карте</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="125"/>
        <source>Enterprise</source>
        <translation>Предприятие</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="132"/>
        <source>All materials</source>
        <translation>Все материалы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="140"/>
        <source>Minimum quantity</source>
        <translation>Минимальное количество</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="150"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="150"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="153"/>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="153"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="151"/>
        <source>Distance, km</source>
        <translation>Расстояние, км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="151"/>
        <source>Potential</source>
        <translation>Потенциал</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="153"/>
        <source>Tonnage</source>
        <translation>Объём</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="153"/>
        <source>Benefit, RUB/yr</source>
        <translation>Выгода, руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="155"/>
        <source>Supplies and demands</source>
        <translation>Предложение и спрос</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="156"/>
        <source>Candidate partners</source>
        <translation>Возможные партнёры</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="161"/>
        <source>Zoom to selection</source>
        <translation>Приблизить к выбранному</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="162"/>
        <source>Run analysis</source>
        <translation>Запустить анализ</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="163"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="231"/>
        <source>All nodes</source>
        <translation>Все узлы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="296"/>
        <source>Choose an enterprise layer (it may have been removed).</source>
        <translation>Выберите слой предприятий (он мог быть удалён).</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="299"/>
        <source>The enterprise layer has no ent_id field.</source>
        <translation>В слое предприятий нет поля ent_id.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="303"/>
        <source>Choose an enterprise in the list or on the map.</source>
        <translation>Выберите предприятие в списке или на карте.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="324"/>
        <source>{0}: {1} flows, {2} candidate partners, {3} exchanges</source>
        <translation>{0}: потоков {1}, возможных партнёров {2}, обменов {3}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="343"/>
        <source>supplies</source>
        <translation>поставляет</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="343"/>
        <source>receives</source>
        <translation>получает</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="413"/>
        <source>Choose an enterprise layer and a flow table first.</source>
        <translation>Сначала выберите слой предприятий и таблицу потоков.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="437"/>
        <source>Analysis running…</source>
        <translation>Идёт анализ…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="450"/>
        <source>Analysis failed: {}</source>
        <translation>Анализ не удался: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="450"/>
        <source>Analysis canceled.</source>
        <translation>Анализ отменён.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="456"/>
        <source>{0} candidates, {1} exchanges, net benefit {2:,.0f} RUB/yr</source>
        <translation>Пар-кандидатов {0}, обменов {1}, чистая выгода {2:,.0f} руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/pipeline_task.py" line="30"/>
        <source>Industrial symbiosis analysis</source>
        <translation>Анализ промышленного симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/results.py" line="74"/>
        <source>Symbiosis analysis</source>
        <translation>Анализ симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/sankey_widget.py" line="17"/>
        <source>{0} thousand t/yr</source>
        <translation>{0} тыс. т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/sankey_widget.py" line="53"/>
        <source>No flows to show</source>
        <translation>Нет потоков для отображения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="315"/>
        <source>supply</source>
        <translation>предложение</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="315"/>
        <source>demand</source>
        <translation>спрос</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="46"/>
        <source>All but mining rock</source>
        <translation>Все, кроме горных пород</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="54"/>
        <source>Materials</source>
        <translation>Материалы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="99"/>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="12"/>
        <source>Coal mine, open pit</source>
        <translation>Угольный разрез</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="13"/>
        <source>Coal mine, underground</source>
        <translation>Угольная шахта</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="14"/>
        <source>Coal power plant</source>
        <translation>Угольная электростанция</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="15"/>
        <source>Iron and steel works</source>
        <translation>Металлургический комбинат</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="16"/>
        <source>Iron ore mine</source>
        <translation>Железорудный рудник</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="16"/>
        <source>Cement plant</source>
        <translation>Цементный завод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="17"/>
        <source>Chemical plant</source>
        <translation>Химический завод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="18"/>
        <source>Concrete plant</source>
        <translation>Бетонный завод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="20"/>
        <source>Brick and ceramics plant</source>
        <translation>Кирпичный и керамический завод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="22"/>
        <source>Land reclamation site</source>
        <translation>Участок рекультивации</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="23"/>
        <source>Greenhouse complex</source>
        <translation>Тепличный комбинат</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="25"/>
        <source>Boiler house</source>
        <translation>Котельная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="26"/>
        <source>trunk</source>
        <translation>магистральная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="26"/>
        <source>primary</source>
        <translation>основная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="27"/>
        <source>secondary</source>
        <translation>второстепенная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="200"/>
        <source>Shortest paths: compiled engine (numba)</source>
        <translation>Кратчайшие пути: компилированный движок (numba)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="202"/>
        <source>Shortest paths: scipy engine. Installing numba in QGIS&apos;s Python makes routing about three times faster</source>
        <translation>Кратчайшие пути: движок scipy. Если установить numba в Python QGIS, маршрутизация станет примерно втрое быстрее</translation>
    </message>
</context>
</TS>
