//! Run-chart and SPC statistics (DESIGN.md §7): the Anhøj rules, the IHI run-chart rules,
//! and the limits of I, MR, P, U and C charts.
//!
//! Owns every number a chart shows and every signal it names; the app only draws them. Pure
//! functions of the values given: no dates, no storage. Points exactly on the centre line are
//! not useful observations: they neither extend nor break a run.

/// The Anhøj rules' figures for a series around a centre line (Anhøj & Olesen 2014, as
/// qicharts2 computes them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anhoej {
    /// Observations not on the centre line.
    pub useful: usize,
    /// The longest run of useful observations on one side of the centre line.
    pub longest_run: usize,
    /// The longest run expected by chance: round(log2(useful)) + 3.
    pub longest_run_max: usize,
    /// How many times consecutive useful observations cross the centre line.
    pub crossings: usize,
    /// The fewest crossings expected by chance: the 5th percentile of Binomial(useful − 1, ½).
    pub crossings_min: usize,
    /// An unusually long run.
    pub runs_signal: bool,
    /// Unusually few crossings.
    pub crossings_signal: bool,
}

/// The sides of the centre line the useful observations fall on (true: above), in order.
fn sides(values: &[f64], centre: f64) -> Vec<bool> {
    values.iter().filter(|v| v.is_finite() && **v != centre).map(|v| *v > centre).collect()
}

/// The Anhøj rules applied to `values` around `centre`.
pub fn anhoej(values: &[f64], centre: f64) -> Anhoej {
    let sides = sides(values, centre);
    let useful = sides.len();
    let (mut longest_run, mut run, mut crossings) = (0, 0, 0);
    for (i, side) in sides.iter().enumerate() {
        if i > 0 && sides[i - 1] != *side {
            crossings += 1;
            run = 0;
        }
        run += 1;
        longest_run = longest_run.max(run);
    }
    let (longest_run_max, crossings_min) = anhoej_limits(useful);
    Anhoej {
        useful,
        longest_run,
        longest_run_max,
        crossings,
        crossings_min,
        runs_signal: useful > 0 && longest_run > longest_run_max,
        crossings_signal: useful > 0 && crossings < crossings_min,
    }
}

/// The Anhøj critical values for `useful` observations: (longest run allowed, fewest
/// crossings expected). None for an empty series.
pub fn anhoej_limits(useful: usize) -> (usize, usize) {
    if useful == 0 {
        return (0, 0);
    }
    let longest = (useful as f64).log2().round() as usize + 3;
    (longest, binomial_quantile(0.05, useful - 1))
}

/// The smallest k with P(X ≤ k) ≥ p for X ~ Binomial(n, ½), as R's `qbinom(p, n, 0.5)`.
fn binomial_quantile(p: f64, n: usize) -> usize {
    // Log-space pmf: ln C(n, k) − n ln 2, summed from k = 0 until the cdf reaches p.
    let ln2n = n as f64 * std::f64::consts::LN_2;
    let mut ln_choose = 0.0_f64;
    let mut cdf = 0.0_f64;
    for k in 0..=n {
        if k > 0 {
            ln_choose += ((n - k + 1) as f64).ln() - (k as f64).ln();
        }
        cdf += (ln_choose - ln2n).exp();
        // R compares with a small fuzz so that exact hits count as reached.
        if cdf >= p * (1.0 - 64.0 * f64::EPSILON) {
            return k;
        }
    }
    n
}

/// A chart's centre line and control limits at one point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// The centre line.
    pub centre: f64,
    /// The lower control limit.
    pub lower: f64,
    /// The upper control limit.
    pub upper: f64,
}

/// The factor from the average moving range to 3 sigma for individuals (3 / d2, d2 = 1.128),
/// as DESIGN.md §7 and "Making Data Count" write it.
pub const I_FACTOR: f64 = 2.66;
/// The factor from the average moving range to the moving range chart's upper limit (D4).
pub const MR_FACTOR: f64 = 3.267;

/// The moving ranges of a series: |xᵢ − xᵢ₋₁|.
pub fn moving_ranges(values: &[f64]) -> Vec<f64> {
    values.windows(2).map(|w| (w[1] - w[0]).abs()).collect()
}

