//! A worksheet of any kind of record (a PDSA cycle, the aim, a measure, a driver, a change
//! idea), drawn from `ramp-core`'s schema and saved as the person types.
//!
//! Owns the draft on screen and when it is saved: a moment after typing stops, or at once when a
//! field is left or a choice picked; fields with a problem wait on screen (the status chip says
//! why) while the others are saved. Pages compose the parts ([`Sheet`], [`SheetFields`],
//! [`DeletionConflict`], [`DeleteButton`]). Never writes IndexedDB itself: it calls
//! `LocalDb::save`.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use ramp_core::schema::{self, Section};
use ramp_core::{team_scope, Draft, Edit, Kind, Record, RecordId, Value};

use crate::components::{Choice, ConflictChoices, FieldInput};
use crate::pages::{edits, link_options};
use crate::store::LocalDb;
use crate::sync::Sync;
use crate::t;

/// How long after the last keystroke a change is saved.
const TYPING_PAUSE: Duration = Duration::from_millis(600);

/// One record's worksheet state: the draft, the saved record, and the save actions.
#[derive(Clone, Copy)]
pub struct Sheet {
    /// The kind of record.
    pub kind: Kind,
    /// The values on screen.
    pub draft: RwSignal<Draft>,
    /// What is wrong with the values on screen (checked once per change, for every field).
    pub problems: Memo<Vec<schema::Problem>>,
    /// The record as saved on this device (`None` until its first save).
    pub record: Memo<Option<Record>>,
    /// Whether this person may only read the team's work.
    pub read_only: Memo<bool>,
    id: StoredValue<RecordId>,
    scope: StoredValue<String>,
    local_db: LocalDb,
    save_now: StoredValue<Arc<dyn Fn() + Send + std::marker::Sync>>,
    pending: StoredValue<Option<TimeoutHandle>, LocalStorage>,
}

impl Sheet {
    /// The worksheet of `record` (which may not exist yet) in `team`. Saves what is pending
    /// when the page goes away.
    pub fn new(team: &RecordId, record: RecordId, kind: Kind) -> Sheet {
        Sheet::in_scope(team_scope(team), record, kind)
    }

