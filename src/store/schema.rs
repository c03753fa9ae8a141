//! Schema migrations, applied in order by `PRAGMA user_version`.

use crate::domain::regions::RegionKind;
use crate::domain::{Campaign, RegionCatalog};
use rusqlite::{Connection, TransactionBehavior, params};

/// Migration scripts; index + 1 is the schema version each one produces.
const MIGRATIONS: &[&str] = &[
    MIGRATION_1,
    MIGRATION_2_TICKETS,
    MIGRATION_3_PROTECT,
    MIGRATION_4_COLLECTORS,
    MIGRATION_5_BOARD,
    MIGRATION_6_PERSON_INDEX,
    MIGRATION_7_GUARDS,
    MIGRATION_8_PERSON_FOLDED,
    MIGRATION_9_PAPER,
    MIGRATION_10_COLLECTOR_DETAILS,
    MIGRATION_11_FIRST_DAY,
    MIGRATION_12_HQ,
];

/// The newest schema version this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const MIGRATION_1: &str = r#"
CREATE TABLE campaign (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    point TEXT NOT NULL,
    election_date TEXT NOT NULL DEFAULT '',
    target INTEGER NOT NULL,
    region_cap INTEGER NOT NULL,
    abroad_cap INTEGER NOT NULL,
    window_start TEXT NOT NULL DEFAULT '',
    window_end TEXT NOT NULL DEFAULT '',
    lines_per_sheet INTEGER NOT NULL,
    timezone TEXT NOT NULL,
    idle_lock_min INTEGER NOT NULL
);
CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    okato TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE TABLE sheets (
    id INTEGER PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    region_code TEXT NOT NULL REFERENCES regions(code),
    abroad_country TEXT NOT NULL DEFAULT '',
    desk TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    lines_used INTEGER NOT NULL DEFAULT 0,
    certified_on TEXT,
    collector TEXT
);
CREATE INDEX sheets_open ON sheets(desk, region_code, abroad_country) WHERE closed_at IS NULL;
CREATE TABLE entries (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    sheet INTEGER NOT NULL,
    line INTEGER NOT NULL,
    surname TEXT NOT NULL,
    given_name TEXT NOT NULL,
    patronymic TEXT NOT NULL DEFAULT '',
    birth_date TEXT NOT NULL,
    doc_kind TEXT NOT NULL CHECK (doc_kind IN ('internal_passport', 'foreign_passport', 'other')),
    doc_series TEXT NOT NULL DEFAULT '',
    doc_number TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions(code),
    abroad_country TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    ticket INTEGER,
    desk TEXT NOT NULL,
    operator TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('valid', 'voided')),
    void_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (origin, sheet, line)
);
CREATE UNIQUE INDEX entries_document ON entries(doc_kind, doc_series, doc_number)
    WHERE status = 'valid';
CREATE INDEX entries_person ON entries(surname, given_name, birth_date) WHERE status = 'valid';
CREATE INDEX entries_desk ON entries(desk, entered_at);
-- Valid entries per region, kept by triggers so no screen ever counts the whole table.
CREATE TABLE region_counts (
    region_code TEXT PRIMARY KEY,
    valid INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER entries_count_insert AFTER INSERT ON entries WHEN NEW.status = 'valid'
BEGIN
    INSERT INTO region_counts(region_code, valid) VALUES (NEW.region_code, 1)
    ON CONFLICT(region_code) DO UPDATE SET valid = valid + 1;
END;
CREATE TRIGGER entries_count_update AFTER UPDATE OF status, region_code ON entries
BEGIN
    UPDATE region_counts SET valid = valid - 1
        WHERE OLD.status = 'valid' AND region_code = OLD.region_code;
    INSERT INTO region_counts(region_code, valid)
        SELECT NEW.region_code, 1 WHERE NEW.status = 'valid'
    ON CONFLICT(region_code) DO UPDATE SET valid = valid + 1;
END;
CREATE TRIGGER entries_count_delete AFTER DELETE ON entries WHEN OLD.status = 'valid'
BEGIN
    UPDATE region_counts SET valid = valid - 1 WHERE region_code = OLD.region_code;
END;
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    desk TEXT NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL,
    entry_id TEXT,
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_entry ON events(entry_id);
"#;

/// The door queue (DESIGN.md §3, §5). At most one ticket is served at a desk at a time.
const MIGRATION_2_TICKETS: &str = r#"
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    number INTEGER NOT NULL CHECK (number > 0),
    day TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    called_at TEXT,
    desk TEXT,
    status TEXT NOT NULL
        CHECK (status IN ('waiting', 'serving', 'done', 'no_show', 'left')),
    closed_at TEXT,
    UNIQUE (day, number)
);
CREATE INDEX tickets_waiting ON tickets(day, called_at IS NULL, number) WHERE status = 'waiting';
CREATE UNIQUE INDEX tickets_serving ON tickets(desk) WHERE status = 'serving';
"#;

