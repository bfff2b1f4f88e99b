import json

import pytest

from workbench import accounts, quickphrases, textsearch
from workbench.changes import Refused
from workbench.quickphrases import packs, preload, search

TEAM_PACK = "团队通用话术"


@pytest.fixture
def indexed_store(phrase_store):
    textsearch.load()
    search.index_pending(phrase_store)
    return phrase_store


def codes(phrases):
    return [p.code for p in phrases]


def test_search_by_code_prefix_comes_first(indexed_store):
    found = codes(search.search(indexed_store, None, "kd", indexed=True))
    assert found[:2] == ["kd", "kdsf"]


def test_search_by_jieba_words_and_by_pinyin_initials(indexed_store):
    assert "th" in codes(search.search(indexed_store, None, "退货", indexed=True))
    assert "kdsf" in codes(search.search(indexed_store, None, "sf", indexed=True))  # 顺丰
    assert "hdfk" in codes(search.search(indexed_store, None, "货到付款", indexed=True))


def test_search_before_jieba_is_ready_still_finds_by_substring(phrase_store, monkeypatch):
    monkeypatch.setattr(textsearch, "is_loaded", lambda: False)
    assert "th" in codes(search.search(phrase_store, None, "退货", indexed=False))


def test_fts_syntax_in_a_query_is_searched_as_text(indexed_store):
    for query in ('"', "*", "OR", "NEAR(", "退货 OR"):
        search.search(indexed_store, None, query, indexed=True)  # no sqlite error


def test_an_edited_phrase_is_reindexed(indexed_store, clock):
    trainer = accounts.by_name(indexed_store, "lin")
    team = quickphrases.pack_by_name(indexed_store, TEAM_PACK)
    (qw,) = [p for p in quickphrases.visible(indexed_store, None) if p.code == "qw"]
    quickphrases.save_phrase(indexed_store, trainer, team, "qw", "洗过一次就没有味道了", "气味",
                             "", clock(), qw.id)
    search.index_pending(indexed_store)
    assert "qw" in codes(search.search(indexed_store, None, "味道", indexed=True))
    assert "qw" not in codes(search.search(indexed_store, None, "通风", indexed=True))


def test_suggestions_rank_the_phrase_that_answers(indexed_store):
    suggested = codes(search.suggest(indexed_store, None, ["你们发什么快递，几天能到？"]))
    assert suggested[0] == "kd" and len(suggested) == 3


def test_team_phrases_refuse_an_agent_but_not_a_trainer(phrase_store, agent, clock):
    team = quickphrases.pack_by_name(phrase_store, TEAM_PACK)
    with pytest.raises(Refused, match="培训师或主管"):
        quickphrases.save_phrase(phrase_store, agent, team, "new", "新话术", "", "", clock())
    trainer = accounts.by_name(phrase_store, "lin")
    quickphrases.save_phrase(phrase_store, trainer, team, "new", "新话术", "", "", clock())
    assert "new" in codes(quickphrases.visible(phrase_store, agent))


def test_personal_phrases_are_private_to_their_agent(phrase_store, agent, clock):
    mine = quickphrases.personal_pack(phrase_store, agent, clock())
    quickphrases.save_phrase(phrase_store, agent, mine, "wd", "我的话术", "", "", clock())
    colleague = accounts.by_name(phrase_store, "ajie")
    assert "wd" in codes(quickphrases.visible(phrase_store, agent))
    assert "wd" not in codes(quickphrases.visible(phrase_store, colleague))
    with pytest.raises(Refused):
        quickphrases.save_phrase(phrase_store, colleague, mine, "wd2", "偷改", "", "", clock())


def test_duplicate_code_in_a_pack_is_refused(phrase_store, clock):
    trainer = accounts.by_name(phrase_store, "lin")
    team = quickphrases.pack_by_name(phrase_store, TEAM_PACK)
    with pytest.raises(Refused, match="已被"):
        quickphrases.save_phrase(phrase_store, trainer, team, "hy", "另一个问候", "", "", clock())


def test_variables_are_filled_and_missing_ones_stay_visible(phrase_store, clock):
    values = quickphrases.context_values(phrase_store, 1, "晴天小鹿", "小满", clock())
    text = quickphrases.fill("{买家}，单号 {物流单号},{订单号}", values)
    assert text == "晴天小鹿，单号 78312345678901,3515313147329357901"
    assert quickphrases.fill("{买家}{物流单号}", {"买家": "阿飞"}) == "阿飞{物流单号}"
    assert quickphrases.unfilled("阿飞{物流单号}{优惠码}") == ["物流单号"]


def write_pack(folder, version, text, scope="team", name=TEAM_PACK):
    folder.mkdir(exist_ok=True)
    (folder / "team.json").write_text(json.dumps({
        "format": packs.PACK_FORMAT, "format_version": 1, "name": name, "version": version,
        "scope": scope, "groups": [{"name": "问候", "phrases": [{"code": "hy", "text": text}]}]}),
        encoding="utf-8")


def test_preload_imports_newer_versions_only_and_never_touches_personal(phrase_store, agent,
                                                                        clock, tmp_path):
    mine = quickphrases.personal_pack(phrase_store, agent, clock())
    quickphrases.save_phrase(phrase_store, agent, mine, "hy", "我自己的问候", "", "", clock())
    folder = tmp_path / "shared"
    shipped = packs.read(preload.SHIPPED / "team_default.json").version
    write_pack(folder, shipped, "旧版本问候")
    imported, problems, _ = preload.preload(phrase_store, clock(), [folder])
    assert imported == [] and problems == []  # the shipped version is what the store holds
    write_pack(folder, shipped + 1, "新版本问候")
    imported, problems, _ = preload.preload(phrase_store, clock(), [folder])
    assert len(imported) == 1 and not problems
    by_pack = {(p.pack_name, p.code): p.text for p in quickphrases.visible(phrase_store, agent)}
    assert by_pack[(TEAM_PACK, "hy")] == "新版本问候"
    assert by_pack[(mine.name, "hy")] == "我自己的问候"
    assert quickphrases.pack_by_name(phrase_store, TEAM_PACK).version == shipped + 1


def test_preload_skips_personal_packs_and_reports_damaged_files(phrase_store, clock, tmp_path):
    folder = tmp_path / "shared"
    write_pack(folder, 9, "个人包", scope="personal", name="某人的包")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    imported, problems, _ = preload.preload(phrase_store, clock(), [folder])
    assert imported == []
    assert len(problems) == 1 and "broken.json" in problems[0]
    assert quickphrases.pack_by_name(phrase_store, "某人的包") is None


def test_shipped_team_pack_covers_the_topics_buyers_ask_about(phrase_store):
    groups = {p.group_name for p in quickphrases.visible(phrase_store, None)}
    assert {"问候", "尺码", "色差", "气味", "议价", "质量", "包邮", "快递", "货到付款", "发货",
            "结束语", "错发漏发", "质量问题", "退换货", "物流慢", "评价回复"} <= groups
