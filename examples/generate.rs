//! Writes the benchmark registries and drafts to a folder, for the CLI, the language servers
//! and memory measurements: `cargo run --release --example generate -- target/bench-data`.

#[path = "../benches/gen/mod.rs"]
mod gen;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or("target/bench-data".into()),
    );
    std::fs::create_dir_all(&dir)?;
    for (name, n) in [("10k", 10_000), ("100k", 100_000), ("1m", 1_000_000)] {
        let path = dir.join(format!("registry-{name}.json"));
        std::fs::write(&path, gen::registry_json(n))?;
        println!("{}", path.display());
    }
    for (name, size) in [
        ("500", gen::Size::Words(500)),
        ("5000", gen::Size::Words(5_000)),
        ("1mb", gen::Size::Bytes(1 << 20)),
    ] {
        let path = dir.join(format!("draft-{name}.md"));
        std::fs::write(&path, gen::draft(size, 1))?;
        println!("{}", path.display());
    }
    Ok(())
}
