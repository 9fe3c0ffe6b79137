//! Loading generated registries: strict parsing, then merging and indexing.
//! Run: `cargo bench --bench registry`.

mod gen;

use copydesk::registry::{parse_registry, Registry};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("registry");
    for (name, n) in [("10k", 10_000), ("100k", 100_000), ("1m", 1_000_000)] {
        let text = gen::registry_json(n);
        group.bench_with_input(BenchmarkId::new("parse", name), &text, |b, text| {
            b.iter(|| parse_registry("generated.json", black_box(text)).expect("valid"))
        });
        let entities = parse_registry("generated.json", &text)
            .expect("valid")
            .entities;
        group.bench_with_input(BenchmarkId::new("index", name), &entities, |b, entities| {
            b.iter_batched(
                || entities.clone(),
                |e| Registry::new([e]),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(10)
}

criterion_group! {
    name = benches;
    config = config();
    targets = load
}
criterion_main!(benches);
