//! The authoring page's bundle (`candor-author.js` + `candor-author_bg.wasm`): `author.js`
//! loads it and calls `mountAuthor`.

fn main() {
    candor_author::keep_entry_points();
}
