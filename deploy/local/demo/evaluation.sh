# Demo deployments of evaluation-service (sourced by load.sh): interventions of the demo toolbox deployed by
# corp-demo in Demostad, measured as their methods prescribe beside comparison areas, completed with an
# improved, an unchanged and a worsened effect, and one running deployment with measurements due.
# Loaded once: a second run finds corp-demo's deployments and leaves them as they are.

evaluation_get() {
  curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${SERVICE_PORT[evaluation]}$1"
}

# corp-demo's own list: deployments of others (tests on the same platform) do not count. The one its workshop action
# becomes (partner.sh, after this) comes later.
DEMO_CORPORATION_TOKEN=$("$ROOT/deploy/local/mint-token.sh" corporation corp-demo)
if curl -s -H "Authorization: Bearer $DEMO_CORPORATION_TOKEN" "http://127.0.0.1:${SERVICE_PORT[evaluation]}/api/v1/deployments?size=1" \
    | grep -q '"totalItems":0'; then
  # The areas registered at neighbourhood-service (neighbourhood.sh) reach evaluation-service over Kafka
  # (neighbourhood.areas.v1) about a second later, and it refuses measurements of an area it does not know yet: wait
  # until it accepts each neighbourhood measured below, for the periods below (2025 and 2026: the registry of 2024).
  for area in BU09990101 BU09990102 BU09990201 BU09990202 BU0999020A; do
    for attempt in $(seq 1 60); do
      status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
        "http://127.0.0.1:${SERVICE_PORT[evaluation]}/api/v1/reference/areas/$area?year=2025")
      [ "$status" = 200 ] && break
      [ "$attempt" = 60 ] && die "demo data: evaluation-service does not know area $area after 60 s (answered $status)"
      sleep 1
    done
  done
  # deploy INTERVENTION AREA COMPARISON START: waits until the catalogue's revision reached evaluation-service over Kafka
  deploy() {
    local body="{\"interventionId\":\"$1\",\"interventionRevision\":1,\"areaCode\":\"$2\",\"comparisonAreas\":[\"$3\"],\"corporationId\":\"corp-demo\",\"owner\":\"Wijkconsulent Demostad\",\"startDate\":\"$4\",\"plannedEndDate\":\"$5\",\"partners\":[\"welzijn-demostad\",\"gemeente-demostad\"]}"
    local status
    for _ in $(seq 1 60); do
      status=$(curl -s -o "$LOCAL_DIR/logs/demo-last.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' --data-binary "$body" "http://127.0.0.1:${SERVICE_PORT[evaluation]}/api/v1/deployments")
      [ "$status" = 201 ] && { grep -o '"id":"[0-9a-f-]*"' "$LOCAL_DIR/logs/demo-last.json" | head -1 | cut -d'"' -f4; return 0; }
      sleep 1
    done
    die "demo data: deployment of $1 answered $status: $(cat "$LOCAL_DIR/logs/demo-last.json")"
  }
  # measure DEPLOYMENT INDICATOR AREA SLOT PERIOD VALUE RESPONDENTS
  row() { printf '{"deploymentId":"%s","indicator":"%s","areaCode":"%s","slot":"%s","period":"%s","value":%s,"respondents":%s,"instrument":"survey","sourceSystem":"demo"}' "$@"; }

  moestuin=$(deploy gemeenschappelijke-moestuin BU09990201 BU0999020A 2025-01-01 2026-01-01)
  post evaluation /api/v1/measurements/batch "{\"measurements\":[
    $(row "$moestuin" tenant.feeling-at-home BU09990201 baseline 2025-Q1 6.6 58),
    $(row "$moestuin" tenant.feeling-at-home BU09990201 interim 2025-Q3 7.0 52),
    $(row "$moestuin" tenant.feeling-at-home BU09990201 final 2026-Q1 7.5 61),
    $(row "$moestuin" tenant.feeling-at-home BU0999020A baseline 2025-Q1 7.0 40),
    $(row "$moestuin" tenant.feeling-at-home BU0999020A final 2026-Q1 7.1 38)]}"
  post evaluation "/api/v1/deployments/$moestuin/complete" '{"endDate":"2026-01-15"}'

  portiek=$(deploy portiekgesprekken BU09990202 BU09990102 2025-01-01 2025-10-01)
  post evaluation /api/v1/measurements/batch "{\"measurements\":[
    $(row "$portiek" tenant.feeling-at-home BU09990202 baseline 2025-Q1 6.2 70),
    $(row "$portiek" tenant.feeling-at-home BU09990202 interim 2025-Q2 6.4 66),
    $(row "$portiek" tenant.feeling-at-home BU09990202 final 2025-Q4 6.6 72),
    $(row "$portiek" tenant.feeling-at-home BU09990102 baseline 2025-Q1 7.1 45),
    $(row "$portiek" tenant.feeling-at-home BU09990102 final 2025-Q4 7.5 47)]}"
  post evaluation "/api/v1/deployments/$portiek/complete" '{"endDate":"2025-10-15"}'

  zwerfvuil=$(deploy zwerfvuilprikkers BU09990101 BU09990102 2025-01-01 2026-01-01)
  post evaluation /api/v1/measurements/batch "{\"measurements\":[
    $(row "$zwerfvuil" tenant.clean-and-intact BU09990101 baseline 2025-Q1 7.2 35),
    $(row "$zwerfvuil" tenant.clean-and-intact BU09990101 interim 2025-Q3 7.0 31),
    $(row "$zwerfvuil" tenant.clean-and-intact BU09990101 final 2026-Q1 6.6 33),
    $(row "$zwerfvuil" tenant.clean-and-intact BU09990102 baseline 2025-Q1 7.3 30),
    $(row "$zwerfvuil" tenant.clean-and-intact BU09990102 final 2026-Q1 7.3 29)]}"
  post evaluation "/api/v1/deployments/$zwerfvuil/complete" '{"endDate":"2026-01-20"}'

  huismeester=$(deploy huismeester-op-vaste-dagen BU09990202 BU0999020A 2025-09-01 2027-09-01)
  post evaluation "/api/v1/deployments/$huismeester/start" ''
  post evaluation /api/v1/measurements/batch "{\"measurements\":[
    $(row "$huismeester" tenant.feeling-at-home BU09990202 baseline 2025-Q3 6.3 64)]}"
fi
