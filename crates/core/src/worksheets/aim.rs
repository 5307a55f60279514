//! The aim: what a team is trying to accomplish, and what is still missing from it.
//!
//! Owns the coaching a good faculty member gives an aim ("some is not a number, soon is not a
//! time") and the suggested wording of the statement, in any language: the language gives its
//! words and patterns ([`AimLanguage`]). Never stores anything; one aim per team, its id
//! derived from the team's ([`id`]).

use crate::id::{RecordId, Uuid7};
use crate::period::date_label;
use crate::record::Record;
use crate::register::Value;

/// The id of a team's aim: the same on every device, so two devices writing the aim offline
/// meet in one record.
pub fn id(team: &RecordId) -> RecordId {
    Uuid7::derived(team, "aim")
}

/// How a language words an aim: its lists of telling words and its sentence patterns. The app
/// reads them from the reader's catalogue (`aim-…` keys); the coaching and the suggested
/// statement are this module's, the same in every language.
pub trait AimLanguage {
    /// A list of the language's words (`aim-vague-words`, `aim-change-verbs`, …), lower case.
    fn list(&self, key: &str) -> Vec<String>;
    /// A pattern with its values put in (`aim-change-by`: "{ $what } by { $amount }").
    fn words(&self, key: &str, args: &[(&str, String)]) -> String;
    /// A number as the language writes it.
    fn number(&self, n: f64) -> String;
    /// A date `YYYY-MM-DD` as the language writes it.
    fn date(&self, date: &str) -> String;
}

/// Something an aim still lacks before it is complete (the app words it: `aim-gap-…`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Nothing says what will improve.
    What,
    /// No number: how much.
    Number,
    /// No date: by when.
    Date,
    /// No population: for whom.
    Population,
    /// The statement uses a vague word (as written) instead of a number or a time.
    Vague(String),
}

/// What the aim still lacks, in the order a coach would ask. Empty: the aim is complete.
///
/// Vague words come from the language (`aim-vague-words`): they are fine next to a number
/// ("50 % fewer falls by June 2027"), except those that are vague even there
/// (`aim-vague-always`: "some", "soon").
pub fn gaps(aim: Option<&Record>, language: &dyn AimLanguage) -> Vec<Gap> {
    let text = |field: &str| aim.map_or("", |a| a.text(field)).trim();
    let mut gaps = Vec::new();
    if text("what").is_empty() {
        gaps.push(Gap::What);
    }
    if !matches!(aim.map(|a| a.value("how_much")), Some(Value::Number(_))) {
        gaps.push(Gap::Number);
    }
    if text("by_when").is_empty() {
        gaps.push(Gap::Date);
    }
    if text("population").is_empty() {
        gaps.push(Gap::Population);
    }
    let statement = text("statement").to_lowercase();
    let words: Vec<&str> = statement.split(|c: char| !c.is_alphanumeric()).collect();
    let always = language.list("aim-vague-always");
    if let Some(word) = language.list("aim-vague-words").into_iter().find(|vague| words.contains(&vague.as_str())) {
        let has_number = statement.chars().any(|c| c.is_ascii_digit());
        if !has_number || always.contains(&word) {
            gaps.push(Gap::Vague(word));
        }
    }
    gaps
}

/// What is to change and by how much, as a sentence says it: "reduce falls with harm by 50 %",
/// "reduce falls to 3 per 1,000 bed days", "50 % fewer falls with harm", "patients screened
/// at 90 %" (or the language's patterns for them).
fn how_much_of(what: &str, number: &str, unit: &str, language: &dyn AimLanguage) -> String {
    let verbs = language.list("aim-change-verbs");
    let comparatives = language.list("aim-comparatives");
    let first_word = what.split_whitespace().next().unwrap_or_default().to_lowercase();
    let unit = unit.trim();
    let is_comparative = |word: &str| comparatives.iter().any(|c| c == &word.to_lowercase());
    let (bare_unit, comparative) = match unit.rsplit_once(' ') {
        Some((rest, last)) if is_comparative(last) => (rest.trim(), true),
        _ if is_comparative(unit) => ("", true),
        _ => (unit, false),
    };
    let amount = |unit: &str| amount(number, unit, language);
    let what = what.to_owned();
    if verbs.contains(&first_word) {
        // A change by a share ("by 50 %") or to a level ("to 3 per 1,000 bed days").
        let by = comparative || bare_unit.starts_with('%') || bare_unit.is_empty();
        let key = if by { "aim-change-by" } else { "aim-change-to" };
        language.words(key, &[("what", what), ("amount", amount(bare_unit))])
    } else if comparative {
        language.words("aim-comparative", &[("what", what), ("amount", amount(unit))])
    } else {
        language.words("aim-at", &[("what", what), ("amount", amount(unit))])
    }
}

/// "50 %", "3 per 1,000 bed days".
fn amount(number: &str, unit: &str, language: &dyn AimLanguage) -> String {
    if unit.is_empty() {
        number.to_owned()
    } else {
        language.words("aim-amount", &[("number", number.to_owned()), ("unit", unit.to_owned())])
    }
}

