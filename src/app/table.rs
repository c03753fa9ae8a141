//! Text layout of the command line's tables (`sheets`, `collectors list`): columns padded
//! to their widest cell.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_pad_to_the_widest_cell_by_characters() {
        let table = aligned_table(
            vec!["лист".into(), "n".into(), "x".into()],
            vec![vec!["1".into(), "12".into(), String::new()]],
            &[1],
        );
        assert_eq!(table, "лист   n  x\n1     12\n");
    }
}
