//! The shift lead's command-line messages: collectors, sheets and their certification.

use super::Lang;
use crate::domain::certify::{CertifyProblem, SheetProblem};
use crate::domain::collector::{RegionListError, RegionSuggestion, UnknownRegionCode};
use crate::domain::{Certification, Collector, RegionCatalog};
use chrono::{DateTime, Utc};

/// `77 Москва` / `77 Moscow`; `abroad: Литва` for a sheet headed with a foreign state.
pub fn region_label(lang: Lang, regions: &RegionCatalog, code: &str, country: &str) -> String {
    let name = regions
        .by_code(code)
        .filter(|r| r.code != crate::domain::ABROAD)
        .map(|r| r.display_name(lang == Lang::Ru).to_string())
        .unwrap_or_default();
    match (country.is_empty(), name.is_empty()) {
        (false, _) => format!("{code}: {country}"),
        (true, true) => code.to_string(),
        (true, false) => format!("{code} {name}"),
    }
}

fn codes_with_names(lang: Lang, regions: &RegionCatalog, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| region_label(lang, regions, c, ""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unknown_code(lang: Lang, regions: &RegionCatalog, u: &UnknownRegionCode) -> String {
    let input = &u.input;
    match &u.suggestion {
        RegionSuggestion::Okato(code) => {
            let label = region_label(lang, regions, code, "");
            match lang {
                Lang::En => format!(
                    "`{input}` is not a region code but the OKATO code (passport series) of {label}; write {code}"
                ),
                Lang::Ru => format!(
                    "«{input}» — не код региона, а код ОКАТО (серия паспорта) региона {label}; укажите {code}"
                ),
            }
        }
        RegionSuggestion::Similar(codes) => {
            let list = codes_with_names(lang, regions, codes);
            match lang {
                Lang::En => format!("unknown region code `{input}`; did you mean {list}?"),
                Lang::Ru => format!("неизвестный код региона «{input}»; может быть, {list}?"),
            }
        }
        RegionSuggestion::Nothing => match lang {
            Lang::En => format!(
                "unknown region code `{input}`; use the 2-digit region codes (77 Moscow, 50 Moscow Oblast) or abroad"
            ),
            Lang::Ru => format!(
                "неизвестный код региона «{input}»; укажите двузначные коды регионов (77 Москва, 50 Московская область) или abroad"
            ),
        },
    }
}

/// Why a region list was refused, every unknown code with its suggestion.
pub fn region_list_error(lang: Lang, regions: &RegionCatalog, e: &RegionListError) -> String {
    match e {
        RegionListError::Empty => lang
            .pick(
                "no region code given: list the regions the collector is notarised for, e.g. 77,50",
                "не указан ни один регион: перечислите регионы, для которых нотариально заверен сборщик, например 77,50",
            )
            .to_string(),
        RegionListError::Unknown(list) => list
            .iter()
            .map(|u| unknown_code(lang, regions, u))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A collector line with no name.
pub fn collector_name_empty(lang: Lang) -> &'static str {
    lang.pick(
        "the collector's name is empty; write the full name as on the notarised list",
        "не указано имя сборщика; напишите ФИО полностью, как в нотариальном списке",
    )
}

/// The result of `collectors add`.
pub fn collector_added(
    lang: Lang,
    regions: &RegionCatalog,
    added: &crate::store::CollectorAdded,
) -> String {
    let name = &added.collector.name;
    let all: Vec<String> = added.collector.regions.iter().cloned().collect();
    let new: Vec<String> = added.added_regions.iter().cloned().collect();
    let all = codes_with_names(lang, regions, &all);
    let new = codes_with_names(lang, regions, &new);
    match (lang, added.new, added.added_regions.is_empty()) {
        (Lang::En, true, _) => format!("listed collector {name} for {all}"),
        (Lang::Ru, true, _) => format!("сборщик {name} внесён в список для: {all}"),
        (Lang::En, false, true) => {
            format!(
                "{name} is already listed for these regions; nothing changed (listed for {all})"
            )
        }
        (Lang::Ru, false, true) => {
            format!("{name} уже в списке для этих регионов; ничего не изменено (регионы: {all})")
        }
        (Lang::En, false, false) => format!("{name} is now also listed for {new} (all: {all})"),
        (Lang::Ru, false, false) => format!("{name} теперь также в списке для: {new} (все: {all})"),
    }
}

/// `collectors list` as an aligned table, or a hint when the list is empty.
pub fn collector_table(lang: Lang, regions: &RegionCatalog, list: &[Collector]) -> String {
    if list.is_empty() {
        return lang
            .pick(
                "no collectors listed yet; add one with: sigdesk collectors add \"FULL NAME\" --regions 77,50\n",
                "сборщиков в списке пока нет; добавьте: sigdesk collectors add \"ФИО\" --regions 77,50\n",
            )
            .to_string();
    }
    let header = vec![
        lang.pick("collector", "сборщик").to_string(),
        lang.pick("regions", "регионы").to_string(),
    ];
    let rows = list
        .iter()
        .map(|c| {
            let codes: Vec<String> = c.regions.iter().cloned().collect();
            vec![c.name.clone(), codes_with_names(lang, regions, &codes)]
        })
        .collect();
    aligned_table(header, rows, &[])
}

/// The summary of `collectors import`.
pub fn collectors_imported(lang: Lang, rows: usize, new: usize, extended: usize) -> String {
    let unchanged = rows - new - extended;
    match lang {
        Lang::En => format!(
            "imported {rows} collector rows: {new} new, {extended} with added regions, {unchanged} unchanged"
        ),
        Lang::Ru => format!(
            "импортировано строк со сборщиками: {rows}; новых: {new}, с добавленными регионами: {extended}, без изменений: {unchanged}"
        ),
    }
}

/// Rows of a collectors file that were refused (nothing imported).
pub fn collectors_rejected(lang: Lang, file: &str, rows: usize, errors: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut list = errors
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if errors.len() > SHOWN {
        list.push_str(&match lang {
            Lang::En => format!("; and {} more", errors.len() - SHOWN),
            Lang::Ru => format!("; и ещё {}", errors.len() - SHOWN),
        });
    }
    match lang {
        Lang::En => format!(
            "{file}: {} of {rows} rows refused, nothing imported: {list}",
            errors.len()
        ),
        Lang::Ru => format!(
            "{file}: отклонено строк: {} из {rows}, ничего не импортировано: {list}",
            errors.len()
        ),
    }
}

/// One refused row of a collectors file.
pub fn collectors_row_error(lang: Lang, line: u64, reason: &str) -> String {
    match lang {
        Lang::En => format!("line {line}: {reason}"),
        Lang::Ru => format!("строка {line}: {reason}"),
    }
}

/// A collectors file whose header is not `name,regions`.
pub fn collectors_header(lang: Lang, file: &str, found: &str) -> String {
    match lang {
        Lang::En => {
            format!("{file}: the header must be `name,regions` (in any order), got `{found}`")
        }
        Lang::Ru => format!(
            "{file}: заголовок должен быть `name,regions` (в любом порядке), а в файле `{found}`"
        ),
    }
}

/// No sheet has the number given.
pub fn no_such_sheet(lang: Lang, number: u32) -> String {
    match lang {
        Lang::En => format!("there is no sheet {number}; `sigdesk sheets` lists them"),
        Lang::Ru => format!("листа {number} нет; список листов: `sigdesk sheets`"),
    }
}

/// `sheets close N` succeeded.
pub fn sheet_closed(lang: Lang, number: u32) -> String {
    match lang {
        Lang::En => format!(
            "closed sheet {number}; the next signer of its region starts a new sheet at that desk"
        ),
        Lang::Ru => format!(
            "лист {number} закрыт; следующий подписант этого региона за этим столом начнёт новый лист"
        ),
    }
}

/// `sheets close N` on a closed sheet (nothing to do).
pub fn sheet_already_closed(lang: Lang, number: u32, at: &str) -> String {
    match lang {
        Lang::En => format!("sheet {number} is closed already (since {at})"),
        Lang::Ru => format!("лист {number} уже закрыт ({at})"),
    }
}

/// `sheets close --all-open` result.
pub fn open_sheets_closed(lang: Lang, numbers: &[u32]) -> String {
    if numbers.is_empty() {
        return lang
            .pick("no open sheet to close", "открытых листов нет")
            .to_string();
    }
    let list = numbers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::En => format!("closed {} open sheets: {list}", numbers.len()),
        Lang::Ru => format!("закрыто открытых листов: {}: {list}", numbers.len()),
    }
}

/// `sheets certify` succeeded.
pub fn sheet_certified(lang: Lang, number: u32, region: &str, cert: &Certification) -> String {
    match lang {
        Lang::En => format!(
            "sheet {number} ({region}) certified by {} on {}",
            cert.collector, cert.on
        ),
        Lang::Ru => format!(
            "лист {number} ({region}) заверен сборщиком {} {}",
            cert.collector, cert.on
        ),
    }
}

/// `sheets certify` on a sheet certified before.
pub fn sheet_already_certified(lang: Lang, number: u32, cert: &Certification) -> String {
    match lang {
        Lang::En => format!(
            "sheet {number} is already certified by {} on {}; a sheet is certified once",
            cert.collector, cert.on
        ),
        Lang::Ru => format!(
            "лист {number} уже заверен сборщиком {} {}; лист заверяется один раз",
            cert.collector, cert.on
        ),
    }
}

/// `sheets certify` refused: every reason, one line.
pub fn certify_refused(
    lang: Lang,
    number: u32,
    region: &str,
    problems: &[CertifyProblem],
) -> String {
    let reasons = problems
        .iter()
        .map(|p| certify_problem(lang, number, region, p))
        .collect::<Vec<_>>()
        .join("; ");
    match lang {
        Lang::En => format!("sheet {number} not certified: {reasons}"),
        Lang::Ru => format!("лист {number} не заверен: {reasons}"),
    }
}

fn certify_problem(lang: Lang, number: u32, region: &str, p: &CertifyProblem) -> String {
    match (p, lang) {
        (CertifyProblem::SheetOpen, Lang::En) => {
            format!("it is still open; close it first with `sigdesk sheets close {number}`")
        }
        (CertifyProblem::SheetOpen, Lang::Ru) => {
            format!("он ещё открыт; сначала закройте его: `sigdesk sheets close {number}`")
        }
        (CertifyProblem::NoValidLines, _) => lang
            .pick(
                "it has no valid line, so there is nothing to certify",
                "на нём нет ни одной действующей строки, заверять нечего",
            )
            .to_string(),
        (CertifyProblem::UnknownCollector { name }, Lang::En) => format!(
            "no collector named “{name}” is listed; check the spelling with `sigdesk collectors list` or add them with `sigdesk collectors add`"
        ),
        (CertifyProblem::UnknownCollector { name }, Lang::Ru) => format!(
            "сборщика «{name}» нет в списке; проверьте написание (`sigdesk collectors list`) или добавьте его (`sigdesk collectors add`)"
        ),
        (CertifyProblem::CollectorNotListed { collector, .. }, Lang::En) => format!(
            "{collector} is not on the notarised list for {region}; only a collector listed for the sheet's region may certify it"
        ),
        (CertifyProblem::CollectorNotListed { collector, .. }, Lang::Ru) => format!(
            "{collector} нет в нотариальном списке сборщиков для региона {region}; заверить лист может только сборщик, внесённый в список этого региона"
        ),
        (
            CertifyProblem::BeforeSignature {
                date,
                line,
                signed_on,
            },
            Lang::En,
        ) => format!(
            "{date} is before the signing date {signed_on} on line {line}; the certification date must be on or after every signer's date"
        ),
        (
            CertifyProblem::BeforeSignature {
                date,
                line,
                signed_on,
            },
            Lang::Ru,
        ) => format!(
            "{date} раньше даты подписи {signed_on} в строке {line}; дата заверения должна быть не раньше даты каждого подписанта"
        ),
        (CertifyProblem::InFuture { date, today }, Lang::En) => {
            format!("{date} is in the future (today is {today})")
        }
        (CertifyProblem::InFuture { date, today }, Lang::Ru) => {
            format!("{date} — дата в будущем (сегодня {today})")
        }
    }
}

/// What is wrong with a stored sheet and what to do, for `check`.
pub fn sheet_problem(lang: Lang, number: u32, region: &str, p: &SheetProblem) -> String {
    match (p, lang) {
        (SheetProblem::OpenPastDay { opened_on }, Lang::En) => format!(
            "still open since {opened_on}; close it (`sigdesk sheets close {number}`) and have it certified"
        ),
        (SheetProblem::OpenPastDay { opened_on }, Lang::Ru) => format!(
            "открыт с {opened_on}; закройте его (`sigdesk sheets close {number}`) и заверьте"
        ),
        (SheetProblem::Uncertified, Lang::En) => format!(
            "closed but not certified; the collector certifies it with `sigdesk sheets certify {number} --collector NAME --date YYYY-MM-DD`"
        ),
        (SheetProblem::Uncertified, Lang::Ru) => format!(
            "закрыт, но не заверен; сборщик заверяет его: `sigdesk sheets certify {number} --collector ФИО --date ГГГГ-ММ-ДД`"
        ),
        (SheetProblem::CollectorNotListed { collector, .. }, Lang::En) => format!(
            "certified by {collector}, who is not on the notarised list for {region}; every signature on it will be rejected"
        ),
        (SheetProblem::CollectorNotListed { collector, .. }, Lang::Ru) => format!(
            "заверен сборщиком {collector}, которого нет в нотариальном списке для региона {region}; все подписи листа будут отклонены"
        ),
        (
            SheetProblem::CertifiedBeforeSignature {
                certified_on,
                line,
                signed_on,
            },
            Lang::En,
        ) => format!(
            "certified on {certified_on}, before the signing date {signed_on} on line {line}; the certification date must be on or after every signer's date"
        ),
        (
            SheetProblem::CertifiedBeforeSignature {
                certified_on,
                line,
                signed_on,
            },
            Lang::Ru,
        ) => format!(
            "заверен {certified_on}, раньше даты подписи {signed_on} в строке {line}; дата заверения должна быть не раньше даты каждого подписанта"
        ),
    }
}

/// A few words for a sheet problem in the `sheets` table.
pub fn sheet_problem_short(lang: Lang, p: &SheetProblem) -> &'static str {
    match p {
        SheetProblem::OpenPastDay { .. } => lang.pick("open past its day", "открыт с прошлого дня"),
        SheetProblem::Uncertified => lang.pick("uncertified", "не заверен"),
        SheetProblem::CollectorNotListed { .. } => {
            lang.pick("collector not listed", "сборщик не в списке")
        }
        SheetProblem::CertifiedBeforeSignature { .. } => {
            lang.pick("certified before a signature", "заверен до подписи")
        }
    }
}

/// The header of the `sheets` table.
pub fn sheet_table_header(lang: Lang) -> Vec<String> {
    let (en, ru): (&[&str], &[&str]) = (
        &[
            "sheet",
            "region",
            "desk",
            "opened",
            "closed",
            "lines",
            "valid",
            "void",
            "certified",
            "problems",
        ],
        &[
            "лист",
            "регион",
            "стол",
            "открыт",
            "закрыт",
            "строк",
            "действ",
            "аннул",
            "заверен",
            "замечания",
        ],
    );
    let pick = if lang == Lang::Ru { ru } else { en };
    pick.iter().map(|s| s.to_string()).collect()
}

/// `open` in the closed column of the table.
pub fn sheet_still_open(lang: Lang) -> &'static str {
    lang.pick("open", "открыт")
}

