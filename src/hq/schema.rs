//! HQ's schema in PostgreSQL, versioned like the point's: migrations in order, the version
//! in `hq.meta`. `{group}` in a script stands for the role every point's role is a member
//! of (its name is made from the database's, since roles are cluster-wide).
//!
//! What a point's role may do (everything else is refused): insert and update rows of
//! `hq.entries` whose origin is its own point, and see only those rows' ids (row-level
//! security and a column grant: not even its own digests can be listed);
//! read the campaign-wide totals and settings through views; ask about one digest pair at
//! a time through `hq.lookup` and about its own rows' collisions through
//! `hq.my_collisions` (both SECURITY DEFINER, answering point and date only); mark its
//! round done. It cannot list other points' rows or any digest but its own.

/// Migration scripts; index + 1 is the schema version each one produces.
pub(super) const MIGRATIONS: &[&str] = &[MIGRATION_1];

/// The newest HQ schema version this build knows.
pub const HQ_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const MIGRATION_1: &str = r#"
CREATE SCHEMA hq;
REVOKE ALL ON SCHEMA hq FROM PUBLIC;
CREATE TABLE hq.meta (
    key text PRIMARY KEY,
    value text NOT NULL
);
CREATE SEQUENCE hq.point_numbers;
CREATE TABLE hq.points (
    name text PRIMARY KEY,
    role name NOT NULL UNIQUE,
    added_at timestamptz NOT NULL DEFAULT now(),
    last_sync timestamptz
);
CREATE TABLE hq.entries (
    id text PRIMARY KEY,
    origin text NOT NULL,
    sheet integer NOT NULL,
    line integer NOT NULL,
    region_code text NOT NULL,
    abroad_country text NOT NULL DEFAULT '',
    signed_on date NOT NULL,
    entered_at timestamptz NOT NULL,
    valid boolean NOT NULL,
    doc_digest bytea NOT NULL,
    person_digest bytea NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now()
);
-- With the origin beside the digest, a lookup reads the index alone, and `hq check` finds
-- digests held at two points in one ordered pass over it.
CREATE INDEX entries_doc ON hq.entries (doc_digest, origin) WHERE valid;
CREATE INDEX entries_person ON hq.entries (person_digest, origin) WHERE valid;
CREATE INDEX entries_entered ON hq.entries (entered_at);
CREATE INDEX entries_pushed ON hq.entries (pushed_at);
CREATE TABLE hq.tallies (
    origin text NOT NULL,
    region_code text NOT NULL,
    valid bigint NOT NULL DEFAULT 0,
    voided bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (origin, region_code)
);
CREATE TABLE hq.settings (
    key text PRIMARY KEY,
    value text NOT NULL,
    set_at timestamptz NOT NULL DEFAULT now()
);

-- The point of the role that logged in; NULL for any other role.
CREATE FUNCTION hq.current_point() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT name FROM hq.points WHERE role = session_user
$$;

-- Valid and voided entries per point and region, kept per statement so a push of
-- thousands of rows updates each counter once.
CREATE FUNCTION hq.tally_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO hq.tallies AS t (origin, region_code, valid, voided)
    SELECT origin, region_code, count(*) FILTER (WHERE valid), count(*) FILTER (WHERE NOT valid)
    FROM inserted GROUP BY origin, region_code
    ON CONFLICT (origin, region_code)
    DO UPDATE SET valid = t.valid + excluded.valid, voided = t.voided + excluded.voided;
    RETURN NULL;
END
$$;
CREATE TRIGGER entries_tally_insert AFTER INSERT ON hq.entries
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION hq.tally_inserted();
CREATE FUNCTION hq.tally_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO hq.tallies AS t (origin, region_code, valid, voided)
    SELECT origin, region_code, sum(valid_delta), sum(voided_delta)
    FROM (
        SELECT origin, region_code, valid::int AS valid_delta, (NOT valid)::int AS voided_delta
        FROM after_rows
        UNION ALL
        SELECT origin, region_code, -(valid::int), -((NOT valid)::int) FROM before_rows
    ) changes
    GROUP BY origin, region_code
    ON CONFLICT (origin, region_code)
    DO UPDATE SET valid = t.valid + excluded.valid, voided = t.voided + excluded.voided;
    RETURN NULL;
END
$$;
CREATE TRIGGER entries_tally_update AFTER UPDATE ON hq.entries
    REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
    FOR EACH STATEMENT EXECUTE FUNCTION hq.tally_updated();

