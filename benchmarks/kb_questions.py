"""15 developer questions, each answered by `kbtools query` and by the live API of `kbtools serve`.

    python benchmarks/kb_questions.py [PORT]

Reads the zh-TW Msi pages of KBTOOLS_CORPUS (default ../shared/corpus), writes the knowledge base
and a site into a temporary folder, serves it on 127.0.0.1:PORT (default 8617) for the run and
prints each question with the CLI's and the API's answer, so the two can be compared with the
pages.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("KBTOOLS_CORPUS", REPO.parent / "shared" / "corpus"))
SRC = str(CORPUS / "win32-zh-tw-sxs" / "desktop-src" / "Msi")
KBTOOLS = str(Path(sys.executable).parent / "kbtools")
WORK = Path(tempfile.mkdtemp(prefix="kb-questions-"))
KB = str(WORK / "kb.json")
Q = [
    (
        "Is MSIFASTINSTALL available on Windows Vista?",
        ["MSIFASTINSTALL", "--os", "Windows Vista"],
        "properties",
        {"name": "MSIFASTINSTALL", "os": "Windows Vista"},
    ),
    (
        "Is MSIFASTINSTALL available on Windows 10?",
        ["MSIFASTINSTALL", "--os", "Windows 10"],
        "properties",
        {"name": "MSIFASTINSTALL", "os": "Windows 10"},
    ),
    ("Which properties are new in Windows Installer 4.5?", ["--since", "4.5"], "properties", {"since": "4.5"}),
    ("Which properties are new in Windows Installer 3.1?", ["--since", "3.1"], "properties", {"since": "3.1"}),
    (
        "Which properties does the InstallValidate action clear?",
        ["--cleared-at", "InstallValidate"],
        "properties",
        {"cleared_at": "InstallValidate"},
    ),
    (
        "Which properties are valid only after CostFinalize?",
        ["--valid-after", "CostFinalize"],
        "properties",
        {"valid_after": "CostFinalize"},
    ),
    (
        "Which properties are set at initialization?",
        ["--set-at", "initialization"],
        "properties",
        {"set_at": "initialization"},
    ),
    (
        "Which properties does the RegisterProduct action use?",
        ["--used-by", "RegisterProduct"],
        "properties",
        {"used_by": "RegisterProduct"},
    ),
    ("What is the default of REINSTALLMODE?", ["REINSTALLMODE"], "properties/REINSTALLMODE", {}),
    ("What is the default of INSTALLLEVEL?", ["INSTALLLEVEL"], "properties/INSTALLLEVEL", {}),
    ("Who sets ALLUSERS?", ["ALLUSERS"], "properties/ALLUSERS", {}),
    (
        "Which properties can the user set on the command line that mention reboot?",
        ["--set-by", "user", "--text", "reboot"],
        "properties",
        {"set_by": "user", "text": "reboot"},
    ),
    ("Which properties existed on Windows 2000?", ["--os", "Windows 2000"], "properties", {"os": "Windows 2000"}),
    (
        "Which properties are set by the CostFinalize action?",
        ["--set-by", "CostFinalize"],
        "properties",
        {"set_by": "CostFinalize"},
    ),
    (
        "Which properties need Windows Installer 5.0 (since 5.0) and are automation properties?",
        ["--since", "5.0", "--kind", "automation"],
        "properties",
        {"since": "5.0", "kind": "automation"},
    ),
]


def cli(args, fields):
    out = subprocess.run([KBTOOLS, "query", "--kb", KB, *args, "--fields", fields], capture_output=True, text=True)
    return out.returncode, json.loads(out.stdout) if out.stdout.strip() else out.stderr.strip()


port = int(sys.argv[1]) if len(sys.argv) > 1 else 8617
subprocess.run([KBTOOLS, "parse", SRC, "--output", KB], check=True, capture_output=True)
server = subprocess.Popen(
    [KBTOOLS, "serve", "--source", SRC, "--port", str(port), "--site-dir", str(WORK / "site")],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
try:
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/", timeout=2)
            break
        except Exception:
            time.sleep(1)
    for n, (question, args, path, params) in enumerate(Q, 1):
        single = path.startswith("properties/")
        fields = "name,default,lifetime" if single and not params else "name"
        code, answer = cli(args, fields)
        query = dict(params, fields=fields)
        url = f"http://127.0.0.1:{port}/api/v1/{path}?{urllib.parse.urlencode(query)}"
        try:
            body = json.load(urllib.request.urlopen(url, timeout=30))
            status = 200
        except urllib.error.HTTPError as e:
            body = json.load(e)
            status = e.code
        result = body.get("result", body)
        items = result.get("items", result.get("properties", result)) if isinstance(result, dict) else result
        print(
            f"Q{n}. {question}\n  CLI  kbtools query {' '.join(args)} --fields {fields} -> exit {code}: {json.dumps(answer)[:400]}\n  API  GET /api/v1/{path}?{urllib.parse.urlencode(query)} -> {status}: {json.dumps(items)[:400]}"
        )
finally:
    server.terminate()
    server.wait(10)
