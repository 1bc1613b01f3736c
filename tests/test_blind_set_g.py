"""Shapes the fourth blind set (fixtures/pages/zh_g1-g3, en_g4) showed the detectors getting
wrong before any change was made for it; each test fails without the rule it names."""
import os

from page_helpers import PAGES, fixed, kinds_at
from repair import Document, check, fix_text
from repair.layout import analyse
from repair.roles import role


BYLINE = "\n\n本报记者 周敏\n\n"


def assert_moved_out(page, line, rejoined, headline, below=None, above=None):
    """A headline dropped in at `line`: found, the sentence it split rejoined, and the headline
    moved below the text `below` or above the text `above`."""
    assert ("fused-headline", "inside-paragraph") in kinds_at(page, line)
    out = fixed(page)
    assert rejoined in out
    if below is not None:
        assert out.index(headline) > out.index(below)
    if above is not None:
        assert out.index(headline) < out.index(above)
LEAD = "本报讯 近日，全县秋粮收购工作全面展开，各收购网点秩序井然，农民售粮积极性高涨。\n"


# ---------------------------------------------------------------- headlines

def test_a_dash_subtitle_gets_a_line_of_its_own_with_its_dash():
    for head, main, sub in (("稻谷飘香粮满仓 ——云溪县秋粮收购工作全面展开", "稻谷飘香粮满仓", "——云溪县秋粮收购工作全面展开"),
                            ("# 稳住“菜篮子” 守好“米袋子” ——访市商务局局长刘建国", "# 稳住“菜篮子” 守好“米袋子”", "——访市商务局局长刘建国"),
                            ("一方戏台 百年乡音——我市启动传统戏曲“进村入户”三年行动", "一方戏台 百年乡音", "——我市启动传统戏曲“进村入户”三年行动")):
        assert fixed(head + BYLINE + LEAD) == main + "\n\n" + sub + BYLINE + LEAD


def test_a_dash_inside_a_wrapped_line_of_prose_stays():
    column = ("本报讯 今年安全生产月活动的主题是\n“人人讲安全、个个会应急——畅通生\n命通道”，全市各地开展了形式多样的\n"
              "宣传活动，取得了良好效果。\n")
    out = fixed(column)
    assert "——畅通生命通道" in out and "\n——" not in out


def test_a_column_of_run_in_bold_heads_stays_as_set_and_a_lone_one_is_split():
    items = ["**“五一”假期消费热度攀升** 假期期间，全市重点监测的38家商贸企业实现销售额5.36亿元，同比增长8.4%。",
             "**公积金提取实现“秒批”** 自5月起，我市职工办理租房、退休等7类住房公积金提取业务，可全程网办。",
             "**农产品抽检合格率98.6%** 市市场监管局近日公布一季度食用农产品抽检结果，共抽检样品1260批次。"]
    column = "简讯\n\n" + "\n\n".join(items) + "\n"
    assert fixed(column) == column
    lone = "简讯\n\n" + items[0] + "\n"
    assert fixed(lone) != lone


def test_page_furniture_and_a_tables_title_and_rows_are_no_displaced_headlines():
    # (the blind pages themselves: their page top, a table on a page without blank lines)
    for name, lines in (("zh_g1", {3, 5}), ("zh_g3", {39, 41, 45})):
        with open(os.path.join(PAGES, name + ".txt"), encoding="utf-8") as fh:
            found = {f.line for f in check(fh.read()).findings if f.variant == "displaced"}
        assert not found & lines, (name, found & lines)


def test_a_headline_whose_lead_follows_the_paragraph_below_it_was_dropped_in():
    page = ("# 家门口的社区食堂让老人吃上暖心饭\n\n本报记者 宋雨桐\n\n"
            "为让老人吃得实惠，社区食堂推出长者套餐，60岁以上老人凭卡就餐每餐补贴3元，80岁以上\n\n"
            "# 新能源汽车下乡活动走进云溪镇\n\n"
            "老人补贴5元，行动不便的老人还可通过电话预约送餐上门，目前全市已建成社区长者食堂86家。\n\n"
            "本报讯 5月11日，新能源汽车下乡活动走进云溪镇，20余家车企带来50多款新能源车型。\n")
    assert_moved_out(page, 7, "80岁以上老人补贴5元", "# 新能源汽车下乡活动走进云溪镇", below="80岁以上老人补贴5元")


