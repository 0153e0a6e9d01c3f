#!/usr/bin/env bash
# Rebuilds fuzz/corpus/<target>/ from the tests' own inputs (docs/fuzzing.md): OSCAL documents copied from
# tests/Trellis.Exchange.Tests/Oscal/TestData and tests/reference/oscal, the rest (program.yaml documents, controls
# workbooks, evidence upload bodies) written by the harness itself. The result is committed; run this again when
# the formats change.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
testdata=tests/Trellis.Exchange.Tests/Oscal/TestData
rm -rf "$corpus"
mkdir -p "$corpus"/{oscal-catalog,oscal-profile,oscal-mapping}
cp "$testdata"/*_catalog.json tests/reference/oscal/basic-catalog.json "$corpus/oscal-catalog/"
cp "$testdata"/flat_profile.json "$testdata"/combine_profile.json "$testdata"/asis_profile.json "$corpus/oscal-profile/"
cp "$testdata"/*_mapping.json "$corpus/oscal-mapping/"
dotnet run --project fuzz/Trellis.Fuzz -c Release -- seed "$corpus"
du -sh "$corpus"
