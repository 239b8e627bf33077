// hedui's PDF reader in a Web Worker (a module worker, one per PDF), so that reading a PDF never
// blocks the page. Built into dist/pdf/ with crates/pdf-worker's module (xtask/src/pdf.rs) and
// fetched only when a PDF is opened. It receives the file (a File or Blob: the page never holds
// its bytes), posts {type: 'progress', page, pages} after each page read, then
// {type: 'done', text, places, pages} or {type: 'error', zh, en} (crates/pdf-worker/src/lib.rs).
// A crash (the module failed to load, or stopped) reaches the page as the worker's `error` event.
import init, { read } from './hedui_pdf_worker.js';

self.onmessage = ({ data }) => {
  Promise.all([data.arrayBuffer(), init()])
    .then(([bytes]) => {
      const message = read(new Uint8Array(bytes), (page, pages) => self.postMessage({ type: 'progress', page, pages }));
      self.postMessage(message, message.type === 'done' ? [message.places.buffer] : []);
    })
    .catch((error) => self.reportError(error));
};
