//! Security headers on every response: a Content-Security-Policy that allows only the app's
//! own origin, its WebAssembly and the one inline bootstrap script Trunk writes (by hash), no
//! framing, no MIME sniffing, no referrer.
//!
//! Owns the policy's text. Reads `index.html` once at start-up to hash its inline scripts;
//! never looks at request bodies.

use std::path::Path;

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The headers every response carries.
#[derive(Clone, Debug)]
pub struct Headers {
    csp: HeaderValue,
}

impl Headers {
    /// The policy for the app built into `dist` (its inline scripts hashed).
    pub fn for_dist(dist: &Path) -> Headers {
        let html = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
        Headers::for_page(&html)
    }

    /// The policy for an app page's HTML.
    pub fn for_page(html: &str) -> Headers {
        let hashes: String = inline_scripts(html)
            .iter()
            .map(|script| {
                let digest = Sha256::digest(script.as_bytes());
                format!(" 'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
            })
            .collect();
        let policy = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        );
        Headers { csp: HeaderValue::from_str(&policy).expect("a policy of plain ASCII") }
    }

    /// The policy's text.
    pub fn policy(&self) -> &str {
        self.csp.to_str().unwrap_or_default()
    }
}

/// The bodies of `<script>` elements without a `src`, exactly as written (what CSP hashes).
fn inline_scripts(html: &str) -> Vec<String> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let tag = &after[..open_end];
        let body_start = &after[open_end + 1..];
        let Some(close) = body_start.find("</script>") else { break };
        if !tag.contains(" src=") {
            scripts.push(body_start[..close].to_owned());
        }
        rest = &body_start[close + "</script>".len()..];
    }
    scripts
}

/// Adds the security headers to a response.
pub async fn add(State(headers): State<Headers>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let map = response.headers_mut();
    map.insert(header::CONTENT_SECURITY_POLICY, headers.csp.clone());
    map.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    map.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    map.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    map.insert(HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin"));
    map.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inline_scripts_are_hashed_exactly_as_written() {
        let html = "<script src=\"/a.js\"></script>\n<script type=\"module\">\nimport x from '/b.js';\n</script>";
        assert_eq!(inline_scripts(html), vec!["\nimport x from '/b.js';\n".to_owned()]);
        let policy = Headers::for_page(html).policy().to_owned();
        let digest = Sha256::digest(b"\nimport x from '/b.js';\n");
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        assert!(policy.contains(&format!("'sha256-{hash}'")), "{policy}");
        assert!(policy.contains("frame-ancestors 'none'") && policy.contains("'wasm-unsafe-eval'"));
        assert!(!policy.contains("unsafe-inline"));
    }
}
