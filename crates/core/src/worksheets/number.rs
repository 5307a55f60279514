//! Numbers as people type them: "1,250", "1 250", "1250.0", "12,5". One reading for every
//! number box (the app) and every check (the schema), so a typed number is never silently
//! turned into another: what cannot be read surely is refused with a sentence that says how to
//! write it.
//!
//! The rules: digits with an optional sign; `,` or `.` as the decimal mark; thousands grouped
//! by `,`, `.`, a space or a thin space, in groups of three. A single `,` followed by exactly
//! three digits is a thousands separator ("1,250" is one thousand two hundred and fifty, as
//! nurses in English-speaking wards write it); followed by one, two or four or more digits it
//! is the decimal mark ("12,5"). With both `,` and `.`, the last is the decimal mark.
//! Fractions ("½", "1/2") and exponents ("1e3") are refused, with words.
//!
//! Each language writes numbers its own way ([`Style`]): in Spanish "1.250" is one thousand two
//! hundred and fifty and "12,5" twelve and a half. [`read_in`] and [`grouped_in`] apply the same
//! rules with the two marks' roles swapped, so a language's decimal mark is never read as its
//! thousands separator, nor the other way round. Stored values stay plain numbers.

use std::fmt;

/// Why typed text is not a number Ramp will take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberIssue {
    /// Not digits at all.
    NotANumber,
    /// A fraction such as ½ or 1/2.
    Fraction,
    /// Scientific notation such as 1e3.
    Exponent,
    /// Thousands separators not in groups of three.
    Grouping,
}

impl fmt::Display for NumberIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberIssue::NotANumber => "This is not a number: write it with digits, like 12 or 3.5.",
            NumberIssue::Fraction => "Write fractions as decimals: 0.5 for a half, 2.25 for two and a quarter.",
            NumberIssue::Exponent => "Write the number in full, like 1000 or 1,000.",
            NumberIssue::Grouping => {
                "Group thousands in threes (1,250 or 1 250), or write the number without separators (1250)."
            }
        })
    }
}

/// How a language writes numbers: its decimal mark and its thousands separator. Each catalogue
/// names both (`number-decimal`, `number-group`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// "." in English, "," in Spanish.
    pub decimal: char,
    /// "," in English, "." in Spanish (a space or a narrow space in some languages).
    pub group: char,
}

impl Style {
    /// English: "1,250.5".
    pub const ENGLISH: Style = Style { decimal: '.', group: ',' };
}

/// The number in typed text, written in `style`: `Ok(None)` when blank. With a decimal comma,
/// "12,5" is 12.5, "1.250" is 1250, and a lone "." before other than three digits is the
/// decimal mark typed from a phone's keypad ("12.5").
pub fn read_in(text: &str, style: Style) -> Result<Option<f64>, NumberIssue> {
    if style.decimal == ',' {
        read(&swap_marks(text))
    } else {
        read(text)
    }
}

/// A number as people of `style` read it: "1.250,5" in Spanish.
pub fn grouped_in(n: f64, style: Style) -> String {
    let english = grouped(n);
    if style == Style::ENGLISH {
        return english;
    }
    english
        .chars()
        .map(|c| match c {
            ',' => style.group,
            '.' => style.decimal,
            c => c,
        })
        .collect()
}

/// A plain number (no grouping: "1250.5") with the decimal mark of `style`, for a number box
/// that shows a stored value to be edited.
pub fn plain_in(n: f64, style: Style) -> String {
    crate::measure::format_number(n).replace('.', &style.decimal.to_string())
}

fn swap_marks(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ',' => '.',
            '.' => ',',
            c => c,
        })
        .collect()
}

