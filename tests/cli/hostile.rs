//! Hostile input for the CLI and the loaders, as a table: each test is one row, a case and its
//! expected behaviour. Every row runs the real binary in a temporary folder under a deadline
//! (never a hang), and checks that no file in the folder changed (never lost text). A panic
//! would show as exit status 101 and fail every row, which expects 0, 1 or 2.
//!
//! Expected behaviours are one of: a clear error naming the file (and line and column where
//! the file could be parsed), or a defined result checked against the input.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far beyond what any row needs in a debug build; a row that takes longer is hung.
const DEADLINE: Duration = Duration::from_secs(300);

const PARLIAMENT: &str = include_str!("../fixtures/parliament/registry.json");

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn exits(&self, code: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(code),
            "stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    fn says(&self, needle: &str) -> &Run {
        assert!(
            self.stdout.contains(needle) || self.stderr.contains(needle),
            "expected {needle:?} in\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }
}

/// A temporary folder holding the parliament registry as `registry.json`.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("registry.json"), PARLIAMENT).unwrap();
    dir
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// The regular files under `dir` and their contents.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Runs `copydesk ARGS` in `dir`, failing the row if it outlives [`DEADLINE`] or changes a file.
fn copydesk(dir: &Path, args: &[&str]) -> Run {
    let before = snapshot(dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            pipe.read_to_end(&mut buf).unwrap();
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            child.kill().unwrap();
            panic!("copydesk {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(
        before == snapshot(dir),
        "copydesk {args:?} changed a file in its folder"
    );
    Run {
        code: status.code(),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// `registry check` reports the problem on stdout with exit 1; `check` refuses to run, exit 2,
/// with the same place on stderr. `place` is `LINE:COLUMN: ` or the start of it.
fn bad_registry(contents: &str, place: &str, message: &str) {
    let dir = folder();
    write(dir.path(), "r.json", contents);
    write(dir.path(), "d.md", "Zhao Leji spoke.\n");
    copydesk(dir.path(), &["registry", "check", "r.json"])
        .exits(1)
        .says(&format!("r.json:{place}"))
        .says(message);
    copydesk(dir.path(), &["check", "--registry", "r.json", "d.md"])
        .exits(2)
        .says(&format!("r.json:{place}"))
        .says(message);
}

/// A path that cannot be read: mode 000, or for root (who reads anything) a write-only kernel
/// file reached through a symlink.
fn unreadable(dir: &Path, name: &str) -> PathBuf {
    let path = write(dir, name, PARLIAMENT);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("/proc/sys/vm/compact_memory", &path).unwrap();
    }
    path
}

fn fifo(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let status = Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    path
}

/// `count` generated entities whose descriptions fill about `bytes` in all.
fn generated_registry(count: usize, bytes: usize) -> String {
    let description =
        "A generated entity that makes the registry large. ".repeat(bytes / count / 51);
    let syllables = [
        "ka", "lo", "mi", "ra", "zen", "tor", "bel", "vich", "son", "ani", "hao", "chen",
    ];
    let word = |mut n: usize| {
        let mut w = String::new();
        for _ in 0..3 {
            w.push_str(syllables[n % syllables.len()]);
            n /= syllables.len();
        }
        let mut c = w.chars();
        c.next()
            .unwrap()
            .to_uppercase()
            .chain(c)
            .collect::<String>()
    };
    let entities: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"  {{"id": "p{i}", "kind": "person", "name": "{} {}", "roles": [{{"title": "minister", "start": "2020-01-01"}}], "description": "{description}"}}"#,
                word(i),
                word(i / 7 + 11)
            )
        })
        .collect();
    format!(
        "{{\"version\": 1, \"entities\": [\n{}\n]}}\n",
        entities.join(",\n")
    )
}

// Registry files.

#[test]
fn registry_invalid_json_names_file_line_and_column() {
    bad_registry(
        "{\"version\": 1,\n \"entities\": [,]}",
        "2:15",
        "expected value",
    );
}