/// The average moving range after leaving out moving ranges above 3.267 × the first average
/// (Nelson 1982, as qicharts2 and "Making Data Count" do). `None` with fewer than two values.
pub fn average_moving_range(values: &[f64]) -> Option<f64> {
    let ranges = moving_ranges(values);
    let first = mean(&ranges)?;
    let kept: Vec<f64> = ranges.into_iter().filter(|r| *r < MR_FACTOR * first).collect();
    // All ranges equal to zero: none is below 0, and the average is 0.
    Some(mean(&kept).unwrap_or(first))
}

/// The limits of an individuals (I) chart: mean ± 2.66 × average moving range.
pub fn i_chart(values: &[f64]) -> Limits {
    let centre = mean(values).unwrap_or(f64::NAN);
    let amr = average_moving_range(values).unwrap_or(f64::NAN);
    Limits { centre, lower: centre - I_FACTOR * amr, upper: centre + I_FACTOR * amr }
}

/// The limits of the moving range (MR) chart of a series (one phase): centre the plain mean of
/// its moving ranges, upper 3.267 × it, lower 0 (qicharts2's `qic.mr`; the screening of the
/// I chart's average is not applied to the MR chart itself).
pub fn mr_chart(values: &[f64]) -> Limits {
    let amr = mean(&moving_ranges(values)).unwrap_or(f64::NAN);
    Limits { centre: amr, lower: 0.0, upper: MR_FACTOR * amr }
}

/// d2 for moving ranges of two: sigma = average moving range / 1.128.
pub const D2: f64 = 1.128;

/// The exponent that makes times between rare events near normal (Nelson 1994): a T chart is
/// an I chart of y^(1/3.6), drawn back on the original scale.
pub const T_POWER: f64 = 3.6;

/// The limits of a T chart (time between rare events): an I chart of y^(1/3.6), its centre and
/// limits raised back to the power 3.6, the lower clipped at 0 (qicharts2's `qic.t`). Times
/// must be above 0; with any at or below 0 the limits are NaN.
pub fn t_chart(values: &[f64]) -> Limits {
    if values.iter().any(|v| *v <= 0.0) {
        return Limits { centre: f64::NAN, lower: f64::NAN, upper: f64::NAN };
    }
    let transformed: Vec<f64> = values.iter().map(|v| v.powf(1.0 / T_POWER)).collect();
    let l = i_chart(&transformed);
    let back = |x: f64| if x <= 0.0 { 0.0 } else { x.powf(T_POWER) };
    Limits { centre: back(l.centre), lower: back(l.lower), upper: back(l.upper) }
}

/// The limits of a G chart (cases between rare events): centre line the median; limits from
/// the mean m as m ± 3√(m(m+1)), the lower clipped at 0 (qicharts2's `qic.g`, after
/// Montgomery).
pub fn g_chart(values: &[f64]) -> Limits {
    let m = mean(values).unwrap_or(f64::NAN);
    let sigma = (m * (m + 1.0)).sqrt();
    Limits { centre: median(values).unwrap_or(f64::NAN), lower: (m - 3.0 * sigma).max(0.0), upper: m + 3.0 * sigma }
}

/// The limits of a Laney P′ chart, one per point: p̄ ± 3 σᵢ σz with σᵢ = √(p̄(1−p̄)/nᵢ) and σz
/// the screened average moving range of the z-scores zᵢ = (pᵢ − p̄)/σᵢ over 1.128, clipped to
/// [0, 1] (Laney 2002; qicharts2's `qic.pp`).
pub fn p_prime_chart(numerators: &[f64], denominators: &[f64]) -> Vec<Limits> {
    let centre = numerators.iter().sum::<f64>() / denominators.iter().sum::<f64>();
    laney_limits(centre, overdispersion(numerators, denominators, true), denominators, true)
}

/// The limits of a Laney U′ chart, one per point: ū ± 3 σᵢ σz with σᵢ = √(ū/nᵢ), the lower
/// clipped at 0 (Laney 2002; qicharts2's `qic.up`).
pub fn u_prime_chart(numerators: &[f64], denominators: &[f64]) -> Vec<Limits> {
    let centre = numerators.iter().sum::<f64>() / denominators.iter().sum::<f64>();
    laney_limits(centre, overdispersion(numerators, denominators, false), denominators, false)
}

/// The binomial (proportion) or Poisson (rate) sigma of one point around a centre.
fn point_sigma(centre: f64, denominator: f64, proportion: bool) -> f64 {
    if proportion {
        (centre * (1.0 - centre) / denominator).sqrt()
    } else {
        (centre / denominator).sqrt()
    }
}

