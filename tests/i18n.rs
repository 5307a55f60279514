//! The app's words for numbers and dates, in each language, from the real catalogues in
//! headless Chromium (wasm-bindgen-test): what `i18n` writes is what a person of that language
//! writes, and what such a person types reads back as the same number, never with one mark
//! taken for the other.
#![cfg(target_arch = "wasm32")]

use ramp::i18n;
use ramp_core::number::{read_in, NumberIssue};
use ramp_core::period::Period;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn speak(code: &str) {
    let source = match code {
        "en" => include_str!("../locales/en.ftl"),
        "es" => include_str!("../locales/es.ftl"),
        other => panic!("no catalogue for {other}"),
    };
    i18n::install(code, source.to_owned()).expect("the catalogue installs");
    assert_eq!(i18n::language(), code);
}

/// A week of the calendar: the one starting on `monday` (`YYYY-MM-DD`).
fn week(monday: &str) -> Period {
    let period = Period::parse(monday).expect("a Monday");
    assert!(matches!(period, Period::Week { .. }));
    period
}

#[wasm_bindgen_test]
fn english_writes_numbers_and_dates_as_english_does() {
    speak("en");
    assert_eq!(i18n::number(1250.0), "1,250");
    assert_eq!(i18n::number(1250.5), "1,250.5");
    assert_eq!(i18n::number(12.5), "12.5");
    assert_eq!(i18n::number(-0.25), "-0.25");
    assert_eq!(i18n::percent(80.5), "80.5%");
    assert_eq!(i18n::percent(80.54), "80.5%");
    assert_eq!(i18n::score(3.0), "3.0");
    assert_eq!(i18n::month(2026, 12), "Dec 2026");
    assert_eq!(i18n::period(Period::Month { year: 2026, month: 3 }), "Mar 2026");
    // ISO weeks: the week of 30 Dec 2024 is the first of 2025; 28 Dec 2026's is 2026's 53rd.
    assert_eq!(i18n::period(week("2024-12-30")), "Week 1, 2025");
    assert_eq!(i18n::period(week("2026-12-28")), "Week 53, 2026");
    assert_eq!(i18n::date("2026-03-02"), "2 Mar 2026");
    assert_eq!(i18n::date("not a date"), "not a date");
}

#[wasm_bindgen_test]
fn spanish_writes_numbers_and_dates_as_spanish_does() {
    speak("es");
    assert_eq!(i18n::number(1250.0), "1.250");
    assert_eq!(i18n::number(1250.5), "1.250,5");
    assert_eq!(i18n::number(12.5), "12,5");
    assert_eq!(i18n::number(-0.25), "-0,25");
    // A no-break space: the sign never starts a line of its own.
    assert_eq!(i18n::percent(80.5), "80,5\u{a0}%");
    assert_eq!(i18n::score(3.0), "3,0");
    assert_eq!(i18n::month(2026, 12), "dic 2026");
    assert_eq!(i18n::period(Period::Month { year: 2026, month: 3 }), "mar 2026");
    assert_eq!(i18n::period(week("2024-12-30")), "Semana 1 de 2025");
    assert_eq!(i18n::period(week("2026-12-28")), "Semana 53 de 2026");
    assert_eq!(i18n::date("2026-03-02"), "2 mar 2026");
}

#[wasm_bindgen_test]
fn what_a_person_types_reads_back_in_their_language() {
    speak("en");
    let english = i18n::style();
    assert_eq!(read_in("1,250", english), Ok(Some(1250.0)));
    assert_eq!(read_in("12.5", english), Ok(Some(12.5)));
    assert_eq!(read_in(&i18n::number(1250.5), english), Ok(Some(1250.5)));
    speak("es");
    let spanish = i18n::style();
    assert_eq!(read_in("1.250", spanish), Ok(Some(1250.0)));
    assert_eq!(read_in("12,5", spanish), Ok(Some(12.5)));
    assert_eq!(read_in(&i18n::number(1250.5), spanish), Ok(Some(1250.5)));
    // Each mark keeps its language's meaning: "1,250" typed in Spanish is one and a quarter.
    assert_eq!(read_in("1,250", spanish), Ok(Some(1.25)));
    assert_eq!(read_in("1.25.000", spanish), Err(NumberIssue::Grouping));
}
