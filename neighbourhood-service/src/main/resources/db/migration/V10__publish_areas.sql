-- The registry's years by a loose index scan (ImportService: a period is checked against the latest year up to its own).
create index area_year on area (year);

-- Publishes what existed before neighbourhood.areas.v1 did, once: the kapstok, every area of every year and every
-- complex, as the outbox events the service writes from now on when it registers one (event/IndicatorDefined,
-- AreaRegistered, ComplexRegistered). The relay sends them in this order; the topic is compacted by key.
insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at)
select gen_random_uuid(), 'neighbourhood.areas.v1', 'indicator:' || code, 'nl.leefbaarheid.indicator.defined.v1', 'indicator:' || code,
       json_strip_nulls(json_build_object('code', code, 'name', name, 'unit', unit, 'scaleMin', scale_min, 'scaleMax', scale_max,
                         'higherIsBetter', higher_is_better, 'dimension', dimension, 'minRespondents', min_respondents,
                         'restricted', restricted))::text,
       now()
  from indicator
 order by code;

insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at)
select gen_random_uuid(), 'neighbourhood.areas.v1', 'area:' || code || ':' || year, 'nl.leefbaarheid.area.registered.v1',
       'area:' || code || ':' || year,
       json_strip_nulls(json_build_object('code', code, 'year', year, 'level', lower(level), 'name', name, 'parentCode', parent_code,
                         'households', households, 'homes', homes, 'corporationHomes', corporation_homes))::text,
       now()
  from area
 order by year, code;

insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at)
select gen_random_uuid(), 'neighbourhood.areas.v1', 'complex:' || corporation_id || ':' || code, 'nl.leefbaarheid.complex.registered.v1',
       'complex:' || corporation_id || ':' || code,
       json_strip_nulls(json_build_object('corporationId', corporation_id, 'complexId', code, 'neighbourhoodCode', neighbourhood_code,
                         'name', name, 'homes', homes, 'households', households))::text,
       now()
  from housing_complex
 order by corporation_id, code;
