#!/usr/bin/env python3
"""Generate data/actors/countries.txt and data/countries.tsv for herodot.

Written for herodot from public facts.  Country names and codes come from
ISO 3166-1 via Debian's iso-codes package (/usr/share/iso-codes/json/iso_3166-1.json;
`apt-get install iso-codes`); everything else (primary names, common and historical
names, demonyms, capitals with coordinates, seats of government) is in the
hand-written tables below.  Kosovo (KSV / XK) is not in ISO 3166-1 and is added here.

Usage:  python3 tools/gen-countries.py [--iso PATH] [--root REPO]

The generated files are committed and may be edited by hand; if you regenerate,
carry hand edits over into the tables here first.
"""

import argparse
import json
import os
import sys
import unicodedata

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# ---------------------------------------------------------------------------
# Country table, one line per country or territory:
#
#   ISO3 | PRIMARY | synonyms | demonyms/adjectives | capital | lat | lon | capital phrases
#
# - phrases are in dictionary form (UPPER_CASE, '_' between words);
# - synonyms are added to those derived from the ISO name / official name /
#   common name; a synonym written "-PHRASE" removes an ISO-derived phrase;
# - capital phrases: entries separated by ',', synonyms of one entry by spaces
#   (first word of an entry is its primary phrase); '-' = no metonym entry
#   (the capital is then only listed in countries.tsv);
# - capital/lat/lon go to data/countries.tsv (empty capital = none).
# Phrases starting SAINT_ get ST._ and ST_ variants automatically.
# ---------------------------------------------------------------------------
TABLE = r"""
ABW | ARUBA | | ARUBAN | Oranjestad | 12.52 | -70.03 | ORANJESTAD
AFG | AFGHANISTAN | | AFGHAN | Kabul | 34.56 | 69.21 | KABUL
AGO | ANGOLA | | ANGOLAN | Luanda | -8.84 | 13.23 | LUANDA
AIA | ANGUILLA | | ANGUILLAN | The Valley | 18.22 | -63.06 | -
ALA | ALAND_ISLANDS | ALAND AALAND_ISLANDS | ALANDER | Mariehamn | 60.10 | 19.93 | MARIEHAMN
ALB | ALBANIA | | ALBANIAN | Tirana | 41.33 | 19.82 | TIRANA TIRANE
AND | ANDORRA | | ANDORRAN | Andorra la Vella | 42.51 | 1.52 | ANDORRA_LA_VELLA
ARE | UNITED_ARAB_EMIRATES | UAE U.A.E. EMIRATES_ | EMIRATI | Abu Dhabi | 24.45 | 54.38 | ABU_DHABI
ARG | ARGENTINA | | ARGENTINE ARGENTINIAN ARGENTINEAN | Buenos Aires | -34.60 | -58.38 | BUENOS_AIRES
ARM | ARMENIA | | ARMENIAN | Yerevan | 40.18 | 44.51 | YEREVAN EREVAN
ASM | AMERICAN_SAMOA | | AMERICAN_SAMOAN | Pago Pago | -14.28 | -170.70 | PAGO_PAGO
ATA | ANTARCTICA | | | | -90.00 | 0.00 | -
ATF | FRENCH_SOUTHERN_TERRITORIES | FRENCH_SOUTHERN_AND_ANTARCTIC_LANDS TAAF | | Port-aux-Français | -49.35 | 70.22 | PORT_AUX_FRANCAIS
ATG | ANTIGUA_AND_BARBUDA | ANTIGUA | ANTIGUAN BARBUDAN | St. John's | 17.12 | -61.85 | -
AUS | AUSTRALIA | COMMONWEALTH_OF_AUSTRALIA | AUSTRALIAN AUSSIE | Canberra | -35.28 | 149.13 | CANBERRA
AUT | AUSTRIA | OSTERREICH | AUSTRIAN | Vienna | 48.21 | 16.37 | VIENNA WIEN
AZE | AZERBAIJAN | | AZERBAIJANI AZERI | Baku | 40.41 | 49.87 | BAKU
BDI | BURUNDI | | BURUNDIAN | Gitega | -3.43 | 29.92 | GITEGA, BUJUMBURA
BEL | BELGIUM | | BELGIAN | Brussels | 50.85 | 4.35 | -
BEN | BENIN | DAHOMEY | BENINESE BENINOIS | Porto-Novo | 6.50 | 2.63 | PORTO_NOVO, COTONOU
BES | CARIBBEAN_NETHERLANDS | BONAIRE BONAIRE_SINT_EUSTATIUS_AND_SABA SINT_EUSTATIUS ST._EUSTATIUS ST_EUSTATIUS BES_ISLANDS | BONAIREAN | Kralendijk | 12.15 | -68.27 | KRALENDIJK
BFA | BURKINA_FASO | BURKINA UPPER_VOLTA | BURKINABE | Ouagadougou | 12.37 | -1.52 | OUAGADOUGOU OUAGA
BGD | BANGLADESH | | BANGLADESHI | Dhaka | 23.81 | 90.41 | DHAKA DACCA
BGR | BULGARIA | | BULGARIAN | Sofia | 42.70 | 23.32 | SOFIA
BHR | BAHRAIN | | BAHRAINI | Manama | 26.23 | 50.59 | MANAMA
BHS | BAHAMAS | | BAHAMIAN | Nassau | 25.05 | -77.34 | NASSAU
BIH | BOSNIA_AND_HERZEGOVINA | BOSNIA BOSNIA_HERZEGOVINA BIH | BOSNIAN BOSNIAK HERZEGOVINIAN | Sarajevo | 43.86 | 18.41 | SARAJEVO
BLM | SAINT_BARTHELEMY | SAINT_BARTS SAINT_BARTH | | Gustavia | 17.90 | -62.85 | GUSTAVIA
BLR | BELARUS | BELORUSSIA BYELORUSSIA | BELARUSIAN BELARUSSIAN BELORUSSIAN BYELORUSSIAN | Minsk | 53.90 | 27.56 | MINSK
BLZ | BELIZE | | BELIZEAN | Belmopan | 17.25 | -88.77 | BELMOPAN
BMU | BERMUDA | | BERMUDIAN BERMUDAN | Hamilton | 32.29 | -64.78 | -
BOL | BOLIVIA | | BOLIVIAN | La Paz | -16.49 | -68.12 | LA_PAZ
BRA | BRAZIL | BRASIL | BRAZILIAN | Brasília | -15.79 | -47.88 | BRASILIA
BRB | BARBADOS | | BARBADIAN BAJAN | Bridgetown | 13.10 | -59.62 | BRIDGETOWN
BRN | BRUNEI | NEGARA_BRUNEI_DARUSSALAM | BRUNEIAN | Bandar Seri Begawan | 4.90 | 114.94 | BANDAR_SERI_BEGAWAN
BTN | BHUTAN | | BHUTANESE | Thimphu | 27.47 | 89.64 | THIMPHU
BVT | BOUVET_ISLAND | BOUVETOYA | | | -54.42 | 3.36 | -
BWA | BOTSWANA | | BOTSWANAN MOTSWANA BATSWANA | Gaborone | -24.65 | 25.91 | GABORONE
CAF | CENTRAL_AFRICAN_REPUBLIC | C.A.R. CENTRAFRIQUE | CENTRAL_AFRICAN CENTRAFRICAN | Bangui | 4.39 | 18.56 | BANGUI
CAN | CANADA | | CANADIAN | Ottawa | 45.42 | -75.70 | OTTAWA
CCK | COCOS_ISLANDS | COCOS_KEELING_ISLANDS KEELING_ISLANDS | | West Island | -12.19 | 96.83 | -
CHE | SWITZERLAND | SWISS_CONFEDERATION CONFOEDERATIO_HELVETICA | SWISS | Bern | 46.95 | 7.45 | BERN BERNE
CHL | CHILE | | CHILEAN | Santiago | -33.45 | -70.67 | SANTIAGO SANTIAGO_DE_CHILE
CHN | CHINA | PRC P.R.C. MAINLAND_CHINA | CHINESE SINO | Beijing | 39.90 | 116.41 | BEIJING PEKING
CIV | IVORY_COAST | COTE_D'IVOIRE | IVORIAN IVOIRIAN | Yamoussoukro | 6.83 | -5.29 | YAMOUSSOUKRO, ABIDJAN
CMR | CAMEROON | CAMEROUN | CAMEROONIAN | Yaoundé | 3.85 | 11.50 | YAOUNDE
COD | DEMOCRATIC_REPUBLIC_OF_THE_CONGO | CONGO DEMOCRATIC_REPUBLIC_OF_CONGO DRC D.R.C. DR_CONGO D.R._CONGO CONGO_KINSHASA ZAIRE EASTERN_CONGO | CONGOLESE ZAIREAN | Kinshasa | -4.32 | 15.31 | KINSHASA
COG | REPUBLIC_OF_THE_CONGO | -CONGO REPUBLIC_OF_CONGO CONGO_BRAZZAVILLE CONGO_REPUBLIC | | Brazzaville | -4.27 | 15.28 | BRAZZAVILLE
COK | COOK_ISLANDS | | COOK_ISLANDER | Avarua | -21.21 | -159.78 | AVARUA
COL | COLOMBIA | | COLOMBIAN | Bogotá | 4.71 | -74.07 | BOGOTA
COM | COMOROS | COMORO_ISLANDS | COMORAN COMORIAN | Moroni | -11.70 | 43.26 | MORONI
CPV | CAPE_VERDE | CABO_VERDE | CAPE_VERDEAN CABO_VERDEAN | Praia | 14.93 | -23.51 | PRAIA
CRI | COSTA_RICA | | COSTA_RICAN | San José | 9.93 | -84.08 | -
CUB | CUBA | | CUBAN | Havana | 23.11 | -82.37 | HAVANA LA_HABANA
CUW | CURACAO | | CURACAOAN | Willemstad | 12.11 | -68.93 | WILLEMSTAD
CXR | CHRISTMAS_ISLAND | | CHRISTMAS_ISLANDER | Flying Fish Cove | -10.42 | 105.68 | -
CYM | CAYMAN_ISLANDS | CAYMANS | CAYMANIAN | George Town | 19.29 | -81.38 | -
CYP | CYPRUS | | CYPRIOT | Nicosia | 35.17 | 33.36 | NICOSIA LEFKOSIA
CZE | CZECH_REPUBLIC | CZECHIA | CZECH | Prague | 50.08 | 14.44 | PRAGUE PRAHA
DEU | GERMANY | DEUTSCHLAND | GERMAN | Berlin | 52.52 | 13.40 | BERLIN
DJI | DJIBOUTI | | DJIBOUTIAN | Djibouti | 11.59 | 43.15 | -
DMA | DOMINICA | | | Roseau | 15.30 | -61.39 | ROSEAU
DNK | DENMARK | | DANISH DANE | Copenhagen | 55.68 | 12.57 | COPENHAGEN
DOM | DOMINICAN_REPUBLIC | | DOMINICAN | Santo Domingo | 18.49 | -69.93 | SANTO_DOMINGO
DZA | ALGERIA | | ALGERIAN | Algiers | 36.75 | 3.06 | ALGIERS
ECU | ECUADOR | | ECUADORIAN ECUADOREAN | Quito | -0.18 | -78.47 | QUITO
EGY | EGYPT | | EGYPTIAN | Cairo | 30.04 | 31.24 | CAIRO
ERI | ERITREA | | ERITREAN | Asmara | 15.32 | 38.93 | ASMARA
ESH | WESTERN_SAHARA | SAHRAWI_ARAB_DEMOCRATIC_REPUBLIC | SAHRAWI SAHARAWI | Laayoune | 27.15 | -13.20 | -
ESP | SPAIN | ESPANA | SPANISH SPANIARD | Madrid | 40.42 | -3.70 | MADRID
EST | ESTONIA | | ESTONIAN | Tallinn | 59.44 | 24.75 | TALLINN
ETH | ETHIOPIA | ABYSSINIA | ETHIOPIAN | Addis Ababa | 9.03 | 38.74 | ADDIS_ABABA
FIN | FINLAND | SUOMI | FINNISH FINN | Helsinki | 60.17 | 24.94 | HELSINKI
FJI | FIJI | FIJI_ISLANDS | FIJIAN | Suva | -18.14 | 178.44 | SUVA
FLK | FALKLAND_ISLANDS | FALKLANDS MALVINAS ISLAS_MALVINAS MALVINAS_ISLANDS | FALKLAND_ISLANDER | Stanley | -51.69 | -57.86 | -
FRA | FRANCE | | FRENCH FRENCHMAN FRENCHWOMAN | Paris | 48.86 | 2.35 | PARIS
FRO | FAROE_ISLANDS | FAROES_ FAEROE_ISLANDS FAEROES_ | FAROESE FAEROESE | Tórshavn | 62.01 | -6.77 | TORSHAVN
FSM | MICRONESIA | | MICRONESIAN | Palikir | 6.92 | 158.16 | PALIKIR
GAB | GABON | | GABONESE | Libreville | 0.42 | 9.47 | LIBREVILLE
GBR | UNITED_KINGDOM | U.K. UK BRITAIN GREAT_BRITAIN ENGLAND SCOTLAND WALES_ NORTHERN_IRELAND | BRITISH BRITON BRIT ENGLISHMAN SCOTTISH SCOT SCOTSMAN WELSH | London | 51.51 | -0.13 | LONDON
GEO | GEORGIA | SAKARTVELO | GEORGIAN | Tbilisi | 41.72 | 44.79 | TBILISI TIFLIS
GGY | GUERNSEY | BAILIWICK_OF_GUERNSEY | GUERNSEYMAN | St Peter Port | 49.46 | -2.54 | SAINT_PETER_PORT
GHA | GHANA | | GHANAIAN | Accra | 5.60 | -0.19 | ACCRA
GIB | GIBRALTAR | | GIBRALTARIAN | Gibraltar | 36.14 | -5.35 | -
GIN | GUINEA | GUINEA_CONAKRY | GUINEAN | Conakry | 9.64 | -13.58 | CONAKRY
GLP | GUADELOUPE | | GUADELOUPEAN | Basse-Terre | 16.00 | -61.73 | BASSE_TERRE
GMB | GAMBIA | | GAMBIAN | Banjul | 13.45 | -16.58 | BANJUL
GNB | GUINEA_BISSAU | | BISSAU_GUINEAN | Bissau | 11.86 | -15.60 | BISSAU
GNQ | EQUATORIAL_GUINEA | | EQUATORIAL_GUINEAN EQUATOGUINEAN | Malabo | 3.75 | 8.78 | MALABO
GRC | GREECE | HELLAS | GREEK HELLENIC | Athens | 37.98 | 23.73 | ATHENS
GRD | GRENADA | | GRENADIAN | St. George's | 12.06 | -61.75 | -
GRL | GREENLAND | KALAALLIT_NUNAAT | GREENLANDIC GREENLANDER | Nuuk | 64.18 | -51.69 | NUUK GODTHAB
GTM | GUATEMALA | | GUATEMALAN | Guatemala City | 14.63 | -90.51 | GUATEMALA_CITY
GUF | FRENCH_GUIANA | GUYANE | FRENCH_GUIANESE | Cayenne | 4.92 | -52.31 | CAYENNE
GUM | GUAM | | GUAMANIAN | Hagåtña | 13.48 | 144.75 | HAGATNA AGANA
GUY | GUYANA | | GUYANESE | Georgetown | 6.80 | -58.16 | GEORGETOWN
HKG | HONG_KONG | HONG_KONG_SAR HONG_KONG_S.A.R. | HONG_KONGER HONGKONGER | Hong Kong | 22.28 | 114.16 | -
HMD | HEARD_ISLAND_AND_MCDONALD_ISLANDS | HEARD_AND_MCDONALD_ISLANDS HEARD_ISLAND | | | -53.08 | 73.50 | -
HND | HONDURAS | | HONDURAN | Tegucigalpa | 14.07 | -87.19 | TEGUCIGALPA
HRV | CROATIA | HRVATSKA | CROATIAN CROAT | Zagreb | 45.81 | 15.98 | ZAGREB
HTI | HAITI | | HAITIAN | Port-au-Prince | 18.54 | -72.34 | PORT_AU_PRINCE
HUN | HUNGARY | MAGYARORSZAG | HUNGARIAN MAGYAR | Budapest | 47.50 | 19.04 | BUDAPEST
IDN | INDONESIA | | INDONESIAN | Jakarta | -6.21 | 106.85 | JAKARTA DJAKARTA
IMN | ISLE_OF_MAN | | MANX MANXMAN | Douglas | 54.15 | -4.48 | -
IND | INDIA | BHARAT | INDIAN | New Delhi | 28.61 | 77.21 | NEW_DELHI
IOT | BRITISH_INDIAN_OCEAN_TERRITORY | CHAGOS_ISLANDS CHAGOS_ARCHIPELAGO DIEGO_GARCIA | CHAGOSSIAN | | -7.31 | 72.41 | -
IRL | IRELAND | REPUBLIC_OF_IRELAND EIRE | IRISH IRISHMAN IRISHWOMAN | Dublin | 53.35 | -6.26 | DUBLIN
IRN | IRAN | PERSIA | IRANIAN | Tehran | 35.69 | 51.39 | TEHRAN TEHERAN
IRQ | IRAQ | | IRAQI | Baghdad | 33.31 | 44.36 | BAGHDAD
ISL | ICELAND | | ICELANDIC ICELANDER | Reykjavík | 64.15 | -21.94 | REYKJAVIK
ISR | ISRAEL | | ISRAELI | Jerusalem | 31.77 | 35.21 | JERUSALEM, TEL_AVIV
ITA | ITALY | ITALIA | ITALIAN | Rome | 41.90 | 12.50 | ROME
JAM | JAMAICA | | JAMAICAN | Kingston | 17.97 | -76.79 | KINGSTON
JEY | BAILIWICK_OF_JERSEY | ISLE_OF_JERSEY -JERSEY | JERSEYMAN | Saint Helier | 49.19 | -2.11 | SAINT_HELIER
JOR | JORDAN | | JORDANIAN | Amman | 31.95 | 35.93 | AMMAN
JPN | JAPAN | NIPPON | JAPANESE | Tokyo | 35.68 | 139.69 | TOKYO
KAZ | KAZAKHSTAN | KAZAKSTAN | KAZAKH KAZAKHSTANI | Astana | 51.17 | 71.45 | ASTANA NUR_SULTAN AKMOLA
KEN | KENYA | | KENYAN | Nairobi | -1.29 | 36.82 | NAIROBI
KGZ | KYRGYZSTAN | KIRGHIZIA KIRGIZIA | KYRGYZ KIRGHIZ KYRGYZSTANI | Bishkek | 42.87 | 74.59 | BISHKEK
KHM | CAMBODIA | KAMPUCHEA | CAMBODIAN | Phnom Penh | 11.56 | 104.92 | PHNOM_PENH
KIR | KIRIBATI | | I_KIRIBATI | South Tarawa | 1.33 | 172.98 | TARAWA SOUTH_TARAWA
KNA | SAINT_KITTS_AND_NEVIS | SAINT_CHRISTOPHER_AND_NEVIS SAINT_KITTS NEVIS | KITTITIAN NEVISIAN | Basseterre | 17.30 | -62.72 | BASSETERRE
KOR | SOUTH_KOREA | ROK R.O.K. KOREA | SOUTH_KOREAN KOREAN | Seoul | 37.57 | 126.98 | SEOUL
KWT | KUWAIT | | KUWAITI | Kuwait City | 29.38 | 47.98 | KUWAIT_CITY
LAO | LAOS | LAO_PDR | LAO LAOTIAN | Vientiane | 17.98 | 102.63 | VIENTIANE
LBN | LEBANON | | LEBANESE | Beirut | 33.89 | 35.50 | BEIRUT
LBR | LIBERIA | | LIBERIAN | Monrovia | 6.31 | -10.80 | MONROVIA
LBY | LIBYA | | LIBYAN | Tripoli | 32.89 | 13.19 | TRIPOLI
LCA | SAINT_LUCIA | | SAINT_LUCIAN | Castries | 14.01 | -60.99 | CASTRIES
LIE | LIECHTENSTEIN | | LIECHTENSTEINER | Vaduz | 47.14 | 9.52 | VADUZ
LKA | SRI_LANKA | CEYLON | SRI_LANKAN | Sri Jayawardenepura Kotte | 6.89 | 79.92 | COLOMBO, SRI_JAYAWARDENEPURA_KOTTE KOTTE
LSO | LESOTHO | | BASOTHO MOSOTHO | Maseru | -29.31 | 27.48 | MASERU
LTU | LITHUANIA | | LITHUANIAN | Vilnius | 54.69 | 25.28 | VILNIUS
LUX | LUXEMBOURG | LUXEMBURG | LUXEMBOURGER LUXEMBOURGISH | Luxembourg | 49.61 | 6.13 | -
LVA | LATVIA | | LATVIAN | Riga | 56.95 | 24.11 | RIGA
MAC | MACAU | MACAO MACAU_SAR MACAO_SAR | MACANESE | Macau | 22.20 | 113.54 | -
MAF | SAINT_MARTIN | COLLECTIVITY_OF_SAINT_MARTIN FRENCH_SAINT_MARTIN | | Marigot | 18.07 | -63.08 | MARIGOT
MAR | MOROCCO | | MOROCCAN | Rabat | 34.02 | -6.84 | RABAT
MCO | MONACO | | MONEGASQUE MONACAN | Monaco | 43.73 | 7.42 | -
MDA | MOLDOVA | MOLDAVIA | MOLDOVAN | Chișinău | 47.01 | 28.86 | CHISINAU KISHINEV
MDG | MADAGASCAR | MALAGASY_REPUBLIC | MALAGASY | Antananarivo | -18.88 | 47.51 | ANTANANARIVO
MDV | MALDIVES | MALDIVE_ISLANDS | MALDIVIAN | Malé | 4.18 | 73.51 | -
MEX | MEXICO | | MEXICAN | Mexico City | 19.43 | -99.13 | MEXICO_CITY
MHL | MARSHALL_ISLANDS | | MARSHALLESE MARSHALL_ISLANDER | Majuro | 7.09 | 171.38 | MAJURO
MKD | NORTH_MACEDONIA | MACEDONIA FYROM F.Y.R.O.M. FORMER_YUGOSLAV_REPUBLIC_OF_MACEDONIA REPUBLIC_OF_MACEDONIA | NORTH_MACEDONIAN MACEDONIAN | Skopje | 42.00 | 21.43 | SKOPJE
MLI | MALI | | MALIAN | Bamako | 12.64 | -8.00 | BAMAKO
MLT | MALTA | | MALTESE | Valletta | 35.90 | 14.51 | VALLETTA
MMR | MYANMAR | BURMA REPUBLIC_OF_THE_UNION_OF_MYANMAR | BURMESE | Naypyidaw | 19.76 | 96.08 | NAYPYIDAW NAY_PYI_TAW NAYPYITAW
MNE | MONTENEGRO | CRNA_GORA | MONTENEGRIN | Podgorica | 42.43 | 19.26 | PODGORICA
MNG | MONGOLIA | | MONGOLIAN | Ulaanbaatar | 47.89 | 106.91 | ULAANBAATAR ULAN_BATOR
MNP | NORTHERN_MARIANA_ISLANDS | NORTHERN_MARIANAS CNMI | | Saipan | 15.21 | 145.75 | -
MOZ | MOZAMBIQUE | | MOZAMBICAN | Maputo | -25.97 | 32.57 | MAPUTO
MRT | MAURITANIA | | MAURITANIAN | Nouakchott | 18.08 | -15.97 | NOUAKCHOTT
MSR | MONTSERRAT | | MONTSERRATIAN | Brades | 16.79 | -62.21 | -
MTQ | MARTINIQUE | | MARTINICAN | Fort-de-France | 14.61 | -61.07 | FORT_DE_FRANCE
MUS | MAURITIUS | | MAURITIAN | Port Louis | -20.16 | 57.50 | PORT_LOUIS
MWI | MALAWI | NYASALAND | MALAWIAN | Lilongwe | -13.96 | 33.78 | LILONGWE
MYS | MALAYSIA | | MALAYSIAN | Kuala Lumpur | 3.14 | 101.69 | KUALA_LUMPUR, PUTRAJAYA
MYT | MAYOTTE | | MAHORAIS | Mamoudzou | -12.78 | 45.23 | MAMOUDZOU
NAM | NAMIBIA | | NAMIBIAN | Windhoek | -22.56 | 17.08 | WINDHOEK
NCL | NEW_CALEDONIA | KANAKY | NEW_CALEDONIAN | Nouméa | -22.28 | 166.46 | NOUMEA
NER | NIGER | REPUBLIC_OF_NIGER | NIGERIEN | Niamey | 13.51 | 2.12 | NIAMEY
NFK | NORFOLK_ISLAND | | NORFOLK_ISLANDER | Kingston | -29.06 | 167.96 | -
NGA | NIGERIA | | NIGERIAN | Abuja | 9.07 | 7.49 | ABUJA
NIC | NICARAGUA | | NICARAGUAN | Managua | 12.11 | -86.24 | MANAGUA
NIU | NIUE | | NIUEAN | Alofi | -19.06 | -169.92 | ALOFI
NLD | NETHERLANDS | HOLLAND | DUTCH DUTCHMAN DUTCHWOMAN | Amsterdam | 52.37 | 4.90 | AMSTERDAM
NOR | NORWAY | | NORWEGIAN | Oslo | 59.91 | 10.75 | OSLO
NPL | NEPAL | | NEPALESE NEPALI | Kathmandu | 27.72 | 85.32 | KATHMANDU
NRU | NAURU | | NAURUAN | Yaren | -0.55 | 166.92 | YAREN
NZL | NEW_ZEALAND | AOTEAROA | NEW_ZEALANDER | Wellington | -41.29 | 174.78 | WELLINGTON
OMN | OMAN | | OMANI | Muscat | 23.59 | 58.40 | MUSCAT
PAK | PAKISTAN | | PAKISTANI | Islamabad | 33.68 | 73.05 | ISLAMABAD
PAN | PANAMA | | PANAMANIAN | Panama City | 8.98 | -79.52 | PANAMA_CITY
PCN | PITCAIRN_ISLANDS | PITCAIRN | PITCAIRN_ISLANDER | Adamstown | -25.07 | -130.10 | ADAMSTOWN
PER | PERU | | PERUVIAN | Lima | -12.05 | -77.04 | LIMA
PHL | PHILIPPINES | PILIPINAS | FILIPINO FILIPINA PHILIPPINE | Manila | 14.60 | 120.98 | MANILA
PLW | PALAU | BELAU | PALAUAN | Ngerulmud | 7.50 | 134.62 | NGERULMUD MELEKEOK
PNG | PAPUA_NEW_GUINEA | PNG | PAPUA_NEW_GUINEAN | Port Moresby | -9.44 | 147.18 | PORT_MORESBY
POL | POLAND | POLSKA | POLISH_ | Warsaw | 52.23 | 21.01 | WARSAW
PRI | PUERTO_RICO | | PUERTO_RICAN | San Juan | 18.47 | -66.11 | -
PRK | NORTH_KOREA | DPRK D.P.R.K. | NORTH_KOREAN | Pyongyang | 39.04 | 125.76 | PYONGYANG
PRT | PORTUGAL | | PORTUGUESE | Lisbon | 38.72 | -9.14 | LISBON LISBOA
PRY | PARAGUAY | | PARAGUAYAN | Asunción | -25.26 | -57.58 | ASUNCION
PSE | PALESTINE | PALESTINIAN_TERRITORY PALESTINIAN_TERRITORIES OCCUPIED_PALESTINIAN_TERRITORY OCCUPIED_PALESTINIAN_TERRITORIES WEST_BANK GAZA GAZA_STRIP | PALESTINIAN GAZAN | Ramallah | 31.90 | 35.20 | RAMALLAH
PYF | FRENCH_POLYNESIA | TAHITI | FRENCH_POLYNESIAN TAHITIAN | Papeete | -17.54 | -149.57 | PAPEETE
QAT | QATAR | | QATARI | Doha | 25.29 | 51.53 | DOHA
REU | REUNION_ISLAND | LA_REUNION ILE_DE_LA_REUNION -REUNION | REUNIONESE | Saint-Denis | -20.88 | 55.45 | -
ROU | ROMANIA | RUMANIA ROUMANIA | ROMANIAN | Bucharest | 44.43 | 26.10 | BUCHAREST BUCURESTI
RUS | RUSSIA | ROSSIYA SOVIET_UNION USSR U.S.S.R. | RUSSIAN | Moscow | 55.76 | 37.62 | MOSCOW
RWA | RWANDA | | RWANDAN RWANDESE | Kigali | -1.95 | 30.06 | KIGALI
SAU | SAUDI_ARABIA | KSA | SAUDI SAUDI_ARABIAN | Riyadh | 24.71 | 46.68 | RIYADH
SDN | SUDAN | REPUBLIC_OF_SUDAN | SUDANESE | Khartoum | 15.50 | 32.56 | KHARTOUM
SEN | SENEGAL | | SENEGALESE | Dakar | 14.72 | -17.47 | DAKAR
SGP | SINGAPORE | | SINGAPOREAN | Singapore | 1.29 | 103.85 | -
SGS | SOUTH_GEORGIA_AND_THE_SOUTH_SANDWICH_ISLANDS | SOUTH_GEORGIA SOUTH_SANDWICH_ISLANDS | | King Edward Point | -54.28 | -36.49 | -
SHN | SAINT_HELENA | SAINT_HELENA_ASCENSION_AND_TRISTAN_DA_CUNHA ASCENSION_ISLAND TRISTAN_DA_CUNHA | SAINT_HELENIAN | Jamestown | -15.92 | -5.72 | -
SJM | SVALBARD_AND_JAN_MAYEN | SVALBARD JAN_MAYEN SPITSBERGEN | | Longyearbyen | 78.22 | 15.63 | LONGYEARBYEN
SLB | SOLOMON_ISLANDS | SOLOMONS_ | SOLOMON_ISLANDER | Honiara | -9.43 | 159.96 | HONIARA
SLE | SIERRA_LEONE | | SIERRA_LEONEAN | Freetown | 8.48 | -13.23 | FREETOWN
SLV | EL_SALVADOR | | SALVADORAN SALVADOREAN SALVADORIAN | San Salvador | 13.69 | -89.19 | SAN_SALVADOR
SMR | SAN_MARINO | | SAMMARINESE | San Marino | 43.94 | 12.45 | -
SOM | SOMALIA | | SOMALI | Mogadishu | 2.05 | 45.32 | MOGADISHU
SPM | SAINT_PIERRE_AND_MIQUELON | | | Saint-Pierre | 46.78 | -56.18 | -
SRB | SERBIA | SRBIJA | SERBIAN SERB | Belgrade | 44.79 | 20.45 | BELGRADE BEOGRAD
SSD | SOUTH_SUDAN | | SOUTH_SUDANESE | Juba | 4.85 | 31.58 | JUBA
STP | SAO_TOME_AND_PRINCIPE | SAO_TOME | SANTOMEAN | São Tomé | 0.34 | 6.73 | -
SUR | SURINAME | SURINAM | SURINAMESE SURINAMER | Paramaribo | 5.85 | -55.20 | PARAMARIBO
SVK | SLOVAKIA | SLOVENSKO | SLOVAK SLOVAKIAN | Bratislava | 48.15 | 17.11 | BRATISLAVA
SVN | SLOVENIA | SLOVENIJA | SLOVENIAN SLOVENE | Ljubljana | 46.06 | 14.51 | LJUBLJANA
SWE | SWEDEN | SVERIGE | SWEDISH SWEDE | Stockholm | 59.33 | 18.07 | STOCKHOLM
SWZ | ESWATINI | SWAZILAND | SWAZI | Mbabane | -26.31 | 31.14 | MBABANE, LOBAMBA
SXM | SINT_MAARTEN | DUTCH_SINT_MAARTEN | | Philipsburg | 18.03 | -63.05 | PHILIPSBURG
SYC | SEYCHELLES | | SEYCHELLOIS | Victoria | -4.62 | 55.45 | -
SYR | SYRIA | | SYRIAN | Damascus | 33.51 | 36.28 | DAMASCUS
TCA | TURKS_AND_CAICOS_ISLANDS | TURKS_AND_CAICOS | TURKS_AND_CAICOS_ISLANDER | Cockburn Town | 21.46 | -71.14 | COCKBURN_TOWN
TCD | CHAD | TCHAD | CHADIAN | N'Djamena | 12.13 | 15.06 | N'DJAMENA NDJAMENA
TGO | TOGO | | TOGOLESE | Lomé | 6.13 | 1.22 | LOME
THA | THAILAND | SIAM PRATHET_THAI | THAI | Bangkok | 13.76 | 100.50 | BANGKOK
TJK | TAJIKISTAN | TADJIKISTAN TADZHIKISTAN | TAJIK TAJIKISTANI TADJIK | Dushanbe | 38.56 | 68.79 | DUSHANBE
TKL | TOKELAU | | TOKELAUAN | | -9.20 | -171.85 | -
TKM | TURKMENISTAN | TURKMENIA | TURKMEN TURKMENISTANI | Ashgabat | 37.96 | 58.33 | ASHGABAT ASHKHABAD
TLS | EAST_TIMOR | TIMOR_LESTE TIMOR_LOROSAE | EAST_TIMORESE TIMORESE | Dili | -8.56 | 125.56 | DILI
TON | TONGA | | TONGAN | Nukuʻalofa | -21.14 | -175.20 | NUKU'ALOFA NUKUALOFA
TTO | TRINIDAD_AND_TOBAGO | TRINIDAD | TRINIDADIAN TOBAGONIAN TRINBAGONIAN | Port of Spain | 10.66 | -61.51 | PORT_OF_SPAIN
TUN | TUNISIA | | TUNISIAN | Tunis | 36.81 | 10.18 | TUNIS
TUR | TURKEY | TURKIYE REPUBLIC_OF_TURKEY | TURKISH TURK | Ankara | 39.93 | 32.86 | ANKARA
TUV | TUVALU | | TUVALUAN | Funafuti | -8.52 | 179.20 | FUNAFUTI
TWN | TAIWAN | REPUBLIC_OF_CHINA CHINESE_TAIPEI FORMOSA -TAIWAN_PROVINCE_OF_CHINA -PROVINCE_OF_CHINA_TAIWAN | TAIWANESE | Taipei | 25.03 | 121.57 | TAIPEI
TZA | TANZANIA | | TANZANIAN | Dodoma | -6.16 | 35.75 | DODOMA, DAR_ES_SALAAM
UGA | UGANDA | | UGANDAN | Kampala | 0.35 | 32.58 | KAMPALA
UKR | UKRAINE | | UKRAINIAN | Kyiv | 50.45 | 30.52 | KYIV KIEV
UMI | UNITED_STATES_MINOR_OUTLYING_ISLANDS | U.S._MINOR_OUTLYING_ISLANDS WAKE_ISLAND MIDWAY_ATOLL MIDWAY_ISLANDS JOHNSTON_ATOLL PALMYRA_ATOLL KINGMAN_REEF BAKER_ISLAND HOWLAND_ISLAND JARVIS_ISLAND NAVASSA_ISLAND | | | 19.28 | 166.65 | -
URY | URUGUAY | ORIENTAL_REPUBLIC_OF_URUGUAY | URUGUAYAN | Montevideo | -34.90 | -56.16 | MONTEVIDEO
USA | UNITED_STATES | U.S. U.S.A. USA AMERICA_ | AMERICAN | Washington | 38.91 | -77.04 | WASHINGTON WASHINGTON_D.C. WASHINGTON_DC
UZB | UZBEKISTAN | | UZBEK UZBEKISTANI | Tashkent | 41.30 | 69.24 | TASHKENT
VAT | HOLY_SEE | VATICAN VATICAN_CITY VATICAN_CITY_STATE | | Vatican City | 41.90 | 12.45 | -
VCT | SAINT_VINCENT_AND_THE_GRENADINES | SAINT_VINCENT_AND_GRENADINES SAINT_VINCENT | VINCENTIAN | Kingstown | 13.16 | -61.22 | KINGSTOWN
VEN | VENEZUELA | | VENEZUELAN | Caracas | 10.49 | -66.90 | CARACAS
VGB | BRITISH_VIRGIN_ISLANDS | BVI B.V.I. | | Road Town | 18.43 | -64.62 | ROAD_TOWN
VIR | U.S._VIRGIN_ISLANDS | US_VIRGIN_ISLANDS UNITED_STATES_VIRGIN_ISLANDS USVI | | Charlotte Amalie | 18.34 | -64.93 | CHARLOTTE_AMALIE
VNM | VIETNAM | | VIETNAMESE | Hanoi | 21.03 | 105.84 | HANOI HA_NOI
VUT | VANUATU | | NI_VANUATU VANUATUAN | Port Vila | -17.73 | 168.32 | PORT_VILA
WLF | WALLIS_AND_FUTUNA | WALLIS_AND_FUTUNA_ISLANDS | WALLISIAN FUTUNAN | Mata-Utu | -13.28 | -176.17 | MATA_UTU
WSM | SAMOA | WESTERN_SAMOA | SAMOAN | Apia | -13.83 | -171.77 | APIA
YEM | YEMEN | | YEMENI | Sanaa | 15.37 | 44.19 | ADEN
ZAF | SOUTH_AFRICA | | SOUTH_AFRICAN | Pretoria | -25.75 | 28.19 | PRETORIA TSHWANE
ZMB | ZAMBIA | | ZAMBIAN | Lusaka | -15.39 | 28.32 | LUSAKA
ZWE | ZIMBABWE | RHODESIA | ZIMBABWEAN | Harare | -17.83 | 31.05 | HARARE SALISBURY
KSV | KOSOVO | REPUBLIC_OF_KOSOVO KOSOVA KOSOVE REPUBLIKA_E_KOSOVES | KOSOVAR KOSOVAN KOSOVO_ALBANIAN KOSOVAR_ALBANIAN | Pristina | 42.66 | 21.17 | PRISTINA PRISHTINA PRISHTINE
"""

