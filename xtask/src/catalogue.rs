//! The catalogues' checks, run by `cargo test -p xtask`: every language's file parses, has the
//! same keys as English with the same values put in, and every key is used by the app; every
//! key the app uses is in every catalogue. So a person never reads a raw key and a translator
//! never translates a dead line.
//!
//! Keys the app writes as literals are found in `t!("…")` calls; keys it makes at run time are
//! listed by [`tests::made_keys`], from the same definitions the app reads (months, `ramp-core`'s
//! schema and reason codes).

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use xtask::root;

    /// The languages the app lists (`src/i18n.rs`, `LANGUAGES`), read from its source.
    fn languages() -> Vec<String> {
        let source = std::fs::read_to_string(root().join("src/i18n.rs")).unwrap();
        let table = source.split("pub const LANGUAGES").nth(1).unwrap().split(';').next().unwrap();
        let codes: Vec<String> =
            table.split("(\"").skip(1).map(|rest| rest.split('"').next().unwrap().to_owned()).collect();
        assert!(codes.len() >= 2, "LANGUAGES lists {codes:?}");
        codes
    }

    /// A catalogue's messages: key → the variables its words put in.
    fn catalogue(code: &str) -> BTreeMap<String, BTreeSet<String>> {
        let path = root().join(format!("locales/{code}.ftl"));
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let resource = match fluent_syntax::parser::parse(source.as_str()) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("{code}.ftl does not parse: {errors:?}"),
        };
        let mut messages = BTreeMap::new();
        for entry in resource.body {
            match entry {
                fluent_syntax::ast::Entry::Message(message) => {
                    assert!(message.value.is_some(), "{code}.ftl: {} has no words", message.id.name);
                    messages.insert(message.id.name.to_owned(), BTreeSet::new());
                }
                fluent_syntax::ast::Entry::Junk { content } => panic!("{code}.ftl: cannot read {content:?}"),
                _ => {}
            }
        }
        // The variables of each message: `$name` in its line and the indented lines after it.
        let mut current: Option<String> = None;
        for line in source.lines() {
            if let Some((key, _)) = line.split_once(" =").filter(|_| !line.starts_with([' ', '#'])) {
                current = Some(key.trim().to_owned());
            }
            let Some(key) = &current else { continue };
            for piece in line.split('$').skip(1) {
                let name: String = piece.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                messages.get_mut(key).unwrap().insert(name);
            }
        }
        messages
    }

    fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }

    /// The keys the app writes as `t!("…")` (a literal: `text` takes the keys made at run time).
    fn literal_keys() -> BTreeSet<String> {
        let mut files = Vec::new();
        rust_files(&root().join("src"), &mut files);
        let mut keys = BTreeSet::new();
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            // Code only: the docs' examples are not keys.
            let code: String =
                text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            let mut rest = code.as_str();
            while let Some(at) = rest.find("t!(") {
                let before = rest[..at].chars().next_back();
                rest = rest[at + 3..].trim_start();
                // `t!`, not `format!` or `print!`.
                if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    let key = rest.strip_prefix('"').expect("t! takes its key as a literal");
                    keys.insert(key.split('"').next().unwrap().to_owned());
                }
            }
        }
        keys
    }

    /// The server's reason codes the app words (`src/i18n.rs`, `REASON_CODES`), read from its
    /// source.
    fn reason_codes() -> Vec<String> {
        let source = std::fs::read_to_string(root().join("src/i18n.rs")).unwrap();
        let table = source.split("pub const REASON_CODES").nth(1).unwrap().split("];").next().unwrap();
        table.split('"').skip(1).step_by(2).map(str::to_owned).collect()
    }

    /// The keys the app makes at run time, from the definitions it makes them from.
    pub(super) fn made_keys() -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        // The install manifests (xtask/src/manifests.rs).
        keys.extend(["app-name", "app-short-name", "app-description"].map(str::to_owned));
        // i18n::reason
        keys.extend(reason_codes().into_iter().map(|code| format!("reason-{code}")));
        // i18n::month_name
        keys.extend((1..=12).map(|m| format!("month-{m}")));
        // i18n::install reads the language's number marks.
        keys.extend(["number-decimal", "number-group"].map(str::to_owned));
        // The schema's words (components::field, pages::sheet).
        keys.extend(ramp_core::schema::keys::all().into_iter().map(|(key, _)| key));
        // i18n::fields::issue
        keys.extend(ramp_core::schema::Issue::CODES.iter().map(|code| format!("issue-{code}")));
        // i18n::AimWords: ramp_core::aim reads its lists and patterns.
        keys.extend(ramp_core::aim::English::WORDS.iter().map(|(key, _)| key.to_string()));
        // i18n::big_scale_words, read by ramp_core::cycle::prompts.
        keys.insert("cycle-big-scale-words".to_owned());
        // components::OrderSelect, for the dashboard and the change library.
        keys.extend(ramp_core::dashboard::SortBy::ALL.iter().map(|(_, key)| format!("dash-sort-{key}")));
        keys.extend(ramp_core::spread::library::SortBy::ALL.iter().map(|(_, key)| format!("library-sort-{key}")));
        // i18n::ramp_stage
        keys.extend(ramp_core::spread::library::Stage::ALL.iter().map(|stage| format!("ramp-stage-{}", stage.key())));
        // i18n::chart_name and i18n::rules_name
        keys.extend(ramp_core::chart::ChartType::ALL.iter().map(|c| format!("chart-name-{}", c.key())));
        keys.extend(ramp_core::chart::RuleSet::ALL.iter().map(|r| format!("rules-name-{}", r.key())));
        // pages::count_of
        keys.extend(
            ramp_core::Kind::ALL.iter().chain(&ramp_core::Kind::COLLAB).map(|k| format!("count-{}", k.as_str())),
        );
        keys
    }

    #[test]
    fn every_catalogue_has_englishs_keys_with_the_same_values_put_in() {
        let english = catalogue("en");
        assert!(english.len() > 20, "en.ftl has only {} keys", english.len());
        for code in languages().iter().skip(1) {
            let other = catalogue(code);
            let missing: Vec<&String> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{code}.ftl lacks {missing:?}");
            assert!(extra.is_empty(), "{code}.ftl has keys English lacks: {extra:?}");
            for (key, variables) in &english {
                assert_eq!(&other[key], variables, "{code}.ftl's {key} puts in other values than English's");
            }
        }
    }

    #[test]
    fn every_key_the_app_uses_is_in_the_catalogues_and_every_key_is_used() {
        let english = catalogue("en");
        let literal = literal_keys();
        let made = made_keys();
        assert!(literal.len() > 10, "found only {} t!(…) keys", literal.len());
        let missing: Vec<&String> = literal.iter().chain(&made).filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "keys the app uses that en.ftl lacks: {missing:?}");
        let unused: Vec<&String> = english.keys().filter(|k| !literal.contains(*k) && !made.contains(*k)).collect();
        assert!(unused.is_empty(), "keys no code uses (remove them, or list the code that makes them): {unused:?}");
    }

    /// English's messages' words, with `{ $name }` for a value put in and `{…}` for the rest.
    fn english_words() -> BTreeMap<String, String> {
        let source = std::fs::read_to_string(root().join("locales/en.ftl")).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str()).unwrap();
        let mut english = BTreeMap::new();
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let words: String = m
                    .value
                    .unwrap()
                    .elements
                    .iter()
                    .map(|e| match e {
                        fluent_syntax::ast::PatternElement::TextElement { value } => value.to_string(),
                        fluent_syntax::ast::PatternElement::Placeable {
                            expression:
                                fluent_syntax::ast::Expression::Inline(
                                    fluent_syntax::ast::InlineExpression::VariableReference { id },
                                ),
                        } => format!("{{ ${} }}", id.name),
                        fluent_syntax::ast::PatternElement::Placeable { .. } => "{…}".to_owned(),
                    })
                    .collect();
                english.insert(m.id.name.to_owned(), words);
            }
        }
        english
    }

    #[test]
    fn english_says_what_the_schema_and_the_aims_coaching_say() {
        let english = english_words();
        let mut wrong = Vec::new();
        let aim = ramp_core::aim::English::WORDS
            .iter()
            .map(|(k, w)| (k.to_string(), w.to_string()))
            .chain([("cycle-big-scale-words".to_owned(), ramp_core::cycle::BIG_SCALE_ENGLISH.join(", "))]);
        for (key, words) in ramp_core::schema::keys::all().into_iter().chain(aim) {
            if english.get(&key) != Some(&words) {
                wrong.push(key);
            }
        }
        assert!(wrong.is_empty(), "en.ftl's words differ from the schema's for {wrong:?}");
    }

    #[test]
    fn the_shewhart_rules_are_printed_with_their_eight_on_one_side() {
        assert!(english_words()["rules-name-shewhart"].contains("8 on one side"));
    }
}
