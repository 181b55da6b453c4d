CREATE SCHEMA archive;
CREATE TABLE logs (id int PRIMARY KEY, msg text);
