SELECT (SELECT string_agg(sequence_name || ':' || data_type, ',' ORDER BY sequence_name) FROM information_schema.sequences) = 'orders_id_seq:bigint,tickets:bigint'
  AND NOT EXISTS (SELECT FROM pg_depend WHERE objid = 'orders_id_seq'::regclass AND deptype = 'a')
  AND (SELECT last_value FROM orders_id_seq) = 2 AS ok
