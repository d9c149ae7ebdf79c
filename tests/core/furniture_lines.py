"""Page furniture as a short line of its own, concept by concept and language by language: the
wordings news and blog pages commonly use (written from knowledge of such pages, not read off
the kinds corpus). ``test_kinds_vocabulary`` asserts each line's kind. Lines of one language are
separated by " | " (no line holds that). The page's chrome (buttons, site controls, footer
links, dates) is in ``chrome_lines``."""

from __future__ import annotations

from diffviewer.core.model import Kind
from tests.core.chrome_lines import CHROME

# concept: (kind, {language: "line | line | ..."})
FURNITURE: dict[str, tuple[Kind, dict[str, str]]] = {
    "other articles": (
        Kind.PROMO,
        {
            "en": "Read also | Related articles | More on this topic | Other news | Latest news"
            " | Most read | Top stories | Recommended for you | Don't miss | Popular posts"
            " | In other news | Sponsored stories",
            "de": "Lesen Sie auch | Auch interessant | Mehr zum Thema | Weitere Nachrichten"
            " | Neueste Artikel | Meistgelesen | Top-Themen | Empfehlungen der Redaktion"
            " | Nicht verpassen | Passend zum Thema | Verpassen Sie nicht | Am beliebtesten"
            " | Das Neueste | Mehr aus dem Ressort | Dich interessiert vielleicht auch"
            " | Leser interessierten sich auch für | Ebenfalls lesenswert"
            " | Artikel, die dir auch gefallen könnten | Interessante Themen",
            "fr": "À lire aussi | Articles similaires | Sur le même sujet | Autres actualités"
            " | Dernières actualités | Les plus lus | À la une | Nos recommandations"
            " | À ne pas manquer | Dans la même rubrique | Vous aimerez aussi | À voir aussi"
            " | Articles récents",
            "es": "Lee también | Te puede interesar | Noticias relacionadas | Más sobre este tema"
            " | Otras noticias | Últimas noticias | Lo más leído | Destacados | Recomendados"
            " | No te pierdas | Contenido relacionado | Lo más popular | Notas relacionadas"
            " | Entradas recientes",
            "pt": "Leia também | Notícias relacionadas | Mais sobre o assunto | Outras notícias"
            " | Últimas notícias | Mais lidas | Destaques | Recomendados para você | Não perca"
            " | Você também pode gostar | Mais populares",
            "it": "Leggi anche | Articoli correlati | Ti potrebbe interessare | Altre notizie"
            " | Ultime notizie | I più letti | In evidenza | Consigliati | Da non perdere"
            " | Potrebbe piacerti anche | Le più lette",
            "nl": "Lees ook | Gerelateerde artikelen | Meer over dit onderwerp | Ander nieuws"
            " | Laatste nieuws | Meest gelezen | Uitgelicht | Aanbevolen | Mis niet"
            " | Ook interessant | Meest bekeken",
            "pl": "Czytaj także | Powiązane artykuły | Więcej na ten temat | Inne wiadomości"
            " | Najnowsze wiadomości | Najczęściej czytane | Najważniejsze | Polecane"
            " | Nie przegap | Może cię zainteresować",
            "sv": "Läs också | Relaterade artiklar | Mer om ämnet | Andra nyheter | Senaste nytt"
            " | Mest lästa | Toppnyheter | Rekommenderat | Missa inte",
            "ru": "Читайте также | Похожие статьи | По теме | Другие новости | Последние новости"
            " | Самое читаемое | Главное | Рекомендуем | Не пропустите | Материалы по теме",
            "uk": "Читайте також | Схожі статті | По темі | Інші новини | Останні новини"
            " | Найпопулярніше | Головне | Рекомендуємо | Не пропустіть | Новини по темі",
            "tr": "Bunu da okuyun | İlgili haberler | Benzer haberler | Diğer haberler"
            " | Son haberler | En çok okunanlar | Öne çıkanlar | Önerilen | Kaçırmayın"
            " | İlginizi çekebilir",
            "ar": "اقرأ أيضا | أخبار ذات صلة | المزيد حول هذا الموضوع | أخبار أخرى | آخر الأخبار"
            " | الأكثر قراءة | أهم الأخبار | لا تفوت | قد يهمك أيضا | مواضيع ذات صلة",
            "fa": "بیشتر بخوانید | اخبار مرتبط | مطالب بیشتر | سایر اخبار | آخرین اخبار"
            " | پربازدیدترین | پیشنهاد سردبیر | از دست ندهید | مطالب مشابه",
            "hi": "यह भी पढ़ें | संबंधित खबरें | अन्य खबरें | ताज़ा खबरें | सबसे ज्यादा पढ़ी गई"
            " | टॉप स्टोरीज | मिस न करें | और पढ़ें | ज़रूर पढ़ें",
            "id": "Baca juga | Berita terkait | Berita lainnya | Berita terbaru | Terpopuler"
            " | Paling banyak dibaca | Berita utama | Rekomendasi | Jangan lewatkan"
            " | Pilihan editor",
            "vi": "Xem thêm | Tin liên quan | Bài viết liên quan | Tin khác | Tin mới nhất"
            " | Đọc nhiều nhất | Tin nổi bật | Đừng bỏ lỡ | Tin cùng chuyên mục"
            " | Có thể bạn quan tâm",
            "th": "อ่านเพิ่มเติม | ข่าวที่เกี่ยวข้อง | ข่าวอื่นๆ | ข่าวล่าสุด | ยอดนิยม | อ่านมากที่สุด"
            " | ข่าวเด่น | ห้ามพลาด | บทความแนะนำ",
            "zh": "相关阅读 | 延伸阅读 | 相关新闻 | 其他新闻 | 最新新闻 | 热门文章 | 阅读排行"
            " | 推荐阅读 | 编辑推荐 | 不容错过 | 猜你喜欢 | 延伸閱讀 | 相關新聞 | 熱門新聞"
            " | 為你推薦",
            "ja": "あわせて読みたい | 関連記事 | 関連ニュース | その他のニュース | 最新ニュース"
            " | よく読まれている記事 | 人気記事 | おすすめ記事 | 注目記事 | 続きを読む",
            "ko": "관련 기사 | 관련기사 | 다른 뉴스 | 최신 뉴스 | 많이 본 뉴스 | 주요 뉴스"
            " | 추천 기사 | 인기 기사 | 이 시각 주요뉴스",
            "cs": "Čtěte také | Související články | Další zprávy | Nejnovější zprávy"
            " | Nejčtenější | Doporučujeme | Nenechte si ujít | Mohlo by vás zajímat",
            "hu": "Olvassa el ezt is | Kapcsolódó cikkek | További hírek | Legfrissebb hírek"
            " | Legolvasottabb | Ajánló | Ne hagyja ki | Ezt is ajánljuk",
            "fi": "Lue myös | Aiheeseen liittyvät | Aiheesta lisää | Muut uutiset"
            " | Uusimmat uutiset | Luetuimmat | Pääuutiset | Suosittelemme | Älä missaa",
            "ro": "Citește și | Articole similare | Alte știri | Ultimele știri | Cele mai citite"
            " | Recomandări | Nu rata | Te-ar putea interesa | Pe aceeași temă",
            "el": "Διαβάστε επίσης | Σχετικά άρθρα | Σχετικές ειδήσεις | Άλλες ειδήσεις"
            " | Τελευταίες ειδήσεις | Τα πιο δημοφιλή | Προτεινόμενα | Μην χάσετε",
        },
    ),
    "newsletter": (
        Kind.PROMO,
        {
            "en": "Subscribe to our newsletter | Never miss a story"
            " | Get the latest news in your inbox",
            "de": "Newsletter abonnieren | Melden Sie sich für unseren Newsletter an",
            "fr": "Inscrivez-vous à notre newsletter | Recevez notre newsletter",
            "es": "Suscríbete a nuestro boletín | Recibe nuestra newsletter",
            "pt": "Assine nossa newsletter | Inscreva-se na nossa newsletter",
            "it": "Iscriviti alla newsletter | Iscriviti alla nostra newsletter",
            "nl": "Schrijf je in voor onze nieuwsbrief | Meld je aan voor de nieuwsbrief",
            "pl": "Zapisz się do newslettera | Zapisz się na newsletter",
            "sv": "Prenumerera på vårt nyhetsbrev | Anmäl dig till nyhetsbrevet",
            "ru": "Подпишитесь на нашу рассылку | Подписаться на рассылку",
            "uk": "Підпишіться на нашу розсилку | Підписатися на розсилку",
            "tr": "Bültenimize abone olun | E-bültene kaydolun",
            "ar": "اشترك في النشرة الإخبارية | اشترك في نشرتنا البريدية",
            "fa": "عضویت در خبرنامه | در خبرنامه ما عضو شوید",
            "hi": "हमारे न्यूज़लेटर की सदस्यता लें | न्यूज़लेटर के लिए साइन अप करें",
            "id": "Berlangganan newsletter kami | Daftar newsletter",
            "vi": "Đăng ký nhận bản tin | Đăng ký nhận tin qua email",
            "th": "สมัครรับจดหมายข่าว | สมัครรับข่าวสารทางอีเมล",
            "zh": "订阅我们的新闻简报 | 订阅新闻邮件 | 訂閱電子報",
            "ja": "ニュースレターに登録 | メールマガジン登録 | メルマガ登録",
            "ko": "뉴스레터 구독하기 | 뉴스레터 신청",
            "cs": "Přihlaste se k odběru newsletteru | Odebírat newsletter",
            "hu": "Iratkozzon fel hírlevelünkre | Feliratkozás hírlevélre",
            "fi": "Tilaa uutiskirje | Tilaa uutiskirjeemme",
            "ro": "Abonează-te la newsletter | Abonați-vă la newsletter",
            "el": "Εγγραφείτε στο newsletter | Εγγραφή στο newsletter",
        },
    ),
    "share and print": (
        Kind.PROMO,
        {
            "en": "Share | Print | Download PDF | Share this article",
            "de": "Teilen | Drucken | Als PDF herunterladen | Artikel drucken",
            "fr": "Partager | Imprimer | Télécharger en PDF | Imprimer l'article",
            "es": "Compartir | Imprimir | Descargar PDF | Compartir esta noticia",
            "pt": "Compartilhar | Imprimir | Baixar PDF | Compartilhe esta notícia",
            "it": "Condividi | Stampa | Scarica PDF | Condividi l'articolo",
            "nl": "Delen | Afdrukken | Printen | Deel dit artikel",
            "pl": "Udostępnij | Drukuj | Pobierz PDF | Udostępnij artykuł",
            "sv": "Dela | Skriv ut | Dela artikeln",
            "ru": "Поделиться | Печать | Распечатать | Версия для печати",
            "uk": "Поділитися | Друк | Версія для друку",
            "tr": "Paylaş | Yazdır | Haberi paylaş",
            "ar": "شارك | مشاركة | طباعة | شارك الخبر",
            "fa": "اشتراک گذاری | چاپ | نسخه چاپی",
            "hi": "शेयर करें | प्रिंट करें",
            "id": "Bagikan | Cetak | Bagikan artikel ini",
            "vi": "Chia sẻ | In bài viết | Chia sẻ bài viết",
            "th": "แชร์ | พิมพ์ | แชร์บทความนี้",
            "zh": "分享 | 打印 | 分享到 | 打印本页",
            "ja": "シェア | 印刷 | この記事をシェアする | 印刷する | この記事についてツイート"
            " | はてなブックマーク | LINEで送る",
            "ko": "공유하기 | 인쇄 | 기사 공유 | 프린트",
            "cs": "Sdílet | Tisk | Vytisknout | Sdílet článek",
            "hu": "Megosztás | Nyomtatás | Megosztom",
            "fi": "Jaa | Tulosta | Jaa artikkeli",
            "ro": "Distribuie | Printează | Distribuie articolul",
            "el": "Κοινοποίηση | Εκτύπωση | Μοιραστείτε το άρθρο",
        },
    ),
    "comment section": (
        Kind.COMMENT_PROMPT,
        {
            "en": "3 comments | No comments yet | Leave a comment | Comment on this article"
            " | Show comments",
            "de": "3 Kommentare | Noch keine Kommentare | Kommentar schreiben"
            " | Kommentare anzeigen | Diesen Artikel kommentieren",
            "fr": "3 commentaires | Aucun commentaire | Laisser un commentaire"
            " | Commenter cet article | Afficher les commentaires | Voir les commentaires",
            "es": "3 comentarios | Sin comentarios | Deja un comentario | Comenta esta noticia"
            " | Ver comentarios",
            "pt": "3 comentários | Nenhum comentário | Deixe um comentário"
            " | Comente esta notícia | Ver comentários",
            "it": "3 commenti | Nessun commento | Lascia un commento | Commenta l'articolo"
            " | Mostra commenti",
            "nl": "3 reacties | Nog geen reacties | Plaats een reactie"
            " | Reageer op dit artikel | Bekijk reacties",
            "pl": "3 komentarze | Brak komentarzy | Dodaj komentarz | Skomentuj artykuł"
            " | Pokaż komentarze",
            "sv": "3 kommentarer | Inga kommentarer | Lämna en kommentar | Kommentera artikeln"
            " | Visa kommentarer",
            "ru": "3 комментария | Комментариев пока нет | Нет комментариев"
            " | Оставить комментарий | Комментировать | Показать комментарии",
            "uk": "3 коментарі | Коментарів немає | Залишити коментар | Коментувати"
            " | Показати коментарі",
            "tr": "3 yorum | Henüz yorum yok | Yorum yap | Yorum yazın | Yorumları göster",
            "ar": "3 تعليقات | لا توجد تعليقات | أضف تعليقاً | اترك تعليقا | عرض التعليقات",
            "fa": "۳ نظر | نظرات | بدون نظر | ارسال نظر | نظر خود را بنویسید",
            "hi": "3 टिप्पणियाँ | कोई टिप्पणी नहीं | टिप्पणी करें | कमेंट करें",
            "id": "3 komentar | Belum ada komentar | Tulis komentar | Tinggalkan komentar"
            " | Lihat komentar",
            "vi": "3 bình luận | Chưa có bình luận | Gửi bình luận | Viết bình luận"
            " | Xem bình luận | Ý kiến bạn đọc",
            "th": "3 ความคิดเห็น | ยังไม่มีความคิดเห็น | แสดงความคิดเห็น | ดูความคิดเห็น",
            "zh": "3条评论 | 暂无评论 | 发表评论 | 查看评论 | 我要评论 | 网友评论 | 全部评论",
            "ja": "3件のコメント | コメントはまだありません | コメントを書く | コメントする"
            " | コメントを見る",
            "ko": "댓글 3 | 댓글 3개 | 댓글이 없습니다 | 댓글 쓰기 | 댓글 보기 | 댓글 달기",
            "cs": "3 komentáře | Žádné komentáře | Přidat komentář | Napište komentář"
            " | Zobrazit komentáře | Diskuse",
            "hu": "3 hozzászólás | Nincs hozzászólás | Szóljon hozzá | Hozzászólok",
            "fi": "3 kommenttia | Ei kommentteja | Kommentoi | Jätä kommentti | Näytä kommentit",
            "ro": "3 comentarii | Niciun comentariu | Lasă un comentariu"
            " | Adaugă un comentariu | Comentează | Vezi comentariile",
            "el": "3 σχόλια | Δεν υπάρχουν σχόλια | Αφήστε ένα σχόλιο | Σχολιάστε | Σχόλια",
        },
    ),
    "rating": (
        Kind.PROMO,
        {
            "en": "Was this article helpful? | Rate this article | 12 ratings",
            "de": "War dieser Artikel hilfreich? | Artikel bewerten | 12 Bewertungen",
            "fr": "Cet article vous a-t-il été utile ? | Noter cet article | 12 votes",
            "es": "¿Te ha resultado útil este artículo? | Valora este artículo | 12 valoraciones",
            "pt": "Este artigo foi útil? | Avalie este artigo | 12 avaliações",
            "it": "Questo articolo ti è stato utile? | Valuta questo articolo | 12 voti",
            "nl": "Was dit artikel nuttig? | Beoordeel dit artikel | 12 beoordelingen",
            "pl": "Czy ten artykuł był pomocny? | Oceń artykuł | 12 ocen",
            "sv": "Var den här artikeln till hjälp? | Betygsätt artikeln | 12 röster",
            "ru": "Была ли эта статья полезной? | Оцените статью | 12 оценок",
            "uk": "Чи була ця стаття корисною? | Оцініть статтю | 12 оцінок",
            "tr": "Bu makale yardımcı oldu mu? | Haberi değerlendirin | 12 oy",
            "ar": "هل كان هذا المقال مفيدا؟ | قيم هذا المقال | 12 تقييم",
            "fa": "آیا این مطلب مفید بود؟ | به این مطلب امتیاز دهید | 12 رأی",
            "hi": "क्या यह लेख उपयोगी था? | इस लेख को रेट करें | 12 रेटिंग",
            "id": "Apakah artikel ini membantu? | Beri nilai artikel ini | 12 suara",
            "vi": "Bài viết có hữu ích không? | Đánh giá bài viết | 12 lượt đánh giá",
            "th": "บทความนี้มีประโยชน์หรือไม่ | ให้คะแนนบทความนี้",
            "zh": "这篇文章对您有帮助吗？ | 为本文评分 | 12人评分",
            "ja": "この記事は役に立ちましたか？ | この記事を評価する | 12件の評価",
            "ko": "이 기사가 도움이 되었나요? | 기사 평가하기",
            "cs": "Byl tento článek užitečný? | Ohodnoťte článek | 12 hodnocení",
            "hu": "Hasznos volt ez a cikk? | Értékelje a cikket | 12 értékelés",
            "fi": "Oliko tämä artikkeli hyödyllinen? | Arvioi artikkeli | 12 arviota",
            "ro": "A fost util acest articol? | Evaluează articolul | 12 voturi",
            "el": "Ήταν χρήσιμο αυτό το άρθρο; | Βαθμολογήστε το άρθρο | 12 ψήφοι",
        },
    ),
    "tags": (
        Kind.NAVIGATION,
        {
            "en": "Tags: politics, Europe | Filed under: Politics | Categories: World"
            " | Topics: Elections",
            "de": "Schlagwörter: Politik | Themen: Wahlen, Europa | Kategorien: Politik",
            "fr": "Mots-clés : politique | Thèmes : élections | Catégorie : Monde",
            "es": "Etiquetas: política | Temas: elecciones | Categoría: Mundo"
            " | Archivado en: Política",
            "pt": "Tags: política | Tópicos: eleições | Categorias: Mundo | Assuntos: eleições"
            " | Palavras-chave: política",
            "it": "Tag: politica | Argomenti: elezioni | Categorie: Mondo"
            " | Parole chiave: politica",
            "nl": "Tags: politiek | Onderwerpen: verkiezingen | Categorie: Wereld"
            " | Trefwoorden: politiek",
            "pl": "Tagi: polityka | Tematy: wybory | Słowa kluczowe: polityka",
            "sv": "Taggar: politik | Ämnen: val | Kategorier: Världen | Nyckelord: politik",
            "ru": "Теги: политика | Темы: выборы | Рубрика: Мир | Метки: политика"
            " | Ключевые слова: политика",
            "uk": "Теги: політика | Теми: вибори | Рубрика: Світ | Мітки: політика"
            " | Ключові слова: політика",
            "tr": "Etiketler: siyaset | Konular: seçim | Kategoriler: Dünya"
            " | Anahtar kelimeler: siyaset",
            "ar": "الوسوم: سياسة | الكلمات المفتاحية: سياسة | التصنيف: العالم",
            "fa": "برچسب‌ها: سیاست | برچسب ها: سیاست | کلیدواژه‌ها: سیاست | دسته‌بندی: جهان",
            "hi": "टैग: राजनीति | विषय: चुनाव | श्रेणी: दुनिया",
            "id": "Tag: politik | Topik: pemilu | Kata kunci: politik",
            "vi": "Thẻ: chính trị | Từ khóa: chính trị | Chủ đề: bầu cử | Chuyên mục: Thế giới",
            "th": "แท็ก: การเมือง | หมวดหมู่: ต่างประเทศ | คำค้น: การเมือง",
            "zh": "标签：政治 | 关键词：政治 | 關鍵詞：政治 | 分类：国际",
            "ja": "タグ：政治 | カテゴリー：国際 | キーワード：政治",
            "ko": "태그: 정치 | 키워드: 정치 | 카테고리: 국제",
            "cs": "Štítky: politika | Témata: volby | Klíčová slova: politika",
            "hu": "Címkék: politika | Témák: választás | Kategóriák: Világ | Kulcsszavak: politika",
            "fi": "Avainsanat: politiikka | Aiheet: vaalit | Kategoriat: Maailma",
            "ro": "Etichete: politică | Subiecte: alegeri | Categorii: Lume"
            " | Cuvinte cheie: politică",
            "el": "Ετικέτες: πολιτική | Θέματα: εκλογές | Κατηγορίες: Κόσμος",
        },
    ),
    "previous and next": (
        Kind.NAVIGATION,
        {
            "en": "Previous article | Next article: The council approves the budget | Next"
            " | Previous",
            "de": "Vorheriger Artikel | Nächster Artikel | Weiter »",
            "fr": "Article précédent | Article suivant",
            "es": "Artículo anterior | Noticia siguiente",
            "pt": "Artigo anterior | Próxima notícia",
            "it": "Articolo precedente | Articolo successivo",
            "nl": "Vorig artikel | Volgend artikel",
            "pl": "Poprzedni artykuł | Następny artykuł",
            "sv": "Föregående artikel | Nästa artikel",
            "ru": "Предыдущая статья | Следующая новость",
            "uk": "Попередня стаття | Наступна новина",
            "tr": "Önceki haber | Sonraki haber | Önceki yazı",
            "ar": "المقال السابق | الخبر التالي | المقالة التالية",
            "fa": "مطلب قبلی | خبر بعدی | مطلب بعدی",
            "hi": "पिछला लेख | अगला लेख | अगली खबर",
            "id": "Artikel sebelumnya | Berita selanjutnya | Artikel berikutnya",
            "vi": "Bài trước | Bài tiếp theo | Tin tiếp theo",
            "th": "บทความก่อนหน้า | บทความถัดไป | ข่าวถัดไป",
            "zh": "上一篇 | 下一篇：地方政府出台新规 | 上一条 | 下一条",
            "ja": "前の記事 | 次の記事",
            "ko": "이전 기사 | 다음 기사 | 이전글 | 다음글",
            "cs": "Předchozí článek | Další článek",
            "hu": "Előző cikk | Következő cikk",
            "fi": "Edellinen artikkeli | Seuraava artikkeli | Edellinen uutinen",
            "ro": "Articolul anterior | Articolul următor | Articol precedent",
            "el": "Προηγούμενο άρθρο | Επόμενο άρθρο",
        },
    ),
    "back to the list": (
        Kind.NAVIGATION,
        {
            "en": "Back to overview | All articles | Archive | All news | Back to home",
            "de": "Zurück zur Übersicht | Alle Artikel | Archiv | Zum Archiv | Zur Startseite",
            "fr": "Retour à la liste | Tous les articles | Archives | Retour aux actualités",
            "es": "Volver al listado | Todas las noticias | Archivo | Hemeroteca",
            "pt": "Voltar para a lista | Todas as notícias | Arquivo | Ver todas as notícias",
            "it": "Torna all'elenco | Tutte le notizie | Archivio | Tutti gli articoli",
            "nl": "Terug naar overzicht | Alle artikelen | Archief | Alle nieuws",
            "pl": "Powrót do listy | Wszystkie artykuły | Archiwum | Wróć do listy",
            "sv": "Tillbaka till översikten | Alla artiklar | Arkiv | Alla nyheter",
            "ru": "Вернуться к списку | Все новости | Архив | Все статьи",
            "uk": "Повернутися до списку | Всі новини | Усі новини | Архів",
            "tr": "Listeye dön | Tüm haberler | Arşiv | Tüm yazılar",
            "ar": "العودة إلى القائمة | كل الأخبار | جميع الأخبار | الأرشيف",
            "fa": "بازگشت به فهرست | همه اخبار | آرشیو",
            "hi": "सभी खबरें | सभी लेख | आर्काइव",
            "id": "Kembali ke daftar | Semua berita | Arsip | Indeks berita",
            "vi": "Quay lại danh sách | Tất cả tin tức | Lưu trữ",
            "th": "ข่าวทั้งหมด | บทความทั้งหมด | คลังข่าว",
            "zh": "返回列表 | 全部新闻 | 所有文章 | 新闻归档",
            "ja": "一覧へ戻る | 一覧に戻る | 記事一覧 | すべての記事 | ニュース一覧",
            "ko": "목록으로 | 목록 보기 | 전체 기사 | 기사 목록",
            "cs": "Zpět na přehled | Všechny články | Archiv | Všechny zprávy",
            "hu": "Vissza a listához | Összes cikk | Archívum | Összes hír",
            "fi": "Takaisin listaukseen | Kaikki artikkelit | Arkisto | Kaikki uutiset",
            "ro": "Înapoi la listă | Toate articolele | Arhivă | Toate știrile",
            "el": "Επιστροφή στη λίστα | Όλα τα άρθρα | Αρχείο | Όλες οι ειδήσεις",
        },
    ),
    "downloads, links and contact": (
        Kind.NAVIGATION,
        {
            "en": "Downloads | Further reading | Useful links | Contact person",
            "de": "Downloads | Links zum Thema | Ansprechpartner | Ansprechpartnerin"
            " | Externe Links",
            "fr": "Téléchargements | Liens utiles | Liens externes | Interlocuteur",
            "es": "Descargas | Enlaces de interés | Enlaces relacionados | Persona de contacto",
            "pt": "Links úteis | Links relacionados | Pessoa de contato",
            "it": "Link utili | Referente",
            "nl": "Nuttige links | Handige links | Contactpersoon",
            "pl": "Do pobrania | Przydatne linki | Osoba do kontaktu",
            "sv": "Nedladdningar | Användbara länkar | Kontaktperson",
            "ru": "Файлы для скачивания | Полезные ссылки | Контактное лицо",
            "uk": "Файли для завантаження | Корисні посилання | Контактна особа",
            "tr": "İndirmeler | Faydalı linkler | Yararlı bağlantılar",
            "ar": "التنزيلات | روابط مفيدة | روابط ذات صلة",
            "fa": "پیوندهای مفید | لینک‌های مفید",
            "hi": "उपयोगी लिंक | संपर्क व्यक्ति",
            "id": "Unduhan | Tautan terkait | Tautan berguna",
            "vi": "Tải về | Liên kết hữu ích | Liên kết liên quan",
            "th": "ลิงก์ที่เกี่ยวข้อง",
            "zh": "相关下载 | 相关链接 | 友情链接",
            "ja": "関連リンク | お問い合わせ先",
            "ko": "관련 링크 | 문의처",
            "cs": "Ke stažení | Užitečné odkazy | Kontaktní osoba",
            "hu": "Letöltések | Hasznos linkek | Kapcsolódó linkek",
            "fi": "Lataukset | Hyödyllisiä linkkejä | Yhteyshenkilö",
            "ro": "Descărcări | Linkuri utile | Persoană de contact",
            "el": "Λήψεις | Χρήσιμοι σύνδεσμοι",
        },
    ),
    "about the author": (
        Kind.BYLINE,
        {
            "en": "About the author | More articles by Jane Doe",
            "de": "Über den Autor | Über die Autorin | Mehr vom Autor | Mehr von Anna Schmidt",
            "fr": "À propos de l'auteur | Du même auteur | Tous les articles de Claire Dupont",
            "es": "Sobre el autor | Acerca del autor | Más artículos de Lucía Gómez"
            " | Otros artículos del autor",
            "pt": "Sobre o autor | Mais do autor | Outros artigos do autor",
            "it": "Sull'autore | Altri articoli di Marco Bianchi | Altri articoli dell'autore",
            "nl": "Over de auteur | Meer van deze auteur | Meer artikelen van Pieter de Vries",
            "pl": "O autorze | Więcej od autora | Inne artykuły autora",
            "sv": "Om skribenten | Om författaren | Fler artiklar av Anna Andersson",
            "ru": "Об авторе | Другие статьи автора | Все статьи автора",
            "uk": "Про автора | Інші статті автора | Всі статті автора",
            "tr": "Yazar hakkında | Yazarın diğer yazıları | Yazarın tüm yazıları",
            "ar": "عن الكاتب | عن المؤلف | مقالات أخرى للكاتب",
            "fa": "درباره نویسنده | دیگر مطالب نویسنده",
            "hi": "लेखक के बारे में | लेखक के अन्य लेख",
            "id": "Tentang penulis | Artikel lain dari penulis",
            "vi": "Về tác giả | Bài viết cùng tác giả | Thông tin tác giả",
            "th": "เกี่ยวกับผู้เขียน | บทความอื่นของผู้เขียน",
            "zh": "关于作者 | 作者简介 | 作者其他文章 | 關於作者",
            "ja": "著者について | この記事を書いた人 | 著者プロフィール | 執筆者プロフィール",
            "ko": "기자 소개 | 이 기자의 다른 기사 | 필자 소개",
            "cs": "O autorovi | Další články autora | Všechny články autora",
            "hu": "A szerzőről | A szerző további cikkei | A szerző cikkei",
            "fi": "Kirjoittajasta | Tietoa kirjoittajasta | Kirjoittajan muut artikkelit",
            "ro": "Despre autor | Alte articole ale autorului | Articole de același autor",
            "el": "Σχετικά με τον συγγραφέα | Για τον συντάκτη | Άλλα άρθρα του συντάκτη",
        },
    ),
    "advertisement": (
        Kind.PROMO,
        {
            "en": "Advertisement | Sponsored content | Partner content | Ad Feedback"
            " | Advertisement - Scroll to continue | Skip ad",
            "de": "Anzeige | Werbung | Gesponsert",
            "fr": "Publicité | Contenu sponsorisé | Contenu partenaire",
            "es": "Publicidad | Contenido patrocinado | Patrocinado",
            "pt": "Publicidade | Patrocinado | Conteúdo de marca",
            "it": "Pubblicità | Contenuto sponsorizzato | Sponsorizzato",
            "nl": "Advertentie | Gesponsord | Gesponsorde inhoud",
            "pl": "Reklama | Artykuł sponsorowany | Materiał partnera",
            "sv": "Annons | Sponsrat innehåll | Annonsörens innehåll",
            "ru": "Реклама | На правах рекламы | Партнерский материал",
            "uk": "Реклама | Спонсорський матеріал | На правах реклами",
            "tr": "Reklam | Sponsorlu | Sponsorlu içerik",
            "ar": "إعلان | محتوى مدعوم | محتوى برعاية",
            "fa": "تبلیغات | آگهی | رپورتاژ آگهی",
            "hi": "विज्ञापन | प्रायोजित",
            "id": "Iklan | Konten bersponsor",
            "vi": "Quảng cáo | Nội dung tài trợ",
            "th": "โฆษณา | เนื้อหาที่ได้รับการสนับสนุน",
            "zh": "广告 | 廣告 | 赞助内容 | 贊助內容",
            "ja": "広告 | スポンサーリンク",
            "ko": "광고 | 제휴 콘텐츠",
            "cs": "Reklama | Sponzorovaný obsah | Komerční sdělení",
            "hu": "Hirdetés | Szponzorált tartalom | Támogatott tartalom",
            "fi": "Mainos | Kaupallinen yhteistyö | Sponsoroitu sisältö",
            "ro": "Publicitate | Conținut sponsorizat | Articol sponsorizat",
            "el": "Διαφήμιση | Χορηγούμενο | Χορηγούμενο περιεχόμενο",
        },
    ),
    "follow us": (
        Kind.SOCIAL_PROMPT,
        {
            "en": "Follow us | Follow us on Facebook | Find us on Instagram | Follow"
            " | Join 1,234 other followers",
            "de": "Folgen Sie uns | Folge uns auf Instagram | Folgen"
            " | Schließe dich 1.234 anderen Followern an",
            "fr": "Suivez-nous | Suivez-nous sur les réseaux sociaux",
            "es": "Síguenos | Síguenos en redes sociales",
            "pt": "Siga-nos | Siga-nos nas redes sociais",
            "it": "Seguici | Seguici su Facebook",
            "nl": "Volg ons | Volg ons op Twitter",
            "pl": "Obserwuj nas | Śledź nas | Polub nas na Facebooku",
            "sv": "Följ oss | Följ oss på Facebook",
            "ru": "Подписывайтесь на нас | Мы в соцсетях | Мы в социальных сетях",
            "uk": "Підписуйтесь на нас | Ми в соцмережах | Стежте за нами",
            "tr": "Bizi takip edin | Bizi sosyal medyada takip edin",
            "ar": "تابعونا | تابعونا على فيسبوك | تابعنا على تويتر",
            "fa": "ما را دنبال کنید | ما را در اینستاگرام دنبال کنید",
            "hi": "हमें फॉलो करें | हमें फेसबुक पर फॉलो करें",
            "id": "Ikuti kami | Ikuti kami di Instagram",
            "vi": "Theo dõi chúng tôi | Theo dõi chúng tôi trên Facebook",
            "th": "ติดตามเรา | ติดตามเราได้ที่",
            "zh": "关注我们 | 關注我們 | 扫码关注",
            "ja": "フォローする | 公式SNSをフォロー",
            "ko": "팔로우하기 | 페이스북에서 팔로우하세요",
            "cs": "Sledujte nás | Sledujte nás na Facebooku",
            "hu": "Kövess minket | Kövessen minket a Facebookon",
            "fi": "Seuraa meitä | Seuraa meitä Facebookissa",
            "ro": "Urmărește-ne | Urmăriți-ne pe Facebook",
            "el": "Ακολουθήστε μας | Ακολουθήστε μας στο Facebook",
        },
    ),
    "support us": (
        Kind.PROMO,
        {
            "en": "Support us | Donate | Support our journalism",
            "de": "Unterstützen Sie uns | Jetzt spenden",
            "fr": "Soutenez-nous | Faire un don",
            "es": "Apóyanos | Haz una donación",
            "pt": "Apoie-nos | Faça uma doação",
            "it": "Sostienici | Fai una donazione",
            "nl": "Steun ons | Doneer | Word donateur",
            "pl": "Wesprzyj nas | Przekaż darowiznę",
            "sv": "Stöd oss | Donera | Ge en gåva",
            "ru": "Поддержите нас | Поддержать | Пожертвовать",
            "uk": "Підтримайте нас | Підтримати | Задонатити",
            "tr": "Bize destek olun | Bağış yapın",
            "ar": "ادعمنا | تبرع الآن",
            "fa": "از ما حمایت کنید | حمایت مالی",
            "hi": "हमारा समर्थन करें | दान करें",
            "id": "Dukung kami | Donasi sekarang",
            "vi": "Ủng hộ chúng tôi | Quyên góp",
            "th": "สนับสนุนเรา | บริจาค",
            "zh": "支持我们 | 赞赏 | 捐助我们",
            "ja": "寄付する | ご支援をお願いします",
            "ko": "후원하기 | 기부하기",
            "cs": "Podpořte nás | Darujte",
            "hu": "Támogasson minket | Támogatom",
            "fi": "Tue meitä | Lahjoita",
            "ro": "Susține-ne | Donează",
            "el": "Στηρίξτε μας | Κάντε μια δωρεά",
        },
    ),
}


def furniture_cases() -> list[tuple[str, str, Kind, str]]:
    """(concept, language, kind, line) for every line of the table."""
    return [
        (concept, language, kind, line.strip())
        for concept, (kind, languages) in {**FURNITURE, **CHROME}.items()
        for language, lines in languages.items()
        for line in lines.split(" | ")
    ]
