"""A synthetic news corpus with known copies, for the matching benchmarks.

    from corpus import generate, write_articles
    articles, truth = generate(1000, seed=7)
    write_articles(articles, folder)        # one plain-text file per article

Articles are about "events". Each event has its own cast (people with titles,
places, organisations, figures) and a wire story; the articles on an event are

- reprints: a run of the wire story from the top, nearly all of it verbatim,
  some sentences lightly edited;
- mixed: the outlet's own sentences with a few wire sentences worked in,
  verbatim, lightly edited or rewritten;
- originals: only the outlet's own sentences.

Own sentences on an event share its names, places, figures and keywords with
the wire copy and with each other, so unrelated sentences on the same story
exist and look alike on the surface; that is what keeps a precision figure
honest. Every freshly written sentence is unique in the corpus.

Versions of a wire sentence:

- verbatim: the wire text;
- light: one or two edits (a word added, dropped or swapped for a synonym, a
  comma added or dropped, "said" to "says"), plus sometimes another quote style;
- rewrite: the clauses rearranged (opening phrase moved, attribution moved,
  subordinate clause swapped) and 20-30% of the words replaced by synonyms.

The ground truth is at the sentence level: every pair of versions of the same
wire sentence in two different articles is a true pair, with a kind named
after the two versions (see `pair_kind`). Everything is deterministic given
the seed (no set iteration, no salted hashes).
"""

from __future__ import annotations

import json
import math
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path

# --- vocabulary ----------------------------------------------------------------


def _list_lines(text: str) -> list[str]:
    """One entry per non-empty line (entries may contain commas); "3* entry" counts thrice."""
    entries = []
    for line in text.splitlines():
        weight, star, entry = line.strip().partition("* ")
        if not star or not weight.isdigit():
            weight, entry = "1", line
        entries += [" ".join(entry.split())] * int(weight) if entry.strip() else []
    return entries


def _list(text: str) -> list[str]:
    """Comma-separated entries (phrases allowed), whitespace collapsed."""
    return [" ".join(item.split()) for item in text.split(",") if item.strip()]


FIRST_NAMES = _list("""
    Amara, Kwame, Li, Wei, Priya, Arjun, Sofia, Mateo, Lucia, Hannah, Jonas, Elena, Ivan,
    Olga, Yusuf, Fatima, Omar, Layla, Hiroshi, Yuki, Carlos, Isabel, Pedro, Ana, Thomas, Emma,
    Lukas, Mia, James, Sarah, David, Rachel, Michael, Laura, Daniel, Claire, Samuel, Grace,
    Ahmed, Nadia, Tariq, Zainab, Kofi, Abena, Chidi, Ngozi, Tendai, Thandiwe, Raj, Anjali,
    Vikram, Meera, Minh, Linh, Marek, Zofia, Pavel, Katarina, Henrik, Ingrid, Lars, Astrid,
    Pierre, Camille, Luca, Giulia, Marco, Chiara, Diego, Valentina, Andres, Camila, Rafael,
    Beatriz, Tiago, Mariana, Yosef, Noa, Eitan, Tamar, Reza, Shirin, Darius, Leila, Emre, Elif,
    Mehmet, Ayse, Nikos, Eleni, Andrei, Irina, Bogdan, Oksana, Sipho, Lindiwe, Juma, Amina,
    Haruto, Sakura, Kenji, Aiko, Joon, Hana, Rohan, Kavya, Imran, Sana, Patrick, Siobhan,
    Connor, Aoife, Ethan, Olivia, Noah, Ava, Liam, Chloe, Oscar, Freya, Felix, Ida, Anton, Vera,
    Maksim, Daria, Tomas, Alma, Hugo, Nora, Elias, Maja, Victor, Ines, Adrian, Selma
""")
SURNAMES = _list("""
    Okafor, Mensah, Chen, Wang, Sharma, Patel, Garcia, Rodriguez, Rossi, Bianchi, Muller,
    Schmidt, Novak, Kowalski, Ivanov, Petrov, Haddad, Khalil, Tanaka, Sato, Kim, Park, Silva,
    Santos, Dubois, Martin, Jensen, Nielsen, Andersson, Johansson, Nguyen, Tran, Mwangi,
    Otieno, Adeyemi, Balogun, Ndlovu, Dlamini, Moyo, Banda, Hossain, Rahman, Khan, Malik,
    Cohen, Levi, Yilmaz, Demir, Papadopoulos, Georgiou, Popescu, Ionescu, Horvath, Nagy,
    Kovac, Jovanovic, Murphy, Walsh, Kelly, Smith, Johnson, Williams, Brown, Taylor, Wilson,
    Davies, Evans, Thompson, Robinson, Clarke, Hughes, Fischer, Weber, Wagner, Becker,
    Hoffmann, Lambert, Moreau, Laurent, Girard, Bernard, Fontaine, Esposito, Romano, Colombo,
    Ricci, Marino, Greco, Fernandez, Lopez, Martinez, Sanchez, Perez, Gomez, Diaz, Torres,
    Ramirez, Flores, Morales, Castillo, Mendoza, Vargas, Rojas, Herrera, Medina, Pereira,
    Costa, Oliveira, Souza, Almeida, Ferreira, Carvalho, Lima, Gupta, Singh, Kumar, Reddy,
    Iyer, Nair, Das, Bose, Mehta, Joshi, Ali, Hussain, Abdullah, Farouk, Nasser, Mansour,
    Saleh, Karimi, Hosseini, Sasaki, Suzuki, Takahashi, Watanabe, Yamamoto, Nakamura,
    Kobayashi, Lee, Choi, Jung, Kang, Yoon, Lim, Tan, Ong, Goh, Lin, Liu, Zhang, Zhao, Huang,
    Zhou, Wu, Xu, Sun, Guo, Luo, Zheng, Liang, Song, Pham, Hoang, Dang, Bui, Ngo, Duong,
    Abebe, Tesfaye, Girma, Bekele, Kamau, Njoroge, Achieng, Omondi, Mutua, Kiprop, Asante,
    Owusu, Boateng, Appiah, Addo, Osei, Diallo, Traore, Keita, Coulibaly, Toure, Ndiaye,
    Eriksen, Larsen, Berg, Halvorsen, Lindqvist, Virtanen, Korhonen, Makinen, Nieminen,
    Kuznetsov, Sokolov, Popov, Lebedev, Kozlov, Morozov, Volkov, Shevchenko, Bondarenko,
    Kovalenko, Tkachenko, Kravchenko, Marchenko
""")
CITIES = _list("""
    Lagos, Nairobi, Accra, Dakar, Addis Ababa, Kampala, Johannesburg, Cape Town, Cairo,
    Casablanca, Tunis, Algiers, Khartoum, Kinshasa, Luanda, Harare, Lusaka, Maputo, Mombasa,
    Abuja, Mumbai, Delhi, Kolkata, Chennai, Bangalore, Karachi, Lahore, Dhaka,
    Colombo, Kathmandu, Jakarta, Surabaya, Manila, Cebu, Hanoi, Da Nang, Bangkok,
    Kuala Lumpur, Singapore, Seoul, Busan, Tokyo, Osaka, Beijing, Shanghai, Shenzhen, Taipei,
    Sydney, Melbourne, Auckland, Istanbul, Ankara, Tehran, Baghdad, Amman, Beirut, Riyadh,
    Doha, Dubai, Tel Aviv, Athens, Rome, Milan, Naples, Madrid, Barcelona, Lisbon, Porto,
    Paris, Lyon, Marseille, Brussels, Amsterdam, Rotterdam, Berlin, Hamburg, Munich, Vienna,
    Zurich, Geneva, Prague, Warsaw, Krakow, Budapest, Bucharest, Sofia, Belgrade, Zagreb,
    Kyiv, Kharkiv, Odesa, Vilnius, Riga, Tallinn, Helsinki, Stockholm, Oslo, Copenhagen,
    Dublin, London, Manchester, Glasgow, Toronto, Montreal, Vancouver, Chicago, Houston,
    Denver, Seattle, Atlanta, Boston, Miami, Mexico City, Guadalajara, Bogota, Medellin,
    Lima, Quito, Santiago, Buenos Aires, Montevideo, Sao Paulo, Recife, Brasilia,
    Caracas, Havana, Kingston, Panama City
""")
COUNTRIES = _list("""
    Nigeria, Kenya, Ghana, Senegal, Ethiopia, Uganda, South Africa, Egypt, Morocco, Tunisia,
    Algeria, Sudan, Angola, Zimbabwe, Zambia, Mozambique, Tanzania, India, Pakistan,
    Bangladesh, Sri Lanka, Nepal, Indonesia, the Philippines, Vietnam, Thailand, Malaysia,
    South Korea, Japan, China, Taiwan, Australia, New Zealand, Turkey, Iran, Iraq, Jordan,
    Lebanon, Saudi Arabia, Qatar, Israel, Greece, Italy, Spain, Portugal, France, Belgium,
    the Netherlands, Germany, Austria, Switzerland, the Czech Republic, Poland, Hungary,
    Romania, Bulgaria, Serbia, Croatia, Ukraine, Lithuania, Latvia, Estonia, Finland, Sweden,
    Norway, Denmark, Ireland, Britain, Canada, the United States, Mexico, Colombia, Peru,
    Ecuador, Chile, Argentina, Uruguay, Brazil, Venezuela, Cuba, Jamaica, Panama
""")
WEEKDAYS = _list("Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday")
MONTHS = _list(
    "January, February, March, April, May, June, July, August, September, October, November,"
    " December"
)
SYLLABLES = _list("""
    ka, ri, mo, ta, len, vor, sa, du, mi, ne, bro, tal, ven, ko, ra, zu, li, gan, tor, me,
    pha, dis, ul, an, ber, cas, del, fin, gor, hal, ith, jor, kel, lum, mar, nor, ost, pel,
    quin, ros, sel, tam, ur, val, wyn, xa, yor, zel
""")
COMPANY_SUFFIXES = _list("Holdings, Group, Industries, Partners, International, Corporation")
PARTY_NAMES = _list(
    "Democratic, Progressive, Liberal, Conservative, Labour, Green, Reform, Unity, Freedom,"
    " Renewal, National, Social Democratic"
)


