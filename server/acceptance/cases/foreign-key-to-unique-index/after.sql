CREATE TABLE m (id int PRIMARY KEY, org int NOT NULL);
CREATE UNIQUE INDEX m_id_org ON m (id, org);
CREATE TABLE r (id int PRIMARY KEY, m_id int, org int, FOREIGN KEY (m_id, org) REFERENCES m (id, org));
