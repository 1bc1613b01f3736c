import pytest

from repair import check, fix_text

BODY = "高位统筹,系统集成,构建全链条闭环治理新体系。《方案》坚持以国家、自治区关于深化公共资源交易平台整合共享、优化营商环境系列决策部署为根本遵循,"


def wraps(text):
    return [f for f in check(text).findings if f.kind == "broken-wrap"]


@pytest.mark.parametrize("text, joined_line, expected", [
    pytest.param(BODY + "切实以精准化考\n\n核推动工作提质,以刚性约束推动责任落实。\n", 3,
                 BODY + "切实以精准化考核推动工作提质,以刚性约束推动责任落实。\n", id="column-break-mid-word"),
    pytest.param(BODY + "现场还发布了2026\n\n年“草原村马”超级联赛活动及乌审榆林双城自驾游旅游线路。\n", 3,
                 BODY + "现场还发布了2026年“草原村马”超级联赛活动及乌审榆林双城自驾游旅游线路。\n", id="break-inside-number-year"),
    pytest.param(BODY + "专题召\n\n开卡动力上市工作协调会,统筹破解上市过程中的难点堵点问题。\n", 3,
                 BODY + "专题召开卡动力上市工作协调会,统筹破解上市过程中的难点堵点问题。\n", id="page-break-splits-zhaokai"),
])
def test_page_break_mid_sentence_is_joined(text, joined_line, expected):
    found = wraps(text)
    assert [f.line for f in found] == [joined_line]
    assert found[0].safe
    assert fix_text(text).text == expected


HARD_WRAPPED = (
    "东胜讯 近年来，东胜区政府侨务\n办公室坚持以“侨”架“桥”，充分发挥桥\n梁纽带作用，凝聚侨心、汇集侨智、发挥\n"
    "侨力、维护侨益，为助力经济社会高质\n量发展贡献侨界力量。\n\n"
    "强化理论武装，不断凝聚侨心侨\n力。通过线上线下相结合的方式，定期\n组织归侨侨眷开展会议研讨、座谈交\n"
    "流、考察学习等活动，学习宣传贯彻党\n的二十大精神。\n"
)


def test_hard_wrapped_column_becomes_one_line_per_paragraph():
    out = fix_text(HARD_WRAPPED).text
    paras = out.split("\n\n")
    assert len(paras) == 2
    assert paras[0] == "东胜讯 近年来，东胜区政府侨务办公室坚持以“侨”架“桥”，充分发挥桥梁纽带作用，凝聚侨心、汇集侨智、发挥侨力、维护侨益，为助力经济社会高质量发展贡献侨界力量。"
    assert "\n" not in paras[1].strip()
    # one finding per wrong break, naming the line joined onto the text before it
    assert [f.line for f in wraps(HARD_WRAPPED)] == [2, 3, 4, 5, 8, 9, 10, 11]


def test_english_hard_wrap_dehyphenates_and_keeps_one_space():
    text = ("The archive digitised forty years of the paper, and the infor-\n"
            "mation extracted from the scans was wrapped at the width of\n"
            "the original column, which makes search and reading hard for\n"
            "everyone who uses the collection. Editors now repair the\n"
            "pages before they are indexed by the search engine of the\n"
            "library.\n\n"
            "Readers noticed the difference within weeks of the change,\n"
            "and the number of complaints about broken sentences fell.\n")
    out = fix_text(text).text
    assert "information extracted" in out
    assert "width of the original column" in out
    assert out.count("\n") == 3 and "  " not in out


@pytest.mark.parametrize("text", [
    pytest.param("# 我市以制度创新赋能公共资源交易提质增效\n\n康巴什讯 笔者近日了解到,为深入贯彻落实党中央决策部署。\n", id="headline-then-lead"),
    pytest.param("速递\n\n海南区\n\n实施“项目建设攻坚年”行动\n\n本报乌海4月12日电(记者郝飏)4月11日,记者了解到。\n", id="kicker-column-name"),
    pytest.param(BODY + "切实推动。\n\n市融媒体中心记者 赵柔樾 刘鹏 许乐天\n\n以前看病“跑断腿”,预约检查得排队。\n", id="byline"),
    pytest.param("近日,市交通运输综合行政执法支队开展超限超载专项整治行动。\n\n罗啸 摄\n\n# 准旗:构建人才“强磁场”\n", id="photo-credit"),
    pytest.param(BODY + "推动发展。\n\n(贾江)\n\n# 我市1旗入选国家级优秀案例名单\n", id="signature"),
    pytest.param("督察进驻期间:2025年5月28日—6月28日\n专门值班电话:0471-4819165\n专门邮政信箱:内蒙古自治区呼和浩特市A980号邮政信箱\n", id="contact-lines"),
    pytest.param("工作要点如下:\n1. 优化服务流程\n2. 简化办事环节\n3. 提升服务效能\n", id="numbered-list"),
    pytest.param("床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n", id="poem-short-lines"),
    pytest.param("聚焦融资对接堵点\n数字化赋能打通服务“最后一公里”\n\n为破解企业融资难、融资慢等痛点,鄂尔多斯市上线小程序。\n", id="two-line-headline"),
])
def test_structure_that_must_not_be_joined(text):
    assert wraps(text) == []
    assert fix_text(text).text == text


@pytest.mark.parametrize("left, right, joined", [
    pytest.param("the infor-", "mation desk", "the information desk", id="word-split-by-hyphenation"),
    pytest.param("a well-", "known author", "a well-known author", id="compound-keeps-its-hyphen"),
    pytest.param("a long-", "term plan", "a long-term plan", id="compound-long-term"),
    pytest.param("much low-", "er prices", "much lower prices", id="suffix-after-a-compound-head"),
])
def test_a_hyphen_at_a_line_end(left, right, joined):
    from repair.textutil import seam_joiner
    drop, glue = seam_joiner(left, right)
    assert left[:len(left) - drop] + glue + right == joined


@pytest.mark.parametrize("line, heading", [
    pytest.param("Storm rally past Lakers in overtime thriller", True, id="sentence-case-headline"),
    pytest.param("Mayor Opens New Bridge Over Elm Street", True, id="title-case-headline"),
    pytest.param("the council voted to close the bridge for most", False, id="wrapped-prose"),
    pytest.param("The council voted on Monday, after a long debate", False, id="clause-with-comma"),
])
def test_english_headlines_in_sentence_case(line, heading):
    from repair.roles import is_heading_like
    assert is_heading_like(line) == heading