# Kosovo is not in ISO 3166-1; XK is the user-assigned code used by the EU and others.
EXTRA_COUNTRIES = {"KSV": {"alpha_2": "XK", "alpha_3": "KSV", "name": "Kosovo"}}

# Display names for countries.tsv where the ISO name is inverted or awkward.
DISPLAY = {
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "FSM": "Micronesia",
    "HKG": "Hong Kong",
    "MAC": "Macao",
    "PSE": "Palestine",
    "VAT": "Holy See",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
    "BES": "Bonaire, Sint Eustatius and Saba",
    "SHN": "Saint Helena, Ascension and Tristan da Cunha",
    "FLK": "Falkland Islands",
    "CCK": "Cocos (Keeling) Islands",
    "MAF": "Saint Martin",
    "SXM": "Sint Maarten",
}

# Short comments printed above a country's block (judgement calls, ambiguities).
COUNTRY_NOTES = {
    "COD": "Plain CONGO and CONGOLESE are given to the DRC, by far the commoner referent in news.",
    "COG": "Only the full names: plain CONGO is the DRC (see COD).",
    "GBR": "ENGLISH is not listed (mostly the language).",
    "JEY": "Bare JERSEY is not listed: it is mostly a garment or part of NEW_JERSEY.",
    "KOR": "Plain KOREA / KOREAN are given to South Korea, their usual sense in news.",
    "KSV": "Not in ISO 3166-1; CAMEO code KSV (ISO user-assigned XK).",
    "POL": "POLISH_ is exact (no lemma: 'polished'); POLE is not listed (pole, North Pole).",
    "REU": "Bare REUNION is not listed (common noun).",
    "RUS": "SOVIET_UNION / USSR are coded as Russia, its continuator state.",
    "TUR": "TURKIYE also matches the accented spelling (matching folds accents).",
    "TWN": "The ISO name 'Taiwan, Province of China' is not used as a phrase.",
    "USA": "No bare US (pronoun). AMERICA_ is exact so that 'the Americas' does not match.",
    "ARE": "EMIRATES_ is exact so that 'emirate' (e.g. Islamic Emirate) does not match.",
}