    /// The worksheet of `record` (which may not exist yet) in any scope (a collaborative's
    /// records).
    pub fn in_scope(scope: String, record: RecordId, kind: Kind) -> Sheet {
        let local_db = expect_context::<LocalDb>();
        let sync = expect_context::<Sync>();
        let read_only = {
            let scope = scope.clone();
            Memo::new(move |_| !schema::fields(kind).iter().any(|f| sync.may_write(kind, f.name, &scope)))
        };
        let initial = local_db.with_untracked(|replica| replica.record(&record).map(Draft::of));
        let draft = RwSignal::new(initial.unwrap_or(Draft::new(kind)));
        let record_memo = {
            let id = record.clone();
            Memo::new(move |_| local_db.with(|r| r.record(&id).cloned()))
        };
        // The draft follows changes arriving from other devices in the fields not being edited.
        Effect::new(move |_| {
            if let Some(saved) = record_memo.get() {
                draft.update(|d| d.refresh(&saved));
            }
        });
        let save_now: Arc<dyn Fn() + Send + std::marker::Sync> = {
            let (record, scope) = (record.clone(), scope.clone());
            Arc::new(move || {
                let (changes, problems) = local_db.with_untracked(|replica| {
                    draft.with_untracked(|d| (d.changes(replica.record(&record)), d.problems()))
                });
                let held = problems.first().map(|p| {
                    let label = schema::spec(kind, &p.field).map(crate::i18n::fields::label).unwrap_or_default();
                    format!("{label}: {}", crate::i18n::fields::issue(&p.issue))
                });
                let edits = edits(&record, kind, &scope, changes);
                leptos::task::spawn_local(async move {
                    if !edits.is_empty() && local_db.save(edits.clone()).await.is_err() {
                        // Not saved: the device data was reloaded as it is stored, which the
                        // draft would follow. Put what the person typed back, still to save.
                        draft.update(|d| edits.iter().for_each(|e| d.set(&e.field, e.value.clone())));
                    }
                    match held {
                        Some(reason) => local_db.hold(reason),
                        None if edits.is_empty() => local_db.nothing_to_save(),
                        None => {}
                    }
                });
            })
        };
        let sheet = Sheet {
            kind,
            draft,
            problems: Memo::new(move |_| draft.with(Draft::problems)),
            record: record_memo,
            read_only,
            id: StoredValue::new(record),
            scope: StoredValue::new(scope),
            local_db,
            save_now: StoredValue::new(save_now),
            pending: StoredValue::new_local(None),
        };
        // What is typed is written at once when the page is hidden or closed (a phone locked,
        // the app switched away, a tab closed), not a moment later when it may be gone.
        let flush = move || {
            if sheet.cancel_pending() {
                sheet.save();
            }
        };
        let hidden = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let switched = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                flush();
            }
        });
        on_cleanup(move || {
            hidden.remove();
            switched.remove();
            flush();
        });
        sheet
    }

    fn save(self) {
        let save = self.save_now.get_value();
        save();
    }

    fn cancel_pending(self) -> bool {
        match self.pending.try_update_value(Option::take).flatten() {
            Some(handle) => {
                handle.clear();
                true
            }
            None => false,
        }
    }

    /// The value on screen for a field (reactive).
    pub fn value(self, field: &str) -> Value {
        self.draft.with(|d| d.get(field).clone())
    }

    /// Puts a typed value on screen and saves it a moment after typing stops.
    pub fn input(self, field: &str, value: Value) {
        self.draft.update(|d| d.set(field, value));
        self.local_db.typing();
        self.cancel_pending();
        let handle = set_timeout_with_handle(move || self.save(), TYPING_PAUSE).ok();
        self.pending.set_value(handle);
    }

    /// Puts a value on screen and saves it now.
    pub fn commit(self, field: &str, value: Value) {
        self.draft.update(|d| d.set(field, value));
        self.cancel_pending();
        self.save();
    }

    /// The record's id.
    pub fn id(self) -> RecordId {
        self.id.get_value()
    }

    /// The record's scope.
    pub fn scope(self) -> String {
        self.scope.get_value()
    }

    /// Writes the record's deletion field: `None` deletes it as it stands, `Some(false)`
    /// keeps it. Resolves to whether the write was saved.
    pub async fn write_deleted(self, value: Option<Value>) -> bool {
        let value = match value {
            Some(value) => value,
            None => match self.record.get_untracked() {
                Some(saved) => saved.deletion(),
                None => return false,
            },
        };
        let edit = Edit {
            record: self.id(),
            kind: self.kind,
            scope: self.scope.get_value(),
            field: ramp_core::record::DELETED.to_owned(),
            value,
        };
        self.local_db.save(vec![edit]).await.is_ok()
    }
}

/// The sections of a worksheet, each with its fields, conflicts and links to choose from.
#[component]
pub fn SheetFields(
    /// The worksheet (its scope holds the records a link can point to).
    sheet: Sheet,
    /// The sections shown, in order.
    sections: Vec<Section>,
    /// Something to show at the top of one section, above its fields (what a Study compares
    /// with: the Plan's questions and predictions).
    #[prop(optional)]
    lead: Option<(Section, ViewFn)>,
) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let scope = sheet.scope();
    let lead = StoredValue::new(lead);
    let section = move |section: Section| {
        let lead = lead.with_value(|lead| lead.as_ref().filter(|(at, _)| *at == section).map(|(_, view)| view.run()));
        let scope = scope.clone();
        let fields = schema::fields(sheet.kind).iter().filter(move |spec| spec.section == section);
        // A section is editable when the person may write every field in it.
        let names: Vec<&'static str> = fields.clone().map(|spec| spec.name).collect();
        let own_scope = scope.clone();
        let locked = move || !names.iter().all(|name| sync.may_write(sheet.kind, name, &own_scope));
        view! {
            <section class="sheet-section" id=format!("sec-{}", section.key())>
                <h2>{crate::i18n::fields::section(section)}</h2>
                {lead}
                <fieldset class="sheet-fields" disabled=locked>
                {fields.map(|spec| {
                    let scope = scope.clone();
                    // Only a link field follows the device's records (for what it can link to);
                    // a measure's chart offers the charts that fit its type.
                    let is_link = matches!(spec.input, schema::Input::Ref(_) | schema::Input::Refs(_));
                    let is_chart = sheet.kind == ramp_core::Kind::Measure && spec.name == "chart";
                    let options = Signal::derive(move || {
                        if is_chart {
                            let value_type = sheet.value("value_type");
                            let keys = ramp_core::chart::ChartType::choices(value_type.as_text());
                            return keys.into_iter().map(|k| (k.to_owned(), String::new())).collect();
                        }
                        if !is_link {
                            return Vec::new();
                        }
                        local_db.with(|r| link_options(r, &scope, sheet.kind, spec.name, &sheet.id()))
                    });
                    view! {
                        <FieldInput spec=spec
                            value=Signal::derive(move || sheet.value(spec.name))
                            problem=Signal::derive(move || sheet.problems.with(|all| all.iter().find(|p| p.field == spec.name).map(|p| crate::i18n::fields::issue(&p.issue))))
                            on_input=move |value| sheet.input(spec.name, value)
                            on_commit=move |value| sheet.commit(spec.name, value)
                            options=options/>
                        <ConflictChoices choices=Signal::derive(move || choices(&sheet.record.get(), spec.name, sheet.local_db.device_id()))
                            on_choose=move |value| sheet.commit(spec.name, value) names=options/>
                    }
                }).collect_view()}
                </fieldset>
            </section>
        }
    };
    let sync = expect_context::<Sync>();
    let scope = StoredValue::new(sheet.scope());
    let notice = move || {
        let scope = scope.get_value();
        if scope.starts_with("collab:") {
            t!("read-only-collab")
        } else if sync.removed_from(&scope) {
            t!("read-only-removed")
        } else if sync.is_other_team(&scope) && sync.standing(&scope).reads {
            t!("read-only-other-team")
        } else if sync.is_other_team(&scope) {
            t!("read-only-sharing-ended")
        } else {
            t!("read-only-team")
        }
    };
    view! {
        <Show when=move || sheet.read_only.get()>
            <p class="notice" data-testid="read-only">{notice}</p>
        </Show>
        <form class="sheet" on:submit=|ev| ev.prevent_default()>
            {sections.into_iter().map(section).collect_view()}
        </form>
    }
}

