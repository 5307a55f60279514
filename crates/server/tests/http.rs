//! The server's HTTP surface, driven in-process with a real SQLite file in a temporary folder.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use ramp_server::storage::SqlStore;
use ramp_server::{app, AppState};
use tower::ServiceExt;

struct Fixture {
    _dir: tempfile::TempDir,
    router: axum::Router,
    data: std::path::PathBuf,
}

async fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><title>Ramp</title><script type=\"module\">boot()</script>",
    )
    .unwrap();
    std::fs::write(dist.join("sw.js"), "// worker").unwrap();
    std::fs::write(dist.join("ramp-0123456789abcdef.js"), "// app").unwrap();
    std::fs::write(dist.join("ramp-0123456789abcdef.js.br"), "brotli bytes").unwrap();
    std::fs::write(dist.join("ramp-0123456789abcdef.js.gz"), "gzip bytes").unwrap();
    let data = dir.path().join("data");
    let storage = SqlStore::open(&data).await.expect("sqlite opens");
    let router = app(AppState::new(Arc::new(storage)), dist);
    Fixture { _dir: dir, router, data }
}

async fn get(router: &axum::Router, path: &str) -> (StatusCode, Option<String>, String) {
    let response = router.clone().oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let cache = response.headers().get(header::CACHE_CONTROL).map(|v| v.to_str().unwrap().to_owned());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, cache, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn health_reports_the_sqlite_store_in_the_data_folder() {
    let f = fixture().await;
    let (status, _, body) = get(&f.router, "/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, r#"{"status":"ok","storage":"sqlite"}"#);
    assert!(f.data.join("ramp.sqlite").exists());
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_not_the_app() {
    let f = fixture().await;
    let (status, _, body) = get(&f.router, "/api/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body, r#"{"error":"there is no API endpoint at /api/nope","reason":"no_such_endpoint"}"#);
}

#[tokio::test]
async fn deep_links_get_the_app_page_revalidated() {
    let f = fixture().await;
    let (status, cache, body) = get(&f.router, "/teams/0190/cycles/0191").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<title>Ramp</title>"));
    assert_eq!(cache.as_deref(), Some("no-cache"));
}

#[tokio::test]
async fn a_missing_file_of_the_app_is_a_404_never_the_page_cached_for_a_year() {
    // A chunk the build does not have (or not yet, mid-deployment): answering it with the page
    // under its hashed name made the browser keep that page as the chunk for a year, so
    // "Try again" could never fetch the real one.
    let f = fixture().await;
    for path in ["/split_worksheets-0123456789abcdef.wasm", "/ramp-fedcba9876543210.js", "/icons/gone.png"] {
        let (status, cache, body) = get(&f.router, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(cache.as_deref(), Some("no-cache"), "{path}");
        assert!(!body.contains("<title>Ramp</title>"), "{path}: {body}");
    }
    // Deep links (no file extension, or a dot inside an id-like segment) still get the page.
    let (status, _, body) = get(&f.router, "/teams/0190/reports/2026-11").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<title>Ramp</title>"), "{body}");
}

#[tokio::test]
async fn the_worker_is_revalidated_and_hashed_files_are_cached() {
    let f = fixture().await;
    let (_, sw_cache, _) = get(&f.router, "/sw.js").await;
    assert_eq!(sw_cache.as_deref(), Some("no-cache"));
    let (status, js_cache, _) = get(&f.router, "/ramp-0123456789abcdef.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(js_cache.as_deref(), Some("public, max-age=31536000, immutable"));
}

#[tokio::test]
async fn compressed_copies_go_to_browsers_that_accept_them() {
    let f = fixture().await;
    let fetch = |encoding: &'static str| {
        let router = f.router.clone();
        async move {
            let request = Request::get("/ramp-0123456789abcdef.js")
                .header(header::ACCEPT_ENCODING, encoding)
                .body(Body::empty())
                .unwrap();
            let response = router.oneshot(request).await.unwrap();
            let coding = response.headers().get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap().to_owned());
            let cache = response.headers().get(header::CACHE_CONTROL).map(|v| v.to_str().unwrap().to_owned());
            let body = response.into_body().collect().await.unwrap().to_bytes();
            (coding, String::from_utf8_lossy(&body).into_owned(), cache)
        }
    };
    let (coding, body, cache) = fetch("gzip, deflate, br").await;
    assert_eq!((coding.as_deref(), body.as_str()), (Some("br"), "brotli bytes"));
    assert_eq!(cache.as_deref(), Some("public, max-age=31536000, immutable"));
    let (coding, body, _) = fetch("gzip").await;
    assert_eq!((coding.as_deref(), body.as_str()), (Some("gzip"), "gzip bytes"));
    let (coding, body, _) = fetch("identity").await;
    assert_eq!((coding, body.as_str()), (None, "// app"));
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_the_page_script_is_allowed_by_hash() {
    let f = fixture().await;
    for path in ["/", "/teams/0190", "/api/health", "/api/nope", "/sw.js"] {
        let response = f.router.clone().oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
        let headers = response.headers();
        let value = |name: &str| headers.get(name).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        let csp = value("content-security-policy");
        // sha256("boot()"), base64: the one inline script of the page, and nothing else inline.
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{path}: {csp}");
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(value("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(value("referrer-policy"), "no-referrer", "{path}");
        assert_eq!(value("x-frame-options"), "DENY", "{path}");
    }
    let expected = ramp_server::security::Headers::for_page("<script type=\"module\">boot()</script>");
    let response = f.router.clone().oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(response.headers()["content-security-policy"].to_str().unwrap(), expected.policy());
}