# Phrases that contain a country word but denote something else, or sub-national
# names worth pinning to their country.  (phrase, code, [synonyms], comment)
DISAMBIG = [
    ("NEW_MEXICO", "USA", [], "US state, not Mexico"),
    ("NEW_ENGLAND", "USA", [], "US region, not England"),
    ("WASHINGTON_STATE", "USA", [], "US state, not the federal government"),
    ("NEW_SOUTH_WALES", "AUS", [], "Australian state"),
    ("BRITISH_COLUMBIA", "CAN", [], "Canadian province"),
    ("NIGER_DELTA", "NGA", [], "region of Nigeria, not Niger"),
    ("WEST_TIMOR", "IDN", [], "Indonesian half of Timor"),
    ("NORTHERN_CYPRUS", "CYP", ["TURKISH_REPUBLIC_OF_NORTHERN_CYPRUS", "TRNC"],
     "self-declared state recognised only by Turkey; coded Cyprus"),
    ("GREEK_CYPRIOT", "CYP", [], "Cypriots, not Greeks"),
    ("TURKISH_CYPRIOT", "CYP", [], "Cypriots, not Turks"),
    ("BOSNIAN_SERB", "BIH", [], "citizens of Bosnia and Herzegovina, not Serbia"),
    ("BOSNIAN_CROAT", "BIH", [], "citizens of Bosnia and Herzegovina, not Croatia"),
    ("REPUBLIKA_SRPSKA", "BIH", [], "entity of Bosnia and Herzegovina"),
    ("KOSOVO_SERB", "KSV", ["KOSOVAR_SERB"],
     "residents of Kosovo, coded by residence (review against gold if needed)"),
    ("YUGOSLAVIA", "SRB", ["FEDERAL_REPUBLIC_OF_YUGOSLAVIA", "YUGOSLAV"],
     "historical; in 1990s Kosovo reports the FRY authorities were Belgrade's"),
    ("FORMER_YUGOSLAVIA", "BLK", [], "CAMEO region code (Balkans): the successor states, not Serbia"),
    ("SOMALILAND", "SOMSEP", [], "self-declared state; its administration is SOMSEP"),
    ("GEORGETOWN_UNIVERSITY", "USAEDU", [], "not Guyana's capital"),
    ("LATIN_AMERICA", "LAM", ["LATIN_AMERICAN"], "CAMEO region code; keeps AMERICA(N) from coding USA"),
    ("CENTRAL_AMERICA", "LAM", ["CENTRAL_AMERICAN"], "no CAMEO code of its own: Latin America"),
    ("SOUTH_AMERICA", "SAM", ["SOUTH_AMERICAN"], "CAMEO region code"),
    ("NORTH_AMERICA", "NMR", ["NORTH_AMERICAN"], "CAMEO region code"),
    ("WEST_INDIES", "CRB", ["WEST_INDIAN"], "CAMEO region code (Caribbean), not India"),
]

