CREATE TABLE u (id int PRIMARY KEY, name text);
