"""Invented sentence pairs for bench/changes.py, written for this bench (no real text).

Each row: sentence a (the wire), sentence b (a copy), and the changed facts a
fact-checker should see, as (type, shown in a, shown in b). An empty set means
the copy changed style only, or changed words that are none of the five types.
The shown text follows tui/match/changes.py: a number or date keeps its unit,
scale or month, a name shows its changed words, a quote shows the whole
quotation without its marks, a negation shows the negating words.
"""

from __future__ import annotations

Expected = set[tuple[str, str, str]]

PAIRS: list[tuple[str, str, Expected]] = [
    # numbers
    (
        "Police said 1,200 people were arrested during the protests in the capital.",
        "Police said 1,500 people were arrested during the protests in the capital.",
        {("number", "1,200", "1,500")},
    ),
    (
        "The company reported a profit of $5 million in the second quarter.",
        "The company reported a profit of $6 million in the second quarter.",
        {("number", "$5 million", "$6 million")},
    ),
    (
        "Turnout reached 40% in the northern districts, officials said.",
        "Turnout reached 45 percent in the northern districts, officials said.",
        {("number", "40%", "45 percent")},
    ),
    (
        "The fire spread across 3 km of forest before crews contained it.",
        "The fire spread across 5 km of forest before crews contained it.",
        {("number", "3 km", "5 km")},
    ),
    (
        "Two soldiers were wounded in the exchange of fire, the ministry said.",
        "Three soldiers were wounded in the exchange of fire, the ministry said.",
        {("number", "Two", "Three")},
    ),
    (
        "The storm left 40,000 homes without power across the region.",
        "The storm left homes without power across the region.",
        {("number", "40,000", "")},
    ),
    (
        "Dozens of families fled the village overnight as the shelling intensified.",
        "Hundreds of families fled the village overnight as the shelling intensified.",
        {("number", "Dozens", "Hundreds")},
    ),
    (
        "The new bridge will cost 2.3 billion euros and take six years to build.",
        "The new bridge will cost 2.3 million euros and take six years to build.",
        {("number", "2.3 billion euros", "2.3 million euros")},
    ),
    (
        "The 34-year-old driver was taken to hospital with head injuries.",
        "The 43-year-old driver was taken to hospital with head injuries.",
        {("number", "34-year-old", "43-year-old")},
    ),
    (
        "Rescuers pulled survivors from the rubble of the collapsed school.",
        "Rescuers pulled 14 survivors from the rubble of the collapsed school.",
        {("number", "", "14")},
    ),
    (
        "Polling stations close at 8 p.m. local time.",
        "Polling stations close at 9 p.m. local time.",
        {("number", "8 p.m.", "9 p.m.")},
    ),
    (
        "Inflation slowed to 3.2% in the year to May, from 3.8% a month earlier.",
        "Inflation slowed to 3.4% in the year to May, from 3.8% a month earlier.",
        {("number", "3.2%", "3.4%")},
    ),
    (
        "The quake had a magnitude of ６.１, the geological survey said.",
        "The quake had a magnitude of 6.4, the geological survey said.",
        {("number", "６.１", "6.4")},
    ),
    (
        "About 300 troops will remain at the base until the handover.",
        "About 3,000 troops will remain at the base until the handover.",
        {("number", "300", "3,000")},
    ),
    # dates
    (
        "The trial is due to open on June 3 at the district court.",
        "The trial is due to open on June 4 at the district court.",
        {("date", "June 3", "June 4")},
    ),
    (
        "The ceasefire took effect at midnight on Friday, both sides said.",
        "The ceasefire took effect at midnight on Saturday, both sides said.",
        {("date", "Friday", "Saturday")},
    ),
    (
        "The filing, dated 2024-05-17, was signed by the director.",
        "The filing, dated 2024-05-18, was signed by the director.",
        {("date", "2024-05-17", "2024-05-18")},
    ),
    (
        "The finance minister resigned yesterday after weeks of pressure.",
        "The finance minister resigned today after weeks of pressure.",
        {("date", "yesterday", "today")},
    ),
    (
        "The plant has been closed since 2019, according to the union.",
        "The plant has been closed since 2021, according to the union.",
        {("date", "2019", "2021")},
    ),
    (
        "Elections are expected in October, the commission said.",
        "Elections are expected in November, the commission said.",
        {("date", "October", "November")},
    ),
    (
        "The agreement was signed on 3 March 2022 in the presence of observers.",
        "The agreement was signed on 13 March 2022 in the presence of observers.",
        {("date", "3 March 2022", "13 March 2022")},
    ),
    (
        "The council met to discuss the housing plan.",
        "The council met on Thursday to discuss the housing plan.",
        {("date", "", "Thursday")},
    ),
    (
        "The law, passed in 2015, bans the sale of the drug to minors.",
        "The law, passed in 2016, bans the sale of the drug to minors.",
        {("date", "2015", "2016")},
    ),
    # names
    (
        "Interior Minister Peter Varga said the border would stay open.",
        "Interior Minister Peter Vargas said the border would stay open.",
        {("name", "Varga", "Vargas")},
    ),
    (
        "Floodwater reached the centre of Riverton on Sunday morning.",
        "Floodwater reached the centre of Harbour on Sunday morning.",
        {("name", "Riverton", "Harbour")},
    ),
    (
        "Varga told lawmakers the plan would be delayed.",
        "Vargas told lawmakers the plan would be delayed.",
        {("name", "Varga", "Vargas")},
    ),
    (
        "The convoy was attacked near Dalmora, the army said.",
        "The convoy was attacked near Velsk, the army said.",
        {("name", "Dalmora", "Velsk")},
    ),
    (
        "The report was published by the Northfield Institute last week.",
        "The report was published by the Northgate Institute last week.",
        {("name", "Northfield", "Northgate")},
    ),
    (
        "The statement was signed by Anna Kowal, the union's chairwoman.",
        "The statement was signed by the union's chairwoman.",
        {("name", "Anna Kowal", "")},
    ),
    (
        "A French aid worker was among the injured.",
        "A German aid worker was among the injured.",
        {("name", "French", "German")},
    ),
    (
        "Dr Helen Okafor led the team that traced the outbreak.",
        "Dr Helen Okafur led the team that traced the outbreak.",
        {("name", "Okafor", "Okafur")},
    ),
    (
        "The bill was drafted by Laura Finch and backed by Tom Reyes.",
        "The bill was drafted by Tom Reyes and backed by Laura Finch.",
        {("name", "Laura Finch", "Tom Reyes"), ("name", "Tom Reyes", "Laura Finch")},
    ),
    (
        "Министр Иван Петров заявил, что переговоры продолжатся.",
        "Министр Иван Петренко заявил, что переговоры продолжатся.",
        {("name", "Петров", "Петренко")},
    ),
    (
        "Shares of Brightwell Energy fell after the announcement.",
        "Shares of Brightwater Energy fell after the announcement.",
        {("name", "Brightwell", "Brightwater")},
    ),
    # quotes
    (
        '"We will not give up," the mayor said after the vote.',
        '"We will never give up," the mayor said after the vote.',
        {("quote", "We will not give up", "We will never give up")},
    ),
    (
        'The minister called the deal "a historic step" for the region.',
        'The minister called the deal "an important step" for the region.',
        {("quote", "a historic step", "an important step")},
    ),
    (
        "Le ministre a parlé d'une « catastrophe » pour la région.",
        "Le ministre a parlé d'une « tragédie » pour la région.",
        {("quote", "catastrophe", "tragédie")},
    ),
    (
        "She said the results were “poor” and promised changes.",
        "She said the results were “disappointing” and promised changes.",
        {("quote", "poor", "disappointing")},
    ),
    (
        "Der Sprecher nannte die Lage „sehr ernst“ und bat um Geduld.",
        "Der Sprecher nannte die Lage „ernst“ und bat um Geduld.",
        {("quote", "sehr ernst", "ernst")},
    ),
    (
        "Officials described the damage as 'extensive' in a brief statement.",
        "Officials described the damage as 'limited' in a brief statement.",
        {("quote", "extensive", "limited")},
    ),
    (
        '"The situation is under control," the governor told reporters.',
        '"The situation is fully under control," the governor told reporters.',
        {("quote", "The situation is under control", "The situation is fully under control")},
    ),
    # negation
    (
        "The group did not immediately claim responsibility for the attack on the convoy.",
        "The group has claimed responsibility for the attack on the convoy.",
        {("negation", "not", "")},
    ),
    (
        "The company said it wouldn't comment on the talks.",
        "The company said it would comment on the talks.",
        {("negation", "wouldn't", "")},
    ),
    (
        "Officials said the water was safe to drink.",
        "Officials said the water was not safe to drink.",
        {("negation", "", "not")},
    ),
    (
        "Injuries were reported at the scene.",
        "No injuries were reported at the scene.",
        {("negation", "", "No")},
    ),
    (
        "The mine had never flooded before, the owners said.",
        "The mine had flooded before, the owners said.",
        {("negation", "never", "")},
    ),
    (
        "The treaty was signed with the approval of parliament.",
        "The treaty was signed without the approval of parliament.",
        {("negation", "", "without")},
    ),
    (
        "Le gouvernement n'a pas confirmé le bilan.",
        "Le gouvernement a confirmé le bilan.",
        {("negation", "n'a pas", "")},
    ),
    (
        "Die Polizei hat die Zahl der Verletzten nicht bestätigt.",
        "Die Polizei hat die Zahl der Verletzten bestätigt.",
        {("negation", "nicht", "")},
    ),
    (
        "El ministro no descartó nuevas sanciones contra la empresa.",
        "El ministro descartó nuevas sanciones contra la empresa.",
        {("negation", "no", "")},
    ),
    (
        "Министр не подтвердил эти данные.",
        "Министр подтвердил эти данные.",
        {("negation", "не", "")},
    ),
    (
        "सरकार ने कहा कि पुल बंद नहीं होगा।",
        "सरकार ने कहा कि पुल बंद होगा।",
        {("negation", "नहीं", "")},
    ),
    (
        "قال المتحدث إن الحكومة لم توافق على الخطة.",
        "قال المتحدث إن الحكومة وافقت على الخطة.",
        {("negation", "لم", "")},
    ),
    (
        "وزیر نے کہا کہ مذاکرات ملتوی نہیں ہوں گے۔",
        "وزیر نے کہا کہ مذاکرات ملتوی ہوں گے۔",
        {("negation", "نہیں", "")},
    ),
    # two types in one pair
    (
        "Police said 12,000 residents were evacuated on Tuesday.",
        "Police said 15,000 residents were evacuated on Monday.",
        {("number", "12,000", "15,000"), ("date", "Tuesday", "Monday")},
    ),
    (
        "Mayor Ilse Varga said 300 homes were damaged by the flood.",
        "Mayor Ilse Vargas said 350 homes were damaged by the flood.",
        {("name", "Varga", "Vargas"), ("number", "300", "350")},
    ),
    (
        "The summit in Lisbon will open on March 4.",
        "The summit in Porto will open on March 5.",
        {("name", "Lisbon", "Porto"), ("date", "March 4", "March 5")},
    ),
    (
        "Officials said the 30 families would not be allowed to return before Friday.",
        "Officials said the 40 families would be allowed to return before Friday.",
        {("number", "30", "40"), ("negation", "not", "")},
    ),
    (
        'The general said on Monday that the offensive was "going to plan".',
        'The general said on Sunday that the offensive was "going well".',
        {("date", "Monday", "Sunday"), ("quote", "going to plan", "going well")},
    ),
    # other scripts: digits, dates
    (
        "По данным спасателей, эвакуированы 1 200 человек.",
        "По данным спасателей, эвакуированы 1 500 человек.",
        {("number", "1 200", "1 500")},
    ),
    (
        "Заседание суда состоится во вторник.",
        "Заседание суда состоится в среду.",
        {("date", "вторник", "среду")},
    ),
    (
        "Завод закрыт с 2019 года, сообщил профсоюз.",
        "Завод закрыт с 2021 года, сообщил профсоюз.",
        {("date", "2019", "2021")},
    ),
    (
        "बाढ़ में १२ लोगों की मौत हो गई।",
        "बाढ़ में १५ लोगों की मौत हो गई।",
        {("number", "१२", "१५")},
    ),
    (
        "पुलिस ने सोमवार को ४० लोगों को गिरफ्तार किया।",
        "पुलिस ने मंगलवार को ४० लोगों को गिरफ्तार किया।",
        {("date", "सोमवार", "मंगलवार")},
    ),
    (
        "قتل ٣٥ شخصا في الهجوم يوم الثلاثاء.",
        "قتل ٤٠ شخصا في الهجوم يوم الأربعاء.",
        {("number", "٣٥", "٤٠"), ("date", "الثلاثاء", "الأربعاء")},
    ),
    (
        "قالت الوزارة إن ١٢ جنديا أصيبوا في الانفجار.",
        "قالت الوزارة إن ١٥ جنديا أصيبوا في الانفجار.",
        {("number", "١٢", "١٥")},
    ),
    (
        "پولیس کے مطابق دھماکے میں ۱۲ افراد زخمی ہوئے۔",
        "پولیس کے مطابق دھماکے میں ۱۸ افراد زخمی ہوئے۔",
        {("number", "۱۲", "۱۸")},
    ),
    (
        "Министр не исключил, что 300 военных останутся на базе.",
        "Министр исключил, что 500 военных останутся на базе.",
        {("negation", "не", ""), ("number", "300", "500")},
    ),
    # style only: nothing a fact-checker needs to see
    (
        "The region has 12,000 registered voters.",
        "The region has 12000 registered voters.",
        set(),
    ),
    ("Authorities said the road was closed.", "The road was closed, authorities said.", set()),
    (
        "The minister said the talks had stalled.",
        "The minister told reporters the talks had stalled.",
        set(),
    ),
    (
        "The convoy crossed the border and headed north.",
        "The convoy crossed the border and then headed north.",
        set(),
    ),
    (
        "The blaze destroyed several buildings in the old town.",
        "The fire destroyed several buildings in the old town.",
        set(),
    ),
    (
        "Officials said the bridge would reopen next week.",
        "Authorities said the bridge would reopen next week.",
        set(),
    ),
    ("Two people were detained, police said.", "2 people were detained, police said.", set()),
    (
        "The hearing was set for June 3 by the judge.",
        "The hearing was set for 3 June by the judge.",
        set(),
    ),
    (
        '"We are ready," the coach said.',
        "« We are ready », the coach said.",
        set(),
    ),
    (
        "The company did not respond to a request for comment.",
        "The company didn't respond to a request for comment.",
        set(),
    ),
    ("No one was hurt in the blast.", "Nobody was hurt in the blast.", set()),
    (
        "Speaking in Riverton on Sunday, Varga said the plan was final.",
        "Varga said on Sunday in Riverton that the plan was final.",
        set(),
    ),
    ("Prices rose 5 percent over the year.", "Prices rose 5% over the year.", set()),
    (
        "President Elena Morales will travel to the summit.",
        "Morales will travel to the summit.",
        set(),
    ),
    (
        "The plant will close in March, the company said on Tuesday.",
        "The company said on Tuesday the plant will close in March.",
        set(),
    ),
    (
        "The organisation said the programme would continue.",
        "The organization said the program would continue.",
        set(),
    ),
    (
        "Firefighters brought the blaze under control after six hours.",
        "Crews brought the blaze under control after six hours.",
        set(),
    ),
    (
        "The fund raised $1.5 million for the victims.",
        "The fund raised $1,500,000 for the victims.",
        set(),
    ),
    ("The trail is 3 km long.", "The trail is 3 kilometres long.", set()),
    (
        "Президент заявил, что переговоры продолжатся.",
        "Президент сказал, что переговоры продолжатся.",
        set(),
    ),
    (
        "قتل ٣٥ شخصا في الهجوم.",
        "قتل 35 شخصا في الهجوم.",
        set(),
    ),
    ("बाढ़ में १२ लोगों की मौत हो गई।", "बाढ़ में 12 लोगों की मौत हो गई।", set()),
    (
        "However, the ministry said the figures were provisional.",
        "The ministry said, however, that the figures were provisional.",
        set(),
    ),
    (
        "In a statement, the agency said it had suspended the flights.",
        "The agency said in a statement it had suspended the flights.",
        set(),
    ),
    # A second batch, written before it was ever run (the first batch had been tuned on):
    # 25 of its 31 pairs were right on the first run; the rules were then tuned on it too.
    (
        "The death toll rose to 41 on Wednesday, health officials said.",
        "Health officials said on Wednesday the death toll had risen to 44.",
        {("number", "41", "44")},
    ),
    (
        "Temperatures could reach 45C in parts of the south this weekend.",
        "Temperatures could reach 47C in parts of the south this weekend.",
        {("number", "45C", "47C")},
    ),
    (
        "The central bank raised rates by half a percentage point.",
        "The central bank raised rates by a quarter of a percentage point.",
        {("number", "half", "quarter")},
    ),
    (
        "Fewer than 100 people attended the rally in the square.",
        "More than 100 people attended the rally in the square.",
        {("number", "Fewer than 100", "More than 100")},
    ),
    (
        "Schools will reopen on 12 September, the ministry said.",
        "Schools will reopen on September 21, the ministry said.",
        {("date", "12 September", "September 21")},
    ),
    (
        "The talks, held in Geneva, ended without an agreement.",
        "The talks, held in Vienna, ended without an agreement.",
        {("name", "Geneva", "Vienna")},
    ),
    (
        "Mr Adeyemi, 52, was arrested at the airport.",
        "Mr Adeyemi, 53, was arrested at the airport.",
        {("number", "52", "53")},
    ),
    (
        "The minister, who took office in 2021, declined to comment.",
        "The minister, who took office in 2020, declined to comment.",
        {("date", "2021", "2020")},
    ),
    (
        '"There is no evidence of foul play," the inspector said.',
        '"There is evidence of foul play," the inspector said.',
        {("negation", "no", "")},
    ),
    (
        "None of the passengers was injured in the crash.",
        "Several passengers were injured in the crash.",
        {("negation", "None", "")},
    ),
    (
        "The storm is expected to make landfall late on Thursday or early Friday.",
        "The storm is expected to make landfall on Friday.",
        {("date", "Thursday", "")},
    ),
    (
        "The ministry said the attack killed at least 12 civilians, including three children.",
        "The ministry said the attack killed at least 12 civilians, including four children.",
        {("number", "three", "four")},
    ),
    (
        "Ticket prices will rise from £40 to £45 in January.",
        "Ticket prices will rise from £40 to £54 in January.",
        {("number", "£45", "£54")},
    ),
    (
        "The motion passed by 52 votes to 48.",
        "The motion passed by 53 votes to 47.",
        {("number", "52", "53"), ("number", "48", "47")},
    ),
    (
        "Protesters gathered outside parliament on Saturday for a third day.",
        "Protesters gathered outside parliament on Saturday for a fourth day.",
        {("number", "third", "fourth")},
    ),
    (
        "Le président a annoncé mardi un plan de 2 milliards d'euros.",
        "Le président a annoncé mercredi un plan de 3 milliards d'euros.",
        {("date", "mardi", "mercredi"), ("number", "2 milliards d'euros", "3 milliards d'euros")},
    ),
    (
        "Der Minister sagte am Montag, die Gespräche seien gescheitert.",
        "Der Minister sagte am Dienstag, die Gespräche seien gescheitert.",
        {("date", "Montag", "Dienstag")},
    ),
    (
        "В городе нет электричества уже третьи сутки.",
        "В городе есть электричество уже третьи сутки.",
        {("negation", "нет", "")},
    ),
    (
        "قال الجيش إنه لن ينسحب من المدينة.",
        "قال الجيش إنه سينسحب من المدينة.",
        {("negation", "لن", "")},
    ),
    (
        "हमले में 25 लोग घायल हुए।",
        "हमले में 52 लोग घायल हुए।",
        {("number", "25", "52")},
    ),
    (
        'He described the verdict as "a travesty of justice".',
        'He described the verdict as "a travesty".',
        {("quote", "a travesty of justice", "a travesty")},
    ),
    (
        "The suspect has not been named by police.",
        "The suspect has been named by police as Jon Tarrant.",
        {("negation", "not", ""), ("name", "", "Jon Tarrant")},
    ),
    ("The UN said 1.2 million people had fled.", "The UN said 1.2m people had fled.", set()),
    (
        "Police in Riverton said they had arrested a 19-year-old man.",
        "Riverton police said they had arrested a 19-year-old man.",
        set(),
    ),
    (
        "The European Commission fined the company €1.2bn.",
        "The European Commission fined the company €1.2 billion.",
        set(),
    ),
    (
        "The prime minister flew to Brussels on Monday for talks.",
        "On Monday, the prime minister flew to Brussels for talks.",
        set(),
    ),
    (
        "The company employs about 5,000 people.",
        "The company employs around 5,000 people.",
        set(),
    ),
    (
        "The firm said in a statement that it regretted the error.",
        "The firm said it regretted the error.",
        set(),
    ),
    (
        "Rescue workers searched the rubble through the night.",
        "Rescuers searched the rubble through the night.",
        set(),
    ),
    ("Die Regierung hat den Plan gebilligt.", "Die Regierung billigte den Plan.", set()),
    (
        "Water levels were still rising on Sunday evening.",
        "Water levels were still rising on Sunday night.",
        set(),
    ),
    # edits that change meaning but none of the five types
    ("The harvest was poor this year.", "The harvest was excellent this year.", set()),
    (
        "Police arrested the suspect at his home.",
        "Police questioned the suspect at his home.",
        set(),
    ),
]

