//! The device's data: the only module that talks to IndexedDB.
//!
//! Holds the [`Replica`] (synced records + outbox → local view) as reactive state, and saves
//! every edit as its ops, the records they touched and the device clock in one IndexedDB
//! transaction before it reports "saved". It stores `ramp-core`'s wire shapes (JSON) and never
//! sees UI types. Start reading at [`LocalDb::open`] and [`LocalDb::save`].

pub mod idb;

use std::collections::{BTreeMap, BTreeSet};

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use ramp_core::wire::{PullResponse, PushResponse, Refusal};
use ramp_core::{DeviceClock, DeviceId, Dot, Edit, Op, Record, RecordId, Replica, Uuid7};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbTransaction, IdbTransactionMode};

use crate::error::ClientError;

/// How long a save may take before the status chip says "Saving…".
const SHOW_SAVING_AFTER: std::time::Duration = std::time::Duration::from_millis(150);

/// The IndexedDB database name.
pub const DB_NAME: &str = "ramp";
/// The schema version: bump it (and handle the upgrade in `idb::open`) when stores change.
pub const DB_VERSION: u32 = 1;

/// Where the device data stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Being read from IndexedDB.
    Loading,
    /// Ready to read and edit.
    Ready,
    /// Could not be opened.
    Failed(ClientError),
}

/// What happened to the person's latest change.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing changed since the app opened.
    Idle,
    /// Being written to the device.
    Saving,
    /// Written to the device.
    Saved,
    /// Not written; the words say why (storage failed, or the value needs fixing first).
    NotSaved(String),
}

/// Where this device stands with the server: cursors per scope, and the highest counter of
/// its own whose fate (applied or refused) it knows. Kept in `meta` under "sync".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncMeta {
    /// Scope → last sequence number received.
    pub cursors: BTreeMap<String, u64>,
    /// The highest own counter acknowledged.
    pub known_high: u64,
    /// The server store's identity as last seen (empty before the first pull): a different
    /// one means the server was restored from a backup.
    #[serde(default)]
    pub store: String,
}

/// An op the server refused, kept for the person to see (and copy or drop).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RefusedOp {
    /// The op, with the value the person wrote.
    pub op: Op,
    /// The server's reason, in its words.
    pub reason: String,
    /// The server's reason as a code, worded in the reader's language (none from servers, or
    /// refusals, from before reasons).
    #[serde(default)]
    pub code: Option<ramp_core::wire::Reason>,
}

/// The handle pages use: reactive device data and the save action. `Copy`, provided as context.
#[derive(Clone, Copy)]
pub struct LocalDb {
    name: StoredValue<String>,
    replica: RwSignal<Replica>,
    phase: RwSignal<Phase>,
    save_state: RwSignal<SaveState>,
    clock: StoredValue<Option<DeviceClock>>,
    db: StoredValue<Option<IdbDatabase>, LocalStorage>,
    saves_in_flight: StoredValue<u32>,
    asked_to_persist: StoredValue<bool>,
    author: StoredValue<Option<String>>,
    sync_meta: StoredValue<SyncMeta>,
    refused: RwSignal<Vec<RefusedOp>>,
}

impl LocalDb {
    /// Opens the device database and starts loading it; [`LocalDb::phase`] says when it is ready.
    pub fn open() -> LocalDb {
        let local_db = LocalDb::new(DB_NAME);
        wasm_bindgen_futures::spawn_local(async move {
            let phase = match local_db.load().await {
                Ok(()) => Phase::Ready,
                Err(error) => Phase::Failed(error),
            };
            local_db.phase.set(phase);
        });
        local_db
    }

    /// A handle on the IndexedDB database `name`, not yet loaded (tests use their own names).
    pub fn new(name: &str) -> LocalDb {
        LocalDb {
            name: StoredValue::new(name.to_owned()),
            replica: RwSignal::new(Replica::default()),
            phase: RwSignal::new(Phase::Loading),
            save_state: RwSignal::new(SaveState::Idle),
            clock: StoredValue::new(None),
            db: StoredValue::new_local(None),
            saves_in_flight: StoredValue::new(0),
            asked_to_persist: StoredValue::new(false),
            author: StoredValue::new(None),
            sync_meta: StoredValue::new(SyncMeta::default()),
            refused: RwSignal::new(Vec::new()),
        }
    }

