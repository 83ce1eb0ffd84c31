#!/usr/bin/env bash
# Measures `radtrial dicom pull` against a local Orthanc (Debian orthanc + orthanc-dicomweb) on loopback:
# N synthetic exams (four 8x8 mammograms and one AI SR each, so the figures are per-file overhead, not
# bandwidth), pulled over DICOMweb and over DIMSE (C-GET), with 1 and 4 connections, then a rerun that finds
# everything present. Run from the repository root: bench/pacs-pull.sh [EXAMS] (default 300). Figures in
# docs/benchmarks.md. Everything is written under a temporary folder, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
exams="${1:-300}"
work="$(mktemp -d)"
trap 'kill "$orthanc" 2>/dev/null || true; wait "$orthanc" 2>/dev/null || true; rm -rf "$work"' EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http="$(port)"; dicom="$(port)"
cat > "$work/orthanc.json" <<JSON
{"Name": "bench", "HttpPort": $http, "DicomPort": $dicom, "DicomAet": "ORTHANC", "RemoteAccessAllowed": false,
 "StorageDirectory": "$work/storage", "IndexDirectory": "$work/storage", "KeepAliveTimeout": 60,
 "Plugins": ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"], "AuthenticationEnabled": true,
 "RegisteredUsers": {"bench": "bench-password"}, "DicomAlwaysAllowGet": true, "DicomAlwaysAllowFind": true}
JSON
/usr/sbin/Orthanc "$work/orthanc.json" >"$work/orthanc.log" 2>&1 &
orthanc=$!
for _ in $(seq 100); do curl -sf -u bench:bench-password "http://127.0.0.1:$http/system" >/dev/null && break; sleep 0.1; done
bin/radtrial dicom synth --out "$work/synth" --exams "$exams" >/dev/null
find "$work/synth" -name '*.dcm' -print0 \
  | xargs -0 -P 4 -n 50 sh -c 'for f; do curl -sf -u bench:bench-password -X POST --data-binary @"$f" "$0/instances" >/dev/null; done' \
    "http://127.0.0.1:$http"
printf 'basic bench:bench-password\n' > "$work/credentials"; chmod 600 "$work/credentials"
pull() { # label, then dicom pull options
  local label="$1"; shift
  rm -rf "$work/out" "$work/out.pull.csv"
  local start end
  start=$(date +%s.%N)
  bin/radtrial dicom pull --cases "$work/synth/truth.csv" --key accession_number --out "$work/out" "$@" >"$work/pull.log" 2>/dev/null
  end=$(date +%s.%N)
  printf '%-34s %6.1f s  %s\n' "$label" "$(echo "$end - $start" | bc)" "$(sed -n 2,3p "$work/pull.log" | tr -s ' ' | tr '\n' ' ')"
}
web=(--from "http://127.0.0.1:$http/dicom-web" --credentials "$work/credentials")
dimse=(--from "ORTHANC@127.0.0.1:$dicom")
echo "$exams exams, $(find "$work/synth" -name '*.dcm' | wc -l) files"
pull "DICOMweb, 1 connection" "${web[@]}" --connections 1
pull "DICOMweb, 4 connections" "${web[@]}" --connections 4
pull "DIMSE C-GET, 1 connection" "${dimse[@]}" --connections 1
pull "DIMSE C-GET, 4 connections" "${dimse[@]}" --connections 4
start=$(date +%s.%N)
bin/radtrial dicom pull --cases "$work/synth/truth.csv" --key accession_number --out "$work/out" "${dimse[@]}" --connections 4 >/dev/null 2>&1
printf '%-34s %6.1f s\n' "rerun, everything present (DIMSE)" "$(echo "$(date +%s.%N) - $start" | bc)"
