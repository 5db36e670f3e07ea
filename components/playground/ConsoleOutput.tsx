// What the snippet printed with console.log, under the editor; the runner already capped it.
import { fill, type PlaygroundStrings } from './strings';

interface Props {
  logs: string[];
  dropped: number;
  t: PlaygroundStrings;
}

export function ConsoleOutput({ logs, dropped, t }: Props) {
  if (logs.length === 0) return null;
  return (
    <figure className="playground-console">
      <figcaption>{t.console.heading}</figcaption>
      <pre>
        <code>{logs.join('\n')}</code>
      </pre>
      {dropped > 0 && (
        <p className="playground-console-dropped">{fill(t.console.dropped, { count: dropped })}</p>
      )}
    </figure>
  );
}
