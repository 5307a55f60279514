//! Faults on the device and between devices, in headless Chromium against the real server:
//! the device's storage quota exceeded, a tab closed or crashed in the middle of a save,
//! device clocks days apart, the server restored from a backup, and text that looks like HTML.
//! Nothing already saved is lost, and the person is told what happened in plain words.

use std::time::{Duration, Instant};

use ramp_e2e::{set_up_team, Browser, Server, PASSWORD, PHONE, TABLET};
use serde_json::{json, Value};

/// Checks IndexedDB underneath the app: every pending op's value is in its record, and every
/// value this device wrote that the server has not acknowledged has its pending op. Returns
/// (records, pending ops), or the first broken pair.
const RECORDS_MATCH_OUTBOX: &str = r#"
    const done = arguments[0];
    const open = indexedDB.open('ramp');
    open.onsuccess = () => {
        const tx = open.result.transaction(['records', 'outbox', 'meta'], 'readonly');
        const records = tx.objectStore('records').getAll();
        const outbox = tx.objectStore('outbox').getAll();
        const device = tx.objectStore('meta').get('device');
        const sync = tx.objectStore('meta').get('sync');
        tx.oncomplete = () => {
            const ops = outbox.result.map((e) => JSON.parse(e.json));
            const me = JSON.parse(device.result.json).device;
            const known = sync.result ? JSON.parse(sync.result.json).known_high : 0;
            const byId = new Map(records.result.map((e) => { const r = JSON.parse(e.json); return [r.id, r]; }));
            const last = new Map();
            for (const op of ops) last.set(op.record + '/' + op.field, op);
            for (const op of last.values()) {
                const siblings = (byId.get(op.record) || { fields: {} }).fields[op.field] || [];
                if (!siblings.some((s) => s.dot.device === op.dot.device && s.dot.counter === op.dot.counter)) {
                    done('pending op ' + op.dot.counter + ' is not in its record'); open.result.close(); return;
                }
            }
            const pending = new Set(ops.map((op) => op.dot.counter));
            for (const record of byId.values()) {
                for (const siblings of Object.values(record.fields)) {
                    for (const s of siblings) {
                        if (s.dot.device === me && s.dot.counter > known && !pending.has(s.dot.counter)) {
                            done('value ' + s.dot.counter + ' has no pending op'); open.result.close(); return;
                        }
                    }
                }
            }
            done([byId.size, ops.length]);
            open.result.close();
        };
    };
    open.onerror = () => done('IndexedDB did not open');
"#;

/// Fills this origin's storage with a second database until the browser refuses; returns
/// the name of the error it gave.
const FILL_STORAGE: &str = r#"
    const done = arguments[0];
    const open = indexedDB.open('filler');
    open.onupgradeneeded = () => open.result.createObjectStore('junk');
    open.onsuccess = () => {
        const db = open.result;
        // Random bytes: the browser compresses what it stores, so repeated text would not fill it.
        // Big pieces until one is refused, then smaller ones, down to 1 KB.
        const chunk = (size) => {
            const bytes = new Uint8Array(size);
            for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65536)));
            return bytes;
        };
        const sizes = [1024 * 1024, 64 * 1024, 4096, 1024];
        let n = 0, last = 'never full';
        const more = () => {
            if (sizes.length === 0 || n > 5000) { db.close(); done(last); return; }
            const tx = db.transaction('junk', 'readwrite');
            tx.objectStore('junk').put(chunk(sizes[0]), n++);
            tx.oncomplete = more;
            tx.onabort = () => { last = tx.error ? tx.error.name : 'aborted'; sizes.shift(); more(); };
        };
        more();
    };
    open.onerror = () => done('filler did not open: ' + open.error);
"#;

