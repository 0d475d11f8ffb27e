-- The latest correction or the withdrawal of each measurement this service applied, by the revision its event carries
-- (MeasurementChanges): a correction or withdrawal that arrives before its measurement (a replay, a dead letter replayed
-- later) wins over the measurement when it comes, and an older correction after a newer one changes nothing. A measurement
-- never corrected or withdrawn has no row.
create table measurement_revision (
    measurement_id varchar(100) primary key,
    revision       bigint       not null,
    withdrawn      boolean      not null,
    changed_at     timestamptz  not null default now()
);
