//! The desk form's order, driven in process: the digits typed decide the document kind
//! (Tab goes from the birth date straight to them, Shift-Tab goes back to the kind), and
//! an address typed while the region is empty offers the region it names (Ctrl-T).

use crate::common::desk::{Desk, IVANOV, Signer, fresh_desk};
use crate::common::render::screen_text;
use ratatui::crossterm::event::KeyCode;
use sigdesk::domain::{DocKind, Field};

/// A fresh desk with IVANOV's names and birth date typed, the cursor on the document.
fn at_the_document() -> (tempfile::TempDir, Desk) {
    let (dir, mut desk) = fresh_desk();
    desk.fill_fields(&IVANOV.fields()[..4]);
    desk.press(KeyCode::Tab);
    assert_eq!(desk.model.form.focus, Field::Document);
    (dir, desk)
}

#[test]
fn the_digits_typed_choose_the_document_kind() {
    // (typed, kind read, finding on the kind or document after leaving it)
    let rows: [(&str, DocKind, Option<&str>); 5] = [
        ("4506 123456", DocKind::InternalPassport, None),
        ("75 1234567", DocKind::ForeignPassport, None),
        ("751234567", DocKind::ForeignPassport, None),
        ("АБ 1234567", DocKind::Other, Some("doc.other_kind")),
        // A digit short stays an internal passport and says so: an error, not a warning.
        (
            "4506 12345",
            DocKind::InternalPassport,
            Some("doc.number_length"),
        ),
    ];
    for (typed, kind, finding) in rows {
        let (_dir, mut desk) = at_the_document();
        desk.type_text(typed);
        assert_eq!(desk.model.form.doc_kind, kind, "{typed}");
        desk.press(KeyCode::Tab);
        assert_eq!(desk.model.form.focus, Field::Region, "{typed}");
        let shown: Vec<&str> = [Field::DocKind, Field::Document]
            .into_iter()
            .filter(|f| desk.model.form.shows_findings(*f))
            .flat_map(|f| desk.model.form.findings_for(f))
            .map(|f| f.code())
            .collect();
        assert_eq!(shown, finding.into_iter().collect::<Vec<_>>(), "{typed}");
    }
}

#[test]
fn shift_tab_goes_back_to_the_kind_and_a_kind_chosen_there_stays() {
    let (_dir, mut desk) = at_the_document();
    desk.type_text("4506");
    desk.press(KeyCode::BackTab);
    assert_eq!(desk.model.form.focus, Field::DocKind);
    desk.assert_shows("▶Document      ‹ RU internal passport ›");
    desk.press(KeyCode::Char(' '));
    desk.press(KeyCode::Char(' '));
    assert_eq!(desk.model.form.doc_kind, DocKind::Other);
    desk.press(KeyCode::Tab);
    assert_eq!(desk.model.form.focus, Field::Document);
    desk.type_text(" 123456");
    assert_eq!(desk.model.form.doc_kind, DocKind::Other, "chosen by hand");
    // Back from the kind is the birth date.
    desk.press(KeyCode::BackTab);
    desk.press(KeyCode::BackTab);
    assert_eq!(desk.model.form.focus, Field::BirthDate);
}

#[test]
fn an_international_passport_of_a_voter_in_russia_is_an_error_on_the_kind() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill(&Signer {
        document: "75 1234567",
        ..IVANOV
    });
    assert_eq!(desk.model.form.doc_kind, DocKind::ForeignPassport);
    desk.ctrl('s');
    desk.assert_status("Not saved: 1 error marked");
    assert_eq!(desk.finding_codes(), ["doc.kind_region"]);
    assert_eq!(desk.model.form.focus, Field::DocKind);
    desk.assert_shows("✗ international passport counts only for");
    assert_eq!(desk.totals(), (0, 0));
}

#[test]
fn an_address_typed_while_the_region_is_empty_offers_its_region_with_ctrl_t() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill(&Signer {
        region: "",
        ..IVANOV
    });
    assert_eq!(desk.model.form.focus, Field::Address);
    desk.assert_shows("→ the address says Moscow · Ctrl-T takes it");
    desk.ctrl('t');
    desk.assert_status("Changed to “Moscow”");
    assert_eq!(desk.model.form.text(Field::Region), "Moscow");
    assert_eq!(desk.model.form.focus, Field::Address);
    let screen = screen_text(&desk.model, 80, 24);
    assert!(!screen.contains("the address says"), "{screen}");
    desk.ctrl('s');
    desk.assert_status("Saved: sheet 1 line 1");
}

#[test]
fn a_region_typed_first_keeps_the_address_warning_and_offers_nothing() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill(&Signer {
        region: "78",
        ..IVANOV
    });
    let screen = screen_text(&desk.model, 80, 24);
    assert!(!screen.contains("the address says"), "{screen}");
    desk.ctrl('t');
    desk.assert_status("No suggested fix here");
    assert_eq!(desk.model.form.text(Field::Region), "Saint Petersburg");
    desk.ctrl('s');
    assert_eq!(desk.finding_codes(), ["address.region_mismatch"]);
}

#[test]
fn an_address_naming_no_subject_offers_nothing() {
    let (_dir, mut desk) = fresh_desk();
    desk.fill(&Signer {
        region: "",
        address: "ул. Ленина, д. 5",
        ..IVANOV
    });
    desk.ctrl('t');
    desk.assert_status("No suggested fix here");
    assert_eq!(desk.model.form.text(Field::Region), "");
}
