"""Pages that set paragraphs apart by single line breaks: their paragraphs are the runs of lines
broken-wrap joins, so truncation and displaced headlines see them one by one."""
import os

from repair import Document, check, fix_text
from repair.paragraphs import paragraphs


def found(text, kind):
    return [(f.variant, f.line) for f in check(text).findings if f.kind == kind]


def fixed_stably(text, unsafe=False):
    """The fixed text, checked to be a fixed point (fixing it again changes nothing)."""
    fixed = fix_text(text, unsafe=unsafe).text
    assert fix_text(fixed, unsafe=unsafe).text == fixed
    return fixed


COLUMN = ("调解中心配备了专职调解员8名，并从律师、退\n休法官、工会干部中选聘兼职调解员32名，实行\n"
          "“一案一调解员”跟踪服务。对农民工讨薪等案\n件，中心开辟绿色通道，做到当天受理、优先调\n"
          "解、快速确认。\n")


def test_a_block_of_wrapped_paragraphs_is_cut_into_its_paragraphs():
    text = COLUMN + "市中院相关负责人表示，将以调解中心为平台，\n推动劳动争议纠纷源头预防、前端化解，切实维\n护劳动者合法权益。\n"
    doc = Document(text)
    assert len(doc.blocks) == 1
    assert [p.first_line for p in paragraphs(doc)] == [0, 5]


def test_a_paragraph_inside_a_block_that_opens_on_a_word_tail_is_a_truncated_start():
    # 院共受理… is 法院共受理 cut after 法; 院 ends words 3.93 times as often as it begins them
    text = COLUMN + "院共受理劳动争议案件2860件，其中通过诉前调\n解化解1240件，涉及金额8600余万元。\n"
    assert ("start", 6) in found(text, "truncated-sentence")
    assert found(COLUMN + "法院共受理劳动争议案件2860件，其中通过诉前\n调解化解1240件。\n", "truncated-sentence") == []


def test_the_first_paragraph_of_a_page_can_open_mid_word():
    text = ("款余额较年初增加86.3亿元，增速连续6个月位居全省前列。\n\n"
            "全市银行业金融机构资产质量保持稳定，不良贷款率较年初下降0.21个百分点。\n")
    assert ("start", 1) in found(text, "truncated-sentence")
    assert found("存" + text, "truncated-sentence") == []


def test_a_short_line_of_a_column_stopping_on_a_comma_goes_on():
    text = ("近年来，东滨科学城聚焦海洋装备、生物医药、\n新一代信息技术三大方向，引进和培育新型研发\n"
            "机构46家，\n集聚各类研发人员1.2万人。去年，科学城实现\n技术合同成交额38.7亿元，同比增长24.5%。\n")
    fixed = fix_text(text).text
    assert "研发机构46家，集聚各类研发人员" in fixed


def test_rows_of_a_table_inside_a_column_are_no_displaced_headlines():
    table = "3号线一期换乘站一览：\n站名　　　　换乘线路\n东滨火车站　1号线\n人民广场　　2号线\n临港中心　　4号线（在建）\n"
    article = ("本报讯 记者王某 东滨火车站至临港中心的地铁3号线一期\n工程今天通车，全线设车站16座，其中换乘站\n"
               "4座，东滨火车站与1号线、人民广场与2号线\n实现同站换乘，临港中心预留4号线接口。\n")
    text = "# 地铁3号线一期今天通车\n" + article + table + "为做好衔接，市公交集团同步调整优化公交线\n路15条，新开通接驳线路6条。\n"
    assert [v for v, _ in found(text, "fused-headline")] == []
    rows = table.split("\n", 1)[1]
    assert fix_text(text, unsafe=True).text.count(rows) == 1      # nor joined into one line


def test_a_paragraph_split_by_a_headline_between_its_lines_is_not_reported_cut():
    text = ("2021年以来，东滨市实施金沙湾海岸带生态保护\n修复工程，清退养殖塘3200亩，拆除海堤硬化护\n"
            "岸4.8公里，恢复滨海湿地5100亩，种植红树林\n海岸带修复让白鹭回来了\n"
            "1800亩。修复后，金沙湾的海水水质由四类提升\n至二类，记录到的鸟类由修复前的47种增加到\n"
            "112种，白鹭、黑脸琵鹭等珍稀鸟类重回海湾。\n")
    assert found(text, "truncated-sentence") == []
    assert ("inside-paragraph", 4) in found(text, "fused-headline")


def test_a_headline_after_a_closing_quote_leaves_the_quote_with_its_sentence():
    text = ("本报讯 记者周洁 社区里的老人们说起新开的活动室都很高兴。\n\n"
            "“刚搬来的时候，楼上楼下谁也不认识，整天待在家里闷得慌。”市博物馆“文物里的安平”特展开展\n\n"
            "本报讯 记者杨培 5月18日是国际博物馆日，市博物馆推出的特展正式开展，吸引了众多市民前来参观。\n")
    assert "闷得慌。”\n\n市博物馆“文物里的安平”特展开展\n\n本报讯 记者杨培" in fixed_stably(text)


