"""Plausible practice texts in five languages, for a synthetic catalogue (generate_practices).

Every phrase comes in Dutch, French, German, English and Swedish, so one set of random
choices writes a practice and its translations. The words are the domain's own
("gemeente", "medewerkers", "onthaal", "laaggeletterdheid", ...), so stemming and ranking
work on them as on real practices.

Two words are there for benchmarks (bench/run.py searches for them):

- COMMON, the word for "municipality" ("gemeente", "commune", "Gemeinde", "municipality",
  "kommunen"), opens the summary of COMMON_SHARE (90%) of the practices and appears nowhere
  else; the other summaries open with "de stad", "la ville", ...
- RARE, "braille" (the same word in all five languages), is in the "what" text of one
  practice in RARE_EVERY (1,000): those whose generated number ends in 500.
"""

import random

LANGS = ("nl", "fr", "de", "en", "sv")
COMMON = dict(nl="gemeente", fr="commune", de="Gemeinde", en="municipality", sv="kommunen")
RARE = "braille"
COMMON_SHARE = 0.9
RARE_EVERY = 1000


def words(text):
    """One phrase a line, its five languages separated by " | "."""
    return [tuple(line.split(" | ")) for line in text.strip().splitlines()]


def sentences(text):
    """One phrase a block of five lines (nl, fr, de, en, sv), blocks separated by a blank line."""
    return [tuple(block.splitlines()) for block in text.strip().split("\n\n")]


MUNICIPALITY = ("de gemeente", "la commune", "die Gemeinde", "the municipality", "kommunen")
CITY = ("de stad", "la ville", "die Stadt", "the city", "staden")

GROUPS = words("""
de medewerkers | le personnel | die Mitarbeitenden | the staff | medarbetarna
de leidinggevenden | les responsables | die Führungskräfte | managers | cheferna
de loketmedewerkers | les guichetiers | das Schalterpersonal | front-office staff | receptionisterna
de inwoners | les habitants | die Einwohnerinnen und Einwohner | residents | invånarna
nieuwkomers | les primo-arrivants | Neuzugewanderte | newcomers | nyanlända
jongeren | les jeunes | Jugendliche | young people | ungdomar
ouderen | les personnes âgées | ältere Menschen | older people | äldre
mensen met een beperking | les personnes handicapées | Menschen mit Behinderung | disabled people | personer med funktionsnedsättning
sollicitanten | les candidats | Bewerberinnen und Bewerber | job applicants | sökande
vrijwilligers | les bénévoles | Ehrenamtliche | volunteers | volontärer
politieagenten | les policiers | Polizeikräfte | police officers | poliser
de verkozenen | les élus | die Ratsmitglieder | elected officials | de förtroendevalda
ouders | les parents | Eltern | parents | föräldrar
werkzoekenden | les demandeurs d'emploi | Arbeitsuchende | jobseekers | arbetssökande
""")  # noqa: E501 (a table of phrases)

TOPICS = words("""
diversiteit | la diversité | Vielfalt | diversity | mångfald
laaggeletterdheid | l'illettrisme | geringe Literalität | low literacy | läs- och skrivsvårigheter
gelijke kansen | l'égalité des chances | Chancengleichheit | equal opportunities | lika möjligheter
duidelijke taal | le langage clair | einfache Sprache | plain language | klarspråk
toegankelijkheid | l'accessibilité | Barrierefreiheit | accessibility | tillgänglighet
armoede | la pauvreté | Armut | poverty | fattigdom
discriminatie | la discrimination | Diskriminierung | discrimination | diskriminering
racisme | le racisme | Rassismus | racism | rasism
polarisering | la polarisation | Polarisierung | polarisation | polarisering
onthaal | l'accueil | Empfang | welcoming residents | bemötande
werving en selectie | le recrutement | Personalauswahl | recruitment | rekrytering
taalbeleid | la politique linguistique | Sprachpolitik | language policy | språkpolicy
inclusie | l'inclusion | Inklusion | inclusion | inkludering
gendergelijkheid | l'égalité des genres | Gleichstellung | gender equality | jämställdhet
leeftijd | l'âge | Alter | age | ålder
eenzaamheid | la solitude | Einsamkeit | loneliness | ensamhet
digitale kloof | la fracture numérique | digitale Kluft | the digital divide | digitalt utanförskap
""")

