"""Words of French news writing the drafter relies on: who acts, who speaks, which side a nationality
names. General vocabulary of the genre, not the words of any one report."""

from __future__ import annotations

import unicodedata

from tui.temporal.tagging.tables import words

# Nouns that name a person or a group able to act or speak (singular and plural forms).
ROLE_NOUNS = frozenset(
    [
        "président",
        "présidente",
        "présidents",
        "ministre",
        "ministres",
        "ministère",
        "ministères",
        "gouvernement",
        "gouvernements",
        "armée",
        "armées",
        "troupe",
        "troupes",
        "soldat",
        "soldats",
        "force",
        "forces",
        "militaire",
        "militaires",
        "personnel",
        "commandement",
        "commandant",
        "commandants",
        "état-major",
        "chef",
        "chefs",
        "cheffe",
        "leader",
        "leaders",
        "dirigeant",
        "dirigeants",
        "dirigeante",
        "porte-parole",
        "administrateur",
        "administratrice",
        "administration",
        "gouverneur",
        "gouverneure",
        "maire",
        "maires",
        "autorité",
        "autorités",
        "police",
        "policier",
        "policiers",
        "gendarmerie",
        "gendarmes",
        "agence",
        "agences",
        "journal",
        "journaux",
        "média",
        "médias",
        "chaîne",
        "télévision",
        "radio",
        "quotidien",
        "habitant",
        "habitants",
        "civil",
        "civils",
        "réfugié",
        "réfugiés",
        "réfugiée",
        "population",
        "populations",
        "occupant",
        "occupants",
        "séparatiste",
        "séparatistes",
        "rebelle",
        "rebelles",
        "combattant",
        "combattants",
        "responsable",
        "responsables",
        "officiel",
        "officiels",
        "diplomate",
        "diplomates",
        "diplomatie",
        "ambassadeur",
        "ambassadrice",
        "ambassade",
        "député",
        "députés",
        "députée",
        "parlement",
        "sénat",
        "sénateur",
        "tribunal",
        "juge",
        "juges",
        "procureur",
        "procureure",
        "parquet",
        "enquêteur",
        "enquêteurs",
        "manifestant",
        "manifestants",
        "victime",
        "victimes",
        "témoin",
        "témoins",
        "expert",
        "experts",
        "analyste",
        "analystes",
        "syndicat",
        "syndicats",
        "ong",
        "opposition",
        "opposants",
        "opposant",
        "insurgés",
        "milice",
        "milices",
        "miliciens",
        "état-major",
        "présidence",
        "kremlin",
        "pentagone",
        "ministre-président",
        "chancelier",
        "chancelière",
        "roi",
        "reine",
        "prince",
        "pape",
        "secrétaire",
        "général",
        "générale",
        "général-major",
        "colonel",
        "capitaine",
        "garde-frontières",
        "secouristes",
        "pompiers",
        "médecins",
        "hôpital",
        "porte-paroles",
        "préfet",
        "préfète",
        "préfecture",
        "mairie",
        "pompier",
        "policière",
        "commission",
        "douaniers",
        "vice-président",
        "vice-présidente",
        "régime",
        "junte",
        "élu",
        "élus",
        "conseiller",
        "conseillère",
    ]
)
MILITARY = frozenset(
    [
        "armée",
        "armées",
        "troupe",
        "troupes",
        "soldat",
        "soldats",
        "force",
        "forces",
        "militaire",
        "militaires",
        "personnel",
        "combattants",
        "occupant",
        "occupants",
        "milice",
        "milices",
        "miliciens",
    ]
)
MEDIA = frozenset(
    ["agence", "agences", "journal", "journaux", "média", "médias", "chaîne", "télévision", "radio", "quotidien"]
)
CIVILIANS = frozenset(
    [
        "habitant",
        "habitants",
        "civil",
        "civils",
        "réfugié",
        "réfugiés",
        "réfugiée",
        "population",
        "populations",
        "victime",
        "victimes",
    ]
)

