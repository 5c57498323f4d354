//! Prints `count` result codes of built-in instrument `id` (every answer drawn from a fixed
//! pseudo-random sequence), one per line, tagged with `session`. For benchmarks.
//!
//! `cargo run -p candor-core --release --example codes -- trust-equation 100000 WS-42`

use candor_core::builtin;
use candor_core::response::Response;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let id = args.get(1).map_or("trust-equation", String::as_str);
    let count: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let session = args.get(3).map(String::as_str);
    let instrument = builtin::load(id).unwrap_or_else(|e| panic!("{e}"));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for i in 0..count {
        let response = Response::sample(&instrument, 0x2545_F491_4F6C_DD1D ^ i as u64);
        if let Ok(code) = candor_core::code::encode(&instrument, &response, session, (i % 32) as u8)
        {
            let _ = writeln!(out, "{code}");
        }
    }
}
