// hedui's reader of workbooks, Word documents and GBK text in a Web Worker (a module worker, one
// per document), so that reading them never blocks the page. Built into dist/office/ with
// crates/office-worker's module (xtask/src/office.rs) and fetched only when such a file is
// opened. It receives the files of one document (an array of File: the page never holds their
// bytes) and posts {type: 'done', text, sources, notes} or {type: 'error', zh, en}
// (crates/office-worker/src/lib.rs). A crash reaches the page as the worker's `error` event.
import init, { read } from './hedui_office_worker.js';

self.onmessage = ({ data }) => {
  Promise.all([Promise.all(data.map((file) => file.arrayBuffer())), init()])
    .then(([buffers]) => {
      const message = read(data.map((file) => file.name), buffers.map((buffer) => new Uint8Array(buffer)));
      self.postMessage(message);
    })
    .catch((error) => self.reportError(error));
};
