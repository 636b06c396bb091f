import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Starlight reads UI string overrides from here; none yet (en.json is empty), but defining the
  // collection keeps the build and the server from warning that it is missing.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
