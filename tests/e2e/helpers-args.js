// Chromium's flags for this sandbox: no sandbox as root, no GPU, and no background networking
// (this machine's network is closed, and the page must need none).
export const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
