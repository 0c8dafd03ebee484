#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the repository's own programs.

  OUT/ecl/  every .ecl file under examples/ and tests/ (fuzz_check, fuzz_cfn, fuzz_plan)
  OUT/lsp/  editor sessions over those programs, framed as JSON-RPC (fuzz_lsp), plus the LSP
            regression inputs under tests/regressions/lsp/

Files are named by content hash, so re-running is idempotent and identical programs collapse.
Usage: seed_corpus.py --out DIR
"""
import argparse
import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Larger programs slow every mutation down without adding new syntax; the examples are far smaller.
MAX_SEED_BYTES = 16 * 1024


def write(directory: pathlib.Path, data: bytes, suffix: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16] + suffix
    (directory / name).write_bytes(data)


def frame(message: dict) -> bytes:
    body = json.dumps(message, separators=(",", ":")).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def session(text: str) -> bytes:
    """initialize, open the program, ask for every feature at a few positions, edit, shut down."""
    uri = "file:///fuzz/main.ecl"
    doc = {"uri": uri}
    lines = text.split("\n")
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "rootUri": None, "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "ecl", "version": 1,
                                     "text": text}}},
    ]
    next_id = 2
    for line in range(0, len(lines), max(1, len(lines) // 4)):
        pos = {"line": line, "character": min(4, len(lines[line]))}
        for method in ("textDocument/hover", "textDocument/definition",
                       "textDocument/completion", "textDocument/references"):
            params = {"textDocument": doc, "position": pos}
            if method == "textDocument/references":
                params["context"] = {"includeDeclaration": True}
            messages.append({"jsonrpc": "2.0", "id": next_id, "method": method, "params": params})
            next_id += 1
    messages += [
        {"jsonrpc": "2.0", "id": next_id, "method": "textDocument/documentSymbol",
         "params": {"textDocument": doc}},
        {"jsonrpc": "2.0", "id": next_id + 1, "method": "textDocument/formatting",
         "params": {"textDocument": doc, "options": {"tabSize": 2, "insertSpaces": True}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {"uri": uri, "version": 2},
                    "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                                  "end": {"line": 0, "character": 0}},
                                        "text": "let x = 1\n"}]}},
        {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": doc}},
        {"jsonrpc": "2.0", "id": next_id + 2, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    return b"".join(frame(m) for m in messages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=pathlib.Path)
    args = parser.parse_args()

    programs = sorted(p for d in ("examples", "tests") for p in (ROOT / d).rglob("*.ecl")
                      if "node_modules" not in p.parts)
    count = 0
    for path in programs:
        data = path.read_bytes()
        if len(data) > MAX_SEED_BYTES:
            continue
        write(args.out / "ecl", data, ".ecl")
        write(args.out / "lsp", session(data.decode("utf-8", "replace")), ".lsp")
        count += 1
    for path in sorted((ROOT / "tests" / "regressions" / "lsp").glob("*")):
        write(args.out / "lsp", path.read_bytes(), ".lsp")
    print(f"seed corpus: {count} programs into {args.out}")


if __name__ == "__main__":
    main()
