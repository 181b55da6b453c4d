-- The parent gets code; the child's own code merges with it (kept, with its values).
CREATE TABLE base (id int, code text);
CREATE TABLE child (extra text) INHERITS (base);
