/**
 * Whether the workshop is over for the phones: the deck stands on the closing slide or past
 * it (the source lists). Then a phone with no question says thank you and shows the help
 * lines, instead of "the workshop will begin soon". Pure: slide keys are `file.slide`.
 */

function order(key: string): [number, number] {
  const [file, slide] = key.split('.').map(Number);
  return [file ?? 0, slide ?? 0];
}

export function isFinished(slide: string | null, closing: string | undefined): boolean {
  if (slide === null || closing === undefined) return false;
  const [f, s] = order(slide);
  const [cf, cs] = order(closing);
  return f > cf || (f === cf && s >= cs);
}
