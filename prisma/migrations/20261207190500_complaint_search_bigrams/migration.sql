-- Complaint search on an index, whatever the term (issue 20, target 3). pg_trgm cannot serve a two-character term
-- (行李, 餐食, 退票: no full trigram inside '%行李%'), and pg_bigm is not in the embedded server, so every complaint
-- carries the set of its overlapping character pairs (lower case, whitespace runs folded to one space) as a tsvector,
-- computed by PostgreSQL (generated columns: no code path can forget them) and indexed with GIN. A search for q asks
-- for all pairs of q (`@@`), then re-checks with ILIKE, so results are exactly those of a substring search.
-- Two columns: reference + subject (the "title", ranked first when sorted by relevance) and description.

-- The function body is an E'' string with \073 for each semicolon: Prisma's driver adapter runs a migration as
-- statements split at every semicolon, which would cut a PL/pgSQL body apart.
CREATE FUNCTION skyline_bigrams(input text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS E'
DECLARE
  chars text[] := regexp_split_to_array(regexp_replace(lower(input), ''\\s+'', '' '', ''g''), '''')\073
  pairs text[] := ''{}''\073
BEGIN
  FOR i IN 1 .. cardinality(chars) - 1 LOOP
    pairs := pairs || (chars[i] || chars[i + 1])\073
  END LOOP\073
  RETURN array_to_tsvector(pairs)\073 -- duplicates removed
END';

-- The query side: all pairs of the search text, ANDed, NULL when the text has fewer than two characters.
CREATE FUNCTION skyline_bigram_query(input text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT nullif(array_to_string(ARRAY(
    SELECT '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
    FROM unnest(skyline_bigrams(input)) AS u
  ), ' & '), '')::tsquery
$$;

-- Adding the generated columns rewrites the table once (the backfill), computing both vectors per row.
ALTER TABLE "complaints"
  ADD COLUMN "searchTitle" tsvector GENERATED ALWAYS AS (skyline_bigrams("reference" || ' ' || "subject")) STORED,
  ADD COLUMN "searchBody" tsvector GENERATED ALWAYS AS (skyline_bigrams("description")) STORED;

-- The bigram indexes replace the trigram ones (nothing else searches complaint subjects or descriptions).
DROP INDEX "complaints_subject_trgm_idx";
DROP INDEX "complaints_description_trgm_idx";

CREATE INDEX "complaints_search_title_idx" ON "complaints" USING GIN ("searchTitle");
CREATE INDEX "complaints_search_body_idx" ON "complaints" USING GIN ("searchBody");

-- The queue search also finds complaints by their customer's name: the same character pairs, as an expression index
-- (customers_name_trgm_idx cannot serve a two-character name either). The customer directory's own search is unchanged.
CREATE INDEX "customers_name_bigram_idx" ON "customers" USING GIN (skyline_bigrams("name"));
