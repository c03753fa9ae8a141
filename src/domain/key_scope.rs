//! Where keys work in the terminal app: a screen, a prompt over it, or every screen. Plain
//! data, so the key table (`tui::keys`) acts on it and i18n names it.

/// Where keys work: a screen, a prompt over it, or every screen. Several are active at
/// once; the first that has a key takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyScope {
    /// The alarm after the database file changed: only quitting.
    Alarm,
    /// A terminal smaller than every screen needs: only quitting (nothing is typed or
    /// saved blind).
    TooSmall,
    /// The warning that a save landed on another line than shown.
    WriteOn,
    /// The locked screen: only its PIN prompt.
    Lock,
    /// The lead PIN prompt.
    LeadPin,
    /// A yes/no question.
    Question,
    /// A yes/no question asked in Russian: its own letters on top of y/n.
    QuestionRu,
    /// The help overlay.
    HelpOpen,
    /// The sign-in form.
    SignIn,
    /// The desk form while region suggestions are open.
    Suggestions,
    /// The desk form on the document kind field.
    DocKind,
    /// The desk form.
    Form,
    /// The entries list.
    Entries,
    /// The void reason prompt.
    VoidReason,
    /// The queue screen.
    Queue,
    /// The door screen.
    Door,
    /// The door's walkout number prompt.
    Walkout,
    /// The notice to signers over the door screen.
    Notice,
    /// The board.
    Board,
    /// The paper check.
    Paper,
    /// The note for `paper.other`.
    PaperNote,
    /// Screens that serve tickets (desk, entries, queue): calling the next.
    Calling,
    /// Every screen after sign-in: switching screens.
    Screens,
    /// Every screen after sign-in of a desk process: the screens with personal data (a
    /// board or door process never opens them, DESIGN.md §7).
    PersonalScreens,
    /// Every screen, the sign-in form too.
    Anywhere,
    /// Every screen after sign-in, even over a prompt: lock now.
    Session,
}

impl KeyScope {
    /// Whether keys that no entry takes are typed into a text field here.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            KeyScope::Lock
                | KeyScope::LeadPin
                | KeyScope::SignIn
                | KeyScope::Form
                | KeyScope::VoidReason
                | KeyScope::Walkout
                | KeyScope::PaperNote
        )
    }
}
