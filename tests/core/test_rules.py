"""Tests of the kind-rules format: bundled file, user overrides, broken files, runaway patterns."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from diffviewer.core.errors import RulesError
from diffviewer.core.kinds import classify, describe_rule, load_rules
from diffviewer.core.model import Kind
from diffviewer.core.rules import PATTERN_WINDOW

BODY = (
    "The council voted on Tuesday to approve the budget after a long debate.",
    "Officials said the plan would take effect next year, pending a final review.",
    "Critics argued that the cuts would hurt the poorest residents the most.",
)
MENU = ("News", "Sport", "Weather")


def middle(text: str) -> tuple[tuple[str, ...], int]:
    """``text`` between body paragraphs: no position or neighbour helps it."""
    return (*BODY, text, *BODY), len(BODY)


def on_page(case: str, start: str) -> tuple[tuple[str, ...], int]:
    """The paragraph starting with ``start`` on a small page of tests/data/structure: the
    structural rules need a page around a paragraph."""
    from diffviewer.core.paragraphs import normalise, split_paragraphs

    path = Path(__file__).resolve().parents[1] / "data" / "structure" / f"{case}.txt"
    keys = tuple(normalise(p.text) for p in split_paragraphs(path.read_text(encoding="utf-8")))
    return keys, next(n for n, key in enumerate(keys) if key.startswith(start))


# One or more examples per bundled rule: (rule name, paragraphs, index of the paragraph).
EXAMPLES: list[tuple[str, tuple[str, ...], int]] = [
    ("copyright.notice", *middle("© 2022 Example Media Group")),
    ("copyright.notice", *middle("Copyright 2021 The Evening Herald")),
    ("copyright.all_rights_reserved", *middle("The Daily Post 2022. All rights reserved.")),
    (
        "copyright.all_rights_reserved",
        *middle(
            "The Evening Herald is part of the Example Media Group. Copyright © 2020 Example"
            " Media Group. The Evening Herald is a registered trademark of Example Media Group"
            " All Rights Reserved. The Evening Herald may receive compensation for some links"
            " to products and services on this website. Offers may be subject to change"
            " without notice. | Privacy Policy this link opens in a new tab Terms of Service"
            " this link opens in a new tab Ad Choices this link opens in a new tab"
        ),
    ),
    ("copyright.all_rights_reserved", *middle("Le Soir - Tous droits réservés")),
    (
        "comment_prompt.having_issues",
        *middle("Please let us know if you're having issues with commenting."),
    ),
    ("comment_prompt.invitation", *middle("Join the conversation")),
    ("comment_prompt.invitation", *middle("34 comments")),
    ("comment_prompt.invitation", *middle("Kommentare")),
    (
        "comment_prompt.rules",
        *middle("Comments are moderated according to our community guidelines."),
    ),
    ("comment_prompt.form", *middle("Required fields are marked *")),
    ("comment_prompt.form", *middle("Post Comment")),
    ("social_prompt.follow", *middle("Follow Frances Martel on Facebook and Twitter.")),
    ("social_prompt.follow", *middle("Like us on Facebook")),
    ("social_prompt.follow_handle", *middle("You can follow her at @janedoe")),
    ("social_prompt.follow_fr_de_es", *middle("Suivez-nous sur Twitter")),
    ("social_prompt.follow_fr_de_es", *middle("Síguenos en Instagram")),
    ("social_prompt.follow_fr_de_es", *middle("Folgen Sie uns auf Facebook")),
    ("promo.advertisement", *middle("Advertisement")),
    ("promo.advertisement", *middle("Story continues below advertisement")),
    ("promo.advertisement", *middle("Anzeige")),
    ("promo.subscribe", *middle("Subscribe now for just $1 a week")),
    ("promo.subscribe", *middle("Article réservé aux abonnés")),
    ("promo.newsletter", *middle("Get our free weekly newsletter and never miss a story")),
    ("promo.newsletter", *middle("Get the best stories delivered to your inbox.")),
    ("promo.cookies", *middle("We use cookies to improve your experience on our site.")),
    (
        "promo.cookies_prose",
        *middle("Diese Website verwendet Cookies. Wenn du sie weiter nutzt, stimmst du zu."),
    ),
    ("promo.consent_button", *middle("Accept all")),
    ("promo.privacy_consent", *middle("Wyrażam zgodę na przetwarzanie danych osobowych.")),
    ("navigation.reference_links", *middle("Article PubMed Google Scholar")),
    ("promo.share", *middle("Share this article")),
    ("promo.share", *middle("Copy link")),
    ("promo.share", *middle("Spread the news:")),
    ("promo.related", *middle("Read more: Five things to know about the budget")),
    ("promo.related", *middle("Lesen Sie auch: Was die Reform bedeutet")),
    ("promo.related", *middle("À lire aussi")),
    ("teaser.after_promo", ("Most read", "Budget vote: what happens next for schools"), 1),
    ("promo.related_intl", *middle("Leia também")),
    ("promo.related_intl", *middle("Читайте также:")),
    ("promo.related_intl", *middle("関連記事")),
    ("comment_prompt.intl", *middle("12 comentários")),
    ("comment_prompt.intl", *middle("अपनी राय दें")),
    ("promo.related_intl", *middle("İlgili Haberler")),
    ("navigation.footer_link", *middle("İletişim")),
    ("dateline.date", *middle("12 Maret 2024")),
    ("comment_prompt.intl", *middle("评论")),
    ("promo.share_intl", *middle("Condividi")),
    ("promo.share_intl", *middle("この記事をシェアする")),
    ("promo.share_intl", *middle("แชร์บทความนี้")),
    ("promo.advertisement_intl", *middle("Реклама")),
    ("promo.advertisement_intl", *middle("广告")),
    ("social_prompt.follow_intl", *middle("Siga-nos no Instagram")),
    ("dateline.relative", *middle("3 hours ago")),
    ("dateline.relative", *middle("vor 2 Stunden")),
    ("dateline.relative", *middle("3小时前")),
    ("comment.reply_button", *middle("Antworten")),
    ("comment.reply_button", *middle("Reply")),
    ("comment.author_says", *middle("Markus Elsberger sagt:")),
    ("comment.author_says", *middle("Jane Doe says:")),
    ("comment_prompt.invitation", *middle("Schreibe einen Kommentar")),
    ("social_prompt.follow_fr_de_es", *middle("Folgen Sie uns:")),
    ("social_prompt.follow", *middle("Follow us")),
    ("promo.related", *middle("Keep Reading")),
    ("promo.related", *middle("Das könnte dir auch gefallen")),
    ("promo.share", *middle("Klicken zum Ausdrucken (Wird in neuem Fenster geöffnet)")),
    ("promo.share", *middle("Click to share on Twitter (Opens in new window)")),
    ("navigation.site_control", *middle("Abbrechen")),
    ("promo.cookies", *middle("Cookies von Drittanbietern")),
    ("navigation.site_credit", *middle("Proudly powered by WordPress")),
    ("navigation.bracketed_buttons", *middle("【关闭窗口】 【发表评论】 【打印本稿】")),
    ("byline.credit_cjk", *middle("【纠错】 责任编辑： 焦鹏")),
    ("byline.reporter_ko_zh", *middle("김민수 기자")),
    ("byline.reporter_ko_zh", *middle("本报记者 李明 王芳")),
    ("dateline.date", *middle("12 مارس 2024")),
    ("dateline.date", *middle("12 मार्च 2024")),
    ("byline.credit_cjk", *middle("来源：半月谈网")),
    ("navigation.site_credit", *middle("Eine WordPress.com-Website.")),
    ("comment.thread", *on_page("comments", "A day a week is a lot")),
    ("teaser.run", *on_page("news_page", "Council approves plans")),
    ("teaser.other_article", *on_page("other_articles", "Two walkers were rescued")),
    ("headline.above_article", *on_page("news_page", "Harbour ferry fares")),
    ("standfirst.above_article", *on_page("news_page", "The operator blames")),
    ("navigation.before_article", *on_page("news_page", "Politics")),
    ("navigation.before_article", *on_page("question_headline", "Our reporters answer")),
    ("headline.above_article", *on_page("question_headline", "Will ferry fares rise")),
    ("teaser.cut_short_after_article", *on_page("question_headline", "Council votes to cut")),
    ("byline.name_in_head", *on_page("question_headline", "Jane McRoe")),
    ("navigation.in_head", *on_page("question_headline", "Harbour transport")),
    ("promo.share_intl", *middle("分享到")),
    ("navigation.footer_link", *middle("Контакти")),
    ("navigation.after_article", *on_page("news_page", "Contact")),
    ("teaser.after_article", *on_page("news_page", "Harbour master to retire")),
    ("navigation.after_article_call", *on_page("news_page", "Got a story for us?")),
    ("body.rows_in_article", *on_page("listicle_handles", "Mia Chen @miachen")),
    ("byline.contributors", *middle("(Reporting by Guy Faulconbridge; Editing by Mark Heinrich)")),
    ("byline.contributors", *middle("The Associated Press contributed to this report.")),
    ("dateline.place_agency", *middle("LONDON (Reuters) -")),
    ("dateline.place_agency", *middle("Washington CNN —")),
    ("byline.author_bio", (*BODY, "Jane Doe is a staff writer covering city hall."), 3),
    ("byline.print_note", *middle("A version of this article appears in print on page A1.")),
    (
        "byline.author_bio_intl",
        *middle("Moritz Gathmann leitet das Ressort Berliner Republik bei Cicero."),
    ),
    ("byline.author_box", *middle("Autoreninfo")),
    ("byline.author_box", *middle("So erreichen Sie Moritz Gathmann:")),
    (
        "caption.agency_credit",
        *middle("Die Intensivstation im Universitätsklinikum / picture alliance"),
    ),
    ("navigation.back_link", *middle("Zur Artikelübersicht")),
    ("navigation.account_help", *middle("Locked out of your account? Get help here.")),
    ("promo.paywall", *middle("Not a subscriber? Subscribe today!")),
    (
        "caption.photo_credit",
        *middle("The minister in Berlin. (John MacDougall/AFP via Getty Images)"),
    ),
    ("caption.photo_credit", *middle("Protesters outside parliament (Photo by Jane Roe/Reuters)")),
    ("caption.credit_line", *middle("Johnson in the Commons. Photograph: Jessica Taylor/AFP")),
    ("caption.agency_suffix", *middle("Firefighters at the scene on Monday. AFP via Getty Images")),
    ("caption.image_label", *middle("Image 2 of 7")),
    ("caption.image_label", *middle("Enlarge this image")),
    ("caption.left_right", *middle("The mayor, left, and the governor attend the opening.")),
    (
        "caption.unfinished_action",
        *middle("The senator speaks to reporters outside the Capitol in"),
    ),
    ("byline.by", *middle("By Margaret Collins and David Reyes")),
    ("byline.by", *middle("Von Hans Meier, Berlin")),
    ("byline.staff_role", *middle("Jessica Elgot Chief political correspondent")),
    ("dateline.published", *middle("Published 26 January 2022")),
    ("dateline.published", *middle("Mis à jour le 26 janvier 2022 à 14h05")),
    ("dateline.date", *middle("Wed 26 Jan 2022 18.04 GMT")),
    ("dateline.date", *middle("26.01.2022, 15:47 Uhr")),
    ("dateline.time", *middle("9:15 AM ET")),
    ("navigation.skip_link", *middle("Skip to main content")),
    ("navigation.site_control", *middle("Sign in")),
    ("navigation.breadcrumb", *middle("Home › World › Europe")),
    ("navigation.link_run", ("Sign in", *MENU, *BODY, "Share", "© 2022 The Ledger"), 2),
    ("body.list_off_page", (*BODY[:1], *MENU, *BODY[1:]), 2),
    ("headline.first", ("Ukraine crisis: what we know so far", *BODY), 0),
    ("headline.after_furniture", (*MENU, "Council approves budget after long night", *BODY), 3),
    (
        "navigation.kicker",
        ("We use cookies to improve your experience.", "Politics", "Council approves budget"),
        1,
    ),
    (
        "standfirst.after_headline",
        ("Council approves budget", "Spending rises for schools but parks face cuts of a fifth"),
        1,
    ),
    ("copyright.licence_cjk", *middle("京ICP备16044242号 京公网安备11010702001529号")),
    ("promo.share_buttons", *middle("Compartir en Facebook Compartir en Twitter")),
    ("promo.donate", *middle("Unterstützen Sie uns!")),
    ("promo.app", *middle("Download our app for iPhone and Android")),
    ("promo.feedback", *middle("Was this article helpful?")),
    ("promo.affiliate_disclosure", *middle("As an Amazon Associate I earn from qualifying sales.")),
    ("promo.meter", *middle("You have read 1 of 4 free articles this month.")),
    ("navigation.site_control_intl", *middle("Zaloguj się")),
    ("navigation.footer_link", *middle("Impressum")),
    ("navigation.footer_link", *middle("นโยบายความเป็นส่วนตัว")),
    ("dateline.date", *middle("12 มีนาคม 2567")),
    ("dateline.date", *middle("2024년 3월 12일 15:30")),
    ("navigation.prev_next", *middle("Previous post")),
    ("navigation.tags", *middle("Tags: Budget, Council, Schools")),
    ("navigation.tags", *middle("Etiquetas:")),
    ("promo.newsletter_inbox", *middle("Die wichtigsten News direkt in dein Postfach!")),
    ("promo.newsletter_inbox", *middle("Yes! Sign me up to receive the daily briefing email.")),
    ("promo.access_offer", *middle("Immediate online access to all issues from 2019.")),
    ("promo.share_question", *middle("Dir hat der Artikel gefallen? Jetzt teilen...")),
    ("copyright.licence", *middle("Content is available under Creative Commons Attribution.")),
    ("dateline.last_edited", *middle("This page was last edited on 29 January 2020, at 13:22.")),
    ("promo.related", *middle("Das Thema könnte dich auch interessieren:")),
    ("promo.related", *middle("More by Jane Doe")),
    ("promo.share_question", *middle("Hat Ihnen dieser Artikel gefallen? Dann teilen Sie ihn")),
    ("comment_prompt.invitation", *middle("Hinterlasse eine Antwort")),
    ("comment_prompt.invitation", *middle("11 responses to “The Loneliest Woman”")),
    ("comment_prompt.rules", *middle("Bitte halten Sie sich an unsere Netiquette.")),
    ("promo.feedback", *middle("War der Artikel nützlich?")),
    ("promo.affiliate_disclosure", *middle("Für Links hier erhält CHIP ggf. eine Provision.")),
    ("navigation.filed_under", *middle("This entry was posted in Politics and tagged ferries.")),
    (  # Far from the page's end, where byline.author_bio does not look.
        "byline.author_bio_short",
        (*BODY, "Perry Bacon Jr. is a senior writer for FiveThirtyEight.", *BODY * 5),
        3,
    ),
    ("copyright.all_rights_reserved", *middle("Some rights reserved 2017-2023 by Heartland News")),
    ("comment_prompt.invitation", *middle("11 Antworten zu “Sunday Thoughts”")),
    ("promo.related", *middle("Hier weiterlesen")),
    ("promo.newsletter_inbox", *middle("Ja, ich möchte den Newsletter erhalten.")),
    ("caption.credit_at_end", *middle("Die Profile werden verschraubt.© Hoklatherm")),
    ("caption.credit_at_end", *middle("Rene Benko at a hearing. Photographer: Sebastian Widmann")),
    ("comment_prompt.invitation", *middle("Es gibt noch keine Kommentare.")),
    ("promo.newsletter_inbox", *middle("Jetzt zum kostenlosen Newsletter anmelden »")),
    ("comment_prompt.rules", *middle("Nur angemeldete Benutzer können kommentieren und bewerten.")),
    ("promo.share_question", *middle("Artikel gefallen? Vergiss nicht zu teilen!")),
    ("promo.related", *middle("Beliebte Beiträge zum Thema:")),
    ("promo.related", *middle("À découvrir")),
    ("navigation.site_credit", *middle("Thème Simple. Fourni par Blogger.")),
    ("navigation.widget", *middle("Empfohlener redaktioneller Inhalt")),
    ("comment_prompt.rules", *middle("Du musst eingeloggt sein, um Kommentare zu schreiben!")),
    ("comment_prompt.rules", *middle("We welcome reader comments on the top stories of the day.")),
    ("promo.newsletter_inbox", *middle("E-Mail-Adresse angeben, um diesen Blog zu abonnieren.")),
    ("promo.affiliate_disclosure", *middle("Via our links we may earn an affiliate commission.")),
    ("navigation.widget", *middle("You are using a browser version with limited support for CSS.")),
    ("promo.related", *middle("Artículos relacionados")),
    ("promo.donate", *middle("Unterstütze RosaMag bereits mit 2,50!")),
    (
        "promo.affiliate_disclosure",
        *middle("Advertising disclosure: We may receive compensation for some of the links."),
    ),
    ("navigation.tags", *middle("Tagged Budget, City council vote, Schools funding, Harbour")),
    ("byline.author_bio_after", *on_page("author_bio", "Jane Roe is a professor")),
    ("navigation.widget", *middle("Loading...")),
    ("navigation.pagination", *middle("1 2 3 4 5 »")),
    ("navigation.menu_line_cjk", *middle("时政 地方 法治 高层 人事 国际")),
    ("teaser.cut_short", *middle("Council approves plans for a second marina on the seaf...")),
    ("caption.embed_credit", *middle("A post shared by Jane Doe (@janedoe)")),
    ("promo.reading_time", *middle("5 Minuten Lesezeit")),
    ("navigation.lone_sign", *middle("×")),
    ("promo.like_widget", *middle("Like Loading...")),
    ("promo.shop", *middle("Add to cart")),
    ("navigation.phone", *middle("Tel. 030 123 456 78")),
]


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_rules()


def write(tmp_path: Path, text: str, name: str = "user.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "texts", "index"), EXAMPLES)
def test_each_example_is_classified_by_its_rule(bundled, name, texts, index) -> None:  # type: ignore[no-untyped-def]
    """The example paragraph gets its rule's kind, from that very rule (so order is right too)."""
    kind, rule = classify(list(texts), bundled)[index]
    assert rule == name
    assert kind is bundled.by_name[name].kind


