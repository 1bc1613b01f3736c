"""Shapes blind set L (fixtures/pages/zh_l1-zh_l3) showed the detectors getting wrong when it was
scored blind; each test fails without the rule it names, and most have a twin that the rule
must leave alone."""
from page_helpers import fixed, kinds_at, made_page
from repair import check, fix_text
from repair.document import Document
from repair.layout import analyse
from repair.roles import is_page_header
from repair.subheads import two_clause_subheads


def column(*lines):
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the page's header line

def test_a_page_header_line_of_column_width_does_not_run_on_into_the_first_headline():
    page = made_page("zh_l2")
    out = fixed(page)
    assert "2025年9月24日 星期三 第3版 县域新闻\n" in out
    assert "县域新闻丰收时节看临溪" not in out


def test_page_header_lines_are_told_by_weekday_or_page_number_not_by_a_date_alone():
    assert is_page_header("2025年9月24日 星期三 第3版 县域新闻")
    assert is_page_header("经济·民生 2026年5月14日　星期四　责任编辑：苏 文")
    assert not is_page_header("2025年9月24日")                     # a notice's date (its own rules)
    assert not is_page_header("每到星期三下午，社区都会组织志愿者上门，")   # prose mentioning a weekday


# ---------------------------------------------------------------- a "subject: title" headline dropped in

def test_a_subject_colon_headline_dropped_between_column_lines_moves_to_the_lead_naming_its_subject():
    page = made_page("zh_l2")
    lines = page.split("\n")
    at = lines.index("龙潭乡中心小学：把课堂搬进田野") + 1
    assert ("fused-headline", "inside-paragraph") in kinds_at(page, at)
    out = fixed(page)
    assert "县农业农村局副局长罗建华介绍" in out
    assert "龙潭乡中心小学：把课堂搬进田野\n本报讯（通讯员 杨柳 记者 孙可）" in out


def test_a_colon_line_of_the_column_whose_subject_the_next_lead_does_not_name_stays_a_line():
    # the same shape, a full column line with a colon between two lines that go on, but the lead
    # below names another subject: a line of prose (a speaker and the start of the quote)
    page = column(
        "本报讯 记者从县农业农村局获悉，今年全县",
        "水稻种植面积达18.6万亩，其中开展全程托",
        "管服务的面积为5.3万亩，较去年增加1.1万",
        "亩。县农业农村局副局长罗建华介绍，下一",
        "步全县将推广托管模式。合作社负责人说道",
        "县农业农村局下一步：继续扩大托管面积并",
        "且推广到8个乡镇，让更多农户不种地也能",
        "多增收。",
        "",
        "本报讯（通讯员 杨柳）9月18日下午，在龙",
        "潭乡中心小学的劳动实践基地，语文老师刘",
        "春梅蹲在田埂上，给四年级的孩子们上课。",
    )
    assert ("fused-headline", "inside-paragraph") not in kinds_at(page, 6)


# ---------------------------------------------------------------- a notice's column and its signature

def test_a_notice_of_one_line_items_keeps_its_column_width_its_title_and_its_issuers():
    page = made_page("zh_l2")
    doc = Document(page)
    lines = page.split("\n")
    title = lines.index("稻香文化节志愿者招募启事")
    # the block's full lines (36 cells) set its column, not the median of its many short lines
    assert analyse(doc)[title].column >= 34
    out = fixed(page)
    assert "稻香文化节志愿者招募启事\n为做好第三届稻香文化节服务保障工作，现面向社会公开招募志愿者50名。有关事项如下：\n" in out
    assert "联系电话：0838-6221357\n共青团临溪县委员会\n临溪县文化馆\n2025年9月19日\n" in out


# ---------------------------------------------------------------- a couplet quoted after a colon

def test_a_couplet_quoted_after_a_colon_keeps_its_two_lines():
    page = made_page("zh_l2")
    out = fixed(page)
    assert "书写的对联：\n千重稻浪迎嘉客\n一曲乡音庆丰年\n今年的农民丰收运动会" in out
    lines = page.split("\n")
    assert not kinds_at(page, lines.index("千重稻浪迎嘉客") + 1)


def test_two_unequal_short_lines_after_a_colon_are_no_couplet():
    page = column(
        "村口新立的牌楼上，挂着一副本地书法家书写",
        "的对联，工作人员介绍了布置情况，他们说：",
        "今年的布置比往年",
        "更用心，游客们都很满意。",
    )
    assert "今年的布置比往年更用心" in fixed(page)


# ---------------------------------------------------------------- sub-heads of two clauses

