// Chinese strings of the run visualisations: outcome cards, sequence diagram, timeline, tables,
// decision tree. Placeholders in braces ({n}, {t}, …) are filled by components/viz/strings.ts.
const viz = {
  hosts: { client: '客户端', server: '服务器' },

  outcomes: {
    'survives-after-replug': {
      title: '幸存：重传送达了',
      explanation:
        '网线拔掉期间数据丢了，但插回之后的一次重传送达了对端，连接照常继续，应用什么也没察觉。',
    },
    'sender-aborts': {
      title: '发送方放弃了（ETIMEDOUT）',
      explanation:
        '发送方一直重传却等不到确认，重传时间预算耗尽后它丢弃连接、向应用报告 ETIMEDOUT（如果两端在同一个局域网、对端的 ARP 已经失败，报告的是 EHOSTUNREACH），对端对此一无所知。',
    },
    'peer-reset-after-abort': {
      title: '对端后来收到 RST（ECONNRESET）',
      explanation:
        '一端已经悄悄丢弃了连接；另一端之后再发送时被回了一个 RST，它的应用得到 ECONNRESET。',
    },
    'idle-forever': {
      title: '永远停在 ESTABLISHED',
      explanation:
        '没有数据要发、也没有开启保活，两端都没有理由察觉网线断了：两个套接字会一直停在 ESTABLISHED。',
    },
    'keepalive-detects-dead-peer': {
      title: '保活探测发现对端失联',
      explanation:
        '空闲一段时间后发出的保活探测全部没有回应，探测次数用完时内核发出 RST 并向应用报告 ETIMEDOUT。',
    },
    'keepalive-answered': {
      title: '保活探测得到回应',
      explanation: '网线插回之后的一次保活探测得到了对端应答，连接被确认仍然有效，照常继续。',
    },
    'app-idle-close': {
      title: '应用关闭了空闲连接',
      explanation: '在 TCP 察觉任何异常之前，应用自己的空闲计时器先到期，把连接关掉了。',
    },
    'app-heartbeat-detects': {
      title: '应用心跳发现了问题',
      explanation: '应用发出的心跳超过期限仍无回应，于是判定对端失联并关闭连接。',
    },
    'user-timeout': {
      title: 'TCP_USER_TIMEOUT 终止了连接',
      explanation:
        '数据未被确认的时间超过了应用设置的 TCP_USER_TIMEOUT，内核中止连接并报告 ETIMEDOUT。',
    },
    'process-crash': {
      title: '进程退出，内核替它收尾',
      explanation:
        '进程死了，但主机的内核还活着：它关闭套接字并发出 FIN（或 RST），对端立刻就知道了。',
    },
    'host-crash': {
      title: '主机崩溃，一声不响',
      explanation: '主机突然消失，没有发出 FIN 也没有 RST；在对端看来，这和拔掉网线一模一样。',
    },
    'host-reboot-reset': {
      title: '重启后的主机回了 RST',
      explanation: '主机重启后连接表是空的，旧连接的下一个报文换来一个 RST，对端得到 ECONNRESET。',
    },
    'connect-timeout': {
      title: 'connect() 放弃了',
      explanation:
        'SYN 始终没有回应，重试用完之后 connect() 以 ETIMEDOUT 失败。如果服务器和客户端在同一个局域网，ARP 会先失败，connect() 大约 3 秒后以 EHOSTUNREACH 失败。',
    },
    'unplugged-side-unreachable': {
      title: '拔线的一端发不出去（EHOSTUNREACH）',
      explanation: '被拔掉网线的主机找不到下一跳，它自己的发送以 EHOSTUNREACH 失败。',
    },
    'interface-down': {
      title: '主机自己的网卡关掉了',
      explanation:
        '网卡关闭后就没有路由：发送在主机自己的协议栈里就失败了，根本到不了线上。已经在途的数据照常按 RTO 退避重传，最后以 ENETUNREACH 结束；之后写入的数据由持续定时器看管，最后以 ETIMEDOUT 结束；新的 connect() 立刻以 ENETUNREACH 失败。网卡及时恢复的话，下一次定时器触发就会把积压的数据发出去。',
    },
    'address-changed': {
      title: '回来时换了地址',
      explanation:
        '一条连接绑定在建立它的那个地址上。主机换了地址以后，旧套接字没有路由，对端发往旧地址的报文被丢弃，双方都收不到 RST：各自凭自己的定时器放弃，只有新建的连接能用。',
    },
    'closed-normally': {
      title: '正常关闭',
      explanation: '双方应用都关闭了连接，FIN 交换顺利完成。',
    },
    'peer-process-hung': {
      title: '对端进程卡死，没人发现',
      explanation:
        '进程卡住了，但它的内核照常确认数据、应答探测，所以 TCP 层面什么也察觉不到。对端还在写的话，接收窗口会填满，发送方转而发零窗口探测，这些探测同样有应答。只有发送方设置的 TCP_USER_TIMEOUT 或者应用心跳能结束这种等待。',
    },
    'still-established': {
      title: '一切正常',
      explanation: '连接没有受到任何影响，运行结束时仍然是 ESTABLISHED。',
    },
    'middlebox-drop': {
      title: '中间设备忘了这条流，报文被悄悄丢弃',
      explanation:
        '路径上的 NAT、防火墙或负载均衡器在连接空闲超过它的超时后删掉了这条流的记录。之后的报文被它悄悄丢弃：发送方一直重传到预算耗尽，另一端始终一无所知。',
    },
    'middlebox-reset': {
      title: '中间设备忘了这条流，并向两端发了 RST',
      explanation:
        '路径上的中间设备在空闲超时的那一刻删掉了这条流，并以对方的名义向两端各发一个 RST，于是两端的应用立刻得到 ECONNRESET。',
    },
  },

  causes: {
    retransmission: '重传超时',
    'syn-retries': 'SYN 重试用尽',
    keepalive: '保活探测',
    'user-timeout': 'TCP_USER_TIMEOUT',
    reset: '收到 RST',
    fin: '收到 FIN（EOF）',
    'app-idle': '应用空闲超时',
    'app-heartbeat': '应用心跳超时',
    neighbour: '下一跳不可达（ARP 失败）',
    orphan: '孤儿套接字重试用尽',
    close: '本端应用关闭',
    'process-exit': '进程退出',
    'host-crash': '主机崩溃',
    'no-route': '没有路由（网卡关闭或地址已删）',
  },

  roles: {
    syn: 'SYN',
    'syn-ack': 'SYN-ACK',
    ack: 'ACK',
    data: '数据',
    tlp: 'TLP 尾部丢包探测',
    retransmission: '重传 #{n}',
    'syn-retransmission': 'SYN 重传 #{n}',
    keepalive: '保活探测 #{n}',
    'keepalive-ack': '保活应答',
    'window-probe': '零窗口探测 #{n}',
    'window-probe-ack': '窗口探测应答',
    fin: 'FIN',
    rst: 'RST',
  },

  lossReasons: {
    middlebox: '中间设备已忘记这条流',
    unplugged: '网线已拔',
    'host-down': '主机宕机',
    loss: '随机丢包',
    'no-neighbour': '找不到下一跳',
    'neighbour-queue-full': 'ARP 队列已满，未发出即被丢弃',
    'no-route': '没有路由，没出本机',
    'link-down': '网卡已关闭',
    'not-local': '地址已不在',
    suspended: '主机休眠中',
  },

  hostActions: {
    unplug: '拔掉网线',
    'plug-in': '插回网线',
    crash: '主机崩溃',
    boot: '主机启动',
    'kill-process': '进程被杀',
    'hang-process': '进程卡死',
    'interface-down': '关闭网卡',
    'interface-up': '打开网卡',
    'address-change': '地址变更',
    suspend: '休眠',
    resume: '唤醒',
  },

  notices: {
    connected: '连接建立',
    data: '读到 {n} 字节',
    eof: 'EOF（read 返回 0）',
    error: '错误 {errno}',
    sent: '写入 {n} 字节',
    closed: '连接关闭',
    log: '{detail}',
  },

  timers: {
    rto: '重传计时器',
    tlp: 'TLP 计时器',
    syn: 'SYN 计时器',
    synack: 'SYN-ACK 计时器',
    keepalive: '保活计时器',
    persist: '坚持计时器（零窗口探测）',
    'time-wait': 'TIME_WAIT 计时器',
    'fin-wait2': 'FIN_WAIT2 计时器',
    'delayed-ack': '延迟确认计时器',
    'app-idle': '应用空闲计时器',
    'app-heartbeat': '应用心跳计时器',
  },

  outages: {
    unplugged: '{host}网线已拔',
    'host-down': '{host}宕机',
    'link-down': '{host}网卡已关闭',
    suspended: '{host}休眠中',
  },

  card: {
    heading: '结局',
    state: '最终状态',
    error: '应用收到',
    noError: '没有错误',
    errorAt: '{errno}，于 {t}',
    mechanism: '机制',
    none: '—',
    retransmissions: '重传',
    tlps: '尾部丢包探测',
    keepaliveProbes: '保活探测',
    windowProbes: '零窗口探测',
    detection: '从出事到发现',
    notDetected: '没有发现',
    chapterLink: '第 {n} 章讲的就是这种情况',
  },

  diagram: {
    title: '报文时序图',
    description:
      '时间自上而下流逝。左边是客户端，右边是服务器；每个箭头是一个报文，在断开处终止的箭头表示丢失。',
    gap: '⋯ 空闲 {d} ⋯',
    omitted: '⋯ {d}，其间 {n} 个报文没有画出（事件表里有全部）⋯',
    hint: '把鼠标移到箭头上，或用 Tab 聚焦后按 ↑ ↓ 切换，可以查看每个报文的详情。',
    detailsHeading: '报文详情',
    sent: '{t}发出',
    arrived: '{d}后到达',
    lost: '丢失：{reason}',
    segmentsLabel: '报文',
    arrowSummary: '{t}，{from} → {to}：{label}，{fate}',
  },

  timeline: {
    title: '时间线',
    logScale: '对数刻度',
    logSince: '对数刻度，从{event}（{t}）起算',
    brokenScale: '线性刻度，中间省略了 {d}的空闲',
    linearScale: '线性刻度',
    sends: '{host}发出的报文',
    legendData: '数据',
    legendRetransmission: '重传',
    legendTlp: 'TLP',
    legendKeepalive: '保活探测',
    legendWindowProbe: '零窗口探测',
    legendRst: 'RST',
    legendError: '应用收到错误',
    description: '{host}在 {span}内发出 {n} 个报文',
  },

  sockets: {
    title: '任意时刻的 ss -tno',
    moment: '时刻',
    at: '时刻 {t}',
    hostDown: '主机宕机，没有输出',
    empty: '没有 TCP 连接',
    prompt: '{host}$ ss -tno',
    timer: '定时器',
  },

  counters: {
    summary: 'nstat -a：运行结束时的内核计数器（{n} 个不为零）',
    caption: '运行结束时两台主机内核的计数器，从各自开机算起',
    counter: '计数器',
    note: '两台主机上都为零的计数器不列出，和 nstat 不加 -z 时一样。实验室只保留本课场景会碰到的计数器；真实的 nstat -az 还会多打印约两百个。',
  },

  events: {
    toggle: '以表格显示全部事件（{n} 条）',
    caption: '本次运行的全部事件，按时间排序',
    time: '时间',
    host: '主机',
    what: '事件',
    state: '状态 {from} → {to}',
    timer: '{timer}到期',
    segmentSent: '发出 {label}',
    segmentArrived: '收到 {label}',
    segmentLost: '丢失 {label}（{reason}）',
    omittedRows: '⋯ 中间还有 {n} 条事件 ⋯',
    bothHosts: '线路',
    middleboxHost: '中间设备',
    middlebox: {
      learned: '中间设备记下了这条流',
      forgotten: '中间设备忘记了这条流（空闲超时）',
      dropped: '中间设备丢弃了{host}的报文 #{n}',
      reset: '中间设备向{host}发出 RST #{n}',
    },
  },

  tree: {
    title: '整堂课的决策树',
    description: '每一片叶子都是一种结局。高亮的是你最近一次运行到达的结局。',
    reached: '你最近一次运行到了这里',
    root: '两台主机之间出了什么事？',
    cable: '网线被拔掉了',
    dataInFlight: '有数据正在发送吗？',
    yesData: '有：发送方在等确认',
    userTimeout: '设置了更短的 TCP_USER_TIMEOUT',
    replugData: '发送方放弃之前网线插回来了吗？',
    replugYes: '插回来了',
    replugNo: '没有',
    peerSpeaks: '另一端之后还发数据吗？',
    peerSilent: '不发',
    peerSends: '发了',
    unpluggedSends: '被拔线的一端自己发送',
    idle: '没有：连接空闲',
    watcher: '谁在盯着这条连接？',
    nobody: '没有人',
    keepalive: 'TCP 保活（SO_KEEPALIVE）',
    replugProbes: '探测用完之前网线插回来了吗？',
    appIdle: '应用的空闲超时',
    appHeartbeat: '应用的心跳',
    connecting: '还在建立连接（connect()）',
    ownNetwork: '主机自己的网络没了（关掉 Wi-Fi）',
    whatWentAway: '它失去了什么？',
    interfaceDown: '网卡（连同所有路由）',
    newAddress: '地址：回来时换了一个',
    failure: '进程或主机出事了',
    whatFailed: '哪里出了事？',
    howEnds: '连接最后怎样？',
    processDies: '进程退出',
    hostCrashes: '主机崩溃',
    hostReboots: '主机重启',
    processHangs: '进程卡死（内核还活着）',
    nothing: '什么都没发生',
    keepOpen: '连接继续开着',
    bothClose: '双方都关闭了连接',
    middlebox: '路径上的中间设备忘记了空闲的流',
    forgottenThen: '它对之后的报文怎么做？',
    dropsSilently: '悄悄丢弃',
    resetsBoth: '向两端各发一个 RST',
  },

  view: {
    label: '运行结果',
  },

  units: {
    ms: '毫秒',
    s: '秒',
    min: '分钟',
    h: '小时',
  },
};

export default viz;