def test_every_bundled_rule_has_name_description_and_an_example(bundled) -> None:  # type: ignore[no-untyped-def]
    """No bundled rule goes untested; each is named after its kind and explains itself."""
    examples = {name for name, _, _ in EXAMPLES}
    for rule in bundled.rules:
        assert rule.name in examples, f"no example for {rule.name}"
        assert rule.name.split(".")[0] == rule.kind.value
        assert len(rule.description) > 15
        assert describe_rule(bundled, rule.name) == rule.description
    assert examples <= set(bundled.by_name)


def test_describe_rule_for_default_and_unknown(bundled) -> None:  # type: ignore[no-untyped-def]
    """The default rule has a description; an unknown name gives an empty string."""
    assert "No rule matched" in describe_rule(bundled, "default")
    assert describe_rule(bundled, "no.such.rule") == ""


def test_every_bundled_pattern_compiles(bundled) -> None:  # type: ignore[no-untyped-def]
    """Each bundled pattern, and its relaxed form, compiles and runs (RE2 parses the bundled
    rules on first use only, not when they are loaded)."""
    for rule in bundled.rules:
        for pattern in (rule.pattern, rule.not_pattern):
            if pattern is not None:
                pattern.search("A short paragraph of text.")  # raises PatternError if broken


def test_loading_the_bundled_rules_leaves_re2_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up does not pay for RE2's syntax check of the bundled patterns (known good)."""
    from diffviewer.core import patterns, rules

    def no_re2(translated: str, budget: int) -> None:
        raise AssertionError(f"compiled at load: {translated!r}")

    monkeypatch.setattr(patterns, "_compile", no_re2)
    _source, parsed, _disabled = rules._bundled.__wrapped__()
    assert any(rule.pattern is not None for rule in parsed)