@dataclass(frozen=True)
class Domain:
    """What stories of one kind talk about."""

    name: str
    keywords: list[str]  # nouns, singular
    titles: list[str]  # job titles, lower case
    orgs: list[str]  # {country}, {city}, {coined} are filled in
    measures: list[str]  # what rises and falls
    counted: list[str]  # plural nouns that get counted
    units: list[str]  # how figures are written: percent, money, count


def _domain(
    name: str, keywords: str, titles: str, orgs: str, measures: str, counted: str, units: str
) -> Domain:
    return Domain(
        name,
        _list(keywords),
        _list(titles),
        _list(orgs),
        _list(measures),
        _list(counted),
        _list(units),
    )


DOMAINS = [
    _domain(
        "politics",
        """election, vote, parliament, coalition, opposition, referendum, ballot, campaign,
        constitution, reform, bill, amendment, cabinet, senate, committee, mandate, majority,
        candidate, party, policy, law, budget, debate, inquiry, scandal, resignation, speech,
        summit, treaty, sanctions regime, delegation, embassy, motion, seat, poll, turnout,
        manifesto, veto, electoral roll, caretaker government""",
        """prime minister, foreign minister, interior minister, opposition leader, party
        chairman, senator, speaker of parliament, president, deputy prime minister, mayor,
        governor, lawmaker, ambassador, election commissioner""",
        """the {country} parliament, the {country} National Assembly, the {country} Electoral
        Commission, the {country} foreign ministry, the {party} Party, the {coined}
        Constitutional Council, the {city} city council""",
        """support for the government, voter turnout, the party's approval rating,
        registered voter numbers""",
        "voters, lawmakers, delegates, protesters, candidates, seats, signatures",
        "percent, count",
    ),
    _domain(
        "economy",
        """inflation, interest rate, currency, bank, loan, debt, deficit, growth, recession,
        market, investor, share price, bond, tax, tariff, export, import, trade, wage, pension,
        subsidy, revenue, profit, earnings, dividend, merger, acquisition, factory, output,
        demand, supply chain, price, forecast, quarter, economy, consumer, retailer, salary,
        bailout, stimulus""",
        """finance minister, central bank governor, chief executive, chief economist, trade
        minister, analyst, fund manager, chief financial officer, union leader""",
        """the Central Bank of {country}, the {country} finance ministry, {coined} Holdings,
        {coined} Group, {coined} Bank, the {city} Stock Exchange, the {country} statistics
        office""",
        """inflation, unemployment, the budget deficit, exports, retail sales, industrial
        output, the benchmark index, the currency, house prices, consumer spending""",
        "jobs, workers, shares, companies, households, businesses, employees",
        "percent, money, count",
    ),
    _domain(
        "conflict",
        """army, ceasefire, attack, offensive, border, convoy, checkpoint, drone, missile,
        shelling, refugee camp, evacuation, truce, negotiation, hostage, raid, explosion,
        blast, ambush, weapon, frontline, village, base, patrol, airstrike, siege, corridor,
        peacekeeper, envoy, security, operation, insurgency, militia, rebel group""",
        """defence minister, army spokesman, military commander, UN envoy, rebel commander,
        police chief, security adviser, regional governor, aid worker""",
        """the {country} armed forces, the {country} defence ministry, the United Nations, the
        Red Cross, the {coined} Liberation Front, the {country} border police, the {country}
        interior ministry""",
        """the death toll, displacement figures, attacks on civilians, regional food
        prices""",
        "people, civilians, soldiers, fighters, refugees, families, children, residents",
        "count",
    ),
    _domain(
        "weather",
        """flood, storm, drought, heatwave, wildfire, rainfall, temperature, hurricane,
        cyclone, landslide, river, dam, coastline, emissions target, climate, forecast,
        warning, evacuation, shelter, damage, harvest, water supply, reservoir, glacier,
        season, wind, snowfall, power outage, embankment, levee, rescue, relief effort""",
        """environment minister, meteorologist, disaster management chief, fire chief,
        regional governor, climate scientist, emergency services spokeswoman, mayor""",
        """the {country} Weather Service, the {country} Meteorological Agency, the {country}
        environment ministry, the {city} disaster management authority, the {city} fire
        brigade, {coined} Insurance""",
        """the river level, rainfall, the temperature, the death toll, displacement figures,
        water reserves""",
        "homes, people, hectares, residents, villages, households, roads, flights",
        "percent, count",
    ),
    _domain(
        "health",
        """hospital, patient, vaccine, virus, outbreak, infection, disease, clinic, doctor,
        nurse, treatment, drug, clinical trial, surgery, diagnosis, epidemic, symptom,
        screening, emergency ward, medicine, pharmacy, health insurance, waiting list, cancer,
        diabetes, malaria, cholera, measles, study, researcher, laboratory, health service,
        prescription""",
        """health minister, chief medical officer, hospital director, epidemiologist, public
        health official, nurses' union leader, researcher""",
        """the World Health Organization, the {country} health ministry, the {city} General
        Hospital, {coined} Pharmaceuticals, the {country} health service, the {country}
        Medical Association""",
        """the infection rate, hospital admissions, case numbers, vaccination coverage,
        waiting times, the death rate""",
        "patients, cases, doctors, nurses, doses, beds, deaths, children",
        "percent, count",
    ),
    _domain(
        "justice",
        """court, judge, trial, verdict, sentence, appeal, prosecutor, lawyer, defendant,
        jury, case, charge, fraud, corruption, bribery, murder, theft, investigation, arrest,
        suspect, witness, evidence, testimony, hearing, ruling, lawsuit, settlement, prison,
        police, detective, warrant, bail, conviction, acquittal, indictment, complaint,
        allegation""",
        """judge, chief prosecutor, defence lawyer, police commissioner, attorney general,
        justice minister, detective inspector""",
        """the {country} Supreme Court, the {city} District Court, the {city} appeals court,
        the {city} prosecutor's office, the {country} anti-corruption agency, {city}
        police""",
        "the crime rate, arrest figures, the prison population",
        "suspects, people, officers, witnesses, defendants, victims, charges",
        "count, money",
    ),
    _domain(
        "technology",
        """software, app, platform, data, privacy, smartphone, chip, semiconductor, network,
        cyberattack, hacker, breach, algorithm, artificial intelligence, startup, cloud,
        server, satellite, broadband, internet, user, account, update, device, battery,
        robot, regulation, encryption, outage, developer, patent, search engine, social
        media, subscription, feature, launch, telecom, licence""",
        """chief executive, technology minister, security researcher, chief technology
        officer, analyst, founder, data protection commissioner""",
        """{coined} Technologies, {coined} Systems, {coined} Labs, the {country} data
        protection authority, the {country} telecoms regulator, {coined} Networks""",
        """revenue, user numbers, smartphone sales, the company's market value, download
        speeds""",
        "users, accounts, devices, employees, customers, engineers, subscribers",
        "percent, money, count",
    ),
    _domain(
        "energy",
        """oil, gas, pipeline, refinery, power plant, electricity, grid, solar park, wind
        farm, nuclear reactor, coal, mine, fuel, petrol, blackout, turbine, battery storage,
        carbon, drilling, well, barrel, output, supply, price, licence, concession,
        transition, renewables, hydropower, substation, shortage, tanker, terminal""",
        """energy minister, oil minister, chief executive, grid operator spokesman, energy
        analyst, regulator, union leader""",
        """the {country} National Oil Company, {coined} Energy, {coined} Power, the {country}
        energy ministry, the {coined} grid operator, the {country} energy regulator""",
        "oil prices, electricity prices, gas output, fuel imports, power demand, crude production",
        "barrels, megawatts, households, homes, workers, wells, turbines",
        "percent, money, count",
    ),
    _domain(
        "transport",
        """airport, airline, flight, railway, train, station, bus, road, bridge, tunnel, port,
        ship, ferry, highway, traffic, strike, delay, ticket, fare, passenger, route, crash,
        derailment, accident, runway, terminal, motorway, metro, fleet, cargo, container,
        freight, timetable, congestion, infrastructure, junction""",
        """transport minister, airline chief executive, rail union leader, airport
        spokeswoman, accident investigator, port director, mayor""",
        """{coined} Airways, the {country} railway company, the {city} port authority, the
        {country} civil aviation authority, the {country} transport ministry, {city}
        International Airport, the {coined} rail workers' union""",
        "passenger numbers, ticket prices, freight volumes, flight delays, traffic",
        "passengers, flights, trains, vehicles, containers, ships, commuters, routes",
        "percent, money, count",
    ),
    _domain(
        "education",
        """school, university, student, teacher, exam, curriculum, tuition, scholarship,
        classroom, lecture, degree, campus, strike, funding, enrolment, graduate, pupil,
        literacy, grant, research, professor, semester, admissions, textbook, inspection,
        kindergarten, college, training""",
        """education minister, university rector, teachers' union leader, head teacher,
        professor, student union president, schools inspector""",
        """the University of {city}, the {country} education ministry, the {coined} teachers'
        union, the {country} examinations board, {city} Technical College""",
        "exam pass rates, tuition fees, enrolment, teacher salaries, literacy rates",
        "students, pupils, teachers, schools, graduates, universities, classrooms",
        "percent, money, count",
    ),
    _domain(
        "farming",
        """farm, farmer, crop, harvest, wheat, maize, rice, coffee, cocoa, livestock, cattle,
        fertiliser, irrigation, drought, pest, locust, yield, export, grain, market, price,
        subsidy, land, tractor, seed, cooperative, dairy, milk, fishery, fishing, forest,
        plantation, orchard""",
        """agriculture minister, farmers' union leader, agronomist, cooperative chairman,
        trade official, food security expert""",
        """the {country} agriculture ministry, the Food and Agriculture Organization, the
        {coined} farmers' union, {coined} Agro, the {country} grain board, the {country}
        Coffee Board""",
        """grain prices, the wheat harvest, coffee exports, fertiliser prices, milk output,
        food prices""",
        "farmers, tonnes, hectares, cattle, bags, families, workers",
        "percent, money, count",
    ),
]

