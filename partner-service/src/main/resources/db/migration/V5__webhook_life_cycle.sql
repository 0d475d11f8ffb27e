-- Webhook life cycle (issue 23): a version for If-Match, the secret a rotation replaced and until when deliveries are
-- signed with it too, and deliveries that go with their webhook when it is deleted.
alter table webhook add column version bigint not null default 1;
alter table webhook add column previous_secret varchar(200);
alter table webhook add column previous_secret_until timestamptz;
alter table delivery drop constraint delivery_webhook_id_fkey;
alter table delivery add constraint delivery_webhook_id_fkey foreign key (webhook_id) references webhook (id) on delete cascade;