def test_bundled_rules_are_parsed_once(bundled) -> None:  # type: ignore[no-untyped-def]
    """Loading again reuses the compiled bundled rules (the cache), and equal sets compare equal."""
    again = load_rules()
    assert again == bundled
    assert all(a is b for a, b in zip(again.rules, bundled.rules, strict=True))


def test_user_rule_comes_first_and_wins(tmp_path: Path) -> None:
    """A user rule is tried before bundled rules, so it can claim a paragraph."""
    path = write(
        tmp_path,
        """
[[rule]]
name = "mysite.follow_is_body"
kind = "body"
description = "Our columnists end with a follow line that we keep."
pattern = '^Follow '
""",
    )
    rules = load_rules([path])
    assert rules.sources[0] == str(path)
    assert len(rules.sources) == 2
    texts, index = middle("Follow Frances Martel on Facebook and Twitter.")
    assert classify(list(texts), rules)[index] == (Kind.BODY, "mysite.follow_is_body")


def test_user_rule_with_a_bundled_name_replaces_it(tmp_path: Path) -> None:
    """Same name: the user's version is used, the bundled one dropped."""
    path = write(
        tmp_path,
        """
[[rule]]
name = "promo.advertisement"
kind = "promo"
description = "Only our own ad marker."
pattern = '^-- ad --$'
""",
    )
    rules = load_rules([path])
    assert [r.name for r in rules.rules].count("promo.advertisement") == 1
    assert rules.by_name["promo.advertisement"].description == "Only our own ad marker."
    texts, index = middle("Advertisement")
    assert classify(list(texts), rules)[index][1] != "promo.advertisement"
    texts, index = middle("-- ad --")
    assert classify(list(texts), rules)[index] == (Kind.PROMO, "promo.advertisement")


