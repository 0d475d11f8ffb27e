# Demo partner organisations of Demostad (GM0999) (sourced by load.sh).
post partner /api/v1/organisations '{"id":"gemeente-demostad","name":"Gemeente Demostad","type":"municipality","municipalityCode":"GM0999"}'
post partner /api/v1/organisations '{"id":"politie-demostad","name":"Politie basisteam Demostad","type":"police","municipalityCode":"GM0999"}'
post partner /api/v1/organisations '{"id":"welzijn-demostad","name":"Stichting Welzijn Demostad","type":"welfare","municipalityCode":"GM0999"}'
post partner /api/v1/organisations '{"id":"ggz-demostad","name":"GGZ Demostad","type":"care","municipalityCode":"GM0999"}'
post partner /api/v1/organisations '{"id":"huurdersvereniging-demostad","name":"Huurdersvereniging Samen Thuis","type":"tenant-organisation","municipalityCode":"GM0999"}'
post partner /api/v1/organisations '{"id":"corp-demo","name":"Woonstichting Demostad","type":"corporation","municipalityCode":"GM0999"}'

# The collaboration of Demostad on Noordwijk, its agreements of 2026, a workshop and a webhook to the local
# receiver (deploy/local/receiver-start.sh). Loaded once: a second run finds the collaboration and stops here.
partner_get() { curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${SERVICE_PORT[partner]}$1"; }
if ! partner_get '/api/v1/collaborations?size=500' | grep -q 'Samen voor Noordwijk'; then
  post partner /api/v1/collaborations '{"name":"Samen voor Noordwijk","municipalityCode":"GM0999","corporationId":"corp-demo","coordinatorId":"gemeente-demostad","members":["politie-demostad","welzijn-demostad","ggz-demostad","huurdersvereniging-demostad"],"areas":["WK099902"],"startDate":"2026-01-01","endDate":"2027-12-31","sharing":{"complexes":false,"surveys":true,"evaluations":true}}'
  collaboration=$(grep -o '"id":"[0-9a-f-]*"' "$LOCAL_DIR/logs/demo-last.json" | head -1 | cut -d'"' -f4)

  post partner /api/v1/agreements '{"municipalityCode":"GM0999","year":2026,"title":"Thuisgevoel in de Schildersbuurt naar een 7","ownerId":"huurdersvereniging-demostad","indicator":"tenant.feeling-at-home","areaCode":"BU09990202","targetValue":7.0,"dueOn":"2026-12-31"}'
  agreement=$(grep -o '"id":"[0-9a-f-]*"' "$LOCAL_DIR/logs/demo-last.json" | head -1 | cut -d'"' -f4)
  post partner "/api/v1/agreements/$agreement/progress" '{"reportedOn":"2026-06-30","value":6.2,"note":"Portiekgesprekken in vier portieken; de huismeester is er nu op dinsdag en donderdag."}'
  post partner /api/v1/agreements '{"municipalityCode":"GM0999","year":2026,"title":"Overlastmeldingen in Noordwijk met een kwart omlaag","ownerId":"politie-demostad","indicator":"nuisance.reports-per-100-homes","areaCode":"WK099902","targetValue":4.0,"dueOn":"2026-12-31"}'
  post partner /api/v1/agreements '{"municipalityCode":"GM0999","year":2026,"title":"Eén gebiedsatelier per kwartaal in Noordwijk","ownerId":"gemeente-demostad","dueOn":"2026-12-31"}'

  # The spring workshop of Noordwijk, held as the platform runs one: the coordinator plans and opens it, three partners pin
  # problems on the map and each casts its own votes, three actions are chosen and followed up, one becomes a deployment.
  # partner_as ROLE TENANT METHOD PATH [JSON]: a partner-service call with that caller's token; prints the answer.
  partner_as() {
    local token status
    token=$("$ROOT/deploy/local/mint-token.sh" "$1" "$2")
    status=$(curl -s -o "$LOCAL_DIR/logs/demo-last.json" -w '%{http_code}' -X "$3" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -H 'If-Match: "1"' ${5:+--data-binary "$5"} "http://127.0.0.1:${SERVICE_PORT[partner]}$4")
    case "$status" in 200|201|202) cat "$LOCAL_DIR/logs/demo-last.json" ;; *) die "demo data: $3 partner $4 answered $status: $(cat "$LOCAL_DIR/logs/demo-last.json")" ;; esac
  }
  id_of() { grep -o '"id":"\?[0-9a-f-]*' | head -1 | sed 's/^"id"://; s/"//g'; }
  workshop=$(partner_as partner gemeente-demostad POST "/api/v1/collaborations/$collaboration/workshops" '{"title":"Werkatelier Noordwijk, voorjaar 2026","heldOn":"2026-04-14",
    "participants":["gemeente-demostad","politie-demostad","welzijn-demostad","ggz-demostad","huurdersvereniging-demostad","corp-demo"],
    "areas":["BU09990201","BU09990202"]}' | id_of)
  at="/api/v1/collaborations/$collaboration/workshops/$workshop"
  partner_as partner gemeente-demostad POST "$at/open" >/dev/null
  hangplek=$(partner_as partner politie-demostad POST "$at/pins" '{"areaCode":"BU09990202","location":"Pleintje achter de Rembrandtflat","complexId":"SC-04","dimension":"onv","severity":4,"description":"Jongeren hangen er s avonds rond; bewoners voelen zich onveilig."}' | id_of)
  galerij=$(partner_as partner huurdersvereniging-demostad POST "$at/pins" '{"areaCode":"BU09990202","location":"Galerijen Schildershof","complexId":"SC-03","dimension":"fys","severity":3,"description":"Vervuilde galerijen en grofvuil in de bergingsgangen."}' | id_of)
  nieuw=$(partner_as partner welzijn-demostad POST "$at/pins" '{"areaCode":"BU09990201","location":"Bloemenbuurt","dimension":"soc","severity":2,"description":"Nieuwe bewoners kennen niemand."}' | id_of)
  partner_as partner politie-demostad PUT "$at/pins/$hangplek/vote" '{"votes":3}' >/dev/null
  partner_as partner huurdersvereniging-demostad PUT "$at/pins/$hangplek/vote" '{"votes":3}' >/dev/null
  partner_as partner gemeente-demostad PUT "$at/pins/$hangplek/vote" '{"votes":1}' >/dev/null
  partner_as partner huurdersvereniging-demostad PUT "$at/pins/$galerij/vote" '{"votes":2}' >/dev/null
  partner_as partner gemeente-demostad PUT "$at/pins/$galerij/vote" '{"votes":1}' >/dev/null
  partner_as partner welzijn-demostad PUT "$at/pins/$nieuw/vote" '{"votes":2}' >/dev/null
  jongerenwerk=$(partner_as partner gemeente-demostad POST "$at/actions" "{\"pinId\":$hangplek,\"interventionId\":\"jongerenwerk-op-hangplekken\",\"description\":\"Jongerenwerk op vaste avonden bij het pleintje\",\"ownerId\":\"welzijn-demostad\",\"dueOn\":\"2027-03-01\",\"corporationAlone\":false}" | id_of)
  schoonmaak=$(partner_as corporation corp-demo POST "$at/actions" "{\"pinId\":$galerij,\"interventionId\":\"schoonmaak-trappenhuizen\",\"description\":\"Drie maanden extra schoonmaak en een grofvuil-ophaaldag\",\"ownerId\":\"corp-demo\",\"dueOn\":\"2026-07-01\",\"corporationAlone\":true}" | id_of)
  partner_as partner welzijn-demostad POST "$at/actions" "{\"pinId\":$nieuw,\"interventionId\":\"welkomstgesprek-nieuwe-huurders\",\"description\":\"Welkomstgesprek voor elke nieuwe huurder\",\"ownerId\":\"welzijn-demostad\",\"dueOn\":\"2026-09-01\",\"corporationAlone\":false}" >/dev/null
  partner_as partner gemeente-demostad POST "$at/close" >/dev/null
  # the follow-up: the cleaning is done; the welcome talks are overdue (due 2026-09-01, still open); the youth work becomes
  # a deployment of corp-demo, planned by evaluation-service over Kafka
  partner_as corporation corp-demo PATCH "$at/actions/$schoonmaak" '{"status":"done","note":"Galerijen schoon; grofvuildag op 12 juni gehouden."}' >/dev/null
  partner_as corporation corp-demo POST "$at/actions/$jongerenwerk/deployment" '{"startDate":"2026-05-01","plannedEndDate":"2027-05-01","budget":18000,"comparisonAreas":["BU09990102"]}' >/dev/null
  for _ in $(seq 1 60); do
    partner_as partner gemeente-demostad GET "$at/actions/$jongerenwerk" | grep -q '"state":"planned"' && break
    sleep 0.5
  done

  post partner /api/v1/webhooks "{\"organisationId\":\"gemeente-demostad\",\"url\":\"http://127.0.0.1:$RECEIVER_PORT/gemeente-demostad\",\"secret\":\"demo-ontvanger-geheim-2026\",\"types\":[\"status-changed\",\"evaluation-completed\",\"workshop-planned\",\"workshop-closed\",\"action-overdue\"]}"

  # A new survey mark for the Schildersbuurt: its status changes, and the signal reaches the receiver.
  post neighbourhood /api/v1/observations '[{"areaCode":"BU09990202","complexId":"SC-03","indicator":"tenant.feeling-at-home","period":"2026-Q3","value":6.8,"respondents":90,"source":"kwh-huurderslabel","corporationId":"corp-demo"}]'
fi