# Seats of power and other government metonyms (places section).
# (phrase, code, [synonyms], comment)
SEATS = [
    ("KREMLIN", "RUSGOV", ["THE_KREMLIN"], "Russia: presidential administration"),
    ("WHITE_HOUSE", "USAGOV", [], "United States: president"),
    ("OVAL_OFFICE", "USAGOV", [], "United States: president"),
    ("PENTAGON", "USAGOV", ["THE_PENTAGON"], "United States: Defense Department (gold convention: GOV)"),
    ("STATE_DEPARTMENT", "USAGOV", ["U.S._STATE_DEPARTMENT", "US_STATE_DEPARTMENT", "DEPARTMENT_OF_STATE",
                                   "FOGGY_BOTTOM"], "United States: foreign ministry"),
    ("CAPITOL_HILL", "USALEG", [], "United States: Congress"),
    ("DOWNING_STREET", "GBRGOV", ["NUMBER_10_DOWNING_STREET", "NO._10_DOWNING_STREET"], "UK: prime minister"),
    ("WHITEHALL", "GBRGOV", [], "UK: civil service"),
    ("ELYSEE", "FRAGOV", ["ELYSEE_PALACE"], "France: president"),
    ("MATIGNON", "FRAGOV", ["HOTEL_MATIGNON"], "France: prime minister"),
    ("QUAI_D'ORSAY", "FRAGOV", [], "France: foreign ministry"),
    ("ZHONGNANHAI", "CHNGOV", [], "China: party and State Council headquarters"),
    ("BLUE_HOUSE", "KORGOV", ["CHEONG_WA_DAE"], "South Korea: presidential office until May 2022"),
    ("SOUTH_BLOCK", "INDGOV", ["RAISINA_HILL"], "India: PM's office, foreign and defence ministries"),
    ("PALAZZO_CHIGI", "ITAGOV", [], "Italy: prime minister"),
    ("MONCLOA", "ESPGOV", ["LA_MONCLOA", "MONCLOA_PALACE"], "Spain: prime minister"),
    ("CASA_ROSADA", "ARGGOV", [], "Argentina: president"),
    ("PLANALTO_PALACE", "BRAGOV", ["PLANALTO", "PALACIO_DO_PLANALTO"], "Brazil: president"),
    ("LA_MONEDA", "CHLGOV", ["LA_MONEDA_PALACE"], "Chile: president"),
    ("CASA_DE_NARINO", "COLGOV", [], "Colombia: president"),
    ("MIRAFLORES_PALACE", "VENGOV", [], "Venezuela: president"),
    ("MALACANANG", "PHLGOV", ["MALACANANG_PALACE"], "Philippines: president"),
    ("ASO_ROCK", "NGAGOV", ["ASO_VILLA"], "Nigeria: president"),
    ("UNION_BUILDINGS", "ZAFGOV", [], "South Africa: president"),
    ("BANKOVA", "UKRGOV", [], "Ukraine: Office of the President (Bankova Street)"),
    ("BAABDA", "LBNGOV", ["BAABDA_PALACE"], "Lebanon: president"),
    ("COTROCENI", "ROUGOV", ["COTROCENI_PALACE"], "Romania: president"),
    ("MAXIMOS_MANSION", "GRCGOV", [], "Greece: prime minister"),
    ("VILLA_SOMALIA", "SOMGOV", [], "Somalia: president"),
    ("SINGHA_DURBAR", "NPLGOV", [], "Nepal: government secretariat"),
    ("HARGEISA", "SOMSEP", [], "capital of self-declared Somaliland"),
]

