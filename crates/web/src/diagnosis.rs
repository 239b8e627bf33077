//! The diagnosis, in a worker: the app checks without core's solver of which figure is wrong
//! (it does not fit the app's size budget) and asks the diagnosis module
//! (`crates/diagnosis-worker`, fetched the first time a document has findings, then kept) for the
//! change of each report of a group of documents checked together. One worker for the page;
//! answers come back by request id.

use std::cell::RefCell;
use std::rc::Rc;

use hedui_core::fixes::Diagnosed;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::analysis::Reading;

const DIAGNOSIS_WORKER: &str = "diagnosis/worker.js";

/// What each reading of a group gets: its report's change, none when the module could not say.
pub type Changes = Vec<Option<Diagnosed>>;

/// Requests sent and not answered: id and who waits.
type Waiting = Rc<RefCell<Vec<(u32, Callback<Changes>)>>>;

struct Module {
    worker: Worker,
    waiting: Waiting,
    next_id: u32,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static MODULE: RefCell<Option<Module>> = const { RefCell::new(None) };
}

/// Asks for the diagnosis of `group` (readings checked together, in the app's order); `done`
/// gets one change per reading, or none at all when the module failed (it is started again on
/// the next request).
pub fn request(group: &[Rc<Reading>], done: Callback<Changes>) {
    MODULE.with(|module| {
        let mut module = module.borrow_mut();
        if module.is_none() {
            *module = start();
        }
        let Some(module) = module.as_mut() else { return done.emit(Vec::new()) };
        module.next_id += 1;
        let id = module.next_id;
        let message = Object::new();
        let sources: Array = group.iter().map(|r| JsValue::from_str(&r.parse.source)).collect();
        let texts: Array = group.iter().map(|r| JsValue::from_str(&r.text)).collect();
        for (key, value) in [("id", JsValue::from(id)), ("sources", sources.into()), ("texts", texts.into())] {
            let _ = Reflect::set(&message, &key.into(), &value);
        }
        module.waiting.borrow_mut().push((id, done));
        let _ = module.worker.post_message(&message);
    });
}

fn start() -> Option<Module> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(DIAGNOSIS_WORKER, &options).ok()?;
    let waiting = Waiting::default();
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |message: MessageEvent| {
            let data = message.data();
            let field = |name: &str| Reflect::get(&data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
            let id = field("id").as_f64().unwrap_or(0.0) as u32;
            let changes = field("changes").dyn_into::<Uint8Array>().ok().and_then(|bytes| postcard::from_bytes(&bytes.to_vec()).ok()).unwrap_or_default();
            let answered = {
                let mut waiting = waiting.borrow_mut();
                waiting.iter().position(|(waiting_id, _)| *waiting_id == id).map(|at| waiting.remove(at).1)
            };
            if let Some(done) = answered {
                done.emit(changes);
            }
        })
    };
    // A crashed module answers nobody: everyone waiting gets nothing, and the next request
    // starts it again.
    let on_error = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(ErrorEvent)>::new(move |error: ErrorEvent| {
            error.prevent_default();
            let stopped = MODULE.with(|module| module.borrow_mut().take());
            let waiting: Vec<_> = waiting.borrow_mut().drain(..).collect();
            for (_, done) in waiting {
                done.emit(Vec::new());
            }
            if let Some(module) = stopped {
                module.worker.terminate();
                // Dropped later: this closure is one of its own.
                yew::platform::spawn_local(async move { drop(module) });
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Module { worker, waiting, next_id: 0, _on_message: on_message, _on_error: on_error })
}
