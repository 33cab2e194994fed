/**
 * Content collections over the catalogue files in content/ (or CONTENT_DIR), validated with
 * the same zod schemas the import CLI and the API use. Photo paths become astro:assets images.
 */
import { defineCollection, z } from 'astro:content';
import path from 'node:path';
import { file } from 'astro/loaders';
import { CONTENT_FILES } from './catalogue/content-files';
import {
  certificateSchema,
  datasetSchema,
  facilitySchema,
  listingSchema,
  productSchema,
} from './catalogue/schemas';

const root = process.env.CONTENT_DIR ?? 'content';
const at = (name: keyof typeof CONTENT_FILES) => path.join(root, CONTENT_FILES[name]);

export const collections = {
  dataset: defineCollection({ loader: file(at('dataset')), schema: datasetSchema }),
  facilities: defineCollection({
    loader: file(at('facilities')),
    schema: ({ image }) => facilitySchema.extend({ photos: z.array(image()).default([]) }),
  }),
  products: defineCollection({
    loader: file(at('products')),
    schema: ({ image }) => productSchema.extend({ photos: z.array(image()).default([]) }),
  }),
  certificates: defineCollection({ loader: file(at('certificates')), schema: certificateSchema }),
  listings: defineCollection({
    loader: file(at('listings')),
    schema: ({ image }) => listingSchema.extend({ photos: z.array(image()).default([]) }),
  }),
};
