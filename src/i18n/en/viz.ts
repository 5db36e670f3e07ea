import type { Strings } from '../strings';
import type zhViz from '../zh/viz';

// English strings of the run visualisations. Same shape as the Chinese dictionary.
const viz: Strings<typeof zhViz> = {
  hosts: { client: 'client', server: 'server' },

  outcomes: {
    'survives-after-replug': {
      title: 'Survived: a retransmission got through',
      explanation:
        'Data was lost while the cable was out, but a retransmission after the replug reached the peer and the connection carried on; the applications never noticed.',
    },
    'sender-aborts': {
      title: 'The sender gave up (ETIMEDOUT)',
      explanation:
        'The sender kept retransmitting without an acknowledgement until its time budget ran out, then dropped the connection and told its application ETIMEDOUT (EHOSTUNREACH if, on one LAN, ARP for the peer had failed); the peer was told nothing.',
    },
    'peer-reset-after-abort': {
      title: 'The peer later got an RST (ECONNRESET)',
      explanation:
        'One side had already dropped the connection silently; when the other side sent again it was answered with an RST and its application got ECONNRESET.',
    },
    'idle-forever': {
      title: 'ESTABLISHED forever',
      explanation:
        'Nothing was sent and keepalive was off, so neither side had any reason to notice the cable: both sockets stay ESTABLISHED indefinitely.',
    },
    'keepalive-detects-dead-peer': {
      title: 'Keepalive found the peer gone',
      explanation:
        'After the idle time, keepalive probes went unanswered; when the last one ran out the kernel sent an RST and told its application ETIMEDOUT.',
    },
    'keepalive-answered': {
      title: 'A keepalive probe was answered',
      explanation:
        'A probe sent after the cable was back in got an answer, so the connection was confirmed alive and carried on.',
    },
    'app-idle-close': {
      title: 'The application closed the idle connection',
      explanation:
        'The application’s own idle timer fired before TCP noticed anything, and it closed the connection.',
    },
    'app-heartbeat-detects': {
      title: 'The heartbeat caught it',
      explanation:
        'The application’s pings went unanswered past its deadline, so it declared the peer gone and closed the connection.',
    },
    'user-timeout': {
      title: 'TCP_USER_TIMEOUT ended it',
      explanation:
        'Data stayed unacknowledged longer than the TCP_USER_TIMEOUT the application set, so the kernel aborted the connection with ETIMEDOUT.',
    },
    'process-crash': {
      title: 'The process died; its kernel spoke for it',
      explanation:
        'The process exited but its host’s kernel was alive: it closed the socket with a FIN (or an RST), so the peer learned of it at once.',
    },
    'host-crash': {
      title: 'The host crashed without a word',
      explanation:
        'The host vanished without sending a FIN or an RST; to its peer this looks exactly like a pulled cable.',
    },
    'host-reboot-reset': {
      title: 'The rebooted host answered with an RST',
      explanation:
        'The host came back with an empty connection table, so the next segment of the old connection drew an RST and the peer saw ECONNRESET.',
    },
    'connect-timeout': {
      title: 'connect() gave up',
      explanation:
        'The SYN was never answered; after its retries connect() failed with ETIMEDOUT. With the server on the same LAN, ARP for it fails first, and connect() fails after about 3 s with EHOSTUNREACH.',
    },
    'unplugged-side-unreachable': {
      title: 'The unplugged side could not send (EHOSTUNREACH)',
      explanation:
        'The host whose cable was pulled could not reach its next hop, so its own sends failed with EHOSTUNREACH.',
    },
    'interface-down': {
      title: 'The host’s own interface was down',
      explanation:
        'With the interface down there is no route: sends fail inside the host’s own stack and never reach the wire, data already in flight keeps its RTO backoff and the connection ends with ENETUNREACH, data written afterwards waits under the persist timer and ends with ETIMEDOUT, and a new connect() fails at once with ENETUNREACH. If the interface comes back in time, the next timer sends what waited.',
    },
    'address-changed': {
      title: 'Back with a different address',
      explanation:
        'A connection is tied to the address it was made from. Once the host has another one, its old socket has no route and the peer’s segments to the old address are dropped, with no RST either way: each side gives up on its own timers, and only a new connection works.',
    },
    'closed-normally': {
      title: 'Closed normally',
      explanation: 'Both applications closed the connection and the FIN exchange completed.',
    },
    'peer-process-hung': {
      title: 'The peer’s process hung, and nothing noticed',
      explanation:
        'The process is stuck but its kernel still acknowledges data and answers probes, so nothing in TCP can tell. If the other side keeps writing, the receive window fills and it switches to zero-window probes, which are answered too. Only a TCP_USER_TIMEOUT on the sender or an application heartbeat ends the wait.',
    },
    'still-established': {
      title: 'Nothing went wrong',
      explanation:
        'The connection was not disturbed and is still ESTABLISHED at the end of the run.',
    },
    'middlebox-drop': {
      title: 'A middlebox forgot the flow and dropped what came next',
      explanation:
        'A NAT, firewall or load balancer on the path removed the flow from its table after it had been idle longer than its timeout. It dropped the segments that followed without a word: their sender retransmitted until its budget ran out, and the other side never learned a thing.',
    },
    'middlebox-reset': {
      title: 'A middlebox forgot the flow and reset both ends',
      explanation:
        'A middlebox on the path removed the idle flow at its timeout and sent an RST to each end in the other’s name, so both applications got ECONNRESET at once.',
    },
  },

  causes: {
    retransmission: 'retransmission timeout',
    'syn-retries': 'SYN retries ran out',
    keepalive: 'keepalive',
    'user-timeout': 'TCP_USER_TIMEOUT',
    reset: 'RST received',
    fin: 'FIN received (EOF)',
    'app-idle': 'application idle timeout',
    'app-heartbeat': 'application heartbeat',
    neighbour: 'next hop unreachable (ARP failed)',
    orphan: 'orphan retries ran out',
    close: 'closed by its application',
    'process-exit': 'process exited',
    'host-crash': 'host crashed',
    'no-route': 'no route (interface down or address gone)',
  },

  roles: {
    syn: 'SYN',
    'syn-ack': 'SYN-ACK',
    ack: 'ACK',
    data: 'data',
    tlp: 'TLP (tail loss probe)',
    retransmission: 'retransmission #{n}',
    'syn-retransmission': 'SYN retransmission #{n}',
    keepalive: 'keepalive probe #{n}',
    'keepalive-ack': 'keepalive answer',
    'window-probe': 'zero-window probe #{n}',
    'window-probe-ack': 'window probe answer',
    fin: 'FIN',
    rst: 'RST',
  },

  lossReasons: {
    middlebox: 'the middlebox had forgotten the flow',
    unplugged: 'cable unplugged',
    'host-down': 'host down',
    loss: 'random loss',
    'no-neighbour': 'no next hop',
    'neighbour-queue-full': 'ARP queue full: dropped before it left',
    'no-route': 'no route: never left the host',
    'link-down': 'interface down',
    'not-local': 'address no longer there',
    suspended: 'host asleep',
  },

  hostActions: {
    unplug: 'cable unplugged',
    'plug-in': 'cable plugged in',
    crash: 'host crashed',
    boot: 'host booted',
    'kill-process': 'process killed',
    'hang-process': 'process hung',
    'interface-down': 'interface down',
    'interface-up': 'interface up',
    'address-change': 'address changed',
    suspend: 'suspended',
    resume: 'resumed',
  },

  notices: {
    connected: 'connected',
    data: 'read {n} bytes',
    eof: 'EOF (read returned 0)',
    error: 'error {errno}',
    sent: 'wrote {n} bytes',
    closed: 'closed',
    log: '{detail}',
  },

  timers: {
    rto: 'retransmission timer',
    tlp: 'TLP timer',
    syn: 'SYN timer',
    synack: 'SYN-ACK timer',
    keepalive: 'keepalive timer',
    persist: 'persist timer (zero-window probe)',
    'time-wait': 'TIME_WAIT timer',
    'fin-wait2': 'FIN_WAIT2 timer',
    'delayed-ack': 'delayed-ACK timer',
    'app-idle': 'application idle timer',
    'app-heartbeat': 'application heartbeat timer',
  },

  outages: {
    unplugged: '{host} cable unplugged',
    'host-down': '{host} down',
    'link-down': '{host} interface down',
    suspended: '{host} asleep',
  },

  card: {
    heading: 'Outcome',
    state: 'Final state',
    error: 'Application saw',
    noError: 'no error',
    errorAt: '{errno} at {t}',
    mechanism: 'Mechanism',
    none: '—',
    retransmissions: 'Retransmissions',
    tlps: 'Tail loss probes',
    keepaliveProbes: 'Keepalive probes',
    windowProbes: 'Zero-window probes',
    detection: 'From failure to detection',
    notDetected: 'not detected',
    chapterLink: 'Chapter {n} explains this branch',
  },

  diagram: {
    title: 'Packet sequence',
    description:
      'Time flows down. The client is on the left, the server on the right; each arrow is one segment, and an arrow that stops at a break was lost.',
    gap: '⋯ {d} idle ⋯',
    omitted: '⋯ {d}: {n} segments not drawn (the event table lists them all) ⋯',
    hint: 'Hover an arrow, or Tab to the diagram and use ↑ ↓, to see each segment’s details.',
    detailsHeading: 'Segment details',
    sent: 'sent at {t}',
    arrived: 'arrived {d} later',
    lost: 'lost: {reason}',
    segmentsLabel: 'Segments',
    arrowSummary: '{t}, {from} → {to}: {label}, {fate}',
  },

  timeline: {
    title: 'Timeline',
    logScale: 'log scale',
    logSince: 'log scale, counted from “{event}” at {t}',
    brokenScale: 'linear scale, with {d} of quiet left out',
    linearScale: 'linear scale',
    sends: 'segments sent by the {host}',
    legendData: 'data',
    legendRetransmission: 'retransmission',
    legendTlp: 'TLP',
    legendKeepalive: 'keepalive probe',
    legendWindowProbe: 'zero-window probe',
    legendRst: 'RST',
    legendError: 'application error',
    description: 'The {host} sent {n} segments over {span}',
  },

  sockets: {
    title: 'ss -tno at any moment',
    moment: 'Moment',
    at: 'at {t}',
    hostDown: 'host is down: no output',
    empty: 'no TCP connections',
    prompt: '{host}$ ss -tno',
    timer: 'Timer',
  },

  counters: {
    summary: 'nstat -a: the kernel counters at the end ({n} not zero)',
    caption: 'Counters of both kernels when the run ended, counted since each host booted',
    counter: 'Counter',
    note: 'Counters at zero on both hosts are left out, as nstat leaves them out without -z. The lab keeps only the counters its scenarios touch; a real nstat -az prints some two hundred more.',
  },

  events: {
    toggle: 'Show every event as a table ({n})',
    caption: 'Every event of this run, in time order',
    time: 'Time',
    host: 'Host',
    what: 'Event',
    state: 'state {from} → {to}',
    timer: '{timer} fired',
    segmentSent: 'sent {label}',
    segmentArrived: 'received {label}',
    segmentLost: 'lost {label} ({reason})',
    omittedRows: '⋯ {n} more events in between ⋯',
    bothHosts: 'wire',
    middleboxHost: 'middlebox',
    middlebox: {
      learned: 'the middlebox learned the flow',
      forgotten: 'the middlebox forgot the flow (idle timeout)',
      dropped: 'the middlebox dropped segment #{n} from the {host}',
      reset: 'the middlebox sent RST #{n} to the {host}',
    },
  },

  tree: {
    title: 'The whole lesson as one decision tree',
    description: 'Every leaf is an outcome. The highlighted one is where your latest run ended.',
    reached: 'Your latest run ended here',
    root: 'What happened between the two hosts?',
    cable: 'The cable was pulled',
    dataInFlight: 'Was data in flight?',
    yesData: 'Yes: the sender is waiting for an ACK',
    userTimeout: 'A shorter TCP_USER_TIMEOUT is set',
    replugData: 'Cable back before the sender gives up?',
    replugYes: 'Yes',
    replugNo: 'No',
    peerSpeaks: 'Does the other side send afterwards?',
    peerSilent: 'No',
    peerSends: 'Yes',
    unpluggedSends: 'The unplugged side sends itself',
    idle: 'No: the connection is idle',
    watcher: 'Who is watching the connection?',
    nobody: 'Nobody',
    keepalive: 'TCP keepalive (SO_KEEPALIVE)',
    replugProbes: 'Cable back before the probes run out?',
    appIdle: 'An application idle timeout',
    appHeartbeat: 'An application heartbeat',
    connecting: 'Still connecting (connect())',
    ownNetwork: 'A host’s own network went away (Wi-Fi off)',
    whatWentAway: 'What did it lose?',
    interfaceDown: 'Its interface (and with it every route)',
    newAddress: 'Its address: it came back with another one',
    failure: 'A process or a host failed',
    whatFailed: 'What failed?',
    howEnds: 'How does the connection end?',
    processDies: 'The process dies',
    hostCrashes: 'The host crashes',
    hostReboots: 'The host reboots',
    processHangs: 'The process hangs (its kernel lives on)',
    nothing: 'Nothing failed',
    keepOpen: 'The connection stays open',
    bothClose: 'Both sides close',
    middlebox: 'A middlebox on the path forgot the idle flow',
    forgottenThen: 'What does it do with the segments that follow?',
    dropsSilently: 'Drops them silently',
    resetsBoth: 'Sends an RST to both ends',
  },

  view: {
    label: 'Run result',
  },

  units: {
    ms: 'ms',
    s: 's',
    min: 'min',
    h: 'h',
  },
};

export default viz;
