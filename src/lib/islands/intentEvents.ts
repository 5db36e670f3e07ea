/**
 * Asks a client:intent island to hydrate now, whether or not its directive has started yet: set
 * this attribute on the island or an ancestor, and dispatch HYDRATE_NOW on the island.
 */
export const HYDRATE_NOW_ATTRIBUTE = 'data-hydrate-now';
export const HYDRATE_NOW = 'islands:hydrate';
/** Dispatched on document: every client:intent island on the page hydrates now. */
export const HYDRATE_ALL = 'islands:hydrate-all';
