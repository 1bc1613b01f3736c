import pytest

from repair import check, fix_text

P1 = "活动期间还进行了农文旅推介活动和乌审旗乌兰牧骑专场演出及乌审旗马头琴乐团专场演出。随着合作协议的落地,明确将在客源互送、线路共推等方面深度合作。"
P2 = "除了检查预约的智能化,就诊空间的布局调整也让市民感受到实实在在的便利。医院以患者为中心,依据人体系统,将门诊重组为四大功能集成区。"
P3 = "流程的优化和空间的重组,背后折射出的是管理理念的转变。鄂尔多斯市中心医院将改善群众就医感受作为衡量工作成效的重要标尺。"


def dups(text):
    return [f for f in check(text).findings if f.kind == "duplicate-paragraph"]


@pytest.mark.parametrize("text, line, expected", [
    pytest.param(f"{P1}\n\n{P1}\n\n{P2}\n", 3, f"{P1}\n\n{P2}\n", id="exact-adjacent"),
    pytest.param(f"{P1}\n\n{P2}\n\n{P3}\n\n{P1}\n", 7, f"{P1}\n\n{P2}\n\n{P3}\n", id="exact-far-apart"),
    pytest.param(f"{P1}\n\n{P2}\n\n{P1.replace('演出', '演岀', 1)}\n", 5, f"{P1}\n\n{P2}\n", id="near-copy-ocr-noise"),
    pytest.param(f"{P1[:60]}\n\n{P2}\n\n{P1}\n", 1, f"{P2}\n\n{P1}\n", id="truncated-first-copy-is-dropped"),
    pytest.param("杭锦旗 年处理25万吨煤系高岭土项目全力推进\n\n杭锦旗 年处理25万吨煤系高岭土项目全力推进\n\n" + P2 + "\n", 3,
                 "杭锦旗 年处理25万吨煤系高岭土项目全力推进\n\n" + P2 + "\n", id="repeated-headline-adjacent"),
])
def test_duplicate_paragraphs_are_deleted_keeping_the_complete_copy(text, line, expected):
    found = dups(text)
    assert [f.line for f in found] == [line]
    assert fix_text(text).text == expected


def test_repeated_sentence_group_keeps_most_complete_copy():
    a1 = "会议进一步传达学习《习近平关于生态文明建设论述摘编》。"
    a2 = "会议传达了《习近平关于生态文明建设论述摘编》。"
    b = "强调要严格落实领导干部生态文明建设责任制,扎实推进重点生态工程建设,坚决打好蓝天、碧水、净土保卫战。"
    text = f"本报讯 6月13日,市政府召开常务会议。{a1}{b}{a2}{b}{a2}{b}\n"
    found = dups(text)
    assert len(found) == 1 and found[0].variant == "sentence"
    assert fix_text(text).text == f"本报讯 6月13日,市政府召开常务会议。{a1}{b}\n"


def test_phrase_stutter():
    text = "日前,全市医生建立了“医保积分档案”,如同机动车驾驶证管理一般,谁违规谁扣分,谁违规谁扣分,就依规扣分。\n"
    assert fix_text(text).text == "日前,全市医生建立了“医保积分档案”,如同机动车驾驶证管理一般,谁违规谁扣分,就依规扣分。\n"


@pytest.mark.parametrize("text", [
    pytest.param("我们常常去看一看,研究研究再说。大家都说好好学习,天天向上。\n", id="reduplication"),
    pytest.param("齐众心、汇众力、聚众智,“一起来想”汇聚共识,“一起来干”助力大局,不断画好侨界同心圆。\n", id="parallel-structure"),
    pytest.param("罗啸 摄\n\n" + P1 + "\n\n罗啸 摄\n\n" + P2 + "\n", id="repeated-photo-credit"),
    pytest.param("市融媒体中心记者 刘亚楠\n\n" + P1 + "\n\n市融媒体中心记者 刘亚楠\n\n" + P2 + "\n", id="repeated-byline"),
    pytest.param(P1 + "\n\n" + P2 + "\n\n" + P3 + "\n", id="distinct-paragraphs-same-topic"),
])
def test_legitimate_repetition_is_left_alone(text):
    assert dups(text) == []


