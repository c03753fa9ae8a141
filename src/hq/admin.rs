//! What HQ's owner does: create or upgrade the schema (`hq init`), add a point's role
//! (`hq add-point`), and set the campaign settings the points take over.

use super::schema::{HQ_SCHEMA_VERSION, MIGRATIONS};
use super::{Hq, HqError};
use crate::domain::hq::{CampaignSecret, HqFailure};
use postgres::config::{Host, SslMode};
use postgres_protocol::escape::{escape_identifier, escape_literal};

/// What `hq init` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Init {
    /// Made the schema; the campaign secret is the one given.
    Created,
    /// The schema was there at an older version and was brought up to date.
    Upgraded {
        /// Version found.
        from: i64,
    },
    /// The schema is up to date already (its secret was shown when it was made).
    UpToDate,
}

/// A new point's role: its name and the URL it connects with.
#[derive(Debug)]
pub struct NewPoint {
    /// The PostgreSQL role made for it.
    pub role: String,
    /// HQ's URL with that role and its password.
    pub url: String,
}

/// The role every point's role belongs to (roles are cluster-wide: named after the database).
fn group_role(dbname: &str) -> String {
    format!("{}_point", truncated(dbname, 50))
}

/// At most `max` bytes of `text`, cut at a character boundary.
fn truncated(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl Hq {
    /// The schema version HQ is at; `None` before `hq init`.
    pub fn schema_version(&mut self) -> Result<Option<i64>, HqError> {
        let exists: bool = self
            .client
            .query_one("SELECT to_regclass('hq.meta') IS NOT NULL", &[])
            .map_err(HqError::talking)?
            .get(0);
        if !exists {
            return Ok(None);
        }
        let row = self
            .client
            .query_opt(
                "SELECT value FROM hq.meta WHERE key = 'schema_version'",
                &[],
            )
            .map_err(HqError::talking)?;
        let version = row.and_then(|r| r.get::<_, String>(0).parse().ok());
        Ok(Some(version.unwrap_or(0)))
    }

    /// Fails unless HQ's schema is the one this sigdesk knows.
    pub fn require_schema(&mut self) -> Result<(), HqError> {
        match self.schema_version()? {
            None => Err(HqFailure::NotInitialised.into()),
            Some(found) if found < HQ_SCHEMA_VERSION => Err(HqFailure::SchemaTooOld {
                found,
                wanted: HQ_SCHEMA_VERSION,
            }
            .into()),
            Some(found) if found > HQ_SCHEMA_VERSION => Err(HqFailure::SchemaTooNew {
                found,
                wanted: HQ_SCHEMA_VERSION,
            }
            .into()),
            Some(_) => Ok(()),
        }
    }

    /// Creates the schema with `secret`'s fingerprint, or brings an older one up to date
    /// (keeping its secret). All in one transaction: a failure leaves nothing behind.
    pub fn init(&mut self, secret: &CampaignSecret) -> Result<Init, HqError> {
        let found = self.schema_version()?;
        if let Some(found) = found.filter(|&v| v > HQ_SCHEMA_VERSION) {
            return Err(HqFailure::SchemaTooNew {
                found,
                wanted: HQ_SCHEMA_VERSION,
            }
            .into());
        }
        let from = found.unwrap_or(0);
        if from == HQ_SCHEMA_VERSION {
            return Ok(Init::UpToDate);
        }
        let dbname = self.dbname().to_string();
        let group = group_role(&dbname);
        let mut tx = self.client.transaction().map_err(HqError::talking)?;
        if found.is_none() {
            tx.batch_execute(&format!(
                "CREATE ROLE {group} NOLOGIN;
                 REVOKE ALL ON DATABASE {db} FROM PUBLIC;
                 GRANT CONNECT ON DATABASE {db} TO {group};",
                group = escape_identifier(&group),
                db = escape_identifier(&dbname),
            ))
            .map_err(HqError::talking)?;
        }
        for script in MIGRATIONS.iter().skip(from.max(0) as usize) {
            tx.batch_execute(&script.replace("{group}", &escape_identifier(&group)))
                .map_err(HqError::talking)?;
        }
        let mut meta = vec![("schema_version", HQ_SCHEMA_VERSION.to_string())];
        if found.is_none() {
            meta.push(("secret_fingerprint", secret.fingerprint()));
            meta.push(("point_group", group));
        }
        for (key, value) in meta {
            tx.execute(
                "INSERT INTO hq.meta(key, value) VALUES ($1, $2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[&key, &value],
            )
            .map_err(HqError::talking)?;
        }
        tx.commit().map_err(HqError::talking)?;
        Ok(match found {
            None => Init::Created,
            Some(from) => Init::Upgraded { from },
        })
    }

    /// Adds point `name`: a login role in the points' group with `password`, and returns
    /// the URL it connects with (this HQ's address, the new role and its password).
    pub fn add_point(&mut self, name: &str, password: &str) -> Result<NewPoint, HqError> {
        self.require_schema()?;
        let dbname = self.dbname().to_string();
        let url_base = self.config().clone();
        let mut tx = self.client.transaction().map_err(HqError::talking)?;
        let taken = tx
            .query_opt("SELECT 1 FROM hq.points WHERE name = $1", &[&name])
            .map_err(HqError::talking)?;
        if taken.is_some() {
            return Err(HqFailure::PointExists(name.to_string()).into());
        }
        let group: String = tx
            .query_one("SELECT value FROM hq.meta WHERE key = 'point_group'", &[])
            .map_err(HqError::talking)?
            .get(0);
        let number: i64 = tx
            .query_one("SELECT nextval('hq.point_numbers')", &[])
            .map_err(HqError::talking)?
            .get(0);
        let role = format!("{}_p{number}", truncated(&dbname, 50));
        tx.execute(
            "INSERT INTO hq.points(name, role) VALUES ($1, $2)",
            &[&name, &role],
        )
        .map_err(HqError::talking)?;
        // The server gets the SCRAM verifier, never the password itself (logs stay clean).
        let verifier = postgres_protocol::password::scram_sha_256(password.as_bytes());
        tx.batch_execute(&format!(
            "CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}",
            escape_identifier(&role),
            escape_literal(&verifier),
            escape_identifier(&group),
        ))
        .map_err(HqError::talking)?;
        tx.commit().map_err(HqError::talking)?;
        let url = point_url(&url_base, &role, password);
        Ok(NewPoint { role, url })
    }

    /// Sets one campaign setting at HQ (the points take it over on their next pull).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), HqError> {
        self.require_schema()?;
        self.client
            .execute(
                "INSERT INTO hq.settings(key, value) VALUES ($1, $2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_at = now()",
                &[&key, &value],
            )
            .map_err(HqError::talking)?;
        Ok(())
    }
}

