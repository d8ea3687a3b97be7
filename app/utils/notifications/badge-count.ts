// The number on a badge: exact while it fits, then capped so the badge keeps its size.

/** `count` as badge text: "" for none, "1".."99", then "99+" (or `max`+). */
export function badgeCount(count: number, max = 99): string {
  if (count <= 0) return ''
  return count > max ? `${max}+` : String(count)
}