# The German ones are feminine or neuter: the same as subject and as object.
ACTIONS = words("""
een opleiding | une formation | eine Schulung | a training course | en utbildning
een vormingsreeks | un cycle d'ateliers | eine Workshopreihe | a series of workshops | en workshopserie
een werkgroep | un groupe de travail | eine Arbeitsgruppe | a working group | en arbetsgrupp
een actieplan | un plan d'action | ein Maßnahmenpaket | an action plan | en handlingsplan
een meldpunt | un point de signalement | eine Meldestelle | a reporting point | en anmälningsfunktion
een mentorproject | un projet de mentorat | ein Mentoringprojekt | a mentoring project | ett mentorsprojekt
een taalcafé | un café linguistique | ein Sprachcafé | a language café | ett språkcafé
een campagne | une campagne | eine Kampagne | a campaign | en kampanj
een netwerk | un réseau | ein Netzwerk | a network | ett nätverk
een checklist | une liste de contrôle | eine Checkliste | a checklist | en checklista
een buddysysteem | un système de parrainage | ein Patensystem | a buddy system | ett faddersystem
een inloopspreekuur | une permanence | eine offene Sprechstunde | a drop-in hour | en öppen mottagning
een onthaaldag | une journée d'accueil | ein Willkommenstag | a welcome day | en välkomstdag
een stageprogramma | un programme de stages | ein Praktikumsprogramm | an internship programme | ett praktikprogram
""")  # noqa: E501 (a table of phrases)

PLACES = words("""
in de bibliotheek | à la bibliothèque | in der Bibliothek | in the library | på biblioteket
aan het loket | au guichet | am Schalter | at the counter | i receptionen
in de wijken | dans les quartiers | in den Stadtteilen | in the neighbourhoods | i bostadsområdena
op de werkvloer | sur le lieu de travail | am Arbeitsplatz | in the workplace | på arbetsplatsen
""")

TITLES = sentences("""
{A} rond {t} voor {g}{p}
{A} sur {t} pour {g}{p}
{A} zum Thema {t} für {g}{p}
{A} on {t} for {g}{p}
{A} om {t} för {g}{p}

Samen met {g} werken aan {t}{p}
Travailler sur {t} avec {g}{p}
Gemeinsam mit {g} an {t} arbeiten
Working on {t} together with {g}{p}
Att arbeta med {t} tillsammans med {g}{p}

Meer aandacht voor {t} bij {g}{p}
Plus d'attention pour {t} chez {g}{p}
Mehr Aufmerksamkeit für {t} bei {g}{p}
More attention to {t} among {g}{p}
Mer fokus på {t} bland {g}{p}
""")

[OPENING] = sentences("""
{o} startte {a} rond {t} voor {g}.
{o} a lancé {a} autour de {t} pour {g}.
{o} hat {a} zum Thema {t} für {g} gestartet.
{o} started {a} on {t} for {g}.
{o} startade {a} om {t} för {g}.
""")

STORY = sentences("""
Het doel is dat {g} zich welkom voelen.
L'objectif est que {g} se sentent les bienvenus.
Ziel ist, dass sich {g} willkommen fühlen.
The aim is that {g} feel welcome.
Målet är att {g} ska känna sig välkomna.

{g} en {h} volgden samen {n} sessies.
{g} et {h} ont suivi ensemble {n} séances.
{g} und {h} haben gemeinsam {n} Sitzungen besucht.
{g} and {h} took part in {n} sessions together.
{g} och {h} deltog tillsammans i {n} träffar.

Zo werkt de organisatie aan {t} en {u}.
Ainsi, l'administration travaille sur {t} et {u}.
So arbeitet die Verwaltung an {t} und {u}.
In this way the organisation works on {t} and {u}.
På så sätt arbetar organisationen med {t} och {u}.

Medewerkers van verschillende diensten namen deel.
Des membres du personnel de plusieurs services ont participé.
Mitarbeitende aus mehreren Dienststellen haben teilgenommen.
Staff from several services took part.
Medarbetare från flera förvaltningar deltog.

Een stuurgroep volgt de aanpak elk jaar op.
Un groupe de pilotage suit la démarche chaque année.
Eine Lenkungsgruppe begleitet das Vorgehen jedes Jahr.
A steering group follows up the approach every year.
En styrgrupp följer upp arbetet varje år.

Andere besturen kunnen de aanpak eenvoudig overnemen.
D'autres administrations peuvent facilement reprendre la démarche.
Andere Verwaltungen können das Vorgehen leicht übernehmen.
Other local authorities can easily adopt the approach.
Andra förvaltningar kan lätt ta efter arbetssättet.

{g} kregen een stem in de uitwerking.
{g} ont eu leur mot à dire dans la mise en œuvre.
{g} konnten bei der Umsetzung mitreden.
{g} had a say in how it was carried out.
{g} fick vara med och påverka genomförandet.

Een externe partner begeleidde het traject.
Un partenaire externe a accompagné le projet.
Ein externer Partner hat den Prozess begleitet.
An external partner guided the process.
En extern partner stöttade processen.

De personeelsdienst en de communicatiedienst werkten nauw samen.
Le service du personnel et le service communication ont collaboré étroitement.
Das Personalamt und die Pressestelle haben eng zusammengearbeitet.
The HR service and the communication service worked closely together.
Personalavdelningen och kommunikationsavdelningen samarbetade nära.

In elke fase is er aandacht voor {t}.
On tient compte de {t} à chaque étape.
In jeder Phase wird auf {t} geachtet.
Every stage pays attention to {t}.
I varje steg uppmärksammas {t}.
""")

