import type { spawnSync } from 'node:child_process'

export declare const BUILD_OUTPUTS: string[]
export declare const BUILD_INPUTS: string[]
export declare function newestMtime(target: string): number
export declare function buildIsStale(root: string): boolean
export declare function electronBinary(electronDir: string, env?: NodeJS.ProcessEnv): string | null
export declare function tryFetchElectron(electronDir: string, timeoutMs?: number, spawn?: typeof spawnSync): boolean
export declare function ensureElectron(
  electronDir: string,
  options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number; fetch?: (electronDir: string) => boolean },
): string | null
export declare const ELECTRON_MISSING_MESSAGE: string
export declare function electronEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv
