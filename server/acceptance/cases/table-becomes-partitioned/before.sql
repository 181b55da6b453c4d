CREATE TABLE m (id int, at date NOT NULL, v int);
CREATE VIEW recent AS SELECT id, at FROM m;
CREATE TABLE note (id int PRIMARY KEY);