# Geographic names containing a country word (places section), so that they do not
# code the country.  Region codes from the CAMEO manual's table of region codes.
GEO_BLOCKERS = [
    ("EAST_JERUSALEM", "PSE", [], "claimed Palestinian capital, not the Israeli government"),
    ("SOUTH_CHINA_SEA", "SEA", [], "Southeast Asia region code, not China"),
    ("EAST_CHINA_SEA", "ASA", [], "Asia region code, not China"),
    ("SEA_OF_JAPAN", "ASA", [], "Asia region code, not Japan"),
    ("TAIWAN_STRAIT", "ASA", [], "Asia region code, not Taiwan"),
    ("KOREAN_PENINSULA", "ASA", [], "both Koreas: Asia region code"),
    ("PERSIAN_GULF", "PGS", [], "CAMEO region code"),
    ("GULF_OF_OMAN", "PGS", [], "Persian Gulf region code, not Oman"),
    ("GULF_OF_GUINEA", "WAF", [], "West Africa region code, not Guinea"),
    ("GULF_OF_ADEN", "MEA", [], "Middle East region code, not the government in Aden"),
    ("GULF_OF_MEXICO", "NMR", ["GULF_OF_AMERICA"], "North America region code"),
]

# Capitals deliberately left without a metonym entry, with the reason (printed as comments).
CAPITAL_NOTES = {
    "YEM": "SANAA is not a government metonym: the city has been held by the Houthis (YEMREB)\n"
           "# since 2014; ADEN is the recognised government's temporary capital.",
    "BEL": "BRUSSELS is coded as the EU (IGOEUREEC), its usual metonymic sense in news.",
    "NLD": "THE_HAGUE (seat of the Dutch government) is omitted: in news it usually stands\n"
           "# for the international courts there.",
    "ESH": "LAAYOUNE is administered by Morocco; no metonym.",
    "LBY": "TRIPOLI is the seat of the UN-recognised government (Tripoli, Lebanon shares the name).",
    "SDN": "Since 2023 the army-led government has worked from Port Sudan; not listed.",
    "ISR": "JERUSALEM is the seat of government; TEL_AVIV is also used as a metonym.",
    "LKA": "COLOMBO is the commercial capital and the usual metonym; Kotte is the official capital.",
    "BOL": "La Paz is the seat of government; Sucre is the constitutional capital.",
    "PSE": "RAMALLAH is the seat of the Palestinian Authority.",
}

