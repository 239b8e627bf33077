//! The diagnosis, in a worker: the app checks without core's solver of which figure is wrong
//! and without the review rules (they do not fit the app's size budget) and asks the diagnosis
//! module (`crates/diagnosis-worker`, fetched the first time a document is checked, then kept)
//! for the change of each report of a group of documents checked together, and for the JSON
//! report the app exports (the app has no JSON serialiser). One worker for the page; answers
//! come back by request id.

use std::cell::RefCell;
use std::rc::Rc;

use hedui_core::fixes::Diagnosed;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::analysis::{Analysis, Reading};

const DIAGNOSIS_WORKER: &str = "diagnosis/worker.js";

/// What each reading of a group gets: its report's change, none when the module could not say.
pub type Changes = Vec<Option<Diagnosed>>;

/// Requests sent and not answered: id and who waits for the answer (the worker's message,
/// `undefined` when the module failed).
type Waiting = Rc<RefCell<Vec<(u32, Callback<JsValue>)>>>;

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
    let done = done.reform(|answer: JsValue| {
        let changes = field(&answer, "changes")
            .dyn_into::<Uint8Array>()
            .ok()
            .and_then(|bytes| postcard::from_bytes(&bytes.to_vec()).ok());
        changes.unwrap_or_default()
    });
    send(group.iter(), None, done);
}

/// Asks for the JSON report of every analysis (`hedui check --format json`'s), each placed on
/// its PDF's pages or in its office files as the app places it; `done` gets none when the
/// module failed.
pub fn report_json(analyses: &[Rc<Analysis>], done: Callback<Option<String>>) {
    // A group is named by its first reading.
    let group_of =
        |a: &Rc<Analysis>| analyses.iter().position(|b| Rc::ptr_eq(&b.group()[0], &a.group()[0])).unwrap_or(0) as u32;
    let groups: Vec<u32> = analyses.iter().map(group_of).collect();
    fn placed(a: &Analysis) -> (&[u8], &str) {
        a.reading.pdf.as_ref().map_or((&[], ""), |pdf| (&pdf.sent_places, &pdf.sent_sources))
    }
    let places: Array = analyses.iter().map(|a| JsValue::from(Uint8Array::from(placed(a).0))).collect();
    let source_lines: Array = analyses.iter().map(|a| JsValue::from_str(placed(a).1)).collect();
    let extra = [
        ("groups", JsValue::from(groups.into_iter().map(JsValue::from).collect::<Array>())),
        ("places", places.into()),
        ("sourceLines", source_lines.into()),
    ];
    send(
        analyses.iter().map(|a| &a.reading),
        Some(extra),
        done.reform(|answer: JsValue| field(&answer, "json").as_string()),
    );
}

/// Posts the readings' sources and texts (and `extra` fields) with a new id; `done` gets the
/// answer.
fn send<'r>(
    readings: impl Iterator<Item = &'r Rc<Reading>> + Clone,
    extra: Option<[(&str, JsValue); 3]>,
    done: Callback<JsValue>,
) {
    MODULE.with(|module| {
        let mut module = module.borrow_mut();
        if module.is_none() {
            *module = start();
        }
        let Some(module) = module.as_mut() else { return done.emit(JsValue::UNDEFINED) };
        module.next_id += 1;
        let id = module.next_id;
        let message = Object::new();
        let sources: Array = readings.clone().map(|r| JsValue::from_str(&r.parse.source)).collect();
        let texts: Array = readings.map(|r| JsValue::from_str(&r.text)).collect();
        for (key, value) in [("id", JsValue::from(id)), ("sources", sources.into()), ("texts", texts.into())]
            .into_iter()
            .chain(extra.into_iter().flatten())
        {
            let _ = Reflect::set(&message, &key.into(), &value);
        }
        module.waiting.borrow_mut().push((id, done));
        let _ = module.worker.post_message(&message);
    });
}

fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
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
            let id = field(&data, "id").as_f64().unwrap_or(0.0) as u32;
            let answered = {
                let mut waiting = waiting.borrow_mut();
                waiting.iter().position(|(waiting_id, _)| *waiting_id == id).map(|at| waiting.remove(at).1)
            };
            if let Some(done) = answered {
                done.emit(data);
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
                done.emit(JsValue::UNDEFINED);
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
