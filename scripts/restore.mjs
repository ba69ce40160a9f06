/**
 * `npm run restore -- FILE [--replace]`: a backup made by `npm run backup` back into the configured database
 * and uploads folder. The server must be stopped. Without --replace it restores only into an empty database
 * and uploads folder; with it, what is there is emptied (SQLite file and uploads are kept beside, renamed).
 */
import path from 'node:path';
import { runRestore } from './lib/backup/restore.mjs';
import { BackupError, backupSettings } from './lib/backup/settings.mjs';

const args = process.argv.slice(2);
const replace = args.includes('--replace');
const files = args.filter((arg) => !arg.startsWith('--'));
if (files.length !== 1) {
  console.error('usage: npm run restore -- FILE [--replace]');
  process.exit(2);
}

try {
  const settings = backupSettings();
  const result = await runRestore(settings, path.resolve(files[0]), { replace, log: (line) => console.log(`restore: ${line}`) });
  console.log(`restore: done — backup of ${result.manifest.createdAt} (version ${result.manifest.version}) restored into the ${settings.database.kind} database and ${settings.uploads}.`);
  for (const aside of [result.databaseAside, result.uploadsAside].filter(Boolean)) console.log(`restore: what was there before is kept at ${aside}`);
  console.log('restore: start the server again (systemctl start layanan-informasi).');
} catch (error) {
  console.error(`restore refused: ${error instanceof BackupError ? error.message : error.stack}`);
  process.exit(1);
}
