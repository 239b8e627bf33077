//! Simple fonts' encodings (Standard, WinAnsi, MacRoman), glyph names (a subset of the Adobe
//! Glyph List: the names those encodings use, ligatures, and `uniXXXX` / `uXXXX` names), and
//! CJK radicals read as the ideographs they look like.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A base encoding: byte → character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    Standard,
    WinAnsi,
    MacRoman,
}

impl Base {
    /// The base encoding an `/Encoding` or `/BaseEncoding` name stands for.
    pub(crate) fn from_name(name: &[u8]) -> Option<Base> {
        match name {
            b"StandardEncoding" => Some(Base::Standard),
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(Base::MacRoman),
            _ => None,
        }
    }

    /// The character `code` stands for, if any.
    pub(crate) fn char(self, code: u8) -> Option<char> {
        match (self, code) {
            (Base::Standard, b'\'') => Some('\u{2019}'),
            (Base::Standard, b'`') => Some('\u{2018}'),
            (_, 0x20..=0x7e) => Some(char::from(code)),
            (Base::Standard, _) => STANDARD_HIGH.iter().find(|(c, _)| *c == code).map(|(_, ch)| *ch),
            (Base::WinAnsi, 0x80..=0x9f) => WIN_ANSI_80.chars().nth(usize::from(code - 0x80)).filter(|&c| c != '\0'),
            (Base::WinAnsi, 0xa0..=0xff) => Some(char::from(code)),
            (Base::MacRoman, 0x80..=0xff) => {
                MAC_ROMAN_HIGH.chars().nth(usize::from(code - 0x80)).filter(|&c| c != '\0')
            }
            _ => None,
        }
    }
}

/// WinAnsiEncoding 0x80–0x9F (`\0`: undefined); 0xA0–0xFF is Latin-1.
const WIN_ANSI_80: &str = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

/// MacRomanEncoding 0x80–0xFF (`\0`: undefined).
const MAC_ROMAN_HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄¤‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\0ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/// StandardEncoding above 0x7E.
const STANDARD_HIGH: &[(u8, char)] = &[
    (0xa1, '¡'),
    (0xa2, '¢'),
    (0xa3, '£'),
    (0xa4, '⁄'),
    (0xa5, '¥'),
    (0xa6, 'ƒ'),
    (0xa7, '§'),
    (0xa8, '¤'),
    (0xa9, '\''),
    (0xaa, '“'),
    (0xab, '«'),
    (0xac, '‹'),
    (0xad, '›'),
    (0xae, 'ﬁ'),
    (0xaf, 'ﬂ'),
    (0xb1, '–'),
    (0xb2, '†'),
    (0xb3, '‡'),
    (0xb4, '·'),
    (0xb6, '¶'),
    (0xb7, '•'),
    (0xb8, '‚'),
    (0xb9, '„'),
    (0xba, '”'),
    (0xbb, '»'),
    (0xbc, '…'),
    (0xbd, '‰'),
    (0xbf, '¿'),
    (0xc1, '`'),
    (0xc2, '´'),
    (0xc3, 'ˆ'),
    (0xc4, '˜'),
    (0xc5, '¯'),
    (0xc6, '˘'),
    (0xc7, '˙'),
    (0xc8, '¨'),
    (0xca, '˚'),
    (0xcb, '¸'),
    (0xcd, '˝'),
    (0xce, '˛'),
    (0xcf, 'ˇ'),
    (0xd0, '—'),
    (0xe1, 'Æ'),
    (0xe3, 'ª'),
    (0xe8, 'Ł'),
    (0xe9, 'Ø'),
    (0xea, 'Œ'),
    (0xeb, 'º'),
    (0xf1, 'æ'),
    (0xf5, 'ı'),
    (0xf8, 'ł'),
    (0xf9, 'ø'),
    (0xfa, 'œ'),
    (0xfb, 'ß'),
];

/// Glyph names of 0x20–0x7E, in order.
const ASCII_NAMES: &str = "space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma hyphen \
period slash zero one two three four five six seven eight nine colon semicolon less equal greater question at \
A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum underscore grave \
a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde";

/// Glyph names of Latin-1 0xA1–0xFF, in order.
const LATIN1_NAMES: &str = "exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine guillemotleft \
logicalnot sfthyphen registered macron degree plusminus twosuperior threesuperior acute mu paragraph periodcentered cedilla \
onesuperior ordmasculine guillemotright onequarter onehalf threequarters questiondown Agrave Aacute Acircumflex Atilde \
Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex Idieresis Eth Ntilde Ograve \
Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls agrave \
aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave iacute icircumflex \
idieresis eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex udieresis yacute \
thorn ydieresis";

