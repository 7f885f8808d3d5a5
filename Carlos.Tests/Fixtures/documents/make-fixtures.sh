#!/usr/bin/env bash
# Re-creates the office-suite fixtures. Needs Debian's libreoffice-writer-nogui; CI does not run this, the
# produced files are committed. handbook.* are generated from a seeded word list (see the Python below).
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir . requirements.html
soffice --headless --writer --convert-to pdf --outdir . requirements.html
soffice --headless --writer --outdir "$out" --convert-to \
  'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
  requirements.html
mv "$out/requirements.pdf" requirements-encrypted.pdf

python3 - "$out/handbook.html" <<'PY'
import random, sys
random.seed(7)
words = ("azure region zone database cache queue gateway network subnet identity key vault monitoring latency "
         "throughput replica backup storage container cluster function event stream ingestion analytics dashboard "
         "tenant customer order invoice warehouse shipment").split()
parts = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>Handbook</title></head><body>']
for i in range(1, 41):
    style = ' style="page-break-before: always"' if i > 1 else ''
    parts.append(f'<h1{style}>Chapter {i}: platform requirements</h1>')
    for p in range(6):
        parts.append('<p>' + ' '.join(random.choice(words) for _ in range(70)).capitalize() + '.</p>')
    parts.append('<table border="1"><tr><th>Service</th><th>Tier</th><th>Region</th></tr>')
    for r in range(4):
        tier = random.choice(["basic", "standard", "premium"])
        parts.append(f'<tr><td>{random.choice(words)}</td><td>{tier}</td><td>westeurope</td></tr>')
    parts.append('</table>')
parts.append('</body></html>')
open(sys.argv[1], 'w').write('\n'.join(parts))
PY
soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir . "$out/handbook.html"
soffice --headless --writer --convert-to pdf --outdir . "$out/handbook.html"
