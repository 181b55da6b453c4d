CREATE SCHEMA accounts;
CREATE TABLE accounts.invoices (id int PRIMARY KEY);
