-- Regression: `ALIAS FOR $1` used to make the whole function body unanalysable, because
-- libpg_query's PL/pgSQL compiler does not declare positional parameters. The body is analysed:
-- its loop without COMMIT is reported.
CREATE FUNCTION archive_user(integer) RETURNS void LANGUAGE plpgsql AS $body$
DECLARE
    uid ALIAS FOR $1;
BEGIN
    FOR i IN 1..10 LOOP
        UPDATE orders SET archived = true WHERE user_id = uid; -- expect: unbatched-backfill
    END LOOP;
END;
$body$;