/// The box shown when the record was deleted on one device while changed on another.
#[component]
pub fn DeletionConflict(
    /// The worksheet.
    sheet: Sheet,
) -> impl IntoView {
    let kind = sheet.kind.as_str();
    let disputed = move || sheet.record.with(|r| r.as_ref().is_some_and(|r| r.deleted_while_edited()));
    view! {
        <Show when=disputed>
            <div class="conflict" role="alert" data-testid="deletion-conflict">
                <p class="conflict-title">{t!("deleted-while-changed", kind = kind)}</p>
                <button type="button" on:click=move |_| {
                    leptos::task::spawn_local(async move { sheet.write_deleted(Some(Value::Bool(false))).await; });
                }>{t!("keep-it", kind = kind)}</button>
                <button type="button" on:click=move |_| {
                    leptos::task::spawn_local(async move { sheet.write_deleted(None).await; });
                }>{t!("delete-it")}</button>
            </div>
        </Show>
    }
}

/// "Delete this …", after asking; goes to `back` once the deletion is saved.
#[component]
pub fn DeleteButton(
    /// The worksheet.
    sheet: Sheet,
    /// Where to go afterwards.
    back: String,
) -> impl IntoView {
    let navigate = leptos_router::hooks::use_navigate();
    let ask = move |_| {
        let sure = web_sys::window()
            .and_then(|w| w.confirm_with_message(&t!("delete-this-ask", kind = sheet.kind.as_str())).ok())
            .unwrap_or(false);
        if sure {
            let (navigate, back) = (navigate.clone(), back.clone());
            leptos::task::spawn_local(async move {
                if sheet.write_deleted(None).await {
                    navigate(&back, Default::default());
                }
            });
        }
    };
    view! {
        <Show when=move || !sheet.read_only.get() && sheet.record.with(Option::is_some)>
            <button type="button" class="link-button no-print" data-testid=format!("delete-{}", sheet.kind.as_str().replace('_', "-"))
                on:click=ask.clone()>{t!("delete-this", kind = sheet.kind.as_str())}</button>
        </Show>
    }
}

/// The concurrent values of a field, latest first, each with who wrote it and whether on this
/// device.
fn choices(record: &Option<Record>, field: &str, this_device: Option<ramp_core::Uuid7>) -> Vec<Choice> {
    let Some(state) = record.as_ref().and_then(|r| r.fields.get(field)) else { return Vec::new() };
    let mut siblings: Vec<_> = state.siblings().iter().collect();
    ramp_core::order::sort_by(&mut siblings, |a, b| b.hlc.cmp(&a.hlc));
    siblings
        .into_iter()
        .map(|s| Choice {
            value: s.value.clone(),
            author: s.author.clone().unwrap_or_else(|| t!("someone")),
            here: this_device.as_ref() == Some(&s.dot.device),
            at: s.hlc.wall_ms,
        })
        .collect()
}