GENERAL_NOUNS = _list("""
    plan, proposal, report, statement, decision, move, measure, agreement, deal, programme,
    project, review, investigation, warning, request, meeting, talks, visit, announcement,
    deadline, target, strategy, framework, initiative, package, fund, scheme, system, process,
    rule, standard, crisis, problem, issue, concern, risk, challenge, impact, response,
    pressure, criticism, protest, demand, change, increase, rise, decline, loss, cost, spending,
    investment, contract, document, letter, survey, study, figure, rate, level, share, period,
    region, area, sector, industry, service, authority, agency, office, panel, board, council,
    commission, union, network, centre, department, institution, community, timetable, budget
""")
ADJECTIVES = _list("""
    new, major, key, large, small, significant, serious, sharp, steady, modest, strong, weak,
    final, initial, early, recent, current, previous, former, local, national, regional,
    international, global, public, private, official, independent, senior, joint, formal,
    temporary, permanent, urgent, immediate, long, short, full, partial, broad, controversial,
    unprecedented, historic, annual, monthly, further, additional, separate, detailed, brief,
    clear, direct, overall, economic, political, financial, legal, social, environmental,
    technical, military, medical, commercial, domestic, foreign, rural, urban, coastal,
    northern, southern, eastern, western, central, fragile, ambitious, costly, long-awaited,
    revised, emergency, interim, binding, voluntary
""")
ADVERBS = _list("""
    also, still, now, then, already, again, further, recently, previously, quickly, slowly,
    sharply, steadily, largely, partly, fully, formally, publicly, privately, repeatedly,
    initially, eventually, finally, currently, widely, strongly, firmly, briefly, directly,
    officially, quietly, abruptly, reluctantly, unexpectedly, narrowly, temporarily
""")
# base, past and (when it differs from the past) participle.
VERBS = [
    tuple(entry.split())
    for entry in _list("""
    approve approved, reject rejected, announce announced, unveil unveiled, suspend suspended,
    delay delayed, extend extended, cancel cancelled, criticise criticised, defend defended,
    propose proposed, launch launched, sign signed, block blocked, review reviewed, back
    backed, oppose opposed, expand expanded, cut cut, raise raised, reduce reduced, introduce
    introduced, order ordered, confirm confirmed, deny denied, welcome welcomed, condemn
    condemned, investigate investigated, postpone postponed, complete completed, finalise
    finalised, secure secured, win won, lose lost, receive received, demand demanded,
    request requested, publish published, release released, reveal revealed, accept
    accepted, adopt adopted, challenge challenged, consider considered, discuss discussed,
    examine examined, fund funded, halt halted, lift lifted, limit limited, maintain
    maintained, offer offered, outline outlined, prepare prepared, present presented,
    question questioned, resume resumed, restore restored, revise revised, scrap scrapped,
    support supported, tighten tightened, ease eased, freeze froze frozen, seize seized,
    close closed, build built, sell sold, buy bought, hold held, reach reached, drop
    dropped, abandon abandoned, endorse endorsed, fast-track fast-tracked, overhaul
    overhauled, renew renewed, draft drafted, inspect inspected, audit audited
""")
]
SUBORDINATE = _list(
    "while, after, although, as, because, before, even though, since, when, until, once, though"
)
LINKS = SUBORDINATE + ["and", "but", "whereas", "so", "yet"]
PREPOSITIONS = _list("""
    for, in, on, at, near, over, against, with, under, from, across, around, behind, beyond,
    without, despite, through, after, before, within, alongside, towards
""")
DETERMINERS = ["the"] * 6 + ["a", "its", "their", "this", "that", "every", "another"]
MEASURED = _list("prices, costs, volumes, figures, levels, numbers, spending, output, sales")
OUTLET_WORDS = _list("Times, Post, Herald, Daily, News, Radio, Television, Observer, Tribune")

