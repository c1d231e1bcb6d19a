-- USCIS can reuse fingerprints taken before: the person is done without an appointment. The day it did so.
alter table filing add column if not exists biometrics_reused_on date;