# A third batch, written blind like the second. First run: 31 of 35 pairs right, precision
# 0.900 and recall 1.000 over all types, 2 of 11 no-change pairs flagged ("27-member" /
# "27 members", "Russia's" / "Russian"). The rules were then tuned on it as well.
HELD_OUT: list[tuple[str, str, Expected]] = [
    (
        "Shares in the airline fell 7% on Thursday after it cut its forecast.",
        "Shares in the airline fell 9% on Thursday after it cut its forecast.",
        {("number", "7%", "9%")},
    ),
    (
        "The hospital said it had treated 23 people, five of them in a critical condition.",
        "The hospital said it had treated 23 people, six of them in a critical condition.",
        {("number", "five", "six")},
    ),
    (
        "An estimated 2,500 people attended the funeral in Kestrel Bay.",
        "An estimated 25,000 people attended the funeral in Kestrel Bay.",
        {("number", "2,500", "25,000")},
    ),
    (
        "The new law will take effect on January 1, 2026.",
        "The new law will take effect on January 1, 2027.",
        {("date", "January 1, 2026", "January 1, 2027")},
    ),
    (
        "Voting ended on Sunday evening and results are expected on Tuesday.",
        "Voting ended on Sunday evening and results are expected on Wednesday.",
        {("date", "Tuesday", "Wednesday")},
    ),
    (
        "The fire broke out shortly after 3 a.m. in a warehouse on Mill Road.",
        "The fire broke out shortly after 4 a.m. in a warehouse on Mill Lane.",
        {("number", "3 a.m.", "4 a.m."), ("name", "Road", "Lane")},
    ),
    (
        'Opposition leader Marta Kessler called the budget "a betrayal of working families".',
        'Opposition leader Marta Kessler called the budget "a betrayal of families".',
        {("quote", "a betrayal of working families", "a betrayal of families")},
    ),
    (
        "The embassy said it was not aware of any British nationals among the dead.",
        "The embassy said it was aware of two British nationals among the dead.",
        {("negation", "not", ""), ("number", "", "two")},
    ),
    (
        "The prosecutor said there was no evidence the documents had been altered.",
        "The prosecutor said there was evidence the documents had been altered.",
        {("negation", "no", "")},
    ),
    (
        "The ship docked at Port Elwin late on Friday.",
        "The ship docked at Port Edwin late on Friday.",
        {("name", "Elwin", "Edwin")},
    ),
    (
        "Officials in Marrow County ordered 3,400 residents to leave.",
        "Officials in Marlow County ordered 3,400 residents to leave.",
        {("name", "Marrow", "Marlow")},
    ),
    (
        "Chancellor Dieter Brandt met the delegation in Bonn.",
        "Chancellor Dieter Brandt met the delegation in Berlin.",
        {("name", "Bonn", "Berlin")},
    ),
    (
        "Ms Osei, who has led the charity since 2017, will step down in May.",
        "Ms Osei, who has led the charity since 2015, will step down in May.",
        {("date", "2017", "2015")},
    ),
    (
        "Officials said the blast was not caused by a gas leak.",
        "Officials said the blast was caused by a gas leak.",
        {("negation", "not", "")},
    ),
    (
        '"We have never seen anything like this," said the fire chief.',
        '"We have not seen anything like this," said the fire chief.',
        {("quote", "We have never seen anything like this", "We have not seen anything like this")},
    ),
    (
        "The government hopes to cut emissions by half by 2030.",
        "The government hopes to cut emissions by a third by 2030.",
        {("number", "half", "third")},
    ),
    (
        "Unemployment fell to 4.1 per cent in March.",
        "Unemployment fell to 4.1 per cent in May.",
        {("date", "March", "May")},
    ),
    (
        "The report was released by the Centre for Urban Studies on Monday.",
        "The report was released by the Centre for Rural Studies on Monday.",
        {("name", "Urban", "Rural")},
    ),
    (
        "The quake killed 14 people and injured 120, officials said.",
        "The quake killed 14 people, officials said.",
        {("number", "120", "")},
    ),
    (
        "Во вторник в Москве задержали 15 человек.",
        "В среду в Москве задержали 15 человек.",
        {("date", "вторник", "среду")},
    ),
    (
        "أعلنت الشرطة اعتقال ٧ أشخاص يوم الجمعة.",
        "أعلنت الشرطة اعتقال ٩ أشخاص يوم الجمعة.",
        {("number", "٧", "٩")},
    ),
    (
        "मंत्री ने कहा कि सरकार इस्तीफा नहीं देगी।",
        "मंत्री ने कहा कि सरकार इस्तीफा देगी।",
        {("negation", "नहीं", "")},
    ),
    (
        "El incendio obligó a evacuar a 300 vecinos el lunes.",
        "El incendio obligó a evacuar a 500 vecinos el martes.",
        {("number", "300", "500"), ("date", "lunes", "martes")},
    ),
    (
        "Le suspect ne s'est pas présenté au tribunal.",
        "Le suspect s'est présenté au tribunal.",
        {("negation", "ne pas", "")},
    ),
    # no fact changed
    (
        "Neither the club nor the player has commented on the report.",
        "The club and the player have not commented on the report.",
        set(),
    ),
    (
        "The company can't confirm how many customers were affected.",
        "The company cannot confirm how many customers were affected.",
        set(),
    ),
    (
        "The airline said about 40 flights were cancelled.",
        "The airline said about 40 flights were cancelled or delayed.",
        set(),
    ),
    (
        "The UN Security Council will meet on Friday to discuss the crisis.",
        "The UN Security Council is to meet on Friday to discuss the crisis.",
        set(),
    ),
    (
        "Heavy rain is forecast for the weekend, the weather service said.",
        "The weather service said heavy rain is forecast for the weekend.",
        set(),
    ),
    ("More than 200 people were evacuated.", "Over 200 people were evacuated.", set()),
    (
        "The talks will resume next week in Geneva.",
        "The talks will resume in Geneva next week.",
        set(),
    ),
    ("Police arrested two men and a woman.", "Two men and a woman were arrested by police.", set()),
    (
        "Protesters marched through central Lisbon on Saturday.",
        "On Saturday, protesters marched through central Lisbon.",
        set(),
    ),
    (
        "The 27-member bloc agreed on the package on Thursday.",
        "The bloc's 27 members agreed on the package on Thursday.",
        set(),
    ),
    (
        "Russia's foreign ministry said the claims were false.",
        "The Russian foreign ministry said the claims were false.",
        set(),
    ),
]

