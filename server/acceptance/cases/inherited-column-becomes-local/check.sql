SELECT (SELECT legacy FROM child WHERE id = 2) = 'kept' AS ok
