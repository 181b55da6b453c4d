CREATE TABLE o (id int PRIMARY KEY, s text NOT NULL DEFAULT 'new', history text[]);
