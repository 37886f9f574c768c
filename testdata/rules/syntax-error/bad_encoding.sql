-- fixture file with a UTF-8 BOM, CRLF line endings, tabs and non-ASCII text
SET lock_timeout = '5s';
-- été — 😀
	SELECT 1;
	/* résumé */ CREATE INDEX idx_orders_a ON orders (a); -- expect: index-not-concurrent
SELEC 1; -- expect: syntax-error
	CREATE INDEX idx_orders_b -- expect: index-not-concurrent
		ON orders (b);
