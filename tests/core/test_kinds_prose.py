"""The publisher's own prose around an article, by concept and language: a note on the author,
a licence or reuse notice, where the text first appeared, an appeal for money, a disclaimer,
the publisher on itself, a newsletter's pitch, an affiliate disclosure, how to reach the
author. Each invented paragraph, between body paragraphs, gets the concept's kind; article
sentences with the same words stay body."""

from __future__ import annotations

import pytest

from diffviewer.core.kinds import classify
from diffviewer.core.model import Kind
from tests.core.rule_examples import middle

AUTHOR = [
    ("en", "Jane Roe is a freelance journalist based in Lisbon."),
    ("de", "Anna Berg ist freie Journalistin und lebt in Leipzig."),
    ("fr", "Claire Dubois est journaliste au service politique."),
    ("es", "Lucía Gómez es periodista y vive en Sevilla."),
    ("pt", "Ana Souza é jornalista e mora em Recife."),
    ("it", "Giulia Rossi è giornalista e scrive di ambiente."),
    ("nl", "Eva de Vries is journalist en woont in Utrecht."),
    ("pl", "Anna Nowak jest dziennikarką i mieszka w Gdańsku."),
    ("sv", "Anna Svensson är journalist på Dagbladet."),
    ("ru", "Анна Петрова является журналистом и живёт в Казани."),
    ("uk", "Олена Коваль є журналісткою та живе у Львові."),
    ("ar", "كاتب وصحفي مقيم في عمّان."),
    ("hi", "अनिल शर्मा वरिष्ठ पत्रकार हैं।"),
    ("id", "Penulis adalah dosen ilmu komunikasi di Universitas Harapan."),
    ("vi", "Tác giả là giảng viên báo chí tại Hà Nội."),
    ("zh", "作者系本报特约评论员。"),
    ("ja", "1975年東京都生まれ。新聞記者を経てフリーに。"),
    ("ko", "필자는 한빛대학교 언론학과 교수다."),
]

THE_AUTHOR = [
    ("en", "The author is a professor of maritime history at Harbour University."),
    ("de", "Der Autor ist freier Journalist und lebt in Kiel."),
    ("fr", "L'auteur est chercheur en histoire maritime."),
    ("es", "El autor es profesor de historia en Cádiz."),
    ("pt", "O autor é professor de história no Porto."),
    ("it", "L'autore è ricercatore di storia marittima."),
    ("nl", "De auteur is historicus en woont in Vlissingen."),
    ("pl", "Autor jest historykiem i mieszka w Gdyni."),
    ("sv", "Författaren är historiker och bor i Göteborg."),
    ("ru", "Автор — историк, живёт в Архангельске."),
    ("uk", "Автор — історик, живе в Одесі."),
    ("ar", "الكاتب صحفي مقيم في الإسكندرية."),
    ("fa", "نویسنده پژوهشگر تاریخ دریانوردی است."),
    ("hi", "लेखक वरिष्ठ पत्रकार हैं।"),
]

LICENCE = [
    ("en", "This article is licensed under a Creative Commons Attribution 4.0 licence."),
    ("de", "Dieser Text steht unter einer Creative-Commons-Lizenz (CC BY 4.0)."),
    ("fr", "Cet article est publié sous licence Creative Commons BY-SA."),
    ("es", "Queda prohibida su reproducción total o parcial sin autorización."),
    ("pt", "É proibida a reprodução deste conteúdo sem autorização."),
    ("it", "Riproduzione riservata."),
    ("nl", "Dit artikel valt onder een Creative Commons-licentie."),
    ("pl", "Kopiowanie i przedruk tekstu bez zgody redakcji zabronione."),
    ("sv", "Texten är publicerad under en Creative Commons-licens."),
    ("ru", "При использовании материалов сайта ссылка на источник обязательна."),
    ("uk", "При використанні матеріалів сайту посилання на джерело обов'язкове."),
    ("tr", "Bu içerik izinsiz kullanılamaz ve kaynak gösterilmeden alıntı yapılamaz."),
    ("ar", "يمنع نسخ أو إعادة نشر المواد دون إذن مسبق."),
    ("fa", "استفاده از مطالب این سایت با ذکر منبع مجاز است."),
    ("hi", "बिना अनुमति के इस सामग्री को प्रकाशित न करें।"),
    ("id", "Dilarang mengutip atau menyalin konten tanpa izin redaksi."),
    ("vi", "Nghiêm cấm sao chép nội dung khi chưa được sự đồng ý."),
    ("th", "ห้ามคัดลอกเนื้อหาโดยไม่ได้รับอนุญาต"),
    ("zh", "转载请注明出处。"),
    ("ja", "記事・写真の無断転載を禁じます。"),
    ("ko", "무단 전재 및 재배포 금지"),
]

