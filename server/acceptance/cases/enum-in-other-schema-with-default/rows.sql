INSERT INTO app.jobs VALUES (1, 'low');
