#!/bin/sh
# Makes Debian's chromium available for the console's browser tests.
# Playwright never downloads browsers here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1); the tests
# drive /usr/bin/chromium. Installing needs root; without it we skip and the browser tests
# skip themselves (JUnit assumptions), so the build never fails for lack of a browser.
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: chromium is not installed and this user is not root;" \
       "browser tests will be skipped (install it with: apt-get install -y chromium)" >&2
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium" >&2
(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium) \
  || echo "ensure-chromium: install failed; browser tests will be skipped" >&2
exit 0