# Verbs that introduce speech (lemmas).
SPEECH_VERBS = frozenset(
    [
        "déclarer",
        "dire",
        "affirmer",
        "annoncer",
        "ajouter",
        "indiquer",
        "expliquer",
        "estimer",
        "assurer",
        "préciser",
        "souligner",
        "rapporter",
        "raconter",
        "confirmer",
        "démentir",
        "nier",
        "répondre",
        "réagir",
        "prévenir",
        "avertir",
        "promettre",
        "reconnaître",
        "admettre",
        "accuser",
        "dénoncer",
        "appeler",
        "écrire",
        "publier",
        "signaler",
        "révéler",
        "lancer",
        "martèler",
        "marteler",
        "insister",
        "poursuivre",
        "conclure",
        "commenter",
        "témoigner",
        "juger",
        "qualifier",
        "évoquer",
        "rappeler",
    ]
)
# Speech verbs with a common sense that says nothing ("assurer la victoire", "lancer une opération", "jugé
# pour meurtre", "poursuivi pour vol"): statements only where they introduce what is said (drafter._tells_content).
SPEECH_WITH_CONTENT = frozenset(
    ["assurer", "lancer", "poursuivre", "juger", "conclure", "rappeler", "accuser", "qualifier", "appeler",
     "rapporter", "prévenir", "avertir", "publier", "évoquer"]
)  # fmt: skip
# Verbs that move a happening to a date ("renvoyé au 5 août", "reporté à lundi"): a time they take with "à",
# "au" or "pour" is the new date, not when the happening was moved (tui.draft.attach).
RESCHEDULING = frozenset(
    ["renvoyer", "reporter", "repousser", "ajourner", "décaler", "différer", "avancer", "fixer", "programmer",
     "reprogrammer", "planifier", "prolonger"]
)  # fmt: skip
SPEECH_NOUNS = frozenset(
    ["annonce", "déclaration", "communiqué", "message", "rapport", "discours", "interview", "entretien"]
)
FRAMING = frozenset(["savoir", "ignorer", "sembler", "paraître"])

# Nationality adjectives to the side and the country they name: id, label, the words that name it.
NATIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ukraine", "Ukraine", ("ukrainien", "ukrainienne", "ukrainiens", "ukrainiennes", "ukraine", "kiev", "kyiv")),
    ("russia", "Russia", ("russe", "russes", "russie", "moscou", "kremlin")),
    ("france", "France", ("français", "française", "françaises", "france", "paris", "élysée")),
    ("united-states", "United States", ("américain", "américaine", "américains", "américaines", "washington")),
    ("united-kingdom", "United Kingdom", ("britannique", "britanniques", "londres", "royaume-uni")),
    ("germany", "Germany", ("allemand", "allemande", "allemands", "allemandes", "allemagne", "berlin")),
    ("china", "China", ("chinois", "chinoise", "chinoises", "chine", "pékin")),
    ("israel", "Israel", ("israélien", "israélienne", "israéliens", "israéliennes", "israël")),
    ("palestine", "Palestine", ("palestinien", "palestinienne", "palestiniens", "palestiniennes")),
    ("iran", "Iran", ("iranien", "iranienne", "iraniens", "iraniennes", "iran", "téhéran")),
    ("turkey", "Turkey", ("turc", "turque", "turcs", "turques", "turquie", "ankara")),
    ("belarus", "Belarus", ("biélorusse", "biélorusses", "bélarus", "minsk")),
    ("poland", "Poland", ("polonais", "polonaise", "pologne", "varsovie")),
    ("european-union", "European Union", ("européen", "européenne", "européens", "bruxelles")),
)