    /// Sets who new edits are written by (the signed-in person's name).
    pub fn set_author(&self, author: Option<String>) {
        self.author.set_value(author);
    }

    /// The ops the server refused (reactive).
    pub fn refused(&self) -> Vec<RefusedOp> {
        self.refused.get()
    }

    /// The sync position: cursors and known high.
    pub fn sync_meta(&self) -> SyncMeta {
        self.sync_meta.get_value()
    }

    /// The device and the first `max` pending ops, if any are pending.
    pub fn outbox_batch(&self, max: usize) -> Option<(DeviceId, Vec<Op>)> {
        let device = self.device_id()?;
        let ops: Vec<Op> = self.replica.with_untracked(|r| {
            let outbox = r.outbox();
            outbox[..ramp_core::wire::batch_len(outbox, max)].to_vec()
        });
        (!ops.is_empty()).then_some((device, ops))
    }

    /// Takes in a push's answer: applied ops fold into the synced state, refused ones are kept
    /// aside; the outbox, records and sync position are written in one transaction.
    pub async fn apply_ack(&self, ack: PushResponse) -> Result<(), ClientError> {
        let refused_dots: Vec<Dot> = ack.refused.iter().map(|r| r.dot.clone()).collect();
        let mut ids = BTreeSet::new();
        let mut dropped = Vec::new();
        self.replica.update_untracked(|replica| {
            ids = replica.outbox().iter().filter(|op| op.dot.counter <= ack.high).map(|op| op.record.clone()).collect();
            dropped = replica.acked(ack.high, &refused_dots);
        });
        let mut meta = self.sync_meta.get_value();
        meta.known_high = meta.known_high.max(ack.high);
        self.persist_sync(ids, ack.high, meta, dropped, &ack.refused, Vec::new()).await?;
        // Written first, then shown: the redraw does not hold up the commit.
        self.show();
        Ok(())
    }

    /// Takes in one pull page: acked ops fold first, then the page's fields overwrite the
    /// synced state; everything touched is written in one transaction.
    ///
    /// `show`: redraw once it is stored. A pull of many pages shows its pages now and then
    /// (see `Sync::pull_pages`), not each: drawing the screen again for every page of a first
    /// pull was most of its time. [`LocalDb::show`] draws what was stored unshown.
    pub async fn apply_pull(&self, mut page: PullResponse, show: bool) -> Result<(), ClientError> {
        let refused_dots: Vec<Dot> = page.refused.iter().map(|r| r.dot.clone()).collect();
        let mut ids = BTreeSet::new();
        let mut dropped = Vec::new();
        let high = page.high;
        let fields = std::mem::take(&mut page.fields);
        self.replica.update_untracked(|replica| {
            dropped = replica
                .outbox()
                .iter()
                .filter(|op| op.dot.counter <= high && refused_dots.contains(&op.dot))
                .cloned()
                .collect();
            ids = replica.pulled(high, &refused_dots, fields);
        });
        let mut meta = self.sync_meta.get_value();
        meta.cursors.extend(page.cursors);
        meta.known_high = meta.known_high.max(high);
        if meta.store.is_empty() {
            meta.store = page.store;
        }
        self.persist_sync(ids, high, meta, dropped, &page.refused, Vec::new()).await?;
        if show {
            self.show();
        }
        Ok(())
    }

    /// Redraws what the device holds: after a write has committed, or after pull pages stored
    /// without showing them.
    pub fn show(&self) {
        self.replica.notify();
    }

