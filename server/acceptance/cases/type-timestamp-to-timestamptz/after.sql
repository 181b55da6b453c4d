CREATE TABLE ev (id int PRIMARY KEY, at timestamptz, day timestamp);