/// Other names: WinAnsi's, StandardEncoding's and MacRoman's beyond Latin-1, and ligatures.
const OTHER_NAMES: &[(&str, &str)] = &[
    ("Euro", "€"),
    ("quotesinglbase", "‚"),
    ("florin", "ƒ"),
    ("quotedblbase", "„"),
    ("ellipsis", "…"),
    ("dagger", "†"),
    ("daggerdbl", "‡"),
    ("circumflex", "ˆ"),
    ("perthousand", "‰"),
    ("Scaron", "Š"),
    ("guilsinglleft", "‹"),
    ("OE", "Œ"),
    ("Zcaron", "Ž"),
    ("quoteleft", "‘"),
    ("quoteright", "’"),
    ("quotedblleft", "“"),
    ("quotedblright", "”"),
    ("bullet", "•"),
    ("endash", "–"),
    ("emdash", "—"),
    ("tilde", "˜"),
    ("trademark", "™"),
    ("scaron", "š"),
    ("guilsinglright", "›"),
    ("oe", "œ"),
    ("zcaron", "ž"),
    ("Ydieresis", "Ÿ"),
    ("fraction", "⁄"),
    ("dotlessi", "ı"),
    ("Lslash", "Ł"),
    ("lslash", "ł"),
    ("breve", "˘"),
    ("caron", "ˇ"),
    ("dotaccent", "˙"),
    ("hungarumlaut", "˝"),
    ("ogonek", "˛"),
    ("ring", "˚"),
    ("minus", "−"),
    ("nbspace", "\u{a0}"),
    ("middot", "·"),
    ("notequal", "≠"),
    ("infinity", "∞"),
    ("lessequal", "≤"),
    ("greaterequal", "≥"),
    ("partialdiff", "∂"),
    ("summation", "∑"),
    ("product", "∏"),
    ("pi", "π"),
    ("integral", "∫"),
    ("Omega", "Ω"),
    ("radical", "√"),
    ("approxequal", "≈"),
    ("Delta", "∆"),
    ("lozenge", "◊"),
    ("fi", "fi"),
    ("fl", "fl"),
    ("ff", "ff"),
    ("ffi", "ffi"),
    ("ffl", "ffl"),
];

/// The text a glyph name stands for: `uniXXXX…`, `uXXXX[XX]`, a known name, or a ligature of
/// known names joined by `_`; a suffix after `.` (`a.sc`) is dropped.
pub(crate) fn glyph_name_text(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    let name = name.split('.').next().unwrap_or(name);
    if name.is_empty() {
        return None;
    }
    if name.contains('_') {
        return name.split('_').map(single_glyph_name).collect();
    }
    single_glyph_name(name)
}

fn single_glyph_name(name: &str) -> Option<String> {
    if let Some(hex) = name
        .strip_prefix("uni")
        .filter(|h| !h.is_empty() && h.len() % 4 == 0 && h.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        let units: Vec<u16> = hex
            .as_bytes()
            .chunks(4)
            .filter_map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
            .collect();
        return Some(char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect());
    }
    if let Some(hex) =
        name.strip_prefix('u').filter(|h| (4..=6).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).map(String::from);
    }
    glyph_names().get(name).map(|text| text.to_string())
}

/// Every known glyph name and its text, built on first use.
fn glyph_names() -> &'static HashMap<&'static str, String> {
    static NAMES: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: HashMap<&'static str, String> =
            OTHER_NAMES.iter().map(|(name, text)| (*name, (*text).to_string())).collect();
        let latin1 = LATIN1_NAMES.split(' ').zip(0xa1..=0xffu8);
        // ASCII last: `hyphen` is U+002D, not the soft hyphen.
        for (name, code) in latin1.chain(ASCII_NAMES.split(' ').zip(0x20..=0x7eu8)) {
            names.insert(name, char::from(code).to_string());
        }
        names
    })
}

