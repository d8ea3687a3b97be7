// Runs `npm run doctor -- --json` (its tsx entry) as an administrator would, beside a test server.
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import type { CheckResult } from '../../server/cli/doctor/check-result'
import type { ServerProcess } from './server-process'
import { TEST_APP } from './server-process'

const ROOT = resolve(import.meta.dirname, '../..')

export interface DoctorRun {
  exitCode: number
  checks: CheckResult[]
}

/** The doctor's verdicts for `server`, with the test app's environment plus `env`. */
export function runDoctor(server: ServerProcess, env: Record<string, string> = {}): Promise<DoctorRun> {
  const environment = { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(server.port), REVERB_APP_ID: TEST_APP.id, REVERB_APP_KEY: TEST_APP.key, REVERB_APP_SECRET: TEST_APP.secret, ...env }
  return new Promise((done, reject) => {
    execFile(resolve(ROOT, 'node_modules/.bin/tsx'), ['server/cli/doctor/main.ts', '--json'], { cwd: ROOT, env: environment, timeout: 90_000 }, (error, stdout, stderr) => {
      try {
        done({ exitCode: error ? Number(error.code ?? -1) : 0, checks: (JSON.parse(stdout) as { checks: CheckResult[] }).checks })
      }
      catch {
        reject(new Error(`doctor printed no JSON (${error?.message}):\n${stdout}\n${stderr}`))
      }
    })
  })
}

/** The result of the check named `name` (the first, when there are several). */
export function checkNamed(run: DoctorRun, name: string): CheckResult {
  const found = run.checks.find(check => check.check === name)
  if (!found) throw new Error(`the doctor printed no "${name}" check: ${JSON.stringify(run.checks)}`)
  return found
}
