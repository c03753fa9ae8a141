//! The words of the reports one command prints (`check`, `stats`, `verify`, the `export`,
//! `import` and `demo` summaries) and of the progress bar; the command's file in `app/`
//! lays them out.

use super::{Lang, Phrase, en_plural, ru_plural};
use crate::domain::Severity;
use std::borrow::Cow;
use std::path::Path;

/// What `sigdesk check` says.
#[derive(Debug, Clone, Copy)]
pub enum CheckText<'a> {
    /// The first line: entries checked and defects found.
    Summary {
        /// Valid entries checked.
        checked: u64,
        /// Defects found.
        defects: usize,
    },
    /// How bad a rule's defects are.
    Severity(Severity),
    /// One defect: where it is and what is wrong.
    Defect {
        /// Collection point.
        origin: &'a str,
        /// Sheet number.
        sheet: u32,
        /// Line, `None` for a sheet-level defect.
        line: Option<u32>,
        /// Desk.
        desk: &'a str,
        /// What is wrong and what to do.
        message: &'a str,
    },
}

impl Phrase for CheckText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match *self {
            CheckText::Summary { checked, defects } => {
                let entries = en_plural(checked, "entry", "entries");
                let defects_word = en_plural(defects as u64, "defect", "defects");
                say!(
                    lang,
                    "checked {checked} valid {entries}: {defects} {defects_word}",
                    "проверено действующих записей: {checked}, замечаний: {defects}",
                )
            }
            CheckText::Severity(Severity::Error) => say!(lang, "error", "ошибка"),
            CheckText::Severity(Severity::Warning) => say!(lang, "warning", "предупреждение"),
            CheckText::Defect {
                origin,
                sheet,
                line: Some(line),
                desk,
                message,
            } => say!(
                lang,
                "  {origin} sheet {sheet} line {line} (desk {desk}): {message}",
                "  {origin} лист {sheet} строка {line} (стол {desk}): {message}",
            ),
            CheckText::Defect {
                origin,
                sheet,
                line: None,
                desk,
                message,
            } => say!(
                lang,
                "  {origin} sheet {sheet} (desk {desk}): {message}",
                "  {origin} лист {sheet} (стол {desk}): {message}",
            ),
        }
    }
}

/// The queue words of `sigdesk stats` that the queue screen writes otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsText {
    /// Before a desk's ticket.
    Serving,
    /// After a desk's served count.
    Served,
    /// After a desk's time per person.
    PerPerson,
}

impl Phrase for StatsText {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            StatsText::Serving => say!(lang, "serving", "талон"),
            StatsText::Served => say!(lang, "served", "принято"),
            StatsText::PerPerson => say!(lang, "per person", "на человека"),
        }
    }
}

