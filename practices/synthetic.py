"""Plausible practice texts in five languages, for a synthetic catalogue (generate_practices).

Every phrase is a tuple of its Dutch, French, German, English and Swedish versions, so one
set of random choices gives a practice and its translations. The words are the domain's
own ("gemeente", "medewerkers", "onthaal", "laaggeletterdheid", ...), so stemming and
ranking work on them as on real practices.

Two words exist for benchmarks (bench/run.py searches for them):

- COMMON: the word for "municipality" ("gemeente", "commune", "Gemeinde", "municipality",
  "kommunen") opens the summary of COMMON_SHARE (90%) of the practices and appears nowhere
  else; the others open with "de stad", "la ville", ...
- RARE: "braille" ("Brailleschrift" in German, "punktskrift" in Swedish) is in the "what"
  text of one practice in RARE_EVERY (1,000): those whose number ends in 500.
"""

import random

LANGS = ("nl", "fr", "de", "en", "sv")
COMMON = dict(zip(LANGS, ("gemeente", "commune", "Gemeinde", "municipality", "kommunen")))
RARE = dict(zip(LANGS, ("braille", "braille", "Brailleschrift", "braille", "punktskrift")))
COMMON_SHARE = 0.9
RARE_EVERY = 1000

MUNICIPALITY = ("de gemeente", "la commune", "die Gemeinde", "the municipality", "kommunen")
CITY = ("de stad", "la ville", "die Stadt", "the city", "staden")

GROUPS = [
    ("de medewerkers", "le personnel", "die Mitarbeitenden", "the staff", "medarbetarna"),
    ("de leidinggevenden", "les responsables", "die Führungskräfte", "managers", "cheferna"),
    (
        "de loketmedewerkers",
        "les agents d'accueil",
        "die Beschäftigten am Schalter",
        "front-office staff",
        "receptionspersonalen",
    ),
    ("de inwoners", "les habitants", "die Einwohnerinnen und Einwohner", "residents", "invånarna"),
    ("nieuwkomers", "les primo-arrivants", "Neuzugewanderte", "newcomers", "nyanlända"),
    ("jongeren", "les jeunes", "Jugendliche", "young people", "ungdomar"),
    ("ouderen", "les personnes âgées", "ältere Menschen", "older people", "äldre"),
    (
        "mensen met een beperking",
        "les personnes handicapées",
        "Menschen mit Behinderung",
        "people with disabilities",
        "personer med funktionsnedsättning",
    ),
    ("sollicitanten", "les candidats", "Bewerberinnen und Bewerber", "job applicants", "sökande"),
    ("vrijwilligers", "les bénévoles", "Ehrenamtliche", "volunteers", "volontärer"),
    ("politieagenten", "les policiers", "Polizeikräfte", "police officers", "poliser"),
    ("de verkozenen", "les élus", "die Ratsmitglieder", "elected officials", "de förtroendevalda"),
    ("ouders", "les parents", "Eltern", "parents", "föräldrar"),
    ("werkzoekenden", "les demandeurs d'emploi", "Arbeitsuchende", "jobseekers", "arbetssökande"),
]

TOPICS = [
    ("diversiteit", "la diversité", "Vielfalt", "diversity", "mångfald"),
    (
        "laaggeletterdheid",
        "l'illettrisme",
        "geringe Literalität",
        "low literacy",
        "läs- och skrivsvårigheter",
    ),
    ("gelijke kansen", "l'égalité des chances", "Chancengleichheit", "equal opportunities", "lika möjligheter"),  # noqa: E501
    ("duidelijke taal", "le langage clair", "einfache Sprache", "plain language", "klarspråk"),
    ("toegankelijkheid", "l'accessibilité", "Barrierefreiheit", "accessibility", "tillgänglighet"),
    ("armoede", "la pauvreté", "Armut", "poverty", "fattigdom"),
    ("discriminatie", "la discrimination", "Diskriminierung", "discrimination", "diskriminering"),
    ("racisme", "le racisme", "Rassismus", "racism", "rasism"),
    ("polarisering", "la polarisation", "Polarisierung", "polarisation", "polarisering"),
    ("onthaal", "l'accueil", "Empfang", "welcoming residents", "bemötande"),
    ("werving en selectie", "le recrutement", "Personalauswahl", "recruitment", "rekrytering"),
    ("taalbeleid", "la politique linguistique", "Sprachpolitik", "language policy", "språkpolicy"),
    ("inclusie", "l'inclusion", "Inklusion", "inclusion", "inkludering"),
    ("gendergelijkheid", "l'égalité des genres", "Gleichstellung", "gender equality", "jämställdhet"),
    ("leeftijd", "l'âge", "Alter", "age", "ålder"),
    ("eenzaamheid", "la solitude", "Einsamkeit", "loneliness", "ensamhet"),
    ("digitale kloof", "la fracture numérique", "digitale Kluft", "the digital divide", "digitalt utanförskap"),  # noqa: E501
]

