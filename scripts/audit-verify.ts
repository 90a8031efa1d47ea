// `npm run audit:verify [-- --data DIR | --file FILE]`: checks the audit log's hash chain. Prints the
// number of rows and the last hash (keep it somewhere else: a later check against it also shows rows
// cut from the end), or the first row that was changed, removed or reordered. Exit 0 good, 1 broken, 2 unreadable.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAuditFile } from '../src-main/audit/verify-audit-file';
import { auditFile } from '../src-main/audit/audit-file';
import { defaultUserDataDir } from '../src-main/paths';

const { values } = parseArgs({ options: { data: { type: 'string' }, file: { type: 'string' } } });
const file = values.file ?? auditFile(values.data ?? defaultUserDataDir());
try {
  const check = verifyAuditFile(file);
  if (check.ok) {
    process.stdout.write(`audit log ${file}: ${check.rows} rows, chain intact; last hash ${check.lastHash}\n`);
  } else {
    process.stdout.write(`audit log ${file}: BROKEN at row ${check.badId} (${check.rows} rows before it check out): ${check.reason}\n`);
    process.exitCode = 1;
  }
} catch (error) {
  process.stderr.write(`audit log ${join(file)}: cannot be read: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
