//! How long the facilitator's group profile takes for 1,000 and 100,000 pasted codes,
//! natively (the browser figure is measured by `tests/bench/facilitator.mjs`): read from
//! the paste's text, and summed again from codes read before (a key typed in the session's
//! tag).
#![allow(missing_docs, clippy::unwrap_used)]

use candor_core::builtin;
use candor_core::code;
use candor_core::group::{GroupReport, Paste};
use candor_core::response::Response;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn codes(id: &str, count: usize) -> String {
    let instrument = builtin::load(id).unwrap();
    let mut text = String::new();
    for i in 0..count {
        let response = Response::sample(&instrument, 0x9E37_79B9_7F4A_7C15 ^ i as u64);
        text.push_str(
            &code::encode(&instrument, &response, Some("WS-42"), (i % 32) as u8).unwrap(),
        );
        text.push('\n');
    }
    text
}

fn group_profile(c: &mut Criterion) {
    let mut group = c.benchmark_group("group_profile");
    group.sample_size(10);
    for id in ["trust-equation", "trust-roadmap"] {
        let instrument = builtin::load(id).unwrap();
        for count in [1_000usize, 100_000] {
            let text = codes(id, count);
            group.throughput(Throughput::Elements(count as u64));
            group.bench_with_input(BenchmarkId::new(id, count), &text, |b, text| {
                b.iter(|| GroupReport::from_text(text, &instrument, Some("WS-42")));
            });
            let paste = Paste::read(&text, &instrument);
            let again = format!("{id}, summed again");
            group.bench_with_input(BenchmarkId::new(again, count), &paste, |b, paste| {
                b.iter(|| GroupReport::of(&[paste], &instrument, Some("WS-42")));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, group_profile);
criterion_main!(benches);