#[test]
fn registry_truncated_names_where_it_ends() {
    let cut = &PARLIAMENT[..PARLIAMENT.len() / 2];
    let lines = cut.lines().count();
    bad_registry(cut, &format!("{lines}:"), "EOF while parsing");
}

#[test]
fn registry_empty_file_is_an_error_at_its_start() {
    bad_registry("", "1:1: ", "EOF while parsing a value");
}

#[test]
fn registry_wrong_types_are_each_reported() {
    let text = "{\"version\": 1, \"entities\": [\n {\"id\": \"a\", \"kind\": \"person\", \"name\": \"A B\", \"aliases\": \"Zhao\"},\n {\"id\": \"b\", \"kind\": \"person\", \"name\": 7}\n]}";
    bad_registry(
        text,
        "2:",
        "invalid type: string \"Zhao\", expected a sequence",
    );
    bad_registry(text, "3:", "invalid type: integer `7`, expected a string");
    bad_registry(
        "{\"version\": \"1\", \"entities\": []}",
        "1:",
        "invalid type: string \"1\"",
    );
    bad_registry("[]", "1:", "invalid type: sequence");
}

#[test]
fn registry_written_as_arrays_is_an_error() {
    bad_registry(
        "[1, [[\"a\", \"person\", \"Zhao Leji\"]]]",
        "1:1: ",
        "expected an object",
    );
}

#[test]
fn registry_unknown_field_is_an_error() {
    bad_registry("{\"version\": 1, \"entities\": [\n {\"id\": \"a\", \"kind\": \"person\", \"nmae\": \"A\"}]}", "2:", "unknown field `nmae`");
}

#[test]
fn registry_duplicate_ids_name_the_first() {
    bad_registry(
        "{\"version\": 1, \"entities\": [\n {\"id\": \"a\", \"kind\": \"person\", \"name\": \"A\"},\n {\"id\": \"a\", \"kind\": \"place\", \"name\": \"B\"}]}",
        "3:",
        "duplicate id `a` (first defined on line 2)",
    );
}

#[test]
fn registry_of_50_mb_loads() {
    let dir = folder();
    let text = generated_registry(20_000, 50_000_000);
    assert!(text.len() >= 50_000_000, "{} bytes", text.len());
    write(dir.path(), "big.json", &text);
    copydesk(dir.path(), &["registry", "check", "big.json"])
        .exits(0)
        .says("1 file valid, 20000 entities");
    write(dir.path(), "d.md", "Kalotor Mikabel spoke.\n");
    let run = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "big.json",
            "--format",
            "json",
            "d.md",
        ],
    );
    assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
    assert_eq!(run.json()["files"][0]["path"], "d.md");
}

#[test]
fn registry_deeply_nested_is_an_error_not_a_stack_overflow() {
    let deep = format!(
        "{{\"version\": 1, \"entities\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    bad_registry(
        &deep,
        "1:29: ",
        "invalid type: sequence, expected an object",
    );
    let deep_field = format!(
        "{{\"version\": 1, \"entities\": [{{\"id\": \"a\", \"kind\": \"person\", \"name\": \"A\", \"description\": {}{}}}]}}",
        "{\"a\":".repeat(50_000),
        "1".to_string() + &"}".repeat(50_000)
    );
    bad_registry(&deep_field, "1:", "invalid type: map, expected a string");
}

#[test]
fn registry_path_that_is_a_folder() {
    let dir = folder();
    std::fs::create_dir(dir.path().join("r.json")).unwrap();
    copydesk(dir.path(), &["registry", "check", "r.json"])
        .exits(2)
        .says("r.json: is a folder, not a file");
    write(dir.path(), "d.md", "Zhao Leji spoke.\n");
    copydesk(dir.path(), &["check", "--registry", "r.json", "d.md"])
        .exits(2)
        .says("r.json: is a folder, not a file");
}

#[test]
fn registry_symlink_loop() {
    let dir = folder();
    std::os::unix::fs::symlink("b.json", dir.path().join("a.json")).unwrap();
    std::os::unix::fs::symlink("a.json", dir.path().join("b.json")).unwrap();
    copydesk(dir.path(), &["registry", "check", "a.json"])
        .exits(2)
        .says("a.json: too many levels of symbolic links");
}

