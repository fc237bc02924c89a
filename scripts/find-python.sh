#!/usr/bin/env bash
# Print the path of a Python >= 3.12. Candidates are run, not looked up with `command -v`:
# a pyenv shim for python3.12 can exist on PATH and still fail to run.
set -u
candidates=(python3.13 python3.12 python3)
if command -v pyenv >/dev/null 2>&1; then
  for v in 3.12 3.13; do
    p=$(pyenv prefix "$v" 2>/dev/null) && candidates+=("$p/bin/python$v")
  done
fi
for c in "${candidates[@]}"; do
  if "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
    "$c" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
echo "No Python 3.12 or newer found. Install it (for example with pyenv install 3.12)." >&2
exit 1
