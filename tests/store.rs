//! The device store against real IndexedDB in headless Chromium (wasm-bindgen-test): what is
//! saved reads back after the database is reopened, and a transaction never leaves half of a
//! write behind.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Reflect};
use ramp::store::{self, idb, LocalDb, Put, SaveState};
use ramp_core::{team_scope, Edit, Kind, Value};
use wasm_bindgen_test::*;
use web_sys::IdbTransactionMode;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_name(label: &str) -> String {
    format!("ramp-test-{label}-{}", js_sys::Math::random())
}

fn team_edits(team: &ramp_core::RecordId, name: &str) -> Vec<Edit> {
    ["name", "site"]
        .into_iter()
        .map(|field| Edit {
            record: team.clone(),
            kind: Kind::Team,
            scope: team_scope(team),
            field: field.to_owned(),
            value: Value::Text(if field == "name" { name.to_owned() } else { "Ward 7".to_owned() }),
        })
        .collect()
}

#[wasm_bindgen_test]
async fn saved_edits_read_back_after_reopening() {
    let name = unique_name("reopen");
    let first = LocalDb::new(&name);
    first.load().await.expect("opens");
    let team = store::new_id();
    first.save(team_edits(&team, "Ward 7 Falls Team")).await.expect("saves");
    assert_eq!(first.save_state(), SaveState::Saved);
    let device = first.device_id().expect("a device id");
    first.database().expect("open").close();

    let second = LocalDb::new(&name);
    second.load().await.expect("reopens");
    assert_eq!(second.device_id(), Some(device), "the device keeps its id");
    second.with(|replica| {
        let record = replica.record(&team).expect("the team is there");
        assert_eq!(record.text("name"), "Ward 7 Falls Team");
        assert_eq!(record.text("site"), "Ward 7");
        let counters: Vec<u64> = replica.outbox().iter().map(|op| op.dot.counter).collect();
        assert_eq!(counters, vec![1, 2], "both ops are queued, in order");
    });

    // The next edit continues the device's counter and replaces what it saw.
    second.save(team_edits(&team, "Ward 7 Falls & Safety")).await.expect("saves again");
    second.with(|replica| {
        let last = replica.outbox().last().expect("queued");
        assert_eq!(last.dot.counter, 3);
        assert_eq!(last.replaces.len(), 1);
        assert_eq!(replica.record(&team).unwrap().text("name"), "Ward 7 Falls & Safety");
    });
}

#[wasm_bindgen_test]
async fn a_refused_write_leaves_nothing_half_written() {
    let name = unique_name("atomic");
    let local_db = LocalDb::new(&name);
    local_db.load().await.expect("opens");
    let db = local_db.database().expect("open");

    let good = Object::new();
    Reflect::set(&good, &"id".into(), &"good-record".into()).unwrap();
    Reflect::set(&good, &"json".into(), &"{}".into()).unwrap();
    // An outbox entry without its key ("counter") is refused by IndexedDB.
    let bad = Object::new();
    Reflect::set(&bad, &"json".into(), &"{}".into()).unwrap();
    let puts = [
        Put { store: "records", value: good.into(), key: None },
        Put { store: "outbox", value: bad.into(), key: None },
    ];
    let result = store::write_all(&db, &puts).await;
    assert!(result.is_err(), "the write is refused");

    let tx = idb::transaction(&db, &["records", "outbox"], IdbTransactionMode::Readonly).unwrap();
    let records = idb::get_all(&tx, "records").unwrap().await.unwrap();
    let outbox = idb::get_all(&tx, "outbox").unwrap().await.unwrap();
    assert_eq!(records.length(), 0, "the record queued before the refusal was not committed");
    assert_eq!(outbox.length(), 0);
}

#[wasm_bindgen_test]
fn a_full_device_is_named_as_such() {
    let quota = web_sys::DomException::new_with_message_and_name("quota", "QuotaExceededError").unwrap();
    let error = ramp::error::ClientError::from_js(quota.into());
    assert_eq!(error, ramp::error::ClientError::StorageFull);
    // Its words come from the catalogue of the language chosen: here, each of them.
    ramp::i18n::install("en", include_str!("../locales/en.ftl").to_owned()).unwrap();
    assert!(error.to_string().contains("storage is full"), "{error}");
    assert!(error.to_string().contains("what you typed is still here"), "{error}");
    ramp::i18n::install("es", include_str!("../locales/es.ftl").to_owned()).unwrap();
    assert!(error.to_string().contains("almacenamiento del dispositivo está lleno"), "{error}");
    assert!(error.to_string().contains("lo que escribió sigue aquí"), "{error}");
}
