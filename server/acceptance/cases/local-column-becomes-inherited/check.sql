SELECT (SELECT code FROM child WHERE id = 2) = 'kept' AND (SELECT code FROM base WHERE id = 2) = 'kept' AS ok
