CREATE TABLE booking (id integer PRIMARY KEY, during tsrange NOT NULL,
  CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) WHERE (id > 0));
CREATE TABLE shift (id integer PRIMARY KEY, span tsrange NOT NULL);
