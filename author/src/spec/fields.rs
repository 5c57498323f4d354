//! The form's description of the instrument format: each field's key, label (English and
//! French), kind and hint, for the definition, its scales, each model and each model's
//! items.

use super::{Element, Field, Ids, Kind, List};
use crate::text::Words;

const fn w(en: &'static str, fr: &'static str) -> Words {
    Words { en, fr }
}

const fn field(key: &'static str, label: Words, kind: Kind) -> Field {
    Field {
        key,
        label,
        kind,
        optional: false,
        hint: None,
        advanced: false,
    }
}

const fn optional(key: &'static str, label: Words, kind: Kind) -> Field {
    Field {
        key,
        label,
        kind,
        optional: true,
        hint: None,
        advanced: false,
    }
}

const fn advanced(mut f: Field) -> Field {
    f.advanced = true;
    f
}

const fn hinted(mut f: Field, hint: Words) -> Field {
    f.hint = Some(hint);
    f
}

const ID: Field = hinted(
    field("id", w("Id", "Identifiant"), Kind::Text),
    w(
        "Letters, digits, - and _; unique in its list.",
        "Lettres, chiffres, - et _ ; unique dans sa liste.",
    ),
);
const NAME: Field = field("name", w("Name", "Nom"), Kind::Text);
const TEXT: Field = field("text", w("Text", "Texte"), Kind::LongText);

const BAND: &[Field] = &[
    field("min", w("From", "De"), Kind::Decimal),
    field("max", w("To", "À"), Kind::Decimal),
    NAME,
    field(
        "text",
        w("What it means", "Ce que cela veut dire"),
        Kind::LongText,
    ),
];
const BANDS: List = List {
    of: Element::Object(BAND),
    one: w("Band", "Tranche"),
    id_prefix: "",
};

const HIGH_LOW: &[(&str, Words)] = &[("high", w("High", "Haut")), ("low", w("Low", "Bas"))];

const OPTION: &[Field] = &[
    field("label", w("Label", "Libellé"), Kind::Text),
    field("value", w("Value", "Valeur"), Kind::Decimal),
];
const SCALE: &[Field] = &[
    ID,
    field(
        "options",
        w("Options", "Options"),
        Kind::List(&List {
            of: Element::Object(OPTION),
            one: w("Option", "Option"),
            id_prefix: "",
        }),
    ),
    hinted(
        optional(
            "not_applicable",
            w("“Does not apply” label", "Libellé « ne s’applique pas »"),
            Kind::Text,
        ),
        w(
            "Needed when an item on this scale offers “does not apply”.",
            "Nécessaire si une question sur cette échelle propose « ne s’applique pas ».",
        ),
    ),
];

