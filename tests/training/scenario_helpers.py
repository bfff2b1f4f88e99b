"""A small hand-written scenario, so the tests know every branch and word."""

from workbench.training.scenarios import Branch, KeyPoint, OrderContext, Product, Scenario

ADDRESS = "杭州市西湖区演练路12号"
START = 1_764_000_000.0

UNPAID = Scenario(
    key="pay_test", title="付款练习", situation="售中", persona="犹豫的买家", buyer="犹豫的阿杏",
    opening=("我拍了还没付", "余额不够"),
    branches=(Branch(("原因", "顾虑"), "怕买大了"),
              Branch(("退换", "运费险"), "那还行"),
              Branch(("花呗",), "那我现在付", pays=True),
              Branch(("地址",), "没错", ends=True)),
    default=("嗯", "好"),
    key_points=(KeyPoint("问出原因", ("原因", "顾虑"), "先问清楚为什么没付"),
                KeyPoint("给出付款办法", ("花呗", "信用卡"), "提醒可以用花呗"),
                KeyPoint("关联推荐", ("搭配", "推荐"), "顺带推荐一件搭配的")),
    time_limit_s=300,
    product=Product("羊毛大衣", "M码", 599.0),
    order=OrderContext("WAIT_BUYER_PAY", 1, 90.0, "杏女士", "13600004444", ADDRESS),
)

GOOD_SCRIPT = f"""
# the agent's lines
+10 您好，请问是有什么顾虑吗
+20 不合适可以退换，有运费险
+15 可以用花呗分期
+20 跟您核对一下地址：{ADDRESS}
+10 谢谢您，今天发货，有问题随时联系
"""
