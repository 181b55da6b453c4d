/** Runs the CLI in-process, as tests need it: files are a map name → content, output is collected. */
import { runCli } from '../cli.ts';

export async function cliInProcess(argv: string[], files: Record<string, string> = {}, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env,
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readFile: async (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return files[path];
    },
  });
  return { code, stdout, stderr };
}
