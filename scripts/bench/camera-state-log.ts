// Every camera state a wall page shows, with when it appeared, in window.__cameraStates: the same
// records as test/helpers/camera-page.ts's recordCameraStates (so its waitForCameraState reads
// them), as a string, because the helper's function holds named arrow functions that tsx (the
// bench's runner) wraps in a __name helper the page does not have.
import type { Page } from '@playwright/test';
import type { CameraStateRecord } from '../../test/helpers/camera-page';

const CAMERA_STATE_LOG = `
(function () {
  if (window.__cameraStates) return;
  var records = [];
  window.__cameraStates = records;
  var last = new WeakMap();
  function note(el) {
    var state = el.getAttribute('data-camera-state') || '';
    var cameraId = el.getAttribute('data-camera-id');
    var cause = el.getAttribute('data-camera-cause');
    var key = (cameraId || '') + '|' + state + '|' + (cause || '');
    if (last.get(el) === key) return;
    last.set(el, key);
    var tile = el.closest('[data-tile-id]');
    records.push({ tileId: tile ? tile.getAttribute('data-tile-id') : null, cameraId: cameraId, state: state, cause: cause, at: Date.now() });
  }
  function scan(root) { root.querySelectorAll('[data-camera-state]').forEach(note); }
  scan(document);
  new MutationObserver(function (mutations) {
    mutations.forEach(function (m) {
      if (m.type === 'attributes' && m.target.nodeType === 1 && m.target.hasAttribute('data-camera-state')) note(m.target);
      m.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) return;
        if (node.hasAttribute('data-camera-state')) note(node);
        scan(node);
      });
    });
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-camera-state', 'data-camera-id', 'data-camera-cause'] });
})();
`;

/** Starts the log now (the states shown at this moment are its first records). */
export async function logCameraStates(page: Page): Promise<void> {
  await page.evaluate(CAMERA_STATE_LOG);
}

export function cameraStateLog(page: Page): Promise<CameraStateRecord[]> {
  return page.evaluate(() => window.__cameraStates ?? []);
}
