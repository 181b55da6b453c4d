CREATE TABLE items (id int PRIMARY KEY, name text, qty int);
CREATE TABLE item_log (item_id int, note text);
CREATE VIEW item_names AS SELECT id, name FROM items;
CREATE FUNCTION item_names_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO items (id, name) VALUES (NEW.id, NEW.name); RETURN NEW; END $$;
CREATE TRIGGER item_names_insert INSTEAD OF INSERT ON item_names FOR EACH ROW EXECUTE FUNCTION item_names_insert();
CREATE RULE item_names_delete AS ON DELETE TO item_names DO INSTEAD DELETE FROM items WHERE id = OLD.id;
