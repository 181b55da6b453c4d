CREATE TABLE base (id int);
CREATE TABLE child (code text, extra text) INHERITS (base);
