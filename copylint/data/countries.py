"""Hand-kept country facts GeoNames lacks: aliases, demonyms, historic names, co-capitals, territories, extra borders."""
from __future__ import annotations

# Names news copy uses for a country besides GeoNames' and ISO's names ("CC name|name").
ALIASES = """
AE UAE|Emirates
BA Bosnia|Bosnia-Herzegovina
BO Bolivia
BS The Bahamas
CD DR Congo|DRC|Democratic Republic of Congo|Democratic Republic of the Congo|Congo-Kinshasa|Zaire
CG Congo-Brazzaville|Republic of Congo
CI Cote d'Ivoire|Ivory Coast
CV Cape Verde
CZ Czech Republic
FM Federated States of Micronesia
GB UK|U.K.|Britain|Great Britain|United Kingdom|England|Scotland|Wales|Northern Ireland
GM The Gambia
IR Persia
KP DPRK|North Korea
KR South Korea|Republic of Korea
LA Lao
LK Ceylon
MD Moldavia
MK Macedonia|FYROM
MM Burma
NL Holland|Netherlands
PS Palestine|Palestinian territories|West Bank|Gaza|Gaza Strip
RU Russian Federation
SZ Swaziland
TH Siam
TL East Timor|Timor-Leste
TR Turkiye
US U.S.|USA|U.S.A.|America|United States of America|the States
VA Holy See|Vatican City
VN Viet Nam
ZW Rhodesia
"""

# Names that stand for several of today's countries: a place in any of them fits.
HISTORIC = """
Soviet Union|USSR|U.S.S.R.: AM AZ BY EE GE KZ KG LV LT MD RU TJ TM UA UZ
Yugoslavia: BA HR ME MK RS SI XK
Serbia and Montenegro: RS ME XK
Czechoslovakia: CZ SK
Congo: CD CG
Korea: KP KR
Sudan: SD SS
Serbia: RS XK
Netherlands Antilles: CW SX BQ AW
East Germany|West Germany: DE
North Vietnam|South Vietnam: VN
North Yemen|South Yemen: YE
East Pakistan: BD
Zaire: CD
"""

# Adjectives copy uses for a country ("the Iraqi city of ...").
DEMONYMS = """
AF Afghan
AL Albanian
DZ Algerian
AD Andorran
AO Angolan
AR Argentine|Argentinian
AM Armenian
AU Australian
AT Austrian
AZ Azerbaijani|Azeri
BS Bahamian
BH Bahraini
BD Bangladeshi
BB Barbadian
BY Belarusian|Belarussian
BE Belgian
BZ Belizean
BJ Beninese
BT Bhutanese
BO Bolivian
BA Bosnian
BW Botswanan
BR Brazilian
GB British|English|Scottish|Welsh
BN Bruneian
BG Bulgarian
BF Burkinabe
MM Burmese|Myanmar
BI Burundian
KH Cambodian
CM Cameroonian
CA Canadian
CV Cape Verdean
CD Congolese
CG Congolese
CF Central African
TD Chadian
CL Chilean
CN Chinese
CO Colombian
KM Comoran
CR Costa Rican
HR Croatian
CU Cuban
CY Cypriot
CZ Czech
DK Danish
DJ Djiboutian
DO Dominican
DM Dominican
NL Dutch
TL East Timorese|Timorese
EC Ecuadorian|Ecuadorean
EG Egyptian
SV Salvadoran|Salvadorean
GQ Equatoguinean
ER Eritrean
EE Estonian
SZ Swazi
ET Ethiopian
FJ Fijian
FI Finnish
FR French
GA Gabonese
GM Gambian
GE Georgian
DE German
GH Ghanaian
GR Greek
GD Grenadian
GT Guatemalan
GN Guinean
GY Guyanese
HT Haitian
HN Honduran
HK Hong Kong
HU Hungarian
IS Icelandic
IN Indian
ID Indonesian
IR Iranian
IQ Iraqi
IE Irish
GB Irish|Northern Irish
IL Israeli
IT Italian
CI Ivorian
JM Jamaican
JP Japanese
JO Jordanian
KZ Kazakh|Kazakhstani
KE Kenyan
KW Kuwaiti
KG Kyrgyz
LA Laotian|Lao
LV Latvian
LB Lebanese
LS Basotho
LR Liberian
LY Libyan
LI Liechtensteiner
LT Lithuanian
LU Luxembourgish
MG Malagasy
MW Malawian
MY Malaysian
MV Maldivian
ML Malian
MT Maltese
MR Mauritanian
MU Mauritian
MX Mexican
MD Moldovan
MC Monegasque
MN Mongolian
ME Montenegrin
MA Moroccan
MZ Mozambican
NA Namibian
NP Nepali|Nepalese
NZ New Zealand
NI Nicaraguan
NE Nigerien
NG Nigerian
KP North Korean|Korean
MK Macedonian|North Macedonian
NO Norwegian
OM Omani
PK Pakistani
PS Palestinian
PA Panamanian
PG Papua New Guinean
PY Paraguayan
PE Peruvian
PH Philippine|Filipino
PL Polish
PT Portuguese
PR Puerto Rican
QA Qatari
RO Romanian
RU Russian
RW Rwandan
SA Saudi
SN Senegalese
RS Serbian
XK Serbian
SC Seychellois
SL Sierra Leonean
SG Singaporean
SK Slovak|Slovakian
SI Slovenian|Slovene
SO Somali
ZA South African
KR South Korean|Korean
SS South Sudanese
ES Spanish
LK Sri Lankan
SD Sudanese
SS Sudanese
SR Surinamese
SE Swedish
CH Swiss
SY Syrian
TW Taiwanese
TJ Tajik|Tajikistani
TZ Tanzanian
TH Thai
TG Togolese
TT Trinidadian
TN Tunisian
TR Turkish
TM Turkmen
UG Ugandan
UA Ukrainian
AE Emirati
US American|US|U.S.
UY Uruguayan
UZ Uzbek
VE Venezuelan
VN Vietnamese
YE Yemeni
ZM Zambian
ZW Zimbabwean
XK Kosovan|Kosovar
MO Macanese|Macau
"""

