-- The child declares only a constraint; its columns come from the parent.
CREATE TABLE base (a int, b int);
CREATE TABLE child (UNIQUE (a, b)) INHERITS (base);