def test_a_headline_as_wide_as_its_column_is_told_by_the_lead_that_repeats_it():
    page = ("金秋十月，走进云溪县桃源镇、\n石桥乡等产粮大镇，田野里收割机来\n回穿梭，粮站前交售新粮的车辆排起\n"
            "长队，处处是一派繁忙的丰收景象。\n\n"
            "“今年雨水调匀，稻穗颗粒饱满，\n一亩多打了一百来斤。”在桃源镇粮\n食收购点，种粮大户李长根一边看着\n"
            "县人民医院远程会诊中心投入使用\n工作人员检测水分，一边笑呵呵地说。\n他家流转了320亩稻田，往年最愁的\n"
            "就是晒谷，常常要看天吃饭，如今镇\n上建起了烘干中心，新收的稻谷当天\n就能烘干入库。\n\n"
            "本报讯 记者 陈静 通讯员 黄晓\n东 10月15日，县人民医院远程会诊\n中心正式投入使用，群众在家门口就\n"
            "能享受到省级专家的诊疗服务。\n")
    assert_moved_out(page, 9, "一边看着工作人员检测水分", "县人民医院远程会诊中心投入使用\n", above="本报讯")


def test_headlines_in_a_block_among_page_end_headlines_are_judged_one_by_one():
    page = ("本报讯 今年，全县开展书香云溪全民阅读月活动，城市书房和农家书屋推出共读活动，吸引读者参与。\n\n"
            "全县持续推进全民阅读，建成城市书房8家、农家书屋186个，实现借阅一卡通，阅读圈基本形成。\n\n"
            "本报讯 今年，我县共实施老旧小区改造项目12个，涉及楼栋146栋，惠及居民3200余户，更换供水管网。\n\n"
            "改造内容包括加装路灯、增设停车位和休闲设施等，目前已完工7个，其余项目年底前完工。\n\n"
            "本报讯 县老年大学秋季班开学，500余名老年学员走进课堂，本学期共开设书法、声乐等16门课程。\n\n"
            "县老年大学秋季班开学\n\n“书香云溪”全民阅读月活动启动\n我县老旧小区改造惠及3200余户\n")
    moved = {f.line for f in check(page).findings if f.variant == "displaced"}
    assert {13, 14} <= moved


# ---------------------------------------------------------------- joins

def test_no_join_onto_a_line_that_opens_with_a_headline_run_into_its_article():
    page = ("记者获悉，全市将每年组织地方戏曲进村演出不少于600场，力争三年内培育戏曲小票友1.2\n"
            "城市书房：把书香送到家门口（上接第一版）截至目前，全市已建成城市书房46家，总藏书量超过60万册。\n"
            "在东湖街道的晓风书房，记者看到这里不仅有图书借阅区，还设有咖啡吧和小型展陈空间。\n")
    assert ("broken-wrap", None) not in kinds_at(page, 2)


def test_a_join_on_no_evidence_yields_to_an_orphan_that_finishes_the_sentence():
    # (one-line paragraphs of a page without blank lines, of all lengths: no column)
    page = ("外婆有一只红漆木匣子，我们都叫它“戏匣子”。匣子里装的不是首饰，而是一台老式收音机和一摞发黄的戏单，"
            "每到周末，外婆就会把收音机搬到天井里，调到戏曲频道，一边择菜，一边跟着咿咿呀呀地哼唱。\n"
            "的修理铺都关了门，问我城里能不能修。\n"
            "那时候我还小，听不懂唱的是什么，只觉得那声音软软的。\n"
            "后来我去外地读书、工作，离家越来越远，回去的次数越来越少。有一年冬天，外婆打电话给我，说收音机坏了，镇上\n"
            "我把收音机带回城里，跑了好几家店，终于在一条小巷里找到一位老师傅。老师傅拆开后盖看了看，说：“这机子比你"
            "年纪都大，难得还有人惦记着。”\n收音机修好了，外婆却没能再听上几回。\n")
    assert ("broken-wrap", None) not in kinds_at(page, 5)
    assert ("truncated-sentence", "displaced") in kinds_at(page, 4)
    assert kinds_at(page, 2) == set()       # (the piece: no truncated start of its own)
    assert "镇上的修理铺都关了门" in fixed(page, unsafe=True)


