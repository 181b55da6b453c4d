-- The view's definition changes (it is dropped and created again): its INSTEAD OF trigger and its rule go with it and must come back.
CREATE TABLE items (id int PRIMARY KEY, name text, qty int);
CREATE TABLE item_log (item_id int, note text);
CREATE VIEW item_names AS SELECT id, name, qty FROM items WHERE qty IS NOT NULL;
CREATE FUNCTION item_names_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO items (id, name) VALUES (NEW.id, NEW.name); RETURN NEW; END $$;
CREATE TRIGGER item_names_insert INSTEAD OF INSERT ON item_names FOR EACH ROW EXECUTE FUNCTION item_names_insert();
CREATE RULE item_names_delete AS ON DELETE TO item_names DO INSTEAD DELETE FROM items WHERE id = OLD.id;
