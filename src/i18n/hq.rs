//! Strings of the campaign HQ: what went wrong talking to it (each says what to do), the
//! `hq` commands' notes, `sync`'s one line per round, and the HQ state on the screens.

use super::{Lang, Phrase};
use crate::domain::hq::{CollisionKind, HqFailure, HqStatus};
use chrono::NaiveDate;
use std::borrow::Cow;

impl Phrase for HqFailure {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            HqFailure::NoUrl => say!(
                lang,
                "no HQ is set at this point: sigdesk campaign set hq_url URL (the URL `sigdesk hq add-point` printed), or sync --hq URL",
                "у пункта не задан штаб: sigdesk campaign set hq_url URL (адрес, который напечатала `sigdesk hq add-point`) или sync --hq URL",
            ),
            HqFailure::NoSecret => say!(
                lang,
                "the campaign secret is not set at this point: sigdesk campaign set hq_secret - (then type the secret `sigdesk hq init` printed)",
                "у пункта не задан секрет кампании: sigdesk campaign set hq_secret - (и введите секрет, который напечатала `sigdesk hq init`)",
            ),
            HqFailure::BadSecret => say!(
                lang,
                "that is not a campaign secret (52 letters A-Z and digits 2-7, as `sigdesk hq init` printed it); type it again",
                "это не секрет кампании (52 знака: буквы A-Z и цифры 2-7, как напечатала `sigdesk hq init`); введите заново",
            ),
            HqFailure::BadUrl(reason) => say!(
                lang,
                "the HQ URL is not a PostgreSQL URL ({reason}); expected postgresql://ROLE:PASSWORD@HOST:5432/DATABASE",
                "адрес штаба — не адрес PostgreSQL ({reason}); нужен postgresql://РОЛЬ:ПАРОЛЬ@ХОСТ:5432/БАЗА",
            ),
            HqFailure::Unreachable { at, reason } => say!(
                lang,
                "HQ at {at} does not answer ({reason}); check the network and the host and port in the URL (sync retries by itself)",
                "штаб {at} не отвечает ({reason}); проверьте сеть, хост и порт в адресе (sync повторит сам)",
            ),
            HqFailure::LoginRefused { role } => say!(
                lang,
                "HQ refused the login of role {role}: check the password in the URL, or ask HQ for a new one (sigdesk hq add-point)",
                "штаб не пустил роль {role}: проверьте пароль в адресе или попросите в штабе новый (sigdesk hq add-point)",
            ),
            HqFailure::NoSuchDatabase(db) => say!(
                lang,
                "HQ has no database {db}: check the database name at the end of the URL",
                "в штабе нет базы {db}: проверьте имя базы в конце адреса",
            ),
            HqFailure::NotInitialised => say!(
                lang,
                "HQ's database is not set up: run sigdesk hq init --url ADMIN_URL at HQ",
                "база штаба не подготовлена: выполните в штабе sigdesk hq init --url АДРЕС_АДМИНА",
            ),
            HqFailure::SchemaTooOld { found, wanted } => say!(
                lang,
                "HQ's schema is version {found}, this sigdesk needs {wanted}: run sigdesk hq init --url ADMIN_URL at HQ to upgrade it",
                "схема штаба версии {found}, этой sigdesk нужна {wanted}: обновите её в штабе командой sigdesk hq init --url АДРЕС_АДМИНА",
            ),
            HqFailure::SchemaTooNew { found, wanted } => say!(
                lang,
                "HQ's schema is version {found}, newer than this sigdesk knows ({wanted}): update sigdesk here",
                "схема штаба версии {found} новее, чем знает эта sigdesk ({wanted}): обновите sigdesk здесь",
            ),
            HqFailure::NotAPoint { role } => say!(
                lang,
                "role {role} is not a point of this HQ: use the URL `sigdesk hq add-point` printed for this point",
                "роль {role} — не пункт этого штаба: возьмите адрес, который напечатала для пункта `sigdesk hq add-point`",
            ),
            HqFailure::WrongSecret => say!(
                lang,
                "this point's campaign secret differs from HQ's, so nothing was pushed: type it again (sigdesk campaign set hq_secret -)",
                "секрет кампании у пункта не совпадает со штабным, ничего не отправлено: введите его заново (sigdesk campaign set hq_secret -)",
            ),
            HqFailure::PointExists(name) => say!(
                lang,
                "HQ has a point named {name} already; choose another name",
                "в штабе уже есть пункт {name}; выберите другое имя",
            ),
            HqFailure::BadSetting { key, reason } => say!(
                lang,
                "HQ holds election_date, window_start, window_end, region_cap, abroad_cap and target; {key}: {reason}",
                "штаб хранит election_date, window_start, window_end, region_cap, abroad_cap и target; {key}: {reason}",
            ),
            HqFailure::Lost(reason) => say!(
                lang,
                "lost the connection to HQ ({reason}); the next round catches up",
                "связь со штабом прервалась ({reason}); следующий круг наверстает",
            ),
        }
    }
}

