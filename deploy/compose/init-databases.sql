-- One database per service; each service owns its own tables (Flyway creates them).
create database catalog;
create database neighbourhood;
create database evaluation;
create database partner;
