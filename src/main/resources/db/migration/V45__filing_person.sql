-- Who is on which filing, one row per person: the principal and each family member. "Which filings is this client
-- on?" is then an equality on an index. The list in filing.family_member_ids answered it only through a GIN index
-- on string_to_array(...) @> ..., and row-level security keeps a non-leakproof operator such as @> from being used
-- as an index condition (it may only run after the policy): under the policy each lookup read every filing of the
-- organization.
--
-- The rows follow the filing by construction: a trigger writes them when a filing is inserted or its people
-- change, whoever writes the filing (the service, a bulk load, a migration), and they go with the filing.
create table filing_person (
    filing_id       uuid        not null references filing (id) on delete cascade,
    client_id       uuid        not null, -- as family_member_ids, which the service checks against clients
    organization_id varchar(63) not null references organization (id),
    principal       boolean     not null,
    primary key (client_id, filing_id)
);
create index filing_person_filing_idx on filing_person (filing_id);
create index filing_person_organization_idx on filing_person (organization_id, filing_id);

create function filing_person_sync() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' then
        delete from filing_person where filing_id = new.id;
    end if;
    insert into filing_person (filing_id, client_id, organization_id, principal)
    select new.id, new.client_id, new.organization_id, true
    union
    select new.id, cast(m.id as uuid), new.organization_id, false
      from unnest(string_to_array(new.family_member_ids, ',')) as m(id)
     where m.id <> '' and cast(m.id as uuid) <> new.client_id;
    return null;
end;
$$;

comment on function filing_person_sync() is 'Keeps filing_person equal to each filing''s principal and family members';

create trigger filing_person_on_insert
    after insert on filing
    for each row execute function filing_person_sync();

-- Recording an event rewrites the filing's row without changing its people: only a change of them rewrites these rows.
create trigger filing_person_on_people_change
    after update of client_id, family_member_ids on filing
    for each row
    when (old.client_id is distinct from new.client_id or old.family_member_ids is distinct from new.family_member_ids)
    execute function filing_person_sync();

insert into filing_person (filing_id, client_id, organization_id, principal)
select f.id, f.client_id, f.organization_id, true from filing f;

insert into filing_person (filing_id, client_id, organization_id, principal)
select distinct f.id, cast(m.id as uuid), f.organization_id, false
  from filing f
 cross join lateral unnest(string_to_array(f.family_member_ids, ',')) as m(id)
 where f.family_member_ids <> '' and m.id <> '' and cast(m.id as uuid) <> f.client_id;

select enable_organization_row_security('filing_person');

drop index filing_family_members_idx;