/// The aim as one sentence: the team's own statement, or else the suggested one.
pub fn statement(aim: &Record, language: &dyn AimLanguage) -> String {
    let own = aim.text("statement").trim();
    if own.is_empty() {
        suggest(aim, language)
    } else {
        own.to_owned()
    }
}

/// A statement assembled from the parts written so far, e.g. "By 30 Jun 2027, reduce falls
/// with harm by 50 % for adults over 65 in wards 5–7." Empty when nothing is written.
pub fn suggest(aim: &Record, language: &dyn AimLanguage) -> String {
    let text = |field: &str| aim.text(field).trim().to_owned();
    let mut parts = Vec::new();
    let when = text("by_when");
    if !when.is_empty() {
        parts.push(language.words("aim-by-date", &[("date", language.date(&when))]));
    }
    let what = text("what");
    let how_much = match aim.value("how_much") {
        Value::Number(n) => Some(language.number(*n)),
        _ => None,
    };
    match (what.is_empty(), how_much) {
        (_, None) => parts.extend((!what.is_empty()).then_some(what)),
        (true, Some(n)) => parts.push(amount(&n, &text("unit"), language)),
        (false, Some(n)) => parts.push(how_much_of(&what, &n, &text("unit"), language)),
    }
    let population = text("population");
    if !population.is_empty() {
        parts.push(language.words("aim-for", &[("population", population)]));
    }
    let place = text("place");
    if !place.is_empty() {
        parts.push(language.words("aim-in", &[("place", place)]));
    }
    if parts.is_empty() {
        return String::new();
    }
    let mut sentence = parts.join(" ");
    if let Some(first) = sentence.chars().next() {
        sentence = first.to_uppercase().collect::<String>() + &sentence[first.len_utf8()..];
    }
    sentence + "."
}

/// English as `en.ftl` words an aim: for `ramp-core`'s own tests and the server's, which have
/// no catalogue. (The app reads the catalogue; a check in `xtask` keeps the two the same.)
pub struct English;

impl English {
    /// The lists and patterns, as `en.ftl` has them.
    pub const WORDS: &'static [(&'static str, &'static str)] = &[
        ("aim-vague-words", "some, soon, more, better, fewer, less, asap, eventually, improve"),
        ("aim-vague-always", "soon, some, asap, eventually"),
        ("aim-change-verbs", "reduce, cut, lower, decrease, halve, increase, raise, improve, grow, double"),
        ("aim-comparatives", "fewer, less, lower, more, higher, greater"),
        ("aim-by-date", "By { $date },"),
        ("aim-change-by", "{ $what } by { $amount }"),
        ("aim-change-to", "{ $what } to { $amount }"),
        ("aim-comparative", "{ $amount } { $what }"),
        ("aim-at", "{ $what } at { $amount }"),
        ("aim-amount", "{ $number } { $unit }"),
        ("aim-for", "for { $population }"),
        ("aim-in", "in { $place }"),
    ];
}

/// A list of a table of words, as a catalogue writes it: "some, soon, more".
fn table_list(table: &[(&str, &str)], key: &str) -> Vec<String> {
    let words = table.iter().find(|(k, _)| *k == key).map_or("", |(_, w)| w);
    words.split(',').map(|w| w.trim().to_owned()).filter(|w| !w.is_empty()).collect()
}

/// A pattern of a table of words with its values put in, as a catalogue writes them:
/// "{ $what } by { $amount }".
fn table_words(table: &[(&str, &str)], key: &str, args: &[(&str, String)]) -> String {
    let mut words = table.iter().find(|(k, _)| *k == key).map_or("", |(_, w)| w).to_owned();
    for (name, value) in args {
        words = words.replace(&format!("{{ ${name} }}"), value);
    }
    words
}

impl AimLanguage for English {
    fn list(&self, key: &str) -> Vec<String> {
        table_list(English::WORDS, key)
    }

    fn words(&self, key: &str, args: &[(&str, String)]) -> String {
        table_words(English::WORDS, key, args)
    }

    fn number(&self, n: f64) -> String {
        crate::measure::format_number(n)
    }

