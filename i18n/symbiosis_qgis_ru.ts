<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="35"/>
        <source>Required field &apos;{field}&apos; is missing</source>
        <translation>Отсутствует обязательное поле «{field}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="36"/>
        <source>Field &apos;{field}&apos; is missing (recommended: names in Russian)</source>
        <translation>Отсутствует поле «{field}» (рекомендуется: названия на русском)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="39"/>
        <source>Empty identifier in &apos;{field}&apos;</source>
        <translation>Пустой идентификатор в поле «{field}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="40"/>
        <source>Identifier &apos;{value}&apos; is used by {count} features</source>
        <translation>Идентификатор «{value}» встречается у {count} объектов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="43"/>
        <source>Feature has no geometry</source>
        <translation>У объекта нет геометрии</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="44"/>
        <source>Feature has an empty geometry</source>
        <translation>У объекта пустая геометрия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="50"/>
        <source>Flow refers to unknown enterprise &apos;{value}&apos;</source>
        <translation>Поток ссылается на неизвестное предприятие «{value}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="53"/>
        <source>Direction &apos;{value}&apos; is neither &apos;supply&apos; nor &apos;demand&apos;</source>
        <translation>Направление «{value}» не равно ни «supply» (предложение), ни «demand» (спрос)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="40"/>
        <source>Material &apos;{value}&apos; is not in the material catalogue</source>
        <translation>Материала «{value}» нет в каталоге материалов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="54"/>
        <source>Unit &apos;{value}&apos; is unknown (known units: {known})</source>
        <translation>Неизвестная единица «{value}» (известные единицы: {known})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="67"/>
        <source>Quantity &apos;{value}&apos; is not a number</source>
        <translation>Количество «{value}» не является числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="68"/>
        <source>Quantity {value} is negative</source>
        <translation>Количество {value} отрицательно</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="69"/>
        <source>Quantity is zero</source>
        <translation>Количество равно нулю</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="70"/>
        <source>Price &apos;{value}&apos; is not a number</source>
        <translation>Цена «{value}» не является числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="71"/>
        <source>Sector &apos;{value}&apos; is not one of the catalogue sectors</source>
        <translation>Отрасль «{value}» не входит в список отраслей каталога</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="74"/>
        <source>No catalogue rule lets another enterprise in the data use supply of &apos;{value}&apos;</source>
        <translation>Ни одно правило каталога не позволяет другому предприятию из данных использовать предложение «{value}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="82"/>
        <source>Substitution ratio &apos;{value}&apos; must be a positive number</source>
        <translation>Коэффициент замещения «{value}» должен быть положительным числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="85"/>
        <source>Rule refers to material &apos;{value}&apos; that is not in the material catalogue</source>
        <translation>Правило ссылается на материал «{value}», которого нет в каталоге материалов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="42"/>
        <source>&amp;Industrial symbiosis</source>
        <translation>&amp;Промышленный симбиоз</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="50"/>
        <source>Validate symbiosis data…</source>
        <translation>Проверить данные симбиоза…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="51"/>
        <source>Load Kuzbass sample data</source>
        <translation>Загрузить пример данных по Кузбассу</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="101"/>
        <source>Could not read the input layer</source>
        <translation>Не удалось прочитать входной слой</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/provider.py" line="54"/>
        <source>Industrial symbiosis</source>
        <translation>Промышленный симбиоз</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="51"/>
        <source>Validate symbiosis data</source>
        <translation>Проверить данные симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="29"/>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="13"/>
        <source>Enterprises</source>
        <translation>Предприятия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="15"/>
        <source>Flows (supplies and demands)</source>
        <translation>Потоки (предложение и спрос)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="205"/>
        <source>Synergy rules (default: bundled catalogue)</source>
        <translation>Правила синергии (по умолчанию: встроенный каталог)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="76"/>
        <source>Validation report</source>
        <translation>Отчёт о проверке</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="81"/>
        <source>Number of errors</source>
        <translation>Число ошибок</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="82"/>
        <source>Number of warnings</source>
        <translation>Число предупреждений</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="144"/>
        <source>{0} errors, {1} warnings</source>
        <translation>Ошибок: {0}, предупреждений: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="50"/>
        <source>Kuzbass sample data</source>
        <translation>Пример данных: Кузбасс</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="152"/>
        <source>Ash and slag</source>
        <translation>Золошлаковые отходы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="153"/>
        <source>Metallurgical slag</source>
        <translation>Металлургические шлаки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="154"/>
        <source>Mining rock</source>
        <translation>Горные породы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="155"/>
        <source>Coal waste</source>
        <translation>Отходы углеобогащения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="156"/>
        <source>Fuel</source>
        <translation>Топливо</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="157"/>
        <source>Gas</source>
        <translation>Газ</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="158"/>
        <source>Heat</source>
        <translation>Тепло</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="159"/>
        <source>Water</source>
        <translation>Вода</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="120"/>
        <source>Find partner candidates</source>
        <translation>Найти возможных партнёров</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="29"/>
        <source>Analysis</source>
        <translation>Анализ</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="152"/>
        <source>Distance (overrides every rule&apos;s radius)</source>
        <translation>Расстояние (заменяет радиус всех правил)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="161"/>
        <source>Supply material categories (all when none chosen)</source>
        <translation>Категории материалов предложения (все, если не выбраны)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="170"/>
        <source>Industrial nodes, comma-separated (all when empty)</source>
        <translation>Промышленные узлы через запятую (все, если пусто)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="175"/>
        <source>Allow internal reuse (an enterprise as its own partner)</source>
        <translation>Разрешить внутреннее использование (предприятие — собственный партнёр)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Partner candidates</source>
        <translation>Возможные партнёры</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="435"/>
        <source>Reach of suppliers</source>
        <translation>Досягаемость поставщиков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="196"/>
        <source>Number of candidates</source>
        <translation>Число пар-кандидатов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="204"/>
        <source>The enterprise layer has a geographic CRS: Distance is read in degrees. Use a projected layer to give it in metres.</source>
        <translation>У слоя предприятий географическая СК: «Расстояние» читается в градусах. Чтобы задать его в метрах, используйте слой в проекции.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="240"/>
        <source>Reading enterprises and flows</source>
        <translation>Чтение предприятий и потоков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="247"/>
        <source>Searching partners within reach</source>
        <translation>Поиск партнёров в пределах досягаемости</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="268"/>
        <source>Writing candidates</source>
        <translation>Запись пар-кандидатов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="283"/>
        <source>{0} partner candidates</source>
        <translation>Пар-кандидатов: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="344"/>
        <source>{0} enterprises without geometry were skipped</source>
        <translation>Пропущено предприятий без геометрии: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="350"/>
        <source>{0} flows of unknown enterprises were skipped</source>
        <translation>Пропущено потоков неизвестных предприятий: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="356"/>
        <source>{0} flows with a missing, zero or negative quantity were skipped</source>
        <translation>Пропущено потоков с отсутствующим, нулевым или отрицательным количеством: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="362"/>
        <source>{0} pairs were skipped: their units do not convert to the rule&apos;s</source>
        <translation>Пропущено пар: {0} — их единицы не приводятся к единицам правила</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="243"/>
        <source>Layer &apos;{layer}&apos; lacks the required field(s): {fields}</source>
        <translation>В слое «{layer}» нет обязательных полей: {fields}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="31"/>
        <source>too far from the network</source>
        <translation>слишком далеко от сети</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="32"/>
        <source>disconnected part of the network</source>
        <translation>несвязная часть сети</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="33"/>
        <source>beyond MAX_DISTANCE</source>
        <translation>дальше MAX_DISTANCE</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="34"/>
        <source>enterprise unknown or without location</source>
        <translation>предприятие неизвестно или без местоположения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="35"/>
        <source>canceled before it was routed</source>
        <translation>отменено до построения маршрута</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="36"/>
        <source>moves by pipeline or heat main: not routed over roads or rail</source>
        <translation>перемещается по трубопроводу или теплотрассе: маршрут по дорогам не строится</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="116"/>
        <source>Route candidates over road and rail</source>
        <translation>Построить маршруты по автодорогам и железной дороге</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="139"/>
        <source>Candidates (supply_ent, demand_ent)</source>
        <translation>Пары-кандидаты (supply_ent, demand_ent)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="18"/>
        <source>Roads</source>
        <translation>Автодороги</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="17"/>
        <source>Railways</source>
        <translation>Железные дороги</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="16"/>
        <source>Road-rail terminals</source>
        <translation>Терминалы перевалки авто–ж/д</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="234"/>
        <source>Road tariff, RUB per t-km</source>
        <translation>Автомобильный тариф, руб. за т·км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="235"/>
        <source>Rail tariff, RUB per t-km</source>
        <translation>Железнодорожный тариф, руб. за т·км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="236"/>
        <source>Handling at each road-rail transfer, RUB per t</source>
        <translation>Перевалка на каждом терминале, руб. за т</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="188"/>
        <source>Road class field (OSM &apos;highway&apos; is used when present)</source>
        <translation>Поле класса дороги (если есть, используется OSM «highway»)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="196"/>
        <source>Road tariff per class, e.g. trunk=5.4, track=11</source>
        <translation>Тариф по классам дорог, например trunk=5.4, track=11</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="203"/>
        <source>Maximum network distance, km</source>
        <translation>Максимальное расстояние по сети, км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="212"/>
        <source>Snap tolerance: enterprise to road, m</source>
        <translation>Допуск привязки предприятия к дороге, м</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="221"/>
        <source>Merge vertices closer than, m (0: shared vertices only)</source>
        <translation>Объединять вершины ближе, м (0: только общие вершины)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Routed links</source>
        <translation>Маршруты связей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="235"/>
        <source>Candidates routed</source>
        <translation>Пар с маршрутом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="236"/>
        <source>Candidates unreachable</source>
        <translation>Недостижимых пар</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="244"/>
        <source>Candidates</source>
        <translation>Пары-кандидаты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="263"/>
        <source>Road tariff per class: {}</source>
        <translation>Тариф по классам дорог: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="268"/>
        <source>Reading the network</source>
        <translation>Чтение сети</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="433"/>
        <source>The road layer has no usable lines</source>
        <translation>В слое автодорог нет пригодных линий</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="281"/>
        <source>Building the graph</source>
        <translation>Построение графа</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="441"/>
        <source>Graph: {0} nodes, {1} edges, {2} terminals linked</source>
        <translation>Граф: узлов {0}, рёбер {1}, подключено терминалов {2}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="313"/>
        <source>Routing</source>
        <translation>Построение маршрутов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="449"/>
        <source>{0} candidates routed, {1} unreachable</source>
        <translation>Пар с маршрутом: {0}, недостижимых: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="47"/>
        <source>Links lack the column(s): {columns}</source>
        <translation>В связях нет столбцов: {columns}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="53"/>
        <source>The allocation is infeasible: {detail}</source>
        <translation>Задача распределения несовместна: {detail}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="54"/>
        <source>The solver stopped: {detail}</source>
        <translation>Решатель остановился: {detail}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="40"/>
        <source>Number of exchanges chosen</source>
        <translation>Число выбранных обменов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="41"/>
        <source>Tonnes per year exchanged (flows in t/yr)</source>
        <translation>Тонн в год в обменах (потоки в т/год)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="42"/>
        <source>Net benefit, RUB per year</source>
        <translation>Чистая выгода, руб. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="43"/>
        <source>CO2 avoided, t per year (before transport)</source>
        <translation>Предотвращённые выбросы CO2, т в год (без учёта транспорта)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="44"/>
        <source>CO2 of transport, t per year</source>
        <translation>Выбросы CO2 транспорта, т в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="59"/>
        <source>Optimise exchanges</source>
        <translation>Оптимизировать обмены</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="62"/>
        <source>Chooses how much to move on each link so that the region&apos;s net benefit is largest: avoided disposal cost at the supplier + avoided purchase of primary material at the consumer (times the substitution ratio) - transport cost - pre-processing cost, without exceeding any supply or any demand. Solved as a linear programme (HiGHS).

Links: the output of &apos;Route candidates over road and rail&apos; (route cost cost_t per unit) or of &apos;Find partner candidates&apos; (then transport costs the straight distance times the default cost). Unreachable links are ignored; links that lose money are never chosen. Prices come from the flows&apos; price field (disposal cost of a supply, purchase price of a demand).

Output: the chosen links with their geometry, tonnage (in the supply&apos;s unit), delivered quantity (in the demand&apos;s unit), benefit, transport and processing costs, avoided disposal and purchase, CO2 avoided and CO2 of transport; result values give the totals.</source>
        <translation>Выбирает объём перевозки по каждой связи так, чтобы чистая выгода региона была наибольшей: предотвращённые затраты на размещение отходов у поставщика + предотвращённая закупка первичного сырья у потребителя (с учётом коэффициента замещения) − транспорт − предварительная переработка, не превышая ни одного предложения и ни одного спроса. Решается как задача линейного программирования (HiGHS).

Связи: результат «Построить маршруты по автодорогам и железной дороге» (стоимость маршрута cost_t на единицу) или «Найти возможных партнёров» (тогда транспорт стоит расстояние по прямой, умноженное на стоимость по умолчанию). Недостижимые связи не учитываются; убыточные связи никогда не выбираются. Цены берутся из поля price потоков (затраты на размещение для предложения, цена закупки для спроса).

