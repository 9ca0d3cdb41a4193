#!/usr/bin/env bash
# Makes sure the system libraries darkz links against are installed (Debian/Ubuntu names).
# Installs what is missing with apt-get when it can (as root, or with password-less sudo);
# otherwise prints the exact command to run and fails.
set -euo pipefail

# pkg-config module -> Debian package
declare -A needed=( [gsl]=libgsl-dev [hdf5]=libhdf5-dev [ompi-c]=libopenmpi-dev )
missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
for module in "${!needed[@]}"; do
  if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists "$module"; then
    missing+=("${needed[$module]}")
  fi
done

# mpirun (Open MPI's launcher) for runs across processes and for the MPI tests.
command -v mpirun >/dev/null 2>&1 || missing+=(openmpi-bin)

# Optional: rsvg-convert (librsvg2-bin) turns the SVG plots into PNGs; without it darkz writes the
# SVG alone and says so. Installed when we can, never a reason to fail.
optional=()
command -v rsvg-convert >/dev/null 2>&1 || optional+=(librsvg2-bin)

if ! command -v swift >/dev/null 2>&1; then
  echo "darkz needs the Swift 6 toolchain (swift) on PATH: see https://www.swift.org/install/linux/" >&2
  exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
  [ ${#optional[@]} -eq 0 ] && exit 0
  echo "darkz: installing optional system packages: ${optional[*]} (PNG plots)" >&2
  if [ "$(id -u)" -eq 0 ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${optional[@]}"; } || echo "darkz: could not install ${optional[*]}; plots will be SVG only" >&2
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    { sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${optional[@]}"; } || echo "darkz: could not install ${optional[*]}; plots will be SVG only" >&2
  else
    echo "darkz: plots will be SVG only; for PNGs run: sudo apt-get install -y ${optional[*]}" >&2
  fi
  exit 0
fi
missing+=("${optional[@]}")

echo "darkz: installing system packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "darkz: cannot install them without root. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
