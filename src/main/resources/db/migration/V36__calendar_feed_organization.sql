-- A calendar feed is fetched without a token: its URL's secret is all there is, so the organization it
-- belongs to cannot come from a token. This function is the one way past row-level security for it: given
-- the SHA-256 of a URL's token, it answers the organization of the active feed with that token (nothing
-- else), and the service then reads the feed and its calendar as that organization. It sees across
-- organizations for its one query and puts the setting back as it was.
create function calendar_feed_organization(feed_token_sha256 varchar)
    returns varchar
    language plpgsql
as $$
declare
    before text := current_setting('app.across_organizations', true);
    found  varchar;
begin
    perform set_config('app.across_organizations', 'on', true);
    select f.organization_id into found
    from calendar_feed f
    where f.token_sha256 = feed_token_sha256 and f.revoked_at is null;
    perform set_config('app.across_organizations', coalesce(before, 'off'), true);
    return found;
end;
$$;
