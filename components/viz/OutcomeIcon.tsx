// A small decorative icon per outcome tone; the text next to it carries the meaning.
import type { OutcomeTone } from './outcomeMeta';

const paths: Record<OutcomeTone, string> = {
  // a check mark: the connection lives
  alive: 'M6 12.5l4 4 8-9',
  // a clock face with a stopped hand: a timer ended it
  timeout: 'M12 7v5l3 2M12 3a9 9 0 1 0 0.01 0',
  // a lightning bolt: an RST or FIN arrived
  reset: 'M13 3L6 13h5l-1 8 7-10h-5l1-8z',
  // an hourglass: nobody knows
  limbo: 'M7 3h10M7 21h10M8 3c0 5 8 5 8 9s-8 4-8 9M16 3c0 5-8 5-8 9s8 4 8 9',
};

export function OutcomeIcon({ tone, size = 24 }: { tone: OutcomeTone; size?: number }) {
  return (
    <svg
      className="viz-icon"
      data-tone={tone}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[tone]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
