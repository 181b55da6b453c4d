CREATE TABLE c (id int PRIMARY KEY, parent_id int, CHECK (id <> parent_id));
CREATE INDEX c_pair ON c ((id + parent_id));
