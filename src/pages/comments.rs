//! Comments on a cycle, the aim, a measure or a report: the thread under the worksheet, the
//! form to add one (offline like any edit), and which comments this device has not shown yet.
//!
//! Owns the "seen" list (comment ids shown on this device, kept in localStorage with the other
//! small things) and the unread counts drawn from it. Comments are written once and never
//! edited (the server refuses a second write). Never writes IndexedDB itself.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::components::A;
use ramp_core::{identity, report, team_scope, Edit, Kind, Record, RecordId, Replica, Value};

use gloo_storage::Storage;

use crate::components::{day_and_time, UnsentMark};
use crate::store::{new_id, LocalDb};
use crate::sync::Sync;
use crate::t;

const SEEN_KEY: &str = "ramp.seen-comments";

/// The comments shown on this device (reactive), provided as context by the app.
#[derive(Clone, Copy)]
pub struct Seen(RwSignal<BTreeSet<String>>);

impl Seen {
    /// The list as kept on this device.
    pub fn load() -> Seen {
        let stored = gloo_storage::LocalStorage::get(SEEN_KEY).unwrap_or_default();
        Seen(RwSignal::new(stored))
    }

    /// Marks comments shown, and keeps the list.
    pub fn mark(&self, ids: impl IntoIterator<Item = String>) {
        let ids: Vec<String> = ids.into_iter().collect();
        if ids.iter().all(|id| self.0.with_untracked(|seen| seen.contains(id))) {
            return;
        }
        self.0.update(|seen| seen.extend(ids));
        let _ = self.0.with_untracked(|seen| gloo_storage::LocalStorage::set(SEEN_KEY, seen));
    }
}

/// The comments in a team not yet shown on this device and written by someone else, as
/// (comment, where it sits: link and label), oldest first (reactive).
pub fn unread_in(team: RecordId) -> Memo<Vec<(Record, String, String)>> {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let seen = expect_context::<Seen>();
    let team = StoredValue::new(team);
    Memo::new(move |_| {
        let me = sync.session().map(|s| s.user.name).unwrap_or_default();
        seen.0.with(|seen| local_db.with(|r| unread(r, &team.get_value(), seen, &me)))
    })
}

fn unread(replica: &Replica, team: &RecordId, seen: &BTreeSet<String>, me: &str) -> Vec<(Record, String, String)> {
    let scope = team_scope(team);
    let mut found: Vec<(Record, String, String)> = report::unread(replica.local().values(), &scope, seen)
        .into_iter()
        .filter(|(_, c)| report::author(c).map(ramp_core::identity::name_of) != Some(me))
        .map(|(target, c)| {
            let (href, label) = target_link(replica, team, &target);
            (c.clone(), href, label)
        })
        .collect();
    ramp_core::order::sort_by_key(&mut found, |(c, _, _)| report::written_at(c));
    found
}

/// Where a comment's target is, and what to call it.
fn target_link(replica: &Replica, team: &RecordId, target: &str) -> (String, String) {
    let base = format!("/teams/{team}");
    let record = ramp_core::Uuid7::parse(target).ok().and_then(|id| replica.record(&id));
    match record {
        Some(r) if r.kind == Kind::Cycle => {
            (format!("{base}/cycles/{}", r.id), t!("on-cycle", title = r.text("title")))
        }
        Some(r) if r.kind == Kind::Measure => {
            (format!("{base}/measures/{}", r.id), t!("on-measure", name = r.text("name")))
        }
        Some(r) if r.kind == Kind::Aim => (format!("{base}/aim"), t!("on-aim")),
        Some(r) if r.kind == Kind::Report => {
            let month = report::month(r).map(crate::i18n::period).unwrap_or_default();
            (format!("{base}/reports/{}", r.text("month")), t!("on-report", month = month))
        }
        _ => (base, t!("on-team")),
    }
}

