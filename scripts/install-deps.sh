#!/usr/bin/env bash
# Installs exactly the Debian 12 packages copmap needs to build, test and render.
# Idempotent: when every package is present it prints nothing and changes nothing.
# Extra package names as arguments are installed too (`make fuzz` adds clang's).
set -euo pipefail

PACKAGES=(
  g++ make cmake pkg-config ccache
  librocksdb-dev libboost-dev libgraphviz-dev
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libgtest-dev libbenchmark-dev libcli11-dev libreadline-dev
  fonts-dejavu-core fontconfig
  python3-grpcio python3-networkx grpc-proto poppler-utils
)
PACKAGES+=("$@")

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# Node and npm (the Node client's test) are looked for as commands, not as
# packages: NodeSource's nodejs package bundles npm and conflicts with Debian's.
command -v node > /dev/null || missing+=(nodejs)
command -v npm > /dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
