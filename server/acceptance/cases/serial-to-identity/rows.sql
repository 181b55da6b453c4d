INSERT INTO t (name) VALUES ('a');
