import type { Strings } from '../strings';
import type zhExplore from '../zh/explore';

// English strings of the parameter controls, sweep charts and the compare view. Placeholders in
// braces are filled at runtime.
const explore: Strings<typeof zhExplore> = {
  controls: {
    legend: 'Parameters',
    hint: 'Drag a slider or type a value: the literal in the code is rewritten, then the code runs again.',
    numberLabel: '{name} ({unit})',
  },
  parameters: {
    replugAt: {
      name: 'Cable back in at',
      where: 'the first argument of lab.at(…, () => ….plugIn())',
    },
    tcpRetries2: {
      name: 'tcp_retries2',
      where: 'createLab({ server: { sysctl: { tcp_retries2 } } })',
    },
    hz: { name: 'CONFIG_HZ', where: 'createLab({ hz })' },
    rtt: { name: 'Round-trip time', where: 'createLab({ rtt })' },
    keepIdle: { name: 'Keepalive idle time (TCP_KEEPIDLE)', where: 'setKeepAlive(true, { idle })' },
    keepInterval: {
      name: 'Keepalive interval (TCP_KEEPINTVL)',
      where: 'setKeepAlive(true, { interval })',
    },
    keepCount: { name: 'Keepalive probes (TCP_KEEPCNT)', where: 'setKeepAlive(true, { count })' },
    userTimeout: { name: 'TCP_USER_TIMEOUT', where: 'setUserTimeout(…)' },
    loss: { name: 'Random loss', where: 'createLab({ loss })' },
    timerPhase: { name: 'Timer phase', where: 'createLab({ timerPhase })' },
    seed: { name: 'Seed', where: 'createLab({ seed })' },
  },
  units: { s: 's', ms: 'ms', count: 'probes', hz: 'Hz', fraction: '', none: '' },
  problems: {
    notANumber: '{name} needs a number.',
    notWhole: '{name} must be a whole number.',
    tooSmall: '{name} cannot be below {min}: {value} is impossible.',
    tooLarge: '{name} cannot be above {max}: {value} is impossible.',
    tooLargeOpen: '{name} must be below {max}: {value} is impossible.',
    notAChoice: '{name} can only be one of {choices}, not {value}.',
  },
  binding: {
    missing:
      'The code no longer has a literal for {name} ({where}), so this control does nothing for now. Reset brings the original code back.',
    notLiteral:
      '{name} is now the expression {text}, not a literal; the control will not rewrite it.',
    ambiguous:
      'The code has {count} places that could be {name}; the control cannot tell which one to change.',
    unparsable: 'The code does not parse right now; the controls wait until it does.',
    unreadable: 'The value of {name}, {text}, is not one the control can read.',
  },
  measures: {
    giveUpAfterSend: 'Time to give up after the send',
    detectionAfterUnplug: 'Time to notice after the unplug',
    recoveryAfterReplug: 'Time to recover after the replug',
    retransmissions: 'RTO retransmissions',
  },
  sweep: {
    title: '{measure} against {over}',
    description: '{runs} runs, {over} from {from} to {to}. {lines}',
    lineSummary: '{series}: {min} to {max}',
    lineSummaryNone: '{series}: no run had this value',
    onlyLine: 'all runs',
    seriesValue: '{name} = {value}',
    showTable: 'Show as a table',
    showChart: 'Show as a chart',
    noValue: 'none',
    computing: 'Recomputing for the current code…',
    meta: 'Computed in your browser: {runs} runs in {ms}',
    metaBuild: 'Computed when the site was built: {runs} runs',
    failed: 'This chart cannot be computed for the current code: {message}',
    timeout: 'The computation went past the {limit}-second limit and was stopped.',
    current: 'value in the current code: {value}',
    axisWithUnit: '{name} ({unit})',
    outcome: 'Outcome',
  },
  compare: {
    pin: 'Pin this run',
    unpin: 'Unpin',
    pinnedNote:
      'A run is pinned: change a parameter or the code and run again to compare them side by side.',
    heading: 'Compare: the pinned run and the current one',
    pinned: 'Pinned run',
    current: 'Current run',
    same: 'Both runs have the same code.',
    changes: 'What changed:',
    change: '{name}: {from} → {to}',
    axisTitle: 'Both runs on one time axis',
    axisDescription:
      'The top two rows are the pinned run, the bottom two the current one; the axis runs from 0 to {end} on a logarithmic scale, the same for both runs.',
    row: '{run} · {host}',
  },
};

export default explore;
