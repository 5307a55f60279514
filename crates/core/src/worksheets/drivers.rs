//! The driver diagram: aim → primary drivers → secondary drivers → change ideas, linked many
//! to many, as a tree for phones and as laid-out columns for tablets.
//!
//! Owns how links are read from records and where each box goes. Never draws: the app turns
//! the [`Diagram`] into SVG and the [`Tree`] into collapsible lists.

use crate::id::{RecordId, Uuid7};
use crate::record::{Kind, Record};
use crate::register::Value;

/// The ids a links field holds (rows with one column, `id`), in order, without repeats.
pub fn links(record: &Record, field: &str) -> Vec<RecordId> {
    let mut ids: Vec<RecordId> = Vec::new();
    for row in record.value(field).as_rows() {
        if let Some(id) = row.get("id").and_then(|id| Uuid7::parse(id).ok()) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

/// The ids in a links value, as text, in order (for forms).
pub fn ids_in(value: &Value) -> Vec<String> {
    value.as_rows().iter().filter_map(|row| row.get("id").cloned()).collect()
}

/// A links value holding these ids, given as text.
pub fn ids_value(ids: &[String]) -> Value {
    Value::Rows(ids.iter().map(|id| [("id".to_owned(), id.clone())].into_iter().collect()).collect())
}

/// A links field's value holding these ids.
pub fn links_value(ids: &[RecordId]) -> Value {
    Value::Rows(ids.iter().map(|id| [("id".to_owned(), id.to_string())].into_iter().collect()).collect())
}

/// A team's drivers and change ideas, each list in creation order.
#[derive(Clone, Debug, Default)]
pub struct Drivers<'a> {
    /// Primary drivers.
    pub primary: Vec<&'a Record>,
    /// Secondary drivers.
    pub secondary: Vec<&'a Record>,
    /// Change ideas.
    pub ideas: Vec<&'a Record>,
}

impl<'a> Drivers<'a> {
    /// The live drivers and change ideas in a scope.
    pub fn of(records: impl IntoIterator<Item = &'a Record>, scope: &str) -> Drivers<'a> {
        let mut drivers = Drivers::default();
        for record in records.into_iter().filter(|r| r.scope == scope && !r.is_deleted()) {
            match (record.kind, record.text("level")) {
                (Kind::Driver, "primary") => drivers.primary.push(record),
                (Kind::Driver, _) => drivers.secondary.push(record),
                (Kind::ChangeIdea, _) => drivers.ideas.push(record),
                _ => {}
            }
        }
        for list in [&mut drivers.primary, &mut drivers.secondary, &mut drivers.ideas] {
            crate::order::sort_by(list, |a, b| a.id.cmp(&b.id));
        }
        drivers
    }

    /// The secondary drivers linked to a primary driver.
    pub fn secondaries_of(&self, primary: &RecordId) -> Vec<&'a Record> {
        self.secondary.iter().copied().filter(|s| links(s, "links").contains(primary)).collect()
    }

    /// The change ideas linked to a driver.
    pub fn ideas_of(&self, driver: &RecordId) -> Vec<&'a Record> {
        self.ideas.iter().copied().filter(|i| links(i, "drivers").contains(driver)).collect()
    }

    /// The phone view: each primary driver with its secondaries and their ideas, and what is
    /// not linked yet.
    pub fn tree(&self) -> Tree {
        let known = |id: &RecordId, list: &[&Record]| list.iter().any(|r| &r.id == id);
        let primaries = self
            .primary
            .iter()
            .map(|p| Branch {
                id: p.id.clone(),
                text: p.text("text").to_owned(),
                ideas: self.ideas_of(&p.id).iter().map(|i| leaf(i)).collect(),
                secondaries: self
                    .secondaries_of(&p.id)
                    .iter()
                    .map(|s| Branch {
                        id: s.id.clone(),
                        text: s.text("text").to_owned(),
                        ideas: self.ideas_of(&s.id).iter().map(|i| leaf(i)).collect(),
                        secondaries: Vec::new(),
                    })
                    .collect(),
            })
            .collect();
        let loose_secondaries = self
            .secondary
            .iter()
            .filter(|s| !links(s, "links").iter().any(|id| known(id, &self.primary)))
            .map(|s| Branch {
                id: s.id.clone(),
                text: s.text("text").to_owned(),
                ideas: self.ideas_of(&s.id).iter().map(|i| leaf(i)).collect(),
                secondaries: Vec::new(),
            })
            .collect();
        let all_drivers: Vec<&Record> = self.primary.iter().chain(&self.secondary).copied().collect();
        let loose_ideas = self
            .ideas
            .iter()
            .filter(|i| !links(i, "drivers").iter().any(|id| known(id, &all_drivers)))
            .map(|i| leaf(i))
            .collect();
        Tree { primaries, loose_secondaries, loose_ideas }
    }

    /// The tablet view: boxes in four columns (aim, primary, secondary, change ideas) with
    /// each parent level centred on its children, and the lines between them.
    pub fn diagram(&self, aim: &str) -> Diagram {
        let mut nodes = vec![Node { id: None, text: aim.to_owned(), column: 0, row: 0.0 }];
        let primary_order =
            |r: &Record| links(r, "links").iter().filter_map(|id| self.primary.iter().position(|p| &p.id == id)).min();
        let mut secondary: Vec<&Record> = self.secondary.clone();
        crate::order::sort_by_key(&mut secondary, |s| (primary_order(s).unwrap_or(usize::MAX), s.id.clone()));
        let drivers: Vec<&Record> = self.primary.iter().chain(&secondary).copied().collect();
        let driver_order =
            |r: &Record| links(r, "drivers").iter().filter_map(|id| drivers.iter().position(|d| &d.id == id)).min();
        let mut ideas: Vec<&Record> = self.ideas.clone();
        crate::order::sort_by_key(&mut ideas, |i| (driver_order(i).unwrap_or(usize::MAX), i.id.clone()));

        let idea_rows: Vec<f64> = (0..ideas.len()).map(|i| i as f64).collect();
        let secondary_rows = place(&secondary, |s| {
            ideas.iter().zip(&idea_rows).filter(|(i, _)| links(i, "drivers").contains(&s.id)).map(|(_, r)| *r).collect()
        });
        let primary_rows = place(&self.primary, |p| {
            let below = secondary
                .iter()
                .zip(&secondary_rows)
                .filter(|(s, _)| links(s, "links").contains(&p.id))
                .map(|(_, r)| *r);
            let ideas =
                ideas.iter().zip(&idea_rows).filter(|(i, _)| links(i, "drivers").contains(&p.id)).map(|(_, r)| *r);
            below.chain(ideas).collect()
        });
        nodes[0].row = mean(&primary_rows).unwrap_or(0.0);
        let mut index = std::collections::BTreeMap::new();
        for (column, list, rows) in
            [(1, &self.primary, &primary_rows), (2, &secondary, &secondary_rows), (3, &ideas, &idea_rows)]
        {
            for (record, row) in list.iter().zip(rows.iter()) {
                index.insert(record.id.clone(), nodes.len());
                nodes.push(Node {
                    id: Some(record.id.clone()),
                    text: record.text("text").to_owned(),
                    column,
                    row: *row,
                });
            }
        }
        let mut edges = Vec::new();
        for p in &self.primary {
            edges.push((0, index[&p.id]));
        }
        for (list, field) in [(&secondary, "links"), (&ideas, "drivers")] {
            for record in list.iter() {
                for parent in links(record, field) {
                    if let Some(from) = index.get(&parent) {
                        edges.push((*from, index[&record.id]));
                    }
                }
            }
        }
        let rows = nodes.iter().map(|n| n.row + 1.0).fold(1.0, f64::max);
        Diagram { nodes, edges, rows }
    }
}

