//! The page's address names the document shown and the finding selected
//! (`#doc=…&finding=…`), so that a link reopens them in the browser that holds the text. The
//! ids are hashes of the identities dismissals are stored under (`Analysis::document_key`,
//! `Analysis::keys`): the text never goes into the address.

use yew::prelude::*;

use crate::analysis::Analysis;
use crate::app::{reveal_in_list, Pane};
use crate::storage::text_hash;

/// The document and finding a link names (the document is shown as the saved documents are
/// restored: `Workspace::restored`).
pub struct Linked {
    pub doc: usize,
    finding: Option<usize>,
}

/// The document and finding the page's address names (`None`: no link, or not one of ours; a
/// finding id not ours is none).
pub fn linked() -> Option<Linked> {
    let address = web_sys::window()?.location().hash().ok()?;
    let ids = address.strip_prefix("#doc=")?;
    let (doc, finding) = match ids.split_once("&finding=") {
        Some((doc, finding)) => (doc, finding.parse().ok()),
        None => (ids, None),
    };
    Some(Linked { doc: doc.parse().ok()?, finding })
}

/// An identity as the address names it: its hash, cut to the width of a `usize` (32 bits in the
/// browser: a shorter address, and the number formatting the app has anyway).
pub fn link_id(key: &str) -> usize {
    text_hash(key) as usize
}

/// Selects the link's finding in `analysis`, the one shown, and in each new analysis of its
/// document until one is diagnosed (the diagnosis may add the finding, and a new analysis
/// unselects); another document shown ends the link. Then puts what is shown in the address.
pub fn follow(
    awaited: &mut Option<Linked>,
    analysis: Option<&Analysis>,
    selected: &UseStateHandle<Option<usize>>,
    pane: &UseStateHandle<Pane>,
) {
    if let Some(link) = awaited {
        match analysis.filter(|a| link_id(&a.document_key()) == link.doc) {
            Some(analysis) => {
                if let Some(index) = analysis.keys.iter().position(|key| Some(link_id(key)) == link.finding) {
                    if **pane == Pane::Source {
                        pane.set(Pane::Pages);
                    }
                    selected.set(Some(index));
                    reveal_in_list(index);
                }
                if analysis.needs_diagnosis() {
                    return;
                }
                *awaited = None;
            }
            // Not found (or not checked, after a crash): ignored quietly.
            None => *awaited = None,
        }
    }
    show(analysis, **selected);
}

/// Puts the document shown and the finding selected in the address, replacing it (not a history
/// entry per click: Back leaves the app, as it would have); nothing shown, no hash.
fn show(analysis: Option<&Analysis>, selected: Option<usize>) {
    let address = match analysis.filter(|a| !a.reading.text.trim().is_empty()) {
        Some(analysis) => {
            let mut address = format!("#doc={}", link_id(&analysis.document_key()));
            if let Some(key) = selected.and_then(|index| analysis.keys.get(index)) {
                address = format!("{address}&finding={}", link_id(key));
            }
            address
        }
        None => String::new(),
    };
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}