[FINDABLE] = sentences("""
Informatie over {t} is nu beter te vinden aan het loket en online.
Les informations sur {t} sont plus faciles à trouver au guichet et en ligne.
Informationen zu {t} sind am Schalter und online leichter zu finden.
Information on {t} is now easier to find at the counter and online.
Information om {t} är nu lättare att hitta i receptionen och på webben.
""")

[RARE_SENTENCE] = sentences("""
Alle folders bestaan ook in braille.
Tous les dépliants existent aussi en braille.
Alle Faltblätter gibt es auch in Braille.
All leaflets are also available in braille.
Alla broschyrer finns också i braille.
""")

WHY = sentences("""
Uit een bevraging bleek dat {g} drempels ervaren.
Une enquête a montré que {g} rencontrent des obstacles.
Eine Umfrage hat gezeigt, dass {g} auf Hürden stoßen.
A survey showed that {g} face barriers.
En enkät visade att {g} möter hinder.

Het bestuur wil een voorbeeld zijn als werkgever.
L'administration veut être un employeur exemplaire.
Die Verwaltung will als Arbeitgeberin Vorbild sein.
The administration wants to set an example as an employer.
Förvaltningen vill vara ett föredöme som arbetsgivare.

{T} staat hoog op de lokale agenda.
{T} figure en bonne place à l'agenda local.
{T} steht weit oben auf der lokalen Tagesordnung.
{T} is high on the local agenda.
{T} står högt på den lokala dagordningen.

Niet iedereen vond de weg naar de dienstverlening.
Tout le monde ne trouvait pas le chemin des services.
Nicht alle fanden den Weg zu den Dienstleistungen.
Not everyone found their way to the services.
Alla hittade inte fram till servicen.
""")

WHO = sentences("""
Betrokken: {g}, {h} en de dienst diversiteit.
Participants : {g}, {h} et le service diversité.
Beteiligt: {g}, {h} und die Fachstelle Vielfalt.
Involved: {g}, {h} and the diversity service.
Medverkande: {g}, {h} och mångfaldsenheten.

Het project werd getrokken door {g}.
Le projet a été porté par {g}.
Das Projekt wurde von {g} getragen.
The project was led by {g}.
Projektet drevs av {g}.
""")

RESULTS = sentences("""
Na een jaar namen meer dan {n} mensen deel.
Après un an, plus de {n} personnes avaient participé.
Nach einem Jahr hatten mehr als {n} Menschen teilgenommen.
After one year more than {n} people had taken part.
Efter ett år hade mer än {n} personer deltagit.

Een evaluatie toont dat {g} tevreden zijn.
Une évaluation montre que {g} sont satisfaits.
Eine Auswertung zeigt, dass {g} zufrieden sind.
An evaluation shows that {g} are satisfied.
En utvärdering visar att {g} är nöjda.

Het aantal klachten daalde met {n} procent.
Le nombre de plaintes a baissé de {n} pour cent.
Die Zahl der Beschwerden sank um {n} Prozent.
The number of complaints fell by {n} percent.
Antalet klagomål minskade med {n} procent.
""")

DIFFICULTIES = sentences("""
Het was niet eenvoudig om {g} te bereiken.
Il n'a pas été facile d'atteindre {g}.
Es war nicht einfach, {g} zu erreichen.
It was not easy to reach {g}.
Det var inte lätt att nå {g}.

Er was te weinig tijd en budget.
Le temps et le budget ont manqué.
Es fehlte an Zeit und Geld.
There was too little time and budget.
Det fanns för lite tid och pengar.

Sommige diensten waren eerst terughoudend.
Certains services étaient d'abord réticents.
Einige Dienststellen waren anfangs zurückhaltend.
Some services were hesitant at first.
Vissa förvaltningar var först tveksamma.
""")

PERIODS = sentences("""
Sinds {y}
Depuis {y}
Seit {y}
Since {y}
Sedan {y}

Van {y} tot {z}
De {y} à {z}
Von {y} bis {z}
From {y} to {z}
Från {y} till {z}
""")

EFFORTS = sentences("""
{n} uur per week
{n} heures par semaine
{n} Stunden pro Woche
{n} hours a week
{n} timmar i veckan

Een budget van {n}.000 euro
Un budget de {n} 000 euros
Ein Budget von {n}.000 Euro
A budget of {n},000 euros
En budget på {n} 000 euro
""")

