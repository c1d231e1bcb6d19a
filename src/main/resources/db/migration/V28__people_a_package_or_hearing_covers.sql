-- A package to USCIS covers the people it names (default: everyone still waiting for one), and a hearing that
-- names family members is theirs alone: their court case was severed from the principal's.
alter table filing_event add column client_ids text not null default '';