# The verbs the rules need, by their forms: spaCy's lemmatizer would cost 2–3 s of loading for these few.
_IRREGULAR = {
    "avoir": "a ai as avons avez ont avait avaient avais aura auront aurait auraient eu eue eus eut ayant",
    "être": "est suis es sommes êtes sont était étaient étais sera seront serait seraient été fut furent étant",
    "dire": "dit dits dite dites dis disent disait disaient dira diront dirait disant",
    "écrire": "écrit écrits écrite écrivent écrivait écrivaient écrira",
    "promettre": "promis promise promet promettent promettait",
    "admettre": "admis admise admet admettent admettait",
    "reconnaître": "reconnu reconnue reconnaît reconnait reconnaissent reconnaissait",
    "répondre": "répondu répond répondent répondait répondra",
    "conclure": "conclu conclut concluent",
    "prévenir": "prévenu prévient préviennent prévenait",
    "avertir": "averti avertit avertissent avertissait",
    "poursuivre": "poursuivi poursuit poursuivent poursuivait",
    "savoir": "sait savent savait savaient su sais saura",
    "paraître": "paraît parait paru paraissent paraissait",
    "appeler": "appelle appellent appelait appelaient appelé appelée appelés appela appellera",
    "rejeter": "rejette rejettent",
    "démentir": "dément démenti démentent démentait",
}
IRREGULAR = {form: verb for verb, forms in _IRREGULAR.items() for form in forms.split()}
_ER_ENDINGS = (
    "eraient", "erions", "èrent", "eront", "erait", "aient", "ions", "iez", "ées", "era", "ait", "ais",
    "ant", "ons", "ent", "és", "ée", "ez", "es", "é", "e", "a",
)  # fmt: skip


def verb_lemma(form: str) -> str:
    """The infinitive of a French verb form, for the verbs the rules name ('a déclaré' → déclarer)."""
    word = form.lower().replace("’", "'")
    if word in IRREGULAR:
        return IRREGULAR[word]
    for ending in _ER_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if stem.endswith("ç"):
                stem = stem[:-1] + "c"  # annonçait → annoncer
            elif stem.endswith("ge") and ending[0] in "aâ":
                stem = stem[:-1]  # changeait → changer
            return stem + "er"
    return word


# Nouns that name a happening: a time in their noun phrase dates them, not the sentence's verb ("les
# inondations du 3 octobre", "son élection en 2017"). Nouns in -tion/-sion not listed here count too,
# unless they name a thing or a group (NOT_EVENT_NOUNS, ROLE_NOUNS).
EVENT_NOUNS = frozenset(
    [
        "accident",
        "accidents",
        "arrestation",
        "arrestations",
        "assassinat",
        "attaque",
        "attaques",
        "attentat",
        "attentats",
        "audience",
        "bataille",
        "bombardement",
        "bombardements",
        "chute",
        "collision",
        "combat",
        "combats",
        "conférence",
        "congrès",
        "crise",
        "débat",
        "décès",
        "découverte",
        "défaite",
        "démission",
        "départ",
        "destitution",
        "discours",
        "effondrement",
        "élection",
        "élections",
        "enlèvement",
        "éruption",
        "évacuation",
        "explosion",
        "explosions",
        "fusillade",
        "grève",
        "grèves",
        "incendie",
        "incendies",
        "inondation",
        "inondations",
        "invasion",
        "manifestation",
        "manifestations",
        "massacre",
        "match",
        "meurtre",
        "mort",
        "naissance",
        "offensive",
        "ouragan",
        "procès",
        "rassemblement",
        "référendum",
        "réunion",
        "retour",
        "retrait",
        "scrutin",
        "séisme",
        "sommet",
        "tempête",
        "tremblement",
        "victoire",
        "visite",
        "vote",
    ]
)
NOT_EVENT_NOUNS = frozenset(
    [
        "nation",
        "nations",
        "station",
        "stations",
        "situation",
        "position",
        "positions",
        "question",
        "questions",
        "attention",
        "direction",
        "fonction",
        "édition",
        "section",
        "condition",
        "conditions",
        "option",
        "options",
        "région",
        "régions",
        "population",
        "populations",
        "information",
        "informations",
        "mission",
        "commission",
        "organisation",
        "administration",
        "opposition",
    ]
)

# Words that tell one event comes after the one told before ("Il a réuni X, puis il a quitté…").
SEQUENCE_WORDS = frozenset(words("sequence", ("fr",)))  # the time reader's table: "puis", "ensuite", "enfin"


def fold(text: str) -> str:
    """Lower case without accents, in any script: how the drafter compares words and names (the time reader
    has its own, one character for one, for offsets: tui.temporal.tagging.lexicon.fold)."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