# Adjectives of historic states, mapped to the HISTORIC name whose countries they cover.
HISTORIC_DEMONYMS = {"Soviet": "Soviet Union", "Yugoslav": "Yugoslavia", "Czechoslovak": "Czechoslovakia",
                     "East German": "East Germany", "West German": "West Germany",
                     "North Vietnamese": "North Vietnam", "South Vietnamese": "South Vietnam"}

# Cities that are also a capital in law, in practice, or as the seat of government ("CC city|city"). A former
# capital, an economic capital or a seat of parliament alone is not one, nor a seat of government the
# constitution does not call a capital: "X, the former capital" is never judged anyway.
CO_CAPITALS = """
BO La Paz
BJ Cotonou
CH Berne
LK Sri Jayawardenepura Kotte|Colombo
MY Putrajaya
ZA Cape Town|Bloemfontein|Pretoria|Tshwane
SZ Lobamba
ME Cetinje
YE Aden
PS Ramallah|Gaza|Jerusalem
GQ Malabo
KI South Tarawa
NR Yaren
IN Delhi
EH Laayoune
TW Taipei
"""

# Where a place of the first country may fairly be said to be in the others: disputed, annexed,
# dependent or overseas territory ("CC[.admin1]: CC CC").
ALSO_IN = """
BD: PK
SG: MY
TL: ID
ER: ET
HK: CN
MO: CN
TW: CN
EH: MA
XK: RS
PS: IL
GL: DK
FO: DK
PR: US
GU: US
VI: US
AS: US
MP: US
GF: FR
RE: FR
GP: FR
MQ: FR
YT: FR
NC: FR
PF: FR
PM: FR
BL: FR
MF: FR
WF: FR
GI: GB
BM: GB
KY: GB
FK: GB
IM: GB
JE: GB
GG: GB
AI: GB
VG: GB
MS: GB
TC: GB
SH: GB
AW: NL
CW: NL
SX: NL
BQ: NL
AX: FI
SJ: NO
NF: AU
CX: AU
CC: AU
CK: NZ
NU: NZ
UA.11: RU
UA.20: RU
UA.05: RU
UA.14: RU
UA.26: RU
UA.08: RU
GE.02: RU
GE.73: RU
IN.12: PK CN
IN.41: PK CN
PK.06: IN
PK.07: IN
MD.58: RU
"""

# Borders GeoNames' neighbour lists leave out: overseas land borders, recent settlements, a few hundred metres at
# Kazungula, and borders a country's own law claims (India's with Afghanistan through Kashmir) ("CC CC").
EXTRA_NEIGHBOURS = """
FR BR
FR SR
FR NL
GB ES
GB CY
DK CA
US RU
BW ZM
IN AF
"""

# How copy names a country in running text when GeoNames' name reads oddly there ("CC name").
DISPLAY = """
US the United States
GB Britain
NL the Netherlands
PH the Philippines
AE the United Arab Emirates
CZ the Czech Republic
CD the Democratic Republic of Congo
CG the Republic of Congo
CF the Central African Republic
DO the Dominican Republic
BS the Bahamas
GM the Gambia
MV the Maldives
PS the Palestinian territories
VA the Vatican
TL East Timor
CI Ivory Coast
"""


def parse_table(text: str) -> list[tuple[str, list[str]]]:
    """("CC", [names]) for each 'CC name|name' line."""
    rows = []
    for line in text.strip().splitlines():
        code, _, rest = line.partition(" ")
        rows.append((code, [n.strip() for n in rest.split("|") if n.strip()]))
    return rows


def parse_colon_table(text: str) -> list[tuple[str, list[str]]]:
    """(key, [codes]) for each 'key: CC CC' line."""
    rows = []
    for line in text.strip().splitlines():
        key, _, rest = line.partition(":")
        rows.append((key.strip(), rest.split()))
    return rows
