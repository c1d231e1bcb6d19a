-- Who wrote a row, by the token's sub: Keycloak's stable user id, never reused, which survives a rename.
-- The existing *_by columns keep the username at the time of writing, for display. Rows written before this
-- migration have no subject: their usernames stay as they were, and they remain readable history.

-- The people the service has seen, and the name each one had when last seen. A rename in Keycloak shows here
-- on the person's next request and is carried to the names shown for the clients they are responsible for.
create table account (
    subject    varchar(255) primary key,
    username   varchar(255) not null,
    seen_at    timestamptz  not null
);

alter table organization
    add column created_by_subject varchar(255),
    add column updated_by_subject varchar(255);
alter table client
    add column created_by_subject varchar(255),
    add column updated_by_subject varchar(255),
    -- The owner key of a client: the responsible case worker's subject. caseworker keeps their username.
    add column caseworker_subject varchar(255);
alter table filing
    add column created_by_subject varchar(255),
    add column updated_by_subject varchar(255);
alter table webhook_subscription
    add column created_by_subject varchar(255),
    add column updated_by_subject varchar(255);
alter table filing_event
    add column recorded_by_subject  varchar(255),
    add column retracted_by_subject varchar(255);

-- A case worker's own clients (overdue list), and the names to rewrite when they are renamed.
create index client_org_caseworker_subject_idx on client (organization_id, caseworker_subject);