/// Protection (DESIGN.md §7): the lead PIN, an append-only audit log, backup and
/// retention settings, and the consent notice file.
const MIGRATION_3_PROTECT: &str = r#"
CREATE TABLE lead_pin (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    phc TEXT NOT NULL,
    set_at TEXT NOT NULL
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE INDEX events_at ON events(at);
ALTER TABLE campaign ADD COLUMN backup_dir TEXT NOT NULL DEFAULT '';
ALTER TABLE campaign ADD COLUMN backup_every_min INTEGER NOT NULL DEFAULT 30;
ALTER TABLE campaign ADD COLUMN retain_until TEXT NOT NULL DEFAULT '';
ALTER TABLE campaign ADD COLUMN notice_file TEXT NOT NULL DEFAULT '';
"#;

/// Collectors and the regions they are listed for; the point a sheet belongs to (so its
/// lines are found by `(origin, sheet)` as entries are keyed).
const MIGRATION_4_COLLECTORS: &str = r#"
CREATE TABLE collectors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    added_at TEXT NOT NULL
);
CREATE TABLE collector_regions (
    collector_id INTEGER NOT NULL REFERENCES collectors(id),
    region_code TEXT NOT NULL REFERENCES regions(code),
    PRIMARY KEY (collector_id, region_code)
) WITHOUT ROWID;
ALTER TABLE sheets ADD COLUMN origin TEXT NOT NULL DEFAULT '';
UPDATE sheets SET origin = COALESCE((SELECT point FROM campaign WHERE id = 1), '');
"#;

/// The lead board reads today's entries by save time: desk, operator and status come from
/// the index alone, so a refresh never touches the rows (or their personal data).
const MIGRATION_5_BOARD: &str = r#"
CREATE INDEX entries_entered ON entries(entered_at, desk, operator, status);
"#;

/// The same-person lookup matches the patronymic too and reads the earliest entry first:
/// with both in the index it needs neither table rows for namesakes nor a sort.
const MIGRATION_6_PERSON_INDEX: &str = r#"
DROP INDEX entries_person;
CREATE INDEX entries_person
    ON entries(surname, given_name, birth_date, patronymic, entered_at) WHERE status = 'valid';
"#;

/// Issue 12's guards: the audit log's hash chain (`events.hash`, see `chain.rs`; rows from
/// before it keep none and are covered by the first chained row) and the live desk leases
/// (DESIGN.md §3): one row per desk name held by a running process.
const MIGRATION_7_GUARDS: &str = r#"
ALTER TABLE events ADD COLUMN hash TEXT;
CREATE TABLE desks (
    name TEXT PRIMARY KEY,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    heartbeat TEXT NOT NULL
);
"#;