    /// Takes in the server's whole state after it was restored from a backup (`pages`: a pull
    /// from empty cursors), then queues again this device's own values the restored server
    /// lacks (`Replica::resend_lost`). Everything, with the new store id and cursors, is
    /// written in one transaction: a tab closed half-way leaves the device as it was, and the
    /// next sync starts over. Returns how many values were queued again.
    pub async fn rebase_on_restored_server(
        &self,
        pages: Vec<PullResponse>,
        store: String,
    ) -> Result<usize, ClientError> {
        let Some(mut clock) = self.clock.get_value() else { return Err(ClientError::StorageUnavailable) };
        let author = self.author.get_value();
        let mut meta = SyncMeta { cursors: BTreeMap::new(), known_high: self.sync_meta.get_value().known_high, store };
        let mut high = 0;
        let mut fields = Vec::new();
        for page in pages {
            high = page.high;
            meta.cursors.extend(page.cursors);
            fields.extend(page.fields);
        }
        let mut ids = BTreeSet::new();
        let mut resent = Vec::new();
        self.replica.update_untracked(|replica| {
            (ids, resent) = replica.rebase(high, fields, &mut clock, now_ms(), author.as_deref());
        });
        let mut extra: Vec<Put> = resent.iter().map(outbox_put).collect();
        extra.push(Put { store: "meta", value: entry(None, &clock), key: Some("device") });
        self.persist_sync(ids, high, meta, Vec::new(), &[], extra).await?;
        self.show();
        self.clock.set_value(Some(clock));
        Ok(resent.len())
    }

