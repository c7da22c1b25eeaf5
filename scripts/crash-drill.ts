// npm run crash-drill [-- --kills N] [-- --seed S] [-- --json]: the crash-safety drill of the test
// suite (tests/integration/crash-safety.test.ts) with more kills (default 1000). A child process
// writes through the real services (imports, lease edits, bulk edits, photo adds, and migrations of
// an older store) and is killed with SIGKILL at seeded random moments; after each kill the store
// must pass integrity_check and hold every acknowledged write whole and the one in flight wholly or
// not at all. Prints the figures; exits 1 on the first failure, naming the seed and the moment.
import { runCrashDrill } from '../tests/helpers/crashDrill'

function parse(argv: string[]): { kills: number; seed: number; json: boolean } {
  const options = { kills: 1000, seed: Math.floor(Math.random() * 2 ** 31), json: false }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    if (flag === '--json') options.json = true
    else if (flag === '--kills' || flag === '--seed') {
      const value = Number(argv[++i])
      if (!Number.isInteger(value) || value < (flag === '--kills' ? 1 : 0)) throw new Error(`${flag}：应为整数`)
      options[flag === '--kills' ? 'kills' : 'seed'] = value
    } else throw new Error(`未知参数：${flag}（可用 --kills N --seed S --json）`)
  }
  return options
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parse>
  try {
    options = parse(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    process.exit(2)
  }
  process.stderr.write(`crash drill: ${options.kills} kills, seed ${options.seed}\n`)
  const figures = await runCrashDrill({ kills: options.kills, seed: options.seed, progress: (line) => process.stderr.write(`${line}\n`) })
  if (options.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`)
  else {
    const share = figures.kills ? Math.round((figures.midWrite / figures.kills) * 100) : 0
    const lines = [
      `seed            ${figures.seed}`,
      `kills           ${figures.kills} (${figures.midWrite} mid-write, ${share}%)`,
      `migrations hit  ${figures.migrations}`,
      `writes acked    ${figures.acknowledged} (${figures.refused} refused)`,
      `time            ${figures.seconds.toFixed(1)} s`,
      'kills by the write begun last (mid-write):',
      ...Object.entries(figures.byOp).sort((a, b) => b[1].kills - a[1].kills).map(([op, n]) => `  ${op.padEnd(14)}${n.kills} (${n.midWrite})`),
      ...Object.entries(figures.refusals).map(([why, n]) => `  refused ${n}× ${why}`),
      `failures        ${figures.failures.length}`,
      ...figures.failures,
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  }
  process.exit(figures.failures.length > 0 ? 1 : 0)
}

void main()