# Capitals skipped because the name is ambiguous or equals the country name.
SKIP_REASON = {
    "AIA": "a common phrase", "ATG": "also St. John's, Newfoundland",
    "BMU": "many places, a surname", "CCK": "a common phrase",
    "CRI": "also San Jose, California", "CXR": "minor",
    "CYM": "also George Town, Penang", "DJI": "same as the country name",
    "FLK": "a given name", "GIB": "same as the territory name",
    "GRD": "many places", "HKG": "same as the territory name",
    "IMN": "a given name and surname", "LUX": "same as the country name",
    "MAC": "same as the territory name", "MCO": "same as the country name",
    "MDV": "folds to MALE", "MNP": "also the island",
    "MSR": "de facto capital (Plymouth abandoned); minor", "NFK": "clashes with Kingston, Jamaica",
    "PRI": "many places", "REU": "also Saint-Denis near Paris",
    "SGP": "same as the country name", "SGS": "minor",
    "SHN": "many places", "SMR": "same as the country name",
    "SPM": "many places", "STP": "also the island's name (listed as a country synonym)",
    "SYC": "many places, a given name", "VAT": "same as the state name",
    "BEL": "", "ESH": "",
}

PLACE_EXTRA = [
    ("BRUSSELS", "IGOEUREEC", ["BRUXELLES"], "Belgium's capital, used in news for the EU institutions"),
]