    async fn persist_sync(
        &self,
        ids: BTreeSet<RecordId>,
        high: u64,
        meta: SyncMeta,
        dropped: Vec<Op>,
        refusals: &[Refusal],
        extra: Vec<Put>,
    ) -> Result<(), ClientError> {
        let db = self.db.with_value(Clone::clone).ok_or(ClientError::StorageUnavailable)?;
        let mut refused = self.refused.get_untracked();
        for op in dropped {
            let refusal = refusals.iter().find(|r| r.dot == op.dot);
            let reason = refusal.map(|r| r.reason.clone()).unwrap_or_default();
            refused.push(RefusedOp { op, reason, code: refusal.and_then(|r| r.code.clone()) });
        }
        let (puts, deletes) = self.replica.with_untracked(|replica| {
            let mut puts = Vec::new();
            let mut deletes = Vec::new();
            // `records` keeps the local view only of records with changes still to send (or
            // kept in `extra`'s new ops); the others' view is their synced copy.
            let pending: BTreeSet<&RecordId> = replica.outbox().iter().map(|op| &op.record).collect();
            for id in &ids {
                let key = JsValue::from_str(id.as_str());
                match replica.record(id).filter(|_| pending.contains(id)) {
                    Some(record) => {
                        puts.push(Put { store: "records", value: entry(Some(("id", key.clone())), record), key: None })
                    }
                    None => deletes.push(("records", key.clone())),
                }
                match replica.synced().get(id) {
                    Some(record) => {
                        puts.push(Put { store: "synced", value: entry(Some(("id", key)), record), key: None })
                    }
                    None => deletes.push(("synced", key)),
                }
            }
            (puts, deletes)
        });
        let mut puts = puts;
        puts.push(Put { store: "meta", value: entry(None, &meta), key: Some("sync") });
        puts.push(Put { store: "meta", value: entry(None, &refused), key: Some("refused") });
        puts.extend(extra);
        let outbox_upto =
            web_sys::IdbKeyRange::upper_bound(&JsValue::from_f64(high as f64)).map_err(ClientError::from_js)?;
        let mut all_deletes: Vec<(&'static str, JsValue)> = deletes;
        if high > 0 {
            all_deletes.push(("outbox", outbox_upto.into()));
        }
        match write_all_and_delete(&db, &puts, &all_deletes).await {
            Ok(()) => {
                self.sync_meta.set_value(meta);
                self.refused.set(refused);
                Ok(())
            }
            Err(error) => {
                if let Err(reload) = self.load().await {
                    self.phase.set(Phase::Failed(reload));
                }
                Err(error)
            }
        }
    }

    /// Moves a team made on this device (never sent) into a team from the server: its cycles
    /// and other records join that team, the local team record goes. Written in one
    /// transaction (the outbox is rewritten with the same dots).
    pub async fn move_local_team(&self, local: &RecordId, into: &RecordId) -> Result<bool, ClientError> {
        let (from, to) = (ramp_core::team_scope(local), ramp_core::team_scope(into));
        self.rewrite_outbox(|replica| replica.move_scope(&from, &to, local), Vec::new()).await
    }

    /// Takes a new device id because the server found the old one shared with another device:
    /// the pending ops are re-stamped with it (nothing dropped), in one transaction with the
    /// new clock.
    pub async fn renew_device(&self) -> Result<(), ClientError> {
        let mut clock = DeviceClock { device: Uuid7::from_parts(now_ms(), random_bytes()), counter: 0, last_hlc: None };
        let mut replica = self.replica.get_untracked();
        replica.restamp(&mut clock);
        let mut meta = self.sync_meta.get_value();
        meta.known_high = 0;
        let extra = vec![
            Put { store: "meta", value: entry(None, &clock), key: Some("device") },
            Put { store: "meta", value: entry(None, &meta), key: Some("sync") },
        ];
        self.rewrite_outbox(
            move |current| {
                *current = replica;
                true
            },
            extra,
        )
        .await?;
        self.clock.set_value(Some(clock));
        self.sync_meta.set_value(meta);
        Ok(())
    }

    /// Removes a team made on this device (never sent), with all its records.
    pub async fn forget_local_team(&self, local: &RecordId) -> Result<bool, ClientError> {
        let scope = ramp_core::team_scope(local);
        self.rewrite_outbox(|replica| replica.forget_scope(&scope), Vec::new()).await
    }

    async fn rewrite_outbox(
        &self,
        change: impl FnOnce(&mut Replica) -> bool,
        extra: Vec<Put>,
    ) -> Result<bool, ClientError> {
        let db = self.db.with_value(Clone::clone).ok_or(ClientError::StorageUnavailable)?;
        let before: BTreeSet<RecordId> = self.replica.with_untracked(|r| r.local().keys().cloned().collect());
        let mut changed = false;
        self.replica.update(|replica| changed = change(replica));
        if !changed {
            return Ok(false);
        }
        let (puts, deletes) = self.replica.with_untracked(|replica| {
            let mut puts: Vec<Put> = replica.outbox().iter().map(outbox_put).collect();
            let mut deletes = Vec::new();
            for id in before.iter().chain(replica.local().keys()) {
                let key = JsValue::from_str(id.as_str());
                match replica.record(id) {
                    Some(record) => {
                        puts.push(Put { store: "records", value: entry(Some(("id", key)), record), key: None })
                    }
                    None => deletes.push(("records", key)),
                }
            }
            (puts, deletes)
        });
        let mut puts = puts;
        puts.extend(extra);
        let tx = idb::transaction(&db, &["outbox", "records", "meta"], IdbTransactionMode::Readwrite)?;
        let queued = tx
            .object_store("outbox")
            .and_then(|store| store.clear())
            .map(drop)
            .map_err(ClientError::from_js)
            .and_then(|()| puts.iter().try_for_each(|put| idb::put(&tx, put.store, &put.value, put.key)))
            .and_then(|()| deletes.iter().try_for_each(|(store, key)| idb::delete(&tx, store, key)));
        let result = match queued {
            Ok(()) => idb::committed(&tx).await,
            Err(error) => {
                let _ = tx.abort();
                Err(error)
            }
        };
        if let Err(error) = result {
            let _ = self.load().await;
            return Err(error);
        }
        Ok(true)
    }

    /// Forgets the person's refused ops (after they have copied what they need).
    pub async fn drop_refused(&self) -> Result<(), ClientError> {
        let db = self.db.with_value(Clone::clone).ok_or(ClientError::StorageUnavailable)?;
        write_all(&db, &[Put { store: "meta", value: entry(None, &Vec::<RefusedOp>::new()), key: Some("refused") }])
            .await?;
        self.refused.set(Vec::new());
        Ok(())
    }

    /// Removes all team data from the device (signing out); the device id and counter stay.
    pub async fn clear(&self) -> Result<(), ClientError> {
        let db = self.db.with_value(Clone::clone).ok_or(ClientError::StorageUnavailable)?;
        let tx = idb::transaction(&db, &["records", "synced", "outbox", "meta"], IdbTransactionMode::Readwrite)?;
        for store in ["records", "synced", "outbox"] {
            tx.object_store(store).map_err(ClientError::from_js)?.clear().map_err(ClientError::from_js)?;
        }
        for key in ["sync", "refused"] {
            idb::delete(&tx, "meta", &JsValue::from_str(key))?;
        }
        idb::committed(&tx).await?;
        self.load().await
    }

    /// Whether the data is loaded (reactive).
    pub fn phase(&self) -> Phase {
        self.phase.get()
    }

    /// Whether the data is loaded, without subscribing.
    pub fn phase_untracked(&self) -> Phase {
        self.phase.get_untracked()
    }

    /// Reads the device data (reactive).
    pub fn with<R>(&self, read: impl FnOnce(&Replica) -> R) -> R {
        self.replica.with(read)
    }

    /// Reads the device data without subscribing to it.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&Replica) -> R) -> R {
        self.replica.with_untracked(read)
    }

