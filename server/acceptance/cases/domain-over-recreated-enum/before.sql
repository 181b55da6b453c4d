CREATE TYPE mood AS ENUM ('x', 'y', 'z');
CREATE DOMAIN mood_d AS mood;
CREATE TABLE u (id int PRIMARY KEY, m mood_d, n mood);
