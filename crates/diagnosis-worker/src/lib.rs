//! The web app's diagnosis, run in a Web Worker (`web/diagnosis-worker.js`): the app checks
//! without core's `diagnosis` and `review` (the solver and the review rules do not fit the app's
//! size budget) and sends the documents it checked together here; this module checks them as
//! the app does and as the CLI does, and returns, per document, the change from the one report
//! to the other ([`Diagnosed`]), which the app applies to its own. It also writes the report
//! the app exports as JSON ([`report`]: the app has no JSON serialiser, for its size budget).
//! Built by xtask into `dist/diagnosis/` and fetched when the app first checks a document.

use hedui_core::fixes::Diagnosed;
use hedui_core::layout::GlyphPlaces;
use hedui_core::pipeline::check_parsed;
use hedui_core::positioned::SourcePlaces;
use hedui_core::{CheckOptions, CheckReport, DocumentReport, ParseReport};
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

/// Talc instead of Rust's default wasm allocator (dlmalloc): smaller and faster.
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The documents `sources[i]`, `texts[i]`, checked together as the app checks them, diagnosed:
/// postcard of a `Vec<Option<Diagnosed>>`, one per document in order (`None`: the reports do
/// not differ by a change, which does not happen).
#[wasm_bindgen]
pub fn diagnose(sources: Vec<String>, texts: Vec<String>) -> Vec<u8> {
    postcard::to_allocvec(&changes(&sources, &texts)).unwrap_or_default()
}

/// The JSON report (as `hedui check --format json` writes it) of the documents `sources[i]`,
/// `texts[i]`, in order, those of one `groups[i]` checked together, each placed on its PDF's
/// pages (`places[i]`, the PDF reader's `GlyphPlaces` as postcard; empty for none) or in its
/// office files (`source_lines[i]`, `SourcePlaces` lines), as the app places them.
#[wasm_bindgen]
pub fn report(
    sources: Vec<String>,
    texts: Vec<String>,
    groups: Vec<u32>,
    places: Vec<Uint8Array>,
    source_lines: Vec<String>,
) -> String {
    let places: Vec<Vec<u8>> = places.iter().map(Uint8Array::to_vec).collect();
    report_of(&sources, &texts, &groups, &places, &source_lines)
}

fn report_of(
    sources: &[String],
    texts: &[String],
    groups: &[u32],
    places: &[Vec<u8>],
    source_lines: &[String],
) -> String {
    let mut documents: Vec<Option<DocumentReport>> = sources.iter().map(|_| None).collect();
    for (first, &group) in groups.iter().enumerate() {
        if groups[..first].contains(&group) {
            continue;
        }
        let members: Vec<usize> = (first..groups.len()).filter(|&i| groups[i] == group).collect();
        let parsed: Vec<ParseReport> =
            members.iter().filter_map(|&i| Some(hedui_core::parse(sources.get(i)?, texts.get(i)?))).collect();
        let checked = check_parsed(&parsed.iter().collect::<Vec<_>>(), &CheckOptions::default());
        for (&i, mut document) in members.iter().zip(checked.documents) {
            if let Some(places) =
                places.get(i).filter(|p| !p.is_empty()).and_then(|p| postcard::from_bytes::<GlyphPlaces>(p).ok())
            {
                document.place_on_pages(&places);
            }
            document.place_in_sources(&SourcePlaces::from_lines(source_lines.get(i).map_or("", String::as_str)));
            documents[i] = Some(document);
        }
    }
    CheckReport::new(documents.into_iter().flatten().collect()).to_json()
}

fn changes(sources: &[String], texts: &[String]) -> Vec<Option<Diagnosed>> {
    let parsed: Vec<ParseReport> =
        sources.iter().zip(texts).map(|(source, text)| hedui_core::parse(source, text)).collect();
    let documents: Vec<&ParseReport> = parsed.iter().collect();
    let plain = check_parsed(&documents, &CheckOptions { no_diagnosis: true, ..CheckOptions::default() });
    let diagnosed = check_parsed(&documents, &CheckOptions::default());
    plain
        .documents
        .iter()
        .zip(&diagnosed.documents)
        .map(|(plain, diagnosed)| Diagnosed::between(plain, diagnosed))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(name: &str) -> String {
        std::fs::read_to_string(format!("{}/../../../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    /// The exported report is the CLI's: 003 and 000 (one department's budget and accounts)
    /// checked together, 001 alone, in the app's order.
    #[test]
    fn the_exported_report_is_the_clis() {
        let names = ["003_1cc174f46883e4ef.txt", "001_1a1813143cd16474.txt", "000_a60f2e9b14e82395.txt"];
        let texts: Vec<String> = names.iter().map(|n| corpus(n)).collect();
        let sources: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let json = report_of(
            &sources,
            &texts,
            &[0, 1, 0],
            &[Vec::new(), Vec::new(), Vec::new()],
            &[String::new(), String::new(), String::new()],
        );
        let together = hedui_core::check(&[(names[0], &texts[0]), (names[2], &texts[2])]);
        let alone = hedui_core::check(&[(names[1], &texts[1])]);
        let [budget, accounts] = <[DocumentReport; 2]>::try_from(together.documents).unwrap();
        let expected = CheckReport::new(vec![budget, alone.documents.into_iter().next().unwrap(), accounts]);
        assert!(expected.documents[0].compared_with == [names[2]], "the budget is compared with its accounts");
        assert_eq!(json, expected.to_json());
    }

    /// 000 as published: its diagnosis changes the report (a cause found, the review rules'
    /// findings added), and what the module sends reads back.
    #[test]
    fn a_document_with_a_slip_gets_its_change() {
        let text = corpus("000_a60f2e9b14e82395.txt");
        let sent = diagnose(vec!["000.txt".to_string()], vec![text.clone()]);
        let changes: Vec<Option<Diagnosed>> = postcard::from_bytes(&sent).unwrap();
        assert_eq!(changes, super::changes(&["000.txt".to_string()], std::slice::from_ref(&text)));
        let [Some(change)] = changes.as_slice() else { panic!("{changes:?}") };
        let mut plain = hedui_core::check_with(
            &[("000.txt", &text)],
            &CheckOptions { no_diagnosis: true, ..CheckOptions::default() },
        )
        .documents
        .remove(0);
        let before = plain.findings.len();
        change.clone().apply(&mut plain);
        let review = |rule: &str| hedui_core::rules::all().iter().any(|r| r.info().code == rule && r.info().review);
        let (added, others): (Vec<_>, Vec<_>) = plain.findings.iter().partition(|f| review(f.rule));
        assert!(
            others.iter().any(|f| f.is_cause()) && others.len() < before && !added.is_empty(),
            "{before} → {} and {} added",
            others.len(),
            added.len()
        );
    }
}
