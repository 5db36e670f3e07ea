// /runs/<lang>/<snippet>.json: a playground's build-time run, fetched by its island before it
// hydrates (src/lib/islands/islandData.ts) instead of being sent in every page's HTML.
import type { APIRoute, GetStaticPaths } from 'astro';
import { languages } from '../../../i18n';
import { buildRun } from '../../../runner/buildRuns';
import { snippetNames } from '../../../runner/snippetSources';

export const getStaticPaths = (async () =>
  languages.flatMap((lang) =>
    snippetNames().map((snippet) => ({ params: { lang, snippet } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(buildRun(params.snippet!, params.lang!)), {
    headers: { 'Content-Type': 'application/json' },
  });
