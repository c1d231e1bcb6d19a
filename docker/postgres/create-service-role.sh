#!/bin/sh
# Run by the postgres image when it creates the cases database (docker-entrypoint-initdb.d): the service
# connects as its own role, which is no superuser (row-level security would not hold for one), while
# migrations run as the database's owner, POSTGRES_USER. For a volume created before, run service-role.sql
# once by hand (README, "Row-level security").
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v service_role=cases_service -v service_password="$CASES_SERVICE_DB_PASSWORD" \
    -v migration_role="$POSTGRES_USER" -f /docker-entrypoint-initdb.d/service-role.sql.in
