<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>This database has no dealership set up yet. Create the demo store with &apos;python -m desktop_app demo-data&apos; or register this PC with the hub.</source>
        <translation>此数据库中还没有设置门店。请运行“python -m desktop_app demo-data”创建演示门店，或将本机注册到总部服务器。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Restart DealerDesk now to use the new language?</source>
        <translation>现在重启 DealerDesk 以使用新的语言吗？</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>DealerDesk hit a bug</source>
        <translation>DealerDesk 出现程序错误</translation>
    </message>
    <message>
        <source>Something went wrong inside DealerDesk. Your saved work is safe in the database; the form you were typing in may still be open behind this window.

Please send the details below and the log file to your administrator:
{path}</source>
        <translation>DealerDesk 内部出错了。已保存的内容都安全地保存在数据库中；您正在填写的表单可能仍在此窗口后面打开着。

请将下方的详细信息和日志文件发送给管理员：
{path}</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>DealerDesk</source>
        <translation>DealerDesk</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation>姓名(&amp;N) *</translation>
    </message>
    <message>
        <source>&amp;Mobile *</source>
        <translation>手机号(&amp;M) *</translation>
    </message>
    <message>
        <source>Second &amp;phone</source>
        <translation>备用电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>地址(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>城市(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Locality</source>
        <translation>本地/外地(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>客户级别(&amp;T)</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>多个标签用逗号分隔</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Do not contact (tick a kind of contact and give the reason)</source>
        <translation>勿扰（勾选联系类型并填写原因）</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <source>Phone already on file</source>
        <translation>电话号码已登记</translation>
    </message>
    <message>
        <source>Open that customer? What you typed here stays in this form.</source>
        <translation>要打开该客户吗？您在这里填写的内容会保留在本表单中。</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Search by name, phone, plate or VIN (whole, or its last 6 or 8 characters)</source>
        <translation>按姓名、电话、车牌号或车架号搜索（车架号可输完整号码，或后 6 位、后 8 位）</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit customer</source>
        <translation>编辑客户(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Add vehicle</source>
        <translation>添加车辆(&amp;A)</translation>
    </message>
    <message>
        <source>Edit &amp;vehicle</source>
        <translation>编辑车辆(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Print file</source>
        <translation>打印档案(&amp;P)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户级别</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车架号(VIN)</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Mileage (km)</source>
        <translation>里程(km)</translation>
    </message>
    <message>
        <source>Sale date</source>
        <translation>销售日期</translation>
    </message>
    <message>
        <source>Warranty ends</source>
        <translation>保修到期</translation>
    </message>
    <message>
        <source>Insurance expires</source>
        <translation>保险到期</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Recently changed customers</source>
        <translation>最近修改的客户</translation>
    </message>
    <message>
        <source>Type at least 3 digits or letters to search phones, plates and VINs.</source>
        <translation>搜索电话、车牌号或车架号时，请至少输入 3 个数字或字母。</translation>
    </message>
    <message>
        <source>No customer matches “{text}”.</source>
        <translation>没有与“{text}”匹配的客户。</translation>
    </message>
    <message>
        <source>First {n} matches; type more to narrow the search.</source>
        <translation>仅显示前 {n} 条结果；请输入更多内容以缩小范围。</translation>
    </message>
    <message>
        <source>{n} matches</source>
        <translation>共 {n} 条结果</translation>
    </message>
    <message>
        <source>No customer open</source>
        <translation>未打开客户</translation>
    </message>
    <message>
        <source>Search on the left, or add a new customer.</source>
        <translation>请在左侧搜索，或新建客户。</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Vehicles ({n})</source>
        <translation>车辆 ({n})</translation>
    </message>
    <message>
        <source>{what} created</source>
        <translation>新增{what}</translation>
    </message>
    <message>
        <source>{what} deleted</source>
        <translation>删除{what}</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>{what} changed: {fields}</source>
        <translation>修改{what}：{fields}</translation>
    </message>
    <message>
        <source>Customer file saved as {path}</source>
        <translation>客户档案已保存为 {path}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The customer file was saved as {path}. No PDF viewer could be opened: open the file from that folder to print it.</source>
        <translation>客户档案已保存为 {path}。无法打开 PDF 阅读器：请到该文件夹中打开此文件后再打印。</translation>
    </message>
    <message>
        <source>Customer saved.</source>
        <translation>客户已保存。</translation>
    </message>
    <message>
        <source>Vehicle saved.</source>
        <translation>车辆已保存。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Second phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Locality</source>
        <translation>本地/外地</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户级别</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>勿扰设置</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车架号(VIN)</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Engine number</source>
        <translation>发动机号</translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <source>Sale date</source>
        <translation>销售日期</translation>
    </message>
    <message>
        <source>Warranty ends</source>
        <translation>保修到期日</translation>
    </message>
    <message>
        <source>Insurance expires</source>
        <translation>保险到期日</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>车主</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Potential</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Intention</source>
        <translation>意向客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>保有客户</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠诚客户</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Out of town</source>
        <translation>外地</translation>
    </message>
    <message>
        <source>All contact</source>
        <translation>全部联系</translation>
    </message>
    <message>
        <source>Post-delivery callbacks</source>
        <translation>交车回访</translation>
    </message>
    <message>
        <source>Maintenance reminders</source>
        <translation>保养提醒</translation>
    </message>
    <message>
        <source>Insurance renewal</source>
        <translation>续保提醒</translation>
    </message>
    <message>
        <source>Annual inspection</source>
        <translation>年检提醒</translation>
    </message>
    <message>
        <source>Birthday greetings</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Satisfaction surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Petrol</source>
        <translation>汽油</translation>
    </message>
    <message>
        <source>Diesel</source>
        <translation>柴油</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>油电混合</translation>
    </message>
    <message>
        <source>Plug-in hybrid (NEV)</source>
        <translation>插电混动（新能源）</translation>
    </message>
    <message>
        <source>Battery electric (NEV)</source>
        <translation>纯电动（新能源）</translation>
    </message>
    <message>
        <source>Range extender (NEV)</source>
        <translation>增程式（新能源）</translation>
    </message>
    <message>
        <source>Service advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>Sales consultant</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>Delivery specialist</source>
        <translation>交车专员</translation>
    </message>
    <message>
        <source>Customer-care agent</source>
        <translation>客服专员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DealerDesk</source>
        <translation>DealerDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About DealerDesk</source>
        <translation>关于 DealerDesk(&amp;A)</translation>
    </message>
    <message>
        <source>DealerDesk — {site}</source>
        <translation>DealerDesk — {site}</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交车</translation>
    </message>
    <message>
        <source>Quotes &amp; Contracts</source>
        <translation>报价与合同</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Not available in this version of DealerDesk yet.</source>
        <translation>当前版本的 DealerDesk 暂未提供此功能。</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>当前登录：{name}</translation>
    </message>
    <message>
        <source>Offline: no hub set up · {n} changes kept on this PC</source>
        <translation>离线：未设置总部服务器 · {n} 条更改保存在本机</translation>
    </message>
    <message>
        <source>Hub connected · {n} changes waiting</source>
        <translation>已连接总部服务器 · {n} 条更改待同步</translation>
    </message>
    <message>
        <source>Hub not reached yet · {n} changes waiting</source>
        <translation>尚未连上总部服务器 · {n} 条更改待同步</translation>
    </message>
    <message>
        <source>About DealerDesk</source>
        <translation>关于 DealerDesk</translation>
    </message>
    <message>
        <source>DealerDesk {version}
Offline-first desk software for 4S dealerships.</source>
        <translation>DealerDesk {version}
离线优先的 4S 店前台业务软件。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The customer&apos;s name is required.</source>
        <translation>请填写客户姓名。</translation>
    </message>
    <message>
        <source>A name can have at most 60 characters.</source>
        <translation>姓名最多只能有 60 个字符。</translation>
    </message>
    <message>
        <source>A phone number is required to reach the customer.</source>
        <translation>请填写电话号码，以便联系客户。</translation>
    </message>
    <message>
        <source>The birthday cannot be in the future.</source>
        <translation>生日不能晚于今天。</translation>
    </message>
    <message>
        <source>Do-not-contact needs a reason (the customer&apos;s words or why).</source>
        <translation>勿扰需要填写原因（客户原话或设置原因）。</translation>
    </message>
    <message>
        <source>The VIN&apos;s check digit does not match. Imported vehicles may use another scheme; please compare with the certificate before saving.</source>
        <translation>车架号(VIN)校验位不符。进口车可能采用其他编码规则；保存前请与车辆合格证或进口证明核对。</translation>
    </message>
    <message>
        <source>Mileage must be between 0 and 2,000,000 km.</source>
        <translation>里程必须在 0 到 2,000,000 公里之间。</translation>
    </message>
    <message>
        <source>The warranty cannot end before the sale date.</source>
        <translation>保修到期日不能早于销售日期。</translation>
    </message>
    <message>
        <source>The sale date cannot be in the future.</source>
        <translation>销售日期不能晚于今天。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number: a mobile has 11 digits starting with 1 (e.g. 13812345678), a landline starts with its area code (e.g. 021-62345678).</source>
        <translation>“{value}”不是有效的电话号码：手机号为以 1 开头的 11 位数字（如 13812345678），固定电话须以区号开头（如 021-62345678）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a plate number: a province character, a letter, then 5 characters (e.g. 沪A12345) or 6 for a new-energy plate (e.g. 粤B·D12345).</source>
        <translation>“{value}”不是有效的车牌号：应为省份简称、1 个字母，再加 5 位字符（如 沪A12345），新能源车牌为 6 位（如 粤B·D12345）。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits and a last digit or X ({length} typed).</source>
        <translation>身份证号应为 18 位：前 17 位是数字，最后一位是数字或 X（当前输入了 {length} 位）。</translation>
    </message>
    <message>
        <source>ID number characters 7-14 must be a birth date; {date} is not one.</source>
        <translation>身份证号第 7–14 位应为出生日期，{date} 不是有效日期。</translation>
    </message>
    <message>
        <source>The ID number&apos;s last character is its check digit: it must be {expected}, not {found}. Please check the number for a typing error.</source>
        <translation>身份证号最后一位是校验码，应为 {expected}，而不是 {found}。请检查号码是否输错。</translation>
    </message>
    <message>
        <source>VIN position 9 is the check digit: it must be {expected}, not {found} (China-built VINs must pass the GB 16735 check).</source>
        <translation>车架号(VIN)第 9 位是校验位，应为 {expected}，而不是 {found}（国产车的车架号必须通过 GB 16735 校验）。</translation>
    </message>
    <message>
        <source>A VIN has 17 characters; this one has {length}, so {missing} are missing from position {position} on.</source>
        <translation>车架号（VIN）应为 17 位，当前为 {length} 位：从第 {position} 位起缺少 {missing} 位。</translation>
    </message>
    <message>
        <source>A VIN has 17 characters; this one has {length}: {extra} too many from position {position} on.</source>
        <translation>车架号（VIN）应为 17 位，当前为 {length} 位：从第 {position} 位起多了 {extra} 位。</translation>
    </message>
    <message>
        <source>VIN position {position}: the letter {char} is never used in a VIN (I, O and Q are excluded).</source>
        <translation>车架号(VIN)第 {position} 位：车架号中不会出现字母 {char}（不使用 I、O、Q）。</translation>
    </message>
    <message>
        <source>VIN position {position}: &apos;{char}&apos; is not allowed; only digits and the letters A-Z (without I, O, Q).</source>
        <translation>车架号(VIN)第 {position} 位：不能使用“{char}”，只能使用数字和字母 A–Z（不含 I、O、Q）。</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Ask a manager to do it or to change your role.</source>
        <translation>您的账号无权执行此操作。请让经理代为操作，或请经理调整您的角色。</translation>
    </message>
    <message>
        <source>The user name or password is wrong, or the account is disabled. Check Caps Lock and the input language, then try again.</source>
        <translation>用户名或密码错误，或账号已停用。请检查大写锁定键（Caps Lock）和输入法，然后重试。</translation>
    </message>
    <message>
        <source>The phone {phone} already belongs to the customer {name}.</source>
        <translation>电话 {phone} 已登记在客户 {name} 名下。</translation>
    </message>
    <message>
        <source>A vehicle with VIN {vin} is already on file (owner: {name}). Open that vehicle instead of entering it twice.</source>
        <translation>车架号为 {vin} 的车辆已登记（车主：{name}）。请直接打开该车辆，不要重复录入。</translation>
    </message>
    <message>
        <source>This record no longer exists (it may have been deleted on another PC). Refresh the list.</source>
        <translation>此记录已不存在（可能已在其他电脑上被删除）。请刷新列表。</translation>
    </message>
    <message>
        <source>The document could not be written to {folder} ({reason}). Nothing was lost: free some disk space or check the folder&apos;s access rights, then print again.</source>
        <translation>无法将文件写入 {folder}（{reason}）。数据没有丢失：请释放一些磁盘空间或检查该文件夹的访问权限，然后重新打印。</translation>
    </message>
    <message>
        <source>No customer has the phone number {number}.</source>
        <translation>没有电话号码为 {number} 的客户。</translation>
    </message>
    <message>
        <source>The database is busy: another program is writing to it. Nothing was lost. Wait a moment and try again; if it persists, close other DealerDesk windows or backup tools using {path}.</source>
        <translation>数据库正忙：另一个程序正在写入。数据没有丢失。请稍候再试；如果一直如此，请关闭正在使用 {path} 的其他 DealerDesk 窗口或备份工具。</translation>
    </message>
    <message>
        <source>The database file {path} is read-only, so changes cannot be saved. What you typed is still in the form. Ask your administrator to give this Windows user write access to the file and its folder, then save again.</source>
        <translation>数据库文件 {path} 是只读的，无法保存更改。您填写的内容仍在表单中。请让管理员为当前 Windows 用户开通该文件及其所在文件夹的写入权限，然后重新保存。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full, so the change was not saved. What you typed is still in the form. Free some space (empty the recycle bin, remove old files) and save again.</source>
        <translation>{path} 所在的磁盘已满，更改没有保存。您填写的内容仍在表单中。请释放一些空间（清空回收站、删除旧文件）后重新保存。</translation>
    </message>
    <message>
        <source>The database file {path} is damaged or is not a DealerDesk database. Do not delete it. Ask your administrator to restore the latest backup or to re-register this PC with the hub, which resends the store&apos;s data.</source>
        <translation>数据库文件 {path} 已损坏，或不是 DealerDesk 数据库。请勿删除该文件。请让管理员恢复最近的备份，或将本机重新注册到总部服务器（总部服务器会重新下发本店数据）。</translation>
    </message>
    <message>
        <source>The database file {path} cannot be opened: the folder may be missing or not accessible. Check the path, the drive and the access rights, then start again.</source>
        <translation>无法打开数据库文件 {path}：所在文件夹可能不存在或无法访问。请检查路径、磁盘和访问权限，然后重新启动。</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer DealerDesk (schema {found}; this version knows up to {known}). Install the newer DealerDesk on this PC.</source>
        <translation>数据库 {path} 由更新版本的 DealerDesk 写入（数据结构版本 {found}；本版本最高支持 {known}）。请在本机安装新版 DealerDesk。</translation>
    </message>
    <message>
        <source>DealerDesk is already open with the database {path} on this PC. Switch to that window (check the taskbar); two copies on one database are not allowed.</source>
        <translation>本机已有 DealerDesk 打开了数据库 {path}。请切换到该窗口（查看任务栏）；同一数据库不能同时被两个 DealerDesk 打开。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>A new language takes effect when DealerDesk restarts.</source>
        <translation>新语言将在 DealerDesk 重新启动后生效。</translation>
    </message>
    <message>
        <source>Same as Windows / the system</source>
        <translation>跟随系统（Windows）</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to DealerDesk</source>
        <translation>登录 DealerDesk</translation>
    </message>
    <message>
        <source>DealerDesk</source>
        <translation>DealerDesk</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>&amp;VIN *</source>
        <translation>车架号(VIN)(&amp;V) *</translation>
    </message>
    <message>
        <source>&amp;Plate</source>
        <translation>车牌号(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>车型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>颜色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Engine number</source>
        <translation>发动机号(&amp;E)</translation>
    </message>
    <message>
        <source>M&amp;ileage (km)</source>
        <translation>里程(km)(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Sale date</source>
        <translation>销售日期(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Warranty ends</source>
        <translation>保修到期日(&amp;W)</translation>
    </message>
    <message>
        <source>I&amp;nsurance expires</source>
        <translation>保险到期日(&amp;N)</translation>
    </message>
    <message>
        <source>(not in the catalogue)</source>
        <translation>（不在车型库中）</translation>
    </message>
    <message>
        <source>Edit vehicle</source>
        <translation>编辑车辆</translation>
    </message>
    <message>
        <source>Add vehicle</source>
        <translation>添加车辆</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <source>VIN already on file</source>
        <translation>车架号已登记</translation>
    </message>
    <message>
        <source>Open the owner&apos;s file? What you typed stays here.</source>
        <translation>要打开车主档案吗？您填写的内容会保留在这里。</translation>
    </message>
</context>
</TS>
