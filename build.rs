//! Writes the built-in policies into `OUT_DIR` as minified JSON: the core embeds them and
//! reads them straight into the policy model, without the loader that checks a council's
//! own policy (the built-ins are checked by `tests/builtin_policies.rs` instead).

use std::{env, fs, path::Path};

const POLICIES: &[&str] = &[
    "stockport",
    "north-east-lincolnshire",
    "havering",
    "shropshire",
    "south-gloucestershire",
];

fn main() {
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    for id in POLICIES {
        let src = format!("src/policies/{id}.json");
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
        let minified = serde_json::to_string(&value).expect("a JSON value serialises");
        fs::write(Path::new(&out).join(format!("{id}.json")), minified)
            .unwrap_or_else(|e| panic!("{src}: {e}"));
    }
    println!("cargo:rerun-if-changed=build.rs");
}
