//! End to end: a family of three on one ticket, typed into the real binary in a
//! pseudo-terminal, every key counted. The first member is a typical signer (at most 8 keys
//! besides the data, Ctrl-N included); the second and third type no region and no address:
//! the second saves with Ctrl-S right after the document, the third keeps the place with Tab.
//! The ticket is issued through the library, as a door would (no door process needed).

use crate::common::db::actor;
use crate::common::desk::{IVANOV, Signer, WIFE};
use crate::pty::{entries, open, training_desk};
use sigdesk::store::Key;

const TAB: &str = "\t";
const CTRL_N: &str = "\x0e";
const CTRL_S: &str = "\x13";

/// One step of the operator's work.
enum Step {
    /// The signer's data for a field, typed character by character.
    Data(&'static str, &'static str),
    /// A key that is not data: its name and what the terminal sends.
    Key(&'static str, &'static str),
}

use Step::{Data, Key as Press};

/// What a member took: the keys sent, the non-data keys, the characters per field.
#[derive(Debug, Default)]
struct Typing {
    sent: String,
    keys: Vec<&'static str>,
    chars: Vec<(&'static str, usize)>,
}

impl Typing {
    fn of(steps: Vec<Step>) -> Typing {
        let mut typing = Typing::default();
        for step in steps {
            match step {
                Data(field, text) => {
                    typing.sent.push_str(text);
                    typing.chars.push((field, text.chars().count()));
                }
                Press(name, sent) => {
                    typing.sent.push_str(sent);
                    typing.keys.push(name);
                }
            }
        }
        typing
    }

    /// Characters typed into a field.
    fn chars_in(&self, field: &str) -> usize {
        self.chars
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, n)| n)
            .sum()
    }

    fn data(&self) -> usize {
        self.chars.iter().map(|(_, n)| n).sum()
    }
}

/// Surname to document with Tab between: what every member types of their own.
fn own_part(s: &Signer) -> Vec<Step> {
    vec![
        Data("surname", s.surname),
        Press("Tab", TAB),
        Data("given name", s.given_name),
        Press("Tab", TAB),
        Data("patronymic", s.patronymic),
        Press("Tab", TAB),
        Data("birth date", s.birth_date),
        Press("Tab", TAB),
        Data("document", s.document),
    ]
}

const SON: Signer = Signer {
    surname: "Иванов",
    given_name: "Пётр",
    patronymic: "Иванович",
    birth_date: "01.09.2004",
    document: "4524 777888",
    ..IVANOV
};

#[test]
fn a_family_of_three_on_one_ticket_types_its_address_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut desk = training_desk(dir.path());
    let mut door = open(dir.path(), &Key::Plain);
    let now = chrono::Utc::now();
    let day = door.campaign().expect("campaign").local_date(now);
    let ticket = door
        .issue_ticket(&actor("door", "Olga"), day, now)
        .expect("issue a ticket");
    desk.wait_for("1 waiting");

    // The first member: a typical signer, from calling the ticket to the save.
    let mut first = vec![Press("Ctrl-N", CTRL_N)];
    first.extend(own_part(&IVANOV));
    first.extend([
        Press("Tab", TAB),
        Data("region", IVANOV.region),
        Press("Tab", TAB),
        Data("address", IVANOV.address),
        Press("Ctrl-S", CTRL_S),
    ]);
    // The second: Ctrl-S right after the document, the place is kept.
    let mut second = own_part(&WIFE);
    second.push(Press("Ctrl-S", CTRL_S));
    // The third: Tab through the kept region and address, then Ctrl-S.
    let mut third = own_part(&SON);
    third.extend([
        Press("Tab", TAB),
        Press("Tab", TAB),
        Press("Ctrl-S", CTRL_S),
    ]);

    let family = [Typing::of(first), Typing::of(second), Typing::of(third)];
    for (line, member) in (1..).zip(&family) {
        desk.type_keys(&member.sent);
        desk.wait_for(&format!("Saved: sheet 1 line {line}"));
        desk.wait_for("kept from the last signer of ticket 001");
        eprintln!(
            "member {line}: {} keys besides the data ({}), {} data characters, {} in the address",
            member.keys.len(),
            member.keys.join(" "),
            member.data(),
            member.chars_in("address"),
        );
    }
    let screen = desk.contents();
    for private in ["Пётр", "4524 777888", "01.09.2004"] {
        assert!(
            !screen.contains(private),
            "{private} still shows:\n{screen}"
        );
    }
    desk.quit();

    let [first, second, third] = &family;
    assert!(first.keys.len() <= 8, "{:?}", first.keys);
    assert!(first.chars_in("address") > 0);
    for member in [second, third] {
        assert_eq!(member.chars_in("address"), 0, "{member:?}");
        assert_eq!(member.chars_in("region"), 0, "{member:?}");
    }
    assert_eq!(second.keys.len(), 5, "{:?}", second.keys);
    assert_eq!(third.keys.len(), 7, "{:?}", third.keys);

    let saved = entries(dir.path(), &Key::Plain);
    let rows: Vec<(&str, &str, &str, Option<i64>)> = saved
        .iter()
        .map(|e| {
            (
                e.signer.given_name.as_str(),
                e.signer.region_code.as_str(),
                e.signer.address.as_str(),
                e.ticket,
            )
        })
        .collect();
    let home = (IVANOV.region, IVANOV.address, Some(ticket.id));
    assert_eq!(
        rows,
        [
            ("Иван", home.0, home.1, home.2),
            ("Мария", home.0, home.1, home.2),
            ("Пётр", home.0, home.1, home.2),
        ]
    );
}
