//! The HTML view: a snapshot, every claim highlighted and well nested (checked by a small
//! lexer), and the page rendered by a real browser where chromium is installed.

use super::*;

/// The HTML of one fixture article: the stage snapshots pin what every fixture holds, and the
/// tests below check the page's structure on all of them.
#[test]
fn html() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/articles/harbor-bridge-vote.txt");
    let mut out = Vec::new();
    newsclaims_format::Html::default().record(&mut out, 0, &analyze_fixture(&path));
    insta::assert_snapshot!("html@harbor-bridge-vote", String::from_utf8(out).unwrap());
}

/// One tag or run of text of an HTML document.
#[derive(Debug)]
enum Piece {
    Open(String, Vec<(String, String)>),
    Close(String),
    Text(String),
}

/// Splits HTML into tags and text: enough for our own pages and Chromium's serialization of them.
fn lex(html: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!") {
            rest = &after[after.find('>').unwrap() + 1..];
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').unwrap();
            pieces.push(Piece::Close(after[..end].trim().to_ascii_lowercase()));
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            // Attribute values may hold `>`: walk the tag respecting quotes.
            let mut quote = None;
            let end = after
                .char_indices()
                .find(|&(_, c)| match quote {
                    Some(q) if c == q => {
                        quote = None;
                        false
                    }
                    Some(_) => false,
                    None if c == '"' || c == '\'' => {
                        quote = Some(c);
                        false
                    }
                    None => c == '>',
                })
                .unwrap()
                .0;
            let tag = after[..end].trim_end_matches('/');
            let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
            let mut attrs = Vec::new();
            let mut a = &tag[name_end..];
            while let Some(eq) = a.find('=') {
                let key = a[..eq].trim().to_owned();
                let v = a[eq + 1..].trim_start();
                let q = v.chars().next().unwrap();
                let close = v[1..].find(q).unwrap() + 1;
                attrs.push((key, unescape(&v[1..close])));
                a = &v[close + 1..];
            }
            pieces.push(Piece::Open(tag[..name_end].to_ascii_lowercase(), attrs));
            rest = &after[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            pieces.push(Piece::Text(unescape(&rest[..end])));
            rest = &rest[end..];
        }
    }
    pieces
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

const VOID: [&str; 4] = ["meta", "br", "link", "img"];

/// The text each claim highlight holds, by section id and claim number, after checking that the
/// elements nest properly.
fn highlighted(html: &str) -> std::collections::BTreeMap<(String, String), String> {
    let mut found = std::collections::BTreeMap::new();
    let mut stack: Vec<(String, Option<(String, String)>)> = Vec::new();
    let mut section = String::new();
    for piece in lex(html) {
        match piece {
            Piece::Open(name, attrs) if VOID.contains(&name.as_str()) => drop(attrs),
            Piece::Open(name, attrs) => {
                let attr = |k: &str| attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.clone());
                if name == "section" {
                    section = attr("id").unwrap();
                }
                let class = attr("class").unwrap_or_default();
                let claim = (name == "mark" && class.split(' ').any(|c| c == "claim"))
                    .then(|| attr("data-claim"))
                    .flatten()
                    .map(|id| (section.clone(), id));
                stack.push((name, claim));
            }
            Piece::Close(name) => {
                let (open, _) = stack.pop().expect("a close tag has an open one");
                assert_eq!(open, name, "elements nest");
            }
            Piece::Text(text) => {
                // Inside a legend, not a document.
                if section.is_empty() {
                    continue;
                }
                for key in stack.iter().filter_map(|(_, c)| c.clone()) {
                    found.entry(key).or_insert_with(String::new).push_str(&text);
                }
            }
        }
    }
    assert!(stack.is_empty(), "every element is closed: {stack:?}");
    found
}

fn page(analyses: &[Analysis]) -> String {
    String::from_utf8(write(Format::Html, analyses)).unwrap()
}

/// What each claim's highlight must hold: its content, fragments joined.
fn expected_highlights(
    analyses: &[Analysis],
) -> std::collections::BTreeMap<(String, String), String> {
    let mut expected = std::collections::BTreeMap::new();
    for (n, analysis) in analyses.iter().enumerate() {
        for (id, claim) in analysis.claims.iter().enumerate() {
            let text: String = content(claim)
                .into_iter()
                .map(|s| &analysis.document.text[s])
                .collect();
            expected.insert((format!("d{n}"), id.to_string()), text);
        }
    }
    expected
}

#[test]
fn html_nests_and_highlights_every_claim() {
    let analyses = analyses();
    let html = page(&analyses);
    assert_eq!(highlighted(&html), expected_highlights(&analyses));
    assert!(!html.contains("<script"), "the page runs no script");
    assert!(!html.contains("src="), "the page loads nothing");
}

/// Renders the page in headless Chromium and finds every claim's highlight in its DOM.
#[test]
fn html_in_a_browser() {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|p| has(p))
    else {
        eprintln!("html_in_a_browser: chromium is missing, so the page was not rendered");
        return;
    };
    let analyses = analyses();
    let dir = scratch("html");
    let file = dir.join("page.html");
    std::fs::write(&file, page(&analyses)).unwrap();
    let run = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", file.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8(run.stdout).unwrap();
    assert!(
        run.status.success() && dom.contains("</html>"),
        "chromium rendered the page: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let found = highlighted(&dom);
    assert_eq!(found, expected_highlights(&analyses));
    eprintln!(
        "html_in_a_browser: {} claim highlights found in Chromium's DOM",
        found.len()
    );
    let _ = std::fs::remove_dir_all(dir);
}