def test_a_figure_orphan_pairs_with_a_cut_that_holds_a_finished_sentence():
    page = ("# 简讯\n\n市商务局发布消费数据，一季度全市社会消费品零售总额同比增长6.2%，市场持续回暖。\n\n"
            "1.36万户，同比增长12.5%，其中餐饮、零售、生活服务类占比超过七成。\n\n"
            "# “小店经济”点亮城市烟火气\n\n本报记者 唐宁\n\n"
            "傍晚时分，老城区南门街的特色街区渐渐热闹起来，一家家小店亮起灯，前来逛吃的市民络绎不绝。\n\n"
            "小店连着大民生。今年以来，全市新增个体工商户\n\n"
            "为给小店发展营造更好环境，我市出台支持小店经济发展十条措施，从降低经营成本等方面精准发力。\n")
    assert ("broken-wrap", None) not in kinds_at(page, 17)
    out = fixed(page, unsafe=True)
    assert "全市新增个体工商户1.36万户，同比增长12.5%" in out
    # the piece moves, not the article: another article stands between them
    assert out.index("# “小店经济”点亮城市烟火气") > out.index("# 简讯")


def test_no_chinese_column_is_wider_than_a_newspaper_sets_one():
    lines = ["一" * n + "。" for n in (58, 61, 63, 60, 59, 62, 64, 60, 61, 57)]
    doc = Document("\n".join(lines) + "\n")
    assert all(lay.column == 0 for lay in analyse(doc))


def test_a_photo_credit_is_set_apart_from_its_caption_on_a_blank_separated_page():
    page = (LEAD + "\n图为桃源镇粮食收购点，农户正在有序交售新粮。\n本报记者 周敏 摄\n\n县农业农村局还组织农技人员深入田间地头。\n")
    assert "交售新粮。\n\n本报记者 周敏 摄\n\n" in fixed(page)


# ---------------------------------------------------------------- copies

def test_a_copy_that_holds_words_its_twin_lacks_is_never_the_one_deleted():
    page = ("本报记者 陈默\n锣鼓一响，乡亲们就坐不住了，市越剧团的演员们为大家送上了经典选段。\n"
            "记者从市文化广电旅游局获悉，按照行动计划，我市将每年组织地方戏曲进村演出不少于600场，培育戏曲小票友1.2\n"
            "万名。\n杨柳村的老戏台始建于清代道光年间，台顶藻井上的彩绘虽已斑驳，但雕梁画栋依稀可辨。\n"
            "（作者系云川市作家协会会员）\n"
            "记者从市文化广电旅游局获悉，按照行动计划，我市将每年组织地方戏曲进村演出不少于600场，培育戏曲小票友1.2\n"
            "城市书房：把书香送到家门口（上接第一版）截至目前，全市已建成城市书房46家。\n")
    out = fixed(page)
    assert "小票友1.2万名。" in out and out.count("记者从市文化广电旅游局获悉") == 1


def test_adjacent_sentence_copies_are_each_checked_against_the_kept_one():
    # (found by the property test: two copies deleted in one edit, the kept one longer by a figure)
    text = "强化理论武装，不断凝聚侨心侨力。强化理论武装，不断凝聚侨心侨力。\r\n0000\r\n强化理论武装，不断凝聚侨心侨力。\r\n\r\n0"
    assert not fix_text(text, unsafe=True).errors


