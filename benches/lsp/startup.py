#!/usr/bin/env python3
"""Times a language server's start: from spawning it to the first diagnostics of a draft opened
right after `initialize` (and the CPU time the server used by then), in a workspace with no registry (so copydesk uses its default
registry). Median of fresh processes.

    python3 benches/lsp/startup.py --draft DRAFT.md --runs 20 \
        --server copydesk='target/release/copydesk lsp'

Standard library only; shares the client of side_by_side.py.
"""
import argparse, os, statistics, sys, tempfile, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from side_by_side import Server  # noqa: E402


def once(command, draft_text):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        spawned = time.perf_counter()
        server = Server("server", command, root, {})
        uri = root.as_uri()
        _, _ = server.request("initialize", {
            "processId": os.getpid(), "rootUri": uri,
            "workspaceFolders": [{"uri": uri, "name": "startup"}],
            "capabilities": {"workspace": {"configuration": True},
                             "textDocument": {"publishDiagnostics": {"versionSupport": True}}},
        })
        initialized = time.perf_counter()
        server.notify("initialized", {})
        doc = (root / "draft.md").as_uri()
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": doc, "languageId": "markdown", "version": 1, "text": draft_text}})
        at, _ = server.diagnostics_for(doc)
        cpu = cpu_ms(server.proc.pid)
        server.stop()
        return (initialized - spawned) * 1e3, (at - spawned) * 1e3, cpu


def cpu_ms(pid):
    """User and system time the process has used, in ms (10 ms ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--draft", required=True, type=Path)
    ap.add_argument("--server", action="append", required=True, help="NAME=COMMAND")
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    text = args.draft.read_text()
    for spec in args.server:
        name, command = spec.split("=", 1)
        runs = [once(command, text) for _ in range(args.runs)]
        init = statistics.median(r[0] for r in runs)
        first = sorted(r[1] for r in runs)
        cpu = statistics.mean(r[2] for r in runs)
        print(f"{name}: spawn -> initialize answered {init:.1f} ms; spawn -> first diagnostics "
              f"median {statistics.median(first):.1f} ms, max {first[-1]:.1f} ms; server CPU by then "
              f"{cpu:.0f} ms on average ({args.runs} runs)")


if __name__ == "__main__":
    main()
