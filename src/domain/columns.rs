//! The entry's columns, each named once: the `entries` table, the CSV header of DESIGN.md §9
//! and the audit log's field names all come from this list.

use chrono::{DateTime, SecondsFormat, Utc};

/// A time as the table and the CSV hold it: RFC 3339 UTC text with milliseconds.
pub fn time_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// How many columns the CSV has ([`Column::exported`]).
pub const CSV_WIDTH: usize = 21;

/// One column of an entry, in the database or the CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Entry id.
    Id,
    /// Collection point that wrote it.
    Origin,
    /// Sheet number.
    Sheet,
    /// Line on the sheet.
    Line,
    /// Family name.
    Surname,
    /// First name.
    GivenName,
    /// Patronymic.
    Patronymic,
    /// Date of birth.
    BirthDate,
    /// Document kind.
    DocKind,
    /// Document series.
    DocSeries,
    /// Document number.
    DocNumber,
    /// Region catalogue code.
    RegionCode,
    /// The region's name: exported for people, never stored.
    Region,
    /// Foreign state for `abroad`.
    AbroadCountry,
    /// Address of residence.
    Address,
    /// Signing date.
    SignedOn,
    /// Queue ticket: stored, never exported.
    Ticket,
    /// Desk that saved it.
    Desk,
    /// Operator who typed it.
    Operator,
    /// When it was saved.
    EnteredAt,
    /// Valid or voided.
    Status,
    /// Why it was voided.
    VoidReason,
}

impl Column {
    /// Every column, in the CSV order of DESIGN.md §9 (with `ticket` where the table has it).
    pub const ALL: [Column; 22] = [
        Column::Id,
        Column::Origin,
        Column::Sheet,
        Column::Line,
        Column::Surname,
        Column::GivenName,
        Column::Patronymic,
        Column::BirthDate,
        Column::DocKind,
        Column::DocSeries,
        Column::DocNumber,
        Column::RegionCode,
        Column::Region,
        Column::AbroadCountry,
        Column::Address,
        Column::SignedOn,
        Column::Ticket,
        Column::Desk,
        Column::Operator,
        Column::EnteredAt,
        Column::Status,
        Column::VoidReason,
    ];

    /// The checked values of a signer (`NewEntry`), in order: what a save fills and an
    /// edit may change.
    pub const SIGNER: [Column; 11] = Column::signer_columns();

    /// Whether the column is one of the signer's checked values: the columns from the
    /// surname to the signing date, except the region's name, which is not stored.
    const fn is_signer(self) -> bool {
        let at = self as usize;
        at >= Column::Surname as usize
            && at <= Column::SignedOn as usize
            && !matches!(self, Column::Region)
    }

    /// [`Column::ALL`] kept to the signer's columns, in order; built at compile time, so a
    /// wrong length fails the build.
    const fn signer_columns() -> [Column; 11] {
        let mut signer = [Column::Id; 11];
        let (mut from, mut to) = (0, 0);
        while from < Column::ALL.len() {
            if Column::ALL[from].is_signer() {
                signer[to] = Column::ALL[from];
                to += 1;
            }
            from += 1;
        }
        assert!(to == signer.len(), "every signer column has a place");
        signer
    }

    /// The column's name in the table, the CSV header and the audit log.
    pub fn name(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Origin => "origin",
            Column::Sheet => "sheet",
            Column::Line => "line",
            Column::Surname => "surname",
            Column::GivenName => "given_name",
            Column::Patronymic => "patronymic",
            Column::BirthDate => "birth_date",
            Column::DocKind => "doc_kind",
            Column::DocSeries => "doc_series",
            Column::DocNumber => "doc_number",
            Column::RegionCode => "region_code",
            Column::Region => "region",
            Column::AbroadCountry => "abroad_country",
            Column::Address => "address",
            Column::SignedOn => "signed_on",
            Column::Ticket => "ticket",
            Column::Desk => "desk",
            Column::Operator => "operator",
            Column::EnteredAt => "entered_at",
            Column::Status => "status",
            Column::VoidReason => "void_reason",
        }
    }

    /// The column of a name, if it is one.
    pub fn named(name: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Whether the `entries` table has this column.
    pub fn is_stored(self) -> bool {
        self != Column::Region
    }

    /// Whether the CSV has this column.
    pub fn is_exported(self) -> bool {
        self != Column::Ticket
    }

    /// The columns of the `entries` table.
    pub fn stored() -> impl Iterator<Item = Column> {
        Column::ALL.into_iter().filter(|c| c.is_stored())
    }

    /// The CSV columns, in header order.
    pub fn exported() -> impl Iterator<Item = Column> {
        Column::ALL.into_iter().filter(|c| c.is_exported())
    }

    /// Whether an edit may change it: a signer's value other than the region, which heads
    /// the paper sheet.
    pub fn is_editable(self) -> bool {
        self.is_signer() && !matches!(self, Column::RegionCode | Column::AbroadCountry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_header_is_the_one_of_the_design() {
        let header: Vec<&str> = Column::exported().map(Column::name).collect();
        assert_eq!(
            header.join(","),
            "id,origin,sheet,line,surname,given_name,patronymic,birth_date,doc_kind,doc_series,doc_number,region_code,region,abroad_country,address,signed_on,desk,operator,entered_at,status,void_reason"
        );
    }

    #[test]
    fn the_signer_columns_are_the_checked_values_in_csv_order() {
        let signer: Vec<&str> = Column::SIGNER.into_iter().map(Column::name).collect();
        assert_eq!(
            signer.join(","),
            "surname,given_name,patronymic,birth_date,doc_kind,doc_series,doc_number,region_code,abroad_country,address,signed_on"
        );
    }

    #[test]
    fn the_csv_width_counts_the_exported_columns() {
        assert_eq!(Column::exported().count(), CSV_WIDTH);
    }

    #[test]
    fn the_table_has_every_column_but_the_region_name() {
        assert_eq!(Column::stored().count(), 21);
        assert!(Column::stored().any(|c| c == Column::Ticket));
        assert_eq!(Column::named("given_name"), Some(Column::GivenName));
        assert_eq!(Column::named("GivenName"), None);
        assert!(
            Column::ALL
                .iter()
                .all(|c| Column::named(c.name()) == Some(*c))
        );
    }
}
