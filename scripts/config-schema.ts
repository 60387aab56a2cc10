/**
 * Writes the published JSON Schema of the configuration file (utils/settings/config-file.ts):
 *   npm run schema
 * A unit test fails when the committed file and the settings disagree.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_SCHEMA_NAME, configJsonSchema } from '../utils/settings/config-file';

const target = path.join(import.meta.dirname, '..', 'schema', CONFIG_SCHEMA_NAME);
writeFileSync(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
