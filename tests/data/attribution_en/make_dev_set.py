# Writes tests/data/attribution_en/dev.jsonl from the hand-written articles below
# (python3 make_dev_set.py dev.jsonl). See README.md for provenance.
import json, sys

ARTICLES = []
def art(aid, text, statements):
    ARTICLES.append((aid, text, statements))

art("en-001",
"About 8,000 North Korean soldiers are now in Russia's Kursk region and are expected to join the fight against Ukraine in the coming days, U.S. Secretary of State Antony Blinken said on Thursday.\n\n"
"Blinken told reporters at the State Department that Washington had not yet seen the troops enter combat.\n\n"
"Kremlin spokesman Dmitry Peskov said Moscow would not comment on the reports. \"This is a matter for the defence ministry,\" Peskov said.",
[("About 8,000 North Korean soldiers are now in Russia's Kursk region and are expected to join the fight against Ukraine in the coming days", "Antony Blinken"),
 ("Washington had not yet seen the troops enter combat", "Antony Blinken"),
 ("Moscow would not comment on the reports", "Dmitry Peskov"),
 ("This is a matter for the defence ministry,", "Dmitry Peskov")])

art("en-002",
"Floodwaters forced some 12,000 people from their homes in the northern province, the regional governor, Maria Santos, said on Monday.\n\n"
"\"We have never seen the river rise this fast,\" Santos told a news conference in the provincial capital. \"Entire villages are cut off.\"\n\n"
"According to the national weather agency, up to 200 millimetres of rain could fall before Wednesday. The Red Cross said it had sent 40 tonnes of food and medicine to the area.",
[("Floodwaters forced some 12,000 people from their homes in the northern province", "Maria Santos"),
 ("We have never seen the river rise this fast,", "Maria Santos"),
 ("Entire villages are cut off.", "Maria Santos"),
 ("up to 200 millimetres of rain could fall before Wednesday", "national weather agency"),
 ("it had sent 40 tonnes of food and medicine to the area", "Red Cross")])

art("en-003",
"The central bank left its benchmark interest rate unchanged at 5.25 percent, citing slowing inflation.\n\n"
"\"Price pressures are easing, but we are not yet where we need to be,\" Governor Thomas Keller said in a statement.\n\n"
"Economists polled by the newspaper had expected the decision. Inflation will probably fall below 3 percent next year, said Anna Lindqvist, chief economist at Nordic Bank.\n\n"
"Keller told lawmakers last month that the bank would act if wages kept rising.",
[("Price pressures are easing, but we are not yet where we need to be,", "Thomas Keller"),
 ("Inflation will probably fall below 3 percent next year", "Anna Lindqvist"),
 ("the bank would act if wages kept rising", "Thomas Keller")])

art("en-004",
"Police said at least 14 people were killed when a bus plunged into a ravine on Saturday night.\n\n"
"The driver had lost control on a sharp bend, district police chief Rajesh Kumar told reporters. He said 22 passengers had been taken to hospital.\n\n"
"\"The road is narrow and there is no barrier,\" said Sunita Devi, who lives nearby.",
[("at least 14 people were killed when a bus plunged into a ravine on Saturday night", "Police"),
 ("The driver had lost control on a sharp bend", "Rajesh Kumar"),
 ("22 passengers had been taken to hospital", "Rajesh Kumar"),
 ("The road is narrow and there is no barrier,", "Sunita Devi")])

art("en-005",
"Ukrainian President Volodymyr Zelenskiy said in a statement that some 11,000 North Korean troops had reached the Kursk region.\n\n"
"South Korea's spy agency said as many as 3,000 more could be sent by December. Pyongyang has denied sending troops.\n\n"
"\"We see no evidence of withdrawal,\" NATO Secretary General Mark Rutte told reporters in Brussels.",
[("some 11,000 North Korean troops had reached the Kursk region", "Volodymyr Zelenskiy"),
 ("as many as 3,000 more could be sent by December", "South Korea"),
 ("We see no evidence of withdrawal,", "Mark Rutte")])

art("en-006",
"The company will cut 1,200 jobs over the next two years as it closes three factories, chief executive Laura Chen said on Wednesday.\n\n"
"\"These are difficult decisions, and they affect people who have worked with us for decades,\" Chen said. \"We will support every one of them.\"\n\n"
"The union called the plan a betrayal. Its president, Mark Hollis, said workers would vote on a strike next week.",
[("The company will cut 1,200 jobs over the next two years as it closes three factories", "Laura Chen"),
 ("These are difficult decisions, and they affect people who have worked with us for decades,", "Laura Chen"),
 ("We will support every one of them.", "Laura Chen"),
 ("workers would vote on a strike next week", "Mark Hollis")])

art("en-007",
"The World Health Organization said the outbreak had spread to four more countries, bringing the total to 15.\n\n"
"According to WHO figures, between 2,000 and 2,500 cases have been confirmed since January. Most patients recover within two weeks, said Dr. Amina Yusuf, who leads the agency's response team.\n\n"
"\"The risk to the general public remains low,\" she said.",
[("the outbreak had spread to four more countries, bringing the total to 15", "World Health Organization"),
 ("between 2,000 and 2,500 cases have been confirmed since January", "World Health Organization"),
 ("Most patients recover within two weeks", "Amina Yusuf"),
 ("The risk to the general public remains low,", "Amina Yusuf")])

