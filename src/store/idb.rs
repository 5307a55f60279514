//! Thin async helpers over the browser's IndexedDB: open with upgrade, get all, put, and
//! wait for a transaction to finish.
//!
//! Knows nothing of records or ops: values are JS objects built by `store::mod`. Every
//! failure comes back as a [`ClientError`] made by `ClientError::from_js`.

use std::future::Future;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode,
};

use crate::error::ClientError;

/// The object stores and their key paths (`None`: keys given with each put).
pub const STORES: &[(&str, Option<&str>)] =
    &[("records", Some("id")), ("synced", Some("id")), ("outbox", Some("counter")), ("meta", None)];

/// Opens (and creates or upgrades) the database.
pub async fn open(name: &str, version: u32) -> Result<IdbDatabase, ClientError> {
    let window = web_sys::window().ok_or(ClientError::StorageUnavailable)?;
    let factory =
        window.indexed_db().map_err(|_| ClientError::StorageUnavailable)?.ok_or(ClientError::StorageUnavailable)?;
    let request: IdbOpenDbRequest =
        factory.open_with_u32(name, version).map_err(|_| ClientError::StorageUnavailable)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(request) = event.target().and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok()) else { return };
        let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else { return };
        let existing = db.object_store_names();
        for (store, key_path) in STORES {
            if existing.contains(store) {
                continue;
            }
            let params = IdbObjectStoreParameters::new();
            if let Some(path) = key_path {
                params.set_key_path(&JsValue::from_str(path));
            }
            // A failure here aborts the upgrade, which rejects the open request below.
            let _ = db.create_object_store_with_optional_parameters(store, &params);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request_done(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    result?.dyn_into::<IdbDatabase>().map_err(|_| ClientError::StorageUnavailable)
}

/// A transaction over `stores`.
pub fn transaction(db: &IdbDatabase, stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, ClientError> {
    let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
    db.transaction_with_str_sequence_and_mode(&names, mode).map_err(ClientError::from_js)
}

/// Every value in a store, in key order. The request is made at once, so several can be
/// issued in one transaction before any is awaited.
pub fn get_all(
    tx: &IdbTransaction,
    store: &str,
) -> Result<impl Future<Output = Result<Array, ClientError>>, ClientError> {
    let request = tx.object_store(store).map_err(ClientError::from_js)?.get_all().map_err(ClientError::from_js)?;
    Ok(async move { Ok(request_done(&request).await?.unchecked_into()) })
}

/// One value by key, if present; the request is made at once, like [`get_all`]'s.
pub fn get(
    tx: &IdbTransaction,
    store: &str,
    key: &str,
) -> Result<impl Future<Output = Result<Option<JsValue>, ClientError>>, ClientError> {
    let request = tx
        .object_store(store)
        .map_err(ClientError::from_js)?
        .get(&JsValue::from_str(key))
        .map_err(ClientError::from_js)?;
    Ok(async move {
        let value = request_done(&request).await?;
        Ok((!value.is_undefined()).then_some(value))
    })
}

/// Queues a put of `value` (under `key` for stores without a key path). Errors surface when
/// the transaction completes.
pub fn put(tx: &IdbTransaction, store: &str, value: &JsValue, key: Option<&str>) -> Result<(), ClientError> {
    let store = tx.object_store(store).map_err(ClientError::from_js)?;
    match key {
        Some(key) => store.put_with_key(value, &JsValue::from_str(key)),
        None => store.put(value),
    }
    .map(drop)
    .map_err(ClientError::from_js)
}

/// Queues a delete of one key (or key range).
pub fn delete(tx: &IdbTransaction, store: &str, key: &JsValue) -> Result<(), ClientError> {
    tx.object_store(store).map_err(ClientError::from_js)?.delete(key).map(drop).map_err(ClientError::from_js)
}

/// Waits until the transaction has committed (`complete`), or reports why it failed.
pub async fn committed(tx: &IdbTransaction) -> Result<(), ClientError> {
    let tx_for_error = tx.clone();
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let reject_abort = reject.clone();
        let tx_error = tx_for_error.clone();
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let on_error = Closure::once_into_js(move || {
            let error = tx_error.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::UNDEFINED, &error);
        });
        let tx_abort = tx_for_error.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = tx_abort.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject_abort.call1(&JsValue::UNDEFINED, &error);
        });
        tx_for_error.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx_for_error.set_onerror(Some(on_error.unchecked_ref()));
        tx_for_error.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(drop).map_err(ClientError::from_js)
}

/// Waits for a request's `success` and returns its result.
async fn request_done(request: &IdbRequest) -> Result<JsValue, ClientError> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok_request = request.clone();
        let err_request = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::UNDEFINED, &ok_request.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move || {
            let error = err_request.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::UNDEFINED, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(ClientError::from_js)
}