Результат: выбранные связи с геометрией, объём (в единицах предложения), поставленное количество (в единицах спроса), выгода, затраты на транспорт и переработку, предотвращённые размещение и закупка, предотвращённые выбросы CO2 и выбросы транспорта; итоги — в выходных значениях.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="235"/>
        <source>Links (routed links or candidates)</source>
        <translation>Связи (маршруты или пары-кандидаты)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="242"/>
        <source>Transport cost of links without a route cost, RUB per unit-km</source>
        <translation>Стоимость транспорта для связей без стоимости маршрута, руб. за ед.·км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Chosen exchanges</source>
        <translation>Выбранные обмены</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="110"/>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="117"/>
        <source>Solving the allocation</source>
        <translation>Решение задачи распределения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="22"/>
        <source>Industrial symbiosis: benefits of the chosen exchanges</source>
        <translation>Промышленный симбиоз: выгоды выбранных обменов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="25"/>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="26"/>
        <source>Industrial nodes</source>
        <translation>Промышленные узлы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Material balance by node</source>
        <translation>Материальный баланс по узлам</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="29"/>
        <source>Symbiosis network</source>
        <translation>Сеть симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="30"/>
        <source>Net money by node, million RUB per year</source>
        <translation>Чистый денежный эффект по узлам, млн руб. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="36"/>
        <source>Clusters (connected groups of enterprises)</source>
        <translation>Кластеры (связанные группы предприятий)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="37"/>
        <source>Closed loops</source>
        <translation>Замкнутые циклы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="38"/>
        <source>Anchor tenants (exchanges broken if removed)</source>
        <translation>Якорные предприятия (сколько обменов прервётся без них)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="39"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="40"/>
        <source>Generated on {date} by symbiosis_qgis</source>
        <translation>Сформировано {date} модулем symbiosis_qgis</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="41"/>
        <source>exchanged</source>
        <translation>передано</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="42"/>
        <source>left for disposal</source>
        <translation>оставлено для размещения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="138"/>
        <source>Id</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="52"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="53"/>
        <source>Node</source>
        <translation>Узел</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="54"/>
        <source>Sector</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="56"/>
        <source>Exchanges</source>
        <translation>Обмены</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="57"/>
        <source>Diverted from dumps, t/yr</source>
        <translation>Не направлено в отвалы, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="58"/>
        <source>Primary material replaced, t/yr</source>
        <translation>Замещено первичного сырья, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="59"/>
        <source>Transport, t-km/yr</source>
        <translation>Транспортная работа, т·км/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="60"/>
        <source>CO2 avoided, t/yr</source>
        <translation>Предотвращено CO2, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="61"/>
        <source>CO2 of transport, t/yr</source>
        <translation>CO2 транспорта, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="62"/>
        <source>Net CO2 avoided, t/yr</source>
        <translation>Чистое предотвращение CO2, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="63"/>
        <source>Net money, RUB/yr</source>
        <translation>Чистый денежный эффект, руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="64"/>
        <source>Cluster</source>
        <translation>Кластер</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="65"/>
        <source>Anchor rank</source>
        <translation>Ранг якорного предприятия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="66"/>
        <source>Exchanges broken</source>
        <translation>Прерванных обменов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="57"/>
        <source>Material</source>
        <translation>Материал</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="185"/>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="69"/>
        <source>Generated</source>
        <translation>Образуется</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/sankey_widget.py" line="58"/>
        <source>Left for disposal</source>
        <translation>Остаётся для размещения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="84"/>
        <source>Assess benefits</source>
        <translation>Оценить выгоды</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="87"/>
        <source>From the chosen exchanges (the output of &apos;Optimise exchanges&apos;): per enterprise, per industrial node and for the region, tonnes diverted from dumps, primary raw material replaced, transport tonne-km, CO2 avoided net of transport CO2 and net money; a material balance per node (generated, exchanged, left for disposal); and the symbiosis network read as a graph: clusters of connected enterprises, closed loops, and the anchor tenants whose removal would break most exchanges.

Money is attributed as it arises: the supplier keeps the avoided disposal less pre-processing; the consumer keeps the avoided purchase less transport. Tonnes count flows in t/yr only. The HTML report holds the tables and charts, ready to print.</source>
        <translation>По выбранным обменам (результат «Оптимизировать обмены»): по предприятиям, промышленным узлам и региону — тонны, не направленные в отвалы, замещённое первичное сырьё, транспортная работа в т·км, предотвращённые выбросы CO2 за вычетом выбросов транспорта и чистый денежный эффект; материальный баланс по узлам (образуется, передаётся, остаётся для размещения); сеть симбиоза как граф: кластеры связанных предприятий, замкнутые циклы и якорные предприятия, без которых прервётся больше всего обменов.