def test_a_paragraph_inside_a_block_printed_again_cut_short_with_ocr_slips():
    page = ("“过去编竹篮只能赶集卖，现在订单多得做不完。”\n学员王桂芳说，她每个月能挣三千多元。\n"
            "竹编是云溪县县级非物质文化遗\n产。为让老手艺焕发新活力，石桥乡\n邀请非遗传承人开设免费培训班，手\n"
            "把手教学员编织技艺，并引进文创企\n业参与设计，开发出20多个新品种。\n\n"
            "竹编是云溪县县级非物赁文化遗\n产。为让老手艺焕发新活力，石桥乡\n遨请非遗传承人开设免费培训\n\n"
            "本报讯 县老年大学秋季班开学，500余名老年学员走进课堂。\n")
    assert ("duplicate-paragraph", None) in kinds_at(page, 9)
    assert "非物赁" not in fixed(page)


# ---------------------------------------------------------------- English

def test_english_captions_credits_and_bylines_are_never_joined():
    page = ("Detour signs send drivers north on Route 9 to the Carver Street\ncrossing, adding about four miles to the trip.\n\n"
            "Traffic cones block the Old Mill Road bridge. (Photo: Sam Lee)\n\n"
            "Businesses near the bridge say they are bracing for a quiet\nautumn, and some have cut their hours.\n")
    assert "(Photo: Sam Lee)\n\nBusinesses" in fixed(page)
    head = "Council Backs $4.2 Million Water Main Plan Rates to rise 6 percent, phased in over three years"
    page = (head + "\n\nBy Jane Ortiz, Staff Writer\n\nASHFORD — The Ashford Town Council voted 5-2 on Tuesday night\n"
            "to borrow $4.2 million to replace aging water mains under the\ndowntown district.\n")
    out = fixed(page)
    assert out.startswith("Council Backs $4.2 Million Water Main Plan\n\nRates to rise 6 percent, phased in over three years\n\n"
                          "By Jane Ortiz, Staff Writer\n\n")


def test_a_capitals_column_name_and_a_sentence_opening_on_names():
    page = "IN BRIEF Library Adds Sunday Hours\n\nHOLLIS — The Hollis Free Library will open on Sundays from 1 to 5 p.m.\n"
    assert fixed(page).startswith("IN BRIEF\n\nLibrary Adds Sunday Hours\n\n")
    prose = "Fire Chief Dana Whitcornb said the bridge would stay closed\nuntil the state finished its inspection.\n"
    assert fixed(prose) == "Fire Chief Dana Whitcornb said the bridge would stay closed until the state finished its inspection.\n"


def test_programme_items_are_list_items_not_cut_sentences():
    items = ["8 a.m. — Pancake breakfast, Grange Hall", "10 a.m. — Craft and farm market opens", "Noon — Pie contest judging"]
    assert all(role(t) == "list" for t in items)
    page = "SATURDAY, OCT. 25\n\n" + "\n\n".join(items) + "\n"
    assert not check(page).findings


def test_an_english_headline_dropped_between_a_columns_lines():
    page = ("The state closed the Old Mill Road bridge to all traffic on Monday over\nconcerns about erosion in two of its"
            " supports, weeks after it\nlowered the weight limit to ten tons in June, forcing buses onto\na lengthy detour.\n\n"
            "Detour signs send drivers north on Route 9 to the Carver\n\nHarvest Fair Returns to Town Green\n\n"
            "Street crossing, adding about four miles to the trip. Emer-\ngency vehicles will be staged on both sides of"
            " the river while\nthe bridge is closed, Fire Chief Dana Whitcornb said.\n")
    assert ("fused-headline", "inside-paragraph") in kinds_at(page, 8)
    assert "to the Carver Street crossing" in fixed(page)


# ---------------------------------------------------------------- the fifth blind set (zh_h1-h4)

def test_a_contact_line_is_never_joined_onto_a_cut_column():
    column = ("此外，中心还在各乡镇便民服\n务站设立了帮办代办窗口，年\n老体弱、行动不便的群众可提\n前电话预约，工作人员将上门\n\n"
              "咨询电话：0835-6221234\n\n地址：县民生路18号\n")
    assert "将上门\n\n咨询电话" in fixed(column)


