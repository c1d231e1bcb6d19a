-- The change feed keeps a retention period. The purge walks the feed in cursor order, and remembers how far it
-- went, so that a reader whose cursor lies before that point is told its position is gone (410).
create index change_feed_position_idx on change_feed (txid, id);

create table change_feed_purge (
    single       boolean      primary key default true check (single),
    purged_txid  xid8         not null,
    purged_id    bigint       not null,
    purged_at    timestamptz  not null
);
