-- Clients, their asylum applications and the applications' timelines (SPEC §3, §4).
create table client (
    id                  uuid         primary key,
    organization_id     varchar(63)  not null references organization (id),
    external_ref        varchar(100),
    first_name          varchar(100) not null,
    last_name           varchar(100) not null,
    date_of_birth       date,
    a_number            varchar(10),
    preferred_language  varchar(50),
    phone               varchar(30),
    email               varchar(254),
    address_line1       varchar(200),
    address_line2       varchar(200),
    address_city        varchar(100),
    address_state       varchar(2),
    address_postal_code varchar(10),
    last_arrival_on     date,
    identity_documents  varchar(200) not null default '',
    caseworker          varchar(100),
    version             bigint       not null default 0,
    created_at          timestamptz  not null,
    created_by          varchar(255) not null,
    updated_at          timestamptz  not null,
    updated_by          varchar(255) not null
);
create unique index client_external_ref_uk on client (organization_id, external_ref) where external_ref is not null;
create index client_org_name_idx on client (organization_id, last_name, first_name, id);
create index client_org_caseworker_idx on client (organization_id, caseworker);
create index client_org_a_number_idx on client (organization_id, a_number);

create table filing (
    id                        uuid         primary key,
    organization_id           varchar(63)  not null references organization (id),
    client_id                 uuid         not null references client (id),
    external_ref              varchar(100),
    venue                     varchar(20)  not null check (venue in ('USCIS', 'IMMIGRATION_COURT')),
    channel                   varchar(10)  check (channel in ('MAIL', 'ONLINE')),
    filed_on                  date         not null,
    court_name                varchar(200),
    family_member_ids         text         not null default '',
    stage                     varchar(40)  not null,
    package_mailed_on         date,
    tracking_number           varchar(64),
    receipt_number            varchar(13),
    receipt_received_on       date,
    biometrics_clock_start_on date,
    notice_received_on        date,
    appointment_at            timestamptz,
    appointment_location      varchar(300),
    delivered_via             varchar(20),
    reschedule_count          integer      not null default 0,
    stamped_notice_kept       boolean,
    missed_on                 date,
    completed_on              date,
    individual_hearing_at     timestamptz,
    work_permit_filed_on      date,
    outcome                   varchar(20),
    closed_on                 date,
    event_count               integer      not null default 0,
    version                   bigint       not null default 0,
    created_at                timestamptz  not null,
    created_by                varchar(255) not null,
    updated_at                timestamptz  not null,
    updated_by                varchar(255) not null,
    constraint filing_channel_matches_venue check ((venue = 'USCIS') = (channel is not null))
);
create unique index filing_external_ref_uk on filing (organization_id, external_ref) where external_ref is not null;
create index filing_org_client_idx on filing (organization_id, client_id);
create index filing_org_stage_idx on filing (organization_id, stage);

create table filing_event (
    id                  uuid         primary key,
    filing_id           uuid         not null references filing (id),
    organization_id     varchar(63)  not null references organization (id),
    sequence            integer      not null,
    type                varchar(40)  not null,
    occurred_on         date         not null,
    tracking_number     varchar(64),
    receipt_number      varchar(13),
    appointment_at      timestamptz,
    location            varchar(300),
    delivered_via       varchar(20),
    reschedule_via      varchar(10),
    requested_at        timestamptz,
    reason              varchar(2000),
    stamped_notice_kept boolean,
    hearing_at          timestamptz,
    hearing_kind        varchar(20),
    contact_channel     varchar(30),
    note                varchar(4000),
    outcome             varchar(20),
    stage_before        varchar(40)  not null,
    stage_after         varchar(40)  not null,
    progress_before     text         not null,
    recorded_by         varchar(255) not null,
    recorded_at         timestamptz  not null,
    retracted_by        varchar(255),
    retracted_at        timestamptz,
    -- a second event computed against the same state cannot slip in beside the first
    constraint filing_event_sequence_uk unique (filing_id, sequence)
);