FIRST_PUBLISHED = [
    ("en", "This article was originally published on The Harbour Post."),
    ("de", "Dieser Beitrag erschien zuerst bei der Hafenzeitung."),
    ("fr", "Cet article a d'abord été publié dans La Gazette du Port."),
    ("es", "Este artículo fue publicado originalmente en El Faro."),
    ("pt", "Este artigo foi publicado originalmente no Jornal do Porto."),
    ("it", "Questo articolo è stato pubblicato originariamente su Il Faro."),
    ("nl", "Dit artikel verscheen eerder in De Havenkrant."),
    ("pl", "Artykuł ukazał się pierwotnie w Gazecie Portowej."),
    ("sv", "Artikeln publicerades först i Hamnbladet."),
    ("ru", "Статья впервые опубликована в журнале «Маяк»."),
    ("uk", "Стаття вперше опублікована у виданні «Маяк»."),
    ("tr", "Bu yazı ilk olarak Liman Gazetesi'nde yayımlanmıştır."),
    ("ar", "نُشر هذا المقال أولاً في صحيفة الميناء."),
    ("fa", "این مقاله نخستین بار در نشریه بندر منتشر شد."),
    ("hi", "यह लेख मूल रूप से बंदरगाह टाइम्स में प्रकाशित हुआ था।"),
    ("id", "Artikel ini telah tayang di Harian Pelabuhan."),
    ("vi", "Bài viết được đăng lần đầu trên báo Cảng Biển."),
    ("th", "บทความนี้เผยแพร่ครั้งแรกที่เว็บไซต์ท่าเรือ"),
    ("zh", "本文首发于港口日报。"),
    ("ja", "この記事は港湾新聞に掲載されたものです。"),
    ("ko", "이 기사는 항구일보에 먼저 실렸습니다."),
]

APPEAL = [
    ("en", "If you value our journalism, please consider a small monthly donation."),
    ("de", "Wenn Ihnen unsere Arbeit gefällt, unterstützen Sie uns mit einer Spende."),
    ("fr", "Si vous appréciez notre travail, soutenez-nous par un don."),
    ("es", "Si te gusta nuestro periodismo, apóyanos con una suscripción."),
    ("pt", "Apoie o jornalismo independente com uma contribuição mensal."),
    ("it", "Sostieni il nostro giornalismo con una donazione."),
    ("nl", "Steun onafhankelijke journalistiek en word vandaag lid."),
    ("pl", "Wesprzyj niezależne dziennikarstwo – przekaż darowiznę."),
    ("sv", "Stöd oberoende journalistik genom att bli månadsgivare."),
    ("ru", "Поддержите независимую журналистику — сделайте пожертвование."),
    ("uk", "Підтримайте незалежну журналістику — зробіть внесок."),
    ("tr", "Bağımsız gazeteciliği desteklemek için bağış yapın."),
    ("ar", "ادعم الصحافة المستقلة وساهم في استمرارها."),
    ("fa", "از ما حمایت کنید تا روزنامه‌نگاری مستقل زنده بماند."),
    ("hi", "स्वतंत्र पत्रकारिता का समर्थन करें और हमें सहयोग दें।"),
    ("id", "Dukung jurnalisme independen dengan berdonasi hari ini."),
    ("vi", "Hãy ủng hộ chúng tôi để duy trì báo chí độc lập."),
    ("th", "ร่วมสนับสนุนเราเพื่อสื่ออิสระ"),
    ("zh", "如果您喜欢我们的文章，请支持我们。"),
    ("ja", "この記事が気に入ったらサポートをお願いします。"),
    ("ko", "독립 언론을 후원해 주세요."),
]

