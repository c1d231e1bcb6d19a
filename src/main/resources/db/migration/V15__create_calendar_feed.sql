-- Calendar feeds: secret URLs that calendar apps poll without a token. Only the SHA-256 of the URL's token is
-- stored; the token itself is shown once, when the feed is created.
create table calendar_feed (
    id              uuid         primary key,
    organization_id varchar(63)  not null references organization (id),
    -- the case worker whose clients the feed shows; null: the whole organization
    caseworker      varchar(100),
    token_sha256    varchar(64)  not null,
    revoked_at      timestamptz,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    created_by      varchar(255) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(255) not null
);
create unique index calendar_feed_token_uk on calendar_feed (token_sha256);
create index calendar_feed_org_idx on calendar_feed (organization_id, created_at, id) where revoked_at is null;
