"""Page furniture as a short line of its own, concept by concept, in 26 languages: headings over
other articles, newsletter offers, share and print buttons, the comment section's head, rating
widgets, tags, previous/next and back links, download and link boxes, the author box,
advertisement markers, follow, donate and subscribe prompts, closed comments, show-more buttons,
listen links, trending headings, media labels, site controls, footer links and dates
(``furniture_lines``, ``chrome_lines``). Each line gets its concept's kind; prose sentences that
begin with the same words stay body (the rules match whole short lines, never the start of a
sentence)."""

from __future__ import annotations

import pytest

from diffviewer.core.kinds import classify
from diffviewer.core.model import Kind
from tests.core.furniture_lines import furniture_cases

BODY = (
    "The council voted on Tuesday to approve the budget after a long debate.",
    "Officials said the plan would take effect next year, pending a final review.",
    "Critics argued that the cuts would hurt the poorest residents the most.",
)

# Sentences of articles that begin with a heading's or a button's words.
PROSE = [
    "Other news outlets reported that the minister had resigned on Friday.",
    "Am beliebtesten sind bei Touristen die Strände im Süden der Insel.",
    "Next, the council will vote on the budget in March.",
    "Password managers are recommended by security experts, the agency said.",
    "Das Passwort muss nach dem Angriff geändert werden, sagte der Sprecher.",
    "Submit your entries by Friday, the organisers said.",
    "Follow the money, the investigators said.",
    "Der Zug fährt um 14.30 Uhr.",
    "Oleh karena itu, pemerintah menunda keputusan tersebut.",
    "Di notte la città dorme e i negozi restano chiusi.",
    "Di Maio ha detto che il governo resta unito",
    "Lecture de la loi au Sénat, mardi, par le ministre.",
    "Para comentar la noticia, el ministro se negó a hablar.",
    "Mehr als 300 Menschen kamen zu der Versammlung.",
    "Weiter ging es am Montag mit den Verhandlungen in Brüssel.",
    "Listen 4 minutes before the end, the coach told the players.",
    "Duration of the project was extended to three years.",
    "Popular posts on the forum were removed after the complaint, the company said.",
    "Lo más popular entre los jóvenes es compartir vídeos cortos, según el estudio.",
    "Nicht verpassen wollte der Bürgermeister die Gelegenheit, den Helfern zu danken.",
    "Themen: Das Treffen der Minister drehte sich um Zölle und Subventionen.",
    "À la une du journal, ce matin, figurait la photo du président.",
    "Destacados científicos firmaron la carta enviada al gobierno el lunes.",
    "Destaques da reunião incluíram o novo orçamento para a saúde.",
    "In evidenza nel rapporto c'è il calo delle nascite nel Sud del Paese.",
    "Ander nieuws uit de regio werd door de krant nauwelijks opgepikt.",
    "Najważniejsze jest to, że rząd nie zmieni podatków w tym roku.",
    "Missa inte chansen att se utställningen, sa museichefen till tidningen.",
    "Главное, что нужно знать о новом законе, объяснил министр в понедельник.",
    "Головне питання зустрічі стосувалося цін на газ, повідомив міністр.",
    "Son haberler bakanlığın açıklamasıyla doğrulandı, dedi sözcü.",
    "أخبار أخرى تحدثت عن استقالة الوزير يوم الجمعة.",
    "آرشیو ملی ایران این اسناد را در سال گذشته منتشر کرد.",
    "अन्य खबरें भी इस बात की पुष्टि करती हैं कि मंत्री ने इस्तीफा दे दिया है।",
    "Berita utama surat kabar itu membahas kenaikan harga beras.",
    "Tin khác cho biết bộ trưởng đã từ chức vào thứ Sáu.",
    "ข่าวล่าสุดระบุว่ารัฐมนตรีได้ลาออกแล้วเมื่อวันศุกร์ที่ผ่านมา",
    "相关新闻报道称，部长已于周五辞职。",
    "関連記事によると、大臣は金曜日に辞任した。",
    "관련 기사에 따르면 장관은 금요일에 사임했다.",
    "Další zprávy z regionu potvrdily, že ministr v pátek odstoupil.",
    "A szerzőről annyit tudunk, hogy Budapesten született és ott is él.",
    "Muut uutiset kertoivat, että ministeri erosi perjantaina.",
    "Alte știri au confirmat că ministrul a demisionat vineri.",
    "Άλλες ειδήσεις ανέφεραν ότι ο υπουργός παραιτήθηκε την Παρασκευή.",
    "Σχόλια του υπουργού προκάλεσαν αντιδράσεις στη Βουλή.",
    "Поддержать проект решили 120 депутатов, сообщил спикер парламента.",
    "Der Newsletter des Vereins erscheint seit 1998 jeden Monat.",
    "Kategorie: Kompaktwagen",
    "Archiv der Stadt Zürich",
    "Show more restraint, the judge told the lawyers before adjourning the hearing.",
    "Слушать статью вслух учитель попросил каждого ученика по очереди.",
    "Подписаться на газету можно в любом почтовом отделении, сообщил директор.",
    "Abbonati e lettori occasionali hanno risposto al sondaggio in egual misura.",
    "Komentarze są wyłączone tylko w wyjątkowych przypadkach, wyjaśnił redaktor.",
    "Tendencias económicas apuntan a una recesión, según el informe del banco central.",
    "Videos zeigen, wie die Polizei die Demonstranten vom Platz drängte.",
    "The new theme. Powered by strong winds, the yacht crossed the Atlantic in nine days.",
    "Lies auch die Anleitung, bevor du das Gerät zum ersten Mal einschaltest.",
    "Weiterführende Informationen erhalten Betroffene bei der Verbraucherzentrale ihres Landes.",
    "Teilen und Senden von Fotos ist in der App jetzt auch ohne Konto möglich.",
    "Supported by the evidence, the court ruled in favour of the council on Tuesday.",
    "Elsewhere on the continent, prices rose sharply after the announcement.",
    "Play video games for an hour a day, the study's authors advised parents.",
    "Die Polizei bittet um Hinweise. Folgen Sie uns auf dem Weg, sagte der Bürgermeister.",
    "Auf einer Seite lesen sich die Regeln einfacher, meinte die Lehrerin.",
    "Spain 2019 (152)",
    "► Read the full report (PDF)",
    "If the comment is about the article, the editors read it before publishing.",
    "Ver noticias en la televisión ya no es lo que era, dijo el profesor.",
    "Most recent figures show that the number of visitors rose by a third.",
    "The App Store and Google Play removed the game after the complaint, the company said.",
]


@pytest.mark.parametrize(
    ("concept", "language", "kind", "line"),
    furniture_cases(),
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_furniture_line_gets_its_concepts_kind(  # type: ignore[no-untyped-def]
    bundled, concept: str, language: str, kind: Kind, line: str
) -> None:
    """Between article paragraphs, a furniture line gets the kind of its concept."""
    found, rule = classify([*BODY, line, *BODY], bundled)[len(BODY)]
    assert found is kind, (concept, language, line, rule)


@pytest.mark.parametrize("text", PROSE)
def test_prose_with_the_same_words_stays_body(bundled, text: str) -> None:  # type: ignore[no-untyped-def]
    """A sentence (or a table's row) that begins with a heading's words is the article's."""
    kind, rule = classify([*BODY, text, *BODY], bundled)[len(BODY)]
    assert (kind, rule) == (Kind.BODY, "default")
