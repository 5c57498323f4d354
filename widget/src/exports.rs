//! The entry points the bundles that open on a screen of their own export to `candor.js`,
//! each written once and expanded in the binaries that export it. They are macros because
//! a `#[wasm_bindgen]` function in this library would be exported by every binary.

/// Exports `setBaseUrl`: remembers the folder the widget's files are served from.
#[macro_export]
macro_rules! export_base_url {
    () => {
        /// Remembers the folder the widget's files are served from.
        #[wasm_bindgen::prelude::wasm_bindgen(js_name = setBaseUrl)]
        pub fn set_base_url(base_url: String) {
            $crate::set_base_url(base_url);
        }
    };
}

/// Exports a screen's mount function as `$js` (`mountShared`, `mountFacilitator`): it
/// mounts the screen `load::$show` draws into an element.
#[macro_export]
macro_rules! export_screen {
    ($js:ident, $name:ident, $show:ident) => {
        /// Mounts this screen into an element, with the packed file of the built-in it
        /// names (or `null`) and what the bundle that drew the screen's top handed over
        /// (or `null`).
        #[wasm_bindgen::prelude::wasm_bindgen(js_name = $js)]
        pub fn $name(
            host: web_sys::HtmlElement,
            container: web_sys::HtmlElement,
            definition: Option<Vec<u8>>,
            handoff: Option<String>,
        ) -> candor_web::element::Mounted {
            $crate::mount_screen(host, container, definition, handoff, $crate::load::$show)
        }
    };
}
