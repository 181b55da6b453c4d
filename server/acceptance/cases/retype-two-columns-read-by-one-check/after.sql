CREATE TABLE c (id text PRIMARY KEY, parent_id text, CHECK (id <> parent_id));