/// The one-line results of `verify`, `export`, `import` and `demo`.
#[derive(Debug, Clone, Copy)]
pub enum ReportText<'a> {
    /// `verify`: the file is sound.
    Sound(&'a Path),
    /// `verify`: the file is damaged, with this many problems.
    Damaged(&'a Path, usize),
    /// `verify`: what the file holds.
    Holds {
        /// Valid entries.
        valid: u64,
        /// Voided entries.
        voided: u64,
        /// Sheets.
        sheets: u64,
        /// Tickets, when the file has a tickets table.
        tickets: Option<u64>,
        /// Audit events.
        events: u64,
    },
    /// The one line `export` prints (`-` is standard output).
    Exported {
        /// Rows written.
        rows: u64,
        /// Where.
        out: &'a str,
    },
    /// The one line `export --xlsx` prints.
    ExportedSheet {
        /// Rows written.
        rows: u64,
        /// The file.
        out: &'a str,
    },
    /// `export` with no `--out` while standard output is a terminal.
    ExportNeedsOut,
    /// The summary `import` prints.
    Imported {
        /// Rows added.
        added: usize,
        /// Data rows read.
        rows: usize,
        /// Rows already present.
        present: usize,
        /// Rows accepted with warnings.
        warned: usize,
        /// Rows rejected.
        rejected: usize,
    },
    /// `demo` refused: the database holds real entries of these points.
    RealData {
        /// How many.
        count: u64,
        /// Their points.
        points: &'a str,
    },
    /// `demo` refused: the database holds a demo already.
    DemoThere(u64),
    /// What `demo` wrote.
    DemoWrote {
        /// The day or days simulated.
        days: &'a str,
        /// Valid entries saved.
        saved: u64,
        /// Entries voided and entered again.
        voided: u64,
        /// Tickets issued.
        tickets: u64,
        /// People who gave up waiting.
        left: u64,
        /// People away when called.
        no_shows: u64,
        /// Sheets used.
        sheets: u64,
        /// Sheets certified.
        certified: u64,
        /// Warnings by code.
        warnings: &'a str,
    },
}

impl Phrase for ReportText<'_> {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        use ReportText::*;
        match *self {
            Sound(file) => say!(
                lang,
                "{}: integrity ok",
                "{}: целостность в порядке",
                file.display()
            ),
            Damaged(file, problems) => {
                let noun = en_plural(problems as u64, "problem", "problems");
                say!(
                    lang,
                    "{}: DAMAGED ({problems} {noun})",
                    "{}: ПОВРЕЖДЁН (проблем: {problems})",
                    file.display(),
                )
            }
            Holds {
                valid,
                voided,
                sheets,
                tickets,
                events,
            } => {
                let tickets = tickets.map_or_else(|| "-".into(), |n| n.to_string());
                say!(
                    lang,
                    "entries: {valid} valid, {voided} voided; sheets: {sheets}; tickets: {tickets}; events: {events}",
                    "записей: действующих {valid}, аннулированных {voided}; листов: {sheets}; талонов: {tickets}; событий: {events}",
                )
            }
            Exported { rows, out } => {
                let target = if out == "-" { "stdout" } else { out };
                say!(
                    lang,
                    "exported {rows} entries to {target}. WARNING: this CSV is NOT encrypted and holds signers' personal data; keep it on an encrypted disk and delete it when done",
                    "выгружено записей: {rows} в {target}. ВНИМАНИЕ: CSV НЕ зашифрован и содержит персональные данные; храните на зашифрованном диске и удалите после использования",
                )
            }
            ExportedSheet { rows, out } => say!(
                lang,
                "exported {rows} entries to {out}. WARNING: this spreadsheet is NOT encrypted and holds signers' personal data; keep it on an encrypted disk and delete it when done",
                "выгружено записей: {rows} в {out}. ВНИМАНИЕ: таблица НЕ зашифрована и содержит персональные данные; храните на зашифрованном диске и удалите после использования",
            ),
            ExportNeedsOut => say!(
                lang,
                "export would print every signer on this screen; give --out FILE (or --out - to print anyway, --xlsx FILE for a spreadsheet)",
                "выгрузка вывела бы всех подписантов на экран; укажите --out ФАЙЛ (или --out -, чтобы всё же вывести; --xlsx ФАЙЛ для таблицы)",
            ),
            Imported {
                added,
                rows,
                present,
                warned,
                rejected,
            } => {
                let of_lines = ru_plural(rows as u64, ["строки", "строк", "строк"]);
                say!(
                    lang,
                    "imported {added} of {rows} rows ({present} already present, {warned} with warnings, {rejected} rejected)",
                    "импортировано {added} из {rows} {of_lines} (уже были: {present}, с предупреждениями: {warned}, отклонено: {rejected})",
                )
            }
            RealData { count, points } => {
                let entries = ru_plural(
                    count,
                    ["настоящая запись", "настоящие записи", "настоящих записей"],
                );
                say!(
                    lang,
                    "the database holds {count} real entries (point {points}); the demo writes only into a new database: use --db demo.db",
                    "в базе {count} {entries} (пункт {points}); демо пишет только в новую базу: укажите --db demo.db",
                )
            }
            DemoThere(count) => {
                let entries = ru_plural(count, ["запись", "записи", "записей"]);
                say!(
                    lang,
                    "the database already holds a demo ({count} entries); use another --db file",
                    "в базе уже есть демо ({count} {entries}); укажите другой файл --db",
                )
            }
            DemoWrote {
                days,
                saved,
                voided,
                tickets,
                left,
                no_shows,
                sheets,
                certified,
                warnings,
            } => say!(
                lang,
                "demo {days}: {saved} signers saved ({voided} voided and entered again); {tickets} tickets ({left} walked out, {no_shows} not there when called); {sheets} sheets, {certified} certified; warnings: {warnings}",
                "демо {days}: сохранено подписантов: {saved} (аннулировано и введено заново: {voided}); талонов: {tickets} (ушли: {left}, не подошли по вызову: {no_shows}); листов: {sheets}, заверено: {certified}; предупреждения: {warnings}",
            ),
        }
    }
}

/// What a long job is doing, in front of its progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Writing entries to CSV.
    Exporting,
    /// Reading and checking an import file.
    Checking,
    /// Writing imported entries.
    Saving,
    /// Simulating a demo day.
    DemoDay,
}

impl Phrase for Job {
    fn say(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            Job::Exporting => say!(lang, "exporting", "выгрузка"),
            Job::Checking => say!(lang, "checking", "проверка"),
            Job::Saving => say!(lang, "saving", "запись"),
            Job::DemoDay => say!(lang, "demo day", "демо-день"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_counts_take_the_noun_form_of_their_number() {
        let imported = |rows| ReportText::Imported {
            added: rows,
            rows,
            present: 0,
            warned: 0,
            rejected: 0,
        };
        assert!(Lang::Ru.t(imported(21)).contains("из 21 строки"));
        assert!(Lang::Ru.t(imported(11)).contains("из 11 строк"));
        assert!(Lang::Ru.t(ReportText::DemoThere(1)).contains("(1 запись)"));
        assert!(Lang::Ru.t(ReportText::DemoThere(3)).contains("(3 записи)"));
        assert!(
            Lang::Ru
                .t(ReportText::DemoThere(12))
                .contains("(12 записей)")
        );
    }
}
