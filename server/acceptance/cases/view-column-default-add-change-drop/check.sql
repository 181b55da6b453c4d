WITH added AS (INSERT INTO open_orders (id) VALUES (4) RETURNING status, note, total)
SELECT status = 'pending' AND note IS NULL AND total = 0 AS ok FROM added
