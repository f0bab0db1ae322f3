/** A stated total beside the computed one ("97 / 93"), marked when they differ by 0.01 or more. */
export function TotalsCell({
  stated,
  computed,
}: {
  stated: number | null | undefined;
  computed: number | null | undefined;
}) {
  const differs =
    stated !== null &&
    stated !== undefined &&
    computed !== null &&
    computed !== undefined &&
    Math.abs(stated - computed) >= 0.005;
  return (
    <span className={differs ? 'computed-differs' : ''}>
      {stated ?? '—'} / {computed ?? '—'}
    </span>
  );
}
