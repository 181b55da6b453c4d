INSERT INTO docs VALUES (1, '{"a": 1}');