# German forms are feminine or neuter, so they read right as subject and as object.
ACTIONS = [
    ("een opleiding", "une formation", "eine Schulung", "a training course", "en utbildning"),
    ("een vormingsreeks", "un cycle d'ateliers", "eine Workshopreihe", "a series of workshops", "en workshopserie"),  # noqa: E501
    ("een werkgroep", "un groupe de travail", "eine Arbeitsgruppe", "a working group", "en arbetsgrupp"),  # noqa: E501
    ("een actieplan", "un plan d'action", "ein Maßnahmenpaket", "an action plan", "en handlingsplan"),  # noqa: E501
    ("een meldpunt", "un point de signalement", "eine Meldestelle", "a reporting point", "en anmälningsfunktion"),  # noqa: E501
    ("een mentorproject", "un projet de mentorat", "ein Mentoringprojekt", "a mentoring project", "ett mentorsprojekt"),  # noqa: E501
    ("een taalcafé", "un café linguistique", "ein Sprachcafé", "a language café", "ett språkcafé"),
    ("een campagne", "une campagne", "eine Kampagne", "a campaign", "en kampanj"),
    ("een netwerk", "un réseau", "ein Netzwerk", "a network", "ett nätverk"),
    ("een checklist", "une liste de contrôle", "eine Checkliste", "a checklist", "en checklista"),
    ("een buddysysteem", "un système de parrainage", "ein Patensystem", "a buddy system", "ett faddersystem"),  # noqa: E501
    ("een inloopspreekuur", "une permanence", "eine offene Sprechstunde", "a drop-in hour", "en öppen mottagning"),  # noqa: E501
    ("een onthaaldag", "une journée d'accueil", "ein Willkommenstag", "a welcome day", "en välkomstdag"),  # noqa: E501
    ("een stageprogramma", "un programme de stages", "ein Praktikumsprogramm", "an internship programme", "ett praktikprogram"),  # noqa: E501
]

PLACES = [
    ("", "", "", "", ""),
    (" in de bibliotheek", " à la bibliothèque", " in der Bibliothek", " in the library", " på biblioteket"),  # noqa: E501
    (" aan het loket", " au guichet", " am Schalter", " at the counter", " i receptionen"),
    (" in de wijken", " dans les quartiers", " in den Stadtteilen", " in the neighbourhoods", " i bostadsområdena"),  # noqa: E501
    (" op de werkvloer", " sur le lieu de travail", " am Arbeitsplatz", " in the workplace", " på arbetsplatsen"),  # noqa: E501
]

TITLES = [
    ("{A} rond {t} voor {g}{p}", "{A} autour de {t} pour {g}{p}", "{A} zum Thema {t} für {g}{p}", "{A} on {t} for {g}{p}", "{A} om {t} för {g}{p}"),  # noqa: E501
    ("Samen met {g} werken aan {t}{p}", "Travailler sur {t} avec {g}{p}", "Gemeinsam mit {g} an {t} arbeiten", "Working on {t} together with {g}{p}", "Att arbeta med {t} tillsammans med {g}{p}"),  # noqa: E501
    ("Meer aandacht voor {t} bij {g}{p}", "Plus d'attention pour {t} chez {g}{p}", "Mehr Aufmerksamkeit für {t} bei {g}{p}", "More attention to {t} among {g}{p}", "Mer fokus på {t} bland {g}{p}"),  # noqa: E501
]

OPENING = ("{o} startte {a} rond {t} voor {g}.", "{o} a lancé {a} autour de {t} pour {g}.", "{o} hat {a} zum Thema {t} für {g} gestartet.", "{o} started {a} on {t} for {g}.", "{o} startade {a} om {t} för {g}.")  # noqa: E501