# Clause frames. {a|b} picks one alternative (empty ones allowed), <slot> is
# filled by Writer.slot. Fixed runs of three or more words are kept rare on
# purpose: in real news the commonest word 3-gram is in about 0.5% of
# sentences, and the matching engine's cost depends on exactly that.
CLAUSES = _list_lines("""
    6* <actor> {|<adverb> }<past> <np>
    4* <actor> <past> <np> <extra>
    4* <actor> {|<adverb> }<past> <np> <prep> <np>
    2* <measure> <move> {|by }<size>{| to <amount>}
    <measure> {was|stood at|reached|hit|hovered around|peaked at|settled at} <amount>{| <when>}
    {a|an unexpected|the|another|last month's|this year's} <size> {rise|fall|jump|drop|increase|decline} {in|of} <measure> {surprised|worried|pleased|alarmed|reassured|angered|encouraged} <actor>
    <actor> {expects|forecast|warned of|predicted|ruled out|played down|pointed to|blamed} {a|another|a further|a sharp|a slight|a steady} {rise|fall|drop|increase|slowdown|recovery} {in|of} <measure>
    3* {at least |more than |about |nearly |}<count> <counted> {were|have been|had been|were reported|are feared} <happened>{| <extra>}
    4* <actor> <intent> <base> <np>
    3* <np> {has been|had been|was|will be|could be|is being|may be|would be|was later|has now been} <participle>{| <extra>}
    2* <actor> {welcomed|criticised|condemned|praised|questioned|dismissed|attacked|defended|rejected|hailed} <np>, <comment>
    <count> <counted> {remained|were still|were left|were waiting|were counted|are now|had been} <prep> <np>
    2* <np> {is|was|remains|had been|seems|looked|appeared|is still|was once|has become} <predicate>
    2* <np> {forced|prompted|led|pushed|persuaded|allowed|encouraged|obliged} <actor> to <base> <np>
    <actor> {accused|criticised|thanked|cleared|praised} <actor> {of|for} <gerund> <np>
    <actor> {blamed|faulted} <np> for <gerund> <np>
    2* <actor> {|has |had |have }{called for|pushed for|argued against|warned against|asked for|voted for|campaigned against|lobbied for|spoke out against} <np>
    <count> <counted> {took part in|joined|signed|left|returned to|backed|opposed|boycotted|marched against} <np>
    <np> {was|is|marks|became} the {first|second|third|latest|largest|biggest|worst|most serious} <keyword> {in|of|for} {<city>|<country>|<adj> <noun>}
    <actor> {did not|would not|could not|declined to|refused to} {say|confirm|explain|disclose} {whether|how|why|when|if} <inner>
    {the move|the decision|the vote|the <keyword>|the announcement|the ruling|the plan|this} {comes|came|follows|followed} {as|after|weeks after|days after|months after|amid reports that|just as} <inner>
    3* <actor> <saying> <inner>
    2* <np> {will|would|could|may|might|should} <base> <np>
    <np> {cost|was worth|amounted to|totalled|is valued at|added up to} <amount>
""")  # noqa: E501
INTENTS = _list("""
    will, could, may, plans to, wants to, is due to, has promised to, has refused to, hopes to,
    is expected to, is likely to, intends to, threatened to, agreed to, voted to, decided to,
    failed to, is set to, was forced to, is preparing to, tried to, moved to, pledged to,
    declined to, offered to
""")
COMMENTS = _list_lines("""
    {calling it|describing it as} {a|an} <adj> <noun>
    {saying|arguing|warning|claiming} {it|this|the <keyword>} {would|could|might} <base> <np>
    {without giving|but gave no|offering no} {details|figures|timetable|reasons|evidence}
    {a day|a week|hours|shortly} after <actor> <past> <np>
    {and|but} said <inner>
    {citing|pointing to|referring to} <np>
    while {acknowledging|denying|noting|welcoming} <np>
""")
QUOTES = _list_lines("""
    we {will not|cannot|must|are ready to|will continue to|have asked to|need to|want to|hope to|will|refuse to} <base> <np>
    {this is|it is|that was|it was|this was|this will be} {a|an} <adj> <noun> for {<city>|<country>|everyone|our <noun>|the <keyword>}
    {our|my|their} <noun> {is|remains|was} <predicate>
    {nobody|no one} {expected|wanted|predicted|asked for} <np>
    {I|we} {believe|think|fear|hope|know} <inner>
    3* <inner>
""")  # noqa: E501
PREDICATES = _list_lines("""
    {|still }{under pressure|in doubt|on track|unclear|at risk|behind schedule|uncertain|on hold|under review|in question|unresolved}
    {far from|not yet|almost|nearly} {certain|settled|complete|finished|agreed}
    the {highest|lowest|largest|smallest|worst|best} {since <year>|in a decade|in <n> years|on record|this year}
    {higher|lower|weaker|stronger|slower|faster} than {expected|forecast|last year|in <month>}
    {a priority|a concern|a headache|a test|a setback|a relief} for <simple_actor>
    <adj>
""")  # noqa: E501
WHEN = _list_lines("""
    6* {on|late on|early on|until|before|after|since} <day>
    3* {earlier|later|late|early} {this|last} {week|month|year}
    3* {this|next|last} {week|month|year}
    4* in <month>
    2* {two|three|four|several|a few} {days|weeks|months|years} {ago|later|earlier}
    2* since {<month>|<year>}
    3* in <year>
    2* {over|during|throughout} the {weekend|summer|winter|past year|holiday period|night}
    2* on <day> {morning|afternoon|evening|night}
    2* {within|in|for} <n> {days|weeks|months|hours}
    {for the first time since <year>|by the end of <month>|at the start of the week}
""")
PLACES = _list_lines("""
    4* {in|across|near|outside|around|north of|south of|east of|west of|in central|in northern|in southern|in eastern|in western} {<city>|<country>|<locality>}
    2* in the <locality> {district|area|region|neighbourhood|valley|province}
    {in|at} {a village|a town|a suburb|the outskirts|a camp|a port|a school|a market} {near|outside|north of|south of} {<city>|<locality>}
""")  # noqa: E501
GENERIC_ACTORS = _list_lines("""
    3* {two|three|several|some|many|dozens of} {officials|diplomats|residents|analysts|lawmakers|witnesses|sources|economists|activists|executives}
    3* {a|one} {senior|local|regional|former|junior} {official|diplomat|lawmaker|resident|analyst|executive|adviser}
    2* {officials|residents|lawmakers|police|activists} in {<city>|<country>|<locality>}
    4* {the government|the authorities|police|critics|investors|regulators|campaigners|the opposition|the ministry|observers}
    {a spokesperson for|a spokesman for|a spokeswoman for|a lawyer for|a source at|an adviser to|the head of|a member of} <org>
""")  # noqa: E501
OPENERS = _list_lines("""
    4* <when>
    3* <place>
    2* {despite|following|amid|after|before|ahead of|over|because of|during|under|with|without} <np>
""")
CHANGES_UP = _list("rose, climbed, jumped, increased, edged up, surged, grew")
CHANGES_DOWN = _list("fell, dropped, declined, slipped, edged down, plunged, shrank")
HAPPENED_TO = _list("""
    injured, killed, evacuated, arrested, displaced, affected, detained, rescued, treated,
    stranded, hired, dismissed, interviewed, charged, relocated, questioned, released,
    left without power, moved to safety, laid off, turned away
""")

