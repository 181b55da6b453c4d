SELECT NOT t.relispopulated AND c.relispopulated AND (SELECT sum(n) FROM order_counts) = 3 AS ok
FROM pg_class t, pg_class c WHERE t.oid = 'order_totals'::regclass AND c.oid = 'order_counts'::regclass