def test_office_hours_and_places_are_contact_lines():
    assert role("周六上午：9:00—12:00") == "contact"
    assert role("地点：和平里小区中心广场") == "contact"     # (the last blind set: no displaced headline)


def test_a_headline_as_wide_as_its_column_between_two_halves_of_a_word():
    column = ("本报讯 11月2日，县人民医院\n组织百名医护志愿者走进城南\n社区，开展“健康进万家”义\n诊活动，为居民提供免费测血\n"
              "压、测血糖、健康咨询等服务。\n\n活动现场，前来问诊的居民排\n起了长队。医生们耐心询问病\n\n百名医护志愿者进社区义诊\n\n"
              "史、仔细查看检查单，并结合\n季节特点，提醒大家注意防寒\n保暖、合理饮食。\n")
    out = fixed(column)
    assert "医生们耐心询问病史、仔细查看检查单" in out and "询问病百名" not in out


def test_a_headline_runs_into_its_reporters_line_but_a_lead_is_looked_for_first():
    page = "夜市经济点亮城市烟火气 本报记者 孙悦 通讯员 李航\n\n入夜，位于老城区的南门里夜市灯火通明，各色小吃摊位前排起长队。\n"
    assert fixed(page).startswith("夜市经济点亮城市烟火气\n\n本报记者 孙悦 通讯员 李航\n\n")
    assert check(page.replace("本报记者 孙悦 通讯员 李航", "本报记者 孙悦")).findings[0].line == 1
    lead = "南浦港一季度集装箱吞吐量增长12.3%本报讯 记者 许承泽 记者从南浦港务集团获悉，今年一季度吞吐量再创新高。\n"
    assert fixed(lead).startswith("南浦港一季度集装箱吞吐量增长12.3%\n本报讯 记者 许承泽 记者从南浦")


def test_a_repeated_sentence_keeps_its_first_copy_when_the_copies_are_about_as_long():
    text = ("会议强调，要严格落实安全生产责任制，紧盯城镇燃气、自建房、电动自行车等重点领域，深入开展隐患排查整治。"
            "会议强调要严格落实安全生产责任制，紧盯城镇燃气、自建房、电动自行车等重点领域，深入开展隐患排查整治工作。"
            "要压紧压实各方责任，坚决防范遏制重特大事故发生。\n")
    out = fixed(text)
    assert out.startswith("会议强调，要严格落实") and "整治工作。" not in out


def test_a_figure_cut_at_its_decimal_point_across_a_blank_line():
    page = ("今年，我市高校毕业生规模预计达4\n\n.6万人，较去年增加约3200人。为帮助毕业生尽快就业，市人社局推出就业服务十条，"
            "在岗位归集、政策补贴、见习实践等方面加大支持力度。\n")
    assert "预计达4.6万人" in fixed(page)


def test_a_time_word_opens_a_sentence():
    page = ("# 夜市经济点亮城市烟火气\n\n本报记者 孙悦\n\n"
            "入夜，位于老城区的南门里夜市灯火通明，各色小吃摊位前排起长队，文创市集、街头演艺吸引不少市民驻足。\n")
    assert not [f for f in check(page).findings if f.kind == "truncated-sentence"]


def test_a_short_hard_wrapped_article_among_one_line_paragraphs_is_joined():
    # (the blind page itself: a 17-character column among one-line paragraphs, whose window of
    # widths shows no column)
    with open(os.path.join(PAGES, "zh_h4.txt"), encoding="utf-8") as fh:
        out = fixed(fh.read())
    assert "设置藜麦种植、设施农业、电商直播" in out and "专家和电商企业讲师现场授课" in out