/// Rows for one column: each record centred on its children's rows, kept in order and never
/// closer than one row to the one above.
fn place(records: &[&Record], children: impl Fn(&Record) -> Vec<f64>) -> Vec<f64> {
    let mut rows = Vec::with_capacity(records.len());
    let mut next = 0.0_f64;
    for record in records {
        let row = mean(&children(record)).map_or(next, |m| m.max(next));
        rows.push(row);
        next = row + 1.0;
    }
    rows
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn leaf(idea: &Record) -> Leaf {
    Leaf { id: idea.id.clone(), text: idea.text("text").to_owned() }
}

/// A driver with what hangs under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Branch {
    /// The driver.
    pub id: RecordId,
    /// Its text.
    pub text: String,
    /// Its secondary drivers (for a primary driver).
    pub secondaries: Vec<Branch>,
    /// The change ideas linked to it.
    pub ideas: Vec<Leaf>,
}

/// A change idea in the tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Leaf {
    /// The change idea.
    pub id: RecordId,
    /// Its text.
    pub text: String,
}

/// The driver diagram as a tree, for narrow screens.
#[derive(Clone, Debug, PartialEq)]
pub struct Tree {
    /// Primary drivers, each with its secondaries and their ideas.
    pub primaries: Vec<Branch>,
    /// Secondary drivers linked to no primary driver yet.
    pub loose_secondaries: Vec<Branch>,
    /// Change ideas linked to no driver yet.
    pub loose_ideas: Vec<Leaf>,
}