# Newspapers named after a capital, so that the capital does not code the government.
MEDIA_BLOCKERS = [
    ("WASHINGTON_POST_", "USAMED", [], "newspaper"),
    ("WASHINGTON_TIMES_", "USAMED", [], "newspaper"),
    ("MOSCOW_TIMES_", "RUSMED", [], "newspaper"),
    ("JERUSALEM_POST_", "ISRMED", [], "newspaper"),
    ("TEHRAN_TIMES_", "IRNMED", [], "newspaper"),
    ("KYIV_INDEPENDENT", "UKRMED", [], "newspaper"),
    ("KYIV_POST_", "UKRMED", ["KIEV_POST_"], "newspaper"),
    ("BANGKOK_POST_", "THAMED", [], "newspaper"),
    ("MANILA_TIMES_", "PHLMED", [], "newspaper"),
    ("PRISHTINA_INSIGHT", "KSVMED", ["PRISTINA_INSIGHT"], "news site (BIRN)"),
]


def fold(s):
    """Strip accents, map typographic apostrophes to '."""
    s = s.replace("\u2019", "'").replace("\u02bb", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def to_phrase(name):
    """'Republic of Côte d'Ivoire' -> REPUBLIC_OF_COTE_D'IVOIRE."""
    s = fold(name).upper()
    out = []
    for ch in s:
        if ch.isalnum() or ch in ".'":
            out.append(ch)
        else:
            out.append(" ")
    words = "".join(out).split()
    if words and words[0] == "THE":
        words = words[1:]
    return "_".join(words)


def iso_phrases(rec):
    """Phrases derived from an ISO record's name, official_name, common_name."""
    out = []
    for key in ("common_name", "name", "official_name"):
        n = rec.get(key)
        if not n:
            continue
        # drop parenthetical qualifiers: 'Saint Martin (French part)'
        while "(" in n and ")" in n:
            a, b = n.index("("), n.index(")")
            n = (n[:a] + n[b + 1:]).strip()
            n = " ".join(n.split())
        if "," in n:
            head, tail = [x.strip() for x in n.split(",", 1)]
            tl = tail.lower()
            if tl.endswith(" of") or tl.endswith(" of the"):
                n = tail + " " + head
            elif tail in ("British", "U.S."):
                n = tail + " " + head
            else:
                continue  # 'Bonaire, Sint Eustatius and Saba': left to the table
        p = to_phrase(n)
        if p and p not in out:
            out.append(p)
    return out


def saint_variants(p):
    out = [p]
    if p.startswith("SAINT_"):
        out.append(p.replace("SAINT_", "ST._"))
        out.append(p.replace("SAINT_", "ST_"))
    return out


def parse_table():
    rows = []
    for line in TABLE.strip().splitlines():
        f = [x.strip() for x in line.split("|")]
        if len(f) != 8:
            sys.exit("bad table line: " + line)
        iso3, primary, syn, dem, cap, lat, lon, capph = f
        caps = []
        if capph != "-":
            for ent in capph.split(","):
                words = ent.split()
                if words:
                    caps.append(words)
        rows.append(dict(iso3=iso3, primary=primary, syn=syn.split(), dem=dem.split(),
                         cap=cap, lat=lat, lon=lon, caps=caps))
    return rows


class Phrases:
    """Global uniqueness check: a phrase may belong to one entry only."""

    def __init__(self):
        self.owner = {}

    def key(self, p):
        return p.rstrip("_")

    def claim(self, p, who):
        k = self.key(p)
        if k in self.owner and self.owner[k] != who:
            sys.exit("phrase %s claimed by %s and %s" % (p, self.owner[k], who))
        self.owner[k] = who


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iso", default=ISO_JSON)
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    args = ap.parse_args()

    with open(args.iso, encoding="utf-8") as fh:
        iso = {r["alpha_3"]: r for r in json.load(fh)["3166-1"]}
    iso_count = len(iso)
    iso.update(EXTRA_COUNTRIES)

    rows = parse_table()
    by3 = {r["iso3"]: r for r in rows}
    missing = sorted(set(iso) - set(by3))
    extra = sorted(set(by3) - set(iso))
    if missing or extra:
        sys.exit("table/ISO mismatch: missing %s, unknown %s" % (missing, extra))

    ph = Phrases()
    n_entries = 0
    n_phrases = 0

    def emit_entry(lines, primary, code, syns, who, comment=None):
        nonlocal n_entries, n_phrases
        allp = []
        for p in [primary] + syns:
            for v in saint_variants(p):
                if v not in allp:
                    allp.append(v)
        for p in allp:
            ph.claim(p, who)
        head = "%s [%s]" % (allp[0], code)
        if comment:
            head = "%-32s ; %s" % (head, comment)
        lines.append(head)
        for p in allp[1:]:
            lines.append("+" + p)
        n_entries += 1
        n_phrases += len(allp)

    # ---------------- countries section ----------------
    clines = []
    def display(r):
        rec = iso[r["iso3"]]
        return DISPLAY.get(r["iso3"], rec.get("common_name") or rec["name"])

    for r in sorted(rows, key=lambda r: fold(display(r)).lower()):
        rec = iso[r["iso3"]]
        drop = {s[1:] for s in r["syn"] if s.startswith("-")}
        syns = []
        for p in iso_phrases(rec) + [s for s in r["syn"] if not s.startswith("-")] + r["dem"]:
            if p in drop or p == r["primary"] or p in syns:
                continue
            syns.append(p)
        title = DISPLAY.get(r["iso3"], rec.get("common_name") or rec["name"])
        clines.append("# %s (%s)" % (title, rec["alpha_2"]))
        note = COUNTRY_NOTES.get(r["iso3"])
        if note:
            clines.append("# " + note)
        emit_entry(clines, r["primary"], r["iso3"], syns, r["iso3"])
        clines.append("")

    dlines = ["# --- names that contain a country word but mean something else, and a few",
              "# --- non-ISO entities; ';' comments give the reason ---"]
    for p, code, syns, why in DISAMBIG:
        emit_entry(dlines, p, code, syns, "dis:" + p, why)
    dlines.append("")
    dlines.append("# --- newspapers named after a capital (so the capital does not code the government) ---")
    for p, code, syns, why in MEDIA_BLOCKERS:
        emit_entry(dlines, p, code, syns, "media:" + p, why)
    dlines.append("")

    # ---------------- places section ----------------
    plines = ["# --- capitals and seats of government, coded as the government (xxxGOV) ---",
              "# Capitals that are ambiguous or identical to the country name have no entry;",
              "# see the list at the end of this section."]
    for r in sorted(rows, key=lambda r: (r["caps"][0][0] if r["caps"] else "~" + r["iso3"])):
        if not r["caps"]:
            continue
        title = DISPLAY.get(r["iso3"], iso[r["iso3"]].get("common_name") or iso[r["iso3"]]["name"])
        note = CAPITAL_NOTES.get(r["iso3"])
        if note:
            plines.append("# " + note)
        for words in r["caps"]:
            emit_entry(plines, words[0], r["iso3"] + "GOV", words[1:], "cap:" + r["iso3"], title)
    plines.append("")
    plines.append("# --- other seats of power ---")
    for p, code, syns, why in SEATS + PLACE_EXTRA:
        emit_entry(plines, p, code, syns, "seat:" + p, why)
    plines.append("")
    plines.append("# --- seas and regions whose names contain a country word ---")
    for p, code, syns, why in GEO_BLOCKERS:
        emit_entry(plines, p, code, syns, "geo:" + p, why)
    plines.append("")
    plines.append("# --- capitals without an entry ---")
    for r in sorted(rows, key=lambda r: r["iso3"]):
        if r["caps"]:
            continue
        why = SKIP_REASON.get(r["iso3"], "")
        note = CAPITAL_NOTES.get(r["iso3"])
        plines.append("# %s %s%s" % (r["iso3"], r["cap"] or "(no capital)", (": " + why) if why else ""))
        if note:
            plines.append("#   " + note.replace("\n# ", "\n#   "))
    plines.append("# YEM Sanaa: see ADEN above.")

    version = ""
    try:
        import subprocess
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                                 capture_output=True, text=True).stdout.strip()
    except Exception:
        pass

    header = [
        "# herodot actor dictionary: countries and territories, capitals and seats of government.",
        "#",
        "# Written for herodot from public facts; country names and codes from ISO 3166-1 via",
        "# Debian iso-codes%s (all %d ISO 3166-1 entries), plus Kosovo (KSV)." %
        ((" " + version) if version else "", iso_count),
        "# Common, historical and alternative names, demonyms, capitals and seats of power",
        "# are hand-written from general public knowledge.",
        "#",
        "# Generated by tools/gen-countries.py (edit the tables there and regenerate, or edit",
        "# this file directly and carry the change back to the script).",
        "#",
        "# Codes: ISO 3166-1 alpha-3 (Kosovo KSV); capitals and seats xxxGOV; CAMEO region",
        "# codes (LAM SAM NMR CRB PGS SEA ASA WAF) for the few region names listed.",
        "# Plurals are matched through lemmas and are not listed; a trailing '_' means exact",
        "# word (no lemma match).",
        "",
        "#@ kind: countries",
        "# --- countries and territories (ISO 3166-1 + Kosovo), sorted by English short name ---",
        "",
    ]
    body = header + clines + dlines + ["", "#@ kind: places"] + plines
    out = os.path.join(args.root, "data", "actors", "countries.txt")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("\n".join(body).rstrip("\n") + "\n")

    # ---------------- countries.tsv ----------------
    tsv = [
        "# herodot country table: iso3<TAB>iso2<TAB>name<TAB>capital<TAB>capital_lat<TAB>capital_lon",
        "# Written for herodot from public facts; codes and names from ISO 3166-1 via Debian",
        "# iso-codes, plus Kosovo (KSV/XK). Capitals are the official capital (Bolivia: La Paz,",
        "# seat of government; Palestine: Ramallah, seat of the Palestinian Authority);",
        "# coordinates from general knowledge, 2 decimals. Territories without a capital have",
        "# an empty capital and a representative point. Generated by tools/gen-countries.py.",
    ]
    for r in sorted(rows, key=lambda r: r["iso3"]):
        rec = iso[r["iso3"]]
        name = DISPLAY.get(r["iso3"], rec.get("common_name") or rec["name"])
        tsv.append("\t".join([r["iso3"], rec["alpha_2"], name, r["cap"], r["lat"], r["lon"]]))
    out2 = os.path.join(args.root, "data", "countries.tsv")
    with open(out2, "w", encoding="utf-8") as fh:
        fh.write("\n".join(tsv) + "\n")

    print("countries: %d, entries: %d, phrases: %d" % (len(rows), n_entries, n_phrases),
          file=sys.stderr)


if __name__ == "__main__":
    main()