def test_candidates_scale_without_comparing_every_pair():
    # 20,000 distinct paragraphs plus one far-apart copy: found without an all-pairs comparison
    paras = [f"第{i}段 鄂尔多斯市推进第{i}号项目建设,总投资{i * 7}亿元,预计带动就业{i * 13}人,年产值{i * 3}亿元。" for i in range(20000)]
    text = "\n\n".join(paras + [paras[123]]) + "\n"
    found = dups(text)
    assert [f.line for f in found] == [2 * 20000 + 1]


def test_a_clause_repeating_the_end_of_the_one_before_is_deleted():
    text = "# 电动自行车充电\n\n“飞线充电”“入户充电”等现象屡禁不止,屡禁不止,存在较大的火灾隐患。今年,我市将集中建设充电设施。\n"
    found = [f for f in check(text).findings if f.kind == "duplicate-paragraph"]
    assert [(f.variant, f.line) for f in found] == [("sentence", 3)]
    assert "等现象屡禁不止,存在较大的火灾隐患" in fix_text(text).text


def test_a_reworded_sentence_repeated_back_to_back_is_deleted():
    text = ("# 书香安平\n\n近年来,我市深入推进“书香安平”建设,全民阅读氛围日益浓厚。"
            "阅读,正在成为这座城市的一种生活方式。阅读,正在成为这座城市的生活方式。\n")
    found = [f for f in check(text).findings if f.kind == "duplicate-paragraph"]
    assert [(f.variant, f.line) for f in found] == [("sentence", 3)]
    fixed = fix_text(text).text
    assert fixed.count("正在成为这座城市") == 1 and "的一种生活方式。" in fixed


def test_lines_printed_again_inside_a_block_are_deleted():
    # a page without blank lines: the first lines of a paragraph stand again after it, cut short
    text = ("本报讯 近日，海岸带生态修复工程通过验收，新增红树林面积1200亩，\n"
            "修复过程中，工程团队坚持“基于自然的解决方\n"
            "案”，保留原有潮沟水系，用生态海堤替代混凝\n"
            "土护岸，在堤前种植红树林和盐沼植物，既提升\n"
            "了海堤的防浪能力，又为鸟类和底栖生物提供了\n"
            "栖息地。\n"
            "修复过程中，工程团队坚持“基于自然的解决方\n"
            "案”，保留原有潮沟水系，用生态海堤替代混凝\n"
            "“红树林是天然的‘海岸卫士’。”市海洋发展局相关负责人介绍。\n")
    found = [f for f in check(text).findings if f.kind == "duplicate-paragraph"]
    assert [(f.line, f.end_line, f.safe) for f in found] == [(7, 8, True)]
    fixed = fix_text(text).text
    assert fixed.count("修复过程中") == 1 and "栖息地。\n“红树林是天然的" in fixed


def test_a_paragraph_split_by_a_page_break_is_kept_and_its_later_copy_deleted():
    from repair import fix_text
    a = "报告指出,过去一年,全市地区生产总值达到2368.4亿元,同比增长5.8%;一般公共预算收入187.6亿元;城乡居民人均可支配收入分别达到486"
    b = "50元和23120元,分别增长5.1%和7.3%。全年新增城镇就业3.2万人,城镇调查失业率控制在5%以内。"
    noisy = (a + b).replace("生产总值", "生产总植").replace("可支配收入", "可支配收人")
    text = f"{a}\n\n{b}\n\n会议听取了政府工作报告,审议通过了有关决议。\n\n{noisy}\n"
    fixed = fix_text(text).text
    assert a + b in fixed and "生产总植" not in fixed