# Interchangeable words, for rewrites and one-word edits. A word may sit in
# several groups; its alternatives are the union.
SYNONYM_GROUPS = [
    group.split("|")
    for group in _list("""
    said|stated|added|noted|told reporters, says|states|notes, told|informed,
    announced|unveiled|revealed|disclosed, approved|backed|endorsed|cleared,
    rejected|dismissed|turned down, suspended|paused|halted, delayed|postponed|deferred,
    criticised|attacked|denounced, cut|reduced|lowered|trimmed, raised|increased|lifted|boosted,
    plan|proposal|scheme, report|study|review, new|fresh, major|big|large|significant,
    key|main|central|crucial, serious|severe|grave, sharp|steep, government|administration,
    officials|authorities, ministry|department, company|firm, residents|locals|inhabitants,
    people|individuals, warning|alert, talks|negotiations|discussions,
    meeting|session|gathering, crisis|emergency, problem|issue|difficulty,
    concern|worry|fear, rise|increase|jump|growth, decline|drop|fall, rose|climbed|increased,
    fell|dropped|declined|slipped, help|assist|aid, support|backing, began|started|launched,
    ended|finished|concluded, country|nation, city|town, region|area|province|district,
    leader|head|chief, expert|specialist|analyst, recent|latest, previous|earlier|prior,
    final|last, small|minor|modest, quickly|rapidly|swiftly, slowly|gradually,
    immediately|promptly, strongly|firmly|forcefully, statement|announcement|declaration,
    decision|ruling|move, measure|step|action, agreement|deal|accord|pact,
    programme|project|initiative, rules|regulations|guidelines, cost|price|expense,
    spending|expenditure, workers|employees|staff, children|youngsters|minors,
    injured|wounded|hurt, arrested|detained|held, attack|assault|strike,
    protest|demonstration|rally, protesters|demonstrators, critics|opponents,
    supporters|backers|allies, despite|in spite of, following|after,
    before|ahead of, during|throughout, amid|during, expected|anticipated|forecast,
    need|require, needs|requires, showed|indicated|suggested, shows|indicates|suggests,
    used|utilised|employed, bought|purchased|acquired, built|constructed, closed|shut,
    received|obtained|got, demanded|called for, warned|cautioned,
    stressed|emphasised|underlined, insisted|maintained, confirmed|verified,
    denied|rejected, investigated|probed|examined, investigation|probe|inquiry,
    review|assessment|evaluation, published|released|issued, percent|per cent,
    election|vote|poll, parliament|legislature, law|legislation, debt|borrowing,
    profit|earnings, troops|soldiers|forces, army|military, ceasefire|truce,
    flood|flooding, wildfire|bushfire|blaze, doctor|physician, vaccine|jab,
    outbreak|epidemic, disease|illness, drug|medicine|medication, judge|magistrate,
    lawyer|attorney, verdict|judgment, prison|jail, suspect|accused, data|information,
    breach|leak, petrol|fuel, passengers|travellers, crash|accident|collision,
    students|pupils|learners, teachers|educators, exam|test|examination,
    farmers|growers|producers, cattle|livestock, also|additionally, still|yet,
    about|around|roughly|nearly, big|large, very|highly, start|begin, end|finish,
    allow|permit, allowed|permitted, show|indicate, made|produced, make|produce,
    several|a number of, many|numerous, important|significant, plans|intends,
    continue|carry on, continued|carried on, week|seven days, earlier|previously,
    later|subsequently, main|principal, area|zone, urgent|pressing, costly|expensive,
    fragile|shaky, ambitious|bold, annual|yearly, joint|shared, formal|official,
    temporary|interim, permanent|lasting, brief|short, detailed|thorough, clear|plain
""")
]
SYNONYMS: dict[str, list[str]] = {}
for _group in SYNONYM_GROUPS:
    for _word in _group:
        SYNONYMS.setdefault(_word, [])
        SYNONYMS[_word] += [
            other for other in _group if other != _word and other not in SYNONYMS[_word]
        ]
FILLERS = _list("also, then, now, still, further, already, again")

# --- events ------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str  # "Amara Okafor"
    title: str  # "finance minister"

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Event:
    """One story and its cast; every article on it draws names and figures from here."""

    number: int
    domain: Domain
    country: str
    city: str
    locality: str  # a coined district or village name
    people: list[Person]
    orgs: list[str]
    short_orgs: list[str]  # how later mentions name them: "the ministry", "Ririri"
    keywords: list[str]
    amounts: list[str]  # "6.2 percent", "$4.1 billion": what measures rise or fall to
    counts: list[str]  # "1,250": how many people or things
    day: str
    month: str
    year: int


def _coin(rng: random.Random, parts: int = 3) -> str:
    """A made-up proper name from syllables ("Tavoro", "Kelmarin")."""
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _figure(rng: random.Random, unit: str) -> str:
    if unit == "percent":
        return f"{rng.uniform(0.2, 40):.1f} percent"
    if unit == "money":
        amount = rng.choice(
            [f"{rng.uniform(1.1, 95):.1f} billion", f"{rng.randint(12, 950)} million"]
        )
        return "$" + amount if rng.random() < 0.4 else amount + " dollars"
    return f"{rng.randint(12, 99_000):,}"


