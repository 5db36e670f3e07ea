/**
 * How browser tests and benchmarks start Chromium: Debian's package, because Playwright's own
 * browser download cannot work here; the flags keep it off the network and quiet in a container.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
