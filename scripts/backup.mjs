/**
 * `npm run backup`: the database (copied consistently while the server runs), the uploads and a manifest in
 * one timestamped file in BACKUP_DIR, keeping the BACKUP_KEEP newest. Run by hand, by a system timer, or by
 * the server itself on BACKUP_CRON. Exit 0 only when the file is complete and checked.
 */
import { runBackup } from './lib/backup/backup.mjs';
import { BackupError, backupSettings } from './lib/backup/settings.mjs';

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const megabytes = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

try {
  const settings = backupSettings();
  const result = await runBackup(settings, { log: (line) => console.log(`backup: ${line}`) });
  const rows = Object.values(result.manifest.database.counts).reduce((a, b) => a + b, 0);
  console.log(`backup: ${result.file} (${megabytes(result.bytes)}, ${rows} rows, ${result.manifest.uploads.files} uploads) in ${(result.durationMs / 1000).toFixed(1)} s`);
  if (result.removed.length > 0) console.log(`backup: removed ${result.removed.length} older backup(s), keeping ${settings.keep}: ${result.removed.join(', ')}`);
  if (!result.recorded) console.log('backup: the database has no backup_runs table yet (the server never started on it): the health check will not show this backup.');
} catch (error) {
  console.error(`backup failed: ${error instanceof BackupError ? error.message : error.stack}`);
  process.exit(1);
}