def make_event(rng: random.Random, number: int) -> Event:
    domain = rng.choice(DOMAINS)
    country, city = rng.choice(COUNTRIES), rng.choice(CITIES)
    people = [
        Person(f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", rng.choice(domain.titles))
        for _ in range(rng.randint(3, 5))
    ]
    fill = {"country": country.removeprefix("the "), "city": city}
    orgs, short_orgs = [], []
    for template in rng.sample(domain.orgs, k=min(3, len(domain.orgs))):
        fill["coined"] = _coin(rng, rng.randint(2, 3))
        fill["party"] = rng.choice(PARTY_NAMES)
        orgs.append(template.format(**fill))
        last = template.rstrip("}").split()[-1].lower()
        short_orgs.append(fill["coined"] if "{coined}" in template else f"the {last}")
    units = [unit for unit in domain.units if unit != "count"] or ["percent"]
    return Event(
        number=number,
        domain=domain,
        country=country,
        city=city,
        locality=_coin(rng, rng.randint(2, 3)),
        people=people,
        orgs=orgs,
        short_orgs=short_orgs,
        keywords=rng.sample(domain.keywords, k=min(12, len(domain.keywords))),
        amounts=[_figure(rng, rng.choice(units)) for _ in range(3)],
        counts=[_figure(rng, "count") for _ in range(3)],
        day=rng.choice(WEEKDAYS),
        month=rng.choice(MONTHS),
        year=rng.randint(1990, 2023),
    )


# --- sentences -----------------------------------------------------------------


@dataclass
class Draft:
    """A sentence before it is written out; rewrites rearrange it and render again."""

    clauses: list[str]  # one or two, in running-text form ("the ministry approved ...")
    link: str | None = None  # joins the two clauses
    opener: str | None = None  # "on Tuesday", "in Lagos"
    speaker: str | None = (
        None  # "Amara Okafor, the finance minister," (appositives keep their comma)
    )
    saying: str = "said"
    quoted: bool = False
    opener_first: bool = True
    speaker_layout: int = 0  # 0: "..., X said."  1: "X said ..."  2: "According to X, ..."
    swapped: bool = False  # subordinate clause first: "While B, A."

    def render(self) -> str:
        body = self.clauses[0]
        if len(self.clauses) > 1:
            if self.swapped and self.link in SUBORDINATE:
                body = f"{self.link} {self.clauses[1]}, {body}"
            else:
                body = f"{body}, {self.link} {self.clauses[1]}"
        if self.opener:
            body = f"{self.opener}, {body}" if self.opener_first else f"{body} {self.opener}"
        return _fix_articles(_STRAY_COMMA.sub("", self._with_speaker(body)))

    def _with_speaker(self, body: str) -> str:
        speaker = self.speaker
        if speaker is None:
            return _capital(body) + "."
        if self.quoted:
            if self.speaker_layout == 1:
                return f'{_capital(speaker)} {self.saying}: "{_capital(body)}."'
            return f'"{_capital(body)}," {speaker} {self.saying}.'
        if self.speaker_layout == 1:
            return f"{_capital(speaker)} {self.saying} {body}."
        if self.speaker_layout == 2:
            return f"According to {speaker.rstrip(',')}, {body}."
        return f"{_capital(body)}, {speaker} {self.saying}."


def _gerund(verb: str) -> str:
    """ "approve" -> "approving", "cut" -> "cutting" (the verbs here, not all English)."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", verb):  # one syllable: cut, scrap, win
        return verb + verb[-1] + "ing"
    return verb + "ing"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


_CHOICE = re.compile(r"\{([^{}]*)\}")
_SLOT = re.compile(r"<(\w+)>")
_STRAY_COMMA = re.compile(r",(?=[,.:;])")  # an appositive's comma before other punctuation
_A_AN = re.compile(r"\b([Aa])n? (?=(\w))")


def _fix_articles(text: str) -> str:
    """ "a" before a consonant sound, "an" before a vowel (by spelling; good enough)."""
    return _A_AN.sub(lambda m: m.group(1) + ("n " if m.group(2) in "aeiouAEIOU" else " "), text)


class Writer:
    """Writes fresh sentences for events; no two fresh sentences are the same."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def fill(self, event: Event, template: str, depth: int = 0) -> str:
        """Expand {alternatives} and <slots>; slots may expand to more templates."""
        rng = self.rng
        text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
        text = _SLOT.sub(lambda m: self.slot(event, m.group(1), depth), text)
        return " ".join(text.split())

    def slot(self, event: Event, name: str, depth: int) -> str:
        rng = self.rng
        domain = event.domain
        simple = {
            "adverb": ADVERBS,
            "adj": ADJECTIVES,
            "noun": GENERAL_NOUNS,
            "keyword": event.keywords,
            "city": [event.city],
            "country": [event.country],
            "locality": [event.locality],
            "org": event.orgs,
            "amount": event.amounts,
            "counted": domain.counted,
            "happened": HAPPENED_TO,
            "prep": PREPOSITIONS,
            "day": [event.day],
            "month": MONTHS,
            "intent": INTENTS,
        }
        if name in simple:
            return rng.choice(simple[name])
        verb = rng.choice(VERBS)
        templates = {
            "when": WHEN,
            "place": PLACES,
            "comment": COMMENTS,
            "predicate": PREDICATES,
            "simple_actor": GENERIC_ACTORS[:-1],
            "opener": OPENERS,
        }
        if name in templates:
            return self.fill(event, rng.choice(templates[name]), depth)
        if name == "base":
            return verb[0]
        if name == "past":
            return verb[1]
        if name == "participle":
            return verb[-1]
        if name == "gerund":
            return _gerund(verb[0])
        if name == "np":
            return self.noun_phrase(event)
        if name == "actor":
            return self.actor(event)
        if name == "measure":
            if rng.random() < 0.5:
                return rng.choice(domain.measures)
            return f"{rng.choice(event.keywords)} {rng.choice(MEASURED)}"
        if name == "move":
            return rng.choice(CHANGES_UP + CHANGES_DOWN)
        if name == "size":
            return f"{rng.uniform(0.1, 25):.1f} percent"
        if name == "count":
            return rng.choice([rng.choice(event.counts), str(rng.randint(2, 5000))])
        if name == "n":
            return str(rng.randint(2, 30))
        if name == "year":
            return str(rng.choice([event.year, rng.randint(1990, 2023)]))
        if name == "extra":
            return self.fill(event, rng.choice(["<place>", "<when>", "<prep> <np>"]), depth)
        if name == "saying":
            return self.saying(event)
        if name == "inner":  # a clause inside a clause, one level deep at most
            return self.clause(event, depth + 1)
        raise KeyError(name)

    # -- phrases --

    def noun_phrase(self, event: Event) -> str:
        rng = self.rng
        keyword = rng.choice(event.keywords)
        pick = rng.random()
        if pick < 0.06:
            return rng.choice(event.orgs)
        det = rng.choice(DETERMINERS)
        if pick < 0.4:
            head = f"{rng.choice(ADJECTIVES)} {keyword}" if rng.random() < 0.6 else keyword
        elif pick < 0.6:
            head = f"{keyword} {rng.choice(GENERAL_NOUNS)}"
        elif pick < 0.8:
            owner = rng.choice(["the", "its", "their", "this", "a"])
            return f"{det} {rng.choice(GENERAL_NOUNS)} of {owner} {keyword}"
        else:
            head = f"{rng.choice(ADJECTIVES)} {rng.choice(GENERAL_NOUNS)}"
        return f"{det} {head}"

    def actor(self, event: Event) -> str:
        rng = self.rng
        pick = rng.random()
        person = rng.choice(event.people)
        if pick < 0.12:  # news style names a person in full once, then by surname
            return f"{person.title.title()} {person.name}"
        if pick < 0.45:
            return person.surname
        if pick < 0.5:
            return f"{person.name}, the {person.title},"
        if pick < 0.57:
            return rng.choice(event.orgs)
        if pick < 0.7:
            return rng.choice(event.short_orgs)
        return self.fill(event, rng.choice(GENERIC_ACTORS))

    def saying(self, event: Event) -> str:
        rng = self.rng
        outlet = f"the {event.locality} {rng.choice(OUTLET_WORDS)}"
        return rng.choice(
            ["said"] * 8
            + [
                "told reporters",
                "added",
                "noted",
                "stressed",
                "warned",
                "insisted",
                "explained",
                "argued",
                "acknowledged",
                f"told {outlet}",
                f"said on {event.day}",
                f"wrote on {rng.choice(['social media', 'Threads', 'Facebook', 'a blog'])}",
                f"told {rng.choice(['parliament', 'lawmakers', 'state TV', 'local radio'])}",
            ]
        )

    def clause(self, event: Event, depth: int = 0) -> str:
        """One clause in running-text form; some frames hold another clause."""
        frames = CLAUSES if depth == 0 else [c for c in CLAUSES if "<inner>" not in c]
        return self.fill(event, self.rng.choice(frames), depth)

    # -- sentences --

    def draft(self, event: Event) -> Draft:
        """A draft of about a target length, 8-40 words, built clause by clause."""
        rng = self.rng
        target = round(rng.triangular(8, 40, 20))
        quoted = rng.random() < 0.15
        first = self.fill(event, rng.choice(QUOTES)) if quoted else self.clause(event)
        draft = Draft([first], quoted=quoted)
        if quoted:
            draft.speaker, draft.saying = self.actor(event), self.saying(event)
            draft.speaker_layout = rng.choice([0, 0, 1])
        options = ["extra", "extra", "link", "speaker", "opener"]
        rng.shuffle(options)
        for option in options:
            if len(draft.render().split()) >= target:
                break
            if option == "extra":
                draft.clauses[-1] += " " + self.slot(event, "extra", 0)
            elif option == "link":
                draft.link = rng.choice(LINKS)
                draft.clauses.append(self.clause(event))
                draft.swapped = draft.link in SUBORDINATE and rng.random() < 0.3
            elif option == "speaker" and draft.speaker is None:
                draft.speaker = self.actor(event)
                draft.saying = self.saying(event)
                draft.speaker_layout = rng.choice([0] * 6 + [1] * 3 + [2])
            elif option == "opener":
                draft.opener = self.fill(event, "<opener>")
                draft.opener_first = rng.random() < 0.6
        return draft

    def fresh(self, event: Event) -> Draft:
        """A draft whose text is 8-40 words long and new to the whole corpus."""
        while True:
            draft = self.draft(event)
            text = draft.render()
            key = _loose_key(text)
            if 8 <= len(text.split()) <= 40 and key not in self.seen:
                self.seen.add(key)
                return draft

    def headline(self, event: Event) -> str:
        rng = self.rng
        verb = rng.choice(VERBS)
        present = verb[0] + ("es" if verb[0].endswith(("s", "sh", "ch", "x")) else "s")
        subject = rng.choice(
            [
                rng.choice(event.orgs).removeprefix("the "),
                rng.choice(event.people).surname,
                event.city,
                event.country.removeprefix("the "),
            ]
        )
        keyword = rng.choice(event.keywords)
        tail = rng.choice(
            [
                "",
                f" in {event.city}",
                f" as {rng.choice(event.domain.measures)} falls",
                f" after {rng.choice(GENERAL_NOUNS)}",
                f" over {rng.choice(GENERAL_NOUNS)}",
            ]
        )
        thing = f"{rng.choice(ADJECTIVES)} {keyword} {rng.choice(GENERAL_NOUNS)}"
        return _capital(f"{subject} {present} {thing}{tail}")


def _loose_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# --- edits ---------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_QUOTE_STYLES = [("\u201c", "\u201d"), ("'", "'"), ("\u2018", "\u2019")]


def _with_case(word: str, like: str) -> str:
    return _capital(word) if like[:1].isupper() else word


def swap_synonyms(rng: random.Random, text: str, count: int) -> str:
    """Replace `count` words that have synonyms (fewer if not enough have)."""
    spots = [m for m in _WORD.finditer(text) if m.group().lower() in SYNONYMS]
    chosen = sorted(
        rng.sample(spots, k=min(count, len(spots))), key=lambda m: m.start(), reverse=True
    )
    for m in chosen:
        other = rng.choice(SYNONYMS[m.group().lower()])
        text = text[: m.start()] + _with_case(other, m.group()) + text[m.end() :]
    return text


def _requote(rng: random.Random, text: str) -> str:
    """Straight double quotes to curly or single ones."""
    if '"' not in text:
        return text
    left, right = rng.choice(_QUOTE_STYLES)
    out, opening = [], True
    for char in text:
        if char == '"':
            out.append(left if opening else right)
            opening = not opening
        else:
            out.append(char)
    return "".join(out)


def light_edit(rng: random.Random, text: str) -> str:
    """One or two small edits, like a copy desk makes; maybe another quote style too."""
    edits = 1 if rng.random() < 0.6 else 2
    original = text
    for _ in range(50):
        if edits == 0:
            break
        words = text.split(" ")
        pick = rng.randrange(5)
        if pick == 0:  # add a small word between two lower-case words
            spots = [
                i
                for i in range(1, len(words))
                if words[i][:1].islower() and words[i - 1][-1:].islower()
            ]
            if not spots:
                continue
            words.insert(rng.choice(spots), rng.choice(FILLERS))
            text = " ".join(words)
        elif pick == 1:  # drop a word that is not the first or last
            if len(words) <= 9:
                continue
            del words[rng.randrange(1, len(words) - 1)]
            text = " ".join(words)
        elif pick == 2:
            changed = swap_synonyms(rng, text, 1)
            if changed == text:
                continue
            text = changed
        elif pick == 3:  # a comma added or dropped
            if ", " in text and rng.random() < 0.5:
                spots = [i for i in range(len(text)) if text.startswith(", ", i)]
                at = rng.choice(spots)
                text = text[:at] + text[at + 1 :]
            else:
                spots = [i for i in range(1, len(words) - 1) if words[i][-1:].isalpha()]
                if not spots:
                    continue
                at = rng.choice(spots)
                words[at] += ","
                text = " ".join(words)
        else:
            changed = re.sub(r"\bsaid\b", "says", text, count=1)
            if changed == text:
                continue
            text = changed
        edits -= 1
    if rng.random() < 0.5:
        text = _requote(rng, text)
    return text if text != original else text.rstrip(".") + " again."


def rewrite(rng: random.Random, draft: Draft) -> str:
    """Rearrange the clauses and swap 20-30% of the words for synonyms."""
    moved = replace(draft, clauses=list(draft.clauses))
    moves = []
    if moved.opener:
        moves.append("opener")
    if moved.speaker:
        moves.append("speaker")
    if moved.link in SUBORDINATE:
        moves.append("clauses")
    move = rng.choice(moves) if moves and rng.random() < 0.7 else None
    if move == "opener":
        moved.opener_first = not moved.opener_first
    elif move == "speaker":
        layouts = [0, 1] if moved.quoted else [0, 1, 2]
        moved.speaker_layout = rng.choice([x for x in layouts if x != moved.speaker_layout])
    elif move == "clauses":
        moved.swapped = not moved.swapped
    text = moved.render()
    share = rng.uniform(0.2, 0.3)
    return swap_synonyms(rng, text, max(1, round(share * len(text.split()))))


# --- articles --------------------------------------------------------------------

VARIANTS = ("verbatim", "light", "rewrite")


@dataclass(frozen=True)
class Origin:
    """This sentence is a version of wire sentence `family`."""

    family: int
    variant: str  # one of VARIANTS


@dataclass
class GeneratedArticle:
    name: str  # file name, unique: "a000123.txt"
    title: str
    sentences: list[str]
    origins: list[Origin | None]  # None: the outlet's own sentence
    paragraph_sizes: list[int]  # sentences per paragraph
    event: int
    role: str  # "reprint", "mixed" or "original"

    def text(self) -> str:
        """Headline, blank line, paragraphs separated by blank lines."""
        paragraphs, at = [], 0
        for size in self.paragraph_sizes:
            paragraphs.append(" ".join(self.sentences[at : at + size]))
            at += size
        return "\n\n".join([self.title, *paragraphs]) + "\n"


SentenceRef = tuple[int, int]  # (article index, sentence index)
PAIR_KINDS = ("exact", "near", "rewrite", "near_both", "rewrite_both")


def pair_kind(a: str, b: str) -> str:
    """The kind of a true pair from its two versions.

    exact: both verbatim; near: verbatim and light edit; rewrite: verbatim and
    rewrite; near_both: two independent light edits; rewrite_both: a rewrite
    and another edited version.
    """
    versions = {a, b}
    if versions == {"verbatim"}:
        return "exact"
    if "verbatim" in versions:
        return "near" if "light" in versions else "rewrite"
    return "near_both" if versions == {"light"} else "rewrite_both"


@dataclass
class Truth:
    """Which sentences are versions of the same wire sentence."""

    families: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)

    def pairs(self) -> Iterator[tuple[SentenceRef, SentenceRef, str]]:
        """Every true pair across two articles, (smaller ref, larger ref, kind)."""
        for members in self.families.values():
            for x, y in combinations(sorted(members), 2):
                if x[0] != y[0]:
                    yield (x[0], x[1]), (y[0], y[1]), pair_kind(x[2], y[2])

    def family_of(self) -> dict[SentenceRef, int]:
        return {(a, i): family for family, members in self.families.items() for a, i, _ in members}

    def to_json(self) -> dict:
        return {str(family): members for family, members in self.families.items()}

    @classmethod
    def from_json(cls, data: dict) -> Truth:
        return cls({int(k): [tuple(m) for m in v] for k, v in data.items()})


