-- Imports answered later (a large file, or Prefer: respond-async): one row per job, so that any instance answers for it,
-- also after a restart. The instance that accepted the file runs it and says so in heartbeat_at every few seconds; a job
-- whose heartbeat is stale is failed (its instance stopped, and with it the import's transaction). result and problem are
-- the JSON of the import's answer and of the problem details it failed with.
create table import_job (
    id                 uuid         primary key,
    kind               varchar(32)  not null,
    year               integer,
    state              varchar(16)  not null check (state in ('queued', 'running', 'done', 'failed')),
    created_by         varchar(200) not null,
    instance_id        varchar(64)  not null,
    bytes              bigint       not null,
    rows_read          integer      not null default 0,
    rows_stored        integer      not null default 0,
    areas_recalculated integer      not null default 0,
    percentage         smallint     not null default 0,
    created_at         timestamptz  not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    heartbeat_at       timestamptz  not null,
    result             text,
    problem            text
);
-- the jobs that may still run, looked at by every heartbeat
create index import_job_active on import_job (instance_id, created_at) where state in ('queued', 'running');
