INSERT INTO base VALUES (1, 'p');
INSERT INTO child VALUES (2, 'kept', 'x');
INSERT INTO other VALUES (3, 'gone');
