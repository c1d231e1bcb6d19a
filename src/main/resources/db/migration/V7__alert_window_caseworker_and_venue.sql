-- The overdue report filters and groups by case worker and venue. Keeping both on the window lets the
-- summary, the count and every filter read alert_window alone; only the rows of a page join filing and client
-- (names, stage). AlertWindowStore writes them with each window and follows a client's reassignment.
alter table alert_window
    add column caseworker varchar(100),
    add column venue      varchar(20);

update alert_window w
   set caseworker = c.caseworker,
       venue = f.venue
  from client c, filing f
 where c.id = w.client_id
   and f.id = w.filing_id;

alter table alert_window alter column venue set not null;