DISCLAIMER = [
    ("en", "The views expressed in this article are those of the author alone."),
    ("de", "Die Meinung des Autors muss nicht mit der Meinung der Redaktion übereinstimmen."),
    ("fr", "Les opinions exprimées dans cette tribune n'engagent que leur auteur."),
    ("es", "Las opiniones expresadas son responsabilidad exclusiva de su autor."),
    ("pt", "As opiniões expressas neste artigo não refletem necessariamente a opinião do site."),
    ("it", "Le opinioni espresse sono personali dell'autore."),
    ("nl", "Dit artikel is geen beleggingsadvies."),
    ("pl", "Opinie wyrażone w tekście są prywatnymi opiniami autora."),
    ("sv", "Texten utgör inte finansiell rådgivning."),
    ("ru", "Мнение автора может не совпадать с позицией редакции."),
    ("uk", "Думка автора може не збігатися з позицією редакції."),
    ("tr", "Bu yazıdaki görüşler yazarın kendi görüşleridir, yatırım tavsiyesi değildir."),
    ("ar", "المقالات المنشورة لا تعبر بالضرورة عن رأي الموقع."),
    ("fa", "دیدگاه‌های مطرح شده در این یادداشت لزوما بیانگر دیدگاه سایت نیست."),
    ("hi", "ये लेखक के निजी विचार हैं।"),
    ("id", "Tulisan ini sepenuhnya merupakan tanggung jawab penulis."),
    ("vi", "Bài viết thể hiện quan điểm riêng của tác giả."),
    ("th", "บทความนี้ไม่ใช่คำแนะนำการลงทุน"),
    ("zh", "本文仅代表作者观点，不构成投资建议。"),
    ("ja", "本記事は投資助言ではありません。"),
    ("ko", "이 글은 필자의 개인 견해이며 본지의 입장과 다를 수 있습니다."),
]

PUBLISHER = [
    ("en", "The Harbour Post is an independent, nonprofit newsroom covering the coast."),
    ("de", "Wir sind ein unabhängiges, spendenfinanziertes Magazin aus Hamburg."),
    ("fr", "La Gazette du Port est un média indépendant et sans publicité."),
    ("es", "El Faro es un medio independiente financiado por sus lectores."),
    ("pt", "O Farol é um veículo de jornalismo independente."),
    ("it", "Il Faro è una testata indipendente e senza scopo di lucro."),
    ("nl", "De Havenkrant is een onafhankelijk journalistiek platform."),
    ("pl", "Latarnia jest niezależnym portalem informacyjnym."),
    ("sv", "Hamnbladet är en oberoende nyhetssajt."),
    ("ru", "«Маяк» — независимое издание о жизни побережья."),
    ("uk", "«Маяк» — незалежне видання про життя узбережжя."),
    ("tr", "Liman, bağımsız bir haber sitesi olarak yayın yapıyor."),
    ("ar", "الميناء منصة إعلامية مستقلة تغطي شؤون الساحل."),
    ("fa", "بندر رسانه‌ای مستقل است."),
    ("hi", "बंदरगाह एक स्वतंत्र समाचार पोर्टल है।"),
    ("id", "Pelabuhan adalah media independen yang didanai pembaca."),
    ("vi", "Cảng Biển là một tờ báo điện tử độc lập."),
    ("th", "ท่าเรือเป็นสื่ออิสระที่ได้รับการสนับสนุนจากผู้อ่าน"),
    ("zh", "港口是一家独立新闻媒体。"),
    ("ja", "港湾ウォッチは独立系メディアです。"),
    ("ko", "항구뉴스는 독립 언론이다."),
]

