"""Word lists of general English news prose that extraction relies on.

These describe the language (how speech is reported, which nouns name people or
documents), never the words of a particular story. The open lists are data files
(`sitegen/words/*.txt`, each saying what it is for); the closed classes a rule is
written against (pronouns, determiners, entity labels) are listed here.
"""

from __future__ import annotations

from sitegen.words import word_set, word_table

# Speech verbs that report content (a clause), making an indirect statement.
REPORTING_VERBS = word_set("reporting_verbs")
# Verbs that attribute words to a speaker (lemmas): the reporting verbs and the rest.
SPEECH_VERBS = REPORTING_VERBS | word_set("speech_verbs")
# Relatives: a name in apposition to one is a person ("his daughter Georgina").
KIN_NOUNS = word_set("kin_nouns")
# Words that, as the head of a subject, point to a human being ("the man said", "her
# boyfriend said": every relative is one).
HUMAN_HEADS = word_set("human_heads") | KIN_NOUNS
# Things that speak without being a person: a statement, a letter, a post.
DOCUMENT_NOUNS = word_set("document_nouns")
# Heads of a noun phrase naming an organisation, which can speak and be "it" or "they".
ORG_NOUNS = word_set("org_nouns")
# Heads of a noun phrase a name can stand in apposition to without being a person.
PLACE_NOUNS = word_set("place_nouns")
# Last words of a name that make it a place, a building or a notice, never a person.
PLACE_TAILS = word_set("place_tails")
EVENT_TAILS = word_set("event_tails")
# First words of a name that make it a place, never a person ("Club Rehab").
PLACE_HEADS = word_set("place_heads")
# Last words of a street's name that are also surnames or given words ("Nathan Lane",
# "Hazel Way"): a street only after a preposition of place ("on Castro Lane").
STREET_WORDS = word_set("street_words")
# Last words of a street's name, written out or abbreviated ("Avenue", "St.").
STREET_TAILS = word_set("street_tails")
PLACE_PREPOSITIONS = {"on", "at", "near", "along", "off", "onto", "across", "down", "up"}
# Heads of a name that is told things without publishing them ("told the Senate …").
AUDIENCE_NOUNS = word_set("audience_nouns")
# A name as the object of these prepositions is a platform or an outlet ("on Twitter").
PLATFORM_PREPOSITIONS = {"on", "via"}
# Speech verbs that outlets are the subject of far more often than people ("Politico
# reported"): their subject is no sign of a person.
OUTLET_VERBS = {"report"}
# Verbs that put words on a platform: "posted on Facebook", "appeared on CNN".
PUBLISHING_VERBS = word_set("publishing_verbs")
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they", "them"}
FIRST_SECOND_PERSON = {"i", "we", "you", "me", "us"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
INDEFINITE = {
    "something",
    "someone",
    "somebody",
    "anything",
    "anyone",
    "anybody",
    "everything",
    "everyone",
    "everybody",
    "nothing",
    "nobody",
    "this",
    "that",
}
DEFINITE = {"the", "this", "that", "these", "those"}
ENTITY_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
GROUP_LABELS = {"ORG", "GPE", "NORP"}
STRONG_LABELS = {"ORG", "GPE", "NORP", "LOC", "DATE", "TIME", "MONEY", "CARDINAL", "PERCENT"}

# The verbs, adjectives and nouns that name a counted quantity in news prose, by lemma
# ("12 were killed", "two dead", "a child is dead").
QUANTITY_OF = word_table("quantity_words")
# the quantities that count people (a count of news or of cars is none of them)
PEOPLE_COUNTS = frozenset(
    {"killed", "injured", "hospitalized", "shot", "arrested", "charged", "missing"}
)
