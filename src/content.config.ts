import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// One entry per chapter file: content/<lang>/<slug>.mdx. The slug (file name) is the translation
// key, so the Chinese and English versions of a chapter share it. `order` places the chapter (a
// sort key; chapter numbers are places in the sorted list) and `outcomes` names the outcomes it
// explains; src/lib/site/chapterIndex.ts checks the whole set and fails the build naming the file.
const chapters = defineCollection({
  loader: glob({ pattern: ['zh/*.mdx', 'en/*.mdx'], base: './content' }),
  schema: z.object({
    title: z.string().trim().min(1, 'title must not be empty'),
    description: z.string().trim().min(1, 'description must not be empty'),
    order: z.number({ error: 'order must be a number: the place in the reading order' }),
    outcomes: z.array(z.string()).default([]),
  }),
});

export const collections = { chapters };
