-- The identity continues after the rows already there: a new row does not collide with them.
WITH added AS (INSERT INTO t (name) VALUES ('new') RETURNING id)
SELECT id = 2 AS ok FROM added
