#!/bin/sh
# Makes Debian's chromium (and a Japanese font, so Japanese pages and screenshots render) available
# for the console's browser tests. Playwright never downloads browsers here
# (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1); the tests drive /usr/bin/chromium. Installing needs root;
# without it we only say so, and the browser tests skip themselves (JUnit assumptions), so the
# build never fails for lack of a browser.
missing=""
command -v chromium >/dev/null 2>&1 || missing="chromium"
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then
  missing="$missing fonts-ipafont-gothic"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: missing:$missing and this user is not root;" \
       "browser tests will be skipped without chromium (install with: apt-get install -y$missing)" >&2
  exit 0
fi
echo "ensure-chromium: installing$missing" >&2
# shellcheck disable=SC2086 # the package list is meant to split
(apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing) \
  || echo "ensure-chromium: install failed; browser tests may be skipped" >&2
exit 0