LETTERS = (
    "和平里社区报\n"
    "“板凳奶奶”的十二年\n"
    "本报记者 林晓燕\n"
    "每天早上六点半，和平里社区3号楼下的小广场上，总能看到一位头发花白的老人，居民们都亲切地叫她“板凳奶奶”。\n"
    "一张板凳，坐出一个“议事角”\n"
    "2013年，周桂芬从市纺织厂退休后搬进和平里社区。那时小区刚改造完，新老住户互不相识，楼道里常常堆满杂物。\n"
    "每逢议事会，周桂芬总是第一个到、最后一个走。她把居民的意见一条条记在小本子上，会后再挨家挨户\n"
    "一只保温壶，暖了一群“小候鸟”\n"
    "上门反馈。“事情办没办、办得怎么样，得给大家一个交代。”她说，这些年记满的本子已经有厚厚的一摞了。\n"
    "社区里有不少随务工父母来城里读书的孩子，放学后家里常常没人。周桂芬看在眼里，就在板凳旁多放了一壶热茶。\n"
)


def test_a_two_clause_subhead_dropped_into_a_sentence_moves_out_when_the_page_sets_its_subheads_so():
    lines = LETTERS.split("\n")
    at = lines.index("一只保温壶，暖了一群“小候鸟”") + 1
    assert ("fused-headline", "inside-paragraph") in kinds_at(LETTERS, at)
    out = fixed(LETTERS)
    assert "会后再挨家挨户上门反馈。" in out
    assert "一摞了。\n一只保温壶，暖了一群“小候鸟”\n社区里有不少" in out


def test_without_a_standing_two_clause_subhead_the_page_has_none():
    # the standing sub-head taken out: the dropped one is a line of prose like any other
    page = LETTERS.replace("一张板凳，坐出一个“议事角”\n", "")
    assert two_clause_subheads(Document(page)) == frozenset()
    assert ("fused-headline", "inside-paragraph") not in kinds_at(page, page.split("\n").index("一只保温壶，暖了一群“小候鸟”") + 1)


def test_a_two_clause_line_cut_in_a_word_or_too_long_is_no_subhead():
    page = made_page("zh_l3")
    doc = Document(page)
    lines = page.split("\n")
    cut = lines.index("为进一步丰富居民文化生活，营造和睦友善的邻")
    assert cut not in two_clause_subheads(doc)
    assert "营造和睦友善的邻里氛围" in fixed(page)


# ---------------------------------------------------------------- a headline and its deck, no space

def test_a_headline_ending_on_a_quote_and_run_into_its_deck_is_split_and_stays_over_it():
    page = made_page("zh_l1")
    assert ("fused-headline", "same-line") in kinds_at(page, 7)
    out = fixed(page, unsafe=True)
    assert "# 我市出台稳外贸“十二条”\n\n明确通关、融资、拓市场三方面举措，预计全年惠及外贸企业1200余家\n\n本报讯" in out
    # and the deck, between its headline and the lead, is neither cut short nor the headline's exile
    assert not [f for f in check(out).findings if f.line in (7, 9)]


def test_a_quoted_name_inside_a_headline_whose_tail_the_lead_does_not_repeat_is_not_cut():
    page = ("# 我市出台稳外贸“十二条”明确通关融资拓市场三方面举措，预计全年惠及外贸企业\n\n"
            "本报讯（记者 张晓雯）3月17日，市体育局召开新闻发布会，介绍全民健身运动会筹备情况。\n")
    assert ("fused-headline", "same-line") not in kinds_at(page, 1)


# ---------------------------------------------------------------- a move onto itself

def test_a_headline_group_already_at_its_articles_top_is_not_moved_again():
    # hypothesis found it: each round "moved" the group onto itself and left a separator behind
    text = ("T\r\n\r\nhe the.\r\n\r\n0000\r\n\r\n《方案》立足我市交易治理实际,聚焦全链条闭环治理、全要素量化考核、"
            "全方位激励约束三大核心任务。\r\n\r\n速递\r\n\r\n速递\r\n0000\r\n\r\n我市以制度创新赋能公共资源交易提质增效")
    first = fix_text(text, unsafe=True)
    assert not first.errors
    assert fix_text(first.text, unsafe=True).text == first.text
    assert "\r\n\r\n\r\n" not in first.text


# ---------------------------------------------------------------- a figure cut before its unit

FIGURE_CUT = ("这家有着40多年历史的老厂，也有过难熬的日子。\n\n"
              "改造带来的不只是效率。公司销售经理林晓晓说，订单稳了，客户多了，底气也足了。去年，华锦纺织实现营业收入8.6\n\n"
              "谈到下一步打算，何建平说得很实在：“智能化改造不是一锤子买卖，要一步一步来。”\n\n"
              "亿元，同比增长12.3%。\n\n"
              "# 前两月我市规上工业增加值增长7.8%\n")