#[tokio::test]
async fn storage_full_on_the_device_is_explained_and_loses_nothing_saved() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start_on_small_disk(PHONE, 96).await?;
    browser.create_team(&server, "Ward 7 Falls Team").await?;
    let cycle_url = browser.start_cycle("Bedside huddle", "Daily falls huddle").await?;
    browser.type_into("#f-objective", "Fewer falls at night").await?;
    browser.wait_saved().await?;

    // Something else fills the device until the browser refuses to store more.
    let refused = browser.js_async(FILL_STORAGE, vec![]).await?;
    assert_eq!(refused, json!("QuotaExceededError"), "the filler ran the storage out");
    let long = "Night staff said the huddle clashes with the drug round. ".repeat(150);
    browser.set_value("#f-observations", &long).await?;
    browser.wait_for_text("[data-testid=save-status]", "storage is full").await?;
    browser.wait_for_text("[data-testid=save-status]", "what you typed is still here").await?;
    assert_eq!(browser.value_of("#f-observations").await?, json!(long), "the text stays on screen");
    assert_eq!(browser.value_of("#f-objective").await?, json!("Fewer falls at night"), "saved values stay");
    browser.screenshot("faults-storage-full-phone").await?;

    // Room again: the same text saves, and after a reload everything is there.
    browser
        .js_async(
            "const d = arguments[0]; const r = indexedDB.deleteDatabase('filler'); r.onsuccess = () => d(true);",
            vec![],
        )
        .await?;
    browser.set_value("#f-observations", &format!("{long} More room now.")).await?;
    browser.wait_saved().await?;
    browser.goto(&cycle_url).await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Bedside huddle").await?;
    assert_eq!(browser.value_of("#f-objective").await?, json!("Fewer falls at night"));
    assert_eq!(browser.value_of("#f-observations").await?, json!(format!("{long} More room now.")));
    let check = browser.js_async(RECORDS_MATCH_OUTBOX, vec![]).await?;
    assert!(check.is_array(), "{check}");
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_tab_closed_or_crashed_during_a_save_keeps_each_record_with_its_pending_change() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    browser.create_team(&server, "Ward 7 Falls Team").await?;
    let cycle_url = browser.start_cycle("Bedside huddle", "Daily falls huddle").await?;
    browser.wait_saved().await?;
    let keeper = browser.open_tab().await?;
    browser.goto(&format!("{}/settings", server.url)).await?;
    let mut outcomes = (0, 0);
    for round in 0..12u64 {
        browser.open_tab().await?;
        browser.goto(&cycle_url).await?;
        browser.wait_for_text("[data-testid=cycle-title]", "Bedside huddle").await?;
        let text = format!("Round {round}: the huddle ran long");
        // Type and leave the field (which saves at once); then, a moment later, the page goes:
        // unloaded by a navigation started in the same script (rounds 0, 3, 6, …: 0–2 ms after
        // the save began), crashed (1, 4, 7, …) or closed (2, 5, 8, …).
        let script = "const [text, unloadAfter] = arguments; \
                      const el = document.querySelector('#f-observations'); el.focus(); el.value = text; \
                      el.dispatchEvent(new Event('input', { bubbles: true })); \
                      el.dispatchEvent(new Event('change', { bubbles: true })); \
                      if (unloadAfter >= 0) setTimeout(() => { location.href = 'about:blank'; }, unloadAfter);";
        let unload_after = if round % 3 == 0 { (round / 3 % 3) as i64 } else { -1 };
        browser.js(script, vec![json!(text), json!(unload_after)]).await?;
        match round % 3 {
            0 => tokio::time::sleep(Duration::from_millis(300)).await,
            1 => {
                let _ = browser.cdp("Page.crash", json!({})).await;
            }
            _ => {}
        }
        browser.close_tab().await.ok();
        browser.switch_to(&keeper).await?;
        let check = browser.js_async(RECORDS_MATCH_OUTBOX, vec![]).await?;
        assert!(matches!(check, Value::Array(_)), "round {round}: {check}");
        // Did this round's value land? (Either is fine; half-landed is not.)
        let landed = browser
            .js_async(
                "const [text, done] = arguments; const open = indexedDB.open('ramp'); open.onsuccess = () => { \
                 const get = open.result.transaction('records').objectStore('records').getAll(); \
                 get.onsuccess = () => { done(get.result.some((e) => e.json.includes(text))); open.result.close(); }; };",
                vec![json!(text)],
            )
            .await?;
        if landed == json!(true) {
            outcomes.0 += 1;
        } else {
            outcomes.1 += 1;
        }
    }
    println!(
        "tab closed or crashed during a save 12 times: {} saves landed whole, {} not at all",
        outcomes.0, outcomes.1
    );
    // The app opens cleanly afterwards and shows the last value that landed.
    browser.goto(&cycle_url).await?;
    browser.wait_for_text("[data-testid=cycle-title]", "Bedside huddle").await?;
    browser.close().await;
    Ok(())
}

/// Makes every page this browser opens believe the clock is `days` ahead.
async fn skew_clock(browser: &Browser, days: i64) -> anyhow::Result<()> {
    let script = format!(
        "(() => {{ const skew = {days} * 86400000; const Real = Date; \
         class Skewed extends Real {{ constructor(...a) {{ if (a.length === 0) super(Real.now() + skew); else super(...a); }} \
         static now() {{ return Real.now() + skew; }} }} \
         window.Date = Skewed; }})();"
    );
    browser.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": script })).await?;
    Ok(())
}

