/**
 * A readable label from a kebab-case id, for items the model gives no description: "vrijwilligersuren" →
 * "Vrijwilligersuren", "huur-korting" → "Huur korting".
 */
export function humaniseId(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
