import os from 'node:os'
import path from 'node:path'

/**
 * The command line's installation folder, where its device id lives: the browser host's default
 * data folder, so both tools on one computer write as the same device, and never beside the file
 * being worked on (which may be a colleague's, on a USB stick).
 */
export const CLI_DEVICE_DIR = path.join(os.homedir(), '.site-atlas')
