-- Tenants and their alert thresholds (SPEC §5 defaults).
create table organization (
    id                               varchar(63)  primary key,
    name                             varchar(200) not null,
    time_zone                        varchar(64)  not null,
    receipt_overdue_months           integer      not null default 3  check (receipt_overdue_months > 0),
    biometrics_notice_overdue_months integer      not null default 2  check (biometrics_notice_overdue_months > 0),
    hearing_warning_days             integer      not null default 60 check (hearing_warning_days > 0),
    package_grace_days               integer      not null default 7  check (package_grace_days > 0),
    appointment_reminder_days        integer      not null default 7  check (appointment_reminder_days > 0),
    walk_in_window_days              integer      not null default 21 check (walk_in_window_days > 0),
    online_reschedule_cutoff_hours   integer      not null default 12 check (online_reschedule_cutoff_hours > 0),
    max_online_reschedules           integer      not null default 2  check (max_online_reschedules >= 0),
    work_permit_wait_days            integer      not null default 150 check (work_permit_wait_days > 0),
    court_biometrics_process         varchar(20)  not null default 'MAIL_PACKAGE'
        check (court_biometrics_process in ('MAIL_PACKAGE', 'AUTOMATIC')),
    version                          bigint       not null default 0,
    created_at                       timestamptz  not null,
    created_by                       varchar(255) not null,
    updated_at                       timestamptz  not null,
    updated_by                       varchar(255) not null
);
