//! Result bands: each read as written, then checked to cover its score range exactly.

use super::*;

impl Reader {
    pub(super) fn bands(&mut self, obj: &Obj, key: &str, tenths: bool) -> Option<RawBands> {
        let values = self.array(obj, key, 1, 20)?;
        let path = obj.at(key);
        let mut bands = Vec::new();
        let mut ok = true;
        for (i, value) in values.iter().enumerate() {
            let at = index(&path, i);
            let Some(o) = self.object(value, &at, &["min", "max", "name", "text"]) else {
                ok = false;
                continue;
            };
            let min = self.band_bound(&o, "min", tenths);
            let max = self.band_bound(&o, "max", tenths);
            let name = self.text(&o, "name");
            let text = self.text(&o, "text");
            match (min, max, name, text) {
                (Some(min), Some(max), Some(name), Some(text)) => {
                    if min > max {
                        self.report(at, Kind::BandEmpty);
                        ok = false;
                    } else {
                        bands.push(Band {
                            min,
                            max,
                            name,
                            text,
                        });
                    }
                }
                _ => ok = false,
            }
        }
        ok.then_some(RawBands {
            bands,
            path,
            tenths,
        })
    }

    fn band_bound(&mut self, obj: &Obj, key: &str, tenths: bool) -> Option<i32> {
        let value = self.required(obj, key)?;
        let path = obj.at(key);
        if tenths {
            let n = self.number(value, &path, 0.0, 1000.0)?;
            let scaled = (n * 10.0).round();
            if (scaled - n * 10.0).abs() > 1e-6 {
                self.report(path, Kind::TooManyDecimals);
                return None;
            }
            Some(scaled as i32)
        } else {
            self.whole(value, &path, -10_000, 10_000).map(|n| n as i32)
        }
    }

    /// Checks that bands cover `lo..=hi` exactly, lowest first, with no gap or overlap.
    pub(super) fn cover(&mut self, raw: RawBands, lo: i32, hi: i32) -> Option<Bands> {
        let show = |n: i32| {
            if raw.tenths {
                f64::from(n) / 10.0
            } else {
                f64::from(n)
            }
        };
        let before = self.errors.len();
        let first = raw.bands.first().map_or(lo, |b| b.min);
        if first != lo {
            self.report(
                index(&raw.path, 0) + ".min",
                Kind::BandStart {
                    expected: show(lo),
                    found: show(first),
                },
            );
        }
        for (i, pair) in raw.bands.windows(2).enumerate() {
            let (a, b) = (&pair[0], &pair[1]);
            let at = index(&raw.path, i + 1) + ".min";
            if b.min > a.max + 1 {
                self.report(
                    at,
                    Kind::BandGap {
                        from: show(a.max + 1),
                        to: show(b.min - 1),
                    },
                );
            } else if b.min <= a.max {
                self.report(
                    at,
                    Kind::BandOverlap {
                        from: show(b.min),
                        to: show(a.max.min(b.max)),
                    },
                );
            }
        }
        let last = raw.bands.last().map_or(hi, |b| b.max);
        if last != hi {
            self.report(
                index(&raw.path, raw.bands.len().saturating_sub(1)) + ".max",
                Kind::BandEnd {
                    expected: show(hi),
                    found: show(last),
                },
            );
        }
        (self.errors.len() == before).then_some(Bands(raw.bands))
    }
}
