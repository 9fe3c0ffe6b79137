#!/usr/bin/env python3
"""Times a language server on one huge draft, end to end over stdio.

Per run, in a fresh server (after a small warm-up draft, so the registry is loaded):

- open: didOpen of the draft to its first publishDiagnostics, and to its complete diagnostics
  (the first publish with a finding past the draft's first 64 KB: a server that publishes a
  first part early publishes the whole later);
- hover (`--hover`, instead of the above): didOpen of the draft immediately followed by a hover request on a capitalised word in
  the middle of it; the time from the hover request to its answer, and from didOpen to it.

    python3 benches/lsp/huge.py --registry R.idx --draft draft-1mb.md --repeat 10 --runs 3 \\
        --server 'target/release/copydesk lsp'

`--repeat N` opens the draft written N times over (the 1 MB generated draft x 10 is a 10 MB
document). Also prints the server's CPU time and the load average. Standard library only.
"""
import argparse, os, re, statistics, sys, tempfile, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from side_by_side import start  # noqa: E402

FIRST_PART = 64 * 1024


def middle_word(text):
    """(line, UTF-16 character) of the first capitalised word after the middle of `text`."""
    m = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+").search(text, len(text) // 2)
    before = text[: m.start() + 1]
    line = before.count("\n")
    col = len(before[before.rfind("\n") + 1:].encode("utf-16-le")) // 2
    return line, col, m.group(0)


def run_once(command, registry, text, hover_at, delay=0.0):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = start("copydesk", command, root, registry)
        warm = root / "warm-up.md"
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": warm.as_uri(), "languageId": "markdown", "version": 1,
            "text": " ".join(text[:5000].split(" ")[:200])}})
        server.diagnostics_for(warm.as_uri())
        uri = (root / "huge.md").as_uri()
        last_line_of_first_part = text[:FIRST_PART].count("\n")
        sent = time.perf_counter()
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        hover = None
        if hover_at:
            line, col = hover_at
            time.sleep(delay)
            asked = time.perf_counter()
            at, m = server.request("textDocument/hover", {
                "textDocument": {"uri": uri}, "position": {"line": line, "character": col}})
            hover = ((at - asked) * 1e3, (at - sent) * 1e3, m.get("result") is not None)
        first = complete = None
        while complete is None:
            at, m = server.diagnostics_for(uri)
            diags = m["params"]["diagnostics"]
            if first is None:
                first = ((at - sent) * 1e3, len(diags))
            if any(d["range"]["start"]["line"] > last_line_of_first_part for d in diags):
                complete = ((at - sent) * 1e3, len(diags))
        cpu = server.cpu_s()
        server.stop()
        return first, complete, hover, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--registry", required=True, type=Path)
    ap.add_argument("--draft", required=True, type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--hover", action="store_true", help="hover right after didOpen")
    ap.add_argument("--hover-delay", type=float, default=0.0,
                    help="seconds between didOpen and the hover (the didOpen read by then)")
    ap.add_argument("--server", required=True, help="the server's command")
    args = ap.parse_args()
    text = args.draft.read_text()
    text = "\n".join([text] * args.repeat)
    hover_at = None
    if args.hover:
        line, col, word = middle_word(text)
        hover_at = (line, col)
        print(f"hover on {word!r} at line {line}, character {col}", file=sys.stderr)
    rows = [run_once(args.server, args.registry.resolve(), text, hover_at, args.hover_delay)
            for _ in range(args.runs)]
    med = lambda xs: statistics.median(xs)
    print(f"{len(text.encode())} bytes, {args.runs} runs, load average "
          f"{os.getloadavg()[0]:.1f}, server CPU per run (s): "
          + ", ".join(f"{r[3]:.2f}" for r in rows))
    if args.hover:
        # Diagnostics that came while the hover answer was awaited were passed over.
        print(f"hover request -> answer: median {med([r[2][0] for r in rows]):.1f} ms; "
              f"didOpen -> hover answer: median {med([r[2][1] for r in rows]):.1f} ms; "
              f"answered with a card: {[r[2][2] for r in rows]}")
        return
    print(f"didOpen -> first diagnostics: median {med([r[0][0] for r in rows]):.1f} ms "
          f"({rows[0][0][1]} diagnostics)")
    print(f"didOpen -> complete diagnostics: median {med([r[1][0] for r in rows]):.1f} ms "
          f"({rows[0][1][1]} diagnostics)")


if __name__ == "__main__":
    main()
