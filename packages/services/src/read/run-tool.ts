import { execFile } from 'node:child_process';

export interface ToolResult {
  ok: boolean;
  stdout: string;
  /** The program is not installed (spawn failed with ENOENT). */
  missing: boolean;
  /** Killed for taking longer than its time limit. */
  timedOut: boolean;
  message: string;
}

/**
 * Runs an external program (LibreOffice, pdftoppm, tesseract) with a time limit and an output
 * limit; never throws: a missing program, a timeout and a failure are told apart.
 */
export function runTool(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; maxBuffer?: number },
): Promise<ToolResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
        encoding: 'utf8',
        ...(options.env ? { env: options.env } : {}),
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ ok: true, stdout, missing: false, timedOut: false, message: '' });
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        resolve({
          ok: false,
          stdout,
          missing: code === 'ENOENT',
          timedOut: error.killed === true && error.signal === 'SIGKILL',
          message: (stderr || error.message).trim().split('\n').slice(-3).join(' '),
        });
      },
    );
  });
}