    /// The state of the latest change (reactive).
    pub fn save_state(&self) -> SaveState {
        self.save_state.get()
    }

    /// Reports that a change is typed and waits to be written (a moment after typing stops,
    /// or at once when the page is hidden): the status says "Saving…", not "Saved", until it is.
    pub fn typing(&self) {
        if self.save_state.with_untracked(|s| *s != SaveState::Saving) {
            self.save_state.set(SaveState::Saving);
        }
    }

    /// Reports that what was typed needed no write (it is what is stored already).
    pub fn nothing_to_save(&self) {
        if self.saves_in_flight.get_value() == 0 && self.save_state.with_untracked(|s| *s == SaveState::Saving) {
            self.save_state.set(SaveState::Saved);
        }
    }

    /// Reports that a change was held back because it needs fixing first.
    pub fn hold(&self, reason: String) {
        self.save_state.set(SaveState::NotSaved(reason));
    }

    /// The open database, once loaded (for tests that look underneath).
    pub fn database(&self) -> Option<IdbDatabase> {
        self.db.with_value(Clone::clone)
    }

    /// This device's id, once loaded.
    pub fn device_id(&self) -> Option<Uuid7> {
        self.clock.with_value(|clock| clock.as_ref().map(|c| c.device.clone()))
    }

    /// Applies edits locally and writes them to IndexedDB (ops, touched records and the device
    /// clock in one transaction). Resolves once the transaction has committed. On failure the
    /// in-memory state is reloaded from IndexedDB, so what is shown is what is stored.
    pub async fn save(&self, edits: Vec<Edit>) -> Result<(), ClientError> {
        let Some(mut clock) = self.clock.get_value() else { return Err(ClientError::StorageUnavailable) };
        let db = self.db.with_value(Clone::clone).ok_or(ClientError::StorageUnavailable)?;
        crate::perf::mark("ramp-save-start");
        let mut ops = Vec::new();
        let author = self.author.get_value();
        self.replica.update_untracked(|replica| ops = replica.edit(&mut clock, edits, now_ms(), author.as_deref()));
        if ops.is_empty() {
            return Ok(());
        }
        self.clock.set_value(Some(clock.clone()));
        let records: Vec<Record> = self.replica.with_untracked(|replica| {
            let mut ids: Vec<_> = ops.iter().map(|op| op.record.clone()).collect();
            ramp_core::order::sort(&mut ids);
            ids.dedup();
            ids.iter().filter_map(|id| replica.record(id).cloned()).collect()
        });
        self.saves_in_flight.update_value(|n| *n += 1);
        // The write goes first: the transaction is queued and committed before anything on
        // screen is redrawn, so the redraw neither delays the commit nor shows an unstored
        // change (the edited field already shows what was typed).
        let queued = queue_edit(&db, &ops, &records, &clock);
        // "Saving…" only for a save a person could notice; a save takes a few milliseconds, and
        // the chip flickering at every pause in typing would be noise (and a redraw).
        let (state, in_flight) = (self.save_state, self.saves_in_flight);
        let show_saving = set_timeout_with_handle(
            move || {
                if in_flight.get_value() > 0 {
                    state.set(SaveState::Saving);
                }
            },
            SHOW_SAVING_AFTER,
        )
        .ok();
        let result = match queued {
            Ok(tx) => idb::committed(&tx).await,
            Err(error) => Err(error),
        };
        if let Some(handle) = show_saving {
            handle.clear();
        }
        crate::perf::measure_since("ramp-save", "ramp-save-start");
        if result.is_ok() {
            self.show();
        }
        self.saves_in_flight.update_value(|n| *n -= 1);
        if result.is_ok() && !self.asked_to_persist.get_value() {
            // Once there is something worth keeping, ask the browser not to evict it.
            self.asked_to_persist.set_value(true);
            wasm_bindgen_futures::spawn_local(async {
                let _ = request_persistence().await;
            });
        }
        match &result {
            Ok(()) if self.saves_in_flight.get_value() == 0 => {
                if self.save_state.with_untracked(|s| *s != SaveState::Saved) {
                    self.save_state.set(SaveState::Saved);
                }
            }
            Ok(()) => {}
            Err(error) => {
                self.save_state.set(SaveState::NotSaved(error.to_string()));
                if let Err(reload) = self.load().await {
                    self.phase.set(Phase::Failed(reload));
                }
            }
        }
        result
    }

