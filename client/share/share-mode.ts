/**
 * A share link's page: `/shared` (where `/?share=<token>` lands once the server has set its cookie),
 * `/shared?embed` for a wiki (the canvas only). Decided once from the address at start.
 */
export type ShareMode = 'share' | 'embed';

export function shareModeOf(location: Pick<Location, 'pathname' | 'search'>): ShareMode | null {
  if (location.pathname.replace(/\/+$/, '') !== '/shared') return null;
  return new URLSearchParams(location.search).has('embed') ? 'embed' : 'share';
}

/** The link with `embed` added, in an iframe: what a wiki page pastes. */
export function embedCode(url: string): string {
  const embedded = new URL(url);
  embedded.searchParams.set('embed', '');
  const src = embedded.toString().replace(/embed=$/, 'embed');
  return `<iframe src="${src}" width="800" height="500" style="border:0" title="Schemata diagram"></iframe>`;
}
