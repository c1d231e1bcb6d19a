-- The day USCIS or the court received the application, when it differs from the filing date: the work-permit clock
-- counts from it (8 CFR 208.7).
alter table filing add column received_on date;