/// The fields of the whole definition, in the order the form shows them.
pub static TOP: &[Field] = &[
    hinted(
        field("id", w("Id", "Identifiant"), Kind::Text),
        w(
            "Letters, digits, - and _. Used in stored results and result codes.",
            "Lettres, chiffres, - et _. Sert aux résultats gardés et aux codes de résultat.",
        ),
    ),
    hinted(
        field("version", w("Version", "Version"), Kind::Whole),
        w(
            "Raise it when items or scoring change.",
            "À augmenter quand les questions ou le calcul changent.",
        ),
    ),
    hinted(
        field(
            "locale",
            w("Language of the texts", "Langue des textes"),
            Kind::Text,
        ),
        w(
            "A language tag: en, fr, pt-BR.",
            "Une étiquette de langue : en, fr, pt-BR.",
        ),
    ),
    field("title", w("Title", "Titre"), Kind::Text),
    field("intro", w("Introduction", "Introduction"), Kind::LongText),
    field(
        "minutes",
        w("Minutes it takes", "Durée en minutes"),
        Kind::Whole,
    ),
    hinted(
        optional(
            "period",
            w("Reference period", "Période de référence"),
            Kind::Text,
        ),
        w(
            "Shown above each question, e.g. “In the last three months”.",
            "Affichée au-dessus de chaque question, par ex. « Au cours des trois derniers mois ».",
        ),
    ),
    hinted(
        field(
            "caveat",
            w(
                "What a result does not mean",
                "Ce qu’un résultat ne veut pas dire",
            ),
            Kind::LongText,
        ),
        w(
            "For example: a view of yourself, not a verdict.",
            "Par exemple : un regard sur soi, pas un verdict.",
        ),
    ),
    field(
        "credit",
        w("Credit", "Source"),
        Kind::Group(&[
            field("model", w("Whose model", "Le modèle de qui"), Kind::Text),
            field("source", w("Source", "Référence"), Kind::Text),
            optional("url", w("Address (URL)", "Adresse (URL)"), Kind::Text),
        ]),
    ),
    field(
        "scales",
        w("Answer scales", "Échelles de réponse"),
        Kind::List(&List {
            of: Element::Object(SCALE),
            one: w("Scale", "Échelle"),
            id_prefix: "scale-",
        }),
    ),
    field("model", w("Scoring", "Calcul du résultat"), Kind::Model),
    field(
        "items",
        w("Questions", "Questions"),
        Kind::List(&List {
            of: Element::Item,
            one: w("Question", "Question"),
            id_prefix: "item-",
        }),
    ),
    advanced(hinted(
        optional(
            "earlier",
            w(
                "Earlier versions it can read",
                "Versions antérieures lisibles",
            ),
            Kind::List(&List {
                of: Element::Whole,
                one: w("Version", "Version"),
                id_prefix: "",
            }),
        ),
        w(
            "Versions with the same items in the same order.",
            "Versions aux mêmes questions, dans le même ordre.",
        ),
    )),
];

const MIN_ANSWERS: Field = advanced(hinted(
    optional(
        "min_answers",
        w(
            "Fewest real answers per part",
            "Réponses minimales par partie",
        ),
        Kind::Whole,
    ),
    w(
        "Counts only answers other than “does not apply”; 1 when empty.",
        "Ne compte que les réponses autres que « ne s’applique pas » ; 1 si vide.",
    ),
));

const SUBSCALE: &[Field] = &[
    ID,
    NAME,
    hinted(
        field(
            "weights",
            w("Points per option", "Points par option"),
            Kind::List(&List {
                of: Element::Whole,
                one: w("Weight", "Poids"),
                id_prefix: "",
            }),
        ),
        w(
            "0–100 for each option of the scale, first option first.",
            "0 à 100 pour chaque option de l’échelle, dans l’ordre.",
        ),
    ),
    field("bands", w("Bands", "Tranches"), Kind::List(&BANDS)),
];

const QUADRANT: &[Field] = &[
    field("x", w("Across", "Horizontal"), Kind::Choice(HIGH_LOW)),
    field("y", w("Up", "Vertical"), Kind::Choice(HIGH_LOW)),
    ID,
    NAME,
    TEXT,
    field("next", w("Next step", "Prochain pas"), Kind::LongText),
];

static SUBSCALES_MODEL: &[Field] = &[
    field(
        "subscales",
        w("Subscales", "Sous-échelles"),
        Kind::List(&List {
            of: Element::Object(SUBSCALE),
            one: w("Subscale", "Sous-échelle"),
            id_prefix: "subscale-",
        }),
    ),
    field(
        "map",
        w("Map", "Carte"),
        Kind::Group(&[
            field(
                "x",
                w("Subscale across", "Sous-échelle horizontale"),
                Kind::Ref(Ids::Subscales),
            ),
            field(
                "y",
                w("Subscale up", "Sous-échelle verticale"),
                Kind::Ref(Ids::Subscales),
            ),
            hinted(
                field(
                    "x_split",
                    w("High from (across)", "Haut à partir de (horizontal)"),
                    Kind::Whole,
                ),
                w(
                    "A score at or above it counts as high.",
                    "Un score égal ou supérieur compte comme haut.",
                ),
            ),
            field(
                "y_split",
                w("High from (up)", "Haut à partir de (vertical)"),
                Kind::Whole,
            ),
            field(
                "quadrants",
                w("Quadrants", "Quadrants"),
                Kind::List(&List {
                    of: Element::Object(QUADRANT),
                    one: w("Quadrant", "Quadrant"),
                    id_prefix: "quadrant-",
                }),
            ),
        ]),
    ),
    optional(
        "slope",
        w(
            "Subscale drawn as a slope",
            "Sous-échelle dessinée en pente",
        ),
        Kind::Ref(Ids::Subscales),
    ),
    hinted(
        optional(
            "habits",
            w("Habits worth changing", "Habitudes à changer"),
            Kind::Group(&[
                field(
                    "subscale",
                    w("From subscale", "De la sous-échelle"),
                    Kind::Ref(Ids::Subscales),
                ),
                field(
                    "min_weight",
                    w("Listed from (points)", "Listées à partir de (points)"),
                    Kind::Whole,
                ),
                field("max", w("At most", "Au plus"), Kind::Whole),
            ]),
        ),
        w(
            "Items of that subscale answered at or above the points, each with its “try” text.",
            "Les questions de cette sous-échelle répondues à ce niveau ou au-dessus, avec leur « à essayer ».",
        ),
    ),
    MIN_ANSWERS,
];