def test_a_chinese_line_run_into_an_english_word_is_no_headline():
    text = ("锡林郭勒盟还为符合申请条件人员发放Groundwater pumping, which farmers have relied on, "
            "is now limited under a state law，and several agencies warned growers to expect cuts。\n")
    assert found(text, "fused-headline") == []
    fixed_stably(text)


def test_a_song_quoted_in_a_column_keeps_its_lines():
    text = ("渔歌多用方言演唱。一首流传至今的《望船归》这样唱\n道：\n“东风起，浪花白，\n阿哥出海捕鱼来；\n"
            "船满舱，歌满海，\n阿妹岸上望船回。”\n为保护传承这一民间艺术，市文化馆从2019年起组\n"
            "织专业人员深入渔村走访老艺人，记录整理渔歌曲目\n136首，录制音像资料200余小时，效果很好。\n")
    fixed = fixed_stably(text)
    assert "\n“东风起，浪花白，\n阿哥出海捕鱼来；\n船满舱，歌满海，\n阿妹岸上望船回。”\n" in fixed
    assert "组织专业人员" in fixed


def test_a_column_does_not_go_on_into_the_next_articles_headline():
    text = ("据了解，南浦市今年计划新建社区\n嵌入式服务设施32处，重点布局在\n老旧小区集中、公共服务设施短缺\n"
            "的区域，推动托育、养老、助餐等\n南浦渔歌入选省级非遗名录\n□本报记者 黎秋白 通讯员 方晴\n"
            "近日，省政府公布第六批省级非物\n质文化遗产代表性项目名录，南浦\n渔歌榜上有名。\n")
    fixed = fix_text(text).text
    assert "助餐等\n南浦渔歌入选省级非遗名录\n□本报记者" in fixed


def test_a_photo_credit_is_no_headline_run_onto_its_caption():
    text = ("本报讯 记者王某 长坪村的自来水管网今年全部改造完成，村民喝上了放心水。\n\n"
            "图为长坪村村民在家中接自来水。 罗晓峰 摄\n\n"
            "本报讯 记者李某 全县今年新建改建农村公路86公里，通达所有行政村。\n")
    assert found(text, "fused-headline") == []


def test_a_headline_line_run_into_its_dateline_is_split_once_and_not_moved():
    text = ("目前,全市已有37所中小学开设了非遗课程,聘请民间艺人、非遗传承人担任校外辅导员,"
            "开设剪纸、泥塑、皮影等课程。\n\n目前,全市已有37所中小学开设了非遗课程,聘请民间艺人\n\n"
            "# 一季度全市外贸进出口增长9.6%本报讯 记者 程远 记者从安澜海关获悉,今年一季度,"
            "全市外贸进出口总值达到186.3亿元,同比增长9.6%。\n")
    assert found(text, "fused-headline") == [("same-line", 5)]


def test_a_column_name_and_its_headline_on_one_line_are_split():
    for line in ("文化视点　百名书法家进村送春联", "# 法治视点 巡回审判车开进村口 “家门口”化解邻里纠纷"):
        text = line + "\n\n本报讯 记者王某 腊月二十，百名书法家走进村里，为村民写春联、送祝福，现场气氛热烈。\n"
        assert found(text, "fused-headline") == [("same-line", 1)]
        head = line.split()[0] if line[0] != "#" else "# 法治视点"
        assert fix_text(text).text.startswith(head + "\n\n")
    # a headline in two parallel halves is one headline
    assert found("# 非遗进校园 传承有新人\n\n本报讯 记者王某 近日，市非遗保护中心走进学校，为孩子们上了一堂剪纸课。\n",
                 "fused-headline") == []


def test_a_headline_and_its_subtitle_run_together_over_the_byline_are_split():
    text = ("东滨科学城新型研发机构达到46家去年实现技术合同成交额38.7亿元\n□本报记者 沈嘉言\n"
            "近年来，东滨科学城聚焦海洋装备、生物医药、新一代信息技术三大方向，成效明显。\n")
    assert found(text, "fused-headline") == [("same-line", 1)]
    assert fix_text(text).text.startswith("东滨科学城新型研发机构达到46家\n去年实现技术合同成交额38.7亿元\n□本报记者")
    # without a byline below it the long line may be one headline
    assert found(text.replace("□本报记者 沈嘉言\n", ""), "fused-headline") == []


def test_a_poem_introduced_by_a_colon_is_not_joined_to_it():
    text = ("南浦渔歌多用方言演唱。一首流传至今的《望船归》这样唱道：\n“东风起，浪花白，\n阿哥出海捕鱼来；\n"
            "船满舱，歌满海，\n阿妹岸上望船回。”\n为保护传承这一民间艺术，市文化馆记录整理渔歌曲目136首。\n")
    assert fix_text(text).text == text


