import os from 'node:os'
import path from 'node:path'

/**
 * The command line's installation folder, where its device id lives: $SITE_ATLAS_HOME, else
 * ~/.site-atlas (the browser host's default data folder, so both tools on one computer write as
 * the same device), and never beside the file being worked on (which may be a colleague's, on a
 * USB stick). Two copies of one file worked on with two SITE_ATLAS_HOME folders are two devices,
 * whose changes merge field by field (issue 13). Read when a command runs, not when loaded.
 */
export function cliDeviceDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.SITE_ATLAS_HOME?.trim()
  return home ? path.resolve(home) : path.join(os.homedir(), '.site-atlas')
}
