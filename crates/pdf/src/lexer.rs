//! A forgiving content-stream lexer: operands and operators, in order. What it cannot read it
//! skips a byte at a time, so one bad token costs that token and not the rest of the stream.

use std::borrow::Cow;

/// Operands kept per content-stream operator; more is garbage (text operators take at most 3).
const MAX_OPERANDS: usize = 64;
/// Nesting of arrays and dictionaries among operands.
const MAX_NESTING: usize = 32;

/// One operand.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operand<'a> {
    Number(f64),
    /// A name, `#xx` escapes resolved.
    Name(Cow<'a, [u8]>),
    /// A string, escapes resolved (literal) or decoded (hex).
    Str(Cow<'a, [u8]>),
    Array(Vec<Operand<'a>>),
    /// A dictionary, boolean or null: read past, kept only so that counts stay right.
    Other,
}

impl Operand<'_> {
    pub(crate) fn number(&self) -> Option<f64> {
        match self {
            Operand::Number(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
}

/// Reads a content stream: `next` gives each operator with the operands before it.
pub(crate) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    operands: Vec<Operand<'a>>,
    max_operands: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// What one read produced.
enum Token<'a> {
    Operand(Operand<'a>),
    Operator(&'a [u8]),
    ArrayEnd,
    DictEnd,
    /// A byte that starts nothing: skipped.
    Junk,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0, operands: Vec::new(), max_operands: MAX_OPERANDS }
    }

    /// A lexer for a CMap, whose blocks (`beginbfchar` …) put many operands before one operator.
    pub(crate) fn for_cmap(data: &'a [u8]) -> Self {
        Lexer { max_operands: 1 << 20, ..Lexer::new(data) }
    }

    /// The next operator and its operands; `None` at the end of the stream.
    pub(crate) fn next(&mut self) -> Option<(&'a [u8], &[Operand<'a>])> {
        self.operands.clear();
        loop {
            match self.token(0)? {
                Token::Operand(operand) => {
                    if self.operands.len() >= self.max_operands {
                        self.operands.clear();
                    }
                    self.operands.push(operand);
                }
                Token::Operator(b"BI") => {
                    self.skip_inline_image();
                    self.operands.clear();
                }
                Token::Operator(op) => return Some((op, &self.operands)),
                Token::ArrayEnd | Token::DictEnd | Token::Junk => {}
            }
        }
    }

    fn skip_white_and_comments(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.data.get(self.pos).is_some_and(|&b| b != b'\n' && b != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn token(&mut self, depth: usize) -> Option<Token<'a>> {
        self.skip_white_and_comments();
        let &b = self.data.get(self.pos)?;
        let token = match b {
            b'/' => {
                self.pos += 1;
                Token::Operand(Operand::Name(self.name()))
            }
            b'(' => {
                self.pos += 1;
                Token::Operand(Operand::Str(self.literal_string()))
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_dict(depth);
                Token::Operand(Operand::Other)
            }
            b'<' => {
                self.pos += 1;
                Token::Operand(Operand::Str(Cow::Owned(self.hex_string())))
            }
            b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                Token::DictEnd
            }
            b'[' => {
                self.pos += 1;
                Token::Operand(Operand::Array(self.array(depth)))
            }
            b']' => {
                self.pos += 1;
                Token::ArrayEnd
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => match self.number() {
                Some(n) => Token::Operand(Operand::Number(n)),
                None => {
                    // Not a number after all (e.g. `-` alone or `1.2.3x`): read past the run.
                    self.regular_run();
                    Token::Junk
                }
            },
            _ if is_regular(b) => {
                let word = self.regular_run();
                match word {
                    b"true" | b"false" | b"null" => Token::Operand(Operand::Other),
                    _ => Token::Operator(word),
                }
            }
            _ => {
                self.pos += 1;
                Token::Junk
            }
        };
        Some(token)
    }

    fn regular_run(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.data.get(self.pos).is_some_and(|&b| is_regular(b)) {
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or_default()
    }

    fn number(&mut self) -> Option<f64> {
        let start = self.pos;
        let run = self.regular_run();
        // PDF numbers: optional sign, digits, at most one point. Some writers emit `--5` or
        // `5-`: like other readers, take the leading sign and the digits and points after it.
        let mut rest = run;
        let mut negative = false;
        while let Some((&sign, tail)) = rest.split_first().filter(|(b, _)| matches!(b, b'+' | b'-')) {
            negative ^= sign == b'-';
            rest = tail;
        }
        let end = rest.iter().position(|b| !(b.is_ascii_digit() || *b == b'.')).unwrap_or(rest.len());
        let digits = rest.get(..end).unwrap_or_default();
        if !digits.iter().any(u8::is_ascii_digit) || digits.iter().filter(|&&b| b == b'.').count() > 1 {
            self.pos = start + run.len();
            return None;
        }
        let text = std::str::from_utf8(digits).ok()?;
        let value: f64 = text.parse().ok()?;
        Some(if negative { -value } else { value })
    }

    fn name(&mut self) -> Cow<'a, [u8]> {
        let raw = self.regular_run();
        if !raw.contains(&b'#') {
            return Cow::Borrowed(raw);
        }
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while let Some(&b) = raw.get(i) {
            let escaped =
                (b == b'#').then(|| Some(hex_value(*raw.get(i + 1)?)? << 4 | hex_value(*raw.get(i + 2)?)?)).flatten();
            match escaped {
                Some(byte) => {
                    out.push(byte);
                    i += 3;
                }
                None => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        Cow::Owned(out)
    }

    /// After `(`: up to the matching `)`, escapes resolved.
    fn literal_string(&mut self) -> Cow<'a, [u8]> {
        let start = self.pos;
        let mut depth = 1usize;
        let mut plain = true;
        while let Some(&b) = self.data.get(self.pos) {
            match b {
                b'\\' => {
                    plain = false;
                    self.pos += 2;
                    continue;
                }
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                b'\r' => plain = false,
                _ => {}
            }
            self.pos += 1;
        }
        let end = self.pos.min(self.data.len());
        self.pos = end + 1;
        let raw = self.data.get(start..end).unwrap_or_default();
        if plain {
            return Cow::Borrowed(raw);
        }
        Cow::Owned(unescape(raw))
    }

    /// After `<`: hex digits up to `>`, an odd last digit padded with 0.
    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = hex_value(b) else { continue };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    fn array(&mut self, depth: usize) -> Vec<Operand<'a>> {
        let mut items = Vec::new();
        if depth >= MAX_NESTING {
            self.skip_to_array_end();
            return items;
        }
        loop {
            let before = self.pos;
            match self.token(depth + 1) {
                Some(Token::Operand(operand)) => items.push(operand),
                // An operator inside an array (a broken stream): the array ends before it, and
                // the operator is read next.
                Some(Token::Operator(_)) => {
                    self.pos = before;
                    return items;
                }
                Some(Token::ArrayEnd) | None => return items,
                Some(Token::DictEnd | Token::Junk) => {}
            }
        }
    }

    fn skip_to_array_end(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            if b == b']' {
                return;
            }
        }
    }

    fn skip_dict(&mut self, depth: usize) {
        if depth >= MAX_NESTING {
            return;
        }
        loop {
            match self.token(depth + 1) {
                Some(Token::DictEnd) | None => return,
                Some(_) => {}
            }
        }
    }

    /// After `BI`: the image's dictionary up to `ID`, then its data up to `EI` standing alone.
    fn skip_inline_image(&mut self) {
        loop {
            match self.token(0) {
                Some(Token::Operator(b"ID")) => break,
                // `EI` without `ID`: nothing to skip.
                Some(Token::Operator(b"EI")) | None => return,
                Some(_) => {}
            }
        }
        // One white-space byte ends `ID`; the data follows.
        self.pos += 1;
        while self.pos < self.data.len() {
            let at_ei = self.data.get(self.pos..self.pos + 2) == Some(b"EI");
            let white_before = self.pos == 0 || self.data.get(self.pos - 1).is_some_and(|&b| is_white(b));
            let white_after = self.data.get(self.pos + 2).is_none_or(|&b| is_white(b) || is_delimiter(b));
            if at_ei && white_before && white_after {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
    }
}

/// Resolves a literal string's escapes (`\n`, `\(`, `\ddd`, line continuations) and end-of-line
/// conventions (CR and CR LF read as LF).
fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        i += 1;
        match b {
            b'\\' => {
                let Some(&e) = raw.get(i) else { break };
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut value = u32::from(e - b'0');
                        for _ in 0..2 {
                            match raw.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    value = value * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push((value & 0xff) as u8);
                    }
                    b'\r' => {
                        if raw.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
            }
            b'\r' => {
                if raw.get(i) == Some(&b'\n') {
                    i += 1;
                }
                out.push(b'\n');
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut lexer = Lexer::new(data);
        let mut out = Vec::new();
        while let Some((op, operands)) = lexer.next() {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.to_vec()));
        }
        out
    }

    fn text(s: &[u8]) -> Operand<'_> {
        Operand::Str(Cow::Borrowed(s))
    }

    #[test]
    fn reads_operators_with_their_operands() {
        let got = ops(b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm (Hi) Tj [(A) -120 <0041>] TJ ET");
        let names: Vec<&str> = got.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Tm", "Tj", "TJ", "ET"]);
        assert_eq!(got[1].1, vec![Operand::Name(Cow::Borrowed(b"F1")), Operand::Number(12.0)]);
        assert_eq!(got[2].1[5], Operand::Number(-0.5));
        assert_eq!(got[3].1, vec![text(b"Hi")]);
        assert_eq!(got[4].1, vec![Operand::Array(vec![text(b"A"), Operand::Number(-120.0), text(b"\0A")])]);
    }

    #[test]
    fn resolves_string_escapes_and_nesting() {
        let got = ops(b"(a\\(b\\)c (nested) \\101\\12x\\\ny\\\\) Tj");
        assert_eq!(got[0].1, vec![text(b"a(b)c (nested) A\nxy\\")]);
        let got = ops(b"<48 65 6c6c 6F7> Tj");
        assert_eq!(got[0].1, vec![text(b"Hello\x70")]);
    }

    #[test]
    fn resolves_name_escapes() {
        let got = ops(b"/F#31 10 Tf");
        assert_eq!(got[0].1[0], Operand::Name(Cow::Borrowed(b"F1")));
    }

    #[test]
    fn skips_inline_images_and_dictionaries() {
        let got = ops(b"q BI /W 2 /H 2 /BPC 8 ID \x00EI\xffEI \nEI Q /Span <</ActualText (x)>> BDC EMC");
        let names: Vec<&str> = got.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["q", "Q", "BDC", "EMC"]);
        assert_eq!(got[2].1, vec![Operand::Name(Cow::Borrowed(b"Span")), Operand::Other]);
    }

    #[test]
    fn survives_garbage() {
        let got = ops(b") ] >> } { 1.2.3 -- 5- (unterminated");
        assert!(got.is_empty());
        let got = ops(b"1 2 3 4 5 6 7 ]] )) x 9 Tz (a) Tj");
        let names: Vec<&str> = got.iter().map(|(op, _)| op.as_str()).collect();
        assert_eq!(names, ["x", "Tz", "Tj"]);
        let deep = [b"[".repeat(10_000), b"(z) Tj".to_vec()].concat();
        assert!(ops(&deep).len() <= 1);
        let many = b"1 ".repeat(1000);
        assert!(ops(&many).is_empty());
    }
}