const LEVEL: &[Field] = &[
    NAME,
    optional(
        "source_name",
        w("Name in the source", "Nom dans la source"),
        Kind::Text,
    ),
    TEXT,
    hinted(
        optional(
            "up",
            w("What moving up changes", "Ce que monter change"),
            Kind::List(&List {
                of: Element::Text,
                one: w("Dimension", "Dimension"),
                id_prefix: "",
            }),
        ),
        w(
            "One text per dimension; every level but the top one.",
            "Un texte par dimension ; pour chaque niveau sauf le plus haut.",
        ),
    ),
    optional("try", w("Things to try", "À essayer"), Kind::LongText),
];

static LEVELS_MODEL: &[Field] = &[
    field(
        "dimensions",
        w("Dimensions", "Dimensions"),
        Kind::List(&List {
            of: Element::Text,
            one: w("Dimension", "Dimension"),
            id_prefix: "",
        }),
    ),
    hinted(
        field(
            "levels",
            w("Levels, lowest first", "Niveaux, du plus bas au plus haut"),
            Kind::List(&List {
                of: Element::Object(LEVEL),
                one: w("Level", "Niveau"),
                id_prefix: "",
            }),
        ),
        w(
            "Every question offers one answer per level.",
            "Chaque question propose une réponse par niveau.",
        ),
    ),
    optional(
        "not_applicable",
        w("“Does not apply” label", "Libellé « ne s’applique pas »"),
        Kind::Text,
    ),
    MIN_ANSWERS,
];

const COMPONENT: &[Field] = &[
    ID,
    NAME,
    optional(
        "virtue",
        w("What it stands for", "Ce qu’elle représente"),
        Kind::Text,
    ),
    field(
        "practice",
        w("How to practise it", "Comment la travailler"),
        Kind::LongText,
    ),
];

const TEMPERAMENT: &[Field] = &[
    field(
        "pair",
        w("Pair", "Paire"),
        Kind::List(&List {
            of: Element::Ref(Ids::Components),
            one: w("Component", "Composante"),
            id_prefix: "",
        }),
    ),
    NAME,
    TEXT,
];

