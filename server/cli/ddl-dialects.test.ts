/** `cli ddl --dialect mysql|sqlite`: the script on stdout, one `warning:` line per loss on stderr. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.ts';
import type { CliIo } from './command.ts';
import { templates } from '../../shared/model/templates/index.ts';
import { generateMysql } from '../../shared/ddl/mysql.ts';
import { generateSqlite } from '../../shared/ddl/sqlite.ts';

const documentJson = JSON.stringify(templates.find((t) => t.name === 'ecommerce')!.build());

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    readFile: async () => documentJson,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('cli ddl --dialect', () => {
  const model = JSON.parse(documentJson).model;
  it.each([
    ['mysql', generateMysql(model)],
    ['sqlite', generateSqlite(model)],
  ])('%s: SQL on stdout, warnings on stderr', async (dialect, expected) => {
    const result = await run(['ddl', 'doc.json', '--dialect', dialect]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected.sql);
    expect(expected.warnings.length).toBeGreaterThan(0);
    expect(result.stderr).toBe(expected.warnings.map((w) => `warning: ${w}\n`).join(''));
  });

  it('postgres prints no warnings', async () => {
    const result = await run(['ddl', 'doc.json', '--dialect', 'postgres']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CREATE TABLE');
    expect(result.stderr).toBe('');
  });

  it('an unknown dialect names the known ones', async () => {
    const result = await run(['ddl', 'doc.json', '--dialect', 'oracle']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('schemata ddl: unknown dialect "oracle" (known: postgres, mysql, sqlite)\n');
  });
});
