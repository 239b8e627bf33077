//! hedui web app: everything runs in the browser; nothing is sent anywhere.

mod analysis;
mod app;
mod doc_view;
mod export;
mod i18n;
mod input;
mod results;
mod storage;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A panic must never leave a blank page: the hook shows what happened and a way to go on.
/// The input is already autosaved; the crash mark makes the next load restore it unchecked.
fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
    storage::mark_crashed();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(banner) = document.create_element("div") else { return };
    let detail = info.to_string().replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
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
    let _ = body.prepend_with_node_1(&banner);
}

fn main() {
    yew::set_custom_panic_hook(Box::new(show_panic));
    yew::Renderer::<app::App>::new().render();
}
