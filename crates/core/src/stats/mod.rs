//! The statistics of a measure: the formulas (`analysis`: medians, Anhøj rules, control
//! limits as qicharts2 computes them) and what a measure's chart shows (`chart`: chart types,
//! rule sets, phases, signals in words).

pub mod analysis;
pub mod chart;
