CREATE TABLE base (a int, b int);
CREATE TABLE child () INHERITS (base);
