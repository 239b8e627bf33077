//! Short import names for the app's module. wasm-bindgen names each function its glue hands the
//! module `__wbg_<method>_<16 hex digits>` (about 160 in the app): the names stand twice in what
//! the page loads, in the module's import section and as the keys of the glue's import object,
//! and their random digits do not compress. Renamed `a`, `b`, … in both, the same functions are
//! bound (about 5 KB gzip off the app).

use std::fs;
use std::path::Path;

use crate::minify::integrity;
use crate::{write, Result};

/// The wasm section of imports.
const IMPORT_SECTION: u8 = 2;
/// An import's kind byte for a function (the only kind the glue gives).
const FUNCTION_IMPORT: u8 = 0;

/// Renames the imports of the app's module (the one `<name>_bg.wasm` at the top of `staging`)
/// and the keys of its glue (`<name>.js`), and updates their `sha384-…` integrity in index.html.
pub fn shorten_app(staging: &Path) -> Result {
    let wasm_path = app_module(staging)?;
    let js_path = wasm_path
        .with_file_name(wasm_path.file_name().unwrap_or_default().to_string_lossy().replace("_bg.wasm", ".js"));
    let wasm = fs::read(&wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let js = fs::read_to_string(&js_path).map_err(|e| format!("{}: {e}", js_path.display()))?;
    let (short_wasm, names) = rename_imports(&wasm)?;
    let short_js = rename_keys(&js, &names)?;
    fs::write(&wasm_path, &short_wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    write(&js_path, &short_js)?;

    let index_path = staging.join("index.html");
    let index = fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let index = index
        .replace(&integrity(&wasm), &integrity(&short_wasm))
        .replace(&integrity(js.as_bytes()), &integrity(short_js.as_bytes()));
    write(&index_path, &index)
}

fn app_module(staging: &Path) -> Result<std::path::PathBuf> {
    let mut modules = Vec::new();
    for entry in fs::read_dir(staging).map_err(|e| format!("{}: {e}", staging.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.to_string_lossy().ends_with("_bg.wasm") {
            modules.push(path);
        }
    }
    match <[_; 1]>::try_from(modules) {
        Ok([module]) => Ok(module),
        Err(found) => Err(format!("{}: expected the app's one module, found {found:?}", staging.display())),
    }
}

/// The `index`-th short name: `a`…`z`, `A`…`Z`, then two letters, and so on.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.insert(0, LETTERS[index % 52]);
        if index < 52 {
            return String::from_utf8(name).expect("letters are UTF-8");
        }
        index = index / 52 - 1;
    }
}

/// Each import's old name and its new one, in order.
type Renames = Vec<(String, String)>;

/// `module` with its imports renamed in order (`short_name`), and the renames.
fn rename_imports(module: &[u8]) -> Result<(Vec<u8>, Renames)> {
    let mut reader = Reader { bytes: module, at: 8 };
    if module.get(..4) != Some(b"\0asm".as_slice()) {
        return Err("not a wasm module".into());
    }
    let mut out = module[..8].to_vec();
    let mut names = Vec::new();
    while reader.at < module.len() {
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        let content = reader.take(size)?;
        if id != IMPORT_SECTION {
            out.push(id);
            push_leb(&mut out, size as u32);
            out.extend_from_slice(content);
            continue;
        }
        let mut section = Reader { bytes: content, at: 0 };
        let count = section.leb()?;
        let mut renamed = Vec::new();
        push_leb(&mut renamed, count);
        for index in 0..count as usize {
            let module_name = section.name()?;
            let old = section.name()?;
            let kind = section.byte()?;
            if kind != FUNCTION_IMPORT {
                return Err(format!("import {old}: kind {kind}, not a function"));
            }
            let signature = section.leb()?;
            let new = short_name(index);
            for name in [module_name, new.as_str()] {
                push_leb(&mut renamed, name.len() as u32);
                renamed.extend_from_slice(name.as_bytes());
            }
            renamed.push(kind);
            push_leb(&mut renamed, signature);
            names.push((old.to_string(), new));
        }
        out.push(id);
        push_leb(&mut out, renamed.len() as u32);
        out.extend_from_slice(&renamed);
    }
    Ok((out, names))
}

/// The glue `js` with each import object key renamed as `names` says; each old name must stand
/// in it once, as a key.
fn rename_keys(js: &str, names: &[(String, String)]) -> Result<String> {
    let mut out = js.to_string();
    for (old, new) in names {
        let key = format!("{old}:");
        if js.matches(old.as_str()).count() != 1 || !js.contains(&key) {
            return Err(format!("the glue does not name the import {old} once, as a key"));
        }
        out = out.replacen(&key, &format!("{new}:"), 1);
    }
    Ok(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn take(&mut self, count: usize) -> Result<&'a [u8]> {
        let taken = self.bytes.get(self.at..self.at + count).ok_or("truncated wasm module")?;
        self.at += count;
        Ok(taken)
    }

    /// An unsigned LEB128 number.
    fn leb(&mut self) -> Result<u32> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err("malformed LEB128 number in the wasm module".into())
    }

    fn name(&mut self) -> Result<&'a str> {
        let length = self.leb()? as usize;
        std::str::from_utf8(self.take(length)?).map_err(|_| "an import name is not UTF-8".to_string())
    }
}

fn push_leb(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::{rename_imports, rename_keys, short_name};

    /// A module with a type section and two function imports from the glue.
    fn module(names: [&str; 2]) -> Vec<u8> {
        let mut imports = vec![2];
        for name in names {
            imports.push(4);
            imports.extend_from_slice(b"./gl");
            imports.push(name.len() as u8);
            imports.extend_from_slice(name.as_bytes());
            imports.extend_from_slice(&[0, 0]);
        }
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        module.push(2);
        module.push(imports.len() as u8);
        module.extend_from_slice(&imports);
        module
    }

    #[test]
    fn imports_are_renamed_in_the_module_and_the_glue() {
        let (renamed, names) = rename_imports(&module(["__wbg_click_c6eff13daacf9806", "__wbg_body_5f9"])).unwrap();
        assert_eq!(renamed, module(["a", "b"]));
        assert_eq!(names[1], ("__wbg_body_5f9".to_string(), "b".to_string()));
        let glue = "const i = {\n __wbg_click_c6eff13daacf9806: function(e) { e.click() },\n __wbg_body_5f9: function(e) {},\n};";
        assert_eq!(
            rename_keys(glue, &names).unwrap(),
            "const i = {\n a: function(e) { e.click() },\n b: function(e) {},\n};"
        );
        assert!(rename_keys("wasm.__wbg_body_5f9(); ({__wbg_body_5f9: 1})", &names[1..]).is_err());
    }

    #[test]
    fn short_names_are_letters_each_once() {
        assert_eq!(
            [0, 25, 26, 51, 52, 53, 52 * 53 - 1, 52 * 53].map(short_name),
            ["a", "z", "A", "Z", "aa", "ab", "ZZ", "aaa"]
        );
    }
}