static RATIO_MODEL: &[Field] = &[
    field(
        "components",
        w("Components", "Composantes"),
        Kind::List(&List {
            of: Element::Object(COMPONENT),
            one: w("Component", "Composante"),
            id_prefix: "component-",
        }),
    ),
    field(
        "denominator",
        w("Divides the others", "Divise les autres"),
        Kind::Ref(Ids::Components),
    ),
    hinted(
        field(
            "tie_order",
            w("Order that breaks ties", "Ordre en cas d’égalité"),
            Kind::List(&List {
                of: Element::Ref(Ids::Components),
                one: w("Component", "Composante"),
                id_prefix: "",
            }),
        ),
        w(
            "Every component once, strongest first.",
            "Chaque composante une fois, la plus forte d’abord.",
        ),
    ),
    hinted(
        field(
            "temperaments",
            w("Temperaments", "Tempéraments"),
            Kind::List(&List {
                of: Element::Object(TEMPERAMENT),
                one: w("Temperament", "Tempérament"),
                id_prefix: "",
            }),
        ),
        w(
            "Exactly one per pair of components.",
            "Exactement un par paire de composantes.",
        ),
    ),
    field(
        "quotient_bands",
        w("Quotient bands", "Tranches du quotient"),
        Kind::List(&BANDS),
    ),
    field(
        "balance_bands",
        w("Balance bands", "Tranches d’équilibre"),
        Kind::List(&BANDS),
    ),
    optional(
        "reference",
        w("Published reference", "Référence publiée"),
        Kind::Group(&[field("mean", w("Mean", "Moyenne"), Kind::Decimal), TEXT]),
    ),
    optional(
        "balanced",
        w("A flat profile", "Un profil plat"),
        Kind::Group(&[NAME, TEXT]),
    ),
    MIN_ANSWERS,
];

const LABEL: &[Field] = &[ID, NAME];

static GRID_MODEL: &[Field] = &[
    field(
        "rows",
        w("Rows", "Lignes"),
        Kind::List(&List {
            of: Element::Object(LABEL),
            one: w("Row", "Ligne"),
            id_prefix: "row-",
        }),
    ),
    field(
        "columns",
        w("Columns", "Colonnes"),
        Kind::List(&List {
            of: Element::Object(LABEL),
            one: w("Column", "Colonne"),
            id_prefix: "column-",
        }),
    ),
    optional(
        "groups",
        w("Respondent groups", "Groupes de répondants"),
        Kind::Group(&[
            field("question", w("Question", "Question"), Kind::Text),
            field(
                "options",
                w("Groups", "Groupes"),
                Kind::List(&List {
                    of: Element::Object(&[
                        ID,
                        NAME,
                        hinted(
                            field(
                                "acts",
                                w(
                                    "Can act on it (sees “try” texts)",
                                    "Peut agir (voit les « à essayer »)",
                                ),
                                Kind::Flag,
                            ),
                            w(
                                "Others see the “raise” texts.",
                                "Les autres voient les textes « à soulever ».",
                            ),
                        ),
                    ]),
                    one: w("Group", "Groupe"),
                    id_prefix: "group-",
                }),
            ),
        ]),
    ),
    field(
        "bands",
        w("Bands of the overall mean", "Tranches de la moyenne"),
        Kind::List(&BANDS),
    ),
    MIN_ANSWERS,
];

const ITEM_ID: Field = ID;
const ITEM_TEXT: Field = hinted(
    field("text", w("Question", "Question"), Kind::LongText),
    w(
        "One behaviour, under 25 words.",
        "Un comportement, en moins de 25 mots.",
    ),
);
const ITEM_SCALE: Field = field(
    "scale",
    w("Answer scale", "Échelle de réponse"),
    Kind::Ref(Ids::Scales),
);
const REVERSE: Field = hinted(
    optional("reverse", w("Reverse-keyed", "Inversée"), Kind::Flag),
    w(
        "Agreeing means less of what is measured.",
        "Être d’accord signifie moins de ce qui est mesuré.",
    ),
);
const TRY: Field = optional("try", w("Something to try", "À essayer"), Kind::LongText);
const RAISE: Field = advanced(optional(
    "raise",
    w("Something to raise", "À soulever"),
    Kind::LongText,
));
const NOT_APPLICABLE: Field = optional(
    "not_applicable",
    w("Offer “does not apply”", "Proposer « ne s’applique pas »"),
    Kind::Flag,
);
const RATER: Field = advanced(hinted(
    optional(
        "rater",
        w("As others answer it", "Comme les autres y répondent"),
        Kind::LongText,
    ),
    w(
        "About the person, with {name}: on every item or on none.",
        "Sur la personne, avec {name} : sur toutes les questions ou aucune.",
    ),
));
const ADDED_IN: Field = advanced(optional(
    "added_in",
    w("Added in version", "Ajoutée en version"),
    Kind::Whole,
));
const OPPOSITE_FROM: Field = advanced(optional(
    "opposite_from",
    w(
        "Worded the opposite way from version",
        "Formulée à l’inverse depuis la version",
    ),
    Kind::Whole,
));

