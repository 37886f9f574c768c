-- Valid SQL, including syntax the splitter must not trip over.
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql IMMUTABLE BEGIN ATOMIC
  SELECT i + 1;
END;
SELECT E'it\'s; fine', $tag$ a ; b $tag$, 'x'::text, (ARRAY[1,2,3])[1:2];
/* a /* nested */ comment; */
SELECT 1;