#[test]
fn registry_unreadable() {
    let dir = folder();
    unreadable(dir.path(), "r.json");
    copydesk(dir.path(), &["registry", "check", "r.json"])
        .exits(2)
        .says("r.json: permission denied");
    write(dir.path(), "d.md", "Zhao Leji spoke.\n");
    copydesk(dir.path(), &["check", "--registry", "r.json", "d.md"])
        .exits(2)
        .says("r.json: permission denied");
}

#[test]
fn registry_that_is_a_fifo_or_a_device_is_not_read() {
    let dir = folder();
    fifo(dir.path(), "r.json");
    write(dir.path(), "d.md", "Zhao Leji spoke.\n");
    copydesk(dir.path(), &["check", "--registry", "r.json", "d.md"])
        .exits(2)
        .says("r.json: is not a regular file");
    copydesk(dir.path(), &["check", "--registry", "/dev/zero", "d.md"])
        .exits(2)
        .says("/dev/zero: is not a regular file");
}

// Config files.

#[test]
fn config_naming_missing_registries_names_them() {
    let dir = folder();
    write(
        dir.path(),
        "copydesk.json",
        r#"{"registries": ["registry.json", "people.json", "gone/orgs.json"]}"#,
    );
    write(dir.path(), "d.md", "Zhao Leji spoke.\n");
    copydesk(dir.path(), &["check", "d.md"])
        .exits(2)
        .says("people.json: no such file")
        .says("orgs.json: no such file");
}

#[test]
fn config_cannot_make_copydesk_read_a_device_or_a_fifo() {
    let dir = folder();
    fifo(dir.path(), "pipe.json");
    write(
        dir.path(),
        "copydesk.json",
        r#"{"registries": ["pipe.json", "/dev/zero", "/dev/stdin"]}"#,
    );
    write(dir.path(), "d.md", "Zhao Leji spoke.\n");
    copydesk(dir.path(), &["check", "d.md"])
        .exits(2)
        .says("pipe.json: is not a regular file")
        .says("/dev/zero: is not a regular file");
    copydesk(dir.path(), &["check", "--config", "pipe.json", "d.md"])
        .exits(2)
        .says("pipe.json: is not a regular file");
}

#[test]
fn config_invalid_json_names_file_line_and_column() {
    let dir = folder();
    write(
        dir.path(),
        "copydesk.json",
        "{\n  \"registries\": [\"registry.json\"\n",
    );
    write(dir.path(), "d.md", "Zhao Leji spoke.\n");
    copydesk(dir.path(), &["check", "d.md"])
        .exits(2)
        .says("copydesk.json:3:");
}

// Drafts.

#[test]
fn draft_not_utf8_is_named_and_the_others_are_still_checked() {
    let dir = folder();
    write(dir.path(), "bad.md", b"Fine line.\nZhao \xff Leji\n");
    write(dir.path(), "good.md", "Zhao Leiji spoke.\n");
    let run = copydesk(
        dir.path(),
        &["check", "--registry", "registry.json", "bad.md", "good.md"],
    );
    run.exits(2)
        .says("bad.md:2:6: is not valid UTF-8 (byte 16)")
        .says("good.md:1:1: error[name-misspelling]");
}

#[test]
fn draft_with_nul_bytes_is_checked_as_text() {
    let dir = folder();
    write(dir.path(), "nul.md", "\0\0 Zhao Leiji\0 spoke.\n");
    let run = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "--format",
            "json",
            "nul.md",
        ],
    );
    run.exits(1);
    let d = &run.json()["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "name-misspelling");
    assert_eq!(d["range"]["start"]["character"], 3);
}

#[test]
fn draft_of_10_mb_on_one_line() {
    let dir = folder();
    let filler = "The committee met in Beijing on Tuesday and the talks went on. ".repeat(160_000);
    write(
        dir.path(),
        "long.md",
        format!("{filler}Zhao Leiji spoke.\n"),
    );
    let run = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "--format",
            "json",
            "long.md",
        ],
    );
    let d = &run.exits(1).json()["files"][0]["diagnostics"][0];
    assert_eq!(d["range"]["start"]["line"], 0);
    assert_eq!(d["range"]["start"]["character"], filler.len());
}

