// How every tool of the kit starts Chromium (tests, benchmarks, end-to-end pages): headless, as root in a
// container, on a closed network. Without the background-networking flags Chromium keeps dialling out and
// its refused connections slow everything down (TOOLCHAIN.md).
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
];
