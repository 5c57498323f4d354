//! QR codes of share links, as SVG path data the app draws.
//!
//! * The symbol itself comes from `qrcodegen`, Project Nayuki's generator: small, no
//!   dependencies, well tested.
//! * This module only turns the symbol's modules into one SVG path.
//! * It merges each row's runs of dark modules into single rectangles, so the path stays
//!   short.
//!
//! ```
//! let qr = candor_core::qr::Qr::encode("https://example.org/#candor=1ABC").unwrap();
//! assert!(qr.size() >= 21);
//! assert!(qr.path().starts_with('M'));
//! ```

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR symbol: a square of dark and light modules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    size: usize,
    dark: Vec<bool>,
}

impl Qr {
    /// Encodes `text` with medium error correction (15 % of the symbol can be damaged);
    /// `None` if it is too long for any QR version. The text is encoded as bytes: a link
    /// holds lowercase letters, `#` or `=`, which no denser QR mode can, so this is the
    /// symbol a text encoder would choose too, without the code that tries the others.
    pub fn encode(text: &str) -> Option<Self> {
        let code = QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Medium).ok()?;
        let size = code.size();
        let dark = (0..size)
            .flat_map(|y| (0..size).map(move |x| (x, y)))
            .map(|(x, y)| code.get_module(x, y))
            .collect();
        Some(Self {
            size: size as usize,
            dark,
        })
    }

    /// Modules per side (without the quiet zone).
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// SVG path data of the dark modules, one unit per module, origin at the top left (add
    /// a quiet zone of four modules around it with the view box).
    pub fn path(&self) -> String {
        let mut path = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                path.push_str(&format!("M{start} {y}h{run}v1h-{run}z"));
            }
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_the_symbol_a_text_encoder_makes() {
        for link in [
            "https://candor.invalid/#candor=1ABC-DEFG-HJKM-NPQR-S",
            "https://example.org/course/unit-3.html?x=1#candor=2702-00F0-0000-0009-B",
            "http://localhost:8080/embed.html?instrument=trust-roadmap&session=Team%20A",
        ] {
            let text = QrCode::encode_text(link, QrCodeEcc::Medium).unwrap();
            let qr = Qr::encode(link).unwrap();
            assert_eq!(qr.size(), text.size() as usize, "{link}");
            for y in 0..text.size() {
                for x in 0..text.size() {
                    let at = y as usize * qr.size() + x as usize;
                    assert_eq!(qr.dark[at], text.get_module(x, y), "{link} at {x},{y}");
                }
            }
        }
    }

    #[test]
    fn the_path_covers_exactly_the_dark_modules() {
        let qr = Qr::encode("https://candor.invalid/#candor=1ABC-DEFG-HJKM-NPQR-S").unwrap();
        // Rebuild the modules from the path's runs.
        let mut painted = vec![false; qr.size() * qr.size()];
        for segment in qr.path().split('M').filter(|s| !s.is_empty()) {
            let (xy, rest) = segment.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let run: usize = rest.split('v').next().unwrap().parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            for dx in 0..run {
                painted[y * qr.size() + x + dx] = true;
            }
        }
        for y in 0..qr.size() {
            for x in 0..qr.size() {
                assert_eq!(painted[y * qr.size() + x], qr.is_dark(x, y), "({x}, {y})");
            }
        }
        // The three finder patterns' corners are dark.
        let s = qr.size();
        assert!(qr.is_dark(0, 0) && qr.is_dark(s - 1, 0) && qr.is_dark(0, s - 1));
    }
}
