SELECT (SELECT count(*) FROM order_totals) = 2 AND (SELECT customer_id FROM top_customer) = 2 AS ok
