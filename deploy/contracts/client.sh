#!/usr/bin/env bash
# Generates the typed TypeScript client of the platform from each service's OpenAPI document (as the build
# stores it in target/openapi) with openapi-typescript, and type-checks it together with client/demo.ts, the
# small script front-end teams can copy. A change of a document that breaks the demo fails here.
# Build first (mvn package). Run the demo against a running platform with: npm run demo
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
[ -d node_modules ] || npm ci --no-audit --no-fund
mkdir -p client/generated
for svc in catalog neighbourhood evaluation partner; do
  doc="$HERE/../../$svc-service/target/openapi/openapi.yaml"
  [ -f "$doc" ] || { echo "missing $doc: run mvn package first" >&2; exit 1; }
  npx openapi-typescript "$doc" --output "client/generated/$svc.ts" >/dev/null
done
npx tsc -p client/tsconfig.json
echo "typed client generated in deploy/contracts/client/generated and type-checked with client/demo.ts"
