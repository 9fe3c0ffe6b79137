//! Full checks of generated drafts against generated registries, and the lookups behind hover
//! and code actions. Run: `cargo bench --bench check`.

mod gen;

use copydesk::analysis::{analyze, Analysis, Format, Settings, SeverityMap};
use copydesk::registry::{parse_registry, Registry};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn registry(n: usize) -> Registry {
    let text = gen::registry_json(n);
    let file = parse_registry("generated.json", &text).expect("the generated registry is valid");
    Registry::new([file.entities])
}

fn settings() -> Settings {
    Settings {
        date: None,
        today: time::macros::date!(2026 - 01 - 15),
        severity: SeverityMap::default(),
        historical: Default::default(),
    }
}

fn drafts() -> Vec<(&'static str, String)> {
    vec![
        ("500w", gen::draft(gen::Size::Words(500), 1)),
        ("5000w", gen::draft(gen::Size::Words(5_000), 1)),
        ("1mb", gen::draft(gen::Size::Bytes(1 << 20), 1)),
    ]
}

fn full_check(c: &mut Criterion) {
    let drafts = drafts();
    let settings = settings();
    let mut group = c.benchmark_group("check");
    for (name, n) in [("10k", 10_000), ("100k", 100_000)] {
        let registry = registry(n);
        for (draft_name, draft) in &drafts {
            // A 1 MB draft against 100k entities takes seconds a run today: the `measure`
            // example times it once instead, so the whole bench stays within minutes.
            if *draft_name == "1mb" && n > 10_000 {
                continue;
            }
            group.bench_with_input(BenchmarkId::new(*draft_name, name), draft, |b, draft| {
                b.iter(|| analyze(black_box(draft), Format::Markdown, &registry, &settings))
            });
        }
    }
    group.finish();
}

/// What hover reads at a cursor: the mention there, and its entity's name, roles and description.
fn hover_text(analysis: &Analysis, registry: &Registry, offset: usize) -> Option<String> {
    let i = analysis.mentions.partition_point(|m| m.range.end <= offset);
    let m = analysis
        .mentions
        .get(i)
        .filter(|m| m.range.start <= offset)?;
    let e = registry.entity(m.entity);
    let mut text = format!("**{}**\n\n", e.name);
    for role in e.roles_on(analysis.date) {
        text.push_str(&format!("- {}", role.title));
        if let Some(of) = &role.of {
            text.push_str(&format!(" of {}", registry.of_name(of)));
        }
        text.push('\n');
    }
    text.push_str(e.description.as_deref().unwrap_or(""));
    Some(text)
}

/// What a code action reads: the fixes of findings at the cursor.
fn fixes_at(analysis: &Analysis, offset: usize) -> usize {
    analysis
        .findings
        .iter()
        .filter(|f| f.range.start <= offset && offset <= f.range.end)
        .map(|f| f.fixes.len())
        .sum()
}

fn lookups(c: &mut Criterion) {
    let registry = registry(100_000);
    let draft = gen::draft(gen::Size::Words(5_000), 1);
    let analysis = analyze(&draft, Format::Markdown, &registry, &settings());
    let offsets: Vec<usize> = analysis
        .mentions
        .iter()
        .step_by(7)
        .map(|m| m.range.start + 1)
        .collect();
    let mut group = c.benchmark_group("lookup");
    // One lookup per iteration, at a different mention each time.
    let mut at = offsets.iter().copied().cycle();
    group.bench_function("hover/5000w/100k", |b| {
        b.iter(|| hover_text(&analysis, &registry, black_box(at.next().unwrap_or(0))))
    });
    group.bench_function("code-action/5000w/100k", |b| {
        b.iter(|| fixes_at(&analysis, black_box(at.next().unwrap_or(0))))
    });
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
    targets = full_check, lookups
}
criterion_main!(benches);
