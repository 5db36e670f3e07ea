// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseControls } from '../../src/runner/explore/controlSpec';
import { ControlField } from './ControlField';
import { exploreStrings, type ExploreLang } from './strings';

afterEach(cleanup);

const code = `import { createLab } from 'tcp-lab';
const lab = createLab();
const conn = lab.connect();
conn.server.setKeepAlive(true, { idle: '10s', interval: '5s', count: 3 });
lab.at('1s', () => lab.client.unplug());
lab.at('13s', () => lab.client.plugIn());
lab.run({ until: '1m' });
`;

/** The control with the code as its state, as the playground holds it. */
function Harness({
  id,
  initial,
  lang = 'en',
}: {
  id: string;
  initial: string;
  lang?: ExploreLang;
}) {
  const [source, setSource] = useState(initial);
  const [spec] = normaliseControls([id]);
  return (
    <>
      <ControlField
        spec={spec!}
        code={source}
        lang={lang}
        t={exploreStrings(lang)}
        onCode={setSource}
      />
      <pre data-testid="code">{source}</pre>
      <button type="button" onClick={() => setSource(source.replace(/lab\.at\('13s'.*\n/, ''))}>
        delete the replug
      </button>
    </>
  );
}

const shownCode = () => screen.getByTestId('code').textContent;

describe('ControlField', () => {
  it('moving the slider rewrites the literal in the code', () => {
    render(<Harness id="keepIdle" initial={code} />);
    const slider = screen.getByRole('slider', { name: 'Keepalive idle time (TCP_KEEPIDLE)' });
    expect(slider.getAttribute('aria-valuetext')).toBe('10 s');
    fireEvent.change(slider, { target: { value: '45' } });
    expect(shownCode()).toBe(code.replace("idle: '10s'", "idle: '45s'"));
    expect(
      screen.getByRole('spinbutton', { name: 'Keepalive idle time (TCP_KEEPIDLE) (s)' }),
    ).toHaveProperty('value', '45');
  });

  it('refuses an impossible value with a message naming the problem, and leaves the code alone', () => {
    render(<Harness id="keepCount" initial={code} />);
    const field = screen.getByRole('spinbutton', { name: /TCP_KEEPCNT/ });
    fireEvent.change(field, { target: { value: '200' } });
    expect(shownCode()).toBe(code);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe(
      'Keepalive probes (TCP_KEEPCNT) cannot be above 127 probes: 200 probes is impossible.',
    );
    fireEvent.change(field, { target: { value: '4' } });
    expect(shownCode()).toBe(code.replace('count: 3', 'count: 4'));
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('says so, in the page’s language, when the reader’s edit removed the literal', () => {
    render(<Harness id="replugAt" initial={code} lang="zh" />);
    const slider = screen.getByRole('slider', { name: '插回网线的时刻' });
    expect(slider).toHaveProperty('disabled', false);
    fireEvent.click(screen.getByRole('button', { name: 'delete the replug' }));
    expect(slider).toHaveProperty('disabled', true);
    const message = document.getElementById(slider.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toMatch(/^代码里已经没有插回网线的时刻的字面量（lab\.at/);
  });

  it('follows the literal when it moved, and says when it became an expression', () => {
    const moved =
      code.replace("lab.at('13s', () => lab.client.plugIn());\n", '') +
      "lab.at(\n  '20s',\n  () => lab.client.plugIn(),\n);\n";
    const { unmount } = render(<Harness id="replugAt" initial={moved} />);
    const slider = screen.getByRole('slider', { name: 'Cable back in at' });
    fireEvent.change(slider, { target: { value: '30' } });
    expect(shownCode()).toContain("lab.at(\n  '30s',");
    unmount();
    render(
      <Harness id="keepInterval" initial={code.replace("interval: '5s'", 'interval: every')} />,
    );
    expect(screen.getByRole('slider', { name: /TCP_KEEPINTVL/ })).toHaveProperty('disabled', true);
    expect(screen.getByText(/is now the expression every, not a literal/)).toBeTruthy();
  });

  it('offers only the kernel’s values for a choice', () => {
    render(<Harness id="hz" initial={code.replace('createLab()', 'createLab({ hz: 250 })')} />);
    const list = screen.getByRole('combobox', { name: 'CONFIG_HZ' });
    expect([...list.querySelectorAll('option')].map((o) => o.value)).toEqual([
      '100',
      '250',
      '300',
      '1000',
    ]);
    fireEvent.change(list, { target: { value: '1000' } });
    expect(shownCode()).toContain('createLab({ hz: 1000 })');
  });
});