/// The same-person lookup reads `ё` as `е` (Семёнов Пётр = Семенов Петр): the index holds
/// the folded names, in the expressions `find_same_person` queries with.
const MIGRATION_8_PERSON_FOLDED: &str = r#"
DROP INDEX entries_person;
CREATE INDEX entries_person_folded ON entries(
    replace(replace(surname, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(given_name, 'ё', 'е'), 'Ё', 'Е'),
    birth_date,
    replace(replace(patronymic, 'ё', 'е'), 'Ё', 'Е'),
    entered_at) WHERE status = 'valid';
"#;

/// The paper check (DESIGN.md §11): the lines drawn for the lead to compare with the paper,
/// in the order they are walked, and what the lead found on each; the authority's sample
/// size and refusal limit that the forecast is made for.
const MIGRATION_9_PAPER: &str = r#"
ALTER TABLE campaign ADD COLUMN cec_sample INTEGER NOT NULL DEFAULT 60000;
ALTER TABLE campaign ADD COLUMN reject_limit_pct INTEGER NOT NULL DEFAULT 5;
CREATE TABLE paper_sample (
    entry_id TEXT PRIMARY KEY REFERENCES entries(id),
    position INTEGER NOT NULL UNIQUE CHECK (position > 0),
    draw INTEGER NOT NULL CHECK (draw > 0),
    drawn_at TEXT NOT NULL,
    code TEXT CHECK (code IS NULL OR code = 'ok' OR code LIKE 'paper.%'),
    note TEXT NOT NULL DEFAULT '',
    marked_at TEXT,
    marked_desk TEXT,
    marked_by TEXT
);
"#;

/// What the certification on a sheet needs about its collector besides the name (NULL
/// while the list does not have it): birth date, address, passport, issue date, issuer.
const MIGRATION_10_COLLECTOR_DETAILS: &str = r#"
ALTER TABLE collectors ADD COLUMN birth_date TEXT;
ALTER TABLE collectors ADD COLUMN address TEXT;
ALTER TABLE collectors ADD COLUMN passport_series TEXT;
ALTER TABLE collectors ADD COLUMN passport_number TEXT;
ALTER TABLE collectors ADD COLUMN issued_on TEXT;
ALTER TABLE collectors ADD COLUMN issuer_code TEXT;
"#;

/// Issue 13: the names each role (desk, door, board) last signed in with on this database,
/// one row per desk name; and whether a desk's holder was typing a signer (so the next
/// sign-in after an unclean stop can say that signer was lost). No signer data in either.
const MIGRATION_11_FIRST_DAY: &str = r#"
CREATE TABLE signins (
    role TEXT NOT NULL,
    desk TEXT NOT NULL,
    operator TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (role, desk)
) WITHOUT ROWID;
ALTER TABLE desks ADD COLUMN typing INTEGER NOT NULL DEFAULT 0;
"#;

/// The campaign HQ (DESIGN.md §10): its address and the campaign secret (kept only here, in
/// the encrypted file), the entries waiting to be pushed (queued by triggers while an HQ is
/// set, removed once HQ committed them), and what the last pull brought: campaign-wide
/// totals, HQ's settings, collisions HQ found after the fact.
const MIGRATION_12_HQ: &str = r#"
CREATE TABLE hq_link (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    url TEXT NOT NULL DEFAULT '',
    secret TEXT NOT NULL DEFAULT '',
    last_good TEXT,
    offline_since TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    collisions_checked TEXT
);
INSERT INTO hq_link(id) VALUES (1);
CREATE TABLE hq_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id TEXT NOT NULL
);
CREATE TRIGGER entries_hq_insert AFTER INSERT ON entries
    WHEN (SELECT url FROM hq_link WHERE id = 1) <> ''
BEGIN
    INSERT INTO hq_outbox(entry_id) VALUES (NEW.id);
END;
CREATE TRIGGER entries_hq_update AFTER UPDATE ON entries
    WHEN (SELECT url FROM hq_link WHERE id = 1) <> ''
BEGIN
    INSERT INTO hq_outbox(entry_id) VALUES (NEW.id);
END;
CREATE TABLE hq_totals (
    region_code TEXT PRIMARY KEY,
    others INTEGER NOT NULL,
    campaign INTEGER NOT NULL
);
CREATE TABLE hq_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE hq_collisions (
    entry_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('document', 'person')),
    point TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (entry_id, kind, point, signed_on)
);
"#;

/// Brings the schema up to date and fills the catalogue and campaign defaults.
pub fn migrate(conn: &mut Connection, regions: &RegionCatalog) -> rusqlite::Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_MISMATCH),
            Some(format!(
                "schema version {found} is newer than this sigdesk ({SCHEMA_VERSION}); update sigdesk"
            )),
        ));
    }
    if found == SCHEMA_VERSION && super::identity::is_marked(conn)? {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    super::identity::mark(&tx)?;
    // Re-read inside the write lock: another desk may have migrated meanwhile.
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (index, script) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
        tx.execute_batch(script)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    // Seeded once every table has all its columns (the campaign row names them all).
    if current == 0 {
        seed(&tx, regions)?;
    }
    tx.commit()
}

/// Fills the region catalogue and the campaign defaults into a new database.
fn seed(conn: &Connection, regions: &RegionCatalog) -> rusqlite::Result<()> {
    let mut insert = conn.prepare(
        "INSERT INTO regions(code, okato, name_ru, name_en, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in regions.all() {
        insert.execute(params![
            r.code,
            r.okato,
            r.name_ru,
            r.name_en,
            kind_text(r.kind)
        ])?;
    }
    let c =
        Campaign::defaults().map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    super::campaign::insert(conn, &c)
}

fn kind_text(kind: RegionKind) -> &'static str {
    match kind {
        RegionKind::Republic => "republic",
        RegionKind::Krai => "krai",
        RegionKind::Oblast => "oblast",
        RegionKind::FederalCity => "federal_city",
        RegionKind::AutonomousOblast => "autonomous_oblast",
        RegionKind::AutonomousOkrug => "autonomous_okrug",
        RegionKind::Abroad => "abroad",
    }
}
