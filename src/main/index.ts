// Electron entry: written next.