NEWSLETTER = [
    ("en", "Sign up for our free newsletter to get the best stories every Friday."),
    ("de", "Abonnieren Sie unseren Newsletter und verpassen Sie nichts."),
    ("fr", "Inscrivez-vous à notre newsletter pour recevoir nos articles."),
    ("es", "Suscríbete a nuestro boletín y recibe las noticias cada mañana."),
    ("pt", "Assine a nossa newsletter e receba as principais notícias."),
    ("it", "Iscriviti alla nostra newsletter per ricevere gli aggiornamenti."),
    ("nl", "Schrijf je in voor onze nieuwsbrief en mis niets."),
    ("pl", "Zapisz się do naszego newslettera."),
    ("sv", "Prenumerera på vårt nyhetsbrev."),
    ("ru", "Подпишитесь на нашу рассылку, чтобы не пропустить главное."),
    ("uk", "Підпишіться на нашу розсилку, щоб не пропустити головне."),
    ("tr", "Haftalık e-bültenimize abone olun."),
    ("ar", "اشترك في النشرة البريدية لتصلك أهم الأخبار."),
    ("fa", "در خبرنامه ما عضو شوید."),
    ("id", "Berlangganan newsletter kami untuk berita terbaru."),
    ("vi", "Đăng ký nhận bản tin của chúng tôi."),
    ("th", "สมัครรับจดหมายข่าวของเรา"),
    ("zh", "订阅我们的新闻通讯。"),
    ("ja", "メルマガの登録はこちらから。"),
    ("ko", "뉴스레터 구독하기"),
]

AFFILIATE = [
    ("en", "If you buy something through our links, we may earn a small commission."),
    ("de", "Wenn Sie über diese Links einkaufen, erhalten wir eine kleine Provision."),
    ("fr", "Nous pouvons percevoir une commission sur les achats effectués via ces liens."),
    ("es", "Podemos recibir una comisión por las compras realizadas a través de estos enlaces."),
    ("pt", "Podemos receber uma comissão pelas compras feitas nestes links de afiliados."),
    ("it", "Potremmo ricevere una commissione sugli acquisti effettuati tramite questi link."),
    ("nl", "Via deze links ontvangen we mogelijk een kleine commissie."),
    ("pl", "Artykuł zawiera linki afiliacyjne."),
    ("sv", "Artikeln innehåller affiliatelänkar."),
    ("ru", "В статье есть партнёрские ссылки."),
    ("uk", "У статті є партнерські посилання."),
    ("tr", "Bu yazıdaki bağlantılardan komisyon alabiliriz."),
    ("ar", "قد نحصل على عمولة من عمليات الشراء عبر هذه الروابط."),
    ("hi", "इस लेख में एफिलिएट लिंक हैं।"),
    ("id", "Kami mungkin menerima komisi dari pembelian melalui tautan afiliasi ini."),
    ("vi", "Chúng tôi có thể nhận hoa hồng từ các liên kết trong bài."),
    ("th", "บทความนี้มีลิงก์แอฟฟิลิเอต"),
    ("zh", "本文包含推广链接，我们可能会获得佣金。"),
    ("ja", "当サイトはアフィリエイト広告を利用しています。"),
    ("ko", "이 포스팅은 쿠팡 파트너스 활동의 일환으로 수수료를 제공받습니다."),
]