/// `postgresql://role:password@host:port/db`, keeping the admin URL's `sslmode`.
fn point_url(admin: &postgres::Config, role: &str, password: &str) -> String {
    let port = admin.get_ports().first().copied().unwrap_or(5432);
    let dbname = admin.get_dbname().or(admin.get_user()).unwrap_or_default();
    let mut query = Vec::new();
    let host = match admin.get_hosts().first() {
        Some(Host::Tcp(host)) if host.contains(':') => format!("[{host}]:{port}"),
        Some(Host::Tcp(host)) => format!("{host}:{port}"),
        Some(Host::Unix(path)) => {
            query.push(format!("host={}", percent(&path.to_string_lossy())));
            format!(":{port}")
        }
        None => format!("localhost:{port}"),
    };
    match admin.get_ssl_mode() {
        SslMode::Disable => query.push("sslmode=disable".into()),
        SslMode::Require => query.push("sslmode=require".into()),
        _ => {}
    }
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    format!(
        "postgresql://{}:{}@{host}/{}{query}",
        percent(role),
        percent(password),
        percent(dbname)
    )
}

/// Percent-encodes everything but unreserved URL characters.
fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_url_keeps_the_address_and_the_tls_mode() {
        let admin: postgres::Config = "postgresql://root@127.0.0.1:5433/hq_test?sslmode=require"
            .parse()
            .unwrap();
        assert_eq!(
            point_url(&admin, "hq_test_p1", "pw"),
            "postgresql://hq_test_p1:pw@127.0.0.1:5433/hq_test?sslmode=require"
        );
        let socket: postgres::Config = "host=/run/postgresql dbname=кампания".parse().unwrap();
        let url = point_url(&socket, "r", "p");
        assert!(url.starts_with("postgresql://r:p@:5432/%D0%BA"), "{url}");
        assert!(url.ends_with("?host=%2Frun%2Fpostgresql"), "{url}");
        let back: postgres::Config = url.parse().unwrap();
        assert_eq!(back.get_dbname(), Some("кампания"));
        assert_eq!(group_role("hq"), "hq_point");
        assert_eq!(truncated("пункт", 3), "п");
    }
}
