# Demo areas of neighbourhood-service: the invented municipality Demostad (GM0999) with its districts and
# neighbourhoods (sourced by load.sh).
for year in 2022 2024; do
  post neighbourhood /api/v1/areas "{\"code\":\"GM0999\",\"year\":$year,\"name\":\"Demostad\",\"households\":41200,\"homes\":43800,\"corporationHomes\":15300}"
  post neighbourhood /api/v1/areas "{\"code\":\"WK099901\",\"year\":$year,\"name\":\"Centrum\",\"parentCode\":\"GM0999\",\"households\":9800,\"homes\":10400,\"corporationHomes\":3100}"
  post neighbourhood /api/v1/areas "{\"code\":\"WK099902\",\"year\":$year,\"name\":\"Noordwijk\",\"parentCode\":\"GM0999\",\"households\":12600,\"homes\":13300,\"corporationHomes\":7900}"
  post neighbourhood /api/v1/areas "{\"code\":\"WK099903\",\"year\":$year,\"name\":\"Zuiderpark\",\"parentCode\":\"GM0999\",\"households\":18800,\"homes\":20100,\"corporationHomes\":4300}"
  post neighbourhood /api/v1/areas "{\"code\":\"BU09990101\",\"year\":$year,\"name\":\"Oude Haven\",\"parentCode\":\"WK099901\",\"households\":3100,\"homes\":3350,\"corporationHomes\":900}"
  post neighbourhood /api/v1/areas "{\"code\":\"BU09990102\",\"year\":$year,\"name\":\"Marktkwartier\",\"parentCode\":\"WK099901\",\"households\":6700,\"homes\":7050,\"corporationHomes\":2200}"
  post neighbourhood /api/v1/areas "{\"code\":\"BU09990201\",\"year\":$year,\"name\":\"Bloemenbuurt\",\"parentCode\":\"WK099902\",\"households\":4200,\"homes\":4400,\"corporationHomes\":3300}"
  post neighbourhood /api/v1/areas "{\"code\":\"BU09990202\",\"year\":$year,\"name\":\"Schildersbuurt\",\"parentCode\":\"WK099902\",\"households\":5100,\"homes\":5400,\"corporationHomes\":3900}"
  post neighbourhood /api/v1/areas "{\"code\":\"BU0999020A\",\"year\":$year,\"name\":\"Rivierenbuurt\",\"parentCode\":\"WK099902\",\"households\":3300,\"homes\":3500,\"corporationHomes\":700}"
  post neighbourhood /api/v1/areas "{\"code\":\"BU09990301\",\"year\":$year,\"name\":\"Parkzoom\",\"parentCode\":\"WK099903\",\"households\":8900,\"homes\":9500,\"corporationHomes\":1800}"
  post neighbourhood /api/v1/areas "{\"code\":\"BU09990302\",\"year\":$year,\"name\":\"Vogelwijk\",\"parentCode\":\"WK099903\",\"households\":9900,\"homes\":10600,\"corporationHomes\":2500}"
done