    /// (Re)reads everything from IndexedDB into memory; makes the device id on first use.
    pub async fn load(&self) -> Result<(), ClientError> {
        let db = match self.db.with_value(Clone::clone) {
            Some(db) => db,
            None => {
                let db = idb::open(&self.name.get_value(), DB_VERSION).await?;
                self.db.set_value(Some(db.clone()));
                db
            }
        };
        let tx = idb::transaction(&db, &["synced", "outbox", "meta"], IdbTransactionMode::Readonly)?;
        let synced = idb::get_all(&tx, "synced")?;
        let outbox = idb::get_all(&tx, "outbox")?;
        let clock = idb::get(&tx, "meta", "device")?;
        let sync_meta = idb::get(&tx, "meta", "sync")?;
        let refused = idb::get(&tx, "meta", "refused")?;
        let (synced, outbox, clock) = (synced.await?, outbox.await?, clock.await?);
        let (sync_meta, refused) = (sync_meta.await?, refused.await?);
        self.sync_meta.set_value(sync_meta.as_ref().and_then(from_entry).unwrap_or_default());
        self.refused.set(refused.as_ref().and_then(from_entry).unwrap_or_default());
        let synced: Vec<Record> = synced.iter().filter_map(|entry| from_entry(&entry)).collect();
        let outbox: Vec<Op> = outbox.iter().filter_map(|entry| from_entry(&entry)).collect();
        let clock = match clock.as_ref().and_then(from_entry::<DeviceClock>) {
            Some(clock) => clock,
            None => {
                let clock =
                    DeviceClock { device: Uuid7::from_parts(now_ms(), random_bytes()), counter: 0, last_hlc: None };
                write_all(&db, &[Put { store: "meta", value: entry(None, &clock), key: Some("device") }]).await?;
                clock
            }
        };
        self.clock.set_value(Some(clock));
        self.replica.set(Replica::new(synced, outbox));
        Ok(())
    }
}

/// Queues an edit's ops, the records they touched and the device clock in one transaction.
fn queue_edit(
    db: &IdbDatabase,
    ops: &[Op],
    records: &[Record],
    clock: &DeviceClock,
) -> Result<IdbTransaction, ClientError> {
    let mut puts = Vec::new();
    for record in records {
        let value = entry(Some(("id", JsValue::from_str(record.id.as_str()))), record);
        puts.push(Put { store: "records", value, key: None });
    }
    puts.extend(ops.iter().map(outbox_put));
    puts.push(Put { store: "meta", value: entry(None, clock), key: Some("device") });
    queue_all_and_delete(db, &puts, &[])
}

/// An op's outbox entry, keyed by its counter.
fn outbox_put(op: &Op) -> Put {
    Put { store: "outbox", value: entry(Some(("counter", JsValue::from_f64(op.dot.counter as f64))), op), key: None }
}

/// One value to write: into `store`, under `key` when the store has no key path.
pub struct Put {
    /// The object store.
    pub store: &'static str,
    /// The entry.
    pub value: JsValue,
    /// The key, for stores without a key path.
    pub key: Option<&'static str>,
}

/// Writes all the puts in one transaction: all of them land, or none does. A put refused at
/// once aborts the transaction, so nothing queued before it is committed either.
pub async fn write_all(db: &IdbDatabase, puts: &[Put]) -> Result<(), ClientError> {
    write_all_and_delete(db, puts, &[]).await
}