CONTACT = [
    ("en", "You can reach Jane Roe at jane.roe@example.com."),
    ("de", "Sie erreichen die Autorin unter anna.berg@example.de."),
    ("fr", "Contacter l'auteur : claire.dubois@example.fr"),
    ("es", "Puedes escribir al autor en lucia@example.es."),
    ("pt", "Fale com o autor pelo e-mail ana@example.br."),
    ("it", "Puoi contattare l'autore a giulia@example.it."),
    ("nl", "U kunt de auteur bereiken via eva@example.nl."),
    ("pl", "Kontakt z autorem: anna@example.pl"),
    ("sv", "Du når skribenten på anna@example.se."),
    ("ru", "Связаться с автором: anna@example.ru"),
    ("uk", "Зв'язатися з автором: olena@example.ua"),
    ("tr", "Yazarla iletişim: ali@example.com.tr"),
    ("ar", "للتواصل مع الكاتب: writer@example.com"),
    ("fa", "ارتباط با نویسنده: writer@example.ir"),
    ("hi", "लेखक से संपर्क: anil@example.in"),
    ("id", "Hubungi penulis di budi@example.id."),
    ("vi", "Liên hệ tác giả: tacgia@example.vn"),
    ("th", "ติดต่อผู้เขียน: writer@example.th"),
    ("zh", "联系作者：writer@example.cn"),
    ("ja", "筆者へのお問い合わせ：writer@example.jp"),
]

CASES = [
    (Kind.BYLINE, AUTHOR),
    (Kind.BYLINE, THE_AUTHOR),
    (Kind.COPYRIGHT, LICENCE),
    (Kind.COPYRIGHT, FIRST_PUBLISHED),
    (Kind.PROMO, APPEAL),
    (Kind.PROMO, DISCLAIMER),
    (Kind.PROMO, PUBLISHER),
    (Kind.PROMO, NEWSLETTER),
    (Kind.PROMO, AFFILIATE),
    (Kind.BYLINE, CONTACT),
]

# Article sentences with the concepts' words, which stay body.
ARTICLE = [
    "Creative Commons, a nonprofit founded in 2001, says millions of works now use its licences.",
    "The novel first appeared in a small magazine in 1951 and was forgotten for decades.",
    "The report was first published in 2019 by the health ministry and revised since.",
    "Supporters of the new stadium say it will bring jobs to the harbour district.",
    "If you value quiet, the northern beaches are the place to go in August.",
    "The charity said your donation of a coat could keep a family warm this winter.",
    "The views expressed by residents at the meeting were mostly critical of the plan.",
    "Greenpeace, the campaign group, said the spill was the worst in a decade.",
    "She signed up for a cooking course and later opened a small restaurant.",
    "The company said it may earn more from its ferries this year than last.",
    "Die Stadt unterstützt den Verein mit einem kleinen Beitrag zur Miete.",
    "Der Roman erschien zuerst 1951 und wurde dann vergessen.",
    "Wenn Ihnen das Wetter gefällt, lohnt sich ein Ausflug an die Küste.",
    "Le maire a dit que les opinions exprimées lors du débat étaient respectables.",
    "El alcalde dijo que el puerto recibirá una nueva grúa el próximo año.",
    "Hi, said the girl at the door, and then she ran back inside.",
    "Anna Berg ist die Tochter des Bürgermeisters und lebt in Leipzig.",
    "The author describes the harbour as a place of quiet beauty and hard work.",
    "Der Autor beschreibt den Hafen als Ort harter Arbeit.",
    "Смотрители маяка поддерживают порядок на побережье круглый год.",
]


@pytest.mark.parametrize(
    ("kind", "lang", "text"),
    [(kind, lang, text) for kind, rows in CASES for lang, text in rows],
)
def test_publisher_prose_gets_its_kind(bundled, kind, lang, text) -> None:  # type: ignore[no-untyped-def]
    """Each concept's wording, in each language, between article paragraphs."""
    texts, index = middle(text)
    got, rule = classify(list(texts), bundled)[index]
    assert got is kind, (lang, text, rule)


@pytest.mark.parametrize("text", ARTICLE)
def test_article_sentences_with_the_same_words_stay_body(bundled, text) -> None:  # type: ignore[no-untyped-def]
    texts, index = middle(text)
    got, rule = classify(list(texts), bundled)[index]
    assert got is Kind.BODY, (text, rule)
