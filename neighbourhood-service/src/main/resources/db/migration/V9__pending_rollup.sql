-- Neighbourhoods whose district and municipality are still to be rolled up. The measurement consumer writes a row in
-- the transaction that recalculates the neighbourhood, with the measurement that caused it (for the reason and the trace
-- of the district's and municipality's status); the roll-up takes and deletes rows in the transaction that stores the
-- rolled-up statuses, so a request is never lost and never done twice.
create table pending_rollup (
    id                 bigint generated always as identity primary key,
    neighbourhood_code varchar(10)  not null,
    measurement_id     varchar(100),
    trace_parent       varchar(100),
    requested_at       timestamptz  not null default now()
);
