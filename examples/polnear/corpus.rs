//! Reading PolNeAR: each story's text and its stand-off attributions (BRAT `.ann` files: `T`
//! lines are spans labelled Source, Cue or Content, in character offsets, discontinuous spans
//! joined by `;`; `E` lines tie a cue to its source and content).

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// One annotated attribution; ranges are byte ranges in the story text.
#[derive(Clone, Debug, Default)]
pub struct Attribution {
    pub source: Vec<Range<usize>>,
    pub cue: Vec<Range<usize>>,
    pub content: Vec<Range<usize>>,
}

pub struct Story {
    pub name: String,
    pub text: String,
    pub attributions: Vec<Attribution>,
}

/// Every story of the split with the first annotator's attributions (a few stories were
/// annotated by several people, to measure agreement).
pub fn load(split: &Path) -> Result<Vec<Story>, String> {
    let read_dir = |d: &str| {
        let dir = split.join(d);
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        Ok::<_, String>(names)
    };
    let anns = read_dir("attributions")?;
    let mut stories = Vec::new();
    for name in read_dir("text")? {
        let Some(stem) = name.strip_suffix(".txt") else {
            continue;
        };
        let Some(ann) = anns
            .iter()
            .find(|a| a.strip_prefix(stem).is_some_and(|r| r.starts_with('_')))
        else {
            continue;
        };
        let text = std::fs::read_to_string(split.join("text").join(&name))
            .map_err(|e| format!("cannot read {name}: {e}"))?;
        let ann = std::fs::read_to_string(split.join("attributions").join(ann))
            .map_err(|e| format!("cannot read {ann}: {e}"))?;
        let attributions = parse_ann(&text, &ann);
        stories.push(Story {
            name: stem.to_string(),
            text,
            attributions,
        });
    }
    Ok(stories)
}

fn parse_ann(text: &str, ann: &str) -> Vec<Attribution> {
    // Character offset to byte offset.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let byte = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut spans: HashMap<&str, (&str, Vec<Range<usize>>)> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((label, offsets)) = body.split_once(' ') else {
                continue;
            };
            let ranges = offsets
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.split_once(' ')?;
                    Some(byte(a.parse().ok()?)..byte(b.parse().ok()?))
                })
                .collect();
            spans.insert(id, (label, ranges));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    events
        .into_iter()
        .map(|body| {
            let mut a = Attribution::default();
            for arg in body.split_whitespace() {
                let Some((role, id)) = arg.split_once(':') else {
                    continue;
                };
                let Some((_, ranges)) = spans.get(id) else {
                    continue;
                };
                match role {
                    "Source" => a.source.extend(ranges.iter().cloned()),
                    "Cue" => a.cue.extend(ranges.iter().cloned()),
                    "Content" => a.content.extend(ranges.iter().cloned()),
                    _ => {}
                }
            }
            a
        })
        .filter(|a| !a.cue.is_empty())
        .collect()
}
