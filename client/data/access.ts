/** `GET /api/access`: 204 once the studio's access token is accepted, 401 without it. */
export async function accessStatus(): Promise<number> {
  return (await fetch('/api/access')).status;
}
