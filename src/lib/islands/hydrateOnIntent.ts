// client:intent: an island stays its server-rendered HTML until the reader shows an intent to use
// it (the pointer comes over it, focus enters it, a finger touches it) or the page asks for it
// (HYDRATE_NOW on the island, HYDRATE_ALL on document, as "Run all" does). Clicks, and Enter on a non-button, that
// land before hydration has finished are held and replayed on their targets afterwards, and
// focus is given again, so the first click on a button does what it says even when it arrives
// with the pointer.
import type { ClientDirective } from 'astro';
import { HYDRATE_ALL, HYDRATE_NOW, HYDRATE_NOW_ATTRIBUTE } from './intentEvents';
import { fetchIslandData, ISLAND_DATA_ATTRIBUTE } from './islandData';

const intentSignals = ['pointerover', 'focusin', 'touchstart'] as const;

/** Elements the browser handles without JavaScript: their clicks are never held. */
const nativeTargets = 'a[href], input, select, textarea, summary, label';

const hydrateOnIntent: ClientDirective = (load, _options, island) => {
  const held: Event[] = [];
  let started = false;

  const hold = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest(nativeTargets)) return;
    if (event instanceof KeyboardEvent && (event.key !== 'Enter' || target.closest('button')))
      return; // Enter on a button becomes a click, which is held instead.
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push(event);
    start();
  };

  const start = () => {
    if (started) return;
    started = true;
    void (async () => {
      // The island's code and the data it renders from (islandData.ts) come in parallel.
      const dataUrl = island
        .closest(`[${ISLAND_DATA_ATTRIBUTE}]`)
        ?.getAttribute(ISLAND_DATA_ATTRIBUTE);
      let hydrate: Awaited<ReturnType<typeof load>>;
      try {
        [hydrate] = await Promise.all([load(), dataUrl && fetchIslandData(dataUrl)]);
      } catch (error) {
        // Offline before the page was ever cached, say: the page stays readable as it is, and
        // the reader's next intent tries again.
        console.error(error);
        held.length = 0;
        started = false;
        return;
      }
      await hydrate();
      for (const type of intentSignals) island.removeEventListener(type, start);
      island.removeEventListener('click', hold, true);
      island.removeEventListener('keydown', hold, true);
      island.removeEventListener(HYDRATE_NOW, start);
      document.removeEventListener(HYDRATE_ALL, start);
      // Focus that arrived before hydration is given again, so the island's handlers see it.
      const focused = document.activeElement;
      if (
        (focused instanceof HTMLElement || focused instanceof SVGElement) &&
        island.contains(focused)
      ) {
        focused.blur();
        focused.focus({ preventScroll: true });
      }
      for (const event of held.splice(0)) replay(event);
    })();
  };

  for (const type of intentSignals) island.addEventListener(type, start, { passive: true });
  island.addEventListener('click', hold, true);
  island.addEventListener('keydown', hold, true);
  island.addEventListener(HYDRATE_NOW, start);
  document.addEventListener(HYDRATE_ALL, start);
  if (island.closest(`[${HYDRATE_NOW_ATTRIBUTE}]`)) start();
};

function replay(event: Event): void {
  const copy =
    event instanceof KeyboardEvent
      ? new KeyboardEvent(event.type, event)
      : new MouseEvent(event.type, event as MouseEvent);
  event.target?.dispatchEvent(copy);
}

export default hydrateOnIntent;
