//! The demo's home page links to every page of the demo (issue 13 item 9): the record
//! templates' list and a form for each template of each built-in policy, the mapping example
//! and the strict-CSP page; every relative link names a file that `scripts/serve.mjs` serves
//! from `www/`.

use std::path::Path;
use supervision_rules::policy::Registry;

/// The `href` values of `<a>` elements, `&amp;` read as `&`.
fn links(html: &str) -> Vec<String> {
    html.split("<a ")
        .skip(1)
        .filter_map(|a| {
            let rest = a.split_once("href=\"")?.1;
            Some(rest.split_once('"')?.0.replace("&amp;", "&"))
        })
        .collect()
}

/// The file a relative link names under `dir`, as the server resolves it: a query and a
/// fragment are dropped; a folder serves its `index.html`.
fn target(dir: &Path, href: &str) -> std::path::PathBuf {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let file = dir.join(path);
    if path.is_empty() || path.ends_with('/') {
        file.join("index.html")
    } else {
        file
    }
}

#[test]
fn home_page_links_to_every_page() {
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let html = std::fs::read_to_string(www.join("index.html")).expect("www/index.html");
    let hrefs = links(&html);
    for page in ["templates/", "mapping.html", "csp.html"] {
        assert!(hrefs.iter().any(|h| h == page), "no link to {page}");
    }
    for p in Registry::with_builtins().all() {
        for t in &p.templates {
            let want = format!("templates/form.html?policy={}&template={}", p.id, t.id);
            assert!(hrefs.contains(&want), "no link to {want}");
        }
    }
    for h in hrefs
        .iter()
        .filter(|h| !h.starts_with('#') && !h.contains("://"))
    {
        assert!(target(&www, h).is_file(), "{h} names no file under www/");
    }
}
