"""How often the loader reads a legacy-encoded news text right: language × encoding × length.

Each language has five news-like sentences and three headlines (written for this bench). A
*short* case is one sentence or headline alone, as a one-line file; a *long* case is the five
sentences as three paragraphs (twice, in two orders). Each case is encoded in the language's
usual legacy encodings, UTF-16 with a BOM and UTF-16-LE/BE without one, and decoded by
``diffviewer.core.loading.decode_bytes`` (the public entry point, so that the same bench runs
on any revision). A case is right when
the decoded text equals the original: an encoding that decodes the bytes to the same text
counts as right (cp1252 for latin-1 bytes without C1 bytes, gbk for gb2312…). A case whose
text the encoding cannot hold is left out; so is one that encodes to ASCII only (nothing to
detect). Where an encoding lacks curly quotes, dashes, ellipsis or the euro sign, they are
written as their ASCII forms, as a tool saving the file would.

Run from the checkout to measure (it imports ``diffviewer`` from the current directory first)::

    python bench/encoding_bench.py            # table per language × encoding, then summary
    python bench/encoding_bench.py --misses   # also each wrong case: what it was read as
    python bench/encoding_bench.py --with-other-version   # after a UTF-8 version (others=)

Imports: the standard library and ``diffviewer.core.loading``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import unicodedata
from collections import defaultdict

sys.path.insert(0, os.getcwd())

from diffviewer.core.errors import LoadError
from diffviewer.core.loading import decode_bytes

UTF16 = ("utf-16", "utf-16-le", "utf-16-be")  # "utf-16" writes a BOM; the others do not

# language → (legacy encodings, five sentences, three headlines)
TEXTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "English": (
        ("cp1252", "latin-1"),
        (
            "The city council voted on Tuesday to close the old bridge for repairs — a "
            "decision residents called “long overdue”.",
            "Fuel prices rose by 4% last week, and a litre now costs €1.89 in some regions.",
            "The minister didn’t rule out early elections… but said the coalition would hold.",
            "A naïve reading of the report misses its rôle in the budget débâcle, analysts said.",
            "Guests at the Ångström prize included Søren Ågård, François Noël and Zoë Brontë.",
        ),
        (
            "Zoë and Chloë went to the fête.",
            "Brontë letters fetch £40,000",
            "Søren Ågård’s café reopens",
        ),
    ),
    "French": (
        ("cp1252", "latin-1", "iso8859-15"),
        (
            "Le gouvernement a annoncé jeudi une hausse de 3 % du salaire minimum dès janvier.",
            "« Nous ne céderons pas », a déclaré la ministre devant les députés à l’Assemblée.",
            "Les pompiers ont maîtrisé l’incendie après douze heures d’efforts près de Besançon.",
            "La grève des contrôleurs aériens a entraîné l’annulation de centaines de vols.",
            "Selon Météo-France, les températures dépasseront 38 °C dans le Sud-Ouest.",
        ),
        (
            "Noël : les prix flambent",
            "Un été record à Nîmes",
            "Grève à la SNCF",
        ),
    ),
    "German": (
        ("cp1252", "latin-1", "iso8859-15"),
        (
            "Die Bundesregierung will die Förderung für Wärmepumpen im nächsten Jahr kürzen.",
            "„Wir müssen jetzt handeln“, sagte der Bürgermeister am Montag vor Journalisten.",
            "Größere Städte wie München und Köln melden steigende Mieten für Studenten.",
            "Der Zugverkehr zwischen Hamburg und Berlin ist wegen eines Schadens gestört.",
            "Nach Angaben der Polizei wurden bei dem Unfall drei Menschen schwer verletzt, "
            "die Straße blieb gesperrt.",
        ),
        (
            "Größe zählt",
            "Schäuble tritt zurück",
            "Mehr Geld für Kitas",
        ),
    ),
    "Spanish": (
        ("cp1252", "latin-1"),
        (
            "El Gobierno aprobó el martes una reforma que amplía la baja por paternidad.",
            "¿Quién pagará la reconstrucción? Los vecinos de Valencia exigen respuestas.",
            "La sequía ha reducido las reservas de los embalses andaluces al 18 % de su capacidad.",
            "El equipo español ganó la final por dos goles a uno tras una prórroga agónica.",
            "Según la policía, el incendio comenzó en un almacén del polígono de Alcalá.",
        ),
        (
            "Año récord para el turismo",
            "La sequía llega a Cataluña",
            "Huelga de médicos en Málaga",
        ),
    ),
    "Portuguese": (
        ("cp1252", "latin-1"),
        (
            "O governo português anunciou na quarta-feira novas medidas para conter a inflação.",
            "Milhares de pessoas manifestaram-se em Lisboa contra o aumento das rendas.",
            "A seleção brasileira venceu a Argentina por dois a zero no estádio do Maracanã.",
            "Segundo o instituto de estatística, o desemprego caiu para 6,1 % no trimestre.",
            "As autoridades de saúde recomendam a vacinação dos idosos antes do inverno.",
        ),
        (
            "Greve nos transportes em São Paulo",
            "Inflação sobe em março",
            "Lula visita Pequim: acordo à vista",
        ),
    ),
    "Italian": (
        ("cp1252", "latin-1"),
        (
            "Il governo italiano ha approvato venerdì la legge di bilancio dopo una trattativa.",
            "A Venezia l’acqua alta ha raggiunto 140 centimetri, la più alta dell’anno.",
            "Secondo l’Istat, la disoccupazione giovanile è scesa al 20 per cento a settembre.",
            "Il sindaco ha annunciato che la città sarà più verde entro il 2030.",
            "La polizia ha arrestato due uomini sospettati del furto di opere d’arte a Firenze.",
        ),
        (
            "Più tasse per tutti?",
            "Crollo a Genova: è allerta",
            "La città di Forlì sott’acqua",
        ),
    ),
    "Dutch": (
        ("cp1252", "latin-1"),
        (
            "Het kabinet wil de accijns op brandstof niet verhogen, zei de minister van Financiën.",
            "Door de storm zijn in Zeeland honderden bomen omgewaaid — treinen reden niet.",
            "De coöperatie gaat de ruïne van het oude klooster restaureren.",
            "Volgens het CBS heeft een gezin dit jaar gemiddeld €600 meer te besteden.",
            "De politie zoekt getuigen van een overval op een juwelier in ’s-Hertogenbosch.",
        ),
        (
            "Geen akkoord over pensioenen — FNV boos",
            "Financiën wil minder uitgeven",
            "Ruïne in Zwolle verkocht",
        ),
    ),
    "Swedish": (
        ("cp1252", "latin-1"),
        (
            "Regeringen föreslår sänkt skatt på bensin och diesel från och med årsskiftet.",
            "Stormen orsakade översvämningar i flera kommuner i Värmland och Dalarna.",
            "Enligt SCB ökade arbetslösheten till 8,2 procent i oktober.",
            "Polisen söker vittnen efter ett rån mot en butik i centrala Göteborg.",
            "Riksbanken väntas höja räntan igen, säger flera ekonomer till tidningen.",
        ),
        (
            "Ny chef för Försäkringskassan",
            "Storm över Öland",
            "Sämre väder i helgen",
        ),
    ),
    "Polish": (
        ("cp1250", "iso8859-2"),
        (
            "Rząd przyjął we wtorek projekt ustawy o podwyżkach dla nauczycieli.",
            "Z powodu silnego wiatru na Pomorzu kilka tysięcy domów zostało bez prądu.",
            "Według GUS inflacja w październiku spadła do 6,6 proc. w skali roku.",
            "Policja zatrzymała dwóch mężczyzn podejrzanych o kradzież samochodów w Łodzi.",
            "Prezydent Krakowa zapowiedział budowę nowej linii tramwajowej na Ruczaj.",
        ),
        (
            "Pożar w Gdańsku",
            "Wybory: PiS traci poparcie, rośnie Konfederacja",
            "Nowy żłobek w Łodzi",
        ),
    ),
    "Czech": (
        ("cp1250", "iso8859-2"),
        (
            "Vláda ve středu schválila návrh rozpočtu se schodkem 252 miliard korun.",
            "Příliš žluťoučký kůň úpěl ďábelské ódy.",
            "Podle statistického úřadu zdražily potraviny meziročně o osm procent.",
            "Policie pátrá po řidiči, který v noci srazil chodce v centru Brna.",
            "Povodně na Jesenicku zasáhly desítky obcí a tisíce lidí zůstaly bez elektřiny.",
        ),
        (
            "Sněžení ochromilo dopravu",
            "Nová vláda složila slib",
            "Požár v Ostravě",
        ),
    ),
    "Hungarian": (
        ("cp1250", "iso8859-2"),
        (
            "A kormány szerdán bejelentette, hogy jövőre emelkedik a minimálbér.",
            "Budapesten a Duna vízszintje tíz éve nem volt ilyen alacsony.",
            "A KSH adatai szerint az infláció októberben 9,9 százalékra csökkent.",
            "A rendőrség két férfit őrizetbe vett egy győri betörés ügyében.",
            "Az új metróvonal építése a tervek szerint két év múlva kezdődhet el.",
        ),
        (
            "Újabb áremelés jön",
            "Ősszel választás",
            "Győzött a Fradi",
        ),
    ),
    "Turkish": (
        ("cp1254", "iso8859-9"),
        (
            "Merkez Bankası faiz oranını yüzde 5 puan artırarak yüzde 40'a yükseltti.",
            "İstanbul'da şiddetli yağış nedeniyle bazı yollar trafiğe kapatıldı.",
            "Deprem bölgesinde konteyner kentlerin inşası hızla sürüyor, dedi bakan.",
            "Türkiye İstatistik Kurumu'na göre işsizlik oranı yüzde 9,1'e geriledi.",
            "Galatasaray, Şampiyonlar Ligi'nde deplasmanda önemli bir galibiyet aldı.",
        ),
        (
            "Kış geldi",
            "Enflasyon düştü mü?",
            "İzmir'de deprem",
        ),
    ),
    "Greek": (
        ("cp1253", "iso8859-7"),
        (
            "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα στήριξης για τα νοικοκυριά.",
            "Οι πυροσβέστες έδωσαν μάχη όλη τη νύχτα με τις φλόγες στην Αττική.",
            "Σύμφωνα με την ΕΛΣΤΑΤ, η ανεργία υποχώρησε στο 10,8% τον Σεπτέμβριο.",
            "Ο δήμαρχος Θεσσαλονίκης υποσχέθηκε νέες ποδηλατολωρίδες μέσα στο έτος.",
            "Χιλιάδες πολίτες διαδήλωσαν στο κέντρο της Αθήνας για την ακρίβεια.",
        ),
        (
            "Σεισμός στην Κρήτη",
            "Νέα μέτρα",
            "Απεργία στα λιμάνια",
        ),
    ),
    "Russian": (
        ("cp1251", "koi8-r"),
        (
            "Правительство одобрило во вторник проект бюджета на следующий год.",
            "В Москве из-за сильного снегопада задержаны десятки рейсов.",
            "По данным Росстата, инфляция в октябре замедлилась до 6,7 процента.",
            "Полиция задержала двух подозреваемых в краже картин из музея.",
            "Жители Новосибирска жалуются на рост тарифов за отопление и воду.",
        ),
        (
            "Пожар в Казани",
            "Новый мэр",
            "Цены растут",
        ),
    ),
    "Ukrainian": (
        ("cp1251", "koi8-u"),
        (
            "Уряд схвалив у вівторок проєкт бюджету на наступний рік.",
            "У Києві через сильний снігопад затримано десятки рейсів.",
            "За даними Держстату, інфляція у жовтні сповільнилася до 5,3 відсотка.",
            "Поліція затримала двох підозрюваних у крадіжці картин з музею у Львові.",
            "Мешканці Харкова скаржаться на зростання тарифів на опалення і воду.",
        ),
        (
            "Вибори в Києві",
            "Нова їдальня",
            "Ціни зростають",
        ),
    ),
    "Arabic": (
        ("cp1256", "iso8859-6"),
        (
            "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم الأسر ذات الدخل المحدود.",
            "ارتفعت أسعار الوقود في الأسواق المحلية بنسبة خمسة في المئة.",
            "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في القاهرة.",
            "أدت الأمطار الغزيرة إلى إغلاق عدد من الطرق في العاصمة.",
            "فاز المنتخب الوطني على منافسه بهدفين مقابل هدف واحد.",
        ),
        (
            "زلزال في المغرب",
            "ارتفاع الأسعار",
            "قمة عربية",
        ),
    ),
    "Hebrew": (
        ("cp1255", "iso8859-8"),
        (
            "הממשלה אישרה ביום שלישי את תקציב המדינה לשנה הבאה.",
            "בעקבות הגשמים העזים נחסמו כמה כבישים בצפון הארץ.",
            "לפי הלשכה המרכזית לסטטיסטיקה, האבטלה ירדה ל-3.5 אחוזים.",
            "המשטרה עצרה שני חשודים בפריצה לחנות תכשיטים בתל אביב.",
            "ראש העירייה הבטיח קווי אוטובוס חדשים עד סוף השנה.",
        ),
        (
            "בחירות בישראל",
            "מחאה בירושלים",
            "סערה בצפון",
        ),
    ),
    "Chinese (simplified)": (
        ("gbk", "gb18030"),
        (
            "国务院周二宣布了一项新的经济刺激计划，以支持中小企业。",
            "受强降雨影响，广东多地发生洪涝灾害，数千人被紧急转移。",
            "国家统计局数据显示，十月份消费者价格指数同比上涨百分之二。",
            "警方逮捕了两名涉嫌盗窃博物馆文物的男子。",
            "北京市政府表示，明年将新增五条地铁线路。",
        ),
        (
            "股市大涨",
            "北京下雪了",
            "新任市长就职",
        ),
    ),
    "Chinese (traditional)": (
        ("big5",),
        (
            "行政院週二宣布一項新的經濟振興方案，以支持中小企業。",
            "受颱風影響，台北市今日停班停課，多處道路積水。",
            "主計總處公布，十月消費者物價指數年增百分之二點五。",
            "警方逮捕兩名涉嫌竊取博物館文物的男子。",
            "台中市長表示，明年將新增三條捷運路線。",
        ),
        (
            "股市大漲",
            "台北下雪",
            "新任市長就職",
        ),
    ),
    "Japanese": (
        ("shift_jis", "euc-jp", "iso-2022-jp"),
        (
            "政府は火曜日、中小企業を支援する新たな経済対策を発表した。",
            "大雨の影響で、九州の各地で川が氾濫し、数千人が避難した。",
            "総務省によると、十月の消費者物価指数は前年同月比で三パーセント上昇した。",
            "警察は、美術館から絵画を盗んだ疑いで男二人を逮捕した。",
            "東京都は来年、新しいバス路線を五つ開設すると発表した。",
        ),
        (
            "東京で大雪",
            "新首相が就任",
            "株価が急落",
        ),
    ),
    "Korean": (
        ("euc-kr", "iso-2022-kr"),
        (
            "정부는 화요일 중소기업을 지원하기 위한 새로운 경제 대책을 발표했다.",
            "집중호우로 남부 지방 곳곳에서 하천이 범람해 수천 명이 대피했다.",
            "통계청에 따르면 10월 소비자물가는 지난해보다 3.8% 올랐다.",
            "경찰은 미술관에서 그림을 훔친 혐의로 남성 두 명을 체포했다.",
            "서울시는 내년에 새로운 버스 노선 다섯 개를 신설한다고 밝혔다.",
        ),
        (
            "서울에 폭설",
            "새 총리 취임",
            "주가 급락",
        ),
    ),
    "Thai": (
        ("cp874", "tis-620"),
        (
            "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือผู้ประกอบการรายย่อยเมื่อวันอังคาร",
            "ฝนตกหนักทำให้เกิดน้ำท่วมในหลายจังหวัดทางภาคเหนือ",
            "ตำรวจจับกุมชายสองคนที่ต้องสงสัยว่าขโมยรถยนต์ในกรุงเทพฯ",
            "ธนาคารแห่งประเทศไทยคงอัตราดอกเบี้ยนโยบายไว้ที่ร้อยละ 2.5",
            "นายกเทศมนตรีสัญญาว่าจะเพิ่มสวนสาธารณะในเมืองภายในปีหน้า",
        ),
        (
            "น้ำท่วมกรุงเทพ",
            "นายกฯ คนใหม่",
            "ราคาน้ำมันขึ้น",
        ),
    ),
    "Vietnamese": (
        ("cp1258",),
        (
            "Chính phủ đã thông qua gói hỗ trợ mới cho các doanh nghiệp nhỏ vào thứ Ba.",
            "Mưa lớn gây ngập lụt nghiêm trọng tại nhiều tỉnh miền Trung.",
            "Theo Tổng cục Thống kê, lạm phát tháng Mười tăng 3,6% so với cùng kỳ.",
            "Cảnh sát đã bắt giữ hai người đàn ông bị tình nghi trộm xe máy ở Hà Nội.",
            "Thành phố Hồ Chí Minh sẽ mở thêm năm tuyến xe buýt mới trong năm tới.",
        ),
        (
            "Bão số 3 đổ bộ",
            "Giá xăng tăng",
            "Hà Nội mưa lớn",
        ),
    ),
}

# What a tool writes for typographic characters its encoding lacks.
ASCII_FORMS = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "…": "...", "€": "EUR"}
)


def fit(text: str, encoding: str) -> str | None:
    """``text`` as a file in ``encoding`` would hold it, or None if the encoding cannot."""
    if encoding == "cp1258":
        text = cp1258_form(text)
    for candidate in (text, text.translate(ASCII_FORMS)):
        try:
            candidate.encode(encoding)
        except UnicodeEncodeError:
            continue
        return candidate
    return None


def cp1258_form(text: str) -> str:
    """Vietnamese as cp1258 holds it: precomposed where the code page has the letter, the
    tone as a combining mark otherwise."""
    out: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if out and unicodedata.combining(char):
            joined = unicodedata.normalize("NFC", out[-1] + char)
            if len(joined) == 1 and can_encode(joined, "cp1258"):
                out[-1] = joined
                continue
        out.append(char)
    return "".join(out)


def can_encode(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def cases(sentences: tuple[str, ...], headlines: tuple[str, ...]) -> dict[str, list[str]]:
    """Eight one-line short cases (sentences and headlines) and two long ones of three
    paragraphs."""
    s = sentences
    long_texts = [
        f"{s[0]} {s[1]}\n\n{s[2]} {s[3]}\n\n{s[4]}\n",
        f"{s[3]} {s[4]}\n\n{s[0]}\n\n{s[1]} {s[2]}\n",
    ]
    return {"short": [*s, *headlines], "long": long_texts}


def read_as(data: bytes, other: str | None = None) -> tuple[str | None, str]:
    """The decoded text (None if refused) and the encoding it was read as; ``other`` is the
    text of another version of the comparison, given as UTF-8."""
    try:
        if other is None:
            loaded = decode_bytes(data, name="case.txt")
        else:
            first = decode_bytes(other.encode(), name="other.txt")
            loaded = decode_bytes(data, name="case.txt", others=[first])
    except LoadError as error:
        return None, f"refused ({str(error).split(': ', 1)[-1][:40]}…)"
    return loaded.text, loaded.encoding


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every wrong case")
    parser.add_argument(
        "--with-other-version",
        action="store_true",
        help="decode each case after another version of the comparison: the language's "
        "first long text, in UTF-8 (the loader's others= hint)",
    )
    arguments = parser.parse_args()
    from diffviewer.core import loading

    print(f"diffviewer.core.loading from {loading.__file__}")
    started = time.perf_counter()
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    print(f"{'language':<22} {'encoding':<12} {'short':>7} {'long':>7}")
    for language, (legacy, sentences, headlines) in TEXTS.items():
        for encoding in (*legacy, *UTF16):
            cells = []
            for length, texts in cases(sentences, headlines).items():
                right = tried = 0
                for original in texts:
                    text = fit(original, encoding)
                    if text is None:
                        continue
                    data = text.encode(encoding)
                    if data.isascii() and encoding not in UTF16 and "2022" not in encoding:
                        continue
                    tried += 1
                    other = cases(sentences, headlines)["long"][0]
                    decoded, read = read_as(data, other if arguments.with_other_version else None)
                    if decoded == text:
                        right += 1
                    else:
                        shown = (decoded or "")[:50].replace("\n", " ")
                        misses.append(f"{language} {encoding} {length}: read as {read}: {shown!r}")
                    for key in ((language, length), ("all", length)):
                        totals[key][0] += decoded == text
                        totals[key][1] += 1
                cells.append(f"{right}/{tried}" if tried else "-")
            print(f"{language:<22} {encoding:<12} {cells[0]:>7} {cells[1]:>7}")
    print()
    print(f"{'language':<22} {'short':>9} {'long':>9}")
    for language in (*TEXTS, "all"):
        shown = []
        for length in ("short", "long"):
            right, tried = totals[(language, length)]
            shown.append(f"{right}/{tried}")
        print(f"{language:<22} {shown[0]:>9} {shown[1]:>9}")
    if arguments.misses:
        print()
        print("\n".join(misses))
    print(f"\n{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