def _event_sizes(rng: random.Random, n_articles: int) -> list[int]:
    """Articles per event: most stories get a handful, a few get dozens."""
    sizes, total = [], 0
    while total < n_articles:
        size = min(80, max(1, round(rng.lognormvariate(1.5, 0.9))), n_articles - total)
        sizes.append(size)
        total += size
    return sizes


def _paragraphs(rng: random.Random, count: int) -> list[int]:
    sizes = []
    while count > 0:
        size = min(count, rng.choices([1, 2, 3], weights=[35, 45, 20])[0])
        sizes.append(size)
        count -= size
    return sizes


def _compose(
    rng: random.Random,
    writer: Writer,
    event: Event,
    wire: list[Draft],
    families: list[int],
    role: str,
) -> tuple[list[str], list[Origin | None]]:
    """The sentences of one article and where each came from."""
    sentences: list[str] = []
    origins: list[Origin | None] = []

    def take(j: int, weights: tuple[int, int, int]) -> None:
        variant = rng.choices(VARIANTS, weights=weights)[0]
        text = wire[j].render()
        if variant == "light":
            text = light_edit(rng, text)
        elif variant == "rewrite":
            text = rewrite(rng, wire[j])
            if text == wire[j].render():  # nothing to rearrange or swap: it is a copy
                variant = "verbatim"
        sentences.append(text)
        origins.append(Origin(families[j], variant))

    def own() -> None:
        sentences.append(writer.fresh(event).render())
        origins.append(None)

    lay_out(rng, role, len(wire), take, own)
    return sentences, origins


