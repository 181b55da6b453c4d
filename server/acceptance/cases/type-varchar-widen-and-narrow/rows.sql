INSERT INTO t VALUES (1, 'abc', 'short', 'fits');
