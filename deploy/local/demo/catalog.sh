# Demo toolbox of catalog-service (sourced by load.sh): the seven themes of a corporation's toolbox, their
# subtopics, and the interventions of catalog-interventions.jsonl (one per line), each created and published.
post catalog /api/v1/themes '{"code":"sociale-veiligheid","name":"Sociale veiligheid","description":"Veilig voelen in en rond het complex: verlichting, toegang, overlast en criminaliteit.","position":1}'
post catalog /api/v1/themes '{"code":"schoon-en-heel","name":"Schoon en heel","description":"Een schone, hele en verzorgde woonomgeving: zwerfvuil, vandalisme, onderhoud van groen en gemeenschappelijke ruimten.","position":2}'
post catalog /api/v1/themes '{"code":"sociale-leefbaarheid","name":"Sociale leefbaarheid","description":"Elkaar groeten en kennen, samenleven, thuis voelen, betrokkenheid en woonomgeving.","position":3}'
post catalog /api/v1/themes '{"code":"woonomgeving-en-groen","name":"Woonomgeving en groen","description":"Inrichting van de openbare en gemeenschappelijke ruimte, groen en ontmoetingsplekken.","position":4}'
post catalog /api/v1/themes '{"code":"zorg-en-kwetsbaarheid","name":"Zorg en kwetsbaarheid","description":"Huurders met een kwetsbaarheid: signaleren, ondersteunen en samenwerken met zorg en welzijn.","position":5}'
post catalog /api/v1/themes '{"code":"woningtoewijzing-en-gebruik","name":"Woningtoewijzing en gebruik","description":"Toewijzing, huurbeleid en woonfraude: de knoppen waar de corporatie zelf aan draait.","position":6}'
post catalog /api/v1/themes '{"code":"samenwerking-in-de-wijk","name":"Samenwerking in de wijk","description":"Gebiedsgericht werken met gemeente, politie, zorg, welzijn en huurders: samen de data lezen, prioriteren en uitvoeren.","position":7}'

