"""Word lists of general English news prose that extraction relies on.

These describe the language (how speech is reported, which nouns name people or
documents), never the words of a particular story.
"""

from __future__ import annotations

# Verbs that attribute words to a speaker (lemmas).
SPEECH_VERBS = {
    "say", "tell", "add", "state", "write", "mention", "explain", "note", "ask", "announce",
    "declare", "insist", "argue", "claim", "acknowledge", "confirm", "warn", "reply",
    "respond", "recall", "comment", "tweet", "post", "describe", "admit", "deny", "testify",
    "urge", "stress", "emphasize", "emphasise", "suggest", "conclude", "predict", "indicate",
    "inform", "remark", "reiterate", "assert", "maintain", "contend", "observe", "shout",
    "joke", "quip", "vow", "promise", "concede", "boast", "complain", "lament", "scream",
    "cry", "whisper", "yell", "continue", "begin", "report", "wonder", "caution", "plead",
    "counter", "retort", "exclaim", "thank", "agree", "disagree", "charge", "allege",
    "posit", "muse", "opine", "quote", "read", "call", "deem", "label", "dub", "term",
    "recount", "scoff", "snap", "sigh", "laugh", "proclaim", "pledge", "assure", "reason",
    "estimate", "concur", "interject", "chime", "blast", "accuse", "question",
    "praise", "commend", "applaud", "hail", "criticize", "criticise", "condemn", "slam",
    "denounce", "dismiss", "ridicule", "mock", "demand", "pronounce", "cite",
}
# Speech verbs that report content (a clause), making an indirect statement.
REPORTING_VERBS = {
    "say", "tell", "state", "write", "mention", "explain", "note", "announce", "declare",
    "insist", "argue", "claim", "acknowledge", "confirm", "warn", "report", "add", "admit",
    "deny", "testify", "suggest", "predict", "indicate", "inform", "reiterate", "assert",
    "maintain", "contend", "estimate", "allege", "tweet", "post", "recall", "concede",
    "stress", "emphasize", "emphasise", "reply", "respond", "promise", "vow", "pledge",
}
# Words that, as the head of a subject, point to a human being ("the man said").
HUMAN_HEADS = {
    "man", "woman", "men", "women", "boy", "girl", "person", "people", "child", "father",
    "mother", "son", "daughter", "husband", "wife", "volunteer", "soldier", "student",
    "worker", "official", "spokesperson", "spokesman", "spokeswoman", "officer", "resident",
    "witness", "victim", "survivor", "teacher", "doctor", "lawyer", "judge", "interviewee",
    "veteran", "activist", "protester", "voter", "friend", "neighbor", "neighbour", "leader",
    "minister", "president", "senator", "governor", "mayor", "candidate", "lawmaker",
    "analyst", "expert", "researcher", "professor", "author", "reporter", "journalist",
    "host", "aide", "adviser", "advisor", "secretary", "director", "chairman", "chairwoman",
    "representative", "rep", "attorney", "counsel", "photographer", "actor", "actress",
    "comedian", "singer", "publicist", "staffer", "nominee", "congressman", "congresswoman",
    "billionaire", "tycoon", "businessman", "businesswoman", "executive", "founder",
    "chief", "pro", "lady", "gentleman", "critic", "supporter", "owner", "employee",
    "manager", "coach", "player", "star", "celebrity", "sister", "brother", "widow",
    "commander", "general", "sergeant", "detective", "sheriff", "prosecutor", "defendant",
    "suspect", "patient", "nurse", "farmer", "priest", "pastor", "bishop", "pope",
    "king", "queen", "prince", "princess", "ambassador", "diplomat", "envoy", "mom", "dad",
    "member", "chair", "speaker", "counselor", "consultant", "strategist",
}
# Relatives: a name in apposition to one is a person ("his daughter Georgina").
KIN_NOUNS = {
    "father", "mother", "son", "daughter", "husband", "wife", "brother", "sister", "uncle",
    "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter", "grandfather",
    "grandmother", "widow", "widower", "fiance", "fiancee", "partner", "stepson",
    "stepdaughter", "child", "girlfriend", "boyfriend",
}
# Things that speak without being a person: a statement, a letter, a post.
DOCUMENT_NOUNS = {
    "statement", "letter", "post", "tweet", "tweets", "message", "messages", "release",
    "report", "email", "emails", "note", "memo", "op-ed", "editorial", "rant", "speech",
    "remarks", "comment", "comments", "interview", "website", "blog", "video", "ad",
    "advertisement", "sign", "banner", "filing", "complaint", "lawsuit", "document",
    "documents", "order", "ruling", "decision", "announcement", "notice", "petition",
}
# Heads of a common noun phrase that names an organisation, which can speak ("the
# embassy said") and be "it" or "they".
ORG_NOUNS = {
    "embassy", "ministry", "government", "company", "firm", "agency", "department",
    "committee", "commission", "council", "campaign", "organization", "organisation",
    "group", "newspaper", "paper", "network", "channel", "station", "magazine", "outlet",
    "site", "administration", "office", "party", "union", "court", "board", "police",
    "military", "army", "navy", "team", "club", "league", "association", "foundation",
    "institute", "university", "school", "hospital", "bank", "airline", "consulate",
    "parliament", "congress", "senate", "house", "cabinet", "panel", "authority",
    "authorities", "service", "force", "forces", "coalition", "alliance", "movement",
    "operator", "publisher", "broadcaster", "studio", "label", "regime", "state", "city",
    "county", "town", "village", "country", "nation", "republic", "kingdom", "federation",
    "corporation", "business", "store", "chain", "brand", "maker", "manufacturer", "account",
}
# Heads of a noun phrase a name can stand in apposition to without being a person:
# "his hometown, Frog Jump", "the law firm of Mintz Levin".
PLACE_NOUNS = {
    "hometown", "town", "city", "village", "county", "state", "country", "region",
    "district", "neighborhood", "neighbourhood", "street", "road", "avenue", "river",
    "island", "province", "capital", "venue", "hotel", "restaurant", "building", "bridge",
    "park", "airport", "port", "station", "area", "suburb", "borough", "territory",
}
# Heads of a name that is told things without publishing them: "told the Senate
# Judiciary Committee", "told the Conservative Political Action Conference".
AUDIENCE_NOUNS = {
    "conference", "convention", "committee", "commission", "council", "panel", "summit",
    "rally", "hearing", "forum", "assembly", "congress", "senate", "house", "parliament",
    "court", "board", "caucus", "meeting", "crowd", "audience", "club", "association",
}
# A name as the object of these prepositions is a platform or an outlet ("on Twitter").
PLATFORM_PREPOSITIONS = {"on", "via"}
# Verbs that put words on a platform: "posted on Facebook", "appeared on CNN".
# Speech verbs that outlets are the subject of far more often than people ("Politico
# reported"): their subject is no sign of a person.
OUTLET_VERBS = {"report"}
PUBLISHING_VERBS = {"post", "publish", "share", "appear", "broadcast", "air", "upload",
                    "stream", "launch", "retweet", "advertise"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they", "them"}
FIRST_SECOND_PERSON = {"i", "we", "you", "me", "us"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
INDEFINITE = {"something", "someone", "somebody", "anything", "anyone", "anybody",
              "everything", "everyone", "everybody", "nothing", "nobody", "this", "that"}
DEFINITE = {"the", "this", "that", "these", "those"}
ENTITY_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
GROUP_LABELS = {"ORG", "GPE", "NORP"}
STRONG_LABELS = {"ORG", "GPE", "NORP", "LOC", "DATE", "TIME", "MONEY", "CARDINAL", "PERCENT"}
