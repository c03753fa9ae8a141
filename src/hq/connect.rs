//! Opening a session with HQ from a URL: TLS unless the URL says `sslmode=disable` (like
//! psql, `require` encrypts without checking the certificate), and timeouts so a cut
//! network fails a round within seconds instead of hanging it.

use super::HqError;
use crate::domain::hq::HqFailure;
use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use postgres::config::{Host, SslMode};
use postgres::{Client, Config, NoTls};
use postgres_openssl::MakeTlsConnector;
use std::time::Duration;

/// How long `sync` and the `hq` commands wait for HQ to accept a connection.
pub const SYNC_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the desk's lookup waits for a connection: later than 2 s it is "pending".
pub const LOOKUP_TIMEOUT: Duration = Duration::from_secs(2);
/// Unacknowledged data older than this breaks the connection (a cut network mid-push).
const STALL_TIMEOUT: Duration = Duration::from_secs(20);

/// An open session with HQ.
pub struct Hq {
    pub(super) client: Client,
    config: Config,
}

impl Hq {
    /// The role that logged in.
    pub fn role(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    /// The database's name.
    pub fn dbname(&self) -> &str {
        self.config
            .get_dbname()
            .or(self.config.get_user())
            .unwrap_or_default()
    }

    /// The connection settings (to write a point's URL from the admin's).
    pub(super) fn config(&self) -> &Config {
        &self.config
    }

    /// Whether the connection broke (the next round connects again).
    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }
}

/// Host and port of the first host of `config`.
fn address(config: &Config) -> String {
    let port = config.get_ports().first().copied().unwrap_or(5432);
    match config.get_hosts().first() {
        Some(Host::Tcp(host)) => format!("{host}:{port}"),
        Some(Host::Unix(path)) => format!("{}:{port}", path.display()),
        None => format!("?:{port}"),
    }
}

/// Reads a connection URL (`postgresql://role:password@host:5432/db?sslmode=require`, or
/// libpq's `host=… user=…` form).
pub(super) fn parse_url(url: &str) -> Result<Config, HqError> {
    let config: Config = url
        .trim()
        .parse()
        .map_err(|e: postgres::Error| HqFailure::BadUrl(super::one_line(&e)))?;
    if config.get_hosts().is_empty() {
        return Err(HqFailure::BadUrl("no host".into()).into());
    }
    Ok(config)
}

/// Fails unless `url` is a PostgreSQL URL with a host (checked before it is stored).
pub fn check_url(url: &str) -> Result<(), HqError> {
    parse_url(url).map(|_| ())
}

/// Opens a session, waiting at most `timeout` for HQ to accept it (unless the URL sets
/// `connect_timeout`).
pub fn connect(url: &str, timeout: Duration) -> Result<Hq, HqError> {
    let mut config = parse_url(url)?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(timeout);
    }
    if config.get_tcp_user_timeout().is_none() {
        config.tcp_user_timeout(STALL_TIMEOUT);
    }
    config
        .keepalives_idle(Duration::from_secs(10))
        .keepalives_interval(Duration::from_secs(5))
        .keepalives_retries(3);
    if config.get_application_name().is_none() {
        config.application_name("sigdesk");
    }
    let connected = match config.get_ssl_mode() {
        SslMode::Disable => config.connect(NoTls),
        _ => config.connect(tls()?),
    };
    let client = connected.map_err(|e| connecting(e, &config))?;
    Ok(Hq { client, config })
}

/// TLS as psql's `sslmode=require`: encrypted, certificate not checked.
fn tls() -> Result<MakeTlsConnector, HqError> {
    let mut builder = SslConnector::builder(SslMethod::tls_client())
        .map_err(|e| HqFailure::Lost(format!("TLS: {e}")))?;
    builder.set_verify(SslVerifyMode::NONE);
    let mut connector = MakeTlsConnector::new(builder.build());
    connector.set_callback(|connect, _| {
        connect.set_verify_hostname(false);
        Ok(())
    });
    Ok(connector)
}

/// What a failed connection attempt means for the person who must fix it.
fn connecting(e: postgres::Error, config: &Config) -> HqError {
    use postgres::error::SqlState;
    let role = config.get_user().unwrap_or_default().to_string();
    let failure = match e.code() {
        Some(code)
            if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION =>
        {
            HqFailure::LoginRefused { role }
        }
        Some(code) if *code == SqlState::INVALID_CATALOG_NAME => {
            HqFailure::NoSuchDatabase(config.get_dbname().unwrap_or(role.as_str()).to_string())
        }
        Some(_) => HqFailure::Lost(super::one_line(&e)),
        None => HqFailure::Unreachable {
            at: address(config),
            reason: super::one_line(&e),
        },
    };
    HqError(failure)
}
