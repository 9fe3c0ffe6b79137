#!/usr/bin/env python3
"""Times language servers on the same drafts: didOpen to publishDiagnostics, and typing.

For each server and draft: start the server in a fresh workspace, open a small warm-up draft
(so registry loading is not counted against the draft), then open the draft under test and time
the first publishDiagnostics for it; repeat on fresh URIs and report the median. Then type: one
word changed per didChange at 20 edits a second, and time from the last keystroke to the
diagnostics of the last version. Finally, the server's resident memory with all drafts open.

    python3 benches/lsp/side_by_side.py --registry REGISTRY.json --drafts A.md B.md \
        --server copydesk='target/release/copydesk lsp' \
        --server harper='target/harper/bin/harper-ls --stdio'

Standard library only.
"""
import argparse, json, os, queue, shlex, statistics, subprocess, sys, tempfile, threading, time
from pathlib import Path

# Harper skips files over 120,000 bytes by default; both servers get every draft.
HARPER_SETTINGS = {"harper-ls": {"maxFileLength": 1 << 30}}


class Server:
    def __init__(self, name, command, root, settings):
        self.name, self.settings = name, settings
        argv = shlex.split(command)
        if Path(argv[0]).exists():
            argv[0] = str(Path(argv[0]).resolve())
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=root)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = json.loads(out.read(length))
            self.messages.put((time.perf_counter(), body))

    def send(self, message):
        data = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, predicate, timeout=120):
        """The first message matching `predicate`, answering the server's requests meanwhile."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{self.name}: no answer in {timeout} s")
            at, m = self.messages.get(timeout=left)
            if "method" in m and "id" in m:
                result = None
                if m["method"] == "workspace/configuration":
                    result = [self.settings for _ in m["params"]["items"]]
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": result})
                continue
            if predicate(m):
                return at, m

    def diagnostics_for(self, uri, version=None):
        def match(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            return p["uri"] == uri and (version is None or p.get("version") in (None, version))
        return self.wait(match)

    def rss_mb(self):
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def memory(self):
        """Resident memory split as /proc/PID/smaps_rollup does: anonymous (heap) and file-backed."""
        fields = {}
        for line in Path(f"/proc/{self.proc.pid}/smaps_rollup").read_text().splitlines()[1:]:
            key, value = line.split(":", 1)
            fields[key] = int(value.split()[0]) / 1024
        return {k: fields.get(k, float("nan")) for k in ("Rss", "Anonymous", "Rss_File", "Rss_Anon")}

    def cpu_s(self):
        """The server's CPU time so far (user + system), in seconds."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()


def start(name, command, root, registry):
    (root / "copydesk.json").write_text(json.dumps({"registries": [str(registry)]}))
    settings = HARPER_SETTINGS if "harper" in name else {"registries": [str(registry)]}
    server = Server(name, command, root, settings)
    uri = root.as_uri()
    server.request("initialize", {
        "processId": os.getpid(), "rootUri": uri,
        "workspaceFolders": [{"uri": uri, "name": "bench"}],
        "capabilities": {"workspace": {"configuration": True},
                         "textDocument": {"publishDiagnostics": {"versionSupport": True}}},
    })
    server.notify("initialized", {})
    return server


def open_doc(server, root, name, text):
    uri = (root / name).as_uri()
    sent = time.perf_counter()
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    at, m = server.diagnostics_for(uri)
    return uri, (at - sent) * 1e3, len(m["params"]["diagnostics"])


def typing(server, uri, text, rate=20, seconds=3):
    """One word changed per edit at `rate` a second; ms from the last edit to its diagnostics."""
    words = text.split(" ")
    version = 1
    for k in range(rate * seconds):
        version += 1
        i = (len(words) // 2 + k) % len(words)
        words[i] = words[i] + "x"
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": " ".join(words)}]})
        last = time.perf_counter()
        time.sleep(1 / rate)
    # Diagnostics for older versions may still arrive; wait for the last one.
    at, _ = server.diagnostics_for(uri, version)
    while True:
        try:
            at2, m = server.messages.get(timeout=0.3)
        except queue.Empty:
            break
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
            at = at2
    return (at - last) * 1e3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--registry", required=True, type=Path)
    ap.add_argument("--drafts", nargs="+", required=True, type=Path)
    ap.add_argument("--server", action="append", required=True, help="NAME=COMMAND")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--open", type=int, default=10, help="drafts open for the memory figure")
    args = ap.parse_args()
    rows = []
    for spec in args.server:
        name, command = spec.split("=", 1)
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            server = start(name, command, root, args.registry.resolve())
            warm = " ".join(args.drafts[0].read_text().split(" ")[:200])
            _, cold_ms, _ = open_doc(server, root, "warm-up.md", warm)
            print(f"{name}: first open (warm-up, includes setup) {cold_ms:.1f} ms", file=sys.stderr)
            for draft in args.drafts:
                text = draft.read_text()
                times, found = [], 0
                for r in range(args.runs):
                    _, ms, found = open_doc(server, root, f"{draft.stem}-{r}.md", text)
                    times.append(ms)
                uri, _, _ = open_doc(server, root, f"{draft.stem}-typing.md", text)
                typed = typing(server, uri, text)
                rows.append((name, draft.name, len(text), statistics.median(times), found, typed))
                print(f"{name} {draft.name}: open->diagnostics median {statistics.median(times):.1f} ms "
                      f"({found} diagnostics), last keystroke->diagnostics {typed:.1f} ms", file=sys.stderr)
            text = args.drafts[0].read_text()
            for k in range(args.open):
                open_doc(server, root, f"open-{k}.md", text)
            rss = server.rss_mb()
            print(f"{name}: resident {rss:.0f} MB with {args.open} more drafts open", file=sys.stderr)
            mem = server.memory()
            print(f"{name}: of it anonymous (heap) {mem['Anonymous']:.0f} MB, "
                  f"file-backed {mem['Rss'] - mem['Anonymous']:.0f} MB; "
                  f"server CPU time for the whole run {server.cpu_s():.2f} s, "
                  f"load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
            rows.append((name, f"{args.open} x {args.drafts[0].name} open", 0, float("nan"), 0, rss))
            server.stop()
    print("| server | draft | bytes | didOpen -> publishDiagnostics (median ms) | diagnostics | last keystroke -> diagnostics (ms) / RSS MB |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, draft, size, ms, found, last in rows:
        print(f"| {name} | {draft} | {size} | {ms:.1f} | {found} | {last:.1f} |")


if __name__ == "__main__":
    main()
