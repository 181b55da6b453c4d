CREATE TABLE m (id int PRIMARY KEY, org int NOT NULL);
CREATE TABLE r (id int PRIMARY KEY, m_id int, org int);
