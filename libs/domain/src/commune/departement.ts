/**
 * The Département of a commune, from its INSEE code (code officiel géographique): the first two
 * characters (« 95 » for 95002, « 2A » and « 2B » in Corsica), the first three overseas (« 971 » to
 * « 976 », and the collectivities « 984 » to « 989 »): the rule of every current commune of
 * @etalab/decoupage-administratif. The Département is not stored in events: a commune's code says it
 * (issue #17).
 */
export function departementOfCommune(codeInsee: string): string {
  return codeInsee.startsWith('97') || codeInsee.startsWith('98') ? codeInsee.slice(0, 3) : codeInsee.slice(0, 2);
}