/// Limits at points with these denominators: centre ± 3 σᵢ σz, the lower clipped at 0 and,
/// for proportions, the upper at 1: a P or U chart with σz = 1, Laney's P′ or U′ with the data's. `sigma_z` comes from the baseline
/// ([`overdispersion`]); the points may be others (a phase's, around its baseline's centre).
pub fn laney_limits(centre: f64, sigma_z: f64, denominators: &[f64], proportion: bool) -> Vec<Limits> {
    denominators
        .iter()
        .map(|n| {
            let sigma = point_sigma(centre, *n, proportion) * sigma_z;
            let upper = centre + 3.0 * sigma;
            Limits {
                centre,
                lower: (centre - 3.0 * sigma).max(0.0),
                upper: if proportion { upper.min(1.0) } else { upper },
            }
        })
        .collect()
}

/// Laney's σz for proportions or rates: how much wider than binomial or Poisson the points
/// vary (1 is as expected; well above 1, P or U limits are too tight for the data and a P′ or
/// U′ chart fits): the screened average moving range of the z-scores over d2 (1 when there are
/// fewer than two).
pub fn overdispersion(numerators: &[f64], denominators: &[f64], proportion: bool) -> f64 {
    let centre = numerators.iter().sum::<f64>() / denominators.iter().sum::<f64>();
    let z: Vec<f64> = numerators
        .iter()
        .zip(denominators)
        .map(|(y, n)| (y / n - centre) / point_sigma(centre, *n, proportion))
        .collect();
    average_moving_range(&z).map_or(1.0, |amr| amr / D2)
}

/// The limits of a P chart, one per point: p̄ ± 3√(p̄(1−p̄)/nᵢ), clipped to [0, 1].
pub fn p_chart(numerators: &[f64], denominators: &[f64]) -> Vec<Limits> {
    let centre = numerators.iter().sum::<f64>() / denominators.iter().sum::<f64>();
    laney_limits(centre, 1.0, denominators, true)
}

/// The limits of a U chart, one per point: ū ± 3√(ū/nᵢ), the lower clipped at 0.
pub fn u_chart(numerators: &[f64], denominators: &[f64]) -> Vec<Limits> {
    let centre = numerators.iter().sum::<f64>() / denominators.iter().sum::<f64>();
    laney_limits(centre, 1.0, denominators, false)
}

/// The limits of a C chart: c̄ ± 3√c̄, the lower clipped at 0.
pub fn c_chart(counts: &[f64]) -> Limits {
    let centre = mean(counts).unwrap_or(f64::NAN);
    let sigma = centre.sqrt();
    Limits { centre, lower: (centre - 3.0 * sigma).max(0.0), upper: centre + 3.0 * sigma }
}

/// The median of the finite values; `None` when there are none.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    crate::order::sort_by(&mut sorted, f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) { (sorted[mid - 1] + sorted[mid]) / 2.0 } else { sorted[mid] })
}

