// hedui — checks Chinese budget disclosures (部门决算 / 部门预算 / 绩效自评) in the page.
// Types: hedui.d.ts. Documentation: README.md and docs/js-api.md in the hedui repository.
import initWasm, * as wasm from './hedui_wasm.js';

let loaded = false;

/**
 * Loads the WebAssembly module (hedui_wasm_bg.wasm next to this file, unless `moduleOrPath`
 * names another URL, `Response`, `WebAssembly.Module` or bytes). Call once; later calls
 * resolve at once.
 */
export default async function init(moduleOrPath) {
  await initWasm(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath });
  loaded = true;
}
export { init };

function ready(options) {
  if (loaded) return;
  throw new Error(options?.language === 'en'
    ? 'hedui is not loaded yet: await init() first'
    : 'hedui 尚未加载：请先 await init()');
}

/** Checks documents: the report of `hedui check --format json`. */
export function check(input, options) {
  ready(options);
  return wasm.check(input, options);
}

/** Reads one document: the report of `hedui parse --format json`. */
export function parse(input, options) {
  ready(options);
  return wasm.parse(input, options);
}

/** The rule catalogue. */
export function rules(options) {
  ready(options);
  return wasm.rules(options);
}

/** A file's bytes as text, decoded as `check()` decodes them. */
export function decode(bytes, options) {
  ready(options);
  return wasm.decode(bytes, options);
}
