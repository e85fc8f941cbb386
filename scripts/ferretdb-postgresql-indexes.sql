-- Only because of FerretDB 1.24 on PostgreSQL: it filters an equality as `_jsonb -> 'field' @> value`,
-- which the btree expression indexes it creates for each MongoDB index cannot serve, so every read
-- scanned its whole table. A GIN index on the same expressions serves that very condition. This
-- file gives every FerretDB index such a companion, now and whenever FerretDB creates one, and
-- drops it with its index. FerretDB does not know of the companions: they only speed up its reads.
-- services.sh applies it to the `ferretdb` database at every start; it can be applied again.

-- The companion of one of FerretDB's indexes: the same expressions, in a GIN index named after it.
CREATE OR REPLACE FUNCTION roster_gin_companion_name(index_name text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT left(index_name, 59) || '_gin' $$;

CREATE OR REPLACE FUNCTION roster_create_gin_companion(index_oid oid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  ferret_index record;
  keys text := '';
  key_number int;
  expression text;
BEGIN
  SELECT index_class.relname AS index_name, table_class.relname AS table_name, namespace.nspname AS schema_name,
         method.amname AS method, entry.indnatts AS key_count, entry.indkey AS key_columns
    INTO ferret_index
    FROM pg_index entry
    JOIN pg_class index_class ON index_class.oid = entry.indexrelid
    JOIN pg_class table_class ON table_class.oid = entry.indrelid
    JOIN pg_namespace namespace ON namespace.oid = table_class.relnamespace
    JOIN pg_am method ON method.oid = index_class.relam
   WHERE entry.indexrelid = index_oid;
  -- FerretDB's indexes are btree indexes whose every key is an expression on its `_jsonb` column
  -- (a key column number 0); anything else, a companion included, is left alone.
  IF NOT FOUND OR ferret_index.method <> 'btree' OR ferret_index.schema_name IN ('pg_catalog', 'information_schema', 'public') THEN RETURN; END IF;
  FOR key_number IN 0 .. ferret_index.key_count - 1 LOOP
    IF ferret_index.key_columns[key_number] <> 0 THEN RETURN; END IF;
  END LOOP;
  FOR key_number IN 1 .. ferret_index.key_count LOOP
    expression := pg_get_indexdef(index_oid, key_number, true);
    IF expression NOT LIKE '%\_jsonb %' THEN RETURN; END IF;
    keys := keys || CASE WHEN key_number > 1 THEN ', ' ELSE '' END || '(' || expression || ') jsonb_path_ops';
  END LOOP;
  -- No pending list (fastupdate): with one, every read scans the entries not yet merged, and a
  -- read by `_id` right after 100,000 inserts took 15 ms instead of 2.5; inserts cost the same.
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin (%s) WITH (fastupdate = off)', roster_gin_companion_name(ferret_index.index_name), ferret_index.schema_name, ferret_index.table_name, keys);
END $$;

CREATE OR REPLACE FUNCTION roster_gin_companions_of_created() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  created record;
BEGIN
  FOR created IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'index' LOOP
    PERFORM roster_create_gin_companion(created.objid);
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION roster_gin_companions_of_dropped() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  dropped record;
BEGIN
  -- A dropped table takes its companions with it; a dropped index leaves its companion behind.
  FOR dropped IN SELECT schema_name, object_name FROM pg_event_trigger_dropped_objects()
                  WHERE object_type = 'index' AND object_name NOT LIKE '%\_gin' LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', dropped.schema_name, roster_gin_companion_name(dropped.object_name));
  END LOOP;
END $$;

DROP EVENT TRIGGER IF EXISTS roster_gin_companions_of_created;
CREATE EVENT TRIGGER roster_gin_companions_of_created ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION roster_gin_companions_of_created();
DROP EVENT TRIGGER IF EXISTS roster_gin_companions_of_dropped;
CREATE EVENT TRIGGER roster_gin_companions_of_dropped ON sql_drop WHEN TAG IN ('DROP INDEX')
  EXECUTE FUNCTION roster_gin_companions_of_dropped();

-- Indexes FerretDB created before this file was first applied.
DO $$
DECLARE
  existing record;
BEGIN
  FOR existing IN SELECT entry.indexrelid FROM pg_index entry JOIN pg_class index_class ON index_class.oid = entry.indexrelid
                    JOIN pg_am method ON method.oid = index_class.relam WHERE method.amname = 'btree' LOOP
    PERFORM roster_create_gin_companion(existing.indexrelid);
  END LOOP;
END $$;
