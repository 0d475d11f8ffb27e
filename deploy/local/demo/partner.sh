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

  post partner "/api/v1/collaborations/$collaboration/workshops" '{"title":"Werkatelier Noordwijk, voorjaar 2026","heldOn":"2026-04-14",
    "participants":["gemeente-demostad","politie-demostad","welzijn-demostad","ggz-demostad","huurdersvereniging-demostad","corp-demo"],
    "areas":["BU09990201","BU09990202"],
    "pins":[
      {"areaCode":"BU09990202","location":"Pleintje achter de Rembrandtflat","complexId":"SC-04","dimension":"onv","severity":4,"description":"Jongeren hangen er s avonds rond; bewoners voelen zich onveilig.","votes":{"politie-demostad":3,"huurdersvereniging-demostad":3,"gemeente-demostad":1}},
      {"areaCode":"BU09990202","location":"Galerijen Schildershof","complexId":"SC-03","dimension":"fys","severity":3,"description":"Vervuilde galerijen en grofvuil in de bergingsgangen.","votes":{"huurdersvereniging-demostad":2,"gemeente-demostad":1}},
      {"areaCode":"BU09990201","location":"Bloemenbuurt","dimension":"soc","severity":2,"description":"Nieuwe bewoners kennen niemand.","votes":{"welzijn-demostad":2}}],
    "actions":[
      {"pin":0,"interventionId":"jongerenwerk-op-hangplekken","description":"Jongerenwerk op vaste avonden bij het pleintje","ownerId":"welzijn-demostad","dueOn":"2026-09-01","corporationAlone":false},
      {"pin":1,"interventionId":"schoonmaak-trappenhuizen","description":"Drie maanden extra schoonmaak en een grofvuil-ophaaldag","ownerId":"corp-demo","dueOn":"2026-07-01","corporationAlone":true},
      {"pin":2,"interventionId":"welkomstgesprek-nieuwe-huurders","description":"Welkomstgesprek voor elke nieuwe huurder","ownerId":"corp-demo","dueOn":"2026-06-01","corporationAlone":true}]}'

  post partner /api/v1/webhooks "{\"organisationId\":\"gemeente-demostad\",\"url\":\"http://127.0.0.1:$RECEIVER_PORT/gemeente-demostad\",\"secret\":\"demo-ontvanger-geheim-2026\",\"types\":[\"status-changed\",\"evaluation-completed\"]}"

  # A new survey mark for the Schildersbuurt: its status changes, and the signal reaches the receiver.
  post neighbourhood /api/v1/observations '[{"areaCode":"BU09990202","complexId":"SC-03","indicator":"tenant.feeling-at-home","period":"2026-Q3","value":6.8,"respondents":90,"source":"kwh-huurderslabel","corporationId":"corp-demo"}]'
fi