def test_user_can_switch_a_bundled_rule_off(tmp_path: Path) -> None:
    """``enabled = false`` removes the bundled rule of that name."""
    path = write(tmp_path, '[[rule]]\nname = "promo.advertisement"\nenabled = false\n')
    rules = load_rules([path])
    assert "promo.advertisement" not in rules.by_name
    texts, index = middle("Advertisement")
    assert classify(list(texts), rules)[index][1] != "promo.advertisement"


def test_follows_may_name_the_rule_that_decided_the_previous_paragraph(tmp_path: Path) -> None:
    """``follows`` takes rule names as well as kinds: a rule can follow one promo rule (a
    "Related" heading) and not another (an advertisement marker), although both give promo."""
    path = write(
        tmp_path,
        """
[[rule]]
name = "mysite.after_related"
kind = "teaser"
description = "The line after our Related heading."
follows = ["promo.related"]
max_words = 12
""",
    )
    rules = load_rules([path])
    after_related = classify([*BODY, "Related stories", "Harbour fares rise by a third"], rules)
    assert after_related[-1] == (Kind.TEASER, "mysite.after_related")
    after_ad = classify([*BODY, "Advertisement", "Harbour fares rise by a third"], rules)
    assert after_ad[-2][0] is Kind.PROMO
    assert after_ad[-1][1] != "mysite.after_related"


