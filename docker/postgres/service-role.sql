-- The database role the service runs as, when migrations run as another role that owns the tables
-- (QUARKUS_FLYWAY_USERNAME; README, "Row-level security"). It is no superuser and has no BYPASSRLS, so
-- row-level security holds for it; it reads and writes rows and owns nothing.
-- Run once, as the migration role (or a superuser), in the service's database, with psql variables:
--   psql -v service_role=cases_service -v service_password="$CASES_SERVICE_DB_PASSWORD" \
--        -v migration_role=cases -f service-role.sql cases
create role :"service_role" login password :'service_password' nosuperuser nocreatedb nocreaterole nobypassrls;
grant connect on database :"DBNAME" to :"service_role";
grant usage on schema public to :"service_role";
-- Tables and sequences that exist now, and those the migration role creates later.
grant select, insert, update, delete on all tables in schema public to :"service_role";
grant usage, select on all sequences in schema public to :"service_role";
alter default privileges for role :"migration_role" in schema public
    grant select, insert, update, delete on tables to :"service_role";
alter default privileges for role :"migration_role" in schema public
    grant usage, select on sequences to :"service_role";
