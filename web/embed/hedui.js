// hedui — checks Chinese budget disclosures (部门决算 / 部门预算 / 绩效自评) in the page.
// Types: hedui.d.ts. Documentation: README.md and docs/js-api.md in the hedui repository.
// This file checks the options and the shape of the input; the WebAssembly module does the rest.
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

/** Checks documents: the report of `hedui check --format json`. */
export function check(input, options) {
  const { language, categories, source } = read(options, ['language', 'categories', 'source']);
  const documents = Array.isArray(input)
    ? input.map((item, index) => document(item, index, language))
    : [[source, typeof input === 'string' ? input : text(input, source, language)]];
  return JSON.parse(wasm.check(documents.map(([name]) => name), documents.map(([, body]) => body), categories));
}

/** The rule catalogue. */
export function rules(options) {
  const { language, categories } = read(options, ['language', 'categories']);
  return JSON.parse(wasm.rules(categories, language));
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
    categoryNames ??= [...new Set(JSON.parse(wasm.rules(undefined, language)).map((rule) => rule.category))];
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
  return wasm.decode(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes, source, language);
}

function isBytes(value) {
  return value instanceof Uint8Array || value instanceof ArrayBuffer;
}

function badInput(language) {
  return say(language, '输入须为字符串、Uint8Array、ArrayBuffer，或 {source, text} / {source, bytes} 的数组', 'input must be a string, a Uint8Array, an ArrayBuffer, or an array of {source, text} / {source, bytes}');
}
