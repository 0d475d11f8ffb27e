# Demo toolbox of catalog-service: the seven themes of a corporation's toolbox (sourced by load.sh).
post catalog /api/v1/themes '{"code":"sociale-veiligheid","name":"Sociale veiligheid","description":"Veilig voelen in en rond het complex: verlichting, toegang, overlast en criminaliteit.","position":1}'
post catalog /api/v1/themes '{"code":"schoon-en-heel","name":"Schoon en heel","description":"Een schone, hele en verzorgde woonomgeving: zwerfvuil, vandalisme, onderhoud van groen en gemeenschappelijke ruimten.","position":2}'
post catalog /api/v1/themes '{"code":"sociale-leefbaarheid","name":"Sociale leefbaarheid","description":"Elkaar groeten en kennen, samenleven, thuis voelen, betrokkenheid en woonomgeving.","position":3}'
post catalog /api/v1/themes '{"code":"woonomgeving-en-groen","name":"Woonomgeving en groen","description":"Inrichting van de openbare en gemeenschappelijke ruimte, groen en ontmoetingsplekken.","position":4}'
post catalog /api/v1/themes '{"code":"zorg-en-kwetsbaarheid","name":"Zorg en kwetsbaarheid","description":"Huurders met een kwetsbaarheid: signaleren, ondersteunen en samenwerken met zorg en welzijn.","position":5}'
post catalog /api/v1/themes '{"code":"woningtoewijzing-en-gebruik","name":"Woningtoewijzing en gebruik","description":"Toewijzing, huurbeleid en woonfraude: de knoppen waar de corporatie zelf aan draait.","position":6}'
post catalog /api/v1/themes '{"code":"effectmeting","name":"Effectmeting","description":"Nulmeting, tussenmeting en eindmeting: weten of een interventie werkt en tussentijds bijsturen.","position":7}'