/// What the HQ commands, `sync` and the screens say about HQ.
#[derive(Debug, Clone, Copy)]
pub enum HqText<'a> {
    /// `hq init` made the schema: where the secret is and how to hand it over.
    SecretPrinted,
    /// `hq init` found the schema up to date.
    AlreadySetUp(i64),
    /// `hq init` upgraded the schema.
    Upgraded {
        /// Version found.
        from: i64,
        /// Version now.
        to: i64,
    },
    /// `hq add-point` made a point's role.
    PointAdded {
        /// Point name.
        name: &'a str,
        /// Its role.
        role: &'a str,
    },
    /// `hq add-point` was given no usable name.
    BadPointName,
    /// `hq campaign set` stored a setting.
    SettingSet {
        /// Setting.
        key: &'a str,
        /// Value.
        value: &'a str,
    },
    /// `campaign set hq_secret`: the prompt.
    SecretPrompt,
    /// `campaign show`: whether the secret is set.
    SecretShown(bool),
    /// One good `sync` round.
    RoundDone {
        /// Entries pushed.
        pushed: u64,
        /// Entries still waiting.
        waiting: u64,
        /// Valid entries over the campaign.
        campaign: u64,
        /// Collisions HQ reported this round.
        collisions: usize,
    },
    /// A failed round and when the next comes.
    RoundFailed {
        /// Why (already in words).
        reason: &'a str,
        /// Seconds to the next try.
        retry_secs: u64,
    },
    /// `sync --once` left something undone.
    OnceIncomplete,
    /// A collision HQ reported, at this point's entry.
    Collision {
        /// Sheet.
        sheet: u32,
        /// Line.
        line: u32,
        /// Same document or same person.
        kind: CollisionKind,
        /// The other point.
        point: &'a str,
        /// Signed there on.
        signed_on: NaiveDate,
    },
    /// The HQ state on the top line.
    Status(HqStatus),
    /// The desk asked HQ and has no answer (yet, or HQ is offline).
    CheckPending,
    /// `import`: rows HQ could not check.
    ImportUnchecked(usize),
    /// `import`: a row another point has (the reason in the rejects file).
    ImportElsewhere {
        /// The other point.
        point: &'a str,
        /// Signed there on.
        signed_on: NaiveDate,
    },
}

