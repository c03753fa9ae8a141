//! The OWASP formula guard (DESIGN.md §7): a spreadsheet runs a cell that starts with
//! `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so export puts `'` before
//! such a cell, and before a cell that starts with `'` itself; import removes exactly that
//! one `'`. Guarding and unguarding give every value back as it was, so export → import
//! stays lossless (an address such as `-й переулок` included).

use std::borrow::Cow;

/// Whether a cell starting with `byte` is guarded on export.
fn needs_guard(byte: u8) -> bool {
    matches!(byte, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'')
}

/// The cell as exported: `'` before a formula-leading (or `'`-leading) cell.
pub fn guard(cell: &[u8]) -> Cow<'_, [u8]> {
    match cell.first() {
        Some(first) if needs_guard(*first) => {
            let mut guarded = Vec::with_capacity(cell.len() + 1);
            guarded.push(b'\'');
            guarded.extend_from_slice(cell);
            Cow::Owned(guarded)
        }
        _ => Cow::Borrowed(cell),
    }
}

/// The value of an imported cell: without the `'` that [`guard`] put before it. A `'`
/// followed by anything else is the value's own.
pub fn unguard(cell: &str) -> &str {
    match cell.as_bytes() {
        [b'\'', next, ..] if needs_guard(*next) => &cell[1..],
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rustfmt::skip]
    const CELLS: &[(&str, &str)] = &[
        ("Иванов", "Иванов"),
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1+1", "'+1+1"),
        ("-й переулок, д. 3", "'-й переулок, д. 3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'", "''"),
        ("д'Артаньян", "д'Артаньян"),
        ("", ""),
    ];

    #[test]
    fn guarded_cells_come_back_as_they_were() {
        for (value, exported) in CELLS {
            let guarded = guard(value.as_bytes());
            assert_eq!(&*guarded, exported.as_bytes(), "{value:?}");
            assert_eq!(unguard(exported), *value, "{exported:?}");
        }
    }

    #[test]
    fn a_quote_before_plain_text_is_the_value_s_own() {
        assert_eq!(unguard("'abc"), "'abc");
    }
}