[REACHED] = sentences("""
Ongeveer {n} mensen
Environ {n} personnes
Etwa {n} Menschen
About {n} people
Ungefär {n} personer
""")


def capitalised(text):
    return text[:1].upper() + text[1:]


class Writer:
    """Writes the texts of one practice in all five languages from one set of choices."""

    def __init__(self, rng: random.Random, number: int):
        self.rng, self.number = rng, number
        (g, h), (t, u) = rng.sample(GROUPS, 2), rng.sample(TOPICS, 2)
        a, o = rng.choice(ACTIONS), MUNICIPALITY if rng.random() < COMMON_SHARE else CITY
        self.fills = [
            {"g": g[i], "h": h[i], "t": t[i], "u": u[i], "a": a[i], "o": o[i]}
            | {"T": capitalised(t[i]), "A": capitalised(a[i]), "O": capitalised(o[i])}
            for i in range(len(LANGS))
        ]

    def render(self, templates, **extra):
        """A phrase in each language with this practice's words filled in; a tuple in
        `extra` gives one value per language."""
        return [
            capitalised(
                template.format(
                    **self.fills[i],
                    **{key: v[i] if isinstance(v, tuple) else v for key, v in extra.items()},
                )
            )
            for i, template in enumerate(templates)
        ]

    def paragraph(self, pool, low, high, first=()):
        """`first`, then low to high sentences of the pool, in each language."""
        chosen = [*first, *self.rng.sample(pool, self.rng.randint(low, high))]
        rendered = [self.render(template, n=self.rng.randint(3, 40)) for template in chosen]
        return [" ".join(versions) for versions in zip(*rendered, strict=True)] or [""] * 5

    def title(self):
        """5 to 12 words: a place is added where that keeps every language within 12."""
        template, place = self.rng.choice(TITLES), self.rng.choice(PLACES)
        plain = self.render(template, p="")
        if self.rng.random() < 0.2:
            return plain
        placed = self.render(template, p=tuple(f" {words}" for words in place))
        return placed if all(len(title.split()) <= 12 for title in placed) else plain

    def texts(self):
        """{field: [text in nl, fr, de, en, sv]} for every translated field of a practice."""
        rng = self.rng
        year = rng.randint(2000, 2024)
        what = [FINDABLE, RARE_SENTENCE] if self.number % RARE_EVERY == 500 else [FINDABLE]
        return {
            "title": self.title(),
            "summary": self.paragraph(STORY, 3, 4, first=[OPENING]),
            "what": self.paragraph(STORY, 1, 2, first=what),
            "who": self.paragraph(WHO, 1, 2),
            "why": self.paragraph(WHY, 2, 3),
            "description": self.paragraph(STORY, 3, 5),
            "period": self.render(rng.choice(PERIODS), y=year, z=year + 2),
            "effort": self.render(rng.choice(EFFORTS), n=rng.randint(2, 40)),
            "people_reached": self.render(REACHED, n=rng.randint(20, 900)),
            "results": self.paragraph(RESULTS, 1, 3),
            "difficulties": self.paragraph(DIFFICULTIES, 0, 2),
        }


NAME_PARTS = {
    "BE": (
        "Aal Beer Dender Essen Haas Kor Leer Meer Oost Rum Vil",
        "beke dijk hove kerke rode gem lare",
    ),
    "NL": ("Alm Bred Dor Ede Gro Har Leeu Mid Noord Rijs Veen", "dam dorp huizen wijk veen horst"),
    "LU": ("Dud Esch Ettel Mer Schif Wil Bert", "ange bruck dorf ingen"),
    "FR": ("Saint- Beau Font Cham Roche Bel Neuf Sainte-", "fort ville lieu champ court val bourg"),
    "DE": ("Alten Fried Hohen Lich Neu Ober Rosen Stein Wald", "bach berg burg dorf feld hausen"),
    "SE": ("Ale Björk Ek Fal Hag Lid Ljung Norr Sand Sö Väs", "by berg köping holm sund vik torp"),
}
# How many synthetic municipalities each country gets: 250 in all.
MUNICIPALITIES = {"BE": 70, "NL": 50, "LU": 10, "FR": 50, "DE": 40, "SE": 30}


def municipality_names(country):
    """Made-up town names of a country, always the same and in the same order."""
    heads, tails = (part.split() for part in NAME_PARTS[country])
    names = [
        head + (capitalised(tail) if head.endswith("-") else tail)
        for head in heads
        for tail in tails
    ]
    random.Random(country).shuffle(names)
    return names[: MUNICIPALITIES[country]]
