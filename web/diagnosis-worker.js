// hedui's diagnosis in a Web Worker (one for the page, started when a document first has a
// broken relation), so that finding which figure is wrong never blocks the page. Built into
// dist/diagnosis/ with crates/diagnosis-worker's module (xtask/src/workers.rs). It receives
// {id, sources, texts} (the documents the page checked together) and posts {id, changes} (a
// Uint8Array: crates/diagnosis-worker/src/lib.rs). A crash reaches the page as the worker's
// `error` event.
import init, { diagnose } from './hedui_diagnosis_worker.js';

const ready = init();

self.onmessage = ({ data }) => {
  ready
    .then(() => self.postMessage({ id: data.id, changes: diagnose(data.sources, data.texts) }))
    .catch((error) => self.reportError(error));
};
