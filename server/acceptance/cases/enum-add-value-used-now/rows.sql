INSERT INTO o VALUES (1, 'new', '{new}'), (2, 'shipped', '{new,paid,shipped}');
