CREATE TABLE ev (id int PRIMARY KEY, at timestamp, day date);
