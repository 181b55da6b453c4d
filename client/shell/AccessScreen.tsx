/** Shown instead of the app while the API refuses this page for want of the access token (see `access.ts`). */
import './access.css';

export function AccessScreen() {
  return (
    <main className="access-screen" data-testid="access-screen">
      <div className="access-card" role="alert">
        <h1>Schemata: access link needed</h1>
        <p>
          This studio needs its access link: open the URL printed in the terminal where you started it. It looks like
          {' '}<code>{`${window.location.origin}/?token=…`}</code>.
        </p>
        <p className="access-note">
          Opening the link once lets this browser in. The studio makes a new token each time it starts (unless
          {' '}<code>SCHEMATA_TOKEN</code> is set), so after a restart open the new link. Scripts send
          {' '}<code>Authorization: Bearer &lt;token&gt;</code> instead.
        </p>
      </div>
    </main>
  );
}