STORY = [
    ("Het doel is dat {g} zich welkom voelen.", "L'objectif est que {g} se sentent les bienvenus.", "Ziel ist, dass sich {g} willkommen fühlen.", "The aim is that {g} feel welcome.", "Målet är att {g} ska känna sig välkomna."),  # noqa: E501
    ("{g} en {h} volgden samen {n} sessies.", "{g} et {h} ont suivi ensemble {n} séances.", "{g} und {h} haben gemeinsam {n} Sitzungen besucht.", "{g} and {h} took part in {n} sessions together.", "{g} och {h} deltog tillsammans i {n} träffar."),  # noqa: E501
    ("Zo werkt de organisatie aan {t} en {u}.", "Ainsi, l'administration travaille sur {t} et {u}.", "So arbeitet die Verwaltung an {t} und {u}.", "In this way the organisation works on {t} and {u}.", "På så sätt arbetar organisationen med {t} och {u}."),  # noqa: E501
    ("Medewerkers van verschillende diensten namen deel.", "Des membres du personnel de plusieurs services ont participé.", "Mitarbeitende aus mehreren Dienststellen haben teilgenommen.", "Staff from several services took part.", "Medarbetare från flera förvaltningar deltog."),  # noqa: E501
    ("Een stuurgroep volgt de aanpak elk jaar op.", "Un groupe de pilotage suit la démarche chaque année.", "Eine Lenkungsgruppe begleitet das Vorgehen jedes Jahr.", "A steering group follows up the approach every year.", "En styrgrupp följer upp arbetet varje år."),  # noqa: E501
    ("Andere besturen kunnen de aanpak eenvoudig overnemen.", "D'autres administrations peuvent facilement reprendre la démarche.", "Andere Verwaltungen können das Vorgehen leicht übernehmen.", "Other local authorities can easily adopt the approach.", "Andra förvaltningar kan lätt ta efter arbetssättet."),  # noqa: E501
    ("{g} kregen een stem in de uitwerking.", "{g} ont eu leur mot à dire dans la mise en œuvre.", "{g} konnten bei der Umsetzung mitreden.", "{g} had a say in how it was carried out.", "{g} fick vara med och påverka genomförandet."),  # noqa: E501
    ("Informatie over {t} is nu beter te vinden aan het loket en online.", "Les informations sur {t} sont plus faciles à trouver au guichet et en ligne.", "Informationen zu {t} sind am Schalter und online leichter zu finden.", "Information on {t} is now easier to find at the counter and online.", "Information om {t} är nu lättare att hitta i receptionen och på webben."),  # noqa: E501
    ("Een externe partner begeleidde het traject.", "Un partenaire externe a accompagné le projet.", "Ein externer Partner hat den Prozess begleitet.", "An external partner guided the process.", "En extern partner stöttade processen."),  # noqa: E501
    ("De personeelsdienst en de communicatiedienst werkten nauw samen.", "Le service du personnel et le service communication ont collaboré étroitement.", "Das Personalamt und die Pressestelle haben eng zusammengearbeitet.", "The HR service and the communication service worked closely together.", "Personalavdelningen och kommunikationsavdelningen samarbetade nära."),  # noqa: E501
    ("In elke fase is er aandacht voor {t}.", "On tient compte de {t} à chaque étape.", "In jeder Phase wird auf {t} geachtet.", "Every stage pays attention to {t}.", "I varje steg uppmärksammas {t}."),  # noqa: E501
]

WHY = [
    ("Uit een bevraging bleek dat {g} drempels ervaren.", "Une enquête a montré que {g} rencontrent des obstacles.", "Eine Umfrage hat gezeigt, dass {g} auf Hürden stoßen.", "A survey showed that {g} face barriers.", "En enkät visade att {g} möter hinder."),  # noqa: E501
    ("Het bestuur wil een voorbeeld zijn als werkgever.", "L'administration veut être un employeur exemplaire.", "Die Verwaltung will als Arbeitgeberin Vorbild sein.", "The administration wants to set an example as an employer.", "Förvaltningen vill vara ett föredöme som arbetsgivare."),  # noqa: E501
    ("{T} staat hoog op de lokale agenda.", "{T} figure en bonne place à l'agenda local.", "{T} steht weit oben auf der lokalen Tagesordnung.", "{T} is high on the local agenda.", "{T} står högt på den lokala dagordningen."),  # noqa: E501
    ("Niet iedereen vond de weg naar de dienstverlening.", "Tout le monde ne trouvait pas le chemin des services.", "Nicht alle fanden den Weg zu den Dienstleistungen.", "Not everyone found their way to the services.", "Alla hittade inte fram till servicen."),  # noqa: E501
]

