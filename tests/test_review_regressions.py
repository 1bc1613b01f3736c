"""Shapes a review of the detectors found them getting wrong; each must stay right."""
from repair import check, fix_text


def names(text):
    return [(f.name, f.line, f.safe) for f in check(text).findings if f.kind != "broken-wrap"]


def test_a_column_repeating_whole_lines_of_the_one_before_loses_the_repeat():
    a = "本报讯 近日，我市政务服务中心推出企业开办一窗通办服务，\n以企业开办为例，申请人只需在一个窗口提交一套材料，即"
    b = "以企业开办为例，申请人只需在一个窗口提交一套材料，即\n可同步办理营业执照、公章刻制、税务登记等事项，最快半天办结。"
    for nl in ("\n", "\r\n"):
        fixed = fix_text((a + "\n\n" + b + "\n").replace("\n", nl)).text
        assert fixed.count("以企业开办为例") == 1 and "材料，即可同步办理" in fixed


def test_a_short_line_of_a_ragged_english_column_is_no_headline():
    text = ("The mayor met on Tuesday with leaders of\nthe Riverside Neighborhood Alliance and\n"
            "Eastside Merchants Council\nrepresentatives to discuss the plans for\n"
            "the new bridge across the river, which is\nexpected to open in the spring of next\n"
            "year after three years of construction\nand repeated delays caused by flooding.\n")
    assert names(text) == []
    assert "Alliance and Eastside Merchants Council representatives to discuss" in fix_text(text).text


def test_a_headline_dropped_into_a_page_without_blank_lines_goes_above_its_own_dateline():
    other = ("# 我市举办全民健身运动会\n本报讯 记者王某 日前，我市第十届全民健身运动\n"
             "会在市体育中心开幕，来自全市各旗区的两千余\n名运动员参加了比赛，赛事持续三天时间之久。\n")
    column = ("本报讯 记者刘佳宁 近年来，人民银行云泽市分行\n将继续实施好稳健的货币政策，灵活运用再贷\n"
              "款、再贴现等货币政策工具，引导金融机构加\n大对科技创新、先进制造、绿色发展和中小微\n"
              "“信易贷”为小微企业解“贷”渴\n企业的支持力度，推动社会综合融资成本稳中\n"
              "有降，为全市经济高质量发展营造良好的货币\n金融环境。\n")
    fixed = fix_text(other + column).text
    assert fixed.startswith("# 我市举办全民健身运动会\n本报讯 记者王某")
    assert "之久。\n“信易贷”为小微企业解“贷”渴\n本报讯 记者刘佳宁" in fixed


def test_a_flipped_opening_quote_after_a_finished_paragraph_is_not_joined():
    text = ("市委书记在调研时指出，要持续优化营商环境，为企业发展提供更好服务。\n\n"
            "”我们一定把服务做到企业心坎上。”市政务服务局负责人表示，将继续深化改革。\n\n"
            "据了解，今年以来全市新增市场主体一万余户。\n")
    assert not any(f.kind == "broken-wrap" for f in check(text).findings)


def test_enumerated_items_inside_one_wrapped_paragraph_are_joined():
    text = ("本报讯 近日，市委召开常委会议，研究部署下一\n阶段重点工作。会议强调，一是要抓好项目建设；\n"
            "二是要抓好民生保障，切实解决群众急难愁盼问\n题；三是要抓好安全生产，坚决守住安全底线，\n"
            "确保全市经济社会发展大局持续稳定向好发展。\n")
    assert "一是要抓好项目建设；二是要抓好民生保障" in fix_text(text).text


def test_an_english_byline_is_not_run_into_the_lead():
    text = ("City Council Approves New Bridge Budget\nBy Jane Doe\nThe city council voted on Tuesday, by a\n"
            "margin of seven to two, to approve a new\nbudget for the bridge across the river,\n"
            "which is expected to open in the spring\nof next year after three years of work\n"
            "and repeated delays caused by flooding.\n")
    assert "\nBy Jane Doe\nThe city council voted" in fix_text(text).text


def test_a_repeat_inside_a_quotation_is_proposed_not_applied():
    text = "临行前，母亲反复叮嘱：“路上注意安全，注意安全，到了就给家里打个电话。”他笑着点了点头。\n"
    found = [f for f in check(text).findings if f.kind == "duplicate-paragraph"]
    assert found and not any(f.safe for f in found)
    assert fix_text(text).text == text


def test_a_pull_quote_repeating_a_finished_sentence_is_kept():
    body = ("The new bridge across the Yellow River will carry four lanes of traffic and a protected bicycle "
            "path, linking the old town with the growing eastern districts. Mayor Ana Ruiz said the project "
            "had taken a decade to plan. It is the front door of this town, and we are finally opening it to everyone.")
    text = ("# Bridge Opens to Traffic\n\n" + body + "\n\nConstruction began in 2021 and cost 1.2 billion yuan, "
            "officials said.\n\n“It is the front door of this town, and we are finally opening it to everyone.”"
            "\n\n— Mayor Ana Ruiz\n\nThe bridge will be lit at night by more than 2,000 lamps.\n")
    assert not any(f.kind == "duplicate-paragraph" for f in check(text).findings)


def test_lines_of_english_prose_are_no_table():
    text = ("The city council met late on Tuesday to discuss\nthe budget for the new bridge and the road\n"
            "repairs across the river that began in the spring.\n\n"
            "The mayor said the work would finish by the end of the summer.\n")
    assert "discuss the budget for the new bridge and the road repairs" in fix_text(text).text


def test_a_paragraph_opening_on_a_postposition_opens_mid_sentence():
    from repair.openings import mid_sentence_opening
    assert mid_sentence_opening("之一，煤炭储量居全国前列。")
    assert mid_sentence_opening("过去，为了防治茶小绿叶蝉，茶农要打好几遍药。") is None