impl Phrase for HqText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match *self {
            HqText::SecretPrinted => say!(
                lang,
                "HQ is set up. The campaign secret is on stdout, shown this once: hand it to each point's lead in person (never by mail or chat); each types it with `sigdesk campaign set hq_secret -`",
                "Штаб готов. Секрет кампании напечатан в stdout, один раз: передайте его руководителю каждого пункта лично (не почтой и не в чате); каждый вводит его командой `sigdesk campaign set hq_secret -`",
            ),
            HqText::AlreadySetUp(version) => say!(
                lang,
                "HQ is set up already (schema version {version}); its campaign secret was shown when it was made",
                "штаб уже подготовлен (схема версии {version}); секрет кампании был показан при создании",
            ),
            HqText::Upgraded { from, to } => say!(
                lang,
                "HQ's schema brought from version {from} to {to}",
                "схема штаба обновлена с версии {from} до {to}",
            ),
            HqText::PointAdded { name, role } => say!(
                lang,
                "point {name} added (role {role}); its URL with its password is on stdout: give it to that point's lead, who runs `sigdesk campaign set hq_url URL`",
                "пункт {name} добавлен (роль {role}); его адрес с паролем напечатан в stdout: передайте руководителю пункта, он выполнит `sigdesk campaign set hq_url URL`",
            ),
            HqText::BadPointName => say!(
                lang,
                "a point name is 1 to 64 characters, with no control characters",
                "имя пункта — от 1 до 64 знаков, без управляющих символов",
            ),
            HqText::SettingSet { key, value } => say!(
                lang,
                "HQ: {key} = {value}; the points take it over at their next sync",
                "штаб: {key} = {value}; пункты примут при следующей синхронизации",
            ),
            HqText::SecretPrompt => say!(
                lang,
                "Campaign secret (as `sigdesk hq init` printed it): ",
                "Секрет кампании (как напечатала `sigdesk hq init`): ",
            ),
            HqText::SecretShown(true) => say!(lang, "(set)", "(задан)"),
            HqText::SecretShown(false) => say!(lang, "(not set)", "(не задан)"),
            HqText::RoundDone {
                pushed,
                waiting,
                campaign,
                collisions,
            } => say!(
                lang,
                "HQ ok: pushed {pushed}, {waiting} waiting; campaign {campaign} valid; {collisions} new collisions",
                "штаб: отправлено {pushed}, ждут {waiting}; в кампании {campaign} действующих; новых совпадений {collisions}",
            ),
            HqText::RoundFailed { reason, retry_secs } => say!(
                lang,
                "{reason}; next try in {retry_secs} s",
                "{reason}; следующая попытка через {retry_secs} с",
            ),
            HqText::OnceIncomplete => say!(
                lang,
                "entries still wait to be pushed; run sync again",
                "записи ещё ждут отправки; запустите sync ещё раз",
            ),
            HqText::Collision {
                sheet,
                line,
                kind,
                point,
                signed_on,
            } => {
                let date = signed_on.format("%d.%m.%Y");
                match kind {
                    CollisionKind::Document => say!(
                        lang,
                        "sheet {sheet} line {line}: the same document signed at point {point}, {date}",
                        "лист {sheet} строка {line}: тот же документ подписан в пункте {point}, {date}",
                    ),
                    CollisionKind::Person => say!(
                        lang,
                        "sheet {sheet} line {line}: the same person (other document) signed at point {point}, {date}",
                        "лист {sheet} строка {line}: тот же человек (другой документ) подписал в пункте {point}, {date}",
                    ),
                }
            }
            HqText::Status(HqStatus::NotYet) => {
                say!(lang, "HQ not synced yet", "штаб: ещё не было")
            }
            HqText::Status(HqStatus::Synced { minutes: 0 }) => {
                say!(lang, "HQ just now", "штаб только что")
            }
            HqText::Status(HqStatus::Synced { minutes }) => {
                say!(lang, "HQ {minutes} min ago", "штаб {minutes} мин назад")
            }
            HqText::Status(HqStatus::Offline { minutes }) => {
                say!(
                    lang,
                    "HQ offline {minutes} min",
                    "штаб недоступен {minutes} мин"
                )
            }
            HqText::CheckPending => say!(lang, "HQ check pending", "проверка в штабе ждёт"),
            HqText::ImportUnchecked(rows) => say!(
                lang,
                "HQ did not answer: {rows} rows were not checked against the other points; sync and check report any collision later",
                "штаб не ответил: {rows} строк не сверены с другими пунктами; sync и check сообщат о совпадениях позже",
            ),
            HqText::ImportElsewhere { point, signed_on } => {
                let date = signed_on.format("%d.%m.%Y");
                say!(
                    lang,
                    "dup.document: already signed at point {point}, {date}",
                    "dup.document: уже подписал в пункте {point}, {date}",
                )
            }
        }
    }
}