WHO = [
    ("Betrokken: {g}, {h} en de dienst diversiteit.", "Participants : {g}, {h} et le service diversité.", "Beteiligt: {g}, {h} und die Fachstelle Vielfalt.", "Involved: {g}, {h} and the diversity service.", "Medverkande: {g}, {h} och mångfaldsenheten."),  # noqa: E501
    ("Het project werd getrokken door {g}.", "Le projet a été porté par {g}.", "Das Projekt wurde von {g} getragen.", "The project was led by {g}.", "Projektet drevs av {g}."),  # noqa: E501
]

RESULTS = [
    ("Na een jaar namen meer dan {n} mensen deel.", "Après un an, plus de {n} personnes avaient participé.", "Nach einem Jahr hatten mehr als {n} Menschen teilgenommen.", "After one year more than {n} people had taken part.", "Efter ett år hade mer än {n} personer deltagit."),  # noqa: E501
    ("Een evaluatie toont dat {g} tevreden zijn.", "Une évaluation montre que {g} sont satisfaits.", "Eine Auswertung zeigt, dass {g} zufrieden sind.", "An evaluation shows that {g} are satisfied.", "En utvärdering visar att {g} är nöjda."),  # noqa: E501
    ("Het aantal klachten daalde met {n} procent.", "Le nombre de plaintes a baissé de {n} pour cent.", "Die Zahl der Beschwerden sank um {n} Prozent.", "The number of complaints fell by {n} percent.", "Antalet klagomål minskade med {n} procent."),  # noqa: E501
]

DIFFICULTIES = [
    ("Het was niet eenvoudig om {g} te bereiken.", "Il n'a pas été facile d'atteindre {g}.", "Es war nicht einfach, {g} zu erreichen.", "It was not easy to reach {g}.", "Det var inte lätt att nå {g}."),  # noqa: E501
    ("Er was te weinig tijd en budget.", "Le temps et le budget ont manqué.", "Es fehlte an Zeit und Geld.", "There was too little time and budget.", "Det fanns för lite tid och pengar."),  # noqa: E501
    ("Sommige diensten waren eerst terughoudend.", "Certains services étaient d'abord réticents.", "Einige Dienststellen waren anfangs zurückhaltend.", "Some services were hesitant at first.", "Vissa förvaltningar var först tveksamma."),  # noqa: E501
]

RARE_SENTENCE = ("Alle folders bestaan ook in braille.", "Tous les dépliants existent aussi en braille.", "Alle Faltblätter gibt es auch in Brailleschrift.", "All leaflets are also available in braille.", "Alla broschyrer finns också på punktskrift.")  # noqa: E501

PERIODS = [
    ("Sinds {y}", "Depuis {y}", "Seit {y}", "Since {y}", "Sedan {y}"),
    ("Van {y} tot {z}", "De {y} à {z}", "Von {y} bis {z}", "From {y} to {z}", "Från {y} till {z}"),
]
EFFORTS = [
    ("{n} uur per week", "{n} heures par semaine", "{n} Stunden pro Woche", "{n} hours a week", "{n} timmar i veckan"),  # noqa: E501
    ("Een budget van {n}.000 euro", "Un budget de {n} 000 euros", "Ein Budget von {n}.000 Euro", "A budget of {n},000 euros", "En budget på {n} 000 euro"),  # noqa: E501
]
REACHED = ("Ongeveer {n} mensen", "Environ {n} personnes", "Etwa {n} Menschen", "About {n} people", "Ungefär {n} personer")  # noqa: E501


def capitalised(text):
    return text[:1].upper() + text[1:]