    fn date(&self, date: &str) -> String {
        date_label(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Hlc;
    use crate::id::Dot;
    use crate::record::Kind;
    use crate::register::Op;

    fn aim(fields: &[(&str, Value)]) -> Record {
        let team = Uuid7::from_parts(1, [1; 10]);
        let device = Uuid7::from_parts(1, [2; 10]);
        let mut record = Record::new(id(&team), Kind::Aim, crate::record::team_scope(&team));
        for (i, (field, value)) in fields.iter().enumerate() {
            record.apply(&Op {
                record: record.id.clone(),
                kind: Kind::Aim,
                scope: record.scope.clone(),
                field: field.to_string(),
                value: value.clone(),
                dot: Dot { device: device.clone(), counter: i as u64 + 1 },
                hlc: Hlc { wall_ms: 1, counter: i as u32, device: device.clone() },
                replaces: vec![],
                author: None,
            });
        }
        record
    }

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn an_empty_aim_lacks_everything_in_a_coachs_order() {
        assert_eq!(gaps(None, &English), vec![Gap::What, Gap::Number, Gap::Date, Gap::Population]);
    }

    #[test]
    fn a_complete_aim_has_no_gaps_and_a_statement() {
        let complete = aim(&[
            ("what", text("reduce falls with harm")),
            ("how_much", Value::Number(50.0)),
            ("unit", text("% fewer")),
            ("by_when", text("2027-06-30")),
            ("population", text("adults over 65")),
            ("place", text("wards 5–7")),
        ]);
        assert_eq!(gaps(Some(&complete), &English), vec![]);
        assert_eq!(
            suggest(&complete, &English),
            "By 30 Jun 2027, reduce falls with harm by 50 % for adults over 65 in wards 5–7."
        );
        let worded = |what: &str, unit: &str| {
            let parts = aim(&[("what", text(what)), ("how_much", Value::Number(3.0)), ("unit", text(unit))]);
            suggest(&parts, &English)
        };
        assert_eq!(worded("reduce falls", "per 1,000 bed days"), "Reduce falls to 3 per 1,000 bed days.");
        assert_eq!(worded("falls with harm", "% fewer"), "3 % fewer falls with harm.");
        assert_eq!(worded("increase patients screened", "%"), "Increase patients screened by 3 %.");
        assert_eq!(worded("patients screened", "%"), "Patients screened at 3 %.");
    }

    #[test]
    fn vague_words_in_the_statement_are_named() {
        let vague = aim(&[
            ("what", text("falls")),
            ("how_much", Value::Number(50.0)),
            ("by_when", text("2027-06-30")),
            ("population", text("adults")),
            ("statement", text("We will reduce falls soon.")),
        ]);
        assert_eq!(gaps(Some(&vague), &English), vec![Gap::Vague("soon".into())]);
        let precise = aim(&[
            ("what", text("falls")),
            ("how_much", Value::Number(50.0)),
            ("by_when", text("2027-06-30")),
            ("population", text("adults")),
            ("statement", text("50 % fewer falls by 30 June 2027.")),
        ]);
        assert_eq!(gaps(Some(&precise), &English), vec![]);
    }

    /// A language given by a table, as a catalogue gives one.
    struct Table(&'static [(&'static str, &'static str)]);

    impl AimLanguage for Table {
        fn list(&self, key: &str) -> Vec<String> {
            table_list(self.0, key)
        }
        fn words(&self, key: &str, args: &[(&str, String)]) -> String {
            table_words(self.0, key, args)
        }
        fn number(&self, n: f64) -> String {
            crate::number::grouped_in(n, crate::number::Style { decimal: ',', group: '.' })
        }
        fn date(&self, date: &str) -> String {
            format!("el {date}")
        }
    }

    #[test]
    fn another_language_gives_its_own_vague_words_and_patterns() {
        let spanish = Table(&[
            ("aim-vague-words", "algunos, pronto, más, mejor, menos"),
            ("aim-vague-always", "algunos, pronto"),
            ("aim-change-verbs", "reducir, aumentar"),
            ("aim-comparatives", "menos, más"),
            ("aim-by-date", "Para { $date },"),
            ("aim-change-by", "{ $what } en un { $amount }"),
            ("aim-change-to", "{ $what } a { $amount }"),
            ("aim-comparative", "{ $amount } { $what }"),
            ("aim-at", "{ $what } al { $amount }"),
            ("aim-amount", "{ $number } { $unit }"),
            ("aim-for", "para { $population }"),
            ("aim-in", "en { $place }"),
        ]);
        let aim = aim(&[
            ("what", text("reducir las caídas con daño")),
            ("how_much", Value::Number(12.5)),
            ("unit", text("%")),
            ("by_when", text("2027-06-30")),
            ("population", text("mayores de 65 años")),
            ("statement", text("Reduciremos las caídas pronto.")),
        ]);
        assert_eq!(
            suggest(&aim, &spanish),
            "Para el 2027-06-30, reducir las caídas con daño en un 12,5 % para mayores de 65 años."
        );
        assert_eq!(gaps(Some(&aim), &spanish), vec![Gap::Vague("pronto".into())]);
        assert_eq!(gaps(Some(&aim), &English), vec![], "English's vague words are not Spanish's");
    }

    #[test]
    fn a_number_written_as_text_is_not_a_number() {
        let wordy = aim(&[("how_much", text("some"))]);
        assert!(gaps(Some(&wordy), &English).contains(&Gap::Number));
    }

    #[test]
    fn the_aim_id_is_the_same_everywhere_and_per_team() {
        let a = Uuid7::from_parts(1, [1; 10]);
        let b = Uuid7::from_parts(1, [3; 10]);
        assert_eq!(id(&a), id(&a));
        assert_ne!(id(&a), id(&b));
    }
}
