CREATE TABLE booking (id integer PRIMARY KEY, during tsrange NOT NULL,
  CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));
CREATE TABLE shift (id integer PRIMARY KEY, span tsrange NOT NULL,
  CONSTRAINT shift_no_overlap EXCLUDE USING gist (span WITH &&));
