//! The authoring page's words, in English and French.
//!
//! * [`Lang`] is the page's language: `?lang=fr` in the address, or else the browser's.
//! * [`Words`] is one text in both languages, as the form's field labels are written.
//! * [`Ui`] holds the page's own words; [`Ui::of`] picks a language's table.
//! * The definition's problems come from the core, in the same language.

/// The page's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
}

impl Lang {
    /// The language asked for by `?lang=` (`query`), or else the browser's (`browser`),
    /// falling back to English.
    pub fn pick(query: Option<&str>, browser: Option<&str>) -> Self {
        let french = |tag: &str| tag.trim().to_ascii_lowercase().starts_with("fr");
        match query.filter(|q| !q.trim().is_empty()) {
            Some(q) if french(q) => Lang::Fr,
            Some(_) => Lang::En,
            None if browser.is_some_and(french) => Lang::Fr,
            None => Lang::En,
        }
    }

    /// The language tag (`en`, `fr`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// One text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    /// English.
    pub en: &'static str,
    /// French.
    pub fr: &'static str,
}

impl Words {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

macro_rules! ui {
    ($($field:ident),* $(,)?) => {
        /// The page's own words in one language.
        #[derive(Debug)]
        pub struct Ui {
            $(
                #[allow(missing_docs)]
                pub $field: &'static str,
            )*
        }
    };
}

ui!(
    title,
    lead,
    other_language,
    other_language_tag,
    start_title,
    drafts_title,
    no_drafts,
    open_draft,
    delete_draft,
    delete_ask,
    delete_yes,
    delete_no,
    deleted,
    saved_at,
    blank_title,
    blank_help,
    copy_title,
    copy_help,
    copy_button,
    builtin_failed,
    builtin_stale,
    import_title,
    import_help,
    import_file,
    import_paste,
    import_button,
    import_refused,
    untitled,
    back,
    draft_name,
    tab_form,
    tab_json,
    json_label,
    json_help,
    json_syntax,
    problems_title,
    problems_count,
    problem_one,
    problem_at,
    no_problems,
    export_button,
    export_blocked,
    exported,
    not_saved,
    preview_title,
    preview_help,
    preview_blocked,
    preview_restart,
    snippets_title,
    snippets_help,
    snippet_inline,
    snippet_src,
    snippet_src_help,
    snippet_iframe,
    snippet_iframe_help,
    copy_snippet,
    copied,
    copy_failed,
    add,
    remove,
    move_up,
    move_down,
    move_up_named,
    move_down_named,
    remove_named,
    added,
    removed,
    moved,
    include,
    remove_group_ask,
    choose,
    more_options,
    none,
    model_kind,
    row_title,
);

/// English.
pub static EN: Ui = Ui {
    title: "Write your own instrument",
    lead: "Build a self-assessment for your course or workshop, try it as a reader will, and leave with a file and a snippet to paste into your page. Nothing leaves this browser: drafts are kept here as you type.",
    other_language: "Français",
    other_language_tag: "fr",
    start_title: "Start",
    drafts_title: "Your drafts",
    no_drafts: "No drafts yet. Start one below.",
    open_draft: "Open",
    delete_draft: "Delete",
    delete_ask: "Delete “{name}” for good?",
    delete_yes: "Delete it",
    delete_no: "Keep it",
    deleted: "Draft “{name}” deleted.",
    saved_at: "saved {time}",
    blank_title: "From a blank template",
    blank_help: "The structure of one kind of result, with every text left for you to write.",
    copy_title: "From a built-in instrument",
    copy_help: "A copy to change: your own id, your own words.",
    copy_button: "Copy it",
    builtin_failed: "The built-in could not be downloaded, so nothing was opened: {detail}. Check the connection and try again.",
    builtin_stale: "the file is not the one this version of the page reads",
    import_title: "From a file or pasted JSON",
    import_help: "A definition in Candor’s format, such as a file you exported here.",
    import_file: "Open a file",
    import_paste: "Or paste JSON",
    import_button: "Open the pasted JSON",
    import_refused: "This is not JSON, so nothing was opened: {detail}",
    untitled: "Untitled draft",
    back: "All drafts",
    draft_name: "Draft name",
    tab_form: "Form",
    tab_json: "JSON",
    json_label: "The definition as JSON",
    json_help: "Edits here show in the form, and the form’s in here.",
    json_syntax: "The JSON cannot be read, so the form and the preview show the last version that could: {detail}",
    problems_title: "Problems",
    problems_count: "{count} problems to fix before export",
    problem_one: "1 problem to fix before export",
    problem_at: "{where}: {what}",
    no_problems: "No problems: ready to export.",
    export_button: "Export the .json file",
    export_blocked: "Fix the problems first: an instrument with problems is never exported.",
    exported: "Exported {file}.",
    not_saved: "This draft could not be saved: the browser’s storage is full or turned off. Export the file to keep your work.",
    preview_title: "Try it",
    preview_help: "The real widget at phone width. What you answer here is forgotten each time the preview starts again.",
    preview_blocked: "The preview shows once the problems are fixed.",
    preview_restart: "Start the preview again",
    snippets_title: "Put it on your page",
    snippets_help: "Copy one of these into a page, an HTML block in Moodle or a Custom HTML block in WordPress.",
    snippet_inline: "The instrument inside the snippet (nothing else to upload)",
    snippet_src: "The instrument from its file",
    snippet_src_help: "Upload {file} to the same site as the page, then put its address in src.",
    snippet_iframe: "In an iframe (for sites that remove scripts)",
    snippet_iframe_help: "Upload {file} to the folder that holds Candor’s files.",
    copy_snippet: "Copy",
    copied: "Copied.",
    copy_failed: "The browser did not allow copying: select the text and copy it.",
    add: "Add: {what}",
    remove: "Remove",
    move_up: "Up",
    move_down: "Down",
    move_up_named: "Move {what} up",
    move_down_named: "Move {what} down",
    remove_named: "Remove {what}",
    added: "{what} added.",
    removed: "{what} removed.",
    moved: "{what} moved to position {position}.",
    include: "Include: {what}",
    remove_group_ask: "Remove “{what}” and what it holds?",
    choose: "Choose…",
    more_options: "More options",
    none: "(none)",
    model_kind: "Kind of result: {kind}",
    row_title: "{what} {n}",
};

/// French.
pub static FR: Ui = Ui {
    title: "Écrire votre propre questionnaire",
    lead: "Construisez une auto-évaluation pour votre cours ou votre atelier, essayez-la comme un lecteur, et repartez avec un fichier et un extrait à coller dans votre page. Rien ne quitte ce navigateur : les brouillons sont gardés ici au fil de la saisie.",
    other_language: "English",
    other_language_tag: "en",
    start_title: "Commencer",
    drafts_title: "Vos brouillons",
    no_drafts: "Aucun brouillon pour l’instant. Commencez-en un ci-dessous.",
    open_draft: "Ouvrir",
    delete_draft: "Supprimer",
    delete_ask: "Supprimer « {name} » pour de bon ?",
    delete_yes: "Le supprimer",
    delete_no: "Le garder",
    deleted: "Brouillon « {name} » supprimé.",
    saved_at: "enregistré à {time}",
    blank_title: "Depuis un modèle vide",
    blank_help: "La structure d’un type de résultat, avec tous les textes à écrire.",
    copy_title: "Depuis un questionnaire fourni",
    copy_help: "Une copie à modifier : votre identifiant, vos propres mots.",
    copy_button: "Le copier",
    builtin_failed: "Impossible de télécharger ce questionnaire, rien n’a été ouvert : {detail}. Vérifiez la connexion et réessayez.",
    builtin_stale: "le fichier n’est pas celui que lit cette version de la page",
    import_title: "Depuis un fichier ou du JSON collé",
    import_help: "Une définition au format de Candor, comme un fichier exporté ici.",
    import_file: "Ouvrir un fichier",
    import_paste: "Ou collez du JSON",
    import_button: "Ouvrir le JSON collé",
    import_refused: "Ce n’est pas du JSON, rien n’a été ouvert : {detail}",
    untitled: "Brouillon sans titre",
    back: "Tous les brouillons",
    draft_name: "Nom du brouillon",
    tab_form: "Formulaire",
    tab_json: "JSON",
    json_label: "La définition en JSON",
    json_help: "Ce que vous changez ici apparaît dans le formulaire, et inversement.",
    json_syntax: "Le JSON ne peut pas être lu : le formulaire et l’aperçu montrent la dernière version lisible. {detail}",
    problems_title: "Problèmes",
    problems_count: "{count} problèmes à corriger avant l’export",
    problem_one: "1 problème à corriger avant l’export",
    problem_at: "{where} : {what}",
    no_problems: "Aucun problème : prêt à exporter.",
    export_button: "Exporter le fichier .json",
    export_blocked: "Corrigez d’abord les problèmes : un questionnaire qui en a n’est jamais exporté.",
    exported: "{file} exporté.",
    not_saved: "Ce brouillon n’a pas pu être enregistré : le stockage du navigateur est plein ou désactivé. Exportez le fichier pour garder votre travail.",
    preview_title: "L’essayer",
    preview_help: "Le vrai widget, à la largeur d’un téléphone. Ce que vous y répondez est oublié à chaque nouveau départ de l’aperçu.",
    preview_blocked: "L’aperçu s’affiche une fois les problèmes corrigés.",
    preview_restart: "Recommencer l’aperçu",
    snippets_title: "Le mettre sur votre page",
    snippets_help: "Copiez l’un de ces extraits dans une page, un bloc HTML de Moodle ou un bloc HTML personnalisé de WordPress.",
    snippet_inline: "Le questionnaire dans l’extrait (rien d’autre à déposer)",
    snippet_src: "Le questionnaire depuis son fichier",
    snippet_src_help: "Déposez {file} sur le même site que la page, puis mettez son adresse dans src.",
    snippet_iframe: "Dans une iframe (pour les sites qui retirent les scripts)",
    snippet_iframe_help: "Déposez {file} dans le dossier qui contient les fichiers de Candor.",
    copy_snippet: "Copier",
    copied: "Copié.",
    copy_failed: "Le navigateur n’a pas permis de copier : sélectionnez le texte et copiez-le.",
    add: "Ajouter : {what}",
    remove: "Retirer",
    move_up: "Monter",
    move_down: "Descendre",
    move_up_named: "Monter : {what}",
    move_down_named: "Descendre : {what}",
    remove_named: "Retirer : {what}",
    added: "Ajout : {what}.",
    removed: "Retrait : {what}.",
    moved: "{what} : maintenant en position {position}.",
    include: "Inclure : {what}",
    remove_group_ask: "Retirer « {what} » et son contenu ?",
    choose: "Choisir…",
    more_options: "Plus d’options",
    none: "(aucun)",
    model_kind: "Type de résultat : {kind}",
    row_title: "{what} {n}",
};

impl Ui {
    /// The table of `lang`.
    pub fn of(lang: Lang) -> &'static Ui {
        match lang {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_asked_language_then_the_browsers() {
        assert_eq!(Lang::pick(Some("fr"), Some("en-GB")), Lang::Fr);
        assert_eq!(Lang::pick(Some("en"), Some("fr-CA")), Lang::En);
        assert_eq!(Lang::pick(None, Some("fr-CA")), Lang::Fr);
        assert_eq!(Lang::pick(Some(""), Some("de")), Lang::En);
        assert_eq!(Lang::pick(None, None), Lang::En);
    }

    #[test]
    fn the_static_header_of_the_page_has_the_english_words() {
        // author.html paints the header before the bundle runs; it must say what the
        // bundle then writes in English.
        let html = include_str!("../../public/author.html");
        for words in [EN.title, EN.lead, EN.other_language] {
            assert!(
                html.contains(&format!(">{words}<")),
                "author.html lacks {words:?}"
            );
        }
    }

    #[test]
    fn fills_named_blanks() {
        assert_eq!(
            fill(
                "{what} moved to {position}.",
                &[("what", "Item 2"), ("position", "1")]
            ),
            "Item 2 moved to 1."
        );
    }
}
