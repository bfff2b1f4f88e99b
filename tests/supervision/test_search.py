import time

import pytest

from supervision.logdata import line, write_jsonl
from workbench import accounts, orders, textsearch, timefmt
from workbench.changes import Refused
from workbench.supervision import search
from workbench.supervision.search import LogFilter

DAY1, DAY2 = "2025-11-20", "2025-11-21"


@pytest.fixture
def logs(load_logs):
    load_logs([
        line("c1", "买家甲", "buyer", "收到的衣服有色差，我想退货", f"{DAY1} 10:00:00"),
        line("c1", "买家甲", "agent", "亲，退货运费我们承担", f"{DAY1} 10:01:00", "xiaoman"),
        line("c1", "买家甲", "buyer", "运费谁出呢", f"{DAY1} 10:02:00"),
        line("c1", "买家甲", "agent", "运费由我们出，放心", f"{DAY1} 10:09:00", "xiaoman"),
        line("c2", "买家乙", "buyer", "退款什么时候到账", f"{DAY2} 09:00:00"),
        line("c2", "买家乙", "auto", "您好，客服马上就来", f"{DAY2} 09:00:01"),
        line("c2", "买家乙", "agent", "退货退款一般三天内到账", f"{DAY2} 09:00:20", "ajie"),
        line("c3", 'NEAR("小*OR', "buyer", '我叫 NEAR("小*OR 想退货', f"{DAY2} 11:00:00"),
        line("c3", 'NEAR("小*OR', "agent", "好的，帮您登记", f"{DAY2} 11:00:10", "ajie"),
    ])


def texts(result):
    return [hit.message.text for hit in result.hits]


def test_a_two_character_word_is_found_newest_first(demo_store, boss, logs):
    result = search.search(demo_store, boss, LogFilter(query="退货"))
    assert texts(result) == ['我叫 NEAR("小*OR 想退货', "退货退款一般三天内到账",
                             "亲，退货运费我们承担", "收到的衣服有色差，我想退货"]
    assert result.total == 4
    assert all("退货" in hit.snippet[a:b] for hit in result.hits for a, b in hit.marks)


def test_all_words_must_occur_and_a_quoted_phrase_must_be_adjacent(demo_store, boss, logs):
    assert texts(search.search(demo_store, boss, LogFilter(query="退货 运费"))) == [
        "亲，退货运费我们承担"]
    assert texts(search.search(demo_store, boss, LogFilter(query='"运费谁出"'))) == ["运费谁出呢"]
    assert search.search(demo_store, boss, LogFilter(query='"出运费"')).total == 0
    # The quotes a Chinese input method types mark a phrase too.
    assert texts(search.search(demo_store, boss, LogFilter(query="“运费谁出”"))) == ["运费谁出呢"]


def test_fts_syntax_in_a_query_or_buyer_name_is_plain_text(demo_store, boss, logs):
    result = search.search(demo_store, boss, LogFilter(query='NEAR("小*OR'))
    assert texts(result) == ['我叫 NEAR("小*OR 想退货']
    for query in ('"', "*", "OR", "NEAR(", 'a" OR "b', "退货 OR"):
        search.search(demo_store, boss, LogFilter(query=query))  # never an FTS error
    by_buyer = search.search(demo_store, boss, LogFilter(buyer='NEAR("小*OR'))
    assert [h.message.buyer for h in by_buyer.hits] == ['NEAR("小*OR'] * 2


def test_combined_filters(demo_store, boss, logs, clock):
    day2 = timefmt.parse(f"{DAY2} 00:00")
    flt = LogFilter(query="退货", agent="ajie", since=day2, sender="agent")
    assert texts(search.search(demo_store, boss, flt)) == ["退货退款一般三天内到账"]
    flt = LogFilter(query="退货", until=day2)
    assert search.search(demo_store, boss, flt).total == 2
    assert texts(search.search(demo_store, boss, LogFilter(buyer="乙", sender="auto"))) == [
        "您好，客服马上就来"]
    # The 10:02 question waited 7 minutes: only c1 has a slow reply.
    slow = search.search(demo_store, boss, LogFilter(query="退货", slow_reply=True))
    assert {h.message.conversation for h in slow.hits} == {"c1"}
    assert search.search(demo_store, boss, LogFilter(has_order=True)).total == 0
    buyer_id = demo_store.conn.execute("SELECT id FROM buyers WHERE nick = '买家乙'").fetchone()[0]
    orders.record(demo_store, buyer_id, {"id": "T-1", "status": "WAIT_BUYER_PAY", "total": 1,
                                         "paid": 0, "created_at": clock()}, [])
    with_order = search.search(demo_store, boss, LogFilter(query="退款", has_order=True))
    assert {h.message.conversation for h in with_order.hits} == {"c2"}


def test_an_agent_reads_only_their_own_conversations(demo_store, logs):
    xiaoman = accounts.by_name(demo_store, "xiaoman")
    own = search.search(demo_store, xiaoman, LogFilter(query="退货"))
    assert {h.message.conversation for h in own.hits} == {"c1"}
    assert search.search(demo_store, xiaoman, LogFilter(agent="xiaoman")).total == 4
    with pytest.raises(Refused, match="只有主管"):
        search.search(demo_store, xiaoman, LogFilter(agent="ajie"))
    theirs = search.search(demo_store, accounts.by_name(demo_store, "wang"),
                           LogFilter(query="退款")).hits[0].message.conversation_id
    with pytest.raises(Refused, match="只能查看自己接待过的会话"):
        search.transcript(demo_store, xiaoman, theirs)