/// The thread of comments on one record, and the form to add one.
#[component]
pub fn CommentThread(
    /// The team.
    team: RecordId,
    /// The record commented on.
    target: RecordId,
) -> impl IntoView {
    let local_db = expect_context::<LocalDb>();
    let sync = expect_context::<Sync>();
    let seen = expect_context::<Seen>();
    let scope = team_scope(&team);
    let target_id = StoredValue::new(target);
    let comments = Memo::new(move |_| {
        local_db.with(|r| {
            report::comments_on(r.local().values(), &target_id.get_value())
                .into_iter()
                .map(|c| {
                    let author = report::author(c).map_or_else(|| t!("someone"), crate::i18n::author);
                    (c.id.to_string(), author, report::written_at(c), c.text("text").to_owned(), r.unsent(&c.id))
                })
                .collect::<Vec<_>>()
        })
    });
    // Showing a thread marks its comments read on this device.
    Effect::new(move |_| seen.mark(comments.get().into_iter().map(|c| c.0)));
    // A link to one comment ("…/cycles/x#comment-y", from the unread list) lands on it once the
    // thread is drawn: the router does not scroll to an element drawn after navigation.
    let landed = StoredValue::new(false);
    Effect::new(move |_| {
        let count = comments.with(Vec::len);
        if count == 0 || landed.get_value() {
            return;
        }
        let Some(window) = web_sys::window() else { return };
        let hash = window.location().hash().unwrap_or_default();
        let Some(wanted) = hash.strip_prefix('#').filter(|h| h.starts_with("comment")) else { return };
        landed.set_value(true);
        let wanted = wanted.to_owned();
        request_animation_frame(move || {
            if let Some(comment) = crate::components::focus(&format!("#{wanted}")) {
                comment.scroll_into_view();
            }
        });
    });
    let may_comment = {
        let scope = scope.clone();
        move || sync.may_write(Kind::Comment, "text", &scope)
    };
    let draft = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        if text.trim().is_empty() {
            problem.set(Some(t!("write-comment-first")));
            crate::components::focus_field("new", "comment");
            return;
        }
        if let Err(issue) = ramp_core::schema::check_field(Kind::Comment, "text", &Value::Text(text.clone())) {
            problem.set(Some(crate::i18n::fields::issue(&issue)));
            crate::components::focus_field("new", "comment");
            return;
        }
        problem.set(None);
        let id = new_id();
        let edit = |field: &str, value: String| Edit {
            record: id.clone(),
            kind: Kind::Comment,
            scope: scope.clone(),
            field: field.to_owned(),
            value: Value::Text(value),
        };
        let edits = vec![edit("target", target_id.get_value().to_string()), edit("text", text.trim().to_owned())];
        seen.mark([id.to_string()]);
        leptos::task::spawn_local(async move {
            // On failure the text stays in the box, still to save.
            if local_db.save(edits).await.is_ok() {
                draft.set(String::new());
            }
        });
    };
    view! {
        <section class="comments" id="comments" data-testid="comments" tabindex="-1">
            <h2>{t!("comments")}</h2>
            <Show when=move || comments.with(Vec::is_empty)>
                <p class="empty">{t!("no-comments-yet")}</p>
            </Show>
            <ul class="comment-list">
                <For each=move || comments.get() key=|c| (c.0.clone(), c.1.clone(), c.4) let:c>
                    <li class="comment" data-testid="comment" id=format!("comment-{}", c.0) tabindex="-1">
                        <p class="comment-meta">
                            <strong>{identity::name_of(&c.1).to_owned()}</strong>
                            {identity::role_of(&c.1).map(|role| view! { <span class="role" data-testid="comment-role">{crate::i18n::role(role)}</span> })}
                            " · "{day_and_time(c.2)}
                            <UnsentMark unsent=c.4/>
                        </p>
                        <p class="comment-text">{c.3}</p>
                    </li>
                </For>
            </ul>
            <Show when=may_comment.clone()>
                <form class="comment-form no-print" on:submit=add.clone()>
                    <label for="new-comment">{t!("add-a-comment")}</label>
                    <textarea id="new-comment" rows="3" prop:value=move || draft.get()
                        aria-describedby="new-comment-problem"
                        on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                    <p class="problem" id="new-comment-problem" role="alert">{move || problem.get()}</p>
                    <button type="submit" class="primary" data-testid="add-comment">{t!("add-comment")}</button>
                </form>
            </Show>
        </section>
    }
}

/// "2 unread comments" for a team, linking to the first; nothing when all are read.
#[component]
pub fn UnreadComments(
    /// The team.
    team: RecordId,
) -> impl IntoView {
    let unread = unread_in(team);
    move || {
        let list = unread.get();
        (!list.is_empty()).then(|| {
            let count = list.len();
            view! {
                <div class="unread no-print" data-testid="unread-comments">
                    <p class="unread-title">{t!("unread-comments", count = count)}</p>
                    <ul>
                        {list.into_iter().map(|(c, href, label)| view! {
                            <li><A href=format!("{href}#comment-{}", c.id)>{t!("comment-on", who = report::author(&c).map_or_else(|| t!("someone"), crate::i18n::author), what = label, text = c.text("text"))}</A></li>
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
