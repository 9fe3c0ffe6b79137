//! A bracket straight after the subject: a party tag ("Sen. Ann Lee (D-Ohio) he would ...")
//! or an aside ("Okafor (who won in 2012) it was ..."). The verb belongs after the bracket,
//! so what follows it is read as what follows the subject.

/// The most words an aside in brackets holds before the subject's verb.
const ASIDE_WORDS: usize = 15;

/// Where a bracket opening straight after the subject (at `end`) closes, and whether it is a
/// party tag. None when there is no such bracket, or when a comma, a dash or a colon follows
/// it (an apposition or a dateline: "PARIS (AP) \u{2014} ...").
pub(super) fn bracket_after(s: &str, end: usize) -> Option<(usize, bool)> {
    let rest = &s[end..];
    let open = end + rest.len() - rest.trim_start().len();
    let inner_len = s[open..].strip_prefix('(')?.find(')')?;
    let inner = &s[open + 1..open + 1 + inner_len];
    let close = open + 1 + inner_len + 1;
    let plain = !inner.contains(['(', '"', '\u{201c}', '\u{201d}']);
    let short = inner.split_whitespace().count() <= ASIDE_WORDS;
    let after = s[close..].trim_start();
    let broken_off = after.is_empty()
        || after.starts_with([',', ':', ';', '-', '\u{2013}', '\u{2014}', '\u{2015}', ')']);
    (plain && short && !broken_off).then_some((close, is_party_tag(inner)))
}

/// "D", "R-Ohio", "I-Vt.", "D-N.Y.": a party's initial and perhaps the state it sits for.
fn is_party_tag(inner: &str) -> bool {
    let mut parts = inner.splitn(2, ['-', '\u{2013}']);
    let party = parts.next().unwrap_or("").trim();
    let state = parts.next().map(str::trim);
    matches!(party, "D" | "R" | "I")
        && state.is_none_or(|st| {
            st.starts_with(|c: char| c.is_ascii_uppercase())
                && st.len() <= 16
                && st
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | ' '))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_tags_and_asides() {
        let s = "Sen. Ann Lee (D-Ohio) he would run.";
        assert_eq!(bracket_after(s, 12), Some((21, true)));
        let s = "Gov. Tom Reyes (R) the deal was done.";
        assert_eq!(bracket_after(s, 14), Some((18, true)));
        let s = "Okafor (who won in 2012) it was easy.";
        assert_eq!(bracket_after(s, 6), Some((24, false)));
        assert!(is_party_tag("D-N.Y."));
        assert!(is_party_tag("I-Vt."));
        assert!(!is_party_tag("AP"));
        assert!(!is_party_tag("Reuters"));
    }

    #[test]
    fn datelines_and_appositions_are_no_asides() {
        assert_eq!(bracket_after("PARIS (AP) \u{2014} The talks ...", 5), None);
        assert_eq!(bracket_after("Ann Lee (D-Ohio), who ran ...", 7), None);
        assert_eq!(bracket_after("Ann Lee said it.", 7), None);
    }
}