def test_a_file_of_comments_only_adds_nothing(tmp_path: Path) -> None:
    """An empty user file is valid: the bundled rules alone apply."""
    rules = load_rules([write(tmp_path, "# nothing yet\n")])
    assert rules.rules == load_rules().rules


VALID = 'name = "x.y"\nkind = "promo"\ndescription = "A test rule."\n'

BROKEN = [
    (
        "unknown kind",
        VALID.replace('"promo"', '"sidebar"') + "max_words = 3\n",
        "unknown kind 'sidebar'",
    ),
    (
        "bad regex",
        VALID + "pattern = '(unclosed'\n",
        "bad regular expression in 'pattern': missing )",
    ),
    ("unknown key", VALID + "patern = 'x'\n", "unknown key 'patern'; did you mean 'pattern'?"),
    ("wrong type int", VALID + "max_words = '3'\n", "'max_words' must be a whole number"),
    ("bool as int", VALID + "max_words = true\n", "'max_words' must be a whole number"),
    ("wrong type bool", VALID + "title_case = 1\n", "'title_case' must be true or false"),
    ("wrong type list", VALID + "follows = 'promo'\n", "'follows' must be a list of strings"),
    ("missing kind", 'name = "x.y"\ndescription = "d"\nmax_words = 3\n', "missing 'kind'"),
    ("missing name", 'kind = "promo"\ndescription = "d"\nmax_words = 3\n', "missing 'name'"),
    (
        "missing description",
        'name = "x.y"\nkind = "promo"\nmax_words = 3\n',
        "missing 'description'",
    ),
    ("bad name", VALID.replace('"x.y"', '"has space"') + "max_words = 3\n", "bad name 'has space'"),
    ("reserved name", VALID.replace('"x.y"', '"default"') + "max_words = 3\n", "reserved"),
    ("no condition", VALID, "no condition"),
    ("unknown flag", VALID + "pattern = 'x'\nflags = 'iq'\n", "unknown flag 'q'"),
    (
        "min above max",
        VALID + "min_words = 5\nmax_words = 2\n",
        "min_words (5) is above max_words (2)",
    ),
    ("negative", VALID + "max_words = -1\n", "'max_words' must not be negative"),
    ("unknown position", VALID + "position = 'middle'\n", "unknown position 'middle'"),
    ("n missing", VALID + "position = 'first_n'\n", "needs n"),
    ("n alone", VALID + "n = 3\nmax_words = 2\n", "'n' only goes with"),
    ("follows unknown", VALID + "follows = ['menu']\n", "unknown kind 'menu' in 'follows'"),
    ("follows bad name", VALID + "follows = ['promo..related']\n", "unknown kind 'promo..related'"),
    ("unknown structure", VALID + "structure = 'sidebar'\n", "unknown structure 'sidebar'"),
    ("disabled with more", 'name = "x.y"\nenabled = false\nkind = "promo"\n', "takes only 'name'"),
    ("lookahead", VALID + "pattern = 'a(?=b)'\n", "lookahead and lookbehind"),
    ("back reference", VALID + "pattern = '(a)\\1'\n", "back reference \\1 is not supported"),
]


