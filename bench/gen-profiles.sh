#!/usr/bin/env bash
# Makes the large Go heap profiles the pprof benchmark reads: a real Go runtime (test/fixtures/go,
# -big mode) with MemProfileRate=1 and N distinct call stacks. For each size (MB of uncompressed
# protobuf, approximate) it writes bench/.out/heap-<size>mb-base.pb.gz (50% of stacks retained) and
# -head.pb.gz (75%, another seed), so that their diff is not empty. Git-ignored.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/.out"
mkdir -p "$out"
go build -o "$out/fixture" "$root/test/fixtures/go/main.go"
# About 40 bytes of protobuf per distinct stack in this program (measured: 283398 stacks → 11.4 MB).
for size in "${@:-1 10 50}"; do
  for size1 in $size; do
    n=$(( size1 * 1048576 / 40 ))
    for role in base:1:50 head:2:75; do
      IFS=: read -r name seed retain <<<"$role"
      dir="$(mktemp -d "$out/gen.XXXX")"
      "$out/fixture" -big "$n" -seed "$seed" -retain "$retain" -out "$dir"
      mv "$dir/heap-big.pb.gz" "$out/heap-${size1}mb-${name}.pb.gz"
      rmdir "$dir"
    done
    echo "heap-${size1}mb: $n stacks, $(gunzip -c "$out/heap-${size1}mb-head.pb.gz" | wc -c) bytes uncompressed"
  done
done