class Writer:
    """Writes the texts of one practice in all five languages from one set of choices."""

    def __init__(self, rng: random.Random, number: int):
        self.rng, self.number = rng, number
        self.groups = rng.sample(GROUPS, 2)
        self.topics = rng.sample(TOPICS, 2)
        self.action = rng.choice(ACTIONS)
        self.opener = MUNICIPALITY if rng.random() < COMMON_SHARE else CITY

    def render(self, templates, i, **extra):
        """Template number i of each language, with this practice's words filled in."""
        (g, h), (t, u) = self.groups, self.topics
        fills = {
            "g": g[i], "h": h[i], "t": t[i], "u": u[i], "T": capitalised(t[i]),
            "a": self.action[i], "A": capitalised(self.action[i]), "o": capitalised(self.opener[i]),
        }  # fmt: skip
        return capitalised(templates[i].format(**fills, **extra))

    def sentences(self, pool, low, high, first=()):
        chosen = [*first, *self.rng.sample(pool, self.rng.randint(low, high))]
        n = self.rng.randint(3, 40)
        return [" ".join(self.render(t, i, n=n) for t in chosen) for i in range(len(LANGS))]

    def texts(self):
        """{field: [text in nl, fr, de, en, sv]} for every translated field of a practice."""
        rng, n = self.rng, self.rng.randint(20, 900)
        title = rng.choice(TITLES)
        place = rng.choice(PLACES)
        what = [STORY[7], RARE_SENTENCE] if self.number % RARE_EVERY == 500 else [STORY[7]]
        year = rng.randint(2000, 2024)
        return {
            "title": [self.render(title, i, p=place[i]) for i in range(len(LANGS))],
            "summary": self.sentences(STORY, 2, 3, first=[OPENING]),
            "what": self.sentences(STORY, 1, 2, first=what),
            "who": self.sentences(WHO, 1, 2),
            "why": self.sentences(WHY, 2, 3),
            "description": self.sentences(STORY, 3, 5),
            "period": [self.render(rng.choice(PERIODS), i, y=year, z=year + 2) for i in range(5)],
            "effort": [self.render(rng.choice(EFFORTS), i, n=rng.randint(2, 40)) for i in range(5)],
            "people_reached": [self.render(REACHED, i, n=n) for i in range(len(LANGS))],
            "results": self.sentences(RESULTS, 1, 3),
            "difficulties": self.sentences(DIFFICULTIES, 0, 2),
        }


NAME_PARTS = {
    "BE": (
        ["Aal", "Beer", "Dender", "Essen", "Haas", "Kor", "Leer", "Meer", "Oost", "Rum", "Vil"],
        ["beke", "dijk", "hove", "kerke", "rode", "gem", "lare", "mont", "ville", "sart"],
    ),
    "NL": (
        ["Alm", "Bred", "Dor", "Ede", "Gro", "Har", "Leeu", "Mid", "Noord", "Rijs", "Veen"],
        ["dam", "dorp", "huizen", "wijk", "veen", "horst", "broek", "sloot", "burg", "werd"],
    ),
    "LU": (["Dud", "Esch", "Ettel", "Mer", "Schif", "Wil", "Bert"], ["ange", "bruck", "dorf"]),
    "FR": (
        ["Saint-", "Mont", "Beau", "Ville", "Font", "Cham", "Roche", "Bel", "Neu"],
        ["fort", "mont", "ville", "lieu", "champ", "court", "val", "bourg"],
    ),
    "DE": (
        ["Alten", "Bad ", "Fried", "Hohen", "Lich", "Neu", "Ober", "Rosen", "Stein", "Wald"],
        ["bach", "berg", "burg", "dorf", "feld", "hausen", "heim", "stadt", "au"],
    ),
    "SE": (
        ["Ale", "Björk", "Ek", "Fal", "Hag", "Lid", "Ljung", "Norr", "Sand", "Sö", "Väs"],
        ["by", "berg", "köping", "holm", "sund", "vik", "torp", "hamn", "ås", "lund"],
    ),
}
# How many synthetic municipalities each country has (250 in all).
MUNICIPALITIES = {"BE": 70, "NL": 50, "LU": 10, "FR": 50, "DE": 40, "SE": 30}


def municipality_name(country, index):
    """A made-up town name, the same for the same country and index."""
    rng = random.Random(f"{country}-{index}")
    first, second = NAME_PARTS[country]
    head = rng.choice(first)
    tail = rng.choice(second)
    return head + (capitalised(tail) if head.endswith(("-", " ")) else tail)