@pytest.mark.parametrize(("case", "body", "message"), BROKEN, ids=[c for c, _, _ in BROKEN])
def test_broken_rule_is_refused_with_file_rule_and_problem(
    tmp_path: Path, case, body, message
) -> None:  # type: ignore[no-untyped-def]
    """Each problem gives a RulesError naming the file, the rule number and line, the problem."""
    good = '[[rule]]\nname = "a.first"\nkind = "promo"\ndescription = "Fine."\nmax_words = 1\n\n'
    path = write(tmp_path, good + "[[rule]]\n" + body)
    with pytest.raises(RulesError) as raised:
        load_rules([path])
    text = str(raised.value)
    assert text.startswith(f"{path}: rule 2")
    assert "(line 7)" in text
    assert message in text
    if "name" not in case:
        assert "'x.y'" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[rule]\nname = 1", "not valid TOML"),
        ("[rule]\nname = 'x.y'\n", "write each rule as [[rule]]"),
        ("title = 'mine'\n", "unknown top-level key 'title'"),
        (
            '[[rule]]\nname = "a.b"\nkind = "promo"\ndescription = "d"\nmax_words = 1\n'
            '[[rule]]\nname = "a.b"\nkind = "promo"\ndescription = "d"\nmax_words = 2\n',
            "rule 2 'a.b' (line 6): the name 'a.b' is used by an earlier rule",
        ),
    ],
)
def test_broken_file_structure_is_refused(tmp_path: Path, content: str, message: str) -> None:
    """TOML syntax errors, a single [rule] table, stray keys and duplicate names name the file."""
    path = write(tmp_path, content)
    with pytest.raises(RulesError, match="^" + str(path).replace("\\", "\\\\")) as raised:
        load_rules([path])
    assert message in str(raised.value)


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    """A missing file, a folder and a non-UTF-8 file each give a RulesError naming the path."""
    missing = tmp_path / "nope.toml"
    with pytest.raises(RulesError, match="cannot read rules file"):
        load_rules([missing])
    with pytest.raises(RulesError, match="cannot read rules file"):
        load_rules([tmp_path])
    latin = tmp_path / "latin.toml"
    latin.write_bytes("# r\xe8gles\n".encode("latin-1"))
    with pytest.raises(RulesError, match=r"not UTF-8 text \(bad byte at offset 3\)"):
        load_rules([latin])


