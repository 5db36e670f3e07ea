// 实测与模拟对照的中文文案：结果卡片下的实测行，以及对照页。
const measured = {
  line: '在 Linux {kernel}（HZ={hz}）上实测 {runs} 次：',
  /** 实测行里，模拟的结果跟在实测之后 */
  engineNote: '（模拟 {value}）',
  noEvents: '拔线期间两端都没有发出任何报文；结束时客户端 {client}，服务器 {server}',
  /** 事件出现的时刻：{event}、{after}、{range} */
  eventAt: '{event}：{after} {range}',
  after: {
    connect: 'connect() 后',
    send: '服务器发送后',
    'client-send': '客户端发送后',
    close: 'close() 后',
    kill: '进程被杀后',
    crash: '主机崩溃后',
  },
  events: {
    resend: '{host}第 {n} 次重发',
    probe: '{host}第 {n} 个保活探测',
    'probe-answer': '{host}回应第 {n} 个探测',
    fin: '{host}发出 FIN',
    rst: '{host}发出 RST',
    error: '{host}收到 {errno}',
    eof: '{host}读到 EOF',
    'app-close': '{host}的应用关闭连接',
    delivered: '数据到达{peer}',
    state: '{host}的套接字变为 {state}',
  },
  hosts: { client: '客户端', server: '服务器' },
  verdicts: { agrees: '与模拟一致', disagrees: '与模拟不一致', known: '已知差异' },
  variant: '实测的是这个变体：{path}',
  path: '路径 RTT 约 {rtt}、HZ={hz}（本例的程序：RTT {snippetRtt}、HZ={snippetHz}）',
  differs: '；{differs}',
  shortened: '。为适应真实时间而缩短，走的仍是同一分支。',
  end: '。',
  engineStates: '客户端 {client}，服务器 {server}',
  reason: '{event}：{reason}',
  microseconds: '{n} 微秒',
  seeAll: '全部场景的实测与模拟对照',
  /** 正文引用实测值时注明的来源 */
  source: 'Linux {kernel}，HZ={hz}，{runs} 次运行',
  page: {
    title: '实测与模拟对照',
    description: '每个课程场景在真实 Linux 内核上的实测结果，与模拟引擎的结果逐一对照。',
    intro:
      '每个场景都在这台机器的 Linux 上用真实的套接字重放：服务器、一台网桥“交换机”和客户端各在一个网络命名空间里，拔网线就是把交换机上朝向该主机的端口关掉。tcpdump 在交换机上抓包，应用看到的 errno 和 ss 的输出都带时间记录。模拟引擎以相同参数运行同一场景；每个事件按 packetdrill 的容差比较：max(4 毫秒，前一间隔的 12.5%)。',
    method:
      '内核 {kernel}，CONFIG_HZ={hz}（{hzSource}），每个场景 {runs} 次，测于 {date}。由 npm run kernel-lab 生成。',
    scenario: '场景',
    branch: '分支',
    measured: '实测',
    simulated: '模拟',
    verdict: '结论',
    details: '全部事件',
    event: '事件',
    interval: '间隔（实测 / 模拟 ± 容差）',
    errnos: '{host}看到的 errno',
    finalState: '{host}最终状态',
    none: '无',
    notSeen: '未出现',
    knownReason: '已知差异：{reason}',
    summary: '{agrees} 个场景一致，{known} 个有已知差异，{disagrees} 个不一致。',
  },
};

export default measured;
