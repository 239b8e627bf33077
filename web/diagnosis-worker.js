// hedui's diagnosis in a Web Worker (one for the page, started when a document first has
// findings or a report is exported), so that finding which figure is wrong never blocks the
// page. Built into dist/diagnosis/ with crates/diagnosis-worker's module
// (xtask/src/workers.rs). It receives {id, sources, texts} (documents the page checked
// together) and posts {id, changes} (a Uint8Array), or receives {id, sources, texts, groups,
// places, sourceLines} (every open document) and posts {id, json} (the report to export):
// crates/diagnosis-worker/src/lib.rs. A crash reaches the page as the worker's `error` event.
import init, { diagnose, report } from './hedui_diagnosis_worker.js';

const ready = init();

self.onmessage = ({ data }) => {
  ready
    .then(() => self.postMessage(data.groups
      ? { id: data.id, json: report(data.sources, data.texts, data.groups, data.places, data.sourceLines) }
      : { id: data.id, changes: diagnose(data.sources, data.texts) }))
    .catch((error) => self.reportError(error));
};
