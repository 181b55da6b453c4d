CREATE TABLE a (x int, y int, PRIMARY KEY (x, y));
CREATE TABLE b (id int PRIMARY KEY, x int, y int, FOREIGN KEY (x, y) REFERENCES a (x, y) ON DELETE CASCADE);
