<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Accept quote {number}</source>
        <translation>接受报价单 {number}</translation>
    </message>
    <message>
        <source>{customer} accepts quote {number} (v{version}, {total}). How does the customer pay? The purchase contract is drafted from the quote.</source>
        <translation>{customer} 接受报价单 {number}（v{version}，{total}）。客户采用哪种付款方式？购车合同草稿将根据报价单生成。</translation>
    </message>
    <message>
        <source>Full payment</source>
        <translation>全款</translation>
    </message>
    <message>
        <source>Plan {n}: {lender}, {months} months at {rate} % — {monthly} a month</source>
        <translation>方案 {n}：{lender}，{months} 期，年利率 {rate}% — 月供 {monthly}</translation>
    </message>
    <message>
        <source>lender not named</source>
        <translation>未填写贷款机构</translation>
    </message>
    <message>
        <source>Draft the contract</source>
        <translation>生成合同草稿</translation>
    </message>
</context>
<context>
    <name>App</name>
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
    <name>AppointmentBoard</name>
    <message>
        <source>Number</source>
        <translation>预约单号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>维修保养内容</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>等待方式</translation>
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
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>超限原因</translation>
    </message>
</context>
<context>
    <name>AppointmentsView</name>
    <message>
        <source>Bays</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Service advisors</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Book an appointment (on the selected slot and row)</source>
        <translation>新建预约（在所选时段和行）</translation>
    </message>
    <message>
        <source>A customer who came without an appointment</source>
        <translation>未预约直接到店的客户</translation>
    </message>
    <message>
        <source>Day-before calls for tomorrow&apos;s bookings</source>
        <translation>明日预约的提前一天确认电话</translation>
    </message>
    <message>
        <source>Full-screen board for the customers&apos; lounge</source>
        <translation>客户休息区全屏看板</translation>
    </message>
    <message>
        <source>The day&apos;s schedule as a PDF to print</source>
        <translation>当日排班表（PDF，可打印）</translation>
    </message>
    <message>
        <source>Previous week (Ctrl+PgUp)</source>
        <translation>上一周（Ctrl+PgUp）</translation>
    </message>
    <message>
        <source>Previous day (Ctrl+PgUp)</source>
        <translation>前一天（Ctrl+PgUp）</translation>
    </message>
    <message>
        <source>Next week (Ctrl+PgDown)</source>
        <translation>下一周（Ctrl+PgDown）</translation>
    </message>
    <message>
        <source>Next day (Ctrl+PgDown)</source>
        <translation>后一天（Ctrl+PgDown）</translation>
    </message>
    <message>
        <source>The workshop is closed on this day.</source>
        <translation>本日车间休息。</translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <source>{n} appointments this week. Double-click a day (or press Enter) to open it.</source>
        <translation>本周预约 {n} 个。双击某天（或按回车）打开当日排班。</translation>
    </message>
    <message>
        <source>Booked {booked} h of {capacity} h ({percent} %)</source>
        <translation>已约 {booked} 小时 / 可用 {capacity} 小时（{percent} %）</translation>
    </message>
    <message>
        <source>{n} appointments</source>
        <translation>预约 {n} 个</translation>
    </message>
    <message>
        <source>{n} cars in the workshop</source>
        <translation>在厂车辆 {n} 台</translation>
    </message>
    <message>
        <source>{n} customers wait for their car</source>
        <translation>{n} 位客户等待取车</translation>
    </message>
    <message>
        <source>{n} booked by override</source>
        <translation>{n} 个为经理特批</translation>
    </message>
    <message>
        <source>{n} cancelled or no-show not shown</source>
        <translation>{n} 个已取消或爽约未显示</translation>
    </message>
    <message>
        <source>Drag a card to move it, drag its right edge to change its length.</source>
        <translation>拖动卡片可改约，拖动卡片右边缘可调整时长。</translation>
    </message>
    <message>
        <source>{plate} moved to {day} {start}–{end}.</source>
        <translation>{plate} 已改约至 {day} {start}–{end}。</translation>
    </message>
    <message>
        <source>Cannot move the appointment</source>
        <translation>无法改约</translation>
    </message>
    <message>
        <source>Next free times:</source>
        <translation>最近的空闲时段：</translation>
    </message>
    <message>
        <source>You may book it anyway as a manager: give the reason, which is recorded.</source>
        <translation>作为经理您可以特批：请填写原因，系统将记录。</translation>
    </message>
    <message>
        <source>Reason for the override:</source>
        <translation>特批原因：</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Mark {what} as “{status}”?</source>
        <translation>将 {what} 标记为“{status}”？</translation>
    </message>
    <message>
        <source>{plate}: {status}.</source>
        <translation>{plate}：{status}。</translation>
    </message>
    <message>
        <source>Appointment saved.</source>
        <translation>预约已保存。</translation>
    </message>
    <message>
        <source>Checked in; the repair order is open.</source>
        <translation>已接车，维修工单已开立。</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
    <message>
        <source>Day shown on the board</source>
        <translation>看板显示的日期</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>周(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>行(&amp;R)：</translation>
    </message>
    <message>
        <source>Show cance&amp;lled and no-shows</source>
        <translation>显示已取消和爽约(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New appointment</source>
        <translation>新建预约(&amp;N)</translation>
    </message>
    <message>
        <source>Wal&amp;k-in</source>
        <translation>到店未预约(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Confirmations (tomorrow)</source>
        <translation>明日确认(&amp;C)</translation>
    </message>
    <message>
        <source>Reception &amp;display</source>
        <translation>接待看板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Print day sheet</source>
        <translation>打印排班表(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approve the discount</source>
        <translation>审批优惠</translation>
    </message>
    <message>
        <source>The additional discount of ¥{discount} is above the consultant&apos;s limit of ¥{cap}. Approve it as {name}? Your approval is recorded with the quote.</source>
        <translation>额外优惠 ¥{discount} 超出销售顾问的优惠限额 ¥{cap}。以 {name} 的身份批准吗？您的审批将随报价单一并记录。</translation>
    </message>
    <message>
        <source>The additional discount of ¥{discount} is above your limit of ¥{cap}. A manager approves it here with their user name and password; the approval is recorded with the quote.</source>
        <translation>额外优惠 ¥{discount} 超出您的优惠限额 ¥{cap}。请经理在此输入用户名和密码进行审批；审批将随报价单一并记录。</translation>
    </message>
    <message>
        <source>why the discount is given</source>
        <translation>给予优惠的原因</translation>
    </message>
    <message>
        <source>Manager&apos;s &amp;user name:</source>
        <translation>经理用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
</context>
<context>
    <name>AttemptsModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Appointment board</source>
        <translation>预约看板</translation>
    </message>
    <message>
        <source>Switch to the day board to move appointments by keyboard.</source>
        <translation>请切换到日视图用键盘改约。</translation>
    </message>
    <message>
        <source>You may look at the board but not change appointments.</source>
        <translation>您可以查看看板，但不能修改预约。</translation>
    </message>
    <message>
        <source>Only booked or confirmed appointments can be moved: the car is here.</source>
        <translation>只有已预约或已确认的预约可以改约：车辆已到店。</translation>
    </message>
    <message>
        <source>Show this day</source>
        <translation>查看当日</translation>
    </message>
    <message>
        <source>New appointment here…</source>
        <translation>在此新建预约…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Mark arrived</source>
        <translation>标记到店</translation>
    </message>
    <message>
        <source>Check in…</source>
        <translation>接车…</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Print register</source>
        <translation>打印预约登记表</translation>
    </message>
    <message>
        <source>Print check-in sheet</source>
        <translation>打印接车检查单</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
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
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose the customer first</source>
        <translation>请先选择客户</translation>
    </message>
    <message>
        <source>Walk-in customer</source>
        <translation>未预约到店客户</translation>
    </message>
    <message>
        <source>Register walk-in</source>
        <translation>登记到店</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>新建预约</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Any free bay</source>
        <translation>任一空闲工位</translation>
    </message>
    <message>
        <source>Not assigned yet</source>
        <translation>暂不指定</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name}（本人）</translation>
    </message>
    <message>
        <source>Appointment {serial}</source>
        <translation>预约 {serial}</translation>
    </message>
    <message>
        <source>booked {when} by {who}</source>
        <translation>{who} 于 {when} 登记</translation>
    </message>
    <message>
        <source>repair order {number}</source>
        <translation>维修工单 {number}</translation>
    </message>
    <message>
        <source>override: {reason}</source>
        <translation>超规则预约：{reason}</translation>
    </message>
    <message>
        <source>History ({n})</source>
        <translation>历史（{n}）</translation>
    </message>
    <message>
        <source>This appointment is closed and can no longer be changed.</source>
        <translation>此预约已结束，不能再修改。</translation>
    </message>
    <message>
        <source>The car is in the workshop: the time, customer and work can no longer be changed here (the repair order holds the work).</source>
        <translation>车辆已进厂：此处不能再修改时间、客户和项目（项目以维修工单为准）。</translation>
    </message>
    <message>
        <source>Booked for {when}</source>
        <translation>预约在 {when}</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>{before} → {after}</source>
        <translation>{before} → {after}</translation>
    </message>
    <message>
        <source>Moved: {detail}</source>
        <translation>改期：{detail}</translation>
    </message>
    <message>
        <source>Manager&apos;s override: {reason}</source>
        <translation>经理超规则批准：{reason}</translation>
    </message>
    <message>
        <source>Confirmation call: {outcome}</source>
        <translation>确认电话：{outcome}</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>修改了预约内容</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已接车</translation>
    </message>
    <message>
        <source>No customer matches “{text}”. Add a new customer?</source>
        <translation>没有与“{text}”匹配的客户。要新建客户吗？</translation>
    </message>
    <message>
        <source>{n} matches: choose one</source>
        <translation>找到 {n} 位客户：请选择一位</translation>
    </message>
    <message>
        <source>no phone number on file</source>
        <translation>没有登记电话</translation>
    </message>
    <message>
        <source>no plate</source>
        <translation>无车牌</translation>
    </message>
    <message>
        <source>No vehicle on file: add one</source>
        <translation>没有登记车辆：请添加</translation>
    </message>
    <message>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
    <message>
        <source>last visit {day}</source>
        <translation>上次进站 {day}</translation>
    </message>
    <message>
        <source>warranty until {day}</source>
        <translation>保修至 {day}</translation>
    </message>
    <message>
        <source>warranty ended {day}</source>
        <translation>保修已于 {day} 到期</translation>
    </message>
    <message>
        <source>New customer added.</source>
        <translation>已新建客户。</translation>
    </message>
    <message>
        <source>Tick the jobs the customer asks for, or describe the fault below.</source>
        <translation>勾选客户要求的项目，或在下方描述故障。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} jobs · {hours} labour hours&lt;/b&gt; (on the bay {length})&lt;br&gt;Estimate &lt;b&gt;{estimate}&lt;/b&gt; (labour at {rate} per hour; parts extra)</source>
        <translation>&lt;b&gt;{n} 个项目 · {hours} 工时&lt;/b&gt;（占用工位 {length}）&lt;br&gt;预估费用 &lt;b&gt;{estimate}&lt;/b&gt;（工时费每小时 {rate}，配件另计）</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>Outside opening hours</source>
        <translation>不在营业时间内</translation>
    </message>
    <message>
        <source>Could not check the rules: {error}</source>
        <translation>无法检查预约规则：{error}</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>{day}: {booked} of {capacity} workshop hours booked ({percent} %)</source>
        <translation>{day}：已约 {booked} / {capacity} 工时（{percent}%）</translation>
    </message>
    <message>
        <source>{day} {start}–{end} is free.</source>
        <translation>{day} {start}–{end} 可以预约。</translation>
    </message>
    <message>
        <source>Open that appointment</source>
        <translation>打开那个预约</translation>
    </message>
    <message>
        <source>Take a free slot below, or book anyway with a reason (recorded).</source>
        <translation>请选择下面的空闲时段，或填写理由超规则预约（将被记录）。</translation>
    </message>
    <message>
        <source>Take a free slot below, or ask a manager to book it anyway.</source>
        <translation>请选择下面的空闲时段，或请经理超规则预约。</translation>
    </message>
    <message>
        <source>Take a free slot below, or change the day or time.</source>
        <translation>请选择下面的空闲时段，或更换日期或时间。</translation>
    </message>
    <message>
        <source>Not possible as it is:</source>
        <translation>这样预约不行：</translation>
    </message>
    <message>
        <source>No free slot in the next two weeks for this work.</source>
        <translation>未来两周内没有可做此项目的空闲时段。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not booked: this breaks the workshop rules. Take a free slot, or type the reason for an override and save again.</source>
        <translation>未预约：不符合车间规则。请选择空闲时段，或填写超规则理由后再次保存。</translation>
    </message>
    <message>
        <source>Not booked: this breaks the workshop rules. Take a free slot, or ask a manager to book it anyway.</source>
        <translation>未预约：不符合车间规则。请选择空闲时段，或请经理超规则预约。</translation>
    </message>
    <message>
        <source>Not booked: this breaks the workshop rules. Take a free slot or change the day or time.</source>
        <translation>未预约：不符合车间规则。请选择空闲时段，或更换日期或时间。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Check &amp;in…</source>
        <translation>接车(&amp;I)…</translation>
    </message>
    <message>
        <source>Print &amp;register</source>
        <translation>打印预约登记表(&amp;R)</translation>
    </message>
    <message>
        <source>Print check-in &amp;sheet</source>
        <translation>打印接车检查单(&amp;S)</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>1 · Customer and vehicle</source>
        <translation>1 · 客户和车辆</translation>
    </message>
    <message>
        <source>Name, phone, plate or VIN…</source>
        <translation>姓名、电话、车牌或 VIN…</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>Add &amp;vehicle…</source>
        <translation>添加车辆(&amp;V)…</translation>
    </message>
    <message>
        <source>2 · Work from the labour catalogue</source>
        <translation>2 · 维修保养项目（工时目录）</translation>
    </message>
    <message>
        <source>Filter jobs…</source>
        <translation>筛选项目…</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>3 · When and who</source>
        <translation>3 · 时间和人员</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>时间(&amp;T)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Leaves the car</source>
        <translation>送修（留车）</translation>
    </message>
    <message>
        <source>Waits</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>&amp;Bay</source>
        <translation>工位(&amp;B)</translation>
    </message>
    <message>
        <source>T&amp;echnician</source>
        <translation>技师(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Advisor</source>
        <translation>服务顾问(&amp;A)</translation>
    </message>
    <message>
        <source>Next &amp;free slots (double-click to take one)</source>
        <translation>最近的空闲时段（双击选用）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Override reason (manager)</source>
        <translation>超规则理由（经理）(&amp;O)</translation>
    </message>
    <message>
        <source>Why this booking may break the rule (recorded)</source>
        <translation>为什么可以不按规则预约（将被记录）</translation>
    </message>
    <message>
        <source>4 · Details for the register</source>
        <translation>4 · 预约登记内容</translation>
    </message>
    <message>
        <source>&amp;Fault described by the customer</source>
        <translation>客户描述的故障(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Parts needed (part numbers)</source>
        <translation>所需配件（零件号）(&amp;P)</translation>
    </message>
    <message>
        <source>One part per line with its part number, e.g. 04E115561H oil filter</source>
        <translation>每行一个配件及零件号，例如 04E115561H 机油滤清器</translation>
    </message>
    <message>
        <source>P&amp;hone-call record</source>
        <translation>电话记录(&amp;H)</translation>
    </message>
    <message>
        <source>Re&amp;marks</source>
        <translation>备注(&amp;M)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Confirmation calls</source>
        <translation>确认电话</translation>
    </message>
</context>
<context>
    <name>BreakdownModel</name>
    <message>
        <source>− NEV relief ¥{amount}</source>
        <translation>− 新能源减免 ¥{amount}</translation>
    </message>
    <message>
        <source>{how}, {n} seats</source>
        <translation>{how}，{n} 座</translation>
    </message>
    <message>
        <source>New-energy vehicles are exempt</source>
        <translation>新能源车免征</translation>
    </message>
    <message>
        <source>{how}: ¥{figures}</source>
        <translation>{how}：¥{figures}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>How it is worked out</source>
        <translation>计算说明</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message>
        <source>{day} · today</source>
        <translation>{day} · 今天</translation>
    </message>
    <message>
        <source>No deliveries planned</source>
        <translation>无交车计划</translation>
    </message>
    <message>
        <source>no plate</source>
        <translation>无车牌</translation>
    </message>
    <message>
        <source>Sales consultant: {name}</source>
        <translation>销售顾问：{name}</translation>
    </message>
    <message>
        <source>{day}  ({n})</source>
        <translation>{day}  （{n}）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CarDiagram</name>
    <message>
        <source>Mark {kind}: click on the car where it is</source>
        <translation>标记{kind}：在车上点击其位置</translation>
    </message>
    <message>
        <source>{number}. {kind}</source>
        <translation>{number}. {kind}</translation>
    </message>
    <message>
        <source>Right-click to remove this mark.</source>
        <translation>右键点击可删除此标记。</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>前</translation>
    </message>
    <message>
        <source>Rear</source>
        <translation>后</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
</context>
<context>
    <name>CarRow</name>
    <message>
        <source>Booked for</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>预计交车</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计到店</translation>
    </message>
</context>
<context>
    <name>CareModels</name>
    <message>
        <source>Day {n} after delivery</source>
        <translation>交车后第 {n} 天</translation>
    </message>
    <message>
        <source>{number} · callback within 24 hours</source>
        <translation>{number} · 24 小时内回访</translation>
    </message>
    <message>
        <source>{number} · callback within 7 days</source>
        <translation>{number} · 7 天内回访</translation>
    </message>
    <message>
        <source>Warranty ends {day}</source>
        <translation>质保 {day} 到期</translation>
    </message>
    <message>
        <source>Policy expires {day}</source>
        <translation>保单 {day} 到期</translation>
    </message>
    <message>
        <source>Inspection due {day}</source>
        <translation>年检 {day} 到期</translation>
    </message>
    <message>
        <source>Last day {day}</source>
        <translation>截止 {day}</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>Recorded as unreachable: {reason}</source>
        <translation>记为无法联系：{reason}</translation>
    </message>
    <message>
        <source>Not reached: {reason}</source>
        <translation>未接通：{reason}</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未接通</translation>
    </message>
</context>
<context>
    <name>CareSettingsDialog</name>
    <message>
        <source>Post-delivery callbacks on days</source>
        <translation>交车后回访：第几天</translation>
    </message>
    <message>
        <source>Only a manager can change these settings.</source>
        <translation>只有经理可以修改这些设置。</translation>
    </message>
    <message>
        <source>Write the callback days as whole numbers, e.g. 1, 3, 7, 30, 90.</source>
        <translation>回访天数请填写整数，例如 1, 3, 7, 30, 90。</translation>
    </message>
    <message>
        <source>Customer-care settings</source>
        <translation>客户关怀设置</translation>
    </message>
    <message>
        <source>When each care task opens and falls due. The worklist follows these from its next refresh.</source>
        <translation>各类关怀任务何时开始显示、何时到期。工作清单在下次刷新时按这些设置生成任务。</translation>
    </message>
    <message>
        <source>Restore the &amp;defaults</source>
        <translation>恢复默认设置(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CareView</name>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Bringing the worklist up to date…</source>
        <translation>正在更新工作清单…</translation>
    </message>
    <message>
        <source>Worklist up to date: {created} new tasks, {cancelled} no longer needed, {expired} expired.</source>
        <translation>工作清单已更新：新增 {created} 个任务，{cancelled} 个已无需处理，{expired} 个已过期。</translation>
    </message>
    <message>
        <source>Worklist up to date.</source>
        <translation>工作清单已是最新。</translation>
    </message>
    <message>
        <source>{n} tasks · {late} overdue</source>
        <translation>共 {n} 个任务 · {late} 个逾期</translation>
    </message>
    <message>
        <source>All types ({n})</source>
        <translation>全部类型（{n}）</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} 个逾期</translation>
    </message>
    <message>
        <source>Nothing to do today.</source>
        <translation>今天没有待办任务。</translation>
    </message>
    <message>
        <source>That was the last task in the list.</source>
        <translation>这已是清单中的最后一个任务。</translation>
    </message>
    <message>
        <source>A complaint was opened: see the Complaints tab (respond within 30 min).</source>
        <translation>已新建投诉：请到“投诉”页查看（须在 30 分钟内响应）。</translation>
    </message>
    <message>
        <source>Booked on the care call: {kind}</source>
        <translation>关怀回访时预约：{kind}</translation>
    </message>
    <message>
        <source>Appointment booked.</source>
        <translation>预约已保存。</translation>
    </message>
    <message>
        <source>To me ({name})</source>
        <translation>分配给我（{name}）</translation>
    </message>
    <message>
        <source>Nobody (back to the team)</source>
        <translation>不指定（退回团队）</translation>
    </message>
    <message>
        <source>The KPI charts are not available in this version.</source>
        <translation>此版本尚不能显示关键指标图表。</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>客户关怀</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>工作清单(&amp;W)</translation>
    </message>
    <message>
        <source>Record &amp;outcome…</source>
        <translation>记录回访结果(&amp;O)…</translation>
    </message>
    <message>
        <source>Record how the call went: reached, not reached, do not contact (Enter)</source>
        <translation>记录通话结果：接通、未接通或勿扰（Enter）</translation>
    </message>
    <message>
        <source>&amp;Next task</source>
        <translation>下一个任务(&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next task in the list (F8 or Ctrl+N)</source>
        <translation>转到清单中的下一个任务（F8 或 Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>分配(&amp;A)…</translation>
    </message>
    <message>
        <source>Give the selected task to yourself or a colleague</source>
        <translation>将所选任务分配给自己或同事</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Bring the worklist up to date with the data (F5)</source>
        <translation>按最新数据更新工作清单（F5）</translation>
    </message>
    <message>
        <source>Customer, mobile or plate</source>
        <translation>客户姓名、手机号或车牌</translation>
    </message>
    <message>
        <source>Find a task by the customer&apos;s name, mobile or plate (Ctrl+F)</source>
        <translation>按客户姓名、手机号或车牌查找任务（Ctrl+F）</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>Due &amp;until:</source>
        <translation>到期日至(&amp;U)：</translation>
    </message>
    <message>
        <source>Only tasks due on or before this day (— shows all)</source>
        <translation>只显示在此日期当天或之前到期的任务（选“—”显示全部）</translation>
    </message>
    <message>
        <source>&amp;Mine only</source>
        <translation>只看我的(&amp;M)</translation>
    </message>
    <message>
        <source>Only the tasks assigned to you</source>
        <translation>只显示分配给您的任务</translation>
    </message>
    <message>
        <source>Enter: record the outcome · F8 or Ctrl+N: next task</source>
        <translation>Enter：记录回访结果 · F8 或 Ctrl+N：下一个任务</translation>
    </message>
    <message>
        <source>&amp;Complaints</source>
        <translation>投诉(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;KPIs</source>
        <translation>关键指标(&amp;K)</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Check in and open repair order</source>
        <translation>接车并开维修工单</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>接车</translation>
    </message>
    <message>
        <source>no plate</source>
        <translation>无车牌</translation>
    </message>
    <message>
        <source>Check-in · {plate}</source>
        <translation>接车 · {plate}</translation>
    </message>
    <message>
        <source>Checked in already (repair order {number}).</source>
        <translation>已接车（维修工单 {number}）。</translation>
    </message>
    <message>
        <source>An appointment that is “{status}” cannot be checked in.</source>
        <translation>状态为“{status}”的预约不能接车。</translation>
    </message>
    <message>
        <source>Type the estimate as an amount in yuan, e.g. 1,280.00.</source>
        <translation>请以元为单位填写预估费用，例如 1,280.00。</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>满</translation>
    </message>
    <message>
        <source>No damage marked. Click on the car to mark damage; right-click a mark to remove it.</source>
        <translation>未标记损伤。点击车身标记损伤；右键点击标记可删除。</translation>
    </message>
    <message>
        <source>{n} marked: {list}</source>
        <translation>已标记 {n} 处：{list}</translation>
    </message>
    <message>
        <source>Checked in. Repair order {number} is open.</source>
        <translation>已接车。维修工单 {number} 已开立。</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已接车</translation>
    </message>
    <message>
        <source>Repair order {number} is open.

Print the check-in sheet now for the customer to sign?</source>
        <translation>维修工单 {number} 已开立。

现在打印接车检查单请客户签字吗？</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>未接车</translation>
    </message>
    <message>
        <source>Check-in sheet not printed</source>
        <translation>接车检查单未打印</translation>
    </message>
    <message>
        <source>The check-in is saved and repair order {number} is open; only the sheet could not be printed: {reason}

To print it again, open the appointment and choose “Print check-in sheet”.</source>
        <translation>接车已保存，维修工单 {number} 已开立；只是检查单未能打印：{reason}

如需重新打印，请打开该预约并选择“打印接车检查单”。</translation>
    </message>
    <message>
        <source>1 · At the car</source>
        <translation>1 · 车辆状况</translation>
    </message>
    <message>
        <source>&amp;Mileage *</source>
        <translation>里程(&amp;M) *</translation>
    </message>
    <message>
        <source>&amp;Fuel / charge</source>
        <translation>油量 / 电量(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Valuables</source>
        <translation>贵重物品(&amp;V)</translation>
    </message>
    <message>
        <source>Left in the car, e.g. dash camera, child seat</source>
        <translation>留在车内的物品，例如行车记录仪、儿童座椅</translation>
    </message>
    <message>
        <source>Covers on (seat, steering wheel, gear knob, floor mat)</source>
        <translation>已套四件套（座椅套、方向盘套、换挡杆套、脚垫）</translation>
    </message>
    <message>
        <source>Walk-around deferred (the customer is in a hurry)</source>
        <translation>环车检查稍后进行（客户赶时间）</translation>
    </message>
    <message>
        <source>Warning lights on the dashboard</source>
        <translation>仪表盘故障灯</translation>
    </message>
    <message>
        <source>2 · Exterior damage (walk around clockwise)</source>
        <translation>2 · 外观损伤（顺时针环车检查）</translation>
    </message>
    <message>
        <source>3 · Concerns, work and promise</source>
        <translation>3 · 客户诉求、维修项目和交车时间</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;concerns</source>
        <translation>客户诉求(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Agreed work</source>
        <translation>确认的维修项目(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Estimate (¥)</source>
        <translation>预估费用（元）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Promised for</source>
        <translation>预计交车时间(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Choose the customer first</source>
        <translation>请先选择客户</translation>
    </message>
    <message>
        <source>Log complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>No customer matches.</source>
        <translation>没有匹配的客户。</translation>
    </message>
    <message>
        <source>— not about a particular car</source>
        <translation>— 不涉及具体车辆</translation>
    </message>
    <message>
        <source>no plate</source>
        <translation>无车牌</translation>
    </message>
    <message>
        <source>No customer chosen yet</source>
        <translation>尚未选择客户</translation>
    </message>
    <message>
        <source>Find and choose the customer who complains.</source>
        <translation>请查找并选择投诉的客户。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>Name, mobile, plate or VIN</source>
        <translation>姓名、手机、车牌或车架号</translation>
    </message>
    <message>
        <source>&amp;Vehicle:</source>
        <translation>车辆(&amp;V)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>严重程度(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>投诉内容(&amp;D)：</translation>
    </message>
    <message>
        <source>The complaint in the customer&apos;s words: what happened, when, what they expect</source>
        <translation>用客户的原话记录投诉：发生了什么、在什么时间、客户有何诉求</translation>
    </message>
</context>
<context>
    <name>ComplaintModel</name>
    <message>
        <source>Number</source>
        <translation>投诉单号</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>{owner} → {manager}</source>
        <translation>{owner} → {manager}</translation>
    </message>
    <message>
        <source>answered after {n} min</source>
        <translation>已响应（用时 {n} 分钟）</translation>
    </message>
    <message>
        <source>overdue by {n} min</source>
        <translation>已超时 {n} 分钟</translation>
    </message>
    <message>
        <source>{n} min left</source>
        <translation>剩余 {n} 分钟</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <source>{n} complaints · {m} waiting for a first response</source>
        <translation>共 {n} 条投诉 · {m} 条待首次响应</translation>
    </message>
    <message>
        <source>{number} · opened {when} by {owner} · {channel} · {severity}</source>
        <translation>{number} · {owner} 于 {when} 受理 · {channel} · {severity}</translation>
    </message>
    <message>
        <source>Response ({when}):</source>
        <translation>响应（{when}）：</translation>
    </message>
    <message>
        <source>Escalated to {name} ({when})</source>
        <translation>已升级至 {name}（{when}）</translation>
    </message>
    <message>
        <source>Resolved ({when}): {resolution}</source>
        <translation>已解决（{when}）：{resolution}</translation>
    </message>
    <message>
        <source>Closed {when}</source>
        <translation>已于 {when} 关闭</translation>
    </message>
    <message>
        <source>Complaint {number} logged: respond by {when}.</source>
        <translation>投诉 {number} 已登记：请在 {when} 前响应。</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>What was {name} told? (complaint {number})</source>
        <translation>向 {name} 作了什么答复？（投诉 {number}）</translation>
    </message>
    <message>
        <source>Response to {number} recorded.</source>
        <translation>已记录对 {number} 的响应。</translation>
    </message>
    <message>
        <source>{number} escalated to {name}.</source>
        <translation>{number} 已升级至 {name}。</translation>
    </message>
    <message>
        <source>{number} resolved.</source>
        <translation>{number} 已解决。</translation>
    </message>
    <message>
        <source>Complaint resolved</source>
        <translation>投诉已解决</translation>
    </message>
    <message>
        <source>{number} is resolved. Two callbacks to {name} were added to the worklist: within 24 hours (by {first}) and again within 7 days (by {second}).</source>
        <translation>{number} 已解决。工作清单中已添加对 {name} 的两次回访：24 小时内（{first} 前）一次，7 天内（{second} 前）再一次。</translation>
    </message>
    <message>
        <source>Close complaint</source>
        <translation>关闭投诉</translation>
    </message>
    <message>
        <source>Close complaint {number} of {name}? Do it after the callbacks confirmed the customer is satisfied.</source>
        <translation>要关闭 {name} 的投诉 {number} 吗？请在回访确认客户满意后再关闭。</translation>
    </message>
    <message>
        <source>{number} closed.</source>
        <translation>{number} 已关闭。</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>&amp;New complaint…</source>
        <translation>新建投诉(&amp;N)…</translation>
    </message>
    <message>
        <source>Log a complaint: the 30-minute first-response clock starts now (Ctrl+Shift+N)</source>
        <translation>登记投诉：30 分钟首次响应计时随即开始（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Res&amp;pond…</source>
        <translation>响应(&amp;P)…</translation>
    </message>
    <message>
        <source>Record the first response: what the customer was told</source>
        <translation>记录首次响应：向客户作了什么答复</translation>
    </message>
    <message>
        <source>&amp;Escalate…</source>
        <translation>升级(&amp;E)…</translation>
    </message>
    <message>
        <source>Hand the complaint to a manager, with a note why</source>
        <translation>将投诉移交经理处理，并注明原因</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>解决(&amp;S)…</translation>
    </message>
    <message>
        <source>Record how it was resolved; the 24-hour and 7-day callbacks join the worklist</source>
        <translation>记录处理结果；24 小时和 7 天回访将加入工作清单</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Close a resolved complaint after the callbacks</source>
        <translation>回访完成后关闭已解决的投诉</translation>
    </message>
    <message>
        <source>Not closed &amp;only</source>
        <translation>只看未关闭(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ConfirmationDialog</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Calls so far</source>
        <translation>已拨打</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Confirmation calls</source>
        <translation>预约确认电话</translation>
    </message>
    <message>
        <source>{total} bookings · {call} to call · {later} to try later · {message} to message · {done} confirmed</source>
        <translation>共 {total} 个预约 · {call} 个待拨打 · {later} 个稍后再拨 · {message} 个需发短信 · {done} 个已确认</translation>
    </message>
    <message>
        <source>Choose a booking in the list.</source>
        <translation>请在列表中选择一个预约。</translation>
    </message>
    <message>
        <source>Not called yet.</source>
        <translation>尚未拨打。</translation>
    </message>
    <message>
        <source>Cancelled on the phone.</source>
        <translation>已在电话中取消。</translation>
    </message>
    <message>
        <source>Open the appointment to move it to the time the customer wants.</source>
        <translation>请打开该预约，改到客户希望的时间。</translation>
    </message>
    <message>
        <source>Already tried at this time of day: call again in another part of the day.</source>
        <translation>这个时段已经打过：请在一天中的其他时段再拨。</translation>
    </message>
    <message>
        <source>Three attempts failed: send the customer a message instead.</source>
        <translation>已三次未联系上：请改为给客户发短信。</translation>
    </message>
    <message>
        <source>Wrong number: correct it in the customer&apos;s file, then call again.</source>
        <translation>号码错误：请在客户档案中更正后再拨。</translation>
    </message>
    <message>
        <source>Cancel the appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Cancel {plate}&apos;s appointment on {when}? The bay and time become free.</source>
        <translation>取消 {plate} 在 {when} 的预约吗？工位和时间将被释放。</translation>
    </message>
    <message>
        <source>Bookings &amp;on</source>
        <translation>预约日期(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Call each customer the day before. Not reached: try again at another time of day — three attempts (morning, afternoon, evening) within three days, then send a message.</source>
        <translation>预约前一天电话确认每位客户。未接通时请换个时段再拨——三天内在上午、下午、晚上共拨打三次，仍未联系上则发送短信。</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>What the customer said (optional)</source>
        <translation>客户怎么说（可选）</translation>
    </message>
    <message>
        <source>&amp;Open appointment…</source>
        <translation>打开预约(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>ContractEditor</name>
    <message>
        <source>Contract {number}</source>
        <translation>购车合同 {number}</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <source>from quote {number} v{version}</source>
        <translation>依据报价单 {number} v{version}</translation>
    </message>
    <message>
        <source>Not signed yet: the content is not frozen</source>
        <translation>尚未签署：内容未锁定</translation>
    </message>
    <message>
        <source>✔ verified: the content is as signed</source>
        <translation>✔ 已校验：内容与签署时一致</translation>
    </message>
    <message>
        <source>✖ does NOT match what was signed</source>
        <translation>✖ 与签署时的内容不一致</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>内容校验值</translation>
    </message>
    <message>
        <source>Content SHA-256: {content}
PDF SHA-256: {pdf}</source>
        <translation>内容 SHA-256：{content}
PDF SHA-256：{pdf}</translation>
    </message>
    <message>
        <source>Signed {when} by {name}. A signed contract cannot change: amend it (a new version that references this one) or void it with a reason.</source>
        <translation>已于 {when} 由 {name} 登记签署。已签署的合同不能再修改：如需调整请作变更（补充协议，生成引用本版本的新版本），或填写原因作废。</translation>
    </message>
    <message>
        <source>Void since {when} ({name}): {reason}</source>
        <translation>已于 {when} 作废（{name}）：{reason}</translation>
    </message>
    <message>
        <source>Amendment of version {version}: edit the terms, print and have the buyer sign it; version {version} stays as it was signed.</source>
        <translation>第 {version} 版的变更（补充协议）：修改条款后打印并请买受人签字；第 {version} 版保持签署时的内容不变。</translation>
    </message>
    <message>
        <source>Plan {n}: {lender} · {months} months · {rate} % · down ¥{down}</source>
        <translation>方案 {n}：{lender} · {months} 期 · {rate}% · 首付 ¥{down}</translation>
    </message>
    <message>
        <source>lender not named</source>
        <translation>未填写贷款机构</translation>
    </message>
    <message>
        <source>The quote has no finance plans.</source>
        <translation>报价单中没有贷款方案。</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未签署</translation>
    </message>
    <message>
        <source>v{version} · {status} · {when}</source>
        <translation>v{version} · {status} · {when}</translation>
    </message>
    <message>
        <source>amends v{version}</source>
        <translation>变更自 v{version}</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>当前显示</translation>
    </message>
    <message>
        <source>A newer version exists: amend that one.</source>
        <translation>已有更新的版本：请对该版本作变更。</translation>
    </message>
    <message>
        <source>Car loan from {lender}: loan {loan} over {months} months at {rate} %, {monthly} a month; total interest {interest}.</source>
        <translation>{lender} 汽车贷款：贷款金额 {loan}，{months} 期，年利率 {rate}%，月供 {monthly}；总利息 {interest}。</translation>
    </message>
    <message>
        <source>Paid in full.</source>
        <translation>全款支付。</translation>
    </message>
    <message>
        <source>balance {amount} before delivery</source>
        <translation>尾款 {amount}，交车前付清</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Contract {number} saved.</source>
        <translation>合同 {number} 已保存。</translation>
    </message>
    <message>
        <source>Mark signed</source>
        <translation>标记为已签署</translation>
    </message>
    <message>
        <source>Has the buyer signed the printed contract {number}?

Its content and PDF are then frozen: any later change needs an amendment or a void.</source>
        <translation>买受人是否已在打印的合同 {number} 上签字？

确认后合同内容和 PDF 将被锁定：之后的任何修改都需要作变更（补充协议）或作废。</translation>
    </message>
    <message>
        <source>Contract {number} signed.</source>
        <translation>合同 {number} 已签署。</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签署</translation>
    </message>
    <message>
        <source>Amendment v{version} of {number} drafted.</source>
        <translation>已起草 {number} 的变更版本 v{version}。</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Void the contract</source>
        <translation>作废合同</translation>
    </message>
    <message>
        <source>Why is contract {number} void? (recorded with the contract)</source>
        <translation>合同 {number} 作废的原因是什么？（将随合同记录）</translation>
    </message>
    <message>
        <source>Contract {number} is void.</source>
        <translation>合同 {number} 已作废。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing contracts is not available in this version.</source>
        <translation>此版本尚不能打印合同。</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
    <message>
        <source>The changes to this contract are not saved. Discard them?</source>
        <translation>对此合同的修改尚未保存。要放弃修改吗？</translation>
    </message>
    <message>
        <source>Purchase contract</source>
        <translation>购车合同</translation>
    </message>
    <message>
        <source>Buyer (买受人)</source>
        <translation>买受人</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>电话(&amp;H)：</translation>
    </message>
    <message>
        <source>Addr&amp;ess:</source>
        <translation>地址(&amp;E)：</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>车型：</translation>
    </message>
    <message>
        <source>Co&amp;lour:</source>
        <translation>颜色(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;VIN:</source>
        <translation>车架号(&amp;V)：</translation>
    </message>
    <message>
        <source>once a car is allocated</source>
        <translation>配车后填写</translation>
    </message>
    <message>
        <source>En&amp;gine number:</source>
        <translation>发动机号(&amp;G)：</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>&amp;Deposit (定金, ¥):</source>
        <translation>定金（元）(&amp;D)：</translation>
    </message>
    <message>
        <source>Paid by:</source>
        <translation>付款方式：</translation>
    </message>
    <message>
        <source>&amp;Full payment</source>
        <translation>全款(&amp;F)</translation>
    </message>
    <message>
        <source>Car &amp;loan</source>
        <translation>汽车贷款(&amp;L)</translation>
    </message>
    <message>
        <source>Finance &amp;plan:</source>
        <translation>贷款方案(&amp;P)：</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交车</translation>
    </message>
    <message>
        <source>Delivery da&amp;te:</source>
        <translation>交车日期(&amp;T)：</translation>
    </message>
    <message>
        <source>Pl&amp;ace:</source>
        <translation>交车地点(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>交车方式(&amp;M)：</translation>
    </message>
    <message>
        <source>Documents handed over with the car</source>
        <translation>随车交付的文件</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Price and its breakdown (from the quote)</source>
        <translation>价格及费用明细（来自报价单）</translation>
    </message>
    <message>
        <source>Total on-road price (落地价)</source>
        <translation>落地价</translation>
    </message>
    <message>
        <source>Versions and amendments</source>
        <translation>版本与变更</translation>
    </message>
    <message>
        <source>Double-click a version to open it</source>
        <translation>双击某个版本即可打开</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print contract set</source>
        <translation>打印全套合同(&amp;P)</translation>
    </message>
    <message>
        <source>The contract with the insurance confirmation (保险确认单) and the purchase-tax application (购置税申请表)</source>
        <translation>购车合同，以及保险确认单和购置税申请表</translation>
    </message>
    <message>
        <source>Mark si&amp;gned…</source>
        <translation>标记为已签署(&amp;G)…</translation>
    </message>
    <message>
        <source>The buyer has signed the printed contract: its content and PDF are frozen</source>
        <translation>买受人已在打印的合同上签字：合同内容和 PDF 随即锁定</translation>
    </message>
    <message>
        <source>&amp;Amend</source>
        <translation>变更(&amp;A)</translation>
    </message>
    <message>
        <source>Make an amendment: a new draft version that references this signed contract</source>
        <translation>作变更（补充协议）：生成引用本已签署合同的新草稿版本</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>作废(&amp;V)…</translation>
    </message>
    <message>
        <source>Void the contract with a reason (recorded)</source>
        <translation>填写原因作废合同（将被记录）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ContractListModel</name>
    <message>
        <source>Number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买受人</translation>
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
        <source>Total</source>
        <translation>落地价</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>交车日期</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>销售顾问</translation>
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
    <name>DayBoardModel</name>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>{name} has appointments at the same time: they are shown on {n} rows.</source>
        <translation>{name} 同一时间有多个预约：分 {n} 行显示。</translation>
    </message>
</context>
<context>
    <name>DeliveriesView</name>
    <message>
        <source>Plan a delivery: customer, car, time and staff</source>
        <translation>安排交车：客户、车辆、时间与人员</translation>
    </message>
    <message>
        <source>Record the day-before call to the selected customer</source>
        <translation>记录对所选客户的交车前一天电话</translation>
    </message>
    <message>
        <source>Write the selected day&apos;s deliveries for the manufacturer (due 09:30 next day)</source>
        <translation>导出所选日期的交车数据给厂家（次日 09:30 前）</translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <source>{n} deliveries this week · {day}: {m} planned, {k} delivered</source>
        <translation>本周 {n} 台交车 · {day}：计划 {m} 台，已交 {k} 台</translation>
    </message>
    <message>
        <source>{number} planned for {when}.</source>
        <translation>{number} 已安排在 {when}。</translation>
    </message>
    <message>
        <source>Day-before call</source>
        <translation>交车前一天电话</translation>
    </message>
    <message>
        <source>Call {name} ({phone}) about the delivery on {when}: the time, the documents to bring (ID card, purchase contract), reminders. What was agreed?</source>
        <translation>致电 {name}（{phone}）确认 {when} 交车：时间、需携带的证件（身份证、购车合同）及注意事项。约定了什么？</translation>
    </message>
    <message>
        <source>Write down what was agreed on the call.</source>
        <translation>请写下电话中约定的内容。</translation>
    </message>
    <message>
        <source>Call recorded.</source>
        <translation>电话已记录。</translation>
    </message>
    <message>
        <source>The deliveries of {day} for the manufacturer were written to:
{csv}
{json}</source>
        <translation>{day} 的交车数据（报厂家）已写入：
{csv}
{json}</translation>
    </message>
    <message>
        <source>Export day</source>
        <translation>导出当日</translation>
    </message>
    <message>
        <source>Exported {day}.</source>
        <translation>已导出 {day}。</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>交车</translation>
    </message>
    <message>
        <source>Previous week (Ctrl+PgUp)</source>
        <translation>上一周（Ctrl+PgUp）</translation>
    </message>
    <message>
        <source>Day the calendar is centred on</source>
        <translation>日历显示的日期</translation>
    </message>
    <message>
        <source>Next week (Ctrl+PgDown)</source>
        <translation>下一周（Ctrl+PgDown）</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;New delivery…</source>
        <translation>新建交车(&amp;N)…</translation>
    </message>
    <message>
        <source>Record &amp;call…</source>
        <translation>记录电话(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export day</source>
        <translation>导出当日(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Print record</source>
        <translation>打印交车单(&amp;P)</translation>
    </message>
    <message>
        <source>Choose a delivery in the calendar to open its record.</source>
        <translation>在左侧日历中选择一台交车以打开交车单。</translation>
    </message>
</context>
<context>
    <name>DeliveryRecord</name>
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
        <source>Follow-up</source>
        <translation>回访任务</translation>
    </message>
    <message>
        <source>Shows from</source>
        <translation>开始显示</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Document or item</source>
        <translation>文件或物品</translation>
    </message>
    <message>
        <source>Handed over?</source>
        <translation>交付情况</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>as printed on the invoice</source>
        <translation>按发票上所印填写</translation>
    </message>
    <message>
        <source>Only a manager can reopen a delivered record.</source>
        <translation>只有经理可以重新打开已交车的记录。</translation>
    </message>
    <message>
        <source>The delivery record (交车确认单) on A4 with signature boxes</source>
        <translation>交车确认单（A4，含签字栏）</translation>
    </message>
    <message>
        <source>History ({n})</source>
        <translation>历史（{n}）</translation>
    </message>
    <message>
        <source>Follow-ups ({n})</source>
        <translation>回访（{n}）</translation>
    </message>
    <message>
        <source>Planned {when}</source>
        <translation>计划 {when}</translation>
    </message>
    <message>
        <source>no plate yet</source>
        <translation>尚无车牌</translation>
    </message>
    <message>
        <source>(NEV)</source>
        <translation>（新能源）</translation>
    </message>
    <message>
        <source>Sales: {name}</source>
        <translation>销售：{name}</translation>
    </message>
    <message>
        <source>Delivery: {name}</source>
        <translation>交车：{name}</translation>
    </message>
    <message>
        <source>Signed off by {name}, {when}</source>
        <translation>{name} 已签字确认，{when}</translation>
    </message>
    <message>
        <source>PDI {done}/{n}</source>
        <translation>PDI {done}/{n}</translation>
    </message>
    <message>
        <source>“{section}”: all passed except {n} marked.</source>
        <translation>“{section}”：除 {n} 项标记外全部合格。</translation>
    </message>
    <message>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a checklist item.</source>
        <translation>请先选择一个检查项。</translation>
    </message>
    <message>
        <source>Photo not added</source>
        <translation>照片未添加</translation>
    </message>
    <message>
        <source>PDI not signed off</source>
        <translation>PDI 未能签字</translation>
    </message>
    <message>
        <source>(if any)</source>
        <translation>（如有）</translation>
    </message>
    <message>
        <source>Documents {done}/{n}</source>
        <translation>随车文件 {done}/{n}</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>把</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The car: {value}</source>
        <translation>本车：{value}</translation>
    </message>
    <message>
        <source>matches the car</source>
        <translation>与车辆一致</translation>
    </message>
    <message>
        <source>does not match the car ({value})</source>
        <translation>与车辆不符（{value}）</translation>
    </message>
    <message>
        <source>Topics covered ({done}/{n})</source>
        <translation>讲解内容（{done}/{n}）</translation>
    </message>
    <message>
        <source>Not started yet.</source>
        <translation>尚未开始。</translation>
    </message>
    <message>
        <source>Under 30 minutes so far: keep explaining (about {n} minutes to go).</source>
        <translation>讲解尚不足 30 分钟：请继续（约还需 {n} 分钟）。</translation>
    </message>
    <message>
        <source>Shorter explanation accepted by a manager: {reason}</source>
        <translation>经理已同意缩短讲解：{reason}</translation>
    </message>
    <message>
        <source>Only {n} minutes: at least 30 are required. Restart the timer, or ask a manager to accept the shorter explanation.</source>
        <translation>仅 {n} 分钟：至少需要 30 分钟。请重新计时，或请经理同意缩短讲解。</translation>
    </message>
    <message>
        <source>30 minutes reached: stop the timer when the explanation is done.</source>
        <translation>已满 30 分钟：讲解结束后请停止计时。</translation>
    </message>
    <message>
        <source>✔ Explained for {n} minutes.</source>
        <translation>✔ 已讲解 {n} 分钟。</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Handover explanation</source>
        <translation>用车讲解</translation>
    </message>
    <message>
        <source>Start the timer again? The time measured so far is replaced.</source>
        <translation>重新开始计时？已记录的时长将被替换。</translation>
    </message>
    <message>
        <source>Delivered {when} by {who}. The record is closed.</source>
        <translation>已于 {when} 由 {who} 交车，记录已关闭。</translation>
    </message>
    <message>
        <source>Everything is ready: the car can be marked delivered.</source>
        <translation>全部就绪：可以确认交车。</translation>
    </message>
    <message>
        <source>{n} things still missing before delivery:</source>
        <translation>交车前还缺 {n} 项：</translation>
    </message>
    <message>
        <source>{number} delivered; {n} follow-ups created.</source>
        <translation>{number} 已交车；已生成 {n} 个回访任务。</translation>
    </message>
    <message>
        <source>Not delivered yet</source>
        <translation>尚不能交车</translation>
    </message>
    <message>
        <source>Reopen the delivery record</source>
        <translation>重新打开交车单</translation>
    </message>
    <message>
        <source>Why must the delivered record be changed? (recorded)</source>
        <translation>为什么需要修改已交车的记录？（将被记录）</translation>
    </message>
    <message>
        <source>Reopening a delivered record needs a reason, which is recorded.</source>
        <translation>重新打开已交车的记录需要填写原因，原因将被记录。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing delivery records is not available in this version.</source>
        <translation>此版本尚不能打印交车单。</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
    <message>
        <source>Planned for {when}</source>
        <translation>计划交车时间 {when}</translation>
    </message>
    <message>
        <source>Day-before call: {note}</source>
        <translation>交车前一天电话：{note}</translation>
    </message>
    <message>
        <source>PDI signed off</source>
        <translation>PDI 已签字</translation>
    </message>
    <message>
        <source>Explanation timer started</source>
        <translation>用车讲解开始计时</translation>
    </message>
    <message>
        <source>Explanation timer stopped ({detail})</source>
        <translation>用车讲解停止计时（{detail}）</translation>
    </message>
    <message>
        <source>Shorter explanation accepted: {reason}</source>
        <translation>同意缩短讲解：{reason}</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交车</translation>
    </message>
    <message>
        <source>Reopened: {reason}</source>
        <translation>重新打开：{reason}</translation>
    </message>
    <message>
        <source>Changed after delivery: {detail}</source>
        <translation>交车后修改：{detail}</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
    <message>
        <source>Delivery record</source>
        <translation>交车单</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Plate:</source>
        <translation>车牌：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>车型：</translation>
    </message>
    <message>
        <source>VIN:</source>
        <translation>车架号：</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>PDI</source>
        <translation>PDI</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Mark the selected items as passed (key P)</source>
        <translation>将所选项标为合格（P 键）</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Mark the selected items as failed (key F)</source>
        <translation>将所选项标为不合格（F 键）</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Mark the selected items as not applicable (key N)</source>
        <translation>将所选项标为不适用（N 键）</translation>
    </message>
    <message>
        <source>&amp;All pass in section (except marked)</source>
        <translation>本组全部合格（标记项除外）(&amp;A)</translation>
    </message>
    <message>
        <source>Add p&amp;hoto…</source>
        <translation>添加照片(&amp;H)…</translation>
    </message>
    <message>
        <source>Technician &amp;sign-off</source>
        <translation>技师签字(&amp;S)</translation>
    </message>
    <message>
        <source>Keys: P pass · F fail · N not applicable · Space next result · X mark as exception for “All pass” · F2 edit the note</source>
        <translation>快捷键：P 合格 · F 不合格 · N 不适用 · 空格 切换结果 · X 标记为“全部合格”的例外 · F2 编辑备注</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>随车文件</translation>
    </message>
    <message>
        <source>Sales invoice checked against the car</source>
        <translation>销售发票与车辆核对</translation>
    </message>
    <message>
        <source>&amp;VIN on the invoice:</source>
        <translation>发票上的车架号(&amp;V)：</translation>
    </message>
    <message>
        <source>E&amp;ngine number on the invoice:</source>
        <translation>发票上的发动机号(&amp;N)：</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>用车讲解</translation>
    </message>
    <message>
        <source>Topics covered</source>
        <translation>讲解内容</translation>
    </message>
    <message>
        <source>Handover explanation (at least 30 minutes)</source>
        <translation>用车讲解（不少于 30 分钟）</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>开始(&amp;T)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>Manager: accept a shorter explanation</source>
        <translation>经理：同意缩短讲解</translation>
    </message>
    <message>
        <source>Reason (recorded)</source>
        <translation>原因（将被记录）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>P&amp;rint record</source>
        <translation>打印交车单(&amp;R)</translation>
    </message>
    <message>
        <source>R&amp;eopen…</source>
        <translation>重新打开(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Mark delivered</source>
        <translation>确认交车(&amp;M)</translation>
    </message>
</context>
<context>
    <name>DialogService</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The document was saved as {path}. No PDF viewer could be opened: open the file from that folder to print it.</source>
        <translation>文件已保存为 {path}。无法打开 PDF 阅读器：请到该文件夹中打开文件后打印。</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <source>Escalate {number}</source>
        <translation>升级投诉 {number}</translation>
    </message>
    <message>
        <source>&amp;To manager:</source>
        <translation>移交经理(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Why (required):</source>
        <translation>升级原因（必填）(&amp;W)：</translation>
    </message>
    <message>
        <source>What the customer demands, what was tried, why it needs a manager</source>
        <translation>客户的诉求、已采取的措施、为何需要经理处理</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级</translation>
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
    <name>FirstRun</name>
    <message>
        <source>This PC has no dealership data yet.

Register it with the dealer group&apos;s hub (an administrator has its address and a token for this PC) to receive the store&apos;s data? Or close DealerDesk and create the demo store with &apos;python -m desktop_app demo-data&apos;.</source>
        <translation>这台电脑还没有门店数据。

要向集团总部服务器注册这台电脑并接收本店的数据吗？（服务器地址和这台电脑的令牌由管理员提供。）或者关闭 DealerDesk，用 &apos;python -m desktop_app demo-data&apos; 创建演示门店。</translation>
    </message>
    <message>
        <source>Receiving the store&apos;s data from the hub…</source>
        <translation>正在从总部服务器接收本店数据…</translation>
    </message>
    <message>
        <source>The store&apos;s data could not be received: {reason}

What has arrived is kept. Check the network and the hub&apos;s address, then start DealerDesk again to go on.</source>
        <translation>未能接收本店数据：{reason}

已接收的数据都已保留。请检查网络和总部服务器地址，然后重新启动 DealerDesk 继续。</translation>
    </message>
    <message>
        <source>the hub knows no store for this token</source>
        <translation>总部服务器没有与此令牌对应的门店</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>{value} min</source>
        <translation>{value} 分钟</translation>
    </message>
    <message>
        <source>Last month: {value}</source>
        <translation>上月：{value}</translation>
    </message>
    <message>
        <source>{value} pp</source>
        <translation>{value} 个百分点</translation>
    </message>
    <message>
        <source>standard ≥ {minutes} min</source>
        <translation>标准 ≥ {minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>KpiView</name>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>Print monthly report</source>
        <translation>打印月度报表</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <comment>the month picker: a Qt date format</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>{month} is not over yet: the figures so far.</source>
        <translation>{month}尚未结束：以下为截至目前的数据。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing reports is not available in this version.</source>
        <translation>此版本尚不能打印报表。</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
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
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已接车</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Quality check</source>
        <translation>质检中</translation>
    </message>
    <message>
        <source>Washing</source>
        <translation>洗车中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>可取车</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已交车</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>Waits</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Drop-off</source>
        <translation>送修</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Line busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Wants another time</source>
        <translation>要求改时间</translation>
    </message>
    <message>
        <source>Cancels</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Scratch</source>
        <translation>划痕</translation>
    </message>
    <message>
        <source>Dent</source>
        <translation>凹陷</translation>
    </message>
    <message>
        <source>Crack</source>
        <translation>裂纹</translation>
    </message>
    <message>
        <source>Stone chip</source>
        <translation>石击</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>发动机</translation>
    </message>
    <message>
        <source>ABS</source>
        <translation>ABS</translation>
    </message>
    <message>
        <source>Airbag</source>
        <translation>安全气囊</translation>
    </message>
    <message>
        <source>Oil pressure</source>
        <translation>机油压力</translation>
    </message>
    <message>
        <source>Battery / charging</source>
        <translation>蓄电池 / 充电</translation>
    </message>
    <message>
        <source>Tyre pressure</source>
        <translation>胎压</translation>
    </message>
    <message>
        <source>Brake</source>
        <translation>制动</translation>
    </message>
    <message>
        <source>Coolant temperature</source>
        <translation>冷却液温度</translation>
    </message>
    <message>
        <source>Service due</source>
        <translation>保养提示</translation>
    </message>
    <message>
        <source>Call now</source>
        <translation>现在拨打</translation>
    </message>
    <message>
        <source>Try at another time of day</source>
        <translation>换个时段再拨</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>发送短信</translation>
    </message>
    <message>
        <source>Correct the number</source>
        <translation>更正号码</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>晚上</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>PDI in progress</source>
        <translation>PDI 检查中</translation>
    </message>
    <message>
        <source>PDI failed</source>
        <translation>PDI 未通过</translation>
    </message>
    <message>
        <source>Ready to deliver</source>
        <translation>待交车</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交车</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>未交付</translation>
    </message>
    <message>
        <source>Given to customer</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>Held by lender</source>
        <translation>贷款机构保管</translation>
    </message>
    <message>
        <source>Post-delivery callback</source>
        <translation>交车后回访</translation>
    </message>
    <message>
        <source>First maintenance</source>
        <translation>首保提醒</translation>
    </message>
    <message>
        <source>Regular maintenance</source>
        <translation>定保提醒</translation>
    </message>
    <message>
        <source>Warranty expiry</source>
        <translation>质保到期提醒</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日关怀</translation>
    </message>
    <message>
        <source>Service satisfaction call</source>
        <translation>服务满意度回访</translation>
    </message>
    <message>
        <source>Lost-customer recall</source>
        <translation>流失客户招揽</translation>
    </message>
    <message>
        <source>Complaint callback</source>
        <translation>投诉回访</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <source>Local, in warranty</source>
        <translation>本地，在保</translation>
    </message>
    <message>
        <source>Local, out of warranty</source>
        <translation>本地，出保</translation>
    </message>
    <message>
        <source>Out of town, in warranty</source>
        <translation>外地，在保</translation>
    </message>
    <message>
        <source>Out of town, out of warranty</source>
        <translation>外地，出保</translation>
    </message>
    <message>
        <source>Local, warranty unknown</source>
        <translation>本地，质保情况不明</translation>
    </message>
    <message>
        <source>Out of town, warranty unknown</source>
        <translation>外地，质保情况不明</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>关机</translation>
    </message>
    <message>
        <source>Refused to talk</source>
        <translation>拒绝沟通</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Staff attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Repair quality</source>
        <translation>维修质量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Repair time</source>
        <translation>维修时间</translation>
    </message>
    <message>
        <source>Parts supply</source>
        <translation>配件供应</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Repair again free of charge</source>
        <translation>免费返修</translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Goodwill (voucher, free service)</source>
        <translation>善意补偿（代金券、免费保养）</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>道歉</translation>
    </message>
    <message>
        <source>Explanation accepted</source>
        <translation>解释说明已接受</translation>
    </message>
    <message>
        <source>First-maintenance return rate</source>
        <translation>首保回厂率</translation>
    </message>
    <message>
        <source>Regular-maintenance return rate</source>
        <translation>定保回厂率</translation>
    </message>
    <message>
        <source>Appointment rate</source>
        <translation>预约率</translation>
    </message>
    <message>
        <source>Show rate</source>
        <translation>到店率（预约履约率）</translation>
    </message>
    <message>
        <source>Lost rate</source>
        <translation>流失率</translation>
    </message>
    <message>
        <source>Callbacks done on time</source>
        <translation>按时回访率</translation>
    </message>
    <message>
        <source>Delivery explanation (minutes)</source>
        <translation>交车讲解时长（分钟）</translation>
    </message>
    <message>
        <source>First maintenance: window opens after (months)</source>
        <translation>首保：交车后开始提醒（月）</translation>
    </message>
    <message>
        <source>Regular maintenance: every (months)</source>
        <translation>定保：间隔（月）</translation>
    </message>
    <message>
        <source>Regular maintenance: every (km)</source>
        <translation>定保：间隔（公里）</translation>
    </message>
    <message>
        <source>Regular maintenance: remind before due (days)</source>
        <translation>定保：到期前提醒（天）</translation>
    </message>
    <message>
        <source>Warranty expiry: remind before (months)</source>
        <translation>质保到期：提前提醒（月）</translation>
    </message>
    <message>
        <source>Insurance renewal: remind before expiry (months)</source>
        <translation>续保：到期前提醒（月）</translation>
    </message>
    <message>
        <source>Annual inspection: remind before due (days)</source>
        <translation>年检：到期前提醒（天）</translation>
    </message>
    <message>
        <source>Annual inspection: first at (years)</source>
        <translation>年检：首次年检车龄（年）</translation>
    </message>
    <message>
        <source>Birthday: call within (hours of opening)</source>
        <translation>生日关怀：营业后致电时限（小时）</translation>
    </message>
    <message>
        <source>Satisfaction call: after the repair (days)</source>
        <translation>满意度回访：维修后开始（天）</translation>
    </message>
    <message>
        <source>Satisfaction call: expires on day</source>
        <translation>满意度回访：第几天过期（天）</translation>
    </message>
    <message>
        <source>Lost customer: last visit at least (days ago)</source>
        <translation>流失客户：距上次进厂至少（天）</translation>
    </message>
    <message>
        <source>Lost customer: last visit at most (days ago)</source>
        <translation>流失客户：距上次进厂至多（天）</translation>
    </message>
    <message>
        <source>Complaint: first response within (minutes)</source>
        <translation>投诉：首次响应时限（分钟）</translation>
    </message>
    <message>
        <source>Complaint: callback after resolution (hours)</source>
        <translation>投诉：解决后回访时限（小时）</translation>
    </message>
    <message>
        <source>Complaint: second callback (days)</source>
        <translation>投诉：第二次回访时限（天）</translation>
    </message>
    <message>
        <source>Unreachable after (calls)</source>
        <translation>无法联系：拨打次数（次）</translation>
    </message>
    <message>
        <source>… within (days)</source>
        <translation>… 拨打期限（天）</translation>
    </message>
    <message>
        <source>Show tasks opening within (days)</source>
        <translation>提前显示即将开始的任务（天）</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Full payment</source>
        <translation>全款</translation>
    </message>
    <message>
        <source>Car loan</source>
        <translation>汽车贷款</translation>
    </message>
    <message>
        <source>Collected by the buyer at the dealership</source>
        <translation>买受人到店自提</translation>
    </message>
    <message>
        <source>Delivered to the buyer&apos;s address</source>
        <translation>送车上门</translation>
    </message>
    <message>
        <source>Model and trim</source>
        <translation>车型配置</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选装</translation>
    </message>
    <message>
        <source>Accessory</source>
        <translation>精品</translation>
    </message>
    <message>
        <source>Insurance cover</source>
        <translation>保险险种</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Vehicle and vessel tax band</source>
        <translation>车船税档位</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>厂家促销</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Manufacturer&apos;s guide price</source>
        <translation>厂商指导价</translation>
    </message>
    <message>
        <source>Additional discount</source>
        <translation>额外优惠</translation>
    </message>
    <message>
        <source>Selling price of the vehicle</source>
        <translation>车辆成交价</translation>
    </message>
    <message>
        <source>Vehicle purchase tax</source>
        <translation>车辆购置税</translation>
    </message>
    <message>
        <source>Compulsory traffic insurance</source>
        <translation>交强险</translation>
    </message>
    <message>
        <source>Commercial insurance</source>
        <translation>商业险</translation>
    </message>
    <message>
        <source>Vehicle and vessel tax</source>
        <translation>车船税</translation>
    </message>
    <message>
        <source>Registration service fee</source>
        <translation>上牌服务费</translation>
    </message>
    <message>
        <source>Finance service fee</source>
        <translation>金融服务费</translation>
    </message>
    <message>
        <source>Trade-in value of your car</source>
        <translation>置换车辆评估价</translation>
    </message>
    <message>
        <source>Trade-in subsidy</source>
        <translation>置换补贴</translation>
    </message>
    <message>
        <source>From the manufacturer&apos;s price list</source>
        <translation>厂商价格表</translation>
    </message>
    <message>
        <source>Factory option, part of the vehicle price</source>
        <translation>原厂选装，计入车价</translation>
    </message>
    <message>
        <source>Published promotion</source>
        <translation>厂家公开促销</translation>
    </message>
    <message>
        <source>Dealer discount</source>
        <translation>经销商优惠</translation>
    </message>
    <message>
        <source>Guide price + options − discounts; the invoice price</source>
        <translation>指导价 + 选装 − 优惠，即发票价格</translation>
    </message>
    <message>
        <source>Fitted by the dealer</source>
        <translation>经销商加装</translation>
    </message>
    <message>
        <source>Selling price ÷ 1.13 × 10 %</source>
        <translation>成交价 ÷ 1.13 × 10%</translation>
    </message>
    <message>
        <source>Statutory premium, first year</source>
        <translation>法定保费，首年</translation>
    </message>
    <message>
        <source>Estimate, first year</source>
        <translation>首年保费估算</translation>
    </message>
    <message>
        <source>By engine size, from the month of purchase to the end of the year</source>
        <translation>按排量，自购车当月至当年年底</translation>
    </message>
    <message>
        <source>Number plates and registration</source>
        <translation>牌照及上牌手续</translation>
    </message>
    <message>
        <source>Loan arrangement</source>
        <translation>贷款手续办理</translation>
    </message>
    <message>
        <source>Valuation of your car</source>
        <translation>旧车评估价</translation>
    </message>
    <message>
        <source>Manufacturer&apos;s trade-in subsidy</source>
        <translation>厂家置换补贴</translation>
    </message>
    <message>
        <source>{seats} seats</source>
        <translation>{seats} 座</translation>
    </message>
    <message>
        <source>NEV exempt</source>
        <translation>新能源车免征</translation>
    </message>
    <message>
        <source>NEV relief</source>
        <translation>新能源减免</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Manufacturer hotline</source>
        <translation>厂家热线</translation>
    </message>
    <message>
        <source>Care call</source>
        <translation>关怀回访</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>High</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Urgent (safety, media, legal threat)</source>
        <translation>紧急（涉及安全、媒体、法律威胁）</translation>
    </message>
    <message>
        <source>SMS sent</source>
        <translation>已发短信</translation>
    </message>
    <message>
        <source>Message sent</source>
        <translation>已发信息</translation>
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
        <source>&amp;Workshop settings…</source>
        <translation>车间设置(&amp;W)…</translation>
    </message>
    <message>
        <source>Sa&amp;les settings…</source>
        <translation>销售设置(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Customer-care settings…</source>
        <translation>客户关怀设置(&amp;C)…</translation>
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
        <source>Sync with the hub: open the Sync page for details</source>
        <translation>与总部服务器的同步状态：打开“同步”页面查看详情</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>当前登录：{name}</translation>
    </message>
    <message>
        <source>Open the Sync page to decide them</source>
        <translation>打开“同步”页面处理冲突</translation>
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
        <source>{start} has already passed: choose a time from now on.</source>
        <translation>{start} 已经过去：请选择现在之后的时间。</translation>
    </message>
    <message>
        <source>The workshop is closed on {day}: choose another day.</source>
        <translation>车间 {day} 休息：请选择其他日期。</translation>
    </message>
    <message>
        <source>{start}–{end} is outside opening hours ({open}–{close}): the whole job must fit within them.</source>
        <translation>{start}–{end} 超出营业时间（{open}–{close}）：整个作业必须在营业时间内完成。</translation>
    </message>
    <message>
        <source>The bay is already taken at that time by {other}.</source>
        <translation>该工位在这个时间已被 {other} 占用。</translation>
    </message>
    <message>
        <source>The technician is already working on {other} at that time.</source>
        <translation>该技师在这个时间正在维修 {other}。</translation>
    </message>
    <message>
        <source>{day} is full: {booked} of {capacity} workshop hours are booked and this job needs {hours} more.</source>
        <translation>{day} 已约满：{capacity} 工时中已约 {booked}，此项目还需要 {hours} 工时。</translation>
    </message>
    <message>
        <source>{cap} customers who wait for their car already start at {start}: offer another time or a drop-off.</source>
        <translation>{start} 已有 {cap} 位等待取车的客户：请建议其他时间或送修留车。</translation>
    </message>
    <message>
        <source>This vehicle is already booked on {day} ({other}): open that appointment instead of booking twice.</source>
        <translation>这辆车 {day} 已有预约（{other}）：请打开那个预约，不要重复预约。</translation>
    </message>
    <message>
        <source>Mileage must be between 0 and 2,000,000 km.</source>
        <translation>里程必须在 0 到 2,000,000 公里之间。</translation>
    </message>
    <message>
        <source>The odometer shows {typed} km, less than the {known} km already on file: please read it again.</source>
        <translation>里程表读数 {typed} 公里，低于档案中的 {known} 公里：请重新读取。</translation>
    </message>
    <message>
        <source>Fuel level is between empty (0) and full (8/8).</source>
        <translation>油量在空（0）到满（8/8）之间。</translation>
    </message>
    <message>
        <source>A damage mark lies outside the car diagram.</source>
        <translation>有损伤标记在车辆示意图之外。</translation>
    </message>
    <message>
        <source>Closing time must be after opening time (the marked day).</source>
        <translation>关门时间必须晚于开门时间（见标红的那一天）。</translation>
    </message>
    <message>
        <source>A slot is 10, 15, 20, 30 or 60 minutes.</source>
        <translation>时段长度只能是 10、15、20、30 或 60 分钟。</translation>
    </message>
    <message>
        <source>Efficiency is between 30 % and 100 %.</source>
        <translation>工时效率应在 30% 到 100% 之间。</translation>
    </message>
    <message>
        <source>The waiter cap is between 0 and 20 per slot.</source>
        <translation>每个时段的等待客户上限应在 0 到 20 之间。</translation>
    </message>
    <message>
        <source>The labour rate must be between ¥0 and ¥100,000.</source>
        <translation>工时单价应在 ¥0 到 ¥100,000 之间。</translation>
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
    <message>
        <source>No appointment has the number {number}: give a serial such as 2026-11-20-003 or a repair-order number such as RO20261120-001.</source>
        <translation>没有编号为 {number} 的预约：请输入预约号（如 2026-11-20-003）或工单号（如 RO20261120-001）。</translation>
    </message>
    <message>
        <source>Appointment {serial} has not been checked in yet: check the car in first, then print its check-in sheet.</source>
        <translation>预约 {serial} 尚未接车：请先办理接车，再打印接车检查单。</translation>
    </message>
    <message>
        <source>This booking breaks the workshop rules.</source>
        <translation>此预约不符合车间规则。</translation>
    </message>
    <message>
        <source>An appointment that is &apos;{current}&apos; cannot become &apos;{wanted}&apos;.</source>
        <translation>状态为“{current}”的预约不能变为“{wanted}”。</translation>
    </message>
    <message>
        <source>An override needs a reason, which is recorded.</source>
        <translation>超规则预约需要填写理由，理由将被记录。</translation>
    </message>
    <message>
        <source>Choose at least one job from the catalogue or describe the fault.</source>
        <translation>请至少从目录中选择一个项目，或描述故障。</translation>
    </message>
    <message>
        <source>Choose the customer (or add a new one) so the workshop can reach them.</source>
        <translation>请选择客户（或新建客户），以便车间能联系到客户。</translation>
    </message>
    <message>
        <source>An appointment must end after it starts.</source>
        <translation>预约的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>{name} has no phone number on file: add one to the customer first, so the confirmation call can be made.</source>
        <translation>{name} 没有登记电话：请先为客户添加电话，以便预约前电话确认。</translation>
    </message>
    <message>
        <source>The template file is not valid JSON (line {line}).</source>
        <translation>模板文件不是有效的 JSON（第 {line} 行）。</translation>
    </message>
    <message>
        <source>The template file has no list of items.</source>
        <translation>模板文件中没有检查项目列表。</translation>
    </message>
    <message>
        <source>The template needs a code and a whole version number from 1.</source>
        <translation>模板需要编码和从 1 开始的整数版本号。</translation>
    </message>
    <message>
        <source>Item {number} of the template has no code.</source>
        <translation>模板第 {number} 项没有编码。</translation>
    </message>
    <message>
        <source>The item code {code} appears twice in the template.</source>
        <translation>检查项编码 {code} 在模板中重复出现。</translation>
    </message>
    <message>
        <source>The template item {code} has no text.</source>
        <translation>模板检查项 {code} 没有内容。</translation>
    </message>
    <message>
        <source>PDI item not checked yet: {item}</source>
        <translation>PDI 项目尚未检查：{item}</translation>
    </message>
    <message>
        <source>PDI item failed, re-inspect it first: {item}</source>
        <translation>PDI 项目不合格，请先复检：{item}</translation>
    </message>
    <message>
        <source>The technician has not signed off the PDI.</source>
        <translation>技师尚未签字确认 PDI。</translation>
    </message>
    <message>
        <source>Not handed over yet: {item}</source>
        <translation>尚未交付：{item}</translation>
    </message>
    <message>
        <source>The key count is zero: at least one key must be handed over.</source>
        <translation>钥匙数量为 0：至少需交付一把钥匙。</translation>
    </message>
    <message>
        <source>The VIN on the invoice ({invoice}) does not match the car ({car}).</source>
        <translation>发票上的车架号（{invoice}）与车辆（{car}）不一致。</translation>
    </message>
    <message>
        <source>The engine number on the invoice ({invoice}) does not match the car ({car}).</source>
        <translation>发票上的发动机号（{invoice}）与车辆（{car}）不一致。</translation>
    </message>
    <message>
        <source>Handover explanation topic not covered: {item}</source>
        <translation>用车讲解内容未覆盖：{item}</translation>
    </message>
    <message>
        <source>The handover explanation took {minutes} minutes; at least 30 are required (a manager may accept a shorter one with a reason).</source>
        <translation>用车讲解用时 {minutes} 分钟，至少需要 30 分钟（经理可填写原因后接受较短的讲解）。</translation>
    </message>
    <message>
        <source>The handover explanation has not been timed yet.</source>
        <translation>用车讲解尚未计时。</translation>
    </message>
    <message>
        <source>The car cannot be marked delivered yet: {count} things are missing.</source>
        <translation>暂不能标记为已交车：还缺少 {count} 项。</translation>
    </message>
    <message>
        <source>This car has been delivered: the record is closed. A manager can reopen it with a reason.</source>
        <translation>该车已交车，记录已关闭。经理可填写原因后重新打开。</translation>
    </message>
    <message>
        <source>Version {version} of {code} already exists with other items: give the edited template the next version number.</source>
        <translation>{code} 的第 {version} 版已存在且内容不同：请为修改后的模板使用下一个版本号。</translation>
    </message>
    <message>
        <source>The photo file cannot be read.</source>
        <translation>无法读取该照片文件。</translation>
    </message>
    <message>
        <source>That file is not a photo (JPEG or PNG).</source>
        <translation>该文件不是照片（JPEG 或 PNG）。</translation>
    </message>
    <message>
        <source>The photo is larger than 8 MB: take it at a lower resolution.</source>
        <translation>照片大于 8 MB：请用较低分辨率拍摄。</translation>
    </message>
    <message>
        <source>Only keys and the registration certificate can be held by the lender.</source>
        <translation>只有钥匙和登记证书可以由贷款机构保管。</translation>
    </message>
    <message>
        <source>The key count cannot be negative.</source>
        <translation>钥匙数量不能为负数。</translation>
    </message>
    <message>
        <source>Start the explanation timer first.</source>
        <translation>请先开始讲解计时。</translation>
    </message>
    <message>
        <source>Give the reason for accepting a shorter explanation.</source>
        <translation>请填写接受较短讲解的原因。</translation>
    </message>
    <message>
        <source>Reopening a delivered record needs a reason.</source>
        <translation>重新打开已交车记录需要填写原因。</translation>
    </message>
    <message>
        <source>No delivery record has the number {number}: give a record number such as JC20261120-001.</source>
        <translation>没有编号为 {number} 的交车记录：请输入交车单号（如 JC20261120-001）。</translation>
    </message>
    <message>
        <source>The database has no active manager or delivery specialist to record the export under.</source>
        <translation>数据库中没有在职的经理或交车专员，无法以其名义生成导出文件。</translation>
    </message>
    <message>
        <source>Clause “{clause}” uses {{{name}}}, which is not a known value. Known values: {known}.</source>
        <translation>条款“{clause}”使用了 {{{name}}}，这不是可用的占位符。可用的占位符：{known}。</translation>
    </message>
    <message>
        <source>The buyer&apos;s name is required.</source>
        <translation>请填写买受人姓名。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>A deposit (定金) may be at most {share} % of the price: ¥{limit}. Take the rest as an advance payment.</source>
        <translation>定金最多为车价的 {share}%，即 ¥{limit}。超出部分请作为预付款收取。</translation>
    </message>
    <message>
        <source>Paying by loan needs one of the quote&apos;s finance plans.</source>
        <translation>贷款购车需要选择报价单中的一个贷款方案。</translation>
    </message>
    <message>
        <source>The delivery date {date} is in the past.</source>
        <translation>交车日期 {date} 已经过去。</translation>
    </message>
    <message>
        <source>Say where the car is delivered.</source>
        <translation>请填写交车地点。</translation>
    </message>
    <message>
        <source>The buyer&apos;s ID number is missing or not valid: the signed contract must name the buyer by ID number.</source>
        <translation>买受人身份证号缺失或无效：签署的合同必须写明买受人的身份证号。</translation>
    </message>
    <message>
        <source>The buyer&apos;s address is required before signing.</source>
        <translation>签署前请填写买受人地址。</translation>
    </message>
    <message>
        <source>Contract {number} is signed and cannot be changed. Make an amendment (a new version) or void it with a reason.</source>
        <translation>合同 {number} 已签署，不能修改。请作变更（补充协议，生成新版本），或填写原因将其作废。</translation>
    </message>
    <message>
        <source>Column {column} is empty.</source>
        <translation>{column} 列为空。</translation>
    </message>
    <message>
        <source>Column {column}: “{text}” is not a whole number.</source>
        <translation>{column} 列：“{text}”不是整数。</translation>
    </message>
    <message>
        <source>Column {column}: {value} is outside {low}..{high}.</source>
        <translation>{column} 列：{value} 不在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>Column {column}: “{text}” is not a date (YYYY-MM-DD).</source>
        <translation>{column} 列：“{text}”不是有效日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Column {column}: “{text}” is not an amount.</source>
        <translation>{column} 列：“{text}”不是有效金额。</translation>
    </message>
    <message>
        <source>Column {column}: “{text}” is negative or not an amount.</source>
        <translation>{column} 列：“{text}”为负数或不是有效金额。</translation>
    </message>
    <message>
        <source>¥{amount} is not a plausible amount here (the limit is ¥{limit}).</source>
        <translation>¥{amount} 在此处不是合理的金额（上限为 ¥{limit}）。</translation>
    </message>
    <message>
        <source>Unknown kind “{text}” (expected one of {known}).</source>
        <translation>未知类别“{text}”（应为以下之一：{known}）。</translation>
    </message>
    <message>
        <source>The code is empty or longer than 40 characters.</source>
        <translation>编码为空或超过 40 个字符。</translation>
    </message>
    <message>
        <source>Column {column}: “{text}” must be a fraction between 0 and 0.2.</source>
        <translation>{column} 列：“{text}”必须是 0 到 0.2 之间的小数。</translation>
    </message>
    <message>
        <source>The promotion ends before it starts.</source>
        <translation>促销的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A model needs a guide price above zero.</source>
        <translation>车型的厂商指导价必须大于零。</translation>
    </message>
    <message>
        <source>Unknown fuel type “{text}” (expected one of {known}).</source>
        <translation>未知燃料类型“{text}”（应为以下之一：{known}）。</translation>
    </message>
    <message>
        <source>A petrol or diesel model needs its engine size (engine_cc).</source>
        <translation>汽油或柴油车型需要填写排量（engine_cc）。</translation>
    </message>
    <message>
        <source>A promotion needs valid_from and valid_to (published dates).</source>
        <translation>促销需要填写 valid_from 和 valid_to（公布的起止日期）。</translation>
    </message>
    <message>
        <source>The price list is not a text file (UTF-8 or GB18030 CSV).</source>
        <translation>价格表不是文本文件（应为 UTF-8 或 GB18030 编码的 CSV）。</translation>
    </message>
    <message>
        <source>The price list has no column {column}. The first line must name the columns: {columns}.</source>
        <translation>价格表缺少 {column} 列。第一行必须是列名：{columns}。</translation>
    </message>
    <message>
        <source>The code {code} appears twice (first on line {first}).</source>
        <translation>编码 {code} 重复出现（首次出现在第 {first} 行）。</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money.</source>
        <translation>“{text}”不是有效的金额。</translation>
    </message>
    <message>
        <source>The discounts (¥{discount}) are more than the price of the car (¥{price}).</source>
        <translation>优惠合计（¥{discount}）超过了车价（¥{price}）。</translation>
    </message>
    <message>
        <source>A car has between 1 and 60 seats.</source>
        <translation>座位数应在 1 到 60 之间。</translation>
    </message>
    <message>
        <source>A quote shows at most {count} finance plans.</source>
        <translation>一份报价单最多列出 {count} 个贷款方案。</translation>
    </message>
    <message>
        <source>Choose one of the finance plans on the quote.</source>
        <translation>请选择报价单中的一个贷款方案。</translation>
    </message>
    <message>
        <source>Plan {plan}: a new-car loan runs 12, 24, 36, 48 or 60 months, not {months}.</source>
        <translation>方案 {plan}：新车贷款期数为 12、24、36、48 或 60 期，不能是 {months} 期。</translation>
    </message>
    <message>
        <source>Plan {plan}: the interest rate must be between 0 % and {limit} %.</source>
        <translation>方案 {plan}：年利率必须在 0% 到 {limit}% 之间。</translation>
    </message>
    <message>
        <source>Plan {plan}: the down payment must be at least ¥{minimum} ({share} % of the selling price).</source>
        <translation>方案 {plan}：首付不能低于 ¥{minimum}（车辆成交价的 {share}%）。</translation>
    </message>
    <message>
        <source>Plan {plan}: the down payment is more than the selling price (¥{price}).</source>
        <translation>方案 {plan}：首付超过了车辆成交价（¥{price}）。</translation>
    </message>
    <message>
        <source>Plan {plan}: the fee must be between ¥0 and ¥{limit}.</source>
        <translation>方案 {plan}：金融服务费应在 ¥0 到 ¥{limit} 之间。</translation>
    </message>
    <message>
        <source>The additional discount of ¥{discount} is above your limit of ¥{cap}: a manager must approve it before the quote can be saved as sent or accepted.</source>
        <translation>额外优惠 ¥{discount} 超出您的优惠限额 ¥{cap}：须经经理审批后，报价单才能保存为已发送或已接受。</translation>
    </message>
    <message>
        <source>{count} calls have been tried: send the reminder message and record the task as unreachable instead of calling a fourth time.</source>
        <translation>已拨打 {count} 次：请发送提醒信息并将任务记为无法联系，不要再拨打第四次。</translation>
    </message>
    <message>
        <source>A call in the {part} was already tried: the three attempts must be at different times of day (morning, afternoon, evening).</source>
        <translation>{part}已拨打过：三次拨打必须分别在不同时段（上午、下午、晚上）。</translation>
    </message>
    <message>
        <source>Choose how satisfied the customer is (5 levels).</source>
        <translation>请选择客户的满意度（共 5 级）。</translation>
    </message>
    <message>
        <source>Tick what the customer was not satisfied with (one or more).</source>
        <translation>请勾选客户不满意的方面（可多选）。</translation>
    </message>
    <message>
        <source>Write down the complaint in the customer&apos;s words.</source>
        <translation>请用客户的原话记录投诉内容。</translation>
    </message>
    <message>
        <source>A mileage of {km} km is not plausible.</source>
        <translation>行驶里程 {km} 公里不合理。</translation>
    </message>
    <message>
        <source>There is no data for {month} yet: no visits, appointments, callbacks or deliveries fall in that month. Choose another month.</source>
        <translation>{month} 还没有数据：该月没有进厂、预约、回访或交车记录。请选择其他月份。</translation>
    </message>
    <message>
        <source>“{text}” is not a month: write it as YYYY-MM.</source>
        <translation>“{text}”不是有效的月份：请按 YYYY-MM 格式填写。</translation>
    </message>
    <message>
        <source>This value must be between {low} and {high}.</source>
        <translation>此数值必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The lost-customer window must end after it starts.</source>
        <translation>流失客户的天数上限必须大于下限。</translation>
    </message>
    <message>
        <source>The satisfaction call must expire after the day it opens.</source>
        <translation>满意度回访的过期日必须晚于开始日。</translation>
    </message>
    <message>
        <source>Callback days are whole days after delivery, ascending, e.g. 1, 3, 7, 30, 90.</source>
        <translation>回访天数为交车后的整天数，按从小到大排列，例如 1, 3, 7, 30, 90。</translation>
    </message>
    <message>
        <source>Give the reason for voiding the contract.</source>
        <translation>请填写作废合同的原因。</translation>
    </message>
    <message>
        <source>Only the current signed version of contract {number} can be amended.</source>
        <translation>只能对合同 {number} 当前已签署的版本作变更。</translation>
    </message>
    <message>
        <source>The car {vin} is already sold on contract {number}: choose another car or void that contract first.</source>
        <translation>车辆 {vin} 已在合同 {number} 中售出：请选择其他车辆，或先作废该合同。</translation>
    </message>
    <message>
        <source>No quote has the number {number}: give a quote number such as BJ20261120-EN49-001.</source>
        <translation>没有编号为 {number} 的报价单：请输入报价单号（如 BJ20261120-EN49-001）。</translation>
    </message>
    <message>
        <source>Quote {number} has no version {version}: `list quotes` shows the versions there are.</source>
        <translation>报价单 {number} 没有第 {version} 版：可用 `list quotes` 查看现有版本。</translation>
    </message>
    <message>
        <source>No contract has the number {number}: give a contract number such as HT20261120-EN49-001.</source>
        <translation>没有编号为 {number} 的合同：请输入合同编号（如 HT20261120-EN49-001）。</translation>
    </message>
    <message>
        <source>Contract {number} has no version {version}: `list contracts` shows the versions there are.</source>
        <translation>合同 {number} 没有第 {version} 版：可用 `list contracts` 查看现有版本。</translation>
    </message>
    <message>
        <source>The database has no active manager or administrator to record the price-list import under.</source>
        <translation>数据库中没有在职的经理或管理员，无法以其名义记录价格表导入。</translation>
    </message>
    <message>
        <source>Quote {number} is {status} and can no longer be changed. Revise it to make a new version.</source>
        <translation>报价单 {number} 状态为“{status}”，不能再修改。请修订以生成新版本。</translation>
    </message>
    <message>
        <source>Quote {number} expired on {date}: revise it to check today&apos;s prices before the customer accepts.</source>
        <translation>报价单 {number} 已于 {date} 过期：请先修订，按当日价格重新核对后再由客户接受。</translation>
    </message>
    <message>
        <source>This is an older version of quote {number}; version {version} is the current one. Older versions stay readable but cannot be changed.</source>
        <translation>这是报价单 {number} 的旧版本；当前版本为第 {version} 版。旧版本只能查看，不能修改。</translation>
    </message>
    <message>
        <source>The approval was not given: the user name or password is wrong, or the account may not approve discounts.</source>
        <translation>审批未通过：用户名或密码错误，或该账号无权审批优惠。</translation>
    </message>
    <message>
        <source>Choose the customer the quote is for (search or add a customer).</source>
        <translation>请选择报价单对应的客户（搜索或新建客户）。</translation>
    </message>
    <message>
        <source>The price list {file} could not be read ({reason}). Close it in other programs (e.g. Excel) or copy it to this PC, then import again.</source>
        <translation>无法读取价格表 {file}（{reason}）。请在其他程序（如 Excel）中关闭该文件，或将其复制到本机，然后重新导入。</translation>
    </message>
    <message>
        <source>The model code {code} is neither in this file nor in the price list.</source>
        <translation>车型编码 {code} 既不在此文件中，也不在价格表中。</translation>
    </message>
    <message>
        <source>Say why the customer did not buy (price, another brand, ...).</source>
        <translation>请填写客户未购车（战败）的原因（价格、选择其他品牌等）。</translation>
    </message>
    <message>
        <source>“{text}” is not an interest rate: type the yearly rate, e.g. 3.99.</source>
        <translation>“{text}”不是有效的利率：请输入年利率，例如 3.99。</translation>
    </message>
    <message>
        <source>“{text}” is not a number of months.</source>
        <translation>“{text}”不是有效的期数。</translation>
    </message>
    <message>
        <source>This task is already {status}: nothing more to record on it.</source>
        <translation>此任务的状态已是“{status}”：无需再记录。</translation>
    </message>
    <message>
        <source>Give the reason the customer asked not to be contacted.</source>
        <translation>请填写客户要求勿扰的原因。</translation>
    </message>
    <message>
        <source>Call {count} times at different times of day before sending the message instead.</source>
        <translation>请先在不同时段拨打 {count} 次，仍未接通再发送信息。</translation>
    </message>
    <message>
        <source>A task is recorded as unreachable only after {count} calls at different times of day.</source>
        <translation>须在不同时段拨打 {count} 次后，才能将任务记为无法联系。</translation>
    </message>
    <message>
        <source>Send the reminder message first, then record the failure.</source>
        <translation>请先发送提醒信息，再记录联系失败。</translation>
    </message>
    <message>
        <source>A complaint callback is always made: the customer asked.</source>
        <translation>投诉回访必须进行：这是客户的要求。</translation>
    </message>
    <message>
        <source>Write what the customer was told.</source>
        <translation>请填写向客户作出的答复。</translation>
    </message>
    <message>
        <source>Say why the complaint is escalated.</source>
        <translation>请填写升级投诉的原因。</translation>
    </message>
    <message>
        <source>Resolve the complaint before closing it.</source>
        <translation>请先解决投诉，再关闭。</translation>
    </message>
    <message>
        <source>Write the hub&apos;s address with http:// or https:// in front.</source>
        <translation>总部服务器地址须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Paste the token the hub gave for this PC.</source>
        <translation>请粘贴总部服务器为本机生成的令牌。</translation>
    </message>
    <message>
        <source>This conflict is already decided.</source>
        <translation>该冲突已处理。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Alt+{n}</source>
        <translation>Alt+{n}</translation>
    </message>
    <message>
        <source>— not asked</source>
        <translation>— 未询问</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Calls so far: {n}</source>
        <translation>已拨打：{n} 次</translation>
    </message>
    <message>
        <source>No calls yet.</source>
        <translation>尚未拨打。</translation>
    </message>
    <message>
        <source>Call outcome — {kind}: {name}</source>
        <translation>回访结果 — {kind}：{name}</translation>
    </message>
    <message>
        <source>due {day}</source>
        <translation>须于 {day} 前完成</translation>
    </message>
    <message>
        <source>overdue by {n} days</source>
        <translation>已逾期 {n} 天</translation>
    </message>
    <message>
        <source>assigned to {name}</source>
        <translation>已分配给 {name}</translation>
    </message>
    <message>
        <source>Not about this: {what}</source>
        <translation>仅此类不再联系：{what}</translation>
    </message>
    <message>
        <source>A complaint callback is always made</source>
        <translation>投诉回访必须进行</translation>
    </message>
    <message>
        <source>Satisfaction (required)</source>
        <translation>满意度（必填）</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Dear {name}, this is {site}. Your car {car} is due for its first maintenance by {due}. Please call {phone} to book a time that suits you.</source>
        <translation>尊敬的{name}，您好！这里是{site}。您的爱车 {car} 需在 {due} 前完成首次保养，请致电 {phone} 预约您方便的时间。</translation>
    </message>
    <message>
        <source>Dear {name}, this is {site}. We tried to call you about: {topic} ({car}). Please call us back at {phone} when convenient.</source>
        <translation>尊敬的{name}，您好！这里是{site}。我们曾就“{topic}”（{car}）致电您，未能接通。方便时请回电 {phone}，谢谢！</translation>
    </message>
    <message>
        <source>Save and close the task</source>
        <translation>保存并完成任务</translation>
    </message>
    <message>
        <source>Record the attempt</source>
        <translation>记录本次拨打</translation>
    </message>
    <message>
        <source>Record do-not-contact</source>
        <translation>记录勿扰</translation>
    </message>
    <message>
        <source>{n} calls have been tried ({tried}): send the message below, then record the task as unreachable.</source>
        <translation>已拨打 {n} 次（{tried}）：请发送下方信息，然后将任务记为无法联系。</translation>
    </message>
    <message>
        <source>This is call {k} of {n} ({part}). The rule: {n} calls at different times of day within {days} days, then a message.</source>
        <translation>这是第 {k} 次拨打（共 {n} 次，{part}）。规则：{days} 天内在不同时段拨打 {n} 次，仍未接通则发送信息。</translation>
    </message>
    <message>
        <source>Tried so far: {tried}.</source>
        <translation>已拨打：{tried}。</translation>
    </message>
    <message>
        <source>Send this SMS to {phone}:</source>
        <translation>请将以下短信发送至 {phone}：</translation>
    </message>
    <message>
        <source>Send this message to {phone} (WeChat or SMS):</source>
        <translation>请将以下信息发送至 {phone}（微信或短信）：</translation>
    </message>
    <message>
        <source>&amp;Send SMS</source>
        <translation>发送短信(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Send message</source>
        <translation>发送信息(&amp;S)</translation>
    </message>
    <message>
        <source>✔ sent {when}</source>
        <translation>✔ 已于 {when} 发送</translation>
    </message>
    <message>
        <source>“{text}” is not a mileage: type the kilometres as a number.</source>
        <translation>“{text}”不是有效的里程：请以数字输入公里数。</translation>
    </message>
    <message>
        <source>Reached {name}: {level}.</source>
        <translation>已联系上 {name}：{level}。</translation>
    </message>
    <message>
        <source>Reached {name}.</source>
        <translation>已联系上 {name}。</translation>
    </message>
    <message>
        <source>Wrong number for {name}: the task is closed. Correct the number in the customer&apos;s file.</source>
        <translation>{name} 的号码错误：任务已关闭。请在客户档案中更正号码。</translation>
    </message>
    <message>
        <source>Not reached ({reason}): call {n} of {max} recorded.</source>
        <translation>未接通（{reason}）：已记录第 {n} 次拨打（共 {max} 次）。</translation>
    </message>
    <message>
        <source>Write the message to send.</source>
        <translation>请填写要发送的信息。</translation>
    </message>
    <message>
        <source>{name} recorded as unreachable ({reason}).</source>
        <translation>{name} 已记为无法联系（{reason}）。</translation>
    </message>
    <message>
        <source>Do-not-contact recorded for {name}: {n} open tasks cancelled.</source>
        <translation>已为 {name} 记录勿扰：已取消 {n} 个待处理任务。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Call outcome</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>Calls so far:</source>
        <translation>已拨打：</translation>
    </message>
    <message>
        <source>&amp;Reached</source>
        <translation>接通(&amp;R)</translation>
    </message>
    <message>
        <source>The customer answered (Alt+R)</source>
        <translation>客户已接听（Alt+R）</translation>
    </message>
    <message>
        <source>&amp;Not reached</source>
        <translation>未接通(&amp;N)</translation>
    </message>
    <message>
        <source>No answer, busy, switched off, wrong number, refused (Alt+N)</source>
        <translation>无人接听、占线、关机、号码错误、拒绝沟通（Alt+N）</translation>
    </message>
    <message>
        <source>&amp;Do not contact</source>
        <translation>勿扰（不再联系）(&amp;D)</translation>
    </message>
    <message>
        <source>The customer asks not to be called about this, or at all (Alt+D)</source>
        <translation>客户要求不再就此事联系，或完全不再联系（Alt+D）</translation>
    </message>
    <message>
        <source>What the customer was not satisfied with (tick all that apply)</source>
        <translation>不满意项（可多选）</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>服务类型(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Mileage reported:</source>
        <translation>行驶里程(&amp;M)：</translation>
    </message>
    <message>
        <source>km on the clock, as the customer says</source>
        <translation>客户所报的仪表里程（公里）</translation>
    </message>
    <message>
        <source>&amp;Book an appointment now (the booking opens after saving)</source>
        <translation>立即预约（保存后打开预约窗口）(&amp;B)</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <source>What the customer said (a complaint in the customer&apos;s words)</source>
        <translation>客户的反馈（如有投诉，请记录客户原话）</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>原因(&amp;A)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>After the calls: the message, then the failure record</source>
        <translation>拨打未果后：先发送信息，再记录联系失败</translation>
    </message>
    <message>
        <source>&amp;Failure reason:</source>
        <translation>失败原因(&amp;F)：</translation>
    </message>
    <message>
        <source>Not&amp;e:</source>
        <translation>备注(&amp;E)：</translation>
    </message>
    <message>
        <source>Record as &amp;unreachable</source>
        <translation>记为无法联系(&amp;U)</translation>
    </message>
    <message>
        <source>The customer asks not to be contacted. Their open tasks of that kind are cancelled and no new ones are made.</source>
        <translation>客户要求不再联系。该类待处理任务将被取消，今后也不再生成。</translation>
    </message>
    <message>
        <source>Not at all: no calls or messages of any kind</source>
        <translation>全部不再联系：不接受任何电话或信息</translation>
    </message>
    <message>
        <source>Reason (&amp;required):</source>
        <translation>原因（必填）(&amp;R)：</translation>
    </message>
    <message>
        <source>In the customer&apos;s words, e.g. sold the car, services elsewhere</source>
        <translation>客户原话，例如：车已卖掉、在别处保养</translation>
    </message>
</context>
<context>
    <name>PdiModel</name>
    <message>
        <source>Exterior</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Interior</source>
        <translation>内饰</translation>
    </message>
    <message>
        <source>Under the hood</source>
        <translation>机舱</translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation>电气</translation>
    </message>
    <message>
        <source>Chassis</source>
        <translation>底盘</translation>
    </message>
    <message>
        <source>Transport mode</source>
        <translation>运输模式</translation>
    </message>
    <message>
        <source>VIN and recalls</source>
        <translation>车架号与召回</translation>
    </message>
    <message>
        <source>Road test</source>
        <translation>路试</translation>
    </message>
    <message>
        <source>New-energy vehicle</source>
        <translation>新能源</translation>
    </message>
    <message>
        <source>(re-inspected)</source>
        <translation>（复检）</translation>
    </message>
    <message>
        <source>Tick (or press X) to leave this item out of “All pass”.</source>
        <translation>勾选（或按 X）使此项不参与“全部合格”。</translation>
    </message>
    <message>
        <source>{section}  ·  {done}/{n} checked</source>
        <translation>{section}  ·  已检 {done}/{n}</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} 项不合格</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>PlanColumn</name>
    <message>
        <source>Remove this plan from the quote</source>
        <translation>从报价单中移除此方案</translation>
    </message>
    <message>
        <source>bank or finance company</source>
        <translation>银行或汽车金融公司</translation>
    </message>
    <message>
        <source>Plan {n}</source>
        <translation>方案 {n}</translation>
    </message>
    <message>
        <source>The last instalment is {amount}: it settles the rounding.</source>
        <translation>最后一期月供为 {amount}，用于结清分期计算产生的尾差。</translation>
    </message>
</context>
<context>
    <name>PlanDeliveryDialog</name>
    <message>
        <source>Plan a delivery</source>
        <translation>安排交车</translation>
    </message>
    <message>
        <source>Name, mobile, plate or VIN</source>
        <translation>姓名、手机、车牌或车架号</translation>
    </message>
    <message>
        <source>Choose the customer first</source>
        <translation>请先选择客户</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Vehicle:</source>
        <translation>车辆(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>日期时间(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Sales consultant:</source>
        <translation>销售顾问(&amp;S)：</translation>
    </message>
    <message>
        <source>Delivery s&amp;pecialist:</source>
        <translation>交车专员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remarks:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>安排</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name}（本人）</translation>
    </message>
    <message>
        <source>Not assigned yet</source>
        <translation>暂不指定</translation>
    </message>
    <message>
        <source>No customer matches.</source>
        <translation>没有匹配的客户。</translation>
    </message>
    <message>
        <source>no plate</source>
        <translation>无车牌</translation>
    </message>
</context>
<context>
    <name>PriceListReportDialog</name>
    <message>
        <source>Price list imported</source>
        <translation>价格表已导入</translation>
    </message>
    <message>
        <source>{file}: {added} added, {updated} updated, {rejected} rejected.</source>
        <translation>{file}：新增 {added} 条，更新 {updated} 条，未导入 {rejected} 条。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Why the row was rejected</source>
        <translation>未导入原因</translation>
    </message>
    <message>
        <source>The other rows were saved. Correct the rejected rows in the file and import it again: rows already saved are only updated.</source>
        <translation>其他行已保存。请在文件中更正未导入的行后重新导入：已保存的行只会更新，不会重复添加。</translation>
    </message>
</context>
<context>
    <name>QuoteBuilder</name>
    <message>
        <source>The price list has no models yet: a manager imports head office&apos;s price list first (Quotes &amp; Contracts → Import price list).</source>
        <translation>价格表中还没有车型：请经理先导入总部的价格表（报价与合同 → 导入价格表）。</translation>
    </message>
    <message>
        <source>(NEV)</source>
        <translation>（新能源）</translation>
    </message>
    <message>
        <source>New quote</source>
        <translation>新建报价单</translation>
    </message>
    <message>
        <source>Valid {days} days once saved</source>
        <translation>保存后 {days} 天内有效</translation>
    </message>
    <message>
        <source>Consultant: {name}</source>
        <translation>销售顾问：{name}</translation>
    </message>
    <message>
        <source>Quote {number}</source>
        <translation>报价单 {number}</translation>
    </message>
    <message>
        <source>older version, read-only</source>
        <translation>旧版本，只读</translation>
    </message>
    <message>
        <source>Expired on {date}</source>
        <translation>已于 {date} 过期</translation>
    </message>
    <message>
        <source>Quoted {day} · valid until {date}</source>
        <translation>报价日期 {day} · 有效期至 {date}</translation>
    </message>
    <message>
        <source>v{version} · {date} · {status}</source>
        <translation>v{version} · {date} · {status}</translation>
    </message>
    <message>
        <source>No promotion</source>
        <translation>不参加促销</translation>
    </message>
    <message>
        <source>Compulsory traffic insurance (交强险), ¥{amount}</source>
        <translation>交强险 ¥{amount}</translation>
    </message>
    <message>
        <source>Not allocated yet (factory order)</source>
        <translation>暂未配车（向厂家订车）</translation>
    </message>
    <message>
        <source>A quote shows at most {n} plans.</source>
        <translation>一份报价单最多列出 {n} 个方案。</translation>
    </message>
    <message>
        <source>A plan with the minimum down payment, to edit</source>
        <translation>添加一个按最低首付计算的方案，可再修改</translation>
    </message>
    <message>
        <source>Paying in full. Add up to {n} finance plans to compare.</source>
        <translation>全款购车。最多可添加 {n} 个贷款方案进行对比。</translation>
    </message>
    <message>
        <source>No finance plans on this quote.</source>
        <translation>此报价单没有贷款方案。</translation>
    </message>
    <message>
        <source>No customer matches.</source>
        <translation>没有匹配的客户。</translation>
    </message>
    <message>
        <source>No customer chosen yet</source>
        <translation>尚未选择客户</translation>
    </message>
    <message>
        <source>No car in stock matches.</source>
        <translation>没有匹配的库存车辆。</translation>
    </message>
    <message>
        <source>{n} cars match: type more.</source>
        <translation>匹配到 {n} 台车：请继续输入。</translation>
    </message>
    <message>
        <source>✔ {vin}</source>
        <translation>✔ {vin}</translation>
    </message>
    <message>
        <source>consultants&apos; limit: ¥{cap}; you may approve</source>
        <translation>销售顾问限额：¥{cap}；您可审批</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>无限额</translation>
    </message>
    <message>
        <source>your limit: ¥{cap}</source>
        <translation>您的限额：¥{cap}</translation>
    </message>
    <message>
        <source>✔ Approved by {name}</source>
        <translation>✔ 已由 {name} 批准</translation>
    </message>
    <message>
        <source>Above the consultants&apos; limit of ¥{cap}: saving records you as the approver.</source>
        <translation>超出销售顾问优惠限额 ¥{cap}：保存时将记录您为审批人。</translation>
    </message>
    <message>
        <source>Above your limit of ¥{cap}: a manager must approve ¥{discount} before the quote is sent.</source>
        <translation>超出您的优惠限额 ¥{cap}：发送报价单前，须由经理审批这笔 ¥{discount} 的优惠。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Additional discount</source>
        <translation>额外优惠</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>厂家促销</translation>
    </message>
    <message>
        <source>Trade-in valuation</source>
        <translation>置换车辆评估价</translation>
    </message>
    <message>
        <source>Trade-in subsidy</source>
        <translation>置换补贴</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选装</translation>
    </message>
    <message>
        <source>Accessories</source>
        <translation>精品</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <source>Finance plans</source>
        <translation>贷款方案</translation>
    </message>
    <message>
        <source>Model and trim</source>
        <translation>车型配置</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <source>The changes to this quote are not saved. Discard them?</source>
        <translation>对此报价单的修改尚未保存。要放弃修改吗？</translation>
    </message>
    <message>
        <source>Quote {number} saved.</source>
        <translation>报价单 {number} 已保存。</translation>
    </message>
    <message>
        <source>Quote {number} marked sent.</source>
        <translation>报价单 {number} 已标记为“已发送”。</translation>
    </message>
    <message>
        <source>Choose the customer first: the quote is saved with it.</source>
        <translation>请先选择客户：报价单需与客户一起保存。</translation>
    </message>
    <message>
        <source>Discount of ¥{amount} approved by {name}.</source>
        <translation>{name} 已批准 ¥{amount} 的优惠。</translation>
    </message>
    <message>
        <source>Version {version} of {number} is open to edit.</source>
        <translation>{number} 的第 {version} 版已打开，可以编辑。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing quotes is not available in this version.</source>
        <translation>此版本尚不能打印报价单。</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Older versions open read-only</source>
        <translation>旧版本以只读方式打开</translation>
    </message>
    <message>
        <source>Search: name, mobile, plate or VIN</source>
        <translation>搜索：姓名、手机、车牌或车架号</translation>
    </message>
    <message>
        <source>New c&amp;ustomer…</source>
        <translation>新建客户(&amp;U)…</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>&amp;Model and trim:</source>
        <translation>车型配置(&amp;M)：</translation>
    </message>
    <message>
        <source>Find in stock by &amp;VIN:</source>
        <translation>按车架号查库存(&amp;V)：</translation>
    </message>
    <message>
        <source>last 6 or 8 characters</source>
        <translation>后 6 位或后 8 位</translation>
    </message>
    <message>
        <source>Car in s&amp;tock:</source>
        <translation>库存车辆(&amp;T)：</translation>
    </message>
    <message>
        <source>Co&amp;lour:</source>
        <translation>颜色(&amp;L)：</translation>
    </message>
    <message>
        <source>Options and accessories</source>
        <translation>选装与精品</translation>
    </message>
    <message>
        <source>Factory options (选装)</source>
        <translation>原厂选装</translation>
    </message>
    <message>
        <source>Accessories (精品)</source>
        <translation>精品</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>&amp;Promotion:</source>
        <translation>厂家促销(&amp;P)：</translation>
    </message>
    <message>
        <source>A&amp;dditional discount (¥):</source>
        <translation>额外优惠（元）(&amp;D)：</translation>
    </message>
    <message>
        <source>Appro&amp;ve…</source>
        <translation>审批(&amp;V)…</translation>
    </message>
    <message>
        <source>A manager approves the discount (their name and password at this PC, or signed in)</source>
        <translation>由经理审批优惠（在本机输入经理的用户名和密码，或经理本人已登录）</translation>
    </message>
    <message>
        <source>Trade-in (置换)</source>
        <translation>置换</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;old car:</source>
        <translation>客户旧车(&amp;O)：</translation>
    </message>
    <message>
        <source>model, year, plate</source>
        <translation>车型、年份、车牌</translation>
    </message>
    <message>
        <source>Valuation (¥):</source>
        <translation>评估价（元）：</translation>
    </message>
    <message>
        <source>Trade-in subsidy (¥):</source>
        <translation>置换补贴（元）：</translation>
    </message>
    <message>
        <source>Insurance (first year)</source>
        <translation>保险（首年）</translation>
    </message>
    <message>
        <source>Compulsory traffic insurance (交强险)</source>
        <translation>交强险</translation>
    </message>
    <message>
        <source>Purchase-cost breakdown (购车费用明细)</source>
        <translation>购车费用明细</translation>
    </message>
    <message>
        <source>Total on-road price (落地价)</source>
        <translation>落地价</translation>
    </message>
    <message>
        <source>Finance comparison (贷款方案)</source>
        <translation>贷款方案对比</translation>
    </message>
    <message>
        <source>Add a finance &amp;plan</source>
        <translation>添加贷款方案(&amp;P)</translation>
    </message>
    <message>
        <source>Lender</source>
        <translation>贷款机构</translation>
    </message>
    <message>
        <source>Down payment (¥)</source>
        <translation>首付（元）</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>期数（月）</translation>
    </message>
    <message>
        <source>Interest rate (% a year)</source>
        <translation>年利率（%）</translation>
    </message>
    <message>
        <source>Finance service fee (¥)</source>
        <translation>金融服务费（元）</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>贷款金额</translation>
    </message>
    <message>
        <source>Monthly payment</source>
        <translation>月供</translation>
    </message>
    <message>
        <source>Total interest</source>
        <translation>总利息</translation>
    </message>
    <message>
        <source>Due at purchase</source>
        <translation>购车时应付</translation>
    </message>
    <message>
        <source>Total cost of the car</source>
        <translation>购车总成本</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Mark s&amp;ent</source>
        <translation>标记为已发送(&amp;E)</translation>
    </message>
    <message>
        <source>The customer has the quote: later changes make a new version</source>
        <translation>客户已拿到报价单：之后的修改将生成新版本</translation>
    </message>
    <message>
        <source>P&amp;rint</source>
        <translation>打印(&amp;R)</translation>
    </message>
    <message>
        <source>Rev&amp;ise</source>
        <translation>修订(&amp;I)</translation>
    </message>
    <message>
        <source>Make a new version with today&apos;s prices; this one stays readable</source>
        <translation>按当日价格生成新版本；本版本仍可查看</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QuoteListModel</name>
    <message>
        <source>Number</source>
        <translation>报价单号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>落地价</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>销售顾问</translation>
    </message>
</context>
<context>
    <name>QuotesView</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Open (draft or sent)</source>
        <translation>进行中（草稿或已发送）</translation>
    </message>
    <message>
        <source>{n} quotes</source>
        <translation>共 {n} 份报价单</translation>
    </message>
    <message>
        <source>{n} contracts</source>
        <translation>共 {n} 份合同</translation>
    </message>
    <message>
        <source>Revise</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Version {version} of {number} is open to edit.</source>
        <translation>{number} 的第 {version} 版已打开，可以编辑。</translation>
    </message>
    <message>
        <source>Mark lost</source>
        <translation>标记为流失（战败）</translation>
    </message>
    <message>
        <source>Why did {customer} not buy? (price, another brand, …)</source>
        <translation>{customer} 为什么没有购车？（价格、选择其他品牌…）</translation>
    </message>
    <message>
        <source>Quote {number} marked lost.</source>
        <translation>报价单 {number} 已标记为流失。</translation>
    </message>
    <message>
        <source>Accept quote {number}</source>
        <translation>接受报价单 {number}</translation>
    </message>
    <message>
        <source>{customer} accepts quote {number} (v{version}, {total}) and pays in full. Draft the purchase contract?</source>
        <translation>{customer} 接受报价单 {number}（v{version}，{total}），全款购车。现在生成购车合同草稿吗？</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>未接受</translation>
    </message>
    <message>
        <source>Contract {number} drafted from quote {quote}.</source>
        <translation>已根据报价单 {quote} 生成合同草稿 {number}。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing quotes is not available in this version.</source>
        <translation>此版本尚不能打印报价单。</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
    <message>
        <source>Import price list</source>
        <translation>导入价格表</translation>
    </message>
    <message>
        <source>Price lists (*.csv);;All files (*)</source>
        <translation>价格表 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Price list not imported</source>
        <translation>价格表未导入</translation>
    </message>
    <message>
        <source>The file {path} could not be read ({reason}). Close it in other programs (Excel keeps it locked) and try again.</source>
        <translation>无法读取文件 {path}（{reason}）。请在其他程序中关闭该文件（Excel 打开文件时会将其锁定）后重试。</translation>
    </message>
    <message>
        <source>Price list: {added} added, {updated} updated, {rejected} rejected.</source>
        <translation>价格表：新增 {added} 条，更新 {updated} 条，未导入 {rejected} 条。</translation>
    </message>
    <message>
        <source>Printing contracts is not available in this version.</source>
        <translation>此版本尚不能打印合同。</translation>
    </message>
    <message>
        <source>Quotes &amp; Contracts</source>
        <translation>报价与合同</translation>
    </message>
    <message>
        <source>&amp;Quotes</source>
        <translation>报价单(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New quote…</source>
        <translation>新建报价单(&amp;N)…</translation>
    </message>
    <message>
        <source>Build a new itemised quote for a customer</source>
        <translation>为客户制作新的分项报价单</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Revise</source>
        <translation>修订(&amp;R)</translation>
    </message>
    <message>
        <source>Make a new version of the selected quote with today&apos;s prices; the old version stays readable</source>
        <translation>按当日价格为所选报价单生成新版本；旧版本仍可查看</translation>
    </message>
    <message>
        <source>Mark &amp;lost…</source>
        <translation>标记流失(&amp;L)…</translation>
    </message>
    <message>
        <source>The customer did not buy: record why</source>
        <translation>客户未购车（战败）：记录原因</translation>
    </message>
    <message>
        <source>&amp;Accept → contract…</source>
        <translation>接受 → 生成合同(&amp;A)…</translation>
    </message>
    <message>
        <source>The customer accepts the quote: draft the purchase contract from it</source>
        <translation>客户接受报价：据此生成购车合同草稿</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>The quote (报价单) on A4 with every line explained</source>
        <translation>报价单（A4，逐项说明）</translation>
    </message>
    <message>
        <source>&amp;Import price list…</source>
        <translation>导入价格表(&amp;I)…</translation>
    </message>
    <message>
        <source>Read head office&apos;s price list (CSV): models, options, accessories, insurance, fees, promotions</source>
        <translation>读取总部价格表（CSV）：车型、选装、精品、保险、费用、促销</translation>
    </message>
    <message>
        <source>Number, customer, phone or model</source>
        <translation>报价单号、客户、电话或车型</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Mine only</source>
        <translation>只看我的(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Contracts</source>
        <translation>合同(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print contract set</source>
        <translation>打印全套合同(&amp;P)</translation>
    </message>
    <message>
        <source>The contract with the insurance confirmation and the purchase-tax application</source>
        <translation>购车合同，以及保险确认单和购置税申请表</translation>
    </message>
    <message>
        <source>Number, buyer, phone, VIN or model</source>
        <translation>合同编号、买受人、电话、车架号或车型</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <source>Mine onl&amp;y</source>
        <translation>只看我的(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>ReceptionDisplay</name>
    <message>
        <source>Service status</source>
        <translation>维修进度</translation>
    </message>
    <message>
        <source>Today&apos;s cars in our service centre</source>
        <translation>今日在店车辆维修进度</translation>
    </message>
    <message>
        <source>Your car is not on the list, or a question? Please ask at the service desk.</source>
        <translation>如未找到您的车辆或有任何疑问，请咨询服务前台。</translation>
    </message>
    <message>
        <source>No cars in the workshop at the moment.</source>
        <translation>目前没有在修车辆。</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} / {pages} 页</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <source>Could not refresh: {error}</source>
        <translation>无法刷新：{error}</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>A token is saved; paste it again (or a new one) to save changes</source>
        <translation>已保存令牌；如需保存修改，请重新粘贴该令牌（或新令牌）</translation>
    </message>
    <message>
        <source>The hub&apos;s address needs a server name or IP address after the http:// or https://, e.g. https://hub.example.com:8443.</source>
        <translation>总部服务器地址在 http:// 或 https:// 之后须有服务器名称或 IP 地址，例如 https://hub.example.com:8443。</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>总部服务器地址</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve {number}</source>
        <translation>解决投诉 {number}</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>What was agreed with the customer (amount, date of the rework …)</source>
        <translation>与客户达成的约定（金额、返修日期等）</translation>
    </message>
    <message>
        <source>Saving adds two callbacks to the worklist: within 24 hours and again within 7 days.</source>
        <translation>保存后将在工作清单中添加两次回访：24 小时内一次，7 天内再一次。</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>确认解决</translation>
    </message>
</context>
<context>
    <name>SalesSettingsDialog</name>
    <message>
        <source>Values filled in from the contract: {names}</source>
        <translation>可用占位符（按合同内容自动填入）：{names}</translation>
    </message>
    <message>
        <source>Only a manager can change these settings.</source>
        <translation>只有经理可以修改这些设置。</translation>
    </message>
    <message>
        <source>New clause</source>
        <translation>新条款</translation>
    </message>
    <message>
        <source>Sales settings</source>
        <translation>销售设置</translation>
    </message>
    <message>
        <source>Quote rules</source>
        <translation>报价规则</translation>
    </message>
    <message>
        <source>Consultant&apos;s &amp;discount limit (¥, on top of promotions)</source>
        <translation>销售顾问额外优惠限额（元，厂家促销之外）(&amp;D)</translation>
    </message>
    <message>
        <source>Minimum down payment, &amp;petrol / diesel / hybrid</source>
        <translation>最低首付比例：汽油 / 柴油 / 油电混合(&amp;P)</translation>
    </message>
    <message>
        <source>Minimum down payment, &amp;new-energy</source>
        <translation>最低首付比例：新能源(&amp;N)</translation>
    </message>
    <message>
        <source>Highest loan &amp;interest rate</source>
        <translation>贷款最高年利率(&amp;I)</translation>
    </message>
    <message>
        <source>Compulsory insurance, &amp;under 6 seats (¥)</source>
        <translation>交强险：6 座以下（元）(&amp;U)</translation>
    </message>
    <message>
        <source>Compulsory insurance, 6 &amp;seats or more (¥)</source>
        <translation>交强险：6 座及以上（元）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Registration service fee (¥, if the price list has none)</source>
        <translation>上牌服务费（元，价格表未列出时使用）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Finance service fee (¥, if the price list has none)</source>
        <translation>金融服务费（元，价格表未列出时使用）(&amp;F)</translation>
    </message>
    <message>
        <source>Quotes are &amp;valid for (days)</source>
        <translation>报价单有效期（天）(&amp;V)</translation>
    </message>
    <message>
        <source>Default d&amp;eposit (¥)</source>
        <translation>默认定金（元）(&amp;E)</translation>
    </message>
    <message>
        <source>Deposit at most (share of the price)</source>
        <translation>定金上限（占车价比例）</translation>
    </message>
    <message>
        <source>Delivery &amp;date: days after the contract</source>
        <translation>交车日期：签约后天数(&amp;D)</translation>
    </message>
    <message>
        <source>Contract clauses</source>
        <translation>合同条款</translation>
    </message>
    <message>
        <source>&amp;Add clause</source>
        <translation>添加条款(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove clause</source>
        <translation>删除条款(&amp;R)</translation>
    </message>
    <message>
        <source>Restore the &amp;standard clauses</source>
        <translation>恢复标准条款(&amp;S)</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>标题（中文）</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <source>Text (Chinese)</source>
        <translation>正文（中文）</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>正文（英文）</translation>
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
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
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
    <name>SyncRegisterDialog</name>
    <message>
        <source>Register this PC with the hub</source>
        <translation>在总部服务器注册本机</translation>
    </message>
    <message>
        <source>The administrator of the dealer group&apos;s hub gives each PC its own token (hub add-device). This PC then receives the store&apos;s data and sends its own changes.</source>
        <translation>集团总部服务器的管理员为每台电脑生成专用令牌（hub add-device）。注册后，本机会接收本店数据，并上传本机的更改。</translation>
    </message>
    <message>
        <source>Hub &amp;address:</source>
        <translation>总部服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>S&amp;how the token</source>
        <translation>显示令牌(&amp;H)</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>Same field changed on two PCs</source>
        <translation>两台电脑修改了同一字段</translation>
    </message>
    <message>
        <source>Edited after it was deleted</source>
        <translation>删除后又被修改</translation>
    </message>
    <message>
        <source>Edit of a signed contract</source>
        <translation>修改已签署的合同</translation>
    </message>
    <message>
        <source>Double booking</source>
        <translation>重复预约</translation>
    </message>
    <message>
        <source>Same customer entered twice</source>
        <translation>同一客户录入两次</translation>
    </message>
    <message>
        <source>Change refused on this PC</source>
        <translation>本机拒绝的更改</translation>
    </message>
    <message>
        <source>The same field was changed on two PCs before they synced. The newer change is in use; the other one is kept here so that nothing typed is lost.</source>
        <translation>两台电脑在同步之前修改了同一字段。系统采用较新的修改；另一个值保存在这里，录入的内容不会丢失。</translation>
    </message>
    <message>
        <source>The record was deleted on one PC while another PC edited it. The delete won; the edit is kept here. Restore the record if it is still needed.</source>
        <translation>一台电脑删除了该记录，而另一台电脑同时修改了它。删除优先；修改内容保存在这里。如仍需要该记录，可将其恢复。</translation>
    </message>
    <message>
        <source>The contract was signed on one PC while another PC edited the draft. A signed contract never changes: the edit is kept here. Make an amendment if it is still needed.</source>
        <translation>一台电脑签署了合同，而另一台电脑同时修改了草稿。已签署的合同不可更改：修改内容保存在这里。如仍需修改，请做补充协议。</translation>
    </message>
    <message>
        <source>Two PCs booked the same bay or technician for overlapping times. Both bookings are kept: move or cancel one on the appointment board, then mark this handled.</source>
        <translation>两台电脑在重叠的时间预约了同一工位或技师。两个预约都已保留：请在预约看板上调整或取消其中一个，然后标记为已处理。</translation>
    </message>
    <message>
        <source>The same mobile was entered as a new customer on two PCs. If it is one person, merge them: the customer entered first is kept, and the other one&apos;s cars, bookings and history move to them.</source>
        <translation>两台电脑用同一手机号各新建了一位客户。如果是同一个人，请合并：保留先录入的客户，另一位客户的车辆、预约和历史记录都转到该客户名下。</translation>
    </message>
    <message>
        <source>A change from the hub could not be applied on this PC because its own rules refused it. The change is kept here.</source>
        <translation>来自总部服务器的一项更改因不符合本机规则而未能应用。该更改保存在这里。</translation>
    </message>
    <message>
        <source>Keep the value in use</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <source>Use the overwritten value</source>
        <translation>改用被覆盖的值</translation>
    </message>
    <message>
        <source>Keep deleted</source>
        <translation>保持删除</translation>
    </message>
    <message>
        <source>Restore with the edit</source>
        <translation>恢复并应用修改</translation>
    </message>
    <message>
        <source>Keep the signed contract</source>
        <translation>保留已签署的合同</translation>
    </message>
    <message>
        <source>Mark handled</source>
        <translation>标记为已处理</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>不是同一个人</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The record stays as it is; the conflict is closed.</source>
        <translation>记录保持不变，冲突关闭。</translation>
    </message>
    <message>
        <source>Put the overwritten value back into the record on every PC.</source>
        <translation>在所有电脑上把被覆盖的值写回记录。</translation>
    </message>
    <message>
        <source>The record stays deleted; the edit is not applied.</source>
        <translation>记录保持删除，不应用该修改。</translation>
    </message>
    <message>
        <source>Bring the record back on every PC, with the edit applied.</source>
        <translation>在所有电脑上恢复该记录，并应用该修改。</translation>
    </message>
    <message>
        <source>After one of the bookings was moved or cancelled on the board.</source>
        <translation>在预约看板上调整或取消其中一个预约之后使用。</translation>
    </message>
    <message>
        <source>Make one customer of the two, keeping the one entered first.</source>
        <translation>将两位客户合并为一位，保留先录入的客户。</translation>
    </message>
    <message>
        <source>They are two people who share a mobile; both stay.</source>
        <translation>两人共用一个手机号，两位客户都保留。</translation>
    </message>
    <message>
        <source>In use now</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Overwritten</source>
        <translation>被覆盖的值</translation>
    </message>
    <message>
        <source>On the deleted record</source>
        <translation>已删除记录上的值</translation>
    </message>
    <message>
        <source>The edit</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Car model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Service bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Do-not-contact</source>
        <translation>免打扰</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Store setting</source>
        <translation>门店设置</translation>
    </message>
    <message>
        <source>Labour operation</source>
        <translation>工时项目</translation>
    </message>
    <message>
        <source>Staff absence</source>
        <translation>员工请假</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Appointment event</source>
        <translation>预约记录</translation>
    </message>
    <message>
        <source>Confirmation call</source>
        <translation>预约确认电话</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>接车</translation>
    </message>
    <message>
        <source>Repair order</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>Repair order line</source>
        <translation>工单明细</translation>
    </message>
    <message>
        <source>PDI template</source>
        <translation>PDI 检查模板</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交车</translation>
    </message>
    <message>
        <source>PDI item</source>
        <translation>PDI 检查项</translation>
    </message>
    <message>
        <source>Delivery document</source>
        <translation>交车文件</translation>
    </message>
    <message>
        <source>Delivery event</source>
        <translation>交车记录</translation>
    </message>
    <message>
        <source>Care task</source>
        <translation>关怀任务</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <source>Price list item</source>
        <translation>价目表项目</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Care call</source>
        <translation>关怀回访</translation>
    </message>
    <message>
        <source>Care outcome</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>Service advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Sales consultant</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>预约号</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>作业内容</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Buyer&apos;s address</source>
        <translation>买方地址</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>This PC is not registered with a hub yet. An administrator registers it on this page.</source>
        <translation>本机尚未在总部服务器注册。请系统管理员在本页面注册。</translation>
    </message>
    <message>
        <source>The hub cannot be reached. DealerDesk keeps working on this PC and tries again by itself; nothing is lost.</source>
        <translation>无法连接总部服务器。DealerDesk 在本机照常工作，并会自动重试；数据不会丢失。</translation>
    </message>
    <message>
        <source>This PC&apos;s clock is more than 5 minutes off the hub&apos;s. Set the right date and time on this PC, then sync again.</source>
        <translation>本机时钟与总部服务器相差超过 5 分钟。请先把本机的日期和时间调准，再重新同步。</translation>
    </message>
    <message>
        <source>The hub did not accept this PC&apos;s token. An administrator registers this PC again with a new token from the hub.</source>
        <translation>总部服务器不接受本机的令牌。请系统管理员用总部服务器生成的新令牌重新注册本机。</translation>
    </message>
    <message>
        <source>This DealerDesk and the hub are different versions. Update DealerDesk on this PC, or ask the administrator about the hub.</source>
        <translation>本机的 DealerDesk 与总部服务器版本不一致。请升级本机的 DealerDesk，或联系管理员检查总部服务器。</translation>
    </message>
    <message>
        <source>The hub had a problem answering. DealerDesk tries again by itself; if it keeps happening, tell the administrator.</source>
        <translation>总部服务器响应出错。DealerDesk 会自动重试；如果一直出现，请告知管理员。</translation>
    </message>
    <message>
        <source>Another sync of this PC is running. This one waits for the next turn.</source>
        <translation>本机正在进行另一次同步，本次同步将稍后进行。</translation>
    </message>
    <message>
        <source>The sync stopped because of an error in DealerDesk. It was written to the log.</source>
        <translation>DealerDesk 内部出错，同步已停止。错误已记入日志。</translation>
    </message>
    <message>
        <source>No hub set up</source>
        <translation>未设置总部服务器</translation>
    </message>
    <message>
        <source>Hub not reachable</source>
        <translation>无法连接总部服务器</translation>
    </message>
    <message>
        <source>Clock of this PC is off</source>
        <translation>本机时钟不准</translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>令牌被拒绝</translation>
    </message>
    <message>
        <source>Different versions</source>
        <translation>版本不一致</translation>
    </message>
    <message>
        <source>Hub error</source>
        <translation>总部服务器出错</translation>
    </message>
    <message>
        <source>Another sync running</source>
        <translation>另一次同步正在进行</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <source>Error in DealerDesk</source>
        <translation>DealerDesk 内部错误</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Not connected to a hub</source>
        <translation>未连接总部服务器</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Hub not reached yet</source>
        <translation>尚未连上总部服务器</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Not connected to a hub · Changes kept on this PC: {n}</source>
        <translation>未连接总部服务器 · 本机保存的更改：{n}</translation>
    </message>
    <message>
        <source>{state} · Changes waiting: {n} · Last sync: {when}</source>
        <translation>{state} · 待上传的更改：{n} · 上次同步：{when}</translation>
    </message>
    <message>
        <source>Conflicts: {n}</source>
        <translation>冲突：{n}</translation>
    </message>
    <message>
        <source>this PC</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>the hub</source>
        <translation>总部服务器</translation>
    </message>
    <message>
        <source>PC …{code}</source>
        <translation>电脑 …{code}</translation>
    </message>
    <message>
        <source>someone unknown</source>
        <translation>未知人员</translation>
    </message>
    <message>
        <source>staff …{code}</source>
        <translation>员工 …{code}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>recorded {when}</source>
        <translation>记录于 {when}</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>{side}: entered on {device} by {person}.</source>
        <translation>{side}：由{person}在{device}录入。</translation>
    </message>
    <message>
        <source>{side}: from {device}.</source>
        <translation>{side}：来自{device}。</translation>
    </message>
    <message>
        <source>Value from the hub</source>
        <translation>总部服务器上的值</translation>
    </message>
    <message>
        <source>Refused because: {reason}</source>
        <translation>拒绝原因：{reason}</translation>
    </message>
    <message>
        <source>Decided: {action}, by {person}.</source>
        <translation>已处理：{action}（{person}）。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Booked by</source>
        <translation>预约人</translation>
    </message>
    <message>
        <source>Booking A</source>
        <translation>预约 A</translation>
    </message>
    <message>
        <source>Booking B</source>
        <translation>预约 B</translation>
    </message>
    <message>
        <source>Both hold: {resources}</source>
        <translation>两个预约都占用：{resources}</translation>
    </message>
    <message>
        <source>Customer A</source>
        <translation>客户 A</translation>
    </message>
    <message>
        <source>Customer B</source>
        <translation>客户 B</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Running or stopped</source>
        <translation>进行中或已中断</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>Only an administrator can register this PC with the hub.</source>
        <translation>只有系统管理员可以在总部服务器注册本机。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚未设置</translation>
    </message>
    <message>
        <source>&amp;Conflicts ({n})</source>
        <translation>冲突（{n}）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>冲突(&amp;C)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Nothing to send</source>
        <translation>没有需要发送的更改</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Nothing to deliver</source>
        <translation>没有需要上传的文件</translation>
    </message>
    <message>
        <source>Sync completed: {pushed} sent, {pulled} received, {conflicts} conflicts, {exports} export files delivered.</source>
        <translation>同步完成：发送 {pushed} 条，接收 {pulled} 条，冲突 {conflicts} 条，上传导出文件 {exports} 个。</translation>
    </message>
    <message>
        <source>{n} changes were refused by the hub (see the history).</source>
        <translation>总部服务器拒绝了 {n} 条更改（见同步记录）。</translation>
    </message>
    <message>
        <source>Sync did not complete.</source>
        <translation>同步未完成。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Sync did not complete</source>
        <translation>同步未完成</translation>
    </message>
    <message>
        <source>Next automatic sync at {time}</source>
        <translation>下次自动同步：{time}</translation>
    </message>
    <message>
        <source>This PC is registered with the hub. Syncing…</source>
        <translation>本机已在总部服务器注册，正在同步…</translation>
    </message>
    <message>
        <source>No conflicts. Whatever was typed on the PCs of this store fitted together.</source>
        <translation>没有冲突。本店各台电脑录入的内容都已顺利合并。</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <source>Select a conflict to see what each side said.</source>
        <translation>选择一条冲突，查看双方的内容。</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Make one customer of the two? The customer entered first is kept; the other one&apos;s cars, bookings, quotes and history move to them. Every PC follows.</source>
        <translation>将这两位客户合并为一位吗？保留先录入的客户；另一位客户的车辆、预约、报价和历史记录都转到该客户名下。所有电脑都会同步此操作。</translation>
    </message>
    <message>
        <source>Conflict decided: {action}. The other PCs follow with the next sync.</source>
        <translation>冲突已处理：{action}。其他电脑将在下次同步时更新。</translation>
    </message>
    <message>
        <source>This PC and the hub</source>
        <translation>本机与总部服务器</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>连接状态：</translation>
    </message>
    <message>
        <source>Changes waiting:</source>
        <translation>待上传的更改：</translation>
    </message>
    <message>
        <source>Changes made on this PC that the hub has not received yet</source>
        <translation>本机已做、总部服务器尚未收到的更改</translation>
    </message>
    <message>
        <source>Hub:</source>
        <translation>总部服务器：</translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation>上次成功同步：</translation>
    </message>
    <message>
        <source>This PC:</source>
        <translation>本机：</translation>
    </message>
    <message>
        <source>This PC&apos;s device id, as the hub knows it</source>
        <translation>本机在总部服务器上的设备编号</translation>
    </message>
    <message>
        <source>Open conflicts:</source>
        <translation>待处理冲突：</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>发送更改</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>接收更改</translation>
    </message>
    <message>
        <source>Export files</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <source>&amp;Register this PC…</source>
        <translation>注册本机(&amp;R)…</translation>
    </message>
    <message>
        <source>Enter the hub&apos;s address and this PC&apos;s token (administrators)</source>
        <translation>填写总部服务器地址和本机令牌（系统管理员）</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <source>Exchange changes with the hub now (F5)</source>
        <translation>立即与总部服务器交换更改（F5）</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>同步记录(&amp;H)</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
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
<context>
    <name>WeekBoardModel</name>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Booked {booked} h of {capacity} h available</source>
        <translation>已约 {booked} 小时 / 可用 {capacity} 小时</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>已拨打</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} of {max}</source>
        <translation>{n}/{max}</translation>
    </message>
    <message>
        <source>Shows from {opens}, due {due}</source>
        <translation>{opens} 起显示，须于 {due} 前完成</translation>
    </message>
    <message>
        <source>Last attempt {when}</source>
        <translation>上次拨打 {when}</translation>
    </message>
    <message>
        <source>Enter: record the outcome · F8 or Ctrl+N: next task</source>
        <translation>Enter：记录回访结果 · F8 或 Ctrl+N：下一个任务</translation>
    </message>
</context>
<context>
    <name>WorkshopSettingsDialog</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>Only a manager can change these settings.</source>
        <translation>只有经理可以修改这些设置。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount of money.</source>
        <translation>“{value}”不是有效的金额。</translation>
    </message>
    <message>
        <source>With {n} technicians this gives {hours} workshop hours a week.</source>
        <translation>按 {n} 名技师计算，每周可用车间工时为 {hours} 小时。</translation>
    </message>
    <message>
        <source>Workshop settings</source>
        <translation>车间设置</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>营业时间</translation>
    </message>
    <message>
        <source>&amp;Slot size</source>
        <translation>时段长度(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Efficiency</source>
        <translation>工时效率(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Waiting customers per slot</source>
        <translation>每时段等待客户上限(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Labour rate (¥ per hour)</source>
        <translation>工时单价（元/小时）(&amp;L)</translation>
    </message>
    <message>
        <source>Technicians off (next 14 days)</source>
        <translation>技师请假（未来 14 天）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reason (leave, training…)</source>
        <translation>原因（休假、培训…）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>_NoteDialog</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
</TS>
