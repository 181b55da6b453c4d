CREATE SCHEMA app;
CREATE TYPE app.level AS ENUM ('high', 'low', 'urgent');
CREATE TABLE app.jobs (id int PRIMARY KEY, lvl app.level DEFAULT 'high');
