"""Known vulnerabilities in the locked dependencies: pip-audit over requirements.lock.

    python .ci/audit.py requirements.lock

Fails (exit 1) when pip-audit reports a vulnerability. When the vulnerability service cannot be
reached or a version is unknown to it, says so and how many of the locked packages it could audit
(a warning, not a failure: CI must not go red because a service is down).
"""
from __future__ import annotations

import json
import subprocess
import sys


def main(lock: str) -> int:
    cmd = [sys.executable, "-m", "pip_audit", "-r", lock, "--no-deps", "--disable-pip", "-f", "json",
           "--progress-spinner", "off"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        print(f"warning: pip-audit could not run: {run.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return 0
    deps = report.get("dependencies", [])
    audited = [d for d in deps if "vulns" in d]
    vulnerable = [d for d in audited if d["vulns"]]
    for d in vulnerable:
        for v in d["vulns"]:
            print(f"{d['name']} {d['version']}: {v['id']} (fixed in {', '.join(v.get('fix_versions', [])) or '?'})")
    print(f"pip-audit: {len(audited)} of {len(deps)} locked packages audited, "
          f"{len(vulnerable)} with known vulnerabilities", file=sys.stderr)
    if len(audited) < len(deps):
        print(f"warning: {len(deps) - len(audited)} packages could not be audited "
              "(not known to the vulnerability service, or it is unreachable)", file=sys.stderr)
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements.lock"))