def lay_out(
    rng: random.Random,
    role: str,
    wire_length: int,
    take: Callable[[int, tuple[int, int, int]], None],
    own: Callable[[], None],
) -> None:
    """An article's sentences in order, by role; both generators use it.

    `take(j, weights)` copies wire sentence j as (verbatim, light, rewrite)
    with those weights; `own()` writes one of the outlet's own sentences.
    A reprint runs 60-100% of the wire from the top plus a few of its own; a
    mixed piece works 3-8 wire sentences into 14-26; an original is its own.
    """
    if role == "reprint":
        keep = rng.randint(max(8, round(0.6 * wire_length)), wire_length)
        for j in range(keep):
            take(j, (85, 15, 0))
        for _ in range(rng.choice([0, 0, 1, 2])):
            own()
    elif role == "mixed":
        total = rng.randint(14, 26)
        copied = sorted(rng.sample(range(min(wire_length, 16)), k=rng.randint(3, 8)))
        slots = sorted(rng.sample(range(total), k=len(copied)))
        queue = iter(copied)
        for slot in range(total):
            if slot in slots:
                take(next(queue), (45, 30, 25))
            else:
                own()
    else:
        for _ in range(rng.randint(14, 26)):
            own()


def generate(n_articles: int, seed: int = 0) -> tuple[list[GeneratedArticle], Truth]:
    """`n_articles` articles in feed order (events interleaved) and the true pairs."""
    rng = random.Random(seed)
    writer = Writer(rng)
    articles: list[GeneratedArticle] = []
    next_family = 0
    for number, size in enumerate(_event_sizes(rng, n_articles)):
        event = make_event(rng, number)
        wire = [writer.fresh(event) for _ in range(rng.randint(18, 26))]
        families = list(range(next_family, next_family + len(wire)))
        next_family += len(wire)
        wire_title = writer.headline(event)
        for _ in range(size):
            role = rng.choices(["reprint", "mixed", "original"], weights=[20, 45, 35])[0]
            sentences, origins = _compose(rng, writer, event, wire, families, role)
            title = (
                wire_title if role == "reprint" and rng.random() < 0.6 else writer.headline(event)
            )
            articles.append(
                GeneratedArticle(
                    "", title, sentences, origins, _paragraphs(rng, len(sentences)), number, role
                )
            )
    return articles, in_feed_order(rng, articles)


def in_feed_order(rng: random.Random, articles: list) -> Truth:
    """Shuffle `articles` into feed order, name their files, and return the true pairs.

    Two articles whose text came out identical get a title note, since the
    same bytes would be one article. Both generators use it.
    """
    rng.shuffle(articles)
    seen_texts: set[str] = set()
    truth = Truth()
    for index, article in enumerate(articles):
        article.name = f"a{index:06d}.txt"
        while article.text() in seen_texts:  # identical files would be one article
            article.title += " " + rng.choice(["(update)", "(corrected)", "(full story)"])
        seen_texts.add(article.text())
        for i, origin in enumerate(article.origins):
            if origin is not None:
                truth.families.setdefault(origin.family, []).append((index, i, origin.variant))
    truth.families = {k: v for k, v in truth.families.items() if len({a for a, _, _ in v}) > 1}
    return truth


def write_articles(articles: list[GeneratedArticle], folder: Path) -> list[Path]:
    """One UTF-8 plain-text file per article; returns the paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / article.name
        path.write_text(article.text(), encoding="utf-8")
        paths.append(path)
    return paths


def save(articles: list[GeneratedArticle], truth: Truth, path: Path) -> None:
    """The corpus as JSON (sentences, origins, truth), for a process that did not generate it."""
    data = {
        "articles": [
            {
                "name": a.name,
                "title": a.title,
                "sentences": a.sentences,
                "origins": [[o.family, o.variant] if o else None for o in a.origins],
                "paragraph_sizes": a.paragraph_sizes,
                "event": a.event,
                "role": a.role,
            }
            for a in articles
        ],
        "truth": truth.to_json(),
    }
    path.write_text(json.dumps(data), encoding="utf-8")


def load(path: Path) -> tuple[list[GeneratedArticle], Truth]:
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = [
        GeneratedArticle(
            a["name"],
            a["title"],
            a["sentences"],
            [Origin(*o) if o else None for o in a["origins"]],
            a["paragraph_sizes"],
            a["event"],
            a["role"],
        )
        for a in data["articles"]
    ]
    return articles, Truth.from_json(data["truth"])


def describe(articles: list[GeneratedArticle], truth: Truth) -> dict[str, float]:
    """Corpus statistics worth printing next to the results."""
    lengths = [len(s.split()) for a in articles for s in a.sentences]
    kinds: dict[str, int] = dict.fromkeys(PAIR_KINDS, 0)
    for _, _, kind in truth.pairs():
        kinds[kind] += 1
    vocabulary = {w.lower() for a in articles for s in a.sentences for w in _WORD.findall(s)}
    copied = sum(o is not None for a in articles for o in a.origins)
    return {
        "articles": len(articles),
        "sentences": len(lengths),
        "sentences per article": len(lengths) / max(1, len(articles)),
        "words per sentence": sum(lengths) / max(1, len(lengths)),
        "shortest sentence": min(lengths, default=0),
        "longest sentence": max(lengths, default=0),
        "distinct words": len(vocabulary),
        "copied sentences": copied,
        "families": len(truth.families),
        **{f"pairs {kind}": count for kind, count in kinds.items()},
        "log10 all pairs": math.log10(max(1, len(lengths) ** 2 / 2)),
    }


if __name__ == "__main__":
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    sample, sample_truth = generate(n, seed=int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    for item in sample[:3]:
        print(f"--- {item.name} ({item.role}, event {item.event})")
        print(item.text())
    for key, value in describe(sample, sample_truth).items():
        print(f"{key}: {value:.6g}")