def test_a_transcript_is_whole_and_in_order(demo_store, boss, logs):
    hit = search.search(demo_store, boss, LogFilter(query="运费谁出")).hits[0]
    transcript = search.transcript(demo_store, boss, hit.message.conversation_id)
    assert transcript.buyer == "买家甲" and transcript.conversation == "c1"
    assert [m.sender for m in transcript.messages] == ["buyer", "agent", "buyer", "agent"]
    assert hit.message.id in [m.id for m in transcript.messages]


def test_paging_keeps_the_total(demo_store, boss, load_logs):
    load_logs([line("p", "翻页买家", "buyer", f"第{n}次问发货", f"{DAY1} 12:{n:02d}:00")
               for n in range(30)])
    first = search.search(demo_store, boss, LogFilter(query="发货"), limit=20)
    second = search.search(demo_store, boss, LogFilter(query="发货"), limit=20, offset=20)
    assert first.total == second.total == 30
    assert len(first.hits) == 20 and len(second.hits) == 10
    assert first.hits[0].message.text == "第29次问发货"
    assert second.hits[-1].message.text == "第0次问发货"


def test_the_index_catches_up_incrementally_and_rebuilds_when_indexing_changes(
        demo_store, boss, load_logs, monkeypatch):
    load_logs([line("i", "索引买家", "buyer", "想问一下尺码", f"{DAY1} 08:00:00")])
    assert search.not_indexed(demo_store) == 0
    assert search.catch_up(demo_store) == 0
    path_records = [line("i", "索引买家", "buyer", "还有优惠券吗", f"{DAY1} 08:05:00")]
    from workbench.supervision import logfiles
    logfiles.import_jsonl(demo_store, write_jsonl(demo_store.path.with_name("x.jsonl"),
                                                  path_records), boss, time.time())
    assert search.not_indexed(demo_store) == 1
    assert search.search(demo_store, boss, LogFilter(query="优惠券")).not_indexed == 1
    assert search.catch_up(demo_store) == 1
    assert search.search(demo_store, boss, LogFilter(query="优惠券")).total == 1
    monkeypatch.setattr(textsearch, "GRAMS_VERSION", "grams-99")
    assert search.not_indexed(demo_store) == 2
    assert search.catch_up(demo_store) == 2
    assert search.search(demo_store, boss, LogFilter(query="尺码")).total == 1


def test_snippets_are_short_and_highlighting_escapes_first():
    text = "前" * 100 + "<b>退货</b>&" + "后" * 100
    snippet, marks = search.make_snippet(text, ["退货"])
    assert len(snippet) <= search.SNIPPET_CHARS + 2 and snippet.startswith("…")
    assert [snippet[a:b] for a, b in marks] == ["退货"]
    html = search.highlight_html(snippet, marks)
    assert "&lt;b&gt;<b>退货</b>&lt;/b&gt;&amp;" in html


# --- finding what is there: characters, emoji, model names ------------------------------

CORPUS_PIECES = ["这件还有货吗", "退货运费谁出", "XL码偏大吗", "iPhone13的壳有吗", "好评😀",
                 "收到了👍🏻谢谢", "发货了吗", "iphone13 pro 也能用", "❤️喜欢", "货到了", "2XL",
                 "xl码没了", "亲，在的", "说好的赠品呢🙏", "色差有点大"]


def corpus(size: int = 300):
    """Messages made of pieces, so every kind of query has plenty of hits and misses."""
    for number in range(size):
        pieces = [CORPUS_PIECES[(number * k) % len(CORPUS_PIECES)] for k in (1, 3, 7)]
        yield " ".join(pieces[: 1 + number % 3])


@pytest.fixture
def generated(load_logs):
    texts = list(corpus())
    load_logs([line(f"g{n // 10}", f"买家{n // 10}", "buyer", text,
                    f"{DAY1} {10 + n // 3600}:{n // 60 % 60:02d}:{n % 60:02d}")
               for n, text in enumerate(texts)])
    return texts


@pytest.mark.parametrize("query", ["货", "码", "😀", "👍🏻", "❤️", "🙏", "iPhone13", "XL码",
                                   "2XL", "退货", "发货", "赠品呢🙏", "好评😀", "的"])
def test_every_message_holding_the_query_is_found_newest_first(demo_store, boss, generated,
                                                              query):
    folded = textsearch.fold(query)
    expected = [text for text in reversed(generated) if folded in textsearch.fold(text)]
    assert expected   # the corpus holds it
    result = search.search(demo_store, boss, LogFilter(query=query), limit=500)
    found = texts(result)
    assert result.total == len(found) == len(expected)
    assert found == expected   # newest first, every one of them


def test_letters_match_in_either_case_and_marks_cover_the_hit(demo_store, boss, generated):
    result = search.search(demo_store, boss, LogFilter(query="xl码"), limit=500)
    assert {"XL码偏大吗", "xl码没了"} <= {t for text in texts(result) for t in text.split()}
    hit = next(h for h in result.hits if "XL码" in h.message.text)
    assert "XL码" in [hit.snippet[a:b] for a, b in hit.marks]


def test_a_query_of_a_word_also_finds_its_words_apart(demo_store, boss, load_logs):
    load_logs([line("w", "买家", "buyer", "修改一下收货地址", f"{DAY1} 08:00:00"),
               line("w", "买家", "buyer", "地址修改好了吗", f"{DAY1} 08:01:00")])
    assert texts(search.search(demo_store, boss, LogFilter(query="地址修改"))) == [
        "地址修改好了吗", "修改一下收货地址"]
    assert texts(search.search(demo_store, boss, LogFilter(query='"地址修改"'))) == [
        "地址修改好了吗"]