/// The number in typed text, written in English: `Ok(None)` when blank.
pub fn read(text: &str) -> Result<Option<f64>, NumberIssue> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().any(|c| matches!(c, '½' | '¼' | '¾' | '⅓' | '⅔' | '⅛' | '/' | '⁄')) {
        return Err(NumberIssue::Fraction);
    }
    let (sign, digits) = match text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
        Some(rest) => (-1.0, rest.trim_start()),
        None => (1.0, text.strip_prefix('+').unwrap_or(text).trim_start()),
    };
    if let Some((mantissa, exponent)) = digits.split_once(['e', 'E']) {
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        let numeric = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        if numeric(mantissa) && !exponent.is_empty() && exponent.chars().all(|c| c.is_ascii_digit()) {
            return Err(NumberIssue::Exponent);
        }
    }
    let is_space = |c: char| c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}';
    if !digits.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.' || is_space(c)) {
        return Err(NumberIssue::NotANumber);
    }
    if !digits.starts_with(|c: char| c.is_ascii_digit()) && !digits.starts_with(['.', ',']) {
        return Err(NumberIssue::NotANumber);
    }
    // The decimal mark: the last of `,` and `.` when both appear; a lone `,` unless it is
    // followed by exactly three digits (and is the only one); a `.` always, when it is the only
    // kind and appears once.
    let (commas, dots) = (digits.matches(',').count(), digits.matches('.').count());
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (_, 0) if commas == 1 => {
            let after = digits.rsplit(',').next().unwrap_or("");
            (after.len() != 3 || !after.chars().all(|c| c.is_ascii_digit())).then_some(',')
        }
        (_, 0) => None,
        (0, 1) => Some('.'),
        (0, _) => None,
        _ => Some(if digits.rfind(',') > digits.rfind('.') { ',' } else { '.' }),
    };
    let (whole, fraction) = match decimal {
        Some(mark) => {
            let at = digits.rfind(mark).expect("the mark is in the text");
            (&digits[..at], &digits[at + 1..])
        }
        None => (digits, ""),
    };
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberIssue::Grouping);
    }
    // The whole part: plain digits, or groups of three after a first group of one to three,
    // all split by one kind of separator.
    let groups: Vec<&str> = whole.split(|c: char| c == ',' || c == '.' || is_space(c)).collect();
    let separators: Vec<char> = whole.chars().filter(|c| !c.is_ascii_digit()).collect();
    let one_kind = separators.windows(2).all(|w| w[0] == w[1] || (is_space(w[0]) && is_space(w[1])));
    let grouped = groups.len() == 1
        || (one_kind
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit())));
    if !grouped || (groups.len() == 1 && whole.is_empty() && fraction.is_empty()) {
        return Err(if groups.len() == 1 { NumberIssue::NotANumber } else { NumberIssue::Grouping });
    }
    let plain = format!("{}.{}", groups.concat(), if fraction.is_empty() { "0" } else { fraction });
    let plain = if plain.starts_with('.') { format!("0{plain}") } else { plain };
    plain.parse::<f64>().map(|n| Some(sign * n)).map_err(|_| NumberIssue::NotANumber)
}