def test_a_title_wider_than_the_column_is_no_line_of_it():
    page = ("绿道串连起湿地公园、古渡码头、老城墙遗址\n等景点，形成总长超过60公里的环城慢行系统，\n"
            "进一步提升了市民的获得感和幸福感，受到广泛\n好评，不少市民表示周末常常带孩子来走一走，\n"
            "澜川市防汛抗旱指挥部办公室关于开展汛前安全隐患排查整治的通知\n各县（区）防汛抗旱指挥部，市防指各成员单位：\n"
            "为切实做好今年防汛工作，市防指决定在全市范\n围内开展汛前安全隐患排查整治，现将有关事项\n通知如下：\n")
    out = fixed(page)
    assert "\n澜川市防汛抗旱指挥部办公室关于开展汛前安全隐患排查整治的通知\n各县（区）" in out


# ---------------------------------------------------------------- a review of the rules above

def test_a_column_line_that_a_later_lead_repeats_is_no_headline():
    column = ("本报讯 近日，市文化和旅游局召\n开专题会议，安排部署今年全市\n群众文化活动。会议提出，要办\n好乌审旗马头琴乐团专场演出活\n"
              "动等一批群众文化品牌活动，持\n续丰富群众精神文化生活，会议\n还对下一步重点工作进行安排。\n\n"
              "本报讯 6月12日，乌审旗马头琴\n乐团专场演出活动在市文化艺术\n中心举行，吸引了上千名市民前\n来观看，现场掌声不断，气氛热\n烈。\n")
    assert "要办好乌审旗马头琴乐团专场演出活动等一批" in fixed(column)


def test_a_prize_list_of_one_width_is_no_wrapped_prose():
    page = ("本报讯 全市少儿书画大赛日前揭晓，共评出各类奖项40个，获奖作品将在市图书馆展出一个月。\n\n"
            "一等奖：张华、李明、王芳、赵刚\n二等奖：刘洋、陈静、杨帆、周敏\n三等奖：吴昊、郑爽、孙悦、马丽\n"
            "优秀奖：胡军、林晓、何平、高原\n组织奖：东胜区文化馆\n")
    assert fixed(page) == page


def test_a_repeated_sentence_keeps_the_copy_with_more_words_or_figures():
    for text, kept in (("会议强调，要抓好安全生产，守住底线。会议强调，要抓好安全生产和环保，守住底线。", "和环保"),
                       ("数据显示，全市地区生产总值同比增长5%，高于全区平均水平。数据显示，全市地区生产总值同比增长5.3%，高于全区平均水平。", "5.3%")):
        page = "本报讯 今年一季度，全市经济运行稳中向好。" + text + "\n"
        assert kept in fixed(page)


def test_a_caption_with_its_credit_and_a_line_ending_on_photography_stay():
    assert fixed("图为志愿者在社区开展义诊服务 本报记者 孙悦摄\n") == "图为志愿者在社区开展义诊服务 本报记者 孙悦摄\n"
    poem = "我的父亲一辈子没有离开过村庄，\n他的手上全是老茧，\n他最大的爱好是摄影\n"
    assert fixed(poem) == poem


def test_english_acronyms_and_captions_are_not_cut():
    for line in ("NASA ESA Sign Mars Sample Return Pact", "FBI CIA Chiefs Testify Before Senate Panel",
                 "Lincoln High School Principal Maria Gonzalez greets students on the first day of classes",
                 "Downtown Business District Parking Changes take effect Monday"):
        page = line + "\n\nBy Jane Ortiz\n\nASHFORD — The council met on Tuesday night to discuss the plan.\n"
        assert fixed(page).startswith(line + "\n"), line


def test_template_paragraphs_led_by_other_labels_are_no_copies():
    page = ("东胜区：晴转多云，最高气温25℃，最低气温12℃，西北风3到4级，空气质量良。\n\n"
            "康巴什区：晴转多云，最高气温25℃，最低气温12℃，西北风3到4级，空气质量良。\n")
    assert fixed(page) == page


def test_a_quotations_source_after_a_dash_stays_with_it():
    line = "绿水青山就是金山银山 ——摘自习近平总书记讲话\n\n本报讯 近日，全市生态环境保护大会召开，部署下一阶段工作。\n"
    assert fixed(line) == line
