-- When a complex counts for its corporation, as neighbourhood-service publishes it (nl.leefbaarheid.complex.changed.v1 on
-- neighbourhood.areas.v1): from since (a complex taken over from another corporation; null: since it was registered) until
-- ended_on (sold, demolished or transferred to transferred_to; null: it has not ended). A measurement of a period that
-- starts outside that span is refused (domain/ComplexTenure).
alter table complex_ref
    add column since          date,
    add column ended_on       date,
    add column end_reason     varchar(20),
    add column transferred_to varchar(64);
