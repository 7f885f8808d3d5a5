// Filled in when the rival design (issue 11) is part of the gateway.
export function rivalSection() {
  return null;
}
