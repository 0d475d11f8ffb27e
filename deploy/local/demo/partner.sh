# Demo partner organisations of Demostad (GM0999) (sourced by load.sh).
post partner /api/v1/organisations '{"id":"gemeente-demostad","name":"Gemeente Demostad","type":"municipality","municipalityCode":"GM0999"}'
post partner /api/v1/organisations '{"id":"politie-demostad","name":"Politie basisteam Demostad","type":"police","municipalityCode":"GM0999"}'
post partner /api/v1/organisations '{"id":"welzijn-demostad","name":"Stichting Welzijn Demostad","type":"welfare","municipalityCode":"GM0999"}'
post partner /api/v1/organisations '{"id":"ggz-demostad","name":"GGZ Demostad","type":"care","municipalityCode":"GM0999"}'
post partner /api/v1/organisations '{"id":"huurdersvereniging-demostad","name":"Huurdersvereniging Samen Thuis","type":"tenant-organisation","municipalityCode":"GM0999"}'
post partner /api/v1/organisations '{"id":"corp-demo","name":"Woonstichting Demostad","type":"corporation","municipalityCode":"GM0999"}'
