#!/usr/bin/env bash
# What the end-to-end tests need besides npm packages: Debian's chromium (browser tests,
# driven by playwright-core; never a downloaded browser), redis-server (queue-mode test), and
# n8n in its cache folder outside the project (~6 minutes the first time; reused after).
# Idempotent and quiet: installs only what is missing. apt-get needs root or passwordless sudo.
set -uo pipefail
cd "$(dirname "$0")/.."

install_packages() {
	local missing=()
	command -v chromium >/dev/null 2>&1 || missing+=(chromium)
	command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
	[ ${#missing[@]} -eq 0 ] && return 0

	local as_root=(env DEBIAN_FRONTEND=noninteractive)
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then as_root=(sudo -n env DEBIAN_FRONTEND=noninteractive); else
			echo "install-system-deps: need root (or sudo) to install: ${missing[*]}" >&2
			return 1
		fi
	fi
	local log
	log="$(mktemp)"
	echo "install-system-deps: installing ${missing[*]} (apt-get)…"
	if ! { "${as_root[@]}" apt-get update -qq &&
		"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
		cat "$log" >&2
		rm -f "$log"
		echo "install-system-deps: apt-get failed" >&2
		return 1
	fi
	rm -f "$log"
	# The tests start their own redis-server on a free port; a system service the package
	# may have started (where a service manager runs) is not used.
	echo "install-system-deps: installed ${missing[*]}"
}

install_packages
status=$?
node scripts/n8n/prepare.js || status=1
exit "$status"