def test_patterns_only_see_the_first_window_of_text(tmp_path: Path) -> None:
    """A user pattern cannot look past PATTERN_WINDOW characters of a paragraph."""
    path = write(
        tmp_path,
        """
[[rule]]
name = "mysite.needle"
kind = "promo"
description = "Finds a needle."
pattern = 'needle'
""",
    )
    rules = load_rules([path])
    near = "x " * 100 + "needle"
    far = "x " * PATTERN_WINDOW + "needle"
    assert classify([near], rules)[0] == (Kind.PROMO, "mysite.needle")
    assert classify([far], rules)[0][1] != "mysite.needle"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_rules_from_a_device_are_refused_at_once(device: str) -> None:
    """A device is refused before it is read (it used to grow to GBs, or hang)."""
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    start = time.perf_counter()
    with pytest.raises(RulesError, match="not a regular file"):
        load_rules([device])
    assert time.perf_counter() - start < 1.0


def test_rules_from_a_fifo_are_refused_at_once(tmp_path: Path) -> None:
    """A FIFO with no writer is refused, not waited on."""
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "rules.fifo"
    os.mkfifo(fifo)
    with pytest.raises(RulesError, match="named pipe"):
        load_rules([fifo])


def test_rules_files_have_a_size_limit_and_no_binary(tmp_path: Path) -> None:
    """Above the limit, or holding NUL bytes: one clear line, nothing parsed."""
    from diffviewer.core.rules import RULES_MAX_BYTES

    big = write(tmp_path, "# " + "x" * RULES_MAX_BYTES + "\n")
    with pytest.raises(RulesError, match="larger than the 512 KiB a rules file may hold"):
        load_rules([big])
    nul = tmp_path / "nul.toml"
    nul.write_bytes(b"# rules\x00\n")
    with pytest.raises(RulesError, match="NUL bytes"):
        load_rules([nul])


