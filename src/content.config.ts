import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// One entry per chapter file: content/<lang>/<slug>.mdx. The slug (file name) is the translation
// key, so the Chinese and English versions of a chapter share it; src/lib/site/chapters.ts checks
// that every chapter exists in both languages and is in the reading order (src/lib/site/chapterOrder.ts),
// and fails the build naming the file that is not.
const chapters = defineCollection({
  loader: glob({ pattern: ['zh/*.mdx', 'en/*.mdx'], base: './content' }),
  schema: z.object({
    title: z.string().trim().min(1, 'title must not be empty'),
    description: z.string().trim().min(1, 'description must not be empty'),
  }),
});

export const collections = { chapters };