/// No sheet opened yet.
pub fn no_sheets(lang: Lang) -> &'static str {
    lang.pick(
        "no sheets yet: a desk opens one with its first signer of a region",
        "листов пока нет: стол открывает лист с первым подписантом региона",
    )
}

/// A time as the lead reads it: local `YYYY-MM-DD HH:MM`.
pub fn local_minute(at: DateTime<Utc>, campaign: &crate::domain::Campaign) -> String {
    campaign.local_time(at).format("%Y-%m-%d %H:%M").to_string()
}

/// Columns padded to their widest cell (by characters); `right` lists the columns aligned
/// to the right (numbers). Each line ends with a newline; trailing spaces are trimmed.
pub fn aligned_table(header: Vec<String>, rows: Vec<Vec<String>>, right: &[usize]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = widths
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(cell.chars().count());
            if i > 0 {
                line.push_str("  ");
            }
            if right.contains(&i) {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The label in front of a progress bar.
pub fn progress_label(lang: Lang, phase: crate::progress::Phase) -> &'static str {
    use crate::progress::Phase;
    match phase {
        Phase::Export => lang.pick("exporting", "выгрузка"),
        Phase::ImportCheck => lang.pick("checking", "проверка"),
        Phase::ImportSave => lang.pick("saving", "запись"),
        Phase::Demo => lang.pick("demo day", "демо-день"),
    }
}

/// Why `demo` refused to run.
pub fn demo_error(lang: Lang, e: &crate::dev::demo::DemoError) -> String {
    use crate::dev::demo::DemoError;
    match (e, lang) {
        (DemoError::RealData { count, points }, Lang::En) => format!(
            "the database holds {count} real entries (point {points}); the demo writes only into a new database: use --db demo.db"
        ),
        (DemoError::RealData { count, points }, Lang::Ru) => format!(
            "в базе {count} настоящих записей (пункт {points}); демо пишет только в новую базу: укажите --db demo.db"
        ),
        (DemoError::AlreadyDemo { count }, Lang::En) => {
            format!("the database already holds a demo ({count} entries); use another --db file")
        }
        (DemoError::AlreadyDemo { count }, Lang::Ru) => {
            format!("в базе уже есть демо ({count} записей); укажите другой файл --db")
        }
        (other, _) => other.to_string(),
    }
}

/// What `demo` wrote.
pub fn demo_summary(lang: Lang, s: &crate::dev::demo::DemoSummary) -> String {
    let days = match s.days {
        Some((first, last)) if first == last => first.to_string(),
        Some((first, last)) => format!("{first} … {last}"),
        None => String::new(),
    };
    let warnings = if s.warnings.is_empty() {
        "—".to_string()
    } else {
        s.warnings
            .iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match lang {
        Lang::En => format!(
            "demo {days}: {} signers saved ({} voided and entered again); {} tickets ({} walked out, {} not there when called); {} sheets, {} certified; warnings: {warnings}",
            s.saved, s.voided, s.tickets, s.left, s.no_shows, s.sheets, s.certified
        ),
        Lang::Ru => format!(
            "демо {days}: сохранено подписантов: {} (аннулировано и введено заново: {}); талонов: {} (ушли: {}, не подошли по вызову: {}); листов: {}, заверено: {}; предупреждения: {warnings}",
            s.saved, s.voided, s.tickets, s.left, s.no_shows, s.sheets, s.certified
        ),
    }
}
