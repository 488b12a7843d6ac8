-- Search without diacritics: unaccent + trigram indexes. f_unaccent is an IMMUTABLE wrapper
-- so it can be used in generated columns and indexes ("tuan tu" finds "Tuấn Tú").
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
