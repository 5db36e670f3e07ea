import { describe, expect, it } from 'vitest';
import { locateLiteral, replaceLiteral, type LiteralAddress } from './literals';

const retries: LiteralAddress = {
  call: 'createLab',
  argument: 0,
  path: ['server', 'sysctl', 'tcp_retries2'],
};
const replug: LiteralAddress = { call: 'at', argument: 0, mentions: 'plugIn' };

const code = `import { createLab } from 'tcp-lab';
const lab = createLab({
  rtt: '1ms', // rtt: '999ms' in a comment is not the literal
  server: { sysctl: { tcp_retries2: 5 } },
});
lab.at('1s', () => lab.client.unplug());
lab.at("31s", () => lab.client.plugIn());
lab.run({ until: '1h' });
`;

describe('locateLiteral', () => {
  it('finds a nested key of an object argument, and not the same text in a comment', () => {
    const found = locateLiteral(code, { call: 'createLab', argument: 0, path: ['rtt'] });
    expect(found).toMatchObject({ status: 'found', value: '1ms', quote: "'" });
    if (found.status === 'found') expect(code.slice(found.start, found.end)).toBe("'1ms'");
    expect(locateLiteral(code, retries)).toMatchObject({ status: 'found', value: 5 });
  });

  it('picks the call whose arguments mention a name, keeping its quotes', () => {
    expect(locateLiteral(code, replug)).toMatchObject({
      status: 'found',
      value: '31s',
      quote: '"',
    });
  });

  it('follows the literal when the reader moved and reformatted the code', () => {
    const moved = `import { createLab } from 'tcp-lab';
const lab = createLab({ server: {
  sysctl: {
    'tcp_retries2':   9,
  },
}, rtt: \`2ms\` });
lab.run();
lab.at(
  '45s',
  () => {
    lab.client.plugIn();
  },
);
`;
    expect(locateLiteral(moved, retries)).toMatchObject({ status: 'found', value: 9 });
    expect(locateLiteral(moved, replug)).toMatchObject({ status: 'found', value: '45s' });
    expect(locateLiteral(moved, { call: 'createLab', argument: 0, path: ['rtt'] })).toMatchObject({
      status: 'found',
      value: '2ms',
      quote: '`',
    });
  });

  it('reads a negative number as one literal, so it can be refused by value', () => {
    const found = locateLiteral(`createLab({ loss: -0.5 });`, {
      call: 'createLab',
      argument: 0,
      path: ['loss'],
    });
    expect(found).toMatchObject({ status: 'found', value: -0.5 });
  });

  it('says when the literal vanished, became an expression, is ambiguous or the code does not parse', () => {
    expect(locateLiteral(code.replace(/lab\.at\("31s".*\n/, ''), replug)).toEqual({
      status: 'missing',
    });
    expect(locateLiteral(code.replace('tcp_retries2: 5', 'tcp_retries2: n + 1'), retries)).toEqual({
      status: 'not-literal',
      text: 'n + 1',
    });
    const twice = `${code}lab.at('50s', () => lab.client.plugIn());\n`;
    expect(locateLiteral(twice, replug)).toEqual({ status: 'ambiguous', count: 2 });
    expect(locateLiteral('createLab({ rtt: ', retries).status).toBe('unparsable');
  });
});

describe('replaceLiteral', () => {
  it('changes only the literal', () => {
    const found = locateLiteral(code, retries);
    if (found.status !== 'found') throw new Error(found.status);
    const edited = replaceLiteral(code, found, '12');
    expect(edited).toBe(code.replace('tcp_retries2: 5', 'tcp_retries2: 12'));
  });
});
