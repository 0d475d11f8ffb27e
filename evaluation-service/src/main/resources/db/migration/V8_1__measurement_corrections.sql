-- Measurements are corrected and withdrawn (with a reason, kept in the audit trail): their version is their ETag and the
-- revision their events carry; a withdrawn one stays, marked, and no longer counts. A batch is withdrawn in one call by
-- the Idempotency-Key it was recorded with or by the source batch its rows name.
alter table measurement
    add column version         bigint       not null default 0,
    add column source_batch    varchar(120),
    add column idempotency_key varchar(200),
    add column corrected_at    timestamptz,
    add column withdrawn_at    timestamptz;
-- the list's filters (area, indicator, period) and its order
create index measurement_area on measurement (area_code, recorded_at);
create index measurement_idempotency_key on measurement (idempotency_key) where idempotency_key is not null;
create index measurement_source_batch on measurement (source_batch) where source_batch is not null;
