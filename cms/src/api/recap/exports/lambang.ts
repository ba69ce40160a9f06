import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

const TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/**
 * The lambang from the media library as a data URL the PDF can embed: only a file of the local upload
 * folder, only PNG or JPEG (what a PDF draws). Anything else, or a missing file, leaves the kop without it.
 */
export async function lambangDataUrl(strapi: Core.Strapi, url: string | null): Promise<string | null> {
  if (!url || !url.startsWith('/uploads/')) return null;
  const type = TYPES[path.extname(url).toLowerCase()];
  if (!type) return null;
  const root = path.resolve(strapi.dirs.static.public);
  const file = path.resolve(root, `.${decodeURIComponent(url)}`);
  if (!file.startsWith(`${root}${path.sep}`)) return null;
  try {
    return `data:${type};base64,${(await readFile(file)).toString('base64')}`;
  } catch (error) {
    strapi.log.warn(`[recap] the lambang ${url} could not be read: ${(error as Error).message}`);
    return null;
  }
}