/// Found by the hostile-input table: every position conversion walked its line, so a long line
/// full of findings took time in findings times line length (minutes for this draft).
#[test]
fn draft_of_2_mb_on_one_line_full_of_findings() {
    let dir = folder();
    let sentence = "Zhao Leiji met \u{1F600} reporters. ";
    let text = sentence.repeat(2_000_000 / sentence.len());
    write(dir.path(), "names.md", &text);
    let run = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "--format",
            "json",
            "names.md",
        ],
    );
    let report = run.exits(1).json();
    let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), text.matches("Zhao Leiji").count());
    let last = &diagnostics[diagnostics.len() - 1]["range"]["start"];
    let units = (sentence.encode_utf16().count() * (diagnostics.len() - 1)) as u64;
    assert_eq!(
        (last["line"].as_u64(), last["character"].as_u64()),
        (Some(0), Some(units))
    );
}

/// Found by this table: reading titles searched the whole paragraph for each mention, so these
/// 100,000 lines (one Markdown paragraph) took minutes.
#[test]
fn draft_of_100_000_lines() {
    let dir = folder();
    write(
        dir.path(),
        "lines.md",
        format!(
            "{}Zhao Leiji left.\n",
            "Zhao Leji met reporters.\n".repeat(100_000)
        ),
    );
    copydesk(
        dir.path(),
        &["check", "--registry", "registry.json", "lines.md"],
    )
    .exits(1)
    .says("lines.md:100001:1: error[name-misspelling]");
}

#[test]
fn markdown_with_thousands_of_nested_lists() {
    let dir = folder();
    let staircase: String = (0..2_000)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    write(
        dir.path(),
        "stairs.md",
        format!("{staircase}\nZhao Leiji spoke.\n"),
    );
    write(
        dir.path(),
        "line.md",
        format!("{}Zhao Leiji\n", "- ".repeat(10_000)),
    );
    let run = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "stairs.md",
            "line.md",
        ],
    );
    run.exits(1)
        .says("stairs.md:2002:1: error[name-misspelling]")
        .says("line.md:1:20001: error[name-misspelling]");
}

#[test]
fn markdown_with_thousands_of_nested_quotes() {
    let dir = folder();
    write(
        dir.path(),
        "deep.md",
        format!("{} Zhao Leiji\n", ">".repeat(10_000)),
    );
    let staircase: String = (1..=2_000)
        .map(|i| format!("{} Zhao Leiji\n", ">".repeat(i)))
        .collect();
    write(dir.path(), "stairs.md", staircase);
    let run = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "deep.md",
            "stairs.md",
        ],
    );
    run.exits(1)
        .says("deep.md:1:10002: error[name-misspelling]")
        .says("stairs.md:2000:2002: error[name-misspelling]");
}

#[test]
fn markdown_unclosed_fence_hides_the_rest_as_code() {
    let dir = folder();
    write(
        dir.path(),
        "fence.md",
        "Zhao Leiji spoke.\n\n```\nZhao Leiji in code\n\n~~~\nmore\n",
    );
    let run = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "--format",
            "json",
            "fence.md",
        ],
    );
    let diagnostics = run.exits(1).json()["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 0);
}

#[test]
fn markdown_unclosed_comment_and_empty_and_bom_only_drafts() {
    let dir = folder();
    write(
        dir.path(),
        "comment.md",
        "Zhao Leiji spoke.\n\n<!-- copydesk-disable\nZhao Leiji\n",
    );
    write(dir.path(), "empty.md", "");
    write(dir.path(), "bom.md", "\u{feff}");
    let run = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "--format",
            "json",
            "comment.md",
            "empty.md",
            "bom.md",
        ],
    );
    let report = run.exits(1).json();
    assert_eq!(
        report["files"][0]["diagnostics"].as_array().unwrap().len(),
        1
    );
    assert_eq!(report["files"][1]["diagnostics"], serde_json::json!([]));
    assert_eq!(report["files"][2]["diagnostics"], serde_json::json!([]));
}

