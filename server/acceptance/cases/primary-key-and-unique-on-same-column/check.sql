SELECT (SELECT string_agg(conname || ':' || contype::text, ',' ORDER BY conname COLLATE "C") FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u'))
  = 'accounts_pkey:p,entries_id_once:p,ledgers_code_key:u,ledgers_id_key:u,ledgers_id_key1:u,ledgers_pkey:p' AS ok
