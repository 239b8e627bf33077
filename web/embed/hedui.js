// hedui — checks Chinese budget disclosures (部门决算 / 部门预算 / 绩效自评) in the page.
// Types: hedui.d.ts. Documentation: README.md and docs/js-api.md in the hedui repository.
// This file checks the options and the shape of the input; the WebAssembly module does the rest.
import initWasm, * as firstInstance from './hedui_wasm.js';

/** The module's glue in use; replaced by a fresh one when the module stops ([`restart`]). */
let wasm = firstInstance;
let loaded = false;
/** The compiled module: each new instance is made from it, without fetching again. */
let compiled;
/** A fresh copy of the glue (its own instance of the module), imported ahead of need. */
let spare;
let copies = 1;

/**
 * Loads the WebAssembly module (hedui_wasm_bg.wasm next to this file, unless `moduleOrPath`
 * names another URL, `Response`, `WebAssembly.Module` or bytes). Call once; later calls
 * resolve at once.
 */
export default async function init(moduleOrPath) {
  if (loaded) return;
  if (compiled === undefined) {
    compiled = await compile(moduleOrPath ?? new URL('hedui_wasm_bg.wasm', import.meta.url));
    await initWasm({ module_or_path: compiled });
  } else {
    // The module stopped and no fresh copy of the glue was at hand (see restart).
    const glue = await freshGlue();
    await glue.default({ module_or_path: compiled });
    wasm = glue;
  }
  spare = await freshGlue();
  loaded = true;
}
export { init };

/** The module compiled from what `init()` was given. */
async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (typeof source === 'string' || source instanceof URL || source instanceof Request || source instanceof Response) {
    const response = source instanceof Response ? source : await fetch(source);
    // compileStreaming needs the application/wasm type; some servers send another.
    return WebAssembly.compileStreaming(response.clone()).catch(async () => WebAssembly.compile(await response.arrayBuffer()));
  }
  return WebAssembly.compile(source);
}

/** Another copy of the glue module: a query makes it a module of its own, with its own instance. */
function freshGlue() {
  copies += 1;
  return import(`./hedui_wasm.js?instance=${copies}`);
}

/**
 * Runs `call` on the module. A module that stops (a trap: out of memory, or a bug) cannot be
 * used again; a new instance takes its place at once, the caller gets an Error saying so, and
 * the next call works.
 */
function guarded(language, call) {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    restart();
    throw say(language, `核对中止（${error.message}），核对模块已重新加载，可重试`, `the check stopped (${error.message}); the checker was reloaded, try again`);
  }
}

/** Puts a new instance of the compiled module in place of the stopped one. */
function restart() {
  if (spare === undefined) {
    // Stopped again before the next copy of the glue arrived: calls say "not loaded" until
    // init() has loaded one (it is started here; a page offline may call init() again).
    loaded = false;
    init().catch(() => {});
    return;
  }
  spare.initSync({ module: compiled });
  wasm = spare;
  spare = undefined;
  freshGlue().then((glue) => { spare = glue; }, () => {});
}

/** Checks documents: the report of `hedui check --format json`. */
export function check(input, options) {
  const { language, categories, source } = read(options, ['language', 'categories', 'source']);
  const documents = Array.isArray(input)
    ? input.map((item, index) => document(item, index, language))
    : [[source, typeof input === 'string' ? input : text(input, source, language)]];
  return JSON.parse(guarded(language, () => wasm.check(documents.map(([name]) => name), documents.map(([, body]) => body), categories)));
}

/** The rule catalogue. */
export function rules(options) {
  const { language, categories } = read(options, ['language', 'categories']);
  return JSON.parse(guarded(language, () => wasm.rules(categories, language)));
}

/** The category names, in the catalogue's order. */
let categoryNames;

/** A file's bytes as text, decoded as `check()` decodes them. */
export function decode(bytes, options) {
  const { language, source } = read(options, ['language', 'source']);
  if (!isBytes(bytes)) throw say(language, 'decode() 的参数须为 Uint8Array 或 ArrayBuffer', 'decode() takes a Uint8Array or an ArrayBuffer');
  return text(bytes, source, language);
}

/** An `Error` in the caller's language. */
function say(language, zh, en) {
  return new Error(language === 'en' ? en : zh);
}

/** The options with their defaults, or an `Error` naming what is wrong; `known` are the keys the function takes. */
function read(options, known) {
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new Error('options 须为对象 (options must be an object): { language, categories, source }');
  }
  const { language = 'zh', categories, source = 'input' } = options ?? {};
  if (language !== 'zh' && language !== 'en') throw new Error("language 须为 'zh' 或 'en' (language must be 'zh' or 'en')");
  if (!loaded) throw say(language, 'hedui 尚未加载：请先 await init()', 'hedui is not loaded yet: await init() first');
  const unknown = Object.keys(options ?? {}).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw say(language, `未知的选项：${unknown}（可用：${known.join('、')}）`, `unknown option: ${unknown} (known: ${known.join(', ')})`);
  }
  if (typeof source !== 'string') throw say(language, 'source 须为字符串', 'source must be a string');
  if (categories !== undefined && !(Array.isArray(categories) && categories.every((name) => typeof name === 'string'))) {
    throw say(language, 'categories 须为字符串数组', 'categories must be an array of strings');
  }
  if (categories !== undefined) {
    categoryNames ??= [...new Set(JSON.parse(guarded(language, () => wasm.rules(undefined, language))).map((rule) => rule.category))];
    const unknown = categories.find((name) => !categoryNames.includes(name));
    if (unknown !== undefined) {
      throw say(language, `未知的规则类别：${unknown}（可用：${categoryNames.join('、')}）`, `unknown category: ${unknown} (known: ${categoryNames.join(', ')})`);
    }
  }
  return { language, categories, source };
}

/** One of several documents, `{source?, text}` or `{source?, bytes}`, as `[source, text]`. */
function document(item, index, language) {
  if (item === null || typeof item !== 'object') throw badInput(language);
  const { source = `input-${index + 1}`, text: body, bytes } = item;
  if (typeof source !== 'string') throw say(language, 'source 须为字符串', 'source must be a string');
  if (typeof body === 'string' && bytes === undefined) return [source, body];
  if (body === undefined && bytes !== undefined) return [source, text(bytes, source, language)];
  throw say(language, `${source}：每个文档须有 text（字符串）或 bytes（Uint8Array）之一`, `${source}: each document needs either text (a string) or bytes (a Uint8Array)`);
}

/** The text of a file's bytes, decoded in core. */
function text(bytes, source, language) {
  if (!isBytes(bytes)) throw badInput(language);
  return guarded(language, () => wasm.decode(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes, source, language));
}

function isBytes(value) {
  return value instanceof Uint8Array || value instanceof ArrayBuffer;
}

function badInput(language) {
  return say(language, '输入须为字符串、Uint8Array、ArrayBuffer，或 {source, text} / {source, bytes} 的数组', 'input must be a string, a Uint8Array, an ArrayBuffer, or an array of {source, text} / {source, bytes}');
}
