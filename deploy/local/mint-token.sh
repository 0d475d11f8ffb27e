#!/usr/bin/env bash
# Mints a bearer token signed with the development key, for local runs only.
#   mint-token.sh admin
#   mint-token.sh corporation corp-demo        (claim corporation_id)
#   mint-token.sh partner org-gemeente-demo    (claim organisation_id)
# Optional: HOURS=8 for the lifetime (default 12).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
role=${1:-}
tenant=${2:-}
case "$role" in
  admin) claim="" ; subject="admin" ;;
  corporation) [ -n "$tenant" ] || { echo "usage: $0 corporation CORPORATION_ID" >&2; exit 2; }
               claim=",\"corporation_id\":\"$tenant\""; subject="$tenant-user" ;;
  partner) [ -n "$tenant" ] || { echo "usage: $0 partner ORGANISATION_ID" >&2; exit 2; }
           claim=",\"organisation_id\":\"$tenant\""; subject="$tenant-user" ;;
  *) echo "usage: $0 admin | corporation CORPORATION_ID | partner ORGANISATION_ID" >&2; exit 2 ;;
esac
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
exp=$((now + ${HOURS:-12} * 3600))
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"leefbaarheid-local","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"%s}' \
  "$subject" "$subject" "$role" "$now" "$exp" "$(openssl rand -hex 8)" "$claim" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$HERE/dev-keys/private.pem" | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
