"""Finding messages in Dutch (B1: say what to do) and English. One entry per rule."""

from __future__ import annotations

from typing import Literal

MessageLang = Literal["nl", "en"]

MESSAGES: dict[str, dict[str, str]] = {
    "empty": {
        "nl": "De tekst is leeg. Plak of typ de tekst die u wilt controleren.",
        "en": "The text is empty. Paste or type the text you want to check.",
    },
    "sentence_length": {
        "nl": "Deze zin heeft {words} woorden. Maak er {parts} zinnen van (elk hoogstens {max} "
        "woorden).{where}",
        "en": "This sentence has {words} words. Make {parts} sentences of it (each at most {max} "
        "words).{where}",
    },
    "split_where": {
        "nl": " Knip bijvoorbeeld bij de komma voor {words}.",
        "en": " For example, split at the comma before {words}.",
    },
    "paragraph_length": {
        "nl": "Deze alinea heeft {sentences} zinnen en {words} woorden. Maak er twee alinea's van "
        "of gebruik een lijstje.",
        "en": "This paragraph has {sentences} sentences and {words} words. Split it or use a list.",
    },
    "uncommon_word": {
        "nl": "Het woord '{word}' kennen veel lezers niet. Kies een gewoner woord of leg het uit.",
        "en": "Many readers do not know the word '{word}'. Use a more common word or explain it.",
    },
    "uncommon_share": {
        "nl": "{share}% van de woorden is moeilijk (hoogstens {max}%). Kies vaker gewone woorden.",
        "en": "{share}% of the words are uncommon (at most {max}%). Use common words more often.",
    },
    "jargon": {
        "nl": "'{word}' is ambtelijke taal. Schrijf liever '{alternative}'.",
        "en": "'{word}' is officialese. Write '{alternative}' instead.",
    },
    "jargon_advice": {
        "nl": "'{word}' is ambtelijke taal. {advice}",
        "en": "'{word}' is officialese. {advice}",
    },
    "policy_word_advice": {
        "nl": "De gemeente gebruikt '{word}' niet meer. {advice}",
        "en": "The municipality no longer uses '{word}'. {advice}",
    },
    "policy_word": {
        "nl": "De gemeente gebruikt het woord '{word}' niet meer. Schrijf '{alternative}'.",
        "en": "The municipality no longer uses the word '{word}'. Write '{alternative}'.",
    },
    "passive": {
        "nl": "'{phrase}' is een lijdende zin. Zeg wie het doet: 'wij ...' of 'u ...'.",
        "en": "'{phrase}' is passive. Say who does it: 'we ...' or 'you ...'.",
    },
    "nominalisation": {
        "nl": "In '{word}' zit een werkwoord. Schrijf met het werkwoord '{verb}'.{example}",
        "en": "'{word}' is a verb turned into a noun. Write with the verb '{verb}'.{example}",
    },
    "abbreviation": {
        "nl": "Schrijf '{word}' voluit: '{expansion}'.",
        "en": "Write '{word}' in full: '{expansion}'.",
    },
    "long_word": {
        "nl": "'{word}' is een lang woord ({letters} letters). Splits het of zeg het anders.",
        "en": "'{word}' is a long word ({letters} letters). Split it or say it differently.",
    },
    "one_sentence_per_line": {
        "nl": "Op deze regel staan {sentences} zinnen. Zet elke zin op een eigen regel.",
        "en": "This line has {sentences} sentences. Put each sentence on its own line.",
    },
    "parentheses": {
        "nl": "Gebruik geen haakjes. Maak van de tekst tussen haakjes een eigen zin.",
        "en": "Do not use brackets. Turn the text in brackets into a sentence of its own.",
    },
    "semicolon": {
        "nl": "Gebruik geen puntkomma. Maak er twee zinnen van.",
        "en": "Do not use semicolons. Make two sentences.",
    },
    "number_word": {
        "nl": "Schrijf getallen in cijfers: '{digit}' in plaats van '{word}'.",
        "en": "Write numbers as digits: '{digit}' instead of '{word}'.",
    },
    "language_neutral": {
        "nl": "Engelse tekst: het niveau komt uit Flesch-Kincaid en de lengte van de zinnen. "
        "Woordgebruik is niet gecontroleerd.",
        "en": "English text: the level comes from Flesch-Kincaid and sentence length. "
        "Word choice was not checked.",
    },
    "not_dutch": {
        "nl": "Deze tekst lijkt niet in het Nederlands. Kies de juiste taal voor de controle.",
        "en": "This text does not look Dutch. Choose the right language for the check.",
    },
}

VERDICTS: dict[str, dict[str, str]] = {
    "A2": {
        "nl": "Deze tekst is A2: makkelijk te lezen voor bijna iedereen.",
        "en": "This text is A2: easy to read for almost everyone.",
    },
    "B1": {
        "nl": "Deze tekst is B1: goed voor de meeste inwoners.",
        "en": "This text is B1: fine for most residents.",
    },
    "B2+": {
        "nl": "Deze tekst is B2 of moeilijker: veel inwoners begrijpen hem niet.",
        "en": "This text is B2 or harder: many residents will not understand it.",
    },
    "empty": {
        "nl": "Er is geen tekst om te controleren.",
        "en": "There is no text to check.",
    },
    "too_hard_for_easy_read": {
        "nl": "Deze tekst is {level}: nog niet makkelijk genoeg voor Makkelijk lezen (A2).",
        "en": "This text is {level}: not yet easy enough for easy-read (A2).",
    },
    "blocking": {
        "nl": "Deze tekst is {level}, maar los eerst de rode punten op.",
        "en": "This text is {level}, but fix the blocking points first.",
    },
}


def message(rule: str, lang: str, **params: object) -> str:
    """Return the message for a rule in 'nl' or 'en' (Dutch for any other value)."""
    texts = MESSAGES[rule]
    return texts.get(lang, texts["nl"]).format(**params)


def verdict(key: str, lang: str, **params: object) -> str:
    texts = VERDICTS[key]
    return texts.get(lang, texts["nl"]).format(**params)
