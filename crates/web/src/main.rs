//! hedui web app: everything runs in the browser; nothing is sent anywhere.

mod analysis;
mod app;
mod controls;
mod diagnosis;
mod doc_view;
mod export;
mod i18n;
mod input;
mod link;
mod overview;
mod page_view;
mod pdf;
mod results;
mod storage;
mod workspace;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Talc instead of Rust's default wasm allocator (dlmalloc): smaller and faster.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A panic must never leave a blank page: the hook shows what happened and a way to go on.
/// The input is already autosaved; the crash mark makes the next load restore it unchecked.
fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
    storage::mark_crashed();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    crash_banner(&document, &info.to_string());
}

/// Puts the crash banner (what happened, that the input is saved, a reload button) at the
/// top of the page.
fn crash_banner(document: &web_sys::Document, detail: &str) -> Option<web_sys::Element> {
    let body = document.body()?;
    let banner = document.create_element("div").ok()?;
    let detail = detail.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    banner.set_class_name("crash-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-testid", "crash");
    banner.set_inner_html(&format!(
        "<p><strong>核对程序出错了。</strong>你的输入已自动保存，重新加载后会恢复（暂不自动核对）。<br>\
         <strong>hedui failed.</strong> Your input is saved and comes back after a reload (not checked automatically).</p>\
         <button type=\"button\">重新加载 · Reload</button>\
         <details><summary>详情 · Details</summary><pre>{detail}</pre></details>"
    ));
    // A listener, not an inline `onclick`: the page's Content-Security-Policy forbids inline handlers.
    if let Ok(Some(button)) = banner.query_selector("button") {
        let reload = Closure::once_into_js(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.unchecked_ref());
    }
    body.prepend_with_node_1(&banner).ok()?;
    Some(banner)
}

/// Routes every panic, from the app or from core, to [`show_panic`].
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(show_panic));
}

fn main() {
    install_panic_hook();
    yew::Renderer::<app::App>::new().render();
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// What a user sees after a panic: an alert saying the input is saved, the panic's text
    /// (escaped), and a reload button; the page around it stays.
    #[wasm_bindgen_test]
    fn the_crash_banner_says_the_input_is_saved_and_offers_a_reload() {
        let document = web_sys::window().unwrap().document().unwrap();
        let body = document.body().unwrap();
        let kept = document.create_element("main").unwrap();
        body.append_child(&kept).unwrap();

        let banner = super::crash_banner(&document, "panicked at core/src/x.rs:1:1: index <3> out of range").unwrap();

        assert_eq!(body.first_element_child().unwrap(), banner);
        assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
        assert_eq!(banner.get_attribute("data-testid").as_deref(), Some("crash"));
        let text = banner.text_content().unwrap();
        assert!(text.contains("你的输入已自动保存") && text.contains("Your input is saved"), "{text}");
        assert!(text.contains("index <3> out of range"), "{text}");
        assert_eq!(
            banner.query_selector("pre").unwrap().unwrap().inner_html(),
            "panicked at core/src/x.rs:1:1: index &lt;3&gt; out of range"
        );
        let button = banner.query_selector("button").unwrap().unwrap();
        assert_eq!(button.get_attribute("onclick"), None, "inline handlers are blocked by the CSP");
        assert!(body.contains(Some(&kept)));
    }

    /// The hook `main` installs turns a real panic (here in a timer callback, as in an event
    /// handler) into the banner and the crash mark, and the page keeps working.
    #[wasm_bindgen_test]
    async fn a_panic_shows_the_banner_and_marks_the_crash() {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;

        let window = web_sys::window().unwrap();
        let document = window.document().unwrap();
        super::storage::clear_crashed();
        super::install_panic_hook();
        let panicking = Closure::once_into_js(|| {
            let index = std::hint::black_box(7);
            let cells: Vec<u8> = Vec::new();
            let _ = cells[index];
        });
        window.set_timeout_with_callback_and_timeout_and_arguments_0(panicking.unchecked_ref(), 0).unwrap();
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();

        let banner = document.query_selector("[data-testid=crash]").unwrap().expect("the crash banner");
        let detail = banner.query_selector("pre").unwrap().unwrap().text_content().unwrap();
        assert!(detail.contains("index out of bounds: the len is 0 but the index is 7"), "{detail}");
        assert!(super::storage::crashed(), "the next load restores the input without checking it");
        super::storage::clear_crashed();
        banner.remove();
    }

    /// The crash mark makes the next load restore the input without checking it.
    #[wasm_bindgen_test]
    fn a_crash_is_remembered_until_cleared() {
        super::storage::clear_crashed();
        assert!(!super::storage::crashed());
        super::storage::mark_crashed();
        assert!(super::storage::crashed());
        super::storage::clear_crashed();
        assert!(!super::storage::crashed());
    }
}