Деньги распределяются там, где возникают: поставщику — предотвращённые затраты на размещение за вычетом переработки; потребителю — предотвращённая закупка за вычетом транспорта. Тонны считаются только для потоков в т/год. HTML-отчёт содержит таблицы и диаграммы, готовые к печати.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Benefits by enterprise</source>
        <translation>Выгоды по предприятиям</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Benefits by industrial node</source>
        <translation>Выгоды по промышленным узлам</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="200"/>
        <source>HTML files (*.html)</source>
        <translation>Файлы HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="140"/>
        <source>Clusters</source>
        <translation>Кластеры</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="178"/>
        <source>Assessing</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="61"/>
        <source>Compare policy scenarios</source>
        <translation>Сравнить сценарии политики</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="83"/>
        <source>Scenario table (default: bundled scenarios)</source>
        <translation>Таблица сценариев (по умолчанию: встроенная)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="92"/>
        <source>Scenario comparison</source>
        <translation>Сравнение сценариев</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="70"/>
        <source>Exchanged</source>
        <translation>Передано</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="177"/>
        <source>less than 10 thousand per year</source>
        <translation>менее 10 тыс. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="178"/>
        <source>10 to 50 thousand per year</source>
        <translation>от 10 до 50 тыс. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="179"/>
        <source>50 to 200 thousand per year</source>
        <translation>от 50 до 200 тыс. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="180"/>
        <source>200 thousand to 1 million per year</source>
        <translation>от 200 тыс. до 1 млн в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="181"/>
        <source>over 1 million per year</source>
        <translation>более 1 млн в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="136"/>
        <source>Mines</source>
        <translation>Шахты, разрезы, рудники</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="137"/>
        <source>Power and heat plants</source>
        <translation>Электростанции и котельные</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="138"/>
        <source>Iron and steel</source>
        <translation>Чёрная металлургия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="139"/>
        <source>Chemicals and coke</source>
        <translation>Химия и коксохимия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="140"/>
        <source>Building materials</source>
        <translation>Стройматериалы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="34"/>
        <source>Road construction</source>
        <translation>Дорожное строительство</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="142"/>
        <source>Land reclamation</source>
        <translation>Рекультивация земель</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="143"/>
        <source>Greenhouses</source>
        <translation>Тепличные комбинаты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="37"/>
        <source>District heating</source>
        <translation>Теплоснабжение</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="39"/>
        <source>Other</source>
        <translation>Прочие</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="103"/>
        <source>Draw symbiosis diagram</source>
        <translation>Нарисовать схему симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="29"/>
        <source>Maps</source>
        <translation>Карты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="137"/>
        <source>Links (exchanges, routed links or candidates)</source>
        <translation>Связи (обмены, маршруты или пары-кандидаты)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="147"/>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="147"/>
        <source>Geographic</source>
        <translation>Географический</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="147"/>
        <source>Schematic</source>
        <translation>Схематический</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="152"/>
        <source>Label language</source>
        <translation>Язык подписей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="152"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="152"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="160"/>
        <source>Schematic spacing between enterprises, m</source>
        <translation>Интервал между предприятиями на схеме, м</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Symbiosis arrows</source>
        <translation>Стрелки симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Symbiosis enterprises</source>
        <translation>Предприятия симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="310"/>
        <source>{0} arrows between {1} enterprises</source>
        <translation>Стрелок: {0}, предприятий: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="169"/>
        <source>Only exchanges within these industrial nodes (comma-separated)</source>
        <translation>Только обмены внутри этих промышленных узлов (через запятую)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="126"/>
        <source>The layout template has no item &apos;{}&apos;</source>
        <translation>В шаблоне макета нет элемента «{}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="75"/>
        <source>Export symbiosis map</source>
        <translation>Экспортировать карту симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="114"/>
        <source>Background layers</source>
        <translation>Фоновые слои</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="122"/>
        <source>Page</source>
        <translation>Лист</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="122"/>
        <source>A4 landscape</source>
        <translation>A4 альбомная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="122"/>
        <source>A3 landscape</source>
        <translation>A3 альбомная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="130"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="46"/>
        <source>Potential symbiosis links of the industrial node</source>
        <translation>Потенциальные связи симбиоза промышленного узла</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="136"/>
        <source>Add the layout to the project</source>
        <translation>Добавить макет в проект</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Map (PDF)</source>
        <translation>Карта (PDF)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="141"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Map (PNG)</source>
        <translation>Карта (PNG)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="153"/>
        <source>PNG files (*.png)</source>
        <translation>Файлы PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="238"/>
        <source>Could not write the PDF {}</source>
        <translation>Не удалось записать PDF {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="248"/>
        <source>Could not write the PNG {}</source>
        <translation>Не удалось записать PNG {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="51"/>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="54"/>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="55"/>
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="56"/>
        <source>Material and quantity</source>
        <translation>Материал и количество</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="47"/>
        <source>Flow balance</source>
        <translation>Баланс потоков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="65"/>
        <source>Industrial node</source>
        <translation>Промышленный узел</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="74"/>
        <source>Export PNG…</source>
        <translation>Экспорт PNG…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="75"/>
        <source>Export SVG…</source>
        <translation>Экспорт SVG…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="211"/>
        <source>Whole region</source>
        <translation>Весь регион</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="176"/>
        <source>Choose an enterprise layer and a flow table (a layer may have been removed).</source>
        <translation>Выберите слой предприятий и таблицу потоков (слой мог быть удалён).</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="187"/>
        <source>The layers lack the field(s): {}</source>
        <translation>В слоях нет полей: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="203"/>
        <source>{0} thousand t/yr generated; hover a band for its tonnage.</source>
        <translation>Образуется {0} тыс. т/год; наведите курсор на полосу, чтобы увидеть объём.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="229"/>
        <source>Export the flow balance</source>
        <translation>Экспорт баланса потоков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="32"/>
        <source>Open-pit coal mines</source>
        <translation>Угольные разрезы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="35"/>
        <source>Underground coal mines</source>
        <translation>Угольные шахты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="44"/>
        <source>Coal power plants</source>
        <translation>Угольные электростанции</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="50"/>
        <source>Boiler houses</source>
        <translation>Котельные</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="41"/>
        <source>Iron ore mines</source>
        <translation>Железорудные рудники</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="81"/>
        <source>Cement</source>
        <translation>Цемент</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="69"/>
        <source>Chemicals</source>
        <translation>Химия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="84"/>
        <source>Concrete</source>
        <translation>Бетон</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="32"/>
        <source>Construction materials</source>
        <translation>Стройматериалы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="90"/>
        <source>Bricks and ceramics</source>
        <translation>Кирпич и керамика</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="46"/>
        <source>Symbiosis explorer</source>
        <translation>Обзор симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="162"/>
        <source>Pick on map</source>
        <translation>Выбрать на карте</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="164"/>
        <source>Enterprise</source>
        <translation>Предприятие</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="171"/>
        <source>All materials</source>
        <translation>Все материалы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="180"/>
        <source>Minimum quantity</source>
        <translation>Минимальное количество</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="194"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="184"/>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="201"/>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="201"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="198"/>
        <source>Distance, km</source>
        <translation>Расстояние, км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="198"/>
        <source>Potential</source>
        <translation>Потенциал</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="201"/>
        <source>Benefit, RUB/yr</source>
        <translation>Выгода, руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="204"/>
        <source>Supplies and demands</source>
        <translation>Предложение и спрос</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="205"/>
        <source>Candidate partners</source>
        <translation>Возможные партнёры</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="210"/>
        <source>Zoom to selection</source>
        <translation>Приблизить к выбранному</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="211"/>
        <source>Run analysis</source>
        <translation>Запустить анализ</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="145"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="313"/>
        <source>All nodes</source>
        <translation>Все узлы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="384"/>
        <source>Choose an enterprise layer (it may have been removed).</source>
        <translation>Выберите слой предприятий (он мог быть удалён).</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="387"/>
        <source>The enterprise layer has no ent_id field.</source>
        <translation>В слое предприятий нет поля ent_id.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="391"/>
        <source>Choose an enterprise in the list or on the map.</source>
        <translation>Выберите предприятие в списке или на карте.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="426"/>
        <source>{0}: {1} flows, {2} candidate partners, {3} exchanges</source>
        <translation>{0}: потоков {1}, возможных партнёров {2}, обменов {3}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="456"/>
        <source>supplies</source>
        <translation>поставляет</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="456"/>
        <source>receives</source>
        <translation>получает</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="538"/>
        <source>Choose an enterprise layer and a flow table first.</source>
        <translation>Сначала выберите слой предприятий и таблицу потоков.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="568"/>
        <source>Analysis running…</source>
        <translation>Идёт анализ…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="595"/>
        <source>Analysis failed: {}</source>
        <translation>Анализ не удался: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="584"/>
        <source>Analysis canceled.</source>
        <translation>Анализ отменён.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/pipeline_task.py" line="74"/>
        <source>Industrial symbiosis analysis</source>
        <translation>Анализ промышленного симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/results.py" line="278"/>
        <source>Symbiosis analysis</source>
        <translation>Анализ симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/sankey_widget.py" line="28"/>
        <source>{0} thousand t/yr</source>
        <translation>{0} тыс. т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/sankey_widget.py" line="76"/>
        <source>No flows to show</source>
        <translation>Нет потоков для отображения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="408"/>
        <source>supply</source>
        <translation>предложение</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="408"/>
        <source>demand</source>
        <translation>спрос</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="57"/>
        <source>All but mining rock</source>
        <translation>Все, кроме горных пород</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="66"/>
        <source>Materials</source>
        <translation>Материалы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="102"/>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="24"/>
        <source>Coal mine, open pit</source>
        <translation>Угольный разрез</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="25"/>
        <source>Coal mine, underground</source>
        <translation>Угольная шахта</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="26"/>
        <source>Coal power plant</source>
        <translation>Угольная электростанция</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="27"/>
        <source>Iron and steel works</source>
        <translation>Металлургический комбинат</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="28"/>
        <source>Iron ore mine</source>
        <translation>Железорудный рудник</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="29"/>
        <source>Cement plant</source>
        <translation>Цементный завод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="30"/>
        <source>Chemical plant</source>
        <translation>Химический завод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="31"/>
        <source>Concrete plant</source>
        <translation>Бетонный завод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="33"/>
        <source>Brick and ceramics plant</source>
        <translation>Кирпичный и керамический завод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="35"/>
        <source>Land reclamation site</source>
        <translation>Участок рекультивации</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="36"/>
        <source>Greenhouse complex</source>
        <translation>Тепличный комбинат</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="38"/>
        <source>Boiler house</source>
        <translation>Котельная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="40"/>
        <source>trunk</source>
        <translation>магистральная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="41"/>
        <source>primary</source>
        <translation>основная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="42"/>
        <source>secondary</source>
        <translation>второстепенная</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="315"/>
        <source>Shortest paths: compiled engine (numba)</source>
        <translation>Кратчайшие пути: компилированный движок (numba)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="42"/>
        <source>Economic</source>
        <translation>Экономические</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="43"/>
        <source>Technological</source>
        <translation>Технологические</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="44"/>
        <source>Infrastructure</source>
        <translation>Инфраструктурные</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="45"/>
        <source>Institutional and regulatory</source>
        <translation>Институциональные и нормативные</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="46"/>
        <source>Supply guarantee</source>
        <translation>Гарантия поставок</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="47"/>
        <source>Better use elsewhere (not a barrier)</source>
        <translation>Выгоднее использовать иначе (не барьер)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="49"/>
        <source>No barrier found</source>
        <translation>Барьеров не найдено</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="52"/>
        <source>Green procurement quota</source>
        <translation>Квота зелёных закупок</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="53"/>
        <source>Co-financing of processing and infrastructure</source>
        <translation>Софинансирование переработки и инфраструктуры</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="54"/>
        <source>Higher disposal fee</source>
        <translation>Повышение платы за размещение отходов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="55"/>
        <source>Rail tariff discount</source>
        <translation>Скидка на железнодорожный тариф</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="56"/>
        <source>Recognition as a by-product</source>
        <translation>Признание побочным продуктом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="57"/>
        <source>Regional registry and cluster (contracts)</source>
        <translation>Региональный реестр и кластер (договоры)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="58"/>
        <source>None needed</source>
        <translation>Не требуется</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="74"/>
        <source>no route between the partners on the road and rail network</source>
        <translation>нет маршрута между партнёрами по сети автодорог и железных дорог</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="82"/>
        <source>the flow&apos;s quality is outside the consumer&apos;s requirement</source>
        <translation>качество потока не отвечает требованиям потребителя</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="116"/>
        <source>FKKO hazard class I-IV: a licence is needed to transport and use it</source>
        <translation>класс опасности по ФККО I–IV: для транспортирования и использования нужна лицензия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="124"/>
        <source>handled as waste, not as a recognised by-product</source>
        <translation>обращается как отход, а не как признанный побочный продукт</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="130"/>
        <source>a pipeline or heat main has to be built</source>
        <translation>нужно построить трубопровод или теплотрассу</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="136"/>
        <source>long haul, no rail terminal near a partner</source>
        <translation>дальняя перевозка, рядом с партнёром нет железнодорожного терминала</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="142"/>
        <source>quantity estimated, not reported by the enterprise</source>
        <translation>количество оценочное, предприятие его не сообщало</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="148"/>
        <source>the consumer would depend on one supplier for much of its need</source>
        <translation>потребитель зависел бы от одного поставщика в большей части своей потребности</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="184"/>
        <source>Capital cost of a heat main</source>
        <translation>Капитальные затраты на теплотрассу</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="193"/>
        <source>Capital cost of a gas or water pipeline</source>
        <translation>Капитальные затраты на газопровод или водопровод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="202"/>
        <source>Pipeline length per km of straight distance</source>
        <translation>Длина трубопровода на 1 км расстояния по прямой</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="202"/>
        <source>estimate; a pipe follows roads and property lines</source>
        <translation>оценка; труба идёт вдоль дорог и границ участков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="207"/>
        <source>Haul beyond which rail access matters</source>
        <translation>Дальность перевозки, с которой важен доступ к железной дороге</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="216"/>
        <source>Largest distance from a partner to a rail terminal</source>
        <translation>Наибольшее расстояние от партнёра до железнодорожного терминала</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="216"/>
        <source>estimate: a short road leg to a siding or terminal</source>
        <translation>оценка: короткое автомобильное плечо до подъездного пути или терминала</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="221"/>
        <source>estimate (a definition: more than half)</source>
        <translation>оценка (по определению: больше половины)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="229"/>
        <source>Classification or selective collection of ash</source>
        <translation>Классификация или раздельный отбор золы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="237"/>
        <source>Removal of unburnt carbon (loss on ignition)</source>
        <translation>Удаление недожога (потери при прокаливании)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="237"/>
        <source>estimate (electrostatic separation or flotation)</source>
        <translation>оценка (электростатическая сепарация или флотация)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="242"/>
        <source>Crushing, grinding and screening</source>
        <translation>Дробление, измельчение и грохочение</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="242"/>
        <source>estimate, order of the catalogue&apos;s crushing cost (synergies.csv R09, R12)</source>
        <translation>оценка, порядок стоимости дробления по каталогу (synergies.csv R09, R12)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="249"/>
        <source>Dewatering and drying</source>
        <translation>Обезвоживание и сушка</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="257"/>
        <source>Largest disposal fee rise considered</source>
        <translation>Наибольшее рассматриваемое повышение платы за размещение</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="257"/>
        <source>level of the disposal_fee scenario in resources/policy_scenarios.csv</source>
        <translation>уровень сценария disposal_fee в resources/policy_scenarios.csv</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="264"/>
        <source>Largest co-financed share of pre-processing considered</source>
        <translation>Наибольшая рассматриваемая доля софинансирования предварительной переработки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="264"/>
        <source>level of the infrastructure scenario in resources/policy_scenarios.csv</source>
        <translation>уровень сценария infrastructure в resources/policy_scenarios.csv</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="271"/>
        <source>Largest rail tariff discount considered</source>
        <translation>Наибольшая рассматриваемая скидка на железнодорожный тариф</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="271"/>
        <source>level of the rail_discount scenario in resources/policy_scenarios.csv</source>
        <translation>уровень сценария rail_discount в resources/policy_scenarios.csv</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="285"/>
        <source>classification or selective collection</source>
        <translation>классификация или раздельный отбор</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="291"/>
        <source>carbon removal</source>
        <translation>удаление недожога</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="297"/>
        <source>crushing and screening</source>
        <translation>дробление и грохочение</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="303"/>
        <source>drying</source>
        <translation>сушка</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="318"/>
        <source>not priced: flow, rule or unit conversion missing</source>
        <translation>не оценено: нет потока, правила или пересчёта единиц</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="319"/>
        <source>loses {shortfall:,.0f} RUB per {unit}</source>
        <translation>убыток {shortfall:,.0f} руб. на {unit}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="320"/>
        <source>earns {benefit:,.0f} RUB per {unit}, needs {opportunity:,.0f} to be chosen</source>
        <translation>приносит {benefit:,.0f} руб. на {unit}, для выбора нужно {opportunity:,.0f}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="323"/>
        <source>{attribute} {value} outside the requirement {requirement}: {remedy}</source>
        <translation>{attribute} {value} вне требования {requirement}: {remedy}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="326"/>
        <source>quality not checked: {attributes}</source>
        <translation>качество не проверено: {attributes}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="327"/>
        <source>pre-processing: {what}, {cost:,.0f} RUB per unit</source>
        <translation>предварительная переработка: {what}, {cost:,.0f} руб. на единицу</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="330"/>
        <source>unreachable on the network: {reason}</source>
        <translation>недостижимо по сети: {reason}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="331"/>
        <source>{what}: {km:,.1f} km, about {capex:,.0f} million RUB</source>
        <translation>{what}: {km:,.1f} км, около {capex:,.0f} млн руб.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="334"/>
        <source>heat main</source>
        <translation>теплотрасса</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="335"/>
        <source>pipeline</source>
        <translation>трубопровод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="336"/>
        <source>{km:,.0f} km haul, nearest rail terminal {terminal_km:,.1f} km away</source>
        <translation>перевозка на {km:,.0f} км, ближайший железнодорожный терминал в {terminal_km:,.1f} км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="339"/>
        <source>FKKO {code}: hazard class {roman}, licence needed to transport and use it</source>
        <translation>ФККО {code}: класс опасности {roman}, для транспортирования и использования нужна лицензия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="342"/>
        <source>FKKO {code}: hazard class V, no licence needed</source>
        <translation>ФККО {code}: класс опасности V, лицензия не нужна</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="343"/>
        <source>hazard class not checked: no valid FKKO code ({detail})</source>
        <translation>класс опасности не проверен: нет корректного кода ФККО ({detail})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="351"/>
        <source> (assumed from the material catalogue)</source>
        <translation> (принято по каталогу материалов)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="352"/>
        <source>quantity estimated: {flows}</source>
        <translation>количество оценочное: {flows}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="353"/>
        <source>the supplier could cover {share:.0%} of the consumer&apos;s need</source>
        <translation>поставщик мог бы покрыть {share:.0%} потребности потребителя</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="356"/>
        <source>the only candidate supplier of this consumer</source>
        <translation>единственный возможный поставщик этого потребителя</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="357"/>
        <source>quantity basis not checked (no qty_basis)</source>
        <translation>основание количества не проверено (нет qty_basis)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="38"/>
        <source>Coal preparation plants</source>
        <translation>Обогатительные фабрики</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="47"/>
        <source>Gas power plants</source>
        <translation>Газовые электростанции</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="56"/>
        <source>Ferroalloys</source>
        <translation>Ферросплавы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="59"/>
        <source>Aluminium</source>
        <translation>Алюминий</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="62"/>
        <source>Coke and coke chemicals</source>
        <translation>Кокс и коксохимия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="72"/>
        <source>Oil refineries</source>
        <translation>Нефтеперерабатывающие заводы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="75"/>
        <source>Pharmaceuticals</source>
        <translation>Фармацевтика</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="78"/>
        <source>Fertiliser plants</source>
        <translation>Заводы минеральных удобрений</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="93"/>
        <source>Plasterboard and gypsum products</source>
        <translation>Гипсокартон и гипсовые изделия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="108"/>
        <source>Agriculture</source>
        <translation>Сельское хозяйство</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="111"/>
        <source>Fish farms</source>
        <translation>Рыбоводные хозяйства</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="114"/>
        <source>Food processing</source>
        <translation>Пищевая промышленность</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="117"/>
        <source>Pulp and paper</source>
        <translation>Целлюлозно-бумажная промышленность</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="123"/>
        <source>Water and wastewater treatment</source>
        <translation>Водоподготовка и очистка сточных вод</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="129"/>
        <source>Waste management</source>
        <translation>Обращение с отходами</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="21"/>
        <source>Layer &apos;{layer}&apos;: field &apos;{field}&apos; is empty in feature(s) {fids}</source>
        <translation>Слой «{layer}»: поле «{field}» пусто у объектов {fids}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="42"/>
        <source>{name} must be a share between 0 and 1, not {value}</source>
        <translation>{name} должно быть долей от 0 до 1, а не {value}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="45"/>
        <source>{name} must be a finite number, not {value}</source>
        <translation>{name} должно быть конечным числом, а не {value}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="32"/>
        <source>Waste of agriculture, forestry, fish farming and fishing</source>
        <translation>Отходы сельского, лесного хозяйства, рыбоводства и рыболовства</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="33"/>
        <source>Waste of mining</source>
        <translation>Отходы добычи полезных ископаемых</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="34"/>
        <source>Waste of manufacturing</source>
        <translation>Отходы обрабатывающих производств</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="39"/>
        <source>Waste of electricity, gas and steam supply</source>
        <translation>Отходы обеспечения электроэнергией, газом и паром</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="44"/>
        <source>Waste of construction and repair</source>
        <translation>Отходы строительства и ремонта</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="45"/>
        <source>Waste of other activities</source>
        <translation>Отходы прочих видов деятельности</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="75"/>
        <source>FKKO code is empty</source>
        <translation>Код ФККО пуст</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="76"/>
        <source>FKKO code &apos;{code}&apos; holds characters other than digits and spaces</source>
        <translation>Код ФККО «{code}» содержит символы, кроме цифр и пробелов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="79"/>
        <source>FKKO code &apos;{code}&apos; has {digits} digits instead of 11</source>
        <translation>В коде ФККО «{code}» {digits} цифр вместо 11</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="82"/>
        <source>FKKO code &apos;{code}&apos; starts with {block}: there is no such block</source>
        <translation>Код ФККО «{code}» начинается с {block}: такого блока нет</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="61"/>
        <source>No candidate site has a usable location</source>
        <translation>Ни у одной площадки-кандидата нет пригодного местоположения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="62"/>
        <source>Sites without a positive area_ha (features {features})</source>
        <translation>Площадки без положительной area_ha (объекты {features})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="68"/>
        <source>Sites with a negative fixed_cost (features {features})</source>
        <translation>Площадки с отрицательной fixed_cost (объекты {features})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="71"/>
        <source>MAX_PARKS must be at least 1</source>
        <translation>MAX_PARKS должно быть не меньше 1</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="72"/>
        <source>The tenant catalogue lacks the column(s): {columns}</source>
        <translation>В каталоге резидентов нет столбцов: {columns}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="84"/>
        <source>Tenant &apos;{tenant}&apos; accepts unknown material(s): {materials}</source>
        <translation>Резидент «{tenant}» принимает неизвестные материалы: {materials}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="98"/>
        <source>optimal (within the MIP gap asked for)</source>
        <translation>оптимально (в пределах заданного разрыва MIP)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="99"/>
        <source>time limit reached: the best solution found is written</source>
        <translation>достигнут лимит времени: записано лучшее найденное решение</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="102"/>
        <source>time limit reached before any solution was found: nothing chosen</source>
        <translation>лимит времени достигнут до нахождения какого-либо решения: ничего не выбрано</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="105"/>
        <source>canceled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="106"/>
        <source>infeasible</source>
        <translation>задача несовместна</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="107"/>
        <source>the solver failed</source>
        <translation>сбой решателя</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="88"/>
        <source>{field} &apos;{value}&apos; is not a finite number</source>
        <translation>{field} «{value}» не является конечным числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="94"/>
        <source>Geometry is not valid ({reason}); its point on surface may be misplaced</source>
        <translation>Геометрия некорректна ({reason}); её точка на поверхности может оказаться смещённой</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/pipeline_task.py" line="162"/>
        <source>unexpected {kind}: {detail}</source>
        <translation>непредвиденная ошибка {kind}: {detail}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="49"/>
        <source>Offer (waste, by-product)</source>
        <translation>Предложение (отход, побочный продукт)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="49"/>
        <source>Need (raw material, energy)</source>
        <translation>Потребность (сырьё, энергия)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="53"/>
        <source>Waste</source>
        <translation>Отход</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="53"/>
        <source>By-product</source>
        <translation>Побочный продукт</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="58"/>
        <source>Public (also in anonymous totals)</source>
        <translation>Всем (также в анонимных итогах)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="59"/>
        <source>Registry members</source>
        <translation>Участникам реестра</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="60"/>
        <source>Regional operator only</source>
        <translation>Только региональному оператору</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="49"/>
        <source>Resource registry</source>
        <translation>Реестр ресурсов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="127"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="129"/>
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="133"/>
        <source>Pick the PostgreSQL connection of your login.</source>
        <translation>Выберите подключение PostgreSQL для своей учётной записи.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="182"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="138"/>
        <source>Visibility</source>
        <translation>Видимость</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="168"/>
        <source>RUB per unit, empty if unknown</source>
        <translation>руб. за единицу, пусто, если неизвестно</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="186"/>
        <source>FKKO code</source>
        <translation>Код ФККО</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="187"/>
        <source>Legal status (offers)</source>
        <translation>Правовой статус (для предложений)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="188"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="189"/>
        <source>Visible to</source>
        <translation>Кому видно</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="190"/>
        <source>Quality notes</source>
        <translation>Заметки о качестве</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="198"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="199"/>
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="200"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="201"/>
        <source>Show listings on the map</source>
        <translation>Показать заявки на карте</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="231"/>
        <source>Refused: {0}</source>
        <translation>Отказано: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="250"/>
        <source>Cannot read the registry: {0}</source>
        <translation>Не удаётся прочитать реестр: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="253"/>
        <source>Login {0} owns no enterprise in the registry: it can browse only.</source>
        <translation>Учётной записи {0} не принадлежит ни одно предприятие реестра: доступен только просмотр.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="262"/>
        <source>Login {login}: {name} ({ent_id}), {node} node</source>
        <translation>Учётная запись {login}: {name} ({ent_id}), узел {node}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="358"/>
        <source>Refused: the listing is gone or is not yours.</source>
        <translation>Отказано: заявка удалена или принадлежит не вам.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="370"/>
        <source>Listing {0} added.</source>
        <translation>Заявка {0} добавлена.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="378"/>
        <source>Select the listing to change in the table.</source>
        <translation>Выберите в таблице заявку, которую нужно изменить.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="383"/>
        <source>Listing {0} saved.</source>
        <translation>Заявка {0} сохранена.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="391"/>
        <source>Select the listing to delete in the table.</source>
        <translation>Выберите в таблице заявку, которую нужно удалить.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="393"/>
        <source>Listing {0} deleted.</source>
        <translation>Заявка {0} удалена.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="401"/>
        <source>Registry enterprises</source>
        <translation>Предприятия реестра</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="402"/>
        <source>Registry listings</source>
        <translation>Заявки реестра</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="406"/>
        <source>QGIS could not open the registry views.</source>
        <translation>QGIS не удалось открыть представления реестра.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/plugin.py" line="130"/>
        <source>Python package(s) missing: {names}. {count} tool(s) are unavailable until they are installed (Debian/Ubuntu: {apt}; OSGeo4W Shell or pip: {pip}), then QGIS restarted.</source>
        <translation>Не установлены пакеты Python: {names}. Недоступно инструментов: {count}, пока пакеты не установлены (Debian/Ubuntu: {apt}; OSGeo4W Shell или pip: {pip}) и QGIS не перезапущен.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/base.py" line="215"/>
        <source>Your own materials (merged over the bundled catalogue; yours win)</source>
        <translation>Собственные материалы (дополняют встроенный каталог; при совпадении действуют ваши)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="114"/>
        <source>Diagnose barriers to exchanges</source>
        <translation>Выявить барьеры для обменов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="118"/>
        <source>For every link (the output of &apos;Route candidates over road and rail&apos; or of &apos;Find partner candidates&apos;): the barriers of each category, with their measure; the binding barrier (the first, in this order: unreachable, quality, loses money, better use elsewhere, licence, waste status, pipeline, rail access, estimated quantity, single supplier) and the instrument that addresses it.</source>
        <translation>Для каждой связи (результат «Построить маршруты по автодорогам и железной дороге» или «Найти возможных партнёров»): барьеры каждой категории с их мерой; определяющий барьер (первый в таком порядке: недостижимость, качество, убыточность, выгоднее использовать иначе, лицензия, статус отхода, трубопровод, доступ к железной дороге, оценочное количество, единственный поставщик) и инструмент, который на него направлен.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="125"/>
        <source>Economic: net benefit per unit as &apos;Optimise exchanges&apos; counts it; the opportunity value (what the same supply or demand earns in the other exchanges, from the optimal dual prices); the shortfall; the break-even primary price, disposal fee rise, co-financed share of pre-processing and rail discount at which the optimiser would choose this link (for this link alone, all else equal). Technological: flow columns q_ash_class, q_loi_pct, q_particle_mm, q_moisture_pct against rule columns req_ash_class, req_max_loi_pct, req_max_particle_mm, req_max_moisture_pct; a missing value is &apos;not checked&apos;, never &apos;passes&apos;. Infrastructure: unreachable links, the pipeline or heat main to build (length and capital cost), no rail terminal near a partner on a long haul (needs TERMINALS). Institutional: FKKO hazard class I-IV (licence), waste or by-product (flow field legal_status, else the material catalogue). Supply guarantee: the supplier&apos;s share of the consumer&apos;s need, the consumer&apos;s only supplier, quantities marked qty_basis = estimated.</source>
        <translation>Экономические: чистая выгода на единицу, как её считает «Оптимизировать обмены»; альтернативная ценность (сколько то же предложение или спрос приносит в других обменах, по оптимальным двойственным оценкам); недостача; безубыточные цена первичного сырья, повышение платы за размещение, доля софинансирования предварительной переработки и скидка на железнодорожный тариф, при которых оптимизация выбрала бы эту связь (для одной этой связи при прочих равных). Технологические: столбцы потока q_ash_class, q_loi_pct, q_particle_mm, q_moisture_pct сравниваются со столбцами правила req_ash_class, req_max_loi_pct, req_max_particle_mm, req_max_moisture_pct; отсутствующее значение означает «не проверено», но никогда не «соответствует». Инфраструктурные: недостижимые связи, трубопровод или теплотрасса, которые нужно построить (длина и капитальные затраты), отсутствие железнодорожного терминала рядом с партнёром при дальней перевозке (нужен TERMINALS). Институциональные: класс опасности по ФККО I–IV (лицензия), отход или побочный продукт (поле потока legal_status, иначе каталог материалов). Гарантия поставок: доля поставщика в потребности потребителя, единственный поставщик потребителя, количества с пометкой qty_basis = estimated.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="141"/>
        <source>EXCHANGES (optional): the output of &apos;Optimise exchanges&apos; marks the chosen links; without it the links are optimised here. Outputs: the links with one field per category, styled by binding barrier; a summary per barrier (links affected, links it binds, their tonnes and net benefit, the money needed); an optional HTML report.</source>
        <translation>EXCHANGES (необязательно): результат «Оптимизировать обмены» отмечает выбранные связи; без него связи оптимизируются здесь же. Результаты: связи с отдельным полем для каждой категории и стилем по определяющему барьеру; сводка по барьерам (затронутые связи, связи, которые барьер сдерживает, их тонны и чистая выгода, необходимые средства); необязательный отчёт HTML.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="160"/>
        <source>Chosen exchanges (optional: otherwise optimised here)</source>
        <translation>Выбранные обмены (необязательно: иначе оптимизируются здесь)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="169"/>
        <source>Rail terminals (optional: for the rail-access check)</source>
        <translation>Железнодорожные терминалы (необязательно: для проверки доступа к железной дороге)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="190"/>
        <source>Links with their barriers</source>
        <translation>Связи с их барьерами</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="195"/>
        <source>Barrier summary</source>
        <translation>Сводка по барьерам</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="251"/>
        <source>Diagnosing the links</source>
        <translation>Диагностика связей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="334"/>
        <source>decided per link</source>
        <translation>определяется для каждой связи</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="340"/>
        <source>{0} links, {1} chosen by the optimisation</source>
        <translation>Связей: {0}, из них выбрано оптимизацией: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1171"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1172"/>
        <source>How it shows here</source>
        <translation>Как проявляется здесь</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1173"/>
        <source>Instrument</source>
        <translation>Инструмент</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1174"/>
        <source>Links affected</source>
        <translation>Затронуто связей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1175"/>
        <source>Links held back</source>
        <translation>Сдерживается связей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1176"/>
        <source>Tonnes held back, t/yr</source>
        <translation>Сдерживаемый объём, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1177"/>
        <source>Net benefit held back, RUB/yr</source>
        <translation>Сдерживаемая чистая выгода, руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1178"/>
        <source>Money to bridge, RUB/yr</source>
        <translation>Недостающие средства, руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1180"/>
        <source>Tonnes, t/yr</source>
        <translation>Объём, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1155"/>
        <source>Barriers to exchanges and the instruments that address them</source>
        <translation>Барьеры для обменов и инструменты их преодоления</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1160"/>
        <source>Tonnes held back by the barriers each instrument addresses, kt/yr</source>
        <translation>Объём, сдерживаемый барьерами, на которые направлен каждый инструмент, тыс. т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="261"/>
        <source>Laying out the diagram</source>
        <translation>Компоновка схемы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="47"/>
        <source>layers {names} (their metadata names no source)</source>
        <translation>слои {names} (в их метаданных не указан источник)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Data sources printed on the map (default: from the layers&apos; metadata)</source>
        <translation>Источники данных, печатаемые на карте (по умолчанию: из метаданных слоёв)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="53"/>
        <source>Data: {sources}. Exchanges computed by symbiosis_qgis. Date: {date}</source>
        <translation>Данные: {sources}. Обмены рассчитаны symbiosis_qgis. Дата: {date}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="163"/>
        <source>a value does not fit its field</source>
        <translation>значение не помещается в поле</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="164"/>
        <source>Could not write to &apos;{layer}&apos;: {reason}</source>
        <translation>Не удалось записать в «{layer}»: {reason}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="188"/>
        <source>Layer &apos;{layer}&apos; has no coordinate reference system. Set its CRS (Layer Properties &gt; Source) or add the .prj file, then run again.</source>
        <translation>У слоя «{layer}» нет системы координат. Задайте СК слоя (Свойства слоя &gt; Источник) или добавьте файл .prj и запустите снова.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="202"/>
        <source>Layer &apos;{layer}&apos; has {found} geometry; it must be {wanted}</source>
        <translation>Тип геометрии слоя «{layer}»: {found}; требуется: {wanted}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="216"/>
        <source>Cannot create the folder &apos;{folder}&apos;: {reason}</source>
        <translation>Не удаётся создать папку «{folder}»: {reason}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="222"/>
        <source>The folder &apos;{folder}&apos; is not writable</source>
        <translation>В папку «{folder}» нельзя записывать</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="283"/>
        <source>Layer &apos;{layer}&apos;: feature(s) {fids} cannot be transformed from {crs} to WGS 84; is the layer&apos;s CRS right?</source>
        <translation>Слой «{layer}»: объекты {fids} не удаётся преобразовать из {crs} в WGS 84; верна ли СК слоя?</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/layer_io.py" line="304"/>
        <source>Network layer</source>
        <translation>Слой сети</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_io.py" line="286"/>
        <source>Layer &apos;{0}&apos;: coordinates could not be transformed ({1})</source>
        <translation>Слой «{0}»: не удалось преобразовать координаты ({1})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="305"/>
        <source>Reading enterprises and candidates</source>
        <translation>Чтение предприятий и пар-кандидатов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="410"/>
        <source>Writing the links</source>
        <translation>Запись связей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/optimize_exchanges.py" line="130"/>
        <source>{0} links refer to flows missing from the flow table and were left out</source>
        <translation>Исключено связей, ссылающихся на потоки, которых нет в таблице потоков: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="64"/>
        <source>Runs &apos;Optimise exchanges&apos; once per scenario and compares each with the first (the baseline): viable exchanges, tonnes, net benefit, CO2 avoided, and the deltas.

A scenario table (default: resources/policy_scenarios.csv; pass your own CSV with the same columns) describes the instruments: quota_share and quota_materials (green public procurement: a share of the demand for these materials must be secondary material, where supply allows); processing_cofinance (share of pre-processing facilities and pipelines paid by regional support); disposal_fee_delta (RUB per tonne added to the disposal fee); rail_discount (share off the rail part of route costs).

Optional UNLOCKED output: per scenario, the exchanges it chooses on links the baseline leaves unused, with their tonnage.</source>
        <translation>Выполняет «Оптимизировать обмены» для каждого сценария и сравнивает с первым (базовым): число выгодных обменов, тонны, чистая выгода, предотвращённые выбросы CO2 и их изменения.

Таблица сценариев (по умолчанию resources/policy_scenarios.csv; можно указать свой CSV с теми же столбцами) описывает инструменты: quota_share и quota_materials (зелёные госзакупки: доля спроса на эти материалы, покрываемая вторичным сырьём, где хватает предложения); processing_cofinance (доля затрат на установки переработки и трубопроводы, оплачиваемая региональной поддержкой); disposal_fee_delta (руб. за тонну к плате за размещение); rail_discount (скидка на железнодорожную часть стоимости маршрута).

Необязательный результат UNLOCKED: для каждого сценария — обмены, которые он выбирает на связях, не используемых в базовом сценарии, с их объёмом.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="97"/>
        <source>Links each scenario unlocks (new exchanges)</source>
        <translation>Связи, открываемые каждым сценарием (новые обмены)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/publish_matches.py" line="37"/>
        <source>Publish matches to the resource registry</source>
        <translation>Опубликовать подобранные пары в реестре ресурсов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/publish_matches.py" line="40"/>
        <source>Writes the partner candidates found on the registry&apos;s views (output of &apos;Find partner candidates&apos; run on registry.enterprises and registry.flows) into the registry&apos;s match table, with status &apos;proposed&apos;, for the enterprises concerned to see. Only the regional operator&apos;s login may do this.

A pair already published (same supply and demand listing and rule) keeps its status and is counted as already present. Candidates whose flows are not registry listings (flow ids L&lt;number&gt;) are refused with their feature ids.</source>
        <translation>Записывает пары-кандидаты, найденные по представлениям реестра (результат «Найти возможных партнёров», выполненного на registry.enterprises и registry.flows), в таблицу подобранных пар реестра со статусом «proposed» (предложено), чтобы их увидели заинтересованные предприятия. Это может сделать только учётная запись регионального оператора.

Уже опубликованная пара (те же заявки предложения и спроса и то же правило) сохраняет свой статус и считается уже имеющейся. Пары-кандидаты, потоки которых не являются заявками реестра (идентификаторы потоков L&lt;номер&gt;), отклоняются с указанием идентификаторов их объектов.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/publish_matches.py" line="51"/>
        <source>PostgreSQL connection (regional operator)</source>
        <translation>Подключение PostgreSQL (региональный оператор)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/publish_matches.py" line="61"/>
        <source>Matches published</source>
        <translation>Опубликовано пар</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/publish_matches.py" line="62"/>
        <source>Already published</source>
        <translation>Уже опубликовано</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/publish_matches.py" line="75"/>
        <source>Login &apos;{0}&apos; is not the regional operator: only the operator publishes matches</source>
        <translation>Учётная запись «{0}» не принадлежит региональному оператору: публиковать пары может только оператор</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/publish_matches.py" line="83"/>
        <source>The registry refused the matches: {0}</source>
        <translation>Реестр отклонил пары: {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/publish_matches.py" line="86"/>
        <source>{0} matches published, {1} already present</source>
        <translation>Опубликовано пар: {0}, уже были в реестре: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/publish_matches.py" line="113"/>
        <source>Layer &apos;{layer}&apos;, fields supply_flow/demand_flow: {count} candidates do not refer to registry listings (L&lt;number&gt;), first feature ids: {ids}</source>
        <translation>Слой «{layer}», поля supply_flow/demand_flow: пар-кандидатов, не ссылающихся на заявки реестра (L&lt;номер&gt;): {count}; первые идентификаторы объектов: {ids}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="33"/>
        <source>Create or upgrade the resource registry</source>
        <translation>Создать или обновить реестр ресурсов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="56"/>
        <source>PostgreSQL connection (database owner)</source>
        <translation>Подключение PostgreSQL (владелец базы данных)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="61"/>
        <source>Load the Kuzbass sample data</source>
        <translation>Загрузить пример данных по Кузбассу</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="73"/>
        <source>Schema version</source>
        <translation>Версия схемы</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="74"/>
        <source>Migrations applied</source>
        <translation>Применено миграций</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="75"/>
        <source>Enterprises loaded</source>
        <translation>Загружено предприятий</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="76"/>
        <source>Listings loaded</source>
        <translation>Загружено заявок</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="85"/>
        <source>Applying migration {0} ({1})</source>
        <translation>Применение миграции {0} ({1})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="99"/>
        <source>The registry in connection &apos;{0}&apos; could not be set up: {1}</source>
        <translation>Не удалось подготовить реестр в подключении «{0}»: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="103"/>
        <source>Schema upgraded to version {0}</source>
        <translation>Схема обновлена до версии {0}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="105"/>
        <source>Schema already at version {0}: nothing to do</source>
        <translation>Схема уже имеет версию {0}: делать нечего</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="117"/>
        <source>The registry already holds {0} enterprises: the sample is loaded only into an empty registry</source>
        <translation>В реестре уже есть предприятия ({0}): пример загружается только в пустой реестр</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="123"/>
        <source>Loading the Kuzbass sample</source>
        <translation>Загрузка примера по Кузбассу</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="125"/>
        <source>{0} enterprises and {1} listings loaded</source>
        <translation>Загружено предприятий: {0}, заявок: {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="116"/>
        <source>Mothballed mine</source>
        <translation>Законсервированная шахта</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="117"/>
        <source>Reclaimed mine land</source>
        <translation>Рекультивированные земли шахты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="118"/>
        <source>Planned park (position approximate)</source>
        <translation>Планируемый парк (положение приблизительное)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="119"/>
        <source>Brownfield</source>
        <translation>Заброшенная промплощадка</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="120"/>
        <source>Hypothetical brownfield</source>
        <translation>Гипотетическая заброшенная промплощадка</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="127"/>
        <source>Parks opened</source>
        <translation>Открыто парков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="128"/>
        <source>Tenant modules placed</source>
        <translation>Размещено модулей резидентов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="129"/>
        <source>Tonnes per year taken in by the parks</source>
        <translation>Тонн в год, принимаемых парками</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="130"/>
        <source>Annual net benefit of the parks, RUB</source>
        <translation>Годовая чистая выгода парков, руб.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="131"/>
        <source>Regional co-financing, RUB (one-off)</source>
        <translation>Региональное софинансирование, руб. (единовременно)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="132"/>
        <source>MIP gap of the solution (relative)</source>
        <translation>Разрыв MIP решения (относительный)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="151"/>
        <source>Site eco-industrial parks</source>
        <translation>Разместить эко-промышленные парки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/sample_project.py" line="14"/>
        <source>Candidate park sites</source>
        <translation>Площадки-кандидаты для парков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="191"/>
        <source>Tenant catalogue (default: bundled park_tenants.csv)</source>
        <translation>Каталог резидентов (по умолчанию: встроенный park_tenants.csv)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="200"/>
        <source>Roads (optional: else straight distance x detour)</source>
        <translation>Автодороги (необязательно: иначе расстояние по прямой x коэффициент непрямолинейности)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="213"/>
        <source>Largest number of parks</source>
        <translation>Наибольшее число парков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="214"/>
        <source>Co-financing budget, RUB (one-off)</source>
        <translation>Бюджет софинансирования, руб. (единовременно)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="215"/>
        <source>Largest co-financed share of capex (0-1)</source>
        <translation>Наибольшая доля софинансирования капитальных затрат (0–1)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="223"/>
        <source>Discount rate (0-1)</source>
        <translation>Ставка дисконтирования (0–1)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="224"/>
        <source>Lifetime of capex, years</source>
        <translation>Срок службы капитальных вложений, лет</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="225"/>
        <source>Maximum supply distance, km</source>
        <translation>Максимальное расстояние поставки, км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="233"/>
        <source>Detour factor (no roads given)</source>
        <translation>Коэффициент непрямолинейности (если дороги не заданы)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="237"/>
        <source>Snap tolerance: site or enterprise to road, m</source>
        <translation>Допуск привязки площадки или предприятия к дороге, м</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="238"/>
        <source>Site cost where fixed_cost is empty, RUB (one-off)</source>
        <translation>Затраты на площадку, если fixed_cost пусто, руб. (единовременно)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="246"/>
        <source>Solver time limit, s</source>
        <translation>Лимит времени решателя, с</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="247"/>
        <source>Stop at a relative MIP gap of</source>
        <translation>Остановиться при относительном разрыве MIP</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="259"/>
        <source>Eco-industrial parks</source>
        <translation>Эко-промышленные парки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="264"/>
        <source>Park tenants</source>
        <translation>Резиденты парков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="269"/>
        <source>Park supply links</source>
        <translation>Связи поставок в парки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="274"/>
        <source>Solver status</source>
        <translation>Статус решателя</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="289"/>
        <source>Reading the inputs</source>
        <translation>Чтение входных данных</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="297"/>
        <source>Building the model</source>
        <translation>Построение модели</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="306"/>
        <source>{} supply flows skipped: unknown material or unit, enterprise without location, or no positive quantity</source>
        <translation>Пропущено потоков предложения: {} — неизвестный материал или единица, предприятие без местоположения или неположительное количество</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="312"/>
        <source>Model: {0} sites, {1} supply-site pairs, {2} variables, {3} constraints</source>
        <translation>Модель: площадок {0}, пар поставщик–площадка {1}, переменных {2}, ограничений {3}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="319"/>
        <source>Solving (HiGHS)</source>
        <translation>Решение (HiGHS)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="369"/>
        <source>geometry</source>
        <translation>геометрия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="374"/>
        <source>Layer &apos;{layer}&apos;, field {field}: {text}</source>
        <translation>Слой «{layer}», поле {field}: {text}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="378"/>
        <source>Tenant catalogue: {}</source>
        <translation>Каталог резидентов: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="422"/>
        <source>No roads: transport costs straight distance x {:g} x road tariff</source>
        <translation>Дороги не заданы: транспорт стоит расстояние по прямой x {:g} x автомобильный тариф</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="430"/>
        <source>Building the road and rail graph</source>
        <translation>Построение графа автодорог и железных дорог</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="448"/>
        <source>Routing {} supplier-site pairs</source>
        <translation>Построение маршрутов для пар поставщик–площадка: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="474"/>
        <source>Solver: {status}; MIP gap {gap}; {seconds:.1f} s</source>
        <translation>Решатель: {status}; разрыв MIP {gap}; {seconds:.1f} с</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="103"/>
        <source>Checking</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="155"/>
        <source>{0} more findings are in the output table</source>
        <translation>Остальные находки ({0}) — в выходной таблице</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="39"/>
        <source>A listing is an offer or a need</source>
        <translation>Заявка — это предложение или потребность</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="53"/>
        <source>The quantity must be a positive number</source>
        <translation>Количество должно быть положительным числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="57"/>
        <source>Unit &apos;{value}&apos; does not convert to &apos;{expected}&apos;, the unit of &apos;{material}&apos;</source>
        <translation>Единица «{value}» не приводится к «{expected}», единице материала «{material}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="60"/>
        <source>The price must be empty or a number, at least 0</source>
        <translation>Цена должна быть пустой или числом не меньше 0</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="61"/>
        <source>The legal status of an offer is waste or by-product</source>
        <translation>Правовой статус предложения — отход или побочный продукт</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="64"/>
        <source>Visibility is public, members or operator only</source>
        <translation>Видимость: всем, участникам или только оператору</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="19"/>
        <source>This login may only write listings of its own enterprise.</source>
        <translation>Эта учётная запись может записывать только заявки своего предприятия.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="22"/>
        <source>This login has no right to make this change.</source>
        <translation>У этой учётной записи нет права на это изменение.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="25"/>
        <source>The FKKO code must have 11 digits, the last one the hazard class (1-5).</source>
        <translation>Код ФККО должен состоять из 11 цифр, последняя — класс опасности (1–5).</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="28"/>
        <source>The material is not in the registry&apos;s material catalogue.</source>
        <translation>Материала нет в каталоге материалов реестра.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="31"/>
        <source>The quantity must be positive.</source>
        <translation>Количество должно быть положительным.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="32"/>
        <source>The unit is not one the registry knows.</source>
        <translation>Реестр не знает такой единицы.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="33"/>
        <source>The price cannot be negative.</source>
        <translation>Цена не может быть отрицательной.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="34"/>
        <source>&apos;Available to&apos; must not come before &apos;available from&apos;.</source>
        <translation>«Доступно до» не может быть раньше «доступно с».</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="37"/>
        <source>The database refused the login name or password.</source>
        <translation>База данных отклонила имя пользователя или пароль.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="50"/>
        <source>The registry refused the change.</source>
        <translation>Реестр отклонил изменение.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="172"/>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="173"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="180"/>
        <source>e.g. 3 years, renewed yearly</source>
        <translation>например, 3 года с ежегодным продлением</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="191"/>
        <source>Available</source>
        <translation>Доступно</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="192"/>
        <source>Contract term</source>
        <translation>Срок договора</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/validate_data.py" line="54"/>
        <source>Checks an enterprise layer and a flow table against the symbiosis data model and the material and synergy catalogues before any analysis.

Errors: missing required fields, empty or duplicate identifiers, flows of unknown enterprises, unknown materials or units, negative, non-numeric, NaN or infinite quantities, enterprises without geometry, a layer without CRS.
Warnings: zero quantities, a geographic CRS, unknown sectors, invalid polygons, malformed FKKO codes or codes outside their material&apos;s block, supplies or demands that no catalogue rule can match with another enterprise in the data.

Your own materials (a table with the catalogue&apos;s columns) are merged over the bundled catalogue, so a flow of your material is not an error; a row that changes a bundled material wins and is logged.

The output table lists every finding (severity, layer, feature id, field, message); ERRORS and WARNINGS give their counts. Warnings never make the algorithm fail, and the inputs are not modified.</source>
        <translation>Проверяет слой предприятий и таблицу потоков на соответствие модели данных симбиоза и каталогам материалов и синергий перед любым анализом.

Ошибки: нет обязательных полей, пустые или повторяющиеся идентификаторы, потоки неизвестных предприятий, неизвестные материалы или единицы, отрицательные, нечисловые, NaN или бесконечные количества, предприятия без геометрии, слой без СК.
Предупреждения: нулевые количества, географическая СК, неизвестные отрасли, некорректные полигоны, неправильно записанные коды ФККО или коды вне блока своего материала, предложение или спрос, которым ни одно правило каталога не находит пары среди других предприятий в данных.

Собственные материалы (таблица со столбцами каталога) дополняют встроенный каталог, поэтому поток вашего материала не считается ошибкой; строка, изменяющая встроенный материал, имеет приоритет и записывается в журнал.

Выходная таблица перечисляет все находки (серьёзность, слой, идентификатор объекта, поле, сообщение); ERRORS и WARNINGS дают их число. Предупреждения никогда не приводят к сбою алгоритма, входные данные не изменяются.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="50"/>
        <source>FKKO code &apos;{code}&apos; must be written with the digits 0-9</source>
        <translation>Код ФККО «{code}» должен состоять из цифр 0–9</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="67"/>
        <source>Available from {start} is after available to {end}</source>
        <translation>«Доступно с» {start} позже, чем «доступно до» {end}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1158"/>
        <source>Barriers</source>
        <translation>Барьеры</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1159"/>
        <source>Instruments</source>
        <translation>Инструменты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="160"/>
        <source>Gypsum</source>
        <translation>Гипс</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="161"/>
        <source>Chemical by-products</source>
        <translation>Химические побочные продукты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="162"/>
        <source>Organic residues and sludges</source>
        <translation>Органические остатки и осадки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="163"/>
        <source>Scrap and metallurgical residues</source>
        <translation>Металлолом и металлургические остатки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="167"/>
        <source>Agricultural inputs</source>
        <translation>Ресурсы для сельского хозяйства</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="168"/>
        <source>Electricity</source>
        <translation>Электроэнергия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="169"/>
        <source>Metallurgical raw materials</source>
        <translation>Металлургическое сырьё</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="36"/>
        <source>Creates the regional registry of secondary resources in a PostgreSQL database with PostGIS, or brings an existing one up to the plugin&apos;s schema version: tables of enterprises, listings (offers and needs) and matches, the roles of enterprises, the regional operator and anonymous readers with row-level security, and the views registry.enterprises and registry.flows that every algorithm reads like the Enterprises and Flows layers. Migrations already applied are skipped; each migration is applied whole or not at all. The material catalogue is copied into the registry.

The connection&apos;s login must own the database (or be a superuser): it creates the PostGIS extension and the roles. Load the Kuzbass sample only into an empty registry: its enterprises are owned by logins ent_&lt;id&gt; (ent_pp04 for PP04), made with SELECT registry.create_login(&apos;ent_pp04&apos;, &apos;password&apos;, &apos;enterprise&apos;).

Every login, the anonymous one included, can list the names of all logins of the server. With opaque login names the sample&apos;s enterprises are owned by logins named reg_ and 16 random hex digits, which say nothing about the enterprise; registry.enterprise.owner_login tells the owner which is which.</source>
        <translation>Создаёт региональный реестр вторичных ресурсов в базе данных PostgreSQL с PostGIS или обновляет существующий до версии схемы модуля: таблицы предприятий, заявок (предложений и потребностей) и подобранных пар, роли предприятий, регионального оператора и анонимных читателей с защитой на уровне строк, а также представления registry.enterprises и registry.flows, которые любой алгоритм читает так же, как слои предприятий и потоков. Уже применённые миграции пропускаются; каждая миграция применяется целиком или не применяется вовсе. Каталог материалов копируется в реестр.

Учётная запись подключения должна быть владельцем базы данных (или суперпользователем): она создаёт расширение PostGIS и роли. Загружайте пример по Кузбассу только в пустой реестр: его предприятия принадлежат учётным записям ent_&lt;id&gt; (ent_pp04 для PP04), которые создаются командой SELECT registry.create_login('ent_pp04', 'password', 'enterprise').

Любая учётная запись, включая анонимную, может получить список имён всех учётных записей сервера. С обезличенными именами предприятия примера принадлежат учётным записям с именами из reg_ и 16 случайных шестнадцатеричных цифр, которые ничего не говорят о предприятии; какая запись чья, владелец узнаёт из registry.enterprise.owner_login.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/registry_init.py" line="66"/>
        <source>Sample enterprises owned by logins with opaque names</source>
        <translation>Предприятия примера принадлежат учётным записям с обезличенными именами</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="231"/>
        <source>Barriers of the links (output of &apos;Diagnose barriers&apos;), for the report</source>
        <translation>Барьеры связей (результат «Выявить барьеры для обменов») для отчёта</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_io.py" line="137"/>
        <source>Layer &apos;{0}&apos;: feature {1} has an invalid geometry (a line of a single point). Fix it, or set Processing to skip invalid features.</source>
        <translation>Слой «{0}»: у объекта {1} некорректная геометрия (линия из одной точки). Исправьте её или включите в настройках обработки пропуск объектов с некорректной геометрией.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="65"/>
        <source>Sites with an empty or repeated site_id (features {features})</source>
        <translation>Площадки с пустым или повторяющимся site_id (объекты {features})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="330"/>
        <source>Canceled: the solver was stopped and nothing is written</source>
        <translation>Отменено: решатель остановлен, ничего не записано</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/network.py" line="39"/>
        <source>no road layer: straight distance x detour factor, not routed</source>
        <translation>нет слоя автодорог: расстояние по прямой x коэффициент непрямолинейности, без маршрута</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/find_candidates.py" line="123"/>
        <source>For every supply flow (waste or by-product), finds the enterprises within reach whose demand a catalogue rule says it can serve, and draws a line from supplier to consumer for each candidate.

Reach: per transport mode the material may use (road_km, rail_km, water_km of the material catalogue; pipelines and heat mains use radius_km), a rule&apos;s own max_distance_km or mode radii, or Distance when set. A pair is a candidate when the geodesic distance on the WGS 84 ellipsoid between the two enterprises is at most the longest reach of an allowed mode, whatever the layer CRS (a pair exactly at the radius is included); reach_mode says which modes cover it. Distance is in the units of the enterprise layer&apos;s CRS; for a geographic CRS, degrees are converted as QGIS does (111.3 km per degree), so prefer a projected layer or the catalogue radii.

potential = min(supply x substitution ratio, demand), in the demand&apos;s unit.
Filters: supply material categories; industrial nodes (comma-separated: pairs with either end in these nodes). An enterprise is not its own partner unless internal reuse is allowed. Enterprises without geometry and flows of unknown enterprises are skipped and counted in the log. The optional reach layer shows each supplier&apos;s radius (for display only).

Flows are checked first: unique flow_id, direction supply or demand, finite non-negative quantities and prices; a failure names the field and features. Your own materials (MATERIALS) are merged over the bundled catalogue.</source>
        <translation>Для каждого потока предложения (отхода или побочного продукта) находит предприятия в пределах досягаемости, спрос которых, согласно правилу каталога, он может покрыть, и рисует линию от поставщика к потребителю для каждой пары.

Досягаемость: для каждого вида транспорта, которым может перевозиться материал (road_km, rail_km, water_km каталога материалов; трубопроводы и теплотрассы используют radius_km), собственный max_distance_km правила или его радиусы по видам транспорта, либо «Расстояние», если оно задано. Пара считается кандидатом, если геодезическое расстояние на эллипсоиде WGS 84 между предприятиями не больше наибольшей досягаемости допустимого вида транспорта, в любой СК слоя (пара ровно на радиусе включается); reach_mode показывает, какие виды транспорта её покрывают. «Расстояние» задаётся в единицах СК слоя предприятий; для географической СК градусы пересчитываются так же, как в QGIS (111,3 км на градус), поэтому лучше использовать слой в проекции или радиусы каталога.

potential = min(предложение x коэффициент замещения, спрос), в единицах спроса.
Фильтры: категории материалов предложения; промышленные узлы (через запятую: пары, у которых хотя бы один конец в этих узлах). Предприятие не считается собственным партнёром, если не разрешено внутреннее использование. Предприятия без геометрии и потоки неизвестных предприятий пропускаются, их число пишется в журнал. Необязательный слой досягаемости показывает радиус каждого поставщика (только для отображения).

Сначала проверяются потоки: уникальный flow_id, направление supply или demand, конечные неотрицательные количества и цены; при ошибке указываются поле и объекты. Собственные материалы (MATERIALS) дополняют встроенный каталог.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="119"/>
        <source>Finds the cheapest route of every candidate exchange over the road network, the rail network, or road to a terminal, rail and road again, and draws it.

Cost per tonne = road km x road tariff (per class when a class field or OSM highway tags are present) + rail km x rail tariff + handling at each road-rail transfer. Lines are joined where they share a vertex; Merge tolerance also joins vertices closer than it. Enterprises attach to their nearest road vertex within the snap tolerance (the access leg counts as road). OSM data: pass the &apos;lines&apos; layer of a .osm/.osm.pbf file as roads (highway tags) and as rails (railway tags). Distances are geodesic on WGS 84 whatever the layer CRS.

Every candidate stays in the output: unreachable ones with reachable = false and a reason (too far from the network, disconnected part of the network, beyond the maximum distance). Flows moving by pipeline or heat main are not routed: &apos;Optimise exchanges&apos; prices them per unit-km of pipe, routed or not.

Without a road layer (or with an empty one) every candidate is costed by the straight distance x Detour factor at the road tariff, mode &apos;estimated&apos;, so the chain still runs in a region without network data; the log says so.</source>
        <translation>Находит самый дешёвый маршрут для каждой возможной пары обмена: по автодорогам, по железной дороге или автомобилем до терминала, по железной дороге и снова автомобилем, — и рисует его.

Стоимость на тонну = км автодорог x автомобильный тариф (по классу дороги, если задано поле класса или есть теги OSM highway) + км железной дороги x железнодорожный тариф + перевалка на каждом терминале. Линии соединяются в общих вершинах; «Допуск слияния» объединяет и вершины ближе заданного. Предприятия привязываются к ближайшей вершине автодороги в пределах допуска привязки (подъезд считается автодорогой). Данные OSM: укажите слой «lines» файла .osm/.osm.pbf как автодороги (теги highway) и как железные дороги (теги railway). Расстояния геодезические на WGS 84 в любой СК слоя.

Все пары остаются в результате: недостижимые — с reachable = false и причиной (слишком далеко от сети, несвязная часть сети, дальше максимального расстояния). Потоки, идущие по трубопроводу или теплотрассе, не маршрутизируются: «Оптимизировать обмены» оценивает их по стоимости за ед.·км трубы, с маршрутом или без.

Без слоя автодорог (или с пустым слоем) стоимость каждой пары оценивается по расстоянию по прямой x «Коэффициент непрямолинейности» по автомобильному тарифу, с режимом «estimated», чтобы цепочка работала и в регионе без данных о сети; об этом сообщается в журнале.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="148"/>
        <source>Roads (none: straight distance x detour factor)</source>
        <translation>Автодороги (если нет: расстояние по прямой x коэффициент непрямолинейности)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="177"/>
        <source>Detour factor of straight distances when there is no road layer</source>
        <translation>Коэффициент непрямолинейности для расстояний по прямой, если нет слоя автодорог</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="345"/>
        <source>No road layer: links are costed by straight distance x {0:g} at the road tariff (mode &apos;estimated&apos;), not routed</source>
        <translation>Нет слоя автодорог: стоимость связей оценивается по расстоянию по прямой x {0:g} по автомобильному тарифу (режим «estimated»), маршруты не строятся</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="88"/>
        <source>not priced: its flows or rule are missing, or the units do not convert</source>
        <translation>не оценено: нет его потоков или правила либо единицы не приводятся</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="97"/>
        <source>net benefit per unit below zero: primary material too cheap, transport or pre-processing too dear</source>
        <translation>чистая выгода на единицу ниже нуля: первичное сырьё слишком дёшево, транспорт или предварительная переработка слишком дороги</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="107"/>
        <source>worth doing, but the supply or the demand earns more in other exchanges</source>
        <translation>обмен выгоден, но предложение или спрос приносят больше в других обменах</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="184"/>
        <source>estimate (two-pipe DN 300-500, 2024 prices); check the state cost norms NCS 81-02-13 &apos;External heat networks&apos; for the region</source>
        <translation>оценка (двухтрубная DN 300–500, цены 2024 г.); сверьтесь с НЦС 81-02-13 «Наружные тепловые сети» для региона</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="193"/>
        <source>estimate (steel DN 200-300, 2024 prices); check NCS 81-02-12 &apos;External gas networks&apos; and NCS 81-02-14 &apos;External water and sewer networks&apos;</source>
        <translation>оценка (стальной DN 200–300, цены 2024 г.); сверьтесь с НЦС 81-02-12 «Наружные сети газоснабжения» и НЦС 81-02-14 «Наружные сети водоснабжения и канализации»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="207"/>
        <source>rail rarely beats road under about 100-150 km (freight estimates in the project&apos;s reference notes)</source>
        <translation>железная дорога редко выигрывает у автотранспорта на расстоянии менее 100–150 км (оценки грузоперевозок в справочных заметках проекта)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="221"/>
        <source>Share of a consumer&apos;s need from its only supplier that makes it depend on it</source>
        <translation>Доля потребности потребителя, покрываемая его единственным поставщиком, при которой возникает зависимость от него</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="229"/>
        <source>estimate, order of the catalogue&apos;s classification cost (synergies.csv R01-R02)</source>
        <translation>оценка, порядок стоимости классификации по каталогу (synergies.csv R01–R02)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="249"/>
        <source>estimate, order of the catalogue&apos;s dewatering cost (synergies.csv R05-R07)</source>
        <translation>оценка, порядок стоимости обезвоживания по каталогу (synergies.csv R05–R07)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="346"/>
        <source>handled as waste{assumed}; recognised as a by-product it would need no licence, no waste passport and no disposal payment, and could be sold under a specification</source>
        <translation>обращается как отход{assumed}; признанный побочным продуктом, он не требовал бы лицензии, паспорта отхода и платы за размещение и мог бы продаваться по техническим условиям</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/barriers.py" line="1163"/>
        <source>Tonnes: t/yr supplies; links that share a supply overlap. Competition is not a barrier: the supply or demand earns more in another exchange.</source>
        <translation>Объём: т/год предложения; связи с общим предложением перекрываются. Конкуренция — не барьер: предложение или спрос приносят больше в другом обмене.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/catalogue.py" line="56"/>
        <source>Material &apos;{key}&apos; of the user catalogue replaces the shipped one (differs in: {columns})</source>
        <translation>Материал «{key}» пользовательского каталога заменяет встроенный (отличается в: {columns})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/catalogue.py" line="60"/>
        <source>Rule &apos;{key}&apos; of the user catalogue replaces the shipped one (differs in: {columns})</source>
        <translation>Правило «{key}» пользовательского каталога заменяет встроенное (отличается в: {columns})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="24"/>
        <source>Layer &apos;{layer}&apos;: {field} must be unique; {count} value(s) repeat, e.g. {examples}</source>
        <translation>Слой «{layer}»: значения {field} должны быть уникальны; повторяющихся значений: {count}, например {examples}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="28"/>
        <source>Layer &apos;{layer}&apos;: field &apos;{field}&apos; must hold finite numbers; feature(s) {fids} hold {values}</source>
        <translation>Слой «{layer}»: поле «{field}» должно содержать конечные числа; у объектов {fids} значения {values}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="33"/>
        <source>Layer &apos;{layer}&apos;: field &apos;{field}&apos; must be at least {minimum}; feature(s) {fids} hold {values}</source>
        <translation>Слой «{layer}»: значение поля «{field}» должно быть не меньше {minimum}; у объектов {fids} значения {values}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="38"/>
        <source>Layer &apos;{layer}&apos;: direction must be &apos;supply&apos; or &apos;demand&apos;; feature(s) {fids} hold {values}</source>
        <translation>Слой «{layer}»: направление должно быть «supply» или «demand»; у объектов {fids} значения {values}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="48"/>
        <source>Flow &apos;{flow}&apos; has no usable quantity: the capacity constraint of {kind} &apos;{flow}&apos; would be unbounded</source>
        <translation>У потока «{flow}» нет пригодного количества: ограничение ёмкости ({kind}) «{flow}» было бы неограниченным</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="55"/>
        <source>None of the {count} links refers to a flow of the flow table (e.g. supply flow &apos;{example}&apos;): are the links and flows from the same data?</source>
        <translation>Ни одна из связей ({count}) не ссылается на поток из таблицы потоков (например, поток предложения «{example}»): связи и потоки взяты из одних данных?</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="35"/>
        <source>Waste of consumption; materials and products that lost their consumer properties</source>
        <translation>Отходы потребления; материалы и изделия, утратившие потребительские свойства</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="40"/>
        <source>Waste of water supply, sewerage and of collecting, treating and disposing of waste</source>
        <translation>Отходы водоснабжения, водоотведения, сбора, обработки, утилизации, обезвреживания и размещения отходов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/fkko.py" line="85"/>
        <source>FKKO code &apos;{code}&apos; is a pattern with unknown digits (x), not the code of a waste</source>
        <translation>Код ФККО «{code}» — шаблон с неизвестными цифрами (x), а не код отхода</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="75"/>
        <source>Tenant &apos;{tenant}&apos;: {column} must be a number &gt;= 0 (module_capacity &gt; 0), got &apos;{value}&apos;</source>
        <translation>Резидент «{tenant}»: {column} должно быть числом &gt;= 0 (module_capacity &gt; 0), получено «{value}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="79"/>
        <source>Tenant &apos;{tenant}&apos;: the inputs &apos;{text}&apos; are not MATERIAL=SHARE items with shares in (0, 1]</source>
        <translation>Резидент «{tenant}»: входы «{text}» не являются элементами МАТЕРИАЛ=ДОЛЯ с долями в (0, 1]</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="87"/>
        <source>Tenant &apos;{tenant}&apos; works in {unit}, but its input {material} is measured in {other}</source>
        <translation>Резидент «{tenant}» работает в {unit}, но его вход {material} измеряется в {other}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/parks.py" line="91"/>
        <source>No supply flow within {km:g} km of any site is a material a tenant accepts</source>
        <translation>Ни один поток предложения в пределах {km:g} км от какой-либо площадки не является материалом, который принимает резидент</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="31"/>
        <source>Share exchanged and left for disposal by material (t/yr flows), %; labels: generated, kt per year</source>
        <translation>Доля переданного и оставленного для размещения по материалам (потоки в т/год), %; подписи: образуется, тыс. т в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="45"/>
        <source>Layer CRS {crs} is geographic: distances will be computed on the ellipsoid or after reprojection to a metric CRS</source>
        <translation>СК слоя {crs} географическая: расстояния будут вычисляться на эллипсоиде или после перепроецирования в метрическую СК</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="62"/>
        <source>Unit &apos;{value}&apos; cannot be converted to the catalogue unit &apos;{expected}&apos; of material &apos;{material}&apos;</source>
        <translation>Единицу «{value}» нельзя привести к единице каталога «{expected}» для материала «{material}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="77"/>
        <source>No catalogue rule lets a supply of another enterprise in the data serve demand for &apos;{value}&apos;</source>
        <translation>Ни одно правило каталога не позволяет покрыть спрос на «{value}» предложением другого предприятия из данных</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="89"/>
        <source>The layer has no coordinate reference system: distances and routes cannot be computed until it is set</source>
        <translation>У слоя нет системы координат: расстояния и маршруты нельзя рассчитать, пока она не задана</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/validation.py" line="97"/>
        <source>FKKO code {value} is in block {block}, but material &apos;{material}&apos; is expected in block(s) {expected}</source>
        <translation>Код ФККО {value} относится к блоку {block}, а материал «{material}» ожидается в блоке (блоках) {expected}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/listings.py" line="45"/>
        <source>FKKO code &apos;{code}&apos; ends in {digit}: a listing needs the code of a kind of waste, whose last digit is its hazard class 1-5</source>
        <translation>Код ФККО «{code}» оканчивается на {digit}: для заявки нужен код вида отхода, последняя цифра которого — класс опасности 1–5</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="61"/>
        <source>{what} catalogue not found: {path}</source>
        <translation>Каталог «{what}» не найден: {path}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="62"/>
        <source>{what} catalogue lacks column(s): {columns}</source>
        <translation>В каталоге «{what}» нет столбцов: {columns}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="65"/>
        <source>{what} catalogue: empty {key} in row(s) {rows}</source>
        <translation>Каталог «{what}»: пустое значение {key} в строках {rows}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="68"/>
        <source>{what} catalogue: {key} repeated: {keys}</source>
        <translation>Каталог «{what}»: повторяются значения {key}: {keys}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="71"/>
        <source>Material catalogue: no unit for {codes}</source>
        <translation>Каталог материалов: не указана единица для {codes}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="72"/>
        <source>Material catalogue: unknown unit for {codes}; known: {known}</source>
        <translation>Каталог материалов: неизвестная единица для {codes}; известные: {known}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="75"/>
        <source>User synergy catalogue: no {column} for rule(s) {rules}</source>
        <translation>Пользовательский каталог синергий: нет {column} у правил {rules}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="79"/>
        <source>Scenario table not found: {path}</source>
        <translation>Таблица сценариев не найдена: {path}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="80"/>
        <source>Scenario table lacks column(s): {columns}</source>
        <translation>В таблице сценариев нет столбцов: {columns}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="83"/>
        <source>Scenario &apos;{scenario}&apos;: {column} is not a number</source>
        <translation>Сценарий «{scenario}»: {column} не является числом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="86"/>
        <source>The scenario table is empty</source>
        <translation>Таблица сценариев пуста</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="92"/>
        <source>User material</source>
        <translation>Пользовательский материал</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="93"/>
        <source>Synergy</source>
        <translation>Синергия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/errors.py" line="94"/>
        <source>User synergy</source>
        <translation>Пользовательская синергия</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/report.py" line="43"/>
        <source>An exchange between two nodes counts in the supplier&apos;s node and in the consumer&apos;s.</source>
        <translation>Обмен между двумя узлами учитывается и в узле поставщика, и в узле потребителя.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="230"/>
        <source>t/yr</source>
        <translation>т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="231"/>
        <source>GJ/yr</source>
        <translation>ГДж/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="232"/>
        <source>MWh/yr</source>
        <translation>МВт·ч/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="233"/>
        <source>thousand m3/yr</source>
        <translation>тыс. м³/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="85"/>
        <source>Width of the exported image, pixels</source>
        <translation>Ширина экспортируемого изображения, пикселей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="86"/>
        <source>Height of the exported image, pixels</source>
        <translation>Высота экспортируемого изображения, пикселей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="88"/>
        <source>Image size, px</source>
        <translation>Размер изображения, пикс.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/balance_dock.py" line="214"/>
        <source>Flow balance: {place}, {materials}</source>
        <translation>Баланс потоков: {place}, {materials}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="32"/>
        <source>Belovo</source>
        <translation>Белово</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="33"/>
        <source>Kemerovo</source>
        <translation>Кемерово</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="34"/>
        <source>Novokuznetsk</source>
        <translation>Новокузнецк</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="35"/>
        <source>Tashtagol</source>
        <translation>Таштагол</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="36"/>
        <source>Topki</source>
        <translation>Топки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/common.py" line="37"/>
        <source>Yurga</source>
        <translation>Юрга</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="601"/>
        <source>{0} candidates, {1} exchanges, net benefit {2} RUB/yr</source>
        <translation>Пар-кандидатов {0}, обменов {1}, чистая выгода {2} руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="608"/>
        <source>No road layer chosen: links and distances are straight-line estimates, not routes.</source>
        <translation>Слой автодорог не выбран: связи и расстояния — оценки по прямой, а не маршруты.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/explorer_dock.py" line="614"/>
        <source>Results saved in {0}.</source>
        <translation>Результаты сохранены в {0}.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="39"/>
        <source>Planned park</source>
        <translation>Планируемый парк</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="41"/>
        <source>Greenfield</source>
        <translation>Новая площадка</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="42"/>
        <source>Existing park</source>
        <translation>Действующий парк</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="50"/>
        <source>Solution: optimal</source>
        <translation>Решение: оптимальное</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="52"/>
        <source>Solution: time limit reached, gap {} %; the best solution found is shown</source>
        <translation>Решение: достигнут лимит времени, разрыв {} %; показано лучшее найденное решение</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="56"/>
        <source>The time limit was reached before any solution was found: no park is chosen</source>
        <translation>Лимит времени достигнут до нахождения какого-либо решения: ни один парк не выбран</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="58"/>
        <source>Infeasible: no set of parks meets these settings; no park is chosen</source>
        <translation>Задача несовместна: ни один набор парков не удовлетворяет этим настройкам; ни один парк не выбран</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="59"/>
        <source>The solver failed: no park is chosen</source>
        <translation>Сбой решателя: ни один парк не выбран</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_run.py" line="96"/>
        <source>The run failed; the Processing log has the details</source>
        <translation>Запуск не удался; подробности — в журнале обработки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_run.py" line="140"/>
        <source>Could not read the result {}</source>
        <translation>Не удалось прочитать результат {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_run.py" line="153"/>
        <source>Could not write table {table} of {path}: {error}</source>
        <translation>Не удалось записать таблицу {table} в {path}: {error}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="111"/>
        <source>Empty: the bundled catalogue of closing productions</source>
        <translation>Пусто: встроенный каталог замыкающих производств</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="112"/>
        <source>Empty: straight distance x detour factor</source>
        <translation>Пусто: расстояние по прямой x коэффициент непрямолинейности</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="117"/>
        <source>Tenant catalogue</source>
        <translation>Каталог резидентов</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="131"/>
        <source>Parks at most</source>
        <translation>Парков, не более</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="132"/>
        <source>Co-financed</source>
        <translation>Софинансирование</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="133"/>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="144"/>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="155"/>
        <source>Choose the layers and press Run.</source>
        <translation>Выберите слои и нажмите «Запустить».</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="113"/>
        <source>Park</source>
        <translation>Парк</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="114"/>
        <source>Net benefit, mln RUB/yr</source>
        <translation>Чистая выгода, млн руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="115"/>
        <source>Taken in, t/yr</source>
        <translation>Принимается, т/год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="152"/>
        <source>Capex, mln RUB</source>
        <translation>Капзатраты, млн руб.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="117"/>
        <source>Co-financing, mln RUB</source>
        <translation>Софинансирование, млн руб.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="118"/>
        <source>Land</source>
        <translation>Участок</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="119"/>
        <source>Tenants</source>
        <translation>Резиденты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="147"/>
        <source>Tenant module</source>
        <translation>Модуль резидента</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="148"/>
        <source>Modules</source>
        <translation>Модулей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="149"/>
        <source>Input per year</source>
        <translation>Переработка в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="150"/>
        <source>Utilisation, %</source>
        <translation>Загрузка, %</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="151"/>
        <source>Product per year</source>
        <translation>Продукция в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="204"/>
        <source> mln RUB</source>
        <translation> млн руб.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="280"/>
        <source>Site eco-industrial parks is unavailable: a Python package is missing.</source>
        <translation>Инструмент «Разместить эко-промышленные парки» недоступен: не установлен пакет Python.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="285"/>
        <source>Choose the candidate sites, the enterprises and the flows first.</source>
        <translation>Сначала выберите площадки-кандидаты, предприятия и потоки.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="294"/>
        <source>Running in the background…</source>
        <translation>Выполняется в фоне…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="302"/>
        <source>Canceling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="312"/>
        <source>Canceled: nothing was added; the previous parks stay.</source>
        <translation>Отменено: ничего не добавлено; прежние парки сохранены.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="337"/>
        <source>The project is not saved, so the parks are written to {}. Save the project and run again to keep them next to it.</source>
        <translation>Проект не сохранён, поэтому парки записаны в {}. Сохраните проект и запустите снова, чтобы они хранились рядом с ним.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="385"/>
        <source>The parks layers were removed from the project.</source>
        <translation>Слои парков были удалены из проекта.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="65"/>
        <source>{parks} parks, {tonnes} t/yr taken in, net benefit {benefit} mln RUB/yr, regional co-financing {cofinancing} mln RUB</source>
        <translation>Парков: {parks}, принимается {tonnes} т/год, чистая выгода {benefit} млн руб./год, региональное софинансирование {cofinancing} млн руб.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="428"/>
        <source>Select a park to see its tenant modules.</source>
        <translation>Выберите парк, чтобы увидеть модули его резидентов.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_dock.py" line="431"/>
        <source>Tenant modules of {}</source>
        <translation>Модули резидентов: {}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/parks_tables.py" line="166"/>
        <source>{} t</source>
        <translation>{} т</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/registry_dock.py" line="138"/>
        <source>FKKO</source>
        <translation>ФККО</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/results.py" line="65"/>
        <source>Straight-line links</source>
        <translation>Связи по прямой</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/results.py" line="84"/>
        <source>The project is not saved yet: results are in a temporary GeoPackage ({0}). Save the project and run again to keep them next to it.</source>
        <translation>Проект ещё не сохранён: результаты во временном GeoPackage ({0}). Сохраните проект и запустите снова, чтобы они хранились рядом с ним.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/results.py" line="215"/>
        <source>Could not write the table {table} to {path}: {error}</source>
        <translation>Не удалось записать таблицу {table} в {path}: {error}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/results.py" line="265"/>
        <source>Could not drop the old table {0} from {1}</source>
        <translation>Не удалось удалить старую таблицу {0} из {1}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/results.py" line="289"/>
        <source>Could not open the table {table} of {path}</source>
        <translation>Не удалось открыть таблицу {table} из {path}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/gui/sankey_widget.py" line="205"/>
        <source>Supplies measured in t/yr, in thousand t/yr; band widths in proportion to tonnes. Colours: material categories.</source>
        <translation>Предложение в т/год, показано в тыс. т/год; ширина полос пропорциональна тоннам. Цвета — категории материалов.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="176"/>
        <source>Bundle parallel arrows of one material into one consumer</source>
        <translation>Объединять параллельные стрелки одного материала к одному потребителю</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="183"/>
        <source>Largest links only (0 = all)</source>
        <translation>Только крупнейшие связи (0 = все)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="192"/>
        <source>Eco-industrial parks (Parks output of Site eco-industrial parks)</source>
        <translation>Эко-промышленные парки (результат «Разместить эко-промышленные парки»)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="200"/>
        <source>Park supply links (Supply links output of Site eco-industrial parks)</source>
        <translation>Связи поставок в парки (результат «Разместить эко-промышленные парки»)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="224"/>
        <source>Give the links to draw (exchanges, routed links or candidates), or parks</source>
        <translation>Задайте связи для схемы (обмены, маршруты или пары-кандидаты) или парки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="317"/>
        <source>{0} links left off the diagram: their supplier or consumer is not in the enterprises (or parks) layer or has no geometry</source>
        <translation>Не показано на схеме связей: {0} — их поставщика или потребителя нет в слое предприятий (или парков) либо у него нет геометрии</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="338"/>
        <source>Largest links only: {arrows} arrows ({links} links) left out, ranked by annual benefit; together {amounts}, benefit {value} million RUB per year</source>
        <translation>Только крупнейшие связи: опущено стрелок {arrows} (связей {links}), отбор по годовой выгоде; вместе {amounts}, выгода {value} млн руб. в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="350"/>
        <source>Largest links only: {arrows} arrows ({links} links) left out, the largest of each unit kept in turn; together {amounts}</source>
        <translation>Только крупнейшие связи: опущено стрелок {arrows} (связей {links}), крупнейшие в каждой единице оставлялись по очереди; вместе {amounts}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="361"/>
        <source>An arrow left out is as large as the last one kept: the tie was broken by the order of the links</source>
        <translation>Одна из опущенных стрелок не меньше последней оставленной: при равенстве решил порядок связей</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="376"/>
        <source>Park supply links were given without the parks they lead to: give the Parks output of Site eco-industrial parks too</source>
        <translation>Связи поставок в парки заданы без парков, к которым они ведут: задайте и парки из результатов «Разместить эко-промышленные парки»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="400"/>
        <source>Layer &apos;{layer}&apos;: feature {fid} cannot be transformed to {crs}</source>
        <translation>Слой «{layer}»: объект {fid} не удаётся преобразовать в {crs}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="415"/>
        <source>Layer &apos;{layer}&apos;: site_id {ids} is also an enterprise&apos;s ent_id; a park and an enterprise cannot share an id on one diagram</source>
        <translation>Слой «{layer}»: site_id {ids} совпадает с ent_id предприятия; на одной схеме у парка и предприятия не может быть общего идентификатора</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="440"/>
        <source>Layer &apos;{layer}&apos;, field site_id: features {fids} lead to parks that are not in the parks layer; give the Parks output of the same run</source>
        <translation>Слой «{layer}», поле site_id: объекты {fids} ведут к паркам, которых нет в слое парков; задайте парки из результатов того же запуска</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="52"/>
        <source>km</source>
        <translation>км</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="58"/>
        <source>Quantity per year</source>
        <translation>Количество в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_layout.py" line="59"/>
        <source>{shown} of {total} exchanges listed, the largest first; all are in the layer &apos;{layer}&apos;</source>
        <translation>Показано обменов: {shown} из {total}, крупнейшие; все — в слое «{layer}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="158"/>
        <source>Language of the map</source>
        <translation>Язык карты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="158"/>
        <source>Language of the QGIS interface</source>
        <translation>Язык интерфейса QGIS</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="167"/>
        <source>Enterprises (their name_ru and name, for the labels)</source>
        <translation>Предприятия (их name_ru и name — для подписей)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="216"/>
        <source>Laying out the map ({})</source>
        <translation>Компоновка карты ({})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/map_print.py" line="91"/>
        <source>Could not write the print fields of the layer &apos;{}&apos;</source>
        <translation>Не удалось записать поля печати слоя «{}»</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/network_links.py" line="317"/>
        <source>Shortest paths: scipy engine. Installing numba in QGIS&apos;s Python makes routing about six times faster</source>
        <translation>Кратчайшие пути: движок scipy. Если установить numba в Python QGIS, маршрутизация станет примерно в шесть раз быстрее</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Full symbiosis analysis</source>
        <translation>Полный анализ симбиоза</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Validate, find partners, route, choose exchanges, assess benefits and print the map of one industrial node, in one run.</source>
        <translation>Проверка данных, поиск партнёров, маршруты, выбор обменов, оценка выгод и карта одного промышленного узла — за один запуск.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>The whole analysis in one run: validate the data, find partner candidates, route them over road and rail, choose the exchanges (linear programme), assess their benefits (HTML report), draw the symbiosis diagram of one industrial node and export it as a map (PDF and PNG). The layer inputs default to the Kuzbass sample data; run the steps one by one from the toolbox to change their settings.</source>
        <translation>Весь анализ за один запуск: проверить данные, найти возможных партнёров, построить их маршруты по автодорогам и железной дороге, выбрать обмены (задача линейного программирования), оценить выгоды (отчёт HTML), нарисовать схему симбиоза одного промышленного узла и экспортировать её как карту (PDF и PNG). Входные слои по умолчанию — пример данных по Кузбассу; чтобы изменить настройки шагов, запустите их по одному из панели инструментов анализа.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="41"/>
        <source>Points or polygons with ent_id, name, name_ru, sector, node and operator (the data model of the README).</source>
        <translation>Точки или полигоны с полями ent_id, name, name_ru, sector, node и operator (модель данных из README).</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="48"/>
        <source>Table with flow_id, ent_id, direction (supply or demand), material, quantity and unit.</source>
        <translation>Таблица с полями flow_id, ent_id, direction (supply или demand), material, quantity и unit.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Road lines the candidates are routed over (an OpenStreetMap extract works).</source>
        <translation>Линии автодорог, по которым строятся маршруты пар-кандидатов (подойдёт выгрузка OpenStreetMap).</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Railway lines; optional: without them every route goes by road.</source>
        <translation>Линии железных дорог; необязательно: без них все маршруты идут по автодорогам.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="59"/>
        <source>Points where loads change between road and rail; optional.</source>
        <translation>Точки перевалки грузов между автомобильным и железнодорожным транспортом; необязательно.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Industrial node of the map</source>
        <translation>Промышленный узел карты</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>The node (the enterprises&apos; node field, e.g. Novokuznetsk) whose diagram the map shows.</source>
        <translation>Узел (поле node предприятий, например Novokuznetsk), схему которого показывает карта.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="66"/>
        <source>Text of the sources line at the foot of the map.</source>
        <translation>Текст строки источников внизу карты.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>Eco-industrial park design</source>
        <translation>Проектирование эко-промышленных парков</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>Validate the data, choose parks, tenants, supplies and co-financing (exact MILP) and print the park map, in one run.</source>
        <translation>Проверка данных, выбор парков, резидентов, поставок и софинансирования (точная задача MILP) и карта парков — за один запуск.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>Road lines supplies travel over; optional: without them, straight km x the detour factor of Site eco-industrial parks.</source>
        <translation>Линии автодорог, по которым идут поставки; необязательно: без них — км по прямой x коэффициент непрямолинейности из «Разместить эко-промышленные парки».</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>Railway lines; optional.</source>
        <translation>Линии железных дорог; необязательно.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>At most this many sites become parks.</source>
        <translation>Наибольшее число площадок, которые станут парками.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>What the region can co-finance in total, once.</source>
        <translation>Сколько всего регион может софинансировать, единовременно.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>0.3: the region pays at most 30 % of a park&apos;s capital cost.</source>
        <translation>0,3: регион оплачивает не более 30 % капитальных затрат парка.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>Park map (PDF)</source>
        <translation>Карта парков (PDF)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="204"/>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/model_layout.py" line="119"/>
        <source>Added the layout &apos;{}&apos; to the project</source>
        <translation>Макет «{}» добавлен в проект</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="540"/>
        <source>{name}
{benefit} mln RUB/yr</source>
        <translation>{name}
{benefit} млн руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/registry/qgis_connection.py" line="52"/>
        <source>{0} (database: {1})</source>
        <translation>{0} (база данных: {1})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/assess_benefits.py" line="217"/>
        <source>Net money {0} RUB/yr, net CO2 avoided {1} t/yr, {2} clusters</source>
        <translation>Чистый денежный эффект {0} руб./год, чистое предотвращение CO2 {1} т/год, кластеров: {2}</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="343"/>
        <source>{0}: {1} links affected, {2} held back, {3} t/yr, {4} RUB/yr</source>
        <translation>{0}: затронуто связей {1}, сдерживается {2}, {3} т/год, {4} руб./год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/diagnose_barriers.py" line="354"/>
        <source>Instrument addressing the most tonnes: {0} ({1} links, {2} t/yr)</source>
        <translation>Инструмент, направленный на наибольший объём: {0} (связей {1}, {2} т/год)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="47"/>
        <source>Eco-industrial parks: sites, tenants and supplies</source>
        <translation>Эко-промышленные парки: площадки, резиденты и поставки</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="145"/>
        <source>{0}: {1} exchanges, net benefit {2} RUB/yr ({3})</source>
        <translation>{0}: обменов {1}, чистая выгода {2} руб./год ({3})</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/policy_scenarios.py" line="156"/>
        <source>{0} unlocks {1} links: {2} (supply units) per year</source>
        <translation>{0}: открывает связей {1}, {2} (в единицах предложения) в год</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>Eco-industrial park design in one run: validate the data, choose the parks, their tenants, supplies and co-financing (exact MILP), draw the parks with their bundled supply arrows and export the map (PDF) in the interface&apos;s language. The layer inputs default to the Kuzbass sample data.</source>
        <translation>Проектирование эко-промышленных парков за один запуск: проверить данные, выбрать парки, их резидентов, поставки и софинансирование (точная задача MILP), нарисовать парки с объединёнными стрелками поставок и экспортировать карту (PDF) на языке интерфейса. Входные слои по умолчанию — пример данных по Кузбассу.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>Park supply arrows (diagram)</source>
        <translation>Стрелки поставок в парки (схема)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>Parks and suppliers (diagram)</source>
        <translation>Парки и поставщики (схема)</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/draw_diagram.py" line="106"/>
        <source>Draws the symbiosis network on the map: a curved arrow from each waste&apos;s source to its user (width by quantity class, colour by material category, labelled with material and quantity) and a symbol for each enterprise (icon by sector, size by throughput, labelled with its name).

Links: chosen exchanges, routed links or candidates (tonnage, else potential, gives the width). Geographic mode draws between the real positions; schematic mode spreads the enterprises of a dense node at least Spacing apart, each as near its real position as it can, so every arrow is readable. Flows between the same two enterprises bend apart; opposite flows bend to opposite sides. Labels in Russian or English. Industrial nodes, when given, keep the exchanges with both ends in those nodes. Both outputs load styled, also inside a model.

Bundle parallel arrows: the arrows of one material into one consumer become one arrow with the summed quantity, the number of suppliers and their names (&quot;12 mines: 3.4 Mt/yr&quot;), drawn from the suppliers&apos; quantity-weighted centre (moved out to half their mean distance when it falls near the consumer); quantities in different units are never added up, and a single supplier&apos;s arrow stays as it is. Off by default so that saved models keep their picture; the print model turns it on.

Largest links only: keeps that many arrows (after bundling), the largest by annual benefit (RUB per year, the benefit field of optimised exchanges) when every link has one, else the largest of each unit in turn, so tonnes are never compared with cubic metres or gigajoules; the log says what was left out. 0 keeps all. The outputs hold exactly what the map shows.

Eco-industrial parks: the Parks and Supply links outputs of Site eco-industrial parks draw each park as a node of its own (labelled with its name and what it takes in) with its supply arrows, coloured and sized like the exchanges. Park arrows are always all drawn. With parks, Links may be left empty: a park map.</source>
        <translation>Рисует сеть симбиоза на карте: изогнутую стрелку от источника каждого отхода к его потребителю (толщина по классу количества, цвет по категории материала, подпись — материал и количество) и знак каждого предприятия (значок по отрасли, размер по обороту, подпись — название).

Связи: выбранные обмены, маршруты или пары-кандидаты (толщину задаёт tonnage, иначе potential). Географический режим рисует между реальными положениями; схематический раздвигает предприятия плотного узла не ближе «Интервала», каждое как можно ближе к реальному положению, чтобы все стрелки читались. Потоки между одними и теми же предприятиями изгибаются в разные стороны; встречные — по разные стороны. Подписи на русском или английском. Если заданы промышленные узлы, остаются обмены, оба конца которых в этих узлах. Оба результата загружаются со стилями, в том числе внутри модели.

Объединять параллельные стрелки: стрелки одного материала к одному потребителю сливаются в одну стрелку с суммарным количеством, числом поставщиков и их названиями («12 шахт: 3,4 млн т/год»), проведённую из центра поставщиков, взвешенного по количеству (отнесённого на половину их среднего расстояния, если он оказался рядом с потребителем); количества в разных единицах никогда не складываются, а стрелка единственного поставщика остаётся как есть. По умолчанию выключено, чтобы сохранённые модели рисовали прежнюю картину; модель печати включает этот режим.

Только крупнейшие связи: оставляет столько стрелок (после объединения) — крупнейших по годовой выгоде (руб. в год, поле benefit оптимизированных обменов), если она есть у каждой связи, иначе по очереди крупнейшие в каждой единице, так что тонны никогда не сравниваются с кубометрами или гигаджоулями; журнал сообщает, что опущено. 0 — оставить все. Результаты содержат ровно то, что показано на карте.

Эко-промышленные парки: по результатам «Эко-промышленные парки» и «Связи поставок в парки» алгоритма «Разместить эко-промышленные парки» каждый парк рисуется отдельным знаком (подпись — название и принимаемый объём) со стрелками поставок, окрашенными и толщиной как обмены. Стрелки парков рисуются всегда все. Если заданы парки, «Связи» можно оставить пустыми: получится карта парков.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="78"/>
        <source>Builds a print layout of the symbiosis diagram from a template (A4 or A3 landscape): the map, a title, a legend (material colours and tonnage width classes), a scale bar, a north arrow, a table of the exchanges, the data sources and the date; exports it to PDF and PNG. Runs headless (qgis_process). When the arrows and enterprises are layers of the open project, the layout is also added to the project (Add the layout to the project), so it can be edited before printing.

Arrows and enterprises: the outputs of &apos;Draw symbiosis diagram&apos; (styled for print if they are not already). Background layers (roads, rails...) are drawn beneath.</source>
        <translation>Строит макет печати схемы симбиоза по шаблону (A4 или A3, альбомная): карта, заголовок, легенда (цвета материалов и классы толщины по объёму), масштабная линейка, стрелка севера, таблица обменов, источники данных и дата; экспортирует в PDF и PNG. Работает без интерфейса (qgis_process). Если стрелки и предприятия — слои открытого проекта, макет также добавляется в проект («Добавить макет в проект»), чтобы его можно было отредактировать перед печатью.

Стрелки и предприятия: результаты «Нарисовать схему симбиоза» (оформляются для печати, если ещё не оформлены). Фоновые слои (дороги, железные дороги...) рисуются ниже.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/export_map.py" line="90"/>
        <source>Language: every text on the page (title, legend, table, scale bar, sources, labels) in one language, the interface&apos;s by default. Enterprise names come from name_ru / name of the enterprise layer when it is given; a name that exists only in the other language is transliterated, never mixed in. Enterprise names never overlap: each is placed beside its symbol, moved out with a leader line where the symbols crowd; when the node is too dense for the page, an inset map enlarges its densest part. Arrow labels that find no room are left out; the table lists the arrows largest first, tonnes before energy and volumes, and says how many did not fit.</source>
        <translation>Язык: все надписи листа (заголовок, легенда, таблица, масштабная линейка, источники, подписи) на одном языке, по умолчанию — на языке интерфейса. Названия предприятий берутся из name_ru / name слоя предприятий, если он задан; название, которое есть только на другом языке, транслитерируется и никогда не смешивается с другим языком. Названия предприятий не перекрываются: каждое стоит у своего знака, а где знаки теснятся — отнесено с выноской; если узел слишком плотен для листа, врезка показывает его самую плотную часть в крупном масштабе. Подписи стрелок, которым не хватило места, опускаются; таблица перечисляет стрелки от крупнейших, тонны — перед единицами энергии и объёма, и сообщает, сколько не поместилось.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/shipped_models.py" line="120"/>
        <source>Points or polygons with site_id and area_ha (optional name, name_ru, land_status, fixed_cost).</source>
        <translation>Точки или полигоны с полями site_id и area_ha (необязательно name, name_ru, land_status, fixed_cost).</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/processing/site_parks.py" line="154"/>
        <source>Chooses which candidate sites become eco-industrial parks, how many modules of which closing production (tenant) each park hosts, which supply flows feed them and how much the region co-finances, so that the annual net benefit is largest: product value (or avoided primary purchase) + avoided disposal - transport - operating cost - annualised capex not co-financed - annualised site cost. An exact mixed-integer programme solved with HiGHS.

Constraints: supplies available, module capacity, each tenant&apos;s recipe (the materials it accepts and the largest share of each in its input), site area, at most MAX_PARKS parks, co-financing at most the share of capex and within the budget. Capex, site cost and budget are one-off RUB, annualised with the capital recovery factor of the discount rate and lifetime.

Sites: site_id and area_ha; optional name, name_ru, land_status and fixed_cost (one-off RUB to prepare the site; the default site cost where empty). Tenants: the bundled resources/park_tenants.csv unless a table with the same columns is given. Transport: over the road and rail network when roads are given (the routing of &apos;Route candidates over road and rail&apos;), else straight distance x detour factor x road tariff; gas and heat are costed per straight km within their economic radius.

Outputs: parks (the chosen sites with tenants, tonnes, capex, co-financing and net benefit), tenant rows (one per site and tenant type, with the number of modules), supply links (supplier -&gt; park arrows). The solver status and MIP gap are in the log and in the result values; a run stopped by the time limit writes the best solution found and says so.</source>
        <translation>Выбирает, какие площадки-кандидаты станут эко-промышленными парками, сколько модулей каких замыкающих производств (резидентов) разместит каждый парк, какие потоки предложения их снабжают и сколько софинансирует регион, чтобы годовая чистая выгода была наибольшей: стоимость продукции (или предотвращённая закупка первичного сырья) + предотвращённое размещение отходов − транспорт − эксплуатационные затраты − приведённые к году капитальные затраты без софинансирования − приведённые к году затраты на площадку. Точная задача смешанного целочисленного программирования, решается HiGHS.

Ограничения: доступное предложение, мощность модулей, рецептура каждого резидента (принимаемые материалы и наибольшая доля каждого во входном сырье), площадь площадки, не более MAX_PARKS парков, софинансирование не больше заданной доли капитальных затрат и в пределах бюджета. Капитальные затраты, затраты на площадку и бюджет — единовременные, в рублях; к году они приводятся коэффициентом возврата капитала по ставке дисконтирования и сроку службы.

Площадки: site_id и area_ha; необязательные name, name_ru, land_status и fixed_cost (единовременные затраты на подготовку площадки, руб.; если пусто — затраты на площадку по умолчанию). Резиденты: встроенный resources/park_tenants.csv, если не задана таблица с теми же столбцами. Транспорт: по сети автодорог и железных дорог, если заданы дороги (маршрутизация «Построить маршруты по автодорогам и железной дороге»), иначе расстояние по прямой x коэффициент непрямолинейности x автомобильный тариф; газ и тепло оцениваются по километрам по прямой в пределах их экономического радиуса.

Результаты: парки (выбранные площадки с резидентами, тоннами, капитальными затратами, софинансированием и чистой выгодой), строки резидентов (по одной на площадку и тип резидента, с числом модулей), связи поставок (стрелки поставщик -&gt; парк). Статус решателя и разрыв MIP выводятся в журнал и в выходные значения; расчёт, остановленный по лимиту времени, записывает лучшее найденное решение и сообщает об этом.</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="216"/>
        <source>By road</source>
        <translation>Автодорогой</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="217"/>
        <source>By rail</source>
        <translation>Железной дорогой</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="218"/>
        <source>By road and rail</source>
        <translation>Автодорогой и железной дорогой</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="219"/>
        <source>By pipeline</source>
        <translation>Трубопроводом</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="220"/>
        <source>By heat main</source>
        <translation>Теплотрассой</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="221"/>
        <source>Unreachable</source>
        <translation>Недостижимо</translation>
    </message>
    <message>
        <location filename="../symbiosis_qgis/core/definitions.py" line="222"/>
        <source>Straight-line estimate</source>
        <translation>Оценка по прямой</translation>
    </message>
</context>
</TS>