/// [`write_all`], plus deletes (store, key or key range) in the same transaction.
async fn write_all_and_delete(
    db: &IdbDatabase,
    puts: &[Put],
    deletes: &[(&'static str, JsValue)],
) -> Result<(), ClientError> {
    let tx = queue_all_and_delete(db, puts, deletes)?;
    idb::committed(&tx).await
}

/// Opens one transaction and queues the puts and deletes in it (a request refused at once
/// aborts it); the caller awaits `idb::committed`.
fn queue_all_and_delete(
    db: &IdbDatabase,
    puts: &[Put],
    deletes: &[(&'static str, JsValue)],
) -> Result<IdbTransaction, ClientError> {
    let mut stores: Vec<&str> = puts.iter().map(|p| p.store).chain(deletes.iter().map(|(store, _)| *store)).collect();
    ramp_core::order::sort(&mut stores);
    stores.dedup();
    let tx = idb::transaction(db, &stores, IdbTransactionMode::Readwrite)?;
    let queued = puts
        .iter()
        .try_for_each(|put| idb::put(&tx, put.store, &put.value, put.key))
        .and_then(|()| deletes.iter().try_for_each(|(store, key)| idb::delete(&tx, store, key)));
    if let Err(error) = queued {
        let _ = tx.abort();
        return Err(error);
    }
    // Nothing more goes in: commit now rather than once the page has handled every put's
    // success event (a busy page delayed its own commits). Where `commit` is missing, the
    // transaction commits by itself as before.
    #[allow(deprecated)]
    let _ = tx.commit();
    Ok(tx)
}

/// A stored entry: `{ json: "<wire JSON>" }`, plus the store's key field when it has one.
fn entry<T: serde::Serialize>(key: Option<(&str, JsValue)>, value: &T) -> JsValue {
    let object = Object::new();
    if let Some((name, key)) = key {
        let _ = Reflect::set(&object, &JsValue::from_str(name), &key);
    }
    let json = serde_json::to_string(value).expect("wire types always serialize");
    let _ = Reflect::set(&object, &JsValue::from_str("json"), &JsValue::from_str(&json));
    object.into()
}

/// Reads an entry back; logs and skips what cannot be read.
fn from_entry<T: serde::de::DeserializeOwned>(entry: &JsValue) -> Option<T> {
    let json = Reflect::get(entry, &JsValue::from_str("json")).ok()?.as_string()?;
    match serde_json::from_str(&json) {
        Ok(value) => Some(value),
        Err(error) => {
            web_sys::console::warn_1(&JsValue::from_str(&format!("Ramp: skipped an unreadable stored entry: {error}")));
            None
        }
    }
}

/// Milliseconds since the Unix epoch, by the device's clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Ten random bytes from the browser's cryptographic generator.
pub fn random_bytes() -> [u8; 10] {
    let mut bytes = [0u8; 10];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    if let Some(crypto) = crypto {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

/// A new record id.
pub fn new_id() -> Uuid7 {
    Uuid7::from_parts(now_ms(), random_bytes())
}

/// Device storage as the browser reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageReport {
    /// Whether the browser promised not to evict Ramp's data.
    pub persisted: bool,
    /// Bytes used by this site, if known.
    pub usage: Option<f64>,
    /// Bytes this site may use, if known.
    pub quota: Option<f64>,
}

/// Asks the browser how much storage Ramp uses and whether it is persistent.
pub async fn storage_report() -> Result<StorageReport, ClientError> {
    let storage = web_sys::window().ok_or(ClientError::StorageUnavailable)?.navigator().storage();
    let persisted = wasm_bindgen_futures::JsFuture::from(storage.persisted().map_err(ClientError::from_js)?)
        .await
        .map_err(ClientError::from_js)?
        .as_bool()
        .unwrap_or(false);
    let estimate = wasm_bindgen_futures::JsFuture::from(storage.estimate().map_err(ClientError::from_js)?)
        .await
        .map_err(ClientError::from_js)?;
    let number = |name: &str| Reflect::get(&estimate, &JsValue::from_str(name)).ok().and_then(|v| v.as_f64());
    Ok(StorageReport { persisted, usage: number("usage"), quota: number("quota") })
}

/// Asks the browser to keep Ramp's data even when space runs low; returns its answer.
pub async fn request_persistence() -> Result<bool, ClientError> {
    let storage = web_sys::window().ok_or(ClientError::StorageUnavailable)?.navigator().storage();
    let answer = wasm_bindgen_futures::JsFuture::from(storage.persist().map_err(ClientError::from_js)?)
        .await
        .map_err(ClientError::from_js)?;
    Ok(answer.as_bool().unwrap_or(false) || answer.dyn_ref::<js_sys::Boolean>().is_some_and(|b| b.value_of()))
}
