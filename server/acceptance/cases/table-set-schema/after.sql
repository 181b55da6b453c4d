CREATE SCHEMA archive;
CREATE TABLE archive.logs (id int PRIMARY KEY, msg text);
