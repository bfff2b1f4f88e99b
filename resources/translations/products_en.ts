<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>商品</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>商品资料…</source>
        <translation>Products…</translation>
    </message>
    <message>
        <source>导入商品和尺码表…</source>
        <translation>Import products and size charts…</translation>
    </message>
</context>
<context>
    <name>OrderProducts</name>
    <message>
        <source>搭配推荐（双击发送卡片）</source>
        <translation>Goes with (double-click sends a card)</translation>
    </message>
    <message>
        <source>（店铺默认）</source>
        <translation> (shop default)</translation>
    </message>
    <message>
        <source>快递：</source>
        <translation>Courier: </translation>
    </message>
    <message>
        <source>时效约{0}</source>
        <translation>about {0}</translation>
    </message>
    <message>
        <source>运费¥{0}</source>
        <translation>fee ¥{0}</translation>
    </message>
    <message>
        <source>寄往{0}：</source>
        <translation>To {0}: </translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>查件：</source>
        <translation>Tracking: </translation>
    </message>
</context>
<context>
    <name>ProductImportDialog</name>
    <message>
        <source>表格 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation>Tables (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>导入商品和尺码表</source>
        <translation>Import products and size charts</translation>
    </message>
    <message>
        <source>商品文件：CSV（GBK 或 UTF-8）或 XLSX</source>
        <translation>Products file: CSV (GBK or UTF-8) or XLSX</translation>
    </message>
    <message>
        <source>尺码表文件（可选）</source>
        <translation>Size chart file (optional)</translation>
    </message>
    <message>
        <source>商品文件</source>
        <translation>Products file</translation>
    </message>
    <message>
        <source>尺码表</source>
        <translation>Size chart</translation>
    </message>
    <message>
        <source>请先选择商品文件或尺码表。</source>
        <translation>Choose a products file or a size chart first.</translation>
    </message>
    <message>
        <source>已取消，商品资料没有任何改动。</source>
        <translation>Cancelled; the products are unchanged.</translation>
    </message>
</context>
<context>
    <name>ProductKnowledge</name>
    <message>
        <source>规格</source>
        <translation>Specs</translation>
    </message>
    <message>
        <source>材质</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>功效</source>
        <translation>Functions</translation>
    </message>
    <message>
        <source>风格</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>卖点</source>
        <translation>Selling points</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>ProductListModel</name>
    <message>
        <source>热销</source>
        <translation>Hot</translation>
    </message>
</context>
<context>
    <name>ProductTab</name>
    <message>
        <source>发送卡片</source>
        <translation>Send card</translation>
    </message>
    <message>
        <source>发送尺码回复（Alt+S）</source>
        <translation>Send size reply (Alt+S)</translation>
    </message>
    <message>
        <source>关联推荐（Enter 或双击发送）</source>
        <translation>Goes with (Enter or double-click sends)</translation>
    </message>
    <message>
        <source>搜索商品：名称、编码或拼音首字母，Enter 发送卡片</source>
        <translation>Search products: title, code or pinyin initials; Enter sends a card</translation>
    </message>
    <message>
        <source>请先选择一个会话，再发送商品卡片。</source>
        <translation>Choose a conversation before sending a product card.</translation>
    </message>
    <message>
        <source>还不知道买家在问哪件商品</source>
        <translation>Which product the buyer means is not known yet</translation>
    </message>
    <message>
        <source>发送或收到商品卡片、或在右侧打开买家的订单后，这里显示商品的规格、材质和卖点。</source>
        <translation>Once a product card is sent or received, or the buyer&apos;s order is open on the right, its specs, material and selling points show here.</translation>
    </message>
    <message>
        <source>热销</source>
        <translation>Hot</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>买家给了身高体重：{0}</source>
        <translation>The buyer gave their measurements: {0}</translation>
    </message>
    <message>
        <source>还不知道是哪件商品：先发送商品卡片，再推荐尺码。</source>
        <translation>Which product is not known yet: send its card first, then a size is proposed.</translation>
    </message>
    <message>
        <source>无法推荐尺码</source>
        <translation>No size can be proposed</translation>
    </message>
    <message>
        <source>（也可 {0}）</source>
        <translation> (or {0})</translation>
    </message>
    <message>
        <source>建议尺码：{0}{1}</source>
        <translation>Proposed size: {0}{1}</translation>
    </message>
    <message>
        <source>商品 · {0}码</source>
        <translation>Products · size {0}</translation>
    </message>
    <message>
        <source>【{0}】至 {1}</source>
        <translation>[{0}] until {1}</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>价格</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>热销</source>
        <translation>Hot</translation>
    </message>
</context>
<context>
    <name>ProductsWindow</name>
    <message>
        <source>商品资料</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>商品与尺码表</source>
        <translation>Products and size charts</translation>
    </message>
    <message>
        <source>快递</source>
        <translation>Couriers</translation>
    </message>
    <message>
        <source>促销活动</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <source>尺码回复</source>
        <translation>Size replies</translation>
    </message>
    <message>
        <source>只有培训师和主管可以修改商品资料；你可以查看。</source>
        <translation>Only trainers and supervisors change products; you can read them.</translation>
    </message>
    <message>
        <source>搜索：名称、编码或拼音首字母</source>
        <translation>Search: title, code or pinyin initials</translation>
    </message>
    <message>
        <source>图片文件的路径，或图片网址</source>
        <translation>A picture file&apos;s path, or a picture&apos;s web address</translation>
    </message>
    <message>
        <source>商品编码，用顿号或逗号分隔</source>
        <translation>Product codes, separated by commas</translation>
    </message>
    <message>
        <source>有货、缺货、预售 7 天……</source>
        <translation>In stock, out of stock, presale 7 days…</translation>
    </message>
    <message>
        <source>热销</source>
        <translation>Hot</translation>
    </message>
    <message>
        <source>商品编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>商品名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>价格</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>链接</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>类目</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>规格型号</source>
        <translation>Specs</translation>
    </message>
    <message>
        <source>材质面料</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>功效功用</source>
        <translation>Functions</translation>
    </message>
    <message>
        <source>风格潮流</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>特性卖点</source>
        <translation>Selling points</translation>
    </message>
    <message>
        <source>配套/关联商品</source>
        <translation>Goes with</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>选择图片…</source>
        <translation>Choose picture…</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>保存商品</source>
        <translation>Save product</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>一行一个尺码：尺码 身高范围 体重范围，例如 M 160-165 48-55；没有的范围写 -</source>
        <translation>One size a line: SIZE HEIGHT WEIGHT, e.g. M 160-165 48-55; - for no range</translation>
    </message>
    <message>
        <source>保存尺码表</source>
        <translation>Save size chart</translation>
    </message>
    <message>
        <source>尺码表（厘米、公斤）</source>
        <translation>Size chart (cm, kg)</translation>
    </message>
    <message>
        <source>选择商品图片</source>
        <translation>Choose a product picture</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</source>
        <translation>Pictures (*.png *.jpg *.jpeg *.gif *.webp *.bmp)</translation>
    </message>
    <message>
        <source>价格“{0}”不是合理的价格：不能是负数，也不能超过 {1}。</source>
        <translation>The price “{0}” is not a plausible price: it cannot be negative or above {1}.</translation>
    </message>
    <message>
        <source>价格“{0}”不是数字。</source>
        <translation>The price “{0}” is not a number.</translation>
    </message>
    <message>
        <source>请先选择一件商品。</source>
        <translation>Choose a product first.</translation>
    </message>
    <message>
        <source>（默认）</source>
        <translation> (default)</translation>
    </message>
    <message>
        <source>店铺默认快递</source>
        <translation>The shop&apos;s default courier</translation>
    </message>
    <message>
        <source>一行一个地区：地区 运费 天数，例如
江苏、浙江、上海 5 1-2
其他 10 3-5</source>
        <translation>One region a line: REGION FEE DAYS, e.g.
江苏、浙江、上海 5 1-2
其他 10 3-5</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>查件链接</source>
        <translation>Tracking link</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>运费与时效</source>
        <translation>Fees and days</translation>
    </message>
    <message>
        <source>保存快递</source>
        <translation>Save courier</translation>
    </message>
    <message>
        <source>不填则为全店活动</source>
        <translation>Empty: the whole shop</translation>
    </message>
    <message>
        <source>留空：用团队平时的自动回复</source>
        <translation>Empty: the team&apos;s usual auto-reply</translation>
    </message>
    <message>
        <source>欢迎语</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <source>忙碌时自动回复</source>
        <translation>Auto-reply when busy</translation>
    </message>
    <message>
        <source>离开时自动回复</source>
        <translation>Auto-reply when away</translation>
    </message>
    <message>
        <source>排队时自动回复</source>
        <translation>Auto-reply when queued</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>活动商品</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>活动细则</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>优惠券</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>赠品</source>
        <translation>Gifts</translation>
    </message>
    <message>
        <source>活动期间，这里写的自动回复代替团队平时的自动回复；活动一结束，平时的自动回复马上恢复。</source>
        <translation>While the promotion runs, the auto-replies written here replace the team&apos;s usual ones; the moment it ends, the usual ones are back.</translation>
    </message>
    <message>
        <source>保存活动</source>
        <translation>Save promotion</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>running</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>已结束</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>可用变量：{尺码} {商品} {备选尺码} {身高体重}。客服在商品页签按 Alt+S 发送。</source>
        <translation>Variables: {尺码} {商品} {备选尺码} {身高体重}. Agents send it with Alt+S in the Products tab.</translation>
    </message>
    <message>
        <source>推荐一个尺码</source>
        <translation>One size</translation>
    </message>
    <message>
        <source>在两个尺码之间</source>
        <translation>Between two sizes</translation>
    </message>
    <message>
        <source>保存模板</source>
        <translation>Save templates</translation>
    </message>
</context>
</TS>
