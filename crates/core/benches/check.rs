//! How long reading and checking the real documents takes (budget: ≤ 10 ms per document
//! for the core check; the whole corpus well under a second). `cargo bench -p hedui-core`.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};

fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut documents: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    documents.sort();
    documents
}

fn bench(c: &mut Criterion) {
    let documents = corpus();
    for (name, text) in &documents {
        c.bench_function(&format!("check {name}"), |b| b.iter(|| hedui_core::check(&[(name.as_str(), text.as_str())])));
    }
    let all: Vec<(&str, &str)> = documents.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    c.bench_function("check whole corpus", |b| b.iter(|| hedui_core::check(&all)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