-- A point reads and writes only its own rows; HQ's owner (the admin) sees everything.
ALTER TABLE hq.entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows_read ON hq.entries FOR SELECT
    USING (origin = (SELECT hq.current_point()));
CREATE POLICY own_rows_insert ON hq.entries FOR INSERT
    WITH CHECK (origin = (SELECT hq.current_point()));
CREATE POLICY own_rows_update ON hq.entries FOR UPDATE
    USING (origin = (SELECT hq.current_point()))
    WITH CHECK (origin = (SELECT hq.current_point()));

-- Campaign-wide valid entries per region, and those of the other points (the cap check
-- at a point adds its own).
CREATE VIEW hq.campaign_totals AS
    SELECT region_code,
           coalesce(sum(valid) FILTER (WHERE origin IS DISTINCT FROM hq.current_point()), 0)::bigint
               AS others,
           sum(valid)::bigint AS campaign
    FROM hq.tallies GROUP BY region_code;
CREATE VIEW hq.campaign_settings AS SELECT key, value FROM hq.settings;

-- One digest pair: the earliest valid entry of another point with the same document, and
-- one of the same person with another document. Point and signing date only. `own_id` is
-- the entry being checked when it has one (an import of another point's export, an edit):
-- it is not its own duplicate.
CREATE FUNCTION hq.lookup(doc bytea, person bytea, own_id text)
RETURNS TABLE (kind text, point text, signed_on date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    (SELECT 'document'::text, e.origin, e.signed_on FROM hq.entries e
     WHERE e.doc_digest = doc AND e.valid AND e.origin <> hq.current_point()
       AND e.id IS DISTINCT FROM own_id
     ORDER BY e.entered_at LIMIT 1)
    UNION ALL
    (SELECT 'person'::text, e.origin, e.signed_on FROM hq.entries e
     WHERE e.person_digest = person AND e.valid AND e.origin <> hq.current_point()
       AND e.doc_digest IS DISTINCT FROM doc AND e.id IS DISTINCT FROM own_id
     ORDER BY e.entered_at LIMIT 1)
$$;

-- The calling point's valid entries that match another point's valid entry, among rows
-- pushed since `since` on either side (all when NULL): this point's entry id, the other
-- point and its signing date.
CREATE FUNCTION hq.my_collisions(since timestamptz)
RETURNS TABLE (entry_id text, kind text, point text, signed_on date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    WITH me AS (SELECT hq.current_point() AS name),
    fresh_mine AS (
        SELECT e.* FROM hq.entries e, me
        WHERE e.origin = me.name AND e.valid AND (since IS NULL OR e.pushed_at >= since)
    ),
    fresh_others AS (
        SELECT e.* FROM hq.entries e, me
        WHERE since IS NOT NULL AND e.pushed_at >= since AND e.origin <> me.name AND e.valid
    )
    SELECT m.id, 'document', o.origin, o.signed_on
    FROM fresh_mine m JOIN hq.entries o ON o.doc_digest = m.doc_digest AND o.valid, me
    WHERE o.origin <> me.name
    UNION
    SELECT m.id, 'document', o.origin, o.signed_on
    FROM fresh_others o JOIN hq.entries m ON m.doc_digest = o.doc_digest AND m.valid, me
    WHERE m.origin = me.name
    UNION
    SELECT m.id, 'person', o.origin, o.signed_on
    FROM fresh_mine m JOIN hq.entries o ON o.person_digest = m.person_digest AND o.valid, me
    WHERE o.origin <> me.name AND o.doc_digest <> m.doc_digest
    UNION
    SELECT m.id, 'person', o.origin, o.signed_on
    FROM fresh_others o JOIN hq.entries m ON m.person_digest = o.person_digest AND m.valid, me
    WHERE m.origin = me.name AND o.doc_digest <> m.doc_digest
$$;

-- The calling point finished a round: HQ's clock at that moment.
CREATE FUNCTION hq.round_done() RETURNS timestamptz
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    UPDATE hq.points SET last_sync = now() WHERE role = session_user RETURNING now()
$$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA hq FROM PUBLIC;
GRANT USAGE ON SCHEMA hq TO {group};
GRANT SELECT (id), INSERT, UPDATE ON hq.entries TO {group};
GRANT SELECT ON hq.meta, hq.campaign_totals, hq.campaign_settings TO {group};
GRANT EXECUTE ON FUNCTION hq.current_point(), hq.lookup(bytea, bytea, text),
    hq.my_collisions(timestamptz), hq.round_done() TO {group};
"#;