static SUBSCALES_ITEM: &[Field] = &[
    ITEM_ID,
    ITEM_TEXT,
    ITEM_SCALE,
    field(
        "subscale",
        w("Subscale", "Sous-échelle"),
        Kind::Ref(Ids::Subscales),
    ),
    REVERSE,
    NOT_APPLICABLE,
    TRY,
    RAISE,
    RATER,
    ADDED_IN,
    OPPOSITE_FROM,
];

static RATIO_ITEM: &[Field] = &[
    ITEM_ID,
    ITEM_TEXT,
    ITEM_SCALE,
    field(
        "component",
        w("Component", "Composante"),
        Kind::Ref(Ids::Components),
    ),
    REVERSE,
    NOT_APPLICABLE,
    TRY,
    RAISE,
    RATER,
    ADDED_IN,
    OPPOSITE_FROM,
];

static GRID_ITEM: &[Field] = &[
    ITEM_ID,
    ITEM_TEXT,
    ITEM_SCALE,
    hinted(
        optional(
            "cell",
            w("Cell", "Case"),
            Kind::Group(&[
                field("row", w("Row", "Ligne"), Kind::Ref(Ids::Rows)),
                field("column", w("Column", "Colonne"), Kind::Ref(Ids::Columns)),
            ]),
        ),
        w(
            "Every question but the priority question.",
            "Toutes les questions sauf celle de priorité.",
        ),
    ),
    REVERSE,
    hinted(
        optional(
            "priority",
            w("Priority question", "Question de priorité"),
            Kind::Flag,
        ),
        w(
            "“Which should come first?”: answered on its own scale, at most one.",
            "« Que faire d’abord ? » : sur sa propre échelle, une au plus.",
        ),
    ),
    NOT_APPLICABLE,
    TRY,
    RAISE,
    ADDED_IN,
    OPPOSITE_FROM,
];

const LEVEL_OPTION: &[Field] = &[field("level", w("Level", "Niveau"), Kind::Whole), TEXT];

static LEVELS_ITEM: &[Field] = &[
    ITEM_ID,
    field("text", w("Question", "Question"), Kind::LongText),
    hinted(
        field(
            "options",
            w("Answers, one per level", "Réponses, une par niveau"),
            Kind::List(&List {
                of: Element::Object(LEVEL_OPTION),
                one: w("Answer", "Réponse"),
                id_prefix: "",
            }),
        ),
        w(
            "Shown in a shuffled order.",
            "Montrées dans un ordre mélangé.",
        ),
    ),
    NOT_APPLICABLE,
    TRY,
    RAISE,
    ADDED_IN,
    OPPOSITE_FROM,
];

/// The scoring models: the value of `model.kind` and what the form calls it.
pub const MODEL_KINDS: [(&str, Words); 4] = [
    (
        "subscales",
        w("Two subscales on a map", "Deux sous-échelles sur une carte"),
    ),
    ("levels", w("Levels", "Niveaux")),
    (
        "ratio",
        w("Components in a ratio", "Composantes en rapport"),
    ),
    (
        "grid",
        w(
            "A grid of rows and columns",
            "Une grille de lignes et de colonnes",
        ),
    ),
];

/// The fields of a model of `kind` (none for an unknown kind).
pub fn model_fields(kind: &str) -> &'static [Field] {
    match kind {
        "subscales" => SUBSCALES_MODEL,
        "levels" => LEVELS_MODEL,
        "ratio" => RATIO_MODEL,
        "grid" => GRID_MODEL,
        _ => &[],
    }
}

/// The fields of an item under a model of `kind`.
pub fn item_fields(kind: &str) -> &'static [Field] {
    match kind {
        "subscales" => SUBSCALES_ITEM,
        "levels" => LEVELS_ITEM,
        "ratio" => RATIO_ITEM,
        "grid" => GRID_ITEM,
        _ => &[ITEM_ID, ITEM_TEXT],
    }
}
