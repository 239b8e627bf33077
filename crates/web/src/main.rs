//! hedui web app: everything runs in the browser; nothing is sent anywhere.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let text = use_state(String::new);
    let report = use_memo((*text).clone(), |text| hedui_core::parse("input", text));
    let oninput = {
        let text = text.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            text.set(area.value());
        })
    };
    html! {
        <main class="app">
            <header class="app-header">
                <h1>{ "核对 hedui" }</h1>
                <p class="tagline">{ "部门决算、部门预算、绩效自评报告核对 · 全部在本机浏览器中完成，不上传任何内容" }</p>
            </header>
            <label class="input-label" for="input">{ "粘贴文档内容" }</label>
            <textarea id="input" data-testid="input" class="editor" value={(*text).clone()} {oninput}
                placeholder="在此粘贴部门决算、预算或绩效自评报告的文本……" spellcheck="false" />
            <p class="summary" data-testid="summary" aria-live="polite">
                { format!("识别到 {} 个表格", report.stats.tables) }
            </p>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