# Subtopics per theme, in toolbox order.
post catalog /api/v1/themes/sociale-veiligheid/subtopics '{"code": "verlichting-en-zichtlijnen", "name": "Verlichting en zichtlijnen", "description": "Goed verlichte, overzichtelijke entrees, paden en bergingen.", "position": 1}'
post catalog /api/v1/themes/sociale-veiligheid/subtopics '{"code": "toegang-en-inbraakpreventie", "name": "Toegang en inbraakpreventie", "description": "Wie komt er binnen: sloten, toegangscontrole en afgesloten portieken.", "position": 2}'
post catalog /api/v1/themes/sociale-veiligheid/subtopics '{"code": "overlast-aanpak", "name": "Overlast aanpakken", "description": "Burenoverlast, jongerenoverlast en woonoverlast samen met partners aanpakken.", "position": 3}'
post catalog /api/v1/themes/sociale-veiligheid/subtopics '{"code": "ondermijning-en-criminaliteit", "name": "Ondermijning en criminaliteit", "description": "Signalen van drugs, hennep en woonfraude delen en opvolgen.", "position": 4}'
post catalog /api/v1/themes/schoon-en-heel/subtopics '{"code": "zwerfvuil-en-afval", "name": "Zwerfvuil en afval", "description": "Afvalinzameling, grofvuil en zwerfvuil rond het complex.", "position": 1}'
post catalog /api/v1/themes/schoon-en-heel/subtopics '{"code": "vandalisme-en-graffiti", "name": "Vandalisme en graffiti", "description": "Snel herstellen wat kapot is, zodat het niet verder verloedert.", "position": 2}'
post catalog /api/v1/themes/schoon-en-heel/subtopics '{"code": "gemeenschappelijke-ruimten", "name": "Gemeenschappelijke ruimten", "description": "Schone en hele trappenhuizen, galerijen, liften en bergingen.", "position": 3}'
post catalog /api/v1/themes/schoon-en-heel/subtopics '{"code": "groenonderhoud", "name": "Groenonderhoud", "description": "Verzorgd groen rond het complex.", "position": 4}'
post catalog /api/v1/themes/sociale-leefbaarheid/subtopics '{"code": "groeten-en-kennen", "name": "Groeten en kennen", "description": "Elkaar groeten en kennen in portiek, straat en buurt.", "position": 1}'
post catalog /api/v1/themes/sociale-leefbaarheid/subtopics '{"code": "samenleven", "name": "Samenleven", "description": "Rekening houden met elkaar: geluid, kinderen, huisdieren, afval.", "position": 2}'
post catalog /api/v1/themes/sociale-leefbaarheid/subtopics '{"code": "thuis-voelen", "name": "Thuis voelen", "description": "Je thuis voelen in je woning en je buurt (thuisgevoel, woongeluk).", "position": 3}'
post catalog /api/v1/themes/sociale-leefbaarheid/subtopics '{"code": "betrokkenheid", "name": "Betrokkenheid", "description": "Bewoners die meedenken, meedoen en verantwoordelijkheid nemen.", "position": 4}'
post catalog /api/v1/themes/sociale-leefbaarheid/subtopics '{"code": "woonomgeving", "name": "Woonomgeving", "description": "Hoe bewoners hun directe woonomgeving ervaren en gebruiken.", "position": 5}'
post catalog /api/v1/themes/woonomgeving-en-groen/subtopics '{"code": "ontmoetingsplekken", "name": "Ontmoetingsplekken", "description": "Plekken waar buren elkaar tegenkomen: buurtkamer, bankjes, pleintje.", "position": 1}'
post catalog /api/v1/themes/woonomgeving-en-groen/subtopics '{"code": "groen-en-klimaat", "name": "Groen en klimaat", "description": "Meer groen, minder tegels: koelte, water en biodiversiteit.", "position": 2}'
post catalog /api/v1/themes/woonomgeving-en-groen/subtopics '{"code": "spelen-en-bewegen", "name": "Spelen en bewegen", "description": "Speelplekken en beweegruimte voor kinderen en jongeren.", "position": 3}'
post catalog /api/v1/themes/zorg-en-kwetsbaarheid/subtopics '{"code": "signaleren-achter-de-voordeur", "name": "Signaleren achter de voordeur", "description": "Zorgen zien en melden: huisbezoeken en samenwerking met het wijkteam.", "position": 1}'
post catalog /api/v1/themes/zorg-en-kwetsbaarheid/subtopics '{"code": "schulden-en-betalingsproblemen", "name": "Schulden en betalingsproblemen", "description": "Vroeg erbij zijn bij huurachterstand en schulden.", "position": 2}'
post catalog /api/v1/themes/zorg-en-kwetsbaarheid/subtopics '{"code": "verward-gedrag", "name": "Verward gedrag", "description": "Huurders met onbegrepen gedrag en hun buren ondersteunen.", "position": 3}'
post catalog /api/v1/themes/zorg-en-kwetsbaarheid/subtopics '{"code": "eenzaamheid", "name": "Eenzaamheid", "description": "Contact en steun voor bewoners die alleen staan.", "position": 4}'
post catalog /api/v1/themes/woningtoewijzing-en-gebruik/subtopics '{"code": "toewijzing-en-leefbaarheid", "name": "Toewijzing en leefbaarheid", "description": "Woningtoewijzing die rekening houdt met de draagkracht van een complex.", "position": 1}'
post catalog /api/v1/themes/woningtoewijzing-en-gebruik/subtopics '{"code": "woonfraude", "name": "Woonfraude", "description": "Onrechtmatige bewoning, onderhuur en hennep opsporen en beëindigen.", "position": 2}'
post catalog /api/v1/themes/woningtoewijzing-en-gebruik/subtopics '{"code": "huurbeleid", "name": "Huurbeleid", "description": "Huren en huurprijsbeleid als knop voor een gemengde wijk.", "position": 3}'
post catalog /api/v1/themes/woningtoewijzing-en-gebruik/subtopics '{"code": "onderhoud-en-renovatie", "name": "Onderhoud en renovatie", "description": "Onderhoud, renovatie, sloop en nieuwbouw met oog voor leefbaarheid.", "position": 4}'
post catalog /api/v1/themes/samenwerking-in-de-wijk/subtopics '{"code": "gebiedsateliers", "name": "Gebiedsateliers", "description": "Met partners samen de data lezen, spelden prikken en prioriteren.", "position": 1}'
post catalog /api/v1/themes/samenwerking-in-de-wijk/subtopics '{"code": "wijkbeheer", "name": "Wijkbeheer", "description": "Afspraken over beheer van de buitenruimte met gemeente en bewoners.", "position": 2}'
post catalog /api/v1/themes/samenwerking-in-de-wijk/subtopics '{"code": "data-en-monitoring", "name": "Data en monitoring", "description": "Leefbaarometer, veerkracht en eigen cijfers volgen en bespreken.", "position": 3}'

# Interventions: create (409 when already there) and publish (409 when already published).
while IFS= read -r intervention; do
  [ -n "$intervention" ] || continue
  code=$(sed -E 's/.*"code": *"([^"]+)".*/\1/' <<<"$intervention")
  post catalog /api/v1/interventions "$intervention"
  post catalog "/api/v1/interventions/$code/publish" ""
done < "$HERE/catalog-interventions.jsonl"