def test_deeply_nested_toml_is_one_clear_line(tmp_path: Path) -> None:
    """100,000 nested arrays: a RulesError naming the file, no RecursionError."""
    path = write(tmp_path, "x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(RulesError) as raised:
        load_rules([path])
    assert str(raised.value) == f"{path}: not valid TOML: arrays or tables nested too deeply"


def test_a_rules_file_may_start_with_a_bom(tmp_path: Path) -> None:
    """Windows editors write a UTF-8 BOM: the file is read as if it had none."""
    path = tmp_path / "bom.toml"
    path.write_bytes(
        b'\xef\xbb\xbf[[rule]]\nname = "mine.x"\nkind = "promo"\ndescription = "d"\n'
        b"pattern = 'needle'\n"
    )
    assert classify(["a needle"], load_rules([path]))[0] == (Kind.PROMO, "mine.x")


def test_a_big_rules_file_loads_in_well_under_a_second(tmp_path: Path) -> None:
    """A 20,000-word alternation took 24 s to load (quadratic reading); now well under 1 s."""
    body = "|".join(f"word{n:06d}" for n in range(20_000))
    path = write(tmp_path, "[[rule]]\n" + VALID + f"pattern = '\\b(?:{body})\\b'\n")
    start = time.perf_counter()
    rules = load_rules([path])
    assert time.perf_counter() - start < 1.0
    assert classify(["a word019999 here"], rules)[0] == (Kind.PROMO, "x.y")
