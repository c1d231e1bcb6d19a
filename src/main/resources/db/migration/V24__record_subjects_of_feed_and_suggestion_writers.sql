-- Writers are recorded by their token's subject (stable across renames) next to their username, as on the
-- other audited tables: calendar feeds (created and updated) and decisions on case status suggestions.
alter table calendar_feed
    add column created_by_subject varchar(255),
    add column updated_by_subject varchar(255);
alter table case_status_suggestion
    add column decided_by_subject varchar(255);
