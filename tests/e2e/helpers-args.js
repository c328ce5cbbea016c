// Chromium's flags for this sandbox: no sandbox as root, no GPU, and no background networking
// (this machine's network is closed, and the page must need none).
//
// Chromium 156 starts its omnibox popup (a WebUI page in a "top-chrome" renderer process) in
// every new browser context, and each test and each cold load of the bench opens one: on this
// machine's 2 cores that renderer took ~75 % of a core while the page loaded, and moved the
// first frame from ~180 to ~260 ms (BENCHMARKS.md). A reader's browser has its omnibox running
// long before it opens the page, so it is switched off here. Chromium keeps only the last
// --disable-features switch and Playwright passes its own list before ours, so ours carries
// Playwright's list too (playwright-core 1.64's chromiumSwitches; foundation.test.js checks that
// none of it is dropped).
const PLAYWRIGHT_DISABLED = ["AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "DialMediaRouteProvider",
  "GlobalMediaControls", "HttpsUpgrades", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
  "BlockOriginHeaderModificationOnRedirect", "AvoidCorsURLLoaderRestartOnRedirect", "Translate", "AutoDeElevate",
  "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion"];
const OMNIBOX_POPUP = ["WebUIOmniboxPopup", "WebUIOmniboxFullPopup", "WebUIOmniboxAimPopup"];
export const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
  `--disable-features=${[...PLAYWRIGHT_DISABLED, ...OMNIBOX_POPUP].join(",")}`];