/// One box of the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The record (none for the aim).
    pub id: Option<RecordId>,
    /// Its text.
    pub text: String,
    /// 0 aim, 1 primary, 2 secondary, 3 change ideas.
    pub column: usize,
    /// Its vertical place, in rows (may be fractional: centred on its children).
    pub row: f64,
}

/// The driver diagram laid out in columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    /// The boxes; the first is the aim.
    pub nodes: Vec<Node>,
    /// Lines between boxes, as indices into `nodes` (parent, child).
    pub edges: Vec<(usize, usize)>,
    /// The height of the diagram, in rows.
    pub rows: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Hlc;
    use crate::id::Dot;
    use crate::register::Op;

    fn record(n: u8, kind: Kind, fields: &[(&str, Value)]) -> Record {
        let id = Uuid7::from_parts(u64::from(n), [n; 10]);
        let device = Uuid7::from_parts(1, [0; 10]);
        let mut record = Record::new(id.clone(), kind, "team:x".into());
        for (i, (field, value)) in fields.iter().enumerate() {
            record.apply(&Op {
                record: id.clone(),
                kind,
                scope: "team:x".into(),
                field: field.to_string(),
                value: value.clone(),
                dot: Dot { device: device.clone(), counter: i as u64 + 1 },
                hlc: Hlc { wall_ms: 1, counter: 0, device: device.clone() },
                replaces: vec![],
                author: None,
            });
        }
        record
    }

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    /// Two primaries; one secondary shared by both; one idea on two secondaries; one loose idea.
    fn sample() -> Vec<Record> {
        let p1 = record(1, Kind::Driver, &[("level", text("primary")), ("text", text("Reliable risk assessment"))]);
        let p2 = record(2, Kind::Driver, &[("level", text("primary")), ("text", text("Safe environment"))]);
        let s1 = record(
            3,
            Kind::Driver,
            &[
                ("level", text("secondary")),
                ("text", text("Screen on admission")),
                ("links", links_value(std::slice::from_ref(&p1.id))),
            ],
        );
        let s2 = record(
            4,
            Kind::Driver,
            &[
                ("level", text("secondary")),
                ("text", text("Huddles")),
                ("links", links_value(&[p1.id.clone(), p2.id.clone()])),
            ],
        );
        let i1 = record(
            5,
            Kind::ChangeIdea,
            &[("text", text("Falls huddle")), ("drivers", links_value(&[s1.id.clone(), s2.id.clone()]))],
        );
        let i2 = record(6, Kind::ChangeIdea, &[("text", text("Bed alarms"))]);
        vec![p1, p2, s1, s2, i1, i2]
    }

    #[test]
    fn links_are_many_to_many_in_the_tree() {
        let records = sample();
        let tree = Drivers::of(&records, "team:x").tree();
        assert_eq!(tree.primaries.len(), 2);
        let names = |b: &Branch| b.secondaries.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
        assert_eq!(names(&tree.primaries[0]), vec!["Screen on admission", "Huddles"]);
        assert_eq!(names(&tree.primaries[1]), vec!["Huddles"]);
        assert_eq!(tree.primaries[0].secondaries[0].ideas[0].text, "Falls huddle");
        assert_eq!(tree.primaries[0].secondaries[1].ideas[0].text, "Falls huddle");
        assert_eq!(tree.loose_ideas.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), vec!["Bed alarms"]);
        assert!(tree.loose_secondaries.is_empty());
    }

    #[test]
    fn the_diagram_has_every_box_and_line_and_parents_sit_beside_children() {
        let records = sample();
        let diagram = Drivers::of(&records, "team:x").diagram("Fewer falls");
        assert_eq!(diagram.nodes.len(), 7);
        // aim→p1, aim→p2, p1→s1, p1→s2, p2→s2, s1→i1, s2→i1
        assert_eq!(diagram.edges.len(), 7);
        let row = |text: &str| diagram.nodes.iter().find(|n| n.text == text).unwrap().row;
        assert_eq!(row("Falls huddle"), 0.0);
        assert_eq!(row("Bed alarms"), 1.0);
        assert!(row("Huddles") >= row("Screen on admission") + 1.0, "boxes in a column never overlap");
        let mut columns = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
        for node in &diagram.nodes {
            columns[node.column].push(node.row);
        }
        for column in columns {
            assert!(column.windows(2).all(|w| w[1] >= w[0] + 1.0));
        }
        assert!(diagram.rows >= 2.0);
    }

    #[test]
    fn an_empty_team_has_just_the_aim() {
        let diagram = Drivers::of(&[], "team:x").diagram("Aim");
        assert_eq!(diagram.nodes.len(), 1);
        assert!(diagram.edges.is_empty());
    }
}