fn mean(values: &[f64]) -> Option<f64> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    (!finite.is_empty()).then(|| finite.iter().sum::<f64>() / finite.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Anhøj & Olesen (2014), table 1, and qicharts2: (n, longest run max, crossings min).
    /// Anhøj & Olesen (2014), table 1, as qicharts2 computes it (`round(log2(n)) + 3`,
    /// `qbinom(0.05, n - 1, 0.5)`), checked with exact rational arithmetic:
    /// (n, longest run max, crossings min).
    const PUBLISHED: &[(usize, usize, usize)] = &[
        (10, 6, 2),
        (11, 6, 2),
        (12, 7, 3),
        (13, 7, 3),
        (14, 7, 4),
        (15, 7, 4),
        (16, 7, 4),
        (17, 7, 5),
        (18, 7, 5),
        (19, 7, 6),
        (20, 7, 6),
        (21, 7, 6),
        (22, 7, 7),
        (23, 8, 7),
        (24, 8, 8),
        (25, 8, 8),
        (26, 8, 8),
        (27, 8, 9),
        (28, 8, 9),
        (29, 8, 10),
        (30, 8, 10),
        (40, 8, 14),
        (50, 9, 19),
        (60, 9, 23),
        (100, 10, 41),
    ];

    #[test]
    fn anhoej_critical_values_match_the_published_table() {
        for (n, longest, crossings) in PUBLISHED {
            assert_eq!(anhoej_limits(*n), (*longest, *crossings), "n = {n}");
        }
    }

    #[test]
    fn points_on_the_centre_neither_extend_nor_break_a_run() {
        // Above, above, on, above, below, on, below, below.
        let values = [2.0, 3.0, 1.0, 2.0, 0.0, 1.0, 0.5, 0.0];
        let a = anhoej(&values, 1.0);
        assert_eq!((a.useful, a.longest_run, a.crossings), (6, 3, 1));
    }

    #[test]
    fn a_long_run_and_too_few_crossings_signal() {
        // 12 useful points: 9 below then 3 above → longest run 9 > 7; 1 crossing < 3.
        let values = [1.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 1.0, 8.0, 9.0, 8.0];
        let a = anhoej(&values, 5.0);
        assert_eq!((a.useful, a.longest_run, a.longest_run_max, a.crossings, a.crossings_min), (12, 9, 7, 1, 3));
        assert!(a.runs_signal && a.crossings_signal);
        // Alternating: no signal.
        let calm: Vec<f64> = (0..12).map(|i| if i % 2 == 0 { 1.0 } else { 9.0 }).collect();
        let a = anhoej(&calm, 5.0);
        assert!(!a.runs_signal && !a.crossings_signal);
        assert_eq!(a.crossings, 11);
    }

    #[test]
    fn all_points_equal_or_empty_give_no_signal() {
        let a = anhoej(&[3.0; 8], 3.0);
        assert_eq!((a.useful, a.longest_run, a.crossings), (0, 0, 0));
        assert!(!a.runs_signal && !a.crossings_signal);
        let a = anhoej(&[], 0.0);
        assert_eq!(a.useful, 0);
    }

    #[test]
    fn i_chart_limits_by_hand() {
        // Mean 12; moving ranges 2, 4, 2, 4 → average 3; limits 12 ± 2.66 × 3.
        let values = [10.0, 12.0, 8.0, 10.0, 14.0];
        let limits = i_chart(&[values[0], values[1], values[2], values[3], values[4]]);
        let mean = values.iter().sum::<f64>() / 5.0;
        assert!(close(limits.centre, mean));
        assert!(close(limits.upper, mean + 2.66 * 3.0), "{limits:?}");
        assert!(close(limits.lower, mean - 2.66 * 3.0));
        let mr = mr_chart(&values);
        assert!(close(mr.centre, 3.0) && close(mr.upper, 3.267 * 3.0) && mr.lower == 0.0);
    }

    #[test]
    fn i_chart_leaves_out_moving_ranges_above_3_267_times_the_average() {
        // Ranges: 1, 1, 1, 1, 1, 1, 1, 1, 1, 50 → first average 5.9, cut-off 19.28: 50 goes;
        // the average becomes 1.
        let mut values = vec![10.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0, 11.0];
        values.push(61.0);
        let amr = average_moving_range(&values).unwrap();
        assert!(close(amr, 1.0), "{amr}");
        let limits = i_chart(&values);
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        assert!(close(limits.upper, mean + 2.66));
    }

    #[test]
    fn p_chart_limits_vary_with_subgroup_size_and_are_clipped() {
        let limits = p_chart(&[10.0, 30.0, 1.0], &[100.0, 200.0, 4.0]);
        let p = 41.0 / 304.0;
        assert!(close(limits[0].centre, p));
        assert!(close(limits[0].upper, p + 3.0 * (p * (1.0 - p) / 100.0).sqrt()));
        assert!(close(limits[1].lower, p - 3.0 * (p * (1.0 - p) / 200.0).sqrt()));
        assert_eq!(limits[2].lower, 0.0, "clipped at 0 for a small subgroup");
        assert!(limits[0].upper - limits[0].lower > limits[1].upper - limits[1].lower);
        let all = p_chart(&[9.0, 10.0], &[10.0, 10.0]);
        assert_eq!(all[0].upper, 1.0, "clipped at 1");
    }

    #[test]
    fn u_and_c_chart_limits_by_hand() {
        let u = u_chart(&[4.0, 6.0], &[2.0, 3.0]);
        assert!(close(u[0].centre, 2.0));
        assert!(close(u[0].upper, 2.0 + 3.0 * (2.0_f64 / 2.0).sqrt()));
        assert!(close(u[1].lower, (2.0 - 3.0 * (2.0_f64 / 3.0).sqrt()).max(0.0)));
        let c = c_chart(&[4.0, 9.0, 5.0]);
        assert!(close(c.centre, 6.0) && close(c.upper, 6.0 + 3.0 * 6.0_f64.sqrt()) && c.lower == 0.0);
    }

    #[test]
    fn median_of_even_and_odd_series() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }
}
