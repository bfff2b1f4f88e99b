"""Chinese reads as Chinese: no ASCII punctuation inside the Chinese we show or ship."""

import fullwidth

WRONG = "账号已停用,请联系主管!"  # ascii: what the check must find
BETWEEN_OPTIONS = "--limit 至少为 1,--offset 不能为负。"  # ascii: what the check must find
BRACKETS = "已签收(货到付款): 请核对, 谢谢?"  # ascii: what the check must find
ALLOWED = ("Reception (接待): agent status", "12:30", "图片 (*.png *.jpg);;所有文件 (*)",
           "第 3 行 / line 3: bad", "{0}:{1}")


def test_no_ascii_punctuation_in_chinese_texts_we_show_or_ship():
    found = fullwidth.problems()
    assert not found, ("ASCII punctuation in Chinese text (fix with "
                       "`python tools/fullwidth.py --fix`):\n" + "\n".join(found[:40]))


def test_the_check_finds_ascii_punctuation_between_chinese_words():
    assert fullwidth.ascii_in_chinese(WRONG) == [5, 11]
    assert fullwidth.ascii_in_chinese(BETWEEN_OPTIONS) == [13]
    assert fullwidth.ascii_in_chinese("共 1,000 条。") == []
    assert fullwidth.fix_text(BRACKETS) == "已签收（货到付款）：请核对，谢谢？"


def test_the_check_leaves_english_numbers_and_syntax_alone():
    for text in ALLOWED:
        assert fullwidth.ascii_in_chinese(text) == [], text
