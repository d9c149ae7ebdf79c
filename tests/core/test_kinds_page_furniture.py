"""Page furniture that real pages remove and the kinds once called body: author bios in many
languages and author boxes, links back to the article list, picture credits ending with an
agency, and login, account and paywall widget text. Each rule has furniture it must decide
(in several languages) and article sentences of the same shape it must leave as body."""

from __future__ import annotations

import pytest

from diffviewer.core.kinds import classify, load_rules
from diffviewer.core.model import Kind

BODY = (
    "The council voted on Tuesday to approve the budget after a long debate.",
    "Officials said the plan would take effect next year, pending a final review.",
    "Critics argued that the cuts would hurt the poorest residents the most.",
)

# (rule name, paragraphs it must decide)
MATCHES: list[tuple[str, str]] = [
    (
        "byline.author_bio_intl",
        "Moritz Gathmann leitet das Ressort Berliner Republik bei Cicero. Er studierte Russistik.",
    ),
    (
        "byline.author_bio_intl",
        "Anna Schmidt ist Redakteurin im Ressort Wirtschaft und schreibt über Energie.",
    ),
    (
        "byline.author_bio_intl",
        "Claire Dupont est journaliste indépendante, spécialiste du Proche-Orient.",
    ),
    ("byline.author_bio_intl", "Lucía Gómez es periodista y corresponsal en Bruselas."),
    ("byline.author_bio_intl", "Marco Bianchi è giornalista e scrive di politica estera."),
    ("byline.author_bio_intl", "Ana Souza é jornalista e colunista do jornal."),
    ("byline.author_bio_intl", "Jan Kowalski jest dziennikarzem działu zagranicznego."),
    ("byline.author_bio_intl", "Pieter de Vries is verslaggever bij de krant."),
    ("byline.author_bio_intl", "Иван Петров является корреспондентом газеты в Берлине."),
    ("byline.author_box", "Autoreninfo"),
    ("byline.author_box", "So erreichen Sie Moritz Gathmann:"),
    ("byline.author_box", "About the author"),
    ("byline.author_box", "Sobre el autor"),
    ("byline.author_box", "À propos de l'auteur"),
    ("byline.author_box", "Over de auteur"),
    (
        "caption.agency_credit",
        "Die Corona-Intensivstation im Dresdner Universitätsklinikum / picture alliance",
    ),
    ("caption.agency_credit", "Demonstranten vor dem Bundestag / ddp images"),
    ("caption.agency_credit", "Der Bundesrat in Bern / Keystone"),
    ("caption.agency_credit", "Der Kanzler in Paris | Photothek"),
    ("caption.agency_credit", "Die Altstadt von Krakau © Jan Nowak/AdobeStock"),
    ("caption.agency_credit", "Manifestation à Varsovie / PAP"),
    ("navigation.back_link", "Zur Artikelübersicht"),
    ("navigation.back_link", "Zurück zur Übersicht"),
    ("navigation.back_link", "Back to all articles"),
    ("navigation.back_link", "« Retour à la liste"),
    ("navigation.back_link", "Volver al listado"),
    ("navigation.back_link", "Torna all'elenco"),
    ("navigation.back_link", "Powrót do strony głównej"),
    ("navigation.back_link", "Terug naar overzicht"),
    (
        "navigation.account_help",
        "Sign in to Customer Care using your account number or postal address.",
    ),
    ("navigation.account_help", "Enter your new information and click on Save My Changes."),
    ("navigation.account_help", "Locked out of your account? Get help here."),
    ("navigation.account_help", "Select Email/Password Information."),
    ("navigation.account_help", "Forgot your password? Get help"),
    ("navigation.account_help", "Passwort vergessen?"),
    ("navigation.account_help", "Mot de passe oublié ?"),
    ("navigation.account_help", "¿Olvidaste tu contraseña?"),
    ("navigation.account_help", "Nie masz konta? Zarejestruj się"),
    ("promo.paywall", "Not a subscriber? Subscribe today!"),
    ("promo.paywall", "Get Access to Print and Digital for $23.99."),
    ("promo.paywall", "Noch kein Abo? Jetzt über alle Angebote informieren."),
    ("promo.paywall", "Pas encore abonné ?"),
    ("promo.paywall", "¿Aún no eres suscriptor?"),
]

# Article sentences of the same shape: body, whatever the new rules say.
ARTICLE = [
    "Anna Politkowskaja war eine russische Journalistin, die 2006 in Moskau ermordet wurde.",
    "Der Minister leitet das Treffen in Brüssel, sagte ein Sprecher am Montag.",
    "Sie leitete die Abteilung zwölf Jahre lang, bevor sie in den Ruhestand ging.",
    "Zurück in Berlin traf sie sich mit Vertretern der Gewerkschaften und der Arbeitgeber.",
    "Back in Washington, the senator said the bill would pass before the summer recess.",
    "Hackers who had stolen the password locked out hundreds of customers from their accounts.",
    "The company sells access to its archive for $23.99 a month, the filing shows.",
    "Die Polizei ermittelt nach dem Brand in der Lagerhalle in Dresden / Sachsen.",
    "Le journaliste a été libéré après trois semaines de détention, a indiqué son avocat.",
    "El periodista fue detenido en la frontera, según informó la agencia EFE el lunes.",
    "Wer sein Passwort vergessen hat, muss künftig persönlich in der Filiale erscheinen.",
    "Not a single subscriber complained when the newspaper raised its prices last year.",
]


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_rules()


@pytest.mark.parametrize(("name", "text"), MATCHES)
def test_furniture_is_decided_by_its_rule(bundled, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Between article paragraphs, the furniture gets its rule's kind from that very rule."""
    kind, rule = classify([*BODY, text, *BODY], bundled)[len(BODY)]
    assert (rule, kind) == (name, bundled.by_name[name].kind)


@pytest.mark.parametrize("text", ARTICLE)
def test_article_sentences_of_the_same_shape_stay_body(bundled, text: str) -> None:  # type: ignore[no-untyped-def]
    """A sentence that looks like a bio, a back link, a credit or a widget but is article text."""
    kind, rule = classify([*BODY, text, *BODY], bundled)[len(BODY)]
    assert (kind, rule) == (Kind.BODY, "default")
