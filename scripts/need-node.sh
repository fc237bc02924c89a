#!/usr/bin/env bash
# Make sure Node.js and npm are there to build the CSS and JavaScript (Debian's packages).
set -euo pipefail
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "Node.js and npm are missing. Install them with: sudo apt-get install -y nodejs npm" >&2
  exit 1
fi
echo "Installing Node.js and npm (once)..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