def test_a_figure_cut_before_its_unit_takes_the_unit_that_stands_apart_not_the_next_paragraph():
    out = fixed(FIGURE_CUT, unsafe=True)
    assert "实现营业收入8.6亿元，同比增长12.3%。" in out
    assert "8.6谈到" not in out and "8.6\n\n谈到下一步打算" in fixed(FIGURE_CUT)


def test_a_figure_that_the_next_paragraph_goes_on_from_is_still_joined():
    page = FIGURE_CUT.replace("谈到下一步打算", "年，企业计划再投入6000万元。谈到下一步打算")
    page = page.replace("营业收入8.6\n\n", "新的发展规划出台于2026\n\n")
    assert "于2026年，企业计划" in fixed(page)


# ---------------------------------------------------------------- a sentence's opening printed again

REPEAT = ("2021年起，华锦纺织先后投入2.3亿元实施智能化改造，上线生产管理系统。改造后，车间用工由原来的320人减少到96人，"
          "产品一次合格率由92%提高到99.2%。改造后，车间用工由原来的320人减少到{n}人，目前，企业已入选省级智能工厂名单。\n")


def test_a_sentences_opening_clauses_printed_again_cut_short_with_noise_are_proposed_for_deletion():
    # a figure that differs (69 for 96): the copy's OCR noise, or the writer's: proposed only
    other = REPEAT.format(n=69)
    assert ("duplicate-paragraph", "sentence") in kinds_at(other, 1)
    assert fixed(other).count("改造后，车间用工") == 2
    assert "减少到69人" not in fixed(other, unsafe=True)


def test_a_sentences_opening_said_again_word_for_word_is_the_writers_anaphora():
    assert ("duplicate-paragraph", "sentence") not in kinds_at(REPEAT.format(n=96), 1)
    page = ("一年前，这里还是一片杂草丛生的荒地，到处堆满了建筑垃圾，周边居民怨声载道。"
            "一年前，这里还是一片杂草丛生的荒地，谁也没想到如今会变成家门口的口袋公园。\n")
    assert not kinds_at(page, 1)


def test_a_sentence_whose_opening_a_new_sentence_takes_up_and_goes_on_from_is_no_copy():
    # parallel sentences: one opening word alike, the clauses after it other ones
    page = ("改造后，车间用工由原来的320人减少到96人，产品一次合格率由92%提高到99.2%。"
            "改造后，车间的产品交货期由原来的25天缩短到15天，客户多了，底气也足了。\n")
    assert ("duplicate-paragraph", "sentence") not in kinds_at(page, 1)


# ---------------------------------------------------------------- a numbered sub-head run in

SECTIONS = ("一、通关再提速，物流成本再降低\n\n"
            "《措施》提出，全面推广“提前申报”“两步申报”通关模式，对海关高级认证企业给予更多便利。\n\n"
            "二、加大外贸融资支持力度《措施》明确，设立规模5亿元的外贸企业应急转贷资金，帮助企业解决短期资金周转难题。\n\n"
            "三、支持企业开拓国际市场\n\n"
            "对企业参加境外展会的，按展位费的70%给予补助，单个企业每年最高补助30万元。\n")


def test_a_numbered_subhead_run_into_its_section_is_split_where_the_page_opens_paragraphs_so():
    assert ("fused-headline", "same-line") in kinds_at(SECTIONS, 5)
    assert "二、加大外贸融资支持力度\n\n《措施》明确，设立规模5亿元" in fixed(SECTIONS)


def test_numbered_items_that_all_run_in_are_the_lists_style():
    page = ("一、检查范围。全市各燃气经营企业、液化石油气供应站及餐饮场所。\n\n"
            "《通知》要求，各单位要高度重视，迅速组织开展自查自纠工作。\n\n"
            "二、检查内容《通知》要求重点检查燃气经营许可落实情况和安全管理制度执行情况。\n\n"
            "三、工作要求。各单位要高度重视，迅速组织，确保检查工作取得实效。\n")
    assert ("fused-headline", "same-line") not in kinds_at(page, 5)


# ---------------------------------------------------------------- a headline closing the page

def test_a_headline_closing_the_page_goes_to_the_headless_article_its_topic_word_recurs_in():
    page = made_page("zh_l1")
    last = len(page.rstrip("\n").split("\n"))
    assert ("fused-headline", "displaced") in kinds_at(page, last)
    out = fixed(page, unsafe=True)
    assert "# 老纺织厂织出“智造”新图景\n\n本报记者 刘思远 通讯员 王海燕" in out


def test_a_headline_closing_the_page_stays_when_that_article_has_a_headline():
    page = made_page("zh_l1").replace("本报记者 刘思远 通讯员 王海燕", "# 华锦纺织的转型之路\n\n本报记者 刘思远 通讯员 王海燕")
    last = len(page.rstrip("\n").split("\n"))
    assert ("fused-headline", "displaced") not in kinds_at(page, last)
