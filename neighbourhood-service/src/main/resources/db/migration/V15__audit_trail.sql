-- The audit trail (the platform's Audit): every change of a record, with who made it (the bearer token's subject, role and
-- organisation), when, the record before and after (personal data masked) and the reason given. Read per record by those
-- who may read the record, and across records by the admin (/api/v1/audit-entries). Kept; no retention window.
create table audit_entry (
    id                 bigint generated always as identity primary key,
    record_kind        varchar(60)   not null,
    record_id          varchar(200)  not null,
    action             varchar(40)   not null,
    actor_subject      varchar(200)  not null,
    actor_role         varchar(20),
    actor_organisation varchar(64),
    recorded_at        timestamptz   not null,
    reason             varchar(2000),
    changes            jsonb         not null,
    before_state       jsonb,
    after_state        jsonb
);
create index audit_entry_record on audit_entry (record_kind, record_id, id);
create index audit_entry_recorded_at on audit_entry (recorded_at);
create index audit_entry_actor on audit_entry (actor_subject, recorded_at);
