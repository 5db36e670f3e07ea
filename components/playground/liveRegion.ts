// One polite live region per page for every playground's results, so a screen reader hears
// "Run finished: …" once, whichever playground ran.
const REGION_ID = 'playground-announcer';

function region(): HTMLElement {
  let element = document.getElementById(REGION_ID);
  if (!element) {
    element = document.createElement('div');
    element.id = REGION_ID;
    element.className = 'visually-hidden';
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'polite');
    document.body.append(element);
  }
  return element;
}

/** Called when a playground hydrates, so the region exists before anything is announced in it. */
export function prepareAnnouncer(): void {
  if (typeof document !== 'undefined') region();
}

export function announce(message: string): void {
  if (typeof document === 'undefined') return;
  const target = region();
  // Clearing first makes a repeated identical message be announced again.
  target.textContent = '';
  setTimeout(() => {
    target.textContent = message;
  }, 50);
}