art("en-008",
"Prime Minister Elena Moreau said on Tuesday that the government would raise the minimum wage by 6 percent from January.\n\n"
"Opposition leader Paul Girard said the rise was too small. \"Families cannot live on promises,\" Girard told supporters at a rally in Lyon.\n\n"
"The finance ministry estimated the measure would cost 2.4 billion euros a year.",
[("the government would raise the minimum wage by 6 percent from January", "Elena Moreau"),
 ("the rise was too small", "Paul Girard"),
 ("Families cannot live on promises,", "Paul Girard"),
 ("the measure would cost 2.4 billion euros a year", "finance ministry")])

art("en-009",
"Rescue teams pulled three survivors from the rubble overnight, the fire service said.\n\n"
"\"We are still hearing voices under the collapsed floors,\" said fire chief Daniel Okafor. \"We will not stop.\n\n"
"\"Every hour counts now,\" he added.\n\n"
"Okafor said about 30 people were still missing.",
[("Rescue teams pulled three survivors from the rubble overnight", "fire service"),
 ("We are still hearing voices under the collapsed floors,", "Daniel Okafor"),
 ("We will not stop.", "Daniel Okafor"),
 ("Every hour counts now,", "Daniel Okafor"),
 ("about 30 people were still missing", "Daniel Okafor")])

art("en-010",
"Israel's military said it had struck dozens of targets overnight. A spokesman, Lieutenant Colonel David Avraham, said the strikes targeted weapons depots.\n\n"
"Hamas said at least 20 civilians had been killed. The figures could not be independently verified.\n\n"
"UN Secretary-General Antonio Guterres told the Security Council that the violence must stop.",
[("it had struck dozens of targets overnight", "Israel"),
 ("the strikes targeted weapons depots", "David Avraham"),
 ("at least 20 civilians had been killed", "Hamas"),
 ("the violence must stop", "Antonio Guterres")])

art("en-011",
"Tesla shares fell 8 percent after the carmaker reported lower deliveries for the third quarter.\n\n"
"\"Demand is clearly softening,\" said Karen Wu, an analyst at Morgan Stanley. She said the company could deliver 1.7 million to 1.8 million vehicles this year.\n\n"
"Tesla said in a statement that production would recover once a new plant opened.",
[("Demand is clearly softening,", "Karen Wu"),
 ("the company could deliver 1.7 million to 1.8 million vehicles this year", "Karen Wu"),
 ("production would recover once a new plant opened", "Tesla")])

art("en-012",
"The ceasefire will take effect at midnight, Egyptian Foreign Minister Sameh Shoukry announced after talks in Cairo.\n\n"
"\"Both sides have given their word,\" Shoukry said. \"Now they must keep it.\"\n\n"
"A U.S. official, speaking on condition of anonymity, said Washington had pressed for the deal for weeks.",
[("The ceasefire will take effect at midnight", "Sameh Shoukry"),
 ("Both sides have given their word,", "Sameh Shoukry"),
 ("Now they must keep it.", "Sameh Shoukry"),
 ("Washington had pressed for the deal for weeks", "")])

art("en-013",
"Scientists have found the oldest known cave painting, a 51,000-year-old image of a pig, on the island of Sulawesi, a study published on Wednesday said.\n\n"
"\"This changes what we thought we knew about early art,\" said Maxime Aubert, an archaeologist at Griffith University who co-led the study.\n\n"
"According to Aubert, the painting is at least 5,000 years older than the previous record.",
[("Scientists have found the oldest known cave painting, a 51,000-year-old image of a pig, on the island of Sulawesi", "study"),
 ("This changes what we thought we knew about early art,", "Maxime Aubert"),
 ("the painting is at least 5,000 years older than the previous record", "Maxime Aubert")])

art("en-014",
"Germany will send 10 more air-defence systems to Ukraine this year, Defence Minister Boris Pistorius said during a visit to Kyiv.\n\n"
"Pistorius told German broadcaster ZDF that the systems would arrive before winter. \"We know what is at stake,\" he said.\n\n"
"Russia's foreign ministry said the deliveries would prolong the war.",
[("Germany will send 10 more air-defence systems to Ukraine this year", "Boris Pistorius"),
 ("the systems would arrive before winter", "Boris Pistorius"),
 ("We know what is at stake,", "Boris Pistorius"),
 ("the deliveries would prolong the war", "Russia")])

def find(text, content):
    i = text.find(content)
    if i < 0 or text.find(content, i + 1) >= 0:
        sys.exit("content not found once: " + content)
    return i

n = 0
with open(sys.argv[1], "w") as out:
    for aid, text, statements in ARTICLES:
        rows = []
        for content, speaker in statements:
            b = find(text, content)
            rows.append({"content": content, "speaker": speaker})
            n += 1
        out.write(json.dumps({"id": aid, "language": "en", "text": text, "statements": rows},
                             ensure_ascii=False) + "\n")
print(n, "statements")
