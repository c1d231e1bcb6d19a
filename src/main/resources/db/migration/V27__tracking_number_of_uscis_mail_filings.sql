-- A USCIS filing sent by mail has the mail carrier's tracking number: the Contact Center asks for it when the
-- receipt is late. (A court filing's package keeps its own on the USCIS_PACKAGE_MAILED event.)
alter table filing add column mailing_tracking_number varchar(64);
