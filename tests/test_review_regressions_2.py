"""Shapes a second review (of the pages-without-blank-lines and headline-pair work) found the
detectors getting wrong; each must stay right."""
from repair import check, fix_text
from repair.edits import select_fixes
from repair.textutil import seam_joiner


def fixed(text):
    return fix_text(text).text


def test_an_opening_on_an_ordinary_word_does_not_pull_the_next_article_into_a_cut_one():
    text = ("# 县里出台稳就业措施\n\n本报讯 记者王某 县里出台十条措施，帮助企业解决用工、融资、场地等方面的困难，推动更多企业上规入\n\n"
            "# 东城街道新添民生服务站\n\n便民服务中心设有12个窗口，实行一站式服务，居民办事不出街道就能办好。\n\n"
            "街道相关负责人表示，下一步将继续完善服务功能。\n")
    assert fixed(text) == text
    clean = ("# 街道便民服务中心启用\n\n本报讯 记者 赵磊 6月1日，东城街道便民服务中心正式投入使用。\n\n"
             "便民服务中心设有12个窗口，实行一站式服务。\n\n也有居民提出，希望延长周末的服务时间。\n\n"
             "仍需看到，部分老年人对自助设备还不熟悉。\n")
    assert check(clean).findings == []


def test_a_headline_in_two_halves_is_not_taken_for_a_column_name_and_a_headline():
    body = "\n\n本报讯 记者王某 连日来，全县广大党员干部坚守岗位，全力做好各项工作，确保群众生命财产安全。\n"
    for head in ("坚守防汛一线 守护万家平安", "关注民生实事 温暖百姓心田", "聚焦主责主业 推动高质量发展"):
        assert fixed(head + body) == head + body


def test_a_headline_is_not_cut_between_a_verb_and_its_object():
    by = "\n□本报记者 沈嘉言\n近年来，全县上下齐心协力，各项工作取得明显成效。\n"
    for head in ("党员干部冲在抗旱一线全力保障全县群众饮水安全", "东城区老旧小区改造提速惠及全区两万余户居民",
                 "全县农村公路总里程突破 3000公里实现村村通硬化路目标"):
        assert fixed(head + by).startswith(head + "\n")


def test_a_couplet_quoted_in_a_column_keeps_its_two_lines():
    text = ("本报讯 记者王某 春节将至，市书法家协会组织\n书法家走进社区，为居民义写春联。活动现场，\n"
            "书法家们挥毫泼墨，一副副春联很快写好了。\n春回大地千山秀，\n日照神州万木荣。\n"
            "这是居民李大妈最喜欢的一副春联。活动共送出\n春联600余副、福字1000余张，深受欢迎。\n")
    assert "\n春回大地千山秀，\n日照神州万木荣。\n" in fixed(text)


def test_figures_cut_at_a_line_end_in_english_keep_their_space():
    assert seam_joiner("officials said 2021\u20132022", "12 schools") == (0, " ")
    assert seam_joiner("tickets cost \u20ac12", "50 people came") == (0, " ")
    assert seam_joiner("收入分别达到486", "50元") == (0, "")


def test_a_join_inside_a_copys_kept_twin_goes_in_the_same_round_as_the_deletion():
    para = ("为做好地铁与地面公交的衔接，市公交集团同步\n调整优化公交线路15条，新开通接驳线路6条，\n"
            "在3号线沿线车站出入口周边设置公交站点43个，\n基本实现地铁站点周边500米范围内公交站点全\n覆盖。\n")
    other = ("试运营首日，不少市民专程赶来体验。家住临港\n中心附近的市民王女士说，以前进城要倒两趟公\n"
             "交车，现在坐地铁半小时就到了，方便多了。\n")
    text = para + other + para.replace("衔接", "衔按")
    findings = check(text).findings
    chosen = select_fixes(findings, False, text)
    kinds = {f.kind for f in chosen}
    assert kinds == {"broken-wrap", "duplicate-paragraph"}
    kept_joins = [f for f in chosen if f.kind == "broken-wrap" and f.line <= 5]
    assert len(kept_joins) == 4           # the kept copy's four joins, with the deletion of the other
    assert len([f for f in select_fixes(findings, False) if f.kind == "broken-wrap" and f.line <= 5]) == 0