/// The ideographs of the Kangxi radicals U+2F00–U+2FD5, in order (their NFKC forms).
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// CJK Radicals Supplement characters drawn like a standalone ideograph (mostly the simplified
/// forms), and that ideograph.
const RADICALS_SUPPLEMENT: &[(char, char)] = &[
    ('⺟', '母'),
    ('⺠', '民'),
    ('⻁', '虎'),
    ('⻄', '西'),
    ('⻅', '见'),
    ('⻆', '角'),
    ('⻈', '讠'),
    ('⻉', '贝'),
    ('⻋', '车'),
    ('⻌', '辶'),
    ('⻐', '钅'),
    ('⻓', '长'),
    ('⻔', '门'),
    ('⻗', '雨'),
    ('⻘', '青'),
    ('⻙', '韦'),
    ('⻚', '页'),
    ('⻛', '风'),
    ('⻜', '飞'),
    ('⻝', '食'),
    ('⻠', '饣'),
    ('⻡', '首'),
    ('⻢', '马'),
    ('⻣', '骨'),
    ('⻤', '鬼'),
    ('⻥', '鱼'),
    ('⻦', '鸟'),
    ('⻧', '卤'),
    ('⻨', '麦'),
    ('⻩', '黄'),
    ('⻪', '黾'),
    ('⻬', '齐'),
    ('⻮', '齿'),
    ('⻰', '龙'),
    ('⻳', '龟'),
];

/// Replaces CJK radicals by the ideographs they are drawn as. Fonts draw 入 and the Kangxi
/// radical ⼊ with one glyph, and some writers' ToUnicode maps give the radical: read as it is,
/// 收⼊ would not be 收入.
pub(crate) fn unify_radicals(text: String) -> String {
    if !text.chars().any(|c| ('\u{2e80}'..='\u{2fd5}').contains(&c)) {
        return text;
    }
    text.chars()
        .map(|c| match u32::from(c) {
            code @ 0x2f00..=0x2fd5 => KANGXI.chars().nth((code - 0x2f00) as usize).unwrap_or(c),
            0x2e80..=0x2eff => {
                RADICALS_SUPPLEMENT.iter().find(|(radical, _)| *radical == c).map_or(c, |(_, ideograph)| *ideograph)
            }
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_their_sizes() {
        assert_eq!(WIN_ANSI_80.chars().count(), 32);
        assert_eq!(MAC_ROMAN_HIGH.chars().count(), 128);
        assert_eq!(ASCII_NAMES.split(' ').count(), 0x7f - 0x20);
        assert_eq!(LATIN1_NAMES.split(' ').count(), 0x100 - 0xa1);
    }

    #[test]
    fn encodings_differ_where_they_should() {
        assert_eq!(Base::Standard.char(b'\''), Some('’'));
        assert_eq!(Base::WinAnsi.char(b'\''), Some('\''));
        assert_eq!(Base::WinAnsi.char(0x93), Some('“'));
        assert_eq!(Base::WinAnsi.char(0x81), None);
        assert_eq!(Base::WinAnsi.char(0xe9), Some('é'));
        assert_eq!(Base::Standard.char(0xae), Some('ﬁ'));
        assert_eq!(Base::MacRoman.char(0x8e), Some('é'));
        assert_eq!(Base::MacRoman.char(0xff), Some('ˇ'));
        assert_eq!(Base::WinAnsi.char(0x1f), None);
    }

    #[test]
    fn unifies_radicals() {
        assert_eq!(KANGXI.chars().count(), 0x2fd6 - 0x2f00);
        assert_eq!(unify_radicals("收⼊⽀出".to_string()), "收入支出");
        assert_eq!(unify_radicals("⼀⿕部⻔⻓".to_string()), "一龠部门长");
        assert_eq!(unify_radicals("⺀ plain".to_string()), "⺀ plain");
    }

    #[test]
    fn reads_glyph_names() {
        let text = |n: &str| glyph_name_text(n.as_bytes());
        assert_eq!(text("A").as_deref(), Some("A"));
        assert_eq!(text("zero").as_deref(), Some("0"));
        assert_eq!(text("eacute").as_deref(), Some("é"));
        assert_eq!(text("hyphen").as_deref(), Some("-"));
        assert_eq!(text("sfthyphen").as_deref(), Some("\u{ad}"));
        assert_eq!(text("Euro").as_deref(), Some("€"));
        assert_eq!(text("quotedblright").as_deref(), Some("”"));
        assert_eq!(text("uni4E2D").as_deref(), Some("中"));
        assert_eq!(text("uniD83DDE00").as_deref(), Some("😀"));
        assert_eq!(text("u1F600").as_deref(), Some("😀"));
        assert_eq!(text("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(text("a.sc").as_deref(), Some("a"));
        assert_eq!(text("g123"), None);
        assert_eq!(text(""), None);
    }
}
