/**
 * mm:ss (or h:mm:ss), always positive; the sign is said in words. Rounded up, as countdowns
 * are: "5:00" until a whole second has passed.
 */
export function formatDuration(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