# Fresh: written after the rules were frozen, the honest measure. First run: 32 of 35 pairs
# right, precision 0.962, recall 0.926 over all types, 0 of 11 no-change pairs flagged. Two
# bugs it showed were fixed after (a Hindi vowel sign cut off the shown text, "Monday's" not
# read as a weekday); the Russian number word "двух" is still missed (English words only).
FRESH: list[tuple[str, str, Expected]] = [
    (
        "The airport handled 41.2 million passengers last year, up 6% on 2023.",
        "The airport handled 41.2 million passengers last year, up 8% on 2023.",
        {("number", "6%", "8%")},
    ),
    (
        "The minister said the rail link would open in 2028.",
        "The minister said the rail link would open in 2029.",
        {("date", "2028", "2029")},
    ),
    (
        "President Adil Marek will visit Sorrel City next month.",
        "President Adil Marek will visit Sorrel Bay next month.",
        {("name", "City", "Bay")},
    ),
    (
        "Investigators have not ruled out sabotage, the agency said.",
        "Investigators have ruled out sabotage, the agency said.",
        {("negation", "not", "")},
    ),
    (
        '"This is not the end," Kovacs told supporters.',
        '"This is the end," Kovacs told supporters.',
        {("negation", "not", "")},
    ),
    (
        "The river peaked at 6.8 metres on Saturday.",
        "The river peaked at 6.8 metres on Sunday.",
        {("date", "Saturday", "Sunday")},
    ),
    (
        "The council approved the plan by seven votes to two.",
        "The council approved the plan by seven votes to three.",
        {("number", "two", "three")},
    ),
    (
        "The outbreak has infected 312 people in three provinces.",
        "The outbreak has infected 312 people in four provinces.",
        {("number", "three", "four")},
    ),
    (
        "A spokesman for the Halden Group declined to comment.",
        "A spokesman for the company declined to comment.",
        {("name", "Halden Group", "")},
    ),
    (
        "The central bank left its key rate unchanged at 4.25%.",
        "The central bank left its key rate unchanged at 4.5%.",
        {("number", "4.25%", "4.5%")},
    ),
    (
        "Yesterday's attack was the deadliest since 2014.",
        "Monday's attack was the deadliest since 2014.",
        {("date", "Yesterday's", "Monday's")},
    ),
    (
        "The bank said it had not received any ransom demand.",
        "The bank said it had received a ransom demand.",
        {("negation", "not", "")},
    ),
    (
        "Police said the driver, a 45-year-old man from Wexley, had been arrested.",
        "Police said the driver, a 54-year-old man from Wexley, had been arrested.",
        {("number", "45-year-old", "54-year-old")},
    ),
    (
        'Prime Minister Hanna Lind called the result "a clear mandate".',
        'Prime Minister Hanna Lind called the result "a mandate".',
        {("quote", "a clear mandate", "a mandate")},
    ),
    (
        "The shares closed 2.5 per cent higher at €14.20.",
        "The shares closed 2.5 per cent higher at €14.02.",
        {("number", "€14.20", "€14.02")},
    ),
    (
        "Пожар начался в 14:30 по местному времени.",
        "Пожар начался в 15:30 по местному времени.",
        {("number", "14:30", "15:30")},
    ),
    (
        "Власти не сообщили о пострадавших.",
        "Власти сообщили о двух пострадавших.",
        {("negation", "не", ""), ("number", "", "двух")},
    ),
    (
        "أكدت الوزارة أن الانتخابات ستجري في مارس.",
        "أكدت الوزارة أن الانتخابات ستجري في أبريل.",
        {("date", "مارس", "أبريل")},
    ),
    (
        "प्रधानमंत्री ने शुक्रवार को ५०० करोड़ रुपये की योजना की घोषणा की।",
        "प्रधानमंत्री ने शुक्रवार को ६०० करोड़ रुपये की योजना की घोषणा की।",
        {("number", "५०० करोड़ रुपये", "६०० करोड़ रुपये")},
    ),
    (
        "La policía detuvo a 12 personas el sábado en Valmora.",
        "La policía detuvo a 21 personas el sábado en Valmora.",
        {("number", "12", "21")},
    ),
    (
        "Die Regierung will bis 2030 keine neuen Kohlekraftwerke genehmigen.",
        "Die Regierung will bis 2030 neue Kohlekraftwerke genehmigen.",
        {("negation", "keine", "")},
    ),
    (
        "On Friday the Senate voted 61-39 to approve the bill.",
        "On Thursday the Senate voted 62-38 to approve the bill.",
        {("date", "Friday", "Thursday"), ("number", "61-39", "62-38")},
    ),
    (
        "Coach Ivo Brandl named 23 players for the qualifier in Tessin.",
        "Coach Ivo Brandt named 26 players for the qualifier in Tessin.",
        {("name", "Brandl", "Brandt"), ("number", "23", "26")},
    ),
    (
        "The ferry was carrying 212 passengers and 14 crew when it sank.",
        "The ferry was carrying 212 passengers when it sank.",
        {("number", "14", "")},
    ),
    # no fact changed
    (
        "Around 150 firefighters were battling the blaze on Wednesday night.",
        "Some 150 firefighters were battling the blaze on Wednesday night.",
        set(),
    ),
    (
        "Rescuers found the climbers alive after four days.",
        "Rescuers found the climbers dead after four days.",
        set(),
    ),
    (
        "The storm dumped 30 cm of snow on the capital.",
        "The storm dumped 30 centimetres of snow on the capital.",
        set(),
    ),
    (
        "Authorities in Dunmore said three people had died.",
        "Authorities in Dunmore said three people had been killed.",
        set(),
    ),
    (
        "The talks in Oslo ended without a deal on Friday.",
        "The talks in Oslo ended on Friday without a deal.",
        set(),
    ),
    (
        "The company, based in Leeford, employs 900 people.",
        "The Leeford-based company employs 900 people.",
        set(),
    ),
    ("Police are appealing for witnesses.", "Officers are appealing for witnesses.", set()),
    (
        "The minister will travel to Kersey on Monday, her office said.",
        "Her office said the minister will travel to Kersey on Monday.",
        set(),
    ),
    (
        "The bridge, which opened in 1998, carries 40,000 vehicles a day.",
        "The bridge carries 40,000 vehicles a day and opened in 1998.",
        set(),
    ),
    (
        'Scientists said the findings were "deeply worrying".',
        "Scientists said the findings were “deeply worrying”.",
        set(),
    ),
    (
        "It is the third time this year the plant has been shut.",
        "It is the third time the plant has been shut this year.",
        set(),
    ),
]
