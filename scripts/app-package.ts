import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { projectRoot } from '../src/project-root.js';
import { filledManifest, type AppDetails } from './manifest-template.js';

/** Schema errors, checked offline against Microsoft's schema bundled in @microsoft/app-manifest. */
export async function manifestErrors(manifest: Record<string, unknown>): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as never);
}

/** The app package Teams admins upload: manifest.json and the two icons, zipped — only if the manifest is valid. */
export async function buildAppPackage(botId: string, app: AppDetails): Promise<Buffer> {
  const manifest = filledManifest(botId, app);
  const errors = await manifestErrors(manifest);
  if (errors.length) throw new Error(`Manifest ungültig:\n${errors.join('\n')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const icon of ['color.png', 'outline.png']) zip.file(icon, readFileSync(join(projectRoot(), 'manifest', icon)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