def test_a_paragraph_printed_again_with_ocr_noise_inside_one_block_is_deleted():
    para = ("为做好地铁与地面公交的衔接，市公交集团同步\n调整优化公交线路15条，新开通接驳线路6条，\n"
            "在3号线沿线车站出入口周边设置公交站点43个，\n基本实现地铁站点周边500米范围内公交站点全\n覆盖。\n")
    other = ("试运营首日，不少市民专程赶来体验。家住临港\n中心附近的市民王女士说，以前进城要倒两趟公\n"
             "交车，现在坐地铁半小时就到了，方便多了。\n")
    noisy = para.replace("衔接", "衔按").replace("出入口", "出人口")
    fixed = fix_text(para + other + noisy).text
    assert "衔按" not in fixed and fixed.count("市公交集团同步调整优化公交线路15条") == 1
    assert "公交站点43个，基本实现地铁站点周边500米范围内公交站点全覆盖。\n" in fixed   # joined in the same round


def test_a_headline_between_wrapped_lines_is_found_when_the_block_opens_on_a_fused_headline():
    text = ("梧山县医院服务中心启用本报讯 记者施远航 近日，县医院一站式服务中心\n正式启用，入院登记、医保结算、病历复印\n"
            "等事项集中在一个窗口办理。“以前给老伴办住\n院，挂号、缴费、登记要跑三四个地方，现在\n"
            "在一个窗口就全办好了，省了不少力气。”正\n在办理入院手续的村民邹大爷说。医院相关负\n"
            "责人表示，下一步将推出夜间门诊，方便群众\n看病就医，让患者少跑腿，多办事，更省心。\n")
    lines = text.split("\n")
    dropped = "\n".join(lines[:4] + ["县医院“一站式”服务中心启用"] + lines[4:])
    assert ("inside-paragraph", 5) in found(dropped, "fused-headline")


def test_unsafe_fixing_keeps_the_paragraphs_of_a_page_without_blank_lines_apart():
    text = ("分产业看，第一产业增加值31.2亿元，增长3.\n9%；第二产业增加值89.5亿元，增长6.8%；第\n"
            "三产业增加值97.9亿元，增长6.0%，三次产业\n结构持续优化，发展质量稳步提升，势头良好。\n"
            "前三季度，全县规模以上工业增加值增长8.2%\n，其中高技术制造业增加值增长15.6%，占规上\n"
            "工业比重达到18.3%，较去年同期提高2个百分\n点，新兴产业成为拉动工业增长的重要力量。\n")
    assert "增长3.9%；" in fixed_stably(text, unsafe=True)
    assert "势头良好。\n前三季度" in fix_text(text).text


def _made(name):
    """(damaged, gold) text of a made page in fixtures/pages."""
    here = os.path.join(os.path.dirname(__file__), "..", "fixtures", "pages")
    return tuple(open(os.path.join(here, name + ext), encoding="utf-8").read() for ext in (".txt", ".gold.txt"))


F4 = _made("zh_f4")[0]


def test_a_short_column_line_stopping_on_a_comma_goes_on_into_a_conjunction():
    # zh_f4 (scored blind): …从主要指标看，全 / 县经济运行总体平稳、稳中有进， / 但部分中小企业…
    assert "稳中有进，但部分中小企业" in fix_text(F4).text
    assert ("end", 15) not in found(F4, "truncated-sentence")


def test_the_text_after_a_headline_between_lines_is_no_truncated_start_nor_the_headline_displaced():
    # zh_f4: …全办好了，省 / 县医院“一站式”服务中心启用 / 了不少力气。”…
    assert ("inside-paragraph", 32) in found(F4, "fused-headline")
    assert ("displaced", 32) not in found(F4, "fused-headline")
    assert ("start", 33) not in found(F4, "truncated-sentence")



def test_a_second_unsafe_round_does_not_take_finished_paragraphs_for_a_column():
    # zh_f4: after round one the page is one-line paragraphs in one block; OVER_WIDE keeps the
    # column of its table rows from making them "full lines" that go on (0.58 without it)
    from repair.metrics import repair_score
    page, gold = _made("zh_f4")
    assert repair_score(fix_text(page, unsafe=True).text, gold, "line").f1 >= 0.85


def test_the_closing_line_of_a_quoted_song_stays_with_the_song():
    page, _ = _made("zh_e4")
    assert "\n“东风起，浪花白，\n阿哥出海捕鱼来；\n船满舱，歌满海，\n阿妹岸上望船回。”\n" in fixed_stably(page)


def test_a_notices_issuer_over_its_date_is_not_moved_as_a_headline():
    page, _ = _made("zh_d3")
    assert ("displaced", 497) not in found(page, "fused-headline")      # 清溪县自来水公司 / 2025年6月9日
