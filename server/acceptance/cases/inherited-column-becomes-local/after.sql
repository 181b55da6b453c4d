-- The parent drops legacy; child keeps it as its own column, with its values; other drops it with the parent.
CREATE TABLE base (id int);
CREATE TABLE child (legacy text, extra text) INHERITS (base);
CREATE TABLE other () INHERITS (base);