/// A number as people read it, thousands grouped: "1,250", "12,500.5", "-3,000" (at most two
/// decimals, trailing zeros dropped). For the screen; files keep `measure::format_number`.
pub fn grouped(n: f64) -> String {
    let plain = crate::measure::format_number(n);
    let (sign, rest) = plain.strip_prefix('-').map_or(("", plain.as_str()), |rest| ("-", rest));
    let (whole, fraction) = rest.split_once('.').map_or((rest, None), |(w, f)| (w, Some(f)));
    if whole.len() <= 3 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return plain;
    }
    let mut out = String::with_capacity(plain.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    match fraction {
        Some(fraction) => format!("{sign}{out}.{fraction}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        for (typed, number) in [
            ("1,250", 1250.0),
            ("1 250", 1250.0),
            ("1\u{202f}250", 1250.0),
            ("1250.0", 1250.0),
            ("1250", 1250.0),
            ("12,5", 12.5),
            ("12.5", 12.5),
            ("1,250.5", 1250.5),
            ("1.250,5", 1250.5),
            ("1 250,5", 1250.5),
            ("1,250,000", 1_250_000.0),
            ("980", 980.0),
            ("0,25", 0.25),
            (".5", 0.5),
            ("-3", -3.0),
            ("  42  ", 42.0),
        ] {
            assert_eq!(read(typed), Ok(Some(number)), "{typed:?}");
        }
        assert_eq!(read(""), Ok(None));
        assert_eq!(read("   "), Ok(None));
    }

    #[test]
    fn what_cannot_be_read_surely_is_refused_with_words() {
        assert_eq!(read("½"), Err(NumberIssue::Fraction));
        assert_eq!(read("1/2"), Err(NumberIssue::Fraction));
        assert_eq!(read("1e3"), Err(NumberIssue::Exponent));
        assert_eq!(read("1,25,000"), Err(NumberIssue::Grouping));
        assert_eq!(read("12 50"), Err(NumberIssue::Grouping));
        assert_eq!(read("1,250 000"), Err(NumberIssue::Grouping));
        assert_eq!(read("twelve"), Err(NumberIssue::NotANumber));
        assert_eq!(read("12 patients"), Err(NumberIssue::NotANumber));
        assert!(NumberIssue::Fraction.to_string().contains("0.5"));
    }

    #[test]
    fn grouped_numbers_read_back_as_the_same_number() {
        assert_eq!(grouped(1250.0), "1,250");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1_234_567.0), "1,234,567");
        assert_eq!(grouped(12500.5), "12,500.5");
        assert_eq!(grouped(-3000.0), "-3,000");
        assert_eq!(grouped(0.25), "0.25");
        for n in [1250.0, 1_234_567.0, 12500.5, 999.0] {
            assert_eq!(read(&grouped(n)), Ok(Some(n)), "{n}");
        }
    }

    const SPANISH: Style = Style { decimal: ',', group: '.' };

    #[test]
    fn spanish_numbers_read_with_the_decimal_comma() {
        for (typed, number) in [
            ("1.250", 1250.0),
            ("12,5", 12.5),
            ("1.250,5", 1250.5),
            ("1 250", 1250.0),
            ("1 250,5", 1250.5),
            ("1.250.000", 1_250_000.0),
            ("0,25", 0.25),
            ("80,5", 80.5),
            // The decimal comma before three digits is still the decimal mark in Spanish.
            ("1,250", 1.25),
            // A lone point before other than three digits: a phone keypad's decimal mark.
            ("12.5", 12.5),
            ("-3", -3.0),
        ] {
            assert_eq!(read_in(typed, SPANISH), Ok(Some(number)), "{typed:?}");
        }
        assert_eq!(read_in("1.25.000", SPANISH), Err(NumberIssue::Grouping));
        assert_eq!(read_in("1,2,3", SPANISH), Err(NumberIssue::Grouping));
        assert_eq!(read_in("1/2", SPANISH), Err(NumberIssue::Fraction));
        assert_eq!(read_in("", SPANISH), Ok(None));
    }

    #[test]
    fn each_language_keeps_its_own_reading_of_the_same_text() {
        // The same keys mean different numbers: never one read as the other's.
        assert_eq!(read_in("1,250", Style::ENGLISH), Ok(Some(1250.0)));
        assert_eq!(read_in("1,250", SPANISH), Ok(Some(1.25)));
        assert_eq!(read_in("1.250", Style::ENGLISH), Ok(Some(1.25)));
        assert_eq!(read_in("1.250", SPANISH), Ok(Some(1250.0)));
    }

    #[test]
    fn grouped_numbers_in_each_language_read_back_in_it() {
        assert_eq!(grouped_in(1250.0, SPANISH), "1.250");
        assert_eq!(grouped_in(12500.5, SPANISH), "12.500,5");
        assert_eq!(grouped_in(80.5, SPANISH), "80,5");
        assert_eq!(grouped_in(80.5, Style::ENGLISH), "80.5");
        assert_eq!(grouped_in(1250.0, Style::ENGLISH), "1,250");
        assert_eq!(plain_in(12.5, SPANISH), "12,5");
        assert_eq!(plain_in(1250.0, SPANISH), "1250");
        for style in [Style::ENGLISH, SPANISH, Style { decimal: ',', group: '\u{202f}' }] {
            for n in [1250.0, 1_234_567.0, 12500.5, 999.0, 0.25, -3000.0] {
                assert_eq!(read_in(&grouped_in(n, style), style), Ok(Some(n)), "{n} {style:?}");
                assert_eq!(read_in(&plain_in(n, style), style), Ok(Some(n)), "{n} {style:?}");
            }
        }
    }
}
