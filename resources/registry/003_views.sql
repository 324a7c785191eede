-- 003: views. registry.enterprises and registry.flows have exactly the fields of the
-- plugin's ENTERPRISES and FLOWS layers (plus an integer fid for QGIS), so every algorithm
-- reads the registry unchanged. They run with the reader's rights (security_invoker), so
-- each login sees through them only what row-level security lets it see.

CREATE VIEW registry.enterprises WITH (security_invoker = true) AS
SELECT fid, ent_id, name, name_ru, sector, node, operator, geom
FROM registry.enterprise;

CREATE VIEW registry.flows WITH (security_invoker = true) AS
SELECT listing_id AS fid,
       'L' || listing_id AS flow_id,
       ent_id,
       CASE kind WHEN 'offer' THEN 'supply' ELSE 'demand' END AS direction,
       material,
       quantity::double precision AS quantity,
       unit,
       registry.format_fkko(fkko) AS fkko,
       price::double precision AS price,
       source,
       year
FROM registry.listing;

-- Listings on the map: each at its enterprise, with what a member may know about it.
CREATE VIEW registry.listings_map WITH (security_invoker = true) AS
SELECT l.listing_id AS fid,
       'L' || l.listing_id AS flow_id,
       l.ent_id,
       e.name AS enterprise,
       e.name_ru AS enterprise_ru,
       e.node,
       CASE l.kind WHEN 'offer' THEN 'supply' ELSE 'demand' END AS direction,
       l.material,
       l.quantity::double precision AS quantity,
       l.unit,
       registry.format_fkko(l.fkko) AS fkko,
       l.hazard_class,
       l.legal_status,
       l.price::double precision AS price,
       l.quality,
       l.available_from,
       l.available_to,
       l.contract_term,
       l.visibility,
       l.updated_at,
       e.geom
FROM registry.listing AS l
JOIN registry.enterprise AS e USING (ent_id);

GRANT SELECT ON registry.enterprises, registry.flows, registry.listings_map
    TO registry_enterprise, registry_operator;

-- Anonymous readers: tonnes by node and material of the public listings, and only where at
-- least 3 enterprises contribute, so no total stands for one enterprise (the usual threshold
-- of statistical disclosure control). These views run with their owner's rights: the
-- anonymous role has no access to schema registry at all.
CREATE SCHEMA IF NOT EXISTS registry_public;
REVOKE ALL ON SCHEMA registry_public FROM PUBLIC;

CREATE VIEW registry_public.tonnes_by_node_material AS
SELECT e.node,
       l.material,
       CASE l.kind WHEN 'offer' THEN 'supply' ELSE 'demand' END AS direction,
       l.unit,
       count(DISTINCT l.ent_id) AS enterprises,
       count(*) AS listings,
       sum(l.quantity)::double precision AS quantity
FROM registry.listing AS l
JOIN registry.enterprise AS e USING (ent_id)
WHERE l.visibility = 'public'
GROUP BY e.node, l.material, l.kind, l.unit
HAVING count(DISTINCT l.ent_id) >= 3;

-- Region-wide totals are sums of the node totals shown above, never of all listings:
-- otherwise subtracting the node totals from them would reveal the totals held back.
CREATE VIEW registry_public.tonnes_by_material AS
SELECT material,
       direction,
       unit,
       sum(enterprises)::bigint AS enterprises,
       sum(listings)::bigint AS listings,
       sum(quantity) AS quantity
FROM registry_public.tonnes_by_node_material
GROUP BY material, direction, unit;

GRANT USAGE ON SCHEMA registry_public
    TO registry_anonymous, registry_enterprise, registry_operator;
GRANT SELECT ON ALL TABLES IN SCHEMA registry_public
    TO registry_anonymous, registry_enterprise, registry_operator;
