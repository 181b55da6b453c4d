CREATE SCHEMA app;
CREATE TYPE app.level AS ENUM ('low', 'high');
CREATE TABLE app.jobs (id int PRIMARY KEY, lvl app.level DEFAULT 'low');
