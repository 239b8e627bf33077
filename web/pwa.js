// Registers the service worker (web/sw.js) that makes the app work offline, and shows a banner
// when a new version has been installed; clicking it lets the new version take over and reloads.
// Reloads on a link to a document or finding (`#doc=…`, crates/web/src/link.rs) entered over the
// page's address, which changes only its hash: the app follows a link as it loads.
const LABELS = { zh: '有新版本，刷新', en: 'New version available — reload' };

// Set when the user asked for the new version: its taking control then reloads the page.
let reloading = false;

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  navigator.serviceWorker.register('sw.js').then((registration) => {
    // A worker waiting beside the one in control is a new version; the first install is not.
    const offerIfUpdate = (worker) => {
      if (worker && navigator.serviceWorker.controller) offer(worker);
    };
    offerIfUpdate(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed') offerIfUpdate(worker);
      });
    });
  });
}

// The hash navigated to, not the address's hash when the event comes: the app may have put its
// own `#doc=…` back in the meantime (after the skip link's `#findings`, say), which is no link.
addEventListener('hashchange', (event) => {
  if (new URL(event.newURL).hash.startsWith('#doc=')) location.reload();
});

function offer(worker) {
  if (document.querySelector('[data-testid=update-available]')) return;
  const banner = document.createElement('div');
  banner.className = 'update-banner no-print';
  banner.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.testid = 'update-available';
  const label = () => {
    button.textContent = document.documentElement.lang.startsWith('en') ? LABELS.en : LABELS.zh;
  };
  label();
  new MutationObserver(label).observe(document.documentElement, { attributeFilter: ['lang'] });
  button.addEventListener('click', () => {
    // Another tab may already have let this version take over.
    if (worker.state === 'activated') {
      location.reload();
      return;
    }
    reloading = true;
    worker.postMessage('activate');
  });
  banner.append(button);
  document.body.append(banner);
}
