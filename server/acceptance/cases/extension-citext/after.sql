CREATE EXTENSION citext;
CREATE TABLE u (id int PRIMARY KEY, name citext);
