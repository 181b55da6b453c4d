INSERT INTO billing.invoices VALUES (1);