#[tokio::test]
async fn device_clocks_days_apart_merge_correctly_and_say_so() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let team = set_up_team(&server)?;
    let phone = Browser::start(PHONE).await?;
    let tablet = Browser::start(TABLET).await?;
    skew_clock(&tablet, 3).await?;

    phone.open_team(&server, "mia@example.org", &team).await?;
    let cycle_url = phone.start_cycle("Bedside huddle", "Daily falls huddle").await?;
    phone.sync_until("the cycle is sent", "return document.body.innerText.includes('Synced at');").await?;
    tablet.sign_in(&server, "max@example.org", PASSWORD).await?;
    assert_eq!(
        tablet.js("return new Date().getTime() - performance.timeOrigin > 2 * 86400000", vec![]).await?,
        json!(true)
    );
    tablet.goto(&cycle_url).await?;
    tablet.wait_for_text("[data-testid=cycle-title]", "Bedside huddle").await?;

    // The tablet (three days ahead) writes; the phone sees it and writes after it. The phone's
    // later value wins everywhere, though its clock says it is three days older.
    tablet.type_into("#f-objective", "Tablet's objective").await?;
    tablet.wait_saved().await?;
    tablet.sync_until_synced("sent").await?;
    phone
        .sync_until(
            "the phone has the tablet's value",
            "return document.querySelector('#f-objective').value === \"Tablet's objective\";",
        )
        .await?;
    phone.set_value("#f-objective", "").await?;
    phone.type_into("#f-objective", "Phone's later objective").await?;
    phone.wait_saved().await?;
    phone.sync_until_synced("sent").await?;
    tablet
        .sync_until(
            "the tablet shows the phone's later value, not a conflict",
            "return document.querySelector('#f-objective').value === \"Phone's later objective\" \
             && !document.querySelector('[data-testid=field-objective] + [data-testid=conflict]');",
        )
        .await?;

    // Written at the same time on both, offline: a conflict on both, the tablet's time marked.
    server.stop();
    phone.type_into("#f-learning", "Phone learned").await?;
    phone.wait_saved().await?;
    tablet.type_into("#f-learning", "Tablet learned").await?;
    tablet.wait_saved().await?;
    server.restart()?;
    for browser in [&tablet, &phone, &tablet, &phone] {
        browser.js("window.dispatchEvent(new Event('online'));", vec![]).await?;
        tokio::time::sleep(Duration::from_millis(700)).await;
    }
    phone
        .sync_until(
            "the phone shows the conflict",
            "return !!document.querySelector('[data-testid=field-learning] + [data-testid=conflict]');",
        )
        .await?;
    let conflict = phone.text("[data-testid=field-learning] + [data-testid=conflict]").await?;
    assert!(conflict.contains("Phone learned") && conflict.contains("Tablet learned"), "{conflict}");
    assert!(conflict.contains("that device's clock is ahead"), "the future time is explained: {conflict}");
    phone.screenshot("faults-clock-skew-conflict-phone").await?;
    phone.close().await;
    tablet.close().await;
    Ok(())
}

#[tokio::test]
async fn after_the_server_is_restored_from_a_backup_devices_send_what_it_lost() -> anyhow::Result<()> {
    let mut server = Server::start()?;
    let team = set_up_team(&server)?;
    let phone = Browser::start(PHONE).await?;
    phone.open_team(&server, "mia@example.org", &team).await?;
    let cycle_url = phone.start_cycle("Bedside huddle", "Daily falls huddle").await?;
    phone.sync_until("sent", "return document.body.innerText.includes('Synced at');").await?;

    let backup = server.data.path().join("backup.sqlite");
    let said = server.command(&["backup", "--to", backup.to_str().unwrap()])?;
    assert!(said.contains("backed up"), "{said}");
    // Work after the backup reaches the server, and is acknowledged.
    phone.type_into("#f-objective", "Written after the backup").await?;
    phone.wait_saved().await?;
    phone.sync_until_synced("acknowledged").await?;

    server.stop();
    let said = server.command(&["restore", "--from", backup.to_str().unwrap()])?;
    assert!(said.contains("restored"), "{said}");
    server.restart()?;

    // A second device, fresh, meets the restored server; the phone syncs and sends again what
    // the restore lost; the tablet then has it.
    let tablet = Browser::start(TABLET).await?;
    tablet.sign_in(&server, "max@example.org", PASSWORD).await?;
    tablet.goto(&cycle_url).await?;
    tablet.wait_for_text("[data-testid=cycle-title]", "Bedside huddle").await?;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        phone.js("window.dispatchEvent(new Event('online'));", vec![]).await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        tablet.js("window.dispatchEvent(new Event('online'));", vec![]).await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        if tablet.value_of("#f-objective").await? == json!("Written after the backup") {
            break;
        }
        assert!(Instant::now() < deadline, "the restored server never got the phone's objective back");
    }
    assert_eq!(phone.value_of("#f-objective").await?, json!("Written after the backup"));
    let conflicts = phone.js("return document.querySelectorAll('[data-testid=conflict]').length", vec![]).await?;
    assert_eq!(conflicts, json!(0), "no conflict with itself");
    phone.close().await;
    tablet.close().await;
    Ok(())
}

#[tokio::test]
async fn text_that_looks_like_html_is_shown_as_text() -> anyhow::Result<()> {
    let server = Server::start()?;
    let browser = Browser::start(PHONE).await?;
    let attack = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
    let team_url = browser.create_team(&server, attack).await?;
    browser.start_cycle(attack, attack).await?;
    browser.type_into("#f-objective", attack).await?;
    browser.wait_saved().await?;
    browser.goto(&team_url).await?;
    browser.wait_for_text("[data-testid=cycle-list]", "<img src=x").await?;
    let injected = browser
        .js("return [window.__pwned || 0, document.querySelectorAll('img[src=x], main script').length]", vec![])
        .await?;
    assert_eq!(injected, json!([0, 0]), "no element was made from the text");
    assert!(browser.text("[data-testid=team-name]").await?.contains("<script>"), "shown literally");
    assert!(browser.csp_violations().await?.is_empty());
    browser.close().await;
    Ok(())
}
