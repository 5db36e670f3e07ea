// The site's own client directive (astro.config.mjs registers it), for type-checking .astro files.
declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate when the reader shows intent: pointer over, focus in, touch (hydrateOnIntent.ts). */
    'client:intent'?: boolean;
  }
}
export {};
