CREATE TABLE base (id int, legacy text);
CREATE TABLE child (extra text) INHERITS (base);
CREATE TABLE other () INHERITS (base);