#[test]
fn draft_that_is_a_fifo_a_loop_or_missing() {
    let dir = folder();
    fifo(dir.path(), "pipe.md");
    std::os::unix::fs::symlink("loop.md", dir.path().join("loop.md")).unwrap();
    let run = copydesk(
        dir.path(),
        &[
            "check",
            "--registry",
            "registry.json",
            "pipe.md",
            "loop.md",
            "gone.md",
        ],
    );
    run.exits(2)
        .says("pipe.md: is not a regular file")
        .says("loop.md: too many levels of symbolic links")
        .says("gone.md: no such file");
    // Walking a folder skips what is not a regular draft file rather than blocking on it.
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    fifo(&dir.path().join("drafts"), "x.md");
    write(&dir.path().join("drafts"), "y.md", "Zhao Leiji spoke.\n");
    copydesk(
        dir.path(),
        &["check", "--registry", "registry.json", "drafts"],
    )
    .exits(1)
    .says("y.md:1:1:");
}

/// The parliament registry's index, built in a folder of its own.
fn parliament_index() -> Vec<u8> {
    let dir = folder();
    let status = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["registry", "build", "registry.json", "-o", "r.idx"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(dir.path().join("r.idx")).unwrap()
}

/// Rewrites the checksum so a change passes it and reaches the structural checks.
fn resum(mut bytes: Vec<u8>) -> Vec<u8> {
    let sum = copydesk::registry::mapped::fingerprint(&bytes[24..]);
    bytes[16..24].copy_from_slice(&sum.to_ne_bytes());
    bytes
}

#[test]
fn index_damaged_in_any_way_is_a_clear_error_naming_the_file() {
    let good = parliament_index();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x40;
    let mut version = good.clone();
    version[8..12].copy_from_slice(&7u32.to_ne_bytes());
    let mut order = good.clone();
    order[12..16].reverse();
    // A section placed past the end of the file, with a checksum that agrees.
    let mut outside = good.clone();
    outside[32 + 3 * 16..32 + 3 * 16 + 8].copy_from_slice(&u64::MAX.to_ne_bytes());
    // An entity table whose offsets run backwards.
    let mut table = good.clone();
    let entity_offsets =
        u64::from_ne_bytes(table[32 + 2 * 16..32 + 2 * 16 + 8].try_into().unwrap()) as usize;
    table[entity_offsets + 4..entity_offsets + 8].copy_from_slice(&u32::MAX.to_ne_bytes());
    let rows: [(&str, Vec<u8>, &str); 9] = [
        (
            "truncated",
            good[..good.len() / 2].to_vec(),
            "is damaged or truncated",
        ),
        ("header only", good[..20].to_vec(), "is damaged"),
        ("flipped", flipped, "checksum does not match"),
        ("version", version, "is index format version 7"),
        ("byte order", order, "other byte order"),
        ("outside", resum(outside), "outside the file"),
        ("table", resum(table), "points outside its section"),
        (
            "json",
            PARLIAMENT.as_bytes().to_vec(),
            "is registry JSON, not an index",
        ),
        ("empty", Vec::new(), "is not a copydesk registry index"),
    ];
    for (what, bytes, message) in rows {
        let dir = folder();
        write(dir.path(), "r.idx", &bytes);
        write(dir.path(), "d.md", "Zhao Leji spoke.\n");
        let run = copydesk(dir.path(), &["check", "--registry", "r.idx", "d.md"]);
        assert_eq!(run.code, Some(2), "{what}: {}", run.stderr);
        run.says("r.idx: ").says(message);
    }
    // The good one loads.
    let dir = folder();
    write(dir.path(), "r.idx", &good);
    write(dir.path(), "d.md", "Zhao Leiji spoke.\n");
    copydesk(dir.path(), &["check", "--registry", "r.idx", "d.md"])
        .exits(1)
        .says("Zhao Leji");
}
