WITH added AS (INSERT INTO open_orders (id, total) VALUES (3, 1) RETURNING status, qty)
SELECT status = 'open' AND qty = 1 AS ok FROM added
