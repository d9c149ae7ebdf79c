"""Page furniture that real pages remove and the kinds once called body: author bios in many
languages and author boxes, links back to the article list, picture credits ending with an
agency, login, account and paywall widget text; and, in many languages and shapes, headings over
other articles, comment forms, relative and local dates, footer links, site controls, widget
text (loading placeholders, feedback and rating widgets, app and notification prompts, share
rows), legal and publisher prose (rights reserved, affiliate disclosures, Chinese licence
lines), captions in other shapes and one-line menus in Chinese. Each rule has furniture it must
decide (in several languages) and article sentences of the same shape it must leave as body."""

from __future__ import annotations

import pytest

from diffviewer.core.kinds import classify
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
    # Furniture in many languages and shapes: headings, forms, dates, widgets, legal prose.
    ("copyright.all_rights_reserved", "2021 Spider’s Web. WSZELKIE PRAWA ZASTRZEŻONE"),
    ("copyright.all_rights_reserved", "BONDY BLOG © 2019 BONDY BLOG TOUS DROITS RESERVES"),
    ("copyright.all_rights_reserved", "Folha de S.Paulo. Todos os direitos reservados."),
    ("copyright.all_rights_reserved", "新华网版权所有"),
    ("copyright.licence_cjk", "互联网新闻信息服务许可证：1012014004 网站备案：京ICP备16044242号"),
    ("comment_prompt.invitation", "No comments:"),
    ("comment_prompt.invitation", "Keine Kommentare:"),
    ("comment_prompt.invitation", "1.977 commentaires"),
    ("comment_prompt.invitation", "Deixe sua opinião"),
    ("comment_prompt.having_issues", "Haben Sie Probleme beim Kommentieren oder Registrieren?"),
    ("comment_prompt.rules", "Please log in here to leave a comment."),
    ("comment_prompt.rules", "Iniciar Sesión para comentar"),
    ("comment_prompt.rules", "Twój komentarz został przekazany do moderacji."),
    ("comment_prompt.form", "Name (erforderlich)"),
    ("comment_prompt.form", "Email (Nie będzie opublikowany) (wymagane)"),
    ("comment_prompt.form", "E-Mail Adresse wird nicht veröffentlicht."),
    ("comment_prompt.form", "Gib hier Deinen Kommentar ein ..."),
    ("promo.share", "partager sur :"),
    ("promo.share", "Sharing is caring!"),
    ("promo.share_buttons", "TwitterFacebookLinkedInEmailRedditDiggPrint"),
    ("promo.share_intl", "微信"),
    ("promo.advertisement", "CONTINUA DEPOIS DA PUBLICIDADE"),
    ("promo.advertisement", "Der Artikel wird nach der Anzeige fortgesetzt"),
    ("promo.advertisement", "About these ads"),
    ("promo.advertisement_intl", "Conteúdo Patrocinado"),
    ("promo.donate", "Soutenez-nous"),
    ("promo.donate", "Apoie o 247"),
    ("promo.app", "Hol' dir die offizielle IBU App!"),
    ("promo.app", "Descargá la aplicación de LA NACION. Es rápida y liviana."),
    ("promo.app", "¿Querés recibir notificaciones de alertas?"),
    ("promo.feedback", "Como você se sentiu com essa matéria?"),
    ("promo.feedback", "330 Bewertungen"),
    ("promo.affiliate_disclosure", "Dieser Artikel enthält Affiliate-Links."),
    ("promo.meter", "Vous avez lu 1 des 4 articles gratuits ce mois-ci."),
    ("promo.meter", "Cancele quando quiser"),
    ("promo.newsletter", "Bitte geben Sie hier Ihre E-Mail-Adresse ein"),
    ("promo.related", "Articles liés"),
    ("promo.related", "Am häufigsten geteilt"),
    ("promo.related", "Mirá también"),
    ("promo.related", "Lo más visto"),
    ("promo.related_intl", "Mais lidas"),
    ("promo.related_intl", "Ezek is érdekelhetnek"),
    ("promo.related_intl", "Więcej na ten temat"),
    ("promo.related_intl", "更多图片>>"),
    ("promo.reading_time", "Ouça este conteúdo"),
    ("dateline.relative", "• Publiziert vor einer Stunde"),
    ("dateline.relative", "há 2 horas"),
    ("dateline.relative", "3 tuntia sitten"),
    ("dateline.relative", "Gestern um 14:30 Uhr"),
    ("dateline.date", "16 marca 2021"),
    ("dateline.date", "5 de fevereiro de 2022"),
    ("dateline.date", "19 сентября 2021"),
    ("dateline.date", "miércoles, 4 de mayo de 202207:59 hs"),
    ("dateline.date", "2020年2月19日 20:29"),
    ("dateline.published", "Atualizado em 03/05/2022"),
    ("dateline.published", "发布时间：2020-02-19"),
    ("navigation.site_control_intl", "Belépés"),
    ("navigation.site_control_intl", "登录"),
    ("navigation.footer_link", "Qui sommes-nous ?"),
    ("navigation.footer_link", "¿CÓMO ANUNCIAR?"),
    ("navigation.footer_link", "联系我们"),
    ("navigation.prev_next", "Vorheriger Beitrag"),
    ("navigation.prev_next", "下一篇"),
    ("navigation.tags", "Schlagwörter: Alltag, Religionen, Sri Lanka"),
    ("navigation.tags", "Labels : Hotel Reviews, Staycation"),
    ("navigation.widget", "Carregando..."),
    ("navigation.widget", "M D M D F S S"),
    ("navigation.widget", "Zaktualizuj przeglądarkę lub skorzystaj z alternatywnej."),
    ("navigation.widget", "Vollbild"),
    ("navigation.pagination", "‹ ›"),
    ("navigation.site_credit", "Disfunctions.de läuft mit WordPress"),
    ("navigation.menu_line_cjk", "新华社简介 公司官网 联系我们 我要链接 版权声明 法律顾问"),
    ("social_prompt.follow_intl", "Nos siga no"),
    ("social_prompt.follow_intl", "Redes Sociais"),
    ("teaser.cut_short", "Darán bendición a vehículos este sábad..."),
    ("teaser.cut_short", "3、李克强主持常务会 多措并举稳企业.."),
    ("caption.embed_credit", "Ein Beitrag geteilt von Karin Teigl (@constantly_k)"),
    ("caption.credit_line", "Foto: Carschten [CC BY-SA 3.0], via Wikimedia Commons"),
    ("caption.agency_credit", "Solarthermieanlage auf einem Hausdach © AdobeStock.com/Hermann"),
    ("caption.image_label", "Abbildung: Farblich codierte Schneehöhen im Mattertal"),
    ("caption.image_label", "3 / 12"),
    ("byline.by", "by: Cora Neas"),
    ("navigation.lone_sign", "…"),
    ("promo.like_widget", "%d Bloggern gefällt das:"),
    ("promo.like_widget", "Gefällt mir Wird geladen..."),
    ("comment_prompt.invitation", "Kommentar verfassen"),
    ("comment_prompt.form", "Benachrichtigung bei weiteren Kommentaren per E-Mail senden."),
    ("navigation.prev_next", "Neuerer Post Älterer Post Startseite"),
    ("promo.cookies", "Funktional Immer aktiv"),
    ("navigation.site_control_intl", "Inhaltsverzeichnis"),
    ("caption.embed_credit", "View this post on Instagram"),
    ("promo.donate", "Jetzt unterstützen!"),
    ("caption.image_label", "Bild:"),
    ("promo.newsletter", "Bleiben Sie informiert!"),
    ("promo.related", "Neueste Beiträge"),
    ("promo.related", "Las Más Leídas"),
    ("promo.share_intl", "Udostępnij na FB (1)"),
    ("promo.reading_time", "Escucha esta nota aquí"),
    ("promo.donate", "Apoya a El Nacional ->"),
    ("promo.feedback", "Report an error"),
    ("comment_prompt.form", "Los campos marcados con * son obligatorios"),
    ("social_prompt.follow", "Siga las noticias de EL COLOMBIANO desde Google News"),
    ("navigation.footer_link", "Order Reprint →"),
    ("promo.meter", "Reclame su oferta"),
    ("promo.subscribe", "¿Déjà abonné? Connectez-vous."),
    ("promo.shop", "In den Warenkorb"),
    ("promo.shop", "zzgl. MwSt (21%): 109,65 € Inkl. MwSt (21%): 132,68 €"),
    ("navigation.phone", "+41 81 325 22 71"),
    ("navigation.phone", "305-376-2217"),
    ("promo.related", "READ THE REST"),
    ("dateline.relative", "11 Minuten 3 Sekunden her"),
    ("comment_prompt.invitation", "Kein Kommentar vorhanden."),
    ("promo.share_buttons", "Teilen Facebook Twitter Whatsapp E-Mail"),
    ("navigation.account_help", "Forgotten Password?"),
    ("byline.author_box", "Latest posts by Amy Motroni (see all)"),
    ("comment.author_says", "Comment by Christoph Kappes — 17.07, 2011 @ 13:22"),
    ("promo.newsletter", "Ich erkläre mich mit den AGB und Datenschutzbestimmungen einverstanden."),
    ("promo.cookies", "Dieser Cookie erlaubt das Laden von Google Maps-Inhalten."),
    (
        "promo.cookies_prose",
        "Unsere Website verwendet Cookies ausschließlich für notwendige und funktionale Zwecke.",
    ),
    ("promo.cookies_prose", "Ważne: nasze strony wykorzystują pliki cookies."),
    ("promo.cookies_prose", "Cookies erleichtern die Bereitstellung unserer Dienste."),
    ("promo.cookies_prose", "Boing Boing uses cookies and analytics trackers."),
    ("promo.cookies_prose", "Ce site utilise des cookies pour mesurer son audience."),
    ("navigation.reference_links", "CAS Article PubMed Google Scholar"),
    ("navigation.reference_links", "MathSciNet Google Scholar"),
    ("promo.privacy_consent", "Ich habe die Datenschutzhinweise zur Kenntnis genommen."),
    (
        "promo.privacy_consent",
        "Mit dem Absenden Ihres Feedbacks akzeptieren Sie unsere Datenschutzbestimmungen.",
    ),
    ("promo.privacy_consent", "Wyrażam zgodę na przetwarzanie danych osobowych."),
    ("promo.privacy_consent", "Datenschutzeinstellungen verwalten"),
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
    "No comments were made by the minister when she left the building on Monday.",
    "Wer sein Kommentar verfasst, muss mit seinem Namen dafür einstehen, sagte der Richter.",
    "Apoya la propuesta del gobierno la mayoría de los diputados de la oposición, según el diario.",
    "Supporters said they would donate the money to the hospital once the appeal is heard.",
    "Alles Neue mach der Mai…",
    "And much more…",
    "Les arrestations ne remettent pas en question la réconciliation, selon le ministre.",
    "Ver más allá de lo evidente es la tarea del periodismo, dijo el director del diario.",
    "The tags on the cages were changed before the inspectors arrived, the report says.",
    "Loading the lorries took the workers most of the night, the driver told the court.",
    "Kontakt zu den Behörden hatte der Mann nach eigenen Angaben nicht mehr.",
    "El 4 de mayo de 2022 el presidente visitó la región y se reunió con los alcaldes.",
    "一个约定，信守15年，感人至深；一段真情，延续15年，催人泪下。",
    "河北：高考期间 必要时为考生开辟绿色通道",
    "Mehr als 200 Menschen kamen zu der Versammlung in der Stadthalle, sagte der Veranstalter.",
    "Inhalt und Form des Vertrags sind umstritten, wie ein Sprecher des Ministeriums sagte.",
    "Tags darauf trafen sich die Minister erneut in Brüssel, um über die Zölle zu beraten.",
    "01 02 03 04",
    "Die Zahl der Einwohner stieg von 1.000.000 auf 1.200.000 in zehn Jahren.",
    "Kaufen oder mieten? Das fragen sich viele junge Familien in den Großstädten.",
    "We use the cookies from the jar for the base of this cake, then chill it overnight.",
    "Bake the cookies for twelve minutes, until the edges are golden.",
    "Google Scholar lists more than 300 papers by the two researchers since 2010.",
    "Users who accept the privacy policy without reading it are the norm, the study found.",
]


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


def test_a_teaser_title_follows_a_related_heading_not_an_advertisement(bundled) -> None:  # type: ignore[no-untyped-def]
    """Advertisement markers and "Related" headings are both promos, but only a heading has
    teasers under it: the headline after an ad marker stays the article's."""
    title = "Militares enviaram 88 questões ao TSE sobre eleições e urnas"
    after_heading = classify([*BODY, "Leia também", title], bundled)
    assert after_heading[-1] == (Kind.TEASER, "teaser.after_promo")
    after_ad = classify([*BODY, "Continua depois da publicidade", title], bundled)
    assert after_ad[-2] == (Kind.PROMO, "promo.advertisement")
    assert after_ad[-1][0] is not Kind.TEASER
